//! The issues list: grouped by file, filterable by severity and file, with counts.

use super::i18n::{t, tr};
use super::State;
use leptos::prelude::*;
use otop_kpi::issue::{Issue, Severity};

#[component]
pub fn IssuesPanel() -> impl IntoView {
    let state = expect_context::<State>();
    let severity = RwSignal::new(String::from("all"));
    let file = RwSignal::new(String::from("all"));
    let all = move || {
        let mut v: Vec<Issue> = state.issues.get();
        v.extend(state.session.with(|s| s.settings_issues.clone()));
        v
    };
    let counts = move || {
        let v = all();
        let e = v.iter().filter(|i| i.severity == Severity::Error).count();
        (e, v.len() - e)
    };
    let files = move || {
        let mut names: Vec<String> = all().iter().map(|i| i.file.clone().unwrap_or_default()).collect();
        names.sort();
        names.dedup();
        names
    };
    let groups = move || {
        let lang = state.lang.get();
        let sev = severity.get();
        let want_file = file.get();
        let v: Vec<Issue> = all()
            .into_iter()
            .filter(|i| sev == "all" || i.severity.as_str() == sev)
            .filter(|i| want_file == "all" || i.file.clone().unwrap_or_default() == want_file)
            .collect();
        files()
            .into_iter()
            .filter_map(|f| {
                let mine: Vec<&Issue> = v.iter().filter(|i| i.file.clone().unwrap_or_default() == f).collect();
                if mine.is_empty() {
                    return None;
                }
                let title = if f.is_empty() {
                    tr(lang, "การตั้งค่าและภาพรวม", "Settings and overall")
                } else {
                    f.clone()
                };
                let items = mine
                    .into_iter()
                    .map(|i| {
                        let place = [
                            i.sheet.clone(),
                            i.row.map(|r| tr(lang, &format!("แถว {r}"), &format!("row {r}"))),
                            i.column.clone().map(|c| tr(lang, &format!("คอลัมน์ {c}"), &format!("column {c}"))),
                        ]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" › ");
                        let sev_text = match i.severity {
                            Severity::Error => tr(lang, "ข้อผิดพลาด", "Error"),
                            Severity::Warning => tr(lang, "คำเตือน", "Warning"),
                        };
                        let row = i.row.map(|r| r.to_string()).unwrap_or_default();
                        view! {
                            <li class="issue" data-severity=i.severity.as_str()
                                data-file=i.file.clone().unwrap_or_default()
                                data-sheet=i.sheet.clone().unwrap_or_default() data-row=row data-code=i.code.as_str()>
                                <span class="sev">{sev_text}</span>
                                <span class="place">{place}</span>
                                <span class="msg">{tr(lang, &i.message_th, &i.message_en)}</span>
                            </li>
                        }
                    })
                    .collect_view();
                Some(view! { <section class="issue-group"><h3>{title}</h3><ul>{items}</ul></section> })
            })
            .collect_view()
    };
    let count_text = move || {
        let (e, w) = counts();
        tr(state.lang.get(), &format!("ข้อผิดพลาด {e} · คำเตือน {w}"), &format!("{e} errors · {w} warnings"))
    };
    let file_options = move || {
        let named = files().into_iter().filter(|f| !f.is_empty());
        named.map(|f| view! { <option value=f.clone()>{f.clone()}</option> }).collect_view()
    };
    view! {
        <section class="issues" data-testid="issues" aria-labelledby="issues-title">
            <h2 id="issues-title">
                {t("ปัญหาที่พบ", "Issues")}
                <span class="counts">{count_text}</span>
            </h2>
            <div class="filters no-print">
                <label>{t("ระดับ", "Severity")}
                    <select data-testid="issue-severity" prop:value=move || severity.get()
                        on:change=move |ev| severity.set(event_target_value(&ev))>
                        <option value="all">{t("ทั้งหมด", "All")}</option>
                        <option value="error">{t("ข้อผิดพลาด", "Errors")}</option>
                        <option value="warning">{t("คำเตือน", "Warnings")}</option>
                    </select>
                </label>
                <label>{t("ไฟล์", "File")}
                    <select data-testid="issue-file" prop:value=move || file.get()
                        on:change=move |ev| file.set(event_target_value(&ev))>
                        <option value="all">{t("ทุกไฟล์", "All files")}</option>
                        {file_options}
                    </select>
                </label>
            </div>
            {move || all().is_empty().then(|| view! { <p class="none">{t("ไม่พบปัญหา", "No issues found")}</p> })}
            {groups}
        </section>
    }
}
