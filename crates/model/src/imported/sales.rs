//! What a sales file for KPI 2 gave (SPEC §4.3): each figure with its district,
//! its period and where it was. The readers (`otop_import::sales`) make them from
//! the three layouts people use; the engine (`sales`) adds them up.

use crate::calendar::YearMonth;
use crate::money::Satang;

/// Which period a figure belongs to, when the file says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Period {
    /// A calendar month.
    Month(YearMonth),
    /// A total of the evaluation window (`Some(year)` when the header names a B.E. year).
    Total(Option<i32>),
}

/// One figure read from a sales sheet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// The district as typed.
    pub district: String,
    /// The month or period the amount is of.
    pub period: Period,
    /// The amount.
    pub amount: Satang,
    /// The sheet it was read from.
    pub sheet: String,
    /// The row, 1-based.
    pub row: u32,
    /// The column's letters.
    pub column: String,
    /// The row's cells as text, to find rows repeated word for word.
    pub row_text: Vec<String>,
}
