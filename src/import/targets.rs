//! The letter's target tables (attachments 1 and 2) as Excel, in the letter's
//! layout (SPEC §4.4): they replace the preset's district figures; a printed
//! target that differs from what the engine computes is a warning naming the cell.

use super::cell::{column_letter, Sheet, Value};
use super::error::FileError;
use super::reader::read;
use super::text::money;
use crate::district::{
    match_district, province_named, province_named_in, same_province, DistrictMatch, DistrictMatcher,
};
use crate::issue::Issue;
use crate::money::Satang;
use crate::preset::{District, Preset};
use crate::targets::{product_targets, revenue_targets};
use crate::text::compact;

/// Which of the two tables a sheet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Table {
    /// Attachment 1: entrepreneurs, products, product targets.
    Online,
    /// Attachment 2: base sales, revenue targets.
    Revenue,
}

/// One district row of a target table.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TableRow {
    pub district: String,
    pub entrepreneurs: Option<i64>,
    pub products: Option<i64>,
    pub base: Option<Satang>,
    /// The five printed targets (reference column, then scores 2–5), with their cells.
    pub printed: Vec<(Satang, String)>,
    pub row: u32,
}

/// A target table read from a sheet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TargetTable {
    pub table: Table,
    pub sheet: String,
    pub rows: Vec<TableRow>,
    /// The province the table is for: named in a title row, the total row
    /// ("รวม (จ.…)"), the sheet name or the file name.
    #[serde(default)]
    pub province: Option<String>,
}

fn whole(v: &Value) -> Option<i64> {
    money(v).ok().flatten().filter(|s| s.is_whole_baht()).map(Satang::baht)
}

/// Reads the target tables of a file (one per sheet that is one).
pub fn read_tables(name: &str, bytes: &[u8]) -> Result<Vec<TargetTable>, FileError> {
    let wb = read(name, bytes)?;
    let mut tables: Vec<TargetTable> = wb.sheets.iter().filter(|s| !s.hidden).filter_map(read_sheet).collect();
    // A file of one province names it in its name when its sheets do not.
    let from_name = province_named_in([super::file::base_name(name)]);
    let named: Vec<&str> = tables.iter().filter_map(|t| t.province.as_deref()).collect();
    let only = match named.as_slice() {
        [first, rest @ ..] if rest.iter().all(|p| same_province(p, first)) => Some(first.to_string()),
        _ => None,
    };
    for t in tables.iter_mut().filter(|t| t.province.is_none()) {
        t.province = only.clone().or_else(|| from_name.clone());
    }
    Ok(tables)
}

fn read_sheet(sheet: &Sheet) -> Option<TargetTable> {
    let end = sheet.end_col();
    // The header row holds อำเภอ; its label may continue in the row below.
    let h = (0..sheet.rows.len().min(40))
        .find(|&r| (sheet.first_col..end).any(|c| compact(&sheet.cell(r, c).text()) == "อำเภอ"))?;
    let label = |c: u32| format!("{}{}", compact(&sheet.cell(h, c).text()), compact(&sheet.cell(h + 1, c).text()));
    let district_col = (sheet.first_col..end).find(|&c| compact(&sheet.cell(h, c).text()) == "อำเภอ")?;
    // A second header row (sub-headers under a group) leaves the district cell empty.
    let two_rows = sheet.cell(h + 1, district_col).is_blank()
        && sheet.rows.get(h + 1).is_some_and(|r| r.iter().any(|v| matches!(v, Value::Text(t) if !t.trim().is_empty())));
    let mut score_cols: Vec<(u32, u32)> = (sheet.first_col..end)
        .filter_map(|c| {
            let l = label(c);
            let i = l.find("คะแนน")?;
            let n: u32 = l[..i]
                .chars()
                .rev()
                .take_while(|ch| ch.is_ascii_digit())
                .collect::<String>()
                .chars()
                .rev()
                .collect::<String>()
                .parse()
                .ok()?;
            Some((n, c))
        })
        .collect();
    score_cols.sort();
    if score_cols.len() != 5 {
        return None;
    }
    // A column's own label: the sub-header under a group header, else the header.
    let own = |c: u32| {
        let lower = compact(&sheet.cell(h + 1, c).text());
        if !two_rows || lower.is_empty() {
            compact(&sheet.cell(h, c).text())
        } else {
            lower
        }
    };
    let plain =
        |pred: &dyn Fn(&str) -> bool| (sheet.first_col..end).find(|&c| !own(c).contains("คะแนน") && pred(&own(c)));
    let ent_col = plain(&|l| l.contains("ผู้ประกอบการ"));
    let prod_col = plain(&|l| l.contains("จำนวนผลิตภัณฑ์"));
    let base_col = plain(&|l| l.contains("ยอดจำหน่าย") || l.contains("บาท"));
    let table = if base_col.is_some() && prod_col.is_none() { Table::Revenue } else { Table::Online };
    let first_data = if two_rows { h + 2 } else { h + 1 };
    let mut rows = Vec::new();
    // The province: a title row above the header, else the sheet's name (else the total row, below).
    let title = (0..h).flat_map(|r| (sheet.first_col..end).map(move |c| (r, c)));
    let mut province = title.map(|(r, c)| sheet.cell(r, c).text()).find_map(|t| province_named(&t));
    province = province.or_else(|| province_named_in([sheet.name.as_str()]));
    for i in first_data..sheet.rows.len() {
        let district = sheet.cell(i, district_col).text().trim().to_string();
        let first = compact(&sheet.cell(i, sheet.first_col).text());
        if district.is_empty() || compact(&district).starts_with("รวม") || first.starts_with("รวม") {
            if first.starts_with("รวม") || compact(&district).starts_with("รวม") {
                let total = format!("{} {}", sheet.cell(i, sheet.first_col).text(), district);
                province = province.or_else(|| province_named(&total));
            }
            continue;
        }
        let printed = score_cols
            .iter()
            .filter_map(|&(_, c)| {
                let v = sheet.cell(i, c);
                let s = money(v).ok().flatten()?;
                Some((s, format!("{}{}", column_letter(c), sheet.row_number(i))))
            })
            .collect();
        rows.push(TableRow {
            district,
            entrepreneurs: ent_col.and_then(|c| whole(sheet.cell(i, c))),
            products: prod_col.and_then(|c| whole(sheet.cell(i, c))),
            base: base_col.and_then(|c| money(sheet.cell(i, c)).ok().flatten()),
            printed,
            row: sheet.row_number(i),
        });
    }
    Some(TargetTable { table, sheet: sheet.name.clone(), rows, province })
}

/// The preset with the tables' figures in place of its own: matched districts are
/// updated, new ones added (in the tables' order). Issues: printed targets that
/// differ from the engine's, and rows that could not be read.
pub fn apply(preset: &Preset, file: &str, tables: &[TargetTable]) -> (Preset, Vec<Issue>) {
    let mut p = preset.clone();
    let mut issues = Vec::new();
    let names: Vec<String> = preset.districts.iter().map(|d| d.name.clone()).collect();
    let mut matcher = DistrictMatcher::new(&names);
    let fresh =
        tables.iter().flat_map(|t| &t.rows).all(|r| !matches!(matcher.find(&r.district), DistrictMatch::Found(_)));
    if fresh && tables.iter().any(|t| !t.rows.is_empty()) {
        p.districts.clear();
    }
    for t in tables {
        for r in &t.rows {
            let names: Vec<String> = p.districts.iter().map(|d| d.name.clone()).collect();
            let idx = match match_district(&r.district, &names) {
                DistrictMatch::Found(i) => i,
                _ => {
                    p.districts.push(District {
                        name: r.district.clone(),
                        entrepreneurs: 0,
                        products: 0,
                        base: Satang(0),
                    });
                    p.districts.len() - 1
                }
            };
            let Some(d) = p.districts.get_mut(idx) else { continue };
            if let Some(e) = r.entrepreneurs {
                d.entrepreneurs = e;
            }
            if let Some(n) = r.products {
                d.products = n;
            }
            if let Some(b) = r.base {
                d.base = b;
            }
            let computed: Vec<Satang> = match t.table {
                Table::Online => product_targets(d.products, &p.kpi1).iter().map(|n| Satang::from_baht(*n)).collect(),
                Table::Revenue => revenue_targets(d.base, &p.kpi2).to_vec(),
            };
            for ((printed, cell), want) in r.printed.iter().zip(computed) {
                if *printed != want {
                    issues.push(Issue::targets_printed_differs(cell, *printed, want, &d.name).in_file(file).at(
                        Some(&t.sheet),
                        Some(r.row),
                        Some(cell.trim_end_matches(|c: char| c.is_ascii_digit())),
                    ));
                }
            }
        }
    }
    issues.extend(p.validate());
    (p, issues)
}
