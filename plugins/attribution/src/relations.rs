//! Relations: for every cue, its source and its content, by the clause patterns of news
//! copy. Quotations are read as whole items, so `"...," X said` and `X said: "..."` are
//! patterns like `..., X said` and `X said ...`.
//!
//! | pattern | source | content |
//! |---|---|---|
//! | `X said (that) C.` / `X told Y (that) C.` | subject before the cue | after the cue and its adjuncts, `that` included |
//! | `C, X said.` / `"Q," X said.` | before the cue | the clause before the comma |
//! | `C, said X, a role.` | after the cue (inverted) | the clause before the comma |
//! | `"Q1," X said, "Q2."` / `A, X said, B.` | beside the cue | both sides |
//! | `X said: "Q"` / `X said, "Q"` | before the cue | the quotation |
//! | `According to X, C.` / `C, according to X.` | after `according to` | the rest of the clause |
//! | `..., saying C` / `... and said C` | the main clause's subject | after the cue |
//! | `X put it plainly: "Q"` / `X was blunt — "Q"` | the lead-in's subject | the quotation |
//! | `Said X, "Q"` | after the cue (inverted) | the quotation |
//! | `"Q," X said, going on to say C` / `... while chanting "Q"` | the main clause's subject | after the cue |
//! | `X issued a statement calling C` / `footage of X saying "Q"` | the subject / the one shown | after the cue |
//! | `X added:` ending its paragraph, then a paragraph | before the cue | the next paragraph |
//! | `WALLACE: ...` (turns of a transcript) | the speaker's label | the rest of the paragraph |
//!
//! A unit made only of quotations, with no cue of its own, continues the direct
//! relation before it (`"Q1," X said. "Q2."`, and a quotation's next paragraphs) or, at
//! a paragraph start, the one right after it. A cue-free sentence of the same paragraph
//! that opens or ends with a quotation goes on with it too (`"Q1," X said. Y "Q2."`).
//!
//! What lies inside another relation's content is part of it, not a relation of its own
//! (PolNeAR nests almost none): a source that opens a reported clause (`she said she
//! recalls`), a free relative (`condemned what he called "a breach"`), a relative
//! clause of a noun phrase in it (`saying anybody who complains "is not serious"`), and a belief,
//! stance or evidence (`said any candidate who wants to win`), and a whole relation that a
//! later cue of the sentence attributes to someone else (`"Q," X said, according to Y`).
//! Reported speech inside reported speech keeps its relation.

use std::ops::Range;
use std::sync::Arc;

use newsproc_text::{Flags, TokenKind};

use crate::doc::{Doc, NONE, Unit};
use crate::grammar::{Grammar, is_reflexive};
use crate::lexicons::{CueClass, CueInfo, Frame, Lexicons, NounKind, class};

/// A source mention as token ranges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentionToks {
    /// The whole mention, appositive and relative clause included.
    pub toks: Range<usize>,
    /// The noun phrase itself, before any appositive or relative clause.
    pub core: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceRef {
    Mention(MentionToks),
    /// The source is the subject of another relation: `... and said`, `, saying`.
    SameAs(usize),
}

#[derive(Clone, Debug)]
pub struct Rel {
    pub unit: usize,
    /// The cue's tokens (a colon or dash for a lead-in).
    pub cue: Range<usize>,
    pub lemma: Arc<str>,
    pub class: Option<CueClass>,
    pub source: Option<SourceRef>,
    /// Token ranges, in text order.
    pub content: Vec<Range<usize>>,
    /// The cue ends its paragraph with a colon (`Dr. Ward stated:`): the quotations of
    /// the next paragraphs are its content.
    pub open: bool,
    /// A turn of a transcript (`PENCE: ...`): its content may lie inside the quotation
    /// marks that enclose the whole transcript, and is not widened to them.
    pub turn: bool,
}

/// Everything the extraction needs.
pub struct Extractor<'a, 'd, 't> {
    pub g: &'a Grammar<'d, 't>,
    pub lex: &'a Lexicons,
}

impl Extractor<'_, '_, '_> {
    fn doc(&self) -> &Doc<'_> {
        self.g.doc
    }

    /// All relations of the document, in text order of their cues.
    pub fn extract(&self) -> Vec<Rel> {
        let d = self.g.doc;
        let mut rels: Vec<Rel> = Vec::new();
        let mut turns = self.transcript_turns().into_iter().peekable();
        for (u, unit) in d.units.iter().enumerate() {
            let first = rels.len();
            let mut i = unit.toks.start;
            while i < unit.toks.end {
                let entry = self.g.cue_at[i];
                if entry == NONE {
                    i += 1;
                    continue;
                }
                let len = self.cue_len(i, entry as usize);
                let cue = i..(i + len).min(unit.toks.end);
                if let Some(rel) =
                    self.relation(u, unit, cue.clone(), entry as usize, &rels[first..], first)
                {
                    rels.push(rel);
                }
                i = cue.end.max(i + 1);
            }
            if turns.peek().is_some_and(|t| t.unit == u) {
                rels.extend(turns.next());
            } else if rels.len() == first {
                if let Some(rel) = self.lead_in(u, unit).or_else(|| self.signature(u, unit)) {
                    rels.push(rel);
                }
            } else if let Some(rel) = self
                .ends_quoted_or_open(unit)
                .then(|| self.lead_in(u, unit))
                .flatten()
            {
                // `With leaders worried about turnout, Ruiz has a message: "..."`: a
                // lead-in whose quotation no relation of the unit took.
                let overlaps =
                    |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
                let taken = rels[first..].iter().any(|r| {
                    r.content
                        .iter()
                        .any(|c| rel.content.iter().any(|q| overlaps(c, q)))
                });
                if !taken && !rel.content.is_empty() {
                    rels.push(rel);
                }
            }
            drop_cues_in_sources(d, &mut rels, first);
        }
        self.continue_quotations(&mut rels);
        drop_nested_reports(d, &mut rels);
        drop_retold_reports(&mut rels);
        drop_free_relatives(d, &mut rels);
        drop_reported_stances(&mut rels);
        rels
    }

    /// How many tokens the cue starting at `i` covers.
    fn cue_len(&self, _i: usize, entry: usize) -> usize {
        self.lex.cue_info.get(entry).map_or(1, |c| c.words.max(1))
    }

    fn relation(
        &self,
        u: usize,
        unit: &Unit,
        cue: Range<usize>,
        entry: usize,
        earlier: &[Rel],
        earlier_base: usize,
    ) -> Option<Rel> {
        let d = self.doc();
        let info = self.lex.cue_info.get(entry)?;
        let lo = unit.toks.start;
        let hi = content_end(d, unit);
        let c0 = cue.start;
        if d.in_quote(c0) {
            return None;
        }
        // A capital mid-sentence is a name or a headline, not a verb ("United States"),
        // except the present tense of a headline in title case ("Ruiz Says Talks Failed").
        let at_start = c0 == lo || d.in_quote(c0 - 1) || d.is_punct(c0 - 1, "(");
        if d.is_cap(c0)
            && !at_start
            && !(ends_with(d.tok_text(cue.end - 1), "s") && title_case(d, lo..hi))
        {
            return None;
        }
        // `Several said`, `most believed`: after a quantifier standing for people, a
        // past form is their verb.
        let quantifier_subject =
            c0 > lo && stands_for_people(d, c0 - 1) && is_past_form(d.tok_text(c0));
        if c0 > lo
            && d.has(c0 - 1, class::DET | class::POSS)
            && !self.g.counted(c0 - 1, lo)
            && !quantifier_subject
        {
            return None; // a noun: "the report", "his claims"
        }
        // `two missiles slammed into a market`: a verb of stance used literally.
        if info.class == CueClass::Stance
            && ["into", "onto", "through", "against"]
                .iter()
                .any(|w| d.lower_is(cue.end, w))
        {
            return None;
        }
        // `support declined from 58 percent to 55`, `fell by $2 billion`: a verb of
        // stance that measures a change in quantity.
        if info.class == CueClass::Stance {
            let mut k = cue.end;
            while k < hi && k < cue.end + 2 && self.g.is_ly_adverb(k) {
                k += 1;
            }
            let quantity = |i: usize| {
                d.toks.get(i).is_some_and(|t| t.kind == TokenKind::Number) || d.tok_text(i) == "$"
            };
            if ["from", "by", "to"].iter().any(|w| d.lower_is(k, w)) && quantity(k + 1) {
                return None;
            }
        }
        // `calls of`, `support for`: a form that can be a noun, before `of` or `for`.
        let form = d.tok_text(cue.end - 1);
        let verbal_form = ends_with(form, "ed") || ends_with(form, "ing") || is_past_form(form);
        if !verbal_form
            && info.class != CueClass::Speech
            && (d.lower_is(cue.end, "of") || d.lower_is(cue.end, "for"))
        {
            return None;
        }
        let mut rel = Rel {
            unit: u,
            cue: cue.clone(),
            lemma: info.lemma.clone(),
            class: Some(info.class),
            source: None,
            content: Vec::new(),
            open: false,
            turn: false,
        };
        match info.frame {
            Frame::According => self.according(&mut rel, lo, hi)?,
            Frame::Verb | Frame::Tell | Frame::Quote | Frame::Raising => {
                self.verb(&mut rel, info, u, lo, hi, earlier, earlier_base)?
            }
        }
        if info.naming {
            let free = matches!(&rel.source, Some(SourceRef::Mention(m))
                if m.toks.start > 0 && d.lower_is(m.toks.start - 1, "what"))
                || rel.source.is_none() && c0 > lo + 1 && d.lower_is(c0 - 2, "what");
            for c in &mut rel.content {
                c.end = naming_end(d, c.clone(), free, is_past_form(d.tok_text(c0)));
            }
        }
        rel.content.retain(|r| has_words(d, r.clone()));
        if rel.content.is_empty() && !rel.open {
            return None;
        }
        Some(rel)
    }

    /// `According to X, C.` / `C, according to X.` / `A, according to X, B.`
    fn according(&self, rel: &mut Rel, lo: usize, hi: usize) -> Option<()> {
        let d = self.doc();
        let c0 = rel.cue.start;
        let s = rel.cue.end;
        let mut core_end = self.g.np_right(s, hi);
        // A noun phrase always follows `according to`: a word that reads as a cue
        // elsewhere is a noun here (`according to show insiders`, `to reports`).
        if core_end == s && d.is_word(s) && !d.in_quote(s) && !d.has(s, class::FUNCTION) {
            core_end = self.g.np_right(s + 1, hi).max(s + 1);
        }
        if core_end == s {
            return None;
        }
        // "according to a senior rebel commander briefed on Turkish policy": the phrase
        // runs to the next comma.
        let mut end = s;
        while end < hi && !d.is_punct(end, ",") && !d.in_quote(end) && !d.is_punct(end, ";") {
            end += 1;
        }
        core_end = core_end.min(end);
        // An appositive after the comma: "according to Dennis Ross, a former envoy, ..."
        if d.is_punct(end, ",") && d.has(end + 1, class::DET | class::POSS) {
            let appos = self.g.np_right(end + 1, hi);
            if appos > end + 1
                && d.is_punct(appos, ",")
                && d.words[appos - 1].noun.is_some()
                && appos + 1 < hi
            {
                end = appos;
            }
        }
        // A name in apposition to a person's role: "according to a local coordinator,
        // Ana Ruiz, who said ...". Only after a noun for one person, and only a name of
        // two capitalised words or more that the clause does not go on from
        // ("according to an FBI summary, Ana Ruiz, an aide, kept ...").
        let role_head = core_end
            .checked_sub(1)
            .is_some_and(|h| h >= s && !d.is_cap(h) && d.words[h].noun == Some(NounKind::Person));
        if role_head && d.is_punct(end, ",") && d.is_cap(end + 1) {
            let mut name_end = end + 1;
            while name_end < hi
                && (d.is_cap(name_end) || d.is_punct(name_end, ".") && d.is_cap(name_end - 1))
            {
                name_end += 1;
            }
            let words = (end + 1..name_end).filter(|&i| d.is_word(i)).count();
            let closes = name_end >= hi
                || d.is_terminal(name_end)
                || d.is_punct(name_end, ",") && d.has(name_end + 1, class::REL);
            if words >= 2 && closes {
                end = name_end;
            }
        }
        rel.source = Some(SourceRef::Mention(MentionToks {
            toks: s..end,
            core: s..core_end,
        }));
        let before_start = skip_lead(d, lo, c0);
        if before_start < c0 {
            // Content before: up to the comma before "according".
            let mut b_end = c0;
            while b_end > before_start && (d.is_punct(b_end - 1, ",") || d.is_dash(b_end - 1)) {
                b_end -= 1;
            }
            rel.content.push(before_start..b_end);
            // `A, according to X, B`, `A, according to X, and said B`; not `A, according
            // to X, and the ministry said C`: a conjunction and a new subject open a clause
            // of the writer's.
            let new_clause = d.has(end + 1, class::CONJ)
                && (d.has(end + 2, class::DET | class::POSS | class::PRON) || d.is_cap(end + 2));
            // `..., according to X, who said`: the relative clause is X's, not content.
            if d.is_punct(end, ",") && end + 1 < hi && !new_clause && !d.has(end + 1, class::REL) {
                rel.content.push(end + 1..hi);
            }
        } else if d.is_punct(end, ",") {
            rel.content.push(end + 1..hi);
        } else {
            return None;
        }
        Some(())
    }

    #[allow(clippy::too_many_arguments)]
    fn verb(
        &self,
        rel: &mut Rel,
        info: &CueInfo,
        u: usize,
        lo: usize,
        hi: usize,
        earlier: &[Rel],
        earlier_base: usize,
    ) -> Option<()> {
        let d = self.doc();
        let g = self.g;
        let c0 = rel.cue.start;
        let participle = info.participle;

        // A participle after a comma or conjunction, or opening the unit, hangs off the
        // main clause: `..., saying that`, `... and said`.
        // `and repeatedly says`: adverbs may stand between the conjunction and the cue.
        let mut before_adverbs = c0;
        while before_adverbs > lo + 1
            && c0 - before_adverbs < 2
            && !d.is_cap(before_adverbs - 1)
            && (d.has(before_adverbs - 1, class::ADV) || g.is_ly_adverb(before_adverbs - 1))
        {
            before_adverbs -= 1;
        }
        // `went on to say`, `declined to say`: the verb chain before an infinitive cue.
        let chain_start = if c0 > lo && d.lower_is(c0 - 1, "to") {
            let mut k = c0 - 1;
            let mut n = 0;
            while k > lo && n < 3 && (d.has(k - 1, class::CHAIN) || d.lower_is(k - 1, "on")) {
                k -= 1;
                n += 1;
            }
            (n > 0).then_some(k)
        } else {
            None
        };
        // `"Q," Ruiz said, going on to say that ...`: a chain in `-ing` after a comma
        // hangs off the main clause like a participle cue.
        let chain_elided = chain_start.is_some_and(|k| {
            k > lo
                && (d.is_punct(k - 1, ",") || closes_quote(d, k - 1))
                && ends_with(d.tok_text(k), "ing")
        });
        // `marched through the city while chanting "..."`: a participle after a
        // subordinator shares the main clause's subject.
        // `issued a statement calling the test "a violation"`, `posted tweets early
        // Friday saying that`: a participle after a document noun (time words aside)
        // reports what the clause's subject put in it.
        let doc_before = participle && info.class == CueClass::Speech && {
            let mut k = before_adverbs;
            while k > lo + 1 && k + 3 > c0 && d.has(k - 1, class::TIME) {
                k -= 1;
            }
            while k > lo + 1
                && k + 4 > c0
                && ["early", "late", "last", "on"]
                    .iter()
                    .any(|w| d.lower_is(k - 1, w))
            {
                k -= 1;
            }
            k > lo + 1 && !d.is_cap(k - 1) && d.words[k - 1].noun == Some(NounKind::Doc)
        };
        let elided = doc_before
            || c0 > lo
                && (d.has(before_adverbs - 1, class::CONJ)
                    || participle
                        && (d.is_punct(c0 - 1, ",")
                            || closes_quote(d, c0 - 1)
                            || d.has(before_adverbs - 1, class::SUB)
                                && !d.is_cap(before_adverbs - 1)))
            || participle && c0 == lo
            || chain_elided;
        // Otherwise a participle needs an auxiliary (`is saying`, `has been arguing`);
        // `accurate, unbiased reporting` is a noun.
        // `footage of Ruiz saying during the debate, "..."`: the one a recording shows
        // saying it is the source.
        if participle && !elided && info.class == CueClass::Speech && c0 > lo && d.is_cap(c0 - 1) {
            // The name: capitalised words (and abbreviation periods) before the cue.
            let mut s = c0;
            while s > lo && c0 - s < 5 && (d.is_cap(s - 1) || d.is_punct(s - 1, ".")) {
                s -= 1;
            }
            let shown = (s >= lo + 2
                && d.lower_is(s - 1, "of")
                && d.words[s - 2].noun == Some(NounKind::Doc))
            .then_some(s);
            if let Some(s) = shown {
                // What was said: a quotation or `that` clause after a short circumstance
                // (`during the debate last week,`).
                let c1 = rel.cue.end;
                let pos = (c1..hi.min(c1 + 12))
                    .take_while(|&i| {
                        d.in_quote(i)
                            || d.lower_is(i, "that")
                            || (d.is_word(i) || d.is_punct(i, ",") || d.is_punct(i, ":"))
                                && g.cue_at[i] == NONE
                    })
                    .find(|&i| d.in_quote(i) || d.lower_is(i, "that"));
                if let Some(pos) = pos {
                    rel.source = Some(SourceRef::Mention(MentionToks {
                        toks: s..c0,
                        core: s..c0,
                    }));
                    rel.content.push(pos..self.after_end(pos, hi, false));
                    return Some(());
                }
            }
        }
        if participle && !elided {
            let j = g.skip_left_adjuncts(c0, lo);
            // `he's claiming`, `they're saying`: the pronoun carries the auxiliary.
            let aux_before = (j.map_or(lo, |j| j + 1)..c0).any(|i| d.has(i, class::AUX))
                || j.is_some_and(|j| pronoun_clitic(d, j).is_some());
            if !aux_before {
                return None;
            }
        }
        // `responded by saying`: the participle is part of the cue.
        if d.lower_is(rel.cue.end, "by") {
            let k = rel.cue.end + 1;
            if self.participle_cue(k) {
                rel.cue.end = k + self.cue_len(k, self.g.cue_at[k] as usize);
            }
        }
        let c1 = rel.cue.end;
        // `dozens of strikes believed to be conducted`, `said to have`: a passive that
        // raises its subject is no relation of that subject.
        let raising = d.lower_is(c1, "to") && d.has(c1 + 1, class::AUX) && !participle;
        let past = !participle && is_past_form(d.tok_text(c0));
        // `the final vote, expected next week, would be closer`: a participle after a
        // comma modifies the noun before it.
        if past && c0 > lo && d.is_punct(c0 - 1, ",") && info.class != CueClass::Speech {
            return None;
        }
        // `militias backed by Russian air power`: a participle after a noun, with its
        // agent, modifies the noun.
        if past && d.lower_is(c1, "by") && info.class != CueClass::Speech {
            let j = g.skip_left_adjuncts(c0, lo);
            let aux = (j.map_or(lo, |j| j + 1)..c0).any(|i| d.has(i, class::AUX));
            if !aux {
                return None;
            }
        }
        // `is expected to`, `was said to`: a passive of saying or believing has no
        // source; `was found`, `was backed` are not reports at all.
        let after_be = past && {
            let j = g.skip_left_adjuncts(c0, lo);
            (j.map_or(lo, |j| j + 1)..c0).any(|i| is_be(d, i))
                // `they're told`, `I'm told` (`he's told` is as often `has told`).
                || j.and_then(|j| pronoun_clitic(d, j)).is_some_and(|c| c == "re" || c == "m")
        };
        let passive = after_be && matches!(info.class, CueClass::Speech | CueClass::Belief);
        if after_be && !passive {
            return None;
        }
        if raising && !passive {
            return None;
        }

        // `Said Ruiz, "..."`: a capitalised cue opening the sentence, then a name and a
        // comma before a quotation, is inverted.
        if c0 == lo
            && d.is_cap(c0)
            && info.frame == Frame::Verb
            && info.class == CueClass::Speech
            && &*info.lemma != "ask"
        {
            // `Said Ana Ruiz, who grew up there, "..."`: the appositive goes with her.
            let core = g.np_right(c1, hi);
            let e = g.np_to_clause_end(c1, hi);
            if core > c1
                && (c1..core).any(|i| d.is_cap(i))
                && d.is_punct(e, ",")
                && d.in_quote(e + 1)
            {
                rel.source = Some(SourceRef::Mention(MentionToks {
                    toks: c1..e,
                    core: c1..core,
                }));
                rel.content.push(e + 1..hi);
                return Some(());
            }
        }
        // `Asked whether the dam would hold, the engineer said ...`, `When asked about
        // it, she ...`: a passive participle of saying opens the sentence; what follows
        // it up to the comma is the content, and the one who asked goes unsaid (the
        // subject after the comma was asked, it did not ask).
        let opens = c0 == lo || c0 == lo + 1 && d.has(lo, class::SUB);
        if opens && past && !participle && info.class == CueClass::Speech && c1 < hi {
            let comma = (c1..hi).find(|&i| {
                d.is_punct(i, ";")
                    || d.is_punct(i, ",") && !d.in_quote(i)
                    || closes_quote(d, i) && d.is_punct(i - 1, ",")
            })?;
            if d.is_punct(comma, ";") || comma + 1 >= hi {
                return None;
            }
            let content_end = if d.in_quote(comma) { comma + 1 } else { comma };
            rel.content.push(c1..content_end);
            return Some(());
        }

        // Inverted: `"Q," said X` / `C, said X, a role.` An inverted source runs to the
        // clause end; `X, a role, told Reuters that` is an appositive subject instead.
        let after_break =
            !elided && c0 > lo && (d.is_punct(c0 - 1, ",") || closes_quote(d, c0 - 1));
        if after_break && info.frame == Frame::Verb && c1 < hi {
            let core_end = g.np_right(c1, hi);
            let starts_np =
                d.has(c1, class::DET | class::POSS | class::TITLE) || d.is_cap(c1) || g.nounish(c1);
            let then = core_end;
            // What may follow an inverted source's noun phrase: the end, an appositive,
            // a relative clause, a prepositional phrase, a participle, or a subordinate
            // clause of circumstance (`said Dan Ruiz when asked about it`).
            let np_then_ok = then >= hi
                || d.is_punct(then, ",")
                || d.has(then, class::REL | class::PREP)
                || d.has(then, class::SUB) && (c1..then).any(|i| d.is_cap(i))
                || d.in_quote(then)
                || d.is_dash(then)
                || !d.is_cap(then)
                    && (ends_with(d.tok_text(then), "ing") || ends_with(d.tok_text(then), "ed"));
            let earlier_cue_before = earlier.iter().any(|r| {
                r.cue.start >= lo
                    && r.cue.start < c0
                    && r.content.last().is_some_and(|c| c.end <= r.cue.start)
            });
            // `Ana Ruiz, a professor at Ashby, described the plan`: what stands before
            // the comma is the subject with its appositive, not inverted content.
            // `With Obama on the trail, Minyon Moore, a senior adviser, called ...`: an
            // opening phrase of circumstance may come first.
            let first = skip_lead(d, lo, c0);
            let after_opening = |s: usize| {
                s > first + 1
                    && d.is_punct(s - 1, ",")
                    && d.has(first, class::PREP | class::SUB)
                    && (first..s).all(|i| !d.in_quote(i) && g.cue_at[i] == NONE)
            };
            let subject_before = !d.in_quote(c0 - 1)
                && self.source_before(c0, lo).is_some_and(|m| {
                    (m.toks.start == first || after_opening(m.toks.start)) && m.core != m.toks
                });
            if starts_np && core_end > c1 && np_then_ok && !earlier_cue_before && !subject_before {
                let src_end = if then < hi && d.has(then, class::SUB) && !d.has(then, class::REL) {
                    then
                } else {
                    g.np_to_clause_end(c1, hi)
                };
                rel.source = Some(SourceRef::Mention(MentionToks {
                    toks: c1..src_end,
                    core: c1..core_end.min(src_end),
                }));
                rel.content.push(self.before(lo, c0)?);
                // `"Q1," said X, "Q2."`
                if d.is_punct(src_end, ",") && d.in_quote(src_end + 1) {
                    rel.content.push(src_end + 1..hi);
                }
                return Some(());
            }
            if d.has(c1, class::PRON) && !d.lower_is(c1, "it") && c1 + 1 >= hi {
                // `"Q," said he.`
                rel.source = Some(SourceRef::Mention(MentionToks {
                    toks: c1..c1 + 1,
                    core: c1..c1 + 1,
                }));
                rel.content.push(self.before(lo, c0)?);
                return Some(());
            }
        }

        // The source before the cue, or the subject it shares with another relation.
        let mut src_start = c0;
        let mut subordinate = false;
        if passive || info.frame == Frame::Raising {
            // `The central bank ... is expected to act`: no source; the subject is part
            // of the content.
            if let Some(j) = g.skip_left_adjuncts(c0, lo) {
                if let Some(s) = g.np_left(j, lo) {
                    rel.content.push(s..j + 1);
                }
            }
            let start = g.skip_right_adjuncts(c1, hi);
            if start < hi && !d.is_punct(start, ",") {
                rel.content
                    .push(start..self.after_end(start, hi, subordinate));
            }
            return (!rel.content.is_empty()).then_some(());
        }
        if elided {
            // `Trump was defensive when forced to defend not paying an architect who said
            // he was stiffed, saying "..."`: a participle after a comma hangs off the main
            // clause, not off a relative clause inside it; the relation of a relative
            // pronoun (`who said`) shares no subject with it.
            let in_relative = |r: &Rel| {
                matches!(&r.source, Some(SourceRef::Mention(m))
                    if m.core.len() == 1 && d.has(m.core.start, class::REL))
            };
            let participle_after_comma =
                participle && c0 > lo && (d.is_punct(c0 - 1, ",") || closes_quote(d, c0 - 1));
            rel.source = match earlier
                .iter()
                .rposition(|r| r.cue.start < c0 && !(participle_after_comma && in_relative(r)))
            {
                Some(k) => {
                    // `Though she called it "outrageous" and called for X, Clinton
                    // ...`: a relation that shares its subject shares its clause, and
                    // a subordinate clause ends at its comma.
                    subordinate = self.subordinate_subject(earlier, k, earlier_base, lo);
                    Some(SourceRef::SameAs(earlier_base + k))
                }
                None if participle && c0 == skip_lead(d, lo, c0) => {
                    // `Bemoaning the "phony system," Trump accused Holt`: a participle
                    // opening the sentence has the subject after its phrase, which is
                    // the content.
                    let comma = (c1..hi).find(|&i| {
                        d.is_punct(i, ",") && !d.in_quote(i)
                            || closes_quote(d, i) && d.is_punct(i - 1, ",")
                    })?;
                    // `Lashing out, Trump said ...`: without a phrase of its own the
                    // participle reports nothing; the clause after it has its own cue.
                    if comma == c1 {
                        return None;
                    }
                    subordinate = true;
                    g.subject_at(comma + 1, hi).map(|core| {
                        SourceRef::Mention(MentionToks {
                            toks: core.clone(),
                            core,
                        })
                    })
                }
                None => g.subject_at(lo, c0).map(|core| {
                    SourceRef::Mention(MentionToks {
                        toks: core.clone(),
                        core,
                    })
                }),
            };
            rel.source.as_ref()?;
        } else {
            // `went on to say`, `declined to say`: the subject is before the verb chain.
            let mut before = c0;
            if c0 > lo && d.lower_is(c0 - 1, "to") {
                before = chain_start?;
            }
            let m = self.source_before(before, lo)?;
            src_start = m.toks.start;
            // `because Comey testified that ..., it is`: the content ends with the clause.
            // `With leaders worried about turnout, ...`: an absolute phrase is
            // subordinate too.
            subordinate = src_start > lo
                && (d.has(src_start - 1, class::SUB)
                    || src_start - 1 == skip_lead(d, lo, src_start)
                        && d.lower_is(src_start - 1, "with"));
            // A lone lowercase word that is no known noun is an adjective, not a source
            // (`near-constant calls of`).
            let lone = m.toks.len() == 1
                && d.is_content_lower(m.toks.start)
                && d.words[m.toks.start].noun.is_none()
                && !d.tok_text(m.toks.start).ends_with('s');
            if lone {
                return None;
            }
            // `found no evidence` is evidence; `11 p.m. found six people` is not:
            // evidence takes a `that` clause, or a poll, study or group as its source.
            if info.class == CueClass::Evidence {
                let head = m.core.end.saturating_sub(1);
                let doc_source = d.words[head].noun.is_some_and(|k| {
                    matches!(
                        k,
                        NounKind::Doc | NounKind::Org | NounKind::Gov | NounKind::People
                    )
                }) || d.lower_is(head, "it")
                    || d.lower_is(head, "they");
                let that_follows = d.lower_is(g.skip_right_adjuncts(c1, hi), "that");
                if !doc_source && !that_follows {
                    return None;
                }
            }
            // `a band called Sophistafunk`: after an indefinite noun phrase a naming verb
            // names.
            // `a reporter called it "chaos"`: with an object pronoun the verb is a
            // relation after all.
            let object = d.has(c1, class::OBJ) || d.lower_is(c1, "it") || d.lower_is(c1, "her");
            if info.naming
                && !object
                && (d.lower_is(m.toks.start, "a") || d.lower_is(m.toks.start, "an"))
            {
                return None;
            }
            rel.source = Some(SourceRef::Mention(m));
        }

        // What follows the cue.
        let mut pos = c1;
        if info.frame == Frame::Tell {
            pos = g.skip_addressee(pos, hi);
            // `told "Fox and Friends" that`: a programme's title is the addressee.
            if let Some(q) = d.quote(pos).filter(|_| d.in_quote(pos)) {
                let toks = d.quote_toks(q);
                if toks.start == pos && programme_title(d, toks.clone()) {
                    pos = toks.end;
                }
            }
        }
        pos = g.skip_right_adjuncts(pos, hi);
        // `told conservative radio host Ana Ruiz on Wednesday that`, `telling customers
        // at a diner that`: a longer addressee with its circumstance runs to a `that`
        // before any punctuation, quotation or other cue.
        if info.frame == Frame::Tell && pos < hi && !d.lower_is(pos, "that") && !d.in_quote(pos) {
            let that = (pos..hi.min(pos + 14))
                .take_while(|&i| d.is_word(i) && (i == pos || g.cue_at[i] == NONE))
                .find(|&i| d.lower_is(i, "that"));
            if let Some(t) = that {
                pos = t;
            }
        }
        if elided && participle && !info.bare {
            // `writing a book`: only a complement clause or a quotation is content;
            // `showing "respect"` is no evidence: beliefs and evidence need `that`.
            let speech = info.class == CueClass::Speech;
            let ok = pos < hi
                && (d.lower_is(pos, "that")
                    || speech && (d.in_quote(pos) || d.is_punct(pos, ":") || d.is_punct(pos, ",")));
            if !ok {
                return None;
            }
        }
        // A content-before pattern must not reach over another relation's cue:
        // `"Q," said X, reports USA Today`.
        let earlier_cue_before = earlier.iter().any(|r| {
            r.cue.start >= lo
                && r.cue.start < src_start
                && r.content.last().is_some_and(|c| c.end <= r.cue.start)
        });
        // `"Q," Sen. Thomas Whitfield ... told CNN`: a title the mention left out
        // stands between the content and the source.
        while src_start > lo
            && (d.has(src_start - 1, class::TITLE)
                || src_start >= lo + 2
                    && d.is_punct(src_start - 1, ".")
                    && d.has(src_start - 2, class::TITLE))
        {
            src_start -= if d.is_punct(src_start - 1, ".") { 2 } else { 1 };
        }
        let has_before = !elided
            && !earlier_cue_before
            && src_start > lo
            && (d.is_punct(src_start - 1, ",") || closes_quote(d, src_start - 1))
            && (lo..src_start).any(|i| d.is_word(i));
        let quote_before = has_before && quote_only(d, lo..src_start);
        if info.frame == Frame::Quote && !quote_before {
            // `He continued: "..."`, `He continued, "..."`, `chanting "no contract, no
            // peace"`.
            let quote_after = pos < hi
                && (d.in_quote(pos)
                    || d.is_punct(pos, ":")
                    || d.is_punct(pos, ",") && d.in_quote(pos + 1));
            // `"What a year!" Ruiz shouted to the crowd.`: the quotation ended the
            // sentence before.
            let quote_previous = !has_before
                && !elided
                && (pos >= hi || d.has(pos, class::PREP))
                && self.previous_quotation(u, src_start).is_some();
            if !quote_after && !quote_previous {
                return None;
            }
        }
        if pos >= hi && has_before {
            rel.content.push(self.before(lo, src_start)?);
            return Some(());
        }
        // `"Why?" Trump said.`, `"Thanks!" he wrote in a September 16, 2012 email`: the
        // quotation ended the sentence before, and nothing here is content.
        // `"We won!" Ruiz said as she left.`: nor is a clause of time.
        let time_clause = ["as", "when", "while", "before", "after"]
            .iter()
            .any(|w| d.lower_is(pos, w));
        if !has_before
            && !elided
            && (pos >= hi || d.is_punct(pos, ",") || d.has(pos, class::PREP) || time_clause)
        {
            if let Some(prev) = self.previous_quotation(u, src_start) {
                rel.content.push(prev);
                return Some(());
            }
        }
        if pos >= hi {
            return None;
        }
        if d.is_punct(pos, ",") {
            let after = pos + 1;
            let after_ok = after < hi && !self.starts_other_relation(after);
            if has_before {
                // `"Q1," X said, "Q2."` / `A, X said, B.`; not `"Q," X said, referring to`.
                let quote_after = after_ok && d.in_quote(after);
                let before_ends_quoted = closes_quote(d, src_start - 1)
                    || d.is_punct(src_start - 1, ",")
                        && src_start >= 2
                        && closes_quote(d, src_start - 2);
                if quote_after && !before_ends_quoted {
                    // `Asked about it, Clinton said, "I do take responsibility."`: the
                    // opening phrase is circumstance.
                    rel.content
                        .push(after..self.after_end(after, hi, subordinate));
                    return Some(());
                }
                rel.content.push(self.before(lo, src_start)?);
                // `"Q1," she said, but "Q2."`: a conjunction joins a second quotation.
                let joined_quote =
                    quote_before && after_ok && d.has(after, class::CONJ) && d.in_quote(after + 1);
                if after_ok
                    && (quote_after
                        || joined_quote
                        || d.lower_is(after, "that")
                        || !quote_before && self.clause_like(after))
                {
                    rel.content
                        .push(after..self.after_end(after, hi, subordinate));
                } else if quote_before {
                    // `"Q1," X said at a rally in Ashby, Kan., "Q2."`: a circumstance
                    // with a comma of its own before the quotation that goes on.
                    rel.content.extend(self.trailing_quote(after, hi));
                }
                return Some(());
            }
            if after_ok {
                rel.content
                    .push(after..self.after_end(after, hi, subordinate));
                return Some(());
            }
            return None;
        }
        // `Through a spokesman, he declined to comment`, `In May, the council voted to
        // pay`: a verb of stance or belief takes an infinitive as its content, whatever
        // stands before the subject.
        let infinitive = info.class != CueClass::Speech && self.infinitive_at(pos, hi);
        // `C, the committee said in a statement posted on social media.`: after a
        // content-before pattern, a prepositional phrase is circumstance.
        if has_before && d.has(pos, class::PREP) && !infinitive
            || quote_before && !d.in_quote(pos) && !d.is_punct(pos, ":")
        {
            // `"Q," X said in response to a question`: circumstance, not content.
            rel.content.push(self.before(lo, src_start)?);
            // `"Q1," X told Radio Ashby on Friday, "Q2."`: a quotation after the
            // circumstance, opened after a comma and running to the end, goes on.
            if quote_before {
                rel.content.extend(self.trailing_quote(pos, hi));
            }
            return Some(());
        }
        let start = if d.is_punct(pos, ":") || d.is_dash(pos) {
            pos + 1
        } else {
            pos
        };
        if start >= hi {
            // `X said:` ends the paragraph: the quotations that follow are the content.
            rel.open = true;
            return Some(());
        }
        // `a video posted on its channel that showed fighters`: `that` followed by a
        // verb is a relative pronoun, not a complementiser.
        if d.lower_is(start, "that") && start + 1 < hi && self.g.cue_at[start + 1] != NONE {
            return None;
        }
        // `villages that the army had announced were captured`: the cue's object is a
        // gap; a clause does not start with an auxiliary.
        if d.has(start, class::AUX) && !d.is_cap(start) {
            return None;
        }
        rel.content
            .push(start..self.after_end(start, hi, subordinate));
        Some(())
    }

    /// Whether the subject of `earlier[k]` (followed through shared subjects) opens a
    /// subordinate clause (`because she said`, `Though he called`): relations that share
    /// it are in that clause too.
    fn subordinate_subject(
        &self,
        earlier: &[Rel],
        k: usize,
        earlier_base: usize,
        lo: usize,
    ) -> bool {
        let d = self.doc();
        let mut k = k;
        loop {
            match earlier.get(k).and_then(|r| r.source.as_ref()) {
                Some(SourceRef::Mention(m)) => {
                    let s = m.toks.start;
                    return s > lo && d.has(s - 1, class::SUB);
                }
                Some(SourceRef::SameAs(j)) if *j >= earlier_base && *j - earlier_base < k => {
                    k = *j - earlier_base;
                }
                _ => return false,
            }
        }
    }

    /// After the circumstance of a cue that follows a quotation (`"Q1," X told Radio
    /// Ashby on Friday, "Q2."`): the next quotation, when a comma opens it, it runs to the
    /// end of the unit and no other cue comes first. It goes on with the first one.
    fn trailing_quote(&self, pos: usize, hi: usize) -> Option<Range<usize>> {
        let d = self.doc();
        let q = (pos..hi).find(|&i| d.in_quote(i) || self.g.cue_at[i] != NONE)?;
        let runs_to_end = d.quote(q).is_some_and(|k| d.quote_toks(k).end >= hi);
        (d.in_quote(q) && q > pos && d.is_punct(q - 1, ",") && runs_to_end).then_some(q..hi)
    }

    /// Whether a verb of stance with its infinitive, coordinated after a quotation,
    /// starts at `i`: `said the question was "not on the agenda" and declined to give
    /// details`. The quotation closed what was said; the narrative goes on with the
    /// speaker's next act, a relation of its own.
    fn coordinated_stance(&self, i: usize, hi: usize) -> bool {
        let d = self.doc();
        if !d.has(i, class::CONJ) || d.lower_is(i, "or") {
            return false;
        }
        let mut k = i + 1;
        while k < hi
            && k < i + 3
            && (d.has(k, class::ADV) || self.g.is_ly_adverb(k))
            && !d.is_cap(k)
        {
            k += 1;
        }
        let entry = self.g.cue_at.get(k).copied().unwrap_or(NONE);
        if entry == NONE || d.is_cap(k) || !is_past_form(d.tok_text(k)) {
            return false;
        }
        self.lex.cue_info.get(entry as usize).is_some_and(|c| {
            c.class == CueClass::Stance && self.infinitive_at(k + c.words.max(1), hi)
        })
    }

    /// Whether an infinitive starts at token `i`: `to` and a lowercase word that opens no
    /// noun phrase (`to comment`, `to directly respond`), not `to reporters`, `to the
    /// crowd` or `to 55 percent`.
    fn infinitive_at(&self, i: usize, hi: usize) -> bool {
        let d = self.doc();
        let v = i + 1;
        d.lower_is(i, "to")
            && v < hi
            && d.toks[v].kind == TokenKind::Word
            && !d.is_cap(v)
            && !d.in_quote(v)
            && !d.has(
                v,
                class::DET
                    | class::POSS
                    | class::PRON
                    | class::OBJ
                    | class::PREP
                    | class::AUDIENCE
                    | class::TIME,
            )
    }

    /// Whether a participle cue (`saying`) starts at token `i`.
    fn participle_cue(&self, i: usize) -> bool {
        let entry = self.g.cue_at.get(i).copied().unwrap_or(NONE);
        entry != NONE
            && self
                .lex
                .cue_info
                .get(entry as usize)
                .is_some_and(|c| c.participle)
    }

    /// Whether what starts at `i` reads as a clause or phrase that continues reported
    /// content, rather than a participle, preposition or subordinate clause that adds
    /// circumstance (`, referring to`, `, in a speech`).
    fn clause_like(&self, i: usize) -> bool {
        let d = self.doc();
        // `, a day after the strike`, `, hours before the vote`: a measure of time
        // before `after` or `before` is circumstance.
        let time_measure = (i + 1..i + 4)
            .find(|&k| d.lower_is(k, "after") || d.lower_is(k, "before"))
            .is_some_and(|k| {
                (i..k).all(|j| d.is_content_lower(j) || d.has(j, class::DET | class::ADV))
            });
        !(d.has(i, class::SUB | class::REL)
            || ends_with(d.tok_text(i), "ing") && !d.is_cap(i)
            || time_measure)
    }

    /// The quotation that ended the previous unit of the same paragraph, when it is the
    /// whole of that unit: `"How do you control the banks?" Trump said to a crowd.`
    fn previous_quotation(&self, u: usize, src_start: usize) -> Option<Range<usize>> {
        let d = self.doc();
        let unit = d.units.get(u)?;
        if src_start != skip_lead(d, unit.toks.start, src_start) || u == 0 {
            return None;
        }
        let prev = d.units.get(u - 1)?;
        if prev.paragraph != unit.paragraph || !quote_only(d, prev.toks.clone()) {
            return None;
        }
        Some(prev.toks.clone())
    }

    /// The source of a cue whose subject comes before it (`c0` is the first token after
    /// the subject's region: the cue, or the verb chain before an infinitive cue).
    fn source_before(&self, c0: usize, lo: usize) -> Option<MentionToks> {
        let d = self.doc();
        let g = self.g;
        let j = g.skip_left_adjuncts(c0, lo)?;
        if d.in_quote(j) {
            return None;
        }
        let one = |i: usize| MentionToks {
            toks: i..i + 1,
            core: i..i + 1,
        };
        let first_person = |w: &str| w == "I" || w.starts_with("I'") || w.starts_with("I\u{2019}");
        if d.has(j, class::PRON) && (j == lo || !d.is_cap(j) || first_person(d.tok_text(j))) {
            return Some(one(j));
        }
        if d.lower_is(j, "who") {
            return Some(one(j));
        }
        // `Several said`, `Most said`, `Another said`: a quantifier right before the
        // verb stands for the people it counts (an article never does).
        if stands_for_people(d, j) && !g.counted(j, lo) {
            return Some(one(j));
        }
        if d.is_punct(j, ",") || d.is_dash(j) {
            return self.appositive_subject(j, lo);
        }
        let start = g.np_left(j, lo)?;
        let mut m = MentionToks {
            toks: start..j + 1,
            core: start..j + 1,
        };
        // A relative clause without commas: "a senior official who asked not to be named
        // because he was not authorized to speak publicly said".
        if start > lo && (!g.is_boundary(start - 1) || d.has(start - 1, class::PREP)) {
            let mut w = start;
            while w > lo {
                w -= 1;
                if d.in_quote(w) || d.is_punct(w, ",") || d.is_punct(w, ";") {
                    break;
                }
                if d.lower_is(w, "who") && w > lo {
                    if let Some(s2) = g.np_left(w - 1, lo) {
                        m = MentionToks {
                            toks: s2..j + 1,
                            core: s2..w,
                        };
                    }
                    break;
                }
            }
        }
        // `a rebel fighting there said`: the adverb closes the phrase.
        if m.toks.end < c0 && (d.lower_is(m.toks.end, "there") || d.lower_is(m.toks.end, "here")) {
            m.toks.end += 1;
            m.core.end = m.core.end.max(m.toks.end);
        }
        // An appositive whose closing comma is missing: `Doug Andres, a spokesman for
        // House Speaker Paul Ryan told the Post`.
        let s = m.toks.start;
        if s >= lo + 2
            && d.is_punct(s - 1, ",")
            && d.has(s, class::DET | class::POSS)
            && d.is_cap(s - 2)
            && (s..=j).any(|i| d.words[i].noun.is_some())
        {
            let person_noun = (s..=j)
                .any(|i| matches!(d.words[i].noun, Some(NounKind::Person | NounKind::People)));
            if let Some(s2) = g.np_left(s - 2, lo).filter(|_| person_noun) {
                let opens = s2 == lo
                    || closes_quote(d, s2 - 1)
                    || d.is_punct(s2 - 1, ",") && s2 >= 2 && closes_quote(d, s2 - 2);
                if opens && (s2..s - 1).all(|i| d.is_cap(i) || d.is_punct(i, ".")) {
                    m = MentionToks {
                        toks: s2..j + 1,
                        core: s2..s - 1,
                    };
                }
            }
        }
        Some(m)
    }

    /// `Rami Abdulrahman, director of the Observatory, told`: `j` is the comma (or dash)
    /// closing an appositive or relative clause; the subject is the noun phrase before
    /// the comma that opens it. The appositive may hold commas of its own (`Clinton,
    /// during a town hall in Columbus, Ohio, said`) and quotations (a book title).
    fn appositive_subject(&self, j: usize, lo: usize) -> Option<MentionToks> {
        let d = self.doc();
        let g = self.g;
        let dash = d.is_dash(j);
        let opens = |k: usize| {
            if dash {
                d.is_dash(k)
            } else {
                d.is_punct(k, ",")
            }
        };
        // The clause starts at the unit's start or after `"...," ` before the subject.
        let mut clause = lo;
        let mut openers = Vec::new();
        let mut k = j;
        while k > lo {
            k -= 1;
            // A period inside a unit outside quotations ends no sentence: it is an
            // abbreviation's (`Vann R. Newkirk`, `R-Ky.`, `Ashton, Md.`).
            if d.is_punct(k, ";") || d.is_terminal(k) && !d.in_quote(k) && !d.is_punct(k, ".") {
                clause = k + 1;
                break;
            }
            if d.in_quote(k) {
                continue;
            }
            if opens(k) {
                if k > lo && closes_quote(d, k - 1) {
                    clause = k + 1;
                    break;
                }
                openers.push(k);
            }
        }
        let clause = skip_lead(d, clause, j);
        let candidate = |k: usize| -> Option<MentionToks> {
            if k <= clause {
                return None;
            }
            // An appositive holds no verb of saying of its own: `..., but its backers
            // conceded that the final vote, expected` is no appositive; one in a
            // relative clause is (`Thomas Whitfield, a Kansas Republican who supports
            // the aid, told CNN`).
            // A participle opening the appositive is circumstance of the subject too
            // (`Sen. Ana Ruiz, noting the size of the crowd, said`).
            // A participle inside the appositive's noun phrase is an adjective (`a
            // creative writing professor`, `a reporting fellow`).
            let attributive = |i: usize| {
                i > k + 1
                    && i + 1 < j
                    && self.participle_cue(i)
                    && (d.has(i - 1, class::DET) || g.nounish(i - 1))
                    && g.nounish(i + 1)
                    && !d.is_cap(i + 1)
            };
            // A relative clause opening the appositive has verbs of its own (`Michael
            // Bloomberg, who's thinking about running, said`).
            let relative = d.has(k + 1, class::REL) || is_who_contraction(d.tok_text(k + 1));
            let excused = |i: usize| {
                d.in_quote(i)
                    || relative
                    || i > k + 1 && d.has(i - 1, class::REL)
                    || i == k + 1 && self.participle_cue(i)
                    || attributive(i)
            };
            if (k + 1..j).any(|i| g.cue_at[i] != NONE && !excused(i)) {
                return None;
            }
            let appos = k + 1;
            let fits = d.has(
                appos,
                class::DET | class::POSS | class::REL | class::TITLE | class::PREP,
            ) || g.nounish(appos)
                || self.participle_cue(appos)
                // `Tester, himself up for reelection, said`
                || d.has(appos, class::OBJ) && is_reflexive(d.tok_text(appos));
            if !fits {
                return None;
            }
            let head_end = k - 1;
            if d.has(head_end, class::PRON) {
                return Some(MentionToks {
                    toks: head_end..j,
                    core: head_end..k,
                });
            }
            let start = g.np_left(head_end, clause)?;
            Some(MentionToks {
                toks: start..j,
                core: start..k,
            })
        };
        // The earliest opener whose noun phrase starts the clause; else the nearest one
        // whose noun phrase starts after a boundary.
        for &k in openers.iter().rev() {
            if let Some(m) = candidate(k) {
                let mut s = clause;
                while s < m.toks.start && d.has(s, class::CONJ | class::ADV) {
                    s += 1;
                }
                if m.toks.start == s {
                    return Some(m);
                }
            }
        }
        let &k = openers.first()?;
        let m = candidate(k)?;
        let start = m.toks.start;
        (start == clause || g.is_boundary(start - 1)).then_some(m)
    }

    /// The content before a source: from the unit's start (or a colon that introduces a
    /// quotation: `Trump seemed to suggest it: "Q," he told the Times`) to the comma or
    /// quotation before `end`.
    fn before(&self, lo: usize, end: usize) -> Option<Range<usize>> {
        let d = self.doc();
        let mut e = end;
        while e > lo && (d.is_punct(e - 1, ",") || d.is_dash(e - 1)) && !d.in_quote(e - 1) {
            e -= 1;
        }
        let mut s = skip_lead(d, lo, e);
        if let Some(colon) = (s..e).rev().find(|&i| !d.in_quote(i) && d.is_punct(i, ":")) {
            if d.in_quote(colon + 1) && quote_only(d, colon + 1..e) {
                s = colon + 1;
            }
        }
        // `... - a provision, Corker said, that ...`: what a dash sets off.
        if let Some(dash) = (s..e).rev().find(|&i| !d.in_quote(i) && d.is_dash(i)) {
            if (dash + 1..e).any(|i| d.is_word(i)) {
                s = dash + 1;
            }
        }
        (s < e).then_some(s..e)
    }

    /// Where content that starts at `start` ends: the unit's end, or before another
    /// relation coordinated with this one (`, adding that`, `and said`, `- but he said`,
    /// `," Sanders said`), `, according to`, `;`, or a colon that introduces a quotation
    /// with a cue of its own. Content in a subordinate clause (`because Comey testified
    /// that ..., it is`) ends at its first comma.
    fn after_end(&self, start: usize, hi: usize, subordinate: bool) -> usize {
        let d = self.doc();
        let mut i = start;
        // `X said: "Q," but in fact ...`: content that opens with a quotation ends with
        // it when the narrative takes over after it.
        let opens_quoted = d.in_quote(start);
        while i < hi {
            if d.in_quote(i) {
                if closes_quote(d, i) && i + 1 < hi {
                    let next = i + 1;
                    // `... "expanded the party," claiming that`, `"...," Sanders said`:
                    // the comma is inside the marks.
                    let comma_inside = i > 0 && d.is_punct(i - 1, ",");
                    // A quotation that ends on a word is part of the clause that goes on
                    // after it (`that the ad "unmistakably and wrongfully" suggests
                    // that`): the verb after it is that clause's, not a new relation's.
                    let ends_on_word = i > 0 && d.is_word(i - 1);
                    let stop = self.starts_clause_with_cue(next)
                        || !ends_on_word && self.starts_other_relation(next)
                        || self.coordinated_stance(next, hi)
                        // `dismissed it as "a suburb" — a metaphor for ...`: a dash
                        // after the quotation, then a noun phrase, is the writer's gloss.
                        || d.is_dash(next) && d.has(next + 1, class::DET)
                        || comma_inside && (subordinate || self.ends_content_after_comma(next))
                        // (`said "budget reforms" and unpaid taxes would pay for it`:
                        // a quoted phrase ending on a word, then a conjunction, is the
                        // start of a coordinated subject, not the end of what was said.)
                        || opens_quoted
                            && !(ends_on_word && d.has(next, class::CONJ))
                            && (d.has(next, class::CONJ | class::SUB | class::REL)
                                || d.is_punct(next, ",")
                                    && d.has(next + 1, class::CONJ | class::SUB | class::REL));
                    if stop {
                        i += 1;
                        break;
                    }
                }
                i += 1;
                continue;
            }
            if d.is_punct(i, ";") || subordinate && d.is_punct(i, ",") {
                break;
            }
            // `..., which includes ...`, `..., but they wouldn't`: a non-restrictive
            // clause or a new clause after the comma is not what was said (PolNeAR ends
            // the content there more often than not).
            // `he had offers, but "the offers were ..."`, `a large turnout, which "will
            // help"`, `the bomber, who detonated there, had "Syrian roots"`: a clause
            // that goes on to quote the speaker before any other cue is still what was
            // said (the quotation marks say whose words these are).
            // `she hopes to win, but she knows that "LeBron will always be the king"`: a
            // pronoun's belief is the speaker's too.
            let own_belief = |k: usize| {
                k == i + 3
                    && d.has(i + 2, class::PRON)
                    && self
                        .lex
                        .cue_info
                        .get(self.g.cue_at[k] as usize)
                        .is_some_and(|c| c.class == CueClass::Belief)
            };
            let quoted_clause = || {
                (i + 2..hi)
                    .take_while(|&k| d.in_quote(k) || self.g.cue_at[k] == NONE || own_belief(k))
                    .any(|k| d.in_quote(k))
            };
            if d.is_punct(i, ",")
                && i > start
                && self.ends_content_after_comma(i + 1)
                && !quoted_clause()
            {
                break;
            }
            if (d.is_punct(i, ",") || d.has(i, class::CONJ) || d.is_dash(i))
                && i + 1 < hi
                && (self.starts_other_relation(i + 1) || self.starts_clause_with_cue(i + 1))
            {
                break;
            }
            if (d.is_punct(i, ":") || d.is_dash(i))
                && d.in_quote(i + 1)
                && (i + 1..hi).any(|k| !d.in_quote(k) && self.g.cue_at[k] != NONE)
            {
                break;
            }
            i += 1;
        }
        while i > start
            && (d.is_punct(i - 1, ",") || d.is_dash(i - 1) || d.is_punct(i - 1, ":"))
            && !d.in_quote(i - 1)
        {
            i -= 1;
        }
        i
    }

    /// Whether the words after a comma at `i` start something other than the reported
    /// clause: a non-restrictive relative clause (`which`, `who`, `where`), a contrast
    /// (`while`, `whereas`, `although`, `but`).
    fn ends_content_after_comma(&self, i: usize) -> bool {
        let d = self.doc();
        [
            "which", "who", "whom", "whose", "where", "while", "whereas", "although", "but",
        ]
        .iter()
        .any(|w| d.lower_is(i, w))
    }

    /// Whether a clause with a speech cue of its own starts at `i`: an optional
    /// conjunction, a subject (pronoun or short noun phrase) or none, adverbs and
    /// circumstance, then the cue: `but he said`, `but in a later interview said`,
    /// `Sanders said`.
    fn starts_clause_with_cue(&self, i: usize) -> bool {
        let d = self.doc();
        let g = self.g;
        let hi = d
            .unit_of
            .get(i)
            .and_then(|&u| d.units.get(u as usize))
            .map_or(i, |u| u.toks.end);
        let mut k = i;
        while k < hi && (d.has(k, class::CONJ) || d.is_punct(k, ",")) {
            k += 1;
        }
        if d.has(k, class::PRON) {
            k += 1;
        } else {
            let e = g.np_right(k, hi);
            if e - k <= 6 {
                k = e;
            }
        }
        let mut guard = 0;
        while k < hi && guard < 4 {
            guard += 1;
            let next = g.skip_right_adjuncts(k, hi);
            let aux = d.has(k, class::AUX | class::ADV | class::NEG) && !d.is_cap(k);
            if next > k {
                k = next;
            } else if aux {
                k += 1;
            } else {
                break;
            }
        }
        if k <= i || k >= hi {
            return false;
        }
        let entry = g.cue_at[k];
        entry != NONE
            && !d.is_cap(k)
            && self
                .lex
                .cue_info
                .get(entry as usize)
                .is_some_and(|c| c.class == CueClass::Speech && !c.participle)
    }

    /// Whether a relation of its own starts at `i`: a cue right there (`adding`,
    /// `according to`, `said` with its subject elided).
    fn starts_other_relation(&self, i: usize) -> bool {
        let d = self.doc();
        let mut k = i;
        while d.has(k, class::ADV) && !d.is_cap(k) {
            k += 1;
        }
        let entry = self.g.cue_at.get(k).copied().unwrap_or(NONE);
        if entry == NONE || d.is_cap(k) && !d.lower_is(k, "according") {
            return false;
        }
        let Some(info) = self.lex.cue_info.get(entry as usize) else {
            return false;
        };
        info.participle || info.frame == Frame::According || info.class == CueClass::Speech
    }

    /// A unit without a cue that introduces a quotation with a colon or dash:
    /// `The general put it plainly: "No retreat."`, `Mark Blumenthal and Jon Cohen: "..."`,
    /// or a paragraph that ends with a colon before quoted paragraphs (`Transcript as
    /// follows:`). The lead-in's subject (or the name right before the colon) is the
    /// source and the colon the cue.
    fn lead_in(&self, u: usize, unit: &Unit) -> Option<Rel> {
        let d = self.doc();
        let lo = unit.toks.start;
        let hi = content_end(d, unit);
        let last = unit.toks.end.checked_sub(1)?;
        let (mark, open) = if d.is_punct(last, ":") && !d.in_quote(last) {
            // The next unit must be a quotation of its own.
            let next = d.units.get(u + 1)?;
            if !quote_only(d, next.toks.clone()) {
                return None;
            }
            (last, true)
        } else {
            let mark = (lo + 1..hi).find(|&i| {
                !d.in_quote(i) && (d.is_punct(i, ":") || d.is_dash(i)) && d.in_quote(i + 1)
            })?;
            // The quotation must run to the end of the unit.
            let q = d.quote(mark + 1)?;
            if d.quote_toks(q).end < hi {
                return None;
            }
            (mark, false)
        };
        if (lo..mark).any(|i| d.in_quote(i)) {
            return None;
        }
        // A name right before the colon, after a dash or at the start: `HEADLINE -
        // Mark Blumenthal and Jon Cohen: "..."`.
        let named = mark
            .checked_sub(1)
            .and_then(|j| self.g.np_left(j, lo).map(|s| (s, j)))
            .filter(|&(s, _)| s == lo || d.is_dash(s - 1))
            .filter(|&(s, j)| (s..=j).any(|i| d.is_cap(i)));
        let core = match named {
            Some((s, j)) => s..j + 1,
            None => self.g.subject_at(lo, mark)?,
        };
        Some(Rel {
            unit: u,
            cue: mark..mark + 1,
            lemma: if d.is_dash(mark) { "dash" } else { "colon" }.into(),
            class: None,
            source: Some(SourceRef::Mention(MentionToks {
                toks: core.clone(),
                core,
            })),
            content: if open {
                Vec::new()
            } else {
                std::iter::once(mark + 1..hi).collect()
            },
            open,
            turn: false,
        })
    }

    /// The turns of a transcript: paragraphs that open (after the quotation mark that
    /// some outlets put before each paragraph of a quoted transcript) with a speaker's
    /// name in capitals and a colon, `WALLACE: ...`, `"PENCE: ...`. The label is the
    /// source, the colon the cue, and the rest of the paragraph the content, with the
    /// paragraphs up to the next turn that open the same way (a stage direction,
    /// `(CROSSTALK)`, ends the turn). A document is a transcript only when three such
    /// paragraphs or more give the floor back and forth (one speaker's name comes
    /// twice, another comes between): a lone `UPDATE:` or `WASHINGTON:` is no turn, and
    /// labels of editorial notes (class `label` of words.txt) never are.
    fn transcript_turns(&self) -> Vec<Rel> {
        let d = self.doc();
        // (unit, label, colon, opens with a quotation mark)
        let mut found: Vec<(usize, Range<usize>, usize, bool)> = Vec::new();
        for (u, unit) in d.units.iter().enumerate() {
            if u > 0 && d.units[u - 1].paragraph == unit.paragraph {
                continue;
            }
            let end = unit.toks.end;
            let mut k = unit.toks.start;
            while k < end && d.toks[k].kind == TokenKind::QuoteMark {
                k += 1;
            }
            let marked = k > unit.toks.start;
            let start = k;
            while k < end
                && k - start < 3
                && d.toks[k].kind == TokenKind::Word
                && d.toks[k].has(Flags::ALL_CAPS)
                && !d.has(k, class::LABEL)
            {
                k += 1;
            }
            if k > start && d.is_punct(k, ":") && k + 1 < end && d.is_word(k + 1) {
                found.push((u, start..k, k, marked));
            }
        }
        let surname = |r: &Range<usize>| d.tok_text(r.end - 1);
        let back_and_forth = found.windows(3).any(|w| {
            surname(&w[0].1).eq_ignore_ascii_case(surname(&w[2].1))
                && !surname(&w[0].1).eq_ignore_ascii_case(surname(&w[1].1))
        });
        if !back_and_forth {
            return Vec::new();
        }
        // Per paragraph, its units.
        let para_units = |p: usize| {
            let a = d.units.partition_point(|x| x.paragraph < p);
            let b = d.units.partition_point(|x| x.paragraph <= p);
            a..b
        };
        let mut out = Vec::with_capacity(found.len());
        for (n, (u, label, colon, marked)) in found.iter().cloned().enumerate() {
            let para = d.units[u].paragraph;
            let own = para_units(para);
            let Some(last) = own.end.checked_sub(1) else {
                continue;
            };
            let mut content = Vec::with_capacity(1);
            content.push(colon + 1..d.units[last].toks.end);
            // The paragraphs before the next turn that open as the turn did, up to a
            // stage direction. After the last turn the transcript may have ended.
            if let Some(&(next, ..)) = found.get(n + 1) {
                let next_para = d.units[next].paragraph;
                for p in para + 1..next_para {
                    let us = para_units(p);
                    let Some(first) = d.units.get(us.start).filter(|_| !us.is_empty()) else {
                        continue;
                    };
                    let mut k = first.toks.start;
                    while k < first.toks.end && d.toks[k].kind == TokenKind::QuoteMark {
                        k += 1;
                    }
                    let opens_marked = k > first.toks.start;
                    if opens_marked != marked || d.is_punct(k, "(") || d.is_punct(k, "[") {
                        break;
                    }
                    content.push(first.toks.start..d.units[us.end - 1].toks.end);
                }
            }
            out.push(Rel {
                unit: u,
                cue: colon..colon + 1,
                lemma: "colon".into(),
                class: None,
                source: Some(SourceRef::Mention(MentionToks {
                    toks: label.clone(),
                    core: label,
                })),
                content,
                open: false,
                turn: true,
            });
        }
        out
    }

    /// What a lead-in needs, cheaply: the unit ends inside a quotation or with a colon.
    fn ends_quoted_or_open(&self, unit: &Unit) -> bool {
        let d = self.doc();
        let hi = content_end(d, unit);
        hi > unit.toks.start && d.in_quote(hi - 1)
            || unit.toks.end > unit.toks.start && d.is_punct(unit.toks.end - 1, ":")
    }

    /// `"Q" ― Ana Ruiz`: a quotation signed with a dash and a name (readers' comments,
    /// testimonials, epigraphs). The name runs to the end of the unit and is all
    /// capitalised words; the quotation opens the unit or, when it ended a sentence of
    /// its own, is the whole of the unit before it in the paragraph.
    fn signature(&self, u: usize, unit: &Unit) -> Option<Rel> {
        let d = self.doc();
        let lo = unit.toks.start;
        let hi = content_end(d, unit);
        let mark = (lo..hi).find(|&i| d.is_dash(i) && !d.in_quote(i))?;
        let s = mark + 1;
        if s >= hi || !d.is_cap(s) {
            return None;
        }
        let name_only = (s..hi).all(|i| d.is_cap(i) || d.is_punct(i, "."))
            && (s..hi).filter(|&i| d.is_word(i)).count() <= 6;
        // A given name opens a person's name whatever its middle initial reads as
        // (`Julie A. Diaz`: `A` is no article there).
        if !name_only || self.g.np_right(s, hi) != hi && !d.has(s, class::FIRST_NAME) {
            return None;
        }
        let content = if mark > lo {
            // The words signed open and close with quotation marks (a reader's comment
            // may quote someone in the middle of it).
            let mut start = skip_lead(d, lo, mark);
            // `"Q1." And so on "Q2." ― Ana Ruiz`: the words signed began with the line,
            // in an earlier sentence of it, with no cue of its own.
            if start < mark && !d.in_quote(start) {
                let mut first = u;
                while first > 0 && d.units[first - 1].paragraph == unit.paragraph {
                    first -= 1;
                }
                let line = d.units[first].toks.start;
                let s = skip_lead(d, line, lo);
                let cue_free = (s..lo).all(|i| d.in_quote(i) || self.g.cue_at[i] == NONE);
                if first < u && s < lo && d.in_quote(s) && cue_free {
                    start = s;
                }
            }
            if start >= mark || !d.in_quote(start) || !closes_quote(d, mark - 1) {
                return None;
            }
            start..mark
        } else {
            let prev = d.units.get(u.checked_sub(1)?)?;
            if prev.paragraph != unit.paragraph || !quote_only(d, prev.toks.clone()) {
                return None;
            }
            prev.toks.clone()
        };
        Some(Rel {
            unit: u,
            cue: mark..mark + 1,
            lemma: "dash".into(),
            class: None,
            source: Some(SourceRef::Mention(MentionToks {
                toks: s..hi,
                core: s..hi,
            })),
            content: vec![content],
            open: false,
            turn: false,
        })
    }

    /// Units made only of quotations, without a relation of their own, join the direct
    /// or mixed relation before them (the same speaker goes on) or, at a paragraph start,
    /// the one that follows in the next unit. A relation whose cue ends its paragraph
    /// with a colon takes the quotations that follow.
    fn continue_quotations(&self, rels: &mut Vec<Rel>) {
        let d = self.doc();
        let mut by_unit: Vec<Option<usize>> = vec![None; d.units.len()];
        // Units some relation already takes as content (`"Why?" Trump said.`).
        let mut claimed = vec![false; d.units.len()];
        let has_quote = |r: &Rel| r.content.iter().any(|c| c.clone().any(|i| d.in_quote(i)));
        // Quotations some relation already takes (a quotation over two paragraphs with
        // its cue in the second): none of their units continues another relation.
        let mut taken_quotes: Vec<u32> = Vec::new();
        for (k, r) in rels.iter().enumerate() {
            for c in &r.content {
                for t in [c.start, c.end.saturating_sub(1)] {
                    if let Some(q) = d.quote(t) {
                        taken_quotes.push(q as u32);
                    }
                }
            }
            if let Some(slot) = by_unit.get_mut(r.unit) {
                // The relation that goes on into the next unit: one that carries a
                // quotation (`"Q," X said, referring to Y.`), else the outermost (`X said
                // she could not back what she called ...`).
                let keep = slot.is_some_and(|j: usize| {
                    let (a, b) = (&rels[j], r);
                    has_quote(a) && !has_quote(b)
                        || has_quote(a) == has_quote(b)
                            && a.content.first().map(|c| c.start)
                                <= b.content.first().map(|c| c.start)
                });
                if !keep {
                    *slot = Some(k);
                }
            }
            for c in &r.content {
                for t in [c.start, c.end.saturating_sub(1)] {
                    if let Some(&u) = d.unit_of.get(t) {
                        if u != NONE && u as usize != r.unit {
                            claimed[u as usize] = true;
                        }
                    }
                }
            }
        }
        let quoted = |r: &Rel| r.open || r.content.iter().any(|c| c.clone().any(|i| d.in_quote(i)));
        // A speech relation (or a lead-in) goes on into the quotations that follow it;
        // only a wholly quoted one takes a quotation that comes before it.
        let continues = |r: &Rel| r.class.is_none_or(|c| c == CueClass::Speech) || quoted(r);
        let direct = |r: &Rel| !r.open && r.content.iter().all(|c| quote_only(d, c.clone()));
        let mut last: Option<(usize, usize)> = None; // (relation, paragraph)
        for (u, unit) in d.units.iter().enumerate() {
            if claimed[u] {
                continue;
            }
            let quoted_unit = quote_only(d, unit.toks.clone());
            // `The governor added:` ending its paragraph, then a paragraph without marks:
            // a block quotation, set off by indentation the plain text lost. The whole
            // paragraph is the content (reports inside it keep their own relations).
            if let Some((k, para)) = last.filter(|_| !quoted_unit) {
                let opens_paragraph = u == 0 || d.units[u - 1].paragraph != unit.paragraph;
                let r = &rels[k];
                if r.open
                    && r.class == Some(CueClass::Speech)
                    && opens_paragraph
                    && unit.paragraph == para + 1
                {
                    let end = d.units[u..]
                        .iter()
                        .take_while(|x| x.paragraph == unit.paragraph)
                        .last()
                        .map_or(unit.toks.end, |x| x.toks.end);
                    rels[k].content.push(unit.toks.start..end);
                    rels[k].open = false;
                }
            }
            if let Some(k) = by_unit[u] {
                last = continues(&rels[k]).then_some((k, unit.paragraph));
                continue;
            }
            if !quoted_unit {
                // `"Q1," said Ruiz. Biden "kind of misspoke."`: a sentence of the same
                // paragraph, without a cue, that opens or ends with a quotation goes on
                // with the speaker before it (and ends the run: what follows is the
                // writer's again).
                if let Some((k, _)) = last.filter(|&(_, p)| p == unit.paragraph) {
                    let hi = content_end(d, unit);
                    let edge_quoted = hi > unit.toks.start
                        && (d.in_quote(skip_lead(d, unit.toks.start, hi))
                            || closes_quote(d, hi - 1));
                    let cue_free = || {
                        unit.toks
                            .clone()
                            .all(|i| d.in_quote(i) || self.g.cue_at[i] == NONE)
                    };
                    if edge_quoted && quoted(&rels[k]) && cue_free() {
                        rels[k].content.push(unit.toks.clone());
                    }
                }
                last = None;
                continue;
            }
            let quote = d.quote(unit.toks.start).map(|q| q as u32);
            if quote.is_some_and(|q| taken_quotes.contains(&q)) {
                continue;
            }
            // Backwards: same paragraph, or the paragraph right after the relation's.
            if let Some((k, para)) = last {
                if unit.paragraph <= para + 1 {
                    rels[k].content.push(unit.toks.clone());
                    rels[k].open = false;
                    last = Some((k, unit.paragraph));
                    continue;
                }
            }
            // Forwards: a paragraph that opens with a quotation, then the relation.
            if let Some(k) = by_unit.get(u + 1).copied().flatten() {
                let next = &d.units[u + 1];
                if next.paragraph <= unit.paragraph + 1 && direct(&rels[k]) {
                    rels[k].content.insert(0, unit.toks.clone());
                }
            }
        }
        // A colon whose quotations never came (relations that share its subject keep
        // it).
        let empty: Vec<bool> = rels.iter().map(|r| r.content.is_empty()).collect();
        if empty.contains(&true) {
            remove_marked(rels, &empty);
        }
    }
}

/// The unit's end without its final punctuation (outside quotations).
fn content_end(d: &Doc<'_>, unit: &Unit) -> usize {
    let mut hi = unit.toks.end;
    while hi > unit.toks.start
        && !d.in_quote(hi - 1)
        && (d.is_terminal(hi - 1) || d.is_punct(hi - 1, ",") || d.is_punct(hi - 1, ";"))
    {
        hi -= 1;
    }
    hi
}

/// Skips what opens a unit without belonging to its content: a dash or a lone closing
/// mark left over from the previous sentence.
fn skip_lead(d: &Doc<'_>, lo: usize, end: usize) -> usize {
    let mut s = lo;
    while s < end && (d.is_dash(s) || (d.toks[s].kind == TokenKind::QuoteMark && !d.in_quote(s))) {
        s += 1;
    }
    s
}

/// Where the content of a naming verb ends. The quoted name is the complement of `call X
/// Y`, and it ends the content when what follows is plainly the writer's: the agent of a
/// past participle (`labeled "top secret" by the department`; not `calling it "a mistake"
/// by the mayor`), a parenthesis or a dash, a participle or a new clause after a comma,
/// or the rest of the sentence around a free relative (`what he called "a scheme" took
/// an uglier turn`). Quotations joined to it go with it (`called the president "weak" and
/// "disappointing"`); a phrase or clause of its own stays (`called it "a lesson" about
/// the need to`).
fn naming_end(d: &Doc<'_>, c: Range<usize>, free: bool, passive: bool) -> usize {
    let Some(first) = c.clone().find(|&i| d.in_quote(i)) else {
        return c.end;
    };
    let mut end = d.quote(first).map_or(c.end, |q| d.quote_toks(q).end);
    while end < c.end {
        let mut k = end;
        while k < c.end && (d.has(k, class::CONJ) || d.is_punct(k, ",")) && k < end + 2 {
            k += 1;
        }
        if k == end || !d.in_quote(k) {
            break;
        }
        end = d.quote(k).map_or(c.end, |q| d.quote_toks(q).end);
    }
    // After a comma (inside the marks or after them): a participle (`, linking to a
    // story`) or a new clause (`, and a few lawmakers have`). Not a clause of cause
    // (`called it "a mistake" because ...` goes on with the reason given).
    let comma = if d.is_punct(end, ",") {
        Some(end + 1)
    } else {
        (end >= 2 && d.is_punct(end - 2, ",")).then_some(end)
    };
    let after_comma = comma.is_some_and(|k| {
        let participle = d.is_content_lower(k) && ends_with(d.tok_text(k), "ing");
        let clause = d.has(k, class::CONJ)
            && (d.has(k + 1, class::DET | class::PRON | class::POSS) || d.is_cap(k + 1));
        participle || clause
    });
    let writers = free
        || passive && d.lower_is(end, "by")
        || d.is_punct(end, "(")
        || d.is_dash(end)
        || after_comma;
    if !writers {
        return c.end;
    }
    // `what he called North Korea's "reckless" actions`: a quotation that ends on a word
    // modifies the noun after it.
    if end >= 2
        && end < c.end
        && d.is_word(end - 2)
        && d.is_content_lower(end)
        && !is_past_form(d.tok_text(end))
    {
        end += 1;
    }
    end.clamp(c.start, c.end)
}

/// Whether quotation tokens `r` hold a title in title case (`"Fox and Friends,"`, `"Meet
/// the Press"`): two to six words, all capitalised but short function words, with no
/// sentence-ending mark.
fn programme_title(d: &Doc<'_>, r: Range<usize>) -> bool {
    let mut words = 0;
    for i in r {
        if d.is_terminal(i) {
            return false;
        }
        if d.toks[i].kind == TokenKind::Word {
            words += 1;
            if !d.is_cap(i) && d.tok_text(i).len() > 3 {
                return false;
            }
        }
    }
    (2..=6).contains(&words)
}

/// Whether the words of `r` are in title case, as in a headline: all but a few short
/// function words capitalised, and enough of them to tell. A headline that quotes is
/// left out: a quoted fragment in title case cannot be told from the words around it,
/// so the relation's kind and content would be guesses.
fn title_case(d: &Doc<'_>, r: Range<usize>) -> bool {
    let (mut words, mut lower) = (0, 0);
    for i in r {
        if d.in_quote(i) {
            return false;
        }
        if d.toks[i].kind != TokenKind::Word {
            continue;
        }
        words += 1;
        if !d.is_cap(i) && d.tok_text(i).len() > 3 {
            lower += 1;
        }
    }
    words >= 4 && lower == 0
}

/// Whether token `i` is the closing mark of a quotation (or the last token inside one).
fn closes_quote(d: &Doc<'_>, i: usize) -> bool {
    match d.quote(i) {
        Some(q) => d.quote_toks(q).end == i + 1,
        None => false,
    }
}

/// A past tense or participle form: `believed`, `said`, `thought`, `known`.
fn is_past_form(w: &str) -> bool {
    ends_with(w, "ed")
        || [
            "said", "thought", "known", "told", "shown", "found", "written", "felt",
        ]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
}

/// A form of `be`.
/// The clitic of a pronoun with an auxiliary attached (`he's`, `they’re`, `I'd`),
/// lowercased without its apostrophe (`s`, `re`, `d`).
fn pronoun_clitic(d: &Doc<'_>, i: usize) -> Option<String> {
    if !d.has(i, class::PRON) || !d.toks.get(i)?.has(Flags::APOSTROPHE) {
        return None;
    }
    let w = d.tok_text(i);
    let at = w.find(['\'', '\u{2019}'])?;
    let clitic = w[at..].trim_start_matches(['\'', '\u{2019}']);
    Some(clitic.to_ascii_lowercase())
}

fn is_be(d: &Doc<'_>, i: usize) -> bool {
    ["is", "are", "was", "were", "be", "been", "being"]
        .iter()
        .any(|w| d.lower_is(i, w))
}

/// Whether `w` ends with the lowercase `suffix` (in any case) after at least two bytes.
fn ends_with(w: &str, suffix: &str) -> bool {
    w.len() > suffix.len() + 1
        && w.as_bytes()[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

fn has_words(d: &Doc<'_>, r: Range<usize>) -> bool {
    r.into_iter().any(|i| d.is_word(i))
}

/// Whether the words of `r` are all inside quotations (and there is one).
fn quote_only(d: &Doc<'_>, r: Range<usize>) -> bool {
    let mut words = 0;
    for i in r {
        if d.is_word(i) {
            if !d.in_quote(i) {
                return false;
            }
            words += 1;
        }
    }
    words > 0
}

/// Cues inside another relation's source ("a source who spoke on condition of
/// anonymity") are not relations of their own. `rels[first..]` are the unit's relations;
/// only those change (so the work stays proportional to the unit).
fn drop_cues_in_sources(_d: &Doc<'_>, rels: &mut Vec<Rel>, first: usize) {
    let first = first.min(rels.len());
    let spans: Vec<Range<usize>> = rels[first..]
        .iter()
        .filter_map(|r| match &r.source {
            Some(SourceRef::Mention(m)) => Some(m.toks.clone()),
            _ => None,
        })
        .collect();
    if spans.is_empty() {
        return;
    }
    let inside = |r: &Rel| {
        spans
            .iter()
            .any(|s| s.start <= r.cue.start && r.cue.end <= s.end)
    };
    if !rels[first..].iter().any(inside) {
        return;
    }
    // New indices of the unit's relations after the removals (None: removed).
    let mut new_index: Vec<Option<usize>> = Vec::with_capacity(rels.len() - first);
    let mut next = first;
    for r in &rels[first..] {
        if inside(r) {
            new_index.push(None);
        } else {
            new_index.push(Some(next));
            next += 1;
        }
    }
    let mut tail = rels.split_off(first);
    let mut k = 0;
    tail.retain(|_| {
        let keep = new_index[k].is_some();
        k += 1;
        keep
    });
    // Only the unit's relations can point at the unit's relations.
    for r in &mut tail {
        if let Some(SourceRef::SameAs(j)) = &mut r.source {
            if *j >= first {
                match new_index.get(*j - first).copied().flatten() {
                    Some(n) => *j = n,
                    None => r.source = None,
                }
            }
        }
    }
    rels.append(&mut tail);
}

/// `She said she recalls the colleague being "confused"`, `Mook told CBS that the
/// campaign expects Holt to ...`: a relation whose source opens the reported clause of a
/// speech relation is part of what was said, not a relation of its own (PolNeAR
/// annotates the outer one only). A quotation of someone else inside the report keeps
/// its relation (`he said Ruiz told him: "..."`), and a report whose clause opens with
/// something else (`she said that in May the mayor thought`) keeps both.
fn drop_nested_reports(d: &Doc<'_>, rels: &mut Vec<Rel>) {
    // Speech relations by the token their content starts at, with their unit and where
    // their cue ends: each candidate looks up its few possible reporters instead of
    // reading every relation, which made long documents quadratic.
    let mut reporters: Vec<(usize, usize, usize)> = rels
        .iter()
        .filter(|r| r.class == Some(CueClass::Speech))
        .filter_map(|r| Some((r.content.first()?.start, r.unit, r.cue.end)))
        .collect();
    reporters.sort_unstable();
    let reports_from = |content_start: usize, unit: usize, before: usize| {
        let from = reporters.partition_point(|&(s, _, _)| s < content_start);
        reporters[from..]
            .iter()
            .take_while(|&&(s, _, _)| s == content_start)
            .any(|&(_, u, cue_end)| u == unit && cue_end <= before)
    };
    let echoed: Vec<bool> = rels
        .iter()
        .map(|inner| {
            let Some(SourceRef::Mention(m)) = &inner.source else {
                return false;
            };
            // A quotation of someone else inside the report keeps its own speaker
            // (`he said Ruiz told him: "..."`): the quotes are hers.
            let quoted = inner.content.iter().all(|c| quote_only(d, c.clone()));
            let pronoun = m.toks.len() == 1 && d.has(m.toks.start, class::PRON);
            if inner.class.is_none() || quoted && !pronoun {
                return false;
            }
            let at = m.toks.start;
            // `saying anybody who complains about it "is not having a good night"`: a
            // relative clause inside what was said belongs to its noun phrase.
            if m.toks.len() == 1 && d.has(at, class::REL) {
                let from = rels.partition_point(|r| r.unit < inner.unit);
                let inside = rels[from..]
                    .iter()
                    .take_while(|o| o.unit == inner.unit)
                    .any(|o| {
                        // (Not after `according to X, who said`: the source there
                        // follows the cue, and the clause is about the source.)
                        let source_after = matches!(&o.source,
                            Some(SourceRef::Mention(s)) if s.toks.start >= o.cue.end);
                        !std::ptr::eq(o, inner)
                            && !source_after
                            && o.class == Some(CueClass::Speech)
                            && o.content
                                .iter()
                                .any(|c| c.start <= at && inner.cue.end <= c.end)
                    });
                if inside {
                    return true;
                }
            }
            reports_from(at, inner.unit, at)
                || at.checked_sub(1).is_some_and(|that| {
                    d.lower_is(that, "that") && reports_from(that, inner.unit, at)
                })
        })
        .collect();
    if !echoed.contains(&true) {
        return;
    }
    remove_marked(rels, &echoed);
}

/// `"Q," Walker said, according to an AP account`, `Grayson said Randolph "would lose,"
/// the source recalled`: a relation told whole, source and cue included, in the content
/// that a later cue of the same unit attributes to someone else is what that source
/// reported, not a relation of its own (PolNeAR annotates the outer one only).
fn drop_retold_reports(rels: &mut Vec<Rel>) {
    /// How many tokens may follow the retold relation in the content (`on Friday`).
    const RETOLD_TAIL: usize = 3;
    // (retold, teller, the retold relation's quotations after the teller's cue: `"Q1,"
    // X said, according to Y. "Q2."` goes on with Y's report).
    let mut moves: Vec<(usize, usize, Vec<Range<usize>>)> = Vec::new();
    for k in 0..rels.len() {
        let inner = &rels[k];
        let Some(SourceRef::Mention(m)) = &inner.source else {
            continue;
        };
        let teller = rels[k + 1..]
            .iter()
            .take_while(|o| o.unit == inner.unit)
            .position(|o| {
                let mut here = inner.content.iter().filter(|c| c.start < o.cue.start);
                let Some(first) = here.next() else {
                    return false;
                };
                let last = here.next_back().unwrap_or(first);
                let lo = m.toks.start.min(inner.cue.start).min(first.start);
                let hi = m.toks.end.max(inner.cue.end).max(last.end);
                o.class == Some(CueClass::Speech)
                    && o.content.iter().any(|c| {
                        // The retold relation ends the content (`"Q," X said Friday,
                        // according to Y`), not an earlier part of it (`C, X said Friday,
                        // a day after strikes killed nine, according to Y`: Y's report is
                        // the strikes).
                        c.start <= lo
                            && hi <= c.end
                            && c.end <= hi + RETOLD_TAIL
                            && c.end <= o.cue.start
                    })
            });
        if let Some(p) = teller {
            let j = k + 1 + p;
            let later = inner
                .content
                .iter()
                .filter(|c| c.start >= rels[j].cue.end)
                .cloned()
                .collect();
            moves.push((k, j, later));
        }
    }
    if moves.is_empty() {
        return;
    }
    let mut retold = vec![false; rels.len()];
    for (k, j, later) in moves {
        retold[k] = true;
        let teller = &mut rels[j];
        for c in later {
            if !teller
                .content
                .iter()
                .any(|t| t.start < c.end && c.start < t.end)
            {
                teller.content.push(c);
            }
        }
        teller.content.sort_by_key(|c| c.start);
    }
    remove_marked(rels, &retold);
}

/// `who's`, `who’s`, `who'd`: a relative pronoun with its auxiliary.
fn is_who_contraction(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    w.starts_with("who'") || w.starts_with("who\u{2019}")
}

/// A determiner that can stand alone for the people it counts (`Several said`, `Most
/// believed`, `Another added`, `Two said`): any but an article or a negative one.
fn stands_for_people(d: &Doc<'_>, i: usize) -> bool {
    // Only at the start of a clause: in `they are both charged with`, `both` floats off
    // the subject of a passive.
    let opens_clause = d
        .unit_of
        .get(i)
        .and_then(|&u| d.units.get(u as usize))
        .is_some_and(|u| i == u.toks.start)
        || i > 0
            && (d.is_punct(i - 1, ",")
                || d.has(i - 1, class::CONJ | class::SUB)
                || closes_quote(d, i - 1));
    opens_clause
        && d.has(i, class::DET)
        && !["a", "an", "the", "every", "no"]
            .iter()
            .any(|w| d.lower_is(i, w))
}

/// How many relations on either side a free relative looks at for the one whose
/// content holds it (they share a sentence, so they are neighbours in cue order).
const FREE_RELATIVE_REACH: usize = 4;

/// `Ban condemned what he called a "brazen breach"`, `courage through what she calls a
/// "war of words"`: a relation whose source follows `what` and which lies inside another
/// relation's content is part of that content (PolNeAR never annotates it on its own).
/// Where nothing holds it (`What she called "a disgrace" was ...`), it stays.
fn drop_free_relatives(d: &Doc<'_>, rels: &mut Vec<Rel>) {
    let free = |r: &Rel| {
        matches!(&r.source, Some(SourceRef::Mention(m))
            if m.toks.start > 0 && d.lower_is(m.toks.start - 1, "what"))
    };
    if !rels.iter().any(free) {
        return;
    }
    let held: Vec<bool> = (0..rels.len())
        .map(|k| {
            let inner = &rels[k];
            let (Some(first), Some(last)) = (inner.content.first(), inner.content.last()) else {
                return false;
            };
            if !free(inner) {
                return false;
            }
            let cue = inner.cue.start;
            let lo = k.saturating_sub(FREE_RELATIVE_REACH);
            let hi = (k + 1 + FREE_RELATIVE_REACH).min(rels.len());
            (lo..hi).filter(|&j| j != k).any(|j| {
                rels[j]
                    .content
                    .iter()
                    .any(|c| c.start <= cue.min(first.start) && last.end <= c.end && *c != *first)
            })
        })
        .collect();
    if !held.contains(&true) {
        return;
    }
    remove_marked(rels, &held);
}

/// Removes the relations marked `true`. Indices change: `SameAs` references are
/// remapped, and a reference to a removed relation loses its source.
fn remove_marked(rels: &mut Vec<Rel>, marked: &[bool]) {
    // A relation that shared the subject of a removed one (`..., saying`) takes that
    // subject itself.
    let is_marked = |j: usize| marked.get(j).copied().unwrap_or(false);
    for k in 0..rels.len() {
        let Some(SourceRef::SameAs(mut j)) = rels[k].source.clone() else {
            continue;
        };
        // References point backwards, so the chain ends.
        while is_marked(j) {
            match &rels[j].source {
                Some(SourceRef::SameAs(i)) if *i < j => j = *i,
                _ => break,
            }
        }
        if is_marked(j) {
            rels[k].source = rels[j]
                .source
                .clone()
                .filter(|s| matches!(s, SourceRef::Mention(_)));
        } else {
            rels[k].source = Some(SourceRef::SameAs(j));
        }
    }
    let mut new_index = Vec::with_capacity(rels.len());
    let mut next = 0;
    for &m in marked {
        new_index.push((!m).then_some(next));
        if !m {
            next += 1;
        }
    }
    let mut k = 0;
    rels.retain(|_| {
        let keep = !marked.get(k).copied().unwrap_or(false);
        k += 1;
        keep
    });
    for r in rels.iter_mut() {
        if let Some(SourceRef::SameAs(j)) = &mut r.source {
            match new_index.get(*j).copied().flatten() {
                Some(n) => *j = n,
                None => r.source = None,
            }
        }
    }
}

/// How many relations on either side a belief or stance looks at for a relation that
/// holds it (one sentence holds both, so they are neighbours in cue order).
const REPORT_REACH: usize = 6;

/// `Farage said the warning showed the President did not know what he was talking
/// about`, `Cruz said any candidate who wants to win Iowa "owes it" to voters`, `a poll
/// found most voters want ...`: a belief, stance or evidence whose cue and content lie
/// inside another relation's content is part of what that one reports (PolNeAR annotates
/// the outer relation only: 14 of 15.8k gold relations on polnear-train are nested, and
/// such inner relations of ours were wrong three times in four). Reported speech inside
/// reported speech keeps its relation.
fn drop_reported_stances(rels: &mut Vec<Rel>) {
    let inside = |inner: &Rel, outer: &Rel| {
        let (Some(first), Some(last)) = (inner.content.first(), inner.content.last()) else {
            return false;
        };
        let lo = inner.cue.start.min(first.start);
        let hi = inner.cue.end.max(last.end);
        outer
            .content
            .iter()
            .any(|c| c.start <= lo && hi <= c.end && *c != *first)
    };
    let held: Vec<bool> = (0..rels.len())
        .map(|k| {
            let inner = &rels[k];
            if !matches!(
                inner.class,
                Some(CueClass::Belief | CueClass::Stance | CueClass::Evidence)
            ) {
                return false;
            }
            let lo = k.saturating_sub(REPORT_REACH);
            let hi = (k + 1 + REPORT_REACH).min(rels.len());
            (lo..hi)
                .filter(|&j| j != k)
                .any(|j| inside(inner, &rels[j]))
        })
        .collect();
    if held.contains(&true) {
        remove_marked(rels, &held);
    }
}
