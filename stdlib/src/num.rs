//! Numbers as native modules take them: a real number as a float
//! (CPython's `PyFloat_AsDouble`), an integer through `__index__` as a
//! BigInt, and the errors `math` and its neighbours raise.

use gilt_vm::eval::{attr, ops};
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::{int, Object};
use gilt_vm::value::Value;
use num_bigint::BigInt;

/// `v` as a float: floats, ints (OverflowError when too large), and objects
/// with `__float__` or `__index__`; TypeError 'must be real number, not str'.
pub fn real(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    let view = v.builtin_view();
    if let Value::Float(f) = view {
        return Ok(*f);
    }
    if let Some(f) = int::to_f64(view) {
        return f;
    }
    if matches!(v.as_object(), Some(Object::Instance(_))) {
        if let Some(r) = ops::call_dunder(vm, v, "__float__", Vec::new())? {
            return match r.builtin_view() {
                Value::Float(f) => Ok(*f),
                _ => Err(Raise::type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    attr::type_name(vm, v),
                    attr::type_name(vm, &r)
                ))),
            };
        }
        if let Some(r) = ops::call_dunder(vm, v, "__index__", Vec::new())? {
            if let Some(f) = int::to_f64(&r) {
                return f;
            }
        }
    }
    Err(Raise::type_error(format!(
        "must be real number, not {}",
        attr::type_name(vm, v)
    )))
}

/// `v` as an int through `__index__` (TypeError "'float' object cannot be
/// interpreted as an integer").
pub fn index(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    Ok(to_big(&ops::index(vm, v)?))
}

/// An int value as a BigInt (0 for anything else).
pub fn to_big(v: &Value) -> BigInt {
    match v {
        Value::Int(i) => BigInt::from(*i),
        Value::Bool(b) => BigInt::from(*b as i64),
        Value::Obj(o) => match o.get() {
            Object::BigInt(b) => b.clone(),
            _ => BigInt::from(0),
        },
        _ => BigInt::from(0),
    }
}

/// An int value from a BigInt.
pub fn from_big(b: BigInt) -> Value {
    int::normalize(b)
}

/// ValueError 'math domain error'.
#[cold]
pub fn domain_error() -> Raise {
    Raise::value_error("math domain error")
}

/// OverflowError 'math range error'.
#[cold]
pub fn range_error() -> Raise {
    Raise::new(ExcKind::OverflowError, "math range error")
}

/// A tuple value.
pub fn tuple(items: Vec<Value>) -> Value {
    Value::obj(Object::Tuple(items.into()))
}
