//! The letter's target tables read from Excel in the letter's layout (SPEC §4.4).

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_import::targets::read_tables;
use otop_model::imported::target_table::{apply, Table, TargetTable};
use otop_model::money::Satang;
use otop_model::preset::Preset;
use std::path::Path;

fn tables(name: &str) -> Vec<TargetTable> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/targets").join(name);
    read_tables(name, &std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn the_letters_tables_reproduce_the_builtin_preset() {
    let t = tables("letter-targets.xlsx");
    assert_eq!(t.iter().map(|t| t.table).collect::<Vec<_>>(), [Table::Online, Table::Revenue]);
    assert_eq!(t[0].rows.len(), 9, "the province row is not a district");
    let builtin = Preset::sa_kaeo_2564_round2();
    let (p, issues) = apply(&builtin, "letter-targets.xlsx", &t);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(p, builtin);
}

#[test]
fn a_fresh_preset_takes_every_figure_from_the_tables() {
    let mut empty = Preset::sa_kaeo_2564_round2();
    empty.districts.clear();
    let (p, issues) = apply(&empty, "letter-targets.xlsx", &tables("letter-targets.xlsx"));
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(p.districts, Preset::sa_kaeo_2564_round2().districts);
}

#[test]
fn printed_targets_that_differ_are_warnings_naming_the_cell() {
    let (p, issues) = apply(&Preset::sa_kaeo_2564_round2(), "edited-targets.xlsx", &tables("edited-targets.xlsx"));
    assert_eq!(p.districts[7].products, 100);
    let cells: Vec<String> = issues
        .iter()
        .filter(|i| i.code == "targets.printed_differs")
        .map(|i| format!("{}{}", i.column.clone().unwrap_or_default(), i.row.unwrap_or(0)))
        .collect();
    assert_eq!(cells, ["E12", "F12", "G12", "H12", "I12", "H3"]);
    assert!(issues[5].message_th.contains("75,133,145") && issues[5].message_th.contains("75,133,146"));
    assert_eq!(p.districts[0].base, Satang::from_baht(68_302_860));
}

// Target tables as a department lays them out (issue 22), written here as CSV
// (one sheet): each check, and the blocks found.

const HEAD: &str = "ที่,อำเภอ,จำนวนผู้ประกอบการ,จำนวนผลิตภัณฑ์ OTOP,1 คะแนน,2 คะแนน,3 คะแนน,4 คะแนน,5 คะแนน";

/// A KPI 1 block: a title naming `province`, the header, `districts` (name,
/// entrepreneurs, products) with their targets, and a total row of `total` (if any).
fn block(province: &str, districts: &[(&str, i64, i64)], total: Option<(&str, &str)>) -> String {
    let targets = |p: i64| (7..=11).map(|q| ((2 * p * q + 100) / 200).to_string()).collect::<Vec<_>>().join(",");
    let mut out = format!("เป้าหมายตัวชี้วัด จังหวัด{province},,,,,,,,\n{HEAD}\n");
    for (i, (d, e, p)) in districts.iter().enumerate() {
        out += &format!("{},{d},{e},{p},{}\n", i + 1, targets(*p));
    }
    if let Some((e, p)) = total {
        out += &format!("รวม (จ.{province}),,{e},{p},,,,,\n");
    }
    out + ",,,,,,,,\n"
}

fn csv_tables(csv: &str) -> Vec<TargetTable> {
    read_tables("เป้าหมาย.csv", csv.as_bytes()).unwrap()
}

fn codes(t: &TargetTable) -> Vec<&'static str> {
    t.checks.iter().map(|i| i.code.as_str()).collect()
}

const TRAT: [(&str, i64, i64); 3] = [("เมืองตราด", 90, 200), ("คลองใหญ่", 45, 100), ("เขาสมิง", 50, 120)];

#[test]
fn blocks_one_under_another_are_tables_of_their_provinces() {
    let chanthaburi = [("เมืองจันทบุรี", 120, 300), ("ขลุง", 60, 150)];
    let t =
        csv_tables(&(block("ตราด", &TRAT, Some(("185", "420"))) + &block("จันทบุรี", &chanthaburi, Some(("180", "450")))));
    let got: Vec<(Option<&str>, usize, bool)> =
        t.iter().map(|t| (t.province.as_deref(), t.rows.len(), t.usable)).collect();
    assert_eq!(got, [(Some("ตราด"), 3, true), (Some("จันทบุรี"), 2, true)]);
    assert!(t.iter().all(|t| t.checks.is_empty()), "{:?}", t[0].checks);
}

#[test]
fn a_total_row_the_districts_do_not_add_up_to_is_an_error_and_the_table_is_not_used() {
    let t = csv_tables(&block("ตราด", &TRAT, Some(("185", "430"))));
    assert_eq!((t[0].usable, codes(&t[0])), (false, vec!["targets.sum_differs"]));
    let issue = &t[0].checks[0];
    assert_eq!((issue.sheet.is_some(), issue.row), (true, Some(6)));
    assert!(
        issue.message_en.contains("says registered products 430") && issue.message_en.contains("(3–5) add up to 420")
    );
    // Applied, the table is not used: the preset keeps its own figures.
    let before = Preset::sa_kaeo_2564_round2();
    let (after, issues) = apply(&before, "เป้าหมาย.csv", &t);
    assert_eq!(after, before);
    assert!(issues.iter().any(|i| i.code == "targets.sum_differs" && i.file.as_deref() == Some("เป้าหมาย.csv")));
}

#[test]
fn a_district_twice_is_an_error_and_the_table_is_not_used() {
    let twice = [("เมืองตราด", 90, 200), ("คลองใหญ่", 45, 100), ("เมืองตราด", 90, 200)];
    let t = csv_tables(&block("ตราด", &twice, Some(("225", "500"))));
    assert_eq!((t[0].usable, codes(&t[0])), (false, vec!["targets.district_twice"]));
    assert_eq!(t[0].checks[0].row, Some(5));
}

#[test]
fn two_tables_of_one_province_are_each_an_error_naming_the_other() {
    let t = csv_tables(&(block("ตราด", &TRAT, Some(("185", "420"))) + &block("ตราด", &TRAT, Some(("185", "420")))));
    assert_eq!(t.len(), 2);
    for table in &t {
        assert_eq!((table.usable, codes(table)), (false, vec!["targets.province_twice"]));
    }
    assert!(t[0].checks[0].message_en.contains("the other at เป้าหมาย.csv › แถว 10"), "{}", t[0].checks[0].message_en);
}

#[test]
fn a_district_of_another_province_a_missing_total_and_a_text_total_are_warnings() {
    let t = csv_tables(
        &(block("ตราด", &[("เมืองตราด", 90, 200), ("ขลุง", 60, 150)], None)
            + &block("จันทบุรี", &[("ขลุง", 60, 150)], Some(("หกสิบ", "150")))),
    );
    assert_eq!(t.len(), 2);
    assert_eq!(codes(&t[0]), ["targets.no_total", "targets.district_not_of_province"]);
    assert!(t[0].checks[1].message_en.contains("it is a district of จันทบุรี"));
    assert_eq!(codes(&t[1]), ["targets.total_unreadable"]);
    assert!(t.iter().all(|t| t.usable));
}

#[test]
fn a_sheet_of_ten_thousand_blocks_is_read_block_by_block() {
    let one = block("ตราด", &TRAT, Some(("185", "420")));
    let t = csv_tables(&one.repeat(10_000));
    assert_eq!(t.len(), 10_000);
    assert!(t.iter().all(|t| t.rows.len() == 3 && !t.usable), "all Trat's, so each names the others");
}

#[test]
fn blocks_side_by_side_are_tables_of_their_provinces() {
    let chanthaburi = [("เมืองจันทบุรี", 120, 300), ("ขลุง", 60, 150), ("ท่าใหม่", 80, 200)];
    let left = block("ตราด", &TRAT, Some(("185", "420")));
    let right = block("จันทบุรี", &chanthaburi, Some(("260", "650")));
    // The two blocks row by row, an empty column between them.
    let csv: String = left.lines().zip(right.lines()).map(|(l, r)| format!("{l},,{r}\n")).collect();
    let t = csv_tables(&csv);
    let got: Vec<(Option<&str>, Vec<&str>, bool)> = t
        .iter()
        .map(|t| (t.province.as_deref(), t.rows.iter().map(|r| r.district.as_str()).collect(), t.usable))
        .collect();
    assert_eq!(
        got,
        [
            (Some("ตราด"), vec!["เมืองตราด", "คลองใหญ่", "เขาสมิง"], true),
            (Some("จันทบุรี"), vec!["เมืองจันทบุรี", "ขลุง", "ท่าใหม่"], true),
        ]
    );
    assert_eq!(t[1].rows[0].products, Some(300));
    assert!(t.iter().all(|t| t.checks.is_empty()));
}
