//! The page's timers: a callback after some seconds, and a yield to the browser.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Calls `f` after `seconds`; returns the timer's handle.
pub(super) fn after(seconds: u32, f: impl FnOnce() + 'static) -> Option<i32> {
    after_ms(i32::try_from(u64::from(seconds) * 1000).unwrap_or(i32::MAX), f)
}

/// Calls `f` after `ms` milliseconds; returns the timer's handle.
pub(super) fn after_ms(ms: i32, f: impl FnOnce() + 'static) -> Option<i32> {
    let callback = Closure::once_into_js(f);
    web_sys::window()?.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms).ok()
}

pub(super) fn cancel(timer: Option<i32>) {
    if let (Some(t), Some(w)) = (timer, web_sys::window()) {
        w.clear_timeout_with_handle(t);
    }
}

/// Resolves in a new task of the event loop.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}
