//! The `bisect` module (CPython's `_bisect`, which `bisect` re-exports):
//! binary search in a sorted sequence, and insertion keeping it sorted.
//! Items are compared with `<` through the full rich comparison, so tuples
//! and objects with `__lt__` work; `key` applies to the sequence's items.

use crate::args::{self, Kw};
use gilt_parser::ast::CmpOp;
use gilt_vm::builtins::{self, import};
use gilt_vm::eval::{attr, call, ops};
use gilt_vm::exc::{PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::{NativeFn, Object};
use gilt_vm::value::Value;

/// Fill the `bisect` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("bisect_left", bisect_left),
        ("bisect_right", bisect_right),
        ("bisect", bisect_right),
        ("insort_left", insort_left),
        ("insort_right", insort_right),
        ("insort", insort_right),
    ];
    import::add_functions(vm, module, functions);
    Ok(())
}

/// The parsed arguments: the sequence, the value, the bounds and the key.
struct Search {
    a: Value,
    x: Value,
    lo: usize,
    hi: usize,
    key: Option<Value>,
}

fn parse(vm: &mut Vm, func: &str, args: &[Value], kwargs: &Kw) -> PyResult<Search> {
    if args.len() > 4 {
        return Err(Raise::type_error(format!(
            "{func}() takes at most 4 positional arguments ({} given)",
            args.len()
        )));
    }
    if let Some((k, _)) = kwargs
        .iter()
        .find(|(k, _)| !["a", "x", "lo", "hi", "key"].contains(&&**k))
    {
        return Err(Raise::type_error(format!(
            "'{k}' is an invalid keyword argument for {func}()"
        )));
    }
    let [a, x, lo, hi, key] = args::parse(func, ["a", "x", "lo", "hi", "key"], 2, args, kwargs)?;
    let (a, x) = (a.unwrap_or(Value::None), x.unwrap_or(Value::None));
    let lo = match lo {
        Some(v) => {
            let i = ops::index(vm, &v)?;
            args::int(vm, &i)?
        }
        None => 0,
    };
    if lo < 0 {
        return Err(Raise::value_error("lo must be non-negative"));
    }
    let hi = match hi {
        None | Some(Value::None) => builtins::length(vm, &a)? as i64,
        Some(v) => match v.builtin_view() {
            Value::Int(_) | Value::Bool(_) => args::int(vm, &v)?,
            Value::Obj(o) if matches!(o.get(), Object::BigInt(_)) => args::int(vm, &v)?,
            _ => {
                return Err(Raise::type_error(format!(
                    "argument should be integer or None, not '{}'",
                    attr::type_name(vm, &v)
                )))
            }
        },
    };
    let key = key.filter(|k| !matches!(k, Value::None));
    Ok(Search {
        a,
        x,
        lo: lo as usize,
        hi: hi.max(0) as usize,
        key,
    })
}

/// `a < b` by the rich comparison, as a bool.
pub fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let r = ops::compare(vm, CmpOp::Lt, a, b)?;
    match r {
        Value::Bool(b) => Ok(b),
        _ => ops::truthy(vm, &r),
    }
}

/// Where `s.x` goes: before equal items (`left`) or after them.
fn search(vm: &mut Vm, s: &Search, x: &Value, left: bool) -> PyResult<usize> {
    let (mut lo, mut hi) = (s.lo, s.hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut item = ops::getitem(vm, &s.a, &Value::Int(mid as i64))?;
        if let Some(key) = &s.key {
            item = call::call(vm, key, vec![item], Vec::new())?;
        }
        let go_right = if left {
            less(vm, &item, x)?
        } else {
            !less(vm, x, &item)?
        };
        if go_right {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect_left(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = parse(vm, "bisect_left", args, kwargs)?;
    Ok(Value::Int(search(vm, &s, &s.x, true)? as i64))
}

fn bisect_right(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let s = parse(vm, "bisect_right", args, kwargs)?;
    Ok(Value::Int(search(vm, &s, &s.x, false)? as i64))
}

fn insort(vm: &mut Vm, func: &str, args: &[Value], kwargs: &Kw, left: bool) -> PyResult<Value> {
    let s = parse(vm, func, args, kwargs)?;
    let probe = match &s.key {
        Some(key) => call::call(vm, key, vec![s.x.clone()], Vec::new())?,
        None => s.x.clone(),
    };
    let i = search(vm, &s, &probe, left)?;
    if let Some(Object::List(list)) = s.a.as_object() {
        let items = list.get_mut(&mut vm.gil);
        let at = i.min(items.len());
        items.insert(at, s.x.clone());
        return Ok(Value::None);
    }
    let insert = attr::get(vm, &s.a, "insert")?;
    call::call(
        vm,
        &insert,
        vec![Value::Int(i as i64), s.x.clone()],
        Vec::new(),
    )?;
    Ok(Value::None)
}

fn insort_left(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    insort(vm, "insort_left", args, kwargs, true)
}

fn insort_right(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    insort(vm, "insort_right", args, kwargs, false)
}
