//! Formatting numbers for people: thousands separators, two-decimal percentages,
//! Thai digits, Buddhist Era month names. Used by the page and the command alike.
//!
//! ```
//! use otop_model::{display::group_thousands, text::to_thai_digits};
//! assert_eq!(group_thousands("2543154639"), "2,543,154,639");
//! assert_eq!(to_thai_digits("1,921"), "๑,๙๒๑");
//! ```

use crate::calendar::{EN_MONTHS, THAI_MONTHS};
use crate::money::{BasisPoints, Satang};

/// The user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    /// Thai.
    Th,
    /// English.
    En,
}

/// Inserts `,` every three digits of the integer part of a plain decimal string.
///
/// ```
/// # use otop_model::display::group_thousands;
/// assert_eq!(group_thousands("-1234567.50"), "-1,234,567.50");
/// assert_eq!(group_thousands("999"), "999");
/// ```
pub fn group_thousands(plain: &str) -> String {
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain),
    };
    let (int, frac) = match rest.find('.') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let mut out = String::with_capacity(plain.len() + int.len() / 3);
    out.push_str(sign);
    let n = int.chars().count();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(frac);
    out
}

/// An integer count with separators, e.g. `1,921`.
pub fn count(n: i64) -> String {
    group_thousands(&n.to_string())
}

/// Baht with separators: whole amounts without decimals, others with two.
pub fn baht(s: Satang) -> String {
    group_thousands(&s.to_string())
}

/// A percentage with two decimals and a `%` sign, e.g. `8.98 %`.
pub fn percent(bp: BasisPoints) -> String {
    format!("{} %", group_thousands(&bp.to_string()))
}

/// A month of a Buddhist Era year, e.g. `เม.ย. 2564` or `Apr 2021`.
pub fn month(year_be: i32, month: u32, lang: Lang) -> String {
    let year = if lang == Lang::Th { year_be } else { year_be - 543 };
    format!("{} {year}", month_short(month, lang))
}

/// A month's short name (`เม.ย.`, `Apr`); a number out of 1–12 is taken as the nearest month.
fn month_short(month: u32, lang: Lang) -> &'static str {
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Th => THAI_MONTHS.get(i).map_or("", |m| m.1),
        Lang::En => EN_MONTHS.get(i).copied().unwrap_or(""),
    }
}

/// A day: `17 ก.ย. 2564` or `17 Sep 2021`.
pub fn day(d: crate::calendar::Day, lang: Lang) -> String {
    format!("{} {}", d.day, month(d.year, d.month, lang))
}

/// When reports are due, seen `today`: "กำหนดส่ง 17 ก.ย. 2564 — เหลืออีก 5 วัน",
/// "— ครบกำหนดวันนี้", "— เลยกำหนดมาแล้ว 3 วัน".
///
/// ```
/// use otop_model::{calendar::Day, display::{deadline, Lang}};
/// let due = Day { year: 2564, month: 9, day: 17 };
/// assert_eq!(deadline(due, Day { year: 2564, month: 9, day: 12 }, Lang::Th), "กำหนดส่ง 17 ก.ย. 2564 — เหลืออีก 5 วัน");
/// assert_eq!(deadline(due, Day { year: 2564, month: 9, day: 20 }, Lang::En), "Due 17 Sep 2021: 3 days ago");
/// ```
pub fn deadline(due: crate::calendar::Day, today: crate::calendar::Day, lang: Lang) -> String {
    let left = today.days_until(due);
    let when = day(due, lang);
    let n = count(left.abs());
    match (lang, left) {
        (Lang::Th, 0) => format!("กำหนดส่ง {when} — ครบกำหนดวันนี้"),
        (Lang::Th, l) if l > 0 => format!("กำหนดส่ง {when} — เหลืออีก {n} วัน"),
        (Lang::Th, _) => format!("กำหนดส่ง {when} — เลยกำหนดมาแล้ว {n} วัน"),
        (Lang::En, 0) => format!("Due {when}: today"),
        (Lang::En, l) if l > 0 => format!("Due {when}: {n} days left"),
        (Lang::En, _) => format!("Due {when}: {n} days ago"),
    }
}

/// An evaluation window, e.g. `เม.ย.–ก.ย. 2564` or `Apr–Sep 2021` (both years
/// when it spans two: `ต.ค. 2563–มี.ค. 2564`).
pub fn window(w: crate::calendar::Window, lang: Lang) -> String {
    let (start, end) = (w.start, w.end);
    let name = |m: u32| month_short(m, lang);
    let year = |y: i32| if lang == Lang::Th { y } else { y - 543 };
    if start.year == end.year {
        format!("{}–{} {}", name(start.month), name(end.month), year(end.year))
    } else {
        format!("{}–{}", month(start.year, start.month, lang), month(end.year, end.month, lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(count(1921), "1,921");
        assert_eq!(baht(Satang(254_315_463_900)), "2,543,154,639");
        assert_eq!(percent(BasisPoints(898)), "8.98 %");
        assert_eq!(month(2564, 4, Lang::Th), "เม.ย. 2564");
        assert_eq!(month(2564, 9, Lang::En), "Sep 2021");
        let w = crate::calendar::Window {
            start: crate::calendar::YearMonth { year: 2563, month: 4 },
            end: crate::calendar::YearMonth { year: 2563, month: 9 },
        };
        assert_eq!(window(w, Lang::Th), "เม.ย.–ก.ย. 2563");
        assert_eq!(window(w, Lang::En), "Apr–Sep 2020");
    }
}
