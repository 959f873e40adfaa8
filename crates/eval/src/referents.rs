//! Whether a predicted source (or quotation speaker) is right, by the README's rules.
//!
//! - A gold relation without a source wants no predicted source (`source: null`).
//! - Where the gold has `source_name` (a pronoun source), the predicted name must name
//!   that referent: the last word of either name, titles aside, occurs in the other
//!   ("Barack Obama" names "President Obama"). The span does not help here: a predicted
//!   "he" on the gold "he" is an unresolved pronoun, which is what the rule measures.
//! - Otherwise the predicted source span overlaps the gold source mention by at least one
//!   byte, or every word of the predicted name occurs in the gold source text.
//!
//! Words are maximal runs of alphanumeric characters, lower-cased, so "Trump’s" is the
//! two words "trump" and "s" and punctuation never matters. The predicted name is `name`,
//! or the mention `text` when there is no name (see [`PredSource::label`]).

use crate::gold::{GoldDoc, GoldRelation};
use crate::predictions::PredSource;
use crate::spans::SpanSet;

/// Titles, honorifics and generational suffixes: never the word that identifies a person.
/// "The president" therefore names nobody, and "Donald Trump Jr." ends in "trump".
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "reverend",
    "president",
    "vice",
    "sen",
    "senator",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "mayor",
    "secretary",
    "minister",
    "prime",
    "chancellor",
    "ambassador",
    "judge",
    "justice",
    "gen",
    "general",
    "col",
    "colonel",
    "capt",
    "captain",
    "lt",
    "sgt",
    "adm",
    "admiral",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "chairman",
    "chairwoman",
    "speaker",
    "leader",
    "candidate",
    "nominee",
    "former",
    "jr",
    "sr",
    "ii",
    "iii",
    "iv",
    "the",
];

/// The lower-cased words of `s`.
pub(crate) fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The last word of a name that is not a title.
fn last_name_word(name: &str) -> Option<String> {
    words(name).filter(|w| !TITLES.contains(&w.as_str())).last()
}

/// Whether `name` names the person `referent`: the last word of either, titles aside,
/// occurs among the words of the other.
pub(crate) fn names_referent(name: &str, referent: &str) -> bool {
    let occurs_in = |word: Option<String>, other: &str| {
        word.is_some_and(|word| words(other).any(|w| w == word))
    };
    occurs_in(last_name_word(name), referent) || occurs_in(last_name_word(referent), name)
}

/// Whether `name` has words and every one of them occurs in `mention`.
pub(crate) fn words_all_in(name: &str, mention: &str) -> bool {
    let mention: Vec<String> = words(mention).collect();
    let mut name_words = words(name).peekable();
    name_words.peek().is_some() && name_words.all(|w| mention.contains(&w))
}

/// Whether `predicted` is the right source (or speaker) for the gold relation `gold`.
pub(crate) fn source_is_right(
    doc: &GoldDoc,
    gold: &GoldRelation,
    predicted: Option<&PredSource>,
) -> bool {
    if gold.source.is_empty() {
        return predicted.is_none();
    }
    let Some(predicted) = predicted else {
        return false;
    };
    if let Some(referent) = &gold.source_name {
        return predicted
            .label()
            .is_some_and(|name| names_referent(name, referent));
    }
    let span_overlaps = predicted
        .span
        .is_some_and(|span| SpanSet::single(span).overlaps(&gold.source));
    span_overlaps
        || predicted
            .label()
            .is_some_and(|name| words_all_in(name, &doc.set_text(&gold.source)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_word_of_either_name() {
        assert!(names_referent("President Obama", "Barack Obama"));
        assert!(names_referent("Obama", "Barack Obama"));
        assert!(names_referent("Barack Obama", "Obama"));
        // The referent's last word occurs in the predicted name.
        assert!(names_referent(
            "Hillary Clinton campaign",
            "Hillary Clinton"
        ));
        assert!(names_referent("Donald Trump Jr.", "Donald Trump"));
        // The rule compares surnames only, so two Clintons name each other.
        assert!(names_referent("Bill Clinton", "Hillary Clinton"));
        assert!(!names_referent("he", "Donald Trump"));
        assert!(!names_referent("the president", "President Obama"));
        assert!(!names_referent("Michelle", "Barack Obama"));
    }

    #[test]
    fn every_word_in_the_mention() {
        assert!(words_all_in(
            "Scott Pruitt",
            "Scott Pruitt, the Republican attorney"
        ));
        assert!(words_all_in("pruitt", "Scott Pruitt,"));
        assert!(!words_all_in("Scott Walker", "Scott Pruitt"));
        assert!(!words_all_in("—", "Scott Pruitt"));
    }
}
