//! Quote extraction: every quotation, its speaker, and what is not speech.
//!
//! 1. **Finding.** The shared pairer ([`newsproc_text::Quotes`]) finds every quotation:
//!    straight, curly, low and angle marks, quotations nested in others, apostrophes
//!    told apart from marks, wire-style quotations over several paragraphs, unclosed
//!    ones. Nothing here pairs marks.
//! 2. **Linking.** A quotation belongs to the attribution relation (direct or mixed)
//!    whose content covers it; the relation's source is its speaker, already resolved
//!    by the attribution stage ("he" → the person meant). A quotation interrupted by its
//!    cue (`"A," he said, "B."`) is two quotations linked to the one relation. A speech
//!    quotation no relation covers takes the mention next to it (`," said Jane Doe`,
//!    `He continued, "`, a signature dash; module `speaker`), resolved against the
//!    attribution layer's mentions, else the speaker of the speech quotation before it in
//!    its paragraph.
//! 3. **Classifying.** Speech, scare quote, title or name, or other, from the relation and
//!    from local evidence: length, capitalisation, whether the inside reads as a clause,
//!    verbs of saying next to the marks, lead-ins (`:`, `—`), term markers (`so-called`)
//!    and title markers (`the book`). The module `classify` gives the order of the rules.
//! 4. **Boilerplate.** A quotation at least half outside the article's running text as
//!    the source layer marks it (boilerplate such as a donation appeal, a caption, a
//!    credit line) is flagged `in_boilerplate`.
//!
//! Word lists live in `data/` and can be extended from the pipeline configuration.

mod classify;
mod features;
mod lexicons;
mod link;
mod report;
mod speaker;
mod view;

use std::collections::HashMap;
use std::path::PathBuf;

use newsproc_layers::attribution::AttributionLayer;
use newsproc_layers::names;
use newsproc_layers::quotes::{Quote, QuoteKind, QuotesLayer, Speaker, SpeakerQuotes, SpeakerVia};
use newsproc_layers::source::{OutsideBody, SourceLayer};
use newsproc_sdk::{ConfigError, Document, Span, Stage, StageError};
use newsproc_text::Quotes;
use serde::{Deserialize, Serialize};

use crate::classify::{Attributed, classify};
use crate::features::{Context, Lead, Scratch};
use crate::lexicons::{FunctionWords, Lexicons};
use crate::link::Relations;
use crate::view::Attributions;

/// The configuration keys. Every list file has the format of `newsproc_text::Lexicon`
/// (one phrase a line, `#` comments, `!phrase` removes a built-in entry); paths are
/// relative to the working directory.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Extra verbs and phrases of saying (`said`, `according to`).
    pub speech_verbs: Vec<PathBuf>,
    /// Extra words that introduce a quoted term (`so-called`, `dubbed`).
    pub term_markers: Vec<PathBuf>,
    /// Extra words that introduce a title or a name (`the book`, `titled`).
    pub title_markers: Vec<PathBuf>,
    /// Extra function words by class (pronouns and auxiliaries, clause openers,
    /// prepositions, determiners, articles).
    pub function_words: Vec<PathBuf>,
}

pub struct QuotesStage {
    lexicons: Lexicons,
}

impl Stage for QuotesStage {
    const NAME: &'static str = "quotes";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str =
        "Every quotation in the text, its speaker, and what is not speech.";
    const PROVIDES: &'static str = names::QUOTES;
    const REQUIRES: &'static [&'static str] = &[names::SOURCE, names::ATTRIBUTION];
    type Config = Config;
    type Output = QuotesLayer;

    fn config_docs() -> &'static [(&'static str, &'static str)] {
        &[
            (
                "speech_verbs",
                "Files of extra verbs and phrases of saying (one a line; `!word` removes a built-in one; a tab and `addressee` marks a verb whose object is the person spoken to, like `told`). A quotation next to one (`,\" he said`, `said: \"`) is speech.",
            ),
            (
                "term_markers",
                "Files of extra words that introduce a quoted term (`so-called`, `dubbed`): a short quotation after one is a scare quote.",
            ),
            (
                "title_markers",
                "Files of extra words that introduce a title or name (`the book`, `titled`, `Operation`): a capitalised quotation after one is a title.",
            ),
            (
                "function_words",
                "Files of extra function words, each with its classes after a tab: `clause` (a pronoun or auxiliary: a quotation containing one reads as speech), `opener` (`which`, `because`), `preposition`, `determiner` (a quotation after one is a term), `article` (a verb of saying after one is a noun), `pronoun` (can stand for a speaker: `he`), `filler` (may stand between a speaker and the verb: `also`), `passive` (a form of `be`: `was asked`), `male` and `female` (tell a person's sex: `he`, `Mr`; `she`, `Ms`).",
            ),
        ]
    }

    fn new(config: Config) -> Result<Self, ConfigError> {
        Ok(QuotesStage {
            lexicons: Lexicons::load(&config)?,
        })
    }

    fn process(&self, doc: &Document) -> Result<QuotesLayer, StageError> {
        let pairs = Quotes::new(&doc.text);
        // Most of the cost of a document without quotations would be reading the layers.
        if pairs.quotations().is_empty() {
            return Ok(QuotesLayer::default());
        }
        // Only the fields this stage reads (see `view`).
        let source: OutsideBody = doc.required_layer(names::SOURCE)?;
        let attribution: Attributions = doc.required_layer(names::ATTRIBUTION)?;
        Ok(self.extract_from(&doc.text, &pairs, &source, &attribution))
    }

    fn report(&self, doc: &Document, output: &QuotesLayer) -> String {
        report::render(&doc.text, output)
    }
}

impl QuotesStage {
    /// The quotes layer of `text`, given its source and attribution layers.
    pub fn extract(
        &self,
        text: &str,
        source: &SourceLayer,
        attribution: &AttributionLayer,
    ) -> QuotesLayer {
        let view = Attributions::from(attribution);
        self.extract_from(text, &Quotes::new(text), &OutsideBody::from(source), &view)
    }

    fn extract_from(
        &self,
        text: &str,
        pairs: &Quotes,
        source: &OutsideBody,
        attribution: &Attributions,
    ) -> QuotesLayer {
        let found = pairs.quotations();
        if found.is_empty() {
            return QuotesLayer::default();
        }
        let ctx = Context::new(text, &self.lexicons);
        let mut scratch = Scratch::default();
        let relations = Relations::new(text, attribution);

        let mut quotes = Vec::with_capacity(found.len());
        // What precedes each quotation and whether it is closed: for finding speakers.
        let mut leads: Vec<(Lead, bool)> = Vec::with_capacity(found.len());
        // The output index of each open enclosing quotation, innermost last.
        let mut enclosing: Vec<usize> = Vec::new();
        for q in found {
            enclosing.truncate(q.depth);
            let nested_in = enclosing.last().copied();
            // A nested quotation is quoted by its enclosing one's speaker, who did not
            // necessarily say it: it takes no link of its own.
            let link = if q.depth == 0 {
                relations.link(q.span)
            } else {
                None
            };
            // What follows a quotation the attribution layer attributes is not needed.
            let features = ctx.features(q, &mut scratch, link.is_none());
            let attributed = match link {
                None => Attributed::No,
                Some(l) if l.is_main_content => Attributed::MainContent,
                Some(_) => Attributed::Fragment,
            };
            let kind = classify(&features, attributed, q.depth > 0);
            let speaker = link.and_then(|l| relations.speaker(l));
            let text_of = if q.continues_over_paragraphs() {
                let segments: Vec<&str> = q.segments(text).iter().map(|s| s.of(text)).collect();
                segments.join("\n")
            } else {
                q.inner.of(text).trim().to_owned()
            };
            enclosing.push(quotes.len());
            leads.push((features.lead, q.closed));
            quotes.push(Quote {
                span: q.span,
                inner: q.inner,
                text: text_of,
                kind,
                speaker,
                multi_paragraph: q.continues_over_paragraphs(),
                unclosed: !q.closed,
                in_boilerplate: source.contains(q.span),
                nested_in,
                relation: link.map(|l| l.relation),
            });
        }
        self.find_speakers(&ctx, &mut quotes, &leads, attribution);
        let by_speaker = by_speaker(&quotes);
        QuotesLayer { quotes, by_speaker }
    }

    /// Speakers for the speech quotations no relation covers (see `speaker`): the
    /// mention next to one, else the speaker of the speech quotation before it in its
    /// paragraph (`"A," she said. "B."`). A pronoun the attribution layer did not
    /// resolve is resolved here.
    fn find_speakers(
        &self,
        ctx: &Context,
        quotes: &mut [Quote],
        leads: &[(Lead, bool)],
        attribution: &Attributions,
    ) {
        let text = ctx.text;
        let mut tokens = Vec::new();
        let words = &self.lexicons.words;
        for i in 0..quotes.len() {
            let q = &quotes[i];
            // A pronoun the attribution layer left unresolved.
            if let Some(s) = &q.speaker
                && let Some(span) = s.span
                && !is_name(&s.name, words)
            {
                if let Some((name, entity)) =
                    antecedent(text, span, &quotes[..i], attribution, words)
                {
                    let s = quotes[i].speaker.as_mut().expect("checked above");
                    s.name = name;
                    s.entity = entity;
                }
                continue;
            }
            if q.kind != QuoteKind::Speech
                || q.speaker.is_some()
                || q.relation.is_some()
                || q.nested_in.is_some()
            {
                continue;
            }
            let (lead, closed) = leads[i];
            let found = ctx.speaker_mention(q.span, lead, closed, &mut tokens);
            let speaker = match found {
                Some(mention) => Some(resolve(text, mention, &quotes[..i], attribution, words)),
                None => previous_in_paragraph(text, &quotes[..i], q.span).map(|s| Speaker {
                    via: SpeakerVia::Previous,
                    ..s.clone()
                }),
            };
            quotes[i].speaker = speaker;
        }
    }
}

/// Who the mention found next to a quotation stands for. A mention the attribution
/// layer resolved (the source of any of its relations) keeps that resolution. A pronoun
/// stands for the nearest named speaker before it (see [`antecedent`]). A name whose last
/// word names an attribution source (`Mr. Kamin` and `David Kamin`) is that source.
fn resolve(
    text: &str,
    mention: Span,
    earlier: &[Quote],
    attribution: &Attributions,
    words: &FunctionWords,
) -> Speaker {
    let as_written = newsproc_text::util::slice(text, mention).trim();
    let found = |name: String, entity: Option<usize>| Speaker {
        span: Some(mention),
        name,
        entity,
        via: SpeakerVia::Mention,
    };
    let sources = || {
        attribution
            .attributions
            .iter()
            .filter_map(|r| r.source.as_ref())
    };
    if let Some(m) = sources().find(|m| m.span.overlap(mention) > 0)
        && let Some(name) = m.name.as_deref().filter(|n| is_name(n, words))
    {
        return found(name.to_owned(), m.entity);
    }
    if words.pronoun.contains(as_written) {
        if let Some((name, entity)) = antecedent(text, mention, earlier, attribution, words) {
            return found(name, entity);
        }
    } else if as_written.starts_with(char::is_uppercase) {
        let last = last_word(as_written);
        if let Some((name, m)) = sources()
            .filter_map(|m| Some((m.name.as_deref().filter(|n| is_name(n, words))?, m)))
            .find(|(n, _)| last.is_some() && last_word(n) == last)
        {
            return found(name.to_owned(), m.entity);
        }
    }
    found(as_written.to_owned(), None)
}

/// A resolved name: not empty, not a bare pronoun.
fn is_name(name: &str, words: &FunctionWords) -> bool {
    let name = name.trim();
    !name.is_empty() && !words.pronoun.contains(name)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sex {
    Male,
    Female,
}

/// The sex the first word of a mention tells (`he`, `Mr.`; `she`, `Ms.`).
fn sex_of(mention: &str, words: &FunctionWords) -> Option<Sex> {
    let first = mention
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .find(|w| !w.is_empty())?;
    if words.male.contains(first) {
        Some(Sex::Male)
    } else if words.female.contains(first) {
        Some(Sex::Female)
    } else {
        None
    }
}

/// What the third-person pronoun at `mention` stands for: the nearest named speaker
/// before it (of an earlier quotation, or the source of an attribution relation) not known
/// to be of the other sex. A speaker's sex is known from a mention of it (`Mr. Kamin`, a
/// `she` the attribution layer resolved to her). `I` and `we` are left as they are: the
/// writer, or a speaker quoting.
fn antecedent(
    text: &str,
    mention: Span,
    earlier: &[Quote],
    attribution: &Attributions,
    words: &FunctionWords,
) -> Option<(String, Option<usize>)> {
    let pronoun = newsproc_text::util::slice(text, mention).trim();
    if matches!(pronoun.to_lowercase().as_str(), "i" | "we") {
        return None;
    }
    let wanted = sex_of(pronoun, words);
    // Every named speaker mention: (span, name, entity).
    let mut candidates: Vec<(Span, &str, Option<usize>)> = Vec::new();
    for m in attribution
        .attributions
        .iter()
        .filter_map(|r| r.source.as_ref())
    {
        if let Some(name) = m.name.as_deref().filter(|n| is_name(n, words)) {
            candidates.push((m.span, name, m.entity));
        }
    }
    for s in earlier.iter().filter_map(|q| q.speaker.as_ref()) {
        if let Some(span) = s.span
            && is_name(&s.name, words)
        {
            candidates.push((span, &s.name, s.entity));
        }
    }
    let sex = |name: &str| {
        candidates
            .iter()
            .filter(|(_, n, _)| *n == name)
            .find_map(|(span, _, _)| sex_of(newsproc_text::util::slice(text, *span), words))
    };
    // `he` and `she` stand for people: names in capitals (`Jane Doe`, not `the plan`).
    let personal = wanted.is_some();
    let person_like = |name: &str| {
        name.split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()))
    };
    candidates
        .iter()
        .filter(|(span, _, _)| span.end <= mention.start)
        .filter(|(_, name, _)| !personal || person_like(name))
        .filter(|(_, name, _)| match (wanted, sex(name)) {
            (Some(w), Some(s)) => w == s,
            _ => true,
        })
        .max_by_key(|(span, _, _)| span.end)
        .map(|(_, name, entity)| ((*name).to_owned(), *entity))
}

/// The last word of a name, lower-cased: `Kamin` of `Mr. Kamin`.
fn last_word(name: &str) -> Option<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The speaker of the nearest speech quotation before `span` in the same paragraph.
fn previous_in_paragraph<'q>(text: &str, earlier: &'q [Quote], span: Span) -> Option<&'q Speaker> {
    let prev = earlier
        .iter()
        .rev()
        .find(|q| q.kind == QuoteKind::Speech && q.nested_in.is_none())?;
    let between = newsproc_text::util::slice(text, Span::new(prev.span.end, span.start));
    if prev.span.end > span.start || between.contains('\n') {
        return None;
    }
    prev.speaker.as_ref()
}

/// The speech quotations of each speaker, speakers in order of their first quotation.
/// One entity is one speaker; without an entity, one name is.
fn by_speaker(quotes: &[Quote]) -> Vec<SpeakerQuotes> {
    let mut out: Vec<SpeakerQuotes> = Vec::new();
    let mut index: HashMap<(Option<usize>, &str), usize> = HashMap::new();
    for q in quotes {
        if q.kind != QuoteKind::Speech {
            continue;
        }
        let Some(speaker) = &q.speaker else {
            continue;
        };
        let key = match speaker.entity {
            Some(e) => (Some(e), ""),
            None => (None, speaker.name.as_str()),
        };
        let slot = *index.entry(key).or_insert_with(|| {
            out.push(SpeakerQuotes {
                name: speaker.name.clone(),
                entity: speaker.entity,
                quotes: Vec::new(),
            });
            out.len() - 1
        });
        out[slot].quotes.push(q.span);
    }
    out
}

newsproc_sdk::export_stage!(QuotesStage);

#[cfg(test)]
mod tests {
    use newsproc_layers::attribution::{
        Attribution, AttributionKind, Source, SourceKind, SourceMention,
    };
    use newsproc_layers::source::{Boilerplate, BoilerplateKind};
    use newsproc_sdk::Span;

    use super::*;

    fn stage() -> QuotesStage {
        QuotesStage::new(Config::default()).unwrap()
    }

    fn layer(text: &str) -> QuotesLayer {
        stage().extract(text, &SourceLayer::default(), &AttributionLayer::default())
    }

    /// (quoted text, kind) for every quotation, with empty upstream layers.
    fn kinds(text: &str) -> Vec<(String, QuoteKind)> {
        layer(text)
            .quotes
            .into_iter()
            .map(|q| (q.text, q.kind))
            .collect()
    }

    fn kind_of(text: &str, quoted: &str) -> QuoteKind {
        let all = kinds(text);
        all.iter()
            .find(|(t, _)| t == quoted)
            .unwrap_or_else(|| panic!("no quotation {quoted:?} in {all:?}"))
            .1
    }

    fn span_of(text: &str, part: &str) -> Span {
        let start = text.find(part).unwrap();
        Span::new(start, start + part.len())
    }

    use QuoteKind::{Other, Scare, Speech, Title};

    #[test]
    fn speech_next_to_a_verb_of_saying() {
        // After the quotation, with a pronoun, a name, an inverted verb, an appositive.
        for text in [
            "“We will hold the bridge,” he said.",
            "\"We will hold the bridge,\" Colonel Haddad told reporters.",
            "\"We will hold the bridge,\" said Colonel Haddad.",
            "\"We will hold the bridge,\" Nadia Haddad, a spokeswoman for the northern command, said.",
            "«We will hold the bridge», the ministry said in a statement.",
        ] {
            assert_eq!(kinds(text)[0].1, Speech, "{text}");
        }
        // Before it: a verb and a comma or colon, a colon lead-in, a dash lead-in.
        assert_eq!(kind_of("She told the council: \"No.\"", "No."), Speech);
        assert_eq!(kind_of("He added, \"It is over.\"", "It is over."), Speech);
        assert_eq!(
            kind_of(
                "The governor put it plainly: «Not one step back.»",
                "Not one step back."
            ),
            Speech
        );
        assert_eq!(
            kind_of(
                "The reply was short — \"We will answer.\"",
                "We will answer."
            ),
            Speech
        );
        // A short answer is speech when a verb of saying stands next to it.
        assert_eq!(kind_of("\"No,\" she said.", "No,"), Speech);
    }

    #[test]
    fn standalone_and_long_quotations_are_speech() {
        let text = "\"The water is gone,\" the mayor said. \"We are rationing what is left.\"";
        assert_eq!(kind_of(text, "We are rationing what is left."), Speech);
        let text = "Residents said the council had promised \"that every family would have water by the end of the week\" but nothing came.";
        assert_eq!(
            kind_of(
                text,
                "that every family would have water by the end of the week"
            ),
            Speech
        );
    }

    #[test]
    fn scare_quotes_are_not_speech() {
        let text = "The ministry designated the paper an \"undesirable\" organization after calling it a \"foreign agent.\"";
        assert_eq!(
            kinds(text),
            [
                ("undesirable".into(), Scare),
                ("foreign agent.".into(), Scare)
            ]
        );
        assert_eq!(
            kind_of(
                "Families moved into so-called 'safe zones' near the port.",
                "safe zones"
            ),
            Scare
        );
        assert_eq!(
            kind_of(
                "Critics dubbed the plan \"a blank cheque\" on Monday.",
                "a blank cheque"
            ),
            Scare
        );
        assert_eq!(
            kind_of("He avoided the word \"ceasefire\" throughout.", "ceasefire"),
            Scare
        );
        // A determiner before a short phrase: part of a noun phrase.
        assert_eq!(
            kind_of("They blamed the \"rigged\" count.", "rigged"),
            Scare
        );
        // A noun that is also a verb of saying does not make it speech.
        assert_eq!(
            kind_of(
                "The embassy was \"appalled\" by the reports and asked for access.",
                "appalled"
            ),
            Scare
        );
        // `saying` after the marks introduces what comes next.
        assert_eq!(
            kind_of(
                "He mocked the \"experts,\" saying they had never visited.",
                "experts,"
            ),
            Scare
        );
    }

    #[test]
    fn titles_and_names() {
        assert_eq!(
            kind_of(
                "He appeared on CNN's \"State of the Union\" on Sunday.",
                "State of the Union"
            ),
            Title
        );
        assert_eq!(
            kind_of(
                "Her memoir, \"Long Road Home,\" sold well.",
                "Long Road Home,"
            ),
            Title
        );
        assert_eq!(
            kind_of(
                "A report titled \"Losing Ground\" was published.",
                "Losing Ground"
            ),
            Title
        );
        assert_eq!(
            kind_of(
                "Supporters chanted slogans and wore \"Bring Them Home\" shirts.",
                "Bring Them Home"
            ),
            Title
        );
        assert_eq!(
            kind_of("Gov. Pete \"Butch\" Lennon spoke first.", "Butch"),
            Title
        );
    }

    #[test]
    fn headings_in_single_marks() {
        // A short line in single marks alone as its paragraph heads a section.
        let text = "\"The mine will reopen,\" he said.\n\n'A Town Waits for Coal.'\n\nIt rained.";
        assert_eq!(kind_of(text, "A Town Waits for Coal."), Title);
        // Inside a paragraph it is what it always was.
        let text = "He said: 'A town waits for coal.' Then he left.";
        assert_eq!(kind_of(text, "A town waits for coal."), Speech);
        // A song after a title marker, clause words and all.
        assert_eq!(
            kind_of(
                "She sang the anthem \"We Shall Overcome\" at the end.",
                "We Shall Overcome"
            ),
            Title
        );
    }

    #[test]
    fn chants_and_addressees() {
        // Capitals exclaimed after a verb of saying are said, not a title.
        assert_eq!(
            kind_of(
                "Supporters chanted \"Stop The War!\" outside.",
                "Stop The War!"
            ),
            Speech
        );
        assert_eq!(
            kind_of(
                "Then came the cry of \"Four More Years!\" from the back.",
                "Four More Years!"
            ),
            Speech
        );
        // The person or programme spoken to is not what was said.
        assert_eq!(
            kind_of("He told \"Morning Report\" he would run.", "Morning Report"),
            Title
        );
        assert_eq!(
            kind_of("He told reporters: \"I will run.\"", "I will run."),
            Speech
        );
    }

    #[test]
    fn markup_is_other() {
        let text = "<tweet id=\"771156940076544000\" author=\"@someone\">Text</tweet>";
        assert!(kinds(text).iter().all(|(_, k)| *k == Other));
    }

    #[test]
    fn nested_and_apostrophes() {
        let text = "“They shouted ‘stay down’ and we didn’t move until the officers’ cars came,” she said.";
        let l = layer(text);
        assert_eq!(l.quotes.len(), 2);
        assert_eq!(l.quotes[0].kind, Speech);
        assert_eq!(l.quotes[1].text, "stay down");
        assert_eq!(l.quotes[1].nested_in, Some(0));
        assert_ne!(l.quotes[1].kind, Speech);
        assert!(
            l.quotes[0]
                .text
                .contains("didn’t move until the officers’ cars")
        );
    }

    #[test]
    fn brackets_unclosed_and_continued() {
        let text = "\"Seven of the [rebel] fighters died,\" he said.";
        let l = layer(text);
        assert_eq!(l.quotes[0].text, "Seven of the [rebel] fighters died,");
        assert_eq!(l.quotes[0].kind, Speech);

        // An unclosed quotation ends with its paragraph; an odd mark later is stray.
        let text = "A witness told the agency: «The glass flew everywhere.\nRescuers worked on. A 12\" pipe burst.";
        let l = layer(text);
        assert_eq!(l.quotes.len(), 1);
        assert!(l.quotes[0].unclosed);
        assert_eq!(l.quotes[0].kind, Speech);
        assert_eq!(l.quotes[0].span.of(text), "«The glass flew everywhere.");

        // Over two paragraphs, an opening mark on each; speech even with no verb.
        let text = "“The road is cut.\n“The river is high.”\nLater news.";
        assert_eq!(layer(text).quotes[0].kind, Speech);
        let text = "“The first convoy got through.\n“The second did not,” the coordinator said.\nLater news.";
        let l = layer(text);
        assert_eq!(l.quotes.len(), 1);
        let q = &l.quotes[0];
        assert!(q.multi_paragraph);
        assert_eq!(q.kind, Speech);
        assert_eq!(q.text, "The first convoy got through.\nThe second did not,");
        assert_eq!(
            q.span.of(text),
            "“The first convoy got through.\n“The second did not,”"
        );

        assert!(layer("").quotes.is_empty());
        assert!(
            layer("No quotation here, nor in Assad's reply.")
                .quotes
                .is_empty()
        );
    }

    fn mention(text: &str, part: &str, name: &str, entity: usize) -> SourceMention {
        SourceMention {
            span: span_of(text, part),
            text: part.to_owned(),
            name: Some(name.to_owned()),
            title: None,
            role: None,
            entity: Some(entity),
            conjuncts: Vec::new(),
        }
    }

    fn person(name: &str) -> Source {
        Source {
            name: name.to_owned(),
            kind: SourceKind::Person,
            mentions: vec![],
            title: None,
            role: None,
            affiliation: None,
        }
    }

    fn relation(kind: AttributionKind, content: Vec<Span>, source: SourceMention) -> Attribution {
        Attribution {
            kind,
            content,
            source: Some(source),
            cue: None,
            in_boilerplate: false,
        }
    }

    #[test]
    fn speakers_come_from_the_attribution_layer() {
        let text = "Mayor Lena Ortiz visited the camp. \"We were told to wait,\" she said, \"and we waited for a week.\" Ortiz called the delay \"shameful.\"";
        let a = span_of(text, "\"We were told to wait,\"");
        let b = span_of(text, "\"and we waited for a week.\"");
        let c = span_of(text, "called the delay \"shameful.\"");
        let attribution = AttributionLayer {
            attributions: vec![
                relation(
                    AttributionKind::Direct,
                    vec![a, b],
                    mention(text, "she", "Lena Ortiz", 0),
                ),
                relation(
                    AttributionKind::Mixed,
                    vec![c],
                    mention(text, "Ortiz", "Lena Ortiz", 0),
                ),
            ],
            sources: vec![person("Lena Ortiz")],
        };
        let l = stage().extract(text, &SourceLayer::default(), &attribution);
        let got: Vec<(&str, QuoteKind, Option<&str>, Option<usize>)> = l
            .quotes
            .iter()
            .map(|q| {
                (
                    q.text.as_str(),
                    q.kind,
                    q.speaker.as_ref().map(|s| s.name.as_str()),
                    q.relation,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("We were told to wait,", Speech, Some("Lena Ortiz"), Some(0)),
                (
                    "and we waited for a week.",
                    Speech,
                    Some("Lena Ortiz"),
                    Some(0)
                ),
                // A word quoted inside a paraphrase: a term, still credited.
                ("shameful.", Scare, Some("Lena Ortiz"), Some(1)),
            ]
        );
        let sp = l.quotes[0].speaker.as_ref().unwrap();
        assert_eq!(sp.span.map(|s| s.of(text)), Some("she"));
        assert_eq!(sp.entity, Some(0));
        assert_eq!(l.by_speaker.len(), 1);
        assert_eq!(l.by_speaker[0].name, "Lena Ortiz");
        assert_eq!(l.by_speaker[0].quotes, [a, b]);
    }

    #[test]
    fn a_relation_makes_a_short_quotation_speech() {
        // `"Never," he said` needs no relation; a bare "Never" embedded mid-sentence does.
        let text = "Asked about talks, the minister replied \"never\" and left.";
        let q = span_of(text, "\"never\"");
        assert_eq!(kind_of(text, "never"), Scare);
        let attribution = AttributionLayer {
            attributions: vec![relation(
                AttributionKind::Direct,
                vec![q],
                mention(text, "the minister", "the minister", 0),
            )],
            sources: vec![person("the minister")],
        };
        let l = stage().extract(text, &SourceLayer::default(), &attribution);
        assert_eq!(l.quotes[0].kind, Speech);
        assert_eq!(l.quotes[0].speaker.as_ref().unwrap().name, "the minister");
    }

    #[test]
    fn speakers_found_next_to_unattributed_quotations() {
        // The attribution layer knows Ortiz and Idris, and attributes none of the
        // quotations: the speakers are found next to them, `she` is the nearest woman
        // named before, and the quotation after `"…," she said.` continues hers.
        let text = "Ms. Lena Ortiz spoke first. Then Mr. Karim Idris spoke. \"We were told to wait,\" she said. \"We waited a week.\" \"It is over,\" said Mr. Idris.";
        let attribution = AttributionLayer {
            attributions: vec![
                relation(
                    AttributionKind::Indirect,
                    vec![],
                    mention(text, "Ms. Lena Ortiz", "Lena Ortiz", 0),
                ),
                relation(
                    AttributionKind::Indirect,
                    vec![],
                    mention(text, "Mr. Karim Idris", "Karim Idris", 1),
                ),
            ],
            sources: vec![person("Lena Ortiz"), person("Karim Idris")],
        };
        let l = stage().extract(text, &SourceLayer::default(), &attribution);
        let got: Vec<(&str, Option<&str>, Option<SpeakerVia>)> = l
            .quotes
            .iter()
            .map(|q| {
                (
                    q.text.as_str(),
                    q.speaker.as_ref().map(|s| s.name.as_str()),
                    q.speaker.as_ref().map(|s| s.via),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "We were told to wait,",
                    Some("Lena Ortiz"),
                    Some(SpeakerVia::Mention)
                ),
                (
                    "We waited a week.",
                    Some("Lena Ortiz"),
                    Some(SpeakerVia::Previous)
                ),
                (
                    "It is over,",
                    Some("Karim Idris"),
                    Some(SpeakerVia::Mention)
                ),
            ]
        );
        let she = l.quotes[0].speaker.as_ref().unwrap();
        assert_eq!(she.span.map(|s| s.of(text)), Some("she"));
        assert_eq!(she.entity, Some(0));
        assert_eq!(l.by_speaker.len(), 2);
    }

    #[test]
    fn boilerplate_from_the_source_layer() {
        let text =
            "\"We stay,\" he said.\nSupport us: we were labelled \"undesirable\" by the state.";
        let appeal = span_of(
            text,
            "Support us: we were labelled \"undesirable\" by the state.",
        );
        let source = SourceLayer {
            boilerplate: vec![Boilerplate {
                span: appeal,
                kind: BoilerplateKind::Appeal,
            }],
            ..SourceLayer::default()
        };
        let l = stage().extract(text, &source, &AttributionLayer::default());
        let flags: Vec<(QuoteKind, bool)> = l
            .quotes
            .iter()
            .map(|q| (q.kind, q.in_boilerplate))
            .collect();
        assert_eq!(flags, [(Speech, false), (Scare, true)]);
    }

    #[test]
    fn word_lists_extend_from_config() {
        let dir = std::env::temp_dir().join(format!("newsproc-quotes-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("verbs.txt");
        std::fs::write(&file, "# more verbs\nthundered\n").unwrap();
        let text = "\"Enough\" thundered the general.";
        assert_ne!(kind_of(text, "Enough"), Speech);
        let st = QuotesStage::new(Config {
            speech_verbs: vec![file.clone()],
            ..Config::default()
        })
        .unwrap();
        let l = st.extract(text, &SourceLayer::default(), &AttributionLayer::default());
        assert_eq!(l.quotes[0].kind, Speech);
        // A field other than `addressee` is an error naming the file and line.
        let bad = dir.join("bad.txt");
        std::fs::write(&bad, "shouted\n\nwhispered\tloudly\n").unwrap();
        let err = QuotesStage::new(Config {
            speech_verbs: vec![bad],
            ..Config::default()
        })
        .err()
        .unwrap();
        assert!(
            err.message.contains("bad.txt") && err.message.contains('3'),
            "{err}"
        );
        // A function word needs a known class.
        let words = dir.join("words.txt");
        std::fs::write(&words, "y'all\tclause\nthereof\tadverb\n").unwrap();
        let err = QuotesStage::new(Config {
            function_words: vec![words],
            ..Config::default()
        })
        .err()
        .unwrap();
        assert_eq!(err.key.as_deref(), Some("function_words"));
        assert!(err.message.contains("adverb"), "{err}");
        // A missing file is an error naming the key.
        let err = QuotesStage::new(Config {
            title_markers: vec![dir.join("missing.txt")],
            ..Config::default()
        })
        .err()
        .unwrap();
        assert_eq!(err.key.as_deref(), Some("title_markers"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
