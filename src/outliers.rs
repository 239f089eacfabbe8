//! Figures that look wrong: a district figure more than ten times the median of
//! the other districts is flagged as a warning, never changed (SPEC §2).
//!
//! ```
//! use otop_kpi::{preset::Preset, outliers::preset_outliers};
//! let warnings = preset_outliers(&Preset::sa_kaeo_2564_round2());
//! assert_eq!(warnings.len(), 1);
//! assert!(warnings[0].message_en.contains("วังสมบูรณ์"));
//! ```

use crate::display;
use crate::issue::Issue;
use crate::money::Satang;
use crate::preset::Preset;

/// How many times the median of the others a figure may be before it is flagged.
pub const FACTOR: i128 = 10;

/// Indices of the values greater than `FACTOR` × the median of the other values.
/// Needs at least three values (two others to take a median of).
///
/// ```
/// # use otop_kpi::outliers::outliers;
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
        let n = others.len();
        // Twice the median, to stay in integers for an even count.
        let twice_median = if n % 2 == 1 { others[n / 2] * 2 } else { others[n / 2 - 1] + others[n / 2] };
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
    let figures: [(&str, &str, &str, Vec<i128>); 3] = [
        (
            "entrepreneurs",
            "จำนวนผู้ประกอบการ",
            "registered entrepreneurs",
            ds.iter().map(|d| d.entrepreneurs as i128).collect(),
        ),
        ("products", "จำนวนผลิตภัณฑ์", "registered products", ds.iter().map(|d| d.products as i128).collect()),
        ("base", "ยอดจำหน่ายปีฐาน", "base-year sales", ds.iter().map(|d| d.base.0 as i128).collect()),
    ];
    for (key, th, en, values) in figures {
        for i in outliers(&values) {
            let Some(d) = ds.get(i) else { continue };
            let shown = match key {
                "base" => format!("{} บาท", display::baht(d.base)),
                "entrepreneurs" => display::count(d.entrepreneurs),
                _ => display::count(d.products),
            };
            let total: i128 = values.iter().sum();
            let share = if total > 0 { crate::money::BasisPoints::ratio(values[i], total) } else { Default::default() };
            out.push(Issue::warning(
                &format!("preset.outlier.{key}"),
                format!("{th}ของอำเภอ{} ({shown}) สูงกว่า {FACTOR} เท่าของค่ากลางของอำเภออื่น และคิดเป็น {share}% ของทั้งจังหวัด — ตรวจว่ากรอกตัวเลขถูกต้องหรือไม่ (ระบบไม่แก้ค่าให้)", d.name),
                format!("The {en} of {} ({shown}) is more than {FACTOR} times the median of the other districts and {share}% of the province: check that it was typed correctly (it is used as it is)", d.name),
            ));
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
            Some(Issue::warning(
                "sales.outlier",
                format!("ยอดจำหน่ายของอำเภอ{name} ({} บาท) สูงกว่า {FACTOR} เท่าของค่ากลางของอำเภออื่น — ตรวจว่ากรอกตัวเลขถูกต้องหรือไม่", display::baht(*s)),
                format!("The sales of {name} ({} baht) are more than {FACTOR} times the median of the other districts: check the figure", display::baht(*s)),
            ))
        })
        .collect()
}
