//! `_weakref`: the native half of `weakref` (stdlib/lib/weakref.py). A
//! handle holds a `Weak` to its referent; the referent lists the reference
//! objects made on it (see `gilt_vm::object::weak`), which is how callbacks
//! run and how `getweakrefs` answers.

use crate::args::{self, Kw};
use crate::class::new_class;
use gilt_vm::builtins::import;
use gilt_vm::eval::attr;
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::gil::GilCell;
use gilt_vm::interp::Vm;
use gilt_vm::object::{weak, Native, NativeFn, Object};
use gilt_vm::value::{Obj, Value};
use std::sync::{Arc, Weak};

/// The hidden module attribute holding the handle class.
const HANDLE_CLASS: &str = "__gilt_handle_class__";

/// Fill the `_weakref` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("handle", handle),
        ("deref", deref),
        ("register", register),
        ("getweakrefcount", getweakrefcount),
        ("getweakrefs", getweakrefs),
    ];
    import::add_functions(vm, module, functions);
    let class = new_class(vm, "_weakref", "handle", Vec::new())?;
    import::set_attr(vm, module, HANDLE_CLASS, Value::Obj(class));
    Ok(())
}

/// What a handle holds.
struct Handle(Weak<Object>);

/// The referent of a weak reference, checked to be one that can be.
fn referent<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Obj> {
    match v {
        Value::Obj(o) if weak::slot_of(o.get()).is_some() => Ok(o),
        _ => Err(Raise::type_error(format!(
            "cannot create weak reference to '{}' object",
            attr::type_name(vm, v)
        ))),
    }
}

/// `handle(obj)`: a weak handle on `obj`.
fn handle(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [obj] = args::parse("handle", ["obj"], 1, args, kwargs)?;
    let obj = obj.unwrap_or(Value::None);
    let target = Arc::downgrade(&referent(vm, &obj)?.0);
    let module = import::import_module(vm, "_weakref")?;
    let class = import::module::namespace(&module)
        .and_then(|d| d.get(&vm.gil).get_str(HANDLE_CLASS).cloned());
    match class {
        Some(Value::Obj(class)) => Ok(Native::value(class, Handle(target))),
        _ => Err(Raise::new(
            ExcKind::RuntimeError,
            "_weakref is not initialised",
        )),
    }
}

/// `deref(handle)`: the referent, or None once it died.
fn deref(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [h] = args::parse("deref", ["handle"], 1, args, kwargs)?;
    match h.as_ref().and_then(Value::as_object) {
        Some(Object::Native(n)) => match n.data::<Handle>() {
            Some(Handle(w)) => Ok(w.upgrade().map_or(Value::None, |o| Value::Obj(Obj(o)))),
            None => Err(Raise::type_error("deref() expects a weak handle")),
        },
        _ => Err(Raise::type_error("deref() expects a weak handle")),
    }
}

/// `register(obj, ref)`: `ref` is a weak reference to `obj` (for its
/// callback and for `getweakrefs`).
fn register(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [obj, reference] = args::parse("register", ["obj", "ref"], 2, args, kwargs)?;
    let obj = obj.unwrap_or(Value::None);
    let target = referent(vm, &obj)?.clone();
    let Some(Value::Obj(reference)) = reference else {
        return Err(Raise::type_error("register() expects a reference object"));
    };
    if let Some(slot) = weak::slot_of(target.get()) {
        let queue = vm.interp.finalizer.clone();
        slot.add(&mut vm.gil, &queue, &reference);
    }
    Ok(Value::None)
}

fn referrers(vm: &Vm, obj: &Value) -> Vec<Value> {
    match obj.as_object().and_then(weak::slot_of) {
        Some(slot) => slot.referrers(&vm.gil),
        None => Vec::new(),
    }
}

/// `getweakrefcount(obj)`.
fn getweakrefcount(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [obj] = args::parse("getweakrefcount", ["object"], 1, args, kwargs)?;
    Ok(Value::Int(
        referrers(vm, &obj.unwrap_or(Value::None)).len() as i64
    ))
}

/// `getweakrefs(obj)`: its living weak references, oldest first.
fn getweakrefs(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [obj] = args::parse("getweakrefs", ["object"], 1, args, kwargs)?;
    let refs = referrers(vm, &obj.unwrap_or(Value::None));
    Ok(Value::obj(Object::List(GilCell::new(refs))))
}
