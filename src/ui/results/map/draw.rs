//! The map's SVG, drawn with DOM calls (SPEC §5.2): paths with their hooks and
//! titles, the scores written on them, the hatch, the notes and the legend.
//! Names and titles are set as text, never parsed as markup.

use wasm_bindgen::JsCast;

/// One shape of a map as drawn ([`draw_map`]).
pub struct MapShape {
    /// The area's name (its `data-district` or `data-province`).
    pub name: String,
    /// The area's index in the run, when the run has it (`data-index`).
    pub index: Option<usize>,
    pub score: Option<u8>,
    pub class: String,
    /// What pointing at it says (its `<title>`).
    pub title: String,
    pub path: String,
    /// Where and what is written on it.
    pub label: Option<((i32, i32), String)>,
}

/// A map as drawn: an SVG of paths, with SPEC §8's hooks.
pub struct MapDrawing {
    pub testid: &'static str,
    pub class: &'static str,
    /// The id of the caption that says what the map shows.
    pub labelled_by: &'static str,
    pub size: (u32, u32),
    /// `data-district` or `data-province`.
    pub attribute: &'static str,
    /// The id of the hatch pattern of areas with no score.
    pub hatch: &'static str,
    pub shapes: Vec<MapShape>,
    /// What the map leaves out (the run's areas it has no shape for).
    pub note: Option<String>,
    /// The legend's entries: a swatch's class (none: a heading) and its words.
    pub legend: Vec<(String, String)>,
}

const SVG: &str = "http://www.w3.org/2000/svg";

fn svg_element(doc: &web_sys::Document, tag: &str, attributes: &[(&str, &str)]) -> Option<web_sys::Element> {
    let el = doc.create_element_ns(Some(SVG), tag).ok()?;
    for (name, value) in attributes {
        let _ = el.set_attribute(name, value);
    }
    Some(el)
}

/// An HTML element of `class` with `text`.
fn html_element(doc: &web_sys::Document, tag: &str, class: &str, text: Option<&str>) -> Option<web_sys::Element> {
    let el = doc.create_element(tag).ok()?;
    let _ = el.set_attribute("class", class);
    el.set_text_content(text);
    Some(el)
}

/// Draws a map in `holder` (what was there goes), or only `why_none` when
/// there is none. Built with DOM calls (its names and titles as text, never as
/// markup): a few KB of the page's wasm where a view of the same SVG costs tens.
pub fn draw_map(holder: &web_sys::Element, drawing: Option<&MapDrawing>, why_none: Option<&str>) {
    holder.set_text_content(None);
    let Some(doc) = holder.owner_document() else { return };
    // Under the map: what it leaves out, and what the area pointed at has.
    let note = html_element(&doc, "p", "map-note", drawing.and_then(|d| d.note.as_deref()).or(why_none));
    if let Some(note) = &note {
        let _ = note.set_attribute("role", "note");
        let _ = note.set_attribute("data-testid", "map-note");
    }
    let Some(d) = drawing else {
        if let Some(note) = note {
            let _ = holder.append_child(&note);
        }
        return;
    };
    let info = html_element(&doc, "p", "map-info no-print", None);
    if let Some(info) = &info {
        let _ = info.set_attribute("aria-live", "polite");
        let _ = info.set_attribute("data-testid", "map-info");
    }
    if let Some(svg) = svg_of(&doc, d) {
        let _ = holder.append_child(&svg);
    }
    for p in [note, info, legend_of(&doc, &d.legend)].into_iter().flatten() {
        let _ = holder.append_child(&p);
    }
}

/// The hatch the areas with no score are filled with.
fn hatch_of(doc: &web_sys::Document, id: &str) -> Option<web_sys::Element> {
    let attributes = [
        ("id", id),
        ("width", "12"),
        ("height", "12"),
        ("patternUnits", "userSpaceOnUse"),
        ("patternTransform", "rotate(45)"),
    ];
    let hatch = svg_element(doc, "pattern", &attributes)?;
    let ground = svg_element(doc, "rect", &[("class", "hatch-ground"), ("width", "12"), ("height", "12")])?;
    let line =
        svg_element(doc, "line", &[("class", "hatch-line"), ("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "12")])?;
    let defs = svg_element(doc, "defs", &[])?;
    let _ = hatch.append_child(&ground);
    let _ = hatch.append_child(&line);
    let _ = defs.append_child(&hatch);
    Some(defs)
}

/// One area's path, with its hooks (SPEC §8) and its title.
fn path_of(doc: &web_sys::Document, d: &MapDrawing, s: &MapShape) -> Option<web_sys::Element> {
    let path = svg_element(doc, "path", &[("d", &s.path), ("class", &s.class), (d.attribute, &s.name)])?;
    if let Some(score) = s.score {
        let _ = path.set_attribute("data-score", &score.to_string());
    } else if s.index.is_some() {
        let _ = path.set_attribute("fill", &format!("url(#{})", d.hatch));
    }
    if let Some(i) = s.index {
        let _ = path.set_attribute("data-index", &i.to_string());
    }
    if let Some(title) = svg_element(doc, "title", &[]) {
        title.set_text_content(Some(&s.title));
        let _ = path.append_child(&title);
    }
    Some(path)
}

/// The legend: each entry a swatch of its class and its words (no class: a heading).
fn legend_of(doc: &web_sys::Document, legend: &[(String, String)]) -> Option<web_sys::Element> {
    let list = html_element(doc, "ul", "map-legend", None)?;
    for (class, words) in legend {
        let item = html_element(doc, "li", if class.is_empty() { "legend-title" } else { "" }, Some(words))?;
        if let Some(swatch) = html_element(doc, "i", class, None).filter(|_| !class.is_empty()) {
            let _ = item.prepend_with_node_1(&swatch);
        }
        let _ = list.append_child(&item);
    }
    Some(list)
}

/// The map's SVG: its areas, then the scores written on them.
fn svg_of(doc: &web_sys::Document, d: &MapDrawing) -> Option<web_sys::Element> {
    let view_box = format!("0 0 {} {}", d.size.0, d.size.1);
    let attributes = [("data-testid", d.testid), ("class", d.class), ("viewBox", &view_box), ("role", "img")];
    let root = svg_element(doc, "svg", &attributes)?;
    let _ = root.set_attribute("aria-labelledby", d.labelled_by);
    if let Some(defs) = hatch_of(doc, d.hatch) {
        let _ = root.append_child(&defs);
    }
    for path in d.shapes.iter().filter_map(|s| path_of(doc, d, s)) {
        let _ = root.append_child(&path);
    }
    for ((x, y), text) in d.shapes.iter().filter_map(|s| s.label.as_ref()) {
        let (x, y) = (x.to_string(), y.to_string());
        let attributes = [
            ("x", x.as_str()),
            ("y", y.as_str()),
            ("class", "map-label"),
            ("text-anchor", "middle"),
            ("dominant-baseline", "middle"),
        ];
        if let Some(label) = svg_element(doc, "text", &attributes) {
            label.set_text_content(Some(text));
            let _ = root.append_child(&label);
        }
    }
    Some(root)
}

/// Writes `text` under a map drawn in `holder` (what the area pointed at has,
/// or why there is no map).
pub fn say_on_map(holder: &web_sys::Element, text: &str) {
    let info = holder.query_selector(".map-info").ok().flatten();
    let info = info.or_else(|| holder.query_selector(".map-note").ok().flatten());
    match info {
        Some(p) => p.set_text_content(Some(text)),
        None => {
            if let Some(p) = holder.owner_document().and_then(|d| d.create_element("p").ok()) {
                let _ = p.set_attribute("class", "map-note");
                p.set_text_content(Some(text));
                let _ = holder.append_child(&p);
            }
        }
    }
}

/// The run's area an event on a map is about: its index and name.
pub fn data_index(ev: &web_sys::Event) -> Option<(usize, String)> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let index = el.get_attribute("data-index")?.parse().ok()?;
    let name = el.get_attribute("data-district").or_else(|| el.get_attribute("data-province"))?;
    Some((index, name))
}
