//! The `quotes` task: speech quotations against gold direct relations.
//!
//! Predicted: the quotes of kind `speech`. Gold: the content of `direct` relations. Recall
//! is over the gold direct relations; an unmatched speech quotation is a false alarm
//! unless at least half of its bytes lie inside the content of a gold `direct` or `mixed`
//! relation (the quoted part of a mixed relation is a real quotation the gold keys
//! differently). Such exempt quotations count neither way; a speech quotation without a
//! span has no bytes and is exempt by the same rule. Speaker accuracy is over the matched
//! pairs, by the source rules of [`crate::referents`].

use crate::Task;
use crate::errors::{ErrorKind, Finding};
use crate::eval_error::EvalError;
use crate::gold::{GoldDoc, GoldRelation, RelationKind};
use crate::predictions::{PredQuote, Predictions, QuotesLayer};
use crate::rate::{Counts, rate};
use crate::referents::source_is_right;
use crate::report::{QuoteMetrics, TaskMetrics};
use crate::spans::{Matching, SpanSet};
use crate::tasks::attribution::{closest, describe_gold_source, describe_source};
use crate::tasks::{Coverage, percent, relations, walk};

/// What a speech quotation that matched no gold direct relation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unmatched {
    Exempt,
    FalseAlarm,
}

struct DocEval<'a> {
    gold: Vec<&'a GoldRelation>,
    predicted: Vec<(&'a PredQuote, SpanSet)>,
    matching: Matching,
    /// For each prediction, `None` when matched.
    unmatched: Vec<Option<Unmatched>>,
}

fn evaluate<'a>(gold: &'a [GoldRelation], layer: Option<&'a QuotesLayer>) -> DocEval<'a> {
    let direct: Vec<&GoldRelation> = gold
        .iter()
        .filter(|r| r.kind == RelationKind::Direct)
        .collect();
    let quoted_content: SpanSet = gold
        .iter()
        .filter(|r| r.kind.is_quoted())
        .flat_map(|r| r.content.ranges().iter().copied())
        .collect();
    let predicted: Vec<(&PredQuote, SpanSet)> = layer
        .map(|layer| &layer.quotes[..])
        .unwrap_or_default()
        .iter()
        .filter(|q| q.kind.as_deref() == Some("speech"))
        .map(|q| (q, q.span.into_iter().collect()))
        .collect();
    let gold_sets: Vec<&SpanSet> = direct.iter().map(|r| &r.content).collect();
    let pred_sets: Vec<&SpanSet> = predicted.iter().map(|(_, set)| set).collect();
    let matching = Matching::best_overlap_first(&gold_sets, &pred_sets);
    let unmatched = predicted
        .iter()
        .enumerate()
        .map(|(p, (_, set))| {
            if matching.of_predicted(p).is_some() {
                None
            } else if 2 * set.shared(&quoted_content) >= set.len() {
                Some(Unmatched::Exempt)
            } else {
                Some(Unmatched::FalseAlarm)
            }
        })
        .collect();
    DocEval {
        gold: direct,
        predicted,
        matching,
        unmatched,
    }
}

pub(crate) fn score(
    gold: &[GoldDoc],
    predictions: &Predictions,
) -> Result<(TaskMetrics, Coverage), EvalError> {
    let mut counts = Counts::default();
    let (mut speakers_right, mut exempt) = (0, 0);
    let coverage = walk(
        Task::Quotes,
        gold,
        predictions,
        |_, doc, layer: Option<&QuotesLayer>| {
            let eval = evaluate(relations(doc, Task::Quotes)?, layer);
            let tp = eval.matching.matched() as u64;
            let count = |kind| eval.unmatched.iter().filter(|u| **u == Some(kind)).count() as u64;
            counts += Counts {
                tp,
                fp: count(Unmatched::FalseAlarm),
                fn_: eval.gold.len() as u64 - tp,
            };
            exempt += count(Unmatched::Exempt);
            for (g, p) in eval.matching.pairs() {
                let speaker = eval.predicted[p].0.speaker.as_ref();
                speakers_right += u64::from(source_is_right(doc, eval.gold[g], speaker));
            }
            Ok(())
        },
    )?;
    let metrics = QuoteMetrics {
        spans: counts.into(),
        speaker_accuracy: rate(speakers_right, counts.tp),
        missing_docs: coverage.missing_docs,
        speakers_right,
        exempt,
    };
    Ok((TaskMetrics::Quotes(metrics), coverage))
}

pub(crate) fn errors(
    gold: &[GoldDoc],
    predictions: &Predictions,
) -> Result<Vec<Finding>, EvalError> {
    let mut findings = Vec::new();
    walk(
        Task::Quotes,
        gold,
        predictions,
        |doc_index, doc, layer: Option<&QuotesLayer>| {
            let eval = evaluate(relations(doc, Task::Quotes)?, layer);
            let item = |kind, set: &SpanSet, expected, predicted| {
                Finding::over_content(kind, doc_index, set, expected, predicted)
            };
            for (g, relation) in eval.gold.iter().enumerate() {
                let expected = format!("quotation by {}", describe_gold_source(doc, relation));
                match eval.matching.of_gold(g) {
                    None => {
                        let predicted =
                            match closest(&relation.content, eval.predicted.iter().map(|(_, s)| s))
                            {
                                Some(o) => format!(
                                    "no match; the closest speech quotation shares {}",
                                    percent(o)
                                ),
                                None => "no speech quotation overlapping".to_owned(),
                            };
                        findings.push(item(
                            ErrorKind::MissedQuotation,
                            &relation.content,
                            expected,
                            predicted,
                        ));
                    }
                    Some(p) => {
                        let speaker = eval.predicted[p].0.speaker.as_ref();
                        if !source_is_right(doc, relation, speaker) {
                            let predicted = format!("speaker {}", describe_source(doc, speaker));
                            findings.push(item(
                                ErrorKind::WrongSpeaker,
                                &relation.content,
                                expected,
                                predicted,
                            ));
                        }
                    }
                }
            }
            for ((quote, set), unmatched) in eval.predicted.iter().zip(&eval.unmatched) {
                if *unmatched == Some(Unmatched::FalseAlarm) {
                    let expected = match closest(set, eval.gold.iter().map(|r| &r.content)) {
                        Some(o) => format!(
                            "no direct quotation here; the closest shares {}",
                            percent(o)
                        ),
                        None => "no direct quotation here".to_owned(),
                    };
                    let predicted = format!(
                        "speech quotation, speaker {}",
                        describe_source(doc, quote.speaker.as_ref())
                    );
                    findings.push(item(ErrorKind::FalseAlarm, set, expected, predicted));
                }
            }
            Ok(())
        },
    )?;
    Ok(findings)
}
