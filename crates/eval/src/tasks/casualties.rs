//! The `casualties` task: per-document figures, scored per field.
//!
//! For each of killed, injured, killed_civilians and killed_noncivilians:
//! - a document whose gold figure is null (not reported) is not scored;
//! - a GVA document (final incident toll) whose non-zero gold figure does not occur in
//!   the text is left out: the article was written before the final toll. "Occurs" is
//!   the record's own `gold_in_text.<field>` flag where it has one, and otherwise the
//!   figure written as a standalone number ("3", "1,200"; not "3rd" or "CBS4") or as a
//!   number word from one to twenty ([`number_occurs`]); on the dev files the two agree
//!   on every figure;
//! - a gold figure above zero counts in `n`: `exact` when the output equals it,
//!   `within_10pct` when it is off by at most 10% of the gold figure or by 1, whichever is
//!   more, `coverage` when the output gives a number at all;
//! - a gold zero counts in `zero_n` only: `zero_correct` is the share where the output is
//!   0 or null, since an article about injuries need not say that nobody died.
//!
//! Keeping gold zeros out of `n` keeps `exact` and `coverage` about reported figures (the
//! README's baseline quotes exact "gold not zero") and does not punish the null that the
//! zero rule calls right.

use std::cell::OnceCell;

use crate::Task;
use crate::errors::{ErrorKind, Finding};
use crate::eval_error::EvalError;
use crate::gold::{CasualtyField, GoldCasualties, GoldDoc};
use crate::predictions::{CasualtiesLayer, Predictions};
use crate::rate::rate;
use crate::report::{CasualtyMetrics, FieldMetrics, TaskMetrics};
use crate::spans::Span;
use crate::tasks::{Coverage, casualties, walk};

const NUMBER_WORDS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// The numbers written in `text`, with their spans: standalone runs of ASCII digits
/// (thousands groups ",ddd" joined) and the words one to twenty, any case. A token is a
/// maximal run of alphanumeric characters, so digits inside "3rd" or "CBS4" are no
/// number.
pub(crate) fn numbers_in(text: &str) -> Vec<(Span, u64)> {
    let mut numbers = Vec::new();
    let mut pos = 0;
    while let Some(offset) = text[pos..].find(char::is_alphanumeric) {
        let start = pos + offset;
        let mut end = text[start..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(text.len(), |len| start + len);
        let token = &text[start..end];
        if token.bytes().all(|b| b.is_ascii_digit()) {
            let mut digits = token.to_owned();
            while let Some(group) = thousands_group(&text[end..]) {
                digits.push_str(group);
                end += 4;
            }
            if let Ok(value) = digits.parse() {
                numbers.push((Span::new(start, end), value));
            }
        } else if let Some(i) = NUMBER_WORDS
            .iter()
            .position(|w| token.eq_ignore_ascii_case(w))
        {
            numbers.push((Span::new(start, end), i as u64 + 1));
        }
        pos = end;
    }
    numbers
}

/// The three digits of a ",ddd" group at the start of `rest`, when the group ends there.
fn thousands_group(rest: &str) -> Option<&str> {
    let bytes = rest.as_bytes();
    let is_group = bytes.len() >= 4
        && bytes[0] == b','
        && bytes[1..4].iter().all(u8::is_ascii_digit)
        && !rest[4..].starts_with(char::is_alphanumeric);
    is_group.then(|| &rest[1..4])
}

/// Whether `value` is written in `text` (see [`numbers_in`]).
pub(crate) fn number_occurs(text: &str, value: u64) -> bool {
    numbers_in(text).iter().any(|&(_, v)| v == value)
}

/// How a document's gold figure enters the scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GoldFigure {
    Unreported,
    /// A final toll the article does not state.
    Excluded,
    Zero,
    Count(u64),
}

fn gold_figure(doc: &GoldDoc, gold: &GoldCasualties, field: CasualtyField) -> GoldFigure {
    match gold.value(field) {
        None => GoldFigure::Unreported,
        Some(0) => GoldFigure::Zero,
        Some(value) => {
            let stated = || {
                gold.flagged_in_text(field)
                    .unwrap_or_else(|| number_occurs(&doc.text, value))
            };
            if gold.final_toll && !stated() {
                GoldFigure::Excluded
            } else {
                GoldFigure::Count(value)
            }
        }
    }
}

/// Off by at most 10% of the gold figure, or by 1 when that is more.
fn within_tenth(predicted: f64, gold: u64) -> bool {
    let off = (predicted - gold as f64).abs();
    off <= 1.0 || 10.0 * off <= gold as f64
}

#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    n: u64,
    exact: u64,
    within: u64,
    covered: u64,
    zero_n: u64,
    zero_right: u64,
    excluded: u64,
}

impl Tally {
    fn add(&mut self, gold: GoldFigure, predicted: Option<f64>) {
        match gold {
            GoldFigure::Unreported => {}
            GoldFigure::Excluded => self.excluded += 1,
            GoldFigure::Zero => {
                self.zero_n += 1;
                self.zero_right += u64::from(predicted.is_none_or(|p| p == 0.0));
            }
            GoldFigure::Count(value) => {
                self.n += 1;
                if let Some(p) = predicted {
                    self.covered += 1;
                    self.exact += u64::from(p == value as f64);
                    self.within += u64::from(within_tenth(p, value));
                }
            }
        }
    }

    fn metrics(self) -> FieldMetrics {
        FieldMetrics {
            n: self.n,
            exact: rate(self.exact, self.n),
            within_10pct: rate(self.within, self.n),
            coverage: rate(self.covered, self.n),
            zero_n: self.zero_n,
            zero_correct: rate(self.zero_right, self.zero_n),
            excluded: self.excluded,
        }
    }
}

pub(crate) fn score(
    gold: &[GoldDoc],
    predictions: &Predictions,
) -> Result<(TaskMetrics, Coverage), EvalError> {
    let mut tallies = [Tally::default(); 4];
    let coverage = walk(
        Task::Casualties,
        gold,
        predictions,
        |_, doc, layer: Option<&CasualtiesLayer>| {
            let figures = casualties(doc)?;
            for (tally, field) in tallies.iter_mut().zip(CasualtyField::ALL) {
                let predicted = layer.and_then(|l| l.totals.get(field));
                tally.add(gold_figure(doc, figures, field), predicted);
            }
            Ok(())
        },
    )?;
    let [killed, injured, killed_civilians, killed_noncivilians] = tallies.map(Tally::metrics);
    let metrics = CasualtyMetrics {
        killed,
        injured,
        killed_civilians,
        killed_noncivilians,
        missing_docs: coverage.missing_docs,
    };
    Ok((TaskMetrics::Casualties(metrics), coverage))
}

pub(crate) fn errors(
    gold: &[GoldDoc],
    predictions: &Predictions,
) -> Result<Vec<Finding>, EvalError> {
    let mut findings = Vec::new();
    walk(
        Task::Casualties,
        gold,
        predictions,
        |doc_index, doc, layer: Option<&CasualtiesLayer>| {
            let figures = casualties(doc)?;
            // Tokenized only for documents with an error, and once.
            let numbers = OnceCell::new();
            for field in CasualtyField::ALL {
                let predicted = layer.and_then(|l| l.totals.get(field));
                let Some(error) = figure_error(field, gold_figure(doc, figures, field), predicted)
                else {
                    continue;
                };
                // Show where the number in question is written, if it is.
                let span = numbers
                    .get_or_init(|| numbers_in(&doc.text))
                    .iter()
                    .find(|&&(_, v)| v as f64 == error.shown_number)
                    .map(|&(span, _)| span);
                findings.push(Finding {
                    kind: error.kind,
                    doc_index,
                    ranges: span.into_iter().collect(),
                    severity: error.severity,
                    expected: error.expected,
                    predicted: error.predicted,
                });
            }
            Ok(())
        },
    )?;
    Ok(findings)
}

/// What is wrong with one predicted figure.
struct FigureError {
    kind: ErrorKind,
    /// The size of the numeric error (the figure itself when missed or invented).
    severity: f64,
    /// The number to look for in the text.
    shown_number: f64,
    expected: String,
    predicted: String,
}

fn figure_error(
    field: CasualtyField,
    gold: GoldFigure,
    predicted: Option<f64>,
) -> Option<FigureError> {
    let key = field.key();
    let error = |kind, severity, shown_number, expected: String| {
        let predicted = match (predicted, gold) {
            (None, _) => format!("{key} null"),
            (Some(p), GoldFigure::Count(value)) => {
                let off = (p - value as f64).abs();
                let within = if within_tenth(p, value) {
                    ", within 10%"
                } else {
                    ""
                };
                format!("{key} {p} (off by {off}{within})")
            }
            (Some(p), _) => format!("{key} {p}"),
        };
        Some(FigureError {
            kind,
            severity,
            shown_number,
            expected,
            predicted,
        })
    };
    match (gold, predicted) {
        (GoldFigure::Count(value), None) => error(
            ErrorKind::MissedFigure,
            value as f64,
            value as f64,
            format!("{key} {value}"),
        ),
        (GoldFigure::Count(value), Some(p)) if p != value as f64 => error(
            ErrorKind::WrongNumber,
            (p - value as f64).abs(),
            value as f64,
            format!("{key} {value}"),
        ),
        (GoldFigure::Zero, Some(p)) if p != 0.0 => {
            error(ErrorKind::InventedFigure, p.abs(), p, format!("{key} 0"))
        }
        (GoldFigure::Unreported, Some(p)) if p != 0.0 => error(
            ErrorKind::InventedFigure,
            p.abs(),
            p,
            format!("{key} not reported (null)"),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_standalone_tokens_or_words() {
        let text = "Three shot, 1 dead; the 3rd victim (CBS4) and 1,200 others, 12,34 x";
        let values: Vec<u64> = numbers_in(text).into_iter().map(|(_, v)| v).collect();
        assert_eq!(values, vec![3, 1, 1200, 12, 34]);
        assert!(number_occurs(text, 1200));
        assert!(!number_occurs(text, 4));
        assert!(number_occurs("TWENTY", 20));
    }

    #[test]
    fn within_ten_percent_or_one() {
        assert!(within_tenth(11.0, 10)); // off 1
        assert!(within_tenth(33.0, 30)); // 10% exactly
        assert!(!within_tenth(34.0, 30));
        assert!(within_tenth(1.0, 0)); // at least 1
        assert!(!within_tenth(3.0, 1));
    }
}
