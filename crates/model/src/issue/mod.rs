//! Issues: what the engine and the importers report to the user.
//!
//! Every problem is a value, never a panic: an [`Issue`] names where it is (file,
//! sheet, row, column, as the spreadsheet numbers them) and says in Thai and in
//! English what to change.
//!
//! The issues form a catalogue: every kind has a [`Code`] (its stable text and
//! its severity) and one constructor on [`Issue`] that writes its Thai and
//! English message, with how to fix it ([`report`], [`sales`], [`preset`]; a
//! file that cannot be read is [`crate::imported::error::FileError`]). A call site
//! is one line, and behaviour never depends on message text.
//!
//! ```
//! use otop_model::issue::{Code, Issue, Severity};
//! let i = Issue::report_flag_unclear("maybe").in_file("a.xlsx").at(Some("Sheet1"), Some(5), Some("C"));
//! assert_eq!(i.code, Code::ReportFlagUnclear);
//! assert_eq!(i.severity, Severity::Warning);
//! assert_eq!(i.row, Some(5));
//! ```

mod code;
pub mod list;
pub mod preset;
pub mod repeats;
pub mod report;
pub mod sales;
pub mod targets;

pub use code::Code;
use serde::{Deserialize, Serialize};

/// How bad an issue is: an error means a figure could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Wrong: the figure is not counted until it is fixed.
    Error,
    /// Worth a look: counted as read.
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
    /// Error or warning.
    pub severity: Severity,
    /// The file (none: about the settings).
    pub file: Option<String>,
    /// The sheet.
    pub sheet: Option<String>,
    /// 1-based row number as the spreadsheet shows it.
    pub row: Option<u32>,
    /// Column letter, optionally followed by its header (e.g. `"E (ชื่อผลิตภัณฑ์)"`).
    pub column: Option<String>,
    /// What kind of issue it is (serialised as its stable text, e.g. `"report.duplicate"`).
    pub code: Code,
    /// What is wrong and how to fix it, in Thai.
    pub message_th: String,
    /// The same in English.
    pub message_en: String,
    /// The other rows (1-based) the same problem is on, when one value repeats
    /// (SPEC §4.1: reported once, at `row`, the message saying on how many
    /// rows): a file sent back marks them too. Not part of SPEC §9's JSON
    /// (see [`json`]).
    #[serde(default)]
    pub also_rows: Vec<u32>,
    /// The preset district (by index) the issue is about, where it is about one
    /// (a district's missing sales, say). Not part of the JSON output.
    #[serde(skip)]
    pub district: Option<usize>,
}

impl Issue {
    /// An issue of kind `code` (whose severity it takes) with its message in
    /// Thai and English. Prefer the catalogue's constructors.
    pub fn new(code: Code, th: impl Into<String>, en: impl Into<String>) -> Issue {
        Issue {
            severity: code.severity(),
            file: None,
            sheet: None,
            row: None,
            column: None,
            code,
            message_th: th.into(),
            message_en: en.into(),
            also_rows: Vec::new(),
            district: None,
        }
    }

    /// The same issue, about preset district number `index`.
    pub fn for_district(mut self, index: usize) -> Issue {
        self.district = Some(index);
        self
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
