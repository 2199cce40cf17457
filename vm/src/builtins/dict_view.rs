//! Dict views (`d.keys()`, `d.values()`, `d.items()`) and iteration over dicts.
//!
//! A view reads its dict on every use, so it shows later changes. Keys and
//! items views are set-like: `& | - ^` give sets, comparisons test inclusion,
//! `isdisjoint` is a method; the algorithms follow CPython 3.11's dictobject.c
//! so the sets they build have the same layout. A dict iterator walks entries
//! by position and raises RuntimeError once the dict's size changed.

use crate::builtins::reprs;
use crate::builtins::set;
use crate::eval::{attr, iter, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::set::{is_any_set, new_set};
use crate::object::{Dict, NativeFn, Object, SeqIter, SetTable, ViewKind};
use crate::value::{Obj, Value};
use gilt_parser::ast::{CmpOp, Operator};

type Kw = [(Box<str>, Value)];

/// The methods of `dict_keys` and `dict_items`.
pub const SET_LIKE_METHODS: &[(&str, NativeFn)] = &[("isdisjoint", isdisjoint)];

/// A view of `dict` (a dict value).
pub fn new(dict: &Value, kind: ViewKind) -> Value {
    match dict {
        Value::Obj(d) => Value::obj(Object::DictView {
            dict: d.clone(),
            kind,
        }),
        _ => Value::None,
    }
}

fn dict_of<'a>(vm: &'a Vm, dict: &'a Obj) -> Option<&'a Dict> {
    match dict.get() {
        Object::Dict(d) => Some(d.get(&vm.gil)),
        _ => None,
    }
}

/// The dict and kind of a keys or items view.
fn set_like(v: &Value) -> Option<(&Obj, ViewKind)> {
    match v.as_object() {
        Some(Object::DictView { dict, kind }) if *kind != ViewKind::Values => Some((dict, *kind)),
        _ => None,
    }
}

/// `len(view)`.
pub fn len(vm: &Vm, dict: &Obj) -> usize {
    dict_of(vm, dict).map_or(0, Dict::len)
}

/// An iterator over `dict` yielding what a `kind` view yields.
pub fn iter(vm: &Vm, dict: &Obj, kind: ViewKind, reverse: bool) -> Value {
    let used = len(vm, dict);
    Value::obj(Object::Iter(GilCell::new(SeqIter::Dict {
        dict: Some(dict.clone()),
        kind,
        pos: if reverse { used } else { 0 },
        used,
        left: used,
        reverse,
    })))
}

/// `reversed(d)` or `reversed(view)`; None for anything else.
pub fn reversed(vm: &Vm, v: &Value) -> Option<Value> {
    match v {
        Value::Obj(o) => match o.get() {
            Object::Dict(_) => Some(iter(vm, o, ViewKind::Keys, true)),
            Object::DictView { dict, kind } => Some(iter(vm, dict, *kind, true)),
            _ => None,
        },
        _ => None,
    }
}

/// What a `kind` view yields for one entry.
fn item(kind: ViewKind, key: &Value, value: &Value) -> Value {
    match kind {
        ViewKind::Keys => key.clone(),
        ViewKind::Values => value.clone(),
        ViewKind::Items => Value::obj(Object::Tuple(vec![key.clone(), value.clone()].into())),
    }
}

/// The next item of a dict iterator (CPython's `dictiter_iternext*`).
pub fn iter_next(vm: &mut Vm, state: &GilCell<SeqIter>) -> PyResult<Option<Value>> {
    let SeqIter::Dict {
        dict: Some(dict),
        kind,
        pos,
        used,
        reverse,
        ..
    } = state.get(&vm.gil)
    else {
        return Ok(None);
    };
    let Some(d) = dict_of(vm, dict) else {
        return Ok(None);
    };
    let changed = d.len() != *used;
    let at = if *reverse {
        pos.checked_sub(1)
    } else {
        Some(*pos)
    };
    let found = at
        .and_then(|i| d.item_at(i))
        .map(|(k, v)| item(*kind, k, v));
    let SeqIter::Dict {
        dict,
        pos,
        used,
        left,
        reverse,
        ..
    } = state.get_mut(&mut vm.gil)
    else {
        return Ok(None);
    };
    if changed {
        *used = usize::MAX;
        return Err(Raise::new(
            ExcKind::RuntimeError,
            "dictionary changed size during iteration",
        ));
    }
    let Some(found) = found else {
        *dict = None;
        return Ok(None);
    };
    if *left == 0 {
        // Same size, but more entries than there were: keys were replaced.
        *dict = None;
        return Err(Raise::new(
            ExcKind::RuntimeError,
            "dictionary keys changed during iteration",
        ));
    }
    *left -= 1;
    if *reverse {
        *pos -= 1;
    } else {
        *pos += 1;
    }
    Ok(Some(found))
}

/// `item in view`.
pub fn contains(vm: &mut Vm, dict: &Obj, kind: ViewKind, item: &Value) -> PyResult<bool> {
    let Object::Dict(cell) = dict.get() else {
        return Ok(false);
    };
    match kind {
        ViewKind::Keys => crate::eval::keys::contains(vm, cell, item),
        ViewKind::Items => {
            let Some(Object::Tuple(pair)) = item.as_object() else {
                return Ok(false);
            };
            let [key, value] = &pair[..] else {
                return Ok(false);
            };
            match crate::eval::keys::get(vm, cell, key)? {
                Some(found) => Ok(ops::is(&found, value) || ops::eq(vm, &found, value)?),
                None => Ok(false),
            }
        }
        ViewKind::Values => {
            let values: Vec<Value> = cell.get(&vm.gil).iter().map(|(_, v)| v.clone()).collect();
            for v in &values {
                if ops::is(v, item) || ops::eq(vm, v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// `repr(view)`: `dict_keys(['a'])`, `dict_values([1])`, `dict_items([('a', 1)])`.
pub fn repr(vm: &mut Vm, view: &Obj, dict: &Obj, kind: ViewKind) -> PyResult<String> {
    reprs::guarded(
        vm,
        view,
        || "...".to_string(),
        |vm| {
            let items: Vec<Value> = match dict_of(vm, dict) {
                Some(d) => d.iter().map(|(k, v)| item(kind, k, v)).collect(),
                None => Vec::new(),
            };
            let mut parts = Vec::with_capacity(items.len());
            for x in &items {
                parts.push(ops::repr(vm, x)?);
            }
            Ok(format!("{}([{}])", kind.name(), parts.join(", ")))
        },
    )
}

/// The set an operator starts from: `set(v)`, straight from the dict for a
/// keys view (CPython's `dictviews_to_set`).
fn to_set(vm: &mut Vm, v: &Value) -> PyResult<GilCell<SetTable>> {
    let table = match v.as_object() {
        Some(Object::DictView {
            dict,
            kind: ViewKind::Keys,
        }) => set::table_from(vm, &Value::Obj(dict.clone()))?,
        _ => set::table_from(vm, v)?,
    };
    Ok(GilCell::new(table))
}

/// `a op b` when either is a keys or items view; None when neither is.
pub fn binary(vm: &mut Vm, op: Operator, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if set_like(a).is_none() && set_like(b).is_none() {
        return Ok(None);
    }
    if op == Operator::BitAnd {
        return intersect(vm, a, b).map(Some);
    }
    if op == Operator::BitXor {
        if let (Some((d1, ViewKind::Items)), Some((d2, ViewKind::Items))) =
            (set_like(a), set_like(b))
        {
            return items_xor(vm, d1, d2).map(Some);
        }
    }
    let result = to_set(vm, a)?;
    match op {
        Operator::BitOr => set::update(vm, &result, b)?,
        Operator::Sub => set::difference_update(vm, &result, b)?,
        _ => set::symmetric_difference_update(vm, &result, b)?,
    }
    Ok(Some(new_set(result.into_inner())))
}

/// The length of a set, frozenset or set-like view.
fn set_len(vm: &Vm, v: &Value) -> Option<usize> {
    if let Some((dict, _)) = set_like(v) {
        return Some(len(vm, dict));
    }
    crate::object::set::table_of(v, &vm.gil).map(SetTable::len)
}

/// `a & b` with a view on either side (CPython's `_PyDictView_Intersect`).
fn intersect(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut view, mut other) = if set_like(a).is_some() {
        (a, b)
    } else {
        (b, a)
    };
    let view_len = set_len(vm, view).unwrap_or(0);
    if matches!(other.as_object(), Some(Object::Set(_)))
        && view_len <= set_len(vm, other).unwrap_or(0)
    {
        // other.intersection(view)
        return Ok(new_set(set::intersection(vm, other, view)?));
    }
    if set_like(other).is_some() && set_len(vm, other).unwrap_or(0) > view_len {
        std::mem::swap(&mut view, &mut other);
    }
    let Some((dict, kind)) = set_like(view) else {
        return Ok(Value::None);
    };
    let dict = dict.clone();
    let mut result = SetTable::new();
    let it = iter::get_iter(vm, other)?;
    while let Some(x) = iter::next(vm, &it)? {
        if contains(vm, &dict, kind, &x)? {
            let e = crate::eval::keys::entry(vm, x)?;
            set::insert_into(vm, &mut result, e)?;
        }
    }
    Ok(new_set(result))
}

/// `d1.items() ^ d2.items()` (CPython's `dictitems_xor`): the pairs of `d2`
/// not equal in `d1`, then the pairs of `d1` left unmatched.
fn items_xor(vm: &mut Vm, d1: &Obj, d2: &Obj) -> PyResult<Value> {
    let left = GilCell::new(dict_of(vm, d1).cloned().unwrap_or_default());
    let pairs: Vec<(Value, Value)> = dict_of(vm, d2)
        .map(|d| d.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    let mut result = SetTable::new();
    for (key, value) in pairs {
        let matched = match crate::eval::keys::get(vm, &left, &key)? {
            Some(mine) => ops::is(&mine, &value) || ops::eq(vm, &mine, &value)?,
            None => false,
        };
        if matched {
            crate::eval::keys::remove(vm, &left, &key)?;
        } else {
            let e = crate::eval::keys::entry(vm, item(ViewKind::Items, &key, &value))?;
            crate::builtins::set::insert_into(vm, &mut result, e)?;
        }
    }
    let rest: Vec<Value> = left
        .get(&vm.gil)
        .iter()
        .map(|(key, value)| item(ViewKind::Items, key, value))
        .collect();
    for pair in rest {
        let e = crate::eval::keys::entry(vm, pair)?;
        crate::builtins::set::insert_into(vm, &mut result, e)?;
    }
    Ok(new_set(result))
}

fn reflected(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::LtE => CmpOp::GtE,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::GtE => CmpOp::LtE,
        other => other,
    }
}

/// A rich comparison with a keys or items view on either side; None when
/// neither is one, or the other operand is not set-like.
pub fn compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let (view, other, op) = match (set_like(a), set_like(b)) {
        (Some(_), _) => (a, b, op),
        (None, Some(_)) => (b, a, reflected(op)),
        _ => return Ok(None),
    };
    let (Some(ls), Some(lo)) = (set_len(vm, view), set_len(vm, other)) else {
        return Ok(None);
    };
    Ok(Some(match op {
        CmpOp::Eq => ls == lo && all_contained_in(vm, view, other)?,
        CmpOp::NotEq => !(ls == lo && all_contained_in(vm, view, other)?),
        CmpOp::Lt => ls < lo && all_contained_in(vm, view, other)?,
        CmpOp::LtE => ls <= lo && all_contained_in(vm, view, other)?,
        CmpOp::Gt => ls > lo && all_contained_in(vm, other, view)?,
        CmpOp::GtE => ls >= lo && all_contained_in(vm, other, view)?,
        _ => return Ok(None),
    }))
}

/// Is every item of `a` in `b`?
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = iter::get_iter(vm, a)?;
    while let Some(x) = iter::next(vm, &it)? {
        if !ops::contains(vm, b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `view.isdisjoint(other)`.
fn isdisjoint(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let name = match args.first().and_then(set_like) {
        Some((_, kind)) => kind.name(),
        None => {
            let got = args
                .first()
                .map_or("nothing".into(), |v| attr::type_name(vm, v));
            return Err(Raise::type_error(format!(
                "descriptor 'isdisjoint' for 'dict_keys' objects doesn't apply to a '{got}' object"
            )));
        }
    };
    if !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "{name}.isdisjoint() takes no keyword arguments"
        )));
    }
    let [view, other] = args else {
        return Err(Raise::type_error(format!(
            "{name}.isdisjoint() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    };
    if let (Value::Obj(x), Value::Obj(y)) = (view, other) {
        if x.is(y) {
            return Ok(Value::Bool(set_len(vm, view) == Some(0)));
        }
    }
    let (mut probed, mut walked) = (view, other);
    if is_any_set(other) || set_like(other).is_some() {
        // Walk the shorter one.
        if set_len(vm, other) > set_len(vm, view) {
            std::mem::swap(&mut probed, &mut walked);
        }
    }
    let it = iter::get_iter(vm, walked)?;
    while let Some(x) = iter::next(vm, &it)? {
        if ops::contains(vm, probed, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
