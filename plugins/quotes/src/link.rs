//! Linking quotations to the attribution layer's relations: the speaker of a quotation is
//! the source of the relation whose content covers it. A quotation no relation covers
//! gets its speaker from the text next to it (the module `speaker`).

use newsproc_layers::attribution::AttributionKind;
use newsproc_layers::quotes::{Speaker, SpeakerVia};
use newsproc_sdk::Span;

use crate::view::{Attributions, Relation};

/// The relation a quotation belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Link {
    /// Index into the attribution layer's `attributions`.
    pub relation: usize,
    /// Bytes of the quotation inside the relation's content.
    pub shared: usize,
    /// The quotation holds at least half of the relation's content: it is (one piece of)
    /// what the relation reports, not a fragment quoted inside a paraphrase.
    pub is_main_content: bool,
}

/// Content pieces of the quoted relations, sorted by start, for interval look-ups.
pub(crate) struct Relations<'a> {
    layer: &'a Attributions,
    text: &'a str,
    /// (piece, relation index), sorted by piece start.
    pieces: Vec<(Span, usize)>,
    /// The longest piece: how far back a piece covering an offset can start.
    longest: usize,
    /// Total content length of each relation.
    content_len: Vec<usize>,
}

impl<'a> Relations<'a> {
    /// The relations of `layer`, an attribution layer of `text`.
    pub fn new(text: &'a str, layer: &'a Attributions) -> Relations<'a> {
        let mut pieces = Vec::new();
        let mut content_len = Vec::with_capacity(layer.attributions.len());
        for (i, rel) in layer.attributions.iter().enumerate() {
            let mut len = 0usize;
            for &piece in &rel.content {
                // Spans come from another stage: tolerate inverted ones.
                let piece = Span {
                    start: piece.start.min(piece.end),
                    end: piece.end.max(piece.start),
                };
                len = len.saturating_add(piece.len());
                if quotes_speech(rel) && !piece.is_empty() {
                    pieces.push((piece, i));
                }
            }
            content_len.push(len);
        }
        pieces.sort_unstable_by_key(|&(p, i)| (p.start, p.end, i));
        let longest = pieces.iter().map(|(p, _)| p.len()).max().unwrap_or(0);
        Relations {
            layer,
            text,
            pieces,
            longest,
            content_len,
        }
    }

    /// The relation whose content covers most of `quote` (marks included), if it covers
    /// at least half of the quotation, or if at least half of the relation's content lies
    /// inside the quotation. Ties go to the relation with less content (the more specific
    /// one), then to the earlier one.
    pub fn link(&self, quote: Span) -> Option<Link> {
        if quote.is_empty() {
            return None;
        }
        let hi = self.pieces.partition_point(|(p, _)| p.start < quote.end);
        let lo_start = quote.start.saturating_sub(self.longest);
        let lo = self.pieces.partition_point(|(p, _)| p.start < lo_start);
        // Few relations overlap one quotation: accumulate per relation in a small list.
        let mut shared: Vec<(usize, usize)> = Vec::new();
        for &(piece, rel) in &self.pieces[lo..hi] {
            let n = piece.overlap(quote);
            if n == 0 {
                continue;
            }
            match shared.iter_mut().find(|(r, _)| *r == rel) {
                Some((_, total)) => *total += n,
                None => shared.push((rel, n)),
            }
        }
        shared
            .into_iter()
            .filter(|&(rel, n)| {
                let content = self.content_len[rel].max(1);
                2 * n >= quote.len() || 2 * n >= content
            })
            .max_by(|&(ra, na), &(rb, nb)| {
                na.cmp(&nb)
                    .then(self.content_len[rb].cmp(&self.content_len[ra]))
                    .then(rb.cmp(&ra))
            })
            .map(|(relation, shared)| Link {
                relation,
                shared,
                is_main_content: 2 * shared >= self.content_len[relation],
            })
    }

    pub fn relation(&self, link: Link) -> &'a Relation {
        &self.layer.attributions[link.relation]
    }

    /// The speaker a relation names: its source mention, named by the mention's resolved
    /// name, else as written.
    pub fn speaker(&self, link: Link) -> Option<Speaker> {
        let mention = self.relation(link).source.as_ref()?;
        let name = mention
            .name
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| newsproc_text::util::slice(self.text, mention.span).trim())
            .to_owned();
        Some(Speaker {
            span: Some(mention.span),
            name,
            entity: mention.entity,
            via: SpeakerVia::Relation,
        })
    }
}

/// Relations that quote: direct and mixed. An indirect relation's content has no
/// quotation marks, so a quotation cannot lie in it (except by a stage's slip).
fn quotes_speech(rel: &Relation) -> bool {
    matches!(rel.kind, AttributionKind::Direct | AttributionKind::Mixed)
}

#[cfg(test)]
mod tests {
    use newsproc_layers::attribution::{
        Attribution, AttributionLayer, Source, SourceKind, SourceMention,
    };

    use super::*;

    fn relation(
        kind: AttributionKind,
        content: &[(usize, usize)],
        source: Option<SourceMention>,
    ) -> Attribution {
        Attribution {
            kind,
            content: content.iter().map(|&(s, e)| Span::new(s, e)).collect(),
            source,
            cue: None,
            in_boilerplate: false,
        }
    }

    fn mention(
        span: (usize, usize),
        text: &str,
        name: Option<&str>,
        entity: Option<usize>,
    ) -> SourceMention {
        SourceMention {
            span: Span::new(span.0, span.1),
            text: text.to_owned(),
            name: name.map(str::to_owned),
            title: None,
            role: None,
            entity,
            conjuncts: Vec::new(),
        }
    }

    /// 300 bytes of dots with "he" at 0 and at 11 and "Smith" at 90: the mentions the
    /// tests refer to.
    fn text() -> String {
        let mut t = ".".repeat(300);
        for (at, word) in [(0, "he"), (11, "he"), (90, "Smith")] {
            t.replace_range(at..at + word.len(), word);
        }
        t
    }

    fn source(name: &str) -> Source {
        Source {
            name: name.to_owned(),
            kind: SourceKind::Person,
            mentions: vec![],
            title: None,
            role: None,
            affiliation: None,
        }
    }

    #[test]
    fn links_the_covering_relation() {
        // "A," he said, "B." with content [A, B] and an unrelated indirect relation.
        let layer = AttributionLayer {
            attributions: vec![
                relation(
                    AttributionKind::Direct,
                    &[(0, 10), (22, 40)],
                    Some(mention((11, 13), "he", Some("Rami Abdulrahman"), Some(0))),
                ),
                relation(AttributionKind::Indirect, &[(0, 40)], None),
            ],
            sources: vec![source("Rami Abdulrahman")],
        };
        let view = Attributions::from(&layer);
        let text = text();
        let rels = Relations::new(&text, &view);
        let a = rels.link(Span::new(0, 10)).unwrap();
        let b = rels.link(Span::new(22, 40)).unwrap();
        assert_eq!((a.relation, b.relation), (0, 0));
        // The larger piece is the main content; the other is not, alone.
        assert!(b.is_main_content);
        assert!(!a.is_main_content);
        let speaker = rels.speaker(a).unwrap();
        assert_eq!(speaker.name, "Rami Abdulrahman");
        assert_eq!(speaker.entity, Some(0));
        assert_eq!(speaker.span, Some(Span::new(11, 13)));
        // Nothing there.
        assert!(rels.link(Span::new(41, 50)).is_none());
        assert!(rels.link(Span::new(5, 5)).is_none());
    }

    #[test]
    fn partly_covered_quotations() {
        // A mixed relation whose content holds a short quotation among paraphrase, and a
        // relation whose content is one sentence of a longer quotation.
        let layer = AttributionLayer {
            attributions: vec![
                relation(
                    AttributionKind::Mixed,
                    &[(100, 160)],
                    Some(mention((90, 95), "Smith", None, None)),
                ),
                relation(AttributionKind::Direct, &[(201, 230)], None),
            ],
            sources: vec![],
        };
        let view = Attributions::from(&layer);
        let text = text();
        let rels = Relations::new(&text, &view);
        let l = rels.link(Span::new(140, 155)).unwrap();
        assert_eq!(l.relation, 0);
        assert!(!l.is_main_content);
        // Name falls back to the mention as written.
        assert_eq!(rels.speaker(l).unwrap().name, "Smith");
        // Covers a third of the quotation but all of the relation.
        let l = rels.link(Span::new(200, 290)).unwrap();
        assert_eq!(l.relation, 1);
        assert!(l.is_main_content);
        // No source: no speaker.
        assert!(rels.speaker(l).is_none());
        // Slight overlap with either: no link.
        assert!(rels.link(Span::new(155, 205)).is_none());
    }

    #[test]
    fn prefers_the_most_specific_relation() {
        let layer = AttributionLayer {
            attributions: vec![
                relation(
                    AttributionKind::Mixed,
                    &[(0, 100)],
                    Some(mention((0, 1), "a", Some("Outer"), None)),
                ),
                relation(
                    AttributionKind::Direct,
                    &[(10, 30)],
                    Some(mention((0, 1), "b", Some("Inner"), None)),
                ),
            ],
            sources: vec![],
        };
        let view = Attributions::from(&layer);
        let text = text();
        let rels = Relations::new(&text, &view);
        let l = rels.link(Span::new(10, 30)).unwrap();
        assert_eq!(rels.speaker(l).unwrap().name, "Inner");
    }

    #[test]
    fn tolerates_odd_layers() {
        // An unnamed mention and an inverted span must not panic.
        let layer = AttributionLayer {
            attributions: vec![relation(
                AttributionKind::Direct,
                &[(0, 10)],
                Some(mention((0, 2), "he", None, Some(7))),
            )],
            sources: vec![],
        };
        let mut layer = layer;
        layer.attributions[0]
            .content
            .push(Span { start: 30, end: 20 });
        let view = Attributions::from(&layer);
        let text = text();
        let rels = Relations::new(&text, &view);
        let l = rels.link(Span::new(0, 10)).unwrap();
        let s = rels.speaker(l).unwrap();
        assert_eq!((s.name.as_str(), s.entity), ("he", Some(7)));
    }
}
