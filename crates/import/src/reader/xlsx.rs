//! `.xlsx`/`.xlsm` through calamine's cell reader, streamed straight into rows.

use super::Workbook;
use super::{finish, sheet_list};
use calamine::{Reader, Xlsx};
use otop_model::imported::cell::{Sheet, Value};
use otop_model::imported::cell::{MAX_CELLS, MAX_ROWS};
use otop_model::imported::error::{FileError, SheetError};
use std::io::Cursor;

/// `.xlsx`/`.xlsm`: cells streamed from the sheet XML straight into rows, without
/// building calamine's whole range first (half the time and memory on big files),
/// and with the row and cell limits checked as cells arrive.
pub fn read(bytes: &[u8]) -> Result<Workbook, FileError> {
    let mut wb: Xlsx<_> = match Xlsx::new(Cursor::new(bytes.to_vec())) {
        Ok(wb) => wb,
        Err(calamine::XlsxError::Password) => return Err(FileError::Password),
        Err(e) => return Err(FileError::Damaged(e.to_string())),
    };
    let metas = sheet_list(wb.sheets_metadata());
    let mut sheets = Vec::new();
    let mut unreadable = Vec::new();
    for (name, hidden) in metas {
        let mut reader = match wb.worksheet_cells_reader(&name) {
            Ok(r) => r,
            Err(e) => {
                unreadable.push(SheetError::Unreadable { sheet: name.clone(), why: e.to_string() });
                continue;
            }
        };
        let mut rows: Vec<Vec<Value>> = Vec::new();
        let mut slots = 0usize;
        let mut failed = None;
        loop {
            match reader.next_cell() {
                Ok(Some(cell)) => {
                    let (r, c) = cell.get_position();
                    let (r, c) = (r as usize, c as usize);
                    if r >= MAX_ROWS || slots > MAX_CELLS || c >= 16_384 {
                        failed = Some(SheetError::TooLarge {
                            sheet: name.clone(),
                            rows: r.max(rows.len()) + 1,
                            cols: c + 1,
                        });
                        break;
                    }
                    if rows.len() <= r {
                        rows.resize_with(r + 1, Vec::new);
                    }
                    let Some(row) = rows.get_mut(r) else { break };
                    if row.len() <= c {
                        slots += c + 1 - row.len();
                        row.resize(c + 1, Value::Empty);
                    }
                    if let Some(slot) = row.get_mut(c) {
                        *slot = value_of(cell.get_value().clone());
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    failed = Some(SheetError::Unreadable { sheet: name.clone(), why: e.to_string() });
                    break;
                }
            }
        }
        match failed {
            Some(error) => unreadable.push(error),
            None => sheets.push(Sheet { name, hidden, first_row: 0, first_col: 0, rows }),
        }
    }
    finish(sheets, unreadable)
}

/// A calamine cell as the engine's [`Value`].
fn value_of(d: calamine::DataRef<'_>) -> Value {
    {
        use calamine::DataRef;
        match d {
            DataRef::Empty => Value::Empty,
            DataRef::SharedString(s) => Value::Text(s.into()),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Value::Text(s.into()),
            DataRef::Int(i) => Value::Int(i),
            DataRef::Float(f) => Value::Float(f),
            DataRef::Bool(b) => Value::Bool(b),
            DataRef::DateTime(dt) => Value::Date(dt.as_f64()),
            DataRef::Error(e) => Value::Error(e.to_string()),
        }
    }
}
