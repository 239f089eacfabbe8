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
//! ready or the page has finished with its files, when no file has come
//! meanwhile and the page was not opened on a results link), the worker reads
//! its samples [`ROUNDS`] times ([`EVERY_FORMAT_ROUNDS`] for the reader of
//! every format), a slice of [`SLICE_MS`] at a time, looking at its messages
//! between slices: a file for it, or the page's `{warm: false}` when files
//! come for any worker, pauses the warming (a file waits one slice at most).
//! A worker that has read a report, or warmed to the end, is warm: it does not
//! warm up again. One that read only target tables or sales does, once the
//! page is idle again (a department drops its target tables first, then the
//! reports).

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
    /// Which warming the slices running belong to (a warming paused and begun
    /// again must not leave two chains of slices).
    static GENERATION: Cell<u32> = const { Cell::new(0) };
    /// Whether the worker is warm: its warming ran to the end, or it read a report.
    static WARM: Cell<bool> = const { Cell::new(false) };
}

/// The samples a `{warm: true}` message reads, and how many times (none: such a
/// message does nothing).
pub fn samples(samples: Samples, rounds: u32) {
    SAMPLES.with(|s| s.set((samples, rounds)));
}

/// Begins a warming (`{warm: true}`), unless the worker is warm or warming.
pub(crate) fn begin() {
    if WARM.with(Cell::get) || LEFT.with(Cell::get) > 0 {
        return;
    }
    LEFT.with(|l| l.set(SAMPLES.with(Cell::get).1));
    let generation = GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    slice(generation);
}

/// Files came (a file for this worker, or the page's `{warm: false}`): the
/// warming stops; a later `{warm: true}` begins it again.
pub(crate) fn pause() {
    LEFT.with(|l| l.set(0));
}

/// A report came: reading it warms what reports need, and the worker does not
/// warm up again.
pub(crate) fn warmed() {
    pause();
    WARM.with(|w| w.set(true));
}

/// Runs rounds for up to [`SLICE_MS`], then lets the worker's messages in
/// before the next slice.
fn slice(generation: u32) {
    let (samples, _) = SAMPLES.with(Cell::get);
    if samples.is_empty() || GENERATION.with(Cell::get) != generation {
        return;
    }
    let start = js_sys::Date::now();
    while LEFT.with(Cell::get) > 0 && js_sys::Date::now() - start < SLICE_MS {
        let _ = crate::warm_up(samples);
        let left = LEFT.with(|l| {
            l.set(l.get().saturating_sub(1));
            l.get()
        });
        if left == 0 {
            WARM.with(|w| w.set(true));
        }
    }
    if LEFT.with(Cell::get) > 0 {
        let next = Closure::once_into_js(move || slice(generation));
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(next.unchecked_ref(), 0);
    }
}
