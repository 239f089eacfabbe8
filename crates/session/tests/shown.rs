//! What the page shows: which run (`Session::shown`) and the order of the district
//! tables' rows (`otop_session::table_order`), on
//! the scenario's nine districts as the page shows them.

use otop_engine::evaluation::Row;
use otop_model::imported::file::FileKind;
use otop_model::preset::ScoringRule;
use otop_session::table_order::{Sort, Table};
use otop_session::Session;
use otop_worker::run;
use std::path::Path;

/// The scenario's nine reports and round 1, read as the page reads them.
fn scenario_rows() -> Vec<Row> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/files/scenario");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    let mut s = Session::default();
    for name in &names {
        let kind = if name.starts_with("round1") { FileKind::Round1 } else { FileKind::Report };
        let request = s.add_file(kind, name);
        let bytes = std::fs::read(dir.join(name)).unwrap_or_default();
        assert!(s.store(run(&request, &bytes)), "{name}");
    }
    s.analysis().evaluation.districts.clone()
}

fn names(rows: &[Row]) -> Vec<&str> {
    rows.iter().map(|r| r.district.as_str()).collect()
}

#[test]
fn unsorted_the_run_order_and_a_districts_own_row_first() {
    let rows = scenario_rows();
    assert_eq!(rows.len(), 9);
    let shown = Table::Kpi1.order(&rows, ScoringRule::Table, None, None);
    assert_eq!(names(&shown), names(&rows));
    let own = Table::Kpi1.order(&rows, ScoringRule::Table, None, Some("โคกสูง"));
    assert_eq!(own.first().map(|r| r.district.as_str()), Some("โคกสูง"));
    assert_eq!(own.len(), 9);
    // A name not in the run pins nothing.
    assert_eq!(names(&Table::Kpi1.order(&rows, ScoringRule::Table, None, Some("ไม่มี"))), names(&rows));
}

#[test]
fn sorted_by_a_column_up_and_down_the_own_row_staying_first() {
    let rows = scenario_rows();
    let online = |rs: &[Row]| rs.iter().map(|r| r.kpi1.online).collect::<Vec<_>>();
    let up = Table::Kpi1.order(&rows, ScoringRule::Table, Some(Sort { col: 2, desc: false }), None);
    assert!(online(&up).windows(2).all(|w| w[0] <= w[1]), "{:?}", online(&up));
    let down = Table::Kpi1.order(&rows, ScoringRule::Table, Some(Sort { col: 2, desc: true }), None);
    assert!(online(&down).windows(2).all(|w| w[0] >= w[1]), "{:?}", online(&down));
    assert_ne!(online(&up), online(&rows), "the scenario's run order is not already sorted");
    // Own view: its row first, the other eight sorted.
    let own = Table::Kpi1.order(&rows, ScoringRule::Table, Some(Sort { col: 2, desc: true }), Some("คลองหาด"));
    assert_eq!(own.first().map(|r| r.district.as_str()), Some("คลองหาด"));
    assert!(online(&own[1..]).windows(2).all(|w| w[0] >= w[1]));
    // By name: Thai in code-point order, as the page has always sorted.
    let by_name = Table::Kpi1.order(&rows, ScoringRule::Table, Some(Sort { col: 0, desc: false }), None);
    assert!(names(&by_name).windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn kpi2_without_sales_sorts_every_district_as_equal_keeping_the_run_order() {
    // No sales dropped: every growth is missing, so a sort by growth keeps the order.
    let rows = scenario_rows();
    let shown = Table::Kpi2.order(&rows, ScoringRule::Table, Some(Sort { col: 3, desc: false }), None);
    assert_eq!(names(&shown), names(&rows));
    // By base-year sales (the preset's), largest first.
    let base = Table::Kpi2.order(&rows, ScoringRule::Table, Some(Sort { col: 1, desc: true }), None);
    assert!(base.windows(2).all(|w| w[0].base >= w[1].base));
}

/// Which run is shown (`Session::shown`): the page's memo follows this.
#[test]
fn the_run_shown_waits_for_target_tables_and_for_a_run_in_slices() {
    use otop_session::shown::Shown;
    let mut s = Session::default();
    assert_eq!(s.shown(false, false, false), Shown::Session);
    // Target tables being read replace the preset: no run under the old one.
    s.targets_asked(3);
    assert_eq!(s.shown(false, false, false), Shown::NoFiles);
    // …though a several-province run already scored, or a link, is shown.
    assert_eq!(s.shown(true, false, false), Shown::NationProvince);
    assert_eq!(s.shown(false, true, false), Shown::Link);
    s.targets_answered(3);
    assert_eq!(s.shown(false, false, false), Shown::Session);
    assert!(!s.scored_in_slices(), "the preset alone is scored at once");
}
