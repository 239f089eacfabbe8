//! The notes on problem cells, as Excel keeps them: a comments part (the texts)
//! and a legacy VML drawing (the yellow boxes). A sheet that has notes already
//! keeps them: a problem cell that has one gets ours below its text, and the
//! other cells get new ones; the drawing gets a box for each new note.

use super::xml::{attr, escape, scan, Edits, Kind};
use otop_model::imported::cell::{parse_reference, reference};
use std::collections::BTreeMap;

/// Who the notes are by.
pub const AUTHOR: &str = "otop-kpi";

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/// The notes to add to one sheet: (0-based row, 0-based column) → the text.
pub type Notes = BTreeMap<(u32, u32), String>;

/// A note's text as a run of a comment.
fn run(text: &str) -> String {
    format!("<r><rPr><sz val=\"10\"/><rFont val=\"Tahoma\"/></rPr><t xml:space=\"preserve\">{}</t></r>", escape(text))
}

/// The comments part with `notes` added: `existing` (the sheet's comments part,
/// if it has one) or a new part. Returns the part and the cells that need a
/// box in the drawing (those that had no note).
pub fn comments(existing: Option<&str>, notes: &Notes) -> Result<(String, Vec<(u32, u32)>), String> {
    let Some(part) = existing else {
        let list: String = notes
            .iter()
            .map(|(&(r, c), text)| {
                format!("<comment ref=\"{}\" authorId=\"0\"><text>{}</text></comment>", reference(r, c), run(text))
            })
            .collect();
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<comments xmlns=\"{MAIN}\"><authors>\
             <author>{AUTHOR}</author></authors><commentList>{list}</commentList></comments>"
        );
        return Ok((xml, notes.keys().copied().collect()));
    };
    let mut edits = Edits::default();
    let (mut authors, mut authors_end, mut list_end, mut prefix) = (0usize, None, None, None);
    let mut current: Option<(u32, u32)> = None;
    let mut had: Vec<(u32, u32)> = Vec::new();
    scan(part, |t, e| {
        match (t.local, t.kind, t.depth) {
            (_, Kind::Start, 0) => prefix = Some(t.prefix().to_string()),
            ("author", Kind::Start | Kind::Empty, 2) => authors += 1,
            ("authors", Kind::End, 1) => authors_end = Some(t.start),
            ("commentList", Kind::End, 1) => list_end = Some(t.start),
            ("comment", Kind::Start, 2) => {
                current = e.and_then(|e| attr(e, "ref")).and_then(|r| parse_reference(r.as_bytes()));
            }
            ("text", Kind::End, 3) => {
                if let Some(at) = current.filter(|at| notes.contains_key(at)) {
                    let text = notes.get(&at).map(String::as_str).unwrap_or("");
                    edits.insert(t.start, run(&format!("\n\n{AUTHOR}:\n{text}")));
                    had.push(at);
                }
            }
            _ => {}
        }
        true
    })?;
    let (Some(authors_end), Some(list_end), Some("")) = (authors_end, list_end, prefix.as_deref()) else {
        return Err("the sheet's comments part is not laid out as Excel lays it out".into());
    };
    edits.insert(authors_end, format!("<author>{AUTHOR}</author>"));
    let new: Vec<(u32, u32)> = notes.keys().filter(|at| !had.contains(at)).copied().collect();
    let list: String = new
        .iter()
        .map(|&(r, c)| {
            let text = notes.get(&(r, c)).map(String::as_str).unwrap_or("");
            format!("<comment ref=\"{}\" authorId=\"{authors}\"><text>{}</text></comment>", reference(r, c), run(text))
        })
        .collect();
    edits.insert(list_end, list);
    Ok((edits.apply(part)?, new))
}

/// The prefixes (with their colons) a drawing binds to the VML, Office and
/// Excel namespaces: "v:", "o:", "x:" as Excel writes them; openpyxl's are "ns1:",
/// "ns0:", "ns2:".
struct Prefixes {
    v: String,
    o: String,
    x: String,
}

impl Prefixes {
    const VML: &'static str = "urn:schemas-microsoft-com:vml";
    const OFFICE: &'static str = "urn:schemas-microsoft-com:office:office";
    const EXCEL: &'static str = "urn:schemas-microsoft-com:office:excel";

    fn standard() -> Prefixes {
        Prefixes { v: "v:".into(), o: "o:".into(), x: "x:".into() }
    }

    /// The prefixes the root element of `part` declares, if it declares all three.
    fn of(part: &str) -> Result<Prefixes, String> {
        let mut found: [Option<String>; 3] = [None, None, None];
        scan(part, |_, e| {
            for a in e.into_iter().flat_map(|e| e.attributes().flatten()) {
                let key: &str = a.key.as_ref();
                let prefix = match key.strip_prefix("xmlns") {
                    Some("") => String::new(),
                    Some(p) if p.starts_with(':') => format!("{}:", &p[1..]),
                    _ => continue,
                };
                let at = [Self::VML, Self::OFFICE, Self::EXCEL].iter().position(|ns| a.value == *ns);
                if let Some(slot) = at.and_then(|i| found.get_mut(i)) {
                    *slot = Some(prefix);
                }
            }
            false
        })?;
        match found {
            [Some(v), Some(o), Some(x)] => Ok(Prefixes { v, o, x }),
            _ => Err("the sheet's drawing part does not declare the VML namespaces".into()),
        }
    }

    fn shape_type(&self) -> String {
        let Prefixes { v, o, .. } = self;
        format!(
            "<{v}shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" {o}spt=\"202\" \
             path=\"m,l,21600r21600,l21600,xe\"><{v}stroke joinstyle=\"miter\"/><{v}path gradientshapeok=\"t\" \
             {o}connecttype=\"rect\"/></{v}shapetype>"
        )
    }

    /// The box of one note.
    fn shape(&self, id: u32, (row, col): (u32, u32)) -> String {
        let Prefixes { v, o, x } = self;
        format!(
            "<{v}shape id=\"_x0000_s{id}\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:80pt;\
             margin-top:2pt;width:270pt;height:120pt;z-index:{id};visibility:hidden\" fillcolor=\"#ffffe1\" \
             {o}insetmode=\"auto\"><{v}fill color2=\"#ffffe1\"/><{v}shadow on=\"t\" color=\"black\" obscured=\"t\"/>\
             <{v}path {o}connecttype=\"none\"/><{v}textbox style=\"mso-direction-alt:auto\">\
             <div style=\"text-align:left\"></div></{v}textbox><{x}ClientData ObjectType=\"Note\">\
             <{x}MoveWithCells/><{x}SizeWithCells/>\
             <{x}Anchor>{}, 15, {}, 2, {}, 15, {}, 16</{x}Anchor><{x}AutoFill>False</{x}AutoFill><{x}Row>{row}</{x}Row>\
             <{x}Column>{col}</{x}Column></{x}ClientData></{v}shape>",
            col + 1,
            row,
            col + 5,
            row + 7
        )
    }
}

/// The drawing with a box for each of `cells`: `existing` (the sheet's VML
/// drawing) with them added before its end, or a new drawing; `block` is a
/// number no other drawing of the workbook uses (its shapes are numbered from
/// `block × 1024`).
pub fn drawing(existing: Option<&str>, cells: &[(u32, u32)], block: u32) -> Result<String, String> {
    let Some(part) = existing else {
        let p = Prefixes::standard();
        let first = block.saturating_mul(1024).saturating_add(1);
        let shapes: String = cells.iter().zip(first..).map(|(&at, id)| p.shape(id, at)).collect();
        return Ok(format!(
            "<xml xmlns:v=\"{}\" xmlns:o=\"{}\" xmlns:x=\"{}\"><o:shapelayout v:ext=\"edit\"><o:idmap \
             v:ext=\"edit\" data=\"{block}\"/></o:shapelayout>{}{shapes}</xml>",
            Prefixes::VML,
            Prefixes::OFFICE,
            Prefixes::EXCEL,
            p.shape_type()
        ));
    };
    let p = Prefixes::of(part)?;
    // Numbers after the highest shape number the drawing uses (its own block).
    let used = part.split("_x0000_s").skip(1).filter_map(|piece| {
        let digits: String = piece.chars().take_while(char::is_ascii_digit).collect();
        digits.parse::<u32>().ok()
    });
    let top = used.max().unwrap_or(block.saturating_mul(1024));
    let end = part.rfind("</").ok_or("the sheet's drawing part does not end as VML does")?;
    let has_type = part.contains("\"_x0000_t202\"");
    let shapes: String = cells.iter().zip(top.saturating_add(1)..).map(|(&at, id)| p.shape(id, at)).collect();
    let mut edits = Edits::default();
    edits.insert(end, format!("{}{shapes}", if has_type { String::new() } else { p.shape_type() }));
    edits.apply(part)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notes(list: &[(u32, u32, &str)]) -> Notes {
        list.iter().map(|&(r, c, t)| ((r, c), t.to_string())).collect()
    }

    #[test]
    fn new_notes_make_a_part_of_their_own() {
        let (part, boxes) = comments(None, &notes(&[(6, 1, "ผิด <ตรงนี้>")])).unwrap();
        assert!(part.contains("<comment ref=\"B7\" authorId=\"0\">") && part.contains("ผิด &lt;ตรงนี้&gt;"), "{part}");
        assert_eq!(boxes, [(6, 1)]);
        let vml = drawing(None, &boxes, 3).unwrap();
        assert!(vml.contains("data=\"3\"") && vml.contains("_x0000_s3073") && vml.contains("<x:Row>6</x:Row>"));
    }

    #[test]
    fn a_cell_with_a_note_keeps_it_and_gets_ours_below() {
        let part = concat!(
            r#"<comments xmlns="m"><authors><author>สมชาย</author></authors><commentList>"#,
            r#"<comment ref="J13" authorId="0"><text><t>ตรวจแล้ว</t></text></comment></commentList>"#,
            r#"</comments>"#,
        );
        let (out, boxes) = comments(Some(part), &notes(&[(12, 9, "อำเภอผิด"), (9, 25, "#REF!")])).unwrap();
        assert!(out.contains("<t>ตรวจแล้ว</t><r>"), "{out}");
        assert!(out.contains("otop-kpi:\nอำเภอผิด"), "{out}");
        assert!(out.contains("<author>สมชาย</author><author>otop-kpi</author>"), "{out}");
        assert!(out.contains("<comment ref=\"Z10\" authorId=\"1\">"), "{out}");
        assert_eq!(boxes, [(9, 25)], "only the new note needs a box");
    }

    #[test]
    fn boxes_are_added_to_a_drawing_after_its_highest_number() {
        let vml = concat!(
            r#"<xml xmlns:v="urn:schemas-microsoft-com:vml" "#,
            r#"xmlns:o="urn:schemas-microsoft-com:office:office" "#,
            r#"xmlns:x="urn:schemas-microsoft-com:office:excel">"#,
            r#"<v:shape id="_x0000_s1026"/></xml>"#,
        );
        let out = drawing(Some(vml), &[(0, 0)], 2).unwrap();
        assert!(out.contains("_x0000_s1027") && out.ends_with("</v:shape></xml>"), "{out}");
        assert!(out.contains("_x0000_t202"));
    }

    #[test]
    fn boxes_use_the_prefixes_the_drawing_declares() {
        let vml = concat!(
            r#"<xml xmlns:ns0="urn:schemas-microsoft-com:office:office" "#,
            r#"xmlns:ns1="urn:schemas-microsoft-com:vml" "#,
            r#"xmlns:ns2="urn:schemas-microsoft-com:office:excel">"#,
            r#"<ns1:shapetype id="_x0000_t202"/><ns1:shape id="_x0000_s1026"/></xml>"#,
        );
        let out = drawing(Some(vml), &[(0, 0)], 2).unwrap();
        assert!(out.contains("<ns1:shape id=\"_x0000_s1027\"") && out.contains("<ns2:ClientData"), "{out}");
        assert!(!out.contains("<v:") && !out.contains("<x:") && !out.contains(" o:"), "{out}");
    }
}
