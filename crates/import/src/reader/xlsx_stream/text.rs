//! Text as Excel shows it: shared strings in one buffer, rich-text runs,
//! entities and `_xHHHH_` escapes.

use super::tags::{end_of, Tags};
use super::{xml_of, Xml};
use crate::reader::xml::{attr, element_text};
use otop_model::imported::cell::Text;
use quick_xml::events::Event;

/// The shared strings, each made once: a cell takes its string by index and
/// holds it without a copy.
#[derive(Default)]
pub(super) struct Strings {
    items: Vec<Text>,
}

impl Strings {
    pub(super) fn get(&self, i: usize) -> Option<&Text> {
        self.items.get(i)
    }

    pub(super) fn len(&self) -> usize {
        self.items.len()
    }
}

/// Reads the text of an `<si>` or `<is>` element up to its end, as Excel shows
/// it: rich-text runs joined, phonetic runs left out, text outside
/// `xml:space="preserve"` trimmed, `_xHHHH_` escapes decoded.
pub(super) fn rich_text(reader: &mut Xml<'_>, end: &str) -> Option<String> {
    let mut out = String::new();
    let mut phonetic = 0u32;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == "rPh" => phonetic += 1,
            Event::End(e) if e.local_name().as_ref() == "rPh" => phonetic = phonetic.saturating_sub(1),
            Event::Start(e) if e.local_name().as_ref() == "t" && phonetic == 0 => {
                let preserve = attr(&e, "xml:space")?.is_some_and(|v| v == "preserve");
                let text = element_text(reader)?;
                let text = if preserve { text.as_str() } else { text.trim_matches([' ', '\t', '\r', '\n']) };
                out.push_str(&unescape_excel(text)?);
            }
            Event::End(e) if e.local_name().as_ref() == end => return Some(out),
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// Decodes Excel's `_xHHHH_` escapes (`_x000D_` for a carriage return).
///
/// ```
/// # use otop_import::reader::xlsx_stream::unescape_excel;
/// assert_eq!(unescape_excel("a_x000D_b").as_deref(), Some("a\rb"));
/// assert_eq!(unescape_excel("no_xescape_").as_deref(), Some("no_xescape_"));
/// ```
pub fn unescape_excel(s: &str) -> Option<String> {
    if !s.contains("_x") {
        return Some(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let hex = after.get(..4).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        match hex.filter(|_| after.as_bytes().get(4) == Some(&b'_')) {
            Some(h) => {
                out.push(char::from_u32(u32::from_str_radix(h, 16).ok()?)?);
                rest = &after[5..];
            }
            None => {
                out.push_str("_x");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Some(out)
}

/// The shared strings, scanned byte by byte: `<si><t>text</t></si>` read in
/// place, any other string (rich text, references, escapes, line ends) by the
/// XML reader from its own bytes; `None` when the XML reader should read the
/// whole part.
pub(super) fn scanned_strings(xml: &[u8]) -> Option<Strings> {
    let mut tags = Tags::new(xml, b"si")?;
    let mut strings = Strings::default();
    while let Some((start, t)) = tags.next()? {
        let at = tags.at;
        if t.close || t.local != b"si" {
            continue;
        }
        if t.empty {
            strings.items.push(Text::from(""));
            continue;
        }
        if let Some((text, next)) = plain_string(xml, at) {
            strings.items.push(text);
            tags.at = next;
            continue;
        }
        let end = end_of(xml, at, b"si")?;
        let mut reader = xml_of(xml.get(start..end)?);
        reader.read_event().ok()?;
        strings.items.push(rich_text(&mut reader, "si")?.into());
        tags.at = end;
    }
    Some(strings)
}

/// `<t>text</t></si>` (or with `xml:space="preserve"`) at `at`, when the text
/// needs nothing done but the trim: the string, and where `</si>` ends.
fn plain_string(xml: &[u8], at: usize) -> Option<(Text, usize)> {
    plain_text(xml, at, b"</t></si>").map(|(text, next)| (Text::from(text), next))
}

/// `<t>text</t>` (or `<t xml:space="preserve">`) at `at` followed by `close`
/// (the end tags of what holds it: `</t></si>`, `</t></is></c>`), when the text
/// needs nothing done but the trim (no reference, no carriage return, no
/// `_xHHHH_` escape): the text as Excel shows it, and where `close` ends.
pub(super) fn plain_text<'x>(xml: &'x [u8], at: usize, close: &[u8]) -> Option<(&'x str, usize)> {
    const PRESERVE: &[u8] = b"<t xml:space=\"preserve\">";
    let rest = xml.get(at..)?;
    let (preserve, rest) = match rest.strip_prefix(b"<t>") {
        Some(r) => (false, r),
        None => (true, rest.strip_prefix(PRESERVE)?),
    };
    let len = memchr::memchr(b'<', rest)?;
    let raw = rest.get(..len)?;
    if rest.get(len..len + close.len()) != Some(close) || memchr::memchr2(b'&', b'\r', raw).is_some() {
        return None;
    }
    let text = std::str::from_utf8(raw).ok()?;
    let text = if preserve { text } else { text.trim_matches([' ', '\t', '\r', '\n']) };
    if text.contains("_x") {
        return None;
    }
    let opened = if preserve { PRESERVE.len() } else { 3 };
    Some((text, at + opened + len + close.len()))
}

pub(super) fn shared_strings(mut reader: Xml<'_>) -> Option<Strings> {
    let mut strings = Strings::default();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == "si" => {
                strings.items.push(rich_text(&mut reader, "si")?.into());
            }
            Event::Empty(e) if e.local_name().as_ref() == "si" => strings.items.push(Text::from("")),
            Event::Eof => return Some(strings),
            _ => {}
        }
    }
}
