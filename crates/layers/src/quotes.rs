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
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// The quotation runs over several paragraphs (a mark opens each, one closes the last).
    #[serde(default)]
    pub multi_paragraph: bool,
    /// No closing mark was found; the quotation ends at its paragraph's end.
    #[serde(default)]
    pub unclosed: bool,
    #[serde(default)]
    pub in_boilerplate: bool,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The mention in the attribution that this quotation belongs to.
    pub span: Option<Span>,
    pub name: String,
    /// Index into the attribution layer's `sources`.
    pub entity: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerQuotes {
    pub name: String,
    pub entity: Option<usize>,
    /// Indices into [`QuotesLayer::quotes`].
    pub quotes: Vec<usize>,
}
