//! Relative imports: the absolute name `from ..a import b` means in the module
//! whose globals are given (CPython's `resolve_name` in import.c).

use super::errors;
use crate::eval::attr;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{Object, PyStr};
use crate::value::Value;

/// The absolute name of `name` imported `level` packages up from the module
/// whose globals are `globals`.
pub fn resolve_name(
    vm: &mut Vm,
    name: &str,
    globals: Option<&Value>,
    level: usize,
) -> PyResult<String> {
    let Some(Object::Dict(d)) = globals.and_then(Value::as_object) else {
        return Err(match globals {
            None | Some(Value::None) => {
                Raise::WithValue(ExcKind::KeyError, PyStr::value("'__name__' not in globals"))
            }
            Some(_) => Raise::type_error("globals must be a dict"),
        });
    };
    let (package, spec, module_name, has_path) = {
        let d = d.get(&vm.gil);
        (
            d.get_str("__package__").cloned(),
            d.get_str("__spec__").cloned(),
            d.get_str("__name__").cloned(),
            d.get_str("__path__").is_some(),
        )
    };
    let package = match (package, spec) {
        (Some(p), _) if !matches!(p, Value::None) => match p.as_object() {
            Some(Object::Str(s)) => s.text.to_string(),
            _ => return Err(Raise::type_error("package must be a string")),
        },
        (_, Some(spec)) if !matches!(spec, Value::None) => {
            match attr::get(vm, &spec, "parent")?.as_object() {
                Some(Object::Str(s)) => s.text.to_string(),
                _ => return Err(Raise::type_error("__spec__.parent must be a string")),
            }
        }
        _ => {
            // CPython warns (ImportWarning, ignored by default) and falls back
            // on `__name__` and `__path__`.
            let Some(module_name) = module_name else {
                return Err(Raise::WithValue(
                    ExcKind::KeyError,
                    PyStr::value("'__name__' not in globals"),
                ));
            };
            let Some(Object::Str(s)) = module_name.as_object() else {
                return Err(Raise::type_error("__name__ must be a string"));
            };
            if has_path {
                s.text.to_string()
            } else {
                s.text
                    .rsplit_once('.')
                    .map_or(String::new(), |(p, _)| p.to_string())
            }
        }
    };
    if package.is_empty() {
        return Err(no_parent(vm));
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rfind('.') {
            Some(dot) => base = &base[..dot],
            None => {
                return Err(errors::import_error(
                    vm,
                    ExcKind::ImportError,
                    "attempted relative import beyond top-level package".into(),
                    Value::None,
                    Value::None,
                ))
            }
        }
    }
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

fn no_parent(vm: &mut Vm) -> Raise {
    errors::import_error(
        vm,
        ExcKind::ImportError,
        "attempted relative import with no known parent package".into(),
        Value::None,
        Value::None,
    )
}
