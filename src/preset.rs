//! Presets: the data one evaluation round is scored against (SPEC §3).
//!
//! A preset is data, not code: province, fiscal year, round, evaluation window,
//! the districts with their figures, both KPIs' thresholds, the scoring rule and
//! the survey flag. It round-trips through JSON; loading one validates it.
//!
//! ```
//! use otop_kpi::preset::Preset;
//! let p = Preset::sa_kaeo_2564_round2();
//! let json = p.to_json();
//! let (back, issues) = Preset::from_json(&json);
//! assert!(issues.is_empty());
//! assert_eq!(back.unwrap(), p);
//! ```

use crate::issue::Issue;
use crate::money::{BasisPoints, Satang};
use serde::{Deserialize, Serialize};

/// Which rule turns a count or an amount into a score (SPEC §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScoringRule {
    /// Count ≥ the published target count, revenue ≥ the published target baht.
    #[default]
    Table,
    /// The exact percentage ≥ the threshold.
    Percent,
}

impl ScoringRule {
    /// `"table"` or `"percent"`, as in the command line and the page's select.
    pub fn as_str(self) -> &'static str {
        match self {
            ScoringRule::Table => "table",
            ScoringRule::Percent => "percent",
        }
    }

    /// Parses `"table"` or `"percent"`.
    pub fn parse(s: &str) -> Option<ScoringRule> {
        match s {
            "table" => Some(ScoringRule::Table),
            "percent" => Some(ScoringRule::Percent),
            _ => None,
        }
    }
}

/// A calendar month in the Buddhist Era (`year` 2564 = 2021).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearMonth {
    pub year: i32,
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
    pub start: YearMonth,
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

/// One district (อำเภอ) and its registered figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct District {
    pub name: String,
    /// Registered OTOP entrepreneurs, 2557–2563.
    pub entrepreneurs: i64,
    /// Registered OTOP products, 2557–2563.
    pub products: i64,
    /// Sales in the base period (April–September of the year before), in baht.
    #[serde(with = "baht_json")]
    pub base: Satang,
}

/// A KPI's thresholds: the reference column (the letter's "1 คะแนน" column) and the
/// thresholds of scores 2, 3, 4 and 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    pub reference: BasisPoints,
    pub levels: [BasisPoints; 4],
}

impl Thresholds {
    /// The five percentages of the target table's columns (reference, then scores 2–5).
    pub fn columns(&self) -> [BasisPoints; 5] {
        let [a, b, c, d] = self.levels;
        [self.reference, a, b, c, d]
    }
}

/// Everything one evaluation round is scored against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preset {
    pub province: String,
    /// Fiscal year, Buddhist Era.
    pub fiscal_year: i32,
    pub round: u32,
    pub window: Window,
    pub districts: Vec<District>,
    /// KPI 1: share of registered products sold online.
    pub kpi1: Thresholds,
    /// KPI 2: sales growth over the base period.
    pub kpi2: Thresholds,
    #[serde(default)]
    pub rule: ScoringRule,
    /// Whether the province has its readiness survey report (needed for KPI 1 score 5).
    #[serde(default)]
    pub survey_done: bool,
}

impl Preset {
    /// The built-in preset: Sa Kaeo, fiscal year 2564, round 2 (the letter of 11 May 2564).
    pub fn sa_kaeo_2564_round2() -> Preset {
        let d = |name: &str, entrepreneurs: i64, products: i64, base: i64| District {
            name: name.to_string(),
            entrepreneurs,
            products,
            base: Satang::from_baht(base),
        };
        Preset {
            province: "สระแก้ว".to_string(),
            fiscal_year: 2564,
            round: 2,
            window: Window { start: YearMonth { year: 2564, month: 4 }, end: YearMonth { year: 2564, month: 9 } },
            districts: vec![
                d("เมืองสระแก้ว", 138, 412, 68_302_860),
                d("คลองหาด", 65, 164, 51_329_000),
                d("ตาพระยา", 57, 152, 38_490_500),
                d("วังน้ำเย็น", 84, 267, 32_023_200),
                d("วัฒนานคร", 149, 264, 56_133_031),
                d("อรัญประเทศ", 73, 224, 83_999_900),
                d("เขาฉกรรจ์", 112, 204, 18_113_128),
                d("โคกสูง", 60, 87, 22_201_820),
                d("วังสมบูรณ์", 70, 147, 2_172_561_200),
            ],
            kpi1: Thresholds { reference: BasisPoints::percent(7), levels: [8, 9, 10, 11].map(BasisPoints::percent) },
            kpi2: Thresholds { reference: BasisPoints::percent(6), levels: [7, 8, 9, 10].map(BasisPoints::percent) },
            rule: ScoringRule::Table,
            survey_done: false,
        }
    }

    /// The province row's label as the letter prints it, e.g. `รวม (จ.สระแก้ว)`.
    pub fn province_label(&self) -> String {
        format!("รวม (จ.{})", self.province)
    }

    /// Province totals: (entrepreneurs, products, base).
    pub fn totals(&self) -> (i64, i64, Satang) {
        self.districts.iter().fold((0i64, 0i64, Satang(0)), |(e, p, b), d| {
            (e.saturating_add(d.entrepreneurs), p.saturating_add(d.products), b.add(d.base))
        })
    }

    /// The district with this exact name.
    pub fn district(&self, name: &str) -> Option<&District> {
        self.districts.iter().find(|d| d.name == name)
    }

    /// Pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Parses and validates a preset. Returns the preset when it parsed (even with
    /// validation problems, so the page can show and fix it) and every problem found.
    pub fn from_json(json: &str) -> (Option<Preset>, Vec<Issue>) {
        match serde_json::from_str::<Preset>(json) {
            Ok(p) => {
                let issues = p.validate();
                (Some(p), issues)
            }
            Err(e) => (
                None,
                vec![Issue::error(
                    "preset.json.invalid",
                    format!("อ่านไฟล์ค่าตั้งต้น (JSON) ไม่ได้: บรรทัด {} คอลัมน์ {} — ตรวจรูปแบบไฟล์ หรือส่งออกค่าตั้งต้นจากหน้านี้ใหม่ ({e})", e.line(), e.column()),
                    format!("The preset file (JSON) could not be read at line {}, column {}: check the file, or export the preset from this page again ({e})", e.line(), e.column()),
                )],
            ),
        }
    }

    /// Every problem of this preset: zero or negative figures, empty or duplicate
    /// district names, thresholds out of order, an empty window.
    pub fn validate(&self) -> Vec<Issue> {
        let mut out = Vec::new();
        if self.districts.is_empty() {
            out.push(Issue::error(
                "preset.districts.empty",
                "ค่าตั้งต้นไม่มีอำเภอ — เพิ่มอำเภออย่างน้อยหนึ่งอำเภอ",
                "The preset has no district: add at least one",
            ));
        }
        let mut seen: Vec<String> = Vec::new();
        for (i, d) in self.districts.iter().enumerate() {
            let n = i + 1;
            let name = d.name.trim();
            if name.is_empty() {
                out.push(Issue::error(
                    "preset.district.name_empty",
                    format!("อำเภอลำดับที่ {n} ไม่มีชื่อ — ใส่ชื่ออำเภอ"),
                    format!("District no. {n} has no name: type its name"),
                ));
            } else if seen.iter().any(|s| s == name) {
                out.push(Issue::error(
                    "preset.district.name_duplicate",
                    format!("ชื่ออำเภอ \"{name}\" ซ้ำ (ลำดับที่ {n}) — แต่ละอำเภอต้องมีชื่อไม่ซ้ำกัน"),
                    format!("District name \"{name}\" appears twice (no. {n}): each district needs its own name"),
                ));
            } else {
                seen.push(name.to_string());
            }
            let figures: [(&str, &str, &str, bool); 3] = [
                ("entrepreneurs", "จำนวนผู้ประกอบการ", "registered entrepreneurs", d.entrepreneurs > 0),
                ("products", "จำนวนผลิตภัณฑ์", "registered products", d.products > 0),
                ("base", "ยอดจำหน่ายปีฐาน", "base-year sales", d.base.0 > 0),
            ];
            for (key, th, en, ok) in figures {
                if !ok {
                    out.push(Issue::error(
                        &format!("preset.district.{key}_not_positive"),
                        format!("{th}ของอำเภอ{name} ต้องมากกว่าศูนย์ — แก้ตัวเลขในตารางอำเภอ"),
                        format!("The {en} of {name} must be greater than zero: correct it in the district table"),
                    ));
                }
            }
        }
        for (kpi, t) in [("kpi1", &self.kpi1), ("kpi2", &self.kpi2)] {
            let cols = t.columns();
            let ordered = cols.windows(2).all(|w| w[0] < w[1]) && cols[0].0 >= 0;
            if !ordered {
                let list = cols.iter().map(|c| format!("{c}")).collect::<Vec<_>>().join(", ");
                out.push(Issue::error(
                    &format!("preset.{kpi}.thresholds_order"),
                    format!("เกณฑ์ของตัวชี้วัด {} ต้องเรียงจากน้อยไปมากและไม่ติดลบ (ตอนนี้ {list} %)", &kpi[3..]),
                    format!(
                        "The thresholds of KPI {} must rise from score to score and not be negative (now {list} %)",
                        &kpi[3..]
                    ),
                ));
            }
        }
        if self.window.months().is_empty() {
            out.push(Issue::error(
                "preset.window.empty",
                "ช่วงเวลาประเมินว่าง — เดือนเริ่มต้องไม่อยู่หลังเดือนสิ้นสุด",
                "The evaluation window is empty: its first month must not come after its last",
            ));
        }
        if !(1..=12).contains(&self.window.start.month) || !(1..=12).contains(&self.window.end.month) {
            out.push(Issue::error(
                "preset.window.month",
                "เดือนของช่วงประเมินต้องอยู่ระหว่าง 1 ถึง 12",
                "The window's months must be between 1 and 12",
            ));
        }
        out
    }
}

/// Serde for baht amounts in JSON: whole baht as a JSON integer, other amounts as a
/// decimal string (`"1234.50"`); reads integers, decimal strings and decimal numbers
/// (the number's text is parsed exactly, never through `f64` arithmetic).
pub mod baht_json {
    use crate::money::Satang;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Satang, s: S) -> Result<S::Ok, S::Error> {
        if v.is_whole_baht() {
            s.serialize_i64(v.baht())
        } else {
            s.serialize_str(&v.to_string())
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Satang, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        let text = match &v {
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::String(s) => s.clone(),
            _ => return Err(serde::de::Error::custom("expected an amount in baht")),
        };
        parse_plain_baht(&text).ok_or_else(|| serde::de::Error::custom(format!("not an amount in baht: {text}")))
    }

    /// Parses a plain decimal (`-12`, `1234.5`, `1234.50`) into satang; at most two decimals.
    pub fn parse_plain_baht(text: &str) -> Option<Satang> {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_is_valid_and_totals_match_the_letter() {
        let p = Preset::sa_kaeo_2564_round2();
        assert!(p.validate().is_empty(), "{:?}", p.validate());
        assert_eq!(p.totals(), (808, 1921, Satang::from_baht(2_543_154_639)));
        assert_eq!(p.province_label(), "รวม (จ.สระแก้ว)");
    }

    #[test]
    fn validation_names_every_problem() {
        let mut p = Preset::sa_kaeo_2564_round2();
        p.districts[1].name = "เมืองสระแก้ว".into();
        p.districts[2].name = "  ".into();
        p.districts[3].products = 0;
        p.districts[4].base = Satang(-100);
        p.districts[5].entrepreneurs = -1;
        p.kpi2.levels = [7, 9, 8, 10].map(BasisPoints::percent);
        let codes: Vec<String> = p.validate().into_iter().map(|i| i.code).collect();
        assert_eq!(
            codes,
            [
                "preset.district.name_duplicate",
                "preset.district.name_empty",
                "preset.district.products_not_positive",
                "preset.district.base_not_positive",
                "preset.district.entrepreneurs_not_positive",
                "preset.kpi2.thresholds_order",
            ]
        );
    }

    #[test]
    fn json_amounts_are_exact() {
        let mut p = Preset::sa_kaeo_2564_round2();
        p.districts[0].base = Satang(123_456_789);
        let json = p.to_json();
        assert!(json.contains("\"1234567.89\""), "{json}");
        let (back, issues) = Preset::from_json(&json);
        assert!(issues.is_empty());
        assert_eq!(back.unwrap().districts[0].base, Satang(123_456_789));
        let fractional = json.replace("\"1234567.89\"", "1234567.8");
        assert_eq!(Preset::from_json(&fractional).0.unwrap().districts[0].base, Satang(123_456_780));
    }

    #[test]
    fn broken_json_is_one_clear_error() {
        let (p, issues) = Preset::from_json("{\"province\": ");
        assert!(p.is_none());
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code, "preset.json.invalid");
    }

    #[test]
    fn window_months() {
        let w = Preset::sa_kaeo_2564_round2().window;
        assert_eq!(w.months().len(), 6);
        assert!(w.contains(YearMonth { year: 2564, month: 9 }));
        assert!(!w.contains(YearMonth { year: 2564, month: 10 }));
        assert_eq!(w.year_before().start, YearMonth { year: 2563, month: 4 });
    }
}
