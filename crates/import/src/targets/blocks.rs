//! Finding the target tables of a sheet (SPEC §4.4), laid out as a department
//! sends them: one table per sheet (the letter), several provinces' tables one
//! under another or side by side (each with its own title row), or one national
//! table with a จังหวัด column.
//!
//! A table is a **block**: title rows, a header (one or two rows) whose district
//! cell is "อำเภอ" and which has the five "N คะแนน" columns, district rows, and a
//! total row. Side by side, a block's columns run from its left neighbour's last
//! score column to its own last score column. A block ends at its total row
//! ("รวม…"), or at a row whose district cell is empty and that holds other text
//! (the next block's title), or at the next header in its columns; blank rows
//! inside it are skipped. Its province is named by its own title rows (above its
//! header, below the block above it), else by its total row ("รวม (จ.ตราด)"),
//! else by the sheet's name (else the file's, see [`super::read_tables`]). In the
//! national layout a total row does not end the table: each province's rows (by
//! the จังหวัด column, carried down over merged cells) are a table of their own.

use super::{Table, TableRow, TargetTable, Total};
use otop_model::district::{province_named, province_named_in, same_province};
use otop_model::imported::cell::{column_letter, Sheet, Value};
use otop_model::imported::text::money;
use otop_model::money::Satang;
use otop_model::text::compact;

/// Where a header of a block is: its row (index in the sheet), district column,
/// the columns of the five scores (1 to 5), and its columns `[lo, hi)`.
#[derive(Debug, Clone)]
struct Header {
    row: usize,
    district_col: u32,
    scores: Vec<u32>,
    lo: u32,
    hi: u32,
    /// The จังหวัด column of a national table.
    province_col: Option<u32>,
}

/// Whether a cell's text is a header label `word` ("อำเภอ", "จังหวัด") as typed.
fn is_label(v: &Value, word: &str) -> bool {
    // Cheap first: most cells are figures or long names.
    matches!(v, Value::Text(t) if t.len() < 4 * word.len() && compact(t) == word)
}

/// The number of a "N คะแนน" label, in the header row or the one below.
fn score_number(label: &str) -> Option<u32> {
    let i = label.find("คะแนน")?;
    let digits: String = label.get(..i)?.chars().rev().take_while(char::is_ascii_digit).collect();
    digits.chars().rev().collect::<String>().parse().ok()
}

/// Every block header of `sheet`, top to bottom, left to right.
fn headers(sheet: &Sheet) -> Vec<Header> {
    let mut out = Vec::new();
    let end = sheet.end_col();
    for (r, cells) in sheet.rows.iter().enumerate() {
        let district_cols: Vec<u32> =
            (sheet.first_col..).zip(cells).filter(|(_, v)| is_label(v, "อำเภอ")).map(|(c, _)| c).collect();
        let mut lo = sheet.first_col;
        for (k, &dc) in district_cols.iter().enumerate() {
            let next = district_cols.get(k + 1).copied().unwrap_or(end);
            let label =
                |c: u32| format!("{}{}", compact(&sheet.cell(r, c).text()), compact(&sheet.cell(r + 1, c).text()));
            let mut scores: Vec<(u32, u32)> =
                (dc..next).filter_map(|c| score_number(&label(c)).map(|n| (n, c))).collect();
            scores.sort();
            if scores.iter().map(|(n, _)| *n).collect::<Vec<_>>() != [1, 2, 3, 4, 5] {
                continue;
            }
            let hi = scores.iter().map(|(_, c)| c + 1).max().unwrap_or(next);
            let province_col = (lo..hi).find(|&c| is_label(sheet.cell(r, c), "จังหวัด"));
            out.push(Header {
                row: r,
                district_col: dc,
                scores: scores.into_iter().map(|(_, c)| c).collect(),
                lo,
                hi,
                province_col,
            });
            lo = hi;
        }
    }
    out
}

/// Reads every target table of a sheet, as blocks.
pub fn read_sheet(sheet: &Sheet) -> Vec<TargetTable> {
    let headers = headers(sheet);
    let mut out = Vec::new();
    // Per block read so far: its columns and the row after its end (a later block's title starts there).
    let mut ended: Vec<(u32, u32, usize)> = Vec::new();
    for (k, h) in headers.iter().enumerate() {
        let overlaps = |lo: u32, hi: u32| lo < h.hi && h.lo < hi;
        // Its title starts after the block above it in these columns (the last one read).
        let title_from = ended.iter().rev().find(|(lo, hi, _)| overlaps(*lo, *hi)).map_or(0, |(_, _, e)| *e);
        // The next header in these columns (headers are in row order) ends this block at the latest.
        let next_header = headers.iter().skip(k + 1).find(|o| o.row > h.row && overlaps(o.lo, o.hi)).map(|o| o.row);
        let block = Block { sheet, h, title_from, limit: next_header.unwrap_or(sheet.rows.len()) };
        let (tables, end) = block.read();
        ended.push((h.lo, h.hi, end));
        out.extend(tables);
    }
    out
}

struct Block<'a> {
    sheet: &'a Sheet,
    h: &'a Header,
    /// The first row of its title area.
    title_from: usize,
    /// The row it cannot reach (the next header in its columns, or the sheet's end).
    limit: usize,
}

/// One province's rows of a block, as read.
#[derive(Default)]
struct Part {
    province: Option<String>,
    rows: Vec<TableRow>,
    /// The total row: its index and its text.
    total: Option<(usize, String)>,
}

impl Block<'_> {
    fn text(&self, r: usize, c: u32) -> String {
        self.sheet.cell(r, c).text().trim().to_string()
    }

    /// A column's own label: the sub-header under a group header, else the header.
    fn own_label(&self, c: u32, two_rows: bool) -> String {
        let lower = compact(&self.text(self.h.row + 1, c));
        if !two_rows || lower.is_empty() {
            compact(&self.text(self.h.row, c))
        } else {
            lower
        }
    }

    /// Its tables (one, or one per province for a national table) and the row after its end.
    fn read(&self) -> (Vec<TargetTable>, usize) {
        let (sheet, h) = (self.sheet, self.h);
        let two_rows = sheet.cell(h.row + 1, h.district_col).is_blank()
            && (h.lo..h.hi).any(|c| matches!(sheet.cell(h.row + 1, c), Value::Text(t) if !t.trim().is_empty()));
        let plain = |pred: &dyn Fn(&str) -> bool| {
            (h.lo..h.hi).find(|&c| !h.scores.contains(&c) && c != h.district_col && pred(&self.own_label(c, two_rows)))
        };
        let ent_col = plain(&|l| l.contains("ผู้ประกอบการ"));
        let prod_col = plain(&|l| l.contains("จำนวนผลิตภัณฑ์"));
        let base_col = plain(&|l| l.contains("ยอดจำหน่าย") || l.contains("บาท"));
        let table = if base_col.is_some() && prod_col.is_none() { Table::Revenue } else { Table::Online };
        let columns = Columns { ent: ent_col, prod: prod_col, base: base_col };
        // The title: rows above the header within the block's columns.
        let titles: Vec<String> = (self.title_from..h.row)
            .flat_map(|r| (h.lo..h.hi).map(move |c| (r, c)))
            .map(|(r, c)| self.text(r, c))
            .filter(|t| !t.is_empty())
            .collect();
        let titled = province_named_in(titles.iter().map(String::as_str));
        let mut parts: Vec<Part> = vec![Part { province: titled, ..Part::default() }];
        let mut end = self.limit;
        let first_data = if two_rows { h.row + 2 } else { h.row + 1 };
        for i in first_data..self.limit {
            let district = self.text(i, h.district_col);
            // The cells up to the district's (ที่, จังหวัด, อำเภอ): a total row says "รวม…" in one.
            let lead: Vec<String> = (h.lo..=h.district_col).map(|c| self.text(i, c)).collect();
            let is_total = lead.iter().any(|t| compact(t).starts_with("รวม"));
            if let Some(pc) = h.province_col.filter(|_| !is_total) {
                // National layout: a new province in the จังหวัด cell (carried down over
                // merged cells, which read as empty) starts a table of its own.
                let named = self.text(i, pc);
                let current = parts.last().and_then(|p| p.province.as_deref()).unwrap_or_default();
                if !named.is_empty() && !same_province(current, &named) {
                    match parts.last_mut() {
                        Some(p) if p.rows.is_empty() && p.total.is_none() => p.province = Some(named),
                        _ => parts.push(Part { province: Some(named), ..Part::default() }),
                    }
                }
            }
            if is_total {
                // (A second total after a province's own is the grand total: no province's.)
                if let Some(p) = parts.last_mut().filter(|p| p.total.is_none()) {
                    p.total = Some((i, lead.join(" ")));
                }
                if h.province_col.is_none() {
                    end = i + 1;
                    break;
                }
                continue;
            }
            if district.is_empty() {
                let other_text =
                    (h.lo..h.hi).any(|c| matches!(sheet.cell(i, c), Value::Text(t) if !t.trim().is_empty()));
                if other_text {
                    end = i;
                    break;
                }
                continue;
            }
            let Some(part) = parts.last_mut() else { break };
            part.rows.push(self.row(i, district, &columns));
        }
        let tables = parts.into_iter().filter(|p| !p.rows.is_empty()).map(|p| self.table(table, p, &columns)).collect();
        (tables, end)
    }

    fn row(&self, i: usize, district: String, cols: &Columns) -> TableRow {
        let sheet = self.sheet;
        let printed = self
            .h
            .scores
            .iter()
            .filter_map(|&c| {
                let s = money(sheet.cell(i, c)).ok().flatten()?;
                Some((s, format!("{}{}", column_letter(c), sheet.row_number(i))))
            })
            .collect();
        TableRow {
            district,
            entrepreneurs: cols.ent.and_then(|c| whole(sheet.cell(i, c))),
            products: cols.prod.and_then(|c| whole(sheet.cell(i, c))),
            base: cols.base.and_then(|c| money(sheet.cell(i, c)).ok().flatten()),
            printed,
            row: sheet.row_number(i),
        }
    }

    fn table(&self, table: Table, part: Part, cols: &Columns) -> TargetTable {
        let sheet = self.sheet;
        let from_total = part.total.as_ref().and_then(|(_, t)| province_named(t));
        let province = part.province.or(from_total).or_else(|| province_named_in([sheet.name.as_str()]));
        let total = part.total.map(|(i, _)| Total {
            row: sheet.row_number(i),
            entrepreneurs: cols.ent.map(|c| sheet.cell(i, c).clone()),
            products: cols.prod.map(|c| sheet.cell(i, c).clone()),
            base: cols.base.map(|c| sheet.cell(i, c).clone()),
        });
        let mut t = TargetTable {
            table,
            sheet: sheet.name.clone(),
            rows: part.rows,
            province,
            checks: Vec::new(),
            usable: true,
        };
        super::checks::check(&mut t, total.as_ref());
        t
    }
}

/// The columns of a block's figures.
struct Columns {
    ent: Option<u32>,
    prod: Option<u32>,
    base: Option<u32>,
}

fn whole(v: &Value) -> Option<i64> {
    money(v).ok().flatten().filter(|s| s.is_whole_baht()).map(Satang::baht)
}
