//! Source detection: where an article comes from, and which of its text is the article.
//!
//! One scan of the text finds every agency, outlet and syndicate name, boilerplate cue
//! and credit phrase of the lists in `data/` ([`lexicons`]). Then, each step reading
//! what the earlier ones found:
//!
//! 1. [`credits`]: bylines, `Reporting by ...; Editing by ...`, `... contributed to this
//!    report`, agency sign-offs (`--AFP`), source lines (`Source: AFP`), reporter
//!    initials, authors' notes; the agencies they name.
//! 2. [`boilerplate`]: the paragraphs (or, in copy that lost its line breaks, the spans)
//!    that are not the article: appeals, newsletter sign-ups, copyright lines, captions,
//!    corrections, share and related links, advertising slots, editor's notes, headers,
//!    credit lines. Cue phrases come from `data/boilerplate.txt`; photo credits,
//!    copyright signs, outlets describing themselves and appeals that run from an opener
//!    (`A Message from ...`) to a closer (`Remind me later.`) are read by rule.
//! 3. [`dateline`]: the dateline in every house style (`AMMAN (Reuters) -`,
//!    `HAYWARD, Calif. (AP) —`, `WASHINGTON, Dec. 5 (UPI) —`, `BERLIN --`, `Aleppo SANA-`,
//!    `DONETSK, March 3. /TASS/.`), with its place checked against `data/places.txt` and
//!    `data/regions.txt` when no known source vouches for it, so that a kicker is not one.
//! 4. [`outlet`]: the publisher of record, from places where the text names it as its
//!    publisher (its own matter, its dateline, its staff, its self-references), or none.
//!
//! The steps see captions and credit lines as boilerplate (a dateline is not looked for
//! in a caption; an outlet named in a credit is its staff's), but the layer reports them
//! apart: boilerplate is the page's matter, the same around every article of the outlet,
//! while a caption or a credit line was written for this article. Captions go to
//! `captions`, credit lines stay in `credits`, and neither is in `body`.
//!
//! The wire agencies are those named by a dateline, a sign-off, a credit, a source line or
//! a copyright line; an agency that is only said to have reported something (`told
//! Reuters`) is not one. Every list can be extended from the pipeline configuration.

pub mod boilerplate;
pub mod credits;
pub mod dateline;
pub mod lexicons;
pub mod outlet;
mod report;
mod util;

use std::path::PathBuf;
use std::sync::Arc;

use newsproc_layers::names;
use newsproc_layers::source::{AgencyEvidence, AgencyEvidenceKind, SourceLayer};
use newsproc_sdk::{ConfigError, Document, Span, Stage, StageError};
use serde::{Deserialize, Serialize};

use crate::lexicons::{ExtraFiles, Lexicons, NameKind};

/// The stage's configuration: extra lists, read after the built-in ones (same format as
/// the files in `data/`; a `!phrase` line removes a built-in entry).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub agency_files: Vec<PathBuf>,
    pub outlet_files: Vec<PathBuf>,
    pub place_files: Vec<PathBuf>,
    pub region_files: Vec<PathBuf>,
    pub boilerplate_files: Vec<PathBuf>,
    pub outlet_cue_files: Vec<PathBuf>,
    pub syndicate_files: Vec<PathBuf>,
    pub description_files: Vec<PathBuf>,
    pub credit_files: Vec<PathBuf>,
    pub column_files: Vec<PathBuf>,
}

pub struct SourceStage {
    lex: Arc<Lexicons>,
}

impl Stage for SourceStage {
    const NAME: &'static str = "source";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str =
        "Where the article comes from: outlet, wire agencies, dateline, credits, boilerplate.";
    const PROVIDES: &'static str = names::SOURCE;
    type Config = Config;
    type Output = SourceLayer;

    fn config_docs() -> &'static [(&'static str, &'static str)] {
        &[
            (
                "agency_files",
                "extra news agencies (name, canonical name), as data/agencies.txt; a file with a `#!case-sensitive` line matches with exact case",
            ),
            (
                "outlet_files",
                "extra outlets (name, canonical name), as data/outlets.txt; a file with a `#!case-sensitive` line matches with exact case",
            ),
            (
                "place_files",
                "extra places that may head a dateline on their own (`BERLIN --`), as data/places.txt",
            ),
            (
                "region_files",
                "extra regions that may follow a dateline's place (`HAYWARD, Calif.`), as data/regions.txt",
            ),
            (
                "boilerplate_files",
                "extra boilerplate cue phrases (phrase, kind, rule, `cased`), as data/boilerplate.txt",
            ),
            (
                "outlet_cue_files",
                "extra phrases that make a named outlet the publisher (phrase with `_` for the name, strong|weak|origin, then `unnamed` when a personal name after the phrase voids it), as data/outlet-cues.txt",
            ),
            (
                "syndicate_files",
                "extra distributors of columns and photos, never publishers nor agencies (name, canonical name), as data/syndicates.txt",
            ),
            (
                "credit_files",
                "extra phrases of credit lines (phrase, role: reporting, additional_reporting, writing, editing, contributed, contributors, source), as data/credits.txt",
            ),
            (
                "column_files",
                "extra outlets' opinion sections (outlet, `section`, label), chrome phrases that mark a column (phrase, `marker`), and what marks a signed column by its author's note (phrase, `signed`; syndicate, `syndicate`; note lead, `note`; honorific, `title`), as data/columns.txt",
            ),
            (
                "description_files",
                "extra journalists' roles and words for what an outlet is (phrase, author|outlet), for closing notes, as data/descriptions.txt",
            ),
        ]
    }

    fn new(config: Config) -> Result<Self, ConfigError> {
        let lex = Lexicons::load(&ExtraFiles {
            agencies: &config.agency_files,
            outlets: &config.outlet_files,
            places: &config.place_files,
            regions: &config.region_files,
            boilerplate: &config.boilerplate_files,
            outlet_cues: &config.outlet_cue_files,
            syndicates: &config.syndicate_files,
            descriptions: &config.description_files,
            credits: &config.credit_files,
            columns: &config.column_files,
        })
        .map_err(|e| ConfigError::at_key(e.key, e.error.to_string()))?;
        let lex = Arc::new(lex);
        // The text-wide automata take most of the stage's start-up. They are built on
        // first use, and meanwhile on a thread of their own, so that `newsproc check`
        // does not wait for them and a run's first document finds them built or being
        // built while the other stages start. Without the thread, first use builds them.
        let warm = Arc::clone(&lex);
        let _ = std::thread::Builder::new()
            .name("source-warm-up".into())
            .spawn(move || warm.warm_up());
        Ok(SourceStage { lex })
    }

    fn process(&self, doc: &Document) -> Result<SourceLayer, StageError> {
        Ok(self.layer(&doc.text))
    }

    fn report(&self, doc: &Document, layer: &SourceLayer) -> String {
        report::report(&doc.text, layer)
    }
}

impl SourceStage {
    /// The source layer of `text`.
    pub fn layer(&self, text: &str) -> SourceLayer {
        let paragraphs = newsproc_text::paragraphs(text);
        let lexicons::Scan {
            names,
            cues,
            credits: credit_phrases,
        } = self.lex.scan(text);

        let found = credits::detect(text, &paragraphs, &names, &cues, &credit_phrases, &self.lex);
        let boilerplate = boilerplate::detect(
            text,
            &paragraphs,
            &cues,
            &names,
            &found.boilerplate,
            &self.lex,
        );
        let dateline = dateline::detect(text, &paragraphs, &boilerplate, &self.lex);

        let mut agency_evidence: Vec<AgencyEvidence> = Vec::new();
        if let Some((d, span)) = dateline
            .as_ref()
            .and_then(|d| d.agency_span.map(|s| (d, s)))
            && d.source_kind == Some(NameKind::Agency)
            && let Some(agency) = &d.dateline.agency
        {
            agency_evidence.push(AgencyEvidence {
                agency: agency.clone(),
                span,
                how: AgencyEvidenceKind::Dateline,
            });
        }
        agency_evidence.extend(found.agencies.iter().cloned());
        agency_evidence.extend(credits::copyright_agencies(&boilerplate, &names));
        agency_evidence.sort_by_key(|e| e.span.start);
        let mut wire_agencies: Vec<String> = Vec::new();
        for e in &agency_evidence {
            if !wire_agencies.contains(&e.agency) {
                wire_agencies.push(e.agency.clone());
            }
        }

        let decision = outlet::decide(
            text,
            &paragraphs,
            &names,
            &boilerplate,
            dateline.as_ref(),
            &found,
            &self.lex,
        );

        let body = body(text, &paragraphs, &boilerplate);
        let (boilerplate, captions) = split_article_matter(text, boilerplate, &found.credits);
        SourceLayer {
            outlet: decision.outlet,
            outlet_evidence: decision.evidence,
            wire_agencies,
            agency_evidence,
            dateline: dateline.map(|d| d.dateline),
            credits: found.credits,
            boilerplate,
            captions,
            body,
        }
    }
}

/// Splits what the steps above treated as not the article (they need all of it: a
/// dateline is not looked for in a caption, an outlet named in a credit is its staff's)
/// into the page's boilerplate and the article's own matter: captions go to their own
/// list, and credit lines are left to `credits`. Boilerplate is the outlet's text around
/// every article; a caption or a byline was written for this one. An agency's source
/// line (`Source: AFP`, `Agencies contributed to this report`) names no one and stays
/// boilerplate.
fn split_article_matter(
    text: &str,
    spans: Vec<newsproc_layers::source::Boilerplate>,
    credits: &[newsproc_layers::source::Credit],
) -> (Vec<newsproc_layers::source::Boilerplate>, Vec<Span>) {
    use newsproc_layers::source::{Boilerplate, BoilerplateKind, CreditRole};
    let people: Vec<Span> = credits
        .iter()
        .filter(|c| c.role != CreditRole::Contributed || !c.names.is_empty())
        .map(|c| c.span)
        .collect();
    let mut boilerplate = Vec::with_capacity(spans.len());
    let mut captions = Vec::new();
    for b in spans {
        if b.kind == BoilerplateKind::Caption {
            captions.push(b.span);
            continue;
        }
        // The parts outside credit lines (credits are in text order).
        let mut start = b.span.start;
        for c in people.iter().filter(|c| c.overlaps(b.span)) {
            if c.start > start {
                keep_piece(text, Span::new(start, c.start), b.kind, &mut boilerplate);
            }
            start = start.max(c.end);
        }
        if start < b.span.end {
            keep_piece(text, Span::new(start, b.span.end), b.kind, &mut boilerplate);
        }
    }
    return (boilerplate, captions);

    /// A piece of boilerplate, trimmed, unless it is only spaces and punctuation.
    fn keep_piece(text: &str, span: Span, kind: BoilerplateKind, out: &mut Vec<Boilerplate>) {
        let span = newsproc_text::trim_whitespace(text, span);
        if span.of(text).chars().any(char::is_alphanumeric) {
            out.push(Boilerplate { span, kind });
        }
    }
}

/// The paragraphs outside boilerplate, cut around boilerplate inside them, trimmed.
fn body(
    text: &str,
    paragraphs: &[Span],
    boilerplate: &[newsproc_layers::source::Boilerplate],
) -> Vec<Span> {
    let mut out = Vec::new();
    let mut b = 0;
    for &p in paragraphs {
        let mut start = p.start;
        while b < boilerplate.len() && boilerplate[b].span.end <= p.start {
            b += 1;
        }
        let mut k = b;
        while k < boilerplate.len() && boilerplate[k].span.start < p.end {
            let cut = boilerplate[k].span;
            if cut.start > start {
                push_trimmed(text, Span::new(start, cut.start), &mut out);
            }
            start = start.max(cut.end);
            k += 1;
        }
        if start < p.end {
            push_trimmed(text, Span::new(start, p.end), &mut out);
        }
    }
    out
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let t = newsproc_text::trim_whitespace(text, span);
    if !t.is_empty() {
        out.push(t);
    }
}

newsproc_sdk::export_stage!(SourceStage);
