//! Small byte-level helpers shared by the modules. All take any offset and never panic.

use newsproc_sdk::Span;

/// Hyphens and dashes that end a dateline or start a sign-off: `-`, `--`, `–`, `—`, `―`.
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FF0D}'
    )
}

/// Horizontal white space (not a line break).
pub fn is_space(c: char) -> bool {
    c != '\n' && c != '\r' && c.is_whitespace()
}

/// The character at byte `i`, if `i` is a character boundary inside `text`.
pub fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The character that ends at byte `i`.
pub fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The first offset at or after `i` that is not horizontal white space.
pub fn skip_spaces(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        if !is_space(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// The first offset at or before `i` whose preceding character is not horizontal white
/// space.
pub fn skip_spaces_back(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_before(text, i) {
        if !is_space(c) {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

/// The end of a run of dashes starting at `i` (`-`, `--`, `—`, `—-`), or `i` when none.
pub fn dash_run(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        if !is_dash(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// `offset` rounded down to a character boundary of `text`, and into range.
pub fn floor_char(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether `word` is a capitalised word or an all-caps one (`Reuters`, `AMMAN`, `U.S.`).
pub fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `word` has letters and none of them is lowercase (`AMMAN`, `N.Y.`, `AL-BAB`).
pub fn is_caps_word(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters > 0
}

/// The words of `text` (runs without white space) with their spans, offsets in `text`.
pub fn words(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let base = span.start.min(text.len());
    let end = span.end.clamp(base, text.len());
    let s = text.get(base..end).unwrap_or("");
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(move |w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            Span::new(start, start + w.len())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_and_spaces() {
        let t = "AMMAN (Reuters) — The";
        assert_eq!(dash_run(t, 16), 16 + '—'.len_utf8());
        assert_eq!(skip_spaces(t, 5), 6);
        assert_eq!(skip_spaces_back(t, 6), 5);
        assert_eq!(dash_run(t, 0), 0);
        assert_eq!(char_at(t, 100), None);
        assert_eq!(char_before(t, 0), None);
    }

    #[test]
    fn word_spans() {
        let t = "  By  Maria Okafor ";
        let w: Vec<&str> = words(t, Span::new(0, t.len())).map(|s| s.of(t)).collect();
        assert_eq!(w, ["By", "Maria", "Okafor"]);
        assert_eq!(words(t, Span::new(50, 60)).count(), 0);
    }

    #[test]
    fn caps() {
        assert!(is_caps_word("N.Y."));
        assert!(is_caps_word("AL-BAB"));
        assert!(!is_caps_word("Calif."));
        assert!(!is_caps_word("123"));
    }
}
