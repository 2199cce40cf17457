//! Native modules, one file or folder each.

mod errno;
mod posix;
mod time;

use gilt_vm::builtins::import::ModuleInit;

/// Every native module with its initialiser.
pub const NATIVE: &[(&str, ModuleInit)] = &[
    ("errno", errno::init),
    ("posix", posix::init),
    ("time", time::init),
];
