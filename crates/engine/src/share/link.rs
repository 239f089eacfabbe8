//! The results link's payload: what travels, field by field (README, "The
//! results link"), and its checks.

use otop_model::calendar::{Day, Window, YearMonth};
use otop_model::money::{BasisPoints, Satang};
use otop_model::preset::{District, Preset, ScoringRule, Thresholds};
use otop_model::targets::{product_targets, revenue_targets};
use serde::{Deserialize, Serialize};

/// A province or district name: its official code (the Department of
/// Provincial Administration's, by `otop_model::divisions`) when the run spells it as
/// the official list does, else the name itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Name {
    /// The official code.
    Code(u16),
    /// A name the official list does not spell so.
    Text(String),
}

/// One district's aggregates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistrictLink {
    /// The district.
    pub name: Name,
    /// Registered products.
    pub products: i64,
    /// Products sold online, counted.
    pub online: i64,
    /// Base-period sales, satang.
    pub base: i64,
    /// Evaluation-window sales, satang (none without sales data).
    pub sales: Option<i64>,
    /// Whether a report of the district was read.
    pub sent: bool,
    /// The letter's five targets: online products, and sales in satang.
    pub kpi1_targets: [i64; 5],
    /// The letter's five KPI 2 targets, in satang.
    pub kpi2_targets: [i64; 5],
}

/// One province's settings and districts, and its totals (a check).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvinceLink {
    /// The province.
    pub province: Name,
    /// The fiscal year, B.E.
    pub fiscal_year: i32,
    /// The evaluation round.
    pub round: u32,
    /// The evaluation window: (year B.E., month) of its first and last month.
    pub window: [(i32, u32); 2],
    /// The thresholds in basis points: the reference column, then scores 2–5.
    pub kpi1: [i64; 5],
    /// KPI 2's thresholds, likewise.
    pub kpi2: [i64; 5],
    /// 0: by the target table; 1: by the exact percentage.
    pub rule: u8,
    /// Whether the province has its readiness survey report.
    pub survey_done: bool,
    /// The districts, in the preset's order.
    pub districts: Vec<DistrictLink>,
    /// Sums of the districts' products, online, base and sales (sales: none
    /// when a district has none).
    pub totals: [i64; 3],
    /// The districts' sales total (none when a district has none).
    pub sales_total: Option<i64>,
}

/// The whole payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The date of the data (the day the link was made), B.E.
    pub date: Option<(i32, u32, u32)>,
    /// The provinces, in the run's order.
    pub provinces: Vec<ProvinceLink>,
}

/// The most provinces and districts a link may hold (77 provinces; a province
/// has at most 50 districts), and the longest name.
pub const MAX_PROVINCES: usize = 100;
/// The most districts of one province a link may hold.
pub const MAX_DISTRICTS: usize = 200;
/// The longest name a link may hold, in bytes.
pub const MAX_NAME: usize = 300;

fn thresholds(columns: [i64; 5]) -> Thresholds {
    let [reference, a, b, c, d] = columns.map(BasisPoints);
    Thresholds { reference, levels: [a, b, c, d] }
}

impl ProvinceLink {
    /// The preset the link's figures were scored against (names resolved by `name`).
    pub fn preset(&self, name: impl Fn(&Name, Option<&str>) -> Option<String>) -> Option<Preset> {
        let province = name(&self.province, None)?;
        let districts = self
            .districts
            .iter()
            .map(|d| {
                let name = name(&d.name, Some(&province))?;
                Some(District { name, entrepreneurs: 0, products: d.products, base: Satang(d.base) })
            })
            .collect::<Option<Vec<_>>>()?;
        let [(y1, m1), (y2, m2)] = self.window;
        Some(Preset {
            province,
            fiscal_year: self.fiscal_year,
            round: self.round,
            window: Window { start: YearMonth { year: y1, month: m1 }, end: YearMonth { year: y2, month: m2 } },
            districts,
            kpi1: thresholds(self.kpi1),
            kpi2: thresholds(self.kpi2),
            rule: if self.rule == 1 { ScoringRule::Percent } else { ScoringRule::Table },
            survey_done: self.survey_done,
            mark_only: Default::default(),
            deadline: None,
        })
    }

    /// Why the figures do not hold together, if they do not: the totals are
    /// the districts' sums, and the targets are the letter's for the figures.
    pub fn check(&self) -> Result<(), String> {
        if self.districts.len() > MAX_DISTRICTS {
            return Err(format!("{} districts", self.districts.len()));
        }
        let (sums, sales) = totals(&self.districts);
        if sums != self.totals {
            return Err(format!("the districts add up to {sums:?}, the totals say {:?}", self.totals));
        }
        if sales.is_some() && sales != self.sales_total {
            return Err("the districts' sales do not add up to the total".into());
        }
        let (k1, k2) = (thresholds(self.kpi1), thresholds(self.kpi2));
        for d in &self.districts {
            let negative = [d.products, d.online, d.base].iter().chain(&d.sales).any(|v| *v < 0);
            let targets = (product_targets(d.products, &k1), revenue_targets(Satang(d.base), &k2).map(|s| s.0));
            if negative || targets != (d.kpi1_targets, d.kpi2_targets) {
                return Err(format!("the figures of {:?} do not give its targets", d.name));
            }
        }
        Ok(())
    }
}

/// The sums of `districts`' products, online and base, and of their sales (none
/// when a district has none): what a province's totals must be.
pub fn totals(districts: &[DistrictLink]) -> ([i64; 3], Option<i64>) {
    let sum = |f: fn(&DistrictLink) -> i64| districts.iter().fold(0i64, |s, d| s.saturating_add(f(d)));
    let sales = districts.iter().map(|d| d.sales).try_fold(0i64, |s, x| Some(s.saturating_add(x?)));
    ([sum(|d| d.products), sum(|d| d.online), sum(|d| d.base)], sales)
}

/// A district's link figures.
pub fn district_link(
    name: Name,
    d: &District,
    online: i64,
    sales: Option<Satang>,
    sent: bool,
    p: &Preset,
) -> DistrictLink {
    DistrictLink {
        name,
        products: d.products,
        online,
        base: d.base.0,
        sales: sales.map(|s| s.0),
        sent,
        kpi1_targets: product_targets(d.products, &p.kpi1),
        kpi2_targets: revenue_targets(d.base, &p.kpi2).map(|s| s.0),
    }
}

/// The date as the link holds it.
pub fn date_of(day: Option<Day>) -> Option<(i32, u32, u32)> {
    day.map(|d| (d.year, d.month, d.day))
}
