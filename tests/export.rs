//! The workbooks the page offers for download, read back with calamine through
//! the project's own importer.

use otop_kpi::analysis::Analysis;
use otop_kpi::export::csv::{issues_csv, kpi1_csv};
use otop_kpi::export::form::template_workbook;
use otop_kpi::export::results::results_workbook;
use otop_kpi::import::file::FileKind;
use otop_kpi::import::{reader, report::import_report};
use otop_kpi::preset::Preset;
use otop_kpi::sales::SalesInput;
use std::path::Path;

fn names() -> Vec<String> {
    Preset::sa_kaeo_2564_round2().districts.into_iter().map(|d| d.name).collect()
}

#[test]
fn the_template_is_an_empty_report_form() {
    let bytes = template_workbook(&Preset::sa_kaeo_2564_round2()).unwrap();
    let f = import_report("template.xlsx", &bytes, FileKind::Report, &names());
    assert_eq!(f.sheets_used, ["แบบรายงาน"]);
    assert_eq!(f.rows, 0);
    assert!(f.issues.is_empty(), "{:?}", f.issues);
}

#[test]
fn the_merged_product_list_reads_back_with_the_same_counts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/scenario");
    let preset = Preset::sa_kaeo_2564_round2();
    let mut reports = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('0') {
            reports.push(import_report(&name, &std::fs::read(&p).unwrap(), FileKind::Report, &names()));
        }
    }
    reports.sort_by(|a, b| a.file.cmp(&b.file));
    let a = Analysis::run(&preset, &reports, &[], &SalesInput::default());
    let bytes = results_workbook(&preset, &a).unwrap();
    let wb = reader::read("results.xlsx", &bytes).unwrap();
    let sheets: Vec<&str> = wb.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(sheets, ["สรุปตัวชี้วัด", "รายการผลิตภัณฑ์", "ความพร้อม", "ปัญหาที่พบ"]);
    let back = import_report("results.xlsx", &bytes, FileKind::Report, &names());
    assert_eq!(back.sheets_used, ["รายการผลิตภัณฑ์"]);
    let again = Analysis::run(&preset, &[back], &[], &SalesInput::default());
    assert_eq!(again.counted.online, a.counted.online);
    assert_eq!(a.counted.online.iter().sum::<i64>(), 182, "no round 1 given: 37 + 3");
    assert!(kpi1_csv(&a).contains("เมืองสระแก้ว,412,40,9.71,3"));
    assert!(issues_csv(&a).lines().count() > 1);
}
