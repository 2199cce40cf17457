//! Module objects: making them and filling their namespace, for the import
//! system and for native modules (the stdlib crate builds on these).

use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{Builtin, Dict, Module, NativeFn, Object, PyStr};
use crate::value::{Obj, Value};

/// A new, empty module named `name`, with the attributes every module has:
/// `__name__`, and `__doc__`, `__package__`, `__loader__`, `__spec__` None.
pub fn new_module(name: &str) -> Value {
    let mut d = Dict::new();
    d.insert_str("__name__", PyStr::value(name));
    for key in ["__doc__", "__package__", "__loader__", "__spec__"] {
        d.insert_str(key, Value::None);
    }
    Value::obj(Object::Module(Module {
        name: name.into(),
        dict: Obj::new(Object::Dict(GilCell::new(d))),
    }))
}

/// The namespace dict of a module value.
pub fn namespace(module: &Value) -> Option<&GilCell<Dict>> {
    match module.as_object() {
        Some(Object::Module(m)) => match m.dict.get() {
            Object::Dict(d) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

/// `module.name = value` (nothing for a value that is not a module).
pub fn set_attr(vm: &mut Vm, module: &Value, name: &str, value: Value) {
    if let Some(d) = namespace(module) {
        d.get_mut(&mut vm.gil).insert_str(name, value);
    }
}

/// Put native functions into a module, each named as its Python name.
pub fn add_functions(vm: &mut Vm, module: &Value, functions: &[(&'static str, NativeFn)]) {
    for &(name, f) in functions {
        set_attr(vm, module, name, Builtin::function(name, f));
    }
}

/// A module's `__file__`, when it is a module and that is a str
/// (`PyModule_GetFilenameObject`).
pub fn file_of(vm: &Vm, module: &Value) -> Option<String> {
    let d = namespace(module)?;
    match d
        .get(&vm.gil)
        .get_str("__file__")
        .and_then(Value::as_object)
    {
        Some(Object::Str(s)) => Some(s.text.to_string()),
        _ => None,
    }
}

/// `repr(module)`: `<module 'm' from '/path/m.py'>`, `<module 'sys'
/// (built-in)>` for a native module, `(frozen)` for embedded Python source.
pub fn repr(vm: &Vm, module: &Value) -> String {
    let Some(d) = namespace(module) else {
        return "<module '?'>".into();
    };
    let d = d.get(&vm.gil);
    let name = match d.get_str("__name__").and_then(Value::as_object) {
        Some(Object::Str(s)) => s.text.to_string(),
        _ => "?".into(),
    };
    if let Some(Object::Str(file)) = d.get_str("__file__").and_then(Value::as_object) {
        return format!("<module '{name}' from '{}'>", file.text);
    }
    match super::builtin_def(vm, &name) {
        Some(super::ModuleDef::Native(_)) => format!("<module '{name}' (built-in)>"),
        Some(super::ModuleDef::Source { .. }) => format!("<module '{name}' (frozen)>"),
        None if d.get_str("__path__").is_some() => format!("<module '{name}' (namespace)>"),
        None => format!("<module '{name}'>"),
    }
}
