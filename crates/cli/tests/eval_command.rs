//! `newsproc eval` on hand-made gold: it runs the pipeline, scores with the README's
//! field names, and lists errors with their context.

mod support;

use support::*;

fn gold(name: &str) -> String {
    fixtures()
        .join("gold")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

#[test]
fn prints_the_machine_readable_fields_of_each_task() {
    for (task, file, fields) in [
        (
            "direct",
            "attribution.jsonl",
            &[
                "precision",
                "recall",
                "f1",
                "source_accuracy",
                "missing_docs",
            ][..],
        ),
        (
            "attribution",
            "attribution.jsonl",
            &["recall_speech_cues"][..],
        ),
        ("quotes", "attribution.jsonl", &["speaker_accuracy"][..]),
        (
            "casualties",
            "casualties.jsonl",
            &[
                "killed",
                "injured",
                "killed_civilians",
                "killed_noncivilians",
            ][..],
        ),
        (
            "source",
            "source.jsonl",
            &[
                "outlet_accuracy",
                "wire_agency_set_accuracy",
                "dateline",
                "boilerplate_bytes",
            ][..],
        ),
    ] {
        let out = newsproc(&["eval", "--json", "--task", task, "--gold", &gold(file)]);
        assert_eq!(out.status.code(), Some(0), "{task}: {}", stderr(&out));
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        for field in fields {
            assert!(json.get(field).is_some(), "{task} lacks `{field}`: {json}");
        }
        assert_eq!(json["missing_docs"], 0, "{task}");
        assert_eq!(json["run"]["documents"], 1, "{task}");
    }
}

#[test]
fn scores_a_predictions_file_and_lists_errors() {
    let dir = scratch("eval-predictions");
    let predictions = dir.join("pred.jsonl");
    // A record that names the wrong outlet and no agency.
    std::fs::write(
        &predictions,
        r#"{"id": "g1", "layers": {"source": {"outlet": "AFP", "wire_agencies": [], "dateline": null, "boilerplate": []}}, "errors": []}"#,
    )
    .unwrap();
    let out = newsproc(&[
        "eval",
        "--task",
        "source",
        "--gold",
        &gold("source.jsonl"),
        "--predictions",
        predictions.to_str().unwrap(),
        "--errors",
        "3",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(shown.contains("outlet"), "{shown}");
    assert!(
        shown.contains("Reuters") && shown.contains("AFP"),
        "expected and predicted are shown: {shown}"
    );
}

#[test]
fn an_unknown_task_is_a_command_line_error() {
    let out = newsproc(&[
        "eval",
        "--task",
        "quotations",
        "--gold",
        &gold("source.jsonl"),
    ]);
    assert_eq!(out.status.code(), Some(2));
}
