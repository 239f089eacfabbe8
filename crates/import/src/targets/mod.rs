//! The letter's target tables (attachments 1 and 2) as Excel (SPEC §4.4): found
//! as blocks in the layouts departments send ([`blocks`]), checked as they are
//! read ([`checks`]); they replace the preset's district figures; a printed
//! target that differs from what the engine computes is a warning naming the cell.

mod blocks;
mod checks;

use super::reader::read;
use otop_model::district::{province_named_in, same_province};
use otop_model::divisions::province_key;
use otop_model::imported::error::FileError;
use otop_model::issue::Issue;

use otop_model::imported::target_table::{Table, TableRow, TargetTable};

/// A block's total row as read ([`blocks`]), for its checks ([`checks`]): its row
/// number and its figures' cells.
pub struct Total {
    /// The row, 1-based as the spreadsheet shows it.
    pub row: u32,
    /// The entrepreneurs' cell.
    pub entrepreneurs: Option<otop_model::imported::cell::Value>,
    /// The products' cell.
    pub products: Option<otop_model::imported::cell::Value>,
    /// The base sales' cell.
    pub base: Option<otop_model::imported::cell::Value>,
}

/// Reads the target tables of a file (one per sheet that is one).
pub fn read_tables(name: &str, bytes: &[u8]) -> Result<Vec<TargetTable>, FileError> {
    let wb = read(name, bytes)?;
    let mut tables: Vec<TargetTable> = wb.sheets.iter().filter(|s| !s.hidden).flat_map(blocks::read_sheet).collect();
    // A file of one province names it in its name when its sheets do not.
    let from_name = province_named_in([otop_model::imported::file::base_name(name)]);
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
