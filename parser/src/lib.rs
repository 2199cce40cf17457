//! gilt-parser: Python 3.11's grammar, producing an AST shaped as CPython's `ast`.
//!
//! Text goes through the lexer, then `rewrite` marks soft keywords, then the
//! lalrpop grammar builds the tree with the help of `nodes` (targets, parameters,
//! arguments, patterns) and `strings`/`fstring` (literals); `error` turns a
//! failure into CPython's SyntaxError, and `dump` prints a tree as `ast.dump`.

pub mod ast;
pub mod dump;
mod error;
mod fstring;
mod nodes;
pub mod repr;
mod rewrite;
mod strings;

#[allow(clippy::all, unused_parens, unused_variables)]
mod grammar {
    include!(concat!(env!("OUT_DIR"), "/grammar.rs"));
}

pub use error::{format_syntax_error, ParseError};

use gilt_lexer::{Tok, Token};
use nodes::ActionError;

/// Parse a module (a file's text, already decoded).
///
/// ```
/// let m = gilt_parser::parse_module("x = 1\n").unwrap();
/// assert_eq!(m.body.len(), 1);
/// ```
pub fn parse_module(source: &str) -> Result<ast::Module, ParseError> {
    let lexed = gilt_lexer::tokenize(source);
    let mut tokens = lexed.tokens;
    rewrite::rewrite(&mut tokens);
    let stream = tokens.iter().map(|t| Ok((t.start, t.tok.clone(), t.end)));
    match grammar::ModuleParser::new().parse(source, stream) {
        Ok(body) => match lexed.error {
            // The grammar may accept a prefix that ends right where lexing stopped.
            Some(e) => Err(e.into()),
            None => Ok(ast::Module { body }),
        },
        Err(e) => Err(error::from_grammar(source, &tokens, e, lexed.error)),
    }
}

/// Parse a single expression, as `eval()` and `ast.parse(mode='eval')` do.
pub fn parse_expression(source: &str) -> Result<ast::Expr, ParseError> {
    let lexed = gilt_lexer::tokenize(source);
    let mut tokens = lexed.tokens;
    rewrite::rewrite(&mut tokens);
    let stream = tokens.iter().map(|t| Ok((t.start, t.tok.clone(), t.end)));
    match grammar::ExpressionParser::new().parse(source, stream) {
        Ok(e) => match lexed.error {
            Some(e) => Err(e.into()),
            None => Ok(e),
        },
        Err(e) => Err(error::from_grammar(source, &tokens, e, lexed.error)),
    }
}

/// Parse the expression of an f-string field, `src[start..end]`, as CPython
/// does: wrapped in parentheses. Token offsets are moved back into `src`, so the
/// tree's ranges and any nested string literals refer to the original text: the
/// `)` stands on the field's `}` (or `!`, `:`, `=`), the `(` at `paren_at`.
fn parse_fstring_expr(
    src: &str,
    start: u32,
    end: u32,
    paren_at: u32,
) -> Result<ast::Expr, ActionError> {
    let text = format!("({})", &src[start as usize..end as usize]);
    let lexed = gilt_lexer::tokenize(&text);
    let base = start - 1;
    let shift = |t: &Token| {
        let mut tok = t.tok.clone();
        if let Tok::Str(s) = &mut tok {
            s.body_start += base;
            s.body_end += base;
        }
        let s = if t.start == 0 {
            paren_at
        } else {
            (t.start + base).min(end)
        };
        (s, tok, (t.end + base).min(end + 1))
    };
    let fail = |msg: String, s: u32, e: u32| {
        nodes::err(
            format!("f-string: {msg}"),
            (s + base).min(end),
            (e + base).min(end),
        )
    };
    if let Some(e) = &lexed.error {
        return Err(fail(e.msg.clone(), e.start, e.end));
    }
    let stream = lexed.tokens.iter().map(|t| Ok(shift(t)));
    grammar::ExpressionParser::new()
        .parse(src, stream)
        .map_err(|e| match e {
            lalrpop_util::ParseError::User { error } if error.msg.starts_with("f-string") => {
                lalrpop_util::ParseError::User { error }
            }
            lalrpop_util::ParseError::User { error } => {
                nodes::err(format!("f-string: {}", error.msg), error.start, error.end)
            }
            _ => {
                let (s, e) = (start, end);
                nodes::err("f-string: invalid syntax", s, e)
            }
        })
}
