//! # otop-engine
//!
//! The engine of the OTOP KPI calculator: from what was read from report files
//! to counts, scores and whole runs (one province, the nation) and a run's
//! results link. It stands on `otop-model` (money, text, presets, the letter's
//! rules, what was read). No I/O and no web crate:
//! the readers (`otop-import`), the writers (`otop-export`), the page and the
//! command are built on it.
//!
//! ```
//! use otop_model::{preset::Preset, targets::TargetTables};
//! let tables = TargetTables::of(&Preset::sa_kaeo_2564_round2());
//! assert_eq!(tables.province.kpi1, [134, 154, 173, 192, 211]);
//! ```

// The layers, lowest first: a module uses only modules of its own layer or
// below (README, "Layout"). Layers 1–4 are `otop-model`'s, used by their own
// name (`otop_model::money`), never re-exported.
// 5. From what was read to figures and scores.
pub mod counting;
pub mod evaluation;
pub mod sales;
// 6. A whole run, the nation's runs, what a map shows of a run, a run's results link.
pub mod analysis;
pub mod map;
pub mod nation;
pub mod share;
