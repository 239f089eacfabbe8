//! A sheet's XML scanned byte by byte, for the cells nearly every workbook is
//! made of: `<c r="B7" s="3" t="s"><v>12</v></c>`, `<c r="B8"/>`, and the
//! inline strings of streaming writers (Apache POI's SXSSF and the like),
//! `<c r="C7" t="inlineStr"><is><t>text</t></is></c>`. Their values are read in
//! place — no XML events — a shared string is taken by its index, and an inline
//! string is made once per distinct text (an [`Interner`]), as a shared string
//! is. Any other cell (a formula, a rich inline string, a date typed as text, a
//! value with a reference in it) is read by the XML reader ([`super::sheet`])
//! from its own bytes; a sheet with comments, CDATA or a doctype is left to the
//! XML reader whole (`None`).
//!
//! The cells land where [`super::sheet::rows`] places them; the differential
//! tests (`tests/xlsx_stream.rs`) hold both to calamine's cells.

use super::sheet::{cell_value, place, plain_value, position, Kind};
use super::tags::{attributes, decimal, end_of, skip_space, tag, Tags};
use super::text::{plain_text, Strings};
use super::xml_of;
use memchr::memchr;
use otop_model::imported::cell::{Interner, Value};

/// The raw text of a cell that is only `<v>text</v>` (or `<v/>`), and where
/// the cell's end tag ends; `None` when the cell holds anything else.
fn only_value(xml: &[u8], at: usize) -> Option<(&[u8], usize)> {
    // As Excel and most writers write it: `<v>text</v></c>`.
    if let Some(rest) = xml.get(at..).and_then(|r| r.strip_prefix(b"<v>")) {
        let len = rest.iter().position(|b| *b == b'<')?;
        let raw = rest.get(..len)?;
        if rest.get(len..len + 8) == Some(b"</v></c>") && memchr(b'&', raw).is_none() {
            return Some((raw, at + 3 + len + 8));
        }
    }
    let v = tag(xml, skip_space(xml, at))?;
    if v.close || v.local != b"v" {
        return None;
    }
    let (raw, after) = if v.empty {
        (&b""[..], v.next)
    } else {
        let end = v.next + memchr(b'<', xml.get(v.next..)?)?;
        let raw = xml.get(v.next..end)?;
        let close = tag(xml, end)?;
        if !close.close || close.local != b"v" || memchr(b'&', raw).is_some() {
            return None;
        }
        (raw, close.next)
    };
    let c = tag(xml, skip_space(xml, after))?;
    (c.close && c.local == b"c").then_some((raw, c.next))
}

/// The text of an inline-string cell that is only `<is><t>text</t></is>` (see
/// [`plain_text`]), and where the cell's end tag ends.
fn only_inline_text(xml: &[u8], at: usize) -> Option<(&str, usize)> {
    xml.get(at..)?.starts_with(b"<is>").then(|| plain_text(xml, at + 4, b"</t></is></c>")).flatten()
}

/// A sheet's cells as rows, or `None` when the XML reader should read it.
pub(super) fn rows(xml: &[u8], strings: &Strings, dates: &[bool]) -> Option<Vec<Vec<Value>>> {
    rows_within(xml, strings, dates, None)
}

/// The rows of a sheet one part of it reads (see [`super::read_part`]): its
/// first `head` rows, then from the row at byte `from` on, until — past the
/// byte the next part's rows begin at — a row of index `until.1` or more.
/// The rows must be numbered in order: a row out of order, or the last row
/// met before the next part's bytes, is a sheet not to read in parts (`None`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Within {
    pub head: usize,
    pub from: usize,
    pub until: Option<(usize, usize)>,
}

/// A cell's position, type and style, as its attributes say.
#[allow(clippy::type_complexity)]
fn cell_attributes(attrs: &[u8]) -> Option<(Option<(usize, usize)>, Option<Kind>, Option<Option<usize>>)> {
    let (mut cell_at, mut kind, mut style) = (None, None, None);
    attributes(attrs, |k, v| {
        match k {
            b"r" => cell_at = Some(position(v)?),
            b"t" => kind = Some(Kind::of(Some(v))?),
            b"s" => style = Some(decimal(v).or_else(|| std::str::from_utf8(v).ok()?.parse().ok())),
            _ => {}
        }
        Some(())
    })?;
    Some((cell_at, kind, style))
}

/// What to do at a row's start tag, reading some rows of a sheet.
enum Step {
    Read,
    Stop,
    SkipTo(usize),
    Refuse,
}

impl Within {
    /// At the start of row `row`, at byte `at`, after row `last`.
    fn step(self, row: usize, at: usize, last: Option<usize>) -> Step {
        match self.until {
            _ if last.is_some_and(|last| row <= last) => Step::Refuse,
            Some((next, until)) if row >= until && at >= next => Step::Stop,
            Some((_, until)) if row >= until => Step::Refuse,
            _ if row >= self.head && at < self.from => Step::SkipTo(self.from),
            _ => Step::Read,
        }
    }
}

/// A row's number (its index from 0) as its `r` attribute says; `Some(None)`
/// without one, `None` for a number that is not one, or two.
pub(super) fn row_number(attrs: &[u8]) -> Option<Option<usize>> {
    let mut r = None;
    attributes(attrs, |k, v| match k {
        b"r" if r.is_some() => None,
        b"r" => {
            r = Some(v);
            Some(())
        }
        _ => Some(()),
    })?;
    match r {
        Some(v) => Some(Some(std::str::from_utf8(v).ok()?.parse::<usize>().ok()?.checked_sub(1)?)),
        None => Some(None),
    }
}

/// The cells of the rows `within` says (all rows when `None`) — the rest of
/// the sheet's rows left empty — or `None` when the XML reader should read it.
pub(super) fn rows_within(
    xml: &[u8],
    strings: &Strings,
    dates: &[bool],
    within: Option<Within>,
) -> Option<Vec<Vec<Value>>> {
    let mut tags = Tags::new(xml, b"c")?;
    // Each distinct inline string made once, as a shared string is.
    let mut texts = Interner::default();
    let mut rows: Vec<Vec<Value>> = Vec::new();
    let (mut row_index, mut col_index, mut slots) = (0usize, 0usize, 0usize);
    let mut last_row: Option<usize> = None;
    while let Some((start, t)) = tags.next()? {
        let at = tags.at;
        match (t.close, t.local) {
            (false, b"row") => {
                if let Some(r) = row_number(t.attrs)? {
                    row_index = r;
                }
                match within.map(|w| w.step(row_index, start, last_row.replace(row_index))) {
                    Some(Step::Stop) => return Some(rows),
                    Some(Step::Refuse) => return None,
                    Some(Step::SkipTo(from)) => {
                        tags.skip_to(from, !t.empty);
                        continue;
                    }
                    _ => {}
                }
                if t.empty {
                    row_index += 1;
                    col_index = 0;
                }
            }
            (true, b"row") => {
                row_index += 1;
                col_index = 0;
            }
            (false, b"c") => {
                let (cell_at, kind, style) = cell_attributes(t.attrs)?;
                let (r, c) = cell_at.unwrap_or((row_index, col_index));
                col_index = c + 1;
                let date = style.is_some_and(|s| s.and_then(|i| dates.get(i).copied()).unwrap_or(false));
                let typed = kind.is_some();
                let kind = kind.unwrap_or(Kind::Number);
                let plain = matches!(kind, Kind::Number | Kind::Shared | Kind::Bool | Kind::Error);
                let inline = (kind == Kind::Inline && !t.empty).then(|| only_inline_text(xml, at)).flatten();
                let value = match (t.empty, plain.then(|| only_value(xml, at)).flatten(), inline) {
                    (true, ..) => Value::Empty,
                    (false, None, Some((text, next))) => {
                        tags.at = next;
                        Value::Text(texts.text(text))
                    }
                    (false, Some((raw, next)), _) => {
                        tags.at = next;
                        match (kind, decimal(raw)) {
                            (Kind::Shared, Some(i)) => Value::Text(strings.get(i)?.clone()),
                            _ => plain_value(std::str::from_utf8(raw).ok()?, kind, typed, date, strings)?,
                        }
                    }
                    (false, None, None) => {
                        // The XML reader, on this cell's own bytes.
                        let end = end_of(xml, at, b"c")?;
                        let mut reader = xml_of(xml.get(start..end)?);
                        reader.read_event().ok()?;
                        tags.at = end;
                        cell_value(&mut reader, kind, typed, date, strings)?
                    }
                };
                place(&mut rows, &mut slots, r, c, value)?;
            }
            (true, b"sheetData") => return Some(rows),
            (false, b"sheetData") if t.empty => return Some(rows),
            _ => {}
        }
    }
    None
}
