//! The bytes of the next files of the queue, read before a worker takes them.

use super::{POOL, READ_AHEAD};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Starts reading the bytes of the first [`READ_AHEAD`] files of the queue
/// (each `Blob.arrayBuffer` call costs the page's thread a little: the 912
/// national files all at once were a task of 300 ms).
pub(super) fn read_ahead() {
    let starting: Vec<(u32, js_sys::Promise)> = POOL.with(|p| {
        let mut p = p.borrow_mut();
        let ahead = p.queue.iter_mut().take(READ_AHEAD).filter(|q| !q.reading && q.bytes.is_none());
        ahead
            .filter_map(|q| {
                let blob = q.file.dyn_ref::<web_sys::Blob>()?.clone();
                q.reading = true;
                Some((q.request.id, blob.array_buffer()))
            })
            .collect()
    });
    for (id, reading) in starting {
        wasm_bindgen_futures::spawn_local(async move {
            let bytes = JsFuture::from(reading).await.and_then(|b| b.dyn_into::<js_sys::ArrayBuffer>());
            POOL.with(|p| {
                if let Some(q) = p.borrow_mut().queue.iter_mut().find(|q| q.request.id == id) {
                    q.bytes = bytes.ok();
                }
            });
        });
    }
}
