//! Differential fuzzing of a report read in parts (both reading workers on one
//! big file): whatever the bytes, the parts read and merged give what reading
//! the file whole gives, or ask for it to be read whole; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use otop_import::report::{import_report, import_report_part};
use otop_model::imported::file::FileKind;
use otop_model::imported::part::{merge, NotMerged, Part};

static DEFAULT_HOOK: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    // As in the `import` target: libfuzzer-sys aborts on every panic, even one the
    // importer catches (calamine's, on a workbook the streaming reader leaves to
    // it); with the default hook back, only a panic that escapes counts.
    DEFAULT_HOOK.call_once(|| drop(std::panic::take_hook()));
    let districts = ["คลองหาด".to_string(), "เมืองสระแก้ว".to_string()];
    let whole = import_report("f.xlsx", data, FileKind::Report, &districts);
    for of in [2u8, 3] {
        let parts = Part::all(of)
            .into_iter()
            .map(|part| import_report_part("f.xlsx", data, FileKind::Report, &districts, part))
            .collect();
        match merge(parts) {
            Ok((mut file, products)) => {
                file.products = std::sync::Arc::new(products);
                // Compared as printed, so that a NaN cell equals itself.
                assert_eq!(format!("{file:?}"), format!("{whole:?}"), "read in {of} parts");
            }
            Err(NotMerged::ReadWhole) => {}
            Err(NotMerged::Mismatch(why)) => panic!("parts that do not fit: {why}"),
        }
    }
});
