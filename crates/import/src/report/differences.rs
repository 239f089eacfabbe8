//! How a report's header differs from the letter's form: columns missing,
//! added, renamed or in another order. The letter says "ไม่ปรับเปลี่ยนหรือแก้ไข
//! แบบสำรวจ" (do not change the form), and the department may return a file that
//! did; the importer still reads it, and says once per sheet what differs.

use otop_model::imported::cell::{Sheet, Value};
use otop_model::imported::header::{Header, Key};
use otop_model::text::compact;

/// What differs, each as the user reads it (header texts, in sheet order).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Differences {
    /// The form's columns the file lacks.
    pub missing: Vec<Key>,
    /// Columns the file has that the form does not.
    pub added: Vec<String>,
    /// (the header as typed, the form's header).
    pub renamed: Vec<(String, Key)>,
    /// Whether the form's columns are there in another order.
    pub reordered: bool,
}

impl Differences {
    /// Whether the header is the letter's form.
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.added.is_empty() && self.renamed.is_empty() && !self.reordered
    }

    /// The differences listed in Thai and in English.
    pub fn describe(&self) -> (String, String) {
        let quoted = |v: &mut dyn Iterator<Item = String>| v.map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ");
        let (mut th, mut en) = (Vec::new(), Vec::new());
        if !self.missing.is_empty() {
            let names = quoted(&mut self.missing.iter().map(|k| k.header_th().to_string()));
            th.push(format!("ไม่มีคอลัมน์ {names}"));
            en.push(format!("missing {names}"));
        }
        if !self.added.is_empty() {
            let names = quoted(&mut self.added.iter().cloned());
            th.push(format!("เพิ่มคอลัมน์ {names}"));
            en.push(format!("added {names}"));
        }
        if !self.renamed.is_empty() {
            let pairs = |to: &str| {
                self.renamed
                    .iter()
                    .map(|(typed, k)| format!("\"{typed}\" {to} \"{}\"", k.header_th()))
                    .collect::<Vec<_>>()
            };
            th.push(format!("เปลี่ยนชื่อคอลัมน์ {}", pairs("แทน").join(", ")));
            en.push(format!("renamed {}", pairs("for").join(", ")));
        }
        if self.reordered {
            th.push("ลำดับคอลัมน์ต่างจากแบบ".into());
            en.push("columns in another order".into());
        }
        (th.join("; "), en.join("; "))
    }
}

/// A header text as the form has it: compacted, without a note in brackets.
fn core(text: &str) -> String {
    let c = compact(text);
    c.split('(').next().unwrap_or_default().to_string()
}

/// Whether `typed` names `key` as the form does (line breaks, spaces, a missing
/// note in brackets, the form's own abbreviations "อ." "ต." "จ." and the
/// period named in the online-sales heading aside).
fn as_on_form(typed: &str, key: Key) -> bool {
    let (t, form) = (core(typed), core(key.header_th()));
    let abbreviation = t.chars().count() <= 3 && t.ends_with('.') && form.starts_with(t.trim_end_matches('.'));
    // The online-sales heading names the round's period ("… เม.ย.–ก.ย. 2564 (บาท)").
    let period = key == Key::OnlineSales && t.starts_with(&form);
    t == form || abbreviation || period || (form == "ที่" && t == "ลำดับที่")
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::Text(s) if !s.trim().is_empty() => Some(s.split_whitespace().collect::<Vec<_>>().join(" ")),
        _ => None,
    }
}

/// How `header` (found in `sheet`) differs from the letter's form.
pub fn differences(sheet: &Sheet, header: &Header) -> Differences {
    let mut d = Differences::default();
    let rows = header.first..header.data_start.min(header.first + 2);
    let header_text = |c: u32| rows.clone().rev().find_map(|r| text(sheet.cell(r, c)));
    d.missing = Key::ALL.into_iter().filter(|k| header.col(*k).is_none()).collect();
    let mut on_form: Vec<(u32, Key)> = Vec::new();
    for c in sheet.first_col..sheet.end_col() {
        match header.columns.iter().find(|(_, col)| *col == c) {
            Some((key, _)) if Key::ALL.contains(key) => {
                on_form.push((c, *key));
                if let Some(t) = header_text(c).filter(|t| !as_on_form(t, *key)) {
                    d.renamed.push((t, *key));
                }
            }
            _ => {
                // A column of the form's groups only ("ที่อยู่" over its sub-headers) is not added.
                let lower = rows.clone().skip(1).find_map(|r| text(sheet.cell(r, c)));
                let upper = text(sheet.cell(header.first, c));
                if let Some(t) = lower.or(upper.filter(|u| !is_group(u))) {
                    d.added.push(t);
                }
            }
        }
    }
    on_form.sort_by_key(|(c, _)| *c);
    let order = |k: &Key| Key::ALL.iter().position(|x| x == k);
    d.reordered = on_form.iter().zip(on_form.iter().skip(1)).any(|((_, a), (_, b))| order(a) > order(b));
    d
}

/// Whether a header text is one of the form's group headers.
fn is_group(text: &str) -> bool {
    let c = compact(text);
    Key::ALL.iter().filter_map(|k| k.group_th()).any(|g| compact(g) == c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::find;

    fn sheet(header: &[&str]) -> Sheet {
        let row = |cells: &[&str]| cells.iter().map(|t| Value::Text((*t).into())).collect();
        Sheet { name: "s".into(), hidden: false, first_row: 0, first_col: 0, rows: vec![row(header), row(&["1"])] }
    }

    #[test]
    fn the_letters_form_has_no_differences() {
        let s = sheet(&Key::ALL.map(|k| k.header_th()));
        let h = find(&s).expect("a header");
        assert_eq!(differences(&s, &h), Differences::default());
    }

    #[test]
    fn renamed_reordered_missing_and_added_columns_are_listed() {
        let mut cols: Vec<&str> = Key::ALL.map(|k| k.header_th()).to_vec();
        cols.swap(0, 4); // product name first
        cols[2] = "ชื่อกลุ่ม"; // for ชื่อผู้ประกอบการ OTOP
        cols[9] = "อ."; // the form's own abbreviation: not a change
        cols.retain(|c| *c != "ตำบล");
        cols.push("อีเมล");
        let s = sheet(&cols);
        let d = differences(&s, &find(&s).expect("a header"));
        assert_eq!(d.missing, [Key::Tambon]);
        assert_eq!(d.added, ["อีเมล"]);
        assert_eq!(d.renamed, [("ชื่อกลุ่ม".to_string(), Key::EntrepreneurName)]);
        assert!(d.reordered);
        let (th, en) = d.describe();
        assert!(th.contains("เปลี่ยนชื่อคอลัมน์ \"ชื่อกลุ่ม\" แทน \"ชื่อผู้ประกอบการ OTOP\""), "{th}");
        assert_eq!(
            en,
            "missing \"ตำบล\"; added \"อีเมล\"; renamed \"ชื่อกลุ่ม\" for \"ชื่อผู้ประกอบการ OTOP\"; columns in another order"
        );
    }
}
