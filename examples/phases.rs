//! Where the time of one report file goes, natively: reading the cells,
//! the cells into products, counting and scoring, the JSON answer.
//! `cargo run --release --example phases -- FILE` (see BENCHMARKS.md).
use otop_kpi::analysis::Analysis;
use otop_kpi::import::file::FileKind;
use otop_kpi::import::reader::read;
use otop_kpi::import::report::import_report;
use otop_kpi::preset::Preset;
use otop_kpi::sales::SalesInput;
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: phases FILE");
        return;
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return;
        }
    };
    let preset = Preset::sa_kaeo_2564_round2();
    let names: Vec<String> = preset.districts.iter().map(|d| d.name.clone()).collect();
    let t = Instant::now();
    let cells = read(&path, &bytes).map(|wb| wb.sheets.iter().map(|s| s.rows.len()).sum::<usize>());
    let read_ms = t.elapsed().as_millis();
    let t = Instant::now();
    let file = import_report(&path, &bytes, FileKind::Report, &names);
    let import_ms = t.elapsed().as_millis();
    let t = Instant::now();
    let analysis = Analysis::run(&preset, std::slice::from_ref(&file), &[], &SalesInput::aggregate(&[], &preset));
    let count_ms = t.elapsed().as_millis();
    let t = Instant::now();
    let json = analysis.to_json(&[&file]).to_string();
    let json_ms = t.elapsed().as_millis();
    println!("rows {cells:?}; products {}; read {read_ms} ms; read + products {import_ms} ms", file.products.len());
    println!("count and score {count_ms} ms; JSON {json_ms} ms ({} bytes)", json.len());
}
