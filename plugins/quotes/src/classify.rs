//! Speech, scare quote, title or other: the decision for one quotation, from its
//! [`Features`] and from whether an attribution relation covers it.
//!
//! The evidence, strongest first:
//! - markup: a value after `=` or a web address is never speech;
//! - a title marker or a possessive right before (`the book "…"`, `CNN's "…"`) and a
//!   capitalised inside that is no clause, an author after it (`"…," by Jane Doe`), or
//!   several capitalised words inside a sentence: a title or name;
//! - a short line in single marks that is its whole paragraph: a heading (title);
//! - a short phrase that is no clause, after a term marker (`so-called "…"`, `dubbed
//!   "…"`, `the word "…"`) or inside a noun phrase (`the "rigged" count`, `"terrorist"
//!   positions`): a scare quote, even inside someone's reported words;
//! - an attribution relation whose content covers it: speech, with the relation's
//!   source as speaker; but a word or two quoted inside a paraphrase (`said the move was
//!   "not helpful"`) is a scare quote that keeps its speaker;
//! - a verb of saying next to the marks (`," he said`, `said: "`), a quotation running
//!   over paragraphs, a capitalised sentence standing on its own, or a long clause:
//!   speech, whose speaker stays unknown when no relation covers it;
//! - otherwise a short phrase is a scare quote, a capitalised one a title or name, and
//!   anything else is "other".

use newsproc_layers::quotes::QuoteKind;

use crate::features::{Features, Lead};

/// The most words a scare quote has: "foreign agent", "safe zones", "a witch hunt".
const SCARE_MAX_WORDS: usize = 4;
/// The most words of a term quoted inside someone's paraphrased words.
const FRAGMENT_TERM_WORDS: usize = 2;
/// The fewest words of a clause quoted mid-sentence that is taken as speech without a
/// verb of saying nearby.
const LONG_CLAUSE_WORDS: usize = 8;
/// The most words of a title or name.
const TITLE_MAX_WORDS: usize = crate::features::MAX_TITLE_WORDS;
/// The most words of a heading in single marks.
const HEADING_MAX_WORDS: usize = 8;

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

/// The kind of a quotation. For an attributed one, `f.cue_after` is not computed (see
/// [`crate::features::Context::features`]) and must not be read before the attribution
/// decides.
pub(crate) fn classify(f: &Features, attributed: Attributed, nested: bool) -> QuoteKind {
    if f.lead == Lead::Markup || f.markup_inside || f.words == 0 {
        return QuoteKind::Other;
    }
    let clause = f.clause();
    let short = f.words <= SCARE_MAX_WORDS;
    // `the book "…"`, `CNN's "State of the Union"`, `Gov. C.L. "Butch" Otter`.
    let named_by_context = f.title_marker || f.possessive_before || f.between_names;
    // A title marker and headline capitals make a title even of a clause (`the anthem
    // "A Change Is Gonna Come"`).
    if named_by_context
        && f.starts_capitalised
        && (!f.clause_words || (f.title_marker && f.headline_case))
        && (f.headline_case || f.title_marker)
        && f.words <= TITLE_MAX_WORDS
    {
        return QuoteKind::Title;
    }
    // A short line in single marks standing alone as its paragraph: a heading or a
    // pull quote (`'A Legend in the Coal Fields.'`), not reported speech, even when a
    // relation takes it in with the paragraph before.
    if f.single_marks
        && f.alone_in_paragraph
        && f.starts_capitalised
        && f.words <= HEADING_MAX_WORDS
    {
        return QuoteKind::Title;
    }
    // Several capitalised words without a pronoun or auxiliary, inside a sentence and
    // not introduced by a verb of saying: a name, a title, a slogan (`wore "Bring Them
    // Home" shirts`, `starred in "Parks and Recreation"`), whatever a relation says.
    // `"The Long Road," by Jane Doe`: a work and its author.
    if f.authored_by && f.starts_capitalised && f.words <= TITLE_MAX_WORDS {
        return QuoteKind::Title;
    }
    // An exclamation or a question in capitals is said (`chanted "Lock Them Up!"`).
    let name_like = f.headline_case
        && !f.clause_words
        && !f.exclaims
        && f.words >= 2
        && f.words <= TITLE_MAX_WORDS;
    if name_like && matches!(f.lead, Lead::Embedded | Lead::Comma) && !f.cue_before {
        return QuoteKind::Title;
    }
    // A short phrase that is no clause, marked as a term (`so-called "…"`) or used inside
    // a noun phrase (`the "rigged" count`, `"terrorist" positions`): a term held at a
    // distance, even inside someone's reported words (`announced the "liberation" of`).
    if short
        && !clause
        && (f.term_marker || f.determiner_before || (f.modifies_noun && f.words <= 2))
    {
        return QuoteKind::Scare;
    }
    // What the attribution layer reports as said is speech: whole quotations, and the
    // phrases quoted inside a paraphrase. A word or two quoted there (`said the move was
    // "not helpful"`) is a term held at a distance, as when no one is named; it keeps its
    // speaker.
    match attributed {
        Attributed::MainContent => return QuoteKind::Speech,
        Attributed::Fragment
            if f.words <= FRAGMENT_TERM_WORDS && !f.starts_capitalised && !clause =>
        {
            return QuoteKind::Scare;
        }
        Attributed::Fragment => return QuoteKind::Speech,
        Attributed::No => {}
    }
    let strong_cue = f.cue_after
        || f.over_paragraphs
        || (f.cue_before && (f.starts_capitalised || clause || f.lead != Lead::Embedded));
    if strong_cue {
        return QuoteKind::Speech;
    }
    // The same opening a sentence, with no relation or verb to say it was said: still
    // more likely a name or a slogan.
    if name_like {
        return QuoteKind::Title;
    }
    // A longer phrase completing a reported clause: `claim our work "discredits the
    // decisions of the leadership."`
    if f.cue_near_before && !short {
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
    // A capitalised exclamation or question is something said (`the cry of "Marco!
    // Marco!"`), even with nobody named.
    if f.exclaims && f.starts_capitalised {
        return QuoteKind::Speech;
    }
    if f.headline_case && f.words >= 2 && f.words <= TITLE_MAX_WORDS {
        return QuoteKind::Title;
    }
    if short {
        return QuoteKind::Scare;
    }
    QuoteKind::Other
}
