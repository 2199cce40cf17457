//! Syntax errors: what went wrong, where, and CPython's way of printing it.
//!
//! The grammar reports the first token it cannot shift; this module words that
//! as CPython 3.11 would (`expected ':'`, `unexpected indent`, `expected an
//! indented block after ...`, `Perhaps you forgot a comma?` ...) and decides
//! between a grammar error and a lexical error further on, as CPython's parser
//! does when it tokenizes the rest of the file after a failure.

use crate::nodes::SyntaxErr;
use gilt_lexer::{ErrorKind, LexError, LineIndex, Tok, Token};

/// A SyntaxError (or IndentationError / TabError) with the byte range it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Which exception class.
    pub kind: ErrorKind,
    /// CPython's message.
    pub msg: String,
    /// Byte offset the caret starts at.
    pub start: u32,
    /// Byte offset the carets end at (exclusive; equal to start for one caret).
    pub end: u32,
}

impl From<LexError> for ParseError {
    fn from(e: LexError) -> ParseError {
        ParseError { kind: e.kind, msg: e.msg, start: e.start, end: e.end }
    }
}

impl From<SyntaxErr> for ParseError {
    fn from(e: SyntaxErr) -> ParseError {
        ParseError { kind: e.kind, msg: e.msg, start: e.start, end: e.end }
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind.class_name(), self.msg)
    }
}

impl std::error::Error for ParseError {}

type GrammarError = lalrpop_util::ParseError<u32, Tok, SyntaxErr>;

/// Turn the grammar's failure into CPython's error. `lex_error` is the lexical
/// error that ended the token list early, if any.
pub(crate) fn from_grammar(source: &str, tokens: &[Token], e: GrammarError, lex_error: Option<LexError>) -> ParseError {
    let parse_error = match e {
        lalrpop_util::ParseError::User { error } => error.into(),
        lalrpop_util::ParseError::UnrecognizedToken { token: (l, _, _), expected } => {
            let at = tokens.partition_point(|t| t.start < l);
            unexpected_token(source, tokens, at, &expected)
        }
        lalrpop_util::ParseError::UnrecognizedEof { location, .. } => match lex_error {
            Some(e) => return e.into(),
            None => syntax("invalid syntax", location, location),
        },
        lalrpop_util::ParseError::InvalidToken { location } => syntax("invalid syntax", location, location),
        lalrpop_util::ParseError::ExtraToken { token: (l, _, r) } => syntax("invalid syntax", l, r),
    };
    match lex_error {
        Some(lex) if lex_error_wins(source, &lex, &parse_error) => lex.into(),
        _ => parse_error,
    }
}

/// CPython tokenizes the rest of the file after a parser error; a tokenizer
/// error found there replaces the parser's, except that an unclosed bracket
/// only does when the parser's error is on a later line than the bracket.
fn lex_error_wins(source: &str, lex: &LexError, parse: &ParseError) -> bool {
    if !lex.msg.ends_with("was never closed") {
        return true;
    }
    let index = LineIndex::new(source);
    index.line_col(parse.start).0 > index.line_col(lex.start).0
}

fn syntax(msg: impl Into<String>, start: u32, end: u32) -> ParseError {
    ParseError { kind: ErrorKind::Syntax, msg: msg.into(), start, end }
}

fn indentation(msg: impl Into<String>, start: u32, end: u32) -> ParseError {
    ParseError { kind: ErrorKind::Indentation, msg: msg.into(), start, end }
}

/// The grammar could not accept `tokens[at]`.
fn unexpected_token(source: &str, tokens: &[Token], at: usize, expected: &[String]) -> ParseError {
    let tok = &tokens[at];
    let expects = |s: &str| expected.iter().any(|e| e == s);
    if tok.tok == Tok::Indent {
        let next = tokens.get(at + 1).unwrap_or(tok);
        return indentation("unexpected indent", next.start, next.end);
    }
    if expects("\"INDENT\"") && expected.len() == 1 {
        let index = LineIndex::new(source);
        let (start, end) = match tok.tok {
            Tok::EndOfFile | Tok::Dedent | Tok::Newline => (tok.start, tok.start),
            _ => (tok.start, tok.end),
        };
        return match block_header(tokens, at) {
            Some((what, header_at)) => {
                let line = index.line_col(header_at).0;
                indentation(format!("expected an indented block after {what} on line {line}"), start, end)
            }
            None => indentation("expected an indented block", start, end),
        };
    }
    if tok.tok == Tok::Newline && expects("\":\"") && in_compound_header(tokens, at) {
        return syntax("expected ':'", tok.start, tok.start);
    }
    if let Some(e) = missing_print_parens(source, tokens, at) {
        return e;
    }
    if let Some(e) = forgotten_comma(tokens, at) {
        return e;
    }
    match tok.tok {
        Tok::Newline | Tok::EndOfFile | Tok::Dedent => syntax("invalid syntax", tok.start, tok.start),
        _ => syntax("invalid syntax", tok.start, tok.end),
    }
}

/// Index of the first token of the logical line holding `tokens[at]`.
fn line_start(tokens: &[Token], at: usize) -> usize {
    let mut i = at;
    while i > 0 && !matches!(tokens[i - 1].tok, Tok::Newline | Tok::Indent | Tok::Dedent) {
        i -= 1;
    }
    i
}

/// For an error where a block was expected: what CPython calls the statement
/// that opened it, and the offset of its first token.
fn block_header(tokens: &[Token], at: usize) -> Option<(String, u32)> {
    // tokens[at - 1] is the NEWLINE after the header's colon.
    let newline = (0..at).rev().find(|&i| tokens[i].tok == Tok::Newline)?;
    let first = line_start(tokens, newline);
    let mut i = first;
    while i < newline && tokens[i].tok == Tok::Async {
        i += 1;
    }
    let what = match &tokens[i].tok {
        Tok::Def => "function definition".to_string(),
        Tok::Class => "class definition".to_string(),
        Tok::Except if tokens.get(i + 1).is_some_and(|t| t.tok == Tok::Star) => "'except*' statement".to_string(),
        Tok::If | Tok::Elif | Tok::Else | Tok::For | Tok::While | Tok::With | Tok::Try | Tok::Except | Tok::Finally
        | Tok::Match | Tok::Case => format!("'{}' statement", tokens[i].tok.text()),
        _ => return None,
    };
    Some((what, tokens[i].start))
}

/// Is `tokens[at]` (a NEWLINE) the end of a compound statement's header?
fn in_compound_header(tokens: &[Token], at: usize) -> bool {
    let first = line_start(tokens, at);
    let mut i = first;
    while i < at && tokens[i].tok == Tok::Async {
        i += 1;
    }
    matches!(
        tokens[i].tok,
        Tok::If
            | Tok::Elif
            | Tok::Else
            | Tok::For
            | Tok::While
            | Tok::With
            | Tok::Try
            | Tok::Except
            | Tok::Finally
            | Tok::Def
            | Tok::Class
            | Tok::Match
            | Tok::Case
    )
}

/// `print "x"`: Python 2's print statement.
fn missing_print_parens(source: &str, tokens: &[Token], at: usize) -> Option<ParseError> {
    let prev = tokens.get(at.checked_sub(1)?)?;
    let name = match &prev.tok {
        Tok::Name(n) if &**n == "print" || &**n == "exec" => n.clone(),
        _ => return None,
    };
    if line_start(tokens, at - 1) != at - 1 || !starts_expression(&tokens[at].tok) {
        return None;
    }
    let end = tokens[at..].iter().find(|t| matches!(t.tok, Tok::Newline | Tok::Semi))?.start;
    let end = source[..end as usize].trim_end().len() as u32;
    let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
    Some(syntax(msg, prev.start, end))
}

fn starts_expression(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Lpar
            | Tok::Lsqb
            | Tok::Lbrace
            | Tok::Ellipsis
            | Tok::Lambda
            | Tok::Not
            | Tok::Await
            | Tok::Tilde
    )
}

fn ends_expression(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Rpar
            | Tok::Rsqb
            | Tok::Rbrace
            | Tok::Ellipsis
    )
}

/// `[a b]`: two expressions side by side inside brackets.
fn forgotten_comma(tokens: &[Token], at: usize) -> Option<ParseError> {
    let prev = tokens.get(at.checked_sub(1)?)?;
    let tok = &tokens[at];
    if !ends_expression(&prev.tok) || !starts_expression(&tok.tok) {
        return None;
    }
    if matches!(prev.tok, Tok::Name(_)) && matches!(tok.tok, Tok::Str(_)) {
        return None;
    }
    // Inside brackets?
    let mut depth = 0i32;
    let first = line_start(tokens, at);
    for t in &tokens[first..at] {
        match t.tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => depth += 1,
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth -= 1,
            _ => {}
        }
    }
    if depth <= 0 {
        return None;
    }
    let start = tokens[expression_start(tokens, at - 1, first)].start;
    let end = tokens[expression_end(tokens, at)].end;
    Some(syntax("invalid syntax. Perhaps you forgot a comma?", start, end))
}

/// Walk back from the token ending a primary expression to its first token.
fn expression_start(tokens: &[Token], mut i: usize, floor: usize) -> usize {
    loop {
        if matches!(tokens[i].tok, Tok::Rpar | Tok::Rsqb | Tok::Rbrace) {
            let mut depth = 0i32;
            while i > floor {
                match tokens[i].tok {
                    Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth += 1,
                    Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
                i -= 1;
            }
        }
        // A call or subscript continues a primary; so does `.name`.
        if i > floor && ends_expression(&tokens[i - 1].tok) && matches!(tokens[i].tok, Tok::Lpar | Tok::Lsqb) {
            i -= 1;
            continue;
        }
        if i > floor + 1 && tokens[i - 1].tok == Tok::Dot {
            i -= 2;
            continue;
        }
        return i;
    }
}

/// Walk forward from the first token of a primary expression to its last.
fn expression_end(tokens: &[Token], mut i: usize) -> usize {
    loop {
        if matches!(tokens[i].tok, Tok::Lpar | Tok::Lsqb | Tok::Lbrace) {
            let mut depth = 0i32;
            while i + 1 < tokens.len() {
                match tokens[i].tok {
                    Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth += 1,
                    Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
                i += 1;
            }
        }
        match tokens.get(i + 1).map(|t| &t.tok) {
            Some(Tok::Lpar | Tok::Lsqb) => i += 1,
            Some(Tok::Dot) if tokens.get(i + 2).is_some_and(|t| matches!(t.tok, Tok::Name(_))) => i += 2,
            _ => return i,
        }
    }
}

/// Print an error as CPython prints an uncaught SyntaxError: the file and line,
/// the source line, the carets, and `SyntaxError: msg`.
pub fn format_syntax_error(filename: &str, source: &str, err: &ParseError) -> String {
    let index = LineIndex::new(source);
    let start = err.start.min(source.len() as u32);
    let (line, col) = index.line_col(start);
    let mut out = format!("  File \"{filename}\", line {line}\n");
    let text = index.line_text(source, line);
    let trimmed = text.trim_start_matches([' ', '\t', '\x0c']);
    let indent = text.len() - trimmed.len();
    let shown = trimmed.trim_end();
    if !shown.is_empty() || col as usize > indent {
        out.push_str("    ");
        out.push_str(shown);
        out.push('\n');
        // Columns count characters; the caret line is relative to the shown text.
        let col = col as usize;
        let caret_col = text[..col.min(text.len())].chars().count().saturating_sub(text[..indent].chars().count());
        let (end_line, end_col) = index.line_col(err.end.min(source.len() as u32).max(start));
        let width = if end_line == line && end_col as usize > col {
            text[col.min(text.len())..(end_col as usize).min(text.len())].chars().count().max(1)
        } else {
            1
        };
        out.push_str("    ");
        out.push_str(&" ".repeat(caret_col));
        out.push_str(&"^".repeat(width));
        out.push('\n');
    }
    out.push_str(&format!("{}: {}\n", err.kind.class_name(), err.msg));
    out
}
