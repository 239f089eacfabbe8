//! The letter's two target tables (attachments 1 and 2), as the letter lays them
//! out, from the loaded preset, with the SPEC §8 hooks (`kpi1-targets`,
//! `kpi2-targets`, rows by district, cells `t1`…`t5`).

use crate::ui::i18n::{baht, count, label};
use crate::ui::State;
use leptos::prelude::*;
use otop_model::display;
use otop_model::label::{sentence, Label};
use otop_model::money::BasisPoints;
use otop_model::targets::{TargetRow, TargetTables};

const COLS: [&str; 5] = ["t1", "t2", "t3", "t4", "t5"];

/// The five score columns' headings: "1 คะแนน (ร้อยละ 8)".
fn score_heads(state: State, columns: [BasisPoints; 5]) -> impl IntoView {
    let lang = state.lang.get();
    columns
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let n = i + 1;
            let text = sentence::score_points(lang, n, p);
            view! { <th scope="col">{text}</th> }
        })
        .collect_view()
}

fn row_key(i: Option<usize>, r: &TargetRow) -> (String, String) {
    match i {
        Some(i) => ((i + 1).to_string(), r.district.clone()),
        None => (String::new(), "province".to_string()),
    }
}

#[component]
pub fn TargetTablesView() -> impl IntoView {
    let state = expect_context::<State>();
    let tables = Memo::new(move |_| state.preset.with(TargetTables::of));
    let window = move || {
        let p = state.preset.get();
        let l = state.lang.get();
        sentence::round_of_year(l, p.round, p.fiscal_year, p.fiscal_year - 543, display::window(p.window, l))
    };
    let kpi1_rows = move || {
        let t = tables.get();
        let rows = t.districts.iter().enumerate().map(|(i, r)| (Some(i), r.clone()));
        rows.chain(std::iter::once((None, t.province.clone())))
            .map(|(i, r)| {
                let (no, key) = row_key(i, &r);
                let cells = r.kpi1.iter().zip(COLS).map(|(n, col)| {
                    view! { <td class="num" data-col=col data-value=n.to_string()>{count(state, *n)}</td> }
                });
                view! {
                    <tr data-district=key class:province=i.is_none()>
                        <td class="num">{no}</td>
                        <th scope="row">{r.district.clone()}</th>
                        <td class="num">{count(state, r.entrepreneurs)}</td>
                        <td class="num">{count(state, r.products)}</td>
                        {cells.collect_view()}
                    </tr>
                }
            })
            .collect_view()
    };
    let kpi2_rows = move || {
        let t = tables.get();
        let rows = t.districts.iter().enumerate().map(|(i, r)| (Some(i), r.clone()));
        rows.chain(std::iter::once((None, t.province.clone())))
            .map(|(i, r)| {
                let (no, key) = row_key(i, &r);
                let cells = r.kpi2.iter().zip(COLS).map(|(b, col)| {
                    view! { <td class="num" data-col=col data-value=b.to_string()>{baht(state, *b)}</td> }
                });
                view! {
                    <tr data-district=key class:province=i.is_none()>
                        <td class="num">{no}</td>
                        <th scope="row">{r.district.clone()}</th>
                        <td class="num">{baht(state, r.base)}</td>
                        {cells.collect_view()}
                    </tr>
                }
            })
            .collect_view()
    };
    let base_head = move || {
        let p = state.preset.get();
        let l = state.lang.get();
        let period = display::window(p.window.year_before(), l);
        sentence::base_sales_of(l, period)
    };
    view! {
        <details class="targets" data-testid="targets">
            <summary>
                {label(Label::LetterTargetTables)}
            </summary>
            <table class="kpi" data-testid="kpi1-targets">
                <caption>
                    {label(Label::Kpi1TargetsTitle)}
                    <br />{window}
                </caption>
                <thead><tr>
                    <th scope="col">{label(Label::No)}</th>
                    <th scope="col">{label(Label::District)}</th>
                    <th scope="col">{label(Label::EntrepreneurCount)}</th>
                    <th scope="col">{label(Label::OtopProductCount)}</th>
                    {move || score_heads(state, state.preset.with(|p| p.kpi1.columns()))}
                </tr></thead>
                <tbody>{kpi1_rows}</tbody>
            </table>
            <table class="kpi" data-testid="kpi2-targets">
                <caption>
                    {label(Label::Kpi2TargetsHeading)}
                    <br />{window}
                </caption>
                <thead><tr>
                    <th scope="col">{label(Label::No)}</th>
                    <th scope="col">{label(Label::District)}</th>
                    <th scope="col">{base_head}</th>
                    {move || score_heads(state, state.preset.with(|p| p.kpi2.columns()))}
                </tr></thead>
                <tbody>{kpi2_rows}</tbody>
            </table>
        </details>
    }
}
