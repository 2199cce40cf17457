//! The inside of an f-string, as Python 3.11 reads it: text with `{{`/`}}`,
//! and replacement fields `{expr=!c:spec}` whose expression is parsed by the
//! grammar itself, wrapped in parentheses as CPython does. A format spec may hold
//! fields of its own, one level deep.
//!
//! Positions follow CPython 3.11: every FormattedValue and Constant part spans
//! the whole literal (all the adjacent strings joined), except that a format
//! spec's JoinedStr and the text that ends it span their own string token; a
//! field's expression has its real position in the source, as if parsed where
//! it stands with `{` and `}` read as `(` and `)`.

use crate::ast::*;
use crate::nodes::{err, ActionError};
use crate::strings::{join_parts, literal_err};
use gilt_lexer::literal::decode_str;
use gilt_lexer::{StrToken, Wtf8Buf};

/// A piece of an f-string: text, or a FormattedValue.
pub enum Part {
    Text(Wtf8Buf),
    Field(Expr),
}

/// Parse the f-string token `t` and append its parts; `whole` is the range of
/// the adjacent string literals `t` is one of.
pub fn parse(
    src: &str,
    t: &StrToken,
    whole: Range,
    parts: &mut Vec<Part>,
) -> Result<(), ActionError> {
    let mut reader = Reader {
        src,
        tok: t,
        whole,
        pos: t.body_start as usize,
        end: t.body_end as usize,
    };
    reader.text_and_fields(parts, 0)
}

struct Reader<'s> {
    src: &'s str,
    tok: &'s StrToken,
    /// The range of the whole literal, given to every node but expressions.
    whole: Range,
    pos: usize,
    end: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        (self.pos < self.end).then(|| self.src.as_bytes()[self.pos])
    }

    fn peek_at(&self, k: usize) -> Option<u8> {
        (self.pos + k < self.end).then(|| self.src.as_bytes()[self.pos + k])
    }

    fn error(&self, msg: &str) -> ActionError {
        // CPython points just past the literal for every f-string error.
        err(msg, self.tok.token_end(), self.tok.token_end())
    }

    /// Read text and fields up to the end of the literal (`depth` 0) or up to the
    /// `}` that closes a format spec (`depth` > 0).
    fn text_and_fields(&mut self, parts: &mut Vec<Part>, depth: u32) -> Result<(), ActionError> {
        let mut raw_text = String::new();
        let mut text_start = self.pos;
        while let Some(c) = self.peek() {
            match c {
                b'\\' if !self.tok.raw => {
                    // An escape is text, and `\N{...}` braces are not a field.
                    let n_escape = self.peek_at(1) == Some(b'N') && self.peek_at(2) == Some(b'{');
                    let skip = if n_escape {
                        self.src[self.pos..self.end]
                            .find('}')
                            .map_or(self.end - self.pos, |i| i + 1)
                    } else {
                        1 + self.src[self.pos + 1..]
                            .chars()
                            .next()
                            .map_or(0, char::len_utf8)
                    };
                    let skip = skip.min(self.end - self.pos);
                    raw_text.push_str(&self.src[self.pos..self.pos + skip]);
                    self.pos += skip;
                }
                b'{' if depth == 0 && self.peek_at(1) == Some(b'{') => {
                    raw_text.push('{');
                    self.pos += 2;
                }
                b'}' if depth == 0 && self.peek_at(1) == Some(b'}') => {
                    raw_text.push('}');
                    self.pos += 2;
                }
                b'}' if depth > 0 => break,
                b'}' => return Err(self.error("f-string: single '}' is not allowed")),
                b'{' => {
                    self.flush(&mut raw_text, text_start, parts)?;
                    if depth >= 2 {
                        return Err(self.error("f-string: expressions nested too deeply"));
                    }
                    self.field(parts, depth)?;
                    text_start = self.pos;
                }
                _ => {
                    let len = self.src[self.pos..]
                        .chars()
                        .next()
                        .map_or(1, char::len_utf8);
                    raw_text.push_str(&self.src[self.pos..self.pos + len]);
                    self.pos += len;
                }
            }
        }
        self.flush(&mut raw_text, text_start, parts)
    }

    fn flush(
        &self,
        raw_text: &mut String,
        start: usize,
        parts: &mut Vec<Part>,
    ) -> Result<(), ActionError> {
        if raw_text.is_empty() {
            return Ok(());
        }
        let mut text = Wtf8Buf::new();
        if self.tok.raw {
            text.push_str(raw_text);
        } else {
            decode_str(raw_text, false, &mut text).map_err(|mut e| {
                e.start += start - self.tok.body_start as usize;
                e.end += start - self.tok.body_start as usize;
                literal_err(self.src, e, self.tok)
            })?;
        }
        raw_text.clear();
        parts.push(Part::Text(text));
        Ok(())
    }

    /// A replacement field, the reader at its `{`.
    fn field(&mut self, parts: &mut Vec<Part>, depth: u32) -> Result<(), ActionError> {
        let open = self.pos;
        self.pos += 1;
        let expr_start = self.pos;
        self.scan_expression()?;
        let expr_end = self.pos;
        if self.src[expr_start..expr_end].trim().is_empty() {
            return Err(self.error("f-string: empty expression not allowed"));
        }
        // `=`: the expression's text (with its spaces) becomes literal text.
        let mut debug = false;
        if self.peek() == Some(b'=') {
            self.pos += 1;
            while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')) {
                self.pos += 1;
            }
            debug = true;
            let mut text = Wtf8Buf::new();
            text.push_str(&self.src[expr_start..self.pos]);
            parts.push(Part::Text(text));
        }
        let mut conversion = -1;
        if self.peek() == Some(b'!') {
            self.pos += 1;
            match self.peek() {
                Some(c @ (b's' | b'r' | b'a')) => {
                    conversion = c as i32;
                    self.pos += 1;
                }
                Some(b'}' | b':') | None => {
                    return Err(self.error(
                        "f-string: missing conversion character: expected 's', 'r', or 'a'",
                    ))
                }
                Some(_) => {
                    return Err(self.error(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    ))
                }
            }
        }
        let mut format_spec = None;
        if self.peek() == Some(b':') {
            self.pos += 1;
            let mut spec_parts = Vec::new();
            self.text_and_fields(&mut spec_parts, depth + 1)?;
            // The spec spans its own string token, not the whole literal.
            let token = Range::new(self.tok.token_start(self.src), self.tok.token_end());
            let values = join_parts(spec_parts, false, self.whole, token);
            format_spec = Some(Box::new(Expr::new(ExprKind::JoinedStr { values }, token)));
        }
        if self.peek() != Some(b'}') {
            return Err(self.error("f-string: expecting '}'"));
        }
        self.pos += 1;
        if debug && conversion == -1 && format_spec.is_none() {
            conversion = b'r' as i32;
        }
        let paren_at = self.paren_position(open);
        let value =
            crate::parse_fstring_expr(self.src, expr_start as u32, expr_end as u32, paren_at)?;
        let field = ExprKind::FormattedValue {
            value: Box::new(value),
            conversion,
            format_spec,
        };
        parts.push(Part::Field(Expr::new(field, self.whole)));
        Ok(())
    }

    /// Where CPython places the `(` that stands for the field's `{` at `open`
    /// (seen in the range of a tuple or generator expression that starts with
    /// it): at the `{`, except when only blanks follow it on its line. Then
    /// CPython 3.11 puts it on the `{`'s line at the column of the string token
    /// if that line is the token's first, else at column 0.
    fn paren_position(&self, open: usize) -> u32 {
        let bytes = self.src.as_bytes();
        let after = &bytes[open + 1..self.end];
        // Only blanks between the `{` and the end of its line (or a `}`)?
        let newline_after_brace = match after
            .iter()
            .find(|&&c| !matches!(c, b' ' | b'\t' | b'\x0c'))
        {
            Some(c) => matches!(c, b'}' | b'\n' | b'\r'),
            None => true,
        };
        if !newline_after_brace {
            return open as u32;
        }
        let line_start = |at: usize| {
            bytes[..at]
                .iter()
                .rposition(|&c| c == b'\n' || c == b'\r')
                .map_or(0, |i| i + 1)
        };
        let token_start = self.tok.token_start(self.src) as usize;
        let brace_line = line_start(open);
        if brace_line <= token_start {
            // The `{` is on the token's first line: the token's own column.
            (brace_line + (token_start - line_start(token_start))) as u32
        } else {
            brace_line as u32
        }
    }

    /// Move past the expression of a field: up to a `}`, `!`, `:` or `=` that is
    /// outside brackets and strings and not part of `!=`, `==`, `<=`, `>=`.
    fn scan_expression(&mut self) -> Result<(), ActionError> {
        let mut brackets: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, bool)> = None; // (quote char, triple)
        while let Some(c) = self.peek() {
            if c == b'\\' {
                return Err(self.error("f-string expression part cannot include a backslash"));
            }
            if let Some((q, triple)) = quote {
                if c == q {
                    if !triple {
                        quote = None;
                    } else if self.peek_at(1) == Some(q) && self.peek_at(2) == Some(q) {
                        quote = None;
                        self.pos += 2;
                    }
                }
                self.pos += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    let triple = self.peek_at(1) == Some(c) && self.peek_at(2) == Some(c);
                    quote = Some((c, triple));
                    self.pos += if triple { 3 } else { 1 };
                    continue;
                }
                b'(' | b'[' | b'{' => brackets.push(c),
                b')' | b']' | b'}' if !brackets.is_empty() => {
                    let open = brackets.pop().unwrap();
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != expected {
                        let msg = format!("f-string: closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, open as char);
                        return Err(self.error(&msg));
                    }
                }
                b')' | b']' => {
                    return Err(self.error(&format!("f-string: unmatched '{}'", c as char)));
                }
                b'#' => return Err(self.error("f-string expression part cannot include '#'")),
                _ if !brackets.is_empty() => {}
                b'}' | b':' => return Ok(()),
                b'!' if self.peek_at(1) != Some(b'=') => return Ok(()),
                b'!' | b'<' | b'>' | b'=' if self.peek_at(1) == Some(b'=') => {
                    self.pos += 2;
                    continue;
                }
                b'=' => return Ok(()),
                _ => {}
            }
            self.pos += 1;
        }
        if quote.is_some() {
            return Err(self.error("f-string: unterminated string"));
        }
        if let Some(&open) = brackets.last() {
            return Err(self.error(&format!("f-string: unmatched '{}'", open as char)));
        }
        Err(self.error("f-string: expecting '}'"))
    }
}
