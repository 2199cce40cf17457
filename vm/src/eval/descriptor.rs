//! Descriptors: what happens when an attribute found on a class is read,
//! written or deleted through an instance or the class: functions become bound
//! methods, `property`, `classmethod` and `staticmethod` do their jobs, and
//! objects of Python classes with `__get__`/`__set__`/`__delete__` are called.
//! Also `super()`.

use super::{attr, call};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{Object, PyStr};
use crate::value::{Obj, Value};

/// Is `v` a data descriptor (it takes precedence over the instance dict)?
pub fn is_data(vm: &Vm, v: &Value) -> bool {
    match v.as_object() {
        Some(Object::Property { .. }) => true,
        Some(Object::Instance(i)) => {
            attr::lookup(vm, &i.class, "__set__").is_some()
                || attr::lookup(vm, &i.class, "__delete__").is_some()
        }
        _ => false,
    }
}

fn class_name(class: &Obj) -> String {
    match class.get() {
        Object::Class(c) => c.name.to_string(),
        _ => String::new(),
    }
}

/// Read class attribute `v` (named `name`) through `instance` (None when read on
/// the class itself) of `owner`.
pub fn get(
    vm: &mut Vm,
    v: Value,
    name: &str,
    instance: Option<&Value>,
    owner: &Obj,
) -> PyResult<Value> {
    let Some(object) = v.as_object() else {
        return Ok(v);
    };
    match (object, instance) {
        (Object::Function(_), Some(i)) => Ok(Value::obj(Object::Method {
            receiver: i.clone(),
            func: v,
        })),
        (Object::Builtin(b), Some(i)) if b.binds && b.receiver.is_none() => {
            Ok(Value::obj(Object::Method {
                receiver: i.clone(),
                func: v,
            }))
        }
        (Object::ClassMethod(f), _) => Ok(Value::obj(Object::Method {
            receiver: Value::Obj(owner.clone()),
            func: f.clone(),
        })),
        (Object::StaticMethod(f), _) => Ok(f.clone()),
        (Object::Property { fget, .. }, Some(i)) => match fget {
            Value::None => Err(Raise::new(
                ExcKind::AttributeError,
                format!(
                    "property '{name}' of '{}' object has no getter",
                    class_name(owner)
                ),
            )),
            f => call::call(vm, f, vec![i.clone()], Vec::new()),
        },
        (Object::Instance(d), _) => match attr::lookup(vm, &d.class, "__get__") {
            Some(getter) => {
                let inst = instance.cloned().unwrap_or(Value::None);
                call::call(
                    vm,
                    &getter,
                    vec![v.clone(), inst, Value::Obj(owner.clone())],
                    Vec::new(),
                )
            }
            None => Ok(v),
        },
        _ => Ok(v),
    }
}

/// Write through a data descriptor; `Ok(false)` when `v` is not one.
pub fn set(vm: &mut Vm, v: &Value, name: &str, instance: &Value, value: Value) -> PyResult<bool> {
    match v.as_object() {
        Some(Object::Property { fset, .. }) => match fset {
            Value::None => Err(Raise::new(
                ExcKind::AttributeError,
                format!(
                    "property '{name}' of '{}' object has no setter",
                    attr::type_name(vm, instance)
                ),
            )),
            f => call::call(vm, f, vec![instance.clone(), value], Vec::new()).map(|_| true),
        },
        Some(Object::Instance(d)) => match attr::lookup(vm, &d.class, "__set__") {
            Some(setter) => call::call(
                vm,
                &setter,
                vec![v.clone(), instance.clone(), value],
                Vec::new(),
            )
            .map(|_| true),
            None => Ok(false),
        },
        _ => Ok(false),
    }
}

/// Delete through a data descriptor; `Ok(false)` when `v` is not one.
pub fn delete(vm: &mut Vm, v: &Value, name: &str, instance: &Value) -> PyResult<bool> {
    match v.as_object() {
        Some(Object::Property { fdel, .. }) => match fdel {
            Value::None => Err(Raise::new(
                ExcKind::AttributeError,
                format!(
                    "property '{name}' of '{}' object has no deleter",
                    attr::type_name(vm, instance)
                ),
            )),
            f => call::call(vm, f, vec![instance.clone()], Vec::new()).map(|_| true),
        },
        Some(Object::Instance(d)) => match attr::lookup(vm, &d.class, "__delete__") {
            Some(deleter) => {
                call::call(vm, &deleter, vec![v.clone(), instance.clone()], Vec::new())
                    .map(|_| true)
            }
            None => Ok(false),
        },
        _ => Ok(false),
    }
}

/// `super(class, obj).name`: search the MRO of `obj`'s class after `class`.
pub fn super_get(vm: &mut Vm, class: &Obj, obj: &Value, name: &str) -> PyResult<Value> {
    // super(C, cls) with cls a subclass of C searches cls's MRO; otherwise
    // super(C, obj) searches the MRO of obj's class (obj may be a class whose
    // metaclass derives from C).
    let (start, instance) = match obj {
        Value::Obj(c) if matches!(c.get(), Object::Class(_)) && attr::is_subclass(vm, c, class) => {
            (c.clone(), None)
        }
        _ => (attr::class_of(vm, obj), Some(obj)),
    };
    let mut mro = vec![start.clone()];
    if let Object::Class(c) = start.get() {
        mro.extend(c.mro.get(&vm.gil).iter().cloned());
    }
    let after = mro
        .iter()
        .position(|k| k.is(class))
        .map_or(mro.len(), |i| i + 1);
    for k in &mro[after..] {
        let found = match k.get() {
            Object::Class(c) => c.dict.get(&vm.gil).get_str(name).cloned(),
            _ => None,
        };
        if let Some(v) = found {
            return get(vm, v, name, instance, &start);
        }
    }
    Err(Raise::new(
        ExcKind::AttributeError,
        format!("'super' object has no attribute '{name}'"),
    ))
}

type Kw = [(Box<str>, Value)];

/// `property.setter(f)` and friends: a copy with one accessor replaced.
fn with_accessor(vm: &mut Vm, args: &[Value], which: usize) -> PyResult<Value> {
    let Some(Object::Property {
        fget,
        fset,
        fdel,
        doc,
    }) = args.first().and_then(Value::as_object)
    else {
        return Err(Raise::type_error("descriptor requires a 'property' object"));
    };
    let _ = vm;
    let f = args.get(1).cloned().unwrap_or(Value::None);
    let mut parts = [fget.clone(), fset.clone(), fdel.clone()];
    parts[which] = f;
    let [fget, fset, fdel] = parts;
    Ok(Value::obj(Object::Property {
        fget,
        fset,
        fdel,
        doc: doc.clone(),
    }))
}

/// `property.getter`.
pub fn property_getter(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    with_accessor(vm, args, 0)
}

/// `property.setter`.
pub fn property_setter(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    with_accessor(vm, args, 1)
}

/// `property.deleter`.
pub fn property_deleter(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    with_accessor(vm, args, 2)
}

/// The `__doc__` of a property, or of its getter.
pub fn property_doc(vm: &mut Vm, p: &Value) -> PyResult<Value> {
    match p.as_object() {
        Some(Object::Property { doc, fget, .. }) => match doc {
            Value::None => match fget {
                Value::None => Ok(Value::None),
                f => attr::get(vm, f, "__doc__").or(Ok(Value::None)),
            },
            d => Ok(d.clone()),
        },
        _ => Ok(PyStr::value("")),
    }
}
