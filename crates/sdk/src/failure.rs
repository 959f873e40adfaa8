use std::fmt;

use newsproc_abi as abi;
use serde::{Deserialize, Serialize};

/// What kind of failure a document met in one stage. Serialized into error records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    /// The document itself could not be read (not UTF-8, not JSON, no text, empty).
    Input,
    /// The stage could not read what the host sent it.
    InvalidInput,
    /// The stage reported an error for this document.
    Stage,
    /// The stage panicked; the panic was caught at the boundary.
    Panic,
    /// The stage returned something the host refuses: not JSON, or a span outside the
    /// text or off a character boundary. The layer is dropped.
    InvalidOutput,
    /// The stage was not run because a layer it requires is missing, an earlier stage
    /// having failed on this document.
    Skipped,
}

impl FailureKind {
    pub fn status(self) -> abi::Status {
        match self {
            FailureKind::Input | FailureKind::InvalidInput => abi::STATUS_INVALID_INPUT,
            FailureKind::Panic => abi::STATUS_PANIC,
            FailureKind::Stage | FailureKind::InvalidOutput | FailureKind::Skipped => {
                abi::STATUS_STAGE_ERROR
            }
        }
    }

    /// The kind a status code from a plugin stands for; `None` for an unknown code.
    pub fn from_status(status: abi::Status) -> Option<FailureKind> {
        match status {
            abi::STATUS_INVALID_INPUT => Some(FailureKind::InvalidInput),
            abi::STATUS_STAGE_ERROR => Some(FailureKind::Stage),
            abi::STATUS_PANIC => Some(FailureKind::Panic),
            _ => None,
        }
    }
}

/// A stage's failure on one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub kind: FailureKind,
    pub message: String,
}

impl Failure {
    pub fn new(kind: FailureKind, message: impl Into<String>) -> Failure {
        Failure {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}
