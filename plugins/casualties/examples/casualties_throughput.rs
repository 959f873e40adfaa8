//! Throughput of the casualty analysis alone (no JSON protocol) over a corpus: the
//! fixture articles, or the `text` of each line of JSONL files given as arguments.
//!
//! `cargo run --release -p newsproc-stage-casualties --example casualties_throughput [FILE.jsonl ...]`
//! (`PASSES=N` for a fixed amount of work, to compare instruction counts).

use std::time::Instant;

use newsproc_sdk::Stage;
use newsproc_stage_casualties::{CasualtiesStage, Config};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let texts: Vec<String> = if args.is_empty() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/articles");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("fixtures/articles")
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    } else {
        args.iter()
            .flat_map(|path| {
                std::fs::read_to_string(path)
                    .unwrap()
                    .lines()
                    .filter_map(|l| {
                        let v: serde_json::Value = serde_json::from_str(l).ok()?;
                        Some(v.get("text")?.as_str()?.to_string())
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let stage = CasualtiesStage::new(Config::default()).unwrap();
    // At least a second of work, at least one pass; or exactly `PASSES` passes.
    let fixed: Option<usize> = std::env::var("PASSES").ok().and_then(|p| p.parse().ok());
    let start = Instant::now();
    let mut passes = 0;
    let mut claims = 0;
    while match fixed {
        Some(n) => passes < n,
        None => passes == 0 || start.elapsed().as_secs_f64() < 1.0,
    } {
        for t in &texts {
            claims += stage.layer(t, None, None).claims.len();
        }
        passes += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} documents, {:.2} MB, {passes} passes, {claims} claims: {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        (bytes * passes) as f64 / 1e6 / secs
    );
}
