//! gilt-vm: the compiler, object model and evaluation loop.
//!
//! So far this holds the compiler's first pass (`compile::check_module`); the
//! object model, the GIL and the evaluation loop arrive with the next milestone.

pub mod compile;
