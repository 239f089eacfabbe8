//! Words of the page in Thai and English, and numbers as the user wants them.

use leptos::prelude::*;
use otop_model::display::{self, Lang};
use otop_model::label::{sentence, Label};
use otop_model::money::{BasisPoints, Satang};

use super::State;

/// The Thai or the English of a text that came with both (an issue's message,
/// an error from a worker): data, not the page's own words, which are in the
/// catalogue (see [`say`]).
pub fn tr(lang: Lang, th: &str, en: &str) -> String {
    match lang {
        Lang::Th => th.to_string(),
        Lang::En => en.to_string(),
    }
}

/// A word of the catalogue (`otop_model::label`) in `lang`.
pub fn say(lang: Lang, l: Label) -> String {
    l.text(lang).to_string()
}

/// The heading of a results column by its `data-col` name, reactive (see
/// `Label::of_column`): written beside each value where a phone shows a row as a card.
pub fn column_label(col: &'static str) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
    let state = expect_context::<State>();
    move || Label::of_column(col).map(|l| l.text(state.lang.get()).to_string())
}

/// A word of the catalogue (`otop_model::label`), reactive in the current language.
pub fn label(l: Label) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let state = expect_context::<State>();
    move || l.text(state.lang.get()).to_string()
}

/// Digits as the user chose: Thai (๑๒๓) or Arabic.
pub fn digits(state: State, s: String) -> String {
    if state.thai_digits.get() {
        otop_model::text::to_thai_digits(&s)
    } else {
        s
    }
}

pub fn count(state: State, n: i64) -> String {
    digits(state, display::count(n))
}

pub fn baht(state: State, s: Satang) -> String {
    digits(state, display::baht(s))
}

/// A percentage in prose, as Thai official text writes it: "ร้อยละ 8.98" (English "8.98 %").
pub fn percent(state: State, bp: BasisPoints) -> String {
    let text = match state.lang.get() {
        Lang::Th => sentence::percent_prose(Lang::Th, display::group_thousands(&bp.to_string())),
        Lang::En => display::percent(bp),
    };
    digits(state, text)
}

/// A percentage in a table column headed "ร้อยละ": the figure alone in Thai ("8.98").
pub fn percent_cell(state: State, bp: BasisPoints) -> String {
    let text = match state.lang.get() {
        Lang::Th => display::group_thousands(&bp.to_string()),
        Lang::En => display::percent(bp),
    };
    digits(state, text)
}

/// A percentage on a chart, with its sign: "8.98 %".
pub fn percent_sign(state: State, bp: BasisPoints) -> String {
    digits(state, display::percent(bp))
}
