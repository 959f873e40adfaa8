//! One document, analysed once: tokens with what the lexicons know of them, the
//! top-level quotations, and the units the grammar works on.
//!
//! A **unit** is a sentence that no quotation crosses: sentences of one paragraph are
//! merged while a top-level quotation runs from one into the next (`"A. B," he said.` is
//! one unit), so that a cue and the quotation it introduces are always in one unit.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use newsproc_sdk::Span;
use newsproc_text::{
    Flags, MarkRole, Quotation, Quotes, Stripped, Token, TokenKind, sentences_with_paragraphs,
    stripped_apostrophe, tokenize,
};

use crate::lexicons::{Lexicons, Word, WordHasher, class};

/// No quotation.
pub const NONE: u32 = u32::MAX;

/// The most tokens a unit may have; longer sentences are cut (see `build_units`).
pub const MAX_UNIT: usize = 400;

#[derive(Clone, Debug)]
pub struct Unit {
    /// Token indices.
    pub toks: Range<usize>,
    pub span: Span,
    pub paragraph: usize,
}

pub struct Doc<'t> {
    pub text: &'t str,
    pub toks: Vec<Token>,
    pub words: Vec<Word>,
    /// Per token: the top-level quotation containing it (marks included), or [`NONE`].
    pub quote_of: Vec<u32>,
    /// Top-level quotations, in text order.
    pub quotes: Vec<Quotation>,
    /// Quotations one level down (inside a top-level one), in text order: a quoted
    /// transcript's turn quotes someone in them.
    pub nested: Vec<Span>,
    pub units: Vec<Unit>,
    /// Per token: its unit.
    pub unit_of: Vec<u32>,
    /// Capitalised words seen somewhere other than at a sentence start: a
    /// sentence-initial capital is a name only if the word is capitalised elsewhere too.
    pub mid_caps: HashSet<&'t str, BuildHasherDefault<WordHasher>>,
    /// Per token: a possessive marker (`'s` inside the word, or `army s` with the
    /// apostrophe stripped, or the `’` after `officials`).
    pub possessive: Vec<bool>,
}

impl<'t> Doc<'t> {
    /// Analyses `text`. Text before byte `skip_to` (a dateline) belongs to no unit.
    pub fn new(text: &'t str, lex: &Lexicons, skip_to: usize) -> Doc<'t> {
        let toks = tokenize(text);
        let words: Vec<Word> = toks
            .iter()
            .map(|t| {
                if t.kind == TokenKind::Word {
                    lex.word_in(text, t.span.start..t.span.end)
                } else {
                    Word::default()
                }
            })
            .collect();

        let marks = Quotes::new(text);
        let quotes: Vec<Quotation> = marks
            .quotations()
            .iter()
            .filter(|q| q.depth == 0)
            .copied()
            .collect();
        let nested: Vec<Span> = marks
            .quotations()
            .iter()
            .filter(|q| q.depth == 1)
            .map(|q| q.span)
            .collect();
        let mut quote_of = vec![NONE; toks.len()];
        let mut qi = 0;
        for (i, t) in toks.iter().enumerate() {
            while qi < quotes.len() && quotes[qi].span.end <= t.span.start {
                qi += 1;
            }
            if qi < quotes.len() && quotes[qi].span.start <= t.span.start {
                quote_of[i] = qi as u32;
            }
        }

        // Possessive markers: a word with `'s`, a stripped `s`, or an apostrophe mark
        // left alone by the pairer (`officials’`).
        let mut possessive = vec![false; toks.len()];
        let apostrophes: Vec<usize> = marks
            .marks()
            .iter()
            .filter(|m| m.role == MarkRole::Apostrophe)
            .map(|m| m.span.start)
            .collect();
        for (i, t) in toks.iter().enumerate() {
            possessive[i] = match t.kind {
                TokenKind::Word if t.has(Flags::APOSTROPHE) => {
                    newsproc_text::possessive_stem(t.text(text)).is_some()
                }
                TokenKind::Word if t.span.len() == 1 => {
                    stripped_apostrophe(text, &toks, i) == Some(Stripped::Possessive)
                }
                TokenKind::QuoteMark => apostrophes.binary_search(&t.span.start).is_ok(),
                _ => false,
            };
        }

        let mut doc = Doc {
            text,
            toks,
            words,
            quote_of,
            quotes,
            nested,
            units: Vec::new(),
            unit_of: Vec::new(),
            mid_caps: HashSet::default(),
            possessive,
        };
        doc.build_units(skip_to);
        // Sized for the capitalised tokens, so that the set never grows while filled.
        let caps = doc.toks.iter().filter(|t| t.is_capitalised()).count();
        let mut mid_caps: HashSet<&str, BuildHasherDefault<WordHasher>> =
            HashSet::with_capacity_and_hasher(caps, BuildHasherDefault::default());
        for (i, t) in doc.toks.iter().enumerate() {
            if t.kind == TokenKind::Word && t.is_capitalised() && !doc.sentence_initial(i) {
                mid_caps.insert(t.text(text));
            }
        }
        doc.mid_caps = mid_caps;
        doc
    }

    /// Whether token `i` opens its sentence (after any opening marks, dashes or colons).
    pub fn sentence_initial(&self, i: usize) -> bool {
        let Some(&u) = self.unit_of.get(i) else {
            return true;
        };
        let start = self.units.get(u as usize).map_or(0, |u| u.toks.start);
        let mut k = i;
        while k > start {
            let p = &self.toks[k - 1];
            let opener = matches!(p.kind, TokenKind::QuoteMark | TokenKind::Dash)
                || matches!(p.text(self.text), "(" | ":" | "[");
            if !opener {
                return false;
            }
            k -= 1;
        }
        true
    }

    /// Whether the capitalised word at `i` is capitalised for being a name rather than
    /// for opening a sentence.
    pub fn capital_is_name(&self, i: usize) -> bool {
        !self.sentence_initial(i) || self.mid_caps.contains(self.tok_text(i))
    }

    fn build_units(&mut self, skip_to: usize) {
        let sentences = sentences_with_paragraphs(self.text);
        let mut units: Vec<Unit> = Vec::with_capacity(sentences.len());
        // The first token after the dateline, and after the dash that ends it.
        let mut first = self.toks.partition_point(|x| x.span.start < skip_to);
        while first < self.toks.len() && self.toks[first].kind == TokenKind::Dash {
            first += 1;
        }
        for s in sentences {
            let lo = self
                .toks
                .partition_point(|x| x.span.start < s.span.start)
                .max(first);
            let hi = self.toks.partition_point(|x| x.span.end <= s.span.end);
            if hi <= lo {
                continue;
            }
            let merge = units.last().is_some_and(|u| {
                u.paragraph == s.paragraph
                    && u.toks.end > 0
                    && self.quote_of[u.toks.end - 1] != NONE
                    && self.quote_of[u.toks.end - 1] == self.quote_of[lo]
                    && hi - u.toks.start <= MAX_UNIT
            });
            if merge {
                if let Some(u) = units.last_mut() {
                    u.toks.end = hi;
                    u.span.end = s.span.end;
                }
                continue;
            }
            // A "sentence" longer than any real one (a list, a table, copy without
            // punctuation) is cut into windows: the grammar's work per unit grows with
            // the square of its length.
            let mut start = lo;
            while start < hi {
                let end = (start + MAX_UNIT).min(hi);
                units.push(Unit {
                    toks: start..end,
                    span: Span::new(self.toks[start].span.start, self.toks[end - 1].span.end),
                    paragraph: s.paragraph,
                });
                start = end;
            }
        }
        let mut unit_of = vec![NONE; self.toks.len()];
        for (k, u) in units.iter().enumerate() {
            for slot in &mut unit_of[u.toks.clone()] {
                *slot = k as u32;
            }
        }
        self.units = units;
        self.unit_of = unit_of;
    }

    pub fn tok_text(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_wordlike())
    }

    pub fn has(&self, i: usize, class: u32) -> bool {
        self.words.get(i).is_some_and(|w| w.is(class))
    }

    pub fn is_cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.is_capitalised() && t.is_wordlike())
    }

    /// A lowercase word that is not a function word: a noun, adjective or verb we cannot
    /// tell apart, or an adverb.
    pub fn is_content_lower(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        matches!(
            t.kind,
            TokenKind::Word | TokenKind::Alnum | TokenKind::Number
        ) && !t.is_capitalised()
            && !self.has(i, class::FUNCTION | class::ADV | class::TIME)
    }

    /// Punctuation token `i` is `c`.
    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct) && t.text(self.text) == c)
    }

    pub fn is_dash(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Dash)
    }

    /// A token that ends a sentence: `.`, `!`, `?`, an ellipsis.
    pub fn is_terminal(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            (t.kind == TokenKind::Punct && matches!(t.text(self.text), "." | "!" | "?"))
                || t.kind == TokenKind::Ellipsis
        })
    }

    pub fn in_quote(&self, i: usize) -> bool {
        self.quote_of.get(i).is_some_and(|&q| q != NONE)
    }

    /// Whether token `i` lies inside a quotation that opens at or after byte `from`:
    /// a top-level one, or one nested in a top-level quotation that opened before.
    pub fn quoted_from(&self, i: usize, from: usize) -> bool {
        let Some(q) = self.quote(i) else {
            return false;
        };
        if self.quotes[q].span.start >= from {
            return true;
        }
        let at = self.toks[i].span.start;
        let k = self.nested.partition_point(|n| n.start <= at);
        k > 0 && {
            let n = self.nested[k - 1];
            n.start >= from && at < n.end
        }
    }

    pub fn quote(&self, i: usize) -> Option<usize> {
        self.quote_of
            .get(i)
            .copied()
            .filter(|&q| q != NONE)
            .map(|q| q as usize)
    }

    /// The token range of top-level quotation `q`.
    pub fn quote_toks(&self, q: usize) -> Range<usize> {
        let Some(quote) = self.quotes.get(q) else {
            return 0..0;
        };
        let lo = self
            .toks
            .partition_point(|t| t.span.start < quote.span.start);
        let hi = self.toks.partition_point(|t| t.span.end <= quote.span.end);
        lo..hi.max(lo)
    }

    pub fn span_of(&self, toks: Range<usize>) -> Span {
        if toks.is_empty() || toks.end > self.toks.len() {
            let at = self
                .toks
                .get(toks.start)
                .map_or(self.text.len(), |t| t.span.start);
            return Span::new(at, at);
        }
        Span::new(
            self.toks[toks.start].span.start,
            self.toks[toks.end - 1].span.end,
        )
    }

    pub fn text_of(&self, toks: Range<usize>) -> &'t str {
        self.span_of(toks).of(self.text)
    }

    pub fn lower_is(&self, i: usize, word: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(self.text, word))
    }
}
