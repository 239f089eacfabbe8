//! XML text as both XML readers need it (the streaming `.xlsx` reader and the
//! Excel 2003 XML reader): an element's text with its references resolved,
//! attributes unescaped, elements skipped.

use quick_xml::events::{BytesStart, Event};

/// An XML reader over borrowed bytes.
pub(super) type Xml<'x> = quick_xml::Reader<&'x [u8]>;

/// The text of the element just opened, up to its end: text, CDATA and
/// references, with XML 1.0 line ends.
pub(super) fn element_text(reader: &mut Xml<'_>) -> Option<String> {
    let mut out = String::new();
    let mut depth = 0u32;
    loop {
        match reader.read_event().ok()? {
            Event::Text(t) => out.push_str(&t.xml10_content()),
            Event::CData(t) => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => out.push(entity(&r)?),
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => return Some(out),
            Event::End(_) => depth -= 1,
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The character of the reference `&name;` or `&#n;` in text; `None` for an
/// entity XML does not define.
fn entity(r: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    reference(r.as_ref())
}

/// The character a reference's name stands for: `amp`, `lt`, `gt`, `quot`,
/// `apos`, `#n` or `#xh`.
pub(super) fn reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => name.strip_prefix('#')?.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// Reads past the end of the element just opened.
pub(super) fn skip_element(reader: &mut Xml<'_>) -> Option<()> {
    let mut depth = 0u32;
    loop {
        match reader.read_event().ok()? {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => return Some(()),
            Event::End(_) => depth -= 1,
            Event::Eof => return None,
            _ => {}
        }
    }
}
/// An attribute's unescaped value.
pub(super) fn attr(e: &BytesStart<'_>, name: &str) -> Option<Option<String>> {
    match e.try_get_attribute(name) {
        Ok(Some(a)) => Some(Some(attr_text(&a.value)?)),
        Ok(None) => Some(None),
        Err(_) => None,
    }
}

/// An attribute's raw value with its references resolved.
pub(super) fn attr_text(raw: &str) -> Option<String> {
    if !raw.contains('&') {
        return Some(raw.to_string());
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find(';')? + at;
        let name = &rest[at + 1..end];
        let c = reference(name)?;
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}
