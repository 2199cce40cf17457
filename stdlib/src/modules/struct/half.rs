//! IEEE 754 binary16 (`e` format): packing rounds half to even, as
//! CPython's `PyFloat_Pack2`; None when the value is too large.

/// The mantissa in [0.5, 1) and exponent of finite non-zero `x`.
fn frexp(x: f64) -> (f64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// The binary16 bits of `x`.
pub fn pack(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 1 } else { 0 };
    if x.is_nan() {
        return Some((sign << 15) | 0x7e00);
    }
    if x.is_infinite() {
        return Some((sign << 15) | 0x7c00);
    }
    if x == 0.0 {
        return Some(sign << 15);
    }
    let (mut f, mut e) = frexp(x.abs());
    // Normalise f to [1.0, 2.0).
    f *= 2.0;
    e -= 1;
    if e >= 16 {
        return None;
    } else if e < -25 {
        f = 0.0;
        e = 0;
    } else if e < -14 {
        f *= 2f64.powi(14 + e);
        e = 0;
    } else {
        e += 15;
        f -= 1.0;
    }
    f *= 1024.0;
    let mut bits = f as u16;
    let rest = f - bits as f64;
    if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            e += 1;
            if e == 31 {
                return None;
            }
        }
    }
    Some(bits | ((e as u16) << 10) | (sign << 15))
}

/// The value of binary16 `bits`.
pub fn unpack(bits: u16) -> f64 {
    let negative = bits & 0x8000 != 0;
    let e = ((bits >> 10) & 0x1f) as i32;
    let f = (bits & 0x3ff) as f64;
    let x = if e == 0x1f {
        if f == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else if e == 0 {
        f * 2f64.powi(-24)
    } else {
        (1.0 + f / 1024.0) * 2f64.powi(e - 15)
    };
    if negative {
        -x
    } else {
        x
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn round_trips() {
        for x in [1.0, -2.5, 65504.0, 6.1e-5, 5.96e-8, 0.1] {
            let b = super::pack(x).expect("fits");
            assert!((super::unpack(b) - x).abs() <= x.abs() * 1e-3, "{x}");
        }
        assert_eq!(super::pack(65520.0), None);
        assert_eq!(super::pack(1.5), Some(0x3e00));
    }
}
