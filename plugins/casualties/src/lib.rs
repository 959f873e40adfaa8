//! Casualty counting: every casualty claim in an article (outcome, number, victims,
//! cause, claimant, status) and article totals that neither invent nor double count.
//!
//! - [`extract`] finds the claims: an outcome word from `data/outcomes.txt` and the
//!   number that goes with it (from `newsproc_text::numbers`), read from the tokens
//!   around it in its sentence; victims, causes and status markers come from the other
//!   lists in `data/`. Only the sentences with an outcome word are split, tokenized and
//!   looked up (word by word, all lists in one pass): the stage's speed depends on it.
//! - [`setting`] says what a claim's sentence tells about its event: days and dates, a
//!   separate event, an updated toll, a count that adds to the one before.
//! - [`totals`] groups the counted claims into events and reads the article's totals
//!   from them by one conservative rule (see its docs).
//! - The claimant is the attribution (from the `attribution` layer, when the pipeline
//!   has it) whose content holds the claim; boilerplate comes from the `source` layer.
//!   A figure counts whether or not its claimant is known; two claimants' figures for
//!   the same victims of one event are sources that disagree (the lowest stands).

pub mod extract;
pub mod lexicons;
pub mod setting;
pub mod totals;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

use newsproc_layers::casualties::{
    CasualtyLayer, Claim, ClaimStatus, Claimant, Count, Outcome, Phrase, VictimGroup, Victims,
};
use newsproc_layers::names;
use newsproc_layers::source::{OutsideBody, OutsideIndex};
use newsproc_sdk::{ConfigError, Document, Span, Stage, StageError};
use newsproc_text::{Qualifier, VagueKind, context};
use serde::{Deserialize, Serialize};

use crate::extract::{Analysis, NumberRef, RawClaim};
use crate::lexicons::{ExtraFiles, Lexicons};

/// The stage's configuration: extra word lists, read after the built-in ones (same
/// format as the files in `data/`; a `!phrase` line removes a built-in entry).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub outcome_files: Vec<PathBuf>,
    pub victim_files: Vec<PathBuf>,
    pub word_files: Vec<PathBuf>,
    pub cause_files: Vec<PathBuf>,
    pub marker_files: Vec<PathBuf>,
}

pub struct CasualtiesStage {
    lex: Arc<Lexicons>,
}

impl Stage for CasualtiesStage {
    const NAME: &'static str = "casualties";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str =
        "Casualty claims with number, victims and claimant, and article totals.";
    const PROVIDES: &'static str = names::CASUALTIES;
    const REQUIRES: &'static [&'static str] = &[names::SOURCE];
    const USES: &'static [&'static str] = &[names::ATTRIBUTION];
    type Config = Config;
    type Output = CasualtyLayer;

    fn config_docs() -> &'static [(&'static str, &'static str)] {
        &[
            (
                "outcome_files",
                "extra outcome words (phrase, outcome, form), as data/outcomes.txt",
            ),
            (
                "victim_files",
                "extra victim words (phrase, group, side, number), as data/victims.txt",
            ),
            (
                "word_files",
                "extra grammar words (phrase, classes), as data/words.txt",
            ),
            (
                "cause_files",
                "extra causes (phrase, kind), as data/causes.txt",
            ),
            (
                "marker_files",
                "extra status markers (phrase, status, scope), as data/markers.txt",
            ),
        ]
    }

    fn new(config: Config) -> Result<Self, ConfigError> {
        let lex = Lexicons::load(&ExtraFiles {
            outcomes: &config.outcome_files,
            victims: &config.victim_files,
            words: &config.word_files,
            causes: &config.cause_files,
            markers: &config.marker_files,
        })
        .map_err(|e| ConfigError::at_key(e.key, e.error.to_string()))?;
        let lex = Arc::new(lex);
        // The outcome words' automaton is most of the stage's start-up: built on first
        // use, and meanwhile on a thread of its own, so that neither `newsproc check` nor
        // the other stages wait for it.
        let warm = Arc::clone(&lex);
        let _ = std::thread::Builder::new()
            .name("casualties-warm-up".into())
            .spawn(move || {
                warm.outcomes.get();
            });
        Ok(CasualtiesStage { lex })
    }

    fn process(&self, doc: &Document) -> Result<CasualtyLayer, StageError> {
        // The upstream layers are read only for an article with claims.
        self.layer_from(&doc.text, || {
            Ok((doc.layer(names::SOURCE)?, doc.layer(names::ATTRIBUTION)?))
        })
    }

    fn report(&self, doc: &Document, layer: &CasualtyLayer) -> String {
        report(&doc.text, layer)
    }
}

/// The upstream layers, as far as this stage reads them.
type Upstream = (Option<OutsideBody>, Option<AttributionView>);

/// What this stage reads of the `attribution` layer: each relation's content and source.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct AttributionView {
    #[serde(default)]
    pub attributions: Vec<AttributionItem>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct AttributionItem {
    #[serde(default)]
    pub content: Vec<Span>,
    #[serde(default)]
    pub source: Option<SourceItem>,
    #[serde(default)]
    pub in_boilerplate: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct SourceItem {
    pub span: Span,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub name: Option<String>,
}

impl CasualtiesStage {
    /// The layer for `text`, with whichever upstream layers are at hand.
    pub fn layer(
        &self,
        text: &str,
        source: Option<&OutsideBody>,
        attribution: Option<&AttributionView>,
    ) -> CasualtyLayer {
        self.layer_from(text, || Ok((source.cloned(), attribution.cloned())))
            .unwrap_or_default()
    }

    /// The layer for `text`, asking for the upstream layers once claims are found.
    fn layer_from(
        &self,
        text: &str,
        upstream: impl FnOnce() -> Result<Upstream, StageError>,
    ) -> Result<CasualtyLayer, StageError> {
        let analysis = Analysis::new(text, &self.lex);
        let raw = analysis.claims(&self.lex);
        if raw.is_empty() {
            return Ok(CasualtyLayer::default());
        }
        let (source, attribution) = upstream()?;
        // Indexed once: each claim asks both, and reading every span for every claim is
        // quadratic in a long document.
        let outside_body = source.as_ref().map(OutsideBody::index);
        let claimants = attribution.as_ref().map(Claimants::new);
        let mut claims: Vec<Claim> = raw
            .iter()
            .map(|c| self.claim(&analysis, c, outside_body.as_ref(), claimants.as_ref()))
            .collect();
        let mut settings: Vec<_> = raw.iter().map(|c| analysis.setting(&self.lex, c)).collect();
        // A sentence told again word for word (a photo caption repeated down the page)
        // reports nothing new.
        let repeated = analysis.repeated_sentences();
        for s in &mut settings {
            s.repeated = repeated.get(s.sentence).copied().unwrap_or(false);
        }
        // The article's own date matters only beside a date in a claim's sentence.
        let article_date = settings
            .iter()
            .any(|s| !s.dates.is_empty())
            .then(|| extract::article_date(text, &self.lex))
            .flatten();
        let (events, totals) = totals::totals(&mut claims, &settings, article_date);
        Ok(CasualtyLayer {
            claims,
            events,
            totals,
        })
    }

    fn claim(
        &self,
        a: &Analysis,
        c: &RawClaim,
        outside_body: Option<&OutsideIndex>,
        claimants: Option<&Claimants>,
    ) -> Claim {
        let text = a.text;
        let number_span = a.number_span(c);
        let trigger = a.tokens_span(&c.trigger);
        let number = match &c.number {
            NumberRef::Quantity(q) => {
                let q = &a.quants[*q];
                let between = text
                    .get(q.span.range())
                    .and_then(|t| t.get(..7))
                    .is_some_and(|t| t.eq_ignore_ascii_case("between"));
                Count {
                    span: q.span,
                    text: q.span.of(text).to_string(),
                    min: to_count(q.min),
                    max: if q.vague.is_some() {
                        None
                    } else {
                        q.max.map(to_count)
                    },
                    vague: q.vague.map(|v| vague_name(v).to_string()),
                    qualifier: q
                        .qualifier
                        .map(|x| qualifier_name(x).to_string())
                        .or_else(|| between.then(|| "between".to_string())),
                    implicit: false,
                }
            }
            NumberRef::Implicit(_, n) => Count {
                span: number_span,
                text: number_span.of(text).to_string(),
                min: *n,
                max: Some(*n),
                vague: None,
                qualifier: None,
                implicit: true,
            },
        };
        let victims = c.victims.as_ref().filter(|r| !r.is_empty()).map(|r| {
            let span = a.tokens_span(r);
            Victims {
                span,
                text: span.of(text).to_string(),
                group: c.victim_info.group.unwrap_or(VictimGroup::Unknown),
                side: c.victim_info.side,
            }
        });
        let mut span = number_span.cover(trigger);
        if let Some(v) = &victims {
            span = span.cover(v.span);
        }
        let sentence = a.sentences.get(c.sentence).copied().unwrap_or(span);
        let cause = nearest_cause(a, sentence, trigger).map(|s| Phrase {
            span: s,
            text: s.of(text).to_string(),
        });
        Claim {
            span,
            outcome: c.outcome,
            number,
            victims,
            cause,
            claimant: claimants.and_then(|c| c.of(number_span)),
            status: c.status,
            counted: false,
            event: None,
            part_of: c.part_of,
            in_boilerplate: outside_body.is_some_and(|o| o.contains(span))
                || in_playlist(text, span.start),
        }
    }
}

/// Whether byte `at` lies in a video playlist: lines of clip titles, each after its
/// running time ("0:43 Man found dead in park", then "1:47 Council votes on budget").
/// Page furniture listing other stories, not the article's news: the line of `at` and
/// the line before or after it (blank lines aside) each open with a running time.
fn in_playlist(text: &str, at: usize) -> bool {
    /// How long a clip's title line may run before `at`, in bytes: a longer line is
    /// prose (and is not read back to its start: the cost would grow with the text).
    const TITLE: usize = 200;
    let bytes = text.as_bytes();
    let at = at.min(bytes.len());
    let from = at.saturating_sub(TITLE);
    let start = match bytes[from..at].iter().rposition(|&b| b == b'\n') {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return false,
    };
    if !opens_with_running_time(&bytes[start..]) {
        return false;
    }
    let end = bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| at + i);
    // The nearest non-blank line before and after.
    let before = bytes[..start]
        .split(|&b| b == b'\n')
        .rev()
        .find(|l| !l.trim_ascii().is_empty());
    let after = bytes[end..]
        .split(|&b| b == b'\n')
        .find(|l| !l.trim_ascii().is_empty());
    before.is_some_and(opens_with_running_time) || after.is_some_and(opens_with_running_time)
}

/// Whether a line opens with a clip's running time and title: "m:ss" or "mm:ss", a
/// space, and a capital or a quotation mark; not a clock time ("9:30 a.m.", "10:15 PM").
fn opens_with_running_time(line: &[u8]) -> bool {
    let line = line.trim_ascii_start();
    let digits = line.iter().take_while(|b| b.is_ascii_digit()).count();
    (1..=2).contains(&digits)
        && line.get(digits) == Some(&b':')
        && line
            .get(digits + 1..digits + 3)
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
        && line.get(digits + 3) == Some(&b' ')
        && line
            .get(digits + 4)
            .is_some_and(|&b| b.is_ascii_uppercase() || b == b'\'' || b == b'"')
        && !line[digits + 4..].starts_with(b"AM")
        && !line[digits + 4..].starts_with(b"PM")
}

/// A value as a whole count: the integer part, saturating.
fn to_count(v: f64) -> u64 {
    if v.is_finite() && v > 0.0 {
        v.min(9.0e15) as u64
    } else {
        0
    }
}

fn vague_name(v: VagueKind) -> &'static str {
    match v {
        VagueKind::Couple => "a couple",
        VagueKind::Few => "a few",
        VagueKind::Handful => "a handful",
        VagueKind::Several => "several",
        VagueKind::Tens => "tens",
        VagueKind::Dozens => "dozens",
        VagueKind::Scores => "scores",
        VagueKind::Hundreds => "hundreds",
        VagueKind::Thousands => "thousands",
        VagueKind::TensOfThousands => "tens of thousands",
        VagueKind::HundredsOfThousands => "hundreds of thousands",
        VagueKind::Millions => "millions",
    }
}

fn qualifier_name(q: Qualifier) -> &'static str {
    match q {
        Qualifier::AtLeast => "at least",
        Qualifier::MoreThan => "more than",
        Qualifier::Over => "over",
        Qualifier::AtMost => "at most",
        Qualifier::UpTo => "up to",
        Qualifier::AsManyAs => "as many as",
        Qualifier::FewerThan => "fewer than",
        Qualifier::LessThan => "less than",
        Qualifier::Under => "under",
        Qualifier::Nearly => "nearly",
        Qualifier::Almost => "almost",
        Qualifier::CloseTo => "close to",
        Qualifier::About => "about",
        Qualifier::Around => "around",
        Qualifier::Some => "some",
        Qualifier::Roughly => "roughly",
        Qualifier::Approximately => "approximately",
        Qualifier::Estimated => "an estimated",
        Qualifier::OrMore => "or more",
        Qualifier::OrSo => "or so",
    }
}

/// The cause phrase in the claim's sentence nearest its outcome word.
fn nearest_cause(a: &Analysis, sentence: Span, trigger: Span) -> Option<Span> {
    a.causes
        .iter()
        .map(|(s, _)| *s)
        .filter(|s| sentence.contains(*s) && !s.overlaps(trigger))
        .min_by_key(|s| {
            if s.start >= trigger.end {
                s.start - trigger.end
            } else {
                trigger.start - s.end
            }
        })
}

/// The attributions' content spans, ordered to find the claimant of each claim: the
/// attribution whose content holds the claim's number.
struct Claimants<'a> {
    layer: &'a AttributionView,
    /// Content spans outside boilerplate, by start, with the index of their attribution.
    spans: Vec<(Span, usize)>,
    /// The longest of them: a span that holds a number starts at most this far before the
    /// number's end.
    longest: usize,
}

impl<'a> Claimants<'a> {
    fn new(layer: &'a AttributionView) -> Claimants<'a> {
        let mut spans: Vec<(Span, usize)> = layer
            .attributions
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.in_boilerplate)
            .flat_map(|(i, a)| a.content.iter().map(move |&c| (c, i)))
            .collect();
        spans.sort_unstable_by_key(|&(c, i)| (c.start, i));
        let longest = spans.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
        Claimants {
            layer,
            spans,
            longest,
        }
    }

    /// The tightest attribution (least content) whose content holds `number`; the
    /// first of equals.
    fn of(&self, number: Span) -> Option<Claimant> {
        let content_len = |i: usize| -> usize {
            self.layer.attributions[i]
                .content
                .iter()
                .map(|c| c.len())
                .sum()
        };
        let after = self.spans.partition_point(|(c, _)| c.start <= number.start);
        let earliest = number.end.saturating_sub(self.longest);
        let index = self.spans[..after]
            .iter()
            .rev()
            .take_while(|(c, _)| c.start >= earliest)
            .filter(|(c, _)| c.contains(number))
            .map(|&(_, i)| i)
            .min_by_key(|&i| (content_len(i), i))?;
        let source = self.layer.attributions[index].source.as_ref();
        Some(Claimant {
            attribution: Some(index),
            name: source.map(|s| s.name.clone().unwrap_or_else(|| s.text.clone())),
            span: source.map(|s| s.span),
        })
    }
}

fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Killed => "killed",
        Outcome::Injured => "injured",
        Outcome::Missing => "missing",
        Outcome::Captured => "captured",
        Outcome::Displaced => "displaced",
        Outcome::Shot => "shot",
    }
}

fn status_name(s: ClaimStatus) -> &'static str {
    match s {
        ClaimStatus::Reported => "reported",
        ClaimStatus::Confirmed => "confirmed",
        ClaimStatus::Denied => "denied",
        ClaimStatus::Hypothetical => "hypothetical",
        ClaimStatus::Cumulative => "cumulative",
        ClaimStatus::Background => "background",
    }
}

fn group_name(v: &Victims) -> String {
    let group = match v.group {
        VictimGroup::Civilians => "civilians",
        VictimGroup::Children => "children",
        VictimGroup::Women => "women",
        VictimGroup::Combatants => "combatants",
        VictimGroup::Unknown => "people",
    };
    match v.side {
        Some(side) => format!("{group}, {}", format!("{side:?}").to_lowercase()),
        None => group.to_string(),
    }
}

/// The readable account: totals, then each claim with a short excerpt.
pub fn report(text: &str, layer: &CasualtyLayer) -> String {
    let mut out = String::new();
    let t = &layer.totals;
    let show = |v: Option<u64>| v.map_or("-".to_string(), |v| v.to_string());
    let _ = writeln!(
        out,
        "totals: killed {} (civilians {}, non-civilians {}), injured {}",
        show(t.killed),
        show(t.killed_civilians),
        show(t.killed_noncivilians),
        show(t.injured)
    );
    for (i, e) in layer.events.iter().enumerate() {
        let f = &e.figures;
        let _ = write!(out, "event {}: killed {}", i + 1, show(f.killed));
        if f.killed_civilians.is_some() || f.killed_noncivilians.is_some() {
            let _ = write!(
                out,
                " (civilians {}, non-civilians {})",
                show(f.killed_civilians),
                show(f.killed_noncivilians)
            );
        }
        let _ = write!(out, ", injured {}", show(f.injured));
        if let Some(c) = layer.claims.get(e.first) {
            let _ = write!(
                out,
                ", first reported \"{}\"",
                context(text, c.span, 0).trim()
            );
        }
        let _ = writeln!(out, " ({} claims)", e.mentions);
    }
    if layer.claims.is_empty() {
        out.push_str("no casualty claims\n");
    }
    for (i, c) in layer.claims.iter().enumerate() {
        let n = &c.number;
        let value = match n.max {
            Some(max) if max != n.min => format!("{}-{max}", n.min),
            Some(_) => n.min.to_string(),
            None => format!("{}+", n.min),
        };
        let _ = write!(
            out,
            "{}{} {} {value}",
            if c.counted { "*" } else { " " },
            i + 1,
            outcome_name(c.outcome)
        );
        if let Some(v) = &c.victims {
            let _ = write!(out, " [{}: {}]", group_name(v), v.text);
        }
        let _ = write!(out, " {}", status_name(c.status));
        if let Some(e) = c.event {
            let _ = write!(out, ", event {}", e + 1);
        }
        if let Some(p) = c.part_of {
            let _ = write!(out, ", part of {}", p + 1);
        }
        if let Some(cause) = &c.cause {
            let _ = write!(out, ", cause: {}", cause.text);
        }
        if let Some(name) = c.claimant.as_ref().and_then(|c| c.name.as_deref()) {
            let _ = write!(out, ", claimed by {name}");
        }
        if c.in_boilerplate {
            out.push_str(", in boilerplate");
        }
        let _ = writeln!(out, "\n    \"{}\"", context(text, c.span, 30).trim());
    }
    out.push_str("(* counted in the totals)\n");
    out
}

newsproc_sdk::export_stage!(CasualtiesStage);

#[cfg(test)]
mod tests;

/// Spans in the layer, for the host's check; exposed for tests.
pub fn spans(layer: &CasualtyLayer) -> Vec<Span> {
    let mut out = Vec::new();
    for c in &layer.claims {
        out.push(c.span);
        out.push(c.number.span);
        if let Some(v) = &c.victims {
            out.push(v.span);
        }
        if let Some(p) = &c.cause {
            out.push(p.span);
        }
    }
    out
}
