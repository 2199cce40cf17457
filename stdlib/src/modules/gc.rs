//! The `gc` module: the cycle collector's controls (see `gilt_vm::gc`).
//!
//! Gilt's collector has one generation: every collection looks at all
//! tracked containers, so the generation arguments are checked and accepted
//! but all mean "everything", and the counts of generations 1 and 2 are 0.

use crate::args::{self, Kw};
use gilt_vm::builtins::import;
use gilt_vm::exc::{PyResult, Raise};
use gilt_vm::gc;
use gilt_vm::gil::GilCell;
use gilt_vm::interp::Vm;
use gilt_vm::object::{Dict, NativeFn, Object};
use gilt_vm::value::Value;

/// CPython's debugging flags (stored by `set_debug`; Gilt prints nothing
/// for them).
const DEBUG_FLAGS: &[(&str, i64)] = &[
    ("DEBUG_STATS", 1),
    ("DEBUG_COLLECTABLE", 2),
    ("DEBUG_UNCOLLECTABLE", 4),
    ("DEBUG_SAVEALL", 32),
    ("DEBUG_LEAK", 38),
];

/// Fill the `gc` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_count", get_count),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
        ("get_objects", get_objects),
        ("get_stats", get_stats),
        ("is_tracked", is_tracked),
        ("is_finalized", is_finalized),
        ("get_referents", get_referents),
        ("get_referrers", get_referrers),
        ("freeze", freeze),
        ("unfreeze", unfreeze),
        ("get_freeze_count", get_freeze_count),
        ("set_debug", set_debug),
        ("get_debug", get_debug),
    ];
    import::add_functions(vm, module, functions);
    for &(name, flag) in DEBUG_FLAGS {
        import::set_attr(vm, module, name, Value::Int(flag));
    }
    import::set_attr(vm, module, "garbage", list(Vec::new()));
    import::set_attr(vm, module, "callbacks", list(Vec::new()));
    import::set_attr(vm, module, DEBUG_ATTR, Value::Int(0));
    Ok(())
}

/// Where `set_debug` keeps the flags.
const DEBUG_ATTR: &str = "__gilt_debug__";

fn list(items: Vec<Value>) -> Value {
    Value::obj(Object::List(GilCell::new(items)))
}

fn tuple(items: Vec<Value>) -> Value {
    Value::obj(Object::Tuple(items.into_boxed_slice()))
}

/// The generation argument: an int in 0..=2.
fn generation(vm: &Vm, v: Option<Value>) -> PyResult<()> {
    if let Some(v) = v {
        let g = args::int(vm, &v)?;
        if !(0..=2).contains(&g) {
            return Err(Raise::value_error("invalid generation"));
        }
    }
    Ok(())
}

/// `collect(generation=2)`: the number of unreachable objects found.
fn collect(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [g] = args::parse("collect", ["generation"], 0, args, kwargs)?;
    generation(vm, g)?;
    let found = gc::collect(vm);
    Ok(Value::Int(found as i64))
}

fn enable(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("enable", [], 0, args, kwargs)?;
    gc::set_enabled(vm, true);
    Ok(Value::None)
}

fn disable(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("disable", [], 0, args, kwargs)?;
    gc::set_enabled(vm, false);
    Ok(Value::None)
}

fn isenabled(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("isenabled", [], 0, args, kwargs)?;
    Ok(Value::Bool(gc::is_enabled(vm)))
}

fn get_count(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("get_count", [], 0, args, kwargs)?;
    let young = gc::count(vm) as i64;
    Ok(tuple(vec![Value::Int(young), Value::Int(0), Value::Int(0)]))
}

/// The thresholds of generations 1 and 2, kept only to be reported back.
const LATER_THRESHOLDS: &str = "__gilt_thresholds__";

fn get_threshold(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("get_threshold", [], 0, args, kwargs)?;
    let first = Value::Int(gc::threshold(vm) as i64);
    let later = module_attr(vm, LATER_THRESHOLDS)
        .and_then(|v| match v.as_object() {
            Some(Object::Tuple(t)) if t.len() == 2 => Some([t[0].clone(), t[1].clone()]),
            _ => None,
        })
        .unwrap_or([Value::Int(10), Value::Int(10)]);
    let [a, b] = later;
    Ok(tuple(vec![first, a, b]))
}

/// `set_threshold(threshold0[, threshold1[, threshold2]])`.
fn set_threshold(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(Raise::type_error(
            "set_threshold() takes no keyword arguments",
        ));
    }
    if args.is_empty() || args.len() > 3 {
        return Err(Raise::type_error(format!(
            "set_threshold() takes at {} 3 arguments ({} given)",
            if args.is_empty() {
                "least 1 argument and at most"
            } else {
                "most"
            },
            args.len()
        )));
    }
    let mut ns = Vec::new();
    for a in args {
        ns.push(args::int(vm, a)?);
    }
    gc::set_threshold(vm, ns[0].max(0) as usize);
    let old = get_threshold(vm, &[], &Vec::new())?;
    let old: Vec<Value> = match old.as_object() {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    let a = ns
        .get(1)
        .map(|&n| Value::Int(n))
        .unwrap_or_else(|| old[1].clone());
    let b = ns
        .get(2)
        .map(|&n| Value::Int(n))
        .unwrap_or_else(|| old[2].clone());
    let module = import::import_module(vm, "gc")?;
    import::set_attr(vm, &module, LATER_THRESHOLDS, tuple(vec![a, b]));
    Ok(Value::None)
}

fn module_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let module = import::get_module(vm, "gc")?;
    let ns = import::module::namespace(&module)?;
    ns.get(&vm.gil).get_str(name).cloned()
}

/// `get_objects(generation=None)`.
fn get_objects(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [g] = args::parse("get_objects", ["generation"], 0, args, kwargs)?;
    if let Some(g) = g.filter(|g| !matches!(g, Value::None)) {
        let n = args::int(vm, &g)?;
        if n < 0 {
            return Err(Raise::value_error("generation parameter must be >= 0"));
        }
        if n > 2 {
            return Err(Raise::value_error(
                "generation parameter cannot be greater than 2",
            ));
        }
    }
    let objects = gc::objects(vm).into_iter().map(Value::Obj).collect();
    Ok(list(objects))
}

/// `get_stats()`: one dict per generation; everything is in the oldest.
fn get_stats(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("get_stats", [], 0, args, kwargs)?;
    let stats = gc::stats(vm);
    let gen = |collections: usize, collected: usize| {
        let mut d = Dict::new();
        d.insert_str("collections", Value::Int(collections as i64));
        d.insert_str("collected", Value::Int(collected as i64));
        d.insert_str("uncollectable", Value::Int(0));
        Value::obj(Object::Dict(GilCell::new(d)))
    };
    Ok(list(vec![
        gen(0, 0),
        gen(0, 0),
        gen(stats.collections, stats.collected),
    ]))
}

fn is_tracked(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [obj] = args::parse("is_tracked", ["obj"], 1, args, kwargs)?;
    Ok(Value::Bool(
        obj.as_ref()
            .and_then(|o| o.as_object())
            .is_some_and(gc::is_tracked),
    ))
}

/// `is_finalized(obj)`: whether the collector already ran its finalizer
/// (Gilt runs none on objects it is not about to free: always False).
fn is_finalized(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("is_finalized", ["obj"], 1, args, kwargs)?;
    Ok(Value::Bool(false))
}

/// `get_referents(*objs)`: the objects they refer to.
fn get_referents(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(Raise::type_error(
            "get_referents() takes no keyword arguments",
        ));
    }
    let mut found = Vec::new();
    for a in args {
        if let Some(o) = a.as_object() {
            gc::edges::visit(o, &vm.gil, &mut |child| {
                found.push(Value::Obj(child.clone()))
            });
        }
    }
    Ok(list(found))
}

/// `get_referrers(*objs)`: the tracked objects that refer to any of them.
fn get_referrers(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(Raise::type_error(
            "get_referrers() takes no keyword arguments",
        ));
    }
    let targets: Vec<usize> = args
        .iter()
        .filter_map(|a| match a {
            Value::Obj(o) => Some(o.addr()),
            _ => None,
        })
        .collect();
    let mut found = Vec::new();
    for o in gc::objects(vm) {
        let mut refers = false;
        gc::edges::visit(o.get(), &vm.gil, &mut |child| {
            refers |= targets.contains(&child.addr());
        });
        if refers {
            found.push(Value::Obj(o));
        }
    }
    Ok(list(found))
}

fn freeze(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("freeze", [], 0, args, kwargs)?;
    gc::freeze(vm);
    Ok(Value::None)
}

fn unfreeze(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("unfreeze", [], 0, args, kwargs)?;
    gc::unfreeze(vm);
    Ok(Value::None)
}

fn get_freeze_count(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("get_freeze_count", [], 0, args, kwargs)?;
    Ok(Value::Int(gc::freeze_count(vm) as i64))
}

fn set_debug(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [flags] = args::parse("set_debug", ["flags"], 1, args, kwargs)?;
    let flags = args::int(vm, &flags.unwrap_or(Value::Int(0)))?;
    let module = import::import_module(vm, "gc")?;
    import::set_attr(vm, &module, DEBUG_ATTR, Value::Int(flags));
    Ok(Value::None)
}

fn get_debug(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("get_debug", [], 0, args, kwargs)?;
    Ok(module_attr(vm, DEBUG_ATTR).unwrap_or(Value::Int(0)))
}
