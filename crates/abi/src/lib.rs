//! The binary contract between the `newsproc` host and a stage plugin.
//!
//! A plugin is a dynamic library that exports one function, the *entry symbol*, which
//! returns a pointer to a [`StageVTable`]. Everything that crosses the boundary is either
//! a `#[repr(C)]` type defined here or UTF-8 bytes (JSON): no Rust type with an
//! unspecified layout ever crosses, so host and plugin may be built by different
//! compilers.
//!
//! Architecture invariant: this crate has no dependencies and changes only together with
//! [`ABI_VERSION`]. Any change to the layout or meaning of a type here is a new version.
//!
//! # Ownership
//!
//! Each side frees what it allocated. The host lends input bytes for the duration of a
//! call. Bytes the plugin hands back ([`OwnedBuf`]) belong to the plugin and are given
//! back to it through [`StageVTable::free`] once the host has read them. An instance made
//! by `create` is released through `destroy`.
//!
//! # Threads
//!
//! `process` may be called concurrently from several threads on the same instance; a
//! stage instance is immutable once created.
//!
//! # Entry symbol
//!
//! The symbol is `newsproc_stage_abi_v{ABI_VERSION}_{crate}` where `{crate}` is the
//! library's crate name, which is also its file stem without the platform prefix
//! (`libnewsproc_stage_source.so` exports `newsproc_stage_abi_v2_newsproc_stage_source`).
//! The crate name is part of the symbol so that several stages can be linked into one
//! program as Rust libraries (for in-process tests and benchmarks) without their entry
//! symbols colliding.

#![no_std]

use core::ffi::c_void;

/// The version of this contract. The host refuses a library built for another one.
///
/// v2: a document crosses as a [`DocumentRef`] (text as plain UTF-8, each layer its own
/// JSON) instead of one JSON object, so that no stage unescapes the text or re-validates
/// layers the host has checked.
pub const ABI_VERSION: u32 = 2;

/// The prefix of every entry symbol; the ABI version and crate name follow it.
pub const ENTRY_SYMBOL_PREFIX: &str = "newsproc_stage_abi_v";

/// The prefix of a stage library's crate name (and so of its file stem).
pub const LIBRARY_PREFIX: &str = "newsproc_stage_";

/// A status code returned by the functions of the vtable. Plain integers, never enums, so
/// that an unknown value from a newer plugin is still representable.
pub type Status = i32;

/// The call succeeded; the output buffer holds the result.
pub const STATUS_OK: Status = 0;
/// `create` rejected its configuration; the buffer holds a JSON object
/// `{"key": "path.to.key" | null, "message": "..."}` so that the host can point at the line.
pub const STATUS_INVALID_CONFIG: Status = 1;
/// `process` could not read its input (not JSON, not a document); the buffer holds a message.
pub const STATUS_INVALID_INPUT: Status = 2;
/// The stage failed on this document; the buffer holds a UTF-8 message.
pub const STATUS_STAGE_ERROR: Status = 3;
/// The stage panicked; the panic was caught at the boundary and the buffer holds its message.
pub const STATUS_PANIC: Status = 4;

/// Borrowed bytes. When returned in a vtable they live as long as the library is loaded.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct StrRef {
    pub ptr: *const u8,
    pub len: usize,
}

impl StrRef {
    pub const fn from_static(s: &'static str) -> Self {
        StrRef {
            ptr: s.as_ptr(),
            len: s.len(),
        }
    }

    /// Points at `bytes`, which the lender keeps alive and unchanged for the call.
    pub const fn lend(bytes: &[u8]) -> Self {
        StrRef {
            ptr: bytes.as_ptr(),
            len: bytes.len(),
        }
    }

    /// # Safety
    /// `ptr` must point to `len` initialised bytes that outlive the returned slice.
    pub unsafe fn as_bytes<'a>(self) -> &'a [u8] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: guaranteed by the caller.
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }
}

/// Bytes allocated by the plugin and handed to the host, which must give them back through
/// [`StageVTable::free`]. `cap` is the plugin's business (the capacity of its allocation).
#[repr(C)]
#[derive(Debug)]
pub struct OwnedBuf {
    pub ptr: *mut u8,
    pub len: usize,
    pub cap: usize,
}

impl OwnedBuf {
    pub const EMPTY: OwnedBuf = OwnedBuf {
        ptr: core::ptr::null_mut(),
        len: 0,
        cap: 0,
    };

    /// # Safety
    /// The buffer must have been filled by a plugin call and not yet freed.
    pub unsafe fn as_bytes(&self) -> &[u8] {
        if self.ptr.is_null() || self.len == 0 {
            return &[];
        }
        // SAFETY: guaranteed by the caller.
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }
}

/// Creates a stage instance from its configuration (a JSON object, UTF-8).
///
/// On success writes the instance to `*instance` and returns [`STATUS_OK`]. On failure
/// returns a non-zero status and writes a message to `*error`.
pub type CreateFn = unsafe extern "C" fn(
    config_json: *const u8,
    config_len: usize,
    instance: *mut *mut c_void,
    error: *mut OwnedBuf,
) -> Status;

/// One layer of an earlier stage, lent with a [`DocumentRef`].
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct LayerRef {
    /// The layer's name, UTF-8.
    pub name: StrRef,
    /// The layer, UTF-8 JSON, as the host checked it.
    pub json: StrRef,
}

/// One document as the host lends it for one `process` call.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct DocumentRef {
    /// The document's id, UTF-8.
    pub id: StrRef,
    /// The article text, UTF-8, as it is (not JSON): offsets are into these bytes.
    pub text: StrRef,
    /// The layers the stage declared it requires or uses, of those the document has.
    pub layers: *const LayerRef,
    pub layer_count: usize,
    /// Non-zero when the host wants a readable report besides the layer.
    pub want_report: u32,
}

/// Runs the stage on one document and writes the result, the UTF-8 JSON envelope
/// `{"layer": ..., "report": ...}` (on success), or an error message (otherwise) to
/// `*output`.
pub type ProcessFn = unsafe extern "C" fn(
    instance: *const c_void,
    document: *const DocumentRef,
    output: *mut OwnedBuf,
) -> Status;

/// Gives back a buffer the plugin allocated. Leaves it empty.
pub type FreeFn = unsafe extern "C" fn(buf: *mut OwnedBuf);

/// Releases an instance made by `create`.
pub type DestroyFn = unsafe extern "C" fn(instance: *mut c_void);

/// What the entry symbol returns. Field order is part of the ABI: the version and size
/// come first so that a host can read them from a library of any version.
#[repr(C)]
#[derive(Debug)]
pub struct StageVTable {
    /// [`ABI_VERSION`] of the SDK the plugin was built with.
    pub abi_version: u32,
    /// `size_of::<StageVTable>()` as the plugin saw it.
    pub vtable_size: u32,
    /// The stage's name, UTF-8.
    pub name: StrRef,
    /// The plugin's version (semver), UTF-8.
    pub version: StrRef,
    /// The stage's manifest, UTF-8 JSON: provided layer, required layers, config keys.
    pub manifest_json: StrRef,
    pub create: CreateFn,
    pub process: ProcessFn,
    pub free: FreeFn,
    pub destroy: DestroyFn,
}

/// The type of the entry symbol.
pub type EntryFn = unsafe extern "C" fn() -> *const StageVTable;

/// The fields every version of the vtable starts with; a host reads these first, before
/// trusting the rest of the layout.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct VTableHeader {
    pub abi_version: u32,
    pub vtable_size: u32,
}

/// Writes the entry symbol name for `crate_name` and `version`, NUL-terminated, into
/// `out`, returning the number of bytes written (without the NUL), or `None` when `out`
/// is too small.
pub fn write_entry_symbol(crate_name: &str, version: u32, out: &mut [u8]) -> Option<usize> {
    let mut digits = [0u8; 10];
    let mut n = version;
    let mut d = digits.len();
    loop {
        d -= 1;
        digits[d] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let parts: [&[u8]; 4] = [
        ENTRY_SYMBOL_PREFIX.as_bytes(),
        &digits[d..],
        b"_",
        crate_name.as_bytes(),
    ];
    let mut at = 0;
    for part in parts {
        let end = at + part.len();
        if end >= out.len() {
            return None;
        }
        out[at..end].copy_from_slice(part);
        at = end;
    }
    out[at] = 0;
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_symbol_names_version_and_crate() {
        let mut buf = [0u8; 64];
        let n = write_entry_symbol("newsproc_stage_source", 1, &mut buf).unwrap();
        assert_eq!(&buf[..n], b"newsproc_stage_abi_v1_newsproc_stage_source");
        assert_eq!(buf[n], 0);
        let n = write_entry_symbol("x", 12, &mut buf).unwrap();
        assert_eq!(&buf[..n], b"newsproc_stage_abi_v12_x");
    }

    #[test]
    fn entry_symbol_refuses_a_short_buffer() {
        let mut buf = [0u8; 8];
        assert_eq!(
            write_entry_symbol("newsproc_stage_source", 1, &mut buf),
            None
        );
    }

    #[test]
    fn header_is_a_prefix_of_the_vtable() {
        assert_eq!(core::mem::offset_of!(StageVTable, abi_version), 0);
        assert_eq!(core::mem::offset_of!(StageVTable, vtable_size), 4);
        assert_eq!(core::mem::size_of::<VTableHeader>(), 8);
    }
}
