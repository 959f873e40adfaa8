//! The stage must not panic on any input, and every span it returns must be valid for the
//! text. A small deterministic generator mixes the pieces that trouble quotation pairing
//! and classification (marks of every style, apostrophes, brackets, dashes, verbs of
//! saying, line breaks, multi-byte characters, arbitrary bytes), and the upstream layers
//! are random too: relations and boilerplate over arbitrary spans, entity indices that
//! point nowhere.

use newsproc_layers::attribution::{
    Attribution, AttributionKind, AttributionLayer, Source, SourceKind, SourceMention,
};
use newsproc_layers::source::{Boilerplate, BoilerplateKind, SourceLayer};
use newsproc_sdk::arbitrary::{Rng, TextGen};
use newsproc_sdk::{Chain, Span, Stage, in_process};
use newsproc_stage_attribution::AttributionStage;
use newsproc_stage_quotes::{Config, QuotesStage};
use newsproc_stage_source::SourceStage;
use serde_json::Value;

const PIECES: &[&str] = &[
    "\"",
    "\"",
    "'",
    "''",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "‹",
    "›",
    "„",
    "‚",
    "‛",
    "‟",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "…",
    "...",
    "—",
    "–",
    "-",
    "--",
    "(",
    ")",
    "[",
    "]",
    "[rebel]",
    "=",
    "<tweet id=",
    "http://x.y",
    "@handle",
    "he said",
    "said",
    "told",
    "according to",
    "so-called",
    "dubbed",
    "the word",
    "the book",
    "titled",
    "Operation",
    "CNN's",
    "the",
    "a",
    "We",
    "will",
    "win",
    "Thirteen",
    "don't",
    "Assad’s",
    "officials’",
    "’90s",
    "rock ’n’ roll",
    "Mr.",
    "U.S.",
    "Make America Great Again",
    "undesirable",
    "foreign agent",
    "é",
    "日本",
    "🙂",
    "\u{0301}",
    "\u{200b}",
    "\t",
    "\r",
    "12\"",
    "99999999999999999999",
    "Abu Baraa Hamawi",
    // What the speaker finder reads: pronouns, lead-ins, appositives, signatures.
    "she",
    "He continued,",
    "Said",
    "was asked",
    "saying",
    ", who",
    "Sen.",
    "Ms.",
    "―",
    "(D-Ore.)",
    "also",
    "A",
    "I",
];

/// A span valid for `text` (on character boundaries), possibly empty.
fn random_span(rng: &mut Rng, text: &str) -> Span {
    let mut a = rng.below(text.len() + 1);
    let mut b = rng.below(text.len() + 1);
    if a > b {
        std::mem::swap(&mut a, &mut b);
    }
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    while !text.is_char_boundary(b) {
        b += 1;
    }
    Span::new(a, b)
}

fn random_layers(rng: &mut Rng, text: &str) -> (SourceLayer, AttributionLayer) {
    let source = SourceLayer {
        boilerplate: (0..rng.below(3))
            .map(|_| Boilerplate {
                span: random_span(rng, text),
                kind: BoilerplateKind::Appeal,
            })
            .collect(),
        ..SourceLayer::default()
    };
    let kinds = [
        AttributionKind::Direct,
        AttributionKind::Mixed,
        AttributionKind::Indirect,
    ];
    let attributions = (0..rng.below(6))
        .map(|_| Attribution {
            kind: kinds[rng.below(3)],
            content: (0..rng.below(4)).map(|_| random_span(rng, text)).collect(),
            source: (rng.below(4) != 0).then(|| SourceMention {
                span: random_span(rng, text),
                text: "he".into(),
                name: (rng.below(2) == 0).then(|| "Someone".into()),
                title: None,
                role: None,
                entity: (rng.below(3) != 0).then(|| rng.below(4)),
                conjuncts: Vec::new(),
            }),
            cue: None,
            in_boilerplate: false,
        })
        .collect();
    let sources = (0..rng.below(3))
        .map(|i| Source {
            name: format!("Source {i}"),
            kind: SourceKind::Person,
            mentions: vec![],
            title: None,
            role: None,
            affiliation: None,
        })
        .collect();
    (
        source,
        AttributionLayer {
            attributions,
            sources,
        },
    )
}

/// Every array of exactly two non-negative integers in a layer is a span: each must be
/// valid for the text, as the host checks.
fn check_spans(text: &str, v: &Value, path: &str) {
    match v {
        Value::Array(items) => {
            if let [Value::Number(a), Value::Number(b)] = &items[..]
                && let (Some(a), Some(b)) = (a.as_u64(), b.as_u64())
            {
                let span = Span {
                    start: a as usize,
                    end: b as usize,
                };
                assert!(
                    span.is_valid_for(text),
                    "invalid span {span:?} at {path} in {text:?}"
                );
                return;
            }
            for (i, item) in items.iter().enumerate() {
                check_spans(text, item, &format!("{path}[{i}]"));
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                check_spans(text, item, &format!("{path}.{k}"));
            }
        }
        _ => {}
    }
}

fn iterations() -> usize {
    std::env::var("NEWSPROC_QUOTES_FUZZ")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000)
}

#[test]
fn arbitrary_text_and_layers() {
    let stage = QuotesStage::new(Config::default()).unwrap();
    let mut rng = Rng::new(0x9E37_79B9_7F4A_7C15);
    for _ in 0..iterations() {
        let text = TextGen {
            max_parts: 80,
            ..TextGen::new(PIECES)
        }
        .text(&mut rng);
        let (source, attribution) = random_layers(&mut rng, &text);
        let layer = stage.extract(&text, &source, &attribution);
        let value = serde_json::to_value(&layer).unwrap();
        check_spans(&text, &value, "quotes");
        for q in &layer.quotes {
            assert!(q.span.contains(q.inner), "{q:?} in {text:?}");
            assert!(q.nested_in.is_none_or(|i| i < layer.quotes.len()));
        }
    }
}

#[test]
fn through_the_pipeline() {
    let chain = Chain::of([
        in_process::<SourceStage>().unwrap(),
        in_process::<AttributionStage>().unwrap(),
        in_process::<QuotesStage>().unwrap(),
    ])
    .unwrap();
    let mut rng = Rng::new(0xD1B5_4A32_D192_ED03);
    for _ in 0..iterations() / 10 {
        let text = TextGen {
            max_parts: 80,
            ..TextGen::new(PIECES)
        }
        .text(&mut rng);
        let outcome = chain.run("fuzz", &text, true);
        assert!(
            outcome
                .errors
                .iter()
                .all(|e| e.stage.as_deref() != Some("quotes")),
            "{:?} on {text:?}",
            outcome.errors
        );
    }
}

#[test]
fn edge_cases() {
    let stage = QuotesStage::new(Config::default()).unwrap();
    let empty = (SourceLayer::default(), AttributionLayer::default());
    for text in [
        "",
        "\"",
        "'",
        "“",
        "»",
        "\"\"",
        "\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"",
        "«««««««««««««««««««««",
        "“\n“\n“\n“\n“",
        "\"a\n\"b\n\"c",
        "said: \"",
        "\" he said",
        &"\"word\" ".repeat(2000),
        &"“".repeat(5000),
        &"a".repeat(100_000),
    ] {
        let layer = stage.extract(text, &empty.0, &empty.1);
        check_spans(text, &serde_json::to_value(&layer).unwrap(), "quotes");
    }
}
