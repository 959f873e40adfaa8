//! Text that is not the article.
//!
//! A paragraph is boilerplate when (first rule that applies):
//! 1. it is one cue phrase, punctuation aside (`Advertisement`, `Read more`, `Photo`), or a
//!    placeholder of the publishing system (`[pullquote]`, `[break]`);
//! 2. it is a masthead near the top: nothing but an outlet's name (`USA TODAY`);
//! 3. it starts with a `start` cue (`Correction:`, `Sign up for`, `Photo by`);
//! 4. it starts with a copyright sign or line (`© 2019 ...`, `(c) Associated Press`);
//! 5. it is a caption: it ends with a photo credit (`(AP Photo/Richard Drew)`,
//!    `Qilai Shen/Bloomberg`, `Saul Loeb | AFP | Getty Images`);
//! 6. it holds an `any` cue (`delivered to your inbox`) and is short, or has it at its
//!    start;
//! 7. it holds two different `weak` cues of one kind and is short.
//!
//! A note (`The opinions expressed are his own. X has not edited the statements.`) ends
//! after the sentence of its last cue when a run of spaces, a lost paragraph break, sets
//! off what follows.
//!
//! Blocks: an `opener` cue at the start of a paragraph (`A Message from The Moscow Times:`)
//! starts an appeal that runs to the paragraph holding a `closer` (`Remind me later.`)
//! within the next dozen paragraphs; without a closer, it runs on only over paragraphs
//! that are themselves appeals or sign-ups.
//!
//! Copy that lost its line breaks is one long paragraph; there, only spans inside it are
//! boilerplate: a correction note in brackets at its start, a header cue near its start
//! (`Get short URL`), and trailing chrome from a `tail` cue near its end to its end
//! (`Our Standards: ...`, `Tags ...`). The credit lines found by [`crate::credits`] are
//! added as they are. The result is in text order and never overlapping: overlapping
//! spans are merged (the longer one's kind is kept).

use newsproc_layers::source::{Boilerplate, BoilerplateKind};
use newsproc_sdk::Span;

use crate::credits::is_run_on;
use crate::lexicons::{Cue, CueRule, Lexicons, NameMention};
use crate::util::{char_at, skip_spaces};

/// A paragraph longer than this is not boilerplate by an `any` cue unless the cue comes
/// at its start (a body paragraph may mention a newsletter).
const SHORT: usize = 800;
/// The longest paragraph two weak cues make boilerplate.
const WEAK_SHORT: usize = 300;
/// The longest caption.
const MAX_CAPTION: usize = 600;
/// How far into a paragraph a cue counts as "at its start".
const LEAD: usize = 60;
/// Paragraphs above a masthead are all shorter than this (bylines, kickers, dates).
const HEADER_LINE: usize = 100;
/// How far into copy without line breaks an editor's note may start.
const NOTE_LEAD: usize = 300;
/// How many paragraphs an appeal may run to its closer.
const BLOCK: usize = 12;
/// How far from the end of copy without line breaks trailing chrome may start.
const TAIL_WINDOW: usize = 1500;

pub fn detect(
    text: &str,
    paragraphs: &[Span],
    cues: &[Cue],
    names: &[NameMention],
    credit_lines: &[Boilerplate],
    lex: &Lexicons,
) -> Vec<Boilerplate> {
    let mut out: Vec<Boilerplate> = credit_lines.to_vec();
    let n = paragraphs.len();
    let mut kinds: Vec<Option<BoilerplateKind>> = vec![None; n];
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(n);
    let mut c = 0;
    for (i, &p) in paragraphs.iter().enumerate() {
        while c < cues.len() && cues[c].span.start < p.start {
            c += 1;
        }
        let mut e = c;
        while e < cues.len() && cues[e].span.start < p.end {
            e += 1;
        }
        ranges.push((c, e));
        let here = &cues[c..e];
        if is_run_on(text, p) {
            run_on(text, p, here, names_within(names, p), lex, &mut out);
        } else {
            let header_zone = paragraphs[..i].iter().all(|q| q.len() < HEADER_LINE);
            kinds[i] = classify(text, p, here, names_within(names, p), lex, i, header_zone);
        }
    }
    let blocks = appeal_blocks(text, paragraphs, cues, &ranges, &mut kinds);
    let mut i = 0;
    while i < n {
        // An appeal is one span, from its opener to its closer.
        if let Some(&(first, last)) = blocks.iter().find(|b| b.0 == i) {
            out.push(Boilerplate {
                span: paragraphs[first].cover(paragraphs[last]),
                kind: BoilerplateKind::Appeal,
            });
            i = last + 1;
            continue;
        }
        if let Some(kind) = kinds[i] {
            let span = match kind {
                BoilerplateKind::Note => {
                    note_span(text, paragraphs[i], &cues[ranges[i].0..ranges[i].1])
                }
                _ => paragraphs[i],
            };
            out.push(Boilerplate { span, kind });
        }
        i += 1;
    }
    merge(out)
}

/// The part of a note paragraph that is the note: all of it, unless the text after the
/// sentence of its last note cue is set off by a run of spaces, a paragraph break lost in
/// conversion (`... Reuters has not edited the statements.  @realDonaldTrump : - ...`):
/// what follows is the article the note introduces.
fn note_span(text: &str, p: Span, cues: &[Cue]) -> Span {
    let Some(last) = cues
        .iter()
        .filter(|c| c.info.kind == BoilerplateKind::Note)
        .map(|c| c.span.end)
        .max()
    else {
        return p;
    };
    let rest = &text[last.min(p.end)..p.end];
    match rest.find(".  ") {
        Some(k) => Span::new(p.start, last + k + 1),
        None => p,
    }
}

/// Where the paragraph's words start: after list bullets, brackets and dashes.
fn lead(text: &str, p: Span) -> usize {
    let mut i = p.start;
    while let Some(ch) = char_at(text, i) {
        if i >= p.end
            || !(matches!(ch, '(' | '[' | '*' | '\u{2022}' | '>' | '|')
                || crate::util::is_dash(ch)
                || ch.is_whitespace())
        {
            break;
        }
        i += ch.len_utf8();
    }
    i
}

fn classify(
    text: &str,
    p: Span,
    cues: &[Cue],
    names: &[NameMention],
    lex: &Lexicons,
    index: usize,
    header_zone: bool,
) -> Option<BoilerplateKind> {
    let trimmed = newsproc_text::trim_span(text, p);
    if trimmed.is_empty() {
        return None;
    }
    // 1. One cue phrase.
    if let Some(info) = lex.line_cue(trimmed.of(text)) {
        return Some(info.kind);
    }
    if let Some(cue) = cues.iter().find(|c| c.span == trimmed) {
        return Some(cue.info.kind);
    }
    if is_markup_placeholder(text[p.range()].trim()) {
        return Some(BoilerplateKind::Advertisement);
    }
    // 2. A masthead near the top: before any paragraph of the article.
    if index < 5 && header_zone && names.iter().any(|m| m.span == trimmed) {
        return Some(BoilerplateKind::Header);
    }
    let at = lead(text, p);
    // 3. The outlet's note about itself: `X is a nonprofit newsroom ...`.
    if p.len() <= MAX_CAPTION
        && let Some(m) = names.iter().find(|m| m.span.start == at)
        && describes_outlet(text, m.span.end, p.end, lex)
    {
        return Some(BoilerplateKind::Note);
    }
    // 4. A start cue, at the start or opening a sentence near it (`Fight back! Sign up
    //    for ...`).
    if let Some(cue) = cues.iter().find(|c| {
        c.info.rule == CueRule::Start
            && (c.span.start == at
                || c.span.start == p.start
                || (c.span.start <= at + LEAD && sentence_start(text, c.span.start)))
    }) {
        let limit = match cue.info.kind {
            BoilerplateKind::Caption
            | BoilerplateKind::Trailer
            | BoilerplateKind::Header
            | BoilerplateKind::Links => MAX_CAPTION,
            _ => usize::MAX,
        };
        if p.len() <= limit {
            return Some(cue.info.kind);
        }
    }
    // 5. A copyright sign at the start.
    if p.len() <= SHORT && starts_with_copyright(text, at) {
        return Some(BoilerplateKind::Copyright);
    }
    // 6. A caption.
    if p.len() <= MAX_CAPTION && is_caption(text, p, names) {
        return Some(BoilerplateKind::Caption);
    }
    // 7. An `any` cue.
    if let Some(cue) = cues.iter().find(|c| {
        (c.info.rule == CueRule::Any && (p.len() <= SHORT || c.span.start <= at + LEAD))
            || (c.info.rule == CueRule::Opener && c.span.start == at)
    }) {
        return Some(cue.info.kind);
    }
    // 8. Two weak cues of one kind.
    if p.len() <= WEAK_SHORT {
        for (k, a) in cues.iter().enumerate() {
            if a.info.rule != CueRule::Weak {
                continue;
            }
            let phrase = a.span.of(text);
            if cues[k + 1..].iter().any(|b| {
                b.info.rule == CueRule::Weak
                    && b.info.kind == a.info.kind
                    && !b.span.of(text).eq_ignore_ascii_case(phrase)
            }) {
                return Some(a.info.kind);
            }
        }
    }
    None
}

/// Whether a paragraph is a placeholder of the publishing system left in the text, a
/// lowercase word or two in square brackets (`[break]`, `[pullquote]`, `[embedded
/// content]`): where a break, an inset or a widget stood. A bracketed editorial insertion
/// is capitalised or longer (`[Laughter]`, `[sic]` stands inside a sentence).
fn is_markup_placeholder(line: &str) -> bool {
    line.len() <= 32
        && line
            .strip_prefix('[')
            .and_then(|l| l.strip_suffix(']'))
            .is_some_and(|inner| {
                let words = inner.split(' ').count();
                (1..=2).contains(&words)
                    && inner.len() >= 3
                    && inner
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == ' ' || c == '-')
                    && inner != "sic"
            })
}

/// Whether the words after an outlet's name (ending at `after`) describe it as a news
/// organisation in the same sentence: `is a nonprofit newsroom`, `, headed by ..., is a
/// leading provider of news`. The description is what the outlet is (`is a`, `is the`,
/// `is one of`), not what it does (`is looking to change its newsroom`).
fn describes_outlet(text: &str, after: usize, end: usize, lex: &Lexicons) -> bool {
    let rest = text.get(after..end).unwrap_or("");
    if !(rest.starts_with(" is ") || rest.starts_with(", ")) {
        return false;
    }
    let sentence = rest.find(". ").map_or(rest.len(), |k| k + 1).min(200);
    let sentence = crate::util::floor_char(rest, sentence);
    let span = Span::new(after, after + sentence);
    let is_what = rest[..sentence].find(" is ").is_some_and(|k| {
        let next = rest[k + 4..sentence].split(' ').next().unwrap_or("");
        matches!(next, "a" | "an" | "the" | "one")
    });
    is_what && lex.has_outlet_description(text, span)
}

/// Whether a sentence starts at `at`: after `.`, `!`, `?` or `:` and a space.
fn sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(' ');
    before.len() < at && before.ends_with(['.', '!', '?', ':'])
}

/// `© 2019 ...`, `(c) 2017 Reuters`, `Copyright © ...` at `at`.
fn starts_with_copyright(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("");
    rest.starts_with('©')
        || rest.starts_with("(c) ")
        || rest.starts_with("(C) ")
        || rest.starts_with("(c)2")
        || rest.starts_with("(C)2")
}

/// Whether a short paragraph is a photo caption or credit: it ends with a credit in
/// brackets that has a `/` before a capitalised name or mentions a photo (`(AP
/// Photo/Richard Drew)`, `(Photo: Mark Wilson, Getty Images)`, `(Jonathan Ernst/Reuters)`),
/// or with a credit after `/`, `|` or a dash naming an agency, an outlet, Getty Images or a
/// photographer (`Qilai Shen/Bloomberg`, `Saul Loeb | AFP | Getty Images`).
pub fn is_caption(text: &str, p: Span, names: &[NameMention]) -> bool {
    let s = text[p.range()].trim_end_matches(['.', ' ']);
    // A credit ends in a name or a bracket; most paragraphs end in a lowercase word.
    let last = s.rsplit(' ').next().unwrap_or("");
    if !(last.ends_with([')', ']']) || last.starts_with(char::is_uppercase) || last.contains('/')) {
        return false;
    }
    if let Some(inner) = s
        .strip_suffix(')')
        .and_then(|x| x.rfind('(').map(|k| &x[k + 1..]))
    {
        if inner.len() <= 120 && credit_like(inner) {
            return true;
        }
    }
    // `Mae Ryan for The Wall Street Journal`: a photographer working for an outlet.
    if let Some(m) = names.iter().find(|m| m.span.end == p.start + s.len())
        && let Some(before) = text[p.start..m.span.start]
            .strip_suffix(" for ")
            .or_else(|| text[p.start..m.span.start].strip_suffix(" for the "))
        && before
            .rsplit(' ')
            .next()
            .is_some_and(|w| crate::util::starts_upper(w) && !before.ends_with('.'))
        && before
            .rsplit(' ')
            .nth(1)
            .is_some_and(crate::util::starts_upper)
    {
        return true;
    }
    // The last credit-like segment after a separator: `/`, `|`, a long dash, or a hyphen
    // with spaces around it.
    let Some(k) = s
        .char_indices()
        .rev()
        .take_while(|(k, _)| s.len() - k <= 60)
        .find(|&(k, ch)| {
            matches!(ch, '/' | '|' | '\u{2013}' | '\u{2014}')
                || (ch == '-' && s[..k].ends_with(' ') && s[k + 1..].starts_with(' '))
        })
        .map(|(k, _)| k)
    else {
        return false;
    };
    let tail = s[k..]
        .trim_start_matches(|ch: char| matches!(ch, '/' | '|' | ' ') || crate::util::is_dash(ch));
    let words: Vec<&str> = tail.split_whitespace().collect();
    if k == 0
        || words.is_empty()
        || words.len() > 4
        || !words.iter().all(|w| crate::util::starts_upper(w))
    {
        return false;
    }
    // The segment must be a credit: it says it is one, or, after a slash or a bar (not a
    // dash, which also ends quotations: `— Kyle Smith, National Review`), it names an
    // agency or outlet.
    let said = PHOTO_WORDS.iter().any(|w| tail.contains(w));
    let slash = matches!(s[k..].chars().next(), Some('/' | '|'));
    let tail_at = p.start + (s.len() - tail.len());
    let named = names
        .iter()
        .any(|m| m.span.start >= tail_at && m.span.end <= p.start + s.len());
    said || (slash && named)
}

/// Words that make a credit a photo credit.
const PHOTO_WORDS: &[&str] = &[
    "Getty",
    "Images",
    "Photo",
    "Pool",
    "Handout",
    "Shutterstock",
];

/// A bracketed credit: a photo word, or `Name/Agency`.
fn credit_like(inner: &str) -> bool {
    if [
        "Photo", "photo", "Getty", "Images", "Handout", "handout", "Courtesy", "courtesy",
    ]
    .iter()
    .any(|w| inner.contains(w))
    {
        return true;
    }
    // `Jonathan Ernst/Reuters`: a slash between letters, the part after it capitalised,
    // and nothing but names around it (not `(A new NBC/WSJ poll showed ...)`).
    let slash = inner.char_indices().any(|(k, ch)| {
        ch == '/'
            && inner[..k]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            && inner[k + 1..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    });
    slash
        && inner
            .split([' ', '/', ','])
            .filter(|w| !w.is_empty())
            .all(|w| crate::util::starts_upper(w) || matches!(w, "via" | "for" | "of" | "and"))
}

/// Spans inside copy that lost its line breaks.
fn run_on(
    text: &str,
    p: Span,
    cues: &[Cue],
    names: &[NameMention],
    lex: &Lexicons,
    out: &mut Vec<Boilerplate>,
) {
    // A correction note in brackets at the start: `(Corrects ...)`, `(In this Dec. 8
    // story, corrects ...)`.
    let at = skip_spaces(text, p.start);
    if text[at..].starts_with('(') {
        if let Some(end) = bracket_end(text, at, (at + 400).min(p.end)) {
            let inner = text[at..end].to_ascii_lowercase();
            if ["correct", "refile", "updates", "clarif", "fixes", "adds "]
                .iter()
                .any(|w| inner.contains(w))
            {
                out.push(Boilerplate {
                    span: Span::new(at, end),
                    kind: BoilerplateKind::Correction,
                });
            }
        }
    }
    // An editor's note at the start: up to the end of the last sentence near the start
    // that holds a note cue (`The opinions expressed are his own. X has not edited the
    // statements.`).
    let note_end = cues
        .iter()
        .filter(|c| c.info.kind == BoilerplateKind::Note && c.span.start <= p.start + NOTE_LEAD)
        .map(|c| {
            text[c.span.end..p.end]
                .find(". ")
                .map_or(p.end, |k| c.span.end + k + 1)
        })
        .max();
    if let Some(end) = note_end
        && end < p.end
    {
        out.push(Boilerplate {
            span: Span::new(at, end),
            kind: BoilerplateKind::Note,
        });
    }
    // A header cue near the start, with the numbers after it (share counters).
    if let Some(cue) = cues.iter().find(|c| {
        c.info.kind == BoilerplateKind::Header
            && matches!(c.info.rule, CueRule::Any | CueRule::Start)
            && c.span.start <= p.start + LEAD
    }) {
        let mut end = cue.span.end;
        let bytes = text.as_bytes();
        while end < p.end && (bytes[end].is_ascii_digit() || bytes[end] == b' ') {
            end += 1;
        }
        out.push(Boilerplate {
            span: newsproc_text::trim_whitespace(text, Span::new(p.start, end)),
            kind: BoilerplateKind::Header,
        });
    }
    // The outlet's note about itself, to the end.
    let window_start = p.end.saturating_sub(TAIL_WINDOW).max(p.start + p.len() / 2);
    if let Some(m) = names
        .iter()
        .find(|m| m.span.start >= window_start && describes_outlet(text, m.span.end, p.end, lex))
    {
        out.push(Boilerplate {
            span: Span::new(m.span.start, p.end),
            kind: BoilerplateKind::Note,
        });
    }
    // Trailing chrome, from a tail cue or a copyright line to the end.
    if let Some(cue) = cues.iter().find(|c| {
        c.span.start >= window_start
            && (c.info.rule == CueRule::Tail
                || (c.info.rule == CueRule::Start && c.info.kind == BoilerplateKind::Copyright))
    }) {
        out.push(Boilerplate {
            span: Span::new(cue.span.start, p.end),
            kind: cue.info.kind,
        });
    }
}

/// The end of the bracket opening at `open` (nested brackets allowed), before `limit`.
fn bracket_end(text: &str, open: usize, limit: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, b) in text.as_bytes()[open..limit.min(text.len())]
        .iter()
        .enumerate()
    {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(open + k + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Appeals that run over several paragraphs, from an opener to a closer: marks their
/// paragraphs and returns them as (first, last) paragraph indices.
fn appeal_blocks(
    text: &str,
    paragraphs: &[Span],
    cues: &[Cue],
    ranges: &[(usize, usize)],
    kinds: &mut [Option<BoilerplateKind>],
) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let n = paragraphs.len();
    let cues_of = |i: usize| &cues[ranges[i].0..ranges[i].1];
    let mut i = 0;
    while i < n {
        let p = paragraphs[i];
        let at = lead(text, p);
        let opener = !is_run_on(text, p)
            && cues_of(i)
                .iter()
                .any(|c| c.info.rule == CueRule::Opener && c.span.start == at);
        if !opener {
            i += 1;
            continue;
        }
        let closer = (i..n.min(i + BLOCK)).find(|&j| {
            !is_run_on(text, paragraphs[j])
                && cues_of(j).iter().any(|c| c.info.rule == CueRule::Closer)
        });
        let end = match closer {
            Some(j) => j,
            None => {
                // Run on over paragraphs that are appeals or sign-ups themselves.
                let mut j = i;
                while j + 1 < n
                    && matches!(
                        kinds[j + 1],
                        Some(BoilerplateKind::Appeal | BoilerplateKind::Newsletter)
                    )
                {
                    j += 1;
                }
                j
            }
        };
        for k in kinds.iter_mut().take(end + 1).skip(i) {
            *k = Some(BoilerplateKind::Appeal);
        }
        blocks.push((i, end));
        i = end + 1;
    }
    blocks
}

/// Sorted, with overlapping spans merged (the longer one's kind kept).
fn merge(mut spans: Vec<Boilerplate>) -> Vec<Boilerplate> {
    spans.retain(|b| !b.span.is_empty());
    spans.sort_by_key(|b| (b.span.start, std::cmp::Reverse(b.span.end)));
    let mut out: Vec<Boilerplate> = Vec::with_capacity(spans.len());
    for b in spans {
        match out.last_mut() {
            Some(last) if b.span.start < last.span.end => {
                if b.span.len() > last.span.len() {
                    last.kind = b.kind;
                }
                last.span = last.span.cover(b.span);
            }
            _ => out.push(b),
        }
    }
    out
}

/// The agency and outlet names inside `span` (a sub-slice of `names`, which is sorted).
pub fn names_within<'a, 'l>(names: &'a [NameMention<'l>], span: Span) -> &'a [NameMention<'l>] {
    let from = names.partition_point(|m| m.span.start < span.start);
    let to = from + names[from..].partition_point(|m| m.span.end <= span.end);
    &names[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: usize, e: usize, kind: BoilerplateKind) -> Boilerplate {
        Boilerplate {
            span: Span::new(s, e),
            kind,
        }
    }

    #[test]
    fn merge_keeps_order_and_no_overlap() {
        let merged = merge(vec![
            b(10, 20, BoilerplateKind::Trailer),
            b(0, 5, BoilerplateKind::Header),
            b(15, 40, BoilerplateKind::Copyright),
        ]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[1].span, Span::new(10, 40));
        assert_eq!(merged[1].kind, BoilerplateKind::Copyright);
    }

    #[test]
    fn copyright_signs() {
        assert!(starts_with_copyright("© 2019 Someone", 0));
        assert!(starts_with_copyright("(c) 2017 Someone", 0));
        assert!(!starts_with_copyright("(center) of", 0));
    }

    #[test]
    fn markup_placeholders() {
        assert!(is_markup_placeholder("[break]"));
        assert!(is_markup_placeholder("[pullquote]"));
        assert!(is_markup_placeholder("[embedded content]"));
        assert!(!is_markup_placeholder("[Laughter]"));
        assert!(!is_markup_placeholder("[sic]"));
        assert!(!is_markup_placeholder("[the senator said he would not]"));
        assert!(!is_markup_placeholder("[]"));
    }

    #[test]
    fn bracket_credits() {
        assert!(credit_like("AP Photo/Richard Roe"));
        assert!(credit_like("Jane Roe/Reuters"));
        assert!(!credit_like("D-N.Y."));
        assert!(!credit_like("and/or"));
    }
}
