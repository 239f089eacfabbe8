//! Importing dropped files, in layers (each uses only those before it):
//!
//! 1. [`cell`] — the cell model every reader fills; [`error`] — why a file or a
//!    sheet could not be read, in Thai and English; [`product`] — a report's
//!    product; [`file`] — what reading a file gave, and the kinds of files;
//! 2. [`guard`] — size, zip and sector-table checks; [`detect`] — the format
//!    from the first bytes; [`reader`] — one module per format;
//! 3. [`text`] — flags and money from cells; [`header`] — the report form's
//!    header; [`month`] — months as people type them; [`classify`] — what a
//!    sheet that is not a report is;
//! 4. [`report`] (report files → products), [`sales`] (sales sheets → figures),
//!    [`targets`] (the letter's target tables).

pub mod cell;
pub mod classify;
pub mod detect;
pub mod error;
pub mod file;
pub mod guard;
pub mod header;
pub mod month;
pub mod product;
pub mod reader;
pub mod report;
pub mod sales;
pub mod targets;
pub mod text;
