use newsproc_stage_attribution::doc::{Doc, NONE};
use newsproc_stage_attribution::lexicons::{ExtraFiles, Lexicons};
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let lex = Lexicons::load(&ExtraFiles::default()).unwrap();
    let d = Doc::new(&text, &lex);
    let g = newsproc_stage_attribution::grammar::Grammar {
        doc: &d,
        cue_at: &vec![NONE; d.toks.len()],
    };
    for (i, t) in d.toks.iter().enumerate() {
        let np = g.np_left(i, 0).map(|s| d.text_of(s..i + 1).to_owned());
        println!(
            "{i} {:?} classes={:#x} nounish={} np={:?}",
            t.text(&text),
            d.words[i].classes,
            g.nounish(i),
            np
        );
    }
}
