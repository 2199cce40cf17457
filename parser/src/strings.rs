//! Adjacent string literals joined into one node: a str or bytes Constant, or a
//! JoinedStr when any piece is an f-string (CPython's concatenation rules: the
//! first piece's `u` prefix decides `kind`, neighbouring text merges, empty text
//! disappears).

use crate::ast::*;
use crate::fstring::{self, Part};
use crate::nodes::{err, ActionError};
use gilt_lexer::literal::{decode_bytes, decode_str, LiteralError};
use gilt_lexer::{StrKind, StrToken, Wtf8Buf};

/// Join the string tokens spanning `[l, r)` into one expression.
pub fn strings(src: &str, toks: Vec<StrToken>, l: u32, r: u32) -> Result<Expr, ActionError> {
    let bytes = toks.iter().filter(|t| t.kind == StrKind::Bytes).count();
    if bytes != 0 && bytes != toks.len() {
        return Err(err("cannot mix bytes and nonbytes literals", l, r));
    }
    // Only a lower-case `u` prefix is recorded, as CPython's ast does.
    let first = &toks[0];
    let kind_u = first.unicode && src.as_bytes()[first.token_start(src) as usize] == b'u';
    if bytes != 0 {
        let mut out = Vec::new();
        for t in &toks {
            decode_bytes(body(src, t), t.raw, &mut out).map_err(|e| literal_err(src, e, t))?;
        }
        return Ok(Expr::new(
            ExprKind::Constant {
                value: Constant::Bytes(out),
                kind_u: false,
            },
            Range::new(l, r),
        ));
    }
    if toks.iter().all(|t| t.kind == StrKind::Str) {
        let mut out = Wtf8Buf::new();
        for t in &toks {
            decode_str(body(src, t), t.raw, &mut out).map_err(|e| literal_err(src, e, t))?;
        }
        return Ok(Expr::new(
            ExprKind::Constant {
                value: Constant::Str(out),
                kind_u,
            },
            Range::new(l, r),
        ));
    }
    let mut parts = Vec::new();
    for t in &toks {
        if t.kind == StrKind::FStr {
            fstring::parse(src, t, Range::new(l, r), &mut parts)?;
        } else {
            let mut text = Wtf8Buf::new();
            decode_str(body(src, t), t.raw, &mut text).map_err(|e| literal_err(src, e, t))?;
            parts.push(Part::Text(text));
        }
    }
    Ok(Expr::new(
        ExprKind::JoinedStr {
            values: join_parts(parts, kind_u, Range::new(l, r), Range::new(l, r)),
        },
        Range::new(l, r),
    ))
}

/// Merge neighbouring text parts into Constants and drop empty ones. A Constant
/// followed by a field spans `whole`, the last one `tail` (CPython 3.11 gives
/// the text ending a format spec the range of its own string token).
pub fn join_parts(parts: Vec<Part>, kind_u: bool, whole: Range, tail: Range) -> Vec<Expr> {
    let mut values = Vec::new();
    let mut text = Wtf8Buf::new();
    let flush = |text: &mut Wtf8Buf, values: &mut Vec<Expr>, range: Range| {
        if !text.is_empty() {
            let value = Constant::Str(std::mem::take(text));
            values.push(Expr::new(ExprKind::Constant { value, kind_u }, range));
        }
    };
    for part in parts {
        match part {
            Part::Text(t) => text.push_wtf8(&t),
            Part::Field(e) => {
                flush(&mut text, &mut values, whole);
                values.push(e);
            }
        }
    }
    flush(&mut text, &mut values, tail);
    values
}

fn body<'s>(src: &'s str, t: &StrToken) -> &'s str {
    &src[t.body_start as usize..t.body_end as usize]
}

/// A bad escape, pointed at in the source where CPython points: just past the
/// literal, or the whole literal for a non-ASCII character in bytes.
pub fn literal_err(src: &str, e: LiteralError, t: &StrToken) -> ActionError {
    if e.msg.starts_with("bytes can only contain") {
        err(e.msg, t.token_start(src), t.token_end())
    } else {
        err(e.msg, t.token_end(), t.token_end())
    }
}
