//! Fuzzes the import entry points: bytes and a file name in, a result out.
//! The first byte of the input picks the file extension, so every reader
//! (xlsx, xls, xlsb, ods, csv) is reached; the rest is the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use otop_kpi::import::{import_report, Role};
use otop_kpi::preset::Preset;
use otop_kpi::sales::SalesInput;

const EXTENSIONS: [&str; 6] = ["xlsx", "xls", "xlsb", "ods", "csv", "xlsm"];

static DEFAULT_HOOK: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    // libfuzzer-sys aborts on every panic, even one the importer catches (it
    // catches calamine's reader panics and reports the file as damaged); restore
    // the default hook so only panics that escape the importer count as crashes.
    DEFAULT_HOOK.call_once(|| drop(std::panic::take_hook()));
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = format!("fuzz.{}", EXTENSIONS[pick as usize % EXTENSIONS.len()]);
    let preset = Preset::sa_kaeo_2564_round2();
    let districts: Vec<String> = preset.districts.iter().map(|d| d.name.clone()).collect();
    let report = import_report(&name, bytes, Role::Report, &districts);
    let round1 = import_report(&name, bytes, Role::Round1, &districts);
    let sales = SalesInput::read(&[(name.clone(), bytes.to_vec())], &preset);
    let _ = otop_kpi::import::targets::read_tables(&name, bytes);
    let _ = otop_kpi::analysis::Analysis::run(&preset, &[report], &[round1], &sales);
});
