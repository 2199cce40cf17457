//! Classes: making them (the `class` statement's `__build_class__`,
//! `type(name, bases, namespace)`, metaclasses, `__init_subclass__`,
//! `__set_name__`, `__slots__`) and calling them (`__new__`, then `__init__`).
//!
//! Calling a class whose `__init__` is written in Python does not run a nested
//! loop: the `__init__` frame goes back to the evaluation loop marked with the
//! new instance, which the loop hands to the caller when the frame returns.

use super::call::{self, Kwargs, Prepared};
use super::{attr, exception, Frame};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{BuiltinType, Class, Dict, Instance, Object};
use crate::value::{Obj, Value};

/// `__build_class__(func, name, *bases, metaclass=..., **kwds)`: run the class
/// body in the namespace the metaclass prepares, then call the metaclass.
pub fn build_class(vm: &mut Vm, args: &[Value], kwargs: &[(Box<str>, Value)]) -> PyResult<Value> {
    let (Some(Value::Obj(func)), Some(name)) = (args.first(), args.get(1)) else {
        return Err(Raise::type_error("__build_class__: not enough arguments"));
    };
    let Object::Function(f) = func.get() else {
        return Err(Raise::type_error(
            "__build_class__: func must be a function",
        ));
    };
    let (bases, orig_bases) = resolve_bases(vm, &args[2..])?;
    let mut kwargs: Kwargs = kwargs.to_vec();
    let explicit = kwargs
        .iter()
        .position(|(k, _)| &**k == "metaclass")
        .map(|i| kwargs.remove(i).1);
    let meta = match explicit {
        Some(Value::Obj(m)) if matches!(m.get(), Object::Class(_)) => {
            derived_metaclass(vm, &m, &bases)?
        }
        Some(other) => {
            // Any callable may stand in for a metaclass.
            let ns = run_body(vm, f, Obj::new(Object::Dict(GilCell::new(Dict::new()))))?;
            let mut call_args = vec![name.clone(), tuple_of(&bases), ns];
            call_args.truncate(3);
            return call::call(vm, &other, call_args, kwargs);
        }
        None => {
            let first = match bases.first() {
                Some(b) => attr::class_of(vm, &Value::Obj(b.clone())),
                None => vm.type_obj(BuiltinType::Type),
            };
            derived_metaclass(vm, &first, &bases)?
        }
    };
    let namespace = match attr::lookup(vm, &meta, "__prepare__") {
        Some(prepare) => {
            let prepare = super::descriptor::get(vm, prepare, "__prepare__", None, &meta)?;
            let ns = call::call(
                vm,
                &prepare,
                vec![name.clone(), tuple_of(&bases)],
                kwargs.clone(),
            )?;
            match ns.as_object() {
                Some(Object::Dict(d)) => {
                    Obj::new(Object::Dict(GilCell::new(d.get(&vm.gil).clone())))
                }
                // Any mapping: STORE_NAME in the body calls its __setitem__.
                Some(Object::Instance(i))
                    if attr::lookup(vm, &i.class, "__getitem__").is_some() =>
                {
                    let Value::Obj(o) = ns else { unreachable!() };
                    o
                }
                _ => {
                    return Err(Raise::type_error(format!(
                        "{}.__prepare__() must return a mapping, not {}",
                        class_name(&meta),
                        attr::type_name(vm, &ns)
                    )))
                }
            }
        }
        None => Obj::new(Object::Dict(GilCell::new(Dict::new()))),
    };
    if let Some(orig) = orig_bases {
        super::namespace::store(vm, &namespace, "__orig_bases__", orig)?;
    }
    let ns = run_body(vm, f, namespace)?;
    let cell = match ns.as_object() {
        Some(Object::Dict(d)) => d.get(&vm.gil).get_str("__classcell__").cloned(),
        Some(Object::Instance(_)) => super::namespace::load(vm, &ns_obj(&ns), "__classcell__")?,
        _ => None,
    };
    let class = call::call(
        vm,
        &Value::Obj(meta),
        vec![name.clone(), tuple_of(&bases), ns],
        kwargs,
    )?;
    if let Some(Object::Cell(c)) = cell.as_ref().and_then(Value::as_object) {
        *c.get_mut(&mut vm.gil) = Some(class.clone());
    }
    Ok(class)
}

/// Run a class body in `namespace`; the namespace as a dict value.
fn run_body(vm: &mut Vm, f: &crate::object::Function, ns: Obj) -> PyResult<Value> {
    let mut frame = Frame::new(f.code.clone(), f.globals.clone(), Some(ns.clone()));
    frame.cells.extend(f.closure.iter().cloned());
    super::run(vm, frame)?;
    Ok(Value::Obj(ns))
}

/// The classes a class statement's bases stand for: a base that is not a
/// class may name them with `__mro_entries__(bases)` (typing's `List[int]`,
/// `Generic[T]`); then the bases as written are also returned, for
/// `__orig_bases__`.
fn resolve_bases(vm: &mut Vm, written: &[Value]) -> PyResult<(Vec<Obj>, Option<Value>)> {
    let mut bases = Vec::new();
    let mut changed = false;
    for b in written {
        match b {
            Value::Obj(o) if matches!(o.get(), Object::Class(_)) => bases.push(o.clone()),
            _ => {
                // Looked up on the object itself, as CPython does (typing's
                // NamedTuple is a function with the attribute set).
                let hook = match attr::generic_get(vm, b, "__mro_entries__") {
                    Ok(f) => f,
                    Err(e) if exception::is_attribute_error(vm, &e) => {
                        return Err(Raise::type_error("bases must be types"))
                    }
                    Err(e) => return Err(e),
                };
                let all = Value::obj(Object::Tuple(written.to_vec().into()));
                let entries = call::call(vm, &hook, vec![all], Vec::new())?;
                let Some(Object::Tuple(items)) = entries.as_object() else {
                    return Err(Raise::type_error("__mro_entries__ must return a tuple"));
                };
                for item in items.iter() {
                    match item {
                        Value::Obj(o) if matches!(o.get(), Object::Class(_)) => {
                            bases.push(o.clone())
                        }
                        _ => return Err(Raise::type_error("bases must be types")),
                    }
                }
                changed = true;
            }
        }
    }
    let orig = changed.then(|| Value::obj(Object::Tuple(written.to_vec().into())));
    Ok((bases, orig))
}

fn ns_obj(ns: &Value) -> Obj {
    match ns {
        Value::Obj(o) => o.clone(),
        _ => unreachable!("a class namespace is an object"),
    }
}

fn tuple_of(classes: &[Obj]) -> Value {
    let items: Vec<Value> = classes.iter().map(|c| Value::Obj(c.clone())).collect();
    Value::obj(Object::Tuple(items.into()))
}

fn class_name(class: &Obj) -> String {
    match class.get() {
        Object::Class(c) => c.name.to_string(),
        _ => String::new(),
    }
}

/// The most derived of `meta` and the metaclasses of `bases`, or the
/// "metaclass conflict" TypeError.
fn derived_metaclass(vm: &Vm, meta: &Obj, bases: &[Obj]) -> PyResult<Obj> {
    let bases: Vec<Value> = bases.iter().map(|b| Value::Obj(b.clone())).collect();
    derived_metaclass_of(vm, meta, &bases)
}

fn derived_metaclass_of(vm: &Vm, meta: &Obj, bases: &[Value]) -> PyResult<Obj> {
    let mut winner = meta.clone();
    for b in bases {
        let m = attr::class_of(vm, b);
        if attr::is_subclass(vm, &winner, &m) {
            continue;
        }
        if attr::is_subclass(vm, &m, &winner) {
            winner = m;
            continue;
        }
        return Err(Raise::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// `type.__new__(meta, name, bases, namespace, **kwds)`: a new class.
pub fn type_new(vm: &mut Vm, args: &[Value], kwargs: &[(Box<str>, Value)]) -> PyResult<Value> {
    let meta = match args.first() {
        Some(Value::Obj(m)) if matches!(m.get(), Object::Class(_)) => m.clone(),
        _ => return Err(Raise::type_error("type.__new__(X): X is not a type object")),
    };
    if args.len() != 4 {
        return Err(Raise::type_error(
            "type.__new__() takes exactly 3 arguments",
        ));
    }
    let name = match args[1].as_object() {
        Some(Object::Str(s)) => s.text.clone(),
        _ => {
            return Err(Raise::type_error(format!(
                "type.__new__() argument 1 must be str, not {}",
                attr::type_name(vm, &args[1])
            )))
        }
    };
    let mut bases = Vec::new();
    match args[2].as_object() {
        Some(Object::Tuple(items)) => {
            derived_metaclass_of(vm, &meta, items)?;
            for b in items.iter() {
                match b {
                    Value::Obj(o) if matches!(o.get(), Object::Class(_)) => bases.push(o.clone()),
                    _ => return Err(Raise::type_error("bases must be types")),
                }
            }
        }
        _ => {
            return Err(Raise::type_error(format!(
                "type.__new__() argument 2 must be tuple, not {}",
                attr::type_name(vm, &args[2])
            )))
        }
    }
    let ns = match args[3].as_object() {
        Some(Object::Dict(d)) => d.get(&vm.gil).clone(),
        _ => {
            return Err(Raise::type_error(format!(
                "type.__new__() argument 3 must be dict, not {}",
                attr::type_name(vm, &args[3])
            )))
        }
    };
    let meta = derived_metaclass(vm, &meta, &bases)?;
    let class = make_class(vm, &meta, name, bases, ns)?;
    init_subclass(vm, &class, kwargs)?;
    Ok(Value::Obj(class))
}

/// Build the class object itself and tell its attributes their names.
fn make_class(
    vm: &mut Vm,
    meta: &Obj,
    name: Box<str>,
    mut bases: Vec<Obj>,
    mut ns: Dict,
) -> PyResult<Obj> {
    if bases.is_empty() {
        bases.push(vm.type_obj(BuiltinType::Object));
    }
    for b in &bases {
        if let Object::Class(c) = b.get() {
            if matches!(
                c.builtin,
                Some(
                    BuiltinType::Bool
                        | BuiltinType::NoneType
                        | BuiltinType::Function
                        | BuiltinType::Generator
                        | BuiltinType::Coroutine
                        | BuiltinType::AsyncGenerator
                        | BuiltinType::Range
                        | BuiltinType::Slice
                )
            ) {
                return Err(Raise::type_error(format!(
                    "type '{}' is not an acceptable base type",
                    c.name
                )));
            }
        }
    }
    let mro = call::linearize(&bases, &vm.gil)?;
    if ns.get_str("__classcell__").is_some() {
        ns.remove_str("__classcell__");
    }
    // These three are implicitly class and static methods.
    for (key, wrap) in [
        ("__init_subclass__", true),
        ("__class_getitem__", true),
        ("__new__", false),
    ] {
        if let Some(f) = ns.get_str(key).cloned() {
            if matches!(f.as_object(), Some(Object::Function(_))) {
                let wrapped = if wrap {
                    Object::ClassMethod(f)
                } else {
                    Object::StaticMethod(f)
                };
                ns.insert_str(key, Value::obj(wrapped));
            }
        }
    }
    // A class that defines __eq__ but not __hash__ is unhashable, as in CPython.
    if ns.get_str("__eq__").is_some() && ns.get_str("__hash__").is_none() {
        ns.insert_str("__hash__", Value::None);
    }
    let slots = slots_of(vm, &bases, &ns)?;
    let qualname = match ns.get_str("__qualname__").and_then(Value::as_object) {
        Some(Object::Str(s)) => s.text.clone(),
        _ => name.clone(),
    };
    let is_type = matches!(meta.get(), Object::Class(c) if c.builtin == Some(BuiltinType::Type));
    let attrs: Vec<(Value, Value)> = ns.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let class = Obj::new(Object::Class(Box::new(Class {
        name,
        qualname,
        bases: bases.into(),
        mro: GilCell::new(mro),
        dict: GilCell::new(ns),
        builtin: None,
        metaclass: (!is_type).then(|| meta.clone()),
        slots,
        hooks: Default::default(),
        attr_hint: Default::default(),
        weak: Default::default(),
    })));
    for (key, value) in attrs {
        if let Some(Object::Instance(i)) = value.as_object() {
            if let Some(set_name) = attr::lookup(vm, &i.class, "__set_name__") {
                call::call(
                    vm,
                    &set_name,
                    vec![value.clone(), Value::Obj(class.clone()), key],
                    Vec::new(),
                )?;
            }
        }
    }
    Ok(class)
}

/// The attribute names allowed by `__slots__` here and in the bases, or None
/// when instances have a `__dict__`.
fn slots_of(vm: &mut Vm, bases: &[Obj], ns: &Dict) -> PyResult<Option<Box<[Box<str>]>>> {
    let Some(declared) = ns.get_str("__slots__").cloned() else {
        return Ok(None);
    };
    let names = match declared.as_object() {
        Some(Object::Str(s)) => vec![s.text.clone()],
        _ => {
            let mut out = Vec::new();
            for item in vm.collect(&declared)? {
                match item.as_object() {
                    Some(Object::Str(s)) => out.push(s.text.clone()),
                    _ => {
                        return Err(Raise::type_error(format!(
                            "__slots__ items must be strings, not '{}'",
                            attr::type_name(vm, &item)
                        )))
                    }
                }
            }
            out
        }
    };
    let mut all: Vec<Box<str>> = Vec::new();
    for name in names {
        if &*name == "__dict__" {
            return Ok(None);
        }
        if ns.get_str(&name).is_some() {
            return Err(Raise::value_error(format!(
                "'{name}' in __slots__ conflicts with class variable"
            )));
        }
        all.push(name);
    }
    for b in bases {
        let Object::Class(c) = b.get() else { continue };
        if c.builtin == Some(BuiltinType::Object) {
            continue;
        }
        match &c.slots {
            Some(inherited) => all.extend(inherited.iter().cloned()),
            None if c.builtin.is_none() => return Ok(None),
            None => {}
        }
        for k in c.mro.get(&vm.gil).iter() {
            if let Object::Class(kc) = k.get() {
                if kc.slots.is_none() && kc.builtin.is_none() {
                    return Ok(None);
                }
            }
        }
    }
    Ok(Some(all.into()))
}

/// Call `super(class, class).__init_subclass__(**kwargs)`.
fn init_subclass(vm: &mut Vm, class: &Obj, kwargs: &[(Box<str>, Value)]) -> PyResult<()> {
    let Object::Class(c) = class.get() else {
        return Ok(());
    };
    let mro: Vec<Obj> = c.mro.get(&vm.gil).clone();
    for k in &mro {
        let found = match k.get() {
            Object::Class(kc) => kc.dict.get(&vm.gil).get_str("__init_subclass__").cloned(),
            _ => None,
        };
        if let Some(f) = found {
            let bound = super::descriptor::get(vm, f, "__init_subclass__", None, class)?;
            call::call(vm, &bound, Vec::new(), kwargs.to_vec())?;
            return Ok(());
        }
    }
    Ok(())
}

/// `object.__init_subclass__`: accepts no keywords.
pub fn object_init_subclass(
    _vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Box<str>, Value)],
) -> PyResult<Value> {
    if !kwargs.is_empty() || args.len() > 1 {
        let name = match args.first() {
            Some(Value::Obj(c)) => class_name(c),
            _ => "object".into(),
        };
        return Err(Raise::type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

/// Call a class: its metaclass's `__call__` when it has its own, else
/// `type.__call__`.
pub fn call_class(
    vm: &mut Vm,
    class: &Obj,
    args: Vec<Value>,
    kwargs: Kwargs,
) -> PyResult<Prepared> {
    let Object::Class(c) = class.get() else {
        unreachable!("call_class takes a class")
    };
    if let Some(meta) = &c.metaclass {
        if let Some(f) = attr::lookup(vm, meta, "__call__") {
            if !attr::is_native(&f, type_call) {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(Value::Obj(class.clone()));
                full.extend(args);
                return call::prepare(vm, &f, full, kwargs);
            }
        }
    }
    instantiate(vm, class, args, kwargs)
}

/// `type.__call__(cls, *args, **kwargs)` as a native method (for
/// `super().__call__(...)` in a metaclass).
pub fn type_call(vm: &mut Vm, args: &[Value], kwargs: &[(Box<str>, Value)]) -> PyResult<Value> {
    let class = match args.first() {
        Some(Value::Obj(c)) if matches!(c.get(), Object::Class(_)) => c.clone(),
        _ => {
            return Err(Raise::type_error(
                "descriptor '__call__' requires a 'type' object",
            ))
        }
    };
    match instantiate(vm, &class, args[1..].to_vec(), kwargs.to_vec())? {
        Prepared::Frame(frame) => super::run(vm, frame),
        Prepared::Done(v) => Ok(v),
    }
}

/// `type.__init__`: nothing to do once `type.__new__` made the class.
pub fn type_init(_vm: &mut Vm, _args: &[Value], _kwargs: &[(Box<str>, Value)]) -> PyResult<Value> {
    Ok(Value::None)
}

/// `cls(*args, **kwargs)` without a metaclass `__call__`: `__new__`, then
/// `__init__` when `__new__` returned an instance of `cls`.
fn instantiate(vm: &mut Vm, class: &Obj, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Prepared> {
    let Object::Class(c) = class.get() else {
        unreachable!()
    };
    // The nearest builtin base decides what kind of object is made.
    let builtin = std::iter::once(class.clone())
        .chain(c.mro.get(&vm.gil).iter().cloned())
        .find_map(|k| match k.get() {
            Object::Class(k) => k.builtin,
            _ => None,
        })
        .unwrap_or(BuiltinType::Object);
    if builtin == BuiltinType::Type && c.builtin.is_some() && args.len() == 3 {
        let mut full = vec![Value::Obj(class.clone())];
        full.extend(args);
        return Ok(Prepared::Done(type_new(vm, &full, &kwargs)?));
    }
    if c.builtin.is_some() && builtin != BuiltinType::Object {
        return Ok(Prepared::Done(crate::builtins::construct(
            vm, builtin, args, kwargs,
        )?));
    }
    if builtin != BuiltinType::Object && builtin != BuiltinType::Type && !has_payload(builtin) {
        return Err(Raise::new(
            ExcKind::NotImplementedError,
            format!(
                "subclassing the builtin type '{}' is not supported yet",
                class_name(&vm.type_obj(builtin))
            ),
        ));
    }
    let has_args = !args.is_empty() || !kwargs.is_empty();
    let new = attr::lookup(vm, class, "__new__");
    let init = attr::lookup(vm, class, "__init__");
    if has_payload(builtin) {
        return instantiate_builtin_subclass(vm, class, builtin, new, init, args, kwargs);
    }
    let custom_new = new.as_ref().filter(|f| !is_native(f, object_new));
    let custom_init = init.as_ref().filter(|f| !is_native(f, object_init));
    let is_exception = exception::is_exception_class(vm, class);
    let instance = match custom_new {
        Some(f) => {
            let f = match f.as_object() {
                Some(Object::StaticMethod(inner)) => inner.clone(),
                _ => f.clone(),
            };
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(Value::Obj(class.clone()));
            full.extend(args.iter().cloned());
            let made = call::call(vm, &f, full, kwargs.clone())?;
            let made_class = attr::class_of(vm, &made);
            if !attr::is_subclass(vm, &made_class, class) {
                return Ok(Prepared::Done(made));
            }
            made
        }
        None => {
            if has_args && custom_init.is_none() && !is_exception {
                return Err(Raise::type_error(format!(
                    "{}() takes no arguments",
                    c.name
                )));
            }
            new_instance(class)
        }
    };
    if is_exception {
        exception::init_args(vm, &instance, &args);
    }
    let Some(init) = custom_init else {
        return Ok(Prepared::Done(instance));
    };
    match init.as_object() {
        Some(Object::Function(f)) if !f.code.generator => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(instance.clone());
            full.extend(args);
            let mut frame = call::bind(vm, f, full, kwargs)?;
            frame.on_return = super::OnReturn::Init(instance);
            Ok(Prepared::Frame(frame))
        }
        _ => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(instance.clone());
            full.extend(args);
            let result = call::call(vm, init, full, kwargs)?;
            init_result(vm, result, instance).map(Prepared::Done)
        }
    }
}

/// Builtin types that Python classes can derive from: instances of such a
/// class carry a value of the builtin type as their payload.
fn has_payload(t: BuiltinType) -> bool {
    matches!(
        t,
        BuiltinType::Int
            | BuiltinType::Float
            | BuiltinType::Complex
            | BuiltinType::Str
            | BuiltinType::Bytes
            | BuiltinType::Tuple
            | BuiltinType::FrozenSet
            | BuiltinType::List
            | BuiltinType::Dict
            | BuiltinType::Set
            | BuiltinType::ByteArray
    )
}

/// Mutable builtins are made empty by `__new__` and filled by `__init__`;
/// immutable ones take their value in `__new__`.
fn is_mutable(t: BuiltinType) -> bool {
    matches!(
        t,
        BuiltinType::List | BuiltinType::Dict | BuiltinType::Set | BuiltinType::ByteArray
    )
}

/// The nearest builtin base of `class`.
fn builtin_base(vm: &Vm, class: &Obj) -> BuiltinType {
    let Object::Class(c) = class.get() else {
        return BuiltinType::Object;
    };
    std::iter::once(class.clone())
        .chain(c.mro.get(&vm.gil).iter().cloned())
        .find_map(|k| match k.get() {
            Object::Class(k) => k.builtin,
            _ => None,
        })
        .unwrap_or(BuiltinType::Object)
}

/// Calling a class derived from a builtin type: `__new__` (the builtin's
/// unless overridden), then `__init__` (the builtin's refills a mutable
/// payload).
fn instantiate_builtin_subclass(
    vm: &mut Vm,
    class: &Obj,
    builtin: BuiltinType,
    new: Option<Value>,
    init: Option<Value>,
    args: Vec<Value>,
    kwargs: Kwargs,
) -> PyResult<Prepared> {
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(Value::Obj(class.clone()));
    full.extend(args.iter().cloned());
    let instance = match new.as_ref().filter(|f| !is_native(f, builtin_new)) {
        Some(f) => {
            let f = match f.as_object() {
                Some(Object::StaticMethod(inner)) => inner.clone(),
                _ => f.clone(),
            };
            let made = call::call(vm, &f, full, kwargs.clone())?;
            let made_class = attr::class_of(vm, &made);
            if !attr::is_subclass(vm, &made_class, class) {
                return Ok(Prepared::Done(made));
            }
            made
        }
        None => builtin_new(vm, &full, &kwargs)?,
    };
    match init.as_ref().filter(|f| !is_native(f, object_init)) {
        Some(init) if !is_native(init, builtin_init) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(instance.clone());
            full.extend(args);
            match init.as_object() {
                Some(Object::Function(f)) if !f.code.generator => {
                    let mut frame = call::bind(vm, f, full, kwargs)?;
                    frame.on_return = super::OnReturn::Init(instance);
                    Ok(Prepared::Frame(frame))
                }
                _ => {
                    let result = call::call(vm, init, full, kwargs)?;
                    init_result(vm, result, instance).map(Prepared::Done)
                }
            }
        }
        _ if is_mutable(builtin) => {
            let mut full = vec![instance.clone()];
            full.extend(args);
            builtin_init(vm, &full, &kwargs)?;
            Ok(Prepared::Done(instance))
        }
        _ => Ok(Prepared::Done(instance)),
    }
}

/// `int.__new__(cls, ...)`, `list.__new__(cls)` and the other builtin
/// types' `__new__`: the builtin value, wrapped in an instance of `cls` when
/// `cls` is a Python subclass.
pub fn builtin_new(vm: &mut Vm, args: &[Value], kwargs: &[(Box<str>, Value)]) -> PyResult<Value> {
    let class = match args.first() {
        Some(Value::Obj(c)) if matches!(c.get(), Object::Class(_)) => c.clone(),
        _ => return Err(Raise::type_error("__new__(X): X is not a type object")),
    };
    let t = builtin_base(vm, &class);
    let is_builtin = matches!(class.get(), Object::Class(c) if c.builtin.is_some());
    let rest = args[1..].to_vec();
    if is_builtin {
        return crate::builtins::construct(vm, t, rest, kwargs.to_vec());
    }
    let payload = if is_mutable(t) {
        crate::builtins::construct(vm, t, Vec::new(), Vec::new())?
    } else {
        // A payload that is itself a subclass instance is unwrapped.
        let v = crate::builtins::construct(vm, t, rest, kwargs.to_vec())?;
        v.builtin_view().clone()
    };
    Ok(Value::obj(Object::Instance(Instance::new(
        class,
        Some(payload),
    ))))
}

/// `list.__init__(self, iterable=())`, and dict's, set's, bytearray's: refill
/// the (payload) container from the arguments.
pub fn builtin_init(vm: &mut Vm, args: &[Value], kwargs: &[(Box<str>, Value)]) -> PyResult<Value> {
    let Some(target) = args.first() else {
        return Err(Raise::type_error("__init__() needs an argument"));
    };
    let target = target.builtin_view().clone();
    let Some(t) = crate::builtins::methods::kind_of(&target) else {
        return Ok(Value::None);
    };
    let fresh = crate::builtins::construct(vm, t, args[1..].to_vec(), kwargs.to_vec())?;
    match (target.as_object(), fresh.as_object()) {
        (Some(Object::List(l)), Some(Object::List(f))) => {
            let items = std::mem::take(f.get_mut(&mut vm.gil));
            *l.get_mut(&mut vm.gil) = items;
        }
        (Some(Object::Dict(d)), Some(Object::Dict(f))) => {
            let items = std::mem::take(f.get_mut(&mut vm.gil));
            *d.get_mut(&mut vm.gil) = items;
        }
        (Some(Object::Set(d)), Some(Object::Set(f))) => {
            let items = std::mem::take(f.get_mut(&mut vm.gil));
            *d.get_mut(&mut vm.gil) = items;
        }
        (Some(Object::ByteArray(d)), Some(Object::ByteArray(f))) => {
            let items = std::mem::take(f.get_mut(&mut vm.gil));
            *d.get_mut(&mut vm.gil) = items;
        }
        _ => {}
    }
    Ok(Value::None)
}

/// Natives that take the instance itself even when it wraps a builtin value
/// (the rest of the builtin methods work on the payload).
pub fn keeps_instance(f: crate::object::NativeFn) -> bool {
    use crate::builtins::object_type as ot;
    [
        object_init as crate::object::NativeFn,
        object_new,
        ot::object_getattribute,
        ot::object_setattr,
        ot::object_delattr,
        type_call,
        type_init,
        builtin_new,
    ]
    .iter()
    .any(|g| std::ptr::fn_addr_eq(*g, f))
        || crate::builtins::reduce::keeps_instance(f)
}

/// What a call of a class gives once `__init__` returned `result`.
pub fn init_result(vm: &Vm, result: Value, instance: Value) -> PyResult<Value> {
    if !matches!(result, Value::None) {
        return Err(Raise::type_error(format!(
            "__init__() should return None, not '{}'",
            attr::type_name(vm, &result)
        )));
    }
    if let Some(Object::Instance(i)) = instance.as_object() {
        if let Object::Class(c) = i.class.get() {
            let n = i.attrs().get(&vm.gil).len();
            c.attr_hint
                .fetch_max(n.min(64), std::sync::atomic::Ordering::Relaxed);
        }
    }
    Ok(instance)
}

/// A bare instance of a Python class, its `__dict__` sized for the
/// attributes its instances usually get.
fn new_instance(class: &Obj) -> Value {
    let room = match class.get() {
        Object::Class(c) => c.attr_hint.load(std::sync::atomic::Ordering::Relaxed),
        _ => 0,
    };
    Value::obj(Object::Instance(Instance::with_room(class.clone(), room)))
}

/// Is `v` the native `f`, maybe wrapped in a staticmethod (as `__new__` is)?
fn is_native(v: &Value, f: crate::object::NativeFn) -> bool {
    match v.as_object() {
        Some(Object::StaticMethod(inner)) => attr::is_native(inner, f),
        _ => attr::is_native(v, f),
    }
}

/// `object.__new__(cls, *args)`.
pub fn object_new(vm: &mut Vm, args: &[Value], kwargs: &[(Box<str>, Value)]) -> PyResult<Value> {
    let class = match args.first() {
        Some(Value::Obj(c)) if matches!(c.get(), Object::Class(_)) => c.clone(),
        Some(other) => {
            return Err(Raise::type_error(format!(
                "object.__new__(X): X is not a type object ({})",
                attr::type_name(vm, other)
            )))
        }
        None => return Err(Raise::type_error("object.__new__(): not enough arguments")),
    };
    if args.len() > 1 || !kwargs.is_empty() {
        let new = attr::lookup(vm, &class, "__new__");
        if new.as_ref().is_some_and(|f| !is_native(f, object_new)) {
            return Err(Raise::type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        let init = attr::lookup(vm, &class, "__init__");
        if init.as_ref().is_none_or(|f| is_native(f, object_init)) {
            return Err(Raise::type_error(format!(
                "{}() takes no arguments",
                class_name(&class)
            )));
        }
    }
    if let Object::Class(c) = class.get() {
        if let Some(t) = c.builtin.filter(|t| *t != BuiltinType::Object) {
            return Err(Raise::type_error(format!(
                "object.__new__({}) is not safe, use {}.__new__()",
                c.name,
                class_name(&vm.type_obj(t))
            )));
        }
    }
    Ok(new_instance(&class))
}

/// `object.__init__(self, *args)`.
pub fn object_init(vm: &mut Vm, args: &[Value], kwargs: &[(Box<str>, Value)]) -> PyResult<Value> {
    if args.len() > 1 || !kwargs.is_empty() {
        let class = attr::class_of(vm, &args[0]);
        let init = attr::lookup(vm, &class, "__init__");
        if init.as_ref().is_some_and(|f| !is_native(f, object_init)) {
            return Err(Raise::type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        let new = attr::lookup(vm, &class, "__new__");
        if new.as_ref().is_none_or(|f| is_native(f, object_new)) {
            return Err(Raise::type_error(format!(
                "{}() takes no arguments",
                class_name(&class)
            )));
        }
    }
    Ok(Value::None)
}
