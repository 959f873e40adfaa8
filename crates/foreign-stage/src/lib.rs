//! Entry symbols that a stale, newer or mislabelled stage would export, without the SDK:
//!
//! - `libnewsproc_stage_foreign.so` exports only the ABI v3 symbol, as a stage built by a
//!   future SDK would;
//! - copied to `libnewsproc_stage_stale.so`, it exports only a v1 symbol, as a stage built
//!   before the current ABI would;
//! - copied to `libnewsproc_stage_mislabelled.so`, it exports a v2 symbol whose vtable
//!   header says version 7, as a corrupt or hand-made library might.
//!
//! The host must refuse all three with a clear message and never call past the header.

use newsproc_abi::VTableHeader;

static FUTURE: VTableHeader = VTableHeader {
    abi_version: 3,
    vtable_size: 1024,
};

static STALE: VTableHeader = VTableHeader {
    abi_version: 1,
    vtable_size: 72,
};

static MISLABELLED: VTableHeader = VTableHeader {
    abi_version: 7,
    vtable_size: 8,
};

#[unsafe(no_mangle)]
pub extern "C" fn newsproc_stage_abi_v3_newsproc_stage_foreign() -> *const VTableHeader {
    &FUTURE
}

#[unsafe(no_mangle)]
pub extern "C" fn newsproc_stage_abi_v1_newsproc_stage_stale() -> *const VTableHeader {
    &STALE
}

#[unsafe(no_mangle)]
pub extern "C" fn newsproc_stage_abi_v2_newsproc_stage_mislabelled() -> *const VTableHeader {
    &MISLABELLED
}
