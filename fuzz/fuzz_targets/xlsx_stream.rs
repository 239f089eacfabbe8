//! Differential fuzzing of the streaming .xlsx reader: whatever it reads, it
//! reads as calamine's reader does (calamine's own panics on malformed files are
//! not the streaming reader's to find).
#![no_main]

use libfuzzer_sys::fuzz_target;
use otop_import::reader::{xlsx, xlsx_stream};

static DEFAULT_HOOK: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    DEFAULT_HOOK.call_once(|| drop(std::panic::take_hook()));
    let Some(fast) = xlsx_stream::read(data) else { return };
    let Ok(oracle) = std::panic::catch_unwind(|| xlsx::read(data)) else { return };
    let oracle = oracle.expect("calamine reads what the streaming reader reads");
    // Compared as printed, so that a NaN cell equals itself.
    assert_eq!(format!("{:?}", fast.sheets), format!("{:?}", oracle.sheets));
});
