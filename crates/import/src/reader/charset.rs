//! Text files' bytes to text, for the text readers (CSV, HTML, Excel 2003 XML):
//! a byte-order mark first (UTF-8, UTF-16 LE or BE), then UTF-8 when the bytes
//! are valid UTF-8, then the charset the file declares (an HTML `meta` tag, an
//! XML declaration), else Windows-874 (TIS-620), which Thai Windows writes.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_874};

/// How far into a file a declared charset is looked for.
const DECLARATION_WINDOW: usize = 4096;

/// Decodes text bytes (see the module's order of evidence).
///
/// ```
/// # use otop_import::reader::charset::decode;
/// assert_eq!(decode(b"\xEF\xBB\xBFabc"), "abc");
/// assert_eq!(decode(&[0xCA, 0xC3, 0xD0]), "สระ"); // Windows-874
/// assert_eq!(decode(b"\xFF\xFEa\x00b\x00"), "ab"); // UTF-16 LE, as Excel's "Unicode text"
/// assert_eq!(decode(b"<meta charset=\"tis-620\">\xCA"), "<meta charset=\"tis-620\">ส");
/// ```
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default()).0.into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let declared = declared(bytes).filter(|e| {
        // A declared UTF-16 without a BOM is only believed when the bytes look like it.
        !(*e == UTF_16LE || *e == UTF_16BE) || bytes.iter().take(DECLARATION_WINDOW).any(|&b| b == 0)
    });
    let encoding = match declared {
        Some(e) if e != UTF_8 => e,
        _ => WINDOWS_874,
    };
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The charset a file declares near its start: `charset=…` (HTML) or
/// `encoding="…"` (an XML declaration).
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(bytes.get(..DECLARATION_WINDOW).unwrap_or(bytes)).to_ascii_lowercase();
    ["charset=", "encoding="].iter().find_map(|key| {
        let at = head.find(key)? + key.len();
        let value = head.get(at..)?.trim_start_matches(['"', '\'', ' ']);
        let end = value.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')))?;
        Encoding::for_label(value.get(..end)?.as_bytes())
    })
}
