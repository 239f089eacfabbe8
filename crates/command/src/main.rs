//! The native command `otop-kpi`: see `otop_command` and SPEC §9.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = otop_command::run(&args, &mut stdout.lock(), &mut stderr.lock());
    std::process::exit(code);
}
