//! Snapshot of the layer and the report for every fixture article, with the upstream
//! stages the pipeline runs before this one (source, attribution).

use newsproc_sdk::{Chain, in_process};
use newsproc_stage_attribution::AttributionStage;
use newsproc_stage_quotes::QuotesStage;
use newsproc_stage_source::SourceStage;

#[test]
fn fixtures() {
    let chain = Chain::of([
        in_process::<SourceStage>().unwrap(),
        in_process::<AttributionStage>().unwrap(),
        in_process::<QuotesStage>().unwrap(),
    ])
    .unwrap();
    insta::glob!("../../../fixtures/articles", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let outcome = chain.run("fixture", &text, true);
        let layer = outcome.layer("quotes").unwrap_or_else(|| {
            panic!(
                "no quotes layer for {}: {:?}",
                path.display(),
                outcome.errors
            )
        });
        insta::assert_snapshot!("report", layer.report.clone().unwrap_or_default());
        insta::assert_json_snapshot!("layer", outcome.layer_value("quotes").unwrap());
    });
}
