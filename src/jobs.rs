//! Reading one dropped file as a self-contained job: what the page hands to its
//! Web Worker, and what comes back. Pure Rust, so the same code runs (and is
//! tested) natively; the worker (`src/worker.rs`) only carries the messages.
//!
//! ```
//! use otop_kpi::jobs::{run, Job, JobKind};
//! let job = Job { kind: JobKind::Report, name: "a.csv".into(), districts: vec!["คลองหาด".into()], default_year: 2564 };
//! let result = run(&job, "ชื่อผลิตภัณฑ์,Facebook,อำเภอ,ที่,ตำบล\nข้าว,fb.com/x,คลองหาด,1,ก\n".as_bytes());
//! assert_eq!(result.products.len(), 1);
//! let back = otop_kpi::jobs::JobResult::from_json(&result.to_json()).unwrap();
//! assert_eq!(back, result);
//! ```

use crate::import::report::Product;
use crate::import::targets::{read_tables, TargetTable};
use crate::import::{import_report, ImportedFile, Role};
use crate::issue::Issue;
use crate::sales::{read_file, SalesFile};
use serde::{Deserialize, Serialize};

/// Which drop zone (or settings button) the file came through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    Report,
    Round1,
    Sales,
    Targets,
}

/// A file to read (its bytes travel beside it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    pub kind: JobKind,
    pub name: String,
    /// The preset's district names (to recognise one-district files).
    pub districts: Vec<String>,
    /// The evaluation year (B.E.), for month names typed without a year.
    pub default_year: i32,
}

/// What reading a file gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobResult {
    pub file: ImportedFile,
    pub products: Vec<Product>,
    pub sales: Option<SalesFile>,
    /// Target tables, or the one issue saying why the file could not be read.
    pub tables: Option<Result<Vec<TargetTable>, Issue>>,
}

impl JobResult {
    /// The file with its products back in place.
    pub fn into_file(self) -> ImportedFile {
        let mut f = self.file;
        f.products = std::sync::Arc::new(self.products);
        f
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(s: &str) -> Result<JobResult, String> {
        serde_json::from_str(s).map_err(|e| e.to_string())
    }

    /// The result for a file whose reader stopped (the worker died on it).
    pub fn failed(job: &Job, detail: &str) -> JobResult {
        JobResult::failed_with(job, crate::import::workbook::FileError::Damaged(detail.to_string()).issue(&job.name))
    }

    /// The result for a file that could not be read, saying why in `issue`. A
    /// sales file keeps its (empty) figures, so its issue reaches the analysis
    /// like any other sales file's.
    pub fn failed_with(job: &Job, issue: Issue) -> JobResult {
        let kind = match job.kind {
            JobKind::Report => "report",
            JobKind::Round1 => "round1",
            JobKind::Sales => "sales",
            JobKind::Targets => "targets",
        };
        let file = ImportedFile {
            file: job.name.clone(),
            kind: kind.into(),
            sheets_used: Vec::new(),
            sheets_skipped: Vec::new(),
            rows: 0,
            products: Default::default(),
            issues: vec![issue.clone()],
        };
        JobResult {
            sales: (job.kind == JobKind::Sales).then(|| SalesFile { file: file.clone(), entries: Vec::new() }),
            file,
            products: Vec::new(),
            tables: (job.kind == JobKind::Targets).then(|| Err(issue)),
        }
    }
}

/// Reads one file.
pub fn run(job: &Job, bytes: &[u8]) -> JobResult {
    match job.kind {
        JobKind::Report | JobKind::Round1 => {
            let role = if job.kind == JobKind::Round1 { Role::Round1 } else { Role::Report };
            let mut file = import_report(&job.name, bytes, role, &job.districts);
            let products = std::sync::Arc::try_unwrap(std::mem::take(&mut file.products))
                .unwrap_or_else(|shared| (*shared).clone());
            JobResult { file, products, sales: None, tables: None }
        }
        JobKind::Sales => {
            let sales = read_file(&job.name, bytes, job.default_year);
            JobResult { file: sales.file.clone(), products: Vec::new(), sales: Some(sales), tables: None }
        }
        JobKind::Targets => {
            let tables = read_tables(&job.name, bytes);
            let file = ImportedFile {
                file: job.name.clone(),
                kind: "targets".into(),
                sheets_used: Vec::new(),
                sheets_skipped: Vec::new(),
                rows: 0,
                products: Default::default(),
                issues: Vec::new(),
            };
            JobResult { file, products: Vec::new(), sales: None, tables: Some(tables) }
        }
    }
}
