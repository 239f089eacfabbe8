//! What the user takes away (SPEC §5): the results workbook ([`results`]:
//! summary of both KPIs, the merged product list in the canonical form layout,
//! the readiness summary, the issues), CSV of each table ([`csv`]), and the
//! report form and its blank template ([`form`]).

pub mod csv;
pub mod form;
pub mod results;
