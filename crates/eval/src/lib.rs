//! Scoring newsproc output against gold annotations.
//!
//! Implements the metrics of the evaluation README (`shared/eval/README.md`) for the
//! tasks `direct`, `attribution`, `quotes`, `casualties` and `source`:
//!
//! ```no_run
//! use std::{fs::File, io::BufReader};
//! use newsproc_eval::{Predictions, Task, read_gold, score, error_analysis};
//!
//! let task = Task::Direct;
//! let gold = read_gold(task, BufReader::new(File::open("polnear-dev.jsonl")?))?;
//! let predictions = Predictions::from_jsonl(BufReader::new(File::open("out.jsonl")?))?;
//! let report = score(task, &gold, &predictions)?;
//! println!("{}", report.to_json()); // the README's machine-readable fields
//! print!("{}", report.render_table());
//! print!("{}", error_analysis(task, &gold, &predictions, 10)?.render());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Where the README leaves room, this crate decides as follows (and
//! `reference/score.py`, an independent implementation, decides the same):
//!
//! - **Rates** are fractions rounded half up to 4 decimals from the exact integer
//!   fraction; F1 is `2tp / (2tp + fp + fn)`. A rate with a zero denominator is `null`.
//! - **Span match**: over the union of bytes of each span set; exactly one half matches.
//!   One-to-one matching takes candidate pairs by overlap ratio, highest first; equal
//!   ratios in gold order, then prediction order ([`Matching::best_overlap_first`]).
//! - **Documents** pair with output records by id; a repeated id pairs in order of
//!   occurrence. A missing record, a missing or `null` layer, or a layer not in the
//!   contract's shape (with a warning) scores as empty predictions and counts in
//!   `missing_docs`. Records whose id is not in the gold are ignored.
//! - **Sources and speakers** (over matched pairs): a gold relation without a source
//!   wants `null`. With `source_name` (a pronoun source) the output's name must name the
//!   referent: the last word of either name, titles and honorifics ("President", "Mr",
//!   "Jr", ...) set aside, occurs among the words of the other; the span does not count
//!   there, as an unresolved "he" on the gold "he" is the miss this rule measures.
//!   Otherwise the spans share a byte, or every word of the name is in the gold mention.
//!   Words are lower-cased alphanumeric runs; the name judged is `name`, else `text`.
//! - **Speech cues** for `recall_speech_cues`: a fixed list of word forms of verbs of
//!   saying and sourcing (say, tell, add, write, report, state, announce, according to,
//!   claim, note, explain, ask, ...), matched on any word of the gold cue text.
//! - **Quotes**: unmatched speech quotations at least half inside gold direct or mixed
//!   content are neither true nor false positives.
//! - **Casualties**: `n` counts non-zero gold figures; gold zeros count only in
//!   `zero_n`/`zero_correct`. GVA's "occurs in the text" is the record's `gold_in_text`
//!   flag, else the figure as a standalone number or a number word up to twenty.
//! - **Source**: naming the right outlet is right even where abstaining is; agencies and
//!   outlets compare case-insensitively; boilerplate bytes are micro-averaged.

mod errors;
mod eval_error;
mod gold;
mod predictions;
mod rate;
mod referents;
mod report;
mod spans;
mod task;
mod tasks;

pub use errors::{ErrorGroup, ErrorItem, ErrorKind, ErrorReport};
pub use eval_error::EvalError;
pub use gold::{
    CasualtyField, GoldAnnotation, GoldBoilerplate, GoldCasualties, GoldDateline, GoldDoc,
    GoldRelation, GoldSource, RelationKind, read_gold,
};
pub use predictions::Predictions;
pub use rate::rate;
pub use report::{
    AttributionMetrics, ByteMetrics, CasualtyMetrics, DatelineMetrics, DirectMetrics, FieldMetrics,
    QuoteMetrics, SourceMetrics, SpanScores, TaskMetrics, TaskReport,
};
pub use spans::{Matching, Overlap, Span, SpanSet};
pub use task::{Task, UnknownTask};

/// Scores `predictions` against `gold` for one task. `gold` must be of the family the
/// task reads (attribution gold for direct, attribution and quotes).
pub fn score(
    task: Task,
    gold: &[GoldDoc],
    predictions: &Predictions,
) -> Result<TaskReport, EvalError> {
    let (metrics, coverage) = match task {
        Task::Direct | Task::Attribution => tasks::attribution::score(task, gold, predictions)?,
        Task::Quotes => tasks::quotes::score(gold, predictions)?,
        Task::Casualties => tasks::casualties::score(gold, predictions)?,
        Task::Source => tasks::source::score(gold, predictions)?,
    };
    Ok(TaskReport {
        task,
        docs: gold.len(),
        text_bytes: gold.iter().map(|doc| doc.text.len()).sum(),
        warnings: coverage.warnings,
        metrics,
    })
}

/// The `per_kind` worst errors of each kind the task has (see [`ErrorKind::for_task`]).
pub fn error_analysis(
    task: Task,
    gold: &[GoldDoc],
    predictions: &Predictions,
    per_kind: usize,
) -> Result<ErrorReport, EvalError> {
    let findings = match task {
        Task::Direct | Task::Attribution => tasks::attribution::errors(task, gold, predictions)?,
        Task::Quotes => tasks::quotes::errors(gold, predictions)?,
        Task::Casualties => tasks::casualties::errors(gold, predictions)?,
        Task::Source => tasks::source::errors(gold, predictions)?,
    };
    Ok(ErrorReport::new(task, gold, findings, per_kind))
}
