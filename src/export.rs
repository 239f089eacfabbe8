//! What the user takes away (SPEC §5): the results workbook (summary of both
//! KPIs, the merged product list in the canonical form layout, the readiness
//! summary, the issues), CSV of each table, and the blank report template.

use crate::analysis::Analysis;
use crate::display;
use crate::import::header::Key;
use crate::import::report::Product;
use crate::issue::Issue;
use crate::preset::{Preset, ScoringRule};
use crate::scoring::Next;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

/// Column widths of the canonical form, in characters.
const FORM_WIDTHS: [f64; 26] = [
    5.0, 12.0, 24.0, 14.0, 30.0, 16.0, 8.0, 7.0, 12.0, 14.0, 10.0, 14.0, 12.0, 12.0, 12.0, 10.0, 12.0, 22.0, 14.0,
    14.0, 20.0, 18.0, 18.0, 14.0, 16.0, 16.0,
];

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_background_color("#DDEBF7")
}

/// Writes the form's title, its two-row header with merged group cells and the
/// row of column numbers at `first_row`; returns the first data row.
fn write_form_header(ws: &mut Worksheet, first_row: u32, title: &str, district_line: &str) -> Result<u32, XlsxError> {
    let bold = Format::new().set_bold();
    ws.write_string_with_format(first_row, 0, title, &bold.clone().set_font_size(14))?;
    ws.write_string_with_format(first_row + 1, 0, district_line, &bold)?;
    let (top, sub) = (first_row + 2, first_row + 3);
    let h = header_format();
    let mut c = 0usize;
    while c < Key::ALL.len() {
        let key = Key::ALL[c];
        match key.group_th() {
            None => {
                ws.merge_range(top, c as u16, sub, c as u16, key.header_th(), &h)?;
                c += 1;
            }
            Some(group) => {
                let mut end = c;
                while end + 1 < Key::ALL.len() && Key::ALL[end + 1].group_th() == Some(group) {
                    end += 1;
                }
                if end > c {
                    ws.merge_range(top, c as u16, top, end as u16, group, &h)?;
                } else {
                    ws.write_string_with_format(top, c as u16, group, &h)?;
                }
                for (i, k) in Key::ALL.iter().enumerate().take(end + 1).skip(c) {
                    ws.write_string_with_format(sub, i as u16, k.header_th(), &h)?;
                }
                c = end + 1;
            }
        }
    }
    let numbers = Format::new().set_align(FormatAlign::Center).set_font_color("#666666").set_border(FormatBorder::Thin);
    for (i, w) in FORM_WIDTHS.iter().enumerate() {
        ws.write_number_with_format(sub + 1, i as u16, (i + 1) as f64, &numbers)?;
        ws.set_column_width(i as u16, *w)?;
    }
    ws.set_row_height(sub, 60)?;
    ws.set_freeze_panes(sub + 2, 0)?;
    Ok(sub + 2)
}

/// A report form in the canonical layout holding `products` (used for the merged
/// list and by the benchmark files).
///
/// ```
/// let bytes = otop_kpi::export::report_workbook("แบบรายงาน", "อำเภอเมืองสระแก้ว", &[]).unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// ```
pub fn report_workbook(title: &str, district_line: &str, products: &[Product]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let money = Format::new().set_num_format("#,##0.00");
    let ws = wb.add_worksheet().set_name("แบบรายงาน")?;
    let data = write_form_header(ws, 0, title, district_line)?;
    for (i, p) in products.iter().enumerate() {
        write_product(ws, data + i as u32, i + 1, p, &money)?;
    }
    wb.save_to_buffer()
}

/// The blank report form (attachment 5) in the canonical layout.
///
/// ```
/// let bytes = otop_kpi::export::template_workbook().unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// ```
pub fn template_workbook() -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("แบบรายงาน")?;
    write_form_header(
        ws,
        0,
        "แบบรายงานผลการส่งเสริมผลิตภัณฑ์ OTOP ในตลาดออนไลน์ รอบที่ 2 ประจำปีงบประมาณ พ.ศ. 2564",
        "อำเภอ.................... จังหวัด....................",
    )?;
    ws.set_landscape();
    let notes = wb.add_worksheet().set_name("คำชี้แจง")?;
    let lines = [
        "คำชี้แจง",
        "1. กรอกหนึ่งผลิตภัณฑ์ต่อหนึ่งแถว ผลิตภัณฑ์ที่สองขึ้นไปของผู้ประกอบการเดียวกัน เว้นช่องที่ รหัส และชื่อผู้ประกอบการได้",
        "2. ช่องความพร้อมผู้ประกอบการและความพร้อมผลิตภัณฑ์ ให้ใส่หมายเลข 1",
        "3. ช่องทางตลาดออนไลน์: Facebook ระบุชื่อเพจหรือลิงก์, Line ระบุ Line ID, Website ระบุลิงก์",
        "4. ยอดจำหน่ายออนไลน์ เดือนเมษายน - กันยายน 2564 เป็นตัวเลข (บาท)",
        "5. ผลิตภัณฑ์ต้องไม่ซ้ำกับที่รายงานในรอบแรก",
    ];
    for (i, l) in lines.iter().enumerate() {
        notes.write_string(i as u32, 0, *l)?;
    }
    notes.set_column_width(0, 110)?;
    wb.save_to_buffer()
}

fn next_text<T: Copy>(n: Next<T>, show: impl Fn(T) -> String) -> (String, String) {
    match n {
        Next::More { score, target, needed } => (show(target), format!("{} (→ {score})", show(needed))),
        Next::Survey => (String::new(), "ต้องมีรายงานการสำรวจความพร้อม".into()),
        Next::Top => (String::new(), "-".into()),
    }
}

fn write_product(ws: &mut Worksheet, row: u32, no: usize, p: &Product, money: &Format) -> Result<(), XlsxError> {
    let texts = [
        no.to_string(),
        p.entrepreneur_code.clone(),
        p.entrepreneur_name.clone(),
        p.entrepreneur_type.clone(),
        p.product_name.clone(),
        p.product_category.clone(),
        p.house_no.clone(),
        p.moo.clone(),
        p.tambon.clone(),
        p.amphoe.clone(),
        p.province.clone(),
        p.phone.clone(),
    ];
    for (c, t) in texts.iter().enumerate() {
        if !t.is_empty() {
            ws.write_string(row, c as u16, t)?;
        }
    }
    for (i, f) in p.flags.iter().enumerate() {
        if *f {
            ws.write_number(row, (12 + i) as u16, 1.0)?;
        }
    }
    for (i, ch) in p.channels.iter().enumerate() {
        if !ch.is_empty() {
            ws.write_string(row, (17 + i) as u16, ch)?;
        }
    }
    if let Some(s) = p.online_sales {
        // Display only: the workbook shows the amount; no score depends on this float.
        ws.write_number_with_format(row, 25, s.0 as f64 / 100.0, money)?;
    }
    Ok(())
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
        &format!(
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
        &format!(
            "แบบรายงานผลการส่งเสริมผลิตภัณฑ์ OTOP ในตลาดออนไลน์ รอบที่ {} ประจำปีงบประมาณ พ.ศ. {} (รวมทุกอำเภอ)",
            preset.round, preset.fiscal_year
        ),
        &format!("จังหวัด{}", preset.province),
    )?;
    for (i, p) in a.counted.products.iter().enumerate() {
        write_product(ws, data + i as u32, i + 1, p, &money)?;
    }

    let ws = wb.add_worksheet().set_name("ความพร้อม")?;
    let heads = ["อำเภอ", "ผู้ประกอบการ", "ผลิตภัณฑ์", "จำหน่ายออนไลน์"];
    for (c, t) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *t, &h)?;
    }
    for (k, key) in Key::FLAGS.iter().enumerate() {
        ws.write_string_with_format(0, (4 + 2 * k) as u16, &format!("{} (ผู้ประกอบการ)", key.header_th()), &h)?;
        ws.write_string_with_format(0, (5 + 2 * k) as u16, &format!("{} (ผลิตภัณฑ์)", key.header_th()), &h)?;
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

fn csv_line(cells: &[String]) -> String {
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| if c.contains([',', '"', '\n']) { format!("\"{}\"", c.replace('"', "\"\"")) } else { c.clone() })
        .collect();
    format!("{}\r\n", quoted.join(","))
}

/// CSV (UTF-8 with BOM, so Excel shows Thai) of the KPI 1 table.
pub fn kpi1_csv(a: &Analysis) -> String {
    let e = &a.evaluation;
    let mut s = String::from("\u{FEFF}");
    s.push_str(&csv_line(
        &["อำเภอ", "ผลิตภัณฑ์", "ออนไลน์", "ร้อยละ", "คะแนน", "คะแนนตามตาราง", "คะแนนตามร้อยละ", "เป้าหมายถัดไป", "ต้องเพิ่มอีก"]
            .map(String::from),
    ));
    for r in e.districts.iter().chain(std::iter::once(&e.province)) {
        let (target, gap) = match r.kpi1.next(e.rule) {
            Next::More { target, needed, .. } => (target.to_string(), needed.to_string()),
            _ => (String::new(), String::new()),
        };
        s.push_str(&csv_line(&[
            r.district.clone(),
            r.kpi1.products.to_string(),
            r.kpi1.online.to_string(),
            r.kpi1.percent.to_string(),
            r.kpi1.score(e.rule).to_string(),
            r.kpi1.by_table.to_string(),
            r.kpi1.by_percent.to_string(),
            target,
            gap,
        ]));
    }
    s
}

/// CSV of the KPI 2 table.
pub fn kpi2_csv(a: &Analysis) -> String {
    let e = &a.evaluation;
    let mut s = String::from("\u{FEFF}");
    s.push_str(&csv_line(
        &[
            "อำเภอ",
            "ฐาน",
            "ยอดจำหน่าย",
            "เพิ่มขึ้นร้อยละ",
            "คะแนน",
            "คะแนนตามตาราง",
            "คะแนนตามร้อยละ",
            "เป้าหมายถัดไป",
            "ต้องเพิ่มอีก",
        ]
        .map(String::from),
    ));
    for r in e.districts.iter().chain(std::iter::once(&e.province)) {
        let mut cells = vec![r.district.clone(), r.base.to_string()];
        match &r.kpi2 {
            Some(k) => {
                let (target, gap) = match k.next(e.rule) {
                    Next::More { target, needed, .. } => (target.to_string(), needed.to_string()),
                    _ => (String::new(), String::new()),
                };
                cells.extend([
                    k.sales.to_string(),
                    k.growth.to_string(),
                    k.score(e.rule).to_string(),
                    k.by_table.to_string(),
                    k.by_percent.to_string(),
                    target,
                    gap,
                ]);
            }
            None => cells.extend(std::iter::repeat_n(String::new(), 7)),
        }
        s.push_str(&csv_line(&cells));
    }
    s
}

/// CSV of the readiness summary.
pub fn readiness_csv(a: &Analysis) -> String {
    let mut s = String::from("\u{FEFF}");
    let mut head = vec!["อำเภอ".to_string(), "ผู้ประกอบการ".into(), "ผลิตภัณฑ์".into(), "ออนไลน์".into()];
    for k in Key::FLAGS {
        head.push(format!("{} (ผู้ประกอบการ)", k.header_th()));
        head.push(format!("{} (ผลิตภัณฑ์)", k.header_th()));
    }
    s.push_str(&csv_line(&head));
    for r in &a.counted.readiness {
        let mut cells = vec![
            r.district.clone(),
            r.entrepreneurs.to_string(),
            r.products.to_string(),
            r.online_products.to_string(),
        ];
        for k in 0..5 {
            cells.push(r.entrepreneurs_flagged[k].to_string());
            cells.push(r.products_flagged[k].to_string());
        }
        s.push_str(&csv_line(&cells));
    }
    s
}

/// CSV of the issues.
pub fn issues_csv(a: &Analysis) -> String {
    let mut s = String::from("\u{FEFF}");
    s.push_str(&csv_line(
        &["severity", "file", "sheet", "row", "column", "code", "message_th", "message_en"].map(String::from),
    ));
    for i in &a.issues {
        s.push_str(&csv_line(&[
            i.severity.as_str().into(),
            i.file.clone().unwrap_or_default(),
            i.sheet.clone().unwrap_or_default(),
            i.row.map(|r| r.to_string()).unwrap_or_default(),
            i.column.clone().unwrap_or_default(),
            i.code.as_str().to_string(),
            i.message_th.clone(),
            i.message_en.clone(),
        ]));
    }
    s
}
