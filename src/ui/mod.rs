//! The page: a thin Leptos shell over the core. State lives in signals
//! ([`State`]); components render it and forward events; every rule (import,
//! counting, scoring, export) lives in the library.

mod browser;
mod downloads;
mod i18n;
mod inputs;
mod issues;
mod print;
mod results;
mod scoring;
mod settings;
mod share;
mod status;
mod target_files;
mod worker_client;

use leptos::prelude::*;
use otop_engine::analysis::Analysis;
use otop_engine::nation::NationRun;
use otop_engine::share::change::{changes, Changes};
use otop_engine::share::SharedRun;
use otop_model::display::Lang;
use otop_model::imported::file::FileKind;
use otop_model::label::{sentence, Label};
use otop_model::money::Satang;
use otop_model::preset::Preset;
use otop_protocol::Request;
use otop_session::shown::Shown;
use otop_session::Session;
use std::cell::RefCell;
use std::collections::HashMap;

use i18n::label;
pub use target_files::{read_provinces, read_targets};

/// Where the page keeps settings in local storage.
const KEY_PREFIX: &str = "otop-kpi.";

/// Mounts the app on `<body>`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash();
    }));
    // Names in scripts other than Thai are compared in NFC by the browser's
    // Unicode tables (the page's wasm carries none).
    otop_model::text::compose_with(browser_nfc);
    // The reading workers start before the page draws itself: the page's own
    // bytes are all here (its wasm is running), and their wasm compiles and
    // warms up while the page draws, so a file dropped as soon as the page is
    // ready does not wait for them to begin. (Started once the page had drawn
    // itself, they were ready 110–200 ms after such a drop: BENCHMARKS.md.)
    // A page opened on a results link (a phone, mostly) starts them only with
    // its first file or download: their 1.1 MB and their compile are spared.
    if !share::on_link() {
        worker_client::start();
    }
    leptos::mount::mount_to_body(App);
}

/// `s` in Unicode NFC, by `String.prototype.normalize`.
fn browser_nfc(s: &str) -> String {
    js_sys::JsString::from(s).normalize("NFC").into()
}

/// After a panic the page cannot go on: say so, in both languages, with a link
/// that reloads it (plain HTML, so it works with the WebAssembly stopped). Typed
/// figures and settings are in local storage and come back.
fn show_crash() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(div) = doc.create_element("div") else { return };
    div.set_id("crash");
    let _ = div.set_attribute("role", "alert");
    let _ = div.set_attribute("data-testid", "crash");
    // The catalogue's words only (no text from a file), in both languages.
    let (crashed, kept, reload) = (Label::PageCrashed.both(), Label::SettingsKept.both(), Label::Reload.both());
    div.set_inner_html(&format!(
        "<p><strong>{}</strong> — {}</p><p><strong>{}</strong> {}</p>\
         <p><a class=\"button primary\" href=\"\">{} · {}</a></p>",
        crashed.0, kept.0, crashed.1, kept.1, reload.0, reload.1
    ));
    if let Some(body) = doc.body() {
        let _ = body.prepend_with_node_1(&div);
    }
}

/// The page's state, shared through the Leptos context: the core [`Session`]
/// in a signal, what is derived from it, and the display settings.
#[derive(Clone, Copy)]
pub struct State {
    pub session: RwSignal<Session>,
    /// The session's preset (derived: change it through the session).
    pub preset: Memo<Preset>,
    pub analysis: Memo<Analysis>,
    /// The run over several provinces, when their target tables are loaded
    /// (made in slices, as a big file's run is: see [`scoring`]), or a link's.
    pub nation: Memo<Option<NationRun>>,
    /// The runs made in slices, and which run is shown (see [`State::busy`]).
    pub scores: scoring::Scores,
    /// The province shown below the provinces table (an index into the run's provinces).
    pub selected: RwSignal<usize>,
    /// The map files fetched so far (a map on screen whose file is not among
    /// them is still to be drawn: the page is not done).
    pub maps_fetched: RwSignal<Vec<String>>,
    /// Every issue of the run (over several provinces: all of them, not only the shown province's).
    pub issues: Memo<Vec<otop_model::issue::Issue>>,
    /// Whether a report file has been read: until then there is no KPI 1 score to show.
    pub reports_read: Memo<bool>,
    /// The one district every counted product belongs to, when the dropped reports
    /// are one district's (a district office checking its file): its figures come first.
    pub own_district: Memo<Option<String>>,
    pub lang: RwSignal<Lang>,
    pub thai_digits: RwSignal<bool>,
    /// Whether the screen is a phone's ([`browser::NARROW`]): the charts draw themselves for it.
    pub narrow: RwSignal<bool>,
    /// The run of the link the page was opened with, shown read-only until files are dropped.
    pub shared: RwSignal<Option<SharedRun>>,
    /// Why the page's link could not be shown.
    pub link_error: RwSignal<share::Said>,
    /// An earlier run (a link) beside this one, and each row's change since.
    pub compare: RwSignal<Option<SharedRun>>,
    pub changes: Memo<Option<Changes>>,
    /// Files were dropped since the results were last brought into view.
    pub dropped: StoredValue<bool>,
    /// Answers of the workers waiting to be stored together, and whether a store is planned.
    pub answers: StoredValue<(Vec<otop_protocol::Reply>, bool)>,
    /// The map files' texts fetched so far, by address (a few KB each).
    pub map_texts: StoredValue<HashMap<String, String>>,
}

impl State {
    /// Whether the page is still at work: a dropped file (target tables
    /// included) not read yet, the run on screen not yet the run of every
    /// file read, or a map of it not drawn yet (SPEC §8: `done` only when all is).
    pub fn busy(&self) -> bool {
        self.session.with(Session::working) || !self.scores.up_to_date() || results::map_pending(*self)
    }
}

thread_local! {
    /// The browser's `File` of each of the session's files, by kind and name,
    /// to read again (district names changed) or send back. The session's list
    /// is the one file list: this holds only the handles, and is pruned to that
    /// list whenever it changes ([`prune_files`]). A thread-local because a
    /// `web_sys::File` is a JavaScript object, not `Send`: no signal of the
    /// page's `State` can hold it (the page has one thread).
    static FILES: RefCell<HashMap<(FileKind, String), web_sys::File>> = RefCell::new(HashMap::new());
}

/// Keeps the `File`s of files just added to the session, each (name, file).
pub fn keep_files(kind: FileKind, files: &[(String, web_sys::File)]) {
    FILES.with(|f| f.borrow_mut().extend(files.iter().map(|(name, file)| ((kind, name.clone()), file.clone()))));
}

/// Lets go of the `File`s of files the session no longer has (run at every
/// change of the session: one pass over its files, not one per kept file).
fn prune_files(session: &Session) {
    let kinds = [FileKind::Report, FileKind::Round1, FileKind::Sales];
    let has: std::collections::HashSet<(FileKind, &str)> =
        kinds.into_iter().flat_map(|k| session.slots(k).iter().map(move |s| (k, s.name.as_str()))).collect();
    FILES.with(|f| f.borrow_mut().retain(|(kind, name), _| has.contains(&(*kind, name.as_str()))));
}

/// The session's report files (round 2 and round 1), by name.
fn kept_reports(session: &Session) -> HashMap<String, web_sys::File> {
    let slots =
        [FileKind::Report, FileKind::Round1].into_iter().flat_map(|k| session.slots(k).iter().map(move |s| (k, s)));
    FILES.with(|f| {
        let f = f.borrow();
        slots.filter_map(|(k, s)| f.get(&(k, s.name.clone())).map(|file| (s.name.clone(), file.clone()))).collect()
    })
}

fn kept_file(kind: FileKind, name: &str) -> Option<web_sys::File> {
    FILES.with(|f| f.borrow().get(&(kind, name.to_string())).cloned())
}

/// Reads a file for `request` in a worker, and stores what it gave in the session.
/// Answers arriving close together are stored together: each store scores every
/// file again, so with hundreds of files one store per answer would cost the
/// square of their number. The last answer of a batch of files is stored at once.
pub fn read(state: State, request: Request, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        let pending = state.session.with_untracked(Session::pending);
        let reply = worker_client::read_report(request, file, pending).await;
        let (waiting, planned) = state
            .answers
            .try_update_value(|a| {
                a.0.push(reply);
                (a.0.len(), a.1)
            })
            .unwrap_or_default();
        if state.session.with_untracked(Session::pending) <= waiting {
            store_answers(state);
        } else if !planned {
            state.answers.update_value(|a| a.1 = true);
            // Scoring grows with the files: wait 2 ms per file read (0.1 to 2 s).
            let files = state.session.with_untracked(Session::file_count) as f64;
            let wait = (2.0 * files).clamp(100.0, 2_000.0) as i32;
            let run = wasm_bindgen::closure::Closure::once_into_js(move || store_answers(state));
            if let Some(w) = web_sys::window() {
                use wasm_bindgen::JsCast;
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), wait);
            }
        }
    });
}

fn store_answers(state: State) {
    let replies = state
        .answers
        .try_update_value(|a| {
            a.1 = false;
            std::mem::take(&mut a.0)
        })
        .unwrap_or_default();
    if replies.is_empty() {
        return;
    }
    state.session.update(|s| {
        for reply in replies {
            s.store(reply);
        }
    });
}

/// A value kept in local storage as JSON, read with the browser's own JSON
/// reader (the page links none: a preset's baht are kept as whole numbers or
/// text, which it reads exactly).
fn saved<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    let value = js_sys::JSON::parse(&browser::load(&format!("{KEY_PREFIX}{key}"))?).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

/// Keeps `value` in local storage under `key` whenever it changes.
fn persist<S>(key: &'static str, value: S)
where
    S: With + Send + Sync + 'static,
    S::Value: serde::Serialize,
{
    let json = serde_wasm_bindgen::Serializer::json_compatible();
    Effect::new(move |_| {
        let value = value.with(|v| serde::Serialize::serialize(v, &json));
        if let Some(text) = value.ok().and_then(|v| js_sys::JSON::stringify(&v).ok()) {
            browser::save(&format!("{KEY_PREFIX}{key}"), &String::from(text));
        }
    });
}

/// The province's run the page shows. Over several provinces, the selected one
/// (its drill-down); a link's; none while target tables are read (they replace
/// the preset); one province with few products scored here, a big one in
/// slices — until a run in slices is made, the preset with no file.
fn shown_analysis(
    session: RwSignal<Session>,
    nation: Memo<Option<NationRun>>,
    shared: RwSignal<Option<SharedRun>>,
    province: RwSignal<Option<Analysis>>,
    selected: RwSignal<usize>,
) -> Memo<Analysis> {
    Memo::new(move |_| {
        let of_nation = move || nation.with(|n| n.as_ref()?.provinces.get(selected.get()).map(|p| p.analysis.clone()));
        let of_link = move || shared.with(|s| s.as_ref()?.analysis(0));
        let has_nation = nation.with(|n| n.as_ref().is_some_and(|n| n.provinces.get(selected.get()).is_some()));
        let has_link = shared.with(|s| s.as_ref().is_some_and(|s| !s.provinces.is_empty()));
        let sliced_made = province.with(Option::is_some);
        // Only the run shown is built or copied.
        match session.with(|s| s.shown(has_nation, has_link, sliced_made)) {
            Shown::NationProvince => of_nation(),
            Shown::Link => of_link(),
            Shown::Sliced => province.get(),
            Shown::Session => Some(session.with(Session::analysis)),
            Shown::NoFiles => None,
        }
        .unwrap_or_else(|| session.with(Session::analysis_of_no_files))
    })
}

fn provide_state() -> State {
    let preset = saved::<Preset>("preset").unwrap_or_else(Preset::sa_kaeo_2564_round2);
    let typed = saved::<Vec<(String, Satang)>>("typed-sales").unwrap_or_default();
    let session = RwSignal::new(Session::new(preset, typed));
    let scores = scoring::keep_scored(session);
    let (scored_nation, province) = (scores.nation, scores.province);
    let (opened, link_error) = share::from_location();
    let shared = RwSignal::new(opened);
    let nation = Memo::new(move |_| match shared.with(|s| s.as_ref().map(SharedRun::nation)) {
        Some(n) => n,
        None => scored_nation.get(),
    });
    let selected = RwSignal::new(0usize);
    let analysis = shown_analysis(session, nation, shared, province, selected);
    let own_preset = Memo::new(move |_| session.with(|s| s.preset.clone()));
    let compare = RwSignal::new(None::<SharedRun>);
    let preset_shown = Memo::new(move |_| {
        nation
            .with(|n| n.as_ref().and_then(|n| n.provinces.get(selected.get())).map(|p| p.preset.clone()))
            .or_else(|| shared.with(|s| s.as_ref().and_then(|s| s.provinces.first()).map(|p| p.preset.clone())))
            .unwrap_or_else(|| own_preset.get())
    });
    let state = State {
        session,
        preset: preset_shown,
        analysis,
        nation,
        scores,
        selected,
        maps_fetched: RwSignal::new(Vec::new()),
        issues: Memo::new(move |_| match nation.with(|n| n.as_ref().map(|n| n.issues.clone())) {
            Some(all) => all,
            None => analysis.with(|a| a.issues.clone()),
        }),
        reports_read: Memo::new(move |_| {
            shared.with(Option::is_some)
                || session.with(|s| s.slots(FileKind::Report).iter().any(|f| f.result.is_some()))
        }),
        own_district: Memo::new(move |_| analysis.with(Analysis::only_district)),
        lang: RwSignal::new(saved::<Lang>("lang").unwrap_or_default()),
        thai_digits: RwSignal::new(saved::<bool>("thai-digits").unwrap_or(false)),
        narrow: {
            let narrow = RwSignal::new(false);
            narrow.set(browser::watch_narrow(move |now| narrow.set(now)));
            narrow
        },
        shared,
        link_error: RwSignal::new(link_error),
        compare,
        changes: Memo::new(move |_| {
            let then = compare.get()?;
            analysis.with(|a| preset_shown.with(|p| changes(p, a, &then)))
        }),
        dropped: StoredValue::new(false),
        answers: StoredValue::new((Vec::new(), false)),
        map_texts: StoredValue::new(HashMap::new()),
    };
    persist("preset", own_preset);
    persist("typed-sales", Memo::new(move |_| session.with(|s| s.typed_sales.clone())));
    persist("lang", state.lang);
    persist("thai-digits", state.thai_digits);
    // The browser's files, only the session's.
    Effect::new(move |_| session.with(prune_files));
    // Read report files again when the district names change (they decide one-district files).
    let names = Memo::new(move |_| session.with(Session::district_names));
    Effect::new(move |prev: Option<Vec<String>>| {
        let now = names.get();
        if prev.as_ref().is_some_and(|p| *p != now) {
            // Each file keeps its last result until the new one arrives: nothing to redraw yet.
            let requests = session.try_update_untracked(Session::reread_reports).unwrap_or_default();
            for request in requests {
                if let Some(file) = kept_file(request.kind(), &request.name) {
                    read(state, request, file);
                }
            }
        }
        now
    });
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", if lang == Lang::Th { "th" } else { "en" });
            }
            doc.set_title(Label::AppTitle.text(lang));
        }
    });
    provide_context(state);
    state
}

/// The footer: the letter's programme, province, year and round, and the department.
fn footer_text(state: State) -> String {
    let p = state.preset.get();
    let l = state.lang.get();
    let window = otop_model::display::window(p.window, l);
    sentence::footer(l, p.province, p.fiscal_year, p.fiscal_year - 543, p.round, window)
}

#[component]
fn App() -> impl IntoView {
    let state = provide_state();
    // The preset province's map, fetched once the page is ready (as the workers are).
    let prefetch = wasm_bindgen::closure::Closure::once_into_js(move || results::prefetch_map(state));
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback(wasm_bindgen::JsCast::unchecked_ref(&prefetch));
    }
    let lang_label = move || sentence::other_language(state.lang.get());
    let subtitle = move || {
        let p = state.preset.get();
        let (province, year, round) = (p.province, p.fiscal_year, p.round);
        sentence::subtitle(state.lang.get(), province, year, year - 543, round)
    };
    let footer = move || footer_text(state);
    view! {
        <header class="app-header">
            <div class="title">
                <h1>{label(Label::AppTitle)}</h1>
                <p class="subtitle">
                    {subtitle}
                </p>
            </div>
            <div class="header-tools no-print">
                <label class="toggle">
                    <input type="checkbox" data-testid="thai-digits"
                        prop:checked=move || state.thai_digits.get()
                        on:change=move |ev| state.thai_digits.set(event_target_checked(&ev)) />
                    {label(Label::ThaiDigits)}
                </label>
                <button type="button" class="lang" data-testid="lang-toggle"
                    on:click=move |_| state.lang.update(|l| *l = if *l == Lang::Th { Lang::En } else { Lang::Th })>
                    {lang_label}
                </button>
            </div>
        </header>
        <main class:shared=move || state.shared.with(Option::is_some)>
            <print::PrintHeader />
            <share::SharedBanner />
            // A run opened from a link reads as a report: its results first, the
            // drop zones folded behind one control, last (issue 34; the order is the
            // style's: one Inputs, folded or not).
            <details class="evaluate-new no-print" data-testid="evaluate-new"
                prop:open=move || state.shared.with(Option::is_none)>
                <summary>{label(Label::DropToEvaluateAgain)}</summary>
                <inputs::Inputs />
            </details>
            <results::Results />
            <issues::IssuesPanel />
            <downloads::Downloads />
            <share::ShareBox />
            // A run opened from a link is read-only: no settings to change.
            <Show when=move || state.shared.with(Option::is_none)>
                <settings::Settings />
            </Show>
            <print::Signature />
            <print::PrintLink />
        </main>
        <footer class="app-footer">
            <p>{footer}</p>
            <p class="map-credit">{i18n::label(Label::MapCredit)}</p>
        </footer>
    }
}
