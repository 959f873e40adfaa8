use newsproc_stage_casualties::lexicons::{ExtraFiles, Lexicons};
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let texts: Vec<String> = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            Some(v.get("text")?.as_str()?.to_string())
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let lex = Lexicons::load(&ExtraFiles::default()).unwrap();
    let mb = bytes as f64 / 1e6;
    let t = |name: &str, f: &dyn Fn(&str) -> usize| {
        let s = Instant::now();
        let mut n = 0;
        for _ in 0..3 {
            for x in &texts {
                n += f(x);
            }
        }
        println!(
            "{name:12} {:8.1} MB/s ({n})",
            3.0 * mb / s.elapsed().as_secs_f64()
        );
    };
    t("outcomes", &|x| lex.outcomes.find_all(x).len());
    t("victims", &|x| lex.victims.find_all(x).len());
    t("words", &|x| lex.words.find_all(x).len());
    t("markers", &|x| lex.markers.find_all(x).len());
    t("causes", &|x| lex.causes.find_all(x).len());
    t("tokenize", &|x| newsproc_text::tokenize(x).len());
    t("sentences", &|x| newsproc_text::sentences(x).len());
    t("quantities", &|x| newsproc_text::quantities(x).len());
    t("fold", &|x| {
        newsproc_text::normalize::fold(x).as_str().len()
    });
    let (mut rel, mut tot, mut trig) = (0usize, 0usize, 0usize);
    for x in &texts {
        let sents = newsproc_text::sentences(x);
        let m = lex.outcomes.find_all(x);
        trig += m.len();
        tot += x.len();
        for s in &sents {
            if m.iter()
                .any(|m| m.span.start >= s.start && m.span.start < s.end)
            {
                rel += s.len();
            }
        }
    }
    println!(
        "relevant {:.2} of text, {:.1} triggers per KB",
        rel as f64 / tot as f64,
        trig as f64 * 1000.0 / tot as f64
    );
}
// relevant-fraction probe
#[allow(dead_code)]
fn probe() {}
