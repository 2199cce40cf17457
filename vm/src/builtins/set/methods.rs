//! The methods of `set` and `frozenset`, with CPython 3.11's argument checks
//! and messages. A frozenset has only the methods that do not change it.

use super::{
    cell, copy, difference_many, difference_update, insert, intersection_many, is_disjoint,
    is_subset, is_superset, lookup_entry, symmetric_difference, symmetric_difference_update,
    union_many, update, Kind,
};
use crate::eval::attr;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{NativeFn, Object, PyStr};
use crate::value::Value;

type Kw = [(Box<str>, Value)];

/// The methods of `set`.
pub const SET_METHODS: &[(&str, NativeFn)] = &[
    ("add", add),
    ("clear", clear),
    ("copy", |vm, a, k| copy_method(vm, Kind::Set, a, k)),
    ("discard", discard),
    ("difference", |vm, a, k| {
        difference_method(vm, Kind::Set, a, k)
    }),
    ("difference_update", difference_update_method),
    ("intersection", |vm, a, k| {
        intersection_method(vm, Kind::Set, a, k)
    }),
    ("intersection_update", intersection_update),
    ("isdisjoint", |vm, a, k| isdisjoint(vm, Kind::Set, a, k)),
    ("issubset", |vm, a, k| issubset(vm, Kind::Set, a, k)),
    ("issuperset", |vm, a, k| issuperset(vm, Kind::Set, a, k)),
    ("pop", pop),
    ("remove", remove),
    ("symmetric_difference", |vm, a, k| {
        symmetric_difference_method(vm, Kind::Set, a, k)
    }),
    (
        "symmetric_difference_update",
        symmetric_difference_update_method,
    ),
    ("union", |vm, a, k| union(vm, Kind::Set, a, k)),
    ("update", update_method),
];

/// The methods of `frozenset`.
pub const FROZENSET_METHODS: &[(&str, NativeFn)] = &[
    ("copy", |vm, a, k| copy_method(vm, Kind::Frozen, a, k)),
    ("difference", |vm, a, k| {
        difference_method(vm, Kind::Frozen, a, k)
    }),
    ("intersection", |vm, a, k| {
        intersection_method(vm, Kind::Frozen, a, k)
    }),
    ("isdisjoint", |vm, a, k| isdisjoint(vm, Kind::Frozen, a, k)),
    ("issubset", |vm, a, k| issubset(vm, Kind::Frozen, a, k)),
    ("issuperset", |vm, a, k| issuperset(vm, Kind::Frozen, a, k)),
    ("symmetric_difference", |vm, a, k| {
        symmetric_difference_method(vm, Kind::Frozen, a, k)
    }),
    ("union", |vm, a, k| union(vm, Kind::Frozen, a, k)),
];

/// How many arguments a method takes after its receiver.
#[derive(Clone, Copy)]
enum Arity {
    None,
    One,
    Any,
}

/// Check a call of `kind.name`: the receiver's type, no keywords, the number of
/// arguments. The receiver and the other arguments.
fn check<'a>(
    vm: &Vm,
    kind: Kind,
    name: &str,
    arity: Arity,
    args: &'a [Value],
    kwargs: &Kw,
) -> PyResult<(&'a Value, &'a [Value])> {
    let type_name = kind.name();
    let Some((receiver, rest)) = args.split_first() else {
        return Err(Raise::type_error(format!(
            "unbound method {type_name}.{name}() needs an argument"
        )));
    };
    let fits = match kind {
        Kind::Set => matches!(receiver.as_object(), Some(Object::Set(_))),
        Kind::Frozen => matches!(receiver.as_object(), Some(Object::FrozenSet(_))),
    };
    if !fits {
        return Err(Raise::type_error(format!(
            "descriptor '{name}' for '{type_name}' objects doesn't apply to a '{}' object",
            attr::type_name(vm, receiver)
        )));
    }
    if !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "{type_name}.{name}() takes no keyword arguments"
        )));
    }
    let given = rest.len();
    match arity {
        Arity::None if given != 0 => Err(Raise::type_error(format!(
            "{type_name}.{name}() takes no arguments ({given} given)"
        ))),
        Arity::One if given != 1 => Err(Raise::type_error(format!(
            "{type_name}.{name}() takes exactly one argument ({given} given)"
        ))),
        _ => Ok((receiver, rest)),
    }
}

fn add(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (so, rest) = check(vm, Kind::Set, "add", Arity::One, args, kwargs)?;
    let e = crate::eval::keys::entry(vm, rest[0].clone())?;
    if let Some(t) = cell(so) {
        insert(vm, t, e)?;
    }
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (so, _) = check(vm, Kind::Set, "clear", Arity::None, args, kwargs)?;
    if let Some(t) = cell(so) {
        t.get_mut(&mut vm.gil).clear();
    }
    Ok(Value::None)
}

fn copy_method(vm: &mut Vm, kind: Kind, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (so, _) = check(vm, kind, "copy", Arity::None, args, kwargs)?;
    Ok(match kind {
        // A frozenset cannot change, so its copy is itself.
        Kind::Frozen => so.clone(),
        Kind::Set => kind.wrap(copy(vm, so)),
    })
}

/// Remove `key` from the set `so`; whether it was there.
fn discard_key(vm: &mut Vm, so: &Value, key: &Value) -> PyResult<bool> {
    let e = lookup_entry(vm, key)?;
    Ok(match cell(so) {
        Some(t) => super::discard(vm, t, &e)?.is_some(),
        None => false,
    })
}

fn discard(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (so, rest) = check(vm, Kind::Set, "discard", Arity::One, args, kwargs)?;
    discard_key(vm, so, &rest[0])?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (so, rest) = check(vm, Kind::Set, "remove", Arity::One, args, kwargs)?;
    if !discard_key(vm, so, &rest[0])? {
        return Err(Raise::WithValue(ExcKind::KeyError, rest[0].clone()));
    }
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (so, _) = check(vm, Kind::Set, "pop", Arity::None, args, kwargs)?;
    cell(so)
        .and_then(|t| t.get_mut(&mut vm.gil).pop())
        .ok_or_else(|| Raise::WithValue(ExcKind::KeyError, PyStr::value("pop from an empty set")))
}

fn union(vm: &mut Vm, kind: Kind, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (so, others) = check(vm, kind, "union", Arity::Any, args, kwargs)?;
    Ok(kind.wrap(union_many(vm, so, others)?))
}

fn update_method(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (so, others) = check(vm, Kind::Set, "update", Arity::Any, args, kwargs)?;
    if let Some(t) = cell(so) {
        for other in others {
            update(vm, t, other)?;
        }
    }
    Ok(Value::None)
}

fn intersection_method(vm: &mut Vm, kind: Kind, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (so, others) = check(vm, kind, "intersection", Arity::Any, args, kwargs)?;
    Ok(kind.wrap(intersection_many(vm, so, others)?))
}

fn intersection_update(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (so, others) = check(
        vm,
        Kind::Set,
        "intersection_update",
        Arity::Any,
        args,
        kwargs,
    )?;
    let kept = intersection_many(vm, so, others)?;
    if let Some(t) = cell(so) {
        t.get_mut(&mut vm.gil).replace_with(kept);
    }
    Ok(Value::None)
}

fn difference_method(vm: &mut Vm, kind: Kind, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (so, others) = check(vm, kind, "difference", Arity::Any, args, kwargs)?;
    Ok(kind.wrap(difference_many(vm, so, others)?))
}

fn difference_update_method(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (so, others) = check(vm, Kind::Set, "difference_update", Arity::Any, args, kwargs)?;
    if let Some(t) = cell(so) {
        for other in others {
            difference_update(vm, t, other)?;
        }
    }
    Ok(Value::None)
}

fn symmetric_difference_method(
    vm: &mut Vm,
    kind: Kind,
    args: &[Value],
    kwargs: &Kw,
) -> PyResult<Value> {
    let (so, rest) = check(vm, kind, "symmetric_difference", Arity::One, args, kwargs)?;
    Ok(kind.wrap(symmetric_difference(vm, so, &rest[0])?))
}

fn symmetric_difference_update_method(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let name = "symmetric_difference_update";
    let (so, rest) = check(vm, Kind::Set, name, Arity::One, args, kwargs)?;
    if let Some(t) = cell(so) {
        symmetric_difference_update(vm, t, &rest[0])?;
    }
    Ok(Value::None)
}

fn isdisjoint(vm: &mut Vm, kind: Kind, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (so, rest) = check(vm, kind, "isdisjoint", Arity::One, args, kwargs)?;
    Ok(Value::Bool(is_disjoint(vm, so, &rest[0])?))
}

fn issubset(vm: &mut Vm, kind: Kind, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (so, rest) = check(vm, kind, "issubset", Arity::One, args, kwargs)?;
    Ok(Value::Bool(is_subset(vm, so, &rest[0])?))
}

fn issuperset(vm: &mut Vm, kind: Kind, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (so, rest) = check(vm, kind, "issuperset", Arity::One, args, kwargs)?;
    Ok(Value::Bool(is_superset(vm, so, &rest[0])?))
}
