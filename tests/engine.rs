//! The KPI engine against the letter of 11 May 2564: every number of both target
//! tables, each threshold's boundary under both rules, and properties.

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_model::money::{BasisPoints, Satang};
use otop_model::preset::{Preset, ScoringRule};
use otop_model::scoring::{kpi1, kpi2, Next};
use otop_model::targets::TargetTables;
use proptest::prelude::*;

/// Attachment 1, typed from the letter: district, entrepreneurs, products, targets for 1–5.
const LETTER_KPI1: [(&str, i64, i64, [i64; 5]); 10] = [
    ("เมืองสระแก้ว", 138, 412, [29, 33, 37, 41, 45]),
    ("คลองหาด", 65, 164, [11, 13, 15, 16, 18]),
    ("ตาพระยา", 57, 152, [11, 12, 14, 15, 17]),
    ("วังน้ำเย็น", 84, 267, [19, 21, 24, 27, 29]),
    ("วัฒนานคร", 149, 264, [18, 21, 24, 26, 29]),
    ("อรัญประเทศ", 73, 224, [16, 18, 20, 22, 25]),
    ("เขาฉกรรจ์", 112, 204, [14, 16, 18, 20, 22]),
    ("โคกสูง", 60, 87, [6, 7, 8, 9, 10]),
    ("วังสมบูรณ์", 70, 147, [10, 12, 13, 15, 16]),
    ("รวม (จ.สระแก้ว)", 808, 1921, [134, 154, 173, 192, 211]),
];

/// Attachment 2, typed from the letter: district, base 2563, targets for 1–5 (baht).
const LETTER_KPI2: [(&str, i64, [i64; 5]); 10] = [
    ("เมืองสระแก้ว", 68_302_860, [72_401_032, 73_084_060, 73_767_089, 74_450_117, 75_133_146]),
    ("คลองหาด", 51_329_000, [54_408_740, 54_922_030, 55_435_320, 55_948_610, 56_461_900]),
    ("ตาพระยา", 38_490_500, [40_799_930, 41_184_835, 41_569_740, 41_954_645, 42_339_550]),
    ("วังน้ำเย็น", 32_023_200, [33_944_592, 34_264_824, 34_585_056, 34_905_288, 35_225_520]),
    ("วัฒนานคร", 56_133_031, [59_501_013, 60_062_343, 60_623_673, 61_185_004, 61_746_334]),
    ("อรัญประเทศ", 83_999_900, [89_039_894, 89_879_893, 90_719_892, 91_559_891, 92_399_890]),
    ("เขาฉกรรจ์", 18_113_128, [19_199_916, 19_381_047, 19_562_178, 19_743_310, 19_924_441]),
    ("โคกสูง", 22_201_820, [23_533_929, 23_755_947, 23_977_966, 24_199_984, 24_422_002]),
    ("วังสมบูรณ์", 2_172_561_200, [2_302_914_872, 2_324_640_484, 2_346_366_096, 2_368_091_708, 2_389_817_320]),
    ("รวม (จ.สระแก้ว)", 2_543_154_639, [2_695_743_917, 2_721_175_464, 2_746_607_010, 2_772_038_557, 2_797_470_103]),
];

fn sa_kaeo() -> Preset {
    Preset::sa_kaeo_2564_round2()
}

#[test]
fn attachment_1_every_cell() {
    let t = TargetTables::of(&sa_kaeo());
    let rows: Vec<_> = t.districts.iter().chain(std::iter::once(&t.province)).collect();
    assert_eq!(rows.len(), LETTER_KPI1.len());
    for (row, (name, ent, prod, targets)) in rows.iter().zip(LETTER_KPI1) {
        assert_eq!(row.district, name);
        assert_eq!((row.entrepreneurs, row.products), (ent, prod), "{name}");
        assert_eq!(row.kpi1, targets, "{name}");
    }
}

#[test]
fn attachment_2_every_cell() {
    let t = TargetTables::of(&sa_kaeo());
    let rows: Vec<_> = t.districts.iter().chain(std::iter::once(&t.province)).collect();
    for (row, (name, base, targets)) in rows.iter().zip(LETTER_KPI2) {
        assert_eq!(row.district, name);
        assert_eq!(row.base, Satang::from_baht(base), "{name}");
        assert_eq!(row.kpi2.map(Satang::baht), targets, "{name}");
        assert!(row.kpi2.iter().all(|s| s.is_whole_baht()));
    }
}

#[test]
fn province_row_is_not_the_sum_of_the_districts() {
    let t = TargetTables::of(&sa_kaeo());
    let summed: Vec<i64> = (0..5).map(|k| t.districts.iter().map(|d| d.kpi1[k]).sum()).collect();
    assert_eq!(summed, [134, 153, 173, 191, 211]);
    assert_eq!(t.province.kpi1, [134, 154, 173, 192, 211]);
    let summed2: Vec<i64> = (0..2).map(|k| t.districts.iter().map(|d| d.kpi2[k].baht()).sum()).collect();
    assert_ne!(summed2, [2_695_743_917, 2_721_175_464]);
    assert_eq!(t.province.kpi2[0].baht(), 2_695_743_917);
    assert_eq!(t.province.kpi2[1].baht(), 2_721_175_464);
    assert_eq!(
        (t.province.entrepreneurs, t.province.products, t.province.base),
        (808, 1921, Satang::from_baht(2_543_154_639))
    );
}

#[test]
fn mueang_sa_kaeo_37_products_scores_3_by_table_2_by_percent() {
    let p = sa_kaeo();
    let s = kpi1(37, 412, &p.kpi1, false);
    assert_eq!((s.by_table, s.by_percent), (3, 2));
    assert!(s.rules_differ());
    assert_eq!(s.percent, BasisPoints(898));
    // Under the percent rule, 9 % of 412 = 37.08 needs 38 products.
    assert_eq!(s.next_percent, Next::More { score: 3, target: 38, needed: 1 });
    assert_eq!(s.next_table, Next::More { score: 4, target: 41, needed: 4 });
}

#[test]
fn every_kpi1_boundary_under_both_rules() {
    let p = sa_kaeo();
    // (count, by table, by percent) around each target of Mueang Sa Kaeo (412 products):
    // targets 33/37/41/45; exact 8 % = 32.96, 9 % = 37.08, 10 % = 41.2, 11 % = 45.32.
    let cases = [
        (32, 1, 1),
        (33, 2, 2),
        (36, 2, 2),
        (37, 3, 2),
        (38, 3, 3),
        (40, 3, 3),
        (41, 4, 3),
        (42, 4, 4),
        (44, 4, 4),
        (45, 4, 4),
        (46, 4, 4),
    ];
    for (count, table, percent) in cases {
        let s = kpi1(count, 412, &p.kpi1, false);
        assert_eq!((s.by_table, s.by_percent), (table, percent), "count {count} without survey");
    }
    let with_survey = [(44, 4, 4), (45, 5, 4), (46, 5, 5)];
    for (count, table, percent) in with_survey {
        let s = kpi1(count, 412, &p.kpi1, true);
        assert_eq!((s.by_table, s.by_percent), (table, percent), "count {count} with survey");
    }
}

#[test]
fn mueang_sa_kaeo_45_products_needs_the_survey_for_5() {
    let p = sa_kaeo();
    let without = kpi1(45, 412, &p.kpi1, false);
    assert_eq!(without.by_table, 4);
    assert_eq!(without.next_table, Next::Survey);
    let with = kpi1(45, 412, &p.kpi1, true);
    assert_eq!(with.by_table, 5);
    assert_eq!(with.next_table, Next::Top);
}

#[test]
fn watthana_nakhon_sales_boundary() {
    let p = sa_kaeo();
    let base = Satang::from_baht(56_133_031);
    let s = kpi2(Satang::from_baht(60_062_343), base, &p.kpi2);
    assert_eq!((s.by_table, s.by_percent), (2, 1));
    // The exact 7 % is 60,062,343.17 baht: 17 satang short under the percent rule.
    assert_eq!(s.next_percent, Next::More { score: 2, target: Satang(6_006_234_317), needed: Satang(17) });
    assert_eq!(s.growth, BasisPoints(700));
    let just_below = kpi2(Satang::from_baht(60_062_342), base, &p.kpi2);
    assert_eq!((just_below.by_table, just_below.by_percent), (1, 1));
    assert_eq!(
        just_below.next_table,
        Next::More { score: 2, target: Satang::from_baht(60_062_343), needed: Satang(100) }
    );
}

#[test]
fn every_kpi2_boundary_under_both_rules() {
    let p = sa_kaeo();
    let base = Satang::from_baht(68_302_860);
    // Mueang Sa Kaeo: the exact amounts are 73,084,060.2 / 73,767,088.8 / 74,450,117.4 / 75,133,146.
    let cases: [(i64, u8, u8); 9] = [
        (7_308_405_999, 1, 1),
        (7_308_406_000, 2, 1),
        (7_308_406_020, 2, 2),
        (7_376_708_880, 2, 3),
        (7_376_708_900, 3, 3),
        (7_445_011_700, 4, 3),
        (7_445_011_740, 4, 4),
        (7_513_314_599, 4, 4),
        (7_513_314_600, 5, 5),
    ];
    for (satang, table, percent) in cases {
        let s = kpi2(Satang(satang), base, &p.kpi2);
        assert_eq!((s.by_table, s.by_percent), (table, percent), "sales {satang} satang");
    }
}

#[test]
fn growth_can_fall() {
    let p = sa_kaeo();
    let s = kpi2(Satang::from_baht(50), Satang::from_baht(100), &p.kpi2);
    assert_eq!(s.growth, BasisPoints(-5000));
    assert_eq!(s.by_table, 1);
}

#[test]
fn wang_sombun_base_is_flagged_and_kept() {
    let p = sa_kaeo();
    let w = otop_model::outliers::preset_outliers(&p);
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].code, "preset.outlier.base");
    assert!(w[0].message_th.contains("วังสมบูรณ์"));
    assert_eq!(p.district("วังสมบูรณ์").map(|d| d.base), Some(Satang::from_baht(2_172_561_200)));
}

#[test]
fn targets_json_reproduces_the_letter() {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = otop_command::run(&["targets".into(), "--json".into()], &mut out, &mut err);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    for (i, (name, ent, prod, targets)) in LETTER_KPI1.iter().enumerate().take(9) {
        let row = &v["kpi1"]["districts"][i];
        assert_eq!(row["district"], *name);
        assert_eq!(row["entrepreneurs"], *ent);
        assert_eq!(row["products"], *prod);
        assert_eq!(row["targets"], serde_json::json!(targets));
    }
    assert_eq!(v["kpi1"]["province"]["targets"], serde_json::json!([134, 154, 173, 192, 211]));
    for (i, (name, base, targets)) in LETTER_KPI2.iter().enumerate().take(9) {
        let row = &v["kpi2"]["districts"][i];
        assert_eq!(row["district"], *name);
        assert_eq!(row["base"], *base);
        assert_eq!(row["targets"], serde_json::json!(targets));
    }
    assert_eq!(v["kpi2"]["province"]["base"], 2_543_154_639i64);
    assert_eq!(v["kpi2"]["province"]["targets"], serde_json::json!(LETTER_KPI2[9].2));
    assert_eq!(v["warnings"][0]["code"], "preset.outlier.base");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec![],
        vec!["bogus"],
        vec!["targets", "--nope"],
        vec!["targets", "--preset"],
        vec!["score"],
        vec!["score", "--rule", "bogus", "a.xlsx"],
        vec!["template"],
    ] {
        let args: Vec<String> = args.into_iter().map(String::from).collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(otop_command::run(&args, &mut out, &mut err), 2, "{args:?}");
        let err = String::from_utf8_lossy(&err);
        assert!(err.contains("Usage: otop-kpi") || err.contains("--help"), "{args:?}: {err}");
    }
}

#[test]
fn an_unreadable_input_or_a_failed_write_exits_1_saying_why() {
    let dir = std::env::temp_dir().join(format!("otop-kpi-exit-{}", std::process::id()));
    let missing = dir.join("missing.json").display().to_string();
    let unwritable = dir.join("no-such-folder").join("form.xlsx").display().to_string();
    for args in [vec!["targets", "--preset", missing.as_str()], vec!["template", unwritable.as_str()]] {
        let args: Vec<String> = args.into_iter().map(String::from).collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(otop_command::run(&args, &mut out, &mut err), 1, "{args:?}");
        let err = String::from_utf8_lossy(&err);
        assert!(err.starts_with("otop-kpi: cannot") && !err.contains("Usage"), "{err}");
    }
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(otop_command::run(&["--help".into()], &mut out, &mut err), 0);
    assert!(String::from_utf8_lossy(&out).contains("score"));
}

#[test]
fn scoring_rule_selects() {
    let p = sa_kaeo();
    let s = kpi1(37, 412, &p.kpi1, false);
    assert_eq!(s.score(ScoringRule::Table), 3);
    assert_eq!(s.score(ScoringRule::Percent), 2);
}

fn target_of<T: Copy>(n: Next<T>) -> Option<(u8, T, T)> {
    match n {
        Next::More { score, target, needed } => Some((score, target, needed)),
        _ => None,
    }
}

proptest! {
    /// The importer keeps a text as it is when `is_normalized` says so: it must
    /// then be what `normalize` gives (Thai marks in any order, digits, spaces, case).
    #[test]
    fn a_text_said_normalized_is_its_own_normalisation(s in "[\u{0E00}-\u{0E7F} a-zA-Z0-9\t\u{00E9}\u{200B}]{0,12}") {
        if otop_model::text::is_normalized(&s) {
            prop_assert_eq!(otop_model::text::normalize(&s), s);
        }
    }

    #[test]
    fn kpi1_scores_never_fall_as_the_count_rises(products in 1i64..100_000, online in 0i64..20_000, survey: bool) {
        let t = sa_kaeo().kpi1;
        let a = kpi1(online, products, &t, survey);
        let b = kpi1(online + 1, products, &t, survey);
        prop_assert!(b.by_table >= a.by_table);
        prop_assert!(b.by_percent >= a.by_percent);
    }

    #[test]
    fn kpi1_table_never_below_percent(products in 1i64..100_000, online in 0i64..20_000, survey: bool) {
        let s = kpi1(online, products, &sa_kaeo().kpi1, survey);
        prop_assert!(s.by_table >= s.by_percent);
    }

    #[test]
    fn kpi1_gap_reaches_the_next_score_exactly(products in 1i64..100_000, online in 0i64..20_000, survey: bool) {
        let t = sa_kaeo().kpi1;
        let s = kpi1(online, products, &t, survey);
        for (rule, next) in [(ScoringRule::Table, s.next_table), (ScoringRule::Percent, s.next_percent)] {
            if let Some((score, target, needed)) = target_of(next) {
                prop_assert!(needed > 0);
                prop_assert_eq!(online + needed, target);
                let reached = kpi1(online + needed, products, &t, true).score(rule);
                prop_assert!(reached >= score);
                let short = kpi1(online + needed - 1, products, &t, true).score(rule);
                prop_assert!(short < score);
            }
        }
    }

    #[test]
    fn kpi2_scores_never_fall_as_sales_rise(
        base in 1i64..10_000_000_000,
        sales in 0i64..20_000_000_000,
        step in 1i64..1_000_000,
    ) {
        let t = sa_kaeo().kpi2;
        let a = kpi2(Satang(sales), Satang(base), &t);
        let b = kpi2(Satang(sales + step), Satang(base), &t);
        prop_assert!(b.by_table >= a.by_table);
        prop_assert!(b.by_percent >= a.by_percent);
    }

    #[test]
    fn kpi2_table_never_below_percent_for_whole_baht(base in 1i64..100_000_000, sales in 0i64..200_000_000) {
        // Published targets are whole baht; sales in whole baht (as DOC reports them)
        // that reach the exact percentage also reach its rounded target.
        let s = kpi2(Satang::from_baht(sales), Satang::from_baht(base), &sa_kaeo().kpi2);
        prop_assert!(s.by_table >= s.by_percent);
    }

    #[test]
    fn kpi2_gap_reaches_the_next_score_exactly(base in 1i64..10_000_000_000, sales in 0i64..20_000_000_000) {
        let t = sa_kaeo().kpi2;
        let s = kpi2(Satang(sales), Satang(base), &t);
        for (rule, next) in [(ScoringRule::Table, s.next_table), (ScoringRule::Percent, s.next_percent)] {
            if let Some((score, target, needed)) = target_of(next) {
                prop_assert!(needed.0 > 0);
                prop_assert_eq!(sales + needed.0, target.0);
                prop_assert!(kpi2(target, Satang(base), &t).score(rule) >= score);
                prop_assert!(kpi2(Satang(target.0 - 1), Satang(base), &t).score(rule) < score);
            }
        }
    }
}

#[test]
fn the_command_speaks_english_with_lang_en_from_the_label_catalogue() {
    use otop_model::{display::Lang, label::Label};
    let run = |args: &[&str]| {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(otop_command::run(&args, &mut out, &mut err), 0, "{}", String::from_utf8_lossy(&err));
        String::from_utf8(out).unwrap()
    };
    let en = run(&["targets", "--lang", "en"]);
    let th = run(&["targets"]);
    for l in [Label::Kpi1TargetsTitle, Label::Kpi2TargetsTitle, Label::District, Label::Entrepreneurs] {
        assert!(en.contains(l.text(Lang::En)) && !en.contains(l.text(Lang::Th)), "{l:?} in English");
        assert!(th.contains(l.text(Lang::Th)), "{l:?} in Thai");
    }
    // The same tables in both: only the words change (the province row's targets, as the letter prints them).
    assert!(en.contains("Evaluation round 2") && en.contains("score 5 (11.00%)"), "{en}");
    assert_eq!(en.lines().count(), th.lines().count());
    let province_row = |s: &str| -> Option<Vec<String>> {
        let line = s.lines().find(|l| l.contains("1,921"))?;
        Some(line.split_whitespace().map(String::from).collect())
    };
    assert_eq!(province_row(&en), province_row(&th));
}
