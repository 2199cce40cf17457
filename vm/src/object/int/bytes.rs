//! `int.to_bytes(length=1, byteorder='big', *, signed=False)`, the class
//! method `int.from_bytes(bytes, byteorder='big', *, signed=False)`, with
//! CPython 3.11's defaults, checks and messages; and `int.bit_length()`.

use super::normalize;
use crate::eval::{attr, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::bytes::{self, Kind};
use crate::object::{NativeFn, Object};
use crate::value::Value;
use num_bigint::{BigInt, Sign};

type Kwargs = [(Box<str>, Value)];

/// The method of `int` called `name`, if it is one implemented here.
pub fn method(name: &str) -> Option<NativeFn> {
    match name {
        "to_bytes" => Some(to_bytes),
        "from_bytes" => Some(from_bytes),
        "bit_length" => Some(bit_length),
        _ => None,
    }
}

/// `int.bit_length()`: bits in the absolute value, without sign or
/// leading zeros.
fn bit_length(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let this = args.first().map(Value::builtin_view);
    let Some(n) = this.and_then(big_of) else {
        return Err(attr::wrong_receiver(vm, "bit_length", "int", args));
    };
    if args.len() > 1 || !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "int.bit_length() takes no arguments ({} given)",
            args.len() - 1 + kwargs.len()
        )));
    }
    Ok(Value::Int(n.bits() as i64))
}

/// The int as a BigInt, if `v` is an int or a bool.
fn big_of(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Obj(o) => match o.get() {
            Object::BigInt(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Positional parameters `names[..positional]`, then keyword-only ones, as
/// Argument Clinic parses `to_bytes` and `from_bytes`.
fn parse<'a, const N: usize>(
    func: &str,
    args: &'a [Value],
    kwargs: &'a Kwargs,
    names: [&str; N],
    positional: usize,
) -> PyResult<[Option<&'a Value>; N]> {
    if args.len() > positional {
        return Err(Raise::type_error(format!(
            "{func}() takes at most {positional} positional arguments ({} given)",
            args.len()
        )));
    }
    let mut out = [None; N];
    for (slot, v) in out.iter_mut().zip(args) {
        *slot = Some(v);
    }
    for (key, v) in kwargs {
        match names.iter().position(|n| **n == **key) {
            Some(i) if out[i].is_some() => {
                return Err(Raise::type_error(format!(
                    "argument for {func}() given by name ('{key}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(Raise::type_error(format!(
                    "'{key}' is an invalid keyword argument for {func}()"
                )))
            }
        }
    }
    Ok(out)
}

/// `byteorder`: true for little-endian.
fn little_endian(vm: &Vm, func: &str, v: Option<&Value>) -> PyResult<bool> {
    match v.map(|v| (v, v.as_object())) {
        None => Ok(false),
        Some((_, Some(Object::Str(s)))) => match &*s.text {
            "little" => Ok(true),
            "big" => Ok(false),
            _ => Err(Raise::value_error(
                "byteorder must be either 'little' or 'big'",
            )),
        },
        Some((v, _)) => Err(Raise::type_error(format!(
            "{func}() argument 'byteorder' must be str, not {}",
            attr::type_name(vm, v)
        ))),
    }
}

fn to_bytes(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(n) = args.first().and_then(big_of) else {
        return Err(attr::wrong_receiver(vm, "to_bytes", "int", args));
    };
    let [length, order, signed] = parse(
        "to_bytes",
        &args[1..],
        kwargs,
        ["length", "byteorder", "signed"],
        2,
    )?;
    let length = match length {
        None => 1,
        Some(Value::Int(i)) => *i,
        Some(Value::Bool(b)) => *b as i64,
        Some(v) => {
            return Err(Raise::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                attr::type_name(vm, v)
            )))
        }
    };
    if length < 0 {
        return Err(Raise::value_error("length argument must be non-negative"));
    }
    let little = little_endian(vm, "to_bytes", order)?;
    let signed = match signed {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    if !signed && n.sign() == Sign::Minus {
        return Err(Raise::new(
            ExcKind::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    let mut data = match signed {
        true => n.to_signed_bytes_le(),
        false => n.to_bytes_le().1,
    };
    // Both give the shortest form, except that 0 (and, signed, -1) come out as
    // one byte where CPython lets them fit in none.
    let minus_one = signed && n == BigInt::from(-1);
    let needed = if n.sign() == Sign::NoSign || minus_one {
        0
    } else {
        data.len()
    };
    if needed > length as usize {
        return Err(Raise::new(ExcKind::OverflowError, "int too big to convert"));
    }
    let fill = if n.sign() == Sign::Minus { 0xff } else { 0 };
    data.try_reserve_exact((length as usize).saturating_sub(data.len()))
        .map_err(|_| Raise::Bare(ExcKind::MemoryError))?;
    data.resize(length as usize, fill);
    if !little {
        data.reverse();
    }
    Ok(bytes::new_bytes(data))
}

fn from_bytes(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    // A class method: reached through an int, that int comes first.
    let args = match args {
        [recv, rest @ ..] if big_of(recv).is_some() && !rest.is_empty() => rest,
        _ => args,
    };
    let [source, order, signed] = parse(
        "from_bytes",
        args,
        kwargs,
        ["bytes", "byteorder", "signed"],
        2,
    )?;
    let Some(source) = source else {
        return Err(Raise::type_error(
            "from_bytes() missing required argument 'bytes' (pos 1)",
        ));
    };
    let data = match source.as_object() {
        Some(Object::Bytes(b)) => b.to_vec(),
        Some(Object::Str(_)) | None => {
            return Err(Raise::type_error(format!(
                "cannot convert '{}' object to bytes",
                attr::type_name(vm, source)
            )))
        }
        _ => {
            let made = bytes::construct(vm, Kind::Bytes, vec![source.clone()], Vec::new())?;
            bytes::as_bytes(&vm.gil, &made).unwrap_or_default().to_vec()
        }
    };
    let little = little_endian(vm, "from_bytes", order)?;
    let signed = match signed {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    let n = match (signed, little) {
        (true, true) => BigInt::from_signed_bytes_le(&data),
        (true, false) => BigInt::from_signed_bytes_be(&data),
        (false, true) => BigInt::from_bytes_le(Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, &data),
    };
    Ok(normalize(n))
}
