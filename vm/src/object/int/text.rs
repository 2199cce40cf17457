//! Ints as text: `repr`/`str` in decimal, `int(s, base)`, CPython 3.11's
//! 4300-digit limit on both, and the table of Unicode decimal digits.

use super::normalize;
use crate::exc::{PyResult, Raise};
use crate::object::Object;
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::Signed;
use std::borrow::Cow;

/// CPython 3.11's default `sys.get_int_max_str_digits()`: the most decimal
/// digits `str(int)` and `int(str)` handle (bases that are powers of 2 are
/// exempt).
pub const MAX_STR_DIGITS: usize = 4300;

/// `repr(v)` / `str(v)` of an int in decimal (`True`/`False` for bools);
/// ValueError past [`MAX_STR_DIGITS`] digits, as CPython 3.11. `None` for
/// values that are not ints.
pub fn repr(v: &Value) -> Option<PyResult<String>> {
    Some(match v {
        Value::Int(i) => Ok(i.to_string()),
        Value::Bool(b) => Ok(if *b { "True" } else { "False" }.to_string()),
        Value::Obj(o) => match o.get() {
            Object::BigInt(b) => big_repr(b),
            _ => return None,
        },
        _ => return None,
    })
}

fn big_repr(b: &BigInt) -> PyResult<String> {
    // An int of n bits has more than (n - 1) * log10(2) digits: refuse
    // hopeless cases before the (quadratic) conversion.
    if b.bits().saturating_sub(1) as f64 * std::f64::consts::LOG10_2 >= MAX_STR_DIGITS as f64 {
        return Err(str_digits_limit(None));
    }
    let s = b.to_string();
    let digits = s.len() - b.is_negative() as usize;
    if digits > MAX_STR_DIGITS {
        return Err(str_digits_limit(None));
    }
    Ok(s)
}

/// `int(s, base)` for a str: surrounding whitespace, a sign, then digits
/// (any Unicode decimal digit counts) with single underscores between them;
/// `base` 0 reads a `0x`/`0o`/`0b` prefix (else decimal without leading
/// zeros), and bases 16, 8 and 2 accept their own prefix.
///
/// ValueError "invalid literal for int() with base 10: 'x'", or for a bad
/// base, or past [`MAX_STR_DIGITS`] digits in a base that is not a power of 2.
pub fn from_str(s: &str, base: u32) -> PyResult<Value> {
    if base == 1 || base > 36 {
        return Err(Raise::value_error(
            "int() base must be >= 2 and <= 36, or 0",
        ));
    }
    let invalid = || {
        let mut r = String::new();
        gilt_parser::repr::str_repr_str(s, &mut r);
        // CPython formats the repr with %.200R.
        let r: String = r.chars().take(200).collect();
        Raise::value_error(format!("invalid literal for int() with base {base}: {r}"))
    };
    let ascii = to_ascii_digits(s).ok_or_else(invalid)?;
    let t = ascii.trim().as_bytes();
    let (negative, mut body) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let prefix = match body {
        [b'0', p, ..] => match p.to_ascii_lowercase() {
            b'x' => 16,
            b'o' => 8,
            b'b' => 2,
            _ => 0,
        },
        _ => 0,
    };
    let mut radix = base;
    if prefix != 0 && (base == 0 || base == prefix) {
        radix = prefix;
        body = &body[2..];
        if body.first() == Some(&b'_') {
            body = &body[1..];
        }
    }
    let zeros_only = radix == 0;
    if zeros_only {
        radix = 10;
    }
    let (digits, end) = digit_run(body, radix);
    if digits > MAX_STR_DIGITS && !radix.is_power_of_two() {
        return Err(str_digits_limit(Some(digits)));
    }
    if digits == 0 || end != body.len() {
        return Err(invalid());
    }
    // Base 0 without a prefix: "0", "00", "0_0" but not "010".
    if zeros_only && body[0] == b'0' && body.iter().any(|&c| c != b'0' && c != b'_') {
        return Err(invalid());
    }
    Ok(parse_digits(body, radix, negative))
}

/// The number of digits valid in `radix` at the start of `b`, with single
/// underscores between them, and where that run ends.
fn digit_run(b: &[u8], radix: u32) -> (usize, usize) {
    let is_digit = |c: u8| (c as char).is_digit(radix);
    let (mut count, mut i) = (0, 0);
    while i < b.len() {
        if is_digit(b[i]) {
            count += 1;
        } else if !(b[i] == b'_' && count > 0 && b.get(i + 1).is_some_and(|&c| is_digit(c))) {
            break;
        }
        i += 1;
    }
    (count, i)
}

/// The value of validated digits (underscores skipped).
fn parse_digits(body: &[u8], radix: u32, negative: bool) -> Value {
    let mut acc: i64 = 0;
    for &c in body.iter().filter(|&&c| c != b'_') {
        let d = (c as char).to_digit(radix).unwrap_or(0) as i64;
        match acc.checked_mul(radix as i64).and_then(|a| a.checked_add(d)) {
            Some(a) => acc = a,
            None => {
                let clean: Vec<u8> = body.iter().copied().filter(|&c| c != b'_').collect();
                let mag = BigInt::parse_bytes(&clean, radix).unwrap_or_default();
                return normalize(if negative { -mag } else { mag });
            }
        }
    }
    Value::Int(if negative { -acc } else { acc })
}

/// `s` with every Unicode decimal digit replaced by its ASCII digit and every
/// non-ASCII whitespace character by a space, as CPython does before parsing
/// a number; `None` if another non-ASCII character remains.
pub(crate) fn to_ascii_digits(s: &str) -> Option<Cow<'_, str>> {
    if s.is_ascii() {
        return Some(Cow::Borrowed(s));
    }
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                Some(c)
            } else if c.is_whitespace() {
                Some(' ')
            } else {
                decimal_value(c).map(|d| (b'0' + d as u8) as char)
            }
        })
        .collect::<Option<String>>()
        .map(Cow::Owned)
}

/// The first code point of each run of ten decimal digits (category Nd) in
/// Unicode 14.0, the version CPython 3.11 uses; every such run is 0..=9.
const DIGIT_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The value of a Unicode decimal digit (what `str.isdecimal` accepts and
/// `int()` reads), e.g. `'٣'` -> 3; `None` for other characters.
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    let i = DIGIT_ZEROS.partition_point(|&z| z <= cp).checked_sub(1)?;
    let d = cp - DIGIT_ZEROS[i];
    (d < 10).then_some(d)
}

#[cold]
fn str_digits_limit(has: Option<usize>) -> Raise {
    let detail = has.map_or(String::new(), |n| format!(": value has {n} digits"));
    Raise::value_error(format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion{detail}; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}
