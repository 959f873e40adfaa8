//! What the stage says about each fixture article, with the source stage before it.
//! Read a new or changed snapshot against its article before accepting it.

use newsproc_sdk::{Chain, in_process};
use newsproc_stage_attribution::AttributionStage;
use newsproc_stage_source::SourceStage;

#[test]
fn fixture_articles() {
    let chain = Chain::of([
        in_process::<SourceStage>().unwrap(),
        in_process::<AttributionStage>().unwrap(),
    ])
    .unwrap();
    insta::glob!("../../../fixtures/articles", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let outcome = chain.run("fixture", &text, true);
        assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
        let layer = outcome.layer("attribution").unwrap();
        insta::assert_snapshot!("report", layer.report.clone().unwrap_or_default());
        insta::assert_json_snapshot!("layer", outcome.layer_value("attribution").unwrap());
    });
}
