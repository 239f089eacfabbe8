//! What the user takes away (SPEC §5): the results workbook ([`results`]:
//! summary of both KPIs, the letter's target tables ([`targets`]), the merged
//! product list in the canonical form layout, the products left out, the
//! readiness summary, the issues), CSV of each table and of the merged list
//! ([`csv`]), the report form and its blank template ([`form`]), and a report
//! file sent back with its problems marked ([`returned`]).

pub mod csv;
pub mod form;
pub mod results;
pub mod targets;

use rust_xlsxwriter::{Worksheet, XlsxError};

/// Writes a row of headings from the first column, in the header format, and
/// sets the columns' widths where `widths` gives them.
fn write_heads<S: AsRef<str>>(ws: &mut Worksheet, row: u32, heads: &[S], widths: &[f64]) -> Result<(), XlsxError> {
    let h = form::header_format();
    for (c, t) in heads.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, t.as_ref(), &h)?;
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    Ok(())
}
