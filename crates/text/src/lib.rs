//! Shared text analysis for newsproc stages.
