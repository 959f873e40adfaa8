//! Where and when a claim's sentence places it, and how it relates to the figures before
//! it: what the totals rule needs to tell one event from another.
//!
//! - **Days**: the days of the week the sentence names ("on Tuesday", "Mondays raids").
//! - **Separate**: the sentence reports another event of the news ("elsewhere",
//!   "meanwhile", "in a separate attack").
//! - **Update**: the sentence gives a new figure for a toll already given ("rose to").
//! - **Places**: the names after a place preposition ("in Douma", "in the town of
//!   Ariha", "in Syria's Idlib province": Idlib), names too broad to tell events apart
//!   ("Syria") left out.
//! - **Additive** (the claim itself): its count adds to those before ("another six",
//!   "six more").

use std::ops::Range;

use newsproc_sdk::Span;
use newsproc_text::TokenKind;

use crate::extract::{Analysis, NumberRef, RawClaim};
use crate::lexicons::{Lexicons, MarkerStatus, class};

/// What a claim's sentence says about the claim's event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Setting {
    pub sentence: usize,
    /// Bit `d` set for each day of the week `d` (0 Monday) the sentence names.
    pub days: u8,
    pub separate: bool,
    pub update: bool,
    pub additive: bool,
    /// Counted beside another count of the same outcome word ("12 soldiers and one
    /// civilian"): different people, whose counts add.
    pub coordinated: bool,
    /// Coordinated, or "others": never an overall toll.
    pub beside: bool,
    /// Place names (their first word, lowercase) and where the first one is.
    pub places: Vec<String>,
    pub place_span: Option<Span>,
}

/// How many words after its preposition a place name may start ("in the northern town
/// of Ariha").
const PLACE_REACH: usize = 5;

impl Analysis<'_> {
    /// The setting of a claim.
    pub fn setting(&self, lex: &Lexicons, claim: &RawClaim) -> Setting {
        let s = claim.sentence;
        let mut out = Setting {
            sentence: s,
            additive: self.additive(claim),
            coordinated: claim.coordinated,
            beside: claim.coordinated || claim.victim_info.beside,
            ..Setting::default()
        };
        let Some(sent) = self.sentence_tokens.get(s).cloned() else {
            return out;
        };
        let lo = self.markers.partition_point(|(r, _)| r.start < sent.start);
        for (r, m) in &self.markers[lo..] {
            if r.start >= sent.end {
                break;
            }
            match lex.marker_info[*m].status {
                MarkerStatus::Day(d) => out.days |= 1 << d,
                MarkerStatus::Separate => out.separate = true,
                MarkerStatus::Update => out.update = true,
                _ => {}
            }
        }
        self.places(sent, &mut out);
        out
    }

    /// A count that adds to those before it: "another six", "six more".
    fn additive(&self, claim: &RawClaim) -> bool {
        let NumberRef::Quantity(q) = claim.number else {
            return false;
        };
        let q = &self.quants[q];
        let before = q.tokens.start.checked_sub(1);
        before.is_some_and(|i| self.has(i, class::ADDITIVE))
            || self.has(q.tokens.end, class::ADDITIVE)
    }

    fn places(&self, sent: Range<usize>, out: &mut Setting) {
        let mut i = sent.start;
        while i < sent.end {
            if !self.has(i, class::PLACE) {
                i += 1;
                continue;
            }
            let mut k = i + 1;
            let limit = (k + PLACE_REACH).min(sent.end);
            // Past "the", adjectives and place nouns: "the northern town of".
            while k < limit
                && !self.tokens[k].is_capitalised()
                && self.tokens[k].kind == TokenKind::Word
                && (self.has(k, class::REGION | class::DEFINITE)
                    || self.is(k, "of")
                    || self.classes[k] == 0)
            {
                k += 1;
            }
            // "Syria's Idlib province": past a broad name to the one after it.
            while k + 1 < sent.end
                && self.has(k, class::BROAD)
                && self.tokens[k + 1].is_capitalised()
            {
                k += 1;
            }
            let tok = self.tokens.get(k);
            if k < sent.end
                && tok.is_some_and(|t| t.is_capitalised() && t.kind == TokenKind::Word)
                && !self.has(k, class::BROAD)
                && !self.has(k, class::TIME)
            {
                let word = self.word(k);
                let word = word.split(['\'', '\u{2019}']).next().unwrap_or(word);
                out.places.push(word.to_lowercase());
                if out.place_span.is_none() {
                    out.place_span = Some(self.tokens[k].span);
                }
            }
            i = k.max(i + 1);
        }
    }
}
