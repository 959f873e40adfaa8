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
//! The folded text is borrowed when nothing changes (the common case for ASCII copy); otherwise it comes with a map from folded byte offsets back to the
//! original ones.

use std::borrow::Cow;

use newsproc_sdk::Span;

use crate::chars::{ByteSearch, Needle};

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
    // Most entries are plain ASCII words with single spaces, which fold to themselves;
    // start-up folds thousands of them, and one byte loop is cheaper than the searches.
    let plain = s.bytes().all(|b| matches!(b, b' '..=b'~') && b != b'`')
        && !s.as_bytes().windows(2).any(|w| w == b"  ");
    if plain {
        return s.trim_matches(' ').to_string();
    }
    fold(s).as_str().trim_matches(' ').to_string()
}

/// A folded text and the way back to the original offsets.
#[derive(Clone, Debug)]
pub struct Folded<'a> {
    original: &'a str,
    folded: Cow<'a, str>,
    /// Checkpoints `(folded offset, original offset)` after each edit, in order; between
    /// checkpoints the two texts advance together. Empty when nothing was edited.
    edits: Vec<(usize, usize)>,
}

/// Folds `text` for matching. See the module docs for what changes.
pub fn fold(text: &str) -> Folded<'_> {
    let bytes = text.as_bytes();
    let mut hits = ByteSearch::new(bytes, FOLD_CANDIDATES);
    let mut out: Option<String> = None;
    let mut edits = Vec::new();
    // Start of the not yet copied stretch of unchanged text.
    let mut copied = 0;
    let mut pos = 0;
    while let Some(at) = hits.next(pos) {
        let Some((c, n)) = crate::chars::char_at(bytes, at) else {
            pos = at + 1;
            continue;
        };
        let f = fold_char(c);
        if matches!(f, Fold::Keep) {
            pos = at + n;
            continue;
        }
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[copied..at]);
        let mut i = at + n;
        match f {
            Fold::To(r) => out.push(r),
            Fold::Space => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
                // Swallow the rest of the run.
                while let Some((c, n)) = crate::chars::char_at(bytes, i) {
                    if matches!(fold_char(c), Fold::Space) {
                        i += n;
                    } else {
                        break;
                    }
                }
            }
            Fold::Drop | Fold::Keep => {}
        }
        copied = i;
        pos = i;
        edits.push((out.len(), i));
    }
    match out {
        None => Folded {
            original: text,
            folded: Cow::Borrowed(text),
            edits: Vec::new(),
        },
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Folded {
                original: text,
                folded: Cow::Owned(out),
                edits,
            }
        }
    }
}

/// The searches that find where a foldable character may start. Lead bytes of the
/// non-ASCII characters that fold: U+00A0-U+00BB, U+02BC, U+1680, U+2000-U+2212, U+3000,
/// U+FEFF; then the ASCII ones, and runs of spaces.
const FOLD_CANDIDATES: [Needle; 5] = [
    Needle::Either3(0xC2, 0xE2, 0xE3),
    Needle::Either3(0xCA, 0xE1, 0xEF),
    Needle::Either3(b'\t', 0x0B, b'`'),
    Needle::Byte(0x0C),
    Needle::Sequence(b"  "),
];

impl<'a> Folded<'a> {
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    pub fn original(&self) -> &'a str {
        self.original
    }

    /// Whether the folded text is the original text.
    pub fn is_identity(&self) -> bool {
        matches!(self.folded, Cow::Borrowed(_))
    }

    /// The original offset of folded byte `i`: for a byte of a folded character, the
    /// start of the original character; the original length for the end.
    pub fn original_offset(&self, i: usize) -> usize {
        if i >= self.folded.len() {
            return self.original.len();
        }
        // Unchanged text and each one-byte replacement advance both texts together from
        // the last checkpoint at or before `i`; a replacement byte thus lands on the
        // start of the characters it replaced.
        let k = self.edits.partition_point(|&(f, _)| f <= i);
        let (f, o) = if k == 0 { (0, 0) } else { self.edits[k - 1] };
        (o + (i - f)).min(self.original.len())
    }

    /// The original span of a span of the folded text: from the start of the character
    /// the first byte came from to the end of the character the last byte came from.
    pub fn original_span(&self, span: Span) -> Span {
        if self.is_identity() {
            return crate::util::clamp_span(self.original, span);
        }
        let start = crate::chars::floor_boundary(self.original, self.original_offset(span.start));
        if span.end <= span.start {
            return Span::new(start, start);
        }
        let last = crate::chars::floor_boundary(self.original, self.original_offset(span.end - 1));
        let end = last
            + self.original[last..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        Span::new(start.min(end), end.max(start))
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

    #[test]
    fn fold_str_shortcut_agrees_with_fold() {
        for phrase in [
            "Free Syrian Army",
            " said ",
            "a  b",
            "rock `n roll",
            "tab\there",
            "Assad\u{2019}s",
            "",
            "   ",
            "~!@#$%^&*()_+",
        ] {
            assert_eq!(
                fold_str(phrase),
                fold(phrase).as_str().trim_matches(' '),
                "{phrase:?}"
            );
        }
    }
}
