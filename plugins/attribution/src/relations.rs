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
//!
//! A unit made only of quotations, with no cue of its own, continues the direct
//! relation before it (`"Q1," X said. "Q2."`, and a quotation's next paragraphs) or, at
//! a paragraph start, the one right after it.

use std::ops::Range;

use newsproc_text::TokenKind;

use crate::doc::{Doc, NONE, Unit};
use crate::grammar::Grammar;
use crate::lexicons::{CueClass, Frame, Lexicons, class};

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
    pub lemma: String,
    pub class: Option<CueClass>,
    pub source: Option<SourceRef>,
    /// Token ranges, in text order.
    pub content: Vec<Range<usize>>,
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
            if rels.len() == first {
                if let Some(rel) = self.lead_in(u, unit) {
                    rels.push(rel);
                }
            }
            drop_cues_in_sources(d, &mut rels, first);
        }
        self.continue_quotations(&mut rels);
        rels
    }

    /// How many tokens the cue starting at `i` covers.
    fn cue_len(&self, i: usize, entry: usize) -> usize {
        let d = self.doc();
        let Some(e) = self.lex.cues.lexicon().entries().get(entry) else {
            return 1;
        };
        let n_words = e.phrase.split(' ').count();
        let mut k = i;
        let mut words = 0;
        while k < d.toks.len() && words < n_words {
            if d.toks[k].is_wordlike() {
                words += 1;
            }
            k += 1;
        }
        (k - i).max(1)
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
        // A capital mid-sentence is a name or a headline, not a verb ("United States").
        let at_start = c0 == lo || d.in_quote(c0 - 1) || d.is_punct(c0 - 1, "(");
        if d.is_cap(c0) && !at_start {
            return None;
        }
        if c0 > lo && d.has(c0 - 1, class::DET | class::POSS) {
            return None; // a noun: "the report", "his claims"
        }
        if c0 > lo && d.lower_is(c0 - 1, "to") && info.frame != Frame::According {
            return None; // an infinitive: "wants to say"
        }
        let mut rel = Rel {
            unit: u,
            cue: cue.clone(),
            lemma: info.lemma.clone(),
            class: Some(info.class),
            source: None,
            content: Vec::new(),
        };
        match info.frame {
            Frame::According => self.according(&mut rel, lo, hi)?,
            Frame::Verb | Frame::Tell => self.verb(
                &mut rel,
                info.frame,
                info.participle,
                lo,
                hi,
                earlier,
                earlier_base,
            )?,
        }
        rel.content.retain(|r| has_words(d, r.clone()));
        if rel.content.is_empty() {
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
            if d.is_punct(end, ",") && end + 1 < hi {
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
        frame: Frame,
        participle: bool,
        lo: usize,
        hi: usize,
        earlier: &[Rel],
        earlier_base: usize,
    ) -> Option<()> {
        let d = self.doc();
        let g = self.g;
        let c0 = rel.cue.start;
        let c1 = rel.cue.end;

        // Inverted: `"Q," said X` / `C, said X, a role.`
        let after_break = c0 > lo && (d.is_punct(c0 - 1, ",") || closes_quote(d, c0 - 1));
        if after_break && !participle && c1 < hi {
            let src_end = g.np_to_clause_end(c1, hi);
            let starts_np = d.has(c1, class::DET | class::POSS | class::TITLE)
                || d.is_cap(c1)
                || (d.has(c1, class::PRON) && src_end == c1);
            if starts_np && src_end > c1 {
                let core_end = g.np_right(c1, src_end).max(c1 + 1).min(src_end);
                rel.source = Some(SourceRef::Mention(MentionToks {
                    toks: c1..src_end,
                    core: c1..core_end,
                }));
                let before = self.before(lo, c0)?;
                rel.content.push(before);
                // `"Q1," said X, "Q2."`
                if d.is_punct(src_end, ",") && d.in_quote(src_end + 1) {
                    rel.content.push(src_end + 1..hi);
                }
                return Some(());
            }
            if d.has(c1, class::PRON) {
                // `"Q," said he.`
                rel.source = Some(SourceRef::Mention(MentionToks {
                    toks: c1..c1 + 1,
                    core: c1..c1 + 1,
                }));
                rel.content.push(self.before(lo, c0)?);
                return Some(());
            }
        }

        // The source before the cue.
        let source = self.source_before(c0, lo);
        let src_start = match &source {
            Some(m) => m.toks.start,
            None => c0,
        };
        match source {
            Some(m) => rel.source = Some(SourceRef::Mention(m)),
            None => {
                let elided = c0 > lo
                    && (d.has(c0 - 1, class::CONJ)
                        || (participle && d.is_punct(c0 - 1, ","))
                        || (participle && c0 - 1 == lo));
                if !elided {
                    return None;
                }
                // The subject of the clause this one hangs off: the latest relation in the
                // unit, or the unit's subject.
                rel.source = match earlier.iter().rposition(|r| r.cue.start < c0) {
                    Some(k) => Some(SourceRef::SameAs(earlier_base + k)),
                    None => g.subject_at(lo, c0).map(|core| {
                        SourceRef::Mention(MentionToks {
                            toks: core.clone(),
                            core,
                        })
                    }),
                };
                rel.source.as_ref()?;
            }
        }

        // What follows the cue.
        let mut pos = c1;
        if frame == Frame::Tell {
            pos = g.skip_addressee(pos, hi);
        }
        pos = g.skip_right_adjuncts(pos, hi);
        // `X said of Y that ...`, `X said about ...`: the phrase is part of the cue.
        let has_before = src_start > lo
            && (d.is_punct(src_start - 1, ",") || closes_quote(d, src_start - 1))
            && before_has_words(d, lo, src_start);
        let ends_here = pos >= hi;
        if ends_here {
            if !has_before {
                return None;
            }
            rel.content.push(self.before(lo, src_start)?);
            return Some(());
        }
        if d.is_punct(pos, ",") {
            let after = pos + 1;
            if has_before {
                rel.content.push(self.before(lo, src_start)?);
                // `"Q1," X said, "Q2."` / `A, X said, B.` — unless what follows is another
                // relation (`, adding that ...`).
                if after < hi && !self.starts_other_relation(after) {
                    rel.content.push(after..self.after_end(after, hi));
                }
                return Some(());
            }
            if after < hi && !self.starts_other_relation(after) {
                rel.content.push(after..self.after_end(after, hi));
                return Some(());
            }
            return None;
        }
        if has_before && closes_quote(d, src_start - 1) && !d.in_quote(pos) {
            // `"Q," X said in response to a question from a reporter ...`: whatever
            // follows is circumstance, not content, unless it is a complement clause.
            if !d.lower_is(pos, "that") && !d.is_punct(pos, ":") {
                rel.content.push(self.before(lo, src_start)?);
                return Some(());
            }
        }
        let start = if d.is_punct(pos, ":") || d.is_dash(pos) {
            pos + 1
        } else {
            pos
        };
        if start >= hi {
            return None;
        }
        rel.content.push(start..self.after_end(start, hi));
        Some(())
    }

    /// The source of a cue whose subject comes before it.
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
        if d.has(j, class::PRON) && (j == lo || !d.is_cap(j) || d.tok_text(j) == "I") {
            return Some(one(j));
        }
        if d.lower_is(j, "who") {
            return Some(one(j));
        }
        if d.is_punct(j, ",") {
            // An appositive or a relative clause between commas:
            // "Rami Abdulrahman, director of the Observatory, told".
            let mut k = j;
            while k > lo {
                k -= 1;
                if d.in_quote(k) || d.is_punct(k, ";") || d.is_terminal(k) {
                    return None;
                }
                if d.is_punct(k, ",") {
                    break;
                }
            }
            if k <= lo || !d.is_punct(k, ",") {
                return None;
            }
            let appos = k + 1;
            let fits = d.has(appos, class::DET | class::POSS | class::REL | class::TITLE)
                || g.nounish(appos)
                || d.has(appos, class::PREP);
            if !fits || k == 0 {
                return None;
            }
            let head_end = k - 1;
            if d.has(head_end, class::PRON) {
                return Some(MentionToks {
                    toks: head_end..j,
                    core: head_end..k,
                });
            }
            let start = g.np_left(head_end, lo)?;
            return Some(MentionToks {
                toks: start..j,
                core: start..k,
            });
        }
        let start = g.np_left(j, lo)?;
        let mut m = MentionToks {
            toks: start..j + 1,
            core: start..j + 1,
        };
        // A relative clause without commas: "a senior official who asked not to be named
        // because he was not authorized to speak publicly said".
        if start > lo && !g.is_boundary(start - 1) || start > lo && d.has(start - 1, class::PREP) {
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
        Some(m)
    }

    /// The content before a source: from the unit's start to the comma (or quotation)
    /// before `end`.
    fn before(&self, lo: usize, end: usize) -> Option<Range<usize>> {
        let d = self.doc();
        let mut e = end;
        while e > lo && (d.is_punct(e - 1, ",") || d.is_dash(e - 1)) && !d.in_quote(e - 1) {
            e -= 1;
        }
        let s = skip_lead(d, lo, e);
        (s < e).then_some(s..e)
    }

    /// Where content that starts at `start` ends: the unit's end, or before another
    /// relation coordinated with this one (`, adding that`, `and said`), `, according to`,
    /// or `;`.
    fn after_end(&self, start: usize, hi: usize) -> usize {
        let d = self.doc();
        let mut i = start;
        while i < hi {
            if d.in_quote(i) {
                i += 1;
                continue;
            }
            if d.is_punct(i, ";") {
                break;
            }
            if (d.is_punct(i, ",") || d.has(i, class::CONJ))
                && i + 1 < hi
                && self.starts_other_relation(i + 1)
            {
                break;
            }
            i += 1;
        }
        while i > start && (d.is_punct(i - 1, ",") || d.is_dash(i - 1)) && !d.in_quote(i - 1) {
            i -= 1;
        }
        i
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

    /// A unit without a cue: `The general put it plainly: "No retreat."` — a lead-in
    /// clause, a colon or dash, and a quotation that ends the unit. The lead-in's subject
    /// is the source and the colon the cue.
    fn lead_in(&self, u: usize, unit: &Unit) -> Option<Rel> {
        let d = self.doc();
        let lo = unit.toks.start;
        let hi = content_end(d, unit);
        let mark = (lo + 1..hi).find(|&i| {
            !d.in_quote(i) && (d.is_punct(i, ":") || d.is_dash(i)) && d.in_quote(i + 1)
        })?;
        // The quotation must run to the end of the unit.
        let q = d.quote(mark + 1)?;
        let qt = d.quote_toks(q);
        if qt.end < hi {
            return None;
        }
        if (lo..mark).any(|i| d.in_quote(i)) {
            return None;
        }
        let core = self.g.subject_at(lo, mark)?;
        Some(Rel {
            unit: u,
            cue: mark..mark + 1,
            lemma: if d.is_dash(mark) { "dash" } else { "colon" }.to_owned(),
            class: None,
            source: Some(SourceRef::Mention(MentionToks {
                toks: core.clone(),
                core,
            })),
            content: vec![mark + 1..hi],
        })
    }

    /// Units made only of quotations, without a relation of their own, join the direct
    /// or mixed relation before them (the same speaker goes on) or, at a paragraph start,
    /// the one that follows in the next unit.
    fn continue_quotations(&self, rels: &mut [Rel]) {
        let d = self.doc();
        let mut by_unit: Vec<Option<usize>> = vec![None; d.units.len()];
        for (k, r) in rels.iter().enumerate() {
            if let Some(slot) = by_unit.get_mut(r.unit) {
                // The last relation of the unit continues into the next one.
                *slot = Some(k);
            }
        }
        let quoted = |r: &Rel| r.content.iter().any(|c| c.clone().any(|i| d.in_quote(i)));
        let mut last: Option<(usize, usize)> = None; // (relation, paragraph)
        for (u, unit) in d.units.iter().enumerate() {
            if let Some(k) = by_unit[u] {
                last = quoted(&rels[k]).then_some((k, unit.paragraph));
                continue;
            }
            if !quote_only(d, unit) {
                last = None;
                continue;
            }
            // Backwards: same paragraph, or the paragraph right after the relation's.
            if let Some((k, para)) = last {
                if unit.paragraph <= para + 1 {
                    rels[k].content.push(unit.toks.clone());
                    last = Some((k, unit.paragraph));
                    continue;
                }
            }
            // Forwards: a paragraph that opens with a quotation, then the relation.
            if let Some(k) = by_unit.get(u + 1).copied().flatten() {
                let next = &d.units[u + 1];
                if next.paragraph <= unit.paragraph + 1 && quoted(&rels[k]) {
                    rels[k].content.insert(0, unit.toks.clone());
                }
            }
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

/// Whether token `i` is the closing mark of a quotation (or the last token inside one).
fn closes_quote(d: &Doc<'_>, i: usize) -> bool {
    match d.quote(i) {
        Some(q) => d.quote_toks(q).end == i + 1,
        None => false,
    }
}

fn before_has_words(d: &Doc<'_>, lo: usize, end: usize) -> bool {
    (lo..end).any(|i| d.is_word(i))
}

fn has_words(d: &Doc<'_>, r: Range<usize>) -> bool {
    r.into_iter().any(|i| d.is_word(i))
}

/// A unit whose words are all inside quotations.
fn quote_only(d: &Doc<'_>, unit: &Unit) -> bool {
    let mut words = 0;
    for i in unit.toks.clone() {
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
/// anonymity") are not relations of their own.
fn drop_cues_in_sources(_d: &Doc<'_>, rels: &mut Vec<Rel>, first: usize) {
    let spans: Vec<Range<usize>> = rels[first..]
        .iter()
        .filter_map(|r| match &r.source {
            Some(SourceRef::Mention(m)) => Some(m.toks.clone()),
            _ => None,
        })
        .collect();
    let mut k = first;
    let mut removed = Vec::new();
    rels.retain(|r| {
        let idx = k;
        k += 1;
        let inside = idx >= first
            && spans
                .iter()
                .any(|s| s.start <= r.cue.start && r.cue.end <= s.end);
        if inside {
            removed.push(idx);
        }
        !inside
    });
    if removed.is_empty() {
        return;
    }
    // Relations that pointed at a removed one (or past it) are renumbered.
    for r in rels.iter_mut() {
        if let Some(SourceRef::SameAs(j)) = &mut r.source {
            let shift = removed.iter().filter(|&&x| x < *j).count();
            if removed.contains(j) {
                r.source = None;
            } else {
                *j -= shift;
            }
        }
    }
}
