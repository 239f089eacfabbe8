//! The workbook's styles part with what the marks need added at the end of
//! its lists: a red and an amber fill, each problem cell's format cloned with
//! one of them (its font, border, alignment and number format kept), and two
//! formats for the problems sheet (a bold heading, wrapped text). Nothing that
//! was there changes place, so every cell keeps its own format.

use super::problems::Formats;
use super::xml::{attr, scan, tag_with, with_attrs, Edits, Kind};
use std::collections::HashMap;
use std::ops::Range;

/// Excel's limit on cell formats in a workbook.
pub const MAX_FORMATS: usize = 64_000;

/// A styles part with Excel's default formats only.
const DEFAULT: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>",
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>",
    "<fill><patternFill patternType=\"gray125\"/></fill></fills>",
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>",
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
    "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>",
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>",
    "</styleSheet>"
);

/// The fill colours (ARGB): an error's and a warning's.
const FILLS: [&str; 2] = ["FFFFC7CE", "FFFFEB9C"];

/// A list element of the styles part (`fonts`, `fills`, `cellXfs`).
#[derive(Debug, Default)]
struct List {
    /// The list's start tag, its raw text and whether it was empty (`<fills/>`).
    open: Range<usize>,
    open_raw: String,
    empty: bool,
    /// Where its end tag starts.
    close: usize,
    /// Its children's ranges.
    items: Vec<Range<usize>>,
    prefix: String,
}

/// The styles part, and the formats added to it.
#[derive(Debug)]
pub struct Styles {
    part: String,
    fonts: List,
    fills: List,
    xfs: List,
    new_fonts: Vec<String>,
    new_fills: Vec<String>,
    new_xfs: Vec<String>,
    marked: HashMap<(u32, bool), u32>,
}

impl Styles {
    /// [`Styles::read`], or — for a part that holds no cell formats at all
    /// (empty, or only its root) — Excel's default formats (the cells can name
    /// none but the first).
    pub fn read_or_default(part: String) -> Result<Styles, String> {
        if part.contains("cellXfs") {
            return Styles::read(part);
        }
        Styles::read(DEFAULT.to_string())
    }

    /// Reads the lists of `part` (the styles part's text).
    pub fn read(part: String) -> Result<Styles, String> {
        let (mut fonts, mut fills, mut xfs) = (List::default(), List::default(), List::default());
        let mut current: Option<&str> = None;
        let mut child_start = 0;
        scan(&part, |t, _| {
            let list = match current.or(Some(t.local)) {
                Some("fonts") => Some(&mut fonts),
                Some("fills") => Some(&mut fills),
                Some("cellXfs") => Some(&mut xfs),
                _ => None,
            };
            let Some(list) = list else { return true };
            if t.depth == 1 && t.kind != Kind::End {
                list.open = t.start..t.end;
                list.open_raw = t.raw(&part).to_string();
                list.prefix = t.prefix().to_string();
                list.empty = t.kind == Kind::Empty;
                list.close = t.end;
                let name = match t.local {
                    "fonts" => "fonts",
                    "fills" => "fills",
                    _ => "cellXfs",
                };
                current = (t.kind == Kind::Start).then_some(name);
            } else if t.depth == 1 {
                list.close = t.start;
                current = None;
            } else if t.depth == 2 {
                match t.kind {
                    Kind::Start => child_start = t.start,
                    Kind::Empty => list.items.push(t.start..t.end),
                    Kind::End => list.items.push(child_start..t.end),
                }
            }
            true
        })?;
        if xfs.items.is_empty() || fills.open.is_empty() || fonts.items.is_empty() {
            return Err("the styles part has no cell formats, fills or fonts".into());
        }
        Ok(Styles {
            part,
            fonts,
            fills,
            xfs,
            new_fonts: Vec::new(),
            new_fills: Vec::new(),
            new_xfs: Vec::new(),
            marked: HashMap::new(),
        })
    }

    fn xf_count(&self) -> usize {
        self.xfs.items.len() + self.new_xfs.len()
    }

    fn add_xf(&mut self, xf: String) -> Result<u32, String> {
        if self.xf_count() >= MAX_FORMATS {
            return Err(format!(
                "the workbook already has {} cell formats (Excel's limit is {MAX_FORMATS})",
                self.xf_count()
            ));
        }
        self.new_xfs.push(xf);
        Ok((self.xf_count() - 1) as u32)
    }

    /// The index of a fill of colour `argb`, added once.
    fn fill(&mut self, error: bool) -> u32 {
        let p = &self.fills.prefix;
        let [error_fill, warning_fill] = FILLS;
        let fill = format!(
            "<{p}fill><{p}patternFill patternType=\"solid\"><{p}fgColor rgb=\"{}\"/><{p}bgColor indexed=\"64\"/>\
             </{p}patternFill></{p}fill>",
            if error { error_fill } else { warning_fill }
        );
        let at = self.new_fills.iter().position(|f| *f == fill).unwrap_or_else(|| {
            self.new_fills.push(fill);
            self.new_fills.len() - 1
        });
        (self.fills.items.len() + at) as u32
    }

    /// The format of a problem cell whose own format is `xf`: the same, filled
    /// red (`error`) or amber.
    pub fn marked(&mut self, xf: u32, error: bool) -> Result<u32, String> {
        if let Some(&done) = self.marked.get(&(xf, error)) {
            return Ok(done);
        }
        let fill = self.fill(error);
        let base = self.xfs.items.get(xf as usize).or(self.xfs.items.first()).cloned().unwrap_or_default();
        let raw = self.part.get(base).unwrap_or("<xf/>").to_string();
        let mut tag = String::new();
        scan(&raw, |t, e| {
            if let Some(e) = e {
                tag = with_attrs(e, &[("fillId", &fill.to_string()), ("applyFill", "1")], t.kind == Kind::Empty);
                tag.push_str(raw.get(t.end..).unwrap_or(""));
            }
            false
        })?;
        let index = self.add_xf(tag)?;
        self.marked.insert((xf, error), index);
        Ok(index)
    }

    /// The formats of the problems sheet: a bold heading, wrapped text at the
    /// top of the cell, and both.
    pub fn list_formats(&mut self) -> Result<Formats, String> {
        let font = self.fonts.items.len() + self.new_fonts.len();
        let p = self.fonts.prefix.clone();
        let first = self.fonts.items.first().cloned().unwrap_or_default();
        let raw = self.part.get(first).unwrap_or("").to_string();
        // The workbook's first font, bold.
        let bold = match raw.find('>') {
            Some(i) if !raw.ends_with("/>") || i + 1 < raw.len() => {
                format!("{}<{p}b/>{}", raw.get(..=i).unwrap_or(""), raw.get(i + 1..).unwrap_or(""))
            }
            _ => format!("<{p}font><{p}b/></{p}font>"),
        };
        self.new_fonts.push(bold);
        let x = &self.xfs.prefix;
        let xf = |font: usize, wrap: bool| {
            let wrap = if wrap { format!("<{x}alignment vertical=\"top\" wrapText=\"1\"/>") } else { String::new() };
            format!(
                "<{x}xf numFmtId=\"0\" fontId=\"{font}\" fillId=\"0\" borderId=\"0\" applyFont=\"1\" \
                 applyAlignment=\"1\">{wrap}</{x}xf>"
            )
        };
        let (bold, wrap, bold_wrap) = (xf(font, false), xf(0, true), xf(font, true));
        Ok(Formats { bold: self.add_xf(bold)?, wrap: self.add_xf(wrap)?, bold_wrap: self.add_xf(bold_wrap)? })
    }

    /// The styles part with the added formats.
    pub fn finish(self) -> Result<String, String> {
        let mut edits = Edits::default();
        for (list, added) in
            [(&self.fonts, &self.new_fonts), (&self.fills, &self.new_fills), (&self.xfs, &self.new_xfs)]
        {
            if added.is_empty() {
                continue;
            }
            let count = (list.items.len() + added.len()).to_string();
            let open = tag_with(&list.open_raw, &[("count", &count)]);
            if list.empty {
                let name = open.trim_start_matches('<').split([' ', '>', '/']).next().unwrap_or("").to_string();
                let open = format!("{}>", open.trim_end_matches('>').trim_end_matches('/'));
                edits.replace(list.open.clone(), format!("{open}{}</{name}>", added.concat()));
            } else {
                edits.replace(list.open.clone(), open);
                edits.insert(list.close, added.concat());
            }
        }
        edits.apply(&self.part)
    }
}

/// The format index a cell's `s` attribute gives (0 when it has none).
pub fn style_of(e: &quick_xml::events::BytesStart) -> u32 {
    attr(e, "s").and_then(|s| s.parse().ok()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PART: &str = concat!(
        r#"<styleSheet xmlns="m"><fonts count="1"><font><sz val="11"/></font></fonts>"#,
        r#"<fills count="2"><fill><patternFill patternType="none"/></fill><fill>"#,
        r#"<patternFill patternType="gray125"/></fill></fills><cellXfs count="2">"#,
        r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>"#,
        r#"<xf numFmtId="4" fontId="0" fillId="0" borderId="1" applyNumberFormat="1">"#,
        r#"<alignment horizontal="center"/></xf></cellXfs></styleSheet>"#,
    );

    #[test]
    fn a_marked_format_keeps_everything_but_the_fill() {
        let mut s = Styles::read(PART.into()).unwrap();
        assert_eq!(s.marked(1, true).unwrap(), 2);
        assert_eq!(s.marked(1, true).unwrap(), 2, "cloned once");
        assert_eq!(s.marked(0, false).unwrap(), 3);
        let out = s.finish().unwrap();
        assert!(out.contains(r#"<fills count="4">"#) && out.contains(r#"<cellXfs count="4">"#), "{out}");
        assert!(
            out.contains(concat!(
                r#"<xf numFmtId="4" fontId="0" fillId="2" borderId="1" applyNumberFormat="1" applyFill="1">"#,
                r#"<alignment horizontal="center"/></xf>"#,
            )),
            "{out}"
        );
        assert!(out.contains(r#"<xf numFmtId="0" fontId="0" fillId="3" borderId="0" applyFill="1"/>"#), "{out}");
        assert!(out.contains("FFFFC7CE") && out.contains("FFFFEB9C"));
        assert!(out.starts_with(r#"<styleSheet xmlns="m"><fonts count="1"><font><sz val="11"/></font></fonts>"#));
    }

    #[test]
    fn the_list_formats_are_a_bold_font_and_a_wrap() {
        let mut s = Styles::read(PART.into()).unwrap();
        let f = s.list_formats().unwrap();
        assert_eq!((f.bold, f.wrap, f.bold_wrap), (2, 3, 4));
        let out = s.finish().unwrap();
        assert!(
            out.contains(r#"<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts>"#),
            "{out}"
        );
        assert!(out.contains(r#"fontId="1""#) && out.contains("wrapText"));
    }

    #[test]
    fn a_part_without_formats_gets_the_defaults() {
        let mut s = Styles::read_or_default("<styleSheet xmlns=\"m\"></styleSheet>".into()).unwrap();
        assert_eq!(s.marked(0, true).unwrap(), 1);
        assert!(s.finish().unwrap().contains("<cellXfs count=\"2\">"));
    }

    #[test]
    fn too_many_formats_is_an_error() {
        let xfs: String = (0..MAX_FORMATS).map(|_| "<xf/>").collect();
        let part = PART.replace(r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>"#, &xfs);
        let mut s = Styles::read(part).unwrap();
        assert!(s.marked(0, true).unwrap_err().contains("64000"));
    }
}
