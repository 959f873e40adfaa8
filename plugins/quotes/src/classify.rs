//! Speech, scare quote, title or other: the decision for one quotation, from its
//! [`Features`] and from whether an attribution relation covers it.
//!
//! The evidence, strongest first:
//! - markup: a value after `=` or a web address is never speech;
//! - a title marker right before (`the book "…"`, `titled "…"`) and a capitalised,
//!   non-clausal inside: a title;
//! - a term marker right before (`so-called "…"`, `dubbed "…"`, `the word "…"`) and a
//!   short inside that is no clause: a scare quote;
//! - an attribution relation whose content it is (or a sizeable part of): speech. A
//!   word or two quoted inside a paraphrase (`called them "deplorables"`) is a quoted
//!   term, with its speaker kept;
//! - a determiner or possessive right before a short phrase that is no clause (`the
//!   "rigged" system`): a scare quote;
//! - a verb of saying next to the marks (`," he said`, `said: "`), a quotation running
//!   over paragraphs, a capitalised sentence standing on its own, or a long clause:
//!   speech, whose speaker stays unknown when no relation covers it;
//! - otherwise a short phrase is a scare quote, a capitalised one a title or name, and
//!   anything else is "other".

use newsproc_layers::quotes::QuoteKind;

use crate::features::{Features, Lead};

/// The most words a scare quote has: "foreign agent", "safe zones", "a witch hunt".
const SCARE_MAX_WORDS: usize = 4;
/// The fewest words of a clause quoted mid-sentence that is taken as speech without a
/// verb of saying nearby.
const LONG_CLAUSE_WORDS: usize = 8;
/// The most words of a title or name.
const TITLE_MAX_WORDS: usize = 12;

/// How a quotation relates to the attribution layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Attributed {
    /// No relation covers it.
    No,
    /// It is (a piece of) the content of a relation.
    MainContent,
    /// It is a fragment quoted inside a longer, partly paraphrased content.
    Fragment,
}

pub(crate) fn classify(f: &Features, attributed: Attributed, nested: bool) -> QuoteKind {
    if f.lead == Lead::Markup || f.markup_inside || f.words == 0 {
        return QuoteKind::Other;
    }
    let clause = f.clause();
    // `the book "…"`, `CNN's "State of the Union"`, `Gov. C.L. "Butch" Otter`.
    let named_by_context = f.title_marker || f.possessive_before || f.between_names;
    if named_by_context
        && f.starts_capitalised
        && !f.clause_words
        && (f.headline_case || f.title_marker)
        && f.words <= TITLE_MAX_WORDS
    {
        return QuoteKind::Title;
    }
    let short = f.words <= SCARE_MAX_WORDS;
    if f.term_marker && short && !clause {
        return QuoteKind::Scare;
    }
    let strong_cue = f.cue_after
        || (f.cue_before && (f.starts_capitalised || clause || f.lead != Lead::Embedded));
    match attributed {
        Attributed::MainContent => return QuoteKind::Speech,
        Attributed::Fragment if clause || !short || strong_cue => return QuoteKind::Speech,
        Attributed::Fragment if f.words <= 2 && !f.starts_capitalised => {
            return QuoteKind::Scare;
        }
        Attributed::Fragment => return QuoteKind::Speech,
        Attributed::No => {}
    }
    if f.determiner_before && short && !clause {
        return QuoteKind::Scare;
    }
    // Several capitalised words and no pronoun or auxiliary: a name, a title, a slogan
    // (`"Make America Great Again"`, `"Fox and Friends,"`), even next to a verb.
    if f.headline_case && !f.clause_words && f.words >= 2 && f.words <= TITLE_MAX_WORDS {
        return QuoteKind::Title;
    }
    if strong_cue {
        return QuoteKind::Speech;
    }
    // A quotation nested in another is speech only with a verb of saying next to it.
    if !nested {
        if f.lead.opens_sentence() && f.sentence_like() && (clause || f.words >= 3) {
            return QuoteKind::Speech;
        }
        if f.words >= LONG_CLAUSE_WORDS && clause {
            return QuoteKind::Speech;
        }
    }
    if f.headline_case && f.words <= TITLE_MAX_WORDS && f.words >= 2 {
        return QuoteKind::Title;
    }
    if short {
        return QuoteKind::Scare;
    }
    QuoteKind::Other
}
