//! Excel 2003 XML (SpreadsheetML), as web systems and old Excel save it (`.xml`,
//! often named `.xls`): `Worksheet`s of `Row`s of `Cell`s, placed by `ss:Index`
//! (or one after the previous cell and its `ss:MergeAcross`), the value in a
//! merged area's first cell; `Number`, `String` (rich text joined), `DateTime`,
//! `Boolean` and `Error` data; sheets hidden by `WorksheetOptions/Visible`.
//! Comments are not cells. Parsed with quick-xml from text decoded by
//! [`charset`](crate::charset).

use super::xml::{attr_text, element_text, skip_element, Xml};
use super::{finish, Workbook};
use otop_model::calendar::to_serial;
use otop_model::imported::cell::{Sheet, Value, MAX_CELLS, MAX_ROWS};
use otop_model::imported::error::{FileError, SheetError};
use quick_xml::events::{BytesStart, Event};

const MAX_COLS: usize = 16_384;

/// Reads every worksheet of an Excel 2003 XML file.
pub fn read(bytes: &[u8]) -> Result<Workbook, FileError> {
    let text = crate::charset::decode(bytes)?;
    let mut reader = quick_xml::Reader::from_reader(text.as_bytes());
    reader.config_mut().expand_empty_elements = true;
    reader.config_mut().check_end_names = false;
    let (mut sheets, mut unreadable) = (Vec::new(), Vec::new());
    let mut seen_workbook = false;
    loop {
        let event = reader.read_event().map_err(|e| FileError::Damaged(format!("XML: {e}")))?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == "Workbook" => seen_workbook = true,
            Event::Start(e) if e.local_name().as_ref() == "Worksheet" => {
                let name =
                    local_attr(&e, "Name").unwrap_or_else(|| format!("Sheet{}", sheets.len() + unreadable.len() + 1));
                match worksheet(&mut reader, name.clone()) {
                    Ok(sheet) => sheets.push(sheet),
                    Err(e) => unreadable.push(e),
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_workbook {
        return Err(FileError::Damaged("no Workbook element".into()));
    }
    finish(sheets, unreadable)
}

/// An attribute by its local name (`ss:Name`, or `Name` under another prefix).
fn local_attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == local).and_then(|a| {
        let raw = a.value.to_string();
        attr_text(&raw)
    })
}

/// A 1-based index attribute as a 0-based position.
fn index(e: &BytesStart<'_>) -> Option<usize> {
    local_attr(e, "Index")?.trim().parse::<usize>().ok()?.checked_sub(1)
}

fn worksheet(reader: &mut Xml<'_>, name: String) -> Result<Sheet, SheetError> {
    let unreadable = |why: String| SheetError::Unreadable { sheet: name.clone(), why };
    let mut rows: Vec<Vec<Value>> = Vec::new();
    let mut hidden = false;
    let mut next_row = 0usize;
    let mut cells = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| unreadable(format!("XML: {e}")))?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == "Row" => {
                let r = index(&e).unwrap_or(next_row);
                next_row = r + 1;
                let row = row_cells(reader).ok_or_else(|| unreadable("a damaged row".into()))?;
                if row.is_empty() {
                    continue;
                }
                if r >= MAX_ROWS || cells.saturating_add(row.len()) > MAX_CELLS {
                    return Err(SheetError::TooLarge { sheet: name, rows: r + 1, cols: row.len() });
                }
                cells += row.len();
                if rows.len() <= r {
                    rows.resize_with(r + 1, Vec::new);
                }
                if let Some(slot) = rows.get_mut(r) {
                    *slot = row;
                }
            }
            Event::Start(e) if e.local_name().as_ref() == "Visible" => {
                let v = element_text(reader).ok_or_else(|| unreadable("a damaged option".into()))?;
                hidden = matches!(v.trim(), "SheetHidden" | "SheetVeryHidden");
            }
            Event::End(e) if e.local_name().as_ref() == "Worksheet" => break,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Sheet { name, hidden, first_row: 0, first_col: 0, rows })
}

/// The cells of the row just opened, up to its end.
fn row_cells(reader: &mut Xml<'_>) -> Option<Vec<Value>> {
    let mut row: Vec<Value> = Vec::new();
    let mut next_col = 0usize;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == "Cell" => {
                let c = index(&e).unwrap_or(next_col);
                let across: usize = local_attr(&e, "MergeAcross").and_then(|v| v.trim().parse().ok()).unwrap_or(0);
                next_col = c.saturating_add(across).saturating_add(1);
                let value = cell_value(reader)?;
                if c >= MAX_COLS {
                    continue;
                }
                if !matches!(value, Value::Empty) {
                    if row.len() <= c {
                        row.resize(c + 1, Value::Empty);
                    }
                    *row.get_mut(c)? = value;
                }
            }
            Event::End(e) if e.local_name().as_ref() == "Row" => return Some(row),
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The value of the cell just opened (its `Data` child), up to the cell's end.
fn cell_value(reader: &mut Xml<'_>) -> Option<Value> {
    let mut value = Value::Empty;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == "Data" => {
                let kind = local_attr(&e, "Type").unwrap_or_default();
                let text = element_text(reader)?;
                value = typed(&kind, text);
            }
            Event::Start(e) if e.local_name().as_ref() == "Comment" => {
                skip_element(reader)?;
            }
            Event::End(e) if e.local_name().as_ref() == "Cell" => return Some(value),
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// A `Data` element's text as the value its `ss:Type` says.
fn typed(kind: &str, text: String) -> Value {
    match kind {
        "Number" => match text.trim().parse::<f64>() {
            Ok(n) if n.is_finite() && n == n.trunc() && n.abs() < 1e15 => Value::Int(n as i64),
            Ok(n) if n.is_finite() => Value::Float(n),
            _ => Value::Text(text.into()),
        },
        "DateTime" => date_time(&text).map(Value::Date).unwrap_or_else(|| Value::Text(text.into())),
        "Boolean" => Value::Bool(text.trim() == "1"),
        "Error" => Value::Error(text.trim().to_string()),
        _ if text.is_empty() => Value::Empty,
        _ => Value::Text(text.into()),
    }
}

/// `2021-04-01T00:00:00.000` as an Excel serial.
fn date_time(text: &str) -> Option<f64> {
    let t = text.trim();
    let (date, time) = t.split_once('T').unwrap_or((t, ""));
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let mut hms = time.split(':').map(|p| p.parse::<f64>().ok());
    let seconds = [3600.0, 60.0, 1.0].iter().map(|unit| hms.next().flatten().unwrap_or(0.0) * unit).sum::<f64>();
    to_serial(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?, seconds / 86_400.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOOK: &str = r#"<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:html="http://www.w3.org/TR/REC-html40">
 <Worksheet ss:Name="อำเภอ &amp; ตำบล"><Table>
  <Row><Cell ss:MergeAcross="1"><Data ss:Type="String">ที่อยู่</Data></Cell>
   <Cell><Data ss:Type="Number">1.5</Data></Cell></Row>
  <Row ss:Index="4"><Cell ss:Index="2">
   <ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>a</B>b</ss:Data>
   <Comment><ss:Data>note</ss:Data></Comment></Cell>
   <Cell><Data ss:Type="DateTime">2021-04-01T12:00:00.000</Data></Cell></Row>
 </Table></Worksheet>
 <Worksheet ss:Name="old"><Table><Row><Cell><Data ss:Type="Number">7</Data></Cell></Row></Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>
 </Worksheet>
</Workbook>"#;

    #[test]
    fn cells_land_where_excel_shows_them() {
        let book = read(BOOK.as_bytes()).expect("a workbook");
        let s = &book.sheets[0];
        assert_eq!(s.name, "อำเภอ & ตำบล");
        assert!(!s.hidden);
        assert_eq!(s.rows[0], [Value::Text("ที่อยู่".into()), Value::Empty, Value::Float(1.5)]);
        assert_eq!(s.rows.len(), 4);
        assert_eq!(s.rows[3], [Value::Empty, Value::Text("ab".into()), Value::Date(44287.5)]);
        assert!(book.sheets[1].hidden);
        assert_eq!(book.sheets[1].rows[0], [Value::Int(7)]);
    }
}
