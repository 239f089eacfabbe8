//! Fuzzes the readers of what web systems save as "Excel" directly, without the
//! importer's panic guard (so a panic in them is a crash here): the first byte
//! picks the HTML, Excel 2003 XML or delimited-text reader, the rest is the file.
//! Whatever they return must sit within the cell model's limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use otop_model::imported::cell::{MAX_CELLS, MAX_ROWS};
use otop_import::reader::{csv, html, spreadsheet_xml, Workbook};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let read: Result<Workbook, _> = match pick % 3 {
        0 => html::read("fuzz.xls", bytes),
        1 => spreadsheet_xml::read(bytes),
        _ => csv::read("fuzz.txt", bytes),
    };
    if let Ok(book) = read {
        for sheet in &book.sheets {
            assert!(sheet.rows.len() <= MAX_ROWS);
            let cells: usize = sheet.rows.iter().map(Vec::len).sum();
            assert!(cells <= MAX_CELLS, "{cells} cells");
        }
    }
});
