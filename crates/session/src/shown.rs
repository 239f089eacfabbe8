//! Which run the page shows, and which runs it scores in slices: the rules,
//! so the page's memos only follow them.

use crate::Session;

/// Up to this many products, one province is scored at once (a few ms), as the
/// page redraws; above, in slices that give the browser its thread back.
pub const AT_ONCE: usize = 20_000;

/// The run the page shows, first that applies:
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// A province of the several-province run (the selected one's drill-down).
    NationProvince,
    /// The run of a results link opened.
    Link,
    /// The preset with no file: while target tables are read (they replace
    /// the preset), or until a run in slices is made.
    NoFiles,
    /// The session's run, scored at once.
    Session,
    /// The session's run scored in slices, once made.
    Sliced,
}

impl Session {
    /// Whether this session's run is scored in slices: a run over several
    /// provinces, or one province with more than [`AT_ONCE`] products.
    pub fn scored_in_slices(&self) -> bool {
        self.several_provinces() || self.products() > AT_ONCE
    }

    /// Which run the page shows, given whether a several-province run has the
    /// selected province, a results link is open, and a run in slices is made.
    ///
    /// ```
    /// use otop_session::{shown::Shown, Session};
    /// let s = Session::default();
    /// assert_eq!(s.shown(false, false, false), Shown::Session);
    /// assert_eq!(s.shown(false, true, false), Shown::Link);
    /// assert_eq!(s.shown(true, true, false), Shown::NationProvince);
    /// ```
    pub fn shown(&self, nation_province: bool, link: bool, sliced_made: bool) -> Shown {
        if nation_province {
            Shown::NationProvince
        } else if link {
            Shown::Link
        } else if self.reading_targets() {
            Shown::NoFiles
        } else if !self.scored_in_slices() {
            Shown::Session
        } else if sliced_made {
            Shown::Sliced
        } else {
            Shown::NoFiles
        }
    }
}
