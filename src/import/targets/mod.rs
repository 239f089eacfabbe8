//! The letter's target tables (attachments 1 and 2) as Excel (SPEC §4.4): found
//! as blocks in the layouts departments send ([`blocks`]), checked as they are
//! read ([`checks`]); they replace the preset's district figures; a printed
//! target that differs from what the engine computes is a warning naming the cell.

mod blocks;
mod checks;

use super::error::FileError;
use super::reader::read;
use crate::district::{match_district, province_key, province_named_in, same_province, DistrictMatch, DistrictMatcher};
use crate::issue::Issue;
use crate::money::Satang;
use crate::preset::{District, Preset};
use crate::targets::{product_targets, revenue_targets};

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
    /// What the checks found, placed at sheet, row and column (the file is
    /// added when the table is applied).
    #[serde(default)]
    pub checks: Vec<Issue>,
    /// `false` when a sum or duplicate check failed: the table is not used.
    pub usable: bool,
}

/// Reads the target tables of a file (one per sheet that is one).
pub fn read_tables(name: &str, bytes: &[u8]) -> Result<Vec<TargetTable>, FileError> {
    let wb = read(name, bytes)?;
    let mut tables: Vec<TargetTable> = wb.sheets.iter().filter(|s| !s.hidden).flat_map(blocks::read_sheet).collect();
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
    same_province_twice(&mut tables);
    Ok(tables)
}

/// Two tables of one kind naming the same province: an error on each, naming
/// where the other is, and neither used.
fn same_province_twice(tables: &mut [TargetTable]) {
    let place = |t: &TargetTable| format!("{} › แถว {}", t.sheet, t.rows.first().map(|r| r.row).unwrap_or_default());
    let mut groups: std::collections::HashMap<(bool, String), Vec<usize>> = std::collections::HashMap::new();
    for (i, t) in tables.iter().enumerate() {
        if let Some(p) = t.province.as_deref() {
            groups.entry((t.table == Table::Online, province_key(p))).or_default().push(i);
        }
    }
    let mut twins: Vec<(usize, String)> = Vec::new();
    for members in groups.values().filter(|m| m.len() > 1) {
        for (k, &i) in members.iter().enumerate() {
            // The other: the next one of the group (the first, for the last).
            let other = members.get(k + 1).or(members.first()).and_then(|&j| tables.get(j)).map(place);
            twins.push((i, other.unwrap_or_default()));
        }
    }
    twins.sort();
    for (i, other) in twins {
        let Some(t) = tables.get_mut(i) else { continue };
        let province = t.province.clone().unwrap_or_default();
        let row = t.rows.first().map(|r| r.row);
        t.checks.push(Issue::targets_province_twice(&province, &other).at(Some(&t.sheet), row, Some("อำเภอ")));
        t.usable = false;
    }
}

/// The preset with the usable tables' figures in place of its own: matched
/// districts are updated, new ones added (in the tables' order). Issues: what the
/// tables' checks found, printed targets that differ from the engine's, and rows
/// that could not be read.
pub fn apply(preset: &Preset, file: &str, tables: &[TargetTable]) -> (Preset, Vec<Issue>) {
    let mut p = preset.clone();
    let mut issues: Vec<Issue> = tables.iter().flat_map(|t| t.checks.iter().map(|i| i.clone().in_file(file))).collect();
    let tables: Vec<&TargetTable> = tables.iter().filter(|t| t.usable).collect();
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
