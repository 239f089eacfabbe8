//! Finding the report form's header row and mapping its columns (SPEC §4.1).
//!
//! The header may sit anywhere in the first rows, span two rows (group cells
//! merged over their sub-headers), have line breaks and spaces inside cells,
//! Thai digits, "อ." for "อำเภอ", columns in any order and extra columns. Each
//! candidate row is read together with the row under it; every cell's text is
//! compacted (see [`super::text::compact`]) and matched against the known header
//! texts. The row whose pair of rows names the most distinct columns wins.

use super::cell::{Sheet, Value};
use crate::text::compact;
use rustc_hash::FxHashMap;

/// A column of the canonical report form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    No,
    EntrepreneurCode,
    EntrepreneurName,
    EntrepreneurType,
    ProductName,
    ProductCategory,
    HouseNo,
    Moo,
    Tambon,
    Amphoe,
    Province,
    Phone,
    TrainedOnline,
    AlreadySellingOnline,
    HasStandard,
    HasStarRating,
    OnlineDeveloped,
    Facebook,
    Line,
    Instagram,
    Website,
    Shopee,
    Lazada,
    OtopToday,
    OtherChannel,
    OnlineSales,
    // Channels the letter names that the form has no column for.
    Youtube,
    Tiktok,
    LineShop,
    Google,
}

/// How a pattern matches a compacted header text.
enum M {
    Exact(&'static str),
    Prefix(&'static str),
}

impl Key {
    /// Every column of the letter's form, in its order.
    pub const ALL: [Key; 26] = [
        Key::No,
        Key::EntrepreneurCode,
        Key::EntrepreneurName,
        Key::EntrepreneurType,
        Key::ProductName,
        Key::ProductCategory,
        Key::HouseNo,
        Key::Moo,
        Key::Tambon,
        Key::Amphoe,
        Key::Province,
        Key::Phone,
        Key::TrainedOnline,
        Key::AlreadySellingOnline,
        Key::HasStandard,
        Key::HasStarRating,
        Key::OnlineDeveloped,
        Key::Facebook,
        Key::Line,
        Key::Instagram,
        Key::Website,
        Key::Shopee,
        Key::Lazada,
        Key::OtopToday,
        Key::OtherChannel,
        Key::OnlineSales,
    ];

    /// The five readiness flags, in order.
    pub const FLAGS: [Key; 5] =
        [Key::TrainedOnline, Key::AlreadySellingOnline, Key::HasStandard, Key::HasStarRating, Key::OnlineDeveloped];

    /// Every channel column read: the form's eight, then the channels the letter
    /// names that people add columns for (YouTube, TikTok, LINE OA or MyShop,
    /// Google Business Profile or ads).
    pub const CHANNELS: [Key; super::product::CHANNELS] = [
        Key::Facebook,
        Key::Line,
        Key::Instagram,
        Key::Website,
        Key::Shopee,
        Key::Lazada,
        Key::OtopToday,
        Key::OtherChannel,
        Key::Youtube,
        Key::Tiktok,
        Key::LineShop,
        Key::Google,
    ];

    /// The channel columns that are not on the letter's form.
    pub const MORE_CHANNELS: [Key; 4] = [Key::Youtube, Key::Tiktok, Key::LineShop, Key::Google];

    /// The SPEC's key, e.g. `"product_name"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Key::No => "no",
            Key::EntrepreneurCode => "entrepreneur_code",
            Key::EntrepreneurName => "entrepreneur_name",
            Key::EntrepreneurType => "entrepreneur_type",
            Key::ProductName => "product_name",
            Key::ProductCategory => "product_category",
            Key::HouseNo => "house_no",
            Key::Moo => "moo",
            Key::Tambon => "tambon",
            Key::Amphoe => "amphoe",
            Key::Province => "province",
            Key::Phone => "phone",
            Key::TrainedOnline => "trained_online",
            Key::AlreadySellingOnline => "already_selling_online",
            Key::HasStandard => "has_standard",
            Key::HasStarRating => "has_star_rating",
            Key::OnlineDeveloped => "online_developed",
            Key::Facebook => "facebook",
            Key::Line => "line",
            Key::Instagram => "instagram",
            Key::Website => "website",
            Key::Shopee => "shopee",
            Key::Lazada => "lazada",
            Key::OtopToday => "otop_today",
            Key::OtherChannel => "other_channel",
            Key::OnlineSales => "online_sales",
            Key::Youtube => "youtube",
            Key::Tiktok => "tiktok",
            Key::LineShop => "line_shop",
            Key::Google => "google",
        }
    }

    /// The heading of a readiness flag's column (the form's own header in Thai).
    ///
    /// ```
    /// # use otop_model::{display::Lang, imported::header::Key};
    /// assert_eq!(Key::HasStarRating.flag_label().map(|l| l.text(Lang::En)), Some("Star-rated"));
    /// for k in Key::FLAGS {
    ///     assert_eq!(k.flag_label().map(|l| l.text(Lang::Th)), Some(k.header_th()));
    /// }
    /// ```
    pub fn flag_label(self) -> Option<crate::label::Label> {
        use crate::label::Label;
        Some(match self {
            Key::TrainedOnline => Label::TrainedOnline,
            Key::AlreadySellingOnline => Label::AlreadySellingOnline,
            Key::HasStandard => Label::HasStandard,
            Key::HasStarRating => Label::HasStarRating,
            Key::OnlineDeveloped => Label::OnlineDeveloped,
            _ => return None,
        })
    }

    /// The header text of the canonical form (for templates and messages); the
    /// online-sales column names its period from the preset where it is written
    /// (`export::form::sales_heading`).
    pub fn header_th(self) -> &'static str {
        match self {
            Key::No => "ที่",
            Key::EntrepreneurCode => "รหัสผู้ประกอบการ",
            Key::EntrepreneurName => "ชื่อผู้ประกอบการ OTOP",
            Key::EntrepreneurType => "ประเภทผู้ประกอบการ",
            Key::ProductName => "ชื่อผลิตภัณฑ์ (โปรดระบุทุกผลิตภัณฑ์ของกลุ่ม)",
            Key::ProductCategory => "ประเภทผลิตภัณฑ์",
            Key::HouseNo => "เลขที่",
            Key::Moo => "หมู่ที่",
            Key::Tambon => "ตำบล",
            Key::Amphoe => "อำเภอ",
            Key::Province => "จังหวัด",
            Key::Phone => "เบอร์โทรศัพท์",
            Key::TrainedOnline => "ผ่านการอบรมเกี่ยวกับตลาดออนไลน์",
            Key::AlreadySellingOnline => "ขายของออนไลน์อยู่แล้ว",
            Key::HasStandard => "ได้รับมาตรฐานที่เกี่ยวข้อง",
            Key::HasStarRating => "ได้รับตัดดาว",
            Key::OnlineDeveloped => "ผ่านการพัฒนาเกี่ยวกับออนไลน์",
            Key::Facebook => "Facebook",
            Key::Line => "Line",
            Key::Instagram => "Instagram",
            Key::Website => "Website",
            Key::Shopee => "Shopee",
            Key::Lazada => "Lazada",
            Key::OtopToday => "OTOP Today",
            Key::OtherChannel => "อื่นๆ",
            Key::OnlineSales => "ยอดจำหน่ายออนไลน์ (บาท)",
            Key::Youtube => "YouTube",
            Key::Tiktok => "TikTok",
            Key::LineShop => "LINE OA / LINE MyShop",
            Key::Google => "Google",
        }
    }

    /// The group header above this column in the canonical form, if any.
    pub fn group_th(self) -> Option<&'static str> {
        match self {
            Key::HouseNo | Key::Moo | Key::Tambon | Key::Amphoe | Key::Province | Key::Phone => Some("ที่อยู่"),
            Key::TrainedOnline | Key::AlreadySellingOnline => Some("ความพร้อมผู้ประกอบการเพื่อเข้าสู่ตลาดออนไลน์"),
            Key::HasStandard | Key::HasStarRating | Key::OnlineDeveloped => Some("ความพร้อมผลิตภัณฑ์ในการเข้าสู่ออนไลน์"),
            k if Key::CHANNELS.contains(&k) => Some("ช่องทางตลาดออนไลน์"),
            _ => None,
        }
    }

    fn patterns(self) -> &'static [M] {
        use M::*;
        match self {
            Key::No => &[Exact("ที่"), Exact("ลำดับ"), Exact("ลำดับที่"), Exact("no"), Exact("no.")],
            Key::EntrepreneurCode => &[Prefix("รหัสผู้ประกอบการ"), Prefix("รหัสกลุ่ม"), Exact("รหัส")],
            Key::EntrepreneurName => &[Prefix("ชื่อผู้ประกอบการ"), Prefix("ชื่อกลุ่ม"), Prefix("ชื่อผู้ผลิต")],
            Key::EntrepreneurType => &[Prefix("ประเภทผู้ประกอบการ"), Prefix("ประเภทผู้ผลิต")],
            Key::ProductName => &[Prefix("ชื่อผลิตภัณฑ์"), Prefix("ชื่อสินค้า")],
            Key::ProductCategory => &[Prefix("ประเภทผลิตภัณฑ์"), Prefix("ประเภทสินค้า")],
            Key::HouseNo => &[Exact("เลขที่"), Exact("บ้านเลขที่")],
            Key::Moo => &[Exact("หมู่ที่"), Exact("หมู่"), Exact("ม.")],
            Key::Tambon => &[Exact("ตำบล"), Exact("ต.")],
            Key::Amphoe => &[Exact("อำเภอ"), Exact("อ.")],
            Key::Province => &[Exact("จังหวัด"), Exact("จ.")],
            Key::Phone => &[Prefix("เบอร์โทร"), Prefix("โทรศัพท์"), Prefix("หมายเลขโทรศัพท์"), Exact("โทร")],
            Key::TrainedOnline => &[Prefix("ผ่านการอบรม")],
            Key::AlreadySellingOnline => &[Prefix("ขายของออนไลน์"), Prefix("ขายออนไลน์อยู่แล้ว")],
            Key::HasStandard => &[Prefix("ได้รับมาตรฐาน")],
            Key::HasStarRating => &[Prefix("ได้รับตัดดาว"), Prefix("ได้รับการตัดดาว"), Prefix("ได้รับการคัดสรร")],
            Key::OnlineDeveloped => &[Prefix("ผ่านการพัฒนา")],
            Key::Facebook => &[Prefix("facebook"), Prefix("เฟซบุ๊ก"), Prefix("เฟสบุ๊ค"), Exact("fb")],
            Key::Line => &[Exact("line"), Prefix("lineid"), Prefix("line("), Prefix("ไลน์")],
            Key::Instagram => &[Prefix("instagram"), Exact("ig")],
            Key::Website => &[Prefix("website"), Prefix("เว็บไซต์"), Prefix("เว็บไซด์"), Exact("web")],
            Key::Shopee => &[Prefix("shopee"), Prefix("ช้อปปี้")],
            Key::Lazada => &[Prefix("lazada"), Prefix("ลาซาด้า")],
            Key::OtopToday => &[Prefix("otoptoday")],
            Key::OtherChannel => &[
                Prefix("อื่นๆ"),
                Prefix("อื่น"),
                Prefix("other"),
                Prefix("แพลตฟอร์มอื่น"),
                Prefix("ช่องทางอื่น"),
                Prefix("สื่อออนไลน์อื่น"),
            ],
            Key::OnlineSales => &[Prefix("ยอดจำหน่าย"), Prefix("ยอดขาย")],
            Key::Youtube => &[Prefix("youtube"), Prefix("ยูทูบ"), Prefix("ยูทูป")],
            Key::Tiktok => &[Prefix("tiktok"), Prefix("ติ๊กต็อก"), Prefix("ติ๊กต๊อก"), Prefix("ติกต็อก")],
            Key::LineShop => &[
                Prefix("lineoa"),
                Prefix("lineofficial"),
                Prefix("linemyshop"),
                Prefix("lineshopping"),
                Prefix("line@"),
                Prefix("myshop"),
                Prefix("ไลน์oa"),
                Prefix("ไลน์แอด"),
                Prefix("ไลน์ออฟฟิเชียล"),
                Prefix("ไลน์มายช็อป"),
            ],
            Key::Google => &[Prefix("google"), Prefix("กูเกิล"), Prefix("กูเกิ้ล")],
        }
    }

    /// The column a header cell's text names, if any.
    ///
    /// ```
    /// # use otop_model::imported::header::Key;
    /// assert_eq!(Key::of_header("ชื่อผลิตภัณฑ์\n(โปรดระบุทุกผลิตภัณฑ์ของกลุ่ม)"), Some(Key::ProductName));
    /// assert_eq!(Key::of_header(" อ. "), Some(Key::Amphoe));
    /// assert_eq!(Key::of_header("ที่อยู่"), None);
    /// assert_eq!(Key::of_header("LINE OA"), Some(Key::LineShop));
    /// assert_eq!(Key::of_header("Line ID"), Some(Key::Line));
    /// ```
    pub fn of_header(text: &str) -> Option<Key> {
        let c = compact(text);
        if c.is_empty() {
            return None;
        }
        // The added channels first: their names are longer forms of the form's ("LINE OA").
        Key::MORE_CHANNELS.into_iter().chain(Key::ALL).find(|k| {
            k.patterns().iter().any(|m| match m {
                M::Exact(p) => c == *p,
                M::Prefix(p) => c.starts_with(p),
            })
        })
    }
}

/// A header found in a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Index into `sheet.rows` of the header's first row.
    pub first: usize,
    /// Index into `sheet.rows` of the first row after the header (and after a row
    /// of column numbers, if there is one).
    pub data_start: usize,
    /// Absolute column of each key found.
    pub columns: Vec<(Key, u32)>,
    /// More channel columns of a kind already found (a second "อื่นๆ", two
    /// Facebook pages): their entries count as the product's other channels.
    pub extra_channels: Vec<u32>,
}

impl Header {
    /// The absolute column of `key`.
    pub fn col(&self, key: Key) -> Option<u32> {
        self.columns.iter().find(|(k, _)| *k == key).map(|(_, c)| *c)
    }

    /// Whether the form's required columns are there: the product name and at
    /// least one channel column.
    pub fn missing_required(&self) -> Vec<Key> {
        let mut out = Vec::new();
        if self.col(Key::ProductName).is_none() {
            out.push(Key::ProductName);
        }
        if Key::CHANNELS.iter().all(|k| self.col(*k).is_none()) {
            out.push(Key::Facebook);
        }
        out
    }
}

/// How many of the first rows are searched for the header.
pub const SEARCH_ROWS: usize = 40;

/// The header key each cell of a sheet's first [`SEARCH_ROWS`] + 1 rows names.
struct Named {
    first_col: u32,
    width: usize,
    keys: Vec<Option<Key>>,
}

impl Named {
    fn of(sheet: &Sheet, end_col: u32) -> Named {
        let width = end_col.saturating_sub(sheet.first_col) as usize;
        let rows = sheet.rows.len().min(SEARCH_ROWS + 1);
        // Each distinct text named once: a district's name, "Facebook" or "✓"
        // repeat down the data rows under the header.
        let mut named: FxHashMap<&str, Option<Key>> = FxHashMap::default();
        let keys = (0..rows)
            .flat_map(|r| (sheet.first_col..end_col).map(move |c| (r, c)))
            .map(|(r, c)| match sheet.cell(r, c) {
                Value::Text(t) => *named.entry(t).or_insert_with(|| Key::of_header(t)),
                _ => None,
            })
            .collect();
        Named { first_col: sheet.first_col, width, keys }
    }

    /// The key cell (`r`, `c`) names; `None` outside the searched rows.
    fn key(&self, r: usize, c: u32) -> Option<Key> {
        let col = c.checked_sub(self.first_col)? as usize;
        if col >= self.width {
            return None;
        }
        self.keys.get(r.checked_mul(self.width)?.checked_add(col)?).copied().flatten()
    }
}

/// Finds the report form's header: the first row pair naming at least four
/// distinct columns, the best such pair among the first [`SEARCH_ROWS`] rows.
pub fn find(sheet: &Sheet) -> Option<Header> {
    let end_col = sheet.end_col();
    // Each cell of the searched rows named once (a cell is looked at as an upper
    // row, a lower row and again for the channels: 912 small files spent a
    // fifth of their reading here).
    let named = Named::of(sheet, end_col);
    // The best header row so far, and whether its lower row is part of it.
    let mut best: Option<(Header, bool)> = None;
    for r in 0..sheet.rows.len().min(SEARCH_ROWS) {
        // The upper row's text wins; the lower row fills the columns under a group
        // header. The lower row counts as part of the header only when it names at
        // least two columns of its own (a data row may hold "facebook.com/…").
        let mut columns: Vec<(Key, u32)> = Vec::new();
        let mut from_second = 0;
        for c in sheet.first_col..end_col {
            let (upper, lower) = (named.key(r, c), named.key(r + 1, c));
            let (key, second) = match (upper, lower) {
                (Some(k), _) => (k, false),
                (None, Some(k)) => (k, true),
                (None, None) => continue,
            };
            if !columns.iter().any(|(x, _)| *x == key) {
                columns.push((key, c));
                from_second += usize::from(second);
            }
        }
        // A pair whose upper row names nothing (a title row over the header) is the
        // lower row alone: the next row's turn finds it.
        if from_second == columns.len() {
            continue;
        }
        let used_second = from_second >= 2;
        if !used_second && from_second > 0 {
            let upper_only: Vec<(Key, u32)> =
                columns.iter().copied().filter(|(_, c)| named.key(r, *c).is_some()).collect();
            columns = upper_only;
        }
        if columns.len() >= 4 && best.as_ref().is_none_or(|(b, _)| columns.len() > b.columns.len()) {
            best = Some((Header { first: r, data_start: 0, columns, extra_channels: Vec::new() }, used_second));
        }
    }
    let (mut header, used_second) = best?;
    header.data_start = header.first + if used_second { 2 } else { 1 };
    for c in sheet.first_col..end_col {
        let rows = if used_second { header.first..header.first + 2 } else { header.first..header.first + 1 };
        let key = rows.clone().find_map(|r| named.key(r, c));
        if key.is_some_and(|k| Key::CHANNELS.contains(&k) && header.col(k) != Some(c))
            && !header.columns.iter().any(|(_, col)| *col == c)
        {
            header.extra_channels.push(c);
        }
    }
    if is_column_numbers(sheet, header.data_start) {
        header.data_start += 1;
    }
    Some(header)
}

/// A row of column numbers under the header: at least three cells, all small
/// whole numbers (or "(n)"), rising from left to right.
fn is_column_numbers(sheet: &Sheet, row: usize) -> bool {
    let Some(cells) = sheet.rows.get(row) else { return false };
    let mut values = Vec::new();
    for v in cells {
        let t = compact(&v.text());
        if t.is_empty() {
            continue;
        }
        let t = t.trim_start_matches('(').trim_end_matches(')');
        match t.parse::<u32>() {
            Ok(n) if (1..=200).contains(&n) => values.push(n),
            _ => return false,
        }
    }
    values.len() >= 3 && values.iter().zip(values.iter().skip(1)).all(|(a, b)| a < b)
}
