//! The writers of a run, read back: the results workbook with calamine (as
//! a user's spreadsheet opens it), the CSV tables as text. A district named
//! like a formula stays text in every download.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use calamine::{Data, Reader, Xlsx};
use otop_engine::analysis::Analysis;
use otop_engine::sales::SalesInput;
use otop_export::{csv, results};
use otop_model::display::Lang;
use otop_model::label::Label;
use otop_model::preset::Preset;
use std::io::Cursor;

/// The preset's run with no file, its first district renamed by `name`.
fn run_named(name: &str) -> (Preset, Analysis) {
    let mut preset = Preset::sa_kaeo_2564_round2();
    preset.districts[0].name = name.to_string();
    let a = Analysis::run(&preset, &[], &[], &SalesInput::default());
    (preset, a)
}

fn cells(bytes: Vec<u8>, sheet: &str) -> Vec<Vec<Data>> {
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

#[test]
fn a_district_named_like_a_formula_is_text_in_every_csv() {
    let (_, a) = run_named("=HYPERLINK(\"http://x\",\"y\")");
    for (what, text) in
        [("kpi1", csv::kpi1_csv(&a)), ("kpi2", csv::kpi2_csv(&a)), ("readiness", csv::readiness_csv(&a))]
    {
        assert!(text.starts_with('\u{FEFF}'), "{what}: a BOM first");
        assert!(text.contains("'=HYPERLINK("), "{what}: the name neutralised: {text}");
        assert!(!text.lines().any(|l| l.starts_with("=") || l.starts_with("\"=")), "{what}: {text}");
    }
}

#[test]
fn the_results_workbook_holds_the_letters_targets_and_each_district() {
    let (preset, a) = run_named("เมืองสระแก้ว");
    let bytes = results::results_workbook(&preset, &a, Lang::Th).unwrap();
    let book = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
    let names = book.sheet_names();
    assert!(names.iter().any(|n| n == Label::Kpi1TargetsSheet.text(Lang::Th)), "{names:?}");
    let sheet = cells(bytes, Label::Kpi1TargetsSheet.text(Lang::Th));
    // The letter's province row: 134, 154, 173, 192, 211 products.
    let province = sheet.iter().find(|r| r.iter().any(|c| c.to_string() == preset.province_label()));
    let numbers: Vec<String> = province.map(|r| r.iter().map(|c| c.to_string()).collect()).unwrap_or_default();
    for target in ["134", "154", "173", "192", "211"] {
        assert!(numbers.iter().any(|c| c == target), "{target} in {numbers:?}");
    }
    // Every district of the preset has its row.
    for d in &preset.districts {
        assert!(sheet.iter().any(|r| r.iter().any(|c| c.to_string() == d.name)), "{}", d.name);
    }
}
