//! Where the time of the national case goes once its files are read, natively:
//! the run over every province (`NationRun::run`), step by step as the page runs it.
//! `cargo run --release --example nation_phases -- DIR` where DIR holds
//! `targets-*.xlsx` and `reports/` (`target/bench/nation`, see BENCHMARKS.md).
use otop_engine::nation::{presets_from_targets, NationSteps};
use otop_import::report::import_report;
use otop_import::targets::read_tables;
use otop_model::imported::file::{FileKind, ImportedFile};
use otop_model::preset::Preset;
use std::path::Path;
use std::time::Instant;

fn files(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.to_str().is_some_and(&keep)).collect())
        .unwrap_or_default();
    v.sort();
    v
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: nation_phases DIR");
        return;
    };
    let dir = Path::new(&dir);
    let template = Preset::sa_kaeo_2564_round2();
    let mut tables = Vec::new();
    for path in files(dir, |p| p.contains("targets-")) {
        let name = path.display().to_string();
        if let Ok(t) = std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|b| read_tables(&name, &b).map_err(|e| e.to_string()))
        {
            tables.push((name, t));
        }
    }
    let (presets, _) = presets_from_targets(&template, &tables);
    let mut names: Vec<String> = presets.iter().flat_map(|p| p.districts.iter().map(|d| d.name.clone())).collect();
    names.sort();
    names.dedup();
    let t = Instant::now();
    let reports: Vec<ImportedFile> = files(&dir.join("reports"), |_| true)
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            Some(import_report(&p.display().to_string(), &bytes, FileKind::Report, &names))
        })
        .collect();
    let read_ms = t.elapsed().as_millis();
    let products: usize = reports.iter().map(|f| f.products.len()).sum();
    for _ in 0..3 {
        let t = Instant::now();
        let mut steps = NationSteps::new(presets.clone(), &reports, &[], &[]);
        let split_ms = t.elapsed().as_secs_f64() * 1000.0;
        let mut longest = 0.0f64;
        loop {
            let s = Instant::now();
            let done = steps.step(usize::MAX);
            longest = longest.max(s.elapsed().as_secs_f64() * 1000.0);
            if done {
                break;
            }
        }
        let run = steps.finish();
        println!(
            "{} provinces, {} files, {products} products: read {read_ms} ms; run {:.0} ms \
             (files shared out {split_ms:.1} ms, longest step (a province) {longest:.1} ms; {} issues)",
            presets.len(),
            reports.len(),
            t.elapsed().as_secs_f64() * 1000.0,
            run.issues.len()
        );
    }
}
