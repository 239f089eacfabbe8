//! Normalising what people type: Unicode NFC, Thai digits, whitespace and
//! zero-width characters, Latin case; and reading flags and money from cells.

use super::workbook::Value;
use crate::display::from_thai_digits;
use crate::money::{div_round_half_up, Satang};
use unicode_normalization::UnicodeNormalization;

/// NFC, Thai digits to Arabic, zero-width characters removed, whitespace collapsed
/// and trimmed, Latin letters lower-cased (SPEC §4.1's identity normalisation).
///
/// ```
/// # use otop_kpi::import::text::normalize;
/// assert_eq!(normalize("  ผ้า\u{200B}ไหม   ๑๒\nOTOP "), "ผ้าไหม 12 otop");
/// ```
pub fn normalize(s: &str) -> String {
    // Most cells are already NFC: skip composing them (the hot path of big files).
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        normalize_chars(s.chars(), s.len())
    } else {
        normalize_chars(s.nfc(), s.len())
    }
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

/// The shortest decimal text of a float (`0.1` → `"0.1"`, `3.0` → `"3"`).
pub fn number_text(f: f64) -> String {
    if f.is_finite() && f == f.trunc() && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// Reading of a readiness flag cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Yes,
    No,
    /// Something else: counted as no, with a warning.
    Unclear,
}

/// A readiness flag: "1" per the form, but also ๑, 1.0, ✓, √, /, ใช่, x; empty,
/// 0 and "-" are no.
///
/// ```
/// # use otop_kpi::import::{text::{flag, Flag}, workbook::Value};
/// assert_eq!(flag(&Value::Text("๑".into())), Flag::Yes);
/// assert_eq!(flag(&Value::Float(1.0)), Flag::Yes);
/// assert_eq!(flag(&Value::Text("-".into())), Flag::No);
/// assert_eq!(flag(&Value::Text("maybe".into())), Flag::Unclear);
/// ```
pub fn flag(v: &Value) -> Flag {
    match v {
        Value::Empty => Flag::No,
        Value::Int(1) | Value::Bool(true) => Flag::Yes,
        Value::Int(0) | Value::Bool(false) => Flag::No,
        Value::Float(f) if *f == 1.0 => Flag::Yes,
        Value::Float(f) if *f == 0.0 => Flag::No,
        Value::Text(s) if s.trim() == "1" => Flag::Yes,
        Value::Text(s) if s.trim().is_empty() || s.trim() == "-" || s.trim() == "0" => Flag::No,
        Value::Text(s) => match compact(s).as_str() {
            "" | "0" | "-" | "–" | "—" | "ไม่" | "ไม่ใช่" | "ไม่มี" | "no" | "n" => {
                Flag::No
            }
            "1" | "1.0" | "1.00" | "✓" | "✔" | "√" | "/" | "ใช่" | "มี" | "x" | "yes" | "y" | "true" | "☑" => {
                Flag::Yes
            }
            _ => Flag::Unclear,
        },
        _ => Flag::Unclear,
    }
}

/// Whether a channel cell holds a real value (not empty, "-", "ไม่มี", "n/a").
///
/// ```
/// # use otop_kpi::import::text::is_real_channel;
/// assert!(is_real_channel("facebook.com/page"));
/// assert!(!is_real_channel(" - "));
/// assert!(!is_real_channel("ไม่มี"));
/// assert!(!is_real_channel("N/A"));
/// ```
pub fn is_real_channel(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() || t == "-" {
        return false;
    }
    // Placeholders are short; a page name or a link is real.
    if t.len() > 40 {
        return true;
    }
    !matches!(
        compact(s).as_str(),
        "" | "-"
            | "--"
            | "–"
            | "—"
            | "ไม่มี"
            | "n/a"
            | "na"
            | "none"
            | "null"
            | "0"
            | "ไม่ระบุ"
            | "ไม่ได้ขาย"
            | "."
    )
}

/// Why a money cell could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    /// A formula error such as `#REF!`.
    Formula(String),
    /// Text that is not an amount.
    NotAmount(String),
}

/// An amount in baht from a cell: a number, or text with commas, spaces, "บาท",
/// Thai digits. Empty and "-" are `None`. Rounded half up to the satang.
///
/// ```
/// # use otop_kpi::import::{text::money, workbook::Value};
/// # use otop_kpi::money::Satang;
/// assert_eq!(money(&Value::Text("๑,๒๓๔.๕ บาท".into())), Ok(Some(Satang(123_450))));
/// assert_eq!(money(&Value::Float(0.1 + 0.2)), Ok(Some(Satang(30))));
/// assert_eq!(money(&Value::Text("-".into())), Ok(None));
/// ```
pub fn money(v: &Value) -> Result<Option<Satang>, MoneyError> {
    match v {
        Value::Empty => Ok(None),
        Value::Int(i) => Ok(Some(Satang::from_baht(*i))),
        Value::Float(f) => {
            parse_decimal(&number_text(*f)).map(Some).ok_or_else(|| MoneyError::NotAmount(number_text(*f)))
        }
        Value::Error(e) => Err(MoneyError::Formula(e.clone())),
        Value::Text(s) => {
            let t: String = from_thai_digits(s)
                .replace("บาท", "")
                .replace("฿", "")
                .chars()
                .filter(|c| !c.is_whitespace() && *c != ',')
                .collect();
            if t.is_empty() || t == "-" || t == "–" {
                return Ok(None);
            }
            if t.starts_with('#') {
                return Err(MoneyError::Formula(s.trim().to_string()));
            }
            parse_decimal(&t).map(Some).ok_or_else(|| MoneyError::NotAmount(s.trim().to_string()))
        }
        Value::Bool(_) | Value::Date(_) => Err(MoneyError::NotAmount(v.text())),
    }
}

/// A plain decimal number (optionally with a sign or an exponent, as a float's
/// shortest text may have) rounded half up to the satang, without floating point.
pub fn parse_decimal(t: &str) -> Option<Satang> {
    let (mantissa, exp) = match t.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().ok()?),
        None => (t, 0),
    };
    let (neg, m) = match mantissa.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (int, frac) = m.split_once('.').unwrap_or((m, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) || int.len() + frac.len() > 30 {
        return None;
    }
    let digits: i128 = format!("{int}{frac}").parse().ok()?;
    // value = digits × 10^(exp − frac.len()); satang = value × 100.
    let scale = exp + 2 - frac.len() as i32;
    let satang = if scale >= 0 {
        digits.checked_mul(10i128.checked_pow(scale as u32)?)?
    } else {
        let den = 10i128.checked_pow((-scale) as u32).unwrap_or(i128::MAX);
        div_round_half_up(digits, den)
    };
    let satang = i64::try_from(satang).ok()?;
    Some(Satang(if neg { -satang } else { satang }))
}

/// Edit distance between two strings, by characters (for suggesting names).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_exact() {
        assert_eq!(parse_decimal("1234.565"), Some(Satang(123_457)));
        assert_eq!(parse_decimal("1e3"), Some(Satang(100_000)));
        assert_eq!(parse_decimal("1.5e-2"), Some(Satang(2)));
        assert_eq!(parse_decimal("-12.3"), Some(Satang(-1230)));
        assert_eq!(parse_decimal("12a"), None);
        assert_eq!(parse_decimal("."), None);
        assert_eq!(money(&Value::Float(60_062_343.17)), Ok(Some(Satang(6_006_234_317))));
        assert_eq!(money(&Value::Text("#REF!".into())), Err(MoneyError::Formula("#REF!".into())));
        assert_eq!(money(&Value::Text("abc".into())), Err(MoneyError::NotAmount("abc".into())));
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("คลองหาด", "คลองหาร"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
