//! Snapshot of the layer and the report for every fixture article. Each snapshot states
//! what the stage claims about a real text: read it against the article before accepting.

use newsproc_sdk::{Chain, in_process};
use newsproc_stage_source::SourceStage;

#[test]
fn fixtures() {
    let chain = Chain::of([in_process::<SourceStage>().unwrap()]).unwrap();
    insta::glob!("../../../fixtures/articles", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let outcome = chain.run("fixture", &text, true);
        let layer = outcome.layer("source").expect("the source layer");
        insta::assert_snapshot!("report", layer.report.clone().unwrap_or_default());
        insta::assert_json_snapshot!("layer", outcome.layer_value("source").unwrap());
    });
}
