//! Reading what people type into a report's cells: readiness flags, channel
//! placeholders and amounts of money (see [`crate::text`] for normalisation).

use super::cell::{number_text, Value};
use crate::money::{parse_decimal, Satang};
use crate::text::{compact, from_thai_digits, is_normalized};

/// Reading of a readiness flag cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// Yes (✓, 1, มี, ใช่, …).
    Yes,
    /// No (0, ไม่มี, ไม่, …).
    No,
    /// Something else: counted as no, with a warning.
    Unclear,
}

/// A readiness flag: "1" per the form, but also ๑, 1.0, ✓, √, /, ใช่, x; empty,
/// 0 and "-" are no.
///
/// ```
/// # use otop_model::imported::{text::{flag, Flag}, cell::Value};
/// assert_eq!(flag(&Value::Text("๑".into())), Flag::Yes);
/// assert_eq!(flag(&Value::Float(1.0)), Flag::Yes);
/// assert_eq!(flag(&Value::Text("-".into())), Flag::No);
/// assert_eq!(flag(&Value::Text("maybe".into())), Flag::Unclear);
/// ```
#[inline]
pub fn flag(v: &Value) -> Flag {
    match v {
        Value::Empty => Flag::No,
        Value::Int(1) | Value::Bool(true) => Flag::Yes,
        Value::Int(0) | Value::Bool(false) => Flag::No,
        Value::Float(f) if *f == 1.0 => Flag::Yes,
        Value::Float(f) if *f == 0.0 => Flag::No,
        Value::Text(s) => flag_text(s),
        _ => Flag::Unclear,
    }
}

/// [`flag`] of a text cell.
#[inline]
fn flag_text(s: &str) -> Flag {
    let t = s.trim();
    if t == "1" {
        return Flag::Yes;
    }
    if t.is_empty() || t == "-" || t == "0" {
        return Flag::No;
    }
    // A text already normal and without spaces is its own compact form (no copy:
    // this runs on every channel cell of a big file).
    let compacted;
    let word = if is_normalized(t) && !t.contains(' ') {
        t
    } else {
        compacted = compact(t);
        compacted.as_str()
    };
    match word {
        "" | "0" | "-" | "–" | "—" | "ไม่" | "ไม่ใช่" | "ไม่มี" | "no" | "n" => {
            Flag::No
        }
        "1" | "1.0" | "1.00" | "✓" | "✔" | "√" | "/" | "ใช่" | "มี" | "x" | "yes" | "y" | "true" | "☑" => {
            Flag::Yes
        }
        _ => Flag::Unclear,
    }
}

/// Whether a channel cell holds only a mark (✓, 1, มี, ใช่ …) where the letter
/// asks for a page name, a link or an ID.
///
/// ```
/// # use otop_model::imported::text::is_mark;
/// assert!(is_mark("✓") && is_mark("๑") && is_mark(" มี "));
/// assert!(!is_mark("@shop1") && !is_mark("facebook.com/x"));
/// ```
pub fn is_mark(s: &str) -> bool {
    flag_text(s) == Flag::Yes
}

/// Whether a product's `channels` sell online by marks alone: a cell holds
/// something, and every one that does holds only a mark ([`is_mark`]).
///
/// ```
/// # use otop_model::imported::text::marks_only;
/// let p = |a: &str, b: &str| marks_only(&[a.into(), b.into(), "".into()]);
/// assert!(p("✓", "") && p("1", "มี"));
/// assert!(!p("✓", "fb.com/x") && !p("", "") && !p("@shop", ""));
/// ```
pub fn marks_only(channels: &[super::cell::Text]) -> bool {
    let mut any = false;
    for c in channels.iter().filter(|c| !c.is_empty()) {
        if !is_mark(c) {
            return false;
        }
        any = true;
    }
    any
}

/// Whether a channel cell holds a real value (not empty, "-", "ไม่มี", "n/a").
///
/// ```
/// # use otop_model::imported::text::is_real_channel;
/// assert!(is_real_channel("facebook.com/page"));
/// assert!(!is_real_channel(" - "));
/// assert!(!is_real_channel("ไม่มี"));
/// assert!(!is_real_channel("N/A"));
/// ```
#[inline]
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
/// # use otop_model::imported::{text::money, cell::Value};
/// # use otop_model::money::Satang;
/// assert_eq!(money(&Value::Text("๑,๒๓๔.๕ บาท".into())), Ok(Some(Satang(123_450))));
/// assert_eq!(money(&Value::Float(0.1 + 0.2)), Ok(Some(Satang(30))));
/// assert_eq!(money(&Value::Text("-".into())), Ok(None));
/// ```
#[inline]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Satang;

    #[test]
    fn money_cells_are_exact() {
        assert_eq!(money(&Value::Float(60_062_343.17)), Ok(Some(Satang(6_006_234_317))));
        assert_eq!(money(&Value::Text("#REF!".into())), Err(MoneyError::Formula("#REF!".into())));
        assert_eq!(money(&Value::Text("abc".into())), Err(MoneyError::NotAmount("abc".into())));
    }
}
