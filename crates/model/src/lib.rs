//! # otop-model
//!
//! What the OTOP KPI calculator reasons about, below the runs: exact money and
//! Thai text, the B.E. calendar, the official list of districts, the issue and
//! label catalogues, presets, the letter's target tables and scoring rules,
//! and what was read from files (cells, products, sales sheets, target tables).
//! No I/O and no web crate. The readers build on it at full speed; the engine
//! (`otop-engine`: counting, scoring, whole runs) and every other crate use its
//! modules by their own name (`otop_model::money`): nothing re-exports them.
//!
//! ```
//! use otop_model::{preset::Preset, targets::TargetTables};
//! let tables = TargetTables::of(&Preset::sa_kaeo_2564_round2());
//! assert_eq!(tables.province.kpi1, [134, 154, 173, 192, 211]);
//! ```

// Built small (opt-level "z": the page links most of it; BENCHMARKS.md, "Issue 24"). The functions the
// readers call for every cell (text keys, cell texts, flags, amounts, the
// interner) are `#[inline]`, so each is compiled into its caller: at full speed
// in the readers, small in the page.
//
// The layers, lowest first: a module uses only modules of its own layer or
// below (README, "Layout"). The engine's layers 5 and 6 are above these.
//
// 1. Plain values: exact money, normalised text, the B.E. calendar.
pub mod calendar;
pub mod money;
pub mod text;
// 2. Formatting for people, the official list of provinces and districts and their
//    map files, the issue catalogue and the catalogue of labels.
pub mod display;
pub mod divisions;
pub mod issue;
pub mod label;
pub mod maps;
// 3. The preset and the letter's rules.
pub mod district;
pub mod outliers;
pub mod preset;
pub mod scoring;
pub mod targets;
// 4. What was read from files: cells, products, files, sales sheets, target
//    tables (no reader: those are `otop_import`'s).
pub mod imported;
