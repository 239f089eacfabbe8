//! The page's rules, natively: a session as the page drives it (files dropped and
//! read through the read-file feature's shared part, sales typed by hand,
//! settings edited, target tables imported), checked against figures written by
//! hand from the fixtures (see make_fixtures.py and tests/import.rs).

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_model::imported::file::FileKind;
use otop_model::issue::preset::Figure;
use otop_model::issue::Code;
use otop_model::money::{BasisPoints, Satang};
use otop_protocol::{Outcome, Reply};
use otop_session::Session;
use otop_worker::run;
use std::path::Path;

fn bytes(rel: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/files").join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

/// Drops `rel` on the zone of `kind` and stores what reading it gave.
fn drop_file(s: &mut Session, kind: FileKind, rel: &str) {
    let request = s.add_file(kind, file_name(rel));
    assert!(s.store(run(&request, &bytes(rel))), "{rel}: the reply is stored");
}

fn codes_about(s: &Session, district: usize) -> Vec<Code> {
    s.sales_input().issues.iter().filter(|i| i.district == Some(district)).map(|i| i.code).collect()
}

#[test]
fn dropped_reports_are_counted_as_the_command_counts_them() {
    let mut s = Session::default();
    drop_file(&mut s, FileKind::Report, "scenario/01-เมืองสระแก้ว.xlsx");
    drop_file(&mut s, FileKind::Report, "scenario/02-คลองหาด.xls");
    drop_file(&mut s, FileKind::Round1, "scenario/round1-สระแก้ว.xlsx");
    assert!(!s.working());
    assert_eq!(s.file_count(), 3);
    let a = s.analysis();
    // By hand (tests/import.rs): 37 in Mueang, 15 in Khlong Hat, after round 1.
    assert_eq!(&a.counted.online[..2], &[37, 15]);
    assert_eq!(a.evaluation.districts[0].kpi1.by_table, 3);
}

#[test]
fn counted_a_slice_at_a_time_as_at_once() {
    let mut s = Session::default();
    for rel in ["01-เมืองสระแก้ว.xlsx", "02-คลองหาด.xls", "05-วัฒนานคร.xlsx", "01-เมืองสระแก้ว.xlsx"]
    {
        drop_file(&mut s, FileKind::Report, &format!("scenario/{rel}"));
    }
    // The same products again under another name: every one a duplicate.
    let request = s.add_file(FileKind::Report, "copy.xlsx");
    assert!(s.store(run(&request, &bytes("scenario/05-วัฒนานคร.xlsx"))));
    drop_file(&mut s, FileKind::Round1, "scenario/round1-สระแก้ว.xlsx");
    let whole = s.analysis();
    assert!(whole.counted.excluded.len() > 10, "duplicates and round 1 left out");
    assert!(s.products() > whole.counted.kept.len());
    for most in [1, 7, 1000] {
        let mut steps = s.analysis_steps();
        let mut n = 1;
        while !steps.step(most) {
            n += 1;
        }
        assert!(n >= s.products() / most / 2, "{most} at a time: {n} steps");
        assert_eq!(steps.finish(), whole, "{most} at a time");
    }
}

#[test]
fn a_reply_nobody_waits_for_is_dropped() {
    let mut s = Session::default();
    let first = s.add_file(FileKind::Report, "01-เมืองสระแก้ว.xlsx");
    let reply_to_first = run(&first, &bytes("scenario/01-เมืองสระแก้ว.xlsx"));
    // The same name dropped again before the first answer: only the second counts.
    let second = s.add_file(FileKind::Report, "01-เมืองสระแก้ว.xlsx");
    assert_ne!(first.id, second.id);
    assert!(!s.store(reply_to_first));
    assert!(s.working(), "still waiting for the second read");
    assert!(s.store(run(&second, &bytes("scenario/01-เมืองสระแก้ว.xlsx"))));
    assert_eq!(s.reports.len(), 1);
    // A removed file's late answer changes nothing.
    let late = s.add_file(FileKind::Report, "02-คลองหาด.xls");
    s.remove_file(FileKind::Report, "02-คลองหาด.xls");
    assert!(!s.store(run(&late, &bytes("scenario/02-คลองหาด.xls"))));
    assert_eq!(s.file_count(), 1);
}

#[test]
fn files_dropped_together_are_read_as_each_dropped_alone() {
    let mut s = Session::default();
    let early = s.add_file(FileKind::Report, "01-เมืองสระแก้ว.xlsx");
    let names: Vec<String> =
        ["02-คลองหาด.xls", "01-เมืองสระแก้ว.xlsx", "05-วัฒนานคร.xlsx", "02-คลองหาด.xls"].map(String::from).to_vec();
    let requests = s.add_files(FileKind::Report, &names);
    assert_eq!(requests.len(), 4, "a request for each file dropped");
    let ids: std::collections::HashSet<u32> = requests.iter().map(|r| r.id).collect();
    assert_eq!(ids.len(), 4, "each with its own id");
    // One slot per name: the earlier drop of Mueang is replaced, and of the two
    // Khlong Hat files dropped together the later one is kept.
    let slots: Vec<(&str, Option<u32>)> =
        s.slots(FileKind::Report).iter().map(|x| (x.name.as_str(), x.pending)).collect();
    assert_eq!(
        slots,
        [
            ("01-เมืองสระแก้ว.xlsx", Some(requests[1].id)),
            ("05-วัฒนานคร.xlsx", Some(requests[2].id)),
            ("02-คลองหาด.xls", Some(requests[3].id)),
        ]
    );
    assert!(!s.store(run(&early, &bytes("scenario/01-เมืองสระแก้ว.xlsx"))), "the replaced file's answer");
    assert!(!s.store(run(&requests[0], &bytes("scenario/02-คลองหาด.xls"))), "the earlier twin's answer");
    for (request, rel) in requests[1..].iter().zip(["01-เมืองสระแก้ว.xlsx", "05-วัฒนานคร.xlsx", "02-คลองหาด.xls"])
    {
        assert_eq!(request.read, s.request(FileKind::Report, &request.name).read, "the same districts as alone");
        assert!(s.store(run(request, &bytes(&format!("scenario/{rel}")))));
    }
    assert!(!s.working());
    // As when dropped one at a time.
    let alone = {
        let mut one = Session::default();
        for rel in ["01-เมืองสระแก้ว.xlsx", "05-วัฒนานคร.xlsx", "02-คลองหาด.xls"]
        {
            drop_file(&mut one, FileKind::Report, &format!("scenario/{rel}"));
        }
        one.analysis().counted.online
    };
    assert!(alone.iter().sum::<i64>() > 0);
    assert_eq!(s.analysis().counted.online, alone);
}

#[test]
fn reading_again_keeps_the_last_result_until_the_new_one_arrives() {
    let mut s = Session::default();
    drop_file(&mut s, FileKind::Report, "scenario/05-วัฒนานคร.xlsx");
    // A real change of the name (not one trimmed back to the old): the file's
    // "วัฒนานคร" still matches it by the district key.
    s.rename_district(4, "อ. วัฒนานคร");
    assert_eq!(s.preset.districts[4].name, "อ. วัฒนานคร");
    let requests = s.reread_reports();
    assert_eq!(requests.len(), 1);
    assert!(!s.working(), "the old result still shows");
    assert_eq!(s.analysis().counted.online[4], 26);
    assert!(s.store(run(&requests[0], &bytes("scenario/05-วัฒนานคร.xlsx"))));
    assert_eq!(s.analysis().counted.online[4], 26);
}

#[test]
fn typed_sales_replace_the_files_and_answer_only_that_districts_warnings() {
    let mut s = Session::default();
    drop_file(&mut s, FileKind::Sales, "sales/sales-entrepreneurs.xlsx");
    // The file has Khlong Hat (1) without September, and no figure at all for Ta Phraya (2).
    assert_eq!(codes_about(&s, 1), [Code::SalesMonthMissing]);
    assert_eq!(codes_about(&s, 2), [Code::SalesDistrictMissing]);
    assert_eq!(s.sales_input().actual[1], Some(Satang::from_baht(15_000)));
    s.type_sales("คลองหาด", "๕๔,๐๐๐,๐๐๐ บาท");
    s.type_sales("ตาพระยา", "41,569,740");
    let input = s.sales_input();
    assert_eq!(input.actual[1], Some(Satang::from_baht(54_000_000)));
    assert_eq!(input.actual[2], Some(Satang::from_baht(41_569_740)));
    assert!(codes_about(&s, 1).is_empty() && codes_about(&s, 2).is_empty());
    assert_eq!(codes_about(&s, 3), [Code::SalesDistrictMissing], "other districts keep theirs");
    // 41,569,740 over Ta Phraya's base 38,490,500 is +8.00 %: 3 points.
    let row = &s.analysis().evaluation.districts[2];
    assert_eq!(row.kpi2.as_ref().map(|k| (k.growth, k.by_table)), Some((BasisPoints(800), 3)));
    // Clearing the typed figure brings the file's figure and its warning back.
    s.type_sales("คลองหาด", " ");
    assert_eq!(s.sales_input().actual[1], Some(Satang::from_baht(15_000)));
    assert_eq!(codes_about(&s, 1), [Code::SalesMonthMissing]);
}

#[test]
fn typed_figures_that_are_not_numbers_change_nothing_and_say_so() {
    let mut s = Session::default();
    let before = s.preset.clone();
    s.set_figure(0, Figure::Products, "สี่ร้อย");
    assert_eq!(s.preset, before);
    assert_eq!(s.settings_issues.len(), 1);
    assert_eq!(s.settings_issues[0].code, Code::SettingsInput);
    assert!(s.settings_issues[0].message_en.contains("\"สี่ร้อย\" cannot be used as a count"));
    s.set_figure(0, Figure::Products, "1.5");
    assert_eq!(s.preset, before, "a count is whole");
    s.set_figure(0, Figure::Products, "๔๒๐");
    s.set_figure(0, Figure::Base, "68,302,860.50");
    s.set_threshold(1, 4, "๑๒.๕");
    s.set_heading(Some(" สระแก้ว "), Some("๒๕๖๕"), Some("1"));
    assert_eq!(s.preset.districts[0].products, 420);
    assert_eq!(s.preset.districts[0].base, Satang(6_830_286_050));
    assert_eq!(s.preset.kpi1.levels[3], BasisPoints(1250));
    assert_eq!((s.preset.fiscal_year, s.preset.round), (2565, 1));
    s.set_threshold(2, 0, "abc");
    assert_eq!(s.settings_issues[0].message_en, "\"abc\" cannot be used as a percentage: type a number such as 1,250");
}

#[test]
fn target_tables_replace_the_preset_figures_or_say_why_not() {
    let mut s = Session::default();
    s.set_figure(7, Figure::Products, "50");
    let request = s.request(FileKind::Targets, "letter-targets.xlsx");
    let Reply { outcome: Outcome::Targets(tables), .. } = run(&request, &bytes("targets/letter-targets.xlsx")) else {
        panic!("a target-table reply");
    };
    s.import_targets("letter-targets.xlsx", tables);
    assert_eq!(s.preset.districts[7].products, 87, "โคกสูง as in the letter");
    assert!(s.settings_issues.is_empty(), "{:?}", s.settings_issues);
    // A report is not a target table.
    let request = s.request(FileKind::Targets, "basic-report.xlsx");
    let Reply { outcome: Outcome::Targets(tables), .. } = run(&request, &bytes("basic-report.xlsx")) else {
        panic!("a target-table reply");
    };
    s.import_targets("basic-report.xlsx", tables);
    assert_eq!(s.settings_issues.iter().map(|i| i.code).collect::<Vec<_>>(), [Code::TargetsNotFound]);
    // A damaged file: the reader's own error.
    let request = s.request(FileKind::Targets, "damaged.xlsx");
    let Reply { outcome: Outcome::Targets(tables), .. } = run(&request, &bytes("bad/damaged.xlsx")) else {
        panic!("a target-table reply");
    };
    s.import_targets("damaged.xlsx", tables);
    assert_eq!(s.settings_issues.iter().map(|i| i.code).collect::<Vec<_>>(), [Code::FileDamaged]);
}

/// A preset file read as the page reads it: in the worker (its JSON reader keeps baht exact).
fn import_preset(s: &mut Session, name: &str, json: &str) {
    let request = s.preset_request(name);
    let Reply { outcome: Outcome::Preset(preset, issues), .. } = run(&request, json.as_bytes()) else {
        panic!("a preset reply");
    };
    s.import_preset(preset, issues);
}

#[test]
fn a_preset_file_is_loaded_with_its_problems_and_reset_undoes_it() {
    let mut s = Session::default();
    let mut edited = s.preset.clone();
    edited.districts[1].name = edited.districts[0].name.clone();
    import_preset(&mut s, "mine.json", &edited.to_json());
    assert_eq!(s.preset, edited, "kept, to be fixed in place");
    assert_eq!(s.settings_issues.iter().map(|i| i.code).collect::<Vec<_>>(), [Code::PresetDistrictNameDuplicate]);
    assert_eq!(s.settings_issues[0].file.as_deref(), Some("mine.json"));
    import_preset(&mut s, "broken.json", "{ not json");
    assert_eq!(s.preset, edited, "a file that does not parse changes nothing");
    assert_eq!(s.settings_issues[0].code, Code::PresetJsonInvalid);
    assert_eq!(s.settings_issues[0].file.as_deref(), Some("broken.json"));
    s.reset_preset();
    let fresh = Session::default();
    assert_eq!((&s.preset, &s.settings_issues), (&fresh.preset, &fresh.settings_issues), "the built-in preset again");
}

#[test]
fn clearing_forgets_everything_and_never_reuses_a_request_id() {
    let mut s = Session::default();
    let old = s.add_file(FileKind::Report, "01-เมืองสระแก้ว.xlsx");
    s.type_sales("คลองหาด", "1");
    s.add_district();
    s.clear();
    assert_eq!((s.file_count(), s.typed_sales.len(), s.preset.districts.len()), (0, 0, 9));
    let new = s.add_file(FileKind::Report, "01-เมืองสระแก้ว.xlsx");
    assert!(new.id > old.id);
    assert!(!s.store(run(&old, &bytes("scenario/01-เมืองสระแก้ว.xlsx"))), "the old answer is stale");
}

#[test]
fn a_failed_read_is_the_files_error() {
    let mut s = Session::default();
    let request = s.add_file(FileKind::Sales, "sales.xlsx");
    let error = otop_model::imported::error::FileError::NoAnswer { seconds: 60 };
    assert!(s.store(Reply::failed(&request, &error)));
    let a = s.analysis();
    let mine: Vec<_> = a.issues.iter().filter(|i| i.file.as_deref() == Some("sales.xlsx")).collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].code, Code::FileNoAnswer);
    assert_eq!(a.file_state("sales.xlsx"), "error");
}

#[test]
fn several_provinces_follow_the_page_settings() {
    let mut s = Session::default();
    let read: Vec<_> = ["provinces/targets-จันทบุรี.xlsx", "provinces/targets-ตราด.xlsx"]
        .iter()
        .map(|rel| {
            let name = file_name(rel).to_string();
            let request = s.request(FileKind::Targets, &name);
            match run(&request, &bytes(rel)).outcome {
                Outcome::Targets(tables) => (name, tables),
                other => panic!("{other:?}"),
            }
        })
        .collect();
    s.import_provinces(read);
    assert_eq!(s.provinces.iter().map(|p| p.province.as_str()).collect::<Vec<_>>(), ["จันทบุรี", "ตราด"]);
    assert!(s.settings_issues.is_empty(), "{:?}", s.settings_issues);
    // One-district files are recognised among every province's district names.
    assert_eq!(s.district_names().len(), 17);
    drop_file(&mut s, FileKind::Report, "provinces/จันทบุรี-05-มะขาม.xlsx");
    let n = s.nation().expect("a run over two provinces");
    // By hand: มะขาม, 6 online of 80 → 2 by the table, 1 by percent (7.50 % < 8 %).
    let score =
        |n: &otop_engine::nation::NationRun| n.provinces[0].analysis.evaluation.districts[4].kpi1.score(n.nation.rule);
    assert_eq!(score(&n), 2);
    s.set_rule(otop_model::preset::ScoringRule::Percent);
    assert_eq!(score(&s.nation().unwrap()), 1, "the page's rule reaches every province");
    // The evaluation window is editable, and reaches the provinces too.
    s.set_window_month(true, "พ.ค. 2564");
    assert_eq!(s.nation().unwrap().provinces[1].preset.window.start.month, 5);
    s.set_window_month(false, "มี.ค. 2564");
    assert_eq!(s.preset.window.end.month, 9, "a window that would end before it starts is refused");
    s.clear_provinces();
    assert!(s.nation().is_none());
}

/// Issue 35: while target tables are being read the session is working, and
/// the run it would show is no file's (the page shows no run under the preset
/// the tables replace); answered, it is a run over their provinces.
#[test]
fn target_tables_being_read_keep_the_session_working() {
    let mut s = Session::default();
    drop_file(&mut s, FileKind::Report, "scenario/01-เมืองสระแก้ว.xlsx");
    assert!(!s.working());
    s.targets_asked(2);
    assert!(s.working() && s.reading_targets());
    let read = ["provinces/targets-จันทบุรี.xlsx", "provinces/targets-ตราด.xlsx"].map(|rel| {
        let name = rel.rsplit('/').next().unwrap_or(rel).to_string();
        let request = s.request(FileKind::Targets, &name);
        match run(&request, &bytes(rel)).outcome {
            Outcome::Targets(tables) => (name, tables),
            other => panic!("{other:?}"),
        }
    });
    s.targets_answered(1);
    assert!(s.working(), "one of two answered");
    s.targets_answered(1);
    s.import_provinces(read.to_vec());
    assert!(!s.reading_targets() && !s.working());
    assert_eq!(s.provinces.len(), 2);
    // More answers than asks (a page reloaded mid-read, say) never wrap round.
    s.targets_answered(5);
    assert!(!s.working());
}

/// Each file's state in one pass over the issues: working until read, then the
/// worst of the issues naming it.
#[test]
fn file_states_come_from_the_issues_in_one_pass() {
    let mut s = Session::default();
    drop_file(&mut s, FileKind::Report, "scenario/01-เมืองสระแก้ว.xlsx");
    drop_file(&mut s, FileKind::Report, "thai/คลองหาด-สะกดผิด.xlsx");
    let waiting = s.add_file(FileKind::Report, "ยังไม่ได้อ่าน.xlsx");
    assert!(waiting.id > 0);
    let issues = s.analysis().issues;
    let states = s.file_states(FileKind::Report, &issues);
    let by_name = |n: &str| states.iter().find(|(name, _)| name == n).map(|(_, st)| *st);
    assert_eq!(by_name("คลองหาด-สะกดผิด.xlsx"), Some("error"), "a misspelt district is an error");
    assert_eq!(by_name("ยังไม่ได้อ่าน.xlsx"), Some("working"));
    // The same as asking each file of every issue, as the page did.
    for (name, state) in &states {
        if *state != "working" {
            assert_eq!(*state, otop_model::imported::file::state_of_file(&issues, name), "{name}");
        }
    }
    assert_eq!(states.len(), 3);
}
