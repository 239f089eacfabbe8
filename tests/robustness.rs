//! Bad input never breaks the importer: every file of tests/corpus (calamine's
//! malformed, password-protected and allocation-bomb files) and our own bad files
//! go through the import path without a panic, in bounded time, and come out
//! either classified or as one clear error naming the file.

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_engine::sales::SalesInput;
use otop_import::guard::{check_zip_parts, MAX_PART_BYTES};
use otop_import::report::import_report;
use otop_import::targets::read_tables;
use otop_model::imported::file::FileKind;
use otop_model::issue::Severity;
use otop_model::preset::Preset;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn names() -> Vec<String> {
    Preset::sa_kaeo_2564_round2().districts.into_iter().map(|d| d.name).collect()
}

/// `tests/corpus/calamine`: calamine's test files, kept in the repository with
/// their licence (tests/corpus/README.md).
fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/calamine")
}

#[test]
fn every_corpus_file_is_classified_or_one_clear_error() {
    let dir = corpus_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() > 100, "the corpus is there");
    let preset = Preset::sa_kaeo_2564_round2();
    let mut panics = Vec::new();
    for path in files.iter().filter(|p| !p.to_string_lossy().ends_with(".md")) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let t0 = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| {
            let f = import_report(&name, &bytes, FileKind::Report, &names());
            let s = otop_import::sales::read_all(&[(name.clone(), bytes.clone())], &preset);
            let _ = read_tables(&name, &bytes);
            (f, s)
        }));
        let took = t0.elapsed();
        let Ok((f, s)) = result else {
            panics.push(name);
            continue;
        };
        assert!(took < Duration::from_secs(10), "{name} took {took:?}");
        let classified = !f.sheets_used.is_empty() || !f.sheets_skipped.is_empty();
        let whole_file_errors: Vec<_> =
            f.issues.iter().filter(|i| i.severity == Severity::Error && i.sheet.is_none()).collect();
        assert!(
            classified || whole_file_errors.len() == 1,
            "{name}: neither classified nor one clear error: {:?}",
            f.issues
        );
        assert!(
            f.issues.iter().all(|i| i.file.as_deref() == Some(name.as_str())),
            "{name}: every issue names the file"
        );
        assert_eq!(s.files.len(), 1);
    }
    assert!(panics.is_empty(), "panicked on {panics:?}");
}

#[test]
fn password_protected_files_say_so() {
    let dir = corpus_dir();
    for name in ["pass_protected.xlsx", "pass_protected.xlsb", "pass_protected.ods"] {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let f = import_report(name, &bytes, FileKind::Report, &names());
        let codes: Vec<&str> = f.issues.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, ["file.password"], "{name}");
        assert!(f.issues[0].message_en.contains("remove the password"));
    }
}

fn bad(name: &str) -> (String, Vec<u8>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/bad").join(name);
    (name.to_string(), std::fs::read(path).unwrap())
}

#[test]
fn our_bad_files_get_their_own_message() {
    for (file, code) in [
        ("encrypted.xlsx", "file.password"),
        ("damaged.xlsx", "file.damaged"),
        ("photo.xlsx", "file.format_unsupported"),
        ("zip-bomb.xlsx", "file.part_too_large"),
    ] {
        let (name, bytes) = bad(file);
        let t0 = Instant::now();
        let f = import_report(&name, &bytes, FileKind::Report, &names());
        assert_eq!(f.issues.iter().map(|i| i.code.as_str()).collect::<Vec<_>>(), [code], "{file}");
        assert!(t0.elapsed() < Duration::from_secs(2), "{file} is refused before inflating");
    }
}

#[test]
fn a_small_zip_that_inflates_past_the_limit_is_refused_before_inflating() {
    let (_, bytes) = bad("zip-bomb.xlsx");
    assert!(bytes.len() < 1_000_000, "the bomb is small: {}", bytes.len());
    let err = check_zip_parts(&bytes).unwrap_err();
    let (th, en) = err.messages();
    assert!(
        en.contains("xl/worksheets/sheet1.xml")
            && en.contains("600 MB")
            && en.contains(&format!("{} MB", MAX_PART_BYTES / 1_048_576)),
        "{en}"
    );
    assert!(th.contains("เกิน"));
}

#[test]
fn one_bad_file_never_stops_the_others() {
    let good =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/scenario/01-เมืองสระแก้ว.xlsx"))
            .unwrap();
    let mut files: Vec<_> =
        ["encrypted.xlsx", "damaged.xlsx", "photo.xlsx", "zip-bomb.xlsx"].iter().map(|n| bad(n)).collect();
    files.push(("01-เมืองสระแก้ว.xlsx".into(), good));
    let imported: Vec<_> = files.iter().map(|(n, b)| import_report(n, b, FileKind::Report, &names())).collect();
    let a =
        otop_engine::analysis::Analysis::run(&Preset::sa_kaeo_2564_round2(), &imported, &[], &SalesInput::default());
    assert_eq!(a.counted.online[0], 40);
    assert_eq!(a.issues.iter().filter(|i| i.severity == Severity::Error).count(), 4);
}

/// Inputs the fuzzer found crashes with (tests/fixtures/files/fuzz): the first
/// byte picks the extension, as in fuzz/fuzz_targets/import.rs.
#[test]
fn fuzz_regressions() {
    const EXTENSIONS: [&str; 6] = ["xlsx", "xls", "xlsb", "ods", "csv", "xlsm"];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/fuzz");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let Some((&pick, bytes)) = data.split_first() else { continue };
        let name = format!("fuzz.{}", EXTENSIONS[pick as usize % EXTENSIONS.len()]);
        let f = import_report(&name, bytes, FileKind::Report, &names());
        assert!(f.issues.iter().any(|i| i.severity == Severity::Error), "{}: {:?}", path.display(), f.issues);
    }
}

/// Hostile inputs for the readers of what web systems save as "Excel" (HTML,
/// Excel 2003 XML, UTF-16 text), made here: each is read within the limits, in
/// bounded time, and comes out classified or as one clear error.
#[test]
fn hostile_web_format_files_are_bounded() {
    let utf16 =
        |s: &str| -> Vec<u8> { [0xFF, 0xFE].into_iter().chain(s.encode_utf16().flat_map(u16::to_le_bytes)).collect() };
    let xml = |body: &str| {
        format!(
            "<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" \
             xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">{body}</Workbook>"
        )
        .into_bytes()
    };
    const CELL: &str = "<Cell><Data ss:Type=\"String\">x</Data></Cell>";
    const WIDE: &str =
        "<Cell ss:Index=\"16385\" ss:MergeAcross=\"18446744073709551615\"><Data ss:Type=\"Number\">1e400</Data></Cell>";
    const LAUGHS: &str = "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>";
    const REFS: &str = "<Cell><Data ss:Type=\"String\">&b;&b;&b;</Data></Cell>";
    const DATE: &str = "<Cell><Data ss:Type=\"DateTime\">9999-99-99T00:00:00</Data></Cell>";
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("nested.xls", "<table><tr><td>".repeat(50_000).into_bytes()),
        ("spans.xls", format!("<table>{}</table>", "<tr><td rowspan=65534 colspan=1000>x".repeat(2_000)).into_bytes()),
        ("rows.xls", format!("<table>{}</table>", "<tr><td>1".repeat(1_200_000)).into_bytes()),
        ("unclosed.xls", b"<html><table><tr><td>a<td>b<tr><td>c<script>x</table>".to_vec()),
        ("entities.xls", "<table><tr><td>&amp;&#xFFFFFF;&#0;&bogus;&lt;".repeat(10_000).into_bytes()),
        ("utf16-odd.xls", [utf16("<table><tr><td>ก</td></tr></table>"), vec![0x41]].concat()),
        ("far.xml", xml(&format!("<Worksheet><Table><Row ss:Index=\"1048577\">{CELL}</Row></Table></Worksheet>"))),
        ("wide.xml", xml(&format!("<Worksheet><Table><Row>{WIDE}</Row></Table></Worksheet>").repeat(100))),
        (
            "laughs.xml",
            [LAUGHS.as_bytes(), &xml(&format!("<Worksheet><Table><Row>{REFS}</Row></Table></Worksheet>"))].concat(),
        ),
        (
            "cut.xml",
            xml(&format!("<Worksheet><Table><Row>{DATE}</Row></Table></Worksheet>")).into_iter().take(200).collect(),
        ),
        ("utf16.txt", utf16(&"a\tb\t\"c\n".repeat(100_000))),
    ];
    for (name, bytes) in cases {
        let t0 = Instant::now();
        let f = catch_unwind(AssertUnwindSafe(|| import_report(name, &bytes, FileKind::Report, &names())))
            .unwrap_or_else(|_| panic!("{name} panicked"));
        let took = t0.elapsed();
        // A bound against a hang, not a benchmark: 1.2M rows take about 1.6 s in a
        // release build and up to 15 s in a debug build on a busy 2-core machine.
        assert!(took < Duration::from_secs(60), "{name} took {took:?}");
        let classified = !f.sheets_used.is_empty() || !f.sheets_skipped.is_empty();
        // One error for the file, or for its one sheet over the limits.
        let errors = f.issues.iter().filter(|i| i.severity == Severity::Error).count();
        assert!(classified || errors == 1, "{name}: {:?}", f.issues);
    }
}

/// Every corpus file the readers read comes back sent (issue 23): patched when it
/// is an `.xlsx`/`.xlsm` package that can be, converted otherwise, never a panic;
/// what comes back reads again with the problems sheet first and every sheet after.
#[test]
fn every_corpus_file_that_reads_can_be_sent_back() {
    use otop_import::reader;
    use otop_model::display::Lang;
    use otop_model::issue::{Code, Issue};
    use otop_returned::returned_file;
    let dir = corpus_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let (mut patched, mut converted, mut unread) = (0, 0, 0);
    for path in files.iter().filter(|p| !p.to_string_lossy().ends_with(".md")) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let Ok(book) = reader::read(&name, &bytes) else {
            unread += 1;
            continue;
        };
        let sheet = book.sheets.first().map(|s| s.name.clone());
        let issues: Vec<Issue> = [(1, "A (x)"), (2, "C (y)"), (30, "AB (z)")]
            .iter()
            .map(|(row, col)| {
                Issue::new(Code::ReportFlagUnclear, "ไม่ชัด", "unclear").at(sheet.as_deref(), Some(*row), Some(col))
            })
            .collect();
        let refs: Vec<&Issue> = issues.iter().collect();
        let t0 = Instant::now();
        let back = catch_unwind(AssertUnwindSafe(|| returned_file(&name, &bytes, &refs, Lang::Th)))
            .unwrap_or_else(|_| panic!("{name}: panicked"))
            .unwrap_or_else(|e| panic!("{name}: read, but not sent back: {e}"));
        assert!(t0.elapsed() < Duration::from_secs(10), "{name} took {:?}", t0.elapsed());
        let again = reader::read("back.xlsx", &back).unwrap_or_else(|e| panic!("{name}: sent back unreadable: {e}"));
        let names = |b: &reader::Workbook| b.sheets.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        assert_eq!(again.sheets.first().map(|s| s.name.as_str()), Some("ปัญหาที่ต้องแก้"), "{name}");
        assert_eq!(again.sheets.len(), book.sheets.len() + 1, "{name}: {:?} {:?}", names(&again), names(&book));
        let said = again.sheets[0].cell(1, 0).text();
        if said.is_empty() {
            every_changed_part_is_well_formed(&name, &bytes, &back);
            patched += 1;
        } else {
            converted += 1;
            if said.starts_with("เก็บรูปแบบ") {
                eprintln!("{name}: {said}");
            }
        }
    }
    eprintln!("sent back: {patched} patched, {converted} converted; {unread} not read at all");
    assert!(patched > 40, "most .xlsx files are patched: {patched}");
}

/// Each XML part of `back` (a package sent back) that is new or differs from
/// `original`'s is well-formed with every prefix bound (roxmltree is strict), when
/// the original part was.
fn every_changed_part_is_well_formed(name: &str, original: &[u8], back: &[u8]) {
    use std::io::Read;
    let read = |bytes: &[u8]| -> std::collections::HashMap<String, Vec<u8>> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut f = zip.by_index(i).unwrap();
                let mut data = Vec::new();
                let _ = f.read_to_end(&mut data);
                (f.name().unwrap().to_string(), data)
            })
            .collect()
    };
    let (before, after) = (read(original), read(back));
    let parses = |d: &[u8]| {
        std::str::from_utf8(d).is_ok_and(|t| roxmltree::Document::parse(t.trim_start_matches('\u{feff}')).is_ok())
    };
    for (part, data) in &after {
        let xml = [".xml", ".rels", ".vml"].iter().any(|x| part.to_lowercase().ends_with(x));
        let old = before.get(part);
        if !xml || old == Some(data) || old.is_some_and(|o| !parses(o)) {
            continue;
        }
        let text = std::str::from_utf8(data).unwrap_or_else(|_| panic!("{name} {part}: not UTF-8"));
        if let Err(e) = roxmltree::Document::parse(text.trim_start_matches('\u{feff}')) {
            panic!("{name} {part}: {e}");
        }
    }
}
