//! Functions supplied at run time by a program that embeds Gilt: a named Rust
//! closure that Python calls like a builtin function.
//!
//! Builtins proper are plain `fn` pointers (`Builtin`); a closure carries its
//! captured state, so it lives behind an `Arc` in its own kind of object. The
//! VM only calls it; what the closure does with the GIL (the embedding API
//! releases it around host code) is the closure's business.

use crate::exc::PyResult;
use crate::interp::Vm;
use crate::value::Value;
use std::sync::Arc;

/// The closure behind a [`HostFn`]: positional arguments and keywords in, a
/// value or an exception out.
pub type HostCall =
    Arc<dyn Fn(&mut Vm, &[Value], &[(Box<str>, Value)]) -> PyResult<Value> + Send + Sync>;

/// A function written in Rust by the host; its class is
/// `builtin_function_or_method`, as for builtins.
pub struct HostFn {
    /// `__name__`.
    pub name: Box<str>,
    /// The code.
    pub call: HostCall,
}

impl HostFn {
    /// A callable value named `name` that runs `call`.
    pub fn value(name: &str, call: HostCall) -> Value {
        Value::obj(super::Object::HostFn(HostFn {
            name: name.into(),
            call,
        }))
    }
}

impl std::fmt::Debug for HostFn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<built-in function {}>", self.name)
    }
}
