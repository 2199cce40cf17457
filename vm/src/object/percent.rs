//! printf-style formatting: `str % args` and `bytes % args`, as CPython 3.11's
//! `PyUnicode_Format` and `_PyBytes_FormatEx` do it.
//!
//! One engine serves both: a bytes format string is read as the characters
//! U+0000..U+00FF (Latin-1), every conversion of a bytes format yields such
//! characters, and the result is turned back into bytes. Each `%` spec is
//! parsed in CPython's order (mapping key, flags, width, precision, length
//! modifier, type), the argument is taken when the type is reached, and an
//! unknown type is reported after that, so `'%5%' % ()` complains about the
//! missing argument as CPython does. Floats are rendered by the format-spec
//! code in `format.rs`, so `%f` and `format(x, 'f')` cannot disagree.

use crate::eval::{attr, call, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::bytes;
use crate::object::format::{self, FormatArg};
use crate::object::{int, Object, PyStr};
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::Signed;

/// `fmt % args` for a str `fmt`.
pub fn format_str(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let Some(Object::Str(s)) = fmt.as_object() else {
        unreachable!("format_str is called with a str")
    };
    let chars: Vec<char> = s.text.chars().collect();
    let out = Formatter::new(vm, args, false).run(vm, &chars)?;
    Ok(crate::object::str::new_value(out))
}

/// `fmt % args` for a bytes or bytearray `fmt`; the result has `fmt`'s type.
pub fn format_bytes(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let kind = bytes::kind_of(fmt).expect("format_bytes is called with bytes");
    let chars: Vec<char> = bytes::as_bytes(&vm.gil, fmt)
        .unwrap_or_default()
        .iter()
        .map(|&b| b as char)
        .collect();
    let out = Formatter::new(vm, args, true).run(vm, &chars)?;
    Ok(kind.make(out.chars().map(|c| c as u32 as u8).collect()))
}

const LJUST: u8 = 1;
const SIGN: u8 = 2;
const BLANK: u8 = 4;
const ALT: u8 = 8;
const ZERO: u8 = 16;

/// One parsed `%` spec.
struct Spec {
    flags: u8,
    width: usize,
    precision: Option<usize>,
    /// The conversion type character.
    ty: char,
    /// Its index in the format string, for the "unsupported" message.
    at: usize,
}

/// The arguments, walked as CPython walks them: `args` is the tuple (or the
/// single argument, when `len` is -1), `next` the next index to take.
struct Formatter {
    args: Value,
    len: i64,
    next: i64,
    /// The mapping `%(key)s` looks keys up in, when `args` is one.
    mapping: Option<Value>,
    bytes: bool,
}

impl Formatter {
    fn new(vm: &Vm, args: &Value, bytes: bool) -> Formatter {
        let (len, next) = match args.as_object() {
            Some(Object::Tuple(t)) => (t.len() as i64, 0),
            _ => (-1, -2),
        };
        let mapping = is_mapping(vm, args, bytes).then(|| args.clone());
        Formatter {
            args: args.clone(),
            len,
            next,
            mapping,
            bytes,
        }
    }

    /// The next argument, or TypeError 'not enough arguments for format string'.
    fn next_arg(&mut self) -> PyResult<Value> {
        if self.next >= self.len {
            return Err(Raise::type_error("not enough arguments for format string"));
        }
        let i = self.next;
        self.next += 1;
        match self.args.as_object() {
            Some(Object::Tuple(t)) if self.len >= 0 => Ok(t[i as usize].clone()),
            _ => Ok(self.args.clone()),
        }
    }

    fn run(mut self, vm: &mut Vm, fmt: &[char]) -> PyResult<String> {
        let mut out = String::with_capacity(fmt.len() + 8);
        let mut pos = 0;
        while pos < fmt.len() {
            if fmt[pos] != '%' {
                let end = fmt[pos..]
                    .iter()
                    .position(|&c| c == '%')
                    .map_or(fmt.len(), |i| pos + i);
                out.extend(&fmt[pos..end]);
                pos = end;
                continue;
            }
            pos += 1;
            if fmt.get(pos) == Some(&'%') {
                out.push('%');
                pos += 1;
                continue;
            }
            let spec = self.parse(vm, fmt, &mut pos)?;
            let arg = self.next_arg()?;
            let text = self.convert(vm, &spec, &arg)?;
            out.push_str(&text);
        }
        if self.next < self.len && self.mapping.is_none() {
            let what = if self.bytes { "bytes" } else { "string" };
            return Err(Raise::type_error(format!(
                "not all arguments converted during {what} formatting"
            )));
        }
        Ok(out)
    }

    /// Parse the spec after a `%` (CPython's `unicode_format_arg_parse`),
    /// leaving `pos` after its type character.
    fn parse(&mut self, vm: &mut Vm, fmt: &[char], pos: &mut usize) -> PyResult<Spec> {
        let incomplete = || Raise::value_error("incomplete format");
        if fmt.get(*pos) == Some(&'(') {
            let Some(mapping) = self.mapping.clone() else {
                return Err(Raise::type_error("format requires a mapping"));
            };
            let start = *pos + 1;
            let mut depth = 1;
            let mut i = start;
            while depth > 0 && i < fmt.len() {
                match fmt[i] {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(Raise::value_error("incomplete format key"));
            }
            let key: String = fmt[start..i - 1].iter().collect();
            let key = match self.bytes {
                true => bytes::new_bytes(key.chars().map(|c| c as u32 as u8).collect()),
                false => PyStr::value(key),
            };
            // The value found becomes the single argument for this spec.
            self.args = ops::getitem(vm, &mapping, &key)?;
            (self.len, self.next) = (-1, -2);
            *pos = i;
        }
        let mut flags = 0;
        while let Some(&c) = fmt.get(*pos) {
            flags |= match c {
                '-' => LJUST,
                '+' => SIGN,
                ' ' => BLANK,
                '#' => ALT,
                '0' => ZERO,
                _ => break,
            };
            *pos += 1;
        }
        let mut width = 0;
        if fmt.get(*pos) == Some(&'*') {
            let w = self.star_arg()?;
            if w < 0 {
                flags |= LJUST;
            }
            width = w.unsigned_abs() as usize;
            *pos += 1;
        } else {
            width = read_number(fmt, pos, "width too big")?.unwrap_or(width);
        }
        let mut precision = None;
        if fmt.get(*pos) == Some(&'.') {
            *pos += 1;
            if fmt.get(*pos) == Some(&'*') {
                // A C int, unlike the width.
                let p = i32::try_from(self.star_arg()?).map_err(|_| {
                    Raise::new(
                        ExcKind::OverflowError,
                        "Python int too large to convert to C int",
                    )
                })?;
                precision = Some(p.max(0) as usize);
                *pos += 1;
            } else {
                precision = Some(read_number(fmt, pos, "precision too big")?.unwrap_or(0));
            }
        }
        if matches!(fmt.get(*pos), Some('h' | 'l' | 'L')) {
            *pos += 1;
        }
        let Some(&ty) = fmt.get(*pos) else {
            return Err(incomplete());
        };
        *pos += 1;
        Ok(Spec {
            flags,
            width,
            precision,
            ty,
            at: *pos - 1,
        })
    }

    /// A `*` width or precision: the next argument, which must be an int.
    fn star_arg(&mut self) -> PyResult<i64> {
        let v = self.next_arg()?;
        match v {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            Value::Obj(ref o) if matches!(o.get(), Object::BigInt(_)) => Err(Raise::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            )),
            _ => Err(Raise::type_error("* wants int")),
        }
    }

    /// The text one spec makes of `arg`, padded to its width.
    fn convert(&self, vm: &mut Vm, spec: &Spec, arg: &Value) -> PyResult<String> {
        let text = match spec.ty {
            's' if self.bytes => truncate(bytes_of(vm, arg)?, spec.precision),
            'b' if self.bytes => truncate(bytes_of(vm, arg)?, spec.precision),
            's' => truncate(ops::str_of(vm, arg)?, spec.precision),
            'r' if self.bytes => truncate(ops::ascii(&ops::repr(vm, arg)?), spec.precision),
            'r' => truncate(ops::repr(vm, arg)?, spec.precision),
            'a' => truncate(ops::ascii(&ops::repr(vm, arg)?), spec.precision),
            'c' => {
                let arg = index_of(vm, arg)?;
                self.char_of(vm, &arg)?.to_string()
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let n = int_of(vm, arg, spec.ty)?;
                return render_int(&n, spec);
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => return render_float(float_of(vm, arg)?, spec),
            c => {
                let shown = if (' '..='~').contains(&c) { c } else { '?' };
                return Err(Raise::value_error(format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {}",
                    c as u32, spec.at
                )));
            }
        };
        pad(text, spec)
    }

    /// `%c`: one character (str) or one byte (bytes) from an int or a
    /// one-item str/bytes.
    fn char_of(&self, vm: &Vm, arg: &Value) -> PyResult<char> {
        if self.bytes {
            if let Some(&[b]) = bytes::as_bytes(&vm.gil, arg) {
                return Ok(b as char);
            }
            return match int_value(arg) {
                Some(n) => u8::try_from(n)
                    .map(|b| b as char)
                    .map_err(|_| Raise::new(ExcKind::OverflowError, "%c arg not in range(256)")),
                None => Err(Raise::type_error(
                    "%c requires an integer in range(256) or a single byte",
                )),
            };
        }
        if let Some(Object::Str(s)) = arg.as_object() {
            let mut chars = s.text.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                return Ok(c);
            }
            return Err(Raise::type_error("%c requires int or char"));
        }
        let not_in_range = || Raise::new(ExcKind::OverflowError, "%c arg not in range(0x110000)");
        match int_value(arg) {
            Some(n) => match u32::try_from(n).ok().filter(|&n| n < 0x110000) {
                Some(n) => char::from_u32(n).ok_or_else(|| {
                    Raise::new(
                        ExcKind::NotImplementedError,
                        "lone surrogates are not supported yet",
                    )
                }),
                None => Err(not_in_range()),
            },
            None => Err(Raise::type_error("%c requires int or char")),
        }
    }
}

/// `%c` takes an object with `__index__` as the int it stands for.
fn index_of(vm: &mut Vm, arg: &Value) -> PyResult<Value> {
    if let Some(Object::Instance(_)) = arg.as_object() {
        if let Some(i) = ops::call_dunder(vm, arg, "__index__", Vec::new())? {
            return Ok(i);
        }
    }
    Ok(arg.clone())
}

/// PyMapping_Check, less the types each format refuses to treat as a mapping.
fn is_mapping(vm: &Vm, args: &Value, bytes: bool) -> bool {
    match args.as_object() {
        Some(Object::Tuple(_) | Object::Str(_)) => false,
        Some(Object::Bytes(_) | Object::ByteArray(_)) => !bytes,
        Some(Object::Dict(_) | Object::List(_) | Object::Range { .. }) => true,
        Some(Object::Instance(i)) => attr::lookup(vm, &i.class, "__getitem__").is_some(),
        _ => false,
    }
}

/// A decimal number in the spec, if one starts at `pos`.
fn read_number(fmt: &[char], pos: &mut usize, too_big: &str) -> PyResult<Option<usize>> {
    let mut n: Option<usize> = None;
    while let Some(d) = fmt.get(*pos).and_then(|c| c.to_digit(10)) {
        let next = n
            .unwrap_or(0)
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize));
        n = Some(
            next.filter(|&v| v <= i32::MAX as usize)
                .ok_or_else(|| Raise::value_error(too_big))?,
        );
        *pos += 1;
    }
    Ok(n)
}

/// At most `precision` characters of `text`.
fn truncate(text: String, precision: Option<usize>) -> String {
    match precision {
        Some(p) if text.chars().count() > p => text.chars().take(p).collect(),
        _ => text,
    }
}

/// `text` padded with spaces to the spec's width (left-justified with `-`).
/// Zero padding is the number renderers' business.
fn pad(text: String, spec: &Spec) -> PyResult<String> {
    let len = text.chars().count();
    if spec.width <= len {
        return Ok(text);
    }
    let fill = filler(' ', spec.width - len)?;
    Ok(match spec.flags & LJUST != 0 {
        true => text + &fill,
        false => fill + &text,
    })
}

/// `n` copies of `c`, or MemoryError when they cannot be allocated.
fn filler(c: char, n: usize) -> PyResult<String> {
    let mut s = String::new();
    s.try_reserve_exact(n)
        .map_err(|_| Raise::Bare(ExcKind::MemoryError))?;
    s.extend(std::iter::repeat_n(c, n));
    Ok(s)
}

/// The bytes `%s`/`%b` of a bytes format takes: a bytes-like object, or what
/// `__bytes__` returns; as Latin-1 characters.
fn bytes_of(vm: &mut Vm, arg: &Value) -> PyResult<String> {
    let latin1 = |data: &[u8]| data.iter().map(|&b| b as char).collect::<String>();
    if let Some(data) = bytes::as_bytes(&vm.gil, arg) {
        return Ok(latin1(data));
    }
    if let Some(Object::Instance(_)) = arg.as_object() {
        if let Some(r) = ops::call_dunder(vm, arg, "__bytes__", Vec::new())? {
            if let Some(Object::Bytes(b)) = r.as_object() {
                return Ok(latin1(b));
            }
            return Err(Raise::type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                attr::type_name(vm, &r)
            )));
        }
    }
    Err(Raise::type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        attr::type_name(vm, arg)
    )))
}

/// An int (or bool) argument as an i64, saturating for big ints.
fn int_value(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::Obj(o) => match o.get() {
            Object::BigInt(b) if b.is_negative() => Some(i64::MIN),
            Object::BigInt(_) => Some(i64::MAX),
            _ => None,
        },
        _ => None,
    }
}

/// The int an integer conversion formats: ints as they are; for `d`, `i`,
/// `u` anything `int()` takes that is a number (floats truncate); for `o`,
/// `x`, `X` only what has `__index__`.
fn int_of(vm: &mut Vm, arg: &Value, ty: char) -> PyResult<BigInt> {
    let index_only = matches!(ty, 'o' | 'x' | 'X');
    let wrong_type = |vm: &Vm| {
        let what = if index_only {
            "an integer"
        } else {
            "a real number"
        };
        Raise::type_error(format!(
            "%{ty} format: {what} is required, not {}",
            attr::type_name(vm, arg)
        ))
    };
    let as_big = |v: &Value| match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Obj(o) => match o.get() {
            Object::BigInt(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    };
    if let Some(n) = as_big(arg) {
        return Ok(n);
    }
    // An instance of an int subclass carries its int.
    if let Some(Object::Instance(i)) = arg.as_object() {
        match &i.payload {
            Some(Value::Float(f)) if !index_only => {
                return int::from_f64(*f).map(|v| as_big(&v).unwrap_or_default())
            }
            Some(p) => {
                if let Some(n) = as_big(p) {
                    return Ok(n);
                }
            }
            None => {}
        }
    }
    let converted = match arg {
        Value::Float(_) if index_only => return Err(wrong_type(vm)),
        Value::Float(f) => int::from_f64(*f)?,
        Value::Obj(o) if matches!(o.get(), Object::Instance(_)) => {
            let class = attr::class_of(vm, arg);
            let method = ["__int__", "__index__"]
                .into_iter()
                .skip(index_only as usize)
                .find_map(|name| attr::lookup(vm, &class, name));
            let Some(method) = method else {
                return Err(wrong_type(vm));
            };
            // Any TypeError of the conversion becomes the format's own, as
            // CPython's `mainformatlong` reports it.
            match call::call(vm, &method, vec![arg.clone()], Vec::new()) {
                Err(Raise::New(ExcKind::TypeError, _)) => return Err(wrong_type(vm)),
                other => other?,
            }
        }
        _ => return Err(wrong_type(vm)),
    };
    as_big(&converted).ok_or_else(|| wrong_type(vm))
}

/// An integer conversion: sign, `0x`/`0o` prefix with `#`, digits padded to
/// the precision, then the width (zeros after the prefix with `0`).
fn render_int(n: &BigInt, spec: &Spec) -> PyResult<String> {
    let radix = match spec.ty {
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    let mut digits = n.magnitude().to_str_radix(radix);
    if spec.ty == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = spec.precision.filter(|&p| p > digits.len()) {
        digits.insert_str(0, &filler('0', p - digits.len())?);
    }
    let sign = if n.is_negative() {
        "-"
    } else if spec.flags & SIGN != 0 {
        "+"
    } else if spec.flags & BLANK != 0 {
        " "
    } else {
        ""
    };
    let prefix = match (spec.flags & ALT != 0, spec.ty) {
        (true, 'o') => "0o",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    let len = sign.len() + prefix.len() + digits.len();
    if spec.width > len && spec.flags & ZERO != 0 && spec.flags & LJUST == 0 {
        let zeros = filler('0', spec.width - len)?;
        return Ok(format!("{sign}{prefix}{zeros}{digits}"));
    }
    pad(format!("{sign}{prefix}{digits}"), spec)
}

/// The float a float conversion formats: floats, ints (OverflowError when
/// too large), and objects with `__float__` or `__index__`.
fn float_of(vm: &mut Vm, arg: &Value) -> PyResult<f64> {
    if let Value::Float(f) = arg {
        return Ok(*f);
    }
    if let Some(f) = int::to_f64(arg) {
        return f;
    }
    if let Some(Object::Instance(i)) = arg.as_object() {
        // An instance of a float or int subclass carries its number.
        match &i.payload {
            Some(Value::Float(f)) => return Ok(*f),
            Some(p) => {
                if let Some(f) = int::to_f64(p) {
                    return f;
                }
            }
            None => {}
        }
        if let Some(r) = ops::call_dunder(vm, arg, "__float__", Vec::new())? {
            return match r {
                Value::Float(f) => Ok(f),
                _ => Err(Raise::type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    attr::type_name(vm, arg),
                    attr::type_name(vm, &r)
                ))),
            };
        }
        if let Some(r) = ops::call_dunder(vm, arg, "__index__", Vec::new())? {
            if let Some(f) = int::to_f64(&r) {
                return f;
            }
        }
    }
    Err(Raise::type_error(format!(
        "must be real number, not {}",
        attr::type_name(vm, arg)
    )))
}

/// A float conversion, through the format-spec renderer: `%+08.2f` is
/// `format(x, '+08.2f')`, `%-8e` is `format(x, '<8e')`.
fn render_float(x: f64, spec: &Spec) -> PyResult<String> {
    let mut s = String::new();
    if spec.flags & LJUST != 0 {
        s.push('<');
    }
    if spec.flags & SIGN != 0 {
        s.push('+');
    } else if spec.flags & BLANK != 0 {
        s.push(' ');
    }
    if spec.flags & ALT != 0 {
        s.push('#');
    }
    if spec.flags & ZERO != 0 && spec.flags & LJUST == 0 {
        s.push('0');
    }
    if spec.width > 0 {
        s.push_str(&spec.width.to_string());
    }
    s.push('.');
    s.push_str(&spec.precision.unwrap_or(6).to_string());
    s.push(spec.ty);
    format::format(FormatArg::Float(x), &s).map_err(|e| match e.kind {
        format::FormatErrorKind::MemoryError => Raise::Bare(ExcKind::MemoryError),
        format::FormatErrorKind::OverflowError => Raise::new(ExcKind::OverflowError, e.msg),
        _ => Raise::value_error(e.msg),
    })
}
