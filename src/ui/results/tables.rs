//! The district tables of both KPIs, with the SPEC §8 hooks (`data-district`,
//! `data-col`, `data-value`), sortable by any column.

use super::rule_note;
use crate::ui::i18n::{baht, column_label, count, digits, label, percent_cell, say};
use crate::ui::State;
use leptos::prelude::*;
use otop_engine::analysis::Analysis;
use otop_engine::evaluation::Row;
use otop_engine::share::change::Change;
use otop_model::display::{self, Lang};
use otop_model::label::{sentence, Label};
use otop_model::money::Satang;
use otop_model::preset::ScoringRule;
use otop_model::scoring::Next;
use otop_session::table_order::{Sort, Table};

/// A cell with the SPEC §8 hook: `data-col` and the plain value in `data-value`
/// (no `data-value` when there is no value yet).
fn cell(col: &'static str, plain: impl Into<Option<String>>, shown: String) -> impl IntoView {
    view! { <td data-col=col data-label=column_label(col) data-value=plain.into() class="num">{shown}</td> }
}

/// The next score's target and the amount still needed, when there is a next score.
fn next_pair<T: Copy>(n: Next<T>) -> (Option<T>, Option<T>) {
    match n {
        Next::More { target, needed, .. } => (Some(target), Some(needed)),
        _ => (None, None),
    }
}

fn plain<T: ToString>(v: Option<T>) -> Option<String> {
    v.map(|v| v.to_string())
}

/// The score cell: a badge, and the note when the two rules differ.
fn score_cell(state: State, score: Option<u8>, note: Option<String>) -> impl IntoView {
    view! {
        <td data-col="score" data-label=column_label("score") data-value=plain(score) class="num score-cell">
            {score.map(|s| view! { <span class=format!("badge s{s}")>{digits(state, s.to_string())}</span> })}
            {note.map(|n| view! { <span class="rule-note">{n}</span> })}
        </td>
    }
}

/// The change since an earlier run (a compared link) of row `key` ("province": the province row).
fn change_of(state: State, a: &Analysis, key: &str) -> Option<Change> {
    state.changes.with(|c| {
        let c = c.as_ref()?;
        if key == "province" {
            return c.province.clone();
        }
        let i = a.evaluation.districts.iter().position(|r| r.district == key)?;
        c.districts.get(i).cloned()
    })
}

fn signed(state: State, n: i64, shown: String) -> String {
    digits(state, if n > 0 { format!("+{shown}") } else { shown })
}

/// KPI 1's change cells: online products and score since the earlier run;
/// "ส่งครั้งแรก" for a district that had no report then.
fn kpi1_change(state: State, lang: Lang, c: Option<Change>) -> Option<impl IntoView> {
    c.map(|c| {
        let first = c.first_time.then(|| view! { <span class="first-time">{say(lang, Label::FirstReport)}</span> });
        view! {
            <td data-col="change" data-label=column_label("change") data-value=c.online.to_string() class="num change">
                {signed(state, c.online, count(state, c.online))}{first}
            </td>
            <td data-col="change-score" data-label=column_label("change-score") data-value=c.score.to_string()
                class="num change">
                {signed(state, c.score, c.score.to_string())}
            </td>
        }
    })
}

/// The change headings, when a run is compared.
fn change_heads(state: State, heads: &'static [Label]) -> impl IntoView {
    move || {
        state
            .changes
            .with(Option::is_some)
            .then(|| heads.iter().map(|l| view! { <th scope="col">{l.text(state.lang.get())}</th> }).collect_view())
    }
}

/// In a district's own view, "own" for its row and "step-back" for the other districts.
fn own_class(state: State, key: &str) -> &'static str {
    match state.own_district.get_untracked() {
        Some(own) if own == key => "own",
        Some(_) if key != "province" => "step-back",
        _ => "",
    }
}

/// The table's body: the districts in the order `table` gives them, then the
/// province row, each drawn by `row_view`.
fn table_body(
    a: &Analysis,
    table: Table,
    sort: Option<Sort>,
    own: Option<&str>,
    row_view: impl Fn(Row, String) -> AnyView,
) -> Vec<AnyView> {
    let rows = table.order(&a.evaluation.districts, a.evaluation.rule, sort, own);
    let mut out: Vec<AnyView> = rows
        .into_iter()
        .map(|r| {
            let k = r.district.clone();
            row_view(r, k)
        })
        .collect();
    out.push(row_view(a.evaluation.province.clone(), "province".into()));
    out
}

#[component]
fn SortHeader(
    sort: RwSignal<Option<Sort>>,
    col: usize,
    label: Label,
    /// Said after the label (the period a column is about).
    #[prop(optional, into)]
    period: Option<Signal<String>>,
) -> impl IntoView {
    let state = expect_context::<State>();
    let aria = move || match sort.get() {
        Some(s) if s.col == col && s.desc => "descending",
        Some(s) if s.col == col => "ascending",
        _ => "none",
    };
    let click = move |_| sort.update(|s| *s = Some(Sort::after_click(*s, col)));
    view! {
        <th scope="col" aria-sort=aria>
            <button type="button" class="sort" on:click=click>
                {move || say(state.lang.get(), label)}{move || period.map(|p| format!(" {}", p.get()))}
            </button>
        </th>
    }
}

/// Who has sent: "ส่งแล้ว 8 จาก 9 อำเภอ", the districts still to send, and the
/// preset's deadline with the days left (SPEC §8's `submitted` hook).
#[component]
fn Submitted() -> impl IntoView {
    let state = expect_context::<State>();
    move || {
        let lang = state.lang.get();
        let (sent, of, missing) = state.analysis.with(|a| {
            let (sent, of) = a.submitted();
            let missing: Vec<String> = a.not_sent().into_iter().map(str::to_string).collect();
            (sent, of, missing)
        });
        let mut text = otop_model::label::sent_line(lang, sent, of);
        if !missing.is_empty() && missing.len() < of {
            let list = missing.join(", ");
            text += &sentence::still_to_send(lang, list);
        }
        let due = state.preset.with(|p| p.deadline).map(|d| display::deadline(d, crate::ui::browser::today(), lang));
        view! {
            <p class="submitted" data-testid="submitted" data-value=sent.to_string() data-of=of.to_string()>
                {digits(state, text)}
                {due.map(|d| view! { <span class="deadline">{digits(state, d)}</span> })}
            </p>
        }
    }
}

#[component]
pub fn Kpi1Table() -> impl IntoView {
    let state = expect_context::<State>();
    let sort = RwSignal::new(None::<Sort>);
    let row_view = move |r: Row, key: String, rule: ScoringRule, lang: Lang, read: bool, sent: bool, ch| {
        let k = &r.kpi1;
        let is_province = key == "province";
        // Who has sent (SPEC §8): every district row says, the province row does not.
        let submitted = (!is_province).then(|| sent.to_string());
        let not_sent = (read && !is_province && !sent)
            .then(|| view! { <span class="not-sent">{say(lang, Label::NoReportYet)}</span> });
        if !read {
            // No report read yet: the registered products, and nothing scored.
            let dash = || "–".to_string();
            return view! {
                <tr class:province=is_province data-district=key data-submitted=submitted>
                    <th scope="row">{r.district.clone()}</th>
                    {cell("products", k.products.to_string(), count(state, k.products))}
                    {cell("online", None, dash())}
                    {cell("percent", None, dash())}
                    {score_cell(state, None, None)}
                    {cell("target-next", None, dash())}
                    {cell("gap", None, dash())}
                </tr>
            }
            .into_any();
        }
        let (target, gap) = next_pair(k.next(rule));
        let note = rule_note(lang, k.by_table, k.by_percent);
        let differ = note.is_some();
        let gap_shown = if matches!(k.next(rule), Next::Survey) {
            say(lang, Label::SurveyNeeded)
        } else {
            gap.map(|n| count(state, n)).unwrap_or_else(|| "-".into())
        };
        view! {
            <tr class:province=is_province class=own_class(state, &key) data-district=key class:differ=differ
                data-submitted=submitted>
                <th scope="row">{r.district.clone()}{not_sent}</th>
                {cell("products", k.products.to_string(), count(state, k.products))}
                {cell("online", k.online.to_string(), count(state, k.online))}
                {cell("percent", k.percent.to_string(), percent_cell(state, k.percent))}
                {score_cell(state, Some(k.score(rule)), note)}
                {cell("target-next", plain(target), target.map(|n| count(state, n)).unwrap_or_else(|| "-".into()))}
                {cell("gap", plain(gap), gap_shown)}
                {kpi1_change(state, lang, ch)}
            </tr>
        }
        .into_any()
    };
    let body = move || {
        let a = state.analysis.get();
        let rule = a.evaluation.rule;
        let lang = state.lang.get();
        let read = state.reports_read.get();
        let own = state.own_district.get();
        table_body(&a, Table::Kpi1, sort.get(), own.as_deref(), |r, k| {
            let sent = a.has_sent(&r.district);
            let ch = change_of(state, &a, &k);
            row_view(r, k, rule, lang, read, sent, ch)
        })
    };
    view! {
        <div class="kpi1-box">
        <Submitted />
        <table class="kpi" data-testid="kpi1">
            <caption>{label(Label::Kpi1ByDistrict)}</caption>
            <thead><tr>
                <SortHeader sort col=0 label=Label::District />
                <SortHeader sort col=1 label=Label::RegisteredProducts />
                <SortHeader sort col=2 label=Label::SoldOnline />
                <SortHeader sort col=3 label=Label::Percent />
                <SortHeader sort col=4 label=Label::Score />
                <th scope="col">{label(Label::NextTarget)}</th>
                <th scope="col">{label(Label::StillNeeded)}</th>
                {change_heads(state, &[Label::Change, Label::ScoreChange])}
            </tr></thead>
            <tbody>{body}</tbody>
        </table>
        </div>
    }
}

#[component]
pub fn Kpi2Table() -> impl IntoView {
    let state = expect_context::<State>();
    let period = Signal::derive(move || display::window(state.preset.with(|p| p.window), state.lang.get()));
    let base_period =
        Signal::derive(move || display::window(state.preset.with(|p| p.window.year_before()), state.lang.get()));
    let sort = RwSignal::new(None::<Sort>);
    let row_view = move |r: Row, key: String, rule: ScoringRule, lang: Lang, ch: Option<Change>| {
        let (sales, growth, score, target, gap, note) = match &r.kpi2 {
            Some(k) => {
                let (target, gap) = next_pair(k.next(rule));
                let note = rule_note(lang, k.by_table, k.by_percent);
                (Some(k.sales), Some(k.growth), Some(k.score(rule)), target, gap, note)
            }
            None => (None, None, None, None, None, None),
        };
        let differ = note.is_some();
        let is_province = key == "province";
        let money_shown = |v: Option<Satang>| v.map(|s| baht(state, s)).unwrap_or_else(|| "-".into());
        let sales_shown = sales.map(|s| baht(state, s)).unwrap_or_else(|| say(lang, Label::NoData));
        view! {
            <tr class:province=is_province class=own_class(state, &key) data-district=key class:differ=differ>
                <th scope="row">{r.district.clone()}</th>
                {cell("base", r.base.to_string(), baht(state, r.base))}
                {cell("sales", plain(sales), sales_shown)}
                {cell("growth", plain(growth), growth.map(|g| percent_cell(state, g)).unwrap_or_else(|| "-".into()))}
                {score_cell(state, score, note)}
                {cell("target-next", plain(target), money_shown(target))}
                {cell("gap", plain(gap), money_shown(gap))}
                {ch.map(|c| {
                    let shown = c.sales.map(|s| signed(state, s.0, baht(state, s))).unwrap_or_else(|| "-".into());
                    cell("sales-change", plain(c.sales), shown)
                })}
            </tr>
        }
    };
    let body = move || {
        let a = state.analysis.get();
        let rule = a.evaluation.rule;
        let lang = state.lang.get();
        let own = state.own_district.get();
        table_body(&a, Table::Kpi2, sort.get(), own.as_deref(), |r, k| {
            let ch = change_of(state, &a, &k);
            row_view(r, k, rule, lang, ch).into_any()
        })
    };
    view! {
        <table class="kpi" data-testid="kpi2">
            <caption>{label(Label::Kpi2ByDistrictBaht)}</caption>
            <thead><tr>
                <SortHeader sort col=0 label=Label::District />
                <SortHeader sort col=1 label=Label::BaseSales period=base_period />
                <SortHeader sort col=2 label=Label::Sales period=period />
                <SortHeader sort col=3 label=Label::Growth />
                <SortHeader sort col=4 label=Label::Score />
                <th scope="col">{label(Label::NextTarget)}</th>
                <th scope="col">{label(Label::StillNeeded)}</th>
                {change_heads(state, &[Label::SalesChange])}
            </tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}
