//! Issues: what the engine and the importers report to the user.
//!
//! Every problem is a value, never a panic: an [`Issue`] names where it is (file,
//! sheet, row, column, as the spreadsheet numbers them) and says in Thai and in
//! English what to change.
//!
//! ```
//! use otop_kpi::issue::{Issue, Severity};
//! let i = Issue::warning("demo.code", "ข้อความ", "message").in_file("a.xlsx").at(Some("Sheet1"), Some(5), Some("C"));
//! assert_eq!(i.severity, Severity::Warning);
//! assert_eq!(i.row, Some(5));
//! ```

use serde::{Deserialize, Serialize};

/// How bad an issue is: an error means a figure could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`, as in the JSON output and the page's `data-severity`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem found in a preset or an input file (SPEC §9's ISSUE object).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    pub severity: Severity,
    pub file: Option<String>,
    pub sheet: Option<String>,
    /// 1-based row number as the spreadsheet shows it.
    pub row: Option<u32>,
    /// Column letter, optionally followed by its header (e.g. `"E (ชื่อผลิตภัณฑ์)"`).
    pub column: Option<String>,
    /// A stable machine-readable code, e.g. `"report.channel.missing"`.
    pub code: String,
    pub message_th: String,
    pub message_en: String,
}

impl Issue {
    fn new(severity: Severity, code: &str, th: impl Into<String>, en: impl Into<String>) -> Issue {
        Issue {
            severity,
            file: None,
            sheet: None,
            row: None,
            column: None,
            code: code.to_string(),
            message_th: th.into(),
            message_en: en.into(),
        }
    }

    /// An error: the figure or file it names was not used.
    pub fn error(code: &str, th: impl Into<String>, en: impl Into<String>) -> Issue {
        Issue::new(Severity::Error, code, th, en)
    }

    /// A warning: the figure was used, but deserves a look.
    pub fn warning(code: &str, th: impl Into<String>, en: impl Into<String>) -> Issue {
        Issue::new(Severity::Warning, code, th, en)
    }

    /// The same issue, placed in a file.
    pub fn in_file(mut self, file: &str) -> Issue {
        self.file = Some(file.to_string());
        self
    }

    /// The same issue, placed at a sheet, row and column.
    pub fn at(mut self, sheet: Option<&str>, row: Option<u32>, column: Option<&str>) -> Issue {
        self.sheet = sheet.map(str::to_string);
        self.row = row;
        self.column = column.map(str::to_string);
        self
    }

    /// The message in the chosen language.
    pub fn message(&self, lang: crate::display::Lang) -> &str {
        match lang {
            crate::display::Lang::Th => &self.message_th,
            crate::display::Lang::En => &self.message_en,
        }
    }
}
