//! The words of the workbooks and files the page and the command write.

words! {
    NeedsReadinessSurvey => "ต้องมีรายงานการสำรวจความพร้อม", "needs the readiness survey";
    Sheet => "แผ่นงาน", "Sheet";
    RowHeading => "แถว", "Row";
    Column => "คอลัมน์", "Column";
    Code => "รหัส", "Code";
    ProvincesSheet => "รายจังหวัด", "Provinces";
    SummarySheet => "สรุปตัวชี้วัด", "Summary";
    Kpi1SheetTitle => "ตัวชี้วัดที่ 1 ผลิตภัณฑ์ OTOP ในตลาดออนไลน์", "KPI 1: OTOP products in online markets";
    SentMark => "ส่งแล้ว", "sent";
    Kpi2SheetTitle => "ตัวชี้วัดที่ 2 รายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน OTOP", "KPI 2: revenue from OTOP sales";
    NextTargetBaht => "เป้าหมายคะแนนถัดไป (บาท)", "Next score's target (baht)";
    StillNeededBaht => "ต้องเพิ่มอีก (บาท)", "Still needed (baht)";
    ProductList => "รายการผลิตภัณฑ์", "Products";
    CountedFor => "นับให้อำเภอ", "Counted for";
    SourceFile => "ไฟล์ที่มา", "Source file";
    NotCountedProducts => "ผลิตภัณฑ์ที่ไม่นับ", "Not counted";
    Why => "เหตุผล", "Why";
    Product => "ชื่อผลิตภัณฑ์", "Product";
    Entrepreneur => "ผู้ประกอบการ", "Entrepreneur";
    DistrictAsTyped => "อำเภอ (ตามที่กรอก)", "District (as typed)";
    Readiness => "ความพร้อม", "Readiness";
    EntrepreneursUnit => "ผู้ประกอบการ", "entrepreneurs";
    ProductsUnit => "ผลิตภัณฑ์", "products";
    NotSentBackFileName => "ไฟล์ที่ส่งคืนไม่ได้.txt", "files-not-sent-back.txt";
    ConvertedFrom => "แปลงมาจากไฟล์ ", "Converted from a file of format ";
    FormattingNotKept =>
        "เก็บรูปแบบของไฟล์เดิมไม่ได้ จึงส่งคืนเป็นไฟล์ใหม่ที่มีแต่ค่าในช่อง — สาเหตุ: ",
        "The original file's formatting could not be kept, so this is a new file with its cells' values — why: ";
    Kpi1TargetsSheet => "เป้าหมาย ตลาดออนไลน์", "Targets KPI 1";
    Kpi2TargetsSheet => "เป้าหมาย รายได้", "Targets KPI 2";
    ConvertedKeeps =>
        " เป็น .xlsx: มีค่าในช่อง ช่องที่รวมกัน และความกว้างคอลัมน์ตามที่อ่านได้ แต่ไม่มีรูปแบบอื่นของไฟล์เดิม",
        "to .xlsx: it has the cells' values, merged cells and column widths as far as they could be read,but not the \
         original's other formatting";
    ReturnedSheetName => "ปัญหาที่ต้องแก้", "Problems to fix";
    ReturnedIntro =>
        "ไฟล์นี้ส่งคืนเพื่อแก้ไข: \
         ช่องที่ระบายสีในแผ่นงานของอำเภอมีหมายเหตุบอกว่าผิดอะไรและแก้อย่างไร(ชี้เมาส์ที่ช่องเพื่ออ่าน \
         หรือกดที่ชื่อช่องด้านล่างเพื่อไปที่ช่องนั้น) — แก้แล้วลบแผ่นงานนี้และส่งไฟล์กลับมาอีกครั้ง",
        "This file was sent back to be fixed: the coloured cells in the district's sheets carry a notesaying what is \
         wrong and how to fix it (point at a cell to read it, or click a cell name belowto go to it); fix them, \
         delete this sheet, and send the file again";
    Cell => "ช่อง", "Cell";
    ProblemAndHowToFix => "ปัญหาและวิธีแก้", "Problem and how to fix it";
    Severity => "ระดับ", "Severity";
    File => "ไฟล์", "File";
    Error => "ข้อผิดพลาด", "Error";
    Warning => "คำเตือน", "Warning";
    BaseYearSalesBaht => "ยอดจำหน่ายปีฐาน (บาท)", "Base-year sales (baht)";
    SalesBaht => "ยอดจำหน่าย (บาท)", "Sales (baht)";
    DistrictsSent => "ส่งรายงานแล้ว (อำเภอ)", "Districts sent";
    Products => "ผลิตภัณฑ์", "Products";
    NoReportYet => "ยังไม่ส่งรายงาน", "no report yet";
    EntrepreneurCount => "จำนวนผู้ประกอบการ", "Entrepreneurs";
    OtopProductCount => "จำนวนผลิตภัณฑ์ OTOP", "OTOP products";
    Kpi2TargetsHeading =>
        "เป้าหมายตัวชี้วัดรายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน OTOP (บาท)",
        "KPI 2 targets: OTOP sales (baht)";
}
