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

/// About 1 MB of documents of a few KB each, as stages see them (one call per
/// document: a single huge input would measure page faults of its token vector instead).
fn documents(unit: &str) -> Vec<String> {
    let mut docs = Vec::new();
    let mut total = 0;
    let mut k = 0;
    while total < 1 << 20 {
        // Vary the numbers so that no two documents are the same.
        let doc = unit.repeat(3).replace("23", &(k % 997).to_string());
        total += doc.len();
        docs.push(doc);
        k += 1;
    }
    docs
}

fn bytes(docs: &[String]) -> u64 {
    docs.iter().map(|d| d.len() as u64).sum()
}

fn bench(c: &mut Criterion) {
    let ascii = documents(ASCII_ARTICLE);
    let unicode = documents(UNICODE_ARTICLE);
    let lex = Lexicon::parse(
        "bench",
        "Reuters\nUnited Nations\nTurkish border\nKafr Nabl\nstate television\nwar monitor\n\
         Iranian-backed\narmy's\nAbu Omar\nthe dead\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let matcher = lex.into_matcher();

    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(bytes(&ascii)));
    macro_rules! each_doc {
        ($name:expr, $docs:expr, $f:expr) => {
            g.bench_function($name, |b| {
                b.iter(|| {
                    for d in $docs.iter() {
                        black_box($f(black_box(d.as_str())));
                    }
                })
            });
        };
    }
    each_doc!("tokenize/ascii", ascii, tokens::tokenize);
    each_doc!("quotes/ascii", ascii, quotes::Quotes::new);
    each_doc!("paragraphs/ascii", ascii, paragraphs::paragraphs);
    each_doc!("sentences/ascii", ascii, sentences::sentences);
    each_doc!("quantities/ascii", ascii, numbers::quantities);
    each_doc!("phrases/ascii", ascii, |d| matcher.find_all(d));

    g.throughput(Throughput::Bytes(bytes(&unicode)));
    each_doc!("tokenize/unicode", unicode, tokens::tokenize);
    each_doc!("quotes/unicode", unicode, quotes::Quotes::new);
    each_doc!("phrases/unicode", unicode, |d| matcher.find_all(d));
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = bench
}
criterion_main!(benches);
