//! Reading one dropped file, as one feature in three parts (the shape of
//! Squoosh's `features/<op>/{client,shared,worker}`):
//!
//! - this module, the shared part: the typed [`Request`] and [`Reply`], what
//!   reading gives ([`Outcome`]), the binary encoding of a reply, the time bound
//!   of an answer, and [`run`] — pure Rust, so the native command and the tests
//!   use it as the worker does;
//! - `client.rs`, the page's side (wasm only): a pool of Web Workers, requests
//!   with ids it checks, the `File` handed over without copying its bytes, a
//!   bound on every answer;
//! - `worker.rs`, the Web Worker (wasm only): reads the `File`, runs [`run`],
//!   replies with the encoded [`Reply`] in a transferred buffer.
//!
//! ```
//! use otop_kpi::import::file::FileKind;
//! use otop_kpi::read_file::{run, Outcome, Reply, Request};
//! let request = Request::new(7, FileKind::Report, "a.csv", vec!["คลองหาด".into()], 2564);
//! let csv = "ชื่อผลิตภัณฑ์,Facebook,อำเภอ,ที่,ตำบล\nข้าว,fb.com/x,คลองหาด,1,ก\n";
//! let reply = run(&request, csv.as_bytes());
//! let back = Reply::decode(&reply.encode()).unwrap();
//! assert_eq!(back.id, 7);
//! assert!(matches!(back.outcome, Outcome::Report(f) if f.products.len() == 1));
//! ```

use crate::display::Lang;
use crate::export::returned::{returned_file, returned_zip};
use crate::import::error::FileError;
use crate::import::file::{FileKind, ImportedFile};
use crate::import::report::import_report;
use crate::import::targets::{read_tables, TargetTable};
use crate::issue::Issue;
use crate::sales::{read_file, SalesFile};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

mod wire;

pub use wire::ReportDecoder;

/// What the reader needs to know besides the bytes, per kind of file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Read {
    /// A report (round 2 or round 1): the preset's district names recognise
    /// one-district files.
    /// (Shared: a batch of hundreds of files sends the same list with each.)
    Report { round1: bool, districts: Arc<[String]> },
    /// Sales: the evaluation year (B.E.) places month names typed without a year.
    Sales { default_year: i32 },
    /// The letter's target tables.
    Targets,
    /// The file sent back with its problems (`issues`, the file's own) marked,
    /// its words in `lang` (see `export::returned`).
    Returned { issues: Vec<Issue>, lang: Lang },
    /// Every file of `files` sent back, in one zip (the request's files come in
    /// the same order).
    ReturnAll { files: Vec<ToReturn>, lang: Lang },
    /// The results link a results workbook of this page holds (to compare with).
    Link,
}

/// A file to send back, in [`Read::ReturnAll`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToReturn {
    pub name: String,
    pub issues: Vec<Issue>,
}

/// One file to read (its bytes travel beside the request: the page hands the
/// worker the `File`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// Chosen by the client; the reply must carry it back.
    pub id: u32,
    pub name: String,
    pub read: Read,
}

impl Request {
    /// The request for a file of `kind`, with what that kind needs.
    pub fn new(id: u32, kind: FileKind, name: &str, districts: impl Into<Arc<[String]>>, default_year: i32) -> Request {
        let districts = districts.into();
        let read = match kind {
            FileKind::Report => Read::Report { round1: false, districts },
            FileKind::Round1 => Read::Report { round1: true, districts },
            FileKind::Sales => Read::Sales { default_year },
            FileKind::Targets => Read::Targets,
        };
        Request { id, name: name.to_string(), read }
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

    /// Whether the answer is a file to send back (bytes to download).
    pub fn sends_back(&self) -> bool {
        matches!(self.read, Read::Returned { .. } | Read::ReturnAll { .. })
    }

    /// The kind of file asked for (a report's, for its cells).
    pub fn kind(&self) -> FileKind {
        match self.read {
            Read::Report { round1: false, .. } | Read::Returned { .. } | Read::ReturnAll { .. } | Read::Link => {
                FileKind::Report
            }
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
    pub file: ImportedFile,
    pub products: Vec<crate::import::product::Product>,
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
    Report(ReportRead),
    Sales(SalesFile),
    /// The tables, or the one issue saying why the file could not be read.
    Targets(Result<Vec<TargetTable>, Issue>),
    /// The file (an `.xlsx`, or the zip of [`Read::ReturnAll`]) to send back,
    /// or the one issue saying why it could not be made.
    Returned(Result<Vec<u8>, Issue>),
    /// The results link of a results workbook (none: not one of this page's).
    Link(Option<String>),
}

/// The answer to a [`Request`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub id: u32,
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
            _ if request.sends_back() => Outcome::Returned(Err(issue)),
            _ if request.read == Read::Link => Outcome::Link(None),
            FileKind::Report | FileKind::Round1 => Outcome::Report(ReportRead { file, products: Vec::new() }),
            FileKind::Sales => Outcome::Sales(SalesFile { file, entries: Vec::new() }),
            FileKind::Targets => Outcome::Targets(Err(issue)),
        };
        Reply { id: request.id, outcome }
    }

    /// The reply in a compact binary form, to travel in a transferred buffer: a
    /// report's products in their wire form (see `wire.rs`), which the page
    /// decodes a slice at a time; any other reply as bincode.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let written = match &self.outcome {
            Outcome::Report(report) => {
                out.push(REPORT);
                out.extend_from_slice(&self.id.to_le_bytes());
                wire::encode(report, &mut out)
            }
            // In one pass (`bincode::serialize` sizes the reply in a first pass of its own).
            _ => {
                out.push(OTHER);
                bincode::serialize_into(&mut out, self).map_err(|e| e.to_string())
            }
        };
        written.map(|()| out).unwrap_or_default()
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
            Some((&OTHER, rest)) => bincode::deserialize(rest).map(Decoding::Done).map_err(|e| e.to_string()),
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
    Report { id: u32, products: ReportDecoder<'a> },
}

/// How long the client waits for a worker to start, in seconds.
pub const START_BOUND_SECONDS: u32 = 20;

/// How long the client waits for the answer about a file of `bytes` bytes, in
/// seconds: a minute, and ten seconds more per megabyte (a 200k-row report of
/// about 20 MB reads in under ten seconds).
///
/// ```
/// # use otop_kpi::read_file::answer_bound_seconds;
/// assert_eq!(answer_bound_seconds(0.0), 60);
/// assert_eq!(answer_bound_seconds(20.0 * 1_048_576.0), 260);
/// ```
pub fn answer_bound_seconds(bytes: f64) -> u32 {
    let mb = (bytes.max(0.0) / 1_048_576.0).ceil();
    (60.0 + 10.0 * mb).min(3600.0) as u32
}

/// Small report files of each format the page reads most: the
/// `basic-report` fixtures (made by `tests/fixtures/make_fixtures.py`).
const WARM_UP: [(&str, &[u8]); 4] = [
    ("warm-up.xlsx", include_bytes!("../../tests/fixtures/files/basic-report.xlsx")),
    ("warm-up.xls", include_bytes!("../../tests/fixtures/files/basic-report.xls")),
    ("warm-up.ods", include_bytes!("../../tests/fixtures/files/basic-report.ods")),
    ("warm-up.csv", "ที่,ชื่อผลิตภัณฑ์,Facebook,อำเภอ\n1,ข้าว,fb.com/x,เมือง\n".as_bytes()),
];

/// Reads a small report of each format once and throws the answers away. The
/// worker does this when it starts, before it says it is ready: the browser
/// compiles a wasm function the first time it runs, and the first file read by
/// a fresh worker took about 95 ms longer than the next ones (measured, the
/// nine district files of a province: drop → scores 207 ms without, 124 ms with).
/// Returns how many of the samples' products were read (each sample has some,
/// so the readers' real work ran, not an error path).
///
/// ```
/// let read = otop_kpi::read_file::warm_up();
/// assert_eq!(read.len(), 4);
/// assert!(read.iter().all(|products| *products > 0), "{read:?}");
/// ```
pub fn warm_up() -> Vec<usize> {
    let mut read = Vec::new();
    for (i, (name, bytes)) in WARM_UP.iter().enumerate() {
        let request = Request::new(i as u32, FileKind::Report, name, vec!["เมืองสระแก้ว".into()], 2564);
        let reply = run(&request, bytes);
        let _ = reply.encode();
        read.push(match reply.outcome {
            Outcome::Report(r) => r.products.len(),
            _ => 0,
        });
    }
    read
}

/// Answers a request about several files (their bytes in the request's order):
/// [`Read::ReturnAll`]; any other request is about the first.
pub fn run_files(request: &Request, files: &[Vec<u8>]) -> Reply {
    match &request.read {
        Read::ReturnAll { files: wanted, lang } => {
            let each: Vec<(&str, &[u8], Vec<&Issue>)> = wanted
                .iter()
                .zip(files)
                .map(|(w, bytes)| (w.name.as_str(), bytes.as_slice(), w.issues.iter().collect()))
                .collect();
            let zip = returned_zip(&each, *lang).map_err(|why| FileError::Damaged(why).issue(&request.name));
            Reply { id: request.id, outcome: Outcome::Returned(zip) }
        }
        _ => run(request, files.first().map(Vec::as_slice).unwrap_or_default()),
    }
}

/// Reads one file.
pub fn run(request: &Request, bytes: &[u8]) -> Reply {
    let name = request.name.as_str();
    let outcome = match &request.read {
        Read::Report { round1, districts } => {
            let kind = if *round1 { FileKind::Round1 } else { FileKind::Report };
            let mut file = import_report(name, bytes, kind, districts);
            let products = std::mem::take(&mut file.products);
            let products = std::sync::Arc::try_unwrap(products).unwrap_or_else(|shared| (*shared).clone());
            Outcome::Report(ReportRead { file, products })
        }
        Read::Sales { default_year } => Outcome::Sales(read_file(name, bytes, *default_year)),
        Read::Targets => Outcome::Targets(read_tables(name, bytes).map_err(|e| e.issue(name))),
        Read::Returned { issues, lang } => {
            let issues: Vec<&Issue> = issues.iter().collect();
            Outcome::Returned(returned_file(name, bytes, &issues, *lang).map_err(|e| e.issue(name)))
        }
        Read::ReturnAll { .. } => return run_files(request, &[bytes.to_vec()]),
        Read::Link => {
            Outcome::Link(crate::import::reader::read(name, bytes).ok().and_then(|b| crate::share::link_in(&b)))
        }
    };
    Reply { id: request.id, outcome }
}
