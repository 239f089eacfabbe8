//! The command's own tests (its figures are tested in the workspace's tests/,
//! through `otop_command::run`): its exit statuses, and a file it cannot open
//! is that file's one error while the others count.

// A test crate: an unwrap or index that fails is the test failing (the workspace lints are for the crates).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

fn run(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = otop_command::run(&args, &mut out, &mut err);
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

fn fixture(rel: &str) -> String {
    format!("{}/../../tests/fixtures/files/{rel}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_usage_error_is_status_2_with_the_usage() {
    let (code, _, err) = run(&["score", "--no-such-option"]);
    assert_eq!(code, otop_command::USAGE_ERROR);
    assert!(err.contains("Usage"), "{err}");
    assert_eq!(run(&["template"]).0, otop_command::USAGE_ERROR, "template needs its OUT.xlsx");
}

#[test]
fn a_file_that_cannot_be_opened_is_its_own_error_and_the_others_count() {
    let good = fixture("scenario/02-คลองหาด.xls");
    let (code, out, err) = run(&["score", "--json", "/no/such/file.xlsx", &good]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let issues = v["issues"].as_array().unwrap();
    let missing: Vec<_> = issues.iter().filter(|i| i["file"] == "file.xlsx").collect();
    assert_eq!(missing.len(), 1, "{issues:?}");
    assert_eq!(missing[0]["severity"], "error");
    let khlong_hat = v["districts"].as_array().unwrap().iter().find(|d| d["district"] == "คลองหาด").unwrap();
    assert!(khlong_hat["online"].as_i64().unwrap() > 0, "{khlong_hat}");
}

#[test]
fn a_preset_that_cannot_be_read_is_status_1() {
    let (code, _, err) = run(&["targets", "--preset", "/no/such/preset.json"]);
    assert_eq!(code, otop_command::FAILURE);
    assert!(err.contains("preset"), "{err}");
}
