use std::fmt;
use std::ops::Range;

use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A byte range of the document text: UTF-8 byte offsets, end exclusive.
///
/// In layer JSON a span is always the array `[start, end]`; conversely every array of
/// exactly two non-negative integers in a layer is taken to be a span, and the host checks
/// it against the text (inside it, on character boundaries). Stages therefore never use a
/// two-integer array for anything else.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The text this span covers. Panics when it is not a span of `text`.
    pub fn of(self, text: &str) -> &str {
        &text[self.range()]
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn contains_offset(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// The number of bytes the two spans share.
    pub fn overlap(self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.overlap(other) > 0
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Whether this span lies inside `text` and starts and ends on character boundaries.
    pub fn is_valid_for(self, text: &str) -> bool {
        self.start <= self.end
            && self.end <= text.len()
            && text.is_char_boundary(self.start)
            && text.is_char_boundary(self.end)
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Span, D::Error> {
        struct SpanVisitor;
        impl<'de> Visitor<'de> for SpanVisitor {
            type Value = Span;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a span [start, end]")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Span, A::Error> {
                let start: usize = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let end: usize = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(1, &self))?;
                if seq.next_element::<de::IgnoredAny>()?.is_some() {
                    return Err(de::Error::invalid_length(3, &self));
                }
                if start > end {
                    return Err(de::Error::custom(format!(
                        "span [{start}, {end}] ends before it starts"
                    )));
                }
                Ok(Span { start, end })
            }
        }
        deserializer.deserialize_seq(SpanVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_a_pair() {
        let s = Span::new(3, 7);
        assert_eq!(serde_json::to_string(&s).unwrap(), "[3,7]");
        assert_eq!(serde_json::from_str::<Span>("[3,7]").unwrap(), s);
        assert!(serde_json::from_str::<Span>("[7,3]").is_err());
        assert!(serde_json::from_str::<Span>("[1,2,3]").is_err());
    }

    #[test]
    fn overlap_and_validity() {
        let a = Span::new(0, 10);
        let b = Span::new(5, 15);
        assert_eq!(a.overlap(b), 5);
        assert_eq!(a.overlap(Span::new(10, 12)), 0);
        assert_eq!(a.cover(b), Span::new(0, 15));
        let text = "a—b";
        assert!(Span::new(0, 1).is_valid_for(text));
        assert!(!Span::new(0, 2).is_valid_for(text));
        assert!(!Span::new(0, 9).is_valid_for(text));
    }
}
