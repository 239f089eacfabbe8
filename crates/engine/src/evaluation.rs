//! Both KPIs for every district and the province, from counted products and
//! sales: the rows of the page's tables and of `otop-kpi score --json` (SPEC §9).
//!
//! ```
//! use otop_engine::evaluation::Evaluation;
//! use otop_model::preset::Preset;
//! let p = Preset::sa_kaeo_2564_round2();
//! let online = vec![37, 0, 0, 0, 0, 0, 0, 0, 0];
//! let e = Evaluation::new(&p, &online, &[]);
//! assert_eq!(e.districts[0].kpi1.by_table, 3);
//! assert_eq!(e.province.kpi1.online, 37);
//! assert!(e.province.kpi2.is_none());
//! ```

use otop_model::money::Satang;
use otop_model::preset::{Preset, ScoringRule};
use otop_model::scoring::{kpi1, kpi2, Kpi1Score, Kpi2Score};
use otop_model::targets::{product_targets, revenue_targets};

/// One district's (or the province's) results.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Row {
    /// The district (the province's label on its total row).
    pub district: String,
    /// KPI 1: products, online, percent and both rules' scores.
    pub kpi1: Kpi1Score,
    /// The letter's five KPI 1 targets (products online for scores 1–5).
    pub kpi1_targets: [i64; 5],
    /// Base-period sales.
    pub base: Satang,
    /// `None` without sales data for this district.
    pub kpi2: Option<Kpi2Score>,
    /// The letter's five KPI 2 targets (sales for scores 1–5).
    pub kpi2_targets: [Satang; 5],
}

/// Results of a whole province.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Evaluation {
    /// The preset's districts, in its order.
    pub districts: Vec<Row>,
    /// The province's total row, scored on its totals.
    pub province: Row,
    /// The scoring rule the scores are shown under.
    pub rule: ScoringRule,
    /// Whether the province has its readiness survey report (needed for score 5).
    pub survey_done: bool,
}

impl Evaluation {
    /// Scores every district from its online product count (`online[i]` for the
    /// preset's district `i`; missing entries count 0) and its sales (`sales[i]`,
    /// `None` or missing when there are no sales data). The province row is scored
    /// from the totals, with targets from the province totals.
    pub fn new(preset: &Preset, online: &[i64], sales: &[Option<Satang>]) -> Evaluation {
        let survey = preset.survey_done;
        let row = |name: String, products: i64, on: i64, base: Satang, sale: Option<Satang>| Row {
            district: name,
            kpi1: kpi1(on, products, &preset.kpi1, survey),
            kpi1_targets: product_targets(products, &preset.kpi1),
            base,
            kpi2: sale.map(|s| kpi2(s, base, &preset.kpi2)),
            kpi2_targets: revenue_targets(base, &preset.kpi2),
        };
        let districts: Vec<Row> = preset
            .districts
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let on = online.get(i).copied().unwrap_or(0);
                let sale = sales.get(i).copied().flatten();
                row(d.name.clone(), d.products, on, d.base, sale)
            })
            .collect();
        let (_, products, base) = preset.totals();
        let total_online = districts.iter().map(|r| r.kpi1.online).fold(0i64, i64::saturating_add);
        let any_sales = districts.iter().any(|r| r.kpi2.is_some());
        let total_sales =
            districts.iter().filter_map(|r| r.kpi2.as_ref().map(|k| k.sales)).fold(Satang(0), Satang::plus);
        let province = row(preset.province_label(), products, total_online, base, any_sales.then_some(total_sales));
        Evaluation { districts, province, rule: preset.rule, survey_done: survey }
    }
}
