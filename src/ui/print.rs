//! What only the printed report has: its heading (province, year, round, the
//! date of the data) and the signature block.

use super::i18n::{label, say};
use super::State;
use leptos::prelude::*;
use otop_model::display::Lang;
use otop_model::label::{sentence, Label};

/// Today in the user's language, the year in B.E. for Thai: "26 พฤศจิกายน 2569".
fn today(lang: Lang) -> String {
    let d = js_sys::Date::new_0();
    let (day, month, year) = (d.get_date(), d.get_month() as usize, d.get_full_year() as i32);
    let months = otop_model::calendar::THAI_MONTHS;
    match (lang, months.get(month)) {
        (Lang::Th, Some((name, _))) => format!("{day} {name} {}", year + 543),
        _ => format!("{day} {} {year}", otop_model::calendar::EN_MONTHS.get(month).copied().unwrap_or("")),
    }
}

/// The printed report's heading: province, year, round, and the date of the data.
#[component]
pub fn PrintHeader() -> impl IntoView {
    let state = expect_context::<State>();
    let text = move || {
        let p = state.preset.get();
        let l = state.lang.get();
        let title = sentence::print_title(l, p.province, p.fiscal_year, p.fiscal_year - 543, p.round);
        // A run opened from a link: the date its data had.
        let day = state.shared.with(|s| s.as_ref().and_then(|s| s.date)).map(|d| otop_model::display::day(d, l));
        let day = day.unwrap_or_else(|| today(l));
        let date = sentence::data_as_of(l, day);
        view! { <p><strong>{title}</strong></p><p>{date}</p> }
    };
    view! { <div class="print-only print-header" data-testid="print-header">{text}</div> }
}

/// A line to sign or write on.
const DOTS: &str = "..................................................";

/// The signature block of the province's cover note (printed only).
#[component]
pub fn Signature() -> impl IntoView {
    view! {
        <div class="print-only signature">
            <p>{label(Label::Signed)}" "{DOTS}</p>
            <p>"("{DOTS}")"</p>
            <p>{label(Label::Position)}" "{DOTS}</p>
            <p>{label(Label::Date)}" "{DOTS}</p>
        </div>
    }
}

/// The results link on the printed report: a QR code of it and its text, so a
/// printed page leads back to the live results. Made when the page is printed.
#[component]
pub fn PrintLink() -> impl IntoView {
    let state = expect_context::<State>();
    let printing = RwSignal::new(None::<String>);
    let _before = window_event_listener(leptos::ev::beforeprint, move |_| {
        printing.set(Some(super::share::make_link(state)));
    });
    let body = move || {
        let link = printing.get()?;
        let l = state.lang.get();
        let image = crate::qr::svg(&link).map(|svg| {
            use base64::Engine;
            let src = format!("data:image/svg+xml;base64,{}", base64::engine::general_purpose::STANDARD.encode(svg));
            let alt = say(l, Label::QrAlt);
            view! { <img class="qr" data-testid="print-qr" src=src alt=alt /> }
        });
        let note = match image {
            Some(_) => say(l, Label::ScanToOpen),
            None => say(l, Label::LinkTooLongForQr),
        };
        Some(view! { <div class="print-link">{image}<p>{note}</p></div> })
    };
    view! { <div class="print-only" data-testid="print-link">{body}</div> }
}
