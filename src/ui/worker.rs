//! Two Web Workers (see `src/worker.rs`) that read dropped files off the main
//! thread, one file each at a time. They start with the page, so their files are
//! loaded with it. A worker that dies on a file (a reader crash) fails only that
//! file — reported as damaged — and is replaced.

use otop_kpi::jobs::{Job, JobResult};
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const WORKERS: usize = 2;
const SCRIPT: &str = "./otop-kpi-worker_loader.js";

struct Running {
    job: Job,
    resolve: js_sys::Function,
}

struct Slot {
    worker: web_sys::Worker,
    ready: bool,
    running: Option<(u32, Running)>,
}

#[derive(Default)]
struct Pool {
    slots: Vec<Slot>,
    queue: VecDeque<(u32, Job, js_sys::Uint8Array, js_sys::Function)>,
    next_id: u32,
}

thread_local! {
    static POOL: RefCell<Pool> = RefCell::new(Pool::default());
}

fn spawn(index: usize) -> Option<web_sys::Worker> {
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Classic);
    let worker = web_sys::Worker::new_with_options(SCRIPT, &opts).ok()?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| on_message(index, ev));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
        ev.prevent_default();
        on_crash(index, &ev.message());
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Some(worker)
}

/// Starts the workers (called once when the page starts).
pub fn start() {
    POOL.with(|p| {
        let mut p = p.borrow_mut();
        for i in 0..WORKERS {
            if let Some(worker) = spawn(i) {
                p.slots.push(Slot { worker, ready: false, running: None });
            }
        }
    });
}

fn on_message(index: usize, ev: web_sys::MessageEvent) {
    let data = ev.data();
    let get = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let finished = POOL.with(|p| {
        let mut p = p.borrow_mut();
        let slot = p.slots.get_mut(index)?;
        if get("ready").is_truthy() {
            slot.ready = true;
            return None;
        }
        slot.running.take().map(|(_, r)| r)
    });
    if let Some(r) = finished {
        let _ = r.resolve.call1(&JsValue::NULL, &get("result"));
    }
    dispatch();
}

fn on_crash(index: usize, message: &str) {
    let failed = POOL.with(|p| {
        let mut p = p.borrow_mut();
        let slot = p.slots.get_mut(index)?;
        slot.worker.terminate();
        let running = slot.running.take();
        if let Some(worker) = spawn(index) {
            *slot = Slot { worker, ready: false, running: None };
        }
        running
    });
    if let Some((_, r)) = failed {
        let detail = if message.is_empty() {
            "the reader stopped on this file".to_string()
        } else {
            format!("the reader stopped on this file: {message}")
        };
        let _ = r.resolve.call1(&JsValue::NULL, &JsValue::from_str(&JobResult::failed(&r.job, &detail).to_json()));
    }
    dispatch();
}

/// Hands queued files to idle, ready workers.
fn dispatch() {
    POOL.with(|p| {
        let mut p = p.borrow_mut();
        loop {
            let Some(i) = p.slots.iter().position(|s| s.ready && s.running.is_none()) else { break };
            let Some((id, job, bytes, resolve)) = p.queue.pop_front() else { break };
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &JsValue::from_str("id"), &JsValue::from(id));
            let _ = js_sys::Reflect::set(
                &msg,
                &JsValue::from_str("job"),
                &JsValue::from_str(&serde_json::to_string(&job).unwrap_or_default()),
            );
            let _ = js_sys::Reflect::set(&msg, &JsValue::from_str("bytes"), &bytes);
            let transfer = js_sys::Array::of1(&bytes.buffer());
            if let Some(slot) = p.slots.get_mut(i) {
                let _ = slot.worker.post_message_with_transfer(&msg, &transfer);
                slot.running = Some((id, Running { job, resolve }));
            }
        }
    });
}

/// Reads one file in a worker.
pub async fn run(job: Job, bytes: Vec<u8>) -> JobResult {
    let array = js_sys::Uint8Array::from(bytes.as_slice());
    drop(bytes);
    let job_for_failure = job.clone();
    let mut job = Some(job);
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        POOL.with(|p| {
            let mut p = p.borrow_mut();
            p.next_id += 1;
            let id = p.next_id;
            if let Some(job) = job.take() {
                p.queue.push_back((id, job, array.clone(), resolve));
            }
        });
    });
    dispatch();
    match JsFuture::from(promise).await.ok().and_then(|v| v.as_string()) {
        Some(json) => JobResult::from_json(&json).unwrap_or_else(|e| JobResult::failed(&job_for_failure, &e)),
        None => JobResult::failed(&job_for_failure, "no answer from the reader"),
    }
}
