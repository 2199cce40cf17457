//! `math.gamma`, `lgamma`, `erf`, `erfc`.
//!
//! gamma and lgamma follow CPython's own method (not the C library's), so
//! they give its results bit for bit: the Lanczos approximation with the
//! published g = 6.0247 and 13-term coefficients (Boost's lanczos13m53), a
//! reflection for negative arguments, and exact factorials for small ints.
//! CPython takes erf and erfc from the C library; here they are a power
//! series near zero and a continued fraction further out, within a few
//! units in the last place of it.

// The constants are written with every digit they were published with.
#![allow(clippy::excessive_precision)]

use super::{checked_1, one};
use crate::args::Kw;
use crate::num::{self, domain_error, range_error};
use gilt_vm::exc::PyResult;
use gilt_vm::interp::Vm;
use gilt_vm::value::Value;
use std::f64::consts::PI;

const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;

/// The numerator of the Lanczos sum, lowest power first.
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];

/// The denominator: `x(x+1)...(x+11)` expanded, lowest power first.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// `log(pi)`.
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;

/// The Lanczos rational sum at `x > 0`; evaluated in `1/x` for large `x`
/// so neither polynomial overflows.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `sin(pi * x)`, accurate also where `pi * x` would round badly.
fn sin_pi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i64 {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        4 => (PI * (y - 2.0)).sin(),
        _ => f64::NAN,
    };
    1.0f64.copysign(x) * r
}

/// The Gamma function, or a domain/range error.
fn gamma_of(x: f64) -> PyResult<f64> {
    if !x.is_finite() {
        if x == f64::NEG_INFINITY {
            return Err(domain_error());
        }
        return Ok(x);
    }
    if x == 0.0 {
        return Err(domain_error());
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(domain_error());
        }
        if x <= 23.0 {
            // (x-1)! is exact in a float up to 22!.
            return Ok((1..x as u64).map(|k| k as f64).product());
        }
    }
    let ax = x.abs();
    if ax < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(range_error())
        } else {
            Ok(r)
        };
    }
    if ax > 200.0 {
        return if x < 0.0 {
            Ok(0.0 / sin_pi(x))
        } else {
            Err(range_error())
        };
    }
    let y = ax + LANCZOS_G_MINUS_HALF;
    // z is the rounding error in y, to correct the power below.
    let z = if ax > LANCZOS_G_MINUS_HALF {
        let q = y - ax;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - ax
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sin_pi(ax) / ax * y.exp() / lanczos_sum(ax);
        r -= z * r;
        if ax < 140.0 {
            r /= y.powf(ax - 0.5);
        } else {
            let half = y.powf(ax / 2.0 - 0.25);
            r /= half;
            r /= half;
        }
    } else {
        r = lanczos_sum(ax) / y.exp();
        r += z * r;
        if ax < 140.0 {
            r *= y.powf(ax - 0.5);
        } else {
            let half = y.powf(ax / 2.0 - 0.25);
            r *= half;
            r *= half;
        }
    }
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// The log of the absolute value of Gamma, or a domain/range error.
fn lgamma_of(x: f64) -> PyResult<f64> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 {
            Err(domain_error())
        } else {
            Ok(0.0)
        };
    }
    let ax = x.abs();
    if ax < 1e-20 {
        return Ok(-ax.ln());
    }
    let mut r = lanczos_sum(ax).ln() - LANCZOS_G;
    r += (ax - 0.5) * ((ax + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - sin_pi(ax).abs().ln() - ax.ln() - r;
    }
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

pub fn gamma(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let x = num::real(vm, one("math.gamma", args, kwargs)?)?;
    Ok(Value::Float(gamma_of(x)?))
}

pub fn lgamma(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let x = num::real(vm, one("math.lgamma", args, kwargs)?)?;
    Ok(Value::Float(lgamma_of(x)?))
}

/// Where erf switches from the series to the continued fraction.
const ERF_SWITCH: f64 = 1.5;
/// Terms of the series and of the continued fraction.
const ERF_TERMS: usize = 25;
const ERFC_TERMS: usize = 50;
/// `sqrt(pi)`.
const SQRT_PI: f64 = 1.772453850905516027298167483341145182798;

/// erf by its power series, for `|x| < ERF_SWITCH`.
fn erf_series(x: f64) -> f64 {
    let x2 = x * x;
    let mut acc = 0.0;
    let mut fk = ERF_TERMS as f64 + 0.5;
    for _ in 0..ERF_TERMS {
        acc = 2.0 + x2 * acc / fk;
        fk -= 1.0;
    }
    acc * x * (-x2).exp() / SQRT_PI
}

/// erfc by a continued fraction, for `x >= ERF_SWITCH`.
fn erfc_fraction(x: f64) -> f64 {
    if x >= 30.0 {
        return 0.0;
    }
    let x2 = x * x;
    let (mut a, mut da) = (0.0, 0.5);
    let (mut p, mut p_last) = (1.0, 0.0);
    let (mut q, mut q_last) = (da + x2, 1.0);
    for _ in 0..ERFC_TERMS {
        a += da;
        da += 2.0;
        let b = da + x2;
        let t = p;
        p = b * p - a * p_last;
        p_last = t;
        let t = q;
        q = b * q - a * q_last;
        q_last = t;
    }
    p / q * x * (-x2).exp() / SQRT_PI
}

fn erf_of(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x.abs() < ERF_SWITCH {
        erf_series(x)
    } else {
        let cf = erfc_fraction(x.abs());
        if x > 0.0 {
            1.0 - cf
        } else {
            cf - 1.0
        }
    }
}

fn erfc_of(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x.abs() < ERF_SWITCH {
        1.0 - erf_series(x)
    } else {
        let cf = erfc_fraction(x.abs());
        if x > 0.0 {
            cf
        } else {
            2.0 - cf
        }
    }
}

pub fn erf(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let x = num::real(vm, one("math.erf", args, kwargs)?)?;
    Ok(Value::Float(checked_1(x, erf_of(x), false)?))
}

pub fn erfc(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let x = num::real(vm, one("math.erfc", args, kwargs)?)?;
    Ok(Value::Float(checked_1(x, erfc_of(x), false)?))
}
