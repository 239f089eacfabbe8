//! Target-table files read in a worker: one file that replaces the preset's
//! figures, or several provinces' files that make a run over them. The session
//! is working from the moment they are given until they are answered.

use super::{worker_client, State};
use leptos::prelude::*;
use otop_model::imported::file::FileKind;

/// Reads a target-table file in a worker and applies it to the preset.
pub fn read_targets(state: State, file: web_sys::File) {
    let name = file.name();
    let Some(request) = state.session.try_update(|s| {
        s.targets_asked(1);
        s.request(FileKind::Targets, &name)
    }) else {
        return;
    };
    leptos::task::spawn_local(async move {
        let reply = worker_client::read(request, file).await;
        state.session.update(|s| {
            s.targets_answered(1);
            if let otop_protocol::Outcome::Targets(tables) = reply.outcome {
                s.import_targets(&name, tables);
            }
        });
    });
}

/// Reads several provinces' target-table files in a worker, then makes them a
/// run over several provinces (one change to the session for all of them).
pub fn read_provinces(state: State, files: Vec<web_sys::File>) {
    // Working from now until the run they make is known: reports dropped
    // meanwhile are not shown under the preset these tables replace.
    let asked = files.len();
    state.session.update(|s| s.targets_asked(asked));
    leptos::task::spawn_local(async move {
        let mut read = Vec::new();
        for file in files {
            let name = file.name();
            let Some(request) = state.session.try_update_untracked(|s| s.request(FileKind::Targets, &name)) else {
                continue;
            };
            let reply = worker_client::read(request, file).await;
            if let otop_protocol::Outcome::Targets(tables) = reply.outcome {
                read.push((name, tables));
            }
        }
        state.selected.set(0);
        state.session.update(|s| {
            s.targets_answered(asked);
            s.import_provinces(read);
        });
    });
}
