//! The whole default pipeline, through the real loader, on each fixture article: the
//! readable report a person gets from `newsproc run`. Read a new or changed snapshot
//! against its article before accepting it.

mod support;

use support::*;

#[test]
fn fixture_articles() {
    insta::glob!("../../../fixtures/articles", "*.txt", |path| {
        let out = newsproc(&["run", "--format", "text", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        insta::assert_snapshot!(stdout(&out));
    });
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    let articles = fixtures().join("articles");
    let first = newsproc(&["run", "--format", "jsonl", articles.to_str().unwrap()]);
    let second = newsproc(&["run", "--format", "jsonl", articles.to_str().unwrap()]);
    assert_eq!(first.status.code(), Some(0));
    assert!(!first.stdout.is_empty());
    assert_eq!(first.stdout, second.stdout);
}
