//! The `sys` module: what scripts reach for first (argv, exit, path, modules,
//! version information, the recursion limit, stdin/stdout/stderr).

use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{Builtin, Dict, NativeFn, Object, PyStr};
use crate::value::Value;

type Kw = [(Box<str>, Value)];

/// Fill the `sys` module of this interpreter.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let mut d = Dict::new();
    let functions: &[(&'static str, NativeFn)] = &[
        ("exit", exit),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("exc_info", exc_info),
        ("exception", exception),
        ("excepthook", excepthook),
        ("__excepthook__", excepthook),
        ("getswitchinterval", getswitchinterval),
        ("setswitchinterval", setswitchinterval),
        ("getcheckinterval", getcheckinterval),
        ("setcheckinterval", setcheckinterval),
        ("_getframe", getframe),
    ];
    for &(name, f) in functions {
        d.insert_str(
            name,
            Value::obj(Object::Builtin(Builtin {
                name,
                call: f,
                receiver: None,
                binds: false,
            })),
        );
    }
    let argv: Vec<Value> = vm
        .interp
        .argv
        .get(&vm.gil)
        .iter()
        .map(|a| PyStr::value(a.as_str()))
        .collect();
    d.insert_str("argv", Value::obj(Object::List(GilCell::new(argv))));
    // The interpreter's own list and dict: the import system reads them.
    d.insert_str("path", Value::Obj(vm.interp.search_path.clone()));
    d.insert_str("modules", Value::Obj(vm.interp.modules.clone()));
    let names: Vec<Value> = super::import::builtin_names(vm, true)
        .into_iter()
        .map(PyStr::value)
        .collect();
    d.insert_str(
        "builtin_module_names",
        Value::obj(Object::Tuple(names.into())),
    );
    d.insert_str("maxsize", Value::Int(i64::MAX));
    d.insert_str("platform", PyStr::value(std::env::consts::OS));
    d.insert_str(
        "byteorder",
        PyStr::value(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    d.insert_str(
        "version",
        PyStr::value(format!("3.11.0 (Gilt {})", env!("CARGO_PKG_VERSION"))),
    );
    let version_info = [
        Value::Int(3),
        Value::Int(11),
        Value::Int(0),
        PyStr::value("final"),
        Value::Int(0),
    ];
    d.insert_str(
        "version_info",
        Value::obj(Object::Tuple(version_info.to_vec().into())),
    );
    let executable = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    d.insert_str("executable", PyStr::value(executable));
    for (fd, name) in ["stdin", "stdout", "stderr"].into_iter().enumerate() {
        let stream = Value::Obj(crate::object::io::console(vm, fd));
        d.insert_str(name, stream.clone());
        d.insert_str(&format!("__{name}__"), stream);
    }
    for (k, v) in d.iter() {
        if let Some(Object::Str(name)) = k.as_object() {
            super::import::set_attr(vm, module, &name.text, v.clone());
        }
    }
    Ok(())
}

fn exit(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    Err(match args.first() {
        None => Raise::Bare(ExcKind::SystemExit),
        // A tuple becomes the exception's args, as CPython's PyErr_SetObject does.
        Some(Value::Obj(t)) if matches!(t.get(), Object::Tuple(_)) => {
            let items = vm.collect(&args[0])?;
            let class = Value::Obj(vm.exc_class(ExcKind::SystemExit));
            match crate::eval::call::call(vm, &class, items, Vec::new()) {
                Ok(exc) => Raise::Object(exc),
                Err(e) => e,
            }
        }
        Some(code) => Raise::WithValue(ExcKind::SystemExit, code.clone()),
    })
}

/// `sys._getframe([depth])`.
fn getframe(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let caller = vm.caller.take();
    if !kw.is_empty() {
        return Err(Raise::type_error("_getframe() takes no keyword arguments"));
    }
    let depth = match args {
        [] => 0,
        [Value::Int(n)] => (*n).max(0) as usize,
        [Value::Bool(b)] => *b as usize,
        [other] => {
            return Err(Raise::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::eval::attr::type_name(vm, other)
            )))
        }
        _ => {
            return Err(Raise::type_error(format!(
                "_getframe expected at most 1 argument, got {}",
                args.len()
            )))
        }
    };
    let locals = caller.filter(|_| depth == 0).map(|c| c.locals);
    super::traceback::running_frame(vm, depth, locals)
}

fn getrecursionlimit(vm: &mut Vm, _: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    match args {
        [Value::Int(n)] if *n >= 1 => {
            if (*n as usize) <= vm.depth {
                return Err(Raise::new(
                    ExcKind::RecursionError,
                    format!(
                        "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
                        vm.depth
                    ),
                ));
            }
            vm.recursion_limit = *n as usize;
            Ok(Value::None)
        }
        [Value::Int(_)] => Err(Raise::value_error(
            "recursion limit must be greater or equal than 1",
        )),
        [Value::Obj(o)] if matches!(o.get(), Object::BigInt(_)) => Err(Raise::new(
            crate::exc::ExcKind::OverflowError,
            "Python int too large to convert to C int",
        )),
        [v] => Err(Raise::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::eval::attr::type_name(vm, v)
        ))),
        _ => Err(Raise::type_error(format!(
            "sys.setrecursionlimit() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// `sys.exception()` (3.11): the exception being handled, or None.
fn exception(vm: &mut Vm, _: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(vm.handling.clone())
}

fn exc_info(vm: &mut Vm, _: &[Value], _: &Kw) -> PyResult<Value> {
    let exc = vm.handling.clone();
    let items = match &exc {
        Value::None => vec![Value::None, Value::None, Value::None],
        e => vec![
            Value::Obj(crate::eval::attr::class_of(vm, e)),
            e.clone(),
            super::exception_attrs::stored(vm, e, "__traceback__").unwrap_or(Value::None),
        ],
    };
    Ok(Value::obj(Object::Tuple(items.into())))
}

/// `sys.<name>` (`stdout`, `stdin`, ...) when the sys module is loaded, else
/// the interpreter's own stream `fd`: where `print` and `input` go.
pub fn stream(vm: &mut Vm, name: &str, fd: usize) -> Value {
    let sys = match vm.interp.modules.get() {
        Object::Dict(d) => d.get(&vm.gil).get_str("sys").cloned(),
        _ => None,
    };
    if let Some(Object::Module(m)) = sys.as_ref().and_then(Value::as_object) {
        if let Object::Dict(d) = m.dict.get() {
            if let Some(v) = d.get(&vm.gil).get_str(name) {
                return v.clone();
            }
        }
    }
    Value::Obj(crate::object::io::console(vm, fd))
}

/// `sys.excepthook(type, value, traceback)`: print the exception and its
/// traceback to stderr as an uncaught one is printed.
fn excepthook(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(Raise::type_error(format!(
            "excepthook expected 3 arguments, got {}",
            args.len()
        )));
    }
    crate::run::uncaught(vm, Raise::Object(args[1].clone()), false);
    Ok(Value::None)
}

/// `sys.getswitchinterval()`.
fn getswitchinterval(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    no_arguments("getswitchinterval", args)?;
    Ok(Value::Float(vm.interp.lock.switch_interval()))
}

/// `sys.setswitchinterval(seconds)`.
fn setswitchinterval(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let [interval] = args else {
        return Err(Raise::type_error(format!(
            "setswitchinterval() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let seconds = match interval {
        Value::Int(i) => *i as f64,
        Value::Bool(b) => *b as i64 as f64,
        Value::Float(f) => *f,
        other => {
            return Err(Raise::type_error(format!(
                "must be real number, not {}",
                crate::eval::attr::type_name(vm, other)
            )))
        }
    };
    if seconds.is_nan() || seconds <= 0.0 {
        return Err(Raise::value_error(
            "switch interval must be strictly positive",
        ));
    }
    vm.interp.lock.set_switch_interval(seconds);
    Ok(Value::None)
}

/// `sys.getcheckinterval()`: see `Interp::check_interval`.
fn getcheckinterval(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    no_arguments("getcheckinterval", args)?;
    let n = vm
        .interp
        .check_interval
        .load(std::sync::atomic::Ordering::Relaxed);
    Ok(Value::Int(n as i64))
}

/// `sys.setcheckinterval(n)`; values below 1 mean 1.
fn setcheckinterval(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let [n] = args else {
        return Err(Raise::type_error(format!(
            "setcheckinterval() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let n = match n {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        other => {
            return Err(Raise::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::eval::attr::type_name(vm, other)
            )))
        }
    };
    vm.interp
        .check_interval
        .store(n.max(1) as u64, std::sync::atomic::Ordering::Relaxed);
    Ok(Value::None)
}

fn no_arguments(name: &str, args: &[Value]) -> PyResult<()> {
    if args.is_empty() {
        Ok(())
    } else {
        Err(Raise::type_error(format!(
            "{name}() takes no arguments ({} given)",
            args.len()
        )))
    }
}
