//! Quote extraction: every quotation, its speaker, and what is not speech.

use newsproc_layers::names;
use newsproc_layers::quotes::QuotesLayer;
use newsproc_sdk::{ConfigError, Document, Stage, StageError};

pub struct QuotesStage;

impl Stage for QuotesStage {
    const NAME: &'static str = "quotes";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str =
        "Every quotation in the text, its speaker, and what is not speech.";
    const PROVIDES: &'static str = names::QUOTES;
    const REQUIRES: &'static [&'static str] = &[names::SOURCE, names::ATTRIBUTION];
    type Config = ();
    type Output = QuotesLayer;

    fn new(_: ()) -> Result<Self, ConfigError> {
        Ok(QuotesStage)
    }

    fn process(&self, _doc: &Document) -> Result<QuotesLayer, StageError> {
        Ok(QuotesLayer::default())
    }
}

newsproc_sdk::export_stage!(QuotesStage);
