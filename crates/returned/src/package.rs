//! An `.xlsx`/`.xlsm` package sent back as it came, patched: each part is
//! copied byte for byte (still compressed) except the ones the marks need —
//! the styles, the marked sheets, their relationships and notes, the
//! workbook's sheet list, its relationships and the content types — and the
//! calculation chain, which is left out (Excel rebuilds it; its sheet numbers
//! would be off by the sheet put first).

use super::notes::{self, Notes};
use super::parts::{Parts, Rels};
use super::problems::{self, Problem, Words};
use super::sheet::{self, Cells};
use super::styles::Styles;
use super::xml::{attr, prefixed_attr_name, scan, with_attrs, Edits, Kind};

const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const CT: &str = "application/vnd.openxmlformats-officedocument.";

/// What to mark on one sheet, named as the workbook names it.
#[derive(Debug, Default, Clone)]
pub struct SheetMarks {
    pub name: String,
    pub cells: Cells,
    pub notes: Notes,
}

/// `bytes` (an `.xlsx`/`.xlsm` package) with `marks` made, `problems` listed on
/// a first sheet named `words.name` (made unique among the sheets).
pub fn patch(bytes: &[u8], marks: &[SheetMarks], problems: &[Problem], words: &Words) -> Result<Vec<u8>, String> {
    let mut parts = Parts::open(bytes)?;
    let root = Rels::read(&parts.text("_rels/.rels")?, "")?;
    let book_path = root.of_type("officeDocument").map(|r| r.target.clone()).ok_or("no workbook in the package")?;
    let book_rels_path = Rels::path_of(&book_path);
    let mut book_rels = Rels::read(&parts.text(&book_rels_path)?, &book_path)?;
    let book = parts.text(&book_path)?;
    let sheets = workbook_sheets(&book)?;

    let mut types = ContentTypes::default();
    // A workbook without formats (some writers leave the styles part out, or empty) gets Excel's defaults.
    let styles_path = match book_rels.of_type("styles").map(|r| r.target.clone()) {
        Some(path) if parts.has(&path) => path,
        _ => {
            let path = parts.free_name("xl/styles", ".xml");
            book_rels.add(&format!("{REL}styles"), &path);
            types.overrides.push((path.clone(), format!("{CT}spreadsheetml.styles+xml")));
            parts.set(&path, String::new());
            path
        }
    };
    let mut styles = Styles::read_or_default(parts.text(&styles_path)?)?;

    for (k, m) in marks.iter().enumerate() {
        let (_, rid) = sheets.iter().find(|(n, _)| *n == m.name).ok_or(format!("no sheet named {}", m.name))?;
        let path = book_rels.by_id(rid).map(|r| r.target.clone()).ok_or(format!("sheet {} has no part", m.name))?;
        let xml = parts.text(&path)?;
        let rels_path = Rels::path_of(&path);
        let mut rels = match parts.has(&rels_path) {
            true => Rels::read(&parts.text(&rels_path)?, &path)?,
            false => Rels::new(&path),
        };
        let legacy = sheet::legacy_drawing(&xml)?;
        let mut legacy_new = None;
        if !m.notes.is_empty() {
            let existing = rels.of_type("comments").map(|r| r.target.clone());
            let old = existing.as_deref().map(|p| parts.text(p)).transpose()?;
            let (comments, boxes) = notes::comments(old.as_deref(), &m.notes)?;
            let comments_path = match existing {
                Some(p) => p,
                None => {
                    let p = parts.free_name("xl/comments", ".xml");
                    rels.add(&format!("{REL}comments"), &p);
                    types.overrides.push((p.clone(), format!("{CT}spreadsheetml.comments+xml")));
                    p
                }
            };
            parts.set(&comments_path, comments);
            let vml_path = legacy.as_deref().and_then(|id| rels.by_id(id)).map(|r| r.target.clone());
            let old = vml_path.as_deref().map(|p| parts.text(p)).transpose()?;
            let vml = notes::drawing(old.as_deref(), &boxes, 50 + k as u32)?;
            let vml_path = match vml_path {
                Some(p) => p,
                None => {
                    let p = parts.free_name("xl/drawings/vmlDrawing", ".vml");
                    legacy_new = Some(rels.add(&format!("{REL}vmlDrawing"), &p));
                    types.vml = true;
                    p
                }
            };
            parts.set(&vml_path, vml);
        }
        let prefix = rel_prefix(&xml)?;
        let legacy_arg = legacy_new.as_deref().map(|id| (id, prefix.as_deref()));
        parts.set(&path, sheet::patch(&xml, &m.cells, &mut styles, legacy_arg)?);
        parts.set(&rels_path, rels.finish()?);
    }

    // The problems sheet, first.
    let formats = styles.list_formats()?;
    let list_path = parts.free_name("xl/worksheets/sheet", ".xml");
    parts.set(&list_path, problems::worksheet(problems, words, formats, None));
    types.overrides.push((list_path.clone(), format!("{CT}spreadsheetml.worksheet+xml")));
    let list_id = book_rels.add(&format!("{REL}worksheet"), &list_path);
    let taken: Vec<String> = sheets.iter().map(|(n, _)| n.clone()).collect();
    let list_name = super::sheet_name(words.name, &taken);
    parts.set(&book_path, first_sheet(&book, &list_name, &list_id)?);
    parts.set(&styles_path, styles.finish()?);

    // The calculation chain, left out.
    if let Some(chain) = book_rels.of_type("calcChain").map(|r| r.target.clone()) {
        book_rels.remove(&chain);
        types.removed.push(chain.clone());
        parts.remove(&chain);
    }
    parts.set(&book_rels_path, book_rels.finish()?);
    let ct = parts.text("[Content_Types].xml")?;
    parts.set("[Content_Types].xml", types.apply(&ct)?);
    parts.write()
}

/// The sheets of the workbook part: (name, relationship id), in order.
fn workbook_sheets(book: &str) -> Result<Vec<(String, String)>, String> {
    let mut sheets = Vec::new();
    scan(book, |t, e| {
        if t.local == "sheet" && t.depth == 2 {
            if let Some(e) = e {
                sheets.push((attr(e, "name").unwrap_or_default(), attr(e, ":id").unwrap_or_default()));
            }
        }
        true
    })?;
    Ok(sheets)
}

/// The prefix a part's root element gives the relationships namespace ("r").
fn rel_prefix(part: &str) -> Result<Option<String>, String> {
    let mut prefix = None;
    scan(part, |_, e| {
        if let Some(e) = e {
            prefix = e.attributes().flatten().find_map(|a| {
                let key = a.key.as_ref() as &str;
                (a.value == REL_NS).then(|| key.strip_prefix("xmlns:").map(str::to_string)).flatten()
            });
        }
        false
    })?;
    Ok(prefix)
}

/// The workbook part with the problems sheet first in its list: the sheet-local
/// defined names and the active tab moved along by one.
fn first_sheet(book: &str, name: &str, id: &str) -> Result<String, String> {
    let mut edits = Edits::default();
    let (mut sheets_open, mut views, mut id_attr, mut prefix) = (None, false, None, String::new());
    scan(book, |t, e| {
        match (t.local, t.kind, e) {
            ("sheets", Kind::Start, _) if t.depth == 1 => {
                sheets_open = Some((t.start, t.end));
                prefix = t.prefix().to_string();
            }
            ("sheet", _, Some(e)) if t.depth == 2 && id_attr.is_none() => id_attr = prefixed_attr_name(e, "id"),
            ("definedName", Kind::Start | Kind::Empty, Some(e)) => {
                if let Some(n) = attr(e, "localSheetId").and_then(|n| n.parse::<u32>().ok()) {
                    let n = (n + 1).to_string();
                    edits.replace(t.start..t.end, with_attrs(e, &[("localSheetId", &n)], t.kind == Kind::Empty));
                }
            }
            ("workbookView", Kind::Start | Kind::Empty, Some(e)) => {
                views = true;
                let shift = |k: &str, default: u32| attr(e, k).and_then(|n| n.parse::<u32>().ok()).unwrap_or(default);
                let active = (shift("activeTab", 0) + 1).to_string();
                let mut set = vec![("activeTab", active.as_str())];
                let first = (shift("firstSheet", 0) + 1).to_string();
                if shift("firstSheet", 0) > 0 {
                    set.push(("firstSheet", first.as_str()));
                }
                edits.replace(t.start..t.end, with_attrs(e, &set, t.kind == Kind::Empty));
            }
            _ => {}
        }
        true
    })?;
    let (Some((open, open_end)), Some(id_attr)) = (sheets_open, id_attr) else {
        return Err("the workbook part lists no sheets".into());
    };
    let escaped = super::xml::escape(name);
    let max_id = workbook_sheet_ids(book)?.into_iter().max().unwrap_or(0);
    // The relationships prefix declared on the element itself too: some writers bind it
    // on each <sheet>, not on the workbook's root.
    let ns = id_attr.split_once(':').map(|(p, _)| format!(" xmlns:{p}=\"{REL_NS}\"")).unwrap_or_default();
    let sheet = format!("<{prefix}sheet{ns} name=\"{escaped}\" sheetId=\"{}\" {id_attr}=\"{id}\"/>", max_id + 1);
    edits.insert(open_end, sheet);
    if !views {
        edits.insert(open, format!("<{prefix}bookViews><{prefix}workbookView activeTab=\"1\"/></{prefix}bookViews>"));
    }
    edits.apply(book)
}

fn workbook_sheet_ids(book: &str) -> Result<Vec<u32>, String> {
    let mut ids = Vec::new();
    scan(book, |t, e| {
        if let (true, Some(e)) = (t.local == "sheet" && t.depth == 2, e) {
            ids.extend(attr(e, "sheetId").and_then(|n| n.parse::<u32>().ok()));
        }
        true
    })?;
    Ok(ids)
}

/// What the content types part gains and loses.
#[derive(Default)]
struct ContentTypes {
    overrides: Vec<(String, String)>,
    removed: Vec<String>,
    vml: bool,
}

impl ContentTypes {
    fn apply(&self, part: &str) -> Result<String, String> {
        let mut edits = Edits::default();
        let (mut end, mut has_vml) = (None, false);
        scan(part, |t, e| {
            match (t.local, e) {
                ("Default", Some(e)) => {
                    has_vml |= attr(e, "Extension").is_some_and(|x| x.eq_ignore_ascii_case("vml"));
                }
                ("Override", Some(e)) => {
                    let name = attr(e, "PartName").unwrap_or_default();
                    if self.removed.iter().any(|r| format!("/{r}").eq_ignore_ascii_case(&name)) {
                        edits.replace(t.start..t.end, "");
                    }
                }
                ("Types", None) => end = Some(t.start),
                _ => {}
            }
            true
        })?;
        let end = end.ok_or("the content types part has no end")?;
        let mut add = String::new();
        if self.vml && !has_vml {
            add.push_str(&format!("<Default Extension=\"vml\" ContentType=\"{CT}vmlDrawing\"/>"));
        }
        for (name, ty) in &self.overrides {
            add.push_str(&format!("<Override PartName=\"/{name}\" ContentType=\"{ty}\"/>"));
        }
        edits.insert(end, add);
        edits.apply(part)
    }
}
