//! The `cmath` module: complex square root, exponential, logarithms, the
//! trigonometric and hyperbolic functions and their inverses, `phase`,
//! `polar`, `rect`, the classifiers and `isclose`, computed for finite
//! arguments as CPython 3.11's cmathmodule.c computes them (scaling to dodge
//! overflow near the extremes, `log1p` near the unit circle), so results
//! agree bit for bit. Infinite and NaN arguments follow C99 Annex G's main
//! rules (an infinity in, an infinity or NaN out) rather than CPython's full
//! special-value tables.

use crate::args::Kw;
use crate::num::{self, domain_error, range_error};
use gilt_vm::builtins::import;
use gilt_vm::eval::{attr, ops};
use gilt_vm::exc::{PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::complex::{self, Complex};
use gilt_vm::object::{NativeFn, Object};
use gilt_vm::value::Value;
use std::f64::consts::{E, LN_10, LN_2, PI, TAU};

/// Past this, squaring or adding magnitudes could overflow.
const LARGE: f64 = f64::MAX / 4.0;

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

fn log_large() -> f64 {
    LARGE.ln()
}

/// Fill the `cmath` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("log", log),
        ("log10", log10),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
        ("phase", phase),
        ("polar", polar),
        ("rect", rect),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
    ];
    import::add_functions(vm, module, functions);
    for (name, v) in [
        ("pi", Value::Float(PI)),
        ("e", Value::Float(E)),
        ("tau", Value::Float(TAU)),
        ("inf", Value::Float(f64::INFINITY)),
        ("nan", Value::Float(f64::NAN)),
        ("infj", Complex::new(0.0, f64::INFINITY).value()),
        ("nanj", Complex::new(0.0, f64::NAN).value()),
    ] {
        import::set_attr(vm, module, name, v);
    }
    Ok(())
}

/// `v` as a complex: complex, int, float, or an object with `__complex__`,
/// `__float__` or `__index__`.
fn to_complex(vm: &mut Vm, v: &Value) -> PyResult<Complex> {
    if let Some(c) = complex::of(v.builtin_view()) {
        return Ok(c);
    }
    if matches!(v.as_object(), Some(Object::Instance(_))) {
        if let Some(r) = ops::call_dunder(vm, v, "__complex__", Vec::new())? {
            return complex::of(&r).ok_or_else(|| {
                Raise::type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    attr::type_name(vm, &r)
                ))
            });
        }
    }
    Ok(Complex::new(num::real(vm, v)?, 0.0))
}

/// The one complex argument of `cmath.name`.
fn arg(vm: &mut Vm, name: &str, args: &[Value], kwargs: &Kw) -> PyResult<Complex> {
    let x = super::math::one(&format!("cmath.{name}"), args, kwargs)?;
    to_complex(vm, x)
}

/// A result, or OverflowError when finite input gave an infinite part.
fn finish(z: Complex, r: Complex) -> PyResult<Value> {
    let finite_in = z.re.is_finite() && z.im.is_finite();
    if finite_in && (r.re.is_infinite() || r.im.is_infinite()) {
        return Err(range_error());
    }
    Ok(r.value())
}

fn c(re: f64, im: f64) -> Complex {
    Complex::new(re, im)
}

/// The square root, scaled so `hypot` neither overflows nor underflows.
fn c_sqrt(z: Complex) -> Complex {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.im.is_infinite() {
            return c(f64::INFINITY, z.im);
        }
        if z.re == f64::NEG_INFINITY {
            return c(
                if z.im.is_nan() { z.im } else { 0.0 },
                f64::INFINITY.copysign(z.im),
            );
        }
        if z.re == f64::INFINITY {
            return c(
                z.re,
                if z.im.is_nan() {
                    z.im
                } else {
                    0.0f64.copysign(z.im)
                },
            );
        }
        return c(f64::NAN, f64::NAN);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return c(0.0, z.im);
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        let ax = ax * 2f64.powi(53);
        let t = (ax + ax.hypot(ay * 2f64.powi(53))).sqrt();
        t * 2f64.powi(-27)
    } else {
        let ax = ax / 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.re >= 0.0 {
        c(s, d.copysign(z.im))
    } else {
        c(d, s.copysign(z.im))
    }
}

fn c_exp(z: Complex) -> Complex {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re == f64::NEG_INFINITY && !z.im.is_nan() {
            return c(0.0, 0.0);
        }
        let l = z.re.exp();
        return c(l * z.im.cos(), l * z.im.sin());
    }
    if z.re > log_large() {
        let l = (z.re - 1.0).exp();
        c(l * z.im.cos() * E, l * z.im.sin() * E)
    } else {
        let l = z.re.exp();
        c(l * z.im.cos(), l * z.im.sin())
    }
}

/// The logarithm; a zero argument is a domain error.
fn c_log(z: Complex) -> PyResult<Complex> {
    if !z.re.is_finite() || !z.im.is_finite() {
        let re = if z.re.is_infinite() || z.im.is_infinite() {
            f64::INFINITY
        } else {
            f64::NAN
        };
        return Ok(c(re, z.im.atan2(z.re)));
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax == 0.0 && ay == 0.0 {
            return Err(domain_error());
        }
        let k = 2f64.powi(53);
        (ax * k).hypot(ay * k).ln() - 53.0 * LN_2
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Ok(c(re, z.im.atan2(z.re)))
}

/// `a / b` by Smith's method, as CPython divides complexes.
fn c_quot(a: Complex, b: Complex) -> PyResult<Complex> {
    let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return Err(domain_error());
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Ok(c(
            (a.re + a.im * ratio) / denom,
            (a.im - a.re * ratio) / denom,
        ))
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Ok(c(
            (a.re * ratio + a.im) / denom,
            (a.im * ratio - a.re) / denom,
        ))
    } else {
        Ok(c(f64::NAN, f64::NAN))
    }
}

fn c_cosh(z: Complex) -> Complex {
    if z.re.abs() > log_large() && z.re.is_finite() {
        let x = z.re - 1.0f64.copysign(z.re);
        c(z.im.cos() * x.cosh() * E, z.im.sin() * x.sinh() * E)
    } else {
        c(z.im.cos() * z.re.cosh(), z.im.sin() * z.re.sinh())
    }
}

fn c_sinh(z: Complex) -> Complex {
    if z.re.abs() > log_large() && z.re.is_finite() {
        let x = z.re - 1.0f64.copysign(z.re);
        c(z.im.cos() * x.sinh() * E, z.im.sin() * x.cosh() * E)
    } else {
        c(z.im.cos() * z.re.sinh(), z.im.sin() * z.re.cosh())
    }
}

fn c_tanh(z: Complex) -> Complex {
    if z.re.abs() > log_large() {
        return c(
            1.0f64.copysign(z.re),
            4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp(),
        );
    }
    let tx = z.re.tanh();
    let ty = z.im.tan();
    let cx = 1.0 / z.re.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
}

fn c_asinh(z: Complex) -> Complex {
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + 2.0 * LN_2;
        let re = if z.im >= 0.0 {
            l.copysign(z.re)
        } else {
            -l.copysign(-z.re)
        };
        return c(re, z.im.atan2(z.re.abs()));
    }
    let s1 = c_sqrt(c(1.0 + z.im, -z.re));
    let s2 = c_sqrt(c(1.0 - z.im, z.re));
    c(
        super::math::libm::asinh(s1.re * s2.im - s2.re * s1.im),
        z.im.atan2(s1.re * s2.re - s1.im * s2.im),
    )
}

fn c_acos(z: Complex) -> Complex {
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let re = z.im.abs().atan2(z.re);
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + 2.0 * LN_2;
        let im = if z.re < 0.0 {
            -l.copysign(z.im)
        } else {
            l.copysign(-z.im)
        };
        return c(re, im);
    }
    let s1 = c_sqrt(c(1.0 - z.re, -z.im));
    let s2 = c_sqrt(c(1.0 + z.re, z.im));
    c(
        2.0 * s1.re.atan2(s2.re),
        super::math::libm::asinh(s2.re * s1.im - s2.im * s1.re),
    )
}

fn c_acosh(z: Complex) -> Complex {
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + 2.0 * LN_2;
        return c(l, z.im.atan2(z.re));
    }
    let s1 = c_sqrt(c(z.re - 1.0, z.im));
    let s2 = c_sqrt(c(z.re + 1.0, z.im));
    c(
        super::math::libm::asinh(s1.re * s2.re + s1.im * s2.im),
        2.0 * s1.im.atan2(s2.re),
    )
}

/// The inverse hyperbolic tangent; `±1` is a domain error.
fn c_atanh(z: Complex) -> PyResult<Complex> {
    if z.re < 0.0 {
        let r = c_atanh(c(-z.re, -z.im))?;
        return Ok(c(-r.re, -r.im));
    }
    let ay = z.im.abs();
    if z.re > sqrt_large() || ay > sqrt_large() {
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        return Ok(c(z.re / 4.0 / h / h, -(PI / 2.0).copysign(-z.im)));
    }
    if z.re == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return Err(domain_error());
        }
        let re = -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln();
        return Ok(c(re, (2.0f64.atan2(-ay) / 2.0).copysign(z.im)));
    }
    let re = (4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)).ln_1p() / 4.0;
    let im = -(-2.0 * z.im).atan2((1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0;
    Ok(c(re, im))
}

/// One native function per complex function of one argument.
macro_rules! complex_functions {
    ($($name:ident => $f:expr;)*) => {$(
        fn $name(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
            let z = arg(vm, stringify!($name), args, kwargs)?;
            let f: fn(Complex) -> PyResult<Complex> = $f;
            finish(z, f(z)?)
        }
    )*};
}

complex_functions! {
    sqrt => |z| Ok(c_sqrt(z));
    exp => |z| Ok(c_exp(z));
    sinh => |z| Ok(c_sinh(z));
    cosh => |z| Ok(c_cosh(z));
    tanh => |z| Ok(c_tanh(z));
    asinh => |z| Ok(c_asinh(z));
    acosh => |z| Ok(c_acosh(z));
    acos => |z| Ok(c_acos(z));
    atanh => c_atanh;
    // The circular functions are the hyperbolic ones turned by i.
    sin => |z| { let s = c_sinh(c(-z.im, z.re)); Ok(c(s.im, -s.re)) };
    cos => |z| Ok(c_cosh(c(-z.im, z.re)));
    tan => |z| { let s = c_tanh(c(-z.im, z.re)); Ok(c(s.im, -s.re)) };
    asin => |z| { let s = c_asinh(c(-z.im, z.re)); Ok(c(s.im, -s.re)) };
    atan => |z| { let s = c_atanh(c(-z.im, z.re))?; Ok(c(s.im, -s.re)) };
    log10 => |z| { let l = c_log(z)?; Ok(c(l.re / LN_10, l.im / LN_10)) };
}

fn log(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(super::math::no_keywords("log"));
    }
    let (x, base) = match args {
        [x] => (x, None),
        [x, b] => (x, Some(b)),
        [] => return Err(Raise::type_error("log expected at least 1 argument, got 0")),
        _ => {
            return Err(Raise::type_error(format!(
                "log expected at most 2 arguments, got {}",
                args.len()
            )))
        }
    };
    let z = to_complex(vm, x)?;
    let mut r = c_log(z)?;
    if let Some(b) = base {
        let b = to_complex(vm, b)?;
        r = c_quot(r, c_log(b)?)?;
    }
    finish(z, r)
}

fn phase(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let z = arg(vm, "phase", args, kwargs)?;
    Ok(Value::Float(z.im.atan2(z.re)))
}

fn polar(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let z = arg(vm, "polar", args, kwargs)?;
    let r = z.re.hypot(z.im);
    if r.is_infinite() && z.re.is_finite() && z.im.is_finite() {
        return Err(range_error());
    }
    Ok(num::tuple(vec![
        Value::Float(r),
        Value::Float(z.im.atan2(z.re)),
    ]))
}

fn rect(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (r, phi) = super::math::two("rect", args, kwargs)?;
    let (r, phi) = (num::real(vm, r)?, num::real(vm, phi)?);
    if r.is_finite() && phi.is_infinite() {
        return Err(domain_error());
    }
    // phi == 0 (also -0.0) keeps the imaginary part's sign exact.
    let z = if phi == 0.0 {
        c(r, r * phi)
    } else {
        c(r * phi.cos(), r * phi.sin())
    };
    Ok(z.value())
}

fn isfinite(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let z = arg(vm, "isfinite", args, kwargs)?;
    Ok(Value::Bool(z.re.is_finite() && z.im.is_finite()))
}

fn isinf(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let z = arg(vm, "isinf", args, kwargs)?;
    Ok(Value::Bool(z.re.is_infinite() || z.im.is_infinite()))
}

fn isnan(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let z = arg(vm, "isnan", args, kwargs)?;
    Ok(Value::Bool(z.re.is_nan() || z.im.is_nan()))
}

fn isclose(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(Raise::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let [a, b, rel, abs] =
        crate::args::parse("isclose", ["a", "b", "rel_tol", "abs_tol"], 2, args, kwargs)?;
    let a = to_complex(vm, &a.unwrap_or(Value::None))?;
    let b = to_complex(vm, &b.unwrap_or(Value::None))?;
    let rel = match rel {
        Some(v) => num::real(vm, &v)?,
        None => 1e-9,
    };
    let abs = match abs {
        Some(v) => num::real(vm, &v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(Raise::value_error("tolerances must be non-negative"));
    }
    if a.re == b.re && a.im == b.im {
        return Ok(Value::Bool(true));
    }
    if a.re.is_infinite() || a.im.is_infinite() || b.re.is_infinite() || b.im.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (a.re - b.re).hypot(a.im - b.im);
    let (ma, mb) = (a.re.hypot(a.im), b.re.hypot(b.im));
    Ok(Value::Bool(
        diff <= rel * mb || diff <= rel * ma || diff <= abs,
    ))
}
