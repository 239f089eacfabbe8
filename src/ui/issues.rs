//! The issues list: grouped by file, filterable by severity and file, with
//! counts; what it shows is `otop_model::issue::list`'s.

use super::i18n::{label, say, tr};
use super::State;
use leptos::prelude::*;
use otop_model::display::Lang;
use otop_model::issue::list::{self, Filter};
use otop_model::issue::{Issue, Severity};
use otop_model::label::{sentence, Label};

/// How many issues the list renders at first, and more at each "show more".
const PAGE: usize = 200;

/// One issue of the list: severity, place and message, with SPEC §8's attributes.
fn issue_item(lang: Lang, i: Issue) -> impl IntoView {
    let place = [
        i.sheet.clone(),
        i.row.map(|r| sentence::at_row(lang, r)),
        i.column.clone().map(|c| sentence::at_column(lang, c)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" › ");
    let sev_text = match i.severity {
        Severity::Error => say(lang, Label::Error),
        Severity::Warning => say(lang, Label::Warning),
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
}

#[component]
pub fn IssuesPanel() -> impl IntoView {
    let state = expect_context::<State>();
    // The two choices as the selects give them ("all" or a severity; "" or a file).
    let severity = RwSignal::new(String::from("all"));
    let file = RwSignal::new(String::new());
    let limit = RwSignal::new(PAGE);
    let all = Memo::new(move |_| {
        let mut v: Vec<Issue> = state.issues.get();
        v.extend(state.session.with(|s| s.settings_issues.clone()));
        v
    });
    let shown = Memo::new(move |_| all.with(|a| list::kept(a, &Filter::of(&severity.get(), &file.get()))));
    let groups = move || {
        let lang = state.lang.get();
        shown.with(|v| {
            let (groups, _) = list::page(v, limit.get());
            groups
                .into_iter()
                .map(|(f, mine)| {
                    let title = if f.is_empty() { say(lang, Label::SettingsAndOverall) } else { f };
                    let items = mine.into_iter().map(|i| issue_item(lang, i.clone())).collect_view();
                    view! { <section class="issue-group"><h3>{title}</h3><ul>{items}</ul></section> }
                })
                .collect_view()
        })
    };
    // The rest behind a button, so no file's issues can hold the page up.
    let more = move || {
        let left = shown.with(|v| list::page(v, limit.get()).1);
        (left > 0).then(|| {
            let lang = state.lang.get();
            let next = left.min(PAGE);
            let text = sentence::show_more(lang, next, left);
            view! {
                <button type="button" class="more no-print" data-testid="issues-more" data-left=left.to_string()
                    on:click=move |_| limit.update(|l| *l += PAGE)>{text}</button>
            }
        })
    };
    let count_text = move || {
        let (e, w) = all.with(|a| list::counts(a));
        sentence::issue_counts(state.lang.get(), e, w)
    };
    let file_options = move || {
        let names = all.with(|a| list::files(a));
        names.into_iter().map(|f| view! { <option value=f.clone()>{f.clone()}</option> }).collect_view()
    };
    view! {
        <section class="issues" data-testid="issues" aria-labelledby="issues-title">
            <h2 id="issues-title">
                {label(Label::IssuesFound)}
                <span class="counts">{count_text}</span>
            </h2>
            <div class="filters no-print">
                <label>{label(Label::Severity)}
                    <select data-testid="issue-severity" prop:value=move || severity.get()
                        on:change=move |ev| { severity.set(event_target_value(&ev)); limit.set(PAGE) }>
                        <option value="all">{label(Label::All)}</option>
                        <option value="error">{label(Label::Errors)}</option>
                        <option value="warning">{label(Label::Warnings)}</option>
                    </select>
                </label>
                <label>{label(Label::File)}
                    <select data-testid="issue-file" prop:value=move || file.get()
                        on:change=move |ev| { file.set(event_target_value(&ev)); limit.set(PAGE) }>
                        <option value="">{label(Label::AllFiles)}</option>
                        {file_options}
                    </select>
                </label>
            </div>
            {move || all.with(Vec::is_empty).then(|| view! { <p class="none">{label(Label::NoIssuesFound)}</p> })}
            {groups}
            {more}
        </section>
    }
}
