//! One big report file read by several workers at once (issue 35: both cores
//! on one big file): each reads a [`Part`] of its biggest sheet's rows, and
//! the page puts the parts back together with [`merge`], into what one reader
//! reading the whole file gives (the property test in
//! `crates/import/tests/parts.rs` holds the two to it).
//!
//! A part answers with a [`Portion`]: the whole file (it could not be split:
//! part 0 reads it all), nothing (the same file, any other part), or its share
//! of the split sheet's products and of that sheet's row issues, not yet
//! finished, so that an issue repeated on rows of both shares is one issue
//! (see [`Repeats::merge`]).

use super::file::ImportedFile;
use super::product::Product;
use crate::issue::repeats::Repeats;
use serde::{Deserialize, Serialize};

/// Which part of a file a worker reads: `index` of `of` (`0` of `1`: all of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// This part, from 0.
    pub index: u8,
    /// How many parts the file is read in.
    pub of: u8,
}

impl Part {
    /// The whole file, as one reader reads it.
    pub const WHOLE: Part = Part { index: 0, of: 1 };

    /// The `of` parts of a file.
    ///
    /// ```
    /// use otop_model::imported::part::Part;
    /// assert_eq!(Part::all(2), [Part { index: 0, of: 2 }, Part { index: 1, of: 2 }]);
    /// assert_eq!(Part::all(0), [Part::WHOLE]);
    /// ```
    pub fn all(of: u8) -> Vec<Part> {
        let of = of.max(1);
        (0..of).map(|index| Part { index, of }).collect()
    }

    /// Whether this is the whole file.
    pub fn is_whole(self) -> bool {
        self.of <= 1
    }
}

/// What a part of a file gave.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub enum Portion {
    /// The file read whole (asked whole, or part 0 of a file that cannot be split).
    #[default]
    Whole,
    /// Nothing: another part of a file that cannot be split (part 0 reads it whole).
    Nothing,
    /// This part's share of the split sheet.
    Share(Share),
}

/// A part's share of the split sheet: where its products and row issues go
/// in the file, and those issues, not yet finished.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Share {
    /// Where the split sheet's row issues go among the file's issues (part 0's).
    pub issues_at: usize,
    /// Where the split sheet's products go among the file's products (part 0's).
    pub products_at: usize,
    /// How many products of this part are the split sheet's (from `products_at`).
    pub products: usize,
    /// The sheet's sub-district checks (`import::report::tambon`).
    pub tambon: Repeats,
    /// The sheet's row issues.
    pub rows: Repeats,
    /// Set when the split fell where it could not be made (a run of rows with
    /// no product starting in it, longer than the rows both parts read): the
    /// file must be read whole.
    pub not_split: bool,
}

/// A part's answer: the file as that part read it, and its products.
#[derive(Debug, Clone, PartialEq)]
pub struct PartRead {
    /// The file (for a share other than part 0's, only its products count).
    pub file: ImportedFile,
    /// Its products (all of them, or the share's, at `products_at`).
    pub products: Vec<Product>,
    /// What it is.
    pub portion: Portion,
}

/// Why parts could not be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotMerged {
    /// The split fell where it could not be made: read the file whole.
    ReadWhole,
    /// The parts do not fit together (a bug; said plainly).
    Mismatch(String),
}

/// The parts of one file, in order, put together as the whole file read once.
///
/// ```
/// use otop_model::imported::file::ImportedFile;
/// use otop_model::imported::part::{merge, PartRead, Portion};
/// let whole = PartRead { file: ImportedFile::new("a.xlsx", None), products: vec![], portion: Portion::Whole };
/// let nothing = PartRead { portion: Portion::Nothing, ..whole.clone() };
/// let (file, products) = merge(vec![whole, nothing]).unwrap();
/// assert_eq!((file.file.as_str(), products.len()), ("a.xlsx", 0));
/// ```
pub fn merge(parts: Vec<PartRead>) -> Result<(ImportedFile, Vec<Product>), NotMerged> {
    let mismatch = |why: &str| Err(NotMerged::Mismatch(why.to_string()));
    if parts.iter().any(|p| matches!(&p.portion, Portion::Share(s) if s.not_split)) {
        return Err(NotMerged::ReadWhole);
    }
    let mut parts = parts.into_iter();
    let Some(first) = parts.next() else { return mismatch("no part") };
    let rest: Vec<PartRead> = parts.collect();
    let Portion::Share(share) = first.portion else {
        // Read whole by part 0; the others said nothing.
        return match (&first.portion, rest.iter().all(|p| p.portion == Portion::Nothing)) {
            (Portion::Whole, true) => Ok((first.file, first.products)),
            _ => mismatch("part 0 read the file whole, another part did not say nothing"),
        };
    };
    let Share { issues_at, products_at, products: own, mut tambon, mut rows, .. } = share;
    let mut file = first.file;
    let mut all = first.products;
    let Some(at_end) = products_at.checked_add(own).filter(|end| *end <= all.len()) else {
        return mismatch("part 0's share is not among its products");
    };
    let after: Vec<Product> = all.split_off(at_end);
    // Room for every product at once (growing by doubling copied the first
    // part's products again: a tenth of the page's work on a 100k-row file).
    all.reserve_exact(rest.iter().map(|p| p.products.len()).sum::<usize>() + after.len());
    for part in rest {
        let Portion::Share(s) = part.portion else { return mismatch("a part of a split file did not share") };
        tambon.merge(s.tambon);
        rows.merge(s.rows);
        file.rows += part.products.len();
        all.extend(part.products);
    }
    all.extend(after);
    if issues_at > file.issues.len() {
        return mismatch("part 0's issues are fewer than its share says");
    }
    let later = file.issues.split_off(issues_at);
    file.issues.extend(tambon.into_issues());
    file.issues.extend(rows.into_issues());
    file.issues.extend(later);
    Ok((file, all))
}
