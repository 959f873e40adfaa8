//! The casualties and source tasks on hand-made records, expected numbers worked out in
//! the comments.

mod common;

use common::{filler, gold, predictions, scored};
use newsproc_eval::{ErrorKind, Task, error_analysis, score};
use serde_json::{Value, json};

fn fakes(id: &str, text: &str, figures: [Value; 4]) -> Value {
    let [killed, injured, civilians, noncivilians] = figures;
    json!({"id": id, "dataset": "fa-kes", "split": "dev", "gold_level": "article", "text": text,
           "killed": killed, "injured": injured, "killed_civilians": civilians,
           "killed_noncivilians": noncivilians, "killed_children": null, "gold_in_text": true})
}

fn totals(id: &str, figures: [Value; 4]) -> Value {
    let [killed, injured, civilians, noncivilians] = figures;
    json!({"id": id, "layers": {"casualties": {"claims": [], "totals": {
        "killed": killed, "injured": injured, "killed_civilians": civilians,
        "killed_noncivilians": noncivilians}}}, "errors": []})
}

#[test]
fn casualties_null_is_unscored_zero_is_its_own_measure() {
    let n = Value::Null;
    let text = filler(50);
    let gold = gold(
        Task::Casualties,
        &[
            fakes("d1", &text, [json!(20), n.clone(), json!(0), n.clone()]),
            fakes("d2", &text, [json!(0), json!(12), n.clone(), n.clone()]),
            fakes("d3", &text, [json!(10), json!(7), json!(10), json!(0)]),
            fakes("d4", &text, [json!(50), json!(0), n.clone(), n.clone()]),
            fakes("d5", &text, [json!(0), json!(4), n.clone(), n.clone()]),
        ],
    );
    let predictions = predictions(vec![
        totals("d1", [json!(20), json!(5), n.clone(), json!(3)]),
        totals("d2", [n.clone(), json!(13), n.clone(), n.clone()]),
        totals("d3", [json!(11), n.clone(), json!(0), json!(0)]),
        totals("d4", [json!(44), json!(2), n.clone(), n.clone()]),
        // d5 has no record: everything null.
    ]);
    // killed: gold 20/20 exact; 10/11 within (off 1); 50/44 off 6 > 5: n 3, exact 1/3,
    //   within 2/3, coverage 3/3. Gold zeros d2 (null) and d5 (missing, null): 2/2.
    // injured: d1 gold null (the 5 is not scored); 12/13 within (off 1 <= 1.2); 7/null;
    //   4/null: n 3, exact 0, within 1/3, coverage 1/3. Zero d4 got 2: 0/1.
    // killed_civilians: d1 zero/null right; d3 10/0 covered, off 10: n 1, exact 0, within
    //   0, coverage 1. zero 1/1.
    // killed_noncivilians: only d3's zero, predicted 0: n 0 (all null), zero 1/1.
    assert_eq!(
        scored(Task::Casualties, &gold, &predictions),
        json!({
            "killed": {"n": 3, "exact": 0.3333, "within_10pct": 0.6667, "coverage": 1.0,
                       "zero_n": 2, "zero_correct": 1.0},
            "injured": {"n": 3, "exact": 0.0, "within_10pct": 0.3333, "coverage": 0.3333,
                        "zero_n": 1, "zero_correct": 0.0},
            "killed_civilians": {"n": 1, "exact": 0.0, "within_10pct": 0.0, "coverage": 1.0,
                                 "zero_n": 1, "zero_correct": 1.0},
            "killed_noncivilians": {"n": 0, "exact": null, "within_10pct": null, "coverage": null,
                                    "zero_n": 1, "zero_correct": 1.0},
            "missing_docs": 1
        })
    );

    let errors = error_analysis(Task::Casualties, &gold, &predictions, 10).unwrap();
    let kinds: Vec<(ErrorKind, usize)> = errors.groups.iter().map(|g| (g.kind, g.total)).collect();
    // Wrong: killed 11 (d3), 44 (d4), injured 13 (d2), civilians 0 (d3).
    // Missed: injured 7 (d3), 4 (d5). Invented: injured 5 (gold null, d1), noncivilians 3
    // (gold null, d1), injured 2 (gold zero, d4).
    assert_eq!(
        kinds,
        [
            (ErrorKind::WrongNumber, 4),
            (ErrorKind::MissedFigure, 2),
            (ErrorKind::InventedFigure, 3)
        ]
    );
    // Largest numeric error first: 10/0 (off 10), then 50/44 (off 6), then the two off
    // by 1 in document order.
    let wrong: Vec<(&str, &str)> = errors.groups[0]
        .items
        .iter()
        .map(|i| (i.doc_id.as_str(), i.expected.as_str()))
        .collect();
    assert_eq!(
        wrong,
        [
            ("d3", "killed_civilians 10"),
            ("d4", "killed 50"),
            ("d2", "injured 12"),
            ("d3", "killed 10")
        ]
    );
    assert_eq!(errors.groups[0].items[1].predicted, "killed 44 (off by 6)");
}

#[test]
fn gva_final_tolls_not_in_the_text_are_left_out() {
    let gva = |id: &str, text: &str, killed: u64, injured: u64, flags: Value| {
        json!({"id": id, "dataset": "gva", "split": "dev", "gold_level": "incident", "text": text,
               "killed": killed, "injured": injured, "gold_in_text": flags})
    };
    let gold = gold(
        Task::Casualties,
        &[
            // No flags: killed 1 is written nowhere (the "1" of "1st" is no number): left
            // out; injured 2 is written: scored.
            gva(
                "g1",
                "Police said 2 men were wounded on 1st Street.",
                1,
                2,
                Value::Null,
            ),
            // The record's flag rules even though "3" is in the text: killed left out.
            gva(
                "g2",
                "3 people died, police said.",
                3,
                0,
                json!({"killed": false, "injured": null}),
            ),
            // Written as a word: scored.
            gva("g3", "Four people were killed.", 4, 0, json!(null)),
        ],
    );
    // FA-KES is an article-level gold: never left out, even with the number unwritten.
    let fakes_gold = gold_fakes();
    let predictions = predictions(vec![
        totals("g1", [Value::Null, json!(2), Value::Null, Value::Null]),
        totals("g2", [json!(3), Value::Null, Value::Null, Value::Null]),
        totals("g3", [json!(4), json!(1), Value::Null, Value::Null]),
        totals("f1", [json!(5), Value::Null, Value::Null, Value::Null]),
    ]);
    // killed: g3 exact (n 1); injured: g1 exact (n 1), zeros g2 (null, right) and g3
    // (1, wrong): 1/2.
    let report = score(Task::Casualties, &gold, &predictions).unwrap();
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json["killed"],
        json!({"n": 1, "exact": 1.0, "within_10pct": 1.0, "coverage": 1.0, "zero_n": 0, "zero_correct": null})
    );
    assert_eq!(
        json["injured"],
        json!({"n": 1, "exact": 1.0, "within_10pct": 1.0, "coverage": 1.0, "zero_n": 2, "zero_correct": 0.5})
    );
    let newsproc_eval::TaskMetrics::Casualties(metrics) = &report.metrics else {
        panic!()
    };
    assert_eq!(metrics.killed.excluded, 2);
    assert!(report.render_table().contains("killed"));

    let json = scored(Task::Casualties, &fakes_gold, &predictions);
    assert_eq!(json["killed"]["n"], json!(1));
    assert_eq!(json["killed"]["exact"], json!(1.0));
}

fn gold_fakes() -> Vec<newsproc_eval::GoldDoc> {
    gold(
        Task::Casualties,
        &[fakes(
            "f1",
            "Dozens were killed.",
            [json!(5), Value::Null, Value::Null, Value::Null],
        )],
    )
}

fn source_doc(
    id: &str,
    outlet: &str,
    in_text: bool,
    agencies: &[&str],
    dateline: Value,
    boilerplate: &[[usize; 2]],
) -> Value {
    let boilerplate: Vec<Value> = boilerplate
        .iter()
        .map(|[s, e]| json!({"start": s, "end": e, "kind": "trailer", "text": ""}))
        .collect();
    json!({"id": id, "dataset": "test", "split": "dev", "text": filler(300), "title": "",
           "outlet": outlet, "outlet_in_text": in_text, "wire_agency": agencies, "credit_lines": [],
           "dateline": dateline, "boilerplate": boilerplate, "provenance": {}})
}

fn dateline(start: usize, end: usize, city: Value) -> Value {
    json!({"raw": "", "city": city, "region": null, "date": null, "agency": null, "start": start, "end": end})
}

fn source_output(
    id: &str,
    outlet: Value,
    agencies: &[&str],
    dateline: Value,
    boilerplate: &[[usize; 2]],
) -> Value {
    let boilerplate: Vec<Value> = boilerplate
        .iter()
        .map(|s| json!({"span": s, "kind": "trailer"}))
        .collect();
    json!({"id": id, "layers": {"source": {"outlet": outlet, "wire_agencies": agencies,
           "dateline": dateline, "boilerplate": boilerplate}}, "errors": []})
}

#[test]
fn source_outlet_abstention_agency_sets_datelines_and_boilerplate_bytes() {
    let n = Value::Null;
    let gold = gold(
        Task::Source,
        &[
            source_doc(
                "s1",
                "Reuters",
                true,
                &["Reuters"],
                dateline(0, 18, json!("AMMAN")),
                &[[100, 150]],
            ),
            source_doc(
                "s2",
                "Al-Manar",
                false,
                &[],
                dateline(10, 30, json!("Beirut")),
                &[[0, 10], [200, 220]],
            ),
            source_doc("s3", "Ahram Online", false, &[], n.clone(), &[]),
            source_doc(
                "s4",
                "Daily Sabah",
                false,
                &["Associated Press"],
                dateline(0, 11, n.clone()),
                &[[50, 60]],
            ),
            source_doc("s5", "CNBC", true, &[], n.clone(), &[]),
        ],
    );
    let at = |span: [usize; 2], place: &str| json!({"span": span, "place": place, "agency": null});
    let predictions = predictions(vec![
        // Right outlet (case aside); agencies equal; dateline [0, 9) shares 9 of 18: a
        // match, place right; boilerplate [120, 170) shares 30 of gold 50, predicted 50.
        source_output(
            "s1",
            json!("reuters"),
            &["Reuters"],
            at([0, 9], "Amman"),
            &[[120, 170]],
        ),
        // Abstains where the outlet is not in the text: right. Dateline [10, 19) shares 9
        // of 20: a false alarm and a miss. Boilerplate: 30 gold bytes missed.
        source_output("s2", n.clone(), &[], at([10, 19], "Beirut"), &[]),
        // Names the right outlet although it is not in the text: right. An invented
        // agency: wrong set. A dateline where there is none. 10 false boilerplate bytes.
        source_output(
            "s3",
            json!("Ahram Online"),
            &["AFP"],
            at([0, 5], "CAIRO"),
            &[[0, 10]],
        ),
        // A wrong outlet. The same agency twice, other case: the same set. Dateline
        // matches exactly but the gold has no place. Boilerplate [50, 60) twice: 10 bytes.
        source_output(
            "s4",
            json!("Reuters"),
            &["associated press", "Associated Press"],
            at([0, 11], "WASHINGTON"),
            &[[50, 60], [55, 58]],
        ),
        // Abstains where the outlet is in the text: wrong.
        source_output("s5", n.clone(), &[], n, &[]),
    ]);
    // Outlets: s1, s2, s3 right: 3/5; in text s1 right, s5 wrong: 1/2; not in text
    // s2, s3 right, s4 wrong: 2/3. Agency sets: all but s3: 4/5.
    // Datelines: tp 2 (s1, s4), fp 2 (s2, s3), fn 1 (s2): P 1/2, R 2/3, F1 4/7; places
    // 1 of 2 matched.
    // Boilerplate bytes: shared 30 + 10 = 40; predicted 50 + 10 + 10 = 70; gold 50 + 30 +
    // 10 = 90: P 4/7, R 4/9, F1 80/160.
    assert_eq!(
        scored(Task::Source, &gold, &predictions),
        json!({
            "outlet_accuracy": 0.6, "outlet_named_in_text_accuracy": 0.5,
            "outlet_abstention_accuracy": 0.6667, "wire_agency_set_accuracy": 0.8,
            "dateline": {"precision": 0.5, "recall": 0.6667, "f1": 0.5714, "place_accuracy": 0.5},
            "boilerplate_bytes": {"precision": 0.5714, "recall": 0.4444, "f1": 0.5},
            "missing_docs": 0
        })
    );

    let errors = error_analysis(Task::Source, &gold, &predictions, 10).unwrap();
    let totals: Vec<(ErrorKind, usize)> = errors.groups.iter().map(|g| (g.kind, g.total)).collect();
    assert_eq!(
        totals,
        [
            (ErrorKind::WrongOutlet, 2),
            (ErrorKind::WrongAgencySet, 1),
            (ErrorKind::MissedDateline, 1),
            (ErrorKind::ExtraDateline, 2),
            (ErrorKind::WrongPlace, 1),
            // s1 [100,150) missed 20, s2 [0,10) and [200,220).
            (ErrorKind::BoilerplateMissed, 3),
            // s1 [150,170) 20 false bytes, s3 [0,10).
            (ErrorKind::BoilerplateFalseBytes, 2),
        ]
    );
    let missed: Vec<f64> = errors.groups[5].items.iter().map(|i| i.severity).collect();
    assert_eq!(missed, [20.0, 20.0, 10.0]);
    assert_eq!(errors.groups[5].items[0].doc_id, "s1");
    let table = score(Task::Source, &gold, &predictions)
        .unwrap()
        .render_table();
    assert!(table.contains("outlet accuracy"), "{table}");
}

#[test]
fn every_task_serializes_exactly_the_readme_fields() {
    let keys = |task: Task, gold_record: Value| {
        let gold = gold(task, &[gold_record]);
        let json = scored(task, &gold, &predictions(vec![]));
        let mut keys: Vec<String> = json.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        (json, keys)
    };
    let relations = json!({"id": "r", "text": "abc", "attributions": []});
    let sorted = |names: &[&str]| {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort();
        v
    };
    let span_fields = [
        "precision",
        "recall",
        "f1",
        "tp",
        "fp",
        "fn",
        "missing_docs",
    ];
    assert_eq!(
        keys(Task::Direct, relations.clone()).1,
        sorted(&[&span_fields[..], &["source_accuracy"]].concat())
    );
    assert_eq!(
        keys(Task::Attribution, relations.clone()).1,
        sorted(&[&span_fields[..], &["source_accuracy", "recall_speech_cues"]].concat())
    );
    assert_eq!(
        keys(Task::Quotes, relations).1,
        sorted(&[&span_fields[..], &["speaker_accuracy"]].concat())
    );
    let (json, fields) = keys(
        Task::Casualties,
        fakes("c", "x", [json!(1), json!(0), Value::Null, Value::Null]),
    );
    assert_eq!(
        fields,
        sorted(&[
            "killed",
            "injured",
            "killed_civilians",
            "killed_noncivilians",
            "missing_docs"
        ])
    );
    let mut field_keys: Vec<&String> = json["killed"].as_object().unwrap().keys().collect();
    field_keys.sort();
    assert_eq!(
        field_keys,
        [
            "coverage",
            "exact",
            "n",
            "within_10pct",
            "zero_correct",
            "zero_n"
        ]
    );
    let (json, fields) = keys(
        Task::Source,
        source_doc("s", "X", false, &[], Value::Null, &[]),
    );
    assert_eq!(
        fields,
        sorted(&[
            "outlet_accuracy",
            "outlet_named_in_text_accuracy",
            "outlet_abstention_accuracy",
            "wire_agency_set_accuracy",
            "dateline",
            "boilerplate_bytes",
            "missing_docs",
        ])
    );
    assert_eq!(json["dateline"].as_object().unwrap().len(), 4);
    assert_eq!(json["boilerplate_bytes"].as_object().unwrap().len(), 3);
}

#[test]
fn gold_of_another_task_is_refused_with_the_fields_it_lacks() {
    use newsproc_eval::{EvalError, read_gold};
    use std::io::Cursor;
    let attribution = r#"{"id": "a", "text": "He said so.", "outlet": "x", "attributions": []}"#;
    for task in [Task::Casualties, Task::Source] {
        let err = read_gold(task, Cursor::new(attribution)).unwrap_err();
        assert!(matches!(err, EvalError::NoAnnotations { .. }), "{err}");
        assert!(
            err.to_string().contains("is this gold for another task?"),
            "{err}"
        );
    }
    assert!(read_gold(Task::Direct, Cursor::new(attribution)).is_ok());
    // A field that is present but null still marks the file as the task's gold.
    let casualty = r#"{"id": "c", "text": "Nothing happened.", "killed": null}"#;
    assert!(read_gold(Task::Casualties, Cursor::new(casualty)).is_ok());
    assert!(read_gold(Task::Source, Cursor::new("")).unwrap().is_empty());
}
