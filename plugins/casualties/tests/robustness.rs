//! `process` must not panic on any input, and every span it returns must be valid for the
//! text. A small deterministic generator mixes the pieces that trouble the patterns:
//! numbers of every kind, outcome and victim words, quote marks, dashes, multi-byte
//! characters and arbitrary bytes.

use newsproc_sdk::Stage;
use newsproc_stage_casualties::{CasualtiesStage, Config, spans};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

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

fn random_text(rng: &mut Rng) -> String {
    let mut s = String::new();
    let n = rng.below(60);
    for _ in 0..n {
        if rng.below(10) == 0 {
            // Arbitrary bytes, made valid UTF-8 the lossy way.
            let bytes: Vec<u8> = (0..rng.below(8)).map(|_| rng.next() as u8).collect();
            s.push_str(&String::from_utf8_lossy(&bytes));
        } else {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
        if rng.below(3) > 0 {
            s.push(' ');
        }
    }
    s
}

#[test]
fn never_panics_and_spans_are_valid() {
    let stage = CasualtiesStage::new(Config::default()).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
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
    fixed.extend((0..iterations).map(|_| random_text(&mut rng)));
    for text in &fixed {
        let layer = stage.layer(text, None, None);
        for span in spans(&layer) {
            assert!(span.is_valid_for(text), "{span:?} in {text:?}");
        }
        let _ = newsproc_stage_casualties::report(text, &layer);
    }
}
