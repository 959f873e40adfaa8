//! The word lists the stage reads, built once: the embedded lists in `data/` plus the
//! user's files from the pipeline configuration.

use std::path::PathBuf;

use newsproc_sdk::ConfigError;
use newsproc_text::{Lexicon, PhraseMatcher};

use crate::Config;

/// The compiled word lists.
#[derive(Debug)]
pub(crate) struct Lexicons {
    /// Verbs and phrases of saying: `said`, `told`, `according to`.
    pub speech_verbs: PhraseMatcher,
    /// What introduces a quoted term: `so-called`, `dubbed`, `the word`.
    pub term_markers: PhraseMatcher,
    /// What introduces a title or name: `the book`, `titled`, `Operation`.
    pub title_markers: PhraseMatcher,
    /// Pronouns and auxiliaries that make a quotation a clause: `we`, `is`, `will`.
    pub clause_words: Lexicon,
}

impl Lexicons {
    pub fn load(config: &Config) -> Result<Lexicons, ConfigError> {
        Ok(Lexicons {
            speech_verbs: load(
                "speech_verbs",
                "speech-verbs.txt",
                include_str!("../data/speech-verbs.txt"),
                &config.speech_verbs,
            )?
            .into_matcher(),
            term_markers: load(
                "term_markers",
                "term-markers.txt",
                include_str!("../data/term-markers.txt"),
                &config.term_markers,
            )?
            .into_matcher(),
            title_markers: load(
                "title_markers",
                "title-markers.txt",
                include_str!("../data/title-markers.txt"),
                &config.title_markers,
            )?
            .into_matcher(),
            clause_words: load(
                "clause_words",
                "clause-words.txt",
                include_str!("../data/clause-words.txt"),
                &config.clause_words,
            )?,
        })
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
