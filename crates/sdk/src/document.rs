use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::StageError;

/// One article as a stage sees it: its id, its text, and the layers of earlier stages that
/// this stage declared it requires or uses. Nothing else is visible.
#[derive(Debug, Deserialize)]
pub struct Document<'a> {
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    #[serde(borrow, default)]
    layers: BTreeMap<Cow<'a, str>, &'a RawValue>,
    /// Whether the host wants a readable report of this stage's output.
    #[serde(default)]
    pub report: bool,
}

impl<'a> Document<'a> {
    /// The named layer, read as `T`; `None` when the document does not carry it (the
    /// stage that provides it is not in the pipeline, or failed on this document).
    pub fn layer<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, StageError> {
        let Some(raw) = self.layers.get(name) else {
            return Ok(None);
        };
        serde_json::from_str(raw.get()).map(Some).map_err(|e| {
            StageError::new(format!(
                "layer `{name}` does not have the expected shape: {e}"
            ))
        })
    }

    /// Like [`Document::layer`], but a missing layer is an error. The runner never calls
    /// a stage without its required layers, so this fails only for a malformed input.
    pub fn required_layer<T: DeserializeOwned>(&self, name: &str) -> Result<T, StageError> {
        self.layer(name)?
            .ok_or_else(|| StageError::new(format!("required layer `{name}` is missing")))
    }

    pub fn has_layer(&self, name: &str) -> bool {
        self.layers.contains_key(name)
    }

    pub fn layer_names(&self) -> impl Iterator<Item = &str> {
        self.layers.keys().map(|k| k.as_ref())
    }
}

/// Writes the JSON input of a stage. The id and text are escaped once per document and
/// reused for every stage, since the text dominates the size of each input.
#[derive(Debug, Clone)]
pub struct EncodedDocument {
    /// `{"id":...,"text":...` without the closing brace.
    head: Vec<u8>,
    text_len: usize,
}

impl EncodedDocument {
    pub fn new(id: &str, text: &str) -> EncodedDocument {
        let mut head = Vec::with_capacity(text.len() + id.len() + 64);
        head.extend_from_slice(b"{\"id\":");
        serde_json::to_writer(&mut head, id).expect("writing to a Vec cannot fail");
        head.extend_from_slice(b",\"text\":");
        serde_json::to_writer(&mut head, text).expect("writing to a Vec cannot fail");
        EncodedDocument {
            head,
            text_len: text.len(),
        }
    }

    /// The full input for one stage call into `out` (cleared first).
    pub fn write_input<'l>(
        &self,
        layers: impl IntoIterator<Item = (&'l str, &'l RawValue)>,
        report: bool,
        out: &mut Vec<u8>,
    ) {
        out.clear();
        out.extend_from_slice(&self.head);
        out.extend_from_slice(b",\"layers\":{");
        for (i, (name, raw)) in layers.into_iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            serde_json::to_writer(&mut *out, name).expect("writing to a Vec cannot fail");
            out.push(b':');
            out.extend_from_slice(raw.get().as_bytes());
        }
        out.push(b'}');
        if report {
            out.extend_from_slice(b",\"report\":true");
        }
        out.push(b'}');
    }

    pub fn text_len(&self) -> usize {
        self.text_len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_input_round_trips() {
        let enc = EncodedDocument::new("a\"1", "He said: \"no\".\nBye — ok");
        let layer = RawValue::from_string(r#"{"x":[1,2]}"#.to_owned()).unwrap();
        let mut buf = Vec::new();
        enc.write_input([("source", &*layer)], true, &mut buf);
        let doc: Document = serde_json::from_slice(&buf).unwrap();
        assert_eq!(doc.id, "a\"1");
        assert_eq!(doc.text, "He said: \"no\".\nBye — ok");
        assert!(doc.report);
        assert!(doc.has_layer("source"));
        let v: serde_json::Value = doc.required_layer("source").unwrap();
        assert_eq!(v["x"][1], 2);
        assert!(doc.required_layer::<serde_json::Value>("quotes").is_err());
    }
}
