//! Settings: every preset figure editable in place, the thresholds, sales typed
//! by hand, import and export of the preset (JSON), import of the letter's target
//! tables, reset to the built-in preset, and clearing everything kept.

use super::browser::{clear_saved, download, files_of, read_bytes};
use super::i18n::{t, tr};
use super::{State, KEY_PREFIX};
use leptos::prelude::*;
use leptos::task::spawn_local;
use otop_kpi::display::{self, Lang};
use otop_kpi::import::text::parse_decimal;
use otop_kpi::issue::Issue;
use otop_kpi::money::{BasisPoints, Satang};
use otop_kpi::preset::{District, Preset};
use wasm_bindgen::JsCast;

/// Parses an amount typed in the page ("1,234.50", Thai digits, "บาท").
fn typed_amount(s: &str) -> Option<Satang> {
    otop_kpi::import::text::money(&otop_kpi::import::workbook::Value::Text(s.to_string())).ok().flatten()
}

/// Parses a whole count typed in the page.
fn typed_count(s: &str) -> Option<i64> {
    typed_amount(s).filter(|a| a.is_whole_baht()).map(Satang::baht)
}

fn bad_input(state: State, what_th: &str, what_en: &str, typed: &str) {
    state.settings_issues.set(vec![Issue::error(
        "settings.input",
        format!("\"{typed}\" ใช้เป็น{what_th}ไม่ได้ — พิมพ์ตัวเลข เช่น 1,250"),
        format!("\"{typed}\" cannot be used as {what_en}: type a number such as 1,250"),
    )]);
}

fn first_file(ev: &leptos::ev::Event) -> Option<(web_sys::HtmlInputElement, web_sys::File)> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = files_of(input.files()).into_iter().next()?;
    Some((input, file))
}

#[component]
fn DistrictRow(index: usize) -> impl IntoView {
    let state = expect_context::<State>();
    let get = move || state.preset.with(|p| p.districts.get(index).cloned());
    let field = move |f: fn(&District) -> String| move || get().map(|d| f(&d)).unwrap_or_default();
    let set_count = move |which: &'static str| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            match typed_count(&v) {
                Some(n) => state.preset.update(|p| {
                    if let Some(d) = p.districts.get_mut(index) {
                        if which == "entrepreneurs" {
                            d.entrepreneurs = n
                        } else {
                            d.products = n
                        }
                    }
                }),
                None => bad_input(state, "จำนวน", "a count", &v),
            }
        }
    };
    let name = field(|d| d.name.clone());
    let typed = move || {
        let n = get().map(|d| d.name).unwrap_or_default();
        state.typed_sales.with(|t| t.iter().find(|(k, _)| *k == n).map(|(_, s)| display::baht(*s))).unwrap_or_default()
    };
    view! {
        <tr>
            <td><input type="text" aria-label=move || tr(state.lang.get(), "ชื่ออำเภอ", "District name") prop:value=name
                on:change=move |ev| { let v = event_target_value(&ev); state.preset.update(|p| if let Some(d) = p.districts.get_mut(index) { d.name = v.trim().to_string(); }); } /></td>
            <td><input type="text" inputmode="numeric" class="num" aria-label=move || tr(state.lang.get(), "จำนวนผู้ประกอบการ", "Entrepreneurs") prop:value=field(|d| display::count(d.entrepreneurs)) on:change=set_count("entrepreneurs") /></td>
            <td><input type="text" inputmode="numeric" class="num" aria-label=move || tr(state.lang.get(), "จำนวนผลิตภัณฑ์", "Products") prop:value=field(|d| display::count(d.products)) on:change=set_count("products") /></td>
            <td><input type="text" inputmode="decimal" class="num" aria-label=move || tr(state.lang.get(), "ฐานยอดจำหน่าย", "Base sales") prop:value=field(|d| display::baht(d.base))
                on:change=move |ev| { let v = event_target_value(&ev); match typed_amount(&v) { Some(a) => state.preset.update(|p| if let Some(d) = p.districts.get_mut(index) { d.base = a; }), None => bad_input(state, "ยอดเงิน", "an amount", &v) } } /></td>
            <td><input type="text" inputmode="decimal" class="num" data-testid="typed-sales" aria-label=move || tr(state.lang.get(), "ยอดจำหน่ายที่พิมพ์เอง", "Sales typed by hand") prop:value=typed
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let n = get().map(|d| d.name).unwrap_or_default();
                    if v.trim().is_empty() {
                        state.typed_sales.update(|t| t.retain(|(k, _)| *k != n));
                    } else if let Some(a) = typed_amount(&v) {
                        state.typed_sales.update(|t| { t.retain(|(k, _)| *k != n); t.push((n, a)); });
                    } else {
                        bad_input(state, "ยอดเงิน", "an amount", &v);
                    }
                } /></td>
            <td><button type="button" class="remove" aria-label=move || tr(state.lang.get(), "ลบอำเภอนี้", "Remove this district")
                on:click=move |_| state.preset.update(|p| { if index < p.districts.len() { p.districts.remove(index); } })>"×"</button></td>
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
                if i == 0 { tr(l, "คอลัมน์อ้างอิง (1 คะแนน) %", "Reference column (score 1) %") } else { tr(l, &format!("{} คะแนน ≥ %", i + 1), &format!("score {} at ≥ %", i + 1)) }
            };
            view! {
                <label>{label}
                    <input type="text" inputmode="decimal" class="num" prop:value=move || cols()[i].to_string()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            match parse_decimal(&display::from_thai_digits(v.trim())) {
                                Some(s) => state.preset.update(|p| {
                                    let t = if kpi == 1 { &mut p.kpi1 } else { &mut p.kpi2 };
                                    if i == 0 { t.reference = BasisPoints(s.0) } else if let Some(l) = t.levels.get_mut(i - 1) { *l = BasisPoints(s.0) }
                                }),
                                None => bad_input(state, "ร้อยละ", "a percentage", &v),
                            }
                        } />
                </label>
            }
        })
        .collect_view();
    view! { <fieldset class="thresholds"><legend>{move || tr(state.lang.get(), &format!("เกณฑ์ตัวชี้วัดที่ {kpi}"), &format!("KPI {kpi} thresholds"))}</legend>{inputs}</fieldset> }
}

#[component]
pub fn Settings() -> impl IntoView {
    let state = expect_context::<State>();
    let rows =
        move || (0..state.preset.with(|p| p.districts.len())).map(|i| view! { <DistrictRow index=i /> }).collect_view();
    let import_preset = move |ev: leptos::ev::Event| {
        let Some((input, file)) = first_file(&ev) else { return };
        spawn_local(async move {
            let name = file.name();
            let text = read_bytes(&file).await.map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
            let (p, issues) = Preset::from_json(&text);
            let issues: Vec<Issue> = issues.into_iter().map(|i| i.in_file(&name)).collect();
            if let Some(p) = p {
                state.preset.set(p);
            }
            state.settings_issues.set(issues);
            input.set_value("");
        });
    };
    let import_targets = move |ev: leptos::ev::Event| {
        let Some((input, file)) = first_file(&ev) else { return };
        spawn_local(async move {
            let name = file.name();
            let bytes = read_bytes(&file).await.unwrap_or_default();
            let job = otop_kpi::jobs::Job {
                kind: otop_kpi::jobs::JobKind::Targets,
                name: name.clone(),
                districts: Vec::new(),
                default_year: 0,
            };
            let tables = super::worker::run(job, bytes).await.tables.unwrap_or_else(|| Ok(Vec::new()));
            match tables {
                Ok(tables) if !tables.is_empty() => {
                    let (p, issues) = otop_kpi::import::targets::apply(&state.preset.get_untracked(), &name, &tables);
                    state.preset.set(p);
                    state.settings_issues.set(issues);
                }
                Ok(_) => state.settings_issues.set(vec![Issue::error("targets.not_found", "ไม่พบตารางค่าเป้าหมายในไฟล์นี้ — ต้องมีคอลัมน์ \"อำเภอ\" และคอลัมน์ 1–5 คะแนน ตามหนังสือ", "No target table found in this file: it needs an \"อำเภอ\" column and the score 1–5 columns, as in the letter").in_file(&name)]),
                Err(issue) => state.settings_issues.set(vec![issue]),
            }
            input.set_value("");
        });
    };
    let export_preset = move |_| {
        let p = state.preset.get_untracked();
        download(
            &format!("preset-{}-{}-r{}.json", p.province, p.fiscal_year, p.round),
            "application/json",
            p.to_json().as_bytes(),
        );
    };
    let reset = move |_| {
        state.preset.set(Preset::sa_kaeo_2564_round2());
        state.settings_issues.set(Vec::new());
    };
    let clear_all = move |_| {
        clear_saved(KEY_PREFIX);
        state.preset.set(Preset::sa_kaeo_2564_round2());
        state.typed_sales.set(Vec::new());
        state.thai_digits.set(false);
        state.lang.set(Lang::Th);
        for s in [state.reports, state.round1, state.sales] {
            s.set(Vec::new());
        }
        state.settings_issues.set(Vec::new());
        clear_saved(KEY_PREFIX);
    };
    let text_field = move |label_th: &'static str,
                           label_en: &'static str,
                           get: fn(&Preset) -> String,
                           set: fn(&mut Preset, String)| {
        view! {
            <label>{move || tr(state.lang.get(), label_th, label_en)}
                <input type="text" prop:value=move || state.preset.with(get) on:change=move |ev| { let v = event_target_value(&ev); state.preset.update(|p| set(p, v)); } />
            </label>
        }
    };
    view! {
        <details class="settings no-print" data-testid="settings">
            <summary>{t("ตั้งค่า: จังหวัด อำเภอ เป้าหมาย และยอดจำหน่ายที่พิมพ์เอง", "Settings: province, districts, thresholds and typed sales")}</summary>
            <div class="preset-head">
                {text_field("จังหวัด", "Province", |p| p.province.clone(), |p, v| p.province = v.trim().to_string())}
                {text_field("ปีงบประมาณ (พ.ศ.)", "Fiscal year (B.E.)", |p| p.fiscal_year.to_string(), |p, v| if let Ok(y) = display::from_thai_digits(v.trim()).parse() { p.fiscal_year = y })}
                {text_field("รอบที่", "Round", |p| p.round.to_string(), |p, v| if let Ok(r) = display::from_thai_digits(v.trim()).parse() { p.round = r })}
            </div>
            <table class="districts-edit">
                <thead><tr>
                    <th scope="col">{t("อำเภอ", "District")}</th>
                    <th scope="col">{t("ผู้ประกอบการ", "Entrepreneurs")}</th>
                    <th scope="col">{t("ผลิตภัณฑ์ที่ลงทะเบียน", "Registered products")}</th>
                    <th scope="col">{t("ฐานยอดจำหน่าย (บาท)", "Base sales (baht)")}</th>
                    <th scope="col">{t("ยอดจำหน่ายปีนี้ที่พิมพ์เอง (บาท)", "This year's sales typed by hand (baht)")}</th>
                    <th scope="col"></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <button type="button" on:click=move |_| state.preset.update(|p| p.districts.push(District { name: String::new(), entrepreneurs: 0, products: 0, base: Satang(0) }))>{t("+ เพิ่มอำเภอ", "+ Add a district")}</button>
            <div class="threshold-row"><Thresholds kpi=1 /><Thresholds kpi=2 /></div>
            <div class="buttons">
                <label class="button">{t("นำเข้าค่าตั้งต้น (JSON)", "Import a preset (JSON)")}
                    <input type="file" accept=".json,application/json" data-testid="preset-file" class="file-input" on:change=import_preset />
                </label>
                <label class="button">{t("นำเข้าตารางค่าเป้าหมาย (Excel ตามหนังสือ)", "Import the target tables (the letter's Excel)")}
                    <input type="file" accept=".xlsx,.xls,.ods,.csv" data-testid="targets-file" class="file-input" on:change=import_targets />
                </label>
                <button type="button" data-testid="export-preset" on:click=export_preset>{t("ส่งออกค่าตั้งต้น (JSON)", "Export the preset (JSON)")}</button>
                <button type="button" data-testid="reset-preset" on:click=reset>{t("กลับไปใช้ค่าตั้งต้นของระบบ", "Reset to the built-in preset")}</button>
                <button type="button" class="danger" data-testid="clear-all" on:click=clear_all>{t("ล้างข้อมูลทั้งหมดที่เก็บไว้ในเบราว์เซอร์", "Clear everything kept in this browser")}</button>
            </div>
        </details>
    }
}
