//! Gilt: a Python 3 interpreter in Rust that reproduces CPython's execution model.
//!
//! This crate is the embedding API; the `gilt` command (src/main.rs) uses nothing
//! else. It runs scripts, `-m` modules and the REPL's inputs with an
//! [`Interpreter`], and exposes the front end:
//! parsing source to an AST and printing it or its syntax errors exactly as
//! CPython does.
//!
//! A Rust program embeds Python through the same [`Interpreter`]: `exec`,
//! `eval`, `call`, `register_function`, `capture_stdout`; values cross as
//! [`Object`]s and exceptions come back as [`Error`]s (src/embed/).
//!
//! ```
//! let interp = gilt::Interpreter::new();
//! interp.register_function("shout", |args| {
//!     Ok(args[0].extract::<String>()?.to_uppercase().into())
//! }).unwrap();
//! interp.exec("def greet(name):\n    return shout('hello, ') + name\n").unwrap();
//! let greet = interp.get("greet").unwrap();
//! let text = interp.call(&greet, &["Ada".into()]).unwrap();
//! assert_eq!(text.extract::<String>().unwrap(), "HELLO, Ada");
//! ```
//!
//! Syntax trees are dropped recursively: a caller that parses untrusted input
//! nested tens of thousands of levels deep should do so on a thread with a
//! large stack, as the `gilt` command does.

mod embed;

pub use embed::{Error, FromObject, Object};
pub use gilt_lexer::ErrorKind;
pub use gilt_parser::{ast, ParseError};
pub use gilt_vm::run::Uncaught;
/// Make Ctrl-C raise KeyboardInterrupt in running Python code (as the `gilt`
/// command does) instead of ending the process.
pub use gilt_vm::signals::install_sigint_handler;

/// Block (`true`) or unblock all signals for the calling thread: a host that
/// runs Python on a thread other than the process's first blocks signals in
/// the others, so that they reach the Python thread promptly.
pub fn block_signals(block: bool) {
    gilt_vm::signals::block_all(block);
}

/// Parse a source file's bytes (BOM and coding line honoured) into a module.
///
/// ```
/// let module = gilt::parse_source(b"x = 1\n").unwrap();
/// assert_eq!(gilt::dump(&module), "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])");
/// ```
pub fn parse_source(bytes: &[u8]) -> Result<ast::Module, SourceError> {
    let text = gilt_lexer::decode_source(bytes).map_err(|e| SourceError {
        text: String::from_utf8_lossy(bytes).into_owned(),
        error: e.into(),
        undecodable: Some(bytes.to_vec()),
        from_compiler: false,
    })?;
    gilt_parser::parse_module(&text).map_err(|error| SourceError {
        text,
        error,
        undecodable: None,
        from_compiler: false,
    })
}

/// Parse a source file and make the checks CPython's compiler makes before it
/// generates code (`'return' outside function`, `'break' outside loop` ...):
/// what running the file would reject as a SyntaxError.
pub fn check_source(bytes: &[u8]) -> Result<ast::Module, SourceError> {
    let module = parse_source(bytes)?;
    match gilt_vm::compile::check_module(&module) {
        Ok(()) => Ok(module),
        Err(error) => {
            let text = gilt_lexer::decode_source(bytes).unwrap_or_default();
            Err(SourceError {
                text,
                error,
                undecodable: None,
                from_compiler: true,
            })
        }
    }
}

/// A Python interpreter: its GIL, builtins and loaded modules.
///
/// ```
/// let interp = gilt::Interpreter::new();
/// assert_eq!(interp.run_script("<demo>", b"x = 6 * 7\n"), 0);
/// ```
pub struct Interpreter {
    inner: std::sync::Arc<gilt_vm::interp::Interp>,
    argv: Vec<String>,
    inspect: bool,
}

impl Interpreter {
    /// A fresh interpreter, with the standard library (gilt-stdlib) registered
    /// in its import system.
    pub fn new() -> Interpreter {
        let inner = gilt_vm::interp::Interp::new();
        gilt_stdlib::install(&mut inner.enter());
        Interpreter {
            inner,
            argv: vec![String::new()],
            inspect: false,
        }
    }

    /// Set the program's arguments, `sys.argv`: the script (or `-c`, `-m`'s
    /// file, `-`) first.
    pub fn set_argv(&mut self, argv: Vec<String>) {
        self.argv = argv;
        self.publish_argv();
    }

    /// Hand `argv` to the interpreter, where `sys.argv` reads it.
    fn publish_argv(&self) {
        let mut vm = self.inner.enter();
        *vm.interp.argv.get_mut(&mut vm.gil) = self.argv.clone();
    }

    /// The program's arguments, as [`Interpreter::set_argv`] set them
    /// (`['']` by default, as CPython's REPL has).
    pub fn argv(&self) -> &[String] {
        &self.argv
    }

    /// `python -i`: an interactive prompt follows the script, so a SystemExit
    /// it raises is printed as a traceback instead of ending the process.
    pub fn set_inspect(&mut self, inspect: bool) {
        self.inspect = inspect;
    }

    /// Run `bytes` as the `__main__` module from `filename` and return the exit
    /// code CPython would: 0, the `sys.exit` code, or 1 after printing an
    /// uncaught exception's traceback to stderr. A syntax error is printed as
    /// CPython prints it and gives 1. `import` searches the script's folder.
    pub fn run_script(&self, filename: &str, bytes: &[u8]) -> i32 {
        self.run_main(filename, bytes, None)
    }

    fn run_main(&self, filename: &str, bytes: &[u8], path0: Option<&str>) -> i32 {
        self.run_main_in(filename, bytes, path0, "")
    }

    /// Run `bytes` as `__main__`, a module of `package` (`""`: top-level).
    fn run_main_in(&self, filename: &str, bytes: &[u8], path0: Option<&str>, package: &str) -> i32 {
        self.publish_argv();
        if let Err(e) = check_source(bytes) {
            eprint!("{}", e.render(filename));
            return 1;
        }
        gilt_vm::run::run_main_in_package(
            &self.inner,
            filename,
            bytes,
            path0,
            self.inspect,
            package,
        )
    }

    /// `python -m NAME`: find module NAME (`a.b` is `a/b.py`, a package runs
    /// its `__main__.py`) in the current folder and run it as `__main__`, with
    /// the current folder searched first by `import`; its package is imported
    /// first and is its `__package__`, so relative imports work. `Err` holds CPython's
    /// message when there is no such module (printed after the program name).
    /// `sys.argv[0]` becomes the module's path.
    pub fn run_module(&mut self, name: &str) -> Result<i32, String> {
        let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
        let path = find_module(&cwd, name)?;
        match self.argv.first_mut() {
            Some(first) => *first = path.display().to_string(),
            None => self.argv.push(path.display().to_string()),
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let cwd = cwd.display().to_string();
        // `a.b` runs in package `a`; a package `a` runs its `a.__main__`.
        let package = if path.ends_with("__main__.py") && !name.ends_with("__main__") {
            name
        } else {
            name.rsplit_once('.').map_or("", |(p, _)| p)
        };
        let shown = path.display().to_string();
        Ok(self.run_main_in(&shown, &bytes, Some(&cwd), package))
    }

    /// Start recording the GIL's trace: every span a thread holds the GIL
    /// or waits for it, and why it let go (see [`Interpreter::take_gil_trace`]).
    pub fn start_gil_trace(&self) {
        self.inner.lock.watch(|w| w.start_trace());
    }

    /// Stop recording and return the trace as Chrome trace-event JSON (it
    /// opens in Perfetto), or None if none was being recorded.
    pub fn take_gil_trace(&self) -> Option<String> {
        gilt_stdlib::take_gil_trace(&mut self.inner.enter())
    }

    /// Wait for the threads the program started that are not daemons (if it
    /// imported `threading`), as CPython does before the process exits. A
    /// host calls this when it is done with the interpreter.
    pub fn shutdown(&self) {
        gilt_vm::run::shutdown(&self.inner);
    }

    /// Run one input of the interactive prompt, parsed and checked, in the
    /// `__main__` namespace that persists across inputs (a script's, after
    /// `-i`): expression statements show their value's repr, and keep it in
    /// `builtins._`. A traceback is printed (`Err(Printed)`); a SystemExit is
    /// handed back (`Err(Exit(code))`) for the caller to obey.
    ///
    /// ```
    /// let interp = gilt::Interpreter::new();
    /// let module = gilt::check_source(b"x = 2\n").unwrap();
    /// assert_eq!(interp.run_interactive(&module, "x = 2\n"), Ok(()));
    /// ```
    pub fn run_interactive(&self, module: &ast::Module, text: &str) -> Result<(), Uncaught> {
        gilt_vm::run::run_interactive(&self.inner, module, text, "<stdin>")
    }

    /// Tab completions of `word` (a name or a dotted `a.b.c`, the text before
    /// the cursor) from the keywords, `__main__`'s globals, the builtins and
    /// attributes, as CPython's `rlcompleter`. Each replaces the whole word.
    pub fn completions(&self, word: &str) -> Vec<String> {
        gilt_vm::run::completions(&self.inner, word)
    }
}

/// Where `python -m name` finds `name` under `dir`: `a.b` is `a/b.py`, or a
/// package's `a/b/__main__.py`. The error is CPython's message.
fn find_module(dir: &std::path::Path, name: &str) -> Result<std::path::PathBuf, String> {
    let parts: Vec<&str> = name.split('.').collect();
    let not_found = || format!("No module named {name}");
    if parts.iter().any(|p| p.is_empty()) {
        return Err(not_found());
    }
    // Every parent must be a package (CPython imports each before the module).
    for i in 1..parts.len() {
        let parent = parts[..i].join(".");
        let path = parts[..i]
            .iter()
            .fold(dir.to_path_buf(), |p, part| p.join(part));
        if path.is_dir() {
            continue;
        }
        let why = if path.with_extension("py").is_file() {
            format!("__path__ attribute not found on '{parent}' while trying to find '{name}'")
        } else {
            format!("No module named '{parent}'")
        };
        return Err(format!(
            "Error while finding module specification for '{name}' (ModuleNotFoundError: {why})"
        ));
    }
    let base = parts.iter().fold(dir.to_path_buf(), |p, part| p.join(part));
    let file = base.with_extension("py");
    if file.is_file() {
        return Ok(file);
    }
    if base.is_dir() {
        let main = base.join("__main__.py");
        if main.is_file() {
            return Ok(main);
        }
        // A folder is a package (a namespace package without `__init__.py`).
        return Err(format!(
            "No module named {name}.__main__; '{name}' is a package and cannot be directly executed"
        ));
    }
    Err(not_found())
}

impl Default for Interpreter {
    fn default() -> Interpreter {
        Interpreter::new()
    }
}

/// Print a module as CPython's `ast.dump(tree)` does.
pub fn dump(module: &ast::Module) -> String {
    gilt_parser::dump::dump_module(module)
}

/// Print a module as CPython's `ast.dump(tree, include_attributes=True)` does:
/// with line and column positions. `bytes` is the source file it was parsed from.
pub fn dump_with_positions(module: &ast::Module, bytes: &[u8]) -> String {
    let text = gilt_lexer::decode_source(bytes).unwrap_or_default();
    gilt_parser::dump::dump_module_with_positions(module, &text)
}

/// A syntax error together with the decoded source text it points into.
#[derive(Debug, Clone)]
pub struct SourceError {
    /// The source text (lossily decoded if decoding itself failed).
    pub text: String,
    /// The error, worded as `ast.parse` words it.
    pub error: ParseError,
    /// The file's bytes, when they could not be decoded to text at all.
    pub undecodable: Option<Vec<u8>>,
    /// Found by the compiler's checks, not the parser. CPython then reads the
    /// line to show from the file, so a program without one (`<string>`,
    /// `<stdin>`) shows no line.
    pub from_compiler: bool,
}

impl SourceError {
    /// The error as CPython prints it for an uncaught SyntaxError in the script
    /// `filename` (whose wording differs from `ast.parse`'s in a few places).
    pub fn render(&self, filename: &str) -> String {
        if let Some(bytes) = &self.undecodable {
            return format!(
                "SyntaxError: {}\n",
                undecodable_message(&self.error.msg, bytes, filename)
            );
        }
        let mut error = self.error.clone();
        if error.msg == "source code string cannot contain null bytes" {
            error.msg = "source code cannot contain null bytes".into();
        }
        if self.from_compiler && filename.starts_with('<') && filename.ends_with('>') {
            // Same offsets and lines, nothing to show on them.
            let blank: String = self
                .text
                .bytes()
                .map(|b| if b == b'\n' { '\n' } else { ' ' })
                .collect();
            return gilt_parser::format_syntax_error(filename, &blank, &error);
        }
        gilt_parser::format_syntax_error(filename, &self.text, &error)
    }
}

/// How CPython reports a script it cannot decode: one line, no source shown.
fn undecodable_message(msg: &str, bytes: &[u8], filename: &str) -> String {
    if let Some(name) = msg.strip_prefix("unknown encoding: ") {
        return format!("encoding problem: {name}");
    }
    if msg.starts_with("(unicode error) 'utf-8' codec") {
        if let Err(e) = std::str::from_utf8(bytes) {
            let at = e.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            return format!(
                "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, \
                 but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                bytes[at]
            );
        }
    }
    msg.to_string()
}
