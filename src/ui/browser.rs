//! The few browser services the page uses: reading a dropped file, local
//! storage, saving a download.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// How long a download's object URL is kept after its link was clicked.
const REVOKE_AFTER_MS: i32 = 60_000;
use wasm_bindgen_futures::JsFuture;

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
pub fn today() -> otop_model::calendar::Day {
    let now = js_sys::Date::new_0();
    otop_model::calendar::Day {
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
