//! Source detection: outlet, wire agencies, dateline, credits and boilerplate.

use newsproc_layers::names;
use newsproc_layers::source::SourceLayer;
use newsproc_sdk::{ConfigError, Document, Span, Stage, StageError};

pub struct SourceStage;

impl Stage for SourceStage {
    const NAME: &'static str = "source";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str =
        "Where the article comes from: outlet, wire agencies, dateline, credits, boilerplate.";
    const PROVIDES: &'static str = names::SOURCE;
    type Config = ();
    type Output = SourceLayer;

    fn new(_: ()) -> Result<Self, ConfigError> {
        Ok(SourceStage)
    }

    fn process(&self, doc: &Document) -> Result<SourceLayer, StageError> {
        Ok(SourceLayer {
            body: vec![Span::new(0, doc.text.len())],
            ..SourceLayer::default()
        })
    }
}

newsproc_sdk::export_stage!(SourceStage);
