//! The builtin exception classes and their hierarchy, as in CPython 3.11.

use crate::gil::Gil;
use crate::interp::new_class;
use crate::object::{Builtin, Object, PyStr};
use crate::value::{Obj, Value};
use std::collections::HashMap;

/// (name, base) in an order where every base comes before its subclasses.
const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("PermissionError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

/// Make every builtin exception class.
pub fn hierarchy(object: &Obj, gil: &mut Gil) -> HashMap<&'static str, Obj> {
    let mut classes: HashMap<&'static str, Obj> = HashMap::new();
    for &(name, base) in HIERARCHY {
        let base = if base.is_empty() {
            object.clone()
        } else {
            classes[base].clone()
        };
        let class = new_class(name, &[base], None, gil).expect("single inheritance");
        if let Object::Class(c) = class.get() {
            let dict = c.dict.get_mut(gil);
            dict.insert_str("__module__", PyStr::value("builtins"));
            crate::object::bytes::codec::install_exception_methods(name, dict);
            if name == "BaseException" {
                let init = Object::Builtin(Builtin {
                    name: "__init__",
                    call: base_exception_init,
                    receiver: None,
                    binds: true,
                });
                dict.insert_str("__init__", Value::obj(init));
            }
        }
        classes.insert(name, class);
    }
    os_errors(&mut classes, gil);
    classes
}

/// `BaseException.__init__(self, *args)`: keep the arguments.
fn base_exception_init(
    vm: &mut crate::interp::Vm,
    args: &[Value],
    _kwargs: &[(Box<str>, Value)],
) -> crate::exc::PyResult<Value> {
    if let Some(exc) = args.first() {
        crate::eval::exception::init_args(vm, exc, &args[1..]);
    }
    Ok(Value::None)
}

// ---------------------------------------------------------------------------
// OSError: its subclasses, errno / strerror / filename, and its str()
// ---------------------------------------------------------------------------

/// OSError's subclasses (CPython 3.11, PEP 3151), each with the `ErrorKind`
/// of the errno values that select it; `None`: no errno maps to it here.
const OS_ERROR_SUBCLASSES: &[(&str, &str, Option<std::io::ErrorKind>)] = {
    use std::io::ErrorKind as K;
    &[
        ("BlockingIOError", "OSError", Some(K::WouldBlock)),
        ("ChildProcessError", "OSError", None),
        ("ConnectionError", "OSError", None),
        ("BrokenPipeError", "ConnectionError", Some(K::BrokenPipe)),
        (
            "ConnectionAbortedError",
            "ConnectionError",
            Some(K::ConnectionAborted),
        ),
        (
            "ConnectionRefusedError",
            "ConnectionError",
            Some(K::ConnectionRefused),
        ),
        (
            "ConnectionResetError",
            "ConnectionError",
            Some(K::ConnectionReset),
        ),
        ("FileExistsError", "OSError", Some(K::AlreadyExists)),
        ("FileNotFoundError", "OSError", Some(K::NotFound)),
        ("InterruptedError", "OSError", Some(K::Interrupted)),
        ("IsADirectoryError", "OSError", Some(K::IsADirectory)),
        ("NotADirectoryError", "OSError", Some(K::NotADirectory)),
        ("PermissionError", "OSError", Some(K::PermissionDenied)),
        ("ProcessLookupError", "OSError", None),
        ("TimeoutError", "OSError", Some(K::TimedOut)),
    ]
};

/// Add the OSError subclasses the hierarchy above lacks, the aliases
/// `IOError` and `EnvironmentError`, and OSError's `__new__`, `__init__` and
/// `__str__` (kept in one place so it merges easily with other additions).
fn os_errors(classes: &mut HashMap<&'static str, Obj>, gil: &mut Gil) {
    for &(name, base, _) in OS_ERROR_SUBCLASSES {
        if classes.contains_key(name) {
            continue;
        }
        let base = classes[base].clone();
        let class = new_class(name, &[base], None, gil).expect("single inheritance");
        if let Object::Class(c) = class.get() {
            c.dict
                .get_mut(gil)
                .insert_str("__module__", PyStr::value("builtins"));
        }
        classes.insert(name, class);
    }
    let os_error = classes["OSError"].clone();
    classes.insert("IOError", os_error.clone());
    classes.insert("EnvironmentError", os_error.clone());
    if let Object::Class(c) = os_error.get() {
        let dict = c.dict.get_mut(gil);
        let new = Object::StaticMethod(Builtin::function("__new__", os_error_new));
        dict.insert_str("__new__", Value::obj(new));
        dict.insert_str("__init__", Builtin::method("__init__", os_error_init));
        dict.insert_str("__str__", Builtin::method("__str__", os_error_str));
    }
}

/// The OSError subclass CPython picks for `errno`, by name.
pub fn os_error_class_name(errno: i64) -> &'static str {
    let Ok(code) = i32::try_from(errno) else {
        return "OSError";
    };
    let kind = std::io::Error::from_raw_os_error(code).kind();
    OS_ERROR_SUBCLASSES
        .iter()
        .find(|(_, _, k)| *k == Some(kind))
        .map_or("OSError", |(name, _, _)| name)
}

/// `OSError.__new__(cls, *args)`: `OSError(errno, strerror, ...)` itself
/// makes the subclass that `errno` selects (`OSError(2, 'x')` is a
/// FileNotFoundError); subclasses are made as asked.
fn os_error_new(
    vm: &mut crate::interp::Vm,
    args: &[Value],
    _kwargs: &[(Box<str>, Value)],
) -> crate::exc::PyResult<Value> {
    let Some(Value::Obj(mut class)) = args.first().cloned() else {
        return Err(crate::exc::Raise::type_error(
            "OSError.__new__(): not enough arguments",
        ));
    };
    let os_error = vm.interp.exceptions["OSError"].clone();
    if class.is(&os_error) && (3..=6).contains(&args.len()) {
        if let Value::Int(errno) = args[1] {
            class = vm.interp.exceptions[os_error_class_name(errno)].clone();
        }
    }
    Ok(Value::obj(Object::Instance(crate::object::Instance::new(
        class, None,
    ))))
}

/// `OSError.__init__(self, *args)`: with 2 to 5 arguments they are errno,
/// strerror, filename, winerror and filename2, and a filename other than None
/// is dropped from `args` (which keeps errno and strerror), as CPython does.
fn os_error_init(
    vm: &mut crate::interp::Vm,
    args: &[Value],
    _kwargs: &[(Box<str>, Value)],
) -> crate::exc::PyResult<Value> {
    let Some((exc, rest)) = args.split_first() else {
        return Ok(Value::None);
    };
    let Some(Object::Instance(inst)) = exc.as_object() else {
        return Ok(Value::None);
    };
    let arg = |i: usize| rest.get(i).cloned().unwrap_or(Value::None);
    let parsed = (2..=5).contains(&rest.len());
    let filename = if parsed { arg(2) } else { Value::None };
    let kept: Vec<Value> = if parsed && !matches!(filename, Value::None) {
        rest[..2].to_vec()
    } else {
        rest.to_vec()
    };
    let dict = inst.attrs().get_mut(&mut vm.gil);
    dict.insert_str("args", Value::obj(Object::Tuple(kept.into())));
    let fields = [
        ("errno", if parsed { arg(0) } else { Value::None }),
        ("strerror", if parsed { arg(1) } else { Value::None }),
        ("filename", filename.clone()),
        (
            "filename2",
            if parsed && !matches!(filename, Value::None) {
                arg(4)
            } else {
                Value::None
            },
        ),
    ];
    for (name, value) in fields {
        dict.insert_str(name, value);
    }
    Ok(Value::None)
}

/// `str(oserror)`: "[Errno 2] No such file or directory: 'x'" (with " -> 'y'"
/// for a second filename), "[Errno 2] ..." without one, else as BaseException.
/// (CPython tells "errno and strerror unset" from "set to None"; here both
/// read as None, so `OSError(None, None)` prints as its args.)
fn os_error_str(
    vm: &mut crate::interp::Vm,
    args: &[Value],
    _kwargs: &[(Box<str>, Value)],
) -> crate::exc::PyResult<Value> {
    use crate::eval::{exception, ops};
    let Some(exc) = args.first() else {
        return Ok(PyStr::value(""));
    };
    let Some(Object::Instance(inst)) = exc.as_object() else {
        return Ok(PyStr::value(""));
    };
    let field = |vm: &crate::interp::Vm, name: &str| {
        inst.attrs()
            .get(&vm.gil)
            .get_str(name)
            .cloned()
            .unwrap_or(Value::None)
    };
    let (errno, strerror) = (field(vm, "errno"), field(vm, "strerror"));
    if matches!(errno, Value::None) || matches!(strerror, Value::None) {
        return Ok(PyStr::value(exception::str_of(vm, exc)?));
    }
    let errno = ops::str_of(vm, &errno)?;
    let strerror = ops::str_of(vm, &strerror)?;
    let filename = field(vm, "filename");
    let filename2 = field(vm, "filename2");
    let text = match (&filename, &filename2) {
        (Value::None, _) => format!("[Errno {errno}] {strerror}"),
        (f, Value::None) => format!("[Errno {errno}] {strerror}: {}", ops::repr(vm, f)?),
        (f, g) => format!(
            "[Errno {errno}] {strerror}: {} -> {}",
            ops::repr(vm, f)?,
            ops::repr(vm, g)?
        ),
    };
    Ok(PyStr::value(text))
}
