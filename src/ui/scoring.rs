//! Scoring on the page, a slice at a time: a run over several provinces (the
//! core's [`NationSteps`]) or one province's run over a big file (its
//! [`AnalysisSteps`]), each counting a slice of products a step, would take
//! longer than a task should, so the browser gets the thread back every
//! [`SLICE_MS`]. A change to the session starts a new run and stops the one
//! under way; a small run is the page's `analysis` memo's to make.

use super::worker_client::yield_to_browser;
use leptos::prelude::*;
use otop_engine::analysis::{Analysis, AnalysisSteps};
use otop_engine::nation::{NationRun, NationSteps};
use otop_session::Session;
use std::cell::Cell;

/// How long one slice of scoring runs before the browser has the thread back.
const SLICE_MS: f64 = 20.0;
/// Products counted between two looks at the clock.
const PRODUCTS_PER_LOOK: usize = 5_000;

thread_local! {
    /// The run under way (a newer one stops it). A thread-local, not a signal:
    /// the run's task checks it between slices without subscribing to anything,
    /// and the page has one thread.
    static CURRENT: Cell<u32> = const { Cell::new(0) };
    /// The last run number given out (see `Scores::asked`).
    static LAST_ASKED: Cell<u32> = const { Cell::new(0) };
}

/// What the page shows, made from the session.
#[derive(Clone, Copy)]
pub struct Scores {
    /// The run over several provinces, when their target tables are loaded.
    pub nation: RwSignal<Option<NationRun>>,
    /// One province's run over more than [`otop_session::shown::AT_ONCE`] products (`None` otherwise,
    /// and until the first is made).
    pub province: RwSignal<Option<Analysis>>,
    /// Whether a run is being made.
    pub scoring: RwSignal<bool>,
    /// The number of the run the session as it is now asks for: a new one at
    /// each change of the session, known as soon as the session has changed
    /// (a memo, read when the status is drawn; the effect that starts the run
    /// comes a task later).
    pub asked: Memo<u32>,
    /// The number of the run whose result is shown (or, for a run the page's
    /// memos make at once, that was asked for and needs nothing from here).
    pub shown: RwSignal<u32>,
}

impl Scores {
    /// Whether what is shown is the run of the session as it is now: `false`
    /// from the moment the session changes until its run is made and shown.
    pub fn up_to_date(&self) -> bool {
        !self.scoring.get() && self.shown.get() == self.asked.get()
    }
}

/// A run to make a step at a time.
enum Steps {
    Nation(Box<NationSteps>),
    Province(Box<AnalysisSteps>),
}

impl Steps {
    /// One step; `true` when there is nothing left to do.
    fn step(&mut self) -> bool {
        match self {
            Steps::Nation(n) => n.step(PRODUCTS_PER_LOOK),
            Steps::Province(a) => a.step(PRODUCTS_PER_LOOK),
        }
    }
}

/// Keeps `scores` made from `session`.
pub fn keep_scored(session: RwSignal<Session>) -> Scores {
    let asked = Memo::new(move |_| {
        session.track();
        LAST_ASKED.with(|c| {
            c.set(c.get().wrapping_add(1));
            c.get()
        })
    });
    let scores = Scores {
        nation: RwSignal::new(None),
        province: RwSignal::new(None),
        scoring: RwSignal::new(false),
        asked,
        shown: RwSignal::new(0),
    };
    Effect::new(move |_| {
        let run = asked.get();
        CURRENT.with(|c| c.set(run));
        let (several, sliced) = session.with(|s| (s.several_provinces(), s.scored_in_slices()));
        if !several {
            clear(scores.nation);
        }
        if several || !sliced {
            clear(scores.province);
        }
        if !sliced {
            scores.scoring.set(false);
            scores.shown.set(run);
            return;
        }
        scores.scoring.set(true);
        leptos::task::spawn_local(score(session, run, scores));
    });
    scores
}

fn clear<T: Send + Sync + 'static>(signal: RwSignal<Option<T>>) {
    if signal.with_untracked(Option::is_some) {
        signal.set(None);
    }
}

async fn score(session: RwSignal<Session>, run: u32, scores: Scores) {
    let current = || CURRENT.with(Cell::get) == run;
    // From the next task on: the one that changed the session also redraws the page.
    yield_to_browser().await;
    if !current() {
        return;
    }
    // Sharing the files out among the provinces is a slice of its own.
    let mut steps = match session.with_untracked(Session::nation_steps) {
        Some(n) => Steps::Nation(Box::new(n)),
        None => Steps::Province(Box::new(session.with_untracked(Session::analysis_steps))),
    };
    yield_to_browser().await;
    loop {
        if !current() {
            return;
        }
        let start = js_sys::Date::now();
        let mut done = false;
        while !done && js_sys::Date::now() - start < SLICE_MS {
            done = steps.step();
        }
        if done {
            break;
        }
        yield_to_browser().await;
    }
    show(scores, steps, run);
}

/// Finishes the run and shows it; the same run as shown (a file added, not
/// read yet) redraws nothing.
fn show(scores: Scores, steps: Steps, run: u32) {
    match steps {
        Steps::Nation(n) => {
            let done = n.finish();
            if scores.nation.with_untracked(|n| n.as_ref() != Some(&done)) {
                scores.nation.set(Some(done));
            }
        }
        Steps::Province(a) => {
            let done = a.finish();
            if scores.province.with_untracked(|a| a.as_ref() != Some(&done)) {
                scores.province.set(Some(done));
            }
        }
    }
    scores.shown.set(run);
    scores.scoring.set(false);
}
