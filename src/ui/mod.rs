//! The page: a thin Leptos shell over the core. State lives in signals
//! ([`State`]); components render it and forward events; every rule (import,
//! counting, scoring, export) lives in the library.

mod browser;
mod downloads;
mod i18n;
mod inputs;
mod issues;
mod results;
mod settings;
mod worker;

use leptos::prelude::*;
use otop_kpi::analysis::Analysis;
use otop_kpi::display::Lang;
use otop_kpi::import::ImportedFile;
use otop_kpi::jobs::{Job, JobKind};
use otop_kpi::money::Satang;
use otop_kpi::preset::Preset;
use otop_kpi::sales::{SalesFile, SalesInput};
use std::sync::Arc;

use i18n::t;

/// Where the page keeps settings in local storage.
const KEY_PREFIX: &str = "otop-kpi.";

/// Mounts the app on `<body>`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash();
    }));
    worker::start();
    leptos::mount::mount_to_body(App);
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
    div.set_inner_html(
        "<p><strong>เกิดข้อผิดพลาดภายในหน้าเว็บ</strong> — ค่าที่ตั้งไว้และตัวเลขที่พิมพ์ยังอยู่ กดโหลดหน้าใหม่แล้ววางไฟล์อีกครั้ง</p>\
         <p><strong>Something went wrong inside the page.</strong> Your settings and typed figures are kept: reload, then drop the files again.</p>\
         <p><a class=\"button primary\" href=\"\">โหลดหน้าใหม่ · Reload</a></p>",
    );
    if let Some(body) = doc.body() {
        let _ = body.prepend_with_node_1(&div);
    }
}

/// Which drop zone a file came through.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SlotKind {
    Reports,
    Round1,
    Sales,
}

/// One dropped file: its bytes, and what it gave once read.
#[derive(Clone, Debug)]
pub struct Slot {
    pub name: String,
    pub bytes: Option<Arc<Vec<u8>>>,
    /// `None` while the file is being read.
    pub result: Option<ImportedFile>,
    /// A sales file's figures, as read.
    pub sales: Option<SalesFile>,
}

/// The page's state, shared through the Leptos context.
#[derive(Clone, Copy)]
pub struct State {
    pub preset: RwSignal<Preset>,
    pub lang: RwSignal<Lang>,
    pub thai_digits: RwSignal<bool>,
    pub reports: RwSignal<Vec<Slot>>,
    pub round1: RwSignal<Vec<Slot>>,
    pub sales: RwSignal<Vec<Slot>>,
    /// Sales typed into the page, per district name (replace the files' figures).
    pub typed_sales: RwSignal<Vec<(String, Satang)>>,
    /// Problems of the last preset or target-table import.
    pub settings_issues: RwSignal<Vec<otop_kpi::issue::Issue>>,
    pub analysis: Memo<Analysis>,
}

impl State {
    pub fn slots(&self, kind: SlotKind) -> RwSignal<Vec<Slot>> {
        match kind {
            SlotKind::Reports => self.reports,
            SlotKind::Round1 => self.round1,
            SlotKind::Sales => self.sales,
        }
    }

    /// Whether any file is still being read.
    pub fn working(&self) -> bool {
        [self.reports, self.round1, self.sales].iter().any(|s| s.with(|v| v.iter().any(|f| f.result.is_none())))
    }

    /// Whether any file has been dropped.
    pub fn has_files(&self) -> bool {
        [self.reports, self.round1, self.sales].iter().any(|s| s.with(|v| !v.is_empty()))
    }
}

fn saved<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&browser::load(&format!("{KEY_PREFIX}{key}"))?).ok()
}

fn persist<T: serde::Serialize + Clone + Send + Sync + 'static>(key: &'static str, signal: RwSignal<T>) {
    Effect::new(move |_| {
        let v = signal.get();
        if let Ok(json) = serde_json::to_string(&v) {
            browser::save(&format!("{KEY_PREFIX}{key}"), &json);
        }
    });
}

/// The job that reads a file of a slot, with the preset of now.
pub fn job_for(kind: SlotKind, name: &str, preset: &Preset) -> Job {
    Job {
        kind: match kind {
            SlotKind::Reports => JobKind::Report,
            SlotKind::Round1 => JobKind::Round1,
            SlotKind::Sales => JobKind::Sales,
        },
        name: name.to_string(),
        districts: preset.districts.iter().map(|d| d.name.clone()).collect(),
        default_year: preset.window.end.year,
    }
}

/// Reads (or reads again) a slot's file in a worker and stores what it gave.
pub fn read_in_worker(state: State, kind: SlotKind, name: String, bytes: std::sync::Arc<Vec<u8>>) {
    leptos::task::spawn_local(async move {
        let job = job_for(kind, &name, &state.preset.get_untracked());
        store_result(state, kind, &name, worker::run(job, bytes.to_vec()).await);
    });
}

/// Puts what reading a file gave into its slot.
pub fn store_result(state: State, kind: SlotKind, name: &str, result: otop_kpi::jobs::JobResult) {
    let sales = result.sales.clone();
    let file = result.into_file();
    state.slots(kind).update(|v| {
        if let Some(s) = v.iter_mut().find(|s| s.name == name) {
            s.result = Some(file);
            s.sales = sales;
        }
    });
}

fn provide_state() -> State {
    let preset = RwSignal::new(saved::<Preset>("preset").unwrap_or_else(Preset::sa_kaeo_2564_round2));
    let lang = RwSignal::new(saved::<Lang>("lang").unwrap_or_default());
    let thai_digits = RwSignal::new(saved::<bool>("thai-digits").unwrap_or(false));
    let typed_sales = RwSignal::new(saved::<Vec<(String, Satang)>>("typed-sales").unwrap_or_default());
    let reports = RwSignal::new(Vec::<Slot>::new());
    let round1 = RwSignal::new(Vec::<Slot>::new());
    let sales = RwSignal::new(Vec::<Slot>::new());
    let sales_input = Memo::new(move |_| {
        let p = preset.get();
        let files: Vec<SalesFile> = sales.with(|v| v.iter().filter_map(|s| s.sales.clone()).collect());
        let mut input = SalesInput::aggregate(&files, &p);
        let typed = typed_sales.get();
        for (i, d) in p.districts.iter().enumerate() {
            if let Some((_, amount)) = typed.iter().find(|(n, _)| *n == d.name) {
                if let Some(slot) = input.actual.get_mut(i) {
                    *slot = Some(*amount);
                }
            }
        }
        // A typed figure answers the warnings about that district's missing sales.
        input.issues.retain(|i| {
            let about_typed = typed.iter().any(|(n, _)| i.message_en.contains(n.as_str()));
            !(about_typed && matches!(i.code.as_str(), "sales.district.missing" | "sales.month.missing"))
        });
        input
    });
    let analysis = Memo::new(move |_| {
        let p = preset.get();
        let done = |s: RwSignal<Vec<Slot>>| s.with(|v| v.iter().filter_map(|f| f.result.clone()).collect::<Vec<_>>());
        Analysis::run(&p, &done(reports), &done(round1), &sales_input.get())
    });
    let state = State {
        preset,
        lang,
        thai_digits,
        reports,
        round1,
        sales,
        typed_sales,
        settings_issues: RwSignal::new(Vec::new()),
        analysis,
    };
    persist("preset", preset);
    persist("lang", lang);
    persist("thai-digits", thai_digits);
    persist("typed-sales", typed_sales);
    // Re-read report files when the district names change (they decide one-district files).
    let names = Memo::new(move |_| preset.with(|p| p.districts.iter().map(|d| d.name.clone()).collect::<Vec<_>>()));
    Effect::new(move |prev: Option<Vec<String>>| {
        let now = names.get();
        if prev.as_ref().is_some_and(|p| *p != now) {
            for kind in [SlotKind::Reports, SlotKind::Round1] {
                let files: Vec<(String, std::sync::Arc<Vec<u8>>)> = state
                    .slots(kind)
                    .with_untracked(|v| v.iter().filter_map(|s| Some((s.name.clone(), s.bytes.clone()?))).collect());
                for (name, bytes) in files {
                    read_in_worker(state, kind, name, bytes);
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
            doc.set_title(if lang == Lang::Th {
                "คำนวณตัวชี้วัด OTOP"
            } else {
                "OTOP KPI calculator"
            });
        }
    });
    provide_context(state);
    state
}

#[component]
fn App() -> impl IntoView {
    let state = provide_state();
    let lang_label = move || if state.lang.get() == Lang::Th { "English" } else { "ภาษาไทย" };
    view! {
        <header class="app-header">
            <div class="title">
                <h1>{t("คำนวณตัวชี้วัด OTOP", "OTOP KPI calculator")}</h1>
                <p class="subtitle">
                    {move || {
                        let p = state.preset.get();
                        let lang = state.lang.get();
                        i18n::tr(
                            lang,
                            &format!("จังหวัด{} · ปีงบประมาณ {} รอบที่ {} · ไฟล์ทั้งหมดอ่านในเบราว์เซอร์นี้ ไม่มีการส่งข้อมูลออกไป", p.province, p.fiscal_year, p.round),
                            &format!("{} province · fiscal year {} round {} · files are read in this browser only; nothing is sent anywhere", p.province, p.fiscal_year - 543, p.round),
                        )
                    }}
                </p>
            </div>
            <div class="header-tools no-print">
                <label class="toggle">
                    <input type="checkbox" data-testid="thai-digits"
                        prop:checked=move || state.thai_digits.get()
                        on:change=move |ev| state.thai_digits.set(event_target_checked(&ev)) />
                    {t("เลขไทย", "Thai digits")}
                </label>
                <button type="button" class="lang" data-testid="lang-toggle"
                    on:click=move |_| state.lang.update(|l| *l = if *l == Lang::Th { Lang::En } else { Lang::Th })>
                    {lang_label}
                </button>
            </div>
        </header>
        <main>
            <inputs::Inputs />
            <results::Results />
            <issues::IssuesPanel />
            <downloads::Downloads />
            <settings::Settings />
        </main>
        <footer class="app-footer">
            {t("ตัวชี้วัดและเป้าหมายตามหนังสือสำนักงานพัฒนาชุมชนจังหวัดสระแก้ว ลงวันที่ ๑๑ พฤษภาคม ๒๕๖๔", "KPIs and targets as in Sa Kaeo Community Development Office's letter of 11 May 2021")}
        </footer>
    }
}
