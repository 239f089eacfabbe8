//! One product of a report as read: the row's fields, its readiness flags and
//! channels, and its identity (SPEC §4.1).

use crate::money::Satang;
use crate::text::normalize;
use serde::{Deserialize, Serialize};

/// One product row of a report, with the entrepreneur filled in from the rows above.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub file: String,
    pub sheet: String,
    /// 1-based row as the spreadsheet numbers it.
    pub row: u32,
    pub entrepreneur_code: String,
    pub entrepreneur_name: String,
    pub entrepreneur_type: String,
    pub product_name: String,
    pub product_category: String,
    pub house_no: String,
    pub moo: String,
    pub tambon: String,
    pub amphoe: String,
    pub province: String,
    pub phone: String,
    /// The readiness flags, in the order of [`Key::FLAGS`](crate::import::header::Key::FLAGS).
    pub flags: [bool; 5],
    /// The channel cells as typed (empty when the cell holds no real value), in the
    /// order of [`Key::CHANNELS`](crate::import::header::Key::CHANNELS).
    pub channels: [String; 8],
    pub online_sales: Option<Satang>,
    /// The product's identity (see [`Product::identity_of`]), made once when the
    /// row is read (in the page's worker), not each time the products are counted.
    pub identity: (String, String),
}

impl Product {
    /// Whether at least one channel cell holds a real value (SPEC §4.1).
    pub fn is_online(&self) -> bool {
        self.channels.iter().any(|c| !c.is_empty())
    }

    /// A product's identity: entrepreneur code (or, without one, the normalised
    /// entrepreneur name) plus the normalised product name (SPEC §4.1).
    ///
    /// ```
    /// # use otop_kpi::import::product::Product;
    /// let id = Product::identity_of("", " กลุ่ม  ผ้าไหม ", "ผ้า\u{200B}ไหม ๑");
    /// assert_eq!(id, ("name:กลุ่ม ผ้าไหม".to_string(), "ผ้าไหม 1".to_string()));
    /// ```
    pub fn identity_of(entrepreneur_code: &str, entrepreneur_name: &str, product_name: &str) -> (String, String) {
        let who = if entrepreneur_code.trim().is_empty() {
            format!("name:{}", normalize(entrepreneur_name))
        } else {
            format!("code:{}", normalize(entrepreneur_code))
        };
        (who, normalize(product_name))
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
