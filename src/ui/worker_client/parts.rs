//! A big `.xlsx` report read by both reading workers at once, each a share of
//! its rows (issue 35), and the shares put back together as the file read whole.

use super::{answer, dispatch, enqueue, read, WORKERS};
use otop_model::imported::error::FileError;
use otop_model::imported::part::{NotMerged, Part};
use otop_protocol::{Read, Reply, Request};
use std::future::Future;
use std::pin::Pin;
use std::task::Poll;

thread_local! {
    // A thread-local because the page's ids are handed out from async tasks
    // the browser runs, one at a time.
    static PART_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(u32::MAX) };
}

/// The smallest `.xlsx` read by both reading workers at once, each a share of
/// its rows (chosen, not measured as where the split starts to pay: the files
/// measured are 6.4 to 12.8 MB, BENCHMARKS.md).
const SPLIT_BYTES: f64 = 2.0 * 1_048_576.0;

/// The most files being read for a big one among them to be read in parts
/// (with more, both workers have other files to read).
const FEW_FILES: usize = 4;

/// Reads report `file` for `request`: a big `.xlsx` in parts, one per reading
/// worker at once, put back together as the file read whole
/// ([`otop_protocol::merge_replies`]); a part that fails fails the file; a file
/// whose split cannot be made (see `otop_model::imported::part`) is read again whole.
///
/// Only when [`FEW_FILES`] or fewer are being read (`pending`): then the
/// workers would otherwise wait, and asking a file its size is cheap. The first `File.size` of a file
/// costs the page's thread a look at the disk: 912 files took 230 ms, one task
/// (measured; the second time, 0.1 ms).
pub async fn read_report(request: Request, file: web_sys::File, pending: usize) -> Reply {
    let xlsx = || matches!(otop_model::imported::file::extension(&file.name()).as_str(), "xlsx" | "xlsm");
    let whole_report = matches!(request.read, Read::Report { part, .. } if part.is_whole());
    if pending <= FEW_FILES && whole_report && xlsx() && file.size() >= SPLIT_BYTES {
        if let Some(reply) = in_parts(request.clone(), file.clone()).await {
            return reply;
        }
    }
    read(request, file).await
}

/// The reply of a file read in parts, or none when it must be read whole.
async fn in_parts(request: Request, file: web_sys::File) -> Option<Reply> {
    let parts: Vec<Request> = Part::all(WORKERS as u8)
        .into_iter()
        .map(|part| match part.index {
            0 => request.for_part(request.id, part),
            _ => request.for_part(part_id(), part),
        })
        .collect();
    let promises: Vec<_> = parts.iter().map(|r| enqueue(r.clone(), file.clone().into())).collect();
    dispatch();
    // Each part's reply decoded as it comes, whichever comes first (in turn,
    // the page sat idle waiting for part 0 while part 1's reply waited for it).
    let replies = all(parts.into_iter().zip(promises).map(|(part, promise)| answer(part, promise))).await;
    match otop_protocol::merge_replies(&request, replies) {
        Ok(reply) => Some(reply),
        Err(NotMerged::ReadWhole) => None,
        Err(NotMerged::Mismatch(why)) => Some(Reply::failed(&request, &FileError::Damaged(why))),
    }
}

/// An id for a part after the first of a report read in parts: counted down
/// from the top, never one of the session's (counted up from 0).
fn part_id() -> u32 {
    PART_ID.with(|id| {
        id.set(id.get().wrapping_sub(1));
        id.get()
    })
}

/// The outputs of `futures`, in their order, each run as soon as it can
/// (beside the others, not one after another).
async fn all<F: Future>(futures: impl IntoIterator<Item = F>) -> Vec<F::Output> {
    let mut running: Vec<Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = running.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        for (future, output) in running.iter_mut().zip(outputs.iter_mut()) {
            if output.is_none() {
                if let Poll::Ready(out) = future.as_mut().poll(cx) {
                    *output = Some(out);
                }
            }
        }
        match outputs.iter().all(Option::is_some) {
            true => Poll::Ready(()),
            false => Poll::Pending,
        }
    })
    .await;
    outputs.into_iter().flatten().collect()
}

/// Whether `request` is for one part of a file split over the workers.
pub(super) fn is_part(request: &Request) -> bool {
    matches!(request.read, Read::Report { part, .. } if !part.is_whole())
}
