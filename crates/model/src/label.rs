//! One catalogue of the words the page, the workbooks and the command share, in
//! Thai and English — as [`crate::issue::Code`] is for issues: a heading such as
//! "ยอดจำหน่ายปีฐาน" is written here once, and every place that shows it takes it
//! from here.
//!
//! ```
//! use otop_model::{display::Lang, label::Label};
//! assert_eq!(Label::BaseSales.text(Lang::Th), "ยอดจำหน่ายปีฐาน");
//! assert_eq!(Label::BaseSales.text(Lang::En), "Base-year sales");
//! ```

use crate::display::Lang;

/// A word or heading shown in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    No,
    District,
    Province,
    Entrepreneurs,
    RegisteredProducts,
    SoldOnline,
    Online,
    Percent,
    Score,
    ScoreByTable,
    ScoreByPercent,
    NextTarget,
    StillNeeded,
    BaseSales,
    Sales,
    Growth,
    ReportSent,
    NoData,
    SurveyNeeded,
    Kpi1Title,
    Kpi2Title,
    Kpi1TargetsTitle,
    Kpi2TargetsTitle,
    RuleByTable,
    RuleByPercent,
    ByTable,
    ByPercent,
    ProductsToNextScore,
    BahtToNextScore,
    IssuesFound,
    Row,
    NotSentYet,
    Kpi1Score,
    Kpi2Score,
    Change,
    ScoreChange,
    SalesChange,
}

impl Label {
    /// Every label (for the catalogue's tests).
    pub const ALL: [Label; 37] = [
        Label::No,
        Label::District,
        Label::Province,
        Label::Entrepreneurs,
        Label::RegisteredProducts,
        Label::SoldOnline,
        Label::Online,
        Label::Percent,
        Label::Score,
        Label::ScoreByTable,
        Label::ScoreByPercent,
        Label::NextTarget,
        Label::StillNeeded,
        Label::BaseSales,
        Label::Sales,
        Label::Growth,
        Label::ReportSent,
        Label::NoData,
        Label::SurveyNeeded,
        Label::Kpi1Title,
        Label::Kpi2Title,
        Label::Kpi1TargetsTitle,
        Label::Kpi2TargetsTitle,
        Label::RuleByTable,
        Label::RuleByPercent,
        Label::ByTable,
        Label::ByPercent,
        Label::ProductsToNextScore,
        Label::BahtToNextScore,
        Label::IssuesFound,
        Label::Row,
        Label::NotSentYet,
        Label::Kpi1Score,
        Label::Kpi2Score,
        Label::Change,
        Label::ScoreChange,
        Label::SalesChange,
    ];

    /// The heading of a results column, by its SPEC §8 `data-col` name (the page
    /// also writes it beside each value where a phone lays a row out as a card).
    ///
    /// ```
    /// # use otop_model::{display::Lang, label::Label};
    /// assert_eq!(Label::of_column("online").map(|l| l.text(Lang::En)), Some("Sold online"));
    /// assert_eq!(Label::of_column("kpi2-score"), Some(Label::Score));
    /// assert_eq!(Label::of_column("nothing"), None);
    /// ```
    pub fn of_column(col: &str) -> Option<Label> {
        Some(match col {
            "products" => Label::RegisteredProducts,
            "online" => Label::SoldOnline,
            "percent" => Label::Percent,
            "score" | "kpi2-score" => Label::Score,
            "target-next" => Label::NextTarget,
            "gap" => Label::StillNeeded,
            "base" => Label::BaseSales,
            "sales" => Label::Sales,
            "growth" => Label::Growth,
            "sent" => Label::ReportSent,
            "change" => Label::Change,
            "change-score" => Label::ScoreChange,
            "sales-change" => Label::SalesChange,
            _ => return None,
        })
    }

    /// The Thai and the English text.
    pub fn both(self) -> (&'static str, &'static str) {
        match self {
            Label::No => ("ที่", "No."),
            Label::District => ("อำเภอ", "District"),
            Label::Province => ("จังหวัด", "Province"),
            Label::Entrepreneurs => ("ผู้ประกอบการ", "Entrepreneurs"),
            Label::RegisteredProducts => ("ผลิตภัณฑ์ที่ลงทะเบียน", "Registered products"),
            Label::SoldOnline => ("จำหน่ายออนไลน์", "Sold online"),
            Label::Online => ("ออนไลน์", "Online"),
            Label::Percent => ("ร้อยละ", "Percent"),
            Label::Score => ("คะแนน", "Score"),
            Label::ScoreByTable => ("คะแนน (ตามตาราง)", "Score (by table)"),
            Label::ScoreByPercent => ("คะแนน (ตามร้อยละ)", "Score (by percent)"),
            Label::NextTarget => ("เป้าหมายคะแนนถัดไป", "Next score's target"),
            Label::StillNeeded => ("ต้องเพิ่มอีก", "Still needed"),
            Label::BaseSales => ("ยอดจำหน่ายปีฐาน", "Base-year sales"),
            Label::Sales => ("ยอดจำหน่าย", "Sales"),
            Label::Growth => ("เพิ่มขึ้นร้อยละ", "Growth (%)"),
            Label::ReportSent => ("ส่งรายงาน", "Report sent"),
            Label::NoData => ("ไม่มีข้อมูล", "no data"),
            Label::SurveyNeeded => ("ต้องมีรายงานการสำรวจ", "needs the survey report"),
            Label::Kpi1Title => ("ตัวชี้วัดที่ 1 — ผลิตภัณฑ์ OTOP ในตลาดออนไลน์", "KPI 1: OTOP products sold online"),
            Label::Kpi2Title => {
                ("ตัวชี้วัดที่ 2 — รายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน OTOP", "KPI 2: income from OTOP product sales")
            }
            Label::Kpi1TargetsTitle => {
                ("เป้าหมายตัวชี้วัดการส่งเสริมผลิตภัณฑ์ OTOP ในตลาดออนไลน์", "Targets: promoting OTOP products in online markets")
            }
            Label::Kpi2TargetsTitle => {
                ("เป้าหมายตัวชี้วัดรายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน OTOP", "Targets: income from OTOP community product sales")
            }
            Label::RuleByTable => ("ตามตารางเป้าหมาย", "by the target table"),
            Label::RuleByPercent => ("ตามร้อยละ", "by percent"),
            Label::ByTable => ("ตาราง", "table"),
            Label::ByPercent => ("ร้อยละ", "percent"),
            Label::ProductsToNextScore => ("อีกกี่ชิ้นถึงคะแนนถัดไป", "Products to the next score"),
            Label::BahtToNextScore => ("อีกกี่บาทถึงคะแนนถัดไป", "Baht to the next score"),
            Label::IssuesFound => ("ปัญหาที่พบ", "Issues"),
            Label::Row => ("แถว", "row"),
            Label::NotSentYet => ("ยังไม่ส่ง", "not sent yet"),
            Label::Kpi1Score => ("คะแนนตัวชี้วัดที่ 1", "KPI 1 score"),
            Label::Kpi2Score => ("คะแนนตัวชี้วัดที่ 2", "KPI 2 score"),
            Label::Change => ("เปลี่ยนจากครั้งก่อน", "Change since then"),
            Label::ScoreChange => ("คะแนนเปลี่ยน", "Score change"),
            Label::SalesChange => ("ยอดจำหน่ายเปลี่ยน", "Sales change"),
        }
    }

    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (th, en) = self.both();
        match lang {
            Lang::Th => th,
            Lang::En => en,
        }
    }
}

/// "รอบการประเมินที่ 2 ประจำปีงบประมาณ พ.ศ.2564 (เดือน เม.ย. 2564 - ก.ย. 2564)", or in English.
pub fn round_line(lang: Lang, round: u32, fiscal_year: i32, from: &str, to: &str) -> String {
    match lang {
        Lang::Th => format!("รอบการประเมินที่ {round} ประจำปีงบประมาณ พ.ศ.{fiscal_year} (เดือน {from} - {to})"),
        Lang::En => format!("Evaluation round {round}, fiscal year B.E. {fiscal_year} ({from} – {to})"),
    }
}

/// A target column: "3 คะแนน (9.00%)", "score 3 (9.00%)".
pub fn score_column(lang: Lang, score: usize, percent: &str) -> String {
    match lang {
        Lang::Th => format!("{score} คะแนน ({percent}%)"),
        Lang::En => format!("score {score} ({percent}%)"),
    }
}

/// The letter's base column: "ยอดจำหน่ายปี 2563 (บาท)", "Sales in B.E. 2563 (baht)".
pub fn sales_of_year(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Th => format!("ยอดจำหน่ายปี {year} (บาท)"),
        Lang::En => format!("Sales in B.E. {year} (baht)"),
    }
}

/// "ส่งแล้ว 8 จาก 9 อำเภอ", "8 of 9 districts sent".
pub fn sent_line(lang: Lang, sent: usize, of: usize) -> String {
    match lang {
        Lang::Th => format!("ส่งแล้ว {sent} จาก {of} อำเภอ"),
        Lang::En => format!("{sent} of {of} districts sent"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_both_texts_and_none_repeats_another() {
        let mut seen = std::collections::HashSet::new();
        for l in Label::ALL {
            let (th, en) = l.both();
            assert!(!th.is_empty() && !en.is_empty(), "{l:?}");
            assert!(th.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c)), "{l:?}: Thai");
            assert!(en.is_ascii(), "{l:?}: English");
            assert!(seen.insert((th, en)), "{l:?} repeats another label");
        }
    }
}
