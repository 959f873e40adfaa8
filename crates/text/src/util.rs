//! Small helpers every stage needs. All of them accept any span, valid for the text or
//! not, and clamp it rather than panic: they are often called on spans read from layers
//! that another stage wrote.

use newsproc_sdk::Span;

use crate::chars::{ceil_boundary, char_at, char_before, floor_boundary, is_quote_mark, is_space};
use crate::tokens::{Token, Tokens};

/// `span` made valid for `text`: end clamped to the text, start to the end, both rounded
/// outwards to character boundaries.
pub fn clamp_span(text: &str, span: Span) -> Span {
    let end = ceil_boundary(text, span.end.min(text.len()));
    let start = floor_boundary(text, span.start.min(end));
    Span::new(start, end)
}

/// The text of `span`, or `""` when the span is not valid for `text`.
pub fn slice(text: &str, span: Span) -> &str {
    text.get(span.range()).unwrap_or("")
}

/// The first character is an uppercase letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised word whose other letters are lowercase, except right after a hyphen or
/// apostrophe (`Assad`, `Al-Qaeda`, `O'Brien`; not `McDonald`, `ISIS`, `assad`).
pub fn is_title_case(word: &str) -> bool {
    let mut chars = word.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let mut after_joiner = false;
    for c in chars {
        if c.is_uppercase() && !after_joiner {
            return false;
        }
        after_joiner = matches!(c, '-' | '\'' | '\u{2019}');
    }
    true
}

/// At least one letter and no lowercase letter (`ISIS`, `U.S.`, `A`).
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = false;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        letters |= c.is_alphabetic();
    }
    letters
}

const MINOR_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "over", "per", "the", "to", "up", "via", "vs", "with",
];

/// Whether a phrase is in headline case: every word is capitalised except short function
/// words (`of`, `the`, `in`, ...) after the first, and there is at least one word.
/// Numbers and punctuation are ignored.
pub fn is_headline_case(text: &str) -> bool {
    let mut words = 0;
    for tok in Tokens::new(text) {
        if tok.kind != crate::tokens::TokenKind::Word {
            continue;
        }
        let w = tok.text(text);
        let minor = words > 0 && MINOR_WORDS.iter().any(|m| m.eq_ignore_ascii_case(w));
        if !minor && !tok.is_capitalised() {
            return false;
        }
        words += 1;
    }
    words > 0
}

/// About `width` bytes of `text` on each side of `span`, plus the span itself, cut on
/// character boundaries and never across a line break: for error messages.
pub fn context(text: &str, span: Span, width: usize) -> &str {
    let span = clamp_span(text, span);
    let bytes = text.as_bytes();
    let mut start = floor_boundary(text, span.start.saturating_sub(width));
    if let Some(nl) = memchr::memrchr(b'\n', &bytes[start..span.start]) {
        start += nl + 1;
    }
    let mut end = ceil_boundary(text, span.end.saturating_add(width));
    if let Some(nl) = memchr::memchr(b'\n', &bytes[span.end..end]) {
        end = span.end + nl;
    }
    &text[start..end]
}

/// [`context`] with the span bracketed, e.g. `killed [13] people`, for error messages.
pub fn context_marked(text: &str, span: Span, width: usize) -> String {
    let span = clamp_span(text, span);
    let ctx = context(text, span, width);
    // `ctx` is a subslice of `text`; its offset is the pointer difference.
    let base = ctx.as_ptr() as usize - text.as_ptr() as usize;
    let (s, e) = (span.start - base, span.end - base);
    format!("{}[{}]{}", &ctx[..s], &ctx[s..e], &ctx[e..])
}

fn is_trimmable_punct(c: char) -> bool {
    is_quote_mark(c)
        || crate::chars::is_dash(c)
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '-'
                | '\u{2026}'
                | '\u{2010}'
                | '\u{2011}'
                | '*'
                | '\u{2022}'
        )
}

/// The words of `s` with one space between them: white space runs collapsed to a
/// single space, none at either end.
pub fn single_spaced(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `span` without surrounding white space.
pub fn trim_whitespace(text: &str, span: Span) -> Span {
    trim_by(text, span, is_space, is_space)
}

/// `span` without surrounding white space and punctuation (quotation marks, brackets,
/// dashes, `.,;:!?`). A period that ends a dotted abbreviation (`U.S.`) is kept.
pub fn trim_span(text: &str, span: Span) -> Span {
    let trimmed = trim_by(
        text,
        span,
        |c| is_space(c) || is_trimmable_punct(c),
        |c| is_space(c) || is_trimmable_punct(c),
    );
    // Give back the final period of "U.S." / "a.m.".
    let bytes = text.as_bytes();
    let e = trimmed.end;
    if e >= 3
        && e < span.end
        && bytes.get(e) == Some(&b'.')
        && bytes[e - 1].is_ascii_alphabetic()
        && bytes[e - 2] == b'.'
        && bytes[e - 3].is_ascii_alphabetic()
    {
        return Span::new(trimmed.start, e + 1);
    }
    trimmed
}

fn trim_by(
    text: &str,
    span: Span,
    front: impl Fn(char) -> bool,
    back: impl Fn(char) -> bool,
) -> Span {
    let span = clamp_span(text, span);
    let bytes = text.as_bytes();
    let mut start = span.start;
    let mut end = span.end;
    while start < end {
        match char_at(bytes, start) {
            Some((c, n)) if front(c) => start += n,
            _ => break,
        }
    }
    while end > start {
        match char_before(bytes, end) {
            Some((c, n)) if back(c) => end -= n,
            _ => break,
        }
    }
    Span::new(start, end)
}

/// The word-like tokens (words, numbers, mixes) inside `span`, with offsets in `text`.
pub fn words_in(text: &str, span: Span) -> impl Iterator<Item = Token> + '_ {
    let span = clamp_span(text, span);
    Tokens::new(&text[span.range()])
        .filter(Token::is_wordlike)
        .map(move |mut t| {
            t.span = Span::new(t.span.start + span.start, t.span.end + span.start);
            t
        })
}

/// Whether byte `offset` of `text` is a word boundary: not between two letters/digits.
pub fn is_word_boundary(text: &str, offset: usize) -> bool {
    if !text.is_char_boundary(offset.min(text.len())) || offset > text.len() {
        return false;
    }
    let bytes = text.as_bytes();
    let before = char_before(bytes, offset).is_some_and(|(c, _)| c.is_alphanumeric());
    let after = char_at(bytes, offset).is_some_and(|(c, _)| c.is_alphanumeric());
    !(before && after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_spacing_collapses_and_trims_any_white_space() {
        assert_eq!(single_spaced("  White \n\t House\u{a0} "), "White House");
        assert_eq!(single_spaced("Russia"), "Russia");
        assert_eq!(single_spaced(" \n "), "");
    }

    #[test]
    fn case_checks() {
        assert!(is_capitalised("Assad"));
        assert!(is_capitalised("Über"));
        assert!(!is_capitalised("assad"));
        assert!(!is_capitalised(""));
        assert!(!is_capitalised("12"));
        assert!(is_title_case("Assad"));
        assert!(is_title_case("Al-Qaeda"));
        assert!(is_title_case("O'Brien"));
        assert!(!is_title_case("McDonald"));
        assert!(!is_title_case("ISIS"));
        assert!(!is_title_case("al-Qaeda"));
        assert!(is_all_caps("ISIS"));
        assert!(is_all_caps("U.S."));
        assert!(!is_all_caps("Isis"));
        assert!(!is_all_caps("123"));
        assert!(is_headline_case("Rebels Seize Key Road in North of Aleppo"));
        assert!(!is_headline_case("Rebels seize key road"));
        assert!(!is_headline_case(""));
    }

    #[test]
    fn contexts() {
        let text = "first line\nthe army killed 13 people — said\nlast";
        let at = text.find("13").unwrap();
        let span = Span::new(at, at + 2);
        assert_eq!(context(text, span, 7), "killed 13 people");
        assert_eq!(context(text, span, 100), "the army killed 13 people — said");
        assert_eq!(context_marked(text, span, 7), "killed [13] people");
        // The em dash is three bytes; a width landing inside it is rounded out.
        let dash = text.find('—').unwrap();
        assert_eq!(context(text, Span::new(dash + 3, dash + 4), 2), "— sa");
        assert_eq!(context("", Span::new(5, 9), 3), "");
        assert_eq!(context_marked("", Span::new(5, 9), 3), "[]");
    }

    #[test]
    fn trimming() {
        let text = "  “the U.S.,”  ";
        let t = trim_span(text, Span::new(0, text.len()));
        assert_eq!(t.of(text), "the U.S.");
        let t = trim_whitespace(text, Span::new(0, text.len()));
        assert_eq!(t.of(text), "“the U.S.,”");
        assert_eq!(trim_span(text, Span::new(0, 4)), Span::new(5, 5));
        let t = trim_span("(dozens.)", Span::new(0, 9));
        assert_eq!(t, Span::new(1, 7));
        assert!(trim_span(text, Span::new(3, 999)).is_valid_for(text));
    }

    #[test]
    fn words_and_boundaries() {
        let text = "He said: “13 rebels, al-Qaeda’s men.”";
        let words: Vec<&str> = words_in(text, Span::new(0, text.len()))
            .map(|t| t.text(text))
            .collect();
        assert_eq!(words, ["He", "said", "13", "rebels", "al-Qaeda’s", "men"]);
        let words: Vec<&str> = words_in(text, Span::new(3, 7))
            .map(|t| t.text(text))
            .collect();
        assert_eq!(words, ["said"]);
        assert!(is_word_boundary(text, 0));
        assert!(is_word_boundary(text, 2));
        assert!(!is_word_boundary(text, 1));
        assert!(!is_word_boundary(text, 999));
        assert_eq!(clamp_span("a’b", Span::new(2, 3)), Span::new(1, 4));
        assert_eq!(clamp_span("ab", Span::new(5, 9)), Span::new(2, 2));
        assert_eq!(slice("ab", Span::new(5, 9)), "");
    }
}
