//! The attributes every exception has (`args`, `__cause__`, `__context__`,
//! `__suppress_context__`, `__traceback__`, `__notes__`), BaseException's
//! `__new__`, `with_traceback` and `add_note`, and the extra attributes of
//! NameError (`name`) and AttributeError (`name`, `obj`).
//!
//! The values live in the instance's `__dict__` under their own names; the
//! properties on BaseException read them there, check what is assigned, and
//! give CPython's defaults (None, False, `()`) when nothing was stored.

use crate::eval::{attr, exception, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{Builtin, Dict, Instance, Object, PyStr};
use crate::value::Value;

type Kw = [(Box<str>, Value)];

/// Put the methods and properties of class `class` into its namespace.
pub fn install_exception_methods(class: &str, dict: &mut Dict) {
    match class {
        "BaseException" => {
            dict.insert_str("__new__", Builtin::function("__new__", base_new));
            dict.insert_str(
                "with_traceback",
                Builtin::method("with_traceback", with_traceback),
            );
            dict.insert_str("add_note", Builtin::method("add_note", add_note));
            for (name, method) in super::reduce::exception_methods() {
                dict.insert_str(name, method);
            }
            dict.insert_str("__suppress_context__", Value::Bool(false));
            dict.insert_str("args", property(get_args, set_args));
            dict.insert_str("__cause__", property(get_cause, set_cause));
            dict.insert_str("__context__", property(get_context, set_context));
            dict.insert_str("__traceback__", property(get_traceback, set_traceback));
        }
        "SystemExit" => {
            // Set with `args` (see `exception::init_args`).
            dict.insert_str("code", Value::None);
        }
        "NameError" => {
            dict.insert_str("name", Value::None);
            dict.insert_str("__init__", Builtin::method("__init__", name_error_init));
        }
        "AttributeError" => {
            dict.insert_str("name", Value::None);
            dict.insert_str("obj", Value::None);
            dict.insert_str(
                "__init__",
                Builtin::method("__init__", attribute_error_init),
            );
        }
        _ => {}
    }
}

fn property(get: crate::object::NativeFn, set: crate::object::NativeFn) -> Value {
    Value::obj(Object::Property {
        fget: Builtin::function("__get__", get),
        fset: Builtin::function("__set__", set),
        fdel: Value::None,
        doc: Value::None,
    })
}

/// The value stored under `key` in exception `exc`'s `__dict__`.
pub fn stored(vm: &Vm, exc: &Value, key: &str) -> Option<Value> {
    match exc.as_object() {
        Some(Object::Instance(i)) => i.attrs().get(&vm.gil).get_str(key).cloned(),
        _ => None,
    }
}

/// Store `value` under `key` in exception `exc`'s `__dict__`.
pub fn store(vm: &mut Vm, exc: &Value, key: &str, value: Value) {
    if let Some(Object::Instance(i)) = exc.as_object() {
        i.attrs().get_mut(&mut vm.gil).insert_str(key, value);
    }
}

fn receiver(args: &[Value]) -> PyResult<&Value> {
    args.first()
        .ok_or_else(|| Raise::type_error("descriptor needs an exception"))
}

/// `BaseException.__new__(cls, *args)`: the instance, with `args` kept even
/// when a subclass's `__init__` never passes them on.
fn base_new(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.first() else {
        return Err(Raise::type_error(
            "BaseException.__new__(): not enough arguments",
        ));
    };
    if !matches!(cls.get(), Object::Class(_)) || !exception::is_exception_class(vm, cls) {
        return Err(Raise::type_error(format!(
            "BaseException.__new__(X): X is not a type object ({})",
            attr::type_name(vm, &args[0])
        )));
    }
    let exc = Value::obj(Object::Instance(Instance::new(cls.clone(), None)));
    exception::init_args(vm, &exc, &args[1..]);
    Ok(exc)
}

fn get_args(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let exc = receiver(args)?;
    Ok(stored(vm, exc, "args").unwrap_or_else(|| Value::obj(Object::Tuple(Vec::new().into()))))
}

/// `exc.args = iterable`: kept as a tuple.
fn set_args(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let exc = receiver(args)?;
    let items = vm.collect(&args[1])?;
    store(vm, exc, "args", Value::obj(Object::Tuple(items.into())));
    Ok(Value::None)
}

fn get_cause(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(stored(vm, receiver(args)?, "__cause__").unwrap_or(Value::None))
}

/// Setting `__cause__` also sets `__suppress_context__`, as `raise ... from` does.
fn set_cause(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let exc = receiver(args)?;
    let cause = checked_exception(vm, &args[1], "exception cause")?;
    store(vm, exc, "__cause__", cause);
    store(vm, exc, "__suppress_context__", Value::Bool(true));
    Ok(Value::None)
}

fn get_context(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(stored(vm, receiver(args)?, "__context__").unwrap_or(Value::None))
}

fn set_context(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let exc = receiver(args)?;
    let context = checked_exception(vm, &args[1], "exception context")?;
    store(vm, exc, "__context__", context);
    Ok(Value::None)
}

/// `v` when it is None or an exception instance; CPython's TypeError otherwise.
fn checked_exception(vm: &Vm, v: &Value, what: &str) -> PyResult<Value> {
    match v.as_object() {
        None if matches!(v, Value::None) => Ok(Value::None),
        Some(Object::Instance(i)) if exception::is_exception_class(vm, &i.class) => Ok(v.clone()),
        _ => Err(Raise::type_error(format!(
            "{what} must be None or derive from BaseException"
        ))),
    }
}

fn get_traceback(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(stored(vm, receiver(args)?, "__traceback__").unwrap_or(Value::None))
}

fn set_traceback(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let exc = receiver(args)?;
    let tb = checked_traceback(vm, &args[1])?;
    store(vm, exc, "__traceback__", tb);
    Ok(Value::None)
}

fn checked_traceback(vm: &Vm, tb: &Value) -> PyResult<Value> {
    if matches!(tb, Value::None) || super::traceback::is_traceback(vm, tb) {
        Ok(tb.clone())
    } else {
        Err(Raise::type_error(
            "__traceback__ must be a traceback or None",
        ))
    }
}

/// `exc.with_traceback(tb)`: set `__traceback__`, return `exc`.
fn with_traceback(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let [exc, tb] = args else {
        return Err(Raise::type_error(format!(
            "BaseException.with_traceback() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    let tb = checked_traceback(vm, tb)?;
    store(vm, exc, "__traceback__", tb);
    Ok(exc.clone())
}

/// `exc.add_note(note)` (3.11): append a str to `__notes__`, made on first use.
fn add_note(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let [exc, note] = args else {
        return Err(Raise::type_error(format!(
            "BaseException.add_note() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    if !matches!(note.as_object(), Some(Object::Str(_))) {
        return Err(Raise::type_error(format!(
            "note must be a str, not '{}'",
            attr::type_name(vm, note)
        )));
    }
    let notes = match attr::get(vm, exc, "__notes__") {
        Ok(n) => n,
        Err(e) if exception::is_attribute_error(vm, &e) => {
            let list = Value::obj(Object::List(crate::gil::GilCell::new(Vec::new())));
            attr::set(vm, exc, "__notes__", list.clone())?;
            list
        }
        Err(e) => return Err(e),
    };
    match notes.as_object() {
        Some(Object::List(l)) => l.get_mut(&mut vm.gil).push(note.clone()),
        _ => {
            return Err(Raise::type_error(
                "Cannot add note: __notes__ is not a list",
            ))
        }
    }
    Ok(Value::None)
}

/// Keyword arguments `names` accepts, each stored as an attribute.
fn keyword_attrs(
    vm: &mut Vm,
    exc: &Value,
    kwargs: &Kw,
    names: &[&str],
    class: &str,
) -> PyResult<()> {
    for (k, v) in kwargs {
        if !names.contains(&&**k) {
            return Err(Raise::type_error(format!(
                "'{k}' is an invalid keyword argument for {class}()"
            )));
        }
        store(vm, exc, k, v.clone());
    }
    Ok(())
}

/// `NameError.__init__(*args, name=None)`.
fn name_error_init(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let Some((exc, rest)) = args.split_first() else {
        return Ok(Value::None);
    };
    exception::init_args(vm, exc, rest);
    keyword_attrs(vm, exc, kwargs, &["name"], "NameError")?;
    Ok(Value::None)
}

/// `AttributeError.__init__(*args, name=None, obj=None)`.
fn attribute_error_init(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let Some((exc, rest)) = args.split_first() else {
        return Ok(Value::None);
    };
    exception::init_args(vm, exc, rest);
    keyword_attrs(vm, exc, kwargs, &["name", "obj"], "AttributeError")?;
    Ok(Value::None)
}

/// A failed attribute lookup `obj.name` made by the interpreter: the
/// AttributeError gets `name` and `obj`, as CPython's generic lookup sets them.
#[cold]
pub fn attribute_error_context(vm: &mut Vm, err: Raise, obj: &Value, name: &str) -> Raise {
    let Raise::New(ExcKind::AttributeError, msg) = err else {
        return err;
    };
    let exc = exception::materialize(vm, Raise::New(ExcKind::AttributeError, msg));
    store(vm, &exc, "name", PyStr::value(name));
    store(vm, &exc, "obj", obj.clone());
    Raise::Object(exc)
}

/// The first `'quoted'` word of a message: the name in NameError's messages.
pub fn quoted_name(msg: &str) -> Option<&str> {
    let start = msg.find('\'')? + 1;
    let len = msg[start..].find('\'')?;
    Some(&msg[start..start + len])
}

/// `str(note)` for the traceback printer, which shows notes under the message.
pub fn notes(vm: &mut Vm, exc: &Value) -> Vec<String> {
    let Some(notes) = stored(vm, exc, "__notes__") else {
        return Vec::new();
    };
    let items = match notes.as_object() {
        Some(Object::List(l)) => l.get(&vm.gil).clone(),
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => {
            let shown = ops::repr(vm, &notes).unwrap_or_default();
            return vec![shown];
        }
    };
    items
        .iter()
        .map(|n| ops::str_of(vm, n).unwrap_or_else(|_| "<note str() failed>".into()))
        .collect()
}
