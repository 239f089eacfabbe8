//! Names as the whole country types them (issue 36, SPEC §4.1): every district of
//! the official list typed each way offices type it, found as itself; no two
//! districts' keys the same; the five-province scenario of
//! tests/fixtures/files/names (made by tests/fixtures/make_names.py, its figures
//! written here by hand); and names that are not names.

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_engine::counting::Counting;
use otop_model::district::{DistrictMatch, DistrictMatcher};
use otop_model::divisions::{self, district_key, match_province, ProvinceMatch};
use otop_model::imported::file::{FileKind, ImportedFile};
use otop_model::imported::product::Product;
use otop_model::issue::Code;
use otop_model::preset::MarkOnly;
use serde_json::Value;
use std::path::Path;
use std::sync::Arc;

/// The ways offices type a district's name `n` (official spelling).
fn typed(n: &str) -> Vec<String> {
    let plain: String = n.chars().filter(|c| *c != '-').collect();
    vec![
        n.to_string(),
        format!("อำเภอ{n}"),
        format!("อำเภอ {n}"),
        format!("อ.{n}"),
        format!("อ. {n}"),
        format!("เขต{n}"),
        format!("เขต {n}"),
        format!("อ. เขต{n}"),
        format!("กิ่งอำเภอ{n}"),
        format!("กิ่ง อ.{n}"),
        format!("ก.อ.{n}"),
        format!("  อำเภอ  {plain} "),
        format!("อ.{plain}"),
    ]
}

/// What "อ.เมือง" is typed as.
const MUEANG: [&str; 5] = ["อ.เมือง", "เมือง", "อ.เมืองฯ", "อำเภอเมือง", "อ. เมือง ฯ"];

fn product(file: &str, row: u32, amphoe: &str, province: &str) -> Product {
    Product::example(file, row, &row.to_string(), &format!("ผลิตภัณฑ์ {row}"), amphoe, province).on("facebook.com/otop")
}

fn file_of(name: &str, products: Vec<Product>) -> ImportedFile {
    let mut f = ImportedFile::new(name, Some(FileKind::Report));
    f.rows = products.len();
    f.products = Arc::new(products);
    f
}

#[test]
fn no_two_districts_share_a_key() {
    let mut names: Vec<(String, &str, &str)> = Vec::new();
    for p in divisions::provinces() {
        for d in &p.districts {
            names.push((district_key(d.name), d.name, p.name));
        }
    }
    assert_eq!(names.len(), 928);
    names.sort();
    let collisions: Vec<String> = names
        .windows(2)
        .filter_map(|w| match w {
            [a, b] if a.0 == b.0 && a.1 != b.1 => Some(format!("{} ({}) = {} ({})", a.1, a.2, b.1, b.2)),
            _ => None,
        })
        .collect();
    assert!(collisions.is_empty(), "keys shared by different names: {collisions:?}");
    // A key is never empty and never a prefix alone.
    assert!(names.iter().all(|(k, _, _)| !k.is_empty() && k != "เมือง"));
    // Every province but Bangkok has a capital district, and it is its code …01.
    for p in divisions::provinces() {
        let capital = p.capital().map(|d| d.code);
        let expected = (p.code != 10).then(|| u16::from(p.code) * 100 + 1);
        assert_eq!(capital, expected, "{}", p.name);
    }
}

/// Every one of the 928 districts typed every way, in a report of its
/// province: each product counted for that very district.
#[test]
fn every_district_typed_every_way_is_found_as_itself() {
    let mut found = 0;
    let mut tried = 0;
    for p in divisions::provinces() {
        let names: Vec<String> = p.districts.iter().map(|d| d.name.to_string()).collect();
        let mut products = Vec::new();
        let mut expected = Vec::new();
        for (i, d) in p.districts.iter().enumerate() {
            let mut ways = typed(d.name);
            if p.capital().map(|c| c.code) == Some(d.code) {
                ways.extend(MUEANG.iter().map(|s| s.to_string()));
            }
            for way in ways {
                let row = u32::try_from(products.len()).unwrap() + 5;
                products.push(product("r.xlsx", row, &way, p.name));
                expected.push((row, i, way));
            }
        }
        tried += expected.len();
        let counted =
            Counting::new(&names, &[file_of("r.xlsx", products)], &[], MarkOnly::Warn).in_province(p.name).finish();
        let got: Vec<(u32, usize)> = counted.products().map(|(p, d)| (p.row, d)).collect();
        for (row, district, way) in &expected {
            let at = got.iter().find(|(r, _)| r == row).map(|(_, d)| *d);
            assert_eq!(at, Some(*district), "{} typed \"{way}\" in {}", names[*district], p.name);
            found += 1;
        }
        assert!(counted.issues.is_empty(), "{}: {:?}", p.name, counted.issues.first());
    }
    assert_eq!(found, tried);
    assert!(tried > 928 * 13, "{tried}");
}

#[test]
fn provinces_as_people_write_them() {
    let code = |typed: &str| match match_province(typed) {
        ProvinceMatch::Found(p) => Some(p.code),
        _ => None,
    };
    for (typed, want) in [
        ("กรุงเทพฯ", 10),
        ("กรุงเทพ", 10),
        ("กทม.", 10),
        ("กทม", 10),
        ("จ.อยุธยา", 14),
        ("โคราช", 30),
        ("จังหวัด นครศรีฯ", 80),
        ("สุราษฎร์ฯ", 84),
        ("ประจวบฯ", 77),
        ("อุบลฯ", 34),
        ("สระเเก้ว", 27),
    ] {
        assert_eq!(code(typed), Some(want), "{typed}");
    }
    // Cut short so that several provinces fit: an error that names them all.
    let several = |typed: &str| match match_province(typed) {
        ProvinceMatch::Several(ps) => ps.iter().map(|p| p.name).collect::<Vec<_>>(),
        other => panic!("{typed}: {other:?}"),
    };
    assert_eq!(several("นครฯ").len(), 6);
    assert_eq!(several("สมุทรฯ"), ["สมุทรปราการ", "สมุทรสาคร", "สมุทรสงคราม"]);
    assert!(matches!(match_province("ไม่มีจังหวัดนี้"), ProvinceMatch::Unknown));
    // Every short form of the table is one province's.
    for (short, official, _) in divisions::PROVINCE_SHORT_FORMS {
        assert_eq!(divisions::province(short).map(|p| p.name), Some(official), "{short}");
    }
}

/// Names that are not names: one issue per distinct text, never a panic, and a
/// 10,000-character name matched in linear time (not timed here: BENCHMARKS.md).
#[test]
fn names_that_are_not_names() {
    let names: Vec<String> = divisions::province("สระแก้ว")
        .map(|p| p.districts.iter().map(|d| d.name.to_string()).collect())
        .unwrap_or_default();
    let long = "ก".repeat(10_000);
    let mixed = "Khlongหาด๑๒";
    let bad = ["อ.", "อำเภอ", "เขต", "กิ่งอำเภอ", "12345", mixed, &long, "-", "ฯ", "อ.อ.อ."];
    let mut products = Vec::new();
    for (i, text) in bad.iter().enumerate() {
        for k in 0..3 {
            products.push(product("bad.xlsx", u32::try_from(10 * i + k).unwrap() + 5, text, "สระแก้ว"));
        }
    }
    let counted =
        Counting::new(&names, &[file_of("bad.xlsx", products)], &[], MarkOnly::Warn).in_province("สระแก้ว").finish();
    assert_eq!(counted.products().count(), 0);
    let unknown: Vec<_> = counted.issues.iter().filter(|i| i.code == Code::ReportAmphoeUnknown).collect();
    assert_eq!(unknown.len(), bad.len(), "{:?}", counted.issues);
    assert!(unknown.iter().all(|i| i.message_en.contains("on 3 rows")));
    let mut m = DistrictMatcher::new(&names).in_province("สระแก้ว");
    assert!(matches!(m.find(&long), DistrictMatch::Unknown(near) if near.len() == 3));
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/names").join(name).to_string_lossy().into_owned()
}

/// The five-province scenario: every district found with all its products.
#[test]
fn five_provinces_typed_as_their_offices_type_them() {
    let mut args: Vec<String> = vec!["score".into(), "--json".into(), "--targets".into()];
    args.push(fixture("targets-ห้าจังหวัด.xlsx"));
    args.extend((1..=17).map(|k| fixture(&format!("report-{k:02}.xlsx"))));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(otop_command::run(&args, &mut out, &mut err), 0, "{}", String::from_utf8_lossy(&err));
    let v: Value = serde_json::from_slice(&out).expect("JSON");
    let online = |province: &str, district: &str| -> Option<i64> {
        let p = v["provinces"].as_array()?.iter().find(|p| p["name"] == province)?;
        p["districts"].as_array()?.iter().find(|d| d["district"] == district)?["online"].as_i64()
    };
    let expected = [
        ("นครราชสีมา", "เมืองนครราชสีมา", 6),
        ("นครราชสีมา", "เมืองยาง", 2),
        ("นครราชสีมา", "ปากช่อง", 5),
        ("นครราชสีมา", "เฉลิมพระเกียรติ", 3),
        ("พระนครศรีอยุธยา", "พระนครศรีอยุธยา", 4),
        ("พระนครศรีอยุธยา", "ท่าเรือ", 3),
        ("พระนครศรีอยุธยา", "บางปะอิน", 1),
        ("กรุงเทพมหานคร", "พระนคร", 2),
        ("กรุงเทพมหานคร", "บางรัก", 6),
        ("กรุงเทพมหานคร", "จอมทอง", 4),
        ("นราธิวาส", "เมืองนราธิวาส", 5),
        ("นราธิวาส", "สุไหงโก-ลก", 3),
        ("นราธิวาส", "ตากใบ", 2),
        ("ตราด", "เมืองตราด", 6),
        ("ตราด", "เกาะกูด", 1),
        ("ตราด", "เกาะช้าง", 3),
    ];
    for (province, district, n) in expected {
        assert_eq!(online(province, district), Some(n), "{district}, {province}");
    }
    let issues = v["issues"].as_array().expect("issues");
    let codes: Vec<(&str, &str)> =
        issues.iter().map(|i| (i["file"].as_str().unwrap_or(""), i["code"].as_str().unwrap_or(""))).collect();
    assert_eq!(
        codes,
        [
            ("report-17.xlsx", "report.province.several"),
            ("report-17.xlsx", "report.province.several"),
            ("report-17.xlsx", "report.province.several"),
            ("report-02.xlsx", "report.tambon.other_district"),
        ],
        "{issues:#?}"
    );
    let message = |k: usize| issues[k]["message_th"].as_str().unwrap_or("").to_string();
    // เฉลิมพระเกียรติ without a province: the five provinces that have one.
    let chaloem = message(0);
    assert!(["สระบุรี", "นครราชสีมา", "บุรีรัมย์", "น่าน", "นครศรีธรรมราช"].iter().all(|p| chaloem.contains(p)));
    // อ.เมือง without a province: the run's provinces whose เมือง it could be.
    let mueang = message(1);
    assert!(["นครราชสีมา", "พระนครศรีอยุธยา", "นราธิวาส", "ตราด"].iter().all(|p| mueang.contains(p)), "{mueang}");
    assert!(message(2).contains("นครนายก") && message(2).contains("นครศรีธรรมราช"));
    // The ตำบล of เมืองนครราชสีมา on a เมืองยาง row: a warning naming its district.
    assert!(message(3).contains("อำเภอเมืองนครราชสีมา"), "{}", message(3));
    assert_eq!(issues[3]["row"], 8);
}
