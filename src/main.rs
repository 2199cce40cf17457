//! The `gilt` command: CPython's command line (`FILE`, `-c`, `-m`, `-`, `-i`,
//! the REPL) plus developer options. It uses only the embedding API in
//! src/lib.rs; the interactive prompt is in src/repl.rs.

mod repl;

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: gilt [option] ... [-c cmd | -m mod | file | -] [arg] ...";

const HELP: &str = "Options:
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal
-m mod : run library module as a script (terminates option list)
-q     : don't print version and copyright messages on interactive startup
-u     : force the stdout and stderr streams to be unbuffered
-B, -E, -s, -S
       : accepted for compatibility with CPython; no effect
-V     : print the version number and exit (also --version)
-X gil-trace=FILE
       : record when each thread held the GIL, why it let go and how long
         others waited, as Chrome trace-event JSON (opens in Perfetto);
         other -X options are accepted and have no effect
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]

Developer options (first on the command line):
--dump-ast [--include-attributes] FILE
       : print FILE's syntax tree as CPython's ast.dump() does; with
         --include-attributes, with positions (include_attributes=True)
--gil-trace TRACE --svg OUT
       : draw a trace written by -X gil-trace as an SVG timeline, one lane
         per thread
--parse-only FILE...
       : parse each FILE and report how many parsed (for timing)
";

/// Objects are small and short-lived; mimalloc's per-thread free lists serve
/// them faster than the system allocator, and frees that arrive in bulk (a
/// young collection of the cycle collector lets go of hundreds) stay cheap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Stack for the thread that runs Python: deep syntax trees are built and freed
/// recursively, so the default 8 MiB would limit how deeply a file may nest.
const STACK_SIZE: usize = 1 << 30;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Signals go to the thread that runs Python, not to this one, which
    // only waits (the new thread inherits the mask and lifts it).
    gilt::block_signals(true);
    std::thread::Builder::new()
        .name("main".into())
        .stack_size(STACK_SIZE)
        .spawn(move || {
            gilt::block_signals(false);
            run(args)
        })
        .expect("the main thread starts")
        .join()
        .unwrap_or(ExitCode::FAILURE)
}

/// What the command line asks to run.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Program {
    /// `-c CODE`.
    Command(String),
    /// `-m NAME`.
    Module(String),
    /// A script file.
    Script(String),
    /// Nothing, or `-` (`dash`): a REPL if stdin is a terminal, else stdin as
    /// a script.
    Stdin { dash: bool },
}

/// The parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Options {
    program: Program,
    /// `-i`.
    inspect: bool,
    /// `-q`.
    quiet: bool,
    /// What follows the program: `sys.argv[1:]`.
    args: Vec<String>,
    /// `-X gil-trace=FILE`: where to write the GIL's trace.
    gil_trace: Option<String>,
}

/// What the command line asks for besides running a program.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Parsed {
    Run(Options),
    Help,
    Version,
    /// A usage error, worded as CPython words it.
    Error(String),
}

fn run(args: Vec<String>) -> ExitCode {
    match args.first().map(String::as_str) {
        Some("--dump-ast") => {
            return match (args.get(1).map(String::as_str), args.get(2)) {
                (Some("--include-attributes"), Some(path)) => dump_ast(path, true),
                (Some("--include-attributes"), None) | (None, _) => {
                    usage_error("--dump-ast needs a FILE")
                }
                (Some(path), _) => dump_ast(path, false),
            }
        }
        Some("--parse-only") => return parse_only(&args[1..]),
        Some("--gil-trace") => return draw_gil_trace(&args[1..]),
        _ => {}
    }
    match parse_args(&args) {
        Parsed::Help => {
            println!("{USAGE}\n{HELP}");
            ExitCode::SUCCESS
        }
        Parsed::Version => {
            println!("Gilt {} (Python 3.11)", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Parsed::Error(msg) => usage_error(&msg),
        Parsed::Run(options) => exit_code(run_program(options)),
    }
}

/// Read options as CPython does: flags may be grouped (`-iu`), `-c` and `-m`
/// take the rest of their word or the next one and end the options, and the
/// first word that is not an option is the script.
fn parse_args(args: &[String]) -> Parsed {
    let mut options = Options {
        program: Program::Stdin { dash: false },
        inspect: false,
        quiet: false,
        args: Vec::new(),
        gil_trace: None,
    };
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        match arg.as_str() {
            "--help" => return Parsed::Help,
            "--version" => return Parsed::Version,
            "--" => {
                if let Some(script) = args.get(i) {
                    options.program = script_or_stdin(script);
                    i += 1;
                }
                break;
            }
            "-" => {
                options.program = Program::Stdin { dash: true };
                break;
            }
            _ if arg.starts_with("--") => return Parsed::Error(format!("unknown option {arg}")),
            _ if arg.starts_with('-') => {
                let flags: Vec<char> = arg[1..].chars().collect();
                for (at, &flag) in flags.iter().enumerate() {
                    match flag {
                        'c' | 'm' => {
                            let rest: String = flags[at + 1..].iter().collect();
                            let value = if !rest.is_empty() {
                                rest
                            } else if let Some(next) = args.get(i) {
                                i += 1;
                                next.clone()
                            } else {
                                return Parsed::Error(format!(
                                    "Argument expected for the -{flag} option"
                                ));
                            };
                            options.program = if flag == 'c' {
                                Program::Command(value)
                            } else {
                                Program::Module(value)
                            };
                            options.args = args[i..].to_vec();
                            return Parsed::Run(options);
                        }
                        'X' => {
                            let rest: String = flags[at + 1..].iter().collect();
                            let value = if !rest.is_empty() {
                                rest
                            } else if let Some(next) = args.get(i) {
                                i += 1;
                                next.clone()
                            } else {
                                return Parsed::Error("Argument expected for the -X option".into());
                            };
                            // Other -X options (CPython's) are accepted and
                            // have no effect.
                            if let Some(file) = value.strip_prefix("gil-trace=") {
                                options.gil_trace = Some(file.to_string());
                            }
                            break;
                        }
                        'i' => options.inspect = true,
                        'q' => options.quiet = true,
                        // -u: Gilt's stdout and stderr are written through at
                        // each line and flushed before a traceback and at exit.
                        'u' | 'B' | 'E' | 's' | 'S' => {}
                        'h' | '?' => return Parsed::Help,
                        'V' => return Parsed::Version,
                        other => return Parsed::Error(format!("Unknown option: -{other}")),
                    }
                }
            }
            script => {
                options.program = Program::Script(script.to_string());
                break;
            }
        }
    }
    options.args = args[i..].to_vec();
    Parsed::Run(options)
}

fn script_or_stdin(word: &str) -> Program {
    if word == "-" {
        Program::Stdin { dash: true }
    } else {
        Program::Script(word.to_string())
    }
}

/// Run what the options ask for and return the exit code.
fn run_program(options: Options) -> i32 {
    gilt::install_sigint_handler();
    let mut interp = gilt::Interpreter::new();
    let trace = options.gil_trace.clone();
    if trace.is_some() {
        interp.start_gil_trace();
    }
    let code = run_in(&mut interp, options);
    // As CPython does before it exits: wait for the non-daemon threads.
    interp.shutdown();
    if let (Some(path), Some(json)) = (trace, interp.take_gil_trace()) {
        if let Err(e) = std::fs::write(&path, json) {
            eprintln!(
                "{}: can't write the GIL trace to '{path}': {}",
                program_name(),
                errno_text(&e)
            );
        }
    }
    code
}

/// Run the program `options` name in `interp`; the exit code.
fn run_in(interp: &mut gilt::Interpreter, options: Options) -> i32 {
    interp.set_inspect(options.inspect);
    let argv0 = match &options.program {
        Program::Command(_) => "-c".to_string(),
        // `run_module` puts the module's path there.
        Program::Module(_) => "-m".to_string(),
        Program::Stdin { dash } => if *dash { "-" } else { "" }.to_string(),
        Program::Script(path) => path.clone(),
    };
    interp.set_argv(
        std::iter::once(argv0)
            .chain(options.args.iter().cloned())
            .collect(),
    );
    let code = match &options.program {
        Program::Command(code) => interp.run_script("<string>", code.as_bytes()),
        Program::Module(name) => match interp.run_module(name) {
            Ok(code) => code,
            Err(msg) => {
                eprintln!("{}: {msg}", program_name());
                return 1;
            }
        },
        Program::Script(path) => {
            let bytes = match read_script(path) {
                Ok(b) => b,
                Err(code) => return code,
            };
            // CPython names a script by its absolute path in tracebacks.
            let shown = std::path::absolute(path).unwrap_or_else(|_| path.into());
            interp.run_script(&shown.display().to_string(), &bytes)
        }
        Program::Stdin { .. } if options.inspect || std::io::stdin().is_terminal() => {
            return repl::run(interp, !options.quiet);
        }
        Program::Stdin { .. } => {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
                eprintln!("{}: can't read <stdin>: {}", program_name(), errno_text(&e));
                return 1;
            }
            interp.run_script("<stdin>", &bytes)
        }
    };
    if options.inspect {
        // `-i`: the prompt follows the program whatever became of it.
        return repl::run(interp, false);
    }
    code
}

/// The process exit status for a Python exit code, as the OS truncates it.
fn exit_code(code: i32) -> ExitCode {
    ExitCode::from((code & 0xff) as u8)
}

/// The program's name in messages: CPython prints its executable's path.
fn program_name() -> String {
    std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "gilt".into())
}

fn usage_error(msg: &str) -> ExitCode {
    let usage = USAGE.replacen("gilt", &program_name(), 1);
    eprintln!("{msg}\n{usage}\nTry `gilt -h' for more information.");
    ExitCode::from(2)
}

/// Read a script as CPython does, or report `can't open file` (exit 2).
fn read_script(path: &str) -> Result<Vec<u8>, i32> {
    std::fs::read(path).map_err(|e| {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.into());
        eprintln!(
            "{}: can't open file '{}': [Errno {}] {}",
            program_name(),
            abs.display(),
            e.raw_os_error().unwrap_or(0),
            errno_text(&e)
        );
        2
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
    let dumped = read_script(path).map_err(exit_code).and_then(|bytes| {
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

/// `--gil-trace TRACE --svg OUT`: the drawing is done in Python, by the
/// built-in module `_giltrace`, run as `__main__`.
fn draw_gil_trace(args: &[String]) -> ExitCode {
    let mut interp = gilt::Interpreter::new();
    interp.set_argv(
        std::iter::once("--gil-trace".to_string())
            .chain(args.iter().cloned())
            .collect(),
    );
    let code = interp.run_script("<gil-trace>", b"import _giltrace\n_giltrace.main()\n");
    interp.shutdown();
    exit_code(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(words: &[&str]) -> Parsed {
        let args: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        parse_args(&args)
    }

    fn run(program: Program, inspect: bool, args: &[&str]) -> Parsed {
        Parsed::Run(Options {
            program,
            inspect,
            quiet: false,
            args: args.iter().map(|s| s.to_string()).collect(),
            gil_trace: None,
        })
    }

    #[test]
    fn options_end_at_the_program() {
        let c = |s: &str| Program::Command(s.into());
        assert_eq!(parse(&["-c", "x", "-i"]), run(c("x"), false, &["-i"]));
        assert_eq!(parse(&["-ic", "x", "a"]), run(c("x"), true, &["a"]));
        assert_eq!(parse(&["-cprint(1)"]), run(c("print(1)"), false, &[]));
        assert_eq!(
            parse(&["-u", "-m", "mod", "-c"]),
            run(Program::Module("mod".into()), false, &["-c"])
        );
        assert_eq!(
            parse(&["-i", "f.py", "-c", "1"]),
            run(Program::Script("f.py".into()), true, &["-c", "1"])
        );
        let stdin = |dash| Program::Stdin { dash };
        assert_eq!(parse(&["-", "a"]), run(stdin(true), false, &["a"]));
        assert_eq!(parse(&[]), run(stdin(false), false, &[]));
        assert_eq!(
            parse(&["--", "-f.py"]),
            run(Program::Script("-f.py".into()), false, &[])
        );
    }

    #[test]
    fn usage_errors_and_info() {
        assert_eq!(parse(&["-V"]), Parsed::Version);
        assert_eq!(parse(&["-h", "-z"]), Parsed::Help);
        assert_eq!(parse(&["-z"]), Parsed::Error("Unknown option: -z".into()));
        assert_eq!(
            parse(&["-i", "-c"]),
            Parsed::Error("Argument expected for the -c option".into())
        );
    }

    #[test]
    fn x_options_take_a_value_and_gil_trace_names_a_file() {
        let Parsed::Run(o) = parse(&["-X", "gil-trace=t.json", "f.py"]) else {
            panic!("not a run")
        };
        assert_eq!(o.gil_trace.as_deref(), Some("t.json"));
        assert_eq!(o.program, Program::Script("f.py".into()));
        let Parsed::Run(o) = parse(&["-Xdev", "f.py"]) else {
            panic!("not a run")
        };
        assert_eq!(o.gil_trace, None);
        assert_eq!(
            parse(&["-X"]),
            Parsed::Error("Argument expected for the -X option".into())
        );
    }
}
