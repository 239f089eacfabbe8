//! The streaming .xlsx reader against calamine's (the oracle): wherever the
//! streaming reader gives a workbook, it is the very workbook calamine gives —
//! same sheets, same hidden flags, same cells at the same places. Checked on
//! every .xlsx/.xlsm fixture, the calamine corpus in tests/corpus, and
//! files written here with inline strings, rich text, phonetic runs, sparse
//! rows, cells without a reference, dates, booleans, formula errors, entities
//! and Excel's `_xHHHH_` escapes.

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_import::reader::{xlsx, xlsx_stream};
use otop_model::imported::cell::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else if p.extension().is_some_and(|x| x == "xlsx" || x == "xlsm") {
            out.push(p);
        }
    }
}

/// Whether both readers agree; `Some(true)` when the streaming reader read it.
fn agree(name: &str, bytes: &[u8]) -> Option<bool> {
    let Some(fast) = xlsx_stream::read(bytes) else { return Some(false) };
    let oracle = match xlsx::read(bytes) {
        Ok(wb) => wb,
        Err(e) => panic!("{name}: the streaming reader read a file calamine refuses ({e})"),
    };
    assert!(oracle.unreadable.is_empty(), "{name}: calamine could not read {:?}", oracle.unreadable);
    assert_eq!(fast.sheets.len(), oracle.sheets.len(), "{name}: sheets");
    for (f, o) in fast.sheets.iter().zip(&oracle.sheets) {
        assert_eq!((&f.name, f.hidden), (&o.name, o.hidden), "{name}");
        assert_eq!(f.rows.len(), o.rows.len(), "{name} › {}: rows", f.name);
        for (i, (fr, or)) in f.rows.iter().zip(&o.rows).enumerate() {
            assert_eq!(fr, or, "{name} › {} › row {}", f.name, i + 1);
        }
    }
    Some(true)
}

#[test]
fn every_xlsx_fixture_reads_as_calamine_reads_it() {
    let mut files = Vec::new();
    files_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files"), &mut files);
    assert!(files.len() >= 15, "the fixtures are there: {}", files.len());
    for path in &files {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).unwrap_or_default();
        let streamed = agree(&name, &bytes);
        // Our own report files are what the streaming reader is for; only the
        // broken ones in bad/ and fuzz-xlsx/ go to calamine.
        if !name.contains("/bad/") && !name.contains("/fuzz-xlsx/") {
            assert_eq!(streamed, Some(true), "{name}: left to calamine");
        }
    }
}

#[test]
fn the_calamine_corpus_reads_as_calamine_reads_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/calamine");
    let mut files = Vec::new();
    files_under(&dir, &mut files);
    let mut streamed = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap_or_default();
        let read = std::panic::catch_unwind(|| agree(&path.display().to_string(), &bytes));
        match read {
            Ok(Some(true)) => streamed += 1,
            Ok(_) => {}
            // calamine itself panics on a few malformed files: the import path catches that.
            Err(_) if xlsx_stream::read(&bytes).is_none() => {}
            Err(e) => std::panic::resume_unwind(e),
        }
    }
    eprintln!("{streamed} of {} corpus files read by the streaming reader", files.len());
    assert!(streamed * 2 > files.len(), "most of the corpus is read by the streaming reader: {streamed}");
}

const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE: &str = "http://schemas.openxmlformats.org/package/2006";
const OFFICE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/// `[Content_Types].xml` for `sheets` worksheets.
fn content_types(sheets: usize) -> String {
    let part = |name: &str, kind: &str| format!(r#"<Override PartName="{name}" ContentType="{OFFICE}.{kind}+xml"/>"#);
    let mut parts = part("/xl/workbook.xml", "sheet.main");
    parts += &part("/xl/sharedStrings.xml", "sharedStrings");
    parts += &part("/xl/styles.xml", "styles");
    for i in 1..=sheets {
        parts += &part(&format!("/xl/worksheets/sheet{i}.xml"), "worksheet");
    }
    let defaults = format!(
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>{}"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#
    );
    format!(r#"{DECL}<Types xmlns="{PACKAGE}/content-types">{defaults}{parts}</Types>"#)
}

/// A relationships part.
fn relationships(items: &[(&str, &str, &str)]) -> String {
    let list: String = items
        .iter()
        .map(|(id, kind, target)| format!(r#"<Relationship Id="{id}" Type="{kind}" Target="{target}"/>"#))
        .collect();
    format!(r#"{DECL}<Relationships xmlns="{PACKAGE}/relationships">{list}</Relationships>"#)
}

/// A workbook written by hand, part by part: sheets as (name, sheetData, hidden).
fn workbook(sheets: &[(&str, &str, bool)], shared: &str, styles: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    let mut put = |name: &str, text: &str| {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    };
    put("[Content_Types].xml", &content_types(sheets.len()));
    put("_rels/.rels", &relationships(&[("rId1", &format!("{REL}/officeDocument"), "xl/workbook.xml")]));
    let ids: Vec<(String, String, String)> = (1..=sheets.len())
        .map(|i| (format!("rId{i}"), format!("{REL}/worksheet"), format!("worksheets/sheet{i}.xml")))
        .chain([
            ("rS".into(), format!("{REL}/sharedStrings"), "sharedStrings.xml".into()),
            ("rT".into(), format!("{REL}/styles"), "styles.xml".into()),
        ])
        .collect();
    let items: Vec<(&str, &str, &str)> = ids.iter().map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str())).collect();
    put("xl/_rels/workbook.xml.rels", &relationships(&items));
    let list: String = sheets
        .iter()
        .enumerate()
        .map(|(i, (name, _, hidden))| {
            let state = if *hidden { r#" state="hidden""# } else { "" };
            format!(r#"<sheet name="{name}" sheetId="{}"{state} r:id="rId{}"/>"#, i + 1, i + 1)
        })
        .collect();
    let wb = format!(r#"{DECL}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{list}</sheets></workbook>"#);
    put("xl/workbook.xml", &wb);
    put("xl/sharedStrings.xml", &format!(r#"{DECL}<sst xmlns="{MAIN}">{shared}</sst>"#));
    put("xl/styles.xml", &format!(r#"{DECL}<styleSheet xmlns="{MAIN}">{styles}</styleSheet>"#));
    for (i, (_, data, _)) in sheets.iter().enumerate() {
        // A whole worksheet element as it is, or the rows of a plain one.
        let xml = match data.starts_with('<') && data.contains("sheetData") {
            true => format!("{DECL}{data}"),
            false => format!(r#"{DECL}<worksheet xmlns="{MAIN}"><sheetData>{data}</sheetData></worksheet>"#),
        };
        put(&format!("xl/worksheets/sheet{}.xml", i + 1), &xml);
    }
    zip.finish().unwrap().into_inner()
}

const STYLES: &str = concat!(
    r#"<numFmts count="3"><numFmt numFmtId="164" formatCode="d/m/yyyy"/>"#,
    r#"<numFmt numFmtId="165" formatCode="&quot;฿&quot;#,##0.00"/>"#,
    r#"<numFmt numFmtId="166" formatCode="[h]:mm"/></numFmts>"#,
    r#"<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>"#,
    r#"<xf numFmtId="166"/></cellXfs>"#,
);

#[test]
fn written_files_read_as_calamine_reads_them() {
    let shared = concat!(
        r#"<si><t>ชื่อผลิตภัณฑ์</t></si>"#,
        r#"<si><r><rPr><b/></rPr><t>ผ้า</t></r><r><t xml:space="preserve"> ไหม </t></r>"#,
        r#"<rPh><t>ふりがな</t></rPh></si>"#,
        r#"<si><t>  trimmed  </t></si>"#,
        r#"<si><t xml:space="preserve">  kept  </t></si>"#,
        r#"<si><t>a &amp; b &lt;c&gt; &#3585;&#x0E02;</t></si>"#,
        r#"<si><t>line_x000D_break_x000a_</t></si>"#,
        r#"<si/>"#,
        r#"<si><t>two
lines</t></si>"#,
    );
    let main = concat!(
        r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>"#,
        r#"<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>5</v></c>"#,
        r#"<c r="D2" t="s"><v>6</v></c><c r="E2" t="s"><v>7</v></c></row>"#,
        r#"<row r="4"><c r="A4"><v>1234.5</v></c><c r="B4" s="1"><v>44287</v></c><c r="C4" s="2"><v>44300.25</v></c>"#,
        r#"<c r="D4" s="3"><v>99.5</v></c><c r="E4" s="4"><v>1.5</v></c><c r="F4" t="n"><v>-0.1</v></c></row>"#,
        r#"<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" t="b"><v>0</v></c><c r="C5" t="e"><v>#REF!</v></c>"#,
        r#"<c r="D5" t="e"><f>1/0</f><v>#DIV/0!</v></c>"#,
        r#"<c r="E5" t="str"><f>A1&amp;"x"</f><v>ok &amp; done</v></c></row>"#,
        r#"<row r="6"><c r="A6" t="inlineStr"><is><t>inline ข้อความ</t></is></c>"#,
        r#"<c r="B6" t="inlineStr"><is><r><t>rich</t></r><r><t> inline</t></r></is></c>"#,
        r#"<c r="C6" t="inlineStr"><is><t></t></is></c><c r="D6" s="1"/><c r="F6"><v></v></c></row>"#,
        r#"<row r="8"><c t="s"><v>0</v></c><c><v>7</v></c><c r="E8"><v>8</v></c><c><v>9</v></c></row>"#,
        r#"<row><c><v>10</v></c></row>"#,
        r#"<row r="12" spans="1:3"><c r="C12"><v>1E+3</v></c><c r="D12"><v>text-not-number</v></c></row>"#,
        r#"<row r="13"><c r="AA13" t="d"><v>2021-04-01T00:00:00</v></c></row>"#,
    );
    let hidden = r#"<row r="2"><c r="B2" t="s"><v>0</v></c></row>"#;
    let bytes =
        workbook(&[("อำเภอเมือง &amp; co", main, false), ("ซ่อน", hidden, true), ("ว่าง", "", false)], shared, STYLES);
    assert_eq!(agree("written.xlsx", &bytes), Some(true), "the streaming reader reads it");
    // And what it read, by hand.
    let wb = xlsx_stream::read(&bytes).unwrap();
    let s = &wb.sheets[0];
    assert_eq!(s.name, "อำเภอเมือง & co");
    assert_eq!(s.rows[0][2], Value::Text("ผ้า ไหม ".into()));
    assert_eq!(s.rows[0][3], Value::Text("trimmed".into()));
    assert_eq!(s.rows[1][1], Value::Text("a & b <c> กข".into()));
    assert_eq!(s.rows[1][2], Value::Text("line\rbreak\n".into()));
    assert_eq!(s.rows[3][1], Value::Date(44287.0));
    assert_eq!(s.rows[3][3], Value::Float(99.5));
    assert_eq!(s.rows[4][2], Value::Error("#REF!".into()));
    assert_eq!(s.rows[4][4], Value::Text("ok & done".into()));
    assert_eq!(s.rows[7][1], Value::Float(7.0), "a cell without a reference follows the one before");
    assert!(wb.sheets[1].hidden);
}

/// The sheet XML in the shapes other writers give it: the byte scanner reads
/// the plain cells, the XML reader the rest, and they agree with calamine.
#[test]
fn sheets_written_otherwise_read_as_calamine_reads_them() {
    // The second string as a pretty-printer writes it (read by the XML reader).
    let shared = "<si><t>ข้าว</t></si>\n  <si>\n    <t>ผ้า</t>\n  </si>\n";
    let prefixed = format!(
        "{}{}{}",
        format_args!(r#"<x:worksheet xmlns:x="{MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>"#),
        r#"<x:c r="B1"><x:v>2.5</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row><x:row r="3"><x:c r="A3"/>"#,
        r#"<x:c r="B3" t="inlineStr"><x:is><x:t>ใน</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"#,
    );
    let pretty = concat!(
        "<row r=\"1\">\n  <c r=\"A1\" t=\"s\">\n    <v>0</v>\n  </c>\n  <c r='B1' t='s'><v>1</v></c>\n",
        "  <c r=\"C1\" s=\"1\">\r\n<v>44287</v>\n</c>\n</row>\n",
        "<row r=\"2\" note=\"a > b\"><c r=\"A2\"><f>1+1</f><v>2</v></c>",
        "<c r=\"B2\" t=\"s\"><v>1</v></c><c r=\"C2\" t=\"str\"><v>x &amp; y</v></c><c r=\"D2\"><v>3</v></c></row>",
        "<row r=\"4\"/><row><c><v>5</v></c><c t=\"e\"><v>#N/A</v></c><c t=\"b\"><v>1</v></c></row>",
    );
    let commented = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><!-- a note --><c r="B1"><v>7</v></c></row>"#;
    let empty = format!(r#"<worksheet xmlns="{MAIN}"><sheetData/></worksheet>"#);
    let sheets = [("x", prefixed.as_str(), false), ("pretty", pretty, false), ("note", commented, false)];
    let bytes = workbook(&[sheets[0], sheets[1], sheets[2], ("empty", empty.as_str(), false)], shared, STYLES);
    assert_eq!(agree("otherwise.xlsx", &bytes), Some(true), "the streaming reader reads it");
    let wb = xlsx_stream::read(&bytes).unwrap();
    let text = |s: &str| Value::Text(s.into());
    assert_eq!(wb.sheets[0].rows[0], [text("ข้าว"), Value::Float(2.5), text("ผ้า")]);
    assert_eq!(wb.sheets[0].rows[2], [Value::Empty, text("ใน")]);
    let pretty = &wb.sheets[1].rows;
    assert_eq!(pretty[0], [text("ข้าว"), text("ผ้า"), Value::Date(44287.0)]);
    assert_eq!(pretty[1], [Value::Float(2.0), text("ผ้า"), text("x & y"), Value::Float(3.0)]);
    assert_eq!(pretty[4], [Value::Float(5.0), Value::Error("#N/A".into()), Value::Bool(true)]);
    assert_eq!(wb.sheets[2].rows[0], [text("ข้าว"), Value::Float(7.0)]);
    assert!(wb.sheets[3].rows.is_empty());
}

#[test]
fn what_it_was_not_made_for_is_left_to_calamine() {
    let main = r#"<row r="1"><c r="A1" t="x"><v>1</v></c></row>"#;
    assert!(xlsx_stream::read(&workbook(&[("a", main, false)], "", STYLES)).is_none(), "an unknown cell type");
    let main = r#"<row r="1"><c r="A1" t="s"><v>5</v></c></row>"#;
    assert!(xlsx_stream::read(&workbook(&[("a", main, false)], "", STYLES)).is_none(), "a string not in the table");
    assert!(xlsx_stream::read(b"PK\x03\x04 not a zip").is_none());
    // Found by fuzzing: a zip behind a compound document's header (calamine: a
    // password-protected file).
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/fuzz-xlsx");
    let behind = std::fs::read(dir.join("zip-behind-cfb.bin")).unwrap();
    assert!(xlsx_stream::read(&behind).is_none());
}

/// The byte scanner against the XML reader it stands in for, part by part:
/// every fixture's shared strings and sheets, and the fuzz finds. Wherever the
/// scanner reads a part, it reads what the XML reader reads.
#[test]
fn the_byte_scanner_reads_each_part_as_the_xml_reader_does() {
    use std::io::Read;
    let agree = |name: &str, strings: &[u8], sheet: &[u8]| -> bool {
        let (fast, slow) = xlsx_stream::both_ways(strings, sheet);
        if let Some(fast) = &fast {
            assert_eq!(Some(fast), slow.as_ref(), "{name}");
        }
        fast.is_some()
    };
    let mut files = Vec::new();
    files_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files"), &mut files);
    let mut scanned = 0;
    for path in &files {
        let Ok(mut zip) = zip::ZipArchive::new(std::fs::File::open(path).unwrap()) else { continue };
        let mut part = |name: &str| -> Vec<u8> {
            let mut out = Vec::new();
            if let Ok(mut f) = zip.by_name(name) {
                let _ = f.read_to_end(&mut out);
            }
            out
        };
        let strings = part("xl/sharedStrings.xml");
        let sheet = part("xl/worksheets/sheet1.xml");
        scanned += usize::from(agree(&path.display().to_string(), &strings, &sheet));
    }
    assert!(scanned >= 15, "the scanner read {scanned} fixtures' first sheets");
    // Every fuzz find, split as the fuzz target splits its input (at the first
    // zero byte; none: no shared strings): the scanner agrees with the XML reader,
    // and where the find was malformed XML it now leaves the part to it.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/fuzz-xlsx");
    let left = [
        // A byte that is not UTF-8 in an attribute the scanner skipped.
        "sheet-bad-utf8-attribute.bin",
        // Text before a cell's value (`<c>=v>1</v></c>`, which it took for `<v>1</v>`).
        "sheet-text-before-value.bin",
        // An end tag with no element open (`<worksheet><c…/></row></sheetData>`): an error for both.
        "sheet-end-tag-unopened.bin",
        // A broken reference in text between tags (`&#2ggg…`): an error for the XML reader.
        "sheet-reference-between-tags.bin",
        // Text with a broken reference after the shared strings' root (`</sst>bbb…&1.0"`).
        "strings-reference-after-root.bin",
        // A `/` inside a tag's name (`<sheetData/""/>`: an element named `sheetData/""`).
        "sheet-slash-in-name.bin",
        // An empty `<si/>` inside a rich string (`…</t></r><si/><si>…`): it ends the
        // string for the XML reader; the scanner had read on to the next `</si>`.
        "strings-empty-si-inside-rich.bin",
    ];
    // The others, also the XML reader's now: a quote in a tag's name (`<sing="UTFst …>`),
    // an instruction other than the declaration (`<?>`), attributes run together (`<c r="A2"B9"/>`).
    let mut finds = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.starts_with("sheet-") || name.starts_with("strings-")) {
            continue;
        }
        let found = std::fs::read(&path).unwrap();
        let scanned = match found.iter().position(|b| *b == 0) {
            Some(zero) => agree(&name, &found[..zero], &found[zero + 1..]),
            None => agree(&name, b"", &found),
        };
        assert!(!(scanned && left.contains(&name.as_str())), "{name}: left to the XML reader");
        finds += 1;
    }
    assert!(finds >= 9, "{finds} fuzz finds");
    let unopened = std::fs::read(dir.join("sheet-end-tag-unopened.bin")).unwrap();
    assert_eq!(xlsx_stream::both_ways(b"", &unopened[1..]).1, None, "an error for the XML reader");
}

/// Inline strings as streaming writers write them (Apache POI's SXSSF, the
/// export of web systems), read by the byte scanner in place: the same cells as
/// the XML reader gives, and the scanner does read the sheet. The odd ones
/// (rich text, an entity, an `_xHHHH_` escape, `<is>` without `<t>`) it hands to
/// the XML reader cell by cell; a 32,767-character string is read whole.
#[test]
fn inline_strings_are_read_by_the_byte_scanner_as_the_xml_reader_reads_them() {
    let long = "ก".repeat(32_767);
    let cells = [
        r#"<c r="A1" t="inlineStr"><is><t>Facebook</t></is></c>"#.to_string(),
        r#"<c r="B1" t="inlineStr"><is><t xml:space="preserve"> ผ้าไหม </t></is></c>"#.to_string(),
        r#"<c r="C1" t="inlineStr"><is><t>  trimmed  </t></is></c>"#.to_string(),
        r#"<c r="D1" t="inlineStr"><is><t></t></is></c>"#.to_string(),
        r#"<c r="E1" t="inlineStr"><is><t>a &amp; b</t></is></c>"#.to_string(),
        r#"<c r="F1" t="inlineStr"><is><t>a_x000D_b</t></is></c>"#.to_string(),
        r#"<c r="G1" t="inlineStr"><is><r><rPr><b/></rPr><t>rich</t></r><r><t> text</t></r></is></c>"#.to_string(),
        r#"<c r="H1" t="inlineStr"><is></is></c>"#.to_string(),
        r#"<c r="I1" t="inlineStr"><is><t>Facebook</t></is></c>"#.to_string(),
        format!(r#"<c r="J1" t="inlineStr"><is><t>{long}</t></is></c>"#),
        r#"<c r="K1" t="inlineStr"/><c r="L1" s="0" t="inlineStr"><is><t>12</t></is></c>"#.to_string(),
    ];
    let sheet = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
            r#"<row r="1">{}</row><row r="2"><c r="A2" t="inlineStr"><is><t>Facebook</t></is></c>"#,
            r#"<c r="B2"><v>3</v></c></row></sheetData></worksheet>"#
        ),
        cells.concat()
    );
    let (fast, slow) = xlsx_stream::both_ways(b"", sheet.as_bytes());
    let fast = fast.expect("the scanner reads a sheet of inline strings");
    assert_eq!(Some(&fast), slow.as_ref());
    let text = |r: usize, c: usize| match &fast[r][c] {
        Value::Text(t) => t.to_string(),
        other => format!("{other:?}"),
    };
    assert_eq!(
        (0..12).map(|c| if c == 9 { text(0, c).chars().count().to_string() } else { text(0, c) }).collect::<Vec<_>>(),
        ["Facebook", " ผ้าไหม ", "trimmed", "", "a & b", "a\rb", "richtext", "", "Facebook", "32767", "Empty", "12"]
    );
    // The same text in many cells is one shared text, as a shared string is.
    let (Value::Text(a), Value::Text(b)) = (&fast[0][0], &fast[1][0]) else { panic!("{:?}", fast[1]) };
    assert!(std::sync::Arc::ptr_eq(a, b));
    // And calamine reads the workbook the same.
    assert_eq!(agree("inline.xlsx", &workbook(&[("Sheet1", &sheet[DECL.len()..], false)], "", STYLES)), Some(true));
}

/// The scenario's reports as a streaming writer saves them (inline strings,
/// hyperlinks: `tests/fixtures/make_stream.py`): read by the streaming reader,
/// the same cells as calamine's.
#[test]
fn streaming_writers_files_read_as_calamine_reads_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/formats/stream");
    let mut files = Vec::new();
    files_under(&dir, &mut files);
    assert_eq!(files.len(), 6);
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(agree(&path.display().to_string(), &bytes), Some(true), "{}", path.display());
    }
}
