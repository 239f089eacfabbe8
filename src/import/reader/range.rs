//! `.xls` (Excel 97–2003), `.xlsb` and `.ods` through calamine's readers, one
//! whole range per sheet.

use super::Workbook;
use super::{finish, sheet_list};
use crate::import::cell::{Interner, Sheet, Value};
use crate::import::cell::{MAX_CELLS, MAX_ROWS};
use crate::import::error::{FileError, SheetError};
use calamine::{Data, Ods, Reader, Xls, Xlsb};
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
