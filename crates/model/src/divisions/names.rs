//! Names as people write them: what stands before a district's name, and the
//! short forms of provinces' names (SPEC §4.1, docs/spec.md "Names").

use crate::text::compact;

/// What offices type before a district's name, in any combination
/// ("อ. เขตบางรัก", "กิ่งอำเภอเกาะกูด"): อำเภอ and its abbreviation อ.,
/// Bangkok's เขต, and กิ่งอำเภอ (a minor district, in old templates) with its
/// abbreviations. Compared after [`compact`] (no spaces).
const DISTRICT_PREFIXES: [&str; 6] = ["กิ่งอำเภอ", "กิ่งอ.", "ก.อ.", "อำเภอ", "อ.", "เขต"];

/// Characters a district's key leaves out: the hyphen of "สุไหงโก-ลก" (typed
/// "สุไหงโกลก" as often), the dots of abbreviations, the ฯ of a name cut short
/// ("อ.เมืองฯ"), and dashes that look like a hyphen. No district's official
/// name is told from another's by one of these (a test checks every pair).
fn is_ignored(c: char) -> bool {
    matches!(c, '-' | '.' | 'ฯ' | '‐' | '‑' | '–' | '—' | '−')
}

/// A district name as compared: its key ([`compact`]) without the prefixes
/// of [`DISTRICT_PREFIXES`] in front, however many, and without hyphens, dots
/// and ฯ. A name that is only prefixes keeps its last one ("อ." → "อ").
/// Linear in the name's length.
///
/// ```
/// # use otop_model::divisions::district_key;
/// assert_eq!(district_key("อ. เขตบางรัก"), "บางรัก");
/// assert_eq!(district_key("กิ่งอำเภอเกาะกูด"), district_key("เกาะกูด"));
/// assert_eq!(district_key("สุไหงโกลก"), district_key("สุไหงโก-ลก"));
/// assert_eq!(district_key("อ.เมืองฯ"), "เมือง");
/// assert_eq!(district_key("อ."), "อ");
/// ```
pub fn district_key(name: &str) -> String {
    key_without(name, &DISTRICT_PREFIXES, is_ignored)
}

/// What "อ.เมือง" is once its prefixes are gone: typed alone, the province's
/// capital district (`Province::capital`).
pub const CAPITAL_ALONE: &str = "เมือง";

/// A place name's key ([`compact`]) without any of `prefixes` in front, however
/// many (a name that is only prefixes keeps its last one), and without the
/// characters `ignored` says: the shape of [`district_key`], and of a
/// sub-district's key with its own prefixes (ตำบล, ต., แขวง). Linear in the name.
///
/// ```
/// # use otop_model::divisions::key_without;
/// assert_eq!(key_without("ต. ใน-เมือง", &["ตำบล", "ต."], |c| c == '-'), "ในเมือง");
/// assert_eq!(key_without("ต.", &["ต."], |_| false), "ต.");
/// ```
pub fn key_without(name: &str, prefixes: &[&str], ignored: impl Fn(char) -> bool) -> String {
    let c = compact(name);
    let mut rest = c.as_str();
    while let Some(after) = prefixes.iter().find_map(|p| rest.strip_prefix(p)).filter(|r| !r.is_empty()) {
        rest = after;
    }
    rest.chars().filter(|c| !ignored(*c)).collect()
}

/// A province name as typed, as compared: its key without "จังหวัด" or "จ." in
/// front; no short form looked up (see `divisions::province_key`).
pub fn province_text_key(name: &str) -> String {
    let c = compact(name);
    c.strip_prefix("จังหวัด").or_else(|| c.strip_prefix("จ.")).unwrap_or(&c).to_string()
}

/// Other names people write for one province: (as written, the official name,
/// why). A name cut short with ฯ that begins one province's name only needs no
/// entry here (`divisions::match_province`); one that begins several
/// ("นครฯ": six provinces) is left an error that names them all.
pub const PROVINCE_SHORT_FORMS: [(&str, &str, &str); 13] = [
    ("กรุงเทพ", "กรุงเทพมหานคร", "the capital's name as said, without มหานคร"),
    ("กรุงเทพฯ", "กรุงเทพมหานคร", "the usual written short form"),
    ("กทม", "กรุงเทพมหานคร", "the initials, without their dot"),
    ("กทม.", "กรุงเทพมหานคร", "the initials, as official letters write them"),
    ("อยุธยา", "พระนครศรีอยุธยา", "the name everyone uses"),
    ("โคราช", "นครราชสีมา", "the old and everyday name of Nakhon Ratchasima"),
    ("นครศรี", "นครศรีธรรมราช", "the first half, as in \"นครศรีฯ\" without its ฯ"),
    ("สุราษฎร์", "สุราษฎร์ธานี", "the first half, without its ฯ"),
    ("ประจวบ", "ประจวบคีรีขันธ์", "the first word, without its ฯ"),
    ("อุบล", "อุบลราชธานี", "the first word, as in the city's everyday name"),
    ("อุดร", "อุดรธานี", "the first word, as in the city's everyday name"),
    ("กาญจน์", "กาญจนบุรี", "the usual spoken short form"),
    ("สุพรรณ", "สุพรรณบุรี", "the first word"),
];
