//! A worksheet part with its problem cells marked: each marked cell's format
//! swapped for its filled clone (a cell the sheet does not hold is added, with
//! its row's or column's format), and a reference to the sheet's notes drawing
//! where the worksheet's schema puts it. Every other byte stays as it was.

use super::styles::{style_of, Styles};
use super::xml::{attr, scan, with_attrs, Edits, Kind};
use otop_model::imported::cell::{parse_reference, reference};
use std::collections::BTreeMap;

/// The cells to mark: (0-based row, 0-based column) → an error (else a warning).
pub type Cells = BTreeMap<(u32, u32), bool>;

/// Elements that come after `legacyDrawing` in a worksheet (ECMA-376, CT_Worksheet).
const AFTER_LEGACY: [&str; 8] =
    ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/// The `r:id` of the sheet's `legacyDrawing` (the drawing its notes are in), if it has one.
pub fn legacy_drawing(part: &str) -> Result<Option<String>, String> {
    let mut id = None;
    scan(part, |t, e| {
        if t.depth == 1 && t.local == "legacyDrawing" {
            id = e.and_then(|e| attr(e, ":id"));
            return false;
        }
        true
    })?;
    Ok(id)
}

/// Where the walk through the sheet is.
#[derive(Default)]
struct Walk {
    /// Column formats from `<cols>`: (first, last, format), 0-based.
    cols: Vec<(u32, u32, u32)>,
    in_data: bool,
    /// The row being read: its 0-based number, its own format (when it sets one), and the last column seen.
    row: Option<(u32, Option<u32>)>,
    next_row: u32,
    next_col: u32,
    legacy_done: bool,
}

/// `part` (a worksheet) with `cells` marked through `styles`, and — when
/// `legacy` is given — a `legacyDrawing` element pointing at that relationship
/// id (`rel_prefix` the worksheet's prefix for the relationships namespace, or
/// None when it declares none).
pub fn patch(
    part: &str,
    cells: &Cells,
    styles: &mut Styles,
    legacy: Option<(&str, Option<&str>)>,
) -> Result<String, String> {
    let mut edits = Edits::default();
    let mut walk = Walk::default();
    let mut pending: Vec<((u32, u32), bool)> = cells.iter().map(|(k, v)| (*k, *v)).collect();
    pending.reverse(); // popped from the end: the first cell last
    let mut failure: Option<String> = None;
    let mut prefix = String::new();
    scan(part, |t, e| {
        let mut step = || -> Result<(), String> {
            if t.depth == 0 && t.kind == Kind::Start {
                prefix = t.prefix().to_string();
            }
            match (t.local, t.kind, t.depth) {
                ("col", Kind::Empty | Kind::Start, 2) => {
                    if let Some(e) = e {
                        let n = |k| attr(e, k).and_then(|v| v.parse::<u32>().ok());
                        if let (Some(min), Some(max), Some(s)) = (n("min"), n("max"), n("style")) {
                            walk.cols.push((min.saturating_sub(1), max.saturating_sub(1), s));
                        }
                    }
                }
                ("sheetData", Kind::Start, 1) => walk.in_data = true,
                ("sheetData", Kind::Empty, 1) => {
                    let rows = new_rows(&mut pending, u32::MAX, &walk.cols, styles, &prefix)?;
                    let open = t.raw(part).trim_end_matches("/>").trim_end().to_string();
                    edits.replace(t.start..t.end, format!("{open}>{rows}</{}>", t.name));
                }
                ("sheetData", Kind::End, 1) => {
                    walk.in_data = false;
                    let rows = new_rows(&mut pending, u32::MAX, &walk.cols, styles, &prefix)?;
                    edits.insert(t.start, rows);
                }
                ("row", Kind::Start | Kind::Empty, 2) if walk.in_data => {
                    let Some(e) = e else { return Ok(()) };
                    let r = attr(e, "r").and_then(|r| r.parse::<u32>().ok()).and_then(|r| r.checked_sub(1));
                    let r = r.unwrap_or(walk.next_row);
                    let custom = attr(e, "customFormat").is_some_and(|v| v == "1" || v == "true");
                    let own = custom.then(|| style_of(e));
                    edits.insert(t.start, new_rows(&mut pending, r, &walk.cols, styles, &prefix)?);
                    walk.row = Some((r, own));
                    walk.next_row = r.saturating_add(1);
                    walk.next_col = 0;
                    if t.kind == Kind::Empty {
                        let cells = new_cells(&mut pending, (r, own), u32::MAX, &walk.cols, styles, &prefix)?;
                        if !cells.is_empty() {
                            let open = t.raw(part).trim_end_matches("/>").trim_end().to_string();
                            edits.replace(t.start..t.end, format!("{open}>{cells}</{}>", t.name));
                        }
                        walk.row = None;
                    }
                }
                ("row", Kind::End, 2) if walk.in_data => {
                    if let Some(row) = walk.row.take() {
                        edits.insert(t.start, new_cells(&mut pending, row, u32::MAX, &walk.cols, styles, &prefix)?);
                    }
                }
                ("c", Kind::Start | Kind::Empty, 3) if walk.in_data => {
                    let (Some(e), Some(row)) = (e, walk.row) else { return Ok(()) };
                    let r = row.0;
                    // A row with nothing to mark: its cells are not looked at.
                    if pending.last().is_none_or(|((row, _), _)| *row != r) {
                        return Ok(());
                    }
                    let c = attr(e, "r").and_then(|x| parse_reference(x.as_bytes())).map_or(walk.next_col, |(_, c)| c);
                    walk.next_col = c.saturating_add(1);
                    edits.insert(t.start, new_cells(&mut pending, row, c, &walk.cols, styles, &prefix)?);
                    if pending.last().is_some_and(|(at, _)| *at == (r, c)) {
                        let Some((_, error)) = pending.pop() else { return Ok(()) };
                        let s = styles.marked(style_of(e), error)?;
                        edits.replace(t.start..t.end, with_attrs(e, &[("s", &s.to_string())], t.kind == Kind::Empty));
                    }
                }
                (name, Kind::Start | Kind::Empty, 1) if AFTER_LEGACY.contains(&name) && !walk.legacy_done => {
                    walk.legacy_done = true;
                    if let Some(l) = legacy {
                        edits.insert(t.start, legacy_tag(&prefix, l));
                    }
                }
                (_, Kind::End, 0) if !walk.legacy_done => {
                    walk.legacy_done = true;
                    if let Some(l) = legacy {
                        edits.insert(t.start, legacy_tag(&prefix, l));
                    }
                }
                _ => {}
            }
            Ok(())
        };
        match step() {
            Ok(()) => true,
            Err(why) => {
                failure = Some(why);
                false
            }
        }
    })?;
    if let Some(why) = failure {
        return Err(why);
    }
    if !pending.is_empty() {
        return Err("the worksheet has no sheetData element".into());
    }
    edits.apply(part)
}

fn legacy_tag(prefix: &str, (id, rel_prefix): (&str, Option<&str>)) -> String {
    match rel_prefix {
        Some(r) => format!("<{prefix}legacyDrawing {r}:id=\"{id}\"/>"),
        None => format!(
            "<{prefix}legacyDrawing xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
             r:id=\"{id}\"/>"
        ),
    }
}

/// The column formats of `<cols>`: (first, last, format), 0-based.
type ColFormats = [(u32, u32, u32)];

/// The format a cell the sheet does not hold shows: its row's, else its column's.
fn blank_format(cols: &ColFormats, row_format: Option<u32>, col: u32) -> u32 {
    row_format.or_else(|| cols.iter().find(|(a, b, _)| (*a..=*b).contains(&col)).map(|(_, _, s)| *s)).unwrap_or(0)
}

/// New cells for the marks of row `r` before column `before` (`row_format`: the
/// row's own format, when it sets one).
fn new_cells(
    pending: &mut Vec<((u32, u32), bool)>,
    (r, row_format): (u32, Option<u32>),
    before: u32,
    cols: &ColFormats,
    styles: &mut Styles,
    prefix: &str,
) -> Result<String, String> {
    let mut out = String::new();
    while let Some(&((row, col), error)) = pending.last() {
        if row != r || col >= before {
            break;
        }
        pending.pop();
        let s = styles.marked(blank_format(cols, row_format, col), error)?;
        out.push_str(&format!("<{prefix}c r=\"{}\" s=\"{s}\"/>", reference(row, col)));
    }
    Ok(out)
}

/// New rows for the marks of rows before `before`.
fn new_rows(
    pending: &mut Vec<((u32, u32), bool)>,
    before: u32,
    cols: &ColFormats,
    styles: &mut Styles,
    prefix: &str,
) -> Result<String, String> {
    let mut out = String::new();
    while let Some(&((row, _), _)) = pending.last() {
        if row >= before {
            break;
        }
        let cells = new_cells(pending, (row, None), u32::MAX, cols, styles, prefix)?;
        out.push_str(&format!("<{prefix}row r=\"{}\">{cells}</{prefix}row>", row + 1));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles() -> Styles {
        Styles::read(
            concat!(
                r#"<styleSheet><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills>"#,
                r#"<cellXfs count="3"><xf/><xf/><xf numFmtId="4"/></cellXfs></styleSheet>"#,
            )
            .into(),
        )
        .unwrap()
    }

    fn marks(list: &[(u32, u32, bool)]) -> Cells {
        list.iter().map(|&(r, c, e)| ((r, c), e)).collect()
    }

    #[test]
    fn a_held_cell_gets_its_marked_format_and_an_absent_one_is_added() {
        let part = concat!(
            r#"<worksheet xmlns:r="R"><cols><col min="3" max="3" style="2"/></cols><sheetData><row r="2">"#,
            r#"<c r="B2" s="1" t="s"><v>0</v></c></row><row r="4"><c r="A4"/></row></sheetData>"#,
            r#"<pageMargins/></worksheet>"#,
        );
        let mut s = styles();
        let out = patch(
            part,
            &marks(&[(1, 1, true), (1, 2, false), (2, 0, true), (9, 0, false)]),
            &mut s,
            Some(("rId9", Some("r"))),
        )
        .unwrap();
        assert_eq!(
            out,
            concat!(
                r#"<worksheet xmlns:r="R"><cols><col min="3" max="3" style="2"/></cols><sheetData><row r="2">"#,
                r#"<c r="B2" s="3" t="s"><v>0</v></c><c r="C2" s="4"/></row><row r="3"><c r="A3" s="5"/>"#,
                r#"</row><row r="4"><c r="A4"/></row><row r="10"><c r="A10" s="6"/></row></sheetData>"#,
                r#"<pageMargins/><legacyDrawing r:id="rId9"/></worksheet>"#,
            )
        );
    }

    #[test]
    fn the_drawing_goes_before_the_table_parts_and_rows_without_numbers_count_on() {
        let part = concat!(
            r#"<x:worksheet><x:sheetData><x:row><x:c/><x:c/></x:row><x:row/></x:sheetData><x:tableParts/>"#,
            r#"</x:worksheet>"#,
        );
        let mut s = styles();
        let out = patch(part, &marks(&[(0, 1, true), (1, 3, true)]), &mut s, Some(("rIdN", None))).unwrap();
        assert!(out.contains(r#"<x:row><x:c/><x:c s="3"/></x:row><x:row><x:c r="D2" s="3"/></x:row>"#), "{out}");
        assert!(out.contains(r#"r:id="rIdN"/><x:tableParts/>"#), "{out}");
    }

    #[test]
    fn an_empty_sheet_gets_its_rows() {
        let mut s = styles();
        let out = patch("<worksheet><sheetData/></worksheet>", &marks(&[(0, 0, true)]), &mut s, None).unwrap();
        assert_eq!(out, r#"<worksheet><sheetData><row r="1"><c r="A1" s="3"/></row></sheetData></worksheet>"#);
    }
}
