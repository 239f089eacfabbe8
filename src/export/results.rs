//! The results workbook: both KPIs, the merged product list in the form's
//! layout, the readiness summary and the issues.

use super::form::{header_format, write_form_header, write_product};
use crate::analysis::Analysis;
use crate::display;
use crate::import::header::Key;
use crate::issue::Issue;
use crate::preset::{Preset, ScoringRule};
use crate::scoring::Next;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

fn next_text<T: Copy>(n: Next<T>, show: impl Fn(T) -> String) -> (String, String) {
    match n {
        Next::More { score, target, needed } => (show(target), format!("{} (→ {score})", show(needed))),
        Next::Survey => (String::new(), "ต้องมีรายงานการสำรวจความพร้อม".into()),
        Next::Top => (String::new(), "-".into()),
    }
}

fn write_issues(ws: &mut Worksheet, issues: &[Issue]) -> Result<(), XlsxError> {
    let h = header_format();
    let heads = ["ระดับ", "ไฟล์", "แผ่นงาน", "แถว", "คอลัมน์", "รหัส", "ข้อความ", "Message"];
    let widths = [10.0, 28.0, 18.0, 7.0, 22.0, 26.0, 80.0, 80.0];
    for (c, (t, w)) in heads.iter().zip(widths).enumerate() {
        ws.write_string_with_format(0, c as u16, *t, &h)?;
        ws.set_column_width(c as u16, w)?;
    }
    for (r, i) in issues.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(
            r,
            0,
            if i.severity == crate::issue::Severity::Error {
                "ข้อผิดพลาด"
            } else {
                "คำเตือน"
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

/// The results workbook: summary of both KPIs, the merged product list, the
/// readiness summary and the issues.
pub fn results_workbook(preset: &Preset, a: &Analysis) -> Result<Vec<u8>, XlsxError> {
    build_results(preset, a)
}

fn build_results(preset: &Preset, a: &Analysis) -> Result<Vec<u8>, XlsxError> {
    let e = &a.evaluation;
    let rule = e.rule;
    let mut wb = Workbook::new();
    let h = header_format();
    let int = Format::new().set_num_format("#,##0");
    let money = Format::new().set_num_format("#,##0.00");
    let pct = Format::new().set_num_format("0.00");
    let bold = Format::new().set_bold();

    let ws = wb.add_worksheet().set_name("สรุปตัวชี้วัด")?;
    let rule_th = if rule == ScoringRule::Table {
        "ตามตารางเป้าหมาย"
    } else {
        "ตามร้อยละ"
    };
    ws.write_string_with_format(
        0,
        0,
        format!(
            "ผลตัวชี้วัด OTOP จังหวัด{} ปีงบประมาณ {} รอบที่ {} (เกณฑ์{rule_th}{})",
            preset.province,
            preset.fiscal_year,
            preset.round,
            if e.survey_done {
                ", มีรายงานการสำรวจความพร้อม"
            } else {
                ", ยังไม่มีรายงานการสำรวจความพร้อม"
            }
        ),
        &bold.clone().set_font_size(14),
    )?;
    ws.write_string_with_format(2, 0, "ตัวชี้วัดที่ 1 ผลิตภัณฑ์ OTOP ในตลาดออนไลน์", &bold)?;
    let heads1 = [
        "ที่",
        "อำเภอ",
        "ผลิตภัณฑ์ที่ลงทะเบียน",
        "จำหน่ายออนไลน์",
        "ร้อยละ",
        "คะแนน",
        "คะแนน (ตามตาราง)",
        "คะแนน (ตามร้อยละ)",
        "เป้าหมายคะแนนถัดไป",
        "ต้องเพิ่มอีก",
    ];
    for (c, t) in heads1.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, *t, &h)?;
    }
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
        let (target, gap) = next_text(r.kpi1.next(rule), display::count);
        ws.write_string(row, 8, &target)?;
        ws.write_string(row, 9, &gap)?;
    }
    let start2 = 4 + rows.len() as u32 + 2;
    ws.write_string_with_format(start2, 0, "ตัวชี้วัดที่ 2 รายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน OTOP", &bold)?;
    let heads2 = [
        "ที่",
        "อำเภอ",
        &format!("ฐาน เม.ย.-ก.ย. {}", preset.fiscal_year - 1),
        &format!("ยอดจำหน่าย เม.ย.-ก.ย. {}", preset.fiscal_year),
        "เพิ่มขึ้นร้อยละ",
        "คะแนน",
        "คะแนน (ตามตาราง)",
        "คะแนน (ตามร้อยละ)",
        "เป้าหมายคะแนนถัดไป (บาท)",
        "ต้องเพิ่มอีก (บาท)",
    ];
    for (c, t) in heads2.iter().enumerate() {
        ws.write_string_with_format(start2 + 1, c as u16, *t, &h)?;
    }
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
                let (target, gap) = next_text(k.next(rule), display::baht);
                ws.write_string(row, 8, &target)?;
                ws.write_string(row, 9, &gap)?;
            }
            None => {
                ws.write_string(row, 3, "ไม่มีข้อมูล")?;
            }
        }
    }
    for (c, w) in [5.0, 20.0, 18.0, 18.0, 12.0, 8.0, 12.0, 12.0, 20.0, 24.0].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_row_height(3, 32)?;
    ws.set_landscape();

    let ws = wb.add_worksheet().set_name("รายการผลิตภัณฑ์")?;
    let data = write_form_header(
        ws,
        0,
        &format!("{} (รวมทุกอำเภอ)", super::form::form_title(preset)),
        &format!("จังหวัด{}", preset.province),
        preset.window,
    )?;
    for (i, (p, _)) in a.counted.products().enumerate() {
        write_product(ws, data + i as u32, i + 1, p, &money)?;
    }

    let ws = wb.add_worksheet().set_name("ความพร้อม")?;
    let heads = ["อำเภอ", "ผู้ประกอบการ", "ผลิตภัณฑ์", "จำหน่ายออนไลน์"];
    for (c, t) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *t, &h)?;
    }
    for (k, key) in Key::FLAGS.iter().enumerate() {
        ws.write_string_with_format(0, (4 + 2 * k) as u16, format!("{} (ผู้ประกอบการ)", key.header_th()), &h)?;
        ws.write_string_with_format(0, (5 + 2 * k) as u16, format!("{} (ผลิตภัณฑ์)", key.header_th()), &h)?;
    }
    for (i, r) in a.counted.readiness.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_string(row, 0, &r.district)?;
        ws.write_number(row, 1, r.entrepreneurs as f64)?;
        ws.write_number(row, 2, r.products as f64)?;
        ws.write_number(row, 3, r.online_products as f64)?;
        for k in 0..5 {
            ws.write_number(row, (4 + 2 * k) as u16, r.entrepreneurs_flagged[k] as f64)?;
            ws.write_number(row, (5 + 2 * k) as u16, r.products_flagged[k] as f64)?;
        }
    }
    ws.set_row_height(0, 60)?;
    ws.set_column_width(0, 18)?;
    for c in 1..14u16 {
        ws.set_column_width(c, 14)?;
    }
    ws.set_freeze_panes(1, 1)?;

    let ws = wb.add_worksheet().set_name("ปัญหาที่พบ")?;
    write_issues(ws, &a.issues)?;
    wb.save_to_buffer()
}
