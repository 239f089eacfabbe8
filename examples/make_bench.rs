//! Writes the benchmark reports: the canonical form with 10k, 100k and 200k
//! product rows over the nine districts (every third product online).
//! Usage: cargo run --release --example make_bench -- OUT_DIR

use otop_kpi::export::form::report_workbook;
use otop_kpi::import::product::Product;
use otop_kpi::preset::Preset;

fn products(n: usize) -> Vec<Product> {
    let districts: Vec<String> = Preset::sa_kaeo_2564_round2().districts.into_iter().map(|d| d.name).collect();
    (0..n)
        .map(|i| {
            let e = i / 3;
            let district = &districts[e % districts.len()];
            let online = i % 3 == 0;
            let mut channels: [otop_kpi::import::product::Text; otop_kpi::import::product::CHANNELS] =
                Default::default();
            if online {
                channels[0] = format!("facebook.com/otop{e}").into();
                channels[4] = format!("shopee.co.th/otop{e}").into();
            }
            Product {
                file: "".into(),
                sheet: "".into(),
                row: 0,
                entrepreneur_code: format!("{}", 270_000 + e).into(),
                entrepreneur_name: format!("กลุ่มวิสาหกิจชุมชนบ้านตัวอย่าง {e}").into(),
                entrepreneur_type: "กลุ่ม".into(),
                product_name: format!("ผลิตภัณฑ์ชุมชน ข้าวเกรียบสมุนไพร สูตร {}", i % 3 + 1).into(),
                product_category: "อาหาร".into(),
                house_no: format!("{}", 10 + e % 90).into(),
                moo: format!("{}", 1 + e % 12).into(),
                tambon: "ตำบลตัวอย่าง".into(),
                amphoe: district.as_str().into(),
                province: "สระแก้ว".into(),
                phone: format!("08{}-{:03}-{:04}", e % 10, e % 1000, e % 10000).into(),
                flags: [i % 2 == 0, online, i % 3 == 1, i % 4 == 0, online],
                channels,
                online_sales: online.then(|| otop_kpi::money::Satang(125_050 + i as i64)),
                identity: Default::default(),
            }
        })
        .collect()
}

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "target/bench".into());
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("{out}: {e}");
        std::process::exit(1);
    }
    for (n, name) in [(10_000, "bench-10k.xlsx"), (100_000, "bench-100k.xlsx"), (200_000, "bench-200k.xlsx")] {
        let path = format!("{out}/{name}");
        if std::path::Path::new(&path).exists() {
            continue;
        }
        match report_workbook(
            "แบบรายงานผลการส่งเสริมผลิตภัณฑ์ OTOP ในตลาดออนไลน์ (ชุดทดสอบความเร็ว)",
            "จังหวัดสระแก้ว",
            Preset::sa_kaeo_2564_round2().window,
            &products(n),
        ) {
            Ok(bytes) => {
                if let Err(e) = std::fs::write(&path, bytes) {
                    eprintln!("{path}: {e}");
                }
                println!("wrote {path}");
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
