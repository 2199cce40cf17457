//! Argument checks of the stream methods, worded as CPython's Argument Clinic
//! words them (`read expected at most 1 argument, got 2`,
//! `TextIOWrapper.tell() takes no arguments (1 given)`).

use super::{Body, Stream};
use crate::eval::attr;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::Object;
use crate::value::Value;

/// Keyword arguments of a native call.
pub type Kw = [(Box<str>, Value)];

/// The stream a method was called on; `owner` names the class in the error
/// for anything else (`descriptor 'read' for '_io.StringIO' objects ...`).
pub fn receiver<'a>(vm: &Vm, args: &'a [Value], method: &str, owner: &str) -> PyResult<&'a Stream> {
    match args.first().and_then(Value::as_object) {
        Some(Object::Stream(s)) => Ok(s),
        _ => Err(attr::wrong_receiver(vm, method, owner, args)),
    }
}

/// The receiver, which must be a text file.
pub fn text<'a>(
    vm: &Vm,
    args: &'a [Value],
    method: &str,
) -> PyResult<&'a crate::gil::GilCell<super::text::TextFile>> {
    match &receiver(vm, args, method, "_io.TextIOWrapper")?.body {
        Body::Text(t) => Ok(t),
        _ => Err(attr::wrong_receiver(vm, method, "_io.TextIOWrapper", args)),
    }
}

/// The receiver, which must be a buffered file.
pub fn file<'a>(
    vm: &Vm,
    args: &'a [Value],
    method: &str,
) -> PyResult<&'a crate::gil::GilCell<super::buffered::BufferedFile>> {
    match &receiver(vm, args, method, "_io._BufferedIOBase")?.body {
        Body::File(f) => Ok(f),
        _ => Err(attr::wrong_receiver(
            vm,
            method,
            "_io._BufferedIOBase",
            args,
        )),
    }
}

/// The receiver, which must be a StringIO.
pub fn strings<'a>(
    vm: &Vm,
    args: &'a [Value],
    method: &str,
) -> PyResult<&'a crate::gil::GilCell<super::string_io::StringBuf>> {
    match &receiver(vm, args, method, "_io.StringIO")?.body {
        Body::Strings(b) => Ok(b),
        _ => Err(attr::wrong_receiver(vm, method, "_io.StringIO", args)),
    }
}

/// The receiver, which must be a BytesIO.
pub fn bytes<'a>(
    vm: &Vm,
    args: &'a [Value],
    method: &str,
) -> PyResult<&'a crate::gil::GilCell<super::bytes_io::ByteBuf>> {
    match &receiver(vm, args, method, "_io.BytesIO")?.body {
        Body::Bytes(b) => Ok(b),
        _ => Err(attr::wrong_receiver(vm, method, "_io.BytesIO", args)),
    }
}

/// `Class.method` as the messages name it.
fn qualified(vm: &Vm, args: &[Value], method: &str) -> String {
    format!("{}.{method}", attr::type_name(vm, &args[0]))
}

fn no_keywords(vm: &Vm, args: &[Value], method: &str, kwargs: &Kw) -> PyResult<()> {
    if kwargs.is_empty() {
        return Ok(());
    }
    Err(Raise::type_error(format!(
        "{}() takes no keyword arguments",
        qualified(vm, args, method)
    )))
}

/// A method without parameters: `tell()`, `close()`.
pub fn none(vm: &Vm, args: &[Value], method: &str, kwargs: &Kw) -> PyResult<()> {
    no_keywords(vm, args, method, kwargs)?;
    if args.len() > 1 {
        return Err(Raise::type_error(format!(
            "{}() takes no arguments ({} given)",
            qualified(vm, args, method),
            args.len() - 1
        )));
    }
    Ok(())
}

/// A method of exactly one parameter: `write(s)`.
pub fn one<'a>(vm: &Vm, args: &'a [Value], method: &str, kwargs: &Kw) -> PyResult<&'a Value> {
    no_keywords(vm, args, method, kwargs)?;
    match args {
        [_, arg] => Ok(arg),
        _ => Err(Raise::type_error(format!(
            "{}() takes exactly one argument ({} given)",
            qualified(vm, args, method),
            args.len() - 1
        ))),
    }
}

/// Optional positional parameters: `read(size=-1)`, `seek(offset, whence=0)`.
pub fn optional<'a>(
    vm: &Vm,
    args: &'a [Value],
    method: &str,
    kwargs: &Kw,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    no_keywords(vm, args, method, kwargs)?;
    let given = args.len() - 1;
    let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
    if given < min {
        return Err(Raise::type_error(format!(
            "{method} expected at least {min} {}, got {given}",
            plural(min)
        )));
    }
    if given > max {
        return Err(Raise::type_error(format!(
            "{method} expected at most {max} {}, got {given}",
            plural(max)
        )));
    }
    Ok(&args[1..])
}

/// An int argument as an i64 (ints beyond i64 saturate).
pub fn int_of(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::Obj(o) => match o.get() {
            Object::BigInt(b) if b.sign() == num_bigint::Sign::Minus => Some(i64::MIN),
            Object::BigInt(_) => Some(i64::MAX),
            _ => None,
        },
        _ => None,
    }
}

/// An argument that must be an int: "'str' object cannot be interpreted as an integer".
pub fn int_arg(vm: &Vm, v: &Value) -> PyResult<i64> {
    int_of(v).ok_or_else(|| {
        Raise::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            attr::type_name(vm, v)
        ))
    })
}

/// A size: absent, None or negative mean "all" (`None` here).
pub fn size_arg(vm: &Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match int_of(v) {
            Some(n) if n < 0 => Ok(None),
            Some(n) => Ok(Some(n as usize)),
            None => Err(Raise::type_error(format!(
                "argument should be integer or None, not '{}'",
                attr::type_name(vm, v)
            ))),
        },
    }
}

/// `whence`: 0, 1 or 2, else ValueError "invalid whence (5, should be 0, 1 or 2)".
pub fn whence_arg(vm: &Vm, v: Option<&Value>, capital: bool) -> PyResult<u8> {
    let Some(v) = v else { return Ok(0) };
    let n = int_arg(vm, v)?;
    match n {
        0..=2 => Ok(n as u8),
        _ => Err(Raise::value_error(format!(
            "{}nvalid whence ({n}, should be 0, 1 or 2)",
            if capital { "I" } else { "i" }
        ))),
    }
}

/// StopIteration, ending a `for` loop over a stream.
pub fn stop() -> Raise {
    Raise::Bare(ExcKind::StopIteration)
}
