//! Struct sequences: tuple-like records with named fields, as CPython's
//! `time.struct_time` and `os.stat_result` (its `structseq.c`). An instance
//! indexes, iterates, compares and unpacks as the tuple of its sequence
//! fields, which are also attributes; extra attributes may follow them.
//! Its repr is `time.struct_time(tm_year=2024, ...)`.

use crate::args::Kw;
use gilt_vm::eval::{attr, iter, ops};
use gilt_vm::exc::{PyResult, Raise};
use gilt_vm::gil::GilCell;
use gilt_vm::interp::Vm;
use gilt_vm::object::{Builtin, Dict, Instance, NativeFn, Object, PyStr};
use gilt_vm::value::{Obj, Value};

/// Where an instance keeps its sequence (a tuple) in its `__dict__`.
const ITEMS: &str = "_structseq";
/// Where the class keeps the names of its attributes after the sequence.
const EXTRA: &str = "_structseq_extra";

/// A new struct sequence class `module.name` whose sequence fields are
/// `fields`; `extra` names the attributes that may follow them (`tm_zone`),
/// which a sequence given to the class may also hold.
pub fn new_type(vm: &mut Vm, module: &str, name: &str, fields: &[&str], extra: &[&str]) -> Obj {
    let object = vm.type_obj(gilt_vm::object::BuiltinType::Object);
    let class = gilt_vm::interp::new_class(name, &[object], None, &mut vm.gil)
        .expect("object is a valid base");
    if let Object::Class(c) = class.get() {
        let d = c.dict.get_mut(&mut vm.gil);
        d.insert_str("__module__", PyStr::value(module));
        let names: Vec<Value> = fields.iter().map(|f| PyStr::value(*f)).collect();
        d.insert_str("__match_args__", Value::obj(Object::Tuple(names.into())));
        d.insert_str("n_sequence_fields", Value::Int(fields.len() as i64));
        d.insert_str("n_fields", Value::Int((fields.len() + extra.len()) as i64));
        let extra: Vec<Value> = extra.iter().map(|f| PyStr::value(*f)).collect();
        d.insert_str(EXTRA, Value::obj(Object::Tuple(extra.into())));
        d.insert_str("n_unnamed_fields", Value::Int(0));
        d.insert_str("__new__", Builtin::function("__new__", new));
        let methods: [(&'static str, NativeFn); 7] = [
            ("__repr__", repr),
            ("__len__", len),
            ("__getitem__", getitem),
            ("__iter__", iter_fn),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__hash__", hash),
        ];
        for (name, f) in methods {
            d.insert_str(name, Builtin::method(name, f));
        }
    }
    class
}

/// An instance of `class` holding `seq` (one value per sequence field),
/// with `extra` attributes set after the fields (they may shadow one).
pub fn make(vm: &mut Vm, class: &Obj, seq: Vec<Value>, extra: Vec<(&str, Value)>) -> Value {
    let mut d = Dict::new();
    for (name, v) in field_names(vm, class).iter().zip(&seq) {
        d.insert_str(name, v.clone());
    }
    for (name, v) in extra {
        d.insert_str(name, v);
    }
    d.insert_str(ITEMS, Value::obj(Object::Tuple(seq.into())));
    Value::obj(Object::Instance(Instance {
        class: class.clone(),
        dict: Obj::new(Object::Dict(GilCell::new(d))),
        payload: None,
        weak: Default::default(),
    }))
}

fn field_names(vm: &Vm, class: &Obj) -> Vec<String> {
    names(vm, class, "__match_args__")
}

fn names(vm: &Vm, class: &Obj, key: &str) -> Vec<String> {
    let Object::Class(c) = class.get() else {
        return Vec::new();
    };
    match c.dict.get(&vm.gil).get_str(key).and_then(Value::as_object) {
        Some(Object::Tuple(t)) => t
            .iter()
            .filter_map(|v| match v.as_object() {
                Some(Object::Str(s)) => Some(s.text.to_string()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The sequence of a struct sequence instance, if `v` is one.
pub fn items(vm: &Vm, v: &Value) -> Option<Vec<Value>> {
    let Some(Object::Instance(i)) = v.as_object() else {
        return None;
    };
    match i
        .attrs()
        .get(&vm.gil)
        .get_str(ITEMS)
        .and_then(Value::as_object)
    {
        Some(Object::Tuple(t)) => Some(t.to_vec()),
        _ => None,
    }
}

fn this(vm: &Vm, args: &[Value]) -> PyResult<(Value, Vec<Value>)> {
    let v = args.first().cloned().unwrap_or(Value::None);
    match items(vm, &v) {
        Some(items) => Ok((v, items)),
        None => Err(Raise::type_error("descriptor requires a struct sequence")),
    }
}

fn tuple(items: Vec<Value>) -> Value {
    Value::obj(Object::Tuple(items.into()))
}

/// `cls(sequence)`: a struct sequence from exactly as many items as it has fields.
fn new(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let Some(Value::Obj(class)) = args.first() else {
        return Err(Raise::type_error(
            "structseq.__new__(): not enough arguments",
        ));
    };
    let qualified = qualified_name(vm, class);
    let Some(seq) = args.get(1) else {
        return Err(Raise::type_error(format!(
            "{qualified}() missing required argument 'sequence' (pos 1)"
        )));
    };
    let mut items = vm.collect(seq)?;
    let min = field_names(vm, class).len();
    let extra = names(vm, class, EXTRA);
    let max = min + extra.len();
    if items.len() < min || items.len() > max {
        let bound = match (min == max, items.len() < min) {
            (true, _) => format!("a {min}"),
            (false, true) => format!("an at least {min}"),
            (false, false) => format!("an at most {max}"),
        };
        return Err(Raise::type_error(format!(
            "{qualified}() takes {bound}-sequence ({}-sequence given)",
            items.len()
        )));
    }
    let rest = items.split_off(min);
    let mut attrs: Vec<(&str, Value)> = Vec::new();
    for (i, name) in extra.iter().enumerate() {
        attrs.push((name, rest.get(i).cloned().unwrap_or(Value::None)));
    }
    Ok(make(vm, class, items, attrs))
}

fn qualified_name(vm: &Vm, class: &Obj) -> String {
    let Object::Class(c) = class.get() else {
        return String::new();
    };
    match c
        .dict
        .get(&vm.gil)
        .get_str("__module__")
        .and_then(Value::as_object)
    {
        Some(Object::Str(m)) => format!("{}.{}", m.text, c.name),
        _ => c.name.to_string(),
    }
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (v, items) = this(vm, args)?;
    let class = attr::class_of(vm, &v);
    let mut parts = Vec::new();
    for (name, item) in field_names(vm, &class).iter().zip(&items) {
        parts.push(format!("{name}={}", ops::repr(vm, item)?));
    }
    let name = qualified_name(vm, &class);
    Ok(PyStr::value(format!("{name}({})", parts.join(", "))))
}

fn len(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (_, items) = this(vm, args)?;
    Ok(Value::Int(items.len() as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (_, items) = this(vm, args)?;
    let index = args.get(1).cloned().unwrap_or(Value::None);
    ops::getitem(vm, &tuple(items), &index)
}

fn iter_fn(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (_, items) = this(vm, args)?;
    iter::get_iter(vm, &tuple(items))
}

/// The other side of a comparison as a tuple, if it is a tuple or struct sequence.
fn other_items(vm: &Vm, other: &Value) -> Option<Vec<Value>> {
    match other.as_object() {
        Some(Object::Tuple(t)) => Some(t.to_vec()),
        _ => items(vm, other),
    }
}

fn eq(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (_, items) = this(vm, args)?;
    let other = args.get(1).cloned().unwrap_or(Value::None);
    match other_items(vm, &other) {
        Some(o) => Ok(Value::Bool(ops::eq(vm, &tuple(items), &tuple(o))?)),
        None => Ok(gilt_vm::builtins::not_implemented(vm)),
    }
}

fn ne(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    match eq(vm, args, kw)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        other => Ok(other),
    }
}

fn hash(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (_, items) = this(vm, args)?;
    Ok(Value::Int(gilt_vm::eval::keys::hash(vm, &tuple(items))?))
}
