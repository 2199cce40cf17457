//! Waiting for descriptors to become ready, with the GIL released.
//!
//! The main thread waits in slices of [`SLICE`] and runs signal handlers
//! between them, so Ctrl-C interrupts a blocked `recv`, `accept` or `select`;
//! other threads wait for the whole time in one `poll`.

use gilt_vm::exc::PyResult;
use gilt_vm::interp::Vm;
use rustix::event::{poll, PollFd, PollFlags, Timespec};
use rustix::fd::OwnedFd;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long the main thread waits before looking for signals again.
const SLICE: Duration = Duration::from_millis(20);

/// Wait until one of `fds` is ready for its events or `deadline` passes
/// (None: no limit); each descriptor's returned events (all empty on a
/// timeout). An OS error comes back as its number.
pub fn wait(
    vm: &mut Vm,
    fds: &[(Arc<OwnedFd>, PollFlags)],
    deadline: Option<Instant>,
) -> PyResult<Result<Vec<PollFlags>, i32>> {
    loop {
        let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        let step = match (vm.main_thread, left) {
            (true, Some(l)) => Some(l.min(SLICE)),
            (true, None) => Some(SLICE),
            (false, l) => l,
        };
        let result = vm.gil.release_for("select", || poll_once(fds, step));
        match result {
            Ok(Some(ready)) => return Ok(Ok(ready)),
            Ok(None) => {}
            Err(e) if e == rustix::io::Errno::INTR => {}
            Err(e) => return Ok(Err(e.raw_os_error())),
        }
        if vm.main_thread && gilt_vm::signals::pending() {
            gilt_vm::eval::breaker::run_signal_handlers(vm)?;
        }
        if left.is_some_and(|l| l.is_zero()) || deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(Ok(vec![PollFlags::empty(); fds.len()]));
        }
    }
}

/// One `poll` call: the events if any descriptor is ready, None if `step`
/// passed first.
fn poll_once(
    fds: &[(Arc<OwnedFd>, PollFlags)],
    step: Option<Duration>,
) -> rustix::io::Result<Option<Vec<PollFlags>>> {
    let mut polled: Vec<PollFd<'_>> = fds.iter().map(|(fd, ev)| PollFd::new(&**fd, *ev)).collect();
    let spec = step.map(|d| Timespec {
        tv_sec: d.as_secs() as _,
        tv_nsec: d.subsec_nanos() as _,
    });
    let n = poll(&mut polled, spec.as_ref())?;
    if n == 0 {
        return Ok(None);
    }
    Ok(Some(polled.iter().map(PollFd::revents).collect()))
}
