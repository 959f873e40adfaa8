//! Sentence splitting, rule-based and tuned for news copy.
//!
//! A sentence ends at `.`, `!`, `?` (or a run of them, or an ellipsis followed by a
//! period) when white space follows and the next sentence starts with an uppercase letter,
//! a digit, an opening quotation mark or an opening bracket. Closing quotation marks and
//! brackets right after the terminator belong to the sentence that ends (`dead."`). Every
//! line break ends a sentence: sentences never cross paragraphs.
//!
//! Not boundaries:
//! - decimals (`3.5`: no space follows);
//! - an ellipsis of three periods or `…` (news uses it for elisions inside quotations);
//! - titles that precede a name: `Mr. Mrs. Dr. Gen. Col. Lt. Sgt. Sen. Rep. Gov. Pres.`
//!   and the like, always;
//! - `No.` / `Art.` / `Vol.` / `p.` before a digit;
//! - other abbreviations (months, US state abbreviations, `Inc. Corp. Co. Ltd. Jr. St.
//!   etc. vs.`), dotted ones (`U.S. U.N. a.m. p.m. e.g.`) and single capital initials
//!   (`John F. Kennedy`) — unless the next word is one that typically starts a sentence
//!   (`The`, `He`, `But`, `In`, ...), since these also end sentences: `at 5 p.m. The ...`.

use newsproc_sdk::Span;

use crate::chars::{ByteSearch, Needle, char_at, char_before, is_space};
use crate::paragraphs::Paragraphs;
use crate::util::trim_whitespace;

/// A sentence and the index of the paragraph it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// The sentences of `text`, in order.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for para in Paragraphs::new(text) {
        split_paragraph(text, para, &mut out);
    }
    out
}

/// The sentences of `text` with their paragraph indices (as in
/// [`crate::paragraphs::paragraphs`]).
pub fn sentences_with_paragraphs(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    for (paragraph, para) in Paragraphs::new(text).enumerate() {
        buf.clear();
        split_paragraph(text, para, &mut buf);
        out.extend(buf.iter().map(|&span| Sentence { span, paragraph }));
    }
    out
}

/// The sentences inside `span` (clamped to `text`), which is split into lines first.
pub fn sentences_in(text: &str, span: Span) -> Vec<Span> {
    let span = crate::util::clamp_span(text, span);
    let mut out = Vec::new();
    for para in Paragraphs::new(&text[span.range()]) {
        let para = Span::new(para.start + span.start, para.end + span.start);
        split_paragraph(text, para, &mut out);
    }
    out
}

/// The index of the sentence containing byte `offset` (binary search).
pub fn sentence_at(sentences: &[Span], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= offset);
    sentences.get(i).filter(|s| s.start <= offset).map(|_| i)
}

/// Titles before a name: a period after them never ends a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Drs", "Gen", "Gens", "Col", "Lt", "Sgt", "Sen", "Sens",
    "Rep", "Reps", "Gov", "Govs", "Pres", "Capt", "Maj", "Cmdr", "Cmdt", "Adm", "Rev", "Prof",
    "Brig", "Cpl", "Pvt", "Pfc", "Spc", "Supt", "Insp", "Hon", "Amb", "Atty", "Msgr", "Fr",
    "Lieut", "Sec", "Secy", "Comdr", "Det", "Ald", "Mme", "Mlle", "Gens", "Maj-Gen", "Lt-Col",
];

/// Abbreviations before a number: `No. 5`, `Art. 3`.
const NUMBER_ABBREVS: &[&str] = &[
    "No", "no", "Nos", "nos", "Art", "art", "Vol", "vol", "p", "pp", "Fig", "fig", "Nr", "Ch",
    "Sec", "Para", "para", "Vols",
];

/// Abbreviations that also end sentences; a boundary only before a sentence starter.
const OTHER_ABBREVS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
    "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Ala", "Ariz", "Ark",
    "Calif", "Cal", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La",
    "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn",
    "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wisc", "Wyo", "Inc", "Corp", "Co", "Cos", "Ltd",
    "Bros", "Jr", "Sr", "St", "Ste", "Ave", "Blvd", "Rd", "Mt", "Ft", "Hwy", "Dept", "Univ",
    "Assn", "Est", "etc", "vs", "Vs", "approx", "est", "al", "cf", "ca", "viz", "incl", "Gov't",
    "govt", "Govt", "Intl", "Natl", "Ph", "Esq", "Jnr", "Snr", "min", "max", "mln", "bln", "yrs",
    "hrs", "mins", "km", "Mln",
];

/// Words that commonly start a sentence; after an ambiguous abbreviation they decide for
/// a boundary.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "With",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Their",
    "His",
    "Her",
    "Its",
    "Our",
    "My",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Meanwhile",
    "However",
    "Also",
    "Earlier",
    "Later",
    "Last",
    "Since",
    "During",
    "Under",
    "According",
    "Officials",
    "Police",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "No",
    "Not",
    "One",
    "Two",
    "Three",
    "Such",
    "Other",
    "More",
    "Still",
    "Now",
    "Then",
    "Thus",
    "Instead",
    "Although",
    "Though",
    "Because",
    "Despite",
];

/// The length of the longest word in the abbreviation lists.
const LONGEST_ABBREVIATION: usize = {
    let lists: [&[&str]; 3] = [TITLES, NUMBER_ABBREVS, OTHER_ABBREVS];
    let mut longest = 0;
    let mut l = 0;
    while l < lists.len() {
        let mut w = 0;
        while w < lists[l].len() {
            if lists[l][w].len() > longest {
                longest = lists[l][w].len();
            }
            w += 1;
        }
        l += 1;
    }
    longest
};

fn in_list(list: &[&str], word: &[u8]) -> bool {
    list.iter().any(|w| w.as_bytes() == word)
}

/// Where a terminator can start: `.` `!` `?`, and the lead byte of `…`.
const TERMINATOR_STARTS: [Needle; 2] = [Needle::Either3(b'.', b'!', b'?'), Needle::Byte(0xE2)];

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '\u{2019}'
            | '\u{201D}'
            | '\u{00BB}'
            | '\u{203A}'
            | '\u{201C}'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '\u{2018}'
            | '\u{201C}'
            | '\u{00AB}'
            | '\u{2039}'
            | '\u{201E}'
            | '\u{201A}'
    )
}

/// Splits one paragraph (a span without line breaks) into sentences, appended to `out`.
pub fn split_paragraph(text: &str, para: Span, out: &mut Vec<Span>) {
    let para = crate::util::clamp_span(text, para);
    let bytes = text.as_bytes();
    let end = para.end;
    let mut start = para.start;
    let mut terminators = ByteSearch::new(&bytes[..end], TERMINATOR_STARTS);
    let mut i = para.start;
    while let Some(at) = terminators.next(i) {
        i = at;
        // The run of terminators.
        let run_start = i;
        let mut dots = 0u32;
        let mut strong = false;
        let mut ellipsis = false;
        let mut j = i;
        while j < end {
            match char_at(bytes, j) {
                Some(('.', _)) => dots += 1,
                Some(('!' | '?', _)) => strong = true,
                Some(('\u{2026}', _)) => ellipsis = true,
                _ => break,
            }
            j += char_at(bytes, j).map_or(1, |(_, n)| n);
        }
        if j == run_start {
            // A 0xE2 lead byte of something other than an ellipsis.
            i += char_at(bytes, i).map_or(1, |(_, n)| n);
            continue;
        }
        let run_end = j;
        i = run_end;
        let can_end = strong || (dots >= 4) || (ellipsis && dots >= 1) || dots == 1 && !ellipsis;
        if !can_end {
            continue;
        }
        // Closing quotation marks and brackets stay with the ending sentence.
        let mut k = run_end;
        while k < end {
            match char_at(bytes, k) {
                Some((c, n)) if is_closer(c) => k += n,
                _ => break,
            }
        }
        if k >= end {
            break;
        }
        let Some((c, _)) = char_at(bytes, k) else {
            continue;
        };
        if !is_space(c) {
            // Copy that lost its spaces: "irresolution.For his part".
            if k == run_end && run_end - run_start == 1 && missing_space_boundary(bytes, run_start)
            {
                let s = trim_whitespace(text, Span::new(start, k));
                if !s.is_empty() {
                    out.push(s);
                }
                start = k;
                i = k;
            }
            continue;
        }
        let mut m = k;
        while m < end {
            match char_at(bytes, m) {
                Some((c, n)) if is_space(c) => m += n,
                _ => break,
            }
        }
        if m >= end {
            break;
        }
        let Some((next, _)) = char_at(bytes, m) else {
            continue;
        };
        if !(next.is_uppercase() || next.is_ascii_digit() || is_opener(next)) {
            continue;
        }
        if dots == 1 && !strong && !ellipsis && !period_ends_sentence(bytes, run_start, m) {
            continue;
        }
        let s = trim_whitespace(text, Span::new(start, k));
        if !s.is_empty() {
            out.push(s);
        }
        start = m;
        i = m;
    }
    let s = trim_whitespace(text, Span::new(start.min(end), end));
    if !s.is_empty() {
        out.push(s);
    }
}

/// A terminator at `at` glued to the next sentence: three or more lowercase ASCII
/// letters as a whole word before it, an uppercase then a lowercase letter after it.
/// Rare in edited copy, common in copy whose spaces were stripped; the word conditions
/// keep out abbreviations (`U.S.Army`, `St.Petersburg`) and most web addresses.
fn missing_space_boundary(bytes: &[u8], at: usize) -> bool {
    let upper = bytes.get(at + 1).is_some_and(u8::is_ascii_uppercase);
    let lower = bytes.get(at + 2).is_some_and(u8::is_ascii_lowercase);
    if !(upper && lower) {
        return false;
    }
    let mut w = at;
    while w > 0 && bytes[w - 1].is_ascii_lowercase() {
        w -= 1;
    }
    let word_start_ok = w == 0
        || !(bytes[w - 1].is_ascii_alphanumeric()
            || matches!(bytes[w - 1], b'.' | b'/' | b'@' | b'_' | b'-')
            || bytes[w - 1] >= 0x80);
    // Not a web address: "www.Reuters.com".
    let mut e = at + 1;
    while e < bytes.len() && bytes[e].is_ascii_alphanumeric() {
        e += 1;
    }
    let domain = &bytes[w..at] == b"www"
        || (bytes.get(e) == Some(&b'.') && bytes.get(e + 1).is_some_and(u8::is_ascii_alphabetic));
    at - w >= 3 && word_start_ok && !domain
}

/// Whether the single period at `dot` ends a sentence, given that the next sentence would
/// start at `next`.
fn period_ends_sentence(bytes: &[u8], dot: usize, next: usize) -> bool {
    // The word before the period: letters, internal dots, and apostrophes ("Gov't").
    let mut ws = dot;
    while let Some((c, n)) = char_before(bytes, ws) {
        if c.is_alphabetic() || c == '.' || c == '\'' || c == '-' {
            ws -= n;
        } else {
            break;
        }
    }
    let word = &bytes[ws..dot];
    if word.is_empty() {
        return true;
    }
    // Most periods follow an ordinary word, longer than any listed abbreviation: that
    // decides without the list lookups.
    if word.len() > LONGEST_ABBREVIATION && !word.contains(&b'.') {
        return true;
    }
    if in_list(TITLES, word) {
        return false;
    }
    let next_is_digit = bytes.get(next).is_some_and(u8::is_ascii_digit);
    if in_list(NUMBER_ABBREVS, word) && next_is_digit {
        return false;
    }
    let initial = {
        let mut chars = std::str::from_utf8(word).unwrap_or("").chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
    };
    let dotted = word.len() >= 3 && word.contains(&b'.');
    if initial || dotted || in_list(OTHER_ABBREVS, word) {
        return next_is_starter(bytes, next);
    }
    true
}

/// Whether the word at `at` (after an optional opening mark) is a typical sentence
/// starter.
fn next_is_starter(bytes: &[u8], mut at: usize) -> bool {
    if let Some((c, n)) = char_at(bytes, at) {
        if is_opener(c) {
            at += n;
        }
    }
    let mut e = at;
    while e < bytes.len() && bytes[e].is_ascii_alphabetic() {
        e += 1;
    }
    // "The" but not "Theodore": the word must end here.
    if char_at(bytes, e).is_some_and(|(c, _)| c.is_alphanumeric()) {
        return false;
    }
    in_list(STARTERS, &bytes[at..e])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn basic_boundaries() {
        assert_eq!(
            split("Rebels advanced. The army retreated! Was it over? Nobody knows."),
            [
                "Rebels advanced.",
                "The army retreated!",
                "Was it over?",
                "Nobody knows."
            ]
        );
        assert_eq!(
            split("He left. 20 people stayed."),
            ["He left.", "20 people stayed."]
        );
        assert_eq!(split("no boundary. here"), ["no boundary. here"]);
        assert_eq!(split("Over.Under"), ["Over.Under"]);
        assert_eq!(
            split("it was irresolution.For his part he left!Then U.S.Army www.Reuters.com"),
            [
                "it was irresolution.",
                "For his part he left!",
                "Then U.S.Army www.Reuters.com"
            ]
        );
        assert!(split("").is_empty());
        assert!(split("  \n ").is_empty());
    }

    #[test]
    fn closing_quotes_stay() {
        assert_eq!(
            split("“We will win,” he said. “They are dead.” The army left."),
            [
                "“We will win,” he said.",
                "“They are dead.”",
                "The army left."
            ]
        );
        assert_eq!(
            split("\"Stop!\" he shouted. \"Now.\" (Reuters.) Next one."),
            [
                "\"Stop!\" he shouted.",
                "\"Now.\"",
                "(Reuters.)",
                "Next one."
            ]
        );
        assert_eq!(
            split("He called it 'final.' Others disagreed."),
            ["He called it 'final.'", "Others disagreed."]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        let s = "Mr. Smith met Gen. Ali and Sen. John F. Kennedy Jr. in St. Louis on Sept. 11 at 5 p.m. local time.";
        assert_eq!(split(s), [s]);
        assert_eq!(
            split("The U.S. Army said No. 5 was hit. Troops left the U.N. compound."),
            [
                "The U.S. Army said No. 5 was hit.",
                "Troops left the U.N. compound."
            ]
        );
        assert_eq!(
            split("It began at 5 p.m. The strikes lasted until dawn."),
            ["It began at 5 p.m.", "The strikes lasted until dawn."]
        );
        assert_eq!(
            split("He works at Acme Corp. The firm denied it."),
            ["He works at Acme Corp.", "The firm denied it."]
        );
        assert_eq!(
            split("Prices rose 3.5 percent. No. It fell."),
            ["Prices rose 3.5 percent.", "No.", "It fell."]
        );
        assert_eq!(
            split("Officials in Sacramento, Calif. Gov. Brown said so."),
            ["Officials in Sacramento, Calif. Gov. Brown said so."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split("“We will … Fight on,” he said... Then left.... Done."),
            ["“We will … Fight on,” he said... Then left....", "Done."]
        );
        assert_eq!(split("Wait…. Go."), ["Wait….", "Go."]);
    }

    #[test]
    fn paragraphs_are_boundaries() {
        let text = "First line without stop\nSecond line. Third\n\n“Quote” fourth";
        assert_eq!(
            split(text),
            [
                "First line without stop",
                "Second line.",
                "Third",
                "“Quote” fourth"
            ]
        );
        let with = sentences_with_paragraphs(text);
        assert_eq!(
            with.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
            [0, 1, 1, 2]
        );
        let inner = sentences_in(text, Span::new(24, 43));
        assert_eq!(
            inner.iter().map(|s| s.of(text)).collect::<Vec<_>>(),
            ["Second line.", "Third"]
        );
        let all = sentences(text);
        assert_eq!(sentence_at(&all, 0), Some(0));
        assert_eq!(sentence_at(&all, 30), Some(1));
        assert_eq!(sentence_at(&all, 36), None);
        assert_eq!(sentence_at(&all, 37), Some(2));
    }
}
