//! Reading a native function's arguments: positional and keyword values
//! matched to parameter names, and the conversions modules share (numbers,
//! paths), each with CPython's error messages.

use gilt_vm::eval::attr;
use gilt_vm::exc::{PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::Object;
use gilt_vm::value::Value;

/// Keyword arguments as native functions receive them.
pub type Kw = [(Box<str>, Value)];

/// Match `args` and `kwargs` to the parameters `params` of function `func`
/// (its Python name, `time.sleep`), the first `required` of them required.
pub fn parse<const N: usize>(
    func: &str,
    params: [&str; N],
    required: usize,
    args: &[Value],
    kwargs: &Kw,
) -> PyResult<[Option<Value>; N]> {
    if args.len() > N {
        let msg = match N {
            0 => format!("{func}() takes no arguments ({} given)", args.len()),
            1 if required == 1 => {
                format!("{func}() takes exactly one argument ({} given)", args.len())
            }
            _ => format!(
                "{func}() takes at most {N} argument{} ({} given)",
                if N == 1 { "" } else { "s" },
                args.len()
            ),
        };
        return Err(Raise::type_error(msg));
    }
    let mut slots: [Option<Value>; N] = std::array::from_fn(|_| None);
    for (slot, a) in slots.iter_mut().zip(args) {
        *slot = Some(a.clone());
    }
    for (k, v) in kwargs {
        let Some(i) = params.iter().position(|p| *p == &**k) else {
            return Err(Raise::type_error(format!(
                "{func}() got an unexpected keyword argument '{k}'"
            )));
        };
        if slots[i].is_some() {
            return Err(Raise::type_error(format!(
                "argument for {func}() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        slots[i] = Some(v.clone());
    }
    for (i, slot) in slots.iter().enumerate().take(required) {
        if slot.is_none() {
            let msg = if N == 1 && kwargs.is_empty() {
                format!("{func}() takes exactly one argument (0 given)")
            } else {
                format!(
                    "{func}() missing required argument '{}' (pos {})",
                    params[i],
                    i + 1
                )
            };
            return Err(Raise::type_error(msg));
        }
    }
    Ok(slots)
}

/// A number as a float (int, bool or float); TypeError otherwise.
pub fn float(vm: &Vm, v: &Value) -> PyResult<f64> {
    if let Value::Float(f) = v {
        return Ok(*f);
    }
    match gilt_vm::object::int::to_f64(v) {
        Some(result) => result,
        None => Err(not_integer(vm, v)),
    }
}

/// An int (or bool) as an i64; TypeError for anything else.
pub fn int(vm: &Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Obj(o) if matches!(o.get(), Object::BigInt(_)) => Err(Raise::new(
            gilt_vm::exc::ExcKind::OverflowError,
            "Python int too large to convert to C long",
        )),
        _ => Err(not_integer(vm, v)),
    }
}

/// `'str' object cannot be interpreted as an integer`.
pub fn not_integer(vm: &Vm, v: &Value) -> Raise {
    Raise::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        attr::type_name(vm, v)
    ))
}

/// A str argument's text; TypeError naming the function and parameter.
pub fn text(vm: &Vm, func: &str, param: &str, v: &Value) -> PyResult<String> {
    match v.as_object() {
        Some(Object::Str(s)) => Ok(s.text.to_string()),
        _ => Err(Raise::type_error(format!(
            "{func}() argument '{param}' must be str, not {}",
            attr::type_name(vm, v)
        ))),
    }
}

/// What else a path parameter accepts, which its TypeError lists.
#[derive(Clone, Copy)]
pub enum PathKind {
    /// Only paths.
    Plain,
    /// Also a file descriptor (`stat`, `chdir`).
    Fd,
    /// Also a file descriptor or None (`listdir`).
    FdOrNone,
}

/// A file system path argument (str or bytes), as `os` functions take it.
pub fn path(vm: &Vm, func: &str, v: &Value, kind: PathKind) -> PyResult<String> {
    match v.as_object() {
        Some(Object::Str(s)) => Ok(s.text.to_string()),
        Some(Object::Bytes(b)) => Ok(String::from_utf8_lossy(b).into_owned()),
        _ => {
            let accepted = match kind {
                PathKind::Plain => "string, bytes or os.PathLike",
                PathKind::Fd => "string, bytes, os.PathLike or integer",
                PathKind::FdOrNone => "string, bytes, os.PathLike, integer or None",
            };
            Err(Raise::type_error(format!(
                "{func}: path should be {accepted}, not {}",
                attr::type_name(vm, v)
            )))
        }
    }
}
