//! The page's Web Worker: reads dropped files off the main thread, so a big file
//! never freezes the page and a reader that crashes on a malformed file ends only
//! this worker. Messages: in `{id, job: JSON of jobs::Job, bytes: Uint8Array}`,
//! out `{id, result: JSON of jobs::JobResult}`; `{ready: true}` once listening.

#[cfg(target_arch = "wasm32")]
fn main() {
    use otop_kpi::jobs::{run, Job, JobResult};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        let get = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
        let id = get("id");
        let job: Option<Job> = get("job").as_string().and_then(|s| serde_json::from_str(&s).ok());
        let bytes = get("bytes").dyn_into::<js_sys::Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
        let result = match job {
            Some(job) => run(&job, &bytes).to_json(),
            None => JobResult::failed(
                &Job {
                    kind: otop_kpi::jobs::JobKind::Report,
                    name: String::new(),
                    districts: Vec::new(),
                    default_year: 0,
                },
                "bad message",
            )
            .to_json(),
        };
        let out = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&out, &JsValue::from_str("id"), &id);
        let _ = js_sys::Reflect::set(&out, &JsValue::from_str("result"), &JsValue::from_str(&result));
        let _ = reply_scope.post_message(&out);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &JsValue::from_str("ready"), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
