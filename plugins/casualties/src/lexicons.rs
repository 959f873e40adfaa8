//! The stage's knowledge: the word lists in `data/`, plus the user's files, validated
//! and compiled into phrase matchers once when the stage is created.

use std::path::PathBuf;

use newsproc_layers::casualties::{Outcome, Side, VictimGroup};
use newsproc_text::{Entry, LazyMatcher, Lexicon, LexiconError, PieceMatcher};

/// Where the number stands relative to an outcome word; see `data/outcomes.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Transitive: "were killed" (number before) and "killed 13" (number after).
    Verb,
    /// Active participle: "killing 13".
    Ing,
    /// Intransitive: "13 died", "13 dead".
    Intr,
    /// Intransitive, counting only a written number: "five people were taken to the
    /// hospital" (not "he was taken to the hospital", who may have died there).
    Tally,
    /// Noun: "13 deaths", "the bodies of 13".
    Noun,
    /// Toll noun: "the death toll rose to 31".
    Toll,
    /// An event that implies its dead without a number: "a fatal shooting" (one),
    /// "a double homicide" (two).
    Event(u8),
    /// The attacker's own death, one more than the victims: "and himself", "before
    /// killing himself".
    Suicide,
}

#[derive(Clone, Copy, Debug)]
pub struct OutcomeWord {
    /// `None` for a phrase that only looks like an outcome ("Homicide Division").
    pub outcome: Option<Outcome>,
    pub form: Form,
}

/// What a victim-list word says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VictimKind {
    /// A noun for people, of this group.
    Noun(VictimGroup),
    /// A word that only gives a side ("regime", "rebel" before "fighters").
    Modifier,
    /// Something counted that is not people ("missiles").
    Object,
}

#[derive(Clone, Copy, Debug)]
pub struct VictimWord {
    pub kind: VictimKind,
    pub side: Option<Side>,
    /// A singular noun: "a child" counts one.
    pub singular: bool,
    /// People counted beside others ("others", "more"): never an overall toll.
    pub beside: bool,
    /// Written in capitals in the list, an acronym ("IS", "US"): it names a group only
    /// when the text writes it in capitals too ("the man is", "killed us" name none).
    pub acronym: bool,
}

/// Grammar word classes, as bits.
pub mod class {
    pub const AUX: u32 = 1;
    pub const LINK: u32 = 1 << 1;
    pub const LEAD: u32 = 1 << 2;
    pub const SUBGROUP: u32 = 1 << 3;
    pub const PRONOUN: u32 = 1 << 4;
    pub const DEFINITE: u32 = 1 << 5;
    pub const PASSIVE: u32 = 1 << 6;
    pub const STOP: u32 = 1 << 7;
    pub const SINGULAR: u32 = 1 << 8;
    pub const RELATIVE: u32 = 1 << 9;
    /// Says a count adds to those before: "another", "more", "others".
    pub const ADDITIVE: u32 = 1 << 10;
    /// Makes the verb after it perfect: "has", "have been".
    pub const PERFECT: u32 = 1 << 11;
    /// A relation whose count after "of" is of relatives, not victims: "father of five".
    pub const KIN: u32 = 1 << 12;
    /// A noun for a thing that a victim word may modify: "a terrorist attack", "a rebel
    /// position" name no person.
    pub const THING: u32 = 1 << 13;
    /// An outcome verb's base form: after "to" it names no event ("threatened to kill").
    pub const BASE: u32 = 1 << 14;
    /// Right before an outcome verb, says it did not happen: "nearly killed".
    pub const IRREALIS: u32 = 1 << 15;
    /// Before a number, makes it a label or an age, not a count: "Image 9 of 9",
    /// "aged 10", "under the age of 10".
    pub const LABEL: u32 = 1 << 16;
    /// After a number, makes it an age: "8 yo girl".
    pub const AGE_UNIT: u32 = 1 << 17;
    /// Two people, named without a number: "both men were killed", "killing both".
    pub const PAIR: u32 = 1 << 18;
    /// After a number, makes it a name, not a count: "a 911 call", "911 caller".
    pub const NAME_UNIT: u32 = 1 << 19;
    /// The one who did the killing: "five dead, including the gunman" counts him.
    pub const ATTACKER: u32 = 1 << 20;
    /// Opens a clause whose subject follows it: "after", "when", "as".
    pub const CLAUSE: u32 = 1 << 21;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerStatus {
    Cumulative,
    /// "since", "over the past": cumulative when a period word follows.
    Anchor,
    /// "war", "beginning", "year": a period after an anchor.
    Period,
    Hypothetical,
    Denied,
    Confirmed,
    /// An earlier event given as context: "a day after", "last week".
    Earlier,
    /// Another event of the news: "elsewhere", "meanwhile", "in a separate attack".
    Separate,
    /// A new figure for a toll given before: "rose to", "raised the toll".
    Update,
    /// A day of the week (0 Monday to 6 Sunday).
    Day(u8),
    /// A period naming the whole conflict ("war"): a period after an anchor, and a toll
    /// in the perfect beside it is a running toll.
    War,
    /// A month (1 January to 12 December): with a day number beside it, a date.
    Month(u8),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere in the claim's sentence.
    Sentence,
    /// Within a few words before the outcome word.
    Near,
}

#[derive(Clone, Copy, Debug)]
pub struct Marker {
    pub status: MarkerStatus,
    pub scope: Scope,
}

/// The compiled lists. Each list's entries line up with its `*_info` vector. Only the
/// outcome words are searched for in the whole text; the other lists are looked up
/// word by word through `in_sentences`, so they need no automaton of their own.
pub struct Lexicons {
    /// Built on first use, or by the stage's warm-up thread: see [`LazyMatcher`].
    pub outcomes: LazyMatcher,
    pub outcome_info: Vec<OutcomeWord>,
    pub victims: Lexicon,
    pub victim_info: Vec<VictimWord>,
    pub words: Lexicon,
    pub word_classes: Vec<u32>,
    pub causes: Lexicon,
    pub markers: Lexicon,
    pub marker_info: Vec<Marker>,
    /// Victims, words, causes and markers (in that order: [`MARKERS`] is the index of
    /// the markers) looked up together, word by word, in the sentences with an outcome
    /// word.
    pub in_sentences: PieceMatcher,
}

/// The index of the markers among [`Lexicons::in_sentences`]' lists.
pub const MARKERS: usize = 3;

/// The user's extra files for each list (pipeline configuration keys).
#[derive(Clone, Debug, Default)]
pub struct ExtraFiles<'a> {
    pub outcomes: &'a [PathBuf],
    pub victims: &'a [PathBuf],
    pub words: &'a [PathBuf],
    pub causes: &'a [PathBuf],
    pub markers: &'a [PathBuf],
}

/// A list that failed to load, with the configuration key that named it.
#[derive(Debug)]
pub struct LoadError {
    pub key: &'static str,
    pub error: LexiconError,
}

impl Lexicons {
    pub fn load(extra: &ExtraFiles<'_>) -> Result<Lexicons, LoadError> {
        let at = |key: &'static str| move |error: LexiconError| LoadError { key, error };
        let outcomes = Lexicon::load(
            "outcomes.txt",
            include_str!("../data/outcomes.txt"),
            extra.outcomes,
        )
        .map_err(at("outcome_files"))?;
        let outcome_info = fields(&outcomes, parse_outcome).map_err(at("outcome_files"))?;
        let victims = Lexicon::load(
            "victims.txt",
            include_str!("../data/victims.txt"),
            extra.victims,
        )
        .map_err(at("victim_files"))?;
        let victim_info = fields(&victims, parse_victim).map_err(at("victim_files"))?;
        let words = Lexicon::load("words.txt", include_str!("../data/words.txt"), extra.words)
            .map_err(at("word_files"))?;
        let word_classes = fields(&words, parse_classes).map_err(at("word_files"))?;
        let causes = Lexicon::load(
            "causes.txt",
            include_str!("../data/causes.txt"),
            extra.causes,
        )
        .map_err(at("cause_files"))?;
        let markers = Lexicon::load(
            "markers.txt",
            include_str!("../data/markers.txt"),
            extra.markers,
        )
        .map_err(at("marker_files"))?;
        let marker_info = fields(&markers, parse_marker).map_err(at("marker_files"))?;
        for lex in [&victims, &words, &causes, &markers] {
            if lex.is_case_sensitive() {
                return Err(LoadError {
                    key: "victim_files",
                    error: LexiconError {
                        source: lex.name().to_string(),
                        line: 0,
                        message: "this list must be case-insensitive".to_string(),
                    },
                });
            }
        }
        let in_sentences = PieceMatcher::new(&[&victims, &words, &causes, &markers])
            .expect("the lists are all case-insensitive");
        Ok(Lexicons {
            outcomes: LazyMatcher::new(outcomes),
            outcome_info,
            victims,
            victim_info,
            words,
            word_classes,
            causes,
            markers,
            marker_info,
            in_sentences,
        })
    }
}

/// Each entry's fields parsed, in entry order; an error names the entry's file and line.
fn fields<T>(
    lexicon: &Lexicon,
    parse: impl Fn(&Entry) -> Result<T, String>,
) -> Result<Vec<T>, LexiconError> {
    lexicon
        .entries()
        .iter()
        .map(|e| parse(e).map_err(|m| e.error(m)))
        .collect()
}

fn parse_outcome(e: &Entry) -> Result<OutcomeWord, String> {
    let outcome = match e.field(0) {
        Some("killed") => Some(Outcome::Killed),
        Some("injured") => Some(Outcome::Injured),
        Some("missing") => Some(Outcome::Missing),
        Some("captured") => Some(Outcome::Captured),
        Some("displaced") => Some(Outcome::Displaced),
        Some("shot") => Some(Outcome::Shot),
        Some("none") => None,
        other => {
            return Err(format!(
                "outcome `{}`: expected killed, injured, missing, captured, displaced, shot or none",
                other.unwrap_or("")
            ));
        }
    };
    if outcome.is_none() {
        return Ok(OutcomeWord {
            outcome,
            form: Form::Intr,
        });
    }
    let form = match e.field(1) {
        Some("verb") => Form::Verb,
        Some("ing") => Form::Ing,
        Some("intr") => Form::Intr,
        Some("tally") => Form::Tally,
        Some("noun") => Form::Noun,
        Some("toll") => Form::Toll,
        Some("suicide") => Form::Suicide,
        Some("event") => {
            let n =
                match e.field(2) {
                    None => 1,
                    Some(n) => n.parse::<u8>().ok().filter(|&n| n > 0).ok_or_else(|| {
                        format!("event count `{n}`: expected a number from 1 to 255")
                    })?,
                };
            Form::Event(n)
        }
        other => {
            return Err(format!(
                "form `{}`: expected verb, ing, intr, tally, noun, toll, event or suicide",
                other.unwrap_or("")
            ));
        }
    };
    Ok(OutcomeWord { outcome, form })
}

fn parse_side(s: Option<&str>) -> Result<Option<Side>, String> {
    Ok(match s {
        None => None,
        Some("government") => Some(Side::Government),
        Some("opposition") => Some(Side::Opposition),
        Some("jihadist") => Some(Side::Jihadist),
        Some("foreign") => Some(Side::Foreign),
        Some(other) => {
            return Err(format!(
                "side `{other}`: expected government, opposition, jihadist or foreign"
            ));
        }
    })
}

fn parse_victim(e: &Entry) -> Result<VictimWord, String> {
    let kind = match e.field(0) {
        Some("civilians") => VictimKind::Noun(VictimGroup::Civilians),
        Some("children") => VictimKind::Noun(VictimGroup::Children),
        Some("women") => VictimKind::Noun(VictimGroup::Women),
        Some("combatants") => VictimKind::Noun(VictimGroup::Combatants),
        Some("people") | Some("others") => VictimKind::Noun(VictimGroup::Unknown),
        Some("modifier") => VictimKind::Modifier,
        Some("object") => VictimKind::Object,
        other => {
            return Err(format!(
                "group `{}`: expected civilians, children, women, combatants, people, others, modifier or object",
                other.unwrap_or("")
            ));
        }
    };
    let side = parse_side(e.field(1))?;
    let singular = match e.field(2) {
        None => false,
        Some("one") => true,
        Some(other) => return Err(format!("number `{other}`: expected `one` or nothing")),
    };
    Ok(VictimWord {
        kind,
        side,
        singular,
        beside: e.field(0) == Some("others"),
        acronym: is_acronym(&e.phrase),
    })
}

/// A phrase of two or more letters, all capitals: an acronym.
pub fn is_acronym(phrase: &str) -> bool {
    phrase.len() >= 2 && phrase.bytes().all(|b| b.is_ascii_uppercase())
}

fn parse_classes(e: &Entry) -> Result<u32, String> {
    let mut bits = 0;
    for c in e.field(0).unwrap_or("").split(',').map(str::trim) {
        bits |= match c {
            "aux" => class::AUX,
            "link" => class::LINK,
            "lead" => class::LEAD,
            "subgroup" => class::SUBGROUP,
            "pronoun" => class::PRONOUN,
            "definite" => class::DEFINITE,
            "passive" => class::PASSIVE,
            "stop" => class::STOP,
            "singular" => class::SINGULAR,
            "relative" => class::RELATIVE,
            "additive" => class::ADDITIVE,
            "perfect" => class::PERFECT,
            "kin" => class::KIN,
            "thing" => class::THING,
            "base" => class::BASE,
            "irrealis" => class::IRREALIS,
            "label" => class::LABEL,
            "age-unit" => class::AGE_UNIT,
            "pair" => class::PAIR,
            "name-unit" => class::NAME_UNIT,
            "attacker" => class::ATTACKER,
            "clause" => class::CLAUSE,
            other => {
                return Err(format!(
                    "class `{other}`: expected aux, passive, singular, link, lead, subgroup, pronoun, definite, relative, stop, additive, perfect, kin, thing, base, irrealis, label, age-unit, pair, name-unit, attacker or clause"
                ));
            }
        };
    }
    Ok(bits)
}

fn parse_marker(e: &Entry) -> Result<Marker, String> {
    let status = match e.field(0) {
        Some("cumulative") => MarkerStatus::Cumulative,
        Some("hypothetical") => MarkerStatus::Hypothetical,
        Some("denied") => MarkerStatus::Denied,
        Some("confirmed") => MarkerStatus::Confirmed,
        Some("anchor") => MarkerStatus::Anchor,
        Some("period") => MarkerStatus::Period,
        Some("earlier") => MarkerStatus::Earlier,
        Some("separate") => MarkerStatus::Separate,
        Some("update") => MarkerStatus::Update,
        Some("war") => MarkerStatus::War,
        Some("day") => {
            const DAYS: [&str; 7] = [
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
            ];
            let day = e.field(2).unwrap_or("");
            let n = DAYS.iter().position(|d| *d == day).ok_or_else(|| {
                format!("day `{day}`: expected a day of the week, monday to sunday")
            })?;
            MarkerStatus::Day(n as u8)
        }
        Some("month") => {
            let n = e
                .field(2)
                .and_then(|m| m.parse::<u8>().ok())
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(|| "month: expected its number, 1 to 12".to_string())?;
            MarkerStatus::Month(n)
        }
        other => {
            return Err(format!(
                "status `{}`: expected cumulative, anchor, period, war, earlier, separate, update, day, month, hypothetical, denied or confirmed",
                other.unwrap_or("")
            ));
        }
    };
    let scope = match e.field(1) {
        Some("sentence") => Scope::Sentence,
        Some("near") => Scope::Near,
        other => {
            return Err(format!(
                "scope `{}`: expected sentence or near",
                other.unwrap_or("")
            ));
        }
    };
    Ok(Marker { status, scope })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_lists_load() {
        let lex = Lexicons::load(&ExtraFiles::default()).unwrap();
        assert_eq!(lex.outcome_info.len(), lex.outcomes.lexicon().len());
        assert_eq!(lex.victim_info.len(), lex.victims.len());
        assert_eq!(lex.word_classes.len(), lex.words.len());
        assert_eq!(lex.marker_info.len(), lex.markers.len());
    }

    #[test]
    fn bad_fields_name_file_and_line() {
        let dir = std::env::temp_dir().join(format!("casualties-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("extra-outcomes.txt");
        std::fs::write(
            &path,
            "# mine\nobliterated\tkilled\tverb\nvanished\tgone\tintr\n",
        )
        .unwrap();
        let files = [path.clone()];
        let err = Lexicons::load(&ExtraFiles {
            outcomes: &files,
            ..Default::default()
        })
        .err()
        .unwrap();
        assert_eq!(err.key, "outcome_files");
        assert_eq!(err.error.line, 3);
        assert!(err.error.message.contains("gone"), "{}", err.error);
        std::fs::remove_dir_all(&dir).ok();
    }
}
