//! No input makes the stage panic or emit a span outside the text: arbitrary strings
//! built from a deterministic generator, mixing the things the grammar reacts to (cues,
//! quotation marks of every kind, pronouns, names, colons, dashes) with noise (random
//! bytes as UTF-8, multi-byte characters, long runs of punctuation, huge numbers).

use newsproc_layers::attribution::AttributionLayer;
use newsproc_sdk::arbitrary::{Rng, TextGen};
use newsproc_sdk::{Chain, Span, Stage, in_process};
use newsproc_stage_attribution::{AttributionStage, Config};
use newsproc_stage_source::SourceStage;

const PIECES: &[&str] = &[
    "said",
    "says",
    "told",
    "according to",
    "added",
    "saying",
    "asked",
    "denied",
    "warned",
    "believes",
    "called",
    "seemed",
    "expected",
    "by",
    "to",
    "that",
    "who",
    "which",
    "and",
    "but",
    "he",
    "she",
    "they",
    "it",
    "I",
    "The",
    "the",
    "a",
    "Colonel",
    "Lt.",
    "Gen.",
    "Mr.",
    "Rami",
    "Abdulrahman",
    "Observatory",
    "Syrian",
    "Britain-based",
    "officials",
    "a rebel source",
    "Reuters",
    "(Reuters)",
    "AMMAN",
    "Russia",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "\u{2018}",
    "\u{2019}",
    "'",
    "''",
    "\u{AB}",
    "\u{BB}",
    "\u{2039}",
    "\u{203A}",
    "\u{201E}",
    ",",
    ".",
    ":",
    ";",
    "!",
    "?",
    "\u{2014}",
    "\u{2013}",
    "-",
    "--",
    "(",
    ")",
    "[",
    "]",
    "\u{2026}",
    "...",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "  ",
    "\t",
    "\u{A0}",
    "\u{200B}",
    "army s",
    "Shi ite",
    "don t",
    "99999999999999999999999",
    "1,500",
    "e\u{301}",
    "\u{1F600}",
    "\u{0627}\u{0644}",
    "\u{4E2D}",
    "\u{FEFF}",
    "s",
    "'s",
    "\u{2019}s",
    "X-based",
    "of",
    "in",
    "on Monday",
    "in a statement",
    "\u{0}",
    "#",
    "@",
    "$",
    "%",
];

fn check(text: &str, layer: &AttributionLayer) {
    let ok = |s: Span| s.is_valid_for(text);
    for a in &layer.attributions {
        assert!(a.content.iter().all(|&s| ok(s)), "content span in {text:?}");
        if let Some(src) = &a.source {
            assert!(ok(src.span), "source span in {text:?}");
            if let Some(e) = src.entity {
                assert!(e < layer.sources.len(), "entity index in {text:?}");
            }
        }
        if let Some(c) = &a.cue {
            assert!(ok(c.span), "cue span in {text:?}");
        }
    }
    for s in &layer.sources {
        assert!(
            s.mentions.iter().all(|&m| ok(m)),
            "mention span in {text:?}"
        );
    }
}

#[test]
fn arbitrary_strings_never_panic() {
    let stage = AttributionStage::new(Config::default()).unwrap();
    let seed = std::env::var("NEWSPROC_ATTRIBUTION_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1234_u64);
    let iterations = std::env::var("NEWSPROC_ATTRIBUTION_FUZZ")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    let mut rng = Rng::new(seed);
    for _ in 0..iterations {
        let text = TextGen::new(PIECES).text(&mut rng);
        let layer = stage.extract(&text, None);
        check(&text, &layer);
    }
}

#[test]
fn edge_cases_never_panic() {
    let stage = AttributionStage::new(Config::default()).unwrap();
    let cases = [
        "",
        " ",
        "\"",
        "\u{201C}",
        "said",
        "he said",
        "\"\" said",
        ", said",
        "said, said, said",
        "according to",
        "according to ,",
        ": \"",
        "X: \"Y",
        "\"A,\" said.",
        "\"A,\" said he.",
        "He said:\n\"",
        "\u{201C}One.\n\u{201C}Two.\n\u{201C}Three,\u{201D} she said.",
        "who said who said who said",
        "The the the the the said",
        "Mr. Mr. Mr. said",
        "by by by said by",
        "'' '' '' said ''",
        "\u{AB}\u{AB}\u{AB}\u{BB}\u{BB} told TASS: \u{AB}",
    ];
    for text in cases {
        let layer = stage.extract(text, None);
        check(text, &layer);
    }
    // Very long inputs: one huge sentence, one huge quotation.
    let long = "a rebel source said that ".repeat(2000);
    check(&long, &stage.extract(&long, None));
    let quote = format!("\"{}\" he said.", "word ".repeat(20_000));
    check(&quote, &stage.extract(&quote, None));
}

#[test]
fn through_the_protocol_with_the_source_stage() {
    let chain = Chain::of([
        in_process::<SourceStage>().unwrap(),
        in_process::<AttributionStage>().unwrap(),
    ])
    .unwrap();
    let mut rng = Rng::new(0xfeed_beef);
    for _ in 0..300 {
        let text = TextGen::new(PIECES).text(&mut rng);
        if text.trim().is_empty() {
            continue;
        }
        let outcome = chain.run("fuzz", &text, true);
        assert!(
            outcome.errors.is_empty(),
            "{:?} on {text:?}",
            outcome.errors
        );
    }
}
