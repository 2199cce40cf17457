//! gilt-stdlib: Gilt's standard library modules, native and embedded Python.
//!
//! The virtual machine cannot depend on this crate; instead the embedding
//! layer (`gilt::Interpreter::new`) calls [`install`], which registers every
//! module here in the VM's table of modules built into the binary. Native
//! modules live in `src/modules/`, one file or folder each; modules written in
//! Python live in `lib/` and are embedded by build.rs.

pub mod args;
pub mod class;
mod modules;

pub use modules::gil::take_trace as take_gil_trace;
pub mod num;
pub mod sha512;
pub mod structseq;

use gilt_vm::builtins::import::{register, ModuleDef};
use gilt_vm::interp::Vm;

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// Every module of the standard library: its name and how to make it.
pub fn modules() -> Vec<(&'static str, ModuleDef)> {
    let mut all: Vec<(&'static str, ModuleDef)> = modules::NATIVE
        .iter()
        .map(|&(name, init)| (name, ModuleDef::Native(init)))
        .collect();
    all.extend(
        EMBEDDED
            .iter()
            .map(|&(name, text, package)| (name, ModuleDef::Source { text, package })),
    );
    all
}

/// Make the standard library importable in the interpreter `vm` runs.
pub fn install(vm: &mut Vm) {
    for (name, def) in modules() {
        register(vm, name, def);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn python_modules_are_embedded() {
        let names: Vec<&str> = super::EMBEDDED.iter().map(|e| e.0).collect();
        assert!(names.contains(&"os"), "{names:?}");
        assert!(names.contains(&"importlib"), "{names:?}");
    }
}
