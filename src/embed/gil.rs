//! How the embedding API takes the GIL, so that it never deadlocks.
//!
//! Every API call takes the GIL for its own duration and gives it back before
//! returning: host code never runs holding it. A registered Rust function is
//! called with the GIL released ([`released`]), so the closure may call back
//! into the interpreter, which takes the GIL again on a fresh `Vm`.
//!
//! This thread's record of the calls under way lets a nested call continue the
//! outer one's recursion count (Python -> Rust -> Python ... still ends in
//! RecursionError) and turns a call made while this thread already holds the
//! GIL, which would wait for itself forever, into an error. The record holds
//! numbers only, never Python objects.
//!
//! Each such round trip nests a Rust call of the evaluation loop (about 6 KB
//! of stack in a release build, 30 KB in a debug one), so their number is
//! bounded by [`MAX_NESTED_CALLS`], well within a 2 MiB thread stack, rather
//! than by the recursion limit.

use super::Error;
use gilt_vm::interp::{Interp, Vm};
use std::cell::RefCell;
use std::sync::Arc;

/// One API call under way on this thread, innermost last.
struct Entry {
    /// Which interpreter (its address).
    interp: usize,
    /// This thread holds its GIL (false while a registered function runs).
    held: bool,
    /// The recursion depth and limit a nested call continues from.
    depth: usize,
    recursion_limit: usize,
}

/// How many calls into the interpreter may be nested in registered Rust
/// functions on one thread; the next raises RecursionError.
pub(crate) const MAX_NESTED_CALLS: usize = 32;

thread_local! {
    static ENTRIES: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
}

/// A `Vm` taken through the API; dropping it gives the GIL back.
pub(crate) struct Entered {
    pub vm: Vm,
}

impl Drop for Entered {
    fn drop(&mut self) {
        ENTRIES.with(|e| e.borrow_mut().pop());
    }
}

fn key(interp: &Arc<Interp>) -> usize {
    Arc::as_ptr(interp) as usize
}

/// Take `interp`'s GIL for one API call. A call nested in a registered
/// function continues its caller's recursion depth; a call on a thread that
/// holds this GIL already is refused instead of waiting for itself.
pub(crate) fn enter(interp: &Arc<Interp>) -> Result<Entered, Error> {
    let k = key(interp);
    let (outer, nested) = ENTRIES.with(|e| {
        let e = e.borrow();
        let outer = e
            .iter()
            .rev()
            .find(|x| x.interp == k)
            .map(|x| (x.held, x.depth, x.recursion_limit));
        (outer, e.iter().filter(|x| !x.held).count())
    });
    if let Some((true, _, _)) = outer {
        return Err(Error::runtime_error(
            "the interpreter is already running on this thread",
        ));
    }
    if nested >= MAX_NESTED_CALLS {
        return Err(Error::new(
            "RecursionError",
            "maximum recursion depth exceeded in calls from Rust",
        ));
    }
    let mut vm = interp.enter();
    if let Some((_, depth, limit)) = outer {
        vm.depth = depth;
        vm.recursion_limit = limit;
    }
    ENTRIES.with(|e| {
        e.borrow_mut().push(Entry {
            interp: k,
            held: true,
            depth: 0,
            recursion_limit: 0,
        })
    });
    Ok(Entered { vm })
}

/// Run host code `f` with the GIL released, recording where the Python caller
/// stands so that calls back into the interpreter from `f` carry on from it.
pub(crate) fn released<R>(vm: &mut Vm, f: impl FnOnce() -> R) -> R {
    ENTRIES.with(|e| {
        e.borrow_mut().push(Entry {
            interp: key(&vm.interp),
            held: false,
            depth: vm.depth,
            recursion_limit: vm.recursion_limit,
        })
    });
    // Popped on unwind too: a panic in `f` leaves the record as it was.
    struct Pop;
    impl Drop for Pop {
        fn drop(&mut self) {
            ENTRIES.with(|e| e.borrow_mut().pop());
        }
    }
    let _pop = Pop;
    vm.gil.release(f)
}
