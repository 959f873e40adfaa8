//! One module per task family. Each evaluates a document once, and both the metrics and
//! the error listing are read off that evaluation, so they cannot disagree.

pub(crate) mod attribution;
pub(crate) mod casualties;
pub(crate) mod quotes;
pub(crate) mod source;

use serde::de::DeserializeOwned;

use crate::Task;
use crate::eval_error::EvalError;
use crate::gold::{GoldAnnotation, GoldCasualties, GoldDoc, GoldRelation, GoldSource};
use crate::predictions::{Predictions, parse_layer};

/// What a walk over the documents learned about the predictions themselves.
#[derive(Debug, Default)]
pub(crate) struct Coverage {
    /// Documents with no record, no layer, or a layer not in the contract's shape.
    pub missing_docs: u64,
    pub warnings: Vec<String>,
}

/// Calls `visit` with each gold document (and its index) and its predicted layer, parsed
/// as `L`; `None` when the record or layer is missing or unreadable, which then scores
/// as empty predictions.
pub(crate) fn walk<L: DeserializeOwned>(
    task: Task,
    gold: &[GoldDoc],
    predictions: &Predictions,
    mut visit: impl FnMut(usize, &GoldDoc, Option<&L>) -> Result<(), EvalError>,
) -> Result<Coverage, EvalError> {
    let mut coverage = Coverage::default();
    let raw_layers = predictions.layers_for(task, gold);
    for (index, (doc, raw)) in gold.iter().zip(raw_layers).enumerate() {
        let layer = raw.and_then(|raw| {
            parse_layer::<L>(raw)
                .map_err(|reason| {
                    coverage.warnings.push(format!(
                        "{}: {} layer not in the contract's shape, scored as missing: {reason}",
                        doc.id,
                        task.layer()
                    ));
                })
                .ok()
        });
        if layer.is_none() {
            coverage.missing_docs += 1;
        }
        visit(index, doc, layer.as_ref())?;
    }
    Ok(coverage)
}

fn wrong_gold(doc: &GoldDoc, task: Task) -> EvalError {
    EvalError::WrongGold {
        id: doc.id.clone(),
        task: task.name(),
    }
}

pub(crate) fn relations(doc: &GoldDoc, task: Task) -> Result<&[GoldRelation], EvalError> {
    match &doc.annotation {
        GoldAnnotation::Relations(relations) => Ok(relations),
        _ => Err(wrong_gold(doc, task)),
    }
}

pub(crate) fn casualties(doc: &GoldDoc) -> Result<&GoldCasualties, EvalError> {
    match &doc.annotation {
        GoldAnnotation::Casualties(c) => Ok(c),
        _ => Err(wrong_gold(doc, Task::Casualties)),
    }
}

pub(crate) fn source(doc: &GoldDoc) -> Result<&GoldSource, EvalError> {
    match &doc.annotation {
        GoldAnnotation::Source(s) => Ok(s),
        _ => Err(wrong_gold(doc, Task::Source)),
    }
}

/// The overlap ratio as a percentage, for error messages.
pub(crate) fn percent(overlap: crate::spans::Overlap) -> String {
    format!("{:.0}%", overlap.ratio() * 100.0)
}
