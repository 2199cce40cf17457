//! Native modules, one file or folder each.

mod errno;
mod imp;
mod posix;
mod select;
mod signal;
mod socket;
mod thread;
mod time;

use gilt_vm::builtins::import::ModuleInit;

/// Every native module with its initialiser.
pub const NATIVE: &[(&str, ModuleInit)] = &[
    ("_imp", imp::init),
    ("errno", errno::init),
    ("posix", posix::init),
    ("select", select::init),
    ("signal", signal::init),
    ("_socket", socket::init),
    ("_thread", thread::init),
    ("time", time::init),
];
