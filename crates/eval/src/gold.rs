//! Gold records, one JSONL line per document, in the shapes of the README.
//!
//! Only the fields the metrics use are kept; any other field is ignored, so richer gold
//! files (crowd figures, provenance notes, titles) read fine.

use std::io::BufRead;

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;

use crate::Task;
use crate::eval_error::EvalError;
use crate::spans::{Span, SpanSet};

/// One gold document: its text and the annotation of one task family.
#[derive(Clone, Debug)]
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    pub annotation: GoldAnnotation,
}

/// The annotation of a gold document, by file family.
#[derive(Clone, Debug)]
pub enum GoldAnnotation {
    /// `attribution/*.jsonl`: used by the direct, attribution and quotes tasks.
    Relations(Vec<GoldRelation>),
    /// `casualties/*.jsonl`.
    Casualties(GoldCasualties),
    /// `source/*.jsonl`.
    Source(GoldSource),
}

/// How much of an attribution's content lies inside quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationKind {
    Direct,
    Mixed,
    Indirect,
    #[serde(other)]
    Other,
}

impl RelationKind {
    /// Direct and mixed relations: the ones the `direct` task scores.
    pub fn is_quoted(self) -> bool {
        matches!(self, RelationKind::Direct | RelationKind::Mixed)
    }

    pub fn name(self) -> &'static str {
        match self {
            RelationKind::Direct => "direct",
            RelationKind::Mixed => "mixed",
            RelationKind::Indirect => "indirect",
            RelationKind::Other => "other",
        }
    }
}

/// A gold attribution relation.
#[derive(Clone, Debug)]
pub struct GoldRelation {
    pub kind: RelationKind,
    pub content: SpanSet,
    /// Empty for a relation without a source.
    pub source: SpanSet,
    pub cue: SpanSet,
    /// Who a pronoun source refers to ("Barack Obama" for "he").
    pub source_name: Option<String>,
}

/// The four scored casualty figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CasualtyField {
    Killed,
    Injured,
    KilledCivilians,
    KilledNoncivilians,
}

impl CasualtyField {
    pub const ALL: [CasualtyField; 4] = [
        CasualtyField::Killed,
        CasualtyField::Injured,
        CasualtyField::KilledCivilians,
        CasualtyField::KilledNoncivilians,
    ];

    /// The JSON key, in gold records, output totals and the report alike.
    pub const fn key(self) -> &'static str {
        match self {
            CasualtyField::Killed => "killed",
            CasualtyField::Injured => "injured",
            CasualtyField::KilledCivilians => "killed_civilians",
            CasualtyField::KilledNoncivilians => "killed_noncivilians",
        }
    }

    const fn index(self) -> usize {
        self as usize
    }
}

/// Gold casualty figures of one document; `None` means not reported, never zero.
#[derive(Clone, Debug, Default)]
pub struct GoldCasualties {
    /// The figures are an incident's final toll (GVA, `gold_level: "incident"`) rather
    /// than what the article reports, so an early article can give fewer.
    pub final_toll: bool,
    values: [Option<u64>; 4],
    /// The record's own `gold_in_text` flag per figure, where it has one.
    in_text: [Option<bool>; 4],
}

impl GoldCasualties {
    pub fn new(final_toll: bool, values: [Option<u64>; 4], in_text: [Option<bool>; 4]) -> Self {
        GoldCasualties {
            final_toll,
            values,
            in_text,
        }
    }

    pub fn value(&self, field: CasualtyField) -> Option<u64> {
        self.values[field.index()]
    }

    /// Whether the record says the figure occurs in the text (`gold_in_text.<field>`).
    pub fn flagged_in_text(&self, field: CasualtyField) -> Option<bool> {
        self.in_text[field.index()]
    }
}

/// Gold source annotation of one document.
#[derive(Clone, Debug, Default)]
pub struct GoldSource {
    pub outlet: Option<String>,
    /// Whether the outlet's name occurs in the text at all.
    pub outlet_in_text: bool,
    pub wire_agencies: Vec<String>,
    pub dateline: Option<GoldDateline>,
    pub boilerplate: Vec<GoldBoilerplate>,
}

#[derive(Clone, Debug)]
pub struct GoldDateline {
    pub span: Span,
    /// `None` for datelines without a place ("(Reuters) -").
    pub city: Option<String>,
}

#[derive(Clone, Debug)]
pub struct GoldBoilerplate {
    pub span: Span,
    pub kind: Option<String>,
}

impl GoldDoc {
    /// Parses one gold JSONL record of the file family `task` reads.
    pub fn from_json(task: Task, line: &str) -> Result<GoldDoc, serde_json::Error> {
        match task {
            Task::Direct | Task::Attribution | Task::Quotes => {
                let raw: RawRelationDoc = serde_json::from_str(line)?;
                let relations = raw
                    .attributions
                    .into_iter()
                    .map(GoldRelation::from)
                    .collect();
                Ok(GoldDoc {
                    id: raw.id,
                    text: raw.text,
                    annotation: GoldAnnotation::Relations(relations),
                })
            }
            Task::Casualties => {
                let raw: RawCasualtyDoc = serde_json::from_str(line)?;
                let final_toll = raw.dataset.as_deref() == Some("gva")
                    || raw.gold_level.as_deref() == Some("incident");
                let values = [
                    raw.killed,
                    raw.injured,
                    raw.killed_civilians,
                    raw.killed_noncivilians,
                ];
                // GVA records flag each figure; FA-KES has one flag for the whole record,
                // which says nothing per figure and is not used.
                let in_text = CasualtyField::ALL.map(|field| {
                    raw.gold_in_text
                        .as_ref()
                        .and_then(|flags| flags.get(field.key()))
                        .and_then(Value::as_bool)
                });
                Ok(GoldDoc {
                    id: raw.id,
                    text: raw.text,
                    annotation: GoldAnnotation::Casualties(GoldCasualties::new(
                        final_toll, values, in_text,
                    )),
                })
            }
            Task::Source => {
                let raw: RawSourceDoc = serde_json::from_str(line)?;
                // Without the flag, fall back to what it means: the name occurs in the text.
                let outlet_in_text = raw.outlet_in_text.unwrap_or_else(|| {
                    raw.outlet.as_ref().is_some_and(|outlet| {
                        raw.text.to_lowercase().contains(&outlet.to_lowercase())
                    })
                });
                let source = GoldSource {
                    outlet: raw.outlet,
                    outlet_in_text,
                    wire_agencies: raw.wire_agency,
                    dateline: raw.dateline.map(|d| GoldDateline {
                        span: Span::new(d.start, d.end),
                        city: d.city,
                    }),
                    boilerplate: raw
                        .boilerplate
                        .into_iter()
                        .map(|b| GoldBoilerplate {
                            span: Span::new(b.start, b.end),
                            kind: b.kind,
                        })
                        .collect(),
                };
                Ok(GoldDoc {
                    id: raw.id,
                    text: raw.text,
                    annotation: GoldAnnotation::Source(source),
                })
            }
        }
    }

    /// The text under a span, lossily decoded so a span off a character boundary (or off
    /// the end) still shows something rather than panicking.
    pub fn span_text(&self, span: Span) -> std::borrow::Cow<'_, str> {
        let bytes = self.text.as_bytes();
        let end = span.end.min(bytes.len());
        let start = span.start.min(end);
        String::from_utf8_lossy(&bytes[start..end])
    }

    /// The text under a span set, its pieces joined by single spaces.
    pub fn set_text(&self, set: &SpanSet) -> String {
        let pieces: Vec<_> = set.ranges().iter().map(|&s| self.span_text(s)).collect();
        pieces.join(" ")
    }
}

/// Reads a gold JSONL file of the family `task` reads. Blank lines are skipped.
pub fn read_gold(task: Task, reader: impl BufRead) -> Result<Vec<GoldDoc>, EvalError> {
    let mut docs = Vec::new();
    let mut annotated = false;
    for (index, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc = GoldDoc::from_json(task, &line).map_err(|e| EvalError::Gold {
            line: index + 1,
            message: e.to_string(),
        })?;
        // Every annotation field is optional in a record, so gold of another task reads
        // without error and would score as if nothing were annotated.
        annotated = annotated || has_annotation_fields(task, &line);
        docs.push(doc);
    }
    if !annotated && !docs.is_empty() {
        return Err(EvalError::NoAnnotations {
            task: task.name(),
            records: docs.len(),
            fields: annotation_fields(task),
        });
    }
    Ok(docs)
}

/// The fields whose presence marks a record as gold for `task`, for messages.
fn annotation_fields(task: Task) -> &'static str {
    match task {
        Task::Direct | Task::Attribution | Task::Quotes => "`attributions`",
        Task::Casualties => "`killed`, `injured`, `killed_civilians` or `killed_noncivilians`",
        Task::Source => "`outlet_in_text`, `wire_agency`, `dateline` or `boilerplate`",
    }
}

/// Whether the record on `line` has one of the fields `task` scores (present, even if
/// `null`). `outlet` is left out: attribution records have one too.
fn has_annotation_fields(task: Task, line: &str) -> bool {
    #[derive(Deserialize)]
    struct Fields {
        #[serde(default, deserialize_with = "present")]
        attributions: bool,
        #[serde(default, deserialize_with = "present")]
        killed: bool,
        #[serde(default, deserialize_with = "present")]
        injured: bool,
        #[serde(default, deserialize_with = "present")]
        killed_civilians: bool,
        #[serde(default, deserialize_with = "present")]
        killed_noncivilians: bool,
        #[serde(default, deserialize_with = "present")]
        outlet_in_text: bool,
        #[serde(default, deserialize_with = "present")]
        wire_agency: bool,
        #[serde(default, deserialize_with = "present")]
        dateline: bool,
        #[serde(default, deserialize_with = "present")]
        boilerplate: bool,
    }
    fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        IgnoredAny::deserialize(d).map(|_| true)
    }
    let Ok(f) = serde_json::from_str::<Fields>(line) else {
        return false;
    };
    match task {
        Task::Direct | Task::Attribution | Task::Quotes => f.attributions,
        Task::Casualties => f.killed || f.injured || f.killed_civilians || f.killed_noncivilians,
        Task::Source => f.outlet_in_text || f.wire_agency || f.dateline || f.boilerplate,
    }
}

impl From<RawRelation> for GoldRelation {
    fn from(raw: RawRelation) -> GoldRelation {
        GoldRelation {
            kind: raw.kind,
            content: SpanSet::new(raw.content),
            source: SpanSet::new(raw.source),
            cue: SpanSet::new(raw.cue),
            source_name: raw.source_name.filter(|name| !name.trim().is_empty()),
        }
    }
}

#[derive(Deserialize)]
struct RawRelationDoc {
    id: String,
    text: String,
    #[serde(default)]
    attributions: Vec<RawRelation>,
}

#[derive(Deserialize)]
struct RawRelation {
    kind: RelationKind,
    #[serde(default)]
    content: Vec<Span>,
    #[serde(default)]
    source: Vec<Span>,
    #[serde(default)]
    cue: Vec<Span>,
    #[serde(default)]
    source_name: Option<String>,
}

#[derive(Deserialize)]
struct RawCasualtyDoc {
    id: String,
    text: String,
    #[serde(default)]
    dataset: Option<String>,
    #[serde(default)]
    gold_level: Option<String>,
    #[serde(default)]
    killed: Option<u64>,
    #[serde(default)]
    injured: Option<u64>,
    #[serde(default)]
    killed_civilians: Option<u64>,
    #[serde(default)]
    killed_noncivilians: Option<u64>,
    #[serde(default)]
    gold_in_text: Option<Value>,
}

#[derive(Deserialize)]
struct RawSourceDoc {
    id: String,
    text: String,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    outlet_in_text: Option<bool>,
    #[serde(default)]
    wire_agency: Vec<String>,
    #[serde(default)]
    dateline: Option<RawDateline>,
    #[serde(default)]
    boilerplate: Vec<RawBoilerplate>,
}

#[derive(Deserialize)]
struct RawDateline {
    start: usize,
    end: usize,
    #[serde(default)]
    city: Option<String>,
}

#[derive(Deserialize)]
struct RawBoilerplate {
    start: usize,
    end: usize,
    #[serde(default)]
    kind: Option<String>,
}
