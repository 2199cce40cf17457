//! Methods every stream has (CPython's `_io._IOBase`): line iteration,
//! `readline`, `readlines`, `writelines`, the context manager, and the repr.
//! Each goes to the stream kind's own code.

use super::args::{self, Kw};
use super::{buffered, bytes_io, errors, string_io, text, Body, Stream};
use crate::eval::{attr, call, iter};
use crate::exc::{PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{bytes, NativeFn, Object, PyStr};
use crate::value::Value;

/// The methods of `_io._IOBase`, inherited by every stream class.
pub const METHODS: &[(&str, NativeFn)] = &[
    ("readlines", readlines),
    ("writelines", writelines),
    ("__enter__", enter),
    ("__exit__", exit),
    ("__iter__", iter_self),
    ("__next__", next_line),
];

/// The receiver of an `_IOBase` method.
fn stream<'a>(vm: &Vm, args: &'a [Value], method: &str) -> PyResult<&'a Stream> {
    args::receiver(vm, args, method, "_io._IOBase")
}

/// Whether the stream is closed.
pub fn is_closed(vm: &Vm, s: &Stream) -> bool {
    match &s.body {
        Body::Text(t) => text::is_closed(vm, t),
        Body::File(f) => buffered::is_closed(vm, f),
        Body::Strings(b) => b.get(&vm.gil).closed,
        Body::Bytes(b) => b.get(&vm.gil).closed,
    }
}

/// One line (a str or bytes, empty at the end), at most `limit` long.
pub fn line_of(vm: &mut Vm, s: &Stream, limit: Option<usize>) -> PyResult<Value> {
    Ok(match &s.body {
        Body::Text(t) => PyStr::value(text::readline(vm, t, limit)?),
        Body::File(f) => bytes::new_bytes(buffered::readline(vm, f, limit)?),
        Body::Strings(b) => PyStr::value(string_io::readline(vm, b, limit)?),
        Body::Bytes(b) => bytes::new_bytes(bytes_io::readline(vm, b, limit)?),
    })
}

/// The length of a line `line_of` gave.
fn line_len(line: &Value) -> usize {
    match line.as_object() {
        Some(Object::Str(s)) => s.char_len(),
        Some(Object::Bytes(b)) => b.len(),
        _ => 0,
    }
}

/// `readline(size=-1)`.
pub fn readline(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = stream(vm, args, "readline")?;
    let given = args::optional(vm, args, "readline", kwargs, 0, 1)?;
    let limit = match (&s.body, given.first()) {
        // TextIOWrapper's size is a plain int; the others also take None.
        (Body::Text(_), Some(v)) => {
            let n = args::int_arg(vm, v)?;
            (n >= 0).then_some(n as usize)
        }
        (_, v) => args::size_arg(vm, v)?,
    };
    line_of(vm, s, limit)
}

/// `readlines(hint=-1)`: the lines left; with a hint, lines until their
/// total length reaches it.
fn readlines(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = stream(vm, args, "readlines")?;
    let given = args::optional(vm, args, "readlines", kwargs, 0, 1)?;
    let hint = args::size_arg(vm, given.first())?.filter(|&h| h > 0);
    if is_closed(vm, s) {
        return Err(errors::closed_file());
    }
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = line_of(vm, s, None)?;
        let n = line_len(&line);
        if n == 0 {
            break;
        }
        lines.push(line);
        total += n;
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(Value::obj(Object::List(GilCell::new(lines))))
}

/// `writelines(lines)`: each item written as `write` would.
fn writelines(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = stream(vm, args, "writelines")?;
    let lines = args::one(vm, args, "writelines", kwargs)?;
    if is_closed(vm, s) {
        return Err(errors::closed_file());
    }
    let write = attr::get(vm, &args[0], "write")?;
    let it = iter::get_iter(vm, lines)?;
    while let Some(line) = iter::next(vm, &it)? {
        call::call(vm, &write, vec![line], Vec::new())?;
    }
    Ok(Value::None)
}

/// `__enter__()`: the stream itself, unless it is closed.
fn enter(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let s = stream(vm, args, "__enter__")?;
    if is_closed(vm, s) {
        return Err(errors::closed_file());
    }
    Ok(args[0].clone())
}

/// `__exit__(*exc_info)`: `self.close()`; exceptions go on.
fn exit(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    stream(vm, args, "__exit__")?;
    let close = attr::get(vm, &args[0], "close")?;
    call::call(vm, &close, Vec::new(), Vec::new())?;
    Ok(Value::None)
}

/// `__iter__()`: the stream itself, unless it is closed.
fn iter_self(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    enter(vm, args, &[])
}

/// `__next__()`: the next line; StopIteration at the end.
fn next_line(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let s = stream(vm, args, "__next__")?;
    let line = match &s.body {
        Body::Text(t) => text::next_line(vm, t)?,
        _ => line_of(vm, s, None)?,
    };
    if line_len(&line) == 0 {
        return Err(args::stop());
    }
    Ok(line)
}

/// `__repr__()` of every stream kind.
pub fn repr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let s = stream(vm, args, "__repr__")?;
    let text = match &s.body {
        Body::Text(t) => text::repr(vm, t)?,
        Body::File(f) => buffered::repr(vm, f)?,
        Body::Strings(_) | Body::Bytes(_) => {
            let (module, name) = match s.class.get() {
                Object::Class(c) => {
                    let module = match c.dict.get(&vm.gil).get_str("__module__") {
                        Some(m) => crate::eval::ops::str_of(vm, &m.clone())?,
                        None => "builtins".to_string(),
                    };
                    (module, c.qualname.to_string())
                }
                _ => (String::new(), String::new()),
            };
            let addr = match &args[0] {
                Value::Obj(o) => o.addr(),
                _ => 0,
            };
            format!("<{module}.{name} object at {addr:#x}>")
        }
    };
    Ok(PyStr::value(text))
}

/// `fileno()` of a stream with no OS handle.
pub fn no_fileno(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let s = stream(vm, args, "fileno")?;
    if is_closed(vm, s) {
        return Err(errors::closed_file());
    }
    Err(errors::unsupported(vm, "fileno"))
}

/// `readinto(b)`: read up to `len(b)` bytes with `read` and copy them into
/// the bytearray `b`; the count.
pub fn read_into(
    vm: &mut Vm,
    target: &Value,
    read: impl FnOnce(&mut Vm, usize) -> PyResult<Vec<u8>>,
) -> PyResult<Value> {
    let Some(Object::ByteArray(cell)) = target.as_object() else {
        return Err(Raise::type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            attr::type_name(vm, target)
        )));
    };
    let n = cell.get(&vm.gil).len();
    let data = read(vm, n)?;
    let buf = cell.get_mut(&mut vm.gil);
    let m = data.len().min(buf.len());
    buf[..m].copy_from_slice(&data[..m]);
    Ok(Value::Int(m as i64))
}
