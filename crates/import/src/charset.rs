//! Text files' bytes to text, for the text readers (CSV, HTML, Excel 2003 XML):
//! a byte-order mark first (UTF-8, UTF-16 LE or BE), then UTF-8 when the bytes
//! are valid UTF-8, then the charset the file declares (an HTML `meta` tag, an
//! XML declaration), else Windows-874 (TIS-620), which Thai Windows writes.
//!
//! The four [`Charset`]s Thai files come in are decoded here, as the WHATWG
//! Encoding Standard decodes them (the tests hold them to `encoding_rs`). Any
//! other declared charset is decoded by `encoding_rs`, whose tables of every
//! charset (about 150 KB of wasm, gzipped) only the reader of every format
//! holds ([`elsewhere`](crate::formats::elsewhere)).

use otop_model::imported::error::FileError;

/// How far into a file a declared charset is looked for.
const DECLARATION_WINDOW: usize = 4096;

/// The charsets every build decodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    /// UTF-8.
    Utf8,
    /// UTF-16, little-endian (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// Windows-874, a superset of TIS-620: Thai Windows' own.
    Windows874,
}

impl Charset {
    /// The charset a byte-order mark at the start of `bytes` names, and the mark's length.
    ///
    /// ```
    /// # use otop_import::charset::Charset;
    /// assert_eq!(Charset::of_bom(b"\xFF\xFEa\x00"), Some((Charset::Utf16Le, 2)));
    /// assert_eq!(Charset::of_bom(b"abc"), None);
    /// ```
    pub fn of_bom(bytes: &[u8]) -> Option<(Charset, usize)> {
        match bytes {
            [0xEF, 0xBB, 0xBF, ..] => Some((Charset::Utf8, 3)),
            [0xFF, 0xFE, ..] => Some((Charset::Utf16Le, 2)),
            [0xFE, 0xFF, ..] => Some((Charset::Utf16Be, 2)),
            _ => None,
        }
    }

    /// The charset a (lower-case, trimmed) label names, by the Encoding
    /// Standard's labels, if it is one of these four.
    ///
    /// ```
    /// # use otop_import::charset::Charset;
    /// assert_eq!(Charset::of_label("tis-620"), Some(Charset::Windows874));
    /// assert_eq!(Charset::of_label("shift_jis"), None);
    /// ```
    pub fn of_label(label: &str) -> Option<Charset> {
        Some(match label {
            "unicode-1-1-utf-8" | "unicode11utf8" | "unicode20utf8" | "utf-8" | "utf8" | "x-unicode20utf8" => {
                Charset::Utf8
            }
            "csunicode" | "iso-10646-ucs-2" | "ucs-2" | "unicode" | "unicodefeff" | "utf-16" | "utf-16le" => {
                Charset::Utf16Le
            }
            "unicodefffe" | "utf-16be" => Charset::Utf16Be,
            "dos-874" | "iso-8859-11" | "iso8859-11" | "iso885911" | "tis-620" | "windows-874" => Charset::Windows874,
            _ => return None,
        })
    }

    /// `bytes` (no byte-order mark) as text; what cannot be decoded becomes U+FFFD.
    ///
    /// ```
    /// # use otop_import::charset::Charset;
    /// assert_eq!(Charset::Windows874.decode(&[0xCA, 0xC3, 0xD0, 0x80]), "สระ€");
    /// assert_eq!(Charset::Utf16Be.decode(&[0x0E, 0x01, 0x00]), "ก\u{FFFD}");
    /// ```
    pub fn decode(self, bytes: &[u8]) -> String {
        match self {
            Charset::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
            Charset::Utf16Le => utf16(bytes, u16::from_le_bytes),
            Charset::Utf16Be => utf16(bytes, u16::from_be_bytes),
            Charset::Windows874 => bytes.iter().map(|&b| windows_874(b)).collect(),
        }
    }
}

/// UTF-16 code units, read by `unit`, as text, as the Encoding Standard's
/// decoder reads them: an unpaired surrogate is U+FFFD, and so is the end cut
/// short (an odd last byte, a lead surrogate last, or both: one U+FFFD).
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let pairs = bytes.chunks_exact(2);
    let odd = !pairs.remainder().is_empty();
    let mut text = String::with_capacity(bytes.len());
    let mut lead: Option<u16> = None;
    for pair in pairs {
        let u = unit([pair.first().copied().unwrap_or(0), pair.get(1).copied().unwrap_or(0)]);
        if let Some(l) = lead.take() {
            if (0xDC00..=0xDFFF).contains(&u) {
                let code = 0x10000 + ((u32::from(l) - 0xD800) << 10) + (u32::from(u) - 0xDC00);
                text.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                continue;
            }
            text.push(char::REPLACEMENT_CHARACTER);
        }
        match u {
            0xD800..=0xDBFF => lead = Some(u),
            _ => text.push(char::from_u32(u32::from(u)).unwrap_or(char::REPLACEMENT_CHARACTER)),
        }
    }
    if lead.is_some() || odd {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// One Windows-874 byte as a character (the Encoding Standard's index).
fn windows_874(b: u8) -> char {
    let code = match b {
        0x00..=0x7F => u32::from(b),
        0x80 => 0x20AC,
        0x85 => 0x2026,
        0x91 => 0x2018,
        0x92 => 0x2019,
        0x93 => 0x201C,
        0x94 => 0x201D,
        0x95 => 0x2022,
        0x96 => 0x2013,
        0x97 => 0x2014,
        // The C1 controls, as themselves, and a no-break space.
        0x81..=0xA0 => u32::from(b),
        // ก … ฺ, then ฿ … ๛.
        0xA1..=0xDA => 0x0E01 + u32::from(b - 0xA1),
        0xDF..=0xFB => 0x0E3F + u32::from(b - 0xDF),
        _ => 0xFFFD,
    };
    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Decodes text bytes (see the module's order of evidence). A file that
/// declares a charset none of the four [`Charset`]s is read only by the
/// reader of every format ([`FileError::OtherReader`] from this one).
///
/// ```
/// # use otop_import::charset::decode;
/// assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap(), "abc");
/// assert_eq!(decode(&[0xCA, 0xC3, 0xD0]).unwrap(), "สระ"); // Windows-874
/// assert_eq!(decode(b"\xFF\xFEa\x00b\x00").unwrap(), "ab"); // UTF-16 LE, as Excel's "Unicode text"
/// assert_eq!(decode(b"<meta charset=\"tis-620\">\xCA").unwrap(), "<meta charset=\"tis-620\">ส");
/// ```
pub fn decode(bytes: &[u8]) -> Result<String, FileError> {
    if let Some((charset, bom)) = Charset::of_bom(bytes) {
        return Ok(charset.decode(bytes.get(bom..).unwrap_or_default()));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let charset = match labels(bytes).next() {
        None => Charset::Windows874,
        Some(label) => match Charset::of_label(&label) {
            // A declared UTF-16 without a BOM is only believed when the bytes look like it.
            Some(c @ (Charset::Utf16Le | Charset::Utf16Be)) if looks_utf16(bytes) => c,
            // Declared UTF-8 (the bytes are not): Thai Windows' own.
            Some(_) => Charset::Windows874,
            None => return crate::formats::elsewhere(|| Ok(any_charset(bytes))),
        },
    };
    Ok(charset.decode(bytes))
}

/// Whether a zero byte is near the start (UTF-16 text has them; 8-bit text does not).
fn looks_utf16(bytes: &[u8]) -> bool {
    bytes.iter().take(DECLARATION_WINDOW).any(|&b| b == 0)
}

/// `bytes` in the first declared charset any label of the Encoding Standard
/// names (a UTF-16 one only when the bytes look like it), else Windows-874:
/// what [`decode`] does when the first label is none of the four's.
fn any_charset(bytes: &[u8]) -> String {
    use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
    let declared = labels(bytes).find_map(|label| Encoding::for_label(label.as_bytes()));
    match declared.filter(|e| !(*e == UTF_16LE || *e == UTF_16BE) || looks_utf16(bytes)) {
        Some(e) if e != UTF_8 => e.decode_without_bom_handling(bytes).0.into_owned(),
        _ => Charset::Windows874.decode(bytes),
    }
}

/// The charset labels a file declares near its start (`charset=…` of HTML,
/// then `encoding="…"` of an XML declaration), lower case.
fn labels(bytes: &[u8]) -> impl Iterator<Item = String> {
    let head = String::from_utf8_lossy(bytes.get(..DECLARATION_WINDOW).unwrap_or(bytes)).to_ascii_lowercase();
    ["charset=", "encoding="].into_iter().filter_map(move |key| {
        let at = head.find(key)? + key.len();
        let value = head.get(at..)?.trim_start_matches(['"', '\'', ' ']);
        let end = value.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')))?;
        value.get(..end).map(str::to_string)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_874};
    use proptest::prelude::*;

    /// The Encoding Standard's decoder, as `encoding_rs` has it.
    fn standard(encoding: &'static Encoding, bytes: &[u8]) -> String {
        encoding.decode_without_bom_handling(bytes).0.into_owned()
    }

    #[test]
    fn windows_874_decodes_every_byte_as_the_standard_does() {
        for b in 0..=255u8 {
            assert_eq!(Charset::Windows874.decode(&[b]), standard(WINDOWS_874, &[b]), "byte {b:#04X}");
        }
    }

    #[test]
    fn the_labels_are_the_standards_for_the_four() {
        let labels: [(&str, &'static Encoding); 21] = [
            ("unicode-1-1-utf-8", UTF_8),
            ("unicode11utf8", UTF_8),
            ("unicode20utf8", UTF_8),
            ("utf-8", UTF_8),
            ("utf8", UTF_8),
            ("x-unicode20utf8", UTF_8),
            ("csunicode", UTF_16LE),
            ("iso-10646-ucs-2", UTF_16LE),
            ("ucs-2", UTF_16LE),
            ("unicode", UTF_16LE),
            ("unicodefeff", UTF_16LE),
            ("utf-16", UTF_16LE),
            ("utf-16le", UTF_16LE),
            ("unicodefffe", UTF_16BE),
            ("utf-16be", UTF_16BE),
            ("dos-874", WINDOWS_874),
            ("iso-8859-11", WINDOWS_874),
            ("iso8859-11", WINDOWS_874),
            ("iso885911", WINDOWS_874),
            ("tis-620", WINDOWS_874),
            ("windows-874", WINDOWS_874),
        ];
        let of = |e: &'static Encoding| match e.name() {
            "UTF-8" => Charset::Utf8,
            "UTF-16LE" => Charset::Utf16Le,
            "UTF-16BE" => Charset::Utf16Be,
            _ => Charset::Windows874,
        };
        for (label, encoding) in labels {
            assert_eq!(Encoding::for_label(label.as_bytes()), Some(encoding), "{label}");
            assert_eq!(Charset::of_label(label), Some(of(encoding)), "{label}");
        }
        for other in ["windows-1252", "shift_jis", "big5", "iso-8859-1", "x-user-defined", "", "nonsense"] {
            assert_eq!(Charset::of_label(other), None, "{other}");
        }
    }

    /// The readers of every format decode every text file as before the
    /// four charsets had their own decoder: `encoding_rs` for all of it.
    fn before(bytes: &[u8]) -> String {
        if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
            return standard(encoding, bytes.get(bom..).unwrap_or_default());
        }
        if let Ok(text) = std::str::from_utf8(bytes) {
            return text.to_string();
        }
        let declared = labels(bytes).find_map(|label| Encoding::for_label(label.as_bytes()));
        let declared = declared.filter(|e| !(*e == UTF_16LE || *e == UTF_16BE) || looks_utf16(bytes));
        standard(declared.filter(|e| *e != UTF_8).unwrap_or(WINDOWS_874), bytes)
    }

    /// What [`decode`] gives: as [`before`], but without `all-formats`
    /// (the page's first reading worker) a file that needs `encoding_rs` —
    /// 8-bit text whose first declared label is none of the four's — is
    /// the reader of every format's.
    fn expected(bytes: &[u8]) -> Result<String, FileError> {
        let eight_bit = Encoding::for_bom(bytes).is_none() && std::str::from_utf8(bytes).is_err();
        let other = eight_bit && labels(bytes).next().is_some_and(|l| Charset::of_label(&l).is_none());
        match other && !cfg!(feature = "all-formats") {
            true => Err(FileError::OtherReader),
            false => Ok(before(bytes)),
        }
    }

    #[test]
    fn declared_charsets_are_read_as_before() {
        let cases: [&[u8]; 8] = [
            b"<meta charset=\"windows-1252\">\xE9\xFF",
            b"<meta charset=\"shift_jis\">\x82\xA0",
            b"<meta charset=\"nonsense\">\xCA\xC3",
            b"<meta charset=\"\"><?xml encoding=\"tis-620\"?>\xCA",
            b"<meta charset=\"utf-16\">\xCA\xC3",
            b"<meta charset=\"utf-16le\">\x00\xCA\x0E",
            b"<?xml version=\"1.0\" encoding=\"utf-8\"?>\xCA\xC3\xD0",
            b"\xFE\xFF\x0E\x01\xD8\x00",
        ];
        for bytes in cases {
            assert_eq!(decode(bytes), expected(bytes), "{bytes:?}");
        }
    }

    proptest! {
        #[test]
        fn the_four_decode_as_the_standard(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            prop_assert_eq!(Charset::Utf8.decode(&bytes), standard(UTF_8, &bytes));
            prop_assert_eq!(Charset::Utf16Le.decode(&bytes), standard(UTF_16LE, &bytes));
            prop_assert_eq!(Charset::Utf16Be.decode(&bytes), standard(UTF_16BE, &bytes));
            prop_assert_eq!(Charset::Windows874.decode(&bytes), standard(WINDOWS_874, &bytes));
        }

        #[test]
        fn text_files_decode_as_before(
            head in prop_oneof![
                Just(&b""[..]),
                Just(&b"\xEF\xBB\xBF"[..]),
                Just(&b"\xFF\xFE"[..]),
                Just(&b"\xFE\xFF"[..]),
                Just(&b"<meta charset=utf-16>"[..]),
                Just(&b"<meta charset=\"tis-620\">"[..]),
                Just(&b"<?xml version=\"1.0\" encoding=\"windows-1252\"?>"[..]),
            ],
            body in proptest::collection::vec(any::<u8>(), 0..48),
        ) {
            let bytes = [head, body.as_slice()].concat();
            prop_assert_eq!(decode(&bytes), expected(&bytes));
        }
    }
}
