//! One whole scoring run: a preset, the dropped report files (round 2 and round 1)
//! and the sales per district → both KPIs, the readiness summary, every issue.
//! The page and `otop-kpi score` both call [`Analysis::run`].

use crate::counting::{Counted, Counting};
use crate::evaluation::Evaluation;
use crate::sales::SalesInput;
use otop_model::imported::file::ImportedFile;
use otop_model::issue::Issue;
use otop_model::money::Satang;
use otop_model::outliers::{preset_outliers, sales_outliers};
use otop_model::preset::Preset;

/// Everything computed from the inputs.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Analysis {
    /// The districts' and the province's figures and scores.
    pub evaluation: Evaluation,
    /// What counting gave: online products per district, products kept and left out, readiness, issues.
    pub counted: Counted,
    /// Every issue: the preset's, each file's, and counting's.
    pub issues: Vec<Issue>,
}

impl Analysis {
    /// Scores the inputs: the round-2 `reports`, the `round1` reports whose
    /// products are excluded, and the `sales` files (whose base-period figures, when
    /// present, replace the preset's base).
    pub fn run(preset: &Preset, reports: &[ImportedFile], round1: &[ImportedFile], sales: &SalesInput) -> Analysis {
        let names: Vec<String> = preset.districts.iter().map(|d| d.name.clone()).collect();
        let counted = Counting::new(&names, reports, round1, preset.mark_only).in_province(&preset.province).finish();
        Analysis::of_count(preset, reports, round1, sales, counted)
    }

    /// The run once its products are counted.
    fn of_count(
        preset: &Preset,
        reports: &[ImportedFile],
        round1: &[ImportedFile],
        sales: &SalesInput,
        counted: Counted,
    ) -> Analysis {
        let names: Vec<String> = preset.districts.iter().map(|d| d.name.clone()).collect();
        let (preset, base_notes) = sales.apply_base(preset);
        let evaluation = Evaluation::new(&preset, &counted.online, &sales.actual);
        let mut issues = preset.validate();
        issues.extend(preset_outliers(&preset));
        for f in reports.iter().chain(round1) {
            issues.extend(f.issues.iter().cloned());
        }
        issues.extend(counted.issues.iter().cloned());
        issues.extend(sales.all_issues());
        issues.extend(base_notes);
        let with_sales: Vec<(&str, Satang)> =
            names.iter().zip(&sales.actual).filter_map(|(n, s)| Some((n.as_str(), (*s)?))).collect();
        if with_sales.len() == names.len() {
            let (n, s): (Vec<&str>, Vec<Satang>) = with_sales.into_iter().unzip();
            issues.extend(sales_outliers(&n, &s));
        }
        Analysis { evaluation, counted, issues }
    }

    /// The one district every counted product belongs to, if there is exactly
    /// one (the dropped reports are one district's).
    ///
    /// ```
    /// # use otop_engine::{analysis::Analysis, sales::SalesInput};
    /// # use otop_model::preset::Preset;
    /// let a = Analysis::run(&Preset::sa_kaeo_2564_round2(), &[], &[], &SalesInput::default());
    /// assert_eq!(a.only_district(), None);
    /// ```
    pub fn only_district(&self) -> Option<String> {
        let mut districts = self.counted.kept.iter().map(|k| k.district);
        let first = districts.next()?;
        if districts.all(|d| d == first) {
            self.evaluation.districts.get(first).map(|r| r.district.clone())
        } else {
            None
        }
    }

    /// `"ok"`, `"warning"` or `"error"` for a file, from every issue that names it
    /// (its own and those found when counting, such as an unknown district).
    pub fn file_state(&self, file: &str) -> &'static str {
        otop_model::imported::file::state_of_file(&self.issues, file)
    }

    /// Who has sent: (districts with a report read, districts of the province).
    ///
    /// ```
    /// use otop_engine::{analysis::Analysis, sales::SalesInput};
    /// use otop_model::preset::Preset;
    /// let a = Analysis::run(&Preset::sa_kaeo_2564_round2(), &[], &[], &SalesInput::default());
    /// assert_eq!(a.submitted(), (0, 9));
    /// ```
    pub fn submitted(&self) -> (usize, usize) {
        let sent = &self.counted.sent;
        (sent.iter().filter(|s| **s).count(), self.evaluation.districts.len())
    }

    /// Whether district `name` has sent its report (a product of it was read).
    pub fn has_sent(&self, name: &str) -> bool {
        let at = self.evaluation.districts.iter().position(|r| r.district == name);
        at.and_then(|i| self.counted.sent.get(i)).copied().unwrap_or(false)
    }

    /// The districts that have not sent their report yet, in the preset's order.
    pub fn not_sent(&self) -> Vec<&str> {
        let sent = self.evaluation.districts.iter().zip(&self.counted.sent);
        sent.filter(|(_, s)| !**s).map(|(r, _)| r.district.as_str()).collect()
    }
}

/// [`Analysis::run`] with its counting made a slice of products at a time (the
/// page scores a file of hundreds of thousands of rows in several tasks):
///
/// ```
/// use otop_engine::analysis::{Analysis, AnalysisSteps};
/// use otop_model::preset::Preset;
/// use otop_engine::sales::SalesInput;
/// let preset = Preset::sa_kaeo_2564_round2();
/// let mut steps = AnalysisSteps::new(preset.clone(), Vec::new(), Vec::new(), SalesInput::default());
/// while !steps.step(10_000) {}
/// assert_eq!(steps.finish(), Analysis::run(&preset, &[], &[], &SalesInput::default()));
/// ```
pub struct AnalysisSteps {
    preset: Preset,
    reports: Vec<ImportedFile>,
    round1: Vec<ImportedFile>,
    sales: SalesInput,
    counting: Counting,
}

impl AnalysisSteps {
    /// Ready to count; nothing counted yet.
    pub fn new(preset: Preset, reports: Vec<ImportedFile>, round1: Vec<ImportedFile>, sales: SalesInput) -> Self {
        let names: Vec<String> = preset.districts.iter().map(|d| d.name.clone()).collect();
        let counting = Counting::new(&names, &reports, &round1, preset.mark_only).in_province(&preset.province);
        AnalysisSteps { preset, reports, round1, sales, counting }
    }

    /// Counts up to `most` more products; `true` once every product is counted.
    pub fn step(&mut self, most: usize) -> bool {
        self.counting.step(most)
    }

    /// The run (what is left counted now).
    pub fn finish(self) -> Analysis {
        let counted = self.counting.finish();
        Analysis::of_count(&self.preset, &self.reports, &self.round1, &self.sales, counted)
    }
}
