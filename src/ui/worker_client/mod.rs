//! The read-file feature's client, on the page's side: two Web Workers of the
//! `otop-worker` crate read dropped files, a third writes files and reads
//! presets ([`kind`]: which is which, and when each starts); each is given up
//! to [`IN_FLIGHT`] at once and answering them in turn. The page hands a worker
//! a file's bytes (transferred) with a typed [`Request`]; the answer is an
//! encoded [`Reply`] in a transferred buffer, whose id is checked against the
//! request. A big `.xlsx` report is read by both reading workers ([`parts`]).
//! Every wait is bounded: a worker that does not start within
//! [`START_BOUND_SECONDS`], or does not answer within [`answer_bound_seconds`]
//! of beginning a file (the worker says when a file it begins is big), is
//! ended and its file becomes a clear error; a worker that crashes on a file
//! fails only that file (the files it had not begun go to the other worker)
//! and is replaced.
use otop_model::imported::error::FileError;
use otop_protocol::{answer_bound_seconds, Reply, Request, START_BOUND_SECONDS};
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const WORKERS: usize = 2;

mod answer;
mod kind;
mod parts;
mod read_ahead;
mod timers;
mod warm;
use answer::answer;
use kind::Kind;
use parts::is_part;
pub use parts::read_report;
use read_ahead::read_ahead;
pub use timers::yield_to_browser;
use timers::{after, cancel};
use warm::{cool, warm_soon, warm_when_idle};

/// How many files a worker is given at once: it fetches the next file's bytes
/// while it reads one, and never waits for the page to hand it the next (the
/// nine files of a province: the workers were idle a third of the time, waiting
/// behind the page's redraws; 912 files: a fifth of a worker's time was the fetch).
const IN_FLIGHT: usize = 2;
/// How many files of the queue have their bytes read ahead of a worker
/// taking them (twice what the workers hold at once).
const READ_AHEAD: usize = 2 * WORKERS * IN_FLIGHT;
/// How many of a report's shared texts and products the page makes in one task,
/// so no task of a big file is long (100k rows: the longest task 71 ms, 113 ms
/// in one piece; the text table of 200k rows was a task of its own before it was sliced too).
const PRODUCTS_PER_TASK: usize = 25_000;
/// A file handed to a worker, waiting for its answer: kept whole, so that it
/// can go to another worker if this one ends before it began it.
struct Running {
    queued: Queued,
    /// The bound on the wait for its answer, running once the worker is on it
    /// (the first of the worker's files).
    timer: Option<i32>,
}

/// One worker of the pool.
struct Worker {
    kind: Kind,
    worker: web_sys::Worker,
    ready: bool,
    /// Ended because it did not start in time.
    dead: bool,
    /// Which start of this place in the pool it is (a timer of an earlier one is stale).
    generation: u32,
    /// The files handed to it, in the order it answers them (at most [`IN_FLIGHT`]).
    running: VecDeque<Running>,
    /// Whether it was asked to warm up and not yet to stop ([`warm`]).
    warming: bool,
}

/// A file waiting for a worker (or several files, as an array, for one request).
struct Queued {
    request: Request,
    file: JsValue,
    /// The file's bytes, once the page has read them: sent to the worker in
    /// their place, transferred (posting a `File` costs the page's thread
    /// 0.7 ms: 800 ms of the 912 national files' run). A file sent before its
    /// bytes are read, or sent again to another worker, goes as the `File`.
    bytes: Option<js_sys::ArrayBuffer>,
    /// Whether its bytes are being read (see [`read_ahead`]).
    reading: bool,
    /// Whether only the reader of every format reads it (its extension says
    /// so, or the first reading worker answered `elsewhere`).
    every_format: bool,
    resolve: js_sys::Function,
}

#[derive(Default)]
struct Pool {
    workers: Vec<Worker>,
    queue: VecDeque<Queued>,
    /// Why a request failed, by id, for the future waiting on it.
    failures: HashMap<u32, FileError>,
    /// Whether workers may start: from [`start`], or from the first request
    /// ([`enqueue`]) on a page opened on a results link, which does not call
    /// it. Files dropped before wait in the queue.
    started: bool,
}

thread_local! {
    // Thread-locals because the browser forces them: the workers are JavaScript
    // objects (not `Send`, so in no signal), and their message callbacks, which
    // the browser calls, find the pool and its generation here.
    static POOL: RefCell<Pool> = RefCell::new(Pool::default());
    static GENERATION: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn set(target: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

fn spawn(index: usize, kind: Kind) -> Option<Worker> {
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Classic);
    let worker = web_sys::Worker::new_with_options(kind.script(), &opts).ok()?;
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
    Some(Worker { kind, worker, ready: false, dead: false, generation, running: VecDeque::new(), warming: false })
}

/// Starts the two first reading workers as the page's own wasm runs (their
/// files come after the page's own, before the page draws itself); files
/// dropped before they are ready wait. The reader of every format follows their `loaded`.
/// Not called on a page opened on a results link: its first request starts what it needs ([`dispatch`]).
pub fn start() {
    POOL.with(|p| p.borrow_mut().started = true);
    start_kind(Kind::Reader, WORKERS);
    dispatch();
}

/// Starts the writing worker if it is not started yet (once results are shown,
/// so a first download does not wait for its wasm; a write asked before starts it too).
pub fn start_writer() {
    if start_kind(Kind::Writer, 1) {
        dispatch();
    }
}

/// Starts workers of `kind` until the pool has `count` of them; whether it started one.
fn start_kind(kind: Kind, count: usize) -> bool {
    POOL.with(|p| {
        let mut p = p.borrow_mut();
        let mut started = false;
        while p.started && p.workers.iter().filter(|w| w.kind == kind).count() < count {
            let index = p.workers.len();
            match spawn(index, kind) {
                Some(w) => p.workers.push(w),
                None => break,
            }
            started = true;
        }
        started
    })
}

/// Ends worker `index` (it crashed, or gave no answer in time), fails the
/// file it was on with `error`, hands the files it had not begun back to the
/// queue, and starts a new worker in its place.
fn replace(index: usize, error: FileError) {
    let failed = POOL.with(|p| {
        let mut p = p.borrow_mut();
        let w = p.workers.get_mut(index)?;
        w.worker.terminate();
        let mut running = std::mem::take(&mut w.running);
        // One that never started (its script could not load: offline, say) is
        // not started again and again: its place stays empty.
        match w.ready.then(|| spawn(index, w.kind)).flatten() {
            Some(fresh) => *w = fresh,
            None => w.dead = true,
        }
        let on = running.pop_front();
        for waiting in running.into_iter().rev() {
            cancel(waiting.timer);
            p.queue.push_front(waiting.queued);
        }
        on
    });
    if let Some(r) = failed {
        fail(r.queued.request.id, &r.queued.resolve, error, r.timer);
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

/// Starts the bound on the wait for the answer about the file worker `index`
/// is on (its first), for a file of `bytes` bytes; a bound running before is
/// stopped.
fn bound_first(index: usize, w: &mut Worker, bytes: f64) {
    if let Some(first) = w.running.front_mut() {
        cancel(first.timer.take());
        let (id, seconds) = (first.queued.request.id, answer_bound_seconds(bytes));
        first.timer = after(seconds, move || answer_timed_out(index, id, seconds));
    }
}

fn on_message(index: usize, data: JsValue) {
    let get = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    // The first reading worker's bytes are in: the second's are fetched now.
    if get("loaded").is_truthy() {
        start_kind(Kind::AllFormats, 1);
        dispatch();
        return;
    }
    if get("ready").is_truthy() {
        let kind = POOL.with(|p| {
            let mut p = p.borrow_mut();
            let w = p.workers.get_mut(index)?;
            w.ready = true;
            Some(w.kind)
        });
        // The first reading worker is ready: the service worker may fetch everything now.
        if kind == Some(Kind::Reader) {
            kind::say_reading();
        }
        if let Some(kind) = kind.filter(|k| *k != Kind::Writer) {
            warm_soon(index, kind);
        }
        dispatch();
        return;
    }
    let id = get("id").as_f64().map(|f| f as u32);
    // A big file begun: the wait for its answer is bounded by its size.
    if let Some(size) = get("size").as_f64() {
        POOL.with(|p| {
            if let Some(w) = p.borrow_mut().workers.get_mut(index) {
                if w.running.front().map(|r| r.queued.request.id) == id {
                    bound_first(index, w, size);
                }
            }
        });
        return;
    }
    let finished = POOL.with(|p| {
        let mut p = p.borrow_mut();
        let w = p.workers.get_mut(index)?;
        // An answer to anything but a file this worker was given is ignored.
        let at = w.running.iter().position(|r| Some(r.queued.request.id) == id)?;
        let done = w.running.remove(at)?;
        if at == 0 {
            bound_first(index, w, 0.0);
        }
        Some(done)
    });
    if let Some(mut r) = finished {
        cancel(r.timer);
        // A format the first reading worker does not read: the reader of
        // every format gets the file (as a `File`: its bytes went to the first).
        if get("elsewhere").is_truthy() {
            r.queued.every_format = true;
            POOL.with(|p| p.borrow_mut().queue.push_front(r.queued));
            dispatch();
            return;
        }
        match get("error").as_string() {
            Some(why) => fail(r.queued.request.id, &r.queued.resolve, FileError::Damaged(why), None),
            None => {
                let _ = r.queued.resolve.call1(&JsValue::NULL, &get("reply"));
            }
        }
    }
    dispatch();
    POOL.with(|p| warm_when_idle(&p.borrow()));
}

/// Hands queued files to ready workers that take them ([`Kind::takes`]), the least busy first, up to
/// [`IN_FLIGHT`] each (one part of a split file each: [`is_part`]); fails the files no worker can take,
/// those that could having failed to start. A file waiting for a worker not started yet starts it.
pub(super) fn dispatch() {
    let wanted: Vec<(Kind, usize)> = POOL.with(|p| {
        let p = p.borrow();
        let dead = readers_dead(&p);
        let waiting =
            |(k, _): &(Kind, usize)| p.queue.iter().any(|q| k.takes(q.request.writes(), q.every_format || dead));
        [(Kind::Reader, WORKERS), (Kind::Writer, 1), (Kind::AllFormats, 1)].into_iter().filter(waiting).collect()
    });
    for (kind, count) in wanted {
        start_kind(kind, count);
    }
    let orphans = POOL.with(|p| {
        let mut p = p.borrow_mut();
        if !p.started {
            return Vec::new();
        }
        let mut orphans = Vec::new();
        let mut at = 0;
        // With the first reading workers failed, every file is the other reader's.
        let readers_dead = readers_dead(&p);
        while let Some(q) = p.queue.get(at) {
            let (writes, every_format) = (q.request.writes(), q.every_format || readers_dead);
            let mine = |(_, w): &(usize, &Worker)| w.kind.takes(writes, every_format);
            // Every worker that could take it is started and failed to start.
            let all_dead = p.workers.iter().enumerate().filter(mine).all(|(_, w)| w.dead)
                && [Kind::Reader, Kind::AllFormats, Kind::Writer]
                    .iter()
                    .filter(|k| k.takes(writes, every_format))
                    .all(|k| p.workers.iter().any(|w| w.kind == *k));
            let free = p.workers.iter().enumerate().filter(mine);
            let free = free.filter(|(_, w)| w.ready && !w.dead && w.running.len() < IN_FLIGHT);
            // One part of a split file a worker at a time: the other, still starting, takes the next part
            // once ready (given both, the first read them one after the other: 100k rows dropped at once, 1.3 s).
            let part = is_part(&q.request);
            let free = free.filter(|(_, w)| !part || !w.running.iter().any(|r| is_part(&r.queued.request)));
            let chosen = free.min_by_key(|(_, w)| w.running.len()).map(|(i, _)| i);
            match (chosen, all_dead) {
                (Some(i), _) => {
                    let (Some(mut q), Some(w)) = (p.queue.remove(at), p.workers.get_mut(i)) else { break };
                    let msg = js_sys::Object::new();
                    set(&msg, "id", &JsValue::from(q.request.id));
                    set(&msg, "request", &js_sys::Uint8Array::from(q.request.encode().as_slice()));
                    match q.bytes.take() {
                        Some(bytes) => {
                            set(&msg, "file", &bytes);
                            let _ = w.worker.post_message_with_transfer(&msg, &js_sys::Array::of1(&bytes));
                        }
                        None => {
                            set(&msg, "file", &q.file);
                            let _ = w.worker.post_message(&msg);
                        }
                    }
                    w.running.push_back(Running { queued: q, timer: None });
                    if w.running.len() == 1 {
                        bound_first(i, w, 0.0);
                    }
                }
                (None, true) => orphans.extend(p.queue.remove(at)),
                (None, false) => at += 1,
            }
        }
        orphans
    });
    for q in orphans {
        fail(q.request.id, &q.resolve, FileError::NoReader, None);
    }
    read_ahead();
}

/// Whether the first reading workers all failed to start (and were started).
fn readers_dead(p: &Pool) -> bool {
    let mut readers = p.workers.iter().filter(|w| w.kind == Kind::Reader).peekable();
    readers.peek().is_some() && readers.all(|w| w.dead)
}

fn answer_timed_out(index: usize, id: u32, seconds: u32) {
    let late = POOL.with(|p| {
        let p = p.borrow();
        p.workers.get(index).and_then(|w| w.running.front()).map(|r| r.queued.request.id) == Some(id)
    });
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
    let promise = enqueue(request.clone(), file);
    dispatch();
    answer(request, promise).await
}

/// Puts `request` about `file` in the queue; the promise resolves with the answer.
pub(super) fn enqueue(request: Request, file: JsValue) -> js_sys::Promise {
    let mut queued = Some((request, file));
    js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some((request, file)) = queued.take() {
            POOL.with(|p| {
                let every_format = request.for_every_format();
                let queued = Queued { request, file, bytes: None, reading: false, every_format, resolve };
                let mut p = p.borrow_mut();
                p.queue.push_back(queued);
                p.started = true;
                cool(&mut p);
            });
        }
    })
}
