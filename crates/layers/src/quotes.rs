//! The `quotes` layer: every quotation in the text, its speaker, and what is not speech.

use serde::{Deserialize, Serialize};

use crate::Span;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuotesLayer {
    /// In text order.
    pub quotes: Vec<Quote>,
    /// The speech quotations of each speaker, for the report.
    #[serde(default)]
    pub by_speaker: Vec<SpeakerQuotes>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quotation with its marks.
    pub span: Span,
    /// Inside the marks.
    pub inner: Span,
    /// The quoted words: inside the marks; for a quotation over several paragraphs, its
    /// paragraphs joined by line breaks, without the marks that open the later ones.
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// The quotation runs over several paragraphs (a mark opens each, one closes the last).
    #[serde(default)]
    pub multi_paragraph: bool,
    /// No closing mark was found; the quotation ends at its paragraph's end.
    #[serde(default)]
    pub unclosed: bool,
    /// At least half of the quotation lies in boilerplate (an appeal, a caption).
    #[serde(default)]
    pub in_boilerplate: bool,
    /// The quotation this one is nested in (index into [`QuotesLayer::quotes`]): the
    /// enclosing speaker quoting someone, or a term inside a quotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nested_in: Option<usize>,
    /// The attribution relation this quotation belongs to (index into the attribution
    /// layer's `attributions`). The pieces of a quotation interrupted by its cue
    /// (`"A," he said, "B."`) share one relation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Speech,
    /// A word or short phrase held at a distance: "undesirable", "foreign agent".
    Scare,
    /// A title or a name: a book, a film, an operation, a nickname.
    Title,
    Other,
}

/// Who said a quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The mention of the speaker: the source mention of the attribution relation the
    /// quotation belongs to, or the mention found next to it.
    pub span: Option<Span>,
    /// Who it is: for "he" the person meant.
    pub name: String,
    /// Index into the attribution layer's `sources`.
    pub entity: Option<usize>,
    /// How the speaker was found.
    #[serde(default)]
    pub via: SpeakerVia,
}

/// How a quotation's speaker was found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerVia {
    /// The source of the attribution relation whose content covers the quotation.
    #[default]
    Relation,
    /// A mention next to a quotation no relation covers: `," she said`, `said Jane Doe:
    /// "`, a dash and a name on the line after.
    Mention,
    /// The speaker of the speech quotation before it in the same paragraph (`"A," she
    /// said. "B."`).
    Previous,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerQuotes {
    pub name: String,
    pub entity: Option<usize>,
    /// The spans of the speaker's speech quotations, in text order (each the `span` of
    /// one of [`QuotesLayer::quotes`]). Spans rather than indices: in a layer every array
    /// of two integers is a span.
    pub quotes: Vec<Span>,
}
