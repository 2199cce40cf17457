//! `operator.itemgetter`, `attrgetter` and `methodcaller`: classes whose
//! instances remember what to fetch or call and do it when called, with
//! CPython's reprs (`operator.itemgetter(1, 'a')`). An instance keeps what
//! it was made with in its `__dict__` under [`ARGS`] (and [`KWARGS`]).

use crate::args::Kw;
use gilt_vm::builtins::import;
use gilt_vm::eval::{attr, call, ops};
use gilt_vm::exc::{PyResult, Raise};
use gilt_vm::gil::GilCell;
use gilt_vm::interp::Vm;
use gilt_vm::object::{Builtin, BuiltinType, Dict, Instance, NativeFn, Object, PyStr};
use gilt_vm::value::Value;

/// The positional values an instance was made with (a tuple).
const ARGS: &str = "_operator_args";
/// methodcaller's keyword arguments (a dict).
const KWARGS: &str = "_operator_kwargs";

/// Add the three classes to `module`.
pub fn install(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let classes: [(&str, NativeFn, NativeFn, NativeFn); 3] = [
        (
            "itemgetter",
            itemgetter_new,
            itemgetter_call,
            itemgetter_repr,
        ),
        (
            "attrgetter",
            attrgetter_new,
            attrgetter_call,
            attrgetter_repr,
        ),
        (
            "methodcaller",
            methodcaller_new,
            methodcaller_call,
            methodcaller_repr,
        ),
    ];
    for (name, new, call, repr) in classes {
        let object = vm.type_obj(BuiltinType::Object);
        let class = gilt_vm::interp::new_class(name, &[object], None, &mut vm.gil)?;
        if let Object::Class(c) = class.get() {
            let d = c.dict.get_mut(&mut vm.gil);
            d.insert_str("__module__", PyStr::value("operator"));
            d.insert_str("__new__", Builtin::function("__new__", new));
            d.insert_str("__call__", Builtin::method("__call__", call));
            d.insert_str("__repr__", Builtin::method("__repr__", repr));
        }
        import::set_attr(vm, module, name, Value::Obj(class));
    }
    Ok(())
}

/// A new instance of `args[0]` (the class) holding `values` and `kwargs`.
fn make(vm: &mut Vm, args: &[Value], values: Vec<Value>, kwargs: Option<Dict>) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.first() else {
        return Err(Raise::type_error("__new__(X): X is not a type object"));
    };
    let instance = Instance::new(cls.clone(), None);
    {
        let d = instance.attrs().get_mut(&mut vm.gil);
        d.insert_str(ARGS, Value::obj(Object::Tuple(values.into())));
        if let Some(kw) = kwargs {
            d.insert_str(KWARGS, Value::obj(Object::Dict(GilCell::new(kw))));
        }
    }
    Ok(Value::obj(Object::Instance(instance)))
}

/// What `self` (args[0]) was made with.
fn stored(vm: &Vm, args: &[Value], key: &str, class: &str) -> PyResult<Value> {
    let found = match args.first().and_then(Value::as_object) {
        Some(Object::Instance(i)) => i.attrs().get(&vm.gil).get_str(key).cloned(),
        _ => None,
    };
    found.ok_or_else(|| attr::wrong_receiver(vm, "__call__", class, args))
}

fn items_of(v: &Value) -> Vec<Value> {
    match v.as_object() {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

/// The one argument of a call, `name` naming the class in errors.
fn called_with<'a>(name: &str, args: &'a [Value], kwargs: &Kw) -> PyResult<&'a Value> {
    if !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    match args {
        [_, obj] => Ok(obj),
        _ => Err(Raise::type_error(format!(
            "{name} expected 1 argument, got {}",
            args.len().saturating_sub(1)
        ))),
    }
}

/// `operator.name(a, b, ...)` with the reprs of `values`.
fn repr_call(vm: &mut Vm, name: &str, values: &[Value], extra: Vec<String>) -> PyResult<Value> {
    let mut parts = Vec::with_capacity(values.len() + extra.len());
    for v in values {
        parts.push(ops::repr(vm, v)?);
    }
    parts.extend(extra);
    Ok(PyStr::value(format!(
        "operator.{name}({})",
        parts.join(", ")
    )))
}

fn need_values(name: &str, args: &[Value], kwargs: &Kw) -> PyResult<Vec<Value>> {
    if !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    if args.len() < 2 {
        return Err(Raise::type_error(format!(
            "{name} expected 1 argument, got 0"
        )));
    }
    Ok(args[1..].to_vec())
}

// ---------------------------------------------------------------------------
// itemgetter

fn itemgetter_new(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let items = need_values("itemgetter", args, kwargs)?;
    make(vm, args, items, None)
}

fn itemgetter_call(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let items = items_of(&stored(vm, args, ARGS, "operator.itemgetter")?);
    let obj = called_with("itemgetter", args, kwargs)?;
    if let [item] = items.as_slice() {
        return ops::getitem(vm, obj, item);
    }
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(ops::getitem(vm, obj, item)?);
    }
    Ok(Value::obj(Object::Tuple(out.into())))
}

fn itemgetter_repr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let items = items_of(&stored(vm, args, ARGS, "operator.itemgetter")?);
    repr_call(vm, "itemgetter", &items, Vec::new())
}

// ---------------------------------------------------------------------------
// attrgetter

fn attrgetter_new(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let names = need_values("attrgetter", args, kwargs)?;
    if names
        .iter()
        .any(|n| !matches!(n.as_object(), Some(Object::Str(_))))
    {
        return Err(Raise::type_error("attribute name must be a string"));
    }
    make(vm, args, names, None)
}

/// `obj.a.b.c` for the dotted name `a.b.c`.
fn dotted(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    let Some(Object::Str(s)) = name.as_object() else {
        return Err(Raise::type_error("attribute name must be a string"));
    };
    let mut v = obj.clone();
    for part in s.text.split('.') {
        v = attr::get(vm, &v, part)?;
    }
    Ok(v)
}

fn attrgetter_call(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let names = items_of(&stored(vm, args, ARGS, "operator.attrgetter")?);
    let obj = called_with("attrgetter", args, kwargs)?;
    if let [name] = names.as_slice() {
        return dotted(vm, obj, name);
    }
    let mut out = Vec::with_capacity(names.len());
    for name in &names {
        out.push(dotted(vm, obj, name)?);
    }
    Ok(Value::obj(Object::Tuple(out.into())))
}

fn attrgetter_repr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let names = items_of(&stored(vm, args, ARGS, "operator.attrgetter")?);
    repr_call(vm, "attrgetter", &names, Vec::new())
}

// ---------------------------------------------------------------------------
// methodcaller

fn methodcaller_new(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let Some(name) = args.get(1) else {
        return Err(Raise::type_error(
            "methodcaller needs at least one argument, the method name",
        ));
    };
    if !matches!(name.as_object(), Some(Object::Str(_))) {
        return Err(Raise::type_error("method name must be a string"));
    }
    let mut kw = Dict::new();
    for (k, v) in kwargs {
        kw.insert_str(k, v.clone());
    }
    make(vm, args, args[1..].to_vec(), Some(kw))
}

/// What a methodcaller calls: the name, positional and keyword arguments.
type CallParts = (Value, Vec<Value>, Vec<(Box<str>, Value)>);

/// methodcaller's name, positional arguments and keyword arguments.
fn call_parts(vm: &Vm, args: &[Value]) -> PyResult<CallParts> {
    let values = items_of(&stored(vm, args, ARGS, "operator.methodcaller")?);
    let kwargs = match stored(vm, args, KWARGS, "operator.methodcaller")?.as_object() {
        Some(Object::Dict(d)) => d
            .get(&vm.gil)
            .iter()
            .filter_map(|(k, v)| match k.as_object() {
                Some(Object::Str(s)) => Some((s.text.clone(), v.clone())),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let (name, rest) = values
        .split_first()
        .ok_or_else(|| Raise::type_error("methodcaller has no method name"))?;
    Ok((name.clone(), rest.to_vec(), kwargs))
}

fn methodcaller_call(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (name, positional, keywords) = call_parts(vm, args)?;
    let obj = called_with("methodcaller", args, kwargs)?;
    let method = dotted_once(vm, obj, &name)?;
    call::call(vm, &method, positional, keywords)
}

/// `getattr(obj, name)` (no dots: methodcaller does not split them).
fn dotted_once(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    match name.as_object() {
        Some(Object::Str(s)) => attr::get(vm, obj, &s.text.clone()),
        _ => Err(Raise::type_error("method name must be a string")),
    }
}

fn methodcaller_repr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let (name, positional, keywords) = call_parts(vm, args)?;
    let mut extra = Vec::with_capacity(keywords.len());
    for (k, v) in &keywords {
        extra.push(format!("{k}={}", ops::repr(vm, v)?));
    }
    let mut values = vec![name];
    values.extend(positional);
    repr_call(vm, "methodcaller", &values, extra)
}
