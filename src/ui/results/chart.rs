//! A horizontal bar chart (inline SVG) of one percentage per district, with the
//! score thresholds as vertical lines. Each bar has the colour of the score shown
//! beside it in the table, under the selected rule (by the target table, a bar may
//! score more or less than the percent lines say).

use crate::ui::i18n::{percent_sign, say};
use crate::ui::State;
use leptos::prelude::*;
use otop_model::label::Label;
use otop_model::money::BasisPoints;

/// One bar: the row's name, its percentage, and its score under the selected rule.
#[derive(Clone, PartialEq)]
pub struct Bar {
    pub name: String,
    pub value: Option<BasisPoints>,
    pub score: Option<u8>,
}

/// What the colours and the dashed lines mean; on a phone, where the lines say
/// only their score, each score's percentage too.
fn legend_text(state: State, thresholds: [BasisPoints; 4]) -> String {
    let lang = state.lang.get();
    let text = say(lang, Label::ChartLegend);
    if !state.narrow.get() {
        return text;
    }
    let levels: Vec<String> =
        thresholds.iter().enumerate().map(|(i, t)| format!("({}) {}", i + 2, percent_sign(state, *t))).collect();
    format!("{text}: {}", levels.join(" · "))
}

#[component]
pub fn BarChart(title: Label, values: Signal<Vec<Bar>>, thresholds: Signal<[BasisPoints; 4]>) -> impl IntoView {
    let state = expect_context::<State>();
    let title = move || say(state.lang.get(), title);
    let chart = move || {
        let vals = values.get();
        let th = thresholds.get();
        let max_bp = vals
            .iter()
            .filter_map(|b| b.value.map(|v| v.0))
            .chain(th.iter().map(|b| b.0 + 200))
            .max()
            .unwrap_or(1200)
            .max(100);
        // In whole units of the viewBox (a pixel at most off): no float formatting.
        // On a phone the viewBox is about the screen's width, so its text is drawn
        // at its own size (12 px and up), and the thresholds say only their score.
        let narrow = state.narrow.get();
        let (view_width, left, width, bar_h, gap) =
            if narrow { (360_i64, 104_i64, 196_i64, 20_i64, 8_i64) } else { (760, 150, 520, 18, 8) };
        let height = vals.len() as i64 * (bar_h + gap) + 40;
        let x = move |bp: i64| left + width * bp.max(0) / max_bp;
        let bars = vals
            .iter()
            .enumerate()
            .map(|(i, Bar { name, value: v, score })| {
                let y = 10 + i as i64 * (bar_h + gap);
                let label = v.map(|b| percent_sign(state, b)).unwrap_or_else(|| "-".into());
                let w = v.map(|b| x(b.0) - left).unwrap_or(0);
                let score = score.unwrap_or(0);
                view! {
                    <g data-district=name.clone() data-score=score.to_string()>
                        <text x=left - 6 y=y + 13 text-anchor="end" class="chart-label">{name.clone()}</text>
                        <rect x=left y=y width=w height=bar_h class=format!("bar s{score}") />
                        <text x=left + w + 4 y=y + 13 class="chart-value">{label}</text>
                    </g>
                }
            })
            .collect_view();
        let lines = th
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let lx = x(t.0);
                let ty = if i % 2 == 0 { height - 4 } else { height - 14 };
                let label =
                    if narrow { format!("({})", i + 2) } else { format!("{} ({})", percent_sign(state, *t), i + 2) };
                view! {
                    <g class="threshold">
                        <line x1=lx x2=lx y1=4 y2=height - 28 />
                        <text x=lx y=ty text-anchor="middle">{label}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <svg viewBox=format!("0 0 {view_width} {height}") role="img" class="chart" aria-label=title>
                {bars}{lines}
            </svg>
        }
    };
    let legend = move || legend_text(state, thresholds.get());
    view! {
        <figure class="chart-box">
            <figcaption>{title}</figcaption>
            {chart}
            <p class="chart-legend">{legend}</p>
        </figure>
    }
}
