//! The catalogue's preset, settings and target-table issues (SPEC §3, §4.4).

use super::{Code, Issue};
use crate::display;
use crate::money::{BasisPoints, Satang};

/// A figure of a district in the preset (or a target table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// A district's entrepreneurs.
    Entrepreneurs,
    /// A district's registered products.
    Products,
    /// A district's base-year sales.
    Base,
}

impl Figure {
    /// Its name in Thai and in English.
    pub(super) fn names(self) -> (&'static str, &'static str) {
        match self {
            Figure::Entrepreneurs => ("จำนวนผู้ประกอบการ", "registered entrepreneurs"),
            Figure::Products => ("จำนวนผลิตภัณฑ์", "registered products"),
            Figure::Base => ("ยอดจำหน่ายปีฐาน", "base-year sales"),
        }
    }

    /// An amount of this figure for people: a count, or baht.
    pub(super) fn amount(self, v: Satang) -> String {
        match self {
            Figure::Base => display::baht(v),
            _ => display::count(v.baht()),
        }
    }
}

impl Issue {
    /// A preset file that is not valid JSON.
    pub fn preset_json_invalid(e: &serde_json::Error) -> Issue {
        let (line, col) = (e.line(), e.column());
        Issue::new(
            Code::PresetJsonInvalid,
            format!(
                "อ่านไฟล์การตั้งค่าไม่ได้: บรรทัด {line} คอลัมน์ {col} — ตรวจรูปแบบไฟล์ \
                 หรือบันทึกการตั้งค่าจากหน้านี้ใหม่ ({e})"
            ),
            format!(
                "The preset file (JSON) could not be read at line {line}, column {col}: check the file, \
                 or export the preset from this page again ({e})"
            ),
        )
    }

    /// A preset without districts.
    pub fn preset_districts_empty() -> Issue {
        Issue::new(
            Code::PresetDistrictsEmpty,
            "การตั้งค่าไม่มีอำเภอ — เพิ่มอำเภออย่างน้อยหนึ่งอำเภอ",
            "The preset has no district: add at least one",
        )
    }

    /// District number `n` (from 1) without a name.
    pub fn preset_district_name_empty(n: usize) -> Issue {
        Issue::new(
            Code::PresetDistrictNameEmpty,
            format!("อำเภอลำดับที่ {n} ไม่มีชื่อ — ใส่ชื่ออำเภอ"),
            format!("District no. {n} has no name: type its name"),
        )
    }

    /// District number `n` repeating an earlier district's name.
    pub fn preset_district_name_duplicate(n: usize, name: &str) -> Issue {
        Issue::new(
            Code::PresetDistrictNameDuplicate,
            format!("ชื่ออำเภอ \"{name}\" ซ้ำ (ลำดับที่ {n}) — แต่ละอำเภอต้องมีชื่อไม่ซ้ำกัน"),
            format!("District name \"{name}\" appears twice (no. {n}): each district needs its own name"),
        )
    }

    /// A district figure that is zero or negative.
    pub fn preset_figure_not_positive(figure: Figure, name: &str) -> Issue {
        let code = match figure {
            Figure::Entrepreneurs => Code::PresetDistrictEntrepreneursNotPositive,
            Figure::Products => Code::PresetDistrictProductsNotPositive,
            Figure::Base => Code::PresetDistrictBaseNotPositive,
        };
        let (th, en) = figure.names();
        Issue::new(
            code,
            format!("{th}ของอำเภอ{name} ต้องมากกว่าศูนย์ — แก้ตัวเลขในตารางอำเภอ"),
            format!("The {en} of {name} must be greater than zero: correct it in the district table"),
        )
    }

    /// KPI `kpi`'s thresholds not rising (`list`: the five percentages).
    pub fn preset_thresholds_order(kpi: u8, list: &str) -> Issue {
        let code = if kpi == 1 { Code::PresetKpi1ThresholdsOrder } else { Code::PresetKpi2ThresholdsOrder };
        Issue::new(
            code,
            format!("เกณฑ์ของตัวชี้วัด {kpi} ต้องเรียงจากน้อยไปมากและไม่ติดลบ (ตอนนี้ {list} %)"),
            format!("The thresholds of KPI {kpi} must rise from score to score and not be negative (now {list} %)"),
        )
    }

    /// An evaluation window whose first month comes after its last.
    pub fn preset_window_empty() -> Issue {
        Issue::new(
            Code::PresetWindowEmpty,
            "ช่วงเวลาประเมินว่าง — เดือนเริ่มต้องไม่อยู่หลังเดือนสิ้นสุด",
            "The evaluation window is empty: its first month must not come after its last",
        )
    }

    /// A window month outside 1–12.
    pub fn preset_window_month() -> Issue {
        Issue::new(
            Code::PresetWindowMonth,
            "เดือนของช่วงประเมินต้องอยู่ระหว่าง 1 ถึง 12",
            "The window's months must be between 1 and 12",
        )
    }

    /// A district figure more than `factor` × the median of the other districts'
    /// (`shown` as printed, `share` of the province).
    pub fn preset_outlier(figure: Figure, name: &str, shown: &str, share: BasisPoints, factor: i128) -> Issue {
        let code = match figure {
            Figure::Entrepreneurs => Code::PresetOutlierEntrepreneurs,
            Figure::Products => Code::PresetOutlierProducts,
            Figure::Base => Code::PresetOutlierBase,
        };
        let (th, en) = figure.names();
        Issue::new(
            code,
            format!(
                "{th}ของอำเภอ{name} ({shown}) สูงกว่า {factor} เท่าของค่ามัธยฐานของอำเภออื่น และคิดเป็น {share}% \
                 ของทั้งจังหวัด — ตรวจว่ากรอกตัวเลขถูกต้องหรือไม่ (ระบบไม่แก้ค่าให้)"
            ),
            format!(
                "The {en} of {name} ({shown}) is more than {factor} times the median of the other districts \
                 and {share}% of the province: check that it was typed correctly (it is used as it is)"
            ),
        )
    }

    /// A figure typed in the settings that is not a number (`what`: a count, an amount…).
    pub fn settings_input(typed: &str, what_th: &str, what_en: &str) -> Issue {
        Issue::new(
            Code::SettingsInput,
            format!("\"{typed}\" ใช้เป็น{what_th}ไม่ได้ — พิมพ์ตัวเลข เช่น 1,250"),
            format!("\"{typed}\" cannot be used as {what_en}: type a number such as 1,250"),
        )
    }

    /// A file with no target table in it.
    pub fn targets_not_found() -> Issue {
        Issue::new(
            Code::TargetsNotFound,
            "ไม่พบตารางค่าเป้าหมายในไฟล์นี้ — ต้องมีคอลัมน์ \"อำเภอ\" และคอลัมน์ 1–5 คะแนน ตามหนังสือ",
            "No target table found in this file: it needs an \"อำเภอ\" column and the score 1–5 columns, \
             as in the letter",
        )
    }

    /// A printed target (in `cell`) that differs from the computed one.
    pub fn targets_printed_differs(cell: &str, printed: Satang, computed: Satang, district: &str) -> Issue {
        let (p, c) = (display::baht(printed), display::baht(computed));
        Issue::new(
            Code::TargetsPrintedDiffers,
            format!(
                "เป้าหมายที่พิมพ์ไว้ในเซลล์ {cell} ({p}) ไม่ตรงกับที่คำนวณได้ ({c}) สำหรับอำเภอ{district} \
                 — ระบบใช้ค่าที่คำนวณ; ตรวจตัวเลขในตาราง"
            ),
            format!(
                "The printed target in cell {cell} ({p}) differs from the computed one ({c}) for {district}: \
                 the computed one is used; check the table"
            ),
        )
    }
}
