//! Where and when a claim's sentence places it, and how it relates to the figures before
//! it: what the totals rule needs to tell one event from another.
//!
//! - **Days**: the days of the week the sentence names ("on Tuesday", "Mondays raids"),
//!   and its dates ("on April 25", "25 April").
//! - **Separate**: the sentence reports another event of the news ("elsewhere", "in a
//!   separate attack").
//! - **Update**: the sentence gives a new figure for a toll already given ("rose to").
//! - **Additive** (the claim itself): its count adds to those before ("six more"; not
//!   "another six", which most often breaks a toll down).

use std::ops::Range;

use newsproc_layers::casualties::Outcome;
use newsproc_text::{Token, TokenKind, parse_number};

use crate::extract::{Analysis, NumberRef, RawClaim, Trigger};
use crate::lexicons::{Form, Lexicons, MarkerStatus, class};

/// A date without its year: (month 1-12, day 1-31).
pub type Date = (u8, u8);

/// What a claim's sentence says about the claim's event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Setting {
    pub sentence: usize,
    /// Bit `d` set for each day of the week `d` (0 Monday) the sentence names.
    pub days: u8,
    /// The dates the sentence gives.
    pub dates: Vec<Date>,
    pub separate: bool,
    pub update: bool,
    pub additive: bool,
    /// Counted beside another count of the same outcome word ("12 soldiers and one
    /// civilian"): different people, whose counts add.
    pub coordinated: bool,
    /// The attacker's own death ("and then himself", "committed suicide", "police
    /// killed the gunman").
    pub attacker: bool,
    /// The sentence repeats an earlier one word for word.
    pub repeated: bool,
    /// The claim's people are besides those counted before ("four others were shot").
    pub beside: bool,
    /// "Also" among the words right before the outcome word ("two soldiers were also
    /// killed"): people besides those counted before.
    pub also: bool,
    /// A count of the dead that says it holds the attacker ("five dead, including the
    /// gunman"), or a person listed by role beside a count ("Father, two children found
    /// dead"): the attacker's death, told later ("he then shot himself"), adds nothing.
    pub includes_attacker: bool,
}

impl Analysis<'_> {
    /// The setting of a claim.
    pub fn setting(&self, lex: &Lexicons, claim: &RawClaim) -> Setting {
        let s = claim.sentence;
        let mut out = Setting {
            sentence: s,
            additive: self.additive(claim),
            also: self.also_before(claim),
            coordinated: claim.coordinated,
            beside: claim.victim_info.beside,
            attacker: {
                let suicide = self
                    .trigger_of(claim)
                    .is_some_and(|t| t.form == Form::Suicide);
                // "Police killed the gunman": one person, named as the attacker.
                let named = match &claim.number {
                    NumberRef::Implicit(r, 1) => {
                        claim.outcome == Outcome::Killed
                            && r.clone().any(|i| self.has(i, class::ATTACKER))
                    }
                    _ => false,
                };
                suicide || named
            },
            ..Setting::default()
        };
        let Some(sent) = self.sentence_tokens.get(s).cloned() else {
            return out;
        };
        out.includes_attacker = claim.outcome == Outcome::Killed
            && match claim.number {
                // Between the count and a few words past the outcome word: "five
                // people, including the gunman, were killed", "left five dead,
                // including the gunman".
                NumberRef::Quantity(q) => {
                    let from = self.quants[q].tokens.start.min(claim.trigger.start);
                    let to = (claim.trigger.end + 6).min(sent.end);
                    self.includes_attacker(from.max(sent.start)..to) || self.all_the_dead(claim, q)
                }
                // A person listed by role beside a count of the dead ("Mother, 2
                // children found dead"): in a killing within a family, most often the
                // one who then killed himself.
                NumberRef::Implicit(..) => claim.coordinated && claim.victims.is_some(),
            };
        let lo = self.markers.partition_point(|(r, _)| r.start < sent.start);
        let mut months = Vec::new();
        for (r, m) in &self.markers[lo..] {
            if r.start >= sent.end {
                break;
            }
            match lex.marker_info[*m].status {
                MarkerStatus::Day(d) => out.days |= 1 << d,
                MarkerStatus::Separate => out.separate = true,
                MarkerStatus::Update => out.update = true,
                MarkerStatus::Month(n) => months.push((r.clone(), n)),
                _ => {}
            }
        }
        out.dates = dates(
            self.text,
            &self.tokens[sent],
            &months,
            self.sentence_tokens[s].start,
        );
        out
    }

    /// For each sentence, whether an earlier one has exactly its text.
    pub fn repeated_sentences(&self) -> Vec<bool> {
        // Few sentences have an outcome word, and their lengths mostly differ: comparing
        // lengths first is cheaper than hashing every sentence.
        let sentences = &self.sentences;
        (0..sentences.len())
            .map(|i| {
                let text = sentences[i].of(self.text);
                sentences[..i]
                    .iter()
                    .any(|e| e.len() == text.len() && e.of(self.text) == text)
            })
            .collect()
    }

    /// The outcome word of a claim.
    fn trigger_of(&self, claim: &RawClaim) -> Option<&Trigger> {
        // The triggers are in text order.
        let at = self
            .triggers
            .partition_point(|t| t.tokens.start < claim.trigger.start);
        self.triggers.get(at).filter(|t| t.tokens == claim.trigger)
    }

    /// Whether a count of the dead (quantity `q`) names no one who killed them: "four
    /// dead in murder-suicide", "five people found dead", "left six dead". Told so, a
    /// toll is of all the dead, the attacker who then killed himself among them (unlike
    /// "he killed four people before killing himself", a count of his victims; or "he
    /// shot two neighbours dead", the count the object of a verb of killing).
    fn all_the_dead(&self, claim: &RawClaim, q: usize) -> bool {
        let quantity = &self.quants[q];
        let object = quantity
            .tokens
            .start
            .checked_sub(1)
            .is_some_and(|b| self.takes_number_before[b]);
        quantity.min >= 2.0
            && !object
            && quantity.vague.is_none()
            && quantity.tokens.end <= claim.trigger.start
            && self.trigger_of(claim).is_some_and(|t| t.form == Form::Intr)
    }

    /// Whether `tokens` name the attacker among a count's people: "including" and,
    /// within the next three words, an attacker word ("including the suspected gunman").
    fn includes_attacker(&self, tokens: Range<usize>) -> bool {
        let classes = self.classes.get(tokens).unwrap_or(&[]);
        classes.iter().enumerate().any(|(k, &c)| {
            c & class::SUBGROUP != 0
                && classes[k + 1..(k + 4).min(classes.len())]
                    .iter()
                    .any(|&d| d & class::ATTACKER != 0)
        })
    }

    /// Whether "also" stands among the (at most three) words right before the claim's
    /// outcome word, in its sentence: "were also killed", "also died".
    fn also_before(&self, claim: &RawClaim) -> bool {
        let start = self
            .sentence_tokens
            .get(claim.sentence)
            .map_or(0, |r| r.start);
        let t = claim.trigger.start;
        (t.saturating_sub(3).max(start)..t).any(|i| self.is(i, "also"))
    }

    /// A count that adds to those before it: "six more", "two others". Not "another
    /// six": after a toll, "another six were killed in X" most often goes on breaking the
    /// toll down place by place (the lead gives the total), so it is no more people.
    fn additive(&self, claim: &RawClaim) -> bool {
        let NumberRef::Quantity(q) = claim.number else {
            return false;
        };
        self.has(self.quants[q].tokens.end, class::ADDITIVE)
    }
}

/// The dates among `tokens` (which start at token index `first`): a month (token range
/// and number, from the markers) with a day number right after it ("April 25", "Jan. 5")
/// or right before it ("25 April").
pub fn dates(
    text: &str,
    tokens: &[Token],
    months: &[(Range<usize>, u8)],
    first: usize,
) -> Vec<Date> {
    let day = |i: Option<usize>| {
        let t = tokens.get(i?)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let d = parse_number(t.text(text))?;
        (d.fract() == 0.0 && (1.0..=31.0).contains(&d)).then_some(d as u8)
    };
    let mut out = Vec::new();
    for (r, month) in months {
        let (start, end) = (r.start.saturating_sub(first), r.end.saturating_sub(first));
        // "Jan. 5": past the abbreviation's period.
        let after = if tokens.get(end).is_some_and(|t| t.text(text) == ".") {
            end + 1
        } else {
            end
        };
        if let Some(d) = day(Some(after)).or_else(|| day(start.checked_sub(1))) {
            out.push((*month, d));
        }
    }
    out
}

/// Whether `date` is `article`'s date or up to two days before it (news of the day, or
/// of the day or two before; the year is not known, so December runs on to January).
pub fn recent(date: Date, article: Date) -> bool {
    const BEFORE: [u16; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let day = |(m, d): Date| BEFORE[usize::from(m.clamp(1, 12)) - 1] + u16::from(d);
    (day(article) + 365 - day(date)) % 365 <= 2
}
