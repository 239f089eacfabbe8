//! Normalising what people type, for comparing it: Unicode NFC, Thai digits,
//! whitespace and zero-width characters, Latin case and Thai as people type it
//! ([`thai`]): SPEC §4.1's comparison key, which every comparison of names
//! uses; and the distance between two names. A low module: the
//! importers, district matching and the display use it.
//!
//! ```
//! use otop_model::text::{compact, to_thai_digits};
//! assert_eq!(compact(" อ. เมือง\n"), "อ.เมือง");
//! assert_eq!(to_thai_digits("1,921"), "๑,๙๒๑");
//! ```

pub mod thai;

use std::sync::OnceLock;

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
/// # use otop_model::text::from_thai_digits;
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
/// # use otop_model::text::normalize;
/// assert_eq!(normalize("  ผ้า\u{200B}ไหม   ๑๒\nOTOP "), "ผ้าไหม 12 otop");
/// assert_eq!(normalize("วังน้\u{0E4D}\u{0E32}เย็น"), normalize("วังน้ำเย็น"));
/// assert_eq!(normalize("เเกง"), "แกง");
/// ```
#[inline]
pub fn normalize(s: &str) -> String {
    if is_normalized(s) {
        return s.to_string();
    }
    // Thai and ASCII (the hot path of big files) need no composing: see [`nfc_inert`].
    let plain = if s.chars().all(nfc_inert) {
        normalize_chars(s.chars(), s.len())
    } else {
        normalize_chars(nfc(s).chars(), s.len())
    };
    match thai::canonical(&plain) {
        std::borrow::Cow::Borrowed(_) => plain,
        std::borrow::Cow::Owned(key) => key,
    }
}

/// Whether text made only of characters like `c` needs no NFC for its
/// comparison key: ASCII, Latin-1, the Thai block, the zero-width characters
/// [`normalize`] drops and common punctuation (dashes, quotes, bullets). Each
/// is already in NFC on its own and has combining class 0, except the Thai
/// marks below and above a consonant (U+0E38–U+0E3A, U+0E48–U+0E4B), which NFC
/// may swap; [`thai::canonical`] puts every run of those marks in one order
/// anyway. So for such text the key is the same with or without NFC (a test
/// checks every one of these characters against the Unicode tables).
#[inline]
pub fn nfc_inert(c: char) -> bool {
    matches!(
        c,
        '\0'..='\u{00FF}'
            | '\u{0E00}'..='\u{0E7F}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
            | '\u{2060}'
            | '\u{FEFF}'
    )
}

/// Where NFC of text other than Thai and ASCII comes from, when set: the page
/// sets the browser's `String.prototype.normalize`, so that its wasm need not
/// carry the Unicode tables (60 KB gzipped), nor does the worker's. Set once, before any text is compared.
static COMPOSER: OnceLock<fn(&str) -> String> = OnceLock::new();

/// Makes `compose` the NFC of text other than Thai and ASCII ([`COMPOSER`]);
/// `false` if one was set before (the first stays).
///
/// ```
/// // Where the engine is built without its Unicode tables (the page), the
/// // host gives its own NFC, e.g. the browser's:
/// fn host_nfc(s: &str) -> String { s.to_string() }
/// let _ = otop_model::text::compose_with(host_nfc);
/// ```
pub fn compose_with(compose: fn(&str) -> String) -> bool {
    COMPOSER.set(compose).is_ok()
}

/// `s` in Unicode NFC: by the composer set with [`compose_with`], else by the
/// engine's tables (feature `unicode-tables`, on by default). Built without
/// the tables and with no composer set, `s` is given back as it is.
fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    if let Some(compose) = COMPOSER.get() {
        return std::borrow::Cow::Owned(compose(s));
    }
    #[cfg(feature = "unicode-tables")]
    {
        use unicode_normalization::UnicodeNormalization;
        // Most cells are already NFC: skip composing them.
        if unicode_normalization::is_nfc_quick(s.chars()) != unicode_normalization::IsNormalized::Yes {
            return std::borrow::Cow::Owned(s.nfc().collect());
        }
    }
    std::borrow::Cow::Borrowed(s)
}

/// Whether [`normalize`] would give `s` back as it is, checked without building
/// anything: only Thai letters and marks (in the key's order, see
/// [`thai::is_canonical`]) and ASCII other than capitals, single spaces inside.
/// `false` means "not sure" for anything else.
///
/// ```
/// # use otop_model::text::is_normalized;
/// assert!(is_normalized("ผ้าไหม 12 otop"));
/// assert!(!is_normalized("ผ้าไหม ๑๒"));
/// assert!(!is_normalized(" OTOP"));
/// assert!(!is_normalized("ก\u{0E48}\u{0E38}")); // mai ek before sara u: NFC swaps them
/// assert!(!is_normalized("เเกง"));
/// ```
#[inline]
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

#[inline]
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
#[inline]
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

    /// The key of text that [`nfc_inert`] passes is the same as if it were
    /// put in NFC first, by the Unicode tables.
    #[cfg(feature = "unicode-tables")]
    mod inert {
        use super::super::*;
        use proptest::prelude::*;
        use unicode_normalization::UnicodeNormalization;

        fn key_after_nfc(s: &str) -> String {
            let nfc: String = s.nfc().collect();
            thai::canonical(&normalize_chars(nfc.chars(), nfc.len())).into_owned()
        }

        #[test]
        fn every_inert_character_is_nfc_with_class_0_but_thai_marks() {
            use unicode_normalization::{char::canonical_combining_class, is_nfc_quick, IsNormalized};
            let inert = (0..=0x10FFFF_u32).filter_map(char::from_u32).filter(|c| nfc_inert(*c));
            for c in inert {
                // Quick check "yes": unchanged by NFC, and nothing before it composes with it.
                assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{:04X}", c as u32);
                let moves = matches!(c, '\u{0E38}'..='\u{0E3A}' | '\u{0E48}'..='\u{0E4B}');
                assert_eq!(canonical_combining_class(c) != 0, moves, "{:04X}", c as u32);
            }
        }

        proptest! {
            #[test]
            fn inert_text_needs_no_nfc(
                s in "[\u{0E00}-\u{0E7F}a-zA-Z0-9 \t\u{00A0}-\u{00FF}\u{200B}\u{2013}\u{201C}\u{FEFF}]{0,24}"
            ) {
                prop_assert_eq!(normalize(&s), key_after_nfc(&s));
            }
        }

        #[test]
        fn thai_marks_nfc_swaps() {
            // ccc 107 before ccc 103: NFC swaps them; the key is the same without.
            for s in ["ก\u{0E48}\u{0E38}", "ก\u{0E38}\u{0E3A}", "น\u{0E49}\u{0E4D}\u{0E32}\u{0E38}"] {
                assert_eq!(normalize(s), key_after_nfc(s), "{s:?}");
            }
        }
    }

    #[cfg(feature = "unicode-tables")]
    #[test]
    fn other_scripts_are_composed() {
        assert_eq!(normalize("Cafe\u{0301}"), "café");
        assert_eq!(normalize("CAFÉ"), "café");
    }

    #[test]
    fn digits_round_trip() {
        assert_eq!(to_thai_digits("เลขที่ 0123456789"), "เลขที่ ๐๑๒๓๔๕๖๗๘๙");
        assert_eq!(from_thai_digits("โทร ๐๘๑-๒๓๔-๕๖๗๙"), "โทร 081-234-5679");
        assert_eq!(from_thai_digits(&to_thai_digits("0123456789")), "0123456789");
    }
}
