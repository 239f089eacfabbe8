//! A report's products on the wire between the worker and the page: every
//! distinct text once, in a table, and each product's texts as indices into it.
//! A district, a province or an entrepreneur's name repeated over thousands of
//! rows travels once, and the page rebuilds the products by sharing the table's
//! texts, without a copy per field.

use super::ReportRead;
use crate::import::cell::{address, ByAddress};
use crate::import::file::ImportedFile;
use crate::import::product::{Product, Text, CHANNELS};
use crate::money::Satang;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The texts of a product, in a fixed order: its thirteen fields, its channel
/// cells, the two halves of its identity.
const FIXED: usize = 13;
const TEXTS: usize = FIXED + CHANNELS + 2;

#[derive(Serialize, Deserialize)]
struct WireProduct {
    row: u32,
    texts: [u32; TEXTS],
    flags: [bool; 5],
    online_sales: Option<Satang>,
}

#[derive(Serialize)]
struct WireOut<'a> {
    file: &'a ImportedFile,
    table: Vec<&'a str>,
    products: Vec<WireProduct>,
}

#[derive(Deserialize)]
struct WireIn<'a> {
    file: ImportedFile,
    /// Borrowed from the reply's bytes: each text is copied once, into its shared [`Text`].
    #[serde(borrow)]
    table: Vec<&'a str>,
    products: Vec<WireProduct>,
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

impl Serialize for ReportRead {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // By the text's address: a text shared by many products (the reader
        // shares every cell text) is looked up without hashing its characters.
        // A field with the very text of the product before (a district, an empty
        // channel, the entrepreneur of a continuation row) takes its index as it is.
        let mut index: ByAddress<u32> = ByAddress::default();
        let mut table: Vec<&str> = Vec::new();
        let mut before: Option<([&Text; TEXTS], [u32; TEXTS])> = None;
        let products = self
            .products
            .iter()
            .map(|p| {
                let mut texts = [0u32; TEXTS];
                let own = texts_of(p);
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
                before = Some((own, texts));
                WireProduct { row: p.row, texts, flags: p.flags, online_sales: p.online_sales }
            })
            .collect();
        WireOut { file: &self.file, table, products }.serialize(s)
    }
}

impl<'de> Deserialize<'de> for ReportRead {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ReportRead, D::Error> {
        let wire = WireIn::deserialize(d)?;
        let table: Vec<Text> = wire.table.into_iter().map(Text::from).collect();
        let text = |i: u32| table.get(i as usize).cloned().ok_or_else(|| serde::de::Error::custom("text index"));
        let mut products = Vec::with_capacity(wire.products.len());
        for w in wire.products {
            let t = w.texts;
            let mut channels: [Text; CHANNELS] = Default::default();
            for (slot, i) in channels.iter_mut().zip(t.iter().skip(FIXED)) {
                *slot = text(*i)?;
            }
            products.push(Product {
                file: text(t[0])?,
                sheet: text(t[1])?,
                row: w.row,
                entrepreneur_code: text(t[2])?,
                entrepreneur_name: text(t[3])?,
                entrepreneur_type: text(t[4])?,
                product_name: text(t[5])?,
                product_category: text(t[6])?,
                house_no: text(t[7])?,
                moo: text(t[8])?,
                tambon: text(t[9])?,
                amphoe: text(t[10])?,
                province: text(t[11])?,
                phone: text(t[12])?,
                flags: w.flags,
                channels,
                online_sales: w.online_sales,
                identity: (text(t[FIXED + CHANNELS])?, text(t[FIXED + CHANNELS + 1])?),
            });
        }
        Ok(ReportRead { file: wire.file, products })
    }
}
