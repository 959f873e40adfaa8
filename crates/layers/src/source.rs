//! The `source` layer: where an article comes from and which of its text is the article.

use serde::{Deserialize, Serialize};

use crate::Span;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceLayer {
    /// The publisher of record, by its canonical name; `None` when the text does not say.
    /// An outlet that republishes wire copy is not the agency.
    pub outlet: Option<String>,
    /// Why the outlet was named: the places where the text names it as its publisher.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outlet_evidence: Vec<OutletEvidence>,
    /// Agencies that supplied the copy, canonical names, in order of first evidence.
    pub wire_agencies: Vec<String>,
    /// The evidence for each agency.
    #[serde(default)]
    pub agency_evidence: Vec<AgencyEvidence>,
    pub dateline: Option<Dateline>,
    #[serde(default)]
    pub credits: Vec<Credit>,
    /// Text that is not the article, in text order, not overlapping: the outlet's matter
    /// around it (appeals, sign-ups, links, copyright, advertising, notes, headers) and
    /// agencies' source lines. Credit lines that name people are in `credits`, and
    /// captions in `captions`: they belong to this article, not to the page around it.
    pub boilerplate: Vec<Boilerplate>,
    /// Photo captions and photo credits, in text order: text about the article's
    /// pictures, written for this article, neither its running text nor boilerplate.
    #[serde(default)]
    pub captions: Vec<Span>,
    /// The article text: the paragraphs outside boilerplate, captions and credit lines,
    /// in text order.
    #[serde(default)]
    pub body: Vec<Span>,
}

impl SourceLayer {
    /// Whether a span lies (at least half) in boilerplate.
    pub fn in_boilerplate(&self, span: Span) -> bool {
        half_inside(span, spans_of(&self.boilerplate))
    }

    /// Whether a span lies (at least half) outside the article's running text: in
    /// boilerplate, a caption or a credit line.
    pub fn outside_body(&self, span: Span) -> bool {
        half_inside(span, self.outside_spans())
    }

    /// [`Self::outside_body`] for many spans of one document: see [`OutsideIndex`].
    pub fn outside_index(&self) -> OutsideIndex {
        OutsideIndex::new(self.outside_spans())
    }

    fn outside_spans(&self) -> impl Iterator<Item = Span> + '_ {
        outside_spans(&self.boilerplate, &self.captions, &self.credits)
    }
}

/// Something of the layer that has a span: a boilerplate span, a credit line, or
/// [`OutsideBody`]'s view of either.
trait Spanned {
    fn span(&self) -> Span;
}

impl Spanned for Boilerplate {
    fn span(&self) -> Span {
        self.span
    }
}

impl Spanned for Credit {
    fn span(&self) -> Span {
        self.span
    }
}

fn spans_of<T: Spanned>(items: &[T]) -> impl Iterator<Item = Span> + '_ {
    items.iter().map(Spanned::span)
}

/// The spans outside an article's running text: its boilerplate, captions and credit
/// lines. The one definition for [`SourceLayer`] and [`OutsideBody`], which hold the
/// same three lists, whole or as spans only.
fn outside_spans<'a, B: Spanned, C: Spanned>(
    boilerplate: &'a [B],
    captions: &'a [Span],
    credits: &'a [C],
) -> impl Iterator<Item = Span> + 'a {
    spans_of(boilerplate)
        .chain(captions.iter().copied())
        .chain(spans_of(credits))
}

/// What a later stage reads of a `source` layer to tell the article from the rest:
/// the spans of its boilerplate, captions and credit lines, and of its dateline,
/// without the rest of the layer (deserializing the whole layer per document would
/// cost more than the check).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct OutsideBody {
    #[serde(default)]
    dateline: Option<SpanOf>,
    #[serde(default)]
    boilerplate: Vec<SpanOf>,
    #[serde(default)]
    captions: Vec<Span>,
    #[serde(default)]
    credits: Vec<SpanOf>,
}

/// Any object with a `span`, its other fields skipped.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
struct SpanOf {
    span: Span,
}

impl Spanned for SpanOf {
    fn span(&self) -> Span {
        self.span
    }
}

impl From<&SourceLayer> for OutsideBody {
    fn from(layer: &SourceLayer) -> OutsideBody {
        OutsideBody {
            dateline: layer.dateline.as_ref().map(|d| SpanOf { span: d.span }),
            boilerplate: layer
                .boilerplate
                .iter()
                .map(|b| SpanOf { span: b.span })
                .collect(),
            captions: layer.captions.clone(),
            credits: layer
                .credits
                .iter()
                .map(|c| SpanOf { span: c.span })
                .collect(),
        }
    }
}

impl OutsideBody {
    /// The dateline's span (`AMMAN (Reuters) -`), when the text has one.
    pub fn dateline(&self) -> Option<Span> {
        self.dateline.map(|d| d.span)
    }

    /// As [`SourceLayer::in_boilerplate`].
    pub fn in_boilerplate(&self, span: Span) -> bool {
        half_inside(span, spans_of(&self.boilerplate))
    }

    /// As [`SourceLayer::outside_body`].
    pub fn contains(&self, span: Span) -> bool {
        half_inside(span, self.spans())
    }

    /// [`Self::contains`] for many spans of one document: see [`OutsideIndex`].
    pub fn index(&self) -> OutsideIndex {
        OutsideIndex::new(self.spans())
    }

    fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        outside_spans(&self.boilerplate, &self.captions, &self.credits)
    }
}

/// The spans outside an article's running text, ordered for questions about many spans
/// of one document: each answer is a binary search and the few spans near the one
/// asked about, where [`SourceLayer::outside_body`] reads them all, which makes a stage
/// that asks about each of its findings quadratic in a long document.
#[derive(Debug, Clone, Default)]
pub struct OutsideIndex {
    /// By start.
    spans: Vec<Span>,
    /// `reach[i]`: the furthest end among `spans[..=i]`, which never decreases, so that
    /// the first span that can reach a given offset is found by binary search even when
    /// spans overlap.
    reach: Vec<usize>,
}

impl OutsideIndex {
    fn new(spans: impl Iterator<Item = Span>) -> OutsideIndex {
        let mut spans: Vec<Span> = spans.collect();
        spans.sort_unstable_by_key(|s| (s.start, s.end));
        let mut furthest = 0;
        let reach = spans
            .iter()
            .map(|s| {
                furthest = furthest.max(s.end);
                furthest
            })
            .collect();
        OutsideIndex { spans, reach }
    }

    /// As [`SourceLayer::outside_body`].
    pub fn contains(&self, span: Span) -> bool {
        let from = self.reach.partition_point(|&end| end <= span.start);
        let to = self.spans.partition_point(|s| s.start < span.end);
        let near = self.spans.get(from..to).unwrap_or_default();
        half_inside(span, near.iter().copied())
    }
}

/// Whether at least half of `span` lies in `spans`, bytes held by several of them
/// counted once (a source line is both a credit and boilerplate).
fn half_inside(span: Span, spans: impl Iterator<Item = Span>) -> bool {
    let mut parts: Vec<(usize, usize)> = spans
        .filter(|s| s.overlaps(span))
        .map(|s| (s.start.max(span.start), s.end.min(span.end)))
        .collect();
    parts.sort_unstable();
    let (mut inside, mut reached) = (0, span.start);
    for (start, end) in parts {
        let start = start.max(reached);
        if end > start {
            inside += end - start;
            reached = end;
        }
    }
    inside * 2 >= span.len().max(1)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletEvidence {
    /// The outlet's name where the text gives it.
    pub span: Span,
    pub how: OutletEvidenceKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutletEvidenceKind {
    /// The outlet's own matter around the article: its copyright line, newsletter,
    /// donation appeal, disclaimer, masthead.
    Chrome,
    /// The dateline names it: `Washington (CNN) –`, `AMMAN (Reuters) -`. For an agency,
    /// evidence only that it published its own copy, when nothing else names a publisher.
    Dateline,
    /// The outlet speaks of itself or its staff: `The Daily Meridian has learned`,
    /// `CBS News correspondent ...`, `Photographer: ... /Bloomberg`.
    SelfReference,
    /// The outlet is said to have done the reporting: `told Al Jazeera`. Others cite
    /// an outlet the same way, so this counts only when repeated.
    Reporting,
    /// The text is a signed column, named by its author: the author's note, and what
    /// marks the column as signed in or after it (`The views expressed are her own`,
    /// `© 2024 King Features Syndicate`). A syndicated column runs in many outlets.
    SignedColumn,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgencyEvidence {
    pub agency: String,
    pub span: Span,
    pub how: AgencyEvidenceKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyEvidenceKind {
    /// `AMMAN (Reuters) -`
    Dateline,
    /// `- REUTERS`, `--AFP` at the end.
    Trailer,
    /// `Source: AFP`, `(With AFP and Reuters)`: the outlet names the agencies it drew on.
    Source,
    /// `Reporting by ...`, `The Associated Press contributed to this report`.
    Credit,
    /// A copyright line naming the agency.
    Copyright,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    /// The whole dateline, from the place to the dash or the agency's closing bracket.
    pub span: Span,
    /// The place as written: `AMMAN`, `WASHINGTON/PHNOM PENH`; `None` for an agency
    /// line without a place (`(Reuters) -`).
    pub place: Option<String>,
    /// `Calif.` in `HAYWARD, Calif.`.
    pub region: Option<String>,
    /// `Dec. 5` in `WASHINGTON, Dec. 5 (UPI) —`, as written.
    pub date: Option<String>,
    /// Canonical agency name when the dateline names one.
    pub agency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Credit {
    pub span: Span,
    pub role: CreditRole,
    /// The people named, as written.
    #[serde(default)]
    pub names: Vec<String>,
    /// A contributing agency, canonical name.
    pub agency: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CreditRole {
    Byline,
    Reporting,
    AdditionalReporting,
    Writing,
    Editing,
    Contributed,
    Photo,
    /// A line that tells readers how to reach the journalist: `Write to Jane Roe at
    /// jane.roe@example.com`, `Jane Roe can be reached at ...`.
    Contact,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Boilerplate {
    pub span: Span,
    pub kind: BoilerplateKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// A donation or subscription appeal.
    Appeal,
    Copyright,
    Newsletter,
    Caption,
    Correction,
    /// Share buttons, "Read more", related links.
    Links,
    /// Site chrome before the article: navigation, bylines with timestamps.
    Header,
    /// Credit lines, agency sign-offs and author notes after the article.
    Trailer,
    /// Advertising slots and their markers (`Advertisement`, `Story continues below`).
    Advertisement,
    /// Editor's notes and disclaimers about the piece rather than its subject (`This is a
    /// rush transcript`, `The views expressed are the author's own`).
    Note,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_body_counts_overlapping_matter_once() {
        let layer = SourceLayer {
            boilerplate: vec![Boilerplate {
                span: Span::new(10, 20),
                kind: BoilerplateKind::Trailer,
            }],
            credits: vec![Credit {
                span: Span::new(10, 20),
                role: CreditRole::Contributed,
                names: Vec::new(),
                agency: Some("AFP".into()),
            }],
            captions: vec![Span::new(30, 40)],
            ..SourceLayer::default()
        };
        // 10 of 24 bytes: not half, however many lists hold them.
        assert!(!layer.outside_body(Span::new(0, 24)));
        assert!(layer.outside_body(Span::new(5, 20)));
        assert!(layer.outside_body(Span::new(32, 38)));
        assert!(!layer.outside_body(Span::new(0, 5)));

        // The view later stages read answers the same from the layer's JSON.
        let view: OutsideBody =
            serde_json::from_str(&serde_json::to_string(&layer).unwrap()).unwrap();
        for span in [(0, 24), (5, 20), (32, 38), (0, 5), (12, 14)] {
            let span = Span::new(span.0, span.1);
            assert_eq!(view.contains(span), layer.outside_body(span), "{span:?}");
            assert_eq!(
                OutsideBody::from(&layer).contains(span),
                view.contains(span)
            );
            assert_eq!(
                view.in_boilerplate(span),
                layer.in_boilerplate(span),
                "{span:?}"
            );
        }
    }

    /// The index answers as the layer does, on generated layers whose spans overlap,
    /// nest and touch, and on spans asked about anywhere.
    #[test]
    fn the_index_answers_as_the_layer() {
        let mut rng = newsproc_sdk::arbitrary::Rng::new(7);
        let span = |rng: &mut newsproc_sdk::arbitrary::Rng, max_len: usize| {
            let start = rng.below(200);
            Span::new(start, start + rng.below(max_len))
        };
        for _ in 0..300 {
            let layer = SourceLayer {
                boilerplate: (0..rng.below(6))
                    .map(|_| Boilerplate {
                        span: span(&mut rng, 40),
                        kind: BoilerplateKind::Trailer,
                    })
                    .collect(),
                captions: (0..rng.below(4)).map(|_| span(&mut rng, 60)).collect(),
                credits: (0..rng.below(4))
                    .map(|_| Credit {
                        span: span(&mut rng, 30),
                        role: CreditRole::Contributed,
                        names: Vec::new(),
                        agency: None,
                    })
                    .collect(),
                ..SourceLayer::default()
            };
            let index = layer.outside_index();
            let view = OutsideBody::from(&layer).index();
            for _ in 0..40 {
                let asked = span(&mut rng, 50);
                assert_eq!(
                    index.contains(asked),
                    layer.outside_body(asked),
                    "{asked:?}"
                );
                assert_eq!(view.contains(asked), layer.outside_body(asked), "{asked:?}");
            }
        }
    }
}
