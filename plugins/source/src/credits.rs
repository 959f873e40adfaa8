//! Credit lines: who wrote, reported, edited and contributed, and which agencies supplied
//! the copy.
//!
//! - bylines at the top: `By Maria Okafor`, or a line of names over a masthead line
//!   (`Richard Wolf` / `USA TODAY`);
//! - desk credits: `Reporting by A in X and B in Y; Additional reporting by C; Editing by
//!   D`, with or without parentheses, also run into the last paragraph of copy that lost
//!   its line breaks;
//! - contributions: `The Associated Press contributed to this report.`, `CNN's Priya
//!   Raman contributed to this report.`, `Contributing: David Jackson`;
//! - agency sign-offs at the very end: `--AFP`, `- REUTERS`, `(AFP)`;
//! - source lines: `Source: AFP`, `(Source: Syrian Coalition)`, `(With AFP and Reuters)`;
//! - reporter initials under state-media copy: `R. Haidar / M. Nassar`;
//! - contact lines: `Write to Jane Roe at jane.roe@example.com`, `Jane Roe can be reached
//!   at ...` (the address's domain often names the outlet);
//! - an author's note at the end: `Maria Okafor is The Daily Meridian's Africa
//!   correspondent, based in Nairobi.` (the line must start with the name and name a
//!   journalist's role from `data/descriptions.txt`).
//!
//! Each credit line is also trailer (or, for a byline, header) boilerplate.

use newsproc_layers::source::{
    AgencyEvidence, AgencyEvidenceKind, Boilerplate, BoilerplateKind, Credit, CreditRole,
};
use newsproc_sdk::Span;

use crate::lexicons::{CreditMatch, CreditPhrase, Cue, Lexicons, NameKind, NameMention};
use crate::util::{
    char_before, is_dash, is_space, skip_spaces, skip_spaces_back, starts_upper, words,
};

/// What the credit lines say.
#[derive(Debug, Default)]
pub struct Found {
    pub credits: Vec<Credit>,
    /// Agencies named by credits, sign-offs and source lines.
    pub agencies: Vec<AgencyEvidence>,
    /// The credit lines as boilerplate (trailer, or header for a byline).
    pub boilerplate: Vec<Boilerplate>,
    /// The desk's signature under the copy (`R. Haidar / M. Nassar`): the staff who
    /// wrote and edited it. A republisher drops it, so signed copy is the house's own.
    pub signature: Option<Span>,
}

/// How many bytes of a paragraph that is most of the text (copy without line breaks) are
/// searched from its end for credit lines run into it.
const TAIL_WINDOW: usize = 700;
/// How far from the end of copy without line breaks a source line may stand (chrome may
/// follow it).
const SOURCE_WINDOW: usize = 1500;
/// The longest paragraph that can be a credit line on its own.
const MAX_CREDIT_LINE: usize = 400;
/// The longest desk signature run into the last sentence.
const MAX_SIGNATURE: usize = 60;

/// Whether paragraph `p` is nearly all the text: copy that lost its line breaks, where
/// credits and chrome are runs inside the one paragraph.
pub fn is_run_on(text: &str, p: Span) -> bool {
    p.len() > 600 && p.len() * 5 > text.len() * 4
}

pub fn detect(
    text: &str,
    paragraphs: &[Span],
    names: &[NameMention],
    cues: &[Cue],
    phrases: &[CreditMatch],
    lex: &Lexicons,
) -> Found {
    let mut found = Found::default();
    let ctx = Ctx {
        text,
        names,
        cues,
        phrases,
    };
    let n = paragraphs.len();
    for (i, &p) in paragraphs.iter().enumerate() {
        let run_on = is_run_on(text, p);
        if i < 3 {
            byline(text, p, run_on, &mut found);
        }
        if i + 1 < n && i < 4 && is_masthead(text, paragraphs[i + 1], names) {
            names_over_masthead(text, p, &mut found);
        }
        if run_on {
            let from = p.end.saturating_sub(TAIL_WINDOW).max(p.start);
            let window = Span::new(crate::util::floor_char(text, from), p.end);
            ctx.desk_credits(window, true, &mut found);
            source_lines(text, p, names, ctx.phrases_in(p), cues, &mut found);
        } else if p.len() <= MAX_CREDIT_LINE {
            ctx.desk_credits(p, false, &mut found);
            ctx.contributed(p, &mut found);
            contact_lines(text, p, &mut found);
            source_lines(text, p, names, ctx.phrases_in(p), cues, &mut found);
            if i + 2 >= n {
                initials_line(text, p, &mut found);
                author_note(text, p, lex, BoilerplateKind::Trailer, &mut found);
            } else if i < 2 {
                author_note(text, p, lex, BoilerplateKind::Header, &mut found);
            }
        }
        if i + 1 == n {
            sign_off(text, p, names, &mut found);
            if found.signature.is_none() {
                run_in_signature(text, p, names, &mut found);
            }
        }
    }
    found.credits.sort_by_key(|c| c.span.start);
    found.agencies.sort_by_key(|a| a.span.start);
    found.boilerplate.sort_by_key(|b| b.span.start);
    found
}

/// Whether a paragraph is nothing but an outlet's or agency's name (`USA TODAY`).
pub fn is_masthead(text: &str, p: Span, names: &[NameMention]) -> bool {
    let t = newsproc_text::trim_span(text, p);
    crate::boilerplate::names_within(names, t)
        .iter()
        .any(|m| m.span == t)
}

fn push_credit(
    found: &mut Found,
    span: Span,
    role: CreditRole,
    names: Vec<String>,
    agency: Option<String>,
) {
    if names.is_empty() && agency.is_none() {
        return;
    }
    found.credits.push(Credit {
        span,
        role,
        names,
        agency,
    });
}

fn push_boilerplate(found: &mut Found, span: Span, kind: BoilerplateKind) {
    if !span.is_empty() {
        found.boilerplate.push(Boilerplate { span, kind });
    }
}

/// `By Maria Okafor`, `By Jonathan Spicer and Rob Cox` at the top of the text (in a
/// run-on paragraph, up to the dateline that follows).
fn byline(text: &str, p: Span, run_on: bool, found: &mut Found) {
    let mut start = p.start;
    // A correction note in brackets may come first in run-on copy.
    if run_on && text[p.range()].starts_with('(') {
        if let Some(close) = closing_bracket(text, p.start, p.start + 400) {
            start = skip_spaces(text, close);
        }
    }
    let Some(rest) = text.get(start..p.end) else {
        return;
    };
    if !(rest.starts_with("By ") || rest.starts_with("BY ")) {
        return;
    }
    let names_start = start + 3;
    // The names: capitalised words, `and`, commas. They end at a bracket, a dash or a
    // word in capitals (the dateline that follows: `By Jane Roe (Reuters) -`), or at the
    // first other word; a short line of its own is the byline whole (`By Jane Roe, The
    // Example | Updated 5 p.m.`).
    let mut end = names_start;
    let mut count = 0;
    let mut dateline_follows = false;
    let mut other_word = false;
    for w in words(text, Span::new(names_start, p.end)) {
        let word = w.of(text).trim_end_matches(',');
        let dateline_like = word.starts_with('(')
            || word.chars().all(crate::util::is_dash)
            || (crate::util::is_caps_word(word) && word.len() > 2);
        if dateline_like {
            dateline_follows = true;
            break;
        }
        if starts_upper(word) || word == "and" || word == "&" {
            end = w.end;
            count += usize::from(starts_upper(word));
            if count > 8 {
                return;
            }
        } else {
            other_word = true;
            break;
        }
    }
    if count == 0 {
        return;
    }
    if !dateline_follows && !run_on {
        if p.len() > 120 {
            return;
        }
        if other_word {
            end = p.end;
        }
    }
    let span = Span::new(start, end.max(names_start));
    let people = split_names(text, Span::new(names_start, span.end));
    push_credit(found, span, CreditRole::Byline, people, None);
    push_boilerplate(found, span, BoilerplateKind::Header);
}

/// A line of names right above a masthead line: `Richard Wolf and Gregory Korte` over
/// `USA TODAY`.
fn names_over_masthead(text: &str, p: Span, found: &mut Found) {
    if p.len() > 100 {
        return;
    }
    let mut count = 0;
    for w in words(text, p) {
        let word = w.of(text).trim_end_matches(',');
        if starts_upper(word) {
            count += 1;
        } else if word != "and" && word != "&" {
            return;
        }
    }
    if (2..=12).contains(&count) {
        let people = split_names(text, p);
        push_credit(found, p, CreditRole::Byline, people, None);
        push_boilerplate(found, p, BoilerplateKind::Header);
    }
}

/// The people in a list of names: split at commas, semicolons, `and`, `&`, with `in
/// Place` and `of Outlet` dropped (`Sokha Vannak in Phnom Penh`).
fn split_names(text: &str, span: Span) -> Vec<String> {
    split_people(text, span, &[])
}

/// Like [`split_names`], with the employers (outlet and agency names) taken off the
/// front of each name: `Associated Press writer Kevin Ostrander`, `CNN's Priya Raman`.
fn split_people(text: &str, span: Span, employers: &[&str]) -> Vec<String> {
    const ROLES: &[&str] = &[
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
    ];
    let Some(s) = text.get(span.range()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for part in s.split([',', ';', '&', '/']) {
        for piece in part.split(" and ") {
            let mut name = piece.trim();
            for cut in [" in ", " from ", " of ", " at "] {
                if let Some(k) = name.find(cut) {
                    name = &name[..k];
                }
            }
            for e in employers {
                let bare = name.trim_start_matches("the ").trim_start_matches("The ");
                let e = e.trim_start_matches("The ");
                if let Some(rest) = bare.strip_prefix(e) {
                    let rest = ["'s ", "\u{2019}s ", "' ", "\u{2019} ", " "]
                        .iter()
                        .find_map(|p| rest.strip_prefix(p))
                        .unwrap_or(rest);
                    let rest = rest.trim_start();
                    name = ROLES
                        .iter()
                        .find_map(|r| rest.strip_prefix(r))
                        .unwrap_or(rest)
                        .trim_start();
                }
            }
            // An employer no list knows, in the possessive: `Example News' Jane Roe`.
            if let Some(k) = ["'s ", "\u{2019}s ", "' ", "\u{2019} "]
                .iter()
                .filter_map(|p| name.rfind(p).map(|k| k + p.len()))
                .max()
            {
                name = &name[k..];
            }
            let name = name.trim().trim_end_matches(['.', ')']).trim();
            let words: Vec<&str> = name.split_whitespace().collect();
            if (1..=5).contains(&words.len()) && words.iter().all(|w| starts_upper(w)) {
                out.push(words.join(" "));
            }
        }
    }
    out
}

/// The end of the bracketed group opening at `open` (one or two `(`), if it closes
/// before `limit`.
fn closing_bracket(text: &str, open: usize, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let limit = limit.min(bytes.len());
    let mut i = open;
    while i < limit {
        match bytes[i] {
            b'(' => depth += 1,
            b')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            b'\n' => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// What the credit readers look at.
struct Ctx<'a> {
    text: &'a str,
    names: &'a [NameMention<'a>],
    cues: &'a [Cue],
    phrases: &'a [CreditMatch],
}

impl Ctx<'_> {
    /// The credit phrases inside `span`.
    fn phrases_in(&self, span: Span) -> &[CreditMatch] {
        let from = self.phrases.partition_point(|m| m.span.start < span.start);
        let to = self.phrases.partition_point(|m| m.span.start < span.end);
        &self.phrases[from..to.max(from)]
    }

    /// The first desk-credit phrase in `span` at or after byte `from` (an offset in the
    /// text): where it starts, where it ends, its role.
    fn next_role(&self, span: Span, from: usize) -> Option<(usize, usize, CreditRole)> {
        self.phrases_in(span)
            .iter()
            .filter(|m| m.span.start >= from && m.span.end <= span.end)
            .find_map(|m| match m.phrase {
                CreditPhrase::Desk(role) => Some((m.span.start, m.span.end, role)),
                _ => None,
            })
    }
    /// `Reporting by ...; Additional reporting by ...; Editing by ...` in `span`: a line of
    /// its own (`in_tail` false: the line must start with it, a bracket aside), or run into
    /// the end of a paragraph (`in_tail`: from its first role phrase to the end of the
    /// credits).
    fn desk_credits(&self, span: Span, in_tail: bool, found: &mut Found) {
        let text = self.text;
        let Some((first, _, _)) = self.next_role(span, span.start) else {
            return;
        };
        let lead = text[span.start..first].trim_end();
        let bracketed = lead.ends_with('(');
        // A dash may open the line (`— Additional reporting by ...`).
        let dashed = !lead.is_empty() && lead.chars().all(crate::util::is_dash);
        if !(in_tail || lead.is_empty() || lead == "(" || dashed) {
            return;
        }
        if in_tail {
            // Run into the text: the phrase must start a sentence or a bracket.
            let before = lead.chars().next_back();
            if !matches!(
                before,
                None | Some('.' | '(' | ')' | '"' | '\u{201D}' | '-' | '\u{2014}')
            ) {
                return;
            }
        }
        let open = if bracketed {
            span.start + lead.rfind('(').unwrap_or(first - span.start)
        } else {
            first
        };
        let credits_before = found.credits.len();
        let mut pos = first;
        let mut line_end = span.end;
        let mut last_role_end = first;
        while let Some((at, after, role)) = self.next_role(span, pos) {
            if at != pos {
                break;
            }
            // The names run to the next role phrase, a `;`, a `)`, a `:`, the end, or
            // other boilerplate run into the same paragraph (`Our Standards: ...`).
            let rest = &text[after..span.end];
            let next_role = self.next_role(span, after).map_or(span.end, |(k, _, _)| k);
            let next_cue = self.cues.partition_point(|c| c.span.start <= after);
            let cue_at = self
                .cues
                .get(next_cue)
                .map_or(span.end, |c| c.span.start.min(span.end));
            let stop = (after + rest.find([';', ')', ':', '\n']).unwrap_or(rest.len()))
                .min(next_role)
                .min(cue_at);
            let names_span = Span::new(after, stop);
            let people = split_names(text, names_span);
            let agency = agency_in(self.names, names_span);
            push_credit(
                found,
                Span::new(at, stop),
                role,
                people,
                agency.as_ref().map(|(name, _)| name.clone()),
            );
            if let Some((name, at)) = agency {
                found.agencies.push(AgencyEvidence {
                    agency: name,
                    span: at,
                    how: AgencyEvidenceKind::Credit,
                });
            }
            last_role_end = stop;
            // Skip the separator.
            pos = stop;
            while let Some(c) = text[pos..span.end].chars().next() {
                if c == ';' || c == ')' || is_space(c) {
                    pos += c.len_utf8();
                } else {
                    break;
                }
            }
            if pos >= span.end {
                break;
            }
            if self.next_role(span, pos).is_none_or(|(k, _, _)| k != pos) {
                line_end = pos;
                break;
            }
        }
        if found.credits.len() == credits_before {
            // No names followed the role phrase (`Reporting by NBC further uncovered ...`).
            return;
        }
        let mut end = last_role_end;
        if bracketed && text[end..].starts_with(')') {
            end += 1;
        }
        if !in_tail {
            end = end.max(line_end.min(span.end));
        }
        push_boilerplate(
            found,
            newsproc_text::trim_whitespace(text, Span::new(open, end)),
            BoilerplateKind::Trailer,
        );
    }

    /// `The Associated Press contributed to this report.`, `Contributing: David Jackson`.
    fn contributed(&self, p: Span, found: &mut Found) {
        let text = self.text;
        let Some(m) = self.phrases_in(p).iter().find(|m| {
            m.phrase == CreditPhrase::ContributedAfter
                || (m.phrase == CreditPhrase::ContributedBefore && m.span.start == p.start)
        }) else {
            return;
        };
        let (names_span, line) = if m.phrase == CreditPhrase::ContributedAfter {
            // The contributors: from the start of the sentence to the verb.
            let sentence_start = sentence_start(text, p.start, m.span.start);
            // Past a bullet or dash before the names (`• Jane Roe contributed`).
            let sentence_start = sentence_start
                + text[sentence_start..m.span.start]
                    .find(|c: char| c.is_alphanumeric())
                    .unwrap_or(0);
            (
                Span::new(sentence_start, m.span.start),
                Span::new(sentence_start, p.end),
            )
        } else {
            (Span::new(m.span.end, p.end), p)
        };
        contribution(text, self.names, names_span, line, found);
    }
}

/// Where the sentence that holds `to` starts, no earlier than `from`: after the last `. `
/// that does not end an initial or a name's suffix (`M.J. Lee`, `John Doe Jr. and Ann
/// Lee contributed`).
fn sentence_start(text: &str, from: usize, to: usize) -> usize {
    let mut end = to;
    while let Some(d) = text[from..end].rfind(". ") {
        let stop = from + d;
        let word = text[from..stop].rsplit(' ').next().unwrap_or("");
        let initial = !word.is_empty()
            && word.len() <= 4
            && word.chars().all(|c| c.is_uppercase() || c == '.');
        if !(initial || matches!(word, "Jr" | "Sr")) {
            return stop + 2;
        }
        end = stop;
    }
    from
}

/// The first agency named inside `span`, with where.
fn agency_in(names: &[NameMention], span: Span) -> Option<(String, Span)> {
    agencies_in(names, span)
        .next()
        .map(|m| (m.canonical.to_owned(), m.span))
}

/// Every agency named inside `span`.
fn agencies_in<'a>(
    names: &'a [NameMention],
    span: Span,
) -> impl Iterator<Item = &'a NameMention<'a>> + 'a {
    crate::boilerplate::names_within(names, span)
        .iter()
        .filter(|m| m.kind == NameKind::Agency)
}

/// The contributors named in `names_span` of the credit line `line`.
fn contribution(
    text: &str,
    names: &[NameMention],
    names_span: Span,
    line: Span,
    found: &mut Found,
) {
    let mut agency = None;
    for m in agencies_in(names, names_span) {
        found.agencies.push(AgencyEvidence {
            agency: m.canonical.to_owned(),
            span: m.span,
            how: AgencyEvidenceKind::Credit,
        });
        agency.get_or_insert_with(|| m.canonical.to_owned());
    }
    // The people, without their employers; `Agencies contributed` names no one.
    let employers: Vec<&str> = crate::boilerplate::names_within(names, names_span)
        .iter()
        .map(|m| m.span.of(text))
        .collect();
    let mut people = split_people(text, names_span, &employers);
    people.retain(|name| !name.eq_ignore_ascii_case("agencies"));
    push_credit(found, line, CreditRole::Contributed, people, agency);
    push_boilerplate(found, line, BoilerplateKind::Trailer);
}

/// `Source: AFP`, `Source AFP`, `(Source: Syrian Coalition)`, `Source TRTWorld and
/// agencies`, `(With AFP and Reuters)`: the outlet names what it drew on. Only the
/// agencies named count as wire agencies; a photo credit (`Source: AFP via Getty Images`)
/// is not a source line.
fn source_lines(
    text: &str,
    p: Span,
    names: &[NameMention],
    phrases: &[CreditMatch],
    cues: &[Cue],
    found: &mut Found,
) {
    let s = &text[p.range()];
    let run_on = is_run_on(text, p);
    for phrase in phrases.iter().filter(|m| m.phrase == CreditPhrase::Source) {
        let lead = phrase.span.of(text);
        let at = phrase.span.start - p.start;
        {
            // Capitalised, at the start of the line or of a sentence; in run-on copy, in
            // its last part.
            let before = s[..at].trim_end().chars().next_back();
            let starts =
                at == 0 || matches!(before, Some('.' | '"' | '\u{201D}' | ')' | '!' | '?'));
            let bracketed = lead.starts_with('(');
            if !lead.trim_start_matches('(').starts_with(char::is_uppercase)
                || !starts
                || (run_on && at + SOURCE_WINDOW < s.len())
                || (!run_on && at > 0 && !bracketed)
            {
                continue;
            }
            // The names: agencies, outlets, `and`, `agencies`, up to a bracket or the
            // end of the list.
            let list_start = p.start + at + lead.len();
            let mut end = list_start;
            let mut agencies = Vec::new();
            let mut any = false;
            let mut m = names.partition_point(|m| m.span.start < list_start);
            let mut pos = skip_spaces(text, list_start);
            loop {
                if let Some(nm) = names.get(m).filter(|nm| nm.span.start == pos) {
                    any = true;
                    if nm.kind == NameKind::Agency {
                        agencies.push(*nm);
                    }
                    end = nm.span.end;
                    pos = skip_spaces(text, end);
                    m += 1;
                    continue;
                }
                let rest = text.get(pos..p.end).unwrap_or("");
                let joiner = ["and ", "And ", "agencies", "Agencies", ", ", "+ "]
                    .iter()
                    .find(|j| rest.starts_with(**j));
                match joiner {
                    Some(j) if any => {
                        if j.starts_with("agencies") || j.starts_with("Agencies") {
                            end = pos + j.len();
                        }
                        pos = skip_spaces(text, pos + j.len());
                    }
                    _ => break,
                }
            }
            if !any {
                continue;
            }
            let after = text.get(end..p.end).unwrap_or("");
            // Not a photo credit (`Source: AFP via Getty Images`), nor a longer name
            // (`Source: Reuters Institute for ...`), unless chrome follows (`Source AFP
            // Related News ...`).
            let next = after.trim_start();
            let next_at = p.start + (p.len() - next.len()).min(p.len());
            let chrome_next = cues.iter().any(|c| c.span.start == next_at);
            if next.starts_with("via")
                || after.starts_with('/')
                || (after.starts_with(' ') && next.starts_with(char::is_uppercase) && !chrome_next)
            {
                continue;
            }
            let close = if lead.starts_with('(') {
                if !after.starts_with(')') {
                    continue;
                }
                end + 1
            } else {
                end
            };
            let span = Span::new(p.start + at, close);
            for a in &agencies {
                found.agencies.push(AgencyEvidence {
                    agency: a.canonical.to_owned(),
                    span: a.span,
                    how: AgencyEvidenceKind::Source,
                });
            }
            if let Some(first) = agencies.first() {
                push_credit(
                    found,
                    span,
                    CreditRole::Contributed,
                    Vec::new(),
                    Some(first.canonical.to_owned()),
                );
            }
            push_boilerplate(found, span, BoilerplateKind::Trailer);
        }
    }
}

/// Reporter initials under state-media copy: `R. Haidar / M. Nassar`.
fn initials_line(text: &str, p: Span, found: &mut Found) {
    let s = &text[p.range()];
    if s.len() > 60 || !s.contains('/') {
        return;
    }
    let parts: Vec<&str> = s.split('/').map(str::trim).collect();
    let is_initialled = |part: &&str| {
        let mut w = part.split_whitespace();
        let first = w.next().unwrap_or("");
        let rest: Vec<&str> = w.collect();
        first.len() <= 3
            && first.ends_with('.')
            && starts_upper(first)
            && !rest.is_empty()
            && rest.len() <= 3
            && rest.iter().all(|x| starts_upper(x))
    };
    if parts.len() >= 2 && parts.iter().all(is_initialled) {
        let people = parts.iter().map(|x| x.to_string()).collect();
        push_credit(found, p, CreditRole::Reporting, people, None);
        push_boilerplate(found, p, BoilerplateKind::Trailer);
        found.signature = Some(p);
    }
}

/// A desk signature run into the end of the last paragraph, after its last sentence, in
/// copy that lost its line breaks: `... in the city. Jane Roe / R. Haddad/M. Saleh`.
/// Staff names (or initials) separated by slashes, and nothing else: no agency or outlet
/// (`Reuters/Ipsos`), no lowercase word but a name particle (`al-Saleh`).
fn run_in_signature(text: &str, p: Span, names: &[NameMention], found: &mut Found) {
    let end = skip_spaces_back(text, p.end);
    let from = crate::util::floor_char(text, end.saturating_sub(MAX_SIGNATURE + 2).max(p.start));
    let Some(start) = last_sentence_end(&text[from..end]).map(|k| from + k) else {
        return;
    };
    let start = skip_spaces(text, start);
    let span = Span::new(start, end);
    let s = span.of(text);
    if start >= end || !s.contains('/') || names.iter().any(|m| m.span.overlaps(span)) {
        return;
    }
    let parts: Vec<&str> = s.split('/').map(str::trim).collect();
    if parts.iter().all(|part| is_signed_name(part)) {
        let people = parts.iter().map(|x| x.to_string()).collect();
        push_credit(found, span, CreditRole::Reporting, people, None);
        push_boilerplate(found, span, BoilerplateKind::Trailer);
        found.signature = Some(span);
    }
}

/// The offset just after the last full stop (or `!`, `?`) in `s` that ends a sentence: it
/// follows a word of two letters or more with a lowercase letter or a digit (`the city.`,
/// `in 2016.`), not an initial (`R. Haddad`, `H.Said`), and a space follows it.
fn last_sentence_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len()).rev().find_map(|k| {
        if !matches!(b[k], b'.' | b'!' | b'?') || b.get(k + 1) != Some(&b' ') {
            return None;
        }
        let word: Vec<char> = s[..k]
            .trim_end_matches(' ')
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        let ends_sentence =
            word.len() >= 2 && word.iter().any(|c| c.is_lowercase() || c.is_ascii_digit());
        ends_sentence.then_some(k + 1)
    })
}

/// One name of a desk signature: one to four words, each capitalised (`Haddad`, `R.`,
/// `H.Said`) or a lowercase particle joined by a hyphen to a capitalised name
/// (`al-Saleh`).
fn is_signed_name(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            let name = match w.split_once('-') {
                Some((particle, rest)) if particle.chars().all(|c| c.is_lowercase()) => rest,
                _ => w,
            };
            starts_upper(name)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
        })
}

/// An author's note at the end (or the top): a line that starts with a person's name, then `is` or
/// `was`, and names a journalist's role: `Maria Okafor is The Daily Meridian's Africa
/// correspondent.`
fn author_note(text: &str, p: Span, lex: &Lexicons, kind: BoilerplateKind, found: &mut Found) {
    let s = &text[p.range()];
    if s.len() > 350 {
        return;
    }
    let lead = s.trim_start_matches(|c: char| is_dash(c) || c == '*' || is_space(c));
    let offset = s.len() - lead.len();
    let mut name_words = 0;
    let mut name_end = 0;
    for w in lead.split(' ') {
        if w == "is" || w == "was" {
            break;
        }
        if !starts_upper(w) || name_words >= 4 {
            return;
        }
        name_words += 1;
        name_end += w.len() + 1;
    }
    if name_words < 2 || name_end >= lead.len() {
        return;
    }
    let first_sentence_end = lead.find(". ").map_or(lead.len(), |k| k + 1);
    let sentence = Span::new(p.start + offset, p.start + offset + first_sentence_end);
    if !lex.has_author_role(text, sentence) {
        return;
    }
    let name = lead[..name_end].trim().to_owned();
    push_credit(found, p, CreditRole::Byline, vec![name], None);
    push_boilerplate(found, p, kind);
}

/// Sentences that tell readers how to reach a journalist by email: `Write to Jane Roe at
/// jane.roe@example.com`, `Email John Doe at ...`, `Jane Roe can be reached at ...`. Each
/// is a credit of the people it names (the address's domain is often the outlet's).
fn contact_lines(text: &str, p: Span, found: &mut Found) {
    const MAX_CONTACT_LINE: usize = 300;
    const BEFORE: &[&str] = &["Write to ", "Email ", "E-mail ", "Contact ", "Reach "];
    const AFTER: &[&str] = &[" can be reached at ", " can be reached via email at "];
    let s = &text[p.range()];
    if s.len() > MAX_CONTACT_LINE || !s.contains('@') {
        return;
    }
    let mut start = 0;
    while start < s.len() {
        let lead = s[start..].trim_start_matches(|c: char| is_dash(c) || c == '*' || is_space(c));
        let at = s.len() - lead.len();
        // The sentence: up to the first `. ` after the address, or the end.
        let Some(email) = lead.find('@') else {
            return;
        };
        let end = lead[email..]
            .find(". ")
            .map_or(lead.len(), |k| email + k + 1);
        let sentence = &lead[..end];
        // The names, as offsets into `sentence`: `Write to A at a@x and B at b@x`, or
        // `A can be reached at a@x`.
        let mut names: Vec<(usize, usize)> = Vec::new();
        // After the name, a whole name is wanted (`She can be reached at` names no one).
        let mut least_words = 1;
        if let Some(rest) = BEFORE.iter().find_map(|b| sentence.strip_prefix(b)) {
            let mut from = sentence.len() - rest.len();
            while let Some(k) = sentence[from..].find(" at ") {
                names.push((from, from + k));
                // Past the address, to `and` or a comma and the next name.
                let after = from + k + 4;
                let address_end = sentence[after..]
                    .find([' ', ','])
                    .map_or(sentence.len(), |e| after + e);
                let next = sentence[address_end..]
                    .trim_start_matches([',', ' '])
                    .strip_prefix("and ");
                match next {
                    Some(next) => from = sentence.len() - next.len(),
                    None => break,
                }
            }
        } else if let Some(k) = AFTER.iter().find_map(|a| sentence.find(a)) {
            names.push((0, k));
            least_words = 2;
        }
        // Each name: capitalised words (`and` between two names).
        let spans: Vec<Span> = names
            .iter()
            .map(|&(a, b)| Span::new(p.start + at + a, p.start + at + b))
            .filter(|&span| {
                let count = words(text, span).count();
                (least_words..=8).contains(&count)
                    && words(text, span).all(|w| {
                        let w = w.of(text);
                        starts_upper(w) || w == "and"
                    })
            })
            .collect();
        if !names.is_empty() && spans.len() == names.len() {
            let people = spans
                .iter()
                .flat_map(|&span| split_names(text, span))
                .collect();
            let line = Span::new(p.start + at, p.start + at + end);
            push_credit(found, line, CreditRole::Contact, people, None);
            push_boilerplate(found, line, BoilerplateKind::Trailer);
        }
        start = at + end;
    }
}

/// An agency's sign-off at the very end of the text: `--AFP`, `- REUTERS`, `(AFP)`.
fn sign_off(text: &str, p: Span, names: &[NameMention], found: &mut Found) {
    let end = skip_spaces_back(text, p.end);
    let end_trim = text[p.start..end].trim_end_matches(['.', ' ']).len() + p.start;
    let Some(m) = names
        .iter()
        .rev()
        .find(|m| m.span.end <= end_trim && m.span.start >= p.start)
        .filter(|m| m.kind == NameKind::Agency)
    else {
        return;
    };
    let bracketed =
        text[m.span.end..end_trim].starts_with(')') && char_before(text, m.span.start) == Some('(');
    let tail_ok = m.span.end == end_trim || (bracketed && m.span.end + 1 == end_trim);
    if !tail_ok {
        return;
    }
    let start = if bracketed {
        m.span.start - 1
    } else {
        // Back over spaces and the dash run.
        let before = skip_spaces_back(text, m.span.start);
        let mut d = before;
        while let Some(c) = char_before(text, d) {
            if is_dash(c) {
                d -= c.len_utf8();
            } else {
                break;
            }
        }
        if d == before {
            return;
        }
        // Before the dash: the end of a sentence, or the start of the line.
        let ok = d == p.start
            || char_before(text, d).is_some_and(|c| {
                is_space(c) || matches!(c, '.' | '"' | '\u{201D}' | ')' | '!' | '?')
            });
        if !ok {
            return;
        }
        d
    };
    let span = Span::new(start, end);
    found.agencies.push(AgencyEvidence {
        agency: m.canonical.to_owned(),
        span: m.span,
        how: AgencyEvidenceKind::Trailer,
    });
    push_boilerplate(found, span, BoilerplateKind::Trailer);
}

/// Agencies named by copyright lines: `Copyright 2024 The Associated Press`, `(c) 2017
/// Reuters`.
pub fn copyright_agencies(
    boilerplate: &[Boilerplate],
    names: &[NameMention],
) -> Vec<AgencyEvidence> {
    let mut out = Vec::new();
    for b in boilerplate
        .iter()
        .filter(|b| b.kind == BoilerplateKind::Copyright)
    {
        if let Some(m) = agencies_in(names, b.span).next() {
            out.push(AgencyEvidence {
                agency: m.canonical.to_owned(),
                span: m.span,
                how: AgencyEvidenceKind::Copyright,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_do_not_start_after_initials() {
        let t = "The bridge opened. Ann Lee, M.J. Roe and Bo Chan Jr. contributed.";
        assert_eq!(
            &t[sentence_start(t, 0, t.find(" contributed").unwrap())..][..7],
            "Ann Lee"
        );
        let t = "It rained. Bo contributed.";
        assert_eq!(sentence_start(t, 0, t.len()), t.find("Bo").unwrap());
    }

    #[test]
    fn names_split_without_places() {
        let t = "Sokha Vannak in Phnom Penh and Laura Pemberton in Washington";
        assert_eq!(
            split_names(t, Span::new(0, t.len())),
            ["Sokha Vannak", "Laura Pemberton"]
        );
    }

    #[test]
    fn brackets_close() {
        assert_eq!(closing_bracket("((a) b) c", 0, 100), Some(7));
        assert_eq!(closing_bracket("(a b", 0, 100), None);
        assert_eq!(closing_bracket(")", 0, 100), None);
    }
}
