//! The newsproc host as a library: find and load stage plugins, check a pipeline, run
//! documents through it and write their records. The `newsproc` binary is a thin command
//! line over this.

pub mod assemble;
pub mod input;
pub mod loader;
pub mod output;
pub mod run;
pub mod search;

pub use assemble::{AssembleOptions, Pipeline, ResolvedStage};
pub use input::{DocInput, Documents, Input, RawDoc};
pub use output::{Format, Record, RecordWriter};
pub use run::{
    Progress, Rendered, RunOptions, RunSummary, process_document, run_documents, run_ordered,
};
