//! Each shipped stage, and the whole pipeline, over the fixture articles: once linked
//! in-process and once loaded from its library, so that the cost of the dynamic boundary
//! shows as the difference between the two.
//!
//! `cargo bench -p newsproc-host --bench pipeline`

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newsproc_host::loader;
use newsproc_host::search::SearchPath;
use newsproc_sdk::{Chain, Document, DynStage, in_process};
use newsproc_stage_attribution::AttributionStage;
use newsproc_stage_casualties::CasualtiesStage;
use newsproc_stage_quotes::QuotesStage;
use newsproc_stage_source::SourceStage;

const STAGES: &[&str] = &["source", "attribution", "quotes", "casualties"];

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture_texts() -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(workspace_root().join("fixtures/articles"))
        .expect("fixtures/articles exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn in_process_stages() -> Vec<Arc<dyn DynStage>> {
    vec![
        in_process::<SourceStage>().unwrap(),
        in_process::<AttributionStage>().unwrap(),
        in_process::<QuotesStage>().unwrap(),
        in_process::<CasualtiesStage>().unwrap(),
    ]
}

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
    let reference = Chain::of(variants[0].1.iter().cloned()).unwrap();
    let outcomes: Vec<_> = texts
        .iter()
        .map(|t| reference.run("bench", t, false))
        .collect();
    for (i, name) in STAGES.iter().enumerate() {
        let manifest = variants[0].1[i].manifest().clone();
        let inputs: Vec<Document> = texts
            .iter()
            .zip(&outcomes)
            .map(|(text, outcome)| {
                let layers = manifest
                    .visible_layers()
                    .filter_map(|l| outcome.layer(l).map(|o| (l, o.json.get())));
                Document::new("bench", text, layers, false)
            })
            .collect();
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
