//! The direct, attribution and quotes tasks on hand-made records. Every expected number
//! is worked out by hand in the comments.

mod common;

use common::{filler, find, gold, predictions, scored};
use newsproc_eval::{ErrorKind, Task, error_analysis};
use serde_json::{Value, json};

fn relation(kind: &str, content: Value, source: Value, cue: Value) -> Value {
    json!({"kind": kind, "type": "Attribution", "content": content, "source": source, "cue": cue})
}

fn doc(id: &str, text: &str, attributions: Vec<Value>) -> Value {
    json!({"id": id, "dataset": "test", "split": "dev", "text": text, "attributions": attributions})
}

fn output(id: &str, attributions: Vec<Value>) -> Value {
    json!({"id": id, "layers": {"attribution": {"attributions": attributions}}, "errors": []})
}

fn pred(kind: &str, content: Value, source: Value) -> Value {
    json!({"kind": kind, "content": content, "source": source, "cue": null})
}

#[test]
fn overlaps_just_above_at_and_just_below_one_half() {
    let text = filler(300);
    // Gold content [0, 100) in each document, source [150, 152).
    let g = |id| {
        doc(
            id,
            &text,
            vec![relation(
                "direct",
                json!([[0, 100]]),
                json!([[150, 152]]),
                json!([[153, 157]]),
            )],
        )
    };
    let gold = gold(Task::Direct, &[g("a"), g("b"), g("c")]);
    let src = json!({"span": [150, 152], "text": "x", "name": null});
    let predictions = predictions(vec![
        // [49, 149): shares [49, 100) = 51 of 100 bytes, 0.51: a match.
        output("a", vec![pred("direct", json!([[49, 149]]), src.clone())]),
        // [51, 151): 49 of 100, 0.49: no match (a false alarm and a miss).
        output("b", vec![pred("direct", json!([[51, 151]]), src.clone())]),
        // [50, 150): 50 of 100, exactly 0.5: a match.
        output("c", vec![pred("mixed", json!([[50, 150]]), src)]),
    ]);
    // tp 2, fp 1, fn 1: P = R = F1 = 2/3. Both matched sources overlap the gold source.
    assert_eq!(
        scored(Task::Direct, &gold, &predictions),
        json!({"precision": 0.6667, "recall": 0.6667, "f1": 0.6667, "tp": 2, "fp": 1, "fn": 1,
               "source_accuracy": 1.0, "missing_docs": 0})
    );
}

#[test]
fn one_to_one_matching_takes_the_best_overlap_first() {
    let text = filler(300);
    // One gold [0, 100); two predictions overlap it: [20, 100) shares 80% and is listed
    // first, [0, 90) shares 90%. Only the better one matches; the other is a false alarm.
    let gold1 = doc(
        "one-gold",
        &text,
        vec![relation(
            "direct",
            json!([[0, 100]]),
            json!([]),
            json!([[120, 124]]),
        )],
    );
    // Two golds [0, 10) and [3, 13); predictions [2, 12) (0.8 with the first, 0.9 with
    // the second) and [0, 6) (0.6 with the first, none with the second). Best first pairs
    // [2, 12) with [3, 13), then [0, 6) with [0, 10): 2 matches. Taking golds in order
    // ([0, 10) grabbing its best, [2, 12)) or predictions in order would leave one.
    let gold2 = doc(
        "two-golds",
        &text,
        vec![
            relation("direct", json!([[0, 10]]), json!([]), json!([[120, 124]])),
            relation("direct", json!([[3, 13]]), json!([]), json!([[130, 134]])),
        ],
    );
    let gold = gold(Task::Direct, &[gold1, gold2]);
    let predictions = predictions(vec![
        output(
            "one-gold",
            vec![
                pred("direct", json!([[20, 100]]), Value::Null),
                pred("direct", json!([[0, 90]]), Value::Null),
            ],
        ),
        output(
            "two-golds",
            vec![
                pred("direct", json!([[2, 12]]), Value::Null),
                pred("direct", json!([[0, 6]]), Value::Null),
            ],
        ),
    ]);
    // tp 3, fp 1, fn 0: P 0.75, R 1, F1 6/7. No gold has a source and none is predicted.
    assert_eq!(
        scored(Task::Direct, &gold, &predictions),
        json!({"precision": 0.75, "recall": 1.0, "f1": 0.8571, "tp": 3, "fp": 1, "fn": 0,
               "source_accuracy": 1.0, "missing_docs": 0})
    );
    let errors = error_analysis(Task::Direct, &gold, &predictions, 5).unwrap();
    let false_alarms = &errors.groups[1];
    assert_eq!(false_alarms.kind, ErrorKind::FalseAlarm);
    assert_eq!(false_alarms.total, 1);
    assert_eq!(
        false_alarms.items[0].span.map(|s| (s.start, s.end)),
        Some((20, 100))
    );
}

#[test]
fn discontinuous_content_is_one_set_of_bytes() {
    let text = filler(300);
    // Gold content [10, 30) + [40, 60): 40 bytes.
    let g = |id| {
        doc(
            id,
            &text,
            vec![relation(
                "mixed",
                json!([[10, 30], [40, 60]]),
                json!([]),
                json!([[31, 35]]),
            )],
        )
    };
    let gold = gold(Task::Direct, &[g("1"), g("2"), g("3"), g("4"), g("5")]);
    let predictions = predictions(vec![
        // [10, 60): 50 bytes, shares 40: 0.8, a match.
        output("1", vec![pred("direct", json!([[10, 60]]), Value::Null)]),
        // [10, 30): 20 of 40, 0.5: a match.
        output("2", vec![pred("direct", json!([[10, 30]]), Value::Null)]),
        // [10, 29): 19 of 40: no match.
        output("3", vec![pred("direct", json!([[10, 29]]), Value::Null)]),
        // The two pieces as two relations: each 0.5; the first in order matches, the
        // second is a false alarm.
        output(
            "4",
            vec![
                pred("direct", json!([[10, 30]]), Value::Null),
                pred("direct", json!([[40, 60]]), Value::Null),
            ],
        ),
        // Overlapping pieces count each byte once: the union equals the gold, 1.0.
        output(
            "5",
            vec![pred(
                "mixed",
                json!([[10, 30], [20, 30], [40, 60]]),
                Value::Null,
            )],
        ),
    ]);
    // tp 4 (docs 1, 2, 4, 5), fp 2 (doc 3, doc 4's second), fn 1 (doc 3):
    // P 4/6, R 4/5, F1 8/11 = 0.72727.
    assert_eq!(
        scored(Task::Direct, &gold, &predictions),
        json!({"precision": 0.6667, "recall": 0.8, "f1": 0.7273, "tp": 4, "fp": 2, "fn": 1,
               "source_accuracy": 1.0, "missing_docs": 0})
    );
}

#[test]
fn pronoun_sources_need_the_referent_and_sourceless_relations_want_null() {
    let text = "Barack Obama spoke. \"We will win,\" he said. \"It is hard,\" he said. \"Go on,\" he said. \
                \"Fine,\" it was said. \"Sure,\" it was said. Scott Pruitt, the Republican attorney general, \
                said no. Pruitt repeated it. He said more.";
    let q = |s: &str| json!([find(text, s, 0)]);
    // The n-th "he" as a span set.
    let he = |n| {
        let [start, _] = find(text, " he ", n);
        json!([[start + 1, start + 3]])
    };
    let said = json!([find(text, "said", 0)]);
    let pruitt = json!([find(
        text,
        "Scott Pruitt, the Republican attorney general,",
        0
    )]);
    let with_name = |mut r: Value, name: &str| {
        r["source_name"] = json!(name);
        r
    };
    let gold = gold(
        Task::Direct,
        &[doc(
            "d",
            text,
            vec![
                with_name(
                    relation("direct", q("\"We will win,\""), he(0), said.clone()),
                    "Barack Obama",
                ),
                with_name(
                    relation("direct", q("\"It is hard,\""), he(1), said.clone()),
                    "Barack Obama",
                ),
                with_name(
                    relation("direct", q("\"Go on,\""), he(2), said.clone()),
                    "Barack Obama",
                ),
                relation("direct", q("\"Fine,\""), json!([]), said.clone()),
                relation("direct", q("\"Sure,\""), json!([]), said.clone()),
                relation("mixed", q("said no"), pruitt.clone(), said.clone()),
                relation("mixed", q("repeated it"), pruitt.clone(), said.clone()),
                relation("mixed", q("He said more"), pruitt, said),
            ],
        )],
    );
    let source =
        |span: Value, text: &str, name: Value| json!({"span": span, "text": text, "name": name});
    let he_span = |n| he(n)[0].clone();
    let predictions = predictions(vec![output(
        "d",
        vec![
            // "President Obama": its last word, titles aside, is in "Barack Obama": right.
            pred(
                "direct",
                q("\"We will win,\""),
                source(he_span(0), "he", json!("President Obama")),
            ),
            // The pronoun left unresolved: the span overlaps, but the name does not name
            // the referent: wrong.
            pred(
                "direct",
                q("\"It is hard,\""),
                source(he_span(1), "he", Value::Null),
            ),
            // "the President": only titles, names nobody: wrong.
            pred(
                "direct",
                q("\"Go on,\""),
                source(he_span(2), "he", json!("the President")),
            ),
            // No gold source and none predicted: right.
            pred("direct", q("\"Fine,\""), Value::Null),
            // No gold source but one predicted: wrong.
            pred(
                "direct",
                q("\"Sure,\""),
                source(Value::Null, "it", json!("it")),
            ),
            // No span, but every word of the name is in the gold mention: right.
            pred(
                "mixed",
                q("said no"),
                source(Value::Null, "Pruitt", json!("Scott Pruitt")),
            ),
            // A span elsewhere and a name not in the mention: wrong.
            pred(
                "mixed",
                q("repeated it"),
                source(json!([0, 5]), "Barack", json!("Scott Walker")),
            ),
            // A span overlapping the gold mention: right whatever the name.
            pred(
                "mixed",
                q("He said more"),
                source(json!(find(text, "Pruitt,", 0)), "Pruitt", json!("Someone")),
            ),
        ],
    )]);
    // 8 matched pairs, 4 right sources: 0.5.
    assert_eq!(
        scored(Task::Direct, &gold, &predictions),
        json!({"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 8, "fp": 0, "fn": 0,
               "source_accuracy": 0.5, "missing_docs": 0})
    );
    let errors = error_analysis(Task::Direct, &gold, &predictions, 10).unwrap();
    let wrong: Vec<&str> = errors.groups[2]
        .items
        .iter()
        .map(|i| i.expected.as_str())
        .collect();
    assert_eq!(errors.groups[2].kind, ErrorKind::WrongSource);
    assert_eq!(wrong.len(), 4);
    assert!(wrong.contains(&"\"he\" = Barack Obama"), "{wrong:?}");
    assert!(wrong.contains(&"none (wants null)"), "{wrong:?}");
}

#[test]
fn a_missing_document_scores_as_empty_predictions() {
    let text = filler(200);
    let one = |id| {
        doc(
            id,
            &text,
            vec![relation(
                "direct",
                json!([[0, 50]]),
                json!([]),
                json!([[60, 64]]),
            )],
        )
    };
    let gold = gold(
        Task::Direct,
        &[
            one("present"),
            one("no-record"),
            doc(
                "no-layer",
                &text,
                vec![
                    relation("direct", json!([[0, 50]]), json!([]), json!([[60, 64]])),
                    relation("mixed", json!([[70, 90]]), json!([]), json!([[60, 64]])),
                ],
            ),
            doc("null-layer", &text, vec![]),
        ],
    );
    let predictions = predictions(vec![
        output(
            "present",
            vec![pred("direct", json!([[0, 50]]), Value::Null)],
        ),
        json!({"id": "no-layer", "layers": {"source": {"outlet": null}}, "errors": []}),
        json!({"id": "null-layer", "layers": {"attribution": null}, "errors": ["stage failed"]}),
        // Not in the gold: ignored.
        output("stray", vec![pred("direct", json!([[0, 50]]), Value::Null)]),
    ]);
    // tp 1; the 3 gold relations of the missing documents are misses: P 1, R 1/4,
    // F1 2/5. Three documents lack the layer.
    assert_eq!(
        scored(Task::Direct, &gold, &predictions),
        json!({"precision": 1.0, "recall": 0.25, "f1": 0.4, "tp": 1, "fp": 0, "fn": 3,
               "source_accuracy": 1.0, "missing_docs": 3})
    );
}

#[test]
fn a_malformed_layer_is_missing_with_a_warning() {
    let text = filler(100);
    let gold = gold(
        Task::Direct,
        &[doc(
            "d",
            &text,
            vec![relation("direct", json!([[0, 50]]), json!([]), json!([]))],
        )],
    );
    let predictions = predictions(vec![
        json!({"id": "d", "layers": {"attribution": {"attributions": "oops"}}}),
    ]);
    let report = newsproc_eval::score(Task::Direct, &gold, &predictions).unwrap();
    assert_eq!(report.metrics.missing_docs(), 1);
    assert_eq!(report.warnings.len(), 1);
    assert!(report.warnings[0].starts_with("d: attribution layer"));
    // No predictions at all: precision is undefined (null), recall and F1 are 0.
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["precision"], Value::Null);
    assert_eq!(json["recall"], json!(0.0));
    assert_eq!(json["f1"], json!(0.0));
    assert_eq!(json["source_accuracy"], Value::Null);
}

#[test]
fn attribution_counts_every_kind_and_speech_cue_recall() {
    let text = "Ann said that taxes rise. Bob believes rain comes. \"Stop,\" according to Cy. \
                Di told us that she \"will not\" go. Ed thinks so.";
    let span = |s: &str| json!([find(text, s, 0)]);
    let gold = gold(
        Task::Attribution,
        &[doc(
            "d",
            text,
            vec![
                relation(
                    "indirect",
                    span("that taxes rise"),
                    span("Ann"),
                    span("said"),
                ),
                relation(
                    "indirect",
                    span("rain comes"),
                    span("Bob"),
                    span("believes"),
                ),
                relation(
                    "direct",
                    span("\"Stop,\""),
                    span("Cy"),
                    span("according to"),
                ),
                relation(
                    "mixed",
                    span("that she \"will not\" go"),
                    span("Di"),
                    span("told"),
                ),
            ],
        )],
    );
    let src = |s: &str| json!({"span": find(text, s, 0), "text": s, "name": s});
    let predictions = predictions(vec![output(
        "d",
        vec![
            pred("indirect", span("that taxes rise"), src("Ann")),
            // Gold says mixed; the kind does not have to agree to match.
            pred("direct", span("that she \"will not\" go"), src("Ed")),
            pred("indirect", span("Ed thinks so"), src("Ed")),
        ],
    )]);
    // All kinds: tp 2, fp 1, fn 2: P 2/3, R 1/2, F1 4/7. Sources: Ann right, Ed wrong for
    // Di: 1/2. Speech cues: said, according to, told (not believes); found said and told:
    // 2/3.
    assert_eq!(
        scored(Task::Attribution, &gold, &predictions),
        json!({"precision": 0.6667, "recall": 0.5, "f1": 0.5714, "tp": 2, "fp": 1, "fn": 2,
               "source_accuracy": 0.5, "recall_speech_cues": 0.6667, "missing_docs": 0})
    );
    // Direct and mixed only: gold "Stop" and Di's; predicted only the one of kind direct.
    // tp 1, fp 0, fn 1: P 1, R 1/2, F1 2/3; the source (Ed for Di) is wrong.
    assert_eq!(
        scored(Task::Direct, &gold, &predictions),
        json!({"precision": 1.0, "recall": 0.5, "f1": 0.6667, "tp": 1, "fp": 0, "fn": 1,
               "source_accuracy": 0.0, "missing_docs": 0})
    );
}

#[test]
fn quotes_exempt_false_alarms_inside_quoted_content() {
    let text = filler(300);
    let gold = gold(
        Task::Quotes,
        &[doc(
            "d",
            &text,
            vec![
                relation(
                    "direct",
                    json!([[10, 30]]),
                    json!([[0, 5]]),
                    json!([[6, 9]]),
                ),
                relation(
                    "mixed",
                    json!([[50, 90]]),
                    json!([[40, 45]]),
                    json!([[46, 49]]),
                ),
                relation(
                    "indirect",
                    json!([[100, 140]]),
                    json!([[95, 99]]),
                    json!([[141, 145]]),
                ),
            ],
        )],
    );
    let quote = |span: [usize; 2], kind: &str, speaker: Value| json!({"span": span, "kind": kind, "speaker": speaker, "in_boilerplate": false});
    // The gold source text [0, 5) is "lorem": every word of the name occurs in it.
    let lorem = json!({"span": null, "name": "Lorem"});
    let predictions = predictions(vec![json!({"id": "d", "layers": {"quotes": {"quotes": [
        quote([10, 30], "speech", lorem.clone()),   // matches the direct relation
        quote([55, 75], "speech", lorem.clone()),   // inside the mixed content: exempt
        quote([100, 140], "speech", lorem.clone()), // an indirect relation is no quotation: FA
        quote([150, 160], "scare", Value::Null),    // not speech: not scored
        quote([85, 95], "speech", Value::Null),     // 5 of 10 bytes inside: exempt
        quote([86, 96], "speech", Value::Null),     // 4 of 10 bytes inside: FA
    ]}}})]);
    // tp 1, fp 2, fn 0: P 1/3, R 1, F1 2/4; the one matched speaker is right.
    assert_eq!(
        scored(Task::Quotes, &gold, &predictions),
        json!({"precision": 0.3333, "recall": 1.0, "f1": 0.5, "tp": 1, "fp": 2, "fn": 0,
               "speaker_accuracy": 1.0, "missing_docs": 0})
    );
}

#[test]
fn repeated_ids_pair_in_order() {
    let text = filler(100);
    let g = |content: Value| {
        doc(
            "same",
            &text,
            vec![relation("direct", content, json!([]), json!([]))],
        )
    };
    let gold = gold(Task::Direct, &[g(json!([[0, 10]])), g(json!([[50, 60]]))]);
    let predictions = predictions(vec![
        output("same", vec![pred("direct", json!([[0, 10]]), Value::Null)]),
        output("same", vec![pred("direct", json!([[50, 60]]), Value::Null)]),
    ]);
    // First with first, second with second: both match.
    assert_eq!(scored(Task::Direct, &gold, &predictions)["tp"], json!(2));
}

#[test]
fn error_listing_puts_the_largest_first_and_shows_context() {
    let text = format!("{}\nShe said \"{}\" today.", filler(100), "x".repeat(40));
    let quote = find(&text, &format!("\"{}\"", "x".repeat(40)), 0);
    let gold = gold(
        Task::Direct,
        &[
            doc(
                "small",
                &text,
                vec![relation("direct", json!([[0, 10]]), json!([]), json!([]))],
            ),
            doc(
                "large",
                &text,
                vec![relation("direct", json!([quote]), json!([]), json!([]))],
            ),
            doc(
                "small-too",
                &text,
                vec![relation("direct", json!([[20, 30]]), json!([]), json!([]))],
            ),
        ],
    );
    let predictions = predictions(vec![]);
    let errors = error_analysis(Task::Direct, &gold, &predictions, 2).unwrap();
    let missed = &errors.groups[0];
    assert_eq!(missed.kind, ErrorKind::MissedRelation);
    assert_eq!(missed.total, 3);
    // The 42-byte quotation first, then the first 10-byte miss in document order.
    let ids: Vec<&str> = missed.items.iter().map(|i| i.doc_id.as_str()).collect();
    assert_eq!(ids, ["large", "small"]);
    let context = &missed.items[0].context;
    assert!(context.starts_with('…'), "{context}");
    assert!(context.contains("⏎She said ⟦\"xxx"), "{context}");
    assert!(context.ends_with("\"⟧ today."), "{context}");
    assert!(errors.render().contains("missed relations (2 shown of 3)"));
}
