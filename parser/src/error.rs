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
        ParseError {
            kind: e.kind,
            msg: e.msg,
            start: e.start,
            end: e.end,
        }
    }
}

impl From<SyntaxErr> for ParseError {
    fn from(e: SyntaxErr) -> ParseError {
        ParseError {
            kind: e.kind,
            msg: e.msg,
            start: e.start,
            end: e.end,
        }
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
pub(crate) fn from_grammar(
    source: &str,
    tokens: &[Token],
    e: GrammarError,
    lex_error: Option<LexError>,
) -> ParseError {
    // Where the grammar stopped reading: CPython compares this with an unclosed
    // bracket's line.
    let mut reached = None;
    let parse_error = match e {
        lalrpop_util::ParseError::User { error } => error.into(),
        lalrpop_util::ParseError::UnrecognizedToken {
            token: (l, tok, r),
            expected,
        } => {
            let mut at = tokens.partition_point(|t| t.start < l);
            while at + 1 < tokens.len() && (tokens[at].tok != tok || tokens[at].end != r) {
                at += 1;
            }
            reached = Some(at);
            unexpected_token(source, tokens, at, &expected)
        }
        lalrpop_util::ParseError::UnrecognizedEof { location, .. } => match lex_error {
            Some(e) => return e.into(),
            None => syntax("invalid syntax", location, location),
        },
        lalrpop_util::ParseError::InvalidToken { location } => {
            syntax("invalid syntax", location, location)
        }
        lalrpop_util::ParseError::ExtraToken { token: (l, _, r) } => syntax("invalid syntax", l, r),
    };
    match lex_error {
        Some(lex) if lex_error_wins(source, tokens, reached, &lex, &parse_error) => lex.into(),
        _ => parse_error,
    }
}

/// After a parser error CPython tokenizes the rest of the file. Tokenizer errors
/// it raises as exceptions then replace the parser's error; those it only flags
/// (indentation, a bad line continuation) do not. An unclosed bracket replaces
/// it when the parser had read past the bracket's line. "unexpected indent" and
/// "unexpected unindent" are final.
fn lex_error_wins(
    source: &str,
    tokens: &[Token],
    reached: Option<usize>,
    lex: &LexError,
    parse: &ParseError,
) -> bool {
    if parse.msg == "unexpected indent" || parse.msg == "unexpected unindent" {
        return false;
    }
    if lex.kind != ErrorKind::Syntax
        || lex.msg == "unexpected character after line continuation character"
        || lex.msg == "unexpected EOF while parsing"
    {
        return false;
    }
    if !lex.msg.ends_with("was never closed") {
        return true;
    }
    let Some(at) = reached else {
        return true;
    };
    // An opening bracket at or after the failure was read into by CPython's
    // error pass, which looks for a second expression there.
    let import = matches!(tokens[line_start(tokens, at)].tok, Tok::Import | Tok::From);
    let juxtaposed =
        at > 0 && ends_expression(&tokens[at - 1].tok) && starts_expression(&tokens[at].tok);
    if lex.start >= tokens[at].start && juxtaposed && !import {
        return true;
    }
    let index = LineIndex::new(source);
    index.line_col(tokens[at].start).0 > index.line_col(lex.start).0
}

fn syntax(msg: impl Into<String>, start: u32, end: u32) -> ParseError {
    ParseError {
        kind: ErrorKind::Syntax,
        msg: msg.into(),
        start,
        end,
    }
}

fn indentation(msg: impl Into<String>, start: u32, end: u32) -> ParseError {
    ParseError {
        kind: ErrorKind::Indentation,
        msg: msg.into(),
        start,
        end,
    }
}

/// The grammar could not accept `tokens[at]`.
fn unexpected_token(source: &str, tokens: &[Token], at: usize, expected: &[String]) -> ParseError {
    let tok = &tokens[at];
    let expects = |s: &str| expected.iter().any(|e| e == s);
    if tok.tok == Tok::Indent {
        let next = tokens.get(at + 1).unwrap_or(tok);
        return indentation("unexpected indent", next.start, next.start);
    }
    if expects("\"INDENT\"") && expected.len() == 1 {
        let index = LineIndex::new(source);
        let what = block_header(tokens, at);
        let msg = match &what {
            Some((what, header_at)) => {
                let line = index.line_col(*header_at).0;
                format!("expected an indented block after {what} on line {line}")
            }
            None => "expected an indented block".to_string(),
        };
        return indentation(msg, tok.start, tok.start);
    }
    if tok.tok == Tok::Dedent {
        return indentation("unexpected unindent", tok.start, tok.start);
    }
    // CPython's parser turns the literals into a node before it looks further,
    // so an error inside a string comes first.
    if let Some(e) = string_error(source, tokens, at) {
        return e;
    }
    if tok.tok == Tok::Newline && expects("\":\"") && in_compound_header(tokens, at) {
        return syntax("expected ':'", tok.start, tok.start);
    }
    if let Some(e) = forced_token(tokens, at, &expects) {
        return e;
    }
    if let Some(e) = bad_for_target(source, tokens, at) {
        return e;
    }
    if expects("\"except\"") && expects("\"finally\"") {
        return syntax("expected 'except' or 'finally' block", tok.start, tok.start);
    }
    if tok.tok == Tok::Newline && at > 0 && tokens[at - 1].tok == Tok::Comma {
        let first = line_start(tokens, at);
        if tokens[first].tok == Tok::From {
            let msg = "trailing comma not allowed without surrounding parentheses";
            return syntax(msg, tok.start, tok.start);
        }
    }
    if let Some(e) = missing_print_parens(source, tokens, at) {
        return e;
    }
    if let Some(e) = maybe_equality(tokens, at) {
        return e;
    }
    if let Some(e) = comprehension_target(tokens, at) {
        return e;
    }
    if let Some(e) = dict_key_without_value(tokens, at) {
        return e;
    }
    if let Some(e) = forgotten_comma(tokens, at) {
        return e;
    }
    if expects("\"else\"") {
        if let Some(e) = missing_else(tokens, at) {
            return e;
        }
    }
    match tok.tok {
        Tok::Newline | Tok::EndOfFile | Tok::Dedent => {
            syntax("invalid syntax", tok.start, tok.start)
        }
        _ => syntax("invalid syntax", tok.start, tok.end),
    }
}

/// Tokens CPython's grammar insists on: `def f` must be followed by `(`, and
/// `try`, `else`, `finally` and a def's header by `:`.
fn forced_token(tokens: &[Token], at: usize, expects: &dyn Fn(&str) -> bool) -> Option<ParseError> {
    let tok = &tokens[at];
    let prev = &tokens[at.checked_sub(1)?];
    let first = line_start(tokens, at);
    let (start, end) = match tok.tok {
        Tok::Newline | Tok::EndOfFile => (tok.start, tok.start),
        _ => (tok.start, tok.end),
    };
    if at >= 2 && tokens[at - 2].tok == Tok::Def && expects("\"(\"") {
        return Some(syntax("expected '('", start, end));
    }
    let bare_keyword = at - 1 == first && matches!(prev.tok, Tok::Try | Tok::Else | Tok::Finally);
    let def_header = tokens[first..at]
        .iter()
        .find(|t| t.tok != Tok::Async)
        .is_some_and(|t| t.tok == Tok::Def)
        && open_bracket(tokens, at).is_none();
    if expects("\":\"") && (bare_keyword || def_header) {
        return Some(syntax("expected ':'", start, end));
    }
    // `def f(a=)`: a default is missing.
    if matches!(tok.tok, Tok::Rpar | Tok::Comma) && prev.tok == Tok::Equal {
        let open = open_bracket(tokens, at)?;
        if open >= 2 && tokens[open - 2].tok == Tok::Def {
            return Some(syntax(
                "expected default value expression",
                tok.start,
                tok.end,
            ));
        }
    }
    None
}

/// `for f() :`: a for statement without `in` whose target cannot be assigned.
fn bad_for_target(source: &str, tokens: &[Token], at: usize) -> Option<ParseError> {
    let first = line_start(tokens, at);
    let mut i = first;
    while i < at && tokens[i].tok == Tok::Async {
        i += 1;
    }
    if i + 1 >= at
        || tokens[i].tok != Tok::For
        || tokens[i + 1..at].iter().any(|t| t.tok == Tok::In)
    {
        return None;
    }
    let (start, end) = (tokens[i + 1].start, tokens[at - 1].end);
    let target = crate::parse_expression(&source[start as usize..end as usize]).ok()?;
    match crate::nodes::store_target(target) {
        Err(lalrpop_util::ParseError::User { error }) => Some(ParseError {
            kind: error.kind,
            msg: error.msg,
            start: error.start + start,
            end: error.end + start,
        }),
        _ => None,
    }
}

/// The string literals just before `tokens[at]`, joined as the grammar would.
fn string_error(source: &str, tokens: &[Token], at: usize) -> Option<ParseError> {
    let mut first = at;
    while first > 0 && matches!(tokens[first - 1].tok, Tok::Str(_)) {
        first -= 1;
    }
    if first == at {
        return None;
    }
    let toks = tokens[first..at]
        .iter()
        .map(|t| match t.tok {
            Tok::Str(s) => s,
            _ => unreachable!(),
        })
        .collect();
    match crate::strings::strings(source, toks, tokens[first].start, tokens[at - 1].end) {
        Err(lalrpop_util::ParseError::User { error }) => Some(error.into()),
        _ => None,
    }
}

/// Index of the innermost bracket still open at `tokens[at]` within its line.
fn open_bracket(tokens: &[Token], at: usize) -> Option<usize> {
    let mut stack = Vec::new();
    for (i, t) in tokens
        .iter()
        .enumerate()
        .take(at)
        .skip(line_start(tokens, at))
    {
        match t.tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => stack.push(i),
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}

/// Indices of the commas and colons directly inside the bracket at `open`,
/// before `at`.
fn top_level(tokens: &[Token], open: usize, at: usize, want: &Tok) -> Vec<usize> {
    let mut depth = 0;
    let mut found = Vec::new();
    for (i, t) in tokens.iter().enumerate().take(at).skip(open + 1) {
        match t.tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => depth += 1,
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth -= 1,
            ref other if depth == 0 && other == want => found.push(i),
            _ => {}
        }
    }
    found
}

/// `if x = 1:`: a name and `=` where an expression was expected.
fn maybe_equality(tokens: &[Token], at: usize) -> Option<ParseError> {
    if tokens[at].tok != Tok::Equal || at == 0 {
        return None;
    }
    let name = &tokens[at - 1];
    let Tok::Name(_) = name.tok else { return None };
    let first = line_start(tokens, at);
    let next = tokens.get(at + 1)?;
    let in_condition = matches!(tokens[first].tok, Tok::If | Tok::Elif | Tok::While);
    let in_call = open_bracket(tokens, at).is_some_and(|o| !is_parameter_list(tokens, o));
    if !starts_expression(&next.tok) || !(in_condition || in_call) {
        return None;
    }
    let end = tokens[expression_end(tokens, at + 1)].end;
    let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
    Some(syntax(msg, name.start, end))
}

/// Is the bracket at `open` the parameter list of a `def`?
fn is_parameter_list(tokens: &[Token], open: usize) -> bool {
    open >= 2 && tokens[open - 2].tok == Tok::Def
}

/// `[x, y for x, y in z]`.
fn comprehension_target(tokens: &[Token], at: usize) -> Option<ParseError> {
    if tokens[at].tok != Tok::For {
        return None;
    }
    let open = open_bracket(tokens, at)?;
    if !matches!(tokens[open].tok, Tok::Lsqb | Tok::Lbrace) {
        return None;
    }
    top_level(tokens, open, at, &Tok::Comma).first()?;
    let msg = "did you forget parentheses around the comprehension target?";
    Some(syntax(msg, tokens[open + 1].start, tokens[at - 1].end))
}

/// `{'a': 1, 'b'}`.
fn dict_key_without_value(tokens: &[Token], at: usize) -> Option<ParseError> {
    if !matches!(tokens[at].tok, Tok::Rbrace | Tok::Comma) {
        return None;
    }
    let open = open_bracket(tokens, at)?;
    if tokens[open].tok != Tok::Lbrace {
        return None;
    }
    let colons = top_level(tokens, open, at, &Tok::Colon);
    let commas = top_level(tokens, open, at, &Tok::Comma);
    let item_start = commas.last().copied().unwrap_or(open);
    if colons.is_empty()
        || colons.iter().any(|&c| c > item_start)
        || !ends_expression(&tokens[at - 1].tok)
    {
        return None;
    }
    let key_end = tokens[at - 1].end - 1;
    Some(syntax(
        "':' expected after dictionary key",
        key_end,
        key_end,
    ))
}

/// `1 if x` with no `else`.
fn missing_else(tokens: &[Token], at: usize) -> Option<ParseError> {
    let first = line_start(tokens, at);
    let open = open_bracket(tokens, at);
    let floor = open.map_or(first, |o| o + 1);
    let mut depth = 0;
    let mut i = at;
    while i > floor {
        i -= 1;
        match tokens[i].tok {
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth += 1,
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth -= 1,
            Tok::If if depth == 0 && i > floor => {
                let start = tokens[expression_start(tokens, i - 1, floor)].start;
                let msg = "expected 'else' after 'if' expression";
                return Some(syntax(msg, start, tokens[at - 1].end));
            }
            _ => {}
        }
    }
    None
}

/// Index of the first token of the logical line holding `tokens[at]`.
fn line_start(tokens: &[Token], at: usize) -> usize {
    let mut i = at;
    while i > 0 && !matches!(tokens[i - 1].tok, Tok::Newline | Tok::Indent | Tok::Dedent) {
        i -= 1;
    }
    i
}

/// The compound-statement keyword that starts the logical line holding
/// `tokens[at]` (after any `async`), if it starts with one.
fn compound_keyword(tokens: &[Token], at: usize) -> Option<usize> {
    let mut i = line_start(tokens, at);
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
    .then_some(i)
}

/// For an error where a block was expected: what CPython calls the statement
/// that opened it, and the offset of its first token.
fn block_header(tokens: &[Token], at: usize) -> Option<(String, u32)> {
    // tokens[at - 1] is the NEWLINE after the header's colon.
    let newline = (0..at).rev().find(|&i| tokens[i].tok == Tok::Newline)?;
    let i = compound_keyword(tokens, newline)?;
    let what = match &tokens[i].tok {
        Tok::Def => "function definition".to_string(),
        Tok::Class => "class definition".to_string(),
        Tok::Except if tokens.get(i + 1).is_some_and(|t| t.tok == Tok::Star) => {
            "'except*' statement".to_string()
        }
        other => format!("'{}' statement", other.text()),
    };
    Some((what, tokens[i].start))
}

/// Is `tokens[at]` (a NEWLINE) the end of a compound statement's header?
fn in_compound_header(tokens: &[Token], at: usize) -> bool {
    compound_keyword(tokens, at).is_some()
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
    let end = tokens[at..]
        .iter()
        .find(|t| matches!(t.tok, Tok::Newline | Tok::Semi))?
        .start;
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
    if depth <= 0 || open_bracket(tokens, at).is_some_and(|o| is_parameter_list(tokens, o)) {
        return None;
    }
    let start = tokens[expression_start(tokens, at - 1, first)].start;
    let end = tokens[expression_end(tokens, at)].end;
    Some(syntax(
        "invalid syntax. Perhaps you forgot a comma?",
        start,
        end,
    ))
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
        if i > floor
            && ends_expression(&tokens[i - 1].tok)
            && matches!(tokens[i].tok, Tok::Lpar | Tok::Lsqb)
        {
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
            Some(Tok::Dot)
                if tokens
                    .get(i + 2)
                    .is_some_and(|t| matches!(t.tok, Tok::Name(_))) =>
            {
                i += 2
            }
            _ => return i,
        }
    }
}

/// Print an error as CPython prints an uncaught SyntaxError: the file and line,
/// the source line, the carets, and `SyntaxError: msg`.
pub fn format_syntax_error(filename: &str, source: &str, err: &ParseError) -> String {
    let index = LineIndex::new(source);
    let mut start = err.start.min(source.len() as u32);
    let (mut line, mut col) = index.line_col(start);
    let mut caret = has_caret(err);
    // An error at the end of the file is shown on its last line, without a caret.
    if start as usize == source.len() && line > 1 && index.line_text(source, line).is_empty() {
        line -= 1;
        start = index.line_start(line).unwrap_or(0);
        col = 0;
        caret = false;
    }
    let mut out = format!("  File \"{filename}\", line {line}\n");
    let text = index.line_text(source, line);
    let trimmed = text.trim_start_matches([' ', '\t', '\x0c']);
    let indent = text.len() - trimmed.len();
    // CPython keeps the line as a C string: it ends at a NUL byte.
    let shown = trimmed.split('\0').next().unwrap_or("").trim_end();
    if !shown.is_empty() || col as usize > indent {
        out.push_str("    ");
        out.push_str(shown);
        out.push('\n');
    }
    if caret && (!shown.is_empty() || col as usize > indent) {
        // Columns count characters; the caret line is relative to the shown text.
        let mut col = (col as usize).min(text.len());
        // A column inside a multi-byte character points at that character.
        while !text.is_char_boundary(col) {
            col -= 1;
        }
        let caret_col = text[..col]
            .chars()
            .count()
            .saturating_sub(text[..indent].chars().count());
        let (end_line, end_col) = index.line_col(err.end.min(source.len() as u32).max(start));
        // A range that runs onto later lines is underlined to the end of this one.
        let end_col = if end_line > line {
            text.len()
        } else {
            end_col as usize
        };
        let mut end_col = end_col.clamp(col, text.len());
        while !text.is_char_boundary(end_col) {
            end_col += 1;
        }
        let underlined = &text[col..end_col];
        // CPython measures this one error in bytes, not characters.
        let width = if err.msg.starts_with("bytes can only contain ASCII") {
            underlined.len()
        } else {
            underlined.chars().count()
        };
        let width = width.max(1);
        out.push_str("    ");
        out.push_str(&" ".repeat(caret_col));
        out.push_str(&"^".repeat(width));
        out.push('\n');
    }
    out.push_str(&format!("{}: {}\n", err.kind.class_name(), err.msg));
    out
}

/// CPython prints no caret for errors the tokenizer raises about indentation.
fn has_caret(err: &ParseError) -> bool {
    match err.kind {
        ErrorKind::Tab => false,
        ErrorKind::Indentation => {
            err.msg != "unexpected indent" && err.msg != "too many levels of indentation"
        }
        ErrorKind::Syntax => !err.msg.starts_with("source code cannot contain null bytes"),
    }
}
