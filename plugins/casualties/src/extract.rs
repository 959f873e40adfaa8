//! Finding casualty claims: an outcome word ("killed", "wounded", "death toll") and the
//! number that goes with it, read from the tokens around it within one sentence.
//!
//! The patterns, in the order they are tried for each outcome word:
//! - **after** an active verb or participle: "the strike killed 13 people", "killing at
//!   least 31 civilians", "shot him"; after a noun and `of`: "the bodies of 13 men";
//!   after a toll noun and its linking words: "the death toll rose to 31";
//! - **before** a passive or intransitive outcome: "Thirteen regime forces were killed",
//!   "13 dead", "two people ... died", "the victim died"; a transitive verb with no form
//!   of "be" takes the number before it only when nothing follows that could be its
//!   object ("13 people killed in strikes", not "two gunmen killed 13").
//!
//! Between the number and the outcome word only a victim phrase ("regime forces",
//! "members of one family", "a 12-year-old boy") and auxiliaries ("were", "had been",
//! "of them") may stand. A victim phrase is victim-list words, side modifiers,
//! capitalised words and ages. Coordinated counts share their outcome ("13 soldiers and
//! seven rebels were killed"); counts after "including" / "among them" are parts of the
//! count before ("killed 11 civilians, among them three children").

use std::ops::Range;

use newsproc_layers::casualties::{ClaimStatus, Outcome, Side, VictimGroup};
use newsproc_sdk::Span;
use newsproc_text::paragraphs::Paragraphs;
use newsproc_text::sentences::split_paragraph;
use newsproc_text::{
    NumberRole, Pieces, Quantity, QuantityOptions, Token, TokenKind, Tokens, VagueKind,
    quantities_in,
};

use crate::lexicons::{Form, Lexicons, MARKERS, MarkerStatus, Scope, VictimKind, class};
use crate::setting::{Date, dates};

const NONE: u32 = u32::MAX;

/// How far (in tokens) the patterns look from an outcome word.
const MAX_BEFORE: usize = 10;
const MAX_LEAD: usize = 3;
const MAX_LINK: usize = 5;
const MAX_NP: usize = 7;
/// Unknown lowercase words allowed before a victim noun when reading back.
const ADJECTIVE_SLACK: usize = 2;
/// A "could" or "denied" this many tokens before the outcome word governs it.
const NEAR: usize = 4;
/// A cumulative phrase or a "confirmed" this many tokens from the outcome word governs it.
const WINDOW: usize = 15;
/// How long (in bytes) a first line may be to be read as a headline.
const HEADLINE: usize = 200;
/// How far after "since" a period word may stand.
const ANCHOR_REACH: usize = 5;

/// One outcome word found in the text.
#[derive(Clone, Debug)]
pub struct Trigger {
    pub tokens: Range<usize>,
    pub outcome: Outcome,
    pub form: Form,
}

/// Where a claim's number comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum NumberRef {
    /// A quantity (index into [`Analysis::quants`]).
    Quantity(usize),
    /// No number written: one person named by a pronoun, a singular noun or a name
    /// ("he died", "the victim died", "Smith was killed"), or the dead an event implies
    /// ("a fatal shooting": one, "a double homicide": two). These tokens, this count.
    Implicit(Range<usize>, u64),
}

/// What a victim phrase says.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct VictimInfo {
    pub group: Option<VictimGroup>,
    pub side: Option<Side>,
    pub singular: bool,
    pub object: bool,
    /// "Six others": people besides those counted before.
    pub beside: bool,
}

#[derive(Clone, Debug)]
pub struct RawClaim {
    pub outcome: Outcome,
    pub trigger: Range<usize>,
    pub number: NumberRef,
    /// Victim phrase tokens, when there is one.
    pub victims: Option<Range<usize>>,
    pub victim_info: VictimInfo,
    /// Index of the claim these victims are part of.
    pub part_of: Option<usize>,
    /// Counted beside another count of the same outcome word ("12 soldiers and one
    /// civilian"): the two are different people.
    pub coordinated: bool,
    pub sentence: usize,
    pub status: ClaimStatus,
}

impl RawClaim {
    /// A claim of people counted without a number ("both", "another", "he", "the
    /// victim"): `count` people, whose words are `number`.
    fn implicit(
        trig: &Trigger,
        number: Range<usize>,
        count: u64,
        victims: Option<Range<usize>>,
        victim_info: VictimInfo,
        sentence: usize,
        status: ClaimStatus,
    ) -> RawClaim {
        RawClaim {
            outcome: trig.outcome,
            trigger: trig.tokens.clone(),
            number: NumberRef::Implicit(number, count),
            victims,
            victim_info,
            part_of: None,
            coordinated: false,
            sentence,
            status,
        }
    }
}

/// What an outcome word with the subject of the claim before it gives.
enum Shared {
    /// The same people, with this outcome.
    Claim(Box<RawClaim>),
    /// Killed and injured counted together: the claim at this index is withdrawn.
    Joint(usize),
}

/// An outcome word in its sentence, and the status the sentence gives it: what the
/// rules that find a claim's subject elsewhere in the sentence read (a subject shared
/// with a verb before, one left out, a partitive opening the sentence, one wounded in a
/// relative clause).
struct InSentence<'a> {
    trig: &'a Trigger,
    /// The sentence's token range.
    sent: Range<usize>,
    /// The sentence's index.
    index: usize,
    status: ClaimStatus,
}

impl InSentence<'_> {
    /// A claim of this outcome word in this sentence: `number`, its victim phrase and
    /// what that says; a part of no other claim, listed beside none.
    fn claim(
        &self,
        number: NumberRef,
        victims: Option<Range<usize>>,
        victim_info: VictimInfo,
    ) -> RawClaim {
        RawClaim {
            outcome: self.trig.outcome,
            trigger: self.trig.tokens.clone(),
            number,
            victims,
            victim_info,
            part_of: None,
            coordinated: false,
            sentence: self.index,
            status: self.status,
        }
    }

    /// A claim of `count` people named without a number by the tokens `number`.
    fn implicit(
        &self,
        number: Range<usize>,
        count: u64,
        victims: Option<Range<usize>>,
        info: VictimInfo,
    ) -> RawClaim {
        self.claim(NumberRef::Implicit(number, count), victims, info)
    }

    /// The last claim of this sentence before token `end` that is no part of another
    /// (the one a verb after it may go on with), and its index in `out`.
    fn claim_before<'c>(&self, out: &'c [RawClaim], end: usize) -> Option<(usize, &'c RawClaim)> {
        out.iter()
            .enumerate()
            .rev()
            .find(|(_, c)| c.sentence == self.index && c.trigger.end <= end && c.part_of.is_none())
    }
}

/// Where a claim's victim phrase is (see [`Analysis::claim_from`]).
enum VictimsAt {
    /// Read after the number ("killed 13 civilians"), and the counts and parts that
    /// follow it.
    After,
    /// Already read, before the number or the outcome word ("13 civilians were
    /// killed"): these tokens (possibly none).
    Known(Range<usize>),
}

/// Where reading on after a claim starts (see [`Analysis::follow_on`]).
struct FollowFrom {
    /// The token after the claim's victim phrase (or outcome word).
    token: usize,
    /// The claim read so far: the whole of any parts that follow.
    whole: usize,
    /// Only parts may follow ("17 people were killed, among them 13 police"), no
    /// coordinated counts.
    parts_only: bool,
}

impl FollowFrom {
    /// Coordinated counts and parts, from token `token` on.
    fn counts(token: usize, whole: usize) -> FollowFrom {
        FollowFrom {
            token,
            whole,
            parts_only: false,
        }
    }

    /// Only parts, from token `token` on.
    fn parts(token: usize, whole: usize) -> FollowFrom {
        FollowFrom {
            token,
            whole,
            parts_only: true,
        }
    }
}

/// The tokens, sentences, numbers and list matches of one document.
pub struct Analysis<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Span>,
    /// The token range of each sentence.
    pub sentence_tokens: Vec<Range<usize>>,
    pub quants: Vec<Quantity>,
    /// Per token: the quantity starting / ending there, or `NONE`.
    pub(crate) q_start: Vec<u32>,
    pub(crate) q_end: Vec<u32>,
    /// Per token: the victim-list entry covering it, or `NONE`.
    pub(crate) victim: Vec<u32>,
    /// Per token: grammar word classes.
    pub(crate) classes: Vec<u32>,
    pub triggers: Vec<Trigger>,
    /// Per token: whether an outcome word that takes its number before it starts there.
    pub(crate) takes_number_before: Vec<bool>,
    /// Cause phrases: span and entry index.
    pub causes: Vec<(Span, usize)>,
    /// Status markers: token range and marker index.
    pub(crate) markers: Vec<(Range<usize>, usize)>,
}

/// How far into the text the article's own date is looked for, in bytes.
const OPENING: usize = 200;

/// The article's own date: the first date in the opening of `text` ("Date of
/// publication 25 August 2016", "Sat Jul 26 2014").
pub fn article_date(text: &str, lex: &Lexicons) -> Option<Date> {
    let mut pieces = Pieces::default();
    let mut end = OPENING.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let tokens: Vec<Token> = Tokens::new(&text[..end]).collect();
    pieces.extend(text, &tokens);
    let found = lex.in_sentences.find(&pieces);
    let months: Vec<_> = found
        .get(MARKERS)?
        .iter()
        .filter_map(|&(span, m)| match lex.marker_info[m].status {
            MarkerStatus::Month(n) => Some((token_range(&tokens, span)?, n)),
            _ => None,
        })
        .collect();
    dates(text, &tokens, &months, 0).first().copied()
}

/// "Scores" and "tens" standing alone as the people an outcome word counts: "scores
/// were injured", "wounding scores more", "tens killed". (The number reader takes them
/// as numbers only before "of", since "test scores" are none; next to an outcome word
/// they count people.) Quantities of `tokens` not already in `quants`.
fn bare_vague_counts(
    text: &str,
    tokens: &[Token],
    triggers: &[Trigger],
    classes: &[u32],
    quants: &[Quantity],
) -> Vec<Quantity> {
    let mut out = Vec::new();
    let is = |i: usize, w: &str| {
        tokens
            .get(i)
            .is_some_and(|t| t.text(text).eq_ignore_ascii_case(w))
    };
    for (i, t) in tokens.iter().enumerate() {
        let kind = match t.text(text) {
            w if w.eq_ignore_ascii_case("scores") => VagueKind::Scores,
            w if w.eq_ignore_ascii_case("tens") => VagueKind::Tens,
            _ => continue,
        };
        if is(i + 1, "of") || quants.iter().any(|q| q.tokens.contains(&i)) {
            continue;
        }
        // Before the outcome word, past "more" / "others" and auxiliaries ("scores
        // more were wounded", "scores were also injured"), or right after an outcome
        // verb that takes an object ("wounding scores").
        let mut k = i + 1;
        while k < tokens.len()
            && k <= i + 4
            && (classes.get(k).is_some_and(|c| c & class::AUX != 0)
                || is(k, "more")
                || is(k, "others"))
        {
            k += 1;
        }
        let before = triggers.iter().any(|tr| tr.tokens.start == k);
        let after = triggers
            .iter()
            .any(|tr| tr.tokens.end == i && matches!(tr.form, Form::Verb | Form::Ing));
        if !(before || after) {
            continue;
        }
        out.push(Quantity {
            span: t.span,
            number_span: t.span,
            min: kind.low(),
            max: None,
            vague: Some(kind),
            qualifier: None,
            qualifier_span: None,
            words: true,
            role: NumberRole::Count,
            tokens: i..i + 1,
        });
    }
    out
}

/// The token range covering a match span: from the token holding its first byte to the
/// one holding its last. `None` for a span between tokens.
fn token_range(tokens: &[Token], span: Span) -> Option<Range<usize>> {
    let first = tokens.partition_point(|t| t.span.end <= span.start);
    let last = tokens.partition_point(|t| t.span.start < span.end);
    (first < last).then_some(first..last)
}

impl<'t> Analysis<'t> {
    pub fn new(text: &'t str, lex: &Lexicons) -> Analysis<'t> {
        // Outcome words first: everything else is read only in the sentences that have
        // one (about two fifths of news text), and only those are split and tokenized.
        let found: Vec<_> = lex
            .outcomes
            .get()
            .find_all(text)
            .into_iter()
            .filter(|m| lex.outcome_info[m.index].outcome.is_some())
            .collect();
        let mut sentences = Vec::new();
        let mut para_sentences = Vec::new();
        let mut next = 0;
        for para in Paragraphs::new(text) {
            if next >= found.len() {
                break;
            }
            if found[next].span.start >= para.end {
                continue;
            }
            para_sentences.clear();
            split_paragraph(text, para, &mut para_sentences);
            for &sent in &para_sentences {
                while next < found.len() && found[next].span.start < sent.start {
                    next += 1;
                }
                if next < found.len() && found[next].span.start < sent.end {
                    sentences.push(sent);
                }
            }
            while next < found.len() && found[next].span.start < para.end {
                next += 1;
            }
        }
        let mut tokens = Vec::new();
        let mut sentence_tokens = Vec::with_capacity(sentences.len());
        for sent in &sentences {
            let start = tokens.len();
            tokens.extend(Tokens::new(&text[sent.range()]).map(|mut t| {
                t.span = Span::new(t.span.start + sent.start, t.span.end + sent.start);
                t
            }));
            sentence_tokens.push(start..tokens.len());
        }
        let n = tokens.len();
        let triggers: Vec<Trigger> = found
            .iter()
            .filter_map(|m| {
                let r = token_range(&tokens, m.span)?;
                // The whole token: "killed" inside "well-killed" or "un-injured" is no
                // outcome; nor is a phrase across two sentences.
                let whole = tokens[r.start].span.start == m.span.start
                    && tokens[r.end - 1].span.end == m.span.end;
                let s = sentence_tokens.partition_point(|t| t.end <= r.start);
                let inside = sentence_tokens.get(s).is_some_and(|t| r.end <= t.end);
                let info = lex.outcome_info[m.index];
                (whole && inside).then_some(Trigger {
                    tokens: r,
                    outcome: info.outcome?,
                    form: info.form,
                })
            })
            .collect();
        let mut quants = Vec::new();
        let mut victim = vec![NONE; n];
        let mut classes = vec![0u32; n];
        let mut causes = Vec::new();
        let mut markers = Vec::new();
        let opts = QuantityOptions {
            articles: true,
            vague: true,
        };
        // The lists are looked up word by word, one sentence at a time.
        let mut pieces = Pieces::default();
        for range in &sentence_tokens {
            let Some(sent_toks) = tokens.get(range.clone()) else {
                continue;
            };
            for mut q in quantities_in(text, sent_toks, opts) {
                q.tokens = q.tokens.start + range.start..q.tokens.end + range.start;
                quants.push(q);
            }
            pieces.clear();
            pieces.extend(text, sent_toks);
            // Token ranges of matches: within this sentence.
            let tokens_of = |span: Span| {
                token_range(sent_toks, span).map(|r| r.start + range.start..r.end + range.start)
            };
            let [victims, words, found_causes, found_markers] =
                <[_; 4]>::try_from(lex.in_sentences.find(&pieces)).unwrap_or_default();
            debug_assert_eq!(MARKERS, 3);
            for (span, index) in victims {
                // An acronym in the list names a group only in capitals in the text.
                if lex.victim_info[index].acronym
                    && !crate::lexicons::is_acronym(&text[span.range()])
                {
                    continue;
                }
                if let Some(r) = tokens_of(span) {
                    for v in &mut victim[r] {
                        *v = index as u32;
                    }
                }
            }
            for (span, index) in words {
                if let Some(r) = tokens_of(span) {
                    let bits = lex.word_classes[index];
                    for c in &mut classes[r] {
                        *c |= bits;
                    }
                }
            }
            causes.extend(found_causes);
            markers.extend(
                found_markers
                    .into_iter()
                    .filter_map(|(span, index)| Some((tokens_of(span)?, index))),
            );
        }
        let bare = bare_vague_counts(text, &tokens, &triggers, &classes, &quants);
        if !bare.is_empty() {
            quants.extend(bare);
            quants.sort_by_key(|q| q.tokens.start);
        }
        let mut q_start = vec![NONE; n];
        let mut q_end = vec![NONE; n];
        for (i, q) in quants.iter().enumerate() {
            if q.tokens.start < q.tokens.end && q.tokens.end <= n {
                q_start[q.tokens.start] = i as u32;
                q_end[q.tokens.end - 1] = i as u32;
            }
        }
        let mut takes_number_before = vec![false; n];
        for t in &triggers {
            if matches!(t.form, Form::Verb | Form::Intr | Form::Tally) {
                takes_number_before[t.tokens.start] = true;
            }
        }
        Analysis {
            text,
            tokens,
            sentences,
            sentence_tokens,
            quants,
            q_start,
            q_end,
            victim,
            classes,
            triggers,
            takes_number_before,
            causes,
            markers,
        }
    }

    /// Whether sentence `s` lies in the text's first line, when that line is short
    /// enough to be a headline.
    fn in_headline(&self, s: usize) -> bool {
        let end = self.text.len().min(HEADLINE + 1);
        let first_line = self.text.as_bytes()[..end].iter().position(|&b| b == b'\n');
        first_line.is_some_and(|nl| self.sentences.get(s).is_some_and(|sp| sp.start < nl))
    }

    /// Whether token `i` opens a clause of a headline (sentence `s`): after a colon or
    /// a dash ("Police: Teen shot, killed") or a word that opens a clause ("Family
    /// grieves after teen shot"). Headlines drop articles, so a bare noun there may be
    /// the clause's subject.
    fn opens_headline_clause(&self, i: usize, s: usize) -> bool {
        let Some(before) = i.checked_sub(1) else {
            return false;
        };
        self.sentence_tokens
            .get(s)
            .is_some_and(|r| before >= r.start)
            && self.in_headline(s)
            && (matches!(self.word(before), ":" | "-")
                || self.tokens[before].kind == TokenKind::Dash
                || self.has(before, class::CLAUSE))
    }

    /// Whether `np`, read back from `trig` in a headline, can be the subject of a
    /// reduced passive ("Teen shot, killed"): title case makes every word look like a
    /// name, so the phrase holds no preposition and no other outcome word ("Teen Dead
    /// From Gunshot Wound" is no subject of "Wound"), and the verb is a participle (a
    /// present tense, "Deputy shoots, wounds teen", is active: its subject is the
    /// attacker).
    fn headline_subject(&self, trig: &Trigger, np: Range<usize>) -> bool {
        let present = trig.form == Form::Verb && self.word(trig.tokens.start).ends_with(['s', 'S']);
        !present
            && np
                .clone()
                .all(|i| !self.has(i, class::STOP | class::LINK) && !self.takes_number_before[i])
    }

    /// The opening mark of a phrase set off by commas, dashes or brackets whose
    /// closing mark is token `close` ("One person, a 19-year-old man, was killed",
    /// "Two people -- including a boy -- were wounded"): within a few words, and with
    /// no outcome word in it (then it is a clause of its own).
    fn apposition_start(&self, close: usize, sent_start: usize) -> Option<usize> {
        const REACH: usize = 12;
        let dash = |k: usize| {
            self.tokens
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Dash)
        };
        let opens: &dyn Fn(usize) -> bool = match self.word(close) {
            "," => &|k| self.word(k) == ",",
            ")" => &|k| self.word(k) == "(",
            _ if dash(close) => &dash,
            _ => return None,
        };
        let lowest = close.saturating_sub(REACH).max(sent_start + 1);
        let open = (lowest..close).rev().find(|&k| opens(k))?;
        let inside = open + 1..close;
        let clause = self
            .triggers
            .iter()
            .any(|t| inside.contains(&t.tokens.start));
        (!inside.is_empty() && !clause).then_some(open)
    }

    /// Whether token `i` is a day of the week or a month (from the markers list).
    fn calendar_word(&self, lex: &Lexicons, i: usize) -> bool {
        // Markers are in text order: those starting at or before `i`, the nearest few.
        let upto = self.markers.partition_point(|(r, _)| r.start <= i);
        self.markers[..upto].iter().rev().take(4).any(|(r, m)| {
            r.contains(&i)
                && matches!(
                    lex.marker_info[*m].status,
                    MarkerStatus::Day(_) | MarkerStatus::Month(_)
                )
        })
    }

    pub(crate) fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    pub(crate) fn has(&self, i: usize, bits: u32) -> bool {
        self.classes.get(i).is_some_and(|c| c & bits != 0)
    }

    pub(crate) fn quant_at_start(&self, i: usize) -> Option<usize> {
        self.q_start
            .get(i)
            .filter(|&&q| q != NONE)
            .map(|&q| q as usize)
    }

    pub(crate) fn quant_at_end(&self, i: usize) -> Option<usize> {
        self.q_end
            .get(i)
            .filter(|&&q| q != NONE)
            .map(|&q| q as usize)
    }

    pub(crate) fn victim_word<'l>(
        &self,
        lex: &'l Lexicons,
        i: usize,
    ) -> Option<&'l crate::lexicons::VictimWord> {
        self.victim
            .get(i)
            .filter(|&&v| v != NONE)
            .and_then(|&v| lex.victim_info.get(v as usize))
    }

    /// A lone article read as one ("a", "an").
    /// (With a qualifier too: "over a" in "injured over a four-day stretch".)
    fn is_article(&self, q: usize) -> bool {
        let last = self.quants[q].tokens.end.saturating_sub(1);
        let t = self.word(last);
        t.eq_ignore_ascii_case("a") || t.eq_ignore_ascii_case("an")
    }

    /// A quantity that can count victims: a count, not a year, an age, money, ...
    fn countable(&self, index: usize) -> bool {
        let q = &self.quants[index];
        // "Father of 5 killed": relatives, not victims.
        let kin = q.tokens.start >= 2
            && self.is(q.tokens.start - 1, "of")
            && self.has(q.tokens.start - 2, class::KIN);
        // "Image 9 of 9", "aged 10", "ages six and seven", "8 yo girl".
        // ("Photo A 9-year-old child was killed": an article is no label's number.)
        let label = q.tokens.start > 0
            && self.has(q.tokens.start - 1, class::LABEL)
            && !self.is_article(index);
        let second_of_label = q.tokens.start >= 3
            && self.is(q.tokens.start - 1, "of")
            && self.quant_at_end(q.tokens.start - 2).is_some()
            && self.has(q.tokens.start - 3, class::LABEL);
        let age = self.has(q.tokens.end, class::AGE_UNIT) || self.age_written_apart(q.tokens.end);
        // "The 911 caller": a number that names a line is no count.
        let name = self.has(q.tokens.end, class::NAME_UNIT);
        // "Calvin Williams, 24 was shot": a number of two or more before a singular
        // verb is no subject count (an age whose closing comma was dropped). ("18 IS
        // fighters": a capitalised "IS" names the group.)
        // "[11] Perez was shot": a number in square brackets is a reference mark.
        let reference = q.tokens.start > 0
            && self.word(q.tokens.start - 1) == "["
            && self.word(q.tokens.end) == "]";
        let singular_verb = q.min >= 2.0
            && self.has(q.tokens.end, class::SINGULAR)
            && self
                .tokens
                .get(q.tokens.end)
                .is_some_and(|t| !t.is_capitalised());
        q.role == NumberRole::Count
            && q.min >= 0.0
            && q.min.is_finite()
            && !kin
            && !label
            && !second_of_label
            && !age
            && !name
            && !singular_verb
            && !reference
    }

    /// Whether an age's unit written apart from its number starts at token `i`: "12
    /// year-old", "16 year old", "two years old" (joined, "12-year-old", the number
    /// reader already takes as an age).
    fn age_written_apart(&self, i: usize) -> bool {
        const UNITS: [&str; 6] = ["year", "years", "month", "months", "week", "weeks"];
        let w = self.word(i);
        // Most words are no unit: a cheap test first (no allocation, this runs for
        // every word a victim phrase is read over).
        if !w.starts_with(['y', 'Y', 'm', 'M', 'w', 'W']) {
            return false;
        }
        let joined = ["year-old", "month-old"]
            .iter()
            .any(|u| w.get(..u.len()).is_some_and(|p| p.eq_ignore_ascii_case(u)));
        if joined {
            return true;
        }
        UNITS.iter().any(|u| w.eq_ignore_ascii_case(u))
            && (self.is(i + 1, "old")
                || self.is(i + 1, "olds")
                || (self.word(i + 1) == "-" && self.is(i + 2, "old")))
    }

    /// Token `i` can be part of a victim phrase: a victim-list word, a capitalised word,
    /// an age, a bracket around an editor's insertion ("[rebel]").
    fn np_token(&self, lex: &Lexicons, i: usize) -> bool {
        let Some(tok) = self.tokens.get(i) else {
            return false;
        };
        if self.victim_word(lex, i).is_some() {
            return true;
        }
        match tok.kind {
            TokenKind::Word => {
                (tok.is_capitalised() && !self.has(i, class::AUX | class::PRONOUN))
                    || self.has(i, class::AGE_UNIT)
                    || self.age_written_apart(i)
                    || (self.is(i, "old") && i > 0 && self.age_written_apart(i - 1))
            }
            TokenKind::Alnum => self
                .quant_at_start(i)
                .is_some_and(|q| self.quants[q].role == NumberRole::Age),
            // Not the brackets of a reference mark, "[11]".
            TokenKind::Punct => match tok.text(self.text) {
                "[" => self.quant_at_start(i + 1).is_none(),
                "]" => i == 0 || self.quant_at_end(i - 1).is_none(),
                _ => false,
            },
            _ => false,
        }
    }

    /// What the victim phrase in `range` says.
    fn victim_info(&self, lex: &Lexicons, range: Range<usize>) -> VictimInfo {
        let mut info = VictimInfo::default();
        // An age as the head noun, "a 14-year-old": one person, a child under 18.
        let age_head = range
            .end
            .checked_sub(1)
            .filter(|&last| last >= range.start)
            .and_then(|last| self.quant_at_end(last).map(|q| (last, q)))
            .filter(|&(last, q)| {
                self.quants[q].role == NumberRole::Age
                    && self.word(last).to_ascii_lowercase().ends_with("old")
            })
            .map(|(_, q)| self.quants[q].min);
        let mut noun_side = None;
        let mut mod_side = None;
        let mut last_entry = NONE;
        for i in range {
            let Some(&entry) = self.victim.get(i).filter(|&&v| v != NONE) else {
                continue;
            };
            if entry == last_entry {
                continue;
            }
            last_entry = entry;
            let w = lex.victim_info[entry as usize];
            match w.kind {
                VictimKind::Noun(g) => {
                    info.group = Some(g);
                    info.singular = w.singular;
                    info.beside = w.beside;
                    info.object = false;
                    if w.side.is_some() {
                        noun_side = w.side;
                    }
                }
                VictimKind::Modifier => {
                    if w.side.is_some() {
                        mod_side = w.side;
                    }
                }
                VictimKind::Object => info.object = true,
            }
        }
        info.side = mod_side.or(noun_side);
        if let Some(age) = age_head.filter(|_| info.group.is_none() && !info.object) {
            info.group = Some(if age < 18.0 {
                VictimGroup::Children
            } else {
                VictimGroup::Unknown
            });
            info.singular = true;
        }
        if info.group.is_none() && info.side.is_some() && !info.object {
            info.group = Some(VictimGroup::Combatants);
        }
        if info.group == Some(VictimGroup::Unknown) && mod_side.is_some() {
            // "rebel members", "regime men"
            info.group = Some(VictimGroup::Combatants);
        }
        if !matches!(info.group, Some(VictimGroup::Combatants)) {
            info.side = None;
        }
        info
    }

    /// The victim phrase starting at token `k`, up to `end`: its token range (possibly
    /// empty). A leading `of` is read ("dozens of people").
    fn np_forward(&self, lex: &Lexicons, mut k: usize, end: usize) -> Range<usize> {
        if k + 2 < end && self.is(k, "of") && self.is(k + 1, "the") {
            // "one of the family dogs", "13 of the fighters": past the article too.
            let np = self.np_from(lex, k + 2, end);
            if !np.is_empty() {
                return np;
            }
        }
        if k < end && self.is(k, "of") && self.np_token(lex, k + 1) {
            k += 1;
        }
        self.np_from(lex, k, end)
    }

    /// The victim phrase starting right at token `k`, up to `end` (possibly empty).
    fn np_from(&self, lex: &Lexicons, mut k: usize, end: usize) -> Range<usize> {
        let start = k;
        let mut last = k;
        while k < end && k - start < MAX_NP {
            if let Some(q) = self.quant_at_start(k)
                && self.quants[q].role == NumberRole::Age
            {
                k = self.quants[q].tokens.end.max(k + 1);
                last = k;
                continue;
            }
            // After the head noun only more victim words continue the phrase: "civilians
            // Friday" ends at "civilians".
            let head_seen = (start..k).any(|i| {
                self.victim_word(lex, i)
                    .is_some_and(|w| matches!(w.kind, VictimKind::Noun(_)))
            });
            let continues = if head_seen {
                self.victim_word(lex, k).is_some() || matches!(self.word(k), "[" | "]")
            } else {
                self.np_token(lex, k)
            };
            if continues {
                k += 1;
                last = k;
                continue;
            }
            // "15 unarmed civilians", "three young men": a few lowercase adjectives
            // before the head noun (or a thing's: "one of the family dogs").
            if !head_seen {
                let plain = |i: usize| {
                    i < end
                        && self.tokens[i].kind == TokenKind::Word
                        && !self.tokens[i].is_capitalised()
                        && self.classes[i] == 0
                        && self.victim[i] == NONE
                        && self.q_start[i] == NONE
                };
                let adjectives = (k..k + ADJECTIVE_SLACK + 1)
                    .take_while(|&i| plain(i))
                    .count();
                let head = k + adjectives;
                if adjectives > 0
                    && adjectives <= ADJECTIVE_SLACK
                    && head < end
                    && self
                        .victim_word(lex, head)
                        .is_some_and(|w| matches!(w.kind, VictimKind::Noun(_) | VictimKind::Object))
                {
                    k = head;
                    continue;
                }
            }
            break;
        }
        start..last
    }

    /// The status markers governing an outcome word in sentence `s`: a "could" or
    /// "denied" just before it, a cumulative phrase or a "confirmed" not far from it.
    fn status(&self, lex: &Lexicons, s: usize, trigger: &Range<usize>) -> ClaimStatus {
        let sent = &self.sentence_tokens[s];
        let near_claim =
            |r: &Range<usize>| r.end + WINDOW >= trigger.start && r.start <= trigger.end + WINDOW;
        let lo = self.markers.partition_point(|(r, _)| r.start < sent.start);
        let in_sentence = &self.markers[lo..];
        let in_sentence = &in_sentence[..in_sentence.partition_point(|(r, _)| r.end <= sent.end)];
        // "threatened to kill", "was going to shoot": no event.
        if let Some(before) = trigger.start.checked_sub(1).filter(|&b| b >= sent.start)
            && self.is(before, "to")
            && self.has(trigger.start, class::BASE)
        {
            return ClaimStatus::Hypothetical;
        }
        let mut status = ClaimStatus::Reported;
        // The first line of the text, when it is short enough to be a headline.
        // "in 2013": an earlier year given as context.
        let lo_tok = trigger.start.saturating_sub(WINDOW).max(sent.start + 1);
        let hi_tok = (trigger.end + WINDOW).min(sent.end);
        if (lo_tok..hi_tok).any(|t| {
            self.is(t - 1, "in")
                && self
                    .quant_at_start(t)
                    .is_some_and(|q| self.quants[q].role == NumberRole::Year)
        }) {
            status = ClaimStatus::Background;
        }
        for (k, (r, m)) in in_sentence.iter().enumerate() {
            let marker = lex.marker_info[*m];
            if marker.scope == Scope::Near {
                if r.end <= trigger.start && trigger.start - r.end <= NEAR {
                    match marker.status {
                        MarkerStatus::Denied => return ClaimStatus::Denied,
                        MarkerStatus::Hypothetical => return ClaimStatus::Hypothetical,
                        _ => {}
                    }
                }
                continue;
            }
            if !near_claim(r) {
                continue;
            }
            if marker.status == MarkerStatus::Earlier {
                // A headline's "last week" dates the article's own news.
                if (status == ClaimStatus::Reported || status == ClaimStatus::Confirmed)
                    && !self.in_headline(s)
                {
                    status = ClaimStatus::Background;
                }
                continue;
            }
            let cumulative = match marker.status {
                MarkerStatus::Cumulative => true,
                // "since Syria's war started", "since 2011"
                // "The war has left 300,000 dead", "people have died in the conflict".
                MarkerStatus::War => self.perfect(trigger.start, sent.start),
                MarkerStatus::Anchor => {
                    let reach = r.end + ANCHOR_REACH;
                    in_sentence[k + 1..]
                        .iter()
                        .take_while(|(r2, _)| r2.start <= reach)
                        .any(|(_, m2)| {
                            matches!(
                                lex.marker_info[*m2].status,
                                MarkerStatus::Period | MarkerStatus::War | MarkerStatus::Month(_)
                            )
                        })
                        || (r.end..reach.min(sent.end)).any(|t| {
                            self.quant_at_start(t)
                                .is_some_and(|q| self.quants[q].role == NumberRole::Year)
                        })
                }
                _ => false,
            };
            if cumulative {
                status = ClaimStatus::Cumulative;
            } else if marker.status == MarkerStatus::Confirmed && status == ClaimStatus::Reported {
                status = ClaimStatus::Confirmed;
            } else if matches!(
                marker.status,
                MarkerStatus::Hypothetical | MarkerStatus::Denied
            ) && !matches!(status, ClaimStatus::Cumulative | ClaimStatus::Background)
            {
                status = if marker.status == MarkerStatus::Denied {
                    ClaimStatus::Denied
                } else {
                    ClaimStatus::Hypothetical
                };
            }
        }
        status
    }

    /// Every claim in the document, in text order of their numbers.
    pub fn claims(&self, lex: &Lexicons) -> Vec<RawClaim> {
        let mut out: Vec<RawClaim> = Vec::new();
        let mut used = vec![false; self.quants.len()];
        let mut sentence = 0;
        for trig in &self.triggers {
            while sentence + 1 < self.sentence_tokens.len()
                && self.sentence_tokens[sentence].end <= trig.tokens.start
            {
                sentence += 1;
            }
            let Some(sent) = self.sentence_tokens.get(sentence).cloned() else {
                break;
            };
            if trig.tokens.start < sent.start {
                continue;
            }
            let mut status = self.status(lex, sentence, &trig.tokens);
            // "nearly killed", "but not killing him": a verb that says it did not happen.
            if matches!(trig.form, Form::Verb | Form::Ing | Form::Intr)
                && trig.tokens.start > sent.start
                && self.has(trig.tokens.start - 1, class::IRREALIS)
            {
                status = ClaimStatus::Hypothetical;
            }
            if trig.form == Form::Suicide {
                // "killed four classmates and himself": one more, the attacker.
                out.push(RawClaim {
                    outcome: trig.outcome,
                    trigger: trig.tokens.clone(),
                    number: NumberRef::Implicit(trig.tokens.clone(), 1),
                    victims: None,
                    victim_info: VictimInfo::default(),
                    part_of: None,
                    coordinated: true,
                    sentence,
                    status,
                });
                continue;
            }
            let at = InSentence {
                trig,
                sent,
                index: sentence,
                status,
            };
            if let Form::Event(n) = trig.form {
                // "the killing of 13 people" counts them; "a fatal shooting" one.
                if self.after(lex, &at, &mut used, &mut out) {
                    continue;
                }
                out.push(at.implicit(
                    trig.tokens.clone(),
                    u64::from(n),
                    None,
                    VictimInfo::default(),
                ));
                continue;
            }
            let found = self.after(lex, &at, &mut used, &mut out)
                || self.before(lex, &at, &mut used, &mut out);
            if !found {
                match self.shared_subject(&at, &out) {
                    Some(Shared::Claim(c)) => out.push(*c),
                    Some(Shared::Joint(i)) => {
                        out.remove(i);
                    }
                    None if self.elided_subject(lex, &at, &mut out) => {}
                    None if self.partitive_subject(lex, &at, &mut out) => {}
                    None => {
                        if let Some(i) = self.died_after_relative(&at, &out) {
                            // The death is the news, whenever the wounding was.
                            out[i].outcome = Outcome::Killed;
                            out[i].trigger = trig.tokens.clone();
                            out[i].status = status;
                        }
                    }
                }
            }
        }
        // Text order; parts keep pointing at their wholes.
        let mut order: Vec<usize> = (0..out.len()).collect();
        order.sort_by_key(|&i| self.claim_start(&out[i]));
        let mut position = vec![0; out.len()];
        for (new, &old) in order.iter().enumerate() {
            position[old] = new;
        }
        order
            .iter()
            .map(|&old| {
                let mut c = out[old].clone();
                c.part_of = c.part_of.map(|p| position[p]);
                c
            })
            .collect()
    }

    /// A second verb of the same subject: "a child was shot and later died", "two men
    /// were wounded and taken to the hospital". The outcome word follows "and" (and
    /// adverbs or auxiliaries) a few words after the outcome word of a claim of the same
    /// sentence whose count stands before it (its subject), and takes no object of its
    /// own: the same people, with this outcome. Not "killed three and injured others"
    /// (the count there is an object).
    ///
    /// Killed and injured right after each other ("48 killed and wounded", "dozens dead
    /// or injured") count both together: no figure for either, and the claim before is
    /// withdrawn.
    fn shared_subject(&self, at: &InSentence, out: &[RawClaim]) -> Option<Shared> {
        let (trig, sent) = (at.trig, &at.sent);
        if !matches!(trig.form, Form::Verb | Form::Intr | Form::Tally) {
            return None;
        }
        let mut j = trig.tokens.start;
        // ("Or" is an auxiliary elsewhere: "killed or wounded" joins two outcomes.)
        while j > sent.start && self.has(j - 1, class::AUX) && !self.is(j - 1, "or") {
            j -= 1;
        }
        if j <= sent.start {
            return None;
        }
        // "a girl shot, killed", "a girl shot in the head, killed": a comma right between
        // the two verbs (or after the first one's short phrase) joins them too.
        let comma = self.word(j - 1) == "," && j == trig.tokens.start;
        if !(comma || self.is(j - 1, "and") || self.is(j - 1, "or")) {
            return None;
        }
        let and = j - 1;
        let (index, prev) = at.claim_before(out, and)?;
        let pair = [prev.outcome, trig.outcome];
        if !comma
            && prev.trigger.end == and
            && pair.contains(&Outcome::Killed)
            && pair.contains(&Outcome::Injured)
        {
            return Some(Shared::Joint(index));
        }
        if self.is(and, "or") {
            return None;
        }
        let subject = match &prev.number {
            NumberRef::Quantity(q) => self.quants[*q].tokens.end <= prev.trigger.start,
            NumberRef::Implicit(r, _) => r.end <= prev.trigger.start,
        };
        // Only a short phrase ("in the head", "at a home") between the first verb and
        // "and": no count, no punctuation.
        let between = prev.trigger.end..and;
        let plain = between.len() <= MAX_LINK
            && between.clone().all(|i| {
                self.quant_at_start(i).is_none_or(|q| self.is_article(q))
                    && !matches!(self.tokens[i].kind, TokenKind::Punct | TokenKind::Dash)
            });
        // No object of its own: "and wounded five", "and injured others".
        let k = trig.tokens.end;
        let object = k < sent.end
            && (self.q_start[k] != NONE || self.victim[k] != NONE || self.has(k, class::PRONOUN));
        // "Taken to the hospital" counts only a written number.
        let written = trig.form != Form::Tally || matches!(prev.number, NumberRef::Quantity(_));
        (subject && plain && !object && written && prev.outcome != trig.outcome).then(|| {
            Shared::Claim(Box::new(RawClaim {
                outcome: trig.outcome,
                trigger: trig.tokens.clone(),
                coordinated: false,
                status: at.status,
                ..prev.clone()
            }))
        })
    }

    /// Where the auxiliaries and adverbs right before the outcome word start ("was
    /// later", "had been"): the token after the word that ends the subject's phrase.
    fn auxiliaries_before(&self, at: &InSentence) -> usize {
        let mut j = at.trig.tokens.start;
        while j > at.sent.start && self.has(j - 1, class::AUX) {
            j -= 1;
        }
        j
    }

    /// Whether `trig` is an intransitive death verb that tells a death: not a base form
    /// ("vowed to live and die there").
    fn tells_a_death(&self, trig: &Trigger) -> bool {
        trig.outcome == Outcome::Killed
            && trig.form == Form::Intr
            && !self.has(trig.tokens.start, class::BASE)
    }

    /// "He was taken to a hospital and later died", "The woman was treated at the scene
    /// but died": a death told by a second verb whose subject, one person named at the
    /// start of the sentence (a pronoun, a singular victim noun after a determiner, or a
    /// name before a form of "be" or "have"), was left out. Counts that person.
    fn elided_subject(&self, lex: &Lexicons, at: &InSentence, out: &mut Vec<RawClaim>) -> bool {
        let (trig, sent) = (at.trig, &at.sent);
        if !self.tells_a_death(trig) {
            return false;
        }
        let j = self.auxiliaries_before(at);
        if j <= sent.start + 1 || !self.is_any(j - 1, &["and", "but"]) {
            return false;
        }
        // A death already told in this sentence is the one this verb goes on with.
        if out
            .iter()
            .any(|c| c.sentence == at.index && c.outcome == Outcome::Killed)
        {
            return false;
        }
        let first = sent.start;
        let np =
            if self.is_any(first, &["he", "she"]) {
                Some((first..first + 1, VictimInfo::default(), None))
            } else if self.has(first, class::DEFINITE) || self.is_any(first, &["a", "an"]) {
                let np = self.np_forward(lex, first + 1, j);
                let info = self.victim_info(lex, np.clone());
                (!np.is_empty() && info.singular && info.group.is_some() && !info.object)
                    .then_some((first..np.end, info, Some(np)))
            } else {
                // A name of one to three capitalised words, then "was" or "had".
                let end = (first..(first + 3).min(j))
                    .find(|&i| {
                        !(self.tokens[i].kind == TokenKind::Word && self.tokens[i].is_capitalised())
                    })
                    .unwrap_or((first + 3).min(j));
                (end > first
                    && self.victim[first] == NONE
                    && self.has(end, class::SINGULAR)
                    && !self.has(first, class::PRONOUN | class::AUX | class::DEFINITE))
                .then(|| (first..end, VictimInfo::default(), None))
            };
        let Some((number, info, victims)) = np else {
            return false;
        };
        if number.end >= j {
            return false;
        }
        out.push(at.implicit(number, 1, victims, info));
        true
    }

    /// "One of the five people hospitalized after the shooting has died": a partitive
    /// opening the sentence is the subject of a death told further on by an intransitive
    /// outcome, with no punctuation between (which would close the subject's clause).
    /// Counts the partitive's number, as a floor.
    fn partitive_subject(&self, lex: &Lexicons, at: &InSentence, out: &mut Vec<RawClaim>) -> bool {
        let (trig, sent) = (at.trig, &at.sent);
        if !self.tells_a_death(trig) {
            return false;
        }
        let Some(q) = self.quant_at_start(sent.start) else {
            return false;
        };
        let of = self.quants[q].tokens.end;
        if !self.is(of, "of")
            || of + 1 >= trig.tokens.start
            || (of..trig.tokens.start)
                .any(|i| matches!(self.tokens[i].kind, TokenKind::Punct | TokenKind::Dash))
        {
            return false;
        }
        // The phrase after "of": "the five people", "five victims", "them".
        let mut from = of + 1;
        if self.is(from, "the") {
            from += 1;
        }
        if let Some(inner) = self.quant_at_start(from) {
            from = self.quants[inner].tokens.end;
        }
        let np = self.np_forward(lex, from, trig.tokens.start);
        if np.is_empty() && !self.is_any(of + 1, &["them", "those"]) {
            return false;
        }
        match self.partitive_claim(lex, trig, of + 1, np, sent.start) {
            Some(c) => {
                out.push(RawClaim {
                    sentence: at.index,
                    status: at.status,
                    ..c
                });
                true
            }
            None => false,
        }
    }

    /// The main verb of a subject that a relative or participle clause of its own
    /// wounds: "A boy who was shot in the face at his home has died", "a man wounded in
    /// a shooting earlier this month died". The claim of the person shot (one, counted
    /// before the clause's outcome word) whose death this verb tells: the index of that
    /// claim, which becomes a death. Only plain words between the two (no count, no
    /// punctuation, no other outcome word): a comma or "and" ends the subject's clause.
    fn died_after_relative(&self, at: &InSentence, out: &[RawClaim]) -> Option<usize> {
        let trig = at.trig;
        if trig.outcome != Outcome::Killed || trig.form != Form::Intr {
            return None;
        }
        let j = self.auxiliaries_before(at);
        let (index, prev) = at.claim_before(out, j)?;
        if !matches!(prev.outcome, Outcome::Shot | Outcome::Injured) {
            return None;
        }
        let one = match &prev.number {
            NumberRef::Quantity(q) => {
                let q = &self.quants[*q];
                q.min == 1.0 && q.vague.is_none() && q.tokens.end <= prev.trigger.start
            }
            NumberRef::Implicit(r, n) => *n == 1 && r.end <= prev.trigger.start,
        };
        let between = prev.trigger.end..j;
        // (Numbers of places and times may stand there: "shot at 22nd Street on
        // Friday at 5 p.m.".)
        let plain = between.len() <= MAX_BEFORE
            && between.clone().all(|i| {
                self.quant_at_start(i).is_none_or(|q| {
                    self.is_article(q) || self.quants[q].role != NumberRole::Count
                })
                    && !matches!(self.tokens[i].kind, TokenKind::Punct | TokenKind::Dash)
                    && !self.is_any(i, &["and", "or", "but"])
                    && !self.takes_number_before[i]
            })
            // (The shooting that wounded them may be told there: "a toddler injured
            // in an accidental shooting has died".)
            && !self
                .triggers
                .iter()
                .any(|t| between.contains(&t.tokens.start) && t.outcome != Outcome::Shot);
        (one && plain).then_some(index)
    }

    pub fn claim_start(&self, c: &RawClaim) -> usize {
        match &c.number {
            NumberRef::Quantity(q) => self.quants[*q].span.start,
            NumberRef::Implicit(r, _) => self.tokens[r.start].span.start,
        }
    }

    pub fn number_span(&self, c: &RawClaim) -> Span {
        match &c.number {
            NumberRef::Quantity(q) => self.quants[*q].span,
            NumberRef::Implicit(r, _) => Span::new(
                self.tokens[r.start].span.start,
                self.tokens[r.end - 1].span.end,
            ),
        }
    }

    pub fn tokens_span(&self, r: &Range<usize>) -> Span {
        Span::new(
            self.tokens[r.start].span.start,
            self.tokens[r.end - 1].span.end,
        )
    }

    /// A number after the outcome word.
    fn after(
        &self,
        lex: &Lexicons,
        at: &InSentence,
        used: &mut [bool],
        out: &mut Vec<RawClaim>,
    ) -> bool {
        let mut k = at.trig.tokens.end;
        match at.trig.form {
            Form::Intr | Form::Tally => return false,
            Form::Event(_) => {}
            Form::Suicide => return false,
            Form::Verb => {
                if self.passive_before(at.trig.tokens.start, at.sent.start) {
                    return false;
                }
                let mut n = 0;
                while k < at.sent.end && n < MAX_LEAD && self.has(k, class::LEAD) {
                    k += 1;
                    n += 1;
                }
            }
            Form::Ing => {
                // "the killing of one person"
                if self.is(k, "of") {
                    k += 1;
                }
                let mut n = 0;
                while k < at.sent.end && n < MAX_LEAD && self.has(k, class::LEAD) {
                    k += 1;
                    n += 1;
                }
            }
            Form::Noun => {
                if !self.is(k, "of") {
                    return false;
                }
                k += 1;
            }
            Form::Toll => {
                // "the death toll rose to 31", "the death toll from the strikes was 45":
                // the first number after a linking word, a few words on.
                let limit = (k + MAX_LINK + 3).min(at.sent.end);
                let Some(at) = (k..limit).find(|&i| {
                    i > at.trig.tokens.end.saturating_sub(1)
                        && self.has(i - 1, class::LINK)
                        && self.quant_at_start(i).is_some()
                }) else {
                    return false;
                };
                k = at;
            }
        }
        if k >= at.sent.end {
            return false;
        }
        // "killed his two children", "shot the three men": a determiner before the count.
        if matches!(at.trig.form, Form::Verb | Form::Ing)
            && self.has(k, class::DEFINITE)
            && let Some(q) = self.quant_at_start(k + 1)
            && !self.is_article(q)
            && self.countable(q)
        {
            return self.claim_from(lex, at, q, used, out, VictimsAt::After);
        }
        if let Some(q) = self.quant_at_start(k) {
            return self.claim_from(lex, at, q, used, out, VictimsAt::After);
        }
        // "killing both", "killed both men": two people.
        if matches!(at.trig.form, Form::Verb | Form::Ing) && self.has(k, class::PAIR) {
            let np = self.np_forward(lex, k + 1, at.sent.end);
            let info = self.victim_info(lex, np.clone());
            if !info.object && !info.singular {
                out.push(at.implicit(
                    k..np.end.max(k + 1),
                    2,
                    (!np.is_empty()).then_some(np),
                    info,
                ));
                return true;
            }
        }
        // "killing three and wounding another": one more person.
        if matches!(at.trig.form, Form::Verb | Form::Ing)
            && k > at.trig.tokens.end
            && self.is(k - 1, "another")
        {
            let np = self.np_forward(lex, k, at.sent.end);
            let info = self.victim_info(lex, np.clone());
            if np.is_empty() || (info.singular && !info.object) {
                out.push(at.implicit(
                    k - 1..np.end.max(k),
                    1,
                    (!np.is_empty()).then_some(np),
                    info,
                ));
                return true;
            }
        }
        // Headlines drop articles: "Woman accused of fatally shooting toddler",
        // "Man kills neighbor" count one, as "a toddler" would. (A participle after a
        // preposition takes an object; one after a noun may be a compound's first word,
        // "Mt. Holly shooting victim".)
        let takes_object = at.trig.form == Form::Verb
            || at
                .trig
                .tokens
                .start
                .checked_sub(1)
                .is_some_and(|b| b >= at.sent.start && self.has(b, class::STOP | class::LINK));
        if matches!(at.trig.form, Form::Verb | Form::Ing)
            && takes_object
            && self.in_headline(at.index)
            && self.victim_word(lex, k).is_some()
        {
            let np = self.np_from(lex, k, at.sent.end);
            let info = self.victim_info(lex, np.clone());
            if !np.is_empty() && info.singular && info.group.is_some() && !info.object {
                out.push(at.implicit(np.clone(), 1, Some(np), info));
                return true;
            }
        }
        // "shot him", "killing her": one person.
        if matches!(at.trig.form, Form::Verb | Form::Ing) && self.has(k, class::PRONOUN) {
            let w = self.word(k);
            if w.eq_ignore_ascii_case("him") || w.eq_ignore_ascii_case("her") {
                // "her" may be a possessive: "killed her son" names a victim too.
                let np = self.np_forward(lex, k + 1, at.sent.end);
                let info = self.victim_info(lex, np.clone());
                if !np.is_empty() && !info.singular {
                    return false;
                }
                let whole = out.len();
                let end = np.end.max(k + 1);
                out.push(at.implicit(k..k + 1, 1, (!np.is_empty()).then_some(np), info));
                // "killed her and three other people"
                self.follow_on(lex, at, FollowFrom::counts(end, whole), used, out);
                return true;
            }
        }
        // "killing one and wounding the other": one person, besides those counted.
        // (Not "one shot the other": shot, the other may be the dead told before.)
        if matches!(at.trig.form, Form::Verb | Form::Ing)
            && at.trig.outcome == Outcome::Injured
            && self.is(k, "the")
            && self.is(k + 1, "other")
            && self.victim_word(lex, k + 2).is_none()
            && self.quant_at_start(k + 2).is_none()
        {
            let np = k + 1..k + 2;
            let info = self.victim_info(lex, np.clone());
            out.push(at.implicit(k..k + 2, 1, Some(np), info));
            return true;
        }
        // "killing the victim", "shot his wife": one person, named by a singular noun
        // after a determiner or a possessive.
        if matches!(at.trig.form, Form::Verb | Form::Ing)
            && self.has(k, class::DEFINITE)
            && !self.has(k, class::PRONOUN)
        {
            let np = self.np_forward(lex, k + 1, at.sent.end);
            let info = self.victim_info(lex, np.clone());
            if !np.is_empty() && info.singular && info.group.is_some() && !info.object {
                let whole = out.len();
                let end = np.end;
                out.push(at.implicit(k..end, 1, Some(np), info));
                // "killing his wife and two children"
                self.follow_on(lex, at, FollowFrom::counts(end, whole), used, out);
                return true;
            }
        }
        false
    }

    /// A form of "have" right before token `t` (adverbs and other auxiliaries between):
    /// the perfect, "has killed", "have been killed", "had died".
    fn perfect(&self, t: usize, sent_start: usize) -> bool {
        self.auxiliary_before(t, sent_start, class::PERFECT)
    }

    /// A form of "be" right before token `t` (adverbs and "also" between): passive.
    fn passive_before(&self, t: usize, sent_start: usize) -> bool {
        self.auxiliary_before(t, sent_start, class::PASSIVE)
    }

    /// A word of class `wanted` among the (at most three) auxiliaries and adverbs right
    /// before token `t`.
    fn auxiliary_before(&self, t: usize, sent_start: usize, wanted: u32) -> bool {
        let mut j = t;
        let mut n = 0;
        while j > sent_start && n < 3 {
            j -= 1;
            n += 1;
            if self.has(j, wanted) {
                return true;
            }
            if !self.has(j, class::AUX) {
                return false;
            }
        }
        false
    }

    /// A claim for quantity `q` counting the outcome of `at`, with its victim phrase
    /// after it (then its coordinated counts and parts) or already known.
    fn claim_from(
        &self,
        lex: &Lexicons,
        at: &InSentence,
        q: usize,
        used: &mut [bool],
        out: &mut Vec<RawClaim>,
        victims: VictimsAt,
    ) -> bool {
        if used[q] || !self.countable(q) {
            return false;
        }
        let q_end = self.quants[q].tokens.end;
        let forward = matches!(victims, VictimsAt::After);
        let np = match victims {
            VictimsAt::Known(np) => np,
            VictimsAt::After => self.np_forward(lex, q_end, at.sent.end),
        };
        let info = self.victim_info(lex, np.clone());
        if info.object {
            return false;
        }
        // "Eight Civilians Killed 14 Injured": the number belongs to the outcome after it
        // (which a capitalised headline word may have joined to the victim phrase), also
        // past auxiliaries ("those killed, at least 160 people were injured").
        if forward {
            let mut end = np.end.max(q_end);
            while end < at.sent.end && self.has(end, class::AUX) {
                end += 1;
            }
            if (q_end..=end).any(|i| self.takes_number_before.get(i) == Some(&true)) {
                return false;
            }
        }
        let article = self.is_article(q);
        // "A man was taken to the hospital" names no number: he may have died there.
        if article && (!(info.singular && info.group.is_some()) || at.trig.form == Form::Tally) {
            return false;
        }
        // "the death toll of a terrorist attack": the victim word modifies a thing.
        if article && !np.is_empty() && self.has(np.end, class::THING) {
            return false;
        }
        used[q] = true;
        let whole = out.len();
        out.push(at.claim(
            NumberRef::Quantity(q),
            (!np.is_empty()).then_some(np.clone()),
            info,
        ));
        if forward {
            self.follow_on(
                lex,
                at,
                FollowFrom::counts(np.end.max(q_end), whole),
                used,
                out,
            );
        }
        true
    }

    /// After a claim's victim phrase: parts ("including four children", "among them
    /// three children") and, unless only parts may follow, coordinated counts ("and
    /// seven rebels").
    fn follow_on(
        &self,
        lex: &Lexicons,
        at: &InSentence,
        from: FollowFrom,
        used: &mut [bool],
        out: &mut Vec<RawClaim>,
    ) {
        let FollowFrom {
            token: mut k,
            whole,
            parts_only,
        } = from;
        let mut part_of = None;
        let mut listed = 0;
        // "17 people were killed in the attack, among them 13 police officers": past a
        // short phrase of plain words (no count) to the parts.
        if parts_only {
            let phrase = (k..(k + MAX_LINK + 2).min(at.sent.end)).take_while(|&i| {
                self.tokens[i].kind == TokenKind::Word
                    && self.q_start[i] == NONE
                    && !self.has(i, class::SUBGROUP)
                    && !self.takes_number_before[i]
            });
            if let Some(last) = phrase.last() {
                let mut m = last + 1;
                if m < at.sent.end && self.word(m) == "," {
                    m += 1;
                }
                if m < at.sent.end && self.has(m, class::SUBGROUP) {
                    k = m;
                }
            }
        }
        for _ in 0..6 {
            let mut j = k;
            if j < at.sent.end && matches!(self.word(j), "," | "(" | ";") {
                j += 1;
            }
            let mut marker = false;
            while j < at.sent.end && self.has(j, class::SUBGROUP) {
                j += 1;
                marker = true;
            }
            // "killed 12 people, eight of them children": the subgroup words after the
            // part's count, its victims after them.
            let mut np_from = None;
            if !marker && let Some(q) = self.quant_at_start(j) {
                let mut e = self.quants[q].tokens.end;
                while e < at.sent.end && self.has(e, class::SUBGROUP) {
                    e += 1;
                }
                if e > self.quants[q].tokens.end {
                    marker = true;
                    np_from = Some(e);
                }
            }
            if parts_only && !marker && part_of.is_none() {
                return;
            }
            // "as well as" joins counts as "and" does ("30 soldiers as well as 50
            // rebels").
            let as_well_as = self.is(j, "as") && self.is(j + 1, "well") && self.is(j + 2, "as");
            if !marker && j < at.sent.end && (self.is(j, "and") || self.word(k) == ",") {
                if self.is(j, "and") {
                    j += 1;
                }
            } else if !marker && as_well_as {
                j += 3;
            } else if !marker {
                return;
            }
            if marker {
                part_of = Some(whole);
            }
            let Some(q) = self.quant_at_start(j) else {
                // "shot his nephew and his stepbrother", "killed her and her son": one
                // more person, named without a number after "and".
                if part_of.is_none()
                    && j > k
                    && self.is(j - 1, "and")
                    && let Some((words, victims, info)) = self.person_named(lex, j, at.sent.end)
                {
                    out[whole].coordinated = true;
                    let end = words.end;
                    out.push(RawClaim {
                        coordinated: true,
                        ..at.implicit(words, 1, victims, info)
                    });
                    k = end;
                    continue;
                }
                return;
            };
            if used[q] || !self.countable(q) {
                return;
            }
            let q_end = self.quants[q].tokens.end;
            let np = self.np_forward(lex, np_from.unwrap_or(q_end), at.sent.end);
            let info = self.victim_info(lex, np.clone());
            // A coordinated count needs its own victims ("and seven rebels"), or it is
            // the number of something else; and one with an outcome word of its own
            // ("44 bodies as well as 140 injured people") is of that outcome.
            if info.object
                || (part_of.is_none() && info.group.is_none())
                || (q_end..np.end).any(|i| self.takes_number_before[i])
            {
                return;
            }
            if self.is_article(q) && !info.singular {
                return;
            }
            // "shot the clerk, a 40-year-old man,": one person named without a number,
            // then again after a comma with an article (an apposition), not a list ("a
            // man, a woman and two children" is one).
            let after_comma = j > k && self.word(j - 1) == ",";
            let named = matches!(out[whole].number, NumberRef::Implicit(..));
            if part_of.is_none() && after_comma && named && self.is_article(q) {
                return;
            }
            used[q] = true;
            // Counts listed together are different people: "13 soldiers and seven
            // rebels", "including five children and two women".
            match part_of {
                None => out[whole].coordinated = true,
                Some(_) if listed > 0 => {
                    if let Some(last) = out.last_mut() {
                        last.coordinated = true;
                    }
                }
                Some(_) => {}
            }
            listed += usize::from(part_of.is_some());
            out.push(RawClaim {
                part_of,
                coordinated: part_of.is_none() || listed > 1,
                ..at.claim(
                    NumberRef::Quantity(q),
                    (!np.is_empty()).then_some(np.clone()),
                    info,
                )
            });
            k = np.end.max(q_end);
        }
    }

    /// One person named without a number from token `j` (before `end`): a determiner
    /// ("his", "the", "another") and a singular victim phrase ("his 24-year-old
    /// stepbrother", "another woman"), or "him" / "her" standing alone. Its tokens, its
    /// victim phrase and what that says.
    fn person_named(
        &self,
        lex: &Lexicons,
        j: usize,
        end: usize,
    ) -> Option<(Range<usize>, Option<Range<usize>>, VictimInfo)> {
        if j >= end {
            return None;
        }
        let w = self.word(j);
        let determiner = (self.has(j, class::DEFINITE) && !w.eq_ignore_ascii_case("their"))
            || w.eq_ignore_ascii_case("another");
        let np = if determiner {
            self.np_from(lex, j + 1, end)
        } else {
            j + 1..j + 1
        };
        if !np.is_empty() {
            let info = self.victim_info(lex, np.clone());
            return (info.singular && info.group.is_some() && !info.object && !info.beside)
                .then_some((j..np.end, Some(np), info));
        }
        let pronoun = w.eq_ignore_ascii_case("him") || w.eq_ignore_ascii_case("her");
        pronoun.then_some((j..j + 1, None, VictimInfo::default()))
    }

    /// A number before the outcome word.
    fn before(
        &self,
        lex: &Lexicons,
        at: &InSentence,
        used: &mut [bool],
        out: &mut Vec<RawClaim>,
    ) -> bool {
        if matches!(
            at.trig.form,
            Form::Ing | Form::Toll | Form::Event(_) | Form::Suicide
        ) {
            return false;
        }
        let mut j = at.trig.tokens.start;
        // "Two of the dead were port workers": the outcome word is a noun for people
        // counted elsewhere, not a new claim.
        if j > at.sent.start && self.is(j - 1, "the") && at.trig.form != Form::Noun {
            // "Four children were among the dead": a part of the toll told before.
            return self.among_the_dead(lex, at, j - 1, used, out);
        }
        let mut aux = false;
        let mut np_start = j;
        let mut np_end = j;
        let mut steps = 0;
        let mut slack = ADJECTIVE_SLACK;
        let mut singular_aux = false;
        while j > at.sent.start && steps < MAX_BEFORE {
            j -= 1;
            steps += 1;
            if self.victim_word(lex, j).is_some()
                || (self.np_token(lex, j) && self.quant_at_end(j).is_none())
            {
                if np_end == np_start {
                    np_end = j + 1;
                }
                np_start = j;
                continue;
            }
            let np_has_noun = (np_start..np_end).any(|i| {
                self.victim_word(lex, i)
                    .is_some_and(|w| matches!(w.kind, VictimKind::Noun(_)))
            });
            // "16 civilians including women and children were killed", "Ten civilians
            // some of them children": a part without a number says nothing of the
            // whole, which comes before it.
            if np_has_noun && self.has(j, class::SUBGROUP) && self.quant_at_end(j).is_none() {
                np_start = j;
                np_end = j;
                continue;
            }
            // "women and children", "men, women and children"
            if np_has_noun
                && (self.is(j, "and") || self.word(j) == ",")
                && j > at.sent.start
                && self.victim_word(lex, j - 1).is_some()
            {
                np_start = j;
                continue;
            }
            // "21 Syrian moderate opposition fighters": a few lowercase adjectives
            // before the head noun.
            if np_has_noun
                && slack > 0
                && self.tokens[j].kind == TokenKind::Word
                && !self.tokens[j].is_capitalised()
                && self.classes[j] == 0
                && self.quant_at_end(j).is_none()
                && !self.is(j, "and")
                && !self.is(j, "or")
            {
                slack -= 1;
                np_start = j;
                continue;
            }
            if let Some(q) = self.quant_at_end(j) {
                if self.quants[q].role == NumberRole::Age
                    || self.has(self.quants[q].tokens.end, class::AGE_UNIT)
                    || self.age_written_apart(self.quants[q].tokens.end)
                {
                    if np_end == np_start {
                        np_end = j + 1;
                    }
                    np_start = self.quants[q].tokens.start;
                    j = np_start;
                    continue;
                }
                // "Two of the four victims died": the count before "of the" is the one.
                // (With a participle, "one of four victims killed", the outcome is the
                // four's.)
                if aux || at.trig.form == Form::Intr {
                    let start = self.quants[q].tokens.start;
                    if let Some(c) =
                        self.partitive_claim(lex, at.trig, start, np_start..np_end, at.sent.start)
                    {
                        out.push(RawClaim {
                            sentence: at.index,
                            status: at.status,
                            ..c
                        });
                        return true;
                    }
                }
                if at.trig.form == Form::Verb && !aux && self.object_follows(lex, at.trig, &at.sent)
                {
                    return false;
                }
                if at.trig.form == Form::Noun && aux {
                    return false;
                }
                // "Nine civilians including three children were killed": this count is a
                // part; the whole stands before it.
                if let Some(ok) = self.whole_before_part(lex, at, q, np_start..np_end, used, out) {
                    return ok;
                }
                let np = np_start..np_end;
                let ok = self.claim_from(lex, at, q, used, out, VictimsAt::Known(np.clone()));
                if ok {
                    let whole = out.len() - 1;
                    if np.is_empty() {
                        self.np_after_outcome(lex, at.trig, &at.sent, out, whole);
                    }
                    self.before_follow(lex, at, q, used, out, whole);
                    self.among_before(lex, at, q, used, out, whole);
                    // "17 people were killed, including nine civilians"
                    let after = at.trig.tokens.end;
                    self.follow_on(lex, at, FollowFrom::parts(after, whole), used, out);
                }
                return ok;
            }
            // "Both men were killed", "both died": two people.
            if self.has(j, class::PAIR)
                && (aux || at.trig.form == Form::Intr)
                && !matches!(at.trig.form, Form::Noun | Form::Tally)
            {
                let info = self.victim_info(lex, np_start..np_end);
                if !info.object && !info.singular {
                    out.push(at.implicit(
                        j..np_end.max(j + 1),
                        2,
                        (np_end > np_start).then_some(np_start..np_end),
                        info,
                    ));
                    return true;
                }
            }
            // "three people dead and another injured", "another man was wounded": one
            // more person ("one dead and another in critical condition": "another" is
            // as good as a written number).
            if self.has(j, class::ADDITIVE)
                && self.is(j, "another")
                && (aux
                    || at.trig.form == Form::Intr
                    || !self.object_follows(lex, at.trig, &at.sent))
                && at.trig.form != Form::Noun
            {
                let info = self.victim_info(lex, np_start..np_end);
                if np_end == np_start || (info.singular && !info.object) {
                    out.push(at.implicit(
                        j..np_end.max(j + 1),
                        1,
                        (np_end > np_start).then_some(np_start..np_end),
                        info,
                    ));
                    return true;
                }
            }
            if self.has(j, class::AUX) && np_end == np_start {
                aux = true;
                singular_aux |= self.has(j, class::SINGULAR);
                continue;
            }
            // "a 16-year-old boy who was shot": back past "who" to its noun.
            if self.has(j, class::RELATIVE) && np_end == np_start && aux {
                continue;
            }
            if self.is(j, "of")
                && self.quant_at_end(j.saturating_sub(1)).is_some()
                && j > at.sent.start
            {
                continue;
            }
            // "One of them died", "one of the victims was killed": one of the people
            // named before. ("The" after "of" is read with it as an auxiliary, "of the".)
            let them = np_end == np_start && self.is_any(j, &["them", "those", "whom", "which"]);
            let the_np = np_end > np_start && (self.has(j, class::DEFINITE) || self.is(j, "the"));
            if (them || the_np)
                && (aux || at.trig.form == Form::Intr)
                && let Some(c) =
                    self.partitive_claim(lex, at.trig, j, np_start..np_end, at.sent.start)
            {
                out.push(RawClaim {
                    sentence: at.index,
                    status: at.status,
                    ..c
                });
                return true;
            }
            if np_end == np_start
                && self.has(j, class::PRONOUN)
                && !matches!(at.trig.form, Form::Noun | Form::Tally)
            {
                let w = self.word(j);
                if (w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she"))
                    && (aux || at.trig.form == Form::Intr)
                {
                    out.push(at.implicit(j..j + 1, 1, None, VictimInfo::default()));
                    return true;
                }
                return false;
            }
            if np_end > np_start
                && self.has(j, class::DEFINITE)
                && !matches!(at.trig.form, Form::Noun | Form::Tally)
            {
                let info = self.victim_info(lex, np_start..np_end);
                if info.singular && !info.object && (aux || at.trig.form == Form::Intr) {
                    out.push(at.implicit(j..np_end, 1, Some(np_start..np_end), info));
                    return true;
                }
                return false;
            }
            // "Marcus Lee, 24, died": back over the age set off by commas to the name.
            if np_end == np_start
                && let Some(name_end) = self.age_apposition_before(j, at.sent.start)
            {
                j = name_end;
                continue;
            }
            if (self.word(j) == "," || self.tokens[j].kind == TokenKind::Dash)
                && self.before_parenthetical(lex, at, j, used, out)
            {
                return true;
            }
            // "One of them, identified as John Smith, died", "One person, a
            // 19-year-old man, was pronounced dead": back over a phrase set off by
            // commas to the subject before it.
            if np_end == np_start
                && let Some(open) = self.apposition_start(j, at.sent.start)
            {
                j = open;
                np_start = j;
                np_end = j;
                continue;
            }
            break;
        }
        // No number: a singular subject still counts one ("Teen killed in shooting",
        // "Smith was killed"), also one that opens a headline's clause ("Police: Teen
        // shot, killed", "Family mourns after 6-year-old shot").
        // ("The man shot the boys": a subject with an object of its own did the
        // shooting.)
        let active = || at.trig.form == Form::Verb && self.object_follows(lex, at.trig, &at.sent);
        if np_end > np_start
            && (aux
                || at.trig.form == Form::Intr
                || (np_start == at.sent.start && !active())
                || (self.opens_headline_clause(np_start, at.index)
                    && self.headline_subject(at.trig, np_start..np_end)
                    && !active()))
        {
            let np = np_start..np_end;
            let info = self.victim_info(lex, np.clone());
            // A name: "Smith was killed", and with an intransitive verb and no
            // auxiliary, "Thompson died" (a name of one or two words).
            let capitalised = np.clone().all(|i| self.tokens[i].is_capitalised());
            let bare_name = at.trig.form == Form::Intr
                && !aux
                && np.len() <= 2
                && np.clone().all(|i| self.tokens[i].kind == TokenKind::Word);
            // ("Sunday has died": a day or a month is no name.)
            let name = info.group.is_none()
                && capitalised
                && (singular_aux || bare_name)
                && !np.clone().any(|i| self.calendar_word(lex, i));
            if !info.object
                && (info.singular || name)
                && !matches!(at.trig.form, Form::Noun | Form::Tally)
            {
                out.push(at.implicit(np.clone(), 1, info.group.is_some().then_some(np), info));
                return true;
            }
        }
        false
    }

    /// A claim of some of the people named before, by a partitive whose phrase after
    /// "of" starts at token `at` (victims `np`): "one of the victims", "two of them",
    /// "two of the four victims" (`at` on "four"). It counts people a figure before may
    /// already hold, so, like people named without a number, it only sets a floor.
    fn partitive_claim(
        &self,
        lex: &Lexicons,
        trig: &Trigger,
        at: usize,
        np: Range<usize>,
        sent_start: usize,
    ) -> Option<RawClaim> {
        let mut k = at;
        if k > sent_start && self.is(k - 1, "the") {
            k -= 1;
        }
        let of = k.checked_sub(1).filter(|&i| i > sent_start)?;
        if !self.is(of, "of") {
            return None;
        }
        let q = self.quant_at_end(of - 1)?;
        let quant = &self.quants[q];
        if quant.role != NumberRole::Count || !self.countable(q) || quant.vague.is_some() {
            return None;
        }
        let count = quant.min;
        if !((1.0..=1.0e6).contains(&count) && count.fract() == 0.0) {
            return None;
        }
        let info = self.victim_info(lex, np.clone());
        if info.object {
            return None;
        }
        let end = np.end.max(at + 1);
        Some(RawClaim::implicit(
            trig,
            quant.tokens.start..end,
            count as u64,
            (!np.is_empty()).then_some(np),
            info,
            0,
            ClaimStatus::Reported,
        ))
    }

    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(i, w))
    }

    /// When token `comma` closes a person's age set off by commas after a name ("Marcus
    /// Lee, 24, died", "Ann Ortiz, 31, of Dover, was shot"), the token after the name's
    /// last word (so that reading back goes on with the name). The age is digits, a
    /// whole number a person can be; the name a capitalised word or a victim word.
    fn age_apposition_before(&self, comma: usize, sent_start: usize) -> Option<usize> {
        if self.word(comma) != "," {
            return None;
        }
        let mut k = comma;
        // ", of Dover," : a home town after the age.
        let town = (sent_start + 1..k)
            .rev()
            .take(4)
            .find(|&i| self.word(i) == ",");
        if let Some(c) = town
            && self.is(c + 1, "of")
            && (c + 2..k).all(|i| self.tokens[i].is_capitalised())
            && c + 2 < k
        {
            k = c;
        }
        let age_end = k.checked_sub(1)?;
        let q = self.quant_at_end(age_end)?;
        let quant = &self.quants[q];
        let age = quant.tokens.len() == 1
            && self.tokens[age_end].kind == TokenKind::Number
            && quant.min.fract() == 0.0
            && (1.0..=110.0).contains(&quant.min)
            && quant.qualifier.is_none();
        let open = quant.tokens.start.checked_sub(1)?;
        let name = open.checked_sub(1)?;
        (age && open > sent_start
            && self.word(open) == ","
            && self.tokens[name].kind == TokenKind::Word)
            .then_some(open)
    }

    /// When quantity `part` (victims `part_np`) follows a subgroup word, the whole before
    /// it and then the part; `None` when `part` is not a part.
    fn whole_before_part(
        &self,
        lex: &Lexicons,
        at: &InSentence,
        part: usize,
        part_np: Range<usize>,
        used: &mut [bool],
        out: &mut Vec<RawClaim>,
    ) -> Option<bool> {
        // Parts listed together ("including eight children and six women"): back over
        // the earlier ones, each a count and its victims before "and" or a comma.
        let mut parts = vec![(part, part_np)];
        loop {
            let (first, _) = parts[parts.len() - 1];
            let and = self.quants[first].tokens.start;
            if and <= at.sent.start || !(self.is(and - 1, "and") || self.word(and - 1) == ",") {
                break;
            }
            let mut k = and - 1;
            let mut earlier = None;
            while k > at.sent.start && and - k <= MAX_NP {
                k -= 1;
                if let Some(q) = self.quant_at_end(k) {
                    earlier = Some((q, k + 1..and - 1));
                    break;
                }
                if self.victim_word(lex, k).is_none() {
                    break;
                }
            }
            match earlier {
                Some((q, np)) if !np.is_empty() && self.quants[q].role != NumberRole::Age => {
                    parts.push((q, np));
                }
                _ => break,
            }
        }
        let (first, _) = parts[parts.len() - 1];
        let mut m = self.quants[first].tokens.start;
        let mut marker = false;
        while m > at.sent.start && self.has(m - 1, class::SUBGROUP) {
            m -= 1;
            marker = true;
        }
        if !marker {
            return None;
        }
        if m > at.sent.start
            && (self.word(m - 1) == "," || self.tokens[m - 1].kind == TokenKind::Dash)
        {
            m -= 1;
        }
        let np_end = m;
        let mut k = m;
        let mut steps = 0;
        while k > at.sent.start && steps < MAX_NP {
            k -= 1;
            steps += 1;
            if let Some(q) = self.quant_at_end(k)
                && self.victim_word(lex, k).is_none()
                && self.quants[q].role != NumberRole::Age
            {
                if !self.claim_from(lex, at, q, used, out, VictimsAt::Known(k + 1..np_end)) {
                    return None;
                }
                let whole = out.len() - 1;
                let listed = parts.len() > 1;
                for (part, part_np) in parts.into_iter().rev() {
                    if used[part] || !self.countable(part) {
                        continue;
                    }
                    used[part] = true;
                    out.push(RawClaim {
                        part_of: Some(whole),
                        // Parts listed together are different people.
                        coordinated: listed,
                        ..at.claim(
                            NumberRef::Quantity(part),
                            (!part_np.is_empty()).then_some(part_np.clone()),
                            self.victim_info(lex, part_np),
                        )
                    });
                }
                return Some(true);
            }
            if !self.np_token(lex, k) {
                return None;
            }
        }
        None
    }

    /// "13 people, including four children, were killed": reading back from the comma
    /// before the outcome word's auxiliaries.
    fn before_parenthetical(
        &self,
        lex: &Lexicons,
        at: &InSentence,
        comma: usize,
        used: &mut [bool],
        out: &mut Vec<RawClaim>,
    ) -> bool {
        // Back over the part's victim phrase to its number, if it has one ("mostly
        // civilians" has none).
        let mut j = comma;
        let mut steps = 0;
        let mut part = None;
        while j > at.sent.start && steps < MAX_NP {
            j -= 1;
            steps += 1;
            if let Some(q) = self.quant_at_end(j)
                && self.victim_word(lex, j).is_none()
            {
                part = Some(q);
                j = self.quants[q].tokens.start;
                break;
            }
            if self.has(j, class::SUBGROUP) {
                j += 1;
                break;
            }
            if !self.np_token(lex, j) && !self.is(j, "and") {
                return false;
            }
        }
        let mut m = j;
        let mut marker = false;
        while m > at.sent.start && self.has(m - 1, class::SUBGROUP) {
            m -= 1;
            marker = true;
        }
        if !marker {
            return false;
        }
        if m > at.sent.start
            && (self.word(m - 1) == "," || self.tokens[m - 1].kind == TokenKind::Dash)
        {
            m -= 1;
        }
        // The whole: its victim phrase and number.
        let np_end = m;
        let mut k = m;
        let mut steps = 0;
        while k > at.sent.start && steps < MAX_NP {
            k -= 1;
            steps += 1;
            if let Some(q) = self.quant_at_end(k)
                && self.victim_word(lex, k).is_none()
                && self.quants[q].role != NumberRole::Age
            {
                let np = k + 1..np_end;
                if !self.claim_from(lex, at, q, used, out, VictimsAt::Known(np)) {
                    return false;
                }
                let whole = out.len() - 1;
                if let Some(part) = part.filter(|&p| !used[p] && self.countable(p)) {
                    let part_np = self.quants[part].tokens.end..comma;
                    used[part] = true;
                    let info = self.victim_info(lex, part_np.clone());
                    out.push(RawClaim {
                        part_of: Some(whole),
                        ..at.claim(
                            NumberRef::Quantity(part),
                            (!part_np.is_empty()).then_some(part_np),
                            info,
                        )
                    });
                }
                return true;
            }
            if !self.np_token(lex, k) {
                return false;
            }
        }
        false
    }

    /// "seven confirmed dead among the rebel fighters": the victims after the outcome.
    fn np_after_outcome(
        &self,
        lex: &Lexicons,
        trig: &Trigger,
        sent: &Range<usize>,
        out: &mut [RawClaim],
        claim: usize,
    ) {
        let mut k = trig.tokens.end;
        // "dead among the civilians", "deaths from the army", "65 bodies of civilians"
        let of = trig.form == Form::Noun && self.is(k, "of");
        if !(self.is(k, "among") || self.is(k, "from") || of) {
            return;
        }
        k += 1;
        if self.is(k, "the") || self.is(k, "them") {
            k += 1;
        }
        let np = self.np_forward(lex, k, sent.end);
        let info = self.victim_info(lex, np.clone());
        if info.group.is_some() && !info.object {
            out[claim].victims = Some(np);
            out[claim].victim_info = info;
        }
    }

    /// Coordinated counts before a count found reading back: "13 soldiers and seven
    /// rebels were killed".
    fn before_follow(
        &self,
        lex: &Lexicons,
        at: &InSentence,
        q: usize,
        used: &mut [bool],
        out: &mut Vec<RawClaim>,
        whole: usize,
    ) {
        let mut start = self.quants[q].tokens.start;
        for _ in 0..4 {
            if start <= at.sent.start + 1 {
                return;
            }
            let joiner = start - 1;
            if !(self.is(joiner, "and") || self.word(joiner) == ",") {
                return;
            }
            // "He and three others were shot": one more, named by the pronoun.
            if self.is(joiner, "and") && out[whole].victim_info.beside {
                let p = joiner - 1;
                let w = self.word(p);
                if self.has(p, class::PRONOUN)
                    && (w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she"))
                {
                    out[whole].coordinated = true;
                    out.push(RawClaim {
                        coordinated: true,
                        ..at.claim(
                            NumberRef::Implicit(p..p + 1, 1),
                            None,
                            VictimInfo::default(),
                        )
                    });
                }
                return;
            }
            // Back over the other count's victim phrase.
            let np_end = joiner;
            let mut j = joiner;
            let mut steps = 0;
            let mut found = None;
            // Where a phrase without a number starts, when it is a whole list item.
            let mut bare = None;
            while j > at.sent.start && steps < MAX_NP {
                j -= 1;
                steps += 1;
                if let Some(q2) = self.quant_at_end(j)
                    && self.victim_word(lex, j).is_none()
                    && self.quants[q2].role != NumberRole::Age
                {
                    found = Some(q2);
                    break;
                }
                if !self.np_token(lex, j) {
                    // "his wife and two children", "Man, woman and two children",
                    // "another deputy and a woman".
                    let item = self.has(j, class::DEFINITE)
                        || self.is(j, "and")
                        || self.is(j, "another")
                        || matches!(self.word(j), "," | ":");
                    if item && j + 1 < np_end {
                        bare = Some(j + 1);
                    }
                    break;
                }
                if j == at.sent.start {
                    // A headline's list: "Woman, 2 children dead".
                    bare = Some(j);
                }
            }
            let Some(q2) = found else {
                // A singular victim noun listed without a number ("Father and two
                // children found dead"): one more person.
                let Some(b) = bare else {
                    return;
                };
                let np = b..np_end;
                // Only victim words (a headline's capitals are no name: "Man Killed,
                // 4 Others Injured"), and not set off by a comma beside an article
                // ("the victim, a six-year-old girl" is one person named twice; "the
                // victim and a six-year-old girl" are two).
                let words_only = np.clone().all(|i| {
                    self.victim_word(lex, i).is_some()
                        || self.has(i, class::DEFINITE)
                        || self.is(i, "another")
                });
                let info = self.victim_info(lex, np.clone());
                // A relative beside fighters ("his son and 20 other fighters") is named
                // by his tie to one of them, not listed as another victim.
                let combatant = |g: Option<VictimGroup>| g == Some(VictimGroup::Combatants);
                let civilian = |g: Option<VictimGroup>| {
                    matches!(
                        g,
                        Some(VictimGroup::Civilians | VictimGroup::Children | VictimGroup::Women)
                    )
                };
                let whole_group = out[whole].victim_info.group;
                let mixed = (combatant(info.group) && civilian(whole_group))
                    || (civilian(info.group) && combatant(whole_group));
                let apposition = self.is_article(q) && !self.is(joiner, "and");
                if !words_only
                    || mixed
                    || apposition
                    || !info.singular
                    || info.group.is_none()
                    || info.object
                    || info.beside
                {
                    return;
                }
                out[whole].coordinated = true;
                out.push(RawClaim {
                    coordinated: true,
                    ..at.claim(NumberRef::Implicit(np.clone(), 1), Some(np), info)
                });
                start = b;
                continue;
            };
            let np = j + 1..np_end;
            let info = self.victim_info(lex, np.clone());
            if used[q2] || !self.countable(q2) || info.group.is_none() || info.object {
                return;
            }
            if self.is_article(q2) && !info.singular {
                return;
            }
            used[q2] = true;
            out[whole].coordinated = true;
            out.push(RawClaim {
                coordinated: true,
                ..at.claim(NumberRef::Quantity(q2), Some(np), info)
            });
            start = self.quants[q2].tokens.start;
        }
    }

    /// "Four children were among the dead", "12 children and 11 fighters were among the
    /// dead": counts (at `the`, the article before the outcome word) that are parts of
    /// the toll told before, the last whole count of the same outcome in the text.
    fn among_the_dead(
        &self,
        lex: &Lexicons,
        at: &InSentence,
        the: usize,
        used: &mut [bool],
        out: &mut Vec<RawClaim>,
    ) -> bool {
        if the < at.sent.start + 3 || !self.is(the - 1, "among") {
            return false;
        }
        let Some(whole) = out.iter().rposition(|c| {
            c.outcome == at.trig.outcome
                && c.part_of.is_none()
                && matches!(c.number, NumberRef::Quantity(_))
        }) else {
            return false;
        };
        let mut j = the - 1;
        while j > at.sent.start && self.has(j - 1, class::AUX) {
            j -= 1;
        }
        // "There were 11 children among the dead": an existential's subject stands
        // after its verb, with no auxiliary before "among".
        let existential = (the.saturating_sub(MAX_NP + 4).max(at.sent.start + 1)..the - 1)
            .any(|p| self.is(p - 1, "there") && self.has(p, class::AUX));
        if j == the - 1 && !existential {
            return false;
        }
        // Back over the listed parts: each a count and its victims, joined by "and" or
        // a comma.
        let mut found = false;
        let mut np_end = j;
        let mut k = j;
        while k > at.sent.start && np_end - k <= MAX_NP {
            k -= 1;
            if let Some(p) = self.quant_at_end(k)
                && self.victim_word(lex, k).is_none()
                && self.quants[p].role != NumberRole::Age
            {
                let np = k + 1..np_end;
                let info = self.victim_info(lex, np.clone());
                if used[p] || !self.countable(p) || info.group.is_none() || info.object {
                    break;
                }
                used[p] = true;
                out.push(RawClaim {
                    part_of: Some(whole),
                    coordinated: found,
                    ..at.claim(NumberRef::Quantity(p), Some(np), info)
                });
                found = true;
                let first = self.quants[p].tokens.start;
                if first > at.sent.start + 1 && self.is_any(first - 1, &["and", ","]) {
                    np_end = first - 1;
                    k = np_end;
                    continue;
                }
                break;
            }
            if !self.np_token(lex, k) {
                break;
            }
        }
        found
    }

    /// "Six civilians were among at least 22 people killed": the count before "were
    /// among" and the whole's count is a part of the whole (`whole`, counting quantity
    /// `q`).
    fn among_before(
        &self,
        lex: &Lexicons,
        at: &InSentence,
        q: usize,
        used: &mut [bool],
        out: &mut Vec<RawClaim>,
        whole: usize,
    ) {
        let (trig, sent) = (at.trig, &at.sent);
        let start = self.quants[q].tokens.start;
        if start < sent.start + 3 || !self.is(start - 1, "among") {
            return;
        }
        let mut j = start - 1;
        while j > sent.start && self.has(j - 1, class::AUX) {
            j -= 1;
        }
        if j == start - 1 {
            return;
        }
        // Back over the part's victim phrase to its count ("six civilians including a
        // child": the phrase ends before the part's own parts).
        let mut np_end = j;
        let mut k = j;
        while k > sent.start && np_end - k <= MAX_NP {
            k -= 1;
            if self.has(k, class::SUBGROUP) {
                np_end = k;
                continue;
            }
            if let Some(p) = self.quant_at_end(k)
                && self.victim_word(lex, k).is_none()
                && self.quants[p].role != NumberRole::Age
            {
                let first = self.quants[p].tokens.start;
                if first > sent.start && self.has(first - 1, class::SUBGROUP) {
                    np_end = first - 1;
                    k = np_end;
                    continue;
                }
                let np = k + 1..np_end;
                let info = self.victim_info(lex, np.clone());
                if used[p] || !self.countable(p) || info.group.is_none() || info.object {
                    return;
                }
                used[p] = true;
                let (sentence, status) = (out[whole].sentence, out[whole].status);
                out.push(RawClaim {
                    outcome: trig.outcome,
                    trigger: trig.tokens.clone(),
                    number: NumberRef::Quantity(p),
                    victims: Some(np),
                    victim_info: info,
                    part_of: Some(whole),
                    coordinated: false,
                    sentence,
                    status,
                });
                return;
            }
            if !self.np_token(lex, k) && self.quant_at_end(k).is_none() {
                return;
            }
        }
    }

    /// A transitive outcome verb with something after it that reads as its object: a
    /// number, a victim phrase or a pronoun ("two gunmen killed 13", "gunmen shot him").
    fn object_follows(&self, lex: &Lexicons, trig: &Trigger, sent: &Range<usize>) -> bool {
        let k = trig.tokens.end;
        if k >= sent.end {
            return false;
        }
        // "57 Civilians killed More than 150 Injured": a number that another outcome word
        // takes is no object.
        let object_count = self.quant_at_start(k).is_some_and(|q| {
            let q_end = self.quants[q].tokens.end;
            let np = self.np_forward(lex, q_end, sent.end);
            // An article is an object only before a victim noun ("killed a man", not
            // "injured over a four-day stretch").
            let person = !self.is_article(q) || self.victim_info(lex, np.clone()).group.is_some();
            self.countable(q)
                && person
                && !(q_end..=np.end.max(q_end))
                    .any(|i| self.takes_number_before.get(i) == Some(&true))
        });
        object_count
            || self
                .victim_word(lex, k)
                .is_some_and(|w| matches!(w.kind, VictimKind::Noun(_)))
            || self.has(k, class::PRONOUN | class::DEFINITE)
    }
}
