//! Scores of both KPIs under both rules, the exact percentages, and the gap to
//! the next score (SPEC §2).
//!
//! Every comparison is between integers: KPI 1 compares `online × 10 000` with
//! `products × p` (p in basis points); KPI 2 compares sales in satang with the
//! target amount. No floating point anywhere.
//!
//! ```
//! use otop_model::{preset::Preset, scoring::kpi1};
//! let p = Preset::sa_kaeo_2564_round2();
//! // Mueang Sa Kaeo, 37 of 412 products online: 8.98 %.
//! let s = kpi1(37, 412, &p.kpi1, false);
//! assert_eq!((s.by_table, s.by_percent), (3, 2));
//! assert_eq!(s.percent.to_string(), "8.98");
//! ```

use crate::money::{div_ceil, BasisPoints, Satang};
use crate::preset::{ScoringRule, Thresholds};
use crate::targets::{product_target, revenue_target};
use serde::Serialize;

/// What still stands between a result and the next score.
///
/// In JSON (SPEC §9) it is tagged by `kind` (`{"kind": "more", "score": 3, …}`);
/// in a binary format (the page → worker protocol) by its variant's index, as
/// a binary format can only read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next<T> {
    /// `needed` more (products or satang) reach score `score`.
    More {
        /// The next score.
        score: u8,
        /// Its target.
        target: T,
        /// How many more reach it.
        needed: T,
    },
    /// The count reaches score 5, but the readiness survey report is missing.
    Survey,
    /// Already at score 5.
    Top,
}

/// [`Next`] as JSON has it.
#[derive(Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Tagged<T> {
    More { score: u8, target: T, needed: T },
    Survey,
    Top,
}

/// [`Next`] as a binary format has it.
#[derive(Serialize, serde::Deserialize)]
enum Indexed<T> {
    More { score: u8, target: T, needed: T },
    Survey,
    Top,
}

impl<T: Serialize + Copy> Serialize for Next<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match (*self, s.is_human_readable()) {
            (Next::More { score, target, needed }, true) => Tagged::More { score, target, needed }.serialize(s),
            (Next::Survey, true) => Tagged::<T>::Survey.serialize(s),
            (Next::Top, true) => Tagged::<T>::Top.serialize(s),
            (Next::More { score, target, needed }, false) => Indexed::More { score, target, needed }.serialize(s),
            (Next::Survey, false) => Indexed::<T>::Survey.serialize(s),
            (Next::Top, false) => Indexed::<T>::Top.serialize(s),
        }
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Next<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(if d.is_human_readable() {
            match Tagged::deserialize(d)? {
                Tagged::More { score, target, needed } => Next::More { score, target, needed },
                Tagged::Survey => Next::Survey,
                Tagged::Top => Next::Top,
            }
        } else {
            match Indexed::deserialize(d)? {
                Indexed::More { score, target, needed } => Next::More { score, target, needed },
                Indexed::Survey => Next::Survey,
                Indexed::Top => Next::Top,
            }
        })
    }
}

/// KPI 1 of one district or the province.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Kpi1Score {
    /// Products sold online.
    pub online: i64,
    /// Registered products.
    pub products: i64,
    /// `online / products`, rounded to a basis point (display only).
    pub percent: BasisPoints,
    /// The score by the letter's target table.
    pub by_table: u8,
    /// The score by the exact percentage.
    pub by_percent: u8,
    /// The next step under the table rule and under the percent rule.
    pub next_table: Next<i64>,
    /// What reaches the next score, by the exact percentage.
    pub next_percent: Next<i64>,
}

/// KPI 2 of one district or the province.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Kpi2Score {
    /// Sales of the period evaluated.
    pub sales: Satang,
    /// Sales of the base period.
    pub base: Satang,
    /// `(sales − base) / base`, rounded to a basis point (display only).
    pub growth: BasisPoints,
    /// The score by the letter's target table.
    pub by_table: u8,
    /// The score by the exact percentage.
    pub by_percent: u8,
    /// What reaches the next score, by the target table.
    pub next_table: Next<Satang>,
    /// What reaches the next score, by the exact percentage.
    pub next_percent: Next<Satang>,
}

impl Kpi1Score {
    /// The score under `rule`.
    pub fn score(&self, rule: ScoringRule) -> u8 {
        match rule {
            ScoringRule::Table => self.by_table,
            ScoringRule::Percent => self.by_percent,
        }
    }

    /// The next step under `rule`.
    pub fn next(&self, rule: ScoringRule) -> Next<i64> {
        match rule {
            ScoringRule::Table => self.next_table,
            ScoringRule::Percent => self.next_percent,
        }
    }

    /// Whether the two rules give different scores.
    pub fn rules_differ(&self) -> bool {
        self.by_table != self.by_percent
    }
}

impl Kpi2Score {
    /// The score under `rule`.
    pub fn score(&self, rule: ScoringRule) -> u8 {
        match rule {
            ScoringRule::Table => self.by_table,
            ScoringRule::Percent => self.by_percent,
        }
    }

    /// The next step under `rule`.
    pub fn next(&self, rule: ScoringRule) -> Next<Satang> {
        match rule {
            ScoringRule::Table => self.next_table,
            ScoringRule::Percent => self.next_percent,
        }
    }

    /// Whether the two rules give different scores.
    pub fn rules_differ(&self) -> bool {
        self.by_table != self.by_percent
    }
}

/// Score from the thresholds reached in order: 1 plus the number of consecutive
/// levels (scores 2, 3, 4, 5) reached from the bottom.
fn score_from(reached: impl Fn(usize) -> bool) -> u8 {
    let mut score = 1;
    for level in 0..4 {
        if !reached(level) {
            break;
        }
        score += 1;
    }
    score
}

/// KPI 1 under both rules. Score 5 needs the readiness survey; without it a
/// count at the top threshold scores 4.
pub fn kpi1(online: i64, products: i64, t: &Thresholds, survey_done: bool) -> Kpi1Score {
    let online = online.max(0);
    let valid = products > 0;
    let table_target = |level: usize| product_target(products, t.level(level));
    // The smallest count whose exact share reaches the threshold.
    let percent_target = |level: usize| div_ceil(products as i128 * t.level(level).0 as i128, 10_000) as i64;
    let by_table = if valid { score_from(|l| online >= table_target(l)) } else { 1 };
    let by_percent = if valid { score_from(|l| online >= percent_target(l)) } else { 1 };
    let cap = |s: u8| if s == 5 && !survey_done { 4 } else { s };
    let next = |raw: u8, target: &dyn Fn(usize) -> i64| -> Next<i64> {
        match raw {
            5 if survey_done => Next::Top,
            5 => Next::Survey,
            s => {
                let target = target(s as usize - 1);
                Next::More { score: s + 1, target, needed: target - online }
            }
        }
    };
    Kpi1Score {
        online,
        products,
        percent: if valid { BasisPoints::ratio(online as i128, products as i128) } else { BasisPoints(0) },
        by_table: cap(by_table),
        by_percent: cap(by_percent),
        next_table: if valid { next(by_table, &table_target) } else { Next::Top },
        next_percent: if valid { next(by_percent, &percent_target) } else { Next::Top },
    }
}

/// KPI 2 under both rules: sales of the window against the base period.
///
/// ```
/// use otop_model::{preset::Preset, scoring::kpi2, money::Satang};
/// let p = Preset::sa_kaeo_2564_round2();
/// // Watthana Nakhon: the 7 % target is 60,062,343 baht, the exact 7 % is 60,062,343.17.
/// let s = kpi2(Satang::from_baht(60_062_343), Satang::from_baht(56_133_031), &p.kpi2);
/// assert_eq!((s.by_table, s.by_percent), (2, 1));
/// ```
pub fn kpi2(sales: Satang, base: Satang, t: &Thresholds) -> Kpi2Score {
    let valid = base.0 > 0;
    let table_target = |level: usize| revenue_target(base, t.level(level));
    // The smallest amount (in satang) whose exact growth reaches the threshold.
    let percent_target =
        |level: usize| Satang(div_ceil(base.0 as i128 * (10_000 + t.level(level).0 as i128), 10_000) as i64);
    let by_table = if valid { score_from(|l| sales >= table_target(l)) } else { 1 };
    let by_percent = if valid { score_from(|l| sales >= percent_target(l)) } else { 1 };
    let next = |s: u8, target: &dyn Fn(usize) -> Satang| -> Next<Satang> {
        if s >= 5 {
            Next::Top
        } else {
            let target = target(s as usize - 1);
            Next::More { score: s + 1, target, needed: Satang(target.0 - sales.0) }
        }
    };
    Kpi2Score {
        sales,
        base,
        growth: if valid {
            BasisPoints::ratio(sales.0 as i128 - base.0 as i128, base.0 as i128)
        } else {
            BasisPoints(0)
        },
        by_table,
        by_percent,
        next_table: if valid { next(by_table, &table_target) } else { Next::Top },
        next_percent: if valid { next(by_percent, &percent_target) } else { Next::Top },
    }
}
