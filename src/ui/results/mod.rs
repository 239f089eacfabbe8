//! Results: the province cards ([`cards`]), the district tables of both KPIs with
//! the SPEC §8 hooks ([`tables`]), bar charts with the threshold lines
//! ([`chart`]), and the readiness summary ([`readiness`]).

mod cards;
mod chart;
mod map;

pub use map::{pending as map_pending, prefetch as prefetch_map};
mod provinces;
mod readiness;
mod tables;
mod targets;

use super::i18n::{label, say, tr};
use super::State;
use leptos::prelude::*;
use otop_model::display::Lang;
use otop_model::label::{sentence, Label};
use otop_model::preset::{MarkOnly, ScoringRule};

/// Both scores, when the two scoring rules give different ones.
fn rule_note(lang: Lang, by_table: u8, by_percent: u8) -> Option<String> {
    (by_table != by_percent).then(|| sentence::rules_differ(lang, by_table, by_percent))
}

#[component]
fn Controls() -> impl IntoView {
    let state = expect_context::<State>();
    let survey = label(Label::SurveyDoneCheckbox);
    // In print, the settings as text, not the controls themselves.
    let printed = move || {
        let lang = state.lang.get();
        let (rule, survey, mark) = state.preset.with(|p| (p.rule, p.survey_done, p.mark_only));
        let rule = match rule {
            ScoringRule::Table => say(lang, Label::RuleByTable),
            ScoringRule::Percent => say(lang, Label::RuleByPercent),
        };
        let survey = match survey {
            true => say(lang, Label::SurveyDone),
            false => say(lang, Label::SurveyNotYet),
        };
        let mark = match mark {
            MarkOnly::Warn => say(lang, Label::MarkOnlyWarn),
            MarkOnly::Count => say(lang, Label::MarkOnlyCount),
            MarkOnly::Exclude => say(lang, Label::MarkOnlyExclude),
        };
        sentence::printed_settings(lang, rule, survey, mark)
    };
    view! {
        <p class="print-only settings-text" data-testid="settings-text">{printed}</p>
        <div class="controls no-print">
            <label class="toggle">
                <input type="checkbox" data-testid="survey-done"
                    prop:checked=move || state.preset.with(|p| p.survey_done)
                    on:change=move |ev| {
                        let v = event_target_checked(&ev);
                        state.session.update(|s| s.set_survey_done(v));
                    } />
                {survey}
            </label>
            <label class="select">
                {label(Label::ScoringRule)}
                <select data-testid="scoring-rule"
                    prop:value=move || state.preset.with(|p| p.rule.as_str())
                    on:change=move |ev| {
                        if let Some(r) = ScoringRule::parse(&event_target_value(&ev)) {
                            state.session.update(|s| s.set_rule(r));
                        }
                    }>
                    <option value="table">
                        {label(Label::RuleOptionTable)}
                    </option>
                    <option value="percent">{label(Label::RuleOptionPercent)}</option>
                </select>
            </label>
            <label class="select">
                {label(Label::MarkOnlySetting)}
                <select data-testid="mark-only"
                    prop:value=move || state.preset.with(|p| p.mark_only.as_str())
                    on:change=move |ev| {
                        if let Some(m) = MarkOnly::parse(&event_target_value(&ev)) {
                            state.session.update(|s| s.set_mark_only(m));
                        }
                    }>
                    <option value="warn">{label(Label::MarkOnlyOptionWarn)}</option>
                    <option value="count">{label(Label::MarkOnlyOptionCount)}</option>
                    <option value="exclude">{label(Label::MarkOnlyOptionExclude)}</option>
                </select>
            </label>
        </div>
    }
}

/// What the page shows before any report is read: what to drop, and why.
#[component]
fn EmptyState() -> impl IntoView {
    view! {
        <div class="empty-state" data-testid="empty-state" role="note">
            <h3>{label(Label::StartWithReports)}</h3>
            <ol>
                <li>{label(Label::ReportsTip)}</li>
                <li>{label(Label::Round1Tip)}</li>
                <li>{label(Label::SalesTip)}</li>
            </ol>
            <p class="muted">{label(Label::PrivacyNote)}</p>
        </div>
    }
}

/// Once dropped files are read and scored: the writing worker starts, for the
/// downloads, and the results come into view (the file list is above them):
/// the cards and both tables fit a 1366×768 screen.
fn on_results_ready(state: State) {
    let busy = state.busy();
    if !busy && state.reports_read.get() {
        crate::ui::worker_client::start_writer();
    }
    if !busy && state.dropped.try_update_value(std::mem::take).unwrap_or(false) {
        let doc = web_sys::window().and_then(|w| w.document());
        if let Some(cards) = doc.and_then(|d| d.query_selector(".results .cards").ok().flatten()) {
            cards.scroll_into_view();
        }
    }
}

#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<State>();
    Effect::new(move |_| on_results_ready(state));
    let kpi1_values = Signal::derive(move || {
        state.analysis.with(|a| {
            let e = &a.evaluation;
            let rows = e.districts.iter().chain(std::iter::once(&e.province));
            rows.map(|r| chart::Bar {
                name: r.district.clone(),
                value: Some(r.kpi1.percent),
                score: Some(r.kpi1.score(e.rule)),
            })
            .collect()
        })
    });
    let kpi2_values = Signal::derive(move || {
        state.analysis.with(|a| {
            let e = &a.evaluation;
            let rows = e.districts.iter().chain(std::iter::once(&e.province));
            rows.map(|r| chart::Bar {
                name: r.district.clone(),
                value: r.kpi2.as_ref().map(|k| k.growth),
                score: r.kpi2.as_ref().map(|k| k.score(e.rule)),
            })
            .collect()
        })
    });
    let t1 = Signal::derive(move || state.preset.with(|p| p.kpi1.levels));
    let t2 = Signal::derive(move || state.preset.with(|p| p.kpi2.levels));
    let outliers = move || {
        let l = state.lang.get();
        state.analysis.with(|a| {
            a.issues
                .iter()
                .filter(|i| i.code.is_outlier())
                .map(|i| view! { <p class="outlier" role="note">"⚠ "{tr(l, &i.message_th, &i.message_en)}</p> })
                .collect_view()
        })
    };
    view! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title">{label(Label::Results)}</h2>
            // The issues, one click away from the results.
            {move || {
                let n = state.issues.with(Vec::len);
                (n > 0).then(|| {
                    let text = sentence::issues_below(state.lang.get(), n);
                    view! { <a class="to-issues no-print" href="#issues-title" data-testid="to-issues">{text}</a> }
                })
            }}
            // A run opened from a link is read-only: its rule and survey are the link's.
            <Show when=move || state.shared.with(Option::is_none)>
                <Controls />
            </Show>
            <provinces::ProvincesTable />
            <Show when=move || !state.reports_read.get()>
                <EmptyState />
            </Show>
            <cards::ProvinceCards />
            <cards::ProvinceChange />
            // Both tables side by side on a wide screen (in view with the cards after a drop); charts below.
            <div class="tables">
                <tables::Kpi1Table />
                <tables::Kpi2Table />
                <Show when=move || state.reports_read.get()>
                    <chart::BarChart values=kpi1_values thresholds=t1
                        title=Label::Kpi1ChartTitle />
                </Show>
                // No chart of growth until there are sales.
                <Show when=move || state.analysis.with(|a| a.evaluation.province.kpi2.is_some())>
                    <chart::BarChart values=kpi2_values thresholds=t2
                        title=Label::Kpi2ChartTitle />
                </Show>
            </div>
            <map::ScoreMap level=map::Level::Districts />
            // Figures far from the others' (under the tables, which they are about).
            {outliers}
            <targets::TargetTablesView />
            <readiness::Readiness />
        </section>
    }
}
