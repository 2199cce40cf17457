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
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
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
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
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
            super::import::errors::install_exception_methods(name, dict);
            super::os_error::install_exception_methods(name, dict);
            super::syntax_error::install_exception_methods(name, dict);
            super::exception_attrs::install_exception_methods(name, dict);
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
    super::exception_group::make_classes(&mut classes, gil);
    classes
}

/// `BaseException.__init__(self, *args)`: keep the arguments; no keywords.
fn base_exception_init(
    vm: &mut crate::interp::Vm,
    args: &[Value],
    kwargs: &[(Box<str>, Value)],
) -> crate::exc::PyResult<Value> {
    if let Some(exc) = args.first() {
        if !kwargs.is_empty() {
            return Err(crate::exc::Raise::type_error(format!(
                "{}() takes no keyword arguments",
                crate::eval::attr::type_name(vm, exc)
            )));
        }
        crate::eval::exception::init_args(vm, exc, &args[1..]);
    }
    Ok(Value::None)
}

/// The OSError subclass CPython picks for `errno`, by name.
pub fn os_error_class_name(errno: i64) -> &'static str {
    super::os_error::subclass_for(errno).unwrap_or("OSError")
}
