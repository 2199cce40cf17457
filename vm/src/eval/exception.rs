//! Exceptions as objects: making them from native errors, matching them in
//! `except` clauses, their tracebacks, and printing them as CPython does.
//!
//! An exception is an instance of a class derived from BaseException. Its
//! `args` live in its `__dict__`; so does its traceback, for now a list of
//! `(filename, line, name)` tuples, innermost last, gathered as it unwinds.

use super::{attr, ops};
use crate::bytecode::Code;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{Instance, Object, PyStr};
use crate::value::{Obj, Value};

/// Is `class` BaseException or derived from it?
pub fn is_exception_class(vm: &Vm, class: &Obj) -> bool {
    let base = &vm.interp.exceptions["BaseException"];
    attr::is_subclass(vm, class, base)
}

/// Store `args` on a new exception instance.
pub fn init_args(vm: &mut Vm, exc: &Value, args: &[Value]) {
    if let Some(Object::Instance(i)) = exc.as_object() {
        let stop = vm.exc_class(ExcKind::StopIteration);
        let is_stop = attr::is_subclass(vm, &i.class, &stop);
        let tuple = Value::obj(Object::Tuple(args.to_vec().into()));
        let dict = i.attrs().get_mut(&mut vm.gil);
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
        Raise::New(kind, msg) => {
            let class = vm.exc_class(kind);
            instance(vm, class, vec![PyStr::value(msg)])
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

/// An exception raised while another is handled records it as `__context__`.
fn set_context(vm: &mut Vm, exc: &Value) {
    let handling = vm.handling.clone();
    if matches!(handling, Value::None) || ops::is(&handling, exc) {
        return;
    }
    if let Some(Object::Instance(i)) = exc.as_object() {
        let d = i.attrs().get_mut(&mut vm.gil);
        if d.get_str("__context__").is_none() {
            d.insert_str("__context__", handling);
        }
    }
}

/// Record that `exc` passed through instruction `pc` of `code`.
pub fn add_traceback(vm: &mut Vm, exc: &Value, code: &Code, pc: usize) {
    let Some(Object::Instance(i)) = exc.as_object() else {
        return;
    };
    let entry = Value::obj(Object::Tuple(
        vec![
            PyStr::value(&*code.filename),
            Value::Int(code.line_of(pc) as i64),
            PyStr::value(&*code.name),
        ]
        .into(),
    ));
    let dict = i.attrs().get_mut(&mut vm.gil);
    let list = match dict.get_str("__traceback__").cloned() {
        Some(Value::Obj(o)) if matches!(o.get(), Object::List(_)) => o,
        _ => {
            let o = Obj::new(Object::List(GilCell::new(Vec::new())));
            dict.insert_str("__traceback__", Value::Obj(o.clone()));
            o
        }
    };
    if let Object::List(l) = list.get() {
        l.get_mut(&mut vm.gil).insert(0, entry);
    }
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
    };
    attr::is_subclass(vm, &class, &vm.exc_class(kind))
}

/// RAISE_VARARGS.
pub fn raise_op(vm: &mut Vm, frame: &mut super::Frame, n: u32) -> Raise {
    let cause = if n == 2 { frame.stack.pop() } else { None };
    let exc = if n >= 1 { frame.stack.pop() } else { None };
    let Some(exc) = exc else {
        return match vm.handling.clone() {
            Value::None => Raise::new(ExcKind::RuntimeError, "No active exception to reraise"),
            v => Raise::Object(v),
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

/// The traceback and message CPython prints for an uncaught exception,
/// chained causes and contexts first.
pub fn format_uncaught(
    vm: &mut Vm,
    exc: &Value,
    source_line: &dyn Fn(&str, u32) -> Option<String>,
) -> String {
    let mut out = String::new();
    let mut seen: Vec<Value> = Vec::new();
    format_chain(vm, exc, source_line, &mut out, &mut seen);
    out
}

fn dict_value(vm: &Vm, exc: &Value, key: &str) -> Option<Value> {
    match exc.as_object() {
        Some(Object::Instance(i)) => i.attrs().get(&vm.gil).get_str(key).cloned(),
        _ => None,
    }
}

fn format_chain(
    vm: &mut Vm,
    exc: &Value,
    source_line: &dyn Fn(&str, u32) -> Option<String>,
    out: &mut String,
    seen: &mut Vec<Value>,
) {
    seen.push(exc.clone());
    let cause = dict_value(vm, exc, "__cause__").filter(|v| !matches!(v, Value::None));
    let suppress = matches!(
        dict_value(vm, exc, "__suppress_context__"),
        Some(Value::Bool(true))
    );
    let context = dict_value(vm, exc, "__context__").filter(|v| !matches!(v, Value::None));
    if let Some(c) = cause.filter(|c| !seen.iter().any(|s| ops::is(s, c))) {
        format_chain(vm, &c, source_line, out, seen);
        out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if let Some(c) = context.filter(|c| !suppress && !seen.iter().any(|s| ops::is(s, c))) {
        format_chain(vm, &c, source_line, out, seen);
        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    let entries = match dict_value(vm, exc, "__traceback__")
        .as_ref()
        .and_then(Value::as_object)
    {
        Some(Object::List(l)) => l.get(&vm.gil).clone(),
        _ => Vec::new(),
    };
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
    }
    for entry in &entries {
        if let Some(Object::Tuple(t)) = entry.as_object() {
            let file = match t[0].as_object() {
                Some(Object::Str(s)) => s.text.to_string(),
                _ => String::new(),
            };
            let line = match t[1] {
                Value::Int(n) => n as u32,
                _ => 0,
            };
            let name = match t[2].as_object() {
                Some(Object::Str(s)) => s.text.to_string(),
                _ => String::new(),
            };
            out.push_str(&format!("  File \"{file}\", line {line}, in {name}\n"));
            if let Some(text) = source_line(&file, line) {
                let text = text.trim();
                if !text.is_empty() {
                    out.push_str(&format!("    {text}\n"));
                }
            }
        }
    }
    let name = qualified_name(vm, exc);
    if let Some(report) = crate::builtins::syntax_error::report(vm, exc, &name) {
        out.push_str(&report);
        return;
    }
    // Through `__str__`, as CPython prints an uncaught exception.
    let message = ops::str_of(vm, exc).unwrap_or_else(|_| "<exception str() failed>".into());
    if message.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {message}\n"));
    }
}

/// The class name as a traceback shows it: module-qualified unless builtin
/// or defined in `__main__`.
fn qualified_name(vm: &Vm, exc: &Value) -> String {
    let class = attr::class_of(vm, exc);
    let Object::Class(c) = class.get() else {
        return String::new();
    };
    match c
        .dict
        .get(&vm.gil)
        .get_str("__module__")
        .and_then(Value::as_object)
    {
        Some(Object::Str(m)) if &*m.text != "builtins" && &*m.text != "__main__" => {
            format!("{}.{}", m.text, c.qualname)
        }
        _ => c.qualname.to_string(),
    }
}
