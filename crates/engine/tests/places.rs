//! Where a run over several provinces puts each product (SPEC §10, §4.1's
//! names): by its จังหวัด cell as people write it, else by the one province
//! that has its district — and never by guess when several could. The engine's
//! own tests, on products made here (no file is read).

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_engine::nation::NationRun;
use otop_model::divisions;
use otop_model::imported::file::{FileKind, ImportedFile};
use otop_model::imported::product::Product;
use otop_model::money::Satang;
use otop_model::preset::{District, Preset};
use std::sync::Arc;

/// A preset of `province` with every district of the official list, 100 products each.
fn preset(province: &str) -> Preset {
    let p = divisions::province(province).unwrap();
    let districts = p
        .districts
        .iter()
        .map(|d| District {
            name: d.name.to_string(),
            entrepreneurs: 10,
            products: 100,
            base: Satang::from_baht(1_000),
        })
        .collect();
    Preset { province: p.name.to_string(), districts, ..Preset::sa_kaeo_2564_round2() }
}

/// One online product per (district, province) typed, each its own entrepreneur.
fn report(name: &str, rows: &[(&str, &str)]) -> ImportedFile {
    let products = rows
        .iter()
        .zip(5..)
        .map(|((amphoe, province), row)| {
            Product::example(name, row, &format!("{name}-{row}"), "ผ้าไหม", amphoe, province).on("fb.com/x")
        })
        .collect();
    let mut f = ImportedFile::new(name, Some(FileKind::Report));
    f.rows = rows.len();
    f.products = Arc::new(products);
    f
}

fn online(run: &NationRun, province: &str, district: &str) -> i64 {
    let p = run.provinces.iter().find(|p| p.preset.province == province).unwrap();
    let i = p.preset.districts.iter().position(|d| d.name == district).unwrap();
    p.analysis.counted.online[i]
}

fn codes(run: &NationRun) -> Vec<&str> {
    run.issues.iter().filter(|i| i.severity.as_str() == "error").map(|i| i.code.as_str()).collect()
}

#[test]
fn provinces_as_people_write_them_and_the_capital_as_they_say_it() {
    let presets = [preset("กรุงเทพมหานคร"), preset("นครราชสีมา"), preset("พระนครศรีอยุธยา")];
    let rows = [
        ("เขต บางรัก", "กทม."),
        ("เขตพระนคร", "กรุงเทพฯ"),
        ("อ.เมือง", "โคราช"),
        ("อ.เมืองยาง", "จ.นครราชสีมา"),
        ("อ.เมือง", "อยุธยา"),
        ("ท่าเรือ", "อยุธยา"),
    ];
    let run = NationRun::run(&presets, &[report("a.xlsx", &rows)], &[], &[]);
    assert_eq!(codes(&run), Vec::<&str>::new(), "{:?}", run.issues);
    for (province, district) in [
        ("กรุงเทพมหานคร", "บางรัก"),
        ("กรุงเทพมหานคร", "พระนคร"),
        ("นครราชสีมา", "เมืองนครราชสีมา"),
        ("นครราชสีมา", "เมืองยาง"),
        ("พระนครศรีอยุธยา", "พระนครศรีอยุธยา"),
        ("พระนครศรีอยุธยา", "ท่าเรือ"),
    ] {
        assert_eq!(online(&run, province, district), 1, "{district}, {province}");
    }
}

#[test]
fn without_a_province_a_district_only_one_province_has_goes_there() {
    let presets = [preset("นครราชสีมา"), preset("ตราด")];
    let run = NationRun::run(&presets, &[report("b.xlsx", &[("อ.ปากช่อง", ""), ("กิ่งอำเภอเกาะกูด", "")])], &[], &[]);
    assert_eq!(codes(&run), Vec::<&str>::new(), "{:?}", run.issues);
    assert_eq!(online(&run, "นครราชสีมา", "ปากช่อง"), 1);
    assert_eq!(online(&run, "ตราด", "เกาะกูด"), 1);
}

#[test]
fn a_name_several_provinces_could_have_is_an_error_naming_them_never_a_guess() {
    // Nakhon Ratchasima is the only loaded province with a เฉลิมพระเกียรติ, but
    // four others have one too: the row is not put there.
    let presets = [preset("นครราชสีมา"), preset("ตราด")];
    let rows = [("อ.เฉลิมพระเกียรติ", ""), ("อ.เมือง", ""), ("อ.เมือง", "นครฯ")];
    let run = NationRun::run(&presets, &[report("c.xlsx", &rows)], &[], &[]);
    assert_eq!(codes(&run), ["report.province.several"; 3], "{:?}", run.issues);
    let said: Vec<&str> = run.issues.iter().map(|i| i.message_th.as_str()).collect();
    assert!(["สระบุรี", "นครราชสีมา", "บุรีรัมย์", "น่าน", "นครศรีธรรมราช"].iter().all(|p| said[0].contains(p)));
    assert!(said[1].contains("นครราชสีมา") && said[1].contains("ตราด"), "{}", said[1]);
    assert!(["นครนายก", "นครปฐม", "นครพนม", "นครสวรรค์"].iter().all(|p| said[2].contains(p)), "{}", said[2]);
    assert_eq!(online(&run, "นครราชสีมา", "เฉลิมพระเกียรติ"), 0);
    assert_eq!(online(&run, "นครราชสีมา", "เมืองนครราชสีมา"), 0);
}

#[test]
fn a_province_not_loaded_is_named_by_its_official_name() {
    let run = NationRun::run(&[preset("ตราด"), preset("จันทบุรี")], &[report("d.xlsx", &[("ท่าเรือ", "อยุธยา")])], &[], &[]);
    assert_eq!(codes(&run), ["report.province.unknown"]);
    assert!(run.issues[0].message_th.contains("จังหวัดพระนครศรีอยุธยา"), "{}", run.issues[0].message_th);
}
