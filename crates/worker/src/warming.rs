//! Warming a reading worker up while the page waits for files (wasm only).
//!
//! The browser compiles a wasm function with its optimising compiler only once
//! the function has run for a while. A reading worker's start-up read of its
//! samples ([`crate::warm_up`], once) is too short for that, so the compile
//! of the readers' hot code used to happen during a user's first files, on
//! the cores those files needed: 248 ms of compiling on the browser's threads
//! while a 100k-row file dropped 3 s after the page was ready was read (81 ms
//! after this warming), 180 ms while the province's nine files were (30 ms
//! after), medians of 5 (BENCHMARKS.md, "Issue 35: the readers warmed up").
//!
//! Asked by the page (`{warm: true}`, half a second after the worker is
//! ready, when no file has come meanwhile and the page was not opened on a
//! results link), the worker reads its samples [`ROUNDS`] times
//! ([`EVERY_FORMAT_ROUNDS`] for the reader of every format), a slice of
//! [`SLICE_MS`] at a time, looking at its messages between slices: a file
//! for it, or the page's `{warm: false}` when files come for any worker, ends
//! the warming, and waits one slice at most.

use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How many times the first reading worker reads its samples (`.xlsx`, CSV), when no file stops it first.
pub const ROUNDS: u32 = 200;
/// How many times the reader of every format reads its own (`.xls`, `.ods`): far
/// fewer, as its readers' code is bigger (more to compile) and gets fewer files.
pub const EVERY_FORMAT_ROUNDS: u32 = 40;
/// How long one slice of rounds may run before the worker looks at its messages.
const SLICE_MS: f64 = 4.0;

/// Small files, by name, that the warming reads.
type Samples = &'static [(&'static str, &'static [u8])];

thread_local! {
    static SAMPLES: Cell<(Samples, u32)> = const { Cell::new((&[], 0)) };
    /// Rounds still to run.
    static LEFT: Cell<u32> = const { Cell::new(0) };
    /// Whether the warming began or was ruled out (a file came first): it runs once.
    static DONE_WITH: Cell<bool> = const { Cell::new(false) };
}

/// The samples a `{warm: true}` message reads, and how many times (none: such a
/// message does nothing).
pub fn samples(samples: Samples, rounds: u32) {
    SAMPLES.with(|s| s.set((samples, rounds)));
}

/// Begins the warming, unless it began before or a file came first.
pub(crate) fn begin() {
    if DONE_WITH.with(|d| d.replace(true)) {
        return;
    }
    LEFT.with(|l| l.set(SAMPLES.with(Cell::get).1));
    slice();
}

/// A file came, or the page said files came (`{warm: false}`): no more warming.
pub(crate) fn stop() {
    DONE_WITH.with(|d| d.set(true));
    LEFT.with(|l| l.set(0));
}

/// Runs rounds for up to [`SLICE_MS`], then lets the worker's messages in
/// before the next slice.
fn slice() {
    let (samples, _) = SAMPLES.with(Cell::get);
    if samples.is_empty() {
        return;
    }
    let start = js_sys::Date::now();
    while LEFT.with(Cell::get) > 0 && js_sys::Date::now() - start < SLICE_MS {
        LEFT.with(|l| l.set(l.get() - 1));
        let _ = crate::warm_up(samples);
    }
    if LEFT.with(Cell::get) > 0 {
        let next = Closure::once_into_js(slice);
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(next.unchecked_ref(), 0);
    }
}
