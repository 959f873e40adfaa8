//! A view of the attribution layer: the fields this stage reads. The attribution layer
//! is the largest input of this stage (half again the size of the text), and reading all
//! of it into [`AttributionLayer`] (every mention's text, title and role, every cue, the
//! list of sources with all their mentions) cost more than the rest of the stage. The
//! view reads the same JSON and skips the rest:
//! - a mention's text is the document's text at its span;
//! - the `sources` list is not read: a mention's `name` already names its entity (the
//!   attribution stage fills it whenever it resolves a mention), and the entity index is
//!   kept.
//!
//! A test checks the view against the real type so that the two cannot drift apart.

use newsproc_layers::attribution::{AttributionKind, AttributionLayer};
use newsproc_sdk::Span;
use serde::Deserialize;

/// The relations of an attribution layer.
#[derive(Debug, Default, PartialEq, Deserialize)]
pub(crate) struct Attributions {
    #[serde(default)]
    pub attributions: Vec<Relation>,
}

/// [`newsproc_layers::attribution::Attribution`]: its kind, content and source.
#[derive(Debug, PartialEq, Deserialize)]
pub(crate) struct Relation {
    pub kind: AttributionKind,
    #[serde(default)]
    pub content: Vec<Span>,
    #[serde(default)]
    pub source: Option<Mention>,
}

/// [`newsproc_layers::attribution::SourceMention`]: where, who, which entity.
#[derive(Debug, PartialEq, Deserialize)]
pub(crate) struct Mention {
    pub span: Span,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub entity: Option<usize>,
}

impl From<&AttributionLayer> for Attributions {
    fn from(layer: &AttributionLayer) -> Attributions {
        Attributions {
            attributions: layer
                .attributions
                .iter()
                .map(|a| Relation {
                    kind: a.kind,
                    content: a.content.clone(),
                    source: a.source.as_ref().map(|m| Mention {
                        span: m.span,
                        name: m.name.clone(),
                        entity: m.entity,
                    }),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use newsproc_layers::attribution::{Attribution, Cue, Source, SourceKind, SourceMention};

    use super::*;

    /// The view reads what the attribution stage writes: serialize a full layer, read it
    /// back as a view, and compare with the view made from the layer itself.
    #[test]
    fn reads_the_attribution_layer_json() {
        let layer = AttributionLayer {
            attributions: vec![
                Attribution {
                    kind: AttributionKind::Direct,
                    content: vec![Span::new(0, 10), Span::new(20, 30)],
                    source: Some(SourceMention {
                        span: Span::new(11, 13),
                        text: "he \"quoted\"".into(),
                        name: Some("Rami Abdulrahman".into()),
                        title: Some("Dr".into()),
                        role: Some("director".into()),
                        entity: Some(0),
                    }),
                    cue: Some(Cue {
                        span: Span::new(14, 18),
                        text: "said".into(),
                        lemma: "say".into(),
                    }),
                    in_boilerplate: true,
                },
                Attribution {
                    kind: AttributionKind::Mixed,
                    content: vec![],
                    source: None,
                    cue: None,
                    in_boilerplate: false,
                },
            ],
            sources: vec![Source {
                name: "Rami Abdulrahman".into(),
                kind: SourceKind::Person,
                mentions: vec![Span::new(11, 13)],
                title: None,
                role: Some("director".into()),
                affiliation: None,
            }],
        };
        let json = serde_json::to_string(&layer).unwrap();
        let read: Attributions = serde_json::from_str(&json).unwrap();
        assert_eq!(read, Attributions::from(&layer));
        let m = read.attributions[0].source.as_ref().unwrap();
        assert_eq!(m.name.as_deref(), Some("Rami Abdulrahman"));
    }
}
