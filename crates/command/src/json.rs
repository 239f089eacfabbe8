//! The command's JSON output (SPEC §9): the ROW, ISSUE and FILE objects, a
//! province's run and a several-province run. Written here, in the layer that
//! writes JSON; the engine only computes.

use otop_engine::analysis::Analysis;
use otop_engine::evaluation::{Evaluation, Row};
use otop_engine::nation::NationRun;
use otop_model::imported::file::state_of_file;
use otop_model::imported::file::ImportedFile;
use otop_model::issue::Issue;
use otop_model::money::{BasisPoints, Satang};
use serde_json::{json, Value};

/// An amount as a JSON number of baht (exact: built from its decimal text).
pub fn money(s: Satang) -> Value {
    if s.is_whole_baht() {
        Value::from(s.baht())
    } else {
        s.to_string().parse::<serde_json::Number>().map(Value::Number).unwrap_or(Value::Null)
    }
}

/// Basis points as a JSON number of percent with two decimals (`898` → `8.98`).
pub fn percent(bp: BasisPoints) -> Value {
    bp.to_string().parse::<serde_json::Number>().map(Value::Number).unwrap_or(Value::Null)
}

/// The ROW object of `row` under `e`'s rule.
pub fn row(e: &Evaluation, row: &Row) -> Value {
    let rule = e.rule;
    json!({
        "district": row.district,
        "products": row.kpi1.products,
        "online": row.kpi1.online,
        "percent": percent(row.kpi1.percent),
        "kpi1_score": row.kpi1.score(rule),
        "kpi1_targets": row.kpi1_targets,
        "base": money(row.base),
        "sales": row.kpi2.as_ref().map(|k| money(k.sales)),
        "growth": row.kpi2.as_ref().map(|k| percent(k.growth)),
        "kpi2_score": row.kpi2.as_ref().map(|k| k.score(rule)),
        "kpi2_targets": row.kpi2_targets.iter().map(|s| money(*s)).collect::<Vec<_>>(),
    })
}

/// `issues` as ISSUE objects: severity, file, sheet, row, column, code and
/// both messages (not the repeats' rows, which the page folds).
pub fn issues(issues: &[Issue]) -> Value {
    let list = issues.iter().map(|i| {
        let mut v = serde_json::to_value(i).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.remove("also_rows");
        }
        v
    });
    Value::Array(list.collect())
}

/// The FILE object of `f`, in the `state` its issues give it.
pub fn file(f: &ImportedFile, state: &str) -> Value {
    json!({
        "file": f.file,
        "kind": f.kind,
        "sheets_used": f.sheets_used,
        "sheets_skipped": f.sheets_skipped.iter().map(|s| s.sheet.clone()).collect::<Vec<_>>(),
        "skipped_because": f.sheets_skipped,
        "rows": f.rows,
        "state": state,
    })
}

/// A province's run: districts, province, submitted, issues, files.
pub fn analysis(a: &Analysis, files: &[&ImportedFile]) -> Value {
    let e = &a.evaluation;
    let (sent, of) = a.submitted();
    json!({
        "districts": e.districts.iter().map(|r| row(e, r)).collect::<Vec<_>>(),
        "province": row(e, &e.province),
        "submitted": {"sent": sent, "of": of, "not_sent": a.not_sent()},
        "issues": issues(&a.issues),
        "files": files.iter().map(|f| file(f, a.file_state(&f.file))).collect::<Vec<_>>(),
    })
}

/// A run with `--targets`: provinces (each a province's run with its name),
/// the provinces table, the nation, issues, files.
pub fn nation(run: &NationRun, files: &[&ImportedFile]) -> Value {
    let provinces: Vec<Value> = run
        .provinces
        .iter()
        .map(|p| {
            let mine: Vec<&ImportedFile> = files.iter().copied().filter(|f| p.files.contains(&f.file)).collect();
            let mut v = analysis(&p.analysis, &mine);
            if let Some(o) = v.as_object_mut() {
                o.insert("name".into(), json!(p.preset.province));
            }
            v
        })
        .collect();
    let e = &run.nation;
    json!({
        "provinces": provinces,
        "provinces_table": e.districts.iter().map(|r| row(e, r)).collect::<Vec<_>>(),
        "nation": row(e, &e.province),
        "issues": issues(&run.issues),
        "files": files.iter().map(|f| file(f, state_of_file(&run.issues, &f.file))).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_percent_are_exact_numbers() {
        assert_eq!(money(Satang(6_830_286_007)).to_string(), "68302860.07");
        assert_eq!(money(Satang(100)).to_string(), "1");
        assert_eq!(percent(BasisPoints(898)).to_string(), "8.98");
    }

    #[test]
    fn an_issue_without_its_repeats_rows() {
        let mut issue = Issue::new(otop_model::issue::Code::ReportFlagUnclear, "ไม่ชัด", "unclear");
        issue.also_rows = vec![9, 12];
        let v = issues(&[issue]);
        assert_eq!(v[0]["code"], "report.flag.unclear");
        assert!(v[0].get("also_rows").is_none());
    }
}
