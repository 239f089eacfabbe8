//! Matching what people type as a district ("อ.เมือง", "อำเภอ คลองหาด") to the
//! preset's districts. A low module: report, sales and target-table importing and
//! counting all use it.

use crate::divisions::{self, district_key, CAPITAL_ALONE};
use crate::text::edit_distance;
use rustc_hash::FxHashMap as HashMap;

/// Why an amphoe cell did not match a district.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DistrictMatch {
    /// The preset district at this index.
    Found(usize),
    /// Unknown: the closest district names, best first.
    Unknown(Vec<String>),
    /// "อ.เมือง" and two districts starting with เมือง, say.
    Ambiguous(Vec<String>),
}

/// The fewest characters a name cut short keeps to be matched by its beginning.
const PREFIX_CHARS: usize = 3;

/// The longest text compared for suggestions: the closest names of a cell of
/// 10,000 characters are those of its beginning, in linear time.
const SUGGEST_CHARS: usize = 64;

/// Matches an amphoe cell to one of `districts`, after normalising: the
/// prefixes of [`district_key`], spaces, hyphens, Thai digits and case do not
/// matter, and a name that begins only one district ("อ.เมือง" → เมืองสระแก้ว)
/// is that district. [`DistrictMatcher::in_province`] knows the province too.
///
/// ```
/// use otop_model::district::{match_district, DistrictMatch};
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
pub struct DistrictMatcher {
    districts: Vec<String>,
    names: Vec<String>,
    /// The index of the province's capital district, when the province is
    /// known and the districts have it: what "อ.เมือง" alone means.
    capital: Option<usize>,
    seen: HashMap<String, DistrictMatch>,
    /// The last shared text matched (kept, so its address is not reused): the
    /// next product of a file usually holds the very same text.
    last: Option<(std::sync::Arc<str>, DistrictMatch)>,
}

impl DistrictMatcher {
    /// A matcher of amphoe cells against `districts`, the preset's names.
    pub fn new(districts: &[String]) -> DistrictMatcher {
        let names = districts.iter().map(|d| district_key(d)).collect();
        DistrictMatcher { districts: districts.to_vec(), names, capital: None, seen: HashMap::default(), last: None }
    }

    /// The same matcher for the districts of `province`: "อ.เมือง", "เมือง" or
    /// "อ.เมืองฯ" alone is its capital district (เมือง<province>, or
    /// พระนครศรีอยุธยา), though other districts' names begin with เมือง too.
    ///
    /// ```
    /// use otop_model::district::{DistrictMatch, DistrictMatcher};
    /// let names = ["เมืองนครราชสีมา".to_string(), "เมืองยาง".to_string()];
    /// assert!(matches!(DistrictMatcher::new(&names).find("อ.เมือง"), DistrictMatch::Ambiguous(_)));
    /// let mut korat = DistrictMatcher::new(&names).in_province("นครราชสีมา");
    /// assert_eq!(korat.find("อ.เมือง"), DistrictMatch::Found(0));
    /// assert_eq!(korat.find("อ.เมืองฯ"), DistrictMatch::Found(0));
    /// let ayutthaya = ["พระนครศรีอยุธยา".to_string(), "ท่าเรือ".to_string()];
    /// assert_eq!(DistrictMatcher::new(&ayutthaya).in_province("อยุธยา").find("อ.เมือง"), DistrictMatch::Found(0));
    /// ```
    pub fn in_province(mut self, province: &str) -> DistrictMatcher {
        let capital = divisions::province(province).and_then(|p| p.capital()).map(|d| district_key(d.name));
        self.capital = capital.and_then(|c| self.names.iter().position(|n| *n == c));
        self.seen.clear();
        self.last = None;
        self
    }

    /// [`DistrictMatcher::find`] for a shared text: the same text as the last
    /// one (not only equal: the same `Arc`) is not looked up again.
    ///
    /// ```
    /// use otop_model::district::{DistrictMatch, DistrictMatcher};
    /// use std::sync::Arc;
    /// let names = ["เมืองสระแก้ว".to_string(), "คลองหาด".to_string()];
    /// let mut m = DistrictMatcher::new(&names);
    /// let typed: Arc<str> = "อ.คลองหาด".into();
    /// assert!(matches!(m.find_text(&typed), DistrictMatch::Found(1)));
    /// assert!(matches!(m.find_text(&typed), DistrictMatch::Found(1)));
    /// assert!(matches!(m.find_text(&"เมือง".into()), DistrictMatch::Found(0)));
    /// ```
    pub fn find_text(&mut self, raw: &std::sync::Arc<str>) -> DistrictMatch {
        match &self.last {
            Some((last, m)) if std::sync::Arc::ptr_eq(last, raw) => m.clone(),
            _ => {
                let m = self.find(raw);
                self.last = Some((std::sync::Arc::clone(raw), m.clone()));
                m
            }
        }
    }

    /// [`match_district`] of `raw`, remembered.
    pub fn find(&mut self, raw: &str) -> DistrictMatch {
        if let Some(m) = self.seen.get(raw) {
            return m.clone();
        }
        let m = self.match_key(&district_key(raw));
        self.seen.insert(raw.to_string(), m.clone());
        m
    }

    fn match_key(&self, want: &str) -> DistrictMatch {
        let names = &self.names;
        if let Some(i) = names.iter().position(|n| n == want) {
            return DistrictMatch::Found(i);
        }
        if let (CAPITAL_ALONE, Some(capital)) = (want, self.capital) {
            return DistrictMatch::Found(capital);
        }
        // "เมืองโคราช": เมือง and a province's name as people write it.
        if let Some(capital) = want.strip_prefix(CAPITAL_ALONE).and_then(divisions::province).and_then(|p| p.capital())
        {
            let key = district_key(capital.name);
            if let Some(i) = names.iter().position(|n| *n == key) {
                return DistrictMatch::Found(i);
            }
        }
        // A name cut short, or run on ("คลองหาด จ.สระแก้ว"): the shorter of the two
        // at least PREFIX_CHARS long, so "อ." alone begins no อรัญประเทศ.
        let long_enough = |a: &str, b: &str| a.chars().count().min(b.chars().count()) >= PREFIX_CHARS;
        if !want.is_empty() {
            let starts: Vec<usize> = (names.iter().enumerate())
                .filter(|(_, n)| (n.starts_with(want) || want.starts_with(n.as_str())) && long_enough(n, want))
                .map(|(i, _)| i)
                .collect();
            match starts.as_slice() {
                [one] => return DistrictMatch::Found(*one),
                [] => {}
                many => {
                    let named = many.iter().filter_map(|&i| self.districts.get(i).cloned());
                    return DistrictMatch::Ambiguous(named.collect());
                }
            }
        }
        let short: String = want.chars().take(SUGGEST_CHARS).collect();
        let mut ranked: Vec<(usize, &String)> =
            self.districts.iter().zip(names).map(|(d, n)| (edit_distance(&short, n), d)).collect();
        ranked.sort_by_key(|(dist, _)| *dist);
        DistrictMatch::Unknown(ranked.into_iter().take(3).map(|(_, d)| d.clone()).collect())
    }
}

/// The province a text names: "จังหวัดสระแก้ว", "จ.สระแก้ว", "รวม (จ. สระแก้ว)",
/// "อำเภอคลองหาด จังหวัดสระแก้ว" → `สระแก้ว`. The name runs to the next space,
/// bracket or punctuation; `None` when no province is named.
///
/// ```
/// # use otop_model::district::province_named;
/// assert_eq!(province_named("อำเภอขลุง จังหวัดจันทบุรี").as_deref(), Some("จันทบุรี"));
/// assert_eq!(province_named("รวม (จ.ตราด)").as_deref(), Some("ตราด"));
/// assert_eq!(province_named("เป้าหมาย จ. สระแก้ว ปี 2564").as_deref(), Some("สระแก้ว"));
/// assert_eq!(province_named("ระดับจังหวัด"), None);
/// assert_eq!(province_named("จังหวัดสระเเก้วอำเภอเมือง").as_deref(), Some("สระแก้ว"));
/// ```
pub fn province_named(text: &str) -> Option<String> {
    let t = crate::text::normalize(text);
    for marker in ["จังหวัด", "จ."] {
        let mut rest = t.as_str();
        while let Some(at) = rest.find(marker) {
            let after = rest[at + marker.len()..].trim_start();
            let name: String = after
                .chars()
                .take_while(|c| !c.is_whitespace() && !"()[],.;:/-–—\"'".contains(*c) && !c.is_ascii_digit())
                .collect();
            // "จังหวัด" inside a word ("ระดับจังหวัด") is followed by nothing Thai.
            if name.chars().count() >= 2 && name.chars().all(|c| ('\u{0E01}'..='\u{0E4E}').contains(&c)) {
                // The official spelling, when the list has the province (or one the
                // name runs on from: "จังหวัดสระแก้วอำเภอเมือง").
                let listed = divisions::province(&name).or_else(|| divisions::province_starting(&name));
                return Some(listed.map_or(name, |p| p.name.to_string()));
            }
            rest = &rest[at + marker.len()..];
        }
    }
    None
}

/// The province that `texts` (title rows, a sheet name, a file name) name:
/// with "จังหวัด" or "จ." in any of them ([`province_named`]), else as a word
/// of one of them that is a province of the official list ("ตราด.xlsx").
///
/// ```
/// # use otop_model::district::province_named_in;
/// assert_eq!(province_named_in(["แบบรายงาน", "ตราด"]).as_deref(), Some("ตราด"));
/// assert_eq!(province_named_in(["ตราด.xlsx", "อำเภอขลุง จังหวัดจันทบุรี"]).as_deref(), Some("จันทบุรี"));
/// ```
pub fn province_named_in<'a>(texts: impl IntoIterator<Item = &'a str> + Clone) -> Option<String> {
    texts
        .clone()
        .into_iter()
        .find_map(province_named)
        .or_else(|| texts.into_iter().find_map(divisions::province_in).map(|p| p.name.to_string()))
}

/// Whether two province names are the same ("จ.สระแก้ว", "จังหวัด สระแก้ว", "สระแก้ว").
pub fn same_province(a: &str, b: &str) -> bool {
    let (a, b) = (divisions::province_key(a), divisions::province_key(b));
    !a.is_empty() && a == b
}
