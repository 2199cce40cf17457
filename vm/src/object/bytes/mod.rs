//! `bytes` (immutable, `Object::Bytes`) and `bytearray` (mutable, its bytes in a
//! `GilCell`, `Object::ByteArray`): the helpers the evaluation loop calls on them
//! (repr, hash, comparison, `+`, `*`, `in`, indexing, iteration) and the method
//! table both types share.
//!
//! One implementation serves both types: a method reads its receiver as a byte
//! slice and makes its result with the receiver's [`Kind`], so `bytearray(b'a
//! b').split()` gives bytearrays where `b'a b'.split()` gives bytes. Semantics,
//! argument checks and messages are CPython 3.11's. Known differences: objects
//! with `__index__` or the buffer protocol (memoryview, array) are not accepted
//! where CPython accepts them, and iterators over both are of the plain
//! `iterator` type (they do see a bytearray change while iterating).
//!
//! `args.rs` checks arguments, `construct.rs` holds `bytes(...)` and
//! `bytearray(...)`, `methods.rs` the searching/splitting methods, `text.rs` the
//! case, padding, predicate, hex and translate methods, `mutate.rs` the
//! bytearray mutators and item assignment, `codec.rs` encode/decode.

mod args;
pub mod codec;
mod construct;
mod methods;
mod mutate;
mod text;

pub use construct::{construct, from_iterable};
pub use mutate::{delitem, inplace_concat, inplace_repeat, setitem};

use crate::eval::attr;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::{Gil, GilCell};
use crate::interp::Vm;
use crate::object::{BuiltinType, NativeFn, Object};
use crate::value::Value;
use std::cmp::Ordering;

/// Which of the two byte-sequence types a value or a result is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Bytes,
    ByteArray,
}

impl Kind {
    /// The Python type name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Bytes => "bytes",
            Kind::ByteArray => "bytearray",
        }
    }

    /// A new value of this type holding `data`.
    pub fn make(self, data: Vec<u8>) -> Value {
        match self {
            Kind::Bytes => new_bytes(data),
            Kind::ByteArray => new_bytearray(data),
        }
    }

    /// The kind a builtin type stands for.
    pub fn of_type(t: BuiltinType) -> Option<Kind> {
        match t {
            BuiltinType::Bytes => Some(Kind::Bytes),
            BuiltinType::ByteArray => Some(Kind::ByteArray),
            _ => None,
        }
    }
}

/// A `bytes` value.
pub fn new_bytes(data: Vec<u8>) -> Value {
    Value::obj(Object::Bytes(data.into_boxed_slice()))
}

/// A `bytearray` value.
pub fn new_bytearray(data: Vec<u8>) -> Value {
    Value::obj(Object::ByteArray(GilCell::new(data)))
}

/// The kind of `v`, if it is a bytes or a bytearray.
#[inline]
pub fn kind_of(v: &Value) -> Option<Kind> {
    match v.as_object() {
        Some(Object::Bytes(_)) => Some(Kind::Bytes),
        Some(Object::ByteArray(_)) => Some(Kind::ByteArray),
        _ => None,
    }
}

/// The bytes of a bytes or bytearray value (a bytes-like object).
#[inline]
pub fn as_bytes<'a>(gil: &'a Gil, v: &'a Value) -> Option<&'a [u8]> {
    match v.as_object() {
        Some(Object::Bytes(b)) => Some(b),
        Some(Object::ByteArray(b)) => Some(b.get(gil)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// repr, hash, comparison
// ---------------------------------------------------------------------------

/// `repr()`: `b'...'` as CPython writes it, or `bytearray(b'...')`.
///
/// Both prefer single quotes and switch to double quotes when the data holds
/// a `'` and no `"`. bytes escapes the chosen quote; bytearray always escapes
/// `'` (CPython's `bytearray_repr` does), whatever the quote.
pub fn repr(data: &[u8], kind: Kind) -> String {
    let double = data.contains(&b'\'') && !data.contains(&b'"');
    let quote = if double { b'"' } else { b'\'' };
    let mut out = String::with_capacity(data.len() + 14);
    if kind == Kind::ByteArray {
        out.push_str("bytearray(");
    }
    out.push('b');
    out.push(quote as char);
    for &c in data {
        let escaped = c == b'\\' || c == quote || (kind == Kind::ByteArray && c == b'\'');
        match c {
            _ if escaped => {
                out.push('\\');
                out.push(c as char);
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7e => out.push(c as char),
            _ => {
                out.push_str("\\x");
                out.push(hex_digit(c >> 4) as char);
                out.push(hex_digit(c & 15) as char);
            }
        }
    }
    out.push(quote as char);
    if kind == Kind::ByteArray {
        out.push(')');
    }
    out
}

/// The lowercase hex digit of `n` (0..16).
fn hex_digit(n: u8) -> u8 {
    b"0123456789abcdef"[n as usize]
}

/// `hash(b)`: the same function as str's over the bytes, so an ASCII str and
/// its bytes hash equal, as in CPython. bytearray is unhashable.
pub fn hash(data: &[u8]) -> i64 {
    crate::object::str::hash_bytes(data)
}

/// The order of two byte sequences (lexicographic, by unsigned byte).
#[inline]
pub fn compare(a: &[u8], b: &[u8]) -> Ordering {
    a.cmp(b)
}

// ---------------------------------------------------------------------------
// Operators
// ---------------------------------------------------------------------------

/// `a + b` where `a` is bytes or bytearray: a new value of `a`'s type.
/// `None` when `b` is not bytes-like (the operator then tries `b`'s
/// `__radd__` and words the error).
pub fn concat(vm: &Vm, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let kind = kind_of(a)?;
    let (x, y) = (as_bytes(&vm.gil, a)?, as_bytes(&vm.gil, b)?);
    let mut out = Vec::new();
    if out.try_reserve_exact(x.len() + y.len()).is_err() {
        return Some(Err(Raise::Bare(ExcKind::MemoryError)));
    }
    out.extend_from_slice(x);
    out.extend_from_slice(y);
    Some(Ok(kind.make(out)))
}

/// `data * n` as a new byte vector (empty for `n <= 0`).
pub fn repeated(data: &[u8], n: i64) -> PyResult<Vec<u8>> {
    if n <= 0 || data.is_empty() {
        return Ok(Vec::new());
    }
    let total = data
        .len()
        .checked_mul(n as usize)
        .filter(|&t| t <= isize::MAX as usize)
        .ok_or_else(|| Raise::Bare(ExcKind::MemoryError))?;
    let mut out = Vec::new();
    out.try_reserve_exact(total)
        .map_err(|_| Raise::Bare(ExcKind::MemoryError))?;
    for _ in 0..n {
        out.extend_from_slice(data);
    }
    Ok(out)
}

/// `item in seq`: an int in range(256) is a byte, a bytes-like a substring.
pub fn contains(vm: &Vm, seq: &[u8], item: &Value) -> PyResult<bool> {
    if let Some(needle) = as_bytes(&vm.gil, item) {
        return Ok(find(seq, needle).is_some());
    }
    match args::int_of(item) {
        Some(n) => Ok(seq.contains(&args::byte_in_range(n)?)),
        None => Err(args::not_bytes_like(vm, item)),
    }
}

/// The first position of `needle` in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() == 1 {
        return hay.iter().position(|&c| c == needle[0]);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The last position of `needle` in `hay`.
pub fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// `seq[index]`: an int for an int index, the same type for a slice.
pub fn getitem(vm: &mut Vm, container: &Value, index: &Value) -> PyResult<Value> {
    let Some(kind) = kind_of(container) else {
        unreachable!("getitem on bytes is only called with bytes")
    };
    if let Some(Object::Slice { .. }) = index.as_object() {
        let data = as_bytes(&vm.gil, container).unwrap_or_default();
        let span = Span::of(vm, index, data.len())?;
        let out: Vec<u8> = span.indices().map(|i| data[i]).collect();
        if kind == Kind::Bytes && out[..] == *data {
            // An equal immutable result may be the object itself, as CPython's `b[:]`.
            return Ok(container.clone());
        }
        return Ok(kind.make(out));
    }
    let data = as_bytes(&vm.gil, container).unwrap_or_default();
    let i = item_index(vm, kind, index, data.len())?;
    Ok(Value::Int(data[i] as i64))
}

/// A slice resolved against a length (CPython's `PySlice_AdjustIndices`):
/// the first index, the step and the number of items.
pub(super) struct Span {
    pub start: i64,
    pub step: i64,
    pub count: usize,
}

impl Span {
    pub fn of(vm: &Vm, index: &Value, len: usize) -> PyResult<Span> {
        let Some(Object::Slice { start, stop, step }) = index.as_object() else {
            unreachable!("a slice was checked")
        };
        let bound = |v: &Value| -> PyResult<Option<i64>> {
            match v {
                Value::None => Ok(None),
                v => args::int_of(v).map(Some).ok_or_else(|| {
                    let _ = vm;
                    Raise::type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    )
                }),
            }
        };
        let step = match bound(step)?.unwrap_or(1) {
            0 => return Err(Raise::value_error("slice step cannot be zero")),
            i64::MIN => -i64::MAX, // CPython clamps the step to -PY_SSIZE_T_MAX
            n => n,
        };
        let len = len as i64;
        let (lowest, highest) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |i: Option<i64>, default: i64| match i {
            None => default,
            Some(i) if i < 0 => i.saturating_add(len).max(lowest),
            Some(i) => i.min(highest),
        };
        let start = clamp(bound(start)?, if step < 0 { highest } else { 0 });
        let stop = clamp(bound(stop)?, if step < 0 { -1 } else { len });
        let span = if step < 0 { start - stop } else { stop - start };
        let stride = step.unsigned_abs() as i64;
        let count = if span > 0 { (span - 1) / stride + 1 } else { 0 };
        Ok(Span {
            start,
            step,
            count: count as usize,
        })
    }

    /// The indices selected, in slice order.
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.count).map(|k| (self.start + k as i64 * self.step) as usize)
    }
}

/// An int index into a sequence of `len` bytes (negative counts from the end),
/// with the messages bytes and bytearray use.
fn item_index(vm: &Vm, kind: Kind, index: &Value, len: usize) -> PyResult<usize> {
    let out_of_range = || {
        let msg = match kind {
            Kind::Bytes => "index out of range",
            Kind::ByteArray => "bytearray index out of range",
        };
        Raise::new(ExcKind::IndexError, msg)
    };
    let i = match index {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Obj(o) if matches!(o.get(), Object::BigInt(_)) => {
            return Err(Raise::new(
                ExcKind::IndexError,
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        _ => {
            let what = match kind {
                Kind::Bytes => "byte",
                Kind::ByteArray => "bytearray",
            };
            return Err(Raise::type_error(format!(
                "{what} indices must be integers or slices, not {}",
                attr::type_name(vm, index)
            )));
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(out_of_range());
    }
    Ok(j as usize)
}

/// The byte at `next` of a bytes or bytearray (iteration), if any.
pub fn byte_at(gil: &Gil, seq: &Value, next: usize) -> Option<Value> {
    as_bytes(gil, seq)?.get(next).map(|&b| Value::Int(b as i64))
}

// ---------------------------------------------------------------------------
// The method tables
// ---------------------------------------------------------------------------

/// The method `name` of `bytes` or `bytearray` (`t`), as a native function
/// whose `args[0]` is the receiver; `None` if the type has no such method.
pub fn method(t: BuiltinType, name: &str) -> Option<NativeFn> {
    let kind = Kind::of_type(t)?;
    if kind == Kind::ByteArray {
        if let Some(f) = mutate::method(name) {
            return Some(f);
        }
    }
    if name == "fromhex" {
        return Some(match kind {
            Kind::Bytes => |vm, a, k| text::fromhex(vm, a, k, Kind::Bytes),
            Kind::ByteArray => |vm, a, k| text::fromhex(vm, a, k, Kind::ByteArray),
        });
    }
    if name == "decode" {
        return Some(codec::decode_method);
    }
    methods::method(name).or_else(|| text::method(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_choose_quotes_as_cpython() {
        assert_eq!(repr(b"a'b", Kind::Bytes), "b\"a'b\"");
        assert_eq!(repr(b"a'\"", Kind::Bytes), "b'a\\'\"'");
        assert_eq!(
            repr(b"\x00\t\x7f\xff\\", Kind::Bytes),
            "b'\\x00\\t\\x7f\\xff\\\\'"
        );
        // bytearray escapes `'` even inside double quotes.
        assert_eq!(repr(b"it's", Kind::ByteArray), "bytearray(b\"it\\'s\")");
    }

    #[test]
    fn find_and_rfind_handle_empty_needles() {
        assert_eq!(find(b"abc", b""), Some(0));
        assert_eq!(rfind(b"abc", b""), Some(3));
        assert_eq!(find(b"abcabc", b"ca"), Some(2));
        assert_eq!(rfind(b"abcabc", b"ab"), Some(3));
        assert_eq!(find(b"ab", b"abc"), None);
    }

    #[test]
    fn repeating_is_bounded() {
        assert_eq!(repeated(b"ab", 3).unwrap(), b"ababab");
        assert!(repeated(b"ab", -1).unwrap().is_empty());
        assert!(repeated(b"ab", i64::MAX).is_err());
    }
}
