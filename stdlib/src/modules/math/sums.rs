//! `math`'s functions of many numbers: `fsum` (exact, Shewchuk's
//! partials as CPython keeps them), `prod`, and the norms `hypot` and
//! `dist` (CPython 3.11's scaled, compensated sum of squares).

use super::no_keywords;
use crate::args::Kw;
use crate::num;
use gilt_vm::eval::{iter, ops};
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::Object;
use gilt_vm::value::Value;

/// BINARY_OP's argument for `*`.
const MULTIPLY: u32 = 5;

pub fn fsum(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let iterable = super::one("math.fsum", args, kwargs)?;
    let it = iter::get_iter(vm, iterable)?;
    // Nonoverlapping partials, smallest magnitude first; their exact sum is
    // the sum of everything seen.
    let mut partials: Vec<f64> = Vec::new();
    let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = iter::next(vm, &it)? {
        let original = num::real(vm, &item)?;
        let mut x = original;
        let mut kept = 0;
        for i in 0..partials.len() {
            let mut y = partials[i];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x == 0.0 {
            continue;
        }
        if x.is_finite() {
            partials.push(x);
            continue;
        }
        if original.is_finite() {
            return Err(Raise::new(
                ExcKind::OverflowError,
                "intermediate overflow in fsum",
            ));
        }
        if original.is_infinite() {
            inf_sum += original;
        }
        special += original;
        partials.clear();
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(Raise::value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    Ok(Value::Float(round_partials(&partials)))
}

/// The float nearest the exact sum of `partials` (ascending magnitudes).
fn round_partials(partials: &[f64]) -> f64 {
    let mut n = partials.len();
    if n == 0 {
        return 0.0;
    }
    n -= 1;
    let mut hi = partials[n];
    let mut lo = 0.0;
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = partials[n];
        hi = x + y;
        lo = y - (hi - x);
        if lo != 0.0 {
            break;
        }
    }
    // Round half to even correctly: when the rest lies on the same side as
    // `lo`, the sum is past the halfway point `lo` made.
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        if y == x - hi {
            hi = x;
        }
    }
    hi
}

pub fn prod(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [iterable] = args else {
        return Err(Raise::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    };
    let mut acc = Value::Int(1);
    for (k, v) in kwargs {
        if &**k != "start" {
            return Err(Raise::type_error(format!(
                "'{k}' is an invalid keyword argument for prod()"
            )));
        }
        acc = v.clone();
    }
    let it = iter::get_iter(vm, iterable)?;
    while let Some(item) = iter::next(vm, &it)? {
        acc = ops::binary(vm, MULTIPLY, &acc, &item)?;
    }
    Ok(acc)
}

pub fn hypot(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(no_keywords("math.hypot"));
    }
    let mut coords = Vec::with_capacity(args.len());
    for a in args {
        coords.push(num::real(vm, a)?.abs());
    }
    Ok(Value::Float(norm(&mut coords)))
}

pub fn dist(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (p, q) = super::two("dist", args, kwargs)?;
    let p = as_items(vm, p)?;
    let q = as_items(vm, q)?;
    if p.len() != q.len() {
        return Err(Raise::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(&q) {
        let (a, b) = (num::real(vm, a)?, num::real(vm, b)?);
        diffs.push((a - b).abs());
    }
    Ok(Value::Float(norm(&mut diffs)))
}

/// A point's coordinates: a tuple's items, or any iterable's.
fn as_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v.as_object() {
        Some(Object::Tuple(t)) => Ok(t.to_vec()),
        _ => iter::collect(vm, v),
    }
}

/// `sqrt(sum(x*x for x in v))` for non-negative `v`, without overflow or
/// underflow and almost always correctly rounded: the values are scaled by
/// a power of two near the largest, squared exactly (Veltkamp-Dekker split),
/// summed with compensation against a leading 1.0, and the square root gets
/// one differential correction.
fn norm(v: &mut [f64]) -> f64 {
    let max = v.iter().fold(0.0f64, |m, &x| if x > m { x } else { m });
    if max.is_infinite() {
        return max;
    }
    if v.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (_, max_e) = super::float_bits::split(max);
    if max_e < -1023 {
        // 2**-max_e would overflow: make subnormals normal first.
        for x in v.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * norm(v);
    }
    let scale = super::float_bits::scale(1.0, -max_e as i64);
    let mut sum = Compensated::new();
    for &x in v.iter() {
        sum.add_square(x * scale, 1.0);
    }
    let h = sum.value().sqrt();
    sum.add_square(h, -1.0);
    let x = sum.value();
    (h + x / (2.0 * h)) / scale
}

/// A sum kept as a leading part (starting at 1.0, so it is always the
/// larger operand) and three accumulators of what each addition lost.
struct Compensated {
    sum: f64,
    frac: [f64; 3],
}

/// `2**27 + 1`, the Veltkamp-Dekker splitting constant.
const SPLIT: f64 = 134217729.0;

impl Compensated {
    fn new() -> Compensated {
        Compensated {
            sum: 1.0,
            frac: [0.0; 3],
        }
    }

    /// Add `sign * x * x`, the square split into exact pieces.
    fn add_square(&mut self, x: f64, sign: f64) {
        let t = x * SPLIT;
        let hi = t - (t - x);
        let lo = x - hi;
        self.add(0, sign * hi * hi);
        self.add(1, sign * 2.0 * hi * lo);
        if sign > 0.0 {
            self.frac[2] += lo * lo;
        } else {
            self.add(2, -lo * lo);
        }
    }

    /// Add `x` to the leading part, keeping what rounding lost in `frac[i]`.
    fn add(&mut self, i: usize, x: f64) {
        let old = self.sum;
        self.sum += x;
        self.frac[i] += (old - self.sum) + x;
    }

    fn value(&self) -> f64 {
        self.sum - 1.0 + (self.frac[0] + self.frac[1] + self.frac[2])
    }
}
