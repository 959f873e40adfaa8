//! Loading stage libraries: every check that stands between a file on disk and a call
//! through its vtable.
//!
//! Architecture invariant: a library, once loaded, is never unloaded. Stage instances,
//! manifests and vtables point into it, and some platforms' unloading of Rust libraries
//! with thread-locals is unsound, so the `Library` is leaked on purpose.

use std::collections::HashMap;
use std::ffi::c_void;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use newsproc_abi::{self as abi, OwnedBuf, StageVTable, StrRef, VTableHeader};
use newsproc_sdk::{ConfigError, Document, DynStage, Failure, FailureKind, Manifest};

/// A loaded stage library.
#[derive(Debug)]
pub struct Plugin {
    pub path: PathBuf,
    pub manifest: Manifest,
    vtable: &'static StageVTable,
}

// SAFETY: the vtable is immutable, 'static (the library is never unloaded) and its
// functions may be called from any thread, as the ABI requires.
unsafe impl Sync for Plugin {}
// SAFETY: as above.
unsafe impl Send for Plugin {}

/// Why a file could not be used as a stage library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    Missing,
    NotALibrary(String),
    /// A library without the entry symbol of this ABI.
    NotAStage {
        symbol: String,
    },
    /// A stage library built for another version of the ABI.
    OtherAbi {
        found: u32,
    },
    Broken(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Missing => write!(f, "the file does not exist"),
            LoadError::NotALibrary(why) => write!(f, "it is not a loadable library ({why})"),
            LoadError::NotAStage { symbol } => write!(
                f,
                "it is not a newsproc stage: it has no entry symbol `{symbol}` (stage libraries are built with newsproc_sdk::export_stage! and keep the file name cargo gives them)"
            ),
            LoadError::OtherAbi { found } => write!(
                f,
                "it is a stage built for plugin ABI v{found}, and this newsproc speaks v{}: rebuild the plugin against this newsproc's SDK{}",
                abi::ABI_VERSION,
                if *found > abi::ABI_VERSION {
                    ", or upgrade newsproc"
                } else {
                    ""
                }
            ),
            LoadError::Broken(why) => write!(f, "the plugin is broken: {why}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// The crate name a library file was built from: its stem without the platform prefix.
pub fn crate_name_of(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let stem = stem
        .strip_prefix(std::env::consts::DLL_PREFIX)
        .filter(|_| !std::env::consts::DLL_PREFIX.is_empty())
        .unwrap_or(stem);
    Some(stem.to_owned())
}

fn entry_symbol(crate_name: &str, version: u32) -> String {
    format!("{}{version}_{crate_name}", abi::ENTRY_SYMBOL_PREFIX)
}

fn registry() -> &'static Mutex<HashMap<PathBuf, Result<&'static Plugin, LoadError>>> {
    static LOADED: OnceLock<Mutex<HashMap<PathBuf, Result<&'static Plugin, LoadError>>>> =
        OnceLock::new();
    LOADED.get_or_init(Default::default)
}

/// Loads the library at `path` once per process, checking that it is a stage of this ABI.
pub fn load(path: &Path) -> Result<&'static Plugin, LoadError> {
    let key = path.canonicalize().map_err(|_| LoadError::Missing)?;
    let mut loaded = registry().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = loaded.get(&key) {
        return known.clone();
    }
    let outcome = load_uncached(&key).map(|p| &*Box::leak(Box::new(p)));
    loaded.insert(key, outcome.clone());
    outcome
}

fn load_uncached(path: &Path) -> Result<Plugin, LoadError> {
    let crate_name = crate_name_of(path)
        .ok_or_else(|| LoadError::NotALibrary("the file name is not UTF-8".into()))?;
    // SAFETY: loading a library runs its initialisers. Stage libraries are Rust cdylibs
    // with no initialisers of their own; a foreign library is the user's choice to name.
    let library = unsafe { libloading::Library::new(path) }
        .map_err(|e| LoadError::NotALibrary(e.to_string()))?;
    let library: &'static libloading::Library = Box::leak(Box::new(library));

    let symbol = entry_symbol(&crate_name, abi::ABI_VERSION);
    // SAFETY: the symbol, if present, has the type of the entry function by the ABI's
    // definition: its name carries the ABI version.
    let entry = match unsafe { library.get::<abi::EntryFn>(&symbol) } {
        Ok(entry) => *entry,
        Err(_) => {
            let other = (0..64).filter(|&v| v != abi::ABI_VERSION).find(|&v| {
                // SAFETY: only probing for presence; the symbol is not called.
                unsafe { library.get::<*const c_void>(&entry_symbol(&crate_name, v)) }.is_ok()
            });
            return Err(match other {
                Some(found) => LoadError::OtherAbi { found },
                None => LoadError::NotAStage { symbol },
            });
        }
    };
    // SAFETY: calling the entry function of a library of this ABI.
    let vtable_ptr = unsafe { entry() };
    if vtable_ptr.is_null() {
        return Err(LoadError::Broken(
            "its entry function returned no vtable (the stage failed to describe itself)".into(),
        ));
    }
    // Only the header is read until the version and size are known to match.
    // SAFETY: every ABI version starts its vtable with this header.
    let header = unsafe { *vtable_ptr.cast::<VTableHeader>() };
    if header.abi_version != abi::ABI_VERSION {
        return Err(LoadError::OtherAbi {
            found: header.abi_version,
        });
    }
    if (header.vtable_size as usize) < size_of::<StageVTable>() {
        return Err(LoadError::Broken(format!(
            "its vtable is {} bytes, smaller than the {} of ABI v{}",
            header.vtable_size,
            size_of::<StageVTable>(),
            abi::ABI_VERSION
        )));
    }
    // SAFETY: version and size match: the pointer is to a vtable of this version that lives as long as
    // the library, which is never unloaded.
    let vtable: &'static StageVTable = unsafe { &*vtable_ptr };
    // SAFETY: the vtable's strings are 'static in the library.
    let (name, version, manifest_json) = unsafe {
        (
            vtable.name.as_bytes(),
            vtable.version.as_bytes(),
            vtable.manifest_json.as_bytes(),
        )
    };
    let manifest: Manifest = serde_json::from_slice(manifest_json)
        .map_err(|e| LoadError::Broken(format!("its manifest is not valid: {e}")))?;
    if manifest.name.as_bytes() != name || manifest.version.as_bytes() != version {
        return Err(LoadError::Broken(
            "its vtable and its manifest disagree on the stage's name or version".into(),
        ));
    }
    Ok(Plugin {
        path: path.to_path_buf(),
        manifest,
        vtable,
    })
}

impl Plugin {
    /// Creates a stage instance from its configuration.
    pub fn instantiate(
        &'static self,
        config: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<PluginStage, ConfigError> {
        let config_json = serde_json::to_vec(config).expect("a JSON map serializes");
        let mut instance: *mut c_void = std::ptr::null_mut();
        let mut error = OwnedBuf::EMPTY;
        // SAFETY: the vtable is v1; the config bytes and out-pointers outlive the call.
        let status = unsafe {
            (self.vtable.create)(
                config_json.as_ptr(),
                config_json.len(),
                &mut instance,
                &mut error,
            )
        };
        let error_bytes = self.take(&mut error);
        match status {
            abi::STATUS_OK if !instance.is_null() => Ok(PluginStage {
                plugin: self,
                instance,
            }),
            abi::STATUS_OK => Err(ConfigError::new("the plugin created no instance")),
            abi::STATUS_INVALID_CONFIG => Err(serde_json::from_slice::<ConfigError>(&error_bytes)
                .unwrap_or_else(|_| ConfigError::new(String::from_utf8_lossy(&error_bytes)))),
            other => {
                let message = serde_json::from_slice::<ConfigError>(&error_bytes)
                    .map(|e| e.message)
                    .unwrap_or_else(|_| String::from_utf8_lossy(&error_bytes).into_owned());
                Err(ConfigError::new(format!(
                    "the stage failed to start (status {other}): {message}"
                )))
            }
        }
    }

    /// Copies a plugin buffer and gives it back to the plugin.
    fn take(&self, buf: &mut OwnedBuf) -> Vec<u8> {
        // SAFETY: the buffer was filled by this plugin and is freed exactly once, here.
        unsafe {
            let bytes = buf.as_bytes().to_vec();
            (self.vtable.free)(buf);
            bytes
        }
    }
}

/// A stage instance inside a loaded library.
pub struct PluginStage {
    plugin: &'static Plugin,
    instance: *mut c_void,
}

// SAFETY: the ABI requires `process` to be callable concurrently on one instance, and the
// SDK's instances are immutable `Send + Sync` values.
unsafe impl Send for PluginStage {}
// SAFETY: as above.
unsafe impl Sync for PluginStage {}

impl PluginStage {
    pub fn plugin(&self) -> &'static Plugin {
        self.plugin
    }
}

impl DynStage for PluginStage {
    fn manifest(&self) -> &Manifest {
        &self.plugin.manifest
    }

    fn process(&self, doc: &Document<'_>, on_output: &mut dyn FnMut(&[u8])) -> Result<(), Failure> {
        let vtable = self.plugin.vtable;
        let layers: Vec<abi::LayerRef> = doc
            .layers()
            .iter()
            .map(|(name, json)| abi::LayerRef {
                name: StrRef::lend(name.as_bytes()),
                json: StrRef::lend(json.as_bytes()),
            })
            .collect();
        let lent = abi::DocumentRef {
            id: StrRef::lend(doc.id.as_bytes()),
            text: StrRef::lend(doc.text.as_bytes()),
            layers: layers.as_ptr(),
            layer_count: layers.len(),
            want_report: u32::from(doc.report),
        };
        let mut output = OwnedBuf::EMPTY;
        // SAFETY: the instance is alive (destroyed only on drop); the document and the
        // layers it points to outlive the call.
        let status = unsafe { (vtable.process)(self.instance, &lent, &mut output) };
        let result = if status == abi::STATUS_OK {
            // SAFETY: filled by the plugin, not yet freed.
            on_output(unsafe { output.as_bytes() });
            Ok(())
        } else {
            // SAFETY: as above.
            let message = String::from_utf8_lossy(unsafe { output.as_bytes() }).into_owned();
            Err(match FailureKind::from_status(status) {
                Some(kind) => Failure::new(kind, message),
                None => Failure::new(
                    FailureKind::Stage,
                    format!("the stage returned the unknown status {status}: {message}"),
                ),
            })
        };
        // SAFETY: the buffer is given back exactly once.
        unsafe { (vtable.free)(&mut output) };
        result
    }
}

impl Drop for PluginStage {
    fn drop(&mut self) {
        // SAFETY: the instance came from this plugin's `create` and is destroyed once.
        unsafe { (self.plugin.vtable.destroy)(self.instance) }
    }
}
