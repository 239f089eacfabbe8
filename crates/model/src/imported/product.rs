//! One product of a report as read: the row's fields, its readiness flags and
//! channels, and its identity (SPEC §4.1).

use crate::money::Satang;
use crate::text::normalize;
use serde::{Deserialize, Serialize};

// A product's texts are the cell model's own `Text`: shared, so copying a
// product, or the same text in many products (a district, a province, an
// entrepreneur's name), costs no copy, and a cell's text becomes a product's as it is.
use crate::imported::cell::Text;

/// How many channel cells a product keeps: the form's eight and the four the
/// letter names besides (see `Key::CHANNELS`).
pub const CHANNELS: usize = 12;

/// One product row of a report, with the entrepreneur filled in from the rows above.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    /// The file it was read from.
    pub file: Text,
    /// The sheet it was read from.
    pub sheet: Text,
    /// 1-based row as the spreadsheet numbers it.
    pub row: u32,
    /// รหัสผู้ประกอบการ: the entrepreneur's code.
    pub entrepreneur_code: Text,
    /// The entrepreneur's name.
    pub entrepreneur_name: Text,
    /// The entrepreneur's type (group, single, SME, …).
    pub entrepreneur_type: Text,
    /// The product's name.
    pub product_name: Text,
    /// The product's category.
    pub product_category: Text,
    /// House number.
    pub house_no: Text,
    /// หมู่: the village number.
    pub moo: Text,
    /// ตำบล: the subdistrict.
    pub tambon: Text,
    /// อำเภอ: the district as typed.
    pub amphoe: Text,
    /// จังหวัด: the province as typed.
    pub province: Text,
    /// Phone number.
    pub phone: Text,
    /// The readiness flags, in the order of [`Key::FLAGS`](crate::imported::header::Key::FLAGS).
    pub flags: [bool; 5],
    /// The channel cells as typed (empty when the cell holds no real value), in the
    /// order of [`Key::CHANNELS`](crate::imported::header::Key::CHANNELS).
    pub channels: [Text; CHANNELS],
    /// Online sales of the evaluated period, where the form has them.
    pub online_sales: Option<Satang>,
    /// The product's identity (see [`Product::identity_of`]), made once when the
    /// row is read (in the page's worker), not each time the products are counted.
    pub identity: (Text, Text),
    /// Sold online by marks alone: a channel cell holds something, and every
    /// one that does holds only a mark (✓, 1, มี …) where the letter asks for a
    /// page name, a link or an ID. Made once when the row is read (in the
    /// page's worker; see [`crate::imported::text::marks_only`]), not at each count.
    pub marks_only: bool,
}

impl Product {
    /// The form's text columns, from รหัสผู้ประกอบการ to เบอร์โทรศัพท์, in the form's order.
    pub fn form_texts(&self) -> [&Text; 11] {
        [
            &self.entrepreneur_code,
            &self.entrepreneur_name,
            &self.entrepreneur_type,
            &self.product_name,
            &self.product_category,
            &self.house_no,
            &self.moo,
            &self.tambon,
            &self.amphoe,
            &self.province,
            &self.phone,
        ]
    }

    /// Whether at least one channel cell holds a real value (SPEC §4.1).
    pub fn is_online(&self) -> bool {
        self.channels.iter().any(|c| !c.is_empty())
    }

    /// A product's identity: entrepreneur code (or, without one, the normalised
    /// entrepreneur name) plus the normalised product name (SPEC §4.1).
    ///
    /// ```
    /// # use otop_model::imported::product::Product;
    /// let id = Product::identity_of("", " กลุ่ม  ผ้าไหม ", "ผ้า\u{200B}ไหม ๑");
    /// assert_eq!((&*id.0, &*id.1), ("name:กลุ่ม ผ้าไหม", "ผ้าไหม 1"));
    /// ```
    pub fn identity_of(entrepreneur_code: &str, entrepreneur_name: &str, product_name: &str) -> (Text, Text) {
        (Product::who(entrepreneur_code, entrepreneur_name).into(), normalize(product_name).into())
    }

    /// A product of one row made without a file, for examples and tests (the
    /// readers make products from rows): its entrepreneur's code, product name,
    /// district and province as given, every other text empty, no flag, no
    /// channel ([`Product::on`] gives it one), its identity as the readers make it.
    ///
    /// ```
    /// # use otop_model::imported::product::Product;
    /// let p = Product::example("a.xlsx", 7, "270101", "ผ้าไหม", "อ.คลองหาด", "สระแก้ว");
    /// assert!(!p.is_online());
    /// assert_eq!((&*p.identity.0, &*p.identity.1), ("code:270101", "ผ้าไหม"));
    /// assert!(p.on("facebook.com/otop").is_online());
    /// ```
    pub fn example(file: &str, row: u32, code: &str, product_name: &str, amphoe: &str, province: &str) -> Product {
        let empty = || Text::from("");
        Product {
            file: file.into(),
            sheet: "รายงาน".into(),
            row,
            entrepreneur_code: code.into(),
            entrepreneur_name: empty(),
            entrepreneur_type: empty(),
            product_name: product_name.into(),
            product_category: empty(),
            house_no: empty(),
            moo: empty(),
            tambon: empty(),
            amphoe: amphoe.into(),
            province: province.into(),
            phone: empty(),
            flags: [false; 5],
            channels: Default::default(),
            online_sales: None,
            identity: Product::identity_of(code, "", product_name),
            marks_only: false,
        }
    }

    /// The same product sold online: `channel` (a page name, a link: not a
    /// mark, so `marks_only` stays false) in its first channel cell, Facebook's.
    pub fn on(mut self, channel: &str) -> Product {
        if let Some(first) = self.channels.first_mut() {
            *first = channel.into();
        }
        self
    }

    /// The entrepreneur's part of an identity: `code:` and the normalised code,
    /// or without a code, `name:` and the normalised name.
    pub fn who(entrepreneur_code: &str, entrepreneur_name: &str) -> String {
        if entrepreneur_code.trim().is_empty() {
            format!("name:{}", normalize(entrepreneur_name))
        } else {
            format!("code:{}", normalize(entrepreneur_code))
        }
    }

    /// "file › sheet › แถว N", for Thai messages.
    pub fn place_th(&self) -> String {
        format!("{} › {} › แถว {}", self.file, self.sheet, self.row)
    }

    /// "file › sheet › row N", for English messages.
    pub fn place_en(&self) -> String {
        format!("{} › {} › row {}", self.file, self.sheet, self.row)
    }
}
