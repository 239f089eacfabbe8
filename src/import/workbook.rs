//! Reading a dropped file's bytes into sheets of cells, whatever its format:
//! `.xlsx`, `.xlsm`, `.xls`, `.xlsb`, `.ods` through calamine, `.csv` through
//! [`super::csv`]. Always from bytes, never from a path, so the page and the
//! command share it. A file that cannot be read becomes a [`FileError`] whose
//! message tells a person what to do.

use calamine::{Data, Ods, Reader, SheetVisible, Xls, Xlsb, Xlsx};
use std::io::Cursor;

/// Largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 200 * 1024 * 1024;
/// Largest uncompressed size of one part of a zip container (a sheet's XML), in
/// bytes, checked before anything is inflated. A 200k-row report's sheet is about
/// 200 MB.
pub const MAX_PART_BYTES: u64 = 512 * 1024 * 1024;
/// Largest uncompressed size of all parts of a zip container together.
pub const MAX_TOTAL_BYTES: u64 = 1024 * 1024 * 1024;
/// Most rows read from one sheet (Excel's own limit).
pub const MAX_ROWS: usize = 1_048_576;
/// Most cells (rows × columns of the used area) read from one sheet.
pub const MAX_CELLS: usize = 30_000_000;

/// One cell's value, independent of the file format.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Int(i64),
    /// A floating-point cell as the file stores it (converted to exact decimals by
    /// its shortest text, see [`super::text::number_text`]).
    Float(f64),
    Bool(bool),
    /// An Excel date serial (days since 1899-12-30).
    Date(f64),
    /// A formula error such as `#REF!`.
    Error(String),
}

impl Value {
    /// Whether the cell holds nothing (or only whitespace).
    pub fn is_blank(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text (numbers by their shortest decimal form).
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.clone(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) | Value::Date(f) => super::text::number_text(*f),
            Value::Bool(b) => {
                if *b {
                    "TRUE".into()
                } else {
                    "FALSE".into()
                }
            }
            Value::Error(e) => e.clone(),
        }
    }
}

impl From<&Data> for Value {
    fn from(d: &Data) -> Value {
        match d {
            Data::Empty => Value::Empty,
            Data::String(s) => Value::Text(s.clone()),
            Data::Int(i) => Value::Int(*i),
            Data::Float(f) => Value::Float(*f),
            Data::Bool(b) => Value::Bool(*b),
            Data::DateTime(dt) => Value::Date(dt.as_f64()),
            Data::DateTimeIso(s) | Data::DurationIso(s) => Value::Text(s.clone()),
            Data::Error(e) => Value::Error(e.to_string()),
        }
    }
}

/// One sheet: its cells, with the position of the first one.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub hidden: bool,
    /// 0-based row of `rows[0]` in the spreadsheet.
    pub first_row: u32,
    /// 0-based column of each row's first cell.
    pub first_col: u32,
    pub rows: Vec<Vec<Value>>,
}

impl Sheet {
    /// The cell at 0-based `row` index into `rows` and absolute 0-based column.
    pub fn cell(&self, row: usize, col: u32) -> &Value {
        static EMPTY: Value = Value::Empty;
        col.checked_sub(self.first_col).and_then(|c| self.rows.get(row)?.get(c as usize)).unwrap_or(&EMPTY)
    }

    /// The spreadsheet's 1-based row number of `rows[i]`.
    pub fn row_number(&self, i: usize) -> u32 {
        self.first_row.saturating_add(i as u32).saturating_add(1)
    }

    /// Number of rows holding at least one non-blank cell.
    pub fn filled_rows(&self) -> usize {
        self.rows.iter().filter(|r| r.iter().any(|c| !c.is_blank())).count()
    }

    /// One past the last absolute column.
    pub fn end_col(&self) -> u32 {
        self.first_col + self.rows.iter().map(Vec::len).max().unwrap_or(0) as u32
    }
}

/// The spreadsheet's letter for a 0-based column: 0 → `A`, 27 → `AB`.
///
/// ```
/// # use otop_kpi::import::workbook::column_letter;
/// assert_eq!(column_letter(0), "A");
/// assert_eq!(column_letter(25), "Z");
/// assert_eq!(column_letter(27), "AB");
/// ```
pub fn column_letter(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        s.push(b'A' + r);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Why a whole file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    Empty,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// A part of the zip container would inflate past the limit.
    PartTooLarge {
        part: String,
        bytes: u64,
        limit: u64,
    },
    Password,
    NotASpreadsheet,
    Damaged(String),
}

impl FileError {
    /// The message in Thai and in English, telling the user what to do.
    pub fn messages(&self) -> (String, String) {
        match self {
            FileError::Empty => (
                "ไฟล์ว่างเปล่า (0 ไบต์) — เปิดไฟล์ต้นฉบับใน Excel แล้วบันทึกใหม่".into(),
                "The file is empty (0 bytes): open the original in Excel and save it again".into(),
            ),
            FileError::TooLarge { bytes, limit } => (
                format!("ไฟล์ใหญ่เกินไป ({} MB เกินขีดจำกัด {} MB) — แยกเป็นหลายไฟล์", bytes / 1_048_576, limit / 1_048_576),
                format!("The file is too large ({} MB, over the {} MB limit): split it into several files", bytes / 1_048_576, limit / 1_048_576),
            ),
            FileError::PartTooLarge { part, bytes, limit } => (
                format!("ไฟล์นี้เมื่อขยายแล้วใหญ่เกินขีดจำกัด (ส่วน {part} ขยายได้ {} MB เกิน {} MB) จึงไม่ได้เปิด — ไฟล์อาจเสียหายหรือเป็นไฟล์อันตราย; แยกข้อมูลเป็นหลายไฟล์", bytes / 1_048_576, limit / 1_048_576),
                format!("Unpacked, this file would be too large (part {part} inflates to {} MB, over the {} MB limit), so it was not opened: it may be damaged or malicious; split the data into several files", bytes / 1_048_576, limit / 1_048_576),
            ),
            FileError::Password => (
                "ไฟล์นี้ตั้งรหัสผ่านไว้ — เปิดใน Excel ใส่รหัสผ่าน แล้วลบรหัสผ่าน (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก) บันทึก แล้วลากมาวางอีกครั้ง".into(),
                "This file is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook), save it, and drop it again".into(),
            ),
            FileError::NotASpreadsheet => (
                "ไฟล์นี้ไม่ใช่ไฟล์ตารางคำนวณ (.xlsx .xls .xlsb .ods .csv) — ตรวจว่าเลือกไฟล์ถูกต้อง".into(),
                "This file is not a spreadsheet (.xlsx .xls .xlsb .ods .csv): check that you chose the right file".into(),
            ),
            FileError::Damaged(detail) => (
                format!("ไฟล์เสียหายหรือไม่สมบูรณ์ (อาจดาวน์โหลดไม่ครบ) — เปิดใน Excel แล้วบันทึกใหม่ หรือขอไฟล์ใหม่จากผู้ส่ง ({detail})"),
                format!("The file is damaged or cut short (perhaps an incomplete download): open it in Excel and save it again, or ask the sender for a new copy ({detail})"),
            ),
        }
    }

    /// The error issue naming `file`.
    pub fn issue(&self, file: &str) -> crate::issue::Issue {
        let (th, en) = self.messages();
        crate::issue::Issue::error(self.code(), th, en).in_file(file)
    }

    /// A stable code for the issue list.
    pub fn code(&self) -> &'static str {
        match self {
            FileError::Empty => "file.empty",
            FileError::TooLarge { .. } => "file.too_large",
            FileError::PartTooLarge { .. } => "file.part_too_large",
            FileError::Password => "file.password",
            FileError::NotASpreadsheet => "file.not_spreadsheet",
            FileError::Damaged(_) => "file.damaged",
        }
    }
}

/// A file read into sheets.
#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
    /// Sheets that could not be read, as issues naming the sheet (the rest of
    /// the file still counts).
    pub unreadable: Vec<crate::issue::Issue>,
}

const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn extension(name: &str) -> String {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// Reads a file's bytes; `name` decides CSV and the order formats are tried in.
///
/// A reader that panics on a malformed file (calamine's CFB reader does on some
/// cut-short `.xls` files, found by fuzzing) is caught where unwinding works (the
/// native command); in the page, files are read in a Web Worker, so such a panic
/// ends the worker, not the page.
pub fn read(name: &str, bytes: &[u8]) -> Result<Workbook, FileError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_unguarded(name, bytes)))
        .unwrap_or_else(|_| Err(FileError::Damaged("the reader stopped on this file".into())))
}

fn read_unguarded(name: &str, bytes: &[u8]) -> Result<Workbook, FileError> {
    if bytes.is_empty() {
        return Err(FileError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: bytes.len(), limit: MAX_FILE_BYTES });
    }
    let ext = extension(name);
    let is_cfb = bytes.starts_with(&CFB_MAGIC);
    let is_zip = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06");
    if !is_cfb && !is_zip {
        if ext == "csv" || ext == "txt" || looks_like_text(bytes) {
            return super::csv::read(name, bytes);
        }
        return Err(FileError::NotASpreadsheet);
    }
    if is_zip {
        check_zip_parts(bytes)?;
    }
    if is_cfb {
        check_cfb_chains(bytes)?;
        if contains_utf16(bytes, "EncryptedPackage") {
            return Err(FileError::Password);
        }
        return open::<Xls<_>>(bytes, |e: &calamine::XlsError| matches!(e, calamine::XlsError::Password));
    }
    if is_ods(bytes) {
        return open::<Ods<_>>(bytes, |e: &calamine::OdsError| matches!(e, calamine::OdsError::Password));
    }
    let xlsx = open_xlsx(bytes);
    match xlsx {
        Err(FileError::Damaged(_)) if ext == "xlsb" || zip_has(bytes, "xl/workbook.bin") => {
            open::<Xlsb<_>>(bytes, |e: &calamine::XlsbError| matches!(e, calamine::XlsbError::Password))
        }
        other => other,
    }
}

fn looks_like_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    !head.contains(&0)
        && head.iter().filter(|b| b.is_ascii_control() && !matches!(b, b'\n' | b'\r' | b'\t')).count() == 0
}

fn contains_utf16(bytes: &[u8], s: &str) -> bool {
    let needle: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

fn zip_has(bytes: &[u8], entry: &str) -> bool {
    bytes.windows(entry.len()).any(|w| w == entry.as_bytes())
}

fn is_ods(bytes: &[u8]) -> bool {
    // An ODF package stores its `mimetype` entry first, uncompressed.
    bytes.get(30..).is_some_and(|b| b.starts_with(b"mimetypeapplication/vnd.oasis.opendocument"))
}

impl From<calamine::DataRef<'_>> for Value {
    fn from(d: calamine::DataRef<'_>) -> Value {
        use calamine::DataRef;
        match d {
            DataRef::Empty => Value::Empty,
            DataRef::SharedString(s) => Value::Text(s.to_string()),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Value::Text(s),
            DataRef::Int(i) => Value::Int(i),
            DataRef::Float(f) => Value::Float(f),
            DataRef::Bool(b) => Value::Bool(b),
            DataRef::DateTime(dt) => Value::Date(dt.as_f64()),
            DataRef::Error(e) => Value::Error(e.to_string()),
        }
    }
}

/// `.xlsx`/`.xlsm`: cells streamed from the sheet XML straight into rows, without
/// building calamine's whole range first (half the time and memory on big files),
/// and with the row and cell limits checked as cells arrive.
fn open_xlsx(bytes: &[u8]) -> Result<Workbook, FileError> {
    let mut wb: Xlsx<_> = match Xlsx::new(Cursor::new(bytes.to_vec())) {
        Ok(wb) => wb,
        Err(calamine::XlsxError::Password) => return Err(FileError::Password),
        Err(e) => return Err(FileError::Damaged(e.to_string())),
    };
    let metas: Vec<(String, bool)> =
        wb.sheets_metadata().iter().map(|s| (s.name.clone(), !matches!(s.visible, SheetVisible::Visible))).collect();
    let mut sheets = Vec::new();
    let mut unreadable = Vec::new();
    for (name, hidden) in metas {
        let mut reader = match wb.worksheet_cells_reader(&name) {
            Ok(r) => r,
            Err(e) => {
                unreadable.push(sheet_unreadable(&name, &e.to_string()));
                continue;
            }
        };
        let mut rows: Vec<Vec<Value>> = Vec::new();
        let mut slots = 0usize;
        let mut failed = None;
        loop {
            match reader.next_cell() {
                Ok(Some(cell)) => {
                    let (r, c) = cell.get_position();
                    let (r, c) = (r as usize, c as usize);
                    if r >= MAX_ROWS || slots > MAX_CELLS || c >= 16_384 {
                        failed = Some(sheet_too_large(&name, r.max(rows.len()) + 1, c + 1));
                        break;
                    }
                    if rows.len() <= r {
                        rows.resize_with(r + 1, Vec::new);
                    }
                    let Some(row) = rows.get_mut(r) else { break };
                    if row.len() <= c {
                        slots += c + 1 - row.len();
                        row.resize(c + 1, Value::Empty);
                    }
                    if let Some(slot) = row.get_mut(c) {
                        *slot = Value::from(cell.get_value().clone());
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    failed = Some(sheet_unreadable(&name, &e.to_string()));
                    break;
                }
            }
        }
        match failed {
            Some(issue) => unreadable.push(issue),
            None => sheets.push(Sheet { name, hidden, first_row: 0, first_col: 0, rows }),
        }
    }
    finish(sheets, unreadable)
}

/// The workbook read, or — when no sheet could be read at all — a damaged file.
fn finish(sheets: Vec<Sheet>, unreadable: Vec<crate::issue::Issue>) -> Result<Workbook, FileError> {
    if sheets.is_empty() && unreadable.iter().any(|i| i.code == "file.sheet_unreadable") {
        let detail = unreadable.iter().map(|i| i.message_en.clone()).collect::<Vec<_>>().join("; ");
        return Err(FileError::Damaged(detail));
    }
    Ok(Workbook { sheets, unreadable })
}

fn open<R>(bytes: &[u8], is_password: impl Fn(&R::Error) -> bool) -> Result<Workbook, FileError>
where
    R: Reader<Cursor<Vec<u8>>>,
    R::Error: std::fmt::Display,
{
    let mut wb: R = match R::new(Cursor::new(bytes.to_vec())) {
        Ok(wb) => wb,
        Err(e) if is_password(&e) => return Err(FileError::Password),
        Err(e) => return Err(FileError::Damaged(e.to_string())),
    };
    let metas: Vec<(String, bool)> =
        wb.sheets_metadata().iter().map(|s| (s.name.clone(), !matches!(s.visible, SheetVisible::Visible))).collect();
    let mut sheets = Vec::new();
    let mut unreadable = Vec::new();
    for (name, hidden) in metas {
        match wb.worksheet_range(&name) {
            Ok(range) => {
                let (height, width) = range.get_size();
                if height > MAX_ROWS || height.saturating_mul(width) > MAX_CELLS {
                    unreadable.push(sheet_too_large(&name, height, width));
                    continue;
                }
                let (first_row, first_col) = range.start().unwrap_or((0, 0));
                let rows = range.rows().map(|r| r.iter().map(Value::from).collect()).collect();
                sheets.push(Sheet { name, hidden, first_row, first_col, rows });
            }
            Err(e) if is_password(&e) => return Err(FileError::Password),
            Err(e) => unreadable.push(sheet_unreadable(&name, &e.to_string())),
        }
    }
    finish(sheets, unreadable)
}

fn sheet_unreadable(sheet: &str, why: &str) -> crate::issue::Issue {
    crate::issue::Issue::warning(
        "file.sheet_unreadable",
        format!("อ่านแผ่นงาน \"{sheet}\" ไม่ได้ ({why}) — แผ่นงานอื่นยังใช้ได้; เปิดใน Excel แล้วบันทึกใหม่"),
        format!("Sheet \"{sheet}\" could not be read ({why}); the other sheets still count. Open the file in Excel and save it again"),
    )
    .at(Some(sheet), None, None)
}

fn sheet_too_large(sheet: &str, rows: usize, cols: usize) -> crate::issue::Issue {
    crate::issue::Issue::error(
        "file.sheet_too_large",
        format!("แผ่นงาน \"{sheet}\" ใหญ่เกินขีดจำกัด ({rows} แถว × {cols} คอลัมน์; ไม่เกิน {MAX_ROWS} แถว และ {MAX_CELLS} เซลล์) จึงไม่ได้อ่าน — ลบแถวหรือคอลัมน์ว่างที่จัดรูปแบบไว้ หรือแยกเป็นหลายไฟล์"),
        format!("Sheet \"{sheet}\" is over the limit ({rows} rows × {cols} columns; at most {MAX_ROWS} rows and {MAX_CELLS} cells) and was not read: delete formatted empty rows or columns, or split it into several files"),
    )
    .at(Some(sheet), None, None)
}

fn u16_at(b: &[u8], i: usize) -> Option<u64> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?) as u64)
}

fn u32_at(b: &[u8], i: usize) -> Option<u64> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?) as u64)
}

/// Reads the zip container's central directory — without inflating anything —
/// and refuses a part, or all parts together, that would inflate past the limits.
/// A directory that cannot be read is left to the format reader to report.
pub fn check_zip_parts(bytes: &[u8]) -> Result<(), FileError> {
    const EOCD: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    let from = bytes.len().saturating_sub(22 + 65_535);
    let Some(eocd) = (from..bytes.len().saturating_sub(21)).rev().find(|&i| bytes.get(i..i + 4) == Some(&EOCD[..]))
    else {
        return Ok(());
    };
    let (Some(entries), Some(mut at)) = (u16_at(bytes, eocd + 10), u32_at(bytes, eocd + 16)) else { return Ok(()) };
    let mut total: u64 = 0;
    for _ in 0..entries {
        let at_usize = at as usize;
        if bytes.get(at_usize..at_usize + 4) != Some(&[0x50, 0x4b, 0x01, 0x02][..]) {
            break;
        }
        let (Some(size), Some(name_len), Some(extra_len), Some(comment_len)) = (
            u32_at(bytes, at_usize + 24),
            u16_at(bytes, at_usize + 28),
            u16_at(bytes, at_usize + 30),
            u16_at(bytes, at_usize + 32),
        ) else {
            break;
        };
        let name = bytes
            .get(at_usize + 46..at_usize + 46 + name_len as usize)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        // 0xFFFFFFFF: the real size is in a ZIP64 field, 4 GiB or more.
        let size = if size == u32::MAX as u64 { u64::MAX } else { size };
        if size > MAX_PART_BYTES {
            return Err(FileError::PartTooLarge { part: name, bytes: size, limit: MAX_PART_BYTES });
        }
        total = total.saturating_add(size);
        if total > MAX_TOTAL_BYTES {
            return Err(FileError::PartTooLarge { part: name, bytes: total, limit: MAX_TOTAL_BYTES });
        }
        at += 46 + name_len + extra_len + comment_len;
    }
    Ok(())
}

/// Checks a compound-document (`.xls`, encrypted Office) container's sector
/// table the way calamine's CFB reader will walk it (sectors counted from byte
/// 512, a sector past the end of the file read as zeros) and refuses a table in
/// which a chain of sectors loops back on itself or points outside the table: on
/// those the reader allocates without end or panics (both found by fuzzing).
/// Anything the reader itself rejects cleanly is left to it.
pub fn check_cfb_chains(bytes: &[u8]) -> Result<(), FileError> {
    const RESERVED: u64 = 0xFFFF_FFFA;
    const DIFSECT: u64 = 0xFFFF_FFFC;
    let damaged = |why: &str| Err(FileError::Damaged(why.to_string()));
    let Some(shift) = u16_at(bytes, 30) else { return Ok(()) };
    let ss = match shift {
        9 => 512usize,
        12 => 4096,
        _ => return Ok(()),
    };
    let maxid = (bytes.len() / ss) as u64;
    let body = bytes.get(512..).unwrap_or(&[]);
    // Sector `id` as the reader sees it: zeros past the end of the file.
    let sector = |id: u64| -> Option<Vec<u8>> {
        if id > maxid {
            return None;
        }
        let start = (id as usize).checked_mul(ss)?;
        let mut v = vec![0u8; ss];
        if let Some(have) = body.get(start.min(body.len())..(start + ss).min(body.len())) {
            v[..have.len()].copy_from_slice(have);
        }
        Some(v)
    };
    let words = |sec: &[u8]| -> Vec<u64> { (0..sec.len() / 4).filter_map(|i| u32_at(sec, 4 * i)).collect() };
    let mut difat: Vec<u64> = (0..109).filter_map(|i| u32_at(bytes, 76 + 4 * i)).collect();
    let mut id = u32_at(bytes, 68).unwrap_or(u32::MAX as u64);
    let mut hops = 0u64;
    while id < RESERVED {
        hops += 1;
        if hops > maxid + 1 {
            return Ok(());
        }
        let Some(sec) = sector(id) else { return Ok(()) };
        difat.extend(words(&sec));
        let Some(next) = difat.pop() else { return Ok(()) };
        id = next;
    }
    let mut fat: Vec<u64> = Vec::new();
    for id in difat.into_iter().filter(|id| *id < DIFSECT) {
        let Some(sec) = sector(id) else { return Ok(()) };
        fat.extend(words(&sec));
        if fat.len() > 64 * 1024 * 1024 {
            return damaged("the sector table is too large");
        }
    }
    // Walk every chain: each must end (a value past the table's chains) without
    // coming back to a sector already on it.
    let n = fat.len();
    let mut state = vec![0u8; n]; // 0 new, 1 on the current path, 2 known to end
    for start in 0..n {
        let mut path = Vec::new();
        let mut at = start;
        loop {
            match state.get(at) {
                Some(0) => {
                    state[at] = 1;
                    path.push(at);
                    let next = fat[at];
                    if next >= RESERVED {
                        break;
                    }
                    if next as usize >= n {
                        // The reader would index past its table and panic.
                        if next <= maxid {
                            return damaged("a chain of sectors points past the sector table");
                        }
                        break;
                    }
                    at = next as usize;
                }
                Some(1) => return damaged("a chain of sectors loops back on itself"),
                _ => break,
            }
        }
        for p in path {
            state[p] = 2;
        }
    }
    Ok(())
}
