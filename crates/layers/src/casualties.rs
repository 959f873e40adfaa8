//! The `casualties` layer: casualty claims, and article totals that neither invent nor
//! double count.

use serde::{Deserialize, Serialize};

use crate::Span;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CasualtyLayer {
    /// In text order.
    pub claims: Vec<Claim>,
    /// The events the counted claims report, in order of first mention; the totals are
    /// their sum.
    #[serde(default)]
    pub events: Vec<Event>,
    pub totals: Totals,
}

/// One event of the article's news (an attack, a day's strikes on one place) and its
/// figures, read by the totals rule from the claims that report it (those whose `event`
/// is its index).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// How many claims report it (each claim names its event).
    pub mentions: usize,
    /// The claim that first reports it (index into `claims`).
    pub first: usize,
    /// The event's own figures (the same fields as the article's totals).
    pub figures: Totals,
}

/// The article's event totals. `None` where the article reports no number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub killed: Option<u64>,
    pub injured: Option<u64>,
    pub killed_civilians: Option<u64>,
    pub killed_noncivilians: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub span: Span,
    pub outcome: Outcome,
    pub number: Count,
    pub victims: Option<Victims>,
    /// What killed or hurt them, where stated: "air strikes", "a car bomb".
    pub cause: Option<Phrase>,
    /// Who claims it, from the attribution layer.
    pub claimant: Option<Claimant>,
    pub status: ClaimStatus,
    /// Whether the claim went into the totals.
    pub counted: bool,
    /// The event it reports (index into `events`), when it is about the article's news.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<usize>,
    /// The claim these victims are part of ("including four children" after "13
    /// people"): an index into `claims`. A part is never added to its whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<usize>,
    #[serde(default)]
    pub in_boilerplate: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Killed,
    Injured,
    Missing,
    Captured,
    Displaced,
    /// Shot or hit, fate not stated ("four people were shot"): counted as injured, less
    /// those the article reports dead.
    Shot,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Count {
    pub span: Span,
    pub text: String,
    pub min: u64,
    /// Equal to `min` when exact; `None` when open-ended ("more than seven").
    pub max: Option<u64>,
    /// "dozens", "hundreds", "thousands", ...
    pub vague: Option<String>,
    /// "at least", "more than", "nearly", "about", "up to", "between".
    pub qualifier: Option<String>,
    /// No number is written: one person named by a pronoun or a singular definite noun
    /// ("he died", "the victim died"), who may be one already counted; or the number
    /// counts some of people named before ("one of them died", "two of the victims").
    /// Such a count only sets a floor under a written figure.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub implicit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Victims {
    pub span: Span,
    pub text: String,
    pub group: VictimGroup,
    /// For combatants: government, opposition, jihadist, foreign.
    pub side: Option<Side>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VictimGroup {
    Civilians,
    Children,
    Women,
    Combatants,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Government,
    Opposition,
    Jihadist,
    Foreign,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phrase {
    pub span: Span,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claimant {
    /// Index into the attribution layer's `attributions`.
    pub attribution: Option<usize>,
    pub name: Option<String>,
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    Reported,
    Confirmed,
    Denied,
    /// "could kill", "threatened to".
    Hypothetical,
    /// A running toll: "since the war began", "in the past year".
    Cumulative,
    /// An earlier event given as context: "a day after air strikes killed 24", "on
    /// Monday" in an article about Tuesday's attack.
    Background,
}
