//! Native modules, one file or folder each.

mod errno;
mod imp;
mod posix;
mod signal;
mod sre;
mod thread;
mod time;

use gilt_vm::builtins::import::ModuleInit;

/// Every native module with its initialiser.
pub const NATIVE: &[(&str, ModuleInit)] = &[
    ("_imp", imp::init),
    ("errno", errno::init),
    ("posix", posix::init),
    ("signal", signal::init),
    ("_sre", sre::init),
    ("_thread", thread::init),
    ("time", time::init),
];
