//! The bytes and bytearray methods that treat the bytes as ASCII text: case
//! mapping, the `is...` predicates, padding (center, ljust, rjust, zfill,
//! expandtabs), hex/fromhex and translate/maketrans. Bytes outside ASCII are
//! never letters, digits or space, as in CPython.

use super::args::{buffer_arg, clinic, keywords, no_args, one_arg, ssize_arg, Kwargs};
use super::methods::is_space;
use super::{as_bytes, hex_digit, kind_of, new_bytes, Kind};
use crate::eval::attr;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{NativeFn, Object};
use crate::value::Value;

/// The method of this family called `name`.
pub(super) fn method(name: &str) -> Option<NativeFn> {
    let f: NativeFn = match name {
        "upper" => |vm, a, k| map_bytes(vm, "upper", a, k, |d| d.to_ascii_uppercase()),
        "lower" => |vm, a, k| map_bytes(vm, "lower", a, k, |d| d.to_ascii_lowercase()),
        "swapcase" => |vm, a, k| map_bytes(vm, "swapcase", a, k, swapcase),
        "capitalize" => |vm, a, k| map_bytes(vm, "capitalize", a, k, capitalize),
        "title" => |vm, a, k| map_bytes(vm, "title", a, k, title),
        "isdigit" => |vm, a, k| all_bytes(vm, "isdigit", a, k, |c| c.is_ascii_digit()),
        "isalpha" => |vm, a, k| all_bytes(vm, "isalpha", a, k, |c| c.is_ascii_alphabetic()),
        "isalnum" => |vm, a, k| all_bytes(vm, "isalnum", a, k, |c| c.is_ascii_alphanumeric()),
        "isspace" => |vm, a, k| all_bytes(vm, "isspace", a, k, is_space),
        "isupper" => |vm, a, k| predicate(vm, "isupper", a, k, |d| cased_only(d, true)),
        "islower" => |vm, a, k| predicate(vm, "islower", a, k, |d| cased_only(d, false)),
        "istitle" => |vm, a, k| predicate(vm, "istitle", a, k, istitle),
        "center" => |vm, a, k| {
            pad(vm, "center", a, k, |margin, width| {
                margin / 2 + (margin & width & 1)
            })
        },
        "ljust" => |vm, a, k| pad(vm, "ljust", a, k, |_, _| 0),
        "rjust" => |vm, a, k| pad(vm, "rjust", a, k, |margin, _| margin),
        "zfill" => zfill,
        "expandtabs" => expandtabs,
        "hex" => hex,
        "translate" => translate,
        "maketrans" => maketrans,
        _ => return None,
    };
    Some(f)
}

// ---------------------------------------------------------------------------
// Case mapping and predicates
// ---------------------------------------------------------------------------

/// A method without arguments whose result is `f` of the receiver's bytes.
fn map_bytes(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    f: fn(&[u8]) -> Vec<u8>,
) -> PyResult<Value> {
    let r = no_args(vm, name, args, kwargs)?;
    Ok(r.kind.make(f(r.data)))
}

fn swapcase(data: &[u8]) -> Vec<u8> {
    data.iter()
        .map(|&c| match c {
            b'a'..=b'z' => c.to_ascii_uppercase(),
            b'A'..=b'Z' => c.to_ascii_lowercase(),
            _ => c,
        })
        .collect()
}

fn capitalize(data: &[u8]) -> Vec<u8> {
    let mut out = data.to_ascii_lowercase();
    if let Some(first) = out.first_mut() {
        first.make_ascii_uppercase();
    }
    out
}

/// Upper after an uncased byte, lower after a cased one (ASCII letters).
fn title(data: &[u8]) -> Vec<u8> {
    let mut previous_is_cased = false;
    data.iter()
        .map(|&c| {
            let out = match previous_is_cased {
                true => c.to_ascii_lowercase(),
                false => c.to_ascii_uppercase(),
            };
            previous_is_cased = c.is_ascii_alphabetic();
            out
        })
        .collect()
}

/// `isdigit()` and kin: every byte passes, and there is at least one.
fn all_bytes(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    test: fn(u8) -> bool,
) -> PyResult<Value> {
    let r = no_args(vm, name, args, kwargs)?;
    Ok(Value::Bool(
        !r.data.is_empty() && r.data.iter().all(|&c| test(c)),
    ))
}

fn predicate(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    test: fn(&[u8]) -> bool,
) -> PyResult<Value> {
    let r = no_args(vm, name, args, kwargs)?;
    Ok(Value::Bool(test(r.data)))
}

/// Some letter, and every letter upper (or lower) case.
fn cased_only(data: &[u8], upper: bool) -> bool {
    let wrong = |c: &u8| match upper {
        true => c.is_ascii_lowercase(),
        false => c.is_ascii_uppercase(),
    };
    data.iter().any(u8::is_ascii_alphabetic) && !data.iter().any(wrong)
}

/// Uppercase only after uncased bytes, lowercase only after cased ones, and
/// at least one cased byte.
fn istitle(data: &[u8]) -> bool {
    let (mut cased, mut previous_is_cased) = (false, false);
    for &c in data {
        if c.is_ascii_uppercase() {
            if previous_is_cased {
                return false;
            }
            (previous_is_cased, cased) = (true, true);
        } else if c.is_ascii_lowercase() {
            if !previous_is_cased {
                return false;
            }
            (previous_is_cased, cased) = (true, true);
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

// ---------------------------------------------------------------------------
// Padding
// ---------------------------------------------------------------------------

/// A width as a byte count to reach: `None` when the data is already as wide.
fn missing(width: i64, len: usize) -> Option<usize> {
    (width > len as i64).then(|| width as usize - len)
}

/// The padded result, or MemoryError when it cannot be allocated.
fn padded(data: &[u8], fill: u8, left: usize, right: usize) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    let total = (left + right).checked_add(data.len());
    out.try_reserve_exact(total.ok_or(Raise::Bare(ExcKind::MemoryError))?)
        .map_err(|_| Raise::Bare(ExcKind::MemoryError))?;
    out.resize(left, fill);
    out.extend_from_slice(data);
    out.resize(out.len() + right, fill);
    Ok(out)
}

/// `center`/`ljust`/`rjust(width[, fillbyte])`: `left_of(margin, width)`
/// says how much of the margin goes on the left.
fn pad(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    left_of: fn(usize, usize) -> usize,
) -> PyResult<Value> {
    let vm: &Vm = vm;
    let r = clinic(vm, name, args, kwargs, 1, 2)?;
    let width = ssize_arg(vm, &r.rest[0])?;
    let fill = match r.rest.get(1) {
        None => b' ',
        Some(v) => match as_bytes(&vm.gil, v) {
            Some(&[c]) => c,
            _ => {
                return Err(Raise::type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    attr::type_name(vm, v)
                )))
            }
        },
    };
    let Some(margin) = missing(width, r.data.len()) else {
        return Ok(same(&args[0], r.kind, r.data));
    };
    let left = left_of(margin, width as usize);
    Ok(r.kind.make(padded(r.data, fill, left, margin - left)?))
}

/// The receiver unchanged: itself for bytes, a copy for bytearray.
fn same(recv: &Value, kind: Kind, data: &[u8]) -> Value {
    match kind {
        Kind::Bytes => recv.clone(),
        Kind::ByteArray => kind.make(data.to_vec()),
    }
}

fn zfill(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let vm: &Vm = vm;
    let (r, width) = one_arg(vm, "zfill", args, kwargs)?;
    let width = ssize_arg(vm, width)?;
    let Some(margin) = missing(width, r.data.len()) else {
        return Ok(same(&args[0], r.kind, r.data));
    };
    let mut out = padded(r.data, b'0', margin, 0)?;
    if let Some(&sign @ (b'+' | b'-')) = r.data.first() {
        // The sign moves in front of the zeros: b"-42" -> b"-0042".
        out[margin] = b'0';
        out[0] = sign;
    }
    Ok(r.kind.make(out))
}

fn expandtabs(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let vm: &Vm = vm;
    let (r, [tabsize]) = keywords(vm, "expandtabs", args, kwargs, ["tabsize"])?;
    let tabsize = match tabsize {
        Some(v) => ssize_arg(vm, v)?,
        None => 8,
    };
    let too_long = || Raise::new(ExcKind::OverflowError, "result too long");
    let mut out = Vec::with_capacity(r.data.len());
    let mut column = 0usize;
    for &c in r.data {
        match c {
            b'\t' if tabsize > 0 => {
                let n = tabsize as usize - column % tabsize as usize;
                column = column.checked_add(n).ok_or_else(too_long)?;
                out.try_reserve(n).map_err(|_| too_long())?;
                out.resize(out.len() + n, b' ');
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(r.kind.make(out))
}

// ---------------------------------------------------------------------------
// hex and fromhex
// ---------------------------------------------------------------------------

fn hex(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let vm: &Vm = vm;
    let (r, [sep, per_group]) = keywords(vm, "hex", args, kwargs, ["sep", "bytes_per_sep"])?;
    let sep = match sep {
        None => None,
        Some(v) => Some(hex_separator(vm, v)?),
    };
    let per_group = match per_group {
        Some(v) => i32::try_from(ssize_arg(vm, v)?).map_err(|_| {
            Raise::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            )
        })?,
        None => 1,
    };
    let mut out = String::with_capacity(r.data.len() * 3);
    let n = r.data.len();
    let group = per_group.unsigned_abs() as usize;
    for (i, &c) in r.data.iter().enumerate() {
        if let Some(sep) = sep.filter(|_| i > 0 && group > 0) {
            // Groups are counted from the right for a positive size.
            let boundary = match per_group > 0 {
                true => (n - i) % group == 0,
                false => i % group == 0,
            };
            if boundary {
                out.push(sep as char);
            }
        }
        out.push(hex_digit(c >> 4) as char);
        out.push(hex_digit(c & 15) as char);
    }
    Ok(crate::object::PyStr::value(out))
}

/// The `sep` of `hex()`: one ASCII character, as a str or bytes.
fn hex_separator(vm: &Vm, v: &Value) -> PyResult<u8> {
    let (len, first) = match (v.as_object(), as_bytes(&vm.gil, v)) {
        (Some(Object::Str(s)), _) => {
            let c = s.text.chars().next();
            if s.text.chars().count() == 1 && !c.is_some_and(|c| c.is_ascii()) {
                return Err(Raise::value_error("sep must be ASCII."));
            }
            (s.text.chars().count(), c.map(|c| c as u32 as u8))
        }
        (_, Some(b)) => (b.len(), b.first().copied()),
        _ => {
            return Err(Raise::type_error(format!(
                "object of type '{}' has no len()",
                attr::type_name(vm, v)
            )))
        }
    };
    match (len, first) {
        (1, Some(c)) if c.is_ascii() => Ok(c),
        (1, _) => Err(Raise::value_error("sep must be ASCII.")),
        _ => Err(Raise::value_error("sep must be length 1.")),
    }
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)`: pairs of hex digits, ASCII
/// whitespace allowed between pairs. Reached through the class or an instance,
/// so a bytes receiver before the argument is skipped.
pub(super) fn fromhex(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, kind: Kind) -> PyResult<Value> {
    let args = match args {
        [recv, rest @ ..] if !rest.is_empty() && kind_of(recv).is_some() => rest,
        _ => args,
    };
    if !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "{}.fromhex() takes no keyword arguments",
            kind.name()
        )));
    }
    let [arg] = args else {
        return Err(Raise::type_error(format!(
            "{}.fromhex() takes exactly one argument ({} given)",
            kind.name(),
            args.len()
        )));
    };
    let Some(Object::Str(s)) = arg.as_object() else {
        return Err(Raise::type_error(format!(
            "fromhex() argument must be str, not {}",
            attr::type_name(vm, arg)
        )));
    };
    let chars: Vec<char> = s.text.chars().collect();
    let digit = |i: usize| chars.get(i).and_then(|c| c.to_digit(16));
    let invalid = |i: usize| {
        Raise::value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii() && is_space(chars[i] as u8) {
            i += 1;
            continue;
        }
        let top = digit(i).ok_or_else(|| invalid(i))?;
        let bottom = digit(i + 1).ok_or_else(|| invalid(i + 1))?;
        out.push((top * 16 + bottom) as u8);
        i += 2;
    }
    Ok(kind.make(out))
}

// ---------------------------------------------------------------------------
// translate and maketrans
// ---------------------------------------------------------------------------

fn translate(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let vm: &Vm = vm;
    if args.len() < 2 {
        return Err(Raise::type_error(format!(
            "translate() takes at least 1 positional argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let (r, [table, delete]) = keywords(vm, "translate", args, kwargs, ["table", "delete"])?;
    let table = match table {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = buffer_arg(vm, v)?;
            if t.len() != 256 {
                return Err(Raise::value_error(
                    "translation table must be 256 characters long",
                ));
            }
            Some(t)
        }
    };
    let delete = match delete {
        Some(v) => buffer_arg(vm, v)?,
        None => &[],
    };
    let out: Vec<u8> = r
        .data
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.map_or(c, |t| t[c as usize]))
        .collect();
    Ok(r.kind.make(out))
}

/// `bytes.maketrans(frm, to)`: a 256-byte table mapping each byte of `frm` to
/// the byte of `to` at the same place. A static method: reached through an
/// instance, the receiver comes first and is skipped.
fn maketrans(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let vm: &Vm = vm;
    let args = match args {
        [recv, rest @ ..] if rest.len() == 2 && kind_of(recv).is_some() => rest,
        _ => args,
    };
    if !kwargs.is_empty() {
        return Err(Raise::type_error("maketrans() takes no keyword arguments"));
    }
    let [frm, to] = args else {
        return Err(Raise::type_error(format!(
            "maketrans expected 2 arguments, got {}",
            args.len()
        )));
    };
    let (frm, to) = (buffer_arg(vm, frm)?, buffer_arg(vm, to)?);
    if frm.len() != to.len() {
        return Err(Raise::value_error(
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in frm.iter().zip(to) {
        table[f as usize] = t;
    }
    Ok(new_bytes(table))
}
