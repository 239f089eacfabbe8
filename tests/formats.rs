//! What government web systems and old office PCs save as "Excel" (issue 13):
//! the fixtures of tests/fixtures/files/formats, made by
//! tests/fixtures/make_formats.py. Expected figures are written here by hand.

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_import::detect::{detect, Format};
use otop_import::report::import_report;
use otop_model::imported::error::{FileError, Foreign};
use otop_model::imported::file::FileKind;
use otop_model::money::Satang;
use otop_model::preset::Preset;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files").join(rel)
}

fn bytes(rel: &str) -> Vec<u8> {
    std::fs::read(fixture(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The scenario's nine reports, each in one of the new formats, and how each is recognised.
const SCENARIO: [(&str, Format); 9] = [
    ("formats/scenario/01-เมืองสระแก้ว.xls", Format::SpreadsheetXml),
    ("formats/scenario/02-คลองหาด.xls", Format::Html),
    ("formats/scenario/03-ตาพระยา.txt", Format::Text),
    ("formats/scenario/04-วังน้ำเย็น.xls", Format::Html),
    ("formats/scenario/05-วัฒนานคร.xls", Format::Html),
    ("formats/scenario/06-อรัญประเทศ.xml", Format::SpreadsheetXml),
    ("formats/scenario/07-เขาฉกรรจ์.xls", Format::SpreadsheetXml),
    ("formats/scenario/08-โคกสูง.csv", Format::Text),
    ("formats/scenario/09-วังสมบูรณ์.xls", Format::Html),
];

/// By hand, as in tests/import.rs: district, online products, score by table.
const EXPECTED: [(&str, i64, u64); 9] = [
    ("เมืองสระแก้ว", 37, 3),
    ("คลองหาด", 15, 3),
    ("ตาพระยา", 14, 3),
    ("วังน้ำเย็น", 24, 3),
    ("วัฒนานคร", 26, 4),
    ("อรัญประเทศ", 20, 3),
    ("เขาฉกรรจ์", 22, 4),
    ("โคกสูง", 8, 3),
    ("วังสมบูรณ์", 13, 3),
];

fn score(files: &[String]) -> Value {
    let mut args: Vec<String> = vec!["score".into(), "--json".into(), "--round1".into()];
    args.push(fixture("scenario/round1-สระแก้ว.xlsx").to_string_lossy().into_owned());
    args.extend(files.iter().cloned());
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = otop_command::run(&args, &mut out, &mut err);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    serde_json::from_slice(&out).expect("JSON")
}

#[test]
fn each_format_is_recognised_by_content_not_name() {
    for (rel, format) in SCENARIO {
        assert_eq!(detect(rel, &bytes(rel)), Ok(format), "{rel}");
    }
    // The same HTML file named .csv or without an extension is still HTML.
    let page = bytes(SCENARIO[1].0);
    assert_eq!(detect("export.csv", &page), Ok(Format::Html));
    assert_eq!(detect("export", &page), Ok(Format::Html));
}

#[test]
fn the_scenario_scores_the_same_in_every_format() {
    let files: Vec<String> = SCENARIO.iter().map(|(f, _)| fixture(f).to_string_lossy().into_owned()).collect();
    let v = score(&files);
    let rows = v["districts"].as_array().expect("districts");
    for (row, (district, online, kpi1)) in rows.iter().zip(EXPECTED) {
        assert_eq!(row["district"], district);
        assert_eq!(row["online"], online, "{district}");
        assert_eq!(row["kpi1_score"], kpi1, "{district}");
    }
    assert_eq!(v["province"]["online"], 179);
    assert_eq!(v["province"]["kpi1_score"], 3);
    // The same issues as the original scenario: round 1, the duplicates, the
    // misspelt district, the formula error and the unclear flag.
    let count = |code: &str| v["issues"].as_array().unwrap().iter().filter(|i| i["code"] == code).count();
    assert_eq!(count("report.round1"), 3);
    assert_eq!(count("report.duplicate"), 3);
    assert_eq!(count("report.amphoe.unknown"), 1);
    assert_eq!(count("report.online_sales.formula_error"), 1);
    assert_eq!(count("report.flag.unclear"), 1);
    // And the same scores as the original files give.
    let original: Vec<String> = std::fs::read_dir(fixture("scenario"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with('0'))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert_eq!(score(&original)["districts"], v["districts"]);
}

#[test]
fn spreadsheet_xml_merged_header_and_hidden_sheet() {
    let districts: Vec<String> = Preset::sa_kaeo_2564_round2().districts.into_iter().map(|d| d.name).collect();
    let f = import_report("07-เขาฉกรรจ์.xls", &bytes(SCENARIO[6].0), FileKind::Report, &districts);
    assert_eq!(f.sheets_used, ["เขาฉกรรจ์"]);
    let skipped: Vec<&str> = f.sheets_skipped.iter().map(|s| s.sheet.as_str()).collect();
    assert_eq!(skipped, ["คำชี้แจง", "ข้อมูลเดิม"]);
    assert_eq!(f.products.len(), 24);
    // The merged two-row header: ชื่อผลิตภัณฑ์ spans both rows, Facebook sits under its group.
    let online = f.products.iter().filter(|p| p.is_online()).count();
    assert_eq!(online, 22);
    // Two title rows, the two header rows and the row of column numbers: the first
    // product is on row 6 of the sheet, as in the original file.
    assert_eq!(f.products[0].row, 6);
}

#[test]
fn a_sales_export_in_windows_874_with_printed_dates() {
    let name = "sales-rt1-windows874.xls";
    let s = otop_import::sales::read_all(
        &[(name.to_string(), bytes(&format!("formats/{name}")))],
        &Preset::sa_kaeo_2564_round2(),
    );
    let want: [i64; 9] =
        [75_133_146, 54_000_000, 41_569_740, 34_905_288, 60_062_343, 89_879_893, 19_562_178, 24_422_002, 2_200_000_000];
    let got: Vec<Option<i64>> = s.actual.iter().map(|a| a.map(Satang::baht)).collect();
    assert_eq!(got, want.map(Some));
    let notes: Vec<_> = s.files[0].issues.iter().filter(|i| i.code == "sales.outside_window").collect();
    assert_eq!(notes.len(), 1, "{:?}", s.files[0].issues);
    assert!(notes[0].message_th.contains("ต.ค. 2564") && notes[0].message_th.contains("มี.ค. 2564"));
    assert!(s.issues.is_empty(), "every district has every month: {:?}", s.issues);
}

#[test]
fn unreadable_formats_get_one_error_naming_them() {
    let districts = vec!["เมืองสระแก้ว".to_string()];
    for (file, format, named_en, named_th) in [
        ("report-pdf.xls", Foreign::Pdf, "a PDF file", "PDF"),
        ("excel21.xls", Foreign::OldExcel, "an old Excel file (Excel 2.x–95)", "Excel รุ่นเก่า"),
        ("letter-word.xls", Foreign::Document, "a Word document", "เอกสาร Word"),
        ("reports-zip.xls", Foreign::Archive, "a zip archive", "zip"),
    ] {
        let data = bytes(&format!("formats/unreadable/{file}"));
        assert_eq!(detect(file, &data), Err(FileError::Foreign(format)), "{file}");
        let f = import_report(file, &data, FileKind::Report, &districts);
        assert_eq!(f.issues.len(), 1, "{file}: {:?}", f.issues);
        let issue = &f.issues[0];
        assert_eq!(issue.code, "file.format_unsupported");
        assert!(issue.message_en.contains(named_en), "{file}: {}", issue.message_en);
        assert!(issue.message_th.contains(named_th), "{file}: {}", issue.message_th);
        assert!(issue.message_en.contains(".xlsx") || issue.message_en.contains("unpack"), "{}", issue.message_en);
    }
}

fn score_channels(mark_only: &str) -> Value {
    let path = fixture("formats/channels-evidence.xlsx").to_string_lossy().into_owned();
    let args: Vec<String> = ["score", "--json", "--mark-only", mark_only, &path].map(String::from).to_vec();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(otop_command::run(&args, &mut out, &mut err), 0, "{}", String::from_utf8_lossy(&err));
    serde_json::from_slice(&out).expect("JSON")
}

#[test]
fn channels_the_letter_names_and_marks_without_evidence() {
    // โคกสูง is the eighth district. By hand (make_formats.py, channels_evidence):
    // nine products online, three of them with only a mark.
    for (rule, online, warned, counted_word) in
        [("warn", 9, true, "still count"), ("count", 9, false, ""), ("exclude", 6, true, "do not count")]
    {
        let v = score_channels(rule);
        assert_eq!(v["districts"][7]["online"], online, "{rule}");
        let marks: Vec<&Value> =
            v["issues"].as_array().unwrap().iter().filter(|i| i["code"] == "report.channel.mark_only").collect();
        assert_eq!(marks.len(), usize::from(warned), "{rule}");
        if let Some(m) = marks.first() {
            assert!(m["message_en"].as_str().unwrap().starts_with("3 products in this file have only a mark"));
            assert!(m["message_en"].as_str().unwrap().contains(counted_word), "{rule}: {}", m["message_en"]);
            assert!(m["message_th"].as_str().unwrap().contains("ผลิตภัณฑ์ 3 รายการ"));
            assert_eq!(m["row"], 5, "the first such product's row");
        }
    }
}

#[test]
fn a_header_that_is_not_the_letters_form_is_one_warning() {
    let v = score_channels("warn");
    let differs: Vec<&Value> =
        v["issues"].as_array().unwrap().iter().filter(|i| i["code"] == "report.form.differs").collect();
    assert_eq!(differs.len(), 1);
    assert_eq!(differs[0]["row"], 3);
    let en = differs[0]["message_en"].as_str().unwrap();
    assert!(en.contains("added \"YouTube\", \"TikTok\", \"LINE OA\", \"Google\", \"อื่นๆ (2)\""), "{en}");
    assert!(differs[0]["message_th"].as_str().unwrap().contains("ไม่ปรับเปลี่ยนหรือแก้ไขแบบสำรวจ"));
    // The nine district files on the form itself get none, except อรัญประเทศ's.
    let files: Vec<String> = SCENARIO.iter().map(|(f, _)| fixture(f).to_string_lossy().into_owned()).collect();
    let v = score(&files);
    let differs: Vec<&Value> =
        v["issues"].as_array().unwrap().iter().filter(|i| i["code"] == "report.form.differs").collect();
    assert_eq!(differs.len(), 1);
    assert_eq!(differs[0]["file"], "06-อรัญประเทศ.xml");
    let en = differs[0]["message_en"].as_str().unwrap();
    assert!(en.contains("missing \"อำเภอ\"; added \"อีเมล\", \"หมายเหตุ\"; columns in another order"), "{en}");
}

#[test]
fn what_offices_save_with_is_offered_by_the_pickers_and_read() {
    use otop_import::detect::detect;
    use otop_model::imported::file::PICKER_EXTENSIONS;
    // (file, how it is recognised): WPS Office's .et/.ett, templates, flat ODS.
    let files = [
        ("pick/basic-report.xltx", Format::Zip),
        ("pick/basic-report.xltm", Format::Zip),
        ("pick/basic-report.xlt", Format::Compound),
        ("pick/basic-report.et", Format::Compound),
        ("pick/basic-report-ooxml.et", Format::Zip),
        ("pick/basic-report.ett", Format::Compound),
        ("pick/basic-report.fods", Format::FlatOds),
    ];
    let reference = score(&[fixture("basic-report.xlsx").to_string_lossy().into_owned()]);
    assert!(reference["province"]["online"].as_i64() > Some(0));
    for (rel, format) in files {
        let ext = rel.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
        assert!(PICKER_EXTENSIONS.contains(&ext), "{ext} is not offered by the pickers");
        assert_eq!(detect(rel, &bytes(rel)), Ok(format), "{rel}");
        let v = score(&[fixture(rel).to_string_lossy().into_owned()]);
        let name = rel.rsplit_once('/').map(|(_, n)| n).unwrap_or_default();
        let file = v["files"].as_array().and_then(|f| f.iter().find(|f| f["file"] == name)).expect("the file");
        assert_eq!((file["kind"].as_str(), file["rows"].as_u64()), (Some("report"), Some(12)), "{rel}: {file}");
        // The same figures as the basic report's .xlsx.
        assert_eq!(v["districts"], reference["districts"], "{rel}");
    }
}

/// The scenario's .xlsx reports saved again as a web system's streaming writer
/// saves them (inline strings, a hyperlink on each web address, an empty
/// shared-strings part: `tests/fixtures/make_stream.py`) score as the originals,
/// with the same issues at the same rows.
#[test]
fn streaming_writers_files_score_as_the_originals() {
    let names = ["01-เมืองสระแก้ว", "05-วัฒนานคร", "06-อรัญประเทศ", "07-เขาฉกรรจ์", "08-โคกสูง", "09-วังสมบูรณ์"];
    let of = |dir: &str| -> Vec<String> {
        names.iter().map(|n| fixture(&format!("{dir}/{n}.xlsx")).to_string_lossy().into_owned()).collect()
    };
    let (stream, original) = (score(&of("formats/stream")), score(&of("scenario")));
    assert_eq!(stream["districts"], original["districts"]);
    assert_eq!(stream["province"], original["province"]);
    let issues = |v: &Value| -> Vec<(String, String, String)> {
        v["issues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| (i["code"].to_string(), i["row"].to_string(), i["message_th"].to_string()))
            .collect()
    };
    assert_eq!(issues(&stream), issues(&original));
    assert!(!issues(&stream).is_empty());
}
