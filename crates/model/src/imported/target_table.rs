//! A target table as read from a department's sheet (SPEC §4.4), and how its
//! figures replace the preset's: the readers (`otop_import::targets`) find the
//! tables; this is what they found and what applying it means.

use crate::district::{match_district, DistrictMatch, DistrictMatcher};
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
    /// The district (the province's total row has the province's label).
    pub district: String,
    /// Entrepreneurs (KPI 1's table).
    pub entrepreneurs: Option<i64>,
    /// Registered products (KPI 1's table).
    pub products: Option<i64>,
    /// Base-year sales (KPI 2's table).
    pub base: Option<Satang>,
    /// The five printed targets (reference column, then scores 2–5), with their cells.
    pub printed: Vec<(Satang, String)>,
    /// The row, 1-based.
    pub row: u32,
}

/// A target table read from a sheet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TargetTable {
    /// Which of the letter's two tables.
    pub table: Table,
    /// The sheet it was read from.
    pub sheet: String,
    /// Its districts' rows, then the province's.
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
