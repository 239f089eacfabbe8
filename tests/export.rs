//! The workbooks the page offers for download, read back with calamine through
//! the project's own importer.

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_engine::analysis::Analysis;
use otop_engine::nation::{NationRun, ProvinceRun};
use otop_engine::sales::SalesInput;
use otop_export::csv::{issues_csv, kpi1_csv};
use otop_export::form::template_workbook;
use otop_export::results::{results_workbook, results_workbook_of};
use otop_import::{reader, report::import_report};
use otop_model::display::Lang;
use otop_model::imported::file::FileKind;
use otop_model::preset::Preset;
use otop_protocol::{CsvTable, Outcome, Request, RunData, Write};
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
    let (preset, a) = scenario();
    let bytes = results_workbook(&preset, &a, otop_model::display::Lang::Th).unwrap();
    let wb = reader::read("results.xlsx", &bytes).unwrap();
    let sheets: Vec<&str> = wb.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        sheets,
        [
            "สรุปตัวชี้วัด",
            "เป้าหมาย ตลาดออนไลน์",
            "เป้าหมาย รายได้",
            "รายการผลิตภัณฑ์",
            "ผลิตภัณฑ์ที่ไม่นับ",
            "ความพร้อม",
            "ปัญหาที่พบ",
            "otop-kpi-link" // hidden: the run's results link (tests/share.rs)
        ]
    );
    let sheet = |name: &str| wb.sheets.iter().find(|s| s.name == name).unwrap();
    let text = |s: &otop_model::imported::cell::Sheet, r: usize, c: u32| s.cell(r, c).text();
    // Who has sent: each district, and the province row "8 of 9"-style.
    let summary = sheet("สรุปตัวชี้วัด");
    assert_eq!((text(summary, 3, 10), text(summary, 4, 10)), ("ส่งรายงาน".into(), "ส่งแล้ว".into()));
    assert_eq!(text(summary, 13, 10), "ส่งแล้ว 9 จาก 9 อำเภอ");
    // The letter's tables: เมืองสระแก้ว's KPI 1 targets, the province's, วังสมบูรณ์'s 5-point revenue.
    let t1 = sheet("เป้าหมาย ตลาดออนไลน์");
    assert_eq!((4..9).map(|c| text(t1, 4, c)).collect::<Vec<_>>(), ["29", "33", "37", "41", "45"]);
    assert_eq!((4..9).map(|c| text(t1, 13, c)).collect::<Vec<_>>(), ["134", "154", "173", "192", "211"]);
    assert_eq!(text(t1, 13, 1), "รวม (จ.สระแก้ว)");
    assert_eq!(text(sheet("เป้าหมาย รายได้"), 12, 7), "2389817320");
    // Each counted product says where it came from and which district it counted for.
    let list = sheet("รายการผลิตภัณฑ์");
    assert_eq!((26..30).map(|c| text(list, 2, c)).collect::<Vec<_>>(), ["นับให้อำเภอ", "ไฟล์ที่มา", "แผ่นงาน", "แถว"]);
    assert_eq!(
        (26..30).map(|c| text(list, 5, c)).collect::<Vec<_>>(),
        ["เมืองสระแก้ว", "01-เมืองสระแก้ว.xlsx", "อ.เมืองสระแก้ว", "6"]
    );
    // Left out: the three repeated products and the misspelt district, each with why.
    let out = sheet("ผลิตภัณฑ์ที่ไม่นับ");
    assert_eq!(out.filled_rows(), 5);
    let reasons: Vec<String> = (1..5).map(|r| text(out, r, 1)).collect();
    assert_eq!(reasons.iter().filter(|r| r.starts_with("ซ้ำกับ")).count(), 3, "{reasons:?}");
    assert!(reasons.contains(&"ไม่รู้จักอำเภอ".to_string()), "{reasons:?}");
    let products = otop_export::csv::products_csv(&a);
    assert_eq!(products.lines().count(), 1 + a.counted.kept.len());
    assert!(products.contains(",เมืองสระแก้ว,Facebook: facebook.com/ม1"), "{}", &products[..400]);
    assert!(products.lines().nth(1).unwrap().ends_with(",01-เมืองสระแก้ว.xlsx,อ.เมืองสระแก้ว,6"));
    // In English, the headings are English.
    let en =
        reader::read("results.xlsx", &results_workbook(&preset, &a, otop_model::display::Lang::En).unwrap()).unwrap();
    let names_en: Vec<&str> = en.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names_en,
        [
            "Summary",
            "Targets KPI 1",
            "Targets KPI 2",
            "Products",
            "Not counted",
            "Readiness",
            "Issues",
            "otop-kpi-link"
        ]
    );
    let back = import_report("results.xlsx", &bytes, FileKind::Report, &names());
    assert_eq!(back.sheets_used, ["รายการผลิตภัณฑ์"]);
    let again = Analysis::run(&preset, &[back], &[], &SalesInput::default());
    assert_eq!(again.counted.online, a.counted.online);
    assert_eq!(a.counted.online.iter().sum::<i64>(), 182, "no round 1 given: 37 + 3");
    assert!(kpi1_csv(&a).contains("เมืองสระแก้ว,412,40,9.71,3"));
    assert!(issues_csv(&a).lines().count() > 1);
}

/// The text of a part of a zip package.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
    text
}

#[test]
fn a_report_goes_back_with_its_problem_cells_marked_and_noted() {
    let preset = Preset::sa_kaeo_2564_round2();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/scenario");
    let name = "07-เขาฉกรรจ์.xlsx";
    let original = std::fs::read(dir.join(name)).unwrap();
    let report = import_report(name, &original, FileKind::Report, &names());
    let a = Analysis::run(&preset, &[report], &[], &SalesInput::default());
    let issues: Vec<&otop_model::issue::Issue> = a.issues.iter().filter(|i| i.file.as_deref() == Some(name)).collect();
    // By hand (make_fixtures.py): the #REF! online-sales cell on row 9 and "maybe" in a readiness cell on row 11.
    assert_eq!(issues.len(), 2, "{issues:?}");
    let book = reader::read(name, &original).unwrap();
    let bytes = otop_returned::returned_file(name, &original, &issues, otop_model::display::Lang::Th).unwrap();

    let back = reader::read("back.xlsx", &bytes).unwrap();
    let sheets: Vec<(&str, bool)> = back.sheets.iter().map(|s| (s.name.as_str(), s.hidden)).collect();
    assert_eq!(sheets, [("ปัญหาที่ต้องแก้", false), ("คำชี้แจง", false), ("ข้อมูลเดิม", true), ("เขาฉกรรจ์", false)]);
    // The first sheet lists both problems with their cells.
    let list = &back.sheets[0];
    let cells: Vec<String> = (3..5).map(|r| list.cell(r, 3).text()).collect();
    assert_eq!(cells, ["Z9", "O11"]);
    assert!(list.cell(3, 4).text().contains("#REF!"));
    // The district's sheets hold the same cells as before.
    for (before, after) in book.sheets.iter().zip(&back.sheets[1..]) {
        for r in 0..before.rows.len().max(after.rows.len()) {
            for c in 0..before.end_col().max(after.end_col()) {
                let (b, a) = (before.cell(r, c).text(), after.cell(r, c).text());
                assert_eq!(b, a, "{} row {} col {c}", before.name, before.row_number(r));
            }
        }
    }
    // Read again as a report, it counts the same.
    let again = import_report("back.xlsx", &bytes, FileKind::Report, &names());
    let counted = Analysis::run(&preset, &[again], &[], &SalesInput::default());
    assert_eq!(counted.counted.online, a.counted.online);
    // Each problem cell carries a note (in the sheet's comments) and a fill.
    let notes = part(&bytes, "xl/comments1.xml");
    assert!(notes.contains("ref=\"Z9\"") && notes.contains("ref=\"O11\""), "{notes}");
    assert!(notes.contains("#REF!") && notes.contains("maybe"), "{notes}");
    // The package patched (tests/returned.rs checks it part by part): the district's sheet is still sheet3.
    let sheet = part(&bytes, "xl/worksheets/sheet3.xml");
    for at in ["Z9", "O11"] {
        let tag = &sheet[sheet.find(&format!("<c r=\"{at}\"")).unwrap()..];
        assert!(tag[..tag.find('>').unwrap()].contains(" s=\""), "{at} has a format of its own");
    }
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("FFFFC7CE") && styles.contains("FFFFEB9C"), "the error and warning fills");
}

/// The scenario's nine district reports, scored.
fn scenario() -> (Preset, Analysis) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/scenario");
    let preset = Preset::sa_kaeo_2564_round2();
    let mut reports: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with('0'))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            import_report(&name, &std::fs::read(&p).unwrap(), FileKind::Report, &names())
        })
        .collect();
    reports.sort_by(|a, b| a.file.cmp(&b.file));
    let a = Analysis::run(&preset, &reports, &[], &SalesInput::default());
    (preset, a)
}

/// What the worker answers a request to write `what` from `run`.
fn written_by_worker(run: &RunData, what: Write) -> Vec<u8> {
    let request = Request::write(1, "out", what, Lang::Th);
    let reply = otop_worker::run(&request, &run.encode());
    match reply.outcome {
        Outcome::Made(Ok(bytes)) => bytes,
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_worker_writes_from_the_run_the_page_hands_it_what_the_writers_write() {
    let (preset, a) = scenario();
    let nation =
        NationRun::of_provinces(vec![ProvinceRun { preset: preset.clone(), analysis: a.clone(), files: vec![] }]);
    let run = RunData { preset: preset.clone(), analysis: Some(a.clone()), nation: Some(nation.clone()) };
    // The run arrives whole: every product, score, next step and issue.
    assert_eq!(RunData::decode(&run.encode()).unwrap(), run);
    assert!(a.counted.products().count() > 40);
    // CSV: the same bytes.
    assert_eq!(written_by_worker(&run, Write::Csv(CsvTable::Kpi1)), kpi1_csv(&a).into_bytes());
    assert_eq!(written_by_worker(&run, Write::Csv(CsvTable::Issues)), issues_csv(&a).into_bytes());
    // Workbooks: the same sheets and cells (their bytes hold the time they were made).
    let cells = |bytes: &[u8]| reader::read("x.xlsx", bytes).unwrap().sheets;
    let direct = results_workbook_of(&preset, &a, Some(&nation), Lang::Th).unwrap();
    assert_eq!(cells(&written_by_worker(&run, Write::Results)), cells(&direct));
    let form = RunData { analysis: None, nation: None, ..run.clone() };
    assert_eq!(cells(&written_by_worker(&form, Write::Template)), cells(&template_workbook(&preset).unwrap()));
    // A run that needs an analysis and has none, or bytes that are no run: one clear issue.
    let request = Request::write(2, "out.csv", Write::Csv(CsvTable::Kpi2), Lang::Th);
    assert!(matches!(otop_worker::run(&request, &form.encode()).outcome, Outcome::Made(Err(_))));
    assert!(matches!(otop_worker::run(&request, b"\xff\xff\xff").outcome, Outcome::Made(Err(_))));
}
