//! Python's `repr` of constants: int, float, complex, str and bytes, written into
//! a caller's `String` so `ast.dump` and the VM's `repr` share one implementation.
//!
//! Everything here matches CPython 3.11 byte for byte, including its Unicode 14.0
//! notion of printable characters (`str.isprintable`), which decides what `repr`
//! of a str escapes. These are pure functions: no allocation beyond `out`.

use gilt_lexer::{IntValue, Wtf8Buf};
use std::fmt::Write as _;
use unicode_general_category::{get_general_category, GeneralCategory};

/// Append `repr(x)` of an int: its decimal digits, with `-` if negative.
pub fn int_repr(x: &IntValue, out: &mut String) {
    // Writing into a String cannot fail.
    let _ = match x {
        IntValue::Small(n) => write!(out, "{n}"),
        IntValue::Big(n) => write!(out, "{n}"),
    };
}

/// Append `repr(x)` of a float: the shortest digits that round-trip, positional
/// when the decimal exponent is in `-4..16` (always with a `.`), else scientific.
///
/// `float_repr(1e16, &mut s)` gives `1e+16`; `0.0001` gives `0.0001`; `1.0` gives
/// `1.0`; infinities and NaN give `inf`, `-inf`, `nan`.
pub fn float_repr(x: f64, out: &mut String) {
    format_r(x, true, false, out);
}

/// Append `repr(complex(real, imag))`: `2j` when the real part is +0.0, else
/// `(re±imj)`; the parts use float repr without the trailing `.0` (`(1+2j)`,
/// `(-0-1j)`, `1e+16j`, `infj`).
pub fn complex_repr(real: f64, imag: f64, out: &mut String) {
    if real == 0.0 && real.is_sign_positive() {
        format_r(imag, false, false, out);
        out.push('j');
    } else {
        out.push('(');
        format_r(real, false, false, out);
        format_r(imag, false, true, out);
        out.push_str("j)");
    }
}

/// Append `repr(s)` of a str that may hold lone surrogates.
///
/// Uses single quotes unless the text holds `'` and no `"`; escapes `\`, the
/// quote, `\t`, `\n`, `\r`, and every non-printable character (see
/// [`is_printable`]) as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn str_repr(s: &Wtf8Buf, out: &mut String) {
    match s.as_str() {
        Some(text) => str_repr_str(text, out),
        None => str_repr_code_points(|| s.code_points(), out),
    }
}

/// Append `repr(s)` of a str given as `&str` (see [`str_repr`]).
pub fn str_repr_str(s: &str, out: &mut String) {
    str_repr_code_points(|| s.chars().map(u32::from), out);
}

/// Append `repr(s)` of a str whose code points `cps()` yields (see
/// [`str_repr`]); `cps` is called twice, first to choose the quote.
pub fn str_repr_code_points<I, F>(cps: F, out: &mut String)
where
    F: Fn() -> I,
    I: Iterator<Item = u32>,
{
    let quote = choose_quote(cps().filter(|&c| c < 0x80).map(|c| c as u8));
    let cps = cps();
    out.reserve(cps.size_hint().0 + 2);
    out.push(quote);
    for cp in cps {
        match cp {
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            _ if cp == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7E => out.push(cp as u8 as char),
            _ => match char::from_u32(cp) {
                Some(c) if cp >= 0x80 && is_printable(cp) => out.push(c),
                _ => push_code_point_escape(cp, out),
            },
        }
    }
    out.push(quote);
}

/// Append `repr(b)` of a bytes object: `b'...'` with the str quote rule, `\\`,
/// `\t`, `\n`, `\r`, the quote escaped, other bytes outside `0x20..0x7f` as `\xhh`.
pub fn bytes_repr(b: &[u8], out: &mut String) {
    let quote = choose_quote(b.iter().copied());
    out.reserve(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if byte == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7E => out.push(byte as char),
            _ => push_hex(byte as u32, "\\x", 2, out),
        }
    }
    out.push(quote);
}

/// True if CPython 3.11's `str.isprintable()` holds for this code point: its
/// general category (Unicode 14.0) is not Cc, Cf, Cs, Co, Cn, Zl, Zp or Zs, or
/// it is the ASCII space.
pub fn is_printable(cp: u32) -> bool {
    if cp < 0x80 {
        return (0x20..0x7F).contains(&cp);
    }
    let Some(c) = char::from_u32(cp) else {
        return false; // a surrogate (Cs) or past U+10FFFF
    };
    use GeneralCategory as G;
    let printable = !matches!(
        get_general_category(c),
        G::Control
            | G::Format
            | G::Surrogate
            | G::PrivateUse
            | G::Unassigned
            | G::LineSeparator
            | G::ParagraphSeparator
            | G::SpaceSeparator
    );
    printable && !assigned_after_unicode_14(cp)
}

/// `'` unless the text holds `'` and no `"` (CPython's rule for str and bytes).
fn choose_quote(ascii: impl Iterator<Item = u8>) -> char {
    let mut single = false;
    for b in ascii {
        match b {
            b'"' => return '\'',
            b'\'' => single = true,
            _ => {}
        }
    }
    if single {
        '"'
    } else {
        '\''
    }
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`, the shortest that holds `cp`.
fn push_code_point_escape(cp: u32, out: &mut String) {
    if cp < 0x100 {
        push_hex(cp, "\\x", 2, out);
    } else if cp < 0x10000 {
        push_hex(cp, "\\u", 4, out);
    } else {
        push_hex(cp, "\\U", 8, out);
    }
}

/// `prefix` then `width` lowercase hex digits of `value`.
fn push_hex(value: u32, prefix: &str, width: u32, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str(prefix);
    for i in (0..width).rev() {
        out.push(HEX[((value >> (4 * i)) & 0xF) as usize] as char);
    }
}

/// CPython's `PyOS_double_to_string(x, 'r', 0, flags)`: shortest round-trip
/// digits; scientific when the decimal exponent is < -4 or >= 16, exponent with a
/// sign and at least two digits. `add_dot_0` appends `.0` to a positional whole
/// number (float repr does, complex repr does not); `sign` forces a `+`.
fn format_r(x: f64, add_dot_0: bool, sign: bool, out: &mut String) {
    if x.is_nan() {
        out.push_str(if sign { "+nan" } else { "nan" });
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    } else if sign {
        out.push('+');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return;
    }
    let shortest = Shortest::of(x.abs());
    let (digits, exp) = (shortest.digits(), shortest.exp);
    let n = digits.len();
    // The digits are ASCII.
    let ascii = |d: &[u8], out: &mut String| d.iter().for_each(|&b| out.push(b as char));
    if !(-4..16).contains(&exp) {
        out.push(digits[0] as char);
        if n > 1 {
            out.push('.');
            ascii(&digits[1..], out);
        }
        let _ = write!(
            out,
            "e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.unsigned_abs()
        );
    } else if exp < 0 {
        out.push_str("0.");
        (0..-exp - 1).for_each(|_| out.push('0'));
        ascii(digits, out);
    } else {
        let int_len = exp as usize + 1;
        if n <= int_len {
            ascii(digits, out);
            (n..int_len).for_each(|_| out.push('0'));
            if add_dot_0 {
                out.push_str(".0");
            }
        } else {
            ascii(&digits[..int_len], out);
            out.push('.');
            ascii(&digits[int_len..], out);
        }
    }
}

/// The shortest decimal digits that read back as a finite `x >= 0`: `digits`
/// with the point after the first, times `10^exp`. As in CPython's dtoa (mode 0),
/// when two shortest strings are equally near `x` the even last digit wins.
struct Shortest {
    buf: DigitBuf,
    exp: i32,
}

impl Shortest {
    fn of(x: f64) -> Shortest {
        // Rust's `{:e}` prints shortest round-trip digits `d[.ddd]e[-]n`, but breaks
        // a tie upwards (578425990473212.25 gives ...212.3, CPython ...212.2).
        let mut text = DigitBuf::default();
        let _ = write!(text, "{x:e}");
        let text = text.as_bytes();
        let e_at = text.iter().position(|&b| b == b'e').unwrap_or(text.len());
        let exp: i32 = std::str::from_utf8(&text[e_at + 1..])
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let mut d = 0u64;
        let mut n = 0i32;
        for &b in text[..e_at].iter().filter(|&&b| b != b'.') {
            d = d * 10 + u64::from(b - b'0');
            n += 1;
        }
        // `x` is `d * 10^scale`, give or take half a unit of the last digit.
        let scale = exp - n + 1;
        if d % 2 == 1 {
            for (alt, mid) in [(d - 1, 10 * d - 5), (d + 1, 10 * d + 5)] {
                if equals_decimal(x, mid, scale - 1) && reads_back(alt, scale, x) {
                    d = alt;
                    break;
                }
            }
        }
        let mut buf = DigitBuf::default();
        let _ = write!(buf, "{d}");
        let len = buf.len as i32;
        while buf.len > 1 && buf.bytes[buf.len - 1] == b'0' {
            buf.len -= 1;
        }
        Shortest {
            buf,
            exp: scale + len - 1,
        }
    }

    fn digits(&self) -> &[u8] {
        self.buf.as_bytes()
    }
}

/// True if `m * 10^j` parses to exactly `x`.
fn reads_back(m: u64, j: i32, x: f64) -> bool {
    let mut text = DigitBuf::default();
    let _ = write!(text, "{m}e{j}");
    std::str::from_utf8(text.as_bytes())
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        == Some(x)
}

/// True if the finite `x >= 0` is exactly `m * 10^j` (`m < 2^64`), by exact
/// integer arithmetic: both sides as `odd * 2^k`.
fn equals_decimal(x: f64, m: u64, j: i32) -> bool {
    // x = mant * 2^e2 with mant < 2^53, so x has a factor 5^j only for j <= 22,
    // and m (< 5^28) absorbs a divisor 5^-j only for -j <= 27.
    if !(-27..=22).contains(&j) {
        return false;
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (mant, e2) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, biased - 1075)
    };
    let five = |k: i32| 5u128.pow(k.max(0) as u32);
    // m * 5^j * 2^j == mant * 2^e2, moving 5^-j to the right when j < 0.
    odd_and_twos(u128::from(m) * five(j), j) == odd_and_twos(u128::from(mant) * five(-j), e2)
}

/// `v * 2^k` as `(odd, k')` with `odd` odd (or `(0, 0)` for zero).
fn odd_and_twos(v: u128, k: i32) -> (u128, i32) {
    if v == 0 {
        return (0, 0);
    }
    let tz = v.trailing_zeros();
    (v >> tz, k + tz as i32)
}

/// A fixed buffer for the at most 24 bytes `{:e}` prints for an f64.
#[derive(Default)]
struct DigitBuf {
    bytes: [u8; 32],
    len: usize,
}

impl DigitBuf {
    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl std::fmt::Write for DigitBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(std::fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// True for code points that Unicode 15.0-16.0 assigned: the category table is
/// Unicode 16.0, but CPython 3.11 uses 14.0, where these are Cn (unprintable).
/// Produced by comparing the table with python3.11's `str.isprintable` over every
/// code point; all other code points agree.
fn assigned_after_unicode_14(cp: u32) -> bool {
    if cp < NEWER_THAN_14[0].0 {
        return false;
    }
    match NEWER_THAN_14.binary_search_by(|&(lo, _)| lo.cmp(&cp)) {
        Ok(_) => true,
        Err(0) => false,
        Err(i) => cp <= NEWER_THAN_14[i - 1].1,
    }
}

/// Inclusive ranges, sorted, of code points assigned after Unicode 14.0.
const NEWER_THAN_14: &[(u32, u32)] = &[
    (0x897, 0x897),
    (0xCF3, 0xCF3),
    (0xECE, 0xECE),
    (0x1B4E, 0x1B4F),
    (0x1B7F, 0x1B7F),
    (0x1C89, 0x1C8A),
    (0x2427, 0x2429),
    (0x2FFC, 0x2FFF),
    (0x31E4, 0x31E5),
    (0x31EF, 0x31EF),
    (0xA7CB, 0xA7CD),
    (0xA7DA, 0xA7DC),
    (0x105C0, 0x105F3),
    (0x10D40, 0x10D65),
    (0x10D69, 0x10D85),
    (0x10D8E, 0x10D8F),
    (0x10EC2, 0x10EC4),
    (0x10EFC, 0x10EFF),
    (0x1123F, 0x11241),
    (0x11380, 0x11389),
    (0x1138B, 0x1138B),
    (0x1138E, 0x1138E),
    (0x11390, 0x113B5),
    (0x113B7, 0x113C0),
    (0x113C2, 0x113C2),
    (0x113C5, 0x113C5),
    (0x113C7, 0x113CA),
    (0x113CC, 0x113D5),
    (0x113D7, 0x113D8),
    (0x113E1, 0x113E2),
    (0x116D0, 0x116E3),
    (0x11B00, 0x11B09),
    (0x11BC0, 0x11BE1),
    (0x11BF0, 0x11BF9),
    (0x11F00, 0x11F10),
    (0x11F12, 0x11F3A),
    (0x11F3E, 0x11F5A),
    (0x1342F, 0x1342F),
    (0x13440, 0x13455),
    (0x13460, 0x143FA),
    (0x16100, 0x16139),
    (0x16D40, 0x16D79),
    (0x18CFF, 0x18CFF),
    (0x1B132, 0x1B132),
    (0x1B155, 0x1B155),
    (0x1CC00, 0x1CCF9),
    (0x1CD00, 0x1CEB3),
    (0x1D2C0, 0x1D2D3),
    (0x1DF25, 0x1DF2A),
    (0x1E030, 0x1E06D),
    (0x1E08F, 0x1E08F),
    (0x1E4D0, 0x1E4F9),
    (0x1E5D0, 0x1E5FA),
    (0x1E5FF, 0x1E5FF),
    (0x1F6DC, 0x1F6DC),
    (0x1F774, 0x1F776),
    (0x1F77B, 0x1F77F),
    (0x1F7D9, 0x1F7D9),
    (0x1F8B2, 0x1F8BB),
    (0x1F8C0, 0x1F8C1),
    (0x1FA75, 0x1FA77),
    (0x1FA87, 0x1FA89),
    (0x1FA8F, 0x1FA8F),
    (0x1FAAD, 0x1FAAF),
    (0x1FABB, 0x1FABF),
    (0x1FAC6, 0x1FAC6),
    (0x1FACE, 0x1FACF),
    (0x1FADA, 0x1FADC),
    (0x1FADF, 0x1FADF),
    (0x1FAE8, 0x1FAE9),
    (0x1FAF7, 0x1FAF8),
    (0x1FBCB, 0x1FBEF),
    (0x2B739, 0x2B739),
    (0x2EBF0, 0x2EE5D),
    (0x31350, 0x323AF),
];

// The table above is only right for this version of the category data.
const _: () = assert!(
    unicode_general_category::UNICODE_VERSION.0 == 16
        && unicode_general_category::UNICODE_VERSION.1 == 0
);

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;

    fn with(f: impl FnOnce(&mut String)) -> String {
        let mut s = String::new();
        f(&mut s);
        s
    }

    fn wtf8(cps: &[u32]) -> Wtf8Buf {
        let mut s = Wtf8Buf::new();
        cps.iter().for_each(|&cp| s.push_code_point(cp));
        s
    }

    #[test]
    fn ints_match_python() {
        assert_eq!(with(|o| int_repr(&IntValue::Small(0), o)), "0");
        assert_eq!(
            with(|o| int_repr(&IntValue::Small(i64::MIN), o)),
            "-9223372036854775808"
        );
        let big: BigInt = "-1267650600228229401496703205376".parse().unwrap();
        assert_eq!(
            with(|o| int_repr(&IntValue::Big(big), o)),
            "-1267650600228229401496703205376"
        );
        let big = BigInt::from(u64::MAX) + 1;
        assert_eq!(
            with(|o| int_repr(&IntValue::Big(big), o)),
            "18446744073709551616"
        );
    }

    #[test]
    fn negative_nan_prints_as_nan() {
        assert_eq!(with(|o| float_repr(-f64::NAN, o)), "nan");
    }

    #[test]
    fn printable_follows_unicode_14() {
        let table_is_sorted = NEWER_THAN_14
            .windows(2)
            .all(|w| w[0].0 <= w[0].1 && w[0].1 < w[1].0);
        assert!(table_is_sorted);
        for cp in [0x20, 0x41, 0xE9, 0x4E2D, 0x1F600, 0xE0100, 0x2B738, 0x3134A] {
            assert!(is_printable(cp), "{cp:x}");
        }
        let unprintable = [
            0x0, 0x1F, 0x7F, 0xA0, 0xAD, 0x378, 0x897, 0x200B, 0x2028, 0xD800, 0xE000, 0x1FBCB,
            0x31350, 0x323AF,
        ];
        for cp in unprintable {
            assert!(!is_printable(cp), "{cp:x}");
        }
        assert!(!is_printable(0x110000));
    }

    #[test]
    fn floats_match_python() {
        let cases: &[(u64, &str)] = &[
            (0x3fb999999999999a, "0.1"),
            (0x3fd5555555555555, "0.3333333333333333"),
            (0x4480f0cf064dd592, "1e+22"),
            (0x3e7ad7f29abcaf48, "1e-07"),
            (0x0000000000000001, "5e-324"),
            (0x7fefffffffffffff, "1.7976931348623157e+308"),
            (0x437b69b4ba630f35, "1.2345678901234568e+17"),
            (0x4341c37937e08000, "1e+16"),
            (0x4341c37937e07fff, "9999999999999998.0"),
            (0x3f1a36e2eb1c432d, "0.0001"),
            (0x8000000000000000, "-0.0"),
            (0x0000000000000000, "0.0"),
            (0x3ff0000000000000, "1.0"),
            (0x405edd2f1a9fbe77, "123.456"),
            (0x3ee4f8b588e368f1, "1e-05"),
            (0x7e41eb2d66005835, "1.5e+300"),
            (0x4004000000000000, "2.5"),
            (0x4059000000000000, "100.0"),
            (0x430c6bf526340000, "1000000000000000.0"),
            (0x43118b15b7e6a000, "1234500000000000.0"),
            (0x4345ee2a2eb5a5c4, "1.2345678901234568e+16"),
            (0x3f1f75104d551d69, "0.00012"),
            (0x3eef75104d551d69, "1.5e-05"),
            (0xbff8000000000000, "-1.5"),
            (0x7ff0000000000000, "inf"),
            (0xfff0000000000000, "-inf"),
            (0x7ff8000000000000, "nan"),
            (0x4340000000000000, "9007199254740992.0"),
            (0x3f23a92a30553262, "0.00015000000000000001"),
            (0x3f50624dd2f1a9fc, "0.001"),
            (0x54b249ad2594c37d, "1e+100"),
            (0x0010000000000000, "2.2250738585072014e-308"),
            (0x4011666666666666, "4.35"),
            (0x44b52d02c7e14af6, "1e+23"),
            (0x43118b54f22aeb03, "1234567890123456.8"),
            (0x81a56e1fc2f8f359, "-1e-300"),
            (0x3f505e1c15097c81, "0.000999"),
            (0x3fe0000000000000, "0.5"),
            (0x40f86a0000000000, "100000.0"),
            (0x4341c37937e08000, "1e+16"),
            (0x7ff0000000000000, "inf"),
            // Ties between two shortest strings go to the even digit.
            (0x4300709a5d872fe2, "578425990473212.2"),
            (0x42b78e3befa55990, "25899658356057.562"),
            (0xc31918fee3f0340d, "-1766089360674051.2"),
        ];
        for &(bits, want) in cases {
            assert_eq!(with(|o| float_repr(f64::from_bits(bits), o)), want);
        }
    }

    #[test]
    fn complexes_match_python() {
        let cases: &[(u64, u64, &str)] = &[
            (0x0000000000000000, 0x3ff0000000000000, "1j"),
            (0x8000000000000000, 0xbff0000000000000, "(-0-1j)"),
            (0x0000000000000000, 0x4341c37937e08000, "1e+16j"),
            (0x0000000000000000, 0x7ff0000000000000, "infj"),
            (0x0000000000000000, 0x7ff8000000000000, "nanj"),
            (0x3ff0000000000000, 0x4000000000000000, "(1+2j)"),
            (0x3ff8000000000000, 0xc004000000000000, "(1.5-2.5j)"),
            (0x8000000000000000, 0x3ff0000000000000, "(-0+1j)"),
            (0x0000000000000000, 0x8000000000000000, "-0j"),
            (0x0000000000000000, 0x0000000000000000, "0j"),
            (0x8000000000000000, 0x8000000000000000, "(-0-0j)"),
            (0x7ff8000000000000, 0x3ff0000000000000, "(nan+1j)"),
            (0x3ff0000000000000, 0x7ff8000000000000, "(1+nanj)"),
            (0x3ff0000000000000, 0xfff8000000000000, "(1+nanj)"),
            (0x7ff0000000000000, 0xfff0000000000000, "(inf-infj)"),
            (0x0000000000000000, 0x4004000000000000, "2.5j"),
            (0x0000000000000000, 0x3ee4f8b588e368f1, "1e-05j"),
            (0x0000000000000000, 0x3fb999999999999a, "0.1j"),
            (0x0000000000000000, 0x4480f0cf064dd592, "1e+22j"),
            (
                0x0000000000000000,
                0x437b69b4ba630f35,
                "1.2345678901234568e+17j",
            ),
            (0x4341c37937e08000, 0x3e7ad7f29abcaf48, "(1e+16+1e-07j)"),
            (0x3ff0000000000000, 0x0000000000000000, "(1+0j)"),
            (0x0000000000000000, 0x430c6bf526340000, "1000000000000000j"),
            (0x0000000000000000, 0x3f1a36e2eb1c432d, "0.0001j"),
            (0x0000000000000000, 0x405ec00000000000, "123j"),
            (
                0x4000000000000000,
                0x430c6bf526340000,
                "(2+1000000000000000j)",
            ),
            (0x7e37e43c8800759c, 0x81a56e1fc2f8f359, "(1e+300-1e-300j)"),
            (0xbff8000000000000, 0x0000000000000000, "(-1.5+0j)"),
        ];
        for &(re, im, want) in cases {
            assert_eq!(
                with(|o| complex_repr(f64::from_bits(re), f64::from_bits(im), o)),
                want
            );
        }
    }

    #[test]
    fn strs_match_python() {
        let cases: &[(&[u32], &str)] = &[
            (&[], "''"),                             // ''
            (&[0x61], "'a'"),                        // 'a'
            (&[0x27], "\"'\""),                      // "'"
            (&[0x22], "'\"'"),                       // '"'
            (&[0x27, 0x22], "'\\'\"'"),              // '\'"'
            (&[0x69, 0x74, 0x27, 0x73], "\"it's\""), // "it's"
            (
                &[0x73, 0x61, 0x79, 0x20, 0x22, 0x68, 0x69, 0x22],
                "'say \"hi\"'",
            ), // 'say "hi"'
            (
                &[
                    0x62, 0x6f, 0x74, 0x68, 0x20, 0x27, 0x20, 0x61, 0x6e, 0x64, 0x20, 0x22,
                ],
                "'both \\' and \"'",
            ), // 'both \' and "'
            (&[0x5c], "'\\\\'"),                     // '\\'
            (&[0x61, 0x9, 0x62, 0xa, 0x63, 0xd, 0x64], "'a\\tb\\nc\\rd'"), // 'a\tb\nc\rd'
            (
                &[0x0, 0x1, 0x1f, 0x7f, 0x80, 0x9f, 0xa0, 0xad, 0xff],
                "'\\x00\\x01\\x1f\\x7f\\x80\\x9f\\xa0\\xad\u{ff}'",
            ), // '\x00\x01\x1f\x7f\x80\x9f\xa0\xad\xff'
            (
                &[0x200b, 0x2028, 0x2029, 0x3000, 0xe9, 0xa0, 0x1680],
                "'\\u200b\\u2028\\u2029\\u3000\u{e9}\\xa0\\u1680'",
            ), // '\u200b\u2028\u2029\u3000\xe9\xa0\u1680'
            (
                &[0x1f600, 0xe000, 0xf0000, 0x10ffff],
                "'\u{1f600}\\ue000\\U000f0000\\U0010ffff'",
            ), // '\U0001f600\ue000\U000f0000\U0010ffff'
            (
                &[0x378, 0x897, 0xe0001, 0xe0100, 0x1fbcb, 0x31350, 0x2b738],
                "'\\u0378\\u0897\\U000e0001\u{e0100}\\U0001fbcb\\U00031350\u{2b738}'",
            ), // '\u0378\u0897\U000e0001\U000e0100\U0001fbcb\U00031350\U0002b738'
            (&[0xd800, 0xdfff], "'\\ud800\\udfff'"), // '\ud800\udfff'
            (&[0x61, 0xdc80, 0x62, 0x27], "\"a\\udc80b'\""), // "a\udc80b'"
            (&[0xfeff, 0xfffd, 0xffff], "'\\ufeff\u{fffd}\\uffff'"), // '\ufeff\ufffd\uffff'
            (&[0x20, 0x7e], "' ~'"),                 // ' ~'
            (&[0xb, 0xc, 0x1b], "'\\x0b\\x0c\\x1b'"), // '\x0b\x0c\x1b'
            (
                &[0x600, 0x61c, 0x200e, 0x2066],
                "'\\u0600\\u061c\\u200e\\u2066'",
            ), // '\u0600\u061c\u200e\u2066'
            (
                &[
                    0x63, 0x61, 0x66, 0xe9, 0x20, 0x4e2d, 0x6587, 0x20, 0x915, 0x93f,
                ],
                "'caf\u{e9} \u{4e2d}\u{6587} \u{915}\u{93f}'",
            ), // 'caf\xe9 \u4e2d\u6587 \u0915\u093f'
            (&[0x78, 0x5c, 0x27, 0x79, 0x22], "'x\\\\\\'y\"'"), // 'x\\\'y"'
            (&[0x1f468, 0x200d, 0x1f469], "'\u{1f468}\\u200d\u{1f469}'"), // '\U0001f468\u200d\U0001f469'
        ];
        for &(cps, want) in cases {
            assert_eq!(with(|o| str_repr(&wtf8(cps), o)), want, "{cps:x?}");
        }
    }

    #[test]
    fn bytes_match_python() {
        let cases: &[(&[u8], &str)] = &[
            (&[], "b''"),
            (&[0x61], "b'a'"),
            (&[0x27], "b\"'\""),         // b"'"
            (&[0x22], "b'\"'"),          // b'"'
            (&[0x27, 0x22], "b'\\'\"'"), // b'\'"'
            (&[0x5c], "b'\\\\'"),
            (
                &[0x9, 0xa, 0xd, 0x0, 0xb, 0x1f, 0x7f, 0x80, 0xff],
                "b'\\t\\n\\r\\x00\\x0b\\x1f\\x7f\\x80\\xff'",
            ),
            (&[0x20, 0x7e], "b' ~'"),
            (&[0x69, 0x74, 0x27, 0x73], "b\"it's\""), // b"it's"
            (&[0x78, 0x5c, 0x27, 0x79, 0x22], "b'x\\\\\\'y\"'"), // b'x\\\'y"'
        ];
        for &(b, want) in cases {
            assert_eq!(with(|o| bytes_repr(b, o)), want);
        }
    }
}
