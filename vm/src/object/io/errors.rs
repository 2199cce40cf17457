//! The exceptions streams raise, worded as CPython 3.11 words them.

use crate::eval::call;
use crate::exc::{PyResult, Raise};
use crate::interp::Vm;
use crate::object::PyStr;
use crate::value::{Obj, Value};

/// ValueError "I/O operation on closed file." (the `_io._IOBase` wording).
pub fn closed_file() -> Raise {
    Raise::value_error("I/O operation on closed file.")
}

/// ValueError with another closed-file wording (`read of closed file`, or
/// StringIO's "I/O operation on closed file" without the full stop).
pub fn closed(msg: &str) -> Raise {
    Raise::value_error(msg)
}

/// An instance of `class` made from `args` (its `__init__` runs), raised.
pub fn raise_class(vm: &mut Vm, class: Obj, args: Vec<Value>) -> Raise {
    match call::call(vm, &Value::Obj(class), args, Vec::new()) {
        Ok(exc) => Raise::Object(exc),
        Err(e) => e,
    }
}

/// The builtin exception class `name` raised with the message `msg`.
pub fn raise_builtin(vm: &mut Vm, name: &str, msg: &str) -> Raise {
    let class = vm.interp.exceptions[name].clone();
    raise_class(vm, class, vec![PyStr::value(msg)])
}

/// `io.UnsupportedOperation(msg)`: "not readable", "not writable", "fileno".
pub fn unsupported(vm: &mut Vm, msg: &str) -> Raise {
    let class = super::classes(vm).unsupported.clone();
    raise_class(vm, class, vec![PyStr::value(msg)])
}

/// The text of an OS error without Rust's " (os error N)" suffix: the C
/// library's `strerror`, as CPython shows it.
pub fn strerror(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.rfind(" (os error ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// The OSError subclass for an OS error: `FileNotFoundError: [Errno 2] No
/// such file or directory: 'x'` when `filename` is given.
pub fn os_error(vm: &mut Vm, err: &std::io::Error, filename: Option<&Value>) -> Raise {
    let Some(errno) = err.raw_os_error() else {
        return raise_builtin(vm, "OSError", &err.to_string());
    };
    let name = crate::builtins::exceptions::os_error_class_name(errno as i64);
    let class = vm.interp.exceptions[name].clone();
    let mut args = vec![Value::Int(errno as i64), PyStr::value(strerror(err))];
    if let Some(f) = filename {
        args.push(f.clone());
    }
    raise_class(vm, class, args)
}

/// An OS error as a result, for `?` after a system call.
pub fn check<T>(vm: &mut Vm, r: std::io::Result<T>) -> PyResult<T> {
    r.map_err(|e| os_error(vm, &e, None))
}

/// OSError `[Errno 22] Invalid argument`, as a seek before the start gives.
pub fn invalid_argument(vm: &mut Vm) -> Raise {
    os_error(vm, &std::io::Error::from_raw_os_error(22), None)
}
