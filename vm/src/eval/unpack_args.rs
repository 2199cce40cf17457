//! `*` and `**` in calls and displays: DICT_MERGE (a repeated keyword is an
//! error), CALL_FUNCTION_EX's conversion of its iterable, LIST_EXTEND's
//! check, the mapping protocol (`keys()` then `m[key]`) that `**` accepts,
//! and CPython's messages for them, which name the callable as
//! `_PyObject_FunctionStr` does (`__main__.f()`, `len()`).

use super::{attr, call, iter, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::Object;
use crate::value::Value;

/// How CPython names a callable in call errors.
pub fn function_str(vm: &mut Vm, callable: &Value) -> String {
    match callable.as_object() {
        Some(Object::Function(f)) => {
            let module = f.dict.get(&vm.gil).get_str("__module__").cloned();
            let qualname = f.qualname.get(&vm.gil).to_string();
            match module.as_ref().and_then(Value::as_object) {
                Some(Object::Str(m)) if &*m.text != "builtins" => {
                    format!("{}.{qualname}()", m.text)
                }
                _ => format!("{qualname}()"),
            }
        }
        Some(Object::Builtin(b)) => format!("{}()", b.name),
        Some(Object::Method { func, .. }) => {
            let func = func.clone();
            function_str(vm, &func)
        }
        Some(Object::Class(c)) => {
            let module = c.dict.get(&vm.gil).get_str("__module__").cloned();
            match module.as_ref().and_then(Value::as_object) {
                Some(Object::Str(m)) if &*m.text != "builtins" => {
                    format!("{}.{}()", m.text, c.qualname)
                }
                _ => format!("{}()", c.qualname),
            }
        }
        _ => format!("{} object", attr::type_name(vm, callable)),
    }
}

/// The items of a mapping: a dict's directly, else `keys()` and `m[key]`;
/// `None` when `v` has no `keys` (it is not a mapping).
pub fn mapping_items(vm: &mut Vm, v: &Value) -> PyResult<Option<Vec<(Value, Value)>>> {
    if let Some(Object::Dict(d)) = v.builtin_view().as_object() {
        if !matches!(v.as_object(), Some(Object::Instance(_))) {
            let items = d.get(&vm.gil).iter();
            return Ok(Some(items.map(|(k, v)| (k.clone(), v.clone())).collect()));
        }
    }
    let class = attr::class_of(vm, v);
    if attr::lookup(vm, &class, "keys").is_none() {
        return Ok(None);
    }
    let keys = attr::get(vm, v, "keys")?;
    let keys = call::call(vm, &keys, Vec::new(), Vec::new())?;
    let mut items = Vec::new();
    for k in vm.collect(&keys)? {
        let value = ops::getitem(vm, v, &k)?;
        items.push((k, value));
    }
    Ok(Some(items))
}

/// DICT_MERGE: merge `other` into `dict` for a call to `callable`.
#[cold]
pub fn dict_merge(vm: &mut Vm, callable: &Value, dict: &Value, other: &Value) -> PyResult<()> {
    let Some(items) = mapping_items(vm, other)? else {
        return Err(Raise::type_error(format!(
            "{} argument after ** must be a mapping, not {}",
            function_str(vm, callable),
            attr::type_name(vm, other)
        )));
    };
    let Some(Object::Dict(d)) = dict.as_object() else {
        return Ok(());
    };
    for (k, v) in items {
        let Some(Object::Str(s)) = k.as_object() else {
            return Err(Raise::type_error("keywords must be strings"));
        };
        if d.get(&vm.gil).get_str(&s.text).is_some() {
            return Err(Raise::type_error(format!(
                "{} got multiple values for keyword argument '{}'",
                function_str(vm, callable),
                s.text
            )));
        }
        d.get_mut(&mut vm.gil).insert_str(&s.text, v);
    }
    Ok(())
}

/// CALL_FUNCTION_EX's positional arguments from `f(*args)`.
pub fn star_args(vm: &mut Vm, callable: &Value, args: &Value) -> PyResult<Vec<Value>> {
    if let Some(Object::Tuple(t)) = args.as_object() {
        return Ok(t.to_vec());
    }
    if !is_iterable(vm, args) {
        return Err(Raise::type_error(format!(
            "{} argument after * must be an iterable, not {}",
            function_str(vm, callable),
            attr::type_name(vm, args)
        )));
    }
    vm.collect(args)
}

/// LIST_EXTEND's items, with CPython's message for a non-iterable.
pub fn extend_items(vm: &mut Vm, iterable: &Value) -> PyResult<Vec<Value>> {
    if !is_iterable(vm, iterable) {
        return Err(Raise::type_error(format!(
            "Value after * must be an iterable, not {}",
            attr::type_name(vm, iterable)
        )));
    }
    vm.collect(iterable)
}

/// Could `iter(v)` work (`__iter__`, or `__getitem__` for the old protocol)?
fn is_iterable(vm: &mut Vm, v: &Value) -> bool {
    match v.as_object() {
        Some(Object::Instance(_) | Object::Stream(_)) => {
            let class = attr::class_of(vm, v);
            attr::lookup(vm, &class, "__iter__").is_some()
                || attr::lookup(vm, &class, "__getitem__").is_some()
        }
        _ => match iter::get_iter(vm, v) {
            Ok(_) => true,
            Err(e) => !super::exception::is_kind(vm, &e, ExcKind::TypeError),
        },
    }
}

/// `'M' object is not a mapping` for `{**x}`.
pub fn not_a_mapping(vm: &Vm, v: &Value) -> Raise {
    Raise::type_error(format!(
        "'{}' object is not a mapping",
        attr::type_name(vm, v)
    ))
}
