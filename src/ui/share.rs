//! The results link on the page (SPEC §5, §8): making it (`share-link`,
//! `share-url` with a copy button), showing a run opened from one
//! (`shared-view`, read-only, no file), and an earlier link beside the run
//! (`compare-url`: each row's change). The link's format is the core's
//! (`otop_engine::share`); here are only the page's signals and views.

use super::i18n::{t, tr};
use super::State;
use leptos::prelude::*;
use otop_engine::display;
use otop_engine::share::{LinkError, SharedRun};

/// A message in both languages.
pub type Said = Option<(String, String)>;

/// The run the page was opened with (its URL's fragment), or why the fragment
/// is not one; (None, None) for a page opened without a fragment.
pub fn from_location() -> (Option<SharedRun>, Said) {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    if hash.len() < 2 {
        return (None, None);
    }
    match SharedRun::decode(&hash) {
        Ok(run) => (Some(run), None),
        Err(e) => (None, Some(e.messages())),
    }
}

/// The page's address without its fragment.
fn page_address() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Leaves a shared view (files were dropped): the page's own run again, and
/// the address without the link.
pub fn leave(state: State) {
    if state.shared.with_untracked(Option::is_none) {
        return;
    }
    state.shared.set(None);
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_address()));
    }
}

/// The link to the run shown now.
pub fn make_link(state: State) -> String {
    let fragment = match state.shared.get_untracked() {
        Some(run) => run.encode(),
        None => {
            let today = Some(super::browser::today());
            match state.nation.get_untracked() {
                Some(n) => SharedRun::of_nation(&n, today).encode(),
                None => SharedRun::of_analysis(&state.preset.get_untracked(), &state.analysis.get_untracked(), today)
                    .encode(),
            }
        }
    };
    format!("{}#{fragment}", page_address())
}

/// The banner of a run opened from a link, or of a link that could not be opened.
#[component]
pub fn SharedBanner() -> impl IntoView {
    let state = expect_context::<State>();
    let shared = move || {
        state.shared.with(|s| {
            s.as_ref().map(|run| {
                let lang = state.lang.get();
                let date = run.date.map(|d| display::day(d, lang)).unwrap_or_default();
                let text = tr(
                    lang,
                    &format!("ผลจากลิงก์ — ไม่มีไฟล์ข้อมูล (ข้อมูล ณ วันที่ {date}) · ลากไฟล์มาวางเพื่อประเมินใหม่"),
                    &format!("Results from a link: no data files (data as of {date}) · drop files to make a new run"),
                );
                view! { <p class="shared-view" data-testid="shared-view" role="status">{text}</p> }
            })
        })
    };
    let error = move || {
        state.link_error.get().map(|(th, en)| {
            view! { <p class="file-error" data-testid="link-error" role="alert">{tr(state.lang.get(), &th, &en)}</p> }
        })
    };
    view! { {shared} {error} }
}

/// What the link holds, said under its button.
const HINT: (&str, &str) = (
    "ลิงก์มีแต่ตัวเลขรวมรายอำเภอ (ไม่มีชื่อผลิตภัณฑ์ ผู้ประกอบการ หรือเบอร์โทร) อยู่หลังเครื่องหมาย # \
     ซึ่งเบราว์เซอร์ไม่ส่งไปที่เว็บไซต์",
    "The link holds only the districts' totals (no product, entrepreneur or phone), after the #, \
     which browsers never send to the site",
);

/// Making the link, and comparing with an earlier one.
/// Copies `text` (the link) and says what happened: copied, or — where the
/// browser gives the page no clipboard or refuses — the link selected to copy by hand.
#[component]
fn CopyButton(text: String) -> impl IntoView {
    // None: not copied yet; Some(false): the browser would not.
    let copied: RwSignal<Option<bool>> = RwSignal::new(None);
    let copy = move |_| {
        let text = text.clone();
        leptos::task::spawn_local(async move {
            let done = super::browser::copy_text(&text).await;
            if !done {
                super::browser::select_input("[data-testid=share-url]");
            }
            copied.set(Some(done));
        });
    };
    view! {
        <button type="button" data-testid="share-copy" on:click=copy
            data-copied=move || copied.get().map(|c| c.to_string())>
            {move || match copied.get() {
                None => t("คัดลอก", "Copy")(),
                Some(true) => t("คัดลอกแล้ว", "Copied")(),
                Some(false) => {
                    t("คัดลอกไม่ได้ — เลือกลิงก์ไว้แล้ว กด Ctrl+C", "Could not copy: the link is selected, press Ctrl+C")()
                }
            }}
        </button>
    }
}

#[component]
pub fn ShareBox() -> impl IntoView {
    let state = expect_context::<State>();
    let link = RwSignal::new(None::<String>);

    let compare_note: RwSignal<Said> = RwSignal::new(None);

    // The earlier run to compare with, or why there is none.
    let show = move |run: Result<SharedRun, (String, String)>| {
        compare_note.set(run.as_ref().err().cloned());
        state.compare.set(run.ok());
    };
    // An earlier run's results workbook: its hidden sheet holds its link (read in a worker).
    let compare_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(file) = input.as_ref().and_then(|i| super::browser::files_of(i.files()).into_iter().next()) else {
            return;
        };
        if let Some(i) = input {
            i.set_value("");
        }
        let Some(request) = state.session.try_update_untracked(|s| s.link_request(&file.name())) else { return };
        leptos::task::spawn_local(async move {
            let reply = super::worker_client::read(request, file).await;
            let run = match reply.outcome {
                otop_protocol::Outcome::Link(Some(text)) => SharedRun::decode(&text).map_err(|e| e.messages()),
                _ => Err((
                    "ไฟล์นี้ไม่ใช่ไฟล์ผลการประเมินที่หน้านี้สร้าง — เลือกไฟล์จากปุ่ม \"ไฟล์ผลการประเมิน (Excel)\"".into(),
                    "This is not a results workbook this page made: choose one from \"Results workbook (Excel)\""
                        .into(),
                )),
            };
            show(run);
        });
    };
    let compare = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Enter" {
            return;
        }
        let text = event_target_value(&ev);
        let fragment = text.split_once('#').map_or(text.as_str(), |(_, f)| f);
        show(SharedRun::decode(fragment).map_err(|e| LinkError::messages(&e)));
    };
    view! {
        <section class="share no-print" aria-labelledby="share-title">
            <h2 id="share-title">{t("ลิงก์ผลการประเมิน", "Results link")}</h2>
            <p class="hint">{t(HINT.0, HINT.1)}</p>
            <div class="buttons">
                <button type="button" data-testid="share-link" on:click=move |_| link.set(Some(make_link(state)))>
                    {t("สร้างลิงก์ผลการประเมิน", "Make a results link")}
                </button>
            </div>
            {move || link.get().map(|url| view! {
                <div class="share-url">
                    <input type="text" readonly data-testid="share-url" prop:value=url.clone()
                        aria-label=move || tr(state.lang.get(), "ลิงก์ผลการประเมิน", "Results link") />
                    <CopyButton text=url.clone() />
                    <span class="hint">{move || {
                        let n = url.len();
                        tr(state.lang.get(), &format!("{n} ตัวอักษร"), &format!("{n} characters"))
                    }}</span>
                </div>
            })}
            <label class="compare">
                {t("เทียบกับลิงก์ครั้งก่อน (วางลิงก์แล้วกด Enter)", "Compare with an earlier link (paste it, press Enter)")}
                <input type="text" data-testid="compare-url" on:keydown=compare />
            </label>
            <label class="button compare-file">
                {t("หรือเลือกไฟล์ผลการประเมิน (Excel) ครั้งก่อน…", "or choose an earlier results workbook (Excel)…")}
                <input type="file" data-testid="compare-file" class="file-input" accept=".xlsx"
                    on:change=compare_file />
            </label>
            {move || compare_note.get().map(|(th, en)| view! {
                <p class="file-error" data-testid="compare-error" role="alert">{tr(state.lang.get(), &th, &en)}</p>
            })}
        </section>
    }
}
