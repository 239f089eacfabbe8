//! Where the time of one report file goes, natively: reading the cells,
//! the cells into products, counting and scoring, the JSON answer; and the
//! page's worker's part: reading, encoding the reply, decoding it on the page.
//! `cargo run --release --example phases -- FILE` (see BENCHMARKS.md).
use otop_engine::analysis::Analysis;
use otop_engine::sales::SalesInput;
use otop_import::reader::read;
use otop_import::report::import_report;
use otop_model::imported::file::FileKind;
use otop_model::preset::Preset;
use otop_protocol::{Reply, Request};
use otop_worker::run;
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
    let json = otop_command::json::analysis(&analysis, &[&file]).to_string();
    let json_ms = t.elapsed().as_millis();
    let t = Instant::now();
    let request = Request::new(1, FileKind::Report, &path, names.clone(), 2564);
    let reply = run(&request, &bytes);
    let run_ms = t.elapsed().as_millis();
    let t = Instant::now();
    let encoded = reply.encode();
    let encode_ms = t.elapsed().as_millis();
    let t = Instant::now();
    let decoded = Reply::decode(&encoded).map(|r| r.id);
    let decode_ms = t.elapsed().as_millis();
    println!(
        "worker's run {run_ms} ms; encode {encode_ms} ms ({} bytes); decode {decode_ms} ms ({decoded:?})",
        encoded.len()
    );
    println!("rows {cells:?}; products {}; read {read_ms} ms; read + products {import_ms} ms", file.products.len());
    println!("count and score {count_ms} ms; JSON {json_ms} ms ({} bytes)", json.len());
    // The file in two parts, each as one of the page's two workers reads it.
    let mut parts = Vec::new();
    let mut times = Vec::new();
    for part in otop_model::imported::part::Part::all(2) {
        let t = Instant::now();
        parts.push(otop_import::report::import_report_part(&path, &bytes, FileKind::Report, &names, part));
        times.push(t.elapsed().as_millis());
    }
    let t = Instant::now();
    let merged = otop_model::imported::part::merge(parts).map(|(f, p)| (f.issues.len(), p.len()));
    println!(
        "in two parts: {times:?} ms, merged in {} ms: {merged:?} (whole: {} issues, {} products)",
        t.elapsed().as_millis(),
        file.issues.len(),
        file.products.len()
    );
}
