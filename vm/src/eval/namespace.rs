//! The namespace of a module or class body, for LOAD_NAME / STORE_NAME /
//! DELETE_NAME. Usually a dict; a metaclass's `__prepare__` may return any
//! mapping (enum's member-recording dict subclass), whose `__getitem__`,
//! `__setitem__` and `__delitem__` then run.

use super::{exception, ops};
use crate::exc::{ExcKind, PyResult};
use crate::interp::Vm;
use crate::object::{Object, PyStr};
use crate::value::{Obj, Value};

/// `ns[key]`, or `None` when the key is missing (KeyError from a mapping).
pub fn load(vm: &mut Vm, ns: &Obj, key: &str) -> PyResult<Option<Value>> {
    if let Object::Dict(d) = ns.get() {
        return Ok(d.get(&vm.gil).get_str(key).cloned());
    }
    match ops::getitem(vm, &Value::Obj(ns.clone()), &PyStr::value(key)) {
        Ok(v) => Ok(Some(v)),
        Err(e) if exception::is_kind(vm, &e, ExcKind::KeyError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `ns[name]` for a name of the running code, whose str object and hash
/// the code keeps (no str is made, no hash computed).
#[inline]
pub fn load_name(vm: &mut Vm, ns: &Obj, name: &Value, hash: i64) -> PyResult<Option<Value>> {
    if let (Object::Dict(d), Some(Object::Str(s))) = (ns.get(), name.as_object()) {
        return Ok(d.get(&vm.gil).get_hashed(&s.text, hash).cloned());
    }
    match ops::getitem(vm, &Value::Obj(ns.clone()), name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if exception::is_kind(vm, &e, ExcKind::KeyError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `ns[name] = v` for a name of the running code (see `load_name`).
#[inline]
pub fn store_name(vm: &mut Vm, ns: &Obj, name: &Value, hash: i64, v: Value) -> PyResult<()> {
    if let Object::Dict(d) = ns.get() {
        d.get_mut(&mut vm.gil).set_named(name, hash, v);
        return Ok(());
    }
    ops::setitem(vm, &Value::Obj(ns.clone()), name.clone(), v)
}

/// `ns[key] = v`.
pub fn store(vm: &mut Vm, ns: &Obj, key: &str, v: Value) -> PyResult<()> {
    if let Object::Dict(d) = ns.get() {
        d.get_mut(&mut vm.gil).insert_str(key, v);
        return Ok(());
    }
    ops::setitem(vm, &Value::Obj(ns.clone()), PyStr::value(key), v)
}

/// `del ns[key]`; false when the key was missing.
pub fn delete(vm: &mut Vm, ns: &Obj, key: &str) -> PyResult<bool> {
    if let Object::Dict(d) = ns.get() {
        return Ok(d.get_mut(&mut vm.gil).remove_str(key).is_some());
    }
    match ops::delitem(vm, &Value::Obj(ns.clone()), &PyStr::value(key)) {
        Ok(()) => Ok(true),
        Err(e) if exception::is_kind(vm, &e, ExcKind::KeyError) => Ok(false),
        Err(e) => Err(e),
    }
}
