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
use gilt_vm::gil::Gil;
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
    _record: Record,
}

/// Just the GIL, for reading objects without running code (no `Vm` to set up).
pub(crate) struct Held {
    pub gil: Gil,
    _record: Record,
}

/// Pops this thread's newest entry when dropped (after the GIL it describes).
struct Record;

impl Drop for Record {
    fn drop(&mut self) {
        ENTRIES.with(|e| e.borrow_mut().pop());
    }
}

fn key(interp: &Arc<Interp>) -> usize {
    Arc::as_ptr(interp) as usize
}

/// What [`record`] noted and found.
struct Noted {
    record: Record,
    /// The depth and recursion limit of the Python code that called the
    /// registered function this call is made from, if any.
    outer: Option<(usize, usize)>,
    /// How many registered functions are running on this thread.
    nested: usize,
}

/// Note that this thread takes `interp`'s GIL, unless it holds it already
/// (taking it again would wait forever).
fn record(interp: &Arc<Interp>) -> Result<Noted, Error> {
    let k = key(interp);
    ENTRIES.with(|e| {
        let mut e = e.borrow_mut();
        let outer = e.iter().rev().find(|x| x.interp == k);
        if outer.is_some_and(|x| x.held) {
            return Err(Error::runtime_error(
                "the interpreter is already running on this thread",
            ));
        }
        let outer = outer.map(|x| (x.depth, x.recursion_limit));
        let nested = e.iter().filter(|x| !x.held).count();
        e.push(Entry {
            interp: k,
            held: true,
            depth: 0,
            recursion_limit: 0,
        });
        Ok(Noted {
            record: Record,
            outer,
            nested,
        })
    })
}

/// Take `interp`'s GIL for one API call that runs code. A call nested in a
/// registered function continues its caller's recursion depth.
pub(crate) fn enter(interp: &Arc<Interp>) -> Result<Entered, Error> {
    let Noted {
        record,
        outer,
        nested,
    } = record(interp)?;
    if nested >= MAX_NESTED_CALLS {
        return Err(Error::new(
            "RecursionError",
            "maximum recursion depth exceeded in calls from Rust",
        ));
    }
    let mut vm = interp.enter();
    if let Some((depth, limit)) = outer {
        vm.depth = depth;
        vm.recursion_limit = limit;
    }
    Ok(Entered {
        vm,
        _record: record,
    })
}

/// Take `interp`'s GIL to read objects.
pub(crate) fn hold(interp: &Arc<Interp>) -> Result<Held, Error> {
    let noted = record(interp)?;
    Ok(Held {
        gil: interp.lock.acquire(),
        _record: noted.record,
    })
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
    let _record = Record;
    vm.gil.release(f)
}
