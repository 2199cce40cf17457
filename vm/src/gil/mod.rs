//! The global interpreter lock, and the cells it guards.
//!
//! How it works: each interpreter has one [`GilLock`]. A thread that holds it
//! owns the interpreter's only [`Gil`] token. The token is `!Send`, so it never
//! leaves the thread that acquired the lock, and every piece of mutable object
//! state lives in a [`GilCell`] that opens only with the token:
//!
//! - `cell.get(&gil)` gives a shared reference that lives as long as the shared
//!   borrow of the token;
//! - `cell.get_mut(&mut gil)` gives an exclusive reference that lives as long as
//!   the exclusive borrow of the token.
//!
//! Because all cells are opened through the same token, the borrow checker
//! proves at compile time that no `&mut` into any cell coexists with another
//! reference into any cell, which is what makes `GilCell` sound without a
//! runtime borrow flag (the "ghost cell" pattern, with the GIL as the brand).
//! Releasing the lock ([`Gil::release`]) takes the token mutably, so no
//! reference into a cell survives while other threads run.
//!
//! Fairness (DESIGN.md invariant 3): a thread waiting for the lock counts
//! itself in `waiters`; after a switch interval (or at once when it comes back
//! from blocking IO) it sets `drop_request`. The holder's evaluation loop reads
//! `waiters` at its breaker checks and, when asked or when it has held the
//! lock a switch interval, hands over with [`Gil::switch`]: it lets go and
//! waits until another thread has actually taken the lock.

pub mod watch;

use parking_lot::{Condvar, Mutex};
use std::cell::UnsafeCell;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Mutable state that may be read or written only while the GIL is held.
#[derive(Default)]
pub struct GilCell<T> {
    value: UnsafeCell<T>,
}

// SAFETY: the contents are only reachable through `get`/`get_mut`, which need the
// token of the interpreter's GIL; only the one thread holding the lock has it,
// and the token's borrow rules forbid aliasing `&mut`. So a `GilCell<T>` can be
// shared between threads whenever `T` itself may move between threads.
unsafe impl<T: Send> Sync for GilCell<T> {}

impl<T> GilCell<T> {
    /// A cell holding `value`.
    pub const fn new(value: T) -> GilCell<T> {
        GilCell {
            value: UnsafeCell::new(value),
        }
    }

    /// Read the contents while the GIL is held.
    #[inline]
    pub fn get<'g>(&'g self, _gil: &'g Gil) -> &'g T {
        // SAFETY: a shared borrow of the token excludes every `get_mut` for as
        // long as the returned reference lives (see the module notes).
        unsafe { &*self.value.get() }
    }

    /// Write the contents while the GIL is held.
    #[inline]
    #[allow(clippy::mut_from_ref)]
    pub fn get_mut<'g>(&'g self, _gil: &'g mut Gil) -> &'g mut T {
        // SAFETY: an exclusive borrow of the token excludes every other `get` and
        // `get_mut` for as long as the returned reference lives.
        unsafe { &mut *self.value.get() }
    }

    /// The contents through an exclusive reference to the cell (in `Drop`,
    /// where the GIL's state is unknown): no other reference can exist.
    pub fn get_exclusive(&mut self) -> &mut T {
        self.value.get_mut()
    }

    /// The contents, when the cell is owned outright.
    pub fn into_inner(self) -> T {
        self.value.into_inner()
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for GilCell<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("GilCell { .. }")
    }
}

/// Who holds the lock, and how many times it has changed hands.
#[derive(Default)]
struct Holding {
    held: bool,
    /// Bumped by every acquisition: a thread handing over waits for it to move.
    handovers: u64,
    /// Counters and the trace (see `watch`).
    watch: watch::Watch,
}

/// The lock itself, its two conditions, and the eval breaker's GIL part.
struct LockState {
    holding: Mutex<Holding>,
    /// Signalled when the lock is let go.
    freed: Condvar,
    /// Signalled when a thread has taken the lock.
    taken: Condvar,
    /// Threads waiting for the lock. The holder's loop reads this at its
    /// breaker checks: zero (one relaxed load) means nothing to do.
    waiters: AtomicUsize,
    /// A waiter has waited a switch interval, or has come back from blocking
    /// IO: the holder should hand over at its next check.
    drop_request: AtomicBool,
    /// `sys.getswitchinterval()`, in nanoseconds.
    switch_interval_ns: AtomicU64,
    /// The containers made under this lock, for the cycle collector: the
    /// thread holding the lock records what it makes there (see `gc`).
    registry: Arc<crate::gc::Registry>,
}

impl Default for LockState {
    fn default() -> LockState {
        LockState {
            holding: Mutex::new(Holding::default()),
            freed: Condvar::new(),
            taken: Condvar::new(),
            waiters: AtomicUsize::new(0),
            drop_request: AtomicBool::new(false),
            switch_interval_ns: AtomicU64::new(5_000_000),
            registry: Arc::default(),
        }
    }
}

/// One interpreter's GIL.
#[derive(Clone, Default)]
pub struct GilLock {
    state: Arc<LockState>,
}

impl GilLock {
    /// A new, free lock.
    pub fn new() -> GilLock {
        GilLock::default()
    }

    /// Block until the lock is free, take it, and return the token.
    pub fn acquire(&self) -> Gil {
        self.take(false);
        Gil {
            lock: self.clone(),
            since: Instant::now(),
            _not_send: PhantomData,
        }
    }

    /// Wait for the lock and take it. A waiter asks the holder to hand over
    /// after one switch interval, or at once when `urgent` (a thread back from
    /// blocking IO: serving it first is what avoids the convoy effect).
    fn take(&self, urgent: bool) {
        let s = &*self.state;
        let mut holding = s.holding.lock();
        let asked = holding.held.then(Instant::now);
        if holding.held {
            s.waiters.fetch_add(1, Ordering::SeqCst);
            if urgent {
                s.drop_request.store(true, Ordering::Relaxed);
            }
            while holding.held {
                let interval = Duration::from_nanos(s.switch_interval_ns.load(Ordering::Relaxed));
                if s.freed.wait_for(&mut holding, interval).timed_out() && holding.held {
                    s.drop_request.store(true, Ordering::Relaxed);
                }
            }
            s.waiters.fetch_sub(1, Ordering::SeqCst);
        }
        holding.held = true;
        holding.handovers = holding.handovers.wrapping_add(1);
        holding.watch.taken(asked, Instant::now());
        s.drop_request.store(false, Ordering::Relaxed);
        s.taken.notify_all();
        drop(holding);
        crate::gc::registry::enter(&s.registry);
    }

    fn unlock(&self, reason: watch::Reason) {
        crate::gc::registry::leave();
        let mut holding = self.state.holding.lock();
        holding.watch.released(reason);
        holding.held = false;
        drop(holding);
        self.state.freed.notify_one();
    }

    /// The containers made under this lock (see `gc`).
    pub fn registry(&self) -> &Arc<crate::gc::Registry> {
        &self.state.registry
    }

    /// Look at (or start, or stop) what the lock's watch records.
    pub fn watch<R>(&self, f: impl FnOnce(&mut watch::Watch) -> R) -> R {
        f(&mut self.state.holding.lock().watch)
    }

    /// `sys.getswitchinterval()` in seconds.
    pub fn switch_interval(&self) -> f64 {
        self.state.switch_interval_ns.load(Ordering::Relaxed) as f64 / 1e9
    }

    /// `sys.setswitchinterval(seconds)`.
    pub fn set_switch_interval(&self, seconds: f64) {
        let ns = (seconds * 1e9).clamp(1_000.0, u64::MAX as f64) as u64;
        self.state.switch_interval_ns.store(ns, Ordering::Relaxed);
    }
}

/// Proof that this thread holds the GIL. `!Send`: it stays on its thread.
pub struct Gil {
    lock: GilLock,
    /// When this thread last took the lock.
    since: Instant,
    _not_send: PhantomData<*mut ()>,
}

impl Gil {
    /// Let other threads run while `f` blocks (IO, sleeping, waiting on a lock).
    /// `f` gets no access to Python objects: the token is borrowed mutably.
    /// Coming back, this thread asks for the lock at once.
    pub fn release<R>(&mut self, f: impl FnOnce() -> R) -> R {
        self.release_for("blocking call", f)
    }

    /// `release`, naming the blocking call (`time.sleep`, `lock.acquire`)
    /// for the GIL's trace.
    pub fn release_for<R>(&mut self, what: watch::Reason, f: impl FnOnce() -> R) -> R {
        struct Reacquire<'a>(&'a GilLock);
        impl Drop for Reacquire<'_> {
            // Runs on unwind too: the thread always gets the GIL back.
            fn drop(&mut self) {
                self.0.take(true);
            }
        }
        self.lock.unlock(what);
        let r = {
            let _again = Reacquire(&self.lock);
            f()
        };
        self.since = Instant::now();
        r
    }

    /// The containers made under this lock (see `gc`).
    pub fn registry(&self) -> &Arc<crate::gc::Registry> {
        self.lock.registry()
    }

    /// Is another thread waiting for the lock? One relaxed load: the
    /// evaluation loop asks at every breaker check.
    #[inline]
    pub fn contended(&self) -> bool {
        self.lock.state.waiters.load(Ordering::Relaxed) != 0
    }

    /// Has a waiter asked for the lock (see `LockState::drop_request`)?
    #[inline]
    pub fn switch_requested(&self) -> bool {
        self.lock.state.drop_request.load(Ordering::Relaxed)
    }

    /// Hand the lock over if a waiter asked for it, or if this thread has held
    /// it a switch interval while others wait (so switching does not depend on
    /// a waiter getting a CPU to time out). Returns whether it switched.
    pub fn maybe_switch(&mut self) -> bool {
        let s = &*self.lock.state;
        if s.waiters.load(Ordering::Relaxed) == 0 {
            return false;
        }
        let asked = s.drop_request.load(Ordering::Relaxed)
            || self.since.elapsed().as_nanos() as u64
                >= s.switch_interval_ns.load(Ordering::Relaxed);
        if !asked {
            return false;
        }
        self.switch_for(watch::INTERVAL);
        true
    }

    /// Let another thread take the lock, wait until one has, then wait for the
    /// lock again: a real handover (`time.sleep(0)` does this too).
    pub fn switch(&mut self) {
        self.switch_for("yield");
    }

    /// `switch`, naming why for the GIL's trace.
    pub fn switch_for(&mut self, reason: watch::Reason) {
        let s = &*self.lock.state;
        crate::gc::registry::leave();
        let mut holding = s.holding.lock();
        holding.watch.released(reason);
        let seen = holding.handovers;
        holding.held = false;
        s.freed.notify_one();
        // Only wait for the handover when someone is there to take it; a
        // waiter counted but not yet parked takes it within the bound.
        if s.waiters.load(Ordering::SeqCst) != 0 {
            let deadline = Instant::now() + Duration::from_millis(50);
            while holding.handovers == seen {
                if s.taken.wait_until(&mut holding, deadline).timed_out() {
                    break;
                }
            }
        }
        drop(holding);
        self.lock.take(false);
        self.since = Instant::now();
    }
}

impl Drop for Gil {
    fn drop(&mut self) {
        self.lock.unlock("exit");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn cells_open_with_the_token() {
        let lock = GilLock::new();
        let mut gil = lock.acquire();
        let cell = GilCell::new(vec![1, 2]);
        cell.get_mut(&mut gil).push(3);
        assert_eq!(cell.get(&gil).len(), 3);
    }

    /// Several threads take turns through the lock and mutate one shared cell;
    /// the total shows no update was lost.
    #[test]
    fn threads_take_turns() {
        let lock = GilLock::new();
        let shared = Arc::new(GilCell::new(0u64));
        let releases = Arc::new(AtomicUsize::new(0));
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let (lock, shared, releases) = (lock.clone(), shared.clone(), releases.clone());
                std::thread::spawn(move || {
                    let mut gil = lock.acquire();
                    for i in 0..10_000 {
                        *shared.get_mut(&mut gil) += 1;
                        if i % 1000 == 0 {
                            gil.release(|| {
                                releases.fetch_add(1, Ordering::Relaxed);
                                std::thread::yield_now();
                            });
                        }
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let gil = lock.acquire();
        assert_eq!(*shared.get(&gil), 40_000);
        assert_eq!(releases.load(Ordering::Relaxed), 40);
    }

    /// A holder that keeps running still hands the lock to a waiter within
    /// about a switch interval when it checks `maybe_switch`.
    #[test]
    fn a_busy_holder_hands_over() {
        let lock = GilLock::new();
        let mut gil = lock.acquire();
        let got = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (waiter_lock, waiter_got) = (lock.clone(), got.clone());
        let waiter = std::thread::spawn(move || {
            let _gil = waiter_lock.acquire();
            waiter_got.store(true, Ordering::SeqCst);
        });
        let start = Instant::now();
        while !got.load(Ordering::SeqCst) && start.elapsed() < Duration::from_secs(10) {
            gil.maybe_switch();
        }
        assert!(got.load(Ordering::SeqCst));
        drop(gil);
        waiter.join().unwrap();
    }

    /// `switch` lets a waiting thread run before the holder goes on.
    #[test]
    fn switch_hands_over_for_real() {
        let lock = GilLock::new();
        let mut gil = lock.acquire();
        let order = Arc::new(parking_lot::Mutex::new(Vec::new()));
        let (waiter_lock, waiter_order) = (lock.clone(), order.clone());
        let waiter = std::thread::spawn(move || {
            let _gil = waiter_lock.acquire();
            waiter_order.lock().push("waiter");
        });
        while lock.state.waiters.load(Ordering::SeqCst) == 0 {
            std::thread::yield_now();
        }
        gil.switch();
        order.lock().push("holder");
        drop(gil);
        waiter.join().unwrap();
        assert_eq!(*order.lock(), ["waiter", "holder"]);
    }
}
