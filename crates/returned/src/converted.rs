//! A file that is not an `.xlsx` package (or one that could not be patched)
//! sent back as a new `.xlsx`: the problems sheet first (with a line saying what
//! the file was converted from), then the file's sheets with the same cells
//! (hidden sheets stay hidden), merged cells and column widths as far as they
//! are known, the problem cells filled and noted.

use super::layout::Layout;
use super::package::SheetMarks;
use super::problems::{location, Problem, Words, WIDTHS};
use otop_import::reader::Workbook;
use otop_model::calendar::from_serial;
use otop_model::imported::cell::reference;
use otop_model::imported::cell::Value;
use rust_xlsxwriter::{Color, Format, Note, Url, Workbook as XlsxBook, Worksheet, XlsxError};

/// The fills of an error's and a warning's cell.
fn fill(error: bool) -> Format {
    Format::new().set_background_color(Color::RGB(if error { 0xFFC7CE } else { 0xFFEB9C }))
}

/// Writes one value; `format` when given.
fn write(ws: &mut Worksheet, row: u32, col: u16, v: &Value, format: Option<&Format>) -> Result<(), XlsxError> {
    let date = Format::new().set_num_format("d/m/yyyy");
    let plain = Format::new();
    let f = format.unwrap_or(&plain);
    match v {
        Value::Empty => {
            if format.is_some() {
                ws.write_blank(row, col, f)?;
            }
        }
        Value::Text(t) => {
            ws.write_string_with_format(row, col, &**t, f)?;
        }
        Value::Error(t) => {
            ws.write_string_with_format(row, col, t, f)?;
        }
        Value::Int(n) => {
            ws.write_number_with_format(row, col, *n as f64, f)?;
        }
        Value::Float(x) => {
            ws.write_number_with_format(row, col, *x, f)?;
        }
        Value::Bool(b) => {
            ws.write_boolean_with_format(row, col, *b, f)?;
        }
        Value::Date(d) => {
            let f = match format {
                Some(f) => f.clone(),
                None if from_serial(*d).is_some() => date,
                None => plain.clone(),
            };
            ws.write_number_with_format(row, col, *d, &f)?;
        }
    }
    Ok(())
}

/// The problems sheet.
fn list_sheet(
    ws: &mut Worksheet,
    list: &[Problem],
    names: &[(String, String)],
    words: &Words,
    notice: &str,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let top = rust_xlsxwriter::FormatAlign::Top;
    ws.merge_range(0, 0, 0, 4, words.intro, &bold.clone().set_text_wrap().set_align(top))?;
    ws.set_row_height(0, super::problems::INTRO_HEIGHT)?;
    ws.merge_range(1, 0, 1, 4, notice, &Format::new().set_text_wrap().set_align(top))?;
    ws.set_row_height(1, 32)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    for (c, (head, width)) in words.heads.iter().zip(WIDTHS).enumerate() {
        ws.write_string_with_format(2, c as u16, *head, &bold)?;
        ws.set_column_width(c as u16, width)?;
    }
    let wrap = Format::new().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    for (i, p) in list.iter().enumerate() {
        let row = 3 + i as u32;
        ws.write_number(row, 0, (i + 1) as f64)?;
        ws.write_string(row, 1, if p.error { words.error } else { words.warning })?;
        // The sheet as this file names it (a name Excel refused is changed).
        let sheet = p.sheet.as_deref().map(|s| names.iter().find(|(o, _)| o == s).map_or(s, |(_, n)| n.as_str()));
        ws.write_string(row, 2, sheet.unwrap_or(""))?;
        if let (Some(sheet), Some(cell)) = (sheet, p.cell) {
            let url = Url::new(format!("internal:{}", location(sheet, cell))).set_text(reference(cell.0, cell.1));
            ws.write_url(row, 3, url)?;
        }
        ws.write_string_with_format(row, 4, &p.message, &wrap)?;
    }
    ws.set_freeze_panes(3, 0)?;
    Ok(())
}

/// The new workbook: `book`'s sheets with `marks` made, `layout`'s merges and
/// widths, and the problems sheet first.
pub fn workbook(
    book: &Workbook,
    layout: &Layout,
    list: &[Problem],
    marks: &[SheetMarks],
    words: &Words,
    notice: &str,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = XlsxBook::new();
    let mut taken = vec![words.name.to_string()];
    let names: Vec<(String, String)> = book
        .sheets
        .iter()
        .map(|s| {
            let n = super::sheet_name(&s.name, &taken);
            taken.push(n.clone());
            (s.name.clone(), n)
        })
        .collect();
    list_sheet(wb.add_worksheet().set_name(words.name)?, list, &names, words, notice)?;
    for (sheet, (_, name)) in book.sheets.iter().zip(&names) {
        let ws = wb.add_worksheet().set_name(name)?;
        ws.set_hidden(sheet.hidden);
        for &(r1, c1, r2, c2) in layout.merges.get(&sheet.name).map(Vec::as_slice).unwrap_or_default() {
            // A merge Excel would refuse (one cell, overlapping another) is left out.
            let _ = ws.merge_range(r1, c1 as u16, r2, c2 as u16, "", &Format::new());
        }
        for &(col, width) in layout.widths.get(&sheet.name).map(Vec::as_slice).unwrap_or_default() {
            ws.set_column_width(col as u16, width)?;
        }
        let m = marks.iter().find(|m| m.name == sheet.name);
        for (i, cells) in sheet.rows.iter().enumerate() {
            let row = sheet.first_row.saturating_add(i as u32);
            for (j, v) in cells.iter().enumerate() {
                let col = sheet.first_col.saturating_add(j as u32);
                if m.is_some_and(|m| m.cells.contains_key(&(row, col))) || col > u32::from(u16::MAX) {
                    continue;
                }
                write(ws, row, col as u16, v, None)?;
            }
        }
        let Some(m) = m else { continue };
        for (&(row, col), &error) in &m.cells {
            let at = (row as usize).checked_sub(sheet.first_row as usize);
            let value = at.map(|r| sheet.cell(r, col)).unwrap_or(&Value::Empty);
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            write(ws, row, col, value, Some(&fill(error)))?;
            let text = m.notes.get(&(row, u32::from(col))).map(String::as_str).unwrap_or("");
            ws.insert_note(row, col, &Note::new(text).set_author(super::notes::AUTHOR).set_width(360))?;
        }
    }
    wb.save_to_buffer()
}
