//! Downloads: the results workbook, CSV of each table, the blank template, the
//! preset, a report file sent back with its problems marked; and printing.
//! Everything is made in the browser.

use super::browser::download;
use super::i18n::t;
use super::State;
use leptos::prelude::*;
use otop_kpi::export;
use otop_kpi::import::file::FileKind;
use otop_kpi::issue::Issue;
use otop_kpi::read_file::Outcome;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV: &str = "text/csv;charset=utf-8";

/// Downloads the report file `name` back with its problems marked (SPEC §5): its
/// cells are read again in a worker, then written with a note on each problem cell.
pub fn send_back(state: State, kind: FileKind, name: String) {
    let Some(file) = super::kept_file(kind, &name) else { return };
    let Some(request) = state.session.try_update_untracked(|s| s.cells_request(&name)) else { return };
    leptos::task::spawn_local(async move {
        let reply = super::read_file_client::read(request, file).await;
        let Outcome::Cells(Ok(book)) = reply.outcome else { return };
        let lang = state.lang.get_untracked();
        let bytes = state.issues.with_untracked(|all| {
            let issues: Vec<&Issue> = all.iter().filter(|i| i.file.as_deref() == Some(name.as_str())).collect();
            export::returned::returned_workbook(&book, &issues, lang)
        });
        if let Ok(bytes) = bytes {
            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
            download(&format!("{stem}-ส่งคืนแก้ไข.xlsx"), XLSX, &bytes);
        }
    });
}

#[component]
pub fn Downloads() -> impl IntoView {
    let state = expect_context::<State>();
    let stem = move || state.preset.with(|p| format!("otop-kpi-{}-{}-r{}", p.province, p.fiscal_year, p.round));
    let results = move |_| {
        let p = state.preset.get_untracked();
        let a = state.analysis.get_untracked();
        let nation = state.nation.get_untracked();
        if let Ok(bytes) = export::results::results_workbook_of(&p, &a, nation.as_ref(), state.lang.get_untracked()) {
            download(&format!("{}.xlsx", stem()), XLSX, &bytes);
        }
    };
    let csv = move |which: &'static str| {
        move |_| {
            let a = state.analysis.get_untracked();
            let text = match which {
                "kpi1" => export::csv::kpi1_csv(&a),
                "kpi2" => export::csv::kpi2_csv(&a),
                "readiness" => export::csv::readiness_csv(&a),
                "products" => export::csv::products_csv(&a),
                _ => export::csv::issues_csv(&a),
            };
            download(&format!("{}-{which}.csv", stem()), CSV, text.as_bytes());
        }
    };
    let template = move |_| {
        if let Ok(bytes) = export::form::template_workbook(&state.preset.get_untracked()) {
            download("แบบรายงาน-OTOP-ออนไลน์.xlsx", XLSX, &bytes);
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="downloads no-print" aria-labelledby="downloads-title">
            <h2 id="downloads-title">{t("ดาวน์โหลด", "Downloads")}</h2>
            <div class="buttons">
                <button type="button" class="primary" data-testid="download-results" on:click=results>
                    {t("ไฟล์ผลการประเมิน (Excel)", "Results workbook (Excel)")}
                </button>
                <button type="button" data-testid="download-kpi1-csv" on:click=csv("kpi1")>
                    {t("ตัวชี้วัดที่ 1 (.csv)", "KPI 1 (.csv)")}
                </button>
                <button type="button" data-testid="download-kpi2-csv" on:click=csv("kpi2")>
                    {t("ตัวชี้วัดที่ 2 (.csv)", "KPI 2 (.csv)")}
                </button>
                <button type="button" data-testid="download-products-csv" on:click=csv("products")>
                    {t("รายการผลิตภัณฑ์รวม (.csv)", "Merged product list (.csv)")}
                </button>
                <button type="button" data-testid="download-readiness-csv" on:click=csv("readiness")>
                    {t("ความพร้อม (.csv)", "Readiness (.csv)")}
                </button>
                <button type="button" data-testid="download-issues-csv" on:click=csv("issues")>
                    {t("ปัญหาที่พบ (.csv)", "Issues (.csv)")}
                </button>
                <button type="button" data-testid="download-template" on:click=template>
                    {t("แบบรายงานเปล่า (.xlsx)", "Blank report form (.xlsx)")}
                </button>
                <button type="button" data-testid="print" on:click=print>
                    {t("พิมพ์ (A4 แนวนอน)", "Print (A4 landscape)")}
                </button>
            </div>
        </section>
    }
}
