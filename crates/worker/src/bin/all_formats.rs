//! The reading Web Worker of every format (the `otop-kpi-all-formats` binary,
//! built with the `all-formats` feature), fetched once the page's first reading
//! workers (two `otop-kpi-worker`, without it) have their bytes, so a first
//! result waits for the small one only. It reads `.xls`, `.xlsb`, `.ods`,
//! `.fods`, HTML "Excel" files, any charset, and the `.xlsx` the streaming
//! reader leaves: the page sends it such a file by its extension, or when a
//! first worker answers `Outcome::OtherReader` (and every file, should the
//! first two fail to start). Its messages: `otop_worker::pipeline`.

#[cfg(target_arch = "wasm32")]
fn main() {
    otop_worker::pipeline::start(|request, files| {
        otop_worker::read(request, files.first().map(Vec::as_slice).unwrap_or_default())
    });
    // It gets only files of the other formats (a misnamed .xlsx now and then).
    let _ = otop_worker::warm_up(otop_worker::OTHER_SAMPLES);
    otop_worker::warming::samples(otop_worker::OTHER_SAMPLES, otop_worker::warming::EVERY_FORMAT_ROUNDS);
    otop_worker::pipeline::say_ready();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
