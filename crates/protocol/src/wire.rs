//! A report's products on the wire between the worker and the page: every
//! distinct text once, in a table, and each product as a fixed-size record of
//! indices into it. A district, a province or an entrepreneur's name repeated
//! over thousands of rows travels once; the page rebuilds the products by
//! sharing the table's texts, without a copy per field, and — the records
//! being of one size — a slice of them at a time ([`ReportDecoder::step`]), so
//! its main thread is never busy with one big file for long.
//!
//! Layout: the header's length (`u32`, little-endian), the header (postcard:
//! the file's description, the text table, the number of products), then one record per product:
//! its row (`u32`), its [`TEXTS`] text indices (`u32` each), its five flags
//! and whether it sells online by marks alone (one byte, a bit each), whether
//! it has online sales (one byte) and the amount in satang (`i64`).

use super::ReportRead;
use otop_model::imported::cell::Text;
use otop_model::imported::cell::{address, ByAddress};
use otop_model::imported::file::ImportedFile;
use otop_model::imported::part::Portion;
use otop_model::imported::product::{Product, CHANNELS};
use otop_model::money::Satang;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The texts of a product, in a fixed order: its thirteen fields, its channel
/// cells, the two halves of its identity.
const FIXED: usize = 13;
const TEXTS: usize = FIXED + CHANNELS + 2;
/// The bytes of one product's record.
const RECORD: usize = 4 + 4 * TEXTS + 1 + 1 + 8;
/// The bit of a record's flags byte that says the product sells online by marks alone.
const MARKS_ONLY_BIT: u8 = 5;

#[derive(Serialize)]
struct HeaderOut<'a> {
    file: &'a ImportedFile,
    portion: &'a Portion,
    table: Vec<&'a str>,
    /// How many records follow.
    products: u64,
}

#[derive(Deserialize)]
struct HeaderIn<'a> {
    file: ImportedFile,
    portion: Portion,
    /// Borrowed from the reply's bytes: each text is copied once, into its shared [`Text`].
    #[serde(borrow)]
    table: Vec<&'a str>,
    products: u64,
}

fn texts_of(p: &Product) -> [&Text; TEXTS] {
    let form = p.form_texts();
    std::array::from_fn(|i| match i.checked_sub(FIXED) {
        None if i == 0 => &p.file,
        None if i == 1 => &p.sheet,
        None => form.get(i - 2).copied().unwrap_or(&p.file),
        Some(c) if c < CHANNELS => p.channels.get(c).unwrap_or(&p.file),
        Some(c) if c == CHANNELS => &p.identity.0,
        Some(_) => &p.identity.1,
    })
}

/// Appends a report's wire form to `out`.
pub(super) fn encode(report: &ReportRead, out: &mut Vec<u8>) -> Result<(), String> {
    // By the text's address: a text shared by many products (the reader shares
    // every cell text) is found without hashing its characters; a field with
    // the very text of the product before (a district, an empty channel, the
    // entrepreneur of a continuation row) takes its index as it is.
    let mut index: ByAddress<u32> = ByAddress::default();
    let mut table: Vec<&str> = Vec::new();
    let mut records = Vec::with_capacity(report.products.len() * RECORD);
    let mut before: Option<([&Text; TEXTS], [u32; TEXTS])> = None;
    for p in report.products.iter() {
        let own = texts_of(p);
        let mut texts = [0u32; TEXTS];
        for (n, (slot, text)) in texts.iter_mut().zip(own).enumerate() {
            let same = before.as_ref().and_then(|(t, i)| Some((*t.get(n)?, *i.get(n)?)));
            *slot = match same {
                Some((t, i)) if std::sync::Arc::ptr_eq(t, text) => i,
                _ => *index.entry(address(text)).or_insert_with(|| {
                    table.push(text);
                    (table.len() - 1) as u32
                }),
            };
        }
        records.extend_from_slice(&p.row.to_le_bytes());
        for i in texts {
            records.extend_from_slice(&i.to_le_bytes());
        }
        // The five readiness flags in bits 0–4, marks only in bit 5.
        let flags = p.flags.iter().enumerate().fold(0u8, |bits, (n, f)| bits | (u8::from(*f) << n))
            | (u8::from(p.marks_only) << MARKS_ONLY_BIT);
        records.push(flags);
        records.push(u8::from(p.online_sales.is_some()));
        records.extend_from_slice(&p.online_sales.map_or(0, |s| s.0).to_le_bytes());
        before = Some((own, texts));
    }
    let products = report.products.len() as u64;
    let header = postcard::to_allocvec(&HeaderOut { file: &report.file, portion: &report.portion, table, products })
        .map_err(|e| e.to_string())?;
    let len = u32::try_from(header.len()).map_err(|_| "header over 4 GB".to_string())?;
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(&records);
    Ok(())
}

/// A report being rebuilt from its wire form, a slice at a time: first the
/// text table's shared texts (a big file has hundreds of thousands), then the products.
pub struct ReportDecoder<'a> {
    file: ImportedFile,
    portion: Portion,
    /// The table as sent (borrowed from the reply); `table` holds the first of
    /// them made shared texts so far.
    raw: Vec<&'a str>,
    table: Vec<Text>,
    records: &'a [u8],
    products: Vec<Product>,
}

/// The little-endian `u32` at `at`.
pub(super) fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

impl<'a> ReportDecoder<'a> {
    /// Reads the header; the table's texts and the products come with [`step`](Self::step).
    pub fn new(bytes: &'a [u8]) -> Result<ReportDecoder<'a>, String> {
        let len = u32_at(bytes, 0).ok_or("no header")? as usize;
        let end = len.checked_add(4).ok_or("header cut short")?;
        let header = bytes.get(4..end).ok_or("header cut short")?;
        let records = bytes.get(end..).unwrap_or_default();
        let h: HeaderIn<'_> = postcard::from_bytes(header).map_err(|e| e.to_string())?;
        if records.len() as u64 != h.products.saturating_mul(RECORD as u64) {
            return Err("products cut short".into());
        }
        Ok(ReportDecoder {
            file: h.file,
            portion: h.portion,
            table: Vec::with_capacity(h.table.len()),
            raw: h.table,
            records,
            products: Vec::with_capacity(records.len() / RECORD),
        })
    }

    /// Makes up to `most` more of the table's texts, then rebuilds products up
    /// to `most` in all (a text counting as a product); `true` once all are.
    pub fn step(&mut self, most: usize) -> Result<bool, String> {
        let made = self.table.len();
        let texts = self.raw.len().saturating_sub(made).min(most);
        self.table.extend(self.raw.iter().skip(made).take(texts).map(|t| Text::from(*t)));
        if self.table.len() < self.raw.len() {
            return Ok(false);
        }
        let take = (self.records.len() / RECORD).min(most - texts);
        let (now, later) = self.records.split_at(take * RECORD);
        for record in now.chunks_exact(RECORD) {
            let product = self.product(record).ok_or("a product's text is not in the table")?;
            self.products.push(product);
        }
        self.records = later;
        Ok(self.records.is_empty())
    }

    /// What the steps still have to make: the table's texts and the products.
    pub fn left(&self) -> usize {
        self.raw.len() - self.table.len() + self.records.len() / RECORD
    }

    /// The report, with the products rebuilt so far.
    pub fn finish(self) -> ReportRead {
        ReportRead { file: self.file, products: self.products, portion: self.portion }
    }

    /// The report with every product left rebuilt, in one go.
    pub fn all(mut self) -> Result<ReportRead, String> {
        self.step(usize::MAX)?;
        Ok(self.finish())
    }

    fn product(&self, r: &[u8]) -> Option<Product> {
        let text = |n: usize| self.table.get(u32_at(r, 4 + 4 * n)? as usize).cloned();
        let tail = 4 + 4 * TEXTS;
        let flags = *r.get(tail)?;
        let sales = i64::from_le_bytes(r.get(tail + 2..tail + 10)?.try_into().ok()?);
        let mut channels: [Text; CHANNELS] = Default::default();
        for (c, slot) in channels.iter_mut().enumerate() {
            *slot = text(FIXED + c)?;
        }
        Some(Product {
            file: text(0)?,
            sheet: text(1)?,
            row: u32_at(r, 0)?,
            entrepreneur_code: text(2)?,
            entrepreneur_name: text(3)?,
            entrepreneur_type: text(4)?,
            product_name: text(5)?,
            product_category: text(6)?,
            house_no: text(7)?,
            moo: text(8)?,
            tambon: text(9)?,
            amphoe: text(10)?,
            province: text(11)?,
            phone: text(12)?,
            flags: std::array::from_fn(|n| flags & (1 << n) != 0),
            channels,
            online_sales: (*r.get(tail + 1)? != 0).then_some(Satang(sales)),
            identity: (text(FIXED + CHANNELS)?, text(FIXED + CHANNELS + 1)?),
            marks_only: flags & (1 << MARKS_ONLY_BIT) != 0,
        })
    }
}

/// The whole report from its wire form.
pub(super) fn decode(bytes: &[u8]) -> Result<ReportRead, String> {
    ReportDecoder::new(bytes)?.all()
}

impl Serialize for ReportRead {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = Vec::new();
        encode(self, &mut out).map_err(serde::ser::Error::custom)?;
        s.serialize_bytes(&out)
    }
}

struct WireBytes;

impl serde::de::Visitor<'_> for WireBytes {
    type Value = ReportRead;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a report's wire form")
    }
    fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<ReportRead, E> {
        decode(bytes).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for ReportRead {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ReportRead, D::Error> {
        d.deserialize_bytes(WireBytes)
    }
}
