//! Quotation-mark pairing.
//!
//! Each paragraph is scanned once for quotation-mark glyphs. Every mark gets a role from
//! its glyph and its neighbours, then a stack pairs openers with closers.
//!
//! **Direction from context.** A mark is *opening-like* when white space, an opening
//! bracket or a dash precedes it and something other than white space follows
//! (`said "We`), *closing-like* when something other than white space or an opening
//! bracket precedes it and white space, punctuation or a dash follows (`win," he`).
//! Adjacent marks are looked through: in `no.'" She` both marks are closing-like, in
//! `"'Tis` both opening-like. Straight marks take their direction from context alone; a
//! curly mark keeps its glyph's direction unless the context clearly says the opposite
//! (`”Hello` opens). A mark that is both or neither is resolved by the stack: it closes an
//! open quotation of its family, otherwise it opens one.
//!
//! **Families.** `"` `“` `”` `„` `‟` form one family and close each other (sloppy copy
//! mixes `“…"`), as do `'` `‘` `’` `‚` `‛`; `« »` and `‹ ›` are families of their own. A
//! closer closes the innermost open quotation of its family; quotations opened above it
//! and left open are dropped.
//!
//! **Apostrophe vs quotation mark** (single-quote family only). A mark is an apostrophe,
//! never a quotation mark, when it sits between letters or digits (`don’t`, `Assad’s`,
//! `1990’s`), when it opens a decade or year (`’90s`, `'16`) or a known elision (`’em`,
//! `’til`, `’cause`, `’tis`, `’twas`, rock `’n’` roll), and when it would close but no
//! single quotation is open (`officials’ cars`, `goin’ home`). The cost of the last rule:
//! a plural possessive inside an open single quotation closes it.
//!
//! **Paragraphs.** Nothing pairs across a paragraph boundary, except the wire-style
//! continuation: when a paragraph ends inside a top-level quotation and the next
//! paragraph starts with an opening mark of the same family, that mark continues the
//! quotation (one [`Quotation`] with `paragraphs > 1`). Otherwise a double or angle
//! quotation still open at the end of its paragraph ends there with `closed: false`;
//! single quotations left open are dropped (they are mostly misread apostrophes), as are
//! quotations nested inside one that closes or ends. Scraped copy often loses the
//! paragraph break of a continuation (`"A. "B," he said.`): a double opener after a
//! sentence end, while a double quotation is open on top of the stack, is taken as such a
//! continuation (role [`MarkRole::Continuation`]) rather than a nested quotation.

use newsproc_sdk::Span;

use crate::chars::{
    ByteSearch, Needle, char_at, char_before, is_dash, is_hyphen, is_quote_mark, is_space,
};
use crate::paragraphs::Paragraphs;

/// The glyphs a quotation was opened with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteStyle {
    /// `"…"`
    StraightDouble,
    /// `“…”` (also `‟`)
    CurlyDouble,
    /// `'…'`
    StraightSingle,
    /// `‘…’` (also `‛`)
    CurlySingle,
    /// `«…»`
    Angle,
    /// `‹…›`
    AngleSingle,
    /// `„…“`
    LowDouble,
    /// `‚…‘`
    LowSingle,
}

impl QuoteStyle {
    /// Whether this is one of the single-quote styles.
    pub fn is_single(self) -> bool {
        matches!(
            self,
            QuoteStyle::StraightSingle
                | QuoteStyle::CurlySingle
                | QuoteStyle::AngleSingle
                | QuoteStyle::LowSingle
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Angle,
    AngleSingle,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Glyph {
    Open,
    Close,
    Either,
}

fn glyph(c: char) -> Option<(QuoteStyle, Family, Glyph)> {
    use QuoteStyle::*;
    Some(match c {
        '"' => (StraightDouble, Family::Double, Glyph::Either),
        '\'' => (StraightSingle, Family::Single, Glyph::Either),
        '\u{201C}' | '\u{201F}' => (CurlyDouble, Family::Double, Glyph::Open),
        '\u{201D}' => (CurlyDouble, Family::Double, Glyph::Close),
        '\u{2018}' | '\u{201B}' => (CurlySingle, Family::Single, Glyph::Open),
        '\u{2019}' => (CurlySingle, Family::Single, Glyph::Close),
        '\u{201E}' => (LowDouble, Family::Double, Glyph::Open),
        '\u{201A}' => (LowSingle, Family::Single, Glyph::Open),
        '\u{00AB}' => (Angle, Family::Angle, Glyph::Open),
        '\u{00BB}' => (Angle, Family::Angle, Glyph::Close),
        '\u{2039}' => (AngleSingle, Family::AngleSingle, Glyph::Open),
        '\u{203A}' => (AngleSingle, Family::AngleSingle, Glyph::Close),
        _ => return None,
    })
}

/// What the pairer made of one quotation-mark glyph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkRole {
    /// Opens a quotation.
    Open,
    /// Closes a quotation.
    Close,
    /// Opens a paragraph inside a quotation that continues from the previous paragraph.
    Continuation,
    /// An apostrophe, not a quotation mark.
    Apostrophe,
    /// A quotation mark left unpaired: a closer with nothing open, or an opener whose
    /// quotation was dropped.
    Stray,
}

/// One quotation-mark glyph and its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Mark {
    pub span: Span,
    pub style: QuoteStyle,
    pub role: MarkRole,
}

/// One quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Quotation {
    /// From the opening mark to the closing mark, both included; for an unclosed
    /// quotation, to the end of its last paragraph.
    pub span: Span,
    /// Between the marks (for a quotation over several paragraphs this includes the line
    /// breaks and continuation marks in between; see [`Quotation::segments`]).
    pub inner: Span,
    /// The style of the opening mark.
    pub style: QuoteStyle,
    /// How many reported quotations enclose this one: 0 for a top-level quotation.
    pub depth: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// How many paragraphs the quotation covers (1 for most).
    pub paragraphs: usize,
}

impl Quotation {
    /// Whether the quotation runs over more than one paragraph (wire style).
    pub fn continues_over_paragraphs(&self) -> bool {
        self.paragraphs > 1
    }

    pub fn open_mark(&self) -> Span {
        Span::new(self.span.start, self.inner.start)
    }

    pub fn close_mark(&self) -> Option<Span> {
        self.closed
            .then(|| Span::new(self.inner.end, self.span.end))
    }

    /// The quoted text paragraph by paragraph, without line breaks and without the
    /// continuation marks that open the later paragraphs, each trimmed of white space.
    pub fn segments(&self, text: &str) -> Vec<Span> {
        let inner = crate::util::clamp_span(text, self.inner);
        let mut out = Vec::with_capacity(self.paragraphs);
        for (k, para) in Paragraphs::new(&text[inner.range()]).enumerate() {
            let mut s = Span::new(para.start + inner.start, para.end + inner.start);
            if k > 0 {
                if let Some((c, n)) = char_at(text.as_bytes(), s.start) {
                    if is_quote_mark(c) {
                        s.start += n;
                    }
                }
                s = crate::util::trim_whitespace(text, s);
            }
            out.push(s);
        }
        if out.is_empty() {
            out.push(Span::new(inner.start, inner.start));
        }
        out
    }
}

/// All quotations of `text`, sorted by start (an enclosing quotation before the ones
/// inside it). Nested or disjoint, never partly overlapping.
pub fn quotations(text: &str) -> Vec<Quotation> {
    Quotes::new(text).quotations
}

/// The index of the innermost quotation containing byte `offset` (marks included), in a
/// slice as returned by [`quotations`]. Binary search.
pub fn quote_at(quotations: &[Quotation], offset: usize) -> Option<usize> {
    let mut i = quotations.partition_point(|q| q.span.start <= offset);
    while i > 0 {
        i -= 1;
        let q = &quotations[i];
        if q.span.contains_offset(offset) {
            return Some(i);
        }
        if q.depth == 0 {
            // Top-level quotations are disjoint and sorted: nothing earlier reaches here.
            return None;
        }
    }
    None
}

/// Whether byte `offset` is inside a quotation.
pub fn is_quoted(quotations: &[Quotation], offset: usize) -> bool {
    quote_at(quotations, offset).is_some()
}

/// The quotations of a text, with lookups, plus what became of every mark.
#[derive(Clone, Debug, Default)]
pub struct Quotes {
    quotations: Vec<Quotation>,
    marks: Vec<Mark>,
}

impl Quotes {
    /// Pairs the quotation marks of `text`.
    pub fn new(text: &str) -> Quotes {
        let mut pairer = Pairer {
            bytes: text.as_bytes(),
            stack: Vec::new(),
            out: Vec::new(),
            marks: Vec::new(),
        };
        let mut paras = Paragraphs::new(text).peekable();
        let mut carried: Option<OpenQuote> = None;
        let mut continuation_at: Option<usize> = None;
        while let Some(para) = paras.next() {
            if let Some(mut q) = carried.take() {
                q.paragraphs += 1;
                pairer.stack.push(q);
            }
            pairer.paragraph(para, continuation_at.take());
            // The paragraph ends: decide about what is still open.
            if pairer.stack.is_empty() {
                continue;
            }
            let bottom = pairer.stack[0];
            while pairer.stack.len() > 1 {
                if let Some(q) = pairer.stack.pop() {
                    pairer.drop_open(q);
                }
            }
            pairer.stack.clear();
            if let Some(next) = paras.peek() {
                if let Some(at) = pairer.continues(bottom.family, *next) {
                    carried = Some(bottom);
                    continuation_at = Some(at);
                    continue;
                }
            }
            pairer.end_unclosed(bottom, para.end);
        }
        // `carried` is always consumed: it is only set when a next paragraph exists.
        // Depth counts the quotations actually reported around each one: a dropped
        // opener (say an unclosed single quote) must not leave its contents one level
        // deep with nothing around them.
        pairer
            .out
            .sort_unstable_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
        let mut ends: Vec<usize> = Vec::new();
        for q in &mut pairer.out {
            while ends.last().is_some_and(|&e| e <= q.span.start) {
                ends.pop();
            }
            q.depth = ends.len();
            ends.push(q.span.end);
        }
        Quotes {
            quotations: pairer.out,
            marks: pairer.marks,
        }
    }

    pub fn quotations(&self) -> &[Quotation] {
        &self.quotations
    }

    pub fn into_quotations(self) -> Vec<Quotation> {
        self.quotations
    }

    /// Every quotation-mark glyph the pairer saw (apostrophes inside words included),
    /// in text order, with its role.
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// The innermost quotation containing byte `offset` (marks included).
    pub fn innermost_at(&self, offset: usize) -> Option<&Quotation> {
        quote_at(&self.quotations, offset).map(|i| &self.quotations[i])
    }

    /// The top-level quotation containing byte `offset`.
    pub fn outermost_at(&self, offset: usize) -> Option<&Quotation> {
        let mut i = quote_at(&self.quotations, offset)?;
        // The enclosing top-level quotation is the nearest earlier one of depth 0.
        while self.quotations[i].depth > 0 && i > 0 {
            i -= 1;
        }
        let q = &self.quotations[i];
        q.span.contains_offset(offset).then_some(q)
    }

    pub fn is_quoted(&self, offset: usize) -> bool {
        quote_at(&self.quotations, offset).is_some()
    }

    /// The innermost quotation that contains all of `span`.
    pub fn covering(&self, span: Span) -> Option<&Quotation> {
        let mut i = quote_at(&self.quotations, span.start)?;
        loop {
            let q = &self.quotations[i];
            if q.span.contains(span) {
                return Some(q);
            }
            if q.depth == 0 {
                return None;
            }
            // Find the enclosing quotation: the nearest earlier one with smaller depth.
            let d = q.depth;
            loop {
                if i == 0 {
                    return None;
                }
                i -= 1;
                if self.quotations[i].depth < d {
                    break;
                }
            }
        }
    }

    /// The quotations that overlap `span`.
    pub fn overlapping(&self, span: Span) -> impl Iterator<Item = &Quotation> {
        // Top-level quotations are disjoint and sorted, so everything overlapping starts
        // after the top-level quotation containing span.start (or after span.start).
        let from = match self.outermost_at(span.start) {
            Some(q) => self
                .quotations
                .partition_point(|x| x.span.start < q.span.start),
            None => self
                .quotations
                .partition_point(|x| x.span.start < span.start),
        };
        self.quotations[from..]
            .iter()
            .take_while(move |q| q.span.start < span.end.max(span.start.saturating_add(1)))
            .filter(move |q| {
                q.span.overlaps(span) || (span.is_empty() && q.span.contains_offset(span.start))
            })
    }
}

#[derive(Clone, Copy, Debug)]
struct OpenQuote {
    mark: Span,
    style: QuoteStyle,
    family: Family,
    depth: usize,
    paragraphs: usize,
    /// Index of the mark in `Pairer::marks`, to mark it stray when dropped.
    mark_index: usize,
}

struct Pairer<'a> {
    bytes: &'a [u8],
    stack: Vec<OpenQuote>,
    out: Vec<Quotation>,
    marks: Vec<Mark>,
}

/// What surrounds a mark, for the direction rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Space,
    Word,
    OpenPunct,
    ClosePunct,
    Dash,
    Other,
}

fn side_of(c: Option<char>) -> Side {
    match c {
        None => Side::Space,
        Some(c) if is_space(c) => Side::Space,
        Some(c) if c.is_alphanumeric() => Side::Word,
        Some('(' | '[' | '{' | '/' | '<' | '=' | '\u{00BF}' | '\u{00A1}') => Side::OpenPunct,
        Some('.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\u{2026}' | '>' | '*') => {
            Side::ClosePunct
        }
        Some(c) if is_dash(c) || is_hyphen(c) => Side::Dash,
        _ => Side::Other,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    Open,
    Close,
    Either,
}

/// No real text nests quotations this deep; past it, openers are stray marks, which
/// keeps the stack search constant-time on adversarial input.
const MAX_DEPTH: usize = 8;

/// Marks that can open a decade or an elision: `’90s`, `’em`.
const ELISIONS: &[&str] = &[
    "n", "em", "til", "tis", "twas", "cause", "bout", "nuff", "round", "tween", "neath", "ere",
    "twere", "s",
];

/// Where a quotation mark can start: the ASCII marks, and the lead bytes of the
/// typographic ones (U+2018-U+203A start with 0xE2, `«` `»` with 0xC2).
const MARK_LEADS: [Needle; 2] = [Needle::Either3(b'"', b'\'', 0xE2), Needle::Byte(0xC2)];

impl Pairer<'_> {
    fn paragraph(&mut self, para: Span, continuation_at: Option<usize>) {
        let bytes = self.bytes;
        let mut i = para.start;
        // Role of the previous mark and where it ended, for adjacent marks.
        let mut last_end = usize::MAX;
        let mut last_role = MarkRole::Stray;
        let mut leads = ByteSearch::new(&bytes[..para.end], MARK_LEADS);
        while let Some(at) = leads.next(i) {
            let Some((c, n)) = char_at(bytes, at) else {
                i = at + 1;
                continue;
            };
            // Two apostrophes stand for a double quotation mark in some copy (`''No''`).
            let (n, glyph_info) = if c == '\'' && bytes.get(at + 1) == Some(&b'\'') {
                (
                    2,
                    Some((QuoteStyle::StraightDouble, Family::Double, Glyph::Either)),
                )
            } else {
                (n, glyph(c))
            };
            i = at + n;
            let Some((style, family, glyph_dir)) = glyph_info else {
                continue;
            };
            let span = Span::new(at, at + n);
            let role = if continuation_at == Some(at) {
                self.record(span, style, MarkRole::Continuation)
            } else {
                let prev_mark_role = (last_end == at).then_some(last_role);
                self.resolve(span, para, style, family, glyph_dir, prev_mark_role)
            };
            last_end = span.end;
            last_role = role;
        }
    }

    /// Decides the role of one mark and updates the stack. Returns the role.
    fn resolve(
        &mut self,
        span: Span,
        para: Span,
        style: QuoteStyle,
        family: Family,
        glyph_dir: Glyph,
        prev_mark_role: Option<MarkRole>,
    ) -> MarkRole {
        let bytes = self.bytes;
        let prev_char = if span.start > para.start {
            char_before(bytes, span.start).map(|(c, _)| c)
        } else {
            None
        };
        let next_char = if span.end < para.end {
            char_at(bytes, span.end).map(|(c, _)| c)
        } else {
            None
        };
        let prev = match prev_mark_role {
            Some(MarkRole::Open | MarkRole::Continuation) => Side::OpenPunct,
            Some(MarkRole::Close) => Side::ClosePunct,
            Some(_) => Side::Word,
            None => side_of(prev_char),
        };
        // Look through adjacent marks for what follows (a few: real text has at most
        // three in a row, and a longer run must not make this quadratic).
        let mut j = span.end;
        let mut next_after_marks = next_char;
        let mut looked = 0;
        while j < para.end && looked < MAX_DEPTH {
            looked += 1;
            match char_at(bytes, j) {
                Some((c, n)) if is_quote_mark(c) => {
                    j += n;
                    next_after_marks = if j < para.end {
                        char_at(bytes, j).map(|(c, _)| c)
                    } else {
                        None
                    };
                }
                _ => break,
            }
        }
        let next = side_of(next_after_marks);
        let open_ctx =
            matches!(prev, Side::Space | Side::OpenPunct | Side::Dash) && next != Side::Space;
        let close_ctx = !matches!(prev, Side::Space | Side::OpenPunct)
            && matches!(next, Side::Space | Side::ClosePunct | Side::Dash);
        let ctx = match (open_ctx, close_ctx) {
            (true, false) => Ctx::Open,
            (false, true) => Ctx::Close,
            _ => Ctx::Either,
        };

        if family == Family::Single {
            let prev_is_word =
                prev_mark_role.is_none() && prev_char.is_some_and(char::is_alphanumeric);
            let next_is_word = next_char.is_some_and(char::is_alphanumeric);
            if prev_is_word && next_is_word {
                return self.record(span, style, MarkRole::Apostrophe);
            }
            if ctx != Ctx::Close && next_is_word && self.elision_or_decade(span.end, para.end) {
                return self.record(span, style, MarkRole::Apostrophe);
            }
            if ctx != Ctx::Open && self.after_n_elision(span.start, para.start) {
                return self.record(span, style, MarkRole::Apostrophe);
            }
        }

        let mut dir = match (glyph_dir, ctx) {
            (Glyph::Either, c) => c,
            (Glyph::Open, Ctx::Close) => Ctx::Close,
            (Glyph::Open, _) => Ctx::Open,
            (Glyph::Close, Ctx::Open) => Ctx::Open,
            (Glyph::Close, _) => Ctx::Close,
        };
        // Nothing but white space after it: whatever the glyph, it cannot open; except a
        // double mark opening its paragraph before an ellipsis (`” … what I learned`): a
        // quotation taken up mid-sentence, whose opener the copy spaced off.
        if span.start == para.start
            && family == Family::Double
            && self.ellipsis_after_space(span.end, para.end)
        {
            dir = Ctx::Open;
        } else if next == Side::Space {
            dir = Ctx::Close;
        }
        let open_pos = self.stack.iter().rposition(|q| q.family == family);
        let single_like = matches!(family, Family::Single);
        // `"A. "B," he said.`: a double opener after a finished sentence while the same
        // family is open on top is the wire-style continuation with its paragraph break
        // lost (scraped copy does this), not a nested quotation.
        if dir == Ctx::Open
            && matches!(family, Family::Double | Family::Angle)
            && open_pos.is_some_and(|p| p + 1 == self.stack.len())
            && self.after_sentence_end(span.start, para.start)
        {
            return self.record(span, style, MarkRole::Continuation);
        }
        match (dir, open_pos) {
            (Ctx::Close | Ctx::Either, Some(pos)) => {
                while self.stack.len() > pos + 1 {
                    if let Some(q) = self.stack.pop() {
                        self.drop_open(q);
                    }
                }
                if let Some(q) = self.stack.pop() {
                    self.out.push(Quotation {
                        span: Span::new(q.mark.start, span.end),
                        inner: Span::new(q.mark.end, span.start),
                        style: q.style,
                        depth: q.depth,
                        closed: true,
                        paragraphs: q.paragraphs,
                    });
                }
                self.record(span, style, MarkRole::Close)
            }
            (Ctx::Close, None) | (Ctx::Either, None) if single_like => {
                self.record(span, style, MarkRole::Apostrophe)
            }
            (Ctx::Close, None) => self.record(span, style, MarkRole::Stray),
            (Ctx::Open | Ctx::Either, _) if self.stack.len() >= MAX_DEPTH => {
                self.record(span, style, MarkRole::Stray)
            }
            (Ctx::Open | Ctx::Either, _) => {
                let mark_index = self.marks.len();
                self.stack.push(OpenQuote {
                    mark: span,
                    style,
                    family,
                    depth: self.stack.len(),
                    paragraphs: 1,
                    mark_index,
                });
                self.record(span, style, MarkRole::Open)
            }
        }
    }

    fn record(&mut self, span: Span, style: QuoteStyle, role: MarkRole) -> MarkRole {
        self.marks.push(Mark { span, style, role });
        role
    }

    fn drop_open(&mut self, q: OpenQuote) {
        if let Some(m) = self.marks.get_mut(q.mark_index) {
            m.role = MarkRole::Stray;
        }
    }

    /// `’90s`, `'16`, `’em`, `’til`: a mark that starts a clipped word.
    fn elision_or_decade(&self, from: usize, end: usize) -> bool {
        let bytes = &self.bytes[..end];
        let mut e = from;
        while e < bytes.len() && bytes[e].is_ascii_alphanumeric() {
            e += 1;
        }
        if char_at(bytes, e).is_some_and(|(c, _)| c.is_alphanumeric()) {
            return false;
        }
        let word = &bytes[from..e];
        let digits = word.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 2 && (word.len() == 2 || &word[2..] == b"s") {
            return true;
        }
        ELISIONS
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
    }

    /// Whether white space and then `.`, `!`, `?` or `…` precede `at`.
    fn after_sentence_end(&self, at: usize, para_start: usize) -> bool {
        let mut i = at;
        let mut spaces = 0;
        while i > para_start {
            match char_before(self.bytes, i) {
                Some((c, n)) if is_space(c) => {
                    i -= n;
                    spaces += 1;
                }
                Some(('.' | '!' | '?' | '\u{2026}', _)) => return spaces > 0,
                _ => return false,
            }
        }
        false
    }

    /// Whether white space and then an ellipsis (`…` or `...`) follow `at`.
    fn ellipsis_after_space(&self, at: usize, end: usize) -> bool {
        let bytes = &self.bytes[..end];
        let mut i = at;
        while let Some((_, n)) = char_at(bytes, i).filter(|&(c, _)| is_space(c)) {
            i += n;
        }
        i > at && (bytes[i..].starts_with("\u{2026}".as_bytes()) || bytes[i..].starts_with(b"..."))
    }

    /// The closing mark of rock ’n’ roll: ` ’n’ `.
    fn after_n_elision(&self, at: usize, para_start: usize) -> bool {
        let bytes = self.bytes;
        let Some((n, nl)) = char_before(bytes, at) else {
            return false;
        };
        if !matches!(n, 'n' | 'N') || at < para_start + nl {
            return false;
        }
        matches!(char_before(bytes, at - nl), Some((c, _)) if matches!(c, '\'' | '\u{2019}' | '\u{2018}'))
    }

    /// Whether paragraph `next` opens with a mark of `family` that continues a quotation;
    /// returns the mark's offset.
    fn continues(&self, family: Family, next: Span) -> Option<usize> {
        let (c, n) = char_at(self.bytes, next.start)?;
        let (_, fam, glyph_dir) = glyph(c)?;
        // `»` and `›` never open; `”` and `’` opening a paragraph are misused openers.
        if fam != family || glyph_dir == Glyph::Close && !matches!(c, '\u{2019}' | '\u{201D}') {
            return None;
        }
        let after = if next.start + n < next.end {
            char_at(self.bytes, next.start + n).map(|(c, _)| c)
        } else {
            None
        };
        // An opening mark needs something to open.
        if matches!(side_of(after), Side::Space) {
            return None;
        }
        if family == Family::Single && self.elision_or_decade(next.start + n, next.end) {
            return None;
        }
        Some(next.start)
    }

    fn end_unclosed(&mut self, q: OpenQuote, para_end: usize) {
        // A lone mark at the end of a paragraph quotes nothing.
        let rest = std::str::from_utf8(&self.bytes[q.mark.end..para_end]).unwrap_or("");
        if rest.chars().all(|c| is_space(c) || is_quote_mark(c)) {
            self.drop_open(q);
            return;
        }
        match q.family {
            Family::Double | Family::Angle => self.out.push(Quotation {
                span: Span::new(q.mark.start, para_end),
                inner: Span::new(q.mark.end, para_end),
                style: q.style,
                depth: q.depth,
                closed: false,
                paragraphs: q.paragraphs,
            }),
            Family::Single | Family::AngleSingle => self.drop_open(q),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (inner text, depth, closed, paragraphs)
    fn pairs(text: &str) -> Vec<(&str, usize, bool, usize)> {
        quotations(text)
            .iter()
            .map(|q| (q.inner.of(text), q.depth, q.closed, q.paragraphs))
            .collect()
    }

    #[test]
    fn a_spaced_opener_before_an_ellipsis_opens() {
        // A quotation taken up mid-sentence, its opener typeset as a closing mark.
        assert_eq!(
            pairs("\u{201d} \u{2026} and the river rose,\u{201d} she said."),
            [(" \u{2026} and the river rose,", 0, true, 1)]
        );
        assert_eq!(
            pairs("\" ... and the river rose,\" she said."),
            [(" ... and the river rose,", 0, true, 1)]
        );
        // Elsewhere a mark with white space after it still closes.
        assert_eq!(
            pairs("It was \"wet\" \u{2026} then dry."),
            [("wet", 0, true, 1)]
        );
    }

    #[test]
    fn straight_double_by_context() {
        assert_eq!(
            pairs(r#"He said: "We will win," and left. "They lost." "Yes.""#),
            [
                ("We will win,", 0, true, 1),
                ("They lost.", 0, true, 1),
                ("Yes.", 0, true, 1)
            ]
        );
        // Missing space after the closer: resolved by the stack.
        assert_eq!(pairs(r#""Yes."He left"#), [("Yes.", 0, true, 1)]);
        // Dash before an opener and before a closer.
        assert_eq!(
            pairs(r#"It was—"a disaster"—and then "we ran—" he said"#),
            [("a disaster", 0, true, 1), ("we ran—", 0, true, 1)]
        );
        // An inch mark is a stray closer, not an opener.
        let q = Quotes::new(r#"a 12" gun and "a shell""#);
        assert_eq!(q.quotations().len(), 1);
        assert_eq!(q.marks()[0].role, MarkRole::Stray);
    }

    #[test]
    fn curly_and_other_styles() {
        let text = "“A,” he said. ‘B’ «C» „D“ ‹E›";
        let q = quotations(text);
        let got: Vec<(&str, QuoteStyle)> = q.iter().map(|q| (q.inner.of(text), q.style)).collect();
        assert_eq!(
            got,
            [
                ("A,", QuoteStyle::CurlyDouble),
                ("B", QuoteStyle::CurlySingle),
                ("C", QuoteStyle::Angle),
                ("D", QuoteStyle::LowDouble),
                ("E", QuoteStyle::AngleSingle)
            ]
        );
        assert_eq!(q[0].open_mark().of(text), "“");
        assert_eq!(q[0].close_mark().map(|s| s.of(text)), Some("”"));
        // Two apostrophes as a double mark.
        assert_eq!(pairs("He said ''no,'' twice"), [("no,", 0, true, 1)]);
        // Mixed glyphs of one family pair; a misused ” opens at a paragraph start.
        assert_eq!(pairs("“Mixed,\" he said."), [("Mixed,", 0, true, 1)]);
        assert_eq!(pairs("”Wrong way,” he said."), [("Wrong way,", 0, true, 1)]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotations("Don’t touch Assad’s car in the ’90s, rock ’n’ roll, the officials’ cars, goin’ home, 'em, '16 vote, 1990's").is_empty());
        assert!(quotations("Don't touch Assad's car, the officials' cars").is_empty());
        let text = "He said ‘the officials’ plan’ is fine";
        // The known cost: a plural possessive inside an open single quotation closes it.
        assert_eq!(pairs(text), [("the officials", 0, true, 1)]);
        // Apostrophes inside a quotation stay apostrophes.
        assert_eq!(
            pairs("“We don’t want Assad’s ’90s regime,” he said."),
            [("We don’t want Assad’s ’90s regime,", 0, true, 1)]
        );
        let q = Quotes::new("Assad’s");
        assert_eq!(q.marks()[0].role, MarkRole::Apostrophe);
    }

    #[test]
    fn nesting() {
        let text = r#""He called it 'a massacre,' and wept," she said."#;
        assert_eq!(
            pairs(text),
            [
                ("He called it 'a massacre,' and wept,", 0, true, 1),
                ("a massacre,", 1, true, 1)
            ]
        );
        let text = "“He called them ‘terrorists’ and said ‘no.’”";
        assert_eq!(
            pairs(text),
            [
                ("He called them ‘terrorists’ and said ‘no.’", 0, true, 1),
                ("terrorists", 1, true, 1),
                ("no.", 1, true, 1)
            ]
        );
        // An unclosed single inside a closed double is dropped.
        assert_eq!(
            pairs(r#""He called it 'crazy," she said."#),
            [("He called it 'crazy,", 0, true, 1)]
        );
        // Adjacent marks: `'"` both close, `"'` both open.
        assert_eq!(
            pairs(r#""'We are done,' he said." Next"#),
            [
                ("'We are done,' he said.", 0, true, 1),
                ("We are done,", 1, true, 1)
            ]
        );
    }

    #[test]
    fn wire_style_continuation() {
        let text = "\"First para.\n\"Second para,\" he said.\nAfter.";
        let q = quotations(text);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].paragraphs, 2);
        assert!(q[0].continues_over_paragraphs());
        assert!(q[0].closed);
        assert_eq!(q[0].span.of(text), "\"First para.\n\"Second para,\"");
        let segs: Vec<&str> = q[0].segments(text).iter().map(|s| s.of(text)).collect();
        assert_eq!(segs, ["First para.", "Second para,"]);
        let marks = Quotes::new(text);
        let roles: Vec<MarkRole> = marks.marks().iter().map(|m| m.role).collect();
        assert_eq!(
            roles,
            [MarkRole::Open, MarkRole::Continuation, MarkRole::Close]
        );

        // Three paragraphs, curly, blank lines between.
        let text = "“One.\n\n“Two.\n\n“Three,” she said.";
        assert_eq!(pairs(text), [("One.\n\n“Two.\n\n“Three,", 0, true, 3)]);

        // The same with the paragraph break lost: one quotation, not a nested one.
        assert_eq!(
            pairs(r#""First part. "Second part," he said."#),
            [(r#"First part. "Second part,"#, 0, true, 1)]
        );
        // A nested double after a word or colon is still nested.
        assert_eq!(
            pairs(r#""He asked: "Why?" and left.""#),
            [
                (r#"He asked: "Why?" and left."#, 0, true, 1),
                ("Why?", 1, true, 1)
            ]
        );

        // Continued but never closed: ends with the last paragraph that continued it.
        let text = "“One.\n“Two.\nNarration.";
        let q = quotations(text);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].span.of(text), "“One.\n“Two.");
        assert!(!q[0].closed);
        assert_eq!(q[0].paragraphs, 2);
    }

    #[test]
    fn unclosed_and_odd() {
        let text = "He said: \"We will fight on.\nThe army denied it.";
        let q = quotations(text);
        assert_eq!(q.len(), 1);
        assert!(!q[0].closed);
        assert_eq!(q[0].span.of(text), "\"We will fight on.");
        assert_eq!(q[0].paragraphs, 1);
        // Odd marks never pair across the article.
        let text = "\"One\n\nTwo \"three\" four.\n\nFive\"";
        assert_eq!(pairs(text), [("One", 0, false, 1), ("three", 0, true, 1)]);
        // An unclosed single quotation is dropped.
        assert!(quotations("He said 'maybe\nNext").is_empty());
        assert!(quotations("\"").is_empty());
        assert!(quotations("").is_empty());
        assert!(quotations("'").is_empty());
        // A lone opener at the very end.
        assert!(quotations("end \"").is_empty());
    }

    #[test]
    fn brackets_are_text() {
        assert_eq!(
            pairs("“The [rebel] fighters fled,” he said."),
            [("The [rebel] fighters fled,", 0, true, 1)]
        );
    }

    #[test]
    fn lookups() {
        let text = r#"a "b 'c' d" e "f""#;
        let q = Quotes::new(text);
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(q.innermost_at(at("c")).map(|q| q.depth), Some(1));
        assert_eq!(q.outermost_at(at("c")).map(|q| q.depth), Some(0));
        assert_eq!(q.innermost_at(at("d")).map(|q| q.depth), Some(0));
        assert!(q.innermost_at(at("e")).is_none());
        assert!(q.is_quoted(at("f")));
        assert!(!q.is_quoted(0));
        assert!(!q.is_quoted(999));
        let qs = q.quotations();
        assert_eq!(quote_at(qs, at("c")), Some(1));
        assert!(is_quoted(qs, at("b")));
        let c = at("c");
        assert_eq!(q.covering(Span::new(c, c + 1)).map(|q| q.depth), Some(1));
        assert_eq!(
            q.covering(Span::new(c, at("d") + 1)).map(|q| q.depth),
            Some(0)
        );
        assert!(q.covering(Span::new(c, text.len())).is_none());
        assert_eq!(q.overlapping(Span::new(c, text.len())).count(), 3);
        assert_eq!(q.overlapping(Span::new(0, 1)).count(), 0);
        assert_eq!(q.overlapping(Span::new(c, c)).count(), 2);
    }
}
