//! Importing dropped files: reading any supported format ([`workbook`], [`csv`]),
//! normalising what people type ([`text`]), finding the report form's header
//! ([`header`]) and reading its rows ([`report`]), sales ([`sales`], [`month`])
//! and the letter's target tables ([`targets`]).

pub mod csv;
pub mod header;
pub mod month;
pub mod report;
pub mod sales;
pub mod targets;
pub mod text;
pub mod workbook;

use crate::issue::{Issue, Severity};
use serde::Serialize;

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

/// What a sheet was recognised as, from its header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetKind {
    Report,
    Sales,
    TargetTable,
    Other,
}

/// A file read and interpreted: its products, which sheets were used and which
/// skipped (with why), and its issues (SPEC §9's FILE object plus the products).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct ImportedFile {
    pub file: String,
    /// `"report"`, `"round1"`, `"sales"`, `"targets"`, or `"unknown"` when no sheet was usable.
    pub kind: String,
    pub sheets_used: Vec<String>,
    /// Skipped sheets with the reason, in Thai and English.
    pub sheets_skipped: Vec<SkippedSheet>,
    /// Product rows read.
    pub rows: usize,
    /// Shared, so the page can copy a file's description without its products.
    #[serde(skip)]
    pub products: std::sync::Arc<Vec<report::Product>>,
    pub issues: Vec<Issue>,
}

/// A sheet that was not used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct SkippedSheet {
    pub sheet: String,
    pub kind: SheetKind,
    pub reason_th: String,
    pub reason_en: String,
}

impl ImportedFile {
    /// `"ok"`, `"warning"` or `"error"`.
    pub fn state(&self) -> &'static str {
        state_of(&self.issues)
    }
}

/// Which slot a file was dropped into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A round-2 report.
    Report,
    /// A round-1 report, whose products are excluded from round 2.
    Round1,
}

/// Recognises a sheet that is not a report form: a target table (the letter's
/// attachments: อำเภอ and several "คะแนน" columns) or sales data (อำเภอ and
/// ยอดจำหน่าย, or month columns).
pub fn classify_other(sheet: &Sheet) -> SheetKind {
    let rows = sheet.rows.iter().take(header::SEARCH_ROWS);
    let mut district = false;
    let mut scores = 0;
    let mut sales = false;
    let mut months = 0;
    for row in rows {
        let mut row_scores = 0;
        let mut row_months = 0;
        for v in row {
            let workbook::Value::Text(t) = v else { continue };
            let c = text::compact(t);
            district |= c == "อำเภอ" || c == "อ." || c.starts_with("ชื่ออำเภอ");
            if c.contains("คะแนน") {
                row_scores += 1;
            }
            sales |= c.starts_with("ยอดจำหน่าย") || c.starts_with("ยอดขาย") || c.starts_with("รายได้");
            if crate::display::THAI_MONTHS
                .iter()
                .any(|(full, short)| c.starts_with(&text::compact(full)) || c.starts_with(&text::compact(short)))
            {
                row_months += 1;
            }
        }
        scores = scores.max(row_scores);
        months = months.max(row_months);
    }
    if district && scores >= 3 {
        SheetKind::TargetTable
    } else if district && (sales || months >= 2) {
        SheetKind::Sales
    } else {
        SheetKind::Other
    }
}

use workbook::Sheet;

/// The one preset district named in `texts` (title rows, sheet name, file name), if exactly one is.
fn district_named_in(texts: &[String], districts: &[String]) -> Option<String> {
    let found: Vec<&String> = districts
        .iter()
        .filter(|d| {
            let c = text::compact(d);
            texts.iter().any(|t| text::compact(t).contains(&c))
        })
        .collect();
    match found.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

/// Reads one dropped report file: finds and reads every report-form sheet,
/// classifies and skips the others, and turns every failure into an issue.
/// `districts` are the preset's district names (to recognise a one-district file).
pub fn import_report(name: &str, bytes: &[u8], role: Role, districts: &[String]) -> ImportedFile {
    let mut f = ImportedFile {
        file: name.to_string(),
        kind: "unknown".into(),
        sheets_used: Vec::new(),
        sheets_skipped: Vec::new(),
        rows: 0,
        products: Default::default(),
        issues: Vec::new(),
    };
    let mut products = Vec::new();
    let wb = match workbook::read(name, bytes) {
        Ok(wb) => wb,
        Err(e) => {
            f.issues.push(e.issue(name));
            return f;
        }
    };
    f.issues.extend(wb.unreadable.iter().map(|i| i.clone().in_file(name)));
    let skip = |f: &mut ImportedFile, sheet: &Sheet, kind: SheetKind, th: &str, en: &str| {
        f.sheets_skipped.push(SkippedSheet {
            sheet: sheet.name.clone(),
            kind,
            reason_th: th.to_string(),
            reason_en: en.to_string(),
        });
    };
    for sheet in &wb.sheets {
        if sheet.hidden {
            skip(&mut f, sheet, SheetKind::Other, "แผ่นงานซ่อนอยู่ — ไม่ได้ใช้", "hidden sheet, not used");
            continue;
        }
        if sheet.filled_rows() == 0 {
            skip(&mut f, sheet, SheetKind::Other, "แผ่นงานว่าง", "empty sheet");
            continue;
        }
        let Some(h) = header::find(sheet) else {
            match classify_other(sheet) {
                SheetKind::Sales => skip(
                    &mut f,
                    sheet,
                    SheetKind::Sales,
                    "เป็นข้อมูลยอดจำหน่าย — วางไฟล์นี้ในช่องยอดจำหน่าย",
                    "sales data: drop this file on the sales slot",
                ),
                SheetKind::TargetTable => skip(
                    &mut f,
                    sheet,
                    SheetKind::TargetTable,
                    "เป็นตารางค่าเป้าหมาย — นำเข้าในส่วนตั้งค่า",
                    "a target table: import it in the settings",
                ),
                _ => skip(&mut f, sheet, SheetKind::Other, "ไม่พบหัวตารางของแบบรายงาน", "no report-form header found"),
            }
            continue;
        };
        let missing = h.missing_required();
        if !missing.is_empty() {
            let names_th = missing
                .iter()
                .map(|k| {
                    if *k == header::Key::Facebook {
                        "ช่องทางตลาดออนไลน์ (อย่างน้อยหนึ่งช่อง เช่น Facebook)".to_string()
                    } else {
                        format!("\"{}\"", k.header_th())
                    }
                })
                .collect::<Vec<_>>()
                .join(", ");
            let names_en = missing
                .iter()
                .map(|k| {
                    if *k == header::Key::Facebook {
                        "an online channel (at least one, e.g. Facebook)".to_string()
                    } else {
                        format!("\"{}\"", k.header_th())
                    }
                })
                .collect::<Vec<_>>()
                .join(", ");
            f.issues.push(
                Issue::error("report.column.missing", format!("ไม่พบคอลัมน์ที่จำเป็น: {names_th} — เพิ่มคอลัมน์นี้ในหัวตาราง (ใช้แบบรายงานจากปุ่มดาวน์โหลดแบบฟอร์ม)"), format!("A required column is missing: {names_en}: add it to the header (use the blank form from the template download)"))
                    .in_file(name)
                    .at(Some(&sheet.name), Some(sheet.row_number(h.first)), None),
            );
            skip(&mut f, sheet, SheetKind::Report, "ขาดคอลัมน์ที่จำเป็น", "a required column is missing");
            continue;
        }
        let mut texts: Vec<String> = sheet.rows.iter().take(h.first).flatten().map(|v| v.text()).collect();
        texts.push(sheet.name.clone());
        texts.push(name.to_string());
        let default_amphoe = district_named_in(&texts, districts);
        if h.col(header::Key::Amphoe).is_none() && default_amphoe.is_none() {
            f.issues.push(
                Issue::error("report.column.missing", "ไม่พบคอลัมน์ \"อำเภอ\" และไม่พบชื่ออำเภอในหัวรายงาน — เพิ่มคอลัมน์อำเภอ หรือเขียนชื่ออำเภอในแถวชื่อรายงาน", "The \"อำเภอ\" (district) column is missing and the title does not name a district: add the column, or name the district in the title row")
                    .in_file(name)
                    .at(Some(&sheet.name), Some(sheet.row_number(h.first)), None),
            );
            skip(&mut f, sheet, SheetKind::Report, "ไม่รู้ว่าเป็นของอำเภอใด", "district unknown");
            continue;
        }
        let rows = report::read_rows(name, sheet, &h, default_amphoe.as_deref());
        f.sheets_used.push(sheet.name.clone());
        f.rows += rows.products.len();
        products.extend(rows.products);
        f.issues.extend(rows.issues);
    }
    f.products = std::sync::Arc::new(products);
    if !f.sheets_used.is_empty() {
        f.kind = match role {
            Role::Report => "report",
            Role::Round1 => "round1",
        }
        .into();
    } else if f.issues.iter().all(|i| i.severity != Severity::Error) {
        let kinds: Vec<SheetKind> = f.sheets_skipped.iter().map(|s| s.kind).collect();
        f.kind = if kinds.contains(&SheetKind::Sales) {
            "sales"
        } else if kinds.contains(&SheetKind::TargetTable) {
            "targets"
        } else {
            "unknown"
        }
        .into();
        f.issues.push(
            Issue::error("report.no_report_sheet", "ไม่พบแผ่นงานที่เป็นแบบรายงานผลการส่งเสริมผลิตภัณฑ์ OTOP ในตลาดออนไลน์ในไฟล์นี้ — ตรวจว่าหัวตารางมีคอลัมน์ \"ชื่อผลิตภัณฑ์\" และช่องทางออนไลน์", "No sheet of this file is an online-market report form: check that its header has the \"ชื่อผลิตภัณฑ์\" (product name) column and the online channels")
                .in_file(name),
        );
    }
    f
}
