//! The maps (SPEC §5.2): a province's districts, and the country's provinces in
//! a run over several, coloured by score. The shapes come from the map files of
//! the built folder, fetched when a map is first drawn; what each area shows is
//! `otop_engine::map`'s. An SVG of paths, no map library. The tables stay the
//! accessible form of the same figures: the map is a figure beside them.

mod draw;

use crate::ui::browser;
use crate::ui::i18n::{count, digits, label, percent_sign, say};
use crate::ui::State;
use leptos::prelude::*;
use otop_engine::map::{self, Area, Shown};
use otop_model::display::Lang;
use otop_model::divisions;
use otop_model::label::{sentence, Label};
use otop_model::maps::{self, MapFile};

/// Which map: a province's districts, or the country's provinces.
#[derive(Clone, Copy, PartialEq)]
pub enum Level {
    Districts,
    Provinces,
}

/// What tapping or pointing at an area says.
fn detail(state: State, lang: Lang, shown: Shown, name: &str, area: Option<&Area>) -> String {
    let Some(a) = area else {
        return sentence::map_not_in_run(lang, name);
    };
    if !a.sent {
        return sentence::map_no_report(lang, name);
    }
    let text = match (shown, a.kpi2) {
        (Shown::Kpi1, _) => {
            let (online, products) = (count(state, a.online), count(state, a.products));
            let (percent, score) = (percent_sign(state, a.percent), a.kpi1);
            sentence::map_kpi1(lang, name, online, products, percent, score)
        }
        (Shown::Kpi2, Some((growth, score))) => sentence::map_kpi2(lang, name, percent_sign(state, growth), score),
        (Shown::Kpi2, None) => sentence::map_no_sales(lang, name),
    };
    digits(state, text)
}

/// Whether a map the run shows is still to be drawn: its file not fetched yet.
pub fn pending(state: State) -> bool {
    [Level::Districts, Level::Provinces].into_iter().any(|level| {
        let fetched = |url: &String| state.maps_fetched.with(|f| f.contains(url));
        visible(state, level) && file_of(state, level).is_some_and(|url| !fetched(&url))
    })
}

/// Whether the run has something for a map to show.
fn visible(state: State, level: Level) -> bool {
    match level {
        Level::Districts => state.reports_read.get(),
        Level::Provinces => state.nation.with(Option::is_some),
    }
}

/// The run's areas a map shows.
fn areas(state: State, level: Level) -> Vec<Area> {
    match level {
        Level::Districts => state.analysis.with(map::districts),
        Level::Provinces => state.nation.with(|n| n.as_ref().map(map::provinces).unwrap_or_default()),
    }
}

/// The map file a map needs: the country's, or the province's on screen (none
/// for a province not in the official list).
fn file_of(state: State, level: Level) -> Option<String> {
    match level {
        Level::Provinces => Some(maps::NATION_FILE.to_string()),
        Level::Districts => {
            state.preset.with(|p| divisions::province(&p.province).map(|p| maps::province_file(p.code)))
        }
    }
}

/// The drawing of a map file with a run's areas ([`draw::draw_map`] puts it
/// in the page): one shape per area of the file, the score written on each, and
/// a note naming the run's areas the file has no shape for.
fn drawing(state: State, level: Level, file: &MapFile, areas: &[Area], shown: Shown) -> draw::MapDrawing {
    let lang = state.lang.get();
    let placed = match level {
        Level::Districts => map::place_districts(file, areas, &state.preset.with(|p| p.province.clone())),
        Level::Provinces => map::place_provinces(file, areas),
    };
    let shapes = file
        .shapes
        .iter()
        .zip(&placed.areas)
        .map(|(s, at)| {
            let area = at.and_then(|i| areas.get(i));
            let name = area.map_or_else(|| s.name.clone(), |a| a.name.clone());
            let score = area.and_then(|a| a.score(shown));
            let class = match (area, score) {
                (None, _) => "area out".to_string(),
                (Some(_), None) => "area none".to_string(),
                (Some(_), Some(s)) => format!("area s{s}"),
            };
            let label = match area.map(|a| (a.sent, score)) {
                Some((_, Some(s))) => Some(digits(state, s.to_string())),
                Some((false, None)) if level == Level::Districts => Some(say(lang, Label::NotSentYet)),
                _ => None,
            };
            draw::MapShape {
                title: detail(state, lang, shown, &name, area),
                name,
                index: *at,
                score,
                class,
                path: s.path.clone(),
                label: label.map(|l| (s.label, l)),
            }
        })
        .collect();
    let names: Vec<&str> = placed.unplaced.iter().filter_map(|i| areas.get(*i)).map(|a| a.name.as_str()).collect();
    let names = names.join(", ");
    let note = (!names.is_empty()).then(|| sentence::not_on_map(lang, names));
    let (testid, class, attribute, hatch) = match level {
        Level::Districts => ("district-map", "map districts", "data-district", "hatch-districts"),
        Level::Provinces => ("map", "map provinces", "data-province", "hatch-provinces"),
    };
    let mut legend = vec![(String::new(), say(lang, Label::Score))];
    legend.extend((1..=5).map(|s| (format!("swatch s{s}"), digits(state, s.to_string()))));
    legend.push(("swatch none".into(), say(lang, Label::NoReportYetNoData)));
    if level == Level::Provinces {
        legend.push(("swatch out".into(), say(lang, Label::NotInThisRun)));
    }
    draw::MapDrawing {
        legend,
        testid,
        class,
        labelled_by: caption_id(level),
        size: (file.width, file.height),
        attribute,
        hatch,
        shapes,
        note,
    }
}

fn caption_id(level: Level) -> &'static str {
    match level {
        Level::Districts => "district-map-title",
        Level::Provinces => "country-map-title",
    }
}

/// What the map shows, in the figure's caption.
fn caption(state: State, level: Level, shown: Shown) -> String {
    let lang = state.lang.get();
    let kpi = match shown {
        Shown::Kpi1 => say(lang, Label::Kpi1MapName),
        Shown::Kpi2 => say(lang, Label::Kpi2MapName),
    };
    match level {
        Level::Districts => {
            let p = state.preset.with(|p| p.province.clone());
            sentence::map_of_districts(lang, kpi, p)
        }
        Level::Provinces => sentence::map_of_provinces(lang, kpi),
    }
}

/// Draws the map in `el` again (reactive: the file, the run, the KPI, the
/// language); none, and the figure hidden, until the run has something to show.
/// A map file not fetched yet (`fetched` says which is) is fetched first: its
/// text lands in `text` (`""` when it could not be fetched), which draws it.
fn redraw(
    state: State,
    level: Level,
    shown: Shown,
    el: &web_sys::Element,
    text: RwSignal<Option<String>>,
    fetched: &Fetched,
) {
    state.thai_digits.track();
    text.track();
    let lang = state.lang.get();
    let visible = visible(state, level);
    if let Some(figure) = el.parent_element() {
        let _ = figure.toggle_attribute_with_force("hidden", !visible);
    }
    let url = file_of(state, level);
    if !visible || url.is_none() {
        let why = url.is_none().then(|| say(lang, Label::NoMapOfProvince));
        return draw::draw_map(el, None, why.as_deref());
    }
    if *fetched.borrow() != url {
        fetched.replace(url.clone());
        let Some(url) = url else { return };
        // Fetched ahead (`prefetch`): drawn at once, with no fetch on the way to `done`.
        if let Some(kept) = state.map_texts.with_value(|m| m.get(&url).cloned()) {
            text.set(Some(kept));
            return mark_fetched(state, url);
        }
        text.set(None);
        let fetched = fetched.clone();
        leptos::task::spawn_local(async move {
            let got = map_text(state, &url).await;
            if fetched.borrow().as_deref() == Some(url.as_str()) {
                text.set(Some(got));
            }
            mark_fetched(state, url);
        });
        return;
    }
    text.with(|t| match t.as_deref().map(MapFile::parse) {
        None => {}
        Some(Ok(file)) => draw::draw_map(el, Some(&drawing(state, level, &file, &areas(state, level), shown)), None),
        Some(Err(_)) => draw::draw_map(el, None, Some(&say(lang, Label::MapUnreadable))),
    });
}

/// Says the map file at `url` is fetched, once each (switching between
/// provinces asks for a file again, answered from memory).
fn mark_fetched(state: State, url: String) {
    state.maps_fetched.update(|f| {
        if !f.contains(&url) {
            f.push(url);
        }
    });
}

/// The text of the map file at `url` (`""` when it could not be fetched),
/// fetched once: kept in the page's memory after.
async fn map_text(state: State, url: &str) -> String {
    if let Some(kept) = state.map_texts.with_value(|m| m.get(url).cloned()) {
        return kept;
    }
    let got = browser::fetch_text(url).await.unwrap_or_default();
    if !got.is_empty() {
        state.map_texts.update_value(|m| {
            m.insert(url.to_string(), got.clone());
        });
    }
    got
}

/// Fetches the map of the preset's province ahead (called once the page is
/// ready, as the workers are started): a first result then draws its map with
/// no fetch between the last file read and `done`.
pub fn prefetch(state: State) {
    if let Some(url) = untrack(|| file_of(state, Level::Districts)) {
        leptos::task::spawn_local(async move {
            let _ = map_text(state, &url).await;
        });
    }
}

/// Which map file was last asked for.
type Fetched = std::rc::Rc<std::cell::RefCell<Option<String>>>;

/// A map of the run's areas: `Level::Districts` for the province on screen,
/// `Level::Provinces` for a run over several. The frame is a view; the map
/// itself is drawn with DOM calls (`draw::draw_map`), which keeps the page's
/// first load from growing by the tens of KB a view of it costs.
#[component]
pub fn ScoreMap(level: Level) -> impl IntoView {
    let state = expect_context::<State>();
    let kpi2 = RwSignal::new(false);
    let shown = move || if kpi2.get() { Shown::Kpi2 } else { Shown::Kpi1 };
    // The map file's text as fetched (`""` when it could not be), and for which file.
    let text = RwSignal::new(None::<String>);
    let fetched = Fetched::default();
    // The drawing, made again when the file, the run, the KPI or the language
    // changes; none (and the figure hidden) until the run has something to show.
    let holder = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = holder.get() {
            redraw(state, level, shown(), &el, text, &fetched);
        }
    });
    // Tapping an area: a district's rows in the tables, or a province's district
    // tables; pointing at one: what it has, under the map.
    let say = move |ev: &web_sys::MouseEvent| {
        let (i, name) = draw::data_index(ev)?;
        let area = areas(state, level).into_iter().nth(i)?;
        let text = detail(state, state.lang.get_untracked(), shown(), &name, Some(&area));
        if let Some(h) = holder.get_untracked() {
            draw::say_on_map(&h, &text);
        }
        Some((i, name))
    };
    let on_tap = move |ev: web_sys::MouseEvent| {
        let Some((i, name)) = say(&ev) else { return };
        match level {
            Level::Districts => browser::mark_rows("data-district", &name),
            Level::Provinces => {
                state.selected.set(i);
                browser::mark_rows("data-province", &name);
            }
        }
    };
    let caption = move || caption(state, level, shown());
    let has_kpi2 = move || {
        state.analysis.with(|a| a.evaluation.province.kpi2.is_some())
            || state.nation.with(|n| n.as_ref().is_some_and(|n| n.nation.province.kpi2.is_some()))
    };
    view! {
        <figure class="map-box" hidden>
            <figcaption id=caption_id(level)>{caption}</figcaption>
            <div class="map-switch no-print" role="group" class:hidden=move || !has_kpi2()>
                <button type="button" class="map-kpi" aria-pressed=move || (!kpi2.get()).to_string()
                    on:click=move |_| kpi2.set(false)>{label(Label::Kpi1)}</button>
                <button type="button" class="map-kpi" aria-pressed=move || kpi2.get().to_string()
                    on:click=move |_| kpi2.set(true)>{label(Label::Kpi2)}</button>
            </div>
            <div class="map-holder" node_ref=holder on:click=on_tap on:mouseover=move |ev| { say(&ev); }></div>
        </figure>
    }
}
