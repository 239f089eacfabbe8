//! Sales files read from bytes or disk (SPEC §4.3): each sheet with a district
//! column and sales figures, as [`sheet`] reads it; `otop_engine::sales` adds
//! them up per district.

mod sheet;

pub use sheet::{read_sheet, Layout, SalesSheet};

use crate::reader::read;
use otop_engine::sales::{SalesFile, SalesInput};
use otop_model::imported::error::FileError;
use otop_model::imported::file::{FileKind, ImportedFile};
use otop_model::imported::sales::Entry;
use otop_model::issue::Issue;
use otop_model::preset::Preset;
use std::collections::BTreeSet;

/// Reads one sales file: every sheet with a district column and sales figures.
/// `default_year` (B.E.) places month names typed without a year.
pub fn read_file(name: &str, bytes: &[u8], default_year: i32) -> SalesFile {
    let mut f = ImportedFile::new(name, Some(FileKind::Sales));
    let wb = match read(name, bytes) {
        Ok(wb) => wb,
        Err(e) => {
            f.issues.push(e.issue(name));
            return SalesFile { file: f, entries: Vec::new() };
        }
    };
    f.issues.extend(wb.unreadable.iter().map(|e| e.issue(name)));
    let mut entries: Vec<Entry> = Vec::new();
    for sheet in &wb.sheets {
        if sheet.hidden {
            f.skip(&sheet.name, None, "แผ่นงานซ่อนอยู่ — ไม่ได้ใช้", "hidden sheet, not used");
            continue;
        }
        let s = read_sheet(name, sheet, default_year);
        if s.layout.is_none() {
            f.skip(&sheet.name, None, "ไม่พบหัวตารางอำเภอและยอดจำหน่าย", "no district and sales header found");
            continue;
        }
        f.sheets_used.push(sheet.name.clone());
        f.issues.extend(s.issues);
        entries.extend(s.entries);
    }
    f.rows = entries.iter().map(|e| (e.sheet.clone(), e.row)).collect::<BTreeSet<_>>().len();
    if f.sheets_used.is_empty() {
        f.issues.push(Issue::sales_no_sales_sheet().in_file(name));
    }
    SalesFile { file: f, entries }
}

/// Reads sales files given as (name, bytes).
pub fn read_all(files: &[(String, Vec<u8>)], preset: &Preset) -> SalesInput {
    let read: Vec<SalesFile> =
        files.iter().map(|(name, bytes)| read_file(name, bytes, preset.window.end.year)).collect();
    SalesInput::aggregate(&read, preset)
}

/// Reads sales files from disk; a file that cannot be opened is an error issue.
pub fn from_paths(paths: &[String], preset: &Preset) -> SalesInput {
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    for p in paths {
        let name =
            std::path::Path::new(p).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| p.clone());
        match std::fs::read(p) {
            Ok(b) => files.push((name, b)),
            Err(e) => unreadable.push(FileError::Unopenable(e.to_string()).issue(&name)),
        }
    }
    let mut s = read_all(&files, preset);
    s.issues.extend(unreadable);
    s
}
