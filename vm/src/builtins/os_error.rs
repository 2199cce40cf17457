//! OSError: its `errno`, `strerror`, `filename` and `filename2` attributes,
//! `[Errno 2] No such file or directory: 'x'` as its str, the subclass chosen
//! by errno (`OSError(2, ...)` makes a FileNotFoundError, as in CPython), and
//! how native code turns a failed system call into one.

use crate::eval::{attr, call, exception, ops};
use crate::exc::{PyResult, Raise};

use crate::interp::Vm;
use crate::object::{Builtin, Dict, Instance, Object, PyStr};
use crate::value::Value;

type Kw = [(Box<str>, Value)];

/// Put OSError's `__new__`, `__init__` and `__str__` into its class namespace.
pub fn install_exception_methods(class: &str, dict: &mut Dict) {
    if class != "OSError" {
        return;
    }
    dict.insert_str("__new__", Builtin::function("__new__", os_error_new));
    dict.insert_str("__init__", Builtin::method("__init__", os_error_init));
    dict.insert_str("__str__", Builtin::method("__str__", os_error_str));
}

/// The subclass of OSError CPython raises for error number `errno` (Linux
/// numbering), if there is one.
pub fn subclass_for(errno: i64) -> Option<&'static str> {
    Some(match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        4 => "InterruptedError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    })
}

/// The C library's message for error number `errno` (`os.strerror`).
pub fn strerror(errno: i32) -> String {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    // Rust adds " (os error N)" to the C library's text.
    match text.rfind(" (os error ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// The OSError (or subclass) for a failed system call, with the file names
/// involved: `[Errno 2] No such file or directory: 'x'`.
pub fn from_io(
    vm: &mut Vm,
    err: &std::io::Error,
    filename: Option<Value>,
    filename2: Option<Value>,
) -> Raise {
    let Some(errno) = err.raw_os_error() else {
        return Raise::new(crate::exc::ExcKind::OSError, err.to_string());
    };
    from_errno(vm, errno, filename, filename2)
}

/// [`from_io`] for an error number.
pub fn from_errno(
    vm: &mut Vm,
    errno: i32,
    filename: Option<Value>,
    filename2: Option<Value>,
) -> Raise {
    let class = Value::Obj(vm.exc_class(crate::exc::ExcKind::OSError));
    let mut args = vec![Value::Int(errno as i64), PyStr::value(strerror(errno))];
    if filename.is_some() || filename2.is_some() {
        args.push(filename.unwrap_or(Value::None));
    }
    if let Some(f2) = filename2 {
        args.push(Value::None);
        args.push(f2);
    }
    match call::call(vm, &class, args, Vec::new()) {
        Ok(exc) => Raise::Object(exc),
        Err(e) => e,
    }
}

/// `OSError.__new__(cls, *args)`: called on OSError itself with an error
/// number it knows, it makes the matching subclass instead.
fn os_error_new(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.first() else {
        return Err(Raise::type_error("OSError.__new__(): not enough arguments"));
    };
    let mut class = cls.clone();
    let os_error = vm.exc_class(crate::exc::ExcKind::OSError);
    if class.is(&os_error) && (3..=6).contains(&args.len()) {
        if let Value::Int(errno) = args[1] {
            if let Some(name) = subclass_for(errno) {
                class = vm.interp.exceptions[name].clone();
            }
        }
    }
    Ok(Value::obj(Object::Instance(Instance::new(class, None))))
}

/// `OSError.__init__(self, *args)`: with two to five arguments they are
/// `errno, strerror[, filename[, winerror[, filename2]]]`, and `args` keeps
/// only the first two.
fn os_error_init(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let Some((exc, rest)) = args.split_first() else {
        return Ok(Value::None);
    };
    let mut fields = [Value::None, Value::None, Value::None, Value::None];
    if (2..=5).contains(&rest.len()) {
        fields[0] = rest[0].clone();
        fields[1] = rest[1].clone();
        if let Some(f) = rest.get(2) {
            fields[2] = f.clone();
        }
        if let Some(f2) = rest.get(4) {
            fields[3] = f2.clone();
        }
        exception::init_args(vm, exc, &rest[..2]);
    } else {
        exception::init_args(vm, exc, rest);
    }
    if let Some(Object::Instance(i)) = exc.as_object() {
        let d = i.attrs().get_mut(&mut vm.gil);
        for (name, v) in ["errno", "strerror", "filename", "filename2"]
            .into_iter()
            .zip(fields)
        {
            d.insert_str(name, v);
        }
    }
    Ok(Value::None)
}

/// `str(oserror)`.
fn os_error_str(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let Some(exc) = args.first() else {
        return Ok(PyStr::value(""));
    };
    let field = |vm: &mut Vm, name: &str| -> Value {
        attr::get(vm, exc, name)
            .ok()
            .filter(|v| !matches!(v, Value::None))
            .unwrap_or(Value::None)
    };
    let errno = field(vm, "errno");
    let strerror = field(vm, "strerror");
    let filename = field(vm, "filename");
    let filename2 = field(vm, "filename2");
    let text = if !matches!(filename, Value::None) {
        let head = format!(
            "[Errno {}] {}: {}",
            ops::str_of(vm, &errno)?,
            ops::str_of(vm, &strerror)?,
            ops::repr(vm, &filename)?
        );
        if matches!(filename2, Value::None) {
            head
        } else {
            format!("{head} -> {}", ops::repr(vm, &filename2)?)
        }
    } else if !matches!(errno, Value::None) && !matches!(strerror, Value::None) {
        format!(
            "[Errno {}] {}",
            ops::str_of(vm, &errno)?,
            ops::str_of(vm, &strerror)?
        )
    } else {
        exception::str_of(vm, exc)?
    };
    Ok(PyStr::value(text))
}
