//! What was read from files, whatever the format (the readers of `otop-import`
//! fill it), in layers (each uses only those before it):
//!
//! 1. [`cell`] — the cell model every reader fills; [`error`] — why a file or a
//!    sheet could not be read, in Thai and English; [`product`] — a report's
//!    product; [`file`] — what reading a file gave, and the kinds of files;
//! 2. [`text`] — flags and money from cells; [`header`] — the report form's
//!    header; [`month`] — months as people type them;
//! 3. [`sales`] (a sales sheet → figures), [`target_table`] (a target table as
//!    read, and applying it to a preset), [`part`] (a big report read in parts
//!    by both workers, put back together).

pub mod cell;
pub mod error;
pub mod file;
pub mod header;
pub mod month;
pub mod part;
pub mod product;
pub mod sales;
pub mod target_table;
pub mod text;
