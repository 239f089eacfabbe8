//! What the user takes away (SPEC §5): the results workbook ([`results`]:
//! summary of both KPIs, the letter's target tables ([`targets`]), the merged
//! product list in the canonical form layout, the products left out, the
//! readiness summary, the issues), CSV of each table and of the merged list
//! ([`csv`]), the report form and its blank template ([`form`]), and a report
//! file sent back with its problems marked ([`returned`]).

pub mod csv;
pub mod form;
pub mod results;
pub mod returned;
pub mod targets;
