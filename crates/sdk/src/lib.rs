//! Everything a stage author needs, and the protocol both sides of the plugin boundary
//! share.
//!
//! Writing a stage is one crate with `crate-type = ["cdylib", "rlib"]`, one
//! [`Stage`] impl and one [`export_stage!`] line. The SDK turns the trait into the C
//! vtable of [`newsproc_abi`], catches every panic at the boundary, reads the typed
//! configuration (rejecting unknown keys), and gives the stage a [`Document`] with exactly
//! the layers it declared.
//!
//! For tests, [`Chain`] runs stages in-process, through the same JSON protocol as the
//! loaded plugins but without `dlopen`.

pub mod arbitrary;
mod chain;
mod document;
mod failure;
#[doc(hidden)]
pub mod ffi;
mod manifest;
mod panic_guard;
mod span;
mod span_check;
mod stage;
pub mod suggest;

use std::sync::Arc;

pub use chain::{Chain, ChainStage, DocError, DocOutcome, LayerOutput};
pub use document::Document;
pub use failure::{Failure, FailureKind};
pub use manifest::{ConfigKey, Manifest};
pub use newsproc_abi as abi;
pub use panic_guard::guarded;
pub use span::Span;
pub use span_check::check_spans;
pub use stage::{ConfigError, Instance, Stage, StageError, manifest_of, parse_config};

/// A stage behind the protocol: the same whether it was loaded from a library or linked
/// in. Implemented by [`Instance`] here and by the host's loaded plugins.
pub trait DynStage: Send + Sync {
    fn manifest(&self) -> &Manifest;

    /// Runs the stage on one document. On success, `on_output` is called once with the
    /// stage's JSON envelope `{"layer": ..., "report": ...}`, which is only valid during
    /// the call.
    fn process(&self, doc: &Document<'_>, on_output: &mut dyn FnMut(&[u8])) -> Result<(), Failure>;
}

impl<S: Stage> DynStage for Instance<S> {
    fn manifest(&self) -> &Manifest {
        Instance::manifest(self)
    }

    fn process(&self, doc: &Document<'_>, on_output: &mut dyn FnMut(&[u8])) -> Result<(), Failure> {
        let mut out = Vec::new();
        match guarded(|| self.process_document(doc, &mut out)) {
            Ok(Ok(())) => {
                on_output(&out);
                Ok(())
            }
            Ok(Err(failure)) => Err(failure),
            Err(panic) => Err(Failure::new(FailureKind::Panic, panic)),
        }
    }
}

/// An in-process instance of `S` with its default configuration, ready for a [`Chain`].
pub fn in_process<S: Stage>() -> Result<Arc<dyn DynStage>, ConfigError> {
    Ok(Arc::new(Instance::<S>::with_defaults()?))
}

/// Exports a [`Stage`] from a plugin library: `newsproc_sdk::export_stage!(MyStage);`
///
/// The entry symbol is `newsproc_stage_abi_v2_<crate name>` (see [`newsproc_abi`]).
#[macro_export]
macro_rules! export_stage {
    ($stage:ty) => {
        const _: () = {
            ::core::assert!(
                $crate::abi::ABI_VERSION == 2,
                "export_stage! names the entry symbol for ABI v2; update it with ABI_VERSION"
            );

            #[unsafe(export_name = concat!("newsproc_stage_abi_v2_", env!("CARGO_CRATE_NAME")))]
            extern "C" fn newsproc_stage_entry() -> *const $crate::abi::StageVTable {
                static VTABLE: ::std::sync::OnceLock<$crate::ffi::ExportedVTable> =
                    ::std::sync::OnceLock::new();
                $crate::ffi::entry::<$stage>(&VTABLE)
            }
        };
    };
}
