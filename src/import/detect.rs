//! Recognising a file's format from its first bytes (the name only breaks ties:
//! `.xlsb`, and text files).

use super::error::FileError;

/// The formats the readers know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML: `.xlsx`, `.xlsm` (or `.xlsb`, decided by its parts).
    Zip,
    /// An OpenDocument spreadsheet, `.ods`.
    Ods,
    /// A compound document: `.xls` (Excel 97–2003).
    Compound,
    /// A compound document holding an encrypted Office file.
    Encrypted,
    /// Delimited text, `.csv` (or `.txt`).
    Text,
}

const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The lower-case extension of a file name (`""` without one).
pub fn extension(name: &str) -> String {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// The format of `bytes`, or why no reader here can read them.
///
/// ```
/// use otop_kpi::import::detect::{detect, Format};
/// assert_eq!(detect("a.csv", b"a,b\n1,2\n"), Ok(Format::Text));
/// assert!(detect("a.xls", b"%PDF-1.4\x00\x01").is_err());
/// ```
pub fn detect(name: &str, bytes: &[u8]) -> Result<Format, FileError> {
    if bytes.starts_with(&CFB_MAGIC) {
        return Ok(if contains_utf16(bytes, "EncryptedPackage") { Format::Encrypted } else { Format::Compound });
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok(if is_ods(bytes) { Format::Ods } else { Format::Zip });
    }
    let ext = extension(name);
    if ext == "csv" || ext == "txt" || looks_like_text(bytes) {
        return Ok(Format::Text);
    }
    Err(FileError::NotASpreadsheet)
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

/// Whether the zip container names the part `entry`.
pub fn zip_has(bytes: &[u8], entry: &str) -> bool {
    bytes.windows(entry.len()).any(|w| w == entry.as_bytes())
}

fn is_ods(bytes: &[u8]) -> bool {
    // An ODF package stores its `mimetype` entry first, uncompressed.
    bytes.get(30..).is_some_and(|b| b.starts_with(b"mimetypeapplication/vnd.oasis.opendocument"))
}
