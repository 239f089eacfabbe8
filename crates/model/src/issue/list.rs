//! The issues list as the page shows it (SPEC §5): what its filters keep, each
//! file's issues together, a page at a time, and its counts. The page's view
//! only draws what these give.
//!
//! ```
//! use otop_model::issue::list::{self, Filter};
//! use otop_model::issue::{Issue, Severity};
//! let in_file = |name: &str| Issue::report_no_report_sheet().in_file(name);
//! let all = vec![in_file("b.xlsx"), in_file("a.xlsx")];
//! let kept = list::kept(&all, &Filter::default());
//! let (groups, left) = list::page(&kept, 1);
//! assert_eq!((groups.len(), groups[0].0.as_str(), left), (1, "a.xlsx", 1));
//! assert!(list::kept(&all, &Filter { severity: Some(Severity::Warning), file: None }).is_empty());
//! ```

use super::{Issue, Severity};

/// Which issues the list shows: of one severity, of one file (`None`: all).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this severity (none: both).
    pub severity: Option<Severity>,
    /// Only this file's (none: every file's).
    pub file: Option<String>,
}

impl Filter {
    /// The filter of the page's two choices: a severity's name (`error`,
    /// `warning`; anything else is all) and a file's name (empty: all files,
    /// so a file may be called anything, "all" included).
    ///
    /// ```
    /// use otop_model::issue::{list::Filter, Severity};
    /// assert_eq!(Filter::of("error", ""), Filter { severity: Some(Severity::Error), file: None });
    /// assert_eq!(Filter::of("all", "all").file.as_deref(), Some("all"));
    /// ```
    pub fn of(severity: &str, file: &str) -> Filter {
        let severity = [Severity::Error, Severity::Warning].into_iter().find(|s| s.as_str() == severity);
        Filter { severity, file: (!file.is_empty()).then(|| file.to_string()) }
    }

    fn keeps(&self, issue: &Issue) -> bool {
        self.severity.is_none_or(|s| s == issue.severity)
            && self.file.as_deref().is_none_or(|f| issue.file.as_deref().unwrap_or_default() == f)
    }
}

/// The issues `filter` keeps, each file's together (the files by name, the
/// settings' and the run's own, with no file, first), each in its order.
pub fn kept(all: &[Issue], filter: &Filter) -> Vec<Issue> {
    let mut v: Vec<Issue> = all.iter().filter(|i| filter.keeps(i)).cloned().collect();
    v.sort_by(|a, b| a.file.cmp(&b.file));
    v
}

/// The first `limit` of `kept` grouped by file (`""`: no file), and how many
/// are left for "show more".
pub fn page(kept: &[Issue], limit: usize) -> (Vec<(String, Vec<&Issue>)>, usize) {
    let mut groups: Vec<(String, Vec<&Issue>)> = Vec::new();
    for i in kept.iter().take(limit) {
        let f = i.file.clone().unwrap_or_default();
        match groups.last_mut() {
            Some((name, mine)) if *name == f => mine.push(i),
            _ => groups.push((f, vec![i])),
        }
    }
    (groups, kept.len().saturating_sub(limit))
}

/// How many errors and how many warnings.
pub fn counts(all: &[Issue]) -> (usize, usize) {
    let errors = all.iter().filter(|i| i.severity == Severity::Error).count();
    (errors, all.len() - errors)
}

/// The names of the files with issues, sorted, each once (the file filter's choices).
pub fn files(all: &[Issue]) -> Vec<String> {
    let mut names: Vec<String> = all.iter().filter_map(|i| i.file.clone()).filter(|f| !f.is_empty()).collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn issue(file: Option<&str>, error: bool) -> Issue {
        let mut i = if error { Issue::report_no_report_sheet() } else { Issue::report_entrepreneur_missing() };
        i.file = file.map(str::to_string);
        i
    }

    #[test]
    fn filters_group_by_file_and_page() {
        let all = vec![
            issue(Some("b.xlsx"), true),
            issue(Some("a.xlsx"), false),
            issue(None, true),
            issue(Some("b.xlsx"), false),
            issue(Some("all"), true),
        ];
        assert_eq!(counts(&all), (3, 2));
        assert_eq!(files(&all), ["a.xlsx", "all", "b.xlsx"]);
        let every = kept(&all, &Filter::of("all", ""));
        let (groups, left) = page(&every, 4);
        let names: Vec<(&str, usize)> = groups.iter().map(|(f, v)| (f.as_str(), v.len())).collect();
        assert_eq!((names, left), (vec![("", 1), ("a.xlsx", 1), ("all", 1), ("b.xlsx", 1)], 1));
        // b.xlsx's two in the order they came: the error, then the warning.
        let b = kept(&all, &Filter::of("", "b.xlsx"));
        assert_eq!(b.iter().map(|i| i.severity).collect::<Vec<_>>(), [Severity::Error, Severity::Warning]);
        // A file called "all" is a file like any other.
        assert_eq!(kept(&all, &Filter::of("all", "all")).len(), 1);
        assert_eq!(kept(&all, &Filter::of("warning", "")).len(), 2);
        assert_eq!(page(&every, 200).1, 0);
    }
}
