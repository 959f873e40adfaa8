//! Every kind of bad input gives a clear error naming the document or file, the run goes
//! on with the other documents, and no record is dropped.

mod support;

use std::path::Path;

use support::*;

const FAULTY_PIPELINE: &str = "[[stage]]\nname = \"faulty\"\n";

fn faulty_pipeline(dir: &Path) -> String {
    let path = dir.join("faulty.toml");
    std::fs::write(&path, FAULTY_PIPELINE).unwrap();
    path.to_str().unwrap().to_owned()
}

/// `newsproc run --pipeline <faulty> --format jsonl <args>`.
fn run_faulty(pipeline: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["run", "--pipeline", pipeline, "--format", "jsonl"];
    all.extend_from_slice(args);
    newsproc(&all)
}

fn error_of(record: &serde_json::Value) -> (&str, &str) {
    let e = &record["errors"][0];
    (e["kind"].as_str().unwrap(), e["message"].as_str().unwrap())
}

#[test]
fn a_panicking_stage_fails_its_document_only() {
    let dir = scratch("panic");
    let corpus = dir.join("corpus.jsonl");
    std::fs::write(
        &corpus,
        concat!(
            "{\"id\": \"a\", \"text\": \"fine\"}\n",
            "{\"id\": \"b\", \"text\": \"PANIC now\"}\n",
            "{\"id\": \"c\", \"text\": \"fine again\", \"lang\": \"en\"}\n",
        ),
    )
    .unwrap();
    let pipeline = faulty_pipeline(&dir);
    let out = run_faulty(&pipeline, &[corpus.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "some documents failed: exit 1");
    let recs = records(&out);
    let ids: Vec<_> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["a", "b", "c"],
        "one record per document, in input order"
    );
    assert_eq!(
        recs[0]["layers"]["faulty"]["whole"],
        serde_json::json!([0, 4])
    );
    let (kind, message) = error_of(&recs[1]);
    assert_eq!(kind, "panic");
    assert!(
        message.contains("asked to panic on document b"),
        "{message}"
    );
    assert_eq!(recs[1]["errors"][0]["stage"], "faulty");
    assert!(recs[1]["layers"].as_object().unwrap().is_empty());
    assert!(recs[2]["errors"].as_array().unwrap().is_empty());
    assert_eq!(
        recs[2]["meta"]["lang"], "en",
        "other fields are kept as metadata"
    );
    assert!(
        !stderr(&out).contains("panicked at"),
        "the panic is not sprayed on stderr"
    );
}

#[test]
fn spans_outside_the_text_or_inside_a_character_are_refused() {
    let dir = scratch("spans");
    let corpus = dir.join("corpus.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\": \"over\", \"text\": \"OVERRUN\"}\n{\"id\": \"split\", \"text\": \"SPLITCHAR — here\"}\n{\"id\": \"fail\", \"text\": \"FAIL\"}\n",
    )
    .unwrap();
    let pipeline = faulty_pipeline(&dir);
    let out = run_faulty(&pipeline, &[corpus.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    let (kind, message) = error_of(&recs[0]);
    assert_eq!(kind, "invalid_output");
    assert!(
        message.contains("[0, 17]") && message.contains("past the end"),
        "{message}"
    );
    assert!(
        message.contains("`whole`"),
        "names where in the layer: {message}"
    );
    let (kind, message) = error_of(&recs[1]);
    assert_eq!(kind, "invalid_output");
    assert!(message.contains("character boundaries"), "{message}");
    let (kind, message) = error_of(&recs[2]);
    assert_eq!(kind, "stage");
    assert!(
        message.contains("asked to fail on document fail"),
        "{message}"
    );
}

#[test]
fn unreadable_documents_get_error_records_and_the_run_goes_on() {
    let dir = scratch("unreadable");
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(
        articles.join("a_good.txt"),
        "BEIRUT (Reuters) - A fine article.",
    )
    .unwrap();
    std::fs::write(articles.join("b_latin1.txt"), b"Caf\xe9 owners said so.").unwrap();
    std::fs::write(articles.join("c_empty.txt"), "  \n").unwrap();
    std::fs::write(articles.join("d_good.txt"), "Another fine article.").unwrap();
    std::fs::write(articles.join("notes.md"), "not an article").unwrap();
    let corpus = dir.join("corpus.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\": \"ok\", \"text\": \"Fine.\"}\nnot json\n\n{\"id\": \"no-text\"}\n{\"id\": 7, \"text\": 12}\n{\"text\": \"no id\"}\n",
    )
    .unwrap();
    let pipeline = faulty_pipeline(&dir);
    let out = run_faulty(
        &pipeline,
        &[articles.to_str().unwrap(), corpus.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    let ids: Vec<_> = recs
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let corpus_name = corpus.display().to_string();
    assert_eq!(
        ids,
        [
            "a_good".to_owned(),
            "b_latin1".into(),
            "c_empty".into(),
            "d_good".into(),
            "ok".into(),
            format!("{corpus_name}:2"),
            "no-text".into(),
            "7".into(),
            format!("{corpus_name}:6"),
        ],
        "the blank line is no record; every other line is one"
    );
    let ok = |i: usize| recs[i]["errors"].as_array().unwrap().is_empty();
    assert!(ok(0) && ok(3) && ok(4) && ok(8));
    let (kind, message) = error_of(&recs[1]);
    assert_eq!(kind, "input");
    assert!(
        message.contains("b_latin1.txt is not valid UTF-8") && message.contains("offset 3"),
        "{message}"
    );
    assert!(error_of(&recs[2]).1.contains("c_empty.txt is empty"));
    assert!(error_of(&recs[5]).1.contains(":2: the line is not JSON"));
    assert!(error_of(&recs[6]).1.contains("has no `text` field"));
    assert!(error_of(&recs[7]).1.contains("is not a string"));
}

#[test]
fn standard_input_is_an_article_or_a_jsonl_stream() {
    let out = newsproc_with_stdin(
        &["run", "--format", "jsonl", "-"],
        Some("AMMAN (Reuters) - Rebels said so.\n".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], "stdin");
    assert!(recs[0]["layers"]["source"].is_object());

    let out = newsproc_with_stdin(
        &["run", "--format", "jsonl", "-"],
        Some(b"\n{\"id\": \"x\", \"text\": \"One.\"}\n{\"id\": \"y\", \"text\": \"Two.\"}\n"),
    );
    let ids: Vec<_> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["x", "y"]);
}

#[test]
fn a_missing_input_is_a_command_line_error() {
    let out = newsproc(&["run", "no/such/article.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no/such/article.txt"),
        "{}",
        stderr(&out)
    );
}

/// Runs the fixture articles with `--format jsonl --output <destination>`.
fn fixtures_as_jsonl_to(destination: &std::path::Path) -> std::process::Output {
    newsproc(&[
        "run",
        "--format",
        "jsonl",
        "--output",
        destination.to_str().unwrap(),
        fixtures().join("articles").to_str().unwrap(),
    ])
}

#[test]
fn output_file_appears_only_when_complete() {
    let dir = scratch("output");
    let target = dir.join("out.jsonl");
    let out = fixtures_as_jsonl_to(&target);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.lines().count() >= 2);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != "out.jsonl")
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary file is left: {leftovers:?}"
    );
}

#[test]
fn an_output_that_cannot_be_written_is_refused_before_anything_runs() {
    let dir = scratch("output-refused");
    for (output, says) in [
        (dir.clone(), "is a directory: name a file in it"),
        (
            dir.join("no-such-dir").join("out.jsonl"),
            "no-such-dir does not exist; create it first",
        ),
    ] {
        let out = fixtures_as_jsonl_to(&output);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
    }
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}

/// A device or pipe named by `--output` is written in place. Renaming a finished
/// temporary file onto it, as for a regular file, would replace `/dev/null` itself.
#[cfg(unix)]
#[test]
fn output_to_a_pipe_is_written_in_place_and_stays_a_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch("output-fifo");
    let fifo = dir.join("records.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = fixtures_as_jsonl_to(&fifo);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Checked before joining: were the pipe replaced, its reader would wait for ever.
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe was replaced: {kind:?}");
    let written = reader.join().unwrap();
    assert!(written.lines().count() >= 2, "{written}");
}

#[cfg(unix)]
#[test]
fn output_through_a_symbolic_link_replaces_the_file_not_the_link() {
    let dir = scratch("output-link");
    let real = dir.join("real.jsonl");
    let link = dir.join("link.jsonl");
    std::fs::write(&real, "old\n").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = fixtures_as_jsonl_to(&link);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written = std::fs::read_to_string(&real).unwrap();
    assert!(written.lines().count() >= 2 && !written.starts_with("old"));
}

#[test]
fn many_jobs_give_the_same_bytes_as_one() {
    let dir = scratch("jobs");
    let corpus = dir.join("corpus.jsonl");
    let mut lines = String::new();
    for i in 0..200 {
        let text = match i % 7 {
            3 => "PANIC here".to_owned(),
            5 => "FAIL here".to_owned(),
            _ => format!(
                "BEIRUT (Reuters) - Document {i} says \"hello\" — {}",
                "word ".repeat(i % 50)
            ),
        };
        lines.push_str(&serde_json::json!({"id": format!("d{i}"), "text": text}).to_string());
        lines.push('\n');
    }
    std::fs::write(&corpus, lines).unwrap();
    let pipeline = faulty_pipeline(&dir);
    let run = |jobs: &str| run_faulty(&pipeline, &["--jobs", jobs, corpus.to_str().unwrap()]);
    let one = run("1");
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(records(&one).len(), 200);
    // Two jobs: one worker thread and the writer working too; four: three and the writer.
    for jobs in ["2", "4"] {
        assert_eq!(
            one.stdout,
            run(jobs).stdout,
            "input order and bytes do not depend on --jobs ({jobs})"
        );
    }
}

#[test]
fn fail_fast_stops_at_the_first_failure() {
    let dir = scratch("fail-fast");
    let corpus = dir.join("corpus.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"FAIL\"}\n{\"id\": \"c\", \"text\": \"ok\"}\n",
    )
    .unwrap();
    let pipeline = faulty_pipeline(&dir);
    let out = run_faulty(
        &pipeline,
        &["--jobs", "1", "--fail-fast", corpus.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<_> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["a", "b"]);
    assert!(stderr(&out).contains("stopped"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly_and_keeps_what_was_done() {
    use std::process::{Command, Stdio};

    let dir = scratch("interrupt");
    let corpus = dir.join("corpus.jsonl");
    let lines: String = (0..2000)
        .map(|i| format!("{{\"id\": \"d{i}\", \"text\": \"text {i}\"}}\n"))
        .collect();
    std::fs::write(&corpus, lines).unwrap();
    let pipeline = dir.join("slow.toml");
    std::fs::write(
        &pipeline,
        "[[stage]]\nname = \"faulty\"\n[stage.config]\ndelay_ms = 5\n",
    )
    .unwrap();
    let output = dir.join("out.jsonl");
    let child = Command::new(env!("CARGO_BIN_EXE_newsproc"))
        .args(["run", "--plugin-dir"])
        .arg(plugin_dir())
        .arg("--pipeline")
        .arg(&pipeline)
        .args(["--format", "jsonl", "--jobs", "2", "--output"])
        .arg(&output)
        .arg(&corpus)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted after"), "{err}");
    assert!(
        !output.exists(),
        "an interrupted run leaves no file that looks whole"
    );
    let partial = std::fs::read_to_string(dir.join("out.jsonl.partial")).unwrap();
    let ids: Vec<String> = partial
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert!(!ids.is_empty() && ids.len() < 2000, "{} records", ids.len());
    let expected: Vec<String> = (0..ids.len()).map(|i| format!("d{i}")).collect();
    assert_eq!(
        ids, expected,
        "the records kept are the first ones, in order, none missing"
    );
}
