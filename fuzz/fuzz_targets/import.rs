//! Fuzzes the read-file feature the way the page's worker runs it: bytes and a
//! file name in, a reply out for every kind of file, encoded and decoded again,
//! then a whole analysis. The first byte of the input picks the file extension,
//! so every reader (xlsx, xls, xlsb, ods, csv) is reached; the rest is the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use otop_model::imported::file::FileKind;
use otop_worker::run;
use otop_protocol::{Outcome, Reply};
use otop_session::Session;

const EXTENSIONS: [&str; 6] = ["xlsx", "xls", "xlsb", "ods", "csv", "xlsm"];
const KINDS: [FileKind; 4] = [FileKind::Report, FileKind::Round1, FileKind::Sales, FileKind::Targets];

static DEFAULT_HOOK: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    // libfuzzer-sys aborts on every panic, even one the importer catches (it
    // catches calamine's reader panics and reports the file as damaged); restore
    // the default hook so only panics that escape the importer count as crashes.
    DEFAULT_HOOK.call_once(|| drop(std::panic::take_hook()));
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = format!("fuzz.{}", EXTENSIONS[pick as usize % EXTENSIONS.len()]);
    let mut session = Session::default();
    for kind in KINDS {
        let request = match kind {
            FileKind::Targets => session.request(kind, &name),
            _ => session.add_file(kind, &name),
        };
        let reply = run(&request, bytes);
        let decoded = Reply::decode(&reply.encode()).expect("a reply decodes");
        assert_eq!(decoded, reply);
        match reply.outcome {
            Outcome::Targets(tables) => session.import_targets(&name, tables),
            _ => assert!(session.store(reply)),
        }
    }
    let _ = session.analysis();
});
