//! The native command `otop-kpi` (SPEC §9), as a library function so tests can run
//! it in-process. `src/main.rs` only forwards `std::env::args` here.
//!
//! ```
//! let mut out = Vec::new();
//! let mut err = Vec::new();
//! let code = otop_command::run(&["targets".to_string(), "--json".to_string()], &mut out, &mut err);
//! assert_eq!(code, 0);
//! assert!(String::from_utf8(out).unwrap().contains("\"kpi1\""));
//! ```

mod files;
pub mod json;
mod provinces;
mod returned;

use clap::{Arg, ArgAction, ArgMatches, Command};
use otop_engine::analysis::Analysis;
use otop_engine::sales::{SalesFile, SalesInput};
use otop_model::display::{self, Lang};
use otop_model::imported::file::{FileKind, ImportedFile};
use otop_model::issue::Issue;
use otop_model::label::{self, Label};
use otop_model::preset::{MarkOnly, Preset, ScoringRule};
use otop_model::targets::TargetTables;
use serde_json::json;
use std::io::Write;

/// Exit status for a usage error (clap's): the usage text goes with it.
pub const USAGE_ERROR: i32 = 2;
/// Exit status for an input that cannot be read or an output that cannot be written.
pub const FAILURE: i32 = 1;

/// The command line, as clap reads it.
fn cli() -> Command {
    let preset = || {
        Arg::new("preset").long("preset").value_name("FILE").help("the preset (JSON); default: Sa Kaeo 2564 round 2")
    };
    let json =
        || Arg::new("json").long("json").action(ArgAction::SetTrue).help("JSON (SPEC §9) instead of a text table");
    let files = |name: &'static str, help: &'static str| {
        Arg::new(name).long(name).value_name("FILE").action(ArgAction::Append).help(help)
    };
    Command::new("otop-kpi")
        .about("OTOP KPI targets and scores from report files (SPEC §9)")
        .subcommand_required(true)
        .arg_required_else_help(true)
        .arg(
            Arg::new("lang")
                .long("lang")
                .global(true)
                .value_parser(["th", "en"])
                .default_value("th")
                .help("the language of the text output (JSON keys are the same in both)"),
        )
        .subcommand(Command::new("targets").about("the letter's target tables of the preset").arg(preset()).arg(json()))
        .subcommand(
            Command::new("score")
                .about("both KPIs from report files")
                .arg(preset())
                .arg(files("targets", "a department's target tables (Excel), in place of the preset's figures"))
                .arg(files("round1", "a round-1 report: its products are not counted again"))
                .arg(files("sales", "a sales file (KPI 2)"))
                .arg(Arg::new("survey").long("survey").action(ArgAction::SetTrue).help("the readiness survey is done"))
                .arg(Arg::new("rule").long("rule").value_parser(["table", "percent"]).help("the scoring rule"))
                .arg(Arg::new("mark-only").long("mark-only").value_parser(["count", "warn", "exclude"]))
                .arg(
                    Arg::new("return")
                        .long("return")
                        .value_name("DIR")
                        .help("write each report with problems back, marked"),
                )
                .arg(json())
                .arg(Arg::new("reports").value_name("REPORT").required(true).num_args(1..)),
        )
        .subcommand(
            Command::new("template")
                .about("the blank report form")
                .arg(preset())
                .arg(Arg::new("out").value_name("OUT.xlsx").required(true)),
        )
}

/// Runs the command with `args` (without the program name); returns the exit
/// status: 0, [`USAGE_ERROR`] (with the usage) or [`FAILURE`] (with why).
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let matches = match cli().try_get_matches_from(std::iter::once("otop-kpi").chain(args.iter().map(String::as_str))) {
        Ok(m) => m,
        Err(e) => {
            let code = e.exit_code();
            let text = e.render().to_string();
            let _ = if code == 0 { out.write_all(text.as_bytes()) } else { err.write_all(text.as_bytes()) };
            return if code == 0 { 0 } else { USAGE_ERROR };
        }
    };
    let result = match matches.subcommand() {
        Some(("targets", m)) => targets(&Options::of(m), out),
        Some(("score", m)) => score(&Options::of(m), out, err),
        Some(("template", m)) => template(&Options::of(m)),
        _ => Ok(()),
    };
    match result {
        Ok(()) => 0,
        Err(msg) => {
            let _ = writeln!(err, "otop-kpi: {msg}");
            FAILURE
        }
    }
}

/// Options shared by the subcommands.
#[derive(Default)]
struct Options {
    preset: Option<String>,
    json: bool,
    round1: Vec<String>,
    sales: Vec<String>,
    survey: bool,
    rule: Option<ScoringRule>,
    mark_only: Option<MarkOnly>,
    targets: Vec<String>,
    /// `--return DIR`: where the files to send back go.
    return_dir: Option<String>,
    positional: Vec<String>,
    /// `--lang`: the words of the text output.
    lang: Lang,
}

impl Options {
    /// The options of a subcommand's matches (an option it does not take stays empty).
    fn of(m: &ArgMatches) -> Options {
        // `try_get_*`: an option the subcommand does not take is an error, read as absent.
        let one = |id: &str| m.try_get_one::<String>(id).ok().flatten().cloned();
        let all = |id: &str| -> Vec<String> {
            m.try_get_many::<String>(id).ok().flatten().map(|v| v.cloned().collect()).unwrap_or_default()
        };
        let flag = |id: &str| m.try_get_one::<bool>(id).ok().flatten().copied().unwrap_or(false);
        let mut positional = all("reports");
        positional.extend(one("out"));
        Options {
            preset: one("preset"),
            json: flag("json"),
            round1: all("round1"),
            sales: all("sales"),
            survey: flag("survey"),
            rule: one("rule").as_deref().and_then(ScoringRule::parse),
            mark_only: one("mark-only").as_deref().and_then(MarkOnly::parse),
            targets: all("targets"),
            return_dir: one("return"),
            positional,
            lang: if one("lang").as_deref() == Some("en") { Lang::En } else { Lang::Th },
        }
    }
}

/// Loads the preset named by `--preset`, or the built-in one. Validation problems
/// are returned as issues; a file that cannot be read or used at all is an error
/// (exit status [`FAILURE`]).
fn load_preset(path: Option<&str>) -> Result<(Preset, Vec<Issue>), String> {
    let Some(path) = path else {
        return Ok((Preset::sa_kaeo_2564_round2(), Vec::new()));
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read preset {path}: {e}"))?;
    match Preset::from_json(&text) {
        (Some(p), issues) => Ok((p, issues)),
        (None, issues) => Err(issues.into_iter().map(|i| i.message_en).collect::<Vec<_>>().join("; ")),
    }
}

fn targets(o: &Options, out: &mut dyn Write) -> Result<(), String> {
    let (preset, issues) = load_preset(o.preset.as_deref())?;
    let tables = TargetTables::of(&preset);
    let text =
        if o.json { targets_json(&preset, &tables, &issues) } else { targets_text(&preset, &tables, &issues, o.lang) };
    let _ = out.write_all(text.as_bytes());
    Ok(())
}

fn targets_json(preset: &Preset, t: &TargetTables, issues: &[Issue]) -> String {
    use json::{money, percent};
    let kpi1_row = |no: Option<usize>, r: &otop_model::targets::TargetRow| {
        json!({
            "no": no, "district": r.district, "entrepreneurs": r.entrepreneurs, "products": r.products,
            "targets": r.kpi1,
        })
    };
    let kpi2_row = |no: Option<usize>, r: &otop_model::targets::TargetRow| {
        let targets: Vec<_> = r.kpi2.iter().map(|s| money(*s)).collect();
        json!({"no": no, "district": r.district, "base": money(r.base), "targets": targets})
    };
    let v = json!({
        "province": preset.province,
        "fiscal_year": preset.fiscal_year,
        "round": preset.round,
        "kpi1": {
            "columns_percent": preset.kpi1.columns().iter().map(|b| percent(*b)).collect::<Vec<_>>(),
            "districts": t.districts.iter().enumerate().map(|(i, r)| kpi1_row(Some(i + 1), r)).collect::<Vec<_>>(),
            "province": kpi1_row(None, &t.province),
        },
        "kpi2": {
            "columns_percent": preset.kpi2.columns().iter().map(|b| percent(*b)).collect::<Vec<_>>(),
            "districts": t.districts.iter().enumerate().map(|(i, r)| kpi2_row(Some(i + 1), r)).collect::<Vec<_>>(),
            "province": kpi2_row(None, &t.province),
        },
        "issues": json::issues(issues),
        "warnings": otop_model::outliers::preset_outliers(preset),
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// Display width of a string in a terminal (unicode-width: Thai vowel and tone
/// marks take no column, wide characters two).
fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> =
        (0..cols).map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| width(s)).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for r in rows {
        for (c, cell) in r.iter().enumerate() {
            let pad = widths.get(c).copied().unwrap_or(0).saturating_sub(width(cell));
            if c == 1 {
                out.push_str(cell);
                out.push_str(&" ".repeat(pad));
            } else {
                out.push_str(&" ".repeat(pad));
                out.push_str(cell);
            }
            out.push_str("  ");
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
    }
    out
}

fn targets_text(preset: &Preset, t: &TargetTables, issues: &[Issue], lang: Lang) -> String {
    let window = label::round_line(
        lang,
        preset.round,
        preset.fiscal_year,
        &display::month(preset.window.start.year, preset.window.start.month, lang),
        &display::month(preset.window.end.year, preset.window.end.month, lang),
    );
    let w = |l: Label| l.text(lang).to_string();
    let mut s = String::new();
    s.push_str(Label::Kpi1TargetsTitle.text(lang));
    s.push('\n');
    s.push_str(&window);
    s.push_str("\n\n");
    let mut rows = vec![{
        let mut h = vec![w(Label::No), w(Label::District), w(Label::Entrepreneurs), w(Label::RegisteredProducts)];
        for (i, p) in preset.kpi1.columns().iter().enumerate() {
            h.push(label::score_column(lang, i + 1, &p.to_string()));
        }
        h
    }];
    let kpi1 = |no: String, r: &otop_model::targets::TargetRow| {
        let mut v = vec![no, r.district.clone(), display::count(r.entrepreneurs), display::count(r.products)];
        v.extend(r.kpi1.iter().map(|n| display::count(*n)));
        v
    };
    rows.extend(t.districts.iter().enumerate().map(|(i, r)| kpi1((i + 1).to_string(), r)));
    rows.push(kpi1(String::new(), &t.province));
    s.push_str(&table(&rows));
    s.push('\n');
    s.push_str(Label::Kpi2TargetsTitle.text(lang));
    s.push('\n');
    s.push_str(&window);
    s.push_str("\n\n");
    let mut rows = vec![{
        let mut h = vec![w(Label::No), w(Label::District), label::sales_of_year(lang, preset.fiscal_year - 1)];
        for (i, p) in preset.kpi2.columns().iter().enumerate() {
            h.push(label::score_column(lang, i + 1, &p.to_string()));
        }
        h
    }];
    let kpi2 = |no: String, r: &otop_model::targets::TargetRow| {
        let mut v = vec![no, r.district.clone(), display::baht(r.base)];
        v.extend(r.kpi2.iter().map(|n| display::baht(*n)));
        v
    };
    rows.extend(t.districts.iter().enumerate().map(|(i, r)| kpi2((i + 1).to_string(), r)));
    rows.push(kpi2(String::new(), &t.province));
    s.push_str(&table(&rows));
    let warnings = otop_model::outliers::preset_outliers(preset);
    for i in issues.iter().chain(warnings.iter()) {
        s.push_str(&format!("\n{}: {}", i.severity.as_str(), i.message(lang)));
    }
    if !issues.is_empty() || !warnings.is_empty() {
        s.push('\n');
    }
    s
}

fn score(o: &Options, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), String> {
    let (mut preset, _) = load_preset(o.preset.as_deref())?;
    if o.survey {
        preset.survey_done = true;
    }
    if let Some(rule) = o.rule {
        preset.rule = rule;
    }
    if let Some(m) = o.mark_only {
        preset.mark_only = m;
    }
    if !o.targets.is_empty() {
        return provinces::score_provinces(o, &preset, out, err);
    }
    let names: std::sync::Arc<[String]> = preset.districts.iter().map(|d| d.name.clone()).collect();
    let reports: Vec<ImportedFile> = o.positional.iter().map(|p| files::report(p, FileKind::Report, &names)).collect();
    let round1: Vec<ImportedFile> = o.round1.iter().map(|p| files::report(p, FileKind::Round1, &names)).collect();
    let read: Vec<SalesFile> = o.sales.iter().map(|p| files::sales(p, preset.window.end.year)).collect();
    let sales = SalesInput::aggregate(&read, &preset);
    let analysis = Analysis::run(&preset, &reports, &round1, &sales);
    let files: Vec<&ImportedFile> = reports.iter().chain(&round1).chain(&sales.files).collect();
    let text = if o.json {
        let mut s = serde_json::to_string_pretty(&json::analysis(&analysis, &files)).unwrap_or_default();
        s.push('\n');
        s
    } else {
        score_text(&preset, &analysis, o.lang)
    };
    let _ = out.write_all(text.as_bytes());
    match &o.return_dir {
        Some(dir) => returned::write_all(dir, o.positional.iter().chain(&o.round1), &analysis.issues, err),
        None => Ok(()),
    }
}

fn score_text(preset: &Preset, a: &Analysis, lang: Lang) -> String {
    use otop_model::scoring::Next;
    let e = &a.evaluation;
    let rule = e.rule;
    let w = |l: Label| l.text(lang).to_string();
    let by_rule = if rule == ScoringRule::Table { Label::RuleByTable } else { Label::RuleByPercent };
    let rule_word = if lang == Lang::Th { "เกณฑ์" } else { "rule" };
    let mut s = format!("{} ({rule_word}: {})\n\n", w(Label::Kpi1Title), w(by_rule));
    let mut rows = vec![vec![
        String::new(),
        w(Label::District),
        w(Label::RegisteredProducts),
        w(Label::Online),
        w(Label::Percent),
        w(Label::Score),
        w(Label::ProductsToNextScore),
    ]];
    let next1 = |n: Next<i64>| match n {
        Next::More { score, needed, .. } => format!("{} → {score}", display::count(needed)),
        Next::Survey => w(Label::SurveyNeeded),
        Next::Top => "-".into(),
    };
    let differ = |by_table: u8, by_percent: u8| {
        format!(" ({} {by_table} / {} {by_percent})", w(Label::ByTable), w(Label::ByPercent))
    };
    for (i, r) in e.districts.iter().chain(std::iter::once(&e.province)).enumerate() {
        let differ = if r.kpi1.rules_differ() { differ(r.kpi1.by_table, r.kpi1.by_percent) } else { String::new() };
        let no = if i < e.districts.len() { (i + 1).to_string() } else { String::new() };
        rows.push(vec![
            no,
            r.district.clone(),
            display::count(r.kpi1.products),
            display::count(r.kpi1.online),
            display::percent(r.kpi1.percent),
            format!("{}{differ}", r.kpi1.score(rule)),
            next1(r.kpi1.next(rule)),
        ]);
    }
    s.push_str(&table(&rows));
    s.push_str(&format!("\n{}\n\n", w(Label::Kpi2Title)));
    let mut rows = vec![vec![
        String::new(),
        w(Label::District),
        label::sales_of_year(lang, preset.fiscal_year - 1),
        w(Label::Sales),
        w(Label::Growth),
        w(Label::Score),
        w(Label::BahtToNextScore),
    ]];
    for (i, r) in e.districts.iter().chain(std::iter::once(&e.province)).enumerate() {
        let no = if i < e.districts.len() { (i + 1).to_string() } else { String::new() };
        let (sales, growth, score, next) = match &r.kpi2 {
            Some(k) => {
                let differ = if k.rules_differ() { differ(k.by_table, k.by_percent) } else { String::new() };
                let next = match k.next(rule) {
                    Next::More { score, needed, .. } => format!("{} → {score}", display::baht(needed)),
                    _ => "-".into(),
                };
                (display::baht(k.sales), display::percent(k.growth), format!("{}{differ}", k.score(rule)), next)
            }
            None => (w(Label::NoData), "-".into(), "-".into(), "-".into()),
        };
        rows.push(vec![no, r.district.clone(), display::baht(r.base), sales, growth, score, next]);
    }
    s.push_str(&table(&rows));
    let (sent, of) = a.submitted();
    let missing = a.not_sent();
    s.push_str(&format!("\n{}", label::sent_line(lang, sent, of)));
    if !missing.is_empty() {
        s.push_str(&format!(" ({}: {})", w(Label::NotSentYet), missing.join(", ")));
    }
    s.push('\n');
    if !a.issues.is_empty() {
        s.push_str(&format!("\n{} ({})\n", w(Label::IssuesFound), a.issues.len()));
        for i in &a.issues {
            let place =
                [i.file.clone(), i.sheet.clone(), i.row.map(|r| format!("{} {r}", w(Label::Row))), i.column.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" › ");
            s.push_str(&format!("- [{}] {place}: {}\n", i.severity.as_str(), i.message(lang)));
        }
    }
    s
}

fn template(o: &Options) -> Result<(), String> {
    let [path] = o.positional.as_slice() else {
        return Err("template needs exactly one OUT.xlsx".into());
    };
    let (preset, _) = load_preset(o.preset.as_deref())?;
    let bytes = files::template(&preset)?;
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {path}: {e}"))
}
