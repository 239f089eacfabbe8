//! KPI 2 from real sales files (tests/fixtures/files/sales, made by
//! make_fixtures.py). Growth and scores below were computed by hand from the
//! letter's bases and targets.

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_engine::sales::SalesInput;
use otop_model::money::Satang;
use otop_model::preset::Preset;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files").join(rel)
}

fn read(rel: &[&str]) -> SalesInput {
    let files: Vec<(String, Vec<u8>)> = rel
        .iter()
        .map(|r| (fixture(r).file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(fixture(r)).unwrap()))
        .collect();
    otop_import::sales::read_all(&files, &Preset::sa_kaeo_2564_round2())
}

/// Actual Apr–Sep 2564 sales per district, as the fixture script typed them.
const SALES: [i64; 9] =
    [75_133_146, 54_000_000, 41_569_740, 34_905_288, 60_062_343, 89_879_893, 19_562_178, 24_422_002, 2_200_000_000];

/// By hand: growth over the letter's base, score by table, score by percent.
/// e.g. วัฒนานคร 60,062,343 / 56,133,031 = +7.00 % but below the exact 60,062,343.17.
const EXPECTED: [(&str, &str, u64, u64); 9] = [
    ("เมืองสระแก้ว", "10.00", 5, 5),
    ("คลองหาด", "5.20", 1, 1),
    ("ตาพระยา", "8.00", 3, 3),
    ("วังน้ำเย็น", "9.00", 4, 4),
    ("วัฒนานคร", "7.00", 2, 1),
    ("อรัญประเทศ", "7.00", 2, 2),
    ("เขาฉกรรจ์", "8.00", 3, 2),
    ("โคกสูง", "10.00", 5, 5),
    ("วังสมบูรณ์", "1.26", 1, 1),
];

fn actual(s: &SalesInput) -> Vec<Option<i64>> {
    s.actual.iter().map(|a| a.map(Satang::baht)).collect()
}

#[test]
fn long_wide_and_totals_layouts_give_the_same_sales() {
    let want: Vec<Option<i64>> = SALES.iter().map(|s| Some(*s)).collect();
    for f in ["sales/sales-long.xlsx", "sales/sales-wide.xlsx", "sales/sales-totals.csv"] {
        let s = read(&[f]);
        assert_eq!(actual(&s), want, "{f}");
        assert_eq!(s.files[0].kind, Some(otop_model::imported::file::FileKind::Sales));
        assert!(s.files[0].issues.iter().all(|i| i.code != "sales.amphoe.unknown"), "{f}: {:?}", s.files[0].issues);
    }
}

#[test]
fn outside_the_window_is_ignored_with_a_note() {
    let s = read(&["sales/sales-long.xlsx"]);
    let notes: Vec<_> = s.files[0].issues.iter().filter(|i| i.code == "sales.outside_window").collect();
    assert_eq!(notes.len(), 1);
    assert!(notes[0].message_th.contains("ต.ค. 2564"));
    assert!(s.issues.is_empty(), "no district misses a month: {:?}", s.issues);
}

#[test]
fn entrepreneur_rows_are_added_up_missing_month_and_repeated_row_warned() {
    let s = read(&["sales/sales-entrepreneurs.xlsx"]);
    assert_eq!(s.actual[1], Some(Satang::from_baht(15_000)));
    assert_eq!(s.actual[7], Some(Satang::from_baht(3_500)));
    let missing: Vec<_> = s.issues.iter().filter(|i| i.code == "sales.month.missing").collect();
    assert_eq!(missing.len(), 1);
    assert!(missing[0].message_th.contains("คลองหาด") && missing[0].message_th.contains("ก.ย. 2564"));
    let repeated: Vec<_> = s.files[0].issues.iter().filter(|i| i.code == "sales.repeated_row").collect();
    assert_eq!(repeated.len(), 1);
    assert_eq!(repeated[0].row, Some(18));
    // The seven districts without any figure are warned about.
    assert_eq!(s.issues.iter().filter(|i| i.code == "sales.district.missing").count(), 7);
}

#[test]
fn base_year_figures_replace_the_preset_with_a_note() {
    let s = read(&["sales/sales-base-year.xlsx"]);
    assert_eq!(s.base[8], Some(Satang::from_baht(50_000_000)));
    assert_eq!(s.actual[8], Some(Satang::from_baht(55_000_000)));
    let (p, notes) = s.apply_base(&Preset::sa_kaeo_2564_round2());
    assert_eq!(p.districts[8].base, Satang::from_baht(50_000_000));
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].code, "sales.base_replaced");
    let t = read(&["sales/sales-totals.csv"]);
    let (p, notes) = t.apply_base(&Preset::sa_kaeo_2564_round2());
    assert_eq!(p.districts[7].base, Satang::from_baht(22_000_000));
    assert_eq!(notes.iter().map(|n| n.message_en.contains("โคกสูง")).collect::<Vec<_>>(), [true]);
}

#[test]
fn nine_district_sales_through_the_command() {
    for (rule, col) in [("table", 2), ("percent", 3)] {
        let args: Vec<String> = ["score", "--json", "--rule", rule, "--sales"]
            .iter()
            .map(|s| s.to_string())
            .chain(
                [fixture("sales/sales-long.xlsx"), fixture("scenario/01-เมืองสระแก้ว.xlsx")]
                    .iter()
                    .map(|p| p.to_string_lossy().into_owned()),
            )
            .collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(otop_command::run(&args, &mut out, &mut err), 0);
        let v: Value = serde_json::from_slice(&out).unwrap();
        for (i, (row, e)) in v["districts"].as_array().unwrap().iter().zip(EXPECTED).enumerate() {
            assert_eq!(row["district"], e.0);
            assert_eq!(row["sales"], SALES[i]);
            assert_eq!(row["growth"].to_string(), e.1, "{}", e.0);
            let want = if col == 2 { e.2 } else { e.3 };
            assert_eq!(row["kpi2_score"].as_u64(), Some(want), "{} by {rule}", e.0);
            assert_eq!(row["kpi2_targets"].as_array().unwrap().len(), 5);
        }
        // Province: 2,599,534,590 against 2,543,154,639 = +2.22 %, score 1.
        assert_eq!(v["province"]["sales"], 2_599_534_590i64);
        assert_eq!(v["province"]["growth"].to_string(), "2.22");
        assert_eq!(v["province"]["kpi2_score"], 1);
        assert!(v["files"].as_array().unwrap().iter().any(|f| f["kind"] == "sales" && f["state"] == "warning"));
    }
}
