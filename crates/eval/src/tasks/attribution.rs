//! The `direct` and `attribution` tasks: attribution relations matched on content.
//!
//! `direct` scores the gold `direct` and `mixed` relations against the predicted
//! relations of those kinds; `attribution` scores every relation against every
//! prediction, whatever its kind. Precision, recall and F1 count one-to-one content
//! matches; source accuracy is over the matched pairs (see [`crate::referents`]).
//! `attribution` adds the recall over gold relations whose cue is a speech or sourcing
//! cue ([`is_speech_cue`]).

use crate::Task;
use crate::errors::{ErrorKind, Finding};
use crate::eval_error::EvalError;
use crate::gold::{GoldDoc, GoldRelation};
use crate::predictions::{AttributionLayer, PredRelation, PredSource, Predictions};
use crate::rate::{Counts, rate};
use crate::referents::{source_is_right, words};
use crate::report::{AttributionMetrics, DirectMetrics, TaskMetrics};
use crate::spans::{Matching, Overlap, SpanSet};
use crate::tasks::{Coverage, percent, relations, walk};

/// Word forms of speech and sourcing cues. A cue counts when any of its words is one of
/// these, so "has said", "also told" and "said Friday" count; "according to" counts by its
/// first word. The lemmas: say, tell, add, write, report, state, announce, according to,
/// claim, note, explain, ask, reply, respond, declare, insist, argue, warn, tweet, cite,
/// quote, confirm, deny, acknowledge, admit, mention, comment, remark, recall, speak,
/// testify. Verbs of belief, evidence and wanting ("believes", "shows", "wants", "called
/// for"), which PolNeAR also annotates, and punctuation cues (":", "―") do not count.
const SPEECH_CUE_WORDS: &[&str] = &[
    "say",
    "says",
    "said",
    "saying", //
    "tell",
    "tells",
    "told",
    "telling", //
    "add",
    "adds",
    "added",
    "adding", //
    "write",
    "writes",
    "wrote",
    "writing",
    "written", //
    "report",
    "reports",
    "reported",
    "reporting", //
    "state",
    "states",
    "stated",
    "stating", //
    "announce",
    "announces",
    "announced",
    "announcing", //
    "according",  //
    "claim",
    "claims",
    "claimed",
    "claiming", //
    "note",
    "notes",
    "noted",
    "noting", //
    "explain",
    "explains",
    "explained",
    "explaining", //
    "ask",
    "asks",
    "asked",
    "asking", //
    "reply",
    "replies",
    "replied",
    "replying", //
    "respond",
    "responds",
    "responded",
    "responding", //
    "declare",
    "declares",
    "declared",
    "declaring", //
    "insist",
    "insists",
    "insisted",
    "insisting", //
    "argue",
    "argues",
    "argued",
    "arguing", //
    "warn",
    "warns",
    "warned",
    "warning", //
    "tweet",
    "tweets",
    "tweeted",
    "tweeting", //
    "cite",
    "cites",
    "cited",
    "citing", //
    "quote",
    "quotes",
    "quoted",
    "quoting", //
    "confirm",
    "confirms",
    "confirmed",
    "confirming", //
    "deny",
    "denies",
    "denied",
    "denying", //
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "acknowledging", //
    "admit",
    "admits",
    "admitted",
    "admitting", //
    "mention",
    "mentions",
    "mentioned",
    "mentioning", //
    "comment",
    "comments",
    "commented",
    "commenting", //
    "remark",
    "remarks",
    "remarked",
    "remarking", //
    "recall",
    "recalls",
    "recalled",
    "recalling", //
    "speak",
    "speaks",
    "spoke",
    "spoken",
    "speaking", //
    "testify",
    "testifies",
    "testified",
    "testifying",
];

/// Whether a cue (its text) is a speech or sourcing cue.
pub(crate) fn is_speech_cue(cue: &str) -> bool {
    words(cue).any(|w| SPEECH_CUE_WORDS.contains(&w.as_str()))
}

/// The relations of one document in the task's scope, and how they matched.
struct DocEval<'a> {
    gold: Vec<&'a GoldRelation>,
    predicted: Vec<(&'a PredRelation, SpanSet)>,
    matching: Matching,
}

fn evaluate<'a>(
    task: Task,
    gold: &'a [GoldRelation],
    layer: Option<&'a AttributionLayer>,
) -> DocEval<'a> {
    let in_scope_kind =
        |kind: Option<&str>| task == Task::Attribution || matches!(kind, Some("direct" | "mixed"));
    let gold: Vec<&GoldRelation> = gold
        .iter()
        .filter(|r| task == Task::Attribution || r.kind.is_quoted())
        .collect();
    let predicted: Vec<(&PredRelation, SpanSet)> = layer
        .map(|layer| &layer.attributions[..])
        .unwrap_or_default()
        .iter()
        .filter(|r| in_scope_kind(r.kind.as_deref()))
        .map(|r| (r, r.content.iter().copied().collect()))
        .collect();
    let gold_sets: Vec<&SpanSet> = gold.iter().map(|r| &r.content).collect();
    let pred_sets: Vec<&SpanSet> = predicted.iter().map(|(_, set)| set).collect();
    let matching = Matching::best_overlap_first(&gold_sets, &pred_sets);
    DocEval {
        gold,
        predicted,
        matching,
    }
}

pub(crate) fn score(
    task: Task,
    gold: &[GoldDoc],
    predictions: &Predictions,
) -> Result<(TaskMetrics, Coverage), EvalError> {
    let mut counts = Counts::default();
    let (mut sources_right, mut cue_gold, mut cue_found) = (0, 0, 0);
    let coverage = walk(
        task,
        gold,
        predictions,
        |_, doc, layer: Option<&AttributionLayer>| {
            let eval = evaluate(task, relations(doc, task)?, layer);
            let tp = eval.matching.matched() as u64;
            counts += Counts {
                tp,
                fp: eval.predicted.len() as u64 - tp,
                fn_: eval.gold.len() as u64 - tp,
            };
            for (g, p) in eval.matching.pairs() {
                if source_is_right(doc, eval.gold[g], eval.predicted[p].0.source.as_ref()) {
                    sources_right += 1;
                }
            }
            for (g, relation) in eval.gold.iter().enumerate() {
                if is_speech_cue(&doc.set_text(&relation.cue)) {
                    cue_gold += 1;
                    cue_found += u64::from(eval.matching.of_gold(g).is_some());
                }
            }
            Ok(())
        },
    )?;
    let source_accuracy = rate(sources_right, counts.tp);
    let metrics = if task == Task::Direct {
        TaskMetrics::Direct(DirectMetrics {
            spans: counts.into(),
            source_accuracy,
            missing_docs: coverage.missing_docs,
            sources_right,
        })
    } else {
        TaskMetrics::Attribution(AttributionMetrics {
            spans: counts.into(),
            source_accuracy,
            recall_speech_cues: rate(cue_found, cue_gold),
            missing_docs: coverage.missing_docs,
            sources_right,
            speech_cue_gold: cue_gold,
            speech_cue_found: cue_found,
        })
    };
    Ok((metrics, coverage))
}

pub(crate) fn errors(
    task: Task,
    gold: &[GoldDoc],
    predictions: &Predictions,
) -> Result<Vec<Finding>, EvalError> {
    let mut findings = Vec::new();
    walk(
        task,
        gold,
        predictions,
        |doc_index, doc, layer: Option<&AttributionLayer>| {
            let all_gold = relations(doc, task)?;
            let eval = evaluate(task, all_gold, layer);
            let item = |kind, set: &SpanSet, expected, predicted| {
                Finding::over_content(kind, doc_index, set, expected, predicted)
            };
            for (g, relation) in eval.gold.iter().enumerate() {
                match eval.matching.of_gold(g) {
                    None => {
                        let closest =
                            closest(&relation.content, eval.predicted.iter().map(|(_, s)| s));
                        let predicted = match closest {
                            Some(o) => {
                                format!("no match; the closest prediction shares {}", percent(o))
                            }
                            None => "nothing overlapping".to_owned(),
                        };
                        findings.push(item(
                            ErrorKind::MissedRelation,
                            &relation.content,
                            describe_gold(doc, relation),
                            predicted,
                        ));
                    }
                    Some(p) => {
                        let source = eval.predicted[p].0.source.as_ref();
                        if !source_is_right(doc, relation, source) {
                            findings.push(item(
                                ErrorKind::WrongSource,
                                &relation.content,
                                describe_gold_source(doc, relation),
                                describe_source(doc, source),
                            ));
                        }
                    }
                }
            }
            for (p, (relation, set)) in eval.predicted.iter().enumerate() {
                if eval.matching.of_predicted(p).is_some() {
                    continue;
                }
                // Every gold relation is a candidate here, so a direct-task false alarm on an
                // indirect gold relation says so.
                let nearest = all_gold
                    .iter()
                    .map(|g| (Overlap::between(set, &g.content), g))
                    .filter(|(o, _)| o.shared > 0)
                    .max_by(|a, b| a.0.ratio().total_cmp(&b.0.ratio()));
                let expected = match nearest {
                    Some((o, g)) => format!(
                        "no {task} relation here; the closest gold ({} relation) shares {}",
                        g.kind.name(),
                        percent(o)
                    ),
                    None => format!("no {task} relation here"),
                };
                let predicted = format!(
                    "{} relation, source {}",
                    relation.kind.as_deref().unwrap_or("unknown"),
                    describe_source(doc, relation.source.as_ref())
                );
                findings.push(item(ErrorKind::FalseAlarm, set, expected, predicted));
            }
            Ok(())
        },
    )?;
    Ok(findings)
}

/// The best overlap of `target` with any of `others` that share a byte with it.
pub(crate) fn closest<'a>(
    target: &SpanSet,
    others: impl Iterator<Item = &'a SpanSet>,
) -> Option<Overlap> {
    others
        .map(|other| Overlap::between(target, other))
        .filter(|o| o.shared > 0)
        .max_by(|a, b| a.ratio().total_cmp(&b.ratio()))
}

fn describe_gold(doc: &GoldDoc, relation: &GoldRelation) -> String {
    format!(
        "{} relation, source {}, cue \"{}\"",
        relation.kind.name(),
        describe_gold_source(doc, relation),
        doc.set_text(&relation.cue)
    )
}

/// The gold source as a person reads it: the mention, and who a pronoun is.
pub(crate) fn describe_gold_source(doc: &GoldDoc, relation: &GoldRelation) -> String {
    if relation.source.is_empty() {
        return "none (wants null)".to_owned();
    }
    let mention = doc.set_text(&relation.source);
    match &relation.source_name {
        Some(name) => format!("\"{mention}\" = {name}"),
        None => format!("\"{mention}\""),
    }
}

/// A predicted source or speaker as a person reads it.
pub(crate) fn describe_source(doc: &GoldDoc, source: Option<&PredSource>) -> String {
    let Some(source) = source else {
        return "null".to_owned();
    };
    let mut parts = Vec::new();
    if let Some(name) = &source.name {
        parts.push(format!("name \"{name}\""));
    }
    if let Some(text) = &source.text {
        parts.push(format!("text \"{text}\""));
    }
    if let Some(span) = source.span {
        parts.push(format!("at {span} \"{}\"", doc.span_text(span)));
    }
    if parts.is_empty() {
        "an empty object (no span, text or name)".to_owned()
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_cues() {
        for cue in [
            "said",
            "has said",
            "told",
            "according to",
            "said:",
            "Also Added",
            "wrote",
        ] {
            assert!(is_speech_cue(cue), "{cue}");
        }
        for cue in ["believes", "shows", "called for", ":", "―", ""] {
            assert!(!is_speech_cue(cue), "{cue}");
        }
    }
}
