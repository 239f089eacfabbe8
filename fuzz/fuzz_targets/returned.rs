//! Fuzzing the file sent back (issue 23): whatever package the readers read,
//! patching it (or converting it) never panics, and what comes back is read
//! again by the readers with the problems sheet first and the same sheets after.
#![no_main]

use libfuzzer_sys::fuzz_target;
use otop_model::display::Lang;
use otop_returned::returned_file;
use otop_import::reader;
use otop_model::issue::{Code, Issue};

static DEFAULT_HOOK: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    // libfuzzer-sys aborts on every panic, even one the readers catch (calamine's,
    // reported as a damaged file): the default hook, so only escaping panics count.
    DEFAULT_HOOK.call_once(|| drop(std::panic::take_hook()));
    let Ok(book) = reader::read("f.xlsx", data) else { return };
    // Problems on the first sheet: a cell by its letter, one by a form column's name, an empty one.
    let sheet = book.sheets.first().map(|s| s.name.clone());
    let issues: Vec<Issue> = [(1, "A (x)"), (3, "อำเภอ"), (40, "AB (y)")]
        .iter()
        .map(|(row, col)| {
            Issue::new(Code::ReportFlagUnclear, "ไม่ชัด", "unclear").at(sheet.as_deref(), Some(*row), Some(col))
        })
        .collect();
    let refs: Vec<&Issue> = issues.iter().collect();
    let Ok(back) = returned_file("f.xlsx", data, &refs, Lang::Th) else { return };
    let again = reader::read("back.xlsx", &back).expect("a file sent back reads");
    assert_eq!(again.sheets.first().map(|s| s.name.as_str()), Some("ปัญหาที่ต้องแก้"));
    let names = |b: &reader::Workbook| b.sheets.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    assert!(names(&again).len() > names(&book).len().min(1), "{:?} {:?}", names(&again), names(&book));
});
