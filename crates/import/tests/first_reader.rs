//! The page's first reading worker is this crate built without `all-formats`
//! (`cargo test -p otop-import --no-default-features` runs this file so); the
//! reader of every format, with it (`cargo test`). Without the feature, a
//! file is [`FileError::OtherReader`] exactly when its format needs a reader
//! the first worker leaves out, so the page hands it to the reader of every
//! format; with it, never. The files are the repository's fixtures: the Sa
//! Kaeo scenario (`.xlsx`, `.xls`, `.ods`, `.csv`) and what web systems and
//! old office PCs save as "Excel" (HTML, Excel 2003 XML, Windows-874 text).

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_import::detect::{detect, Format};
use otop_import::reader::read;
use otop_model::imported::error::FileError;
use std::path::Path;

fn files() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/files");
    let mut out = Vec::new();
    for dir in ["scenario", "formats/scenario", "formats/stream", "formats"] {
        let mut entries: Vec<_> = std::fs::read_dir(root.join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries.into_iter().filter(|p| p.is_file()) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, std::fs::read(&path).unwrap()));
        }
    }
    out
}

/// Whether only the reader of every format reads a file of this format.
fn other_format(format: Format) -> bool {
    matches!(format, Format::Compound | Format::Ods | Format::FlatOds | Format::Html)
}

#[test]
fn other_reader_exactly_for_the_formats_the_first_worker_leaves() {
    let files = files();
    assert!(files.len() >= 25, "{} files", files.len());
    let (mut first, mut other) = (0, 0);
    for (name, bytes) in &files {
        let format = detect(name, bytes).unwrap();
        let needs_other = other_format(format) && !cfg!(feature = "all-formats");
        match read(name, bytes) {
            Err(FileError::OtherReader) => {
                assert!(needs_other, "{name} ({format:?}): the other reader's, but the first reads it");
                other += 1;
            }
            Ok(wb) => {
                assert!(!needs_other, "{name} ({format:?}) read without all-formats");
                assert!(!wb.sheets.is_empty(), "{name}: no sheet");
                first += 1;
            }
            Err(e) => panic!("{name} ({format:?}): {e}"),
        }
    }
    // Both kinds are among the fixtures, whichever build this is.
    assert_eq!(first + other, files.len());
    assert!(first >= 10, "{first} read");
    if !cfg!(feature = "all-formats") {
        assert_eq!(other, 7, "for the other reader");
    }
}
