//! `math`'s exact integer functions: `factorial`, `comb`, `perm`, `gcd`,
//! `lcm`, `isqrt`, on unbounded ints taken through `__index__`.

use super::{no_keywords, one};
use crate::args::Kw;
use crate::num;
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// The product of the ints in `lo..=hi`, split in halves so the big
/// multiplications have operands of similar size.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut p = BigInt::from(lo);
        for k in lo + 1..=hi {
            p *= k;
        }
        return p;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

pub fn factorial(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let n = num::index(vm, one("math.factorial", args, kwargs)?)?;
    if n.is_negative() {
        return Err(Raise::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let Some(n) = n.to_i64() else {
        return Err(Raise::new(
            ExcKind::OverflowError,
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    Ok(num::from_big(range_product(1, n as u64)))
}

/// The two ints of `comb`/`perm`, checked non-negative.
fn n_and_k(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let (n, k) = (num::index(vm, n)?, num::index(vm, k)?);
    if n.is_negative() {
        return Err(Raise::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(Raise::value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// `n * (n-1) * ... * (n-k+1)`, `k <= n`.
fn falling(n: &BigInt, k: u64) -> BigInt {
    if let Some(n) = n.to_u64() {
        return range_product(n - k + 1, n);
    }
    let mut p = BigInt::one();
    let mut f = n.clone();
    for _ in 0..k {
        p *= &f;
        f -= 1;
    }
    p
}

pub fn comb(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (n, k) = super::two("comb", args, kwargs)?;
    let (n, k) = n_and_k(vm, n, k)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(Raise::new(
            ExcKind::OverflowError,
            "min(n - k, k) must not exceed 9223372036854775807",
        ));
    };
    Ok(num::from_big(falling(&n, k) / range_product(1, k)))
}

pub fn perm(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(no_keywords("math.perm"));
    }
    let (n, k) = match args {
        [n] => (n, &Value::None),
        [n, k] => (n, k),
        _ if args.is_empty() => {
            return Err(Raise::type_error(
                "perm expected at least 1 argument, got 0",
            ))
        }
        _ => {
            return Err(Raise::type_error(format!(
                "perm expected at most 2 arguments, got {}",
                args.len()
            )))
        }
    };
    if matches!(k, Value::None) {
        return factorial(vm, std::slice::from_ref(n), &[]);
    }
    let (n, k) = n_and_k(vm, n, k)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(Raise::new(
            ExcKind::OverflowError,
            "k must not exceed 9223372036854775807",
        ));
    };
    Ok(num::from_big(falling(&n, k)))
}

/// The ints of `gcd`/`lcm`, folded by `f` from `start`.
fn fold(
    vm: &mut Vm,
    func: &str,
    args: &[Value],
    kwargs: &Kw,
    start: i64,
    f: fn(&BigInt, &BigInt) -> BigInt,
) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(no_keywords(func));
    }
    let mut acc = BigInt::from(start);
    for a in args {
        let x = num::index(vm, a)?;
        acc = f(&acc, &x);
    }
    if args.len() == 1 {
        acc = acc.abs();
    }
    Ok(num::from_big(acc))
}

pub fn gcd(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    fold(vm, "math.gcd", args, kwargs, 0, |a, b| a.gcd(b))
}

pub fn lcm(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    fold(vm, "math.lcm", args, kwargs, 1, |a, b| {
        if a.is_zero() || b.is_zero() {
            BigInt::zero()
        } else {
            a.lcm(b)
        }
    })
}

pub fn isqrt(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let n = num::index(vm, one("math.isqrt", args, kwargs)?)?;
    if n.is_negative() {
        return Err(Raise::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(num::from_big(n.sqrt()))
}
