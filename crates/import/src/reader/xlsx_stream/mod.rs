//! `.xlsx`/`.xlsm` read by a streaming reader made for this job: the workbook,
//! its relations, the number formats (to tell dates) and the shared strings are
//! read once; each sheet's XML is streamed from the zip part straight into rows,
//! with no intermediate cell objects.
//!
//! It gives exactly the cells calamine's reader ([`super::xlsx`]) gives — the
//! differential test in `tests/xlsx_stream.rs` holds it to that on every
//! fixture, the calamine corpus and generated files — and it gives up (`None`)
//! on anything it was not made for (a 1904 workbook, a chart sheet, an unknown
//! cell type or entity, a sheet over the limits, XML it cannot follow), so that
//! calamine reads those files and says what is wrong with them.

mod scan;
mod sheet;
mod tags;
mod text;
mod workbook;

use super::Workbook;
use otop_model::imported::cell::{Sheet, Value};
use std::io::{Cursor, Read};
use text::{scanned_strings, shared_strings, Strings};
use workbook::{date_styles, relations, workbook_sheets};
use zip::ZipArchive;

pub use text::unescape_excel;

type Zip<'a> = ZipArchive<Cursor<&'a [u8]>>;
use super::xml::Xml;

/// Reads the workbook, or `None` when calamine should.
pub fn read(bytes: &[u8]) -> Option<Workbook> {
    // A zip container from its first byte (a zip found behind other bytes, such
    // as an encrypted package's, is not a workbook to read).
    if !(bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")) {
        return None;
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
    // The package's own relations name the workbook part, as calamine reads them.
    let package = relations(&read_part(&mut zip, "_rels/.rels")?)?;
    let main = package.iter().find(|r| r.kind.ends_with("/officeDocument"))?;
    if main.target.trim_start_matches('/') != "xl/workbook.xml" {
        return None;
    }
    let rels = relations(&read_part(&mut zip, "xl/_rels/workbook.xml.rels")?)?;
    let sheets = workbook_sheets(&read_part(&mut zip, "xl/workbook.xml")?, &rels)?;
    let dates = match zip.index_for_name("xl/styles.xml") {
        Some(_) => date_styles(&read_part(&mut zip, "xl/styles.xml")?)?,
        None => Vec::new(),
    };
    let strings_path = rels.iter().find(|r| r.kind.ends_with("/sharedStrings")).map(|r| part_path(&r.target));
    let strings = match strings_path {
        Some(path) if zip.index_for_name(&path).is_some() => {
            let xml = part_bytes(&mut zip, &path)?;
            match scanned_strings(&xml) {
                Some(strings) => strings,
                None => shared_strings(xml_of(&xml))?,
            }
        }
        _ => Strings::default(),
    };
    let mut out = Vec::new();
    for s in sheets {
        let xml = part_bytes(&mut zip, &s.path)?;
        // The byte scanner first; the XML reader for a sheet it leaves.
        let rows = match scan::rows(&xml, &strings, &dates) {
            Some(rows) => rows,
            None => sheet::rows(xml_of(&xml), &strings, &dates)?,
        };
        out.push(Sheet { name: s.name, hidden: s.hidden, first_row: 0, first_col: 0, rows });
    }
    Some(Workbook { sheets: out, unreadable: Vec::new() })
}

/// A sheet's cells, row by row.
pub type Rows = Vec<Vec<Value>>;

/// A sheet's XML and a shared-strings part read both ways: by the byte scanner
/// and by the XML reader (shared strings then sheet; style 1 a date). For the
/// differential fuzz target `xlsx_sheet`: wherever the scanner reads a part,
/// it must read what the XML reader reads.
#[doc(hidden)]
pub fn both_ways(strings: &[u8], sheet: &[u8]) -> (Option<Rows>, Option<Rows>) {
    // No part: no shared strings, as in a workbook without one.
    let (scanned, parsed) = match strings.is_empty() {
        true => (Some(Strings::default()), Some(Strings::default())),
        false => (text::scanned_strings(strings), shared_strings(xml_of(strings))),
    };
    let dates = [false, true];
    let fast = scanned.as_ref().and_then(|s| scan::rows(sheet, s, &dates));
    let slow = parsed.as_ref().and_then(|s| sheet::rows(xml_of(sheet), s, &dates));
    let strings_agree = match (&scanned, &parsed) {
        (Some(a), Some(b)) => a.len() == b.len() && (0..a.len()).all(|i| a.get(i) == b.get(i)),
        (Some(_), None) => false,
        (None, _) => true,
    };
    match strings_agree {
        true => (fast, slow),
        false => (Some(Vec::new()), Some(vec![vec![Value::Text("the shared strings differ".into())]])),
    }
}

fn read_part(zip: &mut Zip<'_>, path: &str) -> Option<String> {
    let mut text = String::new();
    zip.by_name(path).ok()?.read_to_string(&mut text).ok()?;
    Some(text)
}

/// A part's bytes, inflated (parsed in place: no copy per event).
fn part_bytes(zip: &mut Zip<'_>, path: &str) -> Option<Vec<u8>> {
    let mut file = zip.by_name(path).ok()?;
    let mut bytes = Vec::with_capacity(usize::try_from(file.size()).ok()?.min(1 << 30));
    file.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

pub(super) fn xml_of(bytes: &[u8]) -> Xml<'_> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    configure(reader.config_mut());
    reader
}

/// The parser settings calamine's reader uses: empty elements read as a start
/// and an end, end names not checked, text as it is.
fn configure(config: &mut quick_xml::reader::Config) {
    config.expand_empty_elements = true;
    config.check_end_names = false;
    config.trim_text(false);
}

pub(super) fn str_reader(xml: &str) -> Xml<'_> {
    xml_of(xml.as_bytes())
}

/// A part path as the zip names it: targets are relative to `xl/` unless absolute.
pub(super) fn part_path(target: &str) -> String {
    match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("xl/{target}"),
    }
}
