//! The results link (SPEC §5): a run's aggregates — per district registered
//! products, online products, base and window sales, the letter's five targets
//! of each KPI, whether its report was read; the thresholds, rule, survey,
//! year, round, window and province; the date of the data — and nothing else (no
//! product, entrepreneur, phone or link), in the URL's fragment, which browsers
//! never send to a server. Opened, the page shows the results read-only; beside
//! a new run, an earlier link gives each row's change ([`change`]).
//!
//! The fragment is `r1.` and then, in base64url without padding, the
//! [`link::Link`] in postcard's varint format followed by its CRC-32 (4 bytes,
//! little-endian). README, "The results link", specifies it field by field.
//!
//! ```
//! use otop_engine::analysis::Analysis;
//! use otop_model::preset::Preset;
//! use otop_engine::sales::SalesInput;
//! use otop_engine::share::SharedRun;
//! let preset = Preset::sa_kaeo_2564_round2();
//! let a = Analysis::run(&preset, &[], &[], &SalesInput::default());
//! let fragment = SharedRun::of_analysis(&preset, &a, None).encode();
//! assert!(fragment.starts_with("r1.") && fragment.len() < 2000);
//! let back = SharedRun::decode(&fragment).unwrap();
//! assert_eq!(back.provinces[0].preset.province, "สระแก้ว");
//! assert_eq!(back.analysis(0).unwrap().evaluation, a.evaluation);
//! ```

pub mod change;
pub mod link;

use crate::analysis::Analysis;
use crate::counting::Counted;
use crate::evaluation::Evaluation;
use crate::nation::{NationRun, ProvinceRun};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use link::{district_link, Link, Name, ProvinceLink, MAX_NAME, MAX_PROVINCES};
use otop_model::calendar::Day;
use otop_model::divisions;
use otop_model::money::Satang;
use otop_model::preset::{Preset, ScoringRule};

/// The version this page writes and reads, and the fragment's start.
pub const VERSION: u32 = 1;
/// The start of a results link's fragment: the format's version.
pub const PREFIX: &str = "r1.";
/// The longest fragment read (a 76-province link is about 70,000 characters).
pub const MAX_LENGTH: usize = 1_000_000;

/// The hidden sheet of a results workbook that holds its results link, so the
/// workbook dropped beside a later run compares as the link does.
pub const LINK_SHEET: &str = "otop-kpi-link";

/// The most characters a cell holds (Excel's limit): a longer link takes several rows.
pub const CELL_CHARS: usize = 30_000;

/// The fragment of a results link, in [`CELL_CHARS`] pieces, one per row of
/// column A of [`LINK_SHEET`].
pub fn link_cells(fragment: &str) -> Vec<String> {
    let chars: Vec<char> = fragment.chars().collect();
    chars.chunks(CELL_CHARS).map(|c| c.iter().collect()).collect()
}

/// The results link a results workbook holds (its [`LINK_SHEET`], among the
/// workbook's `sheets` as read), if it is one.
pub fn link_in(sheets: &[otop_model::imported::cell::Sheet]) -> Option<String> {
    let sheet = sheets.iter().find(|s| s.name == LINK_SHEET)?;
    let text: String = (0..sheet.rows.len()).map(|r| sheet.cell(r, sheet.first_col).text()).collect();
    text.starts_with('r').then_some(text)
}

/// One province of a shared run: its preset and its figures per district.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedProvince {
    /// The province's settings and districts.
    pub preset: Preset,
    /// Products sold online per district.
    pub online: Vec<i64>,
    /// Sales per district (none without sales data).
    pub sales: Vec<Option<Satang>>,
    /// Whether each district's report was read.
    pub sent: Vec<bool>,
}

/// A run as a link carries it.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedRun {
    /// The date of the data.
    pub date: Option<Day>,
    /// The provinces, in the link's order.
    pub provinces: Vec<SharedProvince>,
}

/// Why a link cannot be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Longer than [`MAX_LENGTH`].
    TooLong(usize),
    /// Not a results link at all (no `r1.` start).
    NotALink,
    /// Made by a newer version of the page.
    Newer(u32),
    /// Cut short or changed: its bytes do not decode or its checksum fails.
    Damaged(String),
    /// It decodes, but its figures do not hold together.
    DoesNotAddUp(String),
}

impl LinkError {
    /// The message in Thai and in English.
    pub fn messages(&self) -> (String, String) {
        match self {
            LinkError::TooLong(n) => (
                format!("ลิงก์ยาวเกินไป ({n} ตัวอักษร) — ไม่ใช่ลิงก์ผลการประเมินของหน้านี้"),
                format!("The link is too long ({n} characters): not a results link of this page"),
            ),
            LinkError::NotALink => (
                "ไม่ใช่ลิงก์ผลการประเมิน — คัดลอกลิงก์ทั้งหมดจากปุ่ม \"สร้างลิงก์ผลการประเมิน\"".into(),
                "Not a results link: copy the whole link the \"Make a results link\" button gives".into(),
            ),
            LinkError::Newer(v) => (
                format!("ลิงก์นี้ทำจากหน้ารุ่นใหม่กว่า (รุ่น {v}) — เปิดด้วยหน้ารุ่นล่าสุด"),
                format!(
                    "This link was made by a newer version of the page (version {v}): open it with the latest page"
                ),
            ),
            LinkError::Damaged(why) => (
                format!("ลิงก์ไม่ครบหรือถูกแก้ไข ({why}) — คัดลอกลิงก์ทั้งหมดอีกครั้ง"),
                format!("The link is cut short or was changed ({why}): copy the whole link again"),
            ),
            LinkError::DoesNotAddUp(why) => (
                format!("ตัวเลขในลิงก์ไม่สอดคล้องกัน ({why}) — ลิงก์ถูกแก้ไข"),
                format!("The link's figures do not add up ({why}): it was changed"),
            ),
        }
    }
}

/// The official code of province `name` spelt exactly as the list spells it.
fn province_code(name: &str) -> Name {
    match divisions::provinces().iter().find(|p| p.name == name) {
        Some(p) => Name::Code(u16::from(p.code)),
        None => Name::Text(name.to_string()),
    }
}

fn district_code(province: &str, name: &str) -> Name {
    let found = divisions::provinces().iter().filter(|p| p.name == province).flat_map(|p| &p.districts);
    match found.into_iter().find(|d| d.name == name) {
        Some(d) => Name::Code(d.code),
        None => Name::Text(name.to_string()),
    }
}

/// A name from the link (`province`: the province a district is of).
fn resolve(name: &Name, province: Option<&str>) -> Option<String> {
    match (name, province) {
        (Name::Text(t), _) => (t.len() <= MAX_NAME).then(|| t.clone()),
        (Name::Code(c), None) => divisions::provinces().iter().find(|p| u16::from(p.code) == *c).map(|p| p.name.into()),
        (Name::Code(c), Some(_)) => {
            let all = divisions::provinces().iter().flat_map(|p| &p.districts);
            all.into_iter().find(|d| d.code == *c).map(|d| d.name.into())
        }
    }
}

impl SharedProvince {
    fn of(preset: &Preset, a: &Analysis) -> SharedProvince {
        let rows = &a.evaluation.districts;
        let sent = |i: usize| a.counted.sent.get(i).copied().unwrap_or(false);
        // The figures scored (a sales file's base replaces the preset's).
        let districts = preset
            .districts
            .iter()
            .zip(rows)
            .map(|(d, r)| otop_model::preset::District { products: r.kpi1.products, base: r.base, ..d.clone() })
            .collect();
        SharedProvince {
            preset: Preset { districts, ..preset.clone() },
            online: rows.iter().map(|r| r.kpi1.online).collect(),
            sales: rows.iter().map(|r| r.kpi2.as_ref().map(|k| k.sales)).collect(),
            sent: (0..rows.len()).map(sent).collect(),
        }
    }

    fn link(&self) -> ProvinceLink {
        let p = &self.preset;
        let districts: Vec<_> = p
            .districts
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let online = self.online.get(i).copied().unwrap_or(0);
                let sales = self.sales.get(i).copied().flatten();
                let sent = self.sent.get(i).copied().unwrap_or(false);
                district_link(district_code(&p.province, &d.name), d, online, sales, sent, p)
            })
            .collect();
        let (totals, sales_total) = link::totals(&districts);
        ProvinceLink {
            province: province_code(&p.province),
            fiscal_year: p.fiscal_year,
            round: p.round,
            window: [(p.window.start.year, p.window.start.month), (p.window.end.year, p.window.end.month)],
            kpi1: p.kpi1.columns().map(|b| b.0),
            kpi2: p.kpi2.columns().map(|b| b.0),
            rule: u8::from(p.rule == ScoringRule::Percent),
            survey_done: p.survey_done,
            districts,
            totals,
            sales_total,
        }
    }

    /// The province's run as the page shows it.
    pub fn analysis(&self) -> Analysis {
        let evaluation = Evaluation::new(&self.preset, &self.online, &self.sales);
        let counted = Counted { online: self.online.clone(), sent: self.sent.clone(), ..Counted::default() };
        Analysis { evaluation, counted, issues: Vec::new() }
    }
}

impl SharedRun {
    /// One province's run.
    pub fn of_analysis(preset: &Preset, a: &Analysis, date: Option<Day>) -> SharedRun {
        SharedRun { date, provinces: vec![SharedProvince::of(preset, a)] }
    }

    /// A run over several provinces.
    pub fn of_nation(run: &NationRun, date: Option<Day>) -> SharedRun {
        SharedRun {
            date,
            provinces: run.provinces.iter().map(|p| SharedProvince::of(&p.preset, &p.analysis)).collect(),
        }
    }

    /// The fragment (without its `#`).
    pub fn encode(&self) -> String {
        let link = Link {
            date: link::date_of(self.date),
            provinces: self.provinces.iter().map(SharedProvince::link).collect(),
        };
        let mut bytes = postcard::to_allocvec(&link).unwrap_or_default();
        let crc = crc32fast::hash(&bytes);
        bytes.extend_from_slice(&crc.to_le_bytes());
        format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
    }

    /// The run a fragment (with or without its `#`) carries.
    pub fn decode(fragment: &str) -> Result<SharedRun, LinkError> {
        let fragment = fragment.trim().trim_start_matches('#');
        if fragment.len() > MAX_LENGTH {
            return Err(LinkError::TooLong(fragment.len()));
        }
        let Some((version, body)) = fragment.strip_prefix('r').and_then(|f| f.split_once('.')) else {
            return Err(LinkError::NotALink);
        };
        match version.parse::<u32>() {
            Ok(VERSION) => {}
            Ok(v) if v > VERSION => return Err(LinkError::Newer(v)),
            _ => return Err(LinkError::NotALink),
        }
        let bytes = URL_SAFE_NO_PAD.decode(body).map_err(|e| LinkError::Damaged(e.to_string()))?;
        let split = bytes.len().checked_sub(4).ok_or_else(|| LinkError::Damaged("too short".into()))?;
        let (payload, crc) = bytes.split_at(split);
        if crc32fast::hash(payload).to_le_bytes() != crc {
            return Err(LinkError::Damaged("checksum".into()));
        }
        let link: Link = postcard::from_bytes(payload).map_err(|e| LinkError::Damaged(e.to_string()))?;
        if link.provinces.is_empty() || link.provinces.len() > MAX_PROVINCES {
            return Err(LinkError::DoesNotAddUp(format!("{} provinces", link.provinces.len())));
        }
        let date = link.date.map(|(year, month, day)| Day { year, month, day }).filter(|d| d.is_valid());
        let mut provinces = Vec::with_capacity(link.provinces.len());
        for p in &link.provinces {
            p.check().map_err(LinkError::DoesNotAddUp)?;
            let preset = p.preset(resolve).ok_or_else(|| LinkError::DoesNotAddUp("an unknown code".into()))?;
            provinces.push(SharedProvince {
                preset,
                online: p.districts.iter().map(|d| d.online).collect(),
                sales: p.districts.iter().map(|d| d.sales.map(Satang)).collect(),
                sent: p.districts.iter().map(|d| d.sent).collect(),
            });
        }
        Ok(SharedRun { date, provinces })
    }

    /// Province `i`'s run.
    pub fn analysis(&self, i: usize) -> Option<Analysis> {
        self.provinces.get(i).map(SharedProvince::analysis)
    }

    /// The run over several provinces (when the link holds more than one).
    pub fn nation(&self) -> Option<NationRun> {
        if self.provinces.len() < 2 {
            return None;
        }
        let runs = self
            .provinces
            .iter()
            .map(|p| ProvinceRun { preset: p.preset.clone(), analysis: p.analysis(), files: Vec::new() })
            .collect();
        Some(NationRun::of_provinces(runs))
    }
}
