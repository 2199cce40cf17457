//! The methods and attributes of `float` beyond arithmetic: `is_integer`,
//! `as_integer_ratio`, `hex`, `conjugate`, the class method `fromhex`, and
//! `real` / `imag`, with CPython 3.11's messages.

use super::float::{decompose, is_integer as whole};
use super::int::normalize;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{NativeFn, Object, PyStr};
use crate::value::Value;
use num_bigint::{BigInt, BigUint};
use num_traits::Zero;

type Kwargs = [(Box<str>, Value)];

/// The method of `float` called `name`, if it has one (on an instance).
pub fn method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "is_integer" => is_integer,
        "as_integer_ratio" => as_integer_ratio,
        "hex" => hex,
        "conjugate" => conjugate,
        _ => return None,
    })
}

/// `float.fromhex`, for the class namespace (a class method).
pub const CLASS_METHODS: &[(&str, NativeFn)] = &[("fromhex", fromhex)];

/// `x.real` and `x.imag`.
pub fn attribute(x: f64, name: &str) -> Option<Value> {
    match name {
        "real" => Some(Value::Float(x)),
        "imag" => Some(Value::Float(0.0)),
        _ => None,
    }
}

/// The receiver of a float method that takes no arguments.
fn receiver(vm: &Vm, method: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<f64> {
    let Some(Value::Float(x)) = args.first().map(Value::builtin_view) else {
        return Err(crate::eval::attr::wrong_receiver(vm, method, "float", args));
    };
    if args.len() > 1 || !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "float.{method}() takes no arguments ({} given)",
            args.len() - 1 + kwargs.len()
        )));
    }
    Ok(*x)
}

fn is_integer(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(whole(receiver(
        vm,
        "is_integer",
        args,
        kwargs,
    )?)))
}

fn conjugate(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    Ok(Value::Float(receiver(vm, "conjugate", args, kwargs)?))
}

fn as_integer_ratio(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let x = receiver(vm, "as_integer_ratio", args, kwargs)?;
    if x.is_nan() {
        return Err(Raise::value_error("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(Raise::new(
            ExcKind::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    let pair = |n: BigInt, d: BigInt| {
        Ok(Value::obj(Object::Tuple(
            vec![normalize(n), normalize(d)].into(),
        )))
    };
    if x == 0.0 {
        return pair(BigInt::zero(), BigInt::from(1));
    }
    // x == m * 2**e exactly; reduce by the common powers of two.
    let (mut m, mut e) = decompose(x.abs());
    if e < 0 {
        let tz = m.trailing_zeros().min((-e) as u32);
        m >>= tz;
        e += tz as i32;
    }
    let sign = if x < 0.0 { -1 } else { 1 };
    let m = BigInt::from(m) * sign;
    if e >= 0 {
        pair(m << e as usize, BigInt::from(1))
    } else {
        pair(m, BigInt::from(1) << (-e) as usize)
    }
}

/// `x.hex()`: `[-]0x1.<13 hex digits>p<exp>` (`0x0.` for subnormals).
fn hex(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let x = receiver(vm, "hex", args, kwargs)?;
    Ok(PyStr::value(to_hex(x)))
}

fn to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!("{sign}0x{lead}.{frac:013x}p{e:+}")
}

/// `float.fromhex(s)` (a class method: `args[0]` is the class).
fn fromhex(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let given = args.len().saturating_sub(1) + kwargs.len();
    if given != 1 || !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "float.fromhex() takes exactly one argument ({given} given)"
        )));
    }
    let Some(Object::Str(s)) = args[1].builtin_view().as_object() else {
        return Err(Raise::type_error(
            "bad argument type for built-in operation",
        ));
    };
    parse_hex(&s.text).map(Value::Float)
}

fn invalid() -> Raise {
    Raise::value_error("invalid hexadecimal floating-point string")
}

fn too_large() -> Raise {
    Raise::new(
        ExcKind::OverflowError,
        "hexadecimal value too large to represent as a float",
    )
}

/// Parse `[ws][sign](inf|infinity|nan|[0x]hex[.hex][p[sign]dec])[ws]`,
/// rounding half to even.
fn parse_hex(text: &str) -> PyResult<f64> {
    let t = text.trim_matches(|c: char| c.is_whitespace());
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let signed = |m: f64| if negative { -m } else { m };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(signed(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(signed(f64::NAN));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mantissa, exponent) = match body.find('p') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (whole_part, frac_part) = match mantissa.find('.') {
        Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
        None => (mantissa, ""),
    };
    if whole_part.is_empty() && frac_part.is_empty() {
        return Err(invalid());
    }
    let mut digits = BigUint::zero();
    for c in whole_part.chars().chain(frac_part.chars()) {
        let d = c.to_digit(16).ok_or_else(invalid)?;
        digits = (digits << 4u32) + d;
    }
    let exp: i64 = match exponent {
        None => 0,
        Some(e) => {
            let digits_only = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits_only.is_empty() || !digits_only.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            // Exponents beyond any float's range saturate; the result is then
            // 0 or an overflow either way.
            e.parse::<i64>().unwrap_or(if e.starts_with('-') {
                -1 << 40
            } else {
                1 << 40
            })
        }
    };
    if digits.is_zero() {
        return Ok(signed(0.0));
    }
    let exp2 = exp.saturating_sub(4 * frac_part.len() as i64);
    let top = digits.bits() as i64 + exp2;
    if top > 1025 {
        return Err(too_large());
    }
    if top < -1080 {
        return Ok(signed(0.0));
    }
    let n = BigInt::from(digits);
    let one = BigInt::from(1);
    let m = if exp2 >= 0 {
        super::int::ratio_to_f64(&(n << exp2 as usize), &one)
    } else {
        super::int::ratio_to_f64(&n, &(one << (-exp2) as usize))
    };
    m.map(signed).ok_or_else(too_large)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        for x in [1.5, -0.1, 5e-324, 1e308, 2.0f64.powi(-1022), 3.0] {
            assert_eq!(parse_hex(&to_hex(x)).ok(), Some(x));
        }
        assert_eq!(to_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(to_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(to_hex(-0.0), "-0x0.0p+0");
    }

    #[test]
    fn fromhex_edges() {
        assert_eq!(parse_hex(" 0x1.8p1 ").ok(), Some(3.0));
        assert_eq!(parse_hex("1p-99999").ok(), Some(0.0));
        assert!(parse_hex("0x1p99999").is_err());
        assert!(parse_hex("0x").is_err());
        assert!(parse_hex("0x1p").is_err());
        assert_eq!(parse_hex("-Infinity").ok(), Some(f64::NEG_INFINITY));
    }
}
