//! Weak references: what an object that can be weakly referred to carries.
//!
//! A weak reference holds a `Weak` to its referent, so the referent's death
//! needs no help to show (`ref()` gives None). The referent keeps the list of
//! its reference objects (weakly too) in a [`WeakSlot`], for
//! `weakref.getweakrefs` and for the callbacks: when the referent is freed the
//! slot's `Drop` queues the list for the loop, which calls each living
//! reference's `__callback__` at its next safe point (see `eval::finalize`),
//! because Python code cannot run inside `Drop`.

use crate::eval::finalize::{Pending, Queue};
use crate::gil::{Gil, GilCell};
use crate::object::Object;
use crate::value::{Obj, Value};
use std::sync::{Arc, Weak};

/// The weak references to one object: empty (no allocation) until the first.
#[derive(Default)]
pub struct WeakSlot(GilCell<Option<Box<Referrers>>>);

/// The reference objects of one referent, and where to queue their callbacks.
struct Referrers {
    refs: Vec<Weak<Object>>,
    queue: Arc<Queue>,
}

impl Drop for Referrers {
    fn drop(&mut self) {
        let refs = std::mem::take(&mut self.refs);
        if refs.iter().any(|r| r.strong_count() > 0) {
            self.queue.push(Pending::WeakCallbacks(refs));
        }
    }
}

impl std::fmt::Debug for WeakSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WeakSlot")
    }
}

impl WeakSlot {
    /// Remember `reference` (a weak reference object) as referring here.
    pub fn add(&self, gil: &mut Gil, queue: &Arc<Queue>, reference: &Obj) {
        let slot = self.0.get_mut(gil).get_or_insert_with(|| {
            Box::new(Referrers {
                refs: Vec::new(),
                queue: queue.clone(),
            })
        });
        slot.refs.retain(|r| r.strong_count() > 0);
        slot.refs.push(Arc::downgrade(&reference.0));
    }

    /// The living reference objects, oldest first.
    pub fn referrers(&self, gil: &Gil) -> Vec<Value> {
        match self.0.get(gil) {
            Some(slot) => slot
                .refs
                .iter()
                .filter_map(|r| r.upgrade())
                .map(|o| Value::Obj(Obj(o)))
                .collect(),
            None => Vec::new(),
        }
    }
}

/// The slot of an object that can be weakly referred to, if it is one.
pub fn slot_of(object: &Object) -> Option<&WeakSlot> {
    match object {
        Object::Instance(i) => Some(&i.weak),
        Object::Function(f) => Some(&f.weak),
        Object::Class(c) => Some(&c.weak),
        _ => None,
    }
}
