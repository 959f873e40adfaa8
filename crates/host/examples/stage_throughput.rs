//! Throughput of one shipped stage, or of the whole pipeline, linked in-process, over any
//! corpus: the criterion bench's `stage/<name>/in-process` measure on the fixtures, made
//! for profiling and for corpora of your choice.
//!
//! `cargo run --release -p newsproc-host --example stage_throughput -- <STAGE|pipeline> [FILE ...]`
//!
//! Files are `.jsonl` corpora (the `text` of each line) or plain articles; without any,
//! the fixture articles. Each text is first run through the whole chain once, so that the
//! stage sees the layers it would see in a pipeline; only the stage is timed. It runs
//! for at least a second, or exactly `PASSES=N` passes over the corpus (for comparing
//! instruction counts under `valgrind --tool=callgrind`).

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::time::Instant;

use newsproc_sdk::Chain;

use support::{STAGES, fixture_texts, in_process_stages, inputs_for, outcomes, texts_of};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(target) = args
        .next()
        .filter(|t| t == "pipeline" || STAGES.contains(&t.as_str()))
    else {
        eprintln!(
            "usage: stage_throughput <{}|pipeline> [FILE.jsonl|FILE.txt ...]",
            STAGES.join("|")
        );
        std::process::exit(2);
    };
    let paths: Vec<PathBuf> = args.map(PathBuf::from).collect();
    let texts = if paths.is_empty() {
        fixture_texts()
    } else {
        texts_of(&paths)
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let stages = in_process_stages();
    let passes: Option<usize> = std::env::var("PASSES").ok().and_then(|p| p.parse().ok());
    let enough = |done: usize, started: Instant| match passes {
        Some(n) => done >= n,
        None => done > 0 && started.elapsed().as_secs_f64() >= 1.0,
    };

    let (done, seconds) = if target == "pipeline" {
        let chain = Chain::of(stages.iter().cloned()).unwrap();
        let started = Instant::now();
        let mut done = 0;
        while !enough(done, started) {
            for text in &texts {
                std::hint::black_box(chain.run("throughput", text, false));
            }
            done += 1;
        }
        (done, started.elapsed().as_secs_f64())
    } else {
        let at = STAGES.iter().position(|s| *s == target).unwrap();
        let outcomes = outcomes(&stages, &texts);
        let inputs = inputs_for(stages[at].as_ref(), &texts, &outcomes);
        let started = Instant::now();
        let mut done = 0;
        while !enough(done, started) {
            for input in &inputs {
                stages[at]
                    .process(input, &mut |out| {
                        std::hint::black_box(out);
                    })
                    .unwrap_or_else(|e| panic!("{target} failed: {}", e.message));
            }
            done += 1;
        }
        (done, started.elapsed().as_secs_f64())
    };
    println!(
        "{target}: {} documents, {:.2} MB, {done} passes in {seconds:.2} s: {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        (bytes * done) as f64 / seconds / 1e6
    );
}
