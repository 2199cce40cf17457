//! The pattern-matching instructions (PEP 634): which subjects sequence and
//! mapping patterns accept, `MATCH_KEYS`, `MATCH_CLASS` and
//! `COPY_DICT_WITHOUT_KEYS`, with CPython 3.11's errors.
//!
//! A failed match is not an error: these return `None` and the compiled
//! pattern jumps to the next case. Only misuse raises (a pattern class that
//! is not a class, bad `__match_args__`, duplicate keys or attributes).

use super::{attr, keys, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{BuiltinType, Dict, Object};
use crate::value::{Obj, Value};

/// MATCH_SEQUENCE: what CPython flags as a sequence. `str`, `bytes` and
/// `dict` are not; iterators and generators are not either.
pub fn is_sequence(v: &Value) -> bool {
    matches!(
        v.as_object(),
        Some(Object::List(_) | Object::Tuple(_) | Object::Range { .. })
    )
}

/// MATCH_MAPPING: what CPython flags as a mapping.
pub fn is_mapping(v: &Value) -> bool {
    matches!(v.as_object(), Some(Object::Dict(_)))
}

fn tuple_items(v: &Value) -> &[Value] {
    match v.as_object() {
        Some(Object::Tuple(t)) => t,
        _ => &[],
    }
}

/// MATCH_KEYS: the values of `keys` in the mapping `subject` as a tuple, or
/// None at the first missing key. A key seen twice (value patterns can
/// evaluate equal) is a ValueError, found in the order keys are looked up.
pub fn match_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let keys = tuple_items(keys);
    let Some(Object::Dict(map)) = subject.as_object() else {
        return Ok(Value::None);
    };
    let seen = GilCell::new(Dict::new());
    let mut values = Vec::with_capacity(keys.len());
    for key in keys {
        if keys::contains(vm, &seen, key)? {
            let shown = ops::repr(vm, key)?;
            return Err(Raise::value_error(format!(
                "mapping pattern checks duplicate key ({shown})"
            )));
        }
        keys::set(vm, &seen, key.clone(), Value::None)?;
        match keys::get(vm, map, key)? {
            Some(v) => values.push(v),
            None => return Ok(Value::None),
        }
    }
    Ok(Value::obj(Object::Tuple(values.into())))
}

/// COPY_DICT_WITHOUT_KEYS: `**rest` of a mapping pattern, a new dict of the
/// items whose keys the pattern did not name.
pub fn dict_without_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let rest = GilCell::new(match subject.as_object() {
        Some(Object::Dict(d)) => d.get(&vm.gil).clone(),
        _ => Dict::new(),
    });
    for key in tuple_items(keys) {
        keys::remove(vm, &rest, key)?;
    }
    Ok(Value::obj(Object::Dict(rest)))
}

/// The builtin types whose class pattern takes one positional sub-pattern
/// matched against the whole subject (CPython's `_Py_TPFLAGS_MATCH_SELF`).
fn matches_self(t: BuiltinType) -> bool {
    matches!(
        t,
        BuiltinType::Bool
            | BuiltinType::Int
            | BuiltinType::Float
            | BuiltinType::Str
            | BuiltinType::List
            | BuiltinType::Tuple
            | BuiltinType::Dict
    )
}

/// MATCH_CLASS: for `Cls(p1, ..., pn, k1=q1, ...)`, whether `subject` is an
/// instance of `class`, then its `n` attributes named by `__match_args__`
/// (or the subject itself, for the builtin types that match themselves) and
/// the keyword attributes `names`, as a tuple; None when it is not an
/// instance or an attribute is missing.
pub fn match_class(
    vm: &mut Vm,
    subject: &Value,
    class: &Value,
    nargs: usize,
    names: &Value,
) -> PyResult<Value> {
    let cls = match class {
        Value::Obj(o) if matches!(o.get(), Object::Class(_)) => o.clone(),
        _ => return Err(Raise::type_error("called match pattern must be a type")),
    };
    let subject_class = attr::class_of(vm, subject);
    if !attr::is_subclass(vm, &subject_class, &cls) {
        return Ok(Value::None);
    }
    let class_name = match cls.get() {
        Object::Class(c) => c.name.to_string(),
        _ => String::new(),
    };
    let mut seen: Vec<String> = Vec::new();
    let mut attrs = Vec::with_capacity(nargs + tuple_items(names).len());
    if nargs > 0 {
        let match_args = match attr::get(vm, class, "__match_args__") {
            Ok(v) => Some(v),
            Err(e) if is_attribute_error(vm, &e) => None,
            Err(e) => return Err(e),
        };
        let (positional, match_self) = match &match_args {
            Some(v) => match v.as_object() {
                Some(Object::Tuple(t)) => (t.to_vec(), false),
                _ => {
                    return Err(Raise::type_error(format!(
                        "{class_name}.__match_args__ must be a tuple (got {})",
                        attr::type_name(vm, v)
                    )))
                }
            },
            None => (Vec::new(), builtin_of(vm, &cls).is_some_and(matches_self)),
        };
        let allowed = if match_self { 1 } else { positional.len() };
        if allowed < nargs {
            return Err(Raise::type_error(format!(
                "{class_name}() accepts {allowed} positional sub-pattern{} ({nargs} given)",
                if allowed == 1 { "" } else { "s" }
            )));
        }
        if match_self {
            attrs.push(subject.clone());
        } else {
            for name in &positional[..nargs] {
                let Some(Object::Str(s)) = name.as_object() else {
                    return Err(Raise::type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        attr::type_name(vm, name)
                    )));
                };
                match class_attr(vm, subject, &class_name, &s.text, &mut seen)? {
                    Some(v) => attrs.push(v),
                    None => return Ok(Value::None),
                }
            }
        }
    }
    for name in tuple_items(names) {
        let Some(Object::Str(s)) = name.as_object() else {
            continue;
        };
        match class_attr(vm, subject, &class_name, &s.text, &mut seen)? {
            Some(v) => attrs.push(v),
            None => return Ok(Value::None),
        }
    }
    Ok(Value::obj(Object::Tuple(attrs.into())))
}

/// One attribute of a class pattern's subject: `None` when it has none (an
/// AttributeError), a TypeError when the pattern names it twice.
fn class_attr(
    vm: &mut Vm,
    subject: &Value,
    class_name: &str,
    name: &str,
    seen: &mut Vec<String>,
) -> PyResult<Option<Value>> {
    if seen.iter().any(|s| s == name) {
        return Err(Raise::type_error(format!(
            "{class_name}() got multiple sub-patterns for attribute {}",
            crate::object::str::repr(name)
        )));
    }
    seen.push(name.to_string());
    match attr::get(vm, subject, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if is_attribute_error(vm, &e) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The builtin type a class is or derives from.
fn builtin_of(vm: &Vm, class: &Obj) -> Option<BuiltinType> {
    let Object::Class(c) = class.get() else {
        return None;
    };
    if c.builtin.is_some() {
        return c.builtin;
    }
    c.mro.get(&vm.gil).iter().find_map(|k| match k.get() {
        Object::Class(k) => k.builtin.filter(|t| *t != BuiltinType::Object),
        _ => None,
    })
}

/// Did `err` come from AttributeError (or a subclass, raised by Python code)?
fn is_attribute_error(vm: &Vm, err: &Raise) -> bool {
    match err {
        Raise::New(kind, _) | Raise::WithValue(kind, _) | Raise::Bare(kind) => {
            *kind == ExcKind::AttributeError
        }
        Raise::Object(v) | Raise::Reraised(v) => {
            let class = attr::class_of(vm, v);
            let attribute_error = vm.exc_class(ExcKind::AttributeError);
            attr::is_subclass(vm, &class, &attribute_error)
        }
        Raise::Transfer(_) => false,
    }
}
