//! Methods of the builtin container types (`list`, `dict`, `tuple`) and the
//! dispatch to the methods of `str`, `bytes`, `bytearray` and `int` in object/.

use crate::eval::{attr, coroutine, descriptor, generator, keys, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{BuiltinType, Dict, NativeFn, Object, ViewKind};
use crate::value::Value;
use parking_lot::Mutex;
use std::collections::HashSet;

type Kw = [(Box<str>, Value)];

const LIST: &[(&str, NativeFn)] = &[
    ("append", list_append),
    ("extend", list_extend),
    ("insert", list_insert),
    ("pop", list_pop),
    ("remove", list_remove),
    ("index", seq_index),
    ("count", seq_count),
    ("clear", list_clear),
    ("copy", list_copy),
    ("reverse", list_reverse),
    ("sort", list_sort),
];

const TUPLE: &[(&str, NativeFn)] = &[("index", seq_index), ("count", seq_count)];

const DICT: &[(&str, NativeFn)] = &[
    ("get", dict_get),
    ("keys", dict_keys),
    ("values", dict_values),
    ("items", dict_items),
    ("pop", dict_pop),
    ("setdefault", dict_setdefault),
    ("update", dict_update),
    ("copy", dict_copy),
    ("clear", dict_clear),
    ("popitem", dict_popitem),
];

const GENERATOR: &[(&str, NativeFn)] = &[
    ("send", generator::gen_send),
    ("throw", generator::gen_throw),
    ("close", generator::gen_close),
    ("__next__", generator::gen_next),
    ("__iter__", generator::gen_iter),
];

const COROUTINE: &[(&str, NativeFn)] = &[
    ("send", generator::gen_send),
    ("throw", generator::gen_throw),
    ("close", generator::gen_close),
    ("__await__", coroutine::coro_await),
];

const ASYNC_GENERATOR: &[(&str, NativeFn)] = &[
    ("asend", coroutine::agen_asend),
    ("athrow", coroutine::agen_athrow),
    ("aclose", coroutine::agen_aclose),
    ("__aiter__", coroutine::agen_aiter),
    ("__anext__", coroutine::agen_anext),
];

/// The objects `asend()`, `athrow()`, `aclose()` and `coroutine.__await__()` return.
const AWAITABLE: &[(&str, NativeFn)] = &[
    ("send", coroutine::awaitable_send),
    ("throw", coroutine::awaitable_throw),
    ("close", coroutine::awaitable_close),
    ("__next__", coroutine::awaitable_next),
    ("__iter__", coroutine::awaitable_iter),
    ("__await__", coroutine::awaitable_iter),
];

const PROPERTY: &[(&str, NativeFn)] = &[
    ("getter", descriptor::property_getter),
    ("setter", descriptor::property_setter),
    ("deleter", descriptor::property_deleter),
];

fn table(t: BuiltinType) -> &'static [(&'static str, NativeFn)] {
    match t {
        BuiltinType::Property => PROPERTY,
        BuiltinType::Generator => GENERATOR,
        BuiltinType::Coroutine => COROUTINE,
        BuiltinType::AsyncGenerator => ASYNC_GENERATOR,
        BuiltinType::CoroutineWrapper
        | BuiltinType::AsyncGenASend
        | BuiltinType::AsyncGenAThrow => AWAITABLE,
        BuiltinType::List => LIST,
        BuiltinType::Tuple => TUPLE,
        BuiltinType::Dict => DICT,
        BuiltinType::Set => super::set::SET_METHODS,
        BuiltinType::FrozenSet => super::set::FROZENSET_METHODS,
        BuiltinType::DictKeys | BuiltinType::DictItems => super::dict_view::SET_LIKE_METHODS,
        BuiltinType::Complex => crate::object::complex::METHODS,
        BuiltinType::Range => crate::object::range::METHODS,
        BuiltinType::Slice => crate::object::slice::METHODS,
        t if crate::object::iter_types::is_iterator_type(t) => crate::object::iter_types::METHODS,
        _ => &[],
    }
}

/// Every method of a builtin type, for its class namespace.
pub fn table_of(t: BuiltinType) -> Vec<(&'static str, NativeFn)> {
    if t == BuiltinType::Str {
        return crate::object::str::METHOD_NAMES
            .iter()
            .filter_map(|&n| Some((n, crate::object::str::method(n)?)))
            .collect();
    }
    table(t).to_vec()
}

/// The class and static methods of builtin types: type, name, code, and
/// whether it is a static method (else a class method).
pub fn class_level() -> Vec<(BuiltinType, &'static str, NativeFn, bool)> {
    let mut out: Vec<(BuiltinType, &'static str, NativeFn, bool)> = vec![
        (BuiltinType::Dict, "fromkeys", dict_fromkeys, false),
        (
            BuiltinType::Str,
            "maketrans",
            crate::object::str::translate::maketrans,
            true,
        ),
    ];
    for &(name, f) in crate::object::float_methods::CLASS_METHODS {
        out.push((BuiltinType::Float, name, f, false));
    }
    out
}

/// The method `name` of a builtin type, if it has one.
pub fn find_for_type(t: BuiltinType, name: &str) -> Option<NativeFn> {
    match t {
        BuiltinType::Str => return crate::object::str::method(name),
        BuiltinType::Bytes | BuiltinType::ByteArray => {
            return crate::object::bytes::method(t, name)
        }
        BuiltinType::Int => return crate::object::int::method(name),
        BuiltinType::Float => return crate::object::float_methods::method(name),
        _ => {}
    }
    table(t).iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// The method `name` of the builtin type of `receiver`.
pub fn find(vm: &Vm, receiver: &Value, name: &str) -> Option<NativeFn> {
    let _ = vm;
    find_for_type(kind_of(receiver)?, name)
}

/// The builtin type of a value that has builtin methods.
pub fn kind_of(receiver: &Value) -> Option<BuiltinType> {
    match receiver {
        Value::Int(_) | Value::Bool(_) => return Some(BuiltinType::Int),
        Value::Float(_) => return Some(BuiltinType::Float),
        _ => {}
    }
    Some(match receiver.as_object()? {
        Object::Str(_) => BuiltinType::Str,
        Object::Bytes(_) => BuiltinType::Bytes,
        Object::ByteArray(_) => BuiltinType::ByteArray,
        Object::BigInt(_) => BuiltinType::Int,
        Object::List(_) => BuiltinType::List,
        Object::Tuple(_) => BuiltinType::Tuple,
        Object::Dict(_) => BuiltinType::Dict,
        Object::Set(_) => BuiltinType::Set,
        Object::FrozenSet(_) => BuiltinType::FrozenSet,
        Object::DictView { kind, .. } => match kind {
            ViewKind::Keys => BuiltinType::DictKeys,
            ViewKind::Values => BuiltinType::DictValues,
            ViewKind::Items => BuiltinType::DictItems,
        },
        Object::Complex(_) => BuiltinType::Complex,
        Object::Generator(g) => g.kind.builtin_type(),
        Object::Property { .. } => BuiltinType::Property,
        Object::Range { .. } => BuiltinType::Range,
        Object::Slice { .. } => BuiltinType::Slice,
        Object::Iter(_) => BuiltinType::Iterator,
        _ => return None,
    })
}

/// A `'static` copy of a method name, made once per distinct name.
pub fn static_name(name: &str) -> &'static str {
    static NAMES: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut names = NAMES.lock();
    let set = names.get_or_insert_with(HashSet::new);
    if let Some(n) = set.get(name) {
        return n;
    }
    let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
    set.insert(leaked);
    leaked
}

fn expect(name: &str, args: &[Value], n: usize) -> PyResult<()> {
    let given = args.len() - 1;
    if given != n {
        let msg = match n {
            0 => format!("{name}() takes no arguments ({given} given)"),
            1 => format!("{name}() takes exactly one argument ({given} given)"),
            _ => format!("{name} expected {n} arguments, got {given}"),
        };
        return Err(Raise::type_error(msg));
    }
    Ok(())
}

fn list_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a GilCell<Vec<Value>>> {
    match v.as_object() {
        Some(Object::List(l)) => Ok(l),
        _ => Err(Raise::type_error(format!(
            "descriptor requires a 'list' object but received '{}'",
            attr::type_name(vm, v)
        ))),
    }
}

fn dict_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a GilCell<Dict>> {
    match v.as_object() {
        Some(Object::Dict(d)) => Ok(d),
        _ => Err(Raise::type_error(format!(
            "descriptor requires a 'dict' object but received '{}'",
            attr::type_name(vm, v)
        ))),
    }
}

fn list_append(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    expect("list.append", args, 1)?;
    list_of(vm, &args[0])?
        .get_mut(&mut vm.gil)
        .push(args[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    expect("list.extend", args, 1)?;
    let items = vm.collect(&args[1])?;
    list_of(vm, &args[0])?.get_mut(&mut vm.gil).extend(items);
    Ok(Value::None)
}

fn index_arg(vm: &Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => Err(Raise::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            attr::type_name(vm, v)
        ))),
    }
}

fn list_insert(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    expect("insert", args, 2)?;
    let i = index_arg(vm, &args[1])?;
    let list = list_of(vm, &args[0])?.get_mut(&mut vm.gil);
    let len = list.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    list.insert(at, args[2].clone());
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(Raise::type_error(format!(
            "pop expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let i = match args.get(1) {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let list = list_of(vm, &args[0])?.get_mut(&mut vm.gil);
    if list.is_empty() {
        return Err(Raise::new(ExcKind::IndexError, "pop from empty list"));
    }
    let len = list.len() as i64;
    let at = if i < 0 { i + len } else { i };
    if at < 0 || at >= len {
        return Err(Raise::new(ExcKind::IndexError, "pop index out of range"));
    }
    Ok(list.remove(at as usize))
}

fn position(vm: &mut Vm, items: &[Value], target: &Value) -> PyResult<Option<usize>> {
    for (i, x) in items.iter().enumerate() {
        if ops::is(x, target) || ops::eq(vm, x, target)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn list_remove(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    expect("list.remove", args, 1)?;
    let items = list_of(vm, &args[0])?.get(&vm.gil).clone();
    match position(vm, &items, &args[1])? {
        Some(i) => {
            list_of(vm, &args[0])?.get_mut(&mut vm.gil).remove(i);
            Ok(Value::None)
        }
        None => Err(Raise::value_error("list.remove(x): x not in list")),
    }
}

fn items_of(vm: &Vm, v: &Value) -> Vec<Value> {
    match v.as_object() {
        Some(Object::List(l)) => l.get(&vm.gil).clone(),
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

fn seq_index(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    if !(2..=4).contains(&args.len()) {
        let bound = if args.len() < 2 { "least 1" } else { "most 3" };
        return Err(Raise::type_error(format!(
            "index expected at {bound} argument{}, got {}",
            if args.len() < 2 { "" } else { "s" },
            args.len() - 1
        )));
    }
    let items = items_of(vm, &args[0]);
    // `start` and `stop` bound the search as a slice would (no None).
    let mut bounds = [0, i64::MAX];
    for (b, v) in bounds.iter_mut().zip(&args[2..]) {
        *b = match crate::object::slice::as_index(vm, v)? {
            Some(i) => crate::object::slice::clamp_i64(&i),
            None => {
                return Err(Raise::type_error(
                    "slice indices must be integers or have an __index__ method",
                ))
            }
        };
    }
    let span =
        crate::object::slice::adjust(Some(bounds[0]), Some(bounds[1]), 1, items.len() as i64);
    let window = &items[span.start as usize..(span.start + span.len) as usize];
    match position(vm, window, &args[1])? {
        Some(i) => Ok(Value::Int(i as i64 + span.start)),
        None => {
            // CPython 3.11 names the value for lists only.
            let what = if matches!(args[0].as_object(), Some(Object::List(_))) {
                format!("{} is not in list", ops::repr(vm, &args[1])?)
            } else {
                "tuple.index(x): x not in tuple".to_string()
            };
            Err(Raise::value_error(what))
        }
    }
}

fn seq_count(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let owner = if matches!(args[0].as_object(), Some(Object::List(_))) {
        "list.count"
    } else {
        "tuple.count"
    };
    expect(owner, args, 1)?;
    let items = items_of(vm, &args[0]);
    let mut n = 0;
    for x in &items {
        if ops::is(x, &args[1]) || ops::eq(vm, x, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_clear(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    expect("list.clear", args, 0)?;
    list_of(vm, &args[0])?.get_mut(&mut vm.gil).clear();
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    expect("list.copy", args, 0)?;
    let items = list_of(vm, &args[0])?.get(&vm.gil).clone();
    Ok(Value::obj(Object::List(GilCell::new(items))))
}

fn list_reverse(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    expect("list.reverse", args, 0)?;
    list_of(vm, &args[0])?.get_mut(&mut vm.gil).reverse();
    Ok(Value::None)
}

fn list_sort(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(Raise::type_error("sort() takes no positional arguments"));
    }
    let key = kwargs
        .iter()
        .find(|(k, _)| &**k == "key")
        .map(|(_, v)| v.clone());
    let reverse = match kwargs.iter().find(|(k, _)| &**k == "reverse") {
        Some((_, v)) => ops::truthy(vm, v)?,
        None => false,
    };
    let items = std::mem::take(list_of(vm, &args[0])?.get_mut(&mut vm.gil));
    let sorted = super::sort_values(vm, items, key.as_ref(), reverse);
    match sorted {
        Ok(s) => {
            *list_of(vm, &args[0])?.get_mut(&mut vm.gil) = s;
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

/// Check that a dict method taking a key and an optional second value
/// (`get`, `pop`, `setdefault`, `fromkeys`) got one or two besides `self`.
fn key_and_optional(name: &str, args: &[Value]) -> PyResult<()> {
    if (2..=3).contains(&args.len()) {
        return Ok(());
    }
    let bound = if args.len() < 2 {
        "least 1 argument"
    } else {
        "most 2 arguments"
    };
    Err(Raise::type_error(format!(
        "{name} expected at {bound}, got {}",
        args.len().saturating_sub(1)
    )))
}

fn dict_get(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    key_and_optional("get", args)?;
    let found = keys::get(vm, dict_of(vm, &args[0])?, &args[1])?;
    Ok(found.unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn dict_view(vm: &mut Vm, args: &[Value], kind: ViewKind) -> PyResult<Value> {
    let name = match kind {
        ViewKind::Keys => "dict.keys",
        ViewKind::Values => "dict.values",
        ViewKind::Items => "dict.items",
    };
    expect(name, args, 0)?;
    dict_of(vm, &args[0])?;
    Ok(super::dict_view::new(&args[0], kind))
}

fn dict_keys(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    dict_view(vm, args, ViewKind::Keys)
}

fn dict_values(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    dict_view(vm, args, ViewKind::Values)
}

fn dict_items(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    dict_view(vm, args, ViewKind::Items)
}

fn dict_pop(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    key_and_optional("pop", args)?;
    match keys::remove(vm, dict_of(vm, &args[0])?, &args[1])? {
        Some(v) => Ok(v),
        None => args
            .get(2)
            .cloned()
            .ok_or_else(|| Raise::WithValue(ExcKind::KeyError, args[1].clone())),
    }
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    key_and_optional("setdefault", args)?;
    let d = dict_of(vm, &args[0])?;
    let hash = keys::hash(vm, &args[1])?;
    if let Some(v) = keys::get_hashed(vm, d, hash, &args[1])? {
        return Ok(v);
    }
    let default = args.get(2).cloned().unwrap_or(Value::None);
    keys::set_hashed(vm, d, hash, args[1].clone(), default.clone())?;
    Ok(default)
}

fn dict_update(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if let Some(other) = args.get(1) {
        let source =
            crate::builtins::construct(vm, BuiltinType::Dict, vec![other.clone()], Vec::new())?;
        ops::dict_update(vm, &args[0], &source)?;
    }
    let d = dict_of(vm, &args[0])?;
    for (k, v) in kwargs {
        d.get_mut(&mut vm.gil).insert_str(k, v.clone());
    }
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)` (a class method: `args[0]` is the
/// class; a subclass is called, then filled item by item).
fn dict_fromkeys(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if let Some((k, _)) = kwargs.first() {
        return Err(Raise::type_error(format!(
            "dict.fromkeys() takes no keyword arguments (got '{k}')"
        )));
    }
    key_and_optional("fromkeys", args)?;
    let value = args.get(2).cloned().unwrap_or(Value::None);
    let keys = vm.collect(&args[1])?;
    let is_dict = matches!(&args[0], Value::Obj(c) if c.is(&vm.type_obj(BuiltinType::Dict)));
    if is_dict {
        let d = GilCell::new(Dict::new());
        for k in keys {
            keys::set(vm, &d, k, value.clone())?;
        }
        return Ok(Value::obj(Object::Dict(d)));
    }
    let made = crate::eval::call::call(vm, &args[0], Vec::new(), Vec::new())?;
    for k in keys {
        ops::setitem(vm, &made, k, value.clone())?;
    }
    Ok(made)
}

fn dict_copy(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    expect("dict.copy", args, 0)?;
    let d = dict_of(vm, &args[0])?.get(&vm.gil).clone();
    Ok(Value::obj(Object::Dict(GilCell::new(d))))
}

fn dict_clear(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    expect("dict.clear", args, 0)?;
    *dict_of(vm, &args[0])?.get_mut(&mut vm.gil) = Dict::new();
    Ok(Value::None)
}

fn dict_popitem(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    expect("dict.popitem", args, 0)?;
    let d = dict_of(vm, &args[0])?.get_mut(&mut vm.gil);
    let last = d.len().checked_sub(1).and_then(|i| d.remove_at(i));
    match last {
        Some((k, v)) => Ok(Value::obj(Object::Tuple(vec![k, v].into()))),
        // The message is the KeyError's argument, so str(e) quotes it once.
        None => Err(Raise::WithValue(
            ExcKind::KeyError,
            crate::object::PyStr::value("popitem(): dictionary is empty"),
        )),
    }
}
