//! The kinds of worker in the page's pool, and the scripts they run:
//! `otop-kpi-worker`, started with the page, reads `.xlsx`, CSV and Excel 2003
//! XML (so a first result needs only its bytes); `otop-kpi-all-formats`,
//! started once the first has its bytes (or when a file needs it first, or the
//! first failed to start), reads every format: a file whose extension names
//! another format goes to it, and so does a file the first answers
//! `elsewhere` about; `otop-kpi-writer`, fetched only when a file is first
//! written (or a write is asked) or once results are shown, writes files and
//! reads presets.

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
            Kind::AllFormats => !writes,
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
