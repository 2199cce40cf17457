//! Ctrl-C: a SIGINT handler that only sets a flag, and the check the
//! evaluation loop makes at loop back-edges and calls, which turns the flag
//! into KeyboardInterrupt in the running code (the handler itself may do
//! nothing else: it runs between any two machine instructions).

use std::sync::atomic::{AtomicBool, Ordering};

/// Set by the handler, cleared by the check that raises.
static SIGINT_PENDING: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_: libc::c_int) {
    SIGINT_PENDING.store(true, Ordering::Relaxed);
}

/// Make Ctrl-C raise KeyboardInterrupt in Python code instead of killing the
/// process. The `gilt` command calls this at start-up; an embedding host
/// decides for itself.
pub fn install_sigint_handler() {
    let handler = on_sigint as extern "C" fn(libc::c_int);
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
    }
}

/// Is a Ctrl-C waiting to be raised? (Leaves the flag.)
#[inline(always)]
pub fn sigint_pending() -> bool {
    SIGINT_PENDING.load(Ordering::Relaxed)
}

/// Was Ctrl-C pressed since the last call? (Clears the flag.)
#[inline]
pub fn take_sigint() -> bool {
    SIGINT_PENDING.load(Ordering::Relaxed) && SIGINT_PENDING.swap(false, Ordering::Relaxed)
}

/// Act as if Ctrl-C had been pressed (tests, and hosts that relay it).
pub fn raise_sigint() {
    SIGINT_PENDING.store(true, Ordering::Relaxed);
}
