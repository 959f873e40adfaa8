//! Lexicon matching over tokens already made: for stages that read many lists in a few
//! sentences, one hash lookup per word instead of one automaton pass per list.
//!
//! A text is cut into **pieces**: runs of word characters, and each other non-space
//! character on its own (`Iranian-backed` is `Iranian`, `-`, `backed`; `Assad’s` is
//! `Assad`, `'`, `s`). Pieces are folded as in [`crate::normalize`] (curly apostrophes
//! to straight ones, dash variants to `-`) and lower-cased for a case-insensitive
//! lexicon. A phrase matches where its pieces occur in a row, so matches start and end
//! at word boundaries and a hyphen or an apostrophe is a boundary, as with
//! [`PhraseMatcher::find_in`](crate::PhraseMatcher::find_in); matching is
//! leftmost-longest and not overlapping. Unlike it, white space between pieces may be
//! any, line breaks included: keep the tokens given to one line or sentence.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use newsproc_sdk::Span;

use crate::chars::{is_word_char, is_word_continuation};
use crate::tokens::Token;

/// FNV-1a: pieces are short, and this is several times faster than the default hasher.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// One piece: where it is in the text, and its folded forms in [`Pieces`]' buffer.
#[derive(Clone, Debug)]
struct Piece {
    span: Span,
    folded: Range<u32>,
    lower: Range<u32>,
}

/// The pieces of some tokens of a text, made once and matched against several lists.
#[derive(Clone, Debug, Default)]
pub struct Pieces {
    /// The folded forms, back to back (UTF-8).
    buf: Vec<u8>,
    items: Vec<Piece>,
}

impl Pieces {
    /// The pieces of `tokens` (tokens of `text`, in order).
    pub fn new(text: &str, tokens: &[Token]) -> Pieces {
        let mut p = Pieces::default();
        p.extend(text, tokens);
        p
    }

    /// Empties, keeping the memory.
    pub fn clear(&mut self) {
        self.buf.clear();
        self.items.clear();
    }

    /// Adds the pieces of `tokens`.
    pub fn extend(&mut self, text: &str, tokens: &[Token]) {
        for t in tokens {
            let Some(s) = text.get(t.span.range()) else {
                continue;
            };
            if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
                // The common case: a plain word or number is one piece.
                self.push_piece(t.span, s);
                continue;
            }
            let mut start = None;
            for (i, c) in s.char_indices() {
                let word = is_word_char(c) || (start.is_some() && is_word_continuation(c));
                if word {
                    start.get_or_insert(i);
                    continue;
                }
                if let Some(b) = start.take() {
                    self.push_piece(Span::new(t.span.start + b, t.span.start + i), &s[b..i]);
                }
                if let Some(f) = fold_char(c) {
                    let span = Span::new(t.span.start + i, t.span.start + i + c.len_utf8());
                    let mut tmp = [0u8; 4];
                    self.push_piece(span, f.encode_utf8(&mut tmp));
                }
            }
            if let Some(b) = start {
                self.push_piece(Span::new(t.span.start + b, t.span.end), &s[b..]);
            }
        }
    }

    fn push_piece(&mut self, span: Span, s: &str) {
        let at = |buf: &Vec<u8>| u32::try_from(buf.len()).unwrap_or(u32::MAX);
        let f0 = at(&self.buf);
        self.buf.extend_from_slice(s.as_bytes());
        let f1 = at(&self.buf);
        let lower = if !s.is_ascii() {
            let mut tmp = [0u8; 4];
            for c in s.chars().flat_map(char::to_lowercase) {
                self.buf
                    .extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
            }
            f1..at(&self.buf)
        } else if s.bytes().any(|b| b.is_ascii_uppercase()) {
            self.buf.extend_from_slice(s.as_bytes());
            let end = self.buf.len();
            self.buf[f1 as usize..end].make_ascii_lowercase();
            f1..at(&self.buf)
        } else {
            f0..f1
        };
        self.items.push(Piece {
            span,
            folded: f0..f1,
            lower,
        });
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    fn key(&self, i: usize, case_sensitive: bool) -> &[u8] {
        let p = &self.items[i];
        let r = if case_sensitive { &p.folded } else { &p.lower };
        self.buf
            .get(r.start as usize..r.end as usize)
            .unwrap_or_default()
    }
}

/// What a non-word, non-space character is as a piece: folded, or nothing (a space, a
/// zero-width character).
fn fold_char(c: char) -> Option<char> {
    if c.is_whitespace() {
        return None;
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '`' => {
            Some('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Some('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => Some('-'),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
        c => Some(c),
    }
}

/// Phrases of one or more lists as a trie of pieces.
#[derive(Clone, Debug, Default)]
pub(crate) struct PieceIndex {
    case_sensitive: bool,
    lists: usize,
    /// Node 0 is the root.
    nodes: Vec<Node>,
    /// For each first byte of a phrase's first piece, the lengths of such pieces (bit
    /// `min(len, 63)`): most pieces start no phrase, and this says so without hashing.
    starts: Vec<u64>,
}

#[derive(Clone, Debug, Default)]
struct Node {
    next: FnvMap<Box<[u8]>, u32>,
    /// The lists whose phrase ends here, with the entry (the earliest one when several
    /// fold alike).
    ends: Vec<(usize, usize)>,
}

impl PieceIndex {
    /// The index of `phrases`: (list, entry index, phrase).
    pub(crate) fn new<'p>(
        lists: usize,
        phrases: impl IntoIterator<Item = (usize, usize, &'p str)>,
        case_sensitive: bool,
    ) -> PieceIndex {
        let mut index = PieceIndex {
            case_sensitive,
            lists,
            nodes: vec![Node::default()],
            starts: vec![0; 256],
        };
        let mut tokens = Vec::new();
        for (list, entry, phrase) in phrases {
            tokens.clear();
            crate::tokens::tokenize_into(phrase, &mut tokens);
            let pieces = Pieces::new(phrase, &tokens);
            if pieces.is_empty() {
                continue;
            }
            let first = pieces.key(0, case_sensitive);
            if let Some(&b) = first.first() {
                index.starts[usize::from(b)] |= 1 << first.len().min(63);
            }
            let mut node = 0usize;
            for i in 0..pieces.len() {
                let key = pieces.key(i, case_sensitive);
                node = match index.nodes[node].next.get(key) {
                    Some(&n) => n as usize,
                    None => {
                        let n = index.nodes.len();
                        index.nodes.push(Node::default());
                        index.nodes[node]
                            .next
                            .insert(key.into(), u32::try_from(n).unwrap_or(u32::MAX));
                        n
                    }
                };
            }
            let ends = &mut index.nodes[node].ends;
            if !ends.iter().any(|&(l, _)| l == list) {
                ends.push((list, entry));
            }
        }
        index
    }

    /// For each list, its leftmost-longest, non-overlapping matches: (span, entry index).
    pub(crate) fn find(&self, pieces: &Pieces, out: &mut [Vec<(Span, usize)>]) {
        let cs = self.case_sensitive;
        let n = pieces.len();
        // Per list: where its next match may start; its longest match from here.
        let mut free = vec![0usize; self.lists];
        let mut best: Vec<Option<(usize, usize)>> = vec![None; self.lists];
        for i in 0..n {
            let first = pieces.key(i, cs);
            let may_start = first
                .first()
                .is_some_and(|&b| self.starts[usize::from(b)] >> first.len().min(63) & 1 != 0);
            if !may_start {
                continue;
            }
            // Down the trie as far as the pieces go; each list's deepest end wins.
            best.iter_mut().for_each(|b| *b = None);
            let mut node = 0usize;
            let mut k = i;
            while k < n {
                match self.nodes[node].next.get(pieces.key(k, cs)) {
                    Some(&next) => node = next as usize,
                    None => break,
                }
                k += 1;
                for &(list, entry) in &self.nodes[node].ends {
                    best[list] = Some((entry, k));
                }
            }
            for list in 0..self.lists {
                if let Some((entry, end)) = best[list]
                    && i >= free[list]
                {
                    let span =
                        Span::new(pieces.items[i].span.start, pieces.items[end - 1].span.end);
                    if let Some(o) = out.get_mut(list) {
                        o.push((span, entry));
                    }
                    free[list] = end;
                }
            }
        }
    }
}

/// Several lexicons found together among the same pieces, in one pass: for a stage that
/// reads several lists in the same sentences. Each list's matches are as
/// [`PhraseMatcher::find_in_pieces`](crate::PhraseMatcher::find_in_pieces) would give
/// them. The lexicons must all be case-insensitive, or all case-sensitive.
#[derive(Clone, Debug)]
pub struct PieceMatcher {
    index: PieceIndex,
}

impl PieceMatcher {
    /// `None` when the lexicons differ in case sensitivity.
    pub fn new(lexicons: &[&crate::Lexicon]) -> Option<PieceMatcher> {
        let cs = lexicons.first().is_some_and(|l| l.is_case_sensitive());
        if lexicons.iter().any(|l| l.is_case_sensitive() != cs) {
            return None;
        }
        let phrases = lexicons.iter().enumerate().flat_map(|(list, lex)| {
            lex.entries()
                .iter()
                .enumerate()
                .map(move |(i, e)| (list, i, e.phrase.as_str()))
        });
        Some(PieceMatcher {
            index: PieceIndex::new(lexicons.len(), phrases, cs),
        })
    }

    /// For each lexicon (in the order given), its matches as (span, entry index).
    pub fn find(&self, pieces: &Pieces) -> Vec<Vec<(Span, usize)>> {
        let mut out = vec![Vec::new(); self.index.lists];
        self.index.find(pieces, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::{Lexicon, PieceMatcher, Pieces, tokenize};

    fn lex(phrases: &str) -> Lexicon {
        Lexicon::parse("test", phrases).unwrap()
    }

    /// The matched texts of `phrases` in `text`, by pieces and by the automaton.
    fn both(phrases: &str, text: &str) -> (Vec<String>, Vec<String>) {
        let m = lex(phrases).into_matcher();
        let pieces = Pieces::new(text, &tokenize(text));
        let by_pieces = m
            .find_in_pieces(&pieces)
            .iter()
            .map(|x| x.span.of(text).to_string())
            .collect();
        let by_automaton = m
            .find_all(text)
            .iter()
            .map(|x| x.span.of(text).to_string())
            .collect();
        (by_pieces, by_automaton)
    }

    #[test]
    fn matches_as_the_automaton_does() {
        for (phrases, text) in [
            (
                "Free Syrian Army\nSyrian\nArmy",
                "the Free Syrian Army and the army",
            ),
            ("Iranian\nbacked", "Iranian-backed militias"),
            ("Assad's forces\nAssad", "Assad’s forces and Assad's men"),
            ("al-Qaeda\nQaeda", "an al‑Qaeda affiliate (al-Qaeda)"),
            ("U.S.\nkilled", "U.S. strikes killed 13; unkilled"),
            ("dead\ndie", "13 dead, soldiers died, diehard"),
            (
                "in the past year\nin the past\nin",
                "killed in the past year, in the past",
            ),
        ] {
            let (p, a) = both(phrases, text);
            assert_eq!(p, a, "{phrases:?} in {text:?}");
        }
    }

    #[test]
    fn several_lists_in_one_pass() {
        let (a, b) = (lex("killed\nthe\nthe town"), lex("town\nthe town of Ariha"));
        let m = PieceMatcher::new(&[&a, &b]).unwrap();
        let text = "13 killed in the town of Ariha";
        let found = m.find(&Pieces::new(text, &tokenize(text)));
        let texts = |l: usize| -> Vec<&str> { found[l].iter().map(|(s, _)| s.of(text)).collect() };
        assert_eq!(texts(0), ["killed", "the town"]);
        assert_eq!(texts(1), ["the town of Ariha"]);
        assert!(PieceMatcher::new(&[&a, &lex("#!case-sensitive\nX")]).is_none());
    }

    #[test]
    fn no_panic_on_odd_text() {
        let m = lex("a b\nb\n'").into_matcher();
        for text in [
            "",
            "'",
            "a",
            "a b",
            "‘’“”",
            "\u{200b}a\u{200b}",
            "é-è ü'ß",
            "a\u{301}b",
        ] {
            let pieces = Pieces::new(text, &tokenize(text));
            for x in m.find_in_pieces(&pieces) {
                assert!(text.get(x.span.range()).is_some());
            }
        }
    }
}
