//! Builders for hand-made gold and prediction records.

#![allow(dead_code)]

use newsproc_eval::{GoldDoc, Predictions, Task, score};
use serde_json::Value;

pub fn gold(task: Task, records: &[Value]) -> Vec<GoldDoc> {
    records
        .iter()
        .map(|r| GoldDoc::from_json(task, &r.to_string()).expect("gold record"))
        .collect()
}

pub fn predictions(records: Vec<Value>) -> Predictions {
    Predictions::from_values(records).expect("prediction records")
}

/// The machine-readable report as JSON.
pub fn scored(task: Task, gold: &[GoldDoc], predictions: &Predictions) -> Value {
    serde_json::to_value(score(task, gold, predictions).expect("scores")).expect("serializes")
}

/// The byte span of the `nth` (from 0) occurrence of `needle` in `text`.
pub fn find(text: &str, needle: &str, nth: usize) -> [usize; 2] {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in text"))
        .0;
    [start, start + needle.len()]
}

/// A filler text of `len` bytes.
pub fn filler(len: usize) -> String {
    "lorem ipsum dolor sit amet "
        .chars()
        .cycle()
        .take(len)
        .collect()
}
