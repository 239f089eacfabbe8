//! The shape of the code, as README's "Layout" draws it: every library module
//! uses only modules of its own layer or below, no two modules use each other
//! (directly or round a circle), no source line is over 120 columns (as rustfmt
//! counts them) and no module over 450 lines. Read from the source files themselves.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

/// The library's layers, lowest first (as `src/lib.rs` lists them).
const LAYERS: &[&[&str]] = &[
    &["calendar", "money", "text"],
    &["display", "divisions", "issue"],
    &["district", "outliers", "preset", "scoring", "targets"],
    &["import"],
    &["counting", "evaluation", "sales"],
    &["analysis", "export", "nation", "read_file", "session", "share"],
    &["cli"],
];

/// The layers inside `import`, lowest first (as `src/import/mod.rs` draws them).
const IMPORT_LAYERS: &[&[&str]] = &[
    &["cell", "product", "file", "error"],
    &["guard", "detect", "reader"],
    &["text", "header", "month", "classify"],
    &["report", "sales", "targets"],
];

const MAX_LINE: usize = 120;
const MAX_MODULE_LINES: usize = 450;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a library file (`src/import/reader/xlsx.rs` → `import::reader::xlsx`),
/// or `None` for the shells (page, worker, client, binaries).
fn module_of(file: &Path) -> Option<Vec<String>> {
    let rel = file.strip_prefix(root().join("src")).ok()?;
    let parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string()).collect();
    let shell = matches!(parts.first().map(String::as_str), Some("main" | "bin" | "ui" | "lib"))
        || matches!(parts.last().map(String::as_str), Some("client" | "worker"));
    if shell {
        return None;
    }
    Some(parts.into_iter().filter(|p| p != "mod").collect())
}

/// The group a module path counts under: its top-level module, or for
/// `import`, its child (`import::reader::xlsx` → `import::reader`).
fn group(path: &[String]) -> Option<String> {
    let top = path.first()?;
    if top == "import" {
        if let Some(child) = path.get(1).filter(|c| IMPORT_LAYERS.iter().any(|l| l.contains(&c.as_str()))) {
            return Some(format!("import::{child}"));
        }
    }
    Some(top.clone())
}

fn layer(group: &str) -> Option<(usize, Option<usize>)> {
    let (top, child) = match group.split_once("::") {
        Some((t, c)) => (t, Some(c)),
        None => (group, None),
    };
    let outer = LAYERS.iter().position(|l| l.contains(&top))?;
    let inner = child.map(|c| IMPORT_LAYERS.iter().position(|l| l.contains(&c)));
    Some((outer, inner.flatten()))
}

/// Every module path a file names through `crate::…` or `super::…`, outside comments.
fn uses(module: &[String], text: &str) -> BTreeSet<Vec<String>> {
    let mut out = BTreeSet::new();
    // `super` is the parent module (of `a/b.rs` and of `a/b/mod.rs` alike: `a`).
    let parent = module[..module.len().saturating_sub(1)].to_vec();
    for line in text.lines().map(str::trim_start).filter(|l| !l.starts_with("//")) {
        for (prefix, base) in [("crate::", Vec::new()), ("super::", parent.clone())] {
            let mut rest = line;
            while let Some(at) = rest.find(prefix) {
                let after = &rest[at + prefix.len()..];
                let path: Vec<String> = after
                    .split("::")
                    .map(|seg| seg.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>())
                    .take_while(|seg| seg.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
                    .collect();
                let mut full = base.clone();
                full.extend(path);
                if !full.is_empty() {
                    out.insert(full);
                }
                rest = after;
            }
        }
    }
    out
}

#[test]
fn modules_use_only_their_own_layer_or_below_and_never_each_other() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut wrong = Vec::new();
    for file in &files {
        let Some(module) = module_of(file) else { continue };
        let Some(from) = group(&module) else { continue };
        let Some(from_layer) = layer(&from) else {
            wrong.push(format!("{from}: not in a layer (add it to LAYERS and README)"));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for used in uses(&module, &text) {
            let Some(to) = group(&used) else { continue };
            if to == from {
                continue;
            }
            let Some(to_layer) = layer(&to) else { continue };
            if to_layer.0 > from_layer.0 || (to_layer.0 == from_layer.0 && to_layer.1 > from_layer.1) {
                wrong.push(format!("{from} uses {to}, a higher layer ({})", file.display()));
            }
            edges.entry(from.clone()).or_default().insert(to);
        }
    }
    // No circle: a depth-first walk never comes back to a module on its path.
    fn walk(
        at: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        wrong: &mut Vec<String>,
    ) {
        if let Some(i) = path.iter().position(|p| p == at) {
            wrong.push(format!("circle: {} → {at}", path[i..].join(" → ")));
            return;
        }
        if !done.insert(at.to_string()) {
            return;
        }
        path.push(at.to_string());
        for next in edges.get(at).into_iter().flatten() {
            walk(next, edges, path, done, wrong);
        }
        path.pop();
    }
    let mut done = BTreeSet::new();
    for start in edges.keys() {
        walk(start, &edges, &mut Vec::new(), &mut done, &mut wrong);
    }
    assert!(edges.len() > 20, "the walk saw the library: {edges:?}");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn lines_and_modules_stay_short() {
    let mut files = Vec::new();
    for dir in ["src", "tests", "examples", "fuzz/fuzz_targets"] {
        rust_files(&root().join(dir), &mut files);
    }
    let mut wrong = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let rel = file.strip_prefix(root()).unwrap_or(file).display().to_string();
        for (i, line) in text.lines().enumerate() {
            // Counted as rustfmt counts (Thai vowel and tone marks take no column).
            let n = UnicodeWidthStr::width(line);
            if n > MAX_LINE {
                wrong.push(format!("{rel}:{}: {n} columns", i + 1));
            }
        }
        let lines = text.lines().count();
        if rel.starts_with("src") && lines > MAX_MODULE_LINES {
            wrong.push(format!("{rel}: {lines} lines"));
        }
    }
    assert!(files.len() > 40, "the walk saw the sources");
    assert!(wrong.is_empty(), "{} places:\n{}", wrong.len(), wrong.join("\n"));
}
