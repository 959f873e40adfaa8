//! The readable account of a source layer, quoting the text.

use std::fmt::Write as _;

use newsproc_layers::source::{
    AgencyEvidenceKind, BoilerplateKind, CreditRole, OutletEvidenceKind, SourceLayer,
};
use newsproc_sdk::Span;

/// At most `max` characters of the text under `span`, on one line.
fn excerpt(text: &str, span: Span, max: usize) -> String {
    let s = newsproc_text::util::slice(text, newsproc_text::clamp_span(text, span));
    let one_line: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let n = one_line.chars().count();
    if n <= max {
        format!("\u{201C}{one_line}\u{201D}")
    } else {
        let head: String = one_line.chars().take(max.saturating_sub(1)).collect();
        format!("\u{201C}{}\u{2026}\u{201D}", head.trim_end())
    }
}

/// About 50 bytes of context around `span` on its line, for quoting evidence.
fn line_around(text: &str, span: Span) -> Span {
    let ctx = newsproc_text::context(text, span, 20);
    let mut start = ctx.as_ptr() as usize - text.as_ptr() as usize;
    let mut end = start + ctx.len();
    // Whole words only: drop a word cut at either end.
    let span = newsproc_text::clamp_span(text, span);
    let cut = |i: usize| {
        text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
            && text[i..].chars().next().is_some_and(|c| !c.is_whitespace())
    };
    if start < span.start && cut(start) {
        start = text[start..span.start]
            .find(char::is_whitespace)
            .map_or(span.start, |k| start + k + 1);
    }
    if end > span.end && cut(end) {
        end = text[span.end..end]
            .rfind(char::is_whitespace)
            .map_or(span.end, |k| span.end + k);
    }
    Span::new(start, end)
}

fn outlet_how(k: OutletEvidenceKind) -> &'static str {
    match k {
        OutletEvidenceKind::Chrome => "its own matter",
        OutletEvidenceKind::Dateline => "dateline",
        OutletEvidenceKind::SelfReference => "self-reference",
        OutletEvidenceKind::Reporting => "reporting",
        OutletEvidenceKind::SignedColumn => "signed column",
    }
}

fn agency_how(k: AgencyEvidenceKind) -> &'static str {
    match k {
        AgencyEvidenceKind::Dateline => "dateline",
        AgencyEvidenceKind::Trailer => "sign-off",
        AgencyEvidenceKind::Credit => "credit",
        AgencyEvidenceKind::Copyright => "copyright",
        AgencyEvidenceKind::Source => "source line",
    }
}

fn role(r: CreditRole) -> &'static str {
    match r {
        CreditRole::Byline => "by",
        CreditRole::Reporting => "reporting",
        CreditRole::AdditionalReporting => "additional reporting",
        CreditRole::Writing => "writing",
        CreditRole::Editing => "editing",
        CreditRole::Contributed => "contributed",
        CreditRole::Photo => "photo",
        CreditRole::Contact => "contact",
    }
}

fn kind(k: BoilerplateKind) -> &'static str {
    match k {
        BoilerplateKind::Appeal => "appeal",
        BoilerplateKind::Copyright => "copyright",
        BoilerplateKind::Newsletter => "newsletter",
        BoilerplateKind::Caption => "caption",
        BoilerplateKind::Correction => "correction",
        BoilerplateKind::Links => "links",
        BoilerplateKind::Header => "header",
        BoilerplateKind::Trailer => "trailer",
        BoilerplateKind::Advertisement => "advertisement",
        BoilerplateKind::Note => "note",
    }
}

pub fn report(text: &str, layer: &SourceLayer) -> String {
    let mut out = String::new();
    match &layer.outlet {
        Some(outlet) => {
            let _ = write!(out, "outlet: {outlet}");
            // Each kind of evidence once, with how often and where it is first.
            let mut why: Vec<String> = Vec::new();
            let mut seen: Vec<OutletEvidenceKind> = Vec::new();
            for e in &layer.outlet_evidence {
                if seen.contains(&e.how) {
                    continue;
                }
                seen.push(e.how);
                let n = layer
                    .outlet_evidence
                    .iter()
                    .filter(|x| x.how == e.how)
                    .count();
                let times = if n > 1 {
                    format!(" \u{00D7}{n}")
                } else {
                    String::new()
                };
                why.push(format!(
                    "{}{times}: {}",
                    outlet_how(e.how),
                    excerpt(text, line_around(text, e.span), 50)
                ));
            }
            if !why.is_empty() {
                let _ = write!(out, " ({})", why.join("; "));
            }
            out.push('\n');
        }
        None => out.push_str("outlet: not named in the text\n"),
    }
    if layer.wire_agencies.is_empty() {
        out.push_str("wire agencies: none\n");
    } else {
        let list: Vec<String> = layer
            .wire_agencies
            .iter()
            .map(|a| {
                let how: Vec<&str> = layer
                    .agency_evidence
                    .iter()
                    .filter(|e| &e.agency == a)
                    .map(|e| agency_how(e.how))
                    .collect();
                format!("{a} ({})", how.join(", "))
            })
            .collect();
        let _ = writeln!(out, "wire agencies: {}", list.join("; "));
    }
    match &layer.dateline {
        Some(d) => {
            let _ = write!(out, "dateline: {}", excerpt(text, d.span, 60));
            let mut parts = Vec::new();
            if let Some(p) = &d.place {
                parts.push(format!("place {p}"));
            }
            if let Some(r) = &d.region {
                parts.push(format!("region {r}"));
            }
            if let Some(t) = &d.date {
                parts.push(format!("date {t}"));
            }
            if let Some(a) = &d.agency {
                parts.push(format!("source {a}"));
            }
            if !parts.is_empty() {
                let _ = write!(out, " ({})", parts.join(", "));
            }
            out.push('\n');
        }
        None => out.push_str("dateline: none\n"),
    }
    if !layer.credits.is_empty() {
        out.push_str("credits:\n");
        for c in &layer.credits {
            let mut who = c.names.join(", ");
            if let Some(a) = &c.agency {
                if !who.is_empty() {
                    who.push_str(", ");
                }
                who.push_str(a);
            }
            let _ = writeln!(
                out,
                "  {}: {} {}",
                role(c.role),
                who,
                excerpt(text, c.span, 50)
            );
        }
    }
    if layer.boilerplate.is_empty() {
        out.push_str("boilerplate: none\n");
    } else {
        let bytes: usize = layer.boilerplate.iter().map(|b| b.span.len()).sum();
        let _ = writeln!(
            out,
            "boilerplate: {} spans, {bytes} bytes",
            layer.boilerplate.len()
        );
        for b in &layer.boilerplate {
            let _ = writeln!(out, "  {}: {}", kind(b.kind), excerpt(text, b.span, 60));
        }
    }
    if !layer.captions.is_empty() {
        out.push_str("captions:\n");
        for &c in &layer.captions {
            let _ = writeln!(out, "  {}", excerpt(text, c, 60));
        }
    }
    let body_bytes: usize = layer.body.iter().map(|s| s.len()).sum();
    let _ = write!(out, "body: {} spans, {body_bytes} bytes", layer.body.len());
    out
}
