//! Exact money and percentages.
//!
//! Baht amounts are held as whole **satang** (1 baht = 100 satang) in an `i64`
//! ([`Satang`]); percentages are held as **basis points** (1 % = 100 bp) in an
//! `i64` ([`BasisPoints`]). Every product of two figures is taken in `i128`, so
//! nothing overflows and nothing is ever rounded by binary floating point.
//!
//! ```
//! use otop_model::money::{Satang, BasisPoints};
//! let base = Satang::from_baht(56_133_031);
//! // 7 % growth target, rounded half up to a whole baht, as in the letter:
//! assert_eq!(base.grow_by(BasisPoints(700)).round_to_baht().baht(), 60_062_343);
//! ```

use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of money in satang (hundredths of a baht).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Satang(pub i64);

/// A percentage in basis points: `BasisPoints(898)` is 8.98 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BasisPoints(pub i64);

/// `num / den` rounded half away from zero (half up for non-negative values).
///
/// `den` must be positive; a zero denominator yields 0 rather than panicking.
///
/// ```
/// use otop_model::money::div_round_half_up;
/// assert_eq!(div_round_half_up(5, 2), 3);
/// assert_eq!(div_round_half_up(-5, 2), -3);
/// assert_eq!(div_round_half_up(7, 3), 2);
/// ```
pub fn div_round_half_up(num: i128, den: i128) -> i128 {
    if den <= 0 {
        return 0;
    }
    let q = num / den;
    let r = num % den;
    if r.abs() * 2 >= den {
        q + num.signum()
    } else {
        q
    }
}

/// `num / den` rounded up (towards +∞); `den` must be positive, else 0.
///
/// ```
/// use otop_model::money::div_ceil;
/// assert_eq!(div_ceil(7, 2), 4);
/// assert_eq!(div_ceil(-7, 2), -3);
/// ```
pub fn div_ceil(num: i128, den: i128) -> i128 {
    if den <= 0 {
        return 0;
    }
    let q = num / den;
    if num % den > 0 {
        q + 1
    } else {
        q
    }
}

fn clamp_i64(v: i128) -> i64 {
    v.clamp(i64::MIN as i128, i64::MAX as i128) as i64
}

impl Satang {
    /// A whole number of baht.
    ///
    /// ```
    /// # use otop_model::money::Satang;
    /// assert_eq!(Satang::from_baht(3).0, 300);
    /// ```
    pub fn from_baht(baht: i64) -> Satang {
        Satang(baht.saturating_mul(100))
    }

    /// Whole baht, truncated towards zero (use [`Satang::round_to_baht`] first to round).
    pub fn baht(self) -> i64 {
        self.0 / 100
    }

    /// Rounded half up to a whole baht.
    ///
    /// ```
    /// # use otop_model::money::Satang;
    /// assert_eq!(Satang(150).round_to_baht(), Satang(200));
    /// assert_eq!(Satang(149).round_to_baht(), Satang(100));
    /// ```
    pub fn round_to_baht(self) -> Satang {
        Satang(clamp_i64(div_round_half_up(self.0 as i128, 100) * 100))
    }

    /// This amount times `(100 % + p)`, exact to the satang (rounded half up).
    pub fn grow_by(self, p: BasisPoints) -> Satang {
        Satang(clamp_i64(div_round_half_up(self.0 as i128 * (10_000 + p.0 as i128), 10_000)))
    }

    /// Saturating sum.
    pub fn plus(self, other: Satang) -> Satang {
        Satang(self.0.saturating_add(other.0))
    }

    /// True when this amount is a whole number of baht.
    pub fn is_whole_baht(self) -> bool {
        self.0 % 100 == 0
    }
}

impl fmt::Display for Satang {
    /// Plain decimal baht without separators: `1234.5` → `"1234.50"`, whole baht → `"1234"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = (self.0 as i128).abs();
        if abs % 100 == 0 {
            write!(f, "{sign}{}", abs / 100)
        } else {
            write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
        }
    }
}

impl BasisPoints {
    /// `part / whole` as a percentage, rounded half away from zero to a basis point
    /// (for display only: scores compare the exact fractions).
    ///
    /// ```
    /// # use otop_model::money::BasisPoints;
    /// assert_eq!(BasisPoints::ratio(37, 412), BasisPoints(898));
    /// ```
    pub fn ratio(part: i128, whole: i128) -> BasisPoints {
        BasisPoints(clamp_i64(div_round_half_up(part * 10_000, whole)))
    }

    /// A whole percentage: `BasisPoints::percent(8)` is 8 %.
    pub fn percent(p: i64) -> BasisPoints {
        BasisPoints(p.saturating_mul(100))
    }
}

impl fmt::Display for BasisPoints {
    /// Two decimals, no `%` sign: `BasisPoints(898)` → `"8.98"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = (self.0 as i128).abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

/// Parses a plain decimal number (optionally with a sign or an exponent, as a float's
/// shortest text may have) rounded half up to the satang, without floating point.
#[inline]
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

/// Parses a plain decimal with at most two decimals (`-12`, `1234.5`,
/// `1234.50`) into satang exactly; anything else is `None`.
///
/// ```
/// # use otop_model::money::{parse_baht, Satang};
/// assert_eq!(parse_baht("1234.5"), Some(Satang(123_450)));
/// assert_eq!(parse_baht("1.234"), None);
/// ```
pub fn parse_baht(text: &str) -> Option<Satang> {
    let t = text.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, f),
        None => (t, ""),
    };
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 2
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = int.parse().ok()?;
    let mut cents: i64 = if frac.is_empty() { 0 } else { frac.parse().ok()? };
    if frac.len() == 1 {
        cents *= 10;
    }
    let v = whole.checked_mul(100)?.checked_add(cents)?;
    Some(Satang(if neg { -v } else { v }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_half_up() {
        assert_eq!(div_round_half_up(29, 10), 3);
        assert_eq!(div_round_half_up(25, 10), 3);
        assert_eq!(div_round_half_up(24, 10), 2);
        assert_eq!(div_round_half_up(0, 10), 0);
        assert_eq!(div_round_half_up(1, 0), 0);
    }

    #[test]
    fn decimals_are_exact() {
        assert_eq!(parse_decimal("1234.565"), Some(Satang(123_457)));
        assert_eq!(parse_decimal("1e3"), Some(Satang(100_000)));
        assert_eq!(parse_decimal("1.5e-2"), Some(Satang(2)));
        assert_eq!(parse_decimal("-12.3"), Some(Satang(-1230)));
        assert_eq!(parse_decimal("12a"), None);
        assert_eq!(parse_decimal("."), None);
        assert_eq!(parse_baht("-12"), Some(Satang(-1200)));
        assert_eq!(parse_baht("12."), Some(Satang(1200)));
        assert_eq!(parse_baht(".5"), None);
    }

    #[test]
    fn display() {
        assert_eq!(Satang(123_450).to_string(), "1234.50");
        assert_eq!(Satang(-5).to_string(), "-0.05");
        assert_eq!(Satang::from_baht(7).to_string(), "7");
        assert_eq!(BasisPoints(-1234).to_string(), "-12.34");
        assert_eq!(BasisPoints(5).to_string(), "0.05");
    }
}
