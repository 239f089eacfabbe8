//! The report form's layout (attachment 5): its two-row header, a product row,
//! a report workbook and the blank template.

use otop_model::calendar::Window;
use otop_model::display::{self, Lang};
use otop_model::imported::header::Key;
use otop_model::imported::product::Product;
use otop_model::preset::Preset;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

/// Column widths of the canonical form, in characters.
const FORM_WIDTHS: [f64; 26] = [
    5.0, 12.0, 24.0, 14.0, 30.0, 16.0, 8.0, 7.0, 12.0, 14.0, 10.0, 14.0, 12.0, 12.0, 12.0, 10.0, 12.0, 22.0, 14.0,
    14.0, 20.0, 18.0, 18.0, 14.0, 16.0, 16.0,
];

pub(super) fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_background_color("#DDEBF7")
}

/// The online-sales column's heading for an evaluation window, e.g.
/// `ยอดจำหน่ายออนไลน์ เม.ย.–ก.ย. 2564 (บาท)`.
pub fn sales_heading(window: Window) -> String {
    format!("ยอดจำหน่ายออนไลน์ {} (บาท)", display::window(window, Lang::Th))
}

/// The form's title for a preset's round and year.
pub fn form_title(preset: &Preset) -> String {
    format!(
        "แบบรายงานผลการส่งเสริมผลิตภัณฑ์ OTOP ในตลาดออนไลน์ รอบที่ {} ประจำปีงบประมาณ พ.ศ. {}",
        preset.round, preset.fiscal_year
    )
}

/// Writes the form's title, its two-row header with merged group cells (the
/// online-sales column headed for `window`) and the row of column numbers at
/// `first_row`; returns the first data row.
pub(super) fn write_form_header(
    ws: &mut Worksheet,
    first_row: u32,
    title: &str,
    district_line: &str,
    window: Window,
) -> Result<u32, XlsxError> {
    let bold = Format::new().set_bold();
    ws.write_string_with_format(first_row, 0, title, &bold.clone().set_font_size(14))?;
    ws.write_string_with_format(first_row + 1, 0, district_line, &bold)?;
    let (top, sub) = (first_row + 2, first_row + 3);
    let h = header_format();
    let mut c = 0usize;
    while let Some(&key) = Key::ALL.get(c) {
        match key.group_th() {
            None => {
                let text = if key == Key::OnlineSales { sales_heading(window) } else { key.header_th().to_string() };
                ws.merge_range(top, c as u16, sub, c as u16, &text, &h)?;
                c += 1;
            }
            Some(group) => {
                let mut end = c;
                while Key::ALL.get(end + 1).is_some_and(|k| k.group_th() == Some(group)) {
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
/// list and by the benchmark files); `window` heads the online-sales column.
///
/// ```
/// let window = otop_model::preset::Preset::sa_kaeo_2564_round2().window;
/// let bytes = otop_export::form::report_workbook("แบบรายงาน", "อำเภอเมืองสระแก้ว", window, &[]).unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// ```
pub fn report_workbook(
    title: &str,
    district_line: &str,
    window: Window,
    products: &[Product],
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let money = Format::new().set_num_format("#,##0.00");
    let ws = wb.add_worksheet().set_name("แบบรายงาน")?;
    let data = write_form_header(ws, 0, title, district_line, window)?;
    for (i, p) in products.iter().enumerate() {
        write_product(ws, data + i as u32, i + 1, p, &money)?;
    }
    wb.save_to_buffer()
}

/// The blank report form (attachment 5) in the canonical layout, titled for the
/// preset's province, round and year.
///
/// ```
/// let preset = otop_model::preset::Preset::sa_kaeo_2564_round2();
/// let bytes = otop_export::form::template_workbook(&preset).unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// ```
pub fn template_workbook(preset: &Preset) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("แบบรายงาน")?;
    let district_line = format!("อำเภอ.................... จังหวัด{}", preset.province);
    write_form_header(ws, 0, &form_title(preset), &district_line, preset.window)?;
    ws.set_landscape();
    let notes = wb.add_worksheet().set_name("คำชี้แจง")?;
    let sales_line = format!("4. ยอดจำหน่ายออนไลน์ {} เป็นตัวเลข (บาท)", display::window(preset.window, Lang::Th));
    let lines = [
        "คำชี้แจง",
        "1. กรอกหนึ่งผลิตภัณฑ์ต่อหนึ่งแถว ผลิตภัณฑ์ที่สองขึ้นไปของผู้ประกอบการเดียวกัน \
         เว้นช่องที่ รหัส และชื่อผู้ประกอบการได้",
        "2. ช่องความพร้อมผู้ประกอบการและความพร้อมผลิตภัณฑ์ ให้ใส่หมายเลข 1",
        "3. ช่องทางตลาดออนไลน์: Facebook ระบุชื่อเพจหรือลิงก์, Line ระบุ Line ID, Website ระบุลิงก์",
        &sales_line,
        "5. ผลิตภัณฑ์ต้องไม่ซ้ำกับที่รายงานในรอบแรก",
    ];
    for (i, l) in lines.iter().enumerate() {
        notes.write_string(i as u32, 0, l.to_string())?;
    }
    notes.set_column_width(0, 110)?;
    wb.save_to_buffer()
}

pub(super) fn write_product(
    ws: &mut Worksheet,
    row: u32,
    no: usize,
    p: &Product,
    money: &Format,
) -> Result<(), XlsxError> {
    ws.write_string(row, 0, no.to_string())?;
    for (c, t) in p.form_texts().iter().enumerate() {
        if !t.is_empty() {
            ws.write_string(row, (c + 1) as u16, &***t)?;
        }
    }
    for (i, f) in p.flags.iter().enumerate() {
        if *f {
            ws.write_number(row, (12 + i) as u16, 1.0)?;
        }
    }
    // The form's eight channel columns as typed; the channels it has no column for
    // (YouTube, TikTok, LINE OA, Google) join "อื่นๆ", named.
    let (form, more) = p.channels.split_at(8);
    let mut other: Vec<String> = form.last().filter(|c| !c.is_empty()).map(|c| c.to_string()).into_iter().collect();
    other.extend(
        more.iter()
            .zip(Key::MORE_CHANNELS)
            .filter(|(c, _)| !c.is_empty())
            .map(|(c, k)| format!("{}: {c}", k.header_th())),
    );
    for (i, ch) in form.iter().enumerate().take(7) {
        if !ch.is_empty() {
            ws.write_string(row, (17 + i) as u16, &**ch)?;
        }
    }
    if !other.is_empty() {
        ws.write_string(row, 24, other.join(" · "))?;
    }
    if let Some(s) = p.online_sales {
        // Display only: the workbook shows the amount; no score depends on this float.
        ws.write_number_with_format(row, 25, s.0 as f64 / 100.0, money)?;
    }
    Ok(())
}
