//! Results: the province cards ([`cards`]), the district tables of both KPIs with
//! the SPEC §8 hooks ([`tables`]), bar charts with the threshold lines
//! ([`chart`]), and the readiness summary ([`readiness`]).

mod cards;
mod chart;
mod map;

pub use map::pending as map_pending;
mod provinces;
mod readiness;
mod tables;
mod targets;

use super::i18n::{t, tr};
use super::State;
use leptos::prelude::*;
use otop_engine::display::Lang;
use otop_engine::preset::{MarkOnly, ScoringRule};

/// Both scores, when the two scoring rules give different ones.
fn rule_note(lang: Lang, by_table: u8, by_percent: u8) -> Option<String> {
    (by_table != by_percent).then(|| {
        tr(
            lang,
            &format!("ตามตาราง {by_table} · ตามร้อยละ {by_percent}"),
            &format!("by table {by_table} · by percent {by_percent}"),
        )
    })
}

#[component]
fn Controls() -> impl IntoView {
    let state = expect_context::<State>();
    let survey = t(
        "จังหวัดมีรายงานการสำรวจความพร้อมของผู้ประกอบการ/ผลิตภัณฑ์แล้ว (จำเป็นสำหรับ 5 คะแนน)",
        "The province has its readiness survey report (needed for score 5)",
    );
    // In print, the settings as text, not the controls themselves.
    let printed = move || {
        let lang = state.lang.get();
        let (rule, survey, mark) = state.preset.with(|p| (p.rule, p.survey_done, p.mark_only));
        let rule = match rule {
            ScoringRule::Table => tr(lang, "ตามตารางเป้าหมาย", "by the published target table"),
            ScoringRule::Percent => tr(lang, "ตามร้อยละอย่างเคร่งครัด", "by strict percentage"),
        };
        let survey = match survey {
            true => tr(lang, "มีแล้ว", "done"),
            false => tr(lang, "ยังไม่มี", "not yet"),
        };
        let mark = match mark {
            MarkOnly::Warn => tr(lang, "นับ และแจ้งเตือน", "counted, with a warning"),
            MarkOnly::Count => tr(lang, "นับ", "counted"),
            MarkOnly::Exclude => tr(lang, "ไม่นับ", "not counted"),
        };
        tr(
            lang,
            &format!("เกณฑ์การให้คะแนน: {rule} · รายงานการสำรวจความพร้อม: {survey} · ช่องทางที่มีเพียงเครื่องหมาย: {mark}"),
            &format!("Scoring rule: {rule} · Readiness survey report: {survey} · Channels with only a mark: {mark}"),
        )
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
                {t("เกณฑ์การให้คะแนน", "Scoring rule")}
                <select data-testid="scoring-rule"
                    prop:value=move || state.preset.with(|p| p.rule.as_str())
                    on:change=move |ev| {
                        if let Some(r) = ScoringRule::parse(&event_target_value(&ev)) {
                            state.session.update(|s| s.set_rule(r));
                        }
                    }>
                    <option value="table">
                        {t("ตามตารางเป้าหมาย (ค่าเริ่มต้น)", "By the published target table (default)")}
                    </option>
                    <option value="percent">{t("ตามร้อยละอย่างเคร่งครัด", "By strict percentage")}</option>
                </select>
            </label>
            <label class="select">
                {t(
                    "ช่องทางออนไลน์ที่มีเพียงเครื่องหมาย (✓ หรือ 1) ไม่มีชื่อเพจ ลิงก์ หรือ ID",
                    "Channel cells with only a mark (✓ or 1), no page name, link or ID",
                )}
                <select data-testid="mark-only"
                    prop:value=move || state.preset.with(|p| p.mark_only.as_str())
                    on:change=move |ev| {
                        if let Some(m) = MarkOnly::parse(&event_target_value(&ev)) {
                            state.session.update(|s| s.set_mark_only(m));
                        }
                    }>
                    <option value="warn">{t("นับ และแจ้งเตือน (ค่าเริ่มต้น)", "Count, with a warning (default)")}</option>
                    <option value="count">{t("นับ โดยไม่แจ้งเตือน", "Count, without a warning")}</option>
                    <option value="exclude">{t("ไม่นับ", "Do not count")}</option>
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
            <h3>{t(
                "ยังไม่มีคะแนน — เริ่มจากวางไฟล์รายงานของอำเภอ",
                "No scores yet: start by dropping the districts' reports",
            )}</h3>
            <ol>
                <li>{t(
                    "วางไฟล์แบบรายงานผลการส่งเสริมผลิตภัณฑ์ OTOP ในตลาดออนไลน์ที่อำเภอส่งมา (ไฟล์ Excel ไฟล์ใดก็ได้ \
                     หลายไฟล์พร้อมกันได้) ที่ช่องแรกด้านบน: หน้านี้จะนับผลิตภัณฑ์ที่จำหน่ายออนไลน์ของแต่ละอำเภอ \
                     และคิดคะแนนตัวชี้วัดที่ 1 ตามตารางเป้าหมายของหนังสือ",
                    "Drop the online-market report forms the districts sent (any Excel file, several at once) on the \
                     first box above: the page counts each district's products sold online and scores KPI 1 against \
                     the letter's target table",
                )}</li>
                <li>{t(
                    "วางรายงานรอบที่ 1 (ถ้ามี) เพื่อไม่นับผลิตภัณฑ์ที่รายงานไปแล้วซ้ำ",
                    "Drop the round-1 report (if you have it) so products already reported are not counted again",
                )}</li>
                <li>{t(
                    "วางไฟล์ยอดจำหน่าย (รต.1) หรือพิมพ์ยอดในส่วนตั้งค่า เพื่อคิดคะแนนตัวชี้วัดที่ 2",
                    "Drop the sales file (รต.1), or type the figures in the settings, to score KPI 2",
                )}</li>
            </ol>
            <p class="muted">{t(
                "ไฟล์ทั้งหมดอ่านในเบราว์เซอร์นี้เท่านั้น ไม่มีการส่งข้อมูลออกไป",
                "Every file is read in this browser only; nothing is sent anywhere",
            )}</p>
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
    if !busy && crate::ui::inputs::take_dropped() {
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
            <h2 id="results-title">{t("ผลตัวชี้วัด", "Results")}</h2>
            // The issues, one click away from the results.
            {move || {
                let n = state.issues.with(Vec::len);
                (n > 0).then(|| {
                    let text = tr(state.lang.get(), &format!("ปัญหาที่พบ {n} รายการ ↓"), &format!("{n} issues found ↓"));
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
                        title_th="ร้อยละผลิตภัณฑ์ที่จำหน่ายออนไลน์ และเกณฑ์คะแนน"
                        title_en="Share of products online, with the score thresholds" />
                </Show>
                // No chart of growth until there are sales.
                <Show when=move || state.analysis.with(|a| a.evaluation.province.kpi2.is_some())>
                    <chart::BarChart values=kpi2_values thresholds=t2
                        title_th="ร้อยละยอดจำหน่ายที่เพิ่มขึ้น และเกณฑ์คะแนน"
                        title_en="Sales growth, with the score thresholds" />
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
