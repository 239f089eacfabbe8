//! Holds the four charsets the readers decode themselves (UTF-8, UTF-16 LE
//! and BE, Windows-874: `otop_import::charset`, which the page's first reading
//! worker decodes with, having no encoding_rs tables) to the Encoding
//! Standard's decoders as encoding_rs has them, on any bytes; and decodes any
//! text file's bytes (a byte-order mark, a declared charset, or none) without a panic.
#![no_main]

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_874};
use libfuzzer_sys::fuzz_target;
use otop_import::charset::{decode, Charset};

fn standard(encoding: &'static Encoding, bytes: &[u8]) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

fuzz_target!(|data: &[u8]| {
    assert_eq!(Charset::Utf8.decode(data), standard(UTF_8, data));
    assert_eq!(Charset::Utf16Le.decode(data), standard(UTF_16LE, data));
    assert_eq!(Charset::Utf16Be.decode(data), standard(UTF_16BE, data));
    assert_eq!(Charset::Windows874.decode(data), standard(WINDOWS_874, data));
    let _ = decode(data);
});
