//! A Python value: small ones inline, everything else behind a shared handle.
//!
//! `Value` is 16 bytes. None, bools, ints that fit in an i64 and floats are held
//! inline and copied for the price of a memcpy; arithmetic on them never
//! allocates (an i64 overflow promotes to a heap big integer, since Python ints
//! are unbounded). Every other object is an [`Obj`]: an `Arc` to an [`Object`],
//! `Send + Sync`, whose mutable parts sit in `GilCell`s (see gil.rs).

use crate::object::Object;
use std::sync::Arc;

/// A Python value.
#[derive(Clone, Debug)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An int that fits in an i64; larger ones are `Obj(Object::BigInt)`.
    Int(i64),
    /// A float.
    Float(f64),
    /// Any other object.
    Obj(Obj),
}

/// A shared handle to a heap object.
#[derive(Clone, Debug)]
pub struct Obj(pub Arc<Object>);

impl Obj {
    /// Allocate an object.
    pub fn new(object: Object) -> Obj {
        let tracked = crate::gc::edges::trackable(&object);
        let arc = Arc::new(object);
        if tracked {
            crate::gc::registry::note(&arc);
        }
        Obj(arc)
    }

    /// The object.
    #[inline]
    pub fn get(&self) -> &Object {
        &self.0
    }

    /// Identity, as `is` compares it.
    #[inline]
    pub fn is(&self, other: &Obj) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// The address, as `id()` reports it.
    pub fn addr(&self) -> usize {
        Arc::as_ptr(&self.0) as *const u8 as usize
    }
}

impl Value {
    /// Wrap a heap object.
    pub fn obj(object: Object) -> Value {
        Value::Obj(Obj::new(object))
    }

    /// The object, if this value is a heap object.
    #[inline]
    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Value::Obj(o) => Some(o.get()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }

    #[test]
    fn values_cross_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<Value>();
    }
}
