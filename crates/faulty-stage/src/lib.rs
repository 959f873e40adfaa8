//! A stage that fails in every way a stage can, each triggered by a marker in the text, so
//! that one pipeline run can show that each failure stays with its document.

use newsproc_sdk::{ConfigError, Document, Span, Stage, StageError};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
pub struct FaultyConfig {
    /// Panic when the text contains this.
    pub panic_on: String,
    /// Return a stage error when the text contains this.
    pub fail_on: String,
    /// Return a span past the end of the text when the text contains this.
    pub overrun_on: String,
    /// Return a span that splits a character when the text contains this.
    pub split_char_on: String,
    /// Refuse to start.
    pub refuse_to_start: bool,
    /// Panic while starting.
    pub panic_on_start: bool,
    /// Sleep this long on every document, to make a run slow enough to interrupt.
    pub delay_ms: u64,
}

impl Default for FaultyConfig {
    fn default() -> Self {
        FaultyConfig {
            panic_on: "PANIC".into(),
            fail_on: "FAIL".into(),
            overrun_on: "OVERRUN".into(),
            split_char_on: "SPLITCHAR".into(),
            refuse_to_start: false,
            panic_on_start: false,
            delay_ms: 0,
        }
    }
}

pub struct FaultyStage {
    config: FaultyConfig,
}

#[derive(Serialize)]
pub struct FaultyLayer {
    pub whole: Span,
}

impl Stage for FaultyStage {
    const NAME: &'static str = "faulty";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Misbehaves on request (tests only).";
    const PROVIDES: &'static str = "faulty";
    type Config = FaultyConfig;
    type Output = FaultyLayer;

    fn new(config: FaultyConfig) -> Result<Self, ConfigError> {
        if config.panic_on_start {
            panic!("asked to panic while starting");
        }
        if config.refuse_to_start {
            return Err(ConfigError::at_key(
                "refuse_to_start",
                "asked to refuse to start",
            ));
        }
        Ok(FaultyStage { config })
    }

    fn process(&self, doc: &Document) -> Result<FaultyLayer, StageError> {
        if self.config.delay_ms > 0 {
            std::thread::sleep(std::time::Duration::from_millis(self.config.delay_ms));
        }
        let text = &doc.text;
        let has = |marker: &str| !marker.is_empty() && text.contains(marker);
        if has(&self.config.panic_on) {
            panic!("asked to panic on document {}", doc.id);
        }
        if has(&self.config.fail_on) {
            return Err(StageError::new(format!(
                "asked to fail on document {}",
                doc.id
            )));
        }
        if has(&self.config.overrun_on) {
            return Ok(FaultyLayer {
                whole: Span::new(0, text.len() + 10),
            });
        }
        if has(&self.config.split_char_on) {
            let inside = text
                .char_indices()
                .find(|(_, c)| c.len_utf8() > 1)
                .map_or(0, |(i, _)| i + 1);
            return Ok(FaultyLayer {
                whole: Span::new(0, inside),
            });
        }
        Ok(FaultyLayer {
            whole: Span::new(0, text.len()),
        })
    }
}

newsproc_sdk::export_stage!(FaultyStage);
