//! The kinds of worker in the page's pool, and the scripts they run:
//! `otop-kpi-worker`, two of them started with the page (on a page opened on
//! a results link, with its first file), reads `.xlsx`, CSV and Excel 2003 XML
//! (so a first result needs only its bytes);
//! `otop-kpi-all-formats`, started once the first has its bytes (or when a
//! file needs it first), reads every format and gets only the files the first
//! two do not read: those whose extension names another format, those the
//! first answer `elsewhere` about, and every file if the first two failed to
//! start (both halves of a big `.xlsx` are read by one module, whose hot code
//! V8 compiles once: read by the two modules, a 100k-row file took 1,146 ms
//! against 851, 3 s after ready, medians of 7 in one run);
//! `otop-kpi-writer`, fetched only when a file is first written (or a write
//! is asked) or once results are shown, writes files and reads presets.

/// The event the page's window gets once the first reading worker is ready (web/loader.js).
const READING_EVENT: &str = "otop-kpi-reading";

/// What a worker of the pool is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// The first reading worker: `.xlsx`, CSV, Excel 2003 XML.
    Reader,
    /// The reading worker of every format.
    AllFormats,
    /// The writing worker.
    Writer,
}

impl Kind {
    pub(super) fn script(self) -> &'static str {
        match self {
            Kind::Reader => "./otop-kpi-worker_loader.js",
            Kind::AllFormats => "./otop-kpi-all-formats_loader.js",
            Kind::Writer => "./otop-kpi-writer_loader.js",
        }
    }

    /// Whether a worker of this kind answers a request that `writes` or not,
    /// about a file that only the reader of every format reads or not.
    pub(super) fn takes(self, writes: bool, every_format: bool) -> bool {
        match self {
            Kind::Reader => !writes && !every_format,
            Kind::AllFormats => !writes && every_format,
            Kind::Writer => writes,
        }
    }
}

/// Tells the page's loader the first reading worker is ready: it registers
/// the service worker then (web/loader.js).
pub(super) fn say_reading() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(READING_EVENT)) {
        let _ = window.dispatch_event(&event);
    }
}
