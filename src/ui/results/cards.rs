//! The province cards: each KPI's score, figures, and what reaches the next score.

use super::rule_note;
use crate::ui::i18n::{baht, count, digits, percent, say};
use crate::ui::State;
use leptos::prelude::*;
use otop_model::display::Lang;
use otop_model::label::{sentence, Label};
use otop_model::preset::ScoringRule;
use otop_model::scoring::{Kpi1Score, Next};

/// The score of a card, in the user's digits.
fn score_line(state: State, lang: Lang, score: u8) -> impl IntoView {
    view! {
        <p class="score" data-value=score.to_string()>
            {digits(state, score.to_string())}<small>{say(lang, Label::OutOfFive)}</small>
        </p>
    }
}

/// The note shown when the two scoring rules give different scores.
fn differ_line(lang: Lang, by_table: u8, by_percent: u8) -> Option<impl IntoView> {
    rule_note(lang, by_table, by_percent).map(|n| {
        view! { <p class="rule-note">{say(lang, Label::TwoRulesDiffer)}{n}</p> }
    })
}

/// A KPI 1 card's figures ("online / products · percent") and what reaches the next score.
fn kpi1_lines(state: State, l: Lang, k: &Kpi1Score, rule: ScoringRule) -> (String, String) {
    let next = match k.next(rule) {
        Next::More { score, target, needed } => {
            let (needed, target) = (count(state, needed), count(state, target));
            sentence::products_to_next(l, needed, score, target)
        }
        Next::Survey => say(l, Label::Score5NeedsSurvey),
        Next::Top => say(l, Label::TopScoreReached),
    };
    let figures = format!("{} / {} · {}", count(state, k.online), count(state, k.products), percent(state, k.percent));
    (figures, next)
}

#[component]
pub fn ProvinceCards() -> impl IntoView {
    let state = expect_context::<State>();
    let lang = move || state.lang.get();
    let kpi1 = move || {
        let l = lang();
        let title = say(l, Label::Kpi1CardTitle);
        if !state.reports_read.get() {
            let none = say(l, Label::Kpi1NoScoreYet);
            return view! {
                <div class="card muted" data-testid="card-kpi1">
                    <h3>{title}</h3>
                    <p class="value">{none}</p>
                </div>
            }
            .into_any();
        }
        let a = state.analysis.get();
        let rule = a.evaluation.rule;
        let k = a.evaluation.province.kpi1.clone();
        let (figures, next) = kpi1_lines(state, l, &k, rule);
        view! {
            <div class="card" data-testid="card-kpi1">
                <h3>{title}</h3>
                {score_line(state, l, k.score(rule))}
                <p class="value">{figures}</p>
                <p class="next">{next}</p>
                {differ_line(l, k.by_table, k.by_percent)}
            </div>
        }
        .into_any()
    };
    let kpi2 = move || {
        let a = state.analysis.get();
        let rule = a.evaluation.rule;
        let l = lang();
        let title = say(l, Label::Kpi2CardTitle);
        let Some(k) = a.evaluation.province.kpi2.clone() else {
            let none = say(l, Label::Kpi2NoSalesYet);
            return view! {
                <div class="card muted" data-testid="card-kpi2">
                    <h3>{title}</h3>
                    <p class="value">{none}</p>
                </div>
            }
            .into_any();
        };
        let next = match k.next(rule) {
            Next::More { score, target, needed } => {
                let (needed, target) = (baht(state, needed), baht(state, target));
                sentence::baht_to_next(l, needed, score, target)
            }
            _ => say(l, Label::TopScoreReached),
        };
        let unit = say(l, Label::Baht);
        let figures =
            format!("{} → {} {unit} · {}", baht(state, k.base), baht(state, k.sales), percent(state, k.growth));
        view! {
            <div class="card" data-testid="card-kpi2">
                <h3>{title}</h3>
                {score_line(state, l, k.score(rule))}
                <p class="value">{figures}</p>
                <p class="next">{next}</p>
                {differ_line(l, k.by_table, k.by_percent)}
            </div>
        }
        .into_any()
    };
    // A district's own view: its own KPI 1 first, before the province's.
    let own = move || {
        let name = state.own_district.get()?;
        let a = state.analysis.get();
        let rule = a.evaluation.rule;
        let r = a.evaluation.districts.iter().find(|r| r.district == name)?.clone();
        let (l, k) = (lang(), &r.kpi1);
        let (figures, next) = kpi1_lines(state, l, k, rule);
        Some(view! {
            <div class="card own" data-testid="card-district" data-district=name.clone()>
                <h3>{sentence::district_kpi1(l, &name)}</h3>
                {score_line(state, l, k.score(rule))}
                <p class="value">{figures}</p>
                <p class="next">{next}</p>
            </div>
        })
    };
    view! { <div class="cards" class:with-own=move || state.own_district.get().is_some()>{own}{kpi1}{kpi2}</div> }
}

/// How the province moved since the earlier run compared (a link), when one is.
#[component]
pub fn ProvinceChange() -> impl IntoView {
    let state = expect_context::<State>();
    move || {
        let c = state.changes.with(|c| c.as_ref().and_then(|c| c.province.clone()))?;
        let l = state.lang.get();
        let sign = |n: i64, shown: String| if n > 0 { format!("+{shown}") } else { shown };
        let online = sign(c.online, count(state, c.online));
        let score = sign(c.score, c.score.to_string());
        let mut text = sentence::province_change(l, online, score);
        if let Some(s) = c.sales {
            let sales = sign(s.0, baht(state, s));
            text += &sentence::sales_change(l, sales);
        }
        Some(view! {
            <p class="province-change" data-testid="change-province" data-value=c.online.to_string()>
                {digits(state, text)}
            </p>
        })
    }
}
