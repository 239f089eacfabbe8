//! The first reading Web Workers (the `otop-kpi-worker` binary, two of them): read dropped
//! files off the page's main thread, so a big file never freezes the page, and a
//! reader that crashes on a malformed file ends only its worker. It holds the
//! readers only (`otop_worker::read`); the writers are the `otop-kpi-writer`
//! binary's. Built without the `all-formats` feature (index.html), it reads
//! `.xlsx` (the streaming reader), CSV and Excel 2003 XML, and says any other
//! file is `otop-kpi-all-formats`'s to read: a first result needs this
//! worker's bytes only. It says it is `loaded` first, so the page starts the
//! reader of every format once this one's bytes are in. Its messages:
//! `otop_worker::pipeline`.

#[cfg(target_arch = "wasm32")]
fn main() {
    otop_worker::pipeline::start(|request, files| {
        otop_worker::read(request, files.first().map(Vec::as_slice).unwrap_or_default())
    });
    otop_worker::pipeline::say_loaded();
    let _ = otop_worker::warm_up(otop_worker::COMMON_SAMPLES);
    otop_worker::warming::samples(otop_worker::COMMON_SAMPLES, otop_worker::warming::ROUNDS);
    otop_worker::pipeline::say_ready();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
