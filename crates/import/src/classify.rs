//! Recognising what a sheet that is not a report form holds, so the user is
//! told where to drop it instead.

use crate::header::SEARCH_ROWS;
use otop_model::calendar::THAI_MONTHS;
use otop_model::imported::cell::{Sheet, Value};
use otop_model::imported::file::FileKind;
use otop_model::text::compact;

/// Recognises a sheet that is not a report form: a target table (the letter's
/// attachments: อำเภอ and several "คะแนน" columns) or sales data (อำเภอ and
/// ยอดจำหน่าย, or month columns).
pub fn classify_other(sheet: &Sheet) -> Option<FileKind> {
    let rows = sheet.rows.iter().take(SEARCH_ROWS);
    let mut district = false;
    let mut scores = 0;
    let mut sales = false;
    let mut months = 0;
    for row in rows {
        let mut row_scores = 0;
        let mut row_months = 0;
        for v in row {
            let Value::Text(t) = v else { continue };
            let c = compact(t);
            district |= c == "อำเภอ" || c == "อ." || c.starts_with("ชื่ออำเภอ");
            if c.contains("คะแนน") {
                row_scores += 1;
            }
            sales |= c.starts_with("ยอดจำหน่าย") || c.starts_with("ยอดขาย") || c.starts_with("รายได้");
            if THAI_MONTHS.iter().any(|(full, short)| c.starts_with(&compact(full)) || c.starts_with(&compact(short))) {
                row_months += 1;
            }
        }
        scores = scores.max(row_scores);
        months = months.max(row_months);
    }
    if district && scores >= 3 {
        Some(FileKind::Targets)
    } else if district && (sales || months >= 2) {
        Some(FileKind::Sales)
    } else {
        None
    }
}
