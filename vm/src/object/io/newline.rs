//! Line ends and text decoding for text streams: the `newline` argument,
//! universal newlines, finding where a line ends, and decoding bytes that may
//! stop in the middle of a character.

use crate::eval::attr;
use crate::exc::{PyResult, Raise};
use crate::interp::Vm;
use crate::object::bytes::codec;
use crate::object::{Object, PyStr};
use crate::value::Value;
use std::borrow::Cow;

/// The `newline` argument of `open`, `TextIOWrapper` and `StringIO`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Newline {
    /// None: `\r\n` and `\r` read as `\n`; `\n` written as `os.linesep`.
    Universal,
    /// `''`: all three line ends end a line; nothing is translated.
    Untranslated,
    /// `'\n'`: only `\n` ends a line; nothing is translated.
    Lf,
    /// `'\r'`: only `\r` ends a line; `\n` is written as `\r`.
    Cr,
    /// `'\r\n'`: only `\r\n` ends a line; `\n` is written as `\r\n`.
    CrLf,
}

impl Newline {
    /// Parse the argument; `what` starts the TypeError ("open() argument
    /// 'newline'" or "newline"). StringIO's ValueError shows the value's repr.
    pub fn parse(
        vm: &Vm,
        v: Option<&Value>,
        what: &str,
        default: Newline,
        quote: bool,
    ) -> PyResult<Newline> {
        let text = match v {
            None => return Ok(default),
            Some(Value::None) => return Ok(Newline::Universal),
            Some(v) => match v.as_object() {
                Some(Object::Str(s)) => s.text.clone(),
                _ => {
                    return Err(Raise::type_error(format!(
                        "{what} must be str or None, not {}",
                        attr::type_name(vm, v)
                    )))
                }
            },
        };
        Ok(match &*text {
            "" => Newline::Untranslated,
            "\n" => Newline::Lf,
            "\r" => Newline::Cr,
            "\r\n" => Newline::CrLf,
            _ if quote => {
                let shown = crate::object::str::repr(&text);
                return Err(Raise::value_error(format!(
                    "illegal newline value: {shown}"
                )));
            }
            _ => return Err(Raise::value_error(format!("illegal newline value: {text}"))),
        })
    }

    /// The argument value back (for reprs and `newline` attributes).
    pub fn value(self) -> Value {
        match self {
            Newline::Universal => Value::None,
            Newline::Untranslated => PyStr::value(""),
            Newline::Lf => PyStr::value("\n"),
            Newline::Cr => PyStr::value("\r"),
            Newline::CrLf => PyStr::value("\r\n"),
        }
    }

    /// Text as written: `\n` becomes the chosen line end.
    pub fn on_write(self, text: &str) -> Cow<'_, str> {
        match self {
            Newline::Cr if text.contains('\n') => Cow::Owned(text.replace('\n', "\r")),
            Newline::CrLf if text.contains('\n') => Cow::Owned(text.replace('\n', "\r\n")),
            _ => Cow::Borrowed(text),
        }
    }
}

/// Universal newlines: `\r\n` and a lone `\r` become `\n`.
pub fn translate(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Where the line that starts at byte `start` of `text` ends (just past its
/// line end), or `None` when `text` holds no complete line yet. `at_eof`: no
/// more text follows, so a `\r` at the very end is a whole line end.
pub fn line_end(text: &str, start: usize, mode: Newline, at_eof: bool) -> Option<usize> {
    let hay = &text.as_bytes()[start..];
    let found = match mode {
        Newline::Universal | Newline::Lf => hay.iter().position(|&b| b == b'\n')? + 1,
        Newline::Cr => hay.iter().position(|&b| b == b'\r')? + 1,
        Newline::CrLf => hay.windows(2).position(|w| w == b"\r\n")? + 2,
        Newline::Untranslated => {
            let i = hay.iter().position(|&b| b == b'\n' || b == b'\r')?;
            match (hay[i], hay.get(i + 1)) {
                (b'\r', Some(b'\n')) => i + 2,
                (b'\r', None) if !at_eof => return None,
                _ => i + 1,
            }
        }
    };
    Some(start + found)
}

/// How many bytes at the end of `data` are the start of a UTF-8 character
/// that the next read will complete (0 when it ends on a boundary or the
/// codec is not UTF-8).
pub fn incomplete_tail(data: &[u8], encoding: &str) -> usize {
    if encoding != "utf-8" {
        return 0;
    }
    for back in 1..=data.len().min(3) {
        let b = data[data.len() - back];
        if b & 0xC0 == 0x80 {
            continue;
        }
        let need = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return 0,
        };
        let tail = &data[data.len() - back..];
        let partial = matches!(std::str::from_utf8(tail), Err(e) if e.error_len().is_none());
        return if need > back && partial { back } else { 0 };
    }
    0
}

/// The handler to use for `errors`. A str here holds no lone surrogates, so
/// 'surrogateescape' (the handler of sys.stdin and sys.stdout) decodes a
/// byte it cannot decode as U+FFFD, and encodes as 'strict' (it would only
/// ever act on surrogates).
fn handler(errors: &str, decoding: bool) -> &str {
    match errors {
        "surrogateescape" if decoding => "replace",
        "surrogateescape" => "strict",
        other => other,
    }
}

/// `data` decoded with `encoding` (a canonical name) and the `errors` handler.
pub fn decode(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let fast = match encoding {
        "utf-8" => std::str::from_utf8(data).ok(),
        "ascii" if data.is_ascii() => std::str::from_utf8(data).ok(),
        "latin-1" => return Ok(data.iter().map(|&b| b as char).collect()),
        _ => None,
    };
    if let Some(text) = fast {
        return Ok(text.to_owned());
    }
    codec::decode(vm, data, encoding, Some(handler(errors, true)))
}

/// `text` encoded with `encoding` (a canonical name) and the `errors` handler.
pub fn encode<'a>(
    vm: &mut Vm,
    text: &'a str,
    encoding: &str,
    errors: &str,
) -> PyResult<Cow<'a, [u8]>> {
    if encoding == "utf-8" || (encoding == "ascii" && text.is_ascii()) {
        return Ok(Cow::Borrowed(text.as_bytes()));
    }
    let errors = handler(errors, false);
    Ok(Cow::Owned(codec::encode(vm, text, encoding, Some(errors))?))
}

/// Whether `data` decodes with `encoding` with no error (so each character
/// came from exactly its own encoded bytes).
pub fn decodes_cleanly(data: &[u8], encoding: &str) -> bool {
    match encoding {
        "utf-8" => std::str::from_utf8(data).is_ok(),
        "ascii" => data.is_ascii(),
        _ => true,
    }
}

/// The number of bytes of `raw` (clean in `encoding`) that decoded to `text`,
/// with universal newlines undone when `translated`.
pub fn bytes_of(text: &str, raw: &[u8], encoding: &str, translated: bool) -> usize {
    let mut i = 0;
    for c in text.chars() {
        if translated && c == '\n' && raw.get(i) == Some(&b'\r') {
            i += if raw.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            continue;
        }
        i += if encoding == "utf-8" { c.len_utf8() } else { 1 };
    }
    i.min(raw.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_as_the_mode_says() {
        let text = "a\r\nb\rc\nd";
        assert_eq!(line_end(text, 0, Newline::Lf, false), Some(3));
        assert_eq!(line_end(text, 0, Newline::Cr, false), Some(2));
        assert_eq!(line_end(text, 0, Newline::CrLf, false), Some(3));
        assert_eq!(line_end(text, 3, Newline::Untranslated, false), Some(5));
        assert_eq!(line_end(text, 5, Newline::Untranslated, false), Some(7));
        assert_eq!(line_end("x\r", 0, Newline::Untranslated, false), None);
        assert_eq!(line_end("x\r", 0, Newline::Untranslated, true), Some(2));
        assert_eq!(line_end("abc", 0, Newline::Lf, true), None);
    }

    #[test]
    fn split_characters_wait_for_their_rest() {
        let euro = "€".as_bytes();
        assert_eq!(incomplete_tail(&euro[..2], "utf-8"), 2);
        assert_eq!(incomplete_tail(euro, "utf-8"), 0);
        assert_eq!(incomplete_tail(b"ab\xff", "utf-8"), 0);
        assert_eq!(incomplete_tail(&euro[..1], "latin-1"), 0);
    }

    #[test]
    fn translated_text_maps_back_to_its_bytes() {
        let raw = "h\u{e9}\r\nx\ry".as_bytes();
        let text = translate(String::from_utf8(raw.to_vec()).unwrap());
        assert_eq!(text, "h\u{e9}\nx\ny");
        // "hé\nx" came from "hé\r\nx"; the whole text from all 8 bytes.
        assert_eq!(bytes_of(&text[..5], raw, "utf-8", true), 6);
        assert_eq!(bytes_of(&text, raw, "utf-8", true), 8);
    }
}
