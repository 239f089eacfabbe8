//! Thai as people type it, made comparable: the spellings that render alike
//! but differ in their characters (libthai's `th_normalize` is the reference).
//!
//! A Thai syllable is written as a consonant followed by marks above and below
//! it. Keyboards, Word and web forms let people enter the same picture in
//! several ways; the comparison key joins these, and only these:
//!
//! - **sara am** (ำ, U+0E33) typed as nikhahit + sara aa (ํ U+0E4D, า U+0E32),
//!   also with a tone mark typed before or between them, and a tone mark typed
//!   after sara am (it belongs to the consonant);
//! - **sara ae** (แ, U+0E41) typed as two sara e (เเ);
//! - **a mark typed twice** (น้้ำ) counted once;
//! - **marks above and below a consonant in one order**: below vowel, above
//!   vowel, tone mark, thanthakhat (ปู่ typed ปู่ is ปู่).
//!
//! It never joins different letters (ข ≠ ค) and never drops a mark that was
//! typed once: a missing mark is a different name. It runs in time linear in
//! the text, whatever it holds.
//!
//! ```
//! use otop_model::text::thai::canonical;
//! assert_eq!(canonical("วังน\u{0E49}\u{0E4D}\u{0E32}เย็น"), "วังน้ำเย็น");
//! assert_eq!(canonical("เเม่"), "แม่");
//! assert_eq!(canonical("ข้าว"), "ข้าว");
//! assert_ne!(canonical("ขาว"), canonical("ข้าว"));
//! ```

use std::borrow::Cow;

const NIKHAHIT: char = '\u{0E4D}';
const SARA_AA: char = '\u{0E32}';
const SARA_AM: char = '\u{0E33}';
const SARA_E: char = '\u{0E40}';
const SARA_AE: char = '\u{0E41}';

/// The marks written above or below a consonant, in the key's order: below
/// vowels, above vowels (and maitaikhu), nikhahit, tone marks, thanthakhat,
/// yamakkan. A mark's place in this list is its rank.
const MARKS: [char; 16] = [
    '\u{0E38}', '\u{0E39}', '\u{0E3A}', // ุ ู ฺ
    '\u{0E31}', '\u{0E34}', '\u{0E35}', '\u{0E36}', '\u{0E37}', '\u{0E47}', // ั ิ ี ึ ื ็
    NIKHAHIT,   // ํ
    '\u{0E48}', '\u{0E49}', '\u{0E4A}', '\u{0E4B}', // ่ ้ ๊ ๋
    '\u{0E4C}', '\u{0E4E}', // ์ ๎
];

const NIKHAHIT_BIT: u16 = 1 << 9;

/// The rank of a mark above or below a consonant, `None` for anything else.
#[inline]
fn rank(c: char) -> Option<u16> {
    match c {
        '\u{0E38}'..='\u{0E3A}' => Some(c as u16 - 0x0E38),
        '\u{0E31}' => Some(3),
        '\u{0E34}'..='\u{0E37}' => Some(c as u16 - 0x0E34 + 4),
        '\u{0E47}' => Some(8),
        NIKHAHIT => Some(9),
        '\u{0E48}'..='\u{0E4B}' => Some(c as u16 - 0x0E48 + 10),
        '\u{0E4C}' => Some(14),
        '\u{0E4E}' => Some(15),
        _ => None,
    }
}

/// Whether [`canonical`] gives `s` back as it is. Conservative: any nikhahit
/// says no (it may be half of a sara am).
///
/// ```
/// # use otop_model::text::thai::is_canonical;
/// assert!(is_canonical("วังน้ำเย็น"));
/// assert!(!is_canonical("เเม่"));
/// assert!(!is_canonical("ป\u{0E48}\u{0E39}")); // the tone typed before the vowel below
/// ```
#[inline]
pub fn is_canonical(s: &str) -> bool {
    let mut prev = '\0';
    let mut last_rank: Option<u16> = None;
    for c in s.chars() {
        match rank(c) {
            Some(r) => {
                if c == NIKHAHIT || prev == SARA_AM || last_rank.is_some_and(|l| r <= l) {
                    return false;
                }
                last_rank = Some(r);
            }
            None => {
                if c == SARA_E && prev == SARA_E {
                    return false;
                }
                last_rank = None;
            }
        }
        prev = c;
    }
    true
}

/// The Thai comparison key of `s`: the spellings that render alike made the
/// same (see the module's rules); everything else kept as it is.
///
/// ```
/// # use otop_model::text::thai::canonical;
/// // sara am as nikhahit + sara aa, the tone before, between or after
/// for typed in ["น\u{0E49}\u{0E4D}\u{0E32}", "น\u{0E4D}\u{0E49}\u{0E32}", "น\u{0E33}\u{0E49}"] {
///     assert_eq!(canonical(typed), "น้ำ");
/// }
/// assert_eq!(canonical("ก\u{0E34}\u{0E34}น"), "กิน"); // sara i typed twice
/// ```
#[inline]
pub fn canonical(s: &str) -> Cow<'_, str> {
    if is_canonical(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        // One cluster: a base (or none, for marks at the start) and its marks.
        let mut marks: u16 = 0;
        let base = match rank(c) {
            Some(r) => {
                marks |= 1 << r;
                None
            }
            None if c == SARA_E && chars.peek() == Some(&SARA_E) => {
                chars.next();
                Some(SARA_AE)
            }
            None => Some(c),
        };
        let take_marks = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>, marks: &mut u16| {
            while let Some(r) = chars.peek().copied().and_then(rank) {
                *marks |= 1 << r;
                chars.next();
            }
        };
        take_marks(&mut chars, &mut marks);
        let am = match chars.peek() {
            Some(&SARA_AM) => true,
            Some(&SARA_AA) => marks & NIKHAHIT_BIT != 0,
            _ => false,
        };
        if am {
            chars.next();
            // A tone typed after sara am belongs to the consonant.
            take_marks(&mut chars, &mut marks);
            marks &= !NIKHAHIT_BIT;
        }
        out.extend(base);
        out.extend(MARKS.iter().enumerate().filter(|(r, _)| marks & (1 << r) != 0).map(|(_, m)| *m));
        if am {
            out.push(SARA_AM);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cases of libthai's `th_normalize` tests that concern spelling (its
    /// reordering and repeated-mark cases), and the variants the issue found.
    #[test]
    fn spellings_that_render_alike_are_one_key() {
        let same = [
            // sara am: nikhahit + sara aa, with the tone before, between, after
            ("วังน้ําเย็น", "วังน้ำเย็น"),
            ("วังนํ้าเย็น", "วังน้ำเย็น"),
            ("วังนำ้เย็น", "วังน้ำเย็น"),
            ("ทํา", "ทำ"),
            ("คํ่า", "ค่ำ"),
            // sara ae as two sara e
            ("เเกงส้ม", "แกงส้ม"),
            ("ผ้าเเพร", "ผ้าแพร"),
            // a mark twice
            ("น้้ำ", "น้ำ"),
            ("ปู่่", "ปู่"),
            ("ส้มตํา", "ส้มตำ"),
            // marks in either order: tone before the vowel above or below
            ("ปู่", "ปู่"),
            ("ก่ิ่ง", "กิ่ง"),
            ("ชั่ว", "ชั่ว"),
            ("ช่ัว", "ชั่ว"),
            ("ท่ีดิน", "ที่ดิน"),
        ];
        for (typed, key) in same {
            assert_eq!(canonical(typed), key, "{typed}");
            assert_eq!(canonical(key), key, "{key} is its own key");
        }
    }

    #[test]
    fn different_letters_and_missing_marks_stay_different() {
        let different =
            [("ข้าว", "ค้าว"), ("ขาว", "ข้าว"), ("นา", "นํา"), ("เกง", "แกง"), ("กิน", "กีน"), ("ปู", "ปู่"), ("ป่า", "ป้า")];
        for (a, b) in different {
            assert_ne!(canonical(a), canonical(b), "{a} / {b}");
        }
    }

    #[test]
    fn text_already_canonical_is_borrowed() {
        for s in ["", "abc", "วังน้ำเย็น", "เมืองสระแก้ว", "ผ้าไหม 12 otop"]
        {
            assert!(matches!(canonical(s), Cow::Borrowed(_)), "{s}");
        }
    }

    proptest::proptest! {
        /// Any text at all: a key is its own key, text said canonical is kept,
        /// and nothing panics (lone marks, other scripts, mixed Thai and Latin).
        #[test]
        fn the_key_is_stable(s in "[\u{0E00}-\u{0E7F}a-z \u{0300}\u{00E9}\u{1F600}]{0,24}|\\PC{0,24}") {
            let key = canonical(&s).into_owned();
            proptest::prop_assert_eq!(canonical(&key), key.as_str());
            if is_canonical(&s) {
                proptest::prop_assert_eq!(key.as_str(), s.as_str());
            }
        }

        /// The full normalisation is stable too, and agrees with its fast check.
        #[test]
        fn normalize_is_stable(s in "[\u{0E00}-\u{0E7F} a-zA-Z0-9\t\u{00E9}\u{200B}]{0,16}") {
            let key = crate::text::normalize(&s);
            proptest::prop_assert_eq!(crate::text::normalize(&key), key.clone());
            proptest::prop_assert!(!crate::text::is_normalized(&s) || key == s);
        }
    }

    #[test]
    fn lone_marks_and_long_runs() {
        assert_eq!(canonical("\u{0E49}\u{0E38}"), "\u{0E38}\u{0E49}");
        let marks = "\u{0E49}".repeat(32_000);
        assert_eq!(canonical(&marks), "\u{0E49}");
        assert_eq!(canonical("ํ"), "ํ");
        assert_eq!(canonical("าํ"), "าํ");
    }
}
