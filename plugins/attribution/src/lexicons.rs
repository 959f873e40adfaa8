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
use std::path::PathBuf;

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

/// The word table: open addressing over lowercased keys, looked up with a hash computed
/// on the fly over ASCII-lowercased bytes, so that a token is looked up without copying
/// or lowercasing it first. The probe array holds small indices so that it stays in the
/// first-level cache; keys are only compared when the hashes agree.
#[derive(Clone, Debug, Default)]
struct WordTable {
    /// Index + 1 into `entries`, or 0 for an empty slot; the length is a power of two.
    slots: Vec<u32>,
    entries: Vec<(u64, Box<[u8]>, Word)>,
    longest: usize,
}

impl WordTable {
    fn from_map(map: FastMap<Vec<u8>, Word>) -> WordTable {
        let cap = (map.len() * 2).next_power_of_two().max(16);
        let mut t = WordTable {
            slots: vec![0; cap],
            entries: Vec::with_capacity(map.len()),
            longest: 0,
        };
        let mask = cap - 1;
        for (key, word) in map {
            t.longest = t.longest.max(key.len());
            let h = fold_hash(&key);
            let mut i = h as usize & mask;
            while t.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            t.entries.push((h, key.into_boxed_slice(), word));
            t.slots[i] = t.entries.len() as u32;
        }
        t
    }

    fn get(&self, word: &[u8]) -> Option<&Word> {
        if word.len() > self.longest || self.slots.is_empty() {
            return None;
        }
        let h = fold_hash(word);
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return None;
            }
            let (kh, key, w) = &self.entries[slot as usize - 1];
            if *kh == h && key.eq_ignore_ascii_case(word) {
                return Some(w);
            }
            i = (i + 1) & mask;
        }
    }
}

/// A multiplicative hash over the bytes with ASCII capitals lowercased, eight bytes at a
/// time (capitals found with SWAR arithmetic, valid for bytes below 0x80; other bytes
/// hash as they are, which only matters for collisions).
fn fold_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    const LO: u64 = 0x0101_0101_0101_0101;
    let mut h: u64 = bytes.len() as u64;
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    // Whole chunks load directly; the tail is assembled byte by byte (same value as a
    // zero-padded chunk) because a short `copy_from_slice` compiles to a `memcpy` call
    // whose store stalls the load that follows.
    let tail = (!tail.is_empty()).then(|| {
        tail.iter()
            .rev()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
    });
    let words = chunks.map(|c| u64::from_le_bytes(c.try_into().expect("eight bytes")));
    for v in words.chain(tail) {
        // A byte below 0x80 is a capital when b + 0x3F reaches 0x80 and b + 0x25 does not.
        let ascii = !v & (LO * 0x80);
        let upper = (v & !(LO * 0x80)).wrapping_add(LO * 0x3F)
            & !(v & !(LO * 0x80)).wrapping_add(LO * 0x25)
            & ascii;
        let lower = v | (upper >> 2);
        h = (h.rotate_left(5) ^ lower).wrapping_mul(K);
    }
    // The low bits of a product depend only on the low bits of its factors and the table
    // indexes with the low bits: finish with a full avalanche (MurmurHash3's fmix64) so
    // that words alike in their first bytes do not pile up in one probe run.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
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
    pub lemma: String,
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
        let plain = name
            .split(' ')
            .all(|w| !w.is_empty() && !w.contains(char::is_whitespace));
        if plain {
            return self.gazetteer.get(name).copied();
        }
        let single: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
        self.gazetteer.get(&single).copied()
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
                lemma: e.phrase.clone(),
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
    fn fold_hash_ignores_ascii_case() {
        for w in [
            "said",
            "ACCORDING",
            "Mustafa",
            "a",
            "",
            "abcdefghijKLMNOPQRstuvwxyz",
            "x@[`{",
        ] {
            assert_eq!(
                fold_hash(w.as_bytes()),
                fold_hash(w.to_ascii_lowercase().as_bytes()),
                "{w}"
            );
        }
        assert_ne!(fold_hash(b"said"), fold_hash(b"says"));
        // `@` and `[` are not capitals: they must not collide with a backtick or `{`.
        assert_ne!(fold_hash(b"@"), fold_hash(b"`"));
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
