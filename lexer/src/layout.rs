//! Python's line structure on top of the raw tokens: NEWLINE, INDENT/DEDENT,
//! bracket nesting and backslash continuation.
//!
//! The rules are CPython 3.11's tokenizer's: a line holding only spaces and a
//! comment is skipped whole; inside brackets line endings and indentation mean
//! nothing; a tab moves the column to the next multiple of 8, and the same
//! line measured with tabs of width 1 must order the same way ("alternate
//! column", else TabError); a form feed resets the column. Every error here ends
//! tokenizing: the tokens before it are kept for the parser.

use crate::error::{ErrorKind, LexError};
use crate::raw::{invalid_character, line_number, RawError, RawTok};
use crate::token::{Tok, Token};
use logos::Logos;
use std::ops::Range;

/// The tokens of a source text, and the first lexical error if there was one.
///
/// On success `tokens` ends with `Newline`, any `Dedent`s, and `EndOfFile`. On an
/// error `tokens` holds everything before the error, so the parser can report an
/// earlier syntax error first, as CPython's on-demand tokenizer does.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// The tokens in order.
    pub tokens: Vec<Token>,
    /// The lexical error that stopped tokenizing, if any.
    pub error: Option<LexError>,
}

/// Brackets may nest this deep (CPython's `MAXLEVEL`).
const MAX_BRACKETS: usize = 200;
/// At most this many indentation levels, counting column 0 (`MAXINDENT`).
const MAX_INDENTS: usize = 100;
/// Tab stops are every 8 columns.
const TAB_SIZE: u32 = 8;

/// Tokenize a whole source text.
///
/// Line endings may be `\n`, `\r\n` or a lone `\r`; a leading U+FEFF is skipped.
/// Layout tokens: `Newline` spans the line ending (empty at the end of input when
/// the last line has none); `Indent` and `Dedent` are empty ranges at the first
/// token of their line (at the end of input for the final `Dedent`s).
///
/// ```
/// use gilt_lexer::{tokenize, Tok};
/// let toks = tokenize("if x:\n    pass\n").tokens;
/// assert_eq!(toks[4].tok, Tok::Indent);
/// assert_eq!(toks.last().unwrap().tok, Tok::EndOfFile);
/// ```
pub fn tokenize(source: &str) -> Tokens {
    let mut layout = Layout {
        src: source,
        lex: RawTok::lexer(source),
        tokens: Vec::with_capacity(source.len() / 5 + 8),
        indents: vec![(0, 0)],
        brackets: Vec::new(),
    };
    let error = layout.run().err();
    Tokens {
        tokens: layout.tokens,
        error,
    }
}

/// The state of the layout pass.
struct Layout<'s> {
    src: &'s str,
    lex: logos::Lexer<'s, RawTok>,
    tokens: Vec<Token>,
    /// Column and alternate column (tabs of width 1) of each open indentation
    /// level; the first entry is `(0, 0)` and is never popped.
    indents: Vec<(u32, u32)>,
    /// Each open bracket and its byte offset.
    brackets: Vec<(u8, u32)>,
}

/// What the start of a line held.
enum LineStart {
    /// Only spaces and maybe a comment, then a line ending: skip it.
    Blank,
    /// The input ended.
    End,
    /// The line's first real token, its indentation already handled.
    Token(Tok, Range<usize>),
}

impl Layout<'_> {
    fn run(&mut self) -> Result<(), LexError> {
        if let Some(at) = self.src.bytes().position(|b| b == 0) {
            let at = at as u32;
            let msg = "source code string cannot contain null bytes";
            return Err(LexError::syntax(msg, at, at));
        }
        if self.src.starts_with('\u{feff}') {
            self.lex.bump('\u{feff}'.len_utf8());
        }
        'lines: loop {
            match self.line_start()? {
                LineStart::Blank => continue 'lines,
                LineStart::End => break 'lines,
                LineStart::Token(tok, span) => self.push_tok(tok, span)?,
            }
            // The rest of a logical line.
            loop {
                let Some(item) = self.lex.next() else {
                    break 'lines;
                };
                let span = self.lex.span();
                match item {
                    Ok(RawTok::Tok(tok)) => self.push_tok(tok, span)?,
                    Ok(RawTok::Space | RawTok::Comment) => {}
                    Ok(RawTok::Newline) => {
                        if self.brackets.is_empty() {
                            self.push(Tok::Newline, span);
                        }
                        continue 'lines;
                    }
                    Ok(RawTok::Continuation) => self.check_not_eof(span)?,
                    Ok(RawTok::Backslash) => return Err(self.backslash_error(span)),
                    Err(e) => return Err(self.raw_error(e, span)),
                }
            }
        }
        self.finish()
    }

    /// Read the indentation of a line and the token after it. For a line that
    /// is not blank and not inside brackets, emit its INDENT or DEDENTs.
    fn line_start(&mut self) -> Result<LineStart, LexError> {
        let (mut col, mut altcol) = (0u32, 0u32);
        // CPython 3.11: when indentation is split with a backslash, the column
        // at the first backslash (if not 0) is the line's indentation.
        let mut cont_col = 0u32;
        loop {
            let Some(item) = self.lex.next() else {
                return Ok(LineStart::End);
            };
            let span = self.lex.span();
            match item {
                Ok(RawTok::Space) => {
                    for b in self.src[span].bytes() {
                        match b {
                            b' ' => (col, altcol) = (col + 1, altcol + 1),
                            b'\t' => (col, altcol) = ((col / TAB_SIZE + 1) * TAB_SIZE, altcol + 1),
                            _ => (col, altcol) = (0, 0), // form feed
                        }
                    }
                }
                Ok(RawTok::Continuation) => {
                    if cont_col == 0 {
                        cont_col = col;
                    }
                    self.check_not_eof(span)?;
                }
                Ok(RawTok::Backslash) => return Err(self.backslash_error(span)),
                Ok(RawTok::Comment) => {}
                Ok(RawTok::Newline) => return Ok(LineStart::Blank),
                Ok(RawTok::Tok(tok)) => {
                    if cont_col != 0 {
                        (col, altcol) = (cont_col, cont_col);
                    }
                    self.indent(col, altcol, span.start)?;
                    return Ok(LineStart::Token(tok, span));
                }
                Err(e) => {
                    if cont_col != 0 {
                        (col, altcol) = (cont_col, cont_col);
                    }
                    self.indent(col, altcol, span.start)?;
                    return Err(self.raw_error(e, span));
                }
            }
        }
    }

    /// Compare a line's indentation with the open levels; `at` is the offset of
    /// its first token, where INDENT/DEDENT tokens go.
    fn indent(&mut self, col: u32, altcol: u32, at: usize) -> Result<(), LexError> {
        if !self.brackets.is_empty() {
            return Ok(());
        }
        let (top, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if altcol != top_alt {
                return Err(self.tab_error(at));
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENTS {
                let line = self.line_begin(at);
                return Err(LexError {
                    kind: ErrorKind::Indentation,
                    msg: "too many levels of indentation".into(),
                    start: line,
                    end: line,
                });
            }
            if altcol <= top_alt {
                return Err(self.tab_error(at));
            }
            self.indents.push((col, altcol));
            self.push(Tok::Indent, at..at);
        } else {
            // CPython checks the column before it emits any DEDENT.
            let target = self
                .indents
                .iter()
                .rposition(|&(c, _)| c <= col)
                .unwrap_or(0);
            let (top, top_alt) = self.indents[target];
            if col == top {
                while self.indents.len() > target + 1 {
                    self.indents.pop();
                    self.push(Tok::Dedent, at..at);
                }
            }
            if col != top {
                // CPython puts the caret at the end of the line.
                let end = self.src[at..]
                    .find(['\n', '\r'])
                    .map_or(self.src.len(), |e| at + e) as u32;
                return Err(LexError {
                    kind: ErrorKind::Indentation,
                    msg: "unindent does not match any outer indentation level".into(),
                    start: end,
                    end,
                });
            }
            if altcol != top_alt {
                return Err(self.tab_error(at));
            }
        }
        Ok(())
    }

    /// Emit a token the parser sees, tracking brackets.
    fn push_tok(&mut self, tok: Tok, span: Range<usize>) -> Result<(), LexError> {
        let at = span.start as u32;
        match tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                if self.brackets.len() >= MAX_BRACKETS {
                    return Err(LexError::syntax("too many nested parentheses", at, at));
                }
                self.brackets.push((self.src.as_bytes()[span.start], at));
            }
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
                let close = self.src.as_bytes()[span.start] as char;
                let Some((open, open_at)) = self.brackets.pop() else {
                    return Err(LexError::syntax(format!("unmatched '{close}'"), at, at));
                };
                let open = open as char;
                if !matches!((open, close), ('(', ')') | ('[', ']') | ('{', '}')) {
                    let between = &self.src.as_bytes()[open_at as usize..span.start];
                    let msg = if between.iter().any(|&b| b == b'\n' || b == b'\r') {
                        let line = line_number(self.src, open_at as usize);
                        format!(
                            "closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {line}"
                        )
                    } else {
                        format!("closing parenthesis '{close}' does not match opening parenthesis '{open}'")
                    };
                    return Err(LexError::syntax(msg, at, at));
                }
            }
            _ => {}
        }
        self.push(tok, span);
        Ok(())
    }

    fn push(&mut self, tok: Tok, span: Range<usize>) {
        self.tokens.push(Token {
            tok,
            start: span.start as u32,
            end: span.end as u32,
        });
    }

    /// End of input: the final NEWLINE, the DEDENTs, ENDMARKER.
    fn finish(&mut self) -> Result<(), LexError> {
        if let Some(err) = self.unclosed_bracket() {
            return Err(err);
        }
        let end = self.src.len();
        let mid_line = self
            .tokens
            .last()
            .is_some_and(|t| !matches!(t.tok, Tok::Newline | Tok::Dedent));
        if mid_line {
            self.push(Tok::Newline, end..end);
        }
        for _ in 1..self.indents.len() {
            self.push(Tok::Dedent, end..end);
        }
        self.indents.truncate(1);
        self.push(Tok::EndOfFile, end..end);
        Ok(())
    }

    /// "'(' was never closed", at the innermost open bracket.
    fn unclosed_bracket(&self) -> Option<LexError> {
        let &(open, at) = self.brackets.last()?;
        Some(LexError::syntax(
            format!("'{}' was never closed", open as char),
            at,
            at,
        ))
    }

    /// A backslash continuation must not be the last thing in the input.
    fn check_not_eof(&self, span: Range<usize>) -> Result<(), LexError> {
        if span.end < self.src.len() {
            return Ok(());
        }
        Err(self.eof_error(span.start + 1))
    }

    /// "unexpected EOF while parsing" (or an unclosed bracket) after a backslash.
    fn eof_error(&self, at: usize) -> LexError {
        self.unclosed_bracket().unwrap_or_else(|| {
            LexError::syntax("unexpected EOF while parsing", at as u32, at as u32)
        })
    }

    /// A backslash that is not followed by a line ending.
    fn backslash_error(&self, span: Range<usize>) -> LexError {
        if span.end >= self.src.len() {
            return self.eof_error(span.end);
        }
        let at = span.end as u32;
        LexError::syntax(
            "unexpected character after line continuation character",
            at,
            at,
        )
    }

    /// TabError, with the caret at the start of the line.
    fn tab_error(&self, at: usize) -> LexError {
        let line = self.line_begin(at);
        LexError {
            kind: ErrorKind::Tab,
            msg: "inconsistent use of tabs and spaces in indentation".into(),
            start: line,
            end: line,
        }
    }

    /// Offset of the start of the line holding `at`.
    fn line_begin(&self, at: usize) -> u32 {
        self.src.as_bytes()[..at]
            .iter()
            .rposition(|&b| b == b'\n' || b == b'\r')
            .map_or(0, |p| p + 1) as u32
    }

    /// The error for a raw token that failed to lex.
    fn raw_error(&self, err: RawError, span: Range<usize>) -> LexError {
        match err {
            RawError::Lex(e) => e,
            RawError::NoMatch => {
                let c = self.src[span.start..].chars().next().unwrap_or(' ');
                let at = span.start as u32;
                if c.is_ascii_graphic() {
                    // `$`, `?`, `!`, a backtick: CPython's tokenizer passes them
                    // on and its parser rejects them.
                    LexError::syntax("invalid syntax", at, at + 1)
                } else {
                    LexError::syntax(invalid_character(c), at, at)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::IntValue;

    /// The token kinds of `src`, with names and numbers shown by text.
    fn kinds(src: &str) -> Vec<String> {
        let t = tokenize(src);
        assert_eq!(t.error, None, "{src:?}");
        t.tokens
            .iter()
            .map(|t| match &t.tok {
                Tok::Name(n) => n.to_string(),
                Tok::Int(IntValue::Small(v)) => v.to_string(),
                Tok::Newline => "NL".into(),
                Tok::Indent => "IN".into(),
                Tok::Dedent => "DE".into(),
                Tok::EndOfFile => "EOF".into(),
                Tok::Str(_) => "STR".into(),
                other => other.text().into(),
            })
            .collect()
    }

    /// The error of `src`: class, message, and start/end offsets.
    fn error(src: &str) -> (ErrorKind, String, u32, u32) {
        let e = tokenize(src)
            .error
            .unwrap_or_else(|| panic!("no error for {src:?}"));
        (e.kind, e.msg, e.start, e.end)
    }

    #[test]
    fn indent_and_dedent() {
        assert_eq!(
            kinds("if x:\n\ty\n\tif z:\n\t\tw\nv\n").join(" "),
            "if x : NL IN y NL if z : NL IN w NL DE DE v NL EOF"
        );
        // Blank and comment-only lines do not count, at any indentation.
        assert_eq!(
            kinds("if x:\n\n  # c\n    y\n   \n# d\n").join(" "),
            "if x : NL IN y NL DE EOF"
        );
        // No final newline: one is made, then the dedents.
        assert_eq!(kinds("if x:\n  y").join(" "), "if x : NL IN y NL DE EOF");
        // A form feed resets the column.
        assert_eq!(
            kinds("if x:\n  a\n\x0c  b\n").join(" "),
            "if x : NL IN a NL b NL DE EOF"
        );
    }

    #[test]
    fn layout_token_positions() {
        let t = tokenize("if x:\r\n  y").tokens;
        let at: Vec<_> = t.iter().map(|t| (t.tok.clone(), t.start, t.end)).collect();
        assert_eq!(at[3], (Tok::Newline, 5, 7));
        assert_eq!(at[4], (Tok::Indent, 9, 9));
        assert_eq!(at[6], (Tok::Newline, 10, 10));
        assert_eq!(at[7], (Tok::Dedent, 10, 10));
        assert_eq!(at[8], (Tok::EndOfFile, 10, 10));
    }

    #[test]
    fn empty_and_comment_only_sources() {
        assert_eq!(kinds("").join(" "), "EOF");
        assert_eq!(kinds("# only\n\n").join(" "), "EOF");
        assert_eq!(kinds("\u{feff}x").join(" "), "x NL EOF");
    }

    #[test]
    fn brackets_join_lines() {
        assert_eq!(
            kinds("x = [\n1,\n  2,\n    (3)]\ny").join(" "),
            "x = [ 1 , 2 , ( 3 ) ] NL y NL EOF"
        );
        assert_eq!(
            kinds("f(a,\n\n   # c\n b)\n").join(" "),
            "f ( a , b ) NL EOF"
        );
    }

    #[test]
    fn backslash_joins_lines() {
        assert_eq!(
            kinds("x = 1 + \\\n    2\ny").join(" "),
            "x = 1 + 2 NL y NL EOF"
        );
        assert_eq!(kinds("x = 1 + \\\r\n2\r").join(" "), "x = 1 + 2 NL EOF");
        // A backslash inside the indentation: the column before it counts.
        assert_eq!(
            kinds("if 1:\n    \\\n  x = 1").join(" "),
            "if 1 : NL IN x = 1 NL DE EOF"
        );
    }

    #[test]
    fn operators_and_keywords() {
        assert_eq!(
            kinds("a **= b // c -> ... != :=").join(" "),
            "a **= b // c -> ... != := NL EOF"
        );
        let t = tokenize("match x: case _: pass").tokens;
        assert!(matches!(&t[0].tok, Tok::Name(n) if &**n == "match"));
        assert_eq!(t[6].tok, Tok::Pass);
    }

    #[test]
    fn indentation_errors() {
        use ErrorKind::*;
        let unindent = "unindent does not match any outer indentation level".to_string();
        assert_eq!(
            error("if x:\n    a\n  b\n"),
            (Indentation, unindent.clone(), 15, 15)
        );
        assert_eq!(
            error("if x:\n    a\n   b = 2"),
            (Indentation, unindent, 20, 20)
        );
        let tab = "inconsistent use of tabs and spaces in indentation".to_string();
        assert_eq!(error("if x:\n\ta\n        b\n"), (Tab, tab.clone(), 9, 9));
        assert_eq!(error("if x:\n        a\n\tb\n"), (Tab, tab.clone(), 16, 16));
        assert_eq!(error("if x:\n    a\n\t\tb"), (Tab, tab, 12, 12));
        let deep: String = (0..101)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect();
        let (kind, msg, _, _) = error(&deep);
        assert_eq!(
            (kind, msg.as_str()),
            (Indentation, "too many levels of indentation")
        );
        let ok: String = (0..99)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect::<String>()
            + &" ".repeat(99)
            + "y";
        assert!(tokenize(&ok).error.is_none());
    }

    #[test]
    fn bracket_errors() {
        use ErrorKind::Syntax;
        assert_eq!(error("x = 1)"), (Syntax, "unmatched ')'".into(), 5, 5));
        assert_eq!(
            error("x = (1]"),
            (
                Syntax,
                "closing parenthesis ']' does not match opening parenthesis '('".into(),
                6,
                6
            )
        );
        assert_eq!(
            error("x = (1,\n2]"),
            (
                Syntax,
                "closing parenthesis ']' does not match opening parenthesis '(' on line 1".into(),
                9,
                9
            )
        );
        assert_eq!(
            error("x = [1, (2\n"),
            (Syntax, "'(' was never closed".into(), 8, 8)
        );
        let deep = format!("x = {}{}", "(".repeat(201), ")".repeat(201));
        assert_eq!(
            error(&deep),
            (Syntax, "too many nested parentheses".into(), 204, 204)
        );
        let ok = format!("x = {}{}", "(".repeat(200), ")".repeat(200));
        assert!(tokenize(&ok).error.is_none());
    }

    #[test]
    fn continuation_and_character_errors() {
        use ErrorKind::Syntax;
        let cont = "unexpected character after line continuation character";
        assert_eq!(error("x = 1 \\ 2"), (Syntax, cont.into(), 7, 7));
        assert_eq!(
            error("x = 1 \\"),
            (Syntax, "unexpected EOF while parsing".into(), 7, 7)
        );
        assert_eq!(
            error("x = 1 \\\n"),
            (Syntax, "unexpected EOF while parsing".into(), 7, 7)
        );
        assert_eq!(
            error("x = (\\\n"),
            (Syntax, "'(' was never closed".into(), 4, 4)
        );
        assert_eq!(
            error("a€b"),
            (Syntax, "invalid character '€' (U+20AC)".into(), 1, 1)
        );
        assert_eq!(
            error("a\u{a0}b"),
            (
                Syntax,
                "invalid non-printable character U+00A0".into(),
                1,
                1
            )
        );
        assert_eq!(
            error("x = \x7f"),
            (
                Syntax,
                "invalid non-printable character U+007F".into(),
                4,
                4
            )
        );
        assert_eq!(error("x = $"), (Syntax, "invalid syntax".into(), 4, 5));
        assert_eq!(error("!x"), (Syntax, "invalid syntax".into(), 0, 1));
        assert_eq!(
            error("x = 1\0"),
            (
                Syntax,
                "source code string cannot contain null bytes".into(),
                5,
                5
            )
        );
    }

    #[test]
    fn tokens_before_an_error_are_kept() {
        let t = tokenize("x = 1\ny = (]\n");
        assert_eq!(t.tokens.len(), 7); // x = 1 NEWLINE y = (
        assert!(t.error.is_some());
    }
}
