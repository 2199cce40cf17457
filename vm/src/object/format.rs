//! Python's format-spec mini-language, as `int`, `float`, `str` and `bool`
//! `__format__` implement it: `format(value, spec)`, f-string `{x:spec}` and
//! `str.format` all end here.
//!
//! The grammar is `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`,
//! parsed once by [`Spec::parse`]; the three renderers follow CPython 3.11's
//! `Python/formatter_unicode.c` (numbers: sign, prefix, padding, grouped digits,
//! decimal point, remainder) and `PyOS_double_to_string` (float digits), and
//! raise the same errors with the same messages. Locale-dependent `n` behaves
//! as under the C locale (no grouping, `.` as the decimal point), which is what
//! CPython does until a program calls `locale.setlocale`.
//!
//! Pure functions: nothing here touches interpreter state.

mod complex;

use gilt_parser::repr::float_repr;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use std::fmt::Write as _;

/// The value being formatted.
#[derive(Clone, Copy, Debug)]
pub enum FormatArg<'a> {
    /// An `int` that fits in an `i64`.
    Int(i64),
    /// Any `int` (also used when it does not fit in an `i64`).
    BigInt(&'a BigInt),
    /// A `float`.
    Float(f64),
    /// A `str`.
    Str(&'a str),
    /// A `bool`: `True`/`False` under an empty spec, else formatted as an int.
    Bool(bool),
    /// A `complex`: its real and imaginary parts.
    Complex(f64, f64),
}

/// The Python exception class a [`FormatError`] becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatErrorKind {
    /// Nearly every error: a bad spec, or a spec the type rejects.
    ValueError,
    /// Not raised by [`format`]; for callers reporting a non-str spec.
    TypeError,
    /// `c` outside `range(0x110000)`, or an int too large for a float type.
    OverflowError,
    /// The padded result could not be allocated.
    MemoryError,
}

/// Why a value could not be formatted: the exception class and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// The exception class to raise.
    pub kind: FormatErrorKind,
    /// The message, as CPython 3.11 words it.
    pub msg: String,
}

impl FormatError {
    fn value(msg: impl Into<String>) -> FormatError {
        FormatError {
            kind: FormatErrorKind::ValueError,
            msg: msg.into(),
        }
    }

    fn overflow(msg: &str) -> FormatError {
        FormatError {
            kind: FormatErrorKind::OverflowError,
            msg: msg.to_string(),
        }
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

impl std::error::Error for FormatError {}

type Result<T> = std::result::Result<T, FormatError>;

/// Format `arg` by `spec` as CPython's int/float/str/bool `__format__` do.
///
/// An empty spec gives `str(arg)`. `format(FormatArg::Float(1.5), "+08.2f")`
/// gives `+0001.50`; `format(FormatArg::Int(255), "#x")` gives `0xff`.
pub fn format(arg: FormatArg<'_>, spec: &str) -> Result<String> {
    match arg {
        FormatArg::Int(n) => format_int(Int::Small(n), spec, "int"),
        FormatArg::BigInt(n) => format_int(Int::Big(n), spec, "int"),
        FormatArg::Bool(b) if spec.is_empty() => Ok(if b { "True" } else { "False" }.into()),
        FormatArg::Bool(b) => format_int(Int::Small(i64::from(b)), spec, "bool"),
        FormatArg::Float(x) => format_float(x, spec),
        FormatArg::Str(s) => format_str(s, spec),
        FormatArg::Complex(re, im) => complex::format_complex(re, im, spec),
    }
}

/// A parsed format spec (CPython's `InternalFormatSpec`).
#[derive(Debug)]
struct Spec {
    fill: char,
    /// One of `<`, `>`, `=`, `^`.
    align: char,
    /// `+`, `-`, ` `, or `None` when not given.
    sign: Option<char>,
    /// `z`: a float that rounds to zero loses its `-`.
    no_neg_0: bool,
    /// `#`.
    alternate: bool,
    width: Option<usize>,
    /// The separator and the number of digits between separators.
    grouping: Option<(char, usize)>,
    precision: Option<usize>,
    /// The presentation type, or `None` for float's omitted type.
    ty: Option<char>,
}

impl Spec {
    /// Parse `spec` for an object of type `type_name`, whose omitted type and
    /// alignment are `default_type` and `default_align`.
    fn parse(
        spec: &str,
        type_name: &str,
        default_type: Option<char>,
        default_align: char,
    ) -> Result<Spec> {
        let chars: Vec<char> = spec.chars().collect();
        let is_align = |c: Option<&char>| matches!(c, Some('<' | '>' | '=' | '^'));
        let mut parsed = Spec {
            fill: ' ',
            align: default_align,
            sign: None,
            no_neg_0: false,
            alternate: false,
            width: None,
            grouping: None,
            precision: None,
            ty: default_type,
        };
        let mut pos = 0;
        let mut fill_given = false;
        let mut align_given = false;
        if is_align(chars.get(1)) {
            parsed.fill = chars[0];
            parsed.align = chars[1];
            (fill_given, align_given) = (true, true);
            pos = 2;
        } else if is_align(chars.first()) {
            parsed.align = chars[0];
            align_given = true;
            pos = 1;
        }
        let at = |pos: usize, c: char| chars.get(pos) == Some(&c);
        if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
            parsed.sign = Some(c);
            pos += 1;
        }
        if at(pos, 'z') {
            parsed.no_neg_0 = true;
            pos += 1;
        }
        if at(pos, '#') {
            parsed.alternate = true;
            pos += 1;
        }
        // A `0` before the width pads with zeros after the sign, unless a fill
        // or an alignment says otherwise.
        if !fill_given && at(pos, '0') {
            parsed.fill = '0';
            if !align_given && default_align == '>' {
                parsed.align = '=';
            }
            pos += 1;
        }
        parsed.width = read_integer(&chars, &mut pos)?;
        if at(pos, ',') {
            parsed.grouping = Some((',', 3));
            pos += 1;
        }
        if at(pos, '_') {
            if parsed.grouping.is_some() {
                return Err(comma_and_underscore());
            }
            parsed.grouping = Some(('_', 3));
            pos += 1;
        }
        if at(pos, ',') && parsed.grouping == Some(('_', 3)) {
            return Err(comma_and_underscore());
        }
        if at(pos, '.') {
            pos += 1;
            parsed.precision = read_integer(&chars, &mut pos)?;
            if parsed.precision.is_none() {
                return Err(FormatError::value("Format specifier missing precision"));
            }
        }
        match chars.len() - pos {
            0 => {}
            1 => parsed.ty = Some(chars[pos]),
            _ => {
                return Err(FormatError::value(format!(
                    "Invalid format specifier '{spec}' for object of type '{type_name}'"
                )))
            }
        }
        parsed.check_grouping()?;
        Ok(parsed)
    }

    /// PEP 378 and PEP 515: `,` and `_` go with decimal and float types only,
    /// except that `_` also groups `b`, `o`, `x`, `X` digits in fours.
    fn check_grouping(&mut self) -> Result<()> {
        let Some((sep, _)) = self.grouping else {
            return Ok(());
        };
        match self.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(()),
            Some('b' | 'o' | 'x' | 'X') if sep == '_' => {
                self.grouping = Some(('_', 4));
                Ok(())
            }
            Some(ty) => Err(FormatError::value(format!(
                "Cannot specify '{sep}' with {}.",
                quoted_code(ty)
            ))),
        }
    }
}

/// Read a run of decimal digits (any Unicode `Nd`, as CPython's `get_integer`)
/// at `pos`, or `None` if there is none.
fn read_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>> {
    let start = *pos;
    let mut value: usize = 0;
    while let Some(digit) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let limit = (isize::MAX as usize - digit as usize) / 10;
        if value > limit {
            return Err(FormatError::value(
                "Too many decimal digits in format string",
            ));
        }
        value = value * 10 + digit as usize;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value))
}

/// The value of a Unicode decimal digit (general category `Nd`), else `None`.
fn decimal_value(c: char) -> Option<u32> {
    let cp = u32::from(c);
    if cp < 0x80 {
        return c.to_digit(10);
    }
    let i = DIGIT_ZEROS.partition_point(|&zero| zero <= cp);
    let offset = cp - DIGIT_ZEROS[i.checked_sub(1)?];
    (offset < 10).then_some(offset)
}

/// The digit zero of every run of ten Unicode 14.0 decimal digits, sorted
/// (from python3.11's `unicodedata.decimal`).
const DIGIT_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

fn comma_and_underscore() -> FormatError {
    FormatError::value("Cannot specify both ',' and '_'.")
}

/// A type code as CPython quotes it: `'x'`, or `'\x1'` outside printable ASCII.
fn quoted_code(ty: char) -> String {
    if (33..128).contains(&u32::from(ty)) {
        format!("'{ty}'")
    } else {
        format!("'\\x{:x}'", u32::from(ty))
    }
}

fn unknown_code(ty: Option<char>, type_name: &str) -> FormatError {
    let code = quoted_code(ty.unwrap_or('\0'));
    FormatError::value(format!(
        "Unknown format code {code} for object of type '{type_name}'"
    ))
}

// ---------------------------------------------------------------- str

/// `str.__format__`: type `s` only; precision truncates, then pads.
fn format_str(s: &str, spec: &str) -> Result<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let spec = Spec::parse(spec, "str", Some('s'), '<')?;
    if spec.ty != Some('s') {
        return Err(unknown_code(spec.ty, "str"));
    }
    let not_allowed = |what: &str| {
        Err(FormatError::value(format!(
            "{what} not allowed in string format specifier"
        )))
    };
    match spec.sign {
        Some(' ') => return not_allowed("Space"),
        Some(_) => return not_allowed("Sign"),
        None => {}
    }
    if spec.no_neg_0 {
        return not_allowed("Negative zero coercion (z)");
    }
    if spec.alternate {
        return not_allowed("Alternate form (#)");
    }
    if spec.align == '=' {
        return not_allowed("'=' alignment");
    }
    let (text, len) = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((end, _)) => (&s[..end], p),
            None => (s, s.chars().count()),
        },
        None => (s, s.chars().count()),
    };
    let padding = spec.width.unwrap_or(0).saturating_sub(len);
    let left = match spec.align {
        '>' => padding,
        '^' => padding / 2,
        _ => 0,
    };
    let mut out = reserve(text.len() + padding * spec.fill.len_utf8())?;
    push_fill(&mut out, spec.fill, left);
    out.push_str(text);
    push_fill(&mut out, spec.fill, padding - left);
    Ok(out)
}

// ---------------------------------------------------------------- int

/// An int in either representation.
#[derive(Clone, Copy)]
enum Int<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl Int<'_> {
    fn is_negative(self) -> bool {
        match self {
            Int::Small(n) => n < 0,
            Int::Big(n) => n.is_negative(),
        }
    }

    /// The digits of `|self|` in `base`, lowercase.
    fn magnitude_digits(self, base: u32) -> String {
        match (self, base) {
            (Int::Small(n), 2) => format!("{:b}", n.unsigned_abs()),
            (Int::Small(n), 8) => format!("{:o}", n.unsigned_abs()),
            (Int::Small(n), 16) => format!("{:x}", n.unsigned_abs()),
            (Int::Small(n), _) => n.unsigned_abs().to_string(),
            (Int::Big(n), _) => n.magnitude().to_str_radix(base),
        }
    }

    /// `float(self)`, correctly rounded; OverflowError past `float`'s range.
    fn to_float(self) -> Result<f64> {
        let x = match self {
            Int::Small(n) => n as f64,
            Int::Big(n) => n.to_f64().unwrap_or(f64::INFINITY),
        };
        if x.is_finite() {
            Ok(x)
        } else {
            Err(FormatError::overflow("int too large to convert to float"))
        }
    }
}

/// `int.__format__`: types `b c d o x X n`, and the float types by way of
/// `float(n)`.
fn format_int(n: Int<'_>, spec: &str, type_name: &str) -> Result<String> {
    if spec.is_empty() {
        return Ok(match n {
            Int::Small(v) => v.to_string(),
            Int::Big(v) => v.to_string(),
        });
    }
    let spec = Spec::parse(spec, type_name, Some('d'), '>')?;
    match spec.ty {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => {}
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            return render_float(n.to_float()?, &spec);
        }
        ty => return Err(unknown_code(ty, type_name)),
    }
    if spec.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let (base, prefix) = match spec.ty {
        Some('c') => return format_char(n, &spec),
        Some('b') => (2, "0b"),
        Some('o') => (8, "0o"),
        Some('x') => (16, "0x"),
        Some('X') => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = n.magnitude_digits(base);
    if spec.ty == Some('X') {
        digits.make_ascii_uppercase();
    }
    let number = Number {
        negative: n.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        decimal: false,
        remainder: "",
    };
    number.render(&spec)
}

/// Type `c`: the character whose code point is `n`, padded like a number.
fn format_char(n: Int<'_>, spec: &Spec) -> Result<String> {
    if spec.sign.is_some() {
        return Err(FormatError::value(
            "Sign not allowed with integer format specifier 'c'",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed with integer format specifier 'c'",
        ));
    }
    let code = match n {
        Int::Small(v) => v,
        Int::Big(v) => v
            .to_i64()
            .ok_or_else(|| FormatError::overflow("Python int too large to convert to C long"))?,
    };
    let c = u32::try_from(code)
        .ok()
        .filter(|&cp| cp <= 0x10FFFF)
        .ok_or_else(|| FormatError::overflow("%c arg not in range(0x110000)"))?;
    // Rust strings cannot hold a lone surrogate; U+FFFD stands in for one.
    let text = char::from_u32(c).unwrap_or('\u{FFFD}').to_string();
    let number = Number {
        negative: false,
        prefix: "",
        digits: "",
        decimal: false,
        remainder: &text,
    };
    number.render(spec)
}

// ---------------------------------------------------------------- float

/// `float.__format__`: types `e E f F g G n %`, or none (like `repr`, or like
/// `g` with at least one digit after the point when a precision is given).
fn format_float(x: f64, spec: &str) -> Result<String> {
    if spec.is_empty() {
        let mut out = String::new();
        float_repr(x, &mut out);
        return Ok(out);
    }
    let spec = Spec::parse(spec, "float", None, '>')?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => render_float(x, &spec),
        ty => Err(unknown_code(ty, "float")),
    }
}

/// The float conversions of CPython's `format_float_internal`, after the type
/// has been checked.
fn render_float(x: f64, spec: &Spec) -> Result<String> {
    let precision = match spec.precision {
        Some(p) if p > i32::MAX as usize => {
            return Err(FormatError::value("precision too big"));
        }
        Some(p) => Some(p as i64),
        None => None,
    };
    let (mut x, mut percent, mut add_dot_0) = (x, false, false);
    let mut mode = match spec.ty {
        None => {
            add_dot_0 = true;
            Mode::Repr
        }
        Some('e' | 'E') => Mode::Exponent,
        Some('f' | 'F') => Mode::Fixed,
        Some('%') => {
            x *= 100.0;
            percent = true;
            Mode::Fixed
        }
        _ => Mode::General,
    };
    if mode == Mode::Repr && precision.is_some() {
        mode = Mode::General;
    }
    let digits = FloatDigits {
        mode,
        precision: precision.unwrap_or(if mode == Mode::Repr { 0 } else { 6 }),
        add_dot_0,
        alternate: spec.alternate,
        upper: matches!(spec.ty, Some('E' | 'F' | 'G')),
    };
    let (negative, mut text) = digits.render(x, spec.no_neg_0);
    if percent {
        text.push('%');
    }
    let int_len = text.bytes().take_while(u8::is_ascii_digit).count();
    let decimal = text[int_len..].starts_with('.');
    let number = Number {
        negative,
        prefix: "",
        digits: &text[..int_len],
        decimal,
        remainder: &text[int_len + usize::from(decimal)..],
    };
    number.render(spec)
}

/// How `PyOS_double_to_string` lays out a float's digits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// `e`: one digit, the point, `precision` digits, an exponent.
    Exponent,
    /// `f`: `precision` digits after the point.
    Fixed,
    /// `g`: `precision` significant digits, scientific when the exponent is
    /// below -4 or at least the precision; trailing zeros dropped.
    General,
    /// `repr`: the shortest round-tripping digits, scientific from 1e16.
    Repr,
}

/// The options of one float conversion (CPython's `format_float_short`).
struct FloatDigits {
    mode: Mode,
    precision: i64,
    /// Keep a `.0` on a positional whole number; `General` then switches to
    /// scientific one digit earlier.
    add_dot_0: bool,
    /// `#`: keep the point and, for `General`, trailing zeros.
    alternate: bool,
    /// `INF`, `NAN`, `E`.
    upper: bool,
}

impl FloatDigits {
    /// Whether a `-` belongs in front, and the unsigned text of `x`.
    fn render(&self, x: f64, no_neg_0: bool) -> (bool, String) {
        let special = |lower: &str| {
            if self.upper {
                lower.to_ascii_uppercase()
            } else {
                lower.to_string()
            }
        };
        if x.is_nan() {
            return (false, special("nan"));
        }
        if x.is_infinite() {
            return (x < 0.0, special("inf"));
        }
        let abs = x.abs();
        let mut precision = self.precision;
        let (digits, decpt) = match self.mode {
            Mode::Exponent => {
                precision += 1;
                scientific_digits(abs, precision)
            }
            Mode::General => {
                precision = precision.max(1);
                scientific_digits(abs, precision)
            }
            Mode::Fixed => fixed_digits(abs, precision),
            Mode::Repr => repr_digits(abs),
        };
        let negative = x.is_sign_negative() && !(no_neg_0 && digits == b"0");
        (negative, self.layout(&digits, decpt, precision))
    }

    /// Place the point in `digits` (no trailing zeros; the value is
    /// `0.digits * 10^decpt`), padding with zeros and adding an exponent as
    /// the mode asks.
    fn layout(&self, digits: &[u8], mut decpt: i64, precision: i64) -> String {
        let len = digits.len() as i64;
        let mut use_exp = false;
        // The output is the slice [start, end) of `digits` padded with
        // endless zeros on both sides.
        let mut end = len;
        match self.mode {
            Mode::Exponent => {
                use_exp = true;
                end = precision;
            }
            Mode::Fixed => end = decpt + precision,
            Mode::General => {
                let limit = if self.add_dot_0 {
                    precision - 1
                } else {
                    precision
                };
                use_exp = decpt <= -4 || decpt > limit;
                if self.alternate {
                    end = precision;
                }
            }
            Mode::Repr => use_exp = decpt <= -4 || decpt > 16,
        }
        let exp = decpt - 1;
        if use_exp {
            decpt = 1;
        }
        let start = if decpt <= 0 { decpt - 1 } else { 0 };
        let min_end = if !use_exp && self.add_dot_0 {
            decpt + 1
        } else {
            decpt
        };
        end = end.max(min_end);

        let mut out = String::with_capacity((end - start) as usize + 8);
        let zeros = |out: &mut String, n: i64| push_fill(out, '0', n.max(0) as usize);
        let ascii = |out: &mut String, d: &[u8]| out.extend(d.iter().map(|&b| char::from(b)));
        if decpt <= 0 {
            zeros(&mut out, decpt - start);
            out.push('.');
            zeros(&mut out, -decpt);
            ascii(&mut out, digits);
        } else if decpt <= len {
            ascii(&mut out, &digits[..decpt as usize]);
            out.push('.');
            ascii(&mut out, &digits[decpt as usize..]);
        } else {
            ascii(&mut out, digits);
        }
        if len < decpt {
            zeros(&mut out, decpt - len);
            out.push('.');
            zeros(&mut out, end - decpt);
        } else {
            zeros(&mut out, end - len);
        }
        if out.ends_with('.') && !self.alternate {
            out.pop();
        }
        if use_exp {
            out.push(if self.upper { 'E' } else { 'e' });
            let _ = write!(out, "{exp:+03}");
        }
        out
    }
}

/// `count` significant digits of the finite `x >= 0`, correctly rounded
/// (ties to even on the exact binary value, as dtoa mode 2), with `decpt`.
fn scientific_digits(x: f64, count: i64) -> (Vec<u8>, i64) {
    let text = format!("{:.*e}", (count - 1) as usize, x);
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    normalize(mantissa, exp)
}

/// The digits of the finite `x >= 0` rounded to `places` after the point
/// (dtoa mode 3), with `decpt`.
fn fixed_digits(x: f64, places: i64) -> (Vec<u8>, i64) {
    normalize(&format!("{:.*}", places as usize, x), 0)
}

/// The shortest round-tripping digits of the finite `x >= 0` (dtoa mode 0),
/// taken from the repr so the two agree on ties.
fn repr_digits(x: f64) -> (Vec<u8>, i64) {
    let mut text = String::new();
    float_repr(x, &mut text);
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    normalize(mantissa, exp.parse().unwrap_or(0))
}

/// Turn `mantissa * 10^exp` (`mantissa` is digits with at most one `.`) into
/// digits without leading or trailing zeros and the position of the point
/// (`0.digits * 10^decpt`); zero is `("0", 1)`, as dtoa gives it.
fn normalize(mantissa: &str, exp: i64) -> (Vec<u8>, i64) {
    let point = mantissa.find('.').unwrap_or(mantissa.len());
    let all: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let Some(first) = all.iter().position(|&b| b != b'0') else {
        return (vec![b'0'], 1);
    };
    let last = all.iter().rposition(|&b| b != b'0').unwrap_or(first);
    let decpt = point as i64 - first as i64 + exp;
    (all[first..=last].to_vec(), decpt)
}

// ---------------------------------------------------------------- layout

/// A number cut into the parts CPython's `fill_number` places:
/// `<pad><sign><prefix><pad><grouped digits><.><remainder><pad>`.
struct Number<'a> {
    negative: bool,
    /// `0x` and the like, under `#`.
    prefix: &'a str,
    /// The ASCII digits that grouping and `0`-padding apply to.
    digits: &'a str,
    /// Whether a decimal point follows the digits.
    decimal: bool,
    /// Fraction, exponent, `%`, `inf`, or the character of type `c`.
    remainder: &'a str,
}

impl Number<'_> {
    /// CPython's `calc_number_widths` and `fill_number`.
    fn render(&self, spec: &Spec) -> Result<String> {
        let sign = match (spec.sign, self.negative) {
            (_, true) => Some('-'),
            (Some('+'), false) => Some('+'),
            (Some(' '), false) => Some(' '),
            _ => None,
        };
        let fixed = usize::from(sign.is_some())
            + self.prefix.len()
            + usize::from(self.decimal)
            + self.remainder.chars().count();
        let width = spec.width.unwrap_or(0);
        // With `=` and a `0` fill, the zeros go inside the grouping.
        let min_width = if spec.fill == '0' && spec.align == '=' {
            width.saturating_sub(fixed)
        } else {
            0
        };
        let grouped = if self.digits.is_empty() {
            String::new() // type `c` and inf/nan: no digits to group or pad
        } else {
            group_digits(self.digits, min_width, spec.grouping)
        };
        let padding = width.saturating_sub(fixed + grouped.len());
        let (left, inner, right) = match spec.align {
            '<' => (0, 0, padding),
            '^' => (padding / 2, 0, padding - padding / 2),
            '=' => (0, padding, 0),
            _ => (padding, 0, 0),
        };
        let size = fixed + grouped.len() + self.remainder.len() + padding * spec.fill.len_utf8();
        let mut out = reserve(size)?;
        push_fill(&mut out, spec.fill, left);
        out.extend(sign);
        out.push_str(self.prefix);
        push_fill(&mut out, spec.fill, inner);
        out.push_str(&grouped);
        if self.decimal {
            out.push('.');
        }
        out.push_str(self.remainder);
        push_fill(&mut out, spec.fill, right);
        Ok(out)
    }
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: `digits` with `sep` every
/// `size` digits from the right, left-padded with zeros (which are grouped
/// too) to at least `min_width` characters.
fn group_digits(digits: &str, min_width: usize, grouping: Option<(char, usize)>) -> String {
    let digits = digits.as_bytes();
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width as isize;
    // Built right to left, then reversed.
    let mut out: Vec<u8> = Vec::with_capacity(digits.len().max(min_width as usize) * 2);
    let take = |out: &mut Vec<u8>, len: isize, remaining: &mut isize| {
        let chars = (*remaining).min(len).max(0);
        let from = (*remaining - chars) as usize;
        out.extend(digits[from..*remaining as usize].iter().rev());
        out.extend(std::iter::repeat_n(b'0', (len - chars).max(0) as usize));
        *remaining -= chars;
    };
    match grouping {
        Some((sep, size)) => loop {
            let len = (size as isize).min(remaining.max(min_width).max(1));
            take(&mut out, len, &mut remaining);
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                break;
            }
            min_width -= 1;
            out.push(sep as u8);
        },
        None => take(&mut out, remaining.max(min_width).max(1), &mut remaining),
    }
    out.reverse();
    // Only ASCII digits, `0`, `,` and `_` were pushed.
    String::from_utf8(out).unwrap_or_default()
}

/// An empty `String` with room for `size` bytes, or MemoryError.
fn reserve(size: usize) -> Result<String> {
    let mut out = String::new();
    out.try_reserve_exact(size).map_err(|_| FormatError {
        kind: FormatErrorKind::MemoryError,
        msg: String::new(),
    })?;
    Ok(out)
}

fn push_fill(out: &mut String, fill: char, count: usize) {
    out.extend(std::iter::repeat_n(fill, count));
}

#[cfg(test)]
mod tests {
    //! The tables are python3.11's `format(value, spec)` and the exception it
    //! raises, printed by a script over the listed (value, spec) pairs.

    use super::*;
    use FormatErrorKind as Kind;
    use V::{B, F, I, S, T};

    /// A test value; `B` holds a decimal literal, parsed when the test runs.
    #[derive(Debug)]
    enum V {
        I(i64),
        B(&'static str),
        F(f64),
        S(&'static str),
        T(bool),
    }

    fn run(value: &V, spec: &str) -> Result<String> {
        match value {
            I(n) => format(FormatArg::Int(*n), spec),
            B(text) => format(FormatArg::BigInt(&text.parse().unwrap()), spec),
            F(x) => format(FormatArg::Float(*x), spec),
            S(s) => format(FormatArg::Str(s), spec),
            T(b) => format(FormatArg::Bool(*b), spec),
        }
    }

    #[test]
    fn formats_match_python() {
        for (value, spec, want) in CASES {
            assert_eq!(run(value, spec).as_deref(), Ok(*want), "{value:?} {spec:?}");
        }
    }

    #[test]
    fn errors_match_python() {
        for (value, spec, kind, msg) in ERRORS {
            let want = FormatError {
                kind: *kind,
                msg: msg.to_string(),
            };
            assert_eq!(run(value, spec), Err(want), "{value:?} {spec:?}");
        }
    }

    #[test]
    fn big_ints_in_i64_range_match_small_ones() {
        for spec in ["", "x", "#o", "+,", "_b", "08", "c", "e"] {
            let big = BigInt::from(-300);
            assert_eq!(
                format(FormatArg::BigInt(&big), spec),
                format(FormatArg::Int(-300), spec)
            );
        }
    }

    #[test]
    fn unicode_digits_are_read_as_width() {
        assert_eq!(decimal_value('\u{1D7D9}'), Some(1)); // MATHEMATICAL DOUBLE-STRUCK ONE
        assert_eq!(decimal_value('\u{FF19}'), Some(9));
        assert_eq!(decimal_value('\u{2155}'), None); // VULGAR FRACTION ONE FIFTH
        assert_eq!(decimal_value('/'), None);
    }

    #[test]
    fn huge_width_is_memory_error() {
        let got = format(FormatArg::Int(1), &(isize::MAX / 2).to_string());
        assert_eq!(got.map_err(|e| e.kind), Err(Kind::MemoryError));
    }

    #[rustfmt::skip]
    const CASES: &[(V, &str, &str)] = &[
        (I(0), "", "0"),
        (I(42), "", "42"),
        (I(-42), "", "-42"),
        (I(42), "d", "42"),
        (I(-42), "5", "  -42"),
        (I(42), "<5", "42   "),
        (I(42), "^6", "  42  "),
        (I(42), "*^7", "**42***"),
        (I(-42), "=6", "-   42"),
        (I(-42), "06", "-00042"),
        (I(42), "+", "+42"),
        (I(42), " ", " 42"),
        (I(-42), " ", "-42"),
        (I(42), "-", "42"),
        (I(42), "+06", "+00042"),
        (I(255), "x", "ff"),
        (I(255), "X", "FF"),
        (I(255), "#x", "0xff"),
        (I(255), "#X", "0XFF"),
        (I(255), "o", "377"),
        (I(255), "#o", "0o377"),
        (I(5), "b", "101"),
        (I(5), "#b", "0b101"),
        (I(-5), "#b", "-0b101"),
        (I(-255), "#010x", "-0x00000ff"),
        (I(255), "#_b", "0b1111_1111"),
        (I(12345), "#012_x", "0x0_0000_3039"),
        (I(-12345), "#012_X", "-0X0000_3039"),
        (I(1234567), ",", "1,234,567"),
        (I(1234567), "_", "1_234_567"),
        (I(-1234567), ",", "-1,234,567"),
        (I(1234), "08,", "0,001,234"),
        (I(1234), "09,", "0,001,234"),
        (I(1234), "010,", "00,001,234"),
        (I(123), "07,", "000,123"),
        (I(0), "05,", "0,000"),
        (I(1234567), ">15,", "      1,234,567"),
        (I(1234567), "<15_", "1_234_567      "),
        (I(1234567), "^15,", "   1,234,567   "),
        (I(1234567), "0=15,", "000,001,234,567"),
        (I(1234567), "x=15,", "xxxxxx1,234,567"),
        (I(123), "n", "123"),
        (I(1234567), "n", "1234567"),
        (I(1234), "08n", "00001234"),
        (I(65), "c", "A"),
        (I(65), "5c", "    A"),
        (I(65), "05c", "0000A"),
        (I(65), "<5c", "A    "),
        (I(128512), "c", "\u{1f600}"),
        (I(1114111), "^3c", " \u{10ffff} "),
        (I(5), "-<5", "5----"),
        (I(-5), "<05", "-5000"),
        (I(5), "x<05", "5xxxx"),
        (I(5), "0<5", "50000"),
        (I(5), "0>5", "00005"),
        (I(5), "0^5", "00500"),
        (I(5), "00", "5"),
        (I(5), "010", "0000000005"),
        (I(5), "\u{e9}>5", "\u{e9}\u{e9}\u{e9}\u{e9}5"),
        (I(5), "\u{1f600}^5", "\u{1f600}\u{1f600}5\u{1f600}\u{1f600}"),
        (I(5), "\u{665}", "    5"),
        (I(5), "\u{661}\u{660}", "         5"),
        (I(7), "e", "7.000000e+00"),
        (I(7), ".2e", "7.00e+00"),
        (I(7), "f", "7.000000"),
        (I(7), ".1%", "700.0%"),
        (I(-7), "g", "-7"),
        (I(7), "G", "7"),
        (I(7), ",.2f", "7.00"),
        (I(9223372036854775807), "", "9223372036854775807"),
        (I(-9223372036854775808), "", "-9223372036854775808"),
        (I(-9223372036854775808), "x", "-8000000000000000"),
        (I(-9223372036854775808), "_", "-9_223_372_036_854_775_808"),
        (B("1267650600228229401496703205376"), "", "1267650600228229401496703205376"),
        (B("1267650600228229401496703205376"), ",", "1,267,650,600,228,229,401,496,703,205,376"),
        (B("1267650600228229401496703205376"), "x", "10000000000000000000000000"),
        (B("1267650600228229401496703205376"), "#X", "0X10000000000000000000000000"),
        (B("-1267650600228229401496703205376"), "o", "-2000000000000000000000000000000000"),
        (B("1267650600228229401496703205376"), "_b", "1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
        (B("1267650600228229401496703205376"), "_x", "10_0000_0000_0000_0000_0000_0000"),
        (B("-1267650600228229401496703205376"), "+,", "-1,267,650,600,228,229,401,496,703,205,376"),
        (B("1267650600228229401496703205376"), "040", "0000000001267650600228229401496703205376"),
        (B("1267650600228229401496703205376"), "_d", "1_267_650_600_228_229_401_496_703_205_376"),
        (B("1267650600228229401496703205376"), "e", "1.267651e+30"),
        (B("1267650600228229401496703205376"), ".3g", "1.27e+30"),
        (B("-1267650600228229401496703205376"), "020,", "-1,267,650,600,228,229,401,496,703,205,376"),
        (B("1000000000000000000000000000000"), "n", "1000000000000000000000000000000"),
        (T(true), "", "True"),
        (T(false), "", "False"),
        (T(true), "d", "1"),
        (T(true), ">6", "     1"),
        (T(false), "^5", "  0  "),
        (T(true), "x", "1"),
        (T(true), "#b", "0b1"),
        (T(true), "f", "1.000000"),
        (T(true), "c", "\u{1}"),
        (T(false), "+", "+0"),
        (T(true), "%", "100.000000%"),
        (F(1.0), "", "1.0"),
        (F(1e+16), "", "1e+16"),
        (F(1.5), "10", "       1.5"),
        (F(1.5), "<10", "1.5       "),
        (F(-1.5), "010", "-0000001.5"),
        (F(1.5), "+", "+1.5"),
        (F(1.5), " ", " 1.5"),
        (F(0.1), "", "0.1"),
        (F(1e-05), "", "1e-05"),
        (F(123.456), "", "123.456"),
        (F(1e+22), "f", "10000000000000000000000.000000"),
        (F(1e+22), "", "1e+22"),
        (F(1e+22), ",", "1e+22"),
        (F(2.675), ".2f", "2.67"),
        (F(0.125), ".2f", "0.12"),
        (F(0.375), ".2f", "0.38"),
        (F(0.5), ".0f", "0"),
        (F(1.5), ".0f", "2"),
        (F(2.5), ".0f", "2"),
        (F(1.5), "#.0f", "2."),
        (F(3.24159), "f", "3.241590"),
        (F(3.24159), ".3f", "3.242"),
        (F(3.24159), "e", "3.241590e+00"),
        (F(3.24159), ".3E", "3.242E+00"),
        (F(3.24159), "g", "3.24159"),
        (F(3.24159), ".3g", "3.24"),
        (F(1234567.891), ",", "1,234,567.891"),
        (F(1234567.891), ",.2f", "1,234,567.89"),
        (F(1234567.891), "_.3f", "1_234_567.891"),
        (F(1234567.891), "015,.2f", "0,001,234,567.89"),
        (F(1234567.891), "016,.2f", "0,001,234,567.89"),
        (F(1234567.0), "013,.1f", "001,234,567.0"),
        (F(1234567.891), "e", "1.234568e+06"),
        (F(1234567.891), "g", "1.23457e+06"),
        (F(1234567.891), ".10g", "1234567.891"),
        (F(1234567.891), "n", "1.23457e+06"),
        (F(0.0001), "g", "0.0001"),
        (F(1e-05), "g", "1e-05"),
        (F(0.0001234), ".2g", "0.00012"),
        (F(123456.0), "g", "123456"),
        (F(1234567.0), "g", "1.23457e+06"),
        (F(100.0), "g", "100"),
        (F(100.0), "#g", "100.000"),
        (F(100.0), "#.3g", "100."),
        (F(0.5), "%", "50.000000%"),
        (F(0.125), ".1%", "12.5%"),
        (F(-0.5), "+.0%", "-50%"),
        (F(1.0), ".0e", "1e+00"),
        (F(1.0), "#.0e", "1.e+00"),
        (F(1.0), ".0", "1e+00"),
        (F(1.5), ".0", "2e+00"),
        (F(123.0), ".3", "1.23e+02"),
        (F(123.0), ".2", "1.2e+02"),
        (F(1.0), ".3", "1.0"),
        (F(1e+16), ".3", "1e+16"),
        (F(12.0), ".5", "12.0"),
        (F(0.0001), ".3", "0.0001"),
        (F(1e-05), ".3", "1e-05"),
        (F(1e+16), "#", "1.e+16"),
        (F(1.0), "#", "1.0"),
        (F(1e-07), "", "1e-07"),
        (F(1e-07), "#", "1.e-07"),
        (F(5e-324), "", "5e-324"),
        (F(5e-324), "e", "4.940656e-324"),
        (F(5e-324), ".3g", "4.94e-324"),
        (F(1.7976931348623157e+308), "", "1.7976931348623157e+308"),
        (F(1.7976931348623157e+308), "e", "1.797693e+308"),
        (F(1e+300), "f", "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000"),
        (F(1e+100), ".3f", "10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.000"),
        (F(1e-10), "f", "0.000000"),
        (F(1e-10), ".12f", "0.000000000100"),
        (F(0.1), ".20f", "0.10000000000000000555"),
        (F(0.1), ".30e", "1.000000000000000055511151231258e-01"),
        (F(0.0), "", "0.0"),
        (F(-0.0), "", "-0.0"),
        (F(-0.0), "f", "-0.000000"),
        (F(-0.0), "z", "0.0"),
        (F(-0.0), "z.1", "0e+00"),
        (F(-0.0), "zf", "0.000000"),
        (F(-1e-09), "z.3f", "0.000"),
        (F(-1e-09), "z.3g", "-1e-09"),
        (F(-0.001), "z.2f", "0.00"),
        (F(-0.001), "+z.2f", "+0.00"),
        (F(-0.0), "z%", "0.000000%"),
        (F(-0.006), "z.2f", "-0.01"),
        (F(-0.0), "ze", "0.000000e+00"),
        (F(-0.0), "+", "-0.0"),
        (F(0.0), "+", "+0.0"),
        (F(0.0), " ", " 0.0"),
        (F(f64::INFINITY), "", "inf"),
        (F(f64::NEG_INFINITY), "", "-inf"),
        (F(f64::NAN), "", "nan"),
        (F(-f64::NAN), "", "nan"),
        (F(f64::INFINITY), "F", "INF"),
        (F(f64::NEG_INFINITY), "E", "-INF"),
        (F(f64::NAN), "G", "NAN"),
        (F(f64::NAN), "+", "+nan"),
        (F(-f64::NAN), "+f", "+nan"),
        (F(f64::INFINITY), "010", "0000000inf"),
        (F(f64::NEG_INFINITY), "010", "-000000inf"),
        (F(f64::INFINITY), "010,", "0000000inf"),
        (F(f64::INFINITY), "%", "inf%"),
        (F(f64::NAN), "^9", "   nan   "),
        (F(f64::INFINITY), "x<8", "infxxxxx"),
        (F(f64::NEG_INFINITY), "+", "-inf"),
        (F(f64::NAN), "#.3e", "nan"),
        (F(1e+16), "F", "10000000000000000.000000"),
        (F(1e-05), "E", "1.000000E-05"),
        (F(2.5e-05), "G", "2.5E-05"),
        (F(1.5), "=+8", "+    1.5"),
        (F(1.5), "*^9.3f", "**1.500**"),
        (F(1.5), "n", "1.5"),
        (F(1.5e+300), "n", "1.5e+300"),
        (F(12345.678), "10.2n", "   1.2e+04"),
        (F(-12345.678), "012n", "-000012345.7"),
        (F(1234.5), "_", "1_234.5"),
        (F(1234.5), "020_.3e", "0_000_000_001.234e+03"),
        (F(9.999), ".2f", "10.00"),
        (F(9.995), ".2f", "9.99"),
        (F(9.9999), ".3g", "10"),
        (F(99999.5), ".5g", "1e+05"),
        (F(999999.5), "g", "1e+06"),
        (F(0.30000000000000004), "", "0.30000000000000004"),
        (F(0.3333333333333333), "", "0.3333333333333333"),
        (F(0.6666666666666666), ".15", "0.666666666666667"),
        (F(578425990473212.2), "", "578425990473212.2"),
        (F(578425990473212.2), "#", "578425990473212.2"),
        (F(1000000000000000.0), "", "1000000000000000.0"),
        (F(1.2345678901234568e+17), "", "1.2345678901234568e+17"),
        (S("abc"), "", "abc"),
        (S("abc"), "s", "abc"),
        (S("abc"), "5", "abc  "),
        (S("abc"), ">5", "  abc"),
        (S("abc"), "^6", " abc  "),
        (S("abc"), "^7", "  abc  "),
        (S("abc"), "*<6", "abc***"),
        (S("abc"), "05", "abc00"),
        (S("abc"), "<05", "abc00"),
        (S("abc"), ".2", "ab"),
        (S("abc"), "5.1", "a    "),
        (S("abc"), ".0", ""),
        (S("abc"), ".10", "abc"),
        (S("h\u{e9}llo"), ">8", "   h\u{e9}llo"),
        (S("h\u{e9}llo"), ".2", "h\u{e9}"),
        (S("\u{65e5}\u{672c}\u{8a9e}"), "^7", "  \u{65e5}\u{672c}\u{8a9e}  "),
        (S("\u{65e5}\u{672c}\u{8a9e}"), "*>5.2s", "***\u{65e5}\u{672c}"),
        (S(""), "3", "   "),
        (S("a"), "\u{e9}^5", "\u{e9}\u{e9}a\u{e9}\u{e9}"),
        (S("abc"), "}<5", "abc}}"),
        (S("abc"), "{>5", "{{abc"),
        (S("\u{1f600}"), "3", "\u{1f600}  "),
        (S("abc"), "<", "abc"),
        (S("abc"), "1", "abc"),
        (S("ab"), "0", "ab"),
    ];

    #[rustfmt::skip]
    const ERRORS: &[(V, &str, Kind, &str)] = &[
        (I(1), "abc", Kind::ValueError, "Invalid format specifier 'abc' for object of type 'int'"),
        (I(1), "c,", Kind::ValueError, "Invalid format specifier 'c,' for object of type 'int'"),
        (F(1.5), "ff", Kind::ValueError, "Invalid format specifier 'ff' for object of type 'float'"),
        (S("a"), "ss", Kind::ValueError, "Invalid format specifier 'ss' for object of type 'str'"),
        (T(true), "..", Kind::ValueError, "Format specifier missing precision"),
        (F(1.0), "x", Kind::ValueError, "Unknown format code 'x' for object of type 'float'"),
        (F(1.0), "d", Kind::ValueError, "Unknown format code 'd' for object of type 'float'"),
        (F(1.0), "c", Kind::ValueError, "Unknown format code 'c' for object of type 'float'"),
        (F(1.0), "s", Kind::ValueError, "Unknown format code 's' for object of type 'float'"),
        (I(1), "s", Kind::ValueError, "Unknown format code 's' for object of type 'int'"),
        (T(true), "s", Kind::ValueError, "Unknown format code 's' for object of type 'bool'"),
        (S("a"), "d", Kind::ValueError, "Unknown format code 'd' for object of type 'str'"),
        (S("a"), "x", Kind::ValueError, "Unknown format code 'x' for object of type 'str'"),
        (I(1), "\u{1}", Kind::ValueError, "Unknown format code '\\x1' for object of type 'int'"),
        (F(1.0), "\u{e9}", Kind::ValueError, "Unknown format code '\\xe9' for object of type 'float'"),
        (I(1), "j", Kind::ValueError, "Unknown format code 'j' for object of type 'int'"),
        (I(1), ".2z", Kind::ValueError, "Unknown format code 'z' for object of type 'int'"),
        (I(1), "=5s", Kind::ValueError, "Unknown format code 's' for object of type 'int'"),
        (S("a"), "+", Kind::ValueError, "Sign not allowed in string format specifier"),
        (S("a"), " ", Kind::ValueError, "Space not allowed in string format specifier"),
        (S("a"), "-", Kind::ValueError, "Sign not allowed in string format specifier"),
        (S("a"), "z", Kind::ValueError, "Negative zero coercion (z) not allowed in string format specifier"),
        (S("a"), "#", Kind::ValueError, "Alternate form (#) not allowed in string format specifier"),
        (S("a"), "=", Kind::ValueError, "'=' alignment not allowed in string format specifier"),
        (S("a"), "=5", Kind::ValueError, "'=' alignment not allowed in string format specifier"),
        (S("a"), "+#", Kind::ValueError, "Sign not allowed in string format specifier"),
        (S("a"), "#=", Kind::ValueError, "'=' alignment not allowed in string format specifier"),
        (S("a"), " z", Kind::ValueError, "Space not allowed in string format specifier"),
        (S("a"), "x=5", Kind::ValueError, "'=' alignment not allowed in string format specifier"),
        (I(1), ".2", Kind::ValueError, "Precision not allowed in integer format specifier"),
        (I(1), "z.2", Kind::ValueError, "Precision not allowed in integer format specifier"),
        (I(1), "z", Kind::ValueError, "Negative zero coercion (z) not allowed in integer format specifier"),
        (I(1), "zd", Kind::ValueError, "Negative zero coercion (z) not allowed in integer format specifier"),
        (B("1267650600228229401496703205376"), ".3d", Kind::ValueError, "Precision not allowed in integer format specifier"),
        (T(true), ".1", Kind::ValueError, "Precision not allowed in integer format specifier"),
        (I(1), "+c", Kind::ValueError, "Sign not allowed with integer format specifier 'c'"),
        (I(1), "#c", Kind::ValueError, "Alternate form (#) not allowed with integer format specifier 'c'"),
        (I(1), ".2c", Kind::ValueError, "Precision not allowed in integer format specifier"),
        (I(1), "zc", Kind::ValueError, "Negative zero coercion (z) not allowed in integer format specifier"),
        (I(-1), "c", Kind::OverflowError, "%c arg not in range(0x110000)"),
        (I(1114112), "c", Kind::OverflowError, "%c arg not in range(0x110000)"),
        (B("1267650600228229401496703205376"), "c", Kind::OverflowError, "Python int too large to convert to C long"),
        (B("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"), "f", Kind::OverflowError, "int too large to convert to float"),
        (B("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"), "e", Kind::OverflowError, "int too large to convert to float"),
        (B("-10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"), "%", Kind::OverflowError, "int too large to convert to float"),
        (S("a"), ",", Kind::ValueError, "Cannot specify ',' with 's'."),
        (S("a"), "_", Kind::ValueError, "Cannot specify '_' with 's'."),
        (I(1), ",x", Kind::ValueError, "Cannot specify ',' with 'x'."),
        (I(1), "_c", Kind::ValueError, "Cannot specify '_' with 'c'."),
        (I(1), ",b", Kind::ValueError, "Cannot specify ',' with 'b'."),
        (I(1), "_n", Kind::ValueError, "Cannot specify '_' with 'n'."),
        (F(1.5), ",n", Kind::ValueError, "Cannot specify ',' with 'n'."),
        (I(1), ",_", Kind::ValueError, "Cannot specify both ',' and '_'."),
        (I(1), "_,", Kind::ValueError, "Cannot specify both ',' and '_'."),
        (F(1.5), ",_", Kind::ValueError, "Cannot specify both ',' and '_'."),
        (I(1), ",,", Kind::ValueError, "Cannot specify ',' with ','."),
        (I(1), ".", Kind::ValueError, "Format specifier missing precision"),
        (F(1.5), ".f", Kind::ValueError, "Format specifier missing precision"),
        (S("a"), ".", Kind::ValueError, "Format specifier missing precision"),
        (F(1.5), "10.", Kind::ValueError, "Format specifier missing precision"),
        (I(1), "99999999999999999999", Kind::ValueError, "Too many decimal digits in format string"),
        (I(1), ".99999999999999999999", Kind::ValueError, "Too many decimal digits in format string"),
        (F(1.5), ".99999999999999999999", Kind::ValueError, "Too many decimal digits in format string"),
        (F(1.5), ".3000000000f", Kind::ValueError, "precision too big"),
        (I(1), ",\u{7f}", Kind::ValueError, "Cannot specify ',' with '\u{7f}'."),
        (I(1), "_ ", Kind::ValueError, "Cannot specify '_' with '\\x20'."),
    ];
}
