//! `process` must not panic on any input, and every span it returns must be valid for the
//! text. A small deterministic generator mixes the pieces that trouble the patterns:
//! numbers of every kind, outcome and victim words, quote marks, dashes, multi-byte
//! characters and arbitrary bytes.

use newsproc_sdk::Stage;
use newsproc_sdk::arbitrary::{Rng, TextGen};
use newsproc_stage_casualties::{CasualtiesStage, Config, spans};

const PIECES: &[&str] = &[
    "killed",
    "were",
    "wounded",
    "dead",
    "death toll",
    "rose to",
    "of",
    "a",
    "an",
    "the",
    "including",
    "among them",
    ",",
    ".",
    "-",
    "—",
    "–",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "(",
    ")",
    "[",
    "]",
    "\n",
    " ",
    "  ",
    "13",
    "1,500",
    "20-30",
    "between",
    "and",
    "at least",
    "dozens",
    "tens of thousands",
    "Thirteen",
    "twenty-three",
    "half a dozen",
    "99999999999999999999999999",
    "18446744073709551616",
    "0",
    "3.5",
    "12-year-old",
    "Brigade 17",
    "$2 million",
    "2020",
    "civilians",
    "rebel fighters",
    "regime forces",
    "children",
    "he",
    "she",
    "the victim",
    "man",
    "was",
    "shot",
    "fatal shooting",
    "double homicide",
    "since the war began",
    "could kill",
    "denied",
    "Ḥamā",
    "東京",
    "🙂",
    "é",
    "\u{0301}",
    "\u{200b}",
    "\u{00ad}",
    "...",
    "…",
    "!!!",
    "???",
    ";;;",
    "who",
];

#[test]
fn never_panics_and_spans_are_valid() {
    let stage = CasualtiesStage::new(Config::default()).unwrap();
    let mut rng = Rng::new(0x9E37_79B9_7F4A_7C15);
    let iterations: usize = std::env::var("NEWSPROC_CASUALTIES_FUZZ")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    let mut fixed: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\"".into(),
        "“".into(),
        "killed".into(),
        "killed killed killed".into(),
        "-".repeat(5000),
        ",".repeat(3000),
        "9".repeat(400) + " people were killed",
        "a ".repeat(2000) + "man was killed",
        "the death toll rose to".into(),
        "13 people were killed and".into(),
    ];
    fixed.extend((0..iterations).map(|_| TextGen::new(PIECES).text(&mut rng)));
    for text in &fixed {
        let layer = stage.layer(text, None, None);
        for span in spans(&layer) {
            assert!(span.is_valid_for(text), "{span:?} in {text:?}");
        }
        let _ = newsproc_stage_casualties::report(text, &layer);
    }
}
