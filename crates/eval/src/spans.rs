//! Byte spans, sets of spans, and the README's span match.
//!
//! A relation's content may be several discontinuous spans, so everything here works on
//! [`SpanSet`]s: the union of the bytes of its spans. Two sets match when
//! `|P ∩ G| / max(|P|, |G|) >= 0.5`, and matching is one-to-one, best overlap first.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A half-open byte range `[start, end)` of a document text (UTF-8 byte offsets).
///
/// In JSON it is the array `[start, end]`. An inverted span (`end < start`) is accepted
/// and covers no bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Number of bytes covered (0 for an inverted span).
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(self) -> bool {
        self.len() == 0
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}, {})", self.start, self.end)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Span, D::Error> {
        let (start, end) = <(usize, usize)>::deserialize(deserializer)?;
        Ok(Span { start, end })
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (self.start, self.end).serialize(serializer)
    }
}

/// A set of bytes given by spans. Overlapping or adjacent spans are merged and empty ones
/// dropped, so sizes and intersections count each byte once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanSet {
    /// Sorted, non-empty, pairwise disjoint and non-adjacent.
    ranges: Vec<Span>,
}

impl SpanSet {
    pub fn new(spans: impl IntoIterator<Item = Span>) -> SpanSet {
        let mut spans: Vec<Span> = spans.into_iter().filter(|s| !s.is_empty()).collect();
        spans.sort_unstable();
        let mut ranges: Vec<Span> = Vec::with_capacity(spans.len());
        for span in spans {
            match ranges.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => ranges.push(span),
            }
        }
        SpanSet { ranges }
    }

    pub fn single(span: Span) -> SpanSet {
        SpanSet::new([span])
    }

    /// The merged ranges, in text order.
    pub fn ranges(&self) -> &[Span] {
        &self.ranges
    }

    /// Number of bytes in the set.
    pub fn len(&self) -> usize {
        self.ranges.iter().map(|s| s.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The smallest span covering the whole set.
    pub fn hull(&self) -> Option<Span> {
        Some(Span::new(
            self.ranges.first()?.start,
            self.ranges.last()?.end,
        ))
    }

    /// Number of bytes in both sets.
    pub fn shared(&self, other: &SpanSet) -> usize {
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while let (Some(a), Some(b)) = (self.ranges.get(i), other.ranges.get(j)) {
            shared += a.end.min(b.end).saturating_sub(a.start.max(b.start));
            // Advance whichever range ends first; the other may still meet the next one.
            if a.end <= b.end {
                i += 1;
            } else {
                j += 1;
            }
        }
        shared
    }

    pub fn overlaps(&self, other: &SpanSet) -> bool {
        self.shared(other) > 0
    }
}

impl FromIterator<Span> for SpanSet {
    fn from_iter<I: IntoIterator<Item = Span>>(iter: I) -> SpanSet {
        SpanSet::new(iter)
    }
}

/// How much two span sets overlap: the shared bytes and the size of the larger set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overlap {
    pub shared: usize,
    pub larger: usize,
}

impl Overlap {
    pub fn between(a: &SpanSet, b: &SpanSet) -> Overlap {
        Overlap {
            shared: a.shared(b),
            larger: a.len().max(b.len()),
        }
    }

    /// `shared / larger >= 0.5`, decided in integers so that exactly one half matches.
    pub fn is_match(self) -> bool {
        self.larger > 0 && 2 * self.shared >= self.larger
    }

    /// The overlap ratio, for display (0 when both sets are empty).
    pub fn ratio(self) -> f64 {
        if self.larger == 0 {
            0.0
        } else {
            self.shared as f64 / self.larger as f64
        }
    }

    /// Compares the ratios exactly (cross-multiplied), so equal ratios tie.
    fn cmp_ratio(self, other: Overlap) -> Ordering {
        let lhs = self.shared as u128 * other.larger as u128;
        let rhs = other.shared as u128 * self.larger as u128;
        lhs.cmp(&rhs)
    }
}

/// A one-to-one matching between gold and predicted span sets.
#[derive(Clone, Debug, Default)]
pub struct Matching {
    gold_to_pred: Vec<Option<usize>>,
    pred_to_gold: Vec<Option<usize>>,
}

impl Matching {
    /// Best overlap first: every pair that matches is a candidate; candidates are taken
    /// greedily by overlap ratio, highest first, skipping pairs whose gold or prediction is
    /// already taken. Equal ratios are taken in gold order, then prediction order, so the
    /// result never depends on hashing or sort stability.
    pub fn best_overlap_first(gold: &[&SpanSet], predicted: &[&SpanSet]) -> Matching {
        let mut candidates: Vec<(Overlap, usize, usize)> = Vec::new();
        for (g, gold_set) in gold.iter().enumerate() {
            for (p, pred_set) in predicted.iter().enumerate() {
                let overlap = Overlap::between(pred_set, gold_set);
                if overlap.is_match() {
                    candidates.push((overlap, g, p));
                }
            }
        }
        candidates.sort_by(|a, b| b.0.cmp_ratio(a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));

        let mut matching = Matching {
            gold_to_pred: vec![None; gold.len()],
            pred_to_gold: vec![None; predicted.len()],
        };
        for (_, g, p) in candidates {
            if matching.gold_to_pred[g].is_none() && matching.pred_to_gold[p].is_none() {
                matching.gold_to_pred[g] = Some(p);
                matching.pred_to_gold[p] = Some(g);
            }
        }
        matching
    }

    /// The prediction matched to gold item `g`.
    pub fn of_gold(&self, g: usize) -> Option<usize> {
        self.gold_to_pred.get(g).copied().flatten()
    }

    /// The gold item matched to prediction `p`.
    pub fn of_predicted(&self, p: usize) -> Option<usize> {
        self.pred_to_gold.get(p).copied().flatten()
    }

    /// Matched `(gold, predicted)` index pairs, in gold order.
    pub fn pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.gold_to_pred
            .iter()
            .enumerate()
            .filter_map(|(g, p)| Some((g, (*p)?)))
    }

    /// Number of matched pairs (true positives).
    pub fn matched(&self) -> usize {
        self.pred_to_gold.iter().flatten().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(spans: &[(usize, usize)]) -> SpanSet {
        spans.iter().map(|&(s, e)| Span::new(s, e)).collect()
    }

    #[test]
    fn merges_overlapping_and_adjacent_spans() {
        let s = set(&[(10, 20), (0, 5), (15, 25), (25, 30), (40, 40)]);
        assert_eq!(s.ranges(), &[Span::new(0, 5), Span::new(10, 30)]);
        assert_eq!(s.len(), 25);
        assert_eq!(s.hull(), Some(Span::new(0, 30)));
    }

    #[test]
    fn shared_bytes_across_several_ranges() {
        let a = set(&[(0, 10), (20, 30)]);
        let b = set(&[(5, 25)]);
        // [5,10) and [20,25)
        assert_eq!(a.shared(&b), 10);
        assert_eq!(b.shared(&a), 10);
        assert_eq!(set(&[(0, 5)]).shared(&set(&[(5, 9)])), 0);
    }

    #[test]
    fn exactly_half_matches_and_just_below_does_not() {
        // 5 of 10 bytes shared: ratio 0.5.
        assert!(Overlap::between(&set(&[(0, 10)]), &set(&[(5, 15)])).is_match());
        // 5 of 11 bytes: ratio 0.4545.
        assert!(!Overlap::between(&set(&[(0, 11)]), &set(&[(6, 16)])).is_match());
        assert!(!Overlap::between(&SpanSet::default(), &SpanSet::default()).is_match());
    }

    #[test]
    fn greedy_takes_the_best_overlap_first() {
        // Prediction 0 overlaps gold 0 by 0.8 and gold 1 by 0.9; prediction 1 overlaps
        // only gold 0 (0.6). Best first pairs prediction 0 with gold 1, leaving gold 0 to
        // prediction 1: two matches. Taking golds in order (gold 0 grabbing its best,
        // prediction 0) or predictions in order would leave one.
        let gold = [set(&[(0, 10)]), set(&[(3, 13)])];
        let pred = [set(&[(2, 12)]), set(&[(0, 6)])];
        let m = Matching::best_overlap_first(&[&gold[0], &gold[1]], &[&pred[0], &pred[1]]);
        assert_eq!(m.of_gold(1), Some(0));
        assert_eq!(m.of_gold(0), Some(1));
        assert_eq!(m.matched(), 2);
    }
}
