//! Which objects the cycle collector looks at: every container made while a
//! thread held an interpreter's GIL, remembered weakly.
//!
//! Objects are made everywhere (`Obj::new`), mostly without the `Vm` at hand,
//! so the registry is reached through the thread: taking the GIL points this
//! thread's [`Local`] at that interpreter's [`Registry`], and letting it go
//! hands the thread's batch over and forgets it. A container made while no
//! GIL is held is simply not tracked (the collector can only miss it, never
//! free something in use).
//!
//! The handles are `Weak`: tracking never keeps an object alive. A dead
//! handle still pins its allocation, so each collection drops the dead ones.

use crate::object::Object;
use parking_lot::Mutex;
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};

/// How many handles a thread gathers before it hands them to the registry.
const BATCH: usize = 256;

/// The default for CPython's first threshold: a collection is due after this
/// many new containers (or as many as survived the last one, if more).
pub const DEFAULT_THRESHOLD: usize = 700;

/// Young collections between two full ones, at the least.
const YOUNG_RUNS_PER_FULL: usize = 100;

/// Some interpreter has a collection due (the breaker looks at this).
static DUE: AtomicBool = AtomicBool::new(false);

/// Is a collection due somewhere? One relaxed load, for the breaker.
#[inline(always)]
pub fn due() -> bool {
    DUE.load(Ordering::Relaxed)
}

/// One interpreter's tracked containers, in two generations as in CPython:
/// most containers die young, so a collection usually looks only at those
/// made since the last one, and only now and then at the old ones too.
pub struct Registry {
    /// Handed over by threads since the last collection.
    pub(super) young: Mutex<Vec<Weak<Object>>>,
    /// Survivors of earlier collections.
    pub(super) old: Mutex<Vec<Weak<Object>>>,
    /// Set aside by `gc.freeze()`: never looked at again.
    pub(super) frozen: Mutex<Vec<Weak<Object>>>,
    /// Containers made since the last collection.
    pub(super) young_count: AtomicUsize,
    /// Old objects after the last full collection, and those promoted since:
    /// a full collection is due when the second passes a quarter of the
    /// first (CPython's rule, which keeps the cost of full collections
    /// in proportion to the growth of the heap).
    pub(super) old_total: AtomicUsize,
    pub(super) old_pending: AtomicUsize,
    /// Young collections since the last full one.
    pub(super) young_runs: AtomicUsize,
    /// `gc.get_threshold()[0]`.
    pub(super) threshold: AtomicUsize,
    /// `gc.isenabled()`.
    pub(super) enabled: AtomicBool,
    /// A collection is running (one at a time; `gc.collect()` from a
    /// callback it triggered finds nothing to do).
    pub(super) running: AtomicBool,
    /// Totals for `gc.get_stats()`.
    pub(super) stats: Mutex<super::Stats>,
}

impl Default for Registry {
    fn default() -> Registry {
        Registry {
            young: Mutex::new(Vec::new()),
            old: Mutex::new(Vec::new()),
            frozen: Mutex::new(Vec::new()),
            young_count: AtomicUsize::new(0),
            old_total: AtomicUsize::new(0),
            old_pending: AtomicUsize::new(0),
            young_runs: AtomicUsize::new(0),
            threshold: AtomicUsize::new(DEFAULT_THRESHOLD),
            enabled: AtomicBool::new(true),
            running: AtomicBool::new(false),
            stats: Mutex::new(super::Stats::default()),
        }
    }
}

impl Registry {
    fn take_batch(&self, batch: &mut Vec<Weak<Object>>) {
        let n = batch.len();
        self.young.lock().append(batch);
        let young = self.young_count.fetch_add(n, Ordering::Relaxed) + n;
        let bar = self.threshold.load(Ordering::Relaxed);
        if young >= bar && self.enabled.load(Ordering::Relaxed) && bar > 0 {
            DUE.store(true, Ordering::Relaxed);
        }
    }

    /// Containers made since the last collection.
    pub fn young(&self) -> usize {
        self.young_count.load(Ordering::Relaxed)
    }

    /// Should this collection look at the old objects too? After as many
    /// young collections as CPython makes between two of its oldest (its
    /// thresholds 10 x 10), and only if the old objects grew by a quarter.
    pub(super) fn full_due(&self) -> bool {
        self.young_runs.load(Ordering::Relaxed) >= YOUNG_RUNS_PER_FULL
            && self.old_pending.load(Ordering::Relaxed) > self.old_total.load(Ordering::Relaxed) / 4
    }
}

/// This thread's view: the registry of the interpreter whose GIL it holds,
/// and the handles not yet handed over.
struct Local {
    registry: Option<Arc<Registry>>,
    batch: Vec<Weak<Object>>,
}

thread_local! {
    static LOCAL: RefCell<Local> = const {
        RefCell::new(Local { registry: None, batch: Vec::new() })
    };
}

/// This thread took the GIL guarding `registry`.
pub fn enter(registry: &Arc<Registry>) {
    let _ = LOCAL.try_with(|l| {
        let mut l = l.borrow_mut();
        if let Some(old) = l.registry.take() {
            let mut batch = std::mem::take(&mut l.batch);
            old.take_batch(&mut batch);
            l.batch = batch;
        }
        l.registry = Some(registry.clone());
    });
}

/// This thread is letting its GIL go: hand the batch over.
pub fn leave() {
    let _ = LOCAL.try_with(|l| {
        let mut l = l.borrow_mut();
        if let Some(registry) = l.registry.take() {
            let mut batch = std::mem::take(&mut l.batch);
            registry.take_batch(&mut batch);
            l.batch = batch;
        }
    });
}

/// Hand this thread's batch over now (a collection starting on this thread
/// must see what it made).
pub fn flush() {
    let _ = LOCAL.try_with(|l| {
        let mut l = l.borrow_mut();
        let Local { registry, batch } = &mut *l;
        if let Some(registry) = registry {
            registry.take_batch(batch);
        }
    });
}

/// Track a new container.
#[inline]
pub fn note(object: &Arc<Object>) {
    let _ = LOCAL.try_with(|l| {
        let mut l = l.borrow_mut();
        if l.registry.is_none() {
            return;
        }
        l.batch.push(Arc::downgrade(object));
        if l.batch.len() >= BATCH {
            let Local { registry, batch } = &mut *l;
            if let Some(registry) = registry {
                registry.take_batch(batch);
            }
        }
    });
}

/// The collection that was due is being made.
pub(super) fn clear_due() {
    DUE.store(false, Ordering::Relaxed);
}
