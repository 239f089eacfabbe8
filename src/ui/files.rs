//! Dropping and picking report files, and the per-file status list.

use leptos::prelude::*;
use leptos::task::spawn_local;
use otop_kpi::import::{inspect, FileSummary};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// One dropped file: still being read, or read.
#[derive(Clone)]
enum Entry {
    Reading(String),
    Read(FileSummary),
}

impl Entry {
    fn name(&self) -> &str {
        match self {
            Entry::Reading(n) => n,
            Entry::Read(s) => &s.file,
        }
    }
}

async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = JsFuture::from(file.array_buffer()).await.map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
pub fn FilesPanel() -> impl IntoView {
    let entries = RwSignal::new(Vec::<Entry>::new());
    let dragging = RwSignal::new(false);

    let add_files = move |files: Vec<web_sys::File>| {
        for file in files {
            let name = file.name();
            entries.update(|es| {
                es.retain(|e| e.name() != name);
                es.push(Entry::Reading(name.clone()));
            });
            spawn_local(async move {
                let summary = match read_bytes(&file).await {
                    Ok(bytes) => inspect(&name, &bytes),
                    Err(e) => inspect(&name, &[]).with_read_error(&e),
                };
                entries.update(|es| {
                    if let Some(slot) = es.iter_mut().find(|e| e.name() == name) {
                        *slot = Entry::Read(summary);
                    }
                });
            });
        }
    };

    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        add_files(file_list(input.files()));
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        add_files(file_list(ev.data_transfer().and_then(|dt| dt.files())));
    };
    let status = move || {
        let es = entries.get();
        if es.is_empty() {
            "idle"
        } else if es.iter().any(|e| matches!(e, Entry::Reading(_))) {
            "working"
        } else {
            "done"
        }
    };

    view! {
        <section class="inputs">
            <label
                class="dropzone"
                class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <span class="dropzone-title">"รายงานผลการส่งเสริมผลิตภัณฑ์ OTOP ในตลาดออนไลน์"</span>
                <span class="dropzone-hint">"ลากไฟล์มาวางที่นี่ หรือคลิกเพื่อเลือกไฟล์ (.xlsx .xls .xlsb .ods .csv ได้หลายไฟล์)"</span>
                <input type="file" multiple data-testid="report-files"
                    accept=".xlsx,.xlsm,.xls,.xlsb,.ods,.csv"
                    on:change=on_change />
            </label>
            <p class="status" data-testid="status" data-state=status>
                {move || match status() {
                    "idle" => "ยังไม่มีไฟล์".to_string(),
                    "working" => "กำลังอ่านไฟล์…".to_string(),
                    _ => format!("อ่านแล้ว {} ไฟล์", entries.with(Vec::len)),
                }}
            </p>
            <ul class="file-list">
                <For each=move || entries.get() key=|e| (e.name().to_string(), matches!(e, Entry::Read(_))) let:entry>
                    <FileStatus entry />
                </For>
            </ul>
        </section>
    }
}

#[component]
fn FileStatus(entry: Entry) -> impl IntoView {
    match entry {
        Entry::Reading(name) => view! {
            <li class="file-status" data-testid="file-status" data-file=name.clone() data-state="working">
                <span class="file-name">{name.clone()}</span>
                <span class="file-note">"กำลังอ่าน…"</span>
            </li>
        }
        .into_any(),
        Entry::Read(s) => {
            let state = s.state();
            let sheets = s
                .sheets
                .iter()
                .map(|sh| {
                    let hidden = if sh.hidden { " (ซ่อน)" } else { "" };
                    view! { <li class="sheet" data-sheet=sh.name.clone()>{format!("{}{hidden}: {} แถว", sh.name, sh.rows)}</li> }
                })
                .collect_view();
            let issues = s
                .issues
                .iter()
                .map(|i| view! { <li class="issue" data-severity=i.severity.as_str()>{i.message_th.clone()}</li> })
                .collect_view();
            view! {
                <li class="file-status" data-testid="file-status" data-file=s.file.clone() data-state=state>
                    <span class="file-name">{s.file.clone()}</span>
                    <ul class="sheets">{sheets}</ul>
                    <ul class="file-issues">{issues}</ul>
                </li>
            }
            .into_any()
        }
    }
}
