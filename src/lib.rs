//! Gilt: a Python 3 interpreter in Rust that reproduces CPython's execution model.
//!
//! This crate is the embedding API; the `gilt` command (src/main.rs) uses nothing
//! else. For now it exposes the front end: parsing source to an AST and printing
//! it or its syntax errors exactly as CPython does.

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
    })?;
    gilt_parser::parse_module(&text).map_err(|error| SourceError { text, error })
}

/// Print a module as CPython's `ast.dump(tree)` does.
pub fn dump(module: &ast::Module) -> String {
    gilt_parser::dump::dump_module(module)
}

/// A syntax error together with the decoded source text it points into.
#[derive(Debug, Clone)]
pub struct SourceError {
    /// The source text (lossily decoded if decoding itself failed).
    pub text: String,
    /// The error.
    pub error: ParseError,
}

impl SourceError {
    /// The error as CPython prints it for an uncaught SyntaxError in `filename`.
    pub fn render(&self, filename: &str) -> String {
        gilt_parser::format_syntax_error(filename, &self.text, &self.error)
    }
}
