//! `str.maketrans` (a static method) and `str.translate`, with CPython
//! 3.11's checks and messages.

use crate::eval::{attr, exception, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{Dict, Object, PyStr};
use crate::value::Value;

type Kwargs = [(Box<str>, Value)];

fn text_of(v: &Value) -> Option<&str> {
    match v.builtin_view().as_object() {
        Some(Object::Str(s)) => Some(&s.text),
        _ => None,
    }
}

/// `str.maketrans(x[, y[, z]])`: a dict from code points to code points,
/// strs or None.
pub fn maketrans(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if let Some((k, _)) = kwargs.first() {
        return Err(Raise::type_error(format!(
            "maketrans() takes no keyword arguments (got '{k}')"
        )));
    }
    match args.len() {
        0 => {
            return Err(Raise::type_error(
                "maketrans expected at least 1 argument, got 0",
            ))
        }
        4.. => {
            return Err(Raise::type_error(format!(
                "maketrans expected at most 3 arguments, got {}",
                args.len()
            )))
        }
        _ => {}
    }
    let table = GilCell::new(Dict::new());
    if args.len() == 1 {
        let Some(Object::Dict(d)) = args[0].builtin_view().as_object() else {
            return Err(Raise::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        };
        let pairs: Vec<(Value, Value)> = d
            .get(&vm.gil)
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in pairs {
            let key = match (&k, text_of(&k)) {
                (_, Some(s)) => {
                    let mut chars = s.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) => Value::Int(c as i64),
                        _ => {
                            return Err(Raise::value_error(
                                "string keys in translate table must be of length 1",
                            ))
                        }
                    }
                }
                (Value::Int(_) | Value::Bool(_), None) => k.clone(),
                _ => {
                    return Err(Raise::type_error(
                        "keys in translate table must be strings or integers",
                    ))
                }
            };
            crate::eval::keys::set(vm, &table, key, v)?;
        }
    } else {
        // Argument Clinic checks `y` and `z` before the body looks at `x`.
        let mut texts = vec![Vec::new()];
        for (i, a) in args.iter().enumerate().skip(1) {
            match text_of(a) {
                Some(t) => texts.push(t.chars().collect::<Vec<char>>()),
                None => {
                    return Err(Raise::type_error(format!(
                        "maketrans() argument {} must be str, not {}",
                        i + 1,
                        attr::type_name(vm, a)
                    )))
                }
            }
        }
        texts[0] = match text_of(&args[0]) {
            Some(t) => t.chars().collect(),
            None => {
                return Err(Raise::type_error(
                    "first maketrans argument must be a string if there is a second argument",
                ))
            }
        };
        if texts[0].len() != texts[1].len() {
            return Err(Raise::value_error(
                "the first two maketrans arguments must have equal length",
            ));
        }
        for (a, b) in texts[0].iter().zip(&texts[1]) {
            crate::eval::keys::set(vm, &table, Value::Int(*a as i64), Value::Int(*b as i64))?;
        }
        if let Some(gone) = texts.get(2) {
            for c in gone {
                crate::eval::keys::set(vm, &table, Value::Int(*c as i64), Value::None)?;
            }
        }
    }
    Ok(Value::obj(Object::Dict(table)))
}

/// `s.translate(table)`: each character looked up by code point in `table`;
/// a LookupError keeps it, None drops it, an int or a str replaces it.
pub fn translate(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(text) = args.first().and_then(text_of).map(str::to_owned) else {
        return Err(attr::wrong_receiver(vm, "translate", "str", args));
    };
    if args.len() != 2 || !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "str.translate() takes exactly one argument ({} given)",
            args.len() - 1 + kwargs.len()
        )));
    }
    let table = &args[1];
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mapped = match ops::getitem(vm, table, &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if exception::is_kind(vm, &e, ExcKind::LookupError) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match &mapped {
            Value::None => {}
            Value::Int(n) => match u32::try_from(*n).ok().and_then(char::from_u32) {
                Some(m) => out.push(m),
                None if (0..0x110000).contains(n) => {
                    return Err(Raise::new(
                        ExcKind::NotImplementedError,
                        "lone surrogates are not supported yet",
                    ))
                }
                None => {
                    return Err(Raise::value_error(
                        "character mapping must be in range(0x110000)",
                    ))
                }
            },
            v => match text_of(v) {
                Some(s) => out.push_str(s),
                None => {
                    return Err(Raise::type_error(
                        "character mapping must return integer, None or str",
                    ))
                }
            },
        }
    }
    Ok(PyStr::value(out))
}
