//! One catalogue of the words the page, the workbooks and the command share, in
//! Thai and English — as [`crate::issue::Code`] is for issues: a heading such as
//! "ยอดจำหน่ายปีฐาน" is written here once, and every place that shows it takes it
//! from here. The words shared by the page, the workbooks and the command are
//! here; the page's own are in `page`, the downloaded workbooks' in `workbook`,
//! and the sentences that hold figures or names in [`sentence`].
//!
//! ```
//! use otop_model::{display::Lang, label::Label};
//! assert_eq!(Label::BaseSales.text(Lang::Th), "ยอดจำหน่ายปีฐาน");
//! assert_eq!(Label::BaseSales.text(Lang::En), "Base-year sales");
//! ```

use crate::display::Lang;

/// A word or heading shown in both languages: one of the catalogue's
/// constants, `Label::District`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    /// The constant's name (for the catalogue's tests).
    name: &'static str,
    th: &'static str,
    en: &'static str,
}

/// Defines words of the catalogue, `Name => "Thai", "English";`, as constants
/// of [`Label`], and lists them in the module's `WORDS`.
macro_rules! words {
    ($($name:ident => $th:literal, $en:literal;)*) => {
        #[allow(non_upper_case_globals)]
        impl $crate::label::Label {
            $(
                #[doc = $en]
                pub const $name: $crate::label::Label =
                    $crate::label::Label { name: stringify!($name), th: $th, en: $en };
            )*
        }
        /// Every word defined here (for the catalogue's tests).
        #[allow(dead_code)]
        pub(super) const WORDS: &[$crate::label::Label] = &[$($crate::label::Label::$name),*];
    };
}

mod page;
pub mod sentence;
mod workbook;

words! {
    No => "ที่", "No.";
    District => "อำเภอ", "District";
    Province => "จังหวัด", "Province";
    Entrepreneurs => "ผู้ประกอบการ", "Entrepreneurs";
    RegisteredProducts => "ผลิตภัณฑ์ที่ลงทะเบียน", "Registered products";
    SoldOnline => "จำหน่ายออนไลน์", "Sold online";
    Online => "ออนไลน์", "Online";
    Percent => "ร้อยละ", "Percent";
    Score => "คะแนน", "Score";
    ScoreByTable => "คะแนน (ตามตาราง)", "Score (by table)";
    ScoreByPercent => "คะแนน (ตามร้อยละ)", "Score (by percent)";
    NextTarget => "เป้าหมายคะแนนถัดไป", "Next score's target";
    StillNeeded => "ต้องเพิ่มอีก", "Still needed";
    BaseSales => "ยอดจำหน่ายปีฐาน", "Base-year sales";
    Sales => "ยอดจำหน่าย", "Sales";
    Growth => "เพิ่มขึ้นร้อยละ", "Growth (%)";
    ReportSent => "ส่งรายงาน", "Report sent";
    NoData => "ไม่มีข้อมูล", "no data";
    SurveyNeeded => "ต้องมีรายงานการสำรวจ", "needs the survey report";
    Kpi1Title => "ตัวชี้วัดที่ 1 — ผลิตภัณฑ์ OTOP ในตลาดออนไลน์", "KPI 1: OTOP products sold online";
    Kpi2Title => "ตัวชี้วัดที่ 2 — รายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน OTOP", "KPI 2: income from OTOP product sales";
    Kpi1TargetsTitle =>
        "เป้าหมายตัวชี้วัดการส่งเสริมผลิตภัณฑ์ OTOP ในตลาดออนไลน์",
        "Targets: promoting OTOP products in online markets";
    Kpi2TargetsTitle =>
        "เป้าหมายตัวชี้วัดรายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน OTOP",
        "Targets: income from OTOP community product sales";
    RuleByTable => "ตามตารางเป้าหมาย", "by the target table";
    RuleByPercent => "ตามร้อยละ", "by percent";
    ByTable => "ตาราง", "table";
    ByPercent => "ร้อยละ", "percent";
    ProductsToNextScore => "อีกกี่ชิ้นถึงคะแนนถัดไป", "Products to the next score";
    BahtToNextScore => "อีกกี่บาทถึงคะแนนถัดไป", "Baht to the next score";
    IssuesFound => "ปัญหาที่พบ", "Issues";
    Row => "แถว", "row";
    NotSentYet => "ยังไม่ส่ง", "not sent yet";
    Kpi1Score => "คะแนนตัวชี้วัดที่ 1", "KPI 1 score";
    Kpi2Score => "คะแนนตัวชี้วัดที่ 2", "KPI 2 score";
    Change => "เปลี่ยนจากครั้งก่อน", "Change since then";
    ScoreChange => "คะแนนเปลี่ยน", "Score change";
    SalesChange => "ยอดจำหน่ายเปลี่ยน", "Sales change";
}

impl Label {
    /// Every word of the catalogue.
    pub fn all() -> impl Iterator<Item = Label> {
        WORDS.iter().chain(page::WORDS).chain(workbook::WORDS).copied()
    }
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

    /// Both texts, owned: for a message that travels as (Thai, English).
    pub fn both_owned(self) -> (String, String) {
        let (th, en) = self.both();
        (th.to_string(), en.to_string())
    }

    /// The Thai and the English text.
    pub fn both(self) -> (&'static str, &'static str) {
        (self.th, self.en)
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

    fn is_thai(c: char) -> bool {
        ('\u{0E00}'..='\u{0E7F}').contains(&c)
    }

    #[test]
    fn every_label_has_both_texts_and_none_repeats_another() {
        let mut seen = std::collections::HashSet::new();
        for l in Label::all() {
            let (th, en) = l.both();
            assert!(!th.is_empty() && !en.is_empty(), "{l:?}");
            assert!(th.chars().any(is_thai), "{l:?}: Thai");
            // English, but for a form's Thai name ("รต.๑").
            let en_without_forms = en.replace("รต.๑", "").replace("รต.1", "");
            assert!(
                !en_without_forms.chars().any(is_thai) && en.chars().any(|c| c.is_ascii_alphanumeric()),
                "{l:?}: English"
            );
            assert!(seen.insert((th, en)), "{l:?} repeats another label");
        }
    }

    /// One Thai text says one thing in English: two labels with the same
    /// Thai differ at most in case or number ("Error", "Errors"), or are a
    /// setting's option beside the setting as printed ("By strict percentage
    /// (default)", "by strict percentage").
    #[test]
    fn the_same_thai_means_the_same_in_english() {
        let stem = |en: &str| en.to_lowercase().trim_end_matches('s').to_string();
        for a in Label::all() {
            for b in Label::all() {
                let ((ta, ea), (tb, eb)) = (a.both(), b.both());
                if a != b && ta == tb {
                    assert_eq!(stem(ea), stem(eb), "{} and {} both say {ta}", a.name, b.name);
                }
            }
        }
    }

    #[test]
    fn every_name_is_given_once() {
        let names: std::collections::HashSet<_> = Label::all().map(|l| l.name).collect();
        assert_eq!(names.len(), Label::all().count());
    }
}
