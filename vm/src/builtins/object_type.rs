//! What `object` and `type` carry in their namespaces: the generic attribute
//! protocol (`object.__getattribute__`, `__setattr__`, `__delattr__`), object
//! creation (`object.__new__`, `__init__`, `__init_subclass__`) and class
//! creation (`type.__new__`, `__init__`, `__call__`), so that Python code can
//! reach them through `super()` or by name as it does on CPython. The methods
//! of the other builtin types are put in their namespaces here too.

use crate::eval::{attr, class, ops};
use crate::exc::{PyResult, Raise};
use crate::interp::Vm;
use crate::object::{Builtin, BuiltinType, NativeFn, Object, PyStr};
use crate::value::Value;

type Kw = [(Box<str>, Value)];

/// Fill the namespaces of `object`, `type` and the builtin types with methods.
pub fn install(vm: &mut Vm) {
    let object_methods: &[(&'static str, NativeFn)] = &[
        ("__getattribute__", object_getattribute),
        ("__setattr__", object_setattr),
        ("__delattr__", object_delattr),
        ("__init__", class::object_init),
    ];
    let object_methods = [
        object_methods,
        &[
            ("__repr__", object_repr as NativeFn),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__format__", object_format),
        ],
    ]
    .concat();
    let object = vm.type_obj(BuiltinType::Object);
    let mut entries: Vec<(&'static str, Value)> = object_methods
        .iter()
        .map(|&(name, f)| (name, Builtin::method(name, f)))
        .collect();
    entries.extend(super::reduce::object_methods());
    entries.push((
        "__new__",
        Value::obj(Object::StaticMethod(Builtin::function(
            "__new__",
            class::object_new,
        ))),
    ));
    entries.push((
        "__init_subclass__",
        Value::obj(Object::ClassMethod(Builtin::function(
            "__init_subclass__",
            class::object_init_subclass,
        ))),
    ));
    fill(vm, BuiltinType::Object, entries);
    let _ = object;

    let type_entries = vec![
        (
            "__new__",
            Value::obj(Object::StaticMethod(Builtin::function(
                "__new__",
                class::type_new,
            ))),
        ),
        ("__init__", Builtin::method("__init__", class::type_init)),
        ("__call__", Builtin::method("__call__", class::type_call)),
    ];
    fill(vm, BuiltinType::Type, type_entries);

    let types: Vec<BuiltinType> = vm.interp.types.keys().copied().collect();
    for t in types {
        let entries = super::methods::table_of(t)
            .into_iter()
            .map(|(name, f)| (name, Builtin::method(name, f)))
            .collect();
        fill(vm, t, entries);
    }
    // Builtin types Python classes derive from: their __new__ (and, for the
    // mutable ones, __init__) make and fill the payload.
    for t in [
        BuiltinType::Int,
        BuiltinType::Float,
        BuiltinType::Complex,
        BuiltinType::Str,
        BuiltinType::Bytes,
        BuiltinType::Tuple,
        BuiltinType::FrozenSet,
        BuiltinType::List,
        BuiltinType::Dict,
        BuiltinType::Set,
        BuiltinType::ByteArray,
    ] {
        let mut entries = vec![(
            "__new__",
            Value::obj(Object::StaticMethod(Builtin::function(
                "__new__",
                class::builtin_new,
            ))),
        )];
        let mutable = matches!(
            t,
            BuiltinType::List | BuiltinType::Dict | BuiltinType::Set | BuiltinType::ByteArray
        );
        if mutable {
            entries.push(("__init__", Builtin::method("__init__", class::builtin_init)));
        }
        let numeric = matches!(
            t,
            BuiltinType::Int | BuiltinType::Float | BuiltinType::Complex
        );
        let mut slots: Vec<(&'static str, NativeFn)> = vec![
            ("__repr__", slot_repr),
            ("__str__", slot_str),
            ("__format__", slot_format),
            ("__eq__", slot_eq),
            ("__ne__", slot_ne),
        ];
        if !numeric {
            slots.extend([
                ("__len__", slot_len as NativeFn),
                ("__getitem__", slot_getitem),
                ("__contains__", slot_contains),
                ("__iter__", slot_iter),
            ]);
        }
        if matches!(
            t,
            BuiltinType::List | BuiltinType::Dict | BuiltinType::ByteArray
        ) {
            slots.extend([
                ("__setitem__", slot_setitem as NativeFn),
                ("__delitem__", slot_delitem),
            ]);
        }
        if !mutable {
            slots.push(("__hash__", slot_hash));
        }
        entries.extend(slots.into_iter().map(|(n, f)| (n, Builtin::method(n, f))));
        fill(vm, t, entries);
    }
    // Class and static methods of builtin types (`dict.fromkeys`).
    for (t, name, f, is_static) in super::methods::class_level() {
        let func = Builtin::function(name, f);
        let wrapped = if is_static {
            Object::StaticMethod(func)
        } else {
            Object::ClassMethod(func)
        };
        fill(vm, t, vec![(name, Value::obj(wrapped))]);
    }
    attr::class_changed(vm);
}

fn fill(vm: &mut Vm, t: BuiltinType, entries: Vec<(&'static str, Value)>) {
    let class = vm.type_obj(t);
    if let Object::Class(c) = class.get() {
        let dict = c.dict.get_mut(&mut vm.gil);
        for (name, value) in entries {
            dict.insert_str(name, value);
        }
    }
}

fn name_arg<'a>(vm: &Vm, args: &'a [Value], method: &str) -> PyResult<&'a str> {
    match args.get(1).and_then(Value::as_object) {
        Some(Object::Str(s)) => Ok(&s.text),
        Some(_) => Err(Raise::type_error(format!(
            "attribute name must be string, not '{}'",
            attr::type_name(vm, &args[1])
        ))),
        None => Err(Raise::type_error(format!(
            "expected 2 arguments, got {} for {method}",
            args.len().saturating_sub(1)
        ))),
    }
}

/// `object.__getattribute__(obj, name)`.
pub fn object_getattribute(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let name = name_arg(vm, args, "__getattribute__")?;
    attr::generic_get(vm, &args[0], name)
}

/// `object.__setattr__(obj, name, value)`.
pub fn object_setattr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(Raise::type_error(format!(
            "expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let name = name_arg(vm, args, "__setattr__")?;
    attr::generic_set(vm, &args[0], name, args[2].clone())?;
    Ok(Value::None)
}

/// `object.__delattr__(obj, name)`.
pub fn object_delattr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let name = name_arg(vm, args, "__delattr__")?;
    attr::generic_delete(vm, &args[0], name)?;
    Ok(Value::None)
}

/// The natives `object` provides as defaults: the operations treat finding
/// one of these as finding no override.
pub fn is_object_default(v: &Value) -> bool {
    [
        object_repr as NativeFn,
        object_str,
        object_eq,
        object_ne,
        object_hash,
        object_format,
    ]
    .iter()
    .any(|f| attr::is_native(v, *f))
}

fn this(args: &[Value], name: &str) -> PyResult<Value> {
    args.first().cloned().ok_or_else(|| {
        Raise::type_error(format!(
            "descriptor '{name}' of 'object' object needs an argument"
        ))
    })
}

fn other(args: &[Value], name: &str) -> PyResult<Value> {
    args.get(1)
        .cloned()
        .ok_or_else(|| Raise::type_error(format!("expected 1 argument, got 0 for {name}")))
}

/// `object.__repr__(self)`: `<module.Class object at 0x...>`.
fn object_repr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let v = this(args, "__repr__")?;
    Ok(PyStr::value(ops::default_repr(vm, &v)?))
}

/// `object.__str__(self)`: `repr(self)`.
fn object_str(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let v = this(args, "__str__")?;
    Ok(PyStr::value(ops::repr(vm, &v)?))
}

/// `object.__eq__(self, other)`: identity, else NotImplemented.
fn object_eq(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let (a, b) = (this(args, "__eq__")?, other(args, "__eq__")?);
    Ok(if ops::is(&a, &b) {
        Value::Bool(true)
    } else {
        super::not_implemented(vm)
    })
}

/// `object.__ne__(self, other)`: the negation of `__eq__` when that answers.
fn object_ne(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let (a, b) = (this(args, "__ne__")?, other(args, "__ne__")?);
    let eq = ops::compare(vm, gilt_parser::ast::CmpOp::Eq, &a, &b)?;
    Ok(Value::Bool(!ops::truthy(vm, &eq)?))
}

/// `object.__hash__(self)`: by identity.
pub fn object_hash(_vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let v = this(args, "__hash__")?;
    Ok(Value::Int(match &v {
        Value::Obj(o) => crate::object::dict::identity_hash(o),
        other => crate::object::dict::builtin_hash(other)?.unwrap_or(0),
    }))
}

/// `object.__format__(self, spec)`: `str(self)` for an empty spec.
fn object_format(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let v = this(args, "__format__")?;
    match args.get(1).and_then(Value::as_object) {
        Some(Object::Str(s)) if s.text.is_empty() => Ok(PyStr::value(ops::str_of(vm, &v)?)),
        Some(Object::Str(_)) => Err(Raise::type_error(format!(
            "unsupported format string passed to {}.__format__",
            attr::type_name(vm, &v)
        ))),
        _ => Err(Raise::type_error("format_spec must be a str")),
    }
}

// The dunder methods of the builtin types Python classes derive from: each
// runs the operation itself on the builtin value (the receiver arrives
// unwrapped from a subclass instance, see `call::prepare`).

fn arg(args: &[Value], i: usize) -> PyResult<&Value> {
    args.get(i).ok_or_else(|| {
        Raise::type_error(format!(
            "expected {} arguments, got {}",
            i,
            args.len().saturating_sub(1)
        ))
    })
}

fn slot_repr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(PyStr::value(ops::repr(vm, arg(args, 0)?)?))
}

fn slot_str(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(PyStr::value(ops::str_of(vm, arg(args, 0)?)?))
}

fn slot_format(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let spec = match arg(args, 1)?.as_object() {
        Some(Object::Str(s)) => s.text.to_string(),
        _ => return Err(Raise::type_error("format_spec must be a str")),
    };
    Ok(PyStr::value(ops::format(vm, arg(args, 0)?, &spec)?))
}

fn slot_eq(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    ops::compare(
        vm,
        gilt_parser::ast::CmpOp::Eq,
        arg(args, 0)?,
        arg(args, 1)?,
    )
}

fn slot_ne(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    ops::compare(
        vm,
        gilt_parser::ast::CmpOp::NotEq,
        arg(args, 0)?,
        arg(args, 1)?,
    )
}

fn slot_len(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Int(super::length(vm, arg(args, 0)?)? as i64))
}

fn slot_getitem(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    ops::getitem(vm, arg(args, 0)?, arg(args, 1)?)
}

fn slot_setitem(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    ops::setitem(
        vm,
        arg(args, 0)?,
        arg(args, 1)?.clone(),
        arg(args, 2)?.clone(),
    )?;
    Ok(Value::None)
}

fn slot_delitem(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    ops::delitem(vm, arg(args, 0)?, arg(args, 1)?)?;
    Ok(Value::None)
}

fn slot_contains(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Bool(ops::contains(
        vm,
        arg(args, 0)?,
        arg(args, 1)?,
    )?))
}

fn slot_iter(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    crate::eval::iter::get_iter(vm, arg(args, 0)?)
}

fn slot_hash(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let payload = arg(args, 0)?.builtin_view().clone();
    Ok(Value::Int(crate::eval::keys::hash(vm, &payload)?))
}

/// Is `f` the `__hash__` of a builtin type?
pub fn is_slot_hash(f: &Value) -> bool {
    attr::is_native(f, slot_hash)
}

/// Is `v` one of the builtin types' dunder natives above?
pub fn is_slot(v: &Value) -> bool {
    attr::is_native(v, slot_getitem)
}
