//! What a map shows of a run (SPEC §5.2): each area's figures (a district of a
//! province's run, a province of a run over several), and which shape of a map
//! file draws which area. The page draws the shapes; the rules are here.
//!
//! ```
//! use otop_engine::{analysis::Analysis, map, sales::SalesInput};
//! use otop_model::{maps::MapFile, preset::Preset};
//! let run = Analysis::run(&Preset::sa_kaeo_2564_round2(), &[], &[], &SalesInput::default());
//! let areas = map::districts(&run);
//! assert_eq!(areas.len(), 9);
//! // No report read: every district is "no report yet", so none has a score.
//! assert!(areas.iter().all(|a| !a.sent && a.score(map::Shown::Kpi1).is_none()));
//! let file = MapFile::parse("1 1\n2702\tคลองหาด\t0 0\tM0 0l1 0 0 1z\n2799\tที่อื่น\t0 0\tM0 0l1 0 0 1z\n").unwrap();
//! let placed = map::place_districts(&file, &areas, "สระแก้ว");
//! let first = placed.areas[0].map(|i| areas[i].name.as_str());
//! assert_eq!((first, placed.areas[1]), (Some("คลองหาด"), None));
//! assert_eq!(placed.unplaced.len(), 8); // the other eight districts have no shape in this file
//! ```

use crate::analysis::Analysis;
use crate::nation::NationRun;
use otop_model::district::{DistrictMatch, DistrictMatcher};
use otop_model::divisions::province_key;
use otop_model::maps::MapFile;
use otop_model::money::BasisPoints;

/// Which KPI a map is coloured by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// KPI 1: products sold online.
    Kpi1,
    /// KPI 2: sales growth.
    Kpi2,
}

/// One area of a run, as its map shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    /// The row's name (a district, or a province of a run over several).
    pub name: String,
    /// Whether a report of it was read (a province: of any of its districts).
    pub sent: bool,
    /// Products sold online, counted.
    pub online: i64,
    /// Registered products.
    pub products: i64,
    /// Online products' share of the registered.
    pub percent: BasisPoints,
    /// KPI 1's score under the run's rule.
    pub kpi1: u8,
    /// KPI 2's growth and score, when there are sales figures.
    pub kpi2: Option<(BasisPoints, u8)>,
}

impl Area {
    /// The score the map colours it by: none until it has sent a report, and
    /// none for KPI 2 without sales figures.
    pub fn score(&self, shown: Shown) -> Option<u8> {
        match (self.sent, shown) {
            (false, _) => None,
            (true, Shown::Kpi1) => Some(self.kpi1),
            (true, Shown::Kpi2) => self.kpi2.map(|(_, s)| s),
        }
    }
}

fn area(row: &crate::evaluation::Row, rule: otop_model::preset::ScoringRule, sent: bool) -> Area {
    Area {
        name: row.district.clone(),
        sent,
        online: row.kpi1.online,
        products: row.kpi1.products,
        percent: row.kpi1.percent,
        kpi1: row.kpi1.score(rule),
        kpi2: row.kpi2.as_ref().map(|k| (k.growth, k.score(rule))),
    }
}

/// A province's districts, in the run's order.
pub fn districts(run: &Analysis) -> Vec<Area> {
    let e = &run.evaluation;
    e.districts.iter().map(|r| area(r, e.rule, run.has_sent(&r.district))).collect()
}

/// The provinces of a run over several, in the run's order.
pub fn provinces(run: &NationRun) -> Vec<Area> {
    let (sent, _) = run.submitted();
    let e = &run.nation;
    let each = e.districts.iter().enumerate();
    each.map(|(i, r)| area(r, e.rule, sent.get(i).is_some_and(|(s, _)| *s > 0))).collect()
}

/// Which area each shape of a map file draws, and the areas no shape draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// For each shape of the file, in its order: the index of its area, if the run has it.
    pub areas: Vec<Option<usize>>,
    /// The indices of the run's areas that no shape draws (a name not on the map).
    pub unplaced: Vec<usize>,
}

/// Matches a province's map to its run's districts by name, as the readers
/// match names: "อ.เมือง", "เขตบางรัก" and the official name are one district.
pub fn place_districts(file: &MapFile, areas: &[Area], province: &str) -> Placed {
    let names: Vec<String> = file.shapes.iter().map(|s| s.name.clone()).collect();
    let mut matcher = DistrictMatcher::new(&names).in_province(province);
    let mut shapes = vec![None; names.len()];
    let mut unplaced = Vec::new();
    for (i, a) in areas.iter().enumerate() {
        match matcher.find(&a.name) {
            DistrictMatch::Found(at) if shapes.get(at) == Some(&None) => {
                if let Some(slot) = shapes.get_mut(at) {
                    *slot = Some(i);
                }
            }
            _ => unplaced.push(i),
        }
    }
    Placed { areas: shapes, unplaced }
}

/// Matches the country's map to a run's provinces by name ("อยุธยา",
/// "กทม." and the official name are one province).
pub fn place_provinces(file: &MapFile, areas: &[Area]) -> Placed {
    let keys: Vec<String> = areas.iter().map(|a| province_key(&a.name)).collect();
    let shapes: Vec<Option<usize>> =
        file.shapes.iter().map(|s| province_key(&s.name)).map(|k| keys.iter().position(|a| *a == k)).collect();
    let unplaced = (0..areas.len()).filter(|i| !shapes.contains(&Some(*i))).collect();
    Placed { areas: shapes, unplaced }
}
