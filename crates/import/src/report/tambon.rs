//! The ตำบล of a row against its อำเภอ (SPEC §4.1, docs/spec.md "Names"): a
//! sub-district that the official list puts in another district is a warning
//! that names that district; the row still counts.
//!
//! The list of 7,476 sub-district names is `tambons.txt` beside this file, made
//! by `scripts/make_divisions.py` with the districts' list. Only the readers
//! embed it (in the page, the worker: 40 KB gzipped), not the page's first load.

use otop_model::divisions::{self, District, Province, ProvinceMatch};
use otop_model::imported::cell::Text;
use otop_model::imported::product::Product;
use otop_model::issue::repeats::{Place, Repeats};
use otop_model::issue::{Code, Issue};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const LIST: &str = include_str!("tambons.txt");

/// Districts named as (province, district).
type Places = Vec<(&'static str, &'static str)>;

/// What offices type before a sub-district's name: ตำบล, its abbreviation ต.,
/// and Bangkok's แขวง. Compared without spaces.
const PREFIXES: [&str; 3] = ["ตำบล", "ต.", "แขวง"];

struct Index {
    /// District code → its sub-districts' keys.
    by_district: HashMap<u16, Vec<String>>,
    /// Sub-district key → the codes of the districts that have one of this name.
    by_tambon: HashMap<String, Vec<u16>>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut by_district: HashMap<u16, Vec<String>> = HashMap::default();
        let mut by_tambon: HashMap<String, Vec<u16>> = HashMap::default();
        for line in LIST.lines().filter(|l| !l.starts_with('#')) {
            let Some((code, names)) = line.split_once('|') else { continue };
            let Ok(code) = code.parse::<u16>() else { continue };
            for name in names.split(',') {
                let key = tambon_key(name);
                by_tambon.entry(key.clone()).or_default().push(code);
                by_district.entry(code).or_default().push(key);
            }
        }
        Index { by_district, by_tambon }
    })
}

/// A sub-district's name as compared: its key without ตำบล, ต. or แขวง in front,
/// without hyphens and dots ("ต. ในเมือง" → "ในเมือง").
fn tambon_key(name: &str) -> String {
    divisions::key_without(name, &PREFIXES, |c| matches!(c, '-' | '.'))
}

/// The official districts a row's อำเภอ names, in its province when the row
/// names one: "อ.เมือง" is the province's capital district.
fn districts_of(amphoe: &str, province: Option<&'static Province>) -> Vec<&'static District> {
    let named = divisions::districts_named(amphoe);
    match province {
        Some(p) => {
            let mine: Vec<&'static District> =
                named.iter().filter(|(q, _)| q.code == p.code).map(|(_, d)| *d).collect();
            if mine.is_empty() && divisions::district_key(amphoe) == divisions::CAPITAL_ALONE {
                return p.capital().into_iter().collect();
            }
            mine
        }
        None => named.into_iter().map(|(_, d)| d).collect(),
    }
}

/// Where a sub-district belongs when it is not one of its row's district: the
/// districts (with their provinces) that have a sub-district of its name, in the
/// row's province when it names one; `None` when it fits, or when the list does
/// not tell (no district matched, or no sub-district of that name).
fn elsewhere(tambon: &str, amphoe: &str, province: &str) -> Option<Places> {
    let key = tambon_key(tambon);
    if key.is_empty() {
        return None;
    }
    let index = index();
    let province = match divisions::match_province(province) {
        ProvinceMatch::Found(p) => Some(p),
        _ => None,
    };
    let mine = districts_of(amphoe, province);
    let fits = |d: &District| index.by_district.get(&d.code).is_some_and(|ks| ks.contains(&key));
    if mine.is_empty() || mine.iter().any(|d| fits(d)) {
        return None;
    }
    let codes = index.by_tambon.get(&key)?;
    let in_reach = |code: u16| province.is_none_or(|p| code / 100 == u16::from(p.code));
    let places: Places = codes
        .iter()
        .filter(|c| in_reach(**c))
        .filter_map(|&c| {
            let p = divisions::provinces().iter().find(|p| u16::from(p.code) == c / 100)?;
            Some((p.name, p.districts.iter().find(|d| d.code == c)?.name))
        })
        .collect();
    (!places.is_empty()).then_some(places)
}

/// Checks each product's ตำบล against its อำเภอ: one warning per sheet and
/// distinct (ตำบล, อำเภอ) whose sub-district the official list puts elsewhere,
/// saying on how many rows. Each distinct combination is looked up once.
///
/// ```
/// use otop_model::imported::product::Product;
/// use otop_import::report::tambon::check;
/// let mut p = Product::example("a.xlsx", 5, "300101", "ผ้า", "อ.เมืองยาง", "นครราชสีมา");
/// p.tambon = "ในเมือง".into();
/// let issues = check("a.xlsx", &[p.clone(), p]);
/// assert_eq!(issues.len(), 1);
/// assert!(issues[0].message_th.contains("เมืองนครราชสีมา"));
/// ```
pub fn check(file: &str, products: &[Product]) -> Vec<Issue> {
    check_repeats(file, products).into_issues()
}

/// [`check`]'s issues, not yet finished (a share of a big file's rows gives
/// them so, to be merged with the other shares').
pub fn check_repeats(file: &str, products: &[Product]) -> Repeats {
    let mut seen: HashMap<(Text, Text, Text), Option<Places>> = HashMap::default();
    let mut issues = Repeats::default();
    for p in products {
        if p.tambon.trim().is_empty() || p.amphoe.trim().is_empty() {
            continue;
        }
        let found = seen
            .entry((p.tambon.clone(), p.amphoe.clone(), p.province.clone()))
            .or_insert_with(|| elsewhere(&p.tambon, &p.amphoe, &p.province));
        if let Some(places) = found {
            let at = Place {
                code: Code::ReportTambonOtherDistrict, file, sheet: &p.sheet, column: "ตำบล", row: p.row
            };
            let value = format!("{}|{}", p.tambon, p.amphoe);
            issues.push_repeat(at, &value, || Issue::report_tambon_other_district(&p.tambon, &p.amphoe, places));
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_list() {
        let index = index();
        assert_eq!(index.by_district.len(), 928);
        let listed = || divisions::provinces().iter().flat_map(|p| &p.districts);
        assert!(listed().all(|d| index.by_district.contains_key(&d.code)));
        assert_eq!(index.by_district.values().map(Vec::len).sum::<usize>(), 7476);
    }

    #[test]
    fn a_sub_district_in_its_district_or_elsewhere() {
        // ในเมือง is a sub-district of เมืองนครราชสีมา, not of เมืองยาง.
        assert_eq!(elsewhere("ต.ในเมือง", "อ.เมือง", "โคราช"), None);
        // (Phimai has a ในเมือง too.)
        let korat = vec![("นครราชสีมา", "เมืองนครราชสีมา"), ("นครราชสีมา", "พิมาย")];
        assert_eq!(elsewhere("ตำบลในเมือง", "เมืองยาง", "จ.นครราชสีมา"), Some(korat));
        assert_eq!(elsewhere("ต.กระเบื้องนอก", "เมืองยาง", "โคราช"), None);
        // Without a province, every district of Thailand with a ในเมือง.
        assert!(elsewhere("ในเมือง", "เมืองยาง", "").is_some_and(|p| p.len() > 3));
        // Bangkok's แขวง; a name the list lacks, or an unknown district: nothing to say.
        assert_eq!(elsewhere("แขวงสีลม", "เขตบางรัก", "กทม."), None);
        assert_eq!(elsewhere("ตำบลทดสอบ", "คลองหาด", "สระแก้ว"), None);
        assert_eq!(elsewhere("ในเมือง", "ไม่มีอำเภอนี้", "สระแก้ว"), None);
        assert_eq!(elsewhere("", "คลองหาด", "สระแก้ว"), None);
    }
}
