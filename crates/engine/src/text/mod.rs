//! Normalising what people type, for comparing it: Unicode NFC, Thai digits,
//! whitespace and zero-width characters, Latin case and Thai as people type it
//! ([`thai`]): SPEC §4.1's comparison key, which every comparison of names
//! uses; and the distance between two names. A low module: the
//! importers, district matching and the display use it.
//!
//! ```
//! use otop_engine::text::{compact, to_thai_digits};
//! assert_eq!(compact(" อ. เมือง\n"), "อ.เมือง");
//! assert_eq!(to_thai_digits("1,921"), "๑,๙๒๑");
//! ```

pub mod thai;

use unicode_normalization::UnicodeNormalization;

/// Arabic digits replaced by Thai digits (๐–๙); everything else kept.
pub fn to_thai_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32('๐' as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Thai digits replaced by Arabic digits; everything else kept.
///
/// ```
/// # use otop_engine::text::from_thai_digits;
/// assert_eq!(from_thai_digits("๐๙๑-๑๒๓"), "091-123");
/// ```
pub fn from_thai_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '๐'..='๙' => char::from_u32('0' as u32 + (c as u32 - '๐' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The comparison key of a name (SPEC §4.1): NFC, Thai digits to Arabic,
/// zero-width characters removed, whitespace collapsed and trimmed, Latin
/// letters lower-cased, and Thai spellings that render alike made one
/// ([`thai::canonical`]: sara am as ํ + า, แ as เเ, a mark typed twice, marks
/// in either order). Only for comparing: what the user sees is the text as typed.
///
/// ```
/// # use otop_engine::text::normalize;
/// assert_eq!(normalize("  ผ้า\u{200B}ไหม   ๑๒\nOTOP "), "ผ้าไหม 12 otop");
/// assert_eq!(normalize("วังน้\u{0E4D}\u{0E32}เย็น"), normalize("วังน้ำเย็น"));
/// assert_eq!(normalize("เเกง"), "แกง");
/// ```
pub fn normalize(s: &str) -> String {
    if is_normalized(s) {
        return s.to_string();
    }
    // Most cells are already NFC: skip composing them (the hot path of big files).
    let plain = if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        normalize_chars(s.chars(), s.len())
    } else {
        normalize_chars(s.nfc(), s.len())
    };
    match thai::canonical(&plain) {
        std::borrow::Cow::Borrowed(_) => plain,
        std::borrow::Cow::Owned(key) => key,
    }
}

/// Whether [`normalize`] would give `s` back as it is, checked without building
/// anything: only Thai letters and marks (in the key's order, see
/// [`thai::is_canonical`]) and ASCII other than capitals, single spaces inside.
/// `false` means "not sure" for anything else.
///
/// ```
/// # use otop_engine::text::is_normalized;
/// assert!(is_normalized("ผ้าไหม 12 otop"));
/// assert!(!is_normalized("ผ้าไหม ๑๒"));
/// assert!(!is_normalized(" OTOP"));
/// assert!(!is_normalized("ก\u{0E48}\u{0E38}")); // mai ek before sara u: NFC swaps them
/// assert!(!is_normalized("เเกง"));
/// ```
pub fn is_normalized(s: &str) -> bool {
    let mut after_space = true;
    for c in s.chars() {
        match c {
            ' ' if after_space => return false,
            ' ' => {}
            c if c.is_ascii() => {
                if c.is_ascii_uppercase() || c.is_whitespace() {
                    return false;
                }
            }
            '๐'..='๙' => return false,
            '\u{0E00}'..='\u{0E7F}' => {}
            _ => return false,
        }
        after_space = c == ' ';
    }
    (!after_space || s.is_empty()) && thai::is_canonical(s)
}

fn normalize_chars(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut pending_space = false;
    for c in chars {
        if matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}') {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            '๐'..='๙' => out.push(char::from(b'0' + (c as u32 - '๐' as u32) as u8)),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            // Thai letters have no case.
            '\u{0E00}'..='\u{0E7F}' => out.push(c),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// [`normalize`] with every space removed: for comparing header texts, where
/// people put spaces and line breaks anywhere.
pub fn compact(s: &str) -> String {
    normalize(s).chars().filter(|c| *c != ' ').collect()
}

/// Edit distance between two strings, by characters (for suggesting names):
/// strsim's Levenshtein distance.
pub fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance() {
        assert_eq!(edit_distance("คลองหาด", "คลองหาร"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn digits_round_trip() {
        assert_eq!(from_thai_digits(&to_thai_digits("0123456789")), "0123456789");
    }
}
