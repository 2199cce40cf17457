//! `set` and `frozenset`: their data. A set is `Object::Set`, its table in a
//! `GilCell`; a frozenset is `Object::FrozenSet`, its table fixed when made, so
//! it can be hashed (and compared as a dict key) without the GIL token.
//! The operations live in builtins/set/.

mod table;

pub use table::{Entry, SetTable};

use crate::gil::{Gil, GilCell};
use crate::object::Object;
use crate::value::Value;
use std::sync::OnceLock;

/// A frozenset's contents, and its hash once asked for.
#[derive(Debug)]
pub struct FrozenSet {
    /// The elements.
    pub table: SetTable,
    hash: OnceLock<i64>,
}

impl FrozenSet {
    /// A frozenset holding `table`.
    pub fn new(table: SetTable) -> FrozenSet {
        FrozenSet {
            table,
            hash: OnceLock::new(),
        }
    }

    /// `hash(frozenset)`, computed once (CPython's algorithm, so values agree).
    pub fn hash(&self) -> i64 {
        *self.hash.get_or_init(|| self.table.hash())
    }
}

/// A new `set` value.
pub fn new_set(table: SetTable) -> Value {
    Value::obj(Object::Set(GilCell::new(table)))
}

/// A new `frozenset` value.
pub fn new_frozenset(table: SetTable) -> Value {
    Value::obj(Object::FrozenSet(FrozenSet::new(table)))
}

/// The table of a set or frozenset.
pub fn table_of<'a>(v: &'a Value, gil: &'a Gil) -> Option<&'a SetTable> {
    match v.as_object()? {
        Object::Set(t) => Some(t.get(gil)),
        Object::FrozenSet(f) => Some(&f.table),
        _ => None,
    }
}

/// Is `v` a set or a frozenset?
pub fn is_any_set(v: &Value) -> bool {
    matches!(v.as_object(), Some(Object::Set(_) | Object::FrozenSet(_)))
}

/// Two frozensets with the same elements (for dict keys and nested sets).
pub fn frozen_equal(a: &FrozenSet, b: &FrozenSet) -> bool {
    a.table.len() == b.table.len() && a.table.iter().all(|e| b.table.contains(e.hash, &e.key))
}
