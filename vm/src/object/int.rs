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

/// CPython 3.11's default `sys.get_int_max_str_digits()`: the most decimal
/// digits `str(int)` and `int(str)` handle (bases that are powers of 2 are
/// exempt).
pub const MAX_STR_DIGITS: usize = 4300;

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
/// — not implemented yet, so the VM reports it as unsupported).
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

#[cold]
fn str_digits_limit(has: Option<usize>) -> Raise {
    let detail = has.map_or(String::new(), |n| format!(": value has {n} digits"));
    Raise::value_error(format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion{detail}; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

#[cfg(test)]
mod tests {
    //! Expected values come from CPython 3.11 (`python3 -c 'print(repr(...))'`).
    use super::*;
    use crate::object::PyStr;

    /// A value from its Python repr: `True`, a float, or a decimal int.
    fn v(s: &str) -> Value {
        match s {
            "True" => Value::Bool(true),
            "False" => Value::Bool(false),
            _ if s.contains(['.', 'e', 'n']) => Value::Float(s.parse().unwrap()),
            _ => normalize(s.parse::<BigInt>().unwrap()),
        }
    }

    /// The Python repr of a result, `Kind: message` for an error, or `None`.
    fn show(r: Option<PyResult<Value>>) -> String {
        match r {
            None => "None".into(),
            Some(Ok(Value::Float(f))) => float::repr(f),
            Some(Ok(Value::Obj(o))) => match o.get() {
                Object::BigInt(b) => {
                    assert!(b.to_i64().is_none(), "{b} is not normalized");
                    b.to_string()
                }
                _ => panic!("not a number"),
            },
            Some(Ok(v)) => repr(&v).unwrap().unwrap(),
            Some(Err(Raise::New(kind, msg))) => format!("{}: {msg}", kind.name()),
            Some(Err(Raise::Bare(kind))) => format!("{}: ", kind.name()),
            Some(Err(e)) => panic!("{e:?}"),
        }
    }

    fn op(s: &str) -> Operator {
        match s {
            "+" => Operator::Add,
            "-" => Operator::Sub,
            "*" => Operator::Mult,
            "/" => Operator::Div,
            "//" => Operator::FloorDiv,
            "%" => Operator::Mod,
            "**" => Operator::Pow,
            "<<" => Operator::LShift,
            ">>" => Operator::RShift,
            "&" => Operator::BitAnd,
            "|" => Operator::BitOr,
            "^" => Operator::BitXor,
            _ => Operator::MatMult,
        }
    }

    const MIN: &str = "-9223372036854775808";
    const MAX: &str = "9223372036854775807";

    fn check_binary(cases: &[(&str, &str, &str, &str)]) {
        for &(a, o, b, want) in cases {
            let got = show(binary_op(op(o), &v(a), &v(b)));
            assert_eq!(got, want, "{a} {o} {b}");
        }
    }

    #[test]
    fn small_int_arithmetic_and_overflow() {
        check_binary(&[
            ("7", "+", "-2", "5"),
            (MAX, "+", "1", "9223372036854775808"),
            (MIN, "-", "1", "-9223372036854775809"),
            (MIN, "*", "-1", "9223372036854775808"),
            (MAX, "*", MAX, "85070591730234615847396907784232501249"),
            ("-7", "//", "2", "-4"),
            ("-7", "%", "2", "1"),
            ("7", "%", "-2", "-1"),
            ("7", "//", "-2", "-4"),
            (MIN, "//", "-1", "9223372036854775808"),
            (MIN, "%", "-1", "0"),
            (MIN, "//", "2", "-4611686018427387904"),
            ("-7", "/", "2", "-3.5"),
            ("0", "/", "-5", "-0.0"),
            ("9007199254740993", "/", "1", "9007199254740992.0"),
            (MAX, "/", "3", "3.0744573456182584e+18"),
            ("3", "**", "40", "12157665459056928801"),
            ("-3", "**", "41", "-36472996377170786403"),
            ("-2", "**", "63", MIN),
            ("2", "**", "-1", "0.5"),
            ("-7", "**", "-3", "-0.0029154518950437317"),
            ("0", "**", "0", "1"),
            ("1", "<<", "62", "4611686018427387904"),
            ("1", "<<", "63", "9223372036854775808"),
            ("-1", "<<", "63", MIN),
            ("3", "<<", "64", "55340232221128654848"),
            ("-5", ">>", "1", "-3"),
            ("-1", ">>", "100", "-1"),
            ("5", ">>", "64", "0"),
            ("-6", "&", "3", "2"),
            ("-6", "|", "3", "-5"),
            ("-6", "^", "3", "-7"),
            ("1", "@", "1", "None"),
        ]);
    }

    #[test]
    fn fast_path_agrees_with_the_full_one() {
        let vals = [
            "0",
            "1",
            "-1",
            "7",
            "-7",
            "3",
            "63",
            "64",
            "-64",
            MIN,
            MAX,
            "9007199254740992",
            "-9007199254740993",
            "0.0",
            "-0.0",
            "2.5",
            "-0.5",
            "inf",
            "nan",
            "1e308",
            "True",
        ];
        let ops = [
            "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@",
        ];
        let mut handled = 0;
        for o in ops {
            for a in vals {
                for b in vals {
                    if let Some(fast) = fast_binary_op(op(o), &v(a), &v(b)) {
                        handled += 1;
                        let full = show(binary_op(op(o), &v(a), &v(b)));
                        assert_eq!(show(Some(Ok(fast))), full, "{a} {o} {b}");
                    }
                }
            }
        }
        assert!(handled > 1000, "{handled}");
    }

    #[test]
    fn bools_act_as_ints() {
        check_binary(&[
            ("True", "+", "True", "2"),
            ("True", "/", "2", "0.5"),
            ("True", "<<", "70", "1180591620717411303424"),
            ("2", "**", "True", "2"),
            ("True", "&", "3", "1"),
            ("True", "^", "True", "False"),
            ("True", "|", "False", "True"),
            ("True", "&", "False", "False"),
            ("True", "+", "0.5", "1.5"),
        ]);
    }

    #[test]
    fn big_int_arithmetic() {
        let big = "1267650600228229401496703205376"; // 2**100
        check_binary(&[
            ("9223372036854775808", "-", "1", MAX),
            ("-9223372036854775809", "+", "1", MIN),
            (big, "//", "-3", "-422550200076076467165567735126"),
            (big, "%", "-3", "-2"),
            ("-1267650600228229401496703205376", "%", "7", "5"),
            (big, "/", "3", "4.2255020007607644e+29"),
            (big, ">>", "3", "158456325028528675187087900672"),
            (
                "-1267650600228229401496703205377",
                ">>",
                "3",
                "-158456325028528675187087900673",
            ),
            ("-1267650600228229401496703205376", ">>", "200", "-1"),
            (big, "&", "-1", big),
            (
                "-1267650600228229401496703205376",
                "^",
                "7",
                "-1267650600228229401496703205369",
            ),
            (big, "**", "-1", "7.888609052210118e-31"),
            (big, "<<", "-1", "ValueError: negative shift count"),
            ("18446744073709551617", "/", "18446744073709551615", "1.0"),
            (
                "-1000000000000000000000000000000",
                "/",
                "7",
                "-1.4285714285714285e+29",
            ),
            (big, "*", "0.0", "0.0"),
            (
                "1",
                "<<",
                "1180591620717411303424",
                "OverflowError: too many digits in integer",
            ),
            ("0", "<<", "1180591620717411303424", "0"),
            ("5", ">>", "1180591620717411303424", "0"),
            ("-5", ">>", "1180591620717411303424", "-1"),
            ("-1", "**", "1180591620717411303425", "-1"),
        ]);
    }

    #[test]
    fn results_too_large_to_build() {
        // 30 * (2**61 - 8) and 30 * (2**61 - 4): CPython's two errors meet there.
        let (mem, over) = ("69175290276410818320", "69175290276410818440");
        check_binary(&[
            ("1", "<<", "9223372036854775808", "MemoryError: "),
            ("1", "<<", mem, "MemoryError: "),
            ("1", "<<", over, "OverflowError: too many digits in integer"),
            ("2", "**", "1099511627776", "MemoryError: "),
            ("-2", "**", over, "MemoryError: "),
            ("1", "**", over, "1"),
            ("0", "**", over, "0"),
        ]);
    }

    #[test]
    fn true_division_rounds_correctly() {
        let p1024 = BigInt::one() << 1024usize;
        let p1075 = BigInt::one() << 1075usize;
        let r = |a: &BigInt, b: &BigInt| ratio_to_f64(a, b);
        assert_eq!(
            r(&(&p1024 >> 1usize), &BigInt::from(1)),
            Some(8.98846567431158e307)
        );
        assert_eq!(r(&p1024, &BigInt::from(1)), None);
        assert_eq!(r(&BigInt::from(1), &p1075), Some(0.0));
        assert_eq!(r(&BigInt::from(3), &p1075), Some(1e-323));
        assert_eq!(r(&BigInt::from(1), &(&p1075 >> 1usize)), Some(5e-324));
        let a = BigInt::from(3).pow(300u32);
        let b = BigInt::from(7).pow(200u32);
        assert_eq!(r(&a, &b), Some(1.3084839895894647e-26));
        let (a, b) = (BigInt::from(10).pow(500u32), BigInt::from(10).pow(499u32));
        assert_eq!(r(&a, &b), Some(10.0));
        assert_eq!(r(&-&a, &(&b * &b)), Some(-0.0));
        check_binary(&[
            (
                &p1024.to_string(),
                "/",
                "1",
                "OverflowError: integer division result too large for a float",
            ),
            (
                &(&a / 3u32).to_string(),
                "/",
                "1",
                "OverflowError: integer division result too large for a float",
            ),
        ]);
    }

    #[test]
    fn int_to_float_rounds_half_even() {
        let f = |s: &str| show(to_f64(&v(s)).map(|r| r.map(Value::Float)));
        assert_eq!(f("9007199254740993"), "9007199254740992.0");
        assert_eq!(f("9007199254740995"), "9007199254740996.0");
        assert_eq!(f("-9007199254740995"), "-9007199254740996.0");
        assert_eq!(f("36893488147419107329"), "3.689348814741911e+19"); // 2**65 + 2**12 + 1
        let max = (BigInt::one() << 1024usize) - (BigInt::one() << 970usize);
        assert_eq!(
            f(&max.to_string()),
            "OverflowError: int too large to convert to float"
        );
        assert_eq!(f(&(&max - 1u32).to_string()), "1.7976931348623157e+308");
        assert!(to_f64(&Value::None).is_none());
    }

    #[test]
    fn zero_division_messages() {
        let z = "ZeroDivisionError: ";
        let cases = [
            ("1", "/", "0", "division by zero"),
            ("1", "//", "0", "integer division or modulo by zero"),
            ("1", "%", "0", "integer modulo by zero"),
            ("1", "/", "0.0", "float division by zero"),
            ("1", "//", "0.0", "float floor division by zero"),
            ("1", "%", "-0.0", "float modulo"),
            ("0", "**", "-1", "0.0 cannot be raised to a negative power"),
            (
                "1267650600228229401496703205376",
                "//",
                "0",
                "integer division or modulo by zero",
            ),
            (
                "1267650600228229401496703205376",
                "%",
                "0",
                "integer modulo by zero",
            ),
            (
                "1267650600228229401496703205376",
                "/",
                "0",
                "division by zero",
            ),
        ];
        for (a, o, b, msg) in cases {
            assert_eq!(
                show(binary_op(op(o), &v(a), &v(b))),
                format!("{z}{msg}"),
                "{a} {o} {b}"
            );
        }
        let d = |a: &str, b: &str| divmod(&v(a), &v(b)).unwrap().map(|_| ()).unwrap_err();
        assert!(
            matches!(d("1", "0"), Raise::New(_, m) if m == "integer division or modulo by zero")
        );
        assert!(matches!(d("1", "0.0"), Raise::New(_, m) if m == "float divmod()"));
    }

    #[test]
    fn mixed_int_and_float() {
        let huge = BigInt::from(10).pow(400u32).to_string();
        check_binary(&[
            ("7", "//", "2.5", "2.0"),
            ("-7", "%", "2.5", "0.5"),
            ("1", "-", "1e16", "-1e+16"),
            ("9223372036854775808", "//", "2.0", "4.611686018427388e+18"),
            (
                "10",
                "**",
                "400.0",
                "OverflowError: (34, 'Numerical result out of range')",
            ),
            ("-8", "**", "0.5", "None"),
            ("1", "<<", "1.0", "None"),
            (
                &huge,
                "+",
                "1.0",
                "OverflowError: int too large to convert to float",
            ),
            (&huge, "&", "1.0", "None"),
            (
                &huge,
                "**",
                "-1",
                "OverflowError: int too large to convert to float",
            ),
            (
                "2.0",
                "**",
                &huge,
                "OverflowError: int too large to convert to float",
            ),
            (&huge, "**", "0", "1"),
        ]);
        assert!(binary_op(Operator::Add, &v("1"), &Value::None).is_none());
    }

    #[test]
    fn unary_operators() {
        let u = |o: UnaryOp, s: &str| show(unary_op(o, &v(s)));
        assert_eq!(u(UnaryOp::USub, MIN), "9223372036854775808");
        assert_eq!(u(UnaryOp::USub, "9223372036854775808"), MIN);
        assert_eq!(u(UnaryOp::Invert, "5"), "-6");
        assert_eq!(u(UnaryOp::Invert, "True"), "-2");
        assert_eq!(u(UnaryOp::USub, "True"), "-1");
        assert_eq!(u(UnaryOp::UAdd, "True"), "1");
        assert_eq!(
            u(UnaryOp::Invert, "1267650600228229401496703205376"),
            "-1267650600228229401496703205377"
        );
        assert_eq!(u(UnaryOp::USub, "0.0"), "-0.0");
        assert_eq!(u(UnaryOp::Invert, "1.5"), "None");
        assert_eq!(u(UnaryOp::Not, "1"), "None");
    }

    #[test]
    fn comparisons_are_exact() {
        let c = |a: &str, o: CmpOp, b: &str| compare(o, &v(a), &v(b)).unwrap();
        let p53 = "9007199254740992.0";
        assert!(!c("9007199254740993", CmpOp::Eq, p53));
        assert!(c("9007199254740993", CmpOp::Gt, p53));
        assert!(c("9007199254740993", CmpOp::Lt, "9007199254740994.0"));
        assert!(c("9223372036854775808", CmpOp::Eq, "9.223372036854776e+18"));
        assert!(c(MAX, CmpOp::Lt, "9.223372036854776e+18"));
        assert!(c(MIN, CmpOp::Eq, "-9.223372036854776e+18"));
        assert!(c(
            "18446744073709551615",
            CmpOp::Lt,
            "1.8446744073709552e+19"
        ));
        let huge = BigInt::from(10).pow(400u32).to_string();
        assert!(c(&huge, CmpOp::Lt, "inf") && c(&huge, CmpOp::Gt, "1e308"));
        assert!(!c(&huge, CmpOp::Gt, "nan") && c(&huge, CmpOp::NotEq, "nan"));
        assert!(
            c("-1", CmpOp::Lt, "-0.5") && c("0", CmpOp::Eq, "-0.0") && c("True", CmpOp::Eq, "1.0")
        );
        assert!(
            c("-7", CmpOp::Gt, "-7.5") && c("7", CmpOp::LtE, "7.5") && !c("7", CmpOp::GtE, "7.5")
        );
        assert!(
            c("9223372036854775808", CmpOp::Gt, MAX) && c(MIN, CmpOp::Gt, "-9223372036854775809")
        );
        assert!(compare(CmpOp::Is, &v("1"), &v("1")).is_none());
        assert!(compare(CmpOp::Eq, &v("1"), &Value::None).is_none());
    }

    #[test]
    fn hashes_match_cpython() {
        let cases = [
            ("-1", -2),
            ("1", 1),
            ("True", 1),
            ("1.0", 1),
            ("2305843009213693951", 0),
            ("2305843009213693952", 1),
            ("-2305843009213693952", -2),
            ("2305843009213693950", 2305843009213693950),
            ("18446744073709551616", 8),
            ("-18446744073709551611", -3),
            (MAX, 3),
            (MIN, -4),
            ("1000000000000000000000000000000", 465258685558744706),
            ("-1267650600228229401496703205376", -549755813888),
            ("1.5", 1152921504606846977),
        ];
        for (s, h) in cases {
            assert_eq!(hash(&v(s)), Some(h), "hash({s})");
        }
        let googol = BigInt::from(10).pow(100u32);
        assert_eq!(hash(&normalize(googol.clone())), Some(910685213754167845));
        assert_eq!(hash(&normalize(-googol)), Some(-910685213754167845));
        assert_eq!(hash(&Value::None), None);
    }

    #[test]
    fn divmod_pairs() {
        let d = |a: &str, b: &str| {
            let (q, r) = divmod(&v(a), &v(b)).unwrap().unwrap();
            format!("({}, {})", show(Some(Ok(q))), show(Some(Ok(r))))
        };
        assert_eq!(d("7", "-2"), "(-4, -1)");
        assert_eq!(d(MIN, "-1"), "(9223372036854775808, 0)");
        assert_eq!(d("-7.5", "2"), "(-4.0, 0.5)");
        assert_eq!(
            d("-1267650600228229401496703205376", "7"),
            "(-181092942889747057356671886483, 5)"
        );
        assert_eq!(d("3", "0.5"), "(6.0, 0.0)");
    }

    #[test]
    fn three_argument_pow() {
        let p = |a: &str, b: &str, m: &str| show(Some(pow3(&v(a), &v(b), &v(m))));
        assert_eq!(p("2", "3", "-5"), "-2");
        assert_eq!(p("-2", "3", "5"), "2");
        assert_eq!(p("-2", "3", "-5"), "-3");
        assert_eq!(p("3", "-1", "7"), "5");
        assert_eq!(p("2", "-1", "-3"), "-1");
        assert_eq!(p("2", "-2", "7"), "2");
        assert_eq!(p("2", "-1", "1"), "0");
        assert_eq!(p("0", "0", "1"), "0");
        assert_eq!(p("2", "3", "True"), "0");
        assert_eq!(p("1267650600228229401496703205376", "-1", "7"), "4");
        assert_eq!(p(MAX, MAX, MIN), "-1");
        assert_eq!(
            p("2", "3", "0"),
            "ValueError: pow() 3rd argument cannot be 0"
        );
        assert_eq!(
            p("6", "-1", "9"),
            "ValueError: base is not invertible for the given modulus"
        );
        let s = PyStr::value("a");
        assert_eq!(
            show(Some(pow3(&s, &v("2"), &v("3")))),
            "TypeError: unsupported operand type(s) for ** or pow(): 'str', 'int', 'int'"
        );
        assert_eq!(
            p("2.0", "3", "5"),
            "TypeError: pow() 3rd argument not allowed unless all arguments are integers"
        );
    }

    #[test]
    fn round_ints_half_even() {
        let r = |s: &str, n: Option<i64>| show(Some(round_int(&v(s), n)));
        assert_eq!(r("12345", Some(-2)), "12300");
        assert_eq!(r("12350", Some(-2)), "12400");
        assert_eq!(r("12250", Some(-2)), "12200");
        assert_eq!(r("-12250", Some(-2)), "-12200");
        assert_eq!(r("-15", Some(-1)), "-20");
        assert_eq!(r("-25", Some(-1)), "-20");
        assert_eq!(r("5", Some(-1)), "0");
        assert_eq!(r("12345", Some(2)), "12345");
        assert_eq!(r("True", Some(0)), "1");
        assert_eq!(r(MAX, Some(-1)), "9223372036854775810");
        assert_eq!(r(MIN, Some(-1)), "-9223372036854775810");
        assert_eq!(r("6000000000000000000", Some(-19)), "10000000000000000000");
        assert_eq!(r(MAX, Some(-20)), "0");
        assert_eq!(r("1", Some(i64::MIN)), "0");
        let p = |k: u32| BigInt::from(10).pow(k);
        assert_eq!(
            r(&(p(99) * 15u32).to_string(), Some(-100)),
            (p(100) * 2u32).to_string()
        );
        assert_eq!(r(&(p(99) * 5u32).to_string(), Some(-100)), "0");
        assert_eq!(show(Some(round_int(&v("1.5"), None))), "2");
        assert_eq!(show(Some(round_int(&v("2.675"), Some(2)))), "2.67");
        assert_eq!(
            show(Some(round_int(&Value::None, None))),
            "TypeError: type NoneType doesn't define __round__ method"
        );
    }

    #[test]
    fn parses_int_strings() {
        let p = |s: &str, base: u32| show(Some(from_str(s, base)));
        assert_eq!(p(" 0x1f ", 0), "31");
        assert_eq!(p("0x_10", 0), "16");
        assert_eq!(p("-0x10", 0), "-16");
        assert_eq!(p("0b1", 16), "177");
        assert_eq!(p("0_0", 0), "0");
        assert_eq!(p("1_000", 0), "1000");
        assert_eq!(p("Z", 36), "35");
        assert_eq!(p("\u{661}\u{662}", 10), "12");
        assert_eq!(p("\u{660}x1", 0), "1");
        assert_eq!(p("\u{a0}12\u{3000}", 10), "12");
        assert_eq!(p("9223372036854775808", 10), "9223372036854775808");
        assert_eq!(p(MIN, 10), MIN);
        let bad = |s: &str, base: u32| {
            format!("ValueError: invalid literal for int() with base {base}: '{s}'")
        };
        for (s, base) in [
            ("010", 0),
            ("0_1", 0),
            ("0x", 16),
            ("0b", 2),
            ("1__0", 10),
            ("_1", 10),
            ("1_", 10),
            ("0x__10", 0),
            ("+ 1", 10),
            ("", 0),
            ("0 0", 0),
        ] {
            assert_eq!(p(s, base), bad(s, base));
        }
        assert_eq!(
            p("12\x1c", 10),
            "ValueError: invalid literal for int() with base 10: '12\\x1c'"
        );
        assert_eq!(
            p("5", 1),
            "ValueError: int() base must be >= 2 and <= 36, or 0"
        );
        let long = p(&"x".repeat(300), 10);
        assert_eq!(
            long.len(),
            "ValueError: invalid literal for int() with base 10: ".len() + 200
        );
        let limit = |n: usize| {
            format!("ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit")
        };
        assert_eq!(p(&"0".repeat(4301), 10), limit(4301));
        assert_eq!(p(&format!("{}x", "1".repeat(5000)), 10), limit(5000));
        assert!(from_str(&"1".repeat(4300), 10).is_ok());
        assert!(from_str(&"1".repeat(5000), 16).is_ok());
    }

    #[test]
    fn str_of_int_has_a_digit_limit() {
        let ok = normalize(BigInt::from(10).pow(4300u32) - 1u32);
        assert_eq!(repr(&ok).unwrap().unwrap().len(), 4300);
        for x in [
            BigInt::from(10).pow(4300u32),
            -BigInt::from(10).pow(4300u32),
            BigInt::one() << 100_000usize,
        ] {
            assert!(matches!(
                repr(&normalize(x)).unwrap(),
                Err(Raise::New(ExcKind::ValueError, m)) if m == "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
            ));
        }
        assert_eq!(repr(&Value::Bool(true)).unwrap().unwrap(), "True");
        assert!(repr(&Value::Float(1.0)).is_none());
    }

    #[test]
    fn converts_floats_to_ints() {
        let f = |x: f64| show(Some(from_f64(x)));
        assert_eq!(f(-1.9), "-1");
        assert_eq!(f(-0.5), "0");
        assert_eq!(f(1e20), "100000000000000000000");
        assert_eq!(f(-9223372036854775808.0), MIN);
        assert_eq!(f(9223372036854775808.0), "9223372036854775808");
        assert!(f(1.7976931348623157e308).ends_with("368"));
        assert_eq!(
            f(f64::INFINITY),
            "OverflowError: cannot convert float infinity to integer"
        );
        assert_eq!(
            f(f64::NAN),
            "ValueError: cannot convert float NaN to integer"
        );
    }

    #[test]
    fn truthiness_and_digits() {
        assert_eq!(truthy(&v("0")), Some(false));
        assert_eq!(truthy(&v("-0.0")), Some(false));
        assert_eq!(truthy(&v("9223372036854775808")), Some(true));
        assert_eq!(truthy(&Value::None), None);
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{1d7d9}'), Some(1));
        assert_eq!(decimal_value('\u{663}'), Some(3));
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('\u{b2}'), None); // superscript two is not Nd
    }
}
