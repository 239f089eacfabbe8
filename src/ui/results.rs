//! Results: the province cards, the district tables of both KPIs (with the SPEC
//! §8 hooks), bar charts with the threshold lines, and the readiness summary.

use super::i18n::{baht, count, digits, percent, t, tr};
use super::State;
use leptos::prelude::*;
use otop_kpi::display::Lang;
use otop_kpi::evaluation::Row;
use otop_kpi::import::header::Key;
use otop_kpi::money::{BasisPoints, Satang};
use otop_kpi::preset::ScoringRule;
use otop_kpi::scoring::Next;

/// A cell with the SPEC §8 hook: `data-col` and the plain value in `data-value`.
fn cell(col: &'static str, plain: String, shown: String) -> impl IntoView {
    view! { <td data-col=col data-value=plain class="num">{shown}</td> }
}

/// The next score's target and the amount still needed, when there is a next score.
fn next_pair<T: Copy>(n: Next<T>) -> (Option<T>, Option<T>) {
    match n {
        Next::More { target, needed, .. } => (Some(target), Some(needed)),
        _ => (None, None),
    }
}

fn plain<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

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
    view! {
        <div class="controls">
            <label class="toggle">
                <input type="checkbox" data-testid="survey-done"
                    prop:checked=move || state.preset.with(|p| p.survey_done)
                    on:change=move |ev| { let v = event_target_checked(&ev); state.session.update(|s| s.set_survey_done(v)); } />
                {t("จังหวัดมีรายงานการสำรวจความพร้อมของผู้ประกอบการ/ผลิตภัณฑ์แล้ว (จำเป็นสำหรับ 5 คะแนน)", "The province has its readiness survey report (needed for score 5)")}
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
                    <option value="table">{t("ตามตารางเป้าหมาย (ค่าเริ่มต้น)", "By the published target table (default)")}</option>
                    <option value="percent">{t("ตามร้อยละอย่างเคร่งครัด", "By strict percentage")}</option>
                </select>
            </label>
        </div>
    }
}

#[component]
fn ProvinceCards() -> impl IntoView {
    let state = expect_context::<State>();
    let lang = move || state.lang.get();
    let kpi1 = move || {
        let a = state.analysis.get();
        let rule = a.evaluation.rule;
        let k = a.evaluation.province.kpi1.clone();
        let l = lang();
        let next = match k.next(rule) {
            Next::More { score, target, needed } => tr(
                l,
                &format!("อีก {} ผลิตภัณฑ์ ถึง {score} คะแนน (เป้าหมาย {})", count(state, needed), count(state, target)),
                &format!(
                    "{} more products reach score {score} (target {})",
                    count(state, needed),
                    count(state, target)
                ),
            ),
            Next::Survey => tr(
                l,
                "ถึงเกณฑ์ 5 คะแนนแล้ว — ต้องมีรายงานการสำรวจความพร้อม",
                "The count reaches score 5: the readiness survey report is still needed",
            ),
            Next::Top => tr(l, "ได้คะแนนสูงสุดแล้ว", "Top score reached"),
        };
        view! {
            <div class="card" data-testid="card-kpi1">
                <h3>{tr(l, "ตัวชี้วัดที่ 1 · ผลิตภัณฑ์ OTOP ในตลาดออนไลน์", "KPI 1 · OTOP products online")}</h3>
                <p class="score" data-value=k.score(rule).to_string()>{digits(state, k.score(rule).to_string())}<small>{tr(l, " คะแนน", " / 5")}</small></p>
                <p class="value">{format!("{} / {} · {}", count(state, k.online), count(state, k.products), percent(state, k.percent))}</p>
                <p class="next">{next}</p>
                {rule_note(l, k.by_table, k.by_percent).map(|n| view! { <p class="rule-note">{tr(l, "เกณฑ์ทั้งสองให้ผลต่างกัน: ", "The two rules differ: ")}{n}</p> })}
            </div>
        }
    };
    let kpi2 = move || {
        let a = state.analysis.get();
        let rule = a.evaluation.rule;
        let l = lang();
        let Some(k) = a.evaluation.province.kpi2.clone() else {
            return view! {
                <div class="card muted" data-testid="card-kpi2">
                    <h3>{tr(l, "ตัวชี้วัดที่ 2 · รายได้จากการจำหน่าย", "KPI 2 · OTOP sales revenue")}</h3>
                    <p class="value">{tr(l, "ยังไม่มียอดจำหน่าย — วางไฟล์ยอดจำหน่าย หรือพิมพ์ยอดในส่วนตั้งค่า", "No sales yet: drop a sales file or type the figures in the settings")}</p>
                </div>
            }
            .into_any();
        };
        let next = match k.next(rule) {
            Next::More { score, target, needed } => tr(
                l,
                &format!("อีก {} บาท ถึง {score} คะแนน (เป้าหมาย {} บาท)", baht(state, needed), baht(state, target)),
                &format!("{} baht more reach score {score} (target {} baht)", baht(state, needed), baht(state, target)),
            ),
            _ => tr(l, "ได้คะแนนสูงสุดแล้ว", "Top score reached"),
        };
        view! {
            <div class="card" data-testid="card-kpi2">
                <h3>{tr(l, "ตัวชี้วัดที่ 2 · รายได้จากการจำหน่าย", "KPI 2 · OTOP sales revenue")}</h3>
                <p class="score" data-value=k.score(rule).to_string()>{digits(state, k.score(rule).to_string())}<small>{tr(l, " คะแนน", " / 5")}</small></p>
                <p class="value">{format!("{} → {} {} · {}", baht(state, k.base), baht(state, k.sales), tr(l, "บาท", "baht"), percent(state, k.growth))}</p>
                <p class="next">{next}</p>
                {rule_note(l, k.by_table, k.by_percent).map(|n| view! { <p class="rule-note">{tr(l, "เกณฑ์ทั้งสองให้ผลต่างกัน: ", "The two rules differ: ")}{n}</p> })}
            </div>
        }
        .into_any()
    };
    view! { <div class="cards">{kpi1}{kpi2}</div> }
}

/// Sorting of a district table: the column and the direction.
#[derive(Clone, Copy, PartialEq)]
struct Sort {
    col: usize,
    desc: bool,
}

/// The table's body: the districts in the chosen order (column 0 sorts by name,
/// the others by `key`), then the province row, each drawn by `row_view`.
fn table_body(
    a: &otop_kpi::analysis::Analysis,
    sort: Option<Sort>,
    key: impl Fn(&Row, usize) -> i128,
    row_view: impl Fn(Row, String) -> AnyView,
) -> Vec<AnyView> {
    let mut rows = a.evaluation.districts.clone();
    if let Some(s) = sort {
        rows.sort_by(|a, b| {
            let o = if s.col == 0 { a.district.cmp(&b.district) } else { key(a, s.col).cmp(&key(b, s.col)) };
            if s.desc {
                o.reverse()
            } else {
                o
            }
        });
    }
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
fn SortHeader(sort: RwSignal<Option<Sort>>, col: usize, th: &'static str, en: &'static str) -> impl IntoView {
    let state = expect_context::<State>();
    let aria = move || match sort.get() {
        Some(s) if s.col == col => {
            if s.desc {
                "descending"
            } else {
                "ascending"
            }
        }
        _ => "none",
    };
    view! {
        <th scope="col" aria-sort=aria>
            <button type="button" class="sort" on:click=move |_| sort.update(|s| *s = Some(Sort { col, desc: s.is_some_and(|s| s.col == col && !s.desc) }))>
                {move || tr(state.lang.get(), th, en)}
            </button>
        </th>
    }
}

#[component]
fn Kpi1Table() -> impl IntoView {
    let state = expect_context::<State>();
    let sort = RwSignal::new(None::<Sort>);
    let row_view = move |r: Row, key: String, rule: ScoringRule, lang: Lang| {
        let k = &r.kpi1;
        let (target, gap) = next_pair(k.next(rule));
        let note = rule_note(lang, k.by_table, k.by_percent);
        let differ = note.is_some();
        let is_province = key == "province";
        let survey = matches!(k.next(rule), Next::Survey);
        view! {
            <tr class:province=is_province data-district=key class:differ=differ>
                <th scope="row">{r.district.clone()}</th>
                {cell("products", k.products.to_string(), count(state, k.products))}
                {cell("online", k.online.to_string(), count(state, k.online))}
                {cell("percent", k.percent.to_string(), percent(state, k.percent))}
                <td data-col="score" data-value=k.score(rule).to_string() class="num score-cell">
                    <span class=format!("badge s{}", k.score(rule))>{digits(state, k.score(rule).to_string())}</span>
                    {note.map(|n| view! { <span class="rule-note">{n}</span> })}
                </td>
                {cell("target-next", plain(target), target.map(|n| count(state, n)).unwrap_or_else(|| "-".into()))}
                <td data-col="gap" data-value=plain(gap) class="num">
                    {if survey { tr(lang, "ต้องมีรายงานสำรวจ", "needs the survey") } else { gap.map(|n| count(state, n)).unwrap_or_else(|| "-".into()) }}
                </td>
            </tr>
        }
    };
    let body = move || {
        let a = state.analysis.get();
        let rule = a.evaluation.rule;
        let lang = state.lang.get();
        let key = |r: &Row, c: usize| match c {
            1 => r.kpi1.products as i128,
            2 => r.kpi1.online as i128,
            3 => r.kpi1.percent.0 as i128,
            4 => r.kpi1.score(rule) as i128,
            _ => 0,
        };
        table_body(&a, sort.get(), key, |r, k| row_view(r, k, rule, lang).into_any())
    };
    view! {
        <table class="kpi" data-testid="kpi1">
            <caption>{t("ตัวชี้วัดที่ 1 รายอำเภอ", "KPI 1 by district")}</caption>
            <thead><tr>
                <SortHeader sort col=0 th="อำเภอ" en="District" />
                <SortHeader sort col=1 th="ผลิตภัณฑ์ที่ลงทะเบียน" en="Registered products" />
                <SortHeader sort col=2 th="จำหน่ายออนไลน์" en="Sold online" />
                <SortHeader sort col=3 th="ร้อยละ" en="Percent" />
                <SortHeader sort col=4 th="คะแนน" en="Score" />
                <th scope="col">{t("เป้าหมายคะแนนถัดไป", "Next score's target")}</th>
                <th scope="col">{t("ต้องเพิ่มอีก", "Still needed")}</th>
            </tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}

#[component]
fn Kpi2Table() -> impl IntoView {
    let state = expect_context::<State>();
    let sort = RwSignal::new(None::<Sort>);
    let row_view = move |r: Row, key: String, rule: ScoringRule, lang: Lang| {
        let (sales, growth, score, target, gap, note) = match &r.kpi2 {
            Some(k) => {
                let (target, gap) = next_pair(k.next(rule));
                (
                    Some(k.sales),
                    Some(k.growth),
                    Some(k.score(rule)),
                    target,
                    gap,
                    rule_note(lang, k.by_table, k.by_percent),
                )
            }
            None => (None, None, None, None, None, None),
        };
        let differ = note.is_some();
        let is_province = key == "province";
        let money_shown = |v: Option<Satang>| v.map(|s| baht(state, s)).unwrap_or_else(|| "-".into());
        view! {
            <tr class:province=is_province data-district=key class:differ=differ>
                <th scope="row">{r.district.clone()}</th>
                {cell("base", r.base.to_string(), baht(state, r.base))}
                {cell("sales", plain(sales), sales.map(|s| baht(state, s)).unwrap_or_else(|| tr(lang, "ไม่มีข้อมูล", "no data")))}
                {cell("growth", plain(growth), growth.map(|g| percent(state, g)).unwrap_or_else(|| "-".into()))}
                <td data-col="score" data-value=plain(score) class="num score-cell">
                    {score.map(|s| view! { <span class=format!("badge s{s}")>{digits(state, s.to_string())}</span> })}
                    {note.map(|n| view! { <span class="rule-note">{n}</span> })}
                </td>
                {cell("target-next", plain(target), money_shown(target))}
                {cell("gap", plain(gap), money_shown(gap))}
            </tr>
        }
    };
    let body = move || {
        let a = state.analysis.get();
        let rule = a.evaluation.rule;
        let lang = state.lang.get();
        let key = |r: &Row, c: usize| match c {
            1 => r.base.0 as i128,
            2 => r.kpi2.as_ref().map_or(-1, |k| k.sales.0 as i128),
            3 => r.kpi2.as_ref().map_or(i128::MIN, |k| k.growth.0 as i128),
            4 => r.kpi2.as_ref().map_or(0, |k| k.score(rule) as i128),
            _ => 0,
        };
        table_body(&a, sort.get(), key, |r, k| row_view(r, k, rule, lang).into_any())
    };
    view! {
        <table class="kpi" data-testid="kpi2">
            <caption>{t("ตัวชี้วัดที่ 2 รายอำเภอ (บาท)", "KPI 2 by district (baht)")}</caption>
            <thead><tr>
                <SortHeader sort col=0 th="อำเภอ" en="District" />
                <SortHeader sort col=1 th="ฐาน เม.ย.–ก.ย. ปีก่อน" en="Base, Apr–Sep last year" />
                <SortHeader sort col=2 th="ยอดจำหน่าย เม.ย.–ก.ย." en="Sales Apr–Sep" />
                <SortHeader sort col=3 th="เพิ่มขึ้นร้อยละ" en="Growth" />
                <SortHeader sort col=4 th="คะแนน" en="Score" />
                <th scope="col">{t("เป้าหมายคะแนนถัดไป", "Next score's target")}</th>
                <th scope="col">{t("ต้องเพิ่มอีก", "Still needed")}</th>
            </tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}

/// A horizontal bar chart (inline SVG) of one percentage per district, with the
/// score thresholds as vertical lines.
#[component]
fn BarChart(
    title_th: &'static str,
    title_en: &'static str,
    values: Signal<Vec<(String, Option<BasisPoints>)>>,
    thresholds: Signal<[BasisPoints; 4]>,
) -> impl IntoView {
    let state = expect_context::<State>();
    let chart = move || {
        let vals = values.get();
        let th = thresholds.get();
        let max_bp = vals
            .iter()
            .filter_map(|(_, v)| v.map(|b| b.0))
            .chain(th.iter().map(|b| b.0 + 200))
            .max()
            .unwrap_or(1200)
            .max(100);
        let (left, width, bar_h, gap) = (150.0_f64, 520.0_f64, 18.0_f64, 8.0_f64);
        let height = vals.len() as f64 * (bar_h + gap) + 40.0;
        let x = move |bp: i64| left + width * (bp.max(0) as f64 / max_bp as f64);
        let bars = vals
            .iter()
            .enumerate()
            .map(|(i, (name, v))| {
                let y = 10.0 + i as f64 * (bar_h + gap);
                let label = v.map(|b| percent(state, b)).unwrap_or_else(|| "-".into());
                let w = v.map(|b| x(b.0) - left).unwrap_or(0.0);
                let reached = v.map(|b| th.iter().filter(|t| b >= **t).count()).unwrap_or(0);
                view! {
                    <g>
                        <text x=left - 6.0 y=y + 13.0 text-anchor="end" class="chart-label">{name.clone()}</text>
                        <rect x=left y=y width=w height=bar_h class=format!("bar s{}", reached + 1) />
                        <text x=left + w + 4.0 y=y + 13.0 class="chart-value">{label}</text>
                    </g>
                }
            })
            .collect_view();
        let lines = th
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let lx = x(t.0);
                view! {
                    <g class="threshold">
                        <line x1=lx x2=lx y1=4.0 y2=height - 28.0 />
                        <text x=lx y=if i % 2 == 0 { height - 4.0 } else { height - 14.0 } text-anchor="middle">{format!("{} ({})", percent(state, *t), i + 2)}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <svg viewBox=format!("0 0 760 {height}") role="img" class="chart" aria-label=move || tr(state.lang.get(), title_th, title_en)>
                {bars}{lines}
            </svg>
        }
    };
    view! {
        <figure class="chart-box">
            <figcaption>{move || tr(state.lang.get(), title_th, title_en)}</figcaption>
            {chart}
        </figure>
    }
}

#[component]
fn Readiness() -> impl IntoView {
    let state = expect_context::<State>();
    let rows = move || {
        let a = state.analysis.get();
        a.counted
            .readiness
            .iter()
            .map(|r| {
                let flags = (0..5)
                    .map(|k| view! { <td class="num">{format!("{} / {}", count(state, r.entrepreneurs_flagged[k]), count(state, r.products_flagged[k]))}</td> })
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
        let en = ["Trained online", "Already selling online", "Has a standard", "Star-rated", "Developed for online"];
        Key::FLAGS.iter().zip(en).map(|(k, e)| view! { <th scope="col">{tr(l, k.header_th(), e)}</th> }).collect_view()
    };
    view! {
        <details class="readiness">
            <summary>{t("สรุปความพร้อม (ผู้ประกอบการ / ผลิตภัณฑ์) — ฐานของรายงานการสำรวจ", "Readiness summary (entrepreneurs / products): the basis of the survey report")}</summary>
            <table class="kpi" data-testid="readiness">
                <thead><tr>
                    <th scope="col">{t("อำเภอ", "District")}</th>
                    <th scope="col">{t("ผู้ประกอบการ", "Entrepreneurs")}</th>
                    <th scope="col">{t("ผลิตภัณฑ์", "Products")}</th>
                    <th scope="col">{t("ออนไลน์", "Online")}</th>
                    {flag_heads}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}

#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<State>();
    let kpi1_values = Signal::derive(move || {
        state.analysis.with(|a| {
            a.evaluation
                .districts
                .iter()
                .chain(std::iter::once(&a.evaluation.province))
                .map(|r| (r.district.clone(), Some(r.kpi1.percent)))
                .collect()
        })
    });
    let kpi2_values = Signal::derive(move || {
        state.analysis.with(|a| {
            a.evaluation
                .districts
                .iter()
                .chain(std::iter::once(&a.evaluation.province))
                .map(|r| (r.district.clone(), r.kpi2.as_ref().map(|k| k.growth)))
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
            <Controls />
            <ProvinceCards />
            {outliers}
            <div class="tables">
                <Kpi1Table />
                <BarChart title_th="ร้อยละผลิตภัณฑ์ที่จำหน่ายออนไลน์ และเกณฑ์คะแนน" title_en="Share of products online, with the score thresholds" values=kpi1_values thresholds=t1 />
                <Kpi2Table />
                <BarChart title_th="ร้อยละยอดจำหน่ายที่เพิ่มขึ้น และเกณฑ์คะแนน" title_en="Sales growth, with the score thresholds" values=kpi2_values thresholds=t2 />
            </div>
            <Readiness />
        </section>
    }
}
