//! `str.format(*args, **kwargs)` and `str.format_map(mapping)`: replacement
//! fields `{name.attr[key]!conv:spec}` parsed as CPython 3.11's
//! `Objects/stringlib/unicode_format.h` parses them, with its messages.
//!
//! Each field's value goes through `!r`/`!s`/`!a` and then `format(value,
//! spec)` (the same path as f-strings, so `__format__` is honoured). A spec
//! may hold nested fields (`{:{width}}`), expanded first, two levels deep at
//! most. Automatic (`{}`) and manual (`{0}`) numbering may not be mixed.

use crate::eval::{attr, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{Object, PyStr};
use crate::value::Value;

type Kwargs = [(Box<str>, Value)];

/// `str.format(*args, **kwargs)`.
pub(super) fn format(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some((fmt, positional)) = receiver("format", args) else {
        return Err(attr::wrong_receiver(vm, "format", "str", args));
    };
    let mut r = Renderer {
        source: Source::Args { positional, kwargs },
        numbering: Numbering::Unknown,
        next_auto: 0,
    };
    Ok(super::new_value(r.render(vm, &fmt, 2)?))
}

/// `str.format_map(mapping)`: keyword fields looked up in `mapping`.
pub(super) fn format_map(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some((fmt, rest)) = receiver("format_map", args) else {
        return Err(attr::wrong_receiver(vm, "format_map", "str", args));
    };
    if !kwargs.is_empty() {
        return Err(Raise::type_error(
            "str.format_map() takes no keyword arguments",
        ));
    }
    let [mapping] = rest else {
        return Err(Raise::type_error(format!(
            "str.format_map() takes exactly one argument ({} given)",
            rest.len()
        )));
    };
    let mut r = Renderer {
        source: Source::Map(mapping),
        numbering: Numbering::Unknown,
        next_auto: 0,
    };
    Ok(super::new_value(r.render(vm, &fmt, 2)?))
}

/// The format string's characters and the arguments after the receiver.
fn receiver<'a>(_name: &str, args: &'a [Value]) -> Option<(Vec<char>, &'a [Value])> {
    let (recv, rest) = args.split_first()?;
    match recv.as_object() {
        Some(Object::Str(s)) => Some((s.text.chars().collect(), rest)),
        _ => None,
    }
}

/// Where field values come from.
enum Source<'a> {
    Args {
        positional: &'a [Value],
        kwargs: &'a Kwargs,
    },
    Map(&'a Value),
}

/// Whether fields have been numbered automatically (`{}`) or by hand (`{0}`).
#[derive(PartialEq, Eq)]
enum Numbering {
    Unknown,
    Auto,
    Manual,
}

/// The first part of a field name: a position or a keyword.
enum Key {
    Index(usize),
    Name(String),
}

struct Renderer<'a> {
    source: Source<'a>,
    numbering: Numbering,
    next_auto: usize,
}

impl Renderer<'_> {
    /// Expand `fmt`; `depth` is how many more levels of nesting are allowed.
    fn render(&mut self, vm: &mut Vm, fmt: &[char], depth: u32) -> PyResult<String> {
        if depth == 0 {
            return Err(Raise::value_error("Max string recursion exceeded"));
        }
        let mut out = String::with_capacity(fmt.len());
        let mut pos = 0;
        while pos < fmt.len() {
            let c = fmt[pos];
            pos += 1;
            if c != '{' && c != '}' {
                out.push(c);
                continue;
            }
            if fmt.get(pos) == Some(&c) {
                out.push(c);
                pos += 1;
                continue;
            }
            if c == '}' {
                return Err(Raise::value_error(
                    "Single '}' encountered in format string",
                ));
            }
            if pos >= fmt.len() {
                return Err(Raise::value_error(
                    "Single '{' encountered in format string",
                ));
            }
            let field = parse_field(fmt, &mut pos)?;
            let text = self.field(vm, &field, depth)?;
            out.push_str(&text);
        }
        Ok(out)
    }

    /// The text of one replacement field.
    fn field(&mut self, vm: &mut Vm, field: &Field, depth: u32) -> PyResult<String> {
        let value = self.value(vm, &field.name)?;
        let value = match field.conversion {
            None => value,
            Some('r') => PyStr::value(ops::repr(vm, &value)?),
            Some('s') => PyStr::value(ops::str_of(vm, &value)?),
            Some('a') => PyStr::value(ops::ascii(&ops::repr(vm, &value)?)),
            Some(c) => {
                return Err(Raise::value_error(format!(
                    "Unknown conversion specifier {c}"
                )))
            }
        };
        let spec: String = match field.spec_has_fields {
            true => self.render(vm, &field.spec, depth - 1)?,
            false => field.spec.iter().collect(),
        };
        ops::format(vm, &value, &spec)
    }

    /// The object a field name names: its first part, then `.attr` and
    /// `[key]` applied in turn.
    fn value(&mut self, vm: &mut Vm, name: &[char]) -> PyResult<Value> {
        let first_end = name
            .iter()
            .position(|&c| c == '.' || c == '[')
            .unwrap_or(name.len());
        let key = self.key(&name[..first_end])?;
        let mut value = self.lookup(vm, key)?;
        let mut pos = first_end;
        while pos < name.len() {
            let c = name[pos];
            pos += 1;
            if c == '.' {
                let end = name[pos..]
                    .iter()
                    .position(|&c| c == '.' || c == '[')
                    .map_or(name.len(), |i| pos + i);
                if end == pos {
                    return Err(empty_attribute());
                }
                let attr_name: String = name[pos..end].iter().collect();
                value = attr::get(vm, &value, &attr_name)?;
                pos = end;
            } else if c == '[' {
                let Some(close) = name[pos..].iter().position(|&c| c == ']') else {
                    return Err(Raise::value_error("Missing ']' in format string"));
                };
                let end = pos + close;
                if end == pos {
                    return Err(empty_attribute());
                }
                let text: String = name[pos..end].iter().collect();
                let key = match parse_index(&name[pos..end])? {
                    Some(i) => Value::Int(i as i64),
                    None => PyStr::value(text),
                };
                value = ops::getitem(vm, &value, &key)?;
                pos = end + 1;
                if pos < name.len() && name[pos] != '.' && name[pos] != '[' {
                    return Err(Raise::value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ));
                }
            } else {
                return Err(Raise::value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        }
        Ok(value)
    }

    /// The first part of a field name, numbering `{}` fields automatically.
    fn key(&mut self, first: &[char]) -> PyResult<Key> {
        if first.is_empty() {
            if self.numbering == Numbering::Manual {
                return Err(Raise::value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            self.numbering = Numbering::Auto;
            self.next_auto += 1;
            return Ok(Key::Index(self.next_auto - 1));
        }
        match parse_index(first)? {
            Some(i) => {
                if self.numbering == Numbering::Auto {
                    return Err(Raise::value_error(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                self.numbering = Numbering::Manual;
                Ok(Key::Index(i))
            }
            None => Ok(Key::Name(first.iter().collect())),
        }
    }

    fn lookup(&self, vm: &mut Vm, key: Key) -> PyResult<Value> {
        match (&self.source, key) {
            (Source::Args { positional, .. }, Key::Index(i)) => {
                positional.get(i).cloned().ok_or_else(|| {
                    Raise::new(
                        ExcKind::IndexError,
                        format!("Replacement index {i} out of range for positional args tuple"),
                    )
                })
            }
            (Source::Args { kwargs, .. }, Key::Name(name)) => kwargs
                .iter()
                .find(|(k, _)| **k == *name)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| Raise::WithValue(ExcKind::KeyError, PyStr::value(name))),
            (Source::Map(_), Key::Index(_)) => Err(Raise::value_error(
                "Format string contains positional fields",
            )),
            (Source::Map(mapping), Key::Name(name)) => {
                ops::getitem(vm, mapping, &PyStr::value(name))
            }
        }
    }
}

fn empty_attribute() -> Raise {
    Raise::value_error("Empty attribute in format string")
}

/// A run of ASCII digits as an index; `None` if `s` is not all digits.
fn parse_index(s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.iter().all(char::is_ascii_digit) {
        return Ok(None);
    }
    let mut n: usize = 0;
    for &c in s {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(c as usize - '0' as usize))
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| Raise::value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(n))
}

/// One replacement field, split into its parts.
struct Field {
    name: Vec<char>,
    conversion: Option<char>,
    spec: Vec<char>,
    /// The spec holds `{...}` fields to expand first.
    spec_has_fields: bool,
}

/// Parse the field that starts at `pos` (just after its `{`), leaving `pos`
/// after its closing `}` (CPython's `parse_field`).
fn parse_field(fmt: &[char], pos: &mut usize) -> PyResult<Field> {
    let start = *pos;
    let mut end_char = None;
    while *pos < fmt.len() {
        let c = fmt[*pos];
        *pos += 1;
        match c {
            '{' => return Err(Raise::value_error("unexpected '{' in field name")),
            // A bracketed key may hold any character but ']'.
            '[' => {
                while *pos < fmt.len() && fmt[*pos] != ']' {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => {
                end_char = Some(c);
                break;
            }
            _ => {}
        }
    }
    let Some(end_char) = end_char else {
        return Err(Raise::value_error("expected '}' before end of string"));
    };
    let name = fmt[start..*pos - 1].to_vec();
    let mut field = Field {
        name,
        conversion: None,
        spec: Vec::new(),
        spec_has_fields: false,
    };
    if end_char == '}' {
        return Ok(field);
    }
    if end_char == '!' {
        let Some(&conversion) = fmt.get(*pos) else {
            return Err(Raise::value_error(
                "end of string while looking for conversion specifier",
            ));
        };
        *pos += 1;
        field.conversion = Some(conversion);
        if let Some(&c) = fmt.get(*pos) {
            *pos += 1;
            if c == '}' {
                return Ok(field);
            }
            if c != ':' {
                return Err(Raise::value_error(
                    "expected ':' after conversion specifier",
                ));
            }
        }
    }
    let spec_start = *pos;
    let mut depth = 1;
    while *pos < fmt.len() {
        let c = fmt[*pos];
        *pos += 1;
        match c {
            '{' => {
                field.spec_has_fields = true;
                depth += 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = fmt[spec_start..*pos - 1].to_vec();
                    return Ok(field);
                }
            }
            _ => {}
        }
    }
    Err(Raise::value_error("unmatched '{' in format spec"))
}
