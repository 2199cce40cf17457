//! The hash table behind `set` and `frozenset`, laid out slot for slot as
//! CPython 3.11 lays out its set table.
//!
//! Why not the dict's map: a set iterates in table order, not insertion order.
//! Placing elements exactly where CPython places them (same probe sequence, same
//! resize points, same reuse of deleted slots) makes `print({3, 1, 2})`, `pop()`
//! and `list(s)` agree with CPython for every element whose hash agrees with
//! CPython's: ints, floats, bools, None-free tuples of them, frozensets of them.
//!
//! The table: a power-of-two array of slots, each empty, deleted ("dummy") or
//! holding an element with its hash. `fill` counts full and dummy slots, `used`
//! full ones. A lookup starts at `hash & mask`, looks at up to nine following
//! slots when they fit before the end, then jumps by the perturbed recurrence
//! `i = 5*i + 1 + perturb` (perturb = the hash, shifted right 5 bits per jump);
//! an empty slot ends the search. Adding reuses the last dummy seen on the way;
//! when `fill` reaches 3/5 of the size the table is rebuilt to fit four times the
//! elements (twice past 50,000).
//!
//! No Python code runs inside this file. Elements of the builtin types compare
//! with `dict::builtin_equal`. A table that has held an instance of a Python
//! class is marked `rich`: its elements may need `__eq__`, which the `_by`
//! operations take as a function, from a caller that holds the table outright
//! (builtins/set), so nothing else sees the table while Python code runs.

use crate::exc::PyResult;
use crate::object::dict;
use crate::value::Value;

/// Size of a new or cleared table.
const MIN_SIZE: usize = 8;
/// Extra neighbouring slots looked at before jumping.
const LINEAR_PROBES: usize = 9;
/// Bits of the hash fed into each jump.
const PERTURB_SHIFT: u32 = 5;

/// An element with its hash.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The element's Python hash (never -1).
    pub hash: i64,
    /// The element.
    pub key: Value,
}

impl Entry {
    /// Whether comparing this element may take a Python `__eq__`.
    pub fn needs_python(&self) -> bool {
        dict::needs_python(&self.key)
    }
}

/// An equality test that may run Python code (and so may raise).
pub type KeyEq<'a> = dyn FnMut(&Value, &Value) -> PyResult<bool> + 'a;

#[derive(Debug, Clone)]
enum Slot {
    Empty,
    Dummy,
    Full(Entry),
}

/// A set's elements.
#[derive(Debug, Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    /// Full and dummy slots.
    fill: usize,
    /// Full slots: the set's length.
    used: usize,
    /// Where the next `pop` starts looking.
    finger: usize,
    /// Some element ever added may need Python to compare.
    rich: bool,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            rich: false,
        }
    }
}

/// Two keys are the same element: equal, or the very same float (a NaN is
/// found again by identity, as in CPython).
fn same(a: &Value, b: &Value) -> PyResult<bool> {
    Ok(dict::same(a, b) || dict::builtin_equal(a, b) == Some(true))
}

/// `same`, then `eq` for what the builtin rules cannot decide.
fn same_by(a: &Value, b: &Value, eq: &mut KeyEq) -> PyResult<bool> {
    if dict::same(a, b) {
        return Ok(true);
    }
    match dict::builtin_equal(a, b) {
        Some(r) => Ok(r),
        None => eq(a, b),
    }
}

/// The result of a table operation that, comparing builtin values only,
/// cannot fail.
fn infallible<T>(r: PyResult<T>) -> T {
    match r {
        Ok(v) => v,
        Err(_) => unreachable!("builtin comparisons do not raise"),
    }
}

/// The slot a jump lands on after slot `i`.
#[inline]
fn jump(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= PERTURB_SHIFT;
    ((i as u64)
        .wrapping_mul(5)
        .wrapping_add(1)
        .wrapping_add(*perturb) as usize)
        & mask
}

/// How many neighbours of slot `i` a probe also looks at.
#[inline]
fn neighbours(i: usize, mask: usize) -> usize {
    if i + LINEAR_PROBES <= mask {
        LINEAR_PROBES
    } else {
        0
    }
}

/// Put an element known to be absent into a table with no dummies.
fn insert_clean(slots: &mut [Slot], entry: Entry) {
    let mask = slots.len() - 1;
    let mut perturb = entry.hash as u64;
    let mut i = entry.hash as usize & mask;
    loop {
        let run = &mut slots[i..=i + neighbours(i, mask)];
        if let Some(slot) = run.iter_mut().find(|s| matches!(s, Slot::Empty)) {
            *slot = Slot::Full(entry);
            return;
        }
        i = jump(i, &mut perturb, mask);
    }
}

impl SetTable {
    /// An empty table.
    pub fn new() -> SetTable {
        SetTable::default()
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.used
    }

    /// True if there are no elements.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Whether some element ever added may need Python to compare: then the
    /// plain operations (which count such comparisons as unequal) are not
    /// enough and the `_by` forms must be used.
    pub fn is_rich(&self) -> bool {
        self.rich
    }

    /// The slot holding an element equal to `key`, if any.
    fn find(
        &self,
        hash: i64,
        key: &Value,
        mut same: impl FnMut(&Value, &Value) -> PyResult<bool>,
    ) -> PyResult<Option<usize>> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = hash as usize & mask;
        loop {
            for j in i..=i + neighbours(i, mask) {
                match &self.slots[j] {
                    Slot::Empty => return Ok(None),
                    Slot::Full(e) if e.hash == hash && same(&e.key, key)? => return Ok(Some(j)),
                    _ => {}
                }
            }
            i = jump(i, &mut perturb, mask);
        }
    }

    /// Whether an element equal to `key` (whose hash is `hash`) is present.
    pub fn contains(&self, hash: i64, key: &Value) -> bool {
        infallible(self.find(hash, key, same)).is_some()
    }

    /// `contains`, comparing with `eq` where Python decides.
    pub fn contains_by(&self, hash: i64, key: &Value, eq: &mut KeyEq) -> PyResult<bool> {
        Ok(self.find(hash, key, |a, b| same_by(a, b, eq))?.is_some())
    }

    /// Add an element; false if an equal one was already there.
    pub fn insert(&mut self, entry: Entry) -> bool {
        infallible(self.add(entry, same))
    }

    /// `insert`, comparing with `eq` where Python decides.
    pub fn insert_by(&mut self, entry: Entry, eq: &mut KeyEq) -> PyResult<bool> {
        self.add(entry, |a, b| same_by(a, b, eq))
    }

    fn add(
        &mut self,
        entry: Entry,
        mut same: impl FnMut(&Value, &Value) -> PyResult<bool>,
    ) -> PyResult<bool> {
        let mask = self.mask();
        let mut perturb = entry.hash as u64;
        let mut i = entry.hash as usize & mask;
        let mut dummy = None;
        let empty = 'probe: loop {
            for j in i..=i + neighbours(i, mask) {
                match &self.slots[j] {
                    Slot::Empty => break 'probe j,
                    Slot::Full(e) => {
                        if e.hash == entry.hash && same(&e.key, &entry.key)? {
                            return Ok(false);
                        }
                    }
                    // The last deleted slot on the way is reused.
                    Slot::Dummy => dummy = Some(j),
                }
            }
            i = jump(i, &mut perturb, mask);
        };
        self.used += 1;
        self.rich |= entry.needs_python();
        if let Some(j) = dummy {
            self.slots[j] = Slot::Full(entry);
            return Ok(true);
        }
        self.slots[empty] = Slot::Full(entry);
        self.fill += 1;
        if self.fill * 5 >= mask * 3 {
            self.grow();
        }
        Ok(true)
    }

    /// Rebuild after an insertion filled 3/5 of the table.
    fn grow(&mut self) {
        let target = if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        };
        self.resize(target);
    }

    /// Rebuild into the smallest table with more than `min_used` slots,
    /// dropping dummies; full slots move over in their current order.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        if size == MIN_SIZE && self.slots.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        for slot in old {
            if let Slot::Full(e) = slot {
                insert_clean(&mut self.slots, e);
            }
        }
        self.fill = self.used;
    }

    /// Remove the element equal to `key`; the removed element, if it was there.
    pub fn remove(&mut self, hash: i64, key: &Value) -> Option<Value> {
        let j = infallible(self.find(hash, key, same))?;
        self.take_slot(j)
    }

    /// `remove`, comparing with `eq` where Python decides.
    pub fn remove_by(&mut self, hash: i64, key: &Value, eq: &mut KeyEq) -> PyResult<Option<Value>> {
        Ok(match self.find(hash, key, |a, b| same_by(a, b, eq))? {
            Some(j) => self.take_slot(j),
            None => None,
        })
    }

    fn take_slot(&mut self, j: usize) -> Option<Value> {
        self.used -= 1;
        match std::mem::replace(&mut self.slots[j], Slot::Dummy) {
            Slot::Full(e) => Some(e.key),
            _ => None,
        }
    }

    /// After removing many elements: rebuild if over a quarter of the slots
    /// are dummies (what `difference_update` does at its end).
    pub fn shrink_if_sparse(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.grow();
        }
    }

    /// Remove and return an element, scanning on from where the last `pop` took
    /// one (CPython's search finger), or None when empty.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut j = self.finger & mask;
        while !matches!(self.slots[j], Slot::Full(_)) {
            j = if j == mask { 0 } else { j + 1 };
        }
        self.used -= 1;
        self.finger = j + 1;
        match std::mem::replace(&mut self.slots[j], Slot::Dummy) {
            Slot::Full(e) => Some(e.key),
            _ => None,
        }
    }

    /// Remove every element (the search finger stays, as in CPython).
    pub fn clear(&mut self) {
        let finger = self.finger;
        *self = SetTable::default();
        self.finger = finger;
    }

    /// Take over another table's contents (what `intersection_update` does with
    /// its result); the search finger stays.
    pub fn replace_with(&mut self, other: SetTable) {
        let finger = self.finger;
        *self = other;
        self.finger = finger;
    }

    /// Make room for `extra` more elements at once, as CPython does before
    /// adding a whole set or dict.
    pub fn reserve(&mut self, extra: usize) {
        if (self.fill + extra) * 5 >= self.mask() * 3 {
            self.resize((self.used + extra) * 2);
        }
    }

    /// Add every element of `other` (a different table): CPython's `set_merge`,
    /// which copies the slots as they are when this table is empty.
    pub fn merge(&mut self, other: &SetTable) {
        if other.used == 0 {
            return;
        }
        self.rich |= other.rich;
        self.reserve(other.used);
        if self.fill == 0 && self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots.clone_from(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            for e in other.iter() {
                insert_clean(&mut self.slots, e.clone());
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for e in other.iter() {
            self.insert(e.clone());
        }
    }

    /// The elements in table order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Full(e) => Some(e),
            _ => None,
        })
    }

    /// The first element at slot `pos` or after, with the slot after it; None
    /// past the end. Iterators walk the table with this.
    pub fn next_from(&self, pos: usize) -> Option<(&Value, usize)> {
        self.slots
            .get(pos..)?
            .iter()
            .enumerate()
            .find_map(|(k, s)| match s {
                Slot::Full(e) => Some((&e.key, pos + k + 1)),
                _ => None,
            })
    }

    /// CPython's frozenset hash: the xor of every element's shuffled hash,
    /// mixed with the length, so equal sets hash equal whatever their layout.
    pub fn hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
        }
        let mut h = self
            .iter()
            .fold(0u64, |acc, e| acc ^ shuffle(e.hash as u64));
        h ^= (self.used as u64 + 1).wrapping_mul(1_927_868_237);
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69_069).wrapping_add(907_133_923);
        if h == u64::MAX {
            590_923_713
        } else {
            h as i64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_of(items: &[i64]) -> SetTable {
        let mut t = SetTable::new();
        for &i in items {
            t.insert(Entry {
                hash: i,
                key: Value::Int(i),
            });
        }
        t
    }

    fn order(t: &SetTable) -> Vec<i64> {
        t.iter()
            .map(|e| match e.key {
                Value::Int(i) => i,
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn small_ints_sit_in_their_own_slots() {
        assert_eq!(order(&table_of(&[3, 1, 2])), [1, 2, 3]);
    }

    #[test]
    fn growth_matches_cpython() {
        // CPython 3.11: s = set(); [s.add(i) for i in (10, 20, 30, 40, 50)]
        assert_eq!(
            order(&table_of(&[10, 20, 30, 40, 50])),
            [40, 10, 50, 20, 30]
        );
        // and set(range(20, 0, -1)) iterates in ascending order.
        let desc: Vec<i64> = (1..=20).rev().collect();
        assert_eq!(order(&table_of(&desc)), (1..=20).collect::<Vec<_>>());
    }

    #[test]
    fn merge_into_empty_rebuilds_smaller() {
        // {10, 20, 30, 40, 50} as a display: a constant frozenset merged into a
        // new set, which CPython 3.11 prints as {50, 20, 40, 10, 30}.
        let frozen = table_of(&[10, 20, 30, 40, 50]);
        let mut t = SetTable::new();
        t.merge(&frozen);
        assert_eq!(order(&t), [50, 20, 40, 10, 30]);
    }

    #[test]
    fn pop_and_remove() {
        let mut t = table_of(&(0..10).collect::<Vec<_>>());
        assert_eq!(t.remove(3, &Value::Int(3)).map(|_| ()), Some(()));
        assert!(t.remove(3, &Value::Int(3)).is_none());
        t.insert(Entry {
            hash: 100,
            key: Value::Int(100),
        });
        assert_eq!(order(&t), [0, 1, 2, 4, 5, 6, 7, 8, 9, 100]);
        assert!(matches!(t.pop(), Some(Value::Int(0))));
        assert!(matches!(t.pop(), Some(Value::Int(1))));
        assert_eq!(t.len(), 8);
    }

    #[test]
    fn frozenset_hash_matches_cpython() {
        assert_eq!(SetTable::new().hash(), 133_146_708_735_736);
        assert_eq!(table_of(&[1, 2]).hash(), -1_826_646_154_956_904_602);
    }
}
