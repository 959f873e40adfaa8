//! Attribution extraction: every reported-speech relation (who said what, and through
//! which cue), with sources resolved to entities and typed.
//!
//! The stage reads the text in four steps, each in its own module:
//!
//! 1. [`doc`]: tokens, what the lexicons know of each word, top-level quotations, and
//!    *units* (sentences that no quotation crosses).
//! 2. [`relations`]: every cue of the cue lexicon (`said`, `told`, `according to`,
//!    `believes`, ...) is read against the clause patterns of news copy
//!    ([`grammar`] finds the noun phrases); a colon or dash before a quotation is a cue
//!    too; quotation-only units continue the direct relation before them.
//! 3. [`entities`]: each source mention is read: name, title, role, affiliation, kind.
//! 4. [`resolve`]: mentions are linked into entities (surnames, acronyms, head nouns),
//!    pronouns resolved by salience and gender; spans and kinds computed; relations in
//!    boilerplate flagged or dropped.
//!
//! All knowledge is in `data/` (cues, function words, nouns, titles, given names, a
//! gazetteer), and each list can be extended from the pipeline configuration.

pub mod doc;
pub mod entities;
pub mod grammar;
pub mod lexicons;
pub mod relations;
pub mod report;
pub mod resolve;

use std::path::PathBuf;

use newsproc_layers::attribution::AttributionLayer;
use newsproc_layers::names;
use newsproc_layers::source::OutsideBody;
use newsproc_sdk::{ConfigError, Document, Stage, StageError};
use serde::{Deserialize, Serialize};

use crate::doc::{Doc, NONE};
use crate::entities::Namer;
use crate::grammar::Grammar;
use crate::lexicons::{CueClass, ExtraFiles, Lexicons};
use crate::relations::Extractor;
use crate::resolve::Resolver;

/// The stage's configuration keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Extra cue files (format of `data/cues.txt`).
    pub extra_cues: Vec<PathBuf>,
    /// Extra word-class files (format of `data/words.txt`).
    pub extra_words: Vec<PathBuf>,
    /// Extra source-noun files (format of `data/nouns.txt`).
    pub extra_nouns: Vec<PathBuf>,
    /// Extra title files (format of `data/titles.txt`).
    pub extra_titles: Vec<PathBuf>,
    /// Extra given-name files (format of `data/first-names.txt`).
    pub extra_first_names: Vec<PathBuf>,
    /// Extra gazetteer files (format of `data/gazetteer.txt`).
    pub extra_gazetteer: Vec<PathBuf>,
    /// Which cue classes make relations: any of `speech`, `belief`, `stance`, `evidence`.
    pub cue_classes: Vec<String>,
    /// What to do with relations outside the article's running text (boilerplate,
    /// captions, credit lines): `flag` (keep, `in_boilerplate: true`) or `drop`.
    pub boilerplate: String,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            extra_cues: Vec::new(),
            extra_words: Vec::new(),
            extra_nouns: Vec::new(),
            extra_titles: Vec::new(),
            extra_first_names: Vec::new(),
            extra_gazetteer: Vec::new(),
            cue_classes: vec![
                "speech".into(),
                "belief".into(),
                "stance".into(),
                "evidence".into(),
            ],
            boilerplate: "flag".into(),
        }
    }
}

pub struct AttributionStage {
    lex: Lexicons,
    classes: Vec<CueClass>,
    drop_boilerplate: bool,
}

impl Stage for AttributionStage {
    const NAME: &'static str = "attribution";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str =
        "Who said what: reported-speech relations with sources resolved and typed.";
    const PROVIDES: &'static str = names::ATTRIBUTION;
    const REQUIRES: &'static [&'static str] = &[names::SOURCE];
    type Config = Config;
    type Output = AttributionLayer;

    fn config_docs() -> &'static [(&'static str, &'static str)] {
        &[
            (
                "extra_cues",
                "extra cue files: `lemma<TAB>class<TAB>frame<TAB>forms`, as data/cues.txt",
            ),
            (
                "extra_words",
                "extra word-class files: `word<TAB>class`, as data/words.txt",
            ),
            (
                "extra_nouns",
                "extra source-noun files: `noun<TAB>kind<TAB>gender<TAB>flags`, as data/nouns.txt",
            ),
            (
                "extra_titles",
                "extra title files: `title<TAB>gender`, as data/titles.txt",
            ),
            (
                "extra_first_names",
                "extra given-name files: `name<TAB>m|f`, as data/first-names.txt",
            ),
            (
                "extra_gazetteer",
                "extra gazetteer files: `name<TAB>place|org|gov`, as data/gazetteer.txt",
            ),
            (
                "cue_classes",
                "cue classes that make relations: speech, belief, evidence (default: all)",
            ),
            (
                "boilerplate",
                "relations in boilerplate: `flag` (keep, marked in_boilerplate) or `drop`",
            ),
        ]
    }

    fn new(config: Config) -> Result<Self, ConfigError> {
        let extra = ExtraFiles {
            cues: config.extra_cues,
            words: config.extra_words,
            nouns: config.extra_nouns,
            titles: config.extra_titles,
            first_names: config.extra_first_names,
            gazetteer: config.extra_gazetteer,
        };
        let key_of = |source: &str| -> &'static str {
            let is = |list: &[PathBuf]| list.iter().any(|p| p.display().to_string() == source);
            if is(&extra.cues) {
                "extra_cues"
            } else if is(&extra.words) {
                "extra_words"
            } else if is(&extra.nouns) {
                "extra_nouns"
            } else if is(&extra.titles) {
                "extra_titles"
            } else if is(&extra.first_names) {
                "extra_first_names"
            } else if is(&extra.gazetteer) {
                "extra_gazetteer"
            } else {
                ""
            }
        };
        let lex = Lexicons::load(&extra).map_err(|e| {
            let key = key_of(&e.source);
            if key.is_empty() {
                ConfigError::new(e.to_string())
            } else {
                ConfigError::at_key(key, e.to_string())
            }
        })?;
        let mut classes = Vec::new();
        for c in &config.cue_classes {
            classes.push(match c.as_str() {
                "speech" => CueClass::Speech,
                "belief" => CueClass::Belief,
                "stance" => CueClass::Stance,
                "evidence" => CueClass::Evidence,
                other => {
                    return Err(ConfigError::at_key(
                        "cue_classes",
                        format!(
                            "unknown cue class `{other}` (expected speech, belief, stance or evidence)"
                        ),
                    ));
                }
            });
        }
        let drop_boilerplate = match config.boilerplate.as_str() {
            "flag" => false,
            "drop" => true,
            other => {
                return Err(ConfigError::at_key(
                    "boilerplate",
                    format!("unknown value `{other}` (expected `flag` or `drop`)"),
                ));
            }
        };
        Ok(AttributionStage {
            lex,
            classes,
            drop_boilerplate,
        })
    }

    fn process(&self, doc: &Document) -> Result<AttributionLayer, StageError> {
        let source: Option<OutsideBody> = doc.layer(names::SOURCE)?;
        Ok(self.extract(&doc.text, source.as_ref()))
    }

    fn report(&self, doc: &Document<'_>, output: &AttributionLayer) -> String {
        report::render(&doc.text, output)
    }
}

impl AttributionStage {
    /// The layer for one text; `source` is what the source layer says of the text's
    /// dateline and boilerplate, when there is one (`OutsideBody::from` a whole layer).
    pub fn extract(&self, text: &str, source: Option<&OutsideBody>) -> AttributionLayer {
        // The dateline (`AMMAN (Reuters) -`) opens the first sentence but is no part of
        // what anyone said.
        let skip_to = source
            .and_then(OutsideBody::dateline)
            .map_or(0, |dl| dl.end.min(text.len()));
        let d = Doc::new(text, &self.lex, skip_to);
        let cue_at = self.find_cues(&d);
        let grammar = Grammar {
            doc: &d,
            cue_at: &cue_at,
        };
        let rels = Extractor {
            g: &grammar,
            lex: &self.lex,
        }
        .extract();
        let namer = Namer::new(&d, &self.lex);
        Resolver {
            doc: &d,
            namer: &namer,
            grammar: &grammar,
        }
        .layer(&rels, source, self.drop_boilerplate)
    }
}

impl AttributionStage {
    /// Per token: the cue form (index into `cue_info`) starting there, or [`NONE`]. A
    /// phrase is found through its first word's table entry; the longest one that the
    /// following words complete wins. Only the configured cue classes count.
    fn find_cues(&self, d: &Doc<'_>) -> Vec<u32> {
        let mut cue_at = vec![NONE; d.toks.len()];
        for (i, w) in d.words.iter().enumerate() {
            let Some(k) = w.cues else {
                continue;
            };
            let Some(list) = self.lex.cue_starts.get(k as usize) else {
                continue;
            };
            for phrase in list {
                let complete = phrase
                    .rest
                    .iter()
                    .enumerate()
                    .all(|(n, word)| d.toks.get(i + 1 + n).is_some_and(|t| t.is(d.text, word)));
                if !complete {
                    continue;
                }
                let class = self.lex.cue_info.get(phrase.info as usize).map(|c| c.class);
                if class.is_some_and(|c| self.classes.contains(&c)) {
                    cue_at[i] = phrase.info;
                }
                break;
            }
        }
        cue_at
    }
}

newsproc_sdk::export_stage!(AttributionStage);
