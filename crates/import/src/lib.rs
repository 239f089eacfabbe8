//! The readers: a dropped file's bytes into the engine's cells, products and
//! figures (`otop_engine::imported`), in layers (each uses only those before it):
//!
//! 1. [`guard`] — size, zip and sector-table checks; [`detect`] — the format
//!    from the first bytes; [`reader`] — one module per format;
//! 2. [`classify`] — what a sheet that is not a report is;
//! 3. [`report`] (report files → products), [`sales`] (sales files → figures),
//!    [`targets`] (the letter's target tables).
//!
//! The engine's model modules are re-exported here under their own names, so a
//! reader says `crate::cell` as the engine says `crate::imported::cell`.

pub use otop_engine::imported::{cell, error, file, header, month, product, text};

pub mod classify;
pub mod detect;
pub mod guard;
pub mod reader;
pub mod report;
pub mod sales;
pub mod targets;
