//! The `gilt` command. It uses only the embedding API in src/lib.rs.

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: gilt [option] ... [file | -] [arg] ...
Options:
  --dump-ast [--include-attributes] FILE
                    print FILE's syntax tree as CPython's ast.dump() does; with
                    --include-attributes, with positions (include_attributes=True)
  --parse-only FILE...
                    parse each FILE and report how many parsed (for timing)
  -V, --version     print the version and exit
  -h, --help        print this help and exit
";

/// Stack for the thread that runs Python: deep syntax trees are built and freed
/// recursively, so the default 8 MiB would limit how deeply a file may nest.
const STACK_SIZE: usize = 1 << 30;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::thread::Builder::new()
        .name("main".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run(args))
        .expect("the main thread starts")
        .join()
        .unwrap_or(ExitCode::FAILURE)
}

fn run(args: Vec<String>) -> ExitCode {
    match args.first().map(String::as_str) {
        Some("-h") | Some("--help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("-V") | Some("--version") => {
            println!("Gilt {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--dump-ast") => match (args.get(1).map(String::as_str), args.get(2)) {
            (Some("--include-attributes"), Some(path)) => dump_ast(path, true),
            (Some("--include-attributes"), None) | (None, _) => {
                usage_error("--dump-ast needs a FILE")
            }
            (Some(path), _) => dump_ast(path, false),
        },
        Some("--parse-only") => parse_only(&args[1..]),
        Some(path) if !path.starts_with('-') => run_file(path),
        Some(other) => usage_error(&format!("unknown option {other}")),
        None => usage_error("no script given"),
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("gilt: {msg}");
    eprint!("{USAGE}");
    ExitCode::from(2)
}

/// Read a script as CPython does, or report `can't open file` (exit 2).
fn read_script(path: &str) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(path).map_err(|e| {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.into());
        eprintln!(
            "gilt: can't open file '{}': [Errno {}] {}",
            abs.display(),
            e.raw_os_error().unwrap_or(0),
            errno_text(&e)
        );
        ExitCode::from(2)
    })
}

fn errno_text(e: &std::io::Error) -> String {
    let text = e.to_string();
    // Rust appends " (os error N)"; CPython prints the bare strerror.
    match text.rfind(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Parse `bytes`, the contents of `path`; a syntax error is printed (exit 1).
fn parse_bytes_or_report(path: &str, bytes: &[u8]) -> Result<gilt::ast::Module, ExitCode> {
    gilt::parse_source(bytes).map_err(|err| {
        // CPython names a script by its absolute path in tracebacks.
        let shown = std::path::absolute(path).unwrap_or_else(|_| path.into());
        eprint!("{}", err.render(&shown.display().to_string()));
        ExitCode::from(1)
    })
}

/// `--dump-ast`: `ast.dump(tree)`, or with `positions` `include_attributes=True`.
fn dump_ast(path: &str, positions: bool) -> ExitCode {
    let dumped = read_script(path).and_then(|bytes| {
        let module = parse_bytes_or_report(path, &bytes)?;
        Ok(if positions {
            gilt::dump_with_positions(&module, &bytes)
        } else {
            gilt::dump(&module)
        })
    });
    match dumped {
        Ok(dumped) => {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{dumped}");
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

fn parse_only(paths: &[String]) -> ExitCode {
    let (mut ok, mut failed) = (0usize, 0usize);
    for path in paths {
        match std::fs::read(path) {
            Ok(bytes) if gilt::parse_source(&bytes).is_ok() => ok += 1,
            _ => failed += 1,
        }
    }
    println!("parsed: {ok} ok, {failed} failed");
    ExitCode::SUCCESS
}

/// Run a script as CPython runs it: syntax errors first, then the program.
fn run_file(path: &str) -> ExitCode {
    let bytes = match read_script(path) {
        Ok(b) => b,
        Err(code) => return code,
    };
    // CPython names a script by its absolute path in tracebacks.
    let shown = std::path::absolute(path).unwrap_or_else(|_| path.into());
    let code = gilt::Interpreter::new().run_script(&shown.display().to_string(), &bytes);
    ExitCode::from(code.clamp(0, 255) as u8)
}
