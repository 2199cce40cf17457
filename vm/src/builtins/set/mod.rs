//! `set` and `frozenset`: construction, iteration, and the algorithms behind
//! their methods (methods.rs) and operators (operators.rs).
//!
//! Each algorithm follows the CPython 3.11 function that does the same job, in
//! the same order (which table is walked, which one probed, when a result is
//! copied), because the order of insertions decides where elements land and so
//! the order a set prints in (see object/set/table.rs). A result has the kind of
//! the set it was computed from: `frozenset | set` is a frozenset.
//!
//! Python code runs when a user iterable is iterated, and when an element is an
//! instance with its own `__hash__`/`__eq__` (eval/keys.rs). A table whose
//! elements may need `__eq__` (`SetTable::is_rich`) is worked on outside its
//! cell — moved out for the moment, or copied — so the comparison can run
//! while no borrow of the interpreter's cells is held.

mod methods;
mod operators;

pub use methods::{FROZENSET_METHODS, SET_METHODS};
pub use operators::{binary, compare, contains, repr};

use crate::eval::{iter, keys};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::set::{is_any_set, new_frozenset, new_set, table_of, Entry};
use crate::object::{Object, SeqIter, SetTable};
use crate::value::{Obj, Value};

/// `set` or `frozenset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Set,
    Frozen,
}

impl Kind {
    /// The kind of a set or frozenset value.
    pub fn of(v: &Value) -> Kind {
        match v.as_object() {
            Some(Object::FrozenSet(_)) => Kind::Frozen,
            _ => Kind::Set,
        }
    }

    /// The type name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Set => "set",
            Kind::Frozen => "frozenset",
        }
    }

    /// A new value of this kind holding `table`.
    pub fn wrap(self, table: SetTable) -> Value {
        match self {
            Kind::Set => new_set(table),
            Kind::Frozen => new_frozenset(table),
        }
    }
}

/// The table of a value known to be a set or frozenset.
fn table<'a>(vm: &'a Vm, v: &'a Value) -> &'a SetTable {
    static EMPTY: std::sync::OnceLock<SetTable> = std::sync::OnceLock::new();
    table_of(v, &vm.gil).unwrap_or_else(|| EMPTY.get_or_init(SetTable::new))
}

/// The cell of a mutable set.
fn cell(v: &Value) -> Option<&GilCell<SetTable>> {
    match v.as_object() {
        Some(Object::Set(t)) => Some(t),
        _ => None,
    }
}

/// Is `v` the very object that owns `target`?
fn owns(v: &Value, target: &GilCell<SetTable>) -> bool {
    cell(v).is_some_and(|c| std::ptr::eq(c, target))
}

/// Are `a` and `b` the same object?
fn same_object(a: &Value, b: &Value) -> bool {
    matches!((a, b), (Value::Obj(x), Value::Obj(y)) if x.is(y))
}

/// Run `f` on `target`'s table, mutably, and the table of `source`, a set or
/// frozenset other than `target`. A source set's table is moved out for the
/// moment: no Python code runs inside `f`, so nothing can see it gone.
fn with_source<R>(
    vm: &mut Vm,
    target: &GilCell<SetTable>,
    source: &Value,
    f: impl FnOnce(&mut SetTable, &SetTable) -> R,
) -> R {
    match source.as_object() {
        Some(Object::FrozenSet(s)) => f(target.get_mut(&mut vm.gil), &s.table),
        Some(Object::Set(s)) => {
            let taken = std::mem::take(s.get_mut(&mut vm.gil));
            let r = f(target.get_mut(&mut vm.gil), &taken);
            *s.get_mut(&mut vm.gil) = taken;
            r
        }
        _ => f(target.get_mut(&mut vm.gil), &SetTable::new()),
    }
}

/// Run `f` on `target`'s table moved out of its cell, so that an element's
/// `__eq__` can run meanwhile. (Python code that changes this very set from
/// inside that `__eq__` sees it empty, and its changes are dropped.)
fn with_taken<R>(
    vm: &mut Vm,
    target: &GilCell<SetTable>,
    f: impl FnOnce(&mut Vm, &mut SetTable) -> PyResult<R>,
) -> PyResult<R> {
    let mut t = std::mem::take(target.get_mut(&mut vm.gil));
    let r = f(vm, &mut t);
    *target.get_mut(&mut vm.gil) = t;
    r
}

/// A copy of the table of a set or frozenset, to work on while Python code runs.
fn owned(vm: &Vm, v: &Value) -> SetTable {
    table(vm, v).clone()
}

/// Does working on these two operands need Python's `==`?
fn rich_pair(vm: &Vm, a: &Value, b: &Value) -> bool {
    table(vm, a).is_rich() || (is_any_set(b) && table(vm, b).is_rich())
}

/// Add `e` to a table held outright; false if an equal element was there.
pub fn insert_into(vm: &mut Vm, t: &mut SetTable, e: Entry) -> PyResult<bool> {
    if t.is_rich() || e.needs_python() {
        t.insert_by(e, &mut |a, b| keys::equal(vm, a, b))
    } else {
        Ok(t.insert(e))
    }
}

/// Whether a table held outright has an element equal to `e`.
fn contains_in(vm: &mut Vm, t: &SetTable, e: &Entry) -> PyResult<bool> {
    if t.is_rich() || e.needs_python() {
        t.contains_by(e.hash, &e.key, &mut |a, b| keys::equal(vm, a, b))
    } else {
        Ok(t.contains(e.hash, &e.key))
    }
}

/// Remove the element equal to `e` from a table held outright.
fn remove_from(vm: &mut Vm, t: &mut SetTable, e: &Entry) -> PyResult<Option<Value>> {
    if t.is_rich() || e.needs_python() {
        t.remove_by(e.hash, &e.key, &mut |a, b| keys::equal(vm, a, b))
    } else {
        Ok(t.remove(e.hash, &e.key))
    }
}

/// Add `e` to the set whose table is `target`.
fn insert(vm: &mut Vm, target: &GilCell<SetTable>, e: Entry) -> PyResult<bool> {
    if !target.get(&vm.gil).is_rich() && !e.needs_python() {
        return Ok(target.get_mut(&mut vm.gil).insert(e));
    }
    with_taken(vm, target, |vm, t| insert_into(vm, t, e))
}

/// Remove the element equal to `e` from the set whose table is `target`.
fn discard(vm: &mut Vm, target: &GilCell<SetTable>, e: &Entry) -> PyResult<Option<Value>> {
    if !target.get(&vm.gil).is_rich() && !e.needs_python() {
        return Ok(target.get_mut(&mut vm.gil).remove(e.hash, &e.key));
    }
    with_taken(vm, target, |vm, t| remove_from(vm, t, e))
}

/// Whether the set or frozenset `set` has an element equal to `e`.
fn has(vm: &mut Vm, set: &Value, e: &Entry) -> PyResult<bool> {
    let t = table(vm, set);
    if !t.is_rich() && !e.needs_python() {
        return Ok(t.contains(e.hash, &e.key));
    }
    match set.as_object() {
        // A frozenset's table is reached through the value, not a cell.
        Some(Object::FrozenSet(f)) => contains_in(vm, &f.table, e),
        Some(Object::Set(c)) => with_taken(vm, c, |vm, t| contains_in(vm, t, e)),
        _ => Ok(false),
    }
}

/// The keys of a dict with their hashes.
fn dict_entries(vm: &Vm, v: &Value) -> Option<Vec<Entry>> {
    match v.as_object() {
        Some(Object::Dict(d)) => Some(
            d.get(&vm.gil)
                .hashed_keys()
                .map(|(hash, key)| Entry {
                    hash,
                    key: key.clone(),
                })
                .collect(),
        ),
        _ => None,
    }
}

/// Feed every item of `iterable` to `f`, hashed (unhashable items raise),
/// until `f` returns false.
fn each_entry(
    vm: &mut Vm,
    iterable: &Value,
    mut f: impl FnMut(&mut Vm, Entry) -> PyResult<bool>,
) -> PyResult<()> {
    let it = iter::get_iter(vm, iterable)?;
    while let Some(v) = iter::next(vm, &it)? {
        let e = keys::entry(vm, v)?;
        if !f(vm, e)? {
            break;
        }
    }
    Ok(())
}

/// Add the elements of `other` to `target` (CPython's `set_update_internal`):
/// a set is merged, a dict's keys added with their hashes, anything else
/// iterated.
pub fn update(vm: &mut Vm, target: &GilCell<SetTable>, other: &Value) -> PyResult<()> {
    if is_any_set(other) {
        if owns(other, target) {
            return Ok(());
        }
        if target.get(&vm.gil).is_rich() || table(vm, other).is_rich() {
            let source = owned(vm, other);
            return with_taken(vm, target, |vm, t| {
                for e in source.iter() {
                    insert_into(vm, t, e.clone())?;
                }
                Ok(())
            });
        }
        with_source(vm, target, other, |t, o| t.merge(o));
        return Ok(());
    }
    if let Some(entries) = dict_entries(vm, other) {
        target.get_mut(&mut vm.gil).reserve(entries.len());
        for e in entries {
            insert(vm, target, e)?;
        }
        return Ok(());
    }
    each_entry(vm, other, |vm, e| {
        insert(vm, target, e)?;
        Ok(true)
    })
}

/// BUILD_SET: a set of `items`, added first to last.
pub fn build(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let mut t = SetTable::new();
    for v in items {
        let e = keys::entry(vm, v)?;
        insert_into(vm, &mut t, e)?;
    }
    Ok(new_set(t))
}

/// SET_ADD: add `item` to the set `set`.
pub fn add(vm: &mut Vm, set: &Value, item: Value) -> PyResult<()> {
    let e = keys::entry(vm, item)?;
    if let Some(t) = cell(set) {
        insert(vm, t, e)?;
    }
    Ok(())
}

/// SET_UPDATE: add the items of `iterable` to the set `set`.
pub fn update_value(vm: &mut Vm, set: &Value, iterable: &Value) -> PyResult<()> {
    match cell(set) {
        Some(t) => update(vm, t, iterable),
        None => Ok(()),
    }
}

/// A new table holding the elements of `iterable`.
pub fn table_from(vm: &mut Vm, iterable: &Value) -> PyResult<SetTable> {
    let cell = GilCell::new(SetTable::new());
    update(vm, &cell, iterable)?;
    Ok(cell.into_inner())
}

/// A copy of a set's table, as CPython's `set_copy` makes it (a merge into an
/// empty table, which may be smaller than the original).
fn copy(vm: &Vm, so: &Value) -> SetTable {
    let mut t = SetTable::new();
    t.merge(table(vm, so));
    t
}

/// `set(iterable)` or `frozenset(iterable)`.
pub fn construct(
    vm: &mut Vm,
    kind: Kind,
    args: &[Value],
    kwargs: &[(Box<str>, Value)],
) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "{}() takes no keyword arguments",
            kind.name()
        )));
    }
    match args {
        [] => Ok(kind.wrap(SetTable::new())),
        // frozenset(f) is f itself.
        [v] if kind == Kind::Frozen && matches!(v.as_object(), Some(Object::FrozenSet(_))) => {
            Ok(v.clone())
        }
        [v] => Ok(kind.wrap(table_from(vm, v)?)),
        _ => Err(Raise::type_error(format!(
            "{} expected at most 1 argument, got {}",
            kind.name(),
            args.len()
        ))),
    }
}

/// `so & other` for any iterable `other` (CPython's `set_intersection`).
pub fn intersection(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<SetTable> {
    if same_object(so, other) {
        return Ok(copy(vm, so));
    }
    let mut result = SetTable::new();
    if is_any_set(other) && rich_pair(vm, so, other) {
        let (a, b) = (owned(vm, so), owned(vm, other));
        let (walked, probed) = if b.len() > a.len() { (a, b) } else { (b, a) };
        for e in walked.iter() {
            if contains_in(vm, &probed, e)? {
                insert_into(vm, &mut result, e.clone())?;
            }
        }
        return Ok(result);
    }
    if is_any_set(other) {
        let (a, b) = (table(vm, so), table(vm, other));
        // Walk the smaller table, probe the larger.
        let (walked, probed) = if b.len() > a.len() { (a, b) } else { (b, a) };
        for e in walked.iter() {
            if probed.contains(e.hash, &e.key) {
                result.insert(e.clone());
            }
        }
        return Ok(result);
    }
    each_entry(vm, other, |vm, e| {
        if has(vm, so, &e)? {
            insert_into(vm, &mut result, e)?;
            // Every element of `so` found: nothing more can be added.
            return Ok(result.len() < table(vm, so).len());
        }
        Ok(true)
    })?;
    Ok(result)
}

/// `so.intersection(*others)`.
fn intersection_many(vm: &mut Vm, so: &Value, others: &[Value]) -> PyResult<SetTable> {
    let Some((first, rest)) = others.split_first() else {
        return Ok(copy(vm, so));
    };
    let mut result = intersection(vm, so, first)?;
    for other in rest {
        let current = new_set(result);
        result = intersection(vm, &current, other)?;
    }
    Ok(result)
}

/// Remove the elements of `other` from `target` (CPython's
/// `set_difference_update_internal`), then drop dummies if over a quarter of
/// the table is dummies.
pub fn difference_update(vm: &mut Vm, target: &GilCell<SetTable>, other: &Value) -> PyResult<()> {
    if owns(other, target) {
        target.get_mut(&mut vm.gil).clear();
        return Ok(());
    }
    if is_any_set(other) && (target.get(&vm.gil).is_rich() || table(vm, other).is_rich()) {
        let source = owned(vm, other);
        with_taken(vm, target, |vm, t| {
            for e in source.iter() {
                remove_from(vm, t, e)?;
            }
            Ok(())
        })?;
    } else if is_any_set(other) {
        with_source(vm, target, other, |t, o| {
            for e in o.iter() {
                t.remove(e.hash, &e.key);
            }
        });
    } else {
        each_entry(vm, other, |vm, e| {
            discard(vm, target, &e)?;
            Ok(true)
        })?;
    }
    target.get_mut(&mut vm.gil).shrink_if_sparse();
    Ok(())
}

/// A copy of `so` with the elements of `other` removed.
fn copy_and_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<SetTable> {
    let cell = GilCell::new(copy(vm, so));
    difference_update(vm, &cell, other)?;
    Ok(cell.into_inner())
}

/// `so - other` for any iterable `other` (CPython's `set_difference`): walk
/// `so` and keep what `other` lacks, unless `so` is much the larger.
fn difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<SetTable> {
    let other_len = match other.as_object() {
        Some(Object::Set(_) | Object::FrozenSet(_)) => table(vm, other).len(),
        Some(Object::Dict(d)) => d.get(&vm.gil).len(),
        _ => return copy_and_difference(vm, so, other),
    };
    if table(vm, so).len() >> 2 > other_len {
        return copy_and_difference(vm, so, other);
    }
    let mut result = SetTable::new();
    match other.as_object() {
        Some(Object::Dict(d)) => {
            let mine = owned(vm, so);
            for e in mine.iter() {
                if keys::find(vm, d, e.hash, &e.key)?.is_none() {
                    insert_into(vm, &mut result, e.clone())?;
                }
            }
        }
        _ if rich_pair(vm, so, other) => {
            let (mine, probed) = (owned(vm, so), owned(vm, other));
            for e in mine.iter() {
                if !contains_in(vm, &probed, e)? {
                    insert_into(vm, &mut result, e.clone())?;
                }
            }
        }
        _ => {
            let probed = table(vm, other);
            for e in table(vm, so).iter() {
                if !probed.contains(e.hash, &e.key) {
                    result.insert(e.clone());
                }
            }
        }
    }
    Ok(result)
}

/// `so.difference(*others)`.
fn difference_many(vm: &mut Vm, so: &Value, others: &[Value]) -> PyResult<SetTable> {
    let Some((first, rest)) = others.split_first() else {
        return Ok(copy(vm, so));
    };
    let cell = GilCell::new(difference(vm, so, first)?);
    for other in rest {
        difference_update(vm, &cell, other)?;
    }
    Ok(cell.into_inner())
}

/// Each element of `source` leaves `t` if there, else joins it.
fn toggle(vm: &mut Vm, t: &mut SetTable, source: impl Iterator<Item = Entry>) -> PyResult<()> {
    for e in source {
        if remove_from(vm, t, &e)?.is_none() {
            insert_into(vm, t, e)?;
        }
    }
    Ok(())
}

/// `target ^= other` for any iterable `other` (CPython's
/// `set_symmetric_difference_update`).
pub fn symmetric_difference_update(
    vm: &mut Vm,
    target: &GilCell<SetTable>,
    other: &Value,
) -> PyResult<()> {
    if owns(other, target) {
        target.get_mut(&mut vm.gil).clear();
        return Ok(());
    }
    let source: Vec<Entry> = match dict_entries(vm, other) {
        Some(entries) => entries,
        None if is_any_set(other) => table(vm, other).iter().cloned().collect(),
        None => table_from(vm, other)?.iter().cloned().collect(),
    };
    with_taken(vm, target, |vm, t| toggle(vm, t, source.into_iter()))
}

/// `so ^ other`: the elements of `other` (as a new set), toggled by `so`'s.
fn symmetric_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<SetTable> {
    let mut result = table_from(vm, other)?;
    let mine = owned(vm, so);
    toggle(vm, &mut result, mine.iter().cloned())?;
    Ok(result)
}

/// `so.union(*others)`.
fn union_many(vm: &mut Vm, so: &Value, others: &[Value]) -> PyResult<SetTable> {
    let cell = GilCell::new(copy(vm, so));
    for other in others {
        if !same_object(so, other) {
            update(vm, &cell, other)?;
        }
    }
    Ok(cell.into_inner())
}

/// `so <= other` for any iterable `other`.
fn is_subset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if !is_any_set(other) {
        let common = intersection(vm, so, other)?;
        return Ok(common.len() == table(vm, so).len());
    }
    if rich_pair(vm, so, other) {
        let (a, b) = (owned(vm, so), owned(vm, other));
        if a.len() > b.len() {
            return Ok(false);
        }
        for e in a.iter() {
            if !contains_in(vm, &b, e)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let (a, b) = (table(vm, so), table(vm, other));
    Ok(a.len() <= b.len() && a.iter().all(|e| b.contains(e.hash, &e.key)))
}

/// `so >= other` for any iterable `other`.
fn is_superset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if is_any_set(other) {
        return is_subset(vm, other, so);
    }
    let mut all = true;
    each_entry(vm, other, |vm, e| {
        all = has(vm, so, &e)?;
        Ok(all)
    })?;
    Ok(all)
}

/// `so.isdisjoint(other)` for any iterable `other`.
fn is_disjoint(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if same_object(so, other) {
        return Ok(table(vm, so).is_empty());
    }
    if is_any_set(other) && rich_pair(vm, so, other) {
        let (a, b) = (owned(vm, so), owned(vm, other));
        let (walked, probed) = if b.len() > a.len() { (a, b) } else { (b, a) };
        for e in walked.iter() {
            if contains_in(vm, &probed, e)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    if is_any_set(other) {
        let (a, b) = (table(vm, so), table(vm, other));
        let (walked, probed) = if b.len() > a.len() { (a, b) } else { (b, a) };
        return Ok(!walked.iter().any(|e| probed.contains(e.hash, &e.key)));
    }
    let mut disjoint = true;
    each_entry(vm, other, |vm, e| {
        disjoint = !has(vm, so, &e)?;
        Ok(disjoint)
    })?;
    Ok(disjoint)
}

/// Hash `key` to look it up in a set; a set key is looked up as the
/// frozenset with its elements, as CPython does for `in`, `remove`, `discard`.
fn lookup_entry(vm: &mut Vm, key: &Value) -> PyResult<Entry> {
    match keys::entry(vm, key.clone()) {
        Err(Raise::New(ExcKind::TypeError, _))
            if matches!(key.as_object(), Some(Object::Set(_))) =>
        {
            let frozen = new_frozenset(owned(vm, key));
            keys::entry(vm, frozen)
        }
        other => other,
    }
}

/// An iterator over a set or frozenset.
pub fn iter(vm: &Vm, set: &Obj) -> Value {
    let used = match set.get() {
        Object::Set(t) => t.get(&vm.gil).len(),
        Object::FrozenSet(f) => f.table.len(),
        _ => 0,
    };
    Value::obj(Object::Iter(GilCell::new(SeqIter::Set {
        set: Some(set.clone()),
        pos: 0,
        used,
    })))
}

/// The next element of a set iterator; RuntimeError if the set's size changed
/// since the iterator was made (and on every later call).
pub fn iter_next(vm: &mut Vm, state: &GilCell<SeqIter>) -> PyResult<Option<Value>> {
    let SeqIter::Set {
        set: Some(set),
        pos,
        used,
    } = state.get(&vm.gil)
    else {
        return Ok(None);
    };
    let t = match set.get() {
        Object::Set(t) => t.get(&vm.gil),
        Object::FrozenSet(f) => &f.table,
        _ => return Ok(None),
    };
    let changed = t.len() != *used;
    let found = t.next_from(*pos).map(|(v, next)| (v.clone(), next));
    let SeqIter::Set { set, pos, used } = state.get_mut(&mut vm.gil) else {
        return Ok(None);
    };
    if changed {
        *used = usize::MAX;
        return Err(Raise::new(
            ExcKind::RuntimeError,
            "Set changed size during iteration",
        ));
    }
    match found {
        Some((v, next)) => {
            *pos = next;
            Ok(Some(v))
        }
        None => {
            *set = None;
            Ok(None)
        }
    }
}
