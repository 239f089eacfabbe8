//! The page's own words: its headings, buttons, hints and notes.

words! {
    MakingReturnedFiles => "กำลังทำไฟล์ส่งคืน…", "Making the files to send back…";
    SendBackAllWithProblems => "ส่งคืนทุกไฟล์ที่มีปัญหา (.zip)", "Send back every file with problems (.zip)";
    Downloads => "ดาวน์โหลด", "Downloads";
    ResultsWorkbookExcel => "ไฟล์ผลการประเมิน (Excel)", "Results workbook (Excel)";
    Kpi1Csv => "ตัวชี้วัดที่ 1 (.csv)", "KPI 1 (.csv)";
    Kpi2Csv => "ตัวชี้วัดที่ 2 (.csv)", "KPI 2 (.csv)";
    MergedProductListCsv => "รายการผลิตภัณฑ์รวม (.csv)", "Merged product list (.csv)";
    ReadinessCsv => "ความพร้อม (.csv)", "Readiness (.csv)";
    IssuesCsv => "ปัญหาที่พบ (.csv)", "Issues (.csv)";
    BlankReportFormXlsx => "แบบรายงานเปล่า (.xlsx)", "Blank report form (.xlsx)";
    PrintA4Landscape => "พิมพ์ (A4 แนวนอน)", "Print (A4 landscape)";
    ZipOfReturnedFiles => "ส่งคืนทุกไฟล์", "files-sent-back";
    InputFiles => "ไฟล์ข้อมูล", "Input files";
    SeveralProvincesHint =>
        "หลายจังหวัด: นำเข้าตารางค่าเป้าหมายของแต่ละจังหวัด…",
        "Several provinces: import each province's target tables…";
    ChooseFiles => "เลือกไฟล์…", "Choose files…";
    InNoLoadedProvince => "ไม่อยู่ในจังหวัดที่นำเข้า", "In no loaded province";
    Reading => "กำลังอ่าน…", "reading…";
    SendBackWithNotesXlsx => "ส่งคืนอำเภอพร้อมหมายเหตุ (.xlsx)", "Send back with notes (.xlsx)";
    RemoveFile => "เอาไฟล์ออก", "Remove file";
    BackToOneProvince => "กลับไปจังหวัดเดียว", "Back to one province";
    ReportsDropTitle =>
        "รายงานผลการส่งเสริมผลิตภัณฑ์ OTOP ในตลาดออนไลน์ (รอบที่ประเมิน)",
        "Online-market reports (the round evaluated)";
    ReportsDropHint =>
        "ลากไฟล์ของทุกอำเภอมาวางที่นี่ หรือคลิกเพื่อเลือกไฟล์ (Excel, ODS, CSV หรือไฟล์ที่ส่งออกจากระบบเว็บ)",
        "Drop every district's file here, or click to choose files (Excel, ODS, CSV, or a web system's export)";
    ReportsTip =>
        "วางไฟล์แบบรายงานผลการส่งเสริมผลิตภัณฑ์ OTOP ในตลาดออนไลน์ที่อำเภอส่งมา (ไฟล์ Excel \
         ไฟล์ใดก็ได้หลายไฟล์พร้อมกันได้) ที่ช่องแรกด้านบน: \
         หน้านี้จะนับผลิตภัณฑ์ที่จำหน่ายออนไลน์ของแต่ละอำเภอและคิดคะแนนตัวชี้วัดที่ 1 ตามตารางเป้าหมายของหนังสือ",
        "Drop the online-market report forms the districts sent (any Excel file, several at once) on thefirst box \
         above: the page counts each district's products sold online and scores KPI 1 againstthe letter's target \
         table";
    LinkPrivacyHint =>
        "ลิงก์มีแต่ตัวเลขรวมรายอำเภอ (ไม่มีชื่อผลิตภัณฑ์ ผู้ประกอบการ หรือเบอร์โทร) อยู่หลังเครื่องหมาย \
         #ซึ่งเบราว์เซอร์ไม่ส่งไปที่เว็บไซต์",
        "The link holds only the districts' totals (no product, entrepreneur or phone), after the #,which browsers \
         never send to the site";
    ChartLegend =>
        "สีของแท่งคือคะแนนที่ได้ตามเกณฑ์ที่เลือก · เส้นประคือเกณฑ์ร้อยละของแต่ละคะแนน",
        "Each bar has the colour of its score under the selected rule; the dashed lines are each score's percentage";
    NotAResultsWorkbook =>
        "ไฟล์นี้ไม่ใช่ไฟล์ผลการประเมินที่หน้านี้สร้าง — เลือกไฟล์จากปุ่ม \"ไฟล์ผลการประเมิน (Excel)\"",
        "This is not a results workbook this page made: choose one from \"Results workbook (Excel)\"";
    UnexpectedAnswer => "ไม่ได้คำตอบที่คาดไว้", "an unexpected answer";
    PageCrashed => "เกิดข้อผิดพลาดภายในหน้าเว็บ", "Something went wrong inside the page.";
    SettingsKept =>
        "ค่าที่ตั้งไว้และตัวเลขที่พิมพ์ยังอยู่ กดโหลดหน้าใหม่แล้ววางไฟล์อีกครั้ง",
        "Your settings and typed figures are kept: reload, then drop the files again.";
    Reload => "โหลดหน้าใหม่", "Reload";
    TrainedOnline => "ผ่านการอบรมเกี่ยวกับตลาดออนไลน์", "Trained online";
    AlreadySellingOnline => "ขายของออนไลน์อยู่แล้ว", "Already selling online";
    HasStandard => "ได้รับมาตรฐานที่เกี่ยวข้อง", "Has a standard";
    HasStarRating => "ได้รับตัดดาว", "Star-rated";
    OnlineDeveloped => "ผ่านการพัฒนาเกี่ยวกับออนไลน์", "Developed for online";
    Round1DropTitle => "รายงานรอบก่อน (รอบที่ 1)", "Earlier round's reports (round 1)";
    Round1DropHint =>
        "ผลิตภัณฑ์ที่รายงานแล้วในรอบก่อนจะไม่ถูกนับซ้ำ",
        "Products reported in the earlier round are not counted again";
    SalesDropTitle => "ยอดจำหน่าย (รต.๑)", "Sales (form รต.๑)";
    SalesDropHint =>
        "รายเดือน รายอำเภอ หรือยอดรวมของช่วงที่ประเมิน",
        "Monthly, per district, or the total of the period evaluated";
    All => "ทั้งหมด", "All";
    Errors => "ข้อผิดพลาด", "Errors";
    Warnings => "คำเตือน", "Warnings";
    AllFiles => "ทุกไฟล์", "All files";
    NoIssuesFound => "ไม่พบปัญหา", "No issues found";
    SettingsAndOverall => "การตั้งค่าและภาพรวม", "Settings and overall";
    AppTitle => "คำนวณตัวชี้วัด OTOP", "OTOP KPI calculator";
    ThaiDigits => "เลขไทย", "Thai digits";
    DropToEvaluateAgain => "ลากไฟล์มาวางเพื่อประเมินใหม่", "Evaluate new files";
    MapCredit =>
        "ขอบเขตการปกครองบนแผนที่: กรมแผนที่ทหาร (2562) เผยแพร่โดย UN OCHA, CC BY-IGO 3.0",
        "Map boundaries: Royal Thai Survey Department (2019), published by UN OCHA, CC BY-IGO 3.0";
    Signed => "ลงชื่อ", "Signed";
    Position => "ตำแหน่ง", "Position";
    Date => "วันที่", "Date";
    QrAlt => "QR ของลิงก์ผลการประเมิน", "QR code of the results link";
    ScanToOpen => "สแกนเพื่อเปิดผลการประเมินนี้", "Scan to open these results";
    LinkTooLongForQr =>
        "ลิงก์ผลการประเมินยาวเกินกว่าจะพิมพ์เป็น QR — ใช้ลิงก์จากหน้าเว็บ",
        "The results link is too long for a QR code: use the link from the page";
    OutOfFive => " คะแนน", " / 5";
    TwoRulesDiffer => "เกณฑ์ทั้งสองให้ผลต่างกัน: ", "The two rules differ: ";
    Score5NeedsSurvey =>
        "ถึงเกณฑ์ 5 คะแนนแล้ว — ต้องมีรายงานการสำรวจความพร้อม",
        "The count reaches score 5: the readiness survey report is still needed";
    TopScoreReached => "ได้คะแนนสูงสุดแล้ว", "Top score reached";
    Kpi1CardTitle => "ตัวชี้วัดที่ 1 · ผลิตภัณฑ์ OTOP ในตลาดออนไลน์", "KPI 1 · OTOP products online";
    Kpi1NoScoreYet =>
        "ยังไม่มีคะแนน — วางไฟล์แบบรายงานของอำเภอที่ช่องด้านบน",
        "No score yet: drop the districts' report files in the box above";
    Kpi2CardTitle => "ตัวชี้วัดที่ 2 · รายได้จากการจำหน่าย", "KPI 2 · OTOP sales revenue";
    Kpi2NoSalesYet =>
        "ยังไม่มียอดจำหน่าย — วางไฟล์ยอดจำหน่าย หรือพิมพ์ยอดในส่วนตั้งค่า",
        "No sales yet: drop a sales file or type the figures in the settings";
    Baht => "บาท", "baht";
    Kpi1 => "ตัวชี้วัดที่ 1", "KPI 1";
    Kpi2 => "ตัวชี้วัดที่ 2", "KPI 2";
    NoReportYetNoData => "ยังไม่ส่งรายงาน / ไม่มีข้อมูล", "no report yet / no data";
    NotInThisRun => "ไม่อยู่ในรอบนี้", "not in this run";
    Kpi1MapName => "ตัวชี้วัดที่ 1 (ผลิตภัณฑ์ที่จำหน่ายออนไลน์)", "KPI 1 (products online)";
    Kpi2MapName => "ตัวชี้วัดที่ 2 (ยอดจำหน่ายที่เพิ่มขึ้น)", "KPI 2 (sales growth)";
    NoMapOfProvince => "ไม่มีแผนที่ของจังหวัดนี้", "There is no map of this province";
    MapUnreadable => "อ่านไฟล์แผนที่ไม่ได้", "The map file could not be read";
    SurveyDoneCheckbox =>
        "จังหวัดมีรายงานการสำรวจความพร้อมของผู้ประกอบการ/ผลิตภัณฑ์แล้ว (จำเป็นสำหรับ 5 คะแนน)",
        "The province has its readiness survey report (needed for score 5)";
    ScoringRule => "เกณฑ์การให้คะแนน", "Scoring rule";
    RuleOptionTable => "ตามตารางเป้าหมาย (ค่าเริ่มต้น)", "By the published target table (default)";
    RuleOptionPercent => "ตามร้อยละอย่างเคร่งครัด", "By strict percentage";
    MarkOnlySetting =>
        "ช่องทางออนไลน์ที่มีเพียงเครื่องหมาย (✓ หรือ 1) ไม่มีชื่อเพจ ลิงก์ หรือ ID",
        "Channel cells with only a mark (✓ or 1), no page name, link or ID";
    MarkOnlyOptionWarn => "นับ และแจ้งเตือน (ค่าเริ่มต้น)", "Count, with a warning (default)";
    MarkOnlyOptionCount => "นับ โดยไม่แจ้งเตือน", "Count, without a warning";
    MarkOnlyOptionExclude => "ไม่นับ", "Do not count";
    StartWithReports =>
        "ยังไม่มีคะแนน — เริ่มจากวางไฟล์รายงานของอำเภอ",
        "No scores yet: start by dropping the districts' reports";
    Round1Tip =>
        "วางรายงานรอบที่ 1 (ถ้ามี) เพื่อไม่นับผลิตภัณฑ์ที่รายงานไปแล้วซ้ำ",
        "Drop the round-1 report (if you have it) so products already reported are not counted again";
    SalesTip =>
        "วางไฟล์ยอดจำหน่าย (รต.1) หรือพิมพ์ยอดในส่วนตั้งค่า เพื่อคิดคะแนนตัวชี้วัดที่ 2",
        "Drop the sales file (รต.1), or type the figures in the settings, to score KPI 2";
    PrivacyNote =>
        "ไฟล์ทั้งหมดอ่านในเบราว์เซอร์นี้เท่านั้น ไม่มีการส่งข้อมูลออกไป",
        "Every file is read in this browser only; nothing is sent anywhere";
    Results => "ผลตัวชี้วัด", "Results";
    SurveyDone => "มีแล้ว", "done";
    SurveyNotYet => "ยังไม่มี", "not yet";
    MarkOnlyWarn => "นับ และแจ้งเตือน", "counted, with a warning";
    MarkOnlyCount => "นับ", "counted";
    MarkOnlyExclude => "ไม่นับ", "do not count";
    Kpi1ChartTitle =>
        "ร้อยละผลิตภัณฑ์ที่จำหน่ายออนไลน์ และเกณฑ์คะแนน",
        "Share of products online, with the score thresholds";
    Kpi2ChartTitle => "ร้อยละยอดจำหน่ายที่เพิ่มขึ้น และเกณฑ์คะแนน", "Sales growth, with the score thresholds";
    ProvincesTableCaption =>
        "ตัวชี้วัดรายจังหวัด — กดชื่อจังหวัดเพื่อดูรายอำเภอด้านล่าง",
        "KPIs by province: choose a province to see its districts below";
    Nation => "ทั้งประเทศ", "Nation";
    ReadinessCaption =>
        "สรุปความพร้อม (ผู้ประกอบการ / ผลิตภัณฑ์) — ฐานของรายงานการสำรวจ",
        "Readiness summary (entrepreneurs / products): the basis of the survey report";
    Kpi1ByDistrict => "ตัวชี้วัดที่ 1 รายอำเภอ", "KPI 1 by district";
    Kpi2ByDistrictBaht => "ตัวชี้วัดที่ 2 รายอำเภอ (บาท)", "KPI 2 by district (baht)";
    FirstReport => "ส่งครั้งแรก", "first report";
    LetterTargetTables =>
        "ตารางค่าเป้าหมายตามหนังสือ (ตัวชี้วัดที่ 1 และ 2)",
        "The letter's target tables (KPI 1 and 2)";
    SettingsTitle =>
        "ตั้งค่า: จังหวัด อำเภอ เป้าหมาย และยอดจำหน่ายที่พิมพ์เอง",
        "Settings: province, districts, thresholds and typed sales";
    TypedSalesBaht => "ยอดจำหน่ายปีประเมินที่พิมพ์เอง (บาท)", "Sales typed by hand (baht)";
    AddDistrict => "+ เพิ่มอำเภอ", "+ Add a district";
    OpenSavedSettingsFile => "เปิดไฟล์การตั้งค่าที่บันทึกไว้", "Open a saved settings file";
    ImportTargetTables =>
        "นำเข้าตารางค่าเป้าหมาย (Excel ตามหนังสือ)",
        "Import the target tables (the letter's Excel)";
    SaveSettingsAsFile => "บันทึกการตั้งค่าเป็นไฟล์", "Save the settings as a file";
    ResetToBuiltInSettings =>
        "กลับไปใช้ค่าที่มากับโปรแกรม (สระแก้ว 2564 รอบที่ 2)",
        "Reset to the built-in settings (Sa Kaeo 2564, round 2)";
    ClearStorage => "ล้างข้อมูลทั้งหมดที่เก็บไว้ในเบราว์เซอร์", "Clear everything kept in this browser";
    Score1Percent =>
        "ร้อยละของเป้าหมาย 1 คะแนน (ใช้ในตารางเป้าหมาย)",
        "Percent for the score-1 target (target table only)";
    DistrictName => "ชื่ออำเภอ", "District name";
    SalesTypedByHand => "ยอดจำหน่ายที่พิมพ์เอง", "Sales typed by hand";
    RemoveThisDistrict => "ลบอำเภอนี้", "Remove this district";
    ProductCount => "จำนวนผลิตภัณฑ์", "Products";
    BaseSalesFigure => "ฐานยอดจำหน่าย", "Base sales";
    FiscalYearBE => "ปีงบประมาณ (พ.ศ.)", "Fiscal year (B.E.)";
    Round => "รอบที่", "Round";
    EvaluatedFrom => "ช่วงประเมิน: เดือนแรก", "Evaluated from";
    To => "ถึงเดือน", "to";
    ReportsDue => "กำหนดส่งรายงาน", "Reports due";
    Copy => "คัดลอก", "Copy";
    Copied => "คัดลอกแล้ว", "Copied";
    CopyRefused => "คัดลอกไม่ได้ — เลือกลิงก์ไว้แล้ว กด Ctrl+C", "Could not copy: the link is selected, press Ctrl+C";
    ResultsLink => "ลิงก์ผลการประเมิน", "Results link";
    MakeResultsLink => "สร้างลิงก์ผลการประเมิน", "Make a results link";
    CompareWithLink =>
        "เทียบกับลิงก์ครั้งก่อน (วางลิงก์แล้วกด Enter)",
        "Compare with an earlier link (paste it, press Enter)";
    CompareWithWorkbook =>
        "หรือเลือกไฟล์ผลการประเมิน (Excel) ครั้งก่อน…",
        "or choose an earlier results workbook (Excel)…";
    NoFilesYet => "ยังไม่มีไฟล์ — ลากไฟล์รายงานมาวางเพื่อเริ่ม", "No files yet: drop the report files to start";
    ReadingTargetTables => "กำลังอ่านตารางค่าเป้าหมาย…", "Reading the target tables…";
    Scoring => "กำลังคำนวณคะแนน…", "Scoring…";
    FilesRead => "ความคืบหน้าการอ่านไฟล์", "Files read";
}
