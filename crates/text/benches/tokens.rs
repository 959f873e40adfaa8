//! Throughput of the text layer on synthetic news copy (written for this benchmark).
//!
//! `cargo bench -p newsproc-text` reports MB/s per function: the tokenizer should stay
//! above 150 MB/s on ASCII-heavy text.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsproc_text::lexicon::Lexicon;
use newsproc_text::{numbers, paragraphs, quotes, sentences, tokens};

const ASCII_ARTICLE: &str = "\
BEIRUT (Reuters) - At least 23 people were killed and dozens wounded on Tuesday when \
Iranian-backed militias shelled the town of Kafr Nabl, a war monitor said.\n\
\"The shelling started at 5 a.m. and didn't stop until noon,\" said Abu Omar, a 45-year-old \
resident. \"We counted 13 bodies in the market alone.\"\n\
The U.S.-based group said between 10 and 15 of the dead were children, and that more than \
1,500 families had fled toward the Turkish border since Sept. 3.\n\
Gen. Ali Mayhoub, an army spokesman, told state television the army's operations targeted \
\"terrorist positions\" only. He said the 17th Brigade had taken two villages.\n\
\"We will not stop until every inch is liberated,\" he said, adding that the offensive, \
which began in 2015, had cost the rebels 'hundreds of fighters'.\n\
The United Nations said 3.5 million people lived in the province, and an estimated 2,000 \
had been displaced in the past 48 hours. Aid workers said roughly 20-30 trucks a day were \
needed.\n\n";

const UNICODE_ARTICLE: &str = "\
BEIRUT (Reuters) — At least 23 people were killed and dozens wounded on Tuesday when \
Iranian‑backed militias shelled the town of Kafr Nabl, a war monitor said.\n\
“The shelling started at 5 a.m. and didn’t stop until noon,” said Abu Omar, a 45‑year‑old \
resident. “We counted 13 bodies in the market alone.”\n\
The U.S.‑based group said between 10 and 15 of the dead were children — and that more than \
1,500 families had fled toward the Turkish border since Sept. 3…\n\
Gen. Ali Mayhoub told state television the army’s operations targeted ‘terrorist \
positions’ only. «Nothing else,» he said.\n\n";

fn corpus(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

fn bench(c: &mut Criterion) {
    let ascii = corpus(ASCII_ARTICLE, 1 << 20);
    let unicode = corpus(UNICODE_ARTICLE, 1 << 20);

    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(ascii.len() as u64));
    g.bench_function("tokenize/ascii", |b| {
        b.iter(|| tokens::tokenize(black_box(&ascii)))
    });
    g.bench_function("tokens_iter_count/ascii", |b| {
        b.iter(|| tokens::Tokens::new(black_box(&ascii)).count())
    });
    g.bench_function("quotes/ascii", |b| {
        b.iter(|| quotes::Quotes::new(black_box(&ascii)))
    });
    g.bench_function("paragraphs/ascii", |b| {
        b.iter(|| paragraphs::paragraphs(black_box(&ascii)))
    });
    g.bench_function("sentences/ascii", |b| {
        b.iter(|| sentences::sentences(black_box(&ascii)))
    });
    g.bench_function("quantities/ascii", |b| {
        b.iter(|| numbers::quantities(black_box(&ascii)))
    });
    let lex = Lexicon::parse(
        "bench",
        "Reuters\nUnited Nations\nTurkish border\nKafr Nabl\nstate television\nwar monitor\n\
         Iranian-backed\narmy's\nAbu Omar\nthe dead\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let matcher = lex.matcher();
    g.bench_function("phrases/ascii", |b| {
        b.iter(|| matcher.find_all(black_box(&ascii)))
    });

    g.throughput(Throughput::Bytes(unicode.len() as u64));
    g.bench_function("tokenize/unicode", |b| {
        b.iter(|| tokens::tokenize(black_box(&unicode)))
    });
    g.bench_function("quotes/unicode", |b| {
        b.iter(|| quotes::Quotes::new(black_box(&unicode)))
    });
    g.bench_function("phrases/unicode", |b| {
        b.iter(|| matcher.find_all(black_box(&unicode)))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = bench
}
criterion_main!(benches);
