//! `open(file, mode='r', buffering=-1, encoding=None, errors=None,
//! newline=None, closefd=True, opener=None)`, checked and worded as CPython
//! 3.11's `io.open`.

use super::buffered::{BufferedFile, FileKind, DEFAULT_BUFFER_SIZE};
use super::newline::Newline;
use super::raw::{self, Flags, Raw};
use super::text::{Options, TextFile};
use super::{classes, errors, new_stream, register_writer, Body};
use crate::eval::{attr, call};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::Object;
use crate::value::Value;

type Kw = [(Box<str>, Value)];

const PARAMS: [&str; 8] = [
    "file",
    "mode",
    "buffering",
    "encoding",
    "errors",
    "newline",
    "closefd",
    "opener",
];

/// The mode letters, checked.
#[derive(Default)]
struct Mode {
    flags: Flags,
    binary: bool,
    plus: bool,
    /// `x`, `r`, `w` or `a`.
    main: char,
}

/// Parse `mode` as `io.open` does.
fn parse_mode(mode: &str) -> PyResult<Mode> {
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwxab+t".contains(c) || seen.contains(c) {
            return Err(Raise::value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
    }
    let has = |c| seen.contains(c);
    if has('t') && has('b') {
        return Err(Raise::value_error(
            "can't have text and binary mode at once",
        ));
    }
    let mains: Vec<char> = seen.chars().filter(|c| "rwxa".contains(*c)).collect();
    if mains.len() > 1 {
        return Err(Raise::value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    let Some(&main) = mains.first() else {
        return Err(Raise::value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    };
    let plus = has('+');
    let flags = Flags {
        read: main == 'r' || plus,
        write: main != 'r' || plus,
        append: main == 'a',
        create: main != 'r',
        truncate: main == 'w',
        exclusive: main == 'x',
    };
    Ok(Mode {
        flags,
        binary: has('b'),
        plus,
        main,
    })
}

impl Mode {
    /// `f.mode` of the binary file, as FileIO names it (`w+b` is `rb+`).
    fn raw_mode(&self) -> String {
        let first = match self.main {
            'r' => 'r',
            'w' if self.plus => 'r',
            'w' => 'w',
            c => c,
        };
        format!("{first}b{}", if self.plus { "+" } else { "" })
    }

    fn kind(&self, buffering: i64) -> FileKind {
        if buffering == 0 {
            FileKind::Unbuffered
        } else if self.plus {
            FileKind::Random
        } else if self.main == 'r' {
            FileKind::Reader
        } else {
            FileKind::Writer
        }
    }
}

/// An optional str argument: "open() argument 'encoding' must be str or None, not int".
fn opt_str<'a>(vm: &Vm, v: Option<&'a Value>, param: &str) -> PyResult<Option<&'a str>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_object() {
            Some(Object::Str(s)) => Ok(Some(&s.text)),
            _ => Err(Raise::type_error(format!(
                "open() argument '{param}' must be str or None, not {}",
                attr::type_name(vm, v)
            ))),
        },
    }
}

/// The arguments by parameter, as `_PyArg_UnpackKeywords` checks them.
fn unpack<'a>(args: &'a [Value], kwargs: &'a Kw) -> PyResult<[Option<&'a Value>; 8]> {
    if args.len() > PARAMS.len() {
        return Err(Raise::type_error(format!(
            "open() takes at most 8 arguments ({} given)",
            args.len() + kwargs.len()
        )));
    }
    let mut given = [None; 8];
    for (slot, a) in given.iter_mut().zip(args) {
        *slot = Some(a);
    }
    for (k, v) in kwargs {
        match PARAMS.iter().position(|p| **p == **k) {
            Some(i) if given[i].is_some() => {
                return Err(Raise::type_error(format!(
                    "argument for open() given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => given[i] = Some(v),
            None => {
                return Err(Raise::type_error(format!(
                    "'{k}' is an invalid keyword argument for open()"
                )))
            }
        }
    }
    if given[0].is_none() {
        return Err(Raise::type_error(
            "open() missing required argument 'file' (pos 1)",
        ));
    }
    Ok(given)
}

/// What `file` names: a path (str or bytes, or an object with `__fspath__`),
/// or a file descriptor.
enum Target {
    Path(std::path::PathBuf),
    Fd(i64),
}

/// A str or bytes path; `None` for anything else.
fn path_of(v: &Value) -> Option<PyResult<std::path::PathBuf>> {
    let raw: Vec<u8> = match v.as_object() {
        Some(Object::Str(s)) => s.text.as_bytes().to_vec(),
        Some(Object::Bytes(b)) => b.to_vec(),
        _ => return None,
    };
    if raw.contains(&0) {
        return Some(Err(Raise::value_error("embedded null byte")));
    }
    Some(Ok(path_from_bytes(raw)))
}

fn target(vm: &mut Vm, file: &Value) -> PyResult<(Target, Value)> {
    if let Some(p) = path_of(file) {
        return Ok((Target::Path(p?), file.clone()));
    }
    if let Some(fd) = super::args::int_of(file) {
        if matches!(file, Value::Int(_) | Value::Bool(_)) {
            return Ok((Target::Fd(fd), file.clone()));
        }
    }
    if let Some(Object::Instance(i)) = file.as_object() {
        if let Some(fspath) = attr::lookup(vm, &i.class, "__fspath__") {
            let p = call::call(vm, &fspath, vec![file.clone()], Vec::new())?;
            if let Some(path) = path_of(&p) {
                return Ok((Target::Path(path?), p));
            }
        }
    }
    Err(Raise::type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        attr::type_name(vm, file)
    )))
}

#[cfg(unix)]
fn path_from_bytes(raw: Vec<u8>) -> std::path::PathBuf {
    use std::os::unix::ffi::OsStringExt;
    std::ffi::OsString::from_vec(raw).into()
}

#[cfg(not(unix))]
fn path_from_bytes(raw: Vec<u8>) -> std::path::PathBuf {
    String::from_utf8_lossy(&raw).into_owned().into()
}

/// `open(...)`.
pub fn open(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let given = unpack(args, kwargs)?;
    let mode_text = match given[1] {
        None => "r",
        Some(v) => match v.as_object() {
            Some(Object::Str(s)) => &*s.text,
            _ => {
                return Err(Raise::type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    attr::type_name(vm, v)
                )))
            }
        },
    };
    let buffering = match given[2] {
        None => -1,
        Some(v) => super::args::int_arg(vm, v)?,
    };
    let encoding = opt_str(vm, given[3], "encoding")?;
    let errors_arg = opt_str(vm, given[4], "errors")?;
    let newline_given = given[5].filter(|v| !matches!(v, Value::None));
    let closefd = match given[6] {
        None => true,
        Some(v) => super::args::int_arg(vm, v)? != 0,
    };
    if given[7].is_some_and(|v| !matches!(v, Value::None)) {
        return Err(Raise::new(
            ExcKind::NotImplementedError,
            "open() with an opener is not supported yet",
        ));
    }
    let mode = parse_mode(mode_text)?;
    if mode.binary {
        let refused = [
            (encoding.is_some(), "an encoding"),
            (errors_arg.is_some(), "an errors"),
            (newline_given.is_some(), "a newline"),
        ];
        if let Some((_, what)) = refused.iter().find(|(given, _)| *given) {
            return Err(Raise::value_error(format!(
                "binary mode doesn't take {what} argument"
            )));
        }
    }
    let newline = Newline::parse(
        vm,
        given[5],
        "open() argument 'newline'",
        Newline::Universal,
        false,
    )?;
    if let Some(enc) = encoding {
        crate::object::bytes::codec::canonical_name(enc)?;
    }
    let (target, name) = target(vm, given[0].expect("checked by unpack"))?;
    let raw = match target {
        Target::Path(_) if !closefd => {
            return Err(Raise::value_error(
                "Cannot use closefd=False with file name",
            ))
        }
        Target::Path(path) => {
            let flags = mode.flags;
            let opened = vm.gil.release_for("open", || raw::open(&path, flags));
            let file = opened.map_err(|e| errors::os_error(vm, &e, Some(&name)))?;
            let raw = Raw::File(std::sync::Arc::new(file));
            if mode.flags.append {
                // FileIO starts an append-mode file at its end.
                let _ = raw.seek(std::io::SeekFrom::End(0));
            }
            raw
        }
        Target::Fd(fd) if fd < 0 => return Err(Raise::value_error("negative file descriptor")),
        Target::Fd(0) => Raw::Stdin,
        Target::Fd(1) => Raw::Stdout,
        Target::Fd(2) => Raw::Stderr,
        Target::Fd(_) => {
            return Err(Raise::new(
                ExcKind::NotImplementedError,
                "opening a file descriptor other than 0, 1 or 2 is not supported yet",
            ))
        }
    };
    if buffering == 0 && !mode.binary {
        return Err(Raise::value_error("can't have unbuffered text I/O"));
    }
    let line_buffering = buffering == 1 && !mode.binary;
    let size = match buffering {
        0 => 0,
        n if n > 1 => n as usize,
        _ => DEFAULT_BUFFER_SIZE,
    };
    let kind = mode.kind(buffering);
    let is_file = matches!(raw, Raw::File(_));
    let file = BufferedFile::new(
        raw,
        name,
        &mode.raw_mode(),
        kind,
        mode.flags.read,
        mode.flags.write,
        closefd,
        size,
    );
    let classes = classes(vm);
    let buffer = new_stream(classes.of_file(kind), Body::File(GilCell::new(file)));
    if is_file && mode.flags.write {
        register_writer(vm, &buffer);
    }
    if mode.binary {
        return Ok(Value::Obj(buffer));
    }
    let options = Options {
        encoding,
        errors: errors_arg,
        newline,
        line_buffering,
        write_through: false,
        mode: Some(mode_text),
    };
    let text = TextFile::new(vm, buffer, options)?;
    Ok(Value::Obj(new_stream(
        classes.text.clone(),
        Body::Text(GilCell::new(text)),
    )))
}
