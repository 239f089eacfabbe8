//! The page's status line (SPEC §8's `[data-testid=status]`) and, while files
//! are read, the reading's progress.

use super::i18n::tr;
use super::State;
use leptos::prelude::*;
use otop_session::Session;

/// The page's `data-state`: `idle` with no file, `working` while a file is
/// read or the run shown is not yet the run of every file read (scoring a big
/// run is `working` too; the text says which), else `done`.
fn status_of(state: State) -> &'static str {
    if state.session.with(|s| s.file_count() == 0 && !s.reading_targets()) {
        "idle"
    } else if state.busy() {
        "working"
    } else {
        "done"
    }
}

/// Files read of files dropped, while any is being read (a department's drop of hundreds).
fn progress(state: State) -> (usize, usize) {
    state.session.with(|s| {
        let all = s.file_count();
        (all.saturating_sub(s.pending()), all)
    })
}

#[component]
pub fn Status() -> impl IntoView {
    let state = expect_context::<State>();
    let status = move || status_of(state);
    let status_text = move || {
        let l = state.lang.get();
        match status() {
            "idle" => tr(l, "ยังไม่มีไฟล์ — ลากไฟล์รายงานมาวางเพื่อเริ่ม", "No files yet: drop the report files to start"),
            "working" if state.session.with(Session::reading_targets) => {
                tr(l, "กำลังอ่านตารางค่าเป้าหมาย…", "Reading the target tables…")
            }
            "working" if !state.session.with(Session::working) => tr(l, "กำลังคำนวณคะแนน…", "Scoring…"),
            "working" => {
                let (read, all) = progress(state);
                tr(
                    l,
                    &format!("กำลังอ่านไฟล์… อ่านแล้ว {read} จาก {all} ไฟล์"),
                    &format!("Reading files: {read} of {all} read"),
                )
            }
            _ => {
                let n = state.session.with(Session::file_count);
                tr(l, &format!("อ่านแล้ว {n} ไฟล์",), &format!("{n} files read"))
            }
        }
    };
    view! {
        <p class="status" data-testid="status" data-state=status role="status" aria-live="polite">
            {status_text}
        </p>
        {move || state.session.with(Session::working).then(|| {
            let (read, all) = progress(state);
            view! {
                <progress data-testid="read-progress" value=read.to_string() max=all.to_string()
                    aria-label=move || tr(state.lang.get(), "ความคืบหน้าการอ่านไฟล์", "Files read")></progress>
            }
        })}
    }
}
