//! The catalogue's report-form issues (SPEC §4.1–4.2).

use super::{Code, Issue};

impl Issue {
    /// Required columns missing from a report header; `names_th`/`names_en` list them.
    pub fn report_column_missing(names_th: &str, names_en: &str) -> Issue {
        Issue::new(
            Code::ReportColumnMissing,
            format!("ไม่พบคอลัมน์ที่จำเป็น: {names_th} — เพิ่มคอลัมน์นี้ในหัวตาราง (ใช้แบบรายงานจากปุ่มดาวน์โหลดแบบฟอร์ม)"),
            format!(
                "A required column is missing: {names_en}: add it to the header \
                 (use the blank form from the template download)"
            ),
        )
    }

    /// No amphoe column, and no district named in the title rows, sheet or file name.
    pub fn report_district_column_missing() -> Issue {
        Issue::new(
            Code::ReportColumnMissing,
            "ไม่พบคอลัมน์ \"อำเภอ\" และไม่พบชื่ออำเภอในหัวรายงาน — เพิ่มคอลัมน์อำเภอ หรือเขียนชื่ออำเภอในแถวชื่อรายงาน",
            "The \"อำเภอ\" (district) column is missing and the title does not name a district: \
             add the column, or name the district in the title row",
        )
    }

    /// A file in which no sheet is a report form.
    pub fn report_no_report_sheet() -> Issue {
        Issue::new(
            Code::ReportNoReportSheet,
            "ไม่พบแผ่นงานที่เป็นแบบรายงานผลการส่งเสริมผลิตภัณฑ์ OTOP ในตลาดออนไลน์ในไฟล์นี้ — \
             ตรวจว่าหัวตารางมีคอลัมน์ \"ชื่อผลิตภัณฑ์\" และช่องทางออนไลน์",
            "No sheet of this file is an online-market report form: check that its header has the \
             \"ชื่อผลิตภัณฑ์\" (product name) column and the online channels",
        )
    }

    /// A product-name cell holding a formula error such as `#REF!`.
    pub fn report_product_name_formula(error: &str) -> Issue {
        Issue::new(
            Code::ReportFormulaError,
            format!("ชื่อผลิตภัณฑ์เป็นค่าผิดพลาดของสูตร ({error}) — พิมพ์ชื่อผลิตภัณฑ์ลงในเซลล์แทนสูตร"),
            format!(
                "The product name is a formula error ({error}): type the product name into the cell \
                 instead of the formula"
            ),
        )
    }

    /// A channel cell holding a formula error.
    pub fn report_channel_formula(error: &str) -> Issue {
        Issue::new(
            Code::ReportFormulaError,
            format!("ช่องทางออนไลน์เป็นค่าผิดพลาดของสูตร ({error}) จึงไม่ถูกนับ — พิมพ์ชื่อเพจหรือลิงก์แทน"),
            format!(
                "The channel cell is a formula error ({error}) and is not counted: type the page name or link instead"
            ),
        )
    }

    /// A row with data but no product name.
    pub fn report_product_name_missing() -> Issue {
        Issue::new(
            Code::ReportProductNameMissing,
            "แถวนี้มีข้อมูลแต่ไม่มีชื่อผลิตภัณฑ์ จึงไม่ถูกนับ — ใส่ชื่อผลิตภัณฑ์ หรือลบแถวนี้",
            "This row has data but no product name, so it is not counted: type the product name, or delete the row",
        )
    }

    /// A first row with neither entrepreneur code nor name.
    pub fn report_entrepreneur_missing() -> Issue {
        Issue::new(
            Code::ReportEntrepreneurMissing,
            "ไม่มีรหัสและชื่อผู้ประกอบการ และไม่มีแถวด้านบนให้ใช้ต่อ — ใส่รหัสหรือชื่อผู้ประกอบการ",
            "No entrepreneur code or name, and no row above to continue from: type the entrepreneur's code or name",
        )
    }

    /// A readiness cell that is neither yes nor no.
    pub fn report_flag_unclear(typed: &str) -> Issue {
        Issue::new(
            Code::ReportFlagUnclear,
            format!("ช่องความพร้อมมีค่า \"{typed}\" ซึ่งไม่ใช่ 1 — นับเป็น \"ไม่มี\"; ถ้าหมายถึง \"มี\" ให้ใส่ 1"),
            format!("The readiness cell holds \"{typed}\", not 1, and counts as no: type 1 if it means yes"),
        )
    }

    /// An online-sales cell holding a formula error.
    pub fn report_online_sales_formula(error: &str) -> Issue {
        Issue::new(
            Code::ReportOnlineSalesFormulaError,
            format!("ยอดจำหน่ายออนไลน์เป็นค่าผิดพลาดของสูตร ({error}) — แก้สูตรหรือพิมพ์ยอดเป็นตัวเลข"),
            format!(
                "The online sales cell is a formula error ({error}): fix the formula or type the amount as a number"
            ),
        )
    }

    /// An online-sales cell that is not an amount.
    pub fn report_online_sales_not_amount(typed: &str) -> Issue {
        Issue::new(
            Code::ReportOnlineSalesNotAmount,
            format!("ยอดจำหน่ายออนไลน์ \"{typed}\" ไม่ใช่จำนวนเงิน จึงไม่ถูกรวม — พิมพ์เป็นตัวเลข เช่น 12,500"),
            format!("The online sales \"{typed}\" is not an amount and is left out: type a number such as 12,500"),
        )
    }

    /// A product row without a district (and a sheet that names none).
    pub fn report_amphoe_missing() -> Issue {
        Issue::new(
            Code::ReportAmphoeMissing,
            "ไม่มีชื่ออำเภอ และหัวรายงานไม่ได้ระบุอำเภอ จึงไม่นับผลิตภัณฑ์ในแถวนี้ — ใส่ชื่ออำเภอ",
            "No district, and the title names none, so the product on this row is not counted: type the district",
        )
    }

    /// A district that matches none of the preset's; `near` are the closest names.
    pub fn report_amphoe_unknown(typed: &str, near: &[String]) -> Issue {
        let list = near.join(", ");
        Issue::new(
            Code::ReportAmphoeUnknown,
            format!("ไม่รู้จักอำเภอ \"{typed}\" จึงไม่ถูกนับ — ใกล้เคียงที่สุด: {list}; แก้ชื่ออำเภอให้ตรง"),
            format!(
                "Unknown district \"{typed}\", so the product is not counted. Closest: {list}. \
                 Correct the district name"
            ),
        )
    }

    /// A district that matches none of the preset's and, by the official list,
    /// no district of Thailand has its name: a misspelling; `near` are the closest names.
    pub fn report_amphoe_nowhere(typed: &str, near: &[String]) -> Issue {
        let list = near.join(", ");
        Issue::new(
            Code::ReportAmphoeUnknown,
            format!(
                "ไม่รู้จักอำเภอ \"{typed}\" (ไม่มีอำเภอชื่อนี้ในประเทศไทย) จึงไม่ถูกนับ — ใกล้เคียงที่สุด: {list}; \
                 แก้ชื่ออำเภอให้ตรง"
            ),
            format!(
                "Unknown district \"{typed}\" (no district of Thailand has this name), so the product is not \
                 counted. Closest: {list}. Correct the district name"
            ),
        )
    }

    /// A district that is not the preset's but, by the official list, a
    /// district of `provinces` (not `here`, the province of the run, when known).
    pub fn report_amphoe_other_province(typed: &str, provinces: &[&str], here: Option<&str>) -> Issue {
        let th_list = provinces.iter().map(|p| format!("จังหวัด{p}")).collect::<Vec<_>>().join(" หรือ ");
        let en_list = provinces.join(" or ");
        let (th_here, en_here) = match here {
            Some(h) => (format!("จังหวัด{h}"), format!("{h} province")),
            None => ("จังหวัดนี้".to_string(), "this province".to_string()),
        };
        Issue::new(
            Code::ReportAmphoeOtherProvince,
            format!(
                "อำเภอ \"{typed}\" เป็นอำเภอของ{th_list} ไม่ใช่อำเภอของ{th_here} จึงไม่ถูกนับ — ถ้าไฟล์นี้เป็นของ{th_list} \
                 ให้ส่งไปยังจังหวัดนั้น หรือเลือก \"หลายจังหวัด\" แล้วนำเข้าตารางเป้าหมายของจังหวัดนั้น; ถ้าไม่ใช่ ให้แก้ชื่ออำเภอ"
            ),
            format!(
                "District \"{typed}\" is a district of {en_list}, not of {en_here}, so the product is not counted. If \
                 this file is from {en_list}, send it there, or choose several provinces and import that province's \
                 target tables; otherwise correct the district name"
            ),
        )
    }

    /// The same product again; `th_place`/`en_place` say where it first was.
    pub fn report_duplicate(product: &str, entrepreneur: &str, th_place: &str, en_place: &str) -> Issue {
        Issue::new(
            Code::ReportDuplicate,
            format!("ผลิตภัณฑ์ \"{product}\" ของ \"{entrepreneur}\" ซ้ำกับ {th_place} — นับครั้งเดียว; ลบแถวที่ซ้ำ"),
            format!(
                "Product \"{product}\" of \"{entrepreneur}\" repeats {en_place}: counted once; delete the repeated row"
            ),
        )
    }

    /// A product already reported in round 1, at `th_place`/`en_place`.
    pub fn report_round1(product: &str, th_place: &str, en_place: &str) -> Issue {
        Issue::new(
            Code::ReportRound1,
            format!("ผลิตภัณฑ์ \"{product}\" รายงานไปแล้วในรอบที่ 1 ({th_place}) — ไม่นับซ้ำในรอบที่ 2"),
            format!("Product \"{product}\" was reported in round 1 ({en_place}): not counted again in round 2"),
        )
    }

    /// `n` products of a file whose channel cells hold only a mark (✓, 1, มี), not
    /// the page name, link or ID the letter asks for; `counted` says whether they
    /// still count as online under the setting.
    pub fn report_channel_mark_only(n: usize, counted: bool) -> Issue {
        let (th, en) = if counted {
            ("ยังนับเป็นผลิตภัณฑ์ที่จำหน่ายออนไลน์", "they still count as sold online")
        } else {
            ("จึงไม่นับเป็นผลิตภัณฑ์ที่จำหน่ายออนไลน์ตามการตั้งค่า", "as the setting says, they do not count as sold online")
        };
        Issue::new(
            Code::ReportChannelMarkOnly,
            format!(
                "ผลิตภัณฑ์ {n} รายการในไฟล์นี้มีเพียงเครื่องหมาย (เช่น ✓ หรือ 1) ในช่องทางตลาดออนไลน์ \
                 ไม่มีชื่อเพจ ลิงก์ หรือ ID ตามที่หนังสือกำหนด — {th}; เติมชื่อเพจ ลิงก์ หรือ ID เป็นหลักฐาน"
            ),
            format!(
                "{n} products in this file have only a mark (such as ✓ or 1) in the online channel cells, not the \
                 page name, link or ID the letter asks for: {en}; type the page name, link or ID as evidence"
            ),
        )
    }

    /// A header that differs from the letter's form; `th`/`en` list the differences.
    pub fn report_form_differs(th: &str, en: &str) -> Issue {
        Issue::new(
            Code::ReportFormDiffers,
            format!(
                "หัวตารางของแผ่นงานนี้ต่างจากแบบรายงานที่กรมฯ ส่งให้: {th} — หนังสือกำหนดให้ไม่ปรับเปลี่ยนหรือแก้ไขแบบสำรวจ \
                 และกรมฯ อาจส่งไฟล์คืน; ข้อมูลยังนับตามชื่อคอลัมน์ ควรย้ายข้อมูลลงแบบรายงานจากปุ่มดาวน์โหลดแบบฟอร์ม"
            ),
            format!(
                "This sheet's header differs from the department's form: {en}. The letter says not to change the form, \
                 and the department may return the file; the data still counts by column name, but move it onto the \
                 blank form from the template download"
            ),
        )
    }

    /// `count` rows of a file name a province whose target tables are not loaded.
    pub fn report_province_unknown(province: &str, count: usize) -> Issue {
        Issue::new(
            Code::ReportProvinceUnknown,
            format!(
                "ผลิตภัณฑ์ {count} รายการในไฟล์นี้เป็นของจังหวัด{province} ซึ่งยังไม่ได้นำเข้าตารางเป้าหมาย จึงไม่ถูกนับ \
                 — นำเข้าตารางเป้าหมายของจังหวัด{province} หรือแก้ช่องจังหวัดให้ถูกต้อง"
            ),
            format!(
                "{count} products of this file belong to {province} province, whose target tables are not loaded, \
                 so they are not counted: import {province}'s target tables, or correct the province cell"
            ),
        )
    }

    /// `count` rows of a file whose province cannot be told (no จังหวัด cell, no
    /// province in the title, a district name several loaded provinces have).
    pub fn report_province_missing(count: usize) -> Issue {
        Issue::new(
            Code::ReportProvinceMissing,
            format!(
                "ผลิตภัณฑ์ {count} รายการในไฟล์นี้ไม่ระบุจังหวัด และบอกจากชื่ออำเภอไม่ได้ จึงไม่ถูกนับ \
                 — กรอกช่องจังหวัด หรือเขียน \"อำเภอ… จังหวัด…\" ในแถวชื่อรายงาน"
            ),
            format!(
                "{count} products of this file name no province and their district does not tell which, so they \
                 are not counted: fill in the province column, or write \"อำเภอ… จังหวัด…\" in the title row"
            ),
        )
    }

    /// `count` rows of a file whose province cannot be told because what was
    /// typed fits several provinces: a province cut short ("นครฯ"), or, with no
    /// province named, a district several provinces have ("เฉลิมพระเกียรติ",
    /// "อ.เมือง").
    pub fn report_province_several(typed: &str, provinces: &[String], count: usize) -> Issue {
        let th_list = provinces.iter().map(|p| format!("จังหวัด{p}")).collect::<Vec<_>>().join(", ");
        let en_list = provinces.join(", ");
        Issue::new(
            Code::ReportProvinceSeveral,
            format!(
                "ผลิตภัณฑ์ {count} รายการในไฟล์นี้ระบุ \"{typed}\" ซึ่งอาจเป็นของ{th_list} จึงไม่ถูกนับ \
                 — กรอกช่องจังหวัดด้วยชื่อเต็ม หรือเขียน \"อำเภอ… จังหวัด…\" ในแถวชื่อรายงาน"
            ),
            format!(
                "{count} products of this file say \"{typed}\", which could be in any of {en_list}, so they are \
                 not counted: fill in the province column with the full name, or write \"อำเภอ… จังหวัด…\" in the \
                 title row"
            ),
        )
    }

    /// A ตำบล that is not a sub-district of its row's อำเภอ by the official list,
    /// but of the districts `places` ((province, district) each). The row still counts.
    pub fn report_tambon_other_district(tambon: &str, amphoe: &str, places: &[(&str, &str)]) -> Issue {
        let th: Vec<String> = places.iter().map(|(p, d)| format!("อำเภอ{d} จังหวัด{p}")).collect();
        let en: Vec<String> = places.iter().map(|(p, d)| format!("{d} ({p})")).collect();
        let (th, en) = (th.join(" หรือ "), en.join(" or "));
        Issue::new(
            Code::ReportTambonOtherDistrict,
            format!(
                "ตำบลที่กรอก \"{tambon}\" ไม่ใช่ตำบลของอำเภอที่กรอก \"{amphoe}\" ตามทะเบียนของกรมการปกครอง \
                 แต่เป็นตำบลของ{th} — ผลิตภัณฑ์นี้ยังนับให้ \"{amphoe}\"; ตรวจว่ากรอกอำเภอและตำบลถูกต้อง"
            ),
            format!(
                "The sub-district typed, \"{tambon}\", is not one of the district typed, \"{amphoe}\", by the \
                 official list, but of {en}. \
                 The product still counts for \"{amphoe}\": check the district and sub-district cells"
            ),
        )
    }
}
