//! Delimited text: CSV in UTF-8 (with or without BOM) or Windows-874 (TIS-620),
//! which Thai Excel writes, and Excel's "Unicode text" (UTF-16 with BOM, tab
//! separated); see [`charset`](crate::charset). The delimiter (`,` `;` or tab) is
//! taken from the first line.

use super::Workbook;
use crate::charset::decode;
use otop_model::imported::cell::{Interner, Sheet, Value};
use otop_model::imported::error::FileError;

fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    [(b',', count(',')), (b';', count(';')), (b'\t', count('\t'))]
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .filter(|&(_, n)| n > 0)
        .map(|(d, _)| d)
        .unwrap_or(b',')
}

/// Reads a CSV file as one sheet named after the file.
pub fn read(name: &str, bytes: &[u8]) -> Result<Workbook, FileError> {
    let text = decode(bytes)?;
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut texts = Interner::default();
    for record in reader.records() {
        match record {
            Ok(r) => rows
                .push(r.iter().map(|c| if c.is_empty() { Value::Empty } else { Value::Text(texts.text(c)) }).collect()),
            Err(e) => return Err(FileError::Damaged(e.to_string())),
        }
    }
    let sheet_name = otop_model::imported::file::base_name(name).to_string();
    Ok(Workbook {
        sheets: vec![Sheet { name: sheet_name, hidden: false, first_row: 0, first_col: 0, rows }],
        unreadable: Vec::new(),
    })
}
