//! How long a file sent back takes, natively (issue 23): the file read, then
//! sent back with one problem on its first sheet's column J repeated on every
//! row from 7 (as a district misspelt on every row is), each filled and the
//! first hundred noted. `cargo run --release --example returned_time -- FILE`
//! (see BENCHMARKS.md).
use otop_import::reader;
use otop_model::display::Lang;
use otop_model::issue::{Code, Issue};
use otop_returned::returned_file;
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: returned_time FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let t = Instant::now();
    let book = reader::read(&path, &bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    println!("read: {:?}", t.elapsed());
    let Some(sheet) = book.sheets.first() else { return };
    let rows = sheet.first_row + sheet.rows.len() as u32;
    let mut issue =
        Issue::new(Code::ReportFlagUnclear, "ไม่ชัด", "unclear").at(Some(&sheet.name), Some(7), Some("J (x)"));
    issue.also_rows = (8..=rows).collect();
    let t = Instant::now();
    let back = returned_file(&path, &bytes, &[&issue], Lang::Th).unwrap_or_else(|e| panic!("{path}: {e}"));
    println!(
        "sent back ({} cells marked): {:?}, {} bytes (the file: {})",
        rows - 6,
        t.elapsed(),
        back.len(),
        bytes.len()
    );
}
