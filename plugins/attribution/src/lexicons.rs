//! The stage's knowledge, read from the data files (embedded) and the user's extra files.
//!
//! - `words.txt`, `nouns.txt`, `titles.txt`, `first-names.txt`: what one word is, merged
//!   into one table looked up once per token ([`Lexicons::word`]);
//! - `cues.txt`: cue phrases with their lemma, class and frame; a phrase is found through
//!   the table entry of its first word, so finding cues costs no extra pass over the text;
//! - `gazetteer.txt`: places and organisations by exact name ([`Lexicons::name_kind`]).
//!
//! The tables are keyed by lowercased ASCII (or folded) words with a small multiplicative
//! hasher: the lookups are on the hot path of every token.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use newsproc_text::{Lexicon, LexiconError};

/// A multiplicative hasher for short keys (FxHash's scheme): the word table is looked up
/// for every token, and SipHash would cost more than the rest of the lookup.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// The word table, looked up once per token. A key of up to [`INLINE_KEY`] bytes is
/// kept in its entry as two ASCII-lowercased words, so a lookup lowercases the token
/// while loading it (eight bytes at a time), hashes the two words, and compares them
/// with two integer compares; each slot carries a tag of the hash, so a word not in
/// the table (most names and content words) is usually refused without reading an
/// entry. Longer keys, which only users' extra files would have, live in a plain map.
#[derive(Clone, Debug, Default)]
struct WordTable {
    /// Power-of-two length; `entry == 0` marks an empty slot.
    slots: Vec<Slot>,
    entries: Vec<Entry>,
    /// Keys longer than [`INLINE_KEY`] bytes, lowercased.
    long: FastMap<Vec<u8>, Word>,
    longest: usize,
}

/// The most bytes of a key kept inline in its entry.
const INLINE_KEY: usize = 16;

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    tag: u32,
    /// Index + 1 into `entries`.
    entry: u32,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    key: [u64; 2],
    len: u8,
    word: Word,
}

impl WordTable {
    fn from_map(map: FastMap<Vec<u8>, Word>) -> WordTable {
        let inline = map.keys().filter(|k| k.len() <= INLINE_KEY).count();
        let cap = (inline * 2).next_power_of_two().max(16);
        let mut t = WordTable {
            slots: vec![Slot::default(); cap],
            entries: Vec::with_capacity(inline),
            long: FastMap::default(),
            longest: 0,
        };
        // Sorted, so that the layout (and so the probe counts) does not depend on the
        // order the map hands its keys out in.
        let mut map: Vec<(Vec<u8>, Word)> = map.into_iter().collect();
        map.sort_by(|a, b| a.0.cmp(&b.0));
        for (key, word) in map {
            t.longest = t.longest.max(key.len());
            let Some(folded) = fold_key(&key) else {
                t.long.insert(key.to_ascii_lowercase(), word);
                continue;
            };
            let (i, tag) = t.probe(folded, key.len());
            let mut i = i;
            while t.slots[i].entry != 0 {
                i = (i + 1) & (t.slots.len() - 1);
            }
            t.entries.push(Entry {
                key: folded,
                len: key.len() as u8,
                word,
            });
            t.slots[i] = Slot {
                tag,
                entry: t.entries.len() as u32,
            };
        }
        t
    }

    /// The first slot to look at for a key, and the key's tag.
    fn probe(&self, key: [u64; 2], len: usize) -> (usize, u32) {
        let h = hash_key(key, len);
        let bits = self.slots.len().trailing_zeros();
        ((h >> (64 - bits)) as usize, h as u32)
    }

    fn get(&self, word: &[u8]) -> Option<&Word> {
        if word.len() > self.longest {
            return None;
        }
        match fold_key(word) {
            Some(key) => self.get_folded(key, word.len()),
            None => self.long.get(&word.to_ascii_lowercase()),
        }
    }

    /// The entry of a key already folded by [`fold_key`] (or the same way).
    fn get_folded(&self, key: [u64; 2], len: usize) -> Option<&Word> {
        let (mut i, tag) = self.probe(key, len);
        let mask = self.slots.len() - 1;
        loop {
            let slot = self.slots[i];
            if slot.entry == 0 {
                return None;
            }
            if slot.tag == tag {
                let e = &self.entries[slot.entry as usize - 1];
                if e.key == key && usize::from(e.len) == len {
                    return Some(&e.word);
                }
            }
            i = (i + 1) & mask;
        }
    }
}

/// A key of up to [`INLINE_KEY`] bytes as two little-endian words, zero-padded, with
/// ASCII capitals lowercased (found with SWAR arithmetic, valid for bytes below 0x80;
/// other bytes are kept as they are). None for a longer key.
fn fold_key(bytes: &[u8]) -> Option<[u64; 2]> {
    if bytes.len() > INLINE_KEY {
        return None;
    }
    // Whole words load directly; a short tail is assembled byte by byte because a short
    // `copy_from_slice` compiles to a `memcpy` call whose store stalls the load after it.
    let load = |b: &[u8]| -> u64 {
        match b.first_chunk::<8>() {
            Some(c) => u64::from_le_bytes(*c),
            None => b
                .iter()
                .rev()
                .fold(0u64, |acc, &x| (acc << 8) | u64::from(x)),
        }
    };
    let (lo, hi) = bytes.split_at(bytes.len().min(8));
    Some([lowercase_ascii(load(lo)), lowercase_ascii(load(hi))])
}

/// Eight bytes with their ASCII capitals lowercased.
fn lowercase_ascii(v: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    // A byte below 0x80 is a capital when b + 0x3F reaches 0x80 and b + 0x25 does not.
    let ascii = !v & (LO * 0x80);
    let low7 = v & !(LO * 0x80);
    let upper = low7.wrapping_add(LO * 0x3F) & !low7.wrapping_add(LO * 0x25) & ascii;
    v | (upper >> 2)
}

/// Mixes a folded key: the table indexes with the top bits of the last product, which
/// depend on every bit of the key.
fn hash_key(key: [u64; 2], len: usize) -> u64 {
    const K1: u64 = 0x9E37_79B9_7F4A_7C15;
    const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;
    let h = (key[0] ^ (len as u64).rotate_left(56)).wrapping_mul(K1) ^ key[1];
    let h = h.wrapping_mul(K2);
    h ^ (h >> 29)
}

/// What a cue says about its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// Verbs of saying and writing: a speech or sourcing cue.
    Speech,
    /// Thinking, wanting, fearing.
    Belief,
    /// Taking a position: endorsing, opposing, proposing, declining.
    Stance,
    /// What a poll, study or record shows.
    Evidence,
}

/// How a cue takes its source and content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Frame {
    /// Subject before the verb; content after it, or before `, X said`.
    Verb,
    /// Like `Verb`, with an optional addressee after the verb (`told reporters that`).
    Tell,
    /// `according to X`: the source follows; the content is the rest of the clause.
    According,
    /// Only with a quotation: before the cue (`"...," he continued`) or after a colon.
    Quote,
    /// No source: the subject and what follows are the content (`X seemed to win`).
    Raising,
}

#[derive(Clone, Debug)]
pub struct CueInfo {
    /// Shared with every relation of the cue, which would otherwise copy it.
    pub lemma: Arc<str>,
    pub class: CueClass,
    pub frame: Frame,
    /// The form ends in `-ing` (`saying`, `adding`): after a comma its subject is the
    /// main clause's.
    pub participle: bool,
    /// As a participle after a comma the cue takes a bare clause (`, saying the plan
    /// failed`); other participles need `that`, a colon or a quotation (`, writing a
    /// book` is no relation).
    pub bare: bool,
    /// A naming verb (`called`, `dubbed`): after an indefinite noun phrase it names
    /// (`a band called Sophistafunk`) rather than reports.
    pub naming: bool,
    /// How many words the form has.
    pub words: usize,
}

/// Word classes, as bits.
pub mod class {
    pub const DET: u32 = 1;
    pub const POSS: u32 = 1 << 1;
    pub const PRON: u32 = 1 << 2;
    pub const OBJ: u32 = 1 << 3;
    pub const PREP: u32 = 1 << 4;
    pub const CONJ: u32 = 1 << 5;
    pub const AUX: u32 = 1 << 6;
    pub const NEG: u32 = 1 << 7;
    pub const ADV: u32 = 1 << 8;
    pub const REL: u32 = 1 << 9;
    pub const SUB: u32 = 1 << 10;
    pub const TIME: u32 = 1 << 11;
    pub const AUDIENCE: u32 = 1 << 12;
    pub const STOP: u32 = 1 << 13;
    /// A title ("Colonel", "Sen"), when capitalised.
    pub const TITLE: u32 = 1 << 14;
    /// A given name, when capitalised.
    pub const FIRST_NAME: u32 = 1 << 15;
    /// A noun of `nouns.txt`.
    pub const NOUN: u32 = 1 << 16;
    pub const VERB: u32 = 1 << 17;
    /// Verbs that take a cue in the infinitive: `went on to say`, `declined to comment`.
    pub const CHAIN: u32 = 1 << 18;
    /// The first word of a title of several words (`Defense` of `Defense Minister`): a
    /// title only when the rest follows.
    pub const TITLE_START: u32 = 1 << 19;
    /// Words of editorial labels (`UPDATE:`, `CORRECTION:`): never a transcript's
    /// speaker.
    pub const LABEL: u32 = 1 << 20;
    /// Words that never belong to a noun phrase.
    pub const FUNCTION: u32 =
        PREP | CONJ | AUX | NEG | REL | SUB | PRON | OBJ | STOP | VERB | DET | POSS;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

impl Gender {
    fn parse(s: Option<&str>) -> Gender {
        match s {
            Some("m") => Gender::Male,
            Some("f") => Gender::Female,
            _ => Gender::Unknown,
        }
    }
}

/// The kind of source a noun heads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NounKind {
    Person,
    People,
    Org,
    Gov,
    Doc,
}

/// Everything known about one word (lowercase key).
#[derive(Clone, Copy, Debug, Default)]
pub struct Word {
    /// Index into [`Lexicons::cue_starts`]: the cue phrases that start with this word.
    pub cues: Option<u32>,
    pub classes: u32,
    /// Pronoun gender and number, noun gender, given-name gender, title gender.
    pub gender: Gender,
    pub plural: bool,
    pub noun: Option<NounKind>,
    /// The noun is an anonymous source without a name ("a source", "officials").
    pub anon: bool,
}

impl Word {
    pub fn is(&self, class: u32) -> bool {
        self.classes & class != 0
    }
}

/// Named things by kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameKind {
    Place,
    Org,
    Gov,
}

/// A cue phrase as words after its first: `according to` is `according` + `["to"]`.
#[derive(Clone, Debug)]
pub struct CuePhrase {
    /// The words after the first, lowercased.
    pub rest: Vec<String>,
    /// Index into [`Lexicons::cue_info`].
    pub info: u32,
}

pub struct Lexicons {
    /// Per cue form.
    pub cue_info: Vec<CueInfo>,
    /// The cue phrases by first word, longest first.
    pub cue_starts: Vec<Vec<CuePhrase>>,
    words: WordTable,
    /// Titles of several words, lowercased, split into words.
    pub long_titles: Vec<Vec<String>>,
    gazetteer: FastMap<String, NameKind>,
}

/// The user's extra data files, from the pipeline configuration.
#[derive(Clone, Debug, Default)]
pub struct ExtraFiles {
    pub cues: Vec<PathBuf>,
    pub words: Vec<PathBuf>,
    pub nouns: Vec<PathBuf>,
    pub titles: Vec<PathBuf>,
    pub first_names: Vec<PathBuf>,
    pub gazetteer: Vec<PathBuf>,
}

const CUES: &str = include_str!("../data/cues.txt");
const WORDS: &str = include_str!("../data/words.txt");
const NOUNS: &str = include_str!("../data/nouns.txt");
const TITLES: &str = include_str!("../data/titles.txt");
const FIRST_NAMES: &str = include_str!("../data/first-names.txt");
const GAZETTEER: &str = include_str!("../data/gazetteer.txt");

impl Lexicons {
    pub fn load(extra: &ExtraFiles) -> Result<Lexicons, LexiconError> {
        let (forms, cue_info) = load_cues(&Lexicon::load("cues.txt", CUES, &extra.cues)?)?;
        let mut words: FastMap<Vec<u8>, Word> = FastMap::default();

        for e in Lexicon::load("words.txt", WORDS, &extra.words)?.entries() {
            let class = match e.field(0) {
                Some("det") => class::DET,
                Some("poss") => class::POSS,
                Some("pron") => class::PRON,
                Some("obj") => class::OBJ,
                Some("prep") => class::PREP,
                Some("conj") => class::CONJ,
                Some("aux") => class::AUX,
                Some("neg") => class::NEG,
                Some("adv") => class::ADV,
                Some("rel") => class::REL,
                Some("sub") => class::SUB,
                Some("time") => class::TIME,
                Some("audience") => class::AUDIENCE,
                Some("stop") => class::STOP,
                Some("verb") => class::VERB,
                Some("chain") => class::CHAIN,
                Some("label") => class::LABEL,
                other => {
                    return Err(e.error(format!(
                        "unknown word class {other:?} (expected det, poss, pron, obj, prep, conj, aux, neg, adv, rel, sub, time, audience, verb, chain, stop or label)"
                    )));
                }
            };
            let w = words.entry(key_of(&e.phrase)).or_default();
            w.classes |= class;
            if class == class::PRON {
                w.gender = Gender::parse(e.field(1));
                w.plural = e.field(2) == Some("p");
            } else if class == class::POSS && w.gender == Gender::Unknown {
                // `his`, `her`: a gender, for the subject that they refer back to.
                w.gender = Gender::parse(e.field(1));
            }
        }

        for e in Lexicon::load("nouns.txt", NOUNS, &extra.nouns)?.entries() {
            let kind = match e.field(0) {
                Some("person") => NounKind::Person,
                Some("people") => NounKind::People,
                Some("org") => NounKind::Org,
                Some("gov") => NounKind::Gov,
                Some("doc") => NounKind::Doc,
                other => {
                    return Err(e.error(format!(
                        "unknown noun kind {other:?} (expected person, people, org, gov or doc)"
                    )));
                }
            };
            let w = words.entry(key_of(&e.phrase)).or_default();
            w.classes |= class::NOUN;
            w.noun = Some(kind);
            w.plural = kind == NounKind::People;
            if w.gender == Gender::Unknown {
                w.gender = Gender::parse(e.field(1));
            }
            w.anon = e.fields.iter().skip(2).any(|f| f == "anon");
        }

        let mut long_titles = Vec::new();
        for e in Lexicon::load("titles.txt", TITLES, &extra.titles)?.entries() {
            let parts: Vec<String> = e
                .phrase
                .split([' ', '-'])
                .map(|p| p.trim_end_matches('.').to_lowercase())
                .filter(|p| !p.is_empty())
                .collect();
            if parts.len() == 1 && !e.phrase.contains('-') {
                let w = words.entry(key_of(&parts[0])).or_default();
                w.classes |= class::TITLE;
                let g = Gender::parse(e.field(0));
                if g != Gender::Unknown {
                    w.gender = g;
                }
            } else {
                // The first word marks where a long title may start; the sequence is
                // checked when a name is split ("State" alone is no title).
                words.entry(key_of(&parts[0])).or_default().classes |= class::TITLE_START;
                long_titles.push(parts);
            }
        }

        for e in Lexicon::load("first-names.txt", FIRST_NAMES, &extra.first_names)?.entries() {
            let w = words.entry(key_of(&e.phrase)).or_default();
            w.classes |= class::FIRST_NAME;
            if w.gender == Gender::Unknown {
                w.gender = Gender::parse(e.field(0));
            }
        }

        let mut gazetteer: FastMap<String, NameKind> = FastMap::default();
        for e in Lexicon::load("gazetteer.txt", GAZETTEER, &extra.gazetteer)?.entries() {
            let kind = match e.field(0) {
                Some("place") => NameKind::Place,
                Some("org") => NameKind::Org,
                Some("gov") => NameKind::Gov,
                other => {
                    return Err(e.error(format!(
                        "unknown kind {other:?} (expected place, org or gov)"
                    )));
                }
            };
            gazetteer.insert(newsproc_text::fold(&e.phrase).as_str().to_owned(), kind);
        }

        // Cue phrases hang off their first word's entry.
        let mut cue_starts: Vec<Vec<CuePhrase>> = Vec::new();
        for (form, info) in forms {
            let lower = form.to_lowercase();
            let mut parts = lower.split(' ').filter(|p| !p.is_empty());
            let Some(first) = parts.next() else {
                continue;
            };
            let rest: Vec<String> = parts.map(str::to_owned).collect();
            let w = words.entry(key_of(first)).or_default();
            let slot = match w.cues {
                Some(k) => k as usize,
                None => {
                    cue_starts.push(Vec::new());
                    w.cues = Some((cue_starts.len() - 1) as u32);
                    cue_starts.len() - 1
                }
            };
            cue_starts[slot].push(CuePhrase {
                rest,
                info: info as u32,
            });
        }
        for list in &mut cue_starts {
            list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }

        Ok(Lexicons {
            cue_info,
            cue_starts,
            words: WordTable::from_map(words),
            long_titles,
            gazetteer,
        })
    }

    /// The kind of a named thing, by its exact name (`Russia`, `White House`).
    pub fn name_kind(&self, name: &str) -> Option<NameKind> {
        if single_spaced(name) {
            return self.gazetteer.get(name).copied();
        }
        self.gazetteer
            .get(&newsproc_text::single_spaced(name))
            .copied()
    }

    /// What is known about the word at `span` of `text` (any case): [`Lexicons::word`],
    /// but an ASCII word of up to sixteen bytes with sixteen bytes of text after its
    /// start is loaded as two whole words and masked to its length, rather than byte by
    /// byte: this is the lookup made for every token.
    pub fn word_in(&self, text: &str, span: Range<usize>) -> Word {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let bytes = text.as_bytes();
        let len = span.len();
        let whole = |at: usize| bytes.get(at..at + 8).and_then(|b| b.first_chunk::<8>());
        if len <= INLINE_KEY
            && let (Some(lo), Some(hi)) = (whole(span.start), whole(span.start + 8))
        {
            let keep = |n: usize| {
                if n >= 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * n)) - 1
                }
            };
            let lo = u64::from_le_bytes(*lo) & keep(len);
            let hi = u64::from_le_bytes(*hi) & keep(len.saturating_sub(8));
            if (lo | hi) & HIGH == 0 {
                if len > self.words.longest {
                    return Word::default();
                }
                let key = [lowercase_ascii(lo), lowercase_ascii(hi)];
                return self.words.get_folded(key, len).copied().unwrap_or_default();
            }
        }
        self.word(&text[span])
    }

    /// What is known about `word` (any case). Unknown words get the default (no class).
    pub fn word(&self, word: &str) -> Word {
        if word.is_ascii() {
            return self.words.get(word.as_bytes()).copied().unwrap_or_default();
        }
        if word.len() > 64 {
            return Word::default();
        }
        // The common non-ASCII case is a curly apostrophe (`don’t`): fold it in place.
        let mut buf = [0u8; 64];
        let mut n = 0;
        let bytes = word.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i..].starts_with("\u{2019}".as_bytes()) {
                buf[n] = b'\'';
                i += 3;
            } else if bytes[i] < 0x80 {
                buf[n] = bytes[i];
                i += 1;
            } else {
                let key = key_of(word);
                return self.words.get(&key).copied().unwrap_or_default();
            }
            n += 1;
        }
        self.words.get(&buf[..n]).copied().unwrap_or_default()
    }
}

/// Whether `name` is words with one space between them: no other white space, and
/// none at either end (the form of the gazetteer's keys).
fn single_spaced(name: &str) -> bool {
    let bytes = name.as_bytes();
    if !bytes.is_ascii() {
        return name
            .split(' ')
            .all(|w| !w.is_empty() && !w.contains(char::is_whitespace));
    }
    // The ASCII white space of `char::is_whitespace`: tab, line feed, vertical tab,
    // form feed, carriage return and space.
    !bytes.is_empty()
        && bytes[0] != b' '
        && bytes[bytes.len() - 1] != b' '
        && !bytes.windows(2).any(|w| w == b"  ")
        && !bytes.iter().any(|b| matches!(b, 9..=13))
}

/// The table key of a word: folded (curly apostrophes and the like) and lowercased.
fn key_of(word: &str) -> Vec<u8> {
    newsproc_text::fold(word)
        .as_str()
        .to_lowercase()
        .into_bytes()
}

/// Every cue form with the index of its [`CueInfo`] (the info list is returned too).
/// A form listed under two lemmas keeps the later one.
/// Cue forms with the index of their [`CueInfo`].
type CueForms = Vec<(String, usize)>;

fn load_cues(lex: &Lexicon) -> Result<(CueForms, Vec<CueInfo>), LexiconError> {
    let mut forms: Vec<(String, usize)> = Vec::new();
    let mut position: FastMap<String, usize> = FastMap::default();
    let mut infos: Vec<CueInfo> = Vec::new();
    for e in lex.entries() {
        let class = match e.field(0) {
            Some("speech") => CueClass::Speech,
            Some("belief") => CueClass::Belief,
            Some("stance") => CueClass::Stance,
            Some("evidence") => CueClass::Evidence,
            other => {
                return Err(e.error(format!(
                    "unknown cue class {other:?} (expected speech, belief, stance or evidence)"
                )));
            }
        };
        let frame = match e.field(1) {
            Some("verb") | None => Frame::Verb,
            Some("tell") => Frame::Tell,
            Some("according") => Frame::According,
            Some("quote") => Frame::Quote,
            Some("raising") => Frame::Raising,
            Some(other) => {
                return Err(e.error(format!(
                    "unknown cue frame {other:?} (expected verb, tell, according, quote or raising)"
                )));
            }
        };
        let Some(list) = e.field(2) else {
            return Err(
                e.error("no forms: list the cue's forms, comma-separated, in the third field")
            );
        };
        let flags: Vec<&str> = e
            .fields
            .iter()
            .skip(3)
            .flat_map(|f| f.split_whitespace())
            .collect();
        for flag in &flags {
            if !matches!(*flag, "bare" | "naming") {
                return Err(e.error(format!("unknown flag `{flag}` (expected bare or naming)")));
            }
        }
        for form in list.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            match position.get(&form.to_lowercase()) {
                Some(&k) => forms[k] = (form.to_owned(), infos.len()),
                None => {
                    position.insert(form.to_lowercase(), forms.len());
                    forms.push((form.to_owned(), infos.len()));
                }
            }
            infos.push(CueInfo {
                lemma: e.phrase.as_str().into(),
                class,
                frame,
                participle: form.split(' ').next().is_some_and(|w| w.ends_with("ing")),
                bare: flags.contains(&"bare"),
                naming: flags.contains(&"naming"),
                words: form.split(' ').filter(|w| !w.is_empty()).count(),
            });
        }
    }
    Ok((forms, infos))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A phrase listed twice replaces its first line (a cue loses its forms, a word its
    /// class): each phrase of a built-in list has one line.
    #[test]
    fn built_in_lists_list_each_phrase_once() {
        for (name, list) in [
            ("cues.txt", CUES),
            ("words.txt", WORDS),
            ("nouns.txt", NOUNS),
            ("titles.txt", TITLES),
            ("first-names.txt", FIRST_NAMES),
            ("gazetteer.txt", GAZETTEER),
        ] {
            let mut seen = std::collections::HashSet::new();
            let case_sensitive = list.contains("#!case-sensitive");
            for line in list
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            {
                let phrase = line.split('\t').next().unwrap_or("");
                let phrase = if case_sensitive {
                    phrase.to_owned()
                } else {
                    phrase.to_lowercase()
                };
                assert!(
                    seen.insert(phrase.clone()),
                    "{phrase:?} listed twice in {name}"
                );
            }
        }
    }

    #[test]
    fn fold_key_ignores_ascii_case_only() {
        for w in [
            "said",
            "ACCORDING",
            "Mustafa",
            "a",
            "",
            "abcdefghijKLMNOP",
            "x@[`{",
        ] {
            assert_eq!(
                fold_key(w.as_bytes()),
                fold_key(w.to_ascii_lowercase().as_bytes()),
                "{w}"
            );
        }
        assert_ne!(fold_key(b"said"), fold_key(b"says"));
        // `@` and `[` are not capitals: they must not fold into a backtick or `{`.
        assert_ne!(fold_key(b"@"), fold_key(b"`"));
        assert_ne!(fold_key(b"["), fold_key(b"{"));
        assert_eq!(fold_key(b"abcdefghijklmnopq"), None);
    }

    #[test]
    fn word_table_finds_every_key_in_any_case_and_nothing_else() {
        let mut map: FastMap<Vec<u8>, Word> = FastMap::default();
        let keys: Vec<String> = (0..3000)
            .map(|i| format!("w{i}x"))
            .chain(
                [
                    "a",
                    "said",
                    "abcdefghijklmnop",
                    "abcdefghijklmnopqrst",
                    "don't",
                ]
                .map(String::from),
            )
            .chain(["caf\u{e9}".to_owned()])
            .collect();
        for (n, k) in keys.iter().enumerate() {
            map.insert(
                k.clone().into_bytes(),
                Word {
                    classes: n as u32 + 1,
                    ..Word::default()
                },
            );
        }
        let table = WordTable::from_map(map);
        for (n, k) in keys.iter().enumerate() {
            let classes = |w: &str| table.get(w.as_bytes()).map(|w| w.classes);
            assert_eq!(classes(k), Some(n as u32 + 1), "{k}");
            assert_eq!(classes(&k.to_ascii_uppercase()), Some(n as u32 + 1), "{k}");
        }
        for absent in [
            "",
            "b",
            "sai",
            "saidx",
            "w3000x",
            "abcdefghijklmno",
            "abcdefghijklmnopqrs",
            "caf\u{c9}",
            "a\0",
        ] {
            assert!(table.get(absent.as_bytes()).is_none(), "{absent:?}");
        }
    }

    #[test]
    fn a_word_read_in_its_text_is_the_word_read_alone() {
        let lex = Lexicons::load(&ExtraFiles::default()).unwrap();
        let text = "He SAID, according to Officials in Damascus, that the don\u{2019}t-know \
                    caf\u{e9} spokeswoman-in-chief said";
        let mut start = 0;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            if !c.is_alphanumeric() && !matches!(c, '\'' | '\u{2019}' | '-') {
                for from in start..i {
                    for to in from + 1..=i {
                        if text.is_char_boundary(from) && text.is_char_boundary(to) {
                            let (alone, within) =
                                (lex.word(&text[from..to]), lex.word_in(text, from..to));
                            assert_eq!(
                                format!("{alone:?}"),
                                format!("{within:?}"),
                                "{:?}",
                                &text[from..to]
                            );
                        }
                    }
                }
                start = i + c.len_utf8();
            }
        }
        assert!(lex.word_in(text, 0..2).is(class::PRON));
        assert!(lex.word_in(text, 3..7).cues.is_some());
    }

    #[test]
    fn single_spaced_is_the_split_test_it_stands_for() {
        let slow = |n: &str| {
            n.split(' ')
                .all(|w| !w.is_empty() && !w.contains(char::is_whitespace))
        };
        for n in [
            "",
            " ",
            "Russia",
            "White House",
            "White  House",
            " Russia",
            "Russia ",
            "New\tYork",
            "New\nYork",
            "a\u{b}b",
            "S\u{e3}o Paulo",
            "S\u{e3}o\u{a0}Paulo",
            "x y z",
            "x y  z",
        ] {
            assert_eq!(single_spaced(n), slow(n), "{n:?}");
        }
    }

    #[test]
    fn bad_cue_lines_name_file_and_line() {
        let lex =
            Lexicon::parse("x.txt", "say\tspeech\tverb\tsaid\nfoo\tnoise\tverb\tfoo").unwrap();
        let err = load_cues(&lex).err().unwrap();
        assert_eq!((err.source.as_str(), err.line), ("x.txt", 2));
        let lex = Lexicon::parse("y.txt", "say\tspeech\tverb").unwrap();
        assert_eq!(load_cues(&lex).err().unwrap().line, 1);
        let lex = Lexicon::parse("z.txt", "say\tspeech\tverb\tsaid\tloud").unwrap();
        assert!(load_cues(&lex).err().unwrap().message.contains("loud"));
    }
}
