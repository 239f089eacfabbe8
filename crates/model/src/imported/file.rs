//! What reading a file gave ([`ImportedFile`], SPEC §9's FILE object), and the
//! kinds of files ([`FileKind`]).

use super::product::Product;
use crate::issue::{Issue, Severity};
use serde::{Deserialize, Serialize};

/// What a file is for: the slot it was dropped on (or the settings button it came
/// through), and what a sheet was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// A round-2 report (the online-market form).
    Report,
    /// A round-1 report, whose products are excluded from round 2.
    Round1,
    /// Sales figures for KPI 2.
    Sales,
    /// The letter's target tables.
    Targets,
}

impl FileKind {
    /// `"report"`, `"round1"`, `"sales"` or `"targets"`, as in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Report => "report",
            FileKind::Round1 => "round1",
            FileKind::Sales => "sales",
            FileKind::Targets => "targets",
        }
    }
}

/// The worst severity among `issues`, as the page's `data-state`:
/// `"ok"`, `"warning"` or `"error"`.
pub fn state_of<'a>(issues: impl IntoIterator<Item = &'a Issue>) -> &'static str {
    let mut state = "ok";
    for i in issues {
        match i.severity {
            Severity::Error => return "error",
            Severity::Warning => state = "warning",
        }
    }
    state
}

/// A dropped file's name without any folder in front of it.
///
/// ```
/// # use otop_model::imported::file::base_name;
/// assert_eq!(base_name("C:\\รายงาน\\คลองหาด.xls"), "คลองหาด.xls");
/// assert_eq!(base_name("a/b.csv"), "b.csv");
/// ```
pub fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// The lower-case extension of a file name (`""` without one).
///
/// ```
/// # use otop_model::imported::file::extension;
/// assert_eq!(extension("คลองหาด.XLS"), "xls");
/// assert_eq!(extension("xls"), "");
/// ```
pub fn extension(name: &str) -> String {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// The state of the file named `file` from every issue of a run (those of the
/// file itself and those found when counting).
pub fn state_of_file(issues: &[Issue], file: &str) -> &'static str {
    state_of(issues.iter().filter(|i| i.file.as_deref() == Some(file)))
}

/// A file read and interpreted: its products, which sheets were used and which
/// skipped (with why), and its issues (SPEC §9's FILE object plus the products).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedFile {
    /// The file's name.
    pub file: String,
    /// What the file turned out to hold; `None` ("unknown" in JSON) when no sheet was usable.
    #[serde(with = "kind_json")]
    pub kind: Option<FileKind>,
    /// The sheets whose rows were read.
    pub sheets_used: Vec<String>,
    /// Skipped sheets with the reason, in Thai and English.
    pub sheets_skipped: Vec<SkippedSheet>,
    /// Product rows read.
    pub rows: usize,
    /// Shared, so the page can copy a file's description without its products.
    #[serde(skip)]
    pub products: std::sync::Arc<Vec<Product>>,
    /// What reading the file had to say.
    pub issues: Vec<Issue>,
}

/// A sheet that was not used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedSheet {
    /// The sheet.
    pub sheet: String,
    /// What the sheet looked like (`None`: nothing this tool reads).
    pub kind: Option<FileKind>,
    /// Why it was skipped, in Thai.
    pub reason_th: String,
    /// Why it was skipped, in English.
    pub reason_en: String,
}

impl ImportedFile {
    /// A file of `kind` with nothing read yet.
    pub fn new(name: &str, kind: Option<FileKind>) -> ImportedFile {
        ImportedFile {
            file: name.to_string(),
            kind,
            sheets_used: Vec::new(),
            sheets_skipped: Vec::new(),
            rows: 0,
            products: Default::default(),
            issues: Vec::new(),
        }
    }

    /// `"ok"`, `"warning"` or `"error"`.
    pub fn state(&self) -> &'static str {
        state_of(&self.issues)
    }

    /// Notes that `sheet` was skipped, looking like `kind`, and why.
    pub fn skip(&mut self, sheet: &str, kind: Option<FileKind>, th: &str, en: &str) {
        self.sheets_skipped.push(SkippedSheet {
            sheet: sheet.to_string(),
            kind,
            reason_th: th.to_string(),
            reason_en: en.to_string(),
        });
    }
}

/// `Option<FileKind>` as `"report"`… or `"unknown"`.
mod kind_json {
    use super::FileKind;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<FileKind>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(k) => s.serialize_str(k.as_str()),
            None => s.serialize_str("unknown"),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<FileKind>, D::Error> {
        let text = String::deserialize(d)?;
        Ok([FileKind::Report, FileKind::Round1, FileKind::Sales, FileKind::Targets]
            .into_iter()
            .find(|k| k.as_str() == text))
    }
}

/// What the page's file pickers offer (the `accept` list of every file input):
/// each extension of a format the readers (`otop_import::detect`) read — Excel's workbooks and templates,
/// WPS Office's (`.et`, `.ett`: Excel 97–2003 or Office Open XML inside),
/// LibreOffice's (`.ods`, flat `.fods`), and what web systems save as "Excel".
/// A dropped file is read by its content whatever its name.
pub const PICKER_EXTENSIONS: &[&str] = &[
    "xlsx", "xlsm", "xltx", "xltm", "xls", "xlt", "xlsb", "et", "ett", "ods", "fods", "csv", "txt", "xml", "htm",
    "html",
];

/// [`PICKER_EXTENSIONS`] as an `accept` attribute: `".xlsx,.xlsm,…"`.
///
/// ```
/// # use otop_model::imported::file::picker_accept;
/// assert!(picker_accept().starts_with(".xlsx,.xlsm,.xltx,"));
/// assert!(picker_accept().contains(",.et,.ett,"));
/// ```
pub fn picker_accept() -> String {
    PICKER_EXTENSIONS.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(",")
}

/// The name of the file sent back for file `name`: "<name without its
/// extension>-ส่งคืนแก้ไข.xlsx".
///
/// ```
/// assert_eq!(otop_model::imported::file::returned_name("07-เขาฉกรรจ์.xls"), "07-เขาฉกรรจ์-ส่งคืนแก้ไข.xlsx");
/// ```
pub fn returned_name(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    format!("{stem}-ส่งคืนแก้ไข.xlsx")
}
