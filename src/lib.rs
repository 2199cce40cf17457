//! Gilt: a Python 3 interpreter in Rust that reproduces CPython's execution model.
//!
//! This crate is the embedding API; the `gilt` command (src/main.rs) uses nothing
//! else. It runs scripts with an [`Interpreter`], and exposes the front end:
//! parsing source to an AST and printing it or its syntax errors exactly as
//! CPython does.
//!
//! Syntax trees are dropped recursively: a caller that parses untrusted input
//! nested tens of thousands of levels deep should do so on a thread with a
//! large stack, as the `gilt` command does.

pub use gilt_parser::{ast, ParseError};

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
    })?;
    gilt_parser::parse_module(&text).map_err(|error| SourceError {
        text,
        error,
        undecodable: None,
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
}

impl Interpreter {
    /// A fresh interpreter.
    pub fn new() -> Interpreter {
        Interpreter {
            inner: gilt_vm::interp::Interp::new(),
        }
    }

    /// Run `bytes` as the `__main__` module from `filename` and return the exit
    /// code CPython would: 0, the `sys.exit` code, or 1 after printing an
    /// uncaught exception's traceback to stderr. A syntax error is printed as
    /// CPython prints it and gives 1.
    pub fn run_script(&self, filename: &str, bytes: &[u8]) -> i32 {
        if let Err(e) = check_source(bytes) {
            eprint!("{}", e.render(filename));
            return 1;
        }
        gilt_vm::run::run_main(&self.inner, filename, bytes)
    }
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
