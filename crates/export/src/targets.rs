//! The letter's two target tables (attachments 1 and 2) as worksheets, in the
//! letter's layout, for the results workbook.

use super::form::header_format;
use super::write_heads;
use otop_model::display::{self, Lang};
use otop_model::label::{sentence, Label};
use otop_model::preset::Preset;
use otop_model::targets::{TargetRow, TargetTables};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The round and window line under each table's title.
fn window_line(preset: &Preset, lang: Lang) -> String {
    let w = display::window(preset.window, lang);
    match lang {
        Lang::Th => format!("รอบการประเมินที่ {} ประจำปีงบประมาณ พ.ศ. {} ({w})", preset.round, preset.fiscal_year),
        Lang::En => format!("Round {}, fiscal year {} ({w})", preset.round, preset.fiscal_year - 543),
    }
}

/// Both tables, one sheet each, with the province row from the province totals.
pub fn write_target_sheets(wb: &mut Workbook, preset: &Preset, lang: Lang) -> Result<(), XlsxError> {
    let tables = TargetTables::of(preset);
    let rows: Vec<(Option<usize>, &TargetRow)> =
        tables.districts.iter().enumerate().map(|(i, r)| (Some(i + 1), r)).chain([(None, &tables.province)]).collect();
    let (h, bold, int) = (header_format(), Format::new().set_bold(), Format::new().set_num_format("#,##0"));
    let money = Format::new().set_num_format("#,##0");
    let score_head = |n: usize, p: &otop_model::money::BasisPoints| sentence::score_points(lang, n, p);

    let ws = wb.add_worksheet().set_name(Label::Kpi1TargetsSheet.text(lang))?;
    let title = Label::Kpi1TargetsTitle.text(lang);
    ws.write_string_with_format(0, 0, title, &bold)?;
    ws.write_string(1, 0, window_line(preset, lang))?;
    let heads = [
        Label::No.text(lang),
        Label::District.text(lang),
        Label::EntrepreneurCount.text(lang),
        Label::OtopProductCount.text(lang),
    ];
    write_heads(ws, 3, &heads, &[])?;
    for (i, p) in preset.kpi1.columns().iter().enumerate() {
        ws.write_string_with_format(3, (4 + i) as u16, score_head(i + 1, p), &h)?;
    }
    for (i, (no, r)) in rows.iter().enumerate() {
        let row = 4 + i as u32;
        if let Some(n) = no {
            ws.write_number(row, 0, *n as f64)?;
        }
        ws.write_string(row, 1, &r.district)?;
        ws.write_number_with_format(row, 2, r.entrepreneurs as f64, &int)?;
        ws.write_number_with_format(row, 3, r.products as f64, &int)?;
        for (c, n) in r.kpi1.iter().enumerate() {
            ws.write_number_with_format(row, (4 + c) as u16, *n as f64, &int)?;
        }
    }
    ws.set_column_width(1, 18)?;
    for c in 2..9u16 {
        ws.set_column_width(c, 16)?;
    }

    let ws = wb.add_worksheet().set_name(Label::Kpi2TargetsSheet.text(lang))?;
    let title = Label::Kpi2TargetsHeading.text(lang);
    ws.write_string_with_format(0, 0, title, &bold)?;
    ws.write_string(1, 0, window_line(preset, lang))?;
    let base = display::window(preset.window.year_before(), lang);
    let base_head = match lang {
        Lang::Th => format!("ยอดจำหน่ายปีฐาน {base} (บาท)"),
        Lang::En => format!("Base-year sales, {base} (baht)"),
    };
    write_heads(ws, 3, &[Label::No.text(lang), Label::District.text(lang), &base_head], &[])?;
    for (i, p) in preset.kpi2.columns().iter().enumerate() {
        ws.write_string_with_format(3, (3 + i) as u16, score_head(i + 1, p), &h)?;
    }
    for (i, (no, r)) in rows.iter().enumerate() {
        let row = 4 + i as u32;
        if let Some(n) = no {
            ws.write_number(row, 0, *n as f64)?;
        }
        ws.write_string(row, 1, &r.district)?;
        // Display only: the amounts are whole baht; no score depends on these floats.
        ws.write_number_with_format(row, 2, r.base.0 as f64 / 100.0, &money)?;
        for (c, b) in r.kpi2.iter().enumerate() {
            ws.write_number_with_format(row, (3 + c) as u16, b.0 as f64 / 100.0, &money)?;
        }
    }
    ws.set_column_width(1, 18)?;
    for c in 2..8u16 {
        ws.set_column_width(c, 20)?;
    }
    ws.set_row_height(3, 32)?;
    Ok(())
}
