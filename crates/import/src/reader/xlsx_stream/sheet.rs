//! A sheet's XML streamed into rows of cells, placed as calamine places them.

use super::text::{rich_text, unescape_excel, Strings};
use super::Xml;
use crate::reader::xml::{element_text, skip_element};
use otop_model::imported::cell::{self, Value, MAX_CELLS, MAX_ROWS};
use quick_xml::events::Event;

/// `B5` → (4, 1), 0-based; `None` past Excel's last column (XFD) or row
/// ([`cell::parse_reference`]).
#[inline]
pub(super) fn position(r: &[u8]) -> Option<(usize, usize)> {
    let (row, col) = cell::parse_reference(r)?;
    Some((usize::try_from(row).ok()?, usize::try_from(col).ok()?))
}

/// A cell's type attribute `t`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Number,
    Shared,
    Bool,
    Error,
    Formula,
    Inline,
    Date,
}

impl Kind {
    /// The kind of `t`; `None` for a type calamine does not know either.
    pub(super) fn of(t: Option<&[u8]>) -> Option<Kind> {
        Some(match t {
            None | Some(b"n") => Kind::Number,
            Some(b"s") => Kind::Shared,
            Some(b"b") => Kind::Bool,
            Some(b"e") => Kind::Error,
            Some(b"str") => Kind::Formula,
            Some(b"inlineStr") => Kind::Inline,
            Some(b"d") => Kind::Date,
            Some(_) => return None,
        })
    }
}

/// What a cell element holds (its value is its last `<v>`, `<is>` or `<f>` child's).
pub(super) fn cell_value(
    reader: &mut Xml<'_>,
    kind: Kind,
    typed: bool,
    date: bool,
    strings: &Strings,
) -> Option<Value> {
    let mut value = Value::Empty;
    loop {
        // 1: <v>, 2: <is>, 3: <f>.
        let child = match reader.read_event().ok()? {
            Event::Start(e) => match e.local_name().as_ref() {
                "v" => 1,
                "is" => 2,
                "f" => 3,
                _ => return None,
            },
            Event::End(e) if e.local_name().as_ref() == "c" => return Some(value),
            Event::Eof => return None,
            _ => continue,
        };
        value = match (child, kind) {
            (2, _) => Value::Text(rich_text(reader, "is")?.into()),
            (1, Kind::Inline) | (3, _) => {
                skip_element(reader)?;
                Value::Empty
            }
            (1, Kind::Formula) => Value::Text(unescape_excel(&element_text(reader)?)?.into()),
            (1, Kind::Date) => Value::Text(element_text(reader)?.into()),
            _ => {
                // Plain values: the first text, as calamine takes it.
                let raw = first_text(reader)?;
                plain_value(raw, kind, typed, date, strings)?
            }
        };
    }
}

/// The first text inside the element just opened, then past its end.
fn first_text<'x>(reader: &mut Xml<'x>) -> Option<&'x str> {
    let text = match reader.read_event().ok()? {
        Event::Text(t) => match t.into_inner() {
            std::borrow::Cow::Borrowed(s) => s,
            std::borrow::Cow::Owned(_) => return None,
        },
        Event::End(_) => return Some(""),
        Event::Eof => return None,
        _ => "",
    };
    skip_element(reader)?;
    Some(text)
}

pub(super) fn plain_value(raw: &str, kind: Kind, typed: bool, date: bool, strings: &Strings) -> Option<Value> {
    Some(match kind {
        _ if raw.is_empty() => Value::Empty,
        Kind::Shared => Value::Text(strings.get(raw.parse().ok()?)?.clone()),
        Kind::Bool => match raw.trim() {
            "1" | "true" => Value::Bool(true),
            "0" | "false" => Value::Bool(false),
            _ => return None,
        },
        Kind::Error => match raw {
            "#DIV/0!" | "#N/A" | "#NAME?" | "#NULL!" | "#NUM!" | "#REF!" | "#VALUE!" => Value::Error(raw.to_string()),
            _ => return None,
        },
        Kind::Number => match raw.parse::<f64>() {
            Ok(f) if date => Value::Date(f),
            Ok(f) => Value::Float(f),
            Err(_) if !typed => Value::Text(raw.into()),
            Err(_) => return None,
        },
        _ => return None,
    })
}

/// Puts a cell's value at row `r`, column `c`, within the limits as the
/// calamine path checks them (over them, calamine reads the file: `None`).
pub(super) fn place(rows: &mut Vec<Vec<Value>>, slots: &mut usize, r: usize, c: usize, value: Value) -> Option<()> {
    if r >= MAX_ROWS || *slots > MAX_CELLS || c >= 16_384 {
        return None;
    }
    if rows.len() <= r {
        rows.resize_with(r + 1, Vec::new);
    }
    let row = rows.get_mut(r)?;
    if row.len() <= c {
        *slots += c + 1 - row.len();
        row.resize(c + 1, Value::Empty);
    }
    *row.get_mut(c)? = value;
    Some(())
}

/// A sheet's cells as rows, placed as calamine places them.
pub(super) fn rows(mut reader: Xml<'_>, strings: &Strings, dates: &[bool]) -> Option<Vec<Vec<Value>>> {
    let mut rows: Vec<Vec<Value>> = Vec::new();
    let (mut row_index, mut col_index, mut slots) = (0usize, 0usize, 0usize);
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == "row" => {
                // A row number has no references to resolve: read it in place.
                if let Some(r) = e.try_get_attribute("r").ok()? {
                    row_index = r.value.parse::<usize>().ok()?.checked_sub(1)?;
                }
            }
            Event::End(e) if e.local_name().as_ref() == "row" => {
                row_index += 1;
                col_index = 0;
            }
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                let (mut at, mut t, mut style) = (None, None, None);
                for a in e.attributes().with_checks(false) {
                    let a = a.ok()?;
                    match a.key.as_ref() {
                        "r" => at = Some(position(a.value.as_bytes())?),
                        "t" => t = Some(Kind::of(Some(a.value.as_bytes()))?),
                        "s" => style = Some(a.value.parse::<usize>().ok()),
                        _ => {}
                    }
                }
                let (r, c) = at.unwrap_or((row_index, col_index));
                col_index = c + 1;
                let date = style.is_some_and(|s| s.and_then(|i| dates.get(i).copied()).unwrap_or(false));
                let kind = t.unwrap_or(Kind::Number);
                let value = cell_value(&mut reader, kind, t.is_some(), date, strings)?;
                place(&mut rows, &mut slots, r, c, value)?;
            }
            Event::End(e) if e.local_name().as_ref() == "sheetData" => return Some(rows),
            Event::Eof => return None,
            _ => {}
        }
    }
}
