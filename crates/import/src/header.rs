//! Finding the report form's header row in a sheet (SPEC §4.1), as
//! [`otop_model::imported::header::Header`].
//!
//! The header may sit anywhere in the first rows, span two rows (group cells
//! merged over their sub-headers), have line breaks and spaces inside cells,
//! Thai digits, "อ." for "อำเภอ", columns in any order and extra columns. Each
//! candidate row is read together with the row under it; every cell's text is
//! compacted (see [`otop_model::text::compact`]) and matched against the known header
//! texts. The row whose pair of rows names the most distinct columns wins.

use otop_model::imported::cell::{Sheet, Value};
use otop_model::imported::header::{Header, Key};
use otop_model::text::compact;
use rustc_hash::FxHashMap;

/// How many of the first rows are searched for the header.
pub const SEARCH_ROWS: usize = 40;

/// The header key each cell of a sheet's first [`SEARCH_ROWS`] + 1 rows names.
struct Named {
    first_col: u32,
    width: usize,
    keys: Vec<Option<Key>>,
}

impl Named {
    fn of(sheet: &Sheet, end_col: u32) -> Named {
        let width = end_col.saturating_sub(sheet.first_col) as usize;
        let rows = sheet.rows.len().min(SEARCH_ROWS + 1);
        // Each distinct text named once: a district's name, "Facebook" or "✓"
        // repeat down the data rows under the header.
        let mut named: FxHashMap<&str, Option<Key>> = FxHashMap::default();
        let keys = (0..rows)
            .flat_map(|r| (sheet.first_col..end_col).map(move |c| (r, c)))
            .map(|(r, c)| match sheet.cell(r, c) {
                Value::Text(t) => *named.entry(t).or_insert_with(|| Key::of_header(t)),
                _ => None,
            })
            .collect();
        Named { first_col: sheet.first_col, width, keys }
    }

    /// The key cell (`r`, `c`) names; `None` outside the searched rows.
    fn key(&self, r: usize, c: u32) -> Option<Key> {
        let col = c.checked_sub(self.first_col)? as usize;
        if col >= self.width {
            return None;
        }
        self.keys.get(r.checked_mul(self.width)?.checked_add(col)?).copied().flatten()
    }
}

/// Finds the report form's header: the first row pair naming at least four
/// distinct columns, the best such pair among the first [`SEARCH_ROWS`] rows.
pub fn find(sheet: &Sheet) -> Option<Header> {
    let end_col = sheet.end_col();
    // Each cell of the searched rows named once (a cell is looked at as an upper
    // row, a lower row and again for the channels: 912 small files spent a
    // fifth of their reading here).
    let named = Named::of(sheet, end_col);
    // The best header row so far, and whether its lower row is part of it.
    let mut best: Option<(Header, bool)> = None;
    for r in 0..sheet.rows.len().min(SEARCH_ROWS) {
        // The upper row's text wins; the lower row fills the columns under a group
        // header. The lower row counts as part of the header only when it names at
        // least two columns of its own (a data row may hold "facebook.com/…").
        let mut columns: Vec<(Key, u32)> = Vec::new();
        let mut from_second = 0;
        for c in sheet.first_col..end_col {
            let (upper, lower) = (named.key(r, c), named.key(r + 1, c));
            let (key, second) = match (upper, lower) {
                (Some(k), _) => (k, false),
                (None, Some(k)) => (k, true),
                (None, None) => continue,
            };
            if !columns.iter().any(|(x, _)| *x == key) {
                columns.push((key, c));
                from_second += usize::from(second);
            }
        }
        // A pair whose upper row names nothing (a title row over the header) is the
        // lower row alone: the next row's turn finds it.
        if from_second == columns.len() {
            continue;
        }
        let used_second = from_second >= 2;
        if !used_second && from_second > 0 {
            let upper_only: Vec<(Key, u32)> =
                columns.iter().copied().filter(|(_, c)| named.key(r, *c).is_some()).collect();
            columns = upper_only;
        }
        if columns.len() >= 4 && best.as_ref().is_none_or(|(b, _)| columns.len() > b.columns.len()) {
            best = Some((Header { first: r, data_start: 0, columns, extra_channels: Vec::new() }, used_second));
        }
    }
    let (mut header, used_second) = best?;
    header.data_start = header.first + if used_second { 2 } else { 1 };
    for c in sheet.first_col..end_col {
        let rows = if used_second { header.first..header.first + 2 } else { header.first..header.first + 1 };
        let key = rows.clone().find_map(|r| named.key(r, c));
        if key.is_some_and(|k| Key::CHANNELS.contains(&k) && header.col(k) != Some(c))
            && !header.columns.iter().any(|(_, col)| *col == c)
        {
            header.extra_channels.push(c);
        }
    }
    if is_column_numbers(sheet, header.data_start) {
        header.data_start += 1;
    }
    Some(header)
}

/// A row of column numbers under the header: at least three cells, all small
/// whole numbers (or "(n)"), rising from left to right.
fn is_column_numbers(sheet: &Sheet, row: usize) -> bool {
    let Some(cells) = sheet.rows.get(row) else { return false };
    let mut values = Vec::new();
    for v in cells {
        let t = compact(&v.text());
        if t.is_empty() {
            continue;
        }
        let t = t.trim_start_matches('(').trim_end_matches(')');
        match t.parse::<u32>() {
            Ok(n) if (1..=200).contains(&n) => values.push(n),
            _ => return false,
        }
    }
    values.len() >= 3 && values.iter().zip(values.iter().skip(1)).all(|(a, b)| a < b)
}
