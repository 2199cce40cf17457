//! The classes of builtin iterators, named as CPython names them
//! (`list_iterator`, `map`, `dict_keyiterator`, ...), which iterator state
//! belongs to which, and the methods they share (`__iter__`, `__next__`).
//! `map`, `filter`, `zip`, `enumerate` and `reversed` are these classes
//! too: calling one makes the iterator (see `builtins::construct`).

use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{BuiltinType, NativeFn, Object, SeqIter, ViewKind};
use crate::value::Value;

type Kwargs = [(Box<str>, Value)];

/// Every iterator class and its `__name__`.
pub const CLASSES: &[(BuiltinType, &str)] = &[
    (BuiltinType::Iterator, "iterator"),
    (BuiltinType::ListIterator, "list_iterator"),
    (BuiltinType::ListReverseIterator, "list_reverseiterator"),
    (BuiltinType::TupleIterator, "tuple_iterator"),
    (BuiltinType::RangeIterator, "range_iterator"),
    (BuiltinType::StrIterator, "str_iterator"),
    (BuiltinType::StrAsciiIterator, "str_ascii_iterator"),
    (BuiltinType::BytesIterator, "bytes_iterator"),
    (BuiltinType::ByteArrayIterator, "bytearray_iterator"),
    (BuiltinType::SetIterator, "set_iterator"),
    (BuiltinType::DictKeyIterator, "dict_keyiterator"),
    (BuiltinType::DictValueIterator, "dict_valueiterator"),
    (BuiltinType::DictItemIterator, "dict_itemiterator"),
    (
        BuiltinType::DictReverseKeyIterator,
        "dict_reversekeyiterator",
    ),
    (
        BuiltinType::DictReverseValueIterator,
        "dict_reversevalueiterator",
    ),
    (
        BuiltinType::DictReverseItemIterator,
        "dict_reverseitemiterator",
    ),
    (BuiltinType::CallableIterator, "callable_iterator"),
    (BuiltinType::Map, "map"),
    (BuiltinType::Filter, "filter"),
    (BuiltinType::Zip, "zip"),
    (BuiltinType::Enumerate, "enumerate"),
    (BuiltinType::Reversed, "reversed"),
];

/// Is `t` one of the iterator classes?
pub fn is_iterator_type(t: BuiltinType) -> bool {
    CLASSES.iter().any(|(c, _)| *c == t)
}

/// The class of an iterator in state `state`.
pub fn type_of(state: &SeqIter) -> BuiltinType {
    match state {
        SeqIter::List { .. } => BuiltinType::ListIterator,
        SeqIter::Tuple { .. } => BuiltinType::TupleIterator,
        SeqIter::Range { .. } => BuiltinType::RangeIterator,
        SeqIter::Str { text, .. } => match text.get() {
            Object::Str(s) if s.is_ascii() => BuiltinType::StrAsciiIterator,
            _ => BuiltinType::StrIterator,
        },
        SeqIter::Bytes { seq, .. } => match seq.as_object() {
            Some(Object::ByteArray(_)) => BuiltinType::ByteArrayIterator,
            _ => BuiltinType::BytesIterator,
        },
        SeqIter::Values { .. } | SeqIter::GetItem { .. } => BuiltinType::Iterator,
        SeqIter::Reversed { seq, .. } => match seq.as_object() {
            Some(Object::List(_)) => BuiltinType::ListReverseIterator,
            _ => BuiltinType::Reversed,
        },
        SeqIter::Map { .. } => BuiltinType::Map,
        SeqIter::Filter { .. } => BuiltinType::Filter,
        SeqIter::Call { .. } => BuiltinType::CallableIterator,
        SeqIter::Zip { .. } => BuiltinType::Zip,
        SeqIter::Enumerate { .. } => BuiltinType::Enumerate,
        SeqIter::Set { .. } => BuiltinType::SetIterator,
        SeqIter::Dict { kind, reverse, .. } => match (kind, reverse) {
            (ViewKind::Keys, false) => BuiltinType::DictKeyIterator,
            (ViewKind::Values, false) => BuiltinType::DictValueIterator,
            (ViewKind::Items, false) => BuiltinType::DictItemIterator,
            (ViewKind::Keys, true) => BuiltinType::DictReverseKeyIterator,
            (ViewKind::Values, true) => BuiltinType::DictReverseValueIterator,
            (ViewKind::Items, true) => BuiltinType::DictReverseItemIterator,
        },
    }
}

/// `__iter__` and `__next__`, shared by every iterator class.
pub const METHODS: &[(&str, NativeFn)] = &[("__iter__", iter_self), ("__next__", next)];

fn check(vm: &Vm, method: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    match args.first() {
        Some(v @ Value::Obj(o)) if matches!(o.get(), Object::Iter(_)) => {
            if args.len() > 1 || !kwargs.is_empty() {
                return Err(Raise::type_error(format!(
                    "expected 0 arguments, got {}",
                    args.len() - 1 + kwargs.len()
                )));
            }
            Ok(v.clone())
        }
        _ => Err(crate::eval::attr::wrong_receiver(
            vm, method, "iterator", args,
        )),
    }
}

fn iter_self(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    check(vm, "__iter__", args, kwargs)
}

fn next(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let it = check(vm, "__next__", args, kwargs)?;
    match crate::eval::iter::next(vm, &it)? {
        Some(v) => Ok(v),
        None => Err(Raise::Bare(ExcKind::StopIteration)),
    }
}
