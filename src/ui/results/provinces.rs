//! The table of provinces in a run over several provinces (SPEC §8, §10):
//! both KPIs per province and for the nation, each province's name a button
//! that shows its district tables below (the drill-down).

use crate::ui::i18n::{baht, column_label, count, digits, label, percent_cell, say};
use crate::ui::State;
use leptos::prelude::*;
use otop_engine::evaluation::Row;
use otop_model::label::{sentence, Label};
use otop_model::preset::ScoringRule;

fn cell(col: &'static str, plain: Option<String>, shown: String) -> impl IntoView {
    view! { <td data-col=col data-label=column_label(col) data-value=plain class="num">{shown}</td> }
}

/// Who has sent in a province (or the nation): districts with a report read, of all.
fn sent_cell(state: State, (sent, of): (usize, usize)) -> impl IntoView {
    view! {
        <td data-col="sent" data-label=column_label("sent") data-value=sent.to_string() data-of=of.to_string()
            class="num">
            {digits(state, format!("{sent}/{of}"))}
        </td>
    }
}

fn row_cells(state: State, r: &Row, rule: ScoringRule) -> impl IntoView {
    let k = &r.kpi1;
    let score1 = k.score(rule);
    let (sales, growth, score2) = match &r.kpi2 {
        Some(s) => (Some(s.sales), Some(s.growth), Some(s.score(rule))),
        None => (None, None, None),
    };
    let dash = || "-".to_string();
    view! {
        {cell("products", Some(k.products.to_string()), count(state, k.products))}
        {cell("online", Some(k.online.to_string()), count(state, k.online))}
        {cell("percent", Some(k.percent.to_string()), percent_cell(state, k.percent))}
        <td data-col="score" data-label=label(Label::Kpi1Score) data-value=score1.to_string() class="num">
            <span class=format!("badge s{score1}")>{digits(state, score1.to_string())}</span>
        </td>
        {cell("base", Some(r.base.to_string()), baht(state, r.base))}
        {cell("sales", sales.map(|s| s.to_string()), sales.map(|s| baht(state, s)).unwrap_or_else(dash))}
        {cell("growth", growth.map(|g| g.to_string()), growth.map(|g| percent_cell(state, g)).unwrap_or_else(dash))}
        <td data-col="kpi2-score" data-label=label(Label::Kpi2Score) data-value=score2.map(|s| s.to_string())
            class="num">
            {score2.map(|s| view! { <span class=format!("badge s{s}")>{digits(state, s.to_string())}</span> })}
        </td>
    }
}

#[component]
pub fn ProvincesTable() -> impl IntoView {
    let state = expect_context::<State>();
    let rows = move || {
        let lang = state.lang.get();
        state.nation.with(|n| {
            let Some(n) = n else { return Vec::new() };
            let e = &n.nation;
            let selected = state.selected.get();
            let (sent, all) = n.submitted();
            let mut out: Vec<AnyView> = e
                .districts
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let name = r.district.clone();
                    // The visible name first (WCAG 2.5.3, label in name: axe found it otherwise).
                    let label = sentence::show_districts_of(lang, &name);
                    view! {
                        <tr data-province=name.clone() class:own=i == selected>
                            <th scope="row">
                                <button type="button" class="link" aria-label=label
                                    aria-pressed=(i == selected).to_string()
                                    on:click=move |_| state.selected.set(i)>{name.clone()}</button>
                            </th>
                            {row_cells(state, r, e.rule)}
                            {sent_cell(state, sent.get(i).copied().unwrap_or_default())}
                        </tr>
                    }
                    .into_any()
                })
                .collect();
            out.push(
                view! {
                    <tr data-province="nation" class="province">
                        <th scope="row">{say(lang, Label::Nation)}</th>
                        {row_cells(state, &e.province, e.rule)}
                        {sent_cell(state, all)}
                    </tr>
                }
                .into_any(),
            );
            out
        })
    };
    view! {
        <Show when=move || state.nation.with(Option::is_some)>
            <table class="kpi provinces" data-testid="provinces">
                <caption>{label(Label::ProvincesTableCaption)}</caption>
                <thead><tr>
                    <th scope="col">{label(Label::Province)}</th>
                    <th scope="col">{label(Label::RegisteredProducts)}</th>
                    <th scope="col">{label(Label::SoldOnline)}</th>
                    <th scope="col">{label(Label::Percent)}</th>
                    <th scope="col">{label(Label::Kpi1Score)}</th>
                    <th scope="col">{label(Label::BaseYearSalesBaht)}</th>
                    <th scope="col">{label(Label::SalesBaht)}</th>
                    <th scope="col">{label(Label::Growth)}</th>
                    <th scope="col">{label(Label::Kpi2Score)}</th>
                    <th scope="col">{label(Label::DistrictsSent)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </Show>
        // The country's map under the table (it hides itself outside a run over several).
        <super::map::ScoreMap level=super::map::Level::Provinces />
    }
}
