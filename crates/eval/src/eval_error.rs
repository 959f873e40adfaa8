//! Why scoring could not run.

use std::fmt;

/// A gold or prediction file that cannot be read, or gold of the wrong kind for the task.
#[derive(Debug)]
pub enum EvalError {
    Io(std::io::Error),
    /// A gold line that is not a record of the task's shape (`line` counts from 1).
    Gold {
        line: usize,
        message: String,
    },
    /// A prediction line that is not a JSON object with a string `id`.
    Prediction {
        line: usize,
        message: String,
    },
    /// No gold record has any of the fields the task scores: most likely gold of
    /// another task.
    NoAnnotations {
        task: &'static str,
        records: usize,
        fields: &'static str,
    },
    /// A gold document whose annotation belongs to another task.
    WrongGold {
        id: String,
        task: &'static str,
    },
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Io(e) => write!(f, "reading input: {e}"),
            EvalError::Gold { line, message } => write!(f, "gold line {line}: {message}"),
            EvalError::Prediction { line, message } => {
                write!(f, "prediction line {line}: {message}")
            }
            EvalError::NoAnnotations {
                task,
                records,
                fields,
            } => write!(
                f,
                "none of the {records} gold records has {fields}, which --task {task} scores: \
                 is this gold for another task? (attribution gold has `attributions`, \
                 casualty gold `killed` and `injured`, source gold `wire_agency`, `dateline` \
                 and `boilerplate`)"
            ),
            EvalError::WrongGold { id, task } => {
                write!(f, "gold document {id} is not {task} gold")
            }
        }
    }
}

impl std::error::Error for EvalError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EvalError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for EvalError {
    fn from(e: std::io::Error) -> EvalError {
        EvalError::Io(e)
    }
}
