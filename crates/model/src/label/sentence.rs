//! The page's sentences that hold figures or names, in Thai and English: each a
//! function of the language and what it says, written here once.
//!
//! ```
//! use otop_model::{display::Lang, label::sentence};
//! assert_eq!(sentence::files_read(Lang::Th, 9), "อ่านแล้ว 9 ไฟล์");
//! assert_eq!(sentence::files_read(Lang::En, 9), "9 files read");
//! ```

use std::fmt::Display;

use crate::display::Lang;

/// A sentence: `fn name(lang, args…) -> String`, its Thai and its English
/// format strings, which name the arguments they show.
macro_rules! sentences {
    ($($(#[$doc:meta])* $name:ident($($arg:ident),*) => $th:literal, $en:literal;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(lang: Lang, $($arg: impl Display),*) -> String {
                match lang {
                    Lang::Th => format!($th),
                    Lang::En => format!($en),
                }
            }
        )*
        /// Every sentence, with sample arguments, in both languages (for the tests).
        #[cfg(test)]
        pub(crate) fn all_samples() -> Vec<(&'static str, String, String)> {
            vec![$(
                (
                    stringify!($name),
                    $name(Lang::Th, $(concat!("⟨", stringify!($arg), "⟩")),*),
                    $name(Lang::En, $(concat!("⟨", stringify!($arg), "⟩")),*),
                ),
            )*]
        }
    };
}

sentences! {
    /// A file list's fold: "9 ไฟล์ · มีข้อผิดพลาด 1 · มีคำเตือน 2 — กดเพื่อดูทีละไฟล์".
    files_folded(n, errors, warnings) =>
        "{n} ไฟล์ · มีข้อผิดพลาด {errors} · มีคำเตือน {warnings} — กดเพื่อดูทีละไฟล์",
        "{n} files · {errors} with errors · {warnings} with warnings: open to see each";
    /// A province named as its own line: "จังหวัดสระแก้ว".
    province_named(province) => "จังหวัด{province}", "{province}";
    /// A province's line of the file list: who, then its files and their problems.
    province_files(who, n, errors, warnings) =>
        "{who} — {n} ไฟล์ · มีข้อผิดพลาด {errors} · มีคำเตือน {warnings}",
        "{who}: {n} files · {errors} with errors · {warnings} with warnings";
    /// A file's line: the rows read and the problems.
    file_read(rows, errors, warnings) =>
        "อ่าน {rows} แถว · ข้อผิดพลาด {errors} · คำเตือน {warnings}",
        "{rows} rows read · errors: {errors} · warnings: {warnings}";
    /// The sheets a file's figures came from, of how many.
    sheets_used(list, of) => "ใช้แผ่นงาน: {list} (จาก {of})", "Sheets used: {list} (of {of})";
    /// Target tables of several provinces, loaded.
    provinces_loaded(count) => "โหลดแล้ว {count} จังหวัด", "{count} provinces loaded";
    /// A percentage in prose, as Thai official text writes it: "ร้อยละ 8.98" ("8.98 %").
    percent_prose(figure) => "ร้อยละ {figure}", "{figure} %";
    /// The provinces table's name button, its name first.
    show_districts_of(name) => "{name} ดูรายอำเภอ", "{name}: show its districts";
    /// What reaches KPI 1's next score.
    products_to_next(needed, score, target) =>
        "อีก {needed} ผลิตภัณฑ์ ถึง {score} คะแนน (เป้าหมาย {target})",
        "{needed} more products reach score {score} (target {target})";
    /// What reaches KPI 2's next score.
    baht_to_next(needed, score, target) =>
        "อีก {needed} บาท ถึง {score} คะแนน (เป้าหมาย {target} บาท)",
        "{needed} baht more reach score {score} (target {target} baht)";
    /// A district's KPI 1 card.
    district_kpi1(name) => "อำเภอ{name} · ตัวชี้วัดที่ 1", "{name} district · KPI 1";
    /// The province compared with an earlier link.
    province_change(online, score) =>
        "เทียบกับลิงก์ครั้งก่อน: จังหวัดจำหน่ายออนไลน์ {online} ผลิตภัณฑ์ · คะแนนตัวชี้วัดที่ 1 {score}",
        "Since the earlier link: the province has {online} products online · KPI 1 score {score}";
    /// The province's sales compared with an earlier link (follows [`province_change`]).
    sales_change(sales) => " · ยอดจำหน่าย {sales} บาท", " · sales {sales} baht";
    /// Both scores, where the two rules give different ones.
    rules_differ(by_table, by_percent) =>
        "ตามตาราง {by_table} · ตามร้อยละ {by_percent}",
        "by table {by_table} · by percent {by_percent}";
    /// The settings as printed.
    printed_settings(rule, survey, mark) =>
        "เกณฑ์การให้คะแนน: {rule} · รายงานการสำรวจความพร้อม: {survey} · ช่องทางที่มีเพียงเครื่องหมาย: {mark}",
        "Scoring rule: {rule} · Readiness survey report: {survey} · Channels with only a mark: {mark}";
    /// The link from the results down to the issues.
    issues_below(n) => "ปัญหาที่พบ {n} รายการ ↓", "{n} issues found ↓";
    /// An area of a map outside the run.
    map_not_in_run(name) => "{name}: ไม่อยู่ในรอบนี้", "{name}: not in this run";
    /// A district of a map with no report.
    map_no_report(name) => "{name}: ยังไม่ส่งรายงาน", "{name}: no report yet";
    /// An area of a map by KPI 1.
    map_kpi1(name, online, products, percent, score) =>
        "{name}: จำหน่ายออนไลน์ {online} จาก {products} ผลิตภัณฑ์ ({percent}) · คะแนน {score}",
        "{name}: {online} of {products} products online ({percent}) · score {score}";
    /// An area of a map by KPI 2.
    map_kpi2(name, growth, score) =>
        "{name}: ยอดจำหน่ายเพิ่มขึ้น {growth} · คะแนน {score}",
        "{name}: sales growth {growth} · score {score}";
    /// An area of a map by KPI 2, with no sales figures.
    map_no_sales(name) => "{name}: ไม่มียอดจำหน่าย", "{name}: no sales figures";
    /// Names the map has no shape for.
    not_on_map(names) => "ไม่มีบนแผนที่: {names}", "Not on the map: {names}";
    /// A province's map's caption.
    map_of_districts(kpi, province) =>
        "แผนที่คะแนน{kpi} รายอำเภอ จังหวัด{province}",
        "{kpi} score by district, {province}";
    /// The country's map's caption.
    map_of_provinces(kpi) => "แผนที่คะแนน{kpi} รายจังหวัด", "{kpi} score by province";
    /// The districts still to send (follows [`super::sent_line`]).
    still_to_send(list) => " · ยังไม่ส่ง: {list}", " · still to send: {list}";
    /// A target table's score column: "1 คะแนน (ร้อยละ 8)".
    score_points(score, percent) => "{score} คะแนน (ร้อยละ {percent})", "{score} points ({percent} %)";
    /// The round evaluated (the year in B.E. in Thai, C.E. in English).
    round_of_year(round, year_be, year_ce, window) =>
        "รอบการประเมินที่ {round} ประจำปีงบประมาณ พ.ศ. {year_be} ({window})",
        "Round {round}, fiscal year {year_ce} ({window})";
    /// The base-year sales column, with its period.
    base_sales_of(period) => "ยอดจำหน่ายปีฐาน {period} (บาท)", "Base-year sales, {period} (baht)";
    /// The page's footer.
    footer(province, year_be, year_ce, round, window) =>
        "ตัวชี้วัดและค่าเป้าหมายการประเมินผลการปฏิบัติราชการ ระดับจังหวัด · จังหวัด{province} \
         ปีงบประมาณ พ.ศ. {year_be} รอบที่ {round} ({window}) · กรมการพัฒนาชุมชน",
        "Provincial performance KPIs and targets · {province} province, fiscal year {year_ce} round {round} \
         ({window}) · Community Development Department";
    /// The heading's subtitle.
    subtitle(province, year_be, year_ce, round) =>
        "จังหวัด{province} · ปีงบประมาณ {year_be} รอบที่ {round} \
         · ไฟล์ทั้งหมดอ่านในเบราว์เซอร์นี้ ไม่มีการส่งข้อมูลออกไป",
        "{province} province · fiscal year {year_ce} round {round} \
         · files are read in this browser only; nothing is sent anywhere";
    /// The print's title.
    print_title(province, year_be, year_ce, round) =>
        "ผลการประเมินตัวชี้วัด OTOP จังหวัด{province} ปีงบประมาณ พ.ศ. {year_be} รอบที่ {round}",
        "OTOP KPI results, {province} province, fiscal year {year_ce} round {round}";
    /// The day the data had.
    data_as_of(day) => "ข้อมูล ณ วันที่ {day}", "Data as of {day}";
    /// A run opened from a link.
    shared_view(date) =>
        "ผลจากลิงก์ — ไม่มีไฟล์ข้อมูล (ข้อมูล ณ วันที่ {date}) · ลากไฟล์มาวางเพื่อประเมินใหม่",
        "Results from a link: no data files (data as of {date}) · drop files to make a new run";
    /// A results link's length.
    characters(n) => "{n} ตัวอักษร", "{n} characters";
    /// A threshold field beyond the first.
    score_at_least(score) => "{score} คะแนน ≥ %", "score {score} at ≥ %";
    /// A KPI's thresholds.
    thresholds_of(kpi) => "เกณฑ์ตัวชี้วัดที่ {kpi}", "KPI {kpi} thresholds";
    /// Where an issue is: its row.
    at_row(row) => "แถว {row}", "row {row}";
    /// Where an issue is: its column.
    at_column(column) => "คอลัมน์ {column}", "column {column}";
    /// The issues list's next page.
    show_more(next, left) => "แสดงอีก {next} รายการ (เหลือ {left})", "Show {next} more ({left} not shown)";
    /// The issues' count.
    issue_counts(errors, warnings) => "ข้อผิดพลาด {errors} · คำเตือน {warnings}", "{errors} errors · {warnings} warnings";
    /// Files being read.
    reading_files(read, all) => "กำลังอ่านไฟล์… อ่านแล้ว {read} จาก {all} ไฟล์", "Reading files: {read} of {all} read";
    /// Files read.
    files_read(n) => "อ่านแล้ว {n} ไฟล์", "{n} files read";
}

/// The name of the other language, on the switch to it.
pub fn other_language(lang: Lang) -> &'static str {
    match lang {
        Lang::Th => "English",
        Lang::En => "ภาษาไทย",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sentence_shows_each_of_its_arguments_in_both_languages() {
        // `all_samples` passes each argument its own name in ⟨⟩: both texts show every one.
        let src = include_str!("sentence.rs");
        for (name, th, en) in all_samples() {
            let start = src.find(&format!("    {name}(")).unwrap_or_else(|| panic!("{name}"));
            let args = src[start..].split_once('(').and_then(|(_, r)| r.split_once(')')).map(|(a, _)| a).unwrap_or("");
            for arg in args.split(',').map(str::trim).filter(|a| !a.is_empty()) {
                // C.E. and B.E. years: each language shows its own.
                let th_only = arg == "year_be";
                let en_only = arg == "year_ce";
                let shown = format!("⟨{arg}⟩");
                assert_eq!(th.contains(&shown), !en_only, "{name}: {arg} in Thai: {th}");
                assert_eq!(en.contains(&shown), !th_only, "{name}: {arg} in English: {en}");
            }
            assert!(th.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c)), "{name}: Thai: {th}");
            let en_words = en.chars().filter(|c| ('\u{0E00}'..='\u{0E7F}').contains(c)).count();
            assert_eq!(en_words, 0, "{name}: Thai letters in the English: {en}");
        }
    }
}
