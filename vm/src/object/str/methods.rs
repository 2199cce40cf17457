//! The native methods of `str` (`'a b'.split()`, `s.strip('x')`, ...) and the
//! argument checks they share, worded as CPython 3.11 words them. Each method
//! takes the receiver as `args[0]`; `method` in `mod.rs` maps names to them.
//! Per-character Unicode data lives in `unicode.rs`, not here.

use super::unicode::{
    is_cased, is_line_break, is_space, is_titlecase, is_xid_continue, is_xid_start, push_casefold,
    push_lower, push_title,
};
use super::{char_index, char_len, new_value, window, Kwargs, Window};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::Object;
use crate::value::Value;
use num_bigint::Sign;

// ---------------------------------------------------------------------------
// Argument checking, worded as CPython 3.11 words it
// ---------------------------------------------------------------------------

/// The text of a str value.
#[inline]
fn as_str(v: &Value) -> Option<&str> {
    match v.as_object() {
        Some(Object::Str(s)) => Some(&s.text),
        _ => None,
    }
}

/// The receiver's text and the call's own positional arguments.
fn receiver<'a>(name: &str, args: &'a [Value]) -> PyResult<(&'a str, &'a [Value])> {
    match args.split_first() {
        Some((recv, rest)) => match as_str(recv) {
            Some(s) => Ok((s, rest)),
            None => Err(Raise::type_error(format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
                type_name(recv)
            ))),
        },
        None => Err(Raise::type_error(format!(
            "unbound method str.{name}() needs an argument"
        ))),
    }
}

fn no_keywords(name: &str, kwargs: &Kwargs) -> PyResult<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        Err(Raise::type_error(format!(
            "str.{name}() takes no keyword arguments"
        )))
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        "argument"
    } else {
        "arguments"
    }
}

/// A method without parameters (`str.lower()`): the receiver's text.
fn no_args<'a>(name: &str, args: &'a [Value], kwargs: &Kwargs) -> PyResult<&'a str> {
    let (s, rest) = receiver(name, args)?;
    no_keywords(name, kwargs)?;
    if !rest.is_empty() {
        return Err(Raise::type_error(format!(
            "str.{name}() takes no arguments ({} given)",
            rest.len()
        )));
    }
    Ok(s)
}

/// A method of exactly one positional parameter (CPython's METH_O).
fn one_arg<'a>(name: &str, args: &'a [Value], kwargs: &Kwargs) -> PyResult<(&'a str, &'a Value)> {
    let (s, rest) = receiver(name, args)?;
    no_keywords(name, kwargs)?;
    match rest {
        [arg] => Ok((s, arg)),
        _ => Err(Raise::type_error(format!(
            "str.{name}() takes exactly one argument ({} given)",
            rest.len()
        ))),
    }
}

/// Positional-only parameters checked by Argument Clinic (`center`, `strip`).
fn clinic<'a>(
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
    min: usize,
    max: usize,
) -> PyResult<(&'a str, &'a [Value])> {
    let (s, rest) = receiver(name, args)?;
    no_keywords(name, kwargs)?;
    let n = rest.len();
    if n < min {
        return Err(Raise::type_error(format!(
            "{name} expected at least {min} {}, got {n}",
            plural(min)
        )));
    }
    if n > max {
        return Err(Raise::type_error(format!(
            "{name} expected at most {max} {}, got {n}",
            plural(max)
        )));
    }
    Ok((s, rest))
}

/// Positional-only parameters checked by `PyArg_ParseTuple` (`find`, `count`).
fn varargs<'a>(
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
    min: usize,
    max: usize,
) -> PyResult<(&'a str, &'a [Value])> {
    let (s, rest) = receiver(name, args)?;
    no_keywords(name, kwargs)?;
    let n = rest.len();
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
    Ok((s, rest))
}

/// Optional parameters that may also be passed by name (`split(sep, maxsplit)`),
/// checked in the order of CPython's `_PyArg_UnpackKeywords`.
fn keywords<'a, const N: usize>(
    name: &str,
    args: &'a [Value],
    kwargs: &'a Kwargs,
    names: [&str; N],
) -> PyResult<(&'a str, [Option<&'a Value>; N])> {
    let (s, rest) = receiver(name, args)?;
    let given = rest.len() + kwargs.len();
    if given > N {
        let keyword = if rest.is_empty() { "keyword " } else { "" };
        return Err(Raise::type_error(format!(
            "{name}() takes at most {N} {keyword}{} ({given} given)",
            plural(N)
        )));
    }
    let mut out = [None; N];
    for (slot, arg) in out.iter_mut().zip(rest) {
        *slot = Some(arg);
    }
    for (key, value) in kwargs {
        match names.iter().position(|n| **n == **key) {
            Some(i) if i < rest.len() => {
                return Err(Raise::type_error(format!(
                    "argument for {name}() given by name ('{key}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(value),
            None => {}
        }
    }
    if let Some((key, _)) = kwargs.iter().find(|(k, _)| !names.contains(&&**k)) {
        return Err(Raise::type_error(format!(
            "'{key}' is an invalid keyword argument for {name}()"
        )));
    }
    Ok((s, out))
}

/// An argument that must be a str: "must be str, not int".
fn str_arg(v: &Value) -> PyResult<&str> {
    as_str(v).ok_or_else(|| Raise::type_error(format!("must be str, not {}", type_name(v))))
}

/// A Py_ssize_t argument (`width`, `count`, `maxsplit`).
fn ssize_arg(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Obj(o) if matches!(o.get(), Object::BigInt(_)) => Err(Raise::new(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
        _ => Err(not_an_integer(v)),
    }
}

/// A C int argument (`tabsize`, `keepends`).
fn int_arg(v: &Value) -> PyResult<i32> {
    let too_large = || {
        Raise::new(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        )
    };
    match v {
        Value::Int(i) => i32::try_from(*i).map_err(|_| too_large()),
        Value::Bool(b) => Ok(*b as i32),
        Value::Obj(o) if matches!(o.get(), Object::BigInt(_)) => Err(too_large()),
        _ => Err(not_an_integer(v)),
    }
}

fn not_an_integer(v: &Value) -> Raise {
    Raise::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(v)
    ))
}

/// A slice bound (`start`, `end` of `find`): None or an int; ints beyond i64
/// are clamped, as CPython's `_PyEval_SliceIndex` clamps them.
fn slice_arg(v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(Value::Bool(b)) => Ok(Some(*b as i64)),
        Some(Value::Obj(o)) => match o.get() {
            Object::BigInt(b) if b.sign() == Sign::Minus => Ok(Some(i64::MIN)),
            Object::BigInt(_) => Ok(Some(i64::MAX)),
            _ => Err(bad_slice_index()),
        },
        Some(_) => Err(bad_slice_index()),
    }
}

fn bad_slice_index() -> Raise {
    Raise::type_error("slice indices must be integers or None or have an __index__ method")
}

/// Where allocating a result fails (CPython's bare `MemoryError`).
pub(super) fn memory_error() -> Raise {
    Raise::Bare(ExcKind::MemoryError)
}

/// The type name an error message shows (`'int' object ...`): a GIL-free
/// twin of `eval::attr::type_name` for what these methods can be given.
fn type_name(v: &Value) -> &str {
    match v {
        Value::None => "NoneType",
        Value::Bool(_) => "bool",
        Value::Int(_) => "int",
        Value::Float(_) => "float",
        Value::Obj(o) => match o.get() {
            Object::Str(_) => "str",
            Object::Bytes(_) => "bytes",
            Object::ByteArray(_) => "bytearray",
            Object::BigInt(_) => "int",
            Object::Complex(_) => "complex",
            Object::Tuple(_) => "tuple",
            Object::List(_) => "list",
            Object::Dict(_) => "dict",
            Object::Set(_) => "set",
            Object::FrozenSet(_) => "frozenset",
            Object::DictView { kind, .. } => kind.name(),
            Object::Range { .. } => "range",
            Object::Slice { .. } => "slice",
            Object::Iter(_) => "iterator",
            Object::Function(_) => "function",
            Object::Builtin(_) => "builtin_function_or_method",
            Object::HostFn(_) => "builtin_function_or_method",
            Object::Method { .. } => "method",
            Object::Class(_) => "type",
            Object::Stream(s) => match s.class.get() {
                Object::Class(c) => &c.name,
                _ => "object",
            },
            Object::Instance(crate::object::Instance { class, .. })
            | Object::Native(crate::object::Native { class, .. }) => match class.get() {
                Object::Class(c) => &c.name,
                _ => "object",
            },
            Object::Module(_) => "module",
            Object::Cell(_) => "cell",
            Object::Code(_) => "code",
            Object::Generator(g) => g.kind.builtin_type_name(),
            Object::Property { .. } => "property",
            Object::ClassMethod(_) => "classmethod",
            Object::StaticMethod(_) => "staticmethod",
            Object::Super { .. } => "super",
            Object::Ellipsis => "ellipsis",
        },
    }
}

fn bool_value(b: bool) -> PyResult<Value> {
    Ok(Value::Bool(b))
}

fn int_value(i: usize) -> PyResult<Value> {
    Ok(Value::Int(i as i64))
}

pub(super) fn list_value(items: Vec<Value>) -> Value {
    Value::obj(Object::List(GilCell::new(items)))
}

fn tuple_value(items: [Value; 3]) -> Value {
    Value::obj(Object::Tuple(Box::new(items)))
}

/// `part` (a slice of the receiver `whole`) as a value: the receiver itself when
/// `part` is all of it, as CPython returns `self` from a no-op strip or split.
fn part_value(recv: &Value, whole: &str, part: &str) -> Value {
    if part.len() == whole.len() {
        recv.clone()
    } else {
        new_value(part.to_owned())
    }
}

// ---------------------------------------------------------------------------
// Searching: find, rfind, index, rindex, count, startswith, endswith
// ---------------------------------------------------------------------------

/// The shared parse of `find(sub[, start[, end]])` and its kin.
fn find_args<'a>(
    name: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
) -> PyResult<(&'a str, Option<Window<'a>>)> {
    let (s, rest) = varargs(name, args, kwargs, 1, 3)?;
    let (start, end) = (slice_arg(rest.get(1))?, slice_arg(rest.get(2))?);
    let sub = str_arg(&rest[0])?;
    Ok((sub, window(s, start, end)))
}

/// The char index of the first (or last) `sub` in the window, if any.
pub(super) fn search(
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    last: bool,
) -> PyResult<Option<usize>> {
    let (sub, win) = find_args(name, args, kwargs)?;
    let Some((win, first)) = win else {
        return Ok(None);
    };
    let at = if last { win.rfind(sub) } else { win.find(sub) };
    Ok(at.map(|at| first + char_index(win, at)))
}

pub(super) fn found_or_minus_one(at: Option<usize>) -> PyResult<Value> {
    Ok(Value::Int(at.map_or(-1, |i| i as i64)))
}

pub(super) fn found_or_raise(at: Option<usize>) -> PyResult<Value> {
    at.map(|i| Value::Int(i as i64))
        .ok_or_else(|| Raise::value_error("substring not found"))
}

pub(super) fn count(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (sub, win) = find_args("count", args, kwargs)?;
    match win {
        None => int_value(0),
        Some((win, _)) if sub.is_empty() => int_value(char_len(win) + 1),
        Some((win, _)) => int_value(win.matches(sub).count()),
    }
}

/// `startswith` / `endswith`: a str or a tuple of strs, tried in order.
pub(super) fn tail_match(
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    at_end: bool,
) -> PyResult<Value> {
    let (s, rest) = varargs(name, args, kwargs, 1, 3)?;
    let (start, end) = (slice_arg(rest.get(1))?, slice_arg(rest.get(2))?);
    let win = window(s, start, end).map(|(w, _)| w);
    let matches = |affix: &str| match win {
        Some(w) if at_end => w.ends_with(affix),
        Some(w) => w.starts_with(affix),
        None => false,
    };
    if let Some(affix) = as_str(&rest[0]) {
        return bool_value(matches(affix));
    }
    if let Some(Object::Tuple(items)) = rest[0].as_object() {
        for item in items.iter() {
            let affix = as_str(item).ok_or_else(|| {
                Raise::type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    type_name(item)
                ))
            })?;
            if matches(affix) {
                return bool_value(true);
            }
        }
        return bool_value(false);
    }
    Err(Raise::type_error(format!(
        "{name} first arg must be str or a tuple of str, not {}",
        type_name(&rest[0])
    )))
}

// ---------------------------------------------------------------------------
// Splitting and joining
// ---------------------------------------------------------------------------

/// `split`/`rsplit` arguments: the separator (None: runs of whitespace) and the
/// most splits to make (None: no limit).
fn split_args<'a>(
    name: &str,
    args: &'a [Value],
    kwargs: &'a Kwargs,
) -> PyResult<(&'a str, Option<&'a str>, Option<usize>)> {
    let (s, [sep, maxsplit]) = keywords(name, args, kwargs, ["sep", "maxsplit"])?;
    let maxsplit = match maxsplit {
        None => None,
        Some(v) => usize::try_from(ssize_arg(v)?).ok(),
    };
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => Some(as_str(v).ok_or_else(|| {
            Raise::type_error(format!("must be str or None, not {}", type_name(v)))
        })?),
    };
    if sep == Some("") {
        return Err(Raise::value_error("empty separator"));
    }
    Ok((s, sep, maxsplit))
}

pub(super) fn split(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (s, sep, maxsplit) = split_args("split", args, kwargs)?;
    let parts: Vec<&str> = match (sep, maxsplit) {
        (None, _) => split_whitespace(s, maxsplit.unwrap_or(usize::MAX)),
        (Some(sep), None) => s.split(sep).collect(),
        (Some(sep), Some(n)) => s.splitn(n.saturating_add(1), sep).collect(),
    };
    Ok(parts_value(&args[0], s, parts))
}

pub(super) fn rsplit(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (s, sep, maxsplit) = split_args("rsplit", args, kwargs)?;
    let mut parts: Vec<&str> = match (sep, maxsplit) {
        (None, _) => rsplit_whitespace(s, maxsplit.unwrap_or(usize::MAX)),
        (Some(sep), None) => s.rsplit(sep).collect(),
        (Some(sep), Some(n)) => s.rsplitn(n.saturating_add(1), sep).collect(),
    };
    parts.reverse();
    Ok(parts_value(&args[0], s, parts))
}

/// A list of parts of the receiver.
fn parts_value(recv: &Value, s: &str, parts: Vec<&str>) -> Value {
    list_value(parts.into_iter().map(|p| part_value(recv, s, p)).collect())
}

/// CPython's `split_whitespace`: runs of non-space, at most `max` splits, the
/// rest (leading space removed) as the last part.
fn split_whitespace(s: &str, mut max: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s;
    while max > 0 {
        rest = rest.trim_start_matches(is_space);
        if rest.is_empty() {
            return parts;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        parts.push(&rest[..end]);
        rest = &rest[end..];
        max -= 1;
    }
    let rest = rest.trim_start_matches(is_space);
    if !rest.is_empty() {
        parts.push(rest);
    }
    parts
}

/// The mirror image of [`split_whitespace`], parts in reverse order.
fn rsplit_whitespace(s: &str, mut max: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s;
    while max > 0 {
        rest = rest.trim_end_matches(is_space);
        if rest.is_empty() {
            return parts;
        }
        let start = rest
            .char_indices()
            .rev()
            .find(|&(_, c)| is_space(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        parts.push(&rest[start..]);
        rest = &rest[..start];
        max -= 1;
    }
    let rest = rest.trim_end_matches(is_space);
    if !rest.is_empty() {
        parts.push(rest);
    }
    parts
}

pub(super) fn splitlines(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (s, [keepends]) = keywords("splitlines", args, kwargs, ["keepends"])?;
    let keepends = match keepends {
        Some(v) => int_arg(v)? != 0,
        None => false,
    };
    let mut lines = Vec::new();
    let mut start = 0;
    while start < s.len() {
        let rest = &s[start..];
        let (eol, next) = match rest.char_indices().find(|&(_, c)| is_line_break(c)) {
            None => (s.len(), s.len()),
            Some((i, c)) => {
                let width = if rest[i..].starts_with("\r\n") {
                    2
                } else {
                    c.len_utf8()
                };
                (start + i, start + i + width)
            }
        };
        let end = if keepends { next } else { eol };
        lines.push(part_value(&args[0], s, &s[start..end]));
        start = next;
    }
    Ok(list_value(lines))
}

pub(super) fn partition(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (s, sep_value) = one_arg("partition", args, kwargs)?;
    let sep = partition_sep(sep_value)?;
    let empty = || new_value(String::new());
    Ok(match s.find(sep) {
        Some(i) => tuple_value([
            new_value(s[..i].to_owned()),
            sep_value.clone(),
            new_value(s[i + sep.len()..].to_owned()),
        ]),
        None => tuple_value([args[0].clone(), empty(), empty()]),
    })
}

pub(super) fn rpartition(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (s, sep_value) = one_arg("rpartition", args, kwargs)?;
    let sep = partition_sep(sep_value)?;
    let empty = || new_value(String::new());
    Ok(match s.rfind(sep) {
        Some(i) => tuple_value([
            new_value(s[..i].to_owned()),
            sep_value.clone(),
            new_value(s[i + sep.len()..].to_owned()),
        ]),
        None => tuple_value([empty(), empty(), args[0].clone()]),
    })
}

fn partition_sep(v: &Value) -> PyResult<&str> {
    match str_arg(v)? {
        "" => Err(Raise::value_error("empty separator")),
        sep => Ok(sep),
    }
}

pub(super) fn join(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (sep, iterable) = one_arg("join", args, kwargs)?;
    match iterable.as_object() {
        Some(Object::List(items)) => join_items(sep, items.get(&vm.gil)),
        Some(Object::Tuple(items)) => join_items(sep, items),
        None => Err(Raise::type_error("can only join an iterable")),
        _ => {
            let items = vm.collect(iterable).map_err(|e| match e {
                Raise::New(ExcKind::TypeError, msg) if msg.ends_with("object is not iterable") => {
                    Raise::type_error("can only join an iterable")
                }
                e => e,
            })?;
            join_items(sep, &items)
        }
    }
}

/// The text of a str, or of an instance of a str subclass.
fn item_str(v: &Value) -> Option<&str> {
    as_str(v).or_else(|| match v.as_object() {
        Some(Object::Instance(i)) => i.payload.as_ref().and_then(as_str),
        _ => None,
    })
}

/// `sep.join(items)` once the items are in hand.
fn join_items(sep: &str, items: &[Value]) -> PyResult<Value> {
    let mut total = sep.len() * items.len().saturating_sub(1);
    for (i, item) in items.iter().enumerate() {
        match item_str(item) {
            Some(s) => total += s.len(),
            None => {
                return Err(Raise::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    type_name(item)
                )))
            }
        }
    }
    if let [only] = items {
        if as_str(only).is_some() {
            return Ok(only.clone());
        }
    }
    let mut out = String::with_capacity(total);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item_str(item).unwrap_or_default());
    }
    Ok(new_value(out))
}

// ---------------------------------------------------------------------------
// Trimming, padding, replacing
// ---------------------------------------------------------------------------

/// `strip`/`lstrip`/`rstrip`: whitespace, or any of the chars given.
pub(super) fn strip_with(
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let (s, rest) = clinic(name, args, kwargs, 0, 1)?;
    let chars = match rest.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(
            as_str(v)
                .ok_or_else(|| Raise::type_error(format!("{name} arg must be None or str")))?,
        ),
    };
    let trim = |s: &'_ str, pat: &dyn Fn(char) -> bool| -> (usize, usize) {
        let start = if left {
            s.len() - s.trim_start_matches(pat).len()
        } else {
            0
        };
        let end = if right {
            s[start..].trim_end_matches(pat).len() + start
        } else {
            s.len()
        };
        (start, end)
    };
    let (start, end) = match chars {
        None => trim(s, &is_space),
        Some(chars) => trim(s, &|c| chars.contains(c)),
    };
    Ok(part_value(&args[0], s, &s[start..end]))
}

/// CPython's `pad` for `center`: the odd char goes left only when the margin
/// and the width are both odd.
pub(super) fn center_left(margin: usize, width: usize) -> usize {
    margin / 2 + (margin & width & 1)
}

/// `center`/`ljust`/`rjust`: `fill` chars to make `width`, split as `left_of`
/// says (given the margin and the width) between the two sides.
pub(super) fn pad_with(
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    left_of: fn(usize, usize) -> usize,
) -> PyResult<Value> {
    let (s, rest) = clinic(name, args, kwargs, 1, 2)?;
    let width = ssize_arg(&rest[0])?;
    let fill = match rest.get(1) {
        None => ' ',
        Some(v) => {
            let text = as_str(v).ok_or_else(|| {
                Raise::type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    type_name(v)
                ))
            })?;
            let mut chars = text.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(Raise::type_error(
                        "The fill character must be exactly one character long",
                    ))
                }
            }
        }
    };
    let len = char_len(s);
    if width <= len as i64 {
        return Ok(args[0].clone());
    }
    let margin = width as usize - len;
    let left = left_of(margin, width as usize);
    Ok(new_value(padded(s, fill, left, margin - left)?))
}

/// `s` with `left` and `right` copies of `fill` around it.
fn padded(s: &str, fill: char, left: usize, right: usize) -> PyResult<String> {
    let bytes = (left + right)
        .checked_mul(fill.len_utf8())
        .and_then(|b| b.checked_add(s.len()));
    let mut out = String::new();
    out.try_reserve_exact(bytes.ok_or_else(memory_error)?)
        .map_err(|_| memory_error())?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

pub(super) fn zfill(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (s, width) = one_arg("zfill", args, kwargs)?;
    let width = ssize_arg(width)?;
    let len = char_len(s);
    if width <= len as i64 {
        return Ok(args[0].clone());
    }
    let mut out = padded(s, '0', width as usize - len, 0)?;
    if let Some(sign @ ('+' | '-')) = s.chars().next() {
        // The sign moves in front of the zeros: "-42" -> "-0042".
        out.remove(width as usize - len);
        out.insert(0, sign);
    }
    Ok(new_value(out))
}

pub(super) fn expandtabs(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (s, [tabsize]) = keywords("expandtabs", args, kwargs, ["tabsize"])?;
    let tabsize = match tabsize {
        Some(v) => int_arg(v)?,
        None => 8,
    };
    if !s.contains('\t') {
        return Ok(args[0].clone());
    }
    let too_long = || Raise::new(ExcKind::OverflowError, "new string is too long");
    // First the length, so an absurd tab size fails before allocating.
    let (mut bytes, mut column) = (0usize, 0usize);
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let n = tabsize as usize - column % tabsize as usize;
                column = column.checked_add(n).ok_or_else(too_long)?;
                bytes = bytes.checked_add(n).ok_or_else(too_long)?;
            }
        } else {
            column = if matches!(c, '\n' | '\r') {
                0
            } else {
                column + 1
            };
            bytes += c.len_utf8();
        }
    }
    if bytes > isize::MAX as usize {
        return Err(too_long());
    }
    let mut out = String::new();
    out.try_reserve_exact(bytes).map_err(|_| memory_error())?;
    column = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let n = tabsize as usize - column % tabsize as usize;
                out.extend(std::iter::repeat_n(' ', n));
                column += n;
            }
        } else {
            out.push(c);
            column = if matches!(c, '\n' | '\r') {
                0
            } else {
                column + 1
            };
        }
    }
    Ok(new_value(out))
}

pub(super) fn replace(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (s, rest) = clinic("replace", args, kwargs, 2, 3)?;
    let arg = |i: usize| {
        as_str(&rest[i]).ok_or_else(|| {
            Raise::type_error(format!(
                "replace() argument {} must be str, not {}",
                i + 1,
                type_name(&rest[i])
            ))
        })
    };
    let (old, new) = (arg(0)?, arg(1)?);
    let limit = match rest.get(2) {
        Some(v) => usize::try_from(ssize_arg(v)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    if limit == 0 || old == new {
        return Ok(args[0].clone());
    }
    let hits: Vec<usize> = s.match_indices(old).take(limit).map(|(at, _)| at).collect();
    if hits.is_empty() {
        return Ok(args[0].clone());
    }
    let growth = (new.len() as i128 - old.len() as i128) * hits.len() as i128;
    let bytes = s.len() as i128 + growth;
    if bytes > isize::MAX as i128 {
        return Err(Raise::new(
            ExcKind::OverflowError,
            "replace string is too long",
        ));
    }
    let mut out = String::new();
    out.try_reserve_exact(bytes as usize)
        .map_err(|_| memory_error())?;
    let mut last = 0;
    for at in hits {
        out.push_str(&s[last..at]);
        out.push_str(new);
        last = at + old.len();
    }
    out.push_str(&s[last..]);
    Ok(new_value(out))
}

pub(super) fn removeprefix(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (s, affix) = one_arg("removeprefix", args, kwargs)?;
    match s.strip_prefix(affix_arg("removeprefix", affix)?) {
        Some(rest) => Ok(part_value(&args[0], s, rest)),
        None => Ok(args[0].clone()),
    }
}

pub(super) fn removesuffix(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (s, affix) = one_arg("removesuffix", args, kwargs)?;
    match s.strip_suffix(affix_arg("removesuffix", affix)?) {
        Some(rest) => Ok(part_value(&args[0], s, rest)),
        None => Ok(args[0].clone()),
    }
}

fn affix_arg<'a>(name: &str, v: &'a Value) -> PyResult<&'a str> {
    as_str(v).ok_or_else(|| {
        Raise::type_error(format!(
            "{name}() argument must be str, not {}",
            type_name(v)
        ))
    })
}

// ---------------------------------------------------------------------------
// Case mapping
// ---------------------------------------------------------------------------

pub(super) fn lower(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = no_args("lower", args, kwargs)?;
    if s.is_ascii() {
        return Ok(new_value(s.to_ascii_lowercase()));
    }
    // Rust's `to_lowercase` applies the Final_Sigma rule as CPython does.
    Ok(new_value(s.to_lowercase()))
}

pub(super) fn upper(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = no_args("upper", args, kwargs)?;
    if s.is_ascii() {
        return Ok(new_value(s.to_ascii_uppercase()));
    }
    Ok(new_value(s.to_uppercase()))
}

pub(super) fn casefold(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = no_args("casefold", args, kwargs)?;
    if s.is_ascii() {
        return Ok(new_value(s.to_ascii_lowercase()));
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_casefold(c, &mut out);
    }
    Ok(new_value(out))
}

pub(super) fn swapcase(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = no_args("swapcase", args, kwargs)?;
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c.is_uppercase() {
            push_lower(s, i, c, &mut out);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    Ok(new_value(out))
}

/// CPython 3.8+: the first char in titlecase, the rest lowercased.
pub(super) fn capitalize(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = no_args("capitalize", args, kwargs)?;
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if i == 0 {
            push_title(c, &mut out);
        } else {
            push_lower(s, i, c, &mut out);
        }
    }
    Ok(new_value(out))
}

/// Titlecase after an uncased char, lowercase after a cased one.
pub(super) fn title(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = no_args("title", args, kwargs)?;
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, c) in s.char_indices() {
        if previous_is_cased {
            push_lower(s, i, c, &mut out);
        } else {
            push_title(c, &mut out);
        }
        previous_is_cased = is_cased(c);
    }
    Ok(new_value(out))
}

// ---------------------------------------------------------------------------
// Predicates: isalpha, isdigit, istitle, ...
// ---------------------------------------------------------------------------

/// `str.isX()` for a per-char test: false on the empty string.
pub(super) fn all_chars(
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    test: fn(char) -> bool,
) -> PyResult<Value> {
    let s = no_args(name, args, kwargs)?;
    bool_value(!s.is_empty() && s.chars().all(test))
}

pub(super) fn isascii(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    bool_value(no_args("isascii", args, kwargs)?.is_ascii())
}

pub(super) fn isprintable(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = no_args("isprintable", args, kwargs)?;
    bool_value(s.chars().all(|c| gilt_parser::repr::is_printable(c as u32)))
}

pub(super) fn isidentifier(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = no_args("isidentifier", args, kwargs)?;
    let mut chars = s.chars();
    let ok = chars.next().is_some_and(is_xid_start) && chars.all(is_xid_continue);
    bool_value(ok)
}

/// Some cased char, and no uppercase or titlecase one.
pub(super) fn islower(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = no_args("islower", args, kwargs)?;
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            return bool_value(false);
        }
        cased |= c.is_lowercase();
    }
    bool_value(cased)
}

/// Some cased char, and no lowercase or titlecase one.
pub(super) fn isupper(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = no_args("isupper", args, kwargs)?;
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || is_titlecase(c) {
            return bool_value(false);
        }
        cased |= c.is_uppercase();
    }
    bool_value(cased)
}

/// Uppercase/titlecase chars only after uncased ones, lowercase only after
/// cased ones, and at least one cased char.
pub(super) fn istitle(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let s = no_args("istitle", args, kwargs)?;
    let (mut cased, mut previous_is_cased) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if previous_is_cased {
                return bool_value(false);
            }
            (previous_is_cased, cased) = (true, true);
        } else if c.is_lowercase() {
            if !previous_is_cased {
                return bool_value(false);
            }
            (previous_is_cased, cased) = (true, true);
        } else {
            previous_is_cased = false;
        }
    }
    bool_value(cased)
}
