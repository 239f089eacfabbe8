//! One sales sheet read in the three layouts people use (SPEC §4.3): long
//! (district or entrepreneur, month, amount), wide (one column per month),
//! totals (one row per district for the period). The layout is recognised from
//! the header row, in any format the workbook reader reads.

use otop_model::calendar::YearMonth;
use otop_model::imported::cell::{column_letter, Sheet, Value};
use otop_model::imported::month;
use otop_model::imported::sales::{Entry, Period};
use otop_model::imported::text::{money, MoneyError};
use otop_model::issue::Issue;
use otop_model::text::compact;

/// The layout recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One figure a row: district, month, amount.
    Long,
    /// A district a row, a month a column.
    Wide,
    /// A district a row and its total for the period.
    Totals,
}

/// What a sales sheet gave.
#[derive(Debug, Default)]
pub struct SalesSheet {
    /// The layout found (none: the sheet holds no sales figures).
    pub layout: Option<Layout>,
    /// The figures read.
    pub entries: Vec<Entry>,
    /// What the sheet had to say.
    pub issues: Vec<Issue>,
}

fn is_district_header(c: &str) -> bool {
    c == "อำเภอ" || c == "อ." || c.starts_with("ชื่ออำเภอ") || c == "district"
}

fn is_month_header(c: &str) -> bool {
    c == "เดือน"
        || c.starts_with("เดือน/")
        || c.starts_with("เดือนที่")
        || c == "ปี/เดือน"
        || c.starts_with("วันที่")
        || c.starts_with("วัน/เดือน")
        || c == "date"
        || c == "งวด"
        || c == "month"
}

fn is_amount_header(c: &str) -> bool {
    ["ยอดจำหน่าย", "ยอดขาย", "รายได้", "จำนวนเงิน", "มูลค่า", "sales", "amount"].iter().any(|p| c.starts_with(p))
}

/// A B.E. year named inside a header text ("ยอดจำหน่ายปี 2563", "… ก.ย. 63").
fn year_in(text: &str) -> Option<i32> {
    let c = compact(text);
    let mut best = None;
    let mut run = String::new();
    for ch in c.chars().chain(std::iter::once(' ')) {
        if ch.is_ascii_digit() {
            run.push(ch);
        } else {
            if run.len() == 4 || run.len() == 2 {
                if let Some(y) = run.parse().ok().and_then(otop_model::calendar::year_be) {
                    best = Some(y);
                }
            }
            run.clear();
        }
    }
    best
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::Text(t) => Some(t.to_string()),
        _ => None,
    }
}

/// Reads one sheet; `default_year` (B.E.) places month names typed without a year.
pub fn read_sheet(file: &str, sheet: &Sheet, default_year: i32) -> SalesSheet {
    let mut out = SalesSheet::default();
    let end = sheet.end_col();
    // The header: the first row with a district column.
    let Some((h, district_col)) = (0..sheet.rows.len().min(crate::header::SEARCH_ROWS)).find_map(|r| {
        (sheet.first_col..end)
            .find(|&c| text(sheet.cell(r, c)).is_some_and(|t| is_district_header(&compact(&t))))
            .map(|c| (r, c))
    }) else {
        return out;
    };
    let header_text = |c: u32| sheet.cell(h, c).text();
    let month_cols: Vec<(u32, YearMonth)> = (sheet.first_col..end)
        .filter(|&c| c != district_col)
        .filter_map(|c| month::parse(sheet.cell(h, c), Some(default_year)).map(|m| (c, m)))
        .collect();
    let month_col = (sheet.first_col..end).find(|&c| is_month_header(&compact(&header_text(c))));
    let amount_cols: Vec<u32> =
        (sheet.first_col..end).filter(|&c| is_amount_header(&compact(&header_text(c)))).collect();
    let layout = if month_cols.len() >= 2 {
        Layout::Wide
    } else if month_col.is_some() && !amount_cols.is_empty() {
        Layout::Long
    } else if !amount_cols.is_empty() {
        Layout::Totals
    } else {
        return out;
    };
    out.layout = Some(layout);
    let col_label =
        |c: u32| format!("{} ({})", column_letter(c), header_text(c).split_whitespace().collect::<Vec<_>>().join(" "));
    let issue_at = |i: Issue, row: u32, c: u32| i.in_file(file).at(Some(&sheet.name), Some(row), Some(&col_label(c)));
    for i in h + 1..sheet.rows.len() {
        let row_no = sheet.row_number(i);
        let district = sheet.cell(i, district_col).text().split_whitespace().collect::<Vec<_>>().join(" ");
        let c = compact(&district);
        if c.is_empty() || c.starts_with("รวม") || c == "total" || c.starts_with("หมายเหตุ") || c.starts_with("ลงชื่อ")
        {
            continue;
        }
        let row_text: Vec<String> = sheet.rows.get(i).map(|r| r.iter().map(Value::text).collect()).unwrap_or_default();
        let push = |period: Period, col: u32, out: &mut SalesSheet| match money(sheet.cell(i, col)) {
            Ok(Some(amount)) => out.entries.push(Entry {
                district: district.clone(),
                period,
                amount,
                sheet: sheet.name.clone(),
                row: row_no,
                column: col_label(col),
                row_text: row_text.clone(),
            }),
            Ok(None) => {}
            Err(MoneyError::Formula(e)) => out.issues.push(issue_at(Issue::sales_formula_error(&e), row_no, col)),
            Err(MoneyError::NotAmount(t)) => out.issues.push(issue_at(Issue::sales_not_amount(&t), row_no, col)),
        };
        match layout {
            Layout::Wide => {
                for &(col, m) in &month_cols {
                    push(Period::Month(m), col, &mut out);
                }
            }
            Layout::Long => {
                let Some(mc) = month_col else { continue };
                let cell = sheet.cell(i, mc);
                let Some(m) = month::parse(cell, Some(default_year)).or_else(|| match cell {
                    Value::Float(f) => otop_model::calendar::from_serial(*f),
                    Value::Int(n) => otop_model::calendar::from_serial(*n as f64),
                    _ => None,
                }) else {
                    out.issues.push(issue_at(Issue::sales_month_unreadable(cell.text().trim()), row_no, mc));
                    continue;
                };
                if let Some(&ac) = amount_cols.first() {
                    push(Period::Month(m), ac, &mut out);
                }
            }
            Layout::Totals => {
                for &ac in &amount_cols {
                    push(Period::Total(year_in(&header_text(ac))), ac, &mut out);
                }
            }
        }
    }
    out
}
