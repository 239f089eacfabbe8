//! Issues that repeat one value on many rows, reported once (SPEC §4.1: one
//! error per distinct name per sheet, saying on how many rows and which).

use super::{Code, Issue};
use crate::text::normalize;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
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
///
/// The list travels unfinished between the workers that read parts of one big
/// file, and the page [`merge`](Repeats::merge)s theirs before finishing it.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Repeats {
    issues: Vec<Issue>,
    /// Per issue that can repeat: the value's comparison key and the rows it is on.
    rows: Vec<Option<(String, Rows)>>,
    /// Issues that can repeat by the hash of their place and value (rebuilt
    /// where it is needed after the list travelled).
    #[serde(skip)]
    by_hash: HashMap<u64, Vec<usize>>,
}

impl PartialEq for Repeats {
    fn eq(&self, other: &Repeats) -> bool {
        self.issues == other.issues && self.rows == other.rows
    }
}

#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
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
        let hash = hash_of(at.code, at.file, at.sheet, at.column, &key);
        if let Some(rows) = self.found(hash, at, &key) {
            rows.add(at.row);
            return;
        }
        self.by_hash.entry(hash).or_default().push(self.issues.len());
        self.issues.push(make().in_file(at.file).at(Some(at.sheet), Some(at.row), Some(at.column)));
        self.rows.push(Some((key, Rows { count: 1, first: vec![at.row], last: at.row, rest: Vec::new() })));
    }

    /// The rows of the issue about `key` at `at`'s place, if there is one.
    fn found(&mut self, hash: u64, at: Place<'_>, key: &str) -> Option<&mut Rows> {
        let (issues, rows) = (&self.issues, &self.rows);
        let same = |i: &usize| {
            let (Some(issue), Some(Some((k, _)))) = (issues.get(*i), rows.get(*i)) else { return false };
            issue.code == at.code
                && k == key
                && issue.file.as_deref() == Some(at.file)
                && issue.sheet.as_deref() == Some(at.sheet)
                && issue.column.as_deref() == Some(at.column)
        };
        let i = self.by_hash.get(&hash).and_then(|v| v.iter().copied().find(same))?;
        self.rows.get_mut(i)?.as_mut().map(|(_, rows)| rows)
    }

    /// Adds the issues of `later` — read from rows after this list's, of the
    /// same sheets — as if they had been pushed here: an issue about a value
    /// this list has an issue about adds its rows to it.
    ///
    /// ```
    /// use otop_model::issue::{repeats::{Place, Repeats}, Code, Issue};
    /// let at = |row| Place { code: Code::ReportFlagUnclear, file: "a.xlsx", sheet: "S", column: "K", row };
    /// let make = || Issue::report_flag_unclear("ไม่แน่ใจ");
    /// let (mut whole, mut first, mut second) = (Repeats::default(), Repeats::default(), Repeats::default());
    /// for row in [3, 5, 9, 12] {
    ///     whole.push_repeat(at(row), "ไม่แน่ใจ", make);
    ///     let half = if row < 9 { &mut first } else { &mut second };
    ///     half.push_repeat(at(row), "ไม่แน่ใจ", make);
    /// }
    /// first.merge(second);
    /// assert_eq!(first.into_issues(), whole.into_issues());
    /// ```
    pub fn merge(&mut self, later: Repeats) {
        // A list that travelled comes without its index (it is not sent).
        if self.by_hash.is_empty() {
            for (i, (issue, rows)) in self.issues.iter().zip(&self.rows).enumerate() {
                if let Some((key, _)) = rows {
                    self.by_hash.entry(hash_of_issue(issue, key)).or_default().push(i);
                }
            }
        }
        for (issue, rows) in later.issues.into_iter().zip(later.rows) {
            let Some((key, rows)) = rows else {
                self.push(issue);
                continue;
            };
            let hash = hash_of_issue(&issue, &key);
            let at = Place {
                code: issue.code,
                file: issue.file.as_deref().unwrap_or_default(),
                sheet: issue.sheet.as_deref().unwrap_or_default(),
                column: issue.column.as_deref().unwrap_or_default(),
                row: rows.first.first().copied().unwrap_or_default(),
            };
            if let Some(mine) = self.found(hash, at, &key) {
                for row in rows.first.first().into_iter().chain(&rows.rest) {
                    mine.add(*row);
                }
                continue;
            }
            self.by_hash.entry(hash).or_default().push(self.issues.len());
            self.issues.push(issue);
            self.rows.push(Some((key, rows)));
        }
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

/// The hash an issue that can repeat is found by: its place and the value's key.
fn hash_of(code: Code, file: &str, sheet: &str, column: &str, key: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    (code.as_str(), file, sheet, column, key).hash(&mut h);
    h.finish()
}

fn hash_of_issue(issue: &Issue, key: &str) -> u64 {
    let (file, sheet, column) = (issue.file.as_deref(), issue.sheet.as_deref(), issue.column.as_deref());
    hash_of(issue.code, file.unwrap_or_default(), sheet.unwrap_or_default(), column.unwrap_or_default(), key)
}

impl Rows {
    /// One more row the value is on (one row met again, as a wide sales
    /// table's months are, counts once).
    fn add(&mut self, row: u32) {
        if self.last == row {
            return;
        }
        self.last = row;
        self.count += 1;
        self.rest.push(row);
        if self.first.len() < ROWS_LISTED {
            self.first.push(row);
        }
    }

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
