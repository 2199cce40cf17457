//! `bytes(...)` and `bytearray(...)`: from nothing, a count, a str and an
//! encoding, a bytes-like object, `__bytes__`, or an iterable of ints, with
//! CPython 3.11's checks in its order.

use super::args::{byte_in_range, int_of, not_an_integer};
use super::{as_bytes, codec, Kind};
use crate::eval::{attr, iter, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::Object;
use crate::value::Value;

/// Call the type `kind`: `bytes(source, encoding, errors)`.
pub fn construct(
    vm: &mut Vm,
    kind: Kind,
    args: Vec<Value>,
    kwargs: Vec<(Box<str>, Value)>,
) -> PyResult<Value> {
    let name = kind.name();
    let [source, encoding, errors] = parameters(name, args, kwargs)?;
    let text = |v: &Option<Value>, param: &str| -> PyResult<Option<String>> {
        match v {
            None => Ok(None),
            Some(v) => match v.as_object() {
                Some(Object::Str(s)) => Ok(Some(s.text.to_string())),
                _ => Err(Raise::type_error(format!(
                    "{name}() argument '{param}' must be str, not {}",
                    attr::type_name(vm, v)
                ))),
            },
        }
    };
    let (encoding, errors) = (text(&encoding, "encoding")?, text(&errors, "errors")?);
    let Some(source) = source else {
        check_no_codec(&encoding, &errors)?;
        return Ok(kind.make(Vec::new()));
    };
    if let Some(Object::Str(s)) = source.as_object() {
        let Some(encoding) = encoding else {
            return Err(Raise::type_error("string argument without an encoding"));
        };
        let data = codec::encode(vm, &s.text, &encoding, errors.as_deref())?;
        return Ok(kind.make(data));
    }
    check_no_codec(&encoding, &errors)?;
    if kind == Kind::Bytes {
        if let Some(Object::Bytes(_)) = source.as_object() {
            return Ok(source);
        }
        if let Some(Object::Instance(_)) = source.as_object() {
            if let Some(r) = ops::call_dunder(vm, &source, "__bytes__", Vec::new())? {
                return match r.as_object() {
                    Some(Object::Bytes(_)) => Ok(r),
                    _ => Err(Raise::type_error(format!(
                        "__bytes__ returned non-bytes (type {})",
                        attr::type_name(vm, &r)
                    ))),
                };
            }
        }
    }
    if let Some(n) = int_of(&source) {
        return Ok(kind.make(zeros(&source, n)?));
    }
    if let Some(data) = as_bytes(&vm.gil, &source) {
        return Ok(kind.make(data.to_vec()));
    }
    match from_iterable(vm, &source, kind)? {
        Some(data) => Ok(kind.make(data)),
        None => Err(Raise::type_error(format!(
            "cannot convert '{}' object to {name}",
            attr::type_name(vm, &source)
        ))),
    }
}

/// `(source, encoding, errors)` from positional and keyword arguments.
fn parameters(
    name: &str,
    args: Vec<Value>,
    kwargs: Vec<(Box<str>, Value)>,
) -> PyResult<[Option<Value>; 3]> {
    const NAMES: [&str; 3] = ["source", "encoding", "errors"];
    let given = args.len() + kwargs.len();
    if given > 3 {
        return Err(Raise::type_error(format!(
            "{name}() takes at most 3 arguments ({given} given)"
        )));
    }
    let positional = args.len();
    let mut out: [Option<Value>; 3] = [None, None, None];
    for (slot, v) in out.iter_mut().zip(args) {
        *slot = Some(v);
    }
    for (key, v) in kwargs {
        match NAMES.iter().position(|n| **n == *key) {
            Some(i) if i < positional => {
                return Err(Raise::type_error(format!(
                    "argument for {name}() given by name ('{key}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(Raise::type_error(format!(
                    "'{key}' is an invalid keyword argument for {name}()"
                )))
            }
        }
    }
    Ok(out)
}

/// An encoding or errors argument is only allowed with a str source.
fn check_no_codec(encoding: &Option<String>, errors: &Option<String>) -> PyResult<()> {
    if encoding.is_some() {
        return Err(Raise::type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(Raise::type_error("errors without a string argument"));
    }
    Ok(())
}

/// `bytes(n)`: `n` zero bytes.
fn zeros(source: &Value, n: i64) -> PyResult<Vec<u8>> {
    if let Some(Object::BigInt(_)) = source.as_object() {
        return Err(Raise::new(
            ExcKind::OverflowError,
            "cannot fit 'int' into an index-sized integer",
        ));
    }
    if n < 0 {
        return Err(Raise::value_error("negative count"));
    }
    let mut out = Vec::new();
    out.try_reserve_exact(n as usize)
        .map_err(|_| Raise::Bare(ExcKind::MemoryError))?;
    out.resize(n as usize, 0);
    Ok(out)
}

/// The bytes of a bytes-like object or of an iterable of ints in range(256);
/// `None` when `v` is neither (the caller words that error). `kind` picks the
/// range message: bytes says "bytes must be", bytearray "byte must be".
pub fn from_iterable(vm: &mut Vm, v: &Value, kind: Kind) -> PyResult<Option<Vec<u8>>> {
    if let Some(data) = as_bytes(&vm.gil, v) {
        return Ok(Some(data.to_vec()));
    }
    let it = match iter::get_iter(vm, v) {
        Ok(it) => it,
        Err(Raise::New(ExcKind::TypeError, msg)) if msg.ends_with("is not iterable") => {
            return Ok(None)
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(item) = iter::next(vm, &it)? {
        let Some(n) = int_of(&item) else {
            return Err(not_an_integer(vm, &item));
        };
        let byte = match kind {
            Kind::ByteArray => byte_in_range(n)?,
            Kind::Bytes => {
                u8::try_from(n).map_err(|_| Raise::value_error("bytes must be in range(0, 256)"))?
            }
        };
        out.push(byte);
    }
    Ok(Some(out))
}
