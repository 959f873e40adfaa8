//! The stage's knowledge, read from the data files (embedded) and the user's extra files.
//!
//! - `cues.txt`: cue phrases with their lemma, class and frame, matched with a
//!   [`PhraseMatcher`] over the whole text;
//! - `words.txt`, `nouns.txt`, `titles.txt`, `first-names.txt`: what one word is, merged
//!   into one table looked up per token ([`Lexicons::word`]);
//! - `gazetteer.txt`: places and organisations by name, matched case-sensitively.

use std::collections::HashMap;
use std::path::PathBuf;

use newsproc_text::{Lexicon, LexiconError, PhraseMatcher};

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

pub struct Lexicons {
    pub cues: PhraseMatcher,
    /// Per entry of the cue matcher's lexicon.
    pub cue_info: Vec<CueInfo>,
    words: HashMap<String, Word>,
    /// Titles of several words, lowercased, split into words.
    pub long_titles: Vec<Vec<String>>,
    pub gazetteer: PhraseMatcher,
    pub gazetteer_kinds: Vec<NameKind>,
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
        let (cues, cue_info) = load_cues(&Lexicon::load("cues.txt", CUES, &extra.cues)?)?;
        let mut words: HashMap<String, Word> = HashMap::new();

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
                other => {
                    return Err(e.error(format!(
                        "unknown word class {other:?} (expected det, poss, pron, obj, prep, conj, aux, neg, adv, rel, sub, time, audience, verb, chain or stop)"
                    )));
                }
            };
            let w = words.entry(e.phrase.to_lowercase()).or_default();
            w.classes |= class;
            if class == class::PRON {
                w.gender = Gender::parse(e.field(1));
                w.plural = e.field(2) == Some("p");
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
            let w = words.entry(e.phrase.to_lowercase()).or_default();
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
                let w = words.entry(parts[0].clone()).or_default();
                w.classes |= class::TITLE;
                let g = Gender::parse(e.field(0));
                if g != Gender::Unknown {
                    w.gender = g;
                }
            } else {
                // Every word of a long title is a title word, so that the name finder
                // keeps the sequence together; the full sequence is checked separately.
                for p in &parts {
                    words.entry(p.clone()).or_default().classes |= class::TITLE;
                }
                long_titles.push(parts);
            }
        }

        for e in Lexicon::load("first-names.txt", FIRST_NAMES, &extra.first_names)?.entries() {
            let w = words.entry(e.phrase.to_lowercase()).or_default();
            w.classes |= class::FIRST_NAME;
            if w.gender == Gender::Unknown {
                w.gender = Gender::parse(e.field(0));
            }
        }

        let gaz = Lexicon::load("gazetteer.txt", GAZETTEER, &extra.gazetteer)?;
        let mut gazetteer_kinds = Vec::with_capacity(gaz.len());
        for e in gaz.entries() {
            gazetteer_kinds.push(match e.field(0) {
                Some("place") => NameKind::Place,
                Some("org") => NameKind::Org,
                Some("gov") => NameKind::Gov,
                other => {
                    return Err(e.error(format!(
                        "unknown kind {other:?} (expected place, org or gov)"
                    )));
                }
            });
        }

        Ok(Lexicons {
            cues,
            cue_info,
            words,
            long_titles,
            gazetteer: gaz.into_matcher(),
            gazetteer_kinds,
        })
    }

    /// What is known about `word` (any case). Unknown words get the default (no class).
    pub fn word(&self, word: &str) -> Word {
        let mut buf = [0u8; 24];
        if word.len() <= buf.len() && word.is_ascii() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            // ASCII bytes are valid UTF-8.
            let key = std::str::from_utf8(lower).unwrap_or("");
            return self.words.get(key).copied().unwrap_or_default();
        }
        if word.len() > 64 {
            return Word::default();
        }
        let key = newsproc_text::fold(word).as_str().to_lowercase();
        self.words.get(&key).copied().unwrap_or_default()
    }
}

/// The cue matcher: one entry per form, with the entry's [`CueInfo`].
fn load_cues(lex: &Lexicon) -> Result<(PhraseMatcher, Vec<CueInfo>), LexiconError> {
    let mut forms = Lexicon::new("cue forms");
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
        for form in list.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            let id = infos.len().to_string();
            forms.insert(form, &[&id]);
            infos.push(CueInfo {
                lemma: e.phrase.clone(),
                class,
                frame,
                participle: form.split(' ').next().is_some_and(|w| w.ends_with("ing")),
                bare: e
                    .fields
                    .iter()
                    .skip(3)
                    .any(|f| f.split_whitespace().any(|w| w == "bare")),
                naming: e
                    .fields
                    .iter()
                    .skip(3)
                    .any(|f| f.split_whitespace().any(|w| w == "naming")),
            });
        }
    }
    // Entries of `forms` keep insertion order except when a form is listed twice (the
    // later one wins), so resolve the info through the id field rather than the index.
    let mut by_entry = Vec::with_capacity(forms.len());
    for e in forms.entries() {
        let id: usize = e.field(0).and_then(|s| s.parse().ok()).unwrap_or(0);
        by_entry.push(infos[id.min(infos.len().saturating_sub(1))].clone());
    }
    Ok((forms.into_matcher(), by_entry))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_lists_load() {
        let lex = Lexicons::load(&ExtraFiles::default()).unwrap();
        assert!(lex.word("The").is(class::DET));
        assert!(lex.word("he").is(class::PRON));
        assert_eq!(lex.word("She").gender, Gender::Female);
        assert!(lex.word("Colonel").is(class::TITLE));
        assert!(lex.word("Lt").is(class::TITLE));
        assert_eq!(lex.word("officials").noun, Some(NounKind::People));
        assert!(lex.word("officials").anon);
        assert!(lex.word("Hillary").is(class::FIRST_NAME));
        assert_eq!(lex.word("Hillary").gender, Gender::Female);
        assert_eq!(lex.word("zzz").classes, 0);
        let found: Vec<_> = lex
            .cues
            .find_all("He said it, according to them, and pointed out that")
            .iter()
            .map(|m| lex.cue_info[m.index].lemma.clone())
            .collect();
        assert_eq!(found, ["say", "according to", "point out"]);
    }

    #[test]
    fn bad_cue_lines_name_file_and_line() {
        let lex =
            Lexicon::parse("x.txt", "say\tspeech\tverb\tsaid\nfoo\tnoise\tverb\tfoo").unwrap();
        let err = load_cues(&lex).err().unwrap();
        assert_eq!((err.source.as_str(), err.line), ("x.txt", 2));
        let lex = Lexicon::parse("y.txt", "say\tspeech\tverb").unwrap();
        assert_eq!(load_cues(&lex).err().unwrap().line, 1);
    }
}
