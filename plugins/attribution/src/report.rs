//! The readable account of the layer: sources first, then every relation with a short
//! excerpt of what was said.

use std::fmt::Write;

use newsproc_layers::attribution::{AttributionKind, AttributionLayer, SourceKind};
use newsproc_sdk::Span;

/// Longest excerpt of content shown per relation, in characters.
const EXCERPT: usize = 90;

pub fn render(text: &str, layer: &AttributionLayer) -> String {
    let mut out = String::new();
    let count = |k: AttributionKind| layer.attributions.iter().filter(|a| a.kind == k).count();
    let _ = writeln!(
        out,
        "{} attributions ({} direct, {} mixed, {} indirect), {} sources",
        layer.attributions.len(),
        count(AttributionKind::Direct),
        count(AttributionKind::Mixed),
        count(AttributionKind::Indirect),
        layer.sources.len()
    );
    if !layer.sources.is_empty() {
        out.push_str("\nSources:\n");
    }
    for s in &layer.sources {
        let mut facts = vec![kind_name(s.kind).to_owned()];
        if let Some(t) = &s.title {
            facts.push(format!("title: {t}"));
        }
        if let Some(r) = &s.role {
            facts.push(format!("role: {}", excerpt(r, 60)));
        }
        if let Some(a) = &s.affiliation {
            facts.push(format!("affiliation: {a}"));
        }
        let mentions: Vec<String> = s
            .mentions
            .iter()
            .map(|m| format!("“{}”", excerpt(slice(text, *m), 40)))
            .collect();
        let _ = writeln!(
            out,
            "  {} ({}); mentions: {}",
            s.name,
            facts.join(", "),
            if mentions.is_empty() {
                "-".to_owned()
            } else {
                mentions.join(", ")
            }
        );
    }
    if !layer.attributions.is_empty() {
        out.push_str("\nAttributions:\n");
    }
    for a in &layer.attributions {
        let who = match &a.source {
            None => "(no source)".to_owned(),
            Some(s) => match &s.name {
                Some(n) if n != &s.text => format!("{} [“{}”]", n, excerpt(&s.text, 40)),
                _ => format!("“{}”", excerpt(&s.text, 50)),
            },
        };
        let cue = a.cue.as_ref().map_or("-", |c| c.text.as_str());
        let content: Vec<&str> = a.content.iter().map(|s| slice(text, *s)).collect();
        let said = content.join(" … ");
        let flag = if a.in_boilerplate {
            " (boilerplate)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  [{}] {} — {}: {}{}",
            kind_of(a.kind),
            who,
            cue,
            excerpt(&said, EXCERPT),
            flag
        );
    }
    out
}

fn kind_of(k: AttributionKind) -> &'static str {
    match k {
        AttributionKind::Direct => "direct",
        AttributionKind::Mixed => "mixed",
        AttributionKind::Indirect => "indirect",
    }
}

fn kind_name(k: SourceKind) -> &'static str {
    match k {
        SourceKind::Person => "person",
        SourceKind::Organization => "organization",
        SourceKind::Government => "government",
        SourceKind::Group => "group",
        SourceKind::Anonymous => "anonymous",
        SourceKind::Document => "document",
    }
}

fn slice(text: &str, s: Span) -> &str {
    text.get(s.range()).unwrap_or("")
}

/// At most `max` characters of `s` on one line, with an ellipsis when cut.
fn excerpt(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}
