//! The writing Web Worker (the `otop-kpi-writer` binary): writes the files the
//! page downloads (the results workbook, CSV tables, the blank form, the
//! preset's JSON), the files sent back, and reads a preset's JSON
//! (`otop_worker::write`). The page fetches it only when it is first needed, or
//! once results are shown, so the reading worker a first result waits for stays
//! small. Its messages: `otop_worker::pipeline`.

#[cfg(target_arch = "wasm32")]
fn main() {
    otop_worker::pipeline::start(|request, files| {
        let files: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
        otop_worker::write(request, &files)
    });
    otop_worker::pipeline::say_ready();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
