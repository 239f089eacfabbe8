//! The readiness summary: entrepreneurs and products per readiness flag, per
//! district (the basis of the survey report that score 5 requires).

use crate::ui::i18n::{count, label};
use crate::ui::State;
use leptos::prelude::*;
use otop_model::imported::header::Key;
use otop_model::label::Label;

#[component]
pub fn Readiness() -> impl IntoView {
    let state = expect_context::<State>();
    let rows = move || {
        let a = state.analysis.get();
        a.counted
            .readiness
            .iter()
            .map(|r| {
                let flags = r
                    .entrepreneurs_flagged
                    .iter()
                    .zip(&r.products_flagged)
                    .map(|(&entrepreneurs, &products)| {
                        let both = format!("{} / {}", count(state, entrepreneurs), count(state, products));
                        view! { <td class="num">{both}</td> }
                    })
                    .collect_view();
                view! {
                    <tr data-district=r.district.clone()>
                        <th scope="row">{r.district.clone()}</th>
                        <td class="num">{count(state, r.entrepreneurs)}</td>
                        <td class="num">{count(state, r.products)}</td>
                        <td class="num">{count(state, r.online_products)}</td>
                        {flags}
                    </tr>
                }
            })
            .collect_view()
    };
    let flag_heads = move || {
        let l = state.lang.get();
        Key::FLAGS
            .iter()
            .filter_map(|k| k.flag_label())
            .map(|f| view! { <th scope="col">{f.text(l)}</th> })
            .collect_view()
    };
    let summary = label(Label::ReadinessCaption);
    view! {
        <details class="readiness">
            <summary>{summary}</summary>
            <table class="kpi" data-testid="readiness">
                <thead><tr>
                    <th scope="col">{label(Label::District)}</th>
                    <th scope="col">{label(Label::Entrepreneurs)}</th>
                    <th scope="col">{label(Label::Products)}</th>
                    <th scope="col">{label(Label::Online)}</th>
                    {flag_heads}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}
