//! Attributes: `obj.name` lookup, assignment and deletion, and the class of a
//! value.

use super::descriptor;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{function, Builtin, BuiltinType, Object, PyStr, ViewKind};
use crate::value::{Obj, Value};
use std::sync::atomic::Ordering;

/// The class of any value.
pub fn class_of(vm: &Vm, v: &Value) -> Obj {
    let t = match v {
        Value::None => BuiltinType::NoneType,
        Value::Bool(_) => BuiltinType::Bool,
        Value::Int(_) => BuiltinType::Int,
        Value::Float(_) => BuiltinType::Float,
        Value::Obj(o) => match o.get() {
            Object::Instance(i) => return i.class.clone(),
            Object::Stream(s) => return s.class.clone(),
            Object::Native(n) => return n.class.clone(),
            Object::Str(_) => BuiltinType::Str,
            Object::Bytes(_) => BuiltinType::Bytes,
            Object::ByteArray(_) => BuiltinType::ByteArray,
            Object::BigInt(_) => BuiltinType::Int,
            Object::Complex(_) => BuiltinType::Complex,
            Object::Tuple(_) => BuiltinType::Tuple,
            Object::List(_) => BuiltinType::List,
            Object::Dict(_) => BuiltinType::Dict,
            Object::Set(_) => BuiltinType::Set,
            Object::FrozenSet(_) => BuiltinType::FrozenSet,
            Object::DictView { kind, .. } => match kind {
                ViewKind::Keys => BuiltinType::DictKeys,
                ViewKind::Values => BuiltinType::DictValues,
                ViewKind::Items => BuiltinType::DictItems,
            },
            Object::Range { .. } => BuiltinType::Range,
            Object::Slice { .. } => BuiltinType::Slice,
            Object::Iter(state) => crate::object::iter_types::type_of(state.get(&vm.gil)),
            Object::Function(_) => BuiltinType::Function,
            Object::Builtin(_) => BuiltinType::BuiltinFunction,
            Object::HostFn(_) => BuiltinType::BuiltinFunction,
            Object::Method { .. } => BuiltinType::Method,
            Object::Class(c) => match &c.metaclass {
                Some(meta) => return meta.clone(),
                None => BuiltinType::Type,
            },
            Object::Module(_) => BuiltinType::Module,
            Object::Cell(_) => BuiltinType::Cell,
            Object::Code(_) => BuiltinType::Code,
            Object::Generator(g) => g.kind.builtin_type(),
            Object::Property { .. } => BuiltinType::Property,
            Object::ClassMethod(_) => BuiltinType::ClassMethod,
            Object::StaticMethod(_) => BuiltinType::StaticMethod,
            Object::Super { .. } => BuiltinType::Super,
            Object::Ellipsis => BuiltinType::Ellipsis,
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

/// One remembered class lookup: `name` on `class` found `value` (or nothing),
/// valid while the interpreter's type epoch is `epoch`.
#[derive(Default)]
pub struct CacheEntry {
    epoch: u64,
    class: Option<Obj>,
    hash: i64,
    name: Box<str>,
    value: Option<Value>,
}

/// An attribute name with its str hash worked out once. Names from code
/// objects also carry their str object, which instance dicts then share.
#[derive(Clone, Copy)]
pub struct Name<'a> {
    pub text: &'a str,
    pub hash: i64,
    pub key: Option<&'a Value>,
}

impl<'a> Name<'a> {
    /// A name from text (hashes it).
    pub fn new(text: &'a str) -> Name<'a> {
        Name {
            text,
            hash: crate::object::str::hash(text),
            key: None,
        }
    }

    /// A name from a str object and its hash.
    pub fn of_key(key: &'a Value, hash: i64) -> Name<'a> {
        let text = match key.as_object() {
            Some(Object::Str(s)) => &*s.text,
            _ => "",
        };
        Name {
            text,
            hash,
            key: Some(key),
        }
    }
}

/// `hooks` bits: the class's MRO has its own `__getattribute__`,
/// `__setattr__`, `__delattr__`, or has a `__getattr__`.
pub const HOOK_GETATTRIBUTE: u8 = 1;
pub const HOOK_SETATTR: u8 = 2;
pub const HOOK_DELATTR: u8 = 4;
pub const HOOK_GETATTR: u8 = 8;
/// Not a hook for attributes: the class hashes its instances its own way
/// (its `__hash__` is neither `object`'s nor a builtin type's, or is None).
pub const HOOK_HASH: u8 = 16;

/// Which attribute hooks `class` has (cached on the class per type epoch).
pub fn hooks(vm: &Vm, class: &Obj) -> u8 {
    let Object::Class(c) = class.get() else {
        return 0;
    };
    let epoch = vm.interp.type_epoch.load(Ordering::Relaxed);
    let seen = c.hooks.load(Ordering::Relaxed);
    if seen >> 8 == epoch {
        return seen as u8;
    }
    use crate::builtins::object_type as ot;
    let mut bits = 0;
    let custom = |name: &str, native: crate::object::NativeFn| {
        lookup(vm, class, name).is_some_and(|f| !is_native(&f, native))
    };
    if custom("__getattribute__", ot::object_getattribute) {
        bits |= HOOK_GETATTRIBUTE;
    }
    if custom("__setattr__", ot::object_setattr) {
        bits |= HOOK_SETATTR;
    }
    if custom("__delattr__", ot::object_delattr) {
        bits |= HOOK_DELATTR;
    }
    if lookup(vm, class, "__getattr__").is_some() {
        bits |= HOOK_GETATTR;
    }
    if lookup(vm, class, "__hash__")
        .is_some_and(|f| !is_native(&f, ot::object_hash) && !ot::is_slot_hash(&f))
    {
        bits |= HOOK_HASH;
    }
    c.hooks.store(epoch << 8 | bits as u64, Ordering::Relaxed);
    bits
}

const CACHE_SIZE: usize = 1024;

/// An empty lookup cache for a new thread.
pub fn new_cache() -> Box<[CacheEntry]> {
    (0..CACHE_SIZE).map(|_| CacheEntry::default()).collect()
}

/// TypeError for a method of a builtin type called on something else
/// (`str.encode(5)`), or on nothing; `args[0]` is the would-be receiver.
pub fn wrong_receiver(vm: &Vm, method: &str, owner: &str, args: &[Value]) -> Raise {
    match args.first() {
        Some(v) => Raise::type_error(format!(
            "descriptor '{method}' for '{owner}' objects doesn't apply to a '{}' object",
            type_name(vm, v)
        )),
        None => Raise::type_error(format!(
            "unbound method {owner}.{method}() needs an argument"
        )),
    }
}

/// Find `name` in a class or its bases.
pub fn lookup(vm: &Vm, class: &Obj, name: &str) -> Option<Value> {
    lookup_name(vm, class, &Name::new(name))
}

/// Find `name` in a class or its bases, through this thread's cache (which
/// also remembers misses: `__getattr__` and friends are looked for often).
pub fn lookup_name(vm: &Vm, class: &Obj, name: &Name) -> Option<Value> {
    let epoch = vm.interp.type_epoch.load(Ordering::Relaxed);
    let mix = (class.addr() >> 4) as u64 ^ (name.hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let slot = (mix >> 32) as usize % CACHE_SIZE;
    {
        let cache = vm.lookup_cache.lock();
        let e = &cache[slot];
        if e.epoch == epoch
            && e.hash == name.hash
            && e.class.as_ref().is_some_and(|c| c.is(class))
            && &*e.name == name.text
        {
            return e.value.clone();
        }
    }
    let value = lookup_uncached(vm, class, name);
    vm.lookup_cache.lock()[slot] = CacheEntry {
        epoch,
        class: Some(class.clone()),
        hash: name.hash,
        name: name.text.into(),
        value: value.clone(),
    };
    value
}

/// Forget every cached class lookup: a class namespace changed.
pub fn class_changed(vm: &Vm) {
    vm.interp.type_epoch.fetch_add(1, Ordering::Relaxed);
}

fn lookup_uncached(vm: &Vm, class: &Obj, name: &Name) -> Option<Value> {
    let Object::Class(c) = class.get() else {
        return None;
    };
    if let Some(v) = c.dict.get(&vm.gil).get_hashed(name.text, name.hash) {
        return Some(v.clone());
    }
    for base in c.mro.get(&vm.gil).iter() {
        if let Object::Class(b) = base.get() {
            if let Some(v) = b.dict.get(&vm.gil).get_hashed(name.text, name.hash) {
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
        binds: false,
    })))
}

/// Builtin method names are few and live for the whole run.
fn leak_name(name: &str) -> &'static str {
    crate::builtins::methods::static_name(name)
}

/// `obj.name`: the class's own `__getattribute__` when it has one (with
/// `__getattr__` as the fallback on AttributeError), else the generic lookup.
pub fn get(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    get_name(vm, obj, &Name::new(name))
}

/// `get` for a name whose hash is known.
pub fn get_name(vm: &mut Vm, obj: &Value, name: &Name) -> PyResult<Value> {
    if let Some(Object::Instance(inst)) = obj.as_object() {
        if hooks(vm, &inst.class) & HOOK_GETATTRIBUTE != 0 {
            let class = inst.class.clone();
            let f = lookup(vm, &class, "__getattribute__").expect("hooks saw it");
            let text = PyStr::value(name.text);
            let found = super::call::call(vm, &f, vec![obj.clone(), text.clone()], Vec::new());
            return match found {
                Err(e) if super::exception::is_attribute_error(vm, &e) => {
                    match lookup(vm, &class, "__getattr__") {
                        Some(getattr) => {
                            super::call::call(vm, &getattr, vec![obj.clone(), text], Vec::new())
                        }
                        None => Err(e),
                    }
                }
                other => other,
            };
        }
    }
    generic_get_name(vm, obj, name)
}

/// LOAD_METHOD: the function that `obj.name` would bind to `obj`, when it is
/// one (a Python function or a builtin method found on the class and not
/// shadowed by the instance); `None` when the attribute must be looked up the
/// full way.
pub fn method_of(vm: &Vm, obj: &Value, name: &Name) -> Option<Value> {
    let Value::Obj(o) = obj else {
        return None;
    };
    let class = match o.get() {
        Object::Instance(inst) => {
            if hooks(vm, &inst.class) & HOOK_GETATTRIBUTE != 0 {
                return None;
            }
            let f = lookup_name(vm, &inst.class, name)?;
            if !is_plain_method(&f)
                || inst
                    .attrs()
                    .get(&vm.gil)
                    .get_hashed(name.text, name.hash)
                    .is_some()
            {
                return None;
            }
            return Some(f);
        }
        Object::Class(_) | Object::Module(_) | Object::Super { .. } => return None,
        _ => class_of(vm, obj),
    };
    lookup_name(vm, &class, name).filter(is_plain_method)
}

fn is_plain_method(f: &Value) -> bool {
    match f.as_object() {
        Some(Object::Function(_)) => true,
        Some(Object::Builtin(b)) => b.binds && b.receiver.is_none(),
        _ => false,
    }
}

/// Is `v` the native function `f`?
pub fn is_native(v: &Value, f: crate::object::NativeFn) -> bool {
    matches!(v.as_object(), Some(Object::Builtin(b)) if std::ptr::fn_addr_eq(b.call, f))
}

/// `object.__getattribute__(obj, name)`: descriptors on the class, the
/// instance's own attributes, then `__getattr__`.
pub fn generic_get(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    generic_get_name(vm, obj, &Name::new(name))
}

fn generic_get_name(vm: &mut Vm, obj: &Value, full: &Name) -> PyResult<Value> {
    let name = full.text;
    if let Value::Obj(o) = obj {
        match o.get() {
            Object::Instance(inst) => {
                if name == "__class__" {
                    return Ok(Value::Obj(inst.class.clone()));
                }
                if name == "__dict__" {
                    return Ok(Value::Obj(inst.dict.clone()));
                }
                let class_attr = lookup_name(vm, &inst.class, full);
                if let Some(v) = class_attr.as_ref().filter(|v| descriptor::is_data(vm, v)) {
                    return descriptor::get(vm, v.clone(), name, Some(obj), &inst.class);
                }
                if let Some(v) = inst.attrs().get(&vm.gil).get_hashed(name, full.hash) {
                    return Ok(v.clone());
                }
                if let Some(v) = class_attr {
                    return descriptor::get(vm, v, name, Some(obj), &inst.class);
                }
                if hooks(vm, &inst.class) & HOOK_GETATTR != 0 {
                    let getattr = lookup(vm, &inst.class, "__getattr__").expect("hooks saw it");
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
                    "__class__" => return Ok(Value::Obj(class_of(vm, obj))),
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
                if let Some(meta) = &c.metaclass {
                    if let Some(v) = lookup(vm, meta, name) {
                        return descriptor::get(vm, v, name, Some(obj), meta);
                    }
                }
                if let Some(v) = type_attribute(vm, o, name)? {
                    return Ok(v);
                }
                if let Some(t) = c.builtin {
                    if let Some(call) = crate::builtins::methods::find_for_type(t, name) {
                        return Ok(Value::obj(Object::Builtin(Builtin {
                            name: leak_name(name),
                            call,
                            receiver: None,
                            binds: false,
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
                    if name == "__dict__" {
                        return Ok(Value::Obj(m.dict.clone()));
                    }
                    // PEP 562: a module's own `__getattr__` answers the rest.
                    let hook = d.get(&vm.gil).get_str("__getattr__").cloned();
                    if let Some(f) = hook {
                        return super::call::call(vm, &f, vec![PyStr::value(name)], Vec::new());
                    }
                }
                return Err(Raise::new(
                    ExcKind::AttributeError,
                    format!("module '{}' has no attribute '{name}'", m.name),
                ));
            }
            Object::Function(f) => {
                // An assigned `__doc__` lives in `__dict__`; the names and
                // defaults are never put there (see `function::set_attribute`).
                if let Some(v) = f.dict.get(&vm.gil).get_str(name) {
                    return Ok(v.clone());
                }
                if let Some(v) = function::attribute(vm, f, name) {
                    return Ok(v);
                }
            }
            Object::Cell(c) if name == "cell_contents" => return function::cell_contents(vm, c),
            Object::Code(code) => {
                if let Some(v) = crate::object::code::attribute(obj, code, name) {
                    return Ok(v);
                }
            }
            Object::Method { receiver, func } => match name {
                "__func__" => return Ok(func.clone()),
                "__self__" => return Ok(receiver.clone()),
                "__class__" => {}
                // Anything else is the function's (CPython's method_getattro).
                _ => return get_name(vm, func, full),
            },
            Object::Generator(g) => {
                if let Some(v) = super::generator::attribute(vm, obj, g, name) {
                    return Ok(v);
                }
            }
            Object::Builtin(b) if name == "__name__" => return Ok(PyStr::value(b.name)),
            Object::Complex(c) => {
                if let Some(v) = crate::object::complex::attribute(*c, name) {
                    return Ok(v);
                }
            }
            Object::HostFn(h) if name == "__name__" => return Ok(PyStr::value(&*h.name)),
            Object::Stream(s) => {
                if let Some(v) = crate::object::io::attribute(vm, obj, s, name)? {
                    return Ok(v);
                }
                if let Some(v) = s.dict.get(&vm.gil).get_hashed(name, full.hash) {
                    return Ok(v.clone());
                }
            }
            Object::Super { class, obj: target } => {
                return descriptor::super_get(vm, class, target, name)
            }
            Object::Property { .. } if name == "__doc__" => {
                return descriptor::property_doc(vm, obj)
            }
            // A native class's attributes are descriptors like a Python
            // class's (methods bind, properties compute).
            Object::Native(n) => {
                if let Some(v) = lookup(vm, &n.class, name) {
                    return descriptor::get(vm, v, name, Some(obj), &n.class);
                }
            }
            Object::Property { .. } => {
                if let Some(v) = function::property_attribute(o.get(), name) {
                    return Ok(v);
                }
            }
            Object::Slice { start, stop, step } => {
                if let Some(v) = crate::object::slice::attribute(start, stop, step, name) {
                    return Ok(v);
                }
            }
            Object::Range { start, stop, step } => {
                if let Some(v) = crate::object::range::attribute(*start, *stop, *step, name) {
                    return Ok(v);
                }
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
        if let Some(Object::ClassMethod(_) | Object::StaticMethod(_)) = v.as_object() {
            return descriptor::get(vm, v, name, Some(obj), &class);
        }
        return Ok(bind_to(v, obj));
    }
    if let Some(v) = value_attribute(obj, name) {
        return Ok(v);
    }
    if name == "__class__" {
        return Ok(Value::Obj(class));
    }
    Err(Raise::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", type_name(vm, obj)),
    ))
}

/// The data attributes of numbers: `real`, `imag`, and for ints
/// `numerator` and `denominator`.
fn value_attribute(obj: &Value, name: &str) -> Option<Value> {
    match obj {
        Value::Float(x) => crate::object::float_methods::attribute(*x, name),
        _ => crate::object::int::number::attribute(obj, name),
    }
}

/// A class attribute that `type` provides (`A.mro`, `A.__dict__`), for a
/// class whose own MRO does not have it.
#[cold]
fn type_attribute(vm: &mut Vm, class: &Obj, name: &str) -> PyResult<Option<Value>> {
    let Object::Class(c) = class.get() else {
        return Ok(None);
    };
    if name == "__dict__" {
        // A snapshot of the namespace stands in for CPython's mappingproxy.
        let d = c.dict.get(&vm.gil).clone();
        return Ok(Some(Value::obj(Object::Dict(crate::gil::GilCell::new(d)))));
    }
    if name == "mro" {
        return Ok(Some(Value::obj(Object::Builtin(Builtin {
            name: "mro",
            call: class_mro,
            // `type.mro` itself is unbound: `type.mro(C)`.
            receiver: (c.builtin != Some(BuiltinType::Type)).then(|| Value::Obj(class.clone())),
            binds: false,
        }))));
    }
    Ok(None)
}

/// `C.mro()`: the MRO as a list.
fn class_mro(vm: &mut Vm, args: &[Value], kwargs: &[(Box<str>, Value)]) -> PyResult<Value> {
    let Some(Value::Obj(class)) = args.first() else {
        return Err(Raise::type_error(
            "descriptor 'mro' of 'type' object needs an argument",
        ));
    };
    let Object::Class(c) = class.get() else {
        return Err(wrong_receiver(vm, "mro", "type", args));
    };
    if args.len() != 1 || !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "{}.mro() takes no arguments ({} given)",
            c.name,
            args.len() + kwargs.len() - 1
        )));
    }
    let mut mro = vec![args[0].clone()];
    mro.extend(c.mro.get(&vm.gil).iter().map(|k| Value::Obj(k.clone())));
    Ok(Value::obj(Object::List(crate::gil::GilCell::new(mro))))
}

/// A function found on a class becomes a method bound to the instance.
pub(crate) fn bind_to(v: Value, receiver: &Value) -> Value {
    match &v {
        Value::Obj(o) if matches!(o.get(), Object::Function(_)) => Value::obj(Object::Method {
            receiver: receiver.clone(),
            func: v,
        }),
        Value::Obj(o) => match o.get() {
            Object::Builtin(b) if b.binds && b.receiver.is_none() => Value::obj(Object::Method {
                receiver: receiver.clone(),
                func: v,
            }),
            _ => v,
        },
        _ => v,
    }
}

/// `obj.name = value`: the class's own `__setattr__` when it has one, else
/// the generic assignment.
pub fn set(vm: &mut Vm, obj: &Value, name: &str, value: Value) -> PyResult<()> {
    set_name(vm, obj, &Name::new(name), value)
}

/// `set` for a name whose hash is known.
pub fn set_name(vm: &mut Vm, obj: &Value, name: &Name, value: Value) -> PyResult<()> {
    if let Some(Object::Instance(inst)) = obj.as_object() {
        if hooks(vm, &inst.class) & HOOK_SETATTR != 0 {
            let setattr = lookup(vm, &inst.class, "__setattr__").expect("hooks saw it");
            let args = vec![obj.clone(), PyStr::value(name.text), value];
            super::call::call(vm, &setattr, args, Vec::new())?;
            return Ok(());
        }
    }
    // A metaclass written in Python may define __setattr__ (enum classes
    // refuse to rebind members).
    if let Some(Object::Class(c)) = obj.as_object() {
        if let Some(meta) = &c.metaclass {
            if let Some(f) = lookup(vm, meta, "__setattr__") {
                if matches!(f.as_object(), Some(Object::Function(_))) {
                    let args = vec![obj.clone(), PyStr::value(name.text), value];
                    super::call::call(vm, &f, args, Vec::new())?;
                    return Ok(());
                }
            }
        }
    }
    generic_set_name(vm, obj, name, value)
}

/// `object.__setattr__(obj, name, value)`: a data descriptor on the class,
/// else the instance's own attributes (only the `__slots__` names, if any).
pub fn generic_set(vm: &mut Vm, obj: &Value, name: &str, value: Value) -> PyResult<()> {
    generic_set_name(vm, obj, &Name::new(name), value)
}

fn generic_set_name(vm: &mut Vm, obj: &Value, full: &Name, value: Value) -> PyResult<()> {
    let name = full.text;
    if let Some(Object::Instance(inst)) = obj.as_object() {
        if let Some(d) = lookup_name(vm, &inst.class, full) {
            if descriptor::is_data(vm, &d) {
                descriptor::set(vm, &d, name, obj, value)?;
                return Ok(());
            }
        }
        if let Object::Class(c) = inst.class.get() {
            // A bare `object()` has no `__dict__`.
            if c.builtin == Some(BuiltinType::Object) {
                return Err(no_attribute(vm, obj, name));
            }
            if let Some(slots) = &c.slots {
                if !slots.iter().any(|s| &**s == name) {
                    return Err(Raise::new(
                        ExcKind::AttributeError,
                        format!("'{}' object has no attribute '{name}'", c.name),
                    ));
                }
            }
        }
        let dict = inst.attrs().get_mut(&mut vm.gil);
        match full.key {
            Some(key) => dict.set_named(key, full.hash, value),
            None => dict.insert_str(name, value),
        }
        return Ok(());
    }
    if let Value::Obj(o) = obj {
        if let Object::Function(f) = o.get() {
            if function::set_attribute(vm, f, name, Some(value.clone()))? {
                return Ok(());
            }
        }
        // A native class's data descriptors (properties with a setter).
        if let Object::Native(n) = o.get() {
            if let Some(d) = lookup_name(vm, &n.class, full) {
                if descriptor::is_data(vm, &d) {
                    descriptor::set(vm, &d, name, obj, value)?;
                    return Ok(());
                }
            }
        }
        let dict = match o.get() {
            Object::Instance(i) => Some(i.attrs()),
            Object::Stream(s) => Some(&s.dict),
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
            if matches!(o.get(), Object::Class(_)) {
                class_changed(vm);
            }
            return Ok(());
        }
    }
    Err(not_settable(vm, obj, name))
}

/// AttributeError: `obj` has no attribute `name`.
fn no_attribute(vm: &Vm, obj: &Value, name: &str) -> Raise {
    Raise::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", type_name(vm, obj)),
    )
}

/// Why `obj.name = v` fails on an object without a `__dict__`: a method of
/// its type is read-only, a data attribute is not writable.
#[cold]
fn not_settable(vm: &Vm, obj: &Value, name: &str) -> Raise {
    let t = type_name(vm, obj);
    let data = value_attribute(obj, name).is_some()
        || matches!(obj.as_object(), Some(Object::Slice { .. } | Object::Range { .. }) if matches!(name, "start" | "stop" | "step"))
        || matches!(obj.as_object(), Some(Object::Property { .. }) if matches!(name, "fget" | "fset" | "fdel"));
    if data {
        if matches!(
            obj.as_object(),
            Some(Object::Property { .. } | Object::Slice { .. } | Object::Range { .. })
        ) {
            return Raise::new(ExcKind::AttributeError, "readonly attribute");
        }
        return Raise::new(
            ExcKind::AttributeError,
            format!("attribute '{name}' of '{t}' objects is not writable"),
        );
    }
    if name == "__class__" {
        return Raise::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        );
    }
    if crate::builtins::methods::find(vm, obj, name).is_some() {
        return Raise::new(
            ExcKind::AttributeError,
            format!("'{t}' object attribute '{name}' is read-only"),
        );
    }
    no_attribute(vm, obj, name)
}

/// `del obj.name`: the class's own `__delattr__` when it has one, else the
/// generic deletion.
pub fn delete(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<()> {
    if let Some(Object::Instance(inst)) = obj.as_object() {
        if let Some(delattr) = lookup(vm, &inst.class, "__delattr__") {
            if !is_native(&delattr, crate::builtins::object_type::object_delattr) {
                super::call::call(
                    vm,
                    &delattr,
                    vec![obj.clone(), PyStr::value(name)],
                    Vec::new(),
                )?;
                return Ok(());
            }
        }
    }
    generic_delete(vm, obj, name)
}

/// `object.__delattr__(obj, name)`.
pub fn generic_delete(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<()> {
    if let Some(Object::Instance(inst)) = obj.as_object() {
        if let Some(d) = lookup(vm, &inst.class, name) {
            if descriptor::delete(vm, &d, name, obj)? {
                return Ok(());
            }
        }
    }
    if let Value::Obj(o) = obj {
        if let Object::Function(f) = o.get() {
            if function::set_attribute(vm, f, name, None)? {
                return Ok(());
            }
        }
        let dict = match o.get() {
            Object::Instance(i) => Some(i.attrs()),
            Object::Stream(s) => Some(&s.dict),
            Object::Class(c) => Some(&c.dict),
            Object::Function(f) => Some(&f.dict),
            Object::Module(m) => match m.dict.get() {
                Object::Dict(d) => Some(d),
                _ => None,
            },
            _ => None,
        };
        if let Some(d) = dict {
            let removed = d.get_mut(&mut vm.gil).remove_str(name);
            if matches!(o.get(), Object::Class(_)) {
                class_changed(vm);
            }
            return match removed {
                Some(_) => Ok(()),
                None => Err(match o.get() {
                    Object::Class(c) => Raise::new(
                        ExcKind::AttributeError,
                        format!("type object '{}' has no attribute '{name}'", c.name),
                    ),
                    Object::Module(m) => Raise::new(
                        ExcKind::AttributeError,
                        format!("module '{}' has no attribute '{name}'", m.name),
                    ),
                    _ => no_attribute(vm, obj, name),
                }),
            };
        }
    }
    Err(Raise::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", type_name(vm, obj)),
    ))
}

/// A context manager's bound `__exit__` and its (unbound) `__enter__`, or
/// CPython's TypeError when it lacks either.
pub fn context_methods(vm: &mut Vm, manager: &Value) -> PyResult<(Value, Value)> {
    let class = class_of(vm, manager);
    let enter = lookup(vm, &class, "__enter__");
    let exit = lookup(vm, &class, "__exit__");
    let (Some(enter), Some(exit)) = (enter.clone(), exit) else {
        // CPython 3.11 names the missing half only when `__enter__` exists.
        let missed = if enter.is_some() {
            " (missed __exit__ method)"
        } else {
            ""
        };
        let msg = format!(
            "'{}' object does not support the context manager protocol{missed}",
            type_name(vm, manager)
        );
        return Err(Raise::type_error(msg));
    };
    Ok((bind_to(exit, manager), enter))
}
