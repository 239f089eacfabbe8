//! The session's dropped files: a slot per file in its drop zone, the requests
//! that read them (with a new id each, so an older answer is told apart), and
//! the answers stored.

use super::{Session, Slot};
use otop_model::display::Lang;
use otop_model::imported::error::FileError;
use otop_model::imported::file::{state_of, FileKind, ImportedFile};
use otop_model::issue::Issue;
use otop_protocol::{Outcome, Reply, Request, ToReturn, Write};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

impl Session {
    /// The files of a drop zone (targets have none: they change the preset).
    pub fn slots(&self, kind: FileKind) -> &[Slot] {
        match kind {
            FileKind::Report => &self.reports,
            FileKind::Round1 => &self.round1,
            FileKind::Sales => &self.sales,
            FileKind::Targets => &[],
        }
    }

    fn slots_mut(&mut self, kind: FileKind) -> Option<&mut Vec<Slot>> {
        match kind {
            FileKind::Report => Some(&mut self.reports),
            FileKind::Round1 => Some(&mut self.round1),
            FileKind::Sales => Some(&mut self.sales),
            FileKind::Targets => None,
        }
    }

    fn all_slots(&self) -> impl Iterator<Item = &Slot> {
        self.reports.iter().chain(&self.round1).chain(&self.sales)
    }

    /// The preset's district names.
    pub fn district_names(&self) -> Vec<String> {
        if self.provinces.is_empty() {
            self.preset.districts.iter().map(|d| d.name.clone()).collect()
        } else {
            let mut names: Vec<String> =
                self.provinces.iter().flat_map(|p| p.districts.iter().map(|d| d.name.clone())).collect();
            names.sort();
            names.dedup();
            names
        }
    }

    /// A request to read a file of `kind` against the preset of now, with a new id.
    pub fn request(&mut self, kind: FileKind, name: &str) -> Request {
        let districts = self.district_names();
        self.request_with(kind, name, districts)
    }

    /// A new request id (the reply must carry it back; stale replies are told by it).
    fn fresh_id(&mut self) -> u32 {
        self.next_id = self.next_id.wrapping_add(1);
        self.next_id
    }

    /// A request with a new id, the district names given (worked out once for a batch).
    fn request_with(&mut self, kind: FileKind, name: &str, districts: impl Into<Arc<[String]>>) -> Request {
        Request::new(self.fresh_id(), kind, name, districts, self.preset.window.end.year)
    }

    /// The request for a dropped report sent back with `issues` (its own) marked.
    pub fn returned_request(&mut self, name: &str, issues: Vec<Issue>, lang: Lang) -> Request {
        Request::returned(self.fresh_id(), name, issues, lang)
    }

    /// The request for file `name` written from a run (see `otop_protocol::RunData`).
    pub fn write_request(&mut self, name: &str, what: Write, lang: Lang) -> Request {
        Request::write(self.fresh_id(), name, what, lang)
    }

    /// The request for the results link a results workbook holds (to compare with).
    pub fn link_request(&mut self, name: &str) -> Request {
        Request::link(self.fresh_id(), name)
    }

    /// The request for a preset saved as JSON (read in the worker).
    pub fn preset_request(&mut self, name: &str) -> Request {
        Request::preset(self.fresh_id(), name)
    }

    /// The request for every report of `files` sent back in one zip.
    pub fn return_all_request(&mut self, files: Vec<ToReturn>, lang: Lang) -> Request {
        Request::return_all(self.fresh_id(), "ส่งคืนทุกไฟล์.zip", files, lang)
    }

    /// Adds a dropped file to its zone (replacing one of the same name) and
    /// returns the request that reads it.
    pub fn add_file(&mut self, kind: FileKind, name: &str) -> Request {
        let requests = self.add_files(kind, &[name.to_string()]);
        // (`add_files` gives one request per name: the fallback is never taken.)
        requests.into_iter().next().unwrap_or_else(|| self.request(kind, name))
    }

    /// Adds several dropped files to their zone at once, as [`Session::add_file`]
    /// does each, and returns their requests in the same order. A department drops
    /// hundreds: the district names are worked out once and shared by every request.
    pub fn add_files(&mut self, kind: FileKind, names: &[String]) -> Vec<Request> {
        let districts: Arc<[String]> = self.district_names().into();
        let requests: Vec<Request> =
            names.iter().map(|name| self.request_with(kind, name, Arc::clone(&districts))).collect();
        if let Some(slots) = self.slots_mut(kind) {
            let dropped: HashSet<&str> = names.iter().map(String::as_str).collect();
            slots.retain(|s| !dropped.contains(s.name.as_str()));
            // The same name twice in one drop: the later file is the one kept.
            let mut seen = HashSet::new();
            let mut added: Vec<Slot> = names
                .iter()
                .zip(&requests)
                .rev()
                .filter(|(name, _)| seen.insert(name.as_str()))
                .map(|(name, r)| Slot { name: name.clone(), result: None, sales: None, pending: Some(r.id) })
                .collect();
            added.reverse();
            slots.append(&mut added);
        }
        requests
    }

    /// Requests to read every report and round-1 file again (the district names
    /// changed: they decide one-district files). Each file keeps its last result
    /// until the new one arrives.
    pub fn reread_reports(&mut self) -> Vec<Request> {
        let mut out = Vec::new();
        let districts: Arc<[String]> = self.district_names().into();
        for kind in [FileKind::Report, FileKind::Round1] {
            let names: Vec<String> = self.slots(kind).iter().map(|s| s.name.clone()).collect();
            for name in names {
                let request = self.request_with(kind, &name, Arc::clone(&districts));
                if let Some(slot) = self.slots_mut(kind).and_then(|v| v.iter_mut().find(|s| s.name == name)) {
                    slot.pending = Some(request.id);
                }
                out.push(request);
            }
        }
        out
    }

    /// Removes a file from its zone.
    pub fn remove_file(&mut self, kind: FileKind, name: &str) {
        if let Some(slots) = self.slots_mut(kind) {
            slots.retain(|s| s.name != name);
        }
    }

    /// Stores what reading a file gave, in the slot waiting for this reply.
    /// Returns `false` (and changes nothing) for a reply nobody waits for: the
    /// file was removed, replaced or asked for again since.
    pub fn store(&mut self, reply: Reply) -> bool {
        let Some(slot) = [&mut self.reports, &mut self.round1, &mut self.sales]
            .into_iter()
            .flat_map(|v| v.iter_mut())
            .find(|s| s.pending == Some(reply.id))
        else {
            return false;
        };
        slot.pending = None;
        match reply.outcome {
            Outcome::Report(read) => slot.result = Some(read.into_file()),
            Outcome::Sales(sales) => {
                slot.result = Some(sales.file.clone());
                slot.sales = Some(sales);
            }
            // The worker client sends such a file on to the reader of every
            // format; should one still come here, the file says so, not "reading".
            Outcome::OtherReader => {
                let mut file = ImportedFile::new(&slot.name, None);
                file.issues.push(FileError::OtherReader.issue(&slot.name));
                slot.result = Some(file);
            }
            Outcome::Targets(_) | Outcome::Made(_) | Outcome::Link(_) | Outcome::Preset(..) => return false,
        }
        true
    }

    /// Whether a dropped file has not been read yet.
    pub fn working(&self) -> bool {
        self.targets_pending > 0 || self.all_slots().any(|s| s.result.is_none())
    }

    /// Whether target-table files are being read: the run they make is not
    /// known yet, so no run is shown under the preset they will replace.
    pub fn reading_targets(&self) -> bool {
        self.targets_pending > 0
    }

    /// `files` target-table files asked of a worker ([`Session::targets_answered`]
    /// when they are answered, whatever the answer).
    pub fn targets_asked(&mut self, files: usize) {
        self.targets_pending += files;
    }

    /// `files` target-table files answered.
    pub fn targets_answered(&mut self, files: usize) {
        self.targets_pending = self.targets_pending.saturating_sub(files);
    }

    /// Each dropped file of `kind` with its state as the page shows it:
    /// `"working"` until it is read, then `"ok"`, `"warning"` or `"error"` by the
    /// worst of `issues` (the run's: the file's own and those found when
    /// counting) that names it. One pass over the issues, not one per file.
    pub fn file_states(&self, kind: FileKind, issues: &[Issue]) -> Vec<(String, &'static str)> {
        let mut by_file: HashMap<&str, Vec<&Issue>> = HashMap::new();
        for i in issues {
            if let Some(file) = i.file.as_deref() {
                by_file.entry(file).or_default().push(i);
            }
        }
        let state = |s: &Slot| match &s.result {
            None => "working",
            Some(_) => state_of(by_file.get(s.name.as_str()).into_iter().flatten().copied()),
        };
        self.slots(kind).iter().map(|s| (s.name.clone(), state(s))).collect()
    }

    /// How many dropped files are waiting for their reading's answer.
    pub fn pending(&self) -> usize {
        self.all_slots().filter(|s| s.pending.is_some()).count()
    }

    /// How many files were dropped.
    pub fn file_count(&self) -> usize {
        self.all_slots().count()
    }
}
