//! Rates as the README reports them: fractions rounded to 4 decimals.
//!
//! Every rate is computed from integer counts and rounded half up on the exact fraction,
//! so the same counts always give the same printed number. A rate whose denominator is
//! zero (nothing to measure, such as precision with no predictions) is `None`, printed
//! as JSON `null`: 0.0 would claim a measured failure.

/// `num / den` rounded half up to 4 decimals, or `None` when `den` is 0.
pub fn rate(num: u64, den: u64) -> Option<f64> {
    if den == 0 {
        return None;
    }
    let (num, den) = (u128::from(num), u128::from(den));
    let ten_thousandths = (num * 20_000 + den) / (2 * den);
    Some(ten_thousandths as f64 / 10_000.0)
}

/// Matched / spurious / missed counts, and the precision, recall and F1 they give.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
}

impl Counts {
    pub fn precision(self) -> Option<f64> {
        rate(self.tp, self.tp + self.fp)
    }

    pub fn recall(self) -> Option<f64> {
        rate(self.tp, self.tp + self.fn_)
    }

    /// The harmonic mean of the unrounded precision and recall, `2tp / (2tp + fp + fn)`.
    pub fn f1(self) -> Option<f64> {
        rate(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// A rate for display: 4 decimals, or a dash when undefined.
pub fn show(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_owned(), |r| format!("{r:.4}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_up_on_the_exact_fraction() {
        assert_eq!(rate(1, 3), Some(0.3333));
        assert_eq!(rate(2, 3), Some(0.6667));
        // 1/8 = 0.125 exactly; 1/16 = 0.0625; 1/32 = 0.03125 -> 0.0313 (half up).
        assert_eq!(rate(1, 32), Some(0.0313));
        assert_eq!(rate(0, 5), Some(0.0));
        assert_eq!(rate(5, 5), Some(1.0));
        assert_eq!(rate(1, 0), None);
    }

    #[test]
    fn f1_from_counts() {
        let c = Counts {
            tp: 3,
            fp: 1,
            fn_: 2,
        };
        assert_eq!(c.precision(), Some(0.75));
        assert_eq!(c.recall(), Some(0.6));
        // 6 / 9
        assert_eq!(c.f1(), Some(0.6667));
        assert_eq!(Counts::default().f1(), None);
    }
}
