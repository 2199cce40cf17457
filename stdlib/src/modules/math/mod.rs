//! The `math` module, as CPython 3.11's: the C library's functions on
//! floats with CPython's error rules (a NaN from a non-NaN argument is
//! ValueError 'math domain error', an infinity from a finite one is
//! OverflowError 'math range error' or, at a pole, the domain error), and
//! the exact integer functions on unbounded ints.

mod float_bits;
mod ints;
pub(crate) mod libm;
mod special;
mod sums;

use crate::args::Kw;
use crate::num::{self, domain_error, range_error};
use gilt_vm::builtins::import;
use gilt_vm::eval::{attr, ops};
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::{int, NativeFn, Object};
use gilt_vm::value::Value;
use num_traits::Signed;
use std::f64::consts::{E, PI, TAU};

/// Fill the `math` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("acos", acos),
        ("acosh", acosh),
        ("asin", asin),
        ("asinh", asinh),
        ("atan", atan),
        ("atanh", atanh),
        ("cbrt", cbrt),
        ("cos", cos),
        ("cosh", cosh),
        ("exp", exp),
        ("exp2", exp2),
        ("expm1", expm1),
        ("fabs", fabs),
        ("log1p", log1p),
        ("sin", sin),
        ("sinh", sinh),
        ("sqrt", sqrt),
        ("tan", tan),
        ("tanh", tanh),
        ("erf", special::erf),
        ("erfc", special::erfc),
        ("gamma", special::gamma),
        ("lgamma", special::lgamma),
        ("degrees", degrees),
        ("radians", radians),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("pow", pow),
        ("atan2", atan2),
        ("copysign", copysign),
        ("fmod", fmod),
        ("remainder", remainder),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
        ("frexp", float_bits::frexp),
        ("ldexp", float_bits::ldexp),
        ("modf", float_bits::modf),
        ("nextafter", float_bits::nextafter),
        ("ulp", float_bits::ulp),
        ("factorial", ints::factorial),
        ("comb", ints::comb),
        ("perm", ints::perm),
        ("gcd", ints::gcd),
        ("lcm", ints::lcm),
        ("isqrt", ints::isqrt),
        ("fsum", sums::fsum),
        ("prod", sums::prod),
        ("hypot", sums::hypot),
        ("dist", sums::dist),
    ];
    import::add_functions(vm, module, functions);
    for (name, value) in [
        ("pi", PI),
        ("e", E),
        ("tau", TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        import::set_attr(vm, module, name, Value::Float(value));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Arguments

/// The one argument of a function taking exactly one (`func` as
/// `math.sqrt`).
pub(crate) fn one<'a>(func: &str, args: &'a [Value], kwargs: &Kw) -> PyResult<&'a Value> {
    if !kwargs.is_empty() {
        return Err(no_keywords(func));
    }
    match args {
        [x] => Ok(x),
        _ => Err(Raise::type_error(format!(
            "{func}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// The two positional-only arguments of `math.name`.
pub(crate) fn two<'a>(
    name: &str,
    args: &'a [Value],
    kwargs: &Kw,
) -> PyResult<(&'a Value, &'a Value)> {
    if !kwargs.is_empty() {
        return Err(no_keywords(&format!("math.{name}")));
    }
    match args {
        [x, y] => Ok((x, y)),
        _ => Err(Raise::type_error(format!(
            "{name} expected 2 arguments, got {}",
            args.len()
        ))),
    }
}

/// TypeError 'math.hypot() takes no keyword arguments'.
pub(crate) fn no_keywords(func: &str) -> Raise {
    Raise::type_error(format!("{func}() takes no keyword arguments"))
}

// ---------------------------------------------------------------------------
// Functions of one float

/// Apply a C library function of one float with CPython's `math_1` rules:
/// a NaN from a non-NaN is a domain error; an infinity from a finite
/// argument is OverflowError if `overflows`, else (a pole) a domain error.
fn math_1(
    vm: &mut Vm,
    func: &str,
    args: &[Value],
    kwargs: &Kw,
    f: fn(f64) -> f64,
    overflows: bool,
) -> PyResult<Value> {
    let x = num::real(vm, one(func, args, kwargs)?)?;
    Ok(Value::Float(checked_1(x, f(x), overflows)?))
}

/// The result `r` of a one-argument function at `x`, or its error.
pub(crate) fn checked_1(x: f64, r: f64, overflows: bool) -> PyResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if overflows {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(r)
}

/// One native function per C library function: name, function, and whether
/// an infinite result from a finite argument is an overflow.
macro_rules! float_functions {
    ($($name:ident => $f:expr, $overflows:expr;)*) => {$(
        fn $name(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
            math_1(vm, concat!("math.", stringify!($name)), args, kwargs, $f, $overflows)
        }
    )*};
}

float_functions! {
    acos => f64::acos, false;
    acosh => libm::acosh, false;
    asin => f64::asin, false;
    asinh => libm::asinh, false;
    atan => f64::atan, false;
    atanh => libm::atanh, false;
    cbrt => libm::cbrt, false;
    cos => f64::cos, false;
    cosh => f64::cosh, true;
    exp => f64::exp, true;
    exp2 => f64::exp2, true;
    expm1 => f64::exp_m1, true;
    fabs => f64::abs, false;
    log1p => f64::ln_1p, false;
    sin => f64::sin, false;
    sinh => f64::sinh, true;
    sqrt => f64::sqrt, false;
    tan => f64::tan, false;
    tanh => f64::tanh, false;
    degrees => |x| x * (180.0 / PI), true;
    radians => |x| x * (PI / 180.0), true;
}

fn isfinite(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let x = num::real(vm, one("math.isfinite", args, kwargs)?)?;
    Ok(Value::Bool(x.is_finite()))
}

fn isinf(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let x = num::real(vm, one("math.isinf", args, kwargs)?)?;
    Ok(Value::Bool(x.is_infinite()))
}

fn isnan(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let x = num::real(vm, one("math.isnan", args, kwargs)?)?;
    Ok(Value::Bool(x.is_nan()))
}

// ---------------------------------------------------------------------------
// Rounding to ints

/// Whether `v` is an int (or bool, or an int subclass instance).
fn is_int(v: &Value) -> bool {
    match v.builtin_view() {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) => matches!(o.get(), Object::BigInt(_)),
        _ => false,
    }
}

/// floor/ceil: ints as they are, `__floor__`/`__ceil__` when the class has
/// one, else the float rounded by `f` and made an int.
fn round_to_int(
    vm: &mut Vm,
    func: &str,
    dunder: &str,
    args: &[Value],
    kwargs: &Kw,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let x = one(func, args, kwargs)?;
    if let Value::Float(v) = x {
        return int::from_f64(f(*v));
    }
    if matches!(x.as_object(), Some(Object::Instance(_))) {
        if let Some(r) = ops::call_dunder(vm, x, dunder, Vec::new())? {
            return Ok(r);
        }
    }
    if is_int(x) {
        return Ok(num::from_big(num::to_big(x.builtin_view())));
    }
    int::from_f64(f(num::real(vm, x)?))
}

fn floor(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    round_to_int(vm, "math.floor", "__floor__", args, kwargs, f64::floor)
}

fn ceil(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    round_to_int(vm, "math.ceil", "__ceil__", args, kwargs, f64::ceil)
}

fn trunc(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let x = one("math.trunc", args, kwargs)?;
    match x.builtin_view() {
        Value::Float(v) => return int::from_f64(*v),
        v if is_int(v) => return Ok(num::from_big(num::to_big(v))),
        _ => {}
    }
    if matches!(x.as_object(), Some(Object::Instance(_))) {
        if let Some(r) = ops::call_dunder(vm, x, "__trunc__", Vec::new())? {
            return Ok(r);
        }
    }
    Err(Raise::type_error(format!(
        "type {} doesn't define __trunc__ method",
        attr::type_name(vm, x)
    )))
}

// ---------------------------------------------------------------------------
// Logarithms

/// A logarithm of `x` (CPython's `loghelper`): ints too large for a float
/// are split as `m * 2**e` first, so `log(2**5000)` works.
fn log_of(vm: &mut Vm, x: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if is_int(x) {
        let big = num::to_big(x.builtin_view());
        if !big.is_positive() {
            return Err(domain_error());
        }
        if let Some(Ok(v)) = int::to_f64(&num::from_big(big.clone())) {
            return log_float(v, f);
        }
        let (m, e) = float_bits::big_frexp(&big);
        return Ok(f(m) + f(2.0) * e as f64);
    }
    log_float(num::real(vm, x)?, f)
}

/// `f(x)` for a float: infinities and NaNs pass, non-positive numbers are a
/// domain error.
fn log_float(x: f64, f: fn(f64) -> f64) -> PyResult<f64> {
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error());
    }
    Ok(f(x))
}

fn log(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(no_keywords("log"));
    }
    let (x, base) = match args {
        [x] => (x, None),
        [x, b] => (x, Some(b)),
        _ => return Err(Raise::type_error("math.log requires 1 to 2 arguments")),
    };
    let num = log_of(vm, x, f64::ln)?;
    let Some(base) = base else {
        return Ok(Value::Float(num));
    };
    let den = log_of(vm, base, f64::ln)?;
    if den == 0.0 {
        return Err(Raise::new(
            ExcKind::ZeroDivisionError,
            "float division by zero",
        ));
    }
    Ok(Value::Float(num / den))
}

fn log2(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let x = one("math.log2", args, kwargs)?;
    Ok(Value::Float(log_of(vm, x, f64::log2)?))
}

fn log10(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let x = one("math.log10", args, kwargs)?;
    Ok(Value::Float(log_of(vm, x, f64::log10)?))
}

// ---------------------------------------------------------------------------
// Functions of two floats

/// Two float arguments of `math.name`.
fn two_reals(vm: &mut Vm, name: &str, args: &[Value], kwargs: &Kw) -> PyResult<(f64, f64)> {
    let (x, y) = two(name, args, kwargs)?;
    Ok((num::real(vm, x)?, num::real(vm, y)?))
}

/// CPython's `math_2` rule: a NaN from non-NaN arguments is a domain error.
fn checked_2(x: f64, y: f64, r: f64) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(Value::Float(r))
}

fn atan2(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (y, x) = two_reals(vm, "atan2", args, kwargs)?;
    checked_2(y, x, y.atan2(x))
}

fn copysign(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (x, y) = two_reals(vm, "copysign", args, kwargs)?;
    Ok(Value::Float(x.copysign(y)))
}

fn fmod(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (x, y) = two_reals(vm, "fmod", args, kwargs)?;
    // fmod(x, ±inf) is x for finite x.
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    checked_2(x, y, x % y)
}

fn remainder(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (x, y) = two_reals(vm, "remainder", args, kwargs)?;
    checked_2(x, y, ieee_remainder(x, y))
}

/// IEEE 754 remainder: `x - n*y` with `n` the integer nearest `x/y` (ties
/// to even), computed exactly.
fn ieee_remainder(x: f64, y: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() || y == 0.0 {
        return f64::NAN;
    }
    if y.is_infinite() {
        return x;
    }
    let (ax, ay) = (x.abs(), y.abs());
    let m = ax % ay;
    let c = ay - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Halfway: pick the even multiple. `0.5 * (ax - m)` is exact.
        m - 2.0 * ((0.5 * (ax - m)) % ay)
    };
    1.0f64.copysign(x) * r
}

fn pow(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (x, y) = two_reals(vm, "pow", args, kwargs)?;
    if !x.is_finite() || !y.is_finite() {
        return Ok(Value::Float(pow_special(x, y)));
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() {
        // 0 to a negative power is a pole; anything else overflowed.
        return Err(if x == 0.0 {
            domain_error()
        } else {
            range_error()
        });
    }
    Ok(Value::Float(r))
}

/// `x ** y` when either is infinite or NaN, as C99 Annex F says.
fn pow_special(x: f64, y: f64) -> f64 {
    if x.is_nan() {
        return if y == 0.0 { 1.0 } else { x };
    }
    if y.is_nan() {
        return if x == 1.0 { 1.0 } else { y };
    }
    if x.is_infinite() {
        let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
        return if y > 0.0 {
            if odd_y {
                x
            } else {
                x.abs()
            }
        } else if y == 0.0 {
            1.0
        } else if odd_y {
            0.0f64.copysign(x)
        } else {
            0.0
        };
    }
    if x.abs() == 1.0 {
        1.0
    } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
        f64::INFINITY
    } else {
        0.0
    }
}

fn isclose(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(Raise::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let names = ["a", "b", "rel_tol", "abs_tol"];
    let mut slots: [Option<Value>; 4] = [None, None, None, None];
    for (slot, a) in slots.iter_mut().zip(args) {
        *slot = Some(a.clone());
    }
    for (k, v) in kwargs {
        let Some(i) = names.iter().position(|n| *n == &**k) else {
            return Err(Raise::type_error(format!(
                "'{k}' is an invalid keyword argument for isclose()"
            )));
        };
        if slots[i].is_some() {
            return Err(Raise::type_error(format!(
                "argument for isclose() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        slots[i] = Some(v.clone());
    }
    let mut values = [0.0, 0.0, 1e-9, 0.0];
    for (i, slot) in slots.iter().enumerate() {
        match slot {
            Some(v) => values[i] = num::real(vm, v)?,
            None if i < 2 => {
                return Err(Raise::type_error(format!(
                    "isclose() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                )))
            }
            None => {}
        }
    }
    let [a, b, rel_tol, abs_tol] = values;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(Raise::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}
