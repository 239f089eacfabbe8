//! Reading a month from what people type (SPEC §4.3): Excel dates, "เม.ย. 64",
//! "เมษายน 2564", "4/2564", "2021-04", and dates as web systems print them
//! ("1/4/2564", "01/04/2021 10:30:00", "15 เมษายน 2564"). A two-digit year is Buddhist
//! Era (64 → 2564); a four-digit year above 2400 is B.E., otherwise C.E.

use super::cell::Value;
use crate::calendar::{from_serial, year_be, YearMonth, EN_MONTHS, SPOKEN_MONTHS, THAI_MONTHS};
use crate::text::compact;

/// The month named at the start of `c` (compacted text), the rest of the text,
/// and whether the name was English (then a two-digit year is C.E.: "Apr-21").
fn month_name(c: &str) -> Option<(u32, &str, bool)> {
    for (i, ((full, short), spoken)) in THAI_MONTHS.iter().zip(SPOKEN_MONTHS).enumerate() {
        for name in
            [compact(full), compact(short), compact(short).trim_end_matches('.').to_string(), spoken.to_string()]
        {
            if let Some(rest) = c.strip_prefix(name.as_str()) {
                return Some((i as u32 + 1, rest, false));
            }
        }
    }
    for (i, en) in EN_MONTHS.iter().enumerate() {
        if let Some(rest) = c.strip_prefix(en.to_ascii_lowercase().as_str()) {
            let rest = rest.trim_start_matches(|ch: char| ch.is_ascii_alphabetic());
            return Some((i as u32 + 1, rest, true));
        }
    }
    None
}

fn digits(s: &str) -> Option<i64> {
    let t = s.trim_matches(|c: char| c == '.' || c == ',' || c == '-' || c == '/');
    let t = t.strip_prefix("พ.ศ.").or_else(|| t.strip_prefix("พศ")).or_else(|| t.strip_prefix("ค.ศ.")).unwrap_or(t);
    if t.is_empty() || t.len() > 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// A month from a cell. `default_year` (B.E.) is used when the text names only a
/// month ("เม.ย."); `None` then means the month cannot be placed.
///
/// ```
/// # use otop_model::imported::{month::parse, cell::Value};
/// # use otop_model::calendar::YearMonth;
/// let apr = Some(YearMonth { year: 2564, month: 4 });
/// let typed = ["เม.ย. 64", "เมษายน 2564", "4/2564", "2021-04", "เม.ย.๖๔", "01/04/2564"];
/// let printed = ["15/04/2021", "15 เมษายน 2564", "๑๕ เม.ย. ๖๔", "01/04/2564 10:30:00", "2021-04-01T00:00:00"];
/// for t in typed.into_iter().chain(printed).chain(["Apr 2021", "Apr-21", "เมษา 64"]) {
///     assert_eq!(parse(&Value::Text(t.into()), None), apr, "{t}");
/// }
/// assert_eq!(parse(&Value::Text("ก.ย.".into()), Some(2564)), Some(YearMonth { year: 2564, month: 9 }));
/// assert_eq!(parse(&Value::Text("ยอดรวม".into()), None), None);
/// ```
pub fn parse(v: &Value, default_year: Option<i32>) -> Option<YearMonth> {
    match v {
        Value::Date(serial) => from_serial(*serial),
        Value::Text(t) => parse_text(t, default_year),
        _ => None,
    }
}

fn parse_text(t: &str, default_year: Option<i32>) -> Option<YearMonth> {
    let c = compact(without_time(t));
    // A day before a month name ("15 เมษายน 2564", "๑๕ มิ.ย. ๒๕๖๔").
    let named = c.trim_start_matches(|ch: char| ch.is_ascii_digit());
    let named =
        if named.len() < c.len() && c.len() - named.len() <= 2 && month_name(named).is_some() { named } else { &c };
    if let Some((month, rest, english)) = month_name(named) {
        let year = if rest.is_empty() {
            default_year?
        } else {
            let y = digits(rest)?;
            year_be(if english && y < 100 { 2000 + y } else { y })?
        };
        return Some(YearMonth { year, month });
    }
    let parts: Vec<&str> = c.split(['/', '-', '.']).collect();
    let num = |s: &str| -> Option<i64> {
        if !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    match parts.as_slice() {
        // 2021-04 or 2564-04
        [y, m] if y.len() == 4 => ym(num(y)?, num(m)?),
        // 4/2564, 04/64
        [m, y] => ym(num(y)?, num(m)?),
        // 2021-04-01
        [y, m, _d] if y.len() == 4 => ym(num(y)?, num(m)?),
        // 1/4/2564 (day first, as Thai dates are written)
        [_d, m, y] => ym(num(y)?, num(m)?),
        _ => None,
    }
}

/// The text before a time of day ("01/04/2564 10:30:00", "2021-04-01T00:00:00"),
/// which says nothing of the month.
fn without_time(t: &str) -> &str {
    let Some(colon) = t.find(':') else { return t };
    match t.get(..colon).and_then(|head| head.rfind([' ', 'T', '\u{a0}'])) {
        Some(at) => t.get(..at).unwrap_or(t),
        None => t,
    }
}

fn ym(y: i64, m: i64) -> Option<YearMonth> {
    if !(1..=12).contains(&m) {
        return None;
    }
    Some(YearMonth { year: year_be(y)?, month: m as u32 })
}
