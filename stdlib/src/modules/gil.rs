//! The `gil` module: the GIL's counters and its trace (see
//! `gilt_vm::gil::watch`). `gilt -X gil-trace=FILE` records a whole run the
//! same way.

use crate::args::{self, Kw};
use gilt_vm::builtins::import;
use gilt_vm::exc::PyResult;
use gilt_vm::gil::GilCell;
use gilt_vm::interp::Vm;
use gilt_vm::object::{Dict, NativeFn, Object, PyStr};
use gilt_vm::value::Value;
use std::collections::HashMap;

/// Fill the `gil` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("switches", switches),
        ("stats", stats),
        ("start_trace", start_trace),
        ("stop_trace", stop_trace),
        ("tracing", tracing),
    ];
    import::add_functions(vm, module, functions);
    Ok(())
}

/// `switches()`: how many times the GIL went from one thread to another.
fn switches(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("switches", [], 0, args, kwargs)?;
    let n = vm.interp.lock.watch(|w| w.switches());
    Ok(Value::Int(n as i64))
}

/// `stats()`: `{ident: {'acquisitions', 'forced', 'held', 'waited'}}` for
/// every thread that ever held the GIL (times in seconds).
fn stats(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("stats", [], 0, args, kwargs)?;
    let threads = vm.interp.lock.watch(|w| w.threads());
    let mut out = Dict::new();
    for (ident, s) in threads {
        let mut d = Dict::new();
        d.insert_str("acquisitions", Value::Int(s.acquisitions as i64));
        d.insert_str("forced", Value::Int(s.forced as i64));
        d.insert_str("held", Value::Float(s.held_ns as f64 / 1e9));
        d.insert_str("waited", Value::Float(s.waited_ns as f64 / 1e9));
        let d = Value::obj(Object::Dict(GilCell::new(d)));
        let key = Value::Int(ident);
        let hash = gilt_vm::object::dict::builtin_hash(&key)?.unwrap_or(0);
        out.insert_new(hash, key, d);
    }
    Ok(Value::obj(Object::Dict(GilCell::new(out))))
}

/// `start_trace()`: record every span a thread holds or waits for the GIL.
fn start_trace(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("start_trace", [], 0, args, kwargs)?;
    vm.interp.lock.watch(|w| w.start_trace());
    Ok(Value::None)
}

/// `tracing()`: is a trace being recorded?
fn tracing(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("tracing", [], 0, args, kwargs)?;
    Ok(Value::Bool(vm.interp.lock.watch(|w| w.tracing())))
}

/// `stop_trace()`: the recording as Chrome trace-event JSON text, or None
/// if none was running.
fn stop_trace(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("stop_trace", [], 0, args, kwargs)?;
    Ok(take_trace(vm).map_or(Value::None, PyStr::value))
}

/// Stop the GIL's trace and return it, its lanes named after the threads
/// (as `threading` knew them).
pub fn take_trace(vm: &mut Vm) -> Option<String> {
    let names = thread_names(vm);
    vm.interp.lock.watch(|w| w.take_trace(&names))
}

/// `threading._names`, if threading was imported.
fn thread_names(vm: &Vm) -> HashMap<i64, String> {
    let mut names = HashMap::new();
    let Some(module) = import::get_module(vm, "threading") else {
        return names;
    };
    let Some(ns) = import::module::namespace(&module) else {
        return names;
    };
    if let Some(Object::Dict(d)) = ns.get(&vm.gil).get_str("_names").and_then(Value::as_object) {
        for (k, v) in d.get(&vm.gil).iter() {
            if let (Value::Int(ident), Some(Object::Str(s))) = (k, v.as_object()) {
                names.insert(*ident, s.text.to_string());
            }
        }
    }
    names
}
