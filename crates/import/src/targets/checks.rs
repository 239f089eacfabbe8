//! Checking a target table as it is read (SPEC §4.4): its district rows add up
//! to its total row, no district is there twice, and each district belongs to
//! its province by the official list. A table that fails a sum or duplicate
//! check is marked not usable; the issues travel with the table.

use super::{TargetTable, Total};
use otop_model::district::{match_district, DistrictMatch};
use otop_model::divisions::{self, district_key};
use otop_model::imported::cell::Value;
use otop_model::imported::text::money;
use otop_model::issue::preset::Figure;
use otop_model::issue::Issue;
use otop_model::money::Satang;

/// Checks `t` against its `total` row (if it has one), recording what is wrong in `t.checks`.
pub fn check(t: &mut TargetTable, total: Option<&Total>) {
    let first_row = t.rows.first().map(|r| r.row);
    let sheet = t.sheet.clone();
    let at = |i: Issue, row: Option<u32>, column: &str| i.at(Some(&sheet), row, Some(column));
    let mut checks = Vec::new();
    // No district twice (compared by key, "อ." or "อำเภอ" in front ignored).
    let mut seen: Vec<(String, u32)> = Vec::new();
    for r in &t.rows {
        let k = district_key(&r.district);
        match seen.iter().find(|(s, _)| *s == k) {
            Some((_, first)) => {
                checks.push(at(Issue::targets_district_twice(&r.district, *first), Some(r.row), "อำเภอ"));
                t.usable = false;
            }
            None => seen.push((k, r.row)),
        }
    }
    // The district rows against the total row.
    let province = t.province.clone().unwrap_or_default();
    let span = match (t.rows.first(), t.rows.last()) {
        (Some(a), Some(b)) => format!("{}–{}", a.row, b.row),
        _ => String::new(),
    };
    match total {
        None => checks.push(at(Issue::targets_no_total(), first_row, "อำเภอ")),
        Some(total) => {
            let sums: [(Figure, &Option<Value>, Satang); 3] = [
                (Figure::Entrepreneurs, &total.entrepreneurs, whole_sum(t.rows.iter().map(|r| r.entrepreneurs))),
                (Figure::Products, &total.products, whole_sum(t.rows.iter().map(|r| r.products))),
                (Figure::Base, &total.base, t.rows.iter().fold(Satang(0), |s, r| s.plus(r.base.unwrap_or_default()))),
            ];
            for (figure, cell, sum) in sums {
                let Some(cell) = cell else { continue };
                match money(cell) {
                    Ok(Some(printed)) if printed != sum => {
                        let issue = Issue::targets_sum_differs(figure, printed, sum, &span, &province);
                        checks.push(at(issue, Some(total.row), "รวม"));
                        t.usable = false;
                    }
                    Ok(_) => {}
                    Err(_) => {
                        let issue = Issue::targets_total_unreadable(figure, cell.text().trim());
                        checks.push(at(issue, Some(total.row), "รวม"));
                    }
                }
            }
        }
    }
    // Each district a district of its province, by the official list.
    if let Some(listed) = t.province.as_deref().and_then(divisions::province) {
        let names: Vec<String> = listed.districts.iter().map(|d| d.name.to_string()).collect();
        for r in &t.rows {
            if !matches!(match_district(&r.district, &names), DistrictMatch::Found(_)) {
                let others: Vec<&str> = divisions::provinces_of_district(&r.district).iter().map(|p| p.name).collect();
                let issue = Issue::targets_district_not_of_province(&r.district, listed.name, &others);
                checks.push(at(issue, Some(r.row), "อำเภอ"));
            }
        }
    }
    t.checks = checks;
}

fn whole_sum(figures: impl Iterator<Item = Option<i64>>) -> Satang {
    Satang::from_baht(figures.map(Option::unwrap_or_default).fold(0i64, i64::saturating_add))
}
