//! Reading an XML part as tags with their byte ranges, so a part is changed by
//! splicing new text in at exact places and every other byte stays as it was.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// What kind of tag a [`Tag`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Start,
    Empty,
    End,
}

/// One tag of a part: its kind, its local name, its qualified name, where it
/// is (`start..end`, bytes of the part) and its depth (the root is 0).
#[derive(Debug, Clone)]
pub struct Tag<'a> {
    pub kind: Kind,
    pub local: &'a str,
    pub name: &'a str,
    pub start: usize,
    pub end: usize,
    pub depth: usize,
}

impl<'a> Tag<'a> {
    /// The tag's text in `part`.
    pub fn raw<'p>(&self, part: &'p str) -> &'p str {
        part.get(self.start..self.end).unwrap_or("")
    }

    /// The prefix of the tag's name with its colon ("x:"), or "".
    pub fn prefix(&self) -> &'a str {
        self.name.strip_suffix(self.local).unwrap_or("")
    }
}

/// The tags of `part`, in order, each with its attributes handed to `each`
/// (none for an end tag); `each` returns false to stop.
pub fn scan(part: &str, mut each: impl FnMut(&Tag<'_>, Option<&BytesStart>) -> bool) -> Result<(), String> {
    let mut reader = Reader::from_str(part);
    reader.config_mut().trim_text(false);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    loop {
        let start = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| format!("XML: {e}"))?;
        let end = reader.buffer_position() as usize;
        let (kind, e) = match &event {
            Event::Start(e) => (Kind::Start, Some(e)),
            Event::Empty(e) => (Kind::Empty, Some(e)),
            Event::End(_) => (Kind::End, None),
            Event::Eof => return Ok(()),
            _ => continue,
        };
        let (local, name): (&str, &str) = match (&event, e) {
            (_, Some(e)) => (e.local_name().into_inner(), e.name().into_inner()),
            (Event::End(e), None) => (e.local_name().into_inner(), e.name().into_inner()),
            _ => continue,
        };
        if kind == Kind::End {
            depth = depth.saturating_sub(1);
        }
        let tag = Tag { kind, local, name, start, end, depth };
        if kind == Kind::Start {
            depth += 1;
        }
        if !each(&tag, e) {
            return Ok(());
        }
    }
}

fn utf8(name: &str) -> String {
    name.to_string()
}

/// The value of attribute `key` (a qualified name, "r" or "r:id"; or ":id" for
/// "id" under any prefix), unescaped.
pub fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let name = a.key.as_ref() as &str;
        let hit = match key.strip_prefix(':') {
            Some(local) => name.rsplit_once(':').is_some_and(|(_, l)| l == local),
            None => name == key,
        };
        hit.then(|| quick_xml::escape::unescape(&a.value).map(|v| v.into_owned()).unwrap_or_default())
    })
}

/// The qualified name of the attribute whose local name is `local` under any
/// prefix ("r:id" for "id"), if the tag has one.
pub fn prefixed_attr_name(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let name = a.key.as_ref() as &str;
        name.rsplit_once(':').filter(|(_, l)| *l == local).map(|_| name.to_string())
    })
}

/// The start (or empty) tag `e` written again with each attribute of `set`
/// given its value (added at the end when it was not there); the other
/// attributes as they were.
pub fn with_attrs(e: &BytesStart, set: &[(&str, &str)], empty: bool) -> String {
    let mut out = format!("<{}", utf8(e.name().as_ref()));
    let mut found = vec![false; set.len()];
    for a in e.attributes().with_checks(false).flatten() {
        let name = utf8(a.key.as_ref());
        let v = match set.iter().position(|(k, _)| *k == name) {
            Some(i) => {
                if let Some(f) = found.get_mut(i) {
                    *f = true;
                }
                set.get(i).map(|(_, v)| escape(v)).unwrap_or_default()
            }
            None => a.value.replace('"', "&quot;"),
        };
        out.push_str(&format!(" {name}=\"{v}\""));
    }
    for ((k, v), _) in set.iter().zip(&found).filter(|(_, f)| !**f) {
        out.push_str(&format!(" {k}=\"{}\"", escape(v)));
    }
    out.push_str(if empty { "/>" } else { ">" });
    out
}

/// A start tag's text (`<a x="1">`) with each attribute of `set` given its value.
pub fn tag_with(tag: &str, set: &[(&str, &str)]) -> String {
    let mut out = tag.to_string();
    let _ = scan(tag, |t, e| {
        if let Some(e) = e {
            out = with_attrs(e, set, t.kind == Kind::Empty);
        }
        false
    });
    out
}

/// Text escaped for an XML attribute or element.
pub fn escape(text: &str) -> String {
    // Control characters other than tab and line breaks are not allowed in XML 1.0.
    let clean: String = text.chars().filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).collect();
    quick_xml::escape::escape(clean.as_str()).into_owned()
}

/// Text edits of one part: (byte offset, bytes to remove, text to put there).
#[derive(Debug, Default)]
pub struct Edits(Vec<(usize, usize, String)>);

impl Edits {
    /// Puts `text` at `at`.
    pub fn insert(&mut self, at: usize, text: impl Into<String>) {
        self.0.push((at, 0, text.into()));
    }

    /// Replaces `range` of the part with `text`.
    pub fn replace(&mut self, range: std::ops::Range<usize>, text: impl Into<String>) {
        self.0.push((range.start, range.end.saturating_sub(range.start), text.into()));
    }

    /// `part` with the edits made (edits at one offset keep the order they were
    /// given in; a replacement that overlaps an earlier one is an error).
    pub fn apply(mut self, part: &str) -> Result<String, String> {
        self.0.sort_by_key(|(at, _, _)| *at);
        let mut out = String::with_capacity(part.len() + self.0.iter().map(|e| e.2.len()).sum::<usize>());
        let mut from = 0;
        for (at, len, text) in self.0 {
            let kept = part.get(from..at).ok_or("overlapping edits")?;
            out.push_str(kept);
            out.push_str(&text);
            from = at + len;
        }
        out.push_str(part.get(from..).ok_or("an edit past the end")?);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_come_with_their_exact_places_and_depths() {
        let part = r#"<a x="1"><b/><c>t</c></a>"#;
        let mut seen = Vec::new();
        scan(part, |t, _| {
            seen.push((t.local.to_string(), t.kind, t.raw(part).to_string(), t.depth));
            true
        })
        .unwrap();
        assert_eq!(seen[0], ("a".into(), Kind::Start, r#"<a x="1">"#.into(), 0));
        assert_eq!(seen[1], ("b".into(), Kind::Empty, "<b/>".into(), 1));
        assert_eq!(seen[4], ("a".into(), Kind::End, "</a>".into(), 0));
    }

    #[test]
    fn an_attribute_is_set_and_the_others_kept() {
        let part = r#"<c r="B2" s='3' t="s">"#;
        let mut out = String::new();
        scan(part, |_, e| {
            out = with_attrs(e.unwrap(), &[("s", "9")], false);
            false
        })
        .unwrap();
        assert_eq!(out, r#"<c r="B2" s="9" t="s">"#);
    }

    #[test]
    fn edits_splice_in_order() {
        let mut e = Edits::default();
        e.insert(3, "X");
        e.replace(0..1, "Z");
        assert_eq!(e.apply("abcdef").unwrap(), "ZbcXdef");
    }
}
