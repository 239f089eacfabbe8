//! Several provinces in one run (issue 15, SPEC §10): the three-province scenario
//! of tests/fixtures/files/provinces, made by tests/fixtures/make_provinces.py.
//! Every figure is written here by hand (see the script's docstring).

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> String {
    let p: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files").join(rel);
    p.to_string_lossy().into_owned()
}

fn reports(dir: &str, prefix: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(fixture(dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix))
        .map(|n| fixture(&format!("{dir}/{n}")))
        .collect();
    v.sort();
    v
}

fn run(targets: &[&str], extra: &[String]) -> Value {
    let mut args: Vec<String> = vec!["score".into(), "--json".into()];
    for t in targets {
        args.push("--targets".into());
        args.push(fixture(&format!("provinces/{t}")));
    }
    args.push("--round1".into());
    args.push(fixture("scenario/round1-สระแก้ว.xlsx"));
    args.extend(extra.iter().cloned());
    args.extend(reports("scenario", "0"));
    args.extend(reports("provinces", "จันทบุรี-"));
    args.extend(reports("provinces", "ตราด-"));
    args.push(fixture("provinces/รายงาน-ระยอง.xlsx"));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(otop_command::run(&args, &mut out, &mut err), 0, "{}", String::from_utf8_lossy(&err));
    serde_json::from_slice(&out).expect("JSON")
}

/// By hand: (district, online, KPI 1 score by table) per province, and the province row.
const CHANTHABURI: [(&str, i64, u64); 10] = [
    ("เมืองจันทบุรี", 27, 3),
    ("ขลุง", 15, 4),
    ("ท่าใหม่", 22, 4),
    ("โป่งน้ำร้อน", 8, 2),
    ("มะขาม", 6, 2),
    ("แหลมสิงห์", 3, 1),
    ("สอยดาว", 9, 4),
    ("แก่งหางแมว", 5, 4),
    ("นายายอาม", 6, 4),
    ("เขาคิชฌกูฏ", 4, 3),
];
const TRAT: [(&str, i64, u64); 7] = [
    ("เมืองตราด", 16, 2),
    ("คลองใหญ่", 11, 4),
    ("เขาสมิง", 10, 2),
    ("บ่อไร่", 7, 4),
    ("แหลมงอบ", 5, 3),
    ("เกาะกูด", 0, 1),
    ("เกาะช้าง", 4, 4),
];

fn check(v: &Value) {
    let provinces = v["provinces"].as_array().expect("provinces");
    let names: Vec<&str> = provinces.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["สระแก้ว", "จันทบุรี", "ตราด"]);
    let (sk, ch, tr) = (&provinces[0], &provinces[1], &provinces[2]);
    // Sa Kaeo as in the single-province run.
    assert_eq!(sk["province"]["online"], 179);
    assert_eq!(sk["province"]["kpi1_score"], 3);
    assert_eq!(sk["districts"][0]["online"], 37);
    for (p, want) in [(ch, &CHANTHABURI[..]), (tr, &TRAT[..])] {
        let rows = p["districts"].as_array().unwrap();
        assert_eq!(rows.len(), want.len());
        for (row, (d, online, score)) in rows.iter().zip(want) {
            assert_eq!(
                (row["district"].as_str().unwrap(), &row["online"], &row["kpi1_score"]),
                (*d, &(*online).into(), &(*score).into())
            );
        }
    }
    // Each province row from its own totals.
    assert_eq!(ch["province"]["products"], 1130);
    assert_eq!(ch["province"]["online"], 105);
    assert_eq!(ch["province"]["percent"].to_string(), "9.29");
    assert_eq!(ch["province"]["kpi1_targets"], serde_json::json!([79, 90, 102, 113, 124]));
    assert_eq!(ch["province"]["kpi1_score"], 3);
    assert_eq!(tr["province"]["products"], 620);
    assert_eq!(tr["province"]["online"], 53);
    assert_eq!(tr["province"]["percent"].to_string(), "8.55");
    assert_eq!(tr["province"]["kpi1_targets"], serde_json::json!([43, 50, 56, 62, 68]));
    assert_eq!(tr["province"]["kpi1_score"], 2);
    assert_eq!(ch["districts"][0]["base"].to_string(), "50000000");
    // The nation from the national totals, not the sum of the provinces' targets.
    let n = &v["nation"];
    assert_eq!(n["district"], "ทั้งประเทศ");
    assert_eq!((n["products"].as_i64(), n["online"].as_i64()), (Some(3671), Some(337)));
    assert_eq!(n["percent"].to_string(), "9.18");
    assert_eq!(n["kpi1_targets"], serde_json::json!([257, 294, 330, 367, 404]));
    assert_eq!(n["kpi1_score"], 3);
    // The provinces table.
    let table: Vec<(&str, i64)> = v["provinces_table"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["district"].as_str().unwrap(), r["online"].as_i64().unwrap()))
        .collect();
    assert_eq!(table, [("สระแก้ว", 179), ("จันทบุรี", 105), ("ตราด", 53)]);
    // The Rayong report: one error naming the province, its 4 products not counted.
    let rayong: Vec<&Value> =
        v["issues"].as_array().unwrap().iter().filter(|i| i["file"] == "รายงาน-ระยอง.xlsx").collect();
    assert_eq!(rayong.len(), 1, "{rayong:?}");
    assert_eq!(rayong[0]["code"], "report.province.unknown");
    assert!(rayong[0]["message_th"].as_str().unwrap().contains("จังหวัดระยอง"));
    assert!(rayong[0]["message_en"].as_str().unwrap().starts_with("4 products"));
}

#[test]
fn three_provinces_from_three_target_files() {
    check(&run(&["targets-สระแก้ว.xlsx", "targets-จันทบุรี.xlsx", "targets-ตราด.xlsx"], &[]));
}

#[test]
fn one_workbook_may_hold_several_provinces() {
    check(&run(&["targets-สระแก้ว.xlsx", "targets-ภาคตะวันออก.xlsx"], &[]));
}

#[test]
fn a_sales_file_goes_to_the_province_whose_districts_it_names() {
    let v = run(
        &["targets-สระแก้ว.xlsx", "targets-จันทบุรี.xlsx", "targets-ตราด.xlsx"],
        &["--sales".into(), fixture("sales/sales-long.xlsx")],
    );
    // As in tests/sales.rs: Sa Kaeo grows 2.22 %; the other provinces have no sales,
    // so neither does the nation.
    assert_eq!(v["provinces"][0]["province"]["growth"].to_string(), "2.22");
    assert!(v["provinces"][1]["province"]["sales"].is_null());
    assert!(v["nation"]["growth"].is_null());
}

#[test]
fn a_province_is_read_from_the_title_when_the_column_is_empty() {
    // Trat's reports leave จังหวัด empty; "อำเภอ… จังหวัดตราด" in the title names it.
    let bytes = std::fs::read(fixture("provinces/ตราด-02-คลองใหญ่.xlsx")).unwrap();
    let f = otop_import::report::import_report(
        "ตราด-02-คลองใหญ่.xlsx",
        &bytes,
        otop_model::imported::file::FileKind::Report,
        &["คลองใหญ่".to_string()],
    );
    assert!(f.products.iter().all(|p| &*p.province == "ตราด"));
    assert_eq!(f.products.len(), 12);
}

#[test]
fn a_sales_file_that_cannot_be_opened_says_so() {
    let v = run(&["targets-สระแก้ว.xlsx", "targets-จันทบุรี.xlsx"], &["--sales".into(), fixture("provinces/none.xlsx")]);
    let codes: Vec<&str> = v["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["file"] == "none.xlsx")
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["file.unreadable"]);
}

#[test]
fn a_district_file_goes_to_its_province_whole_and_a_mixed_file_in_parts() {
    use otop_engine::nation::{presets_from_targets, NationRun, NationSteps};
    use otop_import::report::import_report;
    use otop_import::targets::read_tables;
    use otop_model::imported::file::FileKind;
    use otop_model::preset::Preset;
    let mut tables = Vec::new();
    for t in ["targets-จันทบุรี.xlsx", "targets-ตราด.xlsx"] {
        tables.push((
            t.to_string(),
            read_tables(t, &std::fs::read(fixture(&format!("provinces/{t}"))).unwrap()).unwrap(),
        ));
    }
    let (presets, _) = presets_from_targets(&Preset::sa_kaeo_2564_round2(), &tables);
    let names: Vec<String> = presets.iter().flat_map(|p| p.districts.iter().map(|d| d.name.clone())).collect();
    let read = |rel: &str| {
        import_report(rel, &std::fs::read(fixture(&format!("provinces/{rel}"))).unwrap(), FileKind::Report, &names)
    };
    let trat = read("ตราด-02-คลองใหญ่.xlsx");
    let mut mixed = read("จันทบุรี-02-ขลุง.xlsx");
    // One workbook with both provinces' rows: Khlung's and Khlong Yai's.
    let mut products = (*mixed.products).clone();
    products.extend(trat.products.iter().cloned());
    mixed.products = std::sync::Arc::new(products);
    let run = NationRun::run(&presets, &[trat.clone(), mixed.clone()], &[], &[]);
    // The page makes it a few products at a time: the same run.
    let mut steps = NationSteps::new(presets.clone(), &[trat.clone(), mixed.clone()], &[], &[]);
    let mut n = 1;
    while !steps.step(5) {
        n += 1;
    }
    assert!(n > mixed.products.len() / 5, "{n} steps");
    assert_eq!(steps.finish(), run);
    let files = |i: usize| &run.provinces[i].analysis.counted.files;
    // Trat's own file is shared, not copied; the mixed one is split in two.
    assert!(files(1).iter().any(|f| std::sync::Arc::ptr_eq(f, &trat.products)));
    assert_eq!(files(0).len(), 1);
    assert_eq!(files(1).len(), 2);
    assert_eq!(files(0)[0].len() + trat.products.len(), mixed.products.len());
    assert_eq!(files(1).iter().map(|f| f.len()).sum::<usize>(), 2 * trat.products.len());
    // By hand (TRAT above): Khlong Yai's online products, once though read twice.
    assert_eq!(run.provinces[1].analysis.evaluation.districts[1].kpi1.online, 11);
}

// Issue 22: the same figures laid out as a department sends them.

fn no_table_issue(v: &Value) {
    let found: Vec<&Value> =
        v["issues"].as_array().unwrap().iter().filter(|i| i["code"].as_str().unwrap().starts_with("targets")).collect();
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_departments_workbook_of_tables_one_under_another_scores_like_three_workbooks() {
    let v = run(&["กรม-ซ้อนกัน.xlsx"], &[]);
    check(&v);
    no_table_issue(&v);
}

#[test]
fn a_national_table_with_a_province_column_scores_like_three_workbooks() {
    let v = run(&["กรม-ทั้งประเทศ.xlsx"], &[]);
    check(&v);
    no_table_issue(&v);
}

#[test]
fn a_total_row_that_is_not_the_sum_leaves_its_province_out_and_says_so() {
    let v = run(&["กรม-รวมผิด.xlsx"], &[]);
    let names: Vec<&str> = v["provinces"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["สระแก้ว", "จันทบุรี"]);
    let issues = v["issues"].as_array().unwrap();
    let sum: Vec<&Value> = issues.iter().filter(|i| i["code"] == "targets.sum_differs").collect();
    assert_eq!(sum.len(), 1);
    assert_eq!((sum[0]["sheet"].as_str(), sum[0]["row"].as_u64()), (Some("ตลาดออนไลน์"), Some(42)));
    assert!(
        sum[0]["message_th"].as_str().unwrap().contains("630")
            && sum[0]["message_th"].as_str().unwrap().contains("620")
    );
    let unusable: Vec<&Value> = issues.iter().filter(|i| i["code"] == "targets.province_unusable").collect();
    assert_eq!(unusable.len(), 1);
    assert!(unusable[0]["message_th"].as_str().unwrap().starts_with("จังหวัดตราด"));
    // Trat's reports are not counted anywhere, each said so.
    let trat =
        issues.iter().filter(|i| i["code"] == "report.province.unknown" || i["code"] == "report.province.missing");
    assert!(trat.count() >= 7);
    // The two provinces left are as with their own workbooks.
    assert_eq!(v["provinces"][1]["province"]["online"], 105);
}

#[test]
fn who_has_sent_eight_of_nine_districts_and_per_province() {
    // Sa Kaeo's district reports without วังสมบูรณ์'s.
    let mut args: Vec<String> = vec!["score".into(), "--json".into()];
    args.extend(reports("scenario", "0").into_iter().filter(|f| !f.contains("วังสมบูรณ์")));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(otop_command::run(&args, &mut out, &mut err), 0);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["submitted"], serde_json::json!({"sent": 8, "of": 9, "not_sent": ["วังสมบูรณ์"]}));
    // Several provinces: each province says who has sent.
    let v = run(&["targets-สระแก้ว.xlsx", "targets-จันทบุรี.xlsx", "targets-ตราด.xlsx"], &[]);
    let sent: Vec<(u64, u64)> = v["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["submitted"]["sent"].as_u64().unwrap(), p["submitted"]["of"].as_u64().unwrap()))
        .collect();
    assert_eq!(sent, [(9, 9), (10, 10), (7, 7)]);
}

#[test]
fn tables_side_by_side_under_one_merged_title_are_each_their_provinces() {
    let v = run(&["กรม-เคียงกัน.xlsx"], &[]);
    no_table_issue(&v);
    let got: Vec<(&str, u64, u64, u64)> = v["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let row = &p["province"];
            let n = |k: &str| row[k].as_u64().unwrap();
            (p["name"].as_str().unwrap(), n("products"), n("online"), n("kpi1_score"))
        })
        .collect();
    // By hand (make_provinces.py): the same figures as their own workbooks.
    assert_eq!(got, [("จันทบุรี", 1130, 105, 3), ("ตราด", 620, 53, 2)]);
    assert_eq!(v["provinces"][1]["province"]["base"].to_string(), "91000000");
}
