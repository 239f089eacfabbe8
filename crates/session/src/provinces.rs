//! A run over several provinces in the session: their presets from target
//! tables, and the run itself with the page's settings.

use super::{read, Session};
use otop_engine::nation::{presets_from_targets, NationRun, NationSteps};
use otop_model::imported::target_table::TargetTable;
use otop_model::issue::Issue;
use otop_model::preset::Preset;

impl Session {
    /// Loads the provinces of several target-table files ((file name, tables or
    /// why not) each): a run over several provinces, each built on `preset`'s
    /// thresholds, rule, year, round and window.
    pub fn import_provinces(&mut self, files: Vec<(String, Result<Vec<TargetTable>, Issue>)>) {
        let mut issues = Vec::new();
        let mut read = Vec::new();
        for (name, tables) in files {
            match tables {
                Ok(t) if !t.is_empty() => read.push((name, t)),
                Ok(_) => issues.push(Issue::targets_not_found().in_file(&name)),
                Err(issue) => issues.push(issue),
            }
        }
        let (presets, found) = presets_from_targets(&self.preset, &read);
        issues.extend(found);
        self.provinces = presets;
        self.settings_issues = issues;
    }

    /// Back to a one-province run.
    pub fn clear_provinces(&mut self) {
        self.provinces.clear();
    }

    /// The run over several provinces, when their target tables are loaded.
    pub fn nation(&self) -> Option<NationRun> {
        self.nation_steps().map(NationSteps::finish)
    }

    /// The same run, to make a province at a time (the page scores in slices).
    pub fn nation_steps(&self) -> Option<NationSteps> {
        if self.provinces.is_empty() {
            return None;
        }
        let sales = self.sales_files();
        // Each province keeps its name and districts; year, round, window,
        // thresholds, rule and the other settings are the page's.
        let provinces: Vec<Preset> = self
            .provinces
            .iter()
            .map(|p| Preset { province: p.province.clone(), districts: p.districts.clone(), ..self.preset.clone() })
            .collect();
        Some(NationSteps::new(provinces, &read(&self.reports), &read(&self.round1), &sales))
    }

    /// Whether target tables of several provinces are loaded (the run is over them).
    pub fn several_provinces(&self) -> bool {
        !self.provinces.is_empty()
    }
}
