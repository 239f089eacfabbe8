//! Fuzzing the results link's decoder (issue 26): any text decodes to a run or
//! to one error, in bounded memory, never a panic; a run it gives encodes and
//! decodes to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use otop_engine::share::SharedRun;

fuzz_target!(|data: &[u8]| {
    // As typed (any text), and as a version-1 payload: any bytes with their
    // right checksum, so the fuzzer reaches the decoder and the checks behind it.
    let text = String::from_utf8_lossy(data);
    let _ = SharedRun::decode(&text);
    let mut bytes = data.to_vec();
    bytes.extend_from_slice(&crc32fast::hash(data).to_le_bytes());
    let payload = {
        use base64::Engine;
        format!("r1.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes))
    };
    if let Ok(run) = SharedRun::decode(&payload) {
        assert_eq!(SharedRun::decode(&run.encode()).as_ref(), Ok(&run));
    }
});
