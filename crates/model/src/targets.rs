//! The letter's two target tables (attachments 1 and 2), computed exactly.
//!
//! District target = registered products × p / 100, rounded half up to a whole
//! product; revenue target = base × (100 + p) / 100, rounded half up to a whole
//! baht. The province row is computed from the province totals, not by adding the
//! district targets (SPEC §2).
//!
//! ```
//! use otop_model::{preset::Preset, targets::TargetTables};
//! let t = TargetTables::of(&Preset::sa_kaeo_2564_round2());
//! assert_eq!(t.districts[0].kpi1, [29, 33, 37, 41, 45]);
//! assert_eq!(t.province.kpi1, [134, 154, 173, 192, 211]);
//! assert_eq!(t.province.kpi2[0].baht(), 2_695_743_917);
//! ```

use crate::money::{div_round_half_up, BasisPoints, Satang};
use crate::preset::{Preset, Thresholds};
use serde::Serialize;

/// KPI 1 target: `products × p`, rounded half up to a whole product.
///
/// ```
/// # use otop_model::{targets::product_target, money::BasisPoints};
/// assert_eq!(product_target(412, BasisPoints::percent(9)), 37); // 37.08
/// assert_eq!(product_target(1921, BasisPoints::percent(8)), 154); // 153.68
/// ```
pub fn product_target(products: i64, p: BasisPoints) -> i64 {
    div_round_half_up(products as i128 * p.0 as i128, 10_000) as i64
}

/// KPI 2 target: `base × (100 % + p)`, rounded half up to a whole baht.
///
/// ```
/// # use otop_model::{targets::revenue_target, money::{BasisPoints, Satang}};
/// assert_eq!(revenue_target(Satang::from_baht(68_302_860), BasisPoints::percent(6)).baht(), 72_401_032);
/// ```
pub fn revenue_target(base: Satang, p: BasisPoints) -> Satang {
    let baht = div_round_half_up(base.0 as i128 * (10_000 + p.0 as i128), 1_000_000);
    Satang(baht.saturating_mul(100).clamp(i64::MIN as i128, i64::MAX as i128) as i64)
}

/// The five KPI 1 targets for a product count (reference column, then scores 2–5).
pub fn product_targets(products: i64, t: &Thresholds) -> [i64; 5] {
    t.columns().map(|p| product_target(products, p))
}

/// The five KPI 2 targets for a base (reference column, then scores 2–5).
pub fn revenue_targets(base: Satang, t: &Thresholds) -> [Satang; 5] {
    t.columns().map(|p| revenue_target(base, p))
}

/// One row of both target tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TargetRow {
    /// The district (the province's label on its total row).
    pub district: String,
    /// Entrepreneurs.
    pub entrepreneurs: i64,
    /// Registered products.
    pub products: i64,
    #[serde(with = "crate::preset::baht_json")]
    /// Base-year sales.
    pub base: Satang,
    /// KPI 1 product counts: the reference column (7 %), then scores 2–5.
    pub kpi1: [i64; 5],
    /// KPI 2 amounts in whole baht: the reference column (6 %), then scores 2–5.
    pub kpi2: [Satang; 5],
}

impl TargetRow {
    fn new(district: String, entrepreneurs: i64, products: i64, base: Satang, preset: &Preset) -> TargetRow {
        TargetRow {
            district,
            entrepreneurs,
            products,
            base,
            kpi1: product_targets(products, &preset.kpi1),
            kpi2: revenue_targets(base, &preset.kpi2),
        }
    }
}

/// Both target tables of a preset: one row per district and the province row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TargetTables {
    /// The districts' rows, in the preset's order.
    pub districts: Vec<TargetRow>,
    /// The province's total row.
    pub province: TargetRow,
}

impl TargetTables {
    /// Computes both tables; the province row comes from the province totals.
    pub fn of(preset: &Preset) -> TargetTables {
        let districts = preset
            .districts
            .iter()
            .map(|d| TargetRow::new(d.name.clone(), d.entrepreneurs, d.products, d.base, preset))
            .collect();
        let (e, p, b) = preset.totals();
        TargetTables { districts, province: TargetRow::new(preset.province_label(), e, p, b, preset) }
    }
}
