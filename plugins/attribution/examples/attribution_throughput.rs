//! Times the stage alone on text files or a JSONL corpus (`{"text": ...}` per line):
//! `cargo run --release -p newsproc-stage-attribution --example attribution_throughput -- FILE...`
//! Handy under `perf record`; the criterion bench in `newsproc-host` is the reference.

use std::time::Instant;

use newsproc_sdk::Stage;
use newsproc_stage_attribution::{AttributionStage, Config};

fn main() {
    let mut texts: Vec<String> = Vec::new();
    for path in std::env::args().skip(1) {
        let content = std::fs::read_to_string(&path).expect("readable file");
        if path.ends_with(".jsonl") {
            for line in content.lines() {
                let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
                if let Some(t) = v["text"].as_str() {
                    texts.push(t.to_owned());
                }
            }
        } else {
            texts.push(content);
        }
    }
    let stage = AttributionStage::new(Config::default()).expect("default config");
    let bytes: usize = texts.iter().map(String::len).sum();
    let rounds = (50_000_000 / bytes.max(1)).clamp(1, 1000);
    let start = Instant::now();
    let mut relations = 0;
    for _ in 0..rounds {
        for t in &texts {
            relations += stage.extract(t, None).attributions.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} texts, {} bytes, {rounds} rounds: {:.1} MB/s ({relations} relations)",
        texts.len(),
        bytes,
        (bytes * rounds) as f64 / secs / 1e6
    );
}
