//! Decoding the bodies of string and bytes literals: escapes, and the checks
//! CPython makes on them.
//!
//! A body is the text between the quotes, exactly as in the source. Line
//! endings inside it (`\r\n`, lone `\r`) become `\n`, as CPython translates them
//! before tokenizing. Unknown escapes such as `\d` are kept as written (CPython
//! also warns about them; this module does not).

use crate::wtf8::Wtf8Buf;

/// A bad escape in a literal: CPython's message and the byte range in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiteralError {
    /// The message, as CPython 3.11 words it.
    pub msg: String,
    /// Byte offset in the body where the bad part starts.
    pub start: usize,
    /// Byte offset in the body just past the bad part.
    pub end: usize,
}

/// Decode the body of a str literal (the text between the quotes) onto `out`.
///
/// Errors are worded as CPython's `unicodeescape` codec words them, e.g.
/// `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1:
/// truncated \xXX escape`; `start..end` covers the bad escape.
///
/// ```
/// use gilt_lexer::{literal::decode_str, Wtf8Buf};
/// let mut out = Wtf8Buf::new();
/// decode_str(r"a\tb\N{BULLET}", false, &mut out).unwrap();
/// assert_eq!(out.as_str(), Some("a\tb\u{2022}"));
/// ```
pub fn decode_str(body: &str, raw: bool, out: &mut Wtf8Buf) -> Result<(), LiteralError> {
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut run = 0; // start of the text not yet copied
    while i < bytes.len() {
        match bytes[i] {
            b'\r' => {
                out.push_str(&body[run..i]);
                out.push_str("\n");
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                run = i;
            }
            b'\\' if !raw => {
                out.push_str(&body[run..i]);
                i = str_escape(body, i, out)?;
                run = i;
            }
            _ => i += 1,
        }
    }
    out.push_str(&body[run..]);
    Ok(())
}

/// Decode the escape whose backslash is at `at`; returns the offset after it.
fn str_escape(body: &str, at: usize, out: &mut Wtf8Buf) -> Result<usize, LiteralError> {
    let bytes = body.as_bytes();
    let Some(&c) = bytes.get(at + 1) else {
        return Err(unicode_error(body, at, at + 1, "\\ at end of string"));
    };
    let simple = match c {
        b'\n' => Some(None),
        b'\r' => {
            let skip = if bytes.get(at + 2) == Some(&b'\n') {
                3
            } else {
                2
            };
            return Ok(at + skip);
        }
        b'\\' => Some(Some('\\')),
        b'\'' => Some(Some('\'')),
        b'"' => Some(Some('"')),
        b'a' => Some(Some('\x07')),
        b'b' => Some(Some('\x08')),
        b'f' => Some(Some('\x0c')),
        b'n' => Some(Some('\n')),
        b'r' => Some(Some('\r')),
        b't' => Some(Some('\t')),
        b'v' => Some(Some('\x0b')),
        _ => None,
    };
    if let Some(ch) = simple {
        if let Some(ch) = ch {
            out.push_code_point(ch as u32);
        }
        return Ok(at + 2);
    }
    match c {
        b'0'..=b'7' => {
            let (value, end) = octal(bytes, at + 1);
            out.push_code_point(value);
            Ok(end)
        }
        b'x' => hex_escape(body, at, 2, "truncated \\xXX escape", out),
        b'u' => hex_escape(body, at, 4, "truncated \\uXXXX escape", out),
        b'U' => hex_escape(body, at, 8, "truncated \\UXXXXXXXX escape", out),
        b'N' => named_escape(body, at, out),
        _ => {
            // Unknown escape: the backslash stays, the next character is
            // copied by the caller.
            out.push_str("\\");
            Ok(at + 1)
        }
    }
}

/// Up to three octal digits starting at `from`: their value and the end.
fn octal(bytes: &[u8], from: usize) -> (u32, usize) {
    let mut value = 0u32;
    let mut i = from;
    while i < from + 3 && i < bytes.len() && (b'0'..=b'7').contains(&bytes[i]) {
        value = value * 8 + (bytes[i] - b'0') as u32;
        i += 1;
    }
    (value, i)
}

/// `\x`, `\u` or `\U` at `at`, with exactly `count` hex digits.
fn hex_escape(
    body: &str,
    at: usize,
    count: usize,
    truncated: &str,
    out: &mut Wtf8Buf,
) -> Result<usize, LiteralError> {
    let bytes = body.as_bytes();
    let mut value = 0u32;
    let mut i = at + 2;
    while i < at + 2 + count {
        let digit = bytes.get(i).and_then(|&b| (b as char).to_digit(16));
        let Some(d) = digit else {
            return Err(unicode_error(body, at, i, truncated));
        };
        value = (value << 4) | d;
        i += 1;
    }
    if value > 0x10FFFF {
        return Err(unicode_error(body, at, i, "illegal Unicode character"));
    }
    out.push_code_point(value);
    Ok(i)
}

/// `\N{NAME}` at `at`: a character by its Unicode name or alias, any case.
fn named_escape(body: &str, at: usize, out: &mut Wtf8Buf) -> Result<usize, LiteralError> {
    const MALFORMED: &str = "malformed \\N character escape";
    let bytes = body.as_bytes();
    let open = at + 2;
    if bytes.get(open) != Some(&b'{') {
        return Err(unicode_error(body, at, open.min(bytes.len()), MALFORMED));
    }
    let Some(len) = body[open + 1..].find('}') else {
        return Err(unicode_error(body, at, bytes.len(), MALFORMED));
    };
    let close = open + 1 + len;
    if len == 0 {
        return Err(unicode_error(body, at, close, MALFORMED));
    }
    match unicode_names2::character(&body[open + 1..close]) {
        Some(ch) => {
            out.push_code_point(ch as u32);
            Ok(close + 1)
        }
        None => Err(unicode_error(
            body,
            at,
            close + 1,
            "unknown Unicode character name",
        )),
    }
}

/// The `unicodeescape` codec's error for body bytes `start..end`.
///
/// CPython hands the codec a copy of the body in which each non-ASCII
/// character is spelt `\UXXXXXXXX` (10 bytes) and a backslash before one is
/// spelt `\u005c` (6 bytes); the positions in the message count that copy.
fn unicode_error(body: &str, start: usize, end: usize, reason: &str) -> LiteralError {
    let (s, e) = (expanded_offset(body, start), expanded_offset(body, end));
    let msg = if e == s + 1 {
        let byte = body.as_bytes()[start];
        format!("(unicode error) 'unicodeescape' codec can't decode byte 0x{byte:02x} in position {s}: {reason}")
    } else {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {s}-{}: {reason}",
            e - 1
        )
    };
    LiteralError { msg, start, end }
}

/// The offset in CPython's expanded copy of the body (see `unicode_error`) of
/// body byte offset `to`.
fn expanded_offset(body: &str, to: usize) -> usize {
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut pos = 0;
    while i < to {
        if bytes[i] == b'\\' {
            i += 1;
            pos += 1;
            if i >= bytes.len() || bytes[i] >= 0x80 {
                pos += 5;
                continue;
            }
            if i >= to {
                break;
            }
        }
        if bytes[i] >= 0x80 {
            let len = body[i..].chars().next().map_or(1, char::len_utf8);
            i += len;
            pos += 10;
        } else {
            i += 1;
            pos += 1;
        }
    }
    pos
}

/// Decode the body of a bytes literal onto `out`.
///
/// A non-ASCII character anywhere is "bytes can only contain ASCII literal
/// characters" with `start..end` the whole body (CPython's caret spans the whole
/// literal token). A bad `\x` is "(value error) invalid \x escape at position N".
///
/// ```
/// use gilt_lexer::literal::decode_bytes;
/// let mut out = Vec::new();
/// decode_bytes(r"\x41\101\n", false, &mut out).unwrap();
/// assert_eq!(out, b"AA\n");
/// ```
pub fn decode_bytes(body: &str, raw: bool, out: &mut Vec<u8>) -> Result<(), LiteralError> {
    if !body.is_ascii() {
        return Err(LiteralError {
            msg: "bytes can only contain ASCII literal characters".into(),
            start: 0,
            end: body.len(),
        });
    }
    let bytes = body.as_bytes();
    out.reserve(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' => {
                out.push(b'\n');
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
            }
            b'\\' if !raw => i = bytes_escape(bytes, i, out)?,
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    Ok(())
}

/// Decode the bytes escape whose backslash is at `at`; returns the offset after it.
fn bytes_escape(bytes: &[u8], at: usize, out: &mut Vec<u8>) -> Result<usize, LiteralError> {
    let Some(&c) = bytes.get(at + 1) else {
        return Err(LiteralError {
            msg: "(value error) Trailing \\ in string".into(),
            start: at,
            end: at + 1,
        });
    };
    let byte = match c {
        b'\n' => return Ok(at + 2),
        b'\r' => {
            return Ok(at
                + if bytes.get(at + 2) == Some(&b'\n') {
                    3
                } else {
                    2
                })
        }
        b'\\' => b'\\',
        b'\'' => b'\'',
        b'"' => b'"',
        b'a' => 0x07,
        b'b' => 0x08,
        b'f' => 0x0c,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        b'v' => 0x0b,
        b'0'..=b'7' => {
            // Values over 0o377 wrap to a byte, as in CPython 3.11.
            let (value, end) = octal(bytes, at + 1);
            out.push(value as u8);
            return Ok(end);
        }
        b'x' => {
            let digit = |i: usize| bytes.get(i).and_then(|&b| (b as char).to_digit(16));
            let (Some(hi), Some(lo)) = (digit(at + 2), digit(at + 3)) else {
                let end = (at + 4).min(bytes.len());
                return Err(LiteralError {
                    msg: format!("(value error) invalid \\x escape at position {at}"),
                    start: at,
                    end,
                });
            };
            out.push((hi * 16 + lo) as u8);
            return Ok(at + 4);
        }
        _ => {
            out.push(b'\\');
            return Ok(at + 1);
        }
    };
    out.push(byte);
    Ok(at + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(body: &str) -> Vec<u32> {
        let mut out = Wtf8Buf::new();
        decode_str(body, false, &mut out).unwrap();
        out.code_points().collect()
    }

    fn s_err(body: &str) -> String {
        decode_str(body, false, &mut Wtf8Buf::new())
            .unwrap_err()
            .msg
    }

    fn b(body: &str) -> Vec<u8> {
        let mut out = Vec::new();
        decode_bytes(body, false, &mut out).unwrap();
        out
    }

    fn cps(text: &str) -> Vec<u32> {
        text.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn str_escapes() {
        assert_eq!(
            s(r#"\\\'\"\a\b\f\n\r\t\v"#),
            cps("\\'\"\x07\x08\x0c\n\r\t\x0b")
        );
        assert_eq!(s(r"\0\12\101\1011\777"), cps("\0\n\u{41}\u{41}1\u{1ff}"));
        assert_eq!(s(r"\x41\u00e9\U0001F600"), cps("A\u{e9}\u{1F600}"));
        assert_eq!(
            s(r"\N{LATIN SMALL LETTER A}\N{bullet}\N{LINE FEED}\N{NBSP}"),
            cps("a\u{2022}\n\u{a0}")
        );
        assert_eq!(s(r"\d\é"), cps(r"\d\é"));
        assert_eq!(s("a\\\nb\\\r\nc"), cps("abc"));
        assert_eq!(s("a\r\nb\rc"), cps("a\nb\nc"));
        assert_eq!(s(r"\ud800x"), vec![0xD800, 'x' as u32]);
    }

    #[test]
    fn raw_str_keeps_backslashes() {
        let mut out = Wtf8Buf::new();
        decode_str("\\x\\'\\\r\n", true, &mut out).unwrap();
        assert_eq!(out.as_str(), Some("\\x\\'\\\n"));
    }

    #[test]
    fn str_escape_errors() {
        let pre = "(unicode error) 'unicodeescape' codec can't decode bytes in position";
        assert_eq!(s_err(r"\x"), format!("{pre} 0-1: truncated \\xXX escape"));
        assert_eq!(
            s_err(r"ab\x4g"),
            format!("{pre} 2-4: truncated \\xXX escape")
        );
        assert_eq!(
            s_err(r"abc\u12"),
            format!("{pre} 3-6: truncated \\uXXXX escape")
        );
        assert_eq!(
            s_err(r"\U1234"),
            format!("{pre} 0-5: truncated \\UXXXXXXXX escape")
        );
        assert_eq!(
            s_err(r"\U0011ffff"),
            format!("{pre} 0-9: illegal Unicode character")
        );
        assert_eq!(
            s_err(r"\N{foo}abc"),
            format!("{pre} 0-6: unknown Unicode character name")
        );
        assert_eq!(
            s_err(r"\N"),
            format!("{pre} 0-1: malformed \\N character escape")
        );
        assert_eq!(
            s_err(r"\Nx"),
            format!("{pre} 0-1: malformed \\N character escape")
        );
        assert_eq!(
            s_err(r"\N{}"),
            format!("{pre} 0-2: malformed \\N character escape")
        );
        assert_eq!(
            s_err(r"\N{LATIN SMALL LETTER A"),
            format!("{pre} 0-22: malformed \\N character escape")
        );
        // Non-ASCII characters count 10 in CPython's positions, `\` before one 6.
        assert_eq!(
            s_err("\u{e9}\\x"),
            format!("{pre} 10-11: truncated \\xXX escape")
        );
        assert_eq!(
            s_err("a\\\u{e9}\\x"),
            format!("{pre} 17-18: truncated \\xXX escape")
        );
        assert_eq!(
            s_err("\\x\u{e9}"),
            format!("{pre} 0-1: truncated \\xXX escape")
        );
        let e = decode_str(r"ab\x4g", false, &mut Wtf8Buf::new()).unwrap_err();
        assert_eq!((e.start, e.end), (2, 5));
    }

    #[test]
    fn bytes_escapes() {
        assert_eq!(
            b(r"\x41\101\777\n\N{X}\u1234\d"),
            b"AA\xff\n\\N{X}\\u1234\\d".to_vec()
        );
        assert_eq!(b("a\\\nb\r\n"), b"ab\n".to_vec());
        let mut raw = Vec::new();
        decode_bytes(r"\x\n", true, &mut raw).unwrap();
        assert_eq!(raw, br"\x\n".to_vec());
    }

    #[test]
    fn bytes_errors() {
        let e = decode_bytes(r"ab\x4", false, &mut Vec::new()).unwrap_err();
        assert_eq!(
            (e.msg.as_str(), e.start),
            ("(value error) invalid \\x escape at position 2", 2)
        );
        let e = decode_bytes("a\u{e9}", true, &mut Vec::new()).unwrap_err();
        assert_eq!(
            (e.msg.as_str(), e.start, e.end),
            ("bytes can only contain ASCII literal characters", 0, 3)
        );
    }
}
