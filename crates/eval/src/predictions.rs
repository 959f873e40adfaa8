//! Pipeline output records (the output contract) and the layers the scorer reads.
//!
//! A record is `{"id", "layers": {...}, "errors"}`; only the four scored layers are kept,
//! any other layer (tokens, sentences, ...) is skipped while parsing so large outputs
//! cost no memory. Layers are read leniently: missing fields default to empty, a `null`
//! layer is a missing layer, and a layer that does not have the contract's shape is
//! scored as missing with a warning rather than failing the whole run.

use std::collections::HashMap;
use std::io::BufRead;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::Task;
use crate::eval_error::EvalError;
use crate::gold::GoldDoc;
use crate::spans::Span;

/// The predicted records of one run, looked up by document id.
#[derive(Clone, Debug, Default)]
pub struct Predictions {
    records: Vec<Record>,
    /// Record indices per id, in input order: duplicate ids (a corpus may repeat an
    /// article) pair up in order of occurrence with the gold documents of that id.
    by_id: HashMap<String, Vec<usize>>,
}

#[derive(Clone, Debug, Deserialize)]
struct Record {
    id: String,
    #[serde(default)]
    layers: Layers,
}

#[derive(Clone, Debug, Default, Deserialize)]
struct Layers {
    #[serde(default)]
    source: Option<Value>,
    #[serde(default)]
    attribution: Option<Value>,
    #[serde(default)]
    quotes: Option<Value>,
    #[serde(default)]
    casualties: Option<Value>,
}

impl Layers {
    fn get(&self, task: Task) -> Option<&Value> {
        let layer = match task {
            Task::Direct | Task::Attribution => &self.attribution,
            Task::Quotes => &self.quotes,
            Task::Casualties => &self.casualties,
            Task::Source => &self.source,
        };
        layer.as_ref().filter(|v| !v.is_null())
    }
}

impl Predictions {
    /// Reads output records, one JSON object per line. Blank lines are skipped.
    pub fn from_jsonl(reader: impl BufRead) -> Result<Predictions, EvalError> {
        let mut predictions = Predictions::default();
        for (index, line) in reader.lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let record = serde_json::from_str(&line).map_err(|e| EvalError::Prediction {
                line: index + 1,
                message: e.to_string(),
            })?;
            predictions.push(record);
        }
        Ok(predictions)
    }

    /// Takes records already parsed as JSON values.
    pub fn from_values(values: impl IntoIterator<Item = Value>) -> Result<Predictions, EvalError> {
        let mut predictions = Predictions::default();
        for (index, value) in values.into_iter().enumerate() {
            let record = Record::deserialize(value).map_err(|e| EvalError::Prediction {
                line: index + 1,
                message: e.to_string(),
            })?;
            predictions.push(record);
        }
        Ok(predictions)
    }

    fn push(&mut self, record: Record) {
        let index = self.records.len();
        self.by_id.entry(record.id.clone()).or_default().push(index);
        self.records.push(record);
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// For each gold document, the raw layer `task` reads from its record, if the record
    /// and the layer exist.
    pub(crate) fn layers_for<'a>(&'a self, task: Task, gold: &[GoldDoc]) -> Vec<Option<&'a Value>> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        gold.iter()
            .map(|doc| {
                let occurrence = seen.entry(doc.id.as_str()).or_default();
                let record = self
                    .by_id
                    .get(&doc.id)
                    .and_then(|indices| indices.get(*occurrence));
                *occurrence += 1;
                self.records[*record?].layers.get(task)
            })
            .collect()
    }
}

/// Reads a raw layer into its typed shape; `Err` holds the reason it does not fit.
pub(crate) fn parse_layer<T: DeserializeOwned>(value: &Value) -> Result<T, String> {
    T::deserialize(value).map_err(|e| e.to_string())
}

/// A predicted source of an attribution, or the speaker of a quotation.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct PredSource {
    #[serde(default)]
    pub span: Option<Span>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
}

impl PredSource {
    /// The name the source is judged by: `name`, or the mention `text` when the output
    /// gives no name with a word in it.
    pub fn label(&self) -> Option<&str> {
        let has_word = |s: &&String| s.chars().any(char::is_alphanumeric);
        self.name
            .as_ref()
            .filter(has_word)
            .or_else(|| self.text.as_ref().filter(has_word))
            .map(String::as_str)
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct AttributionLayer {
    #[serde(default)]
    pub attributions: Vec<PredRelation>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct PredRelation {
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub content: Vec<Span>,
    #[serde(default)]
    pub source: Option<PredSource>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct QuotesLayer {
    #[serde(default)]
    pub quotes: Vec<PredQuote>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct PredQuote {
    #[serde(default)]
    pub span: Option<Span>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub speaker: Option<PredSource>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct CasualtiesLayer {
    #[serde(default)]
    pub totals: Totals,
}

/// Predicted figures; numbers are read as `f64` so a non-integral output is compared
/// rather than rejected.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct Totals {
    #[serde(default)]
    pub killed: Option<f64>,
    #[serde(default)]
    pub injured: Option<f64>,
    #[serde(default)]
    pub killed_civilians: Option<f64>,
    #[serde(default)]
    pub killed_noncivilians: Option<f64>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct SourceLayer {
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub wire_agencies: Vec<String>,
    #[serde(default)]
    pub dateline: Option<PredDateline>,
    #[serde(default)]
    pub boilerplate: Vec<PredBoilerplate>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct PredDateline {
    #[serde(default)]
    pub span: Option<Span>,
    #[serde(default)]
    pub place: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct PredBoilerplate {
    #[serde(default)]
    pub span: Option<Span>,
}

impl Totals {
    pub fn get(&self, field: crate::gold::CasualtyField) -> Option<f64> {
        use crate::gold::CasualtyField;
        match field {
            CasualtyField::Killed => self.killed,
            CasualtyField::Injured => self.injured,
            CasualtyField::KilledCivilians => self.killed_civilians,
            CasualtyField::KilledNoncivilians => self.killed_noncivilians,
        }
    }
}
