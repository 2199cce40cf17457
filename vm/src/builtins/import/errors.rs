//! ImportError and ModuleNotFoundError: their `name`, `path` and `msg`
//! attributes, and how the import system raises them.

use crate::eval::exception;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{Builtin, Dict, Object};
use crate::value::Value;

/// An exception of `kind` (ImportError or a subclass) with message `msg` and
/// the `name` and `path` attributes CPython's `PyErr_SetImportError` sets.
pub fn import_error(vm: &mut Vm, kind: ExcKind, msg: String, name: Value, path: Value) -> Raise {
    let exc = exception::materialize(vm, Raise::New(kind, msg.clone()));
    if let Some(Object::Instance(i)) = exc.as_object() {
        let d = i.attrs().get_mut(&mut vm.gil);
        d.insert_str("msg", crate::object::PyStr::value(msg));
        d.insert_str("name", name);
        d.insert_str("path", path);
    }
    Raise::Object(exc)
}

/// `ModuleNotFoundError(msg, name=name)`.
pub fn not_found(vm: &mut Vm, msg: String, name: &str) -> Raise {
    let name = crate::object::PyStr::value(name);
    import_error(vm, ExcKind::ModuleNotFoundError, msg, name, Value::None)
}

/// The `name` attribute of an ImportError on its way out, if it is a str.
pub fn error_name(vm: &Vm, err: &Raise) -> Option<String> {
    let (Raise::Object(exc) | Raise::Reraised(exc)) = err else {
        return None;
    };
    let Some(Object::Instance(i)) = exc.as_object() else {
        return None;
    };
    match i
        .attrs()
        .get(&vm.gil)
        .get_str("name")
        .and_then(Value::as_object)
    {
        Some(Object::Str(s)) => Some(s.text.to_string()),
        _ => None,
    }
}

/// Put ImportError's `__init__` into its class namespace (subclasses inherit it).
pub fn install_exception_methods(class: &str, dict: &mut Dict) {
    if class == "ImportError" {
        dict.insert_str("__init__", Builtin::method("__init__", import_error_init));
    }
}

/// `ImportError.__init__(self, *args, name=None, path=None)`: `msg` is the
/// single argument, if there is exactly one.
fn import_error_init(vm: &mut Vm, args: &[Value], kwargs: &[(Box<str>, Value)]) -> PyResult<Value> {
    let Some((exc, rest)) = args.split_first() else {
        return Ok(Value::None);
    };
    let class_name = crate::eval::attr::type_name(vm, exc);
    let mut name = Value::None;
    let mut path = Value::None;
    for (k, v) in kwargs {
        match &**k {
            "name" => name = v.clone(),
            "path" => path = v.clone(),
            _ => {
                return Err(Raise::type_error(format!(
                    "'{k}' is an invalid keyword argument for {class_name}()"
                )))
            }
        }
    }
    exception::init_args(vm, exc, rest);
    let msg = match rest {
        [one] => one.clone(),
        _ => Value::None,
    };
    if let Some(Object::Instance(i)) = exc.as_object() {
        let d = i.attrs().get_mut(&mut vm.gil);
        d.insert_str("msg", msg);
        d.insert_str("name", name);
        d.insert_str("path", path);
    }
    Ok(Value::None)
}
