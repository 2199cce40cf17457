//! The searching, splitting, joining and trimming methods shared by bytes and
//! bytearray: count, find, rfind, index, rindex, startswith, endswith, split,
//! rsplit, splitlines, partition, rpartition, join, strip, lstrip, rstrip,
//! replace, removeprefix, removesuffix. Results take the receiver's type.

use super::args::{
    buffer_arg, clinic, keywords, needle_arg, no_args, one_arg, slice_arg, ssize_arg, varargs,
    window, Kwargs, Recv, Window,
};
use super::{as_bytes, find, rfind, Kind};
use crate::eval::attr;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{NativeFn, Object};
use crate::value::Value;

/// The method of this family called `name`.
pub(super) fn method(name: &str) -> Option<NativeFn> {
    let f: NativeFn = match name {
        "count" => count,
        "find" => |vm, a, k| Ok(found_or_minus_one(search(vm, "find", a, k, false)?)),
        "rfind" => |vm, a, k| Ok(found_or_minus_one(search(vm, "rfind", a, k, true)?)),
        "index" => |vm, a, k| found_or_raise(search(vm, "index", a, k, false)?),
        "rindex" => |vm, a, k| found_or_raise(search(vm, "rindex", a, k, true)?),
        "startswith" => |vm, a, k| tail_match(vm, "startswith", a, k, false),
        "endswith" => |vm, a, k| tail_match(vm, "endswith", a, k, true),
        "split" => |vm, a, k| split(vm, "split", a, k, false),
        "rsplit" => |vm, a, k| split(vm, "rsplit", a, k, true),
        "splitlines" => splitlines,
        "partition" => |vm, a, k| partition(vm, "partition", a, k, false),
        "rpartition" => |vm, a, k| partition(vm, "rpartition", a, k, true),
        "join" => join,
        "strip" => |vm, a, k| strip(vm, "strip", a, k, true, true),
        "lstrip" => |vm, a, k| strip(vm, "lstrip", a, k, true, false),
        "rstrip" => |vm, a, k| strip(vm, "rstrip", a, k, false, true),
        "replace" => replace,
        "removeprefix" => |vm, a, k| remove_affix(vm, "removeprefix", a, k, true),
        "removesuffix" => |vm, a, k| remove_affix(vm, "removesuffix", a, k, false),
        "isascii" => |vm, a, k| Ok(Value::Bool(no_args(vm, "isascii", a, k)?.data.is_ascii())),
        _ => return None,
    };
    Some(f)
}

/// ASCII whitespace, as `bytes.split()` and `strip()` see it (Py_ISSPACE).
pub(super) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// `part` of the receiver `args[0]` as a value of its type: the receiver
/// itself when it is bytes and `part` is all of it.
fn part_value(recv: &Value, r: &Recv, part: &[u8]) -> Value {
    if r.kind == Kind::Bytes && part.len() == r.data.len() {
        return recv.clone();
    }
    r.kind.make(part.to_vec())
}

fn list_value(items: Vec<Value>) -> Value {
    Value::obj(Object::List(GilCell::new(items)))
}

// ---------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------

/// The needle and the searched window of `find(sub[, start[, end]])` and kin.
fn find_args<'a>(
    vm: &'a Vm,
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
) -> PyResult<(Vec<u8>, Option<Window<'a>>)> {
    let r = varargs(vm, name, args, kwargs, 1, 3)?;
    let (start, end) = (slice_arg(r.rest.get(1))?, slice_arg(r.rest.get(2))?);
    let needle = needle_arg(vm, &r.rest[0])?;
    Ok((needle, window(r.data, start, end)))
}

fn search(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    last: bool,
) -> PyResult<Option<usize>> {
    let (needle, win) = find_args(vm, name, args, kwargs)?;
    let Some((win, offset)) = win else {
        return Ok(None);
    };
    let at = if last {
        rfind(win, &needle)
    } else {
        find(win, &needle)
    };
    Ok(at.map(|i| i + offset))
}

fn found_or_minus_one(at: Option<usize>) -> Value {
    Value::Int(at.map_or(-1, |i| i as i64))
}

fn found_or_raise(at: Option<usize>) -> PyResult<Value> {
    at.map(|i| Value::Int(i as i64))
        .ok_or_else(|| Raise::value_error("subsection not found"))
}

fn count(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (needle, win) = find_args(vm, "count", args, kwargs)?;
    let n = match win {
        None => 0,
        Some((win, _)) if needle.is_empty() => win.len() + 1,
        Some((mut win, _)) => {
            let mut n = 0;
            while let Some(i) = find(win, &needle) {
                n += 1;
                win = &win[i + needle.len()..];
            }
            n
        }
    };
    Ok(Value::Int(n as i64))
}

/// `startswith` / `endswith`: bytes-like or a tuple of them, tried in order.
fn tail_match(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    at_end: bool,
) -> PyResult<Value> {
    let vm: &Vm = vm;
    let r = varargs(vm, name, args, kwargs, 1, 3)?;
    let (start, end) = (slice_arg(r.rest.get(1))?, slice_arg(r.rest.get(2))?);
    let win = window(r.data, start, end).map(|(w, _)| w);
    let matches = |affix: &[u8]| match win {
        Some(w) if at_end => w.ends_with(affix),
        Some(w) => w.starts_with(affix),
        None => false,
    };
    if let Some(affix) = as_bytes(&vm.gil, &r.rest[0]) {
        return Ok(Value::Bool(matches(affix)));
    }
    if let Some(Object::Tuple(items)) = r.rest[0].as_object() {
        for item in items.iter() {
            if matches(buffer_arg(vm, item)?) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    Err(Raise::type_error(format!(
        "{name} first arg must be bytes or a tuple of bytes, not {}",
        attr::type_name(vm, &r.rest[0])
    )))
}

// ---------------------------------------------------------------------------
// Splitting and joining
// ---------------------------------------------------------------------------

fn split(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    from_right: bool,
) -> PyResult<Value> {
    let vm: &Vm = vm;
    let (r, [sep, maxsplit]) = keywords(vm, name, args, kwargs, ["sep", "maxsplit"])?;
    let max = match maxsplit {
        Some(v) => usize::try_from(ssize_arg(vm, v)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => Some(buffer_arg(vm, v)?),
    };
    let mut parts = match sep {
        Some([]) => return Err(Raise::value_error("empty separator")),
        Some(sep) => split_on(r.data, sep, max, from_right),
        None => split_whitespace(r.data, max, from_right),
    };
    if from_right {
        parts.reverse();
    }
    let items = parts.into_iter().map(|p| part_value(&args[0], &r, p));
    Ok(list_value(items.collect()))
}

/// Split on `sep` at most `max` times; from the right, parts come last first.
fn split_on<'a>(data: &'a [u8], sep: &[u8], mut max: usize, from_right: bool) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    let mut rest = data;
    while max > 0 {
        let at = if from_right {
            rfind(rest, sep)
        } else {
            find(rest, sep)
        };
        let Some(i) = at else { break };
        if from_right {
            parts.push(&rest[i + sep.len()..]);
            rest = &rest[..i];
        } else {
            parts.push(&rest[..i]);
            rest = &rest[i + sep.len()..];
        }
        max -= 1;
    }
    parts.push(rest);
    parts
}

/// Split on runs of ASCII whitespace, as CPython's `split_whitespace`.
fn split_whitespace(data: &[u8], mut max: usize, from_right: bool) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = data;
    loop {
        rest = trim(rest, is_space, !from_right, from_right);
        if rest.is_empty() {
            return parts;
        }
        if max == 0 {
            parts.push(rest);
            return parts;
        }
        if from_right {
            let start = rest.iter().rposition(|&c| is_space(c)).map_or(0, |i| i + 1);
            parts.push(&rest[start..]);
            rest = &rest[..start];
        } else {
            let end = rest.iter().position(|&c| is_space(c)).unwrap_or(rest.len());
            parts.push(&rest[..end]);
            rest = &rest[end..];
        }
        max -= 1;
    }
}

fn splitlines(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let vm: &Vm = vm;
    let (r, [keepends]) = keywords(vm, "splitlines", args, kwargs, ["keepends"])?;
    let keepends = match keepends {
        Some(v) => ssize_arg(vm, v)? != 0,
        None => false,
    };
    let data = r.data;
    let mut lines = Vec::new();
    let mut start = 0;
    while start < data.len() {
        let eol = data[start..]
            .iter()
            .position(|&c| c == b'\n' || c == b'\r')
            .map_or(data.len(), |i| start + i);
        let next = match data.get(eol) {
            None => eol,
            Some(b'\r') if data.get(eol + 1) == Some(&b'\n') => eol + 2,
            Some(_) => eol + 1,
        };
        let end = if keepends { next } else { eol };
        lines.push(part_value(&args[0], &r, &data[start..end]));
        start = next;
    }
    Ok(list_value(lines))
}

fn partition(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    last: bool,
) -> PyResult<Value> {
    let vm: &Vm = vm;
    let (r, sep) = one_arg(vm, name, args, kwargs)?;
    let sep = buffer_arg(vm, sep)?;
    if sep.is_empty() {
        return Err(Raise::value_error("empty separator"));
    }
    let at = if last {
        rfind(r.data, sep)
    } else {
        find(r.data, sep)
    };
    let empty = || r.kind.make(Vec::new());
    let whole = || part_value(&args[0], &r, r.data);
    let items = match at {
        Some(i) => [
            r.kind.make(r.data[..i].to_vec()),
            r.kind.make(sep.to_vec()),
            r.kind.make(r.data[i + sep.len()..].to_vec()),
        ],
        None if last => [empty(), empty(), whole()],
        None => [whole(), empty(), empty()],
    };
    Ok(Value::obj(Object::Tuple(Box::new(items))))
}

fn join(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (kind, iterable) = {
        let (r, iterable) = one_arg(vm, "join", args, kwargs)?;
        (r.kind, iterable.clone())
    };
    let items = match iterable.as_object() {
        Some(Object::List(l)) => l.get(&vm.gil).clone(),
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => vm.collect(&iterable).map_err(|e| match e {
            Raise::New(ExcKind::TypeError, msg) if msg.ends_with("object is not iterable") => {
                Raise::type_error("can only join an iterable")
            }
            e => e,
        })?,
    };
    let vm: &Vm = vm;
    let sep = as_bytes(&vm.gil, &args[0]).unwrap_or_default();
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(part) = as_bytes(&vm.gil, item) else {
            return Err(Raise::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                attr::type_name(vm, item)
            )));
        };
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(part);
    }
    Ok(kind.make(out))
}

// ---------------------------------------------------------------------------
// Trimming and replacing
// ---------------------------------------------------------------------------

/// `data` without the leading and/or trailing bytes that `strip` selects.
pub(super) fn trim(data: &[u8], strip: impl Fn(u8) -> bool, left: bool, right: bool) -> &[u8] {
    let start = match left {
        true => data.iter().position(|&c| !strip(c)).unwrap_or(data.len()),
        false => 0,
    };
    let end = match right {
        true => data[start..]
            .iter()
            .rposition(|&c| !strip(c))
            .map_or(start, |i| start + i + 1),
        false => data.len(),
    };
    &data[start..end]
}

fn strip(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let vm: &Vm = vm;
    let r = clinic(vm, name, args, kwargs, 0, 1)?;
    let part = match r.rest.first() {
        None | Some(Value::None) => trim(r.data, is_space, left, right),
        Some(v) => {
            let chars = buffer_arg(vm, v)?;
            trim(r.data, |c| chars.contains(&c), left, right)
        }
    };
    Ok(part_value(&args[0], &r, part))
}

fn replace(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let vm: &Vm = vm;
    let r = clinic(vm, "replace", args, kwargs, 2, 3)?;
    let (old, new) = (buffer_arg(vm, &r.rest[0])?, buffer_arg(vm, &r.rest[1])?);
    let mut limit = match r.rest.get(2) {
        Some(v) => usize::try_from(ssize_arg(vm, v)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    let data = r.data;
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        // The new bytes go before every byte and at the end, `limit` times.
        for (i, &c) in data.iter().enumerate() {
            if limit == 0 {
                out.extend_from_slice(&data[i..]);
                return Ok(r.kind.make(out));
            }
            out.extend_from_slice(new);
            out.push(c);
            limit -= 1;
        }
        if limit > 0 {
            out.extend_from_slice(new);
        }
        return Ok(r.kind.make(out));
    }
    let mut rest = data;
    while limit > 0 {
        let Some(i) = find(rest, old) else { break };
        out.extend_from_slice(&rest[..i]);
        out.extend_from_slice(new);
        rest = &rest[i + old.len()..];
        limit -= 1;
    }
    out.extend_from_slice(rest);
    if r.kind == Kind::Bytes && out[..] == *data {
        return Ok(args[0].clone());
    }
    Ok(r.kind.make(out))
}

fn remove_affix(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    prefix: bool,
) -> PyResult<Value> {
    let vm: &Vm = vm;
    let (r, affix) = one_arg(vm, name, args, kwargs)?;
    let affix = buffer_arg(vm, affix)?;
    let part = match prefix {
        true => r.data.strip_prefix(affix),
        false => r.data.strip_suffix(affix),
    };
    Ok(part_value(&args[0], &r, part.unwrap_or(r.data)))
}
