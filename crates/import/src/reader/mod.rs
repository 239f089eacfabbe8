//! The readers: a file's bytes into the [`Workbook`] cell model, whatever its
//! format — [`xlsx_stream`] (`.xlsx`, `.xlsm`: a streaming reader made for this
//! job) with [`xlsx`] (calamine's reader: the oracle, and for what the streaming
//! one leaves), [`range`] (`.xls`, `.xlsb`, `.ods`, `.fods`, through calamine's ranges),
//! [`html`] and [`spreadsheet_xml`] (what web systems save as "Excel"), [`csv`]
//! (delimited text, UTF-16 included). Always from bytes, never from a
//! path, so the page and the command share them. Every file passes the
//! [`guard`](super::guard)s first.

pub mod csv;
pub mod html;
pub mod range;
pub mod spreadsheet_xml;
pub mod xlsx;
pub mod xlsx_stream;
mod xml;

use super::detect::{detect, extension, zip_has, Format};
use super::formats::elsewhere;
use super::guard::{check_cfb_chains, check_size, check_zip_parts};
use otop_model::imported::cell::Sheet;
use otop_model::imported::error::{FileError, Foreign, SheetError};
use otop_model::imported::part::Part;

/// A file read into sheets.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Workbook {
    /// The sheets, in the file's order.
    pub sheets: Vec<Sheet>,
    /// Sheets that could not be read (the rest of the file still counts).
    pub unreadable: Vec<SheetError>,
}

/// Reads a file's bytes; `name` decides CSV and the order formats are tried in.
///
/// A reader that panics on a malformed file (calamine's CFB reader does on some
/// cut-short `.xls` files, found by fuzzing) is caught where unwinding works (the
/// native command); in the page, files are read in a Web Worker, so such a panic
/// ends the worker, not the page.
pub fn read(name: &str, bytes: &[u8]) -> Result<Workbook, FileError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_unguarded(name, bytes)))
        .unwrap_or_else(|_| Err(FileError::Damaged("the reader stopped on this file".into())))
}

fn read_unguarded(name: &str, bytes: &[u8]) -> Result<Workbook, FileError> {
    check_size(bytes)?;
    match detect(name, bytes)? {
        Format::Text => csv::read(name, bytes),
        Format::Html => elsewhere(|| html::read(name, bytes)),
        Format::SpreadsheetXml => spreadsheet_xml::read(bytes),
        Format::Encrypted => {
            check_cfb_chains(bytes)?;
            Err(FileError::Password)
        }
        Format::Compound => {
            check_cfb_chains(bytes)?;
            elsewhere(|| match range::read_xls(bytes) {
                // An Excel 5.0/95 workbook (a "Book" stream, no "Workbook") the reader cannot read.
                Err(FileError::Damaged(_)) if is_excel95(bytes) => Err(FileError::Foreign(Foreign::OldExcel)),
                other => other,
            })
        }
        Format::Ods => {
            check_zip_parts(bytes)?;
            elsewhere(|| range::read_ods(bytes))
        }
        Format::FlatOds => elsewhere(|| range::read_flat_ods(bytes)),
        Format::Zip => {
            check_zip_parts(bytes)?;
            // The streaming reader first; calamine for what it leaves.
            xlsx_stream::read(bytes).map(Ok).unwrap_or_else(|| {
                elsewhere(|| match xlsx::read(bytes) {
                    Err(FileError::Damaged(_)) if extension(name) == "xlsb" || zip_has(bytes, "xl/workbook.bin") => {
                        range::read_xlsb(bytes)
                    }
                    other => other,
                })
            })
        }
    }
}

/// Where a part's share of the split sheet is (see [`read_part`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// The split sheet, among the part's sheets.
    pub sheet: usize,
    /// The share's first row (index into the sheet's rows; `0` for part 0):
    /// its products start on the first row from here on that starts one.
    pub from: usize,
    /// The next share's first row (`None`: the last share).
    pub to: Option<usize>,
    /// How many rows from `to` on the part read too (to find where the next
    /// share's first product starts).
    pub window: usize,
}

/// A part found that its file's split cannot be made (the page reads it again whole).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotSplit;

/// A part of a file, as read.
#[derive(Debug)]
pub enum Parted {
    /// Read whole: asked whole, or part 0 of a file that cannot be split.
    Whole(Result<Workbook, FileError>),
    /// Another part of a file that cannot be split: part 0 reads it all.
    Nothing,
    /// The workbook as this part reads it: every sheet (part 0) or only the
    /// split one (the others), the split sheet with its first
    /// [`HEAD_ROWS`](xlsx_stream::HEAD_ROWS) rows and this part's share.
    Share(Workbook, Split),
    /// This part found the split cannot be made.
    NotSplit,
}

/// Reads `part` of a file: an `.xlsx` whose rows can be split (see
/// [`xlsx_stream::read_part`]) in shares of its biggest sheet, any other file
/// whole by part 0 and not at all by the others.
pub fn read_part(name: &str, bytes: &[u8], part: Part) -> Parted {
    let whole = || match part.index {
        0 => Parted::Whole(read(name, bytes)),
        _ => Parted::Nothing,
    };
    if part.is_whole() {
        return whole();
    }
    let zip =
        check_size(bytes).is_ok() && matches!(detect(name, bytes), Ok(Format::Zip)) && check_zip_parts(bytes).is_ok();
    let split = zip.then(|| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| xlsx_stream::read_part(bytes, part))).ok().flatten()
    });
    match split.flatten() {
        Some(Ok((workbook, split))) => Parted::Share(workbook, split),
        Some(Err(NotSplit)) => Parted::NotSplit,
        None => whole(),
    }
}

/// Whether a compound file holds an Excel 5.0/95 "Book" stream and no "Workbook".
fn is_excel95(bytes: &[u8]) -> bool {
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect() };
    let (book, workbook) = (utf16("Book\0"), utf16("Workbook"));
    bytes.windows(book.len()).any(|w| w == book.as_slice())
        && !bytes.windows(workbook.len()).any(|w| w == workbook.as_slice())
}

/// The sheets calamine lists, by name, and whether each is hidden.
fn sheet_list(metas: &[calamine::Sheet]) -> Vec<(String, bool)> {
    metas.iter().map(|s| (s.name.clone(), !matches!(s.visible, calamine::SheetVisible::Visible))).collect()
}

/// The workbook read, or — when no sheet could be read at all — a damaged file.
fn finish(sheets: Vec<Sheet>, unreadable: Vec<SheetError>) -> Result<Workbook, FileError> {
    if sheets.is_empty() && unreadable.iter().any(|e| matches!(e, SheetError::Unreadable { .. })) {
        let detail = unreadable.iter().map(SheetError::to_string).collect::<Vec<_>>().join("; ");
        return Err(FileError::Damaged(detail));
    }
    Ok(Workbook { sheets, unreadable })
}
