//! The page's session: what the user has given (the preset, the dropped files,
//! sales typed by hand) and the rules that turn it into results. The Leptos
//! components hold one [`Session`] in a signal, render it and forward events to
//! its methods; everything a user can do here is tested natively.
//!
//! ```
//! use otop_model::imported::file::FileKind;
//! use otop_worker::run;
//! use otop_session::Session;
//! let mut s = Session::default();
//! let request = s.add_file(FileKind::Report, "a.csv");
//! assert!(s.working());
//! let csv = "ชื่อผลิตภัณฑ์,Facebook,อำเภอ,ที่,ตำบล\nข้าว,fb.com/x,คลองหาด,1,ก\n";
//! assert!(s.store(run(&request, csv.as_bytes())));
//! assert!(!s.working());
//! assert_eq!(s.analysis().counted.online[1], 1); // คลองหาด
//! ```

mod files;
mod provinces;
pub mod shown;
pub mod table_order;

use otop_engine::analysis::{Analysis, AnalysisSteps};
use otop_engine::sales::{SalesFile, SalesInput};
use otop_model::calendar::Day;
use otop_model::imported::cell::Value;
use otop_model::imported::file::ImportedFile;
use otop_model::imported::target_table::{apply, TargetTable};
use otop_model::imported::text::money;
use otop_model::issue::preset::Figure;
use otop_model::issue::{Code, Issue};
use otop_model::money::{parse_decimal, BasisPoints, Satang};
use otop_model::preset::{District, MarkOnly, Preset, ScoringRule};
use otop_model::text::from_thai_digits;

/// One dropped file: its name, what it gave once read, and the request being
/// answered for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// The file's name.
    pub name: String,
    /// `None` until the file has been read once.
    pub result: Option<ImportedFile>,
    /// A sales file's figures, as read.
    pub sales: Option<SalesFile>,
    /// The id of the request whose reply this slot waits for (`None`: none).
    pub pending: Option<u32>,
}

/// Everything the user has given, and the rules over it.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// The settings: province, districts, targets, rule.
    pub preset: Preset,
    /// The round-2 report files.
    pub reports: Vec<Slot>,
    /// The round-1 report files.
    pub round1: Vec<Slot>,
    /// The sales files.
    pub sales: Vec<Slot>,
    /// Sales typed into the page, per district name (they replace the files' figures).
    pub typed_sales: Vec<(String, Satang)>,
    /// Problems of the last settings action (a preset or target-table import, a typed figure).
    pub settings_issues: Vec<Issue>,
    /// The provinces of a run over several provinces, one preset each from their
    /// target tables (empty: a one-province run on `preset`).
    pub provinces: Vec<Preset>,
    /// Target-table files asked of a worker and not answered yet: the session
    /// is working until they are (and the run shown waits for them).
    targets_pending: usize,
    next_id: u32,
}

impl Default for Session {
    fn default() -> Session {
        Session::new(Preset::sa_kaeo_2564_round2(), Vec::new())
    }
}

/// An amount typed in the page ("1,234.50", Thai digits, "บาท").
///
/// ```
/// # use otop_model::money::Satang; use otop_session::typed_amount;
/// assert_eq!(typed_amount("๑,๒๕๐.๕ บาท"), Some(Satang(125_050)));
/// assert_eq!(typed_amount("abc"), None);
/// ```
pub fn typed_amount(s: &str) -> Option<Satang> {
    money(&Value::Text(s.into())).ok().flatten()
}

/// A whole count typed in the page.
pub fn typed_count(s: &str) -> Option<i64> {
    typed_amount(s).filter(|a| a.is_whole_baht()).map(Satang::baht)
}

/// A percentage typed in the page ("8", "8.5", Thai digits), in basis points.
///
/// ```
/// # use otop_model::money::BasisPoints; use otop_session::typed_percent;
/// assert_eq!(typed_percent(" ๘.๕ "), Some(BasisPoints(850)));
/// ```
pub fn typed_percent(s: &str) -> Option<BasisPoints> {
    // A percentage in hundredths is what an amount is in satang.
    parse_decimal(&from_thai_digits(s.trim())).map(|hundredths| BasisPoints(hundredths.0))
}

impl Session {
    /// A session over `preset` with the sales typed earlier (both kept by the browser).
    pub fn new(preset: Preset, typed_sales: Vec<(String, Satang)>) -> Session {
        Session {
            preset,
            reports: Vec::new(),
            round1: Vec::new(),
            sales: Vec::new(),
            typed_sales,
            settings_issues: Vec::new(),
            provinces: Vec::new(),
            targets_pending: 0,
            next_id: 0,
        }
    }

    /// KPI 2's sales: the files' figures, with the sales typed by hand in place
    /// of a district's (and the warnings about that district's missing sales gone).
    pub fn sales_input(&self) -> SalesInput {
        let files = self.sales_files();
        let mut input = SalesInput::aggregate(&files, &self.preset);
        let mut typed = vec![false; self.preset.districts.len()];
        for (i, d) in self.preset.districts.iter().enumerate() {
            if let Some((_, amount)) = self.typed_sales.iter().find(|(n, _)| *n == d.name) {
                if let (Some(slot), Some(flag)) = (input.actual.get_mut(i), typed.get_mut(i)) {
                    *slot = Some(*amount);
                    *flag = true;
                }
            }
        }
        input.issues.retain(|i| {
            let answered = matches!(i.code, Code::SalesDistrictMissing | Code::SalesMonthMissing);
            !(answered && i.district.is_some_and(|d| typed.get(d) == Some(&true)))
        });
        input
    }

    /// Scores everything read so far.
    pub fn analysis(&self) -> Analysis {
        Analysis::run(&self.preset, &read(&self.reports), &read(&self.round1), &self.sales_input())
    }

    /// The same, to make a slice of products at a time (the page counts a big file in several tasks).
    pub fn analysis_steps(&self) -> AnalysisSteps {
        AnalysisSteps::new(self.preset.clone(), read(&self.reports), read(&self.round1), self.sales_input())
    }

    /// How many products the files read hold (round 2 and round 1).
    pub fn products(&self) -> usize {
        self.reports.iter().chain(&self.round1).filter_map(|s| s.result.as_ref()).map(|f| f.products.len()).sum()
    }

    /// Scores no file: the preset's targets alone.
    pub fn analysis_of_no_files(&self) -> Analysis {
        Analysis::run(&self.preset, &[], &[], &SalesInput::aggregate(&[], &self.preset))
    }

    /// The sales files read so far.
    fn sales_files(&self) -> Vec<SalesFile> {
        self.sales.iter().filter_map(|s| s.sales.clone()).collect()
    }

    /// Reports the one problem of the last settings action.
    pub fn settings_problem(&mut self, issue: Issue) {
        self.settings_issues = vec![issue];
    }

    /// Sets (or, with empty text, clears) the sales typed for district `name`.
    pub fn type_sales(&mut self, name: &str, text: &str) {
        if text.trim().is_empty() {
            self.typed_sales.retain(|(k, _)| k != name);
        } else if let Some(amount) = typed_amount(text) {
            self.typed_sales.retain(|(k, _)| k != name);
            self.typed_sales.push((name.to_string(), amount));
        } else {
            self.settings_problem(Issue::settings_input(text, "ยอดเงิน", "an amount"));
        }
    }

    /// Sets a figure of district number `index` from typed text.
    pub fn set_figure(&mut self, index: usize, figure: Figure, text: &str) {
        let parsed = match figure {
            Figure::Base => typed_amount(text),
            Figure::Entrepreneurs | Figure::Products => typed_count(text).map(Satang::from_baht),
        };
        let Some(value) = parsed else {
            let (th, en) = if figure == Figure::Base {
                ("ยอดเงิน", "an amount")
            } else {
                ("จำนวน", "a count")
            };
            return self.settings_problem(Issue::settings_input(text, th, en));
        };
        if let Some(d) = self.preset.districts.get_mut(index) {
            match figure {
                Figure::Entrepreneurs => d.entrepreneurs = value.baht(),
                Figure::Products => d.products = value.baht(),
                Figure::Base => d.base = value,
            }
        }
    }

    /// Renames district number `index`.
    pub fn rename_district(&mut self, index: usize, name: &str) {
        if let Some(d) = self.preset.districts.get_mut(index) {
            d.name = name.trim().to_string();
        }
    }

    /// Adds an empty district at the end.
    pub fn add_district(&mut self) {
        self.preset.districts.push(District { name: String::new(), entrepreneurs: 0, products: 0, base: Satang(0) });
    }

    /// Removes district number `index`.
    pub fn remove_district(&mut self, index: usize) {
        if index < self.preset.districts.len() {
            self.preset.districts.remove(index);
        }
    }

    /// Sets column `column` (0: the reference column, 1–4: scores 2–5) of KPI
    /// `kpi`'s thresholds from typed text.
    pub fn set_threshold(&mut self, kpi: u8, column: usize, text: &str) {
        let Some(bp) = typed_percent(text) else {
            return self.settings_problem(Issue::settings_input(text, "ร้อยละ", "a percentage"));
        };
        let t = if kpi == 1 { &mut self.preset.kpi1 } else { &mut self.preset.kpi2 };
        if column == 0 {
            t.reference = bp;
        } else if let Some(level) = t.levels.get_mut(column - 1) {
            *level = bp;
        }
    }

    /// Sets the province name, or the fiscal year or round from typed text.
    pub fn set_heading(&mut self, province: Option<&str>, fiscal_year: Option<&str>, round: Option<&str>) {
        let digits = |t: &str| from_thai_digits(t.trim());
        if let Some(p) = province {
            self.preset.province = p.trim().to_string();
        }
        if let Some(y) = fiscal_year.and_then(|t| digits(t).parse().ok()) {
            self.preset.fiscal_year = y;
        }
        if let Some(r) = round.and_then(|t| digits(t).parse().ok()) {
            self.preset.round = r;
        }
    }

    /// Sets the first or the last month of the evaluation window from what is
    /// typed ("เม.ย. 2564", "4/2564", "2021-04"); a month that cannot be read, or a
    /// window that would end before it starts, leaves the window as it is.
    pub fn set_window_month(&mut self, first: bool, text: &str) {
        let Some(m) = otop_model::imported::month::parse(&Value::Text(text.into()), Some(self.preset.window.end.year))
        else {
            return;
        };
        let mut w = self.preset.window;
        if first {
            w.start = m;
        } else {
            w.end = m;
        }
        if w.start.index() <= w.end.index() {
            self.preset.window = w;
        }
    }

    /// Sets when the reports are due from what is typed: "17 ก.ย. 2564",
    /// "17 กันยายน 64", "17/9/2564", "2021-09-17"; empty text clears it. A day
    /// that cannot be read leaves the deadline as it is.
    ///
    /// ```
    /// use otop_model::calendar::Day; use otop_session::Session;
    /// let mut s = Session::default();
    /// s.set_deadline("๓๐ ก.ย. ๒๕๖๔");
    /// assert_eq!(s.preset.deadline, Some(Day { year: 2564, month: 9, day: 30 }));
    /// s.set_deadline("2021-09-20");
    /// assert_eq!(s.preset.deadline, Some(Day { year: 2564, month: 9, day: 20 }));
    /// s.set_deadline("31/9/2564");
    /// assert_eq!(s.preset.deadline, Some(Day { year: 2564, month: 9, day: 20 }));
    /// ```
    pub fn set_deadline(&mut self, text: &str) {
        let t = from_thai_digits(text.trim());
        if t.is_empty() {
            self.preset.deadline = None;
            return;
        }
        let iso: Vec<&str> = t.split('-').collect();
        let day = match iso.as_slice() {
            [y, m, d] if y.len() == 4 => (|| {
                let y: i64 = y.parse().ok()?;
                Some(Day { year: otop_model::calendar::year_be(y)?, month: m.parse().ok()?, day: d.parse().ok()? })
            })(),
            _ => {
                // The day first, then the month and year as month cells are read.
                let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
                let rest = t[digits.len()..].trim_start_matches(|c: char| c.is_whitespace() || "/.-".contains(c));
                let month =
                    otop_model::imported::month::parse(&Value::Text(rest.into()), Some(self.preset.fiscal_year));
                month.and_then(|m| Some(Day { year: m.year, month: m.month, day: digits.parse().ok()? }))
            }
        };
        if let Some(d) = day.filter(|d| d.is_valid()) {
            self.preset.deadline = Some(d);
        }
    }

    /// Whether the province has its readiness survey report (needed for score 5).
    pub fn set_survey_done(&mut self, done: bool) {
        self.preset.survey_done = done;
    }

    /// Chooses what a product with only a mark in its channel cells counts as.
    pub fn set_mark_only(&mut self, rule: MarkOnly) {
        self.preset.mark_only = rule;
    }

    /// Chooses the scoring rule.
    pub fn set_rule(&mut self, rule: ScoringRule) {
        self.preset.rule = rule;
    }

    /// Loads a preset read from a JSON file (by the worker: `Read::Preset`):
    /// the preset when it parsed (even with problems, so they can be fixed in
    /// place) and its problems, which name the file.
    pub fn import_preset(&mut self, preset: Option<Preset>, issues: Vec<Issue>) {
        if let Some(p) = preset {
            self.preset = p;
        }
        self.settings_issues = issues;
    }

    /// Applies the target tables read from `file` to the preset.
    pub fn import_targets(&mut self, file: &str, tables: Result<Vec<TargetTable>, Issue>) {
        match tables {
            Ok(tables) if !tables.is_empty() => {
                let (p, issues) = apply(&self.preset, file, &tables);
                self.preset = p;
                self.settings_issues = issues;
            }
            Ok(_) => self.settings_problem(Issue::targets_not_found().in_file(file)),
            Err(issue) => self.settings_problem(issue),
        }
    }

    /// Back to the built-in preset.
    pub fn reset_preset(&mut self) {
        self.preset = Preset::sa_kaeo_2564_round2();
        self.settings_issues.clear();
    }

    /// Forgets everything: files, typed sales, the edited preset.
    pub fn clear(&mut self) {
        *self = Session { next_id: self.next_id, ..Session::default() };
    }
}

/// The files of a zone that have been read.
fn read(slots: &[Slot]) -> Vec<ImportedFile> {
    slots.iter().filter_map(|s| s.result.clone()).collect()
}
