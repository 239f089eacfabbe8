//! Thai as people type it (issue 21, SPEC §4.1): the files of
//! tests/fixtures/files/thai, made by tests/fixtures/make_thai.py, each typed the
//! ways office PCs and Word type Thai. Every figure is written here by hand (see
//! the script's docstring).

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use serde_json::Value;
use std::path::Path;

fn fixture(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files").join(rel).to_string_lossy().into_owned()
}

fn score(args: &[String]) -> Value {
    let mut all: Vec<String> = vec!["score".into(), "--json".into()];
    all.extend(args.iter().cloned());
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(otop_command::run(&all, &mut out, &mut err), 0, "{}", String::from_utf8_lossy(&err));
    serde_json::from_slice(&out).expect("JSON")
}

fn district<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["districts"].as_array().and_then(|d| d.iter().find(|r| r["district"] == name)).expect("district row")
}

fn issues<'a>(v: &'a Value, code: &str) -> Vec<&'a Value> {
    v["issues"].as_array().map(|a| a.iter().filter(|i| i["code"] == code).collect()).unwrap_or_default()
}

#[test]
fn a_report_typed_on_an_office_pc_scores_as_if_typed_correctly() {
    let v = score(&[fixture("thai/วังน้ำเย็น-พิมพ์ในสำนักงาน.xlsx")]);
    // Its อำเภอ cells, title and sales header read "วังน้ําเย็น" (nikhahit + sara aa).
    assert_eq!(district(&v, "วังน้ำเย็น")["online"], 6);
    assert_eq!(v["province"]["online"], 6);
    let errors: Vec<&Value> = v["issues"].as_array().unwrap().iter().filter(|i| i["severity"] == "error").collect();
    assert!(errors.is_empty(), "{errors:?}");
    // The sales column was found under its typed header: no column missing, no form difference.
    assert!(issues(&v, "report.form.differs").is_empty());
    // The two repeats (เเ for แ; the tone typed before the vowel below) are each reported once.
    let repeats: Vec<u64> = issues(&v, "report.duplicate").iter().filter_map(|i| i["row"].as_u64()).collect();
    assert_eq!(repeats, [15, 16]);
    // What the user sees is the text as typed.
    let first = issues(&v, "report.duplicate")[0]["message_th"].as_str().unwrap();
    assert!(first.contains("\u{0E40}\u{0E40}กงเขียวหวาน"), "{first}");
    assert_eq!(v["files"][0]["rows"], 11);
}

#[test]
fn a_misspelt_district_on_five_rows_is_one_error() {
    let v = score(&[fixture("thai/คลองหาด-สะกดผิด.xlsx")]);
    let unknown = issues(&v, "report.amphoe.unknown");
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    let u = unknown[0];
    assert_eq!((u["row"].as_u64(), u["sheet"].as_str()), (Some(7), Some("รายงาน")));
    assert!(u["message_th"].as_str().unwrap().contains("พบ 5 แถว: แถว 7, 9, 10 และอีก 2 แถว"), "{u}");
    assert!(u["message_en"].as_str().unwrap().contains("on 5 rows: 7, 9, 10 and 2 more"), "{u}");
    // Its closest names: คลองหาด first, never a name equal to the one typed.
    assert!(u["message_th"].as_str().unwrap().contains("ใกล้เคียงที่สุด: คลองหาด,"));
    // By the official list, no district of Thailand is called so: a misspelling.
    assert!(u["message_en"].as_str().unwrap().contains("(no district of Thailand has this name)"), "{u}");
    // The unclear flag text, on 3 rows: one warning.
    let flags = issues(&v, "report.flag.unclear");
    assert_eq!(flags.len(), 1);
    assert!(flags[0]["message_en"].as_str().unwrap().ends_with("(on 3 rows: 7, 9, 11)"), "{}", flags[0]);
    // ขลุง is Chanthaburi's, by the official list: said so, once, for its 2 rows.
    let other = issues(&v, "report.amphoe.other_province");
    assert_eq!(other.len(), 1);
    assert_eq!(other[0]["row"], 14);
    let th = other[0]["message_th"].as_str().unwrap();
    assert!(th.contains("เป็นอำเภอของจังหวัดจันทบุรี ไม่ใช่อำเภอของจังหวัดสระแก้ว") && th.contains("พบ 2 แถว"), "{th}");
    // The rest counts: rows 6, 8 and 11 are คลองหาด, two of them online.
    assert_eq!(district(&v, "คลองหาด")["online"], 2);
}

#[test]
fn a_row_without_a_province_goes_where_the_official_list_puts_its_district() {
    let mut args = Vec::new();
    for t in ["targets-สระแก้ว.xlsx", "targets-จันทบุรี.xlsx", "targets-ตราด.xlsx"]
    {
        args.push("--targets".to_string());
        args.push(fixture(&format!("provinces/{t}")));
    }
    args.push(fixture("thai/รายงานไม่ระบุจังหวัด.xlsx"));
    let v = score(&args);
    let unknown = issues(&v, "report.province.unknown");
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    let th = unknown[0]["message_th"].as_str().unwrap();
    assert!(th.starts_with("ผลิตภัณฑ์ 2 รายการ") && th.contains("จังหวัดระยอง"), "{th}");
    // เฉลิมพระเกียรติ, with no province: five provinces have one; never put in one by guess.
    assert!(issues(&v, "report.province.missing").is_empty());
    let several = issues(&v, "report.province.several");
    assert_eq!(several.len(), 1);
    let en = several[0]["message_en"].as_str().unwrap();
    assert!(en.starts_with("1 products"), "{en}");
    assert!(["สระบุรี", "นครราชสีมา", "บุรีรัมย์", "น่าน", "นครศรีธรรมราช"].iter().all(|p| en.contains(p)), "{en}");
}

#[test]
fn a_misspelt_district_on_every_row_of_a_big_file_is_one_issue() {
    use otop_model::imported::product::Product;
    use otop_model::issue::Code;
    let product = |row: u32| Product::example("big.xlsx", row, &row.to_string(), "ข้าว", "คลองหาร", "");
    let mut f = otop_model::imported::file::ImportedFile::new("big.xlsx", None);
    f.products = std::sync::Arc::new((2..100_002).map(product).collect());
    let names = ["คลองหาด".to_string(), "ตาพระยา".to_string()];
    let counted = otop_engine::counting::count(&names, &[f], &[], otop_model::preset::MarkOnly::Warn);
    assert_eq!(counted.issues.len(), 1);
    assert_eq!(counted.issues[0].code, Code::ReportAmphoeUnknown);
    assert!(counted.issues[0].message_en.contains("on 100000 rows: 2, 3, 4 and 99997 more"));
    assert_eq!(counted.excluded.len(), 100_000);
}
