//! Who a source is: the name in a mention (titles and roles set apart), its kind, and
//! the entity it refers to, pronouns included.
//!
//! - **Names.** A name is a run of capitalised words, with `al`, `bin`, `de` ... inside
//!   and `of` / `for` between capitalised words (`Syrian Observatory for Human Rights`).
//!   Leading titles are split off (`Colonel`, `Lt.`, `Secretary of State`).
//! - **Linking.** People by surname (`Rami Abdulrahman` ← `Abdulrahman`), organisations
//!   by name, acronym (`FSA`), a word of their name (`the Observatory`) or a tail of it
//!   (`Tahrir al Sham`); a definite description (`the official`, `the general`) by its
//!   head noun or title; `X-based` is a modifier, not a name.
//! - **Pronouns.** `he`, `she`, `I` go to the most salient person before them: recent,
//!   a speaker, a sentence's subject, of the right gender (given names, titles, nouns
//!   like `spokeswoman`). Names inside quotations are not candidates, nor are places and
//!   organisations. `they` goes to a recent group or plural source, `it` to an
//!   organisation, government or document.

use std::cell::{Cell, OnceCell};
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use newsproc_layers::attribution::SourceKind;
use newsproc_text::{Token, TokenKind};

use crate::doc::Doc;
use crate::lexicons::{Gender, Lexicons, NameKind, NounKind, WordHasher, class};

/// What one mention says about its referent.
#[derive(Clone, Debug)]
pub struct MentionInfo {
    pub toks: Range<usize>,
    pub core: Range<usize>,
    /// The name as written, without title: token range.
    pub name: Option<Range<usize>>,
    pub title: Option<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub kind: SourceKind,
    pub gender: Gender,
    pub plural: bool,
    pub pronoun: bool,
    /// `who` in `X, who said`: the mention refers to the noun phrase before it.
    pub relative: bool,
    /// The head noun of a description, lowercased (`official`).
    pub head: Option<String>,
    /// The head noun names a person (`official`, `volunteer`).
    pub person_noun: bool,
    pub definite: bool,
}

/// Connectors inside a name: `Hayat Tahrir al Sham`, `Osama bin Laden`.
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "de", "del", "della", "di", "da", "du", "la", "le", "van",
    "von", "der", "den", "ter", "y", "abu", "ul",
];

pub struct Namer<'a, 't> {
    pub doc: &'a Doc<'t>,
    pub lex: &'a Lexicons,
    /// The words written in lowercase somewhere in the text, built when first needed.
    lowercase: OnceCell<HashSet<&'t str, BuildHasherDefault<WordHasher>>>,
    /// How many questions `seen_lowercase` answered by scanning.
    scans: Cell<usize>,
}

/// Questions to [`Namer::seen_lowercase`] answered by a scan before it builds a set.
const LOWERCASE_SCANS: usize = 8;

impl<'a, 't> Namer<'a, 't> {
    pub fn new(doc: &'a Doc<'t>, lex: &'a Lexicons) -> Self {
        Namer {
            doc,
            lex,
            lowercase: OnceCell::new(),
            scans: Cell::new(0),
        }
    }

    /// Whether `word` (capitalised) is written in lowercase somewhere in the text. The
    /// first few questions scan the tokens (most texts ask none or a handful); a text
    /// that asks many gets a set of its lowercase words.
    fn seen_lowercase(&self, word: &str) -> bool {
        let d = self.doc;
        let lowercase = |t: &newsproc_text::Token| t.kind == TokenKind::Word && !t.is_capitalised();
        if self.lowercase.get().is_none() && self.scans.get() < LOWERCASE_SCANS {
            self.scans.set(self.scans.get() + 1);
            return d.toks.iter().any(|t| {
                lowercase(t)
                    && t.span.len() == word.len()
                    && t.text(d.text).eq_ignore_ascii_case(word)
            });
        }
        let set = self.lowercase.get_or_init(|| {
            d.toks
                .iter()
                .filter(|t| lowercase(t))
                .map(|t| t.text(d.text))
                .collect()
        });
        with_lowercase(word, |w| set.contains(w))
    }

    /// The gazetteer's kind for a name or its tail (`The Islamist Hayat Tahrir al Sham`
    /// is `Hayat Tahrir al Sham`).
    fn gazetteer_kind(&self, r: Range<usize>) -> Option<NameKind> {
        (r.start..r.end)
            .filter(|&i| self.doc.toks[i].is_wordlike())
            .find_map(|i| self.lex.name_kind(self.doc.text_of(i..r.end)))
    }

    /// Whether token `i` can be part of a name. `strict`: a capital that opens a
    /// sentence counts only when the word is capitalised elsewhere too (for names found
    /// anywhere in the text); inside a source's noun phrase it counts anyway.
    #[inline]
    fn is_name_word(&self, i: usize, strict: bool) -> bool {
        // Most tokens fail the cheapest test, a capital: it is made here, inlined into
        // the loops over every token, and the rest out of line.
        self.doc
            .toks
            .get(i)
            .is_some_and(|t| t.is_capitalised() && self.is_capitalised_name_word(i, t, strict))
    }

    /// [`Namer::is_name_word`] for a capitalised token `t` at `i`.
    fn is_capitalised_name_word(&self, i: usize, t: &Token, strict: bool) -> bool {
        let d = self.doc;
        if d.in_quote(i) {
            return false;
        }
        match t.kind {
            TokenKind::Word | TokenKind::Alnum => {
                // `Britain-based`, `Iranian-backed`: a modifier, not part of a name.
                if t.has(newsproc_text::Flags::HYPHENATED) {
                    let last = t.parts(d.text).last().map_or("", |s| s.of(d.text));
                    if last.starts_with(|c: char| c.is_lowercase()) {
                        return false;
                    }
                }
                let known = d.has(i, class::TITLE | class::FIRST_NAME)
                    || t.has(newsproc_text::Flags::ALL_CAPS);
                // A common noun opening a sentence ("Officials said") is no name.
                let noun = d.has(i, class::NOUN);
                t.is_capitalised()
                    && (known || !d.has(i, class::FUNCTION | class::TIME | class::ADV) || noun)
                    && (known
                        || !(strict || noun)
                        || d.capital_is_name(i)
                        || !noun && self.given_name_before_surname(i))
            }
            _ => false,
        }
    }

    /// A sentence-initial capitalised word that no list knows, before a capitalised word
    /// that is a name elsewhere in the text: a given name (`Rakeyia Scott can be heard`).
    /// Words that start a cue (`Said Scott`) are verbs, and a word the text writes in
    /// lowercase elsewhere is a common word (`Former Trump aide`).
    fn given_name_before_surname(&self, i: usize) -> bool {
        let d = self.doc;
        let next = i + 1;
        let w = d.tok_text(i);
        // The surname: a capitalised word the text uses mid-sentence, that no list
        // knows as anything else than a name (`Texas Sen.`, `New York`), and that ends
        // the name (`Western Journalism Center`). Given names are surnames too
        // (`Rakeyia Scott`).
        let surname = |k: usize| {
            d.toks.get(k).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && t.is_capitalised()
                    && !t.has(newsproc_text::Flags::APOSTROPHE)
                    && !d.has(
                        k,
                        class::FUNCTION
                            | class::TIME
                            | class::ADV
                            | class::NOUN
                            | class::TITLE
                            | class::TITLE_START,
                    )
                    && d.mid_caps.contains(d.tok_text(k))
                    && self.lex.name_kind(d.tok_text(k)).is_none()
            }) && !d.is_cap(k + 1)
        };
        d.toks[i].kind == TokenKind::Word
            && !d.toks[i].has(newsproc_text::Flags::APOSTROPHE)
            && d.words[i].cues.is_none()
            && d.words[i].noun.is_none()
            && !w.ends_with("ing")
            && !w.ends_with("ly")
            && surname(next)
            && !self.seen_lowercase(w)
    }

    /// The capitalised runs inside `r`, as token ranges, with particles and `of`/`for`
    /// between capitalised words, and the period after a title abbreviation.
    pub fn name_chunks(&self, r: Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        self.name_chunks_into(r, false, &mut out);
        out
    }

    /// [`Namer::name_chunks`] into a buffer.
    pub fn name_chunks_into(&self, r: Range<usize>, strict: bool, out: &mut Vec<Range<usize>>) {
        let d = self.doc;
        let mut i = r.start;
        while i < r.end {
            if !self.is_name_word(i, strict) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            // A long title with `of` inside (`Secretary of State John F. Kerry`) is one
            // piece: the `of` rule below keeps a person's name apart from what follows
            // (`Mr. Smith of Ohio`), which would cut the title from the name.
            if let Some(e) = self.title_at(i, r.end) {
                end = end.max(e);
            }
            loop {
                if end >= r.end {
                    break;
                }
                if self.is_name_word(end, strict) {
                    end += 1;
                    continue;
                }
                // `Lt. Dana`, `Loretta E. Lynch`: the period of a title abbreviation or an
                // initial.
                let initial = d.tok_text(end - 1).len() == 1 && d.is_cap(end - 1);
                if d.is_punct(end, ".")
                    && (d.has(end - 1, class::TITLE) || initial)
                    && self.is_name_word(end + 1, strict)
                    && end + 1 < r.end
                {
                    end += 2;
                    continue;
                }
                let w = d.tok_text(end);
                let particle =
                    NAME_PARTICLES.iter().any(|p| w.eq_ignore_ascii_case(p)) && !d.is_cap(end);
                let linker = (w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("for"))
                    && !self.looks_like_person(start..end);
                if (particle || linker) && end + 1 < r.end && self.is_name_word(end + 1, strict) {
                    end += 2;
                    continue;
                }
                break;
            }
            out.push(start..end);
            i = end;
        }
    }

    /// A run that starts with a title or a given name.
    fn looks_like_person(&self, r: Range<usize>) -> bool {
        let d = self.doc;
        d.has(r.start, class::TITLE | class::FIRST_NAME)
    }

    /// Splits a name run into its title and the name: the last run of titles that a
    /// name follows (`New Jersey Gov. Chris Christie` → `Gov.`, `Chris Christie`;
    /// `Lt. Gen. Ali` → `Lt. Gen.`, `Ali`). What stands before the title is a modifier
    /// (`New Jersey`). Without a title the title range is empty at the run's start.
    pub fn split_title(&self, r: Range<usize>) -> (Range<usize>, Range<usize>) {
        let d = self.doc;
        let mut best: Option<(usize, usize)> = None;
        let mut i = r.start;
        while i < r.end {
            let mut t = i;
            loop {
                while t < r.end && d.is_punct(t, ".") && t > i {
                    t += 1;
                }
                if let Some(e) = self.title_at(t, r.end) {
                    t = e;
                    continue;
                }
                break;
            }
            // The period of the title just read (`Sen.`); a period after an initial
            // (`Mary E. Smith`) is no title.
            while t > i && t < r.end && d.is_punct(t, ".") {
                t += 1;
            }
            if t > i {
                let name_follows = t < r.end
                    && d.is_cap(t)
                    && (!d.has(t, class::TITLE) || d.has(t, class::FIRST_NAME));
                if name_follows {
                    best = Some((i, t));
                }
                i = t;
            } else {
                i += 1;
            }
        }
        match best {
            Some((s, e)) => (s..e, e..r.end),
            None => (r.start..r.start, r.clone()),
        }
    }

    /// The end of a title starting at token `i` (a long title first), if one does.
    fn title_at(&self, i: usize, end: usize) -> Option<usize> {
        let d = self.doc;
        if i >= end || !d.has(i, class::TITLE | class::TITLE_START) || !d.is_cap(i) {
            return None;
        }
        for t in &self.lex.long_titles {
            let mut k = i;
            let mut ok = true;
            for part in t {
                while k < end && d.is_punct(k, ".") && k > i {
                    k += 1;
                }
                if k >= end || !d.tok_text(k).eq_ignore_ascii_case(part) {
                    ok = false;
                    break;
                }
                k += 1;
            }
            if ok {
                return Some(k);
            }
        }
        (d.has(i, class::TITLE) && !d.has(i, class::FIRST_NAME)).then_some(i + 1)
    }

    /// Reads one mention.
    pub fn analyse(&self, toks: Range<usize>, core: Range<usize>) -> MentionInfo {
        let d = self.doc;
        let mut m = MentionInfo {
            toks: toks.clone(),
            core: core.clone(),
            name: None,
            title: None,
            role: None,
            affiliation: None,
            kind: SourceKind::Anonymous,
            gender: Gender::Unknown,
            plural: false,
            pronoun: false,
            relative: false,
            head: None,
            person_noun: false,
            definite: false,
        };
        if core.len() == 1 && d.has(core.start, class::PRON) {
            let w = d.words[core.start];
            m.pronoun = true;
            m.gender = w.gender;
            m.plural = w.plural;
            m.kind = if w.plural {
                SourceKind::Group
            } else {
                SourceKind::Person
            };
            return m;
        }
        if core.len() == 1 && d.lower_is(core.start, "who") {
            m.relative = true;
            m.kind = SourceKind::Person;
            return m;
        }
        // The head region: the core up to a preposition that attaches a phrase to it.
        let chunks = self.name_chunks(core.clone());
        let mut head_end = core.end;
        for i in core.clone() {
            if i > core.start
                && d.has(i, class::PREP)
                && !chunks.iter().any(|c| c.start < i && i < c.end)
            {
                head_end = i;
                break;
            }
        }
        // "the Britain-based Syrian Observatory": `X-based` is a modifier.
        let mut head_last = (core.start..head_end)
            .rev()
            .find(|&i| d.toks[i].is_wordlike())
            .unwrap_or(core.start);
        // `the Western Relief Agency (WRA)`, `Sen. Richard Durbin (D-Ill.)`: a label in
        // brackets after the name (an acronym alias, a party and state) is no part of
        // the name.
        if let Some(open) = (core.start + 1..=head_last)
            .rev()
            .take(8)
            .find(|&i| d.is_punct(i, "("))
            .filter(|&open| !(open + 1..=head_last).any(|i| d.is_punct(i, ")")))
        {
            if let Some(before) = (core.start..open).rev().find(|&i| d.toks[i].is_wordlike()) {
                head_last = before;
            }
        }
        m.definite = d.lower_is(core.start, "the")
            || d.has(core.start, class::POSS)
            || d.lower_is(core.start, "this");
        let coordinated = (core.start..head_end).any(|i| d.lower_is(i, "and"));
        m.plural = coordinated;

        let head_chunk = chunks
            .iter()
            .find(|c| c.start < head_end && c.end > head_last && c.start <= head_last)
            .cloned();
        if let Some(chunk) = head_chunk {
            let (title, name) = self.split_title(chunk.clone());
            if !title.is_empty() {
                m.title = Some(d.text_of(title.clone()).to_owned());
                m.gender = self.title_gender(title.clone());
            }
            if !name.is_empty() {
                m.name = Some(name.clone());
            }
            m.kind = self.name_kind(name.clone(), !title.is_empty());
            if m.kind == SourceKind::Person && m.gender == Gender::Unknown {
                let w = d.words[name.start];
                if w.is(class::FIRST_NAME) {
                    m.gender = w.gender;
                }
            }
            // Role: what stands before the name ("White House spokesperson", "New
            // Jersey" before "Gov.").
            let pre_end = if title.is_empty() {
                name.start
            } else {
                title.start
            };
            if pre_end > core.start {
                let pre = core.start..pre_end;
                if (pre.clone()).any(|i| d.toks[i].is_wordlike() && !d.has(i, class::DET)) {
                    m.role = Some(d.text_of(pre.clone()).trim().to_owned());
                    if let Some(c) = chunks.iter().find(|c| c.start < chunk.start) {
                        m.affiliation = Some(d.text_of(c.clone()).to_owned());
                    } else if pre_end > chunk.start {
                        m.affiliation = Some(d.text_of(chunk.start..pre_end).to_owned());
                    }
                    for i in pre {
                        if let Some(g) = self.gender_of_noun(i) {
                            m.gender = g;
                        }
                    }
                }
            }
        } else {
            // A description: "a rebel source", "officials", "the Syrian army".
            let w = d.words[head_last];
            m.head = Some(d.tok_text(head_last).to_lowercase());
            m.person_noun = d.words[head_last].noun == Some(NounKind::Person);
            m.gender = w.gender;
            let plural_word =
                w.plural || (d.tok_text(head_last).ends_with('s') && w.noun.is_none());
            m.plural |= plural_word;
            m.kind = match w.noun {
                Some(NounKind::Person) => SourceKind::Anonymous,
                Some(NounKind::People) if w.anon => SourceKind::Anonymous,
                Some(NounKind::People) => SourceKind::Group,
                Some(NounKind::Org) => SourceKind::Organization,
                Some(NounKind::Gov) => SourceKind::Government,
                Some(NounKind::Doc) => SourceKind::Document,
                None if coordinated || plural_word => SourceKind::Group,
                None => SourceKind::Anonymous,
            };
            if coordinated && m.kind == SourceKind::Anonymous {
                m.kind = SourceKind::Group;
            }
            // The side it belongs to: "a rebel source", "a senior Sudanese army official".
            let mut a = head_last;
            while a > core.start
                && (d.is_cap(a - 1) || d.has(a - 1, class::NOUN))
                && !d.has(a - 1, class::DET | class::POSS)
            {
                a -= 1;
            }
            if a < head_last {
                m.affiliation = Some(d.text_of(a..head_last).to_owned());
            } else if let Some(c) = chunks.first() {
                m.affiliation = Some(d.text_of(c.clone()).to_owned());
            }
        }
        // The appositive or attached phrase: the role, and the affiliation in it.
        let rest_start = if head_end < core.end {
            head_end
        } else {
            core.end
        };
        let tail = rest_start..toks.end;
        if tail.clone().any(|i| d.toks[i].is_wordlike()) {
            let mut s = tail.start;
            while s < tail.end && (d.is_punct(s, ",") || d.toks[s].kind == TokenKind::Dash) {
                s += 1;
            }
            let mut e = tail.end;
            while e > s && (d.is_punct(e - 1, ",") || d.toks[e - 1].kind == TokenKind::Dash) {
                e -= 1;
            }
            if s < e && m.name.is_none() && m.head.is_some() {
                // `A U.S. State Department spokesman, Daniel Marsh,`: the description
                // is the role and the appositive the name.
                // `A witness, Tamara Lisitsyna, 61,`: an age may follow the name.
                let mut e_name = e;
                if e_name >= s + 3
                    && d.toks[e_name - 1].kind == TokenKind::Number
                    && d.is_punct(e_name - 2, ",")
                {
                    e_name -= 2;
                }
                let chunks = self.name_chunks(s..e_name);
                if let Some(c) = chunks.first().filter(|c| c.start == s && c.end == e_name) {
                    let (title, name) = self.split_title(c.clone());
                    if !name.is_empty()
                        && self.name_kind(name.clone(), !title.is_empty()) == SourceKind::Person
                    {
                        let description = trim_commas(d, core.clone());
                        m.role = Some(d.text_of(description).to_owned());
                        if !title.is_empty() {
                            m.title = Some(d.text_of(title).to_owned());
                        }
                        let w = d.words[name.start];
                        if w.is(class::FIRST_NAME) && m.gender == Gender::Unknown {
                            m.gender = w.gender;
                        }
                        m.name = Some(name);
                        // The head noun stays: "the spokesman" refers back to him.
                        m.kind = SourceKind::Person;
                        return m;
                    }
                }
            }
            if s < e {
                let role = d.text_of(s..e).to_owned();
                if m.affiliation.is_none() {
                    if let Some(c) = self.name_chunks(s..e).into_iter().next() {
                        m.affiliation = Some(d.text_of(c).to_owned());
                    }
                }
                if m.kind == SourceKind::Person && m.gender == Gender::Unknown {
                    for i in s..e {
                        if let Some(g) = self.gender_of_noun(i) {
                            m.gender = g;
                            break;
                        }
                    }
                }
                m.role = Some(match m.role.take() {
                    Some(pre) if m.name.is_some() => format!("{pre}; {role}"),
                    _ => role,
                });
            }
        }
        if m.kind != SourceKind::Person && m.kind != SourceKind::Anonymous {
            m.gender = Gender::Unknown;
        }
        m
    }

    fn gender_of_noun(&self, i: usize) -> Option<Gender> {
        let w = self.doc.words.get(i)?;
        (w.is(class::NOUN) && w.gender != Gender::Unknown && !w.is(class::PRON)).then_some(w.gender)
    }

    fn title_gender(&self, r: Range<usize>) -> Gender {
        for i in r {
            let w = self.doc.words[i];
            if w.is(class::TITLE) && w.gender != Gender::Unknown {
                return w.gender;
            }
        }
        Gender::Unknown
    }

    /// The kind of a named source.
    pub fn name_kind(&self, name: Range<usize>, titled: bool) -> SourceKind {
        let d = self.doc;
        if name.is_empty() {
            return if titled {
                SourceKind::Person
            } else {
                SourceKind::Anonymous
            };
        }
        if let Some(k) = self.gazetteer_kind(name.clone()) {
            return match k {
                NameKind::Place | NameKind::Gov => SourceKind::Government,
                NameKind::Org => SourceKind::Organization,
            };
        }
        if titled {
            return SourceKind::Person;
        }
        for i in name.clone() {
            if i == name.start && d.has(i, class::FIRST_NAME) {
                continue; // "Bill Clinton", "Mark Warner"
            }
            match d.words[i].noun {
                Some(NounKind::Gov) if d.is_cap(i) => return SourceKind::Government,
                Some(NounKind::Org | NounKind::Doc) if d.is_cap(i) => {
                    return SourceKind::Organization;
                }
                _ => {}
            }
        }
        // `Texas Republican`, `African Americans`: a description, not a name.
        let last = name.end - 1;
        match d.words[last].noun {
            Some(NounKind::People) => return SourceKind::Group,
            Some(NounKind::Person) if !d.has(name.start, class::FIRST_NAME) => {
                return SourceKind::Anonymous;
            }
            _ => {}
        }
        if name.len() == 1 && d.toks[name.start].has(newsproc_text::Flags::ALL_CAPS) {
            return SourceKind::Organization;
        }
        SourceKind::Person
    }
}

/// `f` of `s` lowercased: a short ASCII `s` (nearly every name) is lowercased on the
/// stack, since the copy is only for looking it up.
pub fn with_lowercase<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    match buf.get_mut(..s.len()) {
        Some(lower) if s.is_ascii() => {
            lower.copy_from_slice(s.as_bytes());
            lower.make_ascii_lowercase();
            f(std::str::from_utf8(lower).expect("ASCII stays UTF-8"))
        }
        _ => f(&s.to_lowercase()),
    }
}

/// The surname of a person's name: its last word, possessive and suffixes aside.
pub fn surname(name: &str) -> String {
    let mut from_last = name
        .split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .rev();
    let Some(mut last) = from_last.next() else {
        return String::new();
    };
    // A suffix is no surname, unless it is the only word left.
    while matches!(
        last.trim_end_matches(['.', ',']),
        "Jr" | "Sr" | "II" | "III" | "IV"
    ) {
        match from_last.next() {
            Some(before) => last = before,
            None => break,
        }
    }
    strip_possessive(last).to_lowercase()
}

pub fn strip_possessive(w: &str) -> &str {
    newsproc_text::possessive_stem(w).unwrap_or(w)
}

/// The acronym of a name: the initials of its capitalised words (`Free Syrian Army` →
/// `FSA`).
pub fn acronym(name: &str) -> String {
    initials(name).collect()
}

/// Whether `short` is the acronym of `name` ([`acronym`] without building it).
pub fn is_acronym_of(short: &str, name: &str) -> bool {
    initials(name).eq(short.chars())
}

fn initials(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
}

/// `r` without commas and dashes at its ends.
fn trim_commas(d: &Doc<'_>, mut r: Range<usize>) -> Range<usize> {
    while r.start < r.end && (d.is_punct(r.start, ",") || d.is_dash(r.start)) {
        r.start += 1;
    }
    while r.end > r.start && (d.is_punct(r.end - 1, ",") || d.is_dash(r.end - 1)) {
        r.end -= 1;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::{acronym, is_acronym_of, surname};

    #[test]
    fn an_acronym_is_the_initials_of_the_capitalised_words() {
        for (short, name) in [
            ("FSA", "Free Syrian Army"),
            ("FS", "Free Syrian Army"),
            ("FSAX", "Free Syrian Army"),
            ("UN", "the United Nations"),
            ("", "the army"),
        ] {
            assert_eq!(
                is_acronym_of(short, name),
                acronym(name) == short,
                "{short} {name}"
            );
        }
        assert_eq!(acronym("the United Nations"), "UN");
    }

    #[test]
    fn a_surname_is_the_last_word_before_any_suffix() {
        for (name, expected) in [
            ("Rami Abdulrahman", "abdulrahman"),
            ("  Ana   Ruiz ", "ruiz"),
            ("Martin Luther King Jr.", "king"),
            ("John Smith III, Jr.", "smith"),
            ("Obama's", "obama"),
            ("Jr.", "jr."),
            ("Jr. Jr.", "jr."),
            ("", ""),
        ] {
            assert_eq!(surname(name), expected, "{name:?}");
        }
    }
}
