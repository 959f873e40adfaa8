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

#[test]
fn the_summary_says_where_the_time_went() {
    let articles = fixtures().join("articles");
    let out = newsproc(&[
        "run",
        "--format",
        "jsonl",
        "--summary",
        "--jobs",
        "2",
        articles.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let summary = err
        .lines()
        .find(|l| l.contains("documents/s"))
        .unwrap_or_else(|| panic!("a summary line: {err}"));
    let count = std::fs::read_dir(&articles).unwrap().count();
    assert!(summary.starts_with(&format!("newsproc: {count} documents, 0 failed")));
    let stages = err
        .lines()
        .find(|l| l.starts_with("newsproc: time in stages"))
        .unwrap_or_else(|| panic!("a line of stage times: {err}"));
    let mut at = 0;
    for stage in ["source", "attribution", "quotes", "casualties"] {
        let found = stages[at..]
            .find(&format!("{stage} "))
            .unwrap_or_else(|| panic!("{stage} in pipeline order: {stages}"));
        at += found + stage.len();
    }
    assert!(stages.contains("MB/s"), "{stages}");
}
