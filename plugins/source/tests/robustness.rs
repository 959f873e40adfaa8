//! The stage must not panic on any input, and every span it returns must be valid for the
//! text: inside it, on character boundaries; boilerplate in text order and not
//! overlapping. A small deterministic generator mixes the pieces that trouble the
//! patterns (datelines, brackets, slashes, dashes, agency names, cue phrases, multi-byte
//! characters, line breaks) with arbitrary bytes read as UTF-8.
//! `NEWSPROC_SOURCE_FUZZ` sets the number of texts, `NEWSPROC_SOURCE_SEED` the seed.

use newsproc_layers::source::SourceLayer;
use newsproc_sdk::arbitrary::{Rng, TextGen};
use newsproc_sdk::{Span, Stage};
use newsproc_stage_source::SourceStage;

const PIECES: &[&str] = &[
    "AMMAN",
    "WASHINGTON",
    "HAYWARD, Calif.",
    "Dec. 5",
    ", ",
    "(Reuters)",
    "(AP)",
    "(",
    ")",
    "/",
    "/TASS/",
    "SANA-",
    "Aleppo",
    " - ",
    "--",
    "—",
    "–",
    "-",
    "AFP",
    "Reuters",
    "The",
    "By",
    "Maria",
    "Okafor",
    "Reporting by",
    "; Editing by",
    "contributed to this report",
    "Contributing:",
    "Source:",
    "(With",
    "and",
    "agencies",
    "Copyright",
    "©",
    "(c)",
    "2024",
    "All rights reserved",
    "Sign up for",
    "newsletter",
    "A Message from",
    "Remind me later.",
    "Dear readers,",
    "Advertisement",
    "Write to",
    " at ",
    "jane.roe@wsj.com",
    "@",
    "can be reached at",
    "[break]",
    ".  ",
    "has not edited",
    "via Getty Images",
    "Read more:",
    "Correction:",
    "Photo:",
    "(AP Photo/",
    "Getty Images",
    "|",
    "told",
    "has learned",
    "could not independently verify",
    "’s",
    "'s",
    " is ",
    "correspondent",
    "newsroom",
    "Tags",
    "Our Standards",
    "Related News",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    ".",
    ",",
    ":",
    ";",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "é",
    "ß",
    "中文",
    "🙂",
    "\u{200B}",
    "\u{00A0}",
    "\u{2028}",
    "\u{0085}",
    "\u{3000}",
    "\u{0301}",
    "\r\n",
    "999999999999999999999",
    "0",
    "_",
];

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside a text of {} bytes: {text:?}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} inside a character: {text:?}"
    );
}

fn check(text: &str, layer: &SourceLayer) {
    for e in &layer.outlet_evidence {
        check_span(text, e.span, "outlet evidence");
    }
    for e in &layer.agency_evidence {
        check_span(text, e.span, "agency evidence");
    }
    if let Some(d) = &layer.dateline {
        check_span(text, d.span, "dateline");
    }
    for c in &layer.credits {
        check_span(text, c.span, "credit");
    }
    for b in &layer.boilerplate {
        check_span(text, b.span, "boilerplate");
        assert!(!b.span.is_empty(), "empty boilerplate span: {text:?}");
    }
    for w in layer.boilerplate.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "boilerplate out of order or overlapping: {:?} {:?} in {text:?}",
            w[0].span,
            w[1].span
        );
    }
    for s in &layer.captions {
        check_span(text, *s, "caption");
    }
    for s in &layer.body {
        check_span(text, *s, "body");
    }
    for w in layer.body.windows(2) {
        assert!(w[0].end <= w[1].start, "body out of order: {text:?}");
    }
}

#[test]
fn arbitrary_strings() {
    let iterations: usize = std::env::var("NEWSPROC_SOURCE_FUZZ")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    let stage = SourceStage::new(Default::default()).unwrap();
    let seed: u64 = std::env::var("NEWSPROC_SOURCE_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15);
    let mut rng = Rng::new(seed);
    for _ in 0..iterations {
        let text = TextGen::new(PIECES).text(&mut rng);
        let layer = stage.layer(&text);
        check(&text, &layer);
    }
}

#[test]
fn edge_cases() {
    let stage = SourceStage::new(Default::default()).unwrap();
    let long_dash = "-".repeat(10_000);
    let long_bracket = "(".repeat(5_000);
    let many_lines = "Advertisement\n".repeat(2_000);
    // A long text without line breaks, full of names and cues: must stay linear.
    let run_on =
        "LIMA (Reuters) - Officials told CNN that Reuters could not verify it. Source: AFP "
            .repeat(3_000);
    let cases: Vec<&str> = vec![
        "",
        " ",
        "\n",
        "(",
        ")",
        "(Reuters)",
        "(Reuters) -",
        "AMMAN (Reuters)",
        "AMMAN (",
        "/TASS/",
        " /TASS/.",
        "SANA-",
        "-AFP",
        "--",
        "\"",
        "“",
        "By ",
        "By X",
        "Reporting by",
        "Reporting by ;",
        "(Reporting by",
        "contributed to this report",
        "Source:",
        "(Source:",
        "(With AFP and",
        "©",
        "A Message from",
        "Dear readers,\nRemind me later.",
        "é(AP)é",
        "中文 (Reuters) - 中文",
        &long_dash,
        &long_bracket,
        &many_lines,
        &run_on,
    ];
    for text in cases {
        let layer = stage.layer(text);
        check(text, &layer);
    }
}
