//! Warming the reading workers up while the page waits for files
//! (`otop_worker::warming`): the browser then compiles the readers' hot code
//! before the first files, not while they are read.

use super::timers::after_ms;
use super::{set, Kind, Pool, POOL};
use wasm_bindgen::JsValue;

/// How long after a reading worker is ready the page asks it to warm up: a
/// file dropped as the page opens does not share the cores with a warming
/// (asked at once, the reader of every format's warming, ready a second after
/// the page, slowed a 100k-row file dropped right after ready by a sixth).
const WARM_AFTER_MS: i32 = 500;

/// Asks reading worker `index`, of `kind`, to warm up [`WARM_AFTER_MS`] from
/// now, unless files came meanwhile (they warm it), or the page was opened on
/// a results link (a phone reading one never reads a file, and is spared the
/// work). A worker already warm (it read a report) says nothing and does nothing.
pub(super) fn warm_soon(index: usize, kind: Kind) {
    let _ = after_ms(WARM_AFTER_MS, move || warm(index, kind));
}

/// The page has finished with every file it was given: each ready reading
/// worker is asked to warm up soon (one that read only target tables, say,
/// has not run the report readers yet).
pub(super) fn warm_when_idle(p: &Pool) {
    if !is_idle(p) {
        return;
    }
    let reading = p.workers.iter().enumerate().filter(|(_, w)| w.ready && !w.dead && w.kind != Kind::Writer);
    for (index, w) in reading {
        warm_soon(index, w.kind);
    }
}

/// No file waits, and no worker is on one.
fn is_idle(p: &Pool) -> bool {
    p.queue.is_empty() && p.workers.iter().all(|w| w.running.is_empty())
}

fn warm(index: usize, kind: Kind) {
    let on_link = crate::ui::share::on_link();
    POOL.with(|p| {
        let mut p = p.borrow_mut();
        let idle = is_idle(&p);
        if let Some(w) =
            p.workers.get_mut(index).filter(|w| w.kind == kind && w.ready && !w.dead && !on_link && idle && !w.warming)
        {
            let msg = js_sys::Object::new();
            set(&msg, "warm", &JsValue::TRUE);
            let _ = w.worker.post_message(&msg);
            w.warming = true;
        }
    });
}

/// Files came: every worker still warming stops (`{warm: false}`), so that
/// none takes a core from the ones reading them.
pub(super) fn cool(p: &mut Pool) {
    for w in p.workers.iter_mut().filter(|w| w.warming) {
        let msg = js_sys::Object::new();
        set(&msg, "warm", &JsValue::FALSE);
        let _ = w.worker.post_message(&msg);
        w.warming = false;
    }
}
