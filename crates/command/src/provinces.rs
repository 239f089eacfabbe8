//! `otop-kpi score --targets FILE…`: a run over the provinces the target-table
//! files name (SPEC §9–10).

use super::files::{self, file_name};
use super::Options;
use otop_engine::nation::{presets_from_targets, NationRun};
use otop_engine::sales::SalesFile;
use otop_model::display;
use otop_model::imported::file::{FileKind, ImportedFile};
use otop_model::preset::Preset;
use std::io::Write;

/// Scores the reports of `o` against the provinces of its `--targets` files,
/// each built on `template` (thresholds, rule, window, year, round).
pub(super) fn score_provinces(
    o: &Options,
    template: &Preset,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), String> {
    let mut tables = Vec::new();
    let mut target_files = Vec::new();
    for path in &o.targets {
        let name = file_name(path);
        tables.push((name.clone(), files::targets(path)?));
        target_files.push(name);
    }
    let (presets, mut issues) = presets_from_targets(template, &tables);
    let mut names: Vec<String> = presets.iter().flat_map(|p| p.districts.iter().map(|d| d.name.clone())).collect();
    names.sort();
    names.dedup();
    let names: std::sync::Arc<[String]> = names.into();
    let reports: Vec<ImportedFile> = o.positional.iter().map(|p| files::report(p, FileKind::Report, &names)).collect();
    let round1: Vec<ImportedFile> = o.round1.iter().map(|p| files::report(p, FileKind::Round1, &names)).collect();
    let sales: Vec<SalesFile> = o.sales.iter().map(|p| files::sales(p, template.window.end.year)).collect();
    let mut run = NationRun::run(&presets, &reports, &round1, &sales);
    issues.append(&mut run.issues);
    run.issues = issues;
    let files: Vec<&ImportedFile> = reports.iter().chain(&round1).chain(sales.iter().map(|s| &s.file)).collect();
    let text = if o.json {
        let mut s = serde_json::to_string_pretty(&crate::json::nation(&run, &files)).unwrap_or_default();
        s.push('\n');
        s
    } else {
        provinces_text(&run)
    };
    let _ = out.write_all(text.as_bytes());
    match &o.return_dir {
        Some(dir) => super::returned::write_all(dir, o.positional.iter().chain(&o.round1), &run.issues, err),
        None => Ok(()),
    }
}

/// The provinces table and the national row, as text.
fn provinces_text(run: &NationRun) -> String {
    let e = &run.nation;
    let rule = e.rule;
    let mut rows =
        vec![["จังหวัด", "ผลิตภัณฑ์", "ออนไลน์", "ร้อยละ", "คะแนน 1", "เพิ่มขึ้นร้อยละ", "คะแนน 2"].map(String::from).to_vec()];
    for r in e.districts.iter().chain(std::iter::once(&e.province)) {
        rows.push(vec![
            r.district.clone(),
            display::count(r.kpi1.products),
            display::count(r.kpi1.online),
            display::percent(r.kpi1.percent),
            r.kpi1.score(rule).to_string(),
            r.kpi2.as_ref().map(|k| display::percent(k.growth)).unwrap_or_else(|| "-".into()),
            r.kpi2.as_ref().map(|k| k.score(rule).to_string()).unwrap_or_else(|| "-".into()),
        ]);
    }
    let mut s = String::from("ตัวชี้วัด OTOP รายจังหวัด\n\n");
    s.push_str(&super::table(&rows));
    s.push_str(&format!("\nปัญหาที่พบ: {}\n", run.issues.len()));
    s
}
