//! Reading the rows of a report-form sheet into products (SPEC §4.1): continuation
//! rows, total/signature/note lines, readiness flags, channel placeholders,
//! Thai digits, money, formula errors — each problem an [`Issue`] at its cell.

use otop_model::imported::cell::Text;
use otop_model::imported::cell::{address, column_letter, ByAddress, Sheet, Value};
use otop_model::imported::header::{Header, Key};
use otop_model::imported::product::Product;
use otop_model::imported::text::{flag, is_real_channel, marks_only, money, Flag, MoneyError};
use otop_model::issue::repeats::{Place, Repeats};
use otop_model::issue::{Code, Issue};
use otop_model::money::Satang;
use otop_model::text::{compact, from_thai_digits, is_normalized, normalize};

/// What a sheet's rows gave.
#[derive(Debug, Default)]
pub struct Rows {
    /// The products read.
    pub products: Vec<Product>,
    /// What the rows had to say.
    pub issues: Vec<Issue>,
}

/// Whitespace collapsed, Thai digits made Arabic; the rest as typed.
fn clean(v: &Value) -> String {
    match v {
        Value::Empty => String::new(),
        Value::Text(t) => clean_text(t),
        other => clean_text(&other.text()),
    }
}

/// The cleaned texts of a sheet, each made once per distinct cell text: a
/// shared text (an `.xlsx` shared string, read once for all its cells) is
/// looked up by its address, and a text that needs no cleaning is kept as it
/// is — the product holds the cell's own text, without a copy.
#[derive(Default)]
struct Texts {
    /// By the address of the cell's text; the sheet holds every text while its rows are read.
    seen: ByAddress<Text>,
    empty: Text,
}

impl Texts {
    fn of(&mut self, v: &Value) -> Text {
        let raw = match v {
            Value::Empty => return self.empty.clone(),
            Value::Text(t) => t,
            other => return clean(other).into(),
        };
        let at = address(raw);
        if let Some(t) = self.seen.get(&at) {
            return t.clone();
        }
        let t: Text = if is_clean(raw) { raw.clone() } else { clean_text(raw).into() };
        self.seen.insert(at, t.clone());
        t
    }
}

/// Products' identities ([`Product::identity_of`]), each part made once per
/// distinct text: by the addresses of the texts, which the map keeps alive (so
/// an address is never another text's).
#[derive(Default)]
struct Identities {
    who: ByAddress<ByAddress<(Text, Text, Text)>>,
    what: ByAddress<(Text, Text)>,
}

impl Identities {
    fn of(&mut self, code: &Text, name: &Text, product: &Text) -> (Text, Text) {
        let by_name = self.who.entry(address(code)).or_default();
        let who = match by_name.get(&address(name)) {
            Some((_, _, who)) => who.clone(),
            None => {
                let who: Text = Product::who(code, name).into();
                by_name.insert(address(name), (code.clone(), name.clone(), who.clone()));
                who
            }
        };
        let what = match self.what.get(&address(product)) {
            Some((_, what)) => what.clone(),
            None => {
                let what = if is_normalized(product) { product.clone() } else { normalize(product).into() };
                self.what.insert(address(product), (product.clone(), what.clone()));
                what
            }
        };
        (who, what)
    }
}

/// Whether a text is as [`clean_text`] would make it.
fn is_clean(t: &str) -> bool {
    let edge = |c: Option<char>| c.is_some_and(char::is_whitespace);
    !edge(t.chars().next()) && !edge(t.chars().next_back()) && is_simple(t)
}

/// Without Thai digits, whitespace other than spaces, or two spaces in a row.
/// (One pass: a substring search for the two spaces cost more to set up than
/// the short texts of a cell take to walk, 2 % of a worker's time.)
fn is_simple(t: &str) -> bool {
    let mut after_space = false;
    for c in t.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if ('๐'..='๙').contains(&c) || c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    true
}

fn clean_text(t: &str) -> String {
    if is_simple(t) {
        return t.trim().to_string();
    }
    from_thai_digits(t).split_whitespace().collect::<Vec<_>>().join(" ")
}

const TOTAL_WORDS: [&str; 7] = ["รวม", "รวมทั้งสิ้น", "รวมทั้งหมด", "ยอดรวม", "total", "grandtotal", "รวมทั้งจังหวัด"];
const FOOTER_PREFIXES: [&str; 10] =
    ["ลงชื่อ", "หมายเหตุ", "ผู้รายงาน", "ตำแหน่ง", "(", "ผู้ตรวจ", "ผู้รับรอง", "*", "ข้อมูล ณ", "ที่มา"];

/// A row that is not a product: a total line, a signature or note line. Only
/// cells that could be such words are normalised (this runs on every row).
fn is_footer(cells: &[Value]) -> bool {
    let mut first = true;
    for v in cells {
        let Value::Text(t) = v else {
            if !v.is_blank() {
                first = false;
            }
            continue;
        };
        let raw = t.trim_start();
        if raw.is_empty() {
            continue;
        }
        let maybe_total = raw.starts_with("รวม")
            || raw.starts_with("ยอดรวม")
            || raw.len() <= 12 && raw.as_bytes().windows(5).any(|w| w.eq_ignore_ascii_case(b"total"));
        let maybe_footer = first && (FOOTER_PREFIXES.iter().any(|p| raw.starts_with(p)) || raw.starts_with("ลง"));
        if maybe_total || maybe_footer {
            let c = compact(t);
            if TOTAL_WORDS.contains(&c.as_str()) || c.starts_with("รวม(") || c.starts_with("รวมจำนวน")
            {
                return true;
            }
            if first && FOOTER_PREFIXES.iter().any(|p| c.starts_with(&compact(p))) {
                return true;
            }
        }
        first = false;
    }
    false
}

struct Ctx<'a> {
    file: &'a str,
    sheet: &'a Sheet,
    header: &'a Header,
}

impl Ctx<'_> {
    fn get(&self, i: usize, key: Key) -> &Value {
        static EMPTY: Value = Value::Empty;
        match self.header.col(key) {
            Some(c) => self.sheet.cell(i, c),
            None => &EMPTY,
        }
    }

    fn column(&self, key: Key) -> String {
        let letter = self.header.col(key).map(column_letter).unwrap_or_default();
        format!("{letter} ({})", key.header_th())
    }

    /// Where an issue that may repeat on other rows is (`column` from [`Ctx::column`]).
    fn place<'c>(&'c self, code: Code, row: usize, column: &'c str) -> Place<'c> {
        Place { code, file: self.file, sheet: &self.sheet.name, column, row: self.sheet.row_number(row) }
    }

    fn issue(&self, i: Issue, row: usize, key: Key) -> Issue {
        i.in_file(self.file).at(Some(&self.sheet.name), Some(self.sheet.row_number(row)), Some(&self.column(key)))
    }
}

/// Row `i`'s online sales, or none with the issue that says why.
fn online_sales(ctx: &Ctx, i: usize, issues: &mut Repeats) -> Option<Satang> {
    match money(ctx.get(i, Key::OnlineSales)) {
        Ok(s) => s,
        Err(MoneyError::Formula(e)) => {
            issues.push(ctx.issue(Issue::report_online_sales_formula(&e), i, Key::OnlineSales));
            None
        }
        Err(MoneyError::NotAmount(t)) => {
            let column = ctx.column(Key::OnlineSales);
            let at = ctx.place(Code::ReportOnlineSalesNotAmount, i, &column);
            issues.push_repeat(at, &t, || Issue::report_online_sales_not_amount(&t));
            None
        }
    }
}

/// Reads every product row under `header`. `default_amphoe` is the district the
/// whole sheet is for, when it says so in its title rows or name.
pub fn read_rows(file: &str, sheet: &Sheet, header: &Header, default_amphoe: Option<&str>) -> Rows {
    let (products, issues) = read_rows_in(file, sheet, header, default_amphoe, header.data_start..sheet.rows.len());
    Rows { products, issues: issues.into_issues() }
}

/// Whether row `i` (its `cells`) is no product at all: blank under the form's
/// columns (`header`'s), or a total, signature or note line.
fn not_a_product(sheet: &Sheet, header: &Header, i: usize, cells: &[Value]) -> bool {
    header.columns.iter().all(|(_, c)| sheet.cell(i, *c).is_blank()) || is_footer(cells)
}

/// Whether row `i` starts a product: a product row (not blank under the
/// form's columns, not a total, signature or note line, with a product name)
/// whose entrepreneur's code or name is filled in. A share of a split sheet
/// begins on one; the rows after it up to the next are its product's
/// (a continuation row takes its entrepreneur) or say what is wrong with them.
pub(super) fn starts_product(sheet: &Sheet, header: &Header, i: usize) -> bool {
    let Some(cells) = sheet.rows.get(i) else { return false };
    let ctx = Ctx { file: "", sheet, header };
    if not_a_product(sheet, header, i, cells) {
        return false;
    }
    // As `read_rows_in` reads them: a formula error is no product name, but an entrepreneur's code or name.
    let filled = |key: Key| !clean(ctx.get(i, key)).is_empty();
    let named = !matches!(ctx.get(i, Key::ProductName), Value::Error(_)) && filled(Key::ProductName);
    named && (filled(Key::EntrepreneurCode) || filled(Key::EntrepreneurName))
}

/// [`read_rows`] of the rows `rows` (a share of a split sheet begins and ends
/// where a product starts, [`starts_product`]), the issues not yet finished.
pub(super) fn read_rows_in(
    file: &str,
    sheet: &Sheet,
    header: &Header,
    default_amphoe: Option<&str>,
    rows: std::ops::Range<usize>,
) -> (Vec<Product>, Repeats) {
    let mut reader = RowReader {
        ctx: Ctx { file, sheet, header },
        default_amphoe,
        products: Vec::new(),
        issues: Repeats::default(),
        texts: Texts::default(),
        identities: Identities::default(),
        file: file.into(),
        sheet_name: sheet.name.as_str().into(),
        last: None,
    };
    for i in rows {
        let Some(cells) = sheet.rows.get(i) else { break };
        reader.row(i, cells);
    }
    (reader.products, reader.issues)
}

/// What reading a sheet's rows carries from one row to the next.
struct RowReader<'a> {
    ctx: Ctx<'a>,
    default_amphoe: Option<&'a str>,
    products: Vec<Product>,
    /// A value that is not a flag or an amount is one issue however many rows repeat it.
    issues: Repeats,
    texts: Texts,
    identities: Identities,
    file: Text,
    sheet_name: Text,
    /// The previous product of this sheet (continuation rows take its entrepreneur).
    last: Option<usize>,
}

impl RowReader<'_> {
    /// Reads row `i` (its `cells`): a product, an issue, or nothing.
    ///
    /// One call a row, not inlined into the loop over them: the browser
    /// compiles a wasm function again, optimised, once it has run long, and a
    /// call already running keeps running unoptimised. As one loop, a big
    /// file dropped right after the page was ready was read unoptimised to its
    /// end; a row at a time, the rows after the optimised code is ready use it.
    #[inline(never)]
    fn row(&mut self, i: usize, cells: &[Value]) {
        let RowReader { ctx, default_amphoe, products, issues, texts, identities, file, sheet_name, last } = self;
        let sheet = ctx.sheet;
        if not_a_product(sheet, ctx.header, i, cells) {
            return;
        }
        let row_no = sheet.row_number(i);
        let name_cell = ctx.get(i, Key::ProductName);
        if let Value::Error(e) = name_cell {
            issues.push(ctx.issue(Issue::report_product_name_formula(e), i, Key::ProductName));
            return;
        }
        let product_name = texts.of(name_cell);
        if product_name.is_empty() {
            issues.push(ctx.issue(Issue::report_product_name_missing(), i, Key::ProductName));
            return;
        }
        let code = texts.of(ctx.get(i, Key::EntrepreneurCode));
        let name = texts.of(ctx.get(i, Key::EntrepreneurName));
        let continuation = code.is_empty() && name.is_empty();
        // Continuation rows take the entrepreneur's fields they leave empty from the row above.
        let above = last.and_then(|i| products.get(i));
        let inherit = |own: Text, from: &dyn Fn(&Product) -> Text| -> Text {
            if own.is_empty() && continuation {
                above.map(from).unwrap_or(own)
            } else {
                own
            }
        };
        let mut cell = |key: Key| texts.of(ctx.get(i, key));
        let mut p = Product {
            file: file.clone(),
            sheet: sheet_name.clone(),
            row: row_no,
            entrepreneur_code: inherit(code, &|p| p.entrepreneur_code.clone()),
            entrepreneur_name: inherit(name, &|p| p.entrepreneur_name.clone()),
            entrepreneur_type: inherit(cell(Key::EntrepreneurType), &|p| p.entrepreneur_type.clone()),
            product_name,
            product_category: cell(Key::ProductCategory),
            house_no: inherit(cell(Key::HouseNo), &|p| p.house_no.clone()),
            moo: inherit(cell(Key::Moo), &|p| p.moo.clone()),
            tambon: inherit(cell(Key::Tambon), &|p| p.tambon.clone()),
            amphoe: inherit(cell(Key::Amphoe), &|p| p.amphoe.clone()),
            province: inherit(cell(Key::Province), &|p| p.province.clone()),
            phone: inherit(cell(Key::Phone), &|p| p.phone.clone()),
            flags: [false; 5],
            channels: Default::default(),
            online_sales: None,
            identity: Default::default(),
            marks_only: false,
        };
        p.identity = identities.of(&p.entrepreneur_code, &p.entrepreneur_name, &p.product_name);
        if p.amphoe.is_empty() {
            if let Some(d) = default_amphoe {
                p.amphoe = (*d).into();
            }
        }
        if continuation && last.is_none() {
            issues.push(ctx.issue(Issue::report_entrepreneur_missing(), i, Key::EntrepreneurName));
        }
        read_marks(ctx, texts, issues, i, &mut p);
        *last = Some(products.len());
        products.push(p);
    }
}

/// Row `i`'s readiness flags, channels and online sales, into `p`.
fn read_marks(ctx: &Ctx, texts: &mut Texts, issues: &mut Repeats, i: usize, p: &mut Product) {
    let (sheet, header) = (ctx.sheet, ctx.header);
    for (slot, key) in p.flags.iter_mut().zip(Key::FLAGS) {
        let v = ctx.get(i, key);
        match flag(v) {
            Flag::Yes => *slot = true,
            Flag::No => {}
            Flag::Unclear => {
                let typed = v.text();
                let make = || Issue::report_flag_unclear(typed.trim());
                let column = ctx.column(key);
                issues.push_repeat(ctx.place(Code::ReportFlagUnclear, i, &column), typed.trim(), make);
            }
        }
    }
    for (slot, key) in p.channels.iter_mut().zip(Key::CHANNELS) {
        let v = ctx.get(i, key);
        if let Value::Error(e) = v {
            issues.push(ctx.issue(Issue::report_channel_formula(e), i, key));
            continue;
        }
        let t = texts.of(v);
        if is_real_channel(&t) {
            *slot = t;
        }
    }
    for &c in &header.extra_channels {
        let t = texts.of(sheet.cell(i, c));
        if is_real_channel(&t) {
            let other = &mut p.channels[7];
            *other = if other.is_empty() { t } else { format!("{other} · {t}").into() };
        }
    }
    p.online_sales = online_sales(ctx, i, issues);
    p.marks_only = marks_only(&p.channels);
}

#[cfg(test)]
mod tests {
    use super::is_simple;
    use proptest::prelude::*;

    /// The definition the one-pass walk replaced.
    fn by_searches(t: &str) -> bool {
        !t.contains(|c: char| ('๐'..='๙').contains(&c) || (c.is_whitespace() && c != ' ')) && !t.contains("  ")
    }

    #[test]
    fn simple_texts() {
        for t in ["", "ข้าว", "ผ้า ไหม", " a ", "ทองคำ ๙", "a  b", "a\tb", "a\u{a0}b", "  ", " ", "a \u{3000}"]
        {
            assert_eq!(is_simple(t), by_searches(t), "{t:?}");
        }
    }

    proptest! {
        #[test]
        fn same_as_the_searches(t in "[ a\t\u{a0}\u{3000}ก-ฮ๐-๙่-๋]{0,12}") {
            prop_assert_eq!(is_simple(&t), by_searches(&t));
        }
    }
}
