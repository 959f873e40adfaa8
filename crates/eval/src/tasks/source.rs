//! The `source` task: outlet, wire agencies, dateline and boilerplate.
//!
//! - Outlet accuracy over all documents. When the outlet is not named in the text
//!   (`outlet_in_text: false`) naming none is right, and naming the right outlet anyway
//!   is right too; when it is named, only the right outlet is. A gold document without an
//!   outlet wants none. `outlet_named_in_text_accuracy` and `outlet_abstention_accuracy`
//!   are the same over the two halves.
//! - Wire-agency set accuracy over all documents: the predicted set equals the gold set
//!   (both empty counts).
//! - Datelines (at most one per document) match by the span rule; precision over
//!   predicted datelines, recall over gold ones; place accuracy over matched datelines
//!   compares `place` with the gold `city` (a gold dateline without a city wants none).
//! - Boilerplate: the bytes of all gold spans against the bytes of all predicted spans,
//!   summed over the corpus before dividing (micro average).
//!
//! Names (outlets, agencies, places) compare case-insensitively with runs of whitespace
//! as one space; an empty name is no name.

use std::collections::BTreeSet;

use crate::Task;
use crate::errors::{ErrorKind, Finding};
use crate::eval_error::EvalError;
use crate::gold::{GoldDoc, GoldSource};
use crate::predictions::{Predictions, SourceLayer};
use crate::rate::{Counts, rate};
use crate::report::{ByteMetrics, DatelineMetrics, SourceMetrics, TaskMetrics};
use crate::spans::{Overlap, Span, SpanSet};
use crate::tasks::{Coverage, source, walk};

/// A name for comparison: lower-cased, whitespace collapsed; `None` when empty.
fn canonical(name: &str) -> Option<String> {
    let joined = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then(|| joined.to_lowercase())
}

fn canonical_opt(name: Option<&str>) -> Option<String> {
    name.and_then(canonical)
}

fn agency_set<'a>(names: impl IntoIterator<Item = &'a String>) -> BTreeSet<String> {
    names.into_iter().filter_map(|n| canonical(n)).collect()
}

fn outlet_is_right(gold: &GoldSource, predicted: Option<&str>) -> bool {
    match (
        canonical_opt(gold.outlet.as_deref()),
        canonical_opt(predicted),
    ) {
        (Some(gold_outlet), Some(predicted)) => gold_outlet == predicted,
        (Some(_), None) => !gold.outlet_in_text,
        (None, predicted) => predicted.is_none(),
    }
}

/// Everything the source task judges in one document.
struct DocEval {
    outlet_right: bool,
    agencies_right: bool,
    gold_dateline: Option<SpanSet>,
    predicted_dateline: Option<SpanSet>,
    dateline_matched: bool,
    place_right: bool,
    gold_bytes: SpanSet,
    predicted_bytes: SpanSet,
}

fn evaluate(gold: &GoldSource, layer: Option<&SourceLayer>) -> DocEval {
    let empty = SourceLayer::default();
    let layer = layer.unwrap_or(&empty);
    let gold_dateline = gold.dateline.as_ref().map(|d| SpanSet::single(d.span));
    let predicted_dateline = layer
        .dateline
        .as_ref()
        .map(|d| d.span.into_iter().collect::<SpanSet>());
    let dateline_matched = match (&gold_dateline, &predicted_dateline) {
        (Some(g), Some(p)) => Overlap::between(p, g).is_match(),
        _ => false,
    };
    let place_right = dateline_matched
        && canonical_opt(gold.dateline.as_ref().and_then(|d| d.city.as_deref()))
            == canonical_opt(layer.dateline.as_ref().and_then(|d| d.place.as_deref()));
    DocEval {
        outlet_right: outlet_is_right(gold, layer.outlet.as_deref()),
        agencies_right: agency_set(&gold.wire_agencies) == agency_set(&layer.wire_agencies),
        gold_dateline,
        predicted_dateline,
        dateline_matched,
        place_right,
        gold_bytes: gold.boilerplate.iter().map(|b| b.span).collect(),
        predicted_bytes: layer.boilerplate.iter().filter_map(|b| b.span).collect(),
    }
}

pub(crate) fn score(
    gold: &[GoldDoc],
    predictions: &Predictions,
) -> Result<(TaskMetrics, Coverage), EvalError> {
    // (right, total) for outlets named in the text and not.
    let (mut named, mut unnamed) = ((0, 0), (0, 0));
    let mut agencies_right = 0;
    let mut datelines = Counts::default();
    let mut places_right = 0;
    let mut bytes = Counts::default();
    let coverage = walk(
        Task::Source,
        gold,
        predictions,
        |_, doc, layer: Option<&SourceLayer>| {
            let gold = source(doc)?;
            let eval = evaluate(gold, layer);
            let half = if gold.outlet_in_text {
                &mut named
            } else {
                &mut unnamed
            };
            half.0 += u64::from(eval.outlet_right);
            half.1 += 1;
            agencies_right += u64::from(eval.agencies_right);
            let matched = u64::from(eval.dateline_matched);
            datelines += Counts {
                tp: matched,
                fp: u64::from(eval.predicted_dateline.is_some()) - matched,
                fn_: u64::from(eval.gold_dateline.is_some()) - matched,
            };
            places_right += u64::from(eval.place_right);
            let shared = eval.gold_bytes.shared(&eval.predicted_bytes) as u64;
            bytes += Counts {
                tp: shared,
                fp: eval.predicted_bytes.len() as u64 - shared,
                fn_: eval.gold_bytes.len() as u64 - shared,
            };
            Ok(())
        },
    )?;
    let docs = named.1 + unnamed.1;
    let metrics = SourceMetrics {
        outlet_accuracy: rate(named.0 + unnamed.0, docs),
        outlet_named_in_text_accuracy: rate(named.0, named.1),
        outlet_abstention_accuracy: rate(unnamed.0, unnamed.1),
        wire_agency_set_accuracy: rate(agencies_right, docs),
        dateline: DatelineMetrics {
            precision: datelines.precision(),
            recall: datelines.recall(),
            f1: datelines.f1(),
            place_accuracy: rate(places_right, datelines.tp),
            counts: datelines,
            places_right,
        },
        boilerplate_bytes: ByteMetrics {
            precision: bytes.precision(),
            recall: bytes.recall(),
            f1: bytes.f1(),
            counts: bytes,
        },
        missing_docs: coverage.missing_docs,
        named_in_text_docs: named.1,
        not_in_text_docs: unnamed.1,
    };
    Ok((TaskMetrics::Source(metrics), coverage))
}

/// The first place `needle` occurs in `text`, ignoring ASCII case. Byte-wise, so the
/// offsets are the text's own and nothing is copied.
fn find_ignoring_case(text: &str, needle: &str) -> Option<Span> {
    let needle = needle.as_bytes();
    if needle.is_empty() {
        return None;
    }
    let start = text
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))?;
    Some(Span::new(start, start + needle.len()))
}

fn list(names: &[String]) -> String {
    if names.is_empty() {
        "[]".to_owned()
    } else {
        format!("[{}]", names.join(", "))
    }
}

fn or_null(value: Option<&str>) -> String {
    value.map_or_else(|| "null".to_owned(), |v| format!("\"{v}\""))
}

pub(crate) fn errors(
    gold: &[GoldDoc],
    predictions: &Predictions,
) -> Result<Vec<Finding>, EvalError> {
    let mut findings = Vec::new();
    walk(
        Task::Source,
        gold,
        predictions,
        |doc_index, doc, layer: Option<&SourceLayer>| {
            let gold = source(doc)?;
            let eval = evaluate(gold, layer);
            let empty = SourceLayer::default();
            let predicted = layer.unwrap_or(&empty);
            let mut push =
                |kind, ranges: &[Span], severity: f64, expected: String, predicted: String| {
                    findings.push(Finding {
                        kind,
                        doc_index,
                        ranges: ranges.to_vec(),
                        severity,
                        expected,
                        predicted,
                    });
                };

            if !eval.outlet_right {
                let at = gold
                    .outlet
                    .as_deref()
                    .and_then(|outlet| find_ignoring_case(&doc.text, outlet));
                let named = if gold.outlet_in_text {
                    "named in the text"
                } else {
                    "not named in the text: null is right too"
                };
                push(
                    ErrorKind::WrongOutlet,
                    at.as_slice(),
                    0.0,
                    format!("{} ({named})", or_null(gold.outlet.as_deref())),
                    or_null(predicted.outlet.as_deref()),
                );
            }
            if !eval.agencies_right {
                let at = gold
                    .wire_agencies
                    .iter()
                    .chain(&predicted.wire_agencies)
                    .find_map(|name| find_ignoring_case(&doc.text, name));
                push(
                    ErrorKind::WrongAgencySet,
                    at.as_slice(),
                    0.0,
                    list(&gold.wire_agencies),
                    list(&predicted.wire_agencies),
                );
            }
            let gold_city = gold.dateline.as_ref().and_then(|d| d.city.as_deref());
            let predicted_place = predicted.dateline.as_ref().and_then(|d| d.place.as_deref());
            if !eval.dateline_matched {
                if let Some(set) = &eval.gold_dateline {
                    let shown = match &eval.predicted_dateline {
                        Some(p) => format!(
                            "a dateline elsewhere: {}",
                            p.hull().map_or("no span".to_owned(), |s| s.to_string())
                        ),
                        None => "null".to_owned(),
                    };
                    push(
                        ErrorKind::MissedDateline,
                        set.ranges(),
                        set.len() as f64,
                        format!("dateline, place {}", or_null(gold_city)),
                        shown,
                    );
                }
                if let Some(set) = &eval.predicted_dateline {
                    push(
                        ErrorKind::ExtraDateline,
                        set.ranges(),
                        set.len() as f64,
                        "no dateline here".to_owned(),
                        format!("dateline, place {}", or_null(predicted_place)),
                    );
                }
            } else if !eval.place_right {
                let set = eval
                    .gold_dateline
                    .as_ref()
                    .expect("a matched dateline has gold");
                push(
                    ErrorKind::WrongPlace,
                    set.ranges(),
                    set.len() as f64,
                    format!("place {}", or_null(gold_city)),
                    format!("place {}", or_null(predicted_place)),
                );
            }
            for boilerplate in &gold.boilerplate {
                let set = SpanSet::single(boilerplate.span);
                let found = set.shared(&eval.predicted_bytes);
                let missed = set.len() - found;
                if missed > 0 {
                    push(
                        ErrorKind::BoilerplateMissed,
                        set.ranges(),
                        missed as f64,
                        format!(
                            "{} boilerplate, {} bytes",
                            boilerplate.kind.as_deref().unwrap_or("unlabelled"),
                            set.len()
                        ),
                        format!("{found} of its bytes marked"),
                    );
                }
            }
            for &range in eval.predicted_bytes.ranges() {
                let set = SpanSet::single(range);
                let false_bytes = set.len() - set.shared(&eval.gold_bytes);
                if false_bytes > 0 {
                    push(
                        ErrorKind::BoilerplateFalseBytes,
                        set.ranges(),
                        false_bytes as f64,
                        format!(
                            "{} of these {} bytes are not boilerplate",
                            false_bytes,
                            set.len()
                        ),
                        "marked as boilerplate".to_owned(),
                    );
                }
            }
            Ok(())
        },
    )?;
    Ok(findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_loosely() {
        assert_eq!(
            canonical("  Associated   Press "),
            Some("associated press".to_owned())
        );
        assert_eq!(canonical("  "), None);
    }
}
