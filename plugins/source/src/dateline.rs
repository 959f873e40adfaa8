//! The dateline: where (and sometimes when) the story was filed, and for wire copy by
//! whom.
//!
//! A dateline is a head, `PLACE[/PLACE...][, REGION][, DATE]`, followed by one of
//! - a source in brackets, then a dash or not: `AMMAN (Reuters) -`,
//!   `HAYWARD, Calif. (AP) —`, `WASHINGTON, Dec. 5 (UPI) —`, `Washington (CNN) –`,
//!   `MOSCOW (Sputnik) According to` (copy stripped of its punctuation);
//! - a source between slashes: `DONETSK, March 3. /TASS/.`;
//! - a source with a dash glued to it: `Aleppo SANA-`;
//! - a dash alone: `BERLIN --`, `PURCELLVILLE, Va. —`, `WASHINGTON—`.
//!
//! A source in brackets without a place (`(Reuters) -`) is a dateline at the start of the
//! article. A dateline starts the article: at the start of a paragraph (after a byline or
//! a correction note), or, in copy that lost its line breaks, after a headline. What
//! vouches for the place:
//! - a known agency or outlet as the source: any capitalised place; in title case
//!   (`Washington (CNN)`) only at the start of a paragraph, and never mid-paragraph;
//! - otherwise (a dash alone, an unknown source): the place is in `data/places.txt`, or a
//!   region from `data/regions.txt` or a date follows it. So an all-caps kicker
//!   (`CEASEFIRE CRUMBLES —`) is not a dateline, nor is a bracket in a photo credit.

use newsproc_layers::source::{Boilerplate, Dateline};
use newsproc_sdk::Span;

use crate::lexicons::{Lexicons, NameKind};
use crate::util::{
    char_at, char_before, dash_run, floor_char, is_caps_word, is_dash, is_space, skip_spaces,
    skip_spaces_back, starts_upper, words,
};

/// Datelines that start a paragraph are looked for in the paragraphs that start within
/// this many bytes of the text's start.
const LEAD_WINDOW: usize = 2500;
/// Datelines inside a paragraph (after a headline in copy without line breaks) within
/// this many bytes.
const INLINE_WINDOW: usize = 1500;
/// The longest head (place, region, date) read back from a source.
const MAX_HEAD: usize = 90;

/// Month names and their abbreviations, as datelines write them (`Dec. 5`, `March 3`).
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Lowercase words that may stand inside a place name (`Rio de Janeiro`, `KING OF PRUSSIA`
/// is all caps anyway).
const PARTICLES: &[&str] = &[
    "de", "del", "da", "das", "do", "dos", "di", "du", "la", "le", "les", "al", "el", "of", "on",
    "upon", "am", "an", "der", "sur", "es", "ez", "au", "y",
];

/// A dateline found, with what the stage needs beside the layer's fields.
#[derive(Debug, Clone)]
pub struct Found {
    pub dateline: Dateline,
    /// Where the source (agency or outlet) is named in the dateline.
    pub agency_span: Option<Span>,
    /// Whether that source is an agency or an outlet; `None` when unknown or absent.
    pub source_kind: Option<NameKind>,
}

/// A parsed head: `WASHINGTON, Dec. 5`, `HAYWARD, Calif.`.
#[derive(Debug, Clone, PartialEq)]
struct Head {
    span: Span,
    place: Span,
    region: Option<Span>,
    date: Option<Span>,
    /// Every word of the place is in capitals.
    caps: bool,
}

pub fn detect(
    text: &str,
    paragraphs: &[Span],
    boilerplate: &[Boilerplate],
    lex: &Lexicons,
) -> Option<Found> {
    let lead_limit = floor_char(text, LEAD_WINDOW);
    let inline_limit = floor_char(text, INLINE_WINDOW);
    for (i, &p) in paragraphs.iter().enumerate() {
        if p.start >= lead_limit {
            break;
        }
        let Some(lead) = lead_start(text, p, boilerplate) else {
            continue;
        };
        // Inside the paragraph (after a headline) only in the first paragraph or in copy
        // without line breaks; elsewhere the dateline must open the paragraph.
        let inline = i == 0 || crate::credits::is_run_on(text, p);
        let near = floor_char(text, lead + 2 * MAX_HEAD);
        let limit = if inline { near.max(inline_limit) } else { near }.min(p.end);
        let ctx = Ctx {
            text,
            p,
            lead,
            inline,
            first: i == 0,
            lex,
        };
        if let Some(found) = ctx.first(limit, boilerplate) {
            return Some(found);
        }
    }
    None
}

/// The paragraph being read.
struct Ctx<'a> {
    text: &'a str,
    p: Span,
    /// Where its article text starts (after a byline or correction note).
    lead: usize,
    /// Whether a dateline may stand inside it, after a headline.
    inline: bool,
    /// Whether it is the text's first paragraph.
    first: bool,
    lex: &'a Lexicons,
}

/// Where the article's words start in paragraph `p`: after the boilerplate (a byline, a
/// correction note) that opens it. `None` when boilerplate covers the paragraph.
fn lead_start(text: &str, p: Span, boilerplate: &[Boilerplate]) -> Option<usize> {
    let mut at = p.start;
    loop {
        let covering = boilerplate
            .iter()
            .find(|b| b.span.start <= at && at < b.span.end);
        match covering {
            Some(b) if b.span.end >= p.end => return None,
            Some(b) => at = skip_spaces(text, b.span.end),
            None => return Some(at),
        }
    }
}

fn in_boilerplate(boilerplate: &[Boilerplate], at: usize) -> bool {
    boilerplate
        .iter()
        .any(|b| b.span.start <= at && at < b.span.end)
}

impl Ctx<'_> {
    /// The first dateline, looking at sources up to `limit`.
    fn first(&self, limit: usize, boilerplate: &[Boilerplate]) -> Option<Found> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Sources in brackets or slashes, in text order; a dash dateline at the lead
        // comes before them all.
        if let Some(d) = dash_dateline(text, self.p, self.lead, self.lex) {
            return Some(d);
        }
        let window = bytes.get(self.lead..limit)?;
        memchr::memchr3_iter(b'(', b'/', b'-', window)
            .map(|k| self.lead + k)
            .filter(|&at| !in_boilerplate(boilerplate, at))
            .find_map(|at| match bytes[at] {
                b'(' => self.bracketed(at),
                b'/' => self.slashed(at),
                _ => self.glued(at),
            })
    }
}

/// What the words after a dateline must look like: the article's first word.
fn body_follows(text: &str, at: usize) -> bool {
    match char_at(text, skip_spaces(text, at)) {
        None => false,
        Some(c) => c.is_uppercase() || c.is_ascii_digit() || crate::util::is_dash(c) || is_quote(c),
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201C}' | '\u{2018}' | '\u{00AB}')
}

impl Ctx<'_> {
    /// `AMMAN (Reuters) -`, `(Reuters) -`, `HAYWARD, Calif. (AP) —`.
    fn bracketed(&self, open: usize) -> Option<Found> {
        let text = self.text;
        let rest = text.get(open + 1..self.p.end)?;
        let close = open + 1 + rest[..floor_char(rest, 40)].find(')')?;
        let content = text[open + 1..close].trim();
        if content.is_empty() {
            return None;
        }
        let source = self.lex.name(content);
        if source.is_none() && !unknown_source_like(content) {
            return None;
        }
        self.source_dateline(open, close + 1, source, Span::new(open + 1, close))
    }

    /// `DONETSK, March 3. /TASS/.`
    fn slashed(&self, open: usize) -> Option<Found> {
        let text = self.text;
        let rest = text.get(open + 1..self.p.end)?;
        let close = open + 1 + rest[..floor_char(rest, 20)].find('/')?;
        let content = &text[open + 1..close];
        if content.is_empty() || content.trim() != content {
            return None;
        }
        let source = self.lex.name(content)?;
        // Before the slash: the head and a space (`DONETSK, March 3. /TASS/`).
        if !char_before(text, open).is_some_and(is_space) {
            return None;
        }
        let mut after = close + 1;
        if text[after..].starts_with('.') {
            after += 1;
        }
        self.source_dateline(open, after, Some(source), Span::new(open + 1, close))
    }

    /// `Aleppo SANA-`: an agency's name with a dash right after it, after a place.
    fn glued(&self, dash: usize) -> Option<Found> {
        let text = self.text;
        let p = self.p;
        // An agency's name in capitals right before the dash (cheap test first).
        if !char_before(text, dash).is_some_and(|c| c.is_ascii_uppercase()) {
            return None;
        }
        // The word before the dash is the source.
        let word_start = text[p.start..dash]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() || c == ',')
            .map_or(p.start, |(k, c)| p.start + k + c.len_utf8());
        if word_start >= dash {
            return None;
        }
        let content = &text[word_start..dash];
        let (canonical, kind) = self.lex.name(content)?;
        if kind != NameKind::Agency || !is_caps_word(content) {
            return None;
        }
        let mut head_end = skip_spaces_back(text, word_start);
        if char_before(text, head_end) == Some(',') {
            head_end -= 1;
        }
        let head = self.head_before(head_end, true)?;
        if !(head.caps || self.lex.places.contains(head.place.of(text))) {
            return None;
        }
        let end = dash_run(text, dash);
        if !body_follows(text, end) {
            return None;
        }
        Some(found(
            text,
            Some(head),
            Span::new(word_start, end),
            Some((canonical, kind)),
            Span::new(word_start, dash),
        ))
    }

    /// A dateline whose source spans `open..after` (its name at `source_span`): the head
    /// before it, the dash after it.
    fn source_dateline(
        &self,
        open: usize,
        after: usize,
        source: Option<(&str, NameKind)>,
        source_span: Span,
    ) -> Option<Found> {
        let text = self.text;
        let d0 = skip_spaces(text, after);
        let d1 = dash_run(text, d0);
        let dashed = d1 > d0;
        let end = if dashed { d1 } else { after };
        if !body_follows(text, end) {
            return None;
        }
        let head_end = skip_spaces_back(text, open);
        let head = if head_end > self.lead {
            self.head_before(head_end, source.is_some())
        } else {
            None
        };
        match &head {
            // `(Reuters) -` at the start of the article, with its dash; without the dash
            // only at the start of the text (`(CBS News) The ...`).
            None if !((dashed || (self.first && open == self.lead))
                && source.is_some()
                && head_end <= self.lead) =>
            {
                return None;
            }
            Some(h) if source.is_none() && !vouched_by_lists(text, h, self.lex) => return None,
            _ => {}
        }
        Some(found(text, head, Span::new(open, end), source, source_span))
    }

    /// The longest head that ends at `end` and starts at a word boundary within
    /// `MAX_HEAD` bytes before it. A head that starts at the lead may be in title case
    /// (`Washington (CNN)`) when a known source or the lists vouch for it; one inside
    /// the paragraph (after a headline) must be in capitals and have a known source.
    fn head_before(&self, end: usize, known_source: bool) -> Option<Head> {
        let text = self.text;
        if end <= self.lead {
            return None;
        }
        let from = floor_char(text, end.saturating_sub(MAX_HEAD)).max(self.lead);
        for w in words(text, Span::new(from, end)) {
            let s = w.start;
            let at_lead = s == self.lead;
            if !(at_lead || (self.inline && s > from)) {
                continue;
            }
            let Some(head) = parse_head(text, Span::new(s, end)) else {
                continue;
            };
            if !at_lead {
                // After a headline: a place in capitals (or one the lists know), a
                // known source, and a space before it.
                if !(known_source
                    && char_before(text, s).is_some_and(char::is_whitespace)
                    && (head.caps || vouched_by_lists(text, &head, self.lex)))
                {
                    continue;
                }
            } else if !(head.caps || known_source || vouched_by_lists(text, &head, self.lex)) {
                continue;
            }
            if head.place.of(text).starts_with("By ") {
                continue;
            }
            return Some(head);
        }
        None
    }
}

/// A source in brackets that no list knows but that looks like one: `(LPC/IFR)`.
fn unknown_source_like(content: &str) -> bool {
    (2..=12).contains(&content.len())
        && content.chars().all(|c| c.is_ascii_uppercase() || c == '/')
        && content.chars().any(|c| c.is_ascii_uppercase())
}

/// The dateline's fields from its parts.
fn found(
    text: &str,
    head: Option<Head>,
    tail: Span,
    source: Option<(&str, NameKind)>,
    source_span: Span,
) -> Found {
    let span = match &head {
        Some(h) => Span::new(h.span.start, tail.end),
        None => tail,
    };
    let field = |s: Option<Span>| {
        s.map(|s| s.of(text).trim_end_matches([',', ' ']).to_owned())
            .filter(|s| !s.is_empty())
    };
    Found {
        dateline: Dateline {
            span,
            place: field(head.as_ref().map(|h| h.place)),
            region: field(head.as_ref().and_then(|h| h.region)),
            date: field(head.as_ref().and_then(|h| h.date))
                .map(|d| d.trim_end_matches('.').to_owned()),
            agency: source.map(|(c, _)| c.to_owned()),
        },
        agency_span: source.map(|_| source_span),
        source_kind: source.map(|(_, k)| k),
    }
}

/// Whether the lists vouch for a head: its places are all known, or a known region or a
/// date follows the place.
fn vouched_by_lists(text: &str, head: &Head, lex: &Lexicons) -> bool {
    if head.date.is_some() {
        return true;
    }
    if let Some(r) = head.region {
        let region = r.of(text);
        // A two-letter postal code must be in capitals (`IN`, not `in`); an abbreviation
        // with its period (`Va.`) is one.
        let code = region.len() <= 2;
        if lex.regions.contains(region) && (!code || is_caps_word(region)) {
            return true;
        }
    }
    head.place
        .of(text)
        .split('/')
        .all(|place| lex.places.contains(place.trim()))
}

/// `BERLIN --`, `PURCELLVILLE, Va. —`, `WASHINGTON—`: a head in capitals at the start of
/// the article and a dash, the lists vouching for the head.
fn dash_dateline(text: &str, p: Span, lead: usize, lex: &Lexicons) -> Option<Found> {
    let limit = floor_char(text, (lead + MAX_HEAD).min(p.end));
    let mut i = lead;
    let dash = loop {
        let c = char_at(text, i)?;
        if i >= limit || matches!(c, '(' | ':' | ';' | '"' | '\u{201C}') {
            return None;
        }
        if is_dash(c) {
            // A hyphen inside a word (`WINSTON-SALEM`) is part of the head.
            let inside = char_before(text, i).is_some_and(char::is_alphanumeric)
                && char_at(text, i + c.len_utf8()).is_some_and(char::is_alphanumeric)
                && c == '-';
            if !inside {
                break i;
            }
        }
        i += c.len_utf8();
    };
    let head_end = skip_spaces_back(text, dash);
    if head_end <= lead {
        return None;
    }
    let head = parse_head(text, Span::new(lead, head_end))?;
    if !head.caps || !vouched_by_lists(text, &head, lex) {
        return None;
    }
    let end = dash_run(text, dash);
    if !body_follows(text, end) {
        return None;
    }
    Some(found(
        text,
        Some(head),
        Span::new(dash, end),
        None,
        Span::new(dash, dash),
    ))
}

/// Parses `PLACE[/PLACE...][, REGION][, DATE]` filling all of `span`.
fn parse_head(text: &str, span: Span) -> Option<Head> {
    let s = span.of(text);
    if s.is_empty() || s.len() > MAX_HEAD {
        return None;
    }
    let segments: Vec<(usize, &str)> = {
        let mut v = Vec::new();
        let mut start = 0;
        for (k, c) in s.char_indices() {
            if c == ',' {
                v.push((start, &s[start..k]));
                start = k + 1;
            }
        }
        v.push((start, &s[start..]));
        v
    };
    if segments.len() > 3 || segments.iter().any(|(_, seg)| seg.trim().is_empty()) {
        return None;
    }
    let abs = |off: usize, seg: &str| {
        let lead_ws = seg.len() - seg.trim_start().len();
        let start = span.start + off + lead_ws;
        Span::new(start, start + seg.trim().len())
    };
    // A region with a second place after a slash (`WEST PALM BEACH, Fla./WASHINGTON`): the
    // whole head is the place list.
    if segments.len() == 2 && segments[1].1.contains('/') {
        let (off, seg) = segments[1];
        let (region, place2) = seg.split_once('/')?;
        if !is_place(place2.trim()).is_some_and(|caps| caps)
            || is_place(segments[0].1.trim()).is_none()
        {
            return None;
        }
        let _ = (off, region);
        let whole = abs(0, s);
        return Some(Head {
            span: whole,
            place: whole,
            region: None,
            date: None,
            caps: true,
        });
    }
    let (p_off, p_seg) = segments[0];
    let mut caps = true;
    for part in p_seg.split('/') {
        caps &= is_place(part.trim())?;
    }
    let place = abs(p_off, p_seg);
    let mut region = None;
    let mut date = None;
    for (k, &(off, seg)) in segments.iter().enumerate().skip(1) {
        let seg_t = seg.trim();
        if is_date(seg_t) {
            if date.is_some() {
                return None;
            }
            date = Some(abs(off, seg));
        } else if k == 1 && is_region(seg_t) {
            region = Some(abs(off, seg));
        } else {
            return None;
        }
    }
    Some(Head {
        span: abs(0, s),
        place,
        region,
        date,
        caps,
    })
}

/// Whether `s` reads as a place: one to four capitalised words (particles allowed inside).
/// `Some(true)` when every word is in capitals.
fn is_place(s: &str) -> Option<bool> {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let mut caps = true;
    for (k, w) in words.iter().enumerate() {
        // A word that ends a sentence is not inside a place (`YPG. MOSCOW`); short
        // abbreviations are (`ST. LOUIS`, `D.C.`).
        if k + 1 < words.len()
            && w.ends_with('.')
            && w.len() > 3
            && w[..w.len() - 1].find('.').is_none()
        {
            return None;
        }
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
        {
            return None;
        }
        if starts_upper(w) {
            caps &= is_caps_word(w);
        } else if k > 0 && k + 1 < words.len() && PARTICLES.contains(w) {
            caps = false;
        } else {
            return None;
        }
    }
    Some(caps)
}

/// `Calif.`, `W. Va.`, `New Zealand`, `FLORIDA`: one to four capitalised words.
fn is_region(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            starts_upper(w)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        })
}

/// A full date before a byte offset: `6 October 2016`, `October 6, 2016`, `Oct. 6 2016`
/// (its last three words).
pub(crate) fn full_date_before(text: &str, end: usize) -> bool {
    let from = floor_char(text, end.saturating_sub(24));
    let mut words = text[from..end].split_whitespace().rev();
    let (Some(year), Some(b), Some(a)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let year_like = year.len() == 4 && year.bytes().all(|c| c.is_ascii_digit());
    let b = b.trim_end_matches(',');
    year_like && (month_and_day(a, b) || month_and_day(b, a))
}

/// `Dec. 5`, `March 3.`, `Dec 5`.
fn is_date(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let (Some(month), Some(day), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    month_and_day(month, day)
}

fn month_and_day(month: &str, day: &str) -> bool {
    let month = month.trim_end_matches('.');
    let day = day.trim_end_matches('.');
    MONTHS.contains(&month)
        && !day.is_empty()
        && day.len() <= 2
        && day.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(s: &str) -> Option<(String, Option<String>, Option<String>, bool)> {
        parse_head(s, Span::new(0, s.len())).map(|h| {
            (
                h.place.of(s).to_owned(),
                h.region.map(|r| r.of(s).to_owned()),
                h.date.map(|d| d.of(s).to_owned()),
                h.caps,
            )
        })
    }

    #[test]
    fn heads() {
        assert_eq!(
            head("HAYWARD, Calif."),
            Some(("HAYWARD".into(), Some("Calif.".into()), None, true))
        );
        assert_eq!(
            head("WASHINGTON, Dec. 5"),
            Some(("WASHINGTON".into(), None, Some("Dec. 5".into()), true))
        );
        assert_eq!(
            head("WASHINGTON/PHNOM PENH"),
            Some(("WASHINGTON/PHNOM PENH".into(), None, None, true))
        );
        assert_eq!(
            head("Washington"),
            Some(("Washington".into(), None, None, false))
        );
        assert_eq!(
            head("Rio de Janeiro"),
            Some(("Rio de Janeiro".into(), None, None, false))
        );
        assert_eq!(head("the village"), None);
        assert_eq!(head("ONE TWO THREE FOUR FIVE"), None);
        assert_eq!(head("A, B, C, D"), None);
    }

    #[test]
    fn full_dates() {
        for t in ["6 October 2016 ", "Oct. 6, 2016 ", "Sat 24 Aug 2013 "] {
            assert!(full_date_before(t, t.len() - 1), "{t}");
        }
        assert!(full_date_before("on 6 October 2016", 17));
        assert!(!full_date_before("in March 2016", 13));
        assert!(!full_date_before("2016", 4));
    }

    #[test]
    fn dates() {
        assert!(is_date("Dec. 5"));
        assert!(is_date("March 3."));
        assert!(!is_date("Marching 3"));
        assert!(!is_date("Dec. 2019"));
    }
}
