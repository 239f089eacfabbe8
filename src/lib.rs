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

pub mod analysis;
pub mod cli;
pub mod counting;
pub mod display;
pub mod evaluation;
pub mod export;
pub mod import;
pub mod issue;
pub mod jobs;
pub mod money;
pub mod outliers;
pub mod preset;
pub mod sales;
pub mod scoring;
pub mod targets;
