//! `.xls` (Excel 97–2003), `.xlsb`, `.ods` and `.fods` through calamine's readers,
//! one whole range per sheet.

use super::Workbook;
use super::{finish, sheet_list};
use calamine::{Data, Ods, Reader, Xls, Xlsb};
use otop_model::imported::cell::{Interner, Sheet, Value};
use otop_model::imported::cell::{MAX_CELLS, MAX_ROWS};
use otop_model::imported::error::{FileError, SheetError};
use std::io::Cursor;

/// Reads an `.xls` (a compound document that passed the guards).
pub fn read_xls(bytes: &[u8]) -> Result<Workbook, FileError> {
    open::<Xls<_>>(bytes, |e: &calamine::XlsError| matches!(e, calamine::XlsError::Password))
}

/// Reads an `.xlsb`.
pub fn read_xlsb(bytes: &[u8]) -> Result<Workbook, FileError> {
    open::<Xlsb<_>>(bytes, |e: &calamine::XlsbError| matches!(e, calamine::XlsbError::Password))
}

/// Reads an `.ods`.
pub fn read_ods(bytes: &[u8]) -> Result<Workbook, FileError> {
    open::<Ods<_>>(bytes, |e: &calamine::OdsError| matches!(e, calamine::OdsError::Password))
}

/// Reads a flat OpenDocument spreadsheet (`.fods`, as LibreOffice saves "Flat
/// XML ODF Spreadsheet"): its XML is an `.ods`'s `content.xml` with the styles
/// and settings beside, so it is packed as the one part of an `.ods` (stored,
/// not compressed) and read as one. Its line breaks and indentation between
/// tags go first: an `.ods`'s parts have none, and calamine expects none (ODF
/// ignores such whitespace; spaces inside a cell's text are kept).
pub fn read_flat_ods(bytes: &[u8]) -> Result<Workbook, FileError> {
    read_ods(&packed_as_ods(&without_indentation(bytes))?)
}

/// The XML without the whitespace-only text between a `>` and the next `<`.
fn without_indentation(xml: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = memchr::memchr(b'>', rest) {
        let (tag, after) = rest.split_at(at + 1);
        out.extend_from_slice(tag);
        let blank = after.iter().take_while(|b| b.is_ascii_whitespace()).count();
        rest = match after.get(blank) {
            Some(b'<') => after.get(blank..).unwrap_or_default(),
            _ => after,
        };
    }
    out.extend_from_slice(rest);
    out
}

/// `content` as the `content.xml` of an `.ods` package, beside its `mimetype`
/// and manifest: a zip of stored (not compressed) parts. Written here, not with
/// the zip crate's writer, which would bring every compressor into the worker
/// (measured: +416 KB raw, +160 KB gzipped) for three stored parts.
fn packed_as_ods(content: &[u8]) -> Result<Vec<u8>, FileError> {
    const MANIFEST: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#;
    let parts: [(&str, &[u8]); 3] = [
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", MANIFEST),
        ("content.xml", content),
    ];
    // (The size guard has kept the file far below 4 GB; zip64 is not needed.)
    let too_large = || FileError::Damaged("too large for an .ods package".into());
    let mut out = Vec::with_capacity(content.len() + 2048);
    let mut directory = Vec::new();
    for (name, data) in parts {
        let offset = u32::try_from(out.len()).map_err(|_| too_large())?;
        let size = u32::try_from(data.len()).map_err(|_| too_large())?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_large())?;
        let crc = crc32fast::hash(data);
        // Version 2.0, no flags, stored, no time or date, CRC, sizes, name length, no extra field.
        let fields = |out: &mut Vec<u8>| {
            for v in [20u16, 0, 0, 0, 0] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            for v in [crc, size, size] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            out.extend_from_slice(&name_len.to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
        };
        out.extend_from_slice(b"PK\x03\x04");
        fields(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        directory.extend_from_slice(b"PK\x01\x02");
        directory.extend_from_slice(&20u16.to_le_bytes()); // made by
        fields(&mut directory);
        // No comment, disk 0, no attributes, the local header's offset.
        for v in [0u16, 0, 0] {
            directory.extend_from_slice(&v.to_le_bytes());
        }
        directory.extend_from_slice(&0u32.to_le_bytes());
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }
    let at = u32::try_from(out.len()).map_err(|_| too_large())?;
    let directory_len = u32::try_from(directory.len()).map_err(|_| too_large())?;
    out.extend_from_slice(&directory);
    out.extend_from_slice(b"PK\x05\x06");
    for v in [0u16, 0, 3, 3] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for v in [directory_len, at] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&0u16.to_le_bytes());
    Ok(out)
}

fn open<R>(bytes: &[u8], is_password: impl Fn(&R::Error) -> bool) -> Result<Workbook, FileError>
where
    R: Reader<Cursor<Vec<u8>>>,
    R::Error: std::fmt::Display,
{
    let mut wb: R = match R::new(Cursor::new(bytes.to_vec())) {
        Ok(wb) => wb,
        Err(e) if is_password(&e) => return Err(FileError::Password),
        Err(e) => return Err(FileError::Damaged(e.to_string())),
    };
    let metas = sheet_list(wb.sheets_metadata());
    let mut sheets = Vec::new();
    let mut unreadable = Vec::new();
    let mut texts = Interner::default();
    for (name, hidden) in metas {
        match wb.worksheet_range(&name) {
            Ok(range) => {
                let (height, width) = range.get_size();
                if height > MAX_ROWS || height.saturating_mul(width) > MAX_CELLS {
                    unreadable.push(SheetError::TooLarge { sheet: name, rows: height, cols: width });
                    continue;
                }
                let (first_row, first_col) = range.start().unwrap_or((0, 0));
                let rows = range.rows().map(|r| r.iter().map(|d| value(d, &mut texts)).collect()).collect();
                sheets.push(Sheet { name, hidden, first_row, first_col, rows });
            }
            Err(e) if is_password(&e) => return Err(FileError::Password),
            Err(e) => unreadable.push(SheetError::Unreadable { why: e.to_string(), sheet: name }),
        }
    }
    finish(sheets, unreadable)
}

/// A calamine cell as a [`Value`], its text shared with the equal texts before it.
fn value(d: &Data, texts: &mut Interner) -> Value {
    match d {
        Data::Empty => Value::Empty,
        Data::String(s) => Value::Text(texts.text(s)),
        Data::Int(i) => Value::Int(*i),
        Data::Float(f) => Value::Float(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) => Value::Date(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Value::Text(texts.text(s)),
        Data::Error(e) => Value::Error(e.to_string()),
    }
}
