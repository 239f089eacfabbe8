//! The read-file feature's client, on the page's side: two Web Workers (the
//! `otop-worker` crate) read dropped files and write files, one at a time each. The page hands a
//! worker the `File` itself (no copy of its bytes on the main thread) with a
//! typed [`Request`]; the answer is an encoded [`Reply`] in a transferred buffer,
//! whose id is checked against the request. Every wait is bounded: a worker
//! that does not start within [`START_BOUND_SECONDS`], or does not answer within
//! [`answer_bound_seconds`], is ended and its file becomes a clear error; a
//! worker that crashes on a file fails only that file and is replaced.

use otop_engine::imported::error::FileError;
use otop_protocol::{answer_bound_seconds, Decoding, Outcome, Reply, Request, START_BOUND_SECONDS};
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const WORKERS: usize = 2;
/// How many of a report's shared texts and products the page makes in one task,
/// so no task of a big file is long (100k rows: the longest task 71 ms, 113 ms
/// in one piece; the text table of 200k rows was a task of its own before it was sliced too).
const PRODUCTS_PER_TASK: usize = 25_000;
const SCRIPT: &str = "./otop-kpi-worker_loader.js";

/// A file handed to a worker, waiting for its answer.
struct Running {
    id: u32,
    resolve: js_sys::Function,
    timer: Option<i32>,
}

/// One worker of the pool.
struct Worker {
    worker: web_sys::Worker,
    ready: bool,
    /// Ended because it did not start in time.
    dead: bool,
    /// Which start of this place in the pool it is (a timer of an earlier one is stale).
    generation: u32,
    running: Option<Running>,
}

/// A file waiting for a worker (or several files, as an array, for one request).
struct Queued {
    request: Request,
    file: JsValue,
    resolve: js_sys::Function,
}

/// The size in bytes of a queued file, or the sum of its files': it bounds the
/// wait for the answer. Asked when the file goes to a worker, not when it is
/// dropped: the browser may look at the disk for each file's size (0.35 ms a
/// file in Chromium: 912 files made one task of 330 ms, found with its profiler).
fn size_of(file: &JsValue) -> f64 {
    match file.dyn_ref::<js_sys::Array>() {
        Some(files) => files.iter().map(|f| size_of(&f)).sum(),
        None => file.dyn_ref::<web_sys::Blob>().map_or(0.0, web_sys::Blob::size),
    }
}

#[derive(Default)]
struct Pool {
    workers: Vec<Worker>,
    queue: VecDeque<Queued>,
    /// Why a request failed, by id, for the future waiting on it.
    failures: HashMap<u32, FileError>,
    /// Whether [`start`] has run: files dropped before it wait in the queue.
    started: bool,
}

thread_local! {
    static POOL: RefCell<Pool> = RefCell::new(Pool::default());
    static GENERATION: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn set(target: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

/// Calls `f` after `seconds`; returns the timer's handle.
fn after(seconds: u32, f: impl FnOnce() + 'static) -> Option<i32> {
    let callback = Closure::once_into_js(f);
    let ms = i32::try_from(u64::from(seconds) * 1000).unwrap_or(i32::MAX);
    web_sys::window()?.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms).ok()
}

fn cancel(timer: Option<i32>) {
    if let (Some(t), Some(w)) = (timer, web_sys::window()) {
        w.clear_timeout_with_handle(t);
    }
}

fn spawn(index: usize) -> Option<Worker> {
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Classic);
    let worker = web_sys::Worker::new_with_options(SCRIPT, &opts).ok()?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        on_message(index, ev.data());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
        ev.prevent_default();
        let why = ev.message();
        let detail = if why.is_empty() { String::new() } else { format!(": {why}") };
        replace(index, FileError::Damaged(format!("the reader stopped on this file{detail}")));
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    let generation = GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    let _ = after(START_BOUND_SECONDS, move || start_timed_out(index, generation));
    Some(Worker { worker, ready: false, dead: false, generation, running: None })
}

/// Starts the workers (called once the page is up, so their files are fetched
/// after the page's own); a file dropped before waits for them.
pub fn start() {
    let workers: Vec<Worker> = (0..WORKERS).filter_map(spawn).collect();
    POOL.with(|p| {
        let mut p = p.borrow_mut();
        p.workers = workers;
        p.started = true;
    });
    dispatch();
}

/// Ends worker `index` (it crashed, or gave no answer in time), fails its file
/// with `error`, and starts a new worker in its place.
fn replace(index: usize, error: FileError) {
    let failed = POOL.with(|p| {
        let mut p = p.borrow_mut();
        let w = p.workers.get_mut(index)?;
        w.worker.terminate();
        let running = w.running.take();
        match spawn(index) {
            Some(fresh) => *w = fresh,
            None => w.dead = true,
        }
        running
    });
    if let Some(r) = failed {
        fail(r.id, &r.resolve, error, r.timer);
    }
    dispatch();
}

fn fail(id: u32, resolve: &js_sys::Function, error: FileError, timer: Option<i32>) {
    cancel(timer);
    POOL.with(|p| p.borrow_mut().failures.insert(id, error));
    let _ = resolve.call1(&JsValue::NULL, &JsValue::UNDEFINED);
}

fn start_timed_out(index: usize, generation: u32) {
    let stuck = POOL.with(|p| {
        let mut p = p.borrow_mut();
        let w = p.workers.get_mut(index)?;
        if w.ready || w.dead || w.generation != generation {
            return None;
        }
        w.worker.terminate();
        w.dead = true;
        Some(())
    });
    if stuck.is_some() {
        dispatch();
    }
}

fn on_message(index: usize, data: JsValue) {
    let get = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    if get("ready").is_truthy() {
        POOL.with(|p| {
            if let Some(w) = p.borrow_mut().workers.get_mut(index) {
                w.ready = true;
            }
        });
        dispatch();
        return;
    }
    let id = get("id").as_f64().map(|f| f as u32);
    let finished = POOL.with(|p| {
        let mut p = p.borrow_mut();
        let w = p.workers.get_mut(index)?;
        // An answer to anything but the file this worker was given is ignored.
        if w.running.as_ref().map(|r| r.id) != id {
            return None;
        }
        w.running.take()
    });
    if let Some(r) = finished {
        cancel(r.timer);
        match get("error").as_string() {
            Some(why) => fail(r.id, &r.resolve, FileError::Damaged(why), None),
            None => {
                let _ = r.resolve.call1(&JsValue::NULL, &get("reply"));
            }
        }
    }
    dispatch();
}

/// Hands queued files to idle, ready workers; fails them all when no worker
/// can start.
fn dispatch() {
    let orphans = POOL.with(|p| {
        let mut p = p.borrow_mut();
        if !p.started {
            return Vec::new();
        }
        if p.workers.iter().all(|w| w.dead) {
            return p.queue.drain(..).collect::<Vec<_>>();
        }
        while let Some(i) = p.workers.iter().position(|w| w.ready && !w.dead && w.running.is_none()) {
            let Some(q) = p.queue.pop_front() else { break };
            let msg = js_sys::Object::new();
            set(&msg, "id", &JsValue::from(q.request.id));
            set(&msg, "request", &serde_wasm_bindgen::to_value(&q.request).unwrap_or(JsValue::NULL));
            set(&msg, "file", &q.file);
            let seconds = answer_bound_seconds(size_of(&q.file));
            let id = q.request.id;
            let timer = after(seconds, move || answer_timed_out(i, id, seconds));
            if let Some(w) = p.workers.get_mut(i) {
                let _ = w.worker.post_message(&msg);
                w.running = Some(Running { id, resolve: q.resolve, timer });
            }
        }
        Vec::new()
    });
    for q in orphans {
        fail(q.request.id, &q.resolve, FileError::NoReader, None);
    }
}

fn answer_timed_out(index: usize, id: u32, seconds: u32) {
    let late = POOL.with(|p| p.borrow().workers.get(index).and_then(|w| w.running.as_ref()).map(|r| r.id) == Some(id));
    if late {
        replace(index, FileError::NoAnswer { seconds });
    }
}

/// Reads `file` in a worker and gives what reading it gave; any failure of the
/// worker becomes the file's error.
pub async fn read(request: Request, file: web_sys::File) -> Reply {
    ask(request, file.into()).await
}

/// Answers `request` about several files in one worker (they travel as an
/// array, in order): sending them all back in one zip.
pub async fn read_all(request: Request, files: Vec<web_sys::File>) -> Reply {
    let array: js_sys::Array = files.into_iter().collect();
    ask(request, array.into()).await
}

/// Writes a file from a run in a worker: the run's bytes (`otop_protocol::RunData::encode`)
/// travel as the request's file, a `Blob` handed over as a dropped file is.
pub async fn write(request: Request, run: Vec<u8>) -> Reply {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(run.as_slice()));
    match web_sys::Blob::new_with_u8_array_sequence(&parts) {
        Ok(blob) => ask(request, blob.into()).await,
        Err(e) => Reply::failed(&request, &FileError::Unopenable(format!("{e:?}"))),
    }
}

async fn ask(request: Request, file: JsValue) -> Reply {
    let id = request.id;
    let mut queued = Some((request.clone(), file));
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some((request, file)) = queued.take() {
            POOL.with(|p| p.borrow_mut().queue.push_back(Queued { request, file, resolve }));
        }
    });
    dispatch();
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

/// Resolves in a new task of the event loop.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}
