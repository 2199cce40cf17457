//! What `object` and `type` carry in their namespaces: the generic attribute
//! protocol (`object.__getattribute__`, `__setattr__`, `__delattr__`), object
//! creation (`object.__new__`, `__init__`, `__init_subclass__`) and class
//! creation (`type.__new__`, `__init__`, `__call__`), so that Python code can
//! reach them through `super()` or by name as it does on CPython. The methods
//! of the other builtin types are put in their namespaces here too.

use crate::eval::{attr, class};
use crate::exc::{PyResult, Raise};
use crate::interp::Vm;
use crate::object::{Builtin, BuiltinType, NativeFn, Object};
use crate::value::Value;

type Kw = [(Box<str>, Value)];

/// Fill the namespaces of `object`, `type` and the builtin types with methods.
pub fn install(vm: &mut Vm) {
    let object_methods: &[(&'static str, NativeFn)] = &[
        ("__getattribute__", object_getattribute),
        ("__setattr__", object_setattr),
        ("__delattr__", object_delattr),
        ("__init__", class::object_init),
    ];
    let object = vm.type_obj(BuiltinType::Object);
    let mut entries: Vec<(&'static str, Value)> = object_methods
        .iter()
        .map(|&(name, f)| (name, Builtin::method(name, f)))
        .collect();
    entries.push((
        "__new__",
        Value::obj(Object::StaticMethod(Builtin::function(
            "__new__",
            class::object_new,
        ))),
    ));
    entries.push((
        "__init_subclass__",
        Value::obj(Object::ClassMethod(Builtin::function(
            "__init_subclass__",
            class::object_init_subclass,
        ))),
    ));
    fill(vm, BuiltinType::Object, entries);
    let _ = object;

    let type_entries = vec![
        (
            "__new__",
            Value::obj(Object::StaticMethod(Builtin::function(
                "__new__",
                class::type_new,
            ))),
        ),
        ("__init__", Builtin::method("__init__", class::type_init)),
        ("__call__", Builtin::method("__call__", class::type_call)),
    ];
    fill(vm, BuiltinType::Type, type_entries);

    let types: Vec<BuiltinType> = vm.interp.types.keys().copied().collect();
    for t in types {
        let entries = super::methods::table_of(t)
            .into_iter()
            .map(|(name, f)| (name, Builtin::method(name, f)))
            .collect();
        fill(vm, t, entries);
    }
    attr::class_changed(vm);
}

fn fill(vm: &mut Vm, t: BuiltinType, entries: Vec<(&'static str, Value)>) {
    let class = vm.type_obj(t);
    if let Object::Class(c) = class.get() {
        let dict = c.dict.get_mut(&mut vm.gil);
        for (name, value) in entries {
            dict.insert_str(name, value);
        }
    }
}

fn name_arg<'a>(vm: &Vm, args: &'a [Value], method: &str) -> PyResult<&'a str> {
    match args.get(1).and_then(Value::as_object) {
        Some(Object::Str(s)) => Ok(&s.text),
        Some(_) => Err(Raise::type_error(format!(
            "attribute name must be string, not '{}'",
            attr::type_name(vm, &args[1])
        ))),
        None => Err(Raise::type_error(format!(
            "expected 2 arguments, got {} for {method}",
            args.len().saturating_sub(1)
        ))),
    }
}

/// `object.__getattribute__(obj, name)`.
pub fn object_getattribute(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let name = name_arg(vm, args, "__getattribute__")?;
    attr::generic_get(vm, &args[0], name)
}

/// `object.__setattr__(obj, name, value)`.
pub fn object_setattr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(Raise::type_error(format!(
            "expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let name = name_arg(vm, args, "__setattr__")?;
    attr::generic_set(vm, &args[0], name, args[2].clone())?;
    Ok(Value::None)
}

/// `object.__delattr__(obj, name)`.
pub fn object_delattr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let name = name_arg(vm, args, "__delattr__")?;
    attr::generic_delete(vm, &args[0], name)?;
    Ok(Value::None)
}
