//! What the collector needs to know about each kind of object: whether it is
//! tracked, the objects it holds, and how to let go of them.
//!
//! Soundness rests on one rule: `visit` reports only references the object
//! really owns (each one strong `Arc`). Leaving one out only makes the
//! collector keep more; reporting one too many could free a live object.

use crate::eval::Frame;
use crate::gil::Gil;
use crate::object::{Object, SeqIter};
use crate::value::{Obj, Value};

/// Is this object tracked when made? Containers that can take part in a
/// reference cycle. A tuple is tracked only when it holds such a container:
/// one of atoms cannot be part of a cycle.
#[inline]
pub fn trackable(object: &Object) -> bool {
    match object {
        Object::List(_)
        | Object::Dict(_)
        | Object::Set(_)
        | Object::Instance(_)
        | Object::Function(_)
        | Object::Cell(_)
        | Object::Class(_)
        | Object::Method { .. }
        | Object::Generator(_) => true,
        Object::Tuple(items) => items.iter().any(holds_container),
        _ => false,
    }
}

fn holds_container(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if trackable(o.get()))
}

/// Call `f` with each object `object` holds a reference to.
pub fn visit(object: &Object, gil: &Gil, f: &mut dyn FnMut(&Obj)) {
    match object {
        Object::List(items) => values(f, items.get(gil)),
        Object::Tuple(items) => values(f, items),
        Object::Dict(d) => dict(f, d.get(gil)),
        Object::Set(t) => t.get(gil).iter().for_each(|e| value(f, &e.key)),
        Object::Instance(i) => {
            f(&i.class);
            f(&i.dict);
            if let Some(p) = &i.payload {
                value(f, p);
            }
        }
        Object::Function(func) => {
            f(&func.globals);
            values(f, func.defaults.get(gil));
            if let Some(kw) = func.kw_defaults.get(gil) {
                f(kw);
            }
            func.closure.iter().for_each(&mut *f);
            dict(f, func.dict.get(gil));
        }
        Object::Cell(c) => {
            if let Some(v) = c.get(gil) {
                value(f, v);
            }
        }
        Object::Class(c) => {
            c.bases.iter().for_each(&mut *f);
            c.mro.get(gil).iter().for_each(&mut *f);
            dict(f, c.dict.get(gil));
            if let Some(m) = &c.metaclass {
                f(m);
            }
        }
        Object::Method { receiver, func } => {
            value(f, receiver);
            value(f, func);
        }
        Object::Generator(g) => {
            if let Some(frame) = g.suspended_frame(gil) {
                visit_frame(frame, f);
            }
        }
        Object::Iter(it) => visit_iter(it.get(gil), f),
        _ => {}
    }
}

#[inline]
fn value(f: &mut dyn FnMut(&Obj), v: &Value) {
    if let Value::Obj(o) = v {
        f(o)
    }
}

fn values(f: &mut dyn FnMut(&Obj), vs: &[Value]) {
    vs.iter().for_each(|v| value(f, v));
}

fn dict(f: &mut dyn FnMut(&Obj), d: &crate::object::Dict) {
    for (k, v) in d.iter() {
        value(f, k);
        value(f, v);
    }
}

/// The references a frame at rest (a suspended generator's) holds.
fn visit_frame(frame: &Frame, f: &mut dyn FnMut(&Obj)) {
    values(f, &frame.stack);
    frame.locals.iter().flatten().for_each(|v| value(f, v));
    for o in frame
        .cells
        .iter()
        .chain(&frame.func)
        .chain(&frame.module_globals)
        .chain(&frame.namespace)
    {
        f(o);
    }
}

fn visit_iter(it: &SeqIter, f: &mut dyn FnMut(&Obj)) {
    match it {
        SeqIter::List { list: o, .. } | SeqIter::Tuple { tuple: o, .. } => f(o),
        SeqIter::Values { items, .. } => values(f, items),
        SeqIter::Map { func, iters } => {
            value(f, func);
            values(f, iters);
        }
        SeqIter::Filter { func, iter } => {
            value(f, func);
            value(f, iter);
        }
        SeqIter::Zip { iters } => values(f, iters),
        SeqIter::Enumerate { iter, .. } => value(f, iter),
        _ => {}
    }
}

/// Let go of every reference `object` holds that can be let go of (what
/// CPython's `tp_clear` does), moving them to `trash` to be dropped once
/// the collector is done with its borrows. Returns whether it changed a
/// class (whose lookups others may have cached).
pub fn clear(object: &Object, gil: &mut Gil, trash: &mut Trash) -> bool {
    match object {
        Object::List(items) => trash.values.append(items.get_mut(gil)),
        Object::Dict(d) => trash.dicts.push(std::mem::take(d.get_mut(gil))),
        Object::Set(t) => {
            let t = t.get_mut(gil);
            trash.values.extend(t.iter().map(|e| e.key.clone()));
            t.clear();
        }
        Object::Function(func) => {
            trash
                .values
                .extend(std::mem::take(func.defaults.get_mut(gil)).into_vec());
            if let Some(kw) = func.kw_defaults.get_mut(gil).take() {
                trash.values.push(Value::Obj(kw));
            }
            trash.dicts.push(std::mem::take(func.dict.get_mut(gil)));
        }
        Object::Cell(c) => trash.values.extend(c.get_mut(gil).take()),
        Object::Class(c) => {
            trash.dicts.push(std::mem::take(c.dict.get_mut(gil)));
            trash
                .values
                .extend(c.mro.get_mut(gil).drain(..).map(Value::Obj));
            return true;
        }
        Object::Generator(g) => trash.frames.extend(g.release_frame(gil)),
        _ => {}
    }
    false
}

/// References taken out of garbage, dropped after the collector's borrows
/// end (dropping may free more objects, and a generator's `Drop` queues work).
#[derive(Default)]
pub struct Trash {
    values: Vec<Value>,
    dicts: Vec<crate::object::Dict>,
    frames: Vec<Frame>,
}

impl Trash {
    /// A garbage generator's frame, to be dropped with the rest.
    pub fn keep_frame(&mut self, frame: Frame) {
        self.frames.push(frame);
    }
}
