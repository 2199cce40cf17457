//! Hashing and comparing keys with Python code: `hash(x)` and the look-ups of
//! dicts, for keys that may be instances with their own `__hash__`/`__eq__`.
//!
//! The tables themselves (`object::dict`, `object::set`) run no Python code.
//! Here the hash is computed first (calling `__hash__` when the key's class
//! has its own), then the table is probed; a probe that meets stored keys it
//! cannot compare without `__eq__` hands them back, and they are compared
//! here, with the table no longer borrowed. If that Python code changes the
//! dict, the look-up starts over, as in CPython.

use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::dict::{builtin_equal, builtin_hash, identity_hash, tuple_hash, Dict, Probe};
use crate::object::set::Entry;
use crate::object::{int, Object};
use crate::value::Value;

use super::{attr, ops};

/// How many times a look-up restarts because `__eq__` keeps changing the dict.
const MAX_RESTARTS: usize = 1000;

/// `hash(v)`.
pub fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match builtin_hash(v)? {
        Some(h) => Ok(h),
        None => python_hash(vm, v),
    }
}

/// The hash of an instance of a Python class, or of a tuple holding one.
#[inline(never)]
fn python_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let Value::Obj(o) = v else {
        unreachable!("unboxed values hash without Python")
    };
    match o.get() {
        Object::Tuple(items) => {
            let mut hashes = Vec::with_capacity(items.len());
            for item in items.iter() {
                hashes.push(hash(vm, item)?);
            }
            Ok(tuple_hash(&hashes))
        }
        Object::Instance(inst) => {
            if attr::hooks(vm, &inst.class) & attr::HOOK_HASH == 0 {
                return match &inst.payload {
                    Some(payload) => hash(vm, payload),
                    None => Ok(identity_hash(o)),
                };
            }
            let class = inst.class.clone();
            let unhashable = |vm: &Vm| {
                Raise::type_error(format!("unhashable type: '{}'", attr::type_name(vm, v)))
            };
            match attr::lookup(vm, &class, "__hash__") {
                None | Some(Value::None) => Err(unhashable(vm)),
                Some(_) => match ops::call_dunder(vm, v, "__hash__", Vec::new())? {
                    Some(h) => hash_result(&h),
                    None => Err(unhashable(vm)),
                },
            }
        }
        _ => unreachable!("only instances and tuples need Python to hash"),
    }
}

/// What `__hash__` returned, as a hash: an int (of any size, reduced as
/// CPython reduces it), else TypeError.
fn hash_result(h: &Value) -> PyResult<i64> {
    // An int, a bool, or an instance of an int subclass.
    let n = h.builtin_view();
    let is_int = match n {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) => matches!(o.get(), Object::BigInt(_)),
        _ => false,
    };
    match int::hash(n) {
        Some(hash) if is_int => Ok(hash),
        _ => Err(Raise::type_error(
            "__hash__ method should return an integer",
        )),
    }
}

/// `key` with its hash, as a set element.
pub fn entry(vm: &mut Vm, key: Value) -> PyResult<Entry> {
    Ok(Entry {
        hash: hash(vm, &key)?,
        key,
    })
}

/// `a == b` for two keys with equal hashes: identity, the builtin rules, or
/// the full comparison protocol.
pub fn equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match builtin_equal(a, b) {
        Some(eq) => Ok(eq),
        None => ops::eq(vm, a, b),
    }
}

/// Where `key` (hash `hash`) sits in the dict, if present.
pub fn find(vm: &mut Vm, dict: &GilCell<Dict>, hash: i64, key: &Value) -> PyResult<Option<usize>> {
    'restart: for _ in 0..MAX_RESTARTS {
        let asks = match dict.get(&vm.gil).probe(hash, key) {
            Probe::Found(i) => return Ok(Some(i)),
            Probe::Missing => return Ok(None),
            Probe::Ask(asks) => asks,
        };
        let version = dict.get(&vm.gil).version();
        for stored in asks {
            // The stored key is the left operand, as in CPython.
            let eq = ops::eq(vm, &stored, key)?;
            let d = dict.get(&vm.gil);
            if d.version() != version {
                continue 'restart;
            }
            if eq {
                return Ok(d.position_of_same(hash, &stored));
            }
        }
        return Ok(None);
    }
    Err(Raise::new(
        ExcKind::RuntimeError,
        "dictionary changed size during iteration",
    ))
}

/// `d[key]`, or None when missing.
pub fn get(vm: &mut Vm, dict: &GilCell<Dict>, key: &Value) -> PyResult<Option<Value>> {
    let h = hash(vm, key)?;
    get_hashed(vm, dict, h, key)
}

/// `d[key]` for a key whose hash is known.
pub fn get_hashed(
    vm: &mut Vm,
    dict: &GilCell<Dict>,
    hash: i64,
    key: &Value,
) -> PyResult<Option<Value>> {
    Ok(match find(vm, dict, hash, key)? {
        Some(i) => dict.get(&vm.gil).value_at(i).cloned(),
        None => None,
    })
}

/// `key in d`.
pub fn contains(vm: &mut Vm, dict: &GilCell<Dict>, key: &Value) -> PyResult<bool> {
    let h = hash(vm, key)?;
    Ok(find(vm, dict, h, key)?.is_some())
}

/// `d[key] = value`.
pub fn set(vm: &mut Vm, dict: &GilCell<Dict>, key: Value, value: Value) -> PyResult<()> {
    let h = hash(vm, &key)?;
    set_hashed(vm, dict, h, key, value)
}

/// `d[key] = value` for a key whose hash is known.
pub fn set_hashed(
    vm: &mut Vm,
    dict: &GilCell<Dict>,
    hash: i64,
    key: Value,
    value: Value,
) -> PyResult<()> {
    // Usually decided in one probe; a stored key that needs `__eq__` sends
    // the look-up the long way.
    let (key, value) = match dict.get_mut(&mut vm.gil).set_probed(hash, key, value) {
        Ok(()) => return Ok(()),
        Err((_, key, value)) => (key, value),
    };
    match find(vm, dict, hash, &key)? {
        Some(i) => dict.get_mut(&mut vm.gil).set_at(i, value),
        None => dict.get_mut(&mut vm.gil).insert_new(hash, key, value),
    }
    Ok(())
}

/// Remove `key`, returning its value; None when missing.
pub fn remove(vm: &mut Vm, dict: &GilCell<Dict>, key: &Value) -> PyResult<Option<Value>> {
    let h = hash(vm, key)?;
    Ok(match find(vm, dict, h, key)? {
        Some(i) => dict.get_mut(&mut vm.gil).remove_at(i).map(|(_, v)| v),
        None => None,
    })
}

/// Set every `(hash, key, value)` of `items` in `dict`, in order.
pub fn update(vm: &mut Vm, dict: &GilCell<Dict>, items: Vec<(i64, Value, Value)>) -> PyResult<()> {
    for (hash, key, value) in items {
        set_hashed(vm, dict, hash, key, value)?;
    }
    Ok(())
}

/// `del d[key]`: remove `key`, raising KeyError when missing.
pub fn delete(vm: &mut Vm, dict: &GilCell<Dict>, key: &Value) -> PyResult<Value> {
    remove(vm, dict, key)?.ok_or_else(|| Raise::WithValue(ExcKind::KeyError, key.clone()))
}
