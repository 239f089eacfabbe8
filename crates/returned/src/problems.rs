//! The first sheet of a file sent back, "ปัญหาที่ต้องแก้": every problem, its
//! severity, sheet and cell (a link to the cell) and what to do. Written as a
//! worksheet part for a patched package (texts inline, no formula).

use super::xml::escape;
use otop_model::display::Lang;
use otop_model::imported::cell::reference;
use otop_model::label::Label;

/// One line of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub error: bool,
    /// The sheet it is on, as the file names it.
    pub sheet: Option<String>,
    /// The 0-based (row, column) of its cell, when it has one.
    pub cell: Option<(u32, u32)>,
    pub message: String,
}

/// The words of the list, in `lang`.
pub struct Words {
    pub name: &'static str,
    pub intro: &'static str,
    pub heads: [&'static str; 5],
    pub error: &'static str,
    pub warning: &'static str,
}

impl Words {
    pub fn of(lang: Lang) -> Words {
        Words {
            name: Label::ReturnedSheetName.text(lang),
            intro: Label::ReturnedIntro.text(lang),
            heads: [
                Label::No.text(lang),
                Label::Severity.text(lang),
                Label::Sheet.text(lang),
                Label::Cell.text(lang),
                Label::ProblemAndHowToFix.text(lang),
            ],
            error: Label::Error.text(lang),
            warning: Label::Warning.text(lang),
        }
    }
}

/// The column widths of the list, in characters.
pub const WIDTHS: [f64; 5] = [5.0, 11.0, 20.0, 8.0, 90.0];

/// The height of the introduction's row, in points (its text wraps over three lines).
pub const INTRO_HEIGHT: f64 = 48.0;

/// A reference to `cell` on sheet `sheet` for a link ("'ชื่อ แผ่น'!B7").
pub fn location(sheet: &str, (row, col): (u32, u32)) -> String {
    format!("'{}'!{}", sheet.replace('\'', "''"), reference(row, col))
}

fn text_cell(at: &str, text: &str, style: Option<u32>) -> String {
    let s = style.map(|s| format!(" s=\"{s}\"")).unwrap_or_default();
    format!("<c r=\"{at}\" t=\"inlineStr\"{s}><is><t xml:space=\"preserve\">{}</t></is></c>", escape(text))
}

/// The cell formats of the list: headings (bold), messages (wrapped), and the
/// introduction (bold, wrapped).
#[derive(Debug, Clone, Copy)]
pub struct Formats {
    pub bold: u32,
    pub wrap: u32,
    pub bold_wrap: u32,
}

/// The list as a worksheet part, printed landscape one page wide; `notice` is a
/// line under the introduction (why the file is not the one sent, when it is not).
pub fn worksheet(problems: &[Problem], words: &Words, formats: Formats, notice: Option<&str>) -> String {
    let Formats { bold, wrap, bold_wrap } = formats;
    let mut rows = String::new();
    rows.push_str(&format!(
        "<row r=\"1\" ht=\"{INTRO_HEIGHT}\" customHeight=\"1\">{}</row>",
        text_cell("A1", words.intro, Some(bold_wrap))
    ));
    let mut merged = "<mergeCell ref=\"A1:E1\"/>".to_string();
    if let Some(notice) = notice {
        rows.push_str(&format!("<row r=\"2\">{}</row>", text_cell("A2", notice, Some(wrap))));
        merged.push_str("<mergeCell ref=\"A2:E2\"/>");
    }
    let heads: String =
        words.heads.iter().enumerate().map(|(c, h)| text_cell(&reference(2, c as u32), h, Some(bold))).collect();
    rows.push_str(&format!("<row r=\"3\">{heads}</row>"));
    let mut links = String::new();
    for (i, p) in problems.iter().enumerate() {
        let r = 3 + i as u32;
        let mut cells = format!("<c r=\"{}\"><v>{}</v></c>", reference(r, 0), i + 1);
        cells.push_str(&text_cell(&reference(r, 1), if p.error { words.error } else { words.warning }, None));
        cells.push_str(&text_cell(&reference(r, 2), p.sheet.as_deref().unwrap_or(""), None));
        if let (Some(sheet), Some(cell)) = (&p.sheet, p.cell) {
            let name = reference(cell.0, cell.1);
            cells.push_str(&text_cell(&reference(r, 3), &name, None));
            links.push_str(&format!(
                "<hyperlink ref=\"{}\" location=\"{}\" display=\"{name}\"/>",
                reference(r, 3),
                escape(&location(sheet, cell))
            ));
        }
        cells.push_str(&text_cell(&reference(r, 4), &p.message, Some(wrap)));
        rows.push_str(&format!("<row r=\"{}\">{cells}</row>", r + 1));
    }
    let cols: String = WIDTHS
        .iter()
        .enumerate()
        .map(|(i, w)| format!("<col min=\"{0}\" max=\"{0}\" width=\"{w}\" customWidth=\"1\"/>", i + 1))
        .collect();
    let links = if links.is_empty() { String::new() } else { format!("<hyperlinks>{links}</hyperlinks>") };
    let count = merged.matches("<mergeCell ").count();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet \
         xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetPr><pageSetUpPr \
         fitToPage=\"1\"/></sheetPr><sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"3\" \
         topLeftCell=\"A4\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><sheetFormatPr \
         defaultRowHeight=\"15\"/><cols>{cols}</cols><sheetData>{rows}</sheetData><mergeCells \
         count=\"{count}\">{merged}</mergeCells>{links}<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" \
         bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/><pageSetup paperSize=\"9\" orientation=\"landscape\" \
         fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cell_is_a_link_to_it_and_nothing_is_a_formula() {
        let p = Problem {
            error: true, sheet: Some("แผ่น 'ก'".into()), cell: Some((12, 9)), message: "=1+1".into()
        };
        let formats = Formats { bold: 7, wrap: 8, bold_wrap: 9 };
        let xml = worksheet(&[p], &Words::of(Lang::Th), formats, Some("แปลงจาก .xls"));
        assert!(xml.contains("location=\"&apos;แผ่น &apos;&apos;ก&apos;&apos;&apos;!J13\""), "{xml}");
        assert!(xml.contains("<t xml:space=\"preserve\">=1+1</t>") && !xml.contains("<f>"));
        assert!(xml.contains("ข้อผิดพลาด") && xml.contains("แปลงจาก .xls"));
        assert!(xml.contains("<mergeCells count=\"2\"><mergeCell ref=\"A1:E1\"/><mergeCell ref=\"A2:E2\"/>"));
    }
}
