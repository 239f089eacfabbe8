//! The report importer against real spreadsheet files (tests/fixtures/files, made
//! by tests/fixtures/make_fixtures.py). Expected figures are written here by hand.

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_engine::counting::{count, Exclusion};
use otop_import::report::import_report;
use otop_model::district::{match_district, DistrictMatch};
use otop_model::imported::file::{FileKind, ImportedFile};
use otop_model::issue::{Code, Severity};
use otop_model::money::Satang;
use otop_model::preset::Preset;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files").join(rel)
}

fn districts() -> Vec<String> {
    Preset::sa_kaeo_2564_round2().districts.into_iter().map(|d| d.name).collect()
}

fn import(rel: &str, role: FileKind) -> ImportedFile {
    let path = fixture(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    import_report(&name, &bytes, role, &districts())
}

fn codes(f: &ImportedFile) -> Vec<&str> {
    f.issues.iter().map(|i| i.code.as_str()).collect()
}

/// The scenario's report files, in the order a person would drop them.
const SCENARIO: [&str; 9] = [
    "scenario/01-เมืองสระแก้ว.xlsx",
    "scenario/02-คลองหาด.xls",
    "scenario/03-ตาพระยา.ods",
    "scenario/04-วังน้ำเย็น.csv",
    "scenario/05-วัฒนานคร.xlsx",
    "scenario/06-อรัญประเทศ.xlsx",
    "scenario/07-เขาฉกรรจ์.xlsx",
    "scenario/08-โคกสูง.xlsx",
    "scenario/09-วังสมบูรณ์.xlsx",
];

/// Written by hand from how the fixtures were made (see make_fixtures.py):
/// district, online products counted, score by table, score by percent (no survey).
const EXPECTED: [(&str, i64, u64, u64); 9] = [
    ("เมืองสระแก้ว", 37, 3, 2),
    ("คลองหาด", 15, 3, 3),
    ("ตาพระยา", 14, 3, 3),
    ("วังน้ำเย็น", 24, 3, 2),
    ("วัฒนานคร", 26, 4, 3),
    ("อรัญประเทศ", 20, 3, 2),
    ("เขาฉกรรจ์", 22, 4, 4),
    ("โคกสูง", 8, 3, 3),
    ("วังสมบูรณ์", 13, 3, 2),
];

fn score_json(extra: &[&str]) -> Value {
    let mut args: Vec<String> = vec![
        "score".into(),
        "--json".into(),
        "--round1".into(),
        fixture("scenario/round1-สระแก้ว.xlsx").to_string_lossy().into_owned(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    args.extend(SCENARIO.iter().map(|f| fixture(f).to_string_lossy().into_owned()));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = otop_command::run(&args, &mut out, &mut err);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    serde_json::from_slice(&out).expect("score --json prints JSON")
}

#[test]
fn nine_district_scenario_through_the_command() {
    for (rule, col) in [("table", 2), ("percent", 3)] {
        let v = score_json(&["--rule", rule]);
        let rows = v["districts"].as_array().unwrap();
        assert_eq!(rows.len(), 9);
        for (row, e) in rows.iter().zip(EXPECTED) {
            assert_eq!(row["district"], e.0);
            assert_eq!(row["online"], e.1, "{} online", e.0);
            let want = if col == 2 { e.2 } else { e.3 };
            assert_eq!(row["kpi1_score"].as_u64(), Some(want), "{} score by {rule}", e.0);
            assert!(row["sales"].is_null() && row["kpi2_score"].is_null());
        }
        let p = &v["province"];
        assert_eq!(p["online"], 179);
        assert_eq!(p["products"], 1921);
        assert_eq!(p["percent"].to_string(), "9.32");
        assert_eq!(p["kpi1_score"], 3);
        assert_eq!(p["kpi1_targets"], serde_json::json!([134, 154, 173, 192, 211]));
    }
    // With the survey, เขาฉกรรจ์ (22 ≥ 22, the 11 % target) reaches 5 by table.
    let v = score_json(&["--survey"]);
    assert_eq!(v["districts"][6]["kpi1_score"], 5);
    assert_eq!(v["districts"][0]["percent"].to_string(), "8.98");
}

#[test]
fn scenario_files_are_described() {
    let v = score_json(&[]);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 10);
    let by_name = |n: &str| files.iter().find(|f| f["file"] == n).unwrap_or_else(|| panic!("{n}"));
    let kh = by_name("07-เขาฉกรรจ์.xlsx");
    assert_eq!(kh["sheets_used"], serde_json::json!(["เขาฉกรรจ์"]));
    assert_eq!(kh["sheets_skipped"], serde_json::json!(["คำชี้แจง", "ข้อมูลเดิม"]));
    assert_eq!(kh["skipped_because"][1]["reason_en"], "hidden sheet, not used");
    assert_eq!(kh["state"], "error");
    assert_eq!(kh["rows"], 24);
    assert_eq!(by_name("09-วังสมบูรณ์.xlsx")["state"], "error");
    assert_eq!(by_name("02-คลองหาด.xls")["state"], "warning");
    assert_eq!(by_name("03-ตาพระยา.ods")["state"], "ok");
    assert_eq!(by_name("round1-สระแก้ว.xlsx")["kind"], "round1");
    assert_eq!(by_name("01-เมืองสระแก้ว.xlsx")["rows"], 42);
    // Every issue: a known code whose severity it has, both messages (the Thai one
    // in Thai), and a place: a dropped file's name (the preset's own issues have
    // none), and for an issue about a product row, its sheet, row and column.
    let names: Vec<&str> = files.iter().filter_map(|f| f["file"].as_str()).collect();
    let issues = v["issues"].as_array().unwrap();
    // Ten, and อรัญประเทศ's header that is not the letter's form.
    assert_eq!(issues.len(), 11, "the scenario's issues: {issues:?}");
    for i in issues {
        let code = Code::parse(i["code"].as_str().unwrap_or("")).unwrap_or_else(|| panic!("unknown code: {i}"));
        assert_eq!(i["severity"], code.severity().as_str(), "{i}");
        let th = i["message_th"].as_str().unwrap_or("");
        assert!(th.chars().any(|c| ('\u{0E01}'..='\u{0E5B}').contains(&c)), "Thai message: {i}");
        assert!(i["message_en"].as_str().is_some_and(|m| m.len() > 20 && m != th), "English message: {i}");
        if code.as_str().starts_with("preset.") {
            assert!(i["file"].is_null(), "{i}");
            continue;
        }
        assert!(names.contains(&i["file"].as_str().unwrap_or("")), "a dropped file: {i}");
        let about_a_row = matches!(
            code,
            Code::ReportAmphoeUnknown
                | Code::ReportAmphoeMissing
                | Code::ReportDuplicate
                | Code::ReportRound1
                | Code::ReportFlagUnclear
                | Code::ReportProductNameMissing
                | Code::ReportFormulaError
        );
        if about_a_row {
            assert!(i["sheet"].as_str().is_some_and(|s| !s.is_empty()), "{i}");
            assert!(i["row"].as_u64().is_some_and(|r| r >= 2), "{i}");
            assert!(i["column"].as_str().is_some_and(|c| !c.is_empty()), "{i}");
        }
    }
    // One of them exactly as the user reads it.
    let round1 = issues.iter().find(|i| i["code"] == "report.round1").expect("a round-1 exclusion");
    assert_eq!(round1["severity"], "warning");
    assert!(round1["message_en"].as_str().unwrap_or("").contains("was reported in round 1 (round1-สระแก้ว.xlsx › "));
}

#[test]
fn continuation_rows_inherit_the_entrepreneur() {
    let f = import("scenario/01-เมืองสระแก้ว.xlsx", FileKind::Report);
    assert_eq!(f.rows, 42, "total row, signature and note lines are not products");
    let second = &f.products[1];
    assert_eq!(second.row, 7);
    assert_eq!((&*second.entrepreneur_code, &*second.entrepreneur_name), ("270100", "กลุ่มม1"));
    assert_eq!((&*second.amphoe, &*second.phone), ("เมืองสระแก้ว", "080-100-1000"));
    // Entrepreneur 270102 typed its district "อ.เมือง"; its second product inherits it.
    let p = &f.products[7];
    assert_eq!((p.row, &*p.entrepreneur_code, &*p.amphoe), (13, "270102", "อ.เมือง"));
    assert!(f.issues.is_empty(), "{:?}", f.issues);
}

#[test]
fn thai_digits_and_line_breaks_in_headers() {
    let f = import("scenario/05-วัฒนานคร.xlsx", FileKind::Report);
    assert_eq!(f.rows, 30);
    let p = &f.products[0];
    assert_eq!(&*p.entrepreneur_code, "270500");
    assert_eq!(&*p.house_no, "10");
    assert_eq!(&*p.phone, "080-100-1000");
    assert_eq!(p.flags, [true, true, true, true, false]);
    // "๑,๐๕๐ บาท" typed as text.
    assert_eq!(p.online_sales, Some(Satang::from_baht(1050)));
    assert_eq!(f.products.iter().filter(|p| p.is_online()).count(), 26);
}

#[test]
fn every_format_reads_the_same_form() {
    for name in ["basic-report.xlsx", "basic-report.xls", "basic-report.ods", "cases/basic-report.xlsm"] {
        let f = import(name, FileKind::Report);
        assert_eq!(f.sheets_used, ["รายงาน"], "{name}");
        assert_eq!(f.sheets_skipped.len(), 1, "{name}");
        assert_eq!(f.rows, 12, "{name}");
        assert_eq!(f.products.iter().filter(|p| p.is_online()).count(), 6, "{name}");
        assert!(f.issues.is_empty(), "{name}: {:?}", f.issues);
    }
}

#[test]
fn csv_in_windows_874_and_utf8_with_bom() {
    let f = import("scenario/04-วังน้ำเย็น.csv", FileKind::Report);
    assert_eq!(f.rows, 24);
    assert_eq!(&*f.products[0].amphoe, "วังน้ำเย็น");
    assert_eq!(f.products.iter().filter(|p| p.is_online()).count(), 24);
    let g = import("cases/utf8-bom.csv", FileKind::Report);
    assert_eq!(g.rows, 4);
    assert_eq!(g.products.iter().filter(|p| p.is_online()).count(), 3);
    assert_eq!(&*g.products[0].entrepreneur_code, "280100");
}

#[test]
fn columns_in_another_order_without_a_district_column() {
    let f = import("scenario/06-อรัญประเทศ.xlsx", FileKind::Report);
    assert_eq!(f.rows, 22);
    assert!(f.products.iter().all(|p| &*p.amphoe == "อรัญประเทศ"));
    assert_eq!(f.products.iter().filter(|p| p.is_online()).count(), 20);
}

#[test]
fn flags_placeholders_and_formula_errors() {
    let f = import("scenario/07-เขาฉกรรจ์.xlsx", FileKind::Report);
    assert_eq!(codes(&f), ["report.online_sales.formula_error", "report.flag.unclear"]);
    let err = &f.issues[0];
    assert_eq!((err.severity, err.sheet.as_deref(), err.row), (Severity::Error, Some("เขาฉกรรจ์"), Some(9)));
    assert!(err.column.as_deref().unwrap_or("").starts_with("Z "));
    assert_eq!(f.issues[1].row, Some(11));
    assert!(f.issues[1].column.as_deref().unwrap_or("").starts_with("O "));
    // ✓ √ / ใช่ x 1.0 all mean yes: every even product is trained.
    let trained = f.products.iter().filter(|p| p.flags[0]).count();
    assert_eq!(trained, 12);
    // The row with #REF! still counts as online (its channel is real).
    assert!(f.products[3].is_online());
    assert_eq!(f.products[3].online_sales, None);
}

#[test]
fn missing_required_column_is_one_clear_error() {
    let f = import("cases/missing-product-column.xlsx", FileKind::Report);
    let missing: Vec<_> = f.issues.iter().filter(|i| i.code == "report.column.missing").collect();
    assert_eq!(missing.len(), 1);
    assert!(missing[0].message_th.contains("ชื่อผลิตภัณฑ์"), "{}", missing[0].message_th);
    assert_eq!(missing[0].row, Some(1));
    assert!(f.products.is_empty());
    let g = import("cases/no-district.xlsx", FileKind::Report);
    assert!(g.issues.iter().any(|i| i.code == "report.column.missing" && i.message_th.contains("อำเภอ")));
}

#[test]
fn duplicates_round1_and_unknown_districts_when_counting() {
    let reports: Vec<ImportedFile> = SCENARIO.iter().map(|f| import(f, FileKind::Report)).collect();
    let round1 = vec![import("scenario/round1-สระแก้ว.xlsx", FileKind::Round1)];
    let c = count(&districts(), &reports, &round1, otop_model::preset::MarkOnly::Warn);
    assert_eq!(c.online, EXPECTED.map(|e| e.1));
    let round1 = c.excluded_products().filter(|(_, why)| matches!(why, Exclusion::Round1 { .. })).count();
    assert_eq!(round1, 3);
    // Left out as well: the three repeated products and the misspelt district.
    assert_eq!(c.excluded.len(), 7);
    let dups: Vec<_> = c.issues.iter().filter(|i| i.code == "report.duplicate").collect();
    assert_eq!(dups.len(), 3, "two within คลองหาด, one across files in โคกสูง");
    assert!(dups.iter().any(|i| i.file.as_deref() == Some("08-โคกสูง.xlsx")));
    let unknown: Vec<_> = c.issues.iter().filter(|i| i.code == "report.amphoe.unknown").collect();
    assert_eq!(unknown.len(), 1);
    assert!(unknown[0].message_th.contains("วังสมบูรน์") && unknown[0].message_th.contains("ใกล้เคียงที่สุด: วังสมบูรณ์"));
    // Readiness: เมืองสระแก้ว has 14 entrepreneurs; round 1 took all 3 products of
    // the first, leaving 13 entrepreneurs and 39 products, 37 of them online.
    let r = &c.readiness[0];
    assert_eq!((r.entrepreneurs, r.products, r.online_products), (13, 39, 37));
}

#[test]
fn district_names_as_people_type_them() {
    let d = districts();
    assert_eq!(match_district("อ.เมือง", &d), DistrictMatch::Found(0));
    assert_eq!(match_district("อำเภอ วังน้ำเย็น", &d), DistrictMatch::Found(3));
    assert_eq!(match_district("วังสมบูรณ์ ", &d), DistrictMatch::Found(8));
    assert!(matches!(match_district("วัง", &d), DistrictMatch::Ambiguous(v) if v.len() == 2));
    assert!(matches!(match_district("บางกอก", &d), DistrictMatch::Unknown(_)));
}

#[test]
fn whole_file_failures_are_sentences() {
    let names = districts();
    let png =
        import_report("photo.xlsx", &[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0], FileKind::Report, &names);
    assert_eq!(codes(&png), ["file.format_unsupported"]);
    assert!(png.issues[0].message_en.starts_with("This file is a picture"), "{}", png.issues[0].message_en);
    let empty = import_report("empty.xlsx", &[], FileKind::Report, &names);
    assert_eq!(codes(&empty), ["file.empty"]);
    let mut cut = std::fs::read(fixture("basic-report.xlsx")).unwrap();
    cut.truncate(cut.len() / 2);
    let cut = import_report("cut.xlsx", &cut, FileKind::Report, &names);
    assert_eq!(codes(&cut), ["file.damaged"]);
    assert!(cut.issues[0].message_en.contains("damaged or cut short"));
}

/// What the page's worker sends back (every distinct text once, products as
/// indices into the table) is every product as read: each scenario report,
/// round-1 file and the continuation-row cases, field by field.
#[test]
fn a_report_comes_back_from_the_worker_as_it_was_read() {
    use otop_protocol::{Decoding, Outcome, Reply, Request};
    use otop_worker::run;
    let dir = fixture("scenario");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.push(fixture("basic-report.xlsx"));
    files.sort();
    let mut products = 0;
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let request = Request::new(3, FileKind::Report, &name, districts(), 2564);
        let reply = run(&request, &bytes);
        let back = Reply::decode(&reply.encode()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (Outcome::Report(sent), Outcome::Report(got)) = (&reply.outcome, &back.outcome) else {
            panic!("{name}: not a report");
        };
        assert_eq!(got.file, sent.file, "{name}");
        assert_eq!(got.products, sent.products, "{name}");
        assert_eq!(got.products, *import_report(&name, &bytes, FileKind::Report, &districts()).products, "{name}");
        // As the page decodes it: seven texts or products at a time.
        let encoded = reply.encode();
        let Ok(Decoding::Report { id: 3, products: mut slices }) = Reply::decoding(&encoded) else { panic!("{name}") };
        let work = slices.left();
        assert!(work > got.products.len() || got.products.is_empty(), "{name}: the table's texts, then the products");
        let mut steps = 1;
        while !slices.step(7).unwrap() {
            steps += 1;
        }
        assert_eq!(slices.left(), 0);
        assert_eq!(steps, work.div_ceil(7).max(1), "{name}");
        assert_eq!(slices.finish().products, got.products, "{name}");
        // Cut short anywhere, it is an error, never a panic or a different report.
        if name == "basic-report.xlsx" {
            for n in 0..encoded.len() {
                assert!(Reply::decode(&encoded[..n]).is_err(), "{name} cut at {n}");
            }
        }
        products += got.products.len();
    }
    assert_eq!(products, 217, "the products of the scenario and basic-report.xlsx");
}
