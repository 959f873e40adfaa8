//! Where and when a claim's sentence places it, and how it relates to the figures before
//! it: what the totals rule needs to tell one event from another.
//!
//! - **Days**: the days of the week the sentence names ("on Tuesday", "Mondays raids").
//! - **Separate**: the sentence reports another event of the news ("elsewhere",
//!   "meanwhile", "in a separate attack").
//! - **Update**: the sentence gives a new figure for a toll already given ("rose to").
//! - **Additive** (the claim itself): its count adds to those before ("another six",
//!   "six more").

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
}

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
}
