//! The `attribution` layer: every reported-speech relation, and one entry per distinct
//! source.

use serde::{Deserialize, Serialize};

use crate::Span;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AttributionLayer {
    /// In text order of their content.
    pub attributions: Vec<Attribution>,
    /// One per distinct source; `SourceMention::entity` indexes this list.
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    pub kind: AttributionKind,
    /// What was said: one span, or several when a quotation is interrupted by its cue.
    pub content: Vec<Span>,
    pub source: Option<SourceMention>,
    pub cue: Option<Cue>,
    /// The relation lies in boilerplate (an appeal, a caption): not part of the article.
    #[serde(default)]
    pub in_boilerplate: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// The content is all inside quotation marks.
    Direct,
    /// Partly quoted.
    Mixed,
    /// Not quoted.
    Indirect,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceMention {
    /// The mention as written, appositive role included
    /// ("Rami Abdulrahman, director of the Observatory").
    pub span: Span,
    pub text: String,
    /// Who it is: for "he" the person meant, for "the Observatory" the full name.
    pub name: Option<String>,
    /// "Colonel", "President".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// "director of the Observatory".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Index into [`AttributionLayer::sources`].
    pub entity: Option<usize>,
    /// The sources a coordinated mention names, each with its own span ("the
    /// Observatory" and "a rebel fighting there" in "the Observatory and a rebel
    /// fighting there"); empty for a single source. `entity` is the first one's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conjuncts: Vec<Conjunct>,
}

/// One source of a coordinated mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conjunct {
    pub span: Span,
    pub text: String,
    /// Index into [`AttributionLayer::sources`].
    pub entity: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    pub span: Span,
    pub text: String,
    /// The cue's base form: "say" for "said", "according to", "colon" for a colon lead-in.
    pub lemma: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub kind: SourceKind,
    /// Every mention of this source, in text order.
    pub mentions: Vec<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The organisation or side the source belongs to ("Jaish al Izza", "rebel").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Person,
    Organization,
    Government,
    /// A collective: "rebels and witnesses", "residents".
    Group,
    /// "a rebel source", "officials who asked not to be named".
    Anonymous,
    /// A report, statement or document.
    Document,
}
