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
use super::text::{plain_text, Strings};
use super::xml_of;
use memchr::{memchr, memmem};
use otop_engine::imported::cell::{Interner, Value};

/// One tag: its local name (without a prefix), its attribute bytes, and where
/// the bytes after it start.
pub(super) struct Tag<'x> {
    pub(super) close: bool,
    /// `<x/>`.
    pub(super) empty: bool,
    pub(super) local: &'x [u8],
    attrs: &'x [u8],
    pub(super) next: usize,
}

/// The tag starting at `xml[at]`; `None` for anything that is not a plain
/// start or end tag (text, a comment, CDATA, a declaration) or is cut short.
pub(super) fn tag(xml: &[u8], at: usize) -> Option<Tag<'_>> {
    if xml.get(at) != Some(&b'<') {
        return None;
    }
    let bytes = xml.get(at + 1..)?;
    let close = bytes.first() == Some(&b'/');
    let from = usize::from(close);
    let name_len = bytes.get(from..)?.iter().position(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>'))?;
    let name = bytes.get(from..from + name_len)?;
    // A name of name characters only (a quote in it, the XML reader reads otherwise: a fuzz find).
    if !is_name(name) {
        return None;
    }
    // A `/` ends a name only as the `/>` of an empty element: the XML reader takes
    // `<sheetData/""/>` for an element named `sheetData/""` (a fuzz find).
    if bytes.get(from + name_len) == Some(&b'/') && (close || bytes.get(from + name_len + 1) != Some(&b'>')) {
        return None;
    }
    let local = match memchr::memrchr(b':', name) {
        Some(colon) => name.get(colon + 1..)?,
        None => name,
    };
    // The attributes run to the first `>` outside a quoted value.
    // (A loop, not memchr: the spans are a few bytes, shorter than its set-up.)
    let start = from + name_len;
    let mut i = start;
    let mut quote = None;
    loop {
        let b = *bytes.get(i)?;
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'>' => break,
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None => {}
        }
        i += 1;
    }
    let empty = i > start && bytes.get(i - 1) == Some(&b'/');
    let attrs = bytes.get(start..if empty { i - 1 } else { i })?;
    Some(Tag { close, empty, local, attrs, next: at + 1 + i + 1 })
}

/// Calls `each` with every attribute of a tag as (name, raw value); `None` when
/// they are not well formed, or when `each` says so.
fn attributes<'x>(attrs: &'x [u8], mut each: impl FnMut(&'x [u8], &'x [u8]) -> Option<()>) -> Option<()> {
    let mut rest = attrs;
    loop {
        rest = trim_start(rest);
        if rest.is_empty() {
            return Some(());
        }
        let eq = memchr(b'=', rest)?;
        let name = trim_end(rest.get(..eq)?);
        // A name of name characters (a fuzz find: `r="A2"B9"…`, an attribute
        // run into the next, which the XML reader refuses).
        if !is_name(name) {
            return None;
        }
        rest = trim_start(rest.get(eq + 1..)?);
        let q = *rest.first()?;
        if q != b'"' && q != b'\'' {
            return None;
        }
        let end = memchr(q, rest.get(1..)?)? + 1;
        each(name, rest.get(1..end)?)?;
        rest = rest.get(end + 1..)?;
        if rest.first().is_some_and(|b| !is_space(b)) {
            return None;
        }
    }
}

/// Whether `name` is a name as the scanner reads them: name characters only,
/// not starting with a digit.
fn is_name(name: &[u8]) -> bool {
    let name_byte = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'.' | b'-') || !b.is_ascii();
    !name.is_empty() && name.iter().all(name_byte) && !name.first().is_some_and(|b| b.is_ascii_digit())
}

/// A decimal number written in ASCII digits only.
fn decimal(digits: &[u8]) -> Option<usize> {
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    digits.iter().try_fold(0usize, |n, b| b.is_ascii_digit().then(|| n * 10 + usize::from(b - b'0')))
}

fn is_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| is_space(b)).count();
    s.get(n..).unwrap_or_default()
}

fn trim_end(s: &[u8]) -> &[u8] {
    let n = s.iter().rev().take_while(|b| is_space(b)).count();
    s.get(..s.len() - n).unwrap_or_default()
}

/// Past the whitespace from `at`.
fn skip_space(xml: &[u8], mut at: usize) -> usize {
    while xml.get(at).is_some_and(is_space) {
        at += 1;
    }
    at
}

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

/// Where the XML declaration at the start of a part ends; `None` for any other
/// processing instruction (the XML reader's rules for those differ: a fuzz find).
pub(super) fn declaration_end(xml: &[u8], at: usize) -> Option<usize> {
    if at != 0 || !xml.starts_with(b"<?xml ") {
        return None;
    }
    Some(memmem::find(xml, b"?>")? + 2)
}

/// Where the element `local` (any prefix) whose content starts at `at` ends:
/// past the first end tag of that name. `None` when another element of that
/// name opens first — the XML reader pairs such tags its own way (an empty
/// `<si/>` inside a rich string ends the string there: a fuzz find) — or when
/// an end tag is not one the scanner reads.
pub(super) fn end_of(xml: &[u8], at: usize, local: &[u8]) -> Option<usize> {
    let mut from = at;
    loop {
        let lt = from + memchr(b'<', xml.get(from..)?)?;
        let Some(t) = tag(xml, lt) else {
            // Text, an instruction: skipped, as before; a broken end tag: the XML reader's.
            if xml.get(lt + 1) == Some(&b'/') {
                return None;
            }
            from = lt + 1;
            continue;
        };
        if t.local == local {
            return t.close.then_some(t.next);
        }
        from = t.next;
    }
}

/// Whether the scanner can read this XML: UTF-8 throughout (as the XML reader
/// requires, found by fuzzing: a stray byte in an attribute the scanner skips),
/// no comment, CDATA or doctype, a tag first.
pub(super) fn plain_xml(xml: &[u8]) -> bool {
    xml.first() == Some(&b'<') && memmem::find(xml, b"<!").is_none() && std::str::from_utf8(xml).is_ok()
}

/// A part's tags in order, for the scanner: the declaration skipped, and the
/// elements open counted as the XML reader counts them — an end tag with none
/// open is an error there (found by fuzzing), so it is here. The element the
/// caller reads whole (a cell, a shared string) leaves the count as it was.
pub(super) struct Tags<'x> {
    xml: &'x [u8],
    /// Where the next tag is looked for (the caller moves it past what it read).
    pub(super) at: usize,
    depth: usize,
    whole: &'static [u8],
}

impl<'x> Tags<'x> {
    /// `None` when the scanner cannot read the part (see [`plain_xml`]).
    pub(super) fn new(xml: &'x [u8], whole: &'static [u8]) -> Option<Tags<'x>> {
        plain_xml(xml).then_some(Tags { xml, at: 0, depth: 0, whole })
    }

    /// The next tag and where it starts; `Some(None)` at the end of the part;
    /// `None` for what the XML reader should read.
    pub(super) fn next(&mut self) -> Option<Option<(usize, Tag<'x>)>> {
        // A reference in text between tags (or after the last) is the XML reader's
        // to resolve or refuse (fuzz finds: `&#2ggg` between elements, `&1` at the end).
        let rest = self.xml.get(self.at..)?;
        let Some(lt) = memchr(b'<', rest) else { return memchr(b'&', rest).is_none().then_some(None) };
        let start = self.at + lt;
        if memchr(b'&', self.xml.get(self.at..start)?).is_some() {
            return None;
        }
        if self.xml.get(start + 1) == Some(&b'?') {
            self.at = declaration_end(self.xml, start)?;
            return self.next();
        }
        let t = tag(self.xml, start)?;
        self.at = t.next;
        if t.close {
            self.depth = self.depth.checked_sub(1)?;
        } else if !t.empty && t.local != self.whole {
            self.depth += 1;
        }
        Some(Some((start, t)))
    }
}

/// A sheet's cells as rows, or `None` when the XML reader should read it.
pub(super) fn rows(xml: &[u8], strings: &Strings, dates: &[bool]) -> Option<Vec<Vec<Value>>> {
    let mut tags = Tags::new(xml, b"c")?;
    // Each distinct inline string made once, as a shared string is.
    let mut texts = Interner::default();
    let mut rows: Vec<Vec<Value>> = Vec::new();
    let (mut row_index, mut col_index, mut slots) = (0usize, 0usize, 0usize);
    while let Some((start, t)) = tags.next()? {
        let at = tags.at;
        match (t.close, t.local) {
            (false, b"row") => {
                let mut r = None;
                attributes(t.attrs, |k, v| match k {
                    b"r" if r.is_some() => None,
                    b"r" => {
                        r = Some(v);
                        Some(())
                    }
                    _ => Some(()),
                })?;
                if let Some(v) = r {
                    row_index = std::str::from_utf8(v).ok()?.parse::<usize>().ok()?.checked_sub(1)?;
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
                let (mut cell_at, mut kind, mut style) = (None, None, None);
                attributes(t.attrs, |k, v| {
                    match k {
                        b"r" => cell_at = Some(position(v)?),
                        b"t" => kind = Some(Kind::of(Some(v))?),
                        b"s" => style = Some(decimal(v).or_else(|| std::str::from_utf8(v).ok()?.parse().ok())),
                        _ => {}
                    }
                    Some(())
                })?;
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
