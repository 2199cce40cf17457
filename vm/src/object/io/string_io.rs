//! `io.StringIO`: a text stream over a str in memory, positioned by code
//! point. `newline` works as for files, applied when text is written
//! (`None` turns `\r\n` and `\r` into `\n`; `'\r'` and `'\r\n'` turn `\n`
//! into themselves) and when lines are split.

use super::args::{self, Kw};
use super::errors;
use super::newline::{self, Newline};
use crate::eval::attr;
use crate::exc::{PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{NativeFn, Object, PyStr};
use crate::value::Value;

/// A StringIO's state.
#[derive(Debug)]
pub struct StringBuf {
    text: String,
    /// Code points in `text`.
    chars: usize,
    /// The position in code points; may pass the end.
    pos: usize,
    /// The byte offset of `pos` in `text` (`text.len()` when past the end).
    at: usize,
    newline: Newline,
    /// `closed`.
    pub closed: bool,
}

impl Default for StringBuf {
    fn default() -> StringBuf {
        StringBuf {
            text: String::new(),
            chars: 0,
            pos: 0,
            at: 0,
            newline: Newline::Lf,
            closed: false,
        }
    }
}

/// The byte offset `n` code points after byte offset `from` in `text` (or
/// the end).
fn advance(text: &str, from: usize, n: usize) -> usize {
    match text[from..].char_indices().nth(n) {
        Some((i, _)) => from + i,
        None => text.len(),
    }
}

impl StringBuf {
    /// Move to code point `pos`.
    fn set_pos(&mut self, pos: usize) {
        self.pos = pos;
        self.at = if self.text.len() == self.chars {
            pos.min(self.chars)
        } else {
            advance(&self.text, 0, pos)
        };
    }

    /// Take the text from the position to byte offset `end`.
    fn take_to(&mut self, end: usize) -> String {
        let out = self.text[self.at..end].to_string();
        self.pos += out.chars().count();
        self.at = end;
        out
    }

    /// `write(s)` once `s` has its line ends translated.
    fn put(&mut self, s: &str) {
        if self.pos > self.chars {
            let gap = self.pos - self.chars;
            self.text.extend(std::iter::repeat_n('\0', gap));
            self.chars = self.pos;
            self.at = self.text.len();
        }
        let n = s.chars().count();
        if self.at == self.text.len() {
            self.text.push_str(s);
        } else {
            let end = advance(&self.text, self.at, n);
            let replaced = self.text[self.at..end].chars().count();
            self.text.replace_range(self.at..end, s);
            self.chars -= replaced;
        }
        self.chars += n;
        self.pos += n;
        self.at += s.len();
    }
}

type Cell = GilCell<StringBuf>;

/// The state, or StringIO's closed-file ValueError (no full stop).
fn open<'g>(vm: &'g mut Vm, b: &'g Cell) -> PyResult<&'g mut StringBuf> {
    let buf = b.get_mut(&mut vm.gil);
    if buf.closed {
        return Err(errors::closed("I/O operation on closed file"));
    }
    Ok(buf)
}

/// `read(n)`.
pub fn read(vm: &mut Vm, b: &Cell, n: Option<usize>) -> PyResult<String> {
    let buf = open(vm, b)?;
    if buf.pos >= buf.chars {
        return Ok(String::new());
    }
    let end = match n {
        None => buf.text.len(),
        Some(n) => advance(&buf.text, buf.at, n),
    };
    Ok(buf.take_to(end))
}

/// `readline(limit)`.
pub fn readline(vm: &mut Vm, b: &Cell, limit: Option<usize>) -> PyResult<String> {
    let buf = open(vm, b)?;
    if buf.pos >= buf.chars {
        return Ok(String::new());
    }
    let mut end = newline::line_end(&buf.text, buf.at, buf.newline, true).unwrap_or(buf.text.len());
    if let Some(limit) = limit {
        end = end.min(advance(&buf.text, buf.at, limit));
    }
    Ok(buf.take_to(end))
}

/// `write(s)`: the length of `s`.
pub fn write(vm: &mut Vm, b: &Cell, s: &str) -> PyResult<usize> {
    let buf = open(vm, b)?;
    let translated = match buf.newline {
        Newline::Universal if s.contains('\r') => newline::translate(s.to_string()).into(),
        mode => mode.on_write(s),
    };
    buf.put(&translated);
    Ok(s.chars().count())
}

/// `closed`, `line_buffering`, `newlines`, `encoding`, `errors`.
pub fn attribute(vm: &mut Vm, b: &Cell, name: &str) -> PyResult<Option<Value>> {
    let closed = b.get(&vm.gil).closed;
    let live = |v: Value| {
        if closed {
            Err(errors::closed("I/O operation on closed file"))
        } else {
            Ok(Some(v))
        }
    };
    match name {
        "closed" => Ok(Some(Value::Bool(closed))),
        "line_buffering" => live(Value::Bool(false)),
        "newlines" => live(Value::None),
        "encoding" | "errors" => Ok(Some(Value::None)),
        _ => Ok(None),
    }
}

// ---------------------------------------------------------------------------
// The Python-facing methods
// ---------------------------------------------------------------------------

/// The methods of `io.StringIO`.
pub const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", m_init),
    ("getvalue", m_getvalue),
    ("read", m_read),
    ("readline", super::common::readline),
    ("write", native_write),
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
    ("detach", m_detach),
    ("__repr__", super::common::repr),
];

/// `StringIO(initial_value='', newline='\n')`.
fn m_init(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::strings(vm, args, "__init__")?;
    let mut given: [Option<&Value>; 2] = [args.get(1), args.get(2)];
    if args.len() > 3 {
        return Err(Raise::type_error(format!(
            "StringIO() takes at most 2 arguments ({} given)",
            args.len() - 1 + kwargs.len()
        )));
    }
    for (k, v) in kwargs {
        let slot = match &**k {
            "initial_value" => 0,
            "newline" => 1,
            _ => {
                return Err(Raise::type_error(format!(
                    "'{k}' is an invalid keyword argument for StringIO()"
                )))
            }
        };
        if given[slot].is_some() {
            return Err(Raise::type_error(format!(
                "argument for StringIO() given by name ('{k}') and position ({})",
                slot + 1
            )));
        }
        given[slot] = Some(v);
    }
    let newline = Newline::parse(vm, given[1], "newline", Newline::Lf, true)?;
    let initial = match given[0] {
        None | Some(Value::None) => String::new(),
        Some(v) => match v.as_object() {
            Some(Object::Str(s)) => s.text.to_string(),
            _ => {
                return Err(Raise::type_error(format!(
                    "initial_value must be str or None, not {}",
                    attr::type_name(vm, v)
                )))
            }
        },
    };
    *b.get_mut(&mut vm.gil) = StringBuf {
        newline,
        ..StringBuf::default()
    };
    write(vm, b, &initial)?;
    b.get_mut(&mut vm.gil).set_pos(0);
    Ok(Value::None)
}

fn m_getvalue(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::strings(vm, args, "getvalue")?;
    args::none(vm, args, "getvalue", kwargs)?;
    Ok(PyStr::value(open(vm, b)?.text.as_str()))
}

fn m_read(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::strings(vm, args, "read")?;
    let given = args::optional(vm, args, "read", kwargs, 0, 1)?;
    let n = args::size_arg(vm, given.first())?;
    Ok(PyStr::value(read(vm, b, n)?))
}

/// `write(s)`: `print` writes to a stream whose `write` is this one directly.
pub fn native_write(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::strings(vm, args, "write")?;
    let s = args::one(vm, args, "write", kwargs)?;
    open(vm, b)?;
    let Some(Object::Str(s)) = s.as_object() else {
        return Err(Raise::type_error(format!(
            "string argument expected, got '{}'",
            attr::type_name(vm, s)
        )));
    };
    Ok(Value::Int(write(vm, b, &s.text)? as i64))
}

fn m_seek(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::strings(vm, args, "seek")?;
    let given = args::optional(vm, args, "seek", kwargs, 1, 2)?;
    let offset = args::int_arg(vm, &given[0])?;
    let whence = args::whence_arg(vm, given.get(1), true)?;
    let buf = open(vm, b)?;
    match whence {
        0 if offset < 0 => Err(Raise::value_error(format!(
            "Negative seek position {offset}"
        ))),
        0 => {
            buf.set_pos(offset as usize);
            Ok(Value::Int(offset))
        }
        _ if offset != 0 => Err(errors::raise_builtin(
            vm,
            "OSError",
            "Can't do nonzero cur-relative seeks",
        )),
        1 => Ok(Value::Int(buf.pos as i64)),
        _ => {
            let end = buf.chars;
            buf.set_pos(end);
            Ok(Value::Int(end as i64))
        }
    }
}

fn m_tell(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::strings(vm, args, "tell")?;
    args::none(vm, args, "tell", kwargs)?;
    Ok(Value::Int(open(vm, b)?.pos as i64))
}

fn m_truncate(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::strings(vm, args, "truncate")?;
    let given = args::optional(vm, args, "truncate", kwargs, 0, 1)?;
    let size = match given.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(args::int_of(v).ok_or_else(|| {
            Raise::type_error(format!(
                "argument should be integer or None, not '{}'",
                attr::type_name(vm, v)
            ))
        })?),
    };
    let buf = open(vm, b)?;
    let size = match size {
        None => buf.pos,
        Some(n) if n < 0 => return Err(Raise::value_error(format!("Negative size value {n}"))),
        Some(n) => n as usize,
    };
    if size < buf.chars {
        let cut = advance(&buf.text, 0, size);
        buf.text.truncate(cut);
        buf.chars = size;
        let pos = buf.pos;
        buf.set_pos(pos);
    }
    Ok(Value::Int(size as i64))
}

fn m_flush(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::strings(vm, args, "flush")?;
    args::none(vm, args, "flush", kwargs)?;
    Ok(Value::None)
}

fn m_close(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::strings(vm, args, "close")?;
    args::none(vm, args, "close", kwargs)?;
    let buf = b.get_mut(&mut vm.gil);
    buf.closed = true;
    buf.text = String::new();
    Ok(Value::None)
}

fn m_true(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::strings(vm, args, "readable")?;
    args::none(vm, args, "readable", kwargs)?;
    open(vm, b)?;
    Ok(Value::Bool(true))
}

fn m_isatty(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let b = args::strings(vm, args, "isatty")?;
    args::none(vm, args, "isatty", kwargs)?;
    if b.get(&vm.gil).closed {
        return Err(errors::closed_file());
    }
    Ok(Value::Bool(false))
}

fn m_detach(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::strings(vm, args, "detach")?;
    args::none(vm, args, "detach", kwargs)?;
    Err(errors::unsupported(vm, "detach"))
}
