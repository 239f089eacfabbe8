//! The calendar of the letter: months of the Buddhist Era (B.E. 2564 = 2021 C.E.),
//! evaluation windows, Thai and English month names, Excel date serials. A low
//! module: the importers, the presets and the display all use it.
//!
//! ```
//! use otop_model::calendar::{year_be, YearMonth};
//! assert_eq!(year_be(64), Some(2564));
//! assert_eq!(YearMonth { year: 2564, month: 12 }.next(), YearMonth { year: 2565, month: 1 });
//! ```

use serde::{Deserialize, Serialize};

/// A day in the Buddhist Era (17 September 2564), e.g. the letter's deadline.
///
/// ```
/// use otop_model::calendar::Day;
/// let deadline = Day { year: 2564, month: 9, day: 17 };
/// assert_eq!(Day { year: 2564, month: 9, day: 10 }.days_until(deadline), 7);
/// assert_eq!(Day { year: 2565, month: 3, day: 1 }.days_until(deadline), -165);
/// assert!(!Day { year: 2564, month: 2, day: 30 }.is_valid());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day {
    /// The year, B.E.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

impl Day {
    /// Whether such a day exists (29 February only in leap years).
    pub fn is_valid(self) -> bool {
        let y = i64::from(self.year) - 543;
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let days = match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return false,
        };
        (1..=days).contains(&self.day)
    }

    /// Days from this day to `later` (negative when `later` has passed).
    pub fn days_until(self, later: Day) -> i64 {
        later.ordinal() - self.ordinal()
    }

    /// Days since 1 March of year 0 C.E. (the civil-from-days algorithm's count).
    fn ordinal(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - 543 - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy
    }
}

/// A calendar month in the Buddhist Era (`year` 2564 = 2021).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearMonth {
    /// The year, B.E.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
}

impl YearMonth {
    /// A running month number, for comparing and stepping.
    pub fn index(self) -> i64 {
        self.year as i64 * 12 + (self.month as i64 - 1)
    }

    /// The month after this one.
    pub fn next(self) -> YearMonth {
        if self.month >= 12 {
            YearMonth { year: self.year + 1, month: 1 }
        } else {
            YearMonth { year: self.year, month: self.month + 1 }
        }
    }

    /// The same month one year earlier.
    pub fn year_before(self) -> YearMonth {
        YearMonth { year: self.year - 1, month: self.month }
    }
}

/// The evaluation window, both ends included (April–September 2564 for round 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    /// The first month evaluated.
    pub start: YearMonth,
    /// The last month evaluated.
    pub end: YearMonth,
}

impl Window {
    /// The months of the window, in order (empty when `end` is before `start`; at most 36).
    pub fn months(self) -> Vec<YearMonth> {
        let mut out = Vec::new();
        let mut m = self.start;
        while m.index() <= self.end.index() && out.len() < 36 {
            out.push(m);
            m = m.next();
        }
        out
    }

    /// Whether `m` falls inside the window.
    pub fn contains(self, m: YearMonth) -> bool {
        self.start.index() <= m.index() && m.index() <= self.end.index()
    }

    /// The same months one year earlier: the base period of KPI 2.
    pub fn year_before(self) -> Window {
        Window { start: self.start.year_before(), end: self.end.year_before() }
    }
}

/// Thai month names, full and abbreviated, January first.
pub const THAI_MONTHS: [(&str, &str); 12] = [
    ("มกราคม", "ม.ค."),
    ("กุมภาพันธ์", "ก.พ."),
    ("มีนาคม", "มี.ค."),
    ("เมษายน", "เม.ย."),
    ("พฤษภาคม", "พ.ค."),
    ("มิถุนายน", "มิ.ย."),
    ("กรกฎาคม", "ก.ค."),
    ("สิงหาคม", "ส.ค."),
    ("กันยายน", "ก.ย."),
    ("ตุลาคม", "ต.ค."),
    ("พฤศจิกายน", "พ.ย."),
    ("ธันวาคม", "ธ.ค."),
];

/// English month abbreviations, January first.
pub const EN_MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Month names as people say them, without the ending ("เมษา" for เมษายน).
pub const SPOKEN_MONTHS: [&str; 12] =
    ["มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา", "กรกฎา", "สิงหา", "กันยา", "ตุลา", "พฤศจิกา", "ธันวา"];

/// A year as typed, made Buddhist Era.
///
/// ```
/// # use otop_model::calendar::year_be;
/// assert_eq!(year_be(64), Some(2564));
/// assert_eq!(year_be(2564), Some(2564));
/// assert_eq!(year_be(2021), Some(2564));
/// assert_eq!(year_be(321), None);
/// ```
pub fn year_be(y: i64) -> Option<i32> {
    match y {
        0..=99 => Some(2500 + y as i32),
        1900..=2400 => Some(y as i32 + 543),
        2401..=2700 => Some(y as i32),
        _ => None,
    }
}

/// The calendar month (B.E.) of an Excel date serial (days since 1899-12-30).
///
/// ```
/// # use otop_model::calendar::from_serial;
/// # use otop_model::calendar::YearMonth;
/// assert_eq!(from_serial(44287.0), Some(YearMonth { year: 2564, month: 4 })); // 2021-04-01
/// ```
pub fn from_serial(serial: f64) -> Option<YearMonth> {
    if !serial.is_finite() || !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    // Days since 1970-01-01, then the civil-from-days algorithm.
    let z = serial.floor() as i64 - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some(YearMonth { year: year_be(year)?, month })
}

/// The Excel date serial (days since 1899-12-30) of a C.E. calendar day, with
/// the fraction of the day; `None` for a day that does not exist.
///
/// ```
/// # use otop_model::calendar::to_serial;
/// assert_eq!(to_serial(2021, 4, 1, 0.0), Some(44287.0));
/// assert_eq!(to_serial(2021, 2, 30, 0.0), None);
/// ```
pub fn to_serial(year: i64, month: u32, day: u32, fraction: f64) -> Option<f64> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if !(1..=days_in_month).contains(&day) || !(1900..=9999).contains(&year) {
        return None;
    }
    // The days-from-civil algorithm, then from 1970-01-01 to Excel's epoch.
    let y = year - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some((days + 25_569) as f64 + fraction)
}
