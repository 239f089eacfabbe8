//! # otop-engine
//!
//! The engine of the OTOP KPI calculator: presets, the letter's target tables,
//! both scoring rules, what was read from report files and how it is validated,
//! counted and scored. No I/O and no web crate: the readers (`otop-import`), the
//! writers (`otop-export`), the page and the command are built on it.
//!
//! ```
//! use otop_engine::{preset::Preset, targets::TargetTables};
//! let tables = TargetTables::of(&Preset::sa_kaeo_2564_round2());
//! assert_eq!(tables.province.kpi1, [134, 154, 173, 192, 211]);
//! ```

// The layers, lowest first: a module uses only modules of its own layer or
// below (README, "Layout").
//
// 1. Plain values: exact money, normalised text, the B.E. calendar.
pub mod calendar;
pub mod money;
pub mod text;
// 2. Formatting for people, the official list of provinces and districts, the issue
//    catalogue and the catalogue of labels.
pub mod display;
pub mod divisions;
pub mod issue;
pub mod label;
// 3. The preset and the letter's rules.
pub mod district;
pub mod outliers;
pub mod preset;
pub mod scoring;
pub mod targets;
// 4. What was read from files: cells, products, files, sales sheets, target
//    tables (no reader: those are `otop_import`'s).
pub mod imported;
// 5. From what was read to figures and scores.
pub mod counting;
pub mod evaluation;
pub mod sales;
// 6. A whole run, the nation's runs, a run's results link.
pub mod analysis;
pub mod nation;
pub mod share;
