//! gilt-stdlib: Gilt's standard library modules, native and embedded Python.
//!
//! Empty for now: modules arrive with the virtual machine.
