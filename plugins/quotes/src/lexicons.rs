//! The word lists the stage reads, built once: the embedded lists in `data/` plus the
//! user's files from the pipeline configuration.
//!
//! The three lists of phrases that mark a quotation's context (verbs of saying, term
//! markers, title markers) are matched together, in one pass over a document: a phrase
//! on several lists carries each of their roles.

use std::collections::HashMap;
use std::path::PathBuf;

use newsproc_sdk::{ConfigError, Span};
use newsproc_text::{Lexicon, LexiconError, PhraseMatcher};

use crate::Config;

/// What a phrase of the marker lists says about a quotation next to it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Roles(u8);

impl Roles {
    /// A verb or phrase of saying: `said`, `according to`.
    pub const SPEECH: Roles = Roles(1);
    /// Introduces a quoted term: `so-called`, `dubbed`, `the word`.
    pub const TERM: Roles = Roles(2);
    /// Introduces a title or name: `the book`, `titled`, `Operation`.
    pub const TITLE: Roles = Roles(4);
    /// A verb of saying whose object is the person spoken to: `told`, `asked`.
    pub const ADDRESSEE: Roles = Roles(8);

    pub fn has(self, role: Roles) -> bool {
        self.0 & role.0 != 0
    }

    fn field(self) -> String {
        self.0.to_string()
    }

    fn parse(field: Option<&str>) -> Roles {
        Roles(field.and_then(|f| f.parse().ok()).unwrap_or(0))
    }
}

/// One phrase of the marker lists found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marker {
    pub span: Span,
    pub roles: Roles,
}

/// The compiled word lists.
#[derive(Debug)]
pub(crate) struct Lexicons {
    /// Verbs of saying, term markers and title markers, in one matcher whose entries
    /// carry their [`Roles`] as their first field.
    markers: PhraseMatcher,
    /// Function words by class.
    pub words: FunctionWords,
}

/// The function words of `data/function-words.txt`, one set per class.
#[derive(Debug, Default)]
pub(crate) struct FunctionWords {
    /// Pronouns and auxiliaries that make a quotation a clause: `we`, `is`, `will`.
    pub clause: WordSet,
    /// Open a relative or subordinate clause: `which`, `because`.
    pub opener: WordSet,
    pub preposition: WordSet,
    /// Put what follows inside a noun phrase: `the`, `his`, `some`.
    pub determiner: WordSet,
    /// Make a word of saying after them a noun: `the`, `his` (not `some`).
    pub article: WordSet,
    /// Personal pronouns that can stand for a speaker: `he`, `they`.
    pub pronoun: WordSet,
    /// Words between a speaker and the verb of saying: `also`, `had`.
    pub filler: WordSet,
    /// Forms of `be`: `was asked` is passive.
    pub passive: WordSet,
    /// Words that tell a man (`he`, `Mr`) or a woman (`she`, `Ms`).
    pub male: WordSet,
    pub female: WordSet,
}

impl FunctionWords {
    const CLASSES: &'static [&'static str] = &[
        "clause",
        "opener",
        "preposition",
        "determiner",
        "article",
        "pronoun",
        "filler",
        "passive",
        "male",
        "female",
    ];

    fn from_lexicon(lexicon: &Lexicon) -> Result<FunctionWords, LexiconError> {
        let mut classes: [Vec<&str>; 10] = Default::default();
        for entry in lexicon.entries() {
            if entry.fields.is_empty() {
                return Err(entry.error("a function word needs a class: clause, opener, preposition, determiner, article, pronoun, filler, passive, male or female"));
            }
            for field in &entry.fields {
                let Some(k) = Self::CLASSES.iter().position(|c| c == field) else {
                    return Err(entry.error(format!(
                        "unknown class `{field}` (the classes are: {})",
                        Self::CLASSES.join(", ")
                    )));
                };
                classes[k].push(&entry.phrase);
            }
        }
        let [
            clause,
            opener,
            preposition,
            determiner,
            article,
            pronoun,
            filler,
            passive,
            male,
            female,
        ] = classes.map(WordSet::new);
        Ok(FunctionWords {
            clause,
            opener,
            preposition,
            determiner,
            article,
            pronoun,
            filler,
            passive,
            male,
            female,
        })
    }
}

impl Lexicons {
    pub fn load(config: &Config) -> Result<Lexicons, ConfigError> {
        let lists = [
            (
                Roles::SPEECH,
                load(
                    "speech_verbs",
                    "speech-verbs.txt",
                    include_str!("../data/speech-verbs.txt"),
                    &config.speech_verbs,
                )?,
            ),
            (
                Roles::TERM,
                load(
                    "term_markers",
                    "term-markers.txt",
                    include_str!("../data/term-markers.txt"),
                    &config.term_markers,
                )?,
            ),
            (
                Roles::TITLE,
                load(
                    "title_markers",
                    "title-markers.txt",
                    include_str!("../data/title-markers.txt"),
                    &config.title_markers,
                )?,
            ),
        ];
        // Merge the lists; a phrase on several of them takes all their roles. Matching is
        // case-insensitive, so phrases that differ only in case are one entry.
        let mut roles: HashMap<String, Roles> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for (role, lexicon) in &lists {
            for entry in lexicon.entries() {
                let key = entry.phrase.to_lowercase();
                let slot = roles.entry(key.clone()).or_insert_with(|| {
                    order.push(key);
                    Roles::default()
                });
                slot.0 |= role.0;
                match entry.field(0) {
                    None => {}
                    Some("addressee") if *role == Roles::SPEECH => slot.0 |= Roles::ADDRESSEE.0,
                    Some(other) => {
                        return Err(ConfigError::new(
                            entry
                                .error(format!("unknown field `{other}` (the only one is `addressee`, for verbs of saying)"))
                                .to_string(),
                        ));
                    }
                }
            }
        }
        let mut markers = Lexicon::new("quotation markers");
        for phrase in &order {
            markers.insert(phrase, &[&roles[phrase].field()]);
        }
        let function_words = load(
            "function_words",
            "function-words.txt",
            include_str!("../data/function-words.txt"),
            &config.function_words,
        )?;
        let words = FunctionWords::from_lexicon(&function_words)
            .map_err(|e| ConfigError::at_key("function_words", e.to_string()))?;
        Ok(Lexicons {
            markers: markers.into_matcher(),
            words,
        })
    }

    /// Every marker phrase in `text`, in order, not overlapping.
    #[cfg(test)]
    pub fn markers(&self, text: &str) -> Vec<Marker> {
        self.markers_in(text, Span::new(0, text.len()))
    }

    /// Whether `word` is one of the verbs of saying.
    pub fn is_speech_verb(&self, word: &str) -> bool {
        self.markers
            .lexicon()
            .get(word)
            .is_some_and(|e| Roles::parse(e.field(0)).has(Roles::SPEECH))
    }

    /// The marker phrases inside `span` of `text`, in order, not overlapping.
    pub fn markers_in(&self, text: &str, span: Span) -> Vec<Marker> {
        self.markers
            .find_in(text, span)
            .into_iter()
            .map(|m| Marker {
                span: m.span,
                roles: Roles::parse(m.entry.field(0)),
            })
            .collect()
    }
}

/// One list: the embedded file, then the user's files in order. An error names the
/// configuration key, the file and the line.
fn load(
    key: &str,
    name: &str,
    embedded: &str,
    user_files: &[PathBuf],
) -> Result<Lexicon, ConfigError> {
    Lexicon::load(name, embedded, user_files).map_err(|e| ConfigError::at_key(key, e.to_string()))
}

/// A set of single words, looked up without allocating: case-insensitive, curly
/// apostrophes folded to straight ones (`I’m` is `i'm`). A sorted list: the sets are
/// small, and a binary search over it beats hashing each word.
#[derive(Debug, Default)]
pub(crate) struct WordSet {
    words: Vec<Box<[u8]>>,
    longest: usize,
}

/// Words longer than this (in bytes, normalised) are never in a [`WordSet`].
const MAX_WORD: usize = 48;

impl WordSet {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordSet {
        let mut set = WordSet::default();
        let mut buf = [0u8; MAX_WORD];
        for w in words {
            if let Some(n) = normalise(w, &mut buf) {
                set.longest = set.longest.max(n);
                set.words.push(buf[..n].into());
            }
        }
        set.words.sort_unstable();
        set.words.dedup();
        set
    }

    pub fn contains(&self, word: &str) -> bool {
        // A curly apostrophe is three bytes for one: allow for a few.
        if word.is_empty() || word.len() > self.longest + 8 {
            return false;
        }
        let mut buf = [0u8; MAX_WORD];
        match normalise(word, &mut buf) {
            Some(n) => self
                .words
                .binary_search_by(|w| (**w).cmp(&buf[..n]))
                .is_ok(),
            None => false,
        }
    }
}

/// `word` lower-cased with curly apostrophes straightened, into `buf`; its length, or
/// `None` when it does not fit.
fn normalise(word: &str, buf: &mut [u8; MAX_WORD]) -> Option<usize> {
    if word.is_ascii() {
        let bytes = word.as_bytes();
        let out = buf.get_mut(..bytes.len())?;
        out.copy_from_slice(bytes);
        out.make_ascii_lowercase();
        return Some(bytes.len());
    }
    let mut n = 0;
    for c in word.chars() {
        let c = if matches!(c, '\u{2019}' | '\u{2018}') {
            '\''
        } else {
            c
        };
        for lower in c.to_lowercase() {
            let len = lower.len_utf8();
            if n + len > MAX_WORD {
                return None;
            }
            lower.encode_utf8(&mut buf[n..n + len]);
            n += len;
        }
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sets_fold_case_and_apostrophes() {
        let set = WordSet::new(["I'm", "we", "don't"]);
        assert!(set.contains("i’m"));
        assert!(set.contains("We"));
        assert!(set.contains("DON’T"));
        assert!(!set.contains("wee"));
        assert!(!set.contains(""));
        assert!(!set.contains(&"x".repeat(500)));
    }

    #[test]
    fn marker_lists_merge_their_roles() {
        let lex = Lexicons::load(&Config::default()).unwrap();
        let text = "the so-called plan, titled Hope, was called off, he said";
        let found: Vec<(&str, Roles)> = lex
            .markers(text)
            .iter()
            .map(|m| (m.span.of(text), m.roles))
            .collect();
        assert_eq!(
            found,
            [
                ("so-called", Roles::TERM),
                ("plan", Roles::TITLE),
                ("titled", Roles::TITLE),
                ("called", Roles::TERM),
                ("said", Roles::SPEECH),
            ]
        );
    }
}
