//! Downloads: the results workbook, CSV of each table, the blank template, the
//! preset, a report file sent back with its problems marked; and printing.
//! Everything is made in the browser, by a worker: the page hands it the run
//! (`RunData`) and downloads the bytes it answers with.

use super::browser::download;
use super::i18n::{label, say};
use super::State;
use leptos::prelude::*;
use otop_model::imported::file::returned_name;
use otop_model::imported::file::FileKind;
use otop_model::issue::Issue;
use otop_model::label::Label;
use otop_protocol::{CsvTable, Outcome, RunData, ToReturn, Write};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV: &str = "text/csv;charset=utf-8";
const ZIP: &str = "application/zip";

/// The issues of file `name`.
fn issues_of(state: State, name: &str) -> Vec<Issue> {
    state.issues.with_untracked(|all| all.iter().filter(|i| i.file.as_deref() == Some(name)).cloned().collect())
}

/// What a request to send files back gave: the bytes, or why not, in both languages.
fn returned(reply: otop_protocol::Reply) -> Result<Vec<u8>, (String, String)> {
    match reply.outcome {
        Outcome::Made(Ok(bytes)) => Ok(bytes),
        Outcome::Made(Err(issue)) => Err((issue.message_th, issue.message_en)),
        _ => Err(Label::both_owned(Label::UnexpectedAnswer)),
    }
}

/// Downloads the report file `name` back with its problems marked (SPEC §5),
/// made in a worker from the file itself; `note` says why when it cannot be.
pub fn send_back(state: State, kind: FileKind, name: String, note: RwSignal<Option<(String, String)>>) {
    let Some(file) = super::kept_file(kind, &name) else { return };
    let lang = state.lang.get_untracked();
    let issues = issues_of(state, &name);
    let Some(request) = state.session.try_update_untracked(|s| s.returned_request(&name, issues, lang)) else {
        return;
    };
    note.set(None);
    leptos::task::spawn_local(async move {
        match returned(super::worker_client::read(request, file).await) {
            Ok(bytes) => download(&returned_name(&name), XLSX, &bytes),
            Err(why) => note.set(Some(why)),
        }
    });
}

/// The report files that have issues, with their issues, in the order of the issues.
fn files_to_return(state: State) -> Vec<(web_sys::File, ToReturn)> {
    let kept = state.session.with_untracked(super::kept_reports);
    let mut out: Vec<(web_sys::File, ToReturn)> = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    state.issues.with_untracked(|all| {
        for issue in all {
            let Some(name) = issue.file.as_deref() else { continue };
            let index = match at.get(name) {
                Some(&i) => i,
                None => {
                    let Some(file) = kept.get(name) else { continue };
                    out.push((file.clone(), ToReturn { name: name.to_string(), issues: Vec::new() }));
                    at.insert(name.to_string(), out.len() - 1);
                    out.len() - 1
                }
            };
            if let Some((_, f)) = out.get_mut(index) {
                f.issues.push(issue.clone());
            }
        }
    });
    out
}

/// "ส่งคืนทุกไฟล์": every report with problems sent back, in one zip made in a worker.
#[component]
fn ReturnAll() -> impl IntoView {
    let state = expect_context::<State>();
    let busy = RwSignal::new(false);
    let note: RwSignal<Option<(String, String)>> = RwSignal::new(None);
    let any = move || {
        let kept = state.session.with(super::kept_reports);
        state.issues.with(|all| all.iter().any(|i| i.file.as_deref().is_some_and(|n| kept.contains_key(n))))
    };
    let click = move |_| {
        let (files, wanted): (Vec<web_sys::File>, Vec<ToReturn>) = files_to_return(state).into_iter().unzip();
        let lang = state.lang.get_untracked();
        let Some(request) = state.session.try_update_untracked(|s| s.return_all_request(wanted, lang)) else {
            return;
        };
        busy.set(true);
        note.set(None);
        leptos::task::spawn_local(async move {
            match returned(super::worker_client::read_all(request, files).await) {
                Ok(bytes) => download(&format!("{}.zip", say(lang, Label::ZipOfReturnedFiles)), ZIP, &bytes),
                Err(why) => note.set(Some(why)),
            }
            busy.set(false);
        });
    };
    view! {
        <Show when=any>
            <button type="button" data-testid="return-all" on:click=click disabled=move || busy.get()>
                {move || if busy.get() {
                    label(Label::MakingReturnedFiles)()
                } else {
                    label(Label::SendBackAllWithProblems)()
                }}
            </button>
        </Show>
        {move || note.get().map(|(th, en)| {
            view! { <p class="file-error" data-testid="return-all-error">{t_now(state.lang.get(), &th, &en)}</p> }
        })}
    }
}

/// A label in `lang`, now.
fn t_now(lang: otop_model::display::Lang, th: &str, en: &str) -> String {
    super::i18n::tr(lang, th, en)
}

/// Downloads file `name` written by a worker from the run now on the page
/// (with what `what` needs of it: the blank form only the preset, a CSV the
/// analysis too, the results workbook the provinces' run as well); `note` says
/// why when it cannot be written.
pub fn write_file(state: State, name: String, what: Write, note: RwSignal<Option<(String, String)>>) {
    let lang = state.lang.get_untracked();
    let run = RunData {
        preset: state.preset.get_untracked(),
        analysis: (!matches!(what, Write::Template | Write::Preset)).then(|| state.analysis.get_untracked()),
        nation: if what == Write::Results { state.nation.get_untracked() } else { None },
    };
    let Some(request) = state.session.try_update_untracked(|s| s.write_request(&name, what, lang)) else {
        return;
    };
    note.set(None);
    leptos::task::spawn_local(async move {
        let mime = match what {
            Write::Csv(_) => CSV,
            Write::Results | Write::Template => XLSX,
            Write::Preset => "application/json",
        };
        match returned(super::worker_client::write(request, run.encode()).await) {
            Ok(bytes) => download(&name, mime, &bytes),
            Err(why) => note.set(Some(why)),
        }
    });
}

#[component]
pub fn Downloads() -> impl IntoView {
    let state = expect_context::<State>();
    let note: RwSignal<Option<(String, String)>> = RwSignal::new(None);
    let stem = move || state.preset.with(|p| format!("otop-kpi-{}-{}-r{}", p.province, p.fiscal_year, p.round));
    let results = move |_| write_file(state, format!("{}.xlsx", stem()), Write::Results, note);
    let csv = move |which: &'static str| {
        move |_| {
            let table = match which {
                "kpi1" => CsvTable::Kpi1,
                "kpi2" => CsvTable::Kpi2,
                "readiness" => CsvTable::Readiness,
                "products" => CsvTable::Products,
                _ => CsvTable::Issues,
            };
            write_file(state, format!("{}-{which}.csv", stem()), Write::Csv(table), note);
        }
    };
    let template = move |_| write_file(state, "แบบรายงาน-OTOP-ออนไลน์.xlsx".into(), Write::Template, note);
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="downloads no-print" aria-labelledby="downloads-title">
            <h2 id="downloads-title">{label(Label::Downloads)}</h2>
            <div class="buttons">
                <button type="button" class="primary" data-testid="download-results" on:click=results>
                    {label(Label::ResultsWorkbookExcel)}
                </button>
                <button type="button" data-testid="download-kpi1-csv" on:click=csv("kpi1")>
                    {label(Label::Kpi1Csv)}
                </button>
                <button type="button" data-testid="download-kpi2-csv" on:click=csv("kpi2")>
                    {label(Label::Kpi2Csv)}
                </button>
                <button type="button" data-testid="download-products-csv" on:click=csv("products")>
                    {label(Label::MergedProductListCsv)}
                </button>
                <button type="button" data-testid="download-readiness-csv" on:click=csv("readiness")>
                    {label(Label::ReadinessCsv)}
                </button>
                <button type="button" data-testid="download-issues-csv" on:click=csv("issues")>
                    {label(Label::IssuesCsv)}
                </button>
                <button type="button" data-testid="download-template" on:click=template>
                    {label(Label::BlankReportFormXlsx)}
                </button>
                <ReturnAll/>
                <button type="button" data-testid="print" on:click=print>
                    {label(Label::PrintA4Landscape)}
                </button>
            </div>
            {move || note.get().map(|(th, en)| {
                view! { <p class="file-error" data-testid="download-error">{t_now(state.lang.get(), &th, &en)}</p> }
            })}
        </section>
    }
}
