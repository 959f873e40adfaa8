//! Error analysis: the worst misses and false alarms of a task, grouped by kind.
//!
//! Each item names the document, shows the text around the span (80 characters either
//! side, the span between ⟦ and ⟧, newlines as ⏎) and says what the gold expected and
//! what the output gave. "Worst" is the largest first: bytes for span errors, the size of
//! the numeric error for figures; ties keep document order, then text order, so the
//! listing is the same on every run.

use std::fmt::Write as _;

use serde::Serialize;

use crate::Task;
use crate::gold::GoldDoc;
use crate::spans::{Span, SpanSet};

/// What went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// A gold relation no prediction matched.
    MissedRelation,
    /// A prediction that matched no gold item (and, for quotes, is not exempt).
    FalseAlarm,
    /// A matched relation whose source is wrong.
    WrongSource,
    /// A gold direct quotation no speech quotation matched.
    MissedQuotation,
    /// A matched quotation whose speaker is wrong.
    WrongSpeaker,
    /// A casualty figure given but not the gold one.
    WrongNumber,
    /// A non-zero gold casualty figure left out.
    MissedFigure,
    /// A non-zero figure where the gold has zero or none.
    InventedFigure,
    WrongOutlet,
    WrongAgencySet,
    MissedDateline,
    ExtraDateline,
    /// A matched dateline with the wrong place.
    WrongPlace,
    /// Gold boilerplate bytes not marked.
    BoilerplateMissed,
    /// Bytes marked as boilerplate that are not.
    BoilerplateFalseBytes,
}

impl ErrorKind {
    /// The kinds a task reports, in the order they are listed.
    pub fn for_task(task: Task) -> &'static [ErrorKind] {
        use ErrorKind::*;
        match task {
            Task::Direct | Task::Attribution => &[MissedRelation, FalseAlarm, WrongSource],
            Task::Quotes => &[MissedQuotation, FalseAlarm, WrongSpeaker],
            Task::Casualties => &[WrongNumber, MissedFigure, InventedFigure],
            Task::Source => &[
                WrongOutlet,
                WrongAgencySet,
                MissedDateline,
                ExtraDateline,
                WrongPlace,
                BoilerplateMissed,
                BoilerplateFalseBytes,
            ],
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ErrorKind::MissedRelation => "missed relations",
            ErrorKind::FalseAlarm => "false alarms",
            ErrorKind::WrongSource => "wrong sources",
            ErrorKind::MissedQuotation => "missed quotations",
            ErrorKind::WrongSpeaker => "wrong speakers",
            ErrorKind::WrongNumber => "wrong numbers",
            ErrorKind::MissedFigure => "missed figures",
            ErrorKind::InventedFigure => "invented figures",
            ErrorKind::WrongOutlet => "wrong outlets",
            ErrorKind::WrongAgencySet => "wrong wire-agency sets",
            ErrorKind::MissedDateline => "missed datelines",
            ErrorKind::ExtraDateline => "extra datelines",
            ErrorKind::WrongPlace => "wrong dateline places",
            ErrorKind::BoilerplateMissed => "boilerplate missed",
            ErrorKind::BoilerplateFalseBytes => "false boilerplate bytes",
        }
    }
}

/// One error, ready to show.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ErrorItem {
    pub kind: ErrorKind,
    pub doc_id: String,
    /// The span the error is about (its hull for a discontinuous set), if any.
    pub span: Option<Span>,
    pub context: String,
    pub expected: String,
    pub predicted: String,
    /// How bad: bytes, or the size of a numeric error. Larger is listed first.
    pub severity: f64,
}

/// An error as a task finds it: the context is only rendered for the errors kept.
#[derive(Clone, Debug)]
pub(crate) struct Finding {
    pub kind: ErrorKind,
    pub doc_index: usize,
    /// The spans to mark, sorted and disjoint; none for a document-level error.
    pub ranges: Vec<Span>,
    pub severity: f64,
    pub expected: String,
    pub predicted: String,
}

impl Finding {
    /// An error about the content `set` of one relation or quotation, as severe as the
    /// content is long.
    pub fn over_content(
        kind: ErrorKind,
        doc_index: usize,
        set: &SpanSet,
        expected: String,
        predicted: String,
    ) -> Finding {
        Finding {
            kind,
            doc_index,
            ranges: set.ranges().to_vec(),
            severity: set.len() as f64,
            expected,
            predicted,
        }
    }
}

/// The worst errors of one kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ErrorGroup {
    pub kind: ErrorKind,
    /// All errors of this kind, of which `items` are the worst.
    pub total: usize,
    pub items: Vec<ErrorItem>,
}

/// The worst errors of a task, per kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ErrorReport {
    pub task: Task,
    pub groups: Vec<ErrorGroup>,
}

impl ErrorReport {
    /// Groups the findings by kind and keeps the `per_kind` worst of each.
    pub(crate) fn new(
        task: Task,
        gold: &[GoldDoc],
        mut findings: Vec<Finding>,
        per_kind: usize,
    ) -> ErrorReport {
        // Stable: findings arrive in document and text order, which breaks remaining ties.
        findings.sort_by(|a, b| {
            b.severity
                .total_cmp(&a.severity)
                .then(a.doc_index.cmp(&b.doc_index))
                .then(
                    a.ranges
                        .first()
                        .map(|s| s.start)
                        .cmp(&b.ranges.first().map(|s| s.start)),
                )
        });
        let mut groups: Vec<ErrorGroup> = ErrorKind::for_task(task)
            .iter()
            .map(|&kind| ErrorGroup {
                kind,
                total: 0,
                items: Vec::new(),
            })
            .collect();
        for finding in findings {
            let Some(group) = groups.iter_mut().find(|g| g.kind == finding.kind) else {
                continue;
            };
            group.total += 1;
            if group.items.len() < per_kind {
                let doc = &gold[finding.doc_index];
                group.items.push(ErrorItem {
                    kind: finding.kind,
                    doc_id: doc.id.clone(),
                    span: finding
                        .ranges
                        .first()
                        .zip(finding.ranges.last())
                        .map(|(first, last)| Span::new(first.start, last.end)),
                    context: context(&doc.text, &finding.ranges),
                    expected: finding.expected,
                    predicted: finding.predicted,
                    severity: finding.severity,
                });
            }
        }
        ErrorReport { task, groups }
    }

    /// The listing for a person.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for group in &self.groups {
            let _ = writeln!(
                out,
                "== {}: {} ({} shown of {})",
                self.task,
                group.kind.label(),
                group.items.len(),
                group.total
            );
            for item in &group.items {
                let span = item.span.map(|s| format!(" {s}")).unwrap_or_default();
                let _ = writeln!(out, "-- {}{span}", item.doc_id);
                let _ = writeln!(out, "   text:      {}", item.context);
                let _ = writeln!(out, "   expected:  {}", item.expected);
                let _ = writeln!(out, "   predicted: {}", item.predicted);
            }
            out.push('\n');
        }
        out
    }
}

/// Characters of text shown either side of a span.
const WINDOW: usize = 80;
/// A marked stretch longer than this many characters shows only its two ends.
const MAX_MARKED: usize = 160;

/// The text around `ranges` (sorted, disjoint), each range between ⟦ and ⟧. Offsets off
/// a character boundary or past the end are moved to the nearest safe place, so any span
/// can be shown. With no ranges, the start of the text.
fn context(text: &str, ranges: &[Span]) -> String {
    let (Some(first), Some(last)) = (ranges.first(), ranges.last()) else {
        let end = chars_forward(text, 0, 2 * WINDOW);
        let mut out = visible(&text[..end]);
        if end < text.len() {
            out.push('…');
        }
        return out;
    };
    let start = floor_boundary(text, first.start);
    let end = ceil_boundary(text, last.end).max(start);
    let window_start = chars_back(text, start, WINDOW);
    let window_end = chars_forward(text, end, WINDOW);

    let mut out = String::new();
    if window_start > 0 {
        out.push('…');
    }
    let mut cursor = window_start;
    for range in ranges {
        let s = floor_boundary(text, range.start).max(cursor);
        let e = ceil_boundary(text, range.end).max(s);
        out.push_str(&elided(&text[cursor..s]));
        out.push('⟦');
        out.push_str(&elided(&text[s..e]));
        out.push('⟧');
        cursor = e;
    }
    out.push_str(&visible(&text[cursor..window_end.max(cursor)]));
    if window_end < text.len() {
        out.push('…');
    }
    out
}

/// Shows a stretch on one line, keeping only its ends when it is long.
fn elided(s: &str) -> String {
    let count = s.chars().count();
    if count <= MAX_MARKED {
        return visible(s);
    }
    let keep = MAX_MARKED / 2 - 5;
    let head_end = chars_forward(s, 0, keep);
    let tail_start = chars_back(s, s.len(), keep);
    format!(
        "{} … {}",
        visible(&s[..head_end]),
        visible(&s[tail_start..])
    )
}

/// One line: newlines as ⏎, other control characters as spaces.
fn visible(s: &str) -> String {
    s.chars()
        .filter(|&c| c != '\r')
        .map(|c| match c {
            '\n' => '⏎',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The offset `n` characters before `at` (a boundary), or 0.
fn chars_back(text: &str, at: usize, n: usize) -> usize {
    if n == 0 {
        return at;
    }
    text[..at]
        .char_indices()
        .rev()
        .nth(n - 1)
        .map_or(0, |(i, _)| i)
}

/// The offset `n` characters after `at` (a boundary), or the end.
fn chars_forward(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_marks_spans_and_is_boundary_safe() {
        let text = "Él dijo:\n«hola» y “adiós”";
        // 'É' is two bytes: a span starting at byte 1 is moved back to 0.
        let shown = context(text, &[Span::new(1, 3)]);
        assert_eq!(shown, "⟦Él⟧ dijo:⏎«hola» y “adiós”");
        // Two discontinuous ranges, the second ending inside '”' (3 bytes).
        let s1 = text.find('«').unwrap();
        let s2 = text.find('“').unwrap();
        let shown = context(text, &[Span::new(s1, s1 + 2), Span::new(s2, s2 + 1)]);
        assert_eq!(shown, "Él dijo:⏎⟦«⟧hola» y ⟦“⟧adiós”");
        assert_eq!(
            context(text, &[Span::new(500, 900)]),
            format!("{}⟦⟧", visible(text))
        );
    }

    #[test]
    fn context_window_and_elision() {
        let text = format!(
            "{}[{}]{}",
            "a".repeat(100),
            "b".repeat(300),
            "c".repeat(100)
        );
        let shown = context(&text, &[Span::new(100, 402)]);
        assert!(shown.starts_with(&format!("…{}⟦[", "a".repeat(80))));
        assert!(shown.ends_with(&format!("]⟧{}…", "c".repeat(80))));
        assert!(shown.contains(" … "));
        assert!(shown.chars().count() < 80 + 80 + MAX_MARKED + 10);
    }
}
