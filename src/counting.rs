//! Counting products for KPI 1 (SPEC §4.1–4.2): each product's district from its
//! amphoe cell, the same product counted once across all files, round-1 products
//! excluded, and the readiness summary per district.

use crate::district::{DistrictMatch, DistrictMatcher};
use crate::import::file::ImportedFile;
use crate::import::product::Product;
use crate::issue::Issue;
use serde::Serialize;
use std::collections::HashMap;

/// Readiness counts of one district: entrepreneurs and products per flag.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Readiness {
    pub district: String,
    pub entrepreneurs: i64,
    pub products: i64,
    /// Entrepreneurs with at least one product flagged, per flag (order of `Key::FLAGS`).
    pub entrepreneurs_flagged: [i64; 5],
    /// Products flagged, per flag.
    pub products_flagged: [i64; 5],
    pub online_products: i64,
}

/// The result of counting.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counted {
    /// Online products counted per preset district.
    pub online: Vec<i64>,
    /// Every distinct round-2 product with a known district (for the merged
    /// workbook); shared, so copying the result is cheap.
    pub products: std::sync::Arc<Vec<Product>>,
    /// Round-2 products excluded because round 1 reported them.
    pub excluded_round1: Vec<Product>,
    pub readiness: Vec<Readiness>,
    pub issues: Vec<Issue>,
}

/// Counts the online products of the round-2 `reports` per district, excluding
/// duplicates and the products of the `round1` reports.
pub fn count(districts: &[String], reports: &[ImportedFile], round1: &[ImportedFile]) -> Counted {
    let mut out = Counted { online: vec![0; districts.len()], ..Default::default() };
    let round1_ids: HashMap<(String, String), &Product> =
        round1.iter().flat_map(|f| f.products.iter()).map(|p| (p.identity(), p)).collect();
    let mut seen: HashMap<(String, String), (String, String, u32)> = HashMap::new();
    let mut entrepreneurs: Vec<HashMap<String, [bool; 5]>> = vec![HashMap::new(); districts.len()];
    out.readiness = districts.iter().map(|d| Readiness { district: d.clone(), ..Default::default() }).collect();
    let mut matcher = DistrictMatcher::new(districts);
    let mut products = Vec::new();
    for p in reports.iter().flat_map(|f| f.products.iter()) {
        let at = |i: Issue| i.in_file(&p.file).at(Some(&p.sheet), Some(p.row), Some("อำเภอ"));
        let district = match matcher.find(&p.amphoe) {
            DistrictMatch::Found(i) => i,
            DistrictMatch::Unknown(_) if p.amphoe.trim().is_empty() => {
                out.issues.push(at(Issue::report_amphoe_missing(&p.product_name)));
                continue;
            }
            DistrictMatch::Unknown(near) | DistrictMatch::Ambiguous(near) => {
                out.issues.push(at(Issue::report_amphoe_unknown(&p.amphoe, &near)));
                continue;
            }
        };
        let id = p.identity();
        if let Some((file, sheet, row)) = seen.get(&id) {
            let first = format!("{file} › {sheet} › ");
            let (th, en) = (format!("{first}แถว {row}"), format!("{first}row {row}"));
            out.issues.push(
                Issue::report_duplicate(&p.product_name, &p.entrepreneur_name, &th, &en).in_file(&p.file).at(
                    Some(&p.sheet),
                    Some(p.row),
                    Some("ชื่อผลิตภัณฑ์"),
                ),
            );
            continue;
        }
        seen.insert(id.clone(), (p.file.clone(), p.sheet.clone(), p.row));
        let mut p = p.clone();
        p.district = Some(district);
        if let Some(r1) = round1_ids.get(&id) {
            out.issues.push(Issue::report_round1(&p.product_name, &r1.place_th(), &r1.place_en()).in_file(&p.file).at(
                Some(&p.sheet),
                Some(p.row),
                Some("ชื่อผลิตภัณฑ์"),
            ));
            out.excluded_round1.push(p);
            continue;
        }
        let (Some(ready), Some(ents), Some(online)) =
            (out.readiness.get_mut(district), entrepreneurs.get_mut(district), out.online.get_mut(district))
        else {
            continue;
        };
        ready.products += 1;
        if p.is_online() {
            *online += 1;
            ready.online_products += 1;
        }
        let who = id.0.clone();
        let e = ents.entry(who).or_insert([false; 5]);
        for ((flag, products), entrepreneur) in p.flags.iter().zip(&mut ready.products_flagged).zip(e.iter_mut()) {
            if *flag {
                *products += 1;
                *entrepreneur = true;
            }
        }
        products.push(p);
    }
    out.products = std::sync::Arc::new(products);
    for (ready, ents) in out.readiness.iter_mut().zip(&entrepreneurs) {
        ready.entrepreneurs = ents.len() as i64;
        for flags in ents.values() {
            for (count, flag) in ready.entrepreneurs_flagged.iter_mut().zip(flags) {
                *count += i64::from(*flag);
            }
        }
    }
    out
}
