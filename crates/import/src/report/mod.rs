//! Reading one dropped report file (SPEC §4.1): finds and reads every
//! report-form sheet ([`rows`]), says why it skipped the others, and turns every
//! failure into an issue.

mod differences;
mod rows;
pub mod tambon;

pub use differences::{differences, Differences};
pub use rows::{read_rows, Rows};
use rows::{read_rows_in, starts_product};

use super::classify::classify_other;
use super::reader::{read_part, Parted, Split};
use otop_model::district::province_named_in;
use otop_model::divisions;
use otop_model::imported::cell::Sheet;
use otop_model::imported::file::{FileKind, ImportedFile};
use otop_model::imported::header::Key;
use otop_model::imported::part::{Part, PartRead, Portion, Share};
use otop_model::imported::product::Product;
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
    let read = import_report_part(name, bytes, kind, districts, Part::WHOLE);
    let mut file = read.file;
    file.products = std::sync::Arc::new(read.products);
    file
}

/// Reads `part` of a report file, as [`import_report`] reads it whole: for
/// a share of the split sheet (see [`read_part`]), its products and that
/// sheet's row issues, unfinished, for [`merge`](otop_model::imported::part::merge).
pub fn import_report_part(name: &str, bytes: &[u8], kind: FileKind, districts: &[String], part: Part) -> PartRead {
    let (wb, split, portion) = match read_part(name, bytes, part) {
        Parted::Whole(wb) => (wb, None, Portion::Whole),
        Parted::Nothing => return nothing(name, Portion::Nothing),
        Parted::Share(wb, split) => (Ok(wb), Some(split), Portion::Whole),
        Parted::NotSplit => return nothing(name, Portion::Share(Share { not_split: true, ..Share::default() })),
    };
    let mut f = ImportedFile::new(name, None);
    let wb = match wb {
        Ok(wb) => wb,
        Err(e) => {
            f.issues.push(e.issue(name));
            return PartRead { file: f, products: Vec::new(), portion };
        }
    };
    f.issues.extend(wb.unreadable.iter().map(|e| e.issue(name)));
    let mut products = Vec::new();
    // A share of the split sheet, once it is read.
    let mut share = split.map(|_| Share::default());
    for (at, sheet) in wb.sheets.iter().enumerate() {
        let Some(ReportSheet { header: h, texts, default_amphoe }) = report_sheet(&mut f, sheet, name, districts)
        else {
            continue;
        };
        let this_share = split.filter(|s| s.sheet == at);
        let rows = match this_share.map(|s| share_rows(sheet, &h, s)) {
            None => h.data_start..sheet.rows.len(),
            Some(Some(rows)) => rows,
            Some(None) => return nothing(name, Portion::Share(Share { not_split: true, ..Share::default() })),
        };
        let (mut sheet_products, row_issues) = read_rows_in(name, sheet, &h, default_amphoe.as_deref(), rows);
        // A row without a จังหวัด cell belongs to the province the title, the sheet
        // or the file names (for runs over several provinces).
        if let Some(province) = province_named_in(texts.iter().map(String::as_str)) {
            fill_province(&mut sheet_products, province.into());
        }
        let tambon_issues = tambon::check_repeats(name, &sheet_products);
        f.sheets_used.push(sheet.name.clone());
        f.rows += sheet_products.len();
        match (this_share, share.as_mut()) {
            (Some(_), Some(share)) => {
                *share = Share {
                    issues_at: f.issues.len(),
                    products_at: products.len(),
                    products: sheet_products.len(),
                    tambon: tambon_issues,
                    rows: row_issues,
                    not_split: false,
                };
            }
            _ => {
                f.issues.extend(tambon_issues.into_issues());
                f.issues.extend(row_issues.into_issues());
            }
        }
        products.extend(sheet_products);
    }
    if !f.sheets_used.is_empty() {
        f.kind = Some(kind);
    } else if f.issues.iter().all(|i| i.severity != Severity::Error) {
        let looks = |k: FileKind| f.sheets_skipped.iter().any(|s| s.kind == Some(k));
        f.kind = [FileKind::Sales, FileKind::Targets].into_iter().find(|k| looks(*k));
        f.issues.push(Issue::report_no_report_sheet().in_file(name));
    }
    let portion = match share {
        Some(share) => Portion::Share(share),
        None => portion,
    };
    PartRead { file: f, products, portion }
}

/// Gives `province` to the products without one.
///
/// Apart, and not inlined, as are the other steps of [`import_report_part`]
/// that loop over a sheet's rows or products: the browser compiles a wasm
/// function again, optimised, once it has run long, and a call already
/// running keeps running unoptimised. With its loops inlined,
/// `import_report_part` (38 KB of wasm, called once a file) took the
/// optimising compiler 170 ms, on a core the page and the other worker
/// needed, just after the page was ready; with them apart (and wasm-opt's
/// one-caller bound at 400 bytes), 21 KB and 76 ms (BENCHMARKS.md, "Issue 35").
#[inline(never)]
fn fill_province(products: &mut [Product], province: otop_model::imported::cell::Text) {
    for p in products.iter_mut().filter(|p| p.province.trim().is_empty()) {
        p.province = province.clone();
    }
}

/// A part's answer with no file description and no products.
fn nothing(name: &str, portion: Portion) -> PartRead {
    PartRead { file: ImportedFile::new(name, None), products: Vec::new(), portion }
}

/// A sheet of the report form, as its header and title rows say.
struct ReportSheet {
    header: otop_model::imported::header::Header,
    /// The title rows' texts, the sheet's name and the file's.
    texts: Vec<String>,
    /// The district the whole sheet is for, when those texts name one.
    default_amphoe: Option<String>,
}

/// The report-form sheet `sheet` is, or `None` with why it is skipped (in
/// `f`); the issues of its header too. (Not inlined: see [`fill_province`].)
#[inline(never)]
fn report_sheet(f: &mut ImportedFile, sheet: &Sheet, name: &str, districts: &[String]) -> Option<ReportSheet> {
    if sheet.hidden {
        f.skip(&sheet.name, None, "แผ่นงานซ่อนอยู่ — ไม่ได้ใช้", "hidden sheet, not used");
        return None;
    }
    if sheet.filled_rows() == 0 {
        f.skip(&sheet.name, None, "แผ่นงานว่าง", "empty sheet");
        return None;
    }
    let Some(h) = crate::header::find(sheet) else {
        skip_other(f, sheet);
        return None;
    };
    let at_header = |i: Issue| i.in_file(name).at(Some(&sheet.name), Some(sheet.row_number(h.first)), None);
    let missing = h.missing_required();
    if !missing.is_empty() {
        let (th, en) = missing_names(&missing);
        f.issues.push(at_header(Issue::report_column_missing(&th, &en)));
        f.skip(&sheet.name, Some(FileKind::Report), "ขาดคอลัมน์ที่จำเป็น", "a required column is missing");
        return None;
    }
    let mut texts: Vec<String> = sheet.rows.iter().take(h.first).flatten().map(|v| v.text()).collect();
    texts.push(sheet.name.clone());
    texts.push(name.to_string());
    let default_amphoe = district_named_in(&texts, districts);
    if h.col(Key::Amphoe).is_none() && default_amphoe.is_none() {
        f.issues.push(at_header(Issue::report_district_column_missing()));
        f.skip(&sheet.name, Some(FileKind::Report), "ไม่รู้ว่าเป็นของอำเภอใด", "district unknown");
        return None;
    }
    let changed = differences(sheet, &h);
    if !changed.is_empty() {
        let (th, en) = changed.describe();
        f.issues.push(at_header(Issue::report_form_differs(&th, &en)));
    }
    Some(ReportSheet { header: h, texts, default_amphoe })
}

/// The rows of a share of the split sheet, from the first row that starts a
/// product at or after the share's first row (the header's first data row for
/// the first share) to the first that does at or after the next share's; `None`
/// when no product starts in the rows read past a share's first row. (Not
/// inlined: see [`fill_province`].)
#[inline(never)]
fn share_rows(sheet: &Sheet, h: &otop_model::imported::header::Header, s: Split) -> Option<std::ops::Range<usize>> {
    let first_from = |row: usize| (row..row + s.window).find(|i| starts_product(sheet, h, *i));
    let start = match s.from {
        0 => h.data_start,
        from => first_from(from.max(h.data_start))?,
    };
    let end = match s.to {
        None => sheet.rows.len(),
        Some(to) => first_from(to.max(h.data_start))?,
    };
    Some(start..end.max(start))
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
