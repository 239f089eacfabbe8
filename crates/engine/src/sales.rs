//! KPI 2's sales per district from the dropped sales files (SPEC §4.3): months of
//! the evaluation window are the actual sales; months of the same window a year
//! earlier are the base and replace the preset's base (with a note); other months
//! are ignored (with a note); a district missing a month of the window is a
//! warning. Rows for one district and month are added up.

use otop_model::calendar::YearMonth;
use otop_model::display::{self, Lang};
use otop_model::district::{DistrictMatch, DistrictMatcher};
use otop_model::imported::file::ImportedFile;
use otop_model::imported::sales::{Entry, Period};
use otop_model::issue::repeats::{Place, Repeats};
use otop_model::issue::{Code, Issue};
use otop_model::money::Satang;
use otop_model::preset::Preset;
use std::collections::{BTreeSet, HashMap};

/// One sales file as read: its description and its figures (districts still as typed).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SalesFile {
    /// The sales file as read.
    pub file: ImportedFile,
    /// Its figures: district, month or period, amount.
    pub entries: Vec<Entry>,
}

/// Sales read from every sales file, per preset district.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SalesInput {
    /// Every sales file read, with its figures.
    pub files: Vec<ImportedFile>,
    /// Actual sales in the evaluation window (`None`: no figure for the district).
    pub actual: Vec<Option<Satang>>,
    /// Base-period sales found in the files (`None`: keep the preset's base).
    pub base: Vec<Option<Satang>>,
    /// Issues not tied to one file's reading (missing months, base replaced).
    pub issues: Vec<Issue>,
}

impl SalesInput {
    /// Adds up the figures of files already read (see `otop_import::sales::read_file`) per district
    /// of `preset`: this part needs no file reader, so the page runs it on its
    /// main thread while the files are read in a worker.
    pub fn aggregate(read: &[SalesFile], preset: &Preset) -> SalesInput {
        let names: Vec<String> = preset.districts.iter().map(|d| d.name.clone()).collect();
        let n = names.len();
        let mut out = SalesInput { actual: vec![None; n], base: vec![None; n], ..Default::default() };
        if read.is_empty() {
            return out;
        }
        let window = preset.window;
        let base_window = window.year_before();
        let mut months: Vec<BTreeSet<YearMonth>> = vec![BTreeSet::new(); n];
        let mut matcher = DistrictMatcher::new(&names).in_province(&preset.province);
        for SalesFile { file, entries } in read {
            let mut f = file.clone();
            let name = f.file.clone();
            let name = name.as_str();
            let mut ignored: BTreeSet<String> = BTreeSet::new();
            let mut seen_rows: HashMap<(String, Vec<String>), u32> = HashMap::new();
            // An unknown district is one issue per name and sheet, not one per month.
            let mut unknown = Repeats::default();
            for e in entries {
                let at = |i: Issue| i.in_file(name).at(Some(&e.sheet), Some(e.row), Some(&e.column));
                if let Some(first) = seen_rows.get(&(e.sheet.clone(), e.row_text.clone())) {
                    if *first != e.row {
                        f.issues.push(at(Issue::sales_repeated_row(*first)));
                    }
                } else {
                    seen_rows.insert((e.sheet.clone(), e.row_text.clone()), e.row);
                }
                let d = match matcher.find(&e.district) {
                    DistrictMatch::Found(d) => d,
                    DistrictMatch::Unknown(near) | DistrictMatch::Ambiguous(near) => {
                        let place = Place {
                            code: Code::SalesAmphoeUnknown,
                            file: name,
                            sheet: &e.sheet,
                            column: "อำเภอ",
                            row: e.row,
                        };
                        unknown.push_repeat(place, &e.district, || Issue::sales_amphoe_unknown(&e.district, &near));
                        continue;
                    }
                };
                let (actual, base) = (out.actual.get_mut(d), out.base.get_mut(d));
                match e.period {
                    Period::Month(m) if window.contains(m) => {
                        add_to(actual, e.amount);
                        months.get_mut(d).map(|seen| seen.insert(m));
                    }
                    Period::Month(m) if base_window.contains(m) => add_to(base, e.amount),
                    Period::Total(None) => add_to(actual, e.amount),
                    Period::Total(Some(y)) if y == window.end.year => add_to(actual, e.amount),
                    Period::Total(Some(y)) if y == base_window.end.year => add_to(base, e.amount),
                    Period::Month(m) => {
                        ignored.insert(display::month(m.year, m.month, Lang::Th));
                    }
                    Period::Total(Some(y)) => {
                        ignored.insert(format!("ปี {y}"));
                    }
                }
            }
            f.issues.extend(unknown.into_issues());
            if !ignored.is_empty() {
                let list = ignored.into_iter().collect::<Vec<_>>().join(", ");
                f.issues.push(Issue::sales_outside_window(&list).in_file(name));
            }
            out.files.push(f);
        }
        let window_months = window.months();
        let any_data = out.actual.iter().any(Option::is_some);
        for (d, (name, seen)) in names.iter().zip(&months).enumerate() {
            if out.actual.get(d).is_none_or(Option::is_none) {
                if any_data {
                    out.issues.push(Issue::sales_district_missing(d, name));
                }
                continue;
            }
            let missing: Vec<String> = window_months
                .iter()
                .filter(|m| !seen.contains(m))
                .map(|m| display::month(m.year, m.month, Lang::Th))
                .collect();
            if !seen.is_empty() && !missing.is_empty() {
                let en: Vec<String> = window_months
                    .iter()
                    .filter(|m| !seen.contains(m))
                    .map(|m| display::month(m.year, m.month, Lang::En))
                    .collect();
                out.issues.push(Issue::sales_month_missing(d, name, &missing.join(", "), &en.join(", ")));
            }
        }
        out
    }

    /// The preset with the base-period figures found in the files in place of its
    /// own, and a warning for each replaced figure.
    pub fn apply_base(&self, preset: &Preset) -> (Preset, Vec<Issue>) {
        let mut p = preset.clone();
        let mut notes = Vec::new();
        for (d, base) in p.districts.iter_mut().zip(&self.base) {
            if let Some(b) = base {
                if *b != d.base {
                    notes.push(Issue::sales_base_replaced(preset.fiscal_year, &d.name, *b, d.base));
                    d.base = *b;
                }
            }
        }
        (p, notes)
    }

    /// All issues: each file's and the aggregate ones.
    pub fn all_issues(&self) -> Vec<Issue> {
        self.files.iter().flat_map(|f| f.issues.iter().cloned()).chain(self.issues.iter().cloned()).collect()
    }
}

/// Adds `amount` to a district's figure (none yet counts as zero).
fn add_to(slot: Option<&mut Option<Satang>>, amount: Satang) {
    if let Some(s) = slot {
        *s = Some(s.unwrap_or_default().plus(amount));
    }
}
