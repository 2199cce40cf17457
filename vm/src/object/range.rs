//! `range` beyond iteration and indexing by int: the attributes `start`,
//! `stop`, `step`, the methods `index` and `count`, slicing (which makes
//! another range) and `==` by the sequence a range stands for.

use super::slice;
use crate::eval::{attr, iter, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{NativeFn, Object};
use crate::value::Value;

type Kwargs = [(Box<str>, Value)];

/// The methods of `range`.
pub const METHODS: &[(&str, NativeFn)] = &[("index", index), ("count", count)];

/// `r.start`, `r.stop`, `r.step`.
pub fn attribute(start: i64, stop: i64, step: i64, name: &str) -> Option<Value> {
    match name {
        "start" => Some(Value::Int(start)),
        "stop" => Some(Value::Int(stop)),
        "step" => Some(Value::Int(step)),
        _ => None,
    }
}

/// `r[s]` for a slice `s`: the range of the selected items.
pub fn slice(vm: &mut Vm, (start, stop, step): (i64, i64, i64), s: &Value) -> PyResult<Value> {
    let len = iter::range_len(start, stop, step);
    let span = slice::span(vm, s, len)?;
    let at = |k: i64| i128::from(start) + i128::from(k) * i128::from(step);
    let fit = |v: i128| {
        i64::try_from(v).map_err(|_| {
            Raise::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            )
        })
    };
    Ok(Value::obj(Object::Range {
        start: fit(at(span.start))?,
        stop: fit(at(span.stop))?,
        step: fit(i128::from(step) * i128::from(span.step))?,
    }))
}

/// Two ranges are equal when they stand for the same sequence.
pub fn equal(a: (i64, i64, i64), b: (i64, i64, i64)) -> bool {
    let (la, lb) = (
        iter::range_len(a.0, a.1, a.2),
        iter::range_len(b.0, b.1, b.2),
    );
    la == lb && (la == 0 || (a.0 == b.0 && (la == 1 || a.2 == b.2)))
}

fn parts(v: &Value) -> Option<(i64, i64, i64)> {
    match v.as_object() {
        Some(Object::Range { start, stop, step }) => Some((*start, *stop, *step)),
        _ => None,
    }
}

/// The position of the int `x` in the range, if it is in it.
fn position((start, stop, step): (i64, i64, i64), x: i64) -> Option<i64> {
    let inside = if step > 0 {
        start <= x && x < stop
    } else {
        stop < x && x <= start
    };
    let offset = i128::from(x) - i128::from(start);
    (inside && offset % i128::from(step) == 0).then(|| (offset / i128::from(step)) as i64)
}

/// How `value` occurs in the range: by arithmetic for ints, else by `==`
/// on each item (as CPython's generic sequence search).
fn search(vm: &mut Vm, r: (i64, i64, i64), value: &Value, all: bool) -> PyResult<Vec<i64>> {
    match value {
        Value::Int(x) => return Ok(position(r, *x).into_iter().collect()),
        Value::Bool(b) => return Ok(position(r, *b as i64).into_iter().collect()),
        Value::Obj(o) if matches!(o.get(), Object::BigInt(_)) => return Ok(Vec::new()),
        _ => {}
    }
    let mut found = Vec::new();
    for k in 0..iter::range_len(r.0, r.1, r.2) {
        if ops::eq(vm, &Value::Int(r.0 + k * r.2), value)? {
            found.push(k);
            if !all {
                break;
            }
        }
    }
    Ok(found)
}

fn receiver(vm: &Vm, method: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<(i64, i64, i64)> {
    let Some(r) = args.first().and_then(parts) else {
        return Err(attr::wrong_receiver(vm, method, "range", args));
    };
    if args.len() != 2 || !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "range.{method}() takes exactly one argument ({} given)",
            args.len() - 1 + kwargs.len()
        )));
    }
    Ok(r)
}

fn index(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let r = receiver(vm, "index", args, kwargs)?;
    match search(vm, r, &args[1], false)?.first() {
        Some(k) => Ok(Value::Int(*k)),
        None => {
            let what = match &args[1] {
                Value::Int(_) | Value::Bool(_) => {
                    format!("{} is not in range", ops::repr(vm, &args[1])?)
                }
                _ => "sequence.index(x): x not in sequence".to_string(),
            };
            Err(Raise::value_error(what))
        }
    }
}

fn count(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let r = receiver(vm, "count", args, kwargs)?;
    Ok(Value::Int(search(vm, r, &args[1], true)?.len() as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equality_and_position() {
        assert!(equal((0, 0, 1), (5, 2, 3)));
        assert!(equal((1, 2, 1), (1, 3, 5)));
        assert!(!equal((0, 4, 2), (0, 4, 1)));
        assert_eq!(position((10, 0, -3), 4), Some(2));
        assert_eq!(position((10, 0, -3), 5), None);
    }
}
