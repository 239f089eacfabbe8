//! The order of a district table's rows: the district's own row first in its
//! own view, then the others as the clicked column heading sorts them.
//!
//! ```
//! use otop_session::table_order::{Sort, Table};
//! // A first click sorts up, a second on the same column down, another column up.
//! let s = Sort::after_click(None, 2);
//! assert_eq!(s, Sort { col: 2, desc: false });
//! assert_eq!(Sort::after_click(Some(s), 2), Sort { col: 2, desc: true });
//! assert_eq!(Sort::after_click(Some(Sort { col: 2, desc: true }), 2), Sort { col: 2, desc: false });
//! assert_eq!(Sort::after_click(Some(s), 3), Sort { col: 3, desc: false });
//! let _ = Table::Kpi1;
//! ```

use otop_engine::evaluation::Row;
use otop_model::preset::ScoringRule;

/// Which district table: its columns, in order, are SPEC §8's (district first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// District, registered products, online, percent, score.
    Kpi1,
    /// District, base-year sales, sales, growth, score.
    Kpi2,
}

/// A table's sorting: the column (0 = the district's name) and the direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    /// The column, counted from 0 (the district's name).
    pub col: usize,
    /// Largest first.
    pub desc: bool,
}

impl Sort {
    /// The sorting after a click on column `col`: up, then down on a second click.
    pub fn after_click(current: Option<Sort>, col: usize) -> Sort {
        Sort { col, desc: current.is_some_and(|s| s.col == col && !s.desc) }
    }
}

impl Table {
    /// The value a row sorts by in column `col` (not the name's column). A
    /// district with no sales sorts before every one with sales.
    fn key(self, r: &Row, col: usize, rule: ScoringRule) -> i128 {
        match (self, col) {
            (Table::Kpi1, 1) => r.kpi1.products as i128,
            (Table::Kpi1, 2) => r.kpi1.online as i128,
            (Table::Kpi1, 3) => r.kpi1.percent.0 as i128,
            (Table::Kpi1, 4) => r.kpi1.score(rule) as i128,
            (Table::Kpi2, 1) => r.base.0 as i128,
            (Table::Kpi2, 2) => r.kpi2.as_ref().map_or(-1, |k| k.sales.0 as i128),
            (Table::Kpi2, 3) => r.kpi2.as_ref().map_or(i128::MIN, |k| k.growth.0 as i128),
            (Table::Kpi2, 4) => r.kpi2.as_ref().map_or(0, |k| k.score(rule) as i128),
            _ => 0,
        }
    }

    /// The districts' rows in the order shown: `own`'s row first (a district's
    /// own view), then the others sorted by `sort`, ties kept in the run's order.
    pub fn order(self, rows: &[Row], rule: ScoringRule, sort: Option<Sort>, own: Option<&str>) -> Vec<Row> {
        let mut rows = rows.to_vec();
        let mut pinned = 0;
        if let Some(at) = own.and_then(|own| rows.iter().position(|r| r.district == own)) {
            let row = rows.remove(at);
            rows.insert(0, row);
            pinned = 1;
        }
        if let (Some(s), Some(others)) = (sort, rows.get_mut(pinned..)) {
            others.sort_by(|a, b| {
                let o = if s.col == 0 {
                    a.district.cmp(&b.district)
                } else {
                    self.key(a, s.col, rule).cmp(&self.key(b, s.col, rule))
                };
                if s.desc {
                    o.reverse()
                } else {
                    o
                }
            });
        }
        rows
    }
}
