//! Recognising a file's format from its content, never from its name alone: a
//! web system's "Excel" export named `.xls` is often an HTML table, Excel 2003
//! XML or UTF-16 text. The name only breaks ties (`.xlsb`, and plain text).
//! Formats no reader here reads are recognised too ([`Foreign`]), so the user
//! is told what the file is and what to do.

use crate::charset::Charset;
use otop_model::imported::error::{FileError, Foreign};

/// The formats the readers know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML: `.xlsx`, `.xlsm` (or `.xlsb`, decided by its parts).
    Zip,
    /// An OpenDocument spreadsheet, `.ods`.
    Ods,
    /// A flat OpenDocument spreadsheet, `.fods`: the same XML in one file, not zipped.
    FlatOds,
    /// A compound document: `.xls` (Excel 97–2003, or 5.0/95).
    Compound,
    /// A compound document holding an encrypted Office file.
    Encrypted,
    /// An HTML page with tables, as web systems save "Excel" (`.xls`, `.htm`).
    Html,
    /// Excel 2003 XML (SpreadsheetML), `.xml` or `.xls`.
    SpreadsheetXml,
    /// Delimited text, `.csv` or `.txt`, in UTF-8, UTF-16 or Windows-874.
    Text,
}

const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// How much of a text file is looked at to recognise it.
const SNIFF: usize = 16 * 1024;

pub use otop_model::imported::file::extension;

/// The format of `bytes`, or why no reader here can read them.
///
/// ```
/// use otop_import::detect::{detect, Format};
/// use otop_model::imported::error::{FileError, Foreign};
/// assert_eq!(detect("a.csv", b"a,b\n1,2\n"), Ok(Format::Text));
/// assert_eq!(detect("a.xls", b"<html><table><tr><td>1</td></tr></table>"), Ok(Format::Html));
/// assert_eq!(detect("a.xls", b"%PDF-1.4\x00\x01"), Err(FileError::Foreign(Foreign::Pdf)));
/// ```
pub fn detect(name: &str, bytes: &[u8]) -> Result<Format, FileError> {
    if bytes.starts_with(&CFB_MAGIC) {
        return compound(bytes);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return zip(name, bytes);
    }
    if let Some(foreign) = foreign_magic(bytes) {
        return Err(FileError::Foreign(foreign));
    }
    let ext = extension(name);
    match sniff_text(bytes) {
        Some(format) => Ok(format),
        None if ext == "csv" || ext == "txt" => Ok(Format::Text),
        None => Err(FileError::NotASpreadsheet),
    }
}

fn compound(bytes: &[u8]) -> Result<Format, FileError> {
    let has = |stream: &str| contains_utf16(bytes, stream);
    if has("EncryptedPackage") {
        Ok(Format::Encrypted)
    } else if has("Workbook") || has("Book") {
        Ok(Format::Compound)
    } else if has("WordDocument") {
        Err(FileError::Foreign(Foreign::Document))
    } else if has("PowerPoint Document") {
        Err(FileError::Foreign(Foreign::Presentation))
    } else if has("NativeContent_MAIN") {
        Err(FileError::Foreign(Foreign::Quattro))
    } else {
        // Let the .xls reader say what is wrong with it.
        Ok(Format::Compound)
    }
}

fn zip(name: &str, bytes: &[u8]) -> Result<Format, FileError> {
    let odf = |kind: &str| {
        bytes
            .get(30..)
            .is_some_and(|b| b.starts_with(format!("mimetypeapplication/vnd.oasis.opendocument.{kind}").as_bytes()))
    };
    if odf("spreadsheet") {
        Ok(Format::Ods)
    } else if zip_has(bytes, "xl/") || extension(name) == "xlsb" {
        Ok(Format::Zip)
    } else if zip_has(bytes, "word/document.xml") || odf("text") {
        Err(FileError::Foreign(Foreign::Document))
    } else if zip_has(bytes, "ppt/presentation.xml") || odf("presentation") {
        Err(FileError::Foreign(Foreign::Presentation))
    } else if zip_has(bytes, "Index/Document.iwa") || zip_has(bytes, "Index.zip") {
        Err(FileError::Foreign(Foreign::Numbers))
    } else if zip_has(bytes, "[Content_Types].xml") {
        // An Office package of some other kind: the .xlsx readers say what is wrong.
        Ok(Format::Zip)
    } else {
        Err(FileError::Foreign(Foreign::Archive))
    }
}

/// Formats known by their first bytes.
fn foreign_magic(bytes: &[u8]) -> Option<Foreign> {
    let head = bytes.get(..1024).unwrap_or(bytes);
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Some(Foreign::Pdf);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Some(Foreign::Document);
    }
    if bytes.starts_with(b"\x89PNG") || bytes.starts_with(b"\xFF\xD8\xFF") || bytes.starts_with(b"GIF8") {
        return Some(Foreign::Picture);
    }
    match bytes {
        // A BIFF2-4 worksheet (or a BIFF5+ stream outside a compound file): a BOF
        // record (0x0009, 0x0209, 0x0409, 0x0809) of 4 to 16 bytes.
        [0x09, 0x00 | 0x02 | 0x04 | 0x08, len, 0x00, ..] if (4..=16).contains(len) => Some(Foreign::OldExcel),
        // Lotus-format files: a BOF record (type 0, length 2 or 26) and a version;
        // Quattro Pro's WQ1/WB1 carry 0x5120-ish versions.
        [0x00, 0x00, 0x02, 0x00, 0x20 | 0x21, 0x51, ..] => Some(Foreign::Quattro),
        [0x00, 0x00, 0x02 | 0x1A, 0x00, ..] if bytes.len() > 6 => Some(Foreign::Lotus),
        _ => None,
    }
}

/// A text file's format from its first characters: Excel 2003 XML, HTML, or
/// delimited text; `None` when it is not text.
fn sniff_text(bytes: &[u8]) -> Option<Format> {
    let head = bytes.get(..SNIFF).unwrap_or(bytes);
    let text = if let Some((charset, bom)) = Charset::of_bom(head) {
        let body = head.get(bom..).unwrap_or_default();
        // A cut-off last character decodes as U+FFFD, which is fine for sniffing.
        charset.decode(body)
    } else {
        if head.contains(&0) {
            return None;
        }
        String::from_utf8_lossy(head).into_owned()
    };
    let lower = text.trim_start().to_ascii_lowercase();
    if lower.starts_with('<') && lower.contains("urn:schemas-microsoft-com:office:spreadsheet") {
        return Some(Format::SpreadsheetXml);
    }
    if lower.starts_with('<') && lower.contains("application/vnd.oasis.opendocument.spreadsheet") {
        return Some(Format::FlatOds);
    }
    if lower.starts_with('<') && (lower.contains("<table") || lower.contains("<html") || lower.starts_with("<!doctype"))
    {
        return Some(Format::Html);
    }
    let controls = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')).count();
    (controls == 0).then_some(Format::Text)
}

fn contains_utf16(bytes: &[u8], s: &str) -> bool {
    let needle: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// Whether the zip container names the part `entry`.
pub fn zip_has(bytes: &[u8], entry: &str) -> bool {
    bytes.windows(entry.len()).any(|w| w == entry.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn foreign(name: &str, bytes: &[u8]) -> Option<Foreign> {
        match detect(name, bytes) {
            Err(FileError::Foreign(f)) => Some(f),
            _ => None,
        }
    }

    #[test]
    fn formats_no_reader_reads_are_named_by_their_first_bytes() {
        // Lotus WK1 and WK3 begin with a BOF record; Quattro's WQ1 carries 0x5120.
        assert_eq!(foreign("a.xls", &[0, 0, 2, 0, 6, 4, 6, 0, 0, 0]), Some(Foreign::Lotus));
        assert_eq!(foreign("a.xls", &[0, 0, 0x1A, 0, 0, 0x10, 4, 0, 0, 0]), Some(Foreign::Lotus));
        assert_eq!(foreign("a.xls", &[0, 0, 2, 0, 0x20, 0x51, 0, 0]), Some(Foreign::Quattro));
        // An Excel 2.1 worksheet: BOF 0x0009, four bytes.
        assert_eq!(foreign("a.xls", &[9, 0, 4, 0, 2, 0, 0x10, 0]), Some(Foreign::OldExcel));
        assert_eq!(foreign("a.xls", b"{\\rtf1\\ansi"), Some(Foreign::Document));
        assert_eq!(foreign("a.xls", b"GIF89a\x01\x00"), Some(Foreign::Picture));
    }

    #[test]
    fn zip_packages_are_told_apart_by_their_parts() {
        let zip = |names: &[&str]| -> Vec<u8> {
            let mut b = b"PK\x03\x04".to_vec();
            for n in names {
                b.extend_from_slice(n.as_bytes());
            }
            b
        };
        assert_eq!(detect("a.xlsx", &zip(&["[Content_Types].xml", "xl/workbook.xml"])), Ok(Format::Zip));
        assert_eq!(foreign("a.xls", &zip(&["Index/Document.iwa"])), Some(Foreign::Numbers));
        assert_eq!(foreign("a.xls", &zip(&["ppt/presentation.xml"])), Some(Foreign::Presentation));
        assert_eq!(foreign("a.xls", &zip(&["photo.jpg"])), Some(Foreign::Archive));
        let mut odt = vec![0u8; 30];
        odt[..4].copy_from_slice(b"PK\x03\x04");
        odt.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text");
        assert_eq!(foreign("a.ods", &odt), Some(Foreign::Document));
    }

    #[test]
    fn text_formats_by_their_first_characters() {
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("ที่\tชื่อ\r\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(detect("report.txt", &utf16), Ok(Format::Text));
        assert_eq!(detect("report.xls", &utf16), Ok(Format::Text));
        let xml = b"<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">";
        assert_eq!(detect("report.xls", xml), Ok(Format::SpreadsheetXml));
        assert_eq!(detect("report.xls", b"  <!DOCTYPE html><p>no table</p>"), Ok(Format::Html));
        assert_eq!(detect("report.xls", &[0x01, 0x02, 0x03, 0x04]), Err(FileError::NotASpreadsheet));
    }
}
