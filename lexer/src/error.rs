//! Errors found while reading source text.

use std::fmt;

/// Which Python exception class a front-end error becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// `SyntaxError`.
    Syntax,
    /// `IndentationError` (a subclass of SyntaxError).
    Indentation,
    /// `TabError` (a subclass of IndentationError).
    Tab,
}

impl ErrorKind {
    /// The Python class name.
    pub fn class_name(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "SyntaxError",
            ErrorKind::Indentation => "IndentationError",
            ErrorKind::Tab => "TabError",
        }
    }
}

/// A lexical error: its class, CPython's message, and the byte range it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexError {
    /// SyntaxError, IndentationError or TabError.
    pub kind: ErrorKind,
    /// The message, worded as CPython 3.11 words it.
    pub msg: String,
    /// Byte offset of the first character the caret points at.
    pub start: u32,
    /// Byte offset just past the last character the carets cover (`start` or more).
    pub end: u32,
}

impl LexError {
    /// A SyntaxError at `[start, end)`.
    pub fn syntax(msg: impl Into<String>, start: u32, end: u32) -> LexError {
        LexError {
            kind: ErrorKind::Syntax,
            msg: msg.into(),
            start,
            end,
        }
    }
}

impl fmt::Display for LexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.class_name(), self.msg)
    }
}

impl std::error::Error for LexError {}
