//! The text report: speech grouped by speaker, then what is not speech, quoting short
//! excerpts of the text.

use std::fmt::Write;

use newsproc_layers::quotes::{Quote, QuoteKind, QuotesLayer};

/// Excerpts are cut to about this many bytes.
const EXCERPT: usize = 90;

pub(crate) fn render(text: &str, layer: &QuotesLayer) -> String {
    let quotes = &layer.quotes;
    if quotes.is_empty() {
        return "no quotations\n".to_owned();
    }
    let count = |kind| quotes.iter().filter(|q| q.kind == kind).count();
    let mut out = String::new();
    let mut parts = Vec::new();
    for (kind, one, many) in [
        (QuoteKind::Speech, "speech", "speech"),
        (QuoteKind::Scare, "scare quote", "scare quotes"),
        (QuoteKind::Title, "title or name", "titles or names"),
        (QuoteKind::Other, "other", "other"),
    ] {
        match count(kind) {
            0 => {}
            1 => parts.push(format!("1 {one}")),
            n => parts.push(format!("{n} {many}")),
        }
    }
    let boiler = quotes.iter().filter(|q| q.in_boilerplate).count();
    let _ = write!(
        out,
        "{} quotation{}: {}",
        quotes.len(),
        if quotes.len() == 1 { "" } else { "s" },
        parts.join(", ")
    );
    if boiler > 0 {
        let _ = write!(out, "; {boiler} in boilerplate");
    }
    out.push('\n');

    for group in &layer.by_speaker {
        let _ = writeln!(out, "{} ({}):", group.name, group.quotes.len());
        for span in &group.quotes {
            // Quotations are sorted by start, an enclosing one before those inside it.
            let i = quotes.partition_point(|q| q.span.start < span.start);
            if let Some(q) = quotes[i..].iter().find(|q| q.span == *span) {
                let _ = writeln!(out, "  {}", line(text, q));
            }
        }
    }
    let unattributed: Vec<&Quote> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Speech && q.speaker.is_none())
        .collect();
    if !unattributed.is_empty() {
        let _ = writeln!(
            out,
            "speech with no speaker found ({}):",
            unattributed.len()
        );
        for q in unattributed {
            let _ = writeln!(out, "  {}", line(text, q));
        }
    }
    for (kind, title) in [
        (QuoteKind::Scare, "scare quotes"),
        (QuoteKind::Title, "titles and names"),
        (QuoteKind::Other, "other quotations"),
    ] {
        let items: Vec<String> = quotes
            .iter()
            .filter(|q| q.kind == kind)
            .map(|q| line(text, q))
            .collect();
        if !items.is_empty() {
            let _ = writeln!(out, "{title}: {}", items.join("; "));
        }
    }
    out
}

/// One quotation as an excerpt with its notes: `“We will win,” (unclosed, boilerplate)`.
fn line(text: &str, q: &Quote) -> String {
    let mut s = excerpt(text.get(q.span.range()).unwrap_or(&q.text));
    let mut notes = Vec::new();
    if q.multi_paragraph {
        notes.push("over several paragraphs".to_owned());
    }
    if q.unclosed {
        notes.push("unclosed".to_owned());
    }
    if q.nested_in.is_some() {
        notes.push("nested".to_owned());
    }
    if q.in_boilerplate {
        notes.push("boilerplate".to_owned());
    }
    if q.kind != QuoteKind::Speech
        && let Some(sp) = &q.speaker
    {
        notes.push(format!("from {}", sp.name));
    }
    if !notes.is_empty() {
        let _ = write!(s, " ({})", notes.join(", "));
    }
    s
}

/// The first [`EXCERPT`] bytes or so of `s`, on a character boundary, with line breaks
/// shown as `¶`.
fn excerpt(s: &str) -> String {
    let mut end = s.len().min(EXCERPT);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let mut out: String = s[..end].replace('\n', " ¶ ");
    if end < s.len() {
        out.push('…');
    }
    out
}
