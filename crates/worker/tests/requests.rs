//! The worker's own tests: each kind of request answered with its own kind of
//! outcome, from real files (the fixtures of tests/fixtures/files, made by the
//! scripts there), and bytes that are no file answered with one issue, not a panic.
//! As the command and the reader of every format have it (`all-formats`, the
//! default); the first reading worker's build is tested in the crate's unit tests.
#![cfg(feature = "all-formats")]
// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_model::display::Lang;
use otop_model::imported::file::FileKind;
use otop_protocol::{Outcome, Request, RunData, Write};

fn bytes(rel: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../../tests/fixtures/files/{rel}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn each_kind_of_file_gets_its_own_answer() {
    let ask = |kind, rel: &str| {
        let name = rel.rsplit('/').next().unwrap();
        otop_worker::run(&Request::new(1, kind, name, Vec::new(), 2564), &bytes(rel)).outcome
    };
    assert!(matches!(ask(FileKind::Report, "scenario/02-คลองหาด.xls"), Outcome::Report(r) if !r.products.is_empty()));
    assert!(matches!(ask(FileKind::Sales, "sales/sales-long.xlsx"), Outcome::Sales(s) if !s.entries.is_empty()));
    assert!(matches!(ask(FileKind::Targets, "targets/letter-targets.xlsx"), Outcome::Targets(Ok(t)) if t.len() == 2));
}

#[test]
fn the_blank_form_is_written_from_a_run() {
    let run = RunData { preset: otop_model::preset::Preset::sa_kaeo_2564_round2(), analysis: None, nation: None };
    let reply = otop_worker::run(&Request::write(2, "form.xlsx", Write::Template, Lang::Th), &run.encode());
    let Outcome::Made(Ok(xlsx)) = reply.outcome else { panic!("{:?}", reply.outcome) };
    assert_eq!(&xlsx[..2], b"PK", "a workbook (zip)");
    // The results workbook needs a run's analysis: without one it is an issue, not a panic.
    let reply = otop_worker::run(&Request::write(3, "results.xlsx", Write::Results, Lang::Th), &run.encode());
    assert!(matches!(reply.outcome, Outcome::Made(Err(_))), "{:?}", reply.outcome);
}

#[test]
fn bytes_that_are_no_file_are_one_issue() {
    let request = Request::new(4, FileKind::Report, "garbage.xlsx", Vec::new(), 2564);
    for garbage in [&b""[..], b"PK\x03\x04 not a zip", b"\xd0\xcf\x11\xe0 not a compound file", &[0xff; 300]] {
        let Outcome::Report(r) = otop_worker::run(&request, garbage).outcome else { panic!("a report's answer") };
        assert!(r.products.is_empty());
        assert_eq!(r.file.issues.len(), 1, "{:?}", r.file.issues);
    }
}
