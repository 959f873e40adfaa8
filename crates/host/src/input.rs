//! Documents from the command line's inputs: `.txt` articles, directories of them, JSONL
//! corpora, and standard input. Read lazily, so that a corpus of any size streams.
//!
//! Reading is split in two so that a parallel run scales: [`Documents`] only reads bytes
//! (one file, one line) and yields a [`RawDoc`], which is cheap and done in input order;
//! [`RawDoc::parse`] decodes it, and runs on whichever worker takes the document.
//!
//! Architecture invariant: every document yields exactly one [`DocInput`], in input
//! order; one that cannot be read carries the reason instead of its text, so that it still
//! gets its record.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

/// One document to process.
#[derive(Debug, Clone)]
pub struct DocInput {
    pub id: String,
    /// The text, or why there is none.
    pub text: Result<String, String>,
    /// A JSON object: a JSONL record's other fields, or a text file's path.
    pub meta: Option<Box<RawValue>>,
}

/// A document as read, not yet decoded.
#[derive(Debug)]
pub enum RawDoc {
    Ready(DocInput),
    /// One line of a JSONL stream and where it is (`file:line`).
    JsonlLine {
        line: Vec<u8>,
        origin: String,
    },
}

impl RawDoc {
    pub fn parse(self) -> DocInput {
        match self {
            RawDoc::Ready(doc) => doc,
            RawDoc::JsonlLine { line, origin } => parse_record(&line, &origin),
        }
    }
}

impl From<DocInput> for RawDoc {
    fn from(doc: DocInput) -> RawDoc {
        RawDoc::Ready(doc)
    }
}

/// An input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    TextFile(PathBuf),
    Directory(PathBuf),
    Jsonl(PathBuf),
    Stdin,
}

impl Input {
    /// What a command-line argument names. An error here is a wrong command line.
    pub fn classify(arg: &Path) -> Result<Input, String> {
        if arg == Path::new("-") {
            return Ok(Input::Stdin);
        }
        let meta = std::fs::metadata(arg).map_err(|e| format!("input {}: {e}", arg.display()))?;
        if meta.is_dir() {
            return Ok(Input::Directory(arg.to_path_buf()));
        }
        match arg.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "ndjson") => Ok(Input::Jsonl(arg.to_path_buf())),
            _ => Ok(Input::TextFile(arg.to_path_buf())),
        }
    }

    /// Its size in bytes, when it has one known in advance (not standard input).
    pub fn size(&self) -> Option<u64> {
        match self {
            Input::TextFile(path) | Input::Jsonl(path) => {
                std::fs::metadata(path).ok().map(|m| m.len())
            }
            Input::Directory(dir) => Some(
                text_files(dir)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|p| std::fs::metadata(p).ok())
                    .map(|m| m.len())
                    .sum(),
            ),
            Input::Stdin => None,
        }
    }
}

type RawDocs = Box<dyn Iterator<Item = RawDoc> + Send>;

/// The documents of a list of inputs, in order.
pub struct Documents {
    pending: VecDeque<Input>,
    current: Option<RawDocs>,
    bytes_read: Arc<AtomicU64>,
}

impl Documents {
    pub fn new(inputs: Vec<Input>) -> Documents {
        Documents {
            pending: inputs.into(),
            current: None,
            bytes_read: Arc::default(),
        }
    }

    /// A counter of the input bytes read so far (files and JSONL lines), for progress.
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.bytes_read)
    }
}

impl Iterator for Documents {
    type Item = RawDoc;

    fn next(&mut self) -> Option<RawDoc> {
        loop {
            if let Some(doc) = self.current.as_mut().and_then(Iterator::next) {
                return Some(doc);
            }
            let input = self.pending.pop_front()?;
            let counter = Arc::clone(&self.bytes_read);
            self.current = Some(match input {
                Input::TextFile(path) => Box::new(std::iter::once(read_text_file(&path, &counter))),
                Input::Directory(dir) => directory(&dir, counter),
                Input::Jsonl(path) => match File::open(&path) {
                    Ok(f) => Box::new(JsonlLines::new(
                        BufReader::new(f),
                        path.display().to_string(),
                        counter,
                    )),
                    Err(e) => {
                        Box::new(std::iter::once(unreadable(&path.display().to_string(), &e)))
                    }
                },
                Input::Stdin => stdin_documents(counter),
            });
        }
    }
}

fn unreadable(what: &str, e: &dyn fmt::Display) -> RawDoc {
    RawDoc::Ready(DocInput {
        id: what.to_owned(),
        text: Err(format!("cannot read {what}: {e}")),
        meta: None,
    })
}

/// A directory's `.txt` files, sorted by name.
fn text_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

fn directory(dir: &Path, counter: Arc<AtomicU64>) -> RawDocs {
    match text_files(dir) {
        Ok(files) => Box::new(files.into_iter().map(move |p| read_text_file(&p, &counter))),
        Err(e) => Box::new(std::iter::once(unreadable(&dir.display().to_string(), &e))),
    }
}

/// The id of a text file's document: its file name without `.txt`.
fn text_file_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn read_text_file(path: &Path, counter: &AtomicU64) -> RawDoc {
    let shown = path.display().to_string();
    let meta = serde_json::to_string(&serde_json::json!({ "path": shown }))
        .ok()
        .and_then(|m| RawValue::from_string(m).ok());
    let text = std::fs::read(path)
        .map_err(|e| format!("cannot read {shown}: {e}"))
        .and_then(|bytes| {
            counter.fetch_add(bytes.len() as u64, Ordering::Relaxed);
            text_from_bytes(bytes, &shown)
        });
    RawDoc::Ready(DocInput {
        id: text_file_id(path),
        text,
        meta,
    })
}

/// The text of a document's bytes, or why it cannot be one.
pub fn text_from_bytes(bytes: Vec<u8>, origin: &str) -> Result<String, String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let byte = e.as_bytes()[at];
        format!(
            "{origin} is not valid UTF-8: byte 0x{byte:02X} at offset {at} does not begin a UTF-8 character; convert the file to UTF-8 (for example with `iconv -f WINDOWS-1252 -t UTF-8`)"
        )
    })?;
    check_not_empty(text, origin)
}

fn check_not_empty(text: String, origin: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Err(format!("{origin} is empty: there is no text to process"))
    } else {
        Ok(text)
    }
}

/// The lines of a JSONL stream, each one record: a JSON object with a string `text`; `id`
/// is taken when present (a string or number) and every other field is kept as metadata.
/// Blank lines are not records.
pub struct JsonlLines<R> {
    reader: R,
    origin: String,
    line_number: usize,
    /// Set after a read error, which ends the stream.
    failed: bool,
    bytes_read: Arc<AtomicU64>,
}

impl<R: BufRead> JsonlLines<R> {
    pub fn new(reader: R, origin: String, bytes_read: Arc<AtomicU64>) -> Self {
        JsonlLines {
            reader,
            origin,
            line_number: 0,
            failed: false,
            bytes_read,
        }
    }
}

impl<R: BufRead> Iterator for JsonlLines<R> {
    type Item = RawDoc;

    fn next(&mut self) -> Option<RawDoc> {
        while !self.failed {
            let mut line = Vec::new();
            self.line_number += 1;
            match self.reader.read_until(b'\n', &mut line) {
                Ok(0) => return None,
                Ok(n) => {
                    self.bytes_read.fetch_add(n as u64, Ordering::Relaxed);
                }
                Err(e) => {
                    // A read error ends the stream; it is reported once, as a record.
                    self.failed = true;
                    return Some(unreadable(
                        &format!("{}:{}", self.origin, self.line_number),
                        &e,
                    ));
                }
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(RawDoc::JsonlLine {
                line,
                origin: format!("{}:{}", self.origin, self.line_number),
            });
        }
        None
    }
}

/// A JSONL record read in one pass: `text` decoded as it is read, `id` left as raw JSON
/// (it is short, and may be a string or a number), and every other field kept as raw
/// JSON, in order, for the metadata: no tree is built and nothing is parsed twice.
#[derive(Default)]
struct RecordFields<'a> {
    id: Option<&'a RawValue>,
    text: Option<TextField>,
    meta: Vec<(Cow<'a, str>, &'a RawValue)>,
}

/// The `text` field: a string, or anything else (which the record's error names).
enum TextField {
    Text(String),
    NotAString,
}

impl<'de> serde::Deserialize<'de> for TextField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = TextField;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E>(self, v: &str) -> Result<TextField, E> {
                Ok(TextField::Text(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<TextField, E> {
                Ok(TextField::Text(v))
            }
            fn visit_bool<E>(self, _: bool) -> Result<TextField, E> {
                Ok(TextField::NotAString)
            }
            fn visit_i64<E>(self, _: i64) -> Result<TextField, E> {
                Ok(TextField::NotAString)
            }
            fn visit_u64<E>(self, _: u64) -> Result<TextField, E> {
                Ok(TextField::NotAString)
            }
            fn visit_f64<E>(self, _: f64) -> Result<TextField, E> {
                Ok(TextField::NotAString)
            }
            fn visit_unit<E>(self) -> Result<TextField, E> {
                Ok(TextField::NotAString)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TextField, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(TextField::NotAString)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TextField, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(TextField::NotAString)
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

impl<'de> serde::Deserialize<'de> for RecordFields<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = RecordFields<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RecordFields<'de>, A::Error> {
                let mut fields = RecordFields::default();
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    match key.as_ref() {
                        "id" => fields.id = Some(map.next_value()?),
                        "text" => fields.text = Some(map.next_value()?),
                        _ => fields.meta.push((key, map.next_value()?)),
                    }
                }
                Ok(fields)
            }
        }
        d.deserialize_map(FieldsVisitor)
    }
}

/// The metadata fields as one JSON object, written from their raw JSON as it is.
struct MetaObject<'a, 'b>(&'b [(Cow<'a, str>, &'a RawValue)]);

impl serde::Serialize for MetaObject<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

fn parse_record(line: &[u8], where_: &str) -> DocInput {
    let bad = |why: String| DocInput {
        id: where_.to_owned(),
        text: Err(format!("{where_}: {why}")),
        meta: None,
    };
    let Ok(line) = std::str::from_utf8(line) else {
        return bad("the line is not valid UTF-8".into());
    };
    let fields = match serde_json::from_str::<RecordFields>(line) {
        Ok(fields) => fields,
        Err(e) if e.is_data() => return bad("the line is JSON but not an object".into()),
        Err(e) => return bad(format!("the line is not JSON: {e}")),
    };
    let id = fields
        .id
        .and_then(
            |raw| match serde_json::from_str::<serde_json::Value>(raw.get()) {
                Ok(serde_json::Value::String(s)) => Some(s),
                Ok(serde_json::Value::Number(n)) => Some(n.to_string()),
                _ => None,
            },
        )
        .unwrap_or_else(|| where_.to_owned());
    let text = match fields.text {
        Some(TextField::Text(text)) => check_not_empty(text, &format!("the `text` of {where_}")),
        Some(TextField::NotAString) => Err(format!("the `text` of {where_} is not a string")),
        None => Err(format!(
            "{where_} has no `text` field; each JSONL record needs one"
        )),
    };
    // Serializing raw values copies them; unlike `RawValue::from_string`, it does not
    // parse the metadata a second time.
    let meta = (!fields.meta.is_empty()).then(|| {
        serde_json::value::to_raw_value(&MetaObject(&fields.meta))
            .expect("raw JSON values serialize")
    });
    DocInput { id, text, meta }
}

/// Standard input is a JSONL stream when its first non-blank line is a JSON object, and
/// one article otherwise.
fn stdin_documents(counter: Arc<AtomicU64>) -> RawDocs {
    let mut stdin = BufReader::new(io::stdin());
    let mut first = Vec::new();
    let failure = |why: String| -> RawDocs {
        Box::new(std::iter::once(RawDoc::Ready(DocInput {
            id: "stdin".into(),
            text: Err(why),
            meta: None,
        })))
    };
    loop {
        first.clear();
        match stdin.read_until(b'\n', &mut first) {
            Ok(0) => return failure("standard input is empty: there is no text to process".into()),
            Ok(_) if first.iter().all(u8::is_ascii_whitespace) => continue,
            Ok(_) => break,
            Err(e) => return failure(format!("cannot read standard input: {e}")),
        }
    }
    if matches!(
        serde_json::from_slice::<serde_json::Value>(&first),
        Ok(serde_json::Value::Object(_))
    ) {
        let rest = io::Cursor::new(first).chain(stdin);
        return Box::new(JsonlLines::new(
            BufReader::new(rest),
            "stdin".into(),
            counter,
        ));
    }
    let mut bytes = first;
    let text = stdin
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))
        .and_then(|_| {
            counter.fetch_add(bytes.len() as u64, Ordering::Relaxed);
            text_from_bytes(bytes, "standard input")
        });
    Box::new(std::iter::once(RawDoc::Ready(DocInput {
        id: "stdin".into(),
        text,
        meta: None,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_keeps_its_other_fields_in_order_as_metadata() {
        let doc = parse_record(
            br#"{"z": 1, "id": "a", "text": "T\u00e9xt", "m": {"k": [1, 2]}}"#,
            "f:1",
        );
        assert_eq!(doc.id, "a");
        assert_eq!(doc.text.unwrap(), "Téxt");
        assert_eq!(doc.meta.unwrap().get(), r#"{"z":1,"m":{"k": [1, 2]}}"#);
    }

    #[test]
    fn ids_may_be_numbers_or_missing() {
        assert_eq!(parse_record(br#"{"id": 12, "text": "x"}"#, "f:1").id, "12");
        assert_eq!(parse_record(br#"{"text": "x"}"#, "f:3").id, "f:3");
        assert!(parse_record(br#"{"text": "x"}"#, "f:3").meta.is_none());
    }

    #[test]
    fn bad_lines_say_why() {
        let why = |line: &[u8]| parse_record(line, "f:2").text.unwrap_err();
        assert!(why(b"nope").contains("f:2: the line is not JSON"));
        assert!(why(b"[1, 2]").contains("not an object"));
        assert!(why(br#"{"id": "a"}"#).contains("has no `text` field"));
        for not_a_string in [
            r#"{"text": 5}"#,
            r#"{"text": null}"#,
            r#"{"text": ["a", {"b": [1]}]}"#,
            r#"{"text": {"a": "b"}, "id": "x"}"#,
        ] {
            assert!(
                why(not_a_string.as_bytes()).contains("is not a string"),
                "{not_a_string}"
            );
        }
        assert!(why(br#"{"text": "x"} extra"#).contains("not JSON"));
        assert!(why(br#"{"text": " "}"#).contains("is empty"));
        assert!(why(b"{\"text\": \"\xff\"}").contains("not valid UTF-8"));
    }
}
