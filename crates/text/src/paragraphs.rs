//! Paragraphs: the non-empty lines of a text, trimmed.
//!
//! News text separates paragraphs with a single line break or with blank lines, and never
//! wraps a paragraph over several lines, so every line break ends a paragraph. `\n`,
//! `\r\n`, a lone `\r`, U+0085, U+2028 and U+2029 all count as line breaks.

use newsproc_sdk::Span;

use crate::chars::{char_at, is_line_break};
use crate::util::trim_whitespace;

/// Iterator over the paragraphs of a text. See [`paragraphs`].
#[derive(Clone, Debug)]
pub struct Paragraphs<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Paragraphs<'a> {
    pub fn new(text: &'a str) -> Paragraphs<'a> {
        Paragraphs { text, pos: 0 }
    }
}

/// The end of the line starting at `from` and the start of the next one.
fn line_end(text: &str, from: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut i = from;
    let found = loop {
        match memchr::memchr3(b'\n', b'\r', 0xE2, &bytes[i..]) {
            None => break None,
            Some(k) => {
                let at = i + k;
                match bytes[at] {
                    b'\n' | b'\r' => break Some((at, at + 1)),
                    _ => match char_at(bytes, at) {
                        Some((c, n)) if is_line_break(c) => break Some((at, at + n)),
                        _ => i = at + 1,
                    },
                }
            }
        }
    };
    // U+0085 (NEL, bytes C2 85) is rare; look for it only before the break found.
    let limit = found.map_or(text.len(), |(at, _)| at);
    let mut j = from;
    while let Some(k) = memchr::memchr(0xC2, &bytes[j..limit]) {
        if bytes.get(j + k + 1) == Some(&0x85) {
            return (j + k, j + k + 2);
        }
        j += k + 1;
    }
    found.unwrap_or((text.len(), text.len()))
}

impl Iterator for Paragraphs<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        while self.pos < self.text.len() {
            let (end, next) = line_end(self.text, self.pos);
            let line = Span::new(self.pos, end);
            self.pos = next;
            let trimmed = trim_whitespace(self.text, line);
            if !trimmed.is_empty() {
                return Some(trimmed);
            }
        }
        None
    }
}

/// The paragraphs of `text`: each non-empty line, trimmed of white space.
pub fn paragraphs(text: &str) -> Vec<Span> {
    Paragraphs::new(text).collect()
}

/// The index of the paragraph containing byte `offset`, if any (binary search over the
/// output of [`paragraphs`]).
pub fn paragraph_at(paragraphs: &[Span], offset: usize) -> Option<usize> {
    let i = paragraphs.partition_point(|p| p.end <= offset);
    paragraphs.get(i).filter(|p| p.start <= offset).map(|_| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text).iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn splits_on_single_and_blank_lines() {
        assert_eq!(
            texts(
                "  Title \nFirst para.\n\n\n  Second.\r\nThird\rFourth\u{2029}Fifth\u{0085}Sixth"
            ),
            [
                "Title",
                "First para.",
                "Second.",
                "Third",
                "Fourth",
                "Fifth",
                "Sixth"
            ]
        );
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n \n\u{00A0}\n").is_empty());
        assert_eq!(texts("one"), ["one"]);
        assert_eq!(texts("“quote” — dash\n"), ["“quote” — dash"]);
    }

    #[test]
    fn lookup() {
        let text = "ab\n\ncd";
        let p = paragraphs(text);
        assert_eq!(paragraph_at(&p, 0), Some(0));
        assert_eq!(paragraph_at(&p, 2), None);
        assert_eq!(paragraph_at(&p, 5), Some(1));
        assert_eq!(paragraph_at(&p, 6), None);
    }
}
