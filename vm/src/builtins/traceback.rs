//! Traceback and frame objects: what `exc.__traceback__` holds.
//!
//! A traceback is a chain of `traceback` objects, outermost first, each with
//! `tb_frame`, `tb_lineno`, `tb_lasti` and `tb_next`, as CPython builds it:
//! every frame an exception unwinds through puts a new one in front of the
//! chain. Raising is frequent, so an entry is a small native object (code,
//! globals, instruction) and its attributes are computed when read. A
//! `frame` object is a snapshot made when `tb_frame` is read (`f_code`,
//! `f_lineno`, `f_lasti`, `f_globals`, `f_back` None), enough for code that
//! walks a traceback; it is not the running frame. `sys._getframe` makes
//! the same snapshots of the running frames (see `eval::trail`), linked
//! through `f_back`.

use crate::bytecode::Code;
use crate::exc::{PyResult, Raise};
use crate::gil::{Gil, GilCell};
use crate::interp::{new_class, Vm};
use crate::object::{Builtin, Native, NativeFn, Object, PyStr};
use crate::value::{Obj, Value};
use std::sync::Arc;

/// The `traceback` and `frame` classes.
pub struct TracebackTypes {
    pub traceback: Obj,
    pub frame: Obj,
}

/// Where an entry's frame was: its code, globals and instruction.
struct Place {
    code: Arc<Code>,
    globals: Obj,
    pc: usize,
}

/// A `traceback` object.
struct TbEntry {
    place: Place,
    /// `tb_next`, which Python code may set.
    next: GilCell<Value>,
}

/// A `frame` object (a snapshot).
struct FrameSnapshot {
    place: Place,
    /// `f_back`: the calling frame's snapshot, or None.
    back: Value,
    /// `f_locals` when known: the namespace of a module or class body, or a
    /// copy of a function's variables taken when the snapshot was made.
    locals: Option<Obj>,
}

type Kw = [(Box<str>, Value)];

impl TracebackTypes {
    /// Make both classes (subclasses of `object`, in module builtins).
    pub fn new(object: &Obj, gil: &mut Gil) -> TracebackTypes {
        let make = |name: &str,
                    attrs: &[(&'static str, NativeFn, Option<NativeFn>)],
                    gil: &mut Gil| {
            let class = new_class(name, std::slice::from_ref(object), None, gil).expect("one base");
            if let Object::Class(c) = class.get() {
                let d = c.dict.get_mut(gil);
                d.insert_str("__module__", PyStr::value("builtins"));
                for &(attr, get, set) in attrs {
                    let property = Object::Property {
                        fget: Builtin::method(attr, get),
                        fset: set.map_or(Value::None, |f| Builtin::method(attr, f)),
                        fdel: Value::None,
                        doc: Value::None,
                    };
                    d.insert_str(attr, Value::obj(property));
                }
            }
            class
        };
        TracebackTypes {
            traceback: make(
                "traceback",
                &[
                    ("tb_frame", tb_frame, None),
                    ("tb_lineno", tb_lineno, None),
                    ("tb_lasti", tb_lasti, None),
                    ("tb_next", tb_next, Some(set_tb_next)),
                ],
                gil,
            ),
            frame: make(
                "frame",
                &[
                    ("f_code", f_code, None),
                    ("f_lineno", f_lineno, None),
                    ("f_lasti", f_lasti, None),
                    ("f_globals", f_globals, None),
                    ("f_back", f_back, None),
                    ("f_locals", f_locals, None),
                    ("f_builtins", f_builtins, None),
                    ("f_trace", f_trace, None),
                ],
                gil,
            ),
        }
    }
}

/// A traceback entry for instruction `pc` of `code`, in front of `next`.
pub fn new_entry(vm: &mut Vm, code: &Arc<Code>, globals: &Obj, pc: usize, next: Value) -> Value {
    let place = Place {
        code: code.clone(),
        globals: globals.clone(),
        pc,
    };
    Native::value(
        vm.interp.traceback_types.traceback.clone(),
        TbEntry {
            place,
            next: GilCell::new(next),
        },
    )
}

fn entry(v: &Value) -> Option<&TbEntry> {
    match v.as_object() {
        Some(Object::Native(n)) => n.data::<TbEntry>(),
        _ => None,
    }
}

fn snapshot(v: &Value) -> Option<&FrameSnapshot> {
    match v.as_object() {
        Some(Object::Native(n)) => n.data::<FrameSnapshot>(),
        _ => None,
    }
}

fn receiver<'a, T>(
    vm: &Vm,
    args: &'a [Value],
    get: impl Fn(&'a Value) -> Option<&'a T>,
    class: &str,
    attr: &str,
) -> PyResult<&'a T> {
    args.first().and_then(get).ok_or_else(|| {
        let shown = args
            .first()
            .map(|v| crate::eval::attr::type_name(vm, v))
            .unwrap_or_default();
        Raise::type_error(format!(
            "descriptor '{attr}' for '{class}' objects doesn't apply to a '{shown}' object"
        ))
    })
}

fn tb_frame(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let e = receiver(vm, args, entry, "traceback", "tb_frame")?;
    let place = Place {
        code: e.place.code.clone(),
        globals: e.place.globals.clone(),
        pc: e.place.pc,
    };
    Ok(Native::value(
        vm.interp.traceback_types.frame.clone(),
        FrameSnapshot {
            place,
            back: Value::None,
            locals: None,
        },
    ))
}

fn tb_lineno(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let e = receiver(vm, args, entry, "traceback", "tb_lineno")?;
    Ok(Value::Int(e.place.code.line_of(e.place.pc) as i64))
}

fn tb_lasti(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let e = receiver(vm, args, entry, "traceback", "tb_lasti")?;
    Ok(Value::Int(2 * e.place.pc as i64))
}

fn tb_next(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let e = receiver(vm, args, entry, "traceback", "tb_next")?;
    Ok(e.next.get(&vm.gil).clone())
}

fn set_tb_next(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let e = receiver(vm, args, entry, "traceback", "tb_next")?;
    let value = args.get(1).cloned().unwrap_or(Value::None);
    if !matches!(value, Value::None) && entry(&value).is_none() {
        return Err(Raise::type_error(format!(
            "expected traceback object or None, got '{}'",
            crate::eval::attr::type_name(vm, &value)
        )));
    }
    // A loop in the chain would make every walk of it endless.
    let mut at = value.clone();
    while let Some(next) = entry(&at) {
        if std::ptr::eq(next, e) {
            return Err(Raise::value_error("traceback loop detected"));
        }
        at = next.next.get(&vm.gil).clone();
    }
    *e.next.get_mut(&mut vm.gil) = value;
    Ok(Value::None)
}

fn f_code(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let f = receiver(vm, args, snapshot, "frame", "f_code")?;
    Ok(Value::obj(Object::Code(f.place.code.clone())))
}

fn f_lineno(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let f = receiver(vm, args, snapshot, "frame", "f_lineno")?;
    Ok(Value::Int(f.place.code.line_of(f.place.pc) as i64))
}

fn f_lasti(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let f = receiver(vm, args, snapshot, "frame", "f_lasti")?;
    Ok(Value::Int(2 * f.place.pc as i64))
}

fn f_globals(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let f = receiver(vm, args, snapshot, "frame", "f_globals")?;
    Ok(Value::Obj(f.place.globals.clone()))
}

fn f_back(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let f = receiver(vm, args, snapshot, "frame", "f_back")?;
    Ok(f.back.clone())
}

fn f_locals(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let f = receiver(vm, args, snapshot, "frame", "f_locals")?;
    match &f.locals {
        Some(d) => Ok(Value::Obj(d.clone())),
        None => Err(Raise::new(
            crate::exc::ExcKind::NotImplementedError,
            format!(
                "f_locals of a frame of {}() other than the caller of sys._getframe() is not kept",
                f.place.code.name
            ),
        )),
    }
}

fn f_builtins(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    receiver(vm, args, snapshot, "frame", "f_builtins")?;
    Ok(Value::Obj(vm.interp.builtins.clone()))
}

fn f_trace(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    receiver(vm, args, snapshot, "frame", "f_trace")?;
    Ok(Value::None)
}

/// `sys._getframe(depth)`: snapshots of the running frames, the one `depth`
/// calls out from the caller first. `caller_locals` are the caller's
/// variables, when the loop took them.
pub fn running_frame(vm: &mut Vm, depth: usize, caller_locals: Option<Obj>) -> PyResult<Value> {
    let count = vm.trail.len();
    if depth >= count {
        return Err(Raise::value_error("call stack is not deep enough"));
    }
    let class = vm.interp.traceback_types.frame.clone();
    let mut back = Value::None;
    for (i, stop) in vm.trail[..count - depth].iter().enumerate() {
        let (code, globals) = stop.place();
        let place = Place {
            code,
            globals,
            pc: stop.pc.saturating_sub(1),
        };
        // A body's locals are its namespace: the module's are its globals.
        let locals = if i == count - 1 {
            caller_locals.clone()
        } else if &*place.code.name == "<module>" {
            Some(place.globals.clone())
        } else {
            None
        };
        back = Native::value(
            class.clone(),
            FrameSnapshot {
                place,
                back,
                locals,
            },
        );
    }
    Ok(back)
}

/// Is `v` a traceback object?
pub fn is_traceback(_vm: &Vm, v: &Value) -> bool {
    entry(v).is_some()
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
    while let Some(e) = entry(&at) {
        let code = &e.place.code;
        out.push(Entry {
            file: code.filename.to_string(),
            line: code.line_of(e.place.pc),
            name: code.name.to_string(),
        });
        at = e.next.get(&vm.gil).clone();
    }
    out
}
