//! The readers: a dropped file's bytes into the engine's cells, products and
//! figures (`otop_model::imported`), in layers (each uses only those before it):
//!
//! 1. [`guard`] — size, zip and sector-table checks; [`detect`] — the format
//!    from the first bytes; [`header`] — the report form's header in a sheet;
//!    [`reader`] — one module per format;
//! 2. [`classify`] — what a sheet that is not a report is;
//! 3. [`report`] (report files → products), [`sales`] (sales files → figures),
//!    [`targets`] (the letter's target tables).
//!
//! What they read into is the model's (`otop_model::imported`), used by its own name.

pub mod charset;
pub mod classify;
pub mod detect;
pub mod formats;
pub mod guard;
pub mod header;
pub mod reader;
pub mod report;
pub mod sales;
pub mod targets;
