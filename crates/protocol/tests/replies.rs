//! The worker's replies on the wire: what the worker says of a real report
//! comes back whole from its bytes, a slice at a time as the page rebuilds it
//! as well as at once; and a reply cut short anywhere is an error, never a
//! panic. The protocol crate's own tests (the report: the `basic-report`
//! fixture, made by tests/fixtures/make_fixtures.py).

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_model::imported::file::FileKind;
use otop_protocol::{Decoding, Outcome, Reply, Request};

const REPORT: &[u8] = include_bytes!("../../../tests/fixtures/files/basic-report.xlsx");

fn reply() -> Reply {
    let request = Request::new(7, FileKind::Report, "basic-report.xlsx", vec!["เมืองสระแก้ว".to_string()], 2564);
    otop_worker::run(&request, REPORT)
}

#[test]
fn a_report_comes_back_whole_from_its_bytes() {
    let sent = reply();
    let Outcome::Report(read) = &sent.outcome else { panic!("{:?}", sent.outcome) };
    assert!(read.products.len() > 3, "the fixture's products: {}", read.products.len());
    let bytes = sent.encode();
    assert_eq!(Reply::decode(&bytes).unwrap(), sent);
}

#[test]
fn a_slice_at_a_time_gives_the_same_products() {
    let sent = reply();
    let bytes = sent.encode();
    let Ok(Decoding::Report { id, mut products }) = Reply::decoding(&bytes) else { panic!("a report's decoding") };
    assert_eq!(id, 7);
    let mut steps = 0;
    while !products.step(2).unwrap() {
        steps += 1;
    }
    assert!(steps > 1, "rebuilt in several steps: {steps}");
    let Outcome::Report(whole) = sent.outcome else { unreachable!() };
    assert_eq!(products.all().unwrap(), whole);
}

#[test]
fn a_reply_cut_short_anywhere_is_an_error_not_a_panic() {
    let bytes = reply().encode();
    for cut in 0..bytes.len() {
        let decoded = std::panic::catch_unwind(|| Reply::decode(&bytes[..cut]));
        assert!(matches!(decoded, Ok(Err(_))), "cut at {cut} of {}: {decoded:?}", bytes.len());
    }
}

/// Whether a product sells online by marks alone is worked out once, in the
/// worker, and travels in the record's flags byte: a CSV with a ✓-only row, a
/// link row and a row with both comes back with the same three answers.
#[test]
fn marks_only_is_read_in_the_worker_and_comes_back_from_the_bytes() {
    let csv = "ชื่อผลิตภัณฑ์,Facebook,Line,อำเภอ,ที่,ตำบล\n\
               ข้าว,✓,,คลองหาด,1,ก\n\
               ผ้า,fb.com/pha,,คลองหาด,2,ก\n\
               ไหม,✓,@silk,คลองหาด,3,ก\n";
    let request = Request::new(8, FileKind::Report, "marks.csv", vec!["คลองหาด".to_string()], 2564);
    let sent = otop_worker::run(&request, csv.as_bytes());
    let back = Reply::decode(&sent.encode()).unwrap();
    let Outcome::Report(read) = &back.outcome else { panic!("{:?}", back.outcome) };
    let marks: Vec<bool> = read.products.iter().map(|p| p.marks_only).collect();
    assert_eq!(marks, [true, false, false]);
    assert_eq!(back, sent);
}

/// Requests travel to a worker as postcard bytes (`Request::encode`): every
/// kind comes back whole, a country's district names included, and bytes
/// that are not a request are an error, never a panic.
#[test]
fn every_kind_of_request_comes_back_whole_from_its_bytes() {
    use otop_model::display::Lang;
    use otop_model::issue::{Code, Issue};
    use otop_protocol::{CsvTable, ToReturn, Write};
    let names: Vec<String> = (0..928).map(|i| format!("อำเภอที่ {i}")).collect();
    let issue = Issue::new(Code::ReportFlagUnclear, "ไม่ชัด", "unclear").at(Some("a"), Some(2), Some("B"));
    let mut write = Request::new(6, FileKind::Report, "run", Vec::new(), 2564);
    write.read = otop_protocol::Read::Write { what: Write::Csv(CsvTable::Kpi2), lang: Lang::En };
    let requests = [
        Request::new(1, FileKind::Report, "ร.xlsx", names.clone(), 2564),
        Request::new(2, FileKind::Round1, "r1.xlsx", names, 2564),
        Request::new(3, FileKind::Sales, "sales.csv", Vec::new(), 2564),
        Request::new(4, FileKind::Targets, "targets.xlsx", Vec::new(), 2564),
        Request::returned(5, "a.xlsx", vec![issue.clone()], Lang::Th),
        Request::return_all(7, "all", vec![ToReturn { name: "a.xlsx".into(), issues: vec![issue] }], Lang::Th),
        Request::link(8, "results.xlsx"),
        Request::preset(9, "preset.json"),
        write,
    ];
    for r in &requests {
        assert_eq!(Request::decode(&r.encode()).as_ref(), Ok(r), "{:?}", r.read);
    }
    let bytes = requests[0].encode();
    assert!(bytes.len() < 40_000, "928 names in {} bytes", bytes.len());
    for cut in [0, 1, 5, bytes.len() / 2] {
        assert!(Request::decode(&bytes[..cut]).is_err(), "cut at {cut}");
    }
}
