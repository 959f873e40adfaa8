//! Folding text for matching while keeping the original offsets.
//!
//! [`fold`] maps typographic variants to one ASCII form, so that a lexicon entry written
//! `Assad's` or `al-Qaeda` matches `Assad’s` or `al‑Qaeda` (non-breaking hyphen) in a
//! text, and collapses runs of horizontal white space so `Free  Syrian\u{a0}Army` matches
//! `Free Syrian Army`:
//!
//! - `’ ‘ ‛ ʼ ′ ´` and `` ` `` → `'`; `“ ” „ ‟ ″ « »` → `"`;
//! - hyphen, non-breaking hyphen, figure dash, en dash, minus sign → `-` (the em dash
//!   stays: it separates clauses, not words);
//! - tabs, no-break and other Unicode spaces → a space, and a run of them → one space;
//!   line breaks are kept (a phrase never matches across lines);
//! - zero-width space/joiners, soft hyphen, byte-order mark → removed.
//!
//! The folded text is borrowed when nothing changes (plain ASCII with single spaces, the
//! common case); otherwise it comes with a map from folded byte offsets back to the
//! original ones.

use std::borrow::Cow;

use newsproc_sdk::Span;

/// What one character folds to.
enum Fold {
    Keep,
    To(char),
    Space,
    Drop,
}

#[inline]
fn fold_char(c: char) -> Fold {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '`' => {
            Fold::To('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Fold::To('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => Fold::To('-'),
        ' '
        | '\t'
        | '\u{000B}'
        | '\u{000C}'
        | '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Fold::Space,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Fold::Drop,
        _ => Fold::Keep,
    }
}

/// Folds one phrase (a lexicon entry): like [`fold`], and trimmed.
pub fn fold_str(s: &str) -> String {
    fold(s).as_str().trim_matches(' ').to_string()
}

/// A folded text and the way back to the original offsets.
#[derive(Clone, Debug)]
pub struct Folded<'a> {
    original: &'a str,
    folded: Cow<'a, str>,
    /// For each folded byte, the offset of the original character it came from; one
    /// extra entry for the end. `None` when the folded text is the original.
    map: Option<Vec<u32>>,
}

/// Folds `text` for matching. See the module docs for what changes.
pub fn fold(text: &str) -> Folded<'_> {
    if !needs_folding(text) {
        return Folded {
            original: text,
            folded: Cow::Borrowed(text),
            map: None,
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut map: Vec<u32> = Vec::with_capacity(text.len() + 1);
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        let pos = i as u32;
        match fold_char(c) {
            Fold::Keep => {
                in_space = false;
                out.push(c);
                map.extend(std::iter::repeat_n(pos, c.len_utf8()));
            }
            Fold::To(f) => {
                in_space = false;
                out.push(f);
                map.extend(std::iter::repeat_n(pos, f.len_utf8()));
            }
            Fold::Space => {
                if !in_space {
                    out.push(' ');
                    map.push(pos);
                }
                in_space = true;
            }
            Fold::Drop => {}
        }
    }
    map.push(text.len() as u32);
    Folded {
        original: text,
        folded: Cow::Owned(out),
        map: Some(map),
    }
}

/// Cheap test for text that folds to itself: ASCII with no tab, no double space, no
/// backtick.
fn needs_folding(text: &str) -> bool {
    let bytes = text.as_bytes();
    !text.is_ascii()
        || text.len() > u32::MAX as usize
        || memchr::memchr3(b'\t', b'`', 0x0B, bytes).is_some()
        || memchr::memchr(0x0C, bytes).is_some()
        || memchr::memmem::find(bytes, b"  ").is_some()
}

impl<'a> Folded<'a> {
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    pub fn original(&self) -> &'a str {
        self.original
    }

    /// Whether the folded text is the original text.
    pub fn is_identity(&self) -> bool {
        self.map.is_none()
    }

    /// The original offset of folded byte `i` (the start of the character it came from;
    /// the original length for the end).
    pub fn original_offset(&self, i: usize) -> usize {
        match &self.map {
            None => i.min(self.original.len()),
            Some(map) => map.get(i).map_or(self.original.len(), |&o| o as usize),
        }
    }

    /// The original span of a span of the folded text: from the start of the character
    /// the first byte came from to the end of the character the last byte came from.
    pub fn original_span(&self, span: Span) -> Span {
        match &self.map {
            None => crate::util::clamp_span(self.original, span),
            Some(_) => {
                let start = self.original_offset(span.start);
                if span.is_empty() {
                    return Span::new(start, start);
                }
                let last = self.original_offset(span.end - 1);
                let end = last
                    + self.original[last.min(self.original.len())..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
                Span::new(start.min(end), end)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_text_is_borrowed() {
        let f = fold("Assad's army");
        assert!(f.is_identity());
        assert_eq!(f.as_str(), "Assad's army");
        assert_eq!(f.original_span(Span::new(0, 7)), Span::new(0, 7));
    }

    #[test]
    fn folds_and_maps_back() {
        let text = "Assad’s  al‑Qaeda\u{00A0}“men”\u{200B}x\n\ty";
        let f = fold(text);
        assert_eq!(f.as_str(), "Assad's al-Qaeda \"men\"x\n y");
        let at = f.as_str().find("al-Qaeda").unwrap();
        let span = f.original_span(Span::new(at, at + "al-Qaeda".len()));
        assert_eq!(span.of(text), "al‑Qaeda");
        let span = f.original_span(Span::new(0, 7));
        assert_eq!(span.of(text), "Assad’s");
        let at = f.as_str().find("x").unwrap();
        assert_eq!(f.original_span(Span::new(at, at + 1)).of(text), "x");
        assert_eq!(f.original_offset(f.as_str().len()), text.len());
        assert_eq!(f.original_offset(9999), text.len());
        assert_eq!(fold_str("  Free\u{00A0}Syrian   Army "), "Free Syrian Army");
        assert_eq!(f.original_span(Span::new(3, 3)), Span::new(3, 3));
    }
}
