//! Attributes: `obj.name` lookup, assignment and deletion, and the class of a
//! value.

use super::descriptor;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{Builtin, BuiltinType, Object, PyStr};
use crate::value::{Obj, Value};
use std::sync::atomic::Ordering;

/// The class of any value.
pub fn class_of(vm: &Vm, v: &Value) -> Obj {
    let t = match v {
        Value::None => BuiltinType::NoneType,
        Value::Bool(_) => BuiltinType::Bool,
        Value::Int(_) => BuiltinType::Int,
        Value::Float(_) => BuiltinType::Float,
        Value::Obj(o) => match o.get() {
            Object::Instance(i) => return i.class.clone(),
            Object::Str(_) => BuiltinType::Str,
            Object::BigInt(_) => BuiltinType::Int,
            Object::Tuple(_) => BuiltinType::Tuple,
            Object::List(_) => BuiltinType::List,
            Object::Dict(_) => BuiltinType::Dict,
            Object::Range { .. } => BuiltinType::Range,
            Object::Slice { .. } => BuiltinType::Slice,
            Object::Iter(_) => BuiltinType::Iterator,
            Object::Function(_) => BuiltinType::Function,
            Object::Builtin(_) => BuiltinType::BuiltinFunction,
            Object::Method { .. } => BuiltinType::Method,
            Object::Class(c) => match &c.metaclass {
                Some(meta) => return meta.clone(),
                None => BuiltinType::Type,
            },
            Object::Module(_) => BuiltinType::Module,
            Object::Cell(_) => BuiltinType::Cell,
            Object::Code(_) => BuiltinType::Code,
            Object::Generator(_) => BuiltinType::Generator,
            Object::Property { .. } => BuiltinType::Property,
            Object::ClassMethod(_) => BuiltinType::ClassMethod,
            Object::StaticMethod(_) => BuiltinType::StaticMethod,
            Object::Super { .. } => BuiltinType::Super,
        },
    };
    vm.type_obj(t)
}

/// The `__name__` of a value's class, as error messages show it.
pub fn type_name(vm: &Vm, v: &Value) -> String {
    match class_of(vm, v).get() {
        Object::Class(c) => c.name.to_string(),
        _ => String::new(),
    }
}

/// One remembered class lookup: `name` on `class` found `value` (or nothing),
/// valid while the interpreter's type epoch is `epoch`.
#[derive(Default)]
pub struct CacheEntry {
    epoch: u64,
    class: Option<Obj>,
    name: Box<str>,
    value: Option<Value>,
}

const CACHE_SIZE: usize = 1024;

/// An empty lookup cache for a new thread.
pub fn new_cache() -> Box<[CacheEntry]> {
    (0..CACHE_SIZE).map(|_| CacheEntry::default()).collect()
}

/// Find `name` in a class or its bases (through this thread's cache, which
/// also remembers misses: `__getattr__` and friends are looked for often).
pub fn lookup(vm: &Vm, class: &Obj, name: &str) -> Option<Value> {
    let epoch = vm.interp.type_epoch.load(Ordering::Relaxed);
    let slot = (class.addr() >> 4 ^ crate::object::str::hash(name) as usize) % CACHE_SIZE;
    {
        let cache = vm.lookup_cache.borrow();
        let e = &cache[slot];
        if e.epoch == epoch && e.class.as_ref().is_some_and(|c| c.is(class)) && &*e.name == name {
            return e.value.clone();
        }
    }
    let value = lookup_uncached(vm, class, name);
    vm.lookup_cache.borrow_mut()[slot] = CacheEntry {
        epoch,
        class: Some(class.clone()),
        name: name.into(),
        value: value.clone(),
    };
    value
}

/// Forget every cached class lookup: a class namespace changed.
pub fn class_changed(vm: &Vm) {
    vm.interp.type_epoch.fetch_add(1, Ordering::Relaxed);
}

fn lookup_uncached(vm: &Vm, class: &Obj, name: &str) -> Option<Value> {
    let Object::Class(c) = class.get() else {
        return None;
    };
    if let Some(v) = c.dict.get(&vm.gil).get_str(name) {
        return Some(v.clone());
    }
    for base in c.mro.get(&vm.gil).iter() {
        if let Object::Class(b) = base.get() {
            if let Some(v) = b.dict.get(&vm.gil).get_str(name) {
                return Some(v.clone());
            }
        }
    }
    None
}

/// Is `sub` the class `sup` or derived from it?
pub fn is_subclass(vm: &Vm, sub: &Obj, sup: &Obj) -> bool {
    if sub.is(sup) {
        return true;
    }
    match sub.get() {
        Object::Class(c) => c.mro.get(&vm.gil).iter().any(|k| k.is(sup)),
        _ => false,
    }
}

/// A method of a builtin type, bound to `receiver`.
fn builtin_method(vm: &Vm, receiver: &Value, name: &str) -> Option<Value> {
    let call = crate::builtins::methods::find(vm, receiver, name)?;
    Some(Value::obj(Object::Builtin(Builtin {
        name: leak_name(name),
        call,
        receiver: Some(receiver.clone()),
        binds: false,
    })))
}

/// Builtin method names are few and live for the whole run.
fn leak_name(name: &str) -> &'static str {
    crate::builtins::methods::static_name(name)
}

/// `obj.name`: the class's own `__getattribute__` when it has one (with
/// `__getattr__` as the fallback on AttributeError), else the generic lookup.
pub fn get(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    if let Some(Object::Instance(inst)) = obj.as_object() {
        if let Some(f) = lookup(vm, &inst.class, "__getattribute__") {
            if !is_native(&f, crate::builtins::object_type::object_getattribute) {
                let class = inst.class.clone();
                let found =
                    super::call::call(vm, &f, vec![obj.clone(), PyStr::value(name)], Vec::new());
                return match found {
                    Err(e) if super::exception::is_attribute_error(vm, &e) => {
                        match lookup(vm, &class, "__getattr__") {
                            Some(getattr) => super::call::call(
                                vm,
                                &getattr,
                                vec![obj.clone(), PyStr::value(name)],
                                Vec::new(),
                            ),
                            None => Err(e),
                        }
                    }
                    other => other,
                };
            }
        }
    }
    generic_get(vm, obj, name)
}

/// Is `v` the native function `f`?
pub fn is_native(v: &Value, f: crate::object::NativeFn) -> bool {
    matches!(v.as_object(), Some(Object::Builtin(b)) if std::ptr::fn_addr_eq(b.call, f))
}

/// `object.__getattribute__(obj, name)`: descriptors on the class, the
/// instance's own attributes, then `__getattr__`.
pub fn generic_get(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    if let Value::Obj(o) = obj {
        match o.get() {
            Object::Instance(inst) => {
                if name == "__class__" {
                    return Ok(Value::Obj(inst.class.clone()));
                }
                if name == "__dict__" {
                    return Err(Raise::new(
                        ExcKind::NotImplementedError,
                        "__dict__ is not supported yet",
                    ));
                }
                let class_attr = lookup(vm, &inst.class, name);
                if let Some(v) = class_attr.as_ref().filter(|v| descriptor::is_data(vm, v)) {
                    return descriptor::get(vm, v.clone(), name, Some(obj), &inst.class);
                }
                if let Some(v) = inst.dict.get(&vm.gil).get_str(name) {
                    return Ok(v.clone());
                }
                if let Some(v) = class_attr {
                    return descriptor::get(vm, v, name, Some(obj), &inst.class);
                }
                if let Some(getattr) = lookup(vm, &inst.class, "__getattr__") {
                    return super::call::call(
                        vm,
                        &getattr,
                        vec![obj.clone(), PyStr::value(name)],
                        Vec::new(),
                    );
                }
            }
            Object::Class(c) => {
                match name {
                    "__name__" => return Ok(PyStr::value(&*c.name)),
                    "__qualname__" => return Ok(PyStr::value(&*c.qualname)),
                    "__bases__" => {
                        let bases = c
                            .bases
                            .iter()
                            .map(|b| Value::Obj(b.clone()))
                            .collect::<Vec<_>>();
                        return Ok(Value::obj(Object::Tuple(bases.into())));
                    }
                    "__mro__" => {
                        let mut mro = vec![obj.clone()];
                        mro.extend(c.mro.get(&vm.gil).iter().map(|k| Value::Obj(k.clone())));
                        return Ok(Value::obj(Object::Tuple(mro.into())));
                    }
                    _ => {}
                }
                if let Some(v) = lookup(vm, o, name) {
                    return descriptor::get(vm, v, name, None, o);
                }
                if let Some(meta) = &c.metaclass {
                    if let Some(v) = lookup(vm, meta, name) {
                        return descriptor::get(vm, v, name, Some(obj), meta);
                    }
                }
                if let Some(t) = c.builtin {
                    if let Some(call) = crate::builtins::methods::find_for_type(t, name) {
                        return Ok(Value::obj(Object::Builtin(Builtin {
                            name: leak_name(name),
                            call,
                            receiver: None,
                            binds: false,
                        })));
                    }
                }
                return Err(Raise::new(
                    ExcKind::AttributeError,
                    format!("type object '{}' has no attribute '{name}'", c.name),
                ));
            }
            Object::Module(m) => {
                if let Object::Dict(d) = m.dict.get() {
                    if let Some(v) = d.get(&vm.gil).get_str(name) {
                        return Ok(v.clone());
                    }
                }
                return Err(Raise::new(
                    ExcKind::AttributeError,
                    format!("module '{}' has no attribute '{name}'", m.name),
                ));
            }
            Object::Function(f) => match name {
                "__name__" => return Ok(PyStr::value(&*f.name)),
                "__qualname__" => return Ok(PyStr::value(&*f.qualname)),
                _ => {
                    if let Some(v) = f.dict.get(&vm.gil).get_str(name) {
                        return Ok(v.clone());
                    }
                }
            },
            Object::Builtin(b) if name == "__name__" => return Ok(PyStr::value(b.name)),
            Object::Super { class, obj: target } => {
                return descriptor::super_get(vm, class, target, name)
            }
            Object::Property { .. } if name == "__doc__" => {
                return descriptor::property_doc(vm, obj)
            }
            Object::ClassMethod(f) | Object::StaticMethod(f) if name == "__func__" => {
                return Ok(f.clone())
            }
            _ => {}
        }
    }
    if let Some(m) = builtin_method(vm, obj, name) {
        return Ok(m);
    }
    let class = class_of(vm, obj);
    if let Some(v) = lookup(vm, &class, name) {
        return Ok(bind_to(v, obj));
    }
    Err(Raise::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", type_name(vm, obj)),
    ))
}

/// A function found on a class becomes a method bound to the instance.
fn bind_to(v: Value, receiver: &Value) -> Value {
    match &v {
        Value::Obj(o) if matches!(o.get(), Object::Function(_)) => Value::obj(Object::Method {
            receiver: receiver.clone(),
            func: v,
        }),
        Value::Obj(o) => match o.get() {
            Object::Builtin(b) if b.binds && b.receiver.is_none() => Value::obj(Object::Method {
                receiver: receiver.clone(),
                func: v,
            }),
            _ => v,
        },
        _ => v,
    }
}

/// `obj.name = value`: the class's own `__setattr__` when it has one, else
/// the generic assignment.
pub fn set(vm: &mut Vm, obj: &Value, name: &str, value: Value) -> PyResult<()> {
    if let Some(Object::Instance(inst)) = obj.as_object() {
        if let Some(setattr) = lookup(vm, &inst.class, "__setattr__") {
            if !is_native(&setattr, crate::builtins::object_type::object_setattr) {
                super::call::call(
                    vm,
                    &setattr,
                    vec![obj.clone(), PyStr::value(name), value],
                    Vec::new(),
                )?;
                return Ok(());
            }
        }
    }
    generic_set(vm, obj, name, value)
}

/// `object.__setattr__(obj, name, value)`: a data descriptor on the class,
/// else the instance's own attributes (only the `__slots__` names, if any).
pub fn generic_set(vm: &mut Vm, obj: &Value, name: &str, value: Value) -> PyResult<()> {
    if let Some(Object::Instance(inst)) = obj.as_object() {
        if let Some(d) = lookup(vm, &inst.class, name) {
            if descriptor::is_data(vm, &d) {
                descriptor::set(vm, &d, name, obj, value)?;
                return Ok(());
            }
        }
        if let Object::Class(c) = inst.class.get() {
            if let Some(slots) = &c.slots {
                if !slots.iter().any(|s| &**s == name) {
                    return Err(Raise::new(
                        ExcKind::AttributeError,
                        format!("'{}' object has no attribute '{name}'", c.name),
                    ));
                }
            }
        }
    }
    if let Value::Obj(o) = obj {
        let dict = match o.get() {
            Object::Instance(i) => Some(&i.dict),
            Object::Class(c) => Some(&c.dict),
            Object::Function(f) => Some(&f.dict),
            Object::Module(m) => match m.dict.get() {
                Object::Dict(d) => Some(d),
                _ => None,
            },
            _ => None,
        };
        if let Some(d) = dict {
            if let Object::Class(c) = o.get() {
                if c.builtin.is_some() {
                    return Err(Raise::type_error(format!(
                        "cannot set '{name}' attribute of immutable type '{}'",
                        c.name
                    )));
                }
            }
            d.get_mut(&mut vm.gil).insert_str(name, value);
            if matches!(o.get(), Object::Class(_)) {
                class_changed(vm);
            }
            return Ok(());
        }
    }
    Err(Raise::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", type_name(vm, obj)),
    ))
}

/// `del obj.name`: the class's own `__delattr__` when it has one, else the
/// generic deletion.
pub fn delete(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<()> {
    if let Some(Object::Instance(inst)) = obj.as_object() {
        if let Some(delattr) = lookup(vm, &inst.class, "__delattr__") {
            if !is_native(&delattr, crate::builtins::object_type::object_delattr) {
                super::call::call(
                    vm,
                    &delattr,
                    vec![obj.clone(), PyStr::value(name)],
                    Vec::new(),
                )?;
                return Ok(());
            }
        }
    }
    generic_delete(vm, obj, name)
}

/// `object.__delattr__(obj, name)`.
pub fn generic_delete(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<()> {
    if let Some(Object::Instance(inst)) = obj.as_object() {
        if let Some(d) = lookup(vm, &inst.class, name) {
            if descriptor::delete(vm, &d, name, obj)? {
                return Ok(());
            }
        }
    }
    if let Value::Obj(o) = obj {
        let dict = match o.get() {
            Object::Instance(i) => Some(&i.dict),
            Object::Class(c) => Some(&c.dict),
            Object::Function(f) => Some(&f.dict),
            _ => None,
        };
        if let Some(d) = dict {
            let removed = d.get_mut(&mut vm.gil).remove(&PyStr::value(name));
            if matches!(o.get(), Object::Class(_)) {
                class_changed(vm);
            }
            return match removed {
                Ok(_) => Ok(()),
                Err(_) => Err(Raise::new(ExcKind::AttributeError, name.to_string())),
            };
        }
    }
    Err(Raise::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", type_name(vm, obj)),
    ))
}

/// `with manager:` entry: the bound `__exit__`, and what `__enter__` returned.
pub fn enter_context(vm: &mut Vm, manager: &Value) -> PyResult<(Value, Value)> {
    let class = class_of(vm, manager);
    let (Some(enter), Some(exit)) = (
        lookup(vm, &class, "__enter__"),
        lookup(vm, &class, "__exit__"),
    ) else {
        let msg = format!(
            "'{}' object does not support the context manager protocol",
            type_name(vm, manager)
        );
        return Err(Raise::type_error(msg));
    };
    let exit = bind_to(exit, manager);
    let entered = super::call::call(vm, &enter, vec![manager.clone()], Vec::new())?;
    Ok((exit, entered))
}
