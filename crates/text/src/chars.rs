//! Character classes shared by the scanners.
//!
//! Everything here works on byte slices of a `&str` and never panics on an offset that is
//! out of range or not on a character boundary: the scanners call these with offsets they
//! computed themselves, but the public helpers are also fed user spans.

/// Decodes the character starting at byte `i`. Returns `None` at the end of the text or
/// when `i` is not the first byte of a character.
#[inline]
pub(crate) fn char_at(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let b0 = *bytes.get(i)?;
    if b0 < 0x80 {
        return Some((b0 as char, 1));
    }
    let (len, init) = match b0 {
        0xC0..=0xDF => (2, (b0 & 0x1F) as u32),
        0xE0..=0xEF => (3, (b0 & 0x0F) as u32),
        0xF0..=0xF7 => (4, (b0 & 0x07) as u32),
        _ => return None,
    };
    let mut c = init;
    for k in 1..len {
        let b = *bytes.get(i + k)?;
        if b & 0xC0 != 0x80 {
            return None;
        }
        c = (c << 6) | (b & 0x3F) as u32;
    }
    char::from_u32(c).map(|c| (c, len))
}

/// Decodes the character that ends just before byte `i`.
#[inline]
pub(crate) fn char_before(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    if i == 0 || i > bytes.len() {
        return None;
    }
    let b = bytes[i - 1];
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let mut start = i - 1;
    while start > 0 && bytes[start] & 0xC0 == 0x80 && i - start < 4 {
        start -= 1;
    }
    match char_at(bytes, start) {
        Some((c, len)) if start + len == i => Some((c, len)),
        _ => None,
    }
}

/// Rounds `i` down to a character boundary of `text` (and into range).
#[inline]
pub(crate) fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Rounds `i` up to a character boundary of `text` (and into range).
#[inline]
pub(crate) fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// White space for our purposes: Unicode `White_Space` plus the invisible characters
/// that web-scraped news carries between words (byte-order mark, zero-width space).
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}')
}

/// Characters that end a line (and therefore a paragraph).
#[inline]
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

/// Apostrophe glyphs that can sit inside a word: ASCII, right single quotation mark
/// (what word processors produce), modifier letter apostrophe.
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Hyphens that join compound words. The en dash is not one: "20–30" is a range written
/// with a dash, tokenised as three tokens.
#[inline]
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Dash glyphs that stand alone between words.
#[inline]
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2E3A}' | '\u{2E3B}' | '\u{2212}'
    )
}

/// Every quotation-mark glyph we know, apostrophe-like ones included.
#[inline]
pub(crate) fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{300C}'
            | '\u{300D}'
            | '\u{300E}'
            | '\u{300F}'
            | '\u{FF02}'
            | '\u{FF07}'
    )
}

/// Combining marks and joiners that continue a word without being letters themselves
/// (decomposed accents, emoji joiners, variation selectors, soft hyphen).
#[inline]
pub(crate) fn is_word_continuation(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{200C}' | '\u{200D}' | '\u{00AD}')
}

/// A letter or digit (Unicode), the stuff words are made of.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// What a [`ByteSearch`] looks for: a byte, any of three bytes, or a byte sequence.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Needle {
    Byte(u8),
    Either3(u8, u8, u8),
    Sequence(&'static [u8]),
}

impl Needle {
    fn find(self, hay: &[u8]) -> Option<usize> {
        match self {
            Needle::Byte(a) => memchr::memchr(a, hay),
            Needle::Either3(a, b, c) => memchr::memchr3(a, b, c, hay),
            Needle::Sequence(s) => memchr::memmem::find(hay, s),
        }
    }
}

/// The next position where any of a few needles occurs, found with SIMD searches
/// (`memchr`) whose hits are cached: a scanner that only cares about rare bytes (quote
/// marks, terminators, lead bytes of foldable characters) skips the rest at memchr speed
/// instead of testing every byte.
pub(crate) struct ByteSearch<'a, const N: usize> {
    bytes: &'a [u8],
    needles: [Needle; N],
    /// The next hit of each needle at or after the position it was last searched from
    /// (`usize::MAX` when there is none), or `None` before its first search. A hit stays
    /// the answer for every later position up to it.
    next: [Option<usize>; N],
}

impl<'a, const N: usize> ByteSearch<'a, N> {
    pub(crate) fn new(bytes: &'a [u8], needles: [Needle; N]) -> ByteSearch<'a, N> {
        ByteSearch {
            bytes,
            needles,
            next: [None; N],
        }
    }

    /// The first position at or after `pos` where a needle starts.
    pub(crate) fn next(&mut self, pos: usize) -> Option<usize> {
        if pos >= self.bytes.len() {
            return None;
        }
        let mut best = usize::MAX;
        for (cached, needle) in self.next.iter_mut().zip(self.needles) {
            let hit = match *cached {
                Some(h) if h >= pos => h,
                _ => {
                    let h = needle
                        .find(&self.bytes[pos..])
                        .map_or(usize::MAX, |h| h + pos);
                    *cached = Some(h);
                    h
                }
            };
            best = best.min(hit);
        }
        (best != usize::MAX).then_some(best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_forwards_and_backwards() {
        let s = "a’b😀";
        let b = s.as_bytes();
        assert_eq!(char_at(b, 0), Some(('a', 1)));
        assert_eq!(char_at(b, 1), Some(('’', 3)));
        assert_eq!(char_at(b, 2), None);
        assert_eq!(char_at(b, 4), Some(('b', 1)));
        assert_eq!(char_at(b, 5), Some(('😀', 4)));
        assert_eq!(char_at(b, 9), None);
        assert_eq!(char_before(b, 4), Some(('’', 3)));
        assert_eq!(char_before(b, 9), Some(('😀', 4)));
        assert_eq!(char_before(b, 0), None);
        assert_eq!(char_before(b, 3), None);
        assert_eq!(char_before(b, 99), None);
    }

    #[test]
    fn boundaries_round() {
        let s = "a’b";
        assert_eq!(floor_boundary(s, 2), 1);
        assert_eq!(ceil_boundary(s, 2), 4);
        assert_eq!(floor_boundary(s, 100), 5);
    }

    #[test]
    fn byte_search_finds_what_a_byte_loop_finds() {
        let needles = [Needle::Either3(b'.', b'!', b'?'), Needle::Byte(0xE2)];
        let texts = [
            "",
            "no terminator here",
            "One. Two! Three? “Four” – five… six.",
            "...!!??",
            "ends with a curly quote’",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            let want: Vec<usize> = (0..bytes.len())
                .filter(|&i| matches!(bytes[i], b'.' | b'!' | b'?' | 0xE2))
                .collect();
            // Every start position, so that cached hits are reused and refreshed.
            for from in 0..=bytes.len() {
                let mut search = ByteSearch::new(bytes, needles);
                let mut got = Vec::new();
                let mut pos = from;
                while let Some(at) = search.next(pos) {
                    got.push(at);
                    pos = at + 1 + (at % 2);
                }
                let mut expected = Vec::new();
                let mut pos = from;
                while let Some(&at) = want.iter().find(|&&w| w >= pos) {
                    expected.push(at);
                    pos = at + 1 + (at % 2);
                }
                assert_eq!(got, expected, "{text:?} from {from}");
            }
        }
        let mut pairs = ByteSearch::new(b"a  b c  d", [Needle::Sequence(b"  ")]);
        assert_eq!(pairs.next(0), Some(1));
        assert_eq!(pairs.next(2), Some(6));
        assert_eq!(pairs.next(7), None);
    }
}
