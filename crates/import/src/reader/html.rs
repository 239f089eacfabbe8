//! HTML tables, as web systems save "Excel" (an `.xls` that is a web page): each
//! `<table>` becomes a sheet, placed as Excel places it when it opens the page —
//! `rowspan`/`colspan` as merged cells (the value in the first cell, the rest
//! empty), `<br>` as a line break, entities decoded, `x:num` (Excel's own HTML)
//! as the number it holds. The tokenizer is html5gum's; the charset comes from
//! [`charset`](crate::charset).

use super::{finish, Workbook};
use html5gum::{DefaultEmitter, Token, Tokenizer};
use otop_model::imported::cell::{Sheet, Value, MAX_CELLS, MAX_ROWS};
use otop_model::imported::error::{FileError, Foreign, SheetError};

/// The most columns a row may reach (Excel's limit), and the largest spans honoured.
const MAX_COLS: usize = 16_384;
const MAX_COLSPAN: usize = 1_000;
const MAX_ROWSPAN: usize = 65_534;
/// Where a `<br>` (or the end of a paragraph) breaks a cell's text, until the
/// white space of the source is collapsed (a private-use character).
const LINE_BREAK: char = '\u{E000}';

/// Reads every table of an HTML file; `name` names a file of one table's sheet.
pub fn read(name: &str, bytes: &[u8]) -> Result<Workbook, FileError> {
    let text = crate::charset::decode(bytes)?;
    let tables = tables(&text);
    if tables.is_empty() {
        return Err(FileError::Foreign(Foreign::WebPage));
    }
    let file = otop_model::imported::file::base_name(name);
    let several = tables.len() > 1;
    let (mut sheets, mut unreadable) = (Vec::new(), Vec::new());
    for (i, table) in tables.into_iter().enumerate() {
        let sheet_name = match (table.caption.trim(), several) {
            (caption, _) if !caption.is_empty() => caption.to_string(),
            (_, false) => file.to_string(),
            (_, true) => format!("{file} #{}", i + 1),
        };
        match table.too_large {
            Some((rows, cols)) => unreadable.push(SheetError::TooLarge { sheet: sheet_name, rows, cols }),
            None => {
                sheets.push(Sheet { name: sheet_name, hidden: false, first_row: 0, first_col: 0, rows: table.rows })
            }
        }
    }
    finish(sheets, unreadable)
}

/// One table being read.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Value>>,
    caption: String,
    /// The row being filled, and the next column to try in it.
    row: Option<usize>,
    col: usize,
    /// For each column, the first row a `rowspan` above no longer covers.
    covered_until: Vec<usize>,
    cell: Option<Cell>,
    in_caption: bool,
    cells: usize,
    too_large: Option<(usize, usize)>,
}

/// A cell being read: where it goes and its text so far.
struct Cell {
    row: usize,
    col: usize,
    text: String,
    number: Option<f64>,
}

impl Table {
    fn start_row(&mut self) {
        self.end_cell();
        self.row = Some(self.row.map_or(0, |r| r + 1));
        self.col = 0;
    }

    fn start_cell(&mut self, rowspan: usize, colspan: usize, number: Option<f64>) {
        self.end_cell();
        let row = match self.row {
            Some(r) => r,
            None => {
                self.start_row();
                0
            }
        };
        let mut col = self.col;
        while self.covered_until.get(col).is_some_and(|&until| until > row) {
            col += 1;
        }
        self.col = col.saturating_add(colspan);
        if rowspan > 1 {
            let end = self.col.min(MAX_COLS);
            if self.covered_until.len() < end {
                self.covered_until.resize(end, 0);
            }
            for until in self.covered_until.iter_mut().take(end).skip(col) {
                *until = row.saturating_add(rowspan);
            }
        }
        self.cell = Some(Cell { row, col, text: String::new(), number });
    }

    fn end_cell(&mut self) {
        let Some(cell) = self.cell.take() else { return };
        if self.too_large.is_some() {
            return;
        }
        let text = cell_text(&cell.text);
        let value = match (cell.number, text.is_empty()) {
            (Some(n), _) => Value::Float(n),
            (None, true) => return,
            (None, false) => Value::Text(text.into()),
        };
        if cell.row >= MAX_ROWS || cell.col >= MAX_COLS {
            self.too_large = Some((cell.row + 1, cell.col + 1));
            return;
        }
        if self.rows.len() <= cell.row {
            self.rows.resize_with(cell.row + 1, Vec::new);
        }
        let row_count = self.rows.len();
        let Some(row) = self.rows.get_mut(cell.row) else { return };
        if row.len() <= cell.col {
            self.cells += cell.col + 1 - row.len();
            row.resize(cell.col + 1, Value::Empty);
        }
        if let Some(slot) = row.get_mut(cell.col) {
            *slot = value;
        }
        // Every row costs at least a cell's worth, so many empty rows count too.
        if self.cells.saturating_add(row_count) > MAX_CELLS {
            self.too_large = Some((row_count, cell.col + 1));
            self.rows = Vec::new();
        }
    }

    fn push_text(&mut self, s: &str) {
        if let Some(cell) = &mut self.cell {
            cell.text.push_str(s);
        } else if self.in_caption {
            self.caption.push_str(s);
        }
    }

    fn line_break(&mut self) {
        if let Some(cell) = &mut self.cell {
            cell.text.push(LINE_BREAK);
        }
    }

    fn end(mut self) -> Option<Table> {
        self.end_cell();
        (!self.rows.is_empty() || self.too_large.is_some()).then_some(self)
    }
}

/// A cell's text as a browser shows it: runs of white space (and no-break
/// spaces) as one space, lines (from `<br>`) trimmed.
fn cell_text(raw: &str) -> String {
    let lines: Vec<String> = raw
        .split(LINE_BREAK)
        .map(|line| {
            line.split(|c: char| c.is_whitespace() || c == '\u{a0}')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    lines.join("\n").trim_matches('\n').to_string()
}

fn attribute(tag: &html5gum::StartTag<()>, name: &str) -> Option<String> {
    tag.attributes.get(name.as_bytes()).map(|v| String::from_utf8_lossy(&v.value).into_owned())
}

fn span(tag: &html5gum::StartTag<()>, name: &str, max: usize) -> usize {
    attribute(tag, name).and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, max)
}

/// The tables of a page, in the order they start (a table inside a cell is a
/// table of its own, and its text is not the outer cell's).
fn tables(text: &str) -> Vec<Table> {
    let mut emitter = DefaultEmitter::default();
    // Script and style contents are raw text, never cells.
    emitter.naively_switch_states(true);
    let mut open: Vec<(usize, Table)> = Vec::new();
    let mut done: Vec<(usize, Table)> = Vec::new();
    let mut started = 0;
    let mut raw_text = false;
    for token in Tokenizer::new_with_emitter(text, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                raw_text = matches!(tag.name.as_slice(), b"script" | b"style" | b"title" | b"textarea");
                match tag.name.as_slice() {
                    b"table" => {
                        open.push((started, Table::default()));
                        started += 1;
                    }
                    name => {
                        let Some((_, table)) = open.last_mut() else { continue };
                        match name {
                            b"tr" => table.start_row(),
                            b"td" | b"th" => {
                                let number = attribute(&tag, "x:num").and_then(|n| n.trim().parse::<f64>().ok());
                                let number = number.filter(|n| n.is_finite());
                                table.start_cell(
                                    span(&tag, "rowspan", MAX_ROWSPAN),
                                    span(&tag, "colspan", MAX_COLSPAN),
                                    number,
                                );
                            }
                            b"br" => table.line_break(),
                            b"caption" => table.in_caption = true,
                            _ => {}
                        }
                    }
                }
            }
            Token::EndTag(tag) => {
                raw_text = false;
                match tag.name.as_slice() {
                    b"table" => {
                        if let Some((order, table)) = open.pop() {
                            done.extend(table.end().map(|t| (order, t)));
                        }
                    }
                    name => {
                        let Some((_, table)) = open.last_mut() else { continue };
                        match name {
                            b"td" | b"th" | b"tr" => table.end_cell(),
                            b"p" | b"div" | b"li" => table.line_break(),
                            b"caption" => table.in_caption = false,
                            _ => {}
                        }
                    }
                }
            }
            Token::String(s) if !raw_text => {
                if let Some((_, table)) = open.last_mut() {
                    table.push_text(&String::from_utf8_lossy(&s.value));
                }
            }
            _ => {}
        }
    }
    // Tables left open at the end of the file still count.
    while let Some((order, table)) = open.pop() {
        done.extend(table.end().map(|t| (order, t)));
    }
    done.sort_by_key(|(order, _)| *order);
    done.into_iter().map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(html: &str) -> Vec<Vec<String>> {
        let book = read("t.xls", html.as_bytes()).expect("a table");
        book.sheets[0].rows.iter().map(|r| r.iter().map(Value::text).collect()).collect()
    }

    #[test]
    fn spans_place_cells_as_excel_does() {
        let rows = sheet(
            "<table><tr><th rowspan=2>ที่</th><th colspan=2>ที่อยู่</th><th>x</th></tr>\
             <tr><th>ตำบล</th><th>อำเภอ</th><th>y</th></tr><tr><td>1</td><td>a&amp;b</td><td>c<br>d</td></tr></table>",
        );
        assert_eq!(rows[0], ["ที่", "ที่อยู่", "", "x"]);
        assert_eq!(rows[1], ["", "ตำบล", "อำเภอ", "y"]);
        assert_eq!(rows[2], ["1", "a&b", "c\nd"]);
    }

    #[test]
    fn several_tables_are_several_sheets_and_a_page_without_one_is_named() {
        let book =
            read("r.xls", b"<table><caption>A</caption><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>")
                .expect("tables");
        let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["A", "r.xls #2"]);
        assert_eq!(read("p.xls", b"<html><body>nothing</body></html>"), Err(FileError::Foreign(Foreign::WebPage)));
    }

    #[test]
    fn excel_numbers_and_whitespace() {
        let rows = sheet("<table><tr><td x:num=\"1250.5\">1,250.50</td><td>&nbsp;</td><td> a \n  b </td></tr></table>");
        assert_eq!(rows[0], ["1250.5", "", "a b"]);
    }
}
