//! Number literals: where one ends, its value, and CPython's errors.
//!
//! The scanner follows the order of checks in CPython 3.11's tokenizer, so that
//! the same malformed literal gets the same message with the caret on the same
//! character. CPython reports most of these errors "at the cursor", which puts
//! the caret on the character *before* the cursor; `Scan::error` does the same.
//! A literal directly followed by `and`, `else`, `for`, `if`, `in`, `is`, `not`
//! or `or` is accepted (CPython only warns), so `1if x else y` and `0x1for x in
//! y` tokenize as they do there.

use crate::error::LexError;
use crate::raw::{RawError, RawTok};
use crate::token::{IntValue, Tok};
use logos::Lexer;
use num_bigint::BigInt;

/// End of input, as CPython's `tok_nextc` returns it.
const EOF: i32 = -1;

/// A cursor over the source bytes with CPython's `nextc`/`backup` semantics.
struct Scan<'s> {
    src: &'s [u8],
    /// Where the literal starts.
    start: usize,
    cur: usize,
}

impl Scan<'_> {
    /// The next byte, or `EOF` (which does not move the cursor).
    fn nextc(&mut self) -> i32 {
        match self.src.get(self.cur) {
            Some(&b) => {
                self.cur += 1;
                b as i32
            }
            None => EOF,
        }
    }

    /// Step back over `c`, which `nextc` just returned.
    fn backup(&mut self, c: i32) {
        if c != EOF {
            self.cur -= 1;
        }
    }

    /// A SyntaxError with the caret on the character before the cursor.
    fn error(&self, msg: impl Into<String>) -> RawError {
        let at = (self.cur - 1) as u32;
        RawError::Lex(LexError::syntax(msg, at, at))
    }

    /// Digits and single underscores after a first digit already read; returns
    /// the first byte after them.
    fn decimal_tail(&mut self) -> Result<i32, RawError> {
        loop {
            let mut c = self.nextc();
            while is_digit(c) {
                c = self.nextc();
            }
            if c != b'_' as i32 {
                return Ok(c);
            }
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.error("invalid decimal literal"));
            }
        }
    }

    /// True if the cursor is at `word` not followed by an identifier character;
    /// the cursor does not move.
    fn lookahead(&self, word: &[u8]) -> bool {
        let rest = &self.src[self.cur..];
        rest.starts_with(word)
            && !rest
                .get(word.len())
                .is_some_and(|&b| is_ident_byte(b as i32))
    }

    /// CPython's `verify_end_of_number`: `c` was just read after the literal.
    fn verify_end(&mut self, c: i32, kind: &str) -> Result<(), RawError> {
        let keyword_follows = match u8::try_from(c).unwrap_or(0) {
            b'a' => self.lookahead(b"nd"),
            b'e' => self.lookahead(b"lse"),
            b'f' => self.lookahead(b"or"),
            b'i' => matches!(self.src.get(self.cur), Some(b'f' | b'n' | b's')),
            b'o' => self.lookahead(b"r"),
            b'n' => self.lookahead(b"ot"),
            _ => false,
        };
        // A non-ASCII character after a literal is left for the next token
        // (CPython 3.11 then reports "invalid syntax" or "invalid character").
        if !keyword_follows && c < 128 && is_ident_byte(c) {
            self.backup(c);
            return Err(self.error(format!("invalid {kind} literal")));
        }
        Ok(())
    }
}

fn is_digit(c: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&c)
}

/// CPython's `is_potential_identifier_char`: ASCII letters, digits, `_`, and
/// every byte of a non-ASCII character.
fn is_ident_byte(c: i32) -> bool {
    c >= 128 || u8::try_from(c).is_ok_and(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// What kind of literal the scan found.
enum Kind {
    Int(u32),
    Float,
    Imag,
}

/// Logos callback for `[0-9]` or `\.[0-9]`: scan the rest of the literal.
pub(crate) fn scan_number(lex: &mut Lexer<RawTok>) -> Result<Tok, RawError> {
    let start = lex.span().start;
    let src = lex.source().as_bytes();
    let mut s = Scan {
        src,
        start,
        cur: start + 1,
    };
    let kind = scan(&mut s, src[start])?;
    lex.bump(s.cur - lex.span().end);
    let text = &lex.source()[start..s.cur];
    Ok(match kind {
        Kind::Int(radix) => Tok::Int(int_value(text, radix)),
        Kind::Float => Tok::Float(float_value(text)),
        Kind::Imag => Tok::Imag(float_value(&text[..text.len() - 1])),
    })
}

/// Scan a literal whose first byte `first` was already read; leaves the cursor
/// just past it.
fn scan(s: &mut Scan, first: u8) -> Result<Kind, RawError> {
    let mut c;
    if first == b'.' {
        c = s.nextc(); // the digit logos matched
        return fraction(s, c);
    }
    if first == b'0' {
        c = s.nextc();
        match u8::try_from(c).unwrap_or(0) {
            b'x' | b'X' => return radix_digits(s, 16),
            b'o' | b'O' => return radix_digits(s, 8),
            b'b' | b'B' => return radix_digits(s, 2),
            _ => {}
        }
        // Zeros, then maybe an old-style octal, which is only allowed as the
        // start of a float or imaginary literal.
        let mut nonzero = false;
        loop {
            if c == b'_' as i32 {
                c = s.nextc();
                if !is_digit(c) {
                    s.backup(c);
                    return Err(s.error("invalid decimal literal"));
                }
            }
            if c != b'0' as i32 {
                break;
            }
            c = s.nextc();
        }
        let zeros_end = s.cur;
        if is_digit(c) {
            nonzero = true;
            c = s.decimal_tail()?;
        }
        if c == b'.' as i32 {
            c = s.nextc();
            return fraction(s, c);
        } else if c == b'e' as i32 || c == b'E' as i32 {
            return exponent(s, c);
        } else if c == b'j' as i32 || c == b'J' as i32 {
            return imaginary(s);
        } else if nonzero {
            s.backup(c);
            let start = s.start as u32;
            let msg = "leading zeros in decimal integer literals are not permitted; \
                       use an 0o prefix for octal integers";
            return Err(RawError::Lex(LexError::syntax(
                msg,
                start,
                (zeros_end - 1) as u32,
            )));
        }
        s.verify_end(c, "decimal")?;
        s.backup(c);
        return Ok(Kind::Int(10));
    }
    c = s.decimal_tail()?;
    if c == b'.' as i32 {
        c = s.nextc();
        return fraction(s, c);
    }
    if c == b'e' as i32 || c == b'E' as i32 {
        return exponent(s, c);
    }
    if c == b'j' as i32 || c == b'J' as i32 {
        return imaginary(s);
    }
    s.verify_end(c, "decimal")?;
    s.backup(c);
    Ok(Kind::Int(10))
}

/// The digits after `0x`, `0o` or `0b`.
fn radix_digits(s: &mut Scan, radix: u32) -> Result<Kind, RawError> {
    let name = match radix {
        16 => "hexadecimal",
        8 => "octal",
        _ => "binary",
    };
    let is_radix_digit = |c: i32| u8::try_from(c).is_ok_and(|b| (b as char).is_digit(radix));
    let mut c = s.nextc();
    loop {
        if c == b'_' as i32 {
            c = s.nextc();
        }
        if !is_radix_digit(c) {
            if radix != 16 && is_digit(c) {
                return Err(s.error(format!(
                    "invalid digit '{}' in {name} literal",
                    c as u8 as char
                )));
            }
            s.backup(c);
            return Err(s.error(format!("invalid {name} literal")));
        }
        c = s.nextc();
        while is_radix_digit(c) {
            c = s.nextc();
        }
        if c != b'_' as i32 {
            break;
        }
    }
    if radix != 16 && is_digit(c) {
        return Err(s.error(format!(
            "invalid digit '{}' in {name} literal",
            c as u8 as char
        )));
    }
    s.verify_end(c, name)?;
    s.backup(c);
    Ok(Kind::Int(radix))
}

/// After the `.` of a float; `c` is the byte after the dot.
fn fraction(s: &mut Scan, mut c: i32) -> Result<Kind, RawError> {
    if is_digit(c) {
        c = s.decimal_tail()?;
    }
    if c == b'e' as i32 || c == b'E' as i32 {
        return exponent(s, c);
    }
    if c == b'j' as i32 || c == b'J' as i32 {
        return imaginary(s);
    }
    s.verify_end(c, "decimal")?;
    s.backup(c);
    Ok(Kind::Float)
}

/// At the `e` of an exponent (`e` was just read).
fn exponent(s: &mut Scan, e: i32) -> Result<Kind, RawError> {
    let mut c = s.nextc();
    if c == b'+' as i32 || c == b'-' as i32 {
        c = s.nextc();
        if !is_digit(c) {
            s.backup(c);
            return Err(s.error("invalid decimal literal"));
        }
    } else if !is_digit(c) {
        // Not an exponent after all: the literal ends before the `e`.
        s.backup(c);
        s.verify_end(e, "decimal")?;
        s.backup(e);
        return Ok(float_or_int(s));
    }
    c = s.decimal_tail()?;
    if c == b'j' as i32 || c == b'J' as i32 {
        return imaginary(s);
    }
    s.verify_end(c, "decimal")?;
    s.backup(c);
    Ok(Kind::Float)
}

/// The kind of a literal that ended just before an `e` that starts a keyword
/// (`1else`, `1.else`): a float if it has a dot, else an int.
fn float_or_int(s: &Scan) -> Kind {
    if s.src[s.start..s.cur].contains(&b'.') {
        Kind::Float
    } else {
        Kind::Int(10)
    }
}

/// At the `j` of an imaginary literal (already read).
fn imaginary(s: &mut Scan) -> Result<Kind, RawError> {
    let c = s.nextc();
    s.verify_end(c, "imaginary")?;
    s.backup(c);
    Ok(Kind::Imag)
}

/// The value of an int literal's text (with its `0x`-style prefix, if any).
fn int_value(text: &str, radix: u32) -> IntValue {
    let digits = if radix == 10 { text } else { &text[2..] };
    let mut value: u64 = 0;
    let mut fits = true;
    for b in digits.bytes() {
        if b == b'_' {
            continue;
        }
        let d = (b as char).to_digit(radix).unwrap_or(0) as u64;
        match value
            .checked_mul(radix as u64)
            .and_then(|v| v.checked_add(d))
        {
            Some(v) => value = v,
            None => {
                fits = false;
                break;
            }
        }
    }
    if fits {
        if let Ok(v) = i64::try_from(value) {
            return IntValue::Small(v);
        }
    }
    let clean: Vec<u8> = digits.bytes().filter(|&b| b != b'_').collect();
    IntValue::Big(BigInt::parse_bytes(&clean, radix).unwrap_or_default())
}

/// The value of a float literal's text: underscores removed, then Rust's
/// correctly rounded parser (`1e500` is infinity, as in CPython).
fn float_value(text: &str) -> f64 {
    if text.contains('_') {
        text.replace('_', "").parse().unwrap_or(f64::NAN)
    } else {
        text.parse().unwrap_or(f64::NAN)
    }
}

#[cfg(test)]
mod tests {
    use crate::layout::tokenize;
    use crate::token::{IntValue, Tok};
    use num_bigint::BigInt;

    fn value(src: &str) -> Tok {
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
    fn ints() {
        assert_eq!(value("1_000"), Tok::Int(IntValue::Small(1000)));
        assert_eq!(value("0x_fF"), Tok::Int(IntValue::Small(255)));
        assert_eq!(value("0o17"), Tok::Int(IntValue::Small(15)));
        assert_eq!(value("0B1_01"), Tok::Int(IntValue::Small(5)));
        assert_eq!(value("0_0"), Tok::Int(IntValue::Small(0)));
        assert_eq!(
            value("9223372036854775807"),
            Tok::Int(IntValue::Small(i64::MAX))
        );
        let big: BigInt = "9223372036854775808".parse().unwrap();
        assert_eq!(value("9223372036854775808"), Tok::Int(IntValue::Big(big)));
        let big = BigInt::from(u64::MAX) + 1u32;
        assert_eq!(
            value("0x1_0000_0000_0000_0000"),
            Tok::Int(IntValue::Big(big))
        );
    }

    #[test]
    fn floats_and_imaginaries() {
        assert_eq!(value("1."), Tok::Float(1.0));
        assert_eq!(value(".5"), Tok::Float(0.5));
        assert_eq!(value("1e10"), Tok::Float(1e10));
        assert_eq!(value("1_0.0_1e-1_0"), Tok::Float(10.01e-10));
        assert_eq!(value("1e500"), Tok::Float(f64::INFINITY));
        assert_eq!(value("0.1"), Tok::Float(0.1));
        assert_eq!(value("00.5"), Tok::Float(0.5));
        assert_eq!(value("09j"), Tok::Imag(9.0));
        assert_eq!(value("1.5J"), Tok::Imag(1.5));
        assert_eq!(value("1e3j"), Tok::Imag(1000.0));
    }

    #[test]
    fn keyword_after_number() {
        let t = tokenize("1if x else 2").tokens;
        assert_eq!(t[0].tok, Tok::Int(IntValue::Small(1)));
        assert_eq!(t[1].tok, Tok::If);
        let t = tokenize("0x1for x in y").tokens;
        assert_eq!(
            (t[0].tok.clone(), t[1].tok.clone()),
            (Tok::Int(IntValue::Small(31)), Tok::Or)
        );
        assert!(tokenize("1else").error.is_none());
    }

    #[test]
    fn errors() {
        let e = |m: &str, at: u32| (m.to_string(), at, at);
        assert_eq!(error("1_"), e("invalid decimal literal", 1));
        assert_eq!(error("1__0"), e("invalid decimal literal", 1));
        assert_eq!(error("1a"), e("invalid decimal literal", 0));
        assert_eq!(error("x = 1.e"), e("invalid decimal literal", 5));
        assert_eq!(error("1e+"), e("invalid decimal literal", 2));
        assert_eq!(error("1andy"), e("invalid decimal literal", 0));
        assert_eq!(error("0xg"), e("invalid hexadecimal literal", 1));
        assert_eq!(error("0x1_"), e("invalid hexadecimal literal", 3));
        assert_eq!(error("0o18"), e("invalid digit '8' in octal literal", 3));
        assert_eq!(error("0o1a"), e("invalid octal literal", 2));
        assert_eq!(error("0b12"), e("invalid digit '2' in binary literal", 3));
        assert_eq!(error("0b"), e("invalid binary literal", 1));
        assert_eq!(error("1jx"), e("invalid imaginary literal", 1));
        let zeros = "leading zeros in decimal integer literals are not permitted; \
                     use an 0o prefix for octal integers";
        assert_eq!(error("x=  0777 + 1"), (zeros.to_string(), 4, 5));
        assert_eq!(error("00_1"), (zeros.to_string(), 0, 3));
    }
}
