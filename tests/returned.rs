//! A district's file sent back with its problems marked (issue 23, SPEC §5):
//! the formatted report of `tests/fixtures/make_returned.py` comes back as the
//! same package with only the parts the marks need changed (checked here part
//! by part, and by `tests/fixtures/check_returned.py` cell by cell with openpyxl,
//! before and after LibreOffice re-saves it); its `.xls` and `.ods` copies come
//! back as `.xlsx` with their merged cells.

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_engine::analysis::Analysis;
use otop_engine::sales::SalesInput;
use otop_import::{reader, report::import_report};
use otop_model::display::Lang;
use otop_model::imported::file::FileKind;
use otop_model::issue::{Issue, Severity};
use otop_model::preset::Preset;
use otop_returned::returned_file;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

const NAME: &str = "เขาฉกรรจ์-จัดรูปแบบ";
const SHEET: &str = "xl/worksheets/sheet1.xml";

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/returned")
}

fn names() -> Vec<String> {
    Preset::sa_kaeo_2564_round2().districts.into_iter().map(|d| d.name).collect()
}

/// The file's issues, as a run over Sa Kaeo gives them.
fn issues_of(name: &str, bytes: &[u8]) -> Vec<Issue> {
    let report = import_report(name, bytes, FileKind::Report, &names());
    let a = Analysis::run(&Preset::sa_kaeo_2564_round2(), &[report], &[], &SalesInput::default());
    a.issues.iter().filter(|i| i.file.as_deref() == Some(name)).cloned().collect()
}

/// Every part of a zip package, inflated.
fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        out.insert(f.name().unwrap().to_string(), data);
    }
    out
}

fn text(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(parts.get(name).unwrap_or_else(|| panic!("no part {name}")).clone()).unwrap()
}

/// The start tag of cell `at` in a sheet part.
fn cell_tag<'a>(sheet: &'a str, at: &str) -> &'a str {
    let from = sheet.find(&format!("<c r=\"{at}\"")).unwrap_or_else(|| panic!("no cell {at}"));
    let end = sheet[from..].find('>').unwrap();
    &sheet[from..=from + end]
}

/// The `s` of a cell's start tag.
fn style_index(tag: &str) -> usize {
    let from = tag.find(" s=\"").unwrap() + 4;
    tag[from..].split('"').next().unwrap().parse().unwrap()
}

/// The `<xf>` elements of the cell formats, as written.
fn cell_formats(styles: &str) -> Vec<String> {
    let list = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    let mut out = Vec::new();
    let mut rest = &list[list.find('>').unwrap() + 1..];
    while let Some(start) = rest.find("<xf") {
        rest = &rest[start..];
        let end = match (rest.find("/>"), rest.find("</xf>")) {
            (Some(a), Some(b)) if a < rest.find('>').unwrap() + 1 || a < b && !rest[..a].contains('>') => a + 2,
            (_, Some(b)) => b + 5,
            (Some(a), None) => a + 2,
            _ => break,
        };
        out.push(rest[..end].to_string());
        rest = &rest[end..];
    }
    out
}

#[test]
fn the_formatted_report_comes_back_as_it_was_with_its_problems_marked() {
    let name = format!("{NAME}.xlsx");
    let original = std::fs::read(dir().join(&name)).unwrap();
    let issues = issues_of(&name, &original);
    // By hand (make_returned.py): #REF! in Z9, "พอใช้" in M10, "เขาฉกรรณ์" in J13.
    let found: Vec<(u32, Severity)> = issues.iter().map(|i| (i.row.unwrap(), i.severity)).collect();
    assert_eq!(found, [(9, Severity::Error), (10, Severity::Warning), (13, Severity::Error)], "{issues:?}");
    let refs: Vec<&Issue> = issues.iter().collect();
    let back = returned_file(&name, &original, &refs, Lang::Th).unwrap();
    let (before, after) = (parts(&original), parts(&back));

    // Only the parts the marks need differ; one part is new (the problems sheet).
    let changed: Vec<&str> = before.keys().filter(|k| after.get(*k) != before.get(*k)).map(String::as_str).collect();
    assert_eq!(
        changed,
        [
            "[Content_Types].xml",
            "xl/_rels/workbook.xml.rels",
            "xl/comments/comment1.xml",
            "xl/drawings/commentsDrawing1.vml",
            "xl/styles.xml",
            "xl/workbook.xml",
            SHEET,
        ]
    );
    let added: Vec<&str> = after.keys().filter(|k| !before.contains_key(*k)).map(String::as_str).collect();
    assert_eq!(added, ["xl/worksheets/sheet4.xml"]);
    for part in changed.iter().chain(&added) {
        // Well-formed, every prefix bound (roxmltree is strict).
        roxmltree::Document::parse(&text(&after, part)).unwrap_or_else(|e| panic!("{part}: {e}"));
    }

    // The sheet: the same bytes but for the three marked cells' formats.
    let (sheet_before, sheet_after) = (text(&before, SHEET), text(&after, SHEET));
    let mut restored = sheet_after.clone();
    for at in ["Z9", "M10", "J13"] {
        restored = restored.replace(cell_tag(&sheet_after, at), cell_tag(&sheet_before, at));
    }
    assert_eq!(restored, sheet_before);
    assert!(sheet_after.contains("<f>#REF!*2</f><v>#REF!</v>") && sheet_after.contains("<v>16000</v>"));

    // Each marked cell's format is its own, filled: red for errors, amber for the warning.
    let (xf_before, xf_after) =
        (cell_formats(&text(&before, "xl/styles.xml")), cell_formats(&text(&after, "xl/styles.xml")));
    assert_eq!(xf_after[..xf_before.len()], xf_before[..], "the formats that were there stay in place");
    for (at, fill) in [("Z9", "FFFFC7CE"), ("M10", "FFFFEB9C"), ("J13", "FFFFC7CE")] {
        let (was, now) = (style_index(cell_tag(&sheet_before, at)), style_index(cell_tag(&sheet_after, at)));
        // Its attributes but the fill's, and what it holds (alignment, protection).
        let strip = |xf: &str| {
            let (tag, rest) = xf.split_at(xf.find('>').unwrap() + 1);
            let attrs: Vec<&str> = tag
                .split_whitespace()
                .map(|a| a.trim_end_matches('>').trim_end_matches('/'))
                .filter(|a| !a.is_empty() && !a.starts_with("fillId") && !a.starts_with("applyFill"))
                .collect();
            (attrs.join(" "), rest.to_string())
        };
        assert_eq!(strip(&xf_after[now]), strip(&xf_before[was]), "{at}");
        let fill_id: usize =
            xf_after[now].split("fillId=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
        let styles = text(&after, "xl/styles.xml");
        let fills = &styles[styles.find("<fills").unwrap()..];
        assert!(fills.split("<fill>").nth(fill_id + 1).unwrap().contains(fill), "{at}: fill {fill_id}");
    }

    // The notes: J13's own note kept, ours below it; Z9 and M10 get new ones, and boxes.
    let notes = text(&after, "xl/comments/comment1.xml");
    let j13 = &notes[notes.find("ref=\"J13\"").unwrap()..];
    let j13 = &j13[..j13.find("</comment>").unwrap()];
    assert!(j13.contains("ตรวจแล้ว — สมชาย") && j13.contains("เขาฉกรรณ์"), "{j13}");
    assert!(
        notes.contains("ref=\"Z9\"") && notes.contains("ref=\"M10\"") && notes.contains("<author>otop-kpi</author>")
    );
    let vml = text(&after, "xl/drawings/commentsDrawing1.vml");
    assert_eq!(vml.matches("ObjectType=\"Note\"").count(), 3, "{vml}");
    assert!(!vml.contains("<v:"), "the drawing's own prefixes (openpyxl writes ns0, ns1, ns2)");

    // The workbook: the list first, the print titles still the report sheet's.
    let book = text(&after, "xl/workbook.xml");
    let first = &book[book.find("<sheets>").unwrap()..];
    let first = &first[..first.find("/>").unwrap()];
    assert!(first.contains("name=\"ปัญหาที่ต้องแก้\" sheetId=\"4\""), "{book}");
    assert!(text(&before, "xl/workbook.xml").contains("localSheetId=\"0\"") && book.contains("localSheetId=\"1\""));
    assert!(!book.contains("localSheetId=\"0\""));

    // Read back: the same cells, the list first; read as a report, the same figures and issues.
    let (read_before, read_after) = (reader::read(&name, &original).unwrap(), reader::read("b.xlsx", &back).unwrap());
    assert_eq!(read_after.sheets[0].name, "ปัญหาที่ต้องแก้");
    assert_eq!(read_after.sheets[1..], read_before.sheets[..]);
    let again = issues_of(&name, &back);
    assert_eq!(again.len(), issues.len(), "{again:?}");

    // openpyxl and LibreOffice: every cell's value, formula and format, merged
    // cells, widths, panes, validation, conditional formats, print settings kept.
    let out = std::env::temp_dir().join(format!("otop-kpi-returned-{}.xlsx", std::process::id()));
    std::fs::write(&out, &back).unwrap();
    let check = std::process::Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check_returned.py"))
        .arg(dir().join(&name))
        .arg(&out)
        .args(["เขาฉกรรจ์!Z9=error", "เขาฉกรรจ์!M10=warning", "เขาฉกรรจ์!J13=error"])
        .output()
        .expect("python3 (scripts/setup.sh installs it, with openpyxl and LibreOffice)");
    let _ = std::fs::remove_file(&out);
    let said = String::from_utf8_lossy(&check.stdout).to_string() + &String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success() && said.trim() == "ok", "{said}");
}

#[test]
fn an_xls_and_an_ods_come_back_as_xlsx_with_their_merged_cells() {
    for ext in ["xls", "ods"] {
        let name = format!("{NAME}.{ext}");
        let original = std::fs::read(dir().join(&name)).unwrap();
        let issues = issues_of(&name, &original);
        assert_eq!(issues.len(), 3, "{ext}: {issues:?}");
        let refs: Vec<&Issue> = issues.iter().collect();
        let back = returned_file(&name, &original, &refs, Lang::Th).unwrap();
        let after = parts(&back);
        let sheet = text(&after, "xl/worksheets/sheet2.xml");
        assert_eq!(sheet.matches("<mergeCell ").count(), 35, "{ext}");
        let list = text(&after, "xl/worksheets/sheet1.xml");
        let strings = text(&after, "xl/sharedStrings.xml");
        assert!(strings.contains(&format!("แปลงมาจากไฟล์ .{ext}")), "{ext}: the list says what it was converted from");
        assert!(list.contains("location=\"'เขาฉกรรจ์'!J13\""), "{ext}: {list}");
        if ext == "ods" {
            assert!(sheet.contains("<cols>"), "an .ods gives its column widths");
        }
        let read = reader::read("b.xlsx", &back).unwrap();
        let before = reader::read(&name, &original).unwrap();
        for (a, b) in read.sheets[1..].iter().zip(&before.sheets) {
            assert_eq!(a.name, b.name);
            for r in 0..a.rows.len().max(b.rows.len()) {
                for c in 0..a.end_col().max(b.end_col()) {
                    assert_eq!(a.cell(r, c).text(), b.cell(r, c).text(), "{ext} {} row {r} col {c}", a.name);
                }
            }
        }
    }
}

/// The formatted report's package with `change` made to each part (None keeps
/// it) and `extra` parts added.
fn repack(change: impl Fn(&str, &[u8]) -> Option<Vec<u8>>, extra: &[(String, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let original = std::fs::read(dir().join(format!("{NAME}.xlsx"))).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, data) in parts(&original) {
        let data = change(&name, &data).unwrap_or(data);
        out.start_file(name.as_str(), options).unwrap();
        out.write_all(&data).unwrap();
    }
    for (name, data) in extra {
        out.start_file(name.as_str(), options).unwrap();
        out.write_all(data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The three problems of the formatted report.
fn its_issues(bytes: &[u8]) -> Vec<Issue> {
    issues_of(&format!("{NAME}.xlsx"), bytes)
}

/// What the file sent back says on its problems sheet's second line (why it is
/// not the original package), when it was converted.
fn notice(back: &[u8]) -> Option<String> {
    let book = reader::read("b.xlsx", back).unwrap();
    let list = &book.sheets[0];
    assert_eq!(list.name, "ปัญหาที่ต้องแก้");
    Some(list.cell(1, 0).text()).filter(|t| !t.is_empty())
}

#[test]
fn bad_packages_come_back_converted_with_the_reason_or_as_one_clear_error() {
    let name = format!("{NAME}.xlsx");
    let send = |bytes: &[u8]| {
        let issues = its_issues(bytes);
        let refs: Vec<&Issue> = issues.iter().collect();
        returned_file(&name, bytes, &refs, Lang::Th)
    };

    // 10,000 parts: patched all the same, every part kept.
    let extra: Vec<(String, Vec<u8>)> =
        (0..10_000).map(|i| (format!("customXml/item{i}.xml"), b"<a/>".to_vec())).collect();
    let many = repack(|_, _| None, &extra);
    let started = std::time::Instant::now();
    let back = send(&many).unwrap();
    println!("10,000 parts: {:?}", started.elapsed());
    assert_eq!(notice(&back), None, "patched, not converted");
    assert_eq!(parts(&back).len(), parts(&many).len() + 1);

    // A note already on every cell: ours go below theirs, no second note on a cell.
    let every: String = (1..=15)
        .flat_map(|r| {
            (0..26u8).map(move |c| {
                format!("<comment ref=\"{}{r}\" authorId=\"0\"><text><t>เดิม</t></text></comment>", (b'A' + c) as char)
            })
        })
        .collect();
    let crowded = repack(
        |n, d| {
            (n == "xl/comments/comment1.xml").then(|| {
                let text = String::from_utf8(d.to_vec()).unwrap();
                let start = text.find("<commentList>").unwrap() + "<commentList>".len();
                let end = text.find("</commentList>").unwrap();
                format!("{}{every}{}", &text[..start], &text[end..]).into_bytes()
            })
        },
        &[],
    );
    let back = send(&crowded).unwrap();
    let notes = text(&parts(&back), "xl/comments/comment1.xml");
    assert_eq!(notes.matches("<comment ").count(), 390, "one note per cell");
    assert_eq!(notes.matches("otop-kpi:").count(), 3, "ours below theirs on the three problem cells");

    // 64,000 cell formats (Excel's limit): no room for the marks, so the file comes back converted, saying why.
    let full = repack(
        |n, d| {
            (n == "xl/styles.xml").then(|| {
                let text = String::from_utf8(d.to_vec()).unwrap();
                let end = text.find("</cellXfs>").unwrap();
                let more = "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>".repeat(64_000);
                format!("{}{more}{}", &text[..end], &text[end..]).into_bytes()
            })
        },
        &[],
    );
    let back = send(&full).unwrap();
    let said = notice(&back).expect("converted");
    assert!(said.contains("64000") && said.starts_with("เก็บรูปแบบของไฟล์เดิมไม่ได้"), "{said}");

    // A sheet part that is not UTF-8 (UTF-16, as XML allows): converted, saying why.
    let utf16 = repack(
        |n, d| {
            (n == SHEET).then(|| {
                let text = String::from_utf8(d.to_vec()).unwrap().replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
                let mut out = vec![0xFF, 0xFE];
                out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                out
            })
        },
        &[],
    );
    // The readers cannot read that sheet, so nothing in it is marked: the list says
    // why, and the part goes back as it came.
    let issues = its_issues(&utf16);
    assert!(issues.iter().all(|i| !i.message_en.contains('\0')), "no NUL of the UTF-16 part in a message: {issues:?}");
    let back = send(&utf16).unwrap();
    assert_eq!(notice(&back), None, "patched");
    assert_eq!(parts(&back).get(SHEET), parts(&utf16).get(SHEET), "the sheet part as it came");
    let list = &reader::read("b.xlsx", &back).unwrap().sheets[0];
    assert!(list.cell(3, 4).text().contains("เขาฉกรรจ์"), "{:?}", list.cell(3, 4));

    // A zip bomb (a part that says it inflates to 4 GiB): one clear error, nothing written.
    let mut bomb = repack(|_, _| None, &[]);
    let at = bomb.windows(4).rposition(|w| w == [0x50, 0x4b, 0x01, 0x02]).unwrap();
    bomb[at + 24..at + 28].copy_from_slice(&u32::MAX.to_le_bytes());
    let err = send(&bomb).unwrap_err();
    assert!(err.issue(&name).message_en.contains("large"), "{:?}", err.issue(&name));
}

#[test]
fn the_command_writes_each_file_to_send_back_into_a_folder() {
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/scenario");
    let out_dir = std::env::temp_dir().join(format!("otop-kpi-return-{}", std::process::id()));
    let mut args = vec!["score".to_string(), "--return".into(), out_dir.display().to_string()];
    for f in ["02-คลองหาด.xls", "03-ตาพระยา.ods", "07-เขาฉกรรจ์.xlsx"] {
        args.push(scenario.join(f).display().to_string());
    }
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(otop_command::run(&args, &mut out, &mut err), 0, "{}", String::from_utf8_lossy(&err));
    let mut written: Vec<String> =
        std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    written.sort();
    // By hand: 02 has two repeated products, 07 a #REF! and an unclear flag; 03 has no problem.
    assert_eq!(written, ["02-คลองหาด-ส่งคืนแก้ไข.xlsx", "07-เขาฉกรรจ์-ส่งคืนแก้ไข.xlsx"]);
    assert!(String::from_utf8_lossy(&err).contains("07-เขาฉกรรจ์-ส่งคืนแก้ไข.xlsx (2 ปัญหา)"));
    let back = std::fs::read(out_dir.join("07-เขาฉกรรจ์-ส่งคืนแก้ไข.xlsx")).unwrap();
    assert_eq!(reader::read("b.xlsx", &back).unwrap().sheets[0].name, "ปัญหาที่ต้องแก้");
    let _ = std::fs::remove_dir_all(&out_dir);
}

#[test]
fn a_misspelling_repeated_on_five_rows_is_marked_on_all_five() {
    // make_thai.py: "คลองหาร" on sheet rows 7, 9, 10, 12 and 13 — one issue, on 5 rows.
    let name = "คลองหาด-สะกดผิด.xlsx";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/thai").join(name);
    let original = std::fs::read(path).unwrap();
    let issues = issues_of(name, &original);
    let misspelt: Vec<&Issue> = issues.iter().filter(|i| i.message_en.contains("คลองหาร")).collect();
    assert_eq!(misspelt.len(), 1, "{issues:?}");
    assert_eq!((misspelt[0].row, &misspelt[0].also_rows), (Some(7), &vec![9, 10, 12, 13]));
    let refs: Vec<&Issue> = issues.iter().collect();
    let back = returned_file(name, &original, &refs, Lang::Th).unwrap();
    let (before, after) = (parts(&original), parts(&back));
    let (was, now) = (text(&before, SHEET), text(&after, SHEET));
    for row in [7, 9, 10, 12, 13] {
        let at = format!("J{row}");
        assert_ne!(cell_tag(&was, &at), cell_tag(&now, &at), "{at} is marked");
    }
    assert_eq!(cell_tag(&was, "J8"), cell_tag(&now, "J8"), "a row spelt right is not");
    let notes = text(&after, "xl/comments1.xml");
    assert_eq!(notes.matches("คลองหาร").count(), 5, "each of the five cells has the note");
}
