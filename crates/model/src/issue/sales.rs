//! The catalogue's sales issues (KPI 2, SPEC §4.3) and outliers (SPEC §2).

use super::{Code, Issue};
use crate::display;
use crate::money::Satang;

impl Issue {
    /// A sales file without a sales table.
    pub fn sales_no_sales_sheet() -> Issue {
        Issue::new(
            Code::SalesNoSalesSheet,
            "ไม่พบตารางยอดจำหน่ายในไฟล์นี้ — ต้องมีคอลัมน์ \"อำเภอ\" และยอดจำหน่าย (รายเดือน หรือยอดรวม)",
            "No sales table found in this file: it needs an \"อำเภอ\" (district) column and sales figures \
             (per month or a total)",
        )
    }

    /// A sales cell holding a formula error.
    pub fn sales_formula_error(error: &str) -> Issue {
        Issue::new(
            Code::SalesFormulaError,
            format!("ยอดจำหน่ายเป็นค่าผิดพลาดของสูตร ({error}) จึงไม่ถูกรวม — แก้สูตรหรือพิมพ์ยอดเป็นตัวเลข"),
            format!(
                "The sales figure is a formula error ({error}) and is left out: fix the formula or type the amount"
            ),
        )
    }

    /// A sales cell that is not an amount.
    pub fn sales_not_amount(typed: &str) -> Issue {
        Issue::new(
            Code::SalesNotAmount,
            format!("\"{typed}\" ไม่ใช่จำนวนเงิน จึงไม่ถูกรวม — พิมพ์เป็นตัวเลข เช่น 1,250,000"),
            format!("\"{typed}\" is not an amount and is left out: type a number such as 1,250,000"),
        )
    }

    /// A month cell that cannot be read.
    pub fn sales_month_unreadable(typed: &str) -> Issue {
        Issue::new(
            Code::SalesMonthUnreadable,
            format!("อ่านเดือน \"{typed}\" ไม่ได้ จึงไม่ถูกรวม — พิมพ์เช่น เม.ย. 64 หรือ 4/2564"),
            format!("The month \"{typed}\" cannot be read and the row is left out: type e.g. เม.ย. 64 or 4/2564"),
        )
    }

    /// A row that repeats row `first` cell for cell.
    pub fn sales_repeated_row(first: u32) -> Issue {
        Issue::new(
            Code::SalesRepeatedRow,
            format!("แถวนี้ซ้ำกับแถว {first} ทุกช่อง — นับทั้งสองแถว; ถ้าเป็นแถวที่คัดลอกซ้ำ ให้ลบออก"),
            format!("This row repeats row {first} word for word: both are counted; delete it if it is a copy"),
        )
    }

    /// A sales row whose district matches none of the preset's.
    pub fn sales_amphoe_unknown(typed: &str, near: &[String]) -> Issue {
        let list = near.join(", ");
        Issue::new(
            Code::SalesAmphoeUnknown,
            format!("ไม่รู้จักอำเภอ \"{typed}\" จึงไม่ถูกรวม — ใกล้เคียงที่สุด: {list}"),
            format!("Unknown district \"{typed}\", left out. Closest: {list}"),
        )
    }

    /// Figures outside the evaluation window (`list`: the months or years).
    pub fn sales_outside_window(list: &str) -> Issue {
        Issue::new(
            Code::SalesOutsideWindow,
            format!("ยอดของ {list} อยู่นอกช่วงประเมิน จึงไม่ถูกนับ"),
            format!("Figures for {list} are outside the evaluation window and were not counted"),
        )
    }

    /// No sales at all for district `name` (preset district number `index`).
    pub fn sales_district_missing(index: usize, name: &str) -> Issue {
        Issue::new(
            Code::SalesDistrictMissing,
            format!(
                "ไม่มียอดจำหน่ายของอำเภอ{name} ในช่วงประเมิน — ตัวชี้วัดที่ 2 ของอำเภอนี้ยังไม่คิดคะแนน \
                 และยอดรวมจังหวัดขาดอำเภอนี้"
            ),
            format!(
                "No sales of {name} in the evaluation window: its KPI 2 is not scored and the province total lacks it"
            ),
        )
        .for_district(index)
    }

    /// District `name` (number `index`) lacks the months listed.
    pub fn sales_month_missing(index: usize, name: &str, months_th: &str, months_en: &str) -> Issue {
        Issue::new(
            Code::SalesMonthMissing,
            format!("อำเภอ{name} ไม่มียอดของเดือน {months_th} — ยอดรวมอาจต่ำกว่าจริง"),
            format!("{name} has no figure for {months_en}: its total may be too low"),
        )
        .for_district(index)
    }

    /// The base of district `name` taken from a sales file instead of the preset.
    pub fn sales_base_replaced(fiscal_year: i32, name: &str, from_file: Satang, preset: Satang) -> Issue {
        let (file, own) = (display::baht(from_file), display::baht(preset));
        Issue::new(
            Code::SalesBaseReplaced,
            format!(
                "ฐานปี {} ของอำเภอ{name} ใช้ตามไฟล์ยอดจำหน่าย ({file} บาท) แทนค่าในการตั้งค่า ({own} บาท)",
                fiscal_year - 1
            ),
            format!(
                "The {} base of {name} comes from the sales file ({file} baht) instead of the preset ({own} baht)",
                fiscal_year - 1 - 543
            ),
        )
    }

    /// Sales of district `name` more than `factor` × the median of the other districts'.
    pub fn sales_outlier(name: &str, sales: Satang, factor: i128) -> Issue {
        let shown = display::baht(sales);
        Issue::new(
            Code::SalesOutlier,
            format!(
                "ยอดจำหน่ายของอำเภอ{name} ({shown} บาท) สูงกว่า {factor} เท่าของค่ามัธยฐานของอำเภออื่น \
                 — ตรวจว่ากรอกตัวเลขถูกต้องหรือไม่"
            ),
            format!(
                "The sales of {name} ({shown} baht) are more than {factor} times the median of the other \
                 districts: check the figure"
            ),
        )
    }

    /// A sales file whose districts belong to no one loaded province.
    pub fn sales_province_unknown() -> Issue {
        Issue::new(
            Code::SalesProvinceUnknown,
            "ไม่รู้ว่าไฟล์ยอดจำหน่ายนี้เป็นของจังหวัดใด (ชื่ออำเภอไม่ตรงกับจังหวัดที่นำเข้า) จึงไม่ถูกใช้ \
             — แยกไฟล์ยอดจำหน่ายเป็นรายจังหวัด",
            "It cannot be told which province this sales file is for (its districts match no loaded province), \
             so it is not used: give each province its own sales file",
        )
    }
}
