//! The pipeline file of newsproc, and the checks that run on it before any document does.
//!
//! ```toml
//! plugin_dirs = ["../target/release"]   # optional, relative to this file
//!
//! [[stage]]
//! name = "source"          # the stage's name in this pipeline
//! plugin = "source"        # optional: the plugin's name, or a path to its library
//! version = "^0.1"         # optional semver requirement on the plugin
//! enabled = true           # optional: `false` keeps the section but skips the stage
//! [stage.config]           # optional: the stage's configuration keys
//! extra_outlets = ["outlets.tsv"]
//! ```
//!
//! Every problem is a [`Diagnostic`] naming the file, line and column, the stage, and
//! what to do about it.

mod check;
mod diagnostic;
mod file;

pub use check::{Resolved, check_stages};
pub use diagnostic::{Diagnostic, Diagnostics, SourceFile};
pub use file::{PipelineFile, PluginRef, StageDecl, StageSpans};
