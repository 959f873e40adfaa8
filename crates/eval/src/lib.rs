//! Scoring newsproc output against gold annotations.
