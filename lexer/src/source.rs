//! Source bytes to text: the UTF-8 BOM and PEP 263 coding declarations.
//!
//! Follows what CPython 3.11 does for `ast.parse(bytes)`: a UTF-8 BOM is
//! dropped; a `coding[:=]name` comment on line 1, or on line 2 when line 1 is
//! blank or a comment, names the encoding. Supported: UTF-8, Latin-1, ASCII,
//! cp1252, ISO-8859-15 and KOI8-R, under the names Python's codec registry
//! accepts for them. Line endings are left as they are: the tokenizer, the
//! literal decoder and `LineIndex` all treat `\r\n` and a lone `\r` as `\n`.

use crate::error::LexError;

/// Decode a source file's bytes to text as CPython does.
///
/// Errors that CPython reports without a position (`unknown encoding: xxx`,
/// `encoding problem: xxx with BOM`, a codec error under a declared encoding)
/// have `start == end == 0`. For undeclared invalid UTF-8, `start == end` is
/// the offset of the bad byte in `bytes`; everything before it is valid UTF-8,
/// so `String::from_utf8_lossy(bytes)` gives the right line and column.
///
/// ```
/// use gilt_lexer::decode_source;
/// let text = decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n").unwrap();
/// assert!(text.ends_with("x = '\u{e9}'\n"));
/// ```
pub fn decode_source(bytes: &[u8]) -> Result<String, LexError> {
    let (bom, text) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let spec = coding_spec(text);
    let codec = match spec.as_deref() {
        None | Some("utf-8") => return decode_utf8(text, bytes.len() - text.len()),
        Some(name) if bom => return Err(no_position(format!("encoding problem: {name} with BOM"))),
        Some(name) => {
            Codec::lookup(name).ok_or_else(|| no_position(format!("unknown encoding: {name}")))?
        }
    };
    codec.decode(text)
}

/// A SyntaxError that CPython reports without a line (line 0).
fn no_position(msg: String) -> LexError {
    LexError::syntax(msg, 0, 0)
}

/// The encoding named on line 1 or 2, normalised as CPython's `get_normal_name`
/// does (`utf-8` and `iso-8859-1` spellings collapse to those names).
fn coding_spec(text: &[u8]) -> Option<String> {
    let mut lines = text.split_inclusive(|&b| b == b'\n' || b == b'\r');
    let first = lines.next()?;
    if let Some(spec) = line_coding_spec(first) {
        return Some(spec);
    }
    // Line 2 counts only if line 1 holds nothing but blanks and a comment.
    let first_blank = first
        .iter()
        .take_while(|&&b| !matches!(b, b'#' | b'\n' | b'\r'))
        .all(|&b| matches!(b, b' ' | b'\t' | b'\x0c'));
    if first_blank {
        return lines.next().and_then(line_coding_spec);
    }
    None
}

/// CPython's `get_coding_spec` on one line: a comment that is the only thing on
/// the line and contains `coding:` or `coding=` followed by a name.
fn line_coding_spec(line: &[u8]) -> Option<String> {
    let size = line.len();
    let mut i = 0;
    while i + 6 < size {
        if line[i] == b'#' {
            break;
        }
        if !matches!(line[i], b' ' | b'\t' | b'\x0c') {
            return None;
        }
        i += 1;
    }
    while i + 6 < size {
        if &line[i..i + 6] == b"coding" && matches!(line[i + 6], b':' | b'=') {
            let mut t = i + 7;
            while t < size && matches!(line[t], b' ' | b'\t') {
                t += 1;
            }
            let begin = t;
            while t < size
                && (line[t].is_ascii_alphanumeric() || matches!(line[t], b'-' | b'_' | b'.'))
            {
                t += 1;
            }
            if begin < t {
                let name = String::from_utf8_lossy(&line[begin..t]).into_owned();
                return Some(normal_name(name));
            }
        }
        i += 1;
    }
    None
}

/// CPython's `get_normal_name`: the utf-8 and latin-1 spellings it recognises
/// become `utf-8` and `iso-8859-1`; anything else is kept as written.
fn normal_name(name: String) -> String {
    let buf: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if buf == "utf-8" || buf.starts_with("utf-8-") {
        "utf-8".into()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"].contains(&buf.as_str())
        || ["latin-1-", "iso-8859-1-", "iso-latin-1-"]
            .iter()
            .any(|p| buf.starts_with(p))
    {
        "iso-8859-1".into()
    } else {
        name
    }
}

/// UTF-8 without a declaration, with the error `ast.parse(bytes)` gives.
fn decode_utf8(text: &[u8], offset: usize) -> Result<String, LexError> {
    match std::str::from_utf8(text) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let bad = e.valid_up_to();
            // CPython decodes the name or string body holding the bad byte and
            // counts from its start; approximate that start by the run of
            // identifier bytes before it, and the end by the run of non-ASCII
            // bytes after it.
            let is_word = |b: u8| b >= 0x80 || b.is_ascii_alphanumeric() || b == b'_';
            let run_start = text[..bad]
                .iter()
                .rposition(|&b| !is_word(b))
                .map_or(0, |p| p + 1);
            let run_end = text[bad..]
                .iter()
                .position(|&b| b < 0x80)
                .map_or(text.len(), |p| bad + p);
            let reason = utf8_reason(&text[bad..run_end]);
            let msg = format!(
                "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {reason}",
                text[bad],
                bad - run_start
            );
            let at = (offset + bad) as u32;
            Err(LexError::syntax(msg, at, at))
        }
    }
}

/// Python's reason for the invalid UTF-8 at the start of `bytes`.
fn utf8_reason(bytes: &[u8]) -> &'static str {
    match std::str::from_utf8(bytes) {
        Err(e) if e.valid_up_to() == 0 && e.error_len().is_none() => "unexpected end of data",
        _ if matches!(bytes[0], 0x80..=0xC1 | 0xF5..=0xFF) => "invalid start byte",
        _ => "invalid continuation byte",
    }
}

/// A declared encoding this crate can decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Utf8Sig,
    Latin1,
    Ascii,
    Cp1252,
    Iso8859_15,
    Koi8R,
}

impl Codec {
    /// Look a name up as Python's codec registry does: lower case, runs of
    /// punctuation other than `.` become `_`, then the aliases.
    fn lookup(name: &str) -> Option<Codec> {
        let mut norm = String::with_capacity(name.len());
        let mut punct = false;
        for c in name.chars() {
            if c.is_ascii_alphanumeric() || c == '.' {
                if punct && !norm.is_empty() {
                    norm.push('_');
                }
                norm.push(c.to_ascii_lowercase());
                punct = false;
            } else {
                punct = true;
            }
        }
        Some(match norm.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
            "utf_8_sig" => Codec::Utf8Sig,
            "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859"
            | "cp819" | "iso_ir_100" | "iso_8859_1_1987" | "csisolatin1" | "ibm819" | "iso8859" => {
                Codec::Latin1
            }
            "ascii" | "646" | "us_ascii" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968"
            | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367" | "iso646_us"
            | "iso_646.irv_1991" | "iso_ir_6" => Codec::Ascii,
            "cp1252" | "windows_1252" | "1252" => Codec::Cp1252,
            "iso8859_15" | "iso_8859_15" | "latin9" | "l9" => Codec::Iso8859_15,
            "koi8_r" | "cskoi8r" => Codec::Koi8R,
            _ => return None,
        })
    }

    /// Decode with the codec's error message on failure (no position).
    fn decode(self, text: &[u8]) -> Result<String, LexError> {
        match self {
            Codec::Utf8 | Codec::Utf8Sig => {
                let text = match self {
                    Codec::Utf8Sig => text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text),
                    _ => text,
                };
                std::str::from_utf8(text).map(str::to_owned).map_err(|e| {
                    let bad = e.valid_up_to();
                    no_position(format!(
                        "'utf-8' codec can't decode byte 0x{:02x} in position {bad}: {}",
                        text[bad],
                        utf8_reason(&text[bad..])
                    ))
                })
            }
            Codec::Ascii => match text.iter().position(|&b| b >= 0x80) {
                Some(bad) => Err(no_position(format!(
                    "'ascii' codec can't decode byte 0x{:02x} in position {bad}: ordinal not in range(128)",
                    text[bad]
                ))),
                None => Ok(text.iter().map(|&b| b as char).collect()),
            },
            _ => {
                let mut out = String::with_capacity(text.len() + text.len() / 8);
                for (i, &b) in text.iter().enumerate() {
                    let cp = self.upper_half(b);
                    match char::from_u32(cp).filter(|_| cp != 0) {
                        Some(c) => out.push(c),
                        None => {
                            return Err(no_position(format!(
                                "'charmap' codec can't decode byte 0x{b:02x} in position {i}: \
                                 character maps to <undefined>"
                            )))
                        }
                    }
                }
                Ok(out)
            }
        }
    }

    /// The code point of byte `b` in a single-byte codec (0: undefined).
    fn upper_half(self, b: u8) -> u32 {
        if b < 0x80 {
            return b as u32;
        }
        match self {
            Codec::Cp1252 if b < 0xA0 => CP1252_80[(b - 0x80) as usize] as u32,
            Codec::Iso8859_15 => match b {
                0xA4 => 0x20AC,
                0xA6 => 0x0160,
                0xA8 => 0x0161,
                0xB4 => 0x017D,
                0xB8 => 0x017E,
                0xBC => 0x0152,
                0xBD => 0x0153,
                0xBE => 0x0178,
                _ => b as u32,
            },
            Codec::Koi8R => KOI8_R[(b - 0x80) as usize] as u32,
            _ => b as u32,
        }
    }
}

/// cp1252 bytes 0x80..0xA0 (0: undefined); the rest is Latin-1.
const CP1252_80: [u16; 32] = [
    0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, //
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x017D, 0x0000, //
    0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, //
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178, //
];

/// KOI8-R bytes 0x80..=0xFF.
const KOI8_R: [u16; 128] = [
    0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524, //
    0x252C, 0x2534, 0x253C, 0x2580, 0x2584, 0x2588, 0x258C, 0x2590, //
    0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219, 0x221A, 0x2248, //
    0x2264, 0x2265, 0x00A0, 0x2321, 0x00B0, 0x00B2, 0x00B7, 0x00F7, //
    0x2550, 0x2551, 0x2552, 0x0451, 0x2553, 0x2554, 0x2555, 0x2556, //
    0x2557, 0x2558, 0x2559, 0x255A, 0x255B, 0x255C, 0x255D, 0x255E, //
    0x255F, 0x2560, 0x2561, 0x0401, 0x2562, 0x2563, 0x2564, 0x2565, //
    0x2566, 0x2567, 0x2568, 0x2569, 0x256A, 0x256B, 0x256C, 0x00A9, //
    0x044E, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433, //
    0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, //
    0x043F, 0x044F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0436, 0x0432, //
    0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A, //
    0x042E, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413, //
    0x0425, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, //
    0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412, //
    0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429, 0x0427, 0x042A, //
];

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8]) -> (String, u32) {
        let e = decode_source(bytes).unwrap_err();
        (e.msg, e.start)
    }

    #[test]
    fn bom_and_declarations() {
        assert_eq!(decode_source(b"\xEF\xBB\xBFx = 1").unwrap(), "x = 1");
        assert_eq!(
            decode_source(b"\xEF\xBB\xBF# coding: utf-8\n").unwrap(),
            "# coding: utf-8\n"
        );
        assert_eq!(
            decode_source(b"#!/bin/py\n# vim: fileencoding=latin_1 :\n\xe9")
                .unwrap()
                .pop(),
            Some('\u{e9}')
        );
        assert_eq!(
            decode_source(b"# coding: cp1252\n\x80").unwrap().pop(),
            Some('\u{20ac}')
        );
        assert_eq!(
            decode_source(b"# coding: iso-8859-15\n\xa4").unwrap().pop(),
            Some('\u{20ac}')
        );
        assert_eq!(
            decode_source(b"# coding: koi8-r\n\xc1").unwrap().pop(),
            Some('\u{430}')
        );
        // Line 2 only counts after a blank or comment line; line 3 never.
        assert!(decode_source(b"x = 1\n# coding: foo\n").is_ok());
        assert!(decode_source(b"\n\n# coding: foo\n").is_ok());
    }

    #[test]
    fn errors() {
        assert_eq!(
            err(b"# coding: foo\nx=1"),
            ("unknown encoding: foo".into(), 0)
        );
        assert_eq!(err(b"\n# coding: foo"), ("unknown encoding: foo".into(), 0));
        assert_eq!(
            err(b"\xEF\xBB\xBF# coding: latin-1\n"),
            ("encoding problem: iso-8859-1 with BOM".into(), 0)
        );
        assert_eq!(
            err(b"\xEF\xBB\xBF# coding: utf8\n"),
            ("encoding problem: utf8 with BOM".into(), 0)
        );
        assert_eq!(
            err(b"  # coding: ascii\nx=\"\xe9\""),
            (
                "'ascii' codec can't decode byte 0xe9 in position 21: ordinal not in range(128)"
                    .into(),
                0
            )
        );
        assert_eq!(
            err(b"# coding: cp1252\nx=\"\x81\""),
            ("'charmap' codec can't decode byte 0x81 in position 20: character maps to <undefined>".into(), 0)
        );
        assert_eq!(
            err(b"x = 1\n\xff"),
            ("(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".into(), 6)
        );
        assert_eq!(
            err(b"x = '\xe9'"),
            ("(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data".into(), 5)
        );
    }
}
