//! Functions whose Rust versions round differently from the GNU C library
//! CPython calls: these follow glibc's formulas (themselves fdlibm's for the
//! inverse hyperbolics), built on the `ln`, `ln_1p` and `sqrt` both share,
//! so the results agree bit for bit.

// Written as the published formulas have them.
#![allow(clippy::excessive_precision)]

use super::float_bits::{scale, split};
use std::f64::consts::LN_2;

/// 2**28: past it, `x` and `x + 1/x` are the same float.
const BIG: f64 = 268435456.0;

/// `asinh(x)`.
pub fn asinh(x: f64) -> f64 {
    let a = x.abs();
    if !x.is_finite() {
        return x + x;
    }
    if a < 1.0 / BIG {
        return x;
    }
    let w = if a > BIG {
        a.ln() + LN_2
    } else if a > 2.0 {
        (2.0 * a + 1.0 / ((x * x + 1.0).sqrt() + a)).ln()
    } else {
        let t = x * x;
        (a + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

/// `acosh(x)`.
pub fn acosh(x: f64) -> f64 {
    if x.is_nan() || x < 1.0 {
        return f64::NAN;
    }
    if x >= BIG {
        return if x.is_infinite() { x } else { x.ln() + LN_2 };
    }
    if x == 1.0 {
        return 0.0;
    }
    if x > 2.0 {
        return (2.0 * x - 1.0 / (x + (x * x - 1.0).sqrt())).ln();
    }
    let t = x - 1.0;
    (t + (2.0 * t + t * t).sqrt()).ln_1p()
}

/// `atanh(x)`.
pub fn atanh(x: f64) -> f64 {
    let a = x.abs();
    if a.is_nan() || a < 1.0 / BIG {
        return x;
    }
    if a > 1.0 {
        return f64::NAN;
    }
    let t = if a < 0.5 {
        0.5 * (2.0 * a + 2.0 * a * a / (1.0 - a)).ln_1p()
    } else {
        0.5 * ((a + a) / (1.0 - a)).ln_1p()
    };
    t.copysign(x)
}

/// `cbrt(x)`: a polynomial guess on the mantissa, one rational Newton
/// step, and the exponent's third put back with the cube root of 2 or 4
/// for the remainder.
pub fn cbrt(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    const CBRT2: f64 = 1.2599210498948731648;
    const CBRT4: f64 = 1.5874010519681994748;
    const FACTOR: [f64; 5] = [1.0 / CBRT4, 1.0 / CBRT2, 1.0, CBRT2, CBRT4];
    let (m, e) = split(x.abs());
    let u = 0.354895765043919860
        + ((1.50819193781584896
            + ((-2.11499494167371287
                + ((2.44693122563534430
                    + ((-1.83469277483613086
                        + (0.784932344976639262 - 0.145263899385486377 * m) * m)
                        * m))
                    * m))
                * m))
            * m);
    let t2 = u * u * u;
    let y = u * (t2 + 2.0 * m) / (2.0 * t2 + m) * FACTOR[(2 + e % 3) as usize];
    scale(y.copysign(x), (e / 3) as i64)
}
