//! The three drop zones (reports, round-1 reports, sales), the per-file status
//! list, and dropping anywhere on the page.

use super::browser::files_of;
use super::i18n::{label, say, tr};
use super::status::Status;
use super::{keep_files, read, State};
use leptos::prelude::*;
use otop_model::imported::file::FileKind;
use otop_model::issue::Severity;
use otop_model::label::{sentence, Label};
use otop_session::{Session, Slot};
use wasm_bindgen::JsCast;

/// Adds `files` to the zone of `kind` (a file with a name already there
/// replaces it) and reads each in a worker.
pub fn add_files(state: State, kind: FileKind, files: Vec<web_sys::File>) {
    // Files dropped on a run opened from a link start a run of their own.
    super::share::leave(state);
    state.dropped.set_value(true);
    let files: Vec<(String, web_sys::File)> = files.into_iter().map(|f| (f.name(), f)).collect();
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    // One change to the session for all the files: the page redraws once.
    let requests = state.session.try_update(|s| s.add_files(kind, &names)).unwrap_or_default();
    keep_files(kind, &files);
    for ((_, file), request) in files.into_iter().zip(requests) {
        read(state, request, file);
    }
}

#[component]
fn DropZone(kind: FileKind, testid: &'static str, title: Label, hint: Label) -> impl IntoView {
    let state = expect_context::<State>();
    let dragging = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        add_files(state, kind, files_of(input.files()));
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        dragging.set(false);
        add_files(state, kind, files_of(ev.data_transfer().and_then(|dt| dt.files())));
    };
    let on_over = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        dragging.set(true);
    };
    let lang = move || state.lang.get();
    view! {
        <div class="slot">
            // The input itself takes the focus (visually hidden, outlined through the
            // zone): Enter or Space opens the picker, as the browser does for any file input.
            <label class="dropzone" class:dragging=move || dragging.get() data-zone=testid
                on:dragover=on_over
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <span class="dropzone-title">{move || say(lang(), title)}</span>
                <span class="dropzone-hint">{move || say(lang(), hint)}</span>
                // The page's own button (the browser's would say "Choose Files" in a Thai
                // page); the input stays for the pickers and the test hooks.
                <span class="button pick" aria-hidden="true">{move || say(lang(), Label::ChooseFiles)}</span>
                <input type="file" multiple data-testid=testid class="file-input"
                    accept=otop_model::imported::file::picker_accept()
                    on:change=on_change />
            </label>
            <FileList kind />
        </div>
    }
}

#[component]
fn FileList(kind: FileKind) -> impl IntoView {
    let state = expect_context::<State>();
    // Many files (a department's hundreds) fold under a line that counts them.
    // A memo: the list folds once when it grows past the limit, not at every answer.
    // On a phone a zone's list folds sooner: the results, not the file lines, fill its screen.
    let many = Memo::new(move |_| {
        let most = if state.narrow.get() { MANY_FILES_NARROW } else { MANY_FILES };
        state.session.with(|s| s.slots(kind).len()) > most
    });
    let summary = move || {
        let n = state.session.with(|s| s.slots(kind).len());
        let (errors, warnings) = state.issues.with(|all| {
            state.session.with(|s| {
                let with = |sev: Severity| {
                    s.slots(kind)
                        .iter()
                        .filter(|f| all.iter().any(|i| i.severity == sev && i.file.as_deref() == Some(f.name.as_str())))
                        .count()
                };
                (with(Severity::Error), with(Severity::Warning))
            })
        });
        sentence::files_folded(state.lang.get(), n, errors, warnings)
    };
    // Each file's state, worked out once for every province's folded list.
    let states = Memo::new(move |_| state.issues.with(|all| state.session.with(|s| s.file_states(kind, all))));
    // Several provinces: the report files by province, a line each (files, errors, warnings).
    let by_province = Memo::new(move |_| {
        let n = (kind == FileKind::Report).then(|| state.nation.with(|n| n.as_ref().map(province_files))).flatten()?;
        let listed: Vec<&String> = n.iter().flat_map(|(_, files)| files).collect();
        let others: Vec<String> = state
            .session
            .with(|s| s.slots(kind).iter().map(|f| f.name.clone()).filter(|f| !listed.contains(&f)).collect());
        let mut groups = n.clone();
        if !others.is_empty() {
            groups.push((String::new(), others));
        }
        Some(groups)
    });
    move || match by_province.get() {
        Some(groups) => groups
            .into_iter()
            .map(|(province, files)| view! { <ProvinceFiles province files states /> })
            .collect_view()
            .into_any(),
        None => view! {
            <details class="file-list-box" prop:open=move || !many.get()>
                <summary class:hidden=move || !many.get()>{summary}</summary>
                <ul class="file-list">
                    <For each=move || state.session.with(|s| s.slots(kind).to_vec())
                        key=|s| (s.name.clone(), s.result.is_some()) let:file>
                        <FileStatus file kind />
                    </For>
                </ul>
            </details>
        }
        .into_any(),
    }
}

/// Each province's report files in a run over several provinces: (province, file names).
fn province_files(n: &otop_engine::nation::NationRun) -> Vec<(String, Vec<String>)> {
    n.provinces.iter().map(|p| (p.preset.province.clone(), p.files.clone())).collect()
}

/// One province's report files: a line (files, errors, warnings) that opens to the files.
/// `province` empty: the files of no loaded province.
#[component]
fn ProvinceFiles(province: String, files: Vec<String>, states: Memo<Vec<(String, &'static str)>>) -> impl IntoView {
    let state = expect_context::<State>();
    let names = files.clone();
    let key = province.clone();
    let summary = move || {
        let lang = state.lang.get();
        let (errors, warnings) = state.issues.with(|all| {
            let with = |sev: Severity| {
                names
                    .iter()
                    .filter(|f| all.iter().any(|i| i.severity == sev && i.file.as_deref() == Some(f.as_str())))
                    .count()
            };
            (with(Severity::Error), with(Severity::Warning))
        });
        let n = names.len();
        let who = if province.is_empty() {
            say(lang, Label::InNoLoadedProvince)
        } else {
            sentence::province_named(lang, &province)
        };
        sentence::province_files(lang, who, n, errors, warnings)
    };
    let mine = files.clone();
    let items = move || {
        let mine: Vec<Slot> = state
            .session
            .with(|s| s.slots(FileKind::Report).iter().filter(|f| mine.contains(&f.name)).cloned().collect());
        mine.into_iter().map(|file| view! { <FileStatus file kind=FileKind::Report /> }).collect_view()
    };
    // Folded, each file still has its status element (SPEC §8), bare and hidden:
    // its name and state (the zone's states, found in one pass over the issues).
    let folded = move || {
        let mine: Vec<(String, &'static str)> =
            states.with(|all| all.iter().filter(|(name, _)| files.contains(name)).cloned().collect());
        mine.into_iter()
            .map(|(name, file_state)| {
                view! {
                    <li hidden class="file-status" data-testid="file-status" data-file=name data-state=file_state></li>
                }
            })
            .collect_view()
    };
    // A province's files are drawn once it is opened: 76 provinces' 912 lines,
    // drawn again at each change of the run, were tasks of 120–180 ms.
    let open = RwSignal::new(false);
    let on_toggle = move |ev: leptos::ev::Event| {
        let element = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        open.set(element.is_some_and(|e| e.has_attribute("open")));
    };
    view! {
        <details class="file-list-box province-files" data-testid="province-files" data-province=key
            on:toggle=on_toggle>
            <summary>{summary}</summary>
            <ul class="file-list">
                {move || if open.get() { items().into_any() } else { folded().into_any() }}
            </ul>
        </details>
    }
}

/// Above this many files, a zone's list is folded.
const MANY_FILES: usize = 20;
/// The same on a phone's narrow screen.
const MANY_FILES_NARROW: usize = 2;

#[component]
fn FileStatus(file: Slot, kind: FileKind) -> impl IntoView {
    let state = expect_context::<State>();
    let name = file.name.clone();
    let remove_name = name.clone();
    let remove = move |_| {
        state.session.update(|s| s.remove_file(kind, &remove_name));
    };
    let lang = move || state.lang.get();
    let Some(f) = file.result else {
        return view! {
            <li class="file-status" data-testid="file-status" data-file=name.clone() data-state="working">
                <span class="file-name">{name.clone()}</span>
                <span class="file-note">
                    <span class="spinner" aria-hidden="true"></span>{move || say(lang(), Label::Reading)}
                </span>
            </li>
        }
        .into_any();
    };
    // Every file's own issues reach the analysis (with those found when counting).
    let file_for_state = f.file.clone();
    let state_attr = move || state.issues.with(|all| otop_model::imported::file::state_of_file(all, &file_for_state));
    let issues_of = f.file.clone();
    let counts = move || {
        state.issues.with(|all| {
            let mine = all.iter().filter(|i| i.file.as_deref() == Some(issues_of.as_str()));
            let e = mine.clone().filter(|i| i.severity == Severity::Error).count();
            (e, mine.count() - e)
        })
    };
    let used = f.sheets_used.clone();
    let skipped = f.sheets_skipped.clone();
    let n_sheets = f.sheets_used.len() + f.sheets_skipped.len();
    let rows = f.rows;
    // One short line: the rows read and the problems (the sheets used are in the fold below).
    let summary = move || {
        let (e, w) = counts();
        sentence::file_read(lang(), rows, e, w)
    };
    let sheets = f
        .sheets_used
        .iter()
        .map(|s| view! { <li class="sheet used" data-sheet=s.clone()>{s.clone()}</li> }.into_any())
        .chain(skipped.into_iter().map(|s| {
            let reason = (s.reason_th.clone(), s.reason_en.clone());
            view! {
                <li class="sheet skipped" data-sheet=s.sheet.clone() data-skipped="true">
                    {s.sheet.clone()}" — "{move || tr(lang(), &reason.0, &reason.1)}
                </li>
            }
            .into_any()
        }))
        .collect_view();
    // A report with problems in its sheets can go back to its district, marked.
    let can_send_back = matches!(kind, FileKind::Report | FileKind::Round1) && !f.sheets_used.is_empty();
    let back_name = f.file.clone();
    let issues_here = f.file.clone();
    let back_note: RwSignal<Option<(String, String)>> = RwSignal::new(None);
    let send_back_button = move || {
        let any = state.issues.with(|all| all.iter().any(|i| i.file.as_deref() == Some(issues_here.as_str())));
        (can_send_back && any).then(|| {
            let name = back_name.clone();
            view! {
                <button type="button" class="return" data-testid="return-file"
                    on:click=move |_| super::downloads::send_back(state, kind, name.clone(), back_note)>
                    {move || say(lang(), Label::SendBackWithNotesXlsx)}
                </button>
                {move || back_note.get().map(|(th, en)| view! {
                    <p class="file-error" data-testid="return-error">{tr(lang(), &th, &en)}</p>
                })}
            }
        })
    };
    let whole_file_error = f
        .issues
        .iter()
        .find(|i| i.row.is_none() && i.sheet.is_none() && i.severity == Severity::Error)
        .map(|i| (i.message_th.clone(), i.message_en.clone()));
    view! {
        // One line per file (name, what was read, its send-back button), so the
        // results are in view after a drop; the sheets open below it.
        <li class="file-status" data-testid="file-status" data-file=f.file.clone() data-state=state_attr>
            <div class="file-line">
                <span class="file-name">{f.file.clone()}</span>
                <span class="file-summary">{summary}</span>
                {send_back_button}
                <button type="button" class="remove" on:click=remove
                    aria-label=move || say(lang(), Label::RemoveFile)>"×"</button>
            </div>
            {whole_file_error.map(|(th, en)| view! { <p class="file-error">{move || tr(lang(), &th, &en)}</p> })}
            // Folded, so the results come into view after a drop; a click opens the sheets.
            <details class="file-sheets">
                <summary>
                    {move || {
                        let list = if used.is_empty() { "-".to_string() } else { used.join(", ") };
                        sentence::sheets_used(lang(), list, n_sheets)
                    }}
                </summary>
                <ul class="sheets">{sheets}</ul>
            </details>
        </li>
    }
    .into_any()
}

#[component]
pub fn Inputs() -> impl IntoView {
    let state = expect_context::<State>();
    // Files dropped anywhere else on the page are reports.
    let _over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let _drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        add_files(state, FileKind::Report, files_of(ev.data_transfer().and_then(|dt| dt.files())));
    });
    view! {
        <section class="inputs no-print" aria-labelledby="inputs-title">
            <h2 id="inputs-title">{label(Label::InputFiles)}</h2>
            <div class="slots">
                <DropZone kind=FileKind::Report testid="report-files"
                    title=Label::ReportsDropTitle
                    hint=Label::ReportsDropHint />
                <DropZone kind=FileKind::Round1 testid="round1-files"
                    title=Label::Round1DropTitle
                    hint=Label::Round1DropHint />
                <DropZone kind=FileKind::Sales testid="sales-files"
                    title=Label::SalesDropTitle
                    hint=Label::SalesDropHint />
            </div>
            <div class="provinces-input">
                <label class="button">
                    {label(Label::SeveralProvincesHint)}
                    <input type="file" multiple data-testid="targets-files" class="file-input"
                        accept=otop_model::imported::file::picker_accept()
                        on:change=move |ev| {
                            let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                            else {
                                return;
                            };
                            super::read_provinces(state, files_of(input.files()));
                            input.set_value("");
                        } />
                </label>
                {move || Some(state.session.with(|s| s.provinces.len())).filter(|n| *n > 0).map(|count| {
                    let l = state.lang.get();
                    view! {
                        <span class="provinces-loaded">
                            {sentence::provinces_loaded(l, count)}
                        </span>
                        <button type="button" data-testid="clear-provinces"
                            on:click=move |_| state.session.update(Session::clear_provinces)>
                            {say(l, Label::BackToOneProvince)}
                        </button>
                    }
                })}
            </div>
            <Status />
        </section>
    }
}
