//! The command's files, read and written by the worker's own functions
//! (`otop_worker::run`, a [`Request`] per file) — the very path the page's
//! files take, so the two cannot drift apart. Only opening and saving files on
//! disk is the command's.

use otop_engine::sales::SalesFile;
use otop_model::display::Lang;
use otop_model::imported::error::FileError;
use otop_model::imported::file::{FileKind, ImportedFile};
use otop_model::imported::target_table::TargetTable;
use otop_model::issue::Issue;
use otop_model::preset::Preset;
use otop_protocol::{Outcome, Request, RunData, Write};
use std::sync::Arc;

/// A path's file name, as issues name the file.
pub(super) fn file_name(path: &str) -> String {
    std::path::Path::new(path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.into())
}

/// The worker's answer to `request` about the file at `path`, or the one issue
/// saying why the file cannot be opened (boxed: an issue is large beside an answer).
fn ask(path: &str, request: &Request) -> Result<Outcome, Box<Issue>> {
    let bytes = std::fs::read(path).map_err(|e| Box::new(FileError::Unopenable(e.to_string()).issue(&request.name)))?;
    Ok(otop_worker::run(request, &bytes).outcome)
}

/// The issue for an answer of the wrong kind (the worker answers each kind of
/// request with its own kind of outcome: this is a bug, said as one).
fn wrong_answer(name: &str) -> Issue {
    FileError::Damaged("the worker answered another kind of request".into()).issue(name)
}

/// A report (or round-1) file as the worker reads it for the page; a file that
/// cannot be opened is that file's one error (the others still count).
pub(super) fn report(path: &str, kind: FileKind, districts: &Arc<[String]>) -> ImportedFile {
    let name = file_name(path);
    let request = Request::new(0, kind, &name, Arc::clone(districts), 0);
    match ask(path, &request) {
        Ok(Outcome::Report(read)) => read.into_file(),
        Ok(_) => unread(&name, Some(kind), wrong_answer(&name)),
        Err(issue) => unread(&name, None, *issue),
    }
}

fn unread(name: &str, kind: Option<FileKind>, issue: Issue) -> ImportedFile {
    let mut f = ImportedFile::new(name, kind);
    f.issues.push(issue);
    f
}

/// A sales file as the worker reads it, its months without a year placed in
/// `default_year` (B.E.); one that cannot be opened has its one error and no entries.
pub(super) fn sales(path: &str, default_year: i32) -> SalesFile {
    let name = file_name(path);
    let request = Request::new(0, FileKind::Sales, &name, Vec::new(), default_year);
    match ask(path, &request) {
        Ok(Outcome::Sales(read)) => read,
        Ok(_) => SalesFile { file: unread(&name, Some(FileKind::Sales), wrong_answer(&name)), entries: Vec::new() },
        Err(issue) => SalesFile { file: unread(&name, Some(FileKind::Sales), *issue), entries: Vec::new() },
    }
}

/// The target tables of a file, or why it has none.
pub(super) fn targets(path: &str) -> Result<Vec<TargetTable>, String> {
    let name = file_name(path);
    let request = Request::new(0, FileKind::Targets, &name, Vec::new(), 0);
    match ask(path, &request) {
        Ok(Outcome::Targets(Ok(t))) if !t.is_empty() => Ok(t),
        Ok(Outcome::Targets(Ok(_))) => Err(format!("{path}: no target table found")),
        Ok(Outcome::Targets(Err(issue))) => Err(format!("{path}: {}", issue.message_en)),
        Err(issue) => Err(format!("{path}: {}", issue.message_en)),
        Ok(_) => Err(format!("{path}: {}", wrong_answer(&name).message_en)),
    }
}

/// The file at `path` sent back with `issues` marked, as the page's
/// "ส่งคืนแก้ไข" makes it.
pub(super) fn returned(path: &str, issues: Vec<Issue>, lang: Lang) -> Result<Vec<u8>, String> {
    let name = file_name(path);
    made(ask(path, &Request::returned(0, &name, issues, lang)), path)
}

/// The blank report form of `preset`, as the page's "แบบฟอร์มเปล่า" makes it.
pub(super) fn template(preset: &Preset) -> Result<Vec<u8>, String> {
    let run = RunData { preset: preset.clone(), analysis: None, nation: None };
    let request = Request::write(0, "template.xlsx", Write::Template, Lang::Th);
    made(Ok(otop_worker::run(&request, &run.encode()).outcome), "template.xlsx")
}

fn made(answer: Result<Outcome, Box<Issue>>, what: &str) -> Result<Vec<u8>, String> {
    match answer {
        Ok(Outcome::Made(Ok(bytes))) => Ok(bytes),
        Ok(Outcome::Made(Err(issue))) => Err(format!("{what}: {}", issue.message_en)),
        Err(issue) => Err(format!("{what}: {}", issue.message_en)),
        Ok(_) => Err(format!("{what}: the worker answered another kind of request")),
    }
}
