//! Output records and the three formats they are written in.
//!
//! `jsonl` is the output contract (one object per document: `id`, `layers` by layer name
//! in stage order, `errors`, and `meta` when the input had any); `json` is the same
//! records as one indented array; `text` is a report for a person.

use std::io::{self, Write};

use newsproc_sdk::{DocError, FailureKind, LayerOutput};
use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::value::RawValue;

/// What one document produced.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: String,
    pub layers: Vec<LayerOutput>,
    pub errors: Vec<DocError>,
    pub meta: Option<Box<RawValue>>,
    /// The document's length in bytes (0 when it could not be read).
    pub text_len: usize,
    /// Each stage's time on this document, in chain order; never written to the output,
    /// which must not depend on timing.
    pub stage_time: Vec<std::time::Duration>,
}

impl Record {
    pub fn failed(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The document could not be read at all.
    pub fn unreadable(id: String, why: String, meta: Option<Box<RawValue>>) -> Record {
        Record {
            id,
            layers: Vec::new(),
            errors: vec![DocError {
                stage: None,
                kind: FailureKind::Input,
                message: why,
            }],
            meta,
            text_len: 0,
            stage_time: Vec::new(),
        }
    }
}

struct Layers<'a>(&'a [LayerOutput]);

impl Serialize for Layers<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for layer in self.0 {
            map.serialize_entry(&layer.layer, &layer.json)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct RecordJson<'a> {
    id: &'a str,
    layers: Layers<'a>,
    errors: &'a [DocError],
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<&'a RawValue>,
}

impl Record {
    fn as_json(&self) -> RecordJson<'_> {
        RecordJson {
            id: &self.id,
            layers: Layers(&self.layers),
            errors: &self.errors,
            meta: self.meta.as_deref(),
        }
    }

    /// The record as one line of JSON (no newline).
    pub fn write_jsonl(&self, out: &mut Vec<u8>) {
        serde_json::to_writer(out, &self.as_json()).expect("records serialize");
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Jsonl,
}

impl Format {
    /// One record in this format. Pure, so that it runs on the worker that made the
    /// record; the writer only puts the bytes in order.
    pub fn render(self, record: &Record) -> Vec<u8> {
        match self {
            Format::Jsonl => {
                let mut line = Vec::with_capacity(1024);
                record.write_jsonl(&mut line);
                line.push(b'\n');
                line
            }
            Format::Json => {
                // Layers are re-read so that the whole array is indented alike.
                let value = serde_json::to_value(record.as_json()).expect("records serialize");
                let pretty = serde_json::to_string_pretty(&value).expect("values serialize");
                indent(&pretty, "  ").into_bytes()
            }
            Format::Text => text_report(record).into_bytes(),
        }
    }
}

/// Writes rendered records in one format, in the order given.
pub struct RecordWriter<W: Write> {
    out: W,
    format: Format,
    written: usize,
}

impl<W: Write> RecordWriter<W> {
    pub fn new(out: W, format: Format) -> Self {
        RecordWriter {
            out,
            format,
            written: 0,
        }
    }

    pub fn format(&self) -> Format {
        self.format
    }

    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        let rendered = self.format.render(record);
        self.write_rendered(&rendered)
    }

    /// Writes what [`Format::render`] made of the next record.
    pub fn write_rendered(&mut self, rendered: &[u8]) -> io::Result<()> {
        if self.format == Format::Json {
            self.out
                .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        }
        self.out.write_all(rendered)?;
        self.written += 1;
        Ok(())
    }

    /// Closes the output (the JSON array) and flushes it.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == Format::Json {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

fn indent(text: &str, by: &str) -> String {
    text.lines()
        .map(|l| format!("{by}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The readable report of one document: each stage's own account of its layer, then
/// every error.
pub fn text_report(record: &Record) -> String {
    let mut out = String::new();
    let status = if record.failed() {
        format!("{} error(s)", record.errors.len())
    } else {
        "ok".to_owned()
    };
    out.push_str(&format!(
        "══ {} ══ {} bytes, {status}\n",
        record.id, record.text_len
    ));
    for layer in &record.layers {
        out.push_str(&format!("── {} ──\n", layer.stage));
        match layer.report.as_deref().map(str::trim_end) {
            Some("") => out.push_str("  (nothing found)\n"),
            Some(report) => {
                out.push_str(&indent(report, "  "));
                out.push('\n');
            }
            None => out.push_str("  (no report)\n"),
        }
    }
    for error in &record.errors {
        let kind = serde_json::to_value(error.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        match &error.stage {
            Some(stage) => {
                out.push_str(&format!("!! stage `{stage}` ({kind}): {}\n", error.message))
            }
            None => out.push_str(&format!("!! {kind}: {}\n", error.message)),
        }
    }
    out.push('\n');
    out
}
