//! `complex`: a pair of floats with CPython 3.11's arithmetic, comparison,
//! hash, repr and string parsing (Objects/complexobject.c).
//!
//! An int, bool or float operand is first made a complex with a zero
//! imaginary part (an int too large for a float raises OverflowError), as
//! CPython's `TO_COMPLEX` does, so `2 * complex(inf, 0)` gets the same NaNs.
//! Only `== !=` compare; `//`, `%` and ordering are left to the caller's
//! "unsupported operand" errors. The constructor is [`construct`].

use crate::eval::{attr, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{float, int, NativeFn, Object};
use crate::value::Value;
use gilt_parser::ast::{CmpOp, Operator, UnaryOp};

/// A complex number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Complex {
    /// `.real`.
    pub re: f64,
    /// `.imag`.
    pub im: f64,
}

/// CPython's `_PyHASH_IMAG`: the weight of the imaginary part's hash.
const HASH_IMAG: u64 = 1_000_003;

const ONE: Complex = Complex { re: 1.0, im: 0.0 };

impl Complex {
    /// `complex(re, im)`.
    pub fn new(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }

    /// The complex as a value.
    pub fn value(self) -> Value {
        Value::obj(Object::Complex(self))
    }
}

/// The complex held by `v`, if it is one.
pub fn of(v: &Value) -> Option<Complex> {
    match v.as_object() {
        Some(Object::Complex(c)) => Some(*c),
        _ => None,
    }
}

/// `v` as a complex operand: a complex, or an int, bool or float with a zero
/// imaginary part; `None` for other values.
fn operand(v: &Value) -> Option<PyResult<Complex>> {
    if let Some(c) = of(v) {
        return Some(Ok(c));
    }
    int::to_f64(v).map(|r| r.map(|re| Complex::new(re, 0.0)))
}

// ---------------------------------------------------------------- arithmetic

/// `a <op> b` when either operand is a complex and the other a number, under
/// `+ - * / **`; also a negative real base to a fractional real power, which
/// float's `**` hands to complex. `None` when complex does not apply.
pub fn binary_op(op: Operator, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    if of(a).is_none() && of(b).is_none() && !real_pow_needs_complex(op, a, b) {
        return None;
    }
    if !matches!(
        op,
        Operator::Add | Operator::Sub | Operator::Mult | Operator::Div | Operator::Pow
    ) {
        return None;
    }
    let (x, y) = (operand(a)?, operand(b)?);
    Some(x.and_then(|x| {
        let y = y?;
        let r = match op {
            Operator::Add => Complex::new(x.re + y.re, x.im + y.im),
            Operator::Sub => Complex::new(x.re - y.re, x.im - y.im),
            Operator::Mult => mul(x, y),
            Operator::Div => div(x, y).ok_or_else(|| zero_division("complex division by zero"))?,
            _ => pow(x, y)?,
        };
        Ok(r.value())
    }))
}

/// CPython's `float_pow`: a negative base to a finite non-integer power is
/// computed as a complex power (`(-8) ** 0.5`).
fn real_pow_needs_complex(op: Operator, a: &Value, b: &Value) -> bool {
    if op != Operator::Pow {
        return false;
    }
    match (int::to_f64(a), int::to_f64(b)) {
        (Some(Ok(x)), Some(Ok(y))) => x < 0.0 && y.is_finite() && y != y.floor(),
        _ => false,
    }
}

fn mul(a: Complex, b: Complex) -> Complex {
    Complex::new(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

/// `a / b` by Smith's method (scale by the larger part of `b`), as CPython's
/// `_Py_c_quot`; `None` when `b` is zero.
fn div(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(Complex::new(
            (a.re + a.im * ratio) / denom,
            (a.im - a.re * ratio) / denom,
        ))
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(Complex::new(
            (a.re * ratio + a.im) / denom,
            (a.im * ratio - a.re) / denom,
        ))
    } else {
        // A part of `b` is NaN.
        Some(Complex::new(f64::NAN, f64::NAN))
    }
}

/// `a ** b`: repeated squaring for a small integral exponent, else the polar
/// form; ZeroDivisionError for zero to a negative or complex power,
/// OverflowError when a part of the result is infinite.
fn pow(a: Complex, b: Complex) -> PyResult<Complex> {
    let r = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        if n > 0 {
            pow_unsigned(a, n as u64)
        } else {
            div(ONE, pow_unsigned(a, n.unsigned_abs())).ok_or_else(zero_power)?
        }
    } else if b.re == 0.0 && b.im == 0.0 {
        ONE
    } else if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(zero_power());
        }
        Complex::new(0.0, 0.0)
    } else {
        let modulus = a.re.hypot(a.im);
        let mut len = modulus.powf(b.re);
        let angle = a.im.atan2(a.re);
        let mut phase = angle * b.re;
        if b.im != 0.0 {
            len /= (angle * b.im).exp();
            phase += b.im * modulus.ln();
        }
        Complex::new(len * phase.cos(), len * phase.sin())
    };
    if r.re.is_infinite() || r.im.is_infinite() {
        return Err(Raise::new(ExcKind::OverflowError, "complex exponentiation"));
    }
    Ok(r)
}

/// `x ** n` by binary powering, starting from 1 as CPython's `c_powu`.
fn pow_unsigned(x: Complex, n: u64) -> Complex {
    let (mut r, mut p, mut mask) = (ONE, x, 1u64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = mul(r, p);
        }
        mask <<= 1;
        p = mul(p, p);
    }
    r
}

#[cold]
fn zero_power() -> Raise {
    zero_division("0.0 to a negative or complex power")
}

#[cold]
fn zero_division(msg: &str) -> Raise {
    Raise::new(ExcKind::ZeroDivisionError, msg)
}

/// `-c` and `+c`; `None` for other operators or values.
pub fn unary_op(op: UnaryOp, a: &Value) -> Option<Value> {
    let c = of(a)?;
    match op {
        UnaryOp::USub => Some(Complex::new(-c.re, -c.im).value()),
        UnaryOp::UAdd => Some(c.value()),
        _ => None,
    }
}

/// `abs(c)`: the modulus; infinite if either part is, even beside a NaN;
/// OverflowError when a finite complex's modulus overflows.
pub fn abs(c: Complex) -> PyResult<f64> {
    if c.re.is_infinite() || c.im.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if c.re.is_nan() || c.im.is_nan() {
        return Ok(f64::NAN);
    }
    let r = c.re.hypot(c.im);
    if r.is_infinite() {
        return Err(Raise::new(
            ExcKind::OverflowError,
            "absolute value too large",
        ));
    }
    Ok(r)
}

// ---------------------------------------------------------------- comparison, hash, repr

/// `a == b` / `a != b` when either is a complex and the other a number
/// (exact against an int); `None` otherwise, ordering included.
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
        return None;
    }
    let equal = equal(a, b)?;
    Some(equal == (op == CmpOp::Eq))
}

/// Whether a complex equals another number; `None` unless one of them is a
/// complex and the other a number.
pub fn equal(a: &Value, b: &Value) -> Option<bool> {
    let (c, other) = match (of(a), of(b)) {
        (Some(c), _) => (c, b),
        (None, Some(c)) => (c, a),
        (None, None) => return None,
    };
    if let Some(d) = of(other) {
        return Some(c.re == d.re && c.im == d.im);
    }
    // Against an int the real part compares exactly, as a float does.
    let real_equal = int::compare(CmpOp::Eq, &Value::Float(c.re), other)?;
    Some(real_equal && c.im == 0.0)
}

/// CPython's hash: `hash(re) + 1000003 * hash(im)`, so `hash(complex(x, 0))
/// == hash(x)`; -1 becomes -2.
pub fn hash(c: Complex) -> i64 {
    let re = float::hash(c.re) as u64;
    let im = float::hash(c.im) as u64;
    let h = re.wrapping_add(HASH_IMAG.wrapping_mul(im)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `repr(c)`: `2j`, `(1+2j)`, `(-0-1j)`, `(1+nanj)`, `infj`.
pub fn repr(c: Complex) -> String {
    let mut out = String::new();
    gilt_parser::repr::complex_repr(c.re, c.im, &mut out);
    out
}

/// Whether the complex is nonzero.
pub fn truthy(c: Complex) -> bool {
    c.re != 0.0 || c.im != 0.0
}

// ---------------------------------------------------------------- complex(str)

/// `complex(s)` for a str: `<float>`, `<float>j`, `<float><signed float>j`,
/// also `j`, `<sign>j` and `<float><sign>j`, optionally in parentheses and
/// surrounded by whitespace; underscores only between digits.
pub fn from_str(s: &str) -> PyResult<Complex> {
    let malformed = || Raise::value_error("complex() arg is a malformed string");
    // As CPython: Unicode digits and spaces become ASCII, other non-ASCII
    // characters become '?', which nothing accepts.
    let ascii: String = s
        .chars()
        .map(|c| match c {
            _ if c.is_ascii() => c,
            _ if c.is_whitespace() => ' ',
            _ => int::decimal_value(c).map_or('?', |d| (b'0' + d as u8) as char),
        })
        .collect();
    let text = without_underscores(&ascii).ok_or_else(|| {
        let mut msg = String::from("could not convert string to complex: ");
        gilt_parser::repr::str_repr_str(s, &mut msg);
        Raise::value_error(msg)
    })?;
    parse(text.as_bytes()).ok_or_else(malformed)
}

/// Drop underscores that sit between two digits; `None` for any other.
fn without_underscores(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut prev = '\0';
    for c in s.chars() {
        if c == '_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == '_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    (prev != '_').then_some(out)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// The grammar of CPython's `complex_from_string_inner`.
fn parse(s: &[u8]) -> Option<Complex> {
    let mut i = 0;
    let skip_spaces = |i: &mut usize| {
        while s.get(*i).copied().is_some_and(is_space) {
            *i += 1;
        }
    };
    skip_spaces(&mut i);
    let bracket = s.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        skip_spaces(&mut i);
    }
    let is_j = |b: Option<&u8>| matches!(b, Some(b'j' | b'J'));
    let sign_of = |b: u8| if b == b'+' { 1.0 } else { -1.0 };
    let (mut re, mut im) = (0.0, 0.0);
    match float_prefix(&s[i..]) {
        Some((x, used)) => {
            i += used;
            match s.get(i) {
                Some(&b @ (b'+' | b'-')) => {
                    re = x;
                    match float_prefix(&s[i..]) {
                        Some((y, used)) => {
                            im = y;
                            i += used;
                        }
                        None => {
                            im = sign_of(b);
                            i += 1;
                        }
                    }
                    if !is_j(s.get(i)) {
                        return None;
                    }
                    i += 1;
                }
                Some(b'j' | b'J') => {
                    im = x;
                    i += 1;
                }
                _ => re = x,
            }
        }
        None => {
            if let Some(&b @ (b'+' | b'-')) = s.get(i) {
                im = sign_of(b);
                i += 1;
            } else {
                im = 1.0;
            }
            if !is_j(s.get(i)) {
                return None;
            }
            i += 1;
        }
    }
    skip_spaces(&mut i);
    if bracket {
        if s.get(i) != Some(&b')') {
            return None;
        }
        i += 1;
        skip_spaces(&mut i);
    }
    (i == s.len()).then_some(Complex::new(re, im))
}

/// The longest float at the start of `s` (sign, digits with a point and an
/// exponent, or inf/infinity/nan) and how many bytes it took.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = usize::from(matches!(s.first(), Some(b'+' | b'-')));
    let rest = &s[i..];
    let starts =
        |word: &[u8]| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word);
    if starts(b"infinity") {
        i += 8;
    } else if starts(b"inf") || starts(b"nan") {
        i += 3;
    } else {
        let digits = |i: &mut usize| {
            let start = *i;
            while s.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i - start
        };
        let mut count = digits(&mut i);
        if s.get(i) == Some(&b'.') {
            i += 1;
            count += digits(&mut i);
        }
        if count == 0 {
            return None;
        }
        if matches!(s.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(s.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if digits(&mut j) > 0 {
                i = j;
            }
        }
    }
    let text = std::str::from_utf8(&s[..i]).ok()?;
    let value = if text.ends_with(['n', 'N']) {
        // Rust reads "nan" but not "+nan"; the sign of a NaN does not show.
        f64::NAN
    } else {
        text.parse().ok()?
    };
    Some((value, i))
}

// ---------------------------------------------------------------- the type

/// `complex(real=0, imag=0)` and `complex(str)`.
pub fn construct(vm: &mut Vm, args: Vec<Value>, kwargs: Vec<(Box<str>, Value)>) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(Raise::type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            args.len() + kwargs.len()
        )));
    }
    let mut slots: [Option<Value>; 2] = [args.first().cloned(), args.get(1).cloned()];
    for (name, v) in kwargs {
        let i = match &*name {
            "real" => 0,
            "imag" => 1,
            _ => {
                return Err(Raise::type_error(format!(
                    "'{name}' is an invalid keyword argument for complex()"
                )))
            }
        };
        if slots[i].is_some() {
            return Err(Raise::type_error(format!(
                "argument for complex() given by name ('{name}') and position ({})",
                i + 1
            )));
        }
        slots[i] = Some(v);
    }
    let [real, imag] = slots;
    let real = real.unwrap_or(Value::Int(0));
    if of(&real).is_some() && imag.is_none() {
        return Ok(real);
    }
    if let Some(Object::Str(s)) = real.as_object() {
        if imag.is_some() {
            return Err(Raise::type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        return from_str(&s.text).map(Complex::value);
    }
    if let Some(Object::Str(_)) = imag.as_ref().and_then(Value::as_object) {
        return Err(Raise::type_error("complex() second arg can't be a string"));
    }
    let real = match ops::call_dunder(vm, &real, "__complex__", Vec::new())? {
        Some(r) if of(&r).is_some() => r,
        Some(r) => {
            return Err(Raise::type_error(format!(
                "__complex__ returned non-complex (type {})",
                attr::type_name(vm, &r)
            )))
        }
        None => real,
    };
    if !is_number(vm, &real) {
        return Err(Raise::type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            attr::type_name(vm, &real)
        )));
    }
    if let Some(i) = &imag {
        if !is_number(vm, i) {
            return Err(Raise::type_error(format!(
                "complex() second argument must be a number, not '{}'",
                attr::type_name(vm, i)
            )));
        }
    }
    // complex(a, b) is a + b*1j even when a or b is itself complex; a part
    // that is not complex contributes no cross term (so -0.0 survives).
    let (mut re, mut im) = match of(&real) {
        Some(c) => (c.re, c.im),
        None => (real_part(vm, &real)?, 0.0),
    };
    if let Some(imag) = imag {
        match of(&imag) {
            Some(c) => {
                re -= c.im;
                im = if of(&real).is_some() { c.re + im } else { c.re };
            }
            None if of(&real).is_some() => im += real_part(vm, &imag)?,
            None => im = real_part(vm, &imag)?,
        }
    }
    Ok(Complex::new(re, im).value())
}

/// Whether `v` can be a part of a complex: a number, or an object with
/// `__float__` or `__index__`.
fn is_number(vm: &Vm, v: &Value) -> bool {
    if int::to_f64(v).is_some() || of(v).is_some() {
        return true;
    }
    let class = attr::class_of(vm, v);
    matches!(v.as_object(), Some(Object::Instance(_)))
        && (attr::lookup(vm, &class, "__float__").is_some()
            || attr::lookup(vm, &class, "__index__").is_some())
}

/// `float(v)` of a number or an object with `__float__`/`__index__`.
fn real_part(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = int::to_f64(v) {
        return f;
    }
    for method in ["__float__", "__index__"] {
        if let Some(r) = ops::call_dunder(vm, v, method, Vec::new())? {
            if let Some(f) = int::to_f64(&r) {
                if method == "__index__" || matches!(r, Value::Float(_)) {
                    return f;
                }
            }
            return Err(Raise::type_error(format!(
                "{}.{method} returned non-{} (type {})",
                attr::type_name(vm, v),
                if method == "__float__" {
                    "float"
                } else {
                    "int"
                },
                attr::type_name(vm, &r)
            )));
        }
    }
    Err(Raise::type_error(format!(
        "must be real number, not {}",
        attr::type_name(vm, v)
    )))
}

/// The methods of `complex`.
pub const METHODS: &[(&str, NativeFn)] = &[("conjugate", conjugate)];

fn conjugate(vm: &mut Vm, args: &[Value], _: &[(Box<str>, Value)]) -> PyResult<Value> {
    let c = match args.first().and_then(of) {
        Some(c) => c,
        None => {
            let got = args
                .first()
                .map_or(String::new(), |v| attr::type_name(vm, v));
            return Err(Raise::type_error(format!(
                "descriptor 'conjugate' for 'complex' objects doesn't apply to a '{got}' object"
            )));
        }
    };
    if args.len() > 1 {
        return Err(Raise::type_error(format!(
            "complex.conjugate() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(Complex::new(c.re, -c.im).value())
}

/// `.real` and `.imag`.
pub fn attribute(c: Complex, name: &str) -> Option<Value> {
    match name {
        "real" => Some(Value::Float(c.re)),
        "imag" => Some(Value::Float(c.im)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(s: &str) -> Option<(f64, f64)> {
        from_str(s).ok().map(|c| (c.re, c.im))
    }

    #[test]
    fn strings() {
        assert_eq!(parsed("1+2j"), Some((1.0, 2.0)));
        assert_eq!(parsed("  ( 1_0-2.5e1J ) "), Some((10.0, -25.0)));
        assert_eq!(parsed("j"), Some((0.0, 1.0)));
        assert_eq!(parsed("-j"), Some((0.0, -1.0)));
        assert_eq!(parsed("1-j"), Some((1.0, -1.0)));
        assert_eq!(parsed("3"), Some((3.0, 0.0)));
        assert_eq!(parsed("1e5j"), Some((0.0, 1e5)));
        assert_eq!(parsed("-infj").map(|c| c.1), Some(f64::NEG_INFINITY));
        assert!(parsed("1e").is_none());
        assert!(parsed("(1+2j").is_none());
        assert!(parsed("1+2").is_none());
        assert!(parsed("").is_none());
        assert!(parsed("1__0").is_none());
    }

    #[test]
    fn arithmetic_matches_cpython() {
        let r = pow(Complex::new(2.0, 3.0), Complex::new(-2.0, 0.0)).unwrap();
        assert_eq!((r.re, r.im), (-0.029585798816568046, -0.07100591715976332));
        assert!(div(Complex::new(1.0, 0.0), Complex::new(0.0, 0.0)).is_none());
        assert_eq!(hash(Complex::new(0.0, 1.0)), 1_000_003);
        assert_eq!(hash(Complex::new(1.5, 0.0)), float::hash(1.5));
        assert_eq!(repr(Complex::new(-0.0, -1.0)), "(-0-1j)");
    }
}
