//! The compiler: AST to code objects. `check` makes the SyntaxError checks
//! CPython's compiler makes, `symtable` decides how each name is reached, and
//! `codegen` emits the bytecode.

mod check;
pub mod codegen;
pub mod symtable;

pub use check::check_module;
pub use codegen::{compile_eval, compile_module, Unsupported};
