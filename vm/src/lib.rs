//! gilt-vm: the compiler, object model and evaluation loop.
//!
//! Empty for now: the front end (lexer and parser) comes first. This crate will hold
//! the compiler (AST to code objects), values, the GIL and the evaluation loop.
