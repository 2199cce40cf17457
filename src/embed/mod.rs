//! The embedding API: what a Rust program uses to run Python with Gilt.
//!
//! [`crate::Interpreter`] runs code (`exec`, `eval`, `run_file`), reads and
//! binds globals, calls Python functions and registers Rust ones; [`Object`]
//! is a Python value in the host's hands and converts to and from Rust types
//! ([`FromObject`], `From`); [`Error`] is a Python exception with its
//! traceback. `gil.rs` holds the rule that keeps all of this deadlock-free:
//! the host never runs holding the GIL.

mod convert;
mod error;
mod gil;
mod interpreter;
mod object;

pub use convert::FromObject;
pub use error::Error;
pub use object::Object;
