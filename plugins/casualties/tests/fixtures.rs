//! Snapshot of the layer and the report for every fixture article, with the upstream
//! stages the pipeline runs before this one (source, attribution).

use newsproc_sdk::{Chain, in_process};
use newsproc_stage_attribution::AttributionStage;
use newsproc_stage_casualties::CasualtiesStage;
use newsproc_stage_source::SourceStage;

#[test]
fn fixtures() {
    let chain = Chain::of([
        in_process::<SourceStage>().unwrap(),
        in_process::<AttributionStage>().unwrap(),
        in_process::<CasualtiesStage>().unwrap(),
    ])
    .unwrap();
    insta::glob!("../../../fixtures/articles", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let outcome = chain.run("fixture", &text, true);
        let layer = outcome.layer("casualties").expect("the casualties layer");
        insta::assert_snapshot!("report", layer.report.clone().unwrap_or_default());
        insta::assert_json_snapshot!("layer", outcome.layer_value("casualties").unwrap());
    });
}
