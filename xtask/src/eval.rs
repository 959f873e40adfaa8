//! `cargo xtask eval [--check | --update]`: every task on every gold file of the shared
//! evaluation data that exists, a Markdown report, and a floor the scores may not fall
//! below.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::{Result, build_release, root, target_dir};

/// Which tasks score which file (relative to the data directory).
const RUNS: &[(&str, &[&str])] = &[
    (
        "attribution/polnear-dev.jsonl",
        &["direct", "attribution", "quotes"],
    ),
    (
        "attribution/polnear-train.jsonl",
        &["direct", "attribution", "quotes"],
    ),
    ("casualties/fakes-dev.jsonl", &["casualties"]),
    ("casualties/gva-dev.jsonl", &["casualties"]),
    ("source/dev.jsonl", &["source"]),
];

/// How far a score may fall below its floor before `--check` fails.
const TOLERANCE: f64 = 0.01;

/// Where the floor is kept, committed.
pub fn floor_file() -> PathBuf {
    root().join("xtask").join("eval-floor.json")
}

/// The evaluation data: `$NEWSPROC_EVAL_DATA`, else `../shared/eval` beside the workspace.
pub fn data_dir() -> PathBuf {
    std::env::var_os("NEWSPROC_EVAL_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("..").join("shared").join("eval"))
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Report,
    Check,
    Update,
}

pub fn eval(mode: Mode) -> Result {
    let data = data_dir();
    if !data.is_dir() {
        println!(
            "xtask eval: no evaluation data at {} (set NEWSPROC_EVAL_DATA to point elsewhere); nothing to score",
            data.display()
        );
        return Ok(());
    }
    let release = build_release()?;
    let newsproc = release.join(format!("newsproc{}", std::env::consts::EXE_SUFFIX));
    let mut scores: BTreeMap<String, f64> = BTreeMap::new();
    let mut markdown = String::from("# Evaluation\n\n");
    markdown.push_str(&format!(
        "Data: `{}`. Command: `cargo xtask eval`.\n\n",
        data.display()
    ));
    for (file, tasks) in RUNS {
        let gold = data.join(file);
        if !gold.is_file() {
            continue;
        }
        markdown.push_str(&format!("## {file}\n\n"));
        for task in *tasks {
            let result = run_eval(&newsproc, &release, task, &gold)?;
            let key = format!("{}:{task}", file.trim_end_matches(".jsonl"));
            let mut flat = BTreeMap::new();
            flatten("", &result, &mut flat);
            markdown.push_str(&task_section(task, &flat, &result));
            for (metric, value) in flat {
                scores.insert(format!("{key}:{metric}"), value);
            }
        }
    }
    let report_path = target_dir().join("eval").join("report.md");
    std::fs::create_dir_all(report_path.parent().expect("has a parent"))
        .map_err(|e| e.to_string())?;
    std::fs::write(&report_path, &markdown).map_err(|e| e.to_string())?;
    print!("{markdown}");
    println!("report: {}", report_path.display());

    let floor = read_floor()?;
    match mode {
        Mode::Report => {
            let drops = drops(&floor, &scores);
            if !drops.is_empty() {
                println!(
                    "\n{} score(s) below the floor (run with --check to fail on them):",
                    drops.len()
                );
                for d in drops {
                    println!("  {d}");
                }
            }
            Ok(())
        }
        Mode::Check => {
            let drops = drops(&floor, &scores);
            if drops.is_empty() {
                println!("eval check: {} scores at or above their floor", floor.len());
                Ok(())
            } else {
                Err(format!(
                    "{} score(s) fell more than {TOLERANCE} below the floor in {}:\n  {}\nfix the regression, or, if it is a deliberate trade, lower the floor by hand in the same commit and say why",
                    drops.len(),
                    floor_file().display(),
                    drops.join("\n  ")
                ))
            }
        }
        Mode::Update => {
            let mut raised = 0;
            let mut updated = floor.clone();
            for (key, value) in &scores {
                let entry = updated.entry(key.clone()).or_insert(f64::MIN);
                if *value > *entry {
                    *entry = *value;
                    raised += 1;
                }
            }
            let json = serde_json::to_string_pretty(&updated).map_err(|e| e.to_string())?;
            std::fs::write(floor_file(), json + "\n").map_err(|e| e.to_string())?;
            println!(
                "eval floor: {raised} score(s) raised in {}",
                floor_file().display()
            );
            Ok(())
        }
    }
}

fn run_eval(newsproc: &Path, plugins: &Path, task: &str, gold: &Path) -> Result<Value> {
    let output = Command::new(newsproc)
        .args(["eval", "--json", "--task", task, "--plugin-dir"])
        .arg(plugins)
        .arg("--gold")
        .arg(gold)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", newsproc.display()))?;
    if !output.status.success() {
        return Err(format!(
            "newsproc eval --task {task} --gold {} failed:\n{}",
            gold.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("newsproc eval printed no JSON: {e}"))
}

/// Every rate in a result, by its path (`dateline.f1`, `killed.exact`). Counts and the
/// run's timings are left out: only rates have a floor.
fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, f64>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if k == "run" {
                    continue;
                }
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&path, v, out);
            }
        }
        Value::Number(n) if n.is_f64() => {
            out.insert(prefix.to_owned(), n.as_f64().expect("is f64"));
        }
        _ => {}
    }
}

fn task_section(task: &str, flat: &BTreeMap<String, f64>, result: &Value) -> String {
    let mut s = format!("### {task}\n\n| metric | value |\n|---|---|\n");
    for (metric, value) in flat {
        s.push_str(&format!("| {metric} | {value:.4} |\n"));
    }
    if let Some(run) = result.get("run") {
        s.push_str(&format!(
            "\n{} documents in {:.2} s: {:.0} documents/s, {:.2} MB/s\n",
            run["documents"],
            run["seconds"].as_f64().unwrap_or(0.0),
            run["documents_per_second"].as_f64().unwrap_or(0.0),
            run["mb_per_second"].as_f64().unwrap_or(0.0)
        ));
    }
    s.push('\n');
    s
}

fn read_floor() -> Result<BTreeMap<String, f64>> {
    let path = floor_file();
    if !path.is_file() {
        return Ok(BTreeMap::new());
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn drops(floor: &BTreeMap<String, f64>, scores: &BTreeMap<String, f64>) -> Vec<String> {
    floor
        .iter()
        .filter_map(|(key, &min)| match scores.get(key) {
            Some(&now) if now + TOLERANCE >= min => None,
            Some(&now) => Some(format!("{key}: {now:.4}, floor {min:.4}")),
            None => Some(format!("{key}: no longer scored (floor {min:.4})")),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_rates_are_floored() {
        let v: Value = serde_json::from_str(
            r#"{"precision": 0.5, "tp": 3, "dateline": {"f1": 0.25, "place_accuracy": null}, "run": {"seconds": 1.5}}"#,
        )
        .unwrap();
        let mut flat = BTreeMap::new();
        flatten("", &v, &mut flat);
        assert_eq!(
            flat.keys().collect::<Vec<_>>(),
            ["dateline.f1", "precision"]
        );
    }

    #[test]
    fn a_drop_beyond_the_tolerance_is_reported() {
        let floor = BTreeMap::from([
            ("a".to_owned(), 0.80),
            ("b".to_owned(), 0.80),
            ("c".to_owned(), 0.5),
        ]);
        let now = BTreeMap::from([("a".to_owned(), 0.795), ("b".to_owned(), 0.78)]);
        let d = drops(&floor, &now);
        assert_eq!(d.len(), 2);
        assert!(d[0].starts_with("b: 0.7800"));
        assert!(d[1].contains("c: no longer scored"));
    }
}
