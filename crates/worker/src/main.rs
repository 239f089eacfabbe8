//! The read-file feature's Web Worker (the `otop-kpi-worker` binary): reads
//! dropped files off the page's main thread, so a big file never freezes the
//! page, and a reader that crashes on a malformed file ends only this worker.
//!
//! Messages in: `{id, request, file}` — `request` a [`Request`] through
//! serde-wasm-bindgen, `file` the dropped `File` itself (or an array of them) (its bytes are read here,
//! once, straight into this worker's memory). Out: `{ready: true}` once
//! listening; then `{id, reply}` — `reply` the encoded [`Reply`] in a
//! transferred buffer — or `{id, error}` when the request could not be decoded.

#[cfg(target_arch = "wasm32")]
fn main() {
    use otop_engine::imported::error::FileError;
    use otop_protocol::{Reply, Request};
    use otop_worker::run_files;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    fn set(target: &js_sys::Object, key: &str, value: &JsValue) {
        let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
    }

    /// The file's bytes, read synchronously (allowed in a worker).
    fn read_bytes(file: &JsValue) -> Result<Vec<u8>, String> {
        let blob: &web_sys::Blob = file.dyn_ref().ok_or("no file in the message")?;
        let reader = web_sys::FileReaderSync::new().map_err(|e| format!("{e:?}"))?;
        let buffer = reader.read_as_array_buffer(blob).map_err(|e| format!("{e:?}"))?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }

    /// The bytes of the message's file, or of each of its files (an array).
    fn read_all(file: &JsValue) -> Result<Vec<Vec<u8>>, String> {
        match file.dyn_ref::<js_sys::Array>() {
            Some(files) => files.iter().map(|f| read_bytes(&f)).collect(),
            None => read_bytes(file).map(|b| vec![b]),
        }
    }

    /// `s` in Unicode NFC, by `String.prototype.normalize` (this wasm carries no Unicode tables).
    fn browser_nfc(s: &str) -> String {
        js_sys::JsString::from(s).normalize("NFC").into()
    }
    otop_engine::text::compose_with(browser_nfc);

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        let get = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
        let out = js_sys::Object::new();
        set(&out, "id", &get("id"));
        match serde_wasm_bindgen::from_value::<Request>(get("request")) {
            Ok(request) => {
                let reply = match read_all(&get("file")) {
                    Ok(files) => run_files(&request, &files),
                    Err(why) => Reply::failed(&request, &FileError::Unopenable(why)),
                };
                let encoded = js_sys::Uint8Array::from(reply.encode().as_slice());
                set(&out, "reply", &encoded);
                let _ = reply_scope.post_message_with_transfer(&out, &js_sys::Array::of1(&encoded.buffer()));
            }
            Err(e) => {
                set(&out, "error", &JsValue::from_str(&e.to_string()));
                let _ = reply_scope.post_message(&out);
            }
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = otop_worker::warm_up();
    let ready = js_sys::Object::new();
    set(&ready, "ready", &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
