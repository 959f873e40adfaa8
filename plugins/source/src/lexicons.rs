//! The stage's knowledge, read once from the files in `data/` and the user's extra files.
//!
//! | file | what |
//! |---|---|
//! | `agencies.txt`, `agencies-cased.txt` | news agencies and their canonical names |
//! | `outlets.txt`, `outlets-cased.txt` | outlets (publishers) and their canonical names |
//! | `syndicates.txt` | distributors of columns and photos: neither publishers nor agencies |
//! | `places.txt` | places that may head a dateline on their own (`BERLIN --`) |
//! | `regions.txt` | regions after a dateline's place (`Calif.`, `Ukraine`) |
//! | `boilerplate.txt` | cue phrases of text that is not the article, with a kind and a rule |
//! | `outlet-cues.txt` | phrases next to an outlet's name that make it the publisher |
//! | `credits.txt` | phrases of credit lines and the role they give (`Reporting by`) |
//! | `descriptions.txt` | journalists' roles and what outlets call themselves, for closing notes |
//! | `columns.txt` | outlets' opinion sections and the chrome that marks a column |
//!
//! Names come in two lists each: the `-cased` list matches with exact case, for names that
//! are also ordinary words or someone's initials (`AP`, `Vox`, `The Hill`). A user file
//! goes to the case-sensitive list when it contains a `#!case-sensitive` line, to the other
//! otherwise; its `!name` lines remove a name from both.

use std::path::{Path, PathBuf};

use newsproc_layers::source::BoilerplateKind;
use newsproc_text::{LazyMatcher, Lexicon, LexiconError};

/// The configuration key a file came from, with the error, so that the host can point at
/// the key in the pipeline file.
#[derive(Debug)]
pub struct LoadError {
    pub key: &'static str,
    pub error: LexiconError,
}

/// The user's extra files, by kind.
#[derive(Clone, Copy, Debug, Default)]
pub struct ExtraFiles<'a> {
    pub agencies: &'a [PathBuf],
    pub outlets: &'a [PathBuf],
    pub places: &'a [PathBuf],
    pub regions: &'a [PathBuf],
    pub boilerplate: &'a [PathBuf],
    pub outlet_cues: &'a [PathBuf],
    pub syndicates: &'a [PathBuf],
    pub descriptions: &'a [PathBuf],
    pub credits: &'a [PathBuf],
    pub columns: &'a [PathBuf],
}

/// Whether a name is an agency (it supplies copy), an outlet (it publishes) or a
/// syndicate (it distributes columns or photos: neither).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Agency,
    Outlet,
    Syndicate,
}

/// One occurrence of an agency's or an outlet's name in a text.
#[derive(Clone, Copy, Debug)]
pub struct NameMention<'l> {
    pub span: newsproc_sdk::Span,
    pub canonical: &'l str,
    pub kind: NameKind,
}

/// Where a boilerplate cue must be for its paragraph to count as boilerplate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueRule {
    /// The cue is the whole paragraph (`Advertisement`, `Read more`).
    Line,
    /// The paragraph starts with the cue (`Correction:`, `Reporting by`).
    Start,
    /// The cue may be anywhere in a short paragraph (`delivered to your inbox`).
    Any,
    /// Two different weak cues in a short paragraph make it boilerplate (`newsletter`,
    /// `subscribe`).
    Weak,
    /// In a long paragraph (copy that lost its line breaks), the cue starts trailing
    /// boilerplate that runs to the end of the paragraph (`Our Standards:`, `Tags`).
    Tail,
    /// Opens a block of several paragraphs (`A Message from`, `Dear readers`): an appeal.
    Opener,
    /// Closes a block opened by an [`CueRule::Opener`] (`Remind me later`).
    Closer,
}

/// What a boilerplate cue says.
#[derive(Clone, Copy, Debug)]
pub struct CueInfo {
    pub kind: BoilerplateKind,
    pub rule: CueRule,
    /// The cue must match with the case written in the file.
    pub cased: bool,
}

/// One boilerplate cue found in a text.
#[derive(Clone, Copy, Debug)]
pub struct Cue {
    pub span: newsproc_sdk::Span,
    pub info: CueInfo,
}

/// Which side of an outlet's name a cue phrase stands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Before,
    After,
}

/// How strongly a cue phrase next to a name makes the name the publisher.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// `first appeared in X`, `republished with the permission of X`: X published the text
    /// first, and this copy is someone else's republication. Never evidence for X.
    Origin,
    /// `told X`: the outlet did the reporting, and others often cite it like that.
    Weak,
    /// `X has learned`, `X correspondent`: the outlet speaking of itself.
    Strong,
}

/// An outlet cue: a phrase that, next to an outlet's name, makes it the publisher.
#[derive(Clone, Copy, Debug)]
pub struct OutletCue {
    /// Where the phrase stands relative to the name.
    pub side: Side,
    pub strength: Strength,
    /// The phrase counts only when no personal name follows it: `X reporter said` is
    /// the house's own copy, `X reporter Jane Roe` how others cite X's journalists.
    pub unnamed: bool,
}

/// What a phrase of the text-wide matcher means. One phrase may mean several things
/// (`Getty Images` is a syndicate and a caption cue).
#[derive(Clone, Debug)]
enum Meaning {
    Name { canonical: String, kind: NameKind },
    Cue(CueInfo),
    Credit(CreditPhrase),
}

/// A matcher over phrases and what each phrase means.
struct Table {
    matcher: LazyMatcher,
    meanings: Vec<Vec<Meaning>>,
}

/// Everything the stage looks for all over a text, found in one pass: agency, outlet and
/// syndicate names, boilerplate cues, credit phrases.
#[derive(Debug, Default)]
pub struct Scan<'l> {
    pub names: Vec<NameMention<'l>>,
    pub cues: Vec<Cue>,
    pub credits: Vec<CreditMatch>,
}

pub struct Lexicons {
    /// Names, cues and credit phrases matched ignoring case, and those matched with
    /// exact case (`AP`, `Vox`): two passes over a text find them all.
    folded: Table,
    cased: Table,
    pub places: Lexicon,
    pub regions: Lexicon,
    /// The whole-paragraph cues, for lookups of a paragraph's text.
    line_cues: Lexicon,
    line_cue_info: Vec<CueInfo>,
    /// The longest whole-paragraph cue, in bytes (with room for typographic variants).
    longest_line_cue: usize,
    /// Outlet cues with `_` for the name (`told _`, `_ has learned`).
    outlet_cues: Lexicon,
    outlet_cue_info: Vec<OutletCue>,
    /// The longest outlet cue, in words: how far from a name to look.
    pub outlet_cue_words: usize,
    /// The words of outlet cues next to the name, lowercased (`told` in `told _`, `has`
    /// in `_ has learned`): a cheap test before the lookups.
    outlet_cue_edges: [std::collections::HashSet<String>; 2],
    descriptions: LazyMatcher,
    /// For each description entry: true for an author's role, false for an outlet's.
    description_author: Vec<bool>,
    /// Outlets' opinion sections: the outlet's canonical name and the section's label.
    sections: Vec<(String, String)>,
    /// Chrome phrases that mark a column, lowercased (`read more from`).
    column_markers: Vec<String>,
    /// Phrases of an author's note that mark the text as a signed column (`The views
    /// expressed in this commentary are`, `syndicated columnist`).
    signed_marks: LazyMatcher,
    /// Syndicates whose copyright line marks a syndicated column, by canonical name.
    column_syndicates: Vec<String>,
    /// What may open an author's note before the name (`Editor's note:`), folded.
    note_leads: Vec<String>,
    /// Honorifics before an author's name in the note (`Sen.`).
    note_titles: Vec<String>,
}

/// What a credit phrase says about the names next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreditPhrase {
    /// A desk role; the names follow (`Editing by`).
    Desk(newsproc_layers::source::CreditRole),
    /// The names come before (`contributed to this report`).
    ContributedAfter,
    /// The names follow, at the start of a line (`Contributing:`).
    ContributedBefore,
    /// The agencies or outlets the copy drew on follow (`Source: AFP`).
    Source,
}

/// One credit phrase found in a text.
#[derive(Clone, Copy, Debug)]
pub struct CreditMatch {
    pub span: newsproc_sdk::Span,
    pub phrase: CreditPhrase,
}

const AGENCIES: &str = include_str!("../data/agencies.txt");
const AGENCIES_CASED: &str = include_str!("../data/agencies-cased.txt");
const OUTLETS: &str = include_str!("../data/outlets.txt");
const OUTLETS_CASED: &str = include_str!("../data/outlets-cased.txt");
const PLACES: &str = include_str!("../data/places.txt");
const REGIONS: &str = include_str!("../data/regions.txt");
const BOILERPLATE: &str = include_str!("../data/boilerplate.txt");
const OUTLET_CUES: &str = include_str!("../data/outlet-cues.txt");
const SYNDICATES: &str = include_str!("../data/syndicates.txt");
const COLUMNS: &str = include_str!("../data/columns.txt");
const DESCRIPTIONS: &str = include_str!("../data/descriptions.txt");
const CREDITS: &str = include_str!("../data/credits.txt");

/// A pair of lists, one matched ignoring case and one with exact case.
struct CasedPair {
    folded: Lexicon,
    cased: Lexicon,
}

impl CasedPair {
    fn load(
        key: &'static str,
        name: &str,
        folded: &str,
        cased_name: &str,
        cased: &str,
        user: &[PathBuf],
    ) -> Result<CasedPair, LoadError> {
        let err = |error| LoadError { key, error };
        let mut pair = CasedPair {
            folded: Lexicon::parse(name, folded)
                .map_err(err)?
                .case_sensitive(false),
            cased: Lexicon::parse(cased_name, cased)
                .map_err(err)?
                .case_sensitive(true),
        };
        for path in user {
            pair.add_user_file(path).map_err(err)?;
        }
        Ok(pair)
    }

    fn add_user_file(&mut self, path: &Path) -> Result<(), LexiconError> {
        let content = read_user_file(path)?;
        let name = path.display().to_string();
        let sensitive = content.lines().any(|l| l.trim() == "#!case-sensitive");
        let target = if sensitive {
            &mut self.cased
        } else {
            &mut self.folded
        };
        target.add_str(&name, &content)?;
        // The lists' own mode stays: a user file decides only where its entries go.
        self.folded.set_case_sensitive(false);
        self.cased.set_case_sensitive(true);
        // A removal applies to both lists.
        for line in content.lines() {
            if let Some(removed) = line.trim().strip_prefix('!') {
                self.folded.remove(removed.trim());
                self.cased.remove(removed.trim());
            }
        }
        Ok(())
    }
}

fn read_user_file(path: &Path) -> Result<String, LexiconError> {
    std::fs::read_to_string(path).map_err(|e| LexiconError {
        source: path.display().to_string(),
        line: 0,
        message: if e.kind() == std::io::ErrorKind::InvalidData {
            "not valid UTF-8".to_owned()
        } else {
            format!("cannot read: {e}")
        },
    })
}

fn load_one(
    key: &'static str,
    name: &str,
    embedded: &str,
    user: &[PathBuf],
) -> Result<Lexicon, LoadError> {
    Lexicon::load(name, embedded, user).map_err(|error| LoadError { key, error })
}

/// A [`Table`] while it is read.
struct TableBuilder {
    lex: Lexicon,
    meanings: Vec<Vec<Meaning>>,
}

impl TableBuilder {
    fn new(name: &str, cased: bool) -> TableBuilder {
        TableBuilder {
            lex: Lexicon::new(name).case_sensitive(cased),
            meanings: Vec::new(),
        }
    }

    fn add(&mut self, phrase: &str, meaning: Meaning) {
        self.lex.insert(phrase, &[]);
        let Some(i) = self.lex.position(phrase) else {
            return;
        };
        if i >= self.meanings.len() {
            self.meanings.resize(i + 1, Vec::new());
        }
        let meanings = &mut self.meanings[i];
        // A later name for the same phrase replaces the earlier one.
        if let Meaning::Name { .. } = meaning
            && let Some(old) = meanings
                .iter_mut()
                .find(|m| matches!(m, Meaning::Name { .. }))
        {
            *old = meaning;
            return;
        }
        meanings.push(meaning);
    }

    fn build(self) -> Table {
        Table {
            matcher: LazyMatcher::new(self.lex),
            meanings: self.meanings,
        }
    }
}

/// The text-wide phrases while they are read: each goes to the table of its case mode.
struct PhrasesBuilder {
    folded: TableBuilder,
    cased: TableBuilder,
}

impl PhrasesBuilder {
    fn add(&mut self, phrase: &str, meaning: Meaning, cased: bool) {
        if cased {
            self.cased.add(phrase, meaning);
        } else {
            self.folded.add(phrase, meaning);
        }
    }

    fn add_names(&mut self, lex: &Lexicon, kind: NameKind) {
        let cased = lex.is_case_sensitive();
        for e in lex.entries() {
            let meaning = Meaning::Name {
                canonical: e.canonical().to_owned(),
                kind,
            };
            self.add(&e.phrase, meaning, cased);
        }
    }
}

/// Adds `phrase` to `lex` and its parsed fields to the side table `info`, indexed like the
/// lexicon's entries (a phrase listed again replaces the earlier one).
fn insert_with<T>(lex: &mut Lexicon, info: &mut Vec<T>, phrase: &str, value: T) {
    lex.insert(phrase, &[]);
    match lex.position(phrase) {
        Some(i) if i < info.len() => info[i] = value,
        Some(_) => info.push(value),
        None => {}
    }
}

fn parse_kind(e: &newsproc_text::Entry, field: usize) -> Result<BoilerplateKind, LexiconError> {
    let k = e.field(field).unwrap_or("");
    Ok(match k {
        "appeal" => BoilerplateKind::Appeal,
        "copyright" => BoilerplateKind::Copyright,
        "newsletter" => BoilerplateKind::Newsletter,
        "caption" => BoilerplateKind::Caption,
        "correction" => BoilerplateKind::Correction,
        "links" => BoilerplateKind::Links,
        "header" => BoilerplateKind::Header,
        "trailer" => BoilerplateKind::Trailer,
        "advertisement" => BoilerplateKind::Advertisement,
        "note" => BoilerplateKind::Note,
        other => {
            return Err(e.error(format!(
                "unknown boilerplate kind `{other}` (expected appeal, copyright, newsletter, caption, correction, links, header, trailer, advertisement or note)"
            )));
        }
    })
}

fn parse_rule(e: &newsproc_text::Entry) -> Result<CueRule, LexiconError> {
    Ok(match e.field(1).unwrap_or("") {
        "line" => CueRule::Line,
        "start" => CueRule::Start,
        "any" => CueRule::Any,
        "weak" => CueRule::Weak,
        "tail" => CueRule::Tail,
        "opener" => CueRule::Opener,
        "closer" => CueRule::Closer,
        other => {
            return Err(e.error(format!(
                "unknown rule `{other}` (expected line, start, any, weak, tail, opener or closer)"
            )));
        }
    })
}

fn parse_cased(e: &newsproc_text::Entry) -> Result<bool, LexiconError> {
    match e.field(2) {
        None => Ok(false),
        Some("cased") => Ok(true),
        Some(other) => Err(e.error(format!(
            "unknown flag `{other}` (the third field is empty or `cased`)"
        ))),
    }
}

impl Lexicons {
    pub fn load(extra: &ExtraFiles) -> Result<Lexicons, LoadError> {
        let agencies = CasedPair::load(
            "agency_files",
            "agencies.txt",
            AGENCIES,
            "agencies-cased.txt",
            AGENCIES_CASED,
            extra.agencies,
        )?;
        let outlets = CasedPair::load(
            "outlet_files",
            "outlets.txt",
            OUTLETS,
            "outlets-cased.txt",
            OUTLETS_CASED,
            extra.outlets,
        )?;
        let syndicates = CasedPair::load(
            "syndicate_files",
            "syndicates.txt",
            SYNDICATES,
            "syndicates (cased)",
            "",
            extra.syndicates,
        )?;
        let mut phrases = PhrasesBuilder {
            folded: TableBuilder::new("phrases", false),
            cased: TableBuilder::new("phrases (cased)", true),
        };
        for (pair, kind) in [
            (&outlets, NameKind::Outlet),
            (&agencies, NameKind::Agency),
            (&syndicates, NameKind::Syndicate),
        ] {
            phrases.add_names(&pair.folded, kind);
            phrases.add_names(&pair.cased, kind);
        }
        let descriptions = load_one(
            "description_files",
            "descriptions.txt",
            DESCRIPTIONS,
            extra.descriptions,
        )?;
        let mut description_author = Vec::with_capacity(descriptions.len());
        for e in descriptions.entries() {
            description_author.push(match e.field(0) {
                Some("author") => true,
                Some("outlet") => false,
                other => {
                    return Err(LoadError {
                        key: "description_files",
                        error: e.error(format!(
                            "expected `author` or `outlet` after the phrase, found {}",
                            other.map_or("nothing".to_owned(), |o| format!("`{o}`"))
                        )),
                    });
                }
            });
        }
        let descriptions = LazyMatcher::new(descriptions);
        let columns = load_one("column_files", "columns.txt", COLUMNS, extra.columns)?;
        let mut sections = Vec::new();
        let mut column_markers = Vec::new();
        let mut signed_marks = Lexicon::new("signed column marks");
        let mut column_syndicates = Vec::new();
        let mut note_leads = Vec::new();
        let mut note_titles = Vec::new();
        for e in columns.entries() {
            match (e.field(0), e.field(1)) {
                (Some("section"), Some(label)) => {
                    sections.push((e.phrase.clone(), label.to_owned()));
                }
                (Some("marker"), _) => column_markers.push(e.phrase.to_ascii_lowercase()),
                (Some("signed"), _) => signed_marks.insert(&e.phrase, &[]),
                (Some("syndicate"), _) => column_syndicates.push(e.phrase.clone()),
                (Some("note"), _) => {
                    note_leads.push(newsproc_text::normalize::fold_str(&e.phrase));
                }
                (Some("title"), _) => note_titles.push(e.phrase.clone()),
                _ => {
                    return Err(LoadError {
                        key: "column_files",
                        error: e.error(
                            "expected `section` and a label, or `marker`, `signed`, `syndicate`, `note` or `title`, after the phrase",
                        ),
                    });
                }
            }
        }

        let credit_lex = load_one("credit_files", "credits.txt", CREDITS, extra.credits)?;
        for e in credit_lex.entries() {
            use newsproc_layers::source::CreditRole;
            let role = match e.field(0).unwrap_or("") {
                "reporting" => CreditPhrase::Desk(CreditRole::Reporting),
                "additional_reporting" => CreditPhrase::Desk(CreditRole::AdditionalReporting),
                "writing" => CreditPhrase::Desk(CreditRole::Writing),
                "editing" => CreditPhrase::Desk(CreditRole::Editing),
                "contributed" => CreditPhrase::ContributedAfter,
                "contributors" => CreditPhrase::ContributedBefore,
                "source" => CreditPhrase::Source,
                other => {
                    return Err(LoadError {
                        key: "credit_files",
                        error: e.error(format!(
                            "unknown role `{other}` (expected reporting, additional_reporting, writing, editing, contributed, contributors or source)"
                        )),
                    });
                }
            };
            phrases.add(&e.phrase, Meaning::Credit(role), false);
        }

        let places = load_one("place_files", "places.txt", PLACES, extra.places)?;
        let regions = load_one("region_files", "regions.txt", REGIONS, extra.regions)?;

        let boilerplate = load_one(
            "boilerplate_files",
            "boilerplate.txt",
            BOILERPLATE,
            extra.boilerplate,
        )?;
        let err = |error| LoadError {
            key: "boilerplate_files",
            error,
        };
        let mut line_cues = Lexicon::new("boilerplate lines");
        let mut line_cue_info = Vec::new();
        for e in boilerplate.entries() {
            let info = CueInfo {
                kind: parse_kind(e, 0).map_err(err)?,
                rule: parse_rule(e).map_err(err)?,
                cased: parse_cased(e).map_err(err)?,
            };
            if info.rule == CueRule::Line {
                insert_with(&mut line_cues, &mut line_cue_info, &e.phrase, info);
            } else {
                phrases.add(&e.phrase, Meaning::Cue(info), info.cased);
            }
        }

        let cues_file = load_one(
            "outlet_cue_files",
            "outlet-cues.txt",
            OUTLET_CUES,
            extra.outlet_cues,
        )?;
        let err = |error| LoadError {
            key: "outlet_cue_files",
            error,
        };
        let mut outlet_cues = Lexicon::new("outlet cues");
        let mut outlet_cue_info = Vec::new();
        let mut outlet_cue_words = 1;
        let mut outlet_cue_edges: [std::collections::HashSet<String>; 2] = Default::default();
        for e in cues_file.entries() {
            let words: Vec<&str> = e.phrase.split(' ').collect();
            let side = match (words.first(), words.last()) {
                (Some(&"_"), Some(&last)) if last != "_" => Side::After,
                (Some(&first), Some(&"_")) if first != "_" => Side::Before,
                _ => {
                    return Err(err(e.error(
                        "the phrase must start or end with `_`, which stands for the outlet's name (`told _`, `_ has learned`)",
                    )));
                }
            };
            let strength = match e.field(0).unwrap_or("") {
                "weak" => Strength::Weak,
                "strong" => Strength::Strong,
                "origin" => Strength::Origin,
                other => {
                    return Err(err(e.error(format!(
                        "unknown strength `{other}` (expected weak, strong or origin)"
                    ))));
                }
            };
            let unnamed = match e.field(1) {
                None => false,
                Some("unnamed") => true,
                Some(other) => {
                    return Err(err(e.error(format!(
                        "unknown flag `{other}` (expected `unnamed` or nothing)"
                    ))));
                }
            };
            outlet_cue_words = outlet_cue_words.max(words.len() - 1);
            let edge = match side {
                Side::Before => words[words.len() - 2],
                Side::After => words[1],
            };
            outlet_cue_edges[side as usize].insert(edge.to_lowercase());
            insert_with(
                &mut outlet_cues,
                &mut outlet_cue_info,
                &e.phrase,
                OutletCue {
                    side,
                    strength,
                    unnamed,
                },
            );
        }

        Ok(Lexicons {
            folded: phrases.folded.build(),
            cased: phrases.cased.build(),
            places,
            regions,
            longest_line_cue: line_cues
                .entries()
                .iter()
                // Room for typographic variants (`’` is three bytes, `'` one).
                .map(|e| e.phrase.len() + 12)
                .max()
                .unwrap_or(0),
            line_cues,
            line_cue_info,
            outlet_cues,
            outlet_cue_info,
            outlet_cue_words,
            outlet_cue_edges,
            descriptions,
            description_author,
            sections,
            column_markers,
            signed_marks: LazyMatcher::new(signed_marks),
            column_syndicates,
            note_leads,
            note_titles,
        })
    }

    /// The names, cues and credit phrases of `text`, each in text order. Names do not
    /// overlap: of two overlapping matches the longer wins.
    pub fn scan<'l>(&'l self, text: &str) -> Scan<'l> {
        let mut scan = Scan::default();
        for table in [&self.folded, &self.cased] {
            for m in table.matcher.get().find_all(text) {
                for meaning in table.meanings.get(m.index).into_iter().flatten() {
                    match meaning {
                        Meaning::Name { canonical, kind } => scan.names.push(NameMention {
                            span: m.span,
                            canonical,
                            kind: *kind,
                        }),
                        Meaning::Cue(info) => scan.cues.push(Cue {
                            span: m.span,
                            info: *info,
                        }),
                        Meaning::Credit(phrase) => scan.credits.push(CreditMatch {
                            span: m.span,
                            phrase: *phrase,
                        }),
                    }
                }
            }
        }
        scan.names
            .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut names: Vec<NameMention<'l>> = Vec::with_capacity(scan.names.len());
        for m in scan.names {
            match names.last_mut() {
                Some(last) if m.span.start < last.span.end => {
                    if m.span.len() > last.span.len() {
                        *last = m;
                    }
                }
                _ => names.push(m),
            }
        }
        scan.names = names;
        scan.cues.sort_by_key(|c| c.span.start);
        scan.credits.sort_by_key(|c| c.span.start);
        scan
    }

    /// The agency or outlet a phrase names exactly (`Reuters`, `AP`), if any; an entry
    /// with exact case first.
    pub fn name(&self, phrase: &str) -> Option<(&str, NameKind)> {
        [&self.cased, &self.folded].into_iter().find_map(|table| {
            let i = table.matcher.lexicon().position(phrase)?;
            table.meanings.get(i)?.iter().find_map(|m| match m {
                Meaning::Name { canonical, kind } => Some((canonical.as_str(), *kind)),
                _ => None,
            })
        })
    }

    /// The label of the section that publishes `outlet`'s columns (`Fox News Opinion`).
    pub fn opinion_section(&self, outlet: &str) -> Option<&str> {
        self.sections
            .iter()
            .find(|(o, _)| o.eq_ignore_ascii_case(outlet))
            .map(|(_, label)| label.as_str())
    }

    /// Where in `s` a column marker (`read more from`) ends, for each one it holds.
    pub fn column_markers_in(&self, s: &str) -> Vec<usize> {
        // ASCII lowercasing keeps the offsets.
        let lower = s.to_ascii_lowercase();
        self.column_markers
            .iter()
            .flat_map(|m| lower.match_indices(m.as_str()).map(|(k, m)| k + m.len()))
            .collect()
    }

    /// The first phrase in `span` of `text` that marks a signed column (`syndicated
    /// columnist`), if any.
    pub fn signed_mark_in(
        &self,
        text: &str,
        span: newsproc_sdk::Span,
    ) -> Option<newsproc_sdk::Span> {
        self.signed_marks
            .get()
            .find_in(text, span)
            .first()
            .map(|m| m.span)
    }

    /// Whether a syndicate (canonical name) distributes columns: its copyright line marks
    /// a syndicated column.
    pub fn is_column_syndicate(&self, canonical: &str) -> bool {
        self.column_syndicates
            .iter()
            .any(|c| c.eq_ignore_ascii_case(canonical))
    }

    /// How many bytes of `s` an author's note's lead takes (`Editor's note: `), spaces
    /// after it included; 0 when it has none.
    pub fn note_lead_len(&self, s: &str) -> usize {
        // Most paragraphs open with no lead: compare first letters before folding.
        let first = s.as_bytes().first().copied().unwrap_or(0);
        if !self.note_leads.iter().any(|l| {
            l.as_bytes()
                .first()
                .is_some_and(|b| b.eq_ignore_ascii_case(&first))
        }) {
            return 0;
        }
        let head = &s[..crate::util::floor_char(s, s.len().min(40))];
        let folded = newsproc_text::fold(head);
        self.note_leads
            .iter()
            .find(|lead| {
                folded
                    .as_str()
                    .get(..lead.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(lead))
            })
            .map_or(0, |lead| {
                let end = folded.original_offset(lead.len());
                end + (s[end..].len() - s[end..].trim_start().len())
            })
    }

    /// Whether `word` is an honorific that may stand before an author's name (`Sen.`).
    pub fn is_note_title(&self, word: &str) -> bool {
        self.note_titles.iter().any(|t| t == word)
    }

    /// Builds the matchers that are otherwise built on first use.
    pub fn warm_up(&self) {
        self.folded.matcher.get();
        self.cased.matcher.get();
        self.descriptions.get();
    }

    /// Whether `span` of `text` names a journalist's role (`correspondent`).
    pub fn has_author_role(&self, text: &str, span: newsproc_sdk::Span) -> bool {
        self.descriptions
            .get()
            .find_in(text, span)
            .iter()
            .any(|m| self.description_author.get(m.index) == Some(&true))
    }

    /// Whether `span` of `text` says what a news organisation is (`newsroom`).
    pub fn has_outlet_description(&self, text: &str, span: newsproc_sdk::Span) -> bool {
        self.descriptions
            .get()
            .find_in(text, span)
            .iter()
            .any(|m| self.description_author.get(m.index) == Some(&false))
    }

    /// The cue a whole paragraph is (`Advertisement`), given its text without the
    /// punctuation around it.
    pub fn line_cue(&self, line: &str) -> Option<CueInfo> {
        if line.len() > self.longest_line_cue {
            return None;
        }
        let i = self.line_cues.position(line)?;
        let e = self.line_cues.entries().get(i)?;
        let info = *self.line_cue_info.get(i)?;
        (!info.cased || same_case(line, &e.phrase)).then_some(info)
    }

    /// Whether `word`, right next to a name on `side`, can be part of an outlet cue.
    pub fn outlet_cue_edge(&self, side: Side, word: &str) -> bool {
        let folded = if word.is_ascii() {
            word.to_ascii_lowercase()
        } else {
            newsproc_text::normalize::fold_str(word).to_lowercase()
        };
        self.outlet_cue_edges[side as usize].contains(&folded)
    }

    /// The outlet cue made of `words` (joined by single spaces) before the name (`told`)
    /// or after it (`has learned`).
    pub fn outlet_cue(&self, side: Side, words: &str) -> Option<OutletCue> {
        let phrase = match side {
            Side::Before => format!("{words} _"),
            Side::After => format!("_ {words}"),
        };
        self.outlet_cue_info
            .get(self.outlet_cues.position(&phrase)?)
            .copied()
    }
}

/// Whether a matched text has the case of the phrase, typographic variants aside.
fn same_case(found: &str, phrase: &str) -> bool {
    let a = newsproc_text::normalize::fold_str(found);
    let b = newsproc_text::normalize::fold_str(phrase);
    a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn automata_are_built_on_first_use() {
        let lex = Lexicons::load(&ExtraFiles::default()).unwrap();
        assert!(!lex.folded.matcher.is_built());
        assert!(!lex.descriptions.is_built());
        // Name lookups need no automaton.
        assert_eq!(lex.name("Reuters").map(|n| n.0), Some("Reuters"));
        assert!(!lex.folded.matcher.is_built());
        let scan = lex.scan("Reporting by Jane Roe for Reuters.");
        assert!(scan.names.iter().any(|m| m.canonical == "Reuters"));
        assert!(!scan.credits.is_empty());
        assert!(lex.folded.matcher.is_built());
    }
}
