//! The message loop of the Web Workers (wasm only): a message `{id, request,
//! file}` in — `request` a [`Request`] as [`Request::encode`] makes it, `file` the
//! dropped file's bytes (an `ArrayBuffer`), or the `File` itself (or an array
//! of them); each file's bytes are fetched (`Blob.arrayBuffer`) as soon as its
//! message arrives, while the file before it is answered, and the files are
//! answered in the order they came. `{warm: true}` in: the worker warms up
//! ([`crate::warming`]) until a file or a `{warm: false}` comes.
//! Out: `{loaded: true}` once running (the
//! first reading worker), `{ready: true}` once listening; `{id, size}` when
//! the file begun is over a megabyte (the page then waits longer for it);
//! then `{id, reply}` — `reply`
//! the encoded [`Reply`] in a transferred buffer — or `{id, error}` when the
//! request could not be decoded, or `{id, elsewhere: true}` when the file
//! needs a reader this worker does not hold ([`Outcome::OtherReader`]: the
//! page sends it to the reader of every format).

use otop_model::imported::error::FileError;
use otop_protocol::{Outcome, Reply, Request};
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Files over this size are announced (`{id, size}`) when begun.
const ANNOUNCED_BYTES: usize = 1 << 20;

/// A request whose file is being fetched, or is fetched and waits its turn.
struct Pending {
    /// This worker's own number for it, so that finding it back does not
    /// rest on the page never repeating an id.
    seq: u64,
    id: JsValue,
    request: Request,
    files: Option<Result<Vec<Vec<u8>>, String>>,
}

/// How this worker answers a request: [`crate::read`] or [`crate::write`].
pub type Answer = fn(&Request, &[Vec<u8>]) -> Reply;

thread_local! {
    static PENDING: RefCell<VecDeque<Pending>> = const { RefCell::new(VecDeque::new()) };
    static SEQ: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    static ANSWER: std::cell::Cell<Option<Answer>> = const { std::cell::Cell::new(None) };
}

/// Listens to the page's messages, answering each request with `answer`, and
/// says it is ready. Names are composed to NFC by the browser's own
/// `String.prototype.normalize` (this wasm carries no Unicode tables).
pub fn start(answer: Answer) {
    fn browser_nfc(s: &str) -> String {
        js_sys::JsString::from(s).normalize("NFC").into()
    }
    otop_model::text::compose_with(browser_nfc);
    ANSWER.with(|a| a.set(Some(answer)));
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        receive(&ev.data());
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}

/// Tells the page this worker's files are fetched and it runs (before it warms
/// up): the page then fetches the next worker's.
pub fn say_loaded() {
    say("loaded");
}

/// Tells the page this worker is ready for its files.
pub fn say_ready() {
    say("ready");
}

/// Posts `{what: true}` to the page.
fn say(what: &str) {
    let message = js_sys::Object::new();
    set(&message, what, &JsValue::TRUE);
    let _ = scope().post_message(&message);
}

fn set(target: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

fn scope() -> web_sys::DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// A promise of the message's file's bytes (an `ArrayBuffer`), or of each
/// of its files' (an array of them). The page usually sends a file's bytes
/// themselves, read and transferred (a `File` cost its thread 0.7 ms to post).
fn fetch(file: &JsValue) -> Result<js_sys::Promise, String> {
    if file.is_instance_of::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Promise::resolve(file));
    }
    let one = |f: &JsValue| -> Result<js_sys::Promise, String> {
        let blob: &web_sys::Blob = f.dyn_ref().ok_or("no file in the message")?;
        Ok(blob.array_buffer())
    };
    match file.dyn_ref::<js_sys::Array>() {
        Some(files) => {
            let each: Result<js_sys::Array, String> = files.iter().map(|f| one(&f).map(JsValue::from)).collect();
            Ok(js_sys::Promise::all(&each?.into()))
        }
        None => one(file),
    }
}

/// The fetched bytes: one buffer, or an array of buffers.
fn bytes_of(fetched: &JsValue) -> Vec<Vec<u8>> {
    match fetched.dyn_ref::<js_sys::Array>() {
        Some(all) => all.iter().map(|b| js_sys::Uint8Array::new(&b).to_vec()).collect(),
        None => vec![js_sys::Uint8Array::new(fetched).to_vec()],
    }
}

/// Takes a message from the page: its file is fetched at once, and read in turn.
fn receive(data: &JsValue) {
    let get = |k: &str| js_sys::Reflect::get(data, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    // `{warm: true}`: warm up; `{warm: false}`: the page has files, pause.
    match get("warm").as_bool() {
        Some(true) => return crate::warming::begin(),
        Some(false) => return crate::warming::pause(),
        None => crate::warming::pause(),
    }
    let id = get("id");
    let request = match Request::decode(&js_sys::Uint8Array::new(&get("request")).to_vec()) {
        Ok(request) => request,
        Err(e) => {
            let out = js_sys::Object::new();
            set(&out, "id", &id);
            set(&out, "error", &JsValue::from_str(&e));
            let _ = scope().post_message(&out);
            return;
        }
    };
    if matches!(request.read, otop_protocol::Read::Report { .. }) {
        crate::warming::warmed();
    }
    let seq = SEQ.with(|s| {
        s.set(s.get() + 1);
        s.get()
    });
    let promise = fetch(&get("file"));
    PENDING.with(|p| p.borrow_mut().push_back(Pending { seq, id, request, files: None }));
    wasm_bindgen_futures::spawn_local(async move {
        let files = match promise {
            Ok(promise) => JsFuture::from(promise).await.map(|b| bytes_of(&b)).map_err(|e| format!("{e:?}")),
            Err(why) => Err(why),
        };
        PENDING.with(|p| {
            if let Some(pending) = p.borrow_mut().iter_mut().find(|q| q.seq == seq) {
                pending.files = Some(files);
            }
        });
        answer_ready();
    });
}

/// Answers the fetched requests at the front, in the order they came.
fn answer_ready() {
    loop {
        let front = PENDING.with(|p| {
            let mut p = p.borrow_mut();
            match p.front().map(|q| q.files.is_some()) {
                Some(true) => p.pop_front(),
                _ => None,
            }
        });
        let Some(Pending { id, request, files: Some(files), .. }) = front else { return };
        answer(&id, &request, files);
    }
}

fn answer(id: &JsValue, request: &Request, files: Result<Vec<Vec<u8>>, String>) {
    let size: usize = files.as_ref().map_or(0, |f| f.iter().map(Vec::len).sum());
    if size > ANNOUNCED_BYTES {
        let begun = js_sys::Object::new();
        set(&begun, "id", id);
        set(&begun, "size", &JsValue::from(size as f64));
        let _ = scope().post_message(&begun);
    }
    let reply = match files {
        Ok(files) => match ANSWER.with(std::cell::Cell::get) {
            Some(answer) => answer(request, &files),
            None => Reply::failed(request, &FileError::NoReader),
        },
        Err(why) => Reply::failed(request, &FileError::Unopenable(why)),
    };
    let out = js_sys::Object::new();
    set(&out, "id", id);
    if matches!(reply.outcome, Outcome::OtherReader) {
        set(&out, "elsewhere", &JsValue::TRUE);
        let _ = scope().post_message(&out);
        return;
    }
    let encoded = js_sys::Uint8Array::from(reply.encode().as_slice());
    set(&out, "reply", &encoded);
    let _ = scope().post_message_with_transfer(&out, &js_sys::Array::of1(&encoded.buffer()));
}
