//! Argument checks shared by the bytes and bytearray methods, worded as
//! CPython 3.11 words them (its methods are parsed three ways: METH_O /
//! METH_NOARGS, `PyArg_ParseTuple`, and Argument Clinic; each has its messages).

use super::{as_bytes, Kind};
use crate::eval::attr;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::Object;
use crate::value::Value;

/// Keyword arguments of a native call.
pub(super) type Kwargs = [(Box<str>, Value)];

/// The receiver of a method call and the call's own positional arguments.
pub(super) struct Recv<'a> {
    /// bytes or bytearray: the type of the results.
    pub kind: Kind,
    /// The receiver's bytes.
    pub data: &'a [u8],
    /// The positional arguments after the receiver.
    pub rest: &'a [Value],
}

/// Split `args` into the receiver (which must be bytes-like) and the rest.
pub(super) fn receiver<'a>(vm: &'a Vm, name: &str, args: &'a [Value]) -> PyResult<Recv<'a>> {
    let Some((recv, rest)) = args.split_first() else {
        return Err(Raise::type_error(format!(
            "unbound method bytes.{name}() needs an argument"
        )));
    };
    match (super::kind_of(recv), as_bytes(&vm.gil, recv)) {
        (Some(kind), Some(data)) => Ok(Recv { kind, data, rest }),
        _ => Err(Raise::type_error(format!(
            "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
            attr::type_name(vm, recv)
        ))),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        "argument"
    } else {
        "arguments"
    }
}

fn no_keywords(qualified: &str, kwargs: &Kwargs) -> PyResult<()> {
    match kwargs.is_empty() {
        true => Ok(()),
        false => Err(Raise::type_error(format!(
            "{qualified}() takes no keyword arguments"
        ))),
    }
}

/// A method without parameters (METH_NOARGS): `bytes.upper()`.
pub(super) fn no_args<'a>(
    vm: &'a Vm,
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
) -> PyResult<Recv<'a>> {
    let r = receiver(vm, name, args)?;
    let qualified = format!("{}.{name}", r.kind.name());
    no_keywords(&qualified, kwargs)?;
    if !r.rest.is_empty() {
        return Err(Raise::type_error(format!(
            "{qualified}() takes no arguments ({} given)",
            r.rest.len()
        )));
    }
    Ok(r)
}

/// A method of exactly one positional parameter (METH_O): `bytes.join(x)`.
pub(super) fn one_arg<'a>(
    vm: &'a Vm,
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
) -> PyResult<(Recv<'a>, &'a Value)> {
    let r = receiver(vm, name, args)?;
    let qualified = format!("{}.{name}", r.kind.name());
    no_keywords(&qualified, kwargs)?;
    match r.rest {
        [arg] => Ok((r, arg)),
        _ => Err(Raise::type_error(format!(
            "{qualified}() takes exactly one argument ({} given)",
            r.rest.len()
        ))),
    }
}

/// Positional parameters parsed by `PyArg_ParseTuple` (`find`, `count`).
pub(super) fn varargs<'a>(
    vm: &'a Vm,
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
    min: usize,
    max: usize,
) -> PyResult<Recv<'a>> {
    let r = receiver(vm, name, args)?;
    no_keywords(name, kwargs)?;
    let n = r.rest.len();
    if n < min {
        return Err(Raise::type_error(format!(
            "{name}() takes at least {min} {} ({n} given)",
            plural(min)
        )));
    }
    if n > max {
        return Err(Raise::type_error(format!(
            "{name}() takes at most {max} {} ({n} given)",
            plural(max)
        )));
    }
    Ok(r)
}

/// Positional-only parameters checked by Argument Clinic (`strip`, `center`).
pub(super) fn clinic<'a>(
    vm: &'a Vm,
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
    min: usize,
    max: usize,
) -> PyResult<Recv<'a>> {
    let r = receiver(vm, name, args)?;
    no_keywords(&format!("{}.{name}", r.kind.name()), kwargs)?;
    let n = r.rest.len();
    let msg = if min == max && n != min {
        format!("{name} expected {min} {}, got {n}", plural(min))
    } else if n < min {
        format!("{name} expected at least {min} {}, got {n}", plural(min))
    } else if n > max {
        format!("{name} expected at most {max} {}, got {n}", plural(max))
    } else {
        return Ok(r);
    };
    Err(Raise::type_error(msg))
}

/// Optional parameters that may be passed by position or by name
/// (`split(sep, maxsplit)`), checked as `_PyArg_UnpackKeywords` does.
pub(super) fn keywords<'a, const N: usize>(
    vm: &'a Vm,
    name: &str,
    args: &'a [Value],
    kwargs: &'a Kwargs,
    names: [&str; N],
) -> PyResult<(Recv<'a>, [Option<&'a Value>; N])> {
    let r = receiver(vm, name, args)?;
    let given = r.rest.len() + kwargs.len();
    if given > N {
        let keyword = if r.rest.is_empty() { "keyword " } else { "" };
        return Err(Raise::type_error(format!(
            "{name}() takes at most {N} {keyword}{} ({given} given)",
            plural(N)
        )));
    }
    let mut out = [None; N];
    for (slot, arg) in out.iter_mut().zip(r.rest) {
        *slot = Some(arg);
    }
    for (key, value) in kwargs {
        match names.iter().position(|n| **n == **key) {
            Some(i) if i < r.rest.len() => {
                return Err(Raise::type_error(format!(
                    "argument for {name}() given by name ('{key}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(value),
            None => {
                return Err(Raise::type_error(format!(
                    "'{key}' is an invalid keyword argument for {name}()"
                )))
            }
        }
    }
    Ok((r, out))
}

// ---------------------------------------------------------------------------
// Argument values
// ---------------------------------------------------------------------------

/// An int argument as an i64; ints beyond i64 saturate (they are out of every
/// range checked here). `None` when `v` is not an int.
pub(super) fn int_of(v: &Value) -> Option<i64> {
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

/// `n` as a byte: ValueError 'byte must be in range(0, 256)'.
pub(super) fn byte_in_range(n: i64) -> PyResult<u8> {
    u8::try_from(n).map_err(|_| Raise::value_error("byte must be in range(0, 256)"))
}

/// An argument that must be an int in range(256) (`append`, item assignment).
pub(super) fn byte_arg(vm: &Vm, v: &Value) -> PyResult<u8> {
    match int_of(v) {
        Some(n) => byte_in_range(n),
        None => Err(not_an_integer(vm, v)),
    }
}

/// TypeError "'str' object cannot be interpreted as an integer".
pub(super) fn not_an_integer(vm: &Vm, v: &Value) -> Raise {
    Raise::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        attr::type_name(vm, v)
    ))
}

/// A Py_ssize_t argument (`width`, `maxsplit`, `count`).
pub(super) fn ssize_arg(vm: &Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Obj(o) if matches!(o.get(), Object::BigInt(_)) => Err(Raise::new(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
        _ => int_of(v).ok_or_else(|| not_an_integer(vm, v)),
    }
}

/// TypeError "a bytes-like object is required, not 'str'".
pub(super) fn not_bytes_like(vm: &Vm, v: &Value) -> Raise {
    Raise::type_error(format!(
        "a bytes-like object is required, not '{}'",
        attr::type_name(vm, v)
    ))
}

/// An argument that must be bytes-like.
pub(super) fn buffer_arg<'a>(vm: &'a Vm, v: &'a Value) -> PyResult<&'a [u8]> {
    as_bytes(&vm.gil, v).ok_or_else(|| not_bytes_like(vm, v))
}

/// The needle of `find`, `count`, `index`: an int in range(256) or bytes-like.
pub(super) fn needle_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes(&vm.gil, v) {
        return Ok(b.to_vec());
    }
    match int_of(v) {
        Some(n) => Ok(vec![byte_in_range(n)?]),
        None => Err(Raise::type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            attr::type_name(vm, v)
        ))),
    }
}

/// A slice bound (`start`, `end`): None or an int, clamped to i64.
pub(super) fn slice_arg(v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => int_of(v).map(Some).ok_or_else(|| {
            Raise::type_error("slice indices must be integers or None or have an __index__ method")
        }),
    }
}

/// A part of the receiver's bytes and the offset where it begins.
pub(super) type Window<'a> = (&'a [u8], usize);

/// The part of `data` that `start`/`end` select (CPython's ADJUST_INDICES),
/// with its offset; `None` when start > end.
pub(super) fn window(data: &[u8], start: Option<i64>, end: Option<i64>) -> Option<Window<'_>> {
    let len = data.len() as i64;
    let adjust = |i: i64| {
        if i < 0 {
            (i.saturating_add(len)).max(0)
        } else {
            i
        }
    };
    let end = end.map_or(len, |e| adjust(e).min(len));
    let start = start.map_or(0, adjust);
    if start > end {
        return None;
    }
    Some((&data[start as usize..end as usize], start as usize))
}
