//! The tokenizer.
//!
//! One pass over the bytes with a 256-entry class table for ASCII and a decode only for
//! non-ASCII characters; tokens are `Copy` values of 24 bytes and nothing is allocated per
//! token. White space is not a token: each token records instead whether space (and
//! whether a line break) precedes it, which is what stages ask about white space.
//!
//! What stays one token:
//! - letters and digits with internal apostrophes: `don't`, `Assad's`, `Assad’s`, `90's`
//!   (an apostrophe only joins when a letter follows it, so `officials’` is a word plus a
//!   [`TokenKind::QuoteMark`], and so is `’90s`: the quotes module decides what those are);
//! - hyphenated compounds: `Iranian-backed`, `twenty-three`, `al-Qaeda`, `8-year-old`,
//!   `20-30` (flag [`Flags::HYPHENATED`]; [`Token::parts`] gives the pieces). An en dash is
//!   not a hyphen: `20–30` is `20`, `–`, `30`;
//! - numbers with thousands separators and decimals `1,500`, `3.5`, times and fractions
//!   `10:30`, `9/11` (a comma only joins well-formed groups of three digits, so `1,2` is
//!   three tokens);
//! - dotted abbreviations made of single letters: `U.S.`, `a.m.`, `U.N.` (the final period
//!   included; flag [`Flags::DOTTED`]). Other abbreviations (`Gen.`) are a word and a `.`.
//!
//! A token made only of digits and separators is a [`TokenKind::Number`]; one mixing
//! letters and digits (`17th`, `2.5m`, `F-16`, `8-year-old`) is [`TokenKind::Alnum`].

use newsproc_sdk::Span;

use crate::chars::{
    char_at, is_apostrophe, is_dash, is_hyphen, is_line_break, is_quote_mark, is_space,
    is_word_char, is_word_continuation,
};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with internal apostrophes, hyphens or dots.
    Word,
    /// Digits, possibly with `,` groups, a decimal point, `:`, `/` or hyphens (`20-30`).
    Number,
    /// Letters and digits mixed: `17th`, `2.5m`, `F-16`, `8-year-old`.
    Alnum,
    /// Any quotation mark or a free-standing apostrophe: `"` `'` `“` `”` `‘` `’` `«` `»`
    /// `„` `‚` `‹` `›` and their kin.
    QuoteMark,
    /// `-` or `--` standing alone, en dash, em dash, horizontal bar, minus sign.
    Dash,
    /// `…`, or two or more periods in a row.
    Ellipsis,
    /// Other punctuation: `. , ; : ! ? ( ) [ ] { } /` and Unicode punctuation.
    Punct,
    /// Everything else: `$ % & # @ + =`, currency signs, emoji, ...
    Symbol,
}

/// Cheap facts about a token, as bits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Flags(u16);

impl Flags {
    /// The first character is an uppercase letter.
    pub const CAPITALISED: Flags = Flags(1);
    /// At least two letters and none lowercase (`AMMAN`, `ISIS`, `U.S.`; not `A`, `I`).
    pub const ALL_CAPS: Flags = Flags(1 << 1);
    pub const HAS_DIGIT: Flags = Flags(1 << 2);
    pub const HAS_ALPHA: Flags = Flags(1 << 3);
    /// Contains a joining hyphen (`Iranian-backed`).
    pub const HYPHENATED: Flags = Flags(1 << 4);
    /// Contains an internal apostrophe (`don't`, `Assad’s`).
    pub const APOSTROPHE: Flags = Flags(1 << 5);
    /// A dotted abbreviation of single letters (`U.S.`, `a.m.`).
    pub const DOTTED: Flags = Flags(1 << 6);
    /// Contains a non-ASCII character.
    pub const NON_ASCII: Flags = Flags(1 << 7);
    /// White space (of any kind) comes right before the token.
    pub const SPACE_BEFORE: Flags = Flags(1 << 8);
    /// A line break comes somewhere in the white space before the token.
    pub const LINE_BEFORE: Flags = Flags(1 << 9);
    /// The token is the first of the text.
    pub const TEXT_START: Flags = Flags(1 << 10);

    pub const fn empty() -> Flags {
        Flags(0)
    }

    pub const fn bits(self) -> u16 {
        self.0
    }

    pub const fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    pub const fn union(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }
}

impl std::ops::BitOr for Flags {
    type Output = Flags;
    fn bitor(self, rhs: Flags) -> Flags {
        self.union(rhs)
    }
}

impl std::ops::BitOrAssign for Flags {
    fn bitor_assign(&mut self, rhs: Flags) {
        self.0 |= rhs.0;
    }
}

impl std::fmt::Debug for Flags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const NAMES: [&str; 11] = [
            "CAPITALISED",
            "ALL_CAPS",
            "HAS_DIGIT",
            "HAS_ALPHA",
            "HYPHENATED",
            "APOSTROPHE",
            "DOTTED",
            "NON_ASCII",
            "SPACE_BEFORE",
            "LINE_BEFORE",
            "TEXT_START",
        ];
        let mut first = true;
        for (i, name) in NAMES.iter().enumerate() {
            if self.0 & (1 << i) != 0 {
                if !first {
                    f.write_str("|")?;
                }
                f.write_str(name)?;
                first = false;
            }
        }
        if first {
            f.write_str("(empty)")?;
        }
        Ok(())
    }
}

/// One token: where it is, what it is, and cheap facts about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    pub flags: Flags,
}

impl Token {
    /// The token's text. Returns `""` when `text` is not the text it was made from.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.range()).unwrap_or("")
    }

    pub fn has(&self, flag: Flags) -> bool {
        self.flags.contains(flag)
    }

    /// A word, a number or a mix of both: something that reads as a word.
    pub fn is_wordlike(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Alnum
        )
    }

    pub fn is_capitalised(&self) -> bool {
        self.has(Flags::CAPITALISED)
    }

    /// White space separates this token from the one before.
    pub fn space_before(&self) -> bool {
        self.has(Flags::SPACE_BEFORE)
    }

    /// The pieces of a hyphenated token (`al-Qaeda` → `al`, `Qaeda`); a token without
    /// hyphens is its only piece.
    pub fn parts<'t>(&self, text: &'t str) -> Parts<'t> {
        let start = if text.get(self.span.range()).is_some() {
            self.span.start
        } else {
            text.len()
        };
        let end = if start == text.len() {
            start
        } else {
            self.span.end
        };
        Parts {
            text,
            pos: start,
            end,
        }
    }

    /// Whether the token's text equals `word`, ignoring ASCII case.
    #[inline]
    pub fn is(&self, text: &str, word: &str) -> bool {
        // Lengths first: most calls test a token against a list of words, and most
        // words of the list differ from it in length.
        self.span.len() == word.len() && self.text(text).eq_ignore_ascii_case(word)
    }
}

/// Iterator over the hyphen-separated pieces of a token, see [`Token::parts`].
#[derive(Clone, Debug)]
pub struct Parts<'t> {
    text: &'t str,
    pos: usize,
    end: usize,
}

impl Iterator for Parts<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        if self.pos >= self.end {
            return None;
        }
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut i = start;
        while i < self.end {
            match char_at(bytes, i) {
                Some((c, n)) if is_hyphen(c) => {
                    self.pos = i + n;
                    return Some(Span::new(start, i));
                }
                Some((_, n)) => i += n,
                None => break,
            }
        }
        self.pos = self.end;
        Some(Span::new(start, self.end))
    }
}

// Byte classes for the ASCII fast path.
const SPACE: u8 = 0;
const NEWLINE: u8 = 1;
const LOWER: u8 = 2;
const UPPER: u8 = 3;
const DIGIT: u8 = 4;
const APOS: u8 = 5;
const DQUOTE: u8 = 6;
const HYPHEN: u8 = 7;
const DOT: u8 = 8;
const COMMA: u8 = 9;
const COLON: u8 = 10;
const SLASH: u8 = 11;
const PUNCT: u8 = 12;
const SYMBOL: u8 = 13;
const NONASCII: u8 = 14;

static CLASS: [u8; 256] = {
    let mut t = [NONASCII; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b' ' | b'\t' | 0x0B | 0x0C => SPACE,
            b'\n' | b'\r' => NEWLINE,
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            b'\'' => APOS,
            b'"' => DQUOTE,
            b'-' => HYPHEN,
            b'.' => DOT,
            b',' => COMMA,
            b':' => COLON,
            b'/' => SLASH,
            b';' | b'!' | b'?' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => PUNCT,
            _ => SYMBOL,
        };
        b += 1;
    }
    t
};

#[inline]
fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

#[inline]
fn is_digit_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_some_and(|b| b.is_ascii_digit())
}

#[inline]
fn is_letter_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(&b) if b < 0x80 => b.is_ascii_alphabetic(),
        Some(_) => char_at(bytes, i).is_some_and(|(c, _)| c.is_alphabetic()),
        None => false,
    }
}

#[inline]
fn is_wordchar_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => char_at(bytes, i).is_some_and(|(c, _)| is_word_char(c)),
        None => false,
    }
}

/// Iterator over the tokens of a text. See [`tokenize`].
#[derive(Clone, Debug)]
pub struct Tokens<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Tokens<'a> {
        Tokens {
            bytes: text.as_bytes(),
            pos: 0,
        }
    }
}

/// The tokens of `text`, in order, never overlapping, white space left out.
pub fn tokenize(text: &str) -> Vec<Token> {
    // English news averages 5.2 to 5.8 bytes a token; reserving one per four bytes
    // avoids regrowing (a copy of the whole vector) at a modest overshoot.
    let mut out = Vec::with_capacity(text.len() / 4 + 16);
    out.extend(Tokens::new(text));
    out
}

/// Like [`tokenize`] but reusing `out` (cleared first), for stages that tokenize many
/// documents in a row.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    out.extend(Tokens::new(text));
}

/// The tokens of the part of `text` that `span` covers; their spans are offsets in
/// `text`. A span not valid for `text` is clamped to character boundaries.
pub fn tokenize_span(text: &str, span: Span) -> Vec<Token> {
    let span = crate::util::clamp_span(text, span);
    let sub = &text[span.range()];
    Tokens::new(sub)
        .map(|mut t| {
            t.span = Span::new(t.span.start + span.start, t.span.end + span.start);
            t
        })
        .collect()
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    // Always inlined: the loops that tokenize whole texts (`tokenize`, a stage's own
    // `extend`) then keep the scanner's state in registers instead of paying a call
    // with six saved registers for every token.
    #[inline(always)]
    fn next(&mut self) -> Option<Token> {
        let bytes = self.bytes;
        let mut i = self.pos;
        let mut flags = if i == 0 {
            Flags::TEXT_START
        } else {
            Flags::empty()
        };
        // Skip white space.
        loop {
            let &b = bytes.get(i)?;
            match class(b) {
                SPACE => {
                    flags |= Flags::SPACE_BEFORE;
                    i += 1;
                }
                NEWLINE => {
                    flags |= Flags::SPACE_BEFORE | Flags::LINE_BEFORE;
                    i += 1;
                }
                NONASCII => match char_at(bytes, i) {
                    Some((c, n)) if is_space(c) => {
                        flags |= Flags::SPACE_BEFORE;
                        if is_line_break(c) {
                            flags |= Flags::LINE_BEFORE;
                        }
                        i += n;
                    }
                    Some(_) => break,
                    // Not reachable for a &str; skip the byte rather than loop forever.
                    None => i += 1,
                },
                _ => break,
            }
        }
        let start = i;
        let b = bytes[i];
        let (end, kind) = match class(b) {
            LOWER | UPPER | DIGIT => scan_word(bytes, i, &mut flags),
            APOS | DQUOTE => (i + 1, TokenKind::QuoteMark),
            HYPHEN => {
                let mut j = i + 1;
                while bytes.get(j) == Some(&b'-') {
                    j += 1;
                }
                (j, TokenKind::Dash)
            }
            DOT => {
                let mut j = i + 1;
                while bytes.get(j) == Some(&b'.') {
                    j += 1;
                }
                if j - i >= 2 {
                    (j, TokenKind::Ellipsis)
                } else {
                    (j, TokenKind::Punct)
                }
            }
            COMMA | COLON | SLASH | PUNCT => (i + 1, TokenKind::Punct),
            SYMBOL => (i + 1, TokenKind::Symbol),
            _ => match char_at(bytes, i) {
                Some((c, n)) => {
                    if c.is_alphanumeric() {
                        scan_word(bytes, i, &mut flags)
                    } else {
                        flags |= Flags::NON_ASCII;
                        let kind = if is_quote_mark(c) {
                            TokenKind::QuoteMark
                        } else if is_dash(c) {
                            TokenKind::Dash
                        } else if c == '\u{2026}' {
                            TokenKind::Ellipsis
                        } else if is_hyphen(c) || is_unicode_punct(c) {
                            TokenKind::Punct
                        } else {
                            TokenKind::Symbol
                        };
                        (i + n, kind)
                    }
                }
                None => (i + 1, TokenKind::Symbol),
            },
        };
        self.pos = end;
        Some(Token {
            span: Span::new(start, end),
            kind,
            flags,
        })
    }
}

fn is_unicode_punct(c: char) -> bool {
    matches!(c,
        '\u{00A1}' | '\u{00A7}' | '\u{00B6}' | '\u{00B7}' | '\u{00BF}'
        | '\u{2016}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{FF01}'..='\u{FF0F}')
}

/// Scans a word-like token starting at `start` (a letter or digit). Sets the word flags.
#[inline(always)]
fn scan_word(bytes: &[u8], start: usize, flags: &mut Flags) -> (usize, TokenKind) {
    // Dotted single-letter abbreviations first: "U.S.", "a.m.", "D.C.".
    if bytes[start].is_ascii_alphabetic()
        && bytes.get(start + 1) == Some(&b'.')
        && bytes
            .get(start + 2)
            .is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.get(start + 3) == Some(&b'.')
    {
        let mut j = start;
        let mut upper = 0;
        let mut lower = 0;
        while bytes.get(j).is_some_and(|b| b.is_ascii_alphabetic())
            && bytes.get(j + 1) == Some(&b'.')
        {
            if bytes[j].is_ascii_uppercase() {
                upper += 1;
            } else {
                lower += 1;
            }
            j += 2;
        }
        *flags |= Flags::DOTTED | Flags::HAS_ALPHA;
        if bytes[start].is_ascii_uppercase() {
            *flags |= Flags::CAPITALISED;
        }
        if upper >= 2 && lower == 0 {
            *flags |= Flags::ALL_CAPS;
        }
        return (j, TokenKind::Word);
    }
    if let Some(plain) = scan_plain(bytes, start, flags) {
        return plain;
    }
    scan_joined(bytes, start, flags)
}

/// The common case of [`scan_word`] without its general loop: a run of ASCII letters, or
/// of ASCII digits, that ends where nothing could join more to it (white space, a quote,
/// most punctuation). `None`, with `flags` untouched, for every other word: the general
/// loop then reads it from the start. A letter run can only go on through a digit, an
/// apostrophe, a hyphen or a non-ASCII character; a digit run also through `.`, `,`,
/// `:` and `/` (`3.5`, `1,500`, `10:30`, `9/11`).
#[inline]
fn scan_plain(bytes: &[u8], start: usize, flags: &mut Flags) -> Option<(usize, TokenKind)> {
    let mut i = start;
    if bytes[start].is_ascii_digit() {
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let ends = bytes.get(i).is_none_or(|&b| {
            !matches!(
                class(b),
                LOWER | UPPER | DIGIT | APOS | HYPHEN | DOT | COMMA | COLON | SLASH | NONASCII
            )
        });
        if !ends {
            return None;
        }
        *flags |= Flags::HAS_DIGIT;
        return Some((i, TokenKind::Number));
    }
    let mut upper = 0usize;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_lowercase() {
            i += 1;
        } else if b.is_ascii_uppercase() {
            upper += 1;
            i += 1;
        } else {
            break;
        }
    }
    let ends = bytes
        .get(i)
        .is_none_or(|&b| !matches!(class(b), DIGIT | APOS | HYPHEN | NONASCII));
    if !ends {
        return None;
    }
    if bytes[start].is_ascii_uppercase() {
        *flags |= Flags::CAPITALISED;
    }
    if upper >= 2 && upper == i - start {
        *flags |= Flags::ALL_CAPS;
    }
    *flags |= Flags::HAS_ALPHA;
    Some((i, TokenKind::Word))
}

/// [`scan_word`]'s general loop: words joined by apostrophes, hyphens and number
/// separators, mixed letters and digits, non-ASCII letters.
#[inline(never)]
fn scan_joined(bytes: &[u8], start: usize, flags: &mut Flags) -> (usize, TokenKind) {
    let mut i = start;
    let mut upper: u32 = 0;
    let mut lower: u32 = 0;
    let mut other_alpha: u32 = 0;
    let mut digits: u32 = 0;
    // Digits in the current segment (since the last joiner) and whether it has letters.
    let mut seg_digits: u32 = 0;
    let mut seg_alpha = false;
    let mut first = true;
    if bytes[start].is_ascii_uppercase() {
        *flags |= Flags::CAPITALISED;
    }
    loop {
        // The common case, a run of ASCII lowercase letters, without the full dispatch.
        let run_start = i;
        while i < bytes.len() && bytes[i].is_ascii_lowercase() {
            i += 1;
        }
        if i > run_start {
            lower += (i - run_start) as u32;
            seg_alpha = true;
            first = false;
        }
        let Some(&b) = bytes.get(i) else { break };
        match class(b) {
            LOWER => {
                lower += 1;
                seg_alpha = true;
                i += 1;
            }
            UPPER => {
                upper += 1;
                seg_alpha = true;
                i += 1;
            }
            DIGIT => {
                digits += 1;
                seg_digits += 1;
                i += 1;
            }
            APOS => {
                if is_letter_at(bytes, i + 1) {
                    *flags |= Flags::APOSTROPHE;
                    seg_digits = 0;
                    seg_alpha = false;
                    i += 1;
                } else {
                    break;
                }
            }
            HYPHEN => {
                if is_wordchar_at(bytes, i + 1) {
                    *flags |= Flags::HYPHENATED;
                    seg_digits = 0;
                    seg_alpha = false;
                    i += 1;
                } else {
                    break;
                }
            }
            DOT => {
                if seg_digits > 0 && !seg_alpha && is_digit_at(bytes, i + 1) {
                    seg_digits = 0;
                    i += 1;
                } else {
                    break;
                }
            }
            COMMA => {
                if (1..=3).contains(&seg_digits)
                    && !seg_alpha
                    && is_digit_at(bytes, i + 1)
                    && is_digit_at(bytes, i + 2)
                    && is_digit_at(bytes, i + 3)
                    && !is_digit_at(bytes, i + 4)
                {
                    seg_digits = 0;
                    i += 1;
                } else {
                    break;
                }
            }
            COLON | SLASH => {
                if seg_digits > 0 && !seg_alpha && is_digit_at(bytes, i + 1) {
                    seg_digits = 0;
                    i += 1;
                } else {
                    break;
                }
            }
            NONASCII => {
                let Some((c, n)) = char_at(bytes, i) else {
                    break;
                };
                if c.is_alphabetic() {
                    if c.is_uppercase() {
                        if first {
                            *flags |= Flags::CAPITALISED;
                        }
                        upper += 1;
                    } else if c.is_lowercase() {
                        lower += 1;
                    } else {
                        other_alpha += 1;
                    }
                    seg_alpha = true;
                } else if c.is_numeric() {
                    // Non-ASCII digits (Arabic-Indic, superscripts) count as letters for
                    // the kind so that number parsing, which only reads ASCII digits,
                    // leaves them alone.
                    other_alpha += 1;
                    seg_alpha = true;
                } else if is_word_continuation(c) && !first {
                    if c == '\u{00AD}' && !is_wordchar_at(bytes, i + n) {
                        break;
                    }
                } else if is_apostrophe(c) && !first {
                    if is_letter_at(bytes, i + n) {
                        *flags |= Flags::APOSTROPHE;
                        seg_digits = 0;
                        seg_alpha = false;
                    } else {
                        break;
                    }
                } else if is_hyphen(c) && !first {
                    if is_wordchar_at(bytes, i + n) {
                        *flags |= Flags::HYPHENATED;
                        seg_digits = 0;
                        seg_alpha = false;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
                *flags |= Flags::NON_ASCII;
                i += n;
            }
            _ => break,
        }
        first = false;
    }
    let alpha = upper + lower + other_alpha;
    if upper >= 2 && lower == 0 {
        *flags |= Flags::ALL_CAPS;
    }
    if digits > 0 {
        *flags |= Flags::HAS_DIGIT;
    }
    let kind = if alpha > 0 {
        *flags |= Flags::HAS_ALPHA;
        if digits > 0 {
            TokenKind::Alnum
        } else {
            TokenKind::Word
        }
    } else {
        TokenKind::Number
    };
    // A single letter or digit is always consumed, so the token is never empty.
    (i.max(start + 1), kind)
}

/// What a stripped apostrophe looked like, see [`stripped_apostrophe`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stripped {
    /// `army s` for `army's`: the `s` token is a possessive marker.
    Possessive,
    /// `don t`, `they re`, `we ve`, `it ll`, `I m`, `he d`: the token is the tail of a
    /// contraction.
    Contraction,
}

/// Whether token `i` is the remains of a word whose apostrophe was stripped and replaced
/// by a space, as in one corpus's `the army s first goal` or `they don t`. The token must
/// be a lowercase `s` / `t` / `re` / `ve` / `ll` / `m` / `d` directly after a single space
/// that follows a word (not a number: `5 m` is five metres). A stage can then read
/// `army s` like `army's`.
pub fn stripped_apostrophe(text: &str, tokens: &[Token], i: usize) -> Option<Stripped> {
    let tok = tokens.get(i)?;
    let prev = tokens.get(i.checked_sub(1)?)?;
    if tok.kind != TokenKind::Word
        || prev.kind != TokenKind::Word
        || tok.has(Flags::LINE_BEFORE)
        || prev.span.end + 1 != tok.span.start
        || text.as_bytes().get(prev.span.end) != Some(&b' ')
    {
        return None;
    }
    // The tail must end the word: "army s-" or "army st" are something else.
    let after = text.as_bytes().get(tok.span.end).copied();
    if after.is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let prev_text = prev.text(text);
    match tok.text(text) {
        "s" => Some(Stripped::Possessive),
        "t" if prev_text.ends_with('n') || prev_text.ends_with('N') => Some(Stripped::Contraction),
        "re" | "ve" | "ll" | "m" | "d" if prev_text.len() <= 5 => Some(Stripped::Contraction),
        _ => None,
    }
}

/// Shorthand for `stripped_apostrophe(..) == Some(Stripped::Possessive)`.
pub fn is_stripped_possessive(text: &str, tokens: &[Token], i: usize) -> bool {
    stripped_apostrophe(text, tokens, i) == Some(Stripped::Possessive)
}

/// The word without its possessive ending: `Assad's` / `Assad’s` → `Assad`,
/// `officials’` / `officials'` → `officials`. `None` when `word` has no possessive
/// ending. Does not guess at apostrophe-less forms like `Syrias`.
pub fn possessive_stem(word: &str) -> Option<&str> {
    for suffix in ["'s", "\u{2019}s", "\u{02BC}s", "'S", "\u{2019}S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return Some(stem);
            }
        }
    }
    for suffix in ["'", "\u{2019}", "\u{02BC}"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.ends_with(['s', 'S']) {
                return Some(stem);
            }
        }
    }
    None
}

/// The index of the token containing byte `offset`, if any (binary search).
pub fn token_at(tokens: &[Token], offset: usize) -> Option<usize> {
    let i = tokens.partition_point(|t| t.span.end <= offset);
    tokens.get(i).filter(|t| t.span.start <= offset).map(|_| i)
}

/// The index of the first token that ends after `offset`: the token containing it or,
/// when `offset` is in white space, the next one. `tokens.len()` when there is none.
pub fn token_index_at_or_after(tokens: &[Token], offset: usize) -> usize {
    tokens.partition_point(|t| t.span.end <= offset)
}

/// The indices of the tokens lying entirely inside `span`.
pub fn tokens_in(tokens: &[Token], span: Span) -> std::ops::Range<usize> {
    let lo = tokens.partition_point(|t| t.span.start < span.start);
    let hi = tokens.partition_point(|t| t.span.end <= span.end);
    lo..hi.max(lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path must read every word it accepts exactly as the general loop does:
    /// checked at every word start of many generated strings over the characters that
    /// decide where words end.
    #[test]
    fn plain_words_read_as_the_general_loop_reads_them() {
        const PIECES: &[&str] = &[
            "a", "b", "Z", "Q", "7", "0", "'", "’", "-", "‐", ".", ",", ":", "/", " ", "\n", "\"",
            "(", "$", "é", "É", "ß", "٣", "\u{00AD}", "\u{0301}", "—", "x", "AB", "12", ",000",
            ".5", ":30", "/11", "s",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut accepted = 0;
        for _ in 0..20_000 {
            let len = 1 + next(12);
            let text: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            let bytes = text.as_bytes();
            for start in 0..bytes.len() {
                if !bytes[start].is_ascii_alphanumeric() {
                    continue;
                }
                let mut fast_flags = Flags::empty();
                let Some(fast) = scan_plain(bytes, start, &mut fast_flags) else {
                    assert_eq!(fast_flags, Flags::empty(), "{text:?} at {start}");
                    continue;
                };
                accepted += 1;
                let mut flags = Flags::empty();
                let general = scan_joined(bytes, start, &mut flags);
                assert_eq!((fast, fast_flags), (general, flags), "{text:?} at {start}");
            }
        }
        assert!(
            accepted > 10_000,
            "the fast path took only {accepted} words"
        );
    }

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    use TokenKind::*;

    #[test]
    fn apostrophes_inside_words() {
        assert_eq!(
            texts("They don't know Assad's or Assad’s plan."),
            [
                "They",
                "don't",
                "know",
                "Assad's",
                "or",
                "Assad’s",
                "plan",
                "."
            ]
        );
        let t = tokenize("Assad’s");
        assert_eq!(t.len(), 1);
        assert!(t[0].has(Flags::APOSTROPHE | Flags::CAPITALISED | Flags::NON_ASCII));
        assert_eq!(
            toks("the officials’ cars"),
            [
                ("the", Word),
                ("officials", Word),
                ("’", QuoteMark),
                ("cars", Word)
            ]
        );
        assert_eq!(
            toks("in the ’90s"),
            [
                ("in", Word),
                ("the", Word),
                ("’", QuoteMark),
                ("90s", Alnum)
            ]
        );
        assert_eq!(texts("'Stop' he said"), ["'", "Stop", "'", "he", "said"]);
    }

    #[test]
    fn hyphenated_words_are_one_token() {
        let text = "Iranian-backed twenty-three al-Qaeda 8-year-old 20-30 well- known";
        assert_eq!(
            toks(text),
            [
                ("Iranian-backed", Word),
                ("twenty-three", Word),
                ("al-Qaeda", Word),
                ("8-year-old", Alnum),
                ("20-30", Number),
                ("well", Word),
                ("-", Dash),
                ("known", Word)
            ]
        );
        let t = tokenize(text);
        assert!(t[0].has(Flags::HYPHENATED));
        let parts: Vec<&str> = t[2].parts(text).map(|s| s.of(text)).collect();
        assert_eq!(parts, ["al", "Qaeda"]);
        let parts: Vec<&str> = t[5].parts(text).map(|s| s.of(text)).collect();
        assert_eq!(parts, ["well"]);
    }

    #[test]
    fn numbers() {
        assert_eq!(
            toks("1,500 3.5 10:30 9/11 1,2 12345,678 17th 2.5m 1,000,000."),
            [
                ("1,500", Number),
                ("3.5", Number),
                ("10:30", Number),
                ("9/11", Number),
                ("1", Number),
                (",", Punct),
                ("2", Number),
                ("12345", Number),
                (",", Punct),
                ("678", Number),
                ("17th", Alnum),
                ("2.5m", Alnum),
                ("1,000,000", Number),
                (".", Punct)
            ]
        );
        assert_eq!(texts("20–30"), ["20", "–", "30"]);
        assert_eq!(texts("in 2015."), ["in", "2015", "."]);
    }

    #[test]
    fn dashes_ellipses_quotes() {
        assert_eq!(
            toks("AMMAN (Reuters) - A — b -- c... d… “e” «f» „g“"),
            [
                ("AMMAN", Word),
                ("(", Punct),
                ("Reuters", Word),
                (")", Punct),
                ("-", Dash),
                ("A", Word),
                ("—", Dash),
                ("b", Word),
                ("--", Dash),
                ("c", Word),
                ("...", Ellipsis),
                ("d", Word),
                ("…", Ellipsis),
                ("“", QuoteMark),
                ("e", Word),
                ("”", QuoteMark),
                ("«", QuoteMark),
                ("f", Word),
                ("»", QuoteMark),
                ("„", QuoteMark),
                ("g", Word),
                ("“", QuoteMark),
            ]
        );
    }

    #[test]
    fn abbreviations() {
        assert_eq!(
            texts("the U.S. and U.N. at 5 a.m. Gen. Smith"),
            [
                "the", "U.S.", "and", "U.N.", "at", "5", "a.m.", "Gen", ".", "Smith"
            ]
        );
        let t = tokenize("U.S.");
        assert!(t[0].has(Flags::DOTTED | Flags::ALL_CAPS));
        assert_eq!(texts("U.S.A. e.g."), ["U.S.A.", "e.g."]);
    }

    #[test]
    fn flags() {
        let text = "AMMAN said\nISIS A I Über 3D";
        let t = tokenize(text);
        assert!(t[0].has(Flags::ALL_CAPS | Flags::CAPITALISED | Flags::TEXT_START));
        assert!(!t[1].has(Flags::SPACE_BEFORE) || t[1].space_before());
        assert!(t[2].has(Flags::LINE_BEFORE | Flags::ALL_CAPS));
        assert!(!t[3].has(Flags::ALL_CAPS));
        assert!(t[3].is_capitalised());
        assert!(t[5].has(Flags::CAPITALISED | Flags::NON_ASCII));
        assert_eq!(t[6].kind, Alnum);
        assert!(t[6].has(Flags::HAS_DIGIT | Flags::HAS_ALPHA));
        assert_eq!(
            format!("{:?}", t[0].flags),
            "CAPITALISED|ALL_CAPS|HAS_ALPHA|TEXT_START"
        );
    }

    #[test]
    fn unicode_space_and_combining_marks() {
        let text = "Caf\u{0065}\u{0301}\u{00A0}ok\u{2028}x\u{200B}y";
        let t = tokenize(text);
        assert_eq!(texts(text), ["Cafe\u{0301}", "ok", "x", "y"]);
        assert!(t[1].space_before());
        assert!(t[2].has(Flags::LINE_BEFORE));
    }

    #[test]
    fn stripped_apostrophes() {
        let text = "The Syrian army s first goal. They don t know. we re here. 5 m away. army\ns";
        let t = tokenize(text);
        let idx = |w: &str, nth: usize| {
            t.iter()
                .enumerate()
                .filter(|(_, tok)| tok.text(text) == w)
                .nth(nth)
                .unwrap()
                .0
        };
        assert_eq!(
            stripped_apostrophe(text, &t, idx("s", 0)),
            Some(Stripped::Possessive)
        );
        assert!(is_stripped_possessive(text, &t, idx("s", 0)));
        assert_eq!(
            stripped_apostrophe(text, &t, idx("t", 0)),
            Some(Stripped::Contraction)
        );
        assert_eq!(
            stripped_apostrophe(text, &t, idx("re", 0)),
            Some(Stripped::Contraction)
        );
        assert_eq!(stripped_apostrophe(text, &t, idx("m", 0)), None);
        assert_eq!(stripped_apostrophe(text, &t, idx("s", 1)), None);
        assert_eq!(stripped_apostrophe(text, &t, 0), None);
        assert_eq!(stripped_apostrophe(text, &t, 999), None);
    }

    #[test]
    fn possessive_stems() {
        assert_eq!(possessive_stem("Assad's"), Some("Assad"));
        assert_eq!(possessive_stem("Assad’s"), Some("Assad"));
        assert_eq!(possessive_stem("officials’"), Some("officials"));
        assert_eq!(possessive_stem("officials'"), Some("officials"));
        assert_eq!(possessive_stem("Assad"), None);
        assert_eq!(possessive_stem("'s"), None);
        assert_eq!(possessive_stem("ma'"), None);
    }

    #[test]
    fn lookups() {
        let text = "one two  three";
        let t = tokenize(text);
        assert_eq!(token_at(&t, 0), Some(0));
        assert_eq!(token_at(&t, 3), None);
        assert_eq!(token_at(&t, 5), Some(1));
        assert_eq!(token_at(&t, 100), None);
        assert_eq!(token_index_at_or_after(&t, 3), 1);
        assert_eq!(token_index_at_or_after(&t, 100), 3);
        assert_eq!(tokens_in(&t, Span::new(0, 7)), 0..2);
        assert_eq!(tokens_in(&t, Span::new(1, 7)), 1..2);
        assert!(tokens_in(&t, Span::new(5, 6)).is_empty());
    }

    #[test]
    fn tokenize_span_offsets() {
        let text = "say “no” now";
        let sub = tokenize_span(text, Span::new(4, 12));
        let words: Vec<&str> = sub.iter().map(|t| t.text(text)).collect();
        assert_eq!(words, ["“", "no", "”"]);
        assert!(
            tokenize_span(text, Span::new(5, 100))
                .iter()
                .all(|t| t.span.is_valid_for(text))
        );
    }

    #[test]
    fn empty_and_space_only() {
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \n\t\u{00A0}").is_empty());
    }
}
