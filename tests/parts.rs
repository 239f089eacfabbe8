//! A big report read in parts by both workers (issue 35) gives what one reader
//! reading it whole gives: the same products in the same order, the same
//! issues (a value repeated on rows of both parts is one issue, saying on how
//! many rows), the same file description — wherever the split falls: inside a
//! run of continuation rows, inside a merged entrepreneur cell, on a blank,
//! total or nameless row.
//!
//! The workbooks are written here with rust_xlsxwriter, as an office's
//! template fills them: two title rows, the letter's header, then rows of
//! entrepreneurs with one to several products each (the entrepreneur's cells
//! merged over its rows or left empty below the first), blank rows, a total
//! line, rows with no product name, a flag typed as a word, a sub-district
//! of another district, and online sales.

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_import::report::{import_report, import_report_part};
use otop_model::imported::file::{FileKind, ImportedFile};
use otop_model::imported::header::Key;
use otop_model::imported::part::{merge, NotMerged, Part, Portion};
use otop_model::preset::Preset;
use proptest::prelude::*;
use rust_xlsxwriter::{Format, Workbook};

/// One row (or run of rows) of the generated report.
#[derive(Debug, Clone)]
enum Line {
    /// An entrepreneur with this many products (its cells merged over them, or empty below the first).
    Entrepreneur {
        products: u16,
        merged: bool,
    },
    Blank,
    Total,
    NoName,
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        8 => (1u16..6, any::<bool>()).prop_map(|(products, merged)| Line::Entrepreneur { products, merged }),
        1 => Just(Line::Blank),
        1 => Just(Line::Total),
        1 => Just(Line::NoName),
    ]
}

const DISTRICTS: [&str; 3] = ["คลองหาด", "วัฒนานคร", "อ.เมือง"];

fn col(key: Key) -> u16 {
    Key::ALL.iter().position(|k| *k == key).unwrap() as u16
}

/// The report as an `.xlsx`.
fn workbook(lines: &[Line]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("รายงาน").unwrap();
    ws.write_string(0, 0, "แบบรายงานผลิตภัณฑ์ OTOP ที่จำหน่ายออนไลน์ จังหวัดสระแก้ว").unwrap();
    ws.write_string(1, 0, "ข้อมูล ณ วันที่ 30 กันยายน 2564").unwrap();
    for (c, key) in Key::ALL.iter().enumerate() {
        ws.write_string(2, c as u16, key.header_th()).unwrap();
    }
    let merged = Format::new();
    let (mut row, mut n) = (3u32, 0u32);
    for line in lines {
        match line {
            Line::Blank => row += 1,
            Line::Total => {
                ws.write_string(row, 0, "รวม").unwrap();
                ws.write_number(row, col(Key::OnlineSales), 1234.5).unwrap();
                row += 1;
            }
            Line::NoName => {
                ws.write_string(row, col(Key::EntrepreneurName), "กลุ่มไม่มีชื่อสินค้า").unwrap();
                ws.write_string(row, col(Key::Amphoe), "คลองหาด").unwrap();
                row += 1;
            }
            Line::Entrepreneur { products, merged: is_merged } => {
                n += 1;
                let first = row;
                let last = row + u32::from(*products) - 1;
                let name = format!("กลุ่มวิสาหกิจ {n}");
                let code = format!("27{n:05}");
                let district = DISTRICTS[n as usize % DISTRICTS.len()];
                for (key, text) in [(Key::EntrepreneurCode, code.as_str()), (Key::EntrepreneurName, name.as_str())] {
                    if *is_merged && last > first {
                        ws.merge_range(first, col(key), last, col(key), text, &merged).unwrap();
                    } else {
                        ws.write_string(first, col(key), text).unwrap();
                    }
                }
                ws.write_string(first, col(Key::Amphoe), district).unwrap();
                ws.write_string(first, col(Key::Province), "สระแก้ว").unwrap();
                // Every seventh entrepreneur types a sub-district of another district.
                let tambon = if n % 7 == 0 { "ในเมือง" } else { "คลองหาด" };
                ws.write_string(first, col(Key::Tambon), tambon).unwrap();
                for p in 0..u32::from(*products) {
                    let r = first + p;
                    ws.write_number(r, col(Key::No), f64::from(r)).unwrap();
                    ws.write_string(r, col(Key::ProductName), format!("ผลิตภัณฑ์ {n}-{p}")).unwrap();
                    // A flag as a word every fifth product: one issue, however many rows.
                    let flag = if (n + p) % 5 == 0 { "ไม่แน่ใจ" } else { "✓" };
                    ws.write_string(r, col(Key::TrainedOnline), flag).unwrap();
                    if (n + p) % 3 == 0 {
                        ws.write_string(r, col(Key::Facebook), format!("fb.com/otop{n}")).unwrap();
                        ws.write_number(r, col(Key::OnlineSales), f64::from(n * 100 + p) + 0.25).unwrap();
                    }
                }
                row = last + 1;
            }
        }
    }
    ws.write_string(row + 1, 0, "ลงชื่อ ผู้รายงาน").unwrap();
    wb.save_to_buffer().unwrap()
}

fn districts() -> Vec<String> {
    Preset::sa_kaeo_2564_round2().districts.into_iter().map(|d| d.name).collect()
}

/// The file read in `of` parts and put together, as the page does.
fn in_parts(bytes: &[u8], of: u8) -> Result<(ImportedFile, Vec<Portion>), NotMerged> {
    let parts: Vec<_> = Part::all(of)
        .into_iter()
        .map(|part| import_report_part("big.xlsx", bytes, FileKind::Report, &districts(), part))
        .collect();
    let portions = parts.iter().map(|p| p.portion.clone()).collect();
    let (mut file, products) = merge(parts)?;
    file.products = std::sync::Arc::new(products);
    Ok((file, portions))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn parts_read_as_the_whole(lines in proptest::collection::vec(line(), 60..400)) {
        let bytes = workbook(&lines);
        let whole = import_report("big.xlsx", &bytes, FileKind::Report, &districts());
        for of in [2u8, 3] {
            let (file, portions) = in_parts(&bytes, of).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert_eq!(&file, &whole, "read in {} parts", of);
            // Enough rows that the split was made, not the whole file read by part 0.
            if whole.rows > 900 && of == 2 {
                prop_assert!(portions.iter().all(|p| matches!(p, Portion::Share(_))), "{:?}", portions);
            }
        }
    }
}

#[test]
fn issues_repeated_in_both_parts_are_one() {
    let lines: Vec<Line> = (0..600).map(|_| Line::Entrepreneur { products: 2, merged: false }).collect();
    let bytes = workbook(&lines);
    let whole = import_report("big.xlsx", &bytes, FileKind::Report, &districts());
    let (file, portions) = in_parts(&bytes, 2).unwrap();
    assert!(portions.iter().all(|p| matches!(p, Portion::Share(_))), "{portions:?}");
    assert_eq!(file, whole);
    let flags: Vec<_> = file.issues.iter().filter(|i| i.message_th.contains("ไม่แน่ใจ")).collect();
    assert_eq!(flags.len(), 1, "{flags:#?}");
    assert!(flags[0].message_th.contains("พบ 240 แถว"), "{}", flags[0].message_th);
    assert_eq!(file.products.len(), 1_200);
    let (three, portions) = in_parts(&bytes, 3).unwrap();
    assert!(portions.iter().all(|p| matches!(p, Portion::Share(_))), "{portions:?}");
    assert_eq!(three, whole);
}

#[test]
fn a_split_inside_a_run_longer_than_the_window_reads_the_file_whole() {
    // One entrepreneur's 2,500 products: no product starts in the rows the
    // parts read past the middle, so the page is told to read the file whole.
    let bytes = workbook(&[Line::Entrepreneur { products: 2_500, merged: false }]);
    assert_eq!(in_parts(&bytes, 2).map(|_| ()), Err(NotMerged::ReadWhole));
    let whole = import_report("big.xlsx", &bytes, FileKind::Report, &districts());
    assert_eq!(whole.products.len(), 2_500);
}

/// As the page does it: each part asked of a worker, its reply through the
/// wire, the replies merged — the same reply as reading the file whole; a
/// part whose worker failed fails the file with its issue.
#[test]
fn parts_through_the_wire_answer_as_the_whole() {
    use otop_protocol::{merge_replies, Outcome, Reply, Request};
    let lines: Vec<Line> = (0..500).map(|i| Line::Entrepreneur { products: 1 + i % 3, merged: i % 2 == 0 }).collect();
    let bytes = workbook(&lines);
    let request = Request::new(9, FileKind::Report, "big.xlsx", districts(), 2564);
    let whole = otop_worker::run(&request, &bytes);
    let through = |r: &Request| Reply::decode(&otop_worker::run(r, &bytes).encode()).unwrap();
    let parts =
        [request.for_part(9, Part { index: 0, of: 2 }), request.for_part(u32::MAX - 1, Part { index: 1, of: 2 })];
    let replies: Vec<Reply> = parts.iter().map(through).collect();
    assert!(replies
        .iter()
        .all(|r| matches!(&r.outcome, Outcome::Report(read) if matches!(read.portion, Portion::Share(_)))));
    assert_eq!(merge_replies(&request, replies.clone()).unwrap(), whole);
    // The second part's worker crashed: the file fails, with that part's issue.
    let crashed = Reply::failed(&parts[1], &otop_model::imported::error::FileError::Damaged("stopped".into()));
    let failed = merge_replies(&request, vec![replies[0].clone(), crashed]).unwrap();
    let Outcome::Report(read) = failed.outcome else { panic!() };
    assert_eq!((failed.id, read.products.len(), read.file.issues.len()), (9, 0, 1));
    // A small file is read whole by part 0; the other says nothing.
    let small = otop_worker::run(&request, include_bytes!("fixtures/files/basic-report.xlsx"));
    let halves: Vec<Reply> = parts
        .iter()
        .map(|r| {
            Reply::decode(&otop_worker::run(r, include_bytes!("fixtures/files/basic-report.xlsx")).encode()).unwrap()
        })
        .collect();
    assert_eq!(merge_replies(&request, halves).unwrap(), small);
}

/// A report as a streaming writer saves it: every text inline, in the sheet's
/// own XML (Thai, three bytes a character), `rows` products of entrepreneurs
/// with two each, the second on a row with the entrepreneur's cells empty.
fn inline_workbook(rows: u32) -> Vec<u8> {
    use std::io::Write;
    let cell = |r: u32, c: usize, text: &str| {
        let col = (b'A' + c as u8) as char;
        format!(r#"<c r="{col}{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
    };
    let header: String = Key::ALL.iter().enumerate().map(|(c, k)| cell(1, c, k.header_th())).collect();
    let mut data = format!(r#"<row r="1">{header}</row>"#);
    for i in 0..rows {
        let r = i + 2;
        let mut cells = String::new();
        if i % 2 == 0 {
            cells += &cell(r, col(Key::EntrepreneurCode).into(), &format!("27{i:05}"));
            cells += &cell(r, col(Key::EntrepreneurName).into(), &format!("วิสาหกิจชุมชนทอผ้าบ้านหนองหว้า {i}"));
            cells += &cell(r, col(Key::Amphoe).into(), DISTRICTS[(i / 2) as usize % DISTRICTS.len()]);
        }
        cells += &cell(r, col(Key::ProductName).into(), &format!("ผ้าไหมมัดหมี่ลายโบราณ {i}"));
        let flag = if i % 500 == 7 { "ไม่แน่ใจ" } else { "มี" };
        cells += &cell(r, col(Key::TrainedOnline).into(), flag);
        data += &format!(r#"<row r="{r}">{cells}</row>"#);
    }
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const PACKAGE: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    let relation = |kind: &str, target: &str| {
        let one = format!(r#"<Relationship Id="r1" Type="{REL}/{kind}" Target="{target}"/>"#);
        format!(r#"<Relationships xmlns="{PACKAGE}">{one}</Relationships>"#)
    };
    let sheets = r#"<sheets><sheet name="รายงาน" sheetId="1" r:id="r1"/></sheets>"#;
    let parts = [
        ("_rels/.rels", relation("officeDocument", "xl/workbook.xml")),
        ("xl/_rels/workbook.xml.rels", relation("worksheet", "worksheets/sheet1.xml")),
        ("xl/workbook.xml", format!(r#"<workbook xmlns="{MAIN}" xmlns:r="{REL}">{sheets}</workbook>"#)),
        ("xl/worksheets/sheet1.xml", format!(r#"<worksheet xmlns="{MAIN}"><sheetData>{data}</sheetData></worksheet>"#)),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A sheet of several megabytes of XML, its texts inline: the first part
/// inflates only its share and a window past it, cut where a row begins (never
/// inside a Thai character), and still reads as the whole.
#[test]
fn a_part_that_inflates_only_its_share_reads_as_the_whole() {
    // Sheets of a few sizes, so that the first part's bytes end at different
    // places of a row (inside a Thai character in some).
    for rows in 8_000..8_006 {
        let bytes = inline_workbook(rows);
        let whole = import_report("big.xlsx", &bytes, FileKind::Report, &districts());
        assert_eq!(whole.products.len(), rows as usize);
        let (file, portions) = in_parts(&bytes, 2).unwrap();
        assert!(portions.iter().all(|p| matches!(p, Portion::Share(_))), "{rows} rows: {portions:?}");
        assert_eq!(file, whole);
        // The second part leaves out the first's rows as it inflates them; the first
        // stops once the rows it reads past its share are in: each holds little more
        // than half the sheet's XML (here 63 % and 51 %).
        for part in Part::all(2) {
            let (held, size) = otop_import::reader::xlsx_stream::part_held(&bytes, part).unwrap();
            assert!(held * 10 < size * 7, "{rows} rows, {part:?}: {held} of {size} bytes held");
        }
        let (file, _) = in_parts(&bytes, 3).unwrap();
        assert_eq!(file, whole, "{rows} rows in three parts");
    }
}
