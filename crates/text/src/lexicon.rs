//! Word lists and gazetteers kept in data files, and a fast matcher for them.
//!
//! # File format
//!
//! One phrase per line. Optional further fields follow the phrase, separated by tabs
//! (their meaning is up to the stage: a canonical name, a kind, ...). White space inside
//! a phrase is collapsed to single spaces; fields are trimmed.
//!
//! ```text
//! # Armed groups. Fields: canonical name, kind.
//! #!case-sensitive
//! Free Syrian Army<TAB>FSA<TAB>rebel
//! FSA<TAB>FSA<TAB>rebel
//! al-Nusra Front<TAB>Nusra<TAB>jihadist
//! !Hezbollah
//! ```
//!
//! (`<TAB>` stands for a tab character.)
//!
//! - a line whose first non-blank character is `#` is a comment, blank lines are
//!   ignored (there are no end-of-line comments: `#` may be part of a phrase, `#MeToo`);
//! - `#!case-sensitive` / `#!case-insensitive` set how the whole lexicon matches (the
//!   last one read wins; the default is case-insensitive, or what the stage chose);
//! - `!phrase` removes a phrase loaded earlier, so a user file can take an entry out of
//!   a stage's built-in list; a phrase listed again replaces the earlier entry's fields.
//!
//! A stage embeds its list with `include_str!` and lets users add files from the pipeline
//! configuration: [`Lexicon::load`]. Errors name the file and the line.
//!
//! # Matching
//!
//! [`PhraseMatcher`] finds every occurrence of every phrase in a text with one
//! Aho-Corasick automaton: at word boundaries only (a letter or digit must not touch
//! the match on either side; hyphens and apostrophes are boundaries, so `Iranian` matches
//! in `Iranian-backed`), leftmost-longest, not overlapping. Text and phrases are both
//! folded first ([`crate::normalize`]): curly apostrophes and quotes match straight ones,
//! dash variants match hyphens, runs of white space match one space. Case-insensitive
//! matching is exact for ASCII; for phrases with other letters the lowercase, uppercase
//! and capitalised forms are matched.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use newsproc_sdk::Span;

use crate::chars::{char_at, char_before};
use crate::normalize::{fold, fold_str};
use crate::pieces::{PieceIndex, Pieces};
use crate::util::single_spaced;

/// Up to this many patterns a [`PhraseMatcher`] searches with a DFA.
const DFA_MAX_PATTERNS: usize = 5000;

/// Where an entry was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The name given for an embedded list, or the file's path.
    pub source: Arc<str>,
    /// 1-based line number.
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.source, self.line)
    }
}

/// One phrase and its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The phrase as written, white space collapsed.
    pub phrase: String,
    /// The tab-separated fields after the phrase, trimmed.
    pub fields: Vec<String>,
    pub origin: Origin,
}

impl Entry {
    /// Field `i` (0 is the first field after the phrase), if present and not empty.
    pub fn field(&self, i: usize) -> Option<&str> {
        self.fields
            .get(i)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }

    /// The first field, or the phrase itself when there is none: the convention for a
    /// canonical name.
    pub fn canonical(&self) -> &str {
        self.field(0).unwrap_or(&self.phrase)
    }

    /// An error about this entry, naming its file and line: for stages that validate
    /// fields.
    pub fn error(&self, message: impl Into<String>) -> LexiconError {
        LexiconError {
            source: self.origin.source.to_string(),
            line: self.origin.line,
            message: message.into(),
        }
    }
}

/// A lexicon file that could not be read or parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    /// The name of the embedded list or the path of the file.
    pub source: String,
    /// 1-based line, or 0 when the error is about the whole file.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.source, self.message)
        } else {
            write!(f, "{}:{}: {}", self.source, self.line, self.message)
        }
    }
}

impl std::error::Error for LexiconError {}

/// A set of phrases with fields. See the module docs for the file format.
#[derive(Clone, Debug)]
pub struct Lexicon {
    name: String,
    case_sensitive: bool,
    entries: Vec<Entry>,
    /// Normalised phrase → index in `entries`.
    index: HashMap<String, usize>,
}

impl Lexicon {
    /// An empty, case-insensitive lexicon. `name` is used in messages.
    pub fn new(name: impl Into<String>) -> Lexicon {
        Lexicon {
            name: name.into(),
            case_sensitive: false,
            entries: Vec::new(),
            index: HashMap::new(),
        }
    }

    /// Sets case sensitivity (a `#!case-...` line in a file read later overrides it).
    pub fn case_sensitive(mut self, yes: bool) -> Lexicon {
        self.set_case_sensitive(yes);
        self
    }

    pub fn set_case_sensitive(&mut self, yes: bool) {
        if self.case_sensitive != yes {
            self.case_sensitive = yes;
            self.reindex();
        }
    }

    pub fn is_case_sensitive(&self) -> bool {
        self.case_sensitive
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// A lexicon from one list; `source` names it in errors (e.g. `"armed-groups.txt"`).
    pub fn parse(source: &str, content: &str) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::new(source);
        lex.add_str(source, content)?;
        Ok(lex)
    }

    /// The usual set-up: a built-in list (embedded with `include_str!`) plus the user's
    /// files, read in order, each able to add, override and remove entries.
    pub fn load<P: AsRef<Path>>(
        source: &str,
        embedded: &str,
        user_files: &[P],
    ) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::parse(source, embedded)?;
        for path in user_files {
            lex.add_file(path)?;
        }
        Ok(lex)
    }

    /// Reads a list from a string; `source` names it in errors.
    pub fn add_str(&mut self, source: &str, content: &str) -> Result<(), LexiconError> {
        let source: Arc<str> = Arc::from(source);
        for (k, raw) in content.lines().enumerate() {
            let line = k + 1;
            let err = |message: &str| LexiconError {
                source: source.to_string(),
                line,
                message: message.to_string(),
            };
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                continue;
            }
            if let Some(directive) = trimmed.strip_prefix("#!") {
                match directive.trim() {
                    "case-sensitive" => self.set_case_sensitive(true),
                    "case-insensitive" => self.set_case_sensitive(false),
                    other => {
                        return Err(err(&format!(
                            "unknown directive `#!{other}` (expected `#!case-sensitive` or `#!case-insensitive`)"
                        )));
                    }
                }
                continue;
            }
            if trimmed.starts_with('#') {
                continue;
            }
            if let Some(removed) = trimmed.strip_prefix('!') {
                let phrase = single_spaced(removed);
                if phrase.is_empty() {
                    return Err(err("`!` must be followed by the phrase to remove"));
                }
                self.remove(&phrase);
                continue;
            }
            let raw = raw.trim_end_matches(['\r', '\n']);
            let mut parts = raw.split('\t');
            let phrase = single_spaced(parts.next().unwrap_or(""));
            if phrase.is_empty() {
                return Err(err(
                    "empty phrase (the line starts with a tab; the phrase comes first)",
                ));
            }
            if fold_str(&phrase).is_empty() {
                return Err(err("the phrase has no visible characters"));
            }
            let fields = parts.map(|f| f.trim().to_string()).collect();
            self.insert_entry(Entry {
                phrase,
                fields,
                origin: Origin {
                    source: Arc::clone(&source),
                    line,
                },
            });
        }
        Ok(())
    }

    /// Reads a list from a file. Errors name the file (and line).
    pub fn add_file(&mut self, path: impl AsRef<Path>) -> Result<(), LexiconError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| LexiconError {
            source: name.clone(),
            line: 0,
            message: format!("cannot read: {e}"),
        })?;
        let content = match std::str::from_utf8(&bytes) {
            Ok(s) => s,
            Err(e) => {
                let line = 1 + bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                return Err(LexiconError {
                    source: name,
                    line,
                    message: "not valid UTF-8".to_string(),
                });
            }
        };
        self.add_str(&name, content)
    }

    /// Adds (or replaces) a phrase programmatically.
    pub fn insert(&mut self, phrase: &str, fields: &[&str]) {
        let phrase = single_spaced(phrase);
        if fold_str(&phrase).is_empty() {
            return;
        }
        self.insert_entry(Entry {
            phrase,
            fields: fields.iter().map(|f| f.to_string()).collect(),
            origin: Origin {
                source: Arc::from(self.name.as_str()),
                line: 0,
            },
        });
    }

    fn insert_entry(&mut self, entry: Entry) {
        let key = self.key(&entry.phrase);
        match self.index.get(&key) {
            Some(&i) => self.entries[i] = entry,
            None => {
                self.index.insert(key, self.entries.len());
                self.entries.push(entry);
            }
        }
    }

    /// Removes a phrase; returns whether it was there.
    pub fn remove(&mut self, phrase: &str) -> bool {
        let key = self.key(phrase);
        let Some(i) = self.index.remove(&key) else {
            return false;
        };
        self.entries.remove(i);
        self.reindex();
        true
    }

    fn reindex(&mut self) {
        let mut index = HashMap::with_capacity(self.entries.len());
        let mut entries = Vec::with_capacity(self.entries.len());
        // Under a new case mode two entries may now collide: the later one wins.
        for e in std::mem::take(&mut self.entries) {
            let key = self.key(&e.phrase);
            match index.get(&key) {
                Some(&i) => entries[i] = e,
                None => {
                    index.insert(key, entries.len());
                    entries.push(e);
                }
            }
        }
        self.entries = entries;
        self.index = index;
    }

    fn key(&self, phrase: &str) -> String {
        let folded = fold_str(phrase);
        if self.case_sensitive {
            folded
        } else {
            folded.to_lowercase()
        }
    }

    /// The entry for `phrase` (folded, and case-folded unless case-sensitive).
    pub fn get(&self, phrase: &str) -> Option<&Entry> {
        self.index.get(&self.key(phrase)).map(|&i| &self.entries[i])
    }

    /// The index in [`Lexicon::entries`] of the entry for `phrase`: for stages that keep
    /// parsed fields in a side table indexed like the entries.
    pub fn position(&self, phrase: &str) -> Option<usize> {
        self.index.get(&self.key(phrase)).copied()
    }

    pub fn contains(&self, phrase: &str) -> bool {
        self.get(phrase).is_some()
    }

    /// All entries, in the order first read.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// A matcher for this lexicon's phrases; it owns the lexicon, which stays readable
    /// through [`PhraseMatcher::lexicon`]. Build it once per stage, not per document.
    pub fn into_matcher(self) -> PhraseMatcher {
        PhraseMatcher::new(self)
    }
}

/// One phrase found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseMatch<'m> {
    /// Where, in the original text.
    pub span: Span,
    /// Which entry (index into [`Lexicon::entries`]).
    pub index: usize,
    pub entry: &'m Entry,
}

/// A [`PhraseMatcher`] built on first use. A large lexicon's automaton takes
/// milliseconds to build; a stage that holds its matchers this way starts at once, and
/// can build them on a thread of its own meanwhile ([`LazyMatcher::get`] from there),
/// so that neither `newsproc check` nor the other stages' start-up waits for them.
#[derive(Debug)]
pub struct LazyMatcher {
    lexicon: Lexicon,
    matcher: OnceLock<PhraseMatcher>,
}

impl LazyMatcher {
    pub fn new(lexicon: Lexicon) -> LazyMatcher {
        LazyMatcher {
            lexicon,
            matcher: OnceLock::new(),
        }
    }

    /// The matcher, built now if it is not yet (a caller racing a build waits for it).
    pub fn get(&self) -> &PhraseMatcher {
        self.matcher
            .get_or_init(|| self.lexicon.clone().into_matcher())
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Whether the matcher has been built.
    pub fn is_built(&self) -> bool {
        self.matcher.get().is_some()
    }
}

/// Finds a lexicon's phrases in texts. Build once, use for every document.
#[derive(Clone, Debug)]
pub struct PhraseMatcher {
    lexicon: Lexicon,
    /// Unanchored search. A separate anchored automaton serves the rare retries for a
    /// shorter phrase: asking one automaton for both makes aho-corasick fall back from
    /// its DFA to an NFA four times slower. It is built on first use: building a DFA
    /// is most of a stage's start-up, and many matchers never need one.
    ac: Option<AhoCorasick>,
    anchored: OnceLock<Option<AhoCorasick>>,
    /// The automata's patterns, kept for building the anchored one.
    patterns: Vec<String>,
    case_insensitive: bool,
    /// Pattern index → entry index.
    pattern_entry: Vec<usize>,
    /// The phrases by their first piece, for [`PhraseMatcher::find_in_pieces`].
    pieces: PieceIndex,
}

/// A leftmost-longest automaton over `patterns`. The unanchored one, which every search
/// runs over the whole text, is a DFA for lists of up to a few thousand phrases (the
/// automaton's own choice stops at 100, then searches several times slower); past that,
/// or when the DFA would be too large, whatever it picks. The anchored one only re-reads
/// a few bytes where a match ended inside a word: a contiguous NFA, built in a fraction
/// of a DFA's time, is as fast there.
fn build_automaton(
    patterns: &[String],
    case_insensitive: bool,
    start: StartKind,
) -> Option<AhoCorasick> {
    let build = |kind| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(case_insensitive)
            .start_kind(start)
            .kind(kind)
            .build(patterns)
            .ok()
    };
    if start == StartKind::Anchored {
        return build(Some(AhoCorasickKind::ContiguousNFA)).or_else(|| build(None));
    }
    (patterns.len() <= DFA_MAX_PATTERNS)
        .then(|| build(Some(AhoCorasickKind::DFA)))
        .flatten()
        .or_else(|| build(None))
}

impl PhraseMatcher {
    pub fn new(lexicon: Lexicon) -> PhraseMatcher {
        let mut patterns: Vec<String> = Vec::with_capacity(lexicon.entries.len());
        let mut pattern_entry = Vec::with_capacity(lexicon.entries.len());
        for (i, e) in lexicon.entries.iter().enumerate() {
            let folded = fold_str(&e.phrase);
            if !lexicon.case_sensitive && !folded.is_ascii() {
                // The automaton folds ASCII case only; add the usual case forms.
                let lower = folded.to_lowercase();
                let upper = folded.to_uppercase();
                let mut chars = lower.chars();
                let title: String = chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default();
                for variant in [lower, upper, title] {
                    if variant != folded {
                        patterns.push(variant);
                        pattern_entry.push(i);
                    }
                }
            }
            patterns.push(folded);
            pattern_entry.push(i);
        }
        let case_insensitive = !lexicon.case_sensitive;
        let ac = build_automaton(&patterns, case_insensitive, StartKind::Unanchored);
        let pieces = PieceIndex::new(
            1,
            lexicon
                .entries
                .iter()
                .enumerate()
                .map(|(i, e)| (0, i, e.phrase.as_str())),
            lexicon.case_sensitive,
        );
        PhraseMatcher {
            lexicon,
            ac,
            anchored: OnceLock::new(),
            patterns,
            case_insensitive,
            pattern_entry,
            pieces,
        }
    }

    fn anchored(&self) -> Option<&AhoCorasick> {
        self.anchored
            .get_or_init(|| {
                build_automaton(&self.patterns, self.case_insensitive, StartKind::Anchored)
            })
            .as_ref()
    }

    /// The phrase occurrences among `pieces` (tokens already cut into pieces, see
    /// [`crate::pieces`]), in order, not overlapping: for a stage that reads several
    /// lists in the same few sentences, one hash lookup per word instead of one pass of
    /// each list's automaton.
    pub fn find_in_pieces(&self, pieces: &Pieces) -> Vec<PhraseMatch<'_>> {
        let mut found = [Vec::new()];
        self.pieces.find(pieces, &mut found);
        let [found] = found;
        found
            .into_iter()
            .map(|(span, index)| PhraseMatch {
                span,
                index,
                entry: &self.lexicon.entries[index],
            })
            .collect()
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// All phrase occurrences in `text`, in order, not overlapping.
    pub fn find_all(&self, text: &str) -> Vec<PhraseMatch<'_>> {
        let mut out = Vec::new();
        self.find_into(text, Span::new(0, text.len()), &mut out);
        out
    }

    /// The phrase occurrences inside `span` of `text` (offsets in `text`).
    pub fn find_in(&self, text: &str, span: Span) -> Vec<PhraseMatch<'_>> {
        let mut out = Vec::new();
        self.find_into(text, span, &mut out);
        out
    }

    /// Whether some phrase occurs in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        // Cheap enough: stops at nothing, but documents are short.
        !self.find_all(text).is_empty()
    }

    fn find_into<'m>(&'m self, text: &str, span: Span, out: &mut Vec<PhraseMatch<'m>>) {
        let Some(ac) = &self.ac else {
            return;
        };
        if self.pattern_entry.is_empty() {
            return;
        }
        let span = crate::util::clamp_span(text, span);
        let sub = &text[span.range()];
        let folded = fold(sub);
        let hay = folded.as_str();
        let bytes = hay.as_bytes();
        let mut pos = 0;
        while pos < hay.len() {
            let Some(m) = ac.find(Input::new(hay).span(pos..hay.len())) else {
                break;
            };
            let (s, mut e, mut pat) = (m.start(), m.end(), m.pattern().as_usize());
            let start_ok = !char_before(bytes, s).is_some_and(|(c, _)| c.is_alphanumeric())
                && !starts_inside_word(bytes, s);
            let mut found = false;
            if start_ok {
                loop {
                    if !char_at(bytes, e).is_some_and(|(c, _)| c.is_alphanumeric())
                        && !ends_inside_word(bytes, e)
                    {
                        found = true;
                        break;
                    }
                    // Try the longest shorter phrase starting here.
                    if e <= s + 1 {
                        break;
                    }
                    let input = Input::new(hay).span(s..e - 1).anchored(Anchored::Yes);
                    match self.anchored().and_then(|a| a.find(input)) {
                        Some(m2) => {
                            e = m2.end();
                            pat = m2.pattern().as_usize();
                        }
                        None => break,
                    }
                }
            }
            if found {
                let orig = folded.original_span(Span::new(s, e));
                let index = self.pattern_entry[pat];
                out.push(PhraseMatch {
                    span: Span::new(orig.start + span.start, orig.end + span.start),
                    index,
                    entry: &self.lexicon.entries[index],
                });
                pos = e.max(s + 1);
            } else {
                pos = s + char_at(bytes, s).map_or(1, |(_, n)| n);
            }
            while pos < hay.len() && !hay.is_char_boundary(pos) {
                pos += 1;
            }
        }
    }
}

/// A pattern that starts with a non-word character (`'s`) may start anywhere; one that
/// starts with a word character must not start inside a word. `char_before` covers the
/// second; this covers a combining mark at the start.
fn starts_inside_word(bytes: &[u8], s: usize) -> bool {
    char_at(bytes, s).is_some_and(|(c, _)| crate::chars::is_word_continuation(c) && c != '\u{00AD}')
}

fn ends_inside_word(bytes: &[u8], e: usize) -> bool {
    char_at(bytes, e).is_some_and(|(c, _)| crate::chars::is_word_continuation(c) && c != '\u{00AD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    const GROUPS: &str = "# Armed groups\n\
        Free Syrian Army\tFSA\trebel\n\
        \n\
        FSA\tFSA\trebel\n\
        al-Nusra Front\tNusra\tjihadist\n\
        Nusra\n\
        Assad's forces\tgovernment\n\
        Islamic State\tIS\n\
        Islamic State of Iraq\tISI\n\
        ISIS\tIS\n";

    fn found<'a>(m: &PhraseMatcher, text: &'a str) -> Vec<&'a str> {
        m.find_all(text).iter().map(|x| x.span.of(text)).collect()
    }

    #[test]
    fn parses_fields_comments_and_lines() {
        let lex = Lexicon::parse("groups.txt", GROUPS).unwrap();
        assert_eq!(lex.len(), 8);
        let e = lex.get("free  syrian army").unwrap();
        assert_eq!(e.fields, ["FSA", "rebel"]);
        assert_eq!(e.canonical(), "FSA");
        assert_eq!(e.field(1), Some("rebel"));
        assert_eq!(e.field(2), None);
        assert_eq!(e.origin.line, 2);
        assert_eq!(e.origin.to_string(), "groups.txt:2");
        assert_eq!(lex.get("Nusra").unwrap().canonical(), "Nusra");
        assert!(lex.contains("assad’s forces"));
        assert!(!lex.contains("Assad"));
        assert_eq!(lex.name(), "groups.txt");
        let err = lex.get("ISIS").unwrap().error("bad kind");
        assert_eq!(err.to_string(), "groups.txt:10: bad kind");
    }

    #[test]
    fn errors_name_the_line() {
        let err = Lexicon::parse("x.txt", "ok\n\tfield\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.to_string().starts_with("x.txt:2: empty phrase"));
        let err = Lexicon::parse("x.txt", "#!bogus").unwrap_err();
        assert_eq!(err.line, 1);
        let err = Lexicon::parse("x.txt", "a\n!\n").unwrap_err();
        assert_eq!(err.line, 2);
        let err = Lexicon::parse("x.txt", "\u{200B}\n").unwrap_err();
        assert_eq!(err.line, 1);
    }

    #[test]
    fn user_files_extend_override_and_remove() {
        let dir = std::env::temp_dir().join(format!("newsproc-text-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let user = dir.join("user.txt");
        std::fs::write(
            &user,
            "Nusra\tJabhat al-Nusra\n!ISIS\nHayat Tahrir al-Sham\tHTS\n",
        )
        .unwrap();
        let lex = Lexicon::load("groups.txt", GROUPS, &[&user]).unwrap();
        assert_eq!(lex.get("nusra").unwrap().canonical(), "Jabhat al-Nusra");
        assert_eq!(
            lex.get("nusra").unwrap().origin.source.as_ref(),
            user.display().to_string()
        );
        assert!(!lex.contains("ISIS"));
        assert!(lex.contains("HAYAT TAHRIR AL-SHAM"));
        let bad = dir.join("bad.txt");
        std::fs::write(&bad, b"one\ntwo\n\xff\n").unwrap();
        let err = Lexicon::load("groups.txt", GROUPS, &[&bad]).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.source.ends_with("bad.txt"));
        let missing = dir.join("missing.txt");
        let err = Lexicon::load("groups.txt", GROUPS, &[&missing]).unwrap_err();
        assert_eq!(err.line, 0);
        assert!(err.to_string().contains("missing.txt: cannot read"));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn matches_at_word_boundaries_leftmost_longest() {
        let lex = Lexicon::parse("groups.txt", GROUPS).unwrap();
        let m = lex.clone().into_matcher();
        assert_eq!(
            found(
                &m,
                "The Free Syrian Army and al-Nusra Front fought Islamic State of Iraq."
            ),
            [
                "Free Syrian Army",
                "al-Nusra Front",
                "Islamic State of Iraq"
            ]
        );
        // Not inside words; the longest phrase that ends at a boundary wins.
        assert_eq!(
            found(&m, "FSAX NusraFront crISIS Islamic Stateless"),
            Vec::<&str>::new()
        );
        assert_eq!(found(&m, "Islamic State ofIraq"), ["Islamic State"]);
        // Case-insensitive by default, folding quotes, dashes and spaces.
        assert_eq!(
            found(
                &m,
                "free syrian\u{00A0}army, Assad’s  forces, al‑Nusra front, isis-linked"
            ),
            [
                "free syrian\u{00A0}army",
                "Assad’s  forces",
                "al‑Nusra front",
                "isis"
            ]
        );
        let ms = m.find_all("ISIS");
        assert_eq!(ms[0].entry.canonical(), "IS");
        assert_eq!(lex.entries()[ms[0].index].phrase, "ISIS");
        let text = "x FSA y FSA";
        let inner = m.find_in(text, Span::new(3, text.len()));
        assert_eq!(inner.len(), 1);
        assert_eq!(inner[0].span, Span::new(8, 11));
        assert!(m.is_match("the fsa"));
        assert!(!m.is_match("nothing here"));
    }

    #[test]
    fn case_sensitive_lexicons() {
        let lex = Lexicon::parse("us.txt", "#!case-sensitive\nUS\tUnited States\nIS\n").unwrap();
        assert!(lex.is_case_sensitive());
        let m = lex.clone().into_matcher();
        assert_eq!(found(&m, "US troops told us IS is"), ["US", "IS"]);
        assert!(!lex.contains("us"));
        let lex = lex.case_sensitive(false);
        assert!(lex.contains("us"));
    }

    #[test]
    fn non_ascii_phrases_case_insensitive() {
        let mut lex = Lexicon::new("places");
        lex.insert("Şanlıurfa", &["TR"]);
        lex.insert("Öcalan", &[]);
        let m = lex.clone().into_matcher();
        assert_eq!(
            found(&m, "in ŞANLIURFA and öcalan"),
            ["ŞANLIURFA", "öcalan"]
        );
        assert_eq!(lex.len(), 2);
        assert!(lex.remove("öcalan"));
        assert!(!lex.remove("öcalan"));
    }

    #[test]
    fn shareable_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Lexicon>();
        assert_send_sync::<PhraseMatcher>();
    }

    #[test]
    fn position_indexes_entries() {
        let mut lex = Lexicon::parse("t", "Alpha\nBeta\tB\n").unwrap();
        assert_eq!(lex.position("beta"), Some(1));
        assert_eq!(lex.entries()[1].phrase, "Beta");
        assert_eq!(lex.position("gamma"), None);
        lex.remove("Alpha");
        assert_eq!(lex.position("BETA"), Some(0));
    }

    #[test]
    fn empty_lexicon_and_text() {
        let lex = Lexicon::new("empty");
        assert!(lex.is_empty());
        assert!(lex.clone().into_matcher().find_all("anything").is_empty());
        let lex = Lexicon::parse("g", GROUPS).unwrap();
        assert!(lex.clone().into_matcher().find_all("").is_empty());
    }
}
