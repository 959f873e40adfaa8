//! Every public function on arbitrary strings: no panic, and every span returned is valid
//! for the text (inside it, on character boundaries), with the structural promises each
//! module makes (sorted, nested, inside paragraphs, ...).
//!
//! The strings come from a deterministic generator that glues fragments chosen to hit
//! the edge cases: every quotation-mark glyph alone and in pairs, apostrophes, dashes,
//! dots, digits with separators, abbreviations, number words, multi-byte letters,
//! combining marks, Unicode spaces and line separators, and empty strings.

use newsproc_sdk::Span;
use newsproc_text::lexicon::{Lexicon, PhraseMatcher};
use newsproc_text::numbers::{self, QuantityOptions};
use newsproc_text::quotes::{self, Quotes};
use newsproc_text::{normalize, paragraphs, sentences, tokens, util};

const FRAGMENTS: &[&str] = &[
    "a",
    "A",
    "the",
    "army",
    "s",
    "t",
    "don",
    "Assad",
    "’",
    "'",
    "\"",
    "“",
    "”",
    "‘",
    "’s",
    "'s",
    "«",
    "»",
    "„",
    "‚",
    "‹",
    "›",
    "‟",
    "‛",
    "''",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u{00A0}",
    "\u{2028}",
    "\u{2029}",
    "\u{0085}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{00AD}",
    "\u{0301}",
    "-",
    "--",
    "–",
    "—",
    "‑",
    ".",
    "..",
    "...",
    "…",
    ",",
    ";",
    ":",
    "!",
    "?",
    "(",
    ")",
    "[",
    "]",
    "$",
    "%",
    "+",
    "/",
    "1",
    "13",
    "1,500",
    "3.5",
    "20-30",
    "10:30",
    "9/11",
    "2015",
    "17th",
    "2.5m",
    "8-year-old",
    "twenty",
    "-three",
    "three",
    "hundred",
    "and",
    "a dozen",
    "dozens",
    "of",
    "tens",
    "thousands",
    "at least",
    "between",
    "to",
    "or",
    "more",
    "so",
    "Mr.",
    "U.S.",
    "a.m.",
    "Gen.",
    "No.",
    "Jan.",
    "F.",
    "é",
    "Ü",
    "ß",
    "İ",
    "ı",
    "中文",
    "😀",
    "👍🏽",
    "ع",
    "Şanlıurfa",
    "said",
    "He",
    "We",
    "’90s",
    "’n’",
    "rock",
    "officials’",
    "x",
    "9",
    "0",
    ",\"",
    ".\"",
    ".”",
    "?”",
    "'\"",
    "\"'",
    "#",
    "!Nusra",
    "\u{0}",
    "\u{7F}",
    "Free Syrian Army",
    "FSA",
    "ISIS",
    "al-Qaeda",
];

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
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn random_text(rng: &mut Rng) -> String {
    let n = rng.below(60);
    let mut s = String::new();
    for _ in 0..n {
        if rng.below(10) == 0 {
            // An arbitrary character now and then, from anywhere in Unicode.
            let c = char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('?');
            s.push(c);
        } else {
            s.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
        }
    }
    s
}

/// A span with arbitrary offsets, often out of range or mid-character; now and then
/// inverted (start > end: the fields are public) or at the far end of `usize`.
fn random_span(rng: &mut Rng, len: usize) -> Span {
    let a = rng.below(len + 4);
    let b = rng.below(len + 4);
    match rng.below(16) {
        0 => Span {
            start: a.max(b),
            end: a.min(b),
        },
        1 => Span {
            start: usize::MAX,
            end: usize::MAX,
        },
        2 => Span {
            start: a,
            end: usize::MAX,
        },
        _ => Span::new(a.min(b), a.max(b)),
    }
}

fn check(text: &str, span: Span, what: &str) {
    assert!(
        span.is_valid_for(text),
        "{what}: span {span:?} invalid for {text:?}"
    );
}

fn check_sorted_disjoint(text: &str, spans: &[Span], what: &str) {
    for s in spans {
        check(text, *s, what);
    }
    for w in spans.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "{what}: {:?} then {:?} in {text:?}",
            w[0],
            w[1]
        );
    }
}

fn exercise(text: &str, rng: &mut Rng, m: &PhraseMatcher) {
    let len = text.len();

    // Tokens.
    let toks = tokens::tokenize(text);
    assert_eq!(toks, tokens::Tokens::new(text).collect::<Vec<_>>());
    let spans: Vec<Span> = toks.iter().map(|t| t.span).collect();
    check_sorted_disjoint(text, &spans, "token");
    for (i, t) in toks.iter().enumerate() {
        assert!(!t.span.is_empty(), "empty token in {text:?}");
        for p in t.parts(text) {
            check(text, p, "token part");
            assert!(t.span.contains(p));
        }
        let _ = tokens::stripped_apostrophe(text, &toks, i);
        let _ = tokens::possessive_stem(t.text(text));
        let _ = numbers::classify_number(text, &toks, i);
        let _ = numbers::is_ordinal(t.text(text));
        let _ = numbers::parse_digits(t.text(text));
    }
    let _ = tokens::stripped_apostrophe(text, &toks, toks.len() + 3);
    let sp = random_span(rng, len);
    for t in tokens::tokenize_span(text, sp) {
        check(text, t.span, "tokenize_span");
    }
    let r = tokens::tokens_in(&toks, sp);
    assert!(r.start <= r.end && r.end <= toks.len());
    for off in [0, len / 2, len, len + 5] {
        if let Some(i) = tokens::token_at(&toks, off) {
            assert!(toks[i].span.contains_offset(off));
        }
        assert!(tokens::token_index_at_or_after(&toks, off) <= toks.len());
    }

    // Paragraphs and sentences.
    let paras = paragraphs::paragraphs(text);
    check_sorted_disjoint(text, &paras, "paragraph");
    for p in &paras {
        assert!(!p.is_empty());
        assert!(
            !p.of(text).contains('\n'),
            "paragraph with a line break: {text:?}"
        );
    }
    let _ = paragraphs::paragraph_at(&paras, sp.start);
    let sents = sentences::sentences(text);
    check_sorted_disjoint(text, &sents, "sentence");
    for s in &sents {
        assert!(
            paras.iter().any(|p| p.contains(*s)),
            "sentence {s:?} crosses paragraphs in {text:?}"
        );
    }
    let with = sentences::sentences_with_paragraphs(text);
    assert_eq!(with.len(), sents.len());
    for s in &with {
        assert!(paras[s.paragraph].contains(s.span));
    }
    for s in sentences::sentences_in(text, sp) {
        check(text, s, "sentences_in");
    }
    let mut out = Vec::new();
    sentences::split_paragraph(text, sp, &mut out);
    for s in out {
        check(text, s, "split_paragraph");
    }
    let _ = sentences::sentence_at(&sents, sp.start);

    // Quotations.
    let q = Quotes::new(text);
    let qs = q.quotations();
    assert_eq!(qs, quotes::quotations(text).as_slice());
    for x in qs {
        check(text, x.span, "quotation");
        check(text, x.inner, "quotation inner");
        assert!(x.span.contains(x.inner), "inner outside outer in {text:?}");
        check(text, x.open_mark(), "open mark");
        if let Some(c) = x.close_mark() {
            check(text, c, "close mark");
        }
        assert!(x.paragraphs >= 1);
        for seg in x.segments(text) {
            check(text, seg, "segment");
            assert!(x.inner.contains(seg));
        }
    }
    // Nested or disjoint, sorted by start.
    for (i, a) in qs.iter().enumerate() {
        for b in &qs[i + 1..] {
            assert!(a.span.start <= b.span.start);
            assert!(
                a.span.contains(b.span) || a.span.end <= b.span.start,
                "partly overlapping quotations {a:?} {b:?} in {text:?}"
            );
        }
        if a.depth == 0 {
            // A top-level quotation lies in the paragraphs it covers.
            let covered = paras.iter().filter(|p| p.overlaps(a.span)).count();
            assert_eq!(
                covered, a.paragraphs,
                "paragraph count of {a:?} in {text:?}"
            );
        }
    }
    for m in q.marks() {
        check(text, m.span, "mark");
    }
    for off in [sp.start, sp.end, 0, len] {
        let inner = quotes::quote_at(qs, off);
        if let Some(i) = inner {
            assert!(qs[i].span.contains_offset(off));
        } else {
            assert!(
                !qs.iter().any(|x| x.span.contains_offset(off)),
                "quote_at missed {off} in {text:?}"
            );
        }
        assert_eq!(q.is_quoted(off), inner.is_some());
        assert_eq!(quotes::is_quoted(qs, off), inner.is_some());
        if let Some(o) = q.outermost_at(off) {
            assert_eq!(o.depth, 0);
            assert!(o.span.contains_offset(off));
        }
        let _ = q.innermost_at(off);
    }
    if let Some(c) = q.covering(sp) {
        assert!(c.span.contains(sp));
    }
    for o in q.overlapping(sp) {
        assert!(o.span.overlaps(sp) || o.span.contains_offset(sp.start));
    }

    // Numbers.
    for x in numbers::quantities(text) {
        check(text, x.span, "quantity");
        check(text, x.number_span, "quantity number");
        assert!(x.span.contains(x.number_span), "{x:?} in {text:?}");
        if let Some(qs) = x.qualifier_span {
            check(text, qs, "qualifier");
        }
        assert!(x.min.is_finite());
        assert!(x.tokens.start < x.tokens.end && x.tokens.end <= toks.len());
        let _ = x.exact_count();
    }
    let opts = QuantityOptions {
        articles: true,
        vague: false,
    };
    for x in numbers::quantities_in(text, &toks, opts) {
        check(text, x.span, "quantity (articles)");
    }
    let _ = numbers::parse_number(text);

    // Lexicon and folding.
    let found = m.find_all(text);
    let spans: Vec<Span> = found.iter().map(|f| f.span).collect();
    check_sorted_disjoint(text, &spans, "phrase");
    for f in m.find_in(text, sp) {
        check(text, f.span, "phrase in span");
    }
    let _ = Lexicon::parse("random", text);
    let folded = normalize::fold(text);
    let flen = folded.as_str().len();
    let (a, b) = (rng.below(flen + 2), rng.below(flen + 2));
    let fsp = Span::new(a.min(b), a.max(b));
    // Spans of the folded text are expected on its character boundaries; anything else
    // must merely not panic.
    let _ = folded.original_span(fsp);
    let _ = folded.original_span(Span {
        start: b.max(a),
        end: a.min(b),
    });
    let fsp = Span::new(
        (0..=fsp.start.min(folded.as_str().len()))
            .rev()
            .find(|&i| folded.as_str().is_char_boundary(i))
            .unwrap_or(0),
        (fsp.end.min(folded.as_str().len())..=folded.as_str().len())
            .find(|&i| folded.as_str().is_char_boundary(i))
            .unwrap_or(0),
    );
    if fsp.start <= fsp.end {
        check(text, folded.original_span(fsp), "fold original_span");
    }

    // Helpers.
    check(text, util::clamp_span(text, sp), "clamp_span");
    let _ = util::slice(text, sp);
    let _ = util::is_capitalised(text);
    let _ = util::is_title_case(text);
    let _ = util::is_all_caps(text);
    let _ = util::is_headline_case(text);
    let ctx = util::context(text, sp, rng.below(20));
    assert!(text.contains(ctx));
    let _ = util::context_marked(text, sp, rng.below(20));
    check(text, util::trim_span(text, sp), "trim_span");
    check(text, util::trim_whitespace(text, sp), "trim_whitespace");
    for w in util::words_in(text, sp) {
        check(text, w.span, "words_in");
    }
    for off in 0..=len + 1 {
        let _ = util::is_word_boundary(text, off);
    }
}

#[test]
fn every_function_on_arbitrary_strings() {
    let lex = Lexicon::parse(
        "robustness",
        "Free Syrian Army\tFSA\nFSA\nISIS\nal-Qaeda\nAssad's forces\n’s\n'\nŞanlıurfa\n中文\n",
    )
    .expect("valid lexicon");
    // Building the automata is the slow part in a debug build: once.
    let lex = lex.into_matcher();
    // NEWSPROC_TEXT_FUZZ=<iterations>[:<seed>] for a longer or different run.
    let (iterations, seed) = match std::env::var("NEWSPROC_TEXT_FUZZ") {
        Ok(v) => {
            let (n, seed) = v.split_once(':').unwrap_or((v.as_str(), ""));
            (
                n.parse().unwrap_or(4000),
                seed.parse().unwrap_or(0x9E37_79B9_7F4A_7C15),
            )
        }
        Err(_) => (4000, 0x9E37_79B9_7F4A_7C15),
    };
    let mut rng = Rng(seed | 1);
    exercise("", &mut rng, &lex);
    for frag in FRAGMENTS {
        exercise(frag, &mut rng, &lex);
    }
    for _ in 0..iterations {
        let text = random_text(&mut rng);
        exercise(&text, &mut rng, &lex);
    }
}

#[test]
fn long_inputs_do_not_blow_up() {
    // Deep nesting and long runs: stack depth and quadratic behaviour.
    let lex = Lexicon::parse("l", "a b\n").expect("valid lexicon");
    let lex = lex.into_matcher();
    let mut rng = Rng(7);
    for unit in ["“", "\"", "'", "‘", "(", "...", " ", "a", "1,", "-", "a b "] {
        let text = unit.repeat(20_000);
        exercise(&text, &mut rng, &lex);
    }
}
