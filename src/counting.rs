//! Counting products for KPI 1 (SPEC §4.1–4.2): each product's district from its
//! amphoe cell, the same product counted once across all files, round-1 products
//! excluded, and the readiness summary per district.

use crate::import::report::Product;
use crate::import::text::{compact, edit_distance};
use crate::import::ImportedFile;
use crate::issue::Issue;
use serde::Serialize;
use std::collections::HashMap;

/// Why an amphoe cell did not match a district.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DistrictMatch {
    Found(usize),
    /// Unknown: the closest district names, best first.
    Unknown(Vec<String>),
    /// "อ.เมือง" and two districts starting with เมือง, say.
    Ambiguous(Vec<String>),
}

fn strip_prefix(c: &str) -> &str {
    c.strip_prefix("อำเภอ").or_else(|| c.strip_prefix("อ.")).unwrap_or(c)
}

/// Matches an amphoe cell to one of `districts`, after normalising: "อำเภอ" or
/// "อ." in front, spaces, Thai digits and case do not matter, and a name that
/// begins only one district ("อ.เมือง" → เมืองสระแก้ว) is that district.
///
/// ```
/// use otop_kpi::counting::{match_district, DistrictMatch};
/// let d = vec!["เมืองสระแก้ว".to_string(), "คลองหาด".to_string()];
/// assert_eq!(match_district("อ.เมือง", &d), DistrictMatch::Found(0));
/// assert_eq!(match_district(" อำเภอ คลองหาด ", &d), DistrictMatch::Found(1));
/// assert!(matches!(match_district("คลองหาร", &d), DistrictMatch::Unknown(s) if s[0] == "คลองหาด"));
/// ```
pub fn match_district(raw: &str, districts: &[String]) -> DistrictMatch {
    DistrictMatcher::new(districts).find(raw)
}

/// Matches many amphoe cells against the same districts: the district names are
/// normalised once and each distinct cell text is matched once.
pub struct DistrictMatcher<'a> {
    districts: &'a [String],
    names: Vec<String>,
    seen: HashMap<String, DistrictMatch>,
}

impl<'a> DistrictMatcher<'a> {
    pub fn new(districts: &'a [String]) -> DistrictMatcher<'a> {
        let names = districts.iter().map(|d| strip_prefix(&compact(d)).to_string()).collect();
        DistrictMatcher { districts, names, seen: HashMap::new() }
    }

    /// [`match_district`] of `raw`, remembered.
    pub fn find(&mut self, raw: &str) -> DistrictMatch {
        if let Some(m) = self.seen.get(raw) {
            return m.clone();
        }
        let m = match_names(raw, self.districts, &self.names);
        self.seen.insert(raw.to_string(), m.clone());
        m
    }
}

fn match_names(raw: &str, districts: &[String], names: &[String]) -> DistrictMatch {
    let c = compact(raw);
    let want = strip_prefix(&c);
    if let Some(i) = names.iter().position(|n| n == want) {
        return DistrictMatch::Found(i);
    }
    if !want.is_empty() {
        let starts: Vec<usize> =
            (0..names.len()).filter(|&i| names[i].starts_with(want) || want.starts_with(names[i].as_str())).collect();
        match starts.as_slice() {
            [one] => return DistrictMatch::Found(*one),
            [] => {}
            many => return DistrictMatch::Ambiguous(many.iter().filter_map(|&i| districts.get(i).cloned()).collect()),
        }
    }
    let mut ranked: Vec<(usize, &String)> =
        districts.iter().zip(names).map(|(d, n)| (edit_distance(want, n), d)).collect();
    ranked.sort_by_key(|(dist, _)| *dist);
    DistrictMatch::Unknown(ranked.into_iter().take(3).map(|(_, d)| d.clone()).collect())
}

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
                out.issues.push(at(Issue::error(
                    "report.amphoe.missing",
                    format!("ไม่มีชื่ออำเภอของผลิตภัณฑ์ \"{}\" จึงไม่ถูกนับ — ใส่ชื่ออำเภอ", p.product_name),
                    format!("Product \"{}\" has no district, so it is not counted: type the district", p.product_name),
                )));
                continue;
            }
            DistrictMatch::Unknown(near) | DistrictMatch::Ambiguous(near) => {
                let list = near.join(", ");
                out.issues.push(at(Issue::error(
                    "report.amphoe.unknown",
                    format!("ไม่รู้จักอำเภอ \"{}\" จึงไม่ถูกนับ — ใกล้เคียงที่สุด: {list}; แก้ชื่ออำเภอให้ตรง", p.amphoe),
                    format!("Unknown district \"{}\", so the product is not counted. Closest: {list}. Correct the district name", p.amphoe),
                )));
                continue;
            }
        };
        let id = p.identity();
        if let Some((file, sheet, row)) = seen.get(&id) {
            out.issues.push(Issue::warning(
                "report.duplicate",
                format!("ผลิตภัณฑ์ \"{}\" ของ \"{}\" ซ้ำกับ {file} › {sheet} › แถว {row} — นับครั้งเดียว; ลบแถวที่ซ้ำ", p.product_name, p.entrepreneur_name),
                format!("Product \"{}\" of \"{}\" repeats {file} › {sheet} › row {row}: counted once; delete the repeated row", p.product_name, p.entrepreneur_name),
            ).in_file(&p.file).at(Some(&p.sheet), Some(p.row), Some("ชื่อผลิตภัณฑ์")));
            continue;
        }
        seen.insert(id.clone(), (p.file.clone(), p.sheet.clone(), p.row));
        let mut p = p.clone();
        p.district = Some(district);
        if let Some(r1) = round1_ids.get(&id) {
            out.issues.push(
                Issue::warning(
                    "report.round1",
                    format!("ผลิตภัณฑ์ \"{}\" รายงานไปแล้วในรอบที่ 1 ({}) — ไม่นับซ้ำในรอบที่ 2", p.product_name, r1.place_th()),
                    format!(
                        "Product \"{}\" was reported in round 1 ({}): not counted again in round 2",
                        p.product_name,
                        r1.place_en()
                    ),
                )
                .in_file(&p.file)
                .at(Some(&p.sheet), Some(p.row), Some("ชื่อผลิตภัณฑ์")),
            );
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
        for k in 0..5 {
            if p.flags[k] {
                ready.products_flagged[k] += 1;
                e[k] = true;
            }
        }
        products.push(p);
    }
    out.products = std::sync::Arc::new(products);
    for (ready, ents) in out.readiness.iter_mut().zip(&entrepreneurs) {
        ready.entrepreneurs = ents.len() as i64;
        for flags in ents.values() {
            for k in 0..5 {
                ready.entrepreneurs_flagged[k] += i64::from(flags[k]);
            }
        }
    }
    out
}
