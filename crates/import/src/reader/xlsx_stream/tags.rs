//! A part's XML as tags, byte by byte, for the scanner (`scan`) and the shared
//! strings' reader (`text`): a tag's name and attributes, where an element ends,
//! and the tags of a part in order, counted as the XML reader counts them.

use memchr::{memchr, memmem};

/// One tag: its local name (without a prefix), its attribute bytes, and where
/// the bytes after it start.
pub(super) struct Tag<'x> {
    pub(super) close: bool,
    /// `<x/>`.
    pub(super) empty: bool,
    pub(super) local: &'x [u8],
    pub(super) attrs: &'x [u8],
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
pub(super) fn attributes<'x>(attrs: &'x [u8], mut each: impl FnMut(&'x [u8], &'x [u8]) -> Option<()>) -> Option<()> {
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
pub(super) fn is_name(name: &[u8]) -> bool {
    let name_byte = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'.' | b'-') || !b.is_ascii();
    !name.is_empty() && name.iter().all(name_byte) && !name.first().is_some_and(|b| b.is_ascii_digit())
}

/// A decimal number written in ASCII digits only.
pub(super) fn decimal(digits: &[u8]) -> Option<usize> {
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    digits.iter().try_fold(0usize, |n, b| b.is_ascii_digit().then(|| n * 10 + usize::from(b - b'0')))
}

pub(super) fn is_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

pub(super) fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| is_space(b)).count();
    s.get(n..).unwrap_or_default()
}

pub(super) fn trim_end(s: &[u8]) -> &[u8] {
    let n = s.iter().rev().take_while(|b| is_space(b)).count();
    s.get(..s.len() - n).unwrap_or_default()
}

/// Past the whitespace from `at`.
pub(super) fn skip_space(xml: &[u8], mut at: usize) -> usize {
    while xml.get(at).is_some_and(is_space) {
        at += 1;
    }
    at
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

    /// Goes on at `at`, a start tag of the depth of the element the last tag
    /// read opened (`inside`) or of its own.
    pub(super) fn skip_to(&mut self, at: usize, inside: bool) {
        self.at = at;
        if inside {
            self.depth = self.depth.saturating_sub(1);
        }
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
