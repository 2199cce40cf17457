//! gilt-vm: the compiler, object model and evaluation loop.
//!
//! Source runs as text -> AST (gilt-parser) -> `compile` (checks, symbol table,
//! code generation) -> `eval` (the loop) over the objects of `object`, under
//! the GIL of `gil`. `run` ties these together for a script or a module.

pub mod builtins;
pub mod bytecode;
pub mod compile;
pub mod dis;
pub mod eval;
pub mod exc;
pub mod gc;
pub mod gil;
pub mod interp;
pub mod object;
pub mod run;
pub mod signals;
pub mod value;
