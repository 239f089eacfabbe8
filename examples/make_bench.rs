//! Writes the benchmark reports: the canonical form with 10k, 100k and 200k
//! product rows over the nine districts (every third product online); and the
//! national case in OUT_DIR/nation: 76 provinces' target tables (12 districts
//! each, the letter's layout) and one report per district, 200k rows over 912
//! files. Usage: cargo run --release --example make_bench -- OUT_DIR
//!
//! The 100k file comes in the two layouts of issue 25: B, `bench-100k.xlsx`,
//! as an office program saves it (shared strings); A, `bench-100k-stream.xlsx`,
//! the same rows as a web system's streaming writer saves them (Apache POI's
//! SXSSF and the like): every text an inline string (`t="inlineStr"`), an empty
//! shared-strings part, and each online channel cell showing "Facebook" or
//! "Shopee" with a hyperlink to the page (the worksheet's relationships, 7 MB).

use otop_export::form::report_workbook;
use otop_model::imported::product::Product;
use otop_model::preset::Preset;

fn products(n: usize) -> Vec<Product> {
    let districts: Vec<String> = Preset::sa_kaeo_2564_round2().districts.into_iter().map(|d| d.name).collect();
    products_of(n, &districts, "สระแก้ว", 270_000)
}

/// `n` products over `districts` of `province`, entrepreneur codes from `first_code`.
fn products_of(n: usize, districts: &[String], province: &str, first_code: usize) -> Vec<Product> {
    (0..n)
        .map(|i| {
            let e = i / 3;
            let district = districts.get(e % districts.len().max(1)).map_or("", String::as_str);
            let online = i % 3 == 0;
            let mut channels: [otop_model::imported::cell::Text; otop_model::imported::product::CHANNELS] =
                Default::default();
            if online {
                channels[0] = format!("facebook.com/otop{e}").into();
                channels[4] = format!("shopee.co.th/otop{e}").into();
            }
            Product {
                file: "".into(),
                sheet: "".into(),
                row: 0,
                entrepreneur_code: format!("{}", first_code + e).into(),
                entrepreneur_name: format!("กลุ่มวิสาหกิจชุมชนบ้านตัวอย่าง {e}").into(),
                entrepreneur_type: "กลุ่ม".into(),
                product_name: format!("ผลิตภัณฑ์ชุมชน ข้าวเกรียบสมุนไพร สูตร {}", i % 3 + 1).into(),
                product_category: "อาหาร".into(),
                house_no: format!("{}", 10 + e % 90).into(),
                moo: format!("{}", 1 + e % 12).into(),
                tambon: "ตำบลตัวอย่าง".into(),
                amphoe: district.into(),
                province: province.into(),
                phone: format!("08{}-{:03}-{:04}", e % 10, e % 1000, e % 10000).into(),
                flags: [i % 2 == 0, online, i % 3 == 1, i % 4 == 0, online],
                channels,
                online_sales: online.then(|| otop_model::money::Satang(125_050 + i as i64)),
                identity: Default::default(),
                marks_only: false,
            }
        })
        .collect()
}

/// The 76 provinces (Bangkok aside), for the national case.
const PROVINCES: [&str; 76] = [
    "กระบี่",
    "กาญจนบุรี",
    "กาฬสินธุ์",
    "กำแพงเพชร",
    "ขอนแก่น",
    "จันทบุรี",
    "ฉะเชิงเทรา",
    "ชลบุรี",
    "ชัยนาท",
    "ชัยภูมิ",
    "ชุมพร",
    "เชียงราย",
    "เชียงใหม่",
    "ตรัง",
    "ตราด",
    "ตาก",
    "นครนายก",
    "นครปฐม",
    "นครพนม",
    "นครราชสีมา",
    "นครศรีธรรมราช",
    "นครสวรรค์",
    "นนทบุรี",
    "นราธิวาส",
    "น่าน",
    "บึงกาฬ",
    "บุรีรัมย์",
    "ปทุมธานี",
    "ประจวบคีรีขันธ์",
    "ปราจีนบุรี",
    "ปัตตานี",
    "พระนครศรีอยุธยา",
    "พะเยา",
    "พังงา",
    "พัทลุง",
    "พิจิตร",
    "พิษณุโลก",
    "เพชรบุรี",
    "เพชรบูรณ์",
    "แพร่",
    "ภูเก็ต",
    "มหาสารคาม",
    "มุกดาหาร",
    "แม่ฮ่องสอน",
    "ยโสธร",
    "ยะลา",
    "ร้อยเอ็ด",
    "ระนอง",
    "ระยอง",
    "ราชบุรี",
    "ลพบุรี",
    "ลำปาง",
    "ลำพูน",
    "เลย",
    "ศรีสะเกษ",
    "สกลนคร",
    "สงขลา",
    "สตูล",
    "สมุทรปราการ",
    "สมุทรสงคราม",
    "สมุทรสาคร",
    "สระแก้ว",
    "สระบุรี",
    "สิงห์บุรี",
    "สุโขทัย",
    "สุพรรณบุรี",
    "สุราษฎร์ธานี",
    "สุรินทร์",
    "หนองคาย",
    "หนองบัวลำภู",
    "อ่างทอง",
    "อำนาจเจริญ",
    "อุดรธานี",
    "อุตรดิตถ์",
    "อุทัยธานี",
    "อุบลราชธานี",
];
/// District names, the same in every province (as real ones sometimes are).
const DISTRICTS: [&str; 12] = [
    "บ้านหนึ่ง",
    "บ้านสอง",
    "บ้านสาม",
    "บ้านสี่",
    "บ้านห้า",
    "บ้านหก",
    "บ้านเจ็ด",
    "บ้านแปด",
    "บ้านเก้า",
    "บ้านสิบ",
    "บ้านสิบเอ็ด",
    "บ้านสิบสอง",
];

/// The national case: per province, its target tables and one report per district.
fn nation(out: &str) -> Result<(), String> {
    let dir = format!("{out}/nation");
    if std::path::Path::new(&format!("{dir}/done")).exists() {
        return Ok(());
    }
    std::fs::create_dir_all(format!("{dir}/reports")).map_err(|e| e.to_string())?;
    let template = Preset::sa_kaeo_2564_round2();
    let per_file = 200_000 / (PROVINCES.len() * DISTRICTS.len()) + 1;
    for (p, province) in PROVINCES.iter().enumerate() {
        let districts: Vec<otop_model::preset::District> = DISTRICTS
            .iter()
            .enumerate()
            .map(|(d, name)| otop_model::preset::District {
                name: name.to_string(),
                entrepreneurs: 40 + (p * 7 + d * 3) as i64 % 60,
                products: 120 + (p * 13 + d * 11) as i64 % 200,
                base: otop_model::money::Satang::from_baht(5_000_000 + ((p * 31 + d * 17) % 50) as i64 * 1_000_000),
            })
            .collect();
        let preset = Preset { province: province.to_string(), districts, ..template.clone() };
        let mut wb = rust_xlsxwriter::Workbook::new();
        otop_export::targets::write_target_sheets(&mut wb, &preset, otop_model::display::Lang::Th)
            .map_err(|e| e.to_string())?;
        let bytes = wb.save_to_buffer().map_err(|e| e.to_string())?;
        std::fs::write(format!("{dir}/targets-{p:02}.xlsx"), bytes).map_err(|e| e.to_string())?;
        for (d, name) in DISTRICTS.iter().enumerate() {
            let names = vec![name.to_string()];
            let rows = products_of(per_file, &names, province, 1_000_000 + (p * 12 + d) * 1_000);
            let bytes = report_workbook(
                "แบบรายงานผลการส่งเสริมผลิตภัณฑ์ OTOP ในตลาดออนไลน์ (ชุดทดสอบความเร็ว ทั้งประเทศ)",
                &format!("อำเภอ{name} จังหวัด{province}"),
                template.window,
                &rows,
            )
            .map_err(|e| e.to_string())?;
            std::fs::write(format!("{dir}/reports/{p:02}-{d:02}.xlsx"), bytes).map_err(|e| e.to_string())?;
        }
    }
    std::fs::write(format!("{dir}/done"), b"").map_err(|e| e.to_string())?;
    println!("wrote {dir}");
    Ok(())
}

const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// The workbook `xlsx` (as `report_workbook` writes it) in the streaming
/// writers' layout (see the module's doc).
fn streaming_layout(xlsx: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).map_err(|e| e.to_string())?;
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| e.to_string())?;
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        let name = f.name().map_err(|e| e.to_string())?.into_owned();
        parts.push((name, String::from_utf8(bytes).map_err(|e| e.to_string())?));
    }
    let part = |name: &str| parts.iter().find(|(n, _)| n == name).map(|(_, t)| t.clone());
    // Each shared string's `<t …>…</t>` element, as written.
    let sst = part("xl/sharedStrings.xml").ok_or("no shared strings")?;
    let strings: Vec<&str> = sst.split("<si>").skip(1).map(|si| si.split("</si>").next().unwrap_or("")).collect();
    let sheet = part("xl/worksheets/sheet1.xml").ok_or("no sheet")?;
    let (mut out, mut links, mut rels) = (String::with_capacity(sheet.len() * 2), String::new(), String::new());
    let mut rest = sheet.as_str();
    while let Some(at) = rest.find("<c ") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let tag_end = rest.find('>').ok_or("a cut tag")? + 1;
        let tag = &rest[..tag_end];
        let shared = tag.ends_with(" t=\"s\">");
        let Some(index) = shared.then(|| rest[tag_end..].strip_prefix("<v>")).flatten() else {
            out.push_str(tag);
            rest = &rest[tag_end..];
            continue;
        };
        let v_end = index.find("</v></c>").ok_or("a cut cell")?;
        let i: usize = index[..v_end].parse().map_err(|_| "a shared-string index")?;
        let t = strings.get(i).ok_or("an index past the strings")?;
        let r = tag.split(" r=\"").nth(1).and_then(|x| x.split('"').next()).ok_or("a cell without r")?;
        let text = t.split('>').nth(1).and_then(|x| x.split('<').next()).unwrap_or("");
        let shown = match text.split_once('/') {
            Some(("facebook.com", _)) => Some("Facebook"),
            Some(("shopee.co.th", _)) => Some("Shopee"),
            _ => None,
        };
        let inline = match shown {
            Some(name) => {
                let id = format!("rIdL{}", links.len());
                links.push_str(&format!(r#"<hyperlink ref="{r}" r:id="{id}"/>"#));
                rels.push_str(&format!(
                    r#"<Relationship Id="{id}" Type="{REL}/hyperlink" Target="https://{text}" TargetMode="External"/>"#
                ));
                format!("<t>{name}</t>")
            }
            None => t.to_string(),
        };
        out.push_str(&tag.replace(" t=\"s\">", " t=\"inlineStr\">"));
        out.push_str(&format!("<is>{inline}</is></c>"));
        rest = &index[v_end + "</v></c>".len()..];
    }
    out.push_str(rest);
    // The hyperlinks after the merged cells, before the page margins (the schema's order).
    let out = out.replacen("<pageMargins", &format!("<hyperlinks>{links}</hyperlinks><pageMargins"), 1);
    let rels = format!(r#"{DECL}<Relationships xmlns="{PACKAGE_REL}">{rels}</Relationships>"#);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for (name, text) in &parts {
        let text = match name.as_str() {
            "xl/worksheets/sheet1.xml" => out.clone(),
            "xl/sharedStrings.xml" => format!(r#"{DECL}<sst xmlns="{MAIN}" count="0" uniqueCount="0"/>"#),
            _ => text.clone(),
        };
        zip.start_file(name.as_str(), opts).map_err(|e| e.to_string())?;
        zip.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    }
    zip.start_file("xl/worksheets/_rels/sheet1.xml.rels", opts).map_err(|e| e.to_string())?;
    zip.write_all(rels.as_bytes()).map_err(|e| e.to_string())?;
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
}

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "target/bench".into());
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("{out}: {e}");
        std::process::exit(1);
    }
    // (rows, file, the district typed on every row instead of the real one)
    let files = [
        (10_000, "bench-10k.xlsx", None),
        (100_000, "bench-100k.xlsx", None),
        (200_000, "bench-200k.xlsx", None),
        // Issue 21: a district misspelt on every row (one issue, not 100,000).
        (100_000, "bench-100k-misspelt.xlsx", Some("คลองหาร")),
    ];
    for (n, name, misspelt) in files {
        let path = format!("{out}/{name}");
        let stream = format!("{out}/bench-100k-stream.xlsx");
        let missing = |p: &str| !std::path::Path::new(p).exists();
        let needed = missing(&path) || (name == "bench-100k.xlsx" && missing(&stream));
        if !needed {
            continue;
        }
        let mut rows = products(n);
        if let Some(typed) = misspelt {
            for p in &mut rows {
                p.amphoe = typed.into();
            }
        }
        match report_workbook(
            "แบบรายงานผลการส่งเสริมผลิตภัณฑ์ OTOP ในตลาดออนไลน์ (ชุดทดสอบความเร็ว)",
            "จังหวัดสระแก้ว",
            Preset::sa_kaeo_2564_round2().window,
            &rows,
        ) {
            Ok(bytes) => {
                if let Err(e) = std::fs::write(&path, &bytes) {
                    eprintln!("{path}: {e}");
                }
                println!("wrote {path}");
                // Layout A of the same rows (issue 25).
                if name == "bench-100k.xlsx" {
                    match streaming_layout(&bytes).and_then(|b| std::fs::write(&stream, b).map_err(|e| e.to_string())) {
                        Ok(()) => println!("wrote {stream}"),
                        Err(e) => eprintln!("{stream}: {e}"),
                    }
                }
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
    if let Err(e) = nation(&out) {
        eprintln!("{out}/nation: {e}");
    }
}
