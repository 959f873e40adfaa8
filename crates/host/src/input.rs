//! Documents from the command line's inputs: `.txt` articles, directories of them, JSONL
//! corpora, and standard input. Read lazily, so that a corpus of any size streams.
//!
//! Architecture invariant: every document yields exactly one [`DocInput`], in input
//! order; one that cannot be read carries the reason instead of its text, so that it still
//! gets its record.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::{Map, Value};

/// One document to process.
#[derive(Debug, Clone, PartialEq)]
pub struct DocInput {
    pub id: String,
    /// The text, or why there is none.
    pub text: Result<String, String>,
    /// A JSONL record's other fields; a text file's path.
    pub meta: Option<Map<String, Value>>,
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

/// The documents of a list of inputs, in order.
pub struct Documents {
    pending: VecDeque<Input>,
    current: Option<Box<dyn Iterator<Item = DocInput> + Send>>,
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
    type Item = DocInput;

    fn next(&mut self) -> Option<DocInput> {
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
                    Ok(f) => Box::new(
                        JsonlDocuments::new(BufReader::new(f), path.display().to_string())
                            .counting(counter),
                    ),
                    Err(e) => Box::new(std::iter::once(unreadable(&path, e))),
                },
                Input::Stdin => stdin_documents(counter),
            });
        }
    }
}

fn unreadable(path: &Path, e: io::Error) -> DocInput {
    DocInput {
        id: path.display().to_string(),
        text: Err(format!("cannot read {}: {e}", path.display())),
        meta: None,
    }
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

fn directory(dir: &Path, counter: Arc<AtomicU64>) -> Box<dyn Iterator<Item = DocInput> + Send> {
    match text_files(dir) {
        Ok(files) => Box::new(files.into_iter().map(move |p| read_text_file(&p, &counter))),
        Err(e) => Box::new(std::iter::once(unreadable(dir, e))),
    }
}

/// The id of a text file's document: its file name without `.txt`.
fn text_file_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn read_text_file(path: &Path, counter: &AtomicU64) -> DocInput {
    let mut meta = Map::new();
    meta.insert("path".into(), Value::String(path.display().to_string()));
    let text = std::fs::read(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
        .and_then(|bytes| {
            counter.fetch_add(bytes.len() as u64, Ordering::Relaxed);
            text_from_bytes(bytes, &path.display().to_string())
        });
    DocInput {
        id: text_file_id(path),
        text,
        meta: Some(meta),
    }
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

/// Documents of a JSONL stream: one JSON object per line with a string `text`; `id` is
/// taken when present (a string or number) and every other field is kept as metadata.
/// Blank lines are not records.
pub struct JsonlDocuments<R> {
    reader: R,
    origin: String,
    line_number: usize,
    line: Vec<u8>,
    /// Set after a read error, which ends the stream.
    failed: bool,
    bytes_read: Option<Arc<AtomicU64>>,
}

impl<R: BufRead> JsonlDocuments<R> {
    pub fn new(reader: R, origin: String) -> Self {
        JsonlDocuments {
            reader,
            origin,
            line_number: 0,
            line: Vec::new(),
            failed: false,
            bytes_read: None,
        }
    }

    /// Adds the bytes of every line read to `counter`.
    pub fn counting(mut self, counter: Arc<AtomicU64>) -> Self {
        self.bytes_read = Some(counter);
        self
    }
}

impl<R: BufRead> Iterator for JsonlDocuments<R> {
    type Item = DocInput;

    fn next(&mut self) -> Option<DocInput> {
        while !self.failed {
            self.line.clear();
            self.line_number += 1;
            let where_ = format!("{}:{}", self.origin, self.line_number);
            match self.reader.read_until(b'\n', &mut self.line) {
                Ok(0) => return None,
                Ok(n) => {
                    if let Some(counter) = &self.bytes_read {
                        counter.fetch_add(n as u64, Ordering::Relaxed);
                    }
                }
                Err(e) => {
                    // A read error ends the stream; it is reported once, as a record.
                    self.failed = true;
                    return Some(DocInput {
                        id: where_.clone(),
                        text: Err(format!("cannot read line {where_}: {e}")),
                        meta: None,
                    });
                }
            }
            if self.line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse_record(&self.line, &where_));
        }
        None
    }
}

fn parse_record(line: &[u8], where_: &str) -> DocInput {
    let mut record: Map<String, Value> = match serde_json::from_slice(line) {
        Ok(Value::Object(map)) => map,
        Ok(_) => return bad_line(where_, "the line is JSON but not an object".into()),
        Err(e) => return bad_line(where_, format!("the line is not JSON: {e}")),
    };
    let id = match record.remove("id") {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => where_.to_owned(),
    };
    let text = match record.remove("text") {
        Some(Value::String(text)) => check_not_empty(text, &format!("the `text` of {where_}")),
        Some(_) => Err(format!("the `text` of {where_} is not a string")),
        None => Err(format!(
            "{where_} has no `text` field; each JSONL record needs one"
        )),
    };
    DocInput {
        id,
        text,
        meta: (!record.is_empty()).then_some(record),
    }
}

fn bad_line(where_: &str, why: String) -> DocInput {
    DocInput {
        id: where_.to_owned(),
        text: Err(format!("{where_}: {why}")),
        meta: None,
    }
}

/// Standard input is a JSONL stream when its first non-blank line is a JSON object, and
/// one article otherwise.
fn stdin_documents(counter: Arc<AtomicU64>) -> Box<dyn Iterator<Item = DocInput> + Send> {
    let mut stdin = BufReader::new(io::stdin());
    let mut first = Vec::new();
    loop {
        first.clear();
        match stdin.read_until(b'\n', &mut first) {
            Ok(0) => {
                return Box::new(std::iter::once(DocInput {
                    id: "stdin".into(),
                    text: Err("standard input is empty: there is no text to process".into()),
                    meta: None,
                }));
            }
            Ok(_) if first.iter().all(u8::is_ascii_whitespace) => continue,
            Ok(_) => break,
            Err(e) => {
                return Box::new(std::iter::once(DocInput {
                    id: "stdin".into(),
                    text: Err(format!("cannot read standard input: {e}")),
                    meta: None,
                }));
            }
        }
    }
    if matches!(
        serde_json::from_slice::<Value>(&first),
        Ok(Value::Object(_))
    ) {
        let rest = io::Cursor::new(first).chain(stdin);
        return Box::new(
            JsonlDocuments::new(BufReader::new(rest), "stdin".into()).counting(counter),
        );
    }
    let mut bytes = first;
    let text = stdin
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))
        .and_then(|_| {
            counter.fetch_add(bytes.len() as u64, Ordering::Relaxed);
            text_from_bytes(bytes, "standard input")
        });
    Box::new(std::iter::once(DocInput {
        id: "stdin".into(),
        text,
        meta: None,
    }))
}
