//! Traceback and frame objects: what `exc.__traceback__` holds.
//!
//! A traceback is a chain of `traceback` objects, outermost first, each with
//! `tb_frame`, `tb_lineno`, `tb_lasti` and `tb_next`, as CPython builds it:
//! every frame an exception unwinds through puts a new one in front of the
//! chain. A `frame` object here is a snapshot made for the traceback entry
//! (`f_code`, `f_lineno`, `f_lasti`, `f_globals`, `f_back` None), enough for
//! code that walks a traceback; it is not the running frame.

use crate::bytecode::Code;
use crate::gil::Gil;
use crate::interp::{new_class, Vm};
use crate::object::{Instance, Object, PyStr};
use crate::value::{Obj, Value};
use std::sync::Arc;

/// The `traceback` and `frame` classes.
pub struct TracebackTypes {
    pub traceback: Obj,
    pub frame: Obj,
}

impl TracebackTypes {
    /// Make both classes (subclasses of `object`, in module builtins).
    pub fn new(object: &Obj, gil: &mut Gil) -> TracebackTypes {
        let make = |name: &str, gil: &mut Gil| {
            let class = new_class(name, std::slice::from_ref(object), None, gil).expect("one base");
            if let Object::Class(c) = class.get() {
                c.dict
                    .get_mut(gil)
                    .insert_str("__module__", PyStr::value("builtins"));
            }
            class
        };
        TracebackTypes {
            traceback: make("traceback", gil),
            frame: make("frame", gil),
        }
    }
}

/// A traceback entry for instruction `pc` of `code`, in front of `next`.
pub fn new_entry(vm: &mut Vm, code: &Arc<Code>, globals: &Obj, pc: usize, next: Value) -> Value {
    let line = Value::Int(code.line_of(pc) as i64);
    let lasti = Value::Int(2 * pc as i64);
    let types = &vm.interp.traceback_types;
    let frame = Instance::new(types.frame.clone(), None);
    let tb = Instance::new(types.traceback.clone(), None);
    let fd = frame.attrs().get_mut(&mut vm.gil);
    fd.insert_str("f_code", Value::obj(Object::Code(code.clone())));
    fd.insert_str("f_lineno", line.clone());
    fd.insert_str("f_lasti", lasti.clone());
    fd.insert_str("f_globals", Value::Obj(globals.clone()));
    fd.insert_str("f_back", Value::None);
    let td = tb.attrs().get_mut(&mut vm.gil);
    td.insert_str("tb_frame", Value::obj(Object::Instance(frame)));
    td.insert_str("tb_lineno", line);
    td.insert_str("tb_lasti", lasti);
    td.insert_str("tb_next", next);
    Value::obj(Object::Instance(tb))
}

/// Is `v` a traceback object?
pub fn is_traceback(vm: &Vm, v: &Value) -> bool {
    matches!(v.as_object(), Some(Object::Instance(i)) if i.class.is(&vm.interp.traceback_types.traceback))
}

/// One line of a printed traceback: file, line number and function name.
pub struct Entry {
    pub file: String,
    pub line: u32,
    pub name: String,
}

/// The entries of the traceback chain starting at `tb`, outermost first.
pub fn entries(vm: &Vm, tb: &Value) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut at = tb.clone();
    // A chain made by Python code could loop; no real one is this long.
    while out.len() < 1_000_000 {
        let Some(Object::Instance(i)) = at.as_object() else {
            break;
        };
        let d = i.attrs().get(&vm.gil);
        let line = match d.get_str("tb_lineno") {
            Some(Value::Int(n)) => *n as u32,
            _ => 0,
        };
        let code = match d.get_str("tb_frame").and_then(Value::as_object) {
            Some(Object::Instance(f)) => match f.attrs().get(&vm.gil).get_str("f_code") {
                Some(Value::Obj(c)) => match c.get() {
                    Object::Code(c) => Some(c.clone()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        };
        if let Some(code) = code {
            out.push(Entry {
                file: code.filename.to_string(),
                line,
                name: code.name.to_string(),
            });
        }
        at = d.get_str("tb_next").cloned().unwrap_or(Value::None);
    }
    out
}
