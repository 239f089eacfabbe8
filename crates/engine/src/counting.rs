//! Counting products for KPI 1 (SPEC §4.1–4.2): each product's district from its
//! amphoe cell, the same product counted once across all files, round-1 products
//! excluded, and the readiness summary per district.

use otop_model::district::{same_province, DistrictMatch, DistrictMatcher};
use otop_model::imported::cell::Text;
use otop_model::imported::file::ImportedFile;
use otop_model::imported::product::Product;
use otop_model::issue::repeats::{Place, Repeats};
use otop_model::issue::{Code, Issue};
use otop_model::preset::MarkOnly;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use std::collections::hash_map::Entry;
use std::sync::Arc;

/// Readiness counts of one district: entrepreneurs and products per flag.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Readiness {
    /// The preset district.
    pub district: String,
    /// Entrepreneurs of the district in its reports (distinct).
    pub entrepreneurs: i64,
    /// Products of the district in its reports.
    pub products: i64,
    /// Entrepreneurs with at least one product flagged, per flag (order of `Key::FLAGS`).
    pub entrepreneurs_flagged: [i64; 5],
    /// Products flagged, per flag.
    pub products_flagged: [i64; 5],
    /// Products of the district sold online.
    pub online_products: i64,
}

/// A product counted: which report file and which of its products, and the
/// preset district it was matched to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Kept {
    /// The report file (an index into the files counted).
    pub file: usize,
    /// The product within that file.
    pub index: usize,
    /// The preset district it counts for.
    pub district: usize,
}

/// Why a round-2 product was not counted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Exclusion {
    /// Round 1 reported it; where, in Thai and English.
    Round1 {
        /// Where round 1 has it, in Thai.
        th: String,
        /// The same in English.
        en: String,
    },
    /// It repeats a product counted before; where that one is, in Thai and English.
    Duplicate {
        /// Where the product counted is, in Thai.
        th: String,
        /// The same in English.
        en: String,
    },
    /// Its amphoe cell names no district of the preset.
    DistrictUnknown,
    /// Its amphoe cell is empty and the sheet names no district.
    DistrictMissing,
}

impl Exclusion {
    /// The reason in Thai and in English.
    pub fn reason(&self) -> (String, String) {
        match self {
            Exclusion::Round1 { th, en } => {
                (format!("รายงานแล้วในรอบที่ 1 ({th})"), format!("reported in round 1 ({en})"))
            }
            Exclusion::Duplicate { th, en } => (format!("ซ้ำกับ {th}"), format!("repeats {en}")),
            Exclusion::DistrictUnknown => ("ไม่รู้จักอำเภอ".into(), "unknown district".into()),
            Exclusion::DistrictMissing => ("ไม่ระบุอำเภอ".into(), "no district".into()),
        }
    }
}

/// A product left out of the count: which file and product, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Excluded {
    /// The report file (an index into the files counted).
    pub file: usize,
    /// The product within that file.
    pub index: usize,
    /// Why it was left out.
    pub reason: Exclusion,
}

/// The result of counting.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Counted {
    /// Online products counted per preset district.
    pub online: Vec<i64>,
    /// The report files' products, shared with the files (not copied).
    pub files: Vec<Arc<Vec<Product>>>,
    /// Every distinct round-2 product with a known district, in order (for the
    /// merged workbook).
    pub kept: Vec<Kept>,
    /// Round-2 products left out (round 1, duplicates, unknown district), in order.
    pub excluded: Vec<Excluded>,
    /// Readiness counts per preset district.
    pub readiness: Vec<Readiness>,
    /// Per preset district: whether a round-2 report read has a product of it
    /// (counted, or left out as a repeat or a round-1 product): it has sent its report.
    pub sent: Vec<bool>,
    /// What counting found to say (duplicates, unknown districts, marks only, …).
    pub issues: Vec<Issue>,
}

impl Counted {
    /// The products counted, with their districts, in order.
    pub fn products(&self) -> impl Iterator<Item = (&Product, usize)> + '_ {
        self.kept.iter().filter_map(|k| Some((self.files.get(k.file)?.get(k.index)?, k.district)))
    }

    /// The products left out, with why.
    pub fn excluded_products(&self) -> impl Iterator<Item = (&Product, &Exclusion)> + '_ {
        self.excluded.iter().filter_map(|x| Some((self.files.get(x.file)?.get(x.index)?, &x.reason)))
    }
}

/// What the official list says of a district name the preset does not have.
#[derive(Debug, Clone)]
enum Listed {
    /// A district of these provinces, none of them the run's.
    Elsewhere(Vec<&'static str>),
    /// A district of the run's province (the preset lacks it).
    Here,
    /// No district of Thailand has this name.
    Nowhere,
}

impl Listed {
    fn of(typed: &str, here: Option<&str>) -> Listed {
        let listed = otop_model::divisions::provinces_of_district(typed);
        let is_here = |name: &str| here.is_some_and(|h| same_province(h, name));
        match listed.as_slice() {
            [] => Listed::Nowhere,
            l if l.iter().any(|p| is_here(p.name)) => Listed::Here,
            l => Listed::Elsewhere(l.iter().map(|p| p.name).collect()),
        }
    }
}

/// Counts the online products of the round-2 `reports` per district, excluding
/// duplicates and the products of the `round1` reports. Products are read in
/// place: nothing is copied per product.
///
/// A product whose channel cells hold only a mark (✓, 1) counts as `mark_only`
/// says, and each file with such products gets one warning saying how many.
pub fn count(districts: &[String], reports: &[ImportedFile], round1: &[ImportedFile], mark_only: MarkOnly) -> Counted {
    Counting::new(districts, reports, round1, mark_only).finish()
}

/// [`count`] made a slice of products at a time (the page counts a file of
/// hundreds of thousands of rows in several tasks):
///
/// ```
/// use otop_engine::counting::{count, Counting};
/// use otop_model::preset::MarkOnly;
/// let names = ["คลองหาด".to_string()];
/// let mut c = Counting::new(&names, &[], &[], MarkOnly::Warn);
/// assert!(c.step(1000));
/// assert_eq!(c.finish(), count(&names, &[], &[], MarkOnly::Warn));
/// ```
pub struct Counting {
    mark_only: MarkOnly,
    matcher: DistrictMatcher,
    round1: Vec<Arc<Vec<Product>>>,
    /// Round 1's products by identity: (file, index) in `round1`.
    round1_ids: HashMap<(Text, Text), (usize, usize)>,
    /// The products counted so far by identity: (file, index) in `out.files`.
    seen: HashMap<(Text, Text), (usize, usize)>,
    /// Per district, each entrepreneur's flags.
    entrepreneurs: Vec<HashMap<Text, [bool; 5]>>,
    /// Per file: the products with only marks for channels, and the first of them.
    marks_only: Vec<(usize, Option<usize>)>,
    /// The next product: (file, index).
    next: (usize, usize),
    /// The issues so far, an unknown district once per name and sheet.
    issues: Repeats,
    /// The province of the run, when known (to tell a district of another province).
    province: Option<String>,
    /// What the official list says of each unknown district text (looked up once per text).
    listed: HashMap<Text, Listed>,
    out: Counted,
}

impl Counting {
    /// Ready to count; nothing counted yet.
    pub fn new(
        districts: &[String],
        reports: &[ImportedFile],
        round1: &[ImportedFile],
        mark_only: MarkOnly,
    ) -> Counting {
        let files: Vec<Arc<Vec<Product>>> = reports.iter().map(|f| f.products.clone()).collect();
        let round1: Vec<Arc<Vec<Product>>> = round1.iter().map(|f| f.products.clone()).collect();
        let mut round1_ids = HashMap::default();
        for (f, products) in round1.iter().enumerate() {
            for (i, p) in products.iter().enumerate() {
                // (The last of the same identity, as before.)
                round1_ids.insert(p.identity.clone(), (f, i));
            }
        }
        let readiness = districts.iter().map(|d| Readiness { district: d.clone(), ..Default::default() }).collect();
        Counting {
            mark_only,
            matcher: DistrictMatcher::new(districts),
            round1,
            round1_ids,
            seen: HashMap::default(),
            entrepreneurs: vec![HashMap::default(); districts.len()],
            marks_only: vec![(0, None); files.len()],
            next: (0, 0),
            issues: Repeats::default(),
            province: None,
            listed: HashMap::default(),
            out: Counted {
                online: vec![0; districts.len()],
                sent: vec![false; districts.len()],
                files,
                readiness,
                ..Default::default()
            },
        }
    }

    /// The same counting, for `province`'s districts: an unknown district that
    /// the official list puts in another province is said to be that province's.
    /// "อ.เมือง" alone is the province's capital district.
    pub fn in_province(mut self, province: &str) -> Counting {
        self.province = Some(province.trim().to_string()).filter(|p| !p.is_empty());
        self.matcher = self.matcher.in_province(province);
        self
    }

    /// Counts up to `most` more products; `true` once every product is counted.
    pub fn step(&mut self, most: usize) -> bool {
        let Counting {
            mark_only,
            matcher,
            round1,
            round1_ids,
            seen,
            entrepreneurs,
            marks_only,
            next,
            issues,
            province,
            listed,
            out,
        } = self;
        let files = out.files.clone();
        for _ in 0..most {
            let (file, index) = *next;
            let Some(products) = files.get(file) else { return true };
            let Some(p) = products.get(index) else {
                *next = (file + 1, 0);
                continue;
            };
            *next = (file, index + 1);
            let at = |code| Place { code, file: &p.file, sheet: &p.sheet, column: "อำเภอ", row: p.row };
            let district = match matcher.find_text(&p.amphoe) {
                DistrictMatch::Found(i) => {
                    if let Some(sent) = out.sent.get_mut(i) {
                        *sent = true;
                    }
                    i
                }
                DistrictMatch::Unknown(_) if p.amphoe.trim().is_empty() => {
                    issues.push_repeat(at(Code::ReportAmphoeMissing), "", Issue::report_amphoe_missing);
                    out.excluded.push(Excluded { file, index, reason: Exclusion::DistrictMissing });
                    continue;
                }
                DistrictMatch::Unknown(near) => {
                    let here = province.as_deref();
                    let (typed, near) = (&p.amphoe, &near);
                    match listed.entry(typed.clone()).or_insert_with(|| Listed::of(typed, here)) {
                        Listed::Elsewhere(others) => {
                            let make = || Issue::report_amphoe_other_province(typed, others, here);
                            issues.push_repeat(at(Code::ReportAmphoeOtherProvince), typed, make)
                        }
                        Listed::Here => {
                            let make = || Issue::report_amphoe_unknown(typed, near);
                            issues.push_repeat(at(Code::ReportAmphoeUnknown), typed, make)
                        }
                        Listed::Nowhere => {
                            let make = || Issue::report_amphoe_nowhere(typed, near);
                            issues.push_repeat(at(Code::ReportAmphoeUnknown), typed, make)
                        }
                    }
                    out.excluded.push(Excluded { file, index, reason: Exclusion::DistrictUnknown });
                    continue;
                }
                DistrictMatch::Ambiguous(near) => {
                    let make = || Issue::report_amphoe_unknown(&p.amphoe, &near);
                    issues.push_repeat(at(Code::ReportAmphoeUnknown), &p.amphoe, make);
                    out.excluded.push(Excluded { file, index, reason: Exclusion::DistrictUnknown });
                    continue;
                }
            };
            let place = |i: Issue| i.in_file(&p.file).at(Some(&p.sheet), Some(p.row), Some("ชื่อผลิตภัณฑ์"));
            match seen.entry(p.identity.clone()) {
                Entry::Occupied(first) => {
                    let (f, i) = *first.get();
                    let Some(first) = files.get(f).and_then(|ps| ps.get(i)) else { continue };
                    let (th, en) = (first.place_th(), first.place_en());
                    issues.push(place(Issue::report_duplicate(&p.product_name, &p.entrepreneur_name, &th, &en)));
                    out.excluded.push(Excluded { file, index, reason: Exclusion::Duplicate { th, en } });
                    continue;
                }
                Entry::Vacant(slot) => {
                    slot.insert((file, index));
                }
            }
            if let Some(r1) = round1_ids.get(&p.identity).and_then(|&(f, i)| round1.get(f)?.get(i)) {
                let (th, en) = (r1.place_th(), r1.place_en());
                issues.push(place(Issue::report_round1(&p.product_name, &th, &en)));
                out.excluded.push(Excluded { file, index, reason: Exclusion::Round1 { th, en } });
                continue;
            }
            let (Some(ready), Some(ents), Some(online)) =
                (out.readiness.get_mut(district), entrepreneurs.get_mut(district), out.online.get_mut(district))
            else {
                continue;
            };
            ready.products += 1;
            let counts_online = p.is_online() && (!p.marks_only || *mark_only != MarkOnly::Exclude);
            if p.marks_only {
                if let Some((n, first)) = marks_only.get_mut(file) {
                    *n += 1;
                    first.get_or_insert(index);
                }
            }
            if counts_online {
                *online += 1;
                ready.online_products += 1;
            }
            let e = ents.entry(p.identity.0.clone()).or_insert([false; 5]);
            for ((flag, products), entrepreneur) in p.flags.iter().zip(&mut ready.products_flagged).zip(e.iter_mut()) {
                if *flag {
                    *products += 1;
                    *entrepreneur = true;
                }
            }
            out.kept.push(Kept { file, index, district });
        }
        files.get(next.0).is_none_or(|ps| next.1 >= ps.len() && next.0 + 1 >= files.len())
    }

    /// The count: the products not counted yet are counted now, then the
    /// entrepreneurs tallied and the files with only marks for channels warned of.
    pub fn finish(mut self) -> Counted {
        while !self.step(usize::MAX) {}
        let mut out = self.out;
        let mut issues = self.issues;
        for (ready, ents) in out.readiness.iter_mut().zip(&self.entrepreneurs) {
            ready.entrepreneurs = ents.len() as i64;
            for flags in ents.values() {
                for (count, flag) in ready.entrepreneurs_flagged.iter_mut().zip(flags) {
                    *count += i64::from(*flag);
                }
            }
        }
        if self.mark_only != MarkOnly::Count {
            for (file, (n, first)) in self.marks_only.into_iter().enumerate() {
                if let Some(p) = first.and_then(|i| out.files.get(file)?.get(i)) {
                    let counted = self.mark_only == MarkOnly::Warn;
                    let issue = Issue::report_channel_mark_only(n, counted);
                    issues.push(issue.in_file(&p.file).at(Some(&p.sheet), Some(p.row), Some("ช่องทางตลาดออนไลน์")));
                }
            }
        }
        out.issues = issues.into_issues();
        out
    }
}
