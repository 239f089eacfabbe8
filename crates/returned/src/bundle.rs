//! "ส่งคืนทุกไฟล์": every file with problems sent back, in one zip.

use otop_model::display::Lang;
use otop_model::issue::Issue;
use otop_model::label::Label;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

pub use otop_model::imported::file::returned_name;

/// A name among `taken` made unique ("a (2).xlsx").
fn unique(name: String, taken: &[String]) -> String {
    if !taken.contains(&name) {
        return name;
    }
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name.as_str(), ""));
    (2..).map(|n| format!("{stem} ({n}).{ext}")).find(|n| !taken.contains(n)).unwrap_or(name)
}

/// One zip holding, for each of `files` (name, bytes, its issues) that has
/// issues, the file sent back ([`super::returned_file`]); a file that cannot be
/// read is named, with why, in a text file of the zip instead.
pub fn returned_zip(files: &[(&str, &[u8], Vec<&Issue>)], lang: Lang) -> Result<Vec<u8>, String> {
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let mut taken = Vec::new();
    let mut unread = String::new();
    for (name, bytes, issues) in files.iter().filter(|f| !f.2.is_empty()) {
        match super::returned_file(name, bytes, issues, lang) {
            Ok(back) => {
                let entry = unique(returned_name(name), &taken);
                out.start_file(entry.as_str(), options).map_err(|e| e.to_string())?;
                out.write_all(&back).map_err(|e| e.to_string())?;
                taken.push(entry);
            }
            Err(e) => {
                let issue = e.issue(name);
                let why = if lang == Lang::Th { issue.message_th } else { issue.message_en };
                unread.push_str(&format!("{name}: {why}\r\n"));
            }
        }
    }
    if !unread.is_empty() {
        let entry = Label::NotSentBackFileName.text(lang);
        out.start_file(entry, options).map_err(|e| e.to_string())?;
        out.write_all(unread.as_bytes()).map_err(|e| e.to_string())?;
    }
    out.finish().map(Cursor::into_inner).map_err(|e| e.to_string())
}
