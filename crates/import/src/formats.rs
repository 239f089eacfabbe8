//! Which formats this build reads: every one (the `all-formats` feature, on by
//! default: the command, the page's reader of every format, the writing
//! worker), or those of the page's first reading worker — `.xlsx` by the
//! streaming reader, CSV, Excel 2003 XML, and text in UTF-8, UTF-16 or
//! Windows-874 — kept small so that a first result needs fewer bytes.

use otop_model::imported::error::FileError;

/// Reads with a reader only the reader of every format holds (the
/// `all-formats` feature, on by default): calamine's (`.xls`, `.xlsb`, `.ods`,
/// `.fods`, and the `.xlsx` the streaming reader leaves), HTML's, and the
/// charsets of `encoding_rs`. Without the feature (the page's first reading
/// worker, kept small so that a first result needs fewer bytes: 377 KB of
/// wasm gzipped against 727) it is [`FileError::OtherReader`], and the page
/// hands the file to the reader of every format; `read` is then never
/// called, so none of that code is in the build.
///
/// ```
/// # use otop_import::formats::elsewhere;
/// # use otop_model::imported::error::FileError;
/// let read = elsewhere(|| Ok::<u32, FileError>(42));
/// // The crate's default build reads every format.
/// assert_eq!(read.ok(), Some(42));
/// ```
#[cfg(feature = "all-formats")]
pub fn elsewhere<T>(read: impl FnOnce() -> Result<T, FileError>) -> Result<T, FileError> {
    read()
}

/// See the `all-formats` build's.
#[cfg(not(feature = "all-formats"))]
pub fn elsewhere<T>(_read: impl FnOnce() -> Result<T, FileError>) -> Result<T, FileError> {
    Err(FileError::OtherReader)
}
