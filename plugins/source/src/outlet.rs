//! The publisher of record.
//!
//! A text rarely says who published it; when it does, it is in the outlet's own matter
//! around the article or in the outlet speaking of itself. Each place where the text
//! names an agency or outlet that way is evidence, with a weight:
//!
//! | evidence | outlet | agency |
//! |---|---|---|
//! | named in chrome: its appeal, newsletter, copyright line, note, masthead, share links | 5 | 3 |
//! | the dateline's source (`Washington (CNN) –`, `AMMAN (Reuters) -`) | 5 | 3 |
//! | its staff in a credit line (`CNN's Priya Raman contributed to this report`) | 4 | 0 |
//! | its photographer in a caption (`Qilai Shen/Bloomberg`) | 3 | 0 |
//! | a strong self-reference (`X has learned`, `X could not independently verify`) | 4 | 2 |
//! | an author's note naming it (`... is the editor of X`) | 2 | 0 |
//! | a weak one (`told X`, `in an interview with X`) | 1.5 | 0 |
//!
//! The outlet with the most weight is named if it has at least [`THRESHOLD`]: one piece of
//! strong evidence, or two weak ones. An agency is the publisher of its own wire copy
//! (a dateline of its own and nothing naming another publisher), but what it reported is
//! republished everywhere, so `told Reuters` says nothing about who published the text.
//! Syndicates (`data/syndicates.txt`) are never publishers. A name in chrome that no list
//! knows is taken as written when the chrome says it is the publisher's: `A Message from
//! The Moscow Times:`, `Sign up for The Daily Meridian's ...`.

use newsproc_layers::source::{
    Boilerplate, BoilerplateKind, CreditRole, OutletEvidence, OutletEvidenceKind,
};
use newsproc_sdk::Span;

use crate::credits::Found as Credits;
use crate::dateline::Found as DatelineFound;
use crate::lexicons::{Lexicons, NameKind, NameMention, Side, Strength};
use crate::util::{char_at, starts_upper};

/// The least weight that names an outlet.
pub const THRESHOLD: f32 = 3.0;

#[derive(Debug, Default)]
pub struct Decision {
    pub outlet: Option<String>,
    pub evidence: Vec<OutletEvidence>,
}

/// One piece of evidence for a canonical name.
struct Vote {
    name: String,
    weight: f32,
    evidence: OutletEvidence,
}

pub fn decide(
    text: &str,
    names: &[NameMention],
    boilerplate: &[Boilerplate],
    dateline: Option<&DatelineFound>,
    credits: &Credits,
    lex: &Lexicons,
) -> Decision {
    let mut votes: Vec<Vote> = Vec::new();
    let mut vote = |name: &str, weight: f32, span: Span, how: OutletEvidenceKind| {
        if weight > 0.0 {
            votes.push(Vote {
                name: name.to_owned(),
                weight,
                evidence: OutletEvidence { span, how },
            });
        }
    };

    if let Some(d) = dateline
        && let (Some(name), Some(span), Some(kind)) =
            (&d.dateline.agency, d.agency_span, d.source_kind)
    {
        let weight = match kind {
            NameKind::Outlet => 5.0,
            NameKind::Agency => 3.0,
            NameKind::Syndicate => 0.0,
        };
        vote(name, weight, span, OutletEvidenceKind::Dateline);
    }

    let mut b = 0;
    for m in names {
        if m.kind == NameKind::Syndicate {
            continue;
        }
        let agency = m.kind == NameKind::Agency;
        while b < boilerplate.len() && boilerplate[b].span.end <= m.span.start {
            b += 1;
        }
        let inside = boilerplate
            .get(b)
            .filter(|x| x.span.start <= m.span.start && m.span.end <= x.span.end);
        if let Some(x) = inside {
            let (weight, how) = match x.kind {
                BoilerplateKind::Caption => (
                    if agency { 0.0 } else { 3.0 },
                    OutletEvidenceKind::SelfReference,
                ),
                BoilerplateKind::Trailer => {
                    let note = credits
                        .credits
                        .iter()
                        .any(|c| c.role == CreditRole::Byline && c.span.contains(m.span));
                    let weight = match (agency, note) {
                        (true, _) => 0.0,
                        (false, true) => 2.0,
                        (false, false) => 4.0,
                    };
                    (weight, OutletEvidenceKind::SelfReference)
                }
                _ => (if agency { 3.0 } else { 5.0 }, OutletEvidenceKind::Chrome),
            };
            vote(m.canonical, weight, m.span, how);
            continue;
        }
        if let Some(strength) = self_reference(text, m, lex) {
            let weight = match (strength, agency) {
                (Strength::Strong, false) => 4.0,
                (Strength::Strong, true) => 2.0,
                (Strength::Weak, false) => 1.5,
                (Strength::Weak, true) => 0.0,
            };
            let how = match strength {
                Strength::Strong => OutletEvidenceKind::SelfReference,
                Strength::Weak => OutletEvidenceKind::Reporting,
            };
            vote(m.canonical, weight, m.span, how);
        }
    }

    // Names no list knows, where the chrome says they are the publisher's.
    for x in boilerplate.iter().filter(|x| {
        matches!(
            x.kind,
            BoilerplateKind::Appeal | BoilerplateKind::Newsletter
        )
    }) {
        if let Some(span) = own_name_in_chrome(text, x.span) {
            let known = names.iter().any(|m| m.span.overlaps(span));
            if !known {
                let name = span.of(text);
                let canonical = lex.name(name).map_or(name, |(c, _)| c);
                vote(canonical, 5.0, span, OutletEvidenceKind::Chrome);
            }
        }
    }

    // The heaviest name; ties go to the earliest evidence.
    let mut totals: Vec<(&str, f32, usize)> = Vec::new();
    for (k, v) in votes.iter().enumerate() {
        match totals
            .iter_mut()
            .find(|t| t.0.eq_ignore_ascii_case(&v.name))
        {
            Some(t) => t.1 += v.weight,
            None => totals.push((&v.name, v.weight, k)),
        }
    }
    let best = totals
        .iter()
        .filter(|t| t.1 >= THRESHOLD)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.2.cmp(&a.2)));
    let Some(&(name, _, _)) = best else {
        return Decision::default();
    };
    let mut evidence: Vec<OutletEvidence> = votes
        .iter()
        .filter(|v| v.name.eq_ignore_ascii_case(name))
        .map(|v| v.evidence.clone())
        .collect();
    evidence.sort_by_key(|e| e.span.start);
    Decision {
        outlet: Some(name.to_owned()),
        evidence,
    }
}

/// Whether the words around a name make it the publisher speaking of itself (strong) or
/// the outlet that did the reporting (weak).
fn self_reference(text: &str, m: &NameMention, lex: &Lexicons) -> Option<Strength> {
    let max = lex.outlet_cue_words;
    let mut best: Option<Strength> = None;
    let mut consider = |s: Option<Strength>| {
        if let Some(s) = s {
            best = Some(best.map_or(s, |b| b.max(s)));
        }
    };
    // Before: the last 1..=max words, a `the` right before the name skipped.
    let before = words_before(text, m.span.start, max + 1);
    let mut before: &[&str] = &before;
    if let Some((last, rest)) = before.split_last()
        && last.eq_ignore_ascii_case("the")
    {
        before = rest;
    }
    for k in 1..=before.len().min(max) {
        let phrase = before[before.len() - k..].join(" ");
        consider(lex.outlet_cue(Side::Before, &phrase).map(|c| c.strength));
    }
    // After: a possessive skipped, then the first 1..=max words.
    let mut after_start = m.span.end;
    for poss in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if text.get(after_start..).is_some_and(|t| t.starts_with(poss)) {
            after_start += poss.len();
            break;
        }
    }
    if char_at(text, after_start).is_some_and(|c| c == ' ') {
        let after = words_after(text, after_start, max);
        for k in 1..=after.len() {
            let phrase = after[..k].join(" ");
            consider(lex.outlet_cue(Side::After, &phrase).map(|c| c.strength));
        }
    }
    best
}

/// Up to `n` words right before `end` on the same line, in text order, without the
/// punctuation that clings to them; none if a sentence or clause ends in between.
fn words_before(text: &str, end: usize, n: usize) -> Vec<&str> {
    let line_start = text[..end].rfind('\n').map_or(0, |k| k + 1);
    let mut out: Vec<&str> = Vec::new();
    for w in text[line_start..end].split(' ').rev() {
        if w.is_empty() {
            if out.is_empty() {
                continue;
            }
            break;
        }
        if out.len() == n {
            break;
        }
        // A word ending a sentence or clause stops the phrase.
        if w.ends_with(['.', ',', ';', ':', '!', '?', ')', '"', '\u{201D}']) {
            if !out.is_empty() || w.ends_with('.') {
                break;
            }
            // `said in a statement to` never ends with punctuation before the name.
            break;
        }
        out.push(w.trim_start_matches(['"', '\u{201C}', '(']));
    }
    out.reverse();
    out
}

/// Up to `n` words right after `start`, without clinging punctuation, stopping at the
/// end of a clause.
fn words_after(text: &str, start: usize, n: usize) -> Vec<&str> {
    let line_end = text[start..].find('\n').map_or(text.len(), |k| start + k);
    let mut out = Vec::new();
    for w in text[start..line_end].split(' ') {
        if w.is_empty() {
            continue;
        }
        if out.len() == n {
            break;
        }
        let clean = w.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\u{201D}']);
        if !clean.is_empty() {
            out.push(clean);
        }
        if clean.len() != w.len() {
            break;
        }
    }
    out
}

/// The publisher's own name in an appeal or sign-up line that no list knows: `A Message
/// from The Moscow Times:`, `Sign up for The Daily Meridian's World Briefing`.
fn own_name_in_chrome(text: &str, span: Span) -> Option<Span> {
    let s = span.of(text);
    for lead in [
        "A Message from ",
        "A message from ",
        "Sign up for ",
        "Support ",
    ] {
        if let Some(k) = s.find(lead) {
            let start = span.start + k + lead.len();
            if let Some(name) = org_name(text, start, span.end) {
                let after = &text[name.end..span.end];
                let owned = lead.starts_with("A ") && after.starts_with(':')
                    || after.starts_with("'s ")
                    || after.starts_with("\u{2019}s ");
                if owned {
                    return Some(name);
                }
            }
        }
    }
    None
}

/// A run of capitalised words from `start` (`The Daily Meridian`), two to six words.
fn org_name(text: &str, start: usize, end: usize) -> Option<Span> {
    let mut last = start;
    let mut count = 0;
    let mut pos = start;
    for w in text.get(start..end)?.split(' ') {
        let word = w.trim_end_matches([':', ',', '.']);
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("\u{2019}s"))
            .unwrap_or(word);
        if !starts_upper(word) || count == 6 {
            break;
        }
        count += 1;
        last = pos + word.len();
        if word.len() != w.len() {
            break;
        }
        pos += w.len() + 1;
    }
    (count >= 2).then(|| Span::new(start, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around() {
        let t = "He said in a statement to The Daily Star. Then";
        let end = t.find("The Daily").unwrap();
        assert_eq!(
            words_before(t, end, 5),
            ["said", "in", "a", "statement", "to"]
        );
        let t = "Officials said. The Star has learned, that";
        let end = t.find("The Star").unwrap();
        assert!(words_before(t, end, 5).is_empty());
        let start = t.find(" has").unwrap();
        assert_eq!(words_after(t, start, 3), ["has", "learned"]);
    }

    #[test]
    fn own_names() {
        let t = "A Message from The Moscow Times:";
        let span = own_name_in_chrome(t, Span::new(0, t.len())).unwrap();
        assert_eq!(span.of(t), "The Moscow Times");
        let t = "Sign up for The Daily Star\u{2019}s briefing.";
        let span = own_name_in_chrome(t, Span::new(0, t.len())).unwrap();
        assert_eq!(span.of(t), "The Daily Star");
        let t = "Sign up for Medicare today.";
        assert_eq!(own_name_in_chrome(t, Span::new(0, t.len())), None);
    }
}
