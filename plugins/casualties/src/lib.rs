//! Casualty counting: casualty claims and article totals.

use newsproc_layers::casualties::CasualtyLayer;
use newsproc_layers::names;
use newsproc_sdk::{ConfigError, Document, Stage, StageError};

pub struct CasualtiesStage;

impl Stage for CasualtiesStage {
    const NAME: &'static str = "casualties";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str =
        "Casualty claims with number, victims and claimant, and article totals.";
    const PROVIDES: &'static str = names::CASUALTIES;
    const REQUIRES: &'static [&'static str] = &[names::SOURCE, names::ATTRIBUTION];
    type Config = ();
    type Output = CasualtyLayer;

    fn new(_: ()) -> Result<Self, ConfigError> {
        Ok(CasualtiesStage)
    }

    fn process(&self, _doc: &Document) -> Result<CasualtyLayer, StageError> {
        Ok(CasualtyLayer::default())
    }
}

newsproc_sdk::export_stage!(CasualtiesStage);
