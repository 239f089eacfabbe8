//! A run beside an earlier one (a results link): how each district, and the
//! province, moved — online products, KPI 1 score, sales.

use super::SharedRun;
use crate::analysis::Analysis;
use crate::evaluation::Row;
use otop_model::money::Satang;
use otop_model::preset::{Preset, ScoringRule};
use otop_model::text::normalize;

/// How one row moved since the earlier run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Online products now minus then.
    pub online: i64,
    /// KPI 1 score now minus then (by the current rule).
    pub score: i64,
    /// Window sales now minus then, when both runs have them.
    pub sales: Option<Satang>,
    /// The district had no report read then: its whole figure is the change
    /// ("ส่งครั้งแรก").
    pub first_time: bool,
}

/// The changes of a run: per district of its preset (in order), and the province's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Each district's change, in the run's order.
    pub districts: Vec<Change>,
    /// The province's change (none when the earlier link is of another province).
    pub province: Option<Change>,
}

fn change(now: &Row, then: Option<(&Row, bool)>, rule: ScoringRule) -> Change {
    let sales_now = now.kpi2.as_ref().map(|k| k.sales);
    match then {
        Some((then, true)) => Change {
            online: now.kpi1.online - then.kpi1.online,
            score: i64::from(now.kpi1.score(rule)) - i64::from(then.kpi1.score(rule)),
            sales: sales_now.zip(then.kpi2.as_ref().map(|k| k.sales)).map(|(a, b)| Satang(a.0 - b.0)),
            first_time: false,
        },
        Some((then, false)) => Change {
            online: now.kpi1.online,
            score: i64::from(now.kpi1.score(rule)) - i64::from(then.kpi1.score(rule)),
            sales: sales_now,
            first_time: true,
        },
        None => Change { online: now.kpi1.online, score: 0, sales: sales_now, first_time: true },
    }
}

/// How `now` (scored on `preset`) moved since `then`: its province is matched
/// by name (or taken when `then` holds one province), its districts by name.
/// `None` when `then` holds no such province.
///
/// ```
/// use otop_engine::analysis::Analysis;
/// use otop_model::preset::Preset;
/// use otop_engine::sales::SalesInput;
/// use otop_engine::share::{change::changes, SharedRun};
/// let preset = Preset::sa_kaeo_2564_round2();
/// let a = Analysis::run(&preset, &[], &[], &SalesInput::default());
/// let then = SharedRun::decode(&SharedRun::of_analysis(&preset, &a, None).encode()).unwrap();
/// let c = changes(&preset, &a, &then).unwrap();
/// assert!(c.districts.iter().all(|d| d.online == 0 && d.first_time), "no report then, none now");
/// ```
pub fn changes(preset: &Preset, now: &Analysis, then: &SharedRun) -> Option<Changes> {
    let key = normalize(&preset.province);
    let earlier = match then.provinces.as_slice() {
        [only] => only,
        many => many.iter().find(|p| normalize(&p.preset.province) == key)?,
    };
    let before = earlier.analysis();
    let rule = preset.rule;
    let districts = now
        .evaluation
        .districts
        .iter()
        .map(|row| {
            let k = normalize(&row.district);
            let at = before.evaluation.districts.iter().position(|r| normalize(&r.district) == k);
            let then = at.and_then(|i| Some((before.evaluation.districts.get(i)?, *earlier.sent.get(i)?)));
            change(row, then, rule)
        })
        .collect();
    let sent_then = earlier.sent.iter().any(|s| *s);
    let province = Some(change(&now.evaluation.province, Some((&before.evaluation.province, sent_then)), rule));
    Some(Changes { districts, province })
}
