//! # otop-kpi
//!
//! The pure core of the OTOP KPI calculator: presets, the letter's target tables,
//! both scoring rules, importing and validating report files. No web dependency:
//! the page (`src/main.rs`, `src/ui/`) and the native command
//! (`src/bin/otop-kpi.rs`) are thin shells over this library.
//!
//! ```
//! use otop_kpi::{preset::Preset, targets::TargetTables};
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
// 2. Formatting for people, the official list of provinces and districts, and the issue catalogue.
pub mod display;
pub mod divisions;
pub mod issue;
// 3. The preset and the letter's rules.
pub mod district;
pub mod outliers;
pub mod preset;
pub mod scoring;
pub mod targets;
// 4. Reading files.
pub mod import;
// 5. From what was read to figures and scores.
pub mod counting;
pub mod evaluation;
pub mod sales;
// 6. A whole run, its outputs, its results link, reading one file (shared part), the page's session.
pub mod analysis;
pub mod export;
pub mod nation;
pub mod read_file;
pub mod session;
pub mod share;
// 7. The shells' core: the command.
pub mod cli;
