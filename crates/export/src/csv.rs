//! CSV of each table (UTF-8 with BOM, as Thai Excel opens it).

use otop_engine::analysis::Analysis;
use otop_model::imported::header::Key;
use otop_model::scoring::Next;

/// A cell as a spreadsheet will not run it: text starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'` (a number stays a number).
///
/// ```
/// # use otop_export::csv::neutralise;
/// assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(neutralise("-3.50"), "-3.50");
/// assert_eq!(neutralise("@shop"), "'@shop");
/// ```
pub fn neutralise(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && otop_model::money::parse_decimal(cell).is_none() {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// A CSV file being written with `csv::Writer`: UTF-8 with a BOM (as Thai
/// Excel opens it), CRLF line ends, quoted where needed, every cell neutralised.
struct CsvFile(csv::Writer<Vec<u8>>);

impl CsvFile {
    fn new() -> CsvFile {
        let bom = "\u{FEFF}".as_bytes().to_vec();
        CsvFile(csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(bom))
    }

    fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        // Writing to memory cannot fail.
        let _ = self.0.write_record(cells.into_iter().map(|c| neutralise(c.as_ref())));
    }

    fn finish(self) -> String {
        let bytes = self.0.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }
}

/// CSV of the merged product list: every product counted, the district it
/// counted for, its channels, and the file, sheet and row it came from.
pub fn products_csv(a: &Analysis) -> String {
    let mut s = CsvFile::new();
    s.row(
        [
            "ที่",
            "รหัสผู้ประกอบการ",
            "ชื่อผู้ประกอบการ",
            "ชื่อผลิตภัณฑ์",
            "ประเภทผลิตภัณฑ์",
            "อำเภอ (ตามที่กรอก)",
            "นับให้อำเภอ",
            "ช่องทางตลาดออนไลน์",
            "ยอดจำหน่ายออนไลน์ (บาท)",
            "ไฟล์ที่มา",
            "แผ่นงาน",
            "แถว",
        ]
        .map(String::from),
    );
    let names: Vec<&str> = a.evaluation.districts.iter().map(|r| r.district.as_str()).collect();
    for (i, (p, d)) in a.counted.products().enumerate() {
        let channels: Vec<String> = Key::CHANNELS
            .iter()
            .zip(&p.channels)
            .filter(|(_, c)| !c.is_empty())
            .map(|(k, c)| format!("{}: {c}", k.header_th()))
            .collect();
        s.row(&[
            (i + 1).to_string(),
            p.entrepreneur_code.to_string(),
            p.entrepreneur_name.to_string(),
            p.product_name.to_string(),
            p.product_category.to_string(),
            p.amphoe.to_string(),
            names.get(d).copied().unwrap_or("").to_string(),
            channels.join("; "),
            p.online_sales.map(|v| v.to_string()).unwrap_or_default(),
            p.file.to_string(),
            p.sheet.to_string(),
            p.row.to_string(),
        ]);
    }
    s.finish()
}

/// CSV (UTF-8 with BOM, so Excel shows Thai) of the KPI 1 table.
pub fn kpi1_csv(a: &Analysis) -> String {
    let e = &a.evaluation;
    let mut s = CsvFile::new();
    s.row(
        ["อำเภอ", "ผลิตภัณฑ์", "ออนไลน์", "ร้อยละ", "คะแนน", "คะแนนตามตาราง", "คะแนนตามร้อยละ", "เป้าหมายถัดไป", "ต้องเพิ่มอีก"]
            .map(String::from),
    );
    for r in e.districts.iter().chain(std::iter::once(&e.province)) {
        let (target, gap) = match r.kpi1.next(e.rule) {
            Next::More { target, needed, .. } => (target.to_string(), needed.to_string()),
            _ => (String::new(), String::new()),
        };
        s.row(&[
            r.district.clone(),
            r.kpi1.products.to_string(),
            r.kpi1.online.to_string(),
            r.kpi1.percent.to_string(),
            r.kpi1.score(e.rule).to_string(),
            r.kpi1.by_table.to_string(),
            r.kpi1.by_percent.to_string(),
            target,
            gap,
        ]);
    }
    s.finish()
}

/// CSV of the KPI 2 table.
pub fn kpi2_csv(a: &Analysis) -> String {
    let e = &a.evaluation;
    let mut s = CsvFile::new();
    s.row(
        [
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
    );
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
        s.row(&cells);
    }
    s.finish()
}

/// CSV of the readiness summary.
pub fn readiness_csv(a: &Analysis) -> String {
    let mut s = CsvFile::new();
    let mut head = vec!["อำเภอ".to_string(), "ผู้ประกอบการ".into(), "ผลิตภัณฑ์".into(), "ออนไลน์".into()];
    for k in Key::FLAGS {
        head.push(format!("{} (ผู้ประกอบการ)", k.header_th()));
        head.push(format!("{} (ผลิตภัณฑ์)", k.header_th()));
    }
    s.row(&head);
    for r in &a.counted.readiness {
        let mut cells = vec![
            r.district.clone(),
            r.entrepreneurs.to_string(),
            r.products.to_string(),
            r.online_products.to_string(),
        ];
        for (entrepreneurs, products) in r.entrepreneurs_flagged.iter().zip(&r.products_flagged) {
            cells.push(entrepreneurs.to_string());
            cells.push(products.to_string());
        }
        s.row(&cells);
    }
    s.finish()
}

/// CSV of the issues.
pub fn issues_csv(a: &Analysis) -> String {
    let mut s = CsvFile::new();
    s.row(["severity", "file", "sheet", "row", "column", "code", "message_th", "message_en"].map(String::from));
    for i in &a.issues {
        s.row(&[
            i.severity.as_str().into(),
            i.file.clone().unwrap_or_default(),
            i.sheet.clone().unwrap_or_default(),
            i.row.map(|r| r.to_string()).unwrap_or_default(),
            i.column.clone().unwrap_or_default(),
            i.code.as_str().to_string(),
            i.message_th.clone(),
            i.message_en.clone(),
        ]);
    }
    s.finish()
}
