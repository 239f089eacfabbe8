//! Issues that repeat one value on many rows, reported once (SPEC §4.1: one
//! error per distinct name per sheet, saying on how many rows and which).

use super::{Code, Issue};
use crate::text::normalize;
use rustc_hash::FxHashMap as HashMap;
use std::hash::{Hash, Hasher};

/// How many rows an issue names in its message before "and N more".
const ROWS_LISTED: usize = 3;

/// Where a repeated issue is: its kind, file, sheet, column and row.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    /// The issue's code.
    pub code: Code,
    /// The file.
    pub file: &'a str,
    /// The sheet.
    pub sheet: &'a str,
    /// The column.
    pub column: &'a str,
    /// The row, 1-based.
    pub row: u32,
}

/// A list of issues in which the issues about one value (a district name, a
/// flag text, an amount) on several rows of one sheet are one issue: its row
/// is the first row, and its message says on how many rows and lists the first
/// ones ("แถว 3, 5, 9 และอีก 2 แถว"). Values are the same when their
/// comparison keys are ([`normalize`]): "วังน้ําเย็น" repeats "วังน้ำเย็น".
///
/// ```
/// use otop_model::issue::{repeats::{Place, Repeats}, Code, Issue};
/// let mut list = Repeats::default();
/// for row in [3, 5, 9, 12, 20] {
///     let at = Place { code: Code::ReportAmphoeUnknown, file: "a.xlsx", sheet: "S", column: "อำเภอ", row };
///     list.push_repeat(at, "คลองหาร", || Issue::report_amphoe_unknown("คลองหาร", &["คลองหาด".into()]));
/// }
/// let issues = list.into_issues();
/// assert_eq!(issues.len(), 1);
/// assert_eq!(issues[0].row, Some(3));
/// assert!(issues[0].message_th.contains("5 แถว: แถว 3, 5, 9 และอีก 2 แถว"));
/// assert!(issues[0].message_en.contains("on 5 rows: 3, 5, 9 and 2 more"));
/// assert_eq!(issues[0].also_rows, [5, 9, 12, 20], "the other rows, for a file sent back");
/// ```
#[derive(Debug, Default, Clone)]
pub struct Repeats {
    issues: Vec<Issue>,
    /// Per issue that can repeat: the value's comparison key and the rows it is on.
    rows: Vec<Option<(String, Rows)>>,
    /// Issues that can repeat by the hash of their place and value.
    by_hash: HashMap<u64, Vec<usize>>,
}

#[derive(Debug, Default, Clone)]
struct Rows {
    count: usize,
    first: Vec<u32>,
    last: u32,
    /// Every row after the first (a file sent back marks them all).
    rest: Vec<u32>,
}

impl Repeats {
    /// An issue that is never grouped.
    pub fn push(&mut self, issue: Issue) {
        self.issues.push(issue);
        self.rows.push(None);
    }

    /// An issue about `value` at `at`: the first for this value on this sheet
    /// and column is made by `make` (and placed at `at`), the next ones only
    /// counted.
    #[inline]
    pub fn push_repeat(&mut self, at: Place<'_>, value: &str, make: impl FnOnce() -> Issue) {
        let key = normalize(value);
        let mut h = rustc_hash::FxHasher::default();
        (at.code.as_str(), at.file, at.sheet, at.column, key.as_str()).hash(&mut h);
        let hash = h.finish();
        let same = |i: &usize| {
            let (Some(issue), Some(Some((k, _)))) = (self.issues.get(*i), self.rows.get(*i)) else { return false };
            issue.code == at.code
                && *k == key
                && issue.file.as_deref() == Some(at.file)
                && issue.sheet.as_deref() == Some(at.sheet)
                && issue.column.as_deref() == Some(at.column)
        };
        let found = self.by_hash.get(&hash).and_then(|v| v.iter().copied().find(|i| same(i)));
        if let Some(Some((_, rows))) = found.and_then(|i| self.rows.get_mut(i)) {
            // (One row met again, as a wide sales table's months are: counted once.)
            if rows.last == at.row {
                return;
            }
            rows.last = at.row;
            rows.count += 1;
            rows.rest.push(at.row);
            if rows.first.len() < ROWS_LISTED {
                rows.first.push(at.row);
            }
            return;
        }
        self.by_hash.entry(hash).or_default().push(self.issues.len());
        self.issues.push(make().in_file(at.file).at(Some(at.sheet), Some(at.row), Some(at.column)));
        self.rows.push(Some((key, Rows { count: 1, first: vec![at.row], last: at.row, rest: Vec::new() })));
    }

    /// How many issues there are (a repeated one counts once).
    pub fn len(&self) -> usize {
        self.issues.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.issues.is_empty()
    }

    /// The issues in the order they were first met, each repeated one saying on
    /// how many rows it is.
    pub fn into_issues(self) -> Vec<Issue> {
        self.issues
            .into_iter()
            .zip(self.rows)
            .map(|(mut issue, rows)| {
                if let Some((_, rows)) = rows.filter(|(_, r)| r.count > 1) {
                    let (th, en) = rows.describe();
                    issue.message_th = format!("{} ({th})", issue.message_th);
                    issue.message_en = format!("{} ({en})", issue.message_en);
                    issue.also_rows = rows.rest;
                }
                issue
            })
            .collect()
    }
}

impl Extend<Issue> for Repeats {
    fn extend<T: IntoIterator<Item = Issue>>(&mut self, iter: T) {
        for issue in iter {
            self.push(issue);
        }
    }
}

impl Rows {
    /// "พบ 5 แถว: แถว 3, 5, 9 และอีก 2 แถว" / "on 5 rows: 3, 5, 9 and 2 more".
    fn describe(&self) -> (String, String) {
        let list = self.first.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
        let more = self.count.saturating_sub(self.first.len());
        let n = self.count;
        if more == 0 {
            (format!("พบ {n} แถว: แถว {list}"), format!("on {n} rows: {list}"))
        } else {
            (format!("พบ {n} แถว: แถว {list} และอีก {more} แถว"), format!("on {n} rows: {list} and {more} more"))
        }
    }
}
