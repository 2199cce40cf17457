//! `slice` objects and the index protocol sequences share: `__index__`
//! conversion, a slice's bounds resolved against a length (CPython's
//! `PySlice_AdjustIndices`), and the attributes and methods of `slice`
//! (`start`, `stop`, `step`, `indices()`, `==` / `<` by their triple).

use crate::eval::{attr, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{NativeFn, Object};
use crate::value::Value;
use num_traits::{Signed, ToPrimitive};

type Kwargs = [(Box<str>, Value)];

/// `v` as an int through `operator.index`: ints and bools as they are, an
/// int subclass's value, or what `__index__` returns; `Ok(None)` when `v`
/// has no `__index__`.
pub fn as_index(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    match v.builtin_view() {
        Value::Int(_) => return Ok(Some(v.builtin_view().clone())),
        Value::Bool(b) => return Ok(Some(Value::Int(*b as i64))),
        Value::Obj(o) if matches!(o.get(), Object::BigInt(_)) => {
            return Ok(Some(v.builtin_view().clone()))
        }
        _ => {}
    }
    if !matches!(v.as_object(), Some(Object::Instance(_))) {
        return Ok(None);
    }
    let Some(r) = ops::call_dunder(vm, v, "__index__", Vec::new())? else {
        return Ok(None);
    };
    match r {
        Value::Int(_) => Ok(Some(r)),
        Value::Bool(b) => Ok(Some(Value::Int(b as i64))),
        Value::Obj(ref o) if matches!(o.get(), Object::BigInt(_)) => Ok(Some(r)),
        other => Err(Raise::type_error(format!(
            "__index__ returned non-int (type {})",
            attr::type_name(vm, &other)
        ))),
    }
}

/// An index as an i64, clamped (big ints saturate, as slice bounds do).
pub fn clamp_i64(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Obj(o) => match o.get() {
            Object::BigInt(b) => {
                b.to_i64()
                    .unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX })
            }
            _ => 0,
        },
        _ => 0,
    }
}

/// `operator.index(v)` as an i64 that must fit (`'X' object cannot be
/// interpreted as an integer` otherwise).
pub fn index_i64(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match as_index(vm, v)? {
        Some(Value::Int(i)) => Ok(i),
        Some(_) => Err(Raise::new(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
        None => Err(Raise::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            attr::type_name(vm, v)
        ))),
    }
}

/// One bound of a slice: None, or an index clamped to i64.
fn bound(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if let Value::None = v {
        return Ok(None);
    }
    match as_index(vm, v)? {
        Some(i) => Ok(Some(clamp_i64(&i))),
        None => Err(Raise::type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// A slice resolved against a length: `start`, `stop`, `step` and how many
/// items it selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: i64,
}

impl Span {
    /// The `k`th index it selects.
    pub fn at(&self, k: i64) -> i64 {
        self.start + k * self.step
    }
}

/// The bounds `start:stop:step` of a slice object (step nonzero).
pub fn parts(vm: &mut Vm, slice: &Value) -> PyResult<(Option<i64>, Option<i64>, i64)> {
    let Some(Object::Slice { start, stop, step }) = slice.as_object() else {
        return Err(Raise::type_error("expected a slice"));
    };
    let step = bound(vm, step)?.unwrap_or(1);
    if step == 0 {
        return Err(Raise::value_error("slice step cannot be zero"));
    }
    // CPython keeps the step above -sys.maxsize so `-step` cannot overflow.
    let step = step.max(-i64::MAX);
    Ok((bound(vm, start)?, bound(vm, stop)?, step))
}

/// The indices `slice` selects from a sequence of `len` items.
pub fn span(vm: &mut Vm, slice: &Value, len: i64) -> PyResult<Span> {
    let (start, stop, step) = parts(vm, slice)?;
    Ok(adjust(start, stop, step, len))
}

/// Resolve bounds against `len` as CPython's `PySlice_AdjustIndices`.
pub fn adjust(start: Option<i64>, stop: Option<i64>, step: i64, len: i64) -> Span {
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |v: Option<i64>, default: i64| match v {
        None => default,
        Some(i) if i < 0 => i.saturating_add(len).max(lo),
        Some(i) => i.min(hi),
    };
    let (start, stop) = if step < 0 {
        (fix(start, hi), fix(stop, lo))
    } else {
        (fix(start, lo), fix(stop, hi))
    };
    let count = if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && stop < start {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    Span {
        start,
        stop,
        step,
        len: count,
    }
}

/// `s.start`, `s.stop`, `s.step`.
pub fn attribute(start: &Value, stop: &Value, step: &Value, name: &str) -> Option<Value> {
    match name {
        "start" => Some(start.clone()),
        "stop" => Some(stop.clone()),
        "step" => Some(step.clone()),
        _ => None,
    }
}

/// The methods of `slice`.
pub const METHODS: &[(&str, NativeFn)] = &[("indices", indices)];

/// `s.indices(length)`: the bounds for a sequence of that length.
fn indices(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(this @ Value::Obj(_)) = args.first() else {
        return Err(attr::wrong_receiver(vm, "indices", "slice", args));
    };
    if !matches!(this.as_object(), Some(Object::Slice { .. })) {
        return Err(attr::wrong_receiver(vm, "indices", "slice", args));
    }
    if args.len() != 2 || !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "slice.indices() takes exactly one argument ({} given)",
            args.len() - 1 + kwargs.len()
        )));
    }
    let len = index_i64(vm, &args[1])?;
    if len < 0 {
        return Err(Raise::value_error("length should not be negative"));
    }
    let s = span(vm, this, len)?;
    Ok(Value::obj(Object::Tuple(
        vec![Value::Int(s.start), Value::Int(s.stop), Value::Int(s.step)].into(),
    )))
}

/// The `(start, stop, step)` tuple two slices compare by.
pub fn as_tuple(v: &Value) -> Option<Value> {
    match v.as_object() {
        Some(Object::Slice { start, stop, step }) => Some(Value::obj(Object::Tuple(
            vec![start.clone(), stop.clone(), step.clone()].into(),
        ))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjust_matches_cpython() {
        let s = adjust(None, None, -3, 10);
        assert_eq!((s.start, s.stop, s.len), (9, -1, 4));
        let s = adjust(Some(-100), Some(100), 1, 5);
        assert_eq!((s.start, s.stop, s.len), (0, 5, 5));
        let s = adjust(Some(i64::MAX), None, 2, 3);
        assert_eq!((s.start, s.stop, s.len), (3, 3, 0));
    }
}
