//! Settings: every preset figure editable in place, the thresholds, sales typed
//! by hand, import and export of the preset (JSON), import of the letter's target
//! tables, reset to the built-in preset, and clearing everything kept. Every
//! change goes through a [`Session`] method.

use super::browser::{clear_saved, files_of};
use super::i18n::{label, t, tr};
use super::{forget_file, read_targets, State, KEY_PREFIX};
use leptos::prelude::*;
use leptos::task::spawn_local;
use otop_engine::display::{self, Lang};
use otop_engine::imported::file::FileKind;
use otop_engine::issue::preset::Figure;
use otop_engine::label::Label;
use otop_engine::preset::Preset;
use otop_protocol::{Outcome, Write};
use otop_session::Session;
use wasm_bindgen::JsCast;

fn first_file(ev: &leptos::ev::Event) -> Option<(web_sys::HtmlInputElement, web_sys::File)> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = files_of(input.files()).into_iter().next()?;
    Some((input, file))
}

/// One editable figure of district `index`.
#[component]
fn FigureCell(index: usize, figure: Figure, label_th: &'static str, label_en: &'static str) -> impl IntoView {
    let state = expect_context::<State>();
    let shown = move || {
        state.preset.with(|p| {
            p.districts.get(index).map(|d| match figure {
                Figure::Entrepreneurs => display::count(d.entrepreneurs),
                Figure::Products => display::count(d.products),
                Figure::Base => display::baht(d.base),
            })
        })
    };
    let mode = if figure == Figure::Base { "decimal" } else { "numeric" };
    view! {
        <td><input type="text" inputmode=mode class="num"
            aria-label=move || tr(state.lang.get(), label_th, label_en)
            prop:value=move || shown().unwrap_or_default()
            on:change=move |ev| {
                let v = event_target_value(&ev);
                state.session.update(|s| s.set_figure(index, figure, &v));
            } /></td>
    }
}

#[component]
fn DistrictRow(index: usize) -> impl IntoView {
    let state = expect_context::<State>();
    let name = move || state.preset.with(|p| p.districts.get(index).map(|d| d.name.clone())).unwrap_or_default();
    let typed = move || {
        let n = name();
        state.session.with(|s| s.typed_sales.iter().find(|(k, _)| *k == n).map(|(_, a)| display::baht(*a)))
    };
    let label = move |th: &'static str, en: &'static str| move || tr(state.lang.get(), th, en);
    view! {
        <tr>
            <td><input type="text" aria-label=label("ชื่ออำเภอ", "District name") prop:value=name
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    state.session.update(|s| s.rename_district(index, &v));
                } /></td>
            <FigureCell index figure=Figure::Entrepreneurs label_th="จำนวนผู้ประกอบการ" label_en="Entrepreneurs" />
            <FigureCell index figure=Figure::Products label_th="จำนวนผลิตภัณฑ์" label_en="Products" />
            <FigureCell index figure=Figure::Base label_th="ฐานยอดจำหน่าย" label_en="Base sales" />
            <td><input type="text" inputmode="decimal" class="num" data-testid="typed-sales"
                aria-label=label("ยอดจำหน่ายที่พิมพ์เอง", "Sales typed by hand")
                prop:value=move || typed().unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let n = name();
                    state.session.update(|s| s.type_sales(&n, &v));
                } /></td>
            <td><button type="button" class="remove" aria-label=label("ลบอำเภอนี้", "Remove this district")
                on:click=move |_| state.session.update(|s| s.remove_district(index))>"×"</button></td>
        </tr>
    }
}

#[component]
fn Thresholds(kpi: u8) -> impl IntoView {
    let state = expect_context::<State>();
    let cols = move || state.preset.with(|p| if kpi == 1 { p.kpi1.columns() } else { p.kpi2.columns() });
    let inputs = (0..5)
        .map(|i| {
            let label = move || {
                let l = state.lang.get();
                if i == 0 {
                    tr(
                        l,
                        "ร้อยละของเป้าหมาย 1 คะแนน (ใช้ในตารางเป้าหมาย)",
                        "Percent for the score-1 target (target table only)",
                    )
                } else {
                    tr(l, &format!("{} คะแนน ≥ %", i + 1), &format!("score {} at ≥ %", i + 1))
                }
            };
            view! {
                <label>{label}
                    <input type="text" inputmode="decimal" class="num" prop:value=move || threshold_text(&cols(), i)
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            state.session.update(|s| s.set_threshold(kpi, i, &v));
                        } />
                </label>
            }
        })
        .collect_view();
    let legend = move || tr(state.lang.get(), &format!("เกณฑ์ตัวชี้วัดที่ {kpi}"), &format!("KPI {kpi} thresholds"));
    view! { <fieldset class="thresholds"><legend>{legend}</legend>{inputs}</fieldset> }
}

/// A text field of the preset's heading (province, fiscal year, round).
#[component]
fn HeadingField(
    testid: &'static str,
    label_th: &'static str,
    label_en: &'static str,
    get: fn(&Preset) -> String,
    set: fn(&mut Session, &str),
) -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <label>{move || tr(state.lang.get(), label_th, label_en)}
            <input type="text" data-testid=testid prop:value=move || state.preset.with(get)
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    state.session.update(|s| set(s, &v));
                } />
        </label>
    }
}

/// A preset file, read in the worker (whose JSON reader keeps baht exact).
fn import_preset_file(state: State, ev: &leptos::ev::Event) {
    let Some((input, file)) = first_file(ev) else { return };
    input.set_value("");
    let Some(request) = state.session.try_update_untracked(|s| s.preset_request(&file.name())) else { return };
    spawn_local(async move {
        if let Outcome::Preset(preset, issues) = super::worker_client::read(request, file).await.outcome {
            state.session.update(|s| s.import_preset(preset, issues));
        }
    });
}

#[component]
pub fn Settings() -> impl IntoView {
    let state = expect_context::<State>();
    let rows =
        move || (0..state.preset.with(|p| p.districts.len())).map(|i| view! { <DistrictRow index=i /> }).collect_view();
    let import_preset = move |ev: leptos::ev::Event| import_preset_file(state, &ev);
    let import_targets = move |ev: leptos::ev::Event| {
        let Some((input, file)) = first_file(&ev) else { return };
        read_targets(state, file);
        input.set_value("");
    };
    // Written as JSON in the worker, as every download is.
    let export_note = RwSignal::new(None::<(String, String)>);
    let export_preset = move |_| {
        let name =
            state.preset.with_untracked(|p| format!("preset-{}-{}-r{}.json", p.province, p.fiscal_year, p.round));
        super::downloads::write_file(state, name, Write::Preset, export_note);
    };
    let clear_all = move |_| {
        clear_saved(KEY_PREFIX);
        for kind in [FileKind::Report, FileKind::Round1, FileKind::Sales] {
            let names: Vec<String> =
                state.session.with_untracked(|s| s.slots(kind).iter().map(|f| f.name.clone()).collect());
            for name in names {
                forget_file(kind, &name);
            }
        }
        state.session.update(Session::clear);
        state.thai_digits.set(false);
        state.lang.set(Lang::Th);
        clear_saved(KEY_PREFIX);
    };
    let summary =
        t("ตั้งค่า: จังหวัด อำเภอ เป้าหมาย และยอดจำหน่ายที่พิมพ์เอง", "Settings: province, districts, thresholds and typed sales");
    view! {
        <details class="settings no-print" data-testid="settings">
            <summary>{summary}</summary>
            <div class="preset-head">
                <HeadingField testid="preset-province" label_th="จังหวัด" label_en="Province"
                    get=|p| p.province.clone() set=|s, v| s.set_heading(Some(v), None, None) />
                <HeadingField testid="preset-year" label_th="ปีงบประมาณ (พ.ศ.)" label_en="Fiscal year (B.E.)"
                    get=|p| p.fiscal_year.to_string() set=|s, v| s.set_heading(None, Some(v), None) />
                <HeadingField testid="preset-round" label_th="รอบที่" label_en="Round"
                    get=|p| p.round.to_string() set=|s, v| s.set_heading(None, None, Some(v)) />
                <HeadingField testid="window-start" label_th="ช่วงประเมิน: เดือนแรก" label_en="Evaluated from"
                    get=|p| otop_engine::display::month(p.window.start.year, p.window.start.month, Lang::Th)
                    set=|s, v| s.set_window_month(true, v) />
                <HeadingField testid="window-end" label_th="ถึงเดือน" label_en="to"
                    get=|p| otop_engine::display::month(p.window.end.year, p.window.end.month, Lang::Th)
                    set=|s, v| s.set_window_month(false, v) />
                <HeadingField testid="deadline" label_th="กำหนดส่งรายงาน" label_en="Reports due"
                    get=|p| p.deadline.map(|d| otop_engine::display::day(d, Lang::Th)).unwrap_or_default()
                    set=|s, v| s.set_deadline(v) />
            </div>
            <table class="districts-edit">
                <thead><tr>
                    <th scope="col">{label(Label::District)}</th>
                    <th scope="col">{label(Label::Entrepreneurs)}</th>
                    <th scope="col">{label(Label::RegisteredProducts)}</th>
                    <th scope="col">{t("ยอดจำหน่ายปีฐาน (บาท)", "Base-year sales (baht)")}</th>
                    <th scope="col">{t("ยอดจำหน่ายปีประเมินที่พิมพ์เอง (บาท)", "Sales typed by hand (baht)")}</th>
                    <th scope="col"></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <button type="button" on:click=move |_| state.session.update(Session::add_district)>
                {t("+ เพิ่มอำเภอ", "+ Add a district")}
            </button>
            <div class="threshold-row"><Thresholds kpi=1 /><Thresholds kpi=2 /></div>
            <div class="buttons">
                <label class="button">{t("เปิดไฟล์การตั้งค่าที่บันทึกไว้", "Open a saved settings file")}
                    <input type="file" accept=".json,application/json" data-testid="preset-file" class="file-input"
                        on:change=import_preset />
                </label>
                <label class="button">
                    {t("นำเข้าตารางค่าเป้าหมาย (Excel ตามหนังสือ)", "Import the target tables (the letter's Excel)")}
                    <input type="file" accept=otop_engine::imported::file::picker_accept()
                        data-testid="targets-file" class="file-input"
                        on:change=import_targets />
                </label>
                <button type="button" data-testid="export-preset" on:click=export_preset>
                    {t("บันทึกการตั้งค่าเป็นไฟล์", "Save the settings as a file")}
                </button>
                {move || {
                    let note = export_note.get().map(|(th, en)| tr(state.lang.get(), &th, &en));
                    note.map(|n| view! { <span class="note" role="alert">{n}</span> })
                }}
                <button type="button" data-testid="reset-preset"
                    on:click=move |_| state.session.update(Session::reset_preset)>
                    {t(
                        "กลับไปใช้ค่าที่มากับโปรแกรม (สระแก้ว 2564 รอบที่ 2)",
                        "Reset to the built-in settings (Sa Kaeo 2564, round 2)",
                    )}
                </button>
                <button type="button" class="danger" data-testid="clear-all" on:click=clear_all>
                    {t("ล้างข้อมูลทั้งหมดที่เก็บไว้ในเบราว์เซอร์", "Clear everything kept in this browser")}
                </button>
            </div>
        </details>
    }
}

/// Column `i` of a KPI's thresholds as the settings show it.
fn threshold_text(cols: &[otop_engine::money::BasisPoints], i: usize) -> String {
    cols.get(i).map(ToString::to_string).unwrap_or_default()
}
