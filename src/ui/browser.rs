//! The few browser services the page uses: reading a dropped file, local
//! storage, saving a download.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// How long a download's object URL is kept after its link was clicked.
const REVOKE_AFTER_MS: i32 = 60_000;
use wasm_bindgen_futures::JsFuture;

/// A dropped or picked file's bytes.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = JsFuture::from(file.array_buffer()).await.map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The files of a `FileList`.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// A value kept in local storage.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Keeps a value in local storage (silently skipped when storage is off).
pub fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Removes everything this page keeps in local storage.
pub fn clear_saved(prefix: &str) {
    let Some(s) = storage() else { return };
    let n = s.length().unwrap_or(0);
    let keys: Vec<String> = (0..n).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(prefix)).collect();
    for k in keys {
        let _ = s.remove_item(&k);
    }
}

/// Offers `bytes` as a download named `name` (never leaves the browser).
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let run = || -> Result<(), JsValue> {
        let array = js_sys::Uint8Array::from(bytes);
        let parts = js_sys::Array::of1(&array);
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
        a.set_href(&url);
        a.set_download(name);
        // In the document while it is clicked (some browsers ignore a detached link).
        let body = doc.body();
        if let Some(b) = &body {
            b.append_child(&a)?;
        }
        a.click();
        if let Some(b) = &body {
            let _ = b.remove_child(&a);
        }
        // Revoked once the download has surely started (revoking at once can cancel it).
        let window = web_sys::window().ok_or("no window")?;
        let revoke = Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), REVOKE_AFTER_MS)?;
        Ok(())
    };
    let _ = run();
}

/// Today in the browser's time zone, as a day of the Buddhist Era.
pub fn today() -> otop_engine::calendar::Day {
    let now = js_sys::Date::new_0();
    otop_engine::calendar::Day {
        year: now.get_full_year() as i32 + 543,
        month: now.get_month() + 1,
        day: now.get_date(),
    }
}

/// Copies `text` to the clipboard; `false` when this browser has no clipboard
/// for the page (`navigator.clipboard` is missing outside a secure context) or
/// refuses (a permission, a user gesture WebKit did not count): the caller
/// then says so, never "copied".
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator = window.navigator();
    let has = js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined() && !c.is_null());
    has && wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}

/// Selects the text of the input `selector` finds (to copy by hand).
pub fn select_input(selector: &str) {
    use wasm_bindgen::JsCast;
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = input {
        input.select();
    }
}

/// The width below which the page lays itself out for a phone (style/main.css
/// uses the same: `@media (max-width: 600px)`).
pub const NARROW: &str = "(max-width: 600px)";

/// Whether the screen is narrow now, and a call of `changed` each time that
/// changes (the phone turned, the window resized).
pub fn watch_narrow(changed: impl Fn(bool) + 'static) -> bool {
    use wasm_bindgen::JsCast;
    let Some(list) = web_sys::window().and_then(|w| w.match_media(NARROW).ok().flatten()) else { return false };
    let now = list.matches();
    let watched = list.clone();
    let on_change = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || changed(watched.matches()));
    let _ = list.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_change.forget();
    now
}

/// A file of the page's own folder as text (a map file: fetched when first
/// drawn, then from the service worker's cache).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|e| format!("{e:?}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?).await.map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| format!("{url}: not text"))
}

/// Marks the table rows whose `attribute` is `value` (class `picked`, the mark
/// before moved from any other row) and scrolls the first into view.
pub fn mark_rows(attribute: &str, value: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(rows) = doc.query_selector_all(&format!("tr[{attribute}]")) else { return };
    let mut first = true;
    for i in 0..rows.length() {
        let Some(row) = rows.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let mine = row.get_attribute(attribute).as_deref() == Some(value);
        let _ = row.class_list().toggle_with_force("picked", mine);
        if mine && first {
            first = false;
            row.scroll_into_view_with_bool(false);
        }
    }
}

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

/// Draws a map in `holder` (what was there goes), or empties it. Built with DOM
/// calls (its names and titles as text, never as markup): a few hundred bytes of
/// the page's wasm where a view of the same SVG would cost tens of KB.
pub fn draw_map(holder: &web_sys::Element, drawing: Option<&MapDrawing>, why_none: Option<&str>) {
    holder.set_text_content(None);
    let Some(doc) = holder.owner_document() else { return };
    let html = |tag: &str, class: &str, text: &str| {
        let el = doc.create_element(tag).ok()?;
        let _ = el.set_attribute("class", class);
        el.set_text_content(Some(text));
        Some(el)
    };
    // Under the map: what it leaves out, and what the area pointed at has.
    let note = doc.create_element("p").ok();
    let info = doc.create_element("p").ok();
    if let (Some(note), Some(info)) = (&note, &info) {
        let _ = note.set_attribute("class", "map-note");
        let _ = note.set_attribute("role", "note");
        note.set_text_content(drawing.and_then(|d| d.note.as_deref()).or(why_none));
        let _ = info.set_attribute("class", "map-info no-print");
        let _ = info.set_attribute("aria-live", "polite");
        let _ = info.set_attribute("data-testid", "map-info");
    }
    let Some(d) = drawing else {
        if let Some(note) = note {
            let _ = holder.append_child(&note);
        }
        return;
    };
    let view_box = format!("0 0 {} {}", d.size.0, d.size.1);
    let root = svg_element(
        &doc,
        "svg",
        &[("data-testid", d.testid), ("class", d.class), ("viewBox", &view_box), ("role", "img")],
    );
    let Some(root) = root else { return };
    let _ = root.set_attribute("aria-labelledby", d.labelled_by);
    let hatch = svg_element(
        &doc,
        "pattern",
        &[
            ("id", d.hatch),
            ("width", "12"),
            ("height", "12"),
            ("patternUnits", "userSpaceOnUse"),
            ("patternTransform", "rotate(45)"),
        ],
    );
    let ground = svg_element(&doc, "rect", &[("class", "hatch-ground"), ("width", "12"), ("height", "12")]);
    let line =
        svg_element(&doc, "line", &[("class", "hatch-line"), ("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "12")]);
    if let (Some(defs), Some(hatch), Some(ground), Some(line)) = (svg_element(&doc, "defs", &[]), hatch, ground, line) {
        let _ = hatch.append_child(&ground);
        let _ = hatch.append_child(&line);
        let _ = defs.append_child(&hatch);
        let _ = root.append_child(&defs);
    }
    let fill = format!("url(#{})", d.hatch);
    for s in &d.shapes {
        let Some(path) = svg_element(&doc, "path", &[("d", &s.path), ("class", &s.class), (d.attribute, &s.name)])
        else {
            continue;
        };
        if let Some(score) = s.score {
            let _ = path.set_attribute("data-score", &score.to_string());
        } else if s.index.is_some() {
            let _ = path.set_attribute("fill", &fill);
        }
        if let Some(i) = s.index {
            let _ = path.set_attribute("data-index", &i.to_string());
        }
        if let Some(title) = svg_element(&doc, "title", &[]) {
            title.set_text_content(Some(&s.title));
            let _ = path.append_child(&title);
        }
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
        if let Some(label) = svg_element(&doc, "text", &attributes) {
            label.set_text_content(Some(text));
            let _ = root.append_child(&label);
        }
    }
    let _ = holder.append_child(&root);
    for p in [note, info].into_iter().flatten() {
        let _ = holder.append_child(&p);
    }
    if let Some(list) = html("ul", "map-legend", "") {
        for (class, words) in &d.legend {
            let item = if class.is_empty() { html("li", "legend-title", words) } else { html("li", "", words) };
            if let (Some(item), Some(swatch)) = (&item, html("i", class, "")) {
                if !class.is_empty() {
                    let _ = item.prepend_with_node_1(&swatch);
                }
            }
            if let Some(item) = item {
                let _ = list.append_child(&item);
            }
        }
        let _ = holder.append_child(&list);
    }
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
