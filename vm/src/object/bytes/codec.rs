//! Text codecs: `str.encode`, `bytes.decode` and `bytes(str, encoding)` for
//! UTF-8, ASCII and Latin-1 under the error handlers strict, ignore, replace,
//! backslashreplace and xmlcharrefreplace (encoding only), and the
//! `UnicodeEncodeError` / `UnicodeDecodeError` classes they raise.
//!
//! Encoding names are normalized and matched against CPython's aliases for
//! these three codecs (`'UTF8'`, `'latin1'`, `'us-ascii'`, ...). UTF-8 errors
//! follow CPython: the bad span is the maximal invalid subsequence (what Rust's
//! `Utf8Error::error_len` reports), named "invalid start byte", "invalid
//! continuation byte" or "unexpected end of data". An error handler is looked
//! up only when an error happens, as CPython does. A str here holds no lone
//! surrogates, so surrogateescape and surrogatepass are not offered.

use super::args::{keywords, Kwargs};
use crate::eval::{attr, call, exception, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{Builtin, Dict, NativeFn, Object, PyStr};
use crate::value::Value;

/// The codecs implemented here.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The codec for an encoding name, as `codecs.lookup` finds it.
    fn lookup(name: &str) -> PyResult<Codec> {
        let mut key = String::with_capacity(name.len());
        for c in name.chars() {
            if c.is_alphanumeric() || c == '.' {
                key.extend(c.to_lowercase());
            } else if !key.ends_with('_') {
                key.push('_');
            }
        }
        Ok(match key.trim_matches('_') {
            "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
            "ascii" | "646" | "us_ascii" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968"
            | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367" | "iso646_us"
            | "iso_646.irv_1991" | "iso_ir_6" => Codec::Ascii,
            "latin_1" | "latin1" | "latin" | "l1" | "8859" | "cp819" | "csisolatin1" | "ibm819"
            | "iso8859" | "iso8859_1" | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" => {
                Codec::Latin1
            }
            _ => {
                return Err(Raise::new(
                    ExcKind::LookupError,
                    format!("unknown encoding: {name}"),
                ))
            }
        })
    }

    /// The name error messages give the codec.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// One past the largest code point the codec encodes in one byte.
    fn limit(self) -> u32 {
        match self {
            Codec::Ascii => 0x80,
            _ => 0x100,
        }
    }
}

/// The codec's canonical name (`'utf-8'`, `'ascii'`, `'latin-1'`) for an
/// encoding name, or LookupError "unknown encoding: x" (text streams check
/// their encoding when they are made).
pub fn canonical_name(encoding: &str) -> PyResult<&'static str> {
    Ok(Codec::lookup(encoding)?.name())
}

/// What to do with a span that cannot be encoded or decoded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
}

impl Handler {
    /// The handler named `errors` (`None`: strict).
    fn lookup(errors: Option<&str>) -> PyResult<Handler> {
        Ok(match errors.unwrap_or("strict") {
            "strict" => Handler::Strict,
            "ignore" => Handler::Ignore,
            "replace" => Handler::Replace,
            "backslashreplace" => Handler::BackslashReplace,
            "xmlcharrefreplace" => Handler::XmlCharRefReplace,
            name @ ("surrogateescape" | "surrogatepass" | "namereplace") => {
                return Err(Raise::new(
                    ExcKind::NotImplementedError,
                    format!("the '{name}' error handler is not supported yet"),
                ))
            }
            name => {
                return Err(Raise::new(
                    ExcKind::LookupError,
                    format!("unknown error handler name '{name}'"),
                ))
            }
        })
    }
}

// ---------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------

/// `text.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, text: &str, encoding: &str, errors: Option<&str>) -> PyResult<Vec<u8>> {
    let codec = Codec::lookup(encoding)?;
    if codec == Codec::Utf8 || (codec == Codec::Ascii && text.is_ascii()) {
        return Ok(text.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut handler = None;
    let mut i = 0;
    while i < chars.len() {
        if (chars[i] as u32) < limit {
            out.push(chars[i] as u32 as u8);
            i += 1;
            continue;
        }
        // The error covers the whole run of characters the codec lacks.
        let end = (i..chars.len())
            .find(|&j| (chars[j] as u32) < limit)
            .unwrap_or(chars.len());
        let handler = match handler {
            Some(h) => h,
            None => *handler.insert(Handler::lookup(errors)?),
        };
        match handler {
            Handler::Strict => {
                let reason = format!("ordinal not in range({limit})");
                let args = vec![
                    PyStr::value(codec.name()),
                    PyStr::value(text),
                    Value::Int(i as i64),
                    Value::Int(end as i64),
                    PyStr::value(reason),
                ];
                return Err(raise(vm, "UnicodeEncodeError", args));
            }
            Handler::Ignore => {}
            Handler::Replace => out.resize(out.len() + (end - i), b'?'),
            Handler::BackslashReplace => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(escaped(c).as_bytes());
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
        }
        i = end;
    }
    Ok(out)
}

/// `\xe9`, `\u20ac` or `\U0001f600`: a code point as backslashreplace and the
/// error messages write it.
fn escaped(c: char) -> String {
    match c as u32 {
        n @ 0..=0xff => format!("\\x{n:02x}"),
        n @ 0x100..=0xffff => format!("\\u{n:04x}"),
        n => format!("\\U{n:08x}"),
    }
}

// ---------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------

/// `data.decode(encoding, errors)`.
pub fn decode(vm: &mut Vm, data: &[u8], encoding: &str, errors: Option<&str>) -> PyResult<String> {
    let codec = Codec::lookup(encoding)?;
    if codec == Codec::Latin1 {
        return Ok(data.iter().map(|&b| b as char).collect());
    }
    let mut out = String::with_capacity(data.len());
    let mut handler = None;
    let mut pos = 0;
    while pos < data.len() {
        let (good, bad) = match codec {
            Codec::Utf8 => utf8_run(&data[pos..]),
            _ => {
                let good = data[pos..]
                    .iter()
                    .position(|&b| b >= 0x80)
                    .unwrap_or(data.len() - pos);
                let bad = (pos + good < data.len()).then_some((1, "ordinal not in range(128)"));
                (good, bad)
            }
        };
        // `good` bytes are valid text in either codec.
        out.push_str(std::str::from_utf8(&data[pos..pos + good]).unwrap_or_default());
        pos += good;
        let Some((len, reason)) = bad else { break };
        let handler = match handler {
            Some(h) => h,
            None => *handler.insert(Handler::lookup(errors)?),
        };
        match handler {
            Handler::Strict => {
                let args = vec![
                    PyStr::value(codec.name()),
                    super::new_bytes(data.to_vec()),
                    Value::Int(pos as i64),
                    Value::Int((pos + len) as i64),
                    PyStr::value(reason),
                ];
                return Err(raise(vm, "UnicodeDecodeError", args));
            }
            Handler::Ignore => {}
            Handler::Replace => out.push('\u{FFFD}'),
            Handler::BackslashReplace => {
                for &b in &data[pos..pos + len] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
            Handler::XmlCharRefReplace => {
                return Err(Raise::type_error(
                    "don't know how to handle UnicodeDecodeError in error callback",
                ))
            }
        }
        pos += len;
    }
    Ok(out)
}

/// The length of the valid UTF-8 prefix of `data`, and the length and reason
/// of the invalid span after it, if any.
fn utf8_run(data: &[u8]) -> (usize, Option<(usize, &'static str)>) {
    match std::str::from_utf8(data) {
        Ok(_) => (data.len(), None),
        Err(e) => {
            let good = e.valid_up_to();
            let bad = match e.error_len() {
                None => (data.len() - good, "unexpected end of data"),
                Some(n) if matches!(data[good], 0x80..=0xc1 | 0xf5..=0xff) => {
                    (n, "invalid start byte")
                }
                Some(n) => (n, "invalid continuation byte"),
            };
            (good, Some(bad))
        }
    }
}

/// An instance of the builtin exception class `name` made with `args`.
fn raise(vm: &mut Vm, name: &str, args: Vec<Value>) -> Raise {
    let class = Value::Obj(vm.interp.exceptions[name].clone());
    match call::call(vm, &class, args, Vec::new()) {
        Ok(exc) => Raise::Object(exc),
        Err(e) => e,
    }
}

// ---------------------------------------------------------------------------
// The methods
// ---------------------------------------------------------------------------

/// The `encoding` and `errors` arguments of `encode` / `decode`.
fn codec_args(
    vm: &Vm,
    func: &str,
    given: [Option<&Value>; 2],
) -> PyResult<(String, Option<String>)> {
    let text = |v: Option<&Value>, param: &str| -> PyResult<Option<String>> {
        match v {
            None => Ok(None),
            Some(v) => match v.as_object() {
                Some(Object::Str(s)) => Ok(Some(s.text.to_string())),
                _ => Err(Raise::type_error(format!(
                    "{func}() argument '{param}' must be str, not {}",
                    attr::type_name(vm, v)
                ))),
            },
        }
    };
    let encoding = text(given[0], "encoding")?.unwrap_or_else(|| "utf-8".into());
    Ok((encoding, text(given[1], "errors")?))
}

/// `bytes.decode(encoding='utf-8', errors='strict')`, bytearray's too.
pub fn decode_method(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let (data, encoding, errors) = {
        let (r, given) = keywords(vm, "decode", args, kwargs, ["encoding", "errors"])?;
        let (encoding, errors) = codec_args(vm, "decode", given)?;
        (r.data.to_vec(), encoding, errors)
    };
    let text = decode(vm, &data, &encoding, errors.as_deref())?;
    Ok(crate::object::str::new_value(text))
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn str_encode(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(Object::Str(s)) = args.first().and_then(Value::as_object) else {
        return Err(attr::wrong_receiver(vm, "encode", "str", args));
    };
    let rest = &args[1..];
    let given_count = rest.len() + kwargs.len();
    if given_count > 2 {
        return Err(Raise::type_error(format!(
            "encode() takes at most 2 arguments ({given_count} given)"
        )));
    }
    let mut given = [rest.first(), rest.get(1)];
    for (key, v) in kwargs {
        match &**key {
            "encoding" if rest.is_empty() => given[0] = Some(v),
            "errors" if rest.len() < 2 => given[1] = Some(v),
            "encoding" | "errors" => {
                return Err(Raise::type_error(format!(
                    "argument for encode() given by name ('{key}') and position ({})",
                    if &**key == "encoding" { 1 } else { 2 }
                )))
            }
            _ => {
                return Err(Raise::type_error(format!(
                    "'{key}' is an invalid keyword argument for encode()"
                )))
            }
        }
    }
    let (encoding, errors) = codec_args(vm, "encode", given)?;
    let data = encode(vm, &s.text, &encoding, errors.as_deref())?;
    Ok(super::new_bytes(data))
}

/// `str(object='', encoding=..., errors=...)` when any argument beyond the
/// object is given: decode a bytes-like object (or, with only `object` given
/// by name, `str(object)`).
pub fn str_construct(vm: &mut Vm, args: &[Value], kwargs: &[(Box<str>, Value)]) -> PyResult<Value> {
    const NAMES: [&str; 3] = ["object", "encoding", "errors"];
    let given = args.len() + kwargs.len();
    if given > 3 {
        return Err(Raise::type_error(format!(
            "str() takes at most 3 arguments ({given} given)"
        )));
    }
    let mut slots: [Option<&Value>; 3] = [args.first(), args.get(1), args.get(2)];
    for (key, v) in kwargs {
        match NAMES.iter().position(|n| **n == **key) {
            Some(i) if i < args.len() => {
                return Err(Raise::type_error(format!(
                    "argument for str() given by name ('{key}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => slots[i] = Some(v),
            None => {
                return Err(Raise::type_error(format!(
                    "'{key}' is an invalid keyword argument for str()"
                )))
            }
        }
    }
    let [object, encoding, errors] = slots;
    if encoding.is_none() && errors.is_none() {
        return match object {
            Some(v) => Ok(PyStr::value(ops::str_of(vm, v)?)),
            None => Ok(PyStr::value("")),
        };
    }
    let (encoding, errors) = codec_args(vm, "str", [encoding, errors])?;
    let object = object
        .cloned()
        .unwrap_or_else(|| super::new_bytes(Vec::new()));
    let data = match (object.as_object(), super::as_bytes(&vm.gil, &object)) {
        (_, Some(data)) => data.to_vec(),
        (Some(Object::Str(_)), _) => {
            return Err(Raise::type_error("decoding str is not supported"))
        }
        _ => {
            return Err(Raise::type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                attr::type_name(vm, &object)
            )))
        }
    };
    let text = decode(vm, &data, &encoding, errors.as_deref())?;
    Ok(crate::object::str::new_value(text))
}

// ---------------------------------------------------------------------------
// UnicodeEncodeError and UnicodeDecodeError
// ---------------------------------------------------------------------------

/// Put the `__init__` and `__str__` of `UnicodeEncodeError` or
/// `UnicodeDecodeError` (named `class`) into its namespace.
pub fn install_exception_methods(class: &str, dict: &mut Dict) {
    let str_fn: NativeFn = match class {
        "UnicodeEncodeError" => |vm, a, _| error_str(vm, a, false),
        "UnicodeDecodeError" => |vm, a, _| error_str(vm, a, true),
        _ => return,
    };
    for (name, call) in [("__init__", error_init as NativeFn), ("__str__", str_fn)] {
        dict.insert_str(name, Builtin::method(name, call));
    }
}

const FIELDS: [&str; 5] = ["encoding", "object", "start", "end", "reason"];

/// `__init__(self, encoding, object, start, end, reason)`: keep the five
/// arguments as attributes (the instance's `args` are already set).
fn error_init(vm: &mut Vm, args: &[Value], _kwargs: &Kwargs) -> PyResult<Value> {
    let Some((exc, fields)) = args.split_first() else {
        return Ok(Value::None);
    };
    if fields.len() != 5 {
        return Err(Raise::type_error(format!(
            "function takes exactly 5 arguments ({} given)",
            fields.len()
        )));
    }
    exception::init_args(vm, exc, fields);
    if let Some(Object::Instance(i)) = exc.as_object() {
        let dict = i.attrs().get_mut(&mut vm.gil);
        for (name, v) in FIELDS.iter().zip(fields) {
            dict.insert_str(name, v.clone());
        }
    }
    Ok(Value::None)
}

/// `str(exc)`: "'utf-8' codec can't decode byte 0xff in position 0: invalid
/// start byte", and its encoding twin, as CPython words them.
fn error_str(vm: &mut Vm, args: &[Value], decoding: bool) -> PyResult<Value> {
    let Some(Object::Instance(i)) = args.first().and_then(Value::as_object) else {
        return Ok(PyStr::value(""));
    };
    let field = |name: &str| i.attrs().get(&vm.gil).get_str(name).cloned();
    let text = |v: Option<Value>| match v.as_ref().and_then(Value::as_object) {
        Some(Object::Str(s)) => Some(s.text.to_string()),
        _ => None,
    };
    let (Some(encoding), Some(reason)) = (text(field("encoding")), text(field("reason"))) else {
        return Ok(PyStr::value(""));
    };
    let (Some(Value::Int(start)), Some(Value::Int(end))) = (field("start"), field("end")) else {
        return Ok(PyStr::value(""));
    };
    let object = field("object").unwrap_or(Value::None);
    let one = start.checked_add(1) == Some(end);
    let msg = if decoding {
        let byte = super::as_bytes(&vm.gil, &object).and_then(|d| d.get(start as usize).copied());
        match byte {
            Some(b) if one => format!(
                "'{encoding}' codec can't decode byte 0x{b:02x} in position {start}: {reason}"
            ),
            _ => format!(
                "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
                end.saturating_sub(1)
            ),
        }
    } else {
        let c = text(Some(object)).and_then(|s| s.chars().nth(start as usize));
        match c {
            Some(c) if one => format!(
                "'{encoding}' codec can't encode character '{}' in position {start}: {reason}",
                escaped(c)
            ),
            _ => format!(
                "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
                end.saturating_sub(1)
            ),
        }
    };
    Ok(PyStr::value(msg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_names_are_normalized() {
        for name in ["UTF-8", "utf8", " utf_8 ", "U8"] {
            assert!(Codec::lookup(name).ok() == Some(Codec::Utf8), "{name}");
        }
        assert!(Codec::lookup("US-ASCII").ok() == Some(Codec::Ascii));
        assert!(Codec::lookup("ISO-8859-1").ok() == Some(Codec::Latin1));
        assert!(Codec::lookup("utf-16").is_err());
    }

    #[test]
    fn utf8_errors_name_the_maximal_bad_span() {
        assert_eq!(utf8_run(b"ok"), (2, None));
        assert_eq!(utf8_run(b"a\xff"), (1, Some((1, "invalid start byte"))));
        assert_eq!(
            utf8_run(b"\xf0\x9f\x28"),
            (0, Some((2, "invalid continuation byte")))
        );
        assert_eq!(
            utf8_run(b"ab\xe2\x82"),
            (2, Some((2, "unexpected end of data")))
        );
    }
}
