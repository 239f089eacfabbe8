//! Settings: every preset figure editable in place, the thresholds, sales typed
//! by hand, import and export of the preset (JSON), import of the letter's target
//! tables, reset to the built-in preset, and clearing everything kept. Every
//! change goes through a [`Session`] method.

use super::browser::{clear_saved, files_of};
use super::i18n::{label, say, tr};
use super::{read_targets, State, KEY_PREFIX};
use leptos::prelude::*;
use leptos::task::spawn_local;
use otop_model::display::{self, Lang};
use otop_model::issue::preset::Figure;
use otop_model::label::{sentence, Label};
use otop_model::preset::Preset;
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
fn FigureCell(index: usize, figure: Figure, label: Label) -> impl IntoView {
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
            aria-label=move || say(state.lang.get(), label)
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
    view! {
        <tr>
            <td><input type="text" aria-label=label(Label::DistrictName) prop:value=name
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    state.session.update(|s| s.rename_district(index, &v));
                } /></td>
            <FigureCell index figure=Figure::Entrepreneurs label=Label::EntrepreneurCount />
            <FigureCell index figure=Figure::Products label=Label::ProductCount />
            <FigureCell index figure=Figure::Base label=Label::BaseSalesFigure />
            <td><input type="text" inputmode="decimal" class="num" data-testid="typed-sales"
                aria-label=label(Label::SalesTypedByHand)
                prop:value=move || typed().unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let n = name();
                    state.session.update(|s| s.type_sales(&n, &v));
                } /></td>
            <td><button type="button" class="remove" aria-label=label(Label::RemoveThisDistrict)
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
                    say(l, Label::Score1Percent)
                } else {
                    sentence::score_at_least(l, i + 1)
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
    let legend = move || sentence::thresholds_of(state.lang.get(), kpi);
    view! { <fieldset class="thresholds"><legend>{legend}</legend>{inputs}</fieldset> }
}

/// A text field of the preset's heading (province, fiscal year, round).
#[component]
fn HeadingField(
    testid: &'static str,
    label: Label,
    get: fn(&Preset) -> String,
    set: fn(&mut Session, &str),
) -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <label>{move || say(state.lang.get(), label)}
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
        state.session.update(Session::clear);
        state.thai_digits.set(false);
        state.lang.set(Lang::Th);
        clear_saved(KEY_PREFIX);
    };
    let summary = label(Label::SettingsTitle);
    view! {
        <details class="settings no-print" data-testid="settings">
            <summary>{summary}</summary>
            <div class="preset-head">
                <HeadingField testid="preset-province" label=Label::Province
                    get=|p| p.province.clone() set=|s, v| s.set_heading(Some(v), None, None) />
                <HeadingField testid="preset-year" label=Label::FiscalYearBE
                    get=|p| p.fiscal_year.to_string() set=|s, v| s.set_heading(None, Some(v), None) />
                <HeadingField testid="preset-round" label=Label::Round
                    get=|p| p.round.to_string() set=|s, v| s.set_heading(None, None, Some(v)) />
                <HeadingField testid="window-start" label=Label::EvaluatedFrom
                    get=|p| otop_model::display::month(p.window.start.year, p.window.start.month, Lang::Th)
                    set=|s, v| s.set_window_month(true, v) />
                <HeadingField testid="window-end" label=Label::To
                    get=|p| otop_model::display::month(p.window.end.year, p.window.end.month, Lang::Th)
                    set=|s, v| s.set_window_month(false, v) />
                <HeadingField testid="deadline" label=Label::ReportsDue
                    get=|p| p.deadline.map(|d| otop_model::display::day(d, Lang::Th)).unwrap_or_default()
                    set=|s, v| s.set_deadline(v) />
            </div>
            <table class="districts-edit">
                <thead><tr>
                    <th scope="col">{label(Label::District)}</th>
                    <th scope="col">{label(Label::Entrepreneurs)}</th>
                    <th scope="col">{label(Label::RegisteredProducts)}</th>
                    <th scope="col">{label(Label::BaseYearSalesBaht)}</th>
                    <th scope="col">{label(Label::TypedSalesBaht)}</th>
                    <th scope="col"></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <button type="button" on:click=move |_| state.session.update(Session::add_district)>
                {label(Label::AddDistrict)}
            </button>
            <div class="threshold-row"><Thresholds kpi=1 /><Thresholds kpi=2 /></div>
            <div class="buttons">
                <label class="button">{label(Label::OpenSavedSettingsFile)}
                    <input type="file" accept=".json,application/json" data-testid="preset-file" class="file-input"
                        on:change=import_preset />
                </label>
                <label class="button">
                    {label(Label::ImportTargetTables)}
                    <input type="file" accept=otop_model::imported::file::picker_accept()
                        data-testid="targets-file" class="file-input"
                        on:change=import_targets />
                </label>
                <button type="button" data-testid="export-preset" on:click=export_preset>
                    {label(Label::SaveSettingsAsFile)}
                </button>
                {move || {
                    let note = export_note.get().map(|(th, en)| tr(state.lang.get(), &th, &en));
                    note.map(|n| view! { <span class="note" role="alert">{n}</span> })
                }}
                <button type="button" data-testid="reset-preset"
                    on:click=move |_| state.session.update(Session::reset_preset)>
                    {label(Label::ResetToBuiltInSettings)}
                </button>
                <button type="button" class="danger" data-testid="clear-all" on:click=clear_all>
                    {label(Label::ClearStorage)}
                </button>
            </div>
        </details>
    }
}

/// Column `i` of a KPI's thresholds as the settings show it.
fn threshold_text(cols: &[otop_model::money::BasisPoints], i: usize) -> String {
    cols.get(i).map(ToString::to_string).unwrap_or_default()
}
