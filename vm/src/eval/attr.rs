//! Attributes: `obj.name` lookup, assignment and deletion, and the class of a
//! value.

use super::descriptor;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{Builtin, BuiltinType, Object, PyStr};
use crate::value::{Obj, Value};

/// The class of any value.
pub fn class_of(vm: &Vm, v: &Value) -> Obj {
    let t = match v {
        Value::None => BuiltinType::NoneType,
        Value::Bool(_) => BuiltinType::Bool,
        Value::Int(_) => BuiltinType::Int,
        Value::Float(_) => BuiltinType::Float,
        Value::Obj(o) => match o.get() {
            Object::Instance(i) => return i.class.clone(),
            Object::Str(_) => BuiltinType::Str,
            Object::BigInt(_) => BuiltinType::Int,
            Object::Complex(_) => BuiltinType::Complex,
            Object::Tuple(_) => BuiltinType::Tuple,
            Object::List(_) => BuiltinType::List,
            Object::Dict(_) => BuiltinType::Dict,
            Object::Range { .. } => BuiltinType::Range,
            Object::Slice { .. } => BuiltinType::Slice,
            Object::Iter(_) => BuiltinType::Iterator,
            Object::Function(_) => BuiltinType::Function,
            Object::Builtin(_) => BuiltinType::BuiltinFunction,
            Object::Method { .. } => BuiltinType::Method,
            Object::Class(_) => BuiltinType::Type,
            Object::Module(_) => BuiltinType::Module,
            Object::Cell(_) => BuiltinType::Cell,
            Object::Code(_) => BuiltinType::Code,
            Object::Generator(_) => BuiltinType::Generator,
            Object::Property { .. } => BuiltinType::Property,
            Object::ClassMethod(_) => BuiltinType::ClassMethod,
            Object::StaticMethod(_) => BuiltinType::StaticMethod,
            Object::Super { .. } => BuiltinType::Super,
        },
    };
    vm.type_obj(t)
}

/// The `__name__` of a value's class, as error messages show it.
pub fn type_name(vm: &Vm, v: &Value) -> String {
    match class_of(vm, v).get() {
        Object::Class(c) => c.name.to_string(),
        _ => String::new(),
    }
}

/// Find `name` in a class or its bases.
pub fn lookup(vm: &Vm, class: &Obj, name: &str) -> Option<Value> {
    let Object::Class(c) = class.get() else {
        return None;
    };
    if let Some(v) = c.dict.get(&vm.gil).get_str(name) {
        return Some(v.clone());
    }
    for base in c.mro.get(&vm.gil).iter() {
        if let Object::Class(b) = base.get() {
            if let Some(v) = b.dict.get(&vm.gil).get_str(name) {
                return Some(v.clone());
            }
        }
    }
    None
}

/// Is `sub` the class `sup` or derived from it?
pub fn is_subclass(vm: &Vm, sub: &Obj, sup: &Obj) -> bool {
    if sub.is(sup) {
        return true;
    }
    match sub.get() {
        Object::Class(c) => c.mro.get(&vm.gil).iter().any(|k| k.is(sup)),
        _ => false,
    }
}

/// A method of a builtin type, bound to `receiver`.
fn builtin_method(vm: &Vm, receiver: &Value, name: &str) -> Option<Value> {
    let call = crate::builtins::methods::find(vm, receiver, name)?;
    Some(Value::obj(Object::Builtin(Builtin {
        name: leak_name(name),
        call,
        receiver: Some(receiver.clone()),
    })))
}

/// Builtin method names are few and live for the whole run.
fn leak_name(name: &str) -> &'static str {
    crate::builtins::methods::static_name(name)
}

/// `obj.name`.
pub fn get(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    if let Value::Obj(o) = obj {
        match o.get() {
            Object::Instance(inst) => {
                if name == "__class__" {
                    return Ok(Value::Obj(inst.class.clone()));
                }
                if name == "__dict__" {
                    return Err(Raise::new(
                        ExcKind::NotImplementedError,
                        "__dict__ is not supported yet",
                    ));
                }
                let class_attr = lookup(vm, &inst.class, name);
                if let Some(v) = class_attr.as_ref().filter(|v| descriptor::is_data(vm, v)) {
                    return descriptor::get(vm, v.clone(), name, Some(obj), &inst.class);
                }
                if let Some(v) = inst.dict.get(&vm.gil).get_str(name) {
                    return Ok(v.clone());
                }
                if let Some(v) = class_attr {
                    return descriptor::get(vm, v, name, Some(obj), &inst.class);
                }
                if let Some(getattr) = lookup(vm, &inst.class, "__getattr__") {
                    return super::call::call(
                        vm,
                        &getattr,
                        vec![obj.clone(), PyStr::value(name)],
                        Vec::new(),
                    );
                }
            }
            Object::Class(c) => {
                match name {
                    "__name__" => return Ok(PyStr::value(&*c.name)),
                    "__qualname__" => return Ok(PyStr::value(&*c.qualname)),
                    "__bases__" => {
                        let bases = c
                            .bases
                            .iter()
                            .map(|b| Value::Obj(b.clone()))
                            .collect::<Vec<_>>();
                        return Ok(Value::obj(Object::Tuple(bases.into())));
                    }
                    "__mro__" => {
                        let mut mro = vec![obj.clone()];
                        mro.extend(c.mro.get(&vm.gil).iter().map(|k| Value::Obj(k.clone())));
                        return Ok(Value::obj(Object::Tuple(mro.into())));
                    }
                    _ => {}
                }
                if let Some(v) = lookup(vm, o, name) {
                    return descriptor::get(vm, v, name, None, o);
                }
                if let Some(t) = c.builtin {
                    if let Some(call) = crate::builtins::methods::find_for_type(t, name) {
                        return Ok(Value::obj(Object::Builtin(Builtin {
                            name: leak_name(name),
                            call,
                            receiver: None,
                        })));
                    }
                }
                return Err(Raise::new(
                    ExcKind::AttributeError,
                    format!("type object '{}' has no attribute '{name}'", c.name),
                ));
            }
            Object::Module(m) => {
                if let Object::Dict(d) = m.dict.get() {
                    if let Some(v) = d.get(&vm.gil).get_str(name) {
                        return Ok(v.clone());
                    }
                }
                return Err(Raise::new(
                    ExcKind::AttributeError,
                    format!("module '{}' has no attribute '{name}'", m.name),
                ));
            }
            Object::Function(f) => match name {
                "__name__" => return Ok(PyStr::value(&*f.name)),
                "__qualname__" => return Ok(PyStr::value(&*f.qualname)),
                _ => {
                    if let Some(v) = f.dict.get(&vm.gil).get_str(name) {
                        return Ok(v.clone());
                    }
                }
            },
            Object::Builtin(b) if name == "__name__" => return Ok(PyStr::value(b.name)),
            Object::Complex(c) => {
                if let Some(v) = crate::object::complex::attribute(*c, name) {
                    return Ok(v);
                }
            }
            Object::Super { class, obj: target } => {
                return descriptor::super_get(vm, class, target, name)
            }
            Object::Property { .. } if name == "__doc__" => {
                return descriptor::property_doc(vm, obj)
            }
            Object::ClassMethod(f) | Object::StaticMethod(f) if name == "__func__" => {
                return Ok(f.clone())
            }
            _ => {}
        }
    }
    if let Some(m) = builtin_method(vm, obj, name) {
        return Ok(m);
    }
    let class = class_of(vm, obj);
    if let Some(v) = lookup(vm, &class, name) {
        return Ok(bind_to(v, obj));
    }
    Err(Raise::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", type_name(vm, obj)),
    ))
}

/// A function found on a class becomes a method bound to the instance.
fn bind_to(v: Value, receiver: &Value) -> Value {
    match &v {
        Value::Obj(o) if matches!(o.get(), Object::Function(_)) => Value::obj(Object::Method {
            receiver: receiver.clone(),
            func: v,
        }),
        Value::Obj(o) => match o.get() {
            Object::Builtin(b) if b.receiver.is_none() => Value::obj(Object::Method {
                receiver: receiver.clone(),
                func: v,
            }),
            _ => v,
        },
        _ => v,
    }
}

/// `obj.name = value`.
pub fn set(vm: &mut Vm, obj: &Value, name: &str, value: Value) -> PyResult<()> {
    if let Some(Object::Instance(inst)) = obj.as_object() {
        if let Some(d) = lookup(vm, &inst.class, name) {
            if descriptor::is_data(vm, &d) {
                descriptor::set(vm, &d, name, obj, value)?;
                return Ok(());
            }
        }
        if let Some(setattr) = lookup(vm, &inst.class, "__setattr__") {
            super::call::call(
                vm,
                &setattr,
                vec![obj.clone(), PyStr::value(name), value],
                Vec::new(),
            )?;
            return Ok(());
        }
    }
    if let Value::Obj(o) = obj {
        let dict = match o.get() {
            Object::Instance(i) => Some(&i.dict),
            Object::Class(c) => Some(&c.dict),
            Object::Function(f) => Some(&f.dict),
            Object::Module(m) => match m.dict.get() {
                Object::Dict(d) => Some(d),
                _ => None,
            },
            _ => None,
        };
        if let Some(d) = dict {
            if let Object::Class(c) = o.get() {
                if c.builtin.is_some() {
                    return Err(Raise::type_error(format!(
                        "cannot set '{name}' attribute of immutable type '{}'",
                        c.name
                    )));
                }
            }
            d.get_mut(&mut vm.gil).insert_str(name, value);
            return Ok(());
        }
    }
    Err(Raise::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", type_name(vm, obj)),
    ))
}

/// `del obj.name`.
pub fn delete(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<()> {
    if let Some(Object::Instance(inst)) = obj.as_object() {
        if let Some(d) = lookup(vm, &inst.class, name) {
            if descriptor::delete(vm, &d, name, obj)? {
                return Ok(());
            }
        }
    }
    if let Value::Obj(o) = obj {
        let dict = match o.get() {
            Object::Instance(i) => Some(&i.dict),
            Object::Class(c) => Some(&c.dict),
            Object::Function(f) => Some(&f.dict),
            _ => None,
        };
        if let Some(d) = dict {
            return match d.get_mut(&mut vm.gil).remove(&PyStr::value(name)) {
                Ok(_) => Ok(()),
                Err(_) => Err(Raise::new(ExcKind::AttributeError, name.to_string())),
            };
        }
    }
    Err(Raise::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", type_name(vm, obj)),
    ))
}

/// `with manager:` entry: the bound `__exit__`, and what `__enter__` returned.
pub fn enter_context(vm: &mut Vm, manager: &Value) -> PyResult<(Value, Value)> {
    let class = class_of(vm, manager);
    let (Some(enter), Some(exit)) = (
        lookup(vm, &class, "__enter__"),
        lookup(vm, &class, "__exit__"),
    ) else {
        let msg = format!(
            "'{}' object does not support the context manager protocol",
            type_name(vm, manager)
        );
        return Err(Raise::type_error(msg));
    };
    let exit = bind_to(exit, manager);
    let entered = super::call::call(vm, &enter, vec![manager.clone()], Vec::new())?;
    Ok((exit, entered))
}
