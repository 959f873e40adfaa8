//! The host's check of a layer's spans: every `[start, end]` pair of non-negative integers
//! anywhere in the layer must lie inside the text and on character boundaries.

use std::fmt;

use serde::Deserializer;
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};

/// A span a stage returned that does not fit the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadSpan {
    pub start: u64,
    pub end: u64,
    /// Where in the layer, as `key.key[3].key`.
    pub path: String,
    pub text_len: usize,
}

impl fmt::Display for BadSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = if self.start > self.end {
            "ends before it starts"
        } else if self.end as usize > self.text_len {
            "reaches past the end of the text"
        } else {
            "does not start and end on character boundaries (offsets are UTF-8 bytes)"
        };
        write!(
            f,
            "span [{}, {}] at `{}` {why} (the text is {} bytes)",
            self.start, self.end, self.path, self.text_len
        )
    }
}

/// Checks every span of `layer_json` against `text`. Errors are the first bad span, or
/// a message when the layer is not JSON.
pub fn check_spans(layer_json: &str, text: &str) -> Result<(), String> {
    let mut walk = Walk {
        text,
        path: Vec::new(),
        bad: None,
    };
    let mut de = serde_json::Deserializer::from_str(layer_json);
    let outcome = Node(&mut walk).deserialize(&mut de);
    match (walk.bad, outcome) {
        (Some(bad), _) => Err(bad.to_string()),
        (None, Err(e)) => Err(format!("the layer is not valid JSON: {e}")),
        (None, Ok(_)) => de
            .end()
            .map_err(|e| format!("the layer is not valid JSON: {e}")),
    }
}

/// Like [`check_spans`], for a layer already known to be JSON. Every layer the host keeps
/// is checked, so this is on the hot path of every stage call: a scan over the bytes
/// finds whether any span could be bad, and only then does the walk that decides, and
/// names where, run.
pub fn check_spans_of(layer: &serde_json::value::RawValue, text: &str) -> Result<(), String> {
    if every_span_shape_fits(layer.get().as_bytes(), text) {
        Ok(())
    } else {
        check_spans(layer.get(), text)
    }
}

/// Whether every run of bytes shaped like a span, `[start, end]` with two non-negative
/// integers, fits `text`. Every span of the JSON is such a run, so `true` means all spans
/// fit. The runs are found by searching for `[` alone, without telling string contents
/// from structure (which would stop at every string): a span-shaped run inside a string
/// can make the answer `false` for a good layer, and the walk then decides. Numbers are
/// read as `serde_json` reads them, so that the scan agrees with the walk.
fn every_span_shape_fits(json: &[u8], text: &str) -> bool {
    let fits = |start: u64, end: u64| {
        start <= end
            && end <= text.len() as u64
            && text.is_char_boundary(start as usize)
            && text.is_char_boundary(end as usize)
    };
    memchr::memchr_iter(b'[', json).all(|at| match two_unsigned(json, at + 1) {
        Some((start, end)) => fits(start, end),
        None => true,
    })
}

/// `ws* uint ws* , ws* uint ws* ]` from `at`: the two integers of a span's array.
fn two_unsigned(json: &[u8], at: usize) -> Option<(u64, u64)> {
    let skip_space = |mut i: usize| {
        while json
            .get(i)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        {
            i += 1;
        }
        i
    };
    let (start, i) = unsigned(json, skip_space(at))?;
    let i = skip_space(i);
    (json.get(i) == Some(&b',')).then_some(())?;
    let (end, i) = unsigned(json, skip_space(i + 1))?;
    let i = skip_space(i);
    (json.get(i) == Some(&b']')).then_some((start, end))
}

/// The JSON number at `at` if `serde_json` reads it as a non-negative integer (not
/// `-0`, a fraction, an exponent or an overflow), and the index after it.
fn unsigned(json: &[u8], at: usize) -> Option<(u64, usize)> {
    let mut i = at;
    let mut value: u64 = 0;
    while let Some(d) = json.get(i).filter(|b| b.is_ascii_digit()) {
        value = value.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
        i += 1;
    }
    let integer = i > at && !matches!(json.get(i), Some(b'.' | b'e' | b'E'));
    integer.then_some((value, i))
}

enum Segment {
    Key(String),
    Index(usize),
}

struct Walk<'t> {
    text: &'t str,
    path: Vec<Segment>,
    bad: Option<BadSpan>,
}

impl Walk<'_> {
    fn path_string(&self) -> String {
        let mut out = String::new();
        for segment in &self.path {
            match segment {
                Segment::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Segment::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        if out.is_empty() {
            "(top)".to_owned()
        } else {
            out
        }
    }

    fn check(&mut self, start: u64, end: u64) {
        let fits = start <= end
            && (end as usize) <= self.text.len()
            && self.text.is_char_boundary(start as usize)
            && self.text.is_char_boundary(end as usize);
        if !fits && self.bad.is_none() {
            self.bad = Some(BadSpan {
                start,
                end,
                path: self.path_string(),
                text_len: self.text.len(),
            });
        }
    }
}

/// What a visited JSON value was, as far as span detection cares.
enum Shape {
    Unsigned(u64),
    Other,
}

struct Node<'w, 't>(&'w mut Walk<'t>);

impl<'de> DeserializeSeed<'de> for Node<'_, '_> {
    type Value = Shape;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Shape, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_, '_> {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_u64<E>(self, v: u64) -> Result<Shape, E> {
        Ok(Shape::Unsigned(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Shape, E> {
        Ok(u64::try_from(v).map_or(Shape::Other, Shape::Unsigned))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_str<E>(self, _: &str) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_unit<E>(self) -> Result<Shape, E> {
        Ok(Shape::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        let walk = self.0;
        let mut first_two = [None, None];
        let mut count = 0usize;
        loop {
            walk.path.push(Segment::Index(count));
            let element = seq.next_element_seed(Node(walk));
            walk.path.pop();
            match element? {
                None => break,
                Some(shape) => {
                    if count < 2 {
                        first_two[count] = match shape {
                            Shape::Unsigned(v) => Some(v),
                            Shape::Other => None,
                        };
                    }
                    count += 1;
                }
            }
        }
        if let (2, [Some(start), Some(end)]) = (count, first_two) {
            walk.check(start, end);
        }
        Ok(Shape::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let walk = self.0;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            walk.path.push(Segment::Key(key.into_owned()));
            let value = map.next_value_seed(Node(walk));
            walk.path.pop();
            value?;
        }
        Ok(Shape::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_spans_inside_the_text() {
        let text = "He said — yes.";
        assert!(check_spans(r#"{"a":[0,2],"b":[{"span":[3,7]}],"n":[1,2,3]}"#, text).is_ok());
        assert!(check_spans(r#"{"c":[[0,2],[3,7]]}"#, text).is_ok());
        // Not spans: three numbers, a float, a negative number, strings.
        assert!(
            check_spans(
                r#"{"x":[1,2,999],"y":[1.5,999],"z":[-1,0],"w":["0","99"]}"#,
                text
            )
            .is_ok()
        );
    }

    #[test]
    fn names_the_first_bad_span_and_where_it_is() {
        let text = "He said — yes.";
        let err = check_spans(r#"{"quotes":[{"span":[0,2]},{"span":[3,99]}]}"#, text).unwrap_err();
        assert!(err.contains("[3, 99]"), "{err}");
        assert!(err.contains("quotes[1].span"), "{err}");
        assert!(err.contains("past the end"), "{err}");
        let err = check_spans(r#"{"s":[0,9]}"#, text).unwrap_err();
        assert!(err.contains("character boundaries"), "{err}");
        let err = check_spans(r#"[[5,2]]"#, text).unwrap_err();
        assert!(err.contains("before it starts"), "{err}");
    }

    /// The scan never passes a layer the walk refuses, and the check agrees with the walk
    /// on every layer, span-shaped string contents included.
    #[test]
    fn the_scan_agrees_with_the_walk() {
        use crate::arbitrary::Rng;
        fn value(rng: &mut Rng, atoms: &[&str], depth: usize) -> String {
            match rng.below(if depth > 3 { 2 } else { 5 }) {
                0 | 1 => rng.pick(atoms).to_string(),
                2 => {
                    let items: Vec<String> = (0..rng.below(4))
                        .map(|_| value(rng, atoms, depth + 1))
                        .collect();
                    let separator = *rng.pick(&[",", " , ", ",\n "]);
                    format!("[{}]", items.join(separator))
                }
                3 => format!("[ {} ,{}\t]", rng.pick(atoms), rng.pick(atoms)),
                _ => {
                    let items: Vec<String> = (0..rng.below(3))
                        .map(|k| format!(r#""k{k}":{}"#, value(rng, atoms, depth + 1)))
                        .collect();
                    format!("{{{}}}", items.join(","))
                }
            }
        }
        // Multi-byte characters, so that some offsets fall inside one.
        let text = "Zwei \u{2014} \u{201C}drei\u{201D}.";
        let atoms = [
            "0",
            "1",
            "2",
            "5",
            "6",
            "7",
            "9",
            "13",
            "14",
            "15",
            "16",
            "99",
            "-0",
            "-1",
            "1.0",
            "2e1",
            "0.5",
            "18446744073709551615",
            "18446744073709551616",
            r#""[1,2]""#,
            r#""a\"[0,99]\\""#,
            "null",
            "true",
            "[]",
            "{}",
        ];
        let mut rng = Rng::new(11);
        let mut bad = 0;
        for _ in 0..20_000 {
            let json = value(&mut rng, &atoms, 0);
            let walk = check_spans(&json, text);
            if every_span_shape_fits(json.as_bytes(), text) {
                assert!(walk.is_ok(), "{json}");
            }
            let raw = serde_json::value::RawValue::from_string(json.clone()).unwrap();
            assert_eq!(check_spans_of(&raw, text), walk, "{json}");
            bad += usize::from(walk.is_err());
        }
        assert!(bad > 1000, "the generator makes bad spans too: {bad}");
    }

    #[test]
    fn a_span_shape_inside_a_string_is_not_a_span() {
        let text = "He said so.";
        let layer = r#"{"note":"see [0, 999] and [5,2]","span":[0,2]}"#;
        assert!(!every_span_shape_fits(layer.as_bytes(), text));
        let raw = serde_json::value::RawValue::from_string(layer.to_owned()).unwrap();
        assert_eq!(check_spans_of(&raw, text), Ok(()));
        let bad = r#"{"note":"see [0, 1]","span":[0,99]}"#;
        let raw = serde_json::value::RawValue::from_string(bad.to_owned()).unwrap();
        assert!(check_spans_of(&raw, text).unwrap_err().contains("span"));
    }

    #[test]
    fn rejects_what_is_not_json() {
        assert!(
            check_spans("{", "x")
                .unwrap_err()
                .contains("not valid JSON")
        );
        assert!(
            check_spans("{} x", "x")
                .unwrap_err()
                .contains("not valid JSON")
        );
    }
}
