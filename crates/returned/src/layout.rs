//! The merged cells and column widths of a file that comes back converted, as
//! far as they can be read: merged cells of an `.xls` (calamine) or an
//! `.xlsx`, merged cells and column widths of an `.ods` (its `content.xml`).
//! A file whose layout cannot be read comes back without it.

use super::xml::{attr, scan, Kind};
use calamine::{Dimensions, Reader, Xls, Xlsx};
use otop_import::detect::Format;
use otop_import::guard::MAX_PART_BYTES;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// Merged regions (first row, first column, last row, last column; 0-based)
/// and column widths (0-based column, width in characters), by sheet name.
#[derive(Debug, Default, PartialEq)]
pub struct Layout {
    pub merges: HashMap<String, Vec<(u32, u32, u32, u32)>>,
    pub widths: HashMap<String, Vec<(u32, f64)>>,
}

/// The widest a sheet's merges and widths are followed (columns, rows).
const MAX_COLS: u32 = 1024;
const MAX_ROWS: u32 = 1_048_576;

/// What can be read of the layout of `bytes` (a file of `format`).
pub fn of(_name: &str, bytes: &[u8], format: Format) -> Layout {
    let read = std::panic::catch_unwind(|| match format {
        Format::Compound => xls(bytes),
        Format::Zip => xlsx(bytes),
        Format::Ods => ods(bytes),
        _ => None,
    });
    read.ok().flatten().unwrap_or_default()
}

/// The merged regions of each of `sheets`, as `merges` gives them.
fn merges_of(sheets: Vec<String>, mut merges: impl FnMut(&str) -> Option<Vec<Dimensions>>) -> Option<Layout> {
    let mut layout = Layout::default();
    for name in sheets {
        let list = merges(&name)?.iter().map(|d| (d.start.0, d.start.1, d.end.0, d.end.1)).collect();
        layout.merges.insert(name, list);
    }
    Some(layout)
}

fn xls(bytes: &[u8]) -> Option<Layout> {
    let book: Xls<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).ok()?;
    merges_of(book.sheet_names(), |name| book.merge_cells_by_sheet_name(name).ok())
}

fn xlsx(bytes: &[u8]) -> Option<Layout> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).ok()?;
    merges_of(book.sheet_names(), |name| book.merge_cells_by_sheet_name(name).ok())
}

/// A length of OpenDocument ("2.258cm", "0.889in", "64pt", "20mm") in Excel's
/// width unit (about one character of 7 pixels).
fn width_of(length: &str) -> Option<f64> {
    let split = length.find(|c: char| c.is_ascii_alphabetic())?;
    let (n, unit) = length.split_at(split);
    let n: f64 = n.parse().ok()?;
    let inches = match unit {
        "in" => n,
        "cm" => n / 2.54,
        "mm" => n / 25.4,
        "pt" => n / 72.0,
        "pc" => n / 6.0,
        _ => return None,
    };
    Some(((inches * 96.0 - 5.0) / 7.0).clamp(0.0, 255.0))
}

fn ods(bytes: &[u8]) -> Option<Layout> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut content = String::new();
    zip.by_name("content.xml").ok()?.take(MAX_PART_BYTES).read_to_string(&mut content).ok()?;
    read_ods_content(&content)
}

/// The layout of an OpenDocument spreadsheet's `content.xml`.
fn read_ods_content(content: &str) -> Option<Layout> {
    let mut layout = Layout::default();
    let mut column_widths: HashMap<String, f64> = HashMap::new();
    let mut style: Option<String> = None;
    let (mut sheet, mut row, mut col) = (String::new(), 0u32, 0u32);
    let mut row_repeat = 1u32;
    let num = |e: &quick_xml::events::BytesStart, k: &str| attr(e, k).and_then(|v| v.parse::<u32>().ok());
    scan(content, |t, e| {
        let Some(e) = e else {
            if t.name == "table:table-row" {
                row = row.saturating_add(row_repeat).min(MAX_ROWS);
            }
            return true;
        };
        match t.name {
            "style:style" => {
                style = (attr(e, "style:family").as_deref() == Some("table-column"))
                    .then(|| attr(e, "style:name"))
                    .flatten();
            }
            "style:table-column-properties" => {
                if let (Some(s), Some(w)) = (&style, attr(e, "style:column-width").and_then(|w| width_of(&w))) {
                    column_widths.insert(s.clone(), w);
                }
            }
            "table:table" => {
                sheet = attr(e, "table:name").unwrap_or_default();
                (row, col) = (0, 0);
            }
            "table:table-column" => {
                let n = num(e, "table:number-columns-repeated").unwrap_or(1).min(MAX_COLS);
                let w = attr(e, "table:style-name").and_then(|s| column_widths.get(&s).copied());
                for c in col..col.saturating_add(n).min(MAX_COLS) {
                    if let Some(w) = w {
                        layout.widths.entry(sheet.clone()).or_default().push((c, w));
                    }
                }
                col = col.saturating_add(n);
            }
            "table:table-row" => {
                row_repeat = num(e, "table:number-rows-repeated").unwrap_or(1);
                col = 0;
                if t.kind == Kind::Empty {
                    row = row.saturating_add(row_repeat).min(MAX_ROWS);
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let across = num(e, "table:number-columns-spanned").unwrap_or(1);
                let down = num(e, "table:number-rows-spanned").unwrap_or(1);
                if (across > 1 || down > 1) && col < MAX_COLS {
                    let last = (row.saturating_add(down - 1), col.saturating_add(across - 1).min(MAX_COLS));
                    layout.merges.entry(sheet.clone()).or_default().push((row, col, last.0, last.1));
                }
                col = col.saturating_add(num(e, "table:number-columns-repeated").unwrap_or(1));
            }
            _ => {}
        }
        true
    })
    .ok()?;
    Some(layout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ods_sheet_gives_its_merges_and_widths() {
        let content = concat!(
            r#"<office:document-content><office:automatic-styles>"#,
            r#"<style:style style:name="co1" style:family="table-column">"#,
            r#"<style:table-column-properties style:column-width="2.54cm"/></style:style>"#,
            r#"</office:automatic-styles><office:body><office:spreadsheet><table:table table:name="ก">"#,
            r#"<table:table-column table:style-name="co1" table:number-columns-repeated="2"/>"#,
            r#"<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>"#,
            r#"<table:table-row><table:table-cell table:number-columns-repeated="2"/>"#,
            r#"<table:table-cell table:number-columns-spanned="3" table:number-rows-spanned="2"/>"#,
            r#"</table:table-row></table:table></office:spreadsheet></office:body>"#,
            r#"</office:document-content>"#,
        );
        let l = read_ods_content(content).unwrap();
        assert_eq!(l.merges.get("ก"), Some(&vec![(2, 2, 3, 4)]));
        let w = l.widths.get("ก").unwrap();
        assert_eq!(w.len(), 2);
        assert!((w[0].1 - 13.0).abs() < 0.01, "{w:?}");
    }
}
