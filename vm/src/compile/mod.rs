//! The compiler: AST to code objects. So far only its first pass, the checks
//! CPython's compiler makes before it generates code.

mod check;

pub use check::check_module;
