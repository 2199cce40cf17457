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
//! Switching every N instructions, the eval breaker and the fairness rules of
//! DESIGN.md invariant 3 build on this type when threads arrive.

use parking_lot::{Condvar, Mutex};
use std::cell::UnsafeCell;
use std::marker::PhantomData;
use std::sync::Arc;

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

/// The lock itself: whether it is held, and a condition to wait on.
#[derive(Default)]
struct LockState {
    held: Mutex<bool>,
    freed: Condvar,
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
        let mut held = self.state.held.lock();
        while *held {
            self.state.freed.wait(&mut held);
        }
        *held = true;
        Gil {
            lock: self.clone(),
            _not_send: PhantomData,
        }
    }

    fn unlock(&self) {
        *self.state.held.lock() = false;
        self.state.freed.notify_one();
    }
}

/// Proof that this thread holds the GIL. `!Send`: it stays on its thread.
pub struct Gil {
    lock: GilLock,
    _not_send: PhantomData<*mut ()>,
}

impl Gil {
    /// Let other threads run while `f` blocks (IO, sleeping, waiting on a lock).
    /// `f` gets no access to Python objects: the token is borrowed mutably.
    pub fn release<R>(&mut self, f: impl FnOnce() -> R) -> R {
        struct Reacquire<'a>(&'a GilLock);
        impl Drop for Reacquire<'_> {
            // Runs on unwind too: the thread always gets the GIL back.
            fn drop(&mut self) {
                let mut held = self.0.state.held.lock();
                while *held {
                    self.0.state.freed.wait(&mut held);
                }
                *held = true;
            }
        }
        self.lock.unlock();
        let _again = Reacquire(&self.lock);
        f()
    }
}

impl Drop for Gil {
    fn drop(&mut self) {
        self.lock.unlock();
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
}
