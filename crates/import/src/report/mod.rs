//! Reading one dropped report file (SPEC §4.1): finds and reads every
//! report-form sheet ([`rows`]), says why it skipped the others, and turns every
//! failure into an issue.

mod differences;
mod rows;
pub mod tambon;

pub use differences::{differences, Differences};
pub use rows::{read_rows, Rows};

use super::classify::classify_other;
use super::reader::read;
use otop_model::district::province_named_in;
use otop_model::divisions;
use otop_model::imported::cell::Sheet;
use otop_model::imported::file::{FileKind, ImportedFile};
use otop_model::imported::header::Key;
use otop_model::issue::{Issue, Severity};
use otop_model::text::compact;

/// The one preset district named in `texts` (title rows, sheet name, file name), if exactly one is;
/// "อำเภอเมือง" (or "อ.เมือง") in a title that names a province is that province's capital district.
fn district_named_in(texts: &[String], districts: &[String]) -> Option<String> {
    let keys: Vec<String> = texts.iter().map(|t| compact(t)).collect();
    let found: Vec<&String> = districts
        .iter()
        .filter(|d| {
            let c = compact(d);
            keys.iter().any(|t| t.contains(&c))
        })
        .collect();
    match found.as_slice() {
        [one] => Some((*one).clone()),
        [] if keys.iter().any(|t| t.contains("อำเภอเมือง") || t.contains("อ.เมือง")) => {
            let capital = province_named_in(texts.iter().map(String::as_str))
                .and_then(|p| divisions::province(&p)?.capital().map(|c| divisions::district_key(c.name)))?;
            districts.iter().find(|d| divisions::district_key(d) == capital).cloned()
        }
        _ => None,
    }
}

/// The missing required columns, named in Thai and in English.
fn missing_names(missing: &[Key]) -> (String, String) {
    let name = |k: &Key, channel: &str| {
        if *k == Key::Facebook {
            channel.to_string()
        } else {
            format!("\"{}\"", k.header_th())
        }
    };
    let th = missing.iter().map(|k| name(k, "ช่องทางตลาดออนไลน์ (อย่างน้อยหนึ่งช่อง เช่น Facebook)"));
    let en = missing.iter().map(|k| name(k, "an online channel (at least one, e.g. Facebook)"));
    (th.collect::<Vec<_>>().join(", "), en.collect::<Vec<_>>().join(", "))
}

/// Reads one dropped report file: finds and reads every report-form sheet,
/// classifies and skips the others, and turns every failure into an issue.
/// `kind` is [`FileKind::Report`] or [`FileKind::Round1`]; `districts` are the
/// preset's district names (to recognise a one-district file).
pub fn import_report(name: &str, bytes: &[u8], kind: FileKind, districts: &[String]) -> ImportedFile {
    let mut f = ImportedFile::new(name, None);
    let wb = match read(name, bytes) {
        Ok(wb) => wb,
        Err(e) => {
            f.issues.push(e.issue(name));
            return f;
        }
    };
    f.issues.extend(wb.unreadable.iter().map(|e| e.issue(name)));
    let mut products = Vec::new();
    for sheet in &wb.sheets {
        if sheet.hidden {
            f.skip(&sheet.name, None, "แผ่นงานซ่อนอยู่ — ไม่ได้ใช้", "hidden sheet, not used");
            continue;
        }
        if sheet.filled_rows() == 0 {
            f.skip(&sheet.name, None, "แผ่นงานว่าง", "empty sheet");
            continue;
        }
        let Some(h) = crate::header::find(sheet) else {
            skip_other(&mut f, sheet);
            continue;
        };
        let at_header = |i: Issue| i.in_file(name).at(Some(&sheet.name), Some(sheet.row_number(h.first)), None);
        let missing = h.missing_required();
        if !missing.is_empty() {
            let (th, en) = missing_names(&missing);
            f.issues.push(at_header(Issue::report_column_missing(&th, &en)));
            f.skip(&sheet.name, Some(FileKind::Report), "ขาดคอลัมน์ที่จำเป็น", "a required column is missing");
            continue;
        }
        let mut texts: Vec<String> = sheet.rows.iter().take(h.first).flatten().map(|v| v.text()).collect();
        texts.push(sheet.name.clone());
        texts.push(name.to_string());
        let default_amphoe = district_named_in(&texts, districts);
        if h.col(Key::Amphoe).is_none() && default_amphoe.is_none() {
            f.issues.push(at_header(Issue::report_district_column_missing()));
            f.skip(&sheet.name, Some(FileKind::Report), "ไม่รู้ว่าเป็นของอำเภอใด", "district unknown");
            continue;
        }
        let changed = differences(sheet, &h);
        if !changed.is_empty() {
            let (th, en) = changed.describe();
            f.issues.push(at_header(Issue::report_form_differs(&th, &en)));
        }
        let mut rows = read_rows(name, sheet, &h, default_amphoe.as_deref());
        // A row without a จังหวัด cell belongs to the province the title, the sheet
        // or the file names (for runs over several provinces).
        if let Some(province) = province_named_in(texts.iter().map(String::as_str)) {
            let province: otop_model::imported::cell::Text = province.into();
            for p in rows.products.iter_mut().filter(|p| p.province.trim().is_empty()) {
                p.province = province.clone();
            }
        }
        f.issues.extend(tambon::check(name, &rows.products));
        f.sheets_used.push(sheet.name.clone());
        f.rows += rows.products.len();
        products.extend(rows.products);
        f.issues.extend(rows.issues);
    }
    f.products = std::sync::Arc::new(products);
    if !f.sheets_used.is_empty() {
        f.kind = Some(kind);
    } else if f.issues.iter().all(|i| i.severity != Severity::Error) {
        let looks = |k: FileKind| f.sheets_skipped.iter().any(|s| s.kind == Some(k));
        f.kind = [FileKind::Sales, FileKind::Targets].into_iter().find(|k| looks(*k));
        f.issues.push(Issue::report_no_report_sheet().in_file(name));
    }
    f
}

/// Skips a sheet without a report header, saying what it looks like instead.
fn skip_other(f: &mut ImportedFile, sheet: &Sheet) {
    let kind = classify_other(sheet);
    let (th, en) = match kind {
        Some(FileKind::Sales) => {
            ("เป็นข้อมูลยอดจำหน่าย — วางไฟล์นี้ในช่องยอดจำหน่าย", "sales data: drop this file on the sales slot")
        }
        Some(FileKind::Targets) => ("เป็นตารางค่าเป้าหมาย — นำเข้าในส่วนตั้งค่า", "a target table: import it in the settings"),
        _ => ("ไม่พบหัวตารางของแบบรายงาน", "no report-form header found"),
    };
    f.skip(&sheet.name, kind, th, en);
}
