//! The results workbook, its headings in the page's language: both KPIs, the
//! letter's target tables, the merged product list in the form's layout (with
//! where each product came from and the district it counted for), the products
//! left out and why, the readiness summary and the issues.

use super::form::{header_format, write_form_header, write_product};
use super::write_heads;
use otop_engine::analysis::Analysis;
use otop_engine::nation::NationRun;
use otop_model::display::{self, Lang};
use otop_model::imported::header::Key;
use otop_model::issue::Issue;
use otop_model::label::Label;
use otop_model::preset::{Preset, ScoringRule};
use otop_model::scoring::Next;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

fn next_text<T: Copy>(n: Next<T>, show: impl Fn(T) -> String, lang: Lang) -> (String, String) {
    match n {
        Next::More { score, target, needed } => (show(target), format!("{} (→ {score})", show(needed))),
        Next::Survey => (String::new(), Label::NeedsReadinessSurvey.text(lang).into()),
        Next::Top => (String::new(), "-".into()),
    }
}

fn write_issues(ws: &mut Worksheet, issues: &[Issue], lang: Lang) -> Result<(), XlsxError> {
    let heads = [
        Label::Severity.text(lang),
        Label::File.text(lang),
        Label::Sheet.text(lang),
        Label::RowHeading.text(lang),
        Label::Column.text(lang),
        Label::Code.text(lang),
        "ข้อความ",
        "Message",
    ];
    write_heads(ws, 0, &heads, &[10.0, 28.0, 18.0, 7.0, 22.0, 26.0, 80.0, 80.0])?;
    for (r, i) in issues.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(
            r,
            0,
            if i.severity == otop_model::issue::Severity::Error {
                Label::Error.text(lang)
            } else {
                Label::Warning.text(lang)
            },
        )?;
        ws.write_string(r, 1, i.file.as_deref().unwrap_or(""))?;
        ws.write_string(r, 2, i.sheet.as_deref().unwrap_or(""))?;
        if let Some(row) = i.row {
            ws.write_number(r, 3, row as f64)?;
        }
        ws.write_string(r, 4, i.column.as_deref().unwrap_or(""))?;
        ws.write_string(r, 5, i.code.as_str())?;
        ws.write_string(r, 6, &i.message_th)?;
        ws.write_string(r, 7, &i.message_en)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The results workbook (see the module), its headings in `lang`.
///
/// ```
/// use otop_engine::{analysis::Analysis, sales::SalesInput};
/// use otop_model::{display::Lang, preset::Preset};
/// let preset = Preset::sa_kaeo_2564_round2();
/// let a = Analysis::run(&preset, &[], &[], &SalesInput::default());
/// let bytes = otop_export::results::results_workbook(&preset, &a, Lang::En).unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// ```
pub fn results_workbook(preset: &Preset, a: &Analysis, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    results_workbook_of(preset, a, None, lang)
}

/// [`results_workbook`] for a run over several provinces: a first sheet of the
/// provinces and the nation, then the province `a` (the one shown) as above.
pub fn results_workbook_of(
    preset: &Preset,
    a: &Analysis,
    nation: Option<&NationRun>,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    if let Some(n) = nation {
        write_provinces(&mut wb, n, lang)?;
    }
    write_summary(&mut wb, preset, a, lang)?;
    super::targets::write_target_sheets(&mut wb, preset, lang)?;
    write_products(&mut wb, preset, a, lang)?;
    write_excluded(&mut wb, a, lang)?;
    write_readiness(&mut wb, a, lang)?;
    let ws = wb.add_worksheet().set_name(Label::IssuesFound.text(lang))?;
    write_issues(ws, &a.issues, lang)?;
    write_link(&mut wb, preset, a, nation)?;
    wb.save_to_buffer()
}

/// The run's results link, in a hidden sheet: the workbook dropped beside a later
/// run compares with it (`share::link_in`).
fn write_link(wb: &mut Workbook, preset: &Preset, a: &Analysis, nation: Option<&NationRun>) -> Result<(), XlsxError> {
    let run = match nation {
        Some(n) => otop_engine::share::SharedRun::of_nation(n, None),
        None => otop_engine::share::SharedRun::of_analysis(preset, a, None),
    };
    let ws = wb.add_worksheet().set_name(otop_engine::share::LINK_SHEET)?;
    for (row, piece) in otop_engine::share::link_cells(&run.encode()).iter().enumerate() {
        ws.write_string(row as u32, 0, piece)?;
    }
    ws.set_hidden(true);
    Ok(())
}

/// The provinces and the nation: both KPIs, scored from their own totals.
fn write_provinces(wb: &mut Workbook, n: &NationRun, lang: Lang) -> Result<(), XlsxError> {
    let int = Format::new().set_num_format("#,##0");
    let (money, pct) = (Format::new().set_num_format("#,##0.00"), Format::new().set_num_format("0.00"));
    let ws = wb.add_worksheet().set_name(Label::ProvincesSheet.text(lang))?;
    let heads = [
        Label::Province.text(lang),
        Label::RegisteredProducts.text(lang),
        Label::SoldOnline.text(lang),
        Label::Percent.text(lang),
        Label::Kpi1Score.text(lang),
        Label::BaseYearSalesBaht.text(lang),
        Label::SalesBaht.text(lang),
        Label::Growth.text(lang),
        Label::Kpi2Score.text(lang),
        Label::DistrictsSent.text(lang),
    ];
    write_heads(ws, 0, &heads, &[18.0, 16.0, 16.0, 16.0, 16.0, 16.0, 16.0, 16.0, 16.0, 16.0])?;
    // Who has sent, per province and for the nation: "8/9".
    let (sent, all) = n.submitted();
    let e = &n.nation;
    for (i, r) in e.districts.iter().chain(std::iter::once(&e.province)).enumerate() {
        let row = 1 + i as u32;
        ws.write_string(row, 0, &r.district)?;
        ws.write_number_with_format(row, 1, r.kpi1.products as f64, &int)?;
        ws.write_number_with_format(row, 2, r.kpi1.online as f64, &int)?;
        ws.write_number_with_format(row, 3, r.kpi1.percent.0 as f64 / 100.0, &pct)?;
        ws.write_number(row, 4, r.kpi1.score(e.rule) as f64)?;
        ws.write_number_with_format(row, 5, r.base.0 as f64 / 100.0, &money)?;
        if let Some(k) = &r.kpi2 {
            ws.write_number_with_format(row, 6, k.sales.0 as f64 / 100.0, &money)?;
            ws.write_number_with_format(row, 7, k.growth.0 as f64 / 100.0, &pct)?;
            ws.write_number(row, 8, k.score(e.rule) as f64)?;
        }
        let (done, of) = sent.get(i).copied().unwrap_or(all);
        ws.write_string(row, 9, format!("{done}/{of}"))?;
    }
    ws.set_freeze_panes(1, 1)?;
    Ok(())
}

fn write_summary(wb: &mut Workbook, preset: &Preset, a: &Analysis, lang: Lang) -> Result<(), XlsxError> {
    let e = &a.evaluation;
    let rule = e.rule;
    let int = Format::new().set_num_format("#,##0");
    let money = Format::new().set_num_format("#,##0.00");
    let pct = Format::new().set_num_format("0.00");
    let bold = Format::new().set_bold();

    let ws = wb.add_worksheet().set_name(Label::SummarySheet.text(lang))?;
    let by_table = rule == ScoringRule::Table;
    let title = match lang {
        Lang::Th => format!(
            "ผลตัวชี้วัด OTOP จังหวัด{} ปีงบประมาณ {} รอบที่ {} (เกณฑ์{}, {})",
            preset.province,
            preset.fiscal_year,
            preset.round,
            if by_table { "ตามตารางเป้าหมาย" } else { "ตามร้อยละ" },
            if e.survey_done {
                "มีรายงานการสำรวจความพร้อม"
            } else {
                "ยังไม่มีรายงานการสำรวจความพร้อม"
            }
        ),
        Lang::En => format!(
            "OTOP KPI results, {} province, fiscal year {} round {} (scored {}, {})",
            preset.province,
            preset.fiscal_year - 543,
            preset.round,
            if by_table { "by the target table" } else { "by percentage" },
            if e.survey_done { "with the readiness survey" } else { "without the readiness survey yet" }
        ),
    };
    ws.write_string_with_format(0, 0, title, &bold.clone().set_font_size(14))?;
    let kpi1_title = Label::Kpi1SheetTitle.text(lang);
    ws.write_string_with_format(2, 0, kpi1_title, &bold)?;
    let heads1 = [
        Label::No.text(lang),
        Label::District.text(lang),
        Label::RegisteredProducts.text(lang),
        Label::SoldOnline.text(lang),
        Label::Percent.text(lang),
        Label::Score.text(lang),
        Label::ScoreByTable.text(lang),
        Label::ScoreByPercent.text(lang),
        Label::NextTarget.text(lang),
        Label::StillNeeded.text(lang),
        Label::ReportSent.text(lang),
    ];
    write_heads(ws, 3, &heads1, &[])?;
    let (sent, of) = a.submitted();
    let rows: Vec<_> = e.districts.iter().chain(std::iter::once(&e.province)).collect();
    for (i, r) in rows.iter().enumerate() {
        let row = 4 + i as u32;
        if i < e.districts.len() {
            ws.write_number(row, 0, (i + 1) as f64)?;
        }
        ws.write_string(row, 1, &r.district)?;
        ws.write_number_with_format(row, 2, r.kpi1.products as f64, &int)?;
        ws.write_number_with_format(row, 3, r.kpi1.online as f64, &int)?;
        ws.write_number_with_format(row, 4, r.kpi1.percent.0 as f64 / 100.0, &pct)?;
        ws.write_number(row, 5, r.kpi1.score(rule) as f64)?;
        ws.write_number(row, 6, r.kpi1.by_table as f64)?;
        ws.write_number(row, 7, r.kpi1.by_percent as f64)?;
        let (target, gap) = next_text(r.kpi1.next(rule), display::count, lang);
        ws.write_string(row, 8, &target)?;
        ws.write_string(row, 9, &gap)?;
        let sent_text = match (i < e.districts.len(), a.has_sent(&r.district)) {
            (true, true) => Label::SentMark.text(lang).to_string(),
            (true, false) => Label::NoReportYet.text(lang).to_string(),
            (false, _) => match lang {
                Lang::Th => format!("ส่งแล้ว {sent} จาก {of} อำเภอ"),
                Lang::En => format!("{sent} of {of} districts"),
            },
        };
        ws.write_string(row, 10, &sent_text)?;
    }
    let start2 = 4 + rows.len() as u32 + 2;
    let kpi2_title = Label::Kpi2SheetTitle.text(lang);
    ws.write_string_with_format(start2, 0, kpi2_title, &bold)?;
    let (base_period, period) =
        (display::window(preset.window.year_before(), lang), display::window(preset.window, lang));
    let heads2 = [
        Label::No.text(lang).to_string(),
        Label::District.text(lang).to_string(),
        format!("{} {base_period}", Label::BaseSales.text(lang)),
        format!("{} {period}", Label::Sales.text(lang)),
        Label::Growth.text(lang).into(),
        Label::Score.text(lang).into(),
        Label::ScoreByTable.text(lang).into(),
        Label::ScoreByPercent.text(lang).into(),
        Label::NextTargetBaht.text(lang).into(),
        Label::StillNeededBaht.text(lang).into(),
    ];
    write_heads(ws, start2 + 1, &heads2, &[])?;
    for (i, r) in rows.iter().enumerate() {
        let row = start2 + 2 + i as u32;
        if i < e.districts.len() {
            ws.write_number(row, 0, (i + 1) as f64)?;
        }
        ws.write_string(row, 1, &r.district)?;
        ws.write_number_with_format(row, 2, r.base.0 as f64 / 100.0, &money)?;
        match &r.kpi2 {
            Some(k) => {
                ws.write_number_with_format(row, 3, k.sales.0 as f64 / 100.0, &money)?;
                ws.write_number_with_format(row, 4, k.growth.0 as f64 / 100.0, &pct)?;
                ws.write_number(row, 5, k.score(rule) as f64)?;
                ws.write_number(row, 6, k.by_table as f64)?;
                ws.write_number(row, 7, k.by_percent as f64)?;
                let (target, gap) = next_text(k.next(rule), display::baht, lang);
                ws.write_string(row, 8, &target)?;
                ws.write_string(row, 9, &gap)?;
            }
            None => {
                ws.write_string(row, 3, Label::NoData.text(lang))?;
            }
        }
    }
    for (c, w) in [5.0, 20.0, 18.0, 18.0, 12.0, 8.0, 12.0, 12.0, 20.0, 24.0].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_row_height(3, 32)?;
    ws.set_landscape();
    Ok(())
}

/// The merged product list in the form's layout, and to its right where each
/// product came from and the district it counted for.
fn write_products(wb: &mut Workbook, preset: &Preset, a: &Analysis, lang: Lang) -> Result<(), XlsxError> {
    let money = Format::new().set_num_format("#,##0.00");
    let ws = wb.add_worksheet().set_name(Label::ProductList.text(lang))?;
    let data = write_form_header(
        ws,
        0,
        &format!("{} (รวมทุกอำเภอ)", super::form::form_title(preset)),
        &format!("จังหวัด{}", preset.province),
        preset.window,
    )?;
    let h = header_format().set_background_color("#FFF2CC");
    let source = [
        Label::CountedFor.text(lang),
        Label::SourceFile.text(lang),
        Label::Sheet.text(lang),
        Label::RowHeading.text(lang),
    ];
    let first = Key::ALL.len() as u16;
    for (i, t) in source.iter().enumerate() {
        let c = first + i as u16;
        ws.merge_range(data - 3, c, data - 2, c, t, &h)?;
        ws.set_column_width(c, if i == 3 { 7.0 } else { 20.0 })?;
    }
    let names: Vec<&str> = a.evaluation.districts.iter().map(|r| r.district.as_str()).collect();
    for (i, (p, district)) in a.counted.products().enumerate() {
        let row = data + i as u32;
        write_product(ws, row, i + 1, p, &money)?;
        ws.write_string(row, first, names.get(district).copied().unwrap_or(""))?;
        ws.write_string(row, first + 1, &*p.file)?;
        ws.write_string(row, first + 2, &*p.sheet)?;
        ws.write_number(row, first + 3, p.row as f64)?;
    }
    Ok(())
}

/// The products left out of the count (round 1, repeated, unknown district), each with why.
fn write_excluded(wb: &mut Workbook, a: &Analysis, lang: Lang) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet().set_name(Label::NotCountedProducts.text(lang))?;
    let heads = [
        Label::No.text(lang),
        Label::Why.text(lang),
        Label::Product.text(lang),
        Label::Entrepreneur.text(lang),
        Label::DistrictAsTyped.text(lang),
        Label::File.text(lang),
        Label::Sheet.text(lang),
        Label::RowHeading.text(lang),
    ];
    write_heads(ws, 0, &heads, &[5.0, 60.0, 30.0, 24.0, 16.0, 24.0, 16.0, 7.0])?;
    for (i, (p, why)) in a.counted.excluded_products().enumerate() {
        let row = 1 + i as u32;
        let (th, en) = why.reason();
        ws.write_number(row, 0, (i + 1) as f64)?;
        ws.write_string(row, 1, if lang == Lang::Th { th } else { en })?;
        ws.write_string(row, 2, &*p.product_name)?;
        ws.write_string(row, 3, &*p.entrepreneur_name)?;
        ws.write_string(row, 4, &*p.amphoe)?;
        ws.write_string(row, 5, &*p.file)?;
        ws.write_string(row, 6, &*p.sheet)?;
        ws.write_number(row, 7, p.row as f64)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn write_readiness(wb: &mut Workbook, a: &Analysis, lang: Lang) -> Result<(), XlsxError> {
    let h = header_format();
    let ws = wb.add_worksheet().set_name(Label::Readiness.text(lang))?;
    let heads = [
        Label::District.text(lang),
        Label::Entrepreneurs.text(lang),
        Label::Products.text(lang),
        Label::SoldOnline.text(lang),
    ];
    write_heads(ws, 0, &heads, &[])?;
    for (k, key) in Key::FLAGS.iter().enumerate() {
        let (who, what) = (Label::EntrepreneursUnit.text(lang), Label::ProductsUnit.text(lang));
        ws.write_string_with_format(0, (4 + 2 * k) as u16, format!("{} ({who})", key.header_th()), &h)?;
        ws.write_string_with_format(0, (5 + 2 * k) as u16, format!("{} ({what})", key.header_th()), &h)?;
    }
    for (i, r) in a.counted.readiness.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_string(row, 0, &r.district)?;
        ws.write_number(row, 1, r.entrepreneurs as f64)?;
        ws.write_number(row, 2, r.products as f64)?;
        ws.write_number(row, 3, r.online_products as f64)?;
        for (k, (entrepreneurs, products)) in r.entrepreneurs_flagged.iter().zip(&r.products_flagged).enumerate() {
            ws.write_number(row, (4 + 2 * k) as u16, *entrepreneurs as f64)?;
            ws.write_number(row, (5 + 2 * k) as u16, *products as f64)?;
        }
    }
    ws.set_row_height(0, 60)?;
    ws.set_column_width(0, 18)?;
    for c in 1..14u16 {
        ws.set_column_width(c, 14)?;
    }
    ws.set_freeze_panes(1, 1)?;
    Ok(())
}
