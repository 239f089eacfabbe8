//! The run over several provinces on the page, scored a slice at a time (the
//! core's [`NationSteps`]): a department's hundreds of files over 76 provinces
//! take longer than a task should, and the page stays responsive meanwhile.
//! A change to the session starts a new run and stops the one under way.

use super::read_file_client::yield_to_browser;
use leptos::prelude::*;
use otop_kpi::nation::{NationRun, NationSteps};
use otop_kpi::session::Session;
use std::cell::Cell;

/// How long one slice of scoring runs before the browser has the thread back.
const SLICE_MS: f64 = 20.0;

thread_local! {
    /// The run under way (a newer one stops it).
    static CURRENT: Cell<u32> = const { Cell::new(0) };
}

/// Keeps `nation` the run over the session's provinces (`None` for one
/// province), and `scoring` true while a run is under way.
pub fn keep_scored(session: RwSignal<Session>, nation: RwSignal<Option<NationRun>>, scoring: RwSignal<bool>) {
    Effect::new(move |_| {
        let steps = session.with(Session::nation_steps);
        let run = CURRENT.with(|c| {
            c.set(c.get().wrapping_add(1));
            c.get()
        });
        let Some(steps) = steps else {
            scoring.set(false);
            if nation.with_untracked(Option::is_some) {
                nation.set(None);
            }
            return;
        };
        scoring.set(true);
        leptos::task::spawn_local(score(steps, run, nation, scoring));
    });
}

async fn score(mut steps: NationSteps, run: u32, nation: RwSignal<Option<NationRun>>, scoring: RwSignal<bool>) {
    let current = || CURRENT.with(Cell::get) == run;
    // The files were shared out in the task that changed the session: score from the next.
    yield_to_browser().await;
    loop {
        if !current() {
            return;
        }
        let start = js_sys::Date::now();
        let mut more = true;
        while more && js_sys::Date::now() - start < SLICE_MS {
            more = steps.step();
        }
        if !more {
            break;
        }
        yield_to_browser().await;
    }
    let done = steps.finish();
    // The same run again (a file added, not read yet) redraws nothing.
    if nation.with_untracked(|n| n.as_ref() != Some(&done)) {
        nation.set(Some(done));
    }
    scoring.set(false);
}
