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
#[inline(always)]
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

/// A cell's position, type and style, as its attributes say. (Inlined into
/// [`Scan::step`], as [`only_inline_text`] is: the reading worker's wasm-opt
/// does not inline a big function into its one caller (`index.html`); at a
/// bound of 400 bytes these two were left calls of their own for every cell,
/// and the streaming layout took 17 % longer 3 s after the page was ready.)
#[allow(clippy::type_complexity)]
#[inline(always)]
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
    let mut scan = Scan {
        xml,
        strings,
        dates,
        within,
        tags: Tags::new(xml, b"c")?,
        texts: Interner::default(),
        rows: Vec::new(),
        row_index: 0,
        col_index: 0,
        slots: 0,
        last_row: None,
    };
    loop {
        match scan.step()? {
            Flow::More => {}
            Flow::Done => return Some(scan.rows),
        }
    }
}

/// What the scanner carries from one tag to the next.
struct Scan<'x> {
    xml: &'x [u8],
    strings: &'x Strings,
    dates: &'x [bool],
    within: Option<Within>,
    tags: Tags<'x>,
    /// Each distinct inline string made once, as a shared string is.
    texts: Interner,
    rows: Vec<Vec<Value>>,
    row_index: usize,
    col_index: usize,
    slots: usize,
    last_row: Option<usize>,
}

/// After a tag: more to read, or the rows are all read.
enum Flow {
    More,
    Done,
}

/// How many tags one call of [`Scan::step`] reads.
const TAGS_PER_CALL: usize = 64;

impl Scan<'_> {
    /// Reads the next [`TAGS_PER_CALL`] tags (a cell whole); `None` when the
    /// XML reader should read the sheet.
    ///
    /// A call for some tags, not one loop over them all: the browser compiles
    /// a wasm function again, optimised, once it has run long, and a call
    /// already running keeps running unoptimised. As one loop, a big sheet
    /// read right after the page was ready was scanned unoptimised to its end;
    /// some tags at a time, the tags after the optimised code is ready use it.
    /// (One tag a call: the streaming layout 848 against 822 ms, within the noise.)
    #[inline(never)]
    fn step(&mut self) -> Option<Flow> {
        for _ in 0..TAGS_PER_CALL {
            if let Flow::Done = self.tag()? {
                return Some(Flow::Done);
            }
        }
        Some(Flow::More)
    }

    /// Reads the next tag (a cell whole).
    #[inline(always)]
    fn tag(&mut self) -> Option<Flow> {
        let xml = self.xml;
        // The end of the part before the end of the sheet's data: the XML reader's to say why.
        let (start, t) = self.tags.next()??;
        let at = self.tags.at;
        match (t.close, t.local) {
            (false, b"row") => {
                if let Some(r) = row_number(t.attrs)? {
                    self.row_index = r;
                }
                match self.within.map(|w| w.step(self.row_index, start, self.last_row.replace(self.row_index))) {
                    Some(Step::Stop) => return Some(Flow::Done),
                    Some(Step::Refuse) => return None,
                    Some(Step::SkipTo(from)) => {
                        self.tags.skip_to(from, !t.empty);
                        return Some(Flow::More);
                    }
                    _ => {}
                }
                if t.empty {
                    self.row_index += 1;
                    self.col_index = 0;
                }
            }
            (true, b"row") => {
                self.row_index += 1;
                self.col_index = 0;
            }
            (false, b"c") => {
                let (cell_at, kind, style) = cell_attributes(t.attrs)?;
                let (r, c) = cell_at.unwrap_or((self.row_index, self.col_index));
                self.col_index = c + 1;
                let date = style.is_some_and(|s| s.and_then(|i| self.dates.get(i).copied()).unwrap_or(false));
                let typed = kind.is_some();
                let kind = kind.unwrap_or(Kind::Number);
                let plain = matches!(kind, Kind::Number | Kind::Shared | Kind::Bool | Kind::Error);
                let inline = match kind == Kind::Inline && !t.empty {
                    true => only_inline_text(xml, at),
                    false => None,
                };
                let value = match (t.empty, plain.then(|| only_value(xml, at)).flatten(), inline) {
                    (true, ..) => Value::Empty,
                    (false, None, Some((text, next))) => {
                        self.tags.at = next;
                        Value::Text(self.texts.text(text))
                    }
                    (false, Some((raw, next)), _) => {
                        self.tags.at = next;
                        match (kind, decimal(raw)) {
                            (Kind::Shared, Some(i)) => Value::Text(self.strings.get(i)?.clone()),
                            _ => plain_value(std::str::from_utf8(raw).ok()?, kind, typed, date, self.strings)?,
                        }
                    }
                    (false, None, None) => {
                        // The XML reader, on this cell's own bytes.
                        let end = end_of(xml, at, b"c")?;
                        let mut reader = xml_of(xml.get(start..end)?);
                        reader.read_event().ok()?;
                        self.tags.at = end;
                        cell_value(&mut reader, kind, typed, date, self.strings)?
                    }
                };
                place(&mut self.rows, &mut self.slots, r, c, value)?;
            }
            (true, b"sheetData") => return Some(Flow::Done),
            (false, b"sheetData") if t.empty => return Some(Flow::Done),
            _ => {}
        }
        Some(Flow::More)
    }
}
