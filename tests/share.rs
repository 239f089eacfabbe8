//! The results link (issue 26, SPEC §5): a run's aggregates round-trip through
//! the fragment, a province's link is short, a 76-province one stays usable,
//! and a bad link is one clear error; an earlier link gives each row's change.

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_engine::analysis::Analysis;
use otop_engine::share::change::changes;
use otop_engine::share::{LinkError, SharedRun, MAX_LENGTH};
use otop_import::report::import_report;
use otop_model::calendar::Day;
use otop_model::divisions;
use otop_model::imported::file::{FileKind, ImportedFile};
use otop_model::money::{BasisPoints, Satang};
use otop_model::preset::{District, Preset, ScoringRule};
use proptest::prelude::*;
use std::path::Path;

fn scenario(skip: Option<&str>) -> (Preset, Analysis) {
    let preset = Preset::sa_kaeo_2564_round2();
    let names: Vec<String> = preset.districts.iter().map(|d| d.name.clone()).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files");
    let mut files: Vec<_> = std::fs::read_dir(dir.join("scenario")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let read = |p: &Path, kind| {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        import_report(&name, &std::fs::read(p).unwrap(), kind, &names)
    };
    let is = |p: &Path, start: &str| p.file_name().unwrap().to_string_lossy().starts_with(start);
    let reports: Vec<ImportedFile> = files
        .iter()
        .filter(|p| is(p, "0") && !skip.is_some_and(|s| p.to_string_lossy().contains(s)))
        .map(|p| read(p, FileKind::Report))
        .collect();
    let round1: Vec<ImportedFile> =
        files.iter().filter(|p| is(p, "round1")).map(|p| read(p, FileKind::Round1)).collect();
    let sales_path = dir.join("sales/sales-long.xlsx");
    let sales =
        otop_import::sales::read_all(&[("sales-long.xlsx".into(), std::fs::read(sales_path).unwrap())], &preset);
    let a = Analysis::run(&preset, &reports, &round1, &sales);
    (preset, a)
}

#[test]
fn the_scenario_round_trips_with_its_fifty_figures_in_a_short_link() {
    let (preset, a) = scenario(None);
    let day = Day { year: 2564, month: 9, day: 10 };
    let fragment = SharedRun::of_analysis(&preset, &a, Some(day)).encode();
    println!("the scenario's link: {} characters", fragment.len());
    assert!(fragment.len() <= 2000, "{}", fragment.len());
    let back = SharedRun::decode(&format!("#{fragment}")).unwrap();
    assert_eq!(back.date, Some(day));
    let shown = back.analysis(0).unwrap();
    assert_eq!(shown.evaluation, a.evaluation, "every figure, target and score of both KPIs");
    assert_eq!(shown.counted.sent, a.counted.sent);
    assert_eq!(back.provinces[0].preset.province, "สระแก้ว");
    // Nothing but aggregates: no product, entrepreneur, phone or link text travels.
    let payload = format!("{:?}", back);
    for word in ["ข้าวเกรียบ", "กลุ่ม", "080-", "facebook"] {
        assert!(!payload.contains(word), "{word}");
    }
}

/// A run of `n` provinces of the official list, every district with figures.
fn country(n: usize) -> SharedRun {
    let provinces = divisions::provinces()
        .iter()
        .take(n)
        .enumerate()
        .map(|(i, p)| {
            let districts: Vec<District> = p
                .districts
                .iter()
                .enumerate()
                .map(|(j, d)| District {
                    name: d.name.into(),
                    entrepreneurs: 0,
                    products: 100 + (i * 7 + j * 13) as i64 % 400,
                    base: Satang(100_000_000 + (i * 31 + j) as i64 * 12_345),
                })
                .collect();
            let k = districts.len();
            // (The link does not carry the deadline.)
            let preset = Preset { province: p.name.into(), districts, deadline: None, ..Preset::sa_kaeo_2564_round2() };
            otop_engine::share::SharedProvince {
                preset,
                online: (0..k).map(|j| (j * 3 % 40) as i64).collect(),
                sales: (0..k).map(|j| Some(Satang(110_000_000 + j as i64 * 777))).collect(),
                sent: (0..k).map(|j| j % 5 != 0).collect(),
            }
        })
        .collect();
    SharedRun { date: Some(Day { year: 2564, month: 9, day: 17 }), provinces }
}

#[test]
fn a_76_province_link_stays_usable() {
    let run = country(76);
    let fragment = run.encode();
    println!(
        "76 provinces, {} districts: {} characters",
        run.provinces.iter().map(|p| p.online.len()).sum::<usize>(),
        fragment.len()
    );
    assert!(fragment.len() < 100_000, "under what every browser takes in a URL: {}", fragment.len());
    let back = SharedRun::decode(&fragment).unwrap();
    assert!(back == run, "the 76 provinces round-trip");
    let nation = back.nation().unwrap();
    assert_eq!(nation.provinces.len(), 76);
}

#[test]
fn a_bad_link_is_one_clear_error() {
    let (preset, a) = scenario(None);
    let good = SharedRun::of_analysis(&preset, &a, None).encode();
    // Cut short.
    let cut = &good[..good.len() / 2];
    assert!(matches!(SharedRun::decode(cut), Err(LinkError::Damaged(_))), "{:?}", SharedRun::decode(cut));
    // One character changed: the checksum fails.
    let mut edited: Vec<char> = good.chars().collect();
    let at = edited.len() / 2;
    edited[at] = if edited[at] == 'A' { 'B' } else { 'A' };
    let edited: String = edited.into_iter().collect();
    assert_eq!(SharedRun::decode(&edited), Err(LinkError::Damaged("checksum".into())));
    // Figures changed with a checksum made to match: they do not add up.
    let mut run = SharedRun::decode(&good).unwrap();
    run.provinces[0].preset.districts[0].products += 10; // the targets travel as they were
    let mut link: otop_engine::share::link::Link = postcard::from_bytes(&payload_of(&good)).unwrap();
    link.provinces[0].districts[0].online += 5;
    let forged = with_checksum(postcard::to_allocvec(&link).unwrap());
    assert!(matches!(SharedRun::decode(&forged), Err(LinkError::DoesNotAddUp(_))), "{:?}", SharedRun::decode(&forged));
    // From a newer version; not a link; 10 MB.
    assert_eq!(SharedRun::decode(&format!("r2.{}", &good[3..])), Err(LinkError::Newer(2)));
    assert_eq!(SharedRun::decode("hello"), Err(LinkError::NotALink));
    let huge = "r1.".to_string() + &"A".repeat(10 * 1024 * 1024);
    assert_eq!(SharedRun::decode(&huge), Err(LinkError::TooLong(huge.len())));
    assert!(huge.len() > MAX_LENGTH);
    // Each in Thai and English.
    for e in [LinkError::NotALink, LinkError::Newer(2), LinkError::TooLong(9), LinkError::Damaged("x".into())] {
        let (th, en) = e.messages();
        assert!(!th.is_empty() && !en.is_empty());
    }
}

#[test]
fn an_earlier_link_without_one_district_gives_its_change_and_no_other() {
    let (preset, now) = scenario(None);
    let (_, then) = scenario(Some("05-วัฒนานคร"));
    let link = SharedRun::decode(&SharedRun::of_analysis(&preset, &then, None).encode()).unwrap();
    let c = changes(&preset, &now, &link).unwrap();
    for (row, ch) in now.evaluation.districts.iter().zip(&c.districts) {
        if row.district == "วัฒนานคร" {
            assert!(ch.first_time && ch.online == row.kpi1.online && ch.online > 0, "{ch:?}");
        } else {
            assert_eq!((ch.online, ch.score, ch.first_time), (0, 0, false), "{}", row.district);
        }
    }
    let province = c.province.unwrap();
    assert_eq!(province.online, now.evaluation.province.kpi1.online - then.evaluation.province.kpi1.online);
}

fn any_run() -> impl Strategy<Value = SharedRun> {
    let district = (
        "[ก-ฮ]{1,12}",
        0i64..5_000,
        0i64..5_000,
        0i64..10_000_000_000,
        proptest::option::of(0i64..10_000_000_000),
        any::<bool>(),
    );
    let province = (
        prop::collection::vec(district, 1..15),
        prop::sample::select(vec!["สระแก้ว", "ตราด", "จังหวัดใหม่"]),
        any::<bool>(),
        any::<bool>(),
        prop::array::uniform5(0i64..20_000),
    );
    (prop::collection::vec(province, 1..4), proptest::option::of((2500i32..2600, 1u32..13, 1u32..29))).prop_map(
        |(provinces, date)| SharedRun {
            date: date.map(|(year, month, day)| Day { year, month, day }),
            provinces: provinces
                .into_iter()
                .map(|(ds, name, percent, survey, k1)| {
                    let mut preset = Preset { deadline: None, ..Preset::sa_kaeo_2564_round2() };
                    preset.province = name.into();
                    preset.rule = if percent { ScoringRule::Percent } else { ScoringRule::Table };
                    preset.survey_done = survey;
                    preset.kpi1.reference = BasisPoints(k1[0]);
                    preset.districts = ds
                        .iter()
                        .map(|(n, p, _, b, _, _)| District {
                            name: n.clone(),
                            entrepreneurs: 0,
                            products: *p,
                            base: Satang(*b),
                        })
                        .collect();
                    otop_engine::share::SharedProvince {
                        preset,
                        online: ds.iter().map(|d| d.2).collect(),
                        sales: ds.iter().map(|d| d.4.map(Satang)).collect(),
                        sent: ds.iter().map(|d| d.5).collect(),
                    }
                })
                .collect(),
        },
    )
}

proptest! {
    #[test]
    fn any_run_round_trips(run in any_run()) {
        let back = SharedRun::decode(&run.encode()).unwrap();
        prop_assert_eq!(back, run);
    }

    #[test]
    fn any_text_decodes_or_is_an_error_without_a_panic(text in ".{0,400}") {
        let _ = SharedRun::decode(&text);
        let _ = SharedRun::decode(&format!("r1.{text}"));
    }

    /// Random bytes with a checksum that matches reach the decoder itself (random
    /// text never passes the checksum): never a panic, never "checksum", and what
    /// decodes is a run whose link decodes to it again.
    #[test]
    fn any_payload_with_its_checksum_reaches_the_decoder(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let link = with_checksum(bytes);
        match SharedRun::decode(&link) {
            Ok(run) => prop_assert_eq!(SharedRun::decode(&run.encode()), Ok(run)),
            Err(LinkError::Damaged(why)) => prop_assert_ne!(why, "checksum"),
            Err(e) => prop_assert!(matches!(e, LinkError::DoesNotAddUp(_)), "{:?}", e),
        }
    }

    /// A real link's payload with bytes changed and its checksum made to match:
    /// the decoder sees figures that may be anything.
    #[test]
    fn a_real_link_changed_and_resealed_is_read_or_refused(at in 0usize..2000, to in any::<u8>()) {
        let (preset, a) = scenario(None);
        let good = SharedRun::of_analysis(&preset, &a, None).encode();
        let mut payload = payload_of(&good);
        let at = at % payload.len();
        payload[at] = to;
        match SharedRun::decode(&with_checksum(payload)) {
            Ok(run) => prop_assert_eq!(SharedRun::decode(&run.encode()), Ok(run)),
            Err(LinkError::Damaged(why)) => prop_assert_ne!(why, "checksum"),
            Err(e) => prop_assert!(matches!(e, LinkError::DoesNotAddUp(_)), "{:?}", e),
        }
    }
}

/// A link's payload, without its version and checksum.
fn payload_of(link: &str) -> Vec<u8> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(&link[3..]).unwrap();
    bytes[..bytes.len() - 4].to_vec()
}

/// `payload` as a version-1 link, its CRC-32 appended.
fn with_checksum(mut payload: Vec<u8>) -> String {
    use base64::Engine;
    payload.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
    format!("r1.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&payload))
}

#[test]
fn a_results_workbook_holds_its_link_and_compares_like_it() {
    let (preset, a) = scenario(None);
    let bytes = otop_export::results::results_workbook(&preset, &a, otop_model::display::Lang::Th).unwrap();
    let book = otop_import::reader::read("results.xlsx", &bytes).unwrap();
    let hidden = book.sheets.iter().find(|s| s.name == otop_engine::share::LINK_SHEET).unwrap();
    assert!(hidden.hidden, "the link's sheet is hidden");
    let link = otop_engine::share::link_in(&book.sheets).unwrap();
    let run = SharedRun::decode(&link).unwrap();
    assert_eq!(run.analysis(0).unwrap().evaluation, a.evaluation);
    // The worker's request gives the same; a report of a district gives none.
    let reply = otop_worker::run(&otop_protocol::Request::link(1, "results.xlsx"), &bytes);
    assert_eq!(reply.outcome, otop_protocol::Outcome::Link(Some(link)));
    let report =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/scenario/07-เขาฉกรรจ์.xlsx"))
            .unwrap();
    let reply = otop_worker::run(&otop_protocol::Request::link(2, "07.xlsx"), &report);
    assert_eq!(reply.outcome, otop_protocol::Outcome::Link(None));
    // A 76-province link spans several cells of at most 30,000 characters.
    let long = country(76).encode();
    let cells = otop_engine::share::link_cells(&long);
    assert!(cells.len() >= 2 && cells.iter().all(|c| c.chars().count() <= otop_engine::share::CELL_CHARS));
    assert_eq!(cells.concat(), long);
}
