//! The data attributes of functions and their companions, as CPython's
//! getsets expose them: a function's `__name__`, `__qualname__`, `__doc__`,
//! `__defaults__`, `__kwdefaults__` (assignable, with CPython's type
//! checks), `__code__`, `__globals__`, `__closure__`; a cell's
//! `cell_contents`; a property's `fget`, `fset`, `fdel`.

use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{Function, Object, PyStr};
use crate::value::Value;

/// `f.name` for the attributes every Python function has (`None`: not one).
pub fn attribute(vm: &Vm, f: &Function, name: &str) -> Option<Value> {
    let tuple = |items: Vec<Value>| Value::obj(Object::Tuple(items.into()));
    Some(match name {
        "__name__" => PyStr::value(&**f.name.get(&vm.gil)),
        "__qualname__" => PyStr::value(&**f.qualname.get(&vm.gil)),
        // The docstring is co_consts[0] (None without one), unless assigned.
        "__doc__" => f.code.consts.first().cloned().unwrap_or(Value::None),
        "__code__" => Value::obj(Object::Code(f.code.clone())),
        "__globals__" => Value::Obj(f.globals.clone()),
        "__defaults__" => {
            let d = f.defaults.get(&vm.gil);
            if d.is_empty() {
                Value::None
            } else {
                tuple(d.to_vec())
            }
        }
        "__kwdefaults__" => f
            .kw_defaults
            .get(&vm.gil)
            .clone()
            .map_or(Value::None, Value::Obj),
        "__closure__" if f.closure.is_empty() => Value::None,
        "__closure__" => tuple(f.closure.iter().map(|c| Value::Obj(c.clone())).collect()),
        // Annotations sit in `__dict__` when the function has any.
        "__annotations__" => Value::obj(Object::Dict(crate::gil::GilCell::new(
            crate::object::Dict::new(),
        ))),
        _ => return None,
    })
}

/// `f.name = value` (`value` None for `del`) for a function's own data
/// attributes; `Ok(false)` when `name` is not one (it goes to `__dict__`).
pub fn set_attribute(
    vm: &mut Vm,
    f: &Function,
    name: &str,
    value: Option<Value>,
) -> PyResult<bool> {
    let must = |what: &str| Raise::type_error(format!("{name} must be set to a {what} object"));
    match name {
        "__name__" | "__qualname__" => {
            let Some(Object::Str(s)) = value.as_ref().and_then(Value::as_object) else {
                return Err(must("string"));
            };
            let slot = if name == "__name__" {
                &f.name
            } else {
                &f.qualname
            };
            *slot.get_mut(&mut vm.gil) = s.text.clone();
        }
        "__defaults__" => {
            let items: Box<[Value]> = match value.as_ref().map(|v| (v, v.as_object())) {
                None | Some((Value::None, _)) => Box::new([]),
                Some((_, Some(Object::Tuple(t)))) => t.clone(),
                _ => return Err(must("tuple")),
            };
            *f.defaults.get_mut(&mut vm.gil) = items;
        }
        "__kwdefaults__" => {
            let dict = match &value {
                None | Some(Value::None) => None,
                Some(Value::Obj(o)) if matches!(o.get(), Object::Dict(_)) => Some(o.clone()),
                _ => return Err(must("dict")),
            };
            *f.kw_defaults.get_mut(&mut vm.gil) = dict;
        }
        "__code__" => return Err(must("code")),
        "__globals__" | "__closure__" => {
            return Err(Raise::new(ExcKind::AttributeError, "readonly attribute"))
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// `cell.cell_contents`: the value, or ValueError for an empty cell.
pub fn cell_contents(vm: &Vm, cell: &crate::gil::GilCell<Option<Value>>) -> PyResult<Value> {
    cell.get(&vm.gil)
        .clone()
        .ok_or_else(|| Raise::value_error("Cell is empty"))
}

/// `p.fget`, `p.fset`, `p.fdel` of a property.
pub fn property_attribute(object: &Object, name: &str) -> Option<Value> {
    let Object::Property {
        fget, fset, fdel, ..
    } = object
    else {
        return None;
    };
    match name {
        "fget" => Some(fget.clone()),
        "fset" => Some(fset.clone()),
        "fdel" => Some(fdel.clone()),
        _ => None,
    }
}
