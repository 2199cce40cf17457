//! Exceptions as objects: making them from native errors, matching them in
//! `except` clauses, their tracebacks, and printing them as CPython does.
//!
//! An exception is an instance of a class derived from BaseException. Its
//! `args`, `__context__`, `__cause__` and `__traceback__` (a chain of
//! traceback objects, see builtins/traceback.rs) live in its `__dict__`.
//! Printing an uncaught one is in exception_report.rs.

use super::{attr, ops};
use crate::builtins::exception_attrs::{self, quoted_name};
use crate::builtins::traceback;
use crate::bytecode::Code;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{Instance, Object, PyStr};
use crate::value::{Obj, Value};
use std::sync::Arc;

/// Is `class` BaseException or derived from it?
pub fn is_exception_class(vm: &Vm, class: &Obj) -> bool {
    let base = &vm.interp.exceptions["BaseException"];
    attr::is_subclass(vm, class, base)
}

/// Store `args` on a new exception instance, with what derives from them:
/// StopIteration's `value` and SystemExit's `code`.
pub fn init_args(vm: &mut Vm, exc: &Value, args: &[Value]) {
    if let Some(Object::Instance(i)) = exc.as_object() {
        let stop = vm.exc_class(ExcKind::StopIteration);
        let is_stop = attr::is_subclass(vm, &i.class, &stop);
        let exit = vm.exc_class(ExcKind::SystemExit);
        let is_exit = attr::is_subclass(vm, &i.class, &exit);
        let tuple = Value::obj(Object::Tuple(args.to_vec().into()));
        let dict = i.attrs().get_mut(&mut vm.gil);
        if is_exit {
            let code = match args {
                [] => Value::None,
                [one] => one.clone(),
                _ => tuple.clone(),
            };
            dict.insert_str("code", code);
        }
        dict.insert_str("args", tuple);
        if is_stop {
            // StopIteration.value: the generator's return value.
            dict.insert_str("value", args.first().cloned().unwrap_or(Value::None));
        }
    }
}

/// An instance of `class` with `args`, without running Python code.
fn instance(vm: &mut Vm, class: Obj, args: Vec<Value>) -> Value {
    let exc = Value::obj(Object::Instance(Instance::new(class, None)));
    init_args(vm, &exc, &args);
    exc
}

/// Turn a native error into an exception object.
pub fn materialize(vm: &mut Vm, err: Raise) -> Value {
    let exc = match err {
        Raise::Object(v) | Raise::Reraised(v) => return v,
        t @ Raise::Transfer(_) => return materialize(vm, super::stacklet::refuse(t)),
        Raise::New(kind, msg) => {
            let class = vm.exc_class(kind);
            // NameError.name: the interpreter's messages quote the name first.
            let name = match kind {
                ExcKind::NameError => quoted_name(&msg).map(PyStr::value),
                _ => None,
            };
            let exc = instance(vm, class, vec![PyStr::value(msg)]);
            if let Some(name) = name {
                exception_attrs::store(vm, &exc, "name", name);
            }
            exc
        }
        Raise::WithValue(kind, v) => {
            let class = vm.exc_class(kind);
            instance(vm, class, vec![v])
        }
        Raise::Bare(kind) => {
            let class = vm.exc_class(kind);
            instance(vm, class, Vec::new())
        }
    };
    set_context(vm, &exc);
    exc
}

/// An exception raised while another is handled records it as `__context__`;
/// as CPython does, a chain of contexts that would come back to `exc` is cut
/// just before it, so the chain never loops.
fn set_context(vm: &mut Vm, exc: &Value) {
    let handling = vm.handling.clone();
    if matches!(handling, Value::None) || ops::is(&handling, exc) {
        return;
    }
    let mut at = handling.clone();
    loop {
        let next = exception_attrs::stored(vm, &at, "__context__").unwrap_or(Value::None);
        if matches!(next, Value::None) {
            break;
        }
        if ops::is(&next, exc) {
            exception_attrs::store(vm, &at, "__context__", Value::None);
            break;
        }
        at = next;
    }
    exception_attrs::store(vm, exc, "__context__", handling);
}

/// Record that `exc` passed through instruction `pc` of `code`: a new
/// traceback entry in front of its `__traceback__`.
pub fn add_traceback(vm: &mut Vm, exc: &Value, code: &Arc<Code>, globals: &Obj, pc: usize) {
    if !matches!(exc.as_object(), Some(Object::Instance(_))) {
        return;
    }
    let next = exception_attrs::stored(vm, exc, "__traceback__").unwrap_or(Value::None);
    let tb = traceback::new_entry(vm, code, globals, pc, next);
    exception_attrs::store(vm, exc, "__traceback__", tb);
}

/// Does exception `exc` match the class (or tuple of classes) `class`?
pub fn matches(vm: &mut Vm, exc: &Value, class: &Value) -> PyResult<bool> {
    let exc_class = attr::class_of(vm, exc);
    match class.as_object() {
        Some(Object::Class(_)) => {
            let Value::Obj(c) = class else { unreachable!() };
            if !is_exception_class(vm, c) {
                return Err(catching_non_exception());
            }
            Ok(attr::is_subclass(vm, &exc_class, c))
        }
        Some(Object::Tuple(items)) => {
            for item in items.iter() {
                if matches(vm, exc, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(catching_non_exception()),
    }
}

fn catching_non_exception() -> Raise {
    Raise::type_error("catching classes that do not inherit from BaseException is not allowed")
}

/// Did `err` come from StopIteration?
pub fn is_stop_iteration(vm: &mut Vm, err: &Raise) -> bool {
    is_kind(vm, err, ExcKind::StopIteration)
}

/// Is `err` an AttributeError (or a subclass of it)?
pub fn is_attribute_error(vm: &Vm, err: &Raise) -> bool {
    is_kind(vm, err, ExcKind::AttributeError)
}

/// Is `err` an exception of class `kind` or a subclass?
pub fn is_kind(vm: &Vm, err: &Raise, kind: ExcKind) -> bool {
    let class = match err {
        Raise::New(k, _) | Raise::WithValue(k, _) | Raise::Bare(k) => {
            if *k == kind {
                return true;
            }
            vm.exc_class(*k)
        }
        Raise::Object(v) | Raise::Reraised(v) => attr::class_of(vm, v),
        Raise::Transfer(_) => vm.exc_class(ExcKind::RuntimeError),
    };
    attr::is_subclass(vm, &class, &vm.exc_class(kind))
}

/// RAISE_VARARGS.
pub fn raise_op(vm: &mut Vm, frame: &mut super::Frame, n: u32) -> Raise {
    let cause = if n == 2 { frame.stack.pop() } else { None };
    let exc = if n >= 1 { frame.stack.pop() } else { None };
    let Some(exc) = exc else {
        // A bare `raise` adds no traceback entry, as in CPython: the
        // exception already passed through this frame.
        return match vm.handling.clone() {
            Value::None => Raise::new(ExcKind::RuntimeError, "No active exception to reraise"),
            v => Raise::Reraised(v),
        };
    };
    let exc = match make_exception(vm, exc) {
        Ok(v) => v,
        Err(e) => return e,
    };
    if let Some(cause) = cause {
        let cause = match cause {
            Value::None => Value::None,
            c => match make_exception(vm, c) {
                Ok(v) => v,
                Err(_) => {
                    return Raise::type_error("exception causes must derive from BaseException")
                }
            },
        };
        if let Some(Object::Instance(i)) = exc.as_object() {
            let d = i.attrs().get_mut(&mut vm.gil);
            d.insert_str("__cause__", cause);
            d.insert_str("__suppress_context__", Value::Bool(true));
        }
    }
    set_context(vm, &exc);
    Raise::Object(exc)
}

/// `raise X`: an exception instance as is, a class instantiated with no arguments.
fn make_exception(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match v.as_object() {
        Some(Object::Class(_)) => {
            let Value::Obj(c) = &v else { unreachable!() };
            if !is_exception_class(vm, c) {
                return Err(Raise::type_error(
                    "exceptions must derive from BaseException",
                ));
            }
            super::call::call(vm, &v, Vec::new(), Vec::new())
        }
        Some(Object::Instance(i)) if is_exception_class(vm, &i.class) => Ok(v),
        _ => Err(Raise::type_error(
            "exceptions must derive from BaseException",
        )),
    }
}

fn args_of(vm: &Vm, exc: &Value) -> Vec<Value> {
    match exc.as_object() {
        Some(Object::Instance(i)) => match i
            .attrs()
            .get(&vm.gil)
            .get_str("args")
            .and_then(Value::as_object)
        {
            Some(Object::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// `str(exc)`: empty, the single argument, or the tuple of arguments.
pub fn str_of(vm: &mut Vm, exc: &Value) -> PyResult<String> {
    let args = args_of(vm, exc);
    let class = attr::class_of(vm, exc);
    let key_error = vm.exc_class(ExcKind::KeyError);
    match args.len() {
        0 => Ok(String::new()),
        1 if attr::is_subclass(vm, &class, &key_error) => ops::repr(vm, &args[0]),
        1 => ops::str_of(vm, &args[0]),
        _ => ops::repr(vm, &Value::obj(Object::Tuple(args.into()))),
    }
}

/// `repr(exc)`: `Name(args...)`.
pub fn repr(vm: &mut Vm, exc: &Value) -> PyResult<String> {
    let args = args_of(vm, exc);
    let name = attr::type_name(vm, exc);
    let parts = args
        .iter()
        .map(|a| ops::repr(vm, a))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(format!("{name}({})", parts.join(", ")))
}

/// NameError for an unknown name.
pub fn name_error(name: &str) -> Raise {
    Raise::new(ExcKind::NameError, format!("name '{name}' is not defined"))
}

/// UnboundLocalError for a local read before assignment (CPython 3.11 wording).
pub fn unbound_local(name: &str) -> Raise {
    Raise::new(
        ExcKind::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

/// The error for an empty cell.
pub fn unbound_free(code: &Code, i: u32) -> Raise {
    let i = i as usize;
    if i < code.cellvars.len() {
        return unbound_local(&code.cellvars[i]);
    }
    let name = &code.freevars[i - code.cellvars.len()];
    Raise::new(
        ExcKind::NameError,
        format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
    )
}

pub use super::exception_report::format_uncaught;
