//! The report form's columns (SPEC §4.1): each column's key, its header texts
//! as offices type them, and a header found in a sheet (`otop_import::header`
//! finds it: this model reads no sheet).

use crate::text::compact;

/// A column of the canonical report form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// The form's column "ที่".
    No,
    /// The form's column "รหัสผู้ประกอบการ".
    EntrepreneurCode,
    /// The form's column "ชื่อผู้ประกอบการ OTOP".
    EntrepreneurName,
    /// The form's column "ประเภทผู้ประกอบการ".
    EntrepreneurType,
    /// The form's column "ชื่อผลิตภัณฑ์ (โปรดระบุทุกผลิตภัณฑ์ของกลุ่ม)".
    ProductName,
    /// The form's column "ประเภทผลิตภัณฑ์".
    ProductCategory,
    /// The form's column "เลขที่".
    HouseNo,
    /// The form's column "หมู่ที่".
    Moo,
    /// The form's column "ตำบล".
    Tambon,
    /// The form's column "อำเภอ".
    Amphoe,
    /// The form's column "จังหวัด".
    Province,
    /// The form's column "เบอร์โทรศัพท์".
    Phone,
    /// The form's column "ผ่านการอบรมเกี่ยวกับตลาดออนไลน์".
    TrainedOnline,
    /// The form's column "ขายของออนไลน์อยู่แล้ว".
    AlreadySellingOnline,
    /// The form's column "ได้รับมาตรฐานที่เกี่ยวข้อง".
    HasStandard,
    /// The form's column "ได้รับตัดดาว".
    HasStarRating,
    /// The form's column "ผ่านการพัฒนาเกี่ยวกับออนไลน์".
    OnlineDeveloped,
    /// The form's column "Facebook".
    Facebook,
    /// The form's column "Line".
    Line,
    /// The form's column "Instagram".
    Instagram,
    /// The form's column "Website".
    Website,
    /// The form's column "Shopee".
    Shopee,
    /// The form's column "Lazada".
    Lazada,
    /// The form's column "OTOP Today".
    OtopToday,
    /// The form's column "อื่นๆ".
    OtherChannel,
    /// The form's column "ยอดจำหน่ายออนไลน์ (บาท)".
    OnlineSales,
    // Channels the letter names that the form has no column for.
    /// The form's column "YouTube".
    Youtube,
    /// The form's column "TikTok".
    Tiktok,
    /// The form's column "LINE OA / LINE MyShop".
    LineShop,
    /// The form's column "Google".
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
