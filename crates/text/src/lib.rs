//! Shared text analysis for newsproc stages.
mod chars;
pub mod lexicon;
pub mod normalize;
pub mod numbers;
pub mod paragraphs;
pub mod quotes;
pub mod sentences;
pub mod tokens;
pub mod util;
