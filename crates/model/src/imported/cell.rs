//! The cell model every reader fills, whatever the file format: [`Sheet`]s of
//! rows of [`Value`]s, positioned as the spreadsheet numbers them, within limits.

/// Most rows read from one sheet (Excel's own limit).
pub const MAX_ROWS: usize = 1_048_576;
/// Most cells (rows × columns of the used area) read from one sheet.
pub const MAX_CELLS: usize = 30_000_000;

/// A cell's text: shared, so the same text in many cells (a shared string of an
/// `.xlsx`, a district name) is held once and a product takes it without a copy.
pub type Text = std::sync::Arc<str>;

/// A map from texts, by their address: the same shared text is found without
/// hashing its characters. The map's user keeps the texts alive while it is
/// used (an address freed could be another text's).
pub type ByAddress<V> = std::collections::HashMap<usize, V, std::hash::BuildHasherDefault<AddressHasher>>;

/// A text's address, the key of a [`ByAddress`] map.
#[inline]
pub fn address(t: &Text) -> usize {
    t.as_ptr() as usize
}

/// Hashes an address. In wasm an address is a 32-bit number whose low bits are
/// always zero, which a plain multiplying hash (FxHash) leaves in the low bits
/// the table picks its slot from — measured, six times slower there; so the
/// product's high half is folded in.
#[derive(Default)]
pub struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Makes each distinct cell text once, for readers whose cells each come with a
/// text of their own (`.xls`, `.ods`, CSV): the same text in many cells — a
/// district, a province, a category — becomes one shared [`Text`], as the
/// shared strings of an `.xlsx` are.
///
/// ```
/// # use otop_model::imported::cell::{address, Interner};
/// let mut texts = Interner::default();
/// let (a, b) = (texts.text("สระแก้ว"), texts.text("สระแก้ว"));
/// assert_eq!(address(&a), address(&b));
/// ```
#[derive(Default)]
pub struct Interner {
    seen: rustc_hash::FxHashSet<Text>,
}

impl Interner {
    /// The shared text equal to `s`.
    #[inline]
    pub fn text(&mut self, s: &str) -> Text {
        if let Some(t) = self.seen.get(s) {
            return t.clone();
        }
        let t = Text::from(s);
        self.seen.insert(t.clone());
        t
    }
}

/// One cell's value, independent of the file format.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    /// No value.
    Empty,
    /// Text.
    Text(Text),
    /// A whole number.
    Int(i64),
    /// A floating-point cell as the file stores it (converted to exact decimals by
    /// its shortest text, see [`number_text`]).
    Float(f64),
    /// TRUE or FALSE.
    Bool(bool),
    /// An Excel date serial (days since 1899-12-30).
    Date(f64),
    /// A formula error such as `#REF!`.
    Error(String),
}

impl Value {
    /// Whether the cell holds nothing (or only whitespace).
    pub fn is_blank(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text (numbers by their shortest decimal form).
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) | Value::Date(f) => number_text(*f),
            Value::Bool(b) => {
                if *b {
                    "TRUE".into()
                } else {
                    "FALSE".into()
                }
            }
            Value::Error(e) => e.clone(),
        }
    }
}

/// One sheet: its cells, with the position of the first one.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Sheet {
    /// The sheet's name.
    pub name: String,
    /// Whether the file hides it.
    pub hidden: bool,
    /// 0-based row of `rows[0]` in the spreadsheet.
    pub first_row: u32,
    /// 0-based column of each row's first cell.
    pub first_col: u32,
    /// The cells, row by row.
    pub rows: Vec<Vec<Value>>,
}

impl Sheet {
    /// The cell at 0-based `row` index into `rows` and absolute 0-based column.
    pub fn cell(&self, row: usize, col: u32) -> &Value {
        static EMPTY: Value = Value::Empty;
        col.checked_sub(self.first_col).and_then(|c| self.rows.get(row)?.get(c as usize)).unwrap_or(&EMPTY)
    }

    /// The spreadsheet's 1-based row number of `rows[i]`.
    pub fn row_number(&self, i: usize) -> u32 {
        self.first_row.saturating_add(i as u32).saturating_add(1)
    }

    /// Number of rows holding at least one non-blank cell.
    pub fn filled_rows(&self) -> usize {
        self.rows.iter().filter(|r| r.iter().any(|c| !c.is_blank())).count()
    }

    /// One past the last absolute column.
    pub fn end_col(&self) -> u32 {
        self.first_col + self.rows.iter().map(Vec::len).max().unwrap_or(0) as u32
    }
}

/// The A1 reference of a 0-based cell: (6, 1) → `B7`. The one A1 codec of the
/// project, with [`parse_reference`] and [`parse_column`].
///
/// ```
/// # use otop_model::imported::cell::{parse_reference, reference};
/// assert_eq!(reference(6, 1), "B7");
/// assert_eq!(parse_reference(reference(1_048_575, 16_383).as_bytes()), Some((1_048_575, 16_383)));
/// ```
pub fn reference(row: u32, col: u32) -> String {
    format!("{}{}", column_letter(col), u64::from(row) + 1)
}

/// The 0-based column of one to three column letters (`A` → 0, `ab` → 27,
/// `ZZZ` → 18,277, as calamine reads them); `None` for anything else.
///
/// ```
/// # use otop_model::imported::cell::parse_column;
/// assert_eq!(parse_column(b"AB"), Some(27));
/// assert_eq!(parse_column(b"XFD"), Some(16_383));
/// assert_eq!((parse_column(b"ABCD"), parse_column(b""), parse_column(b"A1")), (None, None, None));
/// ```
#[inline]
pub fn parse_column(letters: &[u8]) -> Option<u32> {
    if letters.is_empty() || letters.len() > 3 || !letters.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let n = letters.iter().fold(0u32, |n, b| n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1);
    n.checked_sub(1)
}

/// The 0-based (row, column) of an A1 reference (`B5` → (4, 1)): one to three
/// letters, one to seven digits; `None` for anything else.
///
/// ```
/// # use otop_model::imported::cell::parse_reference;
/// assert_eq!(parse_reference(b"AB12"), Some((11, 27)));
/// assert_eq!(parse_reference(b"b5"), Some((4, 1)));
/// for bad in [&b"A0"[..], b"A", b"12", b"A+1", b"A12345678", b"ABCD1", b"A1x"] {
///     assert_eq!(parse_reference(bad), None);
/// }
/// ```
#[inline]
pub fn parse_reference(r: &[u8]) -> Option<(u32, u32)> {
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let (cols, rows) = r.split_at(letters);
    if rows.is_empty() || rows.len() > 7 {
        return None;
    }
    let row = rows.iter().try_fold(0u32, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))?;
    Some((row.checked_sub(1)?, parse_column(cols)?))
}

/// The spreadsheet's letter for a 0-based column: 0 → `A`, 27 → `AB`.
///
/// ```
/// # use otop_model::imported::cell::column_letter;
/// assert_eq!(column_letter(0), "A");
/// assert_eq!(column_letter(25), "Z");
/// assert_eq!(column_letter(27), "AB");
/// ```
pub fn column_letter(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        s.push(b'A' + r);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// The shortest decimal text of a float (`0.1` → `"0.1"`, `3.0` → `"3"`).
pub fn number_text(f: f64) -> String {
    if f.is_finite() && f == f.trunc() && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}
