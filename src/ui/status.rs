//! The page's status line (SPEC §8's `[data-testid=status]`) and, while files
//! are read, the reading's progress.

use super::i18n::say;
use super::State;
use leptos::prelude::*;
use otop_model::label::{sentence, Label};
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
            "idle" => say(l, Label::NoFilesYet),
            "working" if state.session.with(Session::reading_targets) => say(l, Label::ReadingTargetTables),
            "working" if !state.session.with(Session::working) => say(l, Label::Scoring),
            "working" => {
                let (read, all) = progress(state);
                sentence::reading_files(l, read, all)
            }
            _ => {
                let n = state.session.with(Session::file_count);
                sentence::files_read(l, n)
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
                    aria-label=move || say(state.lang.get(), Label::FilesRead)></progress>
            }
        })}
    }
}
