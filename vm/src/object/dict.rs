//! `dict`: an insertion-ordered hash map from hashable values to values.
//!
//! Keys are hashed and compared with Python's rules for the builtin hashable
//! types (numbers equal across int/float/bool/complex, str by text, tuples by items,
//! everything else by identity). Classes that define `__hash__`/`__eq__` are
//! the evaluation loop's business and arrive with the full object protocol.

use crate::exc::{ExcKind, PyResult, Raise};
use crate::object::{int, Object};
use crate::value::Value;
use indexmap::IndexMap;
use std::hash::{Hash, Hasher};

/// A dict's contents.
///
/// Every change gives the dict a new `version`, unique across all dicts, so a
/// cache can remember what a lookup found together with the version it saw
/// (see `Code::global_cache`). All changes go through `map_mut`, which does it.
#[derive(Debug, Clone)]
pub struct Dict {
    map: IndexMap<Key, Value, BuildPassThrough>,
    version: u64,
}

impl Default for Dict {
    fn default() -> Dict {
        Dict {
            map: IndexMap::default(),
            version: next_version(),
        }
    }
}

/// A fresh dict version. Relaxed is enough: versions only need to be unique.
fn next_version() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static VERSIONS: AtomicU64 = AtomicU64::new(1);
    VERSIONS.fetch_add(1, Ordering::Relaxed)
}

/// A key with its Python hash computed once.
#[derive(Debug, Clone)]
pub struct Key {
    hash: i64,
    value: Value,
}

impl Key {
    /// Hash `value`, or raise TypeError if it is unhashable.
    pub fn new(value: Value) -> PyResult<Key> {
        Ok(Key {
            hash: hash(&value)?,
            value,
        })
    }

    /// The key's value.
    pub fn value(&self) -> &Value {
        &self.value
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.hash == other.hash && equal(&self.value, &other.value)
    }
}

impl Eq for Key {}

/// Python's `hash()` for the builtin hashable types.
pub fn hash(v: &Value) -> PyResult<i64> {
    let v = v.builtin_view();
    if let Some(h) = int::hash(v) {
        return Ok(h);
    }
    match v {
        Value::None => Ok(0xFC_AB1E),
        Value::Obj(o) => match o.get() {
            Object::Str(s) => Ok(s.hash()),
            Object::Bytes(b) => Ok(crate::object::bytes::hash(b)),
            Object::Complex(c) => Ok(crate::object::complex::hash(*c)),
            Object::Tuple(items) => {
                // CPython's tuple hash (xxHash-based), so equal tuples hash equal.
                let mut acc: u64 = 0x27D4_EB2F_1656_67C5;
                for item in items.iter() {
                    let lane = hash(item)? as u64;
                    acc = acc.wrapping_add(lane.wrapping_mul(0xC2B2_AE3D_27D4_EB4F));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(0x9E37_79B1_85EB_CA87);
                }
                acc = acc.wrapping_add(items.len() as u64 ^ (0x27D4_EB2F_1656_67C5 ^ 3_527_539));
                Ok(if acc as i64 == -1 {
                    1_546_275_796
                } else {
                    acc as i64
                })
            }
            Object::List(_) | Object::Dict(_) | Object::Set(_) | Object::ByteArray(_) => {
                Err(Raise::type_error(format!(
                    "unhashable type: '{}'",
                    match o.get() {
                        Object::List(_) => "list",
                        Object::Dict(_) => "dict",
                        Object::Set(_) => "set",
                        _ => "bytearray",
                    }
                )))
            }
            Object::FrozenSet(f) => Ok(f.hash()),
            // Slices are unhashable until 3.12.
            Object::Slice { .. } => Err(Raise::type_error("unhashable type: 'slice'")),
            // Keys and items views compare as sets, so they have no hash.
            Object::DictView { kind, .. } if *kind != crate::object::ViewKind::Values => Err(
                Raise::type_error(format!("unhashable type: '{}'", kind.name())),
            ),
            _ => Ok((o.addr() >> 4) as i64),
        },
        _ => unreachable!("numbers are hashed above"),
    }
}

/// Equality of two keys without running Python code.
pub fn equal(a: &Value, b: &Value) -> bool {
    let (a, b) = (a.builtin_view(), b.builtin_view());
    if let Some(eq) = int::compare(gilt_parser::ast::CmpOp::Eq, a, b) {
        return eq;
    }
    if let Some(eq) = crate::object::complex::equal(a, b) {
        return eq;
    }
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Obj(x), Value::Obj(y)) => {
            if x.is(y) {
                return true;
            }
            match (x.get(), y.get()) {
                (Object::Str(s), Object::Str(t)) => s.text == t.text,
                (Object::Bytes(s), Object::Bytes(t)) => s == t,
                (Object::Tuple(s), Object::Tuple(t)) => {
                    s.len() == t.len() && s.iter().zip(t.iter()).all(|(p, q)| equal(p, q))
                }
                (Object::FrozenSet(s), Object::FrozenSet(t)) => {
                    crate::object::set::frozen_equal(s, t)
                }
                _ => false,
            }
        }
        _ => false,
    }
}

impl Dict {
    /// An empty dict.
    pub fn new() -> Dict {
        Dict::default()
    }

    /// Changes with every change to the dict; never repeats.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The map, for a change: bumps the version first.
    fn map_mut(&mut self) -> &mut IndexMap<Key, Value, BuildPassThrough> {
        self.version = next_version();
        &mut self.map
    }

    /// `d[key]`, or None when missing.
    pub fn get(&self, key: &Value) -> PyResult<Option<&Value>> {
        Ok(self.map.get(&Key::new(key.clone())?))
    }

    /// Look up a str key (names in namespaces), without making a str object.
    pub fn get_str(&self, name: &str) -> Option<&Value> {
        self.map.get(&StrKey {
            hash: crate::object::str::hash(name),
            text: name,
        })
    }

    /// Look up a str key whose hash is known.
    #[inline]
    pub fn get_hashed(&self, name: &str, hash: i64) -> Option<&Value> {
        self.map.get(&StrKey { hash, text: name })
    }

    /// Set the str key `key` (a str value) whose hash is known: no new str is
    /// made, the dict shares `key`.
    pub fn set_named(&mut self, key: &Value, hash: i64, value: Value) {
        let text = match key.as_object() {
            Some(Object::Str(s)) => &*s.text,
            _ => unreachable!("names are strs"),
        };
        let map = self.map_mut();
        if let Some(slot) = map.get_mut(&StrKey { hash, text }) {
            *slot = value;
            return;
        }
        map.insert(
            Key {
                hash,
                value: key.clone(),
            },
            value,
        );
    }

    /// `d[key] = value`.
    pub fn insert(&mut self, key: Value, value: Value) -> PyResult<()> {
        self.map_mut().insert(Key::new(key)?, value);
        Ok(())
    }

    /// Set a str key.
    pub fn insert_str(&mut self, name: &str, value: Value) {
        let hash = crate::object::str::hash(name);
        if let Some(slot) = self.map_mut().get_mut(&StrKey { hash, text: name }) {
            *slot = value;
            return;
        }
        let key = Key {
            hash: crate::object::str::hash(name),
            value: crate::object::PyStr::value(name),
        };
        self.map_mut().insert(key, value);
    }

    /// `del d[key]`, raising KeyError when missing.
    pub fn remove(&mut self, key: &Value) -> PyResult<Value> {
        self.map_mut()
            .shift_remove(&Key::new(key.clone())?)
            .ok_or_else(|| Raise::WithValue(ExcKind::KeyError, key.clone()))
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True if empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The items in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.map.iter().map(|(k, v)| (&k.value, v))
    }

    /// The keys in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.map.keys().map(|k| &k.value)
    }

    /// The keys with their hashes, in insertion order.
    pub fn hashed_keys(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.map.keys().map(|k| (k.hash, &k.value))
    }

    /// The item at position `i` in insertion order (iterators walk with this).
    pub fn item_at(&self, i: usize) -> Option<(&Value, &Value)> {
        self.map.get_index(i).map(|(k, v)| (&k.value, v))
    }
}

/// A borrowed str key: looks up names without allocating a str object.
struct StrKey<'a> {
    hash: i64,
    text: &'a str,
}

impl Hash for StrKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

impl indexmap::Equivalent<Key> for StrKey<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        // Names usually share their text with the key (see `set_named`).
        self.hash == key.hash
            && matches!(key.value.as_object(), Some(Object::Str(s))
                if std::ptr::eq(s.text.as_ptr(), self.text.as_ptr()) && s.text.len() == self.text.len()
                    || &*s.text == self.text)
    }
}

/// Keys carry their Python hash already; the map uses it as is.
#[derive(Debug, Default, Clone, Copy)]
pub struct BuildPassThrough;

impl std::hash::BuildHasher for BuildPassThrough {
    type Hasher = PassThrough;
    fn build_hasher(&self) -> PassThrough {
        PassThrough(0)
    }
}

/// A hasher that keeps the one i64 written to it, mixed for the table.
#[derive(Debug, Default)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        // Spread the low bits: Python hashes of small ints are the ints themselves.
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_i64(&mut self, i: i64) {
        self.0 = i as u64;
    }
}
