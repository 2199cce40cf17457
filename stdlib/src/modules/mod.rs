//! Native modules, one file or folder each.

mod bisect;
mod cmath;
mod errno;
mod gc;
pub mod gil;
mod greenlet;
mod heapq;
mod imp;
mod math;
mod operator;
mod posix;
mod random;
mod select;
mod signal;
mod socket;
mod sre;
mod r#struct;
mod subprocess;
mod thread;
mod time;
mod weakref;

use gilt_vm::builtins::import::ModuleInit;

/// Every native module with its initialiser.
pub const NATIVE: &[(&str, ModuleInit)] = &[
    ("_greenlet", greenlet::init),
    ("_heapq", heapq::init),
    ("_imp", imp::init),
    ("_random", random::init),
    ("bisect", bisect::init),
    ("cmath", cmath::init),
    ("errno", errno::init),
    ("gc", gc::init),
    ("gil", gil::init),
    ("math", math::init),
    ("operator", operator::init),
    ("posix", posix::init),
    ("select", select::init),
    ("signal", signal::init),
    ("_socket", socket::init),
    ("_sre", sre::init),
    ("_struct", r#struct::init),
    ("_subprocess", subprocess::init),
    ("_thread", thread::init),
    ("_weakref", weakref::init),
    ("time", time::init),
];
