//! What only a bytearray can do: its mutating methods (append, extend, insert,
//! pop, remove, clear, copy, reverse), item and slice assignment and deletion,
//! and the in-place `+=` and `*=`.

use super::args::{byte_arg, clinic, int_of, no_args, one_arg, ssize_arg, Kwargs};
use super::{as_bytes, construct::from_iterable, repeated, Kind, Span};
use crate::eval::attr;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{NativeFn, Object};
use crate::value::Value;

/// The bytearray-only method called `name`.
pub(super) fn method(name: &str) -> Option<NativeFn> {
    let f: NativeFn = match name {
        "append" => append,
        "extend" => extend,
        "insert" => insert,
        "pop" => pop,
        "remove" => remove,
        "clear" => |vm, a, k| edit(vm, "clear", a, k, Vec::clear),
        "reverse" => |vm, a, k| edit(vm, "reverse", a, k, |d| d.reverse()),
        "copy" => |vm, a, k| {
            let r = no_args(vm, "copy", a, k)?;
            Ok(Kind::ByteArray.make(r.data.to_vec()))
        },
        _ => return None,
    };
    Some(f)
}

/// The bytes of a bytearray receiver, to change.
fn cell<'a>(vm: &Vm, name: &str, v: &'a Value) -> PyResult<&'a GilCell<Vec<u8>>> {
    match v.as_object() {
        Some(Object::ByteArray(b)) => Ok(b),
        _ => Err(Raise::type_error(format!(
            "descriptor '{name}' for 'bytearray' objects doesn't apply to a '{}' object",
            attr::type_name(vm, v)
        ))),
    }
}

/// A method without arguments that changes the bytes with `f`.
fn edit(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    f: fn(&mut Vec<u8>),
) -> PyResult<Value> {
    no_args(vm, name, args, kwargs)?;
    f(cell(vm, name, &args[0])?.get_mut(&mut vm.gil));
    Ok(Value::None)
}

fn append(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let byte = {
        let (_, item) = one_arg(vm, "append", args, kwargs)?;
        byte_arg(vm, item)?
    };
    cell(vm, "append", &args[0])?
        .get_mut(&mut vm.gil)
        .push(byte);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let source = one_arg(vm, "extend", args, kwargs)?.1.clone();
    let Some(data) = from_iterable(vm, &source, Kind::ByteArray)? else {
        return Err(Raise::type_error(format!(
            "can't extend bytearray with {}",
            attr::type_name(vm, &source)
        )));
    };
    cell(vm, "extend", &args[0])?
        .get_mut(&mut vm.gil)
        .extend_from_slice(&data);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (i, byte, len) = {
        let r = clinic(vm, "insert", args, kwargs, 2, 2)?;
        let i = ssize_arg(vm, &r.rest[0])?;
        (i, byte_arg(vm, &r.rest[1])?, r.data.len() as i64)
    };
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    cell(vm, "insert", &args[0])?
        .get_mut(&mut vm.gil)
        .insert(at, byte);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (i, len) = {
        let r = clinic(vm, "pop", args, kwargs, 0, 1)?;
        let i = match r.rest.first() {
            Some(v) => ssize_arg(vm, v)?,
            None => -1,
        };
        (i, r.data.len() as i64)
    };
    if len == 0 {
        return Err(Raise::new(ExcKind::IndexError, "pop from empty bytearray"));
    }
    let at = if i < 0 { i + len } else { i };
    if at < 0 || at >= len {
        return Err(Raise::new(ExcKind::IndexError, "pop index out of range"));
    }
    let byte = cell(vm, "pop", &args[0])?
        .get_mut(&mut vm.gil)
        .remove(at as usize);
    Ok(Value::Int(byte as i64))
}

fn remove(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let at = {
        let (r, item) = one_arg(vm, "remove", args, kwargs)?;
        let byte = byte_arg(vm, item)?;
        r.data.iter().position(|&c| c == byte)
    };
    let Some(at) = at else {
        return Err(Raise::value_error("value not found in bytearray"));
    };
    cell(vm, "remove", &args[0])?
        .get_mut(&mut vm.gil)
        .remove(at);
    Ok(Value::None)
}

// ---------------------------------------------------------------------------
// Item and slice assignment and deletion
// ---------------------------------------------------------------------------

fn is_slice(v: &Value) -> bool {
    matches!(v.as_object(), Some(Object::Slice { .. }))
}

/// An int index, checked against `len`.
fn item_index(vm: &Vm, index: &Value, len: usize) -> PyResult<usize> {
    let out_of_range = || Raise::new(ExcKind::IndexError, "bytearray index out of range");
    let i = match index {
        Value::Obj(o) if matches!(o.get(), Object::BigInt(_)) => {
            return Err(Raise::new(
                ExcKind::IndexError,
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        v => int_of(v).ok_or_else(|| {
            Raise::type_error(format!(
                "bytearray indices must be integers or slices, not {}",
                attr::type_name(vm, v)
            ))
        })?,
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(out_of_range());
    }
    Ok(j as usize)
}

/// `container[index] = value` for bytes (an error) and bytearray.
pub fn setitem(vm: &mut Vm, container: &Value, index: &Value, value: &Value) -> PyResult<()> {
    let Some(Object::ByteArray(cell)) = container.as_object() else {
        return Err(Raise::type_error(format!(
            "'{}' object does not support item assignment",
            attr::type_name(vm, container)
        )));
    };
    let len = cell.get(&vm.gil).len();
    if !is_slice(index) {
        let i = item_index(vm, index, len)?;
        let byte = byte_arg(vm, value)?;
        cell.get_mut(&mut vm.gil)[i] = byte;
        return Ok(());
    }
    let cannot_assign = || {
        Raise::type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
    };
    let new = match value.as_object() {
        Some(Object::Str(_)) => return Err(cannot_assign()),
        _ if int_of(value).is_some() => return Err(cannot_assign()),
        _ => from_iterable(vm, value, Kind::ByteArray)?.ok_or_else(cannot_assign)?,
    };
    // The iterable may have run Python code that resized the bytearray.
    let len = cell.get(&vm.gil).len();
    let span = Span::of(vm, index, len)?;
    if span.step == 1 {
        let start = span.start as usize;
        cell.get_mut(&mut vm.gil)
            .splice(start..start + span.count, new);
        return Ok(());
    }
    if new.len() != span.count {
        return Err(Raise::value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            new.len(),
            span.count
        )));
    }
    let picked: Vec<usize> = span.indices().collect();
    let data = cell.get_mut(&mut vm.gil);
    for (i, byte) in picked.into_iter().zip(new) {
        data[i] = byte;
    }
    Ok(())
}

/// `del container[index]` for bytes (an error) and bytearray.
pub fn delitem(vm: &mut Vm, container: &Value, index: &Value) -> PyResult<()> {
    let Some(Object::ByteArray(cell)) = container.as_object() else {
        return Err(Raise::type_error(format!(
            "'{}' object doesn't support item deletion",
            attr::type_name(vm, container)
        )));
    };
    let len = cell.get(&vm.gil).len();
    if !is_slice(index) {
        let i = item_index(vm, index, len)?;
        cell.get_mut(&mut vm.gil).remove(i);
        return Ok(());
    }
    let span = Span::of(vm, index, len)?;
    let mut doomed = vec![false; len];
    for i in span.indices() {
        doomed[i] = true;
    }
    let data = cell.get_mut(&mut vm.gil);
    let mut k = 0;
    data.retain(|_| {
        k += 1;
        !doomed[k - 1]
    });
    Ok(())
}

/// `a += b` on a bytearray: extends it in place; `None` when `b` is not
/// bytes-like (the operator then reports the types).
pub fn inplace_concat(vm: &mut Vm, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let Some(Object::ByteArray(cell)) = a.as_object() else {
        return None;
    };
    let extra = as_bytes(&vm.gil, b)?.to_vec();
    cell.get_mut(&mut vm.gil).extend_from_slice(&extra);
    Some(Ok(a.clone()))
}

/// `a *= n` on a bytearray: repeats it in place.
pub fn inplace_repeat(vm: &mut Vm, a: &Value, n: i64) -> Option<PyResult<Value>> {
    let Some(Object::ByteArray(cell)) = a.as_object() else {
        return None;
    };
    match repeated(cell.get(&vm.gil), n) {
        Ok(data) => {
            *cell.get_mut(&mut vm.gil) = data;
            Some(Ok(a.clone()))
        }
        Err(e) => Some(Err(e)),
    }
}
