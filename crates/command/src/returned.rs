//! `score --return DIR`: each report file with problems sent back (SPEC §5),
//! written to DIR as `<name>-ส่งคืนแก้ไข.xlsx`, as the page's "ส่งคืนทุกไฟล์" does.

use super::files::{self, file_name};
use otop_model::display::Lang;
use otop_model::imported::file::returned_name;
use otop_model::issue::Issue;
use std::io::Write;
use std::path::Path;

/// Writes the file to send back for each of `paths` that has issues among
/// `issues`, into `dir` (made if missing); says each on `said` (not the
/// output, which may be JSON). A file that
/// cannot be read or written is an error naming it.
pub(super) fn write_all<'a>(
    dir: &str,
    paths: impl Iterator<Item = &'a String>,
    issues: &[Issue],
    said: &mut dyn Write,
) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
    for path in paths {
        let name = file_name(path);
        let own: Vec<Issue> = issues.iter().filter(|i| i.file.as_deref() == Some(name.as_str())).cloned().collect();
        if own.is_empty() {
            continue;
        }
        let count = own.len();
        let back = files::returned(path, own, Lang::Th)?;
        let target = Path::new(dir).join(returned_name(&name));
        std::fs::write(&target, back).map_err(|e| format!("{}: {e}", target.display()))?;
        let _ = writeln!(said, "ส่งคืน: {} ({count} ปัญหา)", target.display());
    }
    Ok(())
}
