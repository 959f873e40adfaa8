//! Arbitrary texts for a stage's no-panic tests. Deterministic, so that a failure
//! reproduces from its seed on any machine, and without dependencies.
//!
//! ```
//! use newsproc_sdk::arbitrary::{Rng, TextGen};
//!
//! let pieces = ["said", "\u{201C}", "\u{201D}", "1,500", "\n\n"];
//! let mut rng = Rng::new(7);
//! let text = TextGen::new(&pieces).text(&mut rng);
//! assert_eq!(text, TextGen::new(&pieces).text(&mut Rng::new(7)));
//! ```

/// xorshift64*: a small, fast, deterministic generator; not for cryptography.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // The generator's state must never be zero.
        Rng(seed | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Texts made of the pieces a stage reacts to (its cue words, marks, numbers, ...)
/// mixed with noise: arbitrary bytes read as UTF-8, and long runs of one piece.
#[derive(Debug, Clone)]
pub struct TextGen<'p> {
    /// What texts are made of.
    pub pieces: &'p [&'p str],
    /// At most this many parts (pieces, runs or noise) in a text.
    pub max_parts: usize,
    /// One part in this many is arbitrary bytes, and one in this many a run.
    pub noise_one_in: usize,
    /// A run repeats its piece up to this many times.
    pub max_run: usize,
}

impl<'p> TextGen<'p> {
    pub fn new(pieces: &'p [&'p str]) -> TextGen<'p> {
        TextGen {
            pieces,
            max_parts: 60,
            noise_one_in: 10,
            max_run: 40,
        }
    }

    pub fn text(&self, rng: &mut Rng) -> String {
        let mut text = String::new();
        for _ in 0..rng.below(self.max_parts) {
            let roll = rng.below(self.noise_one_in);
            if roll == 0 {
                let bytes: Vec<u8> = (0..rng.below(12)).map(|_| rng.next_u64() as u8).collect();
                text.push_str(&String::from_utf8_lossy(&bytes));
            } else if roll == 1 && !self.pieces.is_empty() {
                let piece = rng.pick(self.pieces);
                for _ in 0..rng.below(self.max_run) {
                    text.push_str(piece);
                }
            } else if !self.pieces.is_empty() {
                let piece = *rng.pick(self.pieces);
                text.push_str(piece);
            }
            // Pieces glued together as often as apart: tokenizers must cope with both.
            if rng.below(3) > 0 {
                text.push(' ');
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_deterministic_and_varied() {
        let pieces = ["a", "\u{201C}", "b"];
        let generator = TextGen::new(&pieces);
        let first: Vec<String> = {
            let mut rng = Rng::new(1);
            (0..50).map(|_| generator.text(&mut rng)).collect()
        };
        let again: Vec<String> = {
            let mut rng = Rng::new(1);
            (0..50).map(|_| generator.text(&mut rng)).collect()
        };
        assert_eq!(first, again);
        assert!(first.iter().any(|t| t.contains('\u{201C}')));
        assert!(first.iter().any(|t| t.contains('\u{FFFD}')), "no noise");
        assert!(first.iter().any(|t| t.len() > 40), "no long text");
    }

    #[test]
    fn no_pieces_still_gives_noise() {
        let mut rng = Rng::new(3);
        let generator = TextGen::new(&[]);
        assert!((0..200).all(|_| generator.text(&mut rng).is_char_boundary(0)));
    }
}
