//! The process's table of socket descriptors by number.
//!
//! A socket owns its descriptor (`Arc<OwnedFd>`); the table keeps a weak
//! reference, so `select` and `socket(fileno=n)` can reach a descriptor from
//! its number without unsafe code. A detached descriptor is kept alive here
//! until a new socket adopts it.

use parking_lot::Mutex;
use rustix::fd::{AsRawFd, OwnedFd};
use std::collections::HashMap;
use std::sync::{Arc, Weak};

struct Table {
    live: HashMap<i32, Weak<OwnedFd>>,
    detached: HashMap<i32, Arc<OwnedFd>>,
}

static TABLE: Mutex<Option<Table>> = Mutex::new(None);

fn with<R>(f: impl FnOnce(&mut Table) -> R) -> R {
    let mut guard = TABLE.lock();
    let table = guard.get_or_insert_with(|| Table {
        live: HashMap::new(),
        detached: HashMap::new(),
    });
    f(table)
}

/// Record a new descriptor; the shared handle a socket keeps.
pub fn add(fd: OwnedFd) -> Arc<OwnedFd> {
    let fd = Arc::new(fd);
    with(|t| {
        t.live.insert(fd.as_raw_fd(), Arc::downgrade(&fd));
    });
    fd
}

/// Keep `fd` open with no socket owning it (`socket.detach()`).
pub fn detach(fd: Arc<OwnedFd>) {
    with(|t| {
        t.detached.insert(fd.as_raw_fd(), fd);
    });
}

/// The open socket descriptor numbered `n`, if this process has one; a
/// detached one is handed over to the caller.
pub fn lookup(n: i32, adopt: bool) -> Option<Arc<OwnedFd>> {
    with(|t| {
        if adopt {
            if let Some(fd) = t.detached.remove(&n) {
                return Some(fd);
            }
        } else if let Some(fd) = t.detached.get(&n) {
            return Some(fd.clone());
        }
        t.live.get(&n).and_then(Weak::upgrade)
    })
}

/// Any descriptor numbered `n`: a socket from the table, else a new
/// descriptor for the same file reopened through `/proc/self/fd` (pipes,
/// terminals, files), which is enough to wait on it.
pub fn any(n: i32) -> Option<Arc<OwnedFd>> {
    if n < 0 {
        return None;
    }
    if let Some(fd) = lookup(n, false) {
        return Some(fd);
    }
    // Open it the way it is open already: a pipe's write end reopened for
    // reading would be its read end.
    let info = std::fs::read_to_string(format!("/proc/self/fdinfo/{n}")).ok()?;
    let flags = info
        .lines()
        .find_map(|l| l.strip_prefix("flags:"))
        .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())?;
    let mut options = std::fs::OpenOptions::new();
    match flags & 3 {
        0 => options.read(true),
        1 => options.write(true),
        _ => options.read(true).write(true),
    };
    // Non-blocking, so opening a FIFO never waits for the other end.
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, 0o4000);
    let file = options.open(format!("/proc/self/fd/{n}")).ok()?;
    Some(Arc::new(OwnedFd::from(file)))
}
