//! Text files: `TextIOWrapper`, which decodes what it reads from a binary
//! stream (`f.buffer`) and encodes what it writes to it.
//!
//! Reading decodes a chunk at a time into `decoded`, of which `used` bytes
//! are given out. A chunk that ends inside a UTF-8 character, or on a `\r`
//! that may start a `\r\n`, leaves those bytes in `carry` for the next one.
//! `tell()` returns a byte position: the start of the bytes behind `decoded`
//! (`snapshot_start`) plus the length of the bytes (`snapshot`) that the
//! characters given out came from. Writing drops any text read ahead, so a
//! write after a read lands where the binary stream stands (as in CPython).

use super::args::{self, Kw};
use super::newline::{self, Newline};
use super::{binary, errors};
use crate::eval::{attr, ops};
use crate::exc::{PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::bytes::codec;
use crate::object::{NativeFn, Object, PyStr};
use crate::value::{Obj, Value};

/// A text file's state.
#[derive(Debug)]
pub struct TextFile {
    /// The binary stream underneath (`f.buffer`).
    pub buffer: Obj,
    /// `f.mode`, when `open` made the file.
    pub mode: Option<Box<str>>,
    /// `f.encoding` as it was given.
    pub encoding: Box<str>,
    /// The codec's canonical name.
    codec: &'static str,
    /// `f.errors`.
    pub errors: Box<str>,
    pub newline: Newline,
    pub line_buffering: bool,
    pub write_through: bool,
    readable: bool,
    writable: bool,
    seekable: bool,
    /// Decoded text; the first `used` bytes have been given out.
    decoded: String,
    used: usize,
    /// Where the bytes behind `decoded` start, and those bytes.
    snapshot_start: u64,
    snapshot: Vec<u8>,
    /// Bytes read but not yet decoded.
    carry: Vec<u8>,
    /// The last read found the end of the stream.
    eof: bool,
    /// False while a `for` loop reads the file (CPython then refuses `tell`).
    telling: bool,
}

/// How a text file is set up.
pub struct Options<'a> {
    pub encoding: Option<&'a str>,
    pub errors: Option<&'a str>,
    pub newline: Newline,
    pub line_buffering: bool,
    pub write_through: bool,
    pub mode: Option<&'a str>,
}

impl TextFile {
    /// A text file over the binary stream `buffer` (which `binary::is_binary`
    /// accepted). The default encoding is UTF-8, named as CPython names the
    /// locale's.
    pub fn new(vm: &mut Vm, buffer: Obj, options: Options) -> PyResult<TextFile> {
        let encoding = options.encoding.unwrap_or("UTF-8");
        let codec = codec::canonical_name(encoding)?;
        let (readable, writable) = match buffer.get() {
            Object::Stream(s) if matches!(s.body, super::Body::File(_)) => {
                let super::Body::File(f) = &s.body else {
                    unreachable!()
                };
                let f = f.get(&vm.gil);
                (f.readable, f.writable)
            }
            _ => (true, true),
        };
        let seekable = binary::seekable(vm, &buffer);
        Ok(TextFile {
            buffer,
            mode: options.mode.map(Into::into),
            encoding: encoding.into(),
            codec,
            errors: options.errors.unwrap_or("strict").into(),
            newline: options.newline,
            line_buffering: options.line_buffering,
            write_through: options.write_through,
            readable,
            writable,
            seekable,
            decoded: String::new(),
            used: 0,
            snapshot_start: 0,
            snapshot: Vec::new(),
            carry: Vec::new(),
            eof: false,
            telling: seekable,
        })
    }

    /// Forget all text and bytes read ahead.
    fn reset_decoder(&mut self) {
        self.decoded.clear();
        self.used = 0;
        self.snapshot.clear();
        self.carry.clear();
        self.eof = false;
    }
}

type Cell = GilCell<TextFile>;

/// Whether the file (its binary stream) is closed.
pub fn is_closed(vm: &Vm, t: &Cell) -> bool {
    binary::is_closed(vm, &t.get(&vm.gil).buffer)
}

/// The binary stream, or ValueError if the file is closed.
fn open_buffer(vm: &Vm, t: &Cell) -> PyResult<Obj> {
    let buffer = t.get(&vm.gil).buffer.clone();
    if binary::is_closed(vm, &buffer) {
        return Err(errors::closed_file());
    }
    Ok(buffer)
}

fn readable_buffer(vm: &mut Vm, t: &Cell) -> PyResult<Obj> {
    let buffer = open_buffer(vm, t)?;
    if !t.get(&vm.gil).readable {
        return Err(errors::unsupported(vm, "not readable"));
    }
    Ok(buffer)
}

/// Whether a `\r` ending a chunk must wait for the next chunk (it may be the
/// first half of a `\r\n`).
fn holds_back_cr(mode: Newline) -> bool {
    matches!(
        mode,
        Newline::Universal | Newline::Untranslated | Newline::CrLf
    )
}

/// Decode the next chunk onto `decoded`: `None` at the end of the stream,
/// else how many characters were added (maybe none yet).
fn fill(vm: &mut Vm, t: &Cell) -> PyResult<Option<usize>> {
    let (buffer, fresh, seekable, carried) = {
        let f = t.get(&vm.gil);
        let fresh = f.used >= f.decoded.len();
        (f.buffer.clone(), fresh, f.seekable, f.carry.len() as u64)
    };
    let start = if fresh && seekable {
        binary::tell(vm, &buffer)?.saturating_sub(carried)
    } else {
        0
    };
    let chunk = binary::read_chunk(vm, &buffer)?;
    let eof = chunk.is_empty();
    let f = t.get_mut(&mut vm.gil);
    let mut data = std::mem::take(&mut f.carry);
    data.extend_from_slice(&chunk);
    let keep = if eof {
        0
    } else {
        newline::incomplete_tail(&data, f.codec)
    };
    let mut carry = data.split_off(data.len() - keep);
    let (codec, errors, mode) = (f.codec, f.errors.clone(), f.newline);
    let mut text = newline::decode(vm, &data, codec, &errors)?;
    if !eof && holds_back_cr(mode) && text.ends_with('\r') && data.last() == Some(&b'\r') {
        text.pop();
        data.pop();
        carry.insert(0, b'\r');
    }
    if mode == Newline::Universal {
        text = newline::translate(text);
    }
    let added = text.chars().count();
    let f = t.get_mut(&mut vm.gil);
    if f.used >= f.decoded.len() {
        f.decoded = text;
        f.used = 0;
        f.snapshot = data;
        f.snapshot_start = start;
    } else {
        f.decoded.push_str(&text);
        f.snapshot.extend_from_slice(&data);
    }
    f.carry = carry;
    f.eof = eof;
    Ok(if eof && added == 0 { None } else { Some(added) })
}

/// The byte offset `n` characters after `from` in `text`, if it has that many.
fn advance_exact(text: &str, from: usize, n: usize) -> Option<usize> {
    let mut it = text[from..].char_indices();
    match it.nth(n) {
        Some((i, _)) => Some(from + i),
        None if text[from..].chars().count() == n => Some(text.len()),
        None => None,
    }
}

/// `read(n)`: `n` characters (fewer at the end), or with `None` the rest.
pub fn read(vm: &mut Vm, t: &Cell, n: Option<usize>) -> PyResult<String> {
    let buffer = readable_buffer(vm, t)?;
    let Some(n) = n else {
        let rest = binary::read_all(vm, &buffer)?;
        let f = t.get_mut(&mut vm.gil);
        let mut data = std::mem::take(&mut f.carry);
        data.extend_from_slice(&rest);
        let mut out = f.decoded[f.used..].to_string();
        let (codec, errors, mode) = (f.codec, f.errors.clone(), f.newline);
        let mut text = newline::decode(vm, &data, codec, &errors)?;
        if mode == Newline::Universal {
            text = newline::translate(text);
        }
        out.push_str(&text);
        t.get_mut(&mut vm.gil).reset_decoder();
        return Ok(out);
    };
    let mut have = {
        let f = t.get(&vm.gil);
        f.decoded[f.used..].chars().count()
    };
    while have < n {
        match fill(vm, t)? {
            Some(added) => have += added,
            None => break,
        }
    }
    let f = t.get_mut(&mut vm.gil);
    let end = advance_exact(&f.decoded, f.used, n).unwrap_or(f.decoded.len());
    let out = f.decoded[f.used..end].to_string();
    f.used = end;
    Ok(out)
}

/// `readline(limit)`: through the next line end, at most `limit` characters.
pub fn readline(vm: &mut Vm, t: &Cell, limit: Option<usize>) -> PyResult<String> {
    readable_buffer(vm, t)?;
    loop {
        let f = t.get_mut(&mut vm.gil);
        let end = newline::line_end(&f.decoded, f.used, f.newline, f.eof);
        let cap = limit.and_then(|n| advance_exact(&f.decoded, f.used, n));
        let stop = match (end, cap) {
            (Some(e), Some(c)) => Some(e.min(c)),
            (e, c) => e.or(c),
        };
        if let Some(stop) = stop {
            let line = f.decoded[f.used..stop].to_string();
            f.used = stop;
            return Ok(line);
        }
        if fill(vm, t)?.is_none() {
            let f = t.get_mut(&mut vm.gil);
            let line = f.decoded[f.used..].to_string();
            f.used = f.decoded.len();
            return Ok(line);
        }
    }
}

/// `__next__()`: a line, with `tell()` refused until the loop ends.
pub fn next_line(vm: &mut Vm, t: &Cell) -> PyResult<Value> {
    t.get_mut(&mut vm.gil).telling = false;
    let line = readline(vm, t, None)?;
    if line.is_empty() {
        let f = t.get_mut(&mut vm.gil);
        f.telling = f.seekable;
    }
    Ok(PyStr::value(line))
}

/// `write(s)`: the number of characters written.
pub fn write(vm: &mut Vm, t: &Cell, s: &str) -> PyResult<usize> {
    let buffer = open_buffer(vm, t)?;
    let f = t.get_mut(&mut vm.gil);
    if !f.writable {
        return Err(errors::unsupported(vm, "not writable"));
    }
    if !f.decoded.is_empty() || !f.carry.is_empty() {
        f.reset_decoder();
    }
    let (codec, errors, mode) = (f.codec, f.errors.clone(), f.newline);
    let flush = f.write_through || (f.line_buffering && (s.contains('\n') || s.contains('\r')));
    let translated = mode.on_write(s);
    let data = newline::encode(vm, &translated, codec, &errors)?;
    binary::write(vm, &buffer, &data)?;
    if flush {
        binary::flush(vm, &buffer)?;
    }
    Ok(s.chars().count())
}

/// The bytes behind the characters of `decoded` given out so far.
fn consumed_bytes(vm: &mut Vm, t: &Cell) -> PyResult<usize> {
    let f = t.get(&vm.gil);
    let translated = f.newline == Newline::Universal;
    if newline::decodes_cleanly(&f.snapshot, f.codec) {
        return Ok(newline::bytes_of(
            &f.decoded[..f.used],
            &f.snapshot,
            f.codec,
            translated,
        ));
    }
    // Some bytes were replaced or ignored: find the shortest prefix of the
    // snapshot that decodes to as many characters.
    let target = f.decoded[..f.used].chars().count();
    let (snapshot, codec, errors) = (f.snapshot.clone(), f.codec, f.errors.clone());
    let (mut lo, mut hi) = (0, snapshot.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let prefix = &snapshot[..mid];
        let whole = prefix.len() - newline::incomplete_tail(prefix, codec);
        let mut text = newline::decode(vm, &prefix[..whole], codec, &errors)?;
        if translated {
            text = newline::translate(text);
        }
        if text.chars().count() >= target {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

/// `tell()`: the byte position of the next character to read.
pub fn tell(vm: &mut Vm, t: &Cell) -> PyResult<u64> {
    let buffer = open_buffer(vm, t)?;
    let f = t.get(&vm.gil);
    if !f.seekable {
        return Err(errors::unsupported(vm, "underlying stream is not seekable"));
    }
    if !f.telling {
        return Err(errors::raise_builtin(
            vm,
            "OSError",
            "telling position disabled by next() call",
        ));
    }
    binary::flush(vm, &buffer)?;
    let f = t.get(&vm.gil);
    if f.decoded.is_empty() && f.snapshot.is_empty() {
        let carried = f.carry.len() as u64;
        return Ok(binary::tell(vm, &buffer)?.saturating_sub(carried));
    }
    let start = f.snapshot_start;
    Ok(start + consumed_bytes(vm, t)? as u64)
}

/// `seek(cookie, whence)`.
pub fn seek(vm: &mut Vm, t: &Cell, cookie: i64, whence: u8) -> PyResult<u64> {
    let buffer = open_buffer(vm, t)?;
    if !t.get(&vm.gil).seekable {
        return Err(errors::unsupported(vm, "underlying stream is not seekable"));
    }
    let target = match whence {
        1 if cookie != 0 => {
            return Err(errors::unsupported(
                vm,
                "can't do nonzero cur-relative seeks",
            ))
        }
        1 => tell(vm, t)? as i64,
        2 if cookie != 0 => {
            return Err(errors::unsupported(
                vm,
                "can't do nonzero end-relative seeks",
            ))
        }
        2 => {
            binary::flush(vm, &buffer)?;
            t.get_mut(&mut vm.gil).reset_decoder();
            let end = binary::seek(vm, &buffer, 0, 2)?;
            t.get_mut(&mut vm.gil).telling = true;
            return Ok(end);
        }
        _ => cookie,
    };
    if target < 0 {
        return Err(Raise::value_error(format!(
            "negative seek position {target}"
        )));
    }
    binary::flush(vm, &buffer)?;
    let f = t.get_mut(&mut vm.gil);
    f.reset_decoder();
    f.telling = true;
    binary::seek(vm, &buffer, target, 0)?;
    Ok(target as u64)
}

/// `flush()`.
pub fn flush(vm: &mut Vm, t: &Cell) -> PyResult<()> {
    let buffer = open_buffer(vm, t)?;
    let f = t.get_mut(&mut vm.gil);
    f.telling = f.seekable;
    binary::flush(vm, &buffer)
}

/// `close()`: flush, then close the binary stream; a second close does nothing.
pub fn close(vm: &mut Vm, t: &Cell) -> PyResult<()> {
    if is_closed(vm, t) {
        return Ok(());
    }
    let buffer = t.get(&vm.gil).buffer.clone();
    let flushed = binary::flush(vm, &buffer);
    binary::close(vm, &buffer)?;
    flushed
}

/// `name`, `mode`, `encoding`, `errors`, `newlines`, `line_buffering`,
/// `write_through`, `buffer`, `closed`.
pub fn attribute(vm: &mut Vm, _obj: &Value, t: &Cell, name: &str) -> PyResult<Option<Value>> {
    let f = t.get(&vm.gil);
    Ok(match name {
        "closed" => Some(Value::Bool(is_closed(vm, t))),
        "name" => binary::name(vm, &f.buffer),
        "mode" => f.mode.as_deref().map(PyStr::value),
        "encoding" => Some(PyStr::value(&*f.encoding)),
        "errors" => Some(PyStr::value(&*f.errors)),
        "newlines" => Some(Value::None),
        "line_buffering" => Some(Value::Bool(f.line_buffering)),
        "write_through" => Some(Value::Bool(f.write_through)),
        "buffer" => Some(Value::Obj(f.buffer.clone())),
        _ => None,
    })
}

/// `<_io.TextIOWrapper name='x' mode='r' encoding='UTF-8'>` (name and mode
/// only when the file has them).
pub fn repr(vm: &mut Vm, t: &Cell) -> PyResult<String> {
    let (name, mode, encoding) = {
        let f = t.get(&vm.gil);
        (
            binary::name(vm, &f.buffer),
            f.mode.clone(),
            f.encoding.clone(),
        )
    };
    let mut out = String::from("<_io.TextIOWrapper");
    if let Some(name) = name {
        out.push_str(&format!(" name={}", ops::repr(vm, &name)?));
    }
    if let Some(mode) = mode {
        out.push_str(&format!(" mode={}", crate::object::str::repr(&mode)));
    }
    out.push_str(&format!(
        " encoding={}>",
        crate::object::str::repr(&encoding)
    ));
    Ok(out)
}

// ---------------------------------------------------------------------------
// The Python-facing methods
// ---------------------------------------------------------------------------

/// The methods of `TextIOWrapper`.
pub const METHODS: &[(&str, NativeFn)] = &[
    ("read", m_read),
    ("readline", super::common::readline),
    ("write", native_write),
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

fn m_read(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let t = args::text(vm, args, "read")?;
    let given = args::optional(vm, args, "read", kwargs, 0, 1)?;
    let n = args::size_arg(vm, given.first())?;
    Ok(PyStr::value(read(vm, t, n)?))
}

/// `write(s)`: `print` writes to a stream whose `write` is this one directly.
pub fn native_write(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let t = args::text(vm, args, "write")?;
    let s = args::one(vm, args, "write", kwargs)?;
    let Some(Object::Str(s)) = s.as_object() else {
        return Err(Raise::type_error(format!(
            "write() argument must be str, not {}",
            attr::type_name(vm, s)
        )));
    };
    Ok(Value::Int(write(vm, t, &s.text)? as i64))
}

fn m_seek(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let t = args::text(vm, args, "seek")?;
    let given = args::optional(vm, args, "seek", kwargs, 1, 2)?;
    let whence = args::whence_arg(vm, given.get(1), false)?;
    let cookie = args::int_arg(vm, &given[0])?;
    Ok(Value::Int(seek(vm, t, cookie, whence)? as i64))
}

fn m_tell(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let t = args::text(vm, args, "tell")?;
    args::none(vm, args, "tell", kwargs)?;
    Ok(Value::Int(tell(vm, t)? as i64))
}

fn m_truncate(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let t = args::text(vm, args, "truncate")?;
    let given = args::optional(vm, args, "truncate", kwargs, 0, 1)?;
    let buffer = open_buffer(vm, t)?;
    flush(vm, t)?;
    let size = match given.first() {
        None | Some(Value::None) => tell(vm, t)? as i64,
        Some(v) => args::int_arg(vm, v)?,
    };
    Ok(Value::Int(binary::truncate(vm, &buffer, Some(size))? as i64))
}

fn m_flush(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let t = args::text(vm, args, "flush")?;
    args::none(vm, args, "flush", kwargs)?;
    flush(vm, t)?;
    Ok(Value::None)
}

fn m_close(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let t = args::text(vm, args, "close")?;
    args::none(vm, args, "close", kwargs)?;
    close(vm, t)?;
    Ok(Value::None)
}

fn m_fileno(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let t = args::text(vm, args, "fileno")?;
    args::none(vm, args, "fileno", kwargs)?;
    let buffer = t.get(&vm.gil).buffer.clone();
    Ok(Value::Int(binary::fileno(vm, &buffer)?))
}

fn m_isatty(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let t = args::text(vm, args, "isatty")?;
    args::none(vm, args, "isatty", kwargs)?;
    let buffer = t.get(&vm.gil).buffer.clone();
    Ok(Value::Bool(binary::isatty(vm, &buffer)?))
}

/// `readable()`, `writable()`, `seekable()`.
fn ability(vm: &mut Vm, args: &[Value], kwargs: &Kw, name: &str) -> PyResult<Value> {
    let t = args::text(vm, args, name)?;
    args::none(vm, args, name, kwargs)?;
    open_buffer(vm, t)?;
    let f = t.get(&vm.gil);
    Ok(Value::Bool(match name {
        "readable" => f.readable,
        "writable" => f.writable,
        _ => f.seekable,
    }))
}

fn m_readable(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    ability(vm, args, kwargs, "readable")
}

fn m_writable(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    ability(vm, args, kwargs, "writable")
}

fn m_seekable(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    ability(vm, args, kwargs, "seekable")
}
