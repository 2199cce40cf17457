//! `io.BytesIO`: a binary stream over bytes in memory. The position may pass
//! the end; a write there first fills the gap with zero bytes.

use super::args::{self, Kw};
use super::errors;
use crate::exc::{PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{bytes, NativeFn};
use crate::value::Value;

/// A BytesIO's state.
#[derive(Debug, Default)]
pub struct ByteBuf {
    data: Vec<u8>,
    pos: usize,
    /// `closed`.
    pub closed: bool,
}

impl ByteBuf {
    /// A BytesIO holding `data`, at position 0.
    pub fn new(data: Vec<u8>) -> ByteBuf {
        ByteBuf {
            data,
            pos: 0,
            closed: false,
        }
    }

    /// Close: the contents are let go.
    pub fn close(&mut self) {
        self.closed = true;
        self.data = Vec::new();
    }
}

type Cell = GilCell<ByteBuf>;

/// The state, or ValueError if closed.
fn open<'g>(vm: &'g mut Vm, b: &'g Cell) -> PyResult<&'g mut ByteBuf> {
    let buf = b.get_mut(&mut vm.gil);
    if buf.closed {
        return Err(errors::closed_file());
    }
    Ok(buf)
}

/// ValueError if closed.
pub fn check_open(vm: &mut Vm, b: &Cell) -> PyResult<()> {
    open(vm, b).map(drop)
}

/// `read(n)`.
pub fn read(vm: &mut Vm, b: &Cell, n: Option<usize>) -> PyResult<Vec<u8>> {
    let buf = open(vm, b)?;
    let start = buf.pos.min(buf.data.len());
    let end = match n {
        None => buf.data.len(),
        Some(n) => start.saturating_add(n).min(buf.data.len()),
    };
    buf.pos = buf.pos.max(end);
    Ok(buf.data[start..end].to_vec())
}

/// `readline(limit)`.
pub fn readline(vm: &mut Vm, b: &Cell, limit: Option<usize>) -> PyResult<Vec<u8>> {
    let buf = open(vm, b)?;
    let start = buf.pos.min(buf.data.len());
    let rest = &buf.data[start..];
    let mut end = rest
        .iter()
        .position(|&c| c == b'\n')
        .map_or(rest.len(), |i| i + 1);
    if let Some(limit) = limit {
        end = end.min(limit);
    }
    buf.pos = buf.pos.max(start + end);
    Ok(rest[..end].to_vec())
}

/// `write(data)`: the count of bytes written.
pub fn write(vm: &mut Vm, b: &Cell, data: &[u8]) -> PyResult<usize> {
    let buf = open(vm, b)?;
    let pos = buf.pos;
    if pos > buf.data.len() {
        buf.data.resize(pos, 0);
    }
    let overlap = (buf.data.len() - pos).min(data.len());
    buf.data[pos..pos + overlap].copy_from_slice(&data[..overlap]);
    buf.data.extend_from_slice(&data[overlap..]);
    buf.pos = pos + data.len();
    Ok(data.len())
}

/// `tell()`.
pub fn tell(vm: &mut Vm, b: &Cell) -> PyResult<u64> {
    Ok(open(vm, b)?.pos as u64)
}

/// `seek(offset, whence)`: positions before the start clamp to 0, except an
/// absolute negative one (ValueError).
pub fn seek(vm: &mut Vm, b: &Cell, offset: i64, whence: u8) -> PyResult<u64> {
    let buf = open(vm, b)?;
    let base = match whence {
        0 if offset < 0 => return Err(Raise::value_error(format!("negative seek value {offset}"))),
        0 => 0,
        1 => buf.pos as i64,
        _ => buf.data.len() as i64,
    };
    buf.pos = base.saturating_add(offset).max(0) as usize;
    Ok(buf.pos as u64)
}

/// `truncate(size)`: drop what lies past `size` (default: the position).
pub fn truncate(vm: &mut Vm, b: &Cell, size: Option<i64>) -> PyResult<u64> {
    let buf = open(vm, b)?;
    let size = match size {
        None => buf.pos,
        Some(n) if n < 0 => return Err(Raise::value_error(format!("negative size value {n}"))),
        Some(n) => n as usize,
    };
    if size < buf.data.len() {
        buf.data.truncate(size);
    }
    Ok(size as u64)
}

// ---------------------------------------------------------------------------
// The Python-facing methods
// ---------------------------------------------------------------------------

/// The methods of `io.BytesIO`.
pub const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", m_init),
    ("getvalue", m_getvalue),
    ("read", m_read),
    ("read1", m_read),
    ("readinto", m_readinto),
    ("readline", super::common::readline),
    ("write", m_write),
    ("seek", m_seek),
    ("tell", m_tell),
    ("truncate", m_truncate),
    ("flush", m_flush),
    ("close", m_close),
    ("readable", m_true),
    ("writable", m_true),
    ("seekable", m_true),
    ("isatty", m_isatty),
    ("fileno", super::common::no_fileno),
    ("__repr__", super::common::repr),
];

/// `BytesIO(initial_bytes=b'')`.
fn m_init(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::bytes(vm, args, "__init__")?;
    let mut initial = args.get(1);
    if args.len() > 2 {
        return Err(Raise::type_error(format!(
            "BytesIO() takes at most 1 argument ({} given)",
            args.len() - 1 + kwargs.len()
        )));
    }
    for (k, v) in kwargs {
        match &**k {
            "initial_bytes" if initial.is_none() => initial = Some(v),
            "initial_bytes" => {
                return Err(Raise::type_error(
                    "argument for BytesIO() given by name ('initial_bytes') and position (1)",
                ))
            }
            _ => {
                return Err(Raise::type_error(format!(
                    "'{k}' is an invalid keyword argument for BytesIO()"
                )))
            }
        }
    }
    let data = match initial {
        None | Some(Value::None) => Vec::new(),
        Some(v) => match bytes::as_bytes(&vm.gil, v) {
            Some(d) => d.to_vec(),
            None => return Err(not_bytes(vm, v)),
        },
    };
    *b.get_mut(&mut vm.gil) = ByteBuf::new(data);
    Ok(Value::None)
}

fn not_bytes(vm: &Vm, v: &Value) -> Raise {
    Raise::type_error(format!(
        "a bytes-like object is required, not '{}'",
        crate::eval::attr::type_name(vm, v)
    ))
}

fn m_getvalue(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::bytes(vm, args, "getvalue")?;
    args::none(vm, args, "getvalue", kwargs)?;
    Ok(bytes::new_bytes(open(vm, b)?.data.clone()))
}

fn m_read(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::bytes(vm, args, "read")?;
    let given = args::optional(vm, args, "read", kwargs, 0, 1)?;
    let n = args::size_arg(vm, given.first())?;
    Ok(bytes::new_bytes(read(vm, b, n)?))
}

fn m_readinto(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::bytes(vm, args, "readinto")?;
    let target = args::one(vm, args, "readinto", kwargs)?;
    super::common::read_into(vm, target, |vm, n| read(vm, b, Some(n)))
}

fn m_write(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::bytes(vm, args, "write")?;
    let data = args::one(vm, args, "write", kwargs)?;
    check_open(vm, b)?;
    let Some(data) = bytes::as_bytes(&vm.gil, data).map(<[u8]>::to_vec) else {
        return Err(not_bytes(vm, data));
    };
    Ok(Value::Int(write(vm, b, &data)? as i64))
}

fn m_seek(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::bytes(vm, args, "seek")?;
    let given = args::optional(vm, args, "seek", kwargs, 1, 2)?;
    let offset = args::int_arg(vm, &given[0])?;
    let whence = args::whence_arg(vm, given.get(1), false)?;
    Ok(Value::Int(seek(vm, b, offset, whence)? as i64))
}

fn m_tell(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::bytes(vm, args, "tell")?;
    args::none(vm, args, "tell", kwargs)?;
    Ok(Value::Int(tell(vm, b)? as i64))
}

fn m_truncate(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::bytes(vm, args, "truncate")?;
    let given = args::optional(vm, args, "truncate", kwargs, 0, 1)?;
    let size = match given.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(args::int_of(v).ok_or_else(|| {
            Raise::type_error(format!(
                "argument should be integer or None, not '{}'",
                crate::eval::attr::type_name(vm, v)
            ))
        })?),
    };
    Ok(Value::Int(truncate(vm, b, size)? as i64))
}

fn m_flush(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::bytes(vm, args, "flush")?;
    args::none(vm, args, "flush", kwargs)?;
    check_open(vm, b)?;
    Ok(Value::None)
}

fn m_close(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::bytes(vm, args, "close")?;
    args::none(vm, args, "close", kwargs)?;
    b.get_mut(&mut vm.gil).close();
    Ok(Value::None)
}

fn m_true(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::bytes(vm, args, "readable")?;
    args::none(vm, args, "readable", kwargs)?;
    check_open(vm, b)?;
    Ok(Value::Bool(true))
}

fn m_isatty(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::bytes(vm, args, "isatty")?;
    args::none(vm, args, "isatty", kwargs)?;
    check_open(vm, b)?;
    Ok(Value::Bool(false))
}
