//! The `_io` classes (CPython's hierarchy: `_IOBase`, `_RawIOBase`,
//! `_BufferedIOBase`, `_TextIOBase` and the concrete classes under them) and
//! `io.UnsupportedOperation`, made once per interpreter. Their `__new__`
//! makes the stream objects, so Python subclasses of them work too.

use super::args::Kw;
use super::buffered::FileKind;
use super::newline::Newline;
use super::text::{Options, TextFile};
use super::{binary, bytes_io, common, new_stream, string_io, text, Body};
use crate::eval::attr;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::{new_class, Vm};
use crate::object::{Builtin, NativeFn, Object, PyStr};
use crate::value::{Obj, Value};

/// One interpreter's stream classes.
pub struct Classes {
    /// `_io._IOBase` (`io.IOBase`).
    pub io_base: Obj,
    /// `_io._RawIOBase`.
    pub raw_base: Obj,
    /// `_io._BufferedIOBase`.
    pub buffered_base: Obj,
    /// `_io._TextIOBase`.
    pub text_base: Obj,
    pub text: Obj,
    pub reader: Obj,
    pub writer: Obj,
    pub random: Obj,
    pub file_io: Obj,
    pub string_io: Obj,
    pub bytes_io: Obj,
    /// `io.UnsupportedOperation`, an OSError and a ValueError.
    pub unsupported: Obj,
}

/// A class named `name` in module `module` with `methods` in its namespace.
fn class(
    vm: &mut Vm,
    name: &str,
    module: &str,
    bases: &[Obj],
    methods: &[(&'static str, NativeFn)],
) -> Obj {
    let class = new_class(name, bases, None, &mut vm.gil).expect("a consistent MRO");
    if let Object::Class(c) = class.get() {
        let dict = c.dict.get_mut(&mut vm.gil);
        dict.insert_str("__module__", PyStr::value(module));
        for &(name, f) in methods {
            dict.insert_str(name, Builtin::method(name, f));
        }
    }
    class
}

/// Put `__new__` (a static method, as Python's are) into `class`.
fn set_new(vm: &mut Vm, class: &Obj, new: NativeFn) {
    if let Object::Class(c) = class.get() {
        let f = Object::StaticMethod(Builtin::function("__new__", new));
        c.dict
            .get_mut(&mut vm.gil)
            .insert_str("__new__", Value::obj(f));
    }
}

impl Classes {
    /// Make the classes.
    pub fn new(vm: &mut Vm) -> Classes {
        let object = vm.type_obj(crate::object::BuiltinType::Object);
        let io_base = class(vm, "_IOBase", "_io", &[object], common::METHODS);
        let raw_base = class(vm, "_RawIOBase", "_io", std::slice::from_ref(&io_base), &[]);
        let buffered_base = class(
            vm,
            "_BufferedIOBase",
            "_io",
            std::slice::from_ref(&io_base),
            &[],
        );
        let text_base = class(
            vm,
            "_TextIOBase",
            "_io",
            std::slice::from_ref(&io_base),
            &[],
        );
        let file_class = |vm: &mut Vm, kind: FileKind, base: &Obj| {
            let methods = super::buffered::methods(kind);
            class(vm, kind.name(), "_io", std::slice::from_ref(base), &methods)
        };
        let reader = file_class(vm, FileKind::Reader, &buffered_base);
        let writer = file_class(vm, FileKind::Writer, &buffered_base);
        let random = file_class(vm, FileKind::Random, &buffered_base);
        let file_io = file_class(vm, FileKind::Unbuffered, &raw_base);
        let text = class(
            vm,
            "TextIOWrapper",
            "_io",
            std::slice::from_ref(&text_base),
            text::METHODS,
        );
        let string_io = class(
            vm,
            "StringIO",
            "_io",
            std::slice::from_ref(&text_base),
            string_io::METHODS,
        );
        let bytes_io = class(
            vm,
            "BytesIO",
            "_io",
            std::slice::from_ref(&buffered_base),
            bytes_io::METHODS,
        );
        for (c, new) in [
            (&text, text_new as NativeFn),
            (&string_io, string_io_new),
            (&bytes_io, bytes_io_new),
            (&file_io, file_io_new),
            (&reader, buffered_new),
            (&writer, buffered_new),
            (&random, buffered_new),
        ] {
            set_new(vm, c, new);
        }
        let bases = [
            vm.interp.exceptions["OSError"].clone(),
            vm.interp.exceptions["ValueError"].clone(),
        ];
        let unsupported = class(vm, "UnsupportedOperation", "io", &bases, &[]);
        Classes {
            io_base,
            raw_base,
            buffered_base,
            text_base,
            text,
            reader,
            writer,
            random,
            file_io,
            string_io,
            bytes_io,
            unsupported,
        }
    }

    /// The class of a binary file.
    pub fn of_file(&self, kind: FileKind) -> Obj {
        match kind {
            FileKind::Reader => self.reader.clone(),
            FileKind::Writer => self.writer.clone(),
            FileKind::Random => self.random.clone(),
            FileKind::Unbuffered => self.file_io.clone(),
        }
    }
}

/// The class `__new__` was called with, which must derive from `base`.
fn new_class_arg(vm: &mut Vm, args: &[Value], base: &Obj, name: &str) -> PyResult<Obj> {
    match args.first() {
        Some(Value::Obj(c)) if matches!(c.get(), Object::Class(_)) => {
            if !attr::is_subclass(vm, c, base) {
                let given = match c.get() {
                    Object::Class(k) => k.name.to_string(),
                    _ => String::new(),
                };
                return Err(Raise::type_error(format!(
                    "{name}.__new__({given}): {given} is not a subtype of {name}"
                )));
            }
            Ok(c.clone())
        }
        Some(other) => Err(Raise::type_error(format!(
            "{name}.__new__(X): X is not a type object ({})",
            attr::type_name(vm, other)
        ))),
        None => Err(Raise::type_error(format!(
            "{name}.__new__(): not enough arguments"
        ))),
    }
}

/// `StringIO.__new__(cls, *args)`: an empty StringIO; `__init__` fills it.
fn string_io_new(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let base = super::classes(vm).string_io.clone();
    let class = new_class_arg(vm, args, &base, "StringIO")?;
    let body = Body::Strings(GilCell::new(string_io::StringBuf::default()));
    Ok(Value::Obj(new_stream(class, body)))
}

/// `BytesIO.__new__(cls, *args)`: an empty BytesIO; `__init__` fills it.
fn bytes_io_new(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let base = super::classes(vm).bytes_io.clone();
    let class = new_class_arg(vm, args, &base, "BytesIO")?;
    let body = Body::Bytes(GilCell::new(bytes_io::ByteBuf::default()));
    Ok(Value::Obj(new_stream(class, body)))
}

/// `FileIO(file, mode='r', closefd=True)`: `open(file, mode + 'b', buffering=0)`.
fn file_io_new(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let base = super::classes(vm).file_io.clone();
    new_class_arg(vm, args, &base, "FileIO")?;
    let mut mode = "r".to_string();
    let mut closefd = Value::Bool(true);
    for (k, v) in kwargs {
        match (&**k, v.as_object()) {
            ("mode", Some(Object::Str(s))) => mode = s.text.to_string(),
            ("closefd", _) => closefd = v.clone(),
            _ => {
                return Err(Raise::type_error(format!(
                    "'{k}' is an invalid keyword argument for FileIO()"
                )))
            }
        }
    }
    if let Some(Object::Str(s)) = args.get(2).and_then(Value::as_object) {
        mode = s.text.to_string();
    }
    if !mode.contains('b') {
        mode.push('b');
    }
    let Some(file) = args.get(1) else {
        return Err(Raise::type_error(
            "FileIO() missing required argument 'file' (pos 1)",
        ));
    };
    let open_args = vec![file.clone(), PyStr::value(mode), Value::Int(0)];
    let kw = vec![("closefd".into(), closefd)];
    super::open::open(vm, &open_args, &kw)
}

/// `BufferedReader(raw)` and friends: not offered (use `open`).
fn buffered_new(_vm: &mut Vm, _args: &[Value], _: &Kw) -> PyResult<Value> {
    Err(Raise::new(
        ExcKind::NotImplementedError,
        "making buffered files from raw files is not supported yet; use open()",
    ))
}

/// `TextIOWrapper(buffer, encoding=None, errors=None, newline=None,
/// line_buffering=False, write_through=False)` over a BytesIO or binary file.
fn text_new(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    const PARAMS: [&str; 6] = [
        "buffer",
        "encoding",
        "errors",
        "newline",
        "line_buffering",
        "write_through",
    ];
    let base = super::classes(vm).text.clone();
    let class = new_class_arg(vm, args, &base, "TextIOWrapper")?;
    let rest = &args[1..];
    if rest.len() > PARAMS.len() {
        return Err(Raise::type_error(format!(
            "TextIOWrapper() takes at most 6 arguments ({} given)",
            rest.len() + kwargs.len()
        )));
    }
    let mut given: [Option<&Value>; 6] = [None; 6];
    for (slot, a) in given.iter_mut().zip(rest) {
        *slot = Some(a);
    }
    for (k, v) in kwargs {
        match PARAMS.iter().position(|p| **p == **k) {
            Some(i) if given[i].is_none() => given[i] = Some(v),
            Some(i) => {
                return Err(Raise::type_error(format!(
                    "argument for TextIOWrapper() given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            None => {
                return Err(Raise::type_error(format!(
                    "'{k}' is an invalid keyword argument for TextIOWrapper()"
                )))
            }
        }
    }
    let Some(buffer) = given[0] else {
        return Err(Raise::type_error(
            "TextIOWrapper() missing required argument 'buffer' (pos 1)",
        ));
    };
    let buffer = match buffer {
        Value::Obj(o) if binary::is_binary(buffer) => o.clone(),
        _ => {
            return Err(Raise::new(
                ExcKind::NotImplementedError,
                "TextIOWrapper over a stream written in Python is not supported yet",
            ))
        }
    };
    let text_arg = |vm: &Vm, i: usize| -> PyResult<Option<String>> {
        match given[i] {
            None | Some(Value::None) => Ok(None),
            Some(v) => match v.as_object() {
                Some(Object::Str(s)) => Ok(Some(s.text.to_string())),
                _ => Err(Raise::type_error(format!(
                    "TextIOWrapper() argument '{}' must be str or None, not {}",
                    PARAMS[i],
                    attr::type_name(vm, v)
                ))),
            },
        }
    };
    let encoding = text_arg(vm, 1)?;
    let errors = text_arg(vm, 2)?;
    let newline = Newline::parse(
        vm,
        given[3],
        "TextIOWrapper() argument 'newline'",
        Newline::Universal,
        false,
    )?;
    let flag = |vm: &mut Vm, i: usize| -> PyResult<bool> {
        match given[i] {
            None => Ok(false),
            Some(v) => crate::eval::ops::truthy(vm, v),
        }
    };
    let options = Options {
        encoding: encoding.as_deref(),
        errors: errors.as_deref(),
        newline,
        line_buffering: flag(vm, 4)?,
        write_through: flag(vm, 5)?,
        mode: None,
    };
    let file = TextFile::new(vm, buffer, options)?;
    Ok(Value::Obj(new_stream(
        class,
        Body::Text(GilCell::new(file)),
    )))
}
