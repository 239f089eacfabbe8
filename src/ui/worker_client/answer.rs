//! The answer to a request handed to a worker: waited for, and its reply
//! decoded — a report's products a slice at a time, each slice its own task.

use super::{yield_to_browser, POOL, PRODUCTS_PER_TASK};
use otop_model::imported::error::FileError;
use otop_protocol::{Decoding, Outcome, Reply, Request};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The reply to `request`, once `promise` (from [`enqueue`](super::enqueue)) resolves.
pub(super) async fn answer(request: Request, promise: js_sys::Promise) -> Reply {
    let id = request.id;
    let answer = JsFuture::from(promise).await.unwrap_or(JsValue::UNDEFINED);
    if let Some(error) = POOL.with(|p| p.borrow_mut().failures.remove(&id)) {
        return Reply::failed(&request, &error);
    }
    let bytes = answer.dyn_into::<js_sys::Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
    let damaged = |why: String| Reply::failed(&request, &FileError::Damaged(why));
    let other = |got: u32| damaged(format!("answer {got} to request {id}"));
    let reply = match Reply::decoding(&bytes) {
        Ok(Decoding::Done(reply)) if reply.id == id => reply,
        Ok(Decoding::Done(reply)) => other(reply.id),
        Ok(Decoding::Report { id: got, .. }) if got != id => other(got),
        // A report's products a slice at a time, each slice its own task.
        Ok(Decoding::Report { mut products, .. }) => loop {
            match products.step(PRODUCTS_PER_TASK) {
                Ok(true) => break Reply { id, outcome: Outcome::Report(products.finish()) },
                Ok(false) => yield_to_browser().await,
                Err(why) => break damaged(why),
            }
        },
        Err(why) => damaged(why),
    };
    drop(bytes);
    // Let the browser breathe between decoding the reply and counting it, so the
    // two are separate tasks on the main thread, not one long one.
    yield_to_browser().await;
    reply
}
