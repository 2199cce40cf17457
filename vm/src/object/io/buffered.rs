//! Binary files: `BufferedReader`, `BufferedWriter`, `BufferedRandom` (and
//! `FileIO`, the same with no buffer) over an OS handle.
//!
//! Reads fill a read-ahead buffer of `size` bytes; writes collect in a write
//! buffer passed to the OS once it holds `size` bytes, on `flush`, `seek`,
//! `close`, a read, or when the object is freed. The logical position is the
//! OS position, less what is read ahead and unread, plus what is written and
//! not yet passed on. A write after reads first moves the OS position back
//! over the unread bytes, so reads and writes share one position (CPython's
//! BufferedRandom).

use super::args::{self, Kw};
use super::errors;
use super::raw::Raw;
use crate::exc::{PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{bytes, NativeFn, PyStr};
use crate::value::Value;
use std::io::SeekFrom;

/// CPython's `io.DEFAULT_BUFFER_SIZE`.
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// Which class a binary file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Reader,
    Writer,
    Random,
    /// `open(..., buffering=0)` in binary mode.
    Unbuffered,
}

impl FileKind {
    /// The class name.
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Reader => "BufferedReader",
            FileKind::Writer => "BufferedWriter",
            FileKind::Random => "BufferedRandom",
            FileKind::Unbuffered => "FileIO",
        }
    }
}

/// A binary file's state.
#[derive(Debug)]
pub struct BufferedFile {
    /// The OS handle; `None` once closed.
    pub raw: Option<Raw>,
    /// `f.name`: the path as given, or the file descriptor.
    pub name: Value,
    /// `f.mode` as FileIO reports it: `rb`, `wb`, `ab`, `xb`, `rb+`, `ab+`, `xb+`.
    pub mode: Box<str>,
    /// The class.
    pub kind: FileKind,
    pub readable: bool,
    pub writable: bool,
    pub seekable: bool,
    /// Closing closes the OS handle (False for fds given to `open`).
    pub closefd: bool,
    /// Read ahead from the OS; bytes from `rpos` on are unread.
    rbuf: Vec<u8>,
    rpos: usize,
    /// Written, not yet passed to the OS.
    wbuf: Vec<u8>,
    /// Buffer size; 0 passes every write straight on.
    size: usize,
}

impl BufferedFile {
    /// A file over `raw` with `size` bytes of buffer.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        raw: Raw,
        name: Value,
        mode: &str,
        kind: FileKind,
        readable: bool,
        writable: bool,
        closefd: bool,
        size: usize,
    ) -> BufferedFile {
        let seekable = raw.seekable();
        BufferedFile {
            raw: Some(raw),
            name,
            mode: mode.into(),
            kind,
            readable,
            writable,
            seekable,
            closefd,
            rbuf: Vec::new(),
            rpos: 0,
            wbuf: Vec::new(),
            size,
        }
    }

    /// Bytes read ahead and not yet given out.
    fn unread(&self) -> usize {
        self.rbuf.len() - self.rpos
    }

    /// Pass the write buffer to the OS now, holding the GIL (for `Drop` and
    /// the interpreter's exit, where there is no `Vm`).
    pub fn flush_now(&mut self) -> std::io::Result<()> {
        if let Some(raw) = &self.raw {
            if !self.wbuf.is_empty() {
                let data = std::mem::take(&mut self.wbuf);
                raw.write_all(&data)?;
            }
        }
        Ok(())
    }
}

impl Drop for BufferedFile {
    /// A file freed without `close()` still gets what was written to it.
    fn drop(&mut self) {
        let _ = self.flush_now();
    }
}

// ---------------------------------------------------------------------------
// The operations (also what a text file asks of the binary file under it)
// ---------------------------------------------------------------------------

type Cell = GilCell<BufferedFile>;

/// The OS handle, or `msg` as the closed-file error.
fn raw_or(vm: &Vm, f: &Cell, msg: &str) -> PyResult<Raw> {
    f.get(&vm.gil)
        .raw
        .clone()
        .ok_or_else(|| errors::closed(msg))
}

/// Write `data` to the OS with the GIL released; stdout goes to the host's
/// capture buffer instead when it asked for one.
fn os_write(vm: &mut Vm, raw: &Raw, data: &[u8]) -> PyResult<()> {
    if let Raw::Stdout = raw {
        if let Some(captured) = vm.interp.captured.get_mut(&mut vm.gil) {
            captured.push_str(&String::from_utf8_lossy(data));
            return Ok(());
        }
    }
    let r = vm.gil.release_for("file write", || raw.write_all(data));
    errors::check(vm, r)
}

/// One read of at most `max` bytes from the OS, with the GIL released.
fn os_read(vm: &mut Vm, raw: &Raw, max: usize) -> PyResult<Vec<u8>> {
    let r = vm.gil.release_for("file read", || raw.read_chunk(max));
    errors::check(vm, r)
}

/// Pass the write buffer on to the OS.
pub fn flush_writes(vm: &mut Vm, f: &Cell) -> PyResult<()> {
    let file = f.get_mut(&mut vm.gil);
    if file.wbuf.is_empty() {
        return Ok(());
    }
    let Some(raw) = file.raw.clone() else {
        return Ok(());
    };
    let data = std::mem::take(&mut file.wbuf);
    os_write(vm, &raw, &data)
}

/// Before reading: pending writes go out first.
fn readable_raw(vm: &mut Vm, f: &Cell, op: &str) -> PyResult<Raw> {
    if !f.get(&vm.gil).readable {
        return Err(errors::unsupported(vm, "read"));
    }
    let raw = raw_or(vm, f, &format!("{op} of closed file"))?;
    flush_writes(vm, f)?;
    Ok(raw)
}

/// `read(n)`: `n` bytes (fewer at the end of the file), or with `None` all
/// that is left.
pub fn read(vm: &mut Vm, f: &Cell, n: Option<usize>) -> PyResult<Vec<u8>> {
    let raw = readable_raw(vm, f, "read")?;
    let file = f.get_mut(&mut vm.gil);
    let mut out = file.rbuf.split_off(file.rpos.min(file.rbuf.len()));
    file.rbuf.clear();
    file.rpos = 0;
    let size = file.size.max(1);
    let Some(n) = n else {
        let rest = vm.gil.release_for("file read", || raw.read_to_end());
        out.extend(errors::check(vm, rest)?);
        return Ok(out);
    };
    if out.len() >= n {
        let file = f.get_mut(&mut vm.gil);
        file.rbuf = out.split_off(n);
        return Ok(out);
    }
    while out.len() < n {
        let want = n - out.len();
        // A large request goes straight to the OS; a small one fills the buffer.
        let chunk = os_read(vm, &raw, if want >= size { want } else { size })?;
        if chunk.is_empty() {
            break;
        }
        out.extend_from_slice(&chunk);
    }
    if out.len() > n {
        let file = f.get_mut(&mut vm.gil);
        file.rbuf = out.split_off(n);
    }
    Ok(out)
}

/// `read1(n)`: what the buffer holds, or else one OS read (for a text file
/// above: the next chunk to decode; from stdin, the next line).
pub fn read1(vm: &mut Vm, f: &Cell, n: Option<usize>) -> PyResult<Vec<u8>> {
    let raw = readable_raw(vm, f, "read")?;
    let file = f.get_mut(&mut vm.gil);
    // An unbuffered file still reads a buffer's worth when asked for "all".
    let size = if file.size == 0 {
        DEFAULT_BUFFER_SIZE
    } else {
        file.size
    };
    let n = n.unwrap_or(size);
    if file.unread() > 0 {
        let end = (file.rpos + n).min(file.rbuf.len());
        let out = file.rbuf[file.rpos..end].to_vec();
        file.rpos = end;
        return Ok(out);
    }
    if n == 0 {
        return Ok(Vec::new());
    }
    let mut chunk = os_read(vm, &raw, n.max(size))?;
    if chunk.len() > n {
        let file = f.get_mut(&mut vm.gil);
        file.rbuf = chunk.split_off(n);
        file.rpos = 0;
    }
    Ok(chunk)
}

/// `readline(limit)`: through the next b'\n', at most `limit` bytes.
pub fn readline(vm: &mut Vm, f: &Cell, limit: Option<usize>) -> PyResult<Vec<u8>> {
    let raw = readable_raw(vm, f, "readline")?;
    let limit = limit.unwrap_or(usize::MAX);
    let mut out = Vec::new();
    loop {
        let file = f.get_mut(&mut vm.gil);
        let avail = &file.rbuf[file.rpos..];
        let room = limit - out.len();
        let (take, done) = match avail.iter().position(|&b| b == b'\n') {
            Some(i) if i < room => (i + 1, true),
            _ if avail.len() >= room => (room, true),
            _ => (avail.len(), false),
        };
        out.extend_from_slice(&avail[..take]);
        file.rpos += take;
        if done {
            return Ok(out);
        }
        let size = file.size.max(1);
        let chunk = os_read(vm, &raw, size)?;
        if chunk.is_empty() {
            return Ok(out);
        }
        let file = f.get_mut(&mut vm.gil);
        file.rbuf = chunk;
        file.rpos = 0;
    }
}

/// `write(data)`: buffered; the count of bytes taken.
pub fn write(vm: &mut Vm, f: &Cell, data: &[u8]) -> PyResult<usize> {
    let file = f.get(&vm.gil);
    if !file.writable {
        return Err(errors::unsupported(vm, "write"));
    }
    let raw = raw_or(vm, f, "write to closed file")?;
    let file = f.get_mut(&mut vm.gil);
    let unread = file.unread();
    file.rbuf.clear();
    file.rpos = 0;
    if unread > 0 {
        // The OS is ahead by what was read ahead: go back to the logical position.
        let back = raw.seek(SeekFrom::Current(-(unread as i64)));
        errors::check(vm, back)?;
    }
    let file = f.get_mut(&mut vm.gil);
    if file.size == 0 || data.len() >= file.size {
        flush_writes(vm, f)?;
        os_write(vm, &raw, data)?;
        return Ok(data.len());
    }
    file.wbuf.extend_from_slice(data);
    if file.wbuf.len() >= file.size {
        flush_writes(vm, f)?;
    }
    Ok(data.len())
}

/// `flush()`: the write buffer to the OS (and Rust's stdout buffer out).
pub fn flush(vm: &mut Vm, f: &Cell) -> PyResult<()> {
    let file = f.get(&vm.gil);
    let msg = if file.writable {
        "flush of closed file"
    } else {
        "I/O operation on closed file."
    };
    let raw = raw_or(vm, f, msg)?;
    flush_writes(vm, f)?;
    let r = vm.gil.release_for("file flush", || raw.flush());
    errors::check(vm, r)
}

/// `tell()`: the logical position.
pub fn tell(vm: &mut Vm, f: &Cell) -> PyResult<u64> {
    let raw = raw_or(vm, f, "I/O operation on closed file")?;
    let pos = raw.seek(SeekFrom::Current(0));
    let pos = errors::check(vm, pos)?;
    let file = f.get(&vm.gil);
    Ok((pos + file.wbuf.len() as u64).saturating_sub(file.unread() as u64))
}

/// `seek(offset, whence)`: the new position.
pub fn seek(vm: &mut Vm, f: &Cell, offset: i64, whence: u8) -> PyResult<u64> {
    let raw = raw_or(vm, f, "seek of closed file")?;
    flush_writes(vm, f)?;
    let file = f.get_mut(&mut vm.gil);
    let unread = file.unread() as i64;
    file.rbuf.clear();
    file.rpos = 0;
    let to = match whence {
        0 if offset < 0 => return Err(errors::invalid_argument(vm)),
        0 => SeekFrom::Start(offset as u64),
        1 => SeekFrom::Current(offset.saturating_sub(unread)),
        _ => SeekFrom::End(offset),
    };
    let r = raw.seek(to);
    errors::check(vm, r)
}

/// `truncate(size)`: cut (or extend) the file at `size`, default the position.
pub fn truncate(vm: &mut Vm, f: &Cell, size: Option<i64>) -> PyResult<u64> {
    if !f.get(&vm.gil).writable {
        return Err(errors::unsupported(vm, "truncate"));
    }
    let raw = raw_or(vm, f, "truncate of closed file")?;
    let pos = tell(vm, f)?;
    flush_writes(vm, f)?;
    let size = match size {
        None => pos,
        Some(n) if n < 0 => return Err(errors::invalid_argument(vm)),
        Some(n) => n as u64,
    };
    let file = f.get_mut(&mut vm.gil);
    file.rbuf.clear();
    file.rpos = 0;
    let r = raw
        .seek(SeekFrom::Start(pos))
        .and_then(|_| raw.set_len(size));
    errors::check(vm, r)?;
    Ok(size)
}

/// `close()`: flush and let go of the OS handle; closing twice does nothing.
pub fn close(vm: &mut Vm, f: &Cell) -> PyResult<()> {
    if f.get(&vm.gil).raw.is_none() {
        return Ok(());
    }
    let flushed = flush_writes(vm, f);
    let file = f.get_mut(&mut vm.gil);
    file.raw = None;
    file.rbuf = Vec::new();
    file.wbuf = Vec::new();
    flushed
}

/// Whether the file is closed.
pub fn is_closed(vm: &Vm, f: &Cell) -> bool {
    f.get(&vm.gil).raw.is_none()
}

// ---------------------------------------------------------------------------
// Attributes, repr and the Python-facing methods
// ---------------------------------------------------------------------------

/// `name`, `mode` and `closed`.
pub fn attribute(vm: &mut Vm, f: &Cell, name: &str) -> PyResult<Option<Value>> {
    let file = f.get(&vm.gil);
    Ok(match name {
        "name" => Some(file.name.clone()),
        "mode" => Some(PyStr::value(&*file.mode)),
        "closed" => Some(Value::Bool(file.raw.is_none())),
        "closefd" if file.kind == FileKind::Unbuffered => Some(Value::Bool(file.closefd)),
        _ => None,
    })
}

/// `<_io.BufferedReader name='x'>`, or FileIO's `<_io.FileIO name='x' mode='rb' closefd=True>`.
pub fn repr(vm: &mut Vm, f: &Cell) -> PyResult<String> {
    let (kind, name, mode, closefd, closed) = {
        let file = f.get(&vm.gil);
        let name = file.name.clone();
        (
            file.kind,
            name,
            file.mode.clone(),
            file.closefd,
            file.raw.is_none(),
        )
    };
    let name = crate::eval::ops::repr(vm, &name)?;
    Ok(match kind {
        FileKind::Unbuffered if closed => "<_io.FileIO [closed]>".to_string(),
        FileKind::Unbuffered => format!(
            "<_io.FileIO name={name} mode='{mode}' closefd={}>",
            if closefd { "True" } else { "False" }
        ),
        _ => format!("<_io.{} name={name}>", kind.name()),
    })
}

/// The methods of `BufferedReader`, `BufferedWriter`, `BufferedRandom`, `FileIO`.
pub fn methods(kind: FileKind) -> Vec<(&'static str, NativeFn)> {
    let mut table: Vec<(&'static str, NativeFn)> = vec![
        ("read", m_read),
        ("readinto", m_readinto),
        ("readline", super::common::readline),
        ("write", m_write),
        ("seek", m_seek),
        ("tell", m_tell),
        ("truncate", m_truncate),
        ("flush", m_flush),
        ("close", m_close),
        ("fileno", m_fileno),
        ("isatty", m_isatty),
        ("readable", m_readable),
        ("writable", m_writable),
        ("seekable", m_seekable),
        ("__repr__", super::common::repr),
    ];
    match kind {
        FileKind::Unbuffered => table.push(("readall", m_readall)),
        _ => table.push(("read1", m_read1)),
    }
    if matches!(kind, FileKind::Reader | FileKind::Random) {
        table.push(("peek", m_peek));
    }
    table
}

fn m_read(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "read")?;
    let given = args::optional(vm, args, "read", kwargs, 0, 1)?;
    let n = args::size_arg(vm, given.first())?;
    Ok(bytes::new_bytes(read(vm, f, n)?))
}

fn m_readall(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "readall")?;
    args::none(vm, args, "readall", kwargs)?;
    Ok(bytes::new_bytes(read(vm, f, None)?))
}

fn m_read1(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "read1")?;
    let given = args::optional(vm, args, "read1", kwargs, 0, 1)?;
    let n = match given.first() {
        None => None,
        Some(v) => {
            let n = args::int_arg(vm, v)?;
            (n >= 0).then_some(n as usize)
        }
    };
    if !f.get(&vm.gil).readable {
        return Err(errors::unsupported(vm, "read1"));
    }
    Ok(bytes::new_bytes(read1(vm, f, n)?))
}

fn m_peek(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "peek")?;
    args::optional(vm, args, "peek", kwargs, 0, 1)?;
    let raw = readable_raw(vm, f, "peek")?;
    if f.get(&vm.gil).unread() == 0 {
        let size = f.get(&vm.gil).size.max(1);
        let chunk = os_read(vm, &raw, size)?;
        let file = f.get_mut(&mut vm.gil);
        file.rbuf = chunk;
        file.rpos = 0;
    }
    let file = f.get(&vm.gil);
    Ok(bytes::new_bytes(file.rbuf[file.rpos..].to_vec()))
}

fn m_readinto(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "readinto")?;
    let target = args::one(vm, args, "readinto", kwargs)?;
    super::common::read_into(vm, target, |vm, n| read(vm, f, Some(n)))
}

fn m_write(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "write")?;
    let data = args::one(vm, args, "write", kwargs)?;
    if !f.get(&vm.gil).writable {
        return Err(errors::unsupported(vm, "write"));
    }
    let Some(data) = bytes::as_bytes(&vm.gil, data).map(<[u8]>::to_vec) else {
        return Err(Raise::type_error(format!(
            "a bytes-like object is required, not '{}'",
            crate::eval::attr::type_name(vm, data)
        )));
    };
    Ok(Value::Int(write(vm, f, &data)? as i64))
}

fn m_seek(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "seek")?;
    let given = args::optional(vm, args, "seek", kwargs, 1, 2)?;
    let offset = args::int_arg(vm, &given[0])?;
    let whence = match given.get(1) {
        None => 0,
        Some(w) => match args::int_arg(vm, w)? {
            w @ 0..=2 => w as u8,
            w => return Err(Raise::value_error(format!("whence value {w} unsupported"))),
        },
    };
    Ok(Value::Int(seek(vm, f, offset, whence)? as i64))
}

fn m_tell(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "tell")?;
    args::none(vm, args, "tell", kwargs)?;
    Ok(Value::Int(tell(vm, f)? as i64))
}

fn m_truncate(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "truncate")?;
    let given = args::optional(vm, args, "truncate", kwargs, 0, 1)?;
    let size = match given.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(args::int_arg(vm, v)?),
    };
    Ok(Value::Int(truncate(vm, f, size)? as i64))
}

fn m_flush(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "flush")?;
    args::none(vm, args, "flush", kwargs)?;
    flush(vm, f)?;
    Ok(Value::None)
}

fn m_close(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "close")?;
    args::none(vm, args, "close", kwargs)?;
    close(vm, f)?;
    Ok(Value::None)
}

/// The OS handle for the queries that fail on a closed file without a full stop.
fn open_raw(vm: &Vm, f: &Cell) -> PyResult<Raw> {
    raw_or(vm, f, "I/O operation on closed file")
}

fn m_fileno(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "fileno")?;
    args::none(vm, args, "fileno", kwargs)?;
    Ok(Value::Int(open_raw(vm, f)?.fileno()))
}

fn m_isatty(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "isatty")?;
    args::none(vm, args, "isatty", kwargs)?;
    Ok(Value::Bool(open_raw(vm, f)?.is_tty()))
}

fn m_readable(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "readable")?;
    args::none(vm, args, "readable", kwargs)?;
    open_raw(vm, f)?;
    Ok(Value::Bool(f.get(&vm.gil).readable))
}

fn m_writable(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "writable")?;
    args::none(vm, args, "writable", kwargs)?;
    open_raw(vm, f)?;
    Ok(Value::Bool(f.get(&vm.gil).writable))
}

fn m_seekable(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let f = args::file(vm, args, "seekable")?;
    args::none(vm, args, "seekable", kwargs)?;
    open_raw(vm, f)?;
    Ok(Value::Bool(f.get(&vm.gil).seekable))
}
