//! Each shipped stage, and the whole pipeline, over the fixture articles: once linked
//! in-process and once loaded from its library, so that the cost of the dynamic boundary
//! shows as the difference between the two.
//!
//! `cargo bench -p newsproc-host --bench pipeline`

mod support;

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newsproc_host::loader;
use newsproc_host::search::SearchPath;
use newsproc_sdk::{Chain, DynStage};

use support::{STAGES, fixture_texts, in_process_stages, inputs_for, outcomes, workspace_root};

/// The same stages from their release libraries, built here so that the bench measures
/// what the code in the tree compiles to.
fn loaded_stages() -> Vec<Arc<dyn DynStage>> {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(Path::parent).unwrap().to_path_buf();
    let mut build = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    build
        .current_dir(workspace_root())
        .args(["build", "--quiet", "--release"]);
    for stage in STAGES {
        build.args(["-p", &format!("newsproc-stage-{stage}")]);
    }
    assert!(
        build.status().unwrap().success(),
        "building the plugins failed"
    );
    let search = SearchPath::new(&[profile_dir], &[], false);
    STAGES
        .iter()
        .map(|name| {
            let path = search.find(name).expect("the plugin was just built");
            let plugin = loader::load(&path).unwrap();
            Arc::new(plugin.instantiate(&Default::default()).unwrap()) as Arc<dyn DynStage>
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = fixture_texts();
    let total_bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let variants = [
        ("in-process", in_process_stages()),
        ("dynamic", loaded_stages()),
    ];

    let mut whole = c.benchmark_group("pipeline");
    whole.throughput(Throughput::Bytes(total_bytes));
    for (label, stages) in &variants {
        let chain = Chain::of(stages.iter().cloned()).unwrap();
        whole.bench_function(BenchmarkId::from_parameter(label), |b| {
            b.iter(|| {
                for text in &texts {
                    std::hint::black_box(chain.run("bench", text, false));
                }
            })
        });
    }
    whole.finish();

    // Each stage alone, on documents that carry the layers it sees, prepared once.
    let outcomes = outcomes(&variants[0].1, &texts);
    for (i, name) in STAGES.iter().enumerate() {
        let inputs = inputs_for(variants[0].1[i].as_ref(), &texts, &outcomes);
        let mut group = c.benchmark_group(format!("stage/{name}"));
        group.throughput(Throughput::Bytes(total_bytes));
        for (label, stages) in &variants {
            let stage = &stages[i];
            group.bench_function(BenchmarkId::from_parameter(label), |b| {
                b.iter(|| {
                    for input in &inputs {
                        stage
                            .process(input, &mut |out| {
                                std::hint::black_box(out);
                            })
                            .unwrap();
                    }
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
