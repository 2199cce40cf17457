//! OS signals: a handler that only records which signal arrived, and the
//! calls that set what the OS does with a signal, send one, or arm an alarm.
//!
//! The evaluation loop reads `pending()` at loop back-edges and calls (the
//! eval breaker); the main thread then runs the Python handlers (see
//! `eval::serve_signals`), so a handler always runs between two instructions
//! of the main thread, as in CPython. The OS-level handler may do nothing
//! but store to an atomic: it runs between any two machine instructions.
//!
//! This file holds the interpreter's only calls into libc's signal API; each
//! is a plain system call on integers, with no memory handed over.

use std::sync::atomic::{AtomicU64, Ordering};

/// `signal.NSIG`: signals are numbered 1 to NSIG - 1.
pub const NSIG: i32 = 65;

/// One bit per signal (bit n: signal n arrived and is not yet handled).
/// Signal 64 shares bit 0, which no signal uses otherwise.
static PENDING: AtomicU64 = AtomicU64::new(0);

fn bit(signum: i32) -> u64 {
    1u64 << (signum as u32 % 64)
}

extern "C" fn on_signal(signum: libc::c_int) {
    PENDING.fetch_or(bit(signum), Ordering::Relaxed);
}

/// What the OS does when a signal arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    /// The OS default (`SIG_DFL`): for most signals, end the process.
    Default,
    /// Nothing (`SIG_IGN`).
    Ignore,
    /// Record it for the main thread's Python handler.
    Python,
}

/// Set what the OS does with `signum`; the OS error number on failure
/// (EINVAL for SIGKILL and SIGSTOP, or a number out of range).
pub fn set_disposition(signum: i32, disposition: Disposition) -> Result<(), i32> {
    if !(1..NSIG).contains(&signum) {
        return Err(libc::EINVAL);
    }
    let handler = match disposition {
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Python => on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
    };
    // SAFETY: installs a handler that only stores to an atomic (async-signal
    // safe), or one of the OS's own dispositions.
    let previous = unsafe { libc::signal(signum, handler) };
    if previous == libc::SIG_ERR {
        return Err(std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EINVAL));
    }
    Ok(())
}

/// Make Ctrl-C raise KeyboardInterrupt in Python code instead of killing the
/// process. The `gilt` command calls this at start-up; an embedding host
/// decides for itself.
pub fn install_sigint_handler() {
    let _ = set_disposition(libc::SIGINT, Disposition::Python);
}

/// Has any signal arrived that is not yet handled? One relaxed load.
#[inline(always)]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed) != 0
}

/// Take the signals that arrived (clearing them), lowest number first.
pub fn take_pending() -> Vec<i32> {
    let bits = PENDING.swap(0, Ordering::Relaxed);
    (1..NSIG).filter(|&s| bits & bit(s) != 0).collect()
}

/// Act as if signal `signum` had arrived (tests, `_thread.interrupt_main`,
/// and hosts that relay Ctrl-C).
pub fn simulate(signum: i32) {
    PENDING.fetch_or(bit(signum), Ordering::Relaxed);
}

/// Act as if Ctrl-C had been pressed.
pub fn raise_sigint() {
    simulate(libc::SIGINT);
}

/// Send `signum` to this process (`signal.raise_signal`).
pub fn raise_signal(signum: i32) -> Result<(), i32> {
    if !(1..NSIG).contains(&signum) {
        return Err(libc::EINVAL);
    }
    // SAFETY: a system call on integers.
    match unsafe { libc::raise(signum) } {
        0 => Ok(()),
        _ => Err(last_errno()),
    }
}

/// Send `signum` to process `pid` (`os.kill`).
pub fn kill(pid: i32, signum: i32) -> Result<(), i32> {
    // SAFETY: a system call on integers.
    match unsafe { libc::kill(pid, signum) } {
        0 => Ok(()),
        _ => Err(last_errno()),
    }
}

/// Arrange for SIGALRM after `seconds` (0 cancels); the seconds that were
/// left of the previous alarm.
pub fn alarm(seconds: u32) -> u32 {
    // SAFETY: a system call on integers.
    unsafe { libc::alarm(seconds) }
}

/// Wait until a signal arrives (`signal.pause`); the caller releases the GIL.
pub fn pause() {
    // SAFETY: a system call with no arguments; returns when a handler ran.
    unsafe {
        libc::pause();
    }
}

/// Block (`true`) or unblock every signal for the calling thread. The command
/// runs Python on a thread of its own while the process's first thread only
/// waits for it; that first thread blocks signals so the OS delivers them to
/// the thread running Python.
pub fn block_all(block: bool) {
    // SAFETY: `set` is a local the C calls fill in and read; no pointer
    // outlives the calls.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        let how = if block {
            libc::SIG_BLOCK
        } else {
            libc::SIG_UNBLOCK
        };
        libc::pthread_sigmask(how, &set, std::ptr::null_mut());
    }
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EINVAL)
}

/// The number of SIGINT.
pub const SIGINT: i32 = libc::SIGINT;
/// The number of SIGPIPE.
pub const SIGPIPE: i32 = libc::SIGPIPE;
