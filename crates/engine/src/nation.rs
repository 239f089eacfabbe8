//! Several provinces in one run (SPEC §10): a preset per province from its
//! target tables, every report row assigned to a loaded province and then to a
//! district of that province, each province scored as a single-province run, a
//! table of provinces, and a national row from the national totals, scored with
//! the same thresholds.

use crate::analysis::{Analysis, AnalysisSteps};
use crate::evaluation::Evaluation;
use crate::sales::{SalesFile, SalesInput};
use otop_model::district::{same_province, DistrictMatch, DistrictMatcher};
use otop_model::divisions::province_key;
use otop_model::divisions::{self, ProvinceMatch};
use otop_model::imported::file::ImportedFile;
use otop_model::imported::product::Product;
use otop_model::imported::target_table::{apply, Table, TargetTable};
use otop_model::issue::Issue;
use otop_model::preset::{District, Preset};
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

/// One province of the run: its preset and its whole analysis.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ProvinceRun {
    /// The province's preset (from its target tables).
    pub preset: Preset,
    /// The province's run.
    pub analysis: Analysis,
    /// The files that had rows of this province.
    pub files: Vec<String>,
}

/// A run over several provinces.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NationRun {
    /// Each province's run, in the order their target tables came.
    pub provinces: Vec<ProvinceRun>,
    /// The provinces as rows (`districts`) and the nation (`province`), scored
    /// from their totals.
    pub nation: Evaluation,
    /// Every issue once: the presets', the files', each province's counting.
    pub issues: Vec<Issue>,
}

/// The name of the national row.
pub const NATION: &str = "ทั้งประเทศ";

/// One preset per province named by the target tables of `files` ((file name,
/// tables) each), built on `template` (its thresholds, rule, window, year and
/// round); tables that name no province belong to the template's province.
/// Issues: what each table's checks found, printed targets that differ,
/// problems of each preset, and each province left out because a kind of its
/// tables (KPI 1's or KPI 2's) had none that passed the checks.
pub fn presets_from_targets(template: &Preset, files: &[(String, Vec<TargetTable>)]) -> (Vec<Preset>, Vec<Issue>) {
    let mut groups: Vec<(String, String, Vec<TargetTable>)> = Vec::new();
    for (file, tables) in files {
        for t in tables {
            let province = t.province.clone().unwrap_or_else(|| template.province.clone());
            match groups.iter_mut().find(|(p, f, _)| same_province(p, &province) && f == file) {
                Some((_, _, ts)) => ts.push(t.clone()),
                None => groups.push((province, file.clone(), vec![t.clone()])),
            }
        }
    }
    // A province with a kind of table none of whose tables is usable is left out:
    // half its figures would score it silently wrong.
    let lacks_usable = |p: &str| {
        let mine = || groups.iter().filter(|(q, _, _)| same_province(p, q)).flat_map(|(_, _, ts)| ts);
        let lacks = |kind| mine().any(|t| t.table == kind) && !mine().any(|t| t.table == kind && t.usable);
        lacks(Table::Online) || lacks(Table::Revenue)
    };
    let mut unusable: Vec<String> = Vec::new();
    for (p, _, _) in &groups {
        if !unusable.iter().any(|u| same_province(u, p)) && lacks_usable(p) {
            unusable.push(p.clone());
        }
    }
    let mut presets: Vec<Preset> = Vec::new();
    let mut issues = Vec::new();
    for (province, file, tables) in groups {
        if unusable.iter().any(|u| same_province(u, &province)) {
            issues.extend(tables.iter().flat_map(|t| t.checks.iter().map(|i| i.clone().in_file(&file))));
            continue;
        }
        let existing = presets.iter().position(|p| same_province(&p.province, &province));
        let base = match existing {
            Some(i) => presets.get(i).cloned().unwrap_or_else(|| template.clone()),
            None => Preset { province: province.clone(), districts: Vec::new(), ..template.clone() },
        };
        let (preset, found) = apply(&base, &file, &tables);
        issues.extend(found);
        match existing.and_then(|i| presets.get_mut(i)) {
            Some(slot) => *slot = preset,
            None => presets.push(preset),
        }
    }
    issues.extend(unusable.iter().map(|p| Issue::targets_province_unusable(p)));
    (presets, issues)
}

/// Why a product belongs to no loaded province.
#[derive(Debug, Clone, PartialEq)]
enum Unplaced {
    /// Its province (named by its cell or the title, or the only one with its
    /// district) has no target tables loaded.
    NotLoaded(String),
    /// No province named, and its district does not tell.
    Missing,
    /// What was typed (a province cut short, or a district without a province)
    /// fits several provinces: these.
    Several(String, Vec<String>),
}

/// Where products go: each distinct province or district text is worked out once.
struct Assigner<'a> {
    single: bool,
    keys: Vec<String>,
    names: Vec<String>,
    matchers: Vec<DistrictMatcher>,
    by_province: HashMap<&'a str, Result<usize, Unplaced>>,
    by_district: HashMap<&'a str, Result<usize, Unplaced>>,
}

impl<'a> Assigner<'a> {
    fn new(presets: &[Preset]) -> Assigner<'a> {
        let matchers = presets.iter().map(|p| {
            let names: Vec<String> = p.districts.iter().map(|d| d.name.clone()).collect();
            DistrictMatcher::new(&names).in_province(&p.province)
        });
        Assigner {
            single: presets.len() == 1,
            keys: presets.iter().map(|p| province_key(&p.province)).collect(),
            names: presets.iter().map(|p| p.province.clone()).collect(),
            matchers: matchers.collect(),
            by_province: HashMap::default(),
            by_district: HashMap::default(),
        }
    }

    /// Which loaded province a product belongs to: its จังหวัด cell (or the
    /// title's), else — when its province is not named — the one province that
    /// has its district. A district name several provinces of Thailand have
    /// ("เฉลิมพระเกียรติ", "อ.เมือง") is never put in one of them by guess.
    fn province_of(&mut self, p: &'a Product) -> Result<usize, Unplaced> {
        if !p.province.trim().is_empty() {
            let keys = &self.keys;
            return self
                .by_province
                .entry(&p.province)
                .or_insert_with(|| match divisions::match_province(&p.province) {
                    ProvinceMatch::Several(fits) => {
                        Err(Unplaced::Several(p.province.to_string(), fits.iter().map(|f| f.name.into()).collect()))
                    }
                    found => {
                        let key = province_key(&p.province);
                        let name = match found {
                            ProvinceMatch::Found(one) => one.name.to_string(),
                            _ => p.province.trim().to_string(),
                        };
                        keys.iter().position(|k| !k.is_empty() && *k == key).ok_or(Unplaced::NotLoaded(name))
                    }
                })
                .clone();
        }
        if self.single {
            return Ok(0);
        }
        let (matchers, keys, names) = (&mut self.matchers, &self.keys, &self.names);
        self.by_district
            .entry(&p.amphoe)
            .or_insert_with(|| {
                let having: Vec<usize> = matchers
                    .iter_mut()
                    .enumerate()
                    .filter_map(|(i, m)| matches!(m.find(&p.amphoe), DistrictMatch::Found(_)).then_some(i))
                    .collect();
                let listed = divisions::provinces_of_district(&p.amphoe);
                let several = |names: Vec<String>| Err(Unplaced::Several(p.amphoe.to_string(), names));
                match (having.as_slice(), listed.as_slice()) {
                    ([one], [] | [_]) => Ok(*one),
                    ([], [one]) => {
                        let key = province_key(one.name);
                        keys.iter().position(|k| *k == key).ok_or(Unplaced::NotLoaded(one.name.to_string()))
                    }
                    ([], []) => Err(Unplaced::Missing),
                    (_, [_, _, ..]) => several(listed.iter().map(|l| l.name.to_string()).collect()),
                    (many, _) => several(many.iter().filter_map(|&i| names.get(i).cloned()).collect()),
                }
            })
            .clone()
    }
}

/// The files' products split by province: for province `i`, a copy of each
/// file holding only its products (all of them shared, not copied, when the file
/// is that province's alone; the file's own issues go with the first province
/// it has rows in). Products of no loaded province become one error
/// per file and province named.
fn split(files: &[ImportedFile], presets: &[Preset], issues: &mut Vec<Issue>) -> Vec<Vec<ImportedFile>> {
    let mut out: Vec<Vec<ImportedFile>> = vec![Vec::new(); presets.len()];
    let mut assigner = Assigner::new(presets);
    for f in files {
        let mut unknown: Vec<(Unplaced, usize, &Product)> = Vec::new();
        let mut places: Vec<Option<usize>> = Vec::with_capacity(f.products.len());
        for p in f.products.iter() {
            match assigner.province_of(p) {
                Ok(i) => places.push(Some(i)),
                Err(why) => {
                    places.push(None);
                    match unknown.iter_mut().find(|(w, _, _)| *w == why) {
                        Some((_, count, _)) => *count += 1,
                        None => unknown.push((why, 1, p)),
                    }
                }
            }
        }
        // (province, its products) for each province the file has products of, in
        // order; a district's file is one province's and goes there as it is.
        let parts: Vec<(usize, Arc<Vec<Product>>)> = match places.first() {
            Some(&Some(one)) if places.iter().all(|x| *x == Some(one)) => vec![(one, Arc::clone(&f.products))],
            _ => {
                let mut parts: Vec<Vec<Product>> = vec![Vec::new(); presets.len()];
                for (p, place) in f.products.iter().zip(&places) {
                    if let Some(part) = place.and_then(|i| parts.get_mut(i)) {
                        part.push(p.clone());
                    }
                }
                parts.into_iter().enumerate().filter(|(_, p)| !p.is_empty()).map(|(i, p)| (i, Arc::new(p))).collect()
            }
        };
        for (why, count, first) in unknown {
            let issue = match why {
                Unplaced::NotLoaded(name) => Issue::report_province_unknown(&name, count),
                Unplaced::Missing => Issue::report_province_missing(count),
                Unplaced::Several(typed, provinces) => Issue::report_province_several(&typed, &provinces, count),
            };
            issues.push(issue.in_file(&f.file).at(Some(&first.sheet), Some(first.row), Some("จังหวัด")));
        }
        let mut own_issues_given = false;
        for (i, products) in parts {
            let mut copy = f.clone();
            copy.rows = products.len();
            copy.products = products;
            if own_issues_given {
                copy.issues.clear();
            }
            own_issues_given = true;
            if let Some(list) = out.get_mut(i) {
                list.push(copy);
            }
        }
        if !own_issues_given {
            issues.extend(f.issues.iter().cloned());
        }
    }
    out
}

/// The province a sales file belongs to: the one whose districts its rows name most.
fn sales_province(file: &SalesFile, presets: &[Preset]) -> Option<usize> {
    let score = |x: &Preset| {
        let names: Vec<String> = x.districts.iter().map(|d| d.name.clone()).collect();
        let mut matcher = DistrictMatcher::new(&names).in_province(&x.province);
        file.entries.iter().filter(|e| matches!(matcher.find(&e.district), DistrictMatch::Found(_))).count()
    };
    let scores: Vec<usize> = presets.iter().map(score).collect();
    let best = scores.iter().copied().max().filter(|&m| m > 0)?;
    let at: Vec<usize> = scores.iter().enumerate().filter(|(_, s)| **s == best).map(|(i, _)| i).collect();
    match at.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// A run over several provinces made a slice of products at a time, province
/// after province, so that a page can score a nation in slices between which
/// it stays responsive:
///
/// ```
/// use otop_engine::nation::{NationRun, NationSteps};
/// use otop_model::preset::Preset;
/// let presets = vec![Preset::sa_kaeo_2564_round2()];
/// let mut steps = NationSteps::new(presets.clone(), &[], &[], &[]);
/// assert_eq!(steps.progress(), (0, 1));
/// assert!(steps.step(10_000));
/// assert_eq!(steps.progress(), (1, 1));
/// assert_eq!(steps.finish(), NationRun::run(&presets, &[], &[], &[]));
/// ```
pub struct NationSteps {
    presets: Vec<Preset>,
    /// Each preset's own problems (each province's analysis lists them again).
    own: Vec<Vec<Issue>>,
    issues: Vec<Issue>,
    /// Each province's report, round-1 and sales files, taken as it is scored.
    inputs: Vec<(Vec<ImportedFile>, Vec<ImportedFile>, Vec<SalesFile>)>,
    /// The province being scored, and the names of its files.
    current: Option<(AnalysisSteps, Vec<String>)>,
    provinces: Vec<ProvinceRun>,
}

impl NationSteps {
    /// Shares the files out among the provinces of `presets` (their products are
    /// not copied when a file is one province's); nothing is scored yet.
    pub fn new(
        presets: Vec<Preset>,
        reports: &[ImportedFile],
        round1: &[ImportedFile],
        sales: &[SalesFile],
    ) -> NationSteps {
        let own: Vec<Vec<Issue>> = presets.iter().map(Preset::validate).collect();
        let mut issues: Vec<Issue> = own.iter().flatten().cloned().collect();
        let reports_by = split(reports, &presets, &mut issues);
        let round1_by = split(round1, &presets, &mut Vec::new());
        let mut sales_by: Vec<Vec<SalesFile>> = vec![Vec::new(); presets.len()];
        for s in sales {
            match sales_province(s, &presets).and_then(|i| sales_by.get_mut(i)) {
                Some(list) => list.push(s.clone()),
                None => {
                    // Its own problems (a file that could not be opened or read) say why;
                    // a file read without a province to go to says that.
                    issues.extend(s.file.issues.iter().cloned());
                    if !s.entries.is_empty() || s.file.issues.is_empty() {
                        issues.push(Issue::sales_province_unknown().in_file(&s.file.file));
                    }
                }
            }
        }
        let inputs = reports_by.into_iter().zip(round1_by).zip(sales_by).map(|((r, r1), s)| (r, r1, s)).collect();
        NationSteps { provinces: Vec::with_capacity(presets.len()), presets, own, issues, inputs, current: None }
    }

    /// Scores up to `most` more products (at least one province's preset and
    /// files start each step); `true` once every province is scored.
    pub fn step(&mut self, most: usize) -> bool {
        let i = self.provinces.len();
        if self.current.is_none() {
            let (Some(preset), Some(input)) = (self.presets.get(i), self.inputs.get_mut(i)) else { return true };
            let (reports, round1, sales) = std::mem::take(input);
            let sales = SalesInput::aggregate(&sales, preset);
            let files = reports.iter().chain(&round1).map(|f| f.file.clone()).collect();
            self.current = Some((AnalysisSteps::new(preset.clone(), reports, round1, sales), files));
        }
        if let Some((analysis, _)) = &mut self.current {
            if !analysis.step(most) {
                return false;
            }
        }
        if let (Some((analysis, files)), Some(preset), Some(own)) =
            (self.current.take(), self.presets.get(i), self.own.get(i))
        {
            let analysis = analysis.finish();
            self.issues.extend(analysis.issues.iter().filter(|x| !own.contains(x)).cloned());
            self.provinces.push(ProvinceRun { preset: preset.clone(), analysis, files });
        }
        self.provinces.len() >= self.presets.len()
    }

    /// (provinces scored, provinces in all).
    pub fn progress(&self) -> (usize, usize) {
        (self.provinces.len(), self.presets.len())
    }

    /// The run: the provinces not scored yet are scored now, then the nation.
    pub fn finish(mut self) -> NationRun {
        while !self.step(usize::MAX) {}
        let nation = national(&self.presets, &self.provinces);
        NationRun { provinces: self.provinces, nation, issues: self.issues }
    }
}

impl NationRun {
    /// The run of provinces already scored (a results link's): the nation from their totals.
    pub fn of_provinces(provinces: Vec<ProvinceRun>) -> NationRun {
        let presets: Vec<Preset> = provinces.iter().map(|p| p.preset.clone()).collect();
        let nation = national(&presets, &provinces);
        NationRun { provinces, nation, issues: Vec::new() }
    }

    /// Scores every province of `presets` on the report, round-1 and sales files.
    pub fn run(
        presets: &[Preset],
        reports: &[ImportedFile],
        round1: &[ImportedFile],
        sales: &[SalesFile],
    ) -> NationRun {
        NationSteps::new(presets.to_vec(), reports, round1, sales).finish()
    }

    /// Who has sent, per province (districts with a report read, districts) and
    /// for the nation (their sums).
    pub fn submitted(&self) -> (Vec<(usize, usize)>, (usize, usize)) {
        let each: Vec<(usize, usize)> = self.provinces.iter().map(|p| p.analysis.submitted()).collect();
        let all = each.iter().fold((0, 0), |(a, b), (s, o)| (a + s, b + o));
        (each, all)
    }
}

/// The provinces as the rows of one evaluation, and the nation as its total:
/// each province's registered figures and base are its totals, its online count
/// and sales its province row's; the nation is scored from the national totals.
fn national(presets: &[Preset], provinces: &[ProvinceRun]) -> Evaluation {
    let template = presets.first().cloned().unwrap_or_else(Preset::sa_kaeo_2564_round2);
    let districts = presets
        .iter()
        .map(|p| {
            let (entrepreneurs, products, base) = p.totals();
            District { name: p.province.clone(), entrepreneurs, products, base }
        })
        .collect();
    let survey_done = presets.iter().all(|p| p.survey_done);
    let nation = Preset { province: NATION.into(), districts, survey_done, ..template };
    let online: Vec<i64> = provinces.iter().map(|p| p.analysis.evaluation.province.kpi1.online).collect();
    // The nation's growth only when every province has its sales (else it would
    // set some provinces' sales against every province's base).
    let sales: Vec<_> =
        provinces.iter().map(|p| p.analysis.evaluation.province.kpi2.as_ref().map(|k| k.sales)).collect();
    let sales = if sales.iter().all(Option::is_some) { sales } else { vec![None; sales.len()] };
    let mut e = Evaluation::new(&nation, &online, &sales);
    e.province.district = NATION.into();
    e
}
