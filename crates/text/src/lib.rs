//! Shared text analysis for newsproc stages.
mod chars;
pub mod paragraphs;
pub mod quotes;
pub mod sentences;
pub mod tokens;
pub mod util;
