//! The file protocol between the page and its worker: one feature in three
//! parts (the shape of Squoosh's `features/<op>/{client,shared,worker}`):
//!
//! - this crate, the shared part: the typed [`Request`] and [`Reply`], what
//!   reading gives ([`Outcome`]), the binary encoding of a reply and the time
//!   bound of an answer — no reader or writer, so the page links none;
//! - the page's `src/ui/worker_client.rs` (wasm only): a pool of Web Workers,
//!   requests with ids it checks, the `File` handed over without copying its
//!   bytes, a bound on every answer;
//! - the `otop-worker` crate: `otop_worker::run` answers a request (pure Rust,
//!   so the command and the tests use it as the worker does); its wasm binary
//!   reads the `File`, runs it, replies with the encoded [`Reply`] in a
//!   transferred buffer.
//!
//! ```
//! use otop_model::imported::file::FileKind;
//! use otop_protocol::{Outcome, Reply, Request};
//! use otop_worker::run;
//! let request = Request::new(7, FileKind::Report, "a.csv", vec!["คลองหาด".into()], 2564);
//! let csv = "ชื่อผลิตภัณฑ์,Facebook,อำเภอ,ที่,ตำบล\nข้าว,fb.com/x,คลองหาด,1,ก\n";
//! let reply = run(&request, csv.as_bytes());
//! let back = Reply::decode(&reply.encode()).unwrap();
//! assert_eq!(back.id, 7);
//! assert!(matches!(back.outcome, Outcome::Report(f) if f.products.len() == 1));
//! ```

use otop_engine::analysis::Analysis;
use otop_engine::nation::NationRun;
use otop_engine::sales::SalesFile;
use otop_model::display::Lang;
use otop_model::imported::error::FileError;
use otop_model::imported::file::{FileKind, ImportedFile};
use otop_model::imported::target_table::TargetTable;
use otop_model::issue::Issue;
use otop_model::preset::Preset;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

mod wire;

use otop_model::imported::part::{merge, NotMerged, Part, PartRead, Portion};
pub use wire::ReportDecoder;

/// What the reader needs to know besides the bytes, per kind of file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Read {
    /// A report (round 2 or round 1): the preset's district names recognise
    /// one-district files.
    /// (Shared: a batch of hundreds of files sends the same list with each.)
    Report {
        /// Whether it is a round-1 report.
        round1: bool,
        /// The preset's district names.
        districts: Arc<[String]>,
        /// Which part of the file to read (a big file is read by both workers at once).
        part: Part,
    },
    /// Sales: the evaluation year (B.E.) places month names typed without a year.
    Sales {
        /// The evaluation year, B.E.
        default_year: i32,
    },
    /// The letter's target tables.
    Targets,
    /// The file sent back with its problems (`issues`, the file's own) marked,
    /// its words in `lang` (see `export::returned`).
    Returned {
        /// The file's own issues.
        issues: Vec<Issue>,
        /// The language of its words.
        lang: Lang,
    },
    /// Every file of `files` sent back, in one zip (the request's files come in
    /// the same order).
    ReturnAll {
        /// The files, with their issues.
        files: Vec<ToReturn>,
        /// The language of their words.
        lang: Lang,
    },
    /// The results link a results workbook of this page holds (to compare with).
    Link,
    /// A preset saved as JSON (SPEC §3): read in the worker, whose JSON reader
    /// keeps baht exact (the page links none).
    Preset,
    /// A file written from a run, its words in `lang`: the request's one file
    /// is the run, as [`RunData::encode`] makes it.
    Write {
        /// What to write.
        what: Write,
        /// The language of its words.
        lang: Lang,
    },
}

/// What the worker writes from a run ([`Read::Write`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Write {
    /// The results workbook (SPEC §5).
    Results,
    /// The blank report form of the preset.
    Template,
    /// One table as CSV.
    Csv(CsvTable),
    /// The preset as JSON (SPEC §3).
    Preset,
}

/// The tables downloaded as CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CsvTable {
    /// The KPI 1 table.
    Kpi1,
    /// The KPI 2 table.
    Kpi2,
    /// The readiness table.
    Readiness,
    /// The merged product list.
    Products,
    /// The issues.
    Issues,
}

/// A run, as the page hands it to the worker to write a file of it: the
/// preset, the province's analysis, the provinces' run if there is one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunData {
    /// The preset.
    pub preset: Preset,
    /// `None` for a file that needs only the preset (the blank form).
    pub analysis: Option<Analysis>,
    /// The several-province run, if there is one.
    pub nation: Option<NationRun>,
}

impl RunData {
    /// The run in postcard's binary form, to travel as a request's file.
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// A run from [`RunData::encode`]'s bytes.
    pub fn decode(bytes: &[u8]) -> Result<RunData, String> {
        postcard::from_bytes(bytes).map_err(|e| e.to_string())
    }
}

/// A file to send back, in [`Read::ReturnAll`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToReturn {
    /// The file's name.
    pub name: String,
    /// Its issues.
    pub issues: Vec<Issue>,
}

/// One file to read (its bytes travel beside the request: the page hands the
/// worker the `File`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// Chosen by the client; the reply must carry it back.
    pub id: u32,
    /// The file's name.
    pub name: String,
    /// What to do with it.
    pub read: Read,
}

impl Request {
    /// The request for a file of `kind`, with what that kind needs.
    pub fn new(id: u32, kind: FileKind, name: &str, districts: impl Into<Arc<[String]>>, default_year: i32) -> Request {
        let districts = districts.into();
        let read = match kind {
            FileKind::Report => Read::Report { round1: false, districts, part: Part::WHOLE },
            FileKind::Round1 => Read::Report { round1: true, districts, part: Part::WHOLE },
            FileKind::Sales => Read::Sales { default_year },
            FileKind::Targets => Read::Targets,
        };
        Request { id, name: name.to_string(), read }
    }

    /// This request for `part` of its report (the same request for any other file), under `id`.
    pub fn for_part(&self, id: u32, part: Part) -> Request {
        let mut request = self.clone();
        request.id = id;
        if let Read::Report { part: p, .. } = &mut request.read {
            *p = part;
        }
        request
    }

    /// The request for report `name` sent back with `issues` marked.
    pub fn returned(id: u32, name: &str, issues: Vec<Issue>, lang: Lang) -> Request {
        Request { id, name: name.to_string(), read: Read::Returned { issues, lang } }
    }

    /// The request for every file of `files` sent back, in one zip named `name`.
    pub fn return_all(id: u32, name: &str, files: Vec<ToReturn>, lang: Lang) -> Request {
        Request { id, name: name.to_string(), read: Read::ReturnAll { files, lang } }
    }

    /// The request for the results link held by results workbook `name`.
    pub fn link(id: u32, name: &str) -> Request {
        Request { id, name: name.to_string(), read: Read::Link }
    }

    /// The request for a preset saved as JSON.
    pub fn preset(id: u32, name: &str) -> Request {
        Request { id, name: name.to_string(), read: Read::Preset }
    }

    /// The request for file `name` written from a run (the run travels as the
    /// request's file: [`RunData::encode`]).
    pub fn write(id: u32, name: &str, what: Write, lang: Lang) -> Request {
        Request { id, name: name.to_string(), read: Read::Write { what, lang } }
    }

    /// Whether the writing worker answers it (a file to make, or a preset's
    /// JSON); the reading worker answers the rest. The page fetches the writing
    /// worker only when it is first needed, or once results are shown.
    pub fn writes(&self) -> bool {
        self.sends_back() || self.read == Read::Preset
    }

    /// The request in postcard's binary form: it travels to a worker as one
    /// buffer. (As a JavaScript object, a run over the country's districts
    /// made 928 strings a file to build and clone: 0.9 ms of the page's thread
    /// per file, 800 ms of the 912 national files' run.)
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// A request from [`Request::encode`]'s bytes.
    pub fn decode(bytes: &[u8]) -> Result<Request, String> {
        postcard::from_bytes(bytes).map_err(|e| e.to_string())
    }

    /// Whether the file's extension names a format only the reader of every
    /// format reads: the page sends it there, not to the first reading worker
    /// (a misleading name still works: [`Outcome::OtherReader`] sends it on).
    ///
    /// ```
    /// # use otop_protocol::Request;
    /// # use otop_model::imported::file::FileKind;
    /// let asked = |name: &str| Request::new(1, FileKind::Report, name, vec![], 2564).for_every_format();
    /// assert!(asked("รายงาน.XLS") && asked("a.ods") && !asked("a.xlsx") && !asked("a.csv") && !asked("xls"));
    /// ```
    pub fn for_every_format(&self) -> bool {
        let extension = otop_model::imported::file::extension(&self.name);
        ["xls", "xlsb", "ods", "fods", "htm", "html"].contains(&extension.as_str())
    }

    /// Whether the answer is a file the worker makes (bytes to download).
    pub fn sends_back(&self) -> bool {
        matches!(self.read, Read::Returned { .. } | Read::ReturnAll { .. } | Read::Write { .. })
    }

    /// The kind of file asked for (a report's, for its cells).
    pub fn kind(&self) -> FileKind {
        match self.read {
            Read::Report { round1: false, .. }
            | Read::Returned { .. }
            | Read::ReturnAll { .. }
            | Read::Link
            | Read::Preset
            | Read::Write { .. } => FileKind::Report,
            Read::Report { round1: true, .. } => FileKind::Round1,
            Read::Sales { .. } => FileKind::Sales,
            Read::Targets => FileKind::Targets,
        }
    }
}

/// A report file as read, with its products (which [`ImportedFile`] does not
/// serialise on its own). On the wire its texts travel once each (see `wire.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRead {
    /// The file as read.
    pub file: ImportedFile,
    /// Its products.
    pub products: Vec<otop_model::imported::product::Product>,
    /// The part of the file this is (the whole file, unless the request asked a part).
    pub portion: Portion,
}

/// The replies to the parts of one report request (in order, answered under
/// the parts' ids) as the one reply to `request` reading the file whole: the
/// parts merged ([`merge`]); the reply of a part that failed (its worker
/// crashed or gave no answer), which fails the file; or
/// [`NotMerged::ReadWhole`] when the file must be read again whole.
pub fn merge_replies(request: &Request, replies: Vec<Reply>) -> Result<Reply, NotMerged> {
    let mut parts = Vec::new();
    for (k, reply) in replies.into_iter().enumerate() {
        let Outcome::Report(read) = reply.outcome else {
            return Err(NotMerged::Mismatch("a part's answer is not a report's".into()));
        };
        parts.push((k, read));
    }
    // A part that failed answers as a whole file with its issue: a part other
    // than the first never does, nor the first when the others shared.
    let shared = parts.iter().any(|(_, r)| matches!(r.portion, Portion::Share(_)));
    let failed = parts.iter().position(|(k, r)| r.portion == Portion::Whole && (*k > 0 || shared));
    let id = request.id;
    if let Some(at) = failed {
        let (_, read) = parts.swap_remove(at);
        return Ok(Reply { id, outcome: Outcome::Report(ReportRead { portion: Portion::Whole, ..read }) });
    }
    let parts = parts.into_iter().map(|(_, r)| PartRead { file: r.file, products: r.products, portion: r.portion });
    let (file, products) = merge(parts.collect())?;
    Ok(Reply { id, outcome: Outcome::Report(ReportRead { file, products, portion: Portion::Whole }) })
}

impl ReportRead {
    /// The file with its products in place.
    pub fn into_file(self) -> ImportedFile {
        let mut f = self.file;
        f.products = std::sync::Arc::new(self.products);
        f
    }
}

/// What reading a file gave, per kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// A report's products and issues.
    Report(ReportRead),
    /// A sales file's figures.
    Sales(SalesFile),
    /// The tables, or the one issue saying why the file could not be read.
    Targets(Result<Vec<TargetTable>, Issue>),
    /// A file the worker made — to send back (an `.xlsx`, or the zip of
    /// [`Read::ReturnAll`]) or written from a run ([`Read::Write`]) — or the
    /// one issue saying why it could not be made.
    Made(Result<Vec<u8>, Issue>),
    /// The results link of a results workbook (none: not one of this page's).
    Link(Option<String>),
    /// A preset read from JSON (none: it did not parse) and its problems.
    Preset(Option<Preset>, Vec<Issue>),
    /// The file needs a reader this worker does not hold (the page's first
    /// reading worker, built without `all-formats`): the page hands the same
    /// request to the reader of every format. Never sent to the page as a reply
    /// (the worker's message says `elsewhere`), nor made by the command.
    OtherReader,
}

/// The answer to a [`Request`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// The request's id.
    pub id: u32,
    /// What reading or writing gave.
    pub outcome: Outcome,
}

impl Reply {
    /// The reply for a file that could not be read, saying why. A report or
    /// sales file keeps its (empty) description, so its issue reaches the
    /// analysis like any other file's.
    pub fn failed(request: &Request, error: &FileError) -> Reply {
        Reply::failed_with(request, error.issue(&request.name))
    }

    /// [`Reply::failed`] with the issue given.
    pub fn failed_with(request: &Request, issue: Issue) -> Reply {
        let kind = request.kind();
        let mut file = ImportedFile::new(&request.name, Some(kind));
        file.issues.push(issue.clone());
        let outcome = match kind {
            _ if request.sends_back() => Outcome::Made(Err(issue)),
            _ if request.read == Read::Link => Outcome::Link(None),
            _ if request.read == Read::Preset => Outcome::Preset(None, vec![issue]),
            FileKind::Report | FileKind::Round1 => {
                Outcome::Report(ReportRead { file, products: Vec::new(), portion: Portion::Whole })
            }
            FileKind::Sales => Outcome::Sales(SalesFile { file, entries: Vec::new() }),
            FileKind::Targets => Outcome::Targets(Err(issue)),
        };
        Reply { id: request.id, outcome }
    }

    /// The reply in a compact binary form, to travel in a transferred buffer: a
    /// report's products in their wire form (see `wire.rs`), which the page
    /// decodes a slice at a time; any other reply in postcard's form.
    pub fn encode(&self) -> Vec<u8> {
        match &self.outcome {
            Outcome::Report(report) => {
                let mut out = vec![REPORT];
                out.extend_from_slice(&self.id.to_le_bytes());
                wire::encode(report, &mut out).map(|()| out).unwrap_or_default()
            }
            _ => postcard::to_extend(self, vec![OTHER]).unwrap_or_default(),
        }
    }

    /// A reply from [`Reply::encode`]'s bytes, whole.
    pub fn decode(bytes: &[u8]) -> Result<Reply, String> {
        match Reply::decoding(bytes)? {
            Decoding::Done(reply) => Ok(reply),
            Decoding::Report { id, products } => Ok(Reply { id, outcome: Outcome::Report(products.all()?) }),
        }
    }

    /// Starts decoding [`Reply::encode`]'s bytes: a report's products are then
    /// rebuilt a slice at a time with [`ReportDecoder::step`].
    pub fn decoding(bytes: &[u8]) -> Result<Decoding<'_>, String> {
        match bytes.split_first() {
            Some((&REPORT, rest)) => {
                let id = wire::u32_at(rest, 0).ok_or("no id")?;
                let products = ReportDecoder::new(rest.get(4..).unwrap_or_default())?;
                Ok(Decoding::Report { id, products })
            }
            Some((&OTHER, rest)) => postcard::from_bytes(rest).map(Decoding::Done).map_err(|e| e.to_string()),
            _ => Err("not a reply".into()),
        }
    }
}

/// The first byte of an encoded reply: a report in its wire form, or anything else.
const REPORT: u8 = 1;
const OTHER: u8 = 0;

/// A reply being decoded.
pub enum Decoding<'a> {
    /// Decoded whole.
    Done(Reply),
    /// A report, its products still to be rebuilt.
    Report {
        /// The request's id.
        id: u32,
        /// Its products, still to be rebuilt.
        products: ReportDecoder<'a>,
    },
}

/// How long the client waits for a worker to start, in seconds.
pub const START_BOUND_SECONDS: u32 = 20;

/// How long the client waits for the answer about a file of `bytes` bytes, in
/// seconds: a minute, and ten seconds more per megabyte (a 200k-row report of
/// about 20 MB reads in under ten seconds).
///
/// ```
/// # use otop_protocol::answer_bound_seconds;
/// assert_eq!(answer_bound_seconds(0.0), 60);
/// assert_eq!(answer_bound_seconds(20.0 * 1_048_576.0), 260);
/// ```
pub fn answer_bound_seconds(bytes: f64) -> u32 {
    let mb = (bytes.max(0.0) / 1_048_576.0).ceil();
    (60.0 + 10.0 * mb).min(3600.0) as u32
}
