//! The letter's target tables read from Excel in the letter's layout (SPEC §4.4).

use otop_kpi::import::targets::{apply, read_tables, Table};
use otop_kpi::money::Satang;
use otop_kpi::preset::Preset;
use std::path::Path;

fn tables(name: &str) -> Vec<otop_kpi::import::targets::TargetTable> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/targets").join(name);
    read_tables(name, &std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn the_letters_tables_reproduce_the_builtin_preset() {
    let t = tables("letter-targets.xlsx");
    assert_eq!(t.iter().map(|t| t.table).collect::<Vec<_>>(), [Table::Online, Table::Revenue]);
    assert_eq!(t[0].rows.len(), 9, "the province row is not a district");
    let builtin = Preset::sa_kaeo_2564_round2();
    let (p, issues) = apply(&builtin, "letter-targets.xlsx", &t);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(p, builtin);
}

#[test]
fn a_fresh_preset_takes_every_figure_from_the_tables() {
    let mut empty = Preset::sa_kaeo_2564_round2();
    empty.districts.clear();
    let (p, issues) = apply(&empty, "letter-targets.xlsx", &tables("letter-targets.xlsx"));
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(p.districts, Preset::sa_kaeo_2564_round2().districts);
}

#[test]
fn printed_targets_that_differ_are_warnings_naming_the_cell() {
    let (p, issues) = apply(&Preset::sa_kaeo_2564_round2(), "edited-targets.xlsx", &tables("edited-targets.xlsx"));
    assert_eq!(p.districts[7].products, 100);
    let cells: Vec<String> = issues
        .iter()
        .filter(|i| i.code == "targets.printed_differs")
        .map(|i| format!("{}{}", i.column.clone().unwrap_or_default(), i.row.unwrap_or(0)))
        .collect();
    assert_eq!(cells, ["E12", "F12", "G12", "H12", "I12", "H3"]);
    assert!(issues[5].message_th.contains("75,133,145") && issues[5].message_th.contains("75,133,146"));
    assert_eq!(p.districts[0].base, Satang::from_baht(68_302_860));
}
