//! Native modules, one file or folder each.

mod errno;
mod imp;
mod math;
mod posix;
mod time;

use gilt_vm::builtins::import::ModuleInit;

/// Every native module with its initialiser.
pub const NATIVE: &[(&str, ModuleInit)] = &[
    ("_imp", imp::init),
    ("errno", errno::init),
    ("math", math::init),
    ("posix", posix::init),
    ("time", time::init),
];
