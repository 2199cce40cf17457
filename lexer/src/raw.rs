//! The physical tokens of Python source, recognised by logos.
//!
//! One `RawTok` is one piece of a physical line: a name or keyword, a number, a
//! whole string literal, an operator, or a piece of layout (spaces, a comment, a
//! line ending, a backslash continuation). Logos matches the start of a number or
//! string; callbacks here (and in `number`) scan the rest by hand, because
//! CPython's rules for where a literal ends and what its errors say are not
//! regular. This module knows nothing about indentation or brackets: that is
//! `layout`'s business.

use crate::error::LexError;
use crate::number::scan_number;
use crate::token::{StrKind, StrToken, Tok};
use logos::{Lexer, Logos};
use unicode_normalization::UnicodeNormalization;

/// Why logos stopped: no rule matched (the layout pass looks at the character),
/// or a callback found a malformed token and built CPython's error for it.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) enum RawError {
    /// No token starts here (`$`, `?`, a lone `!`, a control character).
    #[default]
    NoMatch,
    /// A malformed name, number or string literal.
    Lex(LexError),
}

/// One physical token.
#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(error = RawError)]
pub(crate) enum RawTok {
    /// Spaces, tabs and form feeds.
    #[regex(r"[ \t\x0C]+")]
    Space,
    /// A comment, up to (not including) the line ending.
    #[regex(r"#[^\r\n]*")]
    Comment,
    /// A line ending: `\n`, `\r\n` or a lone `\r`.
    #[regex(r"\n|\r\n?")]
    Newline,
    /// A backslash and the line ending it joins away.
    #[regex(r"\\(\n|\r\n?)")]
    Continuation,
    /// A backslash not followed by a line ending.
    #[token("\\")]
    Backslash,
    /// A token the parser sees: a name or keyword (CPython scans every non-ASCII
    /// character as a possible identifier character and only then checks
    /// XID_Start/XID_Continue), a number, a whole string literal, an operator.
    #[regex(r"[A-Za-z_\x{80}-\x{10FFFF}][A-Za-z0-9_\x{80}-\x{10FFFF}]*", name)]
    #[regex(r"[0-9]|\.[0-9]", scan_number)]
    #[regex(r#"([rRuUbBfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])?["']"#, string)]
    #[token("+", |_| Tok::Plus)]
    #[token("-", |_| Tok::Minus)]
    #[token("*", |_| Tok::Star)]
    #[token("**", |_| Tok::DoubleStar)]
    #[token("/", |_| Tok::Slash)]
    #[token("//", |_| Tok::DoubleSlash)]
    #[token("%", |_| Tok::Percent)]
    #[token("@", |_| Tok::At)]
    #[token("<<", |_| Tok::LeftShift)]
    #[token(">>", |_| Tok::RightShift)]
    #[token("&", |_| Tok::Amper)]
    #[token("|", |_| Tok::VBar)]
    #[token("^", |_| Tok::CircumFlex)]
    #[token("~", |_| Tok::Tilde)]
    #[token(":=", |_| Tok::ColonEqual)]
    #[token("<", |_| Tok::Less)]
    #[token(">", |_| Tok::Greater)]
    #[token("<=", |_| Tok::LessEqual)]
    #[token(">=", |_| Tok::GreaterEqual)]
    #[token("==", |_| Tok::EqEqual)]
    #[token("!=", |_| Tok::NotEqual)]
    #[token("(", |_| Tok::Lpar)]
    #[token(")", |_| Tok::Rpar)]
    #[token("[", |_| Tok::Lsqb)]
    #[token("]", |_| Tok::Rsqb)]
    #[token("{", |_| Tok::Lbrace)]
    #[token("}", |_| Tok::Rbrace)]
    #[token(",", |_| Tok::Comma)]
    #[token(":", |_| Tok::Colon)]
    #[token(".", |_| Tok::Dot)]
    #[token("...", |_| Tok::Ellipsis)]
    #[token(";", |_| Tok::Semi)]
    #[token("=", |_| Tok::Equal)]
    #[token("->", |_| Tok::Rarrow)]
    #[token("+=", |_| Tok::PlusEqual)]
    #[token("-=", |_| Tok::MinusEqual)]
    #[token("*=", |_| Tok::StarEqual)]
    #[token("/=", |_| Tok::SlashEqual)]
    #[token("//=", |_| Tok::DoubleSlashEqual)]
    #[token("%=", |_| Tok::PercentEqual)]
    #[token("@=", |_| Tok::AtEqual)]
    #[token("&=", |_| Tok::AmperEqual)]
    #[token("|=", |_| Tok::VBarEqual)]
    #[token("^=", |_| Tok::CircumflexEqual)]
    #[token("<<=", |_| Tok::LeftShiftEqual)]
    #[token(">>=", |_| Tok::RightShiftEqual)]
    #[token("**=", |_| Tok::DoubleStarEqual)]
    Tok(Tok),
}

/// 1-based line number of byte `offset`, counting `\n`, `\r\n` and lone `\r`
/// as line endings. Only used to word errors, so a linear scan is fine.
pub(crate) fn line_number(source: &str, offset: usize) -> u32 {
    let bytes = &source.as_bytes()[..offset.min(source.len())];
    let mut line = 1;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            line += 1;
        }
    }
    line
}

/// A name or keyword. Non-ASCII names are checked against Python's identifier
/// rules (PEP 3131) and NFKC-normalised, as CPython's parser does.
fn name(lex: &mut Lexer<RawTok>) -> Result<Tok, RawError> {
    let text = lex.slice();
    if text.is_ascii() {
        return Ok(Tok::keyword(text).unwrap_or_else(|| Tok::Name(text.into())));
    }
    let start = lex.span().start;
    for (i, c) in text.char_indices() {
        let ok = if i == 0 {
            c == '_' || unicode_ident::is_xid_start(c)
        } else {
            unicode_ident::is_xid_continue(c)
        };
        if !ok {
            let at = (start + i) as u32;
            return Err(RawError::Lex(LexError::syntax(
                invalid_character(c),
                at,
                at,
            )));
        }
    }
    if let Some(kw) = Tok::keyword(text) {
        return Ok(kw);
    }
    Ok(Tok::Name(text.nfkc().collect::<String>().into_boxed_str()))
}

/// CPython's message for a character that cannot appear in source outside a
/// literal or comment.
pub(crate) fn invalid_character(c: char) -> String {
    if is_printable(c) {
        format!("invalid character '{c}' (U+{:04X})", c as u32)
    } else {
        format!("invalid non-printable character U+{:04X}", c as u32)
    }
}

/// Python's `str.isprintable` for one character: false for the categories
/// Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than the ASCII space.
fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    // Format characters and separators (Cf, Zs, Zl, Zp) from Unicode 14.
    const NOT_PRINTABLE: &[(u32, u32)] = &[
        (0xA0, 0xA0),
        (0xAD, 0xAD),
        (0x600, 0x605),
        (0x61C, 0x61C),
        (0x6DD, 0x6DD),
        (0x70F, 0x70F),
        (0x890, 0x891),
        (0x8E2, 0x8E2),
        (0x1680, 0x1680),
        (0x180E, 0x180E),
        (0x2000, 0x200F),
        (0x2028, 0x202F),
        (0x205F, 0x2064),
        (0x2066, 0x206F),
        (0x3000, 0x3000),
        (0xFEFF, 0xFEFF),
        (0xFFF9, 0xFFFB),
        (0x110BD, 0x110BD),
        (0x110CD, 0x110CD),
        (0x13430, 0x13438),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0001, 0xE0001),
        (0xE0020, 0xE007F),
    ];
    let cp = c as u32;
    if NOT_PRINTABLE
        .iter()
        .any(|&(lo, hi)| (lo..=hi).contains(&cp))
    {
        return false;
    }
    // Controls, private use and unassigned code points have no name.
    unicode_names2::name(c).is_some()
}

/// The rest of a string literal after its prefix and first quote. Only finds
/// where the literal ends (a backslash protects the next character, even in a
/// raw literal); decoding is `literal`'s job.
fn string(lex: &mut Lexer<RawTok>) -> Result<Tok, RawError> {
    let prefix = lex.slice().as_bytes();
    let quote = prefix[prefix.len() - 1];
    let mut tok = StrToken {
        kind: StrKind::Str,
        raw: false,
        unicode: false,
        triple: false,
        quote,
        body_start: 0,
        body_end: 0,
    };
    for &b in &prefix[..prefix.len() - 1] {
        match b.to_ascii_lowercase() {
            b'r' => tok.raw = true,
            b'u' => tok.unicode = true,
            b'b' => tok.kind = StrKind::Bytes,
            _ => tok.kind = StrKind::FStr,
        }
    }
    let token_start = lex.span().start;
    let open_end = lex.span().end;
    let src = lex.source().as_bytes();
    let rest = &src[open_end..];
    if rest.starts_with(&[quote, quote]) {
        tok.triple = true;
    } else if rest.first() == Some(&quote) {
        // The empty string `''`.
        tok.body_start = open_end as u32;
        tok.body_end = open_end as u32;
        lex.bump(1);
        return Ok(Tok::Str(tok));
    }
    let body_start = if tok.triple { open_end + 2 } else { open_end };
    let mut i = body_start;
    let body_end = loop {
        let Some(&b) = src.get(i) else {
            return Err(unterminated(
                lex.source(),
                token_start,
                src.len(),
                tok.triple,
            ));
        };
        if b == quote {
            if !tok.triple {
                break i;
            }
            if src.get(i + 1) == Some(&quote) && src.get(i + 2) == Some(&quote) {
                break i;
            }
            i += 1;
        } else if b == b'\\' {
            // The escaped character is skipped, a `\r\n` pair as one.
            i += 1;
            match src.get(i) {
                Some(b'\r') if src.get(i + 1) == Some(&b'\n') => i += 2,
                Some(_) => i += 1,
                None => {}
            }
        } else if (b == b'\n' || b == b'\r') && !tok.triple {
            return Err(unterminated(lex.source(), token_start, i + 1, false));
        } else {
            i += 1;
        }
    };
    tok.body_start = body_start as u32;
    tok.body_end = body_end as u32;
    let close = if tok.triple { 3 } else { 1 };
    lex.bump(body_end + close - open_end);
    Ok(Tok::Str(tok))
}

/// "unterminated string literal (detected at line N)", pointing at the start of
/// the literal's token; N is the line of the last character read (`seen` is
/// just past it).
fn unterminated(source: &str, token_start: usize, seen: usize, triple: bool) -> RawError {
    let line = line_number(source, seen.saturating_sub(1));
    let what = if triple {
        "triple-quoted string literal"
    } else {
        "string literal"
    };
    let msg = format!("unterminated {what} (detected at line {line})");
    let at = token_start as u32;
    RawError::Lex(LexError::syntax(msg, at, at))
}

#[cfg(test)]
mod tests {
    use crate::layout::tokenize;
    use crate::token::{StrKind, Tok};

    fn first(src: &str) -> Tok {
        let t = tokenize(src);
        assert_eq!(t.error, None, "{src:?}");
        t.tokens[0].tok.clone()
    }

    fn error(src: &str) -> (String, u32, u32) {
        let e = tokenize(src)
            .error
            .unwrap_or_else(|| panic!("no error for {src:?}"));
        (e.msg, e.start, e.end)
    }

    #[test]
    fn names_are_nfkc_normalised() {
        assert_eq!(first("𝐱"), Tok::Name("x".into()));
        assert_eq!(first("ℌ"), Tok::Name("H".into()));
        assert_eq!(first("x·y"), Tok::Name("x·y".into()));
        assert_eq!(first("_if"), Tok::Name("_if".into()));
        assert_eq!(first("None"), Tok::None);
    }

    #[test]
    fn string_tokens() {
        let Tok::Str(s) = first("rB'a\\'b'") else {
            panic!()
        };
        assert_eq!(
            (s.kind, s.raw, s.triple, s.quote, s.body_start, s.body_end),
            (StrKind::Bytes, true, false, b'\'', 3, 7)
        );
        let Tok::Str(s) = first("F'''x'''''") else {
            panic!()
        };
        assert_eq!(
            (s.kind, s.triple, s.body_start, s.body_end),
            (StrKind::FStr, true, 4, 5)
        );
        let Tok::Str(s) = first("u\"\"") else {
            panic!()
        };
        assert!(s.unicode && s.body_start == s.body_end);
        let Tok::Str(s) = first("'a\\\r\nb'") else {
            panic!()
        };
        assert_eq!(s.body_end, 6);
        // `ur` is not a prefix: a name, then a string.
        assert_eq!(first("ur''"), Tok::Name("ur".into()));
    }

    #[test]
    fn unterminated_strings() {
        assert_eq!(
            error("x = 'abc"),
            (
                "unterminated string literal (detected at line 1)".into(),
                4,
                4
            )
        );
        assert_eq!(
            error("x = rb'a\\\nb"),
            (
                "unterminated string literal (detected at line 2)".into(),
                4,
                4
            )
        );
        assert_eq!(
            error("x = 'a\rb'"),
            (
                "unterminated string literal (detected at line 1)".into(),
                4,
                4
            )
        );
        assert_eq!(
            error("x = \"\"\"abc\n\ny"),
            (
                "unterminated triple-quoted string literal (detected at line 3)".into(),
                4,
                4
            )
        );
        assert_eq!(
            error("'''\n\n\n"),
            (
                "unterminated triple-quoted string literal (detected at line 3)".into(),
                0,
                0
            )
        );
    }
}
