//! Task reports: the machine-readable JSON of the README, and a table for people.
//!
//! Each metrics struct serializes to exactly the README's field names for its task;
//! the counts behind the rates travel along in `#[serde(skip)]` fields for the table.

use std::fmt::Write as _;

use serde::{Serialize, Serializer};

use crate::Task;
use crate::rate::{Counts, show};

/// Precision, recall and F1 of matched span sets, with the counts behind them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct SpanScores {
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
    pub tp: u64,
    pub fp: u64,
    #[serde(rename = "fn")]
    pub fn_: u64,
}

impl From<Counts> for SpanScores {
    fn from(c: Counts) -> SpanScores {
        SpanScores {
            precision: c.precision(),
            recall: c.recall(),
            f1: c.f1(),
            tp: c.tp,
            fp: c.fp,
            fn_: c.fn_,
        }
    }
}

/// The `direct` task.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DirectMetrics {
    #[serde(flatten)]
    pub spans: SpanScores,
    /// Right sources over matched pairs.
    pub source_accuracy: Option<f64>,
    pub missing_docs: u64,
    #[serde(skip)]
    pub sources_right: u64,
}

/// The `attribution` task.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AttributionMetrics {
    #[serde(flatten)]
    pub spans: SpanScores,
    pub source_accuracy: Option<f64>,
    /// Recall over the gold relations whose cue is a speech or sourcing cue.
    pub recall_speech_cues: Option<f64>,
    pub missing_docs: u64,
    #[serde(skip)]
    pub sources_right: u64,
    #[serde(skip)]
    pub speech_cue_gold: u64,
    #[serde(skip)]
    pub speech_cue_found: u64,
}

/// The `quotes` task.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct QuoteMetrics {
    #[serde(flatten)]
    pub spans: SpanScores,
    pub speaker_accuracy: Option<f64>,
    pub missing_docs: u64,
    #[serde(skip)]
    pub speakers_right: u64,
    /// Unmatched speech quotations not counted as false alarms: at least half inside a
    /// gold direct or mixed content.
    #[serde(skip)]
    pub exempt: u64,
}

/// One casualty figure. `n` counts the documents with a non-zero gold figure (after the
/// GVA exclusion) and is the denominator of `exact`, `within_10pct` and `coverage`;
/// `zero_n` counts gold zeros and `zero_correct` is the share of them where the output
/// is 0 or null.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FieldMetrics {
    pub n: u64,
    pub exact: Option<f64>,
    pub within_10pct: Option<f64>,
    pub coverage: Option<f64>,
    pub zero_n: u64,
    pub zero_correct: Option<f64>,
    /// GVA documents left out: the non-zero gold figure does not occur in the text.
    #[serde(skip)]
    pub excluded: u64,
}

/// The `casualties` task.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CasualtyMetrics {
    pub killed: FieldMetrics,
    pub injured: FieldMetrics,
    pub killed_civilians: FieldMetrics,
    pub killed_noncivilians: FieldMetrics,
    pub missing_docs: u64,
}

/// Datelines matched by span, and the place over matched ones.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DatelineMetrics {
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
    pub place_accuracy: Option<f64>,
    #[serde(skip)]
    pub counts: Counts,
    #[serde(skip)]
    pub places_right: u64,
}

/// Byte-level scores summed over the corpus (micro average).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ByteMetrics {
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
    #[serde(skip)]
    pub counts: Counts,
}

/// The `source` task.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SourceMetrics {
    pub outlet_accuracy: Option<f64>,
    pub outlet_named_in_text_accuracy: Option<f64>,
    pub outlet_abstention_accuracy: Option<f64>,
    pub wire_agency_set_accuracy: Option<f64>,
    pub dateline: DatelineMetrics,
    pub boilerplate_bytes: ByteMetrics,
    pub missing_docs: u64,
    #[serde(skip)]
    pub named_in_text_docs: u64,
    #[serde(skip)]
    pub not_in_text_docs: u64,
}

/// The metrics of one task.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum TaskMetrics {
    Direct(DirectMetrics),
    Attribution(AttributionMetrics),
    Quotes(QuoteMetrics),
    Casualties(CasualtyMetrics),
    Source(SourceMetrics),
}

impl TaskMetrics {
    pub fn missing_docs(&self) -> u64 {
        match self {
            TaskMetrics::Direct(m) => m.missing_docs,
            TaskMetrics::Attribution(m) => m.missing_docs,
            TaskMetrics::Quotes(m) => m.missing_docs,
            TaskMetrics::Casualties(m) => m.missing_docs,
            TaskMetrics::Source(m) => m.missing_docs,
        }
    }
}

/// The result of scoring one task. Serializes to the task's metrics only, with the
/// README's field names; the other fields are for the caller.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskReport {
    pub task: Task,
    /// Gold documents scored (for documents per second).
    pub docs: usize,
    /// Bytes of gold text (for MB per second).
    pub text_bytes: usize,
    /// Prediction layers that were not in the contract's shape (scored as missing).
    pub warnings: Vec<String>,
    pub metrics: TaskMetrics,
}

impl Serialize for TaskReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.metrics.serialize(serializer)
    }
}

impl TaskReport {
    /// The machine-readable JSON, on one line.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("metrics always serialize")
    }

    /// A fixed-width table for a person.
    pub fn render_table(&self) -> String {
        let mut out = format!(
            "{}: {} documents, {} missing or unreadable, {:.2} MB of text\n",
            self.task,
            self.docs,
            self.metrics.missing_docs(),
            self.text_bytes as f64 / 1e6
        );
        let table = match &self.metrics {
            TaskMetrics::Direct(m) => {
                let mut t = span_table(&m.spans);
                t.row([
                    "source accuracy",
                    &show(m.source_accuracy),
                    &of(m.sources_right, m.spans.tp, "matched"),
                ]);
                t
            }
            TaskMetrics::Attribution(m) => {
                let mut t = span_table(&m.spans);
                t.row([
                    "source accuracy",
                    &show(m.source_accuracy),
                    &of(m.sources_right, m.spans.tp, "matched"),
                ]);
                t.row([
                    "recall, speech cues",
                    &show(m.recall_speech_cues),
                    &of(m.speech_cue_found, m.speech_cue_gold, "gold"),
                ]);
                t
            }
            TaskMetrics::Quotes(m) => {
                let mut t = span_table(&m.spans);
                t.row([
                    "speaker accuracy",
                    &show(m.speaker_accuracy),
                    &of(m.speakers_right, m.spans.tp, "matched"),
                ]);
                t.row([
                    "exempt unmatched",
                    "",
                    &format!("{} inside gold direct/mixed content", m.exempt),
                ]);
                t
            }
            TaskMetrics::Casualties(m) => casualty_table(m),
            TaskMetrics::Source(m) => source_table(m),
        };
        out.push_str(&table.render());
        for warning in self.warnings.iter().take(10) {
            let _ = writeln!(out, "warning: {warning}");
        }
        if self.warnings.len() > 10 {
            let _ = writeln!(out, "warning: ... and {} more", self.warnings.len() - 10);
        }
        out
    }
}

fn of(part: u64, whole: u64, what: &str) -> String {
    format!("{part} of {whole} {what}")
}

fn span_table(s: &SpanScores) -> Table {
    let mut t = Table::new(["measure", "value", "detail"]);
    t.row([
        "precision",
        &show(s.precision),
        &of(s.tp, s.tp + s.fp, "predicted"),
    ]);
    t.row(["recall", &show(s.recall), &of(s.tp, s.tp + s.fn_, "gold")]);
    t.row(["f1", &show(s.f1), ""]);
    t
}

fn casualty_table(m: &CasualtyMetrics) -> Table {
    let mut t = Table::new([
        "figure",
        "n",
        "exact",
        "within10%",
        "coverage",
        "excluded",
        "zero_n",
        "zero_right",
    ]);
    for (name, f) in [
        ("killed", &m.killed),
        ("injured", &m.injured),
        ("killed_civilians", &m.killed_civilians),
        ("killed_noncivilians", &m.killed_noncivilians),
    ] {
        t.row([
            name,
            &f.n.to_string(),
            &show(f.exact),
            &show(f.within_10pct),
            &show(f.coverage),
            &f.excluded.to_string(),
            &f.zero_n.to_string(),
            &show(f.zero_correct),
        ]);
    }
    t
}

fn source_table(m: &SourceMetrics) -> Table {
    let mut t = Table::new(["measure", "value", "detail"]);
    let docs = m.named_in_text_docs + m.not_in_text_docs;
    t.row([
        "outlet accuracy",
        &show(m.outlet_accuracy),
        &format!("{docs} documents"),
    ]);
    t.row([
        "  outlet named in text",
        &show(m.outlet_named_in_text_accuracy),
        &format!("{} documents", m.named_in_text_docs),
    ]);
    t.row([
        "  outlet not in text",
        &show(m.outlet_abstention_accuracy),
        &format!("{} documents (null is right)", m.not_in_text_docs),
    ]);
    t.row([
        "wire-agency set accuracy",
        &show(m.wire_agency_set_accuracy),
        "",
    ]);
    let d = &m.dateline;
    t.row([
        "dateline precision",
        &show(d.precision),
        &of(d.counts.tp, d.counts.tp + d.counts.fp, "predicted"),
    ]);
    t.row([
        "dateline recall",
        &show(d.recall),
        &of(d.counts.tp, d.counts.tp + d.counts.fn_, "gold"),
    ]);
    t.row(["dateline f1", &show(d.f1), ""]);
    t.row([
        "dateline place accuracy",
        &show(d.place_accuracy),
        &of(d.places_right, d.counts.tp, "matched"),
    ]);
    let b = &m.boilerplate_bytes;
    t.row([
        "boilerplate byte precision",
        &show(b.precision),
        &of(b.counts.tp, b.counts.tp + b.counts.fp, "bytes predicted"),
    ]);
    t.row([
        "boilerplate byte recall",
        &show(b.recall),
        &of(b.counts.tp, b.counts.tp + b.counts.fn_, "bytes gold"),
    ]);
    t.row(["boilerplate byte f1", &show(b.f1), ""]);
    t
}

/// Columns padded to their widest cell: the first left-aligned, the others right-aligned
/// except a trailing free-text `detail` column.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new<const N: usize>(header: [&str; N]) -> Table {
        Table {
            header: header.iter().map(|s| (*s).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    fn row<const N: usize>(&mut self, cells: [&str; N]) {
        self.rows
            .push(cells.iter().map(|s| (*s).to_owned()).collect());
    }

    fn render(&self) -> String {
        let columns = self.header.len();
        let width = |c: usize| {
            std::iter::once(&self.header)
                .chain(&self.rows)
                .map(|row| row.get(c).map_or(0, |cell| cell.chars().count()))
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..columns).map(width).collect();
        let free_text_last = self.header.last().is_some_and(|h| h == "detail");
        let mut out = String::new();
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                let w = widths[c];
                if c == 0 {
                    let _ = write!(line, "  {cell:<w$}");
                } else if free_text_last && c == columns - 1 {
                    let _ = write!(line, "  {cell}");
                } else {
                    let _ = write!(line, "  {cell:>w$}");
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}
