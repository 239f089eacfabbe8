//! The catalogue's target-table checks (SPEC §4.4): each table is checked as it
//! is read, and one that fails a sum or duplicate check is not used.

use super::preset::Figure;
use super::{Code, Issue};
use crate::money::Satang;

impl Issue {
    /// A total row whose `figure` is not the sum of the district rows above it
    /// (`rows`: "5–13"): the table is not used.
    pub fn targets_sum_differs(figure: Figure, total: Satang, sum: Satang, rows: &str, province: &str) -> Issue {
        let (th, en) = figure.names();
        let (t, s) = (figure.amount(total), figure.amount(sum));
        Issue::new(
            Code::TargetsSumDiffers,
            format!(
                "แถวรวมของตาราง{province}มี{th} {t} แต่ผลรวมของแถวอำเภอ (แถว {rows}) เท่ากับ {s} \
                 จึงไม่ใช้ตารางนี้ — ตรวจว่าขาดอำเภอใด มีแถวเกิน หรือพิมพ์ตัวเลขผิด แล้วนำเข้าใหม่"
            ),
            format!(
                "The total row of {province}'s table says {en} {t}, but its district rows ({rows}) add up to \
                 {s}, so the table is not used: check for a missing or extra district or a mistyped figure, and \
                 import it again"
            ),
        )
    }

    /// A district that appears twice in one table (its first row `first`): the table is not used.
    pub fn targets_district_twice(district: &str, first: u32) -> Issue {
        Issue::new(
            Code::TargetsDistrictTwice,
            format!("อำเภอ{district} อยู่ในตารางนี้สองครั้ง (ครั้งแรกแถว {first}) จึงไม่ใช้ตารางนี้ — ลบแถวที่ซ้ำ แล้วนำเข้าใหม่"),
            format!(
                "District {district} is in this table twice (first on row {first}), so the table is not used: \
                 delete the repeated row and import it again"
            ),
        )
    }

    /// Two tables of one kind for the same province (`other`: where the other one is): neither is used.
    pub fn targets_province_twice(province: &str, other: &str) -> Issue {
        Issue::new(
            Code::TargetsProvinceTwice,
            format!(
                "ไฟล์นี้มีตารางเป้าหมายแบบเดียวกันของจังหวัด{province}สองตาราง (อีกตารางอยู่ที่ {other}) \
                 จึงไม่ใช้ทั้งสองตาราง — ลบตารางที่ไม่ใช้ หรือแก้ชื่อจังหวัดในแถวชื่อตาราง"
            ),
            format!(
                "This file holds two tables of the same kind for {province} (the other at {other}), so neither \
                 is used: delete the one that is wrong, or correct the province in its title row"
            ),
        )
    }

    /// A table without a total row: its sums cannot be checked.
    pub fn targets_no_total() -> Issue {
        Issue::new(
            Code::TargetsNoTotal,
            "ตารางนี้ไม่มีแถวรวม (\"รวม (จ.…)\") จึงตรวจผลรวมของอำเภอไม่ได้ — ตรวจว่ามีครบทุกอำเภอ",
            "This table has no total row (\"รวม (จ.…)\"), so its district rows cannot be checked against it: \
             check that every district is there",
        )
    }

    /// A total-row cell that is not a number (`typed`): that sum is not checked.
    pub fn targets_total_unreadable(figure: Figure, typed: &str) -> Issue {
        let (th, en) = figure.names();
        Issue::new(
            Code::TargetsTotalUnreadable,
            format!("แถวรวมมี{th}เป็น \"{typed}\" ซึ่งไม่ใช่ตัวเลข จึงตรวจผลรวมไม่ได้ — พิมพ์เป็นตัวเลข"),
            format!("The total row's {en} is \"{typed}\", not a number, so the sum is not checked: type a number"),
        )
    }

    /// A district that, by the official list, is not one of `province`'s (`listed`:
    /// the provinces that have it, if any).
    pub fn targets_district_not_of_province(district: &str, province: &str, listed: &[&str]) -> Issue {
        let (th, en) = match listed {
            [] => ("ไม่มีอำเภอชื่อนี้ในประเทศไทย".to_string(), "no district of Thailand has this name".to_string()),
            _ => {
                (format!("เป็นอำเภอของจังหวัด{}", listed.join(", ")), format!("it is a district of {}", listed.join(", ")))
            }
        };
        Issue::new(
            Code::TargetsDistrictNotOfProvince,
            format!("อำเภอ \"{district}\" ไม่ใช่อำเภอของจังหวัด{province}ตามทะเบียน ({th}) — ตรวจชื่ออำเภอหรือชื่อจังหวัดของตาราง"),
            format!(
                "District \"{district}\" is not a district of {province} by the official list ({en}): check the \
                 district's name or the table's province"
            ),
        )
    }

    /// A province whose every target table failed a check: it is left out of the run.
    pub fn targets_province_unusable(province: &str) -> Issue {
        Issue::new(
            Code::TargetsProvinceUnusable,
            format!(
                "จังหวัด{province}ไม่มีตารางเป้าหมายที่ใช้ได้ (ดูข้อผิดพลาดของตาราง) จึงไม่ได้คำนวณจังหวัดนี้ \
                 — แก้ตาราง แล้วนำเข้าใหม่"
            ),
            format!(
                "{province} has no usable target table (see the table's errors), so it is left out of the run: \
                 correct the table and import it again"
            ),
        )
    }
}
