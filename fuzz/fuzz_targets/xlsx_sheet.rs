//! Differential fuzzing of the `.xlsx` byte scanner (sheet cells and shared
//! strings) against the XML reader it stands in for: whatever part the scanner
//! reads, it reads as the XML reader does. The input is a shared-strings part
//! and a sheet part, split at the first zero byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use otop_import::reader::xlsx_stream::both_ways;

fuzz_target!(|data: &[u8]| {
    let (strings, sheet) = match data.iter().position(|b| *b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (&b""[..], data),
    };
    let (fast, slow) = both_ways(strings, sheet);
    if let Some(fast) = fast {
        // Compared as printed, so that a NaN cell equals itself.
        assert_eq!(format!("{:?}", Some(fast)), format!("{slow:?}"));
    }
});
