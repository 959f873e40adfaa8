use std::borrow::Cow;

use serde::de::DeserializeOwned;

use crate::StageError;

/// One article as a stage sees it: its id, its text, and the layers of earlier stages that
/// this stage declared it requires or uses. Nothing else is visible.
///
/// Everything is borrowed for one call: from the host's buffers through the ABI's
/// `DocumentRef`, or from a [`Chain`](crate::Chain) in process.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub id: Cow<'a, str>,
    pub text: Cow<'a, str>,
    /// (layer name, the layer as JSON), in the order the chain lends them.
    layers: Vec<(&'a str, &'a str)>,
    /// Whether the host wants a readable report of this stage's output.
    pub report: bool,
}

impl<'a> Document<'a> {
    /// A document with `layers`, each (name, JSON).
    pub fn new(
        id: &'a str,
        text: &'a str,
        layers: impl IntoIterator<Item = (&'a str, &'a str)>,
        report: bool,
    ) -> Document<'a> {
        Document {
            id: Cow::Borrowed(id),
            text: Cow::Borrowed(text),
            layers: layers.into_iter().collect(),
            report,
        }
    }

    /// The named layer, read as `T`; `None` when the document does not carry it (the
    /// stage that provides it is not in the pipeline, or failed on this document).
    pub fn layer<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, StageError> {
        let Some(json) = self.layer_json(name) else {
            return Ok(None);
        };
        serde_json::from_str(json).map(Some).map_err(|e| {
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

    /// The named layer's JSON, unread.
    pub fn layer_json(&self, name: &str) -> Option<&'a str> {
        self.layers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, json)| *json)
    }

    pub fn has_layer(&self, name: &str) -> bool {
        self.layer_json(name).is_some()
    }

    pub fn layer_names(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.layers.iter().map(|(name, _)| *name)
    }

    /// Every layer as (name, JSON): what the host lends across the ABI.
    pub fn layers(&self) -> &[(&'a str, &'a str)] {
        &self.layers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_are_read_by_name_when_asked() {
        let doc = Document::new("a\"1", "He said — ok", [("source", r#"{"x":[1,2]}"#)], true);
        assert!(doc.has_layer("source"));
        assert!(!doc.has_layer("quotes"));
        let v: serde_json::Value = doc.required_layer("source").unwrap();
        assert_eq!(v["x"][1], 2);
        let err = doc
            .required_layer::<serde_json::Value>("quotes")
            .unwrap_err();
        assert!(
            err.message.contains("`quotes` is missing"),
            "{}",
            err.message
        );
        let err = doc.layer::<Vec<u8>>("source").unwrap_err();
        assert!(err.message.contains("expected shape"), "{}", err.message);
    }
}
