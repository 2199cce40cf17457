//! `str`: its methods (`'a b'.split()`) and the helpers the evaluation loop uses
//! on strings (indexing, slicing, `+`, `*`, `in`, comparison, hashing, repr).
//!
//! A str is UTF-8 (`PyStr.text`) but Python counts it in code points: every
//! index taken or returned here is a char index. When the text is ASCII a char
//! index is a byte offset, and each function takes that fast path first.
//!
//! Semantics, argument checks and error messages are CPython 3.11's. Unicode
//! properties come from Rust's `char` methods (a newer Unicode), corrected to
//! Python 3.11's Unicode 14.0 by the tables in `unicode.rs`, which were
//! generated from python3's `unicodedata`; a check over every code point found
//! isalpha/isdecimal/isdigit/isnumeric/isspace/isidentifier, casefold and title
//! identical. Known differences:
//! - case mapping and islower/isupper follow Rust for the few chars whose case
//!   data changed after Unicode 14 (e.g. 'ƛ'.upper() is 'Ƛ' here, 'ƛ' in 3.11),
//!   and for chars assigned after Unicode 14 (unassigned, so uncased, in 3.11);
//! - int or str subclasses and objects with `__index__` are rejected as
//!   arguments; `maketrans` and `translate` are not here.
//!
//! This file holds the helpers the evaluation loop calls and the method table;
//! `format.rs` `str.format`/`format_map` (`encode` is in object/bytes/codec.rs),
//! `methods.rs` the native methods, `unicode.rs` the character properties and
//! case mappings with their tables, `tests.rs` the tests.

mod format;
mod methods;
pub mod translate;
mod unicode;

use crate::exc::{ExcKind, PyResult, Raise};
use crate::object::{NativeFn, PyStr};
use crate::value::Value;
use std::cmp::Ordering;
use std::sync::OnceLock;

use methods::{
    all_chars, capitalize, casefold, center_left, count, expandtabs, found_or_minus_one,
    found_or_raise, isascii, isidentifier, islower, isprintable, istitle, isupper, join, lower,
    memory_error, pad_with, partition, removeprefix, removesuffix, replace, rpartition, rsplit,
    search, split, splitlines, strip_with, swapcase, tail_match, title, upper, zfill,
};
use unicode::{is_alpha, is_decimal, is_digit, is_numeric, is_space};

type Kwargs = [(Box<str>, Value)];

/// Character properties as `str` methods judge them (for `re`'s classes).
pub mod props {
    /// `c.isalnum()`.
    pub fn is_alnum(c: char) -> bool {
        super::is_alpha(c) || super::is_numeric(c)
    }

    /// `c.isdecimal()`.
    pub fn is_decimal(c: char) -> bool {
        super::is_decimal(c)
    }

    /// `c.isspace()`.
    pub fn is_space(c: char) -> bool {
        super::is_space(c)
    }
}

// ---------------------------------------------------------------------------
// Helpers for the evaluation loop
// ---------------------------------------------------------------------------

/// A str value holding `s`; the empty string and one-character ASCII strings
/// are shared, preallocated objects (as CPython's are).
pub fn new_value(s: String) -> Value {
    match s.len() {
        0 => small()[128].clone(),
        1 => small()[s.as_bytes()[0] as usize].clone(),
        _ => PyStr::value(s),
    }
}

/// The one-character str `c` (shared for ASCII); what iterating a str yields.
pub fn char_value(c: char) -> Value {
    if c.is_ascii() {
        small()[c as usize].clone()
    } else {
        PyStr::value(c.to_string())
    }
}

/// The 128 one-character ASCII strings, then the empty string.
fn small() -> &'static [Value] {
    static SMALL: OnceLock<Vec<Value>> = OnceLock::new();
    SMALL.get_or_init(|| {
        let mut v: Vec<Value> = (0u8..128)
            .map(|b| PyStr::value((b as char).to_string()))
            .collect();
        v.push(PyStr::value(""));
        v
    })
}

/// `repr(s)`: quoted and escaped as CPython does (`'it\'s'` becomes `"it's"`).
pub fn repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    gilt_parser::repr::str_repr_str(s, &mut out);
    out
}

/// `len(s)`: the number of code points.
#[inline]
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// `s[i]` for an int `i` (negative counts from the end).
pub fn getitem_index(s: &str, i: i64) -> PyResult<Value> {
    let out_of_range = || Raise::new(ExcKind::IndexError, "string index out of range");
    if s.is_ascii() {
        let len = s.len() as i64;
        let i = if i < 0 { i + len } else { i };
        if !(0..len).contains(&i) {
            return Err(out_of_range());
        }
        return Ok(small()[s.as_bytes()[i as usize] as usize].clone());
    }
    let c = if i >= 0 {
        s.chars().nth(i as usize)
    } else {
        s.chars().rev().nth((-(i + 1)) as usize)
    };
    c.map(char_value).ok_or_else(out_of_range)
}

/// `s[start:stop:step]` with Python's slice rules: omitted bounds, negative
/// indices counted from the end, clamping, negative steps. A zero step raises
/// ValueError.
pub fn slice(s: &str, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult<Value> {
    slice_known(s, s.is_ascii(), start, stop, step)
}

/// [`slice`] of a text the caller knows to be ASCII (a `PyStr` caches that),
/// so no pass over the whole text is made.
pub fn slice_ascii(
    s: &str,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> PyResult<Value> {
    slice_known(s, true, start, stop, step)
}

fn slice_known(
    s: &str,
    ascii: bool,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> PyResult<Value> {
    let step = match step.unwrap_or(1) {
        0 => return Err(Raise::value_error("slice step cannot be zero")),
        i64::MIN => -i64::MAX, // CPython clamps the step to -PY_SSIZE_T_MAX
        n => n,
    };
    let len = if ascii { s.len() } else { s.chars().count() } as i64;
    let (start, count) = slice_indices(start, stop, step, len);
    if count == 0 {
        return Ok(new_value(String::new()));
    }
    let (start, count) = (start as usize, count as usize);
    if step == 1 {
        let text = if ascii {
            &s[start..start + count]
        } else {
            let from = byte_offset(s, 0, start);
            &s[from..byte_offset(s, from, count)]
        };
        return Ok(new_value(text.to_owned()));
    }
    let mut out = String::with_capacity(if ascii { count } else { count * 2 });
    if ascii {
        let bytes = s.as_bytes();
        for k in 0..count {
            out.push(bytes[(start as i64 + k as i64 * step) as usize] as char);
        }
    } else if step > 0 {
        out.extend(s.chars().skip(start).step_by(step as usize).take(count));
    } else {
        let skip = (len as usize) - 1 - start;
        out.extend(
            s.chars()
                .rev()
                .skip(skip)
                .step_by(step.unsigned_abs() as usize)
                .take(count),
        );
    }
    Ok(new_value(out))
}

/// CPython's `PySlice_Unpack` + `PySlice_AdjustIndices`: the first index and the
/// number of items of `[start:stop:step]` over `len` items (`step` != 0).
fn slice_indices(start: Option<i64>, stop: Option<i64>, step: i64, len: i64) -> (i64, i64) {
    let (lowest, highest) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |i: Option<i64>, default: i64| match i {
        None => default,
        Some(i) if i < 0 => (i + len).max(lowest),
        Some(i) => i.min(highest),
    };
    let (start, stop) = (
        clamp(start, if step < 0 { highest } else { 0 }),
        clamp(stop, if step < 0 { -1 } else { len }),
    );
    let (span, stride) = if step < 0 {
        (start - stop, -step)
    } else {
        (stop - start, step)
    };
    let count = if span > 0 { (span - 1) / stride + 1 } else { 0 };
    (start, count)
}

/// `a + b`.
pub fn concat(a: &str, b: &str) -> Value {
    let mut out = String::with_capacity(a.len() + b.len());
    out.push_str(a);
    out.push_str(b);
    new_value(out)
}

/// `s * n`: empty for `n <= 0`. OverflowError when the result cannot exist.
pub fn repeat(s: &str, n: i64) -> PyResult<Value> {
    if n <= 0 || s.is_empty() {
        return Ok(new_value(String::new()));
    }
    let bytes = s
        .len()
        .checked_mul(n as usize)
        .filter(|&b| b <= isize::MAX as usize)
        .ok_or_else(|| Raise::new(ExcKind::OverflowError, "repeated string is too long"))?;
    let mut out = String::new();
    out.try_reserve_exact(bytes).map_err(|_| memory_error())?;
    for _ in 0..n {
        out.push_str(s);
    }
    Ok(new_value(out))
}

/// `needle in hay`.
#[inline]
pub fn contains(hay: &str, needle: &str) -> bool {
    hay.contains(needle)
}

/// `<`, `==`, ... between strs: code point order, which is UTF-8 byte order.
#[inline]
pub fn compare(a: &str, b: &str) -> Ordering {
    a.as_bytes().cmp(b.as_bytes())
}

/// `hash(s)`: a deterministic 64-bit hash of the text, never -1 (CPython
/// reserves -1 for errors; `hash()` of anything never returns it).
pub fn hash(s: &str) -> i64 {
    hash_bytes(s.as_bytes())
}

/// The hash of a str's UTF-8 bytes, which is also `hash()` of a bytes object
/// (so `hash('abc') == hash(b'abc')`, as in CPython).
pub fn hash_bytes(bytes: &[u8]) -> i64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().expect("eight bytes"));
        h = (h.rotate_left(23) ^ w).wrapping_mul(K);
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(last)).wrapping_mul(K);
    }
    // Murmur3's final mix, so every input bit reaches every output bit.
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^= h >> 33;
    match h as i64 {
        -1 => -2,
        h => h,
    }
}

// ---------------------------------------------------------------------------
// The method table
// ---------------------------------------------------------------------------

/// The names of `str`'s methods, each found by [`method`].
pub const METHOD_NAMES: &[&str] = &[
    "capitalize",
    "casefold",
    "center",
    "count",
    "encode",
    "endswith",
    "expandtabs",
    "find",
    "format",
    "format_map",
    "index",
    "isalnum",
    "isalpha",
    "isascii",
    "isdecimal",
    "isdigit",
    "isidentifier",
    "islower",
    "isnumeric",
    "isprintable",
    "isspace",
    "istitle",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "partition",
    "removeprefix",
    "removesuffix",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "translate",
    "upper",
    "zfill",
];

/// The method of `str` called `name`, as a native function whose `args[0]` is
/// the receiver; `None` if str has no such method here.
pub fn method(name: &str) -> Option<NativeFn> {
    let f: NativeFn = match name {
        "capitalize" => capitalize,
        "casefold" => casefold,
        "center" => |_, a, k| pad_with("center", a, k, center_left),
        "count" => count,
        "encode" => crate::object::bytes::codec::str_encode,
        "endswith" => |_, a, k| tail_match("endswith", a, k, true),
        "expandtabs" => expandtabs,
        "format" => format::format,
        "format_map" => format::format_map,
        "find" => |_, a, k| found_or_minus_one(search("find", a, k, false)?),
        "index" => |_, a, k| found_or_raise(search("index", a, k, false)?),
        "isalnum" => |_, a, k| all_chars("isalnum", a, k, |c| is_alpha(c) || is_numeric(c)),
        "isalpha" => |_, a, k| all_chars("isalpha", a, k, is_alpha),
        "isascii" => isascii,
        "isdecimal" => |_, a, k| all_chars("isdecimal", a, k, is_decimal),
        "isdigit" => |_, a, k| all_chars("isdigit", a, k, is_digit),
        "isidentifier" => isidentifier,
        "islower" => islower,
        "isnumeric" => |_, a, k| all_chars("isnumeric", a, k, is_numeric),
        "isprintable" => isprintable,
        "isspace" => |_, a, k| all_chars("isspace", a, k, is_space),
        "istitle" => istitle,
        "isupper" => isupper,
        "join" => join,
        "ljust" => |_, a, k| pad_with("ljust", a, k, |_, _| 0),
        "lower" => lower,
        "lstrip" => |_, a, k| strip_with("lstrip", a, k, true, false),
        "partition" => partition,
        "removeprefix" => removeprefix,
        "removesuffix" => removesuffix,
        "replace" => replace,
        "rfind" => |_, a, k| found_or_minus_one(search("rfind", a, k, true)?),
        "rindex" => |_, a, k| found_or_raise(search("rindex", a, k, true)?),
        "rjust" => |_, a, k| pad_with("rjust", a, k, |margin, _| margin),
        "rpartition" => rpartition,
        "rsplit" => rsplit,
        "rstrip" => |_, a, k| strip_with("rstrip", a, k, false, true),
        "split" => split,
        "splitlines" => splitlines,
        "startswith" => |_, a, k| tail_match("startswith", a, k, false),
        "strip" => |_, a, k| strip_with("strip", a, k, true, true),
        "swapcase" => swapcase,
        "title" => title,
        "translate" => translate::translate,
        "upper" => upper,
        "zfill" => zfill,
        _ => return None,
    };
    Some(f)
}

// ---------------------------------------------------------------------------
// Char indices
// ---------------------------------------------------------------------------

/// The byte offset `n` chars after byte offset `from` (or the end).
fn byte_offset(s: &str, from: usize, n: usize) -> usize {
    match s[from..].char_indices().nth(n) {
        Some((i, _)) => from + i,
        None => s.len(),
    }
}

/// A part of a str, and the char index where it begins.
type Window<'a> = (&'a str, usize);

/// The part of `s` that `start`/`end` (char indices, CPython's ADJUST_INDICES)
/// select, with the char index where it begins; `None` when start > end.
fn window(s: &str, start: Option<i64>, end: Option<i64>) -> Option<Window<'_>> {
    let ascii = s.is_ascii();
    let len = if ascii { s.len() } else { s.chars().count() } as i64;
    let adjust = |i: i64| if i < 0 { (i + len).max(0) } else { i };
    let end = end.map_or(len, |e| adjust(e).min(len));
    let start = start.map_or(0, adjust);
    if start > end {
        return None;
    }
    let (start, end) = (start as usize, end as usize);
    if ascii {
        return Some((&s[start..end], start));
    }
    let from = byte_offset(s, 0, start);
    let to = byte_offset(s, from, end - start);
    Some((&s[from..to], start))
}

/// The char index of byte offset `at` in `s`.
fn char_index(s: &str, at: usize) -> usize {
    char_len(&s[..at])
}

#[cfg(test)]
mod tests;
