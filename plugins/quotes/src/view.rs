//! A view of the attribution layer: the fields this stage reads. The attribution layer
//! is the largest input of this stage (half again the size of the text), and reading all
//! of it into [`AttributionLayer`] (every mention's text, title and role, every cue, the
//! list of sources with all their mentions) cost more than the rest of the stage. The
//! view reads the same JSON and skips the rest:
//! - a mention's text is the document's text at its span;
//! - the `sources` list is not read: a mention's `name` already names its entity (the
//!   attribution stage fills it whenever it resolves a mention), and the entity index is
//!   kept;
//! - an indirect relation keeps its place (quotations refer to relations by index) and
//!   its source (a mention the attribution stage resolved, which names the speaker of a
//!   quotation next to it) but not its content: no quotation belongs to one.
//!
//! The source layer is read the same way, for its boilerplate only. Tests check the views
//! against the real types so that they cannot drift apart.

use std::fmt;

use newsproc_layers::attribution::{AttributionKind, AttributionLayer};
use newsproc_sdk::Span;
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};

/// The relations of an attribution layer.
#[derive(Debug, Default, PartialEq, Deserialize)]
pub(crate) struct Attributions {
    #[serde(default)]
    pub attributions: Vec<Relation>,
}

/// [`newsproc_layers::attribution::Attribution`]: its kind, content (left empty for an
/// indirect relation) and source.
#[derive(Debug, PartialEq)]
pub(crate) struct Relation {
    pub kind: AttributionKind,
    pub content: Vec<Span>,
    pub source: Option<Mention>,
}

impl<'de> Deserialize<'de> for Relation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Relation, D::Error> {
        #[derive(Deserialize)]
        #[serde(field_identifier, rename_all = "lowercase")]
        enum Field {
            Kind,
            Content,
            Source,
            #[serde(other)]
            Other,
        }

        struct RelationVisitor;

        impl<'de> Visitor<'de> for RelationVisitor {
            type Value = Relation;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an attribution relation")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Relation, A::Error> {
                let mut kind = None;
                let mut content = Vec::new();
                let mut source = None;
                while let Some(field) = map.next_key::<Field>()? {
                    let indirect = kind == Some(AttributionKind::Indirect);
                    match field {
                        Field::Kind => kind = Some(map.next_value()?),
                        Field::Content if !indirect => content = map.next_value()?,
                        Field::Source => source = map.next_value()?,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                let kind = kind.ok_or_else(|| de::Error::missing_field("kind"))?;
                if kind == AttributionKind::Indirect {
                    content.clear();
                }
                Ok(Relation {
                    kind,
                    content,
                    source,
                })
            }
        }

        deserializer.deserialize_map(RelationVisitor)
    }
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
                .map(|a| {
                    let quoted = a.kind != AttributionKind::Indirect;
                    Relation {
                        kind: a.kind,
                        content: if quoted {
                            a.content.clone()
                        } else {
                            Vec::new()
                        },
                        source: a.source.as_ref().map(|m| Mention {
                            span: m.span,
                            name: m.name.clone(),
                            entity: m.entity,
                        }),
                    }
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
                        conjuncts: Vec::new(),
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
                Attribution {
                    kind: AttributionKind::Indirect,
                    content: vec![Span::new(40, 50)],
                    source: Some(SourceMention {
                        span: Span::new(31, 33),
                        text: "we".into(),
                        name: None,
                        title: None,
                        role: None,
                        entity: None,
                        conjuncts: Vec::new(),
                    }),
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
        assert_eq!(read.attributions.len(), 3);
        assert!(read.attributions[2].content.is_empty());
        assert!(
            serde_json::from_str::<Attributions>(r#"{"attributions":[{"content":[]}]}"#).is_err()
        );
    }
}
