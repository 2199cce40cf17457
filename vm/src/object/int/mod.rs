//! `int` (and `bool` as an int, and int/float mixes): CPython 3.11's integer
//! semantics over two representations.
//!
//! Invariant: an int that fits in an i64 is `Value::Int`; only larger ones are
//! `Object::BigInt` (see [`normalize`]). Operations on two `Value::Int`s take
//! `#[inline]` paths that never allocate unless the result overflows an i64.
//! Any float operand turns the operation into float arithmetic (float.rs),
//! after converting the int (correctly rounded, or OverflowError) as CPython.
//!
//! The evaluation loop should try [`fast_binary_op`] (a bare `Value`, no
//! `Result`, always inlined) before [`binary_op`], which covers every case
//! with its exact CPython error.

mod bytes;
pub mod number;
#[cfg(test)]
mod tests;
mod text;

use crate::exc::{ExcKind, PyResult, Raise};
use crate::object::{float, Object};
use crate::value::Value;
use gilt_parser::ast::{CmpOp, Operator, UnaryOp};
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};
use std::borrow::Cow;
use std::cmp::Ordering;

/// The modulus of CPython's numeric hash, `2**61 - 1`.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// The method of `int` called `name`, if it has one.
pub fn method(name: &str) -> Option<crate::object::NativeFn> {
    number::method(name).or_else(|| bytes::method(name))
}
pub(crate) use text::to_ascii_digits;
pub use text::{decimal_value, from_str, repr, MAX_STR_DIGITS};

/// The largest int, in bits, that `**` and `<<` will build. CPython tries and
/// raises MemoryError; allocating that much would abort us instead.
const MAX_BITS: u64 = 1 << 32;

/// 2**63 as a float (exact).
const TWO_63: f64 = (1u64 << 63) as f64;

/// A numeric operand, borrowed from a `Value`.
#[derive(Clone, Copy)]
enum Num<'a> {
    Small(i64),
    Big(&'a BigInt),
    Float(f64),
}

/// Classify `v` as a number (bool counts as int), or `None`.
#[inline]
fn num(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Int(i) => Some(Num::Small(*i)),
        Value::Bool(b) => Some(Num::Small(*b as i64)),
        Value::Float(f) => Some(Num::Float(*f)),
        Value::Obj(o) => match o.get() {
            Object::BigInt(b) => Some(Num::Big(b)),
            _ => None,
        },
        _ => None,
    }
}

impl<'a> Num<'a> {
    fn is_float(self) -> bool {
        matches!(self, Num::Float(_))
    }

    /// The int as a BigInt (borrowed when it is one). Not for floats.
    fn big(self) -> Cow<'a, BigInt> {
        match self {
            Num::Small(i) => Cow::Owned(BigInt::from(i)),
            Num::Big(b) => Cow::Borrowed(b),
            Num::Float(_) => unreachable!("float operand where an int was checked"),
        }
    }

    /// The value as a float, as CPython converts an int operand.
    fn to_f64(self) -> PyResult<f64> {
        match self {
            Num::Small(i) => Ok(i as f64),
            Num::Float(f) => Ok(f),
            Num::Big(b) => big_to_f64(b).ok_or_else(int_too_large_for_float),
        }
    }
}

/// An int value from a BigInt: inline when it fits in an i64, else on the heap.
pub fn normalize(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::obj(Object::BigInt(b)),
    }
}

#[cold]
#[inline(never)]
fn from_i128(x: i128) -> Value {
    normalize(BigInt::from(x))
}

// ---------------------------------------------------------------------------
// Binary operators

/// `a <op> b` for ints, bools and floats: `None` when either operand is not a
/// number, or the operator does not apply (`@`; bitwise and shifts with a
/// float; a negative float to a fractional power, which CPython makes a complex
/// — complex.rs computes that one).
///
/// `bool & bool`, `|` and `^` give a bool, as in Python.
#[inline]
pub fn binary_op(op: Operator, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => small_binary(op, *x, *y),
        (Value::Float(x), Value::Float(y)) => float_value(float::binary_op(op, *x, *y)),
        _ => mixed_binary(op, a, b),
    }
}

/// The common cases of [`binary_op`], for the evaluation loop to try first:
/// two ints whose result fits in an i64 without an error, or two floats (or a
/// float and an inline int) under `+ - * /` with a nonzero divisor. `None` means
/// "not handled here", never an error: then call [`binary_op`].
///
/// Returns a bare `Value` (two registers) so the hot path has no `Result`.
#[inline(always)]
pub fn fast_binary_op(op: Operator, a: &Value, b: &Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => fast_small(op, *x, *y).map(Value::Int),
        (Value::Float(x), Value::Float(y)) => fast_float(op, *x, *y),
        // `as f64` rounds half to even, as CPython converts an int operand.
        (Value::Float(x), Value::Int(y)) => fast_float(op, *x, *y as f64),
        (Value::Int(x), Value::Float(y)) => fast_float(op, *x as f64, *y),
        _ => None,
    }
}

#[inline(always)]
fn fast_small(op: Operator, x: i64, y: i64) -> Option<i64> {
    match op {
        Operator::Add => x.checked_add(y),
        Operator::Sub => x.checked_sub(y),
        Operator::Mult => x.checked_mul(y),
        Operator::FloorDiv if y > 0 => Some(x.div_euclid(y)),
        Operator::Mod if y > 0 => Some(x.rem_euclid(y)),
        Operator::LShift if (0..64).contains(&y) && (x << y) >> y == x => Some(x << y),
        Operator::RShift if y >= 0 => Some(x >> y.min(63)),
        Operator::BitAnd => Some(x & y),
        Operator::BitOr => Some(x | y),
        Operator::BitXor => Some(x ^ y),
        _ => None,
    }
}

#[inline(always)]
fn fast_float(op: Operator, x: f64, y: f64) -> Option<Value> {
    Some(Value::Float(match op {
        Operator::Add => x + y,
        Operator::Sub => x - y,
        Operator::Mult => x * y,
        Operator::Div if y != 0.0 => x / y,
        _ => return None,
    }))
}

#[inline]
fn float_value(r: Option<PyResult<f64>>) -> Option<PyResult<Value>> {
    r.map(|r| r.map(Value::Float))
}

/// Two i64s: the fast path, which allocates only when the result overflows.
#[inline]
fn small_binary(op: Operator, x: i64, y: i64) -> Option<PyResult<Value>> {
    let (wx, wy) = (x as i128, y as i128);
    Some(Ok(match op {
        Operator::Add => x
            .checked_add(y)
            .map_or_else(|| from_i128(wx + wy), Value::Int),
        Operator::Sub => x
            .checked_sub(y)
            .map_or_else(|| from_i128(wx - wy), Value::Int),
        Operator::Mult => x
            .checked_mul(y)
            .map_or_else(|| from_i128(wx * wy), Value::Int),
        Operator::FloorDiv => return Some(small_floor_div(x, y)),
        Operator::Mod => return Some(small_mod(x, y)),
        Operator::Div => return Some(small_true_div(x, y)),
        Operator::Pow => return Some(small_pow(x, y)),
        Operator::LShift => return Some(small_lshift(x, y)),
        Operator::RShift => return Some(small_rshift(x, y)),
        Operator::BitAnd => Value::Int(x & y),
        Operator::BitOr => Value::Int(x | y),
        Operator::BitXor => Value::Int(x ^ y),
        Operator::MatMult => return None,
    }))
}

#[inline]
fn small_floor_div(x: i64, y: i64) -> PyResult<Value> {
    if y == 0 {
        return Err(zero_division("integer division or modulo by zero"));
    }
    if x == i64::MIN && y == -1 {
        return Ok(from_i128(-(x as i128)));
    }
    let q = x / y;
    Ok(Value::Int(if x % y != 0 && (x ^ y) < 0 {
        q - 1
    } else {
        q
    }))
}

#[inline]
fn small_mod(x: i64, y: i64) -> PyResult<Value> {
    if y == 0 {
        return Err(zero_division("integer modulo by zero"));
    }
    let r = x.wrapping_rem(y);
    Ok(Value::Int(if r != 0 && (r ^ y) < 0 { r + y } else { r }))
}

#[inline]
fn small_true_div(x: i64, y: i64) -> PyResult<Value> {
    if y == 0 {
        return Err(zero_division("division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    if x.unsigned_abs() <= EXACT && y.unsigned_abs() <= EXACT {
        // Both convert exactly, so one IEEE division rounds correctly.
        return Ok(Value::Float(x as f64 / y as f64));
    }
    let m = if x == 0 {
        0.0
    } else {
        small_ratio(x.unsigned_abs(), y.unsigned_abs())
    };
    Ok(Value::Float(if (x ^ y) < 0 { -m } else { m }))
}

/// `a / b` for `0 < a, b <= 2**63`, rounded correctly without allocating: the
/// method of [`ratio_to_f64`] in u128 (the quotient is always a normal float).
#[cold]
fn small_ratio(a: u64, b: u64) -> f64 {
    let (a, b) = (a as u128, b as u128);
    let e0 = b.leading_zeros() as i32 - a.leading_zeros() as i32;
    let below = if e0 >= 0 { a < b << e0 } else { a << -e0 < b };
    let e = if below { e0 - 1 } else { e0 };
    // a * 2**shift < b * 2**55 < 2**119: no overflow.
    let shift = 2 - (e - 52);
    let (num, den) = if shift >= 0 {
        (a << shift, b)
    } else {
        (a, b << -shift)
    };
    let kept = round_half_even_quarter((num / den) as u64, num % den != 0);
    kept as f64 * pow2(e - 52)
}

/// `q / 4` rounded half to even, where `inexact` says whether bits below
/// `q` were dropped.
fn round_half_even_quarter(q: u64, inexact: bool) -> u64 {
    let kept = q >> 2;
    match q & 3 {
        3 => kept + 1,
        2 if inexact || kept & 1 == 1 => kept + 1,
        _ => kept,
    }
}

#[inline]
fn small_pow(x: i64, y: i64) -> PyResult<Value> {
    if y < 0 {
        return float_pow_of_ints(x as f64, y as f64);
    }
    if let Ok(e) = u32::try_from(y) {
        if let Some(r) = x.checked_pow(e) {
            return Ok(Value::Int(r));
        }
    }
    int_pow(&BigInt::from(x), &BigInt::from(y))
}

#[inline]
fn small_lshift(x: i64, y: i64) -> PyResult<Value> {
    if y < 0 {
        return Err(negative_shift());
    }
    if x == 0 {
        return Ok(Value::Int(0));
    }
    if y < 64 {
        let r = x << y;
        if r >> y == x {
            return Ok(Value::Int(r));
        }
    }
    big_lshift(&BigInt::from(x), &BigInt::from(y))
}

#[inline]
fn small_rshift(x: i64, y: i64) -> PyResult<Value> {
    if y < 0 {
        return Err(negative_shift());
    }
    // An arithmetic shift floors, as Python's `>>` does.
    Ok(Value::Int(if y >= 64 { x >> 63 } else { x >> y }))
}

/// Everything but int/int and float/float: bools, big ints, int/float mixes.
#[inline(never)]
fn mixed_binary(op: Operator, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let (x, y) = (num(a)?, num(b)?);
    if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
        match op {
            Operator::BitAnd => return Some(Ok(Value::Bool(p & q))),
            Operator::BitOr => return Some(Ok(Value::Bool(p | q))),
            Operator::BitXor => return Some(Ok(Value::Bool(p ^ q))),
            _ => {}
        }
    }
    if let (Num::Small(x), Num::Small(y)) = (x, y) {
        return small_binary(op, x, y);
    }
    if x.is_float() || y.is_float() {
        if !matches!(
            op,
            Operator::Add
                | Operator::Sub
                | Operator::Mult
                | Operator::Div
                | Operator::FloorDiv
                | Operator::Mod
                | Operator::Pow
        ) {
            return None;
        }
        let (fx, fy) = match (x.to_f64(), y.to_f64()) {
            (Ok(fx), Ok(fy)) => (fx, fy),
            (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
        };
        return float_value(float::binary_op(op, fx, fy));
    }
    big_binary(op, &x.big(), &y.big())
}

/// Two ints, at least one of them big.
fn big_binary(op: Operator, x: &BigInt, y: &BigInt) -> Option<PyResult<Value>> {
    Some(match op {
        Operator::Add => Ok(normalize(x + y)),
        Operator::Sub => Ok(normalize(x - y)),
        Operator::Mult => Ok(normalize(x * y)),
        Operator::FloorDiv if y.is_zero() => {
            Err(zero_division("integer division or modulo by zero"))
        }
        Operator::FloorDiv => Ok(normalize(x.div_floor(y))),
        Operator::Mod if y.is_zero() => Err(zero_division("integer modulo by zero")),
        Operator::Mod => Ok(normalize(x.mod_floor(y))),
        Operator::Div => big_true_div(x, y),
        Operator::Pow if y.is_negative() => match (big_to_f64(x), big_to_f64(y)) {
            (Some(fx), Some(fy)) => float_pow_of_ints(fx, fy),
            _ => Err(int_too_large_for_float()),
        },
        Operator::Pow => int_pow(x, y),
        Operator::LShift => big_lshift(x, y),
        Operator::RShift if y.is_negative() => Err(negative_shift()),
        Operator::RShift => Ok(match y.to_u64() {
            Some(n) if n < x.bits() => normalize(x >> n),
            _ => Value::Int(if x.is_negative() { -1 } else { 0 }),
        }),
        Operator::BitAnd => Ok(normalize(x & y)),
        Operator::BitOr => Ok(normalize(x | y)),
        Operator::BitXor => Ok(normalize(x ^ y)),
        Operator::MatMult => return None,
    })
}

/// `int ** negative int`: CPython computes it in floats.
fn float_pow_of_ints(x: f64, y: f64) -> PyResult<Value> {
    // An integer exponent never gives a complex result.
    float::pow(x, y).map_or(Ok(Value::Float(f64::NAN)), |r| r.map(Value::Float))
}

/// `x ** y` for `y >= 0`.
fn int_pow(x: &BigInt, y: &BigInt) -> PyResult<Value> {
    if y.is_zero() || x.is_one() {
        return Ok(Value::Int(1));
    }
    if x.is_zero() {
        return Ok(Value::Int(0));
    }
    if *x == BigInt::from(-1) {
        return Ok(Value::Int(if y.is_even() { 1 } else { -1 }));
    }
    match y.to_u32() {
        Some(e) if (x.bits() - 1).saturating_mul(e as u64) < MAX_BITS => Ok(normalize(x.pow(e))),
        _ => Err(memory_error()),
    }
}

fn big_lshift(x: &BigInt, y: &BigInt) -> PyResult<Value> {
    if y.is_negative() {
        return Err(negative_shift());
    }
    if x.is_zero() {
        return Ok(Value::Int(0));
    }
    match y.to_u64() {
        Some(n) if n.saturating_add(x.bits()) <= MAX_BITS => Ok(normalize(x << n)),
        _ => Err(shift_too_large(x, y)),
    }
}

/// `x / y` for ints, correctly rounded however large they are.
fn big_true_div(x: &BigInt, y: &BigInt) -> PyResult<Value> {
    if y.is_zero() {
        return Err(zero_division("division by zero"));
    }
    ratio_to_f64(x, y).map(Value::Float).ok_or_else(|| {
        Raise::new(
            ExcKind::OverflowError,
            "integer division result too large for a float",
        )
    })
}

/// `a / b` (`b != 0`) rounded correctly (half to even) to a float, or `None`
/// when it overflows. Works on the exact quotient: no double rounding, also
/// for results in the subnormal range.
pub(crate) fn ratio_to_f64(a: &BigInt, b: &BigInt) -> Option<f64> {
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let (ua, ub) = (a.magnitude(), b.magnitude());
    let m = if ua.is_zero() {
        0.0
    } else {
        ratio_magnitude(ua, ub)?
    };
    Some(if negative { -m } else { m })
}

fn ratio_magnitude(ua: &BigUint, ub: &BigUint) -> Option<f64> {
    // e = floor(log2(ua / ub)) is e0 or e0 - 1.
    let e0 = ua.bits() as i64 - ub.bits() as i64;
    if e0 > 1025 {
        return None;
    }
    if e0 < -1080 {
        return Some(0.0);
    }
    let below = if e0 >= 0 {
        *ua < (ub << e0 as u64)
    } else {
        (ua << (-e0) as u64) < *ub
    };
    let e = if below { e0 - 1 } else { e0 };
    if e >= 1024 {
        return None;
    }
    if e < -1076 {
        return Some(0.0);
    }
    // The result's unit in the last place: 53 significant bits for normal
    // results, a fixed 2**-1074 for subnormal ones.
    let ulp = (e - 52).max(-1074);
    // q = floor(ua / ub / 2**ulp * 4): the kept bits plus two rounding bits.
    let shift = 2 - ulp;
    let (q, r) = if shift >= 0 {
        (ua << shift as u64).div_rem(ub)
    } else {
        ua.div_rem(&(ub << (-shift) as u64))
    };
    let q = q.to_u64().expect("at most 55 bits");
    let kept = round_half_even_quarter(q, !r.is_zero());
    // kept <= 2**53 converts exactly, and the product is exact unless it
    // overflows.
    let f = kept as f64 * pow2(ulp as i32);
    f.is_finite().then_some(f)
}

/// `2.0 ** k` for `-1074 <= k <= 1023`, exactly.
fn pow2(k: i32) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1 << (k + 1074))
    }
}

/// An int as the nearest float (half to even), or `None` when it is too large.
pub(crate) fn big_to_f64(x: &BigInt) -> Option<f64> {
    let mag = x.magnitude();
    let bits = mag.bits();
    let m = if bits <= 64 {
        mag.to_u64()? as f64
    } else if bits > 1024 {
        return None;
    } else {
        // The top 64 bits, with any nonzero bit below them folded into the
        // lowest one, round to 53 bits exactly as the whole number would.
        let shift = bits - 64;
        let top = (mag >> shift).to_u64()?;
        let sticky = mag.trailing_zeros().is_some_and(|tz| tz < shift);
        let m = (top | sticky as u64) as f64 * pow2(shift as i32);
        if m.is_infinite() {
            return None;
        }
        m
    };
    Some(if x.is_negative() { -m } else { m })
}

// ---------------------------------------------------------------------------
// Unary operators, comparison, hash

/// `-a`, `+a`, `~a` for ints, bools and floats; `None` for other values, for
/// `~float` and for `not` (which the VM handles for every type).
pub fn unary_op(op: UnaryOp, a: &Value) -> Option<PyResult<Value>> {
    Some(Ok(match (op, a) {
        (UnaryOp::USub, Value::Int(x)) => x
            .checked_neg()
            .map_or_else(|| from_i128(-(*x as i128)), Value::Int),
        (UnaryOp::UAdd, Value::Int(x)) => Value::Int(*x),
        (UnaryOp::Invert, Value::Int(x)) => Value::Int(!x),
        (UnaryOp::Not, _) => return None,
        (_, Value::Bool(b)) => return unary_op(op, &Value::Int(*b as i64)),
        (UnaryOp::USub, Value::Float(f)) => Value::Float(-f),
        (UnaryOp::UAdd, Value::Float(f)) => Value::Float(*f),
        (_, Value::Obj(o)) => match o.get() {
            Object::BigInt(b) => match op {
                UnaryOp::USub => normalize(-b),
                UnaryOp::Invert => normalize(!b),
                _ => a.clone(),
            },
            _ => return None,
        },
        _ => return None,
    }))
}

/// `x op y` for two small ints (`op` one of the six orderings).
#[inline(always)]
pub fn compare_small(op: CmpOp, x: i64, y: i64) -> bool {
    match op {
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        _ => x >= y,
    }
}

/// `a <op> b` for the six comparisons between ints, bools and floats; `None`
/// for other operand types or operators. Int/float comparisons are exact
/// (`2**53 + 1 != 2.0**53`); any comparison with NaN is false except `!=`.
#[inline]
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    let ord = match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        _ => num_cmp(num(a)?, num(b)?),
    };
    Some(match op {
        CmpOp::Eq => ord == Some(Ordering::Equal),
        CmpOp::NotEq => ord != Some(Ordering::Equal),
        CmpOp::Lt => ord == Some(Ordering::Less),
        CmpOp::LtE => matches!(ord, Some(Ordering::Less | Ordering::Equal)),
        CmpOp::Gt => ord == Some(Ordering::Greater),
        CmpOp::GtE => matches!(ord, Some(Ordering::Greater | Ordering::Equal)),
        _ => return None,
    })
}

/// Order two numbers exactly; `None` when one is NaN.
fn num_cmp(x: Num, y: Num) -> Option<Ordering> {
    match (x, y) {
        (Num::Float(f), Num::Float(g)) => f.partial_cmp(&g),
        (Num::Float(f), i) => int_float_cmp(i, f).map(Ordering::reverse),
        (i, Num::Float(f)) => int_float_cmp(i, f),
        (Num::Small(s), Num::Small(t)) => Some(s.cmp(&t)),
        (Num::Small(s), Num::Big(b)) => Some(small_big_cmp(s, b)),
        (Num::Big(b), Num::Small(s)) => Some(small_big_cmp(s, b).reverse()),
        (Num::Big(b), Num::Big(c)) => Some(b.cmp(c)),
    }
}

fn small_big_cmp(s: i64, b: &BigInt) -> Ordering {
    match b.to_i64() {
        Some(t) => s.cmp(&t),
        None if b.is_negative() => Ordering::Greater,
        None => Ordering::Less,
    }
}

/// Compare an int with a float exactly: the int against the float's integer
/// part, then (on a tie) zero against its fractional part.
fn int_float_cmp(i: Num, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let t = f.trunc();
    let by_int = match i {
        Num::Small(x) if x.unsigned_abs() <= 1 << 53 => return (x as f64).partial_cmp(&f),
        Num::Small(x) => {
            if t >= TWO_63 {
                Ordering::Less
            } else if t < -TWO_63 {
                Ordering::Greater
            } else {
                x.cmp(&(t as i64))
            }
        }
        Num::Big(b) => b.cmp(&float_to_big(t)),
        Num::Float(_) => unreachable!("int_float_cmp takes an int"),
    };
    Some(by_int.then_with(|| 0.0.partial_cmp(&(f - t)).unwrap_or(Ordering::Equal)))
}

/// A finite float with no fractional part as a BigInt, exactly.
fn float_to_big(t: f64) -> BigInt {
    if t == 0.0 {
        return BigInt::zero();
    }
    let (mant, exp) = float::decompose(t.abs());
    let mag = if exp >= 0 {
        BigInt::from(mant) << exp as usize
    } else {
        BigInt::from(mant >> -exp)
    };
    if t < 0.0 {
        -mag
    } else {
        mag
    }
}

/// CPython's numeric hash of an int, bool or float (`None` for others):
/// `x mod (2**61 - 1)` with `x`'s sign, and -1 becomes -2, so
/// `hash(1) == hash(1.0) == hash(True)`.
#[inline]
pub fn hash(v: &Value) -> Option<i64> {
    Some(match v {
        Value::Int(i) => hash_i64(*i),
        Value::Bool(b) => *b as i64,
        Value::Float(f) => float::hash(*f),
        Value::Obj(o) => match o.get() {
            Object::BigInt(b) => hash_big(b),
            _ => return None,
        },
        _ => return None,
    })
}

#[inline]
fn hash_i64(i: i64) -> i64 {
    if (0..HASH_MODULUS as i64).contains(&i) {
        return i;
    }
    let m = (i.unsigned_abs() % HASH_MODULUS) as i64;
    signed_hash(m, i < 0)
}

fn signed_hash(m: i64, negative: bool) -> i64 {
    match (negative, m) {
        (true, 1) => -2,
        (true, m) => -m,
        (false, m) => m,
    }
}

fn hash_big(b: &BigInt) -> i64 {
    // 2**64 == 8 (mod 2**61 - 1): sum digit_k * 8**k, lowest digit first.
    let p = HASH_MODULUS as u128;
    let (mut acc, mut weight) = (0u128, 1u128);
    for digit in b.magnitude().iter_u64_digits() {
        acc = (acc + (digit as u128 % p) * weight) % p;
        weight = weight * 8 % p;
    }
    signed_hash(acc as i64, b.is_negative())
}

// ---------------------------------------------------------------------------
// divmod, pow with a modulus, round

/// `divmod(a, b)` for ints, bools and floats: `(a // b, a % b)`; `None` when
/// either is not a number.
pub fn divmod(a: &Value, b: &Value) -> Option<PyResult<(Value, Value)>> {
    let (x, y) = (num(a)?, num(b)?);
    Some(match (x, y) {
        (Num::Small(x), Num::Small(y)) => {
            if y == 0 {
                Err(zero_division("integer division or modulo by zero"))
            } else if x == i64::MIN && y == -1 {
                Ok((from_i128(-(x as i128)), Value::Int(0)))
            } else {
                small_floor_div(x, y).and_then(|q| Ok((q, small_mod(x, y)?)))
            }
        }
        _ if x.is_float() || y.is_float() => x.to_f64().and_then(|fx| {
            let (q, r) = float::divmod(fx, y.to_f64()?)?;
            Ok((Value::Float(q), Value::Float(r)))
        }),
        _ => {
            let (bx, by) = (x.big(), y.big());
            if by.is_zero() {
                Err(zero_division("integer division or modulo by zero"))
            } else {
                let (q, r) = bx.div_mod_floor(&by);
                Ok((normalize(q), normalize(r)))
            }
        }
    })
}

/// `pow(a, b, m)`: `a ** b % m` computed without the full power; the result
/// has the sign of `m`. A negative `b` uses the inverse of `a` modulo `m`
/// (Python 3.8+). TypeError when one is a float, or not a number (the VM
/// should try `__pow__` first for other objects: this error can only name
/// numbers and str exactly); ValueError for `m == 0` or a base with no inverse.
pub fn pow3(a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    let (Some(x), Some(y), Some(z)) = (num(a), num(b), num(m)) else {
        return Err(Raise::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            type_name(a),
            type_name(b),
            type_name(m)
        )));
    };
    if x.is_float() || y.is_float() || z.is_float() {
        return Err(Raise::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    if let (Num::Small(x), Num::Small(y), Num::Small(z)) = (x, y, z) {
        if y >= 0 && z != 0 {
            return Ok(small_pow_mod(x, y as u64, z));
        }
    }
    big_pow_mod(&x.big(), &y.big(), &z.big())
}

/// The type name of a value, for errors raised here: exact for None, numbers
/// and str, `object` for other heap objects.
fn type_name(v: &Value) -> &'static str {
    match v {
        Value::None => "NoneType",
        Value::Bool(_) => "bool",
        Value::Int(_) => "int",
        Value::Float(_) => "float",
        Value::Obj(o) => match o.get() {
            Object::BigInt(_) => "int",
            Object::Str(_) => "str",
            _ => "object",
        },
    }
}

fn small_pow_mod(x: i64, mut y: u64, m: i64) -> Value {
    let um = m.unsigned_abs() as u128;
    let mut base = (x as i128).rem_euclid(um as i128) as u128;
    let mut acc = 1 % um;
    while y > 0 {
        if y & 1 == 1 {
            acc = acc * base % um;
        }
        base = base * base % um;
        y >>= 1;
    }
    let r = acc as i128;
    Value::Int(if m < 0 && r != 0 { r - um as i128 } else { r } as i64)
}

fn big_pow_mod(x: &BigInt, y: &BigInt, m: &BigInt) -> PyResult<Value> {
    if m.is_zero() {
        return Err(Raise::value_error("pow() 3rd argument cannot be 0"));
    }
    let (base, exp) = if y.is_negative() {
        let um = m.abs();
        let g = x.mod_floor(&um).extended_gcd(&um);
        if !g.gcd.is_one() {
            return Err(Raise::value_error(
                "base is not invertible for the given modulus",
            ));
        }
        (g.x.mod_floor(&um), -y)
    } else {
        (x.clone(), y.clone())
    };
    // BigInt::modpow rounds like mod_floor: the result has m's sign.
    Ok(normalize(base.modpow(&exp, m)))
}

/// `round(v)` / `round(v, ndigits)` for an int or bool: an int, unchanged
/// unless `ndigits < 0`, then rounded half to even to a multiple of
/// `10**-ndigits` (`round(12345, -2) == 12300`, `round(25, -1) == 20`).
/// A float goes to [`float::round`]; other values are a TypeError (the VM
/// should try `__round__` first).
pub fn round_int(v: &Value, ndigits: Option<i64>) -> PyResult<Value> {
    let x = match num(v) {
        Some(Num::Float(f)) => return float::round(f, ndigits),
        Some(x) => x,
        None => {
            return Err(Raise::type_error(format!(
                "type {} doesn't define __round__ method",
                type_name(v)
            )))
        }
    };
    let k = match ndigits {
        Some(n) if n < 0 => n.unsigned_abs(),
        _ => {
            return Ok(match x {
                Num::Small(i) => Value::Int(i),
                _ => v.clone(),
            })
        }
    };
    Ok(match x {
        // |x| < 2**63 < 10**20 / 2, so it rounds to 0 for k >= 20.
        Num::Small(_) if k >= 20 => Value::Int(0),
        Num::Small(i) => {
            let p = 10i128.pow(k as u32);
            let (q, r) = (i as i128).div_mod_floor(&p);
            let q = if 2 * r > p || (2 * r == p && q & 1 == 1) {
                q + 1
            } else {
                q
            };
            let r = q * p;
            i64::try_from(r).map_or_else(|_| from_i128(r), Value::Int)
        }
        // 10**k > 2 * |b| when k exceeds b's digit count + 1.
        Num::Big(b) if k > b.bits() / 3 + 2 => Value::Int(0),
        Num::Big(b) => {
            let p = BigInt::from(10u32).pow(k as u32);
            let (mut q, r) = b.div_mod_floor(&p);
            let twice: BigInt = r << 1usize;
            if twice > p || (twice == p && q.is_odd()) {
                q += 1;
            }
            normalize(q * p)
        }
        Num::Float(_) => unreachable!("checked above"),
    })
}

// ---------------------------------------------------------------------------
// Conversions

/// `float(v)` of an int, bool or float: the nearest float (half to even);
/// OverflowError 'int too large to convert to float'. `None` for other values.
pub fn to_f64(v: &Value) -> Option<PyResult<f64>> {
    Some(num(v)?.to_f64())
}

/// Whether the number is nonzero; `None` for values that are not numbers.
#[inline]
pub fn truthy(v: &Value) -> Option<bool> {
    Some(match num(v)? {
        Num::Small(i) => i != 0,
        Num::Float(f) => f != 0.0,
        Num::Big(b) => !b.is_zero(),
    })
}

/// `int(x)` of a float: truncated toward zero, exactly. OverflowError
/// 'cannot convert float infinity to integer', ValueError 'cannot convert
/// float NaN to integer'.
pub fn from_f64(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(Raise::value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(Raise::new(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    let t = x.trunc();
    if (-TWO_63..TWO_63).contains(&t) {
        return Ok(Value::Int(t as i64));
    }
    Ok(normalize(float_to_big(t)))
}

// ---------------------------------------------------------------------------
// Errors

#[cold]
fn zero_division(msg: &str) -> Raise {
    Raise::new(ExcKind::ZeroDivisionError, msg)
}

#[cold]
fn negative_shift() -> Raise {
    Raise::value_error("negative shift count")
}

#[cold]
fn int_too_large_for_float() -> Raise {
    Raise::new(ExcKind::OverflowError, "int too large to convert to float")
}

/// What CPython raises for `x << y` too large to build: OverflowError 'too
/// many digits in integer' when the result would need more 30-bit digits than
/// an object can index (2**61 - 6), else MemoryError (it tries to allocate).
#[cold]
fn shift_too_large(x: &BigInt, y: &BigInt) -> Raise {
    const MAX_LONG_DIGITS: u128 = (i64::MAX as u128 - 24) / 4;
    let digits = y
        .to_u128()
        .and_then(|n| (x.bits().div_ceil(30) as u128 + n / 30).checked_add((n % 30 != 0) as u128));
    match digits {
        Some(d) if d <= MAX_LONG_DIGITS => memory_error(),
        _ => Raise::new(ExcKind::OverflowError, "too many digits in integer"),
    }
}

/// MemoryError, for results past [`MAX_BITS`].
#[cold]
fn memory_error() -> Raise {
    Raise::Bare(ExcKind::MemoryError)
}
