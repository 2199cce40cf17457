//! Iteration: `iter()`, `next()`, and the helpers built on them.

use super::{attr, ops};
use crate::builtins::dict_view;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{Object, PyStr, SeqIter, ViewKind};
use crate::value::Value;

/// Number of items in `range(start, stop, step)`.
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

fn iterator(state: SeqIter) -> Value {
    Value::obj(Object::Iter(GilCell::new(state)))
}

/// `iter(v)`.
pub fn get_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Value::Obj(o) = v else {
        return Err(not_iterable(vm, v));
    };
    Ok(match o.get() {
        Object::List(_) => iterator(SeqIter::List {
            list: o.clone(),
            next: 0,
        }),
        Object::Tuple(_) => iterator(SeqIter::Tuple {
            tuple: o.clone(),
            next: 0,
        }),
        Object::Str(_) => iterator(SeqIter::Str {
            text: o.clone(),
            next: 0,
        }),
        Object::Bytes(_) | Object::ByteArray(_) => iterator(SeqIter::Bytes {
            seq: v.clone(),
            next: 0,
        }),
        Object::Range { start, stop, step } => iterator(SeqIter::Range {
            next: *start,
            stop: *stop,
            step: *step,
        }),
        Object::Dict(_) => dict_view::iter(vm, o, ViewKind::Keys, false),
        Object::DictView { dict, kind } => dict_view::iter(vm, dict, *kind, false),
        Object::Set(_) | Object::FrozenSet(_) => crate::builtins::set::iter(vm, o),
        Object::Iter(_) => v.clone(),
        Object::Generator(g) if g.kind == super::generator::GenKind::Generator => v.clone(),
        Object::Instance(i)
            if i.payload.is_some() && attr::lookup(vm, &i.class, "__iter__").is_none() =>
        {
            let p = i.payload.clone().expect("checked");
            return get_iter(vm, &p);
        }
        Object::Instance(_) | Object::Stream(_) | Object::Native(_) => return user_iter(vm, v),
        // A class whose metaclass may define __iter__ (enum classes).
        Object::Class(c) if c.metaclass.is_some() => return user_iter(vm, v),
        _ => return Err(not_iterable(vm, v)),
    })
}

/// `iter(v)` for an object of a Python class: its `__iter__`, whose result
/// must be an iterator, or else the old sequence protocol (`__getitem__`
/// from 0 until IndexError).
fn user_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let class = attr::class_of(vm, v);
    match attr::lookup(vm, &class, "__iter__") {
        // `__iter__ = None` declares the object not iterable.
        Some(Value::None) => Err(not_iterable(vm, v)),
        Some(_) => {
            let it = ops::call_dunder(vm, v, "__iter__", Vec::new())?.unwrap_or(Value::None);
            if !is_iterator(vm, &it) {
                return Err(Raise::type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    attr::type_name(vm, &it)
                )));
            }
            Ok(it)
        }
        None => match attr::lookup(vm, &class, "__getitem__") {
            Some(Value::None) | None => Err(not_iterable(vm, v)),
            Some(_) => Ok(iterator(SeqIter::GetItem {
                seq: Some(v.clone()),
                next: 0,
            })),
        },
    }
}

/// Does `v` have `__next__` (is it an iterator)?
pub fn is_iterator(vm: &Vm, v: &Value) -> bool {
    match v.as_object() {
        Some(Object::Iter(_) | Object::Generator(_)) => true,
        Some(Object::Instance(_) | Object::Stream(_) | Object::Native(_)) => {
            attr::lookup(vm, &attr::class_of(vm, v), "__next__").is_some()
        }
        _ => false,
    }
}

/// `reversed(seq)` by index for a sequence with `__len__` and `__getitem__`.
pub fn reversed_by_index(vm: &mut Vm, seq: &Value) -> PyResult<Value> {
    let len = crate::builtins::length(vm, seq)? as i64;
    Ok(iterator(SeqIter::Reversed {
        seq: seq.clone(),
        next: len - 1,
    }))
}

/// The sequence item `seq[i]`, or `None` when IndexError or StopIteration
/// says the sequence ended.
fn item_or_end(vm: &mut Vm, seq: &Value, i: i64) -> PyResult<Option<Value>> {
    match ops::getitem(vm, seq, &Value::Int(i)) {
        Ok(v) => Ok(Some(v)),
        Err(e)
            if super::exception::is_kind(vm, &e, ExcKind::IndexError)
                || super::exception::is_stop_iteration(vm, &e) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn not_iterable(vm: &Vm, v: &Value) -> Raise {
    Raise::type_error(format!(
        "'{}' object is not iterable",
        attr::type_name(vm, v)
    ))
}

/// The iterator's next item, or `None` when it is exhausted.
pub fn next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Value::Obj(o) = it else {
        return Err(not_iterator(vm, it));
    };
    match o.get() {
        Object::Iter(state) if is_lazy(state.get(&vm.gil)) => lazy_next(vm, state),
        Object::Iter(state) if matches!(state.get(&vm.gil), SeqIter::Set { .. }) => {
            crate::builtins::set::iter_next(vm, state)
        }
        Object::Iter(state) if matches!(state.get(&vm.gil), SeqIter::Dict { .. }) => {
            dict_view::iter_next(vm, state)
        }
        Object::Iter(state) => {
            // Read what is needed first: the list may be the one being iterated.
            let step = match state.get(&vm.gil) {
                SeqIter::List { list, next } => match list.get() {
                    Object::List(l) => l.get(&vm.gil).get(*next).cloned(),
                    _ => None,
                },
                SeqIter::Tuple { tuple, next } => match tuple.get() {
                    Object::Tuple(t) => t.get(*next).cloned(),
                    _ => None,
                },
                SeqIter::Range { next, stop, step } => {
                    let more = if *step > 0 { next < stop } else { next > stop };
                    more.then_some(Value::Int(*next))
                }
                SeqIter::Str { text, next } => match text.get() {
                    Object::Str(s) => s.text[*next..]
                        .chars()
                        .next()
                        .map(|c| PyStr::value(c.to_string())),
                    _ => None,
                },
                SeqIter::Values { items, next } => items.get(*next).cloned(),
                SeqIter::Bytes { seq, next } => crate::object::bytes::byte_at(&vm.gil, seq, *next),
                _ => unreachable!("lazy, set and dict iterators are handled above"),
            };
            match state.get_mut(&mut vm.gil) {
                SeqIter::List { next, .. }
                | SeqIter::Tuple { next, .. }
                | SeqIter::Values { next, .. }
                | SeqIter::Bytes { next, .. } => {
                    if step.is_some() {
                        *next += 1
                    }
                }
                SeqIter::Range { next, step: by, .. } => {
                    if step.is_some() {
                        // Past i64 the range is over anyway: stay at the end.
                        *next = next.saturating_add(*by)
                    }
                }
                SeqIter::Str { next, .. } => {
                    if let Some(Object::Str(s)) = step.as_ref().and_then(Value::as_object) {
                        *next += s.text.len();
                    }
                }
                _ => unreachable!("lazy, set and dict iterators are handled above"),
            }
            Ok(step)
        }
        Object::Generator(g) if g.kind == super::generator::GenKind::Generator => {
            match super::generator::resume(vm, g, super::generator::Resume::Send(Value::None))? {
                super::Step::Yielded(v) => Ok(Some(v)),
                super::Step::Returned(_) => Ok(None),
            }
        }
        Object::Instance(_) | Object::Stream(_) | Object::Native(_) => {
            match ops::call_dunder(vm, it, "__next__", Vec::new()) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => Err(not_iterator(vm, it)),
                Err(e) if super::exception::is_stop_iteration(vm, &e) => Ok(None),
                Err(e) => Err(e),
            }
        }
        _ => Err(not_iterator(vm, it)),
    }
}

/// A frame running `it.__next__()` when `it` is an instance whose class
/// defines `__next__` in Python, for the loop to push (None: use `next`).
pub fn next_frame(vm: &mut Vm, it: &Value) -> PyResult<Option<super::Frame>> {
    let Some(Object::Instance(i)) = it.as_object() else {
        return Ok(None);
    };
    let Some(method) = attr::lookup(vm, &i.class, "__next__") else {
        return Ok(None);
    };
    match method.as_object() {
        Some(Object::Function(f)) if !f.code.generator => {
            super::call::bind(vm, f, vec![it.clone()], Vec::new()).map(Some)
        }
        _ => Ok(None),
    }
}

fn is_lazy(state: &SeqIter) -> bool {
    matches!(
        state,
        SeqIter::Map { .. }
            | SeqIter::Filter { .. }
            | SeqIter::Call { .. }
            | SeqIter::Zip { .. }
            | SeqIter::Enumerate { .. }
            | SeqIter::GetItem { .. }
            | SeqIter::Reversed { .. }
    )
}

/// The next item of `map`, `filter`, `zip` or `enumerate`: the inner
/// iterators advance only now, so infinite ones work as in CPython.
fn lazy_next(vm: &mut Vm, state: &GilCell<SeqIter>) -> PyResult<Option<Value>> {
    match state.get(&vm.gil) {
        SeqIter::Map { func, iters } => {
            let (func, iters) = (func.clone(), iters.clone());
            let mut args = Vec::with_capacity(iters.len());
            for it in &iters {
                match next(vm, it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            super::call::call(vm, &func, args, Vec::new()).map(Some)
        }
        SeqIter::Filter { func, iter } => {
            let (func, iter) = (func.clone(), iter.clone());
            while let Some(item) = next(vm, &iter)? {
                let keep = match &func {
                    Value::None => ops::truthy(vm, &item)?,
                    f => {
                        let r = super::call::call(vm, f, vec![item.clone()], Vec::new())?;
                        ops::truthy(vm, &r)?
                    }
                };
                if keep {
                    return Ok(Some(item));
                }
            }
            Ok(None)
        }
        SeqIter::Call { func, sentinel } => {
            let (Some(func), sentinel) = (func.clone(), sentinel.clone()) else {
                return Ok(None);
            };
            let v = super::call::call(vm, &func, Vec::new(), Vec::new())?;
            if !ops::eq(vm, &v, &sentinel)? {
                return Ok(Some(v));
            }
            if let SeqIter::Call { func, .. } = state.get_mut(&mut vm.gil) {
                *func = None;
            }
            Ok(None)
        }
        SeqIter::Zip { iters } => {
            let iters = iters.clone();
            if iters.is_empty() {
                return Ok(None);
            }
            let mut row = Vec::with_capacity(iters.len());
            for it in &iters {
                match next(vm, it)? {
                    Some(v) => row.push(v),
                    None => return Ok(None),
                }
            }
            Ok(Some(Value::obj(Object::Tuple(row.into()))))
        }
        SeqIter::Enumerate { iter, count } => {
            let (iter, count) = (iter.clone(), *count);
            let Some(item) = next(vm, &iter)? else {
                return Ok(None);
            };
            if let SeqIter::Enumerate { count, .. } = state.get_mut(&mut vm.gil) {
                *count += 1;
            }
            Ok(Some(Value::obj(Object::Tuple(
                vec![Value::Int(count), item].into(),
            ))))
        }
        SeqIter::GetItem { seq, next } => {
            let (Some(seq), i) = (seq.clone(), *next) else {
                return Ok(None);
            };
            let item = item_or_end(vm, &seq, i)?;
            if let SeqIter::GetItem { seq, next } = state.get_mut(&mut vm.gil) {
                match item {
                    Some(_) => *next += 1,
                    None => *seq = None,
                }
            }
            Ok(item)
        }
        SeqIter::Reversed { seq, next } => {
            let (seq, i) = (seq.clone(), *next);
            if i < 0 {
                return Ok(None);
            }
            let item = item_or_end(vm, &seq, i)?;
            if let SeqIter::Reversed { next, .. } = state.get_mut(&mut vm.gil) {
                *next = if item.is_some() { i - 1 } else { -1 };
            }
            Ok(item)
        }
        _ => unreachable!("only lazy iterators come here"),
    }
}

/// A lazy iterator object.
pub fn lazy(state: SeqIter) -> Value {
    iterator(state)
}

fn not_iterator(vm: &Vm, v: &Value) -> Raise {
    Raise::type_error(format!(
        "'{}' object is not an iterator",
        attr::type_name(vm, v)
    ))
}

/// All the items of an iterable.
pub fn collect(vm: &mut Vm, iterable: &Value) -> PyResult<Vec<Value>> {
    match iterable.as_object() {
        Some(Object::List(l)) => return Ok(l.get(&vm.gil).clone()),
        Some(Object::Tuple(t)) => return Ok(t.to_vec()),
        _ => {}
    }
    let it = get_iter(vm, iterable)?;
    let mut out = Vec::new();
    while let Some(v) = next(vm, &it)? {
        out.push(v);
    }
    Ok(out)
}

/// UNPACK_SEQUENCE / UNPACK_EX: exactly `before` items, or `before` items, a
/// starred list and `after` items.
pub fn unpack(
    vm: &mut Vm,
    seq: &Value,
    before: usize,
    after: Option<usize>,
) -> PyResult<Vec<Value>> {
    let items = collect(vm, seq).map_err(|e| match e {
        Raise::New(ExcKind::TypeError, msg) if msg.ends_with("is not iterable") => {
            Raise::type_error(format!(
                "cannot unpack non-iterable {} object",
                attr::type_name(vm, seq)
            ))
        }
        other => other,
    })?;
    match after {
        None => {
            if items.len() < before {
                return Err(Raise::value_error(format!(
                    "not enough values to unpack (expected {before}, got {})",
                    items.len()
                )));
            }
            if items.len() > before {
                return Err(Raise::value_error(format!(
                    "too many values to unpack (expected {before})"
                )));
            }
            Ok(items)
        }
        Some(after) => {
            if items.len() < before + after {
                return Err(Raise::value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    items.len()
                )));
            }
            let mut items = items;
            let tail = items.split_off(items.len() - after);
            let middle = items.split_off(before);
            items.push(Value::obj(Object::List(GilCell::new(middle))));
            items.extend(tail);
            Ok(items)
        }
    }
}
