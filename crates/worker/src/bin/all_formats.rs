//! The reading Web Worker of every format (the `otop-kpi-all-formats` binary,
//! built with the `all-formats` feature): the page's second reading worker,
//! fetched once the first (`otop-kpi-worker`, without it) has its bytes, so a
//! first result waits for the small one only. It reads every file the first
//! reads, and also `.xls`, `.xlsb`, `.ods`, `.fods`, HTML "Excel" files, any
//! charset, and the `.xlsx` the streaming reader leaves: the page sends such a
//! file here by its extension, or when the first worker answers
//! `Outcome::OtherReader`. Its messages: `otop_worker::pipeline`.

#[cfg(target_arch = "wasm32")]
fn main() {
    otop_worker::pipeline::start(|request, files| {
        otop_worker::read(request, files.first().map(Vec::as_slice).unwrap_or_default())
    });
    let _ = otop_worker::warm_up();
    otop_worker::pipeline::say_ready();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
