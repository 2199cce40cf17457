//! The number-protocol part of `int` (and so of `bool`): the attributes
//! `real`, `imag`, `numerator`, `denominator` and the methods `conjugate`,
//! `bit_length`, `bit_count`, `as_integer_ratio`, with CPython 3.11's messages.

use super::normalize;
use crate::exc::{PyResult, Raise};
use crate::interp::Vm;
use crate::object::{NativeFn, Object};
use crate::value::Value;
use num_bigint::BigInt;

type Kwargs = [(Box<str>, Value)];

/// The method of `int` called `name`, if it is one implemented here.
pub fn method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "conjugate" => conjugate,
        "bit_length" => bit_length,
        "bit_count" => bit_count,
        "as_integer_ratio" => as_integer_ratio,
        _ => return None,
    })
}

/// `i.real`, `i.imag`, `i.numerator`, `i.denominator` of an int or bool `v`.
pub fn attribute(v: &Value, name: &str) -> Option<Value> {
    let plain = as_int(v)?;
    Some(match name {
        "real" | "numerator" => plain,
        "imag" => Value::Int(0),
        "denominator" => Value::Int(1),
        _ => return None,
    })
}

/// Is `name` one of the read-only data attributes of int?
pub fn is_attribute(name: &str) -> bool {
    matches!(name, "real" | "imag" | "numerator" | "denominator")
}

/// `v` as an int (a bool becomes 0 or 1), if it is an int.
fn as_int(v: &Value) -> Option<Value> {
    match v {
        Value::Int(_) => Some(v.clone()),
        Value::Bool(b) => Some(Value::Int(*b as i64)),
        Value::Obj(o) if matches!(o.get(), Object::BigInt(_)) => Some(v.clone()),
        _ => None,
    }
}

/// The receiver of an int method with no arguments, as an int.
fn receiver(vm: &Vm, method: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(this) = args.first().and_then(as_int) else {
        return Err(crate::eval::attr::wrong_receiver(vm, method, "int", args));
    };
    if args.len() > 1 || !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "int.{method}() takes no arguments ({} given)",
            args.len() - 1 + kwargs.len()
        )));
    }
    Ok(this)
}

fn big(v: &Value) -> BigInt {
    match v {
        Value::Int(i) => BigInt::from(*i),
        Value::Obj(o) => match o.get() {
            Object::BigInt(b) => b.clone(),
            _ => BigInt::default(),
        },
        _ => BigInt::default(),
    }
}

fn conjugate(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    receiver(vm, "conjugate", args, kwargs)
}

fn bit_length(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let n = match receiver(vm, "bit_length", args, kwargs)? {
        Value::Int(i) => u64::from(64 - i.unsigned_abs().leading_zeros()),
        v => big(&v).bits(),
    };
    Ok(Value::Int(n as i64))
}

fn bit_count(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let n = match receiver(vm, "bit_count", args, kwargs)? {
        Value::Int(i) => u64::from(i.unsigned_abs().count_ones()),
        v => big(&v).magnitude().count_ones(),
    };
    Ok(Value::Int(n as i64))
}

fn as_integer_ratio(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let this = receiver(vm, "as_integer_ratio", args, kwargs)?;
    Ok(Value::obj(Object::Tuple(
        vec![normalize(big(&this)), Value::Int(1)].into(),
    )))
}
