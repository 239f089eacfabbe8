//! A report file to send back to its district (SPEC §5): the same cells, sheet
//! by sheet (hidden sheets stay hidden), each problem cell filled and carrying a
//! note that says what is wrong and how to fix it, and a first sheet listing the
//! problems. Written as `.xlsx` whatever the file came as (an `.xls`, `.ods`,
//! CSV or web export comes back as `.xlsx` with the same cells). Cell styles,
//! merged cells and column widths of the original are not carried over.

use crate::calendar::from_serial;
use crate::display::Lang;
use crate::import::cell::{column_letter, Sheet, Value};
use crate::import::header::{self, Key};
use crate::import::reader::Workbook;
use crate::issue::{Issue, Severity};
use rust_xlsxwriter::{Color, Format, Note, Workbook as XlsxBook, XlsxError};

/// Where a problem sits: a sheet of the book, a 0-based row and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub sheet: usize,
    pub row: u32,
    pub col: u32,
}

/// The 0-based column an issue's column label names: a letter ("E (…)"), or a
/// form column's name ("อำเภอ", "ชื่อผลิตภัณฑ์", "ช่องทางตลาดออนไลน์") found in
/// the sheet's header; else the row's first column.
fn column_of(sheet: &Sheet, label: Option<&str>) -> u32 {
    let Some(label) = label else { return sheet.first_col };
    let letters: String = label.chars().take_while(char::is_ascii_uppercase).collect();
    let rest = &label[letters.len()..];
    if !letters.is_empty() && letters.len() <= 3 && (rest.is_empty() || rest.starts_with(" (")) {
        let n = letters.bytes().fold(0u32, |n, b| n * 26 + u32::from(b - b'A') + 1);
        return n.saturating_sub(1);
    }
    let key = if label == "ช่องทางตลาดออนไลน์" {
        Some(Key::Facebook)
    } else {
        Key::of_header(label)
    };
    let found = header::find(sheet).and_then(|h| match key {
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

fn message(issue: &Issue, lang: Lang) -> &str {
    if lang == Lang::Th {
        &issue.message_th
    } else {
        &issue.message_en
    }
}

/// The workbook to send back: `book` (the file as read) with `issues` (the
/// file's issues) marked, headings in `lang`.
///
/// ```
/// use otop_kpi::display::Lang;
/// use otop_kpi::import::cell::{Sheet, Value};
/// use otop_kpi::import::reader::Workbook;
/// use otop_kpi::issue::{Code, Issue};
/// let sheet = Sheet { name: "อำเภอ".into(), hidden: false, first_row: 0, first_col: 0,
///     rows: vec![vec![Value::Text("ชื่อผลิตภัณฑ์".into())], vec![Value::Text("ข้าว".into())]] };
/// let book = Workbook { sheets: vec![sheet], unreadable: vec![] };
/// let issue = Issue::new(Code::ReportFlagUnclear, "ไม่ชัด", "unclear").at(Some("อำเภอ"), Some(2), Some("A (x)"));
/// let bytes = otop_kpi::export::returned::returned_workbook(&book, &[&issue], Lang::Th).unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// ```
pub fn returned_workbook(book: &Workbook, issues: &[&Issue], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let word = |th: &'static str, en: &'static str| super::word(lang, th, en);
    let mut wb = XlsxBook::new();
    let list_name = word("ปัญหาที่ต้องแก้", "Problems to fix");
    let mut taken = vec![list_name.to_string()];
    let names: Vec<String> = book
        .sheets
        .iter()
        .map(|s| {
            let n = sheet_name(&s.name, &taken);
            taken.push(n.clone());
            n
        })
        .collect();

    // The first sheet: every problem, where it is and what to do.
    let ws = wb.add_worksheet().set_name(list_name)?;
    let intro = word(
        "ไฟล์นี้ส่งคืนเพื่อแก้ไข: ช่องที่ระบายสีในแผ่นงานของอำเภอมีหมายเหตุบอกว่าผิดอะไรและแก้อย่างไร \
         (ชี้เมาส์ที่ช่องเพื่ออ่าน) — แก้แล้วลบแผ่นงานนี้ และส่งไฟล์กลับมาอีกครั้ง",
        "This file was sent back to be fixed: the coloured cells in the district's sheets carry a note saying \
         what is wrong and how to fix it (point at a cell to read it); fix them, delete this sheet, and send \
         the file again",
    );
    ws.write_string_with_format(0, 0, intro, &Format::new().set_bold())?;
    let heads = [
        word("ที่", "No."),
        word("ระดับ", "Severity"),
        word("แผ่นงาน", "Sheet"),
        word("ช่อง", "Cell"),
        word("ปัญหาและวิธีแก้", "Problem and how to fix it"),
    ];
    super::write_heads(ws, 2, &heads, &[5.0, 11.0, 20.0, 8.0, 110.0])?;
    let wrap = Format::new().set_text_wrap();
    for (i, issue) in issues.iter().enumerate() {
        let row = 3 + i as u32;
        let place = place_of(book, issue);
        ws.write_number(row, 0, (i + 1) as f64)?;
        let severity = if issue.severity == Severity::Error {
            word("ข้อผิดพลาด", "Error")
        } else {
            word("คำเตือน", "Warning")
        };
        ws.write_string(row, 1, severity)?;
        let sheet = place.and_then(|p| names.get(p.sheet)).map(String::as_str).or(issue.sheet.as_deref());
        ws.write_string(row, 2, sheet.unwrap_or(""))?;
        if let Some(p) = place {
            ws.write_string(row, 3, format!("{}{}", column_letter(p.col), p.row + 1))?;
        }
        ws.write_string_with_format(row, 4, message(issue, lang), &wrap)?;
    }
    ws.set_freeze_panes(3, 0)?;

    // The district's sheets: the same cells, the problem cells marked.
    let date = Format::new().set_num_format("d/m/yyyy");
    let fills = [
        Format::new().set_background_color(Color::RGB(0xFFC7CE)),
        Format::new().set_background_color(Color::RGB(0xFFEB9C)),
    ];
    for (s, (sheet, name)) in book.sheets.iter().zip(&names).enumerate() {
        let ws = wb.add_worksheet().set_name(name)?;
        ws.set_hidden(sheet.hidden);
        for (i, cells) in sheet.rows.iter().enumerate() {
            let row = sheet.first_row.saturating_add(i as u32);
            for (j, v) in cells.iter().enumerate() {
                let col = sheet.first_col.saturating_add(j as u32) as u16;
                match v {
                    Value::Empty => {}
                    Value::Text(t) => {
                        ws.write_string(row, col, &**t)?;
                    }
                    Value::Error(t) => {
                        ws.write_string(row, col, t)?;
                    }
                    Value::Int(n) => {
                        ws.write_number(row, col, *n as f64)?;
                    }
                    Value::Float(f) => {
                        ws.write_number(row, col, *f)?;
                    }
                    Value::Bool(b) => {
                        ws.write_boolean(row, col, *b)?;
                    }
                    Value::Date(d) if from_serial(*d).is_some() => {
                        ws.write_number_with_format(row, col, *d, &date)?;
                    }
                    Value::Date(d) => {
                        ws.write_number(row, col, *d)?;
                    }
                }
            }
        }
        let mut marked: Vec<(u32, u32)> = Vec::new();
        for issue in issues {
            let Some(p) = place_of(book, issue).filter(|p| p.sheet == s) else { continue };
            let fill = &fills[usize::from(issue.severity != Severity::Error)];
            let at = (p.row as usize).checked_sub(sheet.first_row as usize);
            let value = at.map(|r| sheet.cell(r, p.col)).unwrap_or(&Value::Empty);
            let col = p.col as u16;
            match value {
                Value::Empty => ws.write_blank(p.row, col, fill)?,
                Value::Int(n) => ws.write_number_with_format(p.row, col, *n as f64, fill)?,
                Value::Float(f) | Value::Date(f) => ws.write_number_with_format(p.row, col, *f, fill)?,
                Value::Bool(b) => ws.write_boolean_with_format(p.row, col, *b, fill)?,
                Value::Text(t) => ws.write_string_with_format(p.row, col, &**t, fill)?,
                Value::Error(t) => ws.write_string_with_format(p.row, col, t, fill)?,
            };
            // One note per cell: a second problem in the same cell joins the first.
            if marked.contains(&(p.row, p.col)) {
                continue;
            }
            marked.push((p.row, p.col));
            let text: Vec<&str> =
                issues.iter().filter(|i| place_of(book, i) == Some(p)).map(|i| message(i, lang)).collect();
            let note = Note::new(text.join("\n\n")).set_author("otop-kpi").set_width(360);
            ws.insert_note(p.row, col, &note)?;
        }
    }
    wb.save_to_buffer()
}
