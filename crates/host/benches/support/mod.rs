//! What the pipeline bench and the `stage_throughput` example share: the texts to run on,
//! the shipped stages linked in-process, and documents carrying the layers a stage sees.

#![allow(dead_code)] // each of the two targets uses its own part

use std::path::{Path, PathBuf};
use std::sync::Arc;

use newsproc_sdk::{Chain, DocOutcome, Document, DynStage, in_process};
use newsproc_stage_attribution::AttributionStage;
use newsproc_stage_casualties::CasualtiesStage;
use newsproc_stage_quotes::QuotesStage;
use newsproc_stage_source::SourceStage;

/// The shipped stages, in pipeline order.
pub const STAGES: &[&str] = &["source", "attribution", "quotes", "casualties"];

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The fixture articles, in file name order.
pub fn fixture_texts() -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(workspace_root().join("fixtures/articles"))
        .expect("fixtures/articles exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    texts_of(&paths)
}

/// The texts of `paths`: a `.jsonl` file gives the `text` of each line, any other file
/// its content.
pub fn texts_of(paths: &[PathBuf]) -> Vec<String> {
    let mut texts = Vec::new();
    for path in paths {
        let content = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        if path.extension().is_some_and(|e| e == "jsonl") {
            for line in content.lines().filter(|l| !l.trim().is_empty()) {
                let record: serde_json::Value = serde_json::from_str(line)
                    .unwrap_or_else(|e| panic!("{}: a line is not JSON: {e}", path.display()));
                if let Some(text) = record["text"].as_str() {
                    texts.push(text.to_owned());
                }
            }
        } else {
            texts.push(content);
        }
    }
    texts
}

/// The shipped stages linked into this binary, in [`STAGES`] order.
pub fn in_process_stages() -> Vec<Arc<dyn DynStage>> {
    vec![
        in_process::<SourceStage>().unwrap(),
        in_process::<AttributionStage>().unwrap(),
        in_process::<QuotesStage>().unwrap(),
        in_process::<CasualtiesStage>().unwrap(),
    ]
}

/// What the whole chain makes of each text: the layers later stages read.
pub fn outcomes(stages: &[Arc<dyn DynStage>], texts: &[String]) -> Vec<DocOutcome> {
    let chain = Chain::of(stages.iter().cloned()).unwrap();
    texts.iter().map(|t| chain.run("bench", t, false)).collect()
}

/// Each text as `stage` sees it in the pipeline: with the layers it requires or uses.
pub fn inputs_for<'a>(
    stage: &dyn DynStage,
    texts: &'a [String],
    outcomes: &'a [DocOutcome],
) -> Vec<Document<'a>> {
    let manifest = stage.manifest();
    texts
        .iter()
        .zip(outcomes)
        .map(|(text, outcome)| {
            let layers = manifest
                .visible_layers()
                .filter_map(|l| outcome.layer(l))
                .map(|o| (o.layer.as_str(), o.json.get()));
            Document::new("bench", text, layers, false)
        })
        .collect()
}
