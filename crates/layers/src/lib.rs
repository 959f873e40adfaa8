//! The layers of the four shipped stages, as Rust types.
//!
//! A stage that produces a layer serializes one of these; a later stage that reads it
//! deserializes the same type, so producer and consumers cannot drift apart. The fields
//! that the evaluation scores (see the output contract in README.md) keep their contract
//! names; everything else is additive.
//!
//! Architecture invariant: these are plain data with serde derives and no behaviour
//! beyond small accessors. Every span is a [`Span`] (UTF-8 byte offsets into the
//! document text, end exclusive), serialized as `[start, end]`.

pub mod attribution;
pub mod casualties;
pub mod quotes;
pub mod source;

pub use newsproc_sdk::Span;

/// Layer names, as stages declare them in `PROVIDES` / `REQUIRES`.
pub mod names {
    pub const SOURCE: &str = "source";
    pub const ATTRIBUTION: &str = "attribution";
    pub const QUOTES: &str = "quotes";
    pub const CASUALTIES: &str = "casualties";
}
