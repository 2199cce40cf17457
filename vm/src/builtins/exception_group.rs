//! BaseExceptionGroup and ExceptionGroup (PEP 654, CPython 3.11): the
//! constructor's checks, `message`, `exceptions`, `derive`, `split` and
//! `subgroup`, and the two steps of `except*` that the evaluation loop runs:
//! CHECK_EG_MATCH (split off what one clause handles) and PREP_RERAISE_STAR
//! (put together what the clauses raised and left over).
//!
//! `message` and `exceptions` (a tuple) are kept in the instance's
//! `__dict__`; `args` is `(message, the sequence given)`, so the repr shows
//! the list a program passed, as CPython's does.

use crate::eval::{attr, call, exception, ops};
use crate::exc::{PyResult, Raise};
use crate::gil::{Gil, GilCell};
use crate::interp::{new_class, Vm};
use crate::object::{Builtin, Instance, Object, PyStr};
use crate::value::{Obj, Value};
use std::collections::HashMap;

use super::exception_attrs::{store, stored};

type Kw = [(Box<str>, Value)];

/// Add BaseExceptionGroup and ExceptionGroup (which is also an Exception).
pub fn make_classes(classes: &mut HashMap<&'static str, Obj>, gil: &mut Gil) {
    let base = new_class(
        "BaseExceptionGroup",
        &[classes["BaseException"].clone()],
        None,
        gil,
    )
    .expect("one base");
    let group = new_class(
        "ExceptionGroup",
        &[base.clone(), classes["Exception"].clone()],
        None,
        gil,
    )
    .expect("a consistent MRO");
    for class in [&base, &group] {
        if let Object::Class(c) = class.get() {
            let d = c.dict.get_mut(gil);
            d.insert_str("__module__", PyStr::value("builtins"));
            if class.is(&base) {
                d.insert_str("__new__", Builtin::function("__new__", group_new));
                d.insert_str("__init__", Builtin::method("__init__", group_init));
                d.insert_str("__str__", Builtin::method("__str__", group_str));
                d.insert_str("derive", Builtin::method("derive", derive));
                d.insert_str("split", Builtin::method("split", split));
                d.insert_str("subgroup", Builtin::method("subgroup", subgroup));
            }
        }
    }
    classes.insert("BaseExceptionGroup", base);
    classes.insert("ExceptionGroup", group);
}

fn class(vm: &Vm, name: &str) -> Obj {
    vm.interp.exceptions[name].clone()
}

/// The members of `exc` when it is an exception group.
pub fn members(vm: &Vm, exc: &Value) -> Option<Vec<Value>> {
    let Some(Object::Instance(i)) = exc.as_object() else {
        return None;
    };
    if !attr::is_subclass(vm, &i.class, &class(vm, "BaseExceptionGroup")) {
        return None;
    }
    match stored(vm, exc, "exceptions")
        .as_ref()
        .and_then(Value::as_object)
    {
        Some(Object::Tuple(t)) => Some(t.to_vec()),
        _ => Some(Vec::new()),
    }
}

fn is_instance_of(vm: &Vm, v: &Value, name: &str) -> bool {
    let c = attr::class_of(vm, v);
    attr::is_subclass(vm, &c, &class(vm, name))
}

/// What `PySequence_Check` accepts: no sets, dicts or iterators.
fn is_sequence(vm: &Vm, v: &Value) -> bool {
    match v.as_object() {
        Some(Object::List(_) | Object::Tuple(_) | Object::Str(_)) => true,
        Some(Object::Range { .. }) => true,
        Some(Object::Instance(i)) => {
            !matches!(
                i.payload.as_ref().and_then(Value::as_object),
                Some(Object::Dict(_))
            ) && attr::lookup(vm, &i.class, "__getitem__").is_some()
        }
        _ => matches!(v.as_object(), Some(Object::Bytes(_) | Object::ByteArray(_))),
    }
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
fn group_new(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let Some((Value::Obj(cls), rest)) = args.split_first() else {
        return Err(Raise::type_error(
            "BaseExceptionGroup.__new__(): not enough arguments",
        ));
    };
    let cls_name = match cls.get() {
        Object::Class(c) => c.name.to_string(),
        _ => String::new(),
    };
    if !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "{cls_name}() takes no keyword arguments"
        )));
    }
    let [message, excs] = rest else {
        return Err(Raise::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            rest.len()
        )));
    };
    if !matches!(message.as_object(), Some(Object::Str(_))) {
        return Err(Raise::type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            attr::type_name(vm, message)
        )));
    }
    if !is_sequence(vm, excs) {
        return Err(Raise::type_error(
            "second argument (exceptions) must be a sequence",
        ));
    }
    let items = vm.collect(excs)?;
    if items.is_empty() {
        return Err(Raise::value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let mut nested_base = false;
    for (i, e) in items.iter().enumerate() {
        let is_exc = matches!(e.as_object(), Some(Object::Instance(inst))
            if exception::is_exception_class(vm, &inst.class));
        if !is_exc {
            return Err(Raise::value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        nested_base |= !is_instance_of(vm, e, "Exception");
    }
    let base = class(vm, "BaseExceptionGroup");
    let group = class(vm, "ExceptionGroup");
    let mut cls = cls.clone();
    if cls.is(&base) {
        if !nested_base {
            cls = group;
        }
    } else if cls.is(&group) {
        if nested_base {
            return Err(Raise::type_error(
                "Cannot nest BaseExceptions in an ExceptionGroup",
            ));
        }
    } else if nested_base && attr::is_subclass(vm, &cls, &class(vm, "Exception")) {
        return Err(Raise::type_error(format!(
            "Cannot nest BaseExceptions in '{cls_name}'"
        )));
    }
    let exc = Value::obj(Object::Instance(Instance::new(cls, None)));
    exception::init_args(vm, &exc, rest);
    store(vm, &exc, "message", message.clone());
    store(
        vm,
        &exc,
        "exceptions",
        Value::obj(Object::Tuple(items.into())),
    );
    Ok(exc)
}

/// `BaseExceptionGroup.__init__(self, *args)`: BaseException's, no keywords.
fn group_init(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let Some((exc, rest)) = args.split_first() else {
        return Ok(Value::None);
    };
    if !kwargs.is_empty() {
        return Err(Raise::type_error(format!(
            "{}() takes no keyword arguments",
            attr::type_name(vm, exc)
        )));
    }
    exception::init_args(vm, exc, rest);
    Ok(Value::None)
}

/// `str(eg)`: `message (n sub-exceptions)`.
fn group_str(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let exc = args.first().cloned().unwrap_or(Value::None);
    let message = match stored(vm, &exc, "message") {
        Some(m) => ops::str_of(vm, &m)?,
        None => String::new(),
    };
    let n = members(vm, &exc).map_or(0, |m| m.len());
    let s = if n > 1 { "s" } else { "" };
    Ok(PyStr::value(format!("{message} ({n} sub-exception{s})")))
}

/// `eg.derive(excs)`: a group with the same message and these members.
fn derive(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let [exc, excs] = args else {
        return Err(Raise::type_error(format!(
            "Function takes exactly 1 argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    let message = stored(vm, exc, "message").unwrap_or_else(|| PyStr::value(""));
    let base = Value::Obj(class(vm, "BaseExceptionGroup"));
    call::call(vm, &base, vec![message, excs.clone()], Vec::new())
}

/// What `split` and `subgroup` select by.
enum Matcher {
    /// An exception class or a tuple of them: `isinstance`.
    Type(Value),
    /// A callable: its truth.
    Predicate(Value),
    /// These leaf exceptions, by identity (PREP_RERAISE_STAR's projection).
    Leaves(Vec<Value>),
}

fn matcher(vm: &mut Vm, v: &Value) -> PyResult<Matcher> {
    let is_exc_class = |vm: &Vm, v: &Value| match v {
        Value::Obj(c) if matches!(c.get(), Object::Class(_)) => {
            exception::is_exception_class(vm, c)
        }
        _ => false,
    };
    if is_exc_class(vm, v) {
        return Ok(Matcher::Type(v.clone()));
    }
    if let Some(Object::Tuple(t)) = v.as_object() {
        if t.iter().all(|c| is_exc_class(vm, c)) {
            return Ok(Matcher::Type(v.clone()));
        }
    } else if !matches!(v.as_object(), Some(Object::Class(_))) && super::is_callable(vm, v)? {
        return Ok(Matcher::Predicate(v.clone()));
    }
    Err(Raise::type_error(
        "expected a function, exception type or tuple of exception types",
    ))
}

fn is_match(vm: &mut Vm, exc: &Value, m: &Matcher) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => exception::matches(vm, exc, t),
        Matcher::Predicate(f) => {
            let r = call::call(vm, f, vec![exc.clone()], Vec::new())?;
            ops::truthy(vm, &r)
        }
        Matcher::Leaves(leaves) => {
            Ok(members(vm, exc).is_none() && leaves.iter().any(|l| ops::is(l, exc)))
        }
    }
}

/// Split `exc` into what `m` selects and (if `with_rest`) the rest; a part
/// that is empty is None. Nested groups are rebuilt with `derive`, keeping
/// the original's traceback, cause, context and a copy of its notes.
fn split_recursive(
    vm: &mut Vm,
    exc: &Value,
    m: &Matcher,
    with_rest: bool,
) -> PyResult<(Value, Value)> {
    if is_match(vm, exc, m)? {
        return Ok((exc.clone(), Value::None));
    }
    let Some(items) = members(vm, exc) else {
        let rest = if with_rest { exc.clone() } else { Value::None };
        return Ok((Value::None, rest));
    };
    let (mut matched, mut rest) = (Vec::new(), Vec::new());
    for item in &items {
        let (a, b) = split_recursive(vm, item, m, with_rest)?;
        if !matches!(a, Value::None) {
            matched.push(a);
        }
        if !matches!(b, Value::None) {
            rest.push(b);
        }
    }
    let matched = derive_part(vm, exc, matched)?;
    let rest = if with_rest {
        derive_part(vm, exc, rest)?
    } else {
        Value::None
    };
    Ok((matched, rest))
}

fn derive_part(vm: &mut Vm, orig: &Value, items: Vec<Value>) -> PyResult<Value> {
    if items.is_empty() {
        return Ok(Value::None);
    }
    let list = Value::obj(Object::List(GilCell::new(items)));
    let derive = attr::get(vm, orig, "derive")?;
    let part = call::call(vm, &derive, vec![list], Vec::new())?;
    if members(vm, &part).is_none() {
        return Err(Raise::type_error(
            "derive must return an instance of BaseExceptionGroup",
        ));
    }
    for key in ["__traceback__", "__cause__", "__context__"] {
        let v = stored(vm, orig, key).unwrap_or(Value::None);
        store(vm, &part, key, v);
    }
    // CPython sets the cause through PyException_SetCause, which also
    // suppresses the context when the parts are printed.
    store(vm, &part, "__suppress_context__", Value::Bool(true));
    if let Some(notes) = stored(vm, orig, "__notes__") {
        if is_sequence(vm, &notes) {
            let copy = vm.collect(&notes)?;
            let copy = Value::obj(Object::List(GilCell::new(copy)));
            attr::set(vm, &part, "__notes__", copy)?;
        }
    }
    Ok(part)
}

fn receiver_and_matcher<'a>(
    vm: &mut Vm,
    args: &'a [Value],
    what: &str,
) -> PyResult<(&'a Value, Matcher)> {
    let [exc, m] = args else {
        return Err(Raise::type_error(format!(
            "{what} expected 1 argument, got {}",
            args.len().saturating_sub(1)
        )));
    };
    Ok((exc, matcher(vm, m)?))
}

/// `eg.split(condition)`: `(match, rest)`.
fn split(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let (exc, m) = receiver_and_matcher(vm, args, "split")?;
    let (a, b) = split_recursive(vm, exc, &m, true)?;
    Ok(Value::obj(Object::Tuple(vec![a, b].into())))
}

/// `eg.subgroup(condition)`: the matching part, or None.
fn subgroup(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let (exc, m) = receiver_and_matcher(vm, args, "subgroup")?;
    Ok(split_recursive(vm, exc, &m, false)?.0)
}

/// CHECK_EG_MATCH's check of an `except*` clause's class: what `except`
/// accepts, but never an exception group class.
fn check_star_type(vm: &mut Vm, match_type: &Value) -> PyResult<()> {
    // The same TypeError as `except` for a non-exception (matching None
    // checks the type and never matches).
    exception::matches(vm, &Value::None, match_type)?;
    let base = class(vm, "BaseExceptionGroup");
    let classes = match match_type.as_object() {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => vec![match_type.clone()],
    };
    for c in classes {
        if let Value::Obj(c) = c {
            if attr::is_subclass(vm, &c, &base) {
                return Err(Raise::type_error(
                    "catching ExceptionGroup with except* is not allowed. Use except instead.",
                ));
            }
        }
    }
    Ok(())
}

/// CHECK_EG_MATCH: `Some((rest, match))` when the clause for `match_type`
/// handles some of `exc` (a plain exception is wrapped in a group with an
/// empty message), `None` when it handles nothing.
pub fn check_eg_match(
    vm: &mut Vm,
    exc: &Value,
    match_type: &Value,
) -> PyResult<Option<(Value, Value)>> {
    check_star_type(vm, match_type)?;
    if matches!(exc, Value::None) {
        return Ok(None);
    }
    if exception::matches(vm, exc, match_type)? {
        if members(vm, exc).is_some() {
            return Ok(Some((Value::None, exc.clone())));
        }
        let items = Value::obj(Object::Tuple(vec![exc.clone()].into()));
        let group = Value::Obj(class(vm, "BaseExceptionGroup"));
        let wrapped = call::call(vm, &group, vec![PyStr::value(""), items], Vec::new())?;
        return Ok(Some((Value::None, wrapped)));
    }
    if members(vm, exc).is_some() {
        let m = Matcher::Type(match_type.clone());
        let (matched, rest) = split_recursive(vm, exc, &m, true)?;
        if matches!(matched, Value::None) {
            return Ok(None);
        }
        return Ok(Some((rest, matched)));
    }
    Ok(None)
}

/// Do `a` and `b` share traceback, cause and context (is `a` a part of `b`
/// re-raised as it was)?
fn same_metadata(vm: &Vm, a: &Value, b: &Value) -> bool {
    ["__traceback__", "__cause__", "__context__"]
        .iter()
        .all(|k| {
            let x = stored(vm, a, k).unwrap_or(Value::None);
            let y = stored(vm, b, k).unwrap_or(Value::None);
            ops::is(&x, &y)
        })
}

fn leaves(vm: &Vm, exc: &Value, out: &mut Vec<Value>) {
    match members(vm, exc) {
        Some(items) => items.iter().for_each(|e| leaves(vm, e, out)),
        None => out.push(exc.clone()),
    }
}

/// PREP_RERAISE_STAR: what a `try`/`except*` raises after its clauses ran,
/// given the original exception and the list of what each clause raised
/// (and, last, the unhandled rest). Parts re-raised unchanged are put back
/// in the original's shape; anything newly raised joins them in a group
/// with an empty message. None when nothing is left to raise.
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, raised: &[Value]) -> PyResult<Value> {
    let raised: Vec<Value> = raised
        .iter()
        .filter(|e| !matches!(e, Value::None))
        .cloned()
        .collect();
    if members(vm, orig).is_none() {
        // A plain exception was wrapped: one clause at most ran.
        return Ok(raised.into_iter().next().unwrap_or(Value::None));
    }
    let (reraised, mut new): (Vec<Value>, Vec<Value>) =
        raised.into_iter().partition(|e| same_metadata(vm, e, orig));
    let mut keep = Vec::new();
    reraised.iter().for_each(|e| leaves(vm, e, &mut keep));
    let reraised_group = if keep.is_empty() {
        Value::None
    } else {
        split_recursive(vm, orig, &Matcher::Leaves(keep), false)?.0
    };
    if new.is_empty() {
        return Ok(reraised_group);
    }
    if !matches!(reraised_group, Value::None) {
        new.push(reraised_group);
    }
    if new.len() == 1 {
        return Ok(new.pop().expect("one item"));
    }
    let group = Value::Obj(class(vm, "BaseExceptionGroup"));
    let list = Value::obj(Object::List(GilCell::new(new)));
    call::call(vm, &group, vec![PyStr::value(""), list], Vec::new())
}
