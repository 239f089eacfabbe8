//! The parts of a zip package, read once, changed in memory and written again
//! with every unchanged part copied as it was stored; and a part's
//! relationships (`_rels/*.rels`).

use super::xml::{attr, escape, scan, Edits, Kind};
use otop_import::guard::MAX_PART_BYTES;
use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// A package being patched.
pub struct Parts<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// The parts' names as stored, in order, and by lower-case name.
    names: Vec<String>,
    lower: HashMap<String, usize>,
    changed: HashMap<String, String>,
    added: Vec<String>,
    removed: HashSet<String>,
}

impl<'a> Parts<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Parts<'a>, String> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("the zip container: {e}"))?;
        let mut names_in_order = Vec::with_capacity(zip.len());
        for i in 0..zip.len() {
            let name = zip.name_for_index(i).and_then(Result::ok).ok_or(format!("part {i} has no readable name"))?;
            names_in_order.push(name.into_owned());
        }
        let lower = names_in_order.iter().enumerate().map(|(i, n)| (n.to_lowercase(), i)).collect();
        Ok(Parts {
            zip,
            names: names_in_order,
            lower,
            changed: HashMap::new(),
            added: Vec::new(),
            removed: HashSet::new(),
        })
    }

    /// The stored name of part `name` (part names ignore case).
    fn stored(&self, name: &str) -> Option<&str> {
        self.lower.get(&name.to_lowercase()).and_then(|&i| self.names.get(i)).map(String::as_str)
    }

    pub fn has(&self, name: &str) -> bool {
        self.stored(name).is_some() || self.changed.contains_key(name)
    }

    /// Part `name` as text (its changed text, if it was changed).
    pub fn text(&mut self, name: &str) -> Result<String, String> {
        if let Some(t) = self.changed.get(name) {
            return Ok(t.clone());
        }
        let stored = self.stored(name).ok_or(format!("no part {name}"))?.to_string();
        let file = self.zip.by_name(&stored).map_err(|e| format!("part {name}: {e}"))?;
        let mut bytes = Vec::new();
        file.take(MAX_PART_BYTES).read_to_end(&mut bytes).map_err(|e| format!("part {name}: {e}"))?;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").map(<[u8]>::to_vec).unwrap_or(bytes);
        String::from_utf8(bytes).map_err(|_| format!("part {name} is not UTF-8 text"))
    }

    /// Sets part `name` to `text` (a new part when there was none).
    pub fn set(&mut self, name: &str, text: String) {
        let key = self.stored(name).map(str::to_string).unwrap_or_else(|| name.to_string());
        if self.stored(&key).is_none() && !self.added.contains(&key) {
            self.added.push(key.clone());
        }
        self.changed.insert(key, text);
    }

    pub fn remove(&mut self, name: &str) {
        if let Some(s) = self.stored(name).map(str::to_string) {
            self.removed.insert(s);
        }
    }

    /// A part name `{stem}{n}{ext}` no part has.
    pub fn free_name(&self, stem: &str, ext: &str) -> String {
        (1..).map(|n| format!("{stem}{n}{ext}")).find(|n| !self.has(n) && !self.added.contains(n)).unwrap_or_default()
    }

    /// The package: the parts in their order (unchanged ones copied as stored),
    /// then the new ones.
    pub fn write(mut self) -> Result<Vec<u8>, String> {
        let mut out = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        let fail = |e: zip::result::ZipError| format!("writing the package: {e}");
        for i in 0..self.names.len() {
            let name = self.names.get(i).cloned().unwrap_or_default();
            if self.removed.contains(&name) {
                continue;
            }
            match self.changed.remove(&name) {
                Some(text) => {
                    out.start_file(name.as_str(), options).map_err(fail)?;
                    out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
                }
                None => {
                    let file = self.zip.by_index_raw(i).map_err(|e| format!("part {name}: {e}"))?;
                    out.raw_copy_file(file).map_err(fail)?;
                }
            }
        }
        for name in &self.added {
            let text = self.changed.remove(name).unwrap_or_default();
            out.start_file(name.as_str(), options).map_err(fail)?;
            out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
        }
        out.finish().map(Cursor::into_inner).map_err(fail)
    }
}

/// One relationship.
#[derive(Debug, Clone)]
pub struct Rel {
    pub id: String,
    pub kind: String,
    /// The target as a part name (resolved against the source's folder), or as
    /// written when it is external.
    pub target: String,
}

/// A part's relationships, and what is added and removed.
pub struct Rels {
    text: Option<String>,
    rels: Vec<Rel>,
    /// Where each relationship's tag is, and the end tag.
    places: Vec<std::ops::Range<usize>>,
    end: usize,
    added: Vec<Rel>,
    removed: Vec<String>,
}

/// `target` resolved against the folder of part `source`.
fn resolve(source: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = source.split('/').collect();
    parts.pop();
    for piece in target.split('/') {
        match piece {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

impl Rels {
    /// The relationships part of part `source` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels").
    pub fn path_of(source: &str) -> String {
        match source.rsplit_once('/') {
            Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
            None => format!("_rels/{source}.rels"),
        }
    }

    /// No relationships yet, for part `source`.
    pub fn new(_source: &str) -> Rels {
        Rels { text: None, rels: Vec::new(), places: Vec::new(), end: 0, added: Vec::new(), removed: Vec::new() }
    }

    /// Reads a relationships part of part `source` ("" for the package's own).
    pub fn read(text: &str, source: &str) -> Result<Rels, String> {
        let mut rels = Rels::new(source);
        let mut end = None;
        scan(text, |t, e| {
            match (t.local, t.kind, e) {
                ("Relationship", Kind::Empty | Kind::Start, Some(e)) => {
                    let external = attr(e, "TargetMode").is_some_and(|m| m == "External");
                    let target = attr(e, "Target").unwrap_or_default();
                    let target = if external { target } else { resolve(source, &target) };
                    let id = attr(e, "Id").unwrap_or_default();
                    rels.rels.push(Rel { id, kind: attr(e, "Type").unwrap_or_default(), target });
                    rels.places.push(t.start..t.end);
                }
                ("Relationships", Kind::End, _) => end = Some(t.start),
                _ => {}
            }
            true
        })?;
        rels.end = end.ok_or("a relationships part has no end")?;
        rels.text = Some(text.to_string());
        Ok(rels)
    }

    /// The first relationship whose type ends with `/kind` ("styles").
    pub fn of_type(&self, kind: &str) -> Option<&Rel> {
        let suffix = format!("/{kind}");
        self.rels.iter().find(|r| r.kind.ends_with(&suffix))
    }

    pub fn by_id(&self, id: &str) -> Option<&Rel> {
        self.rels.iter().chain(&self.added).find(|r| r.id == id)
    }

    /// Adds a relationship of type `kind` to part `target`; returns its id.
    pub fn add(&mut self, kind: &str, target: &str) -> String {
        let id = (1..).map(|n| format!("rIdOtop{n}")).find(|id| self.by_id(id).is_none()).unwrap_or_default();
        self.added.push(Rel { id: id.clone(), kind: kind.to_string(), target: target.to_string() });
        id
    }

    /// Removes the relationship(s) to part `target`.
    pub fn remove(&mut self, target: &str) {
        self.removed.push(target.to_string());
    }

    /// The relationships part.
    pub fn finish(self) -> Result<String, String> {
        let added: String = self
            .added
            .iter()
            .map(|r| format!("<Relationship Id=\"{}\" Type=\"{}\" Target=\"/{}\"/>", r.id, r.kind, escape(&r.target)))
            .collect();
        let Some(text) = self.text else {
            return Ok(format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships \
                 xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{added}</Relationships>"
            ));
        };
        let mut edits = Edits::default();
        for (rel, place) in self.rels.iter().zip(&self.places) {
            if self.removed.contains(&rel.target) {
                edits.replace(place.clone(), "");
            }
        }
        edits.insert(self.end, added);
        edits.apply(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_their_part() {
        assert_eq!(resolve("xl/workbook.xml", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(resolve("xl/worksheets/sheet1.xml", "../comments1.xml"), "xl/comments1.xml");
        assert_eq!(resolve("xl/workbook.xml", "/xl/styles.xml"), "xl/styles.xml");
        assert_eq!(resolve("", "xl/workbook.xml"), "xl/workbook.xml");
        assert_eq!(Rels::path_of("xl/worksheets/sheet2.xml"), "xl/worksheets/_rels/sheet2.xml.rels");
    }
}
