//! Figures that look wrong: a district figure more than ten times the median of
//! the other districts is flagged as a warning, never changed (SPEC §2).
//!
//! ```
//! use otop_model::{preset::Preset, outliers::preset_outliers};
//! let warnings = preset_outliers(&Preset::sa_kaeo_2564_round2());
//! assert_eq!(warnings.len(), 1);
//! assert!(warnings[0].message_en.contains("วังสมบูรณ์"));
//! ```

use crate::display;
use crate::issue::preset::Figure;
use crate::issue::Issue;
use crate::money::{BasisPoints, Satang};
use crate::preset::Preset;

/// How many times the median of the others a figure may be before it is flagged.
pub const FACTOR: i128 = 10;

/// Indices of the values greater than `FACTOR` × the median of the other values.
/// Needs at least three values (two others to take a median of).
///
/// ```
/// # use otop_model::outliers::outliers;
/// assert_eq!(outliers(&[10, 12, 11, 500]), vec![3]);
/// assert_eq!(outliers(&[10, 12]), Vec::<usize>::new());
/// ```
pub fn outliers(values: &[i128]) -> Vec<usize> {
    if values.len() < 3 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, &v) in values.iter().enumerate() {
        let mut others: Vec<i128> = values.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, &x)| x).collect();
        others.sort_unstable();
        // Twice the median, to stay in integers for an even count.
        let (low, high) = (others.get((others.len() - 1) / 2), others.get(others.len() / 2));
        let twice_median = low.zip(high).map_or(0, |(a, b)| a + b);
        if twice_median > 0 && v * 2 > FACTOR * twice_median {
            out.push(i);
        }
    }
    out
}

/// Warnings for the preset's district figures (entrepreneurs, products, base sales).
pub fn preset_outliers(preset: &Preset) -> Vec<Issue> {
    let mut out = Vec::new();
    let ds = &preset.districts;
    let figures = [
        (Figure::Entrepreneurs, ds.iter().map(|d| d.entrepreneurs as i128).collect::<Vec<_>>()),
        (Figure::Products, ds.iter().map(|d| d.products as i128).collect()),
        (Figure::Base, ds.iter().map(|d| d.base.0 as i128).collect()),
    ];
    for (figure, values) in figures {
        for i in outliers(&values) {
            let Some(d) = ds.get(i) else { continue };
            let shown = match figure {
                Figure::Base => format!("{} บาท", display::baht(d.base)),
                Figure::Entrepreneurs => display::count(d.entrepreneurs),
                Figure::Products => display::count(d.products),
            };
            let total: i128 = values.iter().sum();
            let value = values.get(i).copied().unwrap_or_default();
            let share = if total > 0 { BasisPoints::ratio(value, total) } else { Default::default() };
            out.push(Issue::preset_outlier(figure, &d.name, &shown, share, FACTOR));
        }
    }
    out
}

/// A sales figure (satang per district, `None` where missing) checked the same way.
pub fn sales_outliers(names: &[&str], sales: &[Satang]) -> Vec<Issue> {
    let values: Vec<i128> = sales.iter().map(|s| s.0 as i128).collect();
    outliers(&values)
        .into_iter()
        .filter_map(|i| {
            let name = names.get(i)?;
            let s = sales.get(i)?;
            Some(Issue::sales_outlier(name, *s, FACTOR))
        })
        .collect()
}
