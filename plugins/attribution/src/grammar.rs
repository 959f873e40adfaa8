//! Phrase grammar on tokens: where a source's noun phrase starts and ends, and what may
//! stand between a cue and its source or content.
//!
//! There is no part-of-speech tagger: a word is a function word (the classes of
//! `words.txt`), a capitalised word, a cue, or a content word that may be a noun, an
//! adjective or a verb. Noun phrases are read from their edges, where news copy is
//! regular: a determiner opens one, a clause boundary (comma, conjunction, complementiser,
//! quotation mark) closes one, and prepositional phrases attach to the noun before them.

use std::ops::Range;

use newsproc_text::TokenKind;

use crate::doc::{Doc, NONE};
use crate::lexicons::class;

/// Noun phrases longer than this are not sources (the scan has run into a clause).
const MAX_NP: usize = 40;

/// The grammar's view of a document: the document plus which tokens are cues.
pub struct Grammar<'d, 't> {
    pub doc: &'d Doc<'t>,
    /// Per token: the cue matcher entry of the cue starting there, or [`NONE`].
    pub cue_at: &'d [u32],
}

impl Grammar<'_, '_> {
    fn is_cue(&self, i: usize) -> bool {
        self.cue_at.get(i).is_some_and(|&c| c != NONE)
    }

    /// A lowercase word ending in `-ly` that is not a noun (`publicly`, not `family`).
    pub fn is_ly_adverb(&self, i: usize) -> bool {
        let d = self.doc;
        let w = d.tok_text(i);
        w.len() > 4
            && w.ends_with("ly")
            && !d.is_cap(i)
            && !d.has(i, class::NOUN)
            && !matches!(
                w,
                "family" | "rally" | "ally" | "assembly" | "italy" | "supply"
            )
    }

    /// A contraction with a negated auxiliary: `didn't`, `hasn’t`.
    fn is_negated_aux(&self, i: usize) -> bool {
        let w = self.doc.tok_text(i);
        w.ends_with("n't") || w.ends_with("n\u{2019}t")
    }

    /// A word that can be part of a noun phrase: a capitalised word, a number, or a
    /// lowercase content word (not a function word, adverb or cue).
    pub fn nounish(&self, i: usize) -> bool {
        let d = self.doc;
        let Some(t) = d.toks.get(i) else {
            return false;
        };
        if d.in_quote(i) {
            return false;
        }
        match t.kind {
            TokenKind::Number | TokenKind::Alnum => true,
            TokenKind::Word => {
                if t.is_capitalised() {
                    // Sentence-initial function words are capitalised too; acronyms
                    // (`US`, `IT`) are names whatever word they spell.
                    t.has(newsproc_text::Flags::ALL_CAPS)
                        || !d.has(i, class::FUNCTION | class::TIME)
                        || d.has(i, class::TITLE | class::NOUN | class::FIRST_NAME)
                } else {
                    !d.has(i, class::FUNCTION | class::ADV | class::TIME)
                        && !self.is_cue(i)
                        && !self.is_negated_aux(i)
                }
            }
            _ => false,
        }
    }

    /// Skips leftwards, from the token before `cue`, over what may stand between a source
    /// and its verb: adverbs, auxiliaries, negation, `on Monday`, `, however,`. Returns the
    /// index of the last token of the source, or `None` when nothing is left in the unit.
    pub fn skip_left_adjuncts(&self, cue: usize, lo: usize) -> Option<usize> {
        let d = self.doc;
        let mut j = cue;
        loop {
            if j <= lo {
                return None;
            }
            let p = j - 1;
            if d.in_quote(p) {
                return Some(p);
            }
            let lowercase = !d.is_cap(p);
            if (d.has(p, class::ADV | class::AUX | class::NEG) && lowercase)
                || self.is_ly_adverb(p)
                || self.is_negated_aux(p)
            {
                j = p;
                continue;
            }
            // "on Monday", "last week", "this morning"
            if d.has(p, class::TIME) {
                if p > lo
                    && (d.has(p - 1, class::PREP)
                        || d.lower_is(p - 1, "last")
                        || d.lower_is(p - 1, "this")
                        || d.lower_is(p - 1, "late")
                        || d.lower_is(p - 1, "early"))
                {
                    j = p - 1;
                    continue;
                }
                if !d.is_cap(p) || d.has(p, class::TIME) {
                    // A bare weekday: "Trump Monday said".
                    if p > lo && (self.nounish(p - 1) || d.has(p - 1, class::PRON)) {
                        j = p;
                        continue;
                    }
                }
            }
            // `Cruz himself said`: an intensive reflexive after its noun phrase.
            if p > lo && d.has(p, class::OBJ) && is_reflexive(d.tok_text(p)) && !d.is_cap(p) {
                j = p;
                continue;
            }
            // `McConnell, who in 2010 said`: a year after a preposition.
            if p > lo && d.has(p - 1, class::PREP) && is_year(d.tok_text(p)) {
                j = p - 1;
                continue;
            }
            // `a rebel fighting there said`
            if (d.lower_is(p, "there") || d.lower_is(p, "here"))
                && p > lo
                && d.tok_text(p - 1).ends_with("ing")
            {
                j = p;
                continue;
            }
            // ", however," between commas
            if d.is_punct(p, ",")
                && p >= lo + 2
                && d.is_punct(p - 2, ",")
                && d.has(p - 1, class::ADV)
            {
                j = p - 2;
                continue;
            }
            return Some(p);
        }
    }

    /// Whether token `i` closes what comes before it as a clause: a noun phrase that
    /// starts after it starts a clause.
    pub fn is_boundary(&self, i: usize) -> bool {
        let d = self.doc;
        let Some(t) = d.toks.get(i) else {
            return true;
        };
        if d.in_quote(i) {
            return true;
        }
        match t.kind {
            TokenKind::Punct => !matches!(t.text(d.text), "." | ")" | "&"),
            TokenKind::Dash | TokenKind::QuoteMark | TokenKind::Ellipsis => true,
            TokenKind::Word => {
                d.has(i, class::CONJ | class::SUB | class::REL | class::PREP)
                    || self.is_cue(i)
                    || (!d.is_cap(i) && d.has(i, class::ADV))
            }
            _ => false,
        }
    }

    /// `the mother of three`, `a father of two`: a number word after `of` and a noun
    /// stands for what it counts, and ends the noun phrase (it determines nothing).
    pub fn counted(&self, i: usize, lo: usize) -> bool {
        let d = self.doc;
        i >= lo + 2
            && d.has(i, class::DET)
            && d.lower_is(i - 1, "of")
            && self.nounish(i - 2)
            && newsproc_text::parse_number(d.tok_text(i)).is_some()
    }

    /// The start of the noun phrase that ends at token `end` (inclusive), reading
    /// leftwards no further than `lo`.
    pub fn np_left(&self, end: usize, lo: usize) -> Option<usize> {
        let d = self.doc;
        if end < lo || end >= d.toks.len() {
            return None;
        }
        // `those close to him`, `people close to her`: the object pronoun ends the
        // phrase that `close to` attaches.
        let close_to_pronoun = d.has(end, class::OBJ)
            && end >= lo + 3
            && d.lower_is(end - 1, "to")
            && d.lower_is(end - 2, "close")
            && (self.nounish(end - 3) || d.has(end - 3, class::DET));
        let ends_ok = self.nounish(end)
            || self.counted(end, lo)
            || (d.possessive[end] && end > lo)
            || (d.is_punct(end, ")") && end > lo)
            || close_to_pronoun;
        if !ends_ok {
            return None;
        }
        let mut k = if close_to_pronoun { end - 2 } else { end };
        // Where the last conjunct starts, when the scan went over `and the ...`.
        let mut right_conjunct: Option<usize> = None;
        if d.is_punct(end, ")") {
            k = self.paren_open(end, lo)?;
            if k == lo || !self.nounish(k - 1) {
                return None;
            }
            k -= 1;
        }
        while k > lo && end - k < MAX_NP {
            let p = k - 1;
            if d.in_quote(p) {
                break;
            }
            // `topics Clinton wants`: a plural common noun does not modify a name.
            if d.is_cap(k)
                && !d.is_cap(p)
                && d.tok_text(p).ends_with('s')
                && !d.has(p, class::NOUN)
                && !d.possessive[p]
            {
                break;
            }
            if self.nounish(p) || d.possessive[p] || self.is_ly_adverb(p) && self.nounish(k) {
                k = p;
                continue;
            }
            // `the town's only functioning clinic`: an adverb-like word after a
            // determiner or possessive is an adjective.
            if d.has(p, class::ADV)
                && !d.is_cap(p)
                && p > lo
                && (d.has(p - 1, class::DET | class::POSS) || d.possessive[p - 1])
            {
                k = p;
                continue;
            }
            if d.has(p, class::DET | class::POSS) {
                k = p;
                // "director of the Observatory": the determiner's phrase hangs off a noun.
                if p >= lo + 2
                    && d.has(p - 1, class::PREP)
                    && self.attaches(p - 1)
                    && self.nounish(p - 2)
                {
                    k = p - 2;
                    continue;
                }
                // `protesters marching through the streets`
                if let Some(noun) = p
                    .checked_sub(1)
                    .and_then(|prep| self.participle_before(prep, lo))
                {
                    k = noun;
                    continue;
                }
                // `a source close to the RSF leadership`
                if p >= lo + 3 && d.lower_is(p - 1, "to") && d.lower_is(p - 2, "close") {
                    k = p - 2;
                    continue;
                }
                // "Hayat Tahrir al Sham and some Free Syrian Army faction", "the
                // Observatory and a rebel fighting there": a coordinated noun phrase.
                if p >= lo + 2
                    && d.lower_is(p - 1, "and")
                    && (d.is_cap(p - 2) || d.has(p - 2, class::NOUN))
                {
                    right_conjunct.get_or_insert(p);
                    k = p - 1;
                    continue;
                }
                break;
            }
            if d.has(p, class::PREP) && p > lo && self.attaches(p) && self.nounish(p - 1) {
                k = p - 1;
                continue;
            }
            if let Some(noun) = self.participle_before(p, lo) {
                k = noun;
                continue;
            }
            if (d.lower_is(p, "and") || d.is_punct(p, "&"))
                && p > lo
                && (d.is_cap(p - 1) || d.has(p - 1, class::NOUN))
                && (d.is_cap(k) || d.has(k, class::NOUN | class::DET))
            {
                k = p;
                continue;
            }
            if d.is_punct(p, ".") && p > lo && self.abbreviation(p - 1) {
                k = p;
                continue;
            }
            if d.is_punct(p, ")") {
                if let Some(open) = self.paren_open(p, lo) {
                    if open > lo && self.nounish(open - 1) {
                        k = open - 1;
                        continue;
                    }
                }
            }
            break;
        }
        // A phrase does not start with a preposition or conjunction.
        while k < end && d.has(k, class::PREP | class::CONJ) {
            k += 1;
        }
        // A coordination must open its clause (`..., the Observatory and a rebel
        // said`); otherwise the `and` joined two clauses (`the court ruled on the
        // appeal and the senator said`).
        if let Some(r) = right_conjunct {
            if k > lo && !self.is_boundary(k - 1) {
                return Some(r);
            }
        }
        Some(k)
    }

    /// `protesters marching through the streets`, `a man standing outside the court`:
    /// when the preposition at `prep` follows a participle in `-ing` that follows a
    /// noun, the prepositional phrase belongs to the participle and the phrase to that
    /// noun. Returns the noun's index.
    fn participle_before(&self, prep: usize, lo: usize) -> Option<usize> {
        let d = self.doc;
        if prep < lo + 2 || !d.has(prep, class::PREP) {
            return None;
        }
        let ing = prep - 1;
        let noun = prep - 2;
        let participle = !d.is_cap(ing)
            && d.tok_text(ing).len() > 5
            && d.tok_text(ing).ends_with("ing")
            && !d.has(ing, class::FUNCTION | class::NOUN)
            && !self.is_cue(ing);
        let head = self.nounish(noun)
            && !d.in_quote(noun)
            && (d.is_cap(noun) || d.has(noun, class::NOUN) || d.tok_text(noun).ends_with('s'));
        (participle && head).then_some(noun)
    }

    /// A title abbreviation or an initial before a period: `Lt.`, `Sen.`, `E.` in
    /// `Loretta E. Lynch`.
    fn abbreviation(&self, i: usize) -> bool {
        let d = self.doc;
        d.is_cap(i) && (d.has(i, class::TITLE) || d.tok_text(i).len() == 1)
    }

    /// Prepositions that attach a phrase to the noun before them inside a source's noun
    /// phrase: `director of`, `a commander in`, `a source at`, `a spokesman for`.
    fn attaches(&self, i: usize) -> bool {
        let d = self.doc;
        [
            "of", "in", "at", "for", "from", "with", "on", "close", "near", "outside", "inside",
        ]
        .iter()
        .any(|w| d.lower_is(i, w))
    }

    /// The `(` matching the `)` at `close`, when the brackets hold a short label: one to
    /// four words (`(WRA)`, `(Reuters)`), or a party-and-state label whose words carry
    /// abbreviation periods and hyphens (`(D-N.Y.)`, `(R - Ohio)`).
    fn paren_open(&self, close: usize, lo: usize) -> Option<usize> {
        let d = self.doc;
        let mut i = close;
        let mut words = 0;
        for _ in 0..8 {
            if i <= lo {
                return None;
            }
            i -= 1;
            if d.is_punct(i, "(") {
                return (words > 0).then_some(i);
            }
            if d.is_word(i) {
                words += 1;
                if words > 4 {
                    return None;
                }
            } else if !(d.is_punct(i, ".") || d.is_dash(i)) {
                return None;
            }
        }
        None
    }

    /// The end (exclusive) of the noun phrase starting at `start`, read rightwards up to
    /// `hi`: determiners, titles, names and content words, with attached `of`-phrases.
    /// Stops before a comma, a verb-like `-ed` word after a noun, or a function word.
    pub fn np_right(&self, start: usize, hi: usize) -> usize {
        let d = self.doc;
        let mut i = start;
        let mut seen_noun = false;
        // The end of the longest complete phrase so far: `Ana Ruiz for Morning Consult`
        // stays `Ana Ruiz` when the object after `for` is no noun phrase.
        let mut complete = start;
        while i < hi && i - start < MAX_NP {
            if d.in_quote(i) {
                break;
            }
            if d.has(i, class::DET | class::POSS) && !seen_noun {
                i += 1;
                continue;
            }
            if self.nounish(i) || d.possessive[i] {
                let w = d.tok_text(i);
                if seen_noun && !d.is_cap(i) && w.ends_with("ed") && !d.has(i, class::NOUN) {
                    break;
                }
                // `The commander put it plainly`: a word between a noun and an object
                // pronoun or determiner is a verb.
                if seen_noun
                    && !d.is_cap(i)
                    && !d.has(i, class::NOUN)
                    && d.has(i + 1, class::PRON | class::OBJ | class::DET | class::POSS)
                {
                    break;
                }
                seen_noun = true;
                i += 1;
                complete = i;
                continue;
            }
            if d.is_punct(i, ".") && i > start && self.abbreviation(i - 1) {
                i += 1;
                if seen_noun {
                    complete = i;
                }
                continue;
            }
            if d.is_punct(i, "(") {
                if let Some(close) = (i + 1..(i + 6).min(hi)).find(|&k| d.is_punct(k, ")")) {
                    i = close + 1;
                    if seen_noun {
                        complete = i;
                    }
                    continue;
                }
            }
            if seen_noun
                && d.has(i, class::PREP)
                && self.attaches(i)
                && i + 1 < hi
                && (d.is_cap(i + 1)
                    || d.has(i + 1, class::DET | class::POSS)
                    // `groups of strikers`, `a panel of experts`
                    || d.lower_is(i, "of") && self.nounish(i + 1))
            {
                i += 1;
                seen_noun = false;
                continue;
            }
            if seen_noun
                && (d.lower_is(i, "and") || d.is_punct(i, "&"))
                && i + 1 < hi
                && (d.is_cap(i + 1) || d.has(i + 1, class::DET | class::NOUN))
            {
                i += 1;
                seen_noun = false;
                continue;
            }
            break;
        }
        if seen_noun { i } else { complete }
    }

    /// What a noun phrase read rightwards from `start` covers when it runs to the end of
    /// its clause: appositives, relative clauses and participles included ("Colonel
    /// Mustafa Bakour, a commander in the Jaish al Izza rebel faction"). Stops at a
    /// sentence end, `;`, a quotation, a dash, `, according to`, or `, saying` (another
    /// cue after a comma).
    pub fn np_to_clause_end(&self, start: usize, hi: usize) -> usize {
        let d = self.doc;
        let core = self.np_right(start, hi);
        if core == start {
            return start;
        }
        let mut i = core;
        while i < hi {
            if d.in_quote(i)
                || d.is_terminal(i)
                || d.is_punct(i, ";")
                || d.is_punct(i, ":")
                || d.is_dash(i)
            {
                break;
            }
            if d.is_punct(i, ",") && (self.is_cue(i + 1) || d.in_quote(i + 1)) {
                break;
            }
            i += 1;
        }
        // Not the comma before what was cut off.
        while i > core && d.is_punct(i - 1, ",") {
            i -= 1;
        }
        i
    }

    /// Skips rightwards over what may follow a cue before its content: time words
    /// (`said Monday`), adverbs, and short prepositional phrases (`in a statement`,
    /// `on Twitter`, `at a news conference in Washington`) when what follows them starts
    /// the content or ends the clause. Returns the first token after them.
    pub fn skip_right_adjuncts(&self, mut pos: usize, hi: usize) -> usize {
        let d = self.doc;
        let mut guard = 0;
        while pos < hi && guard < 8 {
            guard += 1;
            if d.in_quote(pos) {
                return pos;
            }
            if d.has(pos, class::TIME) || (!d.is_cap(pos) && d.has(pos, class::ADV)) {
                pos += 1;
                continue;
            }
            if self.is_ly_adverb(pos) {
                pos += 1;
                continue;
            }
            if ["late", "early", "last", "this", "next"]
                .iter()
                .any(|w| d.lower_is(pos, w))
                && d.has(pos + 1, class::TIME)
            {
                pos += 2;
                continue;
            }
            let adjunct_prep = [
                "in", "on", "at", "during", "via", "through", "by", "after", "over",
            ]
            .iter()
            .any(|w| d.lower_is(pos, w));
            if adjunct_prep {
                let end = self.pp_object_end(pos + 1, hi);
                if end > pos + 1 && self.starts_content_or_ends(end, hi) {
                    pos = end;
                    continue;
                }
            }
            return pos;
        }
        pos
    }

    /// The end of a preposition's object: a short noun phrase (a second determiner starts
    /// something else).
    fn pp_object_end(&self, start: usize, hi: usize) -> usize {
        let d = self.doc;
        let mut i = start;
        let mut seen_det = false;
        while i < hi && i - start < 8 {
            if d.in_quote(i) {
                // A title in quotation marks: `on NBC's "Meet the Press"`.
                if let Some(q) = d.quote(i) {
                    let r = d.quote_toks(q);
                    if r.end - r.start <= 8 && r.start == i {
                        i = r.end;
                        continue;
                    }
                }
                break;
            }
            if d.has(i, class::DET | class::POSS) {
                if seen_det || i > start {
                    break;
                }
                seen_det = true;
                i += 1;
                continue;
            }
            if self.nounish(i) || d.possessive[i] || d.has(i, class::TIME) {
                i += 1;
                continue;
            }
            if d.is_punct(i, ".") && i > start && self.abbreviation(i - 1) {
                i += 1;
                continue;
            }
            // `a September 16, 2012 email`
            if d.is_punct(i, ",")
                && i > start
                && d.toks[i - 1].kind == TokenKind::Number
                && d.toks
                    .get(i + 1)
                    .is_some_and(|t| t.kind == TokenKind::Number)
            {
                i += 2;
                continue;
            }
            // `a crowd of about 500`, `a group of reporters`
            if d.lower_is(i, "of") && i > start && self.nounish(i - 1) {
                let k = if d.lower_is(i + 1, "about") {
                    i + 2
                } else {
                    i + 1
                };
                if k < hi && (self.nounish(k) || d.has(k, class::DET | class::POSS)) {
                    i = k + 1;
                    seen_det = true;
                    continue;
                }
            }
            break;
        }
        i
    }

    /// Whether the content starts at `pos` (a complementiser, a colon, a quotation, a
    /// subject pronoun, a determiner) or the clause ends there.
    pub fn starts_content_or_ends(&self, pos: usize, hi: usize) -> bool {
        let d = self.doc;
        pos >= hi
            || d.is_terminal(pos)
            || d.is_punct(pos, ",")
            || d.is_punct(pos, ":")
            || d.is_dash(pos)
            || d.in_quote(pos)
            || d.lower_is(pos, "that")
            || d.has(pos, class::PRON | class::DET | class::POSS | class::PREP)
            || d.is_cap(pos)
    }

    /// After a `tell`-type cue: the addressee (`reporters`, `The Associated Press`,
    /// `a Planned Parenthood gathering in Washington`, `him`). Returns the first token
    /// after it.
    pub fn skip_addressee(&self, pos: usize, hi: usize) -> usize {
        let d = self.doc;
        if pos >= hi || d.in_quote(pos) {
            return pos;
        }
        // `told her: "..."`, `told her that`: `her` with no noun after it is the object.
        if d.has(pos, class::OBJ) || d.lower_is(pos, "her") && !self.nounish(pos + 1) {
            return pos + 1;
        }
        if d.lower_is(pos, "that") || d.has(pos, class::PRON) {
            return pos;
        }
        if d.has(pos, class::AUDIENCE) {
            return pos + 1;
        }
        if d.is_cap(pos) || d.has(pos, class::DET | class::POSS) {
            let end = self.np_right(pos, hi);
            // The addressee must not swallow the reported clause (a subject pronoun or
            // a determiner starts it) nor the circumstance (`told CNN in a hallway
            // interview`): it ends before a preposition.
            let mut i = pos;
            let mut seen = false;
            while i < end {
                if seen && d.has(i, class::DET | class::POSS | class::PRON | class::PREP) {
                    return i;
                }
                seen = true;
                i += 1;
            }
            // `told ABC's "Good Morning America" that`: a programme's title.
            if d.possessive[end.saturating_sub(1)] && d.in_quote(end) {
                if let Some(q) = d.quote(end) {
                    let r = d.quote_toks(q);
                    if r.start == end && r.len() <= 8 {
                        return r.end;
                    }
                }
            }
            return end;
        }
        pos
    }

    /// The most tokens of an opening phrase before the subject (`With party leaders
    /// increasingly worried about turnout among young voters in the South, the president
    /// ...`).
    const OPENING_PHRASE: usize = 24;

    /// The token range of a noun phrase at the start of a clause, appositive included:
    /// the subject of a sentence whose verb we do not know (`Rahm Emanuel, his chief of
    /// staff, urged ..., saying`).
    pub fn subject_at(&self, start: usize, hi: usize) -> Option<Range<usize>> {
        let d = self.doc;
        let mut s = start;
        // Skip a leading conjunction or adverb, and an introductory phrase up to a comma.
        while s < hi && (d.has(s, class::CONJ | class::ADV) || d.is_dash(s)) {
            s += 1;
        }
        // `In the debate, Cruz ...`, `After the vote, the chief ...`, `Following a
        // meeting, the council ...`: an opening prepositional, subordinate or participle
        // phrase, closed by a comma, is circumstance.
        // (Not a name that ends the same way: `Beijing, ...` is capitalised elsewhere.)
        let participle = d.is_word(s)
            && d.tok_text(s).ends_with("ing")
            && !d.has(s, class::NOUN)
            && !d.capital_is_name(s);
        if s < hi && (d.has(s, class::PREP | class::SUB) || participle) {
            if let Some(comma) = (s + 1..hi.min(s + Self::OPENING_PHRASE))
                .take_while(|&i| !d.in_quote(i))
                .find(|&i| d.is_punct(i, ","))
            {
                s = comma + 1;
                // `On July 6, 2015, Sanders ...`: the year after the date's comma.
                if d.toks.get(s).is_some_and(|t| t.kind == TokenKind::Number)
                    && d.is_punct(s + 1, ",")
                {
                    s += 2;
                }
            }
        }
        if d.has(s, class::PRON) {
            return Some(s..s + 1);
        }
        let mut end = self.np_right(s, hi);
        if end == s {
            return None;
        }
        if d.is_punct(end, ",") {
            // An appositive closed by a second comma.
            let appos_end = self.np_right(end + 1, hi);
            if appos_end > end + 1 && d.is_punct(appos_end, ",") {
                end = appos_end;
            }
        }
        Some(s..end)
    }
}

/// A year of the last two centuries or the next (`1994`, `2016`).
fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// `himself`, `themselves`: a reflexive pronoun.
pub fn is_reflexive(w: &str) -> bool {
    w.ends_with("self") || w.ends_with("selves")
}
