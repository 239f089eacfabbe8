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
    /// The district of the preset this product belongs to (set when counting).
    pub district: Option<usize>,
}

impl Product {
    /// Whether at least one channel cell holds a real value (SPEC §4.1).
    pub fn is_online(&self) -> bool {
        self.channels.iter().any(|c| !c.is_empty())
    }

    /// The product's identity: entrepreneur code (or, without one, the normalised
    /// entrepreneur name) plus the normalised product name.
    pub fn identity(&self) -> (String, String) {
        let who = if self.entrepreneur_code.trim().is_empty() {
            format!("name:{}", normalize(&self.entrepreneur_name))
        } else {
            format!("code:{}", normalize(&self.entrepreneur_code))
        };
        (who, normalize(&self.product_name))
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
