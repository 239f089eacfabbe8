//! Why a file, or one of its sheets, could not be read. The Thai and English
//! text of each is made here, in one place; [`Issue`] takes it from here.

use super::cell::{MAX_CELLS, MAX_ROWS};
use crate::issue::{Code, Issue};

/// A format recognised but not read here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Foreign {
    /// Excel 2.x–4.0 (BIFF2–4), or an Excel 5.0/95 workbook the reader cannot read.
    OldExcel,
    /// Lotus 1-2-3 (`.wk1`, `.wk3`, `.wk4`, `.123`).
    Lotus,
    /// Quattro Pro (`.wq1`, `.wb1`–`.wb3`, `.qpw`).
    Quattro,
    /// Apple Numbers.
    Numbers,
    /// A PDF.
    Pdf,
    /// A word-processor document: Word (`.doc`, `.docx`), Writer (`.odt`), RTF.
    Document,
    /// A PowerPoint or Impress presentation.
    Presentation,
    /// A picture (PNG, JPEG, GIF).
    Picture,
    /// A zip archive that holds no spreadsheet.
    Archive,
    /// A web page without a table.
    WebPage,
}

impl Foreign {
    /// The format's name, in Thai and in English.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Foreign::OldExcel => ("ไฟล์ Excel รุ่นเก่า (Excel 2.x–95)", "an old Excel file (Excel 2.x–95)"),
            Foreign::Lotus => ("ไฟล์ Lotus 1-2-3", "a Lotus 1-2-3 file"),
            Foreign::Quattro => ("ไฟล์ Quattro Pro", "a Quattro Pro file"),
            Foreign::Numbers => ("ไฟล์ Apple Numbers", "an Apple Numbers file"),
            Foreign::Pdf => ("ไฟล์ PDF", "a PDF file"),
            Foreign::Document => ("เอกสาร Word (หรือ Writer, RTF)", "a Word document (or Writer, RTF)"),
            Foreign::Presentation => ("ไฟล์งานนำเสนอ PowerPoint", "a PowerPoint presentation"),
            Foreign::Picture => ("ไฟล์รูปภาพ", "a picture"),
            Foreign::Archive => ("ไฟล์บีบอัด zip ที่ไม่มีตารางคำนวณ", "a zip archive without a spreadsheet"),
            Foreign::WebPage => ("หน้าเว็บที่ไม่มีตาราง", "a web page without a table"),
        }
    }

    /// What to do, in Thai and in English.
    pub fn remedy(self) -> (&'static str, &'static str) {
        match self {
            Foreign::OldExcel | Foreign::Lotus | Foreign::Quattro => (
                "เปิดไฟล์ใน Excel หรือ LibreOffice Calc แล้วบันทึกเป็น .xlsx (ไฟล์ > บันทึกเป็น > เวิร์กบุ๊ก Excel) \
                 แล้วลากมาวางอีกครั้ง",
                "open it in Excel or LibreOffice Calc, save it as .xlsx (File > Save As > Excel Workbook), \
                 and drop it again",
            ),
            Foreign::Numbers => (
                "เปิดใน Numbers แล้วเลือก ไฟล์ > ส่งออกไปยัง > Excel แล้วลากไฟล์ .xlsx มาวาง",
                "open it in Numbers, choose File > Export To > Excel, and drop the .xlsx file",
            ),
            Foreign::Archive => (
                "แตกไฟล์ zip ก่อน แล้วลากไฟล์ Excel ที่อยู่ข้างในมาวาง",
                "unpack the zip first and drop the Excel files inside it",
            ),
            Foreign::Pdf | Foreign::Document | Foreign::Presentation | Foreign::Picture | Foreign::WebPage => (
                "ขอไฟล์ Excel ต้นฉบับจากผู้ส่ง หรือคัดลอกตารางลงใน Excel แล้วบันทึกเป็น .xlsx",
                "ask the sender for the original Excel file, or copy the table into Excel and save it as .xlsx",
            ),
        }
    }
}

/// Why a whole file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// The file has no bytes.
    Empty,
    /// The file is over the size limit.
    TooLarge {
        /// Its size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// A part of the zip container would inflate past the limit.
    PartTooLarge {
        /// The part's name in the zip.
        part: String,
        /// Its size inflated.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is encrypted with a password.
    Password,
    /// The bytes are no spreadsheet format read here.
    NotASpreadsheet,
    /// A format recognised but not read here (PDF, Lotus, Excel 95, …).
    Foreign(Foreign),
    /// The file is damaged: what the reader said.
    Damaged(String),
    /// The browser or the system could not hand over the file's bytes.
    Unopenable(String),
    /// The reader gave no answer within the bound.
    NoAnswer {
        /// How long was waited.
        seconds: u32,
    },
    /// No file reader could be started (the page's Web Worker did not start).
    NoReader,
    /// The file's format is read only by the reader of every format, which this
    /// build leaves out (the page's first reading worker, kept small so that a
    /// first result comes sooner): the page hands the file to the reader of
    /// every format. A user sees it only if that reader never answers.
    OtherReader,
}

impl FileError {
    /// The message in Thai and in English, telling the user what to do.
    pub fn messages(&self) -> (String, String) {
        match self {
            FileError::Empty => (
                "ไฟล์ว่างเปล่า (0 ไบต์) — เปิดไฟล์ต้นฉบับใน Excel แล้วบันทึกใหม่".into(),
                "The file is empty (0 bytes): open the original in Excel and save it again".into(),
            ),
            FileError::TooLarge { bytes, limit } => {
                let (mb, max) = (bytes / 1_048_576, limit / 1_048_576);
                (
                    format!("ไฟล์ใหญ่เกินไป ({mb} MB เกินขีดจำกัด {max} MB) — แยกเป็นหลายไฟล์"),
                    format!("The file is too large ({mb} MB, over the {max} MB limit): split it into several files"),
                )
            }
            FileError::PartTooLarge { part, bytes, limit } => {
                let (mb, max) = (bytes / 1_048_576, limit / 1_048_576);
                (
                    format!(
                        "ไฟล์นี้เมื่อขยายแล้วใหญ่เกินขีดจำกัด (ส่วน {part} ขยายได้ {mb} MB เกิน {max} MB) \
                         จึงไม่ได้เปิด — ไฟล์อาจเสียหายหรือเป็นไฟล์อันตราย; แยกข้อมูลเป็นหลายไฟล์"
                    ),
                    format!(
                        "Unpacked, this file would be too large (part {part} inflates to {mb} MB, over the \
                         {max} MB limit), so it was not opened: it may be damaged or malicious; split the data \
                         into several files"
                    ),
                )
            }
            FileError::Password => (
                "ไฟล์นี้ตั้งรหัสผ่านไว้ — เปิดใน Excel ใส่รหัสผ่าน แล้วลบรหัสผ่าน (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก) \
                 บันทึก แล้วลากมาวางอีกครั้ง"
                    .into(),
                "This file is password-protected: open it in Excel, remove the password (File > Info > Protect \
                 Workbook), save it, and drop it again"
                    .into(),
            ),
            FileError::NotASpreadsheet => (
                "ไฟล์นี้ไม่ใช่ไฟล์ตารางคำนวณที่รู้จัก (.xlsx .xls .xlsb .ods .csv .txt หรือ Excel ที่บันทึกจากระบบเว็บ) \
                 — ตรวจว่าเลือกไฟล์ถูกต้อง หรือเปิดใน Excel แล้วบันทึกเป็น .xlsx"
                    .into(),
                "This file is not a spreadsheet this tool knows (.xlsx .xls .xlsb .ods .csv .txt, or Excel saved by \
                 a web system): check that you chose the right file, or open it in Excel and save it as .xlsx"
                    .into(),
            ),
            FileError::Foreign(format) => {
                let ((name_th, name_en), (todo_th, todo_en)) = (format.names(), format.remedy());
                (
                    format!("ไฟล์นี้เป็น{name_th} ซึ่งโปรแกรมนี้อ่านไม่ได้ — {todo_th}"),
                    format!("This file is {name_en}, which this tool cannot read: {todo_en}"),
                )
            }
            FileError::Unopenable(detail) => (
                format!("เปิดไฟล์นี้ไม่ได้ ({detail}) — ลองเลือกหรือลากไฟล์มาวางอีกครั้ง"),
                format!("The file could not be opened ({detail}): choose or drop it again"),
            ),
            FileError::NoAnswer { seconds } => (
                format!(
                    "ตัวอ่านไฟล์ไม่ตอบภายใน {seconds} วินาที จึงหยุดอ่านไฟล์นี้ \
                     — ลองโหลดหน้าใหม่แล้ววางไฟล์อีกครั้ง หรือแยกข้อมูลเป็นหลายไฟล์"
                ),
                format!(
                    "The file reader gave no answer within {seconds} s, so this file was not read: \
                     reload the page and drop the file again, or split the data into several files"
                ),
            ),
            FileError::NoReader | FileError::OtherReader => self.reader_messages(),
            FileError::Damaged(detail) => (
                format!(
                    "ไฟล์เสียหายหรือไม่สมบูรณ์ (อาจดาวน์โหลดไม่ครบ) — เปิดใน Excel แล้วบันทึกใหม่ \
                     หรือขอไฟล์ใหม่จากผู้ส่ง ({detail})"
                ),
                format!(
                    "The file is damaged or cut short (perhaps an incomplete download): open it in Excel and save \
                     it again, or ask the sender for a new copy ({detail})"
                ),
            ),
        }
    }

    /// The issue's code.
    pub fn code(&self) -> Code {
        match self {
            FileError::Empty => Code::FileEmpty,
            FileError::TooLarge { .. } => Code::FileTooLarge,
            FileError::PartTooLarge { .. } => Code::FilePartTooLarge,
            FileError::Password => Code::FilePassword,
            FileError::NotASpreadsheet => Code::FileNotSpreadsheet,
            FileError::Foreign(_) => Code::FileFormatUnsupported,
            FileError::Damaged(_) => Code::FileDamaged,
            FileError::Unopenable(_) => Code::FileUnreadable,
            FileError::NoAnswer { .. } => Code::FileNoAnswer,
            FileError::NoReader => Code::FileNoReader,
            FileError::OtherReader => Code::FileOtherReader,
        }
    }

    /// The error issue naming `file`.
    pub fn issue(&self, file: &str) -> Issue {
        Issue::from(self).in_file(file)
    }
}

impl FileError {
    /// The message of the page's readers failing ([`FileError::NoReader`],
    /// [`FileError::OtherReader`]), in Thai and in English.
    fn reader_messages(&self) -> (String, String) {
        let (th, en) = match self {
            FileError::OtherReader => (
                "ตัวอ่านไฟล์รูปแบบนี้ (.xls .xlsb .ods หรือ Excel ที่บันทึกจากระบบเว็บ) ยังไม่ได้อ่านไฟล์นี้ \
                 — โหลดหน้าใหม่แล้ววางไฟล์อีกครั้ง หรือเปิดใน Excel แล้วบันทึกเป็น .xlsx",
                "The reader of this file's format (.xls .xlsb .ods, or Excel saved by a web system) did not read \
                 it: reload the page and drop the file again, or open it in Excel and save it as .xlsx",
            ),
            _ => (
                "เริ่มตัวอ่านไฟล์ไม่ได้ จึงยังไม่ได้อ่านไฟล์นี้ \
                 — โหลดหน้าใหม่ หรือเปิดด้วยเบราว์เซอร์รุ่นใหม่ (Chrome, Edge, Firefox)",
                "The file reader could not start, so this file was not read: reload the page, or open it in a \
                 current browser (Chrome, Edge, Firefox)",
            ),
        };
        (th.into(), en.into())
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.messages().1)
    }
}

impl std::error::Error for FileError {}

impl From<&FileError> for Issue {
    fn from(e: &FileError) -> Issue {
        let (th, en) = e.messages();
        Issue::new(e.code(), th, en)
    }
}

/// Why one sheet of a file could not be read (the rest of the file still counts).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SheetError {
    /// The reader failed on the sheet.
    Unreadable {
        /// The sheet.
        sheet: String,
        /// What the reader said.
        why: String,
    },
    /// The sheet's used area is over the row or cell limit.
    TooLarge {
        /// The sheet.
        sheet: String,
        /// Its rows.
        rows: usize,
        /// Its columns.
        cols: usize,
    },
}

impl SheetError {
    /// The sheet's name.
    pub fn sheet(&self) -> &str {
        match self {
            SheetError::Unreadable { sheet, .. } | SheetError::TooLarge { sheet, .. } => sheet,
        }
    }

    /// The message in Thai and in English, telling the user what to do.
    pub fn messages(&self) -> (String, String) {
        match self {
            SheetError::Unreadable { sheet, why } => {
                // A reader's detail can quote the file's bytes (a UTF-16 part: "\0w\0o…"): no control characters.
                let why: String = why.chars().filter(|c| !c.is_control()).collect();
                (
                    format!("อ่านแผ่นงาน \"{sheet}\" ไม่ได้ ({why}) — แผ่นงานอื่นยังใช้ได้; เปิดใน Excel แล้วบันทึกใหม่"),
                    format!(
                        "Sheet \"{sheet}\" could not be read ({why}); the other sheets still count. \
                     Open the file in Excel and save it again"
                    ),
                )
            }
            SheetError::TooLarge { sheet, rows, cols } => (
                format!(
                    "แผ่นงาน \"{sheet}\" ใหญ่เกินขีดจำกัด ({rows} แถว × {cols} คอลัมน์; ไม่เกิน {MAX_ROWS} แถว \
                     และ {MAX_CELLS} เซลล์) จึงไม่ได้อ่าน — ลบแถวหรือคอลัมน์ว่างที่จัดรูปแบบไว้ หรือแยกเป็นหลายไฟล์"
                ),
                format!(
                    "Sheet \"{sheet}\" is over the limit ({rows} rows × {cols} columns; at most {MAX_ROWS} rows \
                     and {MAX_CELLS} cells) and was not read: delete formatted empty rows or columns, \
                     or split it into several files"
                ),
            ),
        }
    }

    /// The issue naming `file` and the sheet.
    pub fn issue(&self, file: &str) -> Issue {
        let (th, en) = self.messages();
        let code = match self {
            SheetError::Unreadable { .. } => Code::FileSheetUnreadable,
            SheetError::TooLarge { .. } => Code::FileSheetTooLarge,
        };
        Issue::new(code, th, en).in_file(file).at(Some(self.sheet()), None, None)
    }
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.messages().1)
    }
}

impl std::error::Error for SheetError {}
