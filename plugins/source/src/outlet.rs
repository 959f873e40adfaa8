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
//! | any of these two, in copy its desk signed (`... R. Haddad / M. Saleh`) | | 3 |
//!
//! A paragraph that opens on a staff member's report told in the present (`X's Jane Roe
//! reports that ...`, `X correspondent Jane Roe reports ...`: the voice of a live blog or
//! digest) and the author's own colleagues (`my X colleague Jane Roe`) are strong
//! self-references.
//!
//! The outlet with the most weight is named if it has at least [`THRESHOLD`]: one piece of
//! strong evidence, or two weak ones. A signed column comes first, unless the house names
//! itself in its own chrome: an author's note with a mark of signed opinion in or after
//! it (`The views expressed in this commentary are her own`, `© 2024 King Features
//! Syndicate`) names the column by its author (`Jane Roe`), as media-bias corpora do: a
//! syndicated column runs in many outlets, and its dateline says only which one ran it.
//!
//! An agency is the publisher of its own wire copy (a dateline of its own and nothing
//! naming another publisher), but what it reported is republished everywhere, so `told
//! Reuters` says nothing about who published the text. Syndicates (`data/syndicates.txt`)
//! are never publishers, and neither is the first publisher a republication names (`This
//! article originally appeared on X`). A name in chrome that no list knows is taken as
//! written when the chrome says it is the publisher's: `A Message from The Moscow
//! Times:`, `Sign up for The Daily Meridian's ...`.

use newsproc_layers::source::{
    Boilerplate, BoilerplateKind, CreditRole, OutletEvidence, OutletEvidenceKind,
};
use newsproc_sdk::Span;

use crate::credits::Found as Credits;
use crate::dateline::Found as DatelineFound;
use crate::lexicons::{Lexicons, NameKind, NameMention, Side, Strength};
use crate::util::{char_at, starts_upper};

/// How many bytes around a name the words of an outlet cue are looked for in.
const WORDS_WINDOW: usize = 160;
/// How far from a caption's end its credit may start.
const CREDIT_TAIL: usize = 12;

/// The least weight that names an outlet.
pub const THRESHOLD: f32 = 3.0;
/// The weight of an agency named by its own reporter's cue in copy its desk signed.
const SIGNED_AGENCY: f32 = 3.0;

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
    paragraphs: &[Span],
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

    // What the words around each name say of it (none for syndicates and surnames).
    let refs: Vec<Option<Strength>> = names
        .iter()
        .map(|m| {
            if m.kind == NameKind::Syndicate || not_a_name(text, m) {
                None
            } else {
                self_reference(text, m, names, lex)
            }
        })
        .collect();
    // A republication note names the first publisher, and so does every other name in
    // the note (`first appeared in The Hill newspaper and on TheHill.com`).
    let origin_notes: Vec<Span> = names
        .iter()
        .zip(&refs)
        .filter(|(_, r)| **r == Some(Strength::Origin))
        .filter_map(|(m, _)| {
            boilerplate
                .iter()
                .find(|x| x.span.contains(m.span))
                .map(|x| x.span)
        })
        .collect();

    let mut b = 0;
    for (m, &reference) in names.iter().zip(&refs) {
        if m.kind == NameKind::Syndicate || not_a_name(text, m) {
            continue;
        }
        if origin_notes.iter().any(|n| n.contains(m.span)) {
            continue;
        }
        let agency = m.kind == NameKind::Agency;
        while b < boilerplate.len() && boilerplate[b].span.end <= m.span.start {
            b += 1;
        }
        let inside = boilerplate
            .get(b)
            .filter(|x| x.span.start <= m.span.start && m.span.end <= x.span.end);
        if inside.is_none() && dated_header(text, m.span) {
            vote(
                m.canonical,
                if agency { 3.0 } else { 5.0 },
                m.span,
                OutletEvidenceKind::Chrome,
            );
            continue;
        }
        if let Some(x) = inside {
            // An author's note names where the author works, which is often but not
            // always the publisher; a credit names the outlet's own staff.
            let credit = credits.credits[..credits
                .credits
                .partition_point(|c| c.span.start <= m.span.start)]
                .last()
                .filter(|c| c.span.contains(m.span));
            let (weight, how): (f32, _) = match (credit, x.kind) {
                (Some(c), _) if is_author_note(text, c) => (
                    if agency { 0.0 } else { 2.0 },
                    OutletEvidenceKind::SelfReference,
                ),
                (Some(_), _) | (None, BoilerplateKind::Trailer) => (
                    if agency { 0.0 } else { 4.0 },
                    OutletEvidenceKind::SelfReference,
                ),
                // A caption names its photographer's outlet in the credit at its end;
                // names in the description are what the photo shows.
                (None, BoilerplateKind::Caption) => (
                    if agency || m.span.end + CREDIT_TAIL < x.span.end {
                        0.0
                    } else {
                        3.0
                    },
                    OutletEvidenceKind::SelfReference,
                ),
                // Links name other outlets' stories as often as the outlet's own.
                (None, BoilerplateKind::Links) => {
                    (if agency { 0.0 } else { 2.0 }, OutletEvidenceKind::Chrome)
                }
                _ => (if agency { 3.0 } else { 5.0 }, OutletEvidenceKind::Chrome),
            };
            // Chrome that names the outlet as its own (`Visit X's homepage`, `Comment via
            // X`) counts in full whatever its kind; a note naming where the text first
            // appeared (`This article originally appeared on X`) names another publisher.
            if reference == Some(Strength::Origin) {
                continue;
            }
            let own = credit.is_none() && reference == Some(Strength::Strong);
            let (weight, how) = if own {
                (
                    weight.max(if agency { 3.0 } else { 5.0 }),
                    OutletEvidenceKind::Chrome,
                )
            } else {
                (weight, how)
            };
            vote(m.canonical, weight, m.span, how);
            continue;
        }
        if let Some(strength) = reference {
            // Copy its desk signed is the house's own (a republisher drops the
            // signature): there, an agency whose own reporter the copy cites (`told X
            // reporter`, `X's correspondent said`) is the house, as much as its dateline.
            let signed = agency && strength != Strength::Origin && credits.signature.is_some();
            let weight = match (strength, agency) {
                _ if signed => SIGNED_AGENCY,
                (Strength::Strong, false) => 4.0,
                (Strength::Strong, true) => 2.0,
                (Strength::Weak, false) => 1.5,
                (Strength::Weak, true) | (Strength::Origin, _) => 0.0,
            };
            let how = match strength {
                _ if signed => OutletEvidenceKind::SelfReference,
                Strength::Strong => OutletEvidenceKind::SelfReference,
                Strength::Weak | Strength::Origin => OutletEvidenceKind::Reporting,
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

    // The heaviest name by the publisher's own evidence; only when none has enough, by
    // all evidence (weak reporting evidence never outweighs a publisher's own).
    let mut totals: Vec<(&str, f32, f32, usize)> = Vec::new();
    for (k, v) in votes.iter().enumerate() {
        let own = if v.evidence.how == OutletEvidenceKind::Reporting {
            0.0
        } else {
            v.weight
        };
        match totals
            .iter_mut()
            .find(|t| t.0.eq_ignore_ascii_case(&v.name))
        {
            Some(t) => {
                t.1 += own;
                t.2 += v.weight;
            }
            None => totals.push((&v.name, own, v.weight, k)),
        }
    }
    let by = |field: fn(&(&str, f32, f32, usize)) -> f32| {
        totals
            .iter()
            .filter(|t| field(t) >= THRESHOLD)
            .max_by(|a, b| field(a).total_cmp(&field(b)).then(b.3.cmp(&a.3)))
    };
    // One report by the only outlet the text names at all: citing articles name their
    // sources, an outlet's own copy names itself.
    let only_outlet = || {
        let mut outlets = names
            .iter()
            .filter(|m| m.kind == NameKind::Outlet && !not_a_name(text, m))
            .map(|m| m.canonical);
        let first = outlets.next()?;
        outlets
            .all(|o| o.eq_ignore_ascii_case(first))
            .then(|| {
                totals
                    .iter()
                    .find(|t| t.0.eq_ignore_ascii_case(first) && t.2 > 0.0)
            })
            .flatten()
    };
    let best = by(|t| t.1).or_else(|| by(|t| t.2)).or_else(only_outlet);
    let evidence_for = |name: &str| -> Vec<OutletEvidence> {
        votes
            .iter()
            .filter(|v| v.name.eq_ignore_ascii_case(name))
            .map(|v| v.evidence.clone())
            .collect()
    };
    // A signed column is its author's, unless the house names itself in its own matter
    // (its copyright line, its disclaimer): a dateline or a staff credit says only where
    // this copy of the column ran.
    let house_chrome = best.is_some_and(|&(name, ..)| {
        votes.iter().any(|v| {
            v.evidence.how == OutletEvidenceKind::Chrome && v.name.eq_ignore_ascii_case(name)
        })
    });
    if !house_chrome && let Some(column) = signed_column(text, paragraphs, names, lex) {
        return Decision {
            outlet: Some(column.author.of(text).to_owned()),
            evidence: vec![
                OutletEvidence {
                    span: column.author,
                    how: OutletEvidenceKind::SignedColumn,
                },
                OutletEvidence {
                    span: column.mark,
                    how: OutletEvidenceKind::SignedColumn,
                },
            ],
        };
    }
    let Some(&(name, _, _, _)) = best else {
        return Decision::default();
    };
    let mut evidence = evidence_for(name);
    // A column of an outlet that publishes its columns under a section's label is the
    // section's.
    let mut outlet = name;
    if let Some(section) = lex.opinion_section(name)
        && let Some(marker) = column_marker(text, boilerplate, names, lex)
    {
        outlet = section;
        evidence.push(OutletEvidence {
            span: marker,
            how: OutletEvidenceKind::Chrome,
        });
    }
    evidence.sort_by_key(|e| e.span.start);
    Decision {
        outlet: Some(outlet.to_owned()),
        evidence,
    }
}

/// The chrome that marks the text as a column: a link to more of its author's work
/// (`Click here to read more from Jane Roe`), a marker phrase of `data/columns.txt` in a
/// links span, followed by a capitalised name that is not an outlet's.
fn column_marker(
    text: &str,
    boilerplate: &[Boilerplate],
    names: &[NameMention],
    lex: &Lexicons,
) -> Option<Span> {
    boilerplate
        .iter()
        .filter(|b| b.kind == BoilerplateKind::Links)
        .find_map(|b| {
            let s = b.span.of(text);
            lex.column_markers_in(s).into_iter().find_map(|end| {
                let at = b.span.start + end;
                let name = crate::util::skip_spaces(text, at);
                let person = name > at
                    && char_at(text, name).is_some_and(char::is_uppercase)
                    && !names.iter().any(|m| m.span.start == name);
                person.then(|| Span::new(b.span.start, b.span.end))
            })
        })
}

/// A signed column: who signed it and what marks it as signed.
#[derive(Debug, Clone, Copy, PartialEq)]
struct SignedColumn {
    /// The author's name in the note (`Jane Roe`).
    author: Span,
    /// The mark: a disclaimer, `syndicated columnist`, a syndicate's name.
    mark: Span,
}

/// How many paragraphs from either end an author's note may stand.
const NOTE_PARAGRAPHS: (usize, usize) = (3, 4);

/// A signed column: an author's note (`Jane Roe is a senior fellow at ...`, `Editor's
/// note: Jane Roe is ...`, `Jane Roe's email address is ...`) in the first or last
/// paragraphs, with a mark of signed opinion in it or in the paragraph right after it: a
/// phrase of `data/columns.txt` (`The views expressed in this commentary are his own`,
/// `syndicated columnist`) or the name of a syndicate that distributes columns (its
/// copyright line, `© 2024 King Features Syndicate`). Such a column runs in many outlets
/// under its author's name, and the author is what names it.
fn signed_column(
    text: &str,
    paragraphs: &[Span],
    names: &[NameMention],
    lex: &Lexicons,
) -> Option<SignedColumn> {
    let n = paragraphs.len();
    let (head, tail) = NOTE_PARAGRAPHS;
    let candidates = (n.saturating_sub(tail)..n).chain(0..head.min(n.saturating_sub(tail)));
    candidates.into_iter().find_map(|k| {
        let p = paragraphs[k];
        let author = note_author(text, p, names, lex)?;
        let window = Span::new(p.start, paragraphs.get(k + 1).map_or(p.end, |q| q.end));
        let mark = lex.signed_mark_in(text, window).or_else(|| {
            names
                .iter()
                .find(|m| {
                    m.kind == NameKind::Syndicate
                        && window.contains(m.span)
                        && lex.is_column_syndicate(m.canonical)
                })
                .map(|m| m.span)
        })?;
        Some(SignedColumn { author, mark })
    })
}

/// The longest paragraph that is an author's note.
const MAX_NOTE: usize = 400;

/// The author an author's note opens with: a person's name of two to four capitalised
/// words (initials too: `S.E.`), after a dash or bullet, a lead (`Editor's note:`) or an
/// honorific (`Sen.`), then what the note says of them: `is`, `was`, `and` (co-authors),
/// a verb (`anchors`, `writes`), a possessive and a word (`Jane Roe's email address`),
/// or an appositive (`Jane Roe, 45, is`, `Jane Roe, a professor at ...`). Not a name an
/// outlet or agency list knows.
fn note_author(text: &str, p: Span, names: &[NameMention], lex: &Lexicons) -> Option<Span> {
    if p.len() > MAX_NOTE {
        return None;
    }
    let s = p.of(text);
    let lead = s.trim_start_matches(|c: char| {
        crate::util::is_dash(c) || matches!(c, '*' | '\u{2022}') || crate::util::is_space(c)
    });
    if !lead.starts_with(char::is_uppercase) {
        return None;
    }
    let mut at = p.start + (s.len() - lead.len());
    at += lex.note_lead_len(&text[at..p.end]);
    let mut words = text[at..p.end].split(' ');
    let mut first = words.next()?;
    if lex.is_note_title(first) {
        at += first.len() + 1;
        first = words.next()?;
    }
    let start = at;
    let mut end = at;
    let mut count = 0;
    let mut word = Some(first);
    // What follows the name: the word after it, and whether a comma or possessive closed it.
    let (closer, next) = loop {
        let w = word?;
        let (bare, closer) = if let Some(b) = w.strip_suffix(',') {
            (b, ",")
        } else if let Some(b) = w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")) {
            (b, "'s")
        } else {
            (w, "")
        };
        if !is_name_word(bare) || count == 4 {
            // The name ends before a word that is not part of it.
            break ("", w);
        }
        count += 1;
        end += if count == 1 {
            bare.len()
        } else {
            1 + bare.len()
        };
        if !closer.is_empty() {
            break (closer, words.next()?);
        }
        word = words.next();
    };
    let says = match closer {
        "," => {
            next.chars().all(|c| c.is_ascii_digit() || c == ',')
                || matches!(next, "a" | "an" | "the")
        }
        "'s" => next.starts_with(char::is_lowercase),
        _ => {
            matches!(next, "is" | "was" | "and")
                || (next.len() > 3
                    && next.ends_with('s')
                    && next.chars().all(|c| c.is_ascii_lowercase()))
        }
    };
    let author = Span::new(start, end);
    (count >= 2 && says && !names.iter().any(|m| m.span.overlaps(author))).then_some(author)
}

/// A word of a person's name: capitalised letters (`Roe`, `O'Brien`, `Temple-Raston`) or
/// initials (`S.E.`, `J.`); not a word that opens sentences (`The`, `This`).
fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(c) = chars.next() else { return false };
    c.is_uppercase()
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
        && !OPENERS.contains(&w)
}

/// Capitalised words that open sentences and never a person's name: a body paragraph
/// that opens `What Jane Roe's version suggests is ...` is no author's note.
const OPENERS: &[&str] = &[
    "The", "This", "That", "These", "Those", "A", "An", "In", "If", "But", "And", "Or", "So", "As",
    "For", "It", "Its", "Our", "We", "They", "What", "Who", "When", "Where", "Why", "How",
];

/// Whether a credit is an author's note (`Maria Okafor is ...`) rather than a byline.
fn is_author_note(text: &str, c: &newsproc_layers::source::Credit) -> bool {
    c.role == CreditRole::Byline && !c.span.of(text).starts_with("By ")
}

/// Whether the words around a name make it the publisher speaking of itself (strong) or
/// the outlet that did the reporting (weak).
fn self_reference(
    text: &str,
    m: &NameMention,
    names: &[NameMention],
    lex: &Lexicons,
) -> Option<Strength> {
    let agency = m.kind == NameKind::Agency;
    if excerpt_lead_in(text, m.span) {
        return None;
    }
    let reports = staff_reports(text, m.span);
    if staff_on_location(text, m.span)
        || (!agency && staff_report_lead(text, m.span, lex))
        || (!agency && own_colleague(text, m.span))
        || sign_on(text, m.span)
        || host_welcome(text, m.span)
        || (!agency && own_graphic(text, m.span))
        || methodology_author(text, m, names)
    {
        return Some(Strength::Strong);
    }
    if photo_credit(text, m.span, names) {
        // Agencies sell their photos to everyone.
        return (!agency).then_some(Strength::Strong);
    }
    let max = lex.outlet_cue_words;
    let strongest = |side: Side, phrases: &mut dyn Iterator<Item = String>| {
        phrases
            .filter_map(|phrase| lex.outlet_cue(side, &phrase).map(|c| c.strength))
            .max()
    };
    // Before: the last 1..=max words, a `the` right before the name skipped.
    let before = words_before(text, m.span.start, max + 1);
    let mut before: &[&str] = &before;
    if let Some((last, rest)) = before.split_last()
        && last.eq_ignore_ascii_case("the")
    {
        before = rest;
    }
    let n = if before
        .last()
        .is_some_and(|w| lex.outlet_cue_edge(Side::Before, w))
    {
        before.len().min(max)
    } else {
        0
    };
    let before = strongest(
        Side::Before,
        &mut (1..=n).map(|k| before[before.len() - k..].join(" ")),
    );
    // After: a possessive skipped, then the first 1..=max words.
    let mut after_start = m.span.end;
    for poss in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if text.get(after_start..).is_some_and(|t| t.starts_with(poss)) {
            after_start += poss.len();
            break;
        }
    }
    let after = if char_at(text, after_start).is_some_and(|c| c == ' ') {
        // One word more than the longest phrase: the word after the phrase.
        let words = words_after(text, after_start, max + 1);
        if words
            .first()
            .is_some_and(|w| lex.outlet_cue_edge(Side::After, w))
        {
            (1..=words.len().min(max))
                .filter_map(|k| {
                    let cue = lex.outlet_cue(Side::After, &words[..k].join(" "))?;
                    let named = words.get(k).is_some_and(|w| starts_upper(w));
                    (!(cue.unnamed && named)).then_some(cue.strength)
                })
                .max()
        } else {
            None
        }
    } else {
        None
    };
    let after = if reports {
        after.max(Some(Strength::Weak))
    } else {
        after
    };
    match (before, after) {
        // `reports CBS News correspondent Jan Crawford`: two weak cues around one name.
        // (Not for an agency, whose reporters are everyone's: `told SANA reporter`.)
        (Some(b), Some(a)) if !agency && b != Strength::Origin && a != Strength::Origin => {
            Some(Strength::Strong)
        }
        // A republication note outweighs any other cue around the name.
        (Some(Strength::Origin), _) | (_, Some(Strength::Origin)) => Some(Strength::Origin),
        (b, a) => b.max(a),
    }
}

/// The outlet's own correspondent on location: `X's Jane Roe, reporting from Kabul, said`,
/// `Reporting from Kabul, X's Jane Roe said`. Outlets cite each other's reporters for
/// what they reported, not for where they stood while reporting it.
fn staff_on_location(text: &str, name: Span) -> bool {
    let Some(person) = after_possessive(text, name.end) else {
        return false;
    };
    let to = crate::util::floor_char(text, person.saturating_add(WORDS_WINDOW));
    let line = &text[person..to];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    // The staff member: one to four capitalised words, maybe closed by a comma.
    let mut rest = line;
    let mut words = 0;
    while words < 4 {
        let end = rest.find(' ').unwrap_or(rest.len());
        let word = &rest[..end];
        let bare = word.strip_suffix(',').unwrap_or(word);
        if !starts_upper(bare) {
            break;
        }
        words += 1;
        rest = rest[end..].trim_start_matches(' ');
        if bare.len() != word.len() {
            break;
        }
    }
    if words == 0 {
        return false;
    }
    // (Not `reports from`: watchdogs quote broadcasts' reports as they aired.)
    if rest.starts_with("reporting from ") {
        return true;
    }
    // `Reporting from Kabul, ` opening the sentence before the name.
    let from = crate::util::floor_char(text, name.start.saturating_sub(WORDS_WINDOW));
    let before = &text[from..name.start];
    let clause = before
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '\n' | '.' | '!' | '?' | '"' | '\u{201D}'))
        .map_or(before, |(k, c)| &before[k + c.len_utf8()..])
        .trim_start();
    clause.starts_with("Reporting from ") && clause.ends_with(", ")
}

/// A staff member's report told in the present, closing its sentence: `..., X's Jane Roe
/// reports.` (Not `As X's Jane Roe reports,`: that cites another outlet's story.)
fn staff_reports(text: &str, name: Span) -> bool {
    let Some(person) = after_possessive(text, name.end) else {
        return false;
    };
    let to = crate::util::floor_char(text, person.saturating_add(60));
    let rest = &text[person..to];
    let mut words = rest.split(' ');
    let mut n = 0;
    let closes = loop {
        let Some(w) = words.next() else { break false };
        if let Some(tail) = w.strip_prefix("reports") {
            break n > 0 && tail.starts_with(['.', ',', ':', '\n']);
        }
        if n == 4 || !starts_upper(w) {
            break false;
        }
        n += 1;
    };
    let from = crate::util::floor_char(text, name.start.saturating_sub(8));
    closes && !text[from..name.start].trim_end().ends_with("As")
}

/// A paragraph that opens on a staff member's report, told in the present: `X's Jane Roe
/// reports that ...`, `X correspondent Jane Roe reports ...`. A live blog or digest leads
/// its paragraphs with its own correspondents' reports as they come in; an outlet citing
/// another's reporter tells what was reported (`X's Jane Roe reported that ...`) or puts
/// it inside its own sentence (`As X's Jane Roe reported, ...`, `..., X's Jane Roe
/// reports.`).
fn staff_report_lead(text: &str, name: Span, lex: &Lexicons) -> bool {
    if !(name.start == 0 || text[..name.start].ends_with('\n')) {
        return false;
    }
    let person = after_possessive(text, name.end).unwrap_or(name.end + 1);
    let to = crate::util::floor_char(text, person.saturating_add(80));
    let Some(line) = text.get(person..to) else {
        return false;
    };
    let words: Vec<&str> = line.split(' ').take(9).collect();
    // A journalist's role may come first (`White House correspondent`): the name starts
    // after it.
    let mut at = person;
    let mut skip = 0;
    for (k, w) in words.iter().take(4).enumerate() {
        at += w.len();
        if lex.has_author_role(text, Span::new(person, at)) {
            skip = k + 1;
            break;
        }
        at += 1;
    }
    // Two to four words of the name, then the verb.
    for (n, w) in words[skip..].iter().enumerate() {
        if *w == "reports" {
            return n >= 2;
        }
        if n == 4 || !starts_upper(w) || w.ends_with([',', '.', ':']) {
            return false;
        }
    }
    false
}

/// The author calling the outlet's staff their colleagues: `my X colleague Jane Roe`,
/// `Our X colleagues`. (Not `my former X colleague`: the author has left.)
fn own_colleague(text: &str, name: Span) -> bool {
    let before = &text.as_bytes()[..name.start];
    let mine = [&b"my "[..], b"our "].iter().any(|w| {
        before.len() >= w.len()
            && before[before.len() - w.len()..].eq_ignore_ascii_case(w)
            && before[..before.len() - w.len()]
                .last()
                .is_none_or(|c| !c.is_ascii_alphanumeric())
    });
    let after = &text[name.end..];
    let after = after.strip_prefix(" Media").unwrap_or(after);
    mine && [" colleague ", " colleague,", " colleagues"]
        .iter()
        .any(|c| after.starts_with(c))
}

/// A broadcast's or podcast's sign-on: `From The Daily Star, I'm Jane Roe.`
fn sign_on(text: &str, name: Span) -> bool {
    let from = crate::util::floor_char(text, name.start.saturating_sub(16));
    let before = &text[from..name.start];
    let before = &before[before.rfind('\n').map_or(0, |k| k + 1)..];
    let after = &text[name.end..];
    matches!(before.trim_start(), "From " | "From the ")
        && [", I'm ", ", I\u{2019}m ", ", this is ", ", I am "]
            .iter()
            .any(|p| after.starts_with(p))
}

/// A lead-in to another outlet's words run into the paragraph before it (`... after
/// filing their returns. More from X:`). At the start of a line the same words head the
/// outlet's own links (`More from X:` then headlines).
fn excerpt_lead_in(text: &str, name: Span) -> bool {
    if !text[name.end..].starts_with(':') {
        return false;
    }
    let from = crate::util::floor_char(text, name.start.saturating_sub(24));
    let before = &text[from..name.start];
    let before = before.strip_suffix("the ").unwrap_or(before);
    ["More from ", "Read more from "].iter().any(|lead| {
        before
            .strip_suffix(lead)
            .is_some_and(|b| b.ends_with([' ', '.']) && !b.trim_end_matches(' ').ends_with('\n'))
    })
}

/// A chart, map or illustration credited to the outlet (`Chart: X Visuals`,
/// `Photo illustration: X`): its own graphics desk. (Agencies sell theirs to everyone.)
fn own_graphic(text: &str, name: Span) -> bool {
    let from = crate::util::floor_char(text, name.start.saturating_sub(24));
    let before = &text[from..name.start];
    [
        "Chart: ",
        "Charts: ",
        "Graphic: ",
        "Graphics: ",
        "Map: ",
        "Illustration: ",
        "Photo illustration: ",
    ]
    .iter()
    .any(|lead| before.ends_with(lead))
}

/// The outlet that opens a study's methodology note (`Methodology` as a heading or a
/// lead, then `X conducted a search of ...`): the author of the study the text reports.
fn methodology_author(text: &str, m: &NameMention, names: &[NameMention]) -> bool {
    let from = crate::util::floor_char(text, m.span.start.saturating_sub(300));
    let before = &text[from..m.span.start];
    let Some(nl) = before.rfind('\n') else {
        return false;
    };
    let line_start = from + nl + 1;
    let prev = before[..nl].trim_end();
    let heading = prev[prev.rfind('\n').map_or(0, |k| k + 1)..].trim();
    let note = before[nl + 1..].starts_with("Methodology:")
        || (heading == "Methodology" && prev.len() > heading.len());
    // The first name of the paragraph: the others are what the study looked at.
    note && !names
        .iter()
        .any(|n| n.span.start >= line_start && n.span.start < m.span.start)
}

/// A host welcoming guests or readers to the show or feature: a sentence that opens
/// with `Welcome` and names the outlet within a few words (`Welcome, both of you, to X`,
/// `Welcome to a special edition of X's weekly chat`). Not inside a quotation.
fn host_welcome(text: &str, name: Span) -> bool {
    let from = crate::util::floor_char(text, name.start.saturating_sub(72));
    let before = &text[from..name.start];
    let sentence = before
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '\n' | '.' | '!' | '?'))
        .map(|(k, c)| &before[k + c.len_utf8()..])
        .or((from == 0).then_some(before));
    sentence.is_some_and(|s| {
        let s = s.trim_start();
        s.starts_with("Welcome") && !s.contains(['"', '\u{201C}', '\u{201D}'])
    })
}

/// Where the words after a possessive ending at `end` start (`X's Jane`, `X' Jane`).
fn after_possessive(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    ["'s ", "\u{2019}s ", "' ", "\u{2019} "]
        .iter()
        .find(|p| rest.starts_with(**p))
        .map(|p| end + p.len())
}

/// A date heading the copy, then the house's name, then the article: `6 October 2016
/// SANA Members of ...`, the masthead of an agency's or outlet's own page (a citation
/// puts a verb after the name: `On June 4 2014 Reuters reported`).
fn dated_header(text: &str, name: Span) -> bool {
    let before = crate::util::skip_spaces_back(text, name.start);
    if !(before < name.start
        && text[name.end..].starts_with(' ')
        && char_at(text, name.end + 1).is_some_and(char::is_uppercase)
        && crate::dateline::full_date_before(text, before))
    {
        return false;
    }
    // A date that opens its line (the text's date line) is followed by a headline.
    let from = crate::util::floor_char(text, before.saturating_sub(40));
    let line = &text[from..before];
    let opens = match line.rfind('\n') {
        Some(k) => line[k + 1..].split_whitespace().count() <= 4,
        None => from == 0 && line.split_whitespace().count() <= 4,
    };
    !opens
}

/// A photographer's credit: `Qilai Shen/Bloomberg`, `M.Scott Mahaskey/POLITICO`,
/// `Sarah Wasko / Media Matters`: a capitalised name, a slash, the outlet.
fn photo_credit(text: &str, name: Span, names: &[NameMention]) -> bool {
    let before = text[..name.start].trim_end_matches(' ');
    // `Jane Roe / for The Daily Star`: a freelancer working for the outlet.
    let before = before
        .strip_suffix(" for")
        .map_or(before, |b| b.trim_end_matches(' '));
    let Some(rest) = before.strip_suffix('/') else {
        return false;
    };
    let rest = rest.trim_end_matches(' ');
    // Not a pair of names (`Washington Post/ABC News survey`).
    if names.iter().any(|m| m.span.end == rest.len()) {
        return false;
    }
    let word = rest
        .rsplit(|c: char| c.is_whitespace() || c == ':')
        .next()
        .unwrap_or("");
    // In credit position: after any further `/Name` parts (`Jeff Roe/BBC/Handout`), the
    // end of the line, a bracket or a bar; not a list of pollsters (`Marist/NPR/PBS
    // Poll`). A photo distributed `via` someone else (`Jane Roe/Bloomberg via Getty
    // Images`) was bought from them: the photographer's outlet is not the publisher.
    let mut after = text[name.end..].trim_start_matches(' ');
    while let Some(rest) = after.strip_prefix('/') {
        let word_end = rest.find([' ', ')', ']', '/', '\n']).unwrap_or(rest.len());
        after = rest[word_end..].trim_start_matches(' ');
    }
    let credit_end = after.is_empty() || after.starts_with(['\n', ')', ']', '|', ';']);
    // Or the credit opens its line, and the caption follows it (`Jane Roe/The Daily Star
    // The mayor speaks ...`): nothing but the photographer's name before it, a
    // capitalised word after it (not `Roe/The Star poll shows`), and no `via`.
    let segment = rest[rest.rfind(['\n', '|']).map_or(0, |k| k + 1)..].trim_start_matches(' ');
    let opens_line = after.starts_with(char::is_uppercase)
        && !segment.is_empty()
        && segment.split(' ').count() <= 4
        && segment.split(' ').all(starts_upper);
    (credit_end || opens_line) && starts_upper(word) && word.chars().any(char::is_lowercase)
}

/// Words after which a one-word name is the first word of a title (`Vice President`,
/// `Vice Admiral`), not the outlet.
const TITLES: &[&str] = &[
    "President",
    "Presidential",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Minister",
    "Admiral",
    "Marshal",
    "Premier",
    "Governor",
    "Mayor",
    "Chancellor",
    "Provost",
    "Principal",
    "Consul",
];

/// Whether a name mention is something else: a surname (`Michael Bloomberg`) or the
/// first word of a title (`Vice President`).
fn not_a_name(text: &str, m: &NameMention) -> bool {
    surname(text, m) || {
        let name = m.span.of(text);
        !name.contains(' ')
            && text[m.span.end..].strip_prefix(' ').is_some_and(|rest| {
                let word = rest.split([' ', ',', '.', '\n']).next().unwrap_or("");
                TITLES.contains(&word)
            })
    }
}

/// Whether a one-word name is someone's surname (`Michael Bloomberg`): a capitalised
/// word right before it that does not start a sentence.
fn surname(text: &str, m: &NameMention) -> bool {
    let name = m.span.of(text);
    if name.contains(' ') {
        return false;
    }
    let before = &text[..m.span.start];
    let Some(prev) = before.strip_suffix(' ') else {
        return false;
    };
    let word_start = prev
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &prev[word_start..];
    let sentence_start = prev[..word_start].trim_end().is_empty()
        || prev[..word_start]
            .trim_end()
            .ends_with(['.', '!', '?', ':', '"', '\u{201D}']);
    starts_upper(word)
        && word.chars().all(char::is_alphabetic)
        && word.chars().skip(1).all(char::is_lowercase)
        && !sentence_start
        && word != "The"
}

/// Up to `n` words right before `end` on the same line, in text order, without the
/// punctuation that clings to them; none if a sentence or clause ends in between.
fn words_before(text: &str, end: usize, n: usize) -> Vec<&str> {
    // A phrase of a few words fits in this many bytes; looking further is waste.
    let from = crate::util::floor_char(text, end.saturating_sub(WORDS_WINDOW));
    let line_start = text[from..end].rfind('\n').map_or(from, |k| from + k + 1);
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
        // Copy that lost its line breaks glues the last word of a line to the first of
        // the next (`FacebookComment via`): the phrase starts at the seam.
        if let Some(seam) = glue_seam(w) {
            out.push(&w[seam..]);
            break;
        }
        let w = w.trim_start_matches(['"', '\u{201C}', '(']);
        // An opening quotation mark right before the name, around a show's title (`told
        // us on the “Evening Hour”`): the phrase is read over it.
        if w.is_empty() && out.is_empty() {
            continue;
        }
        out.push(w);
    }
    out.reverse();
    out
}

/// Where the last lowercase-to-uppercase step inside a word is (`FacebookComment` ->
/// 8), the seam of two lines glued together.
fn glue_seam(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    (1..b.len())
        .rev()
        .find(|&k| b[k - 1].is_ascii_lowercase() && b[k].is_ascii_uppercase())
}

/// Up to `n` words right after `start`, without clinging punctuation, stopping at the
/// end of a clause.
fn words_after(text: &str, start: usize, n: usize) -> Vec<&str> {
    let to = crate::util::floor_char(text, start.saturating_add(WORDS_WINDOW));
    let line_end = text[start..to].find('\n').map_or(to, |k| start + k);
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
    let line = text.get(start..end)?;
    let line = &line[..line.find(['\n', '\r']).unwrap_or(line.len())];
    for w in line.split(' ') {
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

    /// The span of the first `name` in `t`.
    fn span_of(t: &str, name: &str) -> Span {
        let k = t.find(name).unwrap();
        Span::new(k, k + name.len())
    }

    #[test]
    fn seams_of_glued_lines() {
        assert_eq!(glue_seam("FacebookComment"), Some(8));
        assert_eq!(glue_seam("Comment"), None);
        assert_eq!(glue_seam("USA"), None);
        assert_eq!(glue_seam("über"), None);
    }

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
        let t = "She told us on the \u{201C}Evening Hour\u{201D} that";
        let end = t.find("Evening").unwrap();
        assert_eq!(words_before(t, end, 5), ["She", "told", "us", "on", "the"]);
        let t = "Officials said. The Star has learned, that";
        let start = t.find(" has").unwrap();
        assert_eq!(words_after(t, start, 3), ["has", "learned"]);
    }

    #[test]
    fn correspondents_on_location() {
        let on = |t: &str, name: &str| staff_on_location(t, span_of(t, name));
        assert!(on(
            "Al Jazeera's Jane Roe, reporting from Lima, said the talks stalled.",
            "Al Jazeera"
        ));
        assert!(on(
            "Reporting from Lima, Al Jazeera\u{2019}s Jane Roe said the talks stalled.",
            "Al Jazeera"
        ));
        assert!(!on(
            "Al Jazeera's Jane Roe reported from Lima that the talks stalled.",
            "Al Jazeera"
        ));
        assert!(!on(
            "Reporting from Lima, the agency said Al Jazeera's story was wrong.",
            "Al Jazeera"
        ));
    }

    #[test]
    fn staff_reports_closing_a_sentence() {
        let at = |t: &str| staff_reports(t, span_of(t, "NPR"));
        assert!(at("The station stays open, NPR's Jane Roe reports."));
        assert!(at("From Lima, NPR's Jane Roe reports:\nThe talks"));
        assert!(!at("As NPR's Jane Roe reports, the talks stalled."));
        assert!(!at("NPR's Jane Roe reports that the talks stalled."));
        assert!(!at("NPR's reports were read."));
    }

    #[test]
    fn hosts_welcome() {
        let at = |t: &str| host_welcome(t, span_of(t, "The Hour"));
        assert!(at(
            "Jane Roe joins us.\nWelcome, both of you, to The Hour. Tell us."
        ));
        assert!(at(
            "Welcome to a special edition of The Hour's weekly chat."
        ));
        assert!(!at("He said: \"Welcome to The Hour,\" and left."));
        assert!(!at("They welcomed the guests. The Hour ran late."));
    }

    #[test]
    fn sign_ons_and_dated_headers() {
        let t = "From The Daily Star, I'm Jane Roe. This is the show.";
        assert!(sign_on(t, span_of(t, "The Daily Star")));
        let t = "A letter from The Daily Star, I think, came later.";
        assert!(!sign_on(t, span_of(t, "The Daily Star")));
        let t = "Shells hit the old city 6 October 2016 SANA Members of the civil defence";
        assert!(dated_header(t, span_of(t, "SANA")));
        // A date line opening the text, then a headline; a citation.
        let t = "6 October 2016 SANA Members of the civil defence";
        assert!(!dated_header(t, span_of(t, "SANA")));
        let t = "The inspectors met on June 4 2014 Reuters reported, and left.";
        assert!(!dated_header(t, span_of(t, "Reuters")));
    }

    #[test]
    fn graphics_and_methodology_notes() {
        let t = "Data: the census; Chart: The Daily Star Visuals";
        assert!(own_graphic(t, span_of(t, "The Daily Star")));
        assert!(!own_graphic(t, Span::new(0, 4)));
        let lex = Lexicons::load(&crate::lexicons::ExtraFiles::default()).unwrap();
        let author = |t: &str| {
            let names = lex.scan(t).names;
            names
                .iter()
                .find(|m| methodology_author(t, m, &names))
                .map(|m| m.canonical)
        };
        assert_eq!(
            author("The findings.\n\nMethodology\n\nPolitico searched transcripts of CNN."),
            Some("Politico")
        );
        assert_eq!(
            author("The findings.\nMethodology: To count them, Politico read CNN's site."),
            Some("Politico")
        );
        assert_eq!(
            author("The findings.\nPolitico searched transcripts of CNN."),
            None
        );
    }

    #[test]
    fn excerpts_lead_ins() {
        let lead = |t: &str| excerpt_lead_in(t, span_of(t, "Fox News"));
        assert!(lead(
            "They filed their returns. More from Fox News:\nThe panel"
        ));
        assert!(!lead(
            "They filed their returns.\nMore from Fox News:\nThe panel"
        ));
        assert!(!lead("More from Fox News:\nThe panel"));
        assert!(!lead(
            "They filed their returns. More from Fox News on this."
        ));
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
