//! The workbook's parts: which sheets there are (and which are hidden), where
//! their XML is, and which cell styles show dates.

use super::{part_path, str_reader};
use crate::reader::xml::{attr, attr_text};
use quick_xml::events::Event;

/// One sheet named by the workbook.
pub(super) struct SheetEntry {
    pub name: String,
    pub hidden: bool,
    pub path: String,
}

pub(super) struct Relation {
    pub id: String,
    pub target: String,
    pub kind: String,
}

pub(super) fn relations(xml: &str) -> Option<Vec<Relation>> {
    let mut reader = str_reader(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let id = attr(&e, "Id")?.unwrap_or_default();
                let target = attr(&e, "Target")?.unwrap_or_default();
                let kind = attr(&e, "Type")?.unwrap_or_default();
                out.push(Relation { id, target, kind });
            }
            Event::Eof => return Some(out),
            _ => {}
        }
    }
}

pub(super) fn workbook_sheets(xml: &str, rels: &[Relation]) -> Option<Vec<SheetEntry>> {
    let mut reader = str_reader(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "workbookPr" => {
                    let d1904 = attr(&e, "date1904")?;
                    if d1904.is_some_and(|v| v == "1" || v == "true") {
                        return None;
                    }
                }
                "sheet" => {
                    let name = attr(&e, "name")??;
                    let state = attr(&e, "state")?;
                    let id = e.attributes().flatten().find(|a| a.key.local_name().as_ref() == "id")?;
                    let id = attr_text(&id.value)?;
                    let rel = rels.iter().find(|r| r.id == id)?;
                    // Worksheets only: chart and dialog sheets are calamine's to describe.
                    if !rel.kind.ends_with("/worksheet") {
                        return None;
                    }
                    let hidden = state.is_some_and(|s| s != "visible");
                    out.push(SheetEntry { name, hidden, path: part_path(&rel.target) });
                }
                _ => {}
            },
            Event::Eof => return Some(out),
            _ => {}
        }
    }
}

/// Whether each cell style (`cellXfs`, by index) shows a date or a time.
pub(super) fn date_styles(xml: &str) -> Option<Vec<bool>> {
    let mut reader = str_reader(xml);
    let mut custom: Vec<(u32, bool)> = Vec::new();
    let mut out = Vec::new();
    let mut in_xfs = false;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "numFmt" => {
                    let id = attr(&e, "numFmtId")?.and_then(|v| v.parse().ok());
                    let code = attr(&e, "formatCode")?.unwrap_or_default();
                    if let Some(id) = id {
                        custom.push((id, is_date_format(&code)));
                    }
                }
                "cellXfs" => in_xfs = true,
                "xf" if in_xfs => {
                    let id: u32 = attr(&e, "numFmtId")?.and_then(|v| v.parse().ok()).unwrap_or(0);
                    let date = match custom.iter().find(|(c, _)| *c == id) {
                        Some((_, d)) => *d,
                        None => is_builtin_date(id),
                    };
                    out.push(date);
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_xfs = false,
            Event::Eof => return Some(out),
            _ => {}
        }
    }
}

/// Excel's built-in date and time formats.
fn is_builtin_date(id: u32) -> bool {
    matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58)
}

/// Whether a custom number format shows a date or a time: a d, m, y, h or s
/// outside quotes, brackets (other than elapsed-time `[h]`, `[mm]`, `[ss]`) and
/// escapes, in its first section; or AM/PM.
fn is_date_format(code: &str) -> bool {
    let mut chars = code.chars().peekable();
    let mut in_quote = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => in_quote = !in_quote,
            _ if in_quote => {}
            '\\' | '_' | '*' => {
                chars.next();
            }
            ';' => return false,
            '[' => {
                let inner: String = chars.by_ref().take_while(|&c| c != ']').collect();
                let lower = inner.to_ascii_lowercase();
                if !lower.is_empty() && lower.chars().all(|c| matches!(c, 'h' | 'm' | 's')) {
                    return true;
                }
            }
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S' => return true,
            'a' | 'A' => {
                let rest: String = chars.clone().take(4).collect();
                if rest.to_ascii_lowercase().starts_with("m/pm") || rest.starts_with('/') {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}
