//! Text as Excel shows it: shared strings in one buffer, rich-text runs,
//! entities and `_xHHHH_` escapes.

use super::Xml;
use crate::import::cell::Text;
use crate::import::reader::xml::{attr, element_text};
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
/// # use otop_kpi::import::reader::xlsx_stream::unescape_excel;
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
