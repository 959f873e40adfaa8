//! Start-up cost of the source stage: builds it repeatedly and prints the time per build.
//! `cargo run --release -p newsproc-stage-source --example source_startup`.

use std::time::Instant;

use newsproc_sdk::Stage;
use newsproc_stage_source::SourceStage;

fn main() {
    let rounds = 50;
    let start = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(
            SourceStage::new(Default::default()).expect("the built-in lists load"),
        );
    }
    let per = start.elapsed().as_secs_f64() / rounds as f64;
    println!("SourceStage::new: {:.2} ms", per * 1e3);
    let stage = SourceStage::new(Default::default()).unwrap();
    let start = Instant::now();
    std::hint::black_box(
        stage.layer("AMMAN (Reuters) - A first text, which builds what is built on first use."),
    );
    println!(
        "first document: {:.2} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
}
