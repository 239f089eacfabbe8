//! The workers' work: answering a [`Request`] — reading a dropped file's bytes
//! ([`read`]: the reading worker, `otop-kpi-worker`), or sending files back
//! marked, writing a file of a run (the results workbook, a CSV table, the
//! blank form, the preset's JSON) and reading a preset ([`write`]: the writing
//! worker, `otop-kpi-writer`, which the page fetches only when first needed) —
//! as the page's Web Workers and the native command ([`run`]: either) do.
//! Each binary calls one of the two, so it holds only its own side's code.

use otop_export::{csv, form, results};
use otop_import::report::import_report_part;
use otop_import::sales::read_file;
use otop_import::targets::read_tables;
use otop_model::display::Lang;
use otop_model::imported::error::FileError;
use otop_model::imported::file::FileKind;
use otop_model::issue::{Code, Issue};
use otop_protocol::{CsvTable, Outcome, Read, Reply, ReportRead, Request, RunData, Write};
use otop_returned::{returned_file, returned_zip};

#[cfg(target_arch = "wasm32")]
pub mod pipeline;
#[cfg(target_arch = "wasm32")]
pub mod warming;

/// Small report files of the formats the first reading workers read (the
/// `basic-report` fixture, made by `tests/fixtures/make_fixtures.py`, and a CSV).
pub const COMMON_SAMPLES: &[(&str, &[u8])] = &[
    ("warm-up.xlsx", include_bytes!("../../../tests/fixtures/files/basic-report.xlsx")),
    ("warm-up.csv", "ที่,ชื่อผลิตภัณฑ์,Facebook,อำเภอ\n1,ข้าว,fb.com/x,เมือง\n".as_bytes()),
];

/// Small report files of the other formats the page gets most, for the
/// reader of every format (which the page gives only those): the
/// `basic-report` fixtures. Its wasm alone holds their bytes.
pub const OTHER_SAMPLES: &[(&str, &[u8])] = &[
    ("warm-up.xls", include_bytes!("../../../tests/fixtures/files/basic-report.xls")),
    ("warm-up.ods", include_bytes!("../../../tests/fixtures/files/basic-report.ods")),
];

/// Reads each of the small reports `samples` once and throws the answers away. The
/// worker does this when it starts, before it says it is ready: the browser
/// compiles a wasm function the first time it runs, and the first file read by
/// a fresh worker took about 95 ms longer than the next ones (measured, the
/// nine district files of a province: drop → scores 207 ms without, 124 ms with).
/// Returns how many of the samples' products were read (each sample has some,
/// so the readers' real work ran, not an error path).
///
/// ```
/// let read = otop_worker::warm_up(otop_worker::COMMON_SAMPLES);
/// assert_eq!(read.len(), 2);
/// assert!(read.iter().all(|products| *products > 0), "{read:?}");
/// // This build (the crate's default features) reads every format.
/// assert!(otop_worker::warm_up(otop_worker::OTHER_SAMPLES).iter().all(|products| *products > 0));
/// ```
pub fn warm_up(samples: &[(&str, &[u8])]) -> Vec<usize> {
    let mut counts = Vec::new();
    for (i, (name, bytes)) in samples.iter().enumerate() {
        let request = Request::new(i as u32, FileKind::Report, name, vec!["เมืองสระแก้ว".into()], 2564);
        let reply = read(&request, bytes);
        let _ = reply.encode();
        counts.push(match reply.outcome {
            Outcome::Report(r) => r.products.len(),
            _ => 0,
        });
    }
    counts
}

/// Answers a request about one file, as whichever worker answers it ([`read`]
/// or [`write`], as [`Request::writes`] says): the native command's and the
/// tests' way in. (The several files of [`Read::ReturnAll`] go to [`write`].)
pub fn run(request: &Request, bytes: &[u8]) -> Reply {
    if request.writes() {
        write(request, &[bytes])
    } else {
        read(request, bytes)
    }
}

/// The writing worker's work: files sent back, files written from a run, a
/// preset read from JSON. A request of the reading worker's is refused.
pub fn write(request: &Request, files: &[&[u8]]) -> Reply {
    let name = request.name.as_str();
    let bytes = files.first().copied().unwrap_or_default();
    let outcome = match &request.read {
        Read::ReturnAll { files: wanted, lang } => {
            let each: Vec<(&str, &[u8], Vec<&Issue>)> = wanted
                .iter()
                .zip(files)
                .map(|(w, bytes)| (w.name.as_str(), *bytes, w.issues.iter().collect()))
                .collect();
            Outcome::Made(returned_zip(&each, *lang).map_err(|why| FileError::Damaged(why).issue(name)))
        }
        Read::Returned { issues, lang } => {
            let issues: Vec<&Issue> = issues.iter().collect();
            Outcome::Made(returned_file(name, bytes, &issues, *lang).map_err(|e| e.issue(name)))
        }
        Read::Write { what, lang } => {
            Outcome::Made(write_run(bytes, *what, *lang).map_err(|why| FileError::Damaged(why).issue(name)))
        }
        Read::Preset => {
            let (preset, issues) = otop_model::preset::Preset::from_json(&String::from_utf8_lossy(bytes));
            Outcome::Preset(preset, issues.into_iter().map(|i| i.in_file(name)).collect())
        }
        _ => return Reply::failed_with(request, wrong_worker(request, "reading")),
    };
    Reply { id: request.id, outcome }
}

/// The reading worker's work: a report, a sales file, target tables, the link
/// a results workbook holds. A request of the writing worker's is refused.
/// Built without `all-formats` (the page's first reading worker), a file that
/// needs a reader it does not hold is [`Outcome::OtherReader`].
///
/// ```
/// # use otop_protocol::{Outcome, Request};
/// # use otop_model::imported::file::FileKind;
/// let xls = include_bytes!("../../../tests/fixtures/files/basic-report.xls");
/// let request = Request::new(1, FileKind::Report, "r.xls", vec!["เมืองสระแก้ว".into()], 2564);
/// let reply = otop_worker::read(&request, xls);
/// // This build (the crate's default features) reads every format.
/// assert!(matches!(reply.outcome, Outcome::Report(r) if !r.products.is_empty()));
/// ```
pub fn read(request: &Request, bytes: &[u8]) -> Reply {
    let name = request.name.as_str();
    let other = |issues: &[Issue]| issues.iter().any(|i| i.code == Code::FileOtherReader);
    let outcome = match &request.read {
        Read::Report { round1, districts, part } => {
            let kind = if *round1 { FileKind::Round1 } else { FileKind::Report };
            let read = import_report_part(name, bytes, kind, districts, *part);
            Outcome::Report(ReportRead { file: read.file, products: read.products, portion: read.portion })
        }
        Read::Sales { default_year } => Outcome::Sales(read_file(name, bytes, *default_year)),
        Read::Targets => Outcome::Targets(read_tables(name, bytes).map_err(|e| e.issue(name))),
        Read::Link => match otop_import::reader::read(name, bytes) {
            Err(FileError::OtherReader) => Outcome::OtherReader,
            read => Outcome::Link(read.ok().and_then(|b| otop_engine::share::link_in(&b.sheets))),
        },
        _ => return Reply::failed_with(request, wrong_worker(request, "writing")),
    };
    let outcome = match &outcome {
        Outcome::Report(r) if other(&r.file.issues) => Outcome::OtherReader,
        Outcome::Sales(s) if other(&s.file.issues) => Outcome::OtherReader,
        Outcome::Targets(Err(issue)) if other(std::slice::from_ref(issue)) => Outcome::OtherReader,
        _ => outcome,
    };
    Reply { id: request.id, outcome }
}

/// The issue of a request sent to the wrong worker (a bug of the page's, said plainly).
fn wrong_worker(request: &Request, which: &str) -> Issue {
    FileError::Damaged(format!("this request is the {which} worker's")).issue(&request.name)
}

/// Writes a file of the run `data` ([`RunData::encode`]'s bytes), or says why not.
fn write_run(data: &[u8], what: Write, lang: Lang) -> Result<Vec<u8>, String> {
    let run = RunData::decode(data).map_err(|e| format!("not a run: {e}"))?;
    let analysis = || run.analysis.as_ref().ok_or("the run has no analysis");
    match what {
        Write::Results => {
            results::results_workbook_of(&run.preset, analysis()?, run.nation.as_ref(), lang).map_err(|e| e.to_string())
        }
        Write::Template => form::template_workbook(&run.preset).map_err(|e| e.to_string()),
        Write::Preset => Ok(run.preset.to_json().into_bytes()),
        Write::Csv(table) => {
            let a = analysis()?;
            let text = match table {
                CsvTable::Kpi1 => csv::kpi1_csv(a),
                CsvTable::Kpi2 => csv::kpi2_csv(a),
                CsvTable::Readiness => csv::readiness_csv(a),
                CsvTable::Products => csv::products_csv(a),
                CsvTable::Issues => csv::issues_csv(a),
            };
            Ok(text.into_bytes())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XLSX: &[u8] = include_bytes!("../../../tests/fixtures/files/basic-report.xlsx");
    const XLS: &[u8] = include_bytes!("../../../tests/fixtures/files/basic-report.xls");
    const ODS: &[u8] = include_bytes!("../../../tests/fixtures/files/basic-report.ods");

    /// Every kind of reading request about `name`.
    fn requests(name: &str) -> Vec<Request> {
        let kinds = [FileKind::Report, FileKind::Round1, FileKind::Sales, FileKind::Targets];
        let mut all: Vec<Request> =
            kinds.iter().map(|k| Request::new(1, *k, name, vec!["เมือง".into()], 2564)).collect();
        all.push(Request { id: 1, name: name.into(), read: Read::Link });
        all
    }

    /// Without `all-formats` (`cargo test -p otop-worker --no-default-features`,
    /// as the page's first reading worker is built), every reading request
    /// about an `.xls` or `.ods` is the other reader's; an `.xlsx` never is.
    #[test]
    fn other_formats_are_the_other_readers_without_all_formats() {
        for (name, bytes, other) in [("r.xlsx", XLSX, false), ("r.xls", XLS, true), ("r.ods", ODS, true)] {
            for request in requests(name) {
                let elsewhere = matches!(read(&request, bytes).outcome, Outcome::OtherReader);
                let expected = other && !cfg!(feature = "all-formats");
                assert_eq!(elsewhere, expected, "{name}: {:?}", request.read);
            }
        }
    }
}
