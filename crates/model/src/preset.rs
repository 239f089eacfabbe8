//! Presets: the data one evaluation round is scored against (SPEC §3).
//!
//! A preset is data, not code: province, fiscal year, round, evaluation window,
//! the districts with their figures, both KPIs' thresholds, the scoring rule and
//! the survey flag. It round-trips through JSON; loading one validates it.
//!
//! ```
//! use otop_model::preset::Preset;
//! let p = Preset::sa_kaeo_2564_round2();
//! let json = p.to_json();
//! let (back, issues) = Preset::from_json(&json);
//! assert!(issues.is_empty());
//! assert_eq!(back.unwrap(), p);
//! ```

use crate::calendar::{Day, Window, YearMonth};
use crate::issue::preset::Figure;
use crate::issue::Issue;
use crate::money::{BasisPoints, Satang};
use serde::{Deserialize, Serialize};

/// What a product counts as when its channel cells hold only a mark (✓, 1, มี)
/// and not the page name, link or ID the letter asks for as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkOnly {
    /// Online, without a word.
    Count,
    /// Online, with one warning per file saying how many lack evidence.
    #[default]
    Warn,
    /// Not online (one warning per file says how many were left out).
    Exclude,
}

impl MarkOnly {
    /// `"count"`, `"warn"` or `"exclude"`, as in the command line and the page's select.
    pub fn as_str(self) -> &'static str {
        match self {
            MarkOnly::Count => "count",
            MarkOnly::Warn => "warn",
            MarkOnly::Exclude => "exclude",
        }
    }

    /// Parses `"count"`, `"warn"` or `"exclude"`.
    pub fn parse(s: &str) -> Option<MarkOnly> {
        [MarkOnly::Count, MarkOnly::Warn, MarkOnly::Exclude].into_iter().find(|m| m.as_str() == s)
    }
}

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

/// One district (อำเภอ) and its registered figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct District {
    /// The district's name as the letter writes it.
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
    /// The percentage of the reference column (the target table's score 1).
    pub reference: BasisPoints,
    /// The percentages for scores 2–5.
    pub levels: [BasisPoints; 4],
}

impl Thresholds {
    /// The five percentages of the target table's columns (reference, then scores 2–5).
    pub fn columns(&self) -> [BasisPoints; 5] {
        let [a, b, c, d] = self.levels;
        [self.reference, a, b, c, d]
    }

    /// The threshold of score `level + 2` (level 0–3); past the top, the top one.
    pub fn level(&self, level: usize) -> BasisPoints {
        let [.., top] = self.levels;
        self.levels.get(level).copied().unwrap_or(top)
    }
}

/// Whether the first column (the reference) is not negative.
fn self_reference_ok(cols: &[BasisPoints; 5]) -> bool {
    let [first, ..] = cols;
    first.0 >= 0
}

/// Everything one evaluation round is scored against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preset {
    /// The province.
    pub province: String,
    /// Fiscal year, Buddhist Era.
    pub fiscal_year: i32,
    /// The evaluation round.
    pub round: u32,
    /// The months evaluated.
    pub window: Window,
    /// The districts, in the letter's order.
    pub districts: Vec<District>,
    /// KPI 1: share of registered products sold online.
    pub kpi1: Thresholds,
    /// KPI 2: sales growth over the base period.
    pub kpi2: Thresholds,
    #[serde(default)]
    /// How scores are given: by the letter's target table, or by the exact percentage.
    pub rule: ScoringRule,
    /// Whether the province has its readiness survey report (needed for KPI 1 score 5).
    #[serde(default)]
    pub survey_done: bool,
    /// A product whose channel cells hold only a mark: counted, warned, or not counted.
    #[serde(default)]
    pub mark_only: MarkOnly,
    /// When the districts' reports are due (the letter: 17 September 2564); the
    /// page says how many days are left.
    #[serde(default)]
    pub deadline: Option<Day>,
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
            mark_only: MarkOnly::Warn,
            // The letter: reports by 17 September 2564.
            deadline: Some(Day { year: 2564, month: 9, day: 17 }),
        }
    }

    /// The province row's label as the letter prints it, e.g. `รวม (จ.สระแก้ว)`.
    pub fn province_label(&self) -> String {
        format!("รวม (จ.{})", self.province)
    }

    /// Province totals: (entrepreneurs, products, base).
    pub fn totals(&self) -> (i64, i64, Satang) {
        self.districts.iter().fold((0i64, 0i64, Satang(0)), |(e, p, b), d| {
            (e.saturating_add(d.entrepreneurs), p.saturating_add(d.products), b.plus(d.base))
        })
    }

    /// The district of this name, compared by key ("วังน้ําเย็น" typed with
    /// nikhahit + sara aa is วังน้ำเย็น; see [`crate::text::normalize`]).
    pub fn district(&self, name: &str) -> Option<&District> {
        let key = crate::text::normalize(name);
        self.districts.iter().find(|d| crate::text::normalize(&d.name) == key)
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
            Err(e) => (None, vec![Issue::preset_json_invalid(&e)]),
        }
    }

    /// Every problem of this preset: zero or negative figures, empty or duplicate
    /// district names, thresholds out of order, an empty window.
    pub fn validate(&self) -> Vec<Issue> {
        let mut out = Vec::new();
        if self.districts.is_empty() {
            out.push(Issue::preset_districts_empty());
        }
        // Names compared by key: two spellings of one name are one district twice.
        let mut seen: Vec<String> = Vec::new();
        for (i, d) in self.districts.iter().enumerate() {
            let n = i + 1;
            let name = d.name.trim();
            let key = crate::text::normalize(name);
            if name.is_empty() {
                out.push(Issue::preset_district_name_empty(n));
            } else if seen.contains(&key) {
                out.push(Issue::preset_district_name_duplicate(n, name));
            } else {
                seen.push(key);
            }
            let figures = [
                (Figure::Entrepreneurs, d.entrepreneurs > 0),
                (Figure::Products, d.products > 0),
                (Figure::Base, d.base.0 > 0),
            ];
            for (figure, ok) in figures {
                if !ok {
                    out.push(Issue::preset_figure_not_positive(figure, name));
                }
            }
        }
        for (kpi, t) in [(1, &self.kpi1), (2, &self.kpi2)] {
            let cols = t.columns();
            let ordered = cols.iter().zip(cols.iter().skip(1)).all(|(a, b)| a < b) && self_reference_ok(&cols);
            if !ordered {
                let list = cols.iter().map(|c| format!("{c}")).collect::<Vec<_>>().join(", ");
                out.push(Issue::preset_thresholds_order(kpi, &list));
            }
        }
        if self.window.months().is_empty() {
            out.push(Issue::preset_window_empty());
        }
        if !(1..=12).contains(&self.window.start.month) || !(1..=12).contains(&self.window.end.month) {
            out.push(Issue::preset_window_month());
        }
        out
    }
}

/// Serde for baht amounts in JSON: whole baht as a JSON integer, other amounts as a
/// decimal string (`"1234.50"`); reads integers, decimal strings and decimal numbers
/// (the number's text is parsed exactly, never through `f64` arithmetic). A
/// binary format (the page → worker protocol) has the satang as an integer.
pub mod baht_json {
    use crate::money::Satang;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `v` as baht.
    pub fn serialize<S: Serializer>(v: &Satang, s: S) -> Result<S::Ok, S::Error> {
        if !s.is_human_readable() {
            s.serialize_i64(v.0)
        } else if v.is_whole_baht() {
            s.serialize_i64(v.baht())
        } else {
            s.serialize_str(&v.to_string())
        }
    }

    /// Reads baht as [`baht_json`] writes them, or as a decimal number.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Satang, D::Error> {
        if !d.is_human_readable() {
            return i64::deserialize(d).map(Satang);
        }
        let text = d.deserialize_any(AmountText)?;
        crate::money::parse_baht(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not an amount in baht: {text}")))
    }

    /// An amount's text as it was written: a whole number, a text, or a JSON
    /// number with its digits as typed (serde_json's `arbitrary_precision`
    /// hands it over as a one-entry map). Not through `serde_json::Value`, which
    /// would bring a JSON value's code into the page (7 KB of its wasm).
    struct AmountText;

    impl<'de> serde::de::Visitor<'de> for AmountText {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an amount in baht")
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<String, E> {
            // (A whole number stored as a JavaScript number; a fraction is kept as text.)
            match v.fract() == 0.0 && v.abs() < 9e15 {
                true => Ok((v as i64).to_string()),
                false => Err(E::custom("an amount with satang is kept as text")),
            }
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<String, A::Error> {
            match map.next_key::<String>()? {
                Some(key) if key == "$serde_json::private::Number" => map.next_value::<String>(),
                _ => Err(serde::de::Error::custom("expected an amount in baht")),
            }
        }
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
        let codes: Vec<&str> = p.validate().into_iter().map(|i| i.code.as_str()).collect();
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
