//! Cross-checks the scorer against the independent Python reference
//! (`reference/score.py`) on generated gold and predictions for every task: each metric
//! must agree within 0.005 (in practice they agree exactly). Skipped, with a note, when
//! `python3` is not available.
//!
//! `crosscheck_files_from_env` (ignored by default) does the same on real files:
//! `NEWSPROC_XCHECK_TASK=direct NEWSPROC_XCHECK_GOLD=... NEWSPROC_XCHECK_PRED=...
//! cargo test -p newsproc-eval --test reference_crosscheck -- --ignored`.

use std::fs::File;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use newsproc_eval::{Predictions, Task, read_gold, score};
use serde_json::{Value, json};

const TOLERANCE: f64 = 0.005;

/// A small deterministic generator (64-bit LCG), so the test data never changes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const VOCABULARY: &[&str] = &[
    "Obama",
    "Barack",
    "President",
    "he",
    "she",
    "said",
    "told",
    "believes",
    "according",
    "to",
    "the",
    "Clinton",
    "Hillary",
    "Trump’s",
    "campaign",
    "café",
    "\"we",
    "win\"",
    "Pruitt,",
    "attorney",
    "general,",
    "reported",
    "shows",
    "poll",
    "3",
    "killed",
    "four",
    "12",
    "1,200",
    "Reuters",
    "AMMAN",
    "(Reuters)",
    "-",
    "\n",
    "Al-Manar",
    "CBS4",
    "3rd",
    "twenty",
];

/// A text of `n` words and the byte span of each word.
fn text(rng: &mut Rng, n: usize) -> (String, Vec<[usize; 2]>) {
    let mut text = String::new();
    let mut words = Vec::new();
    for _ in 0..n {
        let word = rng.pick(VOCABULARY);
        words.push([text.len(), text.len() + word.len()]);
        text.push_str(word);
        text.push(' ');
    }
    (text, words)
}

/// The span from word `i` through word `j`.
fn words_span(words: &[[usize; 2]], i: usize, j: usize) -> [usize; 2] {
    let (i, j) = (i.min(words.len() - 1), j.min(words.len() - 1));
    [words[i.min(j)][0], words[i.max(j)][1]]
}

fn shift(rng: &mut Rng, i: usize, max: usize) -> usize {
    let delta = rng.below(2 * max + 1);
    (i + delta).saturating_sub(max)
}

fn relation_data(rng: &mut Rng) -> (Vec<Value>, Vec<Value>) {
    let mut gold = Vec::new();
    let mut predictions = Vec::new();
    for d in 0..60 {
        let id = if d == 7 {
            "dup".to_owned()
        } else {
            format!("r{d}")
        };
        let (text, words) = text(rng, 80);
        let w = words.len();
        let mut rels = Vec::new();
        let mut preds = Vec::new();
        let mut quotes = Vec::new();
        for _ in 0..rng.below(7) {
            let start = rng.below(w - 10);
            let len = 1 + rng.below(8);
            let mut content = vec![words_span(&words, start, start + len)];
            if rng.chance(20) {
                content.push(words_span(&words, start + len + 2, start + len + 4));
            }
            let kind = *rng.pick(&["direct", "direct", "mixed", "indirect", "indirect"]);
            let source_word = rng.below(w);
            let source = if rng.chance(15) {
                json!([])
            } else {
                json!([words[source_word]])
            };
            let cue = words[rng.below(w)];
            let mut rel = json!({"kind": kind, "type": "Attribution", "content": content,
                                 "source": source, "cue": [cue]});
            if rng.chance(30) && !source.as_array().unwrap().is_empty() {
                rel["source_name"] =
                    json!(*rng.pick(&["Barack Obama", "Hillary Clinton", "Donald Trump"]));
            }
            rels.push(rel);

            if rng.chance(75) {
                let a = shift(rng, start, 2);
                let b = shift(rng, start + len, 2);
                let content = if rng.chance(15) {
                    json!([words_span(&words, a, b), words_span(&words, b + 1, b + 3)])
                } else {
                    json!([words_span(&words, a, b)])
                };
                let source = match rng.below(5) {
                    0 => Value::Null,
                    1 => {
                        json!({"span": words[source_word], "text": "he", "name": "President Obama"})
                    }
                    2 => {
                        json!({"span": null, "text": "x", "name": *rng.pick(&["Clinton", "the President", "Pruitt", "he"])})
                    }
                    3 => json!({"span": words[rng.below(w)], "text": "y", "name": null}),
                    _ => json!({"span": words[source_word], "text": "z", "name": "Someone Else"}),
                };
                let predicted_kind = if rng.chance(80) {
                    kind
                } else {
                    *rng.pick(&["direct", "mixed", "indirect"])
                };
                preds.push(json!({"kind": predicted_kind, "content": content, "source": source.clone(), "cue": null}));
                let quote_kind = if rng.chance(85) { "speech" } else { "scare" };
                let speaker = if source.is_null() {
                    Value::Null
                } else {
                    json!({"span": source["span"], "name": source["name"].as_str().unwrap_or("he")})
                };
                quotes.push(json!({"span": words_span(&words, a, b), "kind": quote_kind, "speaker": speaker, "in_boilerplate": false}));
            }
        }
        for _ in 0..rng.below(3) {
            let start = rng.below(w - 5);
            let span = words_span(&words, start, start + 1 + rng.below(5));
            preds.push(json!({"kind": *rng.pick(&["direct", "indirect"]), "content": [span], "source": null, "cue": null}));
            quotes.push(
                json!({"span": span, "kind": "speech", "speaker": null, "in_boilerplate": false}),
            );
        }
        gold.push(json!({"id": id, "dataset": "synthetic", "split": "dev", "text": text, "attributions": rels}));
        match rng.below(12) {
            0 => {} // no record
            1 => predictions.push(json!({"id": id, "layers": {"attribution": null, "quotes": null}, "errors": ["failed"]})),
            _ => predictions.push(json!({"id": id, "layers": {
                "attribution": {"attributions": preds, "sources": []},
                "quotes": {"quotes": quotes, "by_speaker": []}}, "errors": []})),
        }
    }
    (gold, predictions)
}

fn casualty_data(rng: &mut Rng) -> (Vec<Value>, Vec<Value>) {
    let mut gold = Vec::new();
    let mut predictions = Vec::new();
    let fields = [
        "killed",
        "injured",
        "killed_civilians",
        "killed_noncivilians",
    ];
    for d in 0..200 {
        let id = format!("c{d}");
        let (text, _) = text(rng, 30);
        let gva = rng.chance(50);
        let mut record = json!({"id": id, "dataset": if gva { "gva" } else { "fa-kes" },
                                "gold_level": if gva { "incident" } else { "article" }, "text": text});
        let mut flags = serde_json::Map::new();
        let mut totals = serde_json::Map::new();
        for field in fields {
            let value: Value = match rng.below(6) {
                0 => Value::Null,
                1 => json!(0),
                2 => json!(*rng.pick(&[3, 4, 12, 20, 1200])),
                _ => json!(1 + rng.below(60)),
            };
            if gva && rng.chance(50) {
                let flag = match value.as_u64() {
                    Some(v) if v > 0 => json!(rng.chance(60)),
                    _ => Value::Null,
                };
                flags.insert(field.to_owned(), flag);
            }
            let predicted = match (rng.below(6), value.as_u64()) {
                (0, _) => Value::Null,
                (1, Some(v)) => json!(v),
                (2, Some(v)) => json!(v + 1),
                (3, Some(v)) => json!(v + v / 10 + 1),
                (4, _) => json!(0),
                _ => json!(rng.below(40)),
            };
            record[field] = value;
            totals.insert(field.to_owned(), predicted);
        }
        if gva && rng.chance(70) {
            record["gold_in_text"] = Value::Object(flags);
        } else if !gva {
            record["gold_in_text"] = json!(true);
        }
        gold.push(record);
        if rng.below(15) != 0 {
            predictions.push(json!({"id": id, "layers": {"casualties": {"claims": [], "totals": totals}}, "errors": []}));
        }
    }
    (gold, predictions)
}

fn source_data(rng: &mut Rng) -> (Vec<Value>, Vec<Value>) {
    let outlets = [
        "Reuters",
        "Al-Manar",
        "Ahram Online",
        "The Guardian",
        "CNBC",
    ];
    let agencies = ["Reuters", "Associated Press", "AFP", "SANA", "Sputnik"];
    let mut gold = Vec::new();
    let mut predictions = Vec::new();
    for d in 0..200 {
        let id = format!("s{d}");
        let (text, words) = text(rng, 40);
        let w = words.len();
        let outlet = *rng.pick(&outlets);
        let in_text = rng.chance(40);
        let gold_agencies: Vec<&str> = agencies
            .iter()
            .copied()
            .filter(|_| rng.chance(15))
            .collect();
        let dateline_word = rng.below(w - 3);
        let dateline = if rng.chance(40) {
            let [s, e] = words_span(&words, dateline_word, dateline_word + rng.below(3));
            json!({"raw": "", "city": if rng.chance(80) { json!("AMMAN") } else { Value::Null },
                   "region": null, "date": null, "agency": null, "start": s, "end": e})
        } else {
            Value::Null
        };
        let mut boilerplate = Vec::new();
        for _ in 0..rng.below(3) {
            let start = rng.below(w - 6);
            let [s, e] = words_span(&words, start, start + rng.below(6));
            boilerplate.push(json!({"start": s, "end": e, "kind": "trailer", "text": ""}));
        }
        gold.push(
            json!({"id": id, "dataset": "synthetic", "split": "dev", "text": text, "title": "",
                         "outlet": outlet, "outlet_in_text": in_text, "wire_agency": gold_agencies,
                         "credit_lines": [], "dateline": dateline, "boilerplate": boilerplate,
                         "provenance": {}}),
        );

        let predicted_outlet = match rng.below(4) {
            0 => Value::Null,
            1 => json!(*rng.pick(&outlets)),
            _ => json!(outlet.to_uppercase()),
        };
        let mut predicted_agencies: Vec<String> =
            gold_agencies.iter().map(|a| a.to_string()).collect();
        if rng.chance(20) {
            predicted_agencies.push((*rng.pick(&agencies)).to_owned());
        }
        if rng.chance(10) {
            predicted_agencies.clear();
        }
        let predicted_dateline = if rng.chance(45) {
            let start = shift(rng, dateline_word, 1);
            json!({"span": words_span(&words, start, start + rng.below(3)),
                   "place": *rng.pick(&["Amman", "AMMAN", "Beirut"]), "agency": null})
        } else {
            Value::Null
        };
        let mut predicted_boilerplate = Vec::new();
        for b in &boilerplate {
            if rng.chance(70) {
                let s = b["start"].as_u64().unwrap() as usize;
                let e = b["end"].as_u64().unwrap() as usize;
                let s = s.saturating_sub(rng.below(4));
                predicted_boilerplate
                    .push(json!({"span": [s, e + rng.below(4)], "kind": "trailer"}));
            }
        }
        if rng.chance(20) {
            let start = rng.below(w - 3);
            predicted_boilerplate
                .push(json!({"span": words_span(&words, start, start + 2), "kind": "links"}));
        }
        if rng.below(20) != 0 {
            predictions.push(
                json!({"id": id, "layers": {"source": {"outlet": predicted_outlet,
                "wire_agencies": predicted_agencies, "dateline": predicted_dateline,
                "boilerplate": predicted_boilerplate}}, "errors": []}),
            );
        }
    }
    (gold, predictions)
}

fn write_jsonl(path: &Path, records: &[Value]) {
    let mut file = File::create(path).unwrap();
    for record in records {
        writeln!(file, "{record}").unwrap();
    }
}

fn python_available() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn reference_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("reference/score.py")
}

/// Scores the files with both implementations; returns (rust, python) JSON.
fn both(task: Task, gold: &Path, pred: &Path) -> (Value, Value) {
    let gold_docs = read_gold(task, BufReader::new(File::open(gold).unwrap())).unwrap();
    let predictions = Predictions::from_jsonl(BufReader::new(File::open(pred).unwrap())).unwrap();
    let rust = serde_json::to_value(score(task, &gold_docs, &predictions).unwrap()).unwrap();
    let output = Command::new("python3")
        .arg(reference_script())
        .args(["--task", task.name()])
        .arg("--gold")
        .arg(gold)
        .arg("--pred")
        .arg(pred)
        .output()
        .expect("runs python3");
    assert!(
        output.status.success(),
        "reference failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let python = serde_json::from_slice(&output.stdout).expect("reference prints JSON");
    (rust, python)
}

/// Every difference between the two reports beyond the tolerance, as `path: a vs b`.
fn differences(path: &str, rust: &Value, python: &Value, out: &mut Vec<String>) {
    match (rust, python) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for key in keys {
                let (x, y) = (
                    a.get(key).unwrap_or(&Value::Null),
                    b.get(key).unwrap_or(&Value::Null),
                );
                if !a.contains_key(key) || !b.contains_key(key) {
                    out.push(format!("{path}.{key}: only in one report"));
                } else {
                    differences(&format!("{path}.{key}"), x, y, out);
                }
            }
        }
        (Value::Number(a), Value::Number(b)) => {
            if (a.as_f64().unwrap() - b.as_f64().unwrap()).abs() > TOLERANCE {
                out.push(format!("{path}: rust {a} vs python {b}"));
            }
        }
        (a, b) if a == b => {}
        (a, b) => out.push(format!("{path}: rust {a} vs python {b}")),
    }
}

#[test]
fn rust_and_python_reference_agree_on_generated_data() {
    if !python_available() {
        eprintln!("note: python3 not available, skipping the cross-check with reference/score.py");
        return;
    }
    let dir = std::env::temp_dir().join(format!("newsproc-eval-crosscheck-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng(0x5eed);
    let relations = relation_data(&mut rng);
    let casualties = casualty_data(&mut rng);
    let sources = source_data(&mut rng);
    let mut problems = Vec::new();
    for (task, (gold, predictions)) in [
        (Task::Direct, &relations),
        (Task::Attribution, &relations),
        (Task::Quotes, &relations),
        (Task::Casualties, &casualties),
        (Task::Source, &sources),
    ] {
        let gold_path = dir.join(format!("{task}-gold.jsonl"));
        let pred_path = dir.join(format!("{task}-pred.jsonl"));
        write_jsonl(&gold_path, gold);
        write_jsonl(&pred_path, predictions);
        let (rust, python) = both(task, &gold_path, &pred_path);
        differences(task.name(), &rust, &python, &mut problems);
        // The data must exercise the metrics, not agree on nothing.
        let text = rust.to_string();
        assert!(
            !text.contains("\"tp\":0,"),
            "{task}: degenerate data {text}"
        );
        assert!(
            rust["missing_docs"].as_u64().unwrap() > 0,
            "{task}: no missing docs"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        problems.is_empty(),
        "scorers disagree:\n{}",
        problems.join("\n")
    );
}

#[test]
#[ignore = "needs NEWSPROC_XCHECK_TASK, NEWSPROC_XCHECK_GOLD and NEWSPROC_XCHECK_PRED"]
fn crosscheck_files_from_env() {
    let var = |name| std::env::var(name).unwrap_or_else(|_| panic!("set {name}"));
    let task: Task = var("NEWSPROC_XCHECK_TASK").parse().unwrap();
    let (gold, pred) = (var("NEWSPROC_XCHECK_GOLD"), var("NEWSPROC_XCHECK_PRED"));
    let (rust, python) = both(task, Path::new(&gold), Path::new(&pred));
    let mut problems = Vec::new();
    differences(task.name(), &rust, &python, &mut problems);
    eprintln!("rust:   {rust}\npython: {python}");
    assert!(
        problems.is_empty(),
        "scorers disagree:\n{}",
        problems.join("\n")
    );
}
