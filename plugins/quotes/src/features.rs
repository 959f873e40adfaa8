//! What the text around and inside one quotation says about it: the evidence the
//! classifier weighs. Everything here is local (the quotation's paragraph, a few words
//! each side), so a document costs time in proportion to its quotations.

use newsproc_sdk::Span;
use newsproc_text::{Flags, Quotation, Token, TokenKind, Tokens, is_headline_case};

use crate::lexicons::{Lexicons, Marker, Roles};

/// How far (in bytes) the classifier looks before an opening mark: enough for the lead-in
/// `told CNN's Jake Tapper on Sunday, "`.
const WINDOW_BEFORE: usize = 72;

/// How far (in bytes) it looks after a closing mark at first: enough for `," the
/// ministry's spokesman said`.
const WINDOW_AFTER: usize = 48;

/// How far it looks after a closing mark when a name and a comma come first: enough for
/// `," Daryl Kimball, executive director of the Arms Control Association, said`.
const WINDOW_AFTER_APPOSITIVE: usize = 140;

/// Quotation-mark glyphs (straight, curly, low, angle).
fn is_mark_glyph(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201C}'..='\u{201F}' | '\u{2018}'..='\u{201B}' | '\u{00AB}' | '\u{00BB}' | '\u{2039}' | '\u{203A}'
    )
}

/// What comes right before the opening mark (white space and other opening marks aside).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Lead {
    /// Nothing: the quotation opens its paragraph.
    ParagraphStart,
    /// A finished sentence: `. "`, `?" "`.
    SentenceStart,
    /// `: "`
    Colon,
    /// `— "`, `-- "`
    Dash,
    /// `, "`
    Comma,
    /// `=`: an attribute value in markup that leaked into the text (`id="7701"`).
    Markup,
    /// Anything else: a word, an opening bracket.
    #[default]
    Embedded,
}

impl Lead {
    /// The quotation starts a sentence of its own or follows a lead-in that introduces
    /// one (`put it plainly: "`, `was blunt — "`).
    pub fn opens_sentence(self) -> bool {
        matches!(
            self,
            Lead::ParagraphStart | Lead::SentenceStart | Lead::Colon | Lead::Dash
        )
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Features {
    /// Word-like tokens inside the marks (counted up to [`MAX_COUNTED_WORDS`]).
    pub words: usize,
    /// The first word inside is capitalised (or a digit).
    pub starts_capitalised: bool,
    /// The quotation's own text ends with `,` `.` `?` `!` `…` or a dash.
    pub ends_with_punct: bool,
    /// The quotation's own text ends with `.` `?` `!` or `…`.
    pub ends_with_terminator: bool,
    /// The quotation's own text ends with `?` or `!` (a comma aside).
    pub exclaims: bool,
    /// A pronoun or auxiliary verb occurs inside: it reads as a clause.
    pub clause_words: bool,
    /// Every word inside is capitalised, function words aside.
    pub headline_case: bool,
    /// URL-like or markup-like content (`http`, `<`, `>`, `@handle` only).
    pub markup_inside: bool,
    pub lead: Lead,
    /// A verb of saying introduces it: `said: "`, `told reporters, "`, `saying "`.
    pub cue_before: bool,
    /// A verb of saying a few words before it: `claim our work "…"`, `said the plan
    /// was "…"` (the quotation completes a reported clause).
    pub cue_near_before: bool,
    /// A verb of saying follows it: `," he said`, `," said Mr. Smith`.
    pub cue_after: bool,
    /// `so-called "`, `dubbed "`, `the word "`.
    pub term_marker: bool,
    /// `the book "`, `titled "`, `Operation "`.
    pub title_marker: bool,
    /// A determiner or possessive right before: the quotation sits inside a noun phrase
    /// (`the "rigged" system`, `Iowa's "silver standard"`).
    pub determiner_before: bool,
    /// The word right before is a possessive: `CNN's "State of the Union"`.
    pub possessive_before: bool,
    /// `by` and a name follow: the quotation is the title of a work and that is its
    /// author (`"The Long Road," by Jane Doe`, `"Hail," by the Coen brothers`).
    pub authored_by: bool,
    /// A lower-case word follows that carries on a noun phrase (`"terrorist" positions`):
    /// the quotation modifies it.
    pub modifies_noun: bool,
    /// Capitalised words on both sides: a nickname inside a name (`C.L. "Butch" Otter`).
    pub between_names: bool,
    /// The sentence ends with the quotation.
    pub ends_sentence: bool,
    /// The quotation runs over several paragraphs, a mark opening each: wire-style
    /// reported speech.
    pub over_paragraphs: bool,
    /// Single quotation marks (`'…'`, `‘…’`), not a doubled apostrophe (`''…''`).
    pub single_marks: bool,
    /// The quotation is its whole paragraph (a heading, a pull quote, a line of a list).
    pub alone_in_paragraph: bool,
}

impl Features {
    /// Reads as a sentence: capitalised and ending with punctuation or with its sentence.
    pub fn sentence_like(&self) -> bool {
        self.starts_capitalised && (self.ends_with_punct || self.ends_sentence)
    }

    /// Reads as a clause: a pronoun or auxiliary, or a capitalised sentence of some
    /// length.
    pub fn clause(&self) -> bool {
        self.clause_words || (self.words >= 4 && self.sentence_like())
    }
}

/// Past this many words a quotation is long whatever its exact length.
pub(crate) const MAX_COUNTED_WORDS: usize = 16;

/// The most words a title or name has.
pub(crate) const MAX_TITLE_WORDS: usize = 12;

/// How much of a long quotation's text is read for its words: enough for
/// [`MAX_COUNTED_WORDS`] words.
const HEAD: usize = 128;

/// The document-wide material features are read from, prepared once per document.
pub(crate) struct Context<'a> {
    pub(crate) text: &'a str,
    pub(crate) lexicons: &'a Lexicons,
}

/// Token buffers reused from one quotation to the next.
#[derive(Default)]
pub(crate) struct Scratch {
    before: Vec<Token>,
    head: Vec<Token>,
    tail: Vec<Token>,
    after: Vec<Token>,
}

impl<'a> Context<'a> {
    pub fn new(text: &'a str, lexicons: &'a Lexicons) -> Context<'a> {
        Context { text, lexicons }
    }

    /// The tokens of `span` (clamped to character boundaries) into `out`, with offsets
    /// in the text.
    pub(crate) fn tokens_into(&self, span: Span, out: &mut Vec<Token>) {
        out.clear();
        let span = newsproc_text::clamp_span(self.text, span);
        out.extend(Tokens::new(&self.text[span.range()]).map(|mut t| {
            t.span = Span::new(t.span.start + span.start, t.span.end + span.start);
            t
        }));
    }

    /// The features of `q`. Without `cue_after_needed` (a quotation the attribution
    /// layer already attributes), the search for a verb of saying after it is skipped.
    pub fn features(
        &self,
        q: &Quotation,
        scratch: &mut Scratch,
        cue_after_needed: bool,
    ) -> Features {
        let text = self.text;
        let inner = q.inner;
        let mut f = Features {
            over_paragraphs: q.continues_over_paragraphs(),
            ..Features::default()
        };

        // Inside the marks: the words of its head, the last token of its tail.
        self.tokens_into(
            Span::new(inner.start, inner.end.min(inner.start + HEAD)),
            &mut scratch.head,
        );
        let head = &scratch.head[..];
        let mut words = head.iter().filter(|t| t.is_wordlike());
        if let Some(first) = words.clone().next() {
            f.starts_capitalised = first.is_capitalised() || first.kind == TokenKind::Number;
        }
        f.words = words.by_ref().take(MAX_COUNTED_WORDS).count();
        f.clause_words = head
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .take(MAX_COUNTED_WORDS)
            .any(|t| self.lexicons.words.clause.contains(t.text(text)));
        let tail = if inner.len() <= HEAD {
            head
        } else {
            self.tokens_into(
                Span::new(inner.end.saturating_sub(16), inner.end),
                &mut scratch.tail,
            );
            &scratch.tail[..]
        };
        if let Some(last) = tail.iter().rev().find(|t| t.kind != TokenKind::QuoteMark) {
            let s = last.text(text);
            f.ends_with_terminator =
                last.kind == TokenKind::Ellipsis || matches!(s, "." | "?" | "!" | "?!" | "!?");
            f.ends_with_punct = f.ends_with_terminator
                || last.kind == TokenKind::Dash
                || s == ","
                || s.ends_with('-');
        }
        // `"Marco! Marco!,"`: a comma after the exclamation mark still exclaims.
        f.exclaims = inner
            .of(text)
            .trim_end_matches(|c: char| c.is_whitespace() || c == ',' || is_mark_glyph(c))
            .ends_with(['?', '!']);
        // Titles are short; most quotations are not, or start in lower case.
        f.headline_case =
            f.starts_capitalised && f.words <= MAX_TITLE_WORDS && is_headline_case(inner.of(text));
        f.markup_inside = looks_like_markup(inner.of(text));

        // Before the opening mark, in the same paragraph (from the last token that starts
        // a line).
        let window = newsproc_text::clamp_span(
            text,
            Span::new(q.span.start.saturating_sub(WINDOW_BEFORE), q.span.start),
        );
        self.tokens_into(window, &mut scratch.before);
        // A window that starts inside a word starts with a piece of it: leave it out.
        let cut_word = window.start > 0
            && scratch
                .before
                .first()
                .is_some_and(|t| t.span.start == window.start)
            && text
                .get(..window.start)
                .and_then(|t| t.chars().next_back())
                .is_some_and(char::is_alphanumeric);
        let line = scratch
            .before
            .iter()
            .rposition(|t| t.has(Flags::LINE_BEFORE))
            .unwrap_or(usize::from(cut_word));
        let before = &scratch.before[line.min(scratch.before.len())..];
        let lead = lead_of(text, before, q.span.start);
        f.lead = lead;
        f.possessive_before = before
            .iter()
            .rev()
            .find(|t| !is_comma(text, t))
            .is_some_and(|t| is_possessive(t.text(text)));
        // The marker phrases among the last words before the mark, matched once for the
        // three roles.
        let reach = self.reach_before(before, MAX_GAP + 3).unwrap_or(window.end);
        let markers = self.markers_in(Span::new(reach, window.end));
        f.cue_before = lead != Lead::SentenceStart
            && self.marker_before(&markers, Roles::SPEECH, before, lead_gap(lead));
        f.determiner_before = before.last().is_some_and(|t| {
            t.span.end < q.span.start
                && t.kind == TokenKind::Word
                && (is_possessive(t.text(text))
                    || self.lexicons.words.determiner.contains(t.text(text)))
        });
        f.cue_near_before =
            lead == Lead::Embedded && self.marker_before(&markers, Roles::SPEECH, before, NEAR_GAP);
        f.term_marker = self.marker_before(&markers, Roles::TERM, before, 2);
        f.title_marker = self.marker_before(&markers, Roles::TITLE, before, 1);

        // After the closing mark, in the same paragraph (up to a token that starts a line):
        // a short window, longer when a name and a comma open it (an appositive).
        let mut window = Span::new(q.span.end, q.span.end.saturating_add(WINDOW_AFTER));
        self.tokens_into(window, &mut scratch.after);
        if self.opens_with_appositive(&scratch.after) {
            window.end = q.span.end.saturating_add(WINDOW_AFTER_APPOSITIVE);
            self.tokens_into(window, &mut scratch.after);
        }
        let line_end = scratch
            .after
            .iter()
            .position(|t| t.has(Flags::LINE_BEFORE))
            .unwrap_or(scratch.after.len());
        let after = &scratch.after[..line_end];
        f.ends_sentence = ends_sentence(text, after, f.ends_with_terminator);
        f.modifies_noun = lead == Lead::Embedded
            && !f.ends_with_punct
            && after.first().is_some_and(|t| {
                let w = t.text(text);
                t.kind == TokenKind::Word
                    && t.space_before()
                    && !t.is_capitalised()
                    && !self.lexicons.words.preposition.contains(w)
                    && !self.lexicons.words.opener.contains(w)
                    && !self.lexicons.words.clause.contains(w)
                    && !self.lexicons.is_speech_verb(w)
            });
        f.authored_by = {
            let mut rest = after.iter().skip_while(|t| is_comma(text, t));
            rest.next().is_some_and(|t| t.is(text, "by"))
                && rest
                    .find(|t| !t.is(text, "the"))
                    .is_some_and(|t| t.is_capitalised() && t.is_wordlike())
        };
        f.between_names = f.words <= 2
            && before
                .last()
                .is_some_and(|t| t.is_capitalised() && t.is_wordlike())
            && after
                .first()
                .is_some_and(|t| t.is_capitalised() && t.is_wordlike());
        let joined = f.ends_with_punct && !f.ends_with_terminator
            || f.exclaims
            || after
                .first()
                .is_some_and(|t| is_comma(text, t) || t.kind == TokenKind::Dash);
        f.cue_after = cue_after_needed && q.closed && self.cue_after(window, after, joined);
        let opening = q.span.of(text);
        f.single_marks = opening.starts_with(['\'', '\u{2018}', '\u{201A}', '\u{2039}'])
            && !opening.starts_with("''");
        let line_before = text[..q.span.start]
            .trim_end_matches([' ', '\t', '\u{a0}'])
            .chars()
            .next_back()
            .is_none_or(|c| c == '\n' || c == '\r');
        f.alone_in_paragraph = line_before && after.is_empty();
        f
    }

    /// The marker phrases lying inside `span`. Matched per window rather than over the
    /// whole document: short words of the lists (`add`, `act`) occur inside many longer
    /// ones, and the windows are a small part of the text.
    pub(crate) fn markers_in(&self, span: Span) -> Vec<Marker> {
        if span.is_empty() {
            return Vec::new();
        }
        self.lexicons.markers_in(self.text, span)
    }

    /// Where the last `words` words before the opening mark begin, counting back over
    /// words, commas and colons only; `None` when a word does not directly precede it.
    fn reach_before(&self, before: &[Token], words: usize) -> Option<usize> {
        let text = self.text;
        let mut seen = 0;
        let mut from = None;
        for t in before.iter().rev() {
            if t.is_wordlike() {
                if seen == words {
                    break;
                }
                seen += 1;
            } else if !is_comma(text, t) && t.text(text) != ":" {
                break;
            }
            from = Some(t.span.start);
        }
        from
    }

    /// Whether one of `markers` with `role` ends within the last words before the opening
    /// mark, with at most `max_gap` words and no sentence punctuation between them. A
    /// verb of saying that takes the person spoken to as its object does not introduce a
    /// quotation right after it (`told "Fox and Friends"`).
    fn marker_before(
        &self,
        markers: &[Marker],
        role: Roles,
        before: &[Token],
        max_gap: usize,
    ) -> bool {
        let Some(from) = self.reach_before(before, max_gap + 3) else {
            return false;
        };
        let Some(m) = markers
            .iter()
            .rev()
            .filter(|m| m.span.start >= from && m.roles.has(role))
            .find(|m| role != Roles::SPEECH || self.is_verb_use(m.span, before))
        else {
            return false;
        };
        // What lies between the phrase and the mark.
        let between = before.iter().filter(|t| t.span.start >= m.span.end);
        let words = between.clone().filter(|t| t.is_wordlike()).count();
        let adjacent = between.count() == 0;
        words <= max_gap && !(role == Roles::SPEECH && adjacent && m.roles.has(Roles::ADDRESSEE))
    }

    /// `," he said`, `," said the minister`, `," Daryl Kimball, director of the Arms
    /// Control Association, said`: the attribution that follows a quotation. `joined` says
    /// the quotation hands its sentence on (it ends with `,` `?` `!` or a dash, or a comma
    /// follows the mark); without that only a verb within two words counts.
    fn cue_after(&self, window: Span, after: &[Token], joined: bool) -> bool {
        let text = self.text;
        let mut words = 0;
        // A name (capitalised, or a pronoun) and a comma: an appositive may follow.
        let mut appositive = false;
        let mut named = false;
        let mut end = window.start;
        for t in after {
            let s = t.text(text);
            if ends_attribution(text, t) {
                break;
            }
            if is_comma(text, t) {
                appositive |= named && (1..=5).contains(&words);
            } else if t.is_wordlike() {
                if words == 0 {
                    if self.lexicons.words.opener.contains(s)
                        || self.lexicons.words.preposition.contains(s)
                    {
                        return false;
                    }
                    named = t.is_capitalised() || self.lexicons.words.clause.contains(s);
                }
                words += 1;
                if words > if appositive { 18 } else { 4 } {
                    break;
                }
            }
            end = t.span.end;
        }
        self.markers_in(Span::new(window.start, end))
            .iter()
            .filter(|m| m.roles.has(Roles::SPEECH))
            .any(|m| {
                if !self.is_verb_use(m.span, after) {
                    return false;
                }
                let before_verb = after
                    .iter()
                    .take_while(|t| t.span.end <= m.span.start)
                    .filter(|t| t.is_wordlike())
                    .count();
                // `," saying …` opens a participle clause about what follows, not this.
                if before_verb == 0 && m.span.of(text).ends_with("ing") {
                    return false;
                }
                if joined {
                    before_verb <= 3 || appositive
                } else {
                    before_verb <= 2
                }
            })
    }
}

impl Context<'_> {
    /// Whether the tokens after a closing mark open with a name of up to five words and a
    /// comma, all in the sentence: `," Daryl Kimball, …`.
    fn opens_with_appositive(&self, after: &[Token]) -> bool {
        let text = self.text;
        let mut words = 0;
        for t in after {
            if ends_attribution(text, t) {
                return false;
            }
            if is_comma(text, t) {
                if words > 0 {
                    return true;
                }
            } else if t.is_wordlike() {
                if words == 0 && !t.is_capitalised() {
                    return false;
                }
                words += 1;
                if words > 5 {
                    return false;
                }
            }
        }
        false
    }

    /// Whether a match of a verb of saying is used as a verb: not capitalised mid-sentence
    /// (`the United States`), not right after a determiner (`the reports`, `his
    /// statement`). `tokens` are the tokens around the match.
    pub(crate) fn is_verb_use(&self, verb: Span, tokens: &[Token]) -> bool {
        let text = self.text;
        let i = tokens.partition_point(|t| t.span.start < verb.start);
        let prev = i.checked_sub(1).map(|j| &tokens[j]);
        if let Some(p) = prev {
            let w = p.text(text);
            if p.kind == TokenKind::Word
                && (self.lexicons.words.article.contains(w) || is_possessive(w))
            {
                return false;
            }
        }
        let capitalised = text
            .get(verb.start..)
            .is_some_and(|t| t.starts_with(char::is_uppercase));
        !capitalised
            || prev.is_none_or(|p| {
                matches!(p.text(text), "." | "!" | "?") || p.kind == TokenKind::QuoteMark
            })
    }
}

/// The most words between a verb of saying and the opening mark it introduces.
const MAX_GAP: usize = 6;

/// The most words between a verb of saying and a quotation that completes the clause it
/// reports, with no punctuation between (`claim our work "…"`).
const NEAR_GAP: usize = 4;

fn lead_gap(lead: Lead) -> usize {
    match lead {
        // `told CNN's Jake Tapper, "`, `said in a statement on Monday: "`.
        Lead::Comma | Lead::Colon | Lead::Dash => MAX_GAP,
        // `said "`, `told reporters "`.
        _ => 1,
    }
}

/// A token after which no attribution of the quotation can follow: the end of the
/// sentence or the line, another quotation.
pub(crate) fn ends_attribution(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::QuoteMark
        || t.has(Flags::LINE_BEFORE)
        || matches!(t.text(text), "." | "!" | "?" | ";" | ":")
}

pub(crate) fn is_comma(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Punct && t.text(text) == ","
}

pub(crate) fn is_possessive(word: &str) -> bool {
    word.ends_with("'s")
        || word.ends_with("\u{2019}s")
        || word.ends_with("s'")
        || word.ends_with("s\u{2019}")
}

/// What precedes the opening mark at `mark`; `before` are the paragraph's tokens before
/// it.
fn lead_of(text: &str, before: &[Token], mark: usize) -> Lead {
    let mut iter = before.iter().rev().peekable();
    // Opening marks touching this one (`"'Tis`, a doubled `"“`) belong to the opening.
    let mut start = mark;
    while let Some(t) = iter.next_if(|t| t.kind == TokenKind::QuoteMark && t.span.end == start) {
        start = t.span.start;
    }
    let Some(prev) = iter.next() else {
        return Lead::ParagraphStart;
    };
    let s = prev.text(text);
    let mut then = || iter.next().map(|t| (t.kind, t.text(text)));
    match prev.kind {
        TokenKind::Dash => Lead::Dash,
        // A closing mark: what matters is whether its quotation ended a sentence.
        TokenKind::QuoteMark => match then() {
            Some((TokenKind::Ellipsis, _)) => Lead::SentenceStart,
            Some((_, "." | "!" | "?")) => Lead::SentenceStart,
            Some((_, ",")) => Lead::Comma,
            _ => Lead::Embedded,
        },
        TokenKind::Punct => match s {
            "." | "!" | "?" => Lead::SentenceStart,
            ")" | "]" => match then() {
                Some((_, "." | "!" | "?")) => Lead::SentenceStart,
                _ => Lead::Embedded,
            },
            ":" => Lead::Colon,
            "," => Lead::Comma,
            _ => Lead::Embedded,
        },
        _ if s.ends_with('=') => Lead::Markup,
        _ => Lead::Embedded,
    }
}

/// Whether the sentence ends with the quotation: the paragraph ends, a terminator
/// follows the closing mark, or the quotation ended with one and a new sentence starts.
fn ends_sentence(text: &str, after: &[Token], ends_with_terminator: bool) -> bool {
    let Some(next) = after.first() else {
        return true;
    };
    if next.has(newsproc_text::Flags::LINE_BEFORE) {
        return true;
    }
    let s = next.text(text);
    if matches!(s, "." | "!" | "?") || next.kind == TokenKind::Ellipsis {
        return true;
    }
    ends_with_terminator && (next.is_capitalised() || next.kind == TokenKind::QuoteMark || s == "(")
}

/// A web address, an HTML tag or a bare handle: text from a page's markup, not prose.
fn looks_like_markup(inner: &str) -> bool {
    let t = inner.trim();
    t.starts_with("http")
        || t.starts_with("www.")
        || t.contains('<')
        || t.contains('>')
        || (t.starts_with('@') && !t.contains(' '))
        || (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
}
