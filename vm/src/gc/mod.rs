//! The cycle collector. Reference counting (each `Obj` is an `Arc`) frees
//! most objects the moment they become unreachable; what it cannot free is a
//! group of objects that refer to each other. This finds such groups and
//! breaks them, the way CPython's `gc` does.
//!
//! A collection, run with the GIL held (so no Python code changes anything
//! meanwhile):
//! 1. Take every tracked container still alive (see `registry`).
//! 2. For each, its reference count minus the references held by other
//!    tracked containers (see `edges::visit`): what is left is held from
//!    outside — a frame, a native object, another thread's Rust stack, a
//!    module. Those objects, and all they reach, are in use.
//! 3. The rest is garbage. Generators among it that would run code when freed
//!    (a `finally` to close) are queued for the loop as their `Drop` would
//!    queue them; the queued frames keep the group alive until closed, and a
//!    later collection frees it. Otherwise every object of the group lets go
//!    of its references (`edges::clear`), and reference counting frees them.
//!
//! Counting from outside references instead of scanning roots means nothing
//! has to enumerate roots: anything the collector cannot see inside counts as
//! a root, so an object is only ever kept too long, never freed too early.

pub mod edges;
pub mod registry;

pub use registry::{due, Registry};

use crate::interp::Vm;
use crate::object::Object;
use crate::value::Obj;
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// Hashing for maps keyed by object address: addresses are already
/// distinct, so one multiplication spreads them well enough (SipHash, the
/// default, cost more than the rest of a collection).
#[derive(Default, Clone, Copy)]
struct Addresses;

struct AddressHasher(u64);

impl std::hash::BuildHasher for Addresses {
    type Hasher = AddressHasher;
    fn build_hasher(&self) -> AddressHasher {
        AddressHasher(0)
    }
}

impl std::hash::Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Totals since the interpreter started (`gc.get_stats()`).
#[derive(Default, Clone, Copy, Debug)]
pub struct Stats {
    /// Collections made.
    pub collections: usize,
    /// Unreachable objects found.
    pub collected: usize,
}

/// A full collection now: returns how many unreachable objects were found
/// (what `gc.collect()` returns).
pub fn collect(vm: &mut Vm) -> usize {
    collect_generations(vm, true)
}

fn collect_generations(vm: &mut Vm, full: bool) -> usize {
    let registry = vm.gil.registry().clone();
    if registry.running.swap(true, Ordering::Relaxed) {
        return 0;
    }
    registry::flush();
    registry::clear_due();
    let callbacks = callbacks(vm);
    run_callbacks(vm, &callbacks, "start", 0);
    let found = collect_in(vm, &registry, full);
    run_callbacks(vm, &callbacks, "stop", found);
    registry.running.store(false, Ordering::Relaxed);
    found
}

/// `gc.callbacks`, if the `gc` module was imported and has any.
fn callbacks(vm: &Vm) -> Vec<crate::value::Value> {
    let Some(module) = crate::builtins::import::get_module(vm, "gc") else {
        return Vec::new();
    };
    let Some(ns) = crate::builtins::import::module::namespace(&module) else {
        return Vec::new();
    };
    match ns
        .get(&vm.gil)
        .get_str("callbacks")
        .and_then(|v| v.as_object())
    {
        Some(Object::List(items)) => items.get(&vm.gil).clone(),
        _ => Vec::new(),
    }
}

/// Call each of `gc.callbacks` with the phase and the info dict CPython
/// passes; an exception from one is reported as unraisable, as in CPython.
fn run_callbacks(vm: &mut Vm, callbacks: &[crate::value::Value], phase: &str, collected: usize) {
    use crate::object::{Dict, PyStr};
    use crate::value::Value;
    for callback in callbacks {
        let mut info = Dict::new();
        info.insert_str("generation", Value::Int(2));
        info.insert_str("collected", Value::Int(collected as i64));
        info.insert_str("uncollectable", Value::Int(0));
        let info = Value::obj(Object::Dict(crate::gil::GilCell::new(info)));
        let args = vec![PyStr::value(phase), info];
        if let Err(e) = crate::eval::call::call(vm, callback, args, Vec::new()) {
            let what = crate::eval::ops::repr(vm, callback).unwrap_or_default();
            crate::eval::finalize::report_unraisable(vm, &what, e);
        }
    }
}

/// The collection the breaker found due (see `registry::due`).
#[cold]
#[inline(never)]
pub fn collect_due(vm: &mut Vm) {
    let registry = vm.gil.registry().clone();
    if registry.enabled.load(Ordering::Relaxed) {
        collect_generations(vm, registry.full_due());
    } else {
        registry::clear_due();
    }
}

/// Look at the young objects, or at all of them when `full`. References from
/// old objects into the young count as from outside (they may be garbage
/// too, but a young collection does not look: a full one will).
fn collect_in(vm: &mut Vm, registry: &Arc<Registry>, full: bool) -> usize {
    let mut handles = std::mem::take(&mut *registry.young.lock());
    registry.young_count.store(0, Ordering::Relaxed);
    if full {
        handles.append(&mut registry.old.lock());
    }
    let objects: Vec<Obj> = handles
        .iter()
        .filter_map(|w| w.upgrade())
        .map(Obj)
        .collect();
    drop(handles);
    let n = objects.len();
    if std::env::var_os("GILT_GC_DEBUG").is_some() {
        eprintln!("gc full={full} live={n}");
    }
    let index: HashMap<usize, usize, Addresses> = objects
        .iter()
        .enumerate()
        .map(|(i, o)| (o.addr(), i))
        .collect();

    // References from outside: the count, less ours in `objects`, less those
    // from other tracked containers.
    let mut outside: Vec<isize> = objects
        .iter()
        .map(|o| Arc::strong_count(&o.0) as isize - 1)
        .collect();
    for o in &objects {
        edges::visit(o.get(), &vm.gil, &mut |child| {
            if let Some(&j) = index.get(&child.addr()) {
                outside[j] -= 1;
            }
        });
    }

    // In use: held from outside, or reachable from what is.
    let mut in_use: Vec<bool> = outside.iter().map(|&r| r > 0).collect();
    let mut work: Vec<usize> = (0..n).filter(|&i| in_use[i]).collect();
    while let Some(i) = work.pop() {
        edges::visit(objects[i].get(), &vm.gil, &mut |child| {
            if let Some(&j) = index.get(&child.addr()) {
                if !in_use[j] {
                    in_use[j] = true;
                    work.push(j);
                }
            }
        });
    }
    drop(index);
    let garbage: Vec<usize> = (0..n).filter(|&i| !in_use[i]).collect();

    let mut trash = edges::Trash::default();
    let mut resurrected = false;
    for &i in &garbage {
        if let Object::Generator(g) = objects[i].get() {
            if g.has_finalizer(&vm.gil) {
                match g.finalize_garbage(&mut vm.gil) {
                    Some(frame) => trash.keep_frame(frame),
                    None => resurrected = true,
                }
            }
        }
    }
    let mut classes_changed = false;
    if !resurrected {
        for &i in &garbage {
            classes_changed |= edges::clear(objects[i].get(), &mut vm.gil, &mut trash);
        }
    }
    if classes_changed {
        vm.interp.type_epoch.fetch_add(1, Ordering::Relaxed);
    }

    let mut kept: Vec<std::sync::Weak<Object>> =
        objects.iter().map(|o| Arc::downgrade(&o.0)).collect();
    drop(objects);
    drop(trash);
    // What still lives (in use, or garbage kept for its finalizer) is looked
    // at again next time; the dead handles go now.
    kept.retain(|w| w.strong_count() > 0);
    if full {
        registry.old_total.store(kept.len(), Ordering::Relaxed);
        registry.old_pending.store(0, Ordering::Relaxed);
    } else {
        registry
            .old_pending
            .fetch_add(kept.len(), Ordering::Relaxed);
    }
    registry.old.lock().append(&mut kept);
    let mut stats = registry.stats.lock();
    stats.collections += 1;
    stats.collected += garbage.len();
    garbage.len()
}

/// `gc.enable()` / `gc.disable()`.
pub fn set_enabled(vm: &Vm, on: bool) {
    vm.gil.registry().enabled.store(on, Ordering::Relaxed);
}

/// `gc.isenabled()`.
pub fn is_enabled(vm: &Vm) -> bool {
    vm.gil.registry().enabled.load(Ordering::Relaxed)
}

/// `gc.get_threshold()[0]`.
pub fn threshold(vm: &Vm) -> usize {
    vm.gil.registry().threshold.load(Ordering::Relaxed)
}

/// `gc.set_threshold(n)`: 0 turns automatic collection off, as in CPython.
pub fn set_threshold(vm: &Vm, n: usize) {
    vm.gil.registry().threshold.store(n, Ordering::Relaxed);
}

/// `gc.get_count()[0]`: containers made since the last collection.
pub fn count(vm: &Vm) -> usize {
    registry::flush();
    vm.gil.registry().young()
}

/// The totals for `gc.get_stats()`.
pub fn stats(vm: &Vm) -> Stats {
    *vm.gil.registry().stats.lock()
}

/// Is this object one the collector looks at (`gc.is_tracked`)?
pub fn is_tracked(object: &Object) -> bool {
    edges::trackable(object)
}

/// Every tracked container alive and not frozen (`gc.get_objects()`).
pub fn objects(vm: &Vm) -> Vec<Obj> {
    registry::flush();
    let registry = vm.gil.registry();
    let mut all = Vec::new();
    for generation in [&registry.old, &registry.young] {
        let mut handles = generation.lock();
        handles.retain(|w| w.strong_count() > 0);
        all.extend(handles.iter().filter_map(|w| w.upgrade()).map(Obj));
    }
    all
}

/// `gc.freeze()`: set every tracked object aside, out of all later
/// collections.
pub fn freeze(vm: &Vm) {
    registry::flush();
    let registry = vm.gil.registry();
    let mut frozen = registry.frozen.lock();
    for generation in [&registry.old, &registry.young] {
        let mut handles = std::mem::take(&mut *generation.lock());
        handles.retain(|w| w.strong_count() > 0);
        frozen.append(&mut handles);
    }
    registry.young_count.store(0, Ordering::Relaxed);
    registry.old_total.store(0, Ordering::Relaxed);
    registry.old_pending.store(0, Ordering::Relaxed);
}

/// `gc.unfreeze()`: the frozen objects are looked at again.
pub fn unfreeze(vm: &Vm) {
    let registry = vm.gil.registry();
    let mut frozen = std::mem::take(&mut *registry.frozen.lock());
    frozen.retain(|w| w.strong_count() > 0);
    registry
        .old_pending
        .fetch_add(frozen.len(), Ordering::Relaxed);
    registry.old.lock().append(&mut frozen);
}

/// `gc.get_freeze_count()`.
pub fn freeze_count(vm: &Vm) -> usize {
    let registry = vm.gil.registry();
    let mut frozen = registry.frozen.lock();
    frozen.retain(|w| w.strong_count() > 0);
    frozen.len()
}
