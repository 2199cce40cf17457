//! `float`: Python's float semantics on `f64` — CPython 3.11's sign rules for
//! `//`, `%` and `divmod`, its special cases and errors for `**`, its numeric
//! hash, `float(str)` parsing and the correctly rounded `round`.
//!
//! Operations with an int operand are dispatched from int.rs, which converts
//! the int (or raises OverflowError) and calls the functions here. Nothing here
//! allocates except parsing, `repr` and `round(x, n)`.

use crate::exc::{ExcKind, PyResult, Raise};
use crate::object::int;
use crate::value::Value;
use gilt_parser::ast::Operator;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Pow};

/// `repr(x)` (and `str(x)`): the shortest digits that round-trip, as CPython.
///
/// `repr(1e16) == "1e+16"`, `repr(0.1) == "0.1"`, `repr(2.0) == "2.0"`.
pub fn repr(x: f64) -> String {
    let mut out = String::new();
    gilt_parser::repr::float_repr(x, &mut out);
    out
}

/// `x <op> y` for two floats: `None` for the operators float does not support
/// (bitwise, shifts, `@`) and for a negative base to a fractional power, whose
/// result CPython makes a complex (complex.rs computes it).
#[inline]
pub fn binary_op(op: Operator, x: f64, y: f64) -> Option<PyResult<f64>> {
    Some(match op {
        Operator::Add => Ok(x + y),
        Operator::Sub => Ok(x - y),
        Operator::Mult => Ok(x * y),
        Operator::Div => true_div(x, y),
        Operator::FloorDiv => floor_div(x, y),
        Operator::Mod => modulo(x, y),
        Operator::Pow => return pow(x, y),
        _ => return None,
    })
}

/// `x / y`; ZeroDivisionError 'float division by zero'.
#[inline]
pub fn true_div(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Err(zero_division("float division by zero"));
    }
    Ok(x / y)
}

/// `x // y`: the floor of the quotient, computed as CPython does so that
/// `x == (x // y) * y + x % y` as nearly as floats allow.
pub fn floor_div(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Err(zero_division("float floor division by zero"));
    }
    Ok(div_mod(x, y).0)
}

/// `x % y`: the result has the sign of `y` (a zero result too: `0.0 % -5`
/// is `-0.0`).
pub fn modulo(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Err(zero_division("float modulo"));
    }
    Ok(div_mod(x, y).1)
}

/// `divmod(x, y)` for floats: `(x // y, x % y)`.
pub fn divmod(x: f64, y: f64) -> PyResult<(f64, f64)> {
    if y == 0.0 {
        return Err(zero_division("float divmod()"));
    }
    Ok(div_mod(x, y))
}

/// Floor quotient and remainder for `y != 0`. The remainder is `fmod` moved
/// into `y`'s sign; the quotient is `(x - rem) / y` (nearly an integer) snapped
/// to the integer nearest it, and a zero quotient takes the sign of `x / y`.
fn div_mod(x: f64, y: f64) -> (f64, f64) {
    let mut rem = x % y;
    let mut quot = (x - rem) / y;
    if rem != 0.0 {
        if (y < 0.0) != (rem < 0.0) {
            rem += y;
            quot -= 1.0;
        }
    } else {
        rem = 0.0f64.copysign(y);
    }
    let floor = if quot != 0.0 {
        let f = quot.floor();
        if quot - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floor, rem)
}

/// `x ** y` for floats, with CPython's special cases: `x ** 0 == 1` (even
/// for NaN), `1 ** y == 1`, `(-1) ** ±inf == 1`; ZeroDivisionError for zero
/// to a negative power; OverflowError when a finite result overflows.
/// `None` for a negative base to a finite non-integer power (complex).
pub fn pow(x: f64, y: f64) -> Option<PyResult<f64>> {
    if y == 0.0 {
        return Some(Ok(1.0));
    }
    if x.is_nan() {
        return Some(Ok(x));
    }
    if y.is_nan() {
        return Some(Ok(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Some(Ok(if ax == 1.0 {
            1.0
        } else if (ax > 1.0) == (y > 0.0) {
            f64::INFINITY
        } else {
            0.0
        }));
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Some(Ok(match (y > 0.0, odd) {
            (true, true) => x,
            (true, false) => x.abs(),
            (false, true) => 0.0f64.copysign(x),
            (false, false) => 0.0,
        }));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Some(Err(zero_division(
                "0.0 cannot be raised to a negative power",
            )));
        }
        return Some(Ok(if is_odd_integer(y) { x } else { 0.0 }));
    }
    if x < 0.0 && y != y.floor() {
        return None;
    }
    if x == 1.0 {
        return Some(Ok(1.0));
    }
    let r = x.powf(y);
    if r.is_infinite() {
        return Some(Err(Raise::new(
            ExcKind::OverflowError,
            "(34, 'Numerical result out of range')",
        )));
    }
    Some(Ok(r))
}

fn is_odd_integer(y: f64) -> bool {
    (y % 2.0).abs() == 1.0
}

/// `float.is_integer()`: finite with no fractional part.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x == x.trunc()
}

/// CPython's hash of a float: for a finite `x == m * 2**e` it is
/// `m * 2**e mod (2**61 - 1)` with `x`'s sign, so equal ints and floats hash
/// alike; `inf` -> 314159, `-inf` -> -314159, `-1` becomes `-2`.
///
/// NaN hashes to 0 here; CPython 3.10+ hashes each NaN object by identity.
pub fn hash(x: f64) -> i64 {
    if !x.is_finite() {
        return if x.is_nan() {
            0
        } else if x > 0.0 {
            314159
        } else {
            -314159
        };
    }
    if x == 0.0 {
        return 0;
    }
    let (mant, exp) = decompose(x.abs());
    // mant < 2**53 < P; multiplying by 2**k mod 2**61 - 1 rotates 61 bits.
    let p = int::HASH_MODULUS;
    let k = exp.rem_euclid(61) as u32;
    let h = if k == 0 {
        mant
    } else {
        ((mant << k) & p) | (mant >> (61 - k))
    };
    let h = if h >= p { h - p } else { h } as i64;
    let h = if x < 0.0 { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// A finite positive `x` as `(m, e)` with `x == m * 2**e` exactly.
pub(crate) fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    }
}

/// `round(x)` (an int, half to even) or `round(x, n)` (a float: `x` rounded
/// correctly, half to even on its exact binary value, to `n` decimal places;
/// `round(2.675, 2) == 2.67` because 2.675 is stored as 2.67499999...).
///
/// `round(x)` of inf or NaN raises as `int()` does; `round(x, n)` returns them
/// unchanged and raises OverflowError 'rounded value too large to represent'
/// when rounding up overflows.
pub fn round(x: f64, ndigits: Option<i64>) -> PyResult<Value> {
    let n = match ndigits {
        None => return int::from_f64(x.round_ties_even()),
        Some(n) => n,
    };
    // CPython's bounds: past 323 places every double is exact, and below
    // -308 every double rounds to zero.
    if !x.is_finite() || x == 0.0 || n > 323 {
        return Ok(Value::Float(x));
    }
    if n < -308 {
        return Ok(Value::Float(0.0f64.copysign(x)));
    }
    let (mant, exp) = decompose(x.abs());
    // |x| * 10**n as num / den, exactly.
    let mut num = BigInt::from(mant);
    let mut den = BigInt::one();
    if exp >= 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    let ten_n: BigInt = BigInt::from(10u32).pow(n.unsigned_abs());
    if n >= 0 {
        num *= &ten_n;
    } else {
        den *= &ten_n;
    }
    let (mut q, r) = num.div_rem(&den);
    let twice: BigInt = r << 1usize;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1;
    }
    let magnitude = if n >= 0 {
        int::ratio_to_f64(&q, &ten_n)
    } else {
        int::big_to_f64(&(q * ten_n))
    };
    match magnitude {
        Some(m) if m.is_finite() => Ok(Value::Float(m.copysign(x))),
        _ => Err(Raise::new(
            ExcKind::OverflowError,
            "rounded value too large to represent",
        )),
    }
}

/// `float(s)` for a str: surrounding whitespace, a sign, decimal digits
/// (any Unicode decimal digit counts) with single underscores between digits,
/// an optional fraction and exponent, or `inf`/`infinity`/`nan` in any case.
/// ValueError "could not convert string to float: 'x'" otherwise.
pub fn from_str(s: &str) -> PyResult<f64> {
    parse(s).ok_or_else(|| {
        let mut msg = String::from("could not convert string to float: ");
        gilt_parser::repr::str_repr_str(s, &mut msg);
        Raise::value_error(msg)
    })
}

fn parse(s: &str) -> Option<f64> {
    let ascii = int::to_ascii_digits(s)?;
    let t = ascii.trim();
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let magnitude = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        let clean = decimal_literal(body)?;
        clean.parse::<f64>().ok()?
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// Check `digits [. [digits]] [e [sign] digits]` or `. digits [...]`, where
/// `digits` allows single underscores between digits; return it without the
/// underscores.
fn decimal_literal(body: &str) -> Option<String> {
    let b = body.as_bytes();
    let mut i = 0;
    let int_digits = digit_run(b, &mut i)?;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = digit_run(b, &mut i)?;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digit_run(b, &mut i)? == 0 {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    Some(body.chars().filter(|&c| c != '_').collect())
}

/// Advance over ASCII digits with single underscores between them; the
/// number of digits, or `None` for a misplaced underscore.
fn digit_run(b: &[u8], i: &mut usize) -> Option<usize> {
    let mut count = 0;
    while *i < b.len() {
        match b[*i] {
            b'0'..=b'9' => count += 1,
            b'_' if count > 0 && b.get(*i + 1).is_some_and(u8::is_ascii_digit) => {}
            b'_' => return None,
            _ => break,
        }
        *i += 1;
    }
    Some(count)
}

#[cold]
fn zero_division(msg: &str) -> Raise {
    Raise::new(ExcKind::ZeroDivisionError, msg)
}

/// Whether `x` is zero (a helper for callers deciding truthiness).
#[inline]
pub fn truthy(x: f64) -> bool {
    x != 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(r: PyResult<f64>) -> (ExcKind, String) {
        match r {
            Err(Raise::New(k, m)) => (k, m),
            other => panic!("expected an error, got {other:?}"),
        }
    }

    fn same(a: f64, b: f64) -> bool {
        (a.is_nan() && b.is_nan()) || (a == b && a.is_sign_negative() == b.is_sign_negative())
    }

    fn round_f(x: f64, n: i64) -> f64 {
        match round(x, Some(n)).unwrap() {
            Value::Float(f) => f,
            v => panic!("{v:?}"),
        }
    }

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(repr(1e16), "1e+16");
        assert_eq!(repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(repr(-0.0), "-0.0");
        assert_eq!(repr(f64::NAN), "nan");
    }

    #[test]
    fn floor_division_and_modulo_signs() {
        let inf = f64::INFINITY;
        let cases: &[(f64, f64, f64, f64)] = &[
            (-7.5, 2.0, -4.0, 0.5),
            (7.5, -2.0, -4.0, -0.5),
            (5.5, -2.0, -3.0, -0.5),
            (-0.0, 1.0, -0.0, 0.0),
            (0.0, -1.0, -0.0, -0.0),
            (-0.0, 5.0, -0.0, 0.0),
            (-3.0, 0.7, -5.0, 0.4999999999999998),
            (1.0, inf, 0.0, 1.0),
            (-1.0, inf, -1.0, inf),
            (-5.0, -inf, 0.0, -5.0),
            (5.0, -inf, -1.0, -inf),
            (-1e-300, 1e300, -1.0, 1e300),
            (1e308, 1e-308, inf, 3.498445546245627e-309),
            (7.0, -2.0, -4.0, -1.0),
            (-7.0, -2.0, 3.0, -1.0),
        ];
        for &(x, y, q, r) in cases {
            let (gq, gr) = divmod(x, y).unwrap();
            assert!(
                same(gq, q) && same(gr, r),
                "divmod({x}, {y}) = ({gq}, {gr})"
            );
            assert!(same(floor_div(x, y).unwrap(), q));
            assert!(same(modulo(x, y).unwrap(), r));
        }
        let (q, r) = divmod(inf, 1.0).unwrap();
        assert!(q.is_nan() && r.is_nan());
        assert!(floor_div(inf, inf).unwrap().is_nan());
    }

    #[test]
    fn zero_division_messages() {
        use ExcKind::ZeroDivisionError as Z;
        assert_eq!(
            err(true_div(1.0, 0.0)),
            (Z, "float division by zero".into())
        );
        assert_eq!(
            err(floor_div(f64::NAN, 0.0)),
            (Z, "float floor division by zero".into())
        );
        assert_eq!(err(modulo(1.0, -0.0)), (Z, "float modulo".into()));
        assert_eq!(
            err(divmod(1.0, 0.0).map(|p| p.0)),
            (Z, "float divmod()".into())
        );
        assert_eq!(
            err(pow(-0.0, -0.5).unwrap()),
            (Z, "0.0 cannot be raised to a negative power".into())
        );
    }

    #[test]
    fn pow_special_cases() {
        let inf = f64::INFINITY;
        let nan = f64::NAN;
        let cases: &[(f64, f64, f64)] = &[
            (0.0, 0.0, 1.0),
            (nan, 0.0, 1.0),
            (inf, 0.0, 1.0),
            (1.0, nan, 1.0),
            (nan, 1.0, nan),
            (-8.0, nan, nan),
            (-1.0, nan, nan),
            (-1.0, inf, 1.0),
            (-1.0, 1e300, 1.0),
            (0.5, inf, 0.0),
            (0.5, -inf, inf),
            (-0.5, -inf, inf),
            (2.0, -inf, 0.0),
            (-2.0, inf, inf),
            (0.0, -inf, inf),
            (-0.0, -inf, inf),
            (-inf, 3.0, -inf),
            (-inf, -3.0, -0.0),
            (-inf, 2.0, inf),
            (-inf, 0.5, inf),
            (-inf, -0.5, 0.0),
            (-0.0, 3.0, -0.0),
            (-0.0, 2.0, 0.0),
            (-0.0, 0.5, 0.0),
            (-5.0, 3.0, -125.0),
            (-5.0, -3.0, -0.008),
            (2.0, 0.5, std::f64::consts::SQRT_2),
            (2.0, -1074.0, 5e-324),
            (2.0, -1080.0, 0.0),
            (1e-300, 2.0, 0.0),
            (-10.0, -401.0, -0.0),
        ];
        for &(x, y, want) in cases {
            let got = pow(x, y).unwrap().unwrap();
            assert!(same(got, want), "{x} ** {y} = {got}, want {want}");
        }
        assert!(pow(-8.0, 0.5).is_none());
        assert!(pow(-1.0, 1.0 / 3.0).is_none());
        assert_eq!(
            err(pow(-1e300, 3.0).unwrap()),
            (
                ExcKind::OverflowError,
                "(34, 'Numerical result out of range')".into()
            )
        );
        assert!(binary_op(Operator::BitAnd, 1.0, 1.0).is_none());
    }

    #[test]
    fn hash_matches_cpython() {
        let cases: &[(f64, i64)] = &[
            (1.0, 1),
            (-1.0, -2),
            (0.5, 1152921504606846976),
            (1.5, 1152921504606846977),
            (-2.5, -1152921504606846978),
            (0.1, 230584300921369408),
            (-0.0, 0),
            (1e-300, 482449582752280463),
            (5e-324, 16777216),
            (123456789.123, 283618680910892309),
            (1e300, 1224995262755759164),
            (1e308, 156575653125701),
            (-1e308, -156575653125701),
            (1234.5678, 1309257660631614674),
            (2f64.powi(61), 1),
            (2f64.powi(-61), 1),
            (2f64.powi(63), 4),
            (-(2f64.powi(63)), -4),
            (f64::INFINITY, 314159),
            (f64::NEG_INFINITY, -314159),
        ];
        for &(x, h) in cases {
            assert_eq!(hash(x), h, "hash({x})");
        }
    }

    #[test]
    fn round_to_int_is_half_even() {
        let int = |x: f64| match round(x, None).unwrap() {
            Value::Int(i) => i,
            v => panic!("{v:?}"),
        };
        assert_eq!(int(0.5), 0);
        assert_eq!(int(1.5), 2);
        assert_eq!(int(2.5), 2);
        assert_eq!(int(-0.5), 0);
        assert_eq!(int(-1.5), -2);
        assert_eq!(int(-0.4), 0);
        assert!(matches!(
            round(f64::INFINITY, None),
            Err(Raise::New(ExcKind::OverflowError, m)) if m == "cannot convert float infinity to integer"
        ));
        assert!(matches!(
            round(f64::NAN, None),
            Err(Raise::New(ExcKind::ValueError, m)) if m == "cannot convert float NaN to integer"
        ));
    }

    #[test]
    fn round_to_places_is_correctly_rounded() {
        let cases: &[(f64, i64, f64)] = &[
            (2.675, 2, 2.67),
            (0.125, 2, 0.12),
            (0.375, 2, 0.38),
            (0.285, 2, 0.28),
            (1.005, 2, 1.0),
            (0.5, 0, 0.0),
            (1.5, 0, 2.0),
            (-2.5, 0, -2.0),
            (-0.0, 2, -0.0),
            (123.456, -1, 120.0),
            (123.456, -3, 0.0),
            (123.45, -400, 0.0),
            (-123.45, -400, -0.0),
            (1e308, -308, 1e308),
            (5e307, -308, 1e308),
            (6e307, -308, 1e308),
            (1e22, -22, 1e22),
            (-1.5e-300, 5, -0.0),
            (1e-320, 321, 1e-320),
            (5e-324, 323, 0.0),
            (5.5e-323, 323, 5e-323),
            (5e-324, 400, 5e-324),
            (1.23456789, 300, 1.23456789),
            (1e16 + 2.0, -1, 1e16),
            (f64::NEG_INFINITY, -2, f64::NEG_INFINITY),
        ];
        for &(x, n, want) in cases {
            let got = round_f(x, n);
            assert!(same(got, want), "round({x}, {n}) = {got}, want {want}");
        }
        assert!(round_f(f64::NAN, 2).is_nan());
        for x in [1.7976931348623157e308, 1.5e308] {
            assert!(matches!(
                round(x, Some(-308)),
                Err(Raise::New(ExcKind::OverflowError, m)) if m == "rounded value too large to represent"
            ));
        }
    }

    #[test]
    fn parses_like_float_of_str() {
        let ok: &[(&str, f64)] = &[
            (" 1_0.5 ", 10.5),
            ("1.", 1.0),
            (".5", 0.5),
            ("1e5_0", 1e50),
            ("1_0.0_1e1_0", 100100000000.0),
            ("1.5E-3", 0.0015),
            ("+1.5e+3", 1500.0),
            ("1e500", f64::INFINITY),
            ("-1e500", f64::NEG_INFINITY),
            ("1e-500", 0.0),
            (" inf ", f64::INFINITY),
            ("-Infinity", f64::NEG_INFINITY),
            ("+inf", f64::INFINITY),
            ("\u{661}\u{662}", 12.0),
            ("\u{a0}7\u{3000}", 7.0),
            ("0.1", 0.1),
            ("1e99999999999999999999", f64::INFINITY),
        ];
        for &(s, want) in ok {
            assert!(same(from_str(s).unwrap(), want), "float({s:?})");
        }
        assert!(from_str("nAn").unwrap().is_nan());
        assert!(from_str("-nan").unwrap().is_nan());
        let bad = [
            "x", "1__0", "1e", ".e1", "_1", "1_e5", "1e_5", "0x1", "infinit", "- inf", "in f",
            "1._5", "1_.5", "1.5_", "", " ", "nan1", ".", "\x1c1.5", "e5", "1e+", "++1",
        ];
        for s in bad {
            assert!(parse(s).is_none(), "float({s:?}) should fail");
        }
        assert!(matches!(
            from_str("1__0"),
            Err(Raise::New(ExcKind::ValueError, m)) if m == "could not convert string to float: '1__0'"
        ));
        let long = "x".repeat(300);
        let Err(Raise::New(_, m)) = from_str(&long) else {
            panic!()
        };
        assert!(m.ends_with(&format!("'{long}'")));
    }

    #[test]
    fn is_integer_and_truthy() {
        assert!(is_integer(2.0) && !is_integer(2.5));
        assert!(!is_integer(f64::INFINITY) && !is_integer(f64::NAN));
        assert!(!truthy(-0.0) && truthy(f64::NAN));
    }
}
