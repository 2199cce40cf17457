//! `math` functions that take a float apart or step through floats:
//! `frexp`, `ldexp`, `modf`, `nextafter`, `ulp`, and the frexp of a big int
//! the logarithms use.

use super::{one, two};
use crate::args::Kw;
use crate::num::{self, range_error};
use gilt_vm::exc::{PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::Object;
use gilt_vm::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// `x = m * 2**e` with `0.5 <= |m| < 1` (C's frexp); zero, infinities and
/// NaN come back with exponent 0.
pub fn split(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, bias) = if x.abs() < f64::MIN_POSITIVE {
        (x * 2f64.powi(64), -64) // a subnormal: make it normal first
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32 - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e + bias)
}

/// `x * 2**n`, rounded once (C's ldexp/scalbn).
pub fn scale(mut x: f64, mut n: i64) -> f64 {
    let two = |k: i64| f64::from_bits(((k + 1023) as u64) << 52);
    if n > 1023 {
        x *= two(1023);
        n -= 1023;
        if n > 1023 {
            x *= two(1023);
            n = (n - 1023).min(1023);
        }
    } else if n < -1022 {
        // Scale by 2**-1022 * 2**53 so nothing rounds until the last step.
        x *= two(-1022) * two(53);
        n += 1022 - 53;
        if n < -1022 {
            x *= two(-1022) * two(53);
            n = (n + 1022 - 53).max(-1022);
        }
    }
    x * two(n)
}

/// A positive big int as `m * 2**e`, `m` rounded to 53 bits in `[0.5, 1)`.
pub fn big_frexp(b: &BigInt) -> (f64, i64) {
    let bits = b.bits();
    let mag = b.magnitude();
    let (top, sticky) = if bits > 64 {
        let shift = bits - 64;
        let top = (mag >> shift).to_u64().unwrap_or(u64::MAX);
        (top, mag.trailing_zeros().is_some_and(|tz| tz < shift))
    } else {
        (mag.to_u64().unwrap_or(0) << (64 - bits), false)
    };
    // Folding the lost bits into the lowest one makes the conversion round
    // as the whole number would.
    let mut m = (top | sticky as u64) as f64 / 2f64.powi(64);
    let mut e = bits as i64;
    if m == 1.0 {
        m = 0.5;
        e += 1;
    }
    (m, e)
}

pub fn frexp(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let x = num::real(vm, one("math.frexp", args, kwargs)?)?;
    let (m, e) = split(x);
    Ok(num::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

pub fn ldexp(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (x, i) = two("ldexp", args, kwargs)?;
    let x = num::real(vm, x)?;
    let is_int = match i.builtin_view() {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) => matches!(o.get(), Object::BigInt(_)),
        _ => false,
    };
    if !is_int {
        return Err(Raise::type_error(
            "Expected an int as second argument to ldexp.",
        ));
    }
    let n = num::to_big(i.builtin_view());
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let n = match n.to_i64() {
        Some(n) if n > i32::MAX as i64 => return Err(range_error()),
        Some(n) if n >= i32::MIN as i64 => n,
        _ if n.is_positive() => return Err(range_error()),
        _ => return Ok(Value::Float(0.0f64.copysign(x))),
    };
    let r = scale(x, n);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::Float(r))
}

pub fn modf(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let x = num::real(vm, one("math.modf", args, kwargs)?)?;
    let (frac, whole) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    Ok(num::tuple(vec![Value::Float(frac), Value::Float(whole)]))
}

/// The next float after `x` toward `y` (C's nextafter).
pub fn next_toward(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

pub fn nextafter(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (x, y) = two("nextafter", args, kwargs)?;
    let (x, y) = (num::real(vm, x)?, num::real(vm, y)?);
    Ok(Value::Float(next_toward(x, y)))
}

pub fn ulp(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let x = num::real(vm, one("math.ulp", args, kwargs)?)?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let r = if x == f64::MAX {
        x - next_toward(x, 0.0)
    } else {
        next_toward(x, f64::INFINITY) - x
    };
    Ok(Value::Float(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_and_scale_invert() {
        for x in [1.0, 0.1, -3.5, 1e300, 5e-324, 2.2e-308, -7e-320] {
            let (m, e) = split(x);
            assert!((0.5..1.0).contains(&m.abs()), "{x}");
            assert_eq!(scale(m, e as i64), x);
        }
        assert_eq!(scale(1.0, -1074), 5e-324);
        assert_eq!(scale(1.5, -1074), 1e-323); // ties to even
        assert_eq!(scale(1.0, 1024), f64::INFINITY);
    }
}
