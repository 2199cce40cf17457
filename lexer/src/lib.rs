//! gilt-lexer: turns Python source text into the tokens the parser reads.
//!
//! Three stages, one module each: `source` decodes bytes to text (BOM, PEP 263
//! coding line), `raw` is the logos tokenizer of one physical token at a time, and
//! `layout` applies Python's line structure (NEWLINE, INDENT/DEDENT, bracket
//! nesting, backslash joining). `literal` decodes the body of string literals; the
//! parser calls it, since joining adjacent literals and f-strings are its business.

pub mod error;
pub mod layout;
pub mod line_index;
pub mod literal;
mod number;
mod raw;
pub mod source;
pub mod token;
pub mod wtf8;

pub use error::{ErrorKind, LexError};
pub use layout::{tokenize, Tokens};
pub use line_index::LineIndex;
pub use source::decode_source;
pub use token::{IntValue, StrKind, StrToken, Tok, Token};
pub use wtf8::Wtf8Buf;
