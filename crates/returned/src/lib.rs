//! A report file to send back to its district (SPEC §5), its problems marked:
//! each problem cell filled (red for an error, amber for a warning) and
//! carrying a note that says what is wrong and how to fix it, and a first
//! sheet, "ปัญหาที่ต้องแก้", listing the problems with a link to each cell.
//!
//! - An `.xlsx` or `.xlsm` comes back as the package it came as, patched
//!   ([`package`]): every part the marks do not need stays byte for byte —
//!   merged cells, widths, formats, frozen panes, drop-down lists, formulas and
//!   their values, defined names, pictures, hidden sheets, sheet order.
//! - Any other format (`.xls`, `.xlsb`, `.ods`, HTML, SpreadsheetML, CSV) comes
//!   back as a new `.xlsx` ([`converted`]) with its cells, and its merged cells
//!   and column widths as far as they are known ([`layout`]); its first sheet
//!   says what it was converted from. So does a package that cannot be patched
//!   (the first sheet says why).
//!
//! Nothing added is a formula; the district's own formulas go back as they came.
//!
//! ```
//! use otop_model::display::Lang;
//! use otop_model::issue::{Code, Issue};
//! let csv = "ชื่อผลิตภัณฑ์,Facebook\nข้าว,ไม่แน่ใจ\n";
//! let issue = Issue::new(Code::ReportFlagUnclear, "ไม่ชัด", "unclear").at(Some("a"), Some(2), Some("B (x)"));
//! let back = otop_returned::returned_file("a.csv", csv.as_bytes(), &[&issue], Lang::Th).unwrap();
//! assert!(back.starts_with(b"PK"));
//! ```

mod bundle;
mod converted;
mod layout;
mod notes;
mod package;
mod parts;
mod problems;
mod sheet;
mod styles;
mod xml;

pub use bundle::{returned_name, returned_zip};
use otop_import::detect::{detect, zip_has, Format};
use otop_import::reader::{self, Workbook};
use otop_model::display::Lang;
use otop_model::imported::cell::{self, Sheet};
use otop_model::imported::error::FileError;
use otop_model::imported::header::Key;
use otop_model::issue::{Issue, Severity};
use otop_model::label::Label;
use package::SheetMarks;
use problems::{Problem, Words};

/// Where a problem sits: a sheet of the book, a 0-based row and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The sheet, an index into the book's sheets.
    pub sheet: usize,
    /// The row, 0-based.
    pub row: u32,
    /// The column, 0-based.
    pub col: u32,
}

/// The 0-based column an issue's column label names: a letter ("E (…)"), or a
/// form column's name ("อำเภอ", "ชื่อผลิตภัณฑ์", "ช่องทางตลาดออนไลน์") found in
/// the sheet's header; else the row's first column.
fn column_of(sheet: &Sheet, label: Option<&str>) -> u32 {
    let Some(label) = label else { return sheet.first_col };
    let letters: String = label.chars().take_while(char::is_ascii_uppercase).collect();
    let rest = &label[letters.len()..];
    if let (Some(col), true) = (cell::parse_column(letters.as_bytes()), rest.is_empty() || rest.starts_with(" (")) {
        return col;
    }
    let key = if label == "ช่องทางตลาดออนไลน์" {
        Some(Key::Facebook)
    } else {
        Key::of_header(label)
    };
    let found = otop_import::header::find(sheet).and_then(|h| match key {
        Some(Key::Facebook) => Key::CHANNELS.iter().find_map(|k| h.col(*k)),
        Some(k) => h.col(k),
        None => None,
    });
    found.unwrap_or(sheet.first_col)
}

/// Where `issue` sits in `book`, when it names a sheet of it and a row.
pub fn place_of(book: &Workbook, issue: &Issue) -> Option<Place> {
    let name = issue.sheet.as_deref()?;
    let sheet = book.sheets.iter().position(|s| s.name == name)?;
    let row = issue.row?.checked_sub(1)?;
    let col = column_of(book.sheets.get(sheet)?, issue.column.as_deref());
    Some(Place { sheet, row, col })
}

/// A sheet name Excel accepts, unique among `taken`.
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name.chars().map(|c| if "[]:*?/\\".contains(c) { '_' } else { c }).take(28).collect();
    let clean = if clean.trim().is_empty() { "Sheet".to_string() } else { clean };
    let mut out = clean.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&out)) {
        out = format!("{clean} ({n})");
        n += 1;
    }
    out
}

/// How many of a repeated issue's rows get a note besides its first (every one is filled).
const NOTES_PER_ISSUE: usize = 100;

/// What to mark and list for `issues` in `book`: the list's lines, in the
/// issues' order, and per sheet the cells to fill and their notes (a cell with
/// several problems gets one note with each, and red if any is an error).
fn marks(book: &Workbook, issues: &[&Issue], lang: Lang) -> (Vec<Problem>, Vec<SheetMarks>) {
    let mut sheets: Vec<SheetMarks> =
        book.sheets.iter().map(|s| SheetMarks { name: s.name.clone(), ..SheetMarks::default() }).collect();
    let mut list = Vec::with_capacity(issues.len());
    for issue in issues {
        let place = place_of(book, issue);
        let error = issue.severity == Severity::Error;
        let text = issue.message(lang);
        if let Some((p, m)) = place.and_then(|p| Some((p, sheets.get_mut(p.sheet)?))) {
            // Its own cell, and the same column on the other rows a repeated value is on
            // (a note on the first few of them; the rest only filled).
            let also = issue.also_rows.iter().filter_map(|r| r.checked_sub(1));
            for (k, row) in std::iter::once(p.row).chain(also).enumerate() {
                let at = (row, p.col);
                *m.cells.entry(at).or_insert(error) |= error;
                if k > NOTES_PER_ISSUE {
                    continue;
                }
                let note = m.notes.entry(at).or_default();
                if !note.is_empty() {
                    note.push_str("\n\n");
                }
                note.push_str(text);
            }
        }
        let sheet = place.and_then(|p| book.sheets.get(p.sheet)).map(|s| s.name.clone()).or(issue.sheet.clone());
        list.push(Problem { error, sheet, cell: place.map(|p| (p.row, p.col)), message: text.to_string() });
    }
    sheets.retain(|m| !m.cells.is_empty());
    (list, sheets)
}

/// What a file came as, for the line that says it was converted.
fn format_name(name: &str, format: Format) -> String {
    match format {
        Format::Zip | Format::Compound | Format::Ods | Format::FlatOds => {
            let ext = otop_import::detect::extension(name);
            if ext.is_empty() {
                "?".into()
            } else {
                format!(".{ext}")
            }
        }
        Format::Html => "HTML".into(),
        Format::SpreadsheetXml => "SpreadsheetML (XML)".into(),
        Format::Text => "CSV".into(),
        Format::Encrypted => "?".into(),
    }
}

/// The file `name` (its `bytes`) to send back with `issues` (the file's
/// issues) marked, as `.xlsx` bytes, its words in `lang`. An error only when the
/// file cannot be read at all (then there is nothing to send back).
pub fn returned_file(name: &str, bytes: &[u8], issues: &[&Issue], lang: Lang) -> Result<Vec<u8>, FileError> {
    let book = reader::read(name, bytes)?;
    let (list, sheets) = marks(&book, issues, lang);
    let words = Words::of(lang);
    let format = detect(name, bytes)?;
    let why = if format == Format::Zip && zip_has(bytes, "xl/workbook.xml") {
        match package::patch(bytes, &sheets, &list, &words) {
            Ok(done) => return Ok(done),
            Err(why) => why,
        }
    } else {
        String::new()
    };
    let notice = if why.is_empty() {
        Label::ConvertedFrom.text(lang).to_string() + &format_name(name, format) + Label::ConvertedKeeps.text(lang)
    } else {
        Label::FormattingNotKept.text(lang).to_string() + &why
    };
    let layout = layout::of(name, bytes, format);
    converted::workbook(&book, &layout, &list, &sheets, &words, &notice)
        .map_err(|e| FileError::Damaged(format!("writing the file to send back: {e}")))
}
