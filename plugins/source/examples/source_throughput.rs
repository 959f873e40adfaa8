//! Throughput of the source stage alone, without the JSON protocol: runs the stage over
//! the fixture articles (or the `.txt` files given as arguments) repeatedly and prints
//! MB/s. For profiling: `cargo run --release -p newsproc-stage-source --example
//! source_throughput [FILES...]`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use newsproc_sdk::Stage;
use newsproc_stage_source::SourceStage;

fn main() {
    let mut paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles");
        paths = std::fs::read_dir(dir)
            .expect("fixtures/articles exists")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
    }
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a UTF-8 text file"))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let stage = SourceStage::new(Default::default()).expect("the built-in lists load");
    let rounds = (200_000_000 / bytes.max(1)).clamp(1, 10_000);
    let start = Instant::now();
    let mut spans = 0;
    for _ in 0..rounds {
        for t in &texts {
            spans += stage.layer(t).boilerplate.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} texts, {} bytes, {rounds} rounds: {:.1} MB/s ({spans} boilerplate spans)",
        texts.len(),
        bytes,
        (bytes * rounds) as f64 / secs / 1e6
    );
}
