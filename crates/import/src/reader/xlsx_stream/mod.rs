//! `.xlsx`/`.xlsm` read by a streaming reader made for this job: the workbook,
//! its relations, the number formats (to tell dates) and the shared strings are
//! read once; each sheet's XML is streamed from the zip part straight into rows,
//! with no intermediate cell objects.
//!
//! It gives exactly the cells calamine's reader ([`super::xlsx`]) gives — the
//! differential test in `tests/xlsx_stream.rs` holds it to that on every
//! fixture, the calamine corpus and generated files — and it gives up (`None`)
//! on anything it was not made for (a 1904 workbook, a chart sheet, an unknown
//! cell type or entity, a sheet over the limits, XML it cannot follow), so that
//! calamine reads those files and says what is wrong with them.

mod scan;
mod sheet;
mod tags;
mod text;
mod workbook;

use super::Workbook;
use otop_model::imported::cell::{Sheet, Value};
use otop_model::imported::part::Part;
use std::io::{Cursor, Read};
use text::{scanned_strings, shared_strings, Strings};
use workbook::{date_styles, relations, workbook_sheets};
use zip::ZipArchive;

pub use text::unescape_excel;

type Zip<'a> = ZipArchive<Cursor<&'a [u8]>>;
use super::xml::Xml;

/// A workbook opened: its sheets' parts, date styles and shared strings.
struct Book<'a> {
    zip: Zip<'a>,
    sheets: Vec<workbook::SheetEntry>,
    dates: Vec<bool>,
    strings: Strings,
}

impl<'a> Book<'a> {
    /// Opens the workbook, or `None` when calamine should read it.
    fn open(bytes: &'a [u8]) -> Option<Book<'a>> {
        // A zip container from its first byte (a zip found behind other bytes, such
        // as an encrypted package's, is not a workbook to read).
        if !(bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")) {
            return None;
        }
        let mut zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
        // The package's own relations name the workbook part, as calamine reads them.
        let package = relations(&part_text(&mut zip, "_rels/.rels")?)?;
        let main = package.iter().find(|r| r.kind.ends_with("/officeDocument"))?;
        if main.target.trim_start_matches('/') != "xl/workbook.xml" {
            return None;
        }
        let rels = relations(&part_text(&mut zip, "xl/_rels/workbook.xml.rels")?)?;
        let sheets = workbook_sheets(&part_text(&mut zip, "xl/workbook.xml")?, &rels)?;
        let dates = match zip.index_for_name("xl/styles.xml") {
            Some(_) => date_styles(&part_text(&mut zip, "xl/styles.xml")?)?,
            None => Vec::new(),
        };
        let strings_path = rels.iter().find(|r| r.kind.ends_with("/sharedStrings")).map(|r| part_path(&r.target));
        let strings = match strings_path {
            Some(path) if zip.index_for_name(&path).is_some() => {
                let xml = part_bytes(&mut zip, &path)?;
                match scanned_strings(&xml) {
                    Some(strings) => strings,
                    None => shared_strings(xml_of(&xml))?,
                }
            }
            _ => Strings::default(),
        };
        Some(Book { zip, sheets, dates, strings })
    }

    /// Sheet `at`, its rows read by the byte scanner, or by the XML reader
    /// when the scanner leaves it.
    fn sheet(&mut self, at: usize) -> Option<Sheet> {
        let s = self.sheets.get(at)?;
        let (name, hidden, path) = (s.name.clone(), s.hidden, s.path.clone());
        let xml = part_bytes(&mut self.zip, &path)?;
        let rows = match scan::rows(&xml, &self.strings, &self.dates) {
            Some(rows) => rows,
            None => sheet::rows(xml_of(&xml), &self.strings, &self.dates)?,
        };
        Some(Sheet { name, hidden, first_row: 0, first_col: 0, rows })
    }
}

/// Reads the workbook, or `None` when calamine should.
pub fn read(bytes: &[u8]) -> Option<Workbook> {
    let mut book = Book::open(bytes)?;
    let mut out = Vec::new();
    for at in 0..book.sheets.len() {
        out.push(book.sheet(at)?);
    }
    Some(Workbook { sheets: out, unreadable: Vec::new() })
}

/// The rows every part reads of the sheet it splits, whatever its share: the
/// header and the title rows above it are found among them
/// ([`SEARCH_ROWS`](crate::header::SEARCH_ROWS), a second header row and a
/// row of column numbers, and room to spare).
pub const HEAD_ROWS: usize = 64;

/// The rows a part reads past its share, where the next part's share begins:
/// both find there the same row the next product starts on, the first row of
/// the next share (a product's rows after the first — its entrepreneur's
/// cells left empty, or merged — are its own part's).
pub const WINDOW_ROWS: usize = 1_000;

/// The least bytes of sheet XML per part for a sheet to be read in parts
/// (about 200 rows of the form, well past the [`HEAD_ROWS`]).
pub const MIN_SHARE_BYTES: usize = 64 * 1024;

/// A part's inflated bytes past the next share's first byte: enough for
/// [`WINDOW_ROWS`] rows of any sheet this tool meets (a quarter of a share, at
/// least a megabyte); the part stops inflating there.
fn window_bytes(share: usize) -> usize {
    (share / 4).max(1 << 20)
}

/// Reads `part` of the workbook (see [`super::read_part`]): the sheet of the
/// biggest part split where rows begin, at even shares of its bytes, each
/// part inflating only as far as it reads. `None` when the file is not one
/// to split (the same for every part: calamine's to read, or a sheet under
/// [`MIN_SHARE_BYTES`] a part); `Some(Err(NotSplit))`
/// when this part found the split cannot be made (the page reads the file again whole).
pub fn read_part(bytes: &[u8], part: Part) -> Option<Result<(Workbook, super::Split), super::NotSplit>> {
    let mut book = Book::open(bytes)?;
    let span = Span::of(&mut book, part)?;
    let (biggest, share, of, index) = (span.sheet, span.share, usize::from(part.of.max(1)), usize::from(part.index));
    let prefix = span.inflate(&mut book)?;
    let xml = &prefix.xml;
    // Where this share begins and the next one does (byte, row index); none
    // for the end. No row there, or one among the head rows every part reads:
    // not a sheet to read in parts.
    let bound = |k: usize| match k {
        0 => Some(Some((0, 0))),
        k if k >= of => Some(None),
        k => k
            .checked_mul(share)
            .and_then(|at| first_row_at(xml, prefix.kept(at)))
            .filter(|(_, row)| *row >= HEAD_ROWS)
            .map(Some),
    };
    let (from, to) = match (bound(index), bound(index + 1)) {
        (Some(Some(from)), Some(to)) if to.is_none_or(|(_, row)| row > from.1) => (from, to),
        _ => return Some(Err(super::NotSplit)),
    };
    let within = scan::Within { head: HEAD_ROWS, from: from.0, until: to.map(|(at, row)| (at, row + WINDOW_ROWS)) };
    let Some(rows) = scan::rows_within(xml, &book.strings, &book.dates, Some(within)) else {
        return Some(Err(super::NotSplit));
    };
    drop(prefix);
    let mut out = Vec::new();
    let mut split = None;
    for at in 0..book.sheets.len() {
        if at == biggest {
            let s = book.sheets.get(at)?;
            let window = WINDOW_ROWS;
            split = Some(super::Split { sheet: out.len(), from: from.1, to: to.map(|(_, row)| row), window });
            out.push(Sheet { name: s.name.clone(), hidden: s.hidden, first_row: 0, first_col: 0, rows: Vec::new() });
        } else if part.index == 0 {
            // The other sheets are part 0's.
            match book.sheet(at) {
                Some(sheet) => out.push(sheet),
                None => return Some(Err(super::NotSplit)),
            }
        }
    }
    let split = split?;
    if let Some(sheet) = out.get_mut(split.sheet) {
        sheet.rows = rows;
    }
    Some(Ok((Workbook { sheets: out, unreadable: Vec::new() }, split)))
}

/// How many bytes of its split sheet's XML `part` holds, and the sheet's
/// size: for the test that a part holds only the XML it reads.
#[doc(hidden)]
pub fn part_held(bytes: &[u8], part: Part) -> Option<(usize, usize)> {
    let mut book = Book::open(bytes)?;
    let span = Span::of(&mut book, part)?;
    Some((span.inflate(&mut book)?.xml.len(), span.size))
}

/// What `part` inflates of the sheet it splits.
struct Span {
    /// The split sheet (the biggest part), among the workbook's sheets.
    sheet: usize,
    path: String,
    /// Its XML's size, and a share of it.
    size: usize,
    share: usize,
    /// The share's first byte; the next share's (none for the last).
    from: usize,
    to: Option<usize>,
    /// How far the part may inflate.
    limit: usize,
}

impl Span {
    /// `None` when the file is not one to split (see [`read_part`]).
    fn of(book: &mut Book<'_>, part: Part) -> Option<Span> {
        let sizes: Vec<u64> = book.sheets.iter().map(|s| book.zip.by_name(&s.path).map_or(0, |f| f.size())).collect();
        let sheet = sizes.iter().enumerate().max_by_key(|(i, size)| (**size, std::cmp::Reverse(*i))).map(|(i, _)| i)?;
        let size = usize::try_from(*sizes.get(sheet)?).ok()?;
        let (index, of) = (usize::from(part.index), usize::from(part.of.max(1)));
        // Decided on what every part knows alike, the sheet's size: past it, a
        // part that cannot make its split says so, and the file is read whole.
        if size < MIN_SHARE_BYTES.saturating_mul(of) {
            return None;
        }
        let share = size / of;
        let to = (index + 1 < of).then(|| share * (index + 1));
        let limit = to.map_or(size, |to| to + window_bytes(share));
        let path = book.sheets.get(sheet)?.path.clone();
        Some(Span { sheet, path, size, share, from: share * index, to, limit })
    }

    /// The part's XML of the sheet, trimmed to what it reads.
    fn inflate(&self, book: &mut Book<'_>) -> Option<Prefix> {
        Some(part_prefix(&mut book.zip, &self.path, self.limit, self.from, self.to)?.trimmed(self.size))
    }
}

/// The first `<row>` at or after byte `at`: where it starts and its row index.
fn first_row_at(xml: &[u8], at: usize) -> Option<(usize, usize)> {
    let mut from = at;
    loop {
        let found = from + memchr::memmem::find(xml.get(from..)?, b"<row")?;
        if is_row_tag(xml, found) == Some(true) {
            // Its number as the scanner reads it (a row without one: no share begins there).
            return Some((found, scan::row_number(tags::tag(xml, found)?.attrs)??));
        }
        from = found + 4;
    }
}

/// Whether the `<row` at `at` begins a row's tag (not `<rowBreaks>`); `None`
/// when the byte that tells is not there yet.
fn is_row_tag(xml: &[u8], at: usize) -> Option<bool> {
    Some(matches!(xml.get(at + 4)?, b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/'))
}

/// What a part inflates of the sheet it splits.
struct Prefix {
    /// The sheet's XML as far as the part reads it, without the bytes from
    /// `head_end` to the share's first byte.
    xml: Vec<u8>,
    /// How many bytes were left out there.
    left_out: usize,
    /// Where the head ends: where its row of index [`HEAD_ROWS`] or more
    /// begins at the latest (rows are numbered in order, or the part refuses them).
    head_end: usize,
}

impl Prefix {
    /// Cut before the last row begun when the part stopped inflating before
    /// the sheet's `size` (the scanner reads whole characters and tags; the
    /// part stops before that row anyway); past the head, from the share's
    /// first row on (what was kept from the share's first byte may begin
    /// inside a character; no row there: no share begins there).
    fn trimmed(mut self, size: usize) -> Prefix {
        if self.xml.len() + self.left_out < size {
            let last = memchr::memmem::rfind(&self.xml, b"<row").unwrap_or_default();
            self.xml.truncate(last);
        }
        if self.left_out > 0 {
            if let Some((at, _)) = first_row_at(&self.xml, self.head_end) {
                self.xml.drain(self.head_end..at);
                self.left_out += at - self.head_end;
            }
        }
        self
    }

    /// Byte `at` of the sheet (at or after the share's first byte, when
    /// bytes were left out) in what was kept: a byte left out before the
    /// share's first row is where that row is kept.
    fn kept(&self, at: usize) -> usize {
        match self.left_out {
            0 => at,
            _ => at.saturating_sub(self.left_out).max(self.head_end),
        }
    }
}

/// Row tags counted in a sheet's XML as it is inflated, from a byte on.
struct RowTags {
    /// Where to look next.
    searched: usize,
    /// How many were met.
    rows: usize,
}

impl RowTags {
    fn from(at: usize) -> RowTags {
        RowTags { searched: at, rows: 0 }
    }

    /// Where the row tag after the first `n` begins, once it is in `xml`.
    fn nth(&mut self, xml: &[u8], n: usize) -> Option<usize> {
        loop {
            let Some(found) = memchr::memmem::find(xml.get(self.searched..)?, b"<row").map(|f| self.searched + f)
            else {
                self.searched = xml.len().saturating_sub(3).max(self.searched);
                return None;
            };
            let Some(is_row) = is_row_tag(xml, found) else {
                self.searched = found;
                return None;
            };
            self.searched = found + 4;
            if is_row && self.rows == n {
                return Some(found);
            }
            self.rows += usize::from(is_row);
        }
    }
}

/// The bytes inflated at a time.
const PIECE: usize = 1 << 20;

/// A part's first `limit` bytes of the sheet's XML, inflated a megabyte at
/// a time, keeping only what the part reads: the head (the first
/// [`HEAD_ROWS`] + 1 row tags: the first of index `HEAD_ROWS` or more is
/// among them, and the scanner skips from there to the share) and the
/// bytes from `from` (the share's first byte) on. The rows between are other
/// parts': the second of two parts holds half the sheet's XML, not all of it.
/// When the next share begins at byte `to`, it stops short of `limit` once
/// [`WINDOW_ROWS`] + 3 row tags from there on are in, keeping what comes
/// before the last: the scanner stops at the `WINDOW_ROWS + 1`st, and the
/// row after it, the last begun, is cut off ([`Prefix::trimmed`]).
fn part_prefix(zip: &mut Zip<'_>, path: &str, limit: usize, from: usize, to: Option<usize>) -> Option<Prefix> {
    let file = zip.by_name(path).ok()?;
    let size = usize::try_from(file.size()).ok()?;
    let mut reader = file.take(u64::try_from(limit).ok()?);
    let expected = size.min(limit).saturating_sub(from).saturating_add(PIECE);
    let mut xml = Vec::with_capacity(expected.min(1 << 30));
    // Bytes inflated so far; those left out; the head's end once found; the row tags of the head and past `to`.
    let (mut total, mut left_out, mut head_end) = (0usize, 0usize, None);
    let (mut head, mut past) = (RowTags::from(0), None);
    loop {
        let len = xml.len();
        let n = (&mut reader).take(PIECE as u64).read_to_end(&mut xml).ok()?;
        if n == 0 {
            break;
        }
        // Past the head, what comes before `from` is left out; a head ending at
        // or after `from` leaves nothing out (and is no longer looked for).
        let skip = if head_end.is_some() { from.saturating_sub(total).min(n) } else { 0 };
        xml.drain(len..len + skip);
        left_out += skip;
        let before = total;
        total += n;
        if head_end.is_none() && before < from {
            head_end = head.nth(&xml, HEAD_ROWS);
            if let Some(head) = head_end.filter(|head| *head < from) {
                let end = from.min(xml.len());
                xml.drain(head..end);
                left_out += end - head;
            }
        }
        if let Some(to) = to.filter(|to| total > *to) {
            let tags = past.get_or_insert_with(|| RowTags::from(to.saturating_sub(left_out)));
            if let Some(at) = tags.nth(&xml, WINDOW_ROWS + 2) {
                xml.truncate(at);
                break;
            }
        }
    }
    Some(Prefix { xml, left_out, head_end: head_end.unwrap_or(usize::MAX) })
}

/// A sheet's cells, row by row.
pub type Rows = Vec<Vec<Value>>;

/// A sheet's XML and a shared-strings part read both ways: by the byte scanner
/// and by the XML reader (shared strings then sheet; style 1 a date). For the
/// differential fuzz target `xlsx_sheet`: wherever the scanner reads a part,
/// it must read what the XML reader reads.
#[doc(hidden)]
pub fn both_ways(strings: &[u8], sheet: &[u8]) -> (Option<Rows>, Option<Rows>) {
    // No part: no shared strings, as in a workbook without one.
    let (scanned, parsed) = match strings.is_empty() {
        true => (Some(Strings::default()), Some(Strings::default())),
        false => (text::scanned_strings(strings), shared_strings(xml_of(strings))),
    };
    let dates = [false, true];
    let fast = scanned.as_ref().and_then(|s| scan::rows(sheet, s, &dates));
    let slow = parsed.as_ref().and_then(|s| sheet::rows(xml_of(sheet), s, &dates));
    let strings_agree = match (&scanned, &parsed) {
        (Some(a), Some(b)) => a.len() == b.len() && (0..a.len()).all(|i| a.get(i) == b.get(i)),
        (Some(_), None) => false,
        (None, _) => true,
    };
    match strings_agree {
        true => (fast, slow),
        false => (Some(Vec::new()), Some(vec![vec![Value::Text("the shared strings differ".into())]])),
    }
}

fn part_text(zip: &mut Zip<'_>, path: &str) -> Option<String> {
    let mut text = String::new();
    zip.by_name(path).ok()?.read_to_string(&mut text).ok()?;
    Some(text)
}

/// A part's bytes, inflated (parsed in place: no copy per event).
fn part_bytes(zip: &mut Zip<'_>, path: &str) -> Option<Vec<u8>> {
    let mut file = zip.by_name(path).ok()?;
    let mut bytes = Vec::with_capacity(usize::try_from(file.size()).ok()?.min(1 << 30));
    file.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

pub(super) fn xml_of(bytes: &[u8]) -> Xml<'_> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    configure(reader.config_mut());
    reader
}

/// The parser settings calamine's reader uses: empty elements read as a start
/// and an end, end names not checked, text as it is.
fn configure(config: &mut quick_xml::reader::Config) {
    config.expand_empty_elements = true;
    config.check_end_names = false;
    config.trim_text(false);
}

pub(super) fn str_reader(xml: &str) -> Xml<'_> {
    xml_of(xml.as_bytes())
}

/// A part path as the zip names it: targets are relative to `xl/` unless absolute.
pub(super) fn part_path(target: &str) -> String {
    match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("xl/{target}"),
    }
}
