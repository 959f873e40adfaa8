//! The exported side of the ABI: what [`export_stage!`](crate::export_stage) expands to
//! calls into here. Stage authors never use this module directly.

use std::ffi::c_void;
use std::mem::ManuallyDrop;
use std::sync::OnceLock;

use newsproc_abi::{self as abi, DocumentRef, OwnedBuf, StageVTable, Status, StrRef};

use crate::document::Document;
use crate::failure::{Failure, FailureKind};
use crate::panic_guard::guarded;
use crate::stage::{ConfigError, Instance, Stage, manifest_of};

/// A vtable in a `static`. Its pointers refer to `'static` data and functions only.
#[doc(hidden)]
pub struct ExportedVTable(StageVTable);

// SAFETY: the vtable is immutable and all it points to is 'static and immutable.
unsafe impl Sync for ExportedVTable {}
// SAFETY: as above.
unsafe impl Send for ExportedVTable {}

/// Body of the entry symbol. Returns null (never unwinds) if the stage's manifest cannot
/// be built; the host reports that as a broken plugin.
#[doc(hidden)]
pub fn entry<S: Stage>(slot: &'static OnceLock<ExportedVTable>) -> *const StageVTable {
    if let Some(v) = slot.get() {
        return &v.0;
    }
    match guarded(|| slot.get_or_init(vtable::<S>)) {
        Ok(v) => &v.0,
        Err(_) => std::ptr::null(),
    }
}

fn vtable<S: Stage>() -> ExportedVTable {
    let manifest = serde_json::to_string(&manifest_of::<S>()).expect("a manifest serializes");
    // Built once per process and kept for as long as the library is loaded.
    let manifest: &'static str = Box::leak(manifest.into_boxed_str());
    ExportedVTable(StageVTable {
        abi_version: abi::ABI_VERSION,
        vtable_size: size_of::<StageVTable>() as u32,
        name: StrRef::from_static(S::NAME),
        version: StrRef::from_static(S::VERSION),
        manifest_json: StrRef::from_static(manifest),
        create: create::<S>,
        process: process::<S>,
        free,
        destroy: destroy::<S>,
    })
}

fn into_owned_buf(bytes: Vec<u8>) -> OwnedBuf {
    let mut bytes = ManuallyDrop::new(bytes);
    OwnedBuf {
        ptr: bytes.as_mut_ptr(),
        len: bytes.len(),
        cap: bytes.capacity(),
    }
}

/// # Safety
/// `ptr` is null with `len == 0`, or points to `len` readable bytes.
unsafe fn borrowed<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if ptr.is_null() || len == 0 {
        &[]
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { std::slice::from_raw_parts(ptr, len) }
    }
}

unsafe extern "C" fn create<S: Stage>(
    config_json: *const u8,
    config_len: usize,
    instance: *mut *mut c_void,
    error: *mut OwnedBuf,
) -> Status {
    if instance.is_null() || error.is_null() {
        return abi::STATUS_INVALID_INPUT;
    }
    // SAFETY: the host lends `config_len` bytes for the duration of the call.
    let config = unsafe { borrowed(config_json, config_len) };
    let (status, failure) = match guarded(|| Instance::<S>::from_config_json(config)) {
        Ok(Ok(made)) => {
            // SAFETY: checked non-null above; the host owns the slot.
            unsafe { *instance = Box::into_raw(Box::new(made)).cast() };
            return abi::STATUS_OK;
        }
        Ok(Err(e)) => (abi::STATUS_INVALID_CONFIG, e),
        Err(panic) => (
            abi::STATUS_PANIC,
            ConfigError::new(format!("the stage panicked while starting: {panic}")),
        ),
    };
    let bytes = serde_json::to_vec(&failure).unwrap_or_else(|_| failure.message.into_bytes());
    // SAFETY: checked non-null above.
    unsafe { *error = into_owned_buf(bytes) };
    status
}

/// The document the host lends, in Rust types; an error names what is not UTF-8.
///
/// # Safety
/// Every pointer in `lent` is null with a zero length, or points to that many readable
/// bytes (or `LayerRef`s) that outlive the returned document.
unsafe fn lent_document<'a>(lent: &DocumentRef) -> Result<Document<'a>, Failure> {
    fn utf8<'a>(what: &str, r: StrRef) -> Result<&'a str, Failure> {
        // SAFETY: guaranteed by the caller of `lent_document`.
        let bytes = unsafe { borrowed(r.ptr, r.len) };
        std::str::from_utf8(bytes).map_err(|e| {
            Failure::new(
                FailureKind::InvalidInput,
                format!("the host lent a {what} that is not UTF-8: {e}"),
            )
        })
    }
    let layers: &[abi::LayerRef] = if lent.layers.is_null() || lent.layer_count == 0 {
        &[]
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { std::slice::from_raw_parts(lent.layers, lent.layer_count) }
    };
    let layers = layers
        .iter()
        .map(|l| Ok((utf8("layer name", l.name)?, utf8("layer", l.json)?)))
        .collect::<Result<Vec<_>, Failure>>()?;
    Ok(Document::new(
        utf8("document id", lent.id)?,
        utf8("text", lent.text)?,
        layers,
        lent.want_report != 0,
    ))
}

unsafe extern "C" fn process<S: Stage>(
    instance: *const c_void,
    document: *const DocumentRef,
    output: *mut OwnedBuf,
) -> Status {
    if instance.is_null() || document.is_null() || output.is_null() {
        return abi::STATUS_INVALID_INPUT;
    }
    // SAFETY: `instance` came from `create::<S>` of this library and is not destroyed
    // while the host can still call `process` on it.
    let instance = unsafe { &*instance.cast::<Instance<S>>() };
    // SAFETY: the host lends the document and all it points to for the call.
    let lent = unsafe { &*document };
    let mut out = Vec::new();
    let (status, bytes) = match guarded(|| {
        // SAFETY: as above.
        let doc = unsafe { lent_document(lent) }?;
        instance.process_document(&doc, &mut out)
    }) {
        Ok(Ok(())) => (abi::STATUS_OK, out),
        Ok(Err(failure)) => (failure.kind.status(), failure.message.into_bytes()),
        Err(panic) => (abi::STATUS_PANIC, panic.into_bytes()),
    };
    // SAFETY: checked non-null above.
    unsafe { *output = into_owned_buf(bytes) };
    status
}

unsafe extern "C" fn free(buf: *mut OwnedBuf) {
    if buf.is_null() {
        return;
    }
    // SAFETY: the host gives back a buffer this library filled and has not freed, and
    // `replace` leaves it empty so that a second free is harmless.
    let buf = unsafe { std::ptr::replace(buf, OwnedBuf::EMPTY) };
    if !buf.ptr.is_null() {
        // SAFETY: ptr, len and cap come from a Vec<u8> of this library's allocator.
        drop(unsafe { Vec::from_raw_parts(buf.ptr, buf.len, buf.cap) });
    }
}

unsafe extern "C" fn destroy<S: Stage>(instance: *mut c_void) {
    if instance.is_null() {
        return;
    }
    // SAFETY: `instance` came from `create::<S>` and the host destroys it once.
    let instance = unsafe { Box::from_raw(instance.cast::<Instance<S>>()) };
    // A panic in a Drop impl must not unwind into the host.
    let _ = guarded(move || drop(instance));
}
