//! Operators on values: arithmetic, comparison, truth, containment,
//! subscripts, `repr`/`str`, and formatting. Builtin types are handled here
//! directly; instances of Python classes through their dunder methods.

use super::{attr, call, iter};
use crate::bytecode::Op;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{self, bytes, complex, int, Dict, Object, PyStr};
use crate::value::Value;
use gilt_parser::ast::{CmpOp, Operator};

fn operator_symbol(op: Operator) -> &'static str {
    match op {
        Operator::Add => "+",
        Operator::Sub => "-",
        Operator::Mult => "*",
        Operator::MatMult => "@",
        Operator::Div => "/",
        Operator::Mod => "%",
        Operator::Pow => "**",
        Operator::LShift => "<<",
        Operator::RShift => ">>",
        Operator::BitOr => "|",
        Operator::BitXor => "^",
        Operator::BitAnd => "&",
        Operator::FloorDiv => "//",
    }
}

fn dunder(op: Operator) -> (&'static str, &'static str, &'static str) {
    match op {
        Operator::Add => ("__add__", "__radd__", "__iadd__"),
        Operator::Sub => ("__sub__", "__rsub__", "__isub__"),
        Operator::Mult => ("__mul__", "__rmul__", "__imul__"),
        Operator::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
        Operator::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        Operator::Mod => ("__mod__", "__rmod__", "__imod__"),
        Operator::Pow => ("__pow__", "__rpow__", "__ipow__"),
        Operator::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        Operator::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        Operator::BitOr => ("__or__", "__ror__", "__ior__"),
        Operator::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        Operator::BitAnd => ("__and__", "__rand__", "__iand__"),
        Operator::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    }
}

/// The payload of an instance of a subclass of a builtin type.
fn payload(v: &Value) -> Option<&Value> {
    match v.as_object() {
        Some(Object::Instance(i)) => i.payload.as_ref(),
        _ => None,
    }
}

fn is_instance(v: &Value) -> bool {
    matches!(v.as_object(), Some(Object::Instance(_)))
}

/// Call `name` on `obj`'s class if it defines it; `None` when it does not.
pub fn call_dunder(
    vm: &mut Vm,
    obj: &Value,
    name: &str,
    args: Vec<Value>,
) -> PyResult<Option<Value>> {
    let class = attr::class_of(vm, obj);
    let Some(f) = attr::lookup(vm, &class, name) else {
        return Ok(None);
    };
    if crate::builtins::object_type::is_object_default(&f) {
        return Ok(None);
    }
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(obj.clone());
    full.extend(args);
    let result = call::call(vm, &f, full, Vec::new())?;
    Ok(Some(result))
}

fn is_not_implemented(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Obj(o) => match crate::builtins::not_implemented(vm) {
            Value::Obj(n) => o.is(&n),
            _ => false,
        },
        _ => false,
    }
}

/// BINARY_OP.
pub fn binary(vm: &mut Vm, arg: u32, a: &Value, b: &Value) -> PyResult<Value> {
    let op = crate::compile::codegen::binary_operator(arg);
    let inplace = arg >= 13;
    if let Some(v) = int::fast_binary_op(op, a, b) {
        return Ok(v);
    }
    if let Some(r) = int::binary_op(op, a, b) {
        return r;
    }
    if let Some(v) = crate::builtins::set::binary(vm, op, inplace, a, b)? {
        return Ok(v);
    }
    if let Some(r) = complex::binary_op(op, a, b) {
        return r;
    }
    if let Some(v) = builtin_binary(vm, op, inplace, a, b)? {
        return Ok(v);
    }
    let (name, rname, iname) = dunder(op);
    if inplace && is_instance(a) {
        if let Some(v) = call_dunder(vm, a, iname, vec![b.clone()])? {
            if !is_not_implemented(vm, &v) {
                return Ok(v);
            }
        }
    }
    if is_instance(a) {
        if let Some(v) = call_dunder(vm, a, name, vec![b.clone()])? {
            if !is_not_implemented(vm, &v) {
                return Ok(v);
            }
        }
    }
    if is_instance(b) {
        if let Some(v) = call_dunder(vm, b, rname, vec![a.clone()])? {
            if !is_not_implemented(vm, &v) {
                return Ok(v);
            }
        }
    }
    if payload(a).is_some() || payload(b).is_some() {
        let arg = if inplace { arg - 13 } else { arg };
        return binary(vm, arg, a.builtin_view(), b.builtin_view());
    }
    let symbol = if inplace {
        format!("{}=", operator_symbol(op))
    } else {
        operator_symbol(op).to_string()
    };
    if let Some(e) = sequence_operand_error(vm, op, a, b) {
        return Err(e);
    }
    Err(Raise::type_error(format!(
        "unsupported operand type(s) for {symbol}: '{}' and '{}'",
        attr::type_name(vm, a),
        attr::type_name(vm, b)
    )))
}

/// CPython's own wording when `+` or `*` meets a sequence it cannot combine
/// with the other operand.
fn sequence_operand_error(vm: &Vm, op: Operator, a: &Value, b: &Value) -> Option<Raise> {
    let is_sequence = |v: &Value| {
        matches!(
            v.as_object(),
            Some(
                Object::Str(_)
                    | Object::List(_)
                    | Object::Tuple(_)
                    | Object::Bytes(_)
                    | Object::ByteArray(_)
            )
        )
    };
    let (ta, tb) = (attr::type_name(vm, a), attr::type_name(vm, b));
    let msg = match (op, a.as_object()?) {
        (Operator::Add, Object::Str(_) | Object::List(_) | Object::Tuple(_)) => {
            format!("can only concatenate {ta} (not \"{tb}\") to {ta}")
        }
        (Operator::Add, Object::Bytes(_) | Object::ByteArray(_)) => {
            format!("can't concat {tb} to {ta}")
        }
        (Operator::Mult, _) if is_sequence(a) => {
            format!("can't multiply sequence by non-int of type '{tb}'")
        }
        _ => return None,
    };
    Some(Raise::type_error(msg))
}

fn repeat_count(v: &Value) -> Option<i64> {
    match v {
        Value::Int(n) => Some(*n),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

/// `+` and `*` on sequences, `|` on dicts.
fn builtin_binary(
    vm: &mut Vm,
    op: Operator,
    inplace: bool,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    let (Some(x), y) = (a.as_object(), b.as_object()) else {
        // int * sequence
        if op == Operator::Mult {
            if let (Some(n), Some(_)) = (repeat_count(a), b.as_object()) {
                return builtin_binary(vm, op, false, b, &Value::Int(n));
            }
        }
        return Ok(None);
    };
    Ok(match (op, x, y) {
        (Operator::Mod, Object::Str(_), _) => Some(object::percent::format_str(vm, a, b)?),
        (Operator::Mod, Object::Bytes(_) | Object::ByteArray(_), _) => {
            Some(object::percent::format_bytes(vm, a, b)?)
        }
        (Operator::Add, Object::Bytes(_) | Object::ByteArray(_), _) => {
            let result = match (inplace, x) {
                (true, Object::ByteArray(_)) => bytes::inplace_concat(vm, a, b),
                _ => bytes::concat(vm, a, b),
            };
            result.transpose()?
        }
        (Operator::Add, Object::Str(s), Some(Object::Str(t))) => {
            let mut text = String::with_capacity(s.text.len() + t.text.len());
            text.push_str(&s.text);
            text.push_str(&t.text);
            Some(PyStr::value(text))
        }
        (Operator::Add, Object::List(l), Some(Object::List(m))) => {
            if inplace {
                let extra = m.get(&vm.gil).clone();
                l.get_mut(&mut vm.gil).extend(extra);
                Some(a.clone())
            } else {
                let mut items = l.get(&vm.gil).clone();
                items.extend(m.get(&vm.gil).iter().cloned());
                Some(Value::obj(Object::List(GilCell::new(items))))
            }
        }
        (Operator::Add, Object::List(l), Some(_)) if inplace => {
            let extra = vm.collect(b)?;
            l.get_mut(&mut vm.gil).extend(extra);
            Some(a.clone())
        }
        (Operator::Add, Object::Tuple(t), Some(Object::Tuple(u))) => {
            let items: Vec<Value> = t.iter().chain(u.iter()).cloned().collect();
            Some(Value::obj(Object::Tuple(items.into())))
        }
        (Operator::Mult, _, _) if repeat_count(b).is_some() => {
            let n = repeat_count(b).unwrap().max(0) as usize;
            match x {
                Object::Str(s) => Some(PyStr::value(s.text.repeat(n))),
                Object::Bytes(d) => Some(bytes::new_bytes(bytes::repeated(d, n as i64)?)),
                Object::ByteArray(_) if inplace => {
                    bytes::inplace_repeat(vm, a, n as i64).transpose()?
                }
                Object::ByteArray(d) => Some(bytes::new_bytearray(bytes::repeated(
                    d.get(&vm.gil),
                    n as i64,
                )?)),
                Object::List(l) => {
                    let items = l.get(&vm.gil);
                    let mut out = Vec::with_capacity(items.len() * n);
                    for _ in 0..n {
                        out.extend(items.iter().cloned());
                    }
                    if inplace {
                        *l.get_mut(&mut vm.gil) = out;
                        Some(a.clone())
                    } else {
                        Some(Value::obj(Object::List(GilCell::new(out))))
                    }
                }
                Object::Tuple(t) => {
                    let mut out = Vec::with_capacity(t.len() * n);
                    for _ in 0..n {
                        out.extend(t.iter().cloned());
                    }
                    Some(Value::obj(Object::Tuple(out.into())))
                }
                _ => None,
            }
        }
        (Operator::BitOr, Object::Dict(d), Some(Object::Dict(e))) => {
            let other = e.get(&vm.gil).hashed_items();
            if inplace {
                super::keys::update(vm, d, other)?;
                Some(a.clone())
            } else {
                let merged = GilCell::new(d.get(&vm.gil).clone());
                super::keys::update(vm, &merged, other)?;
                Some(Value::obj(Object::Dict(merged)))
            }
        }
        _ => None,
    })
}

/// UNARY_NEGATIVE, UNARY_POSITIVE, UNARY_INVERT.
pub fn unary(vm: &mut Vm, op: Op, a: &Value) -> PyResult<Value> {
    let (uop, name, symbol) = match op {
        Op::UnaryNegative => (gilt_parser::ast::UnaryOp::USub, "__neg__", "-"),
        Op::UnaryPositive => (gilt_parser::ast::UnaryOp::UAdd, "__pos__", "+"),
        _ => (gilt_parser::ast::UnaryOp::Invert, "__invert__", "~"),
    };
    if let Some(r) = int::unary_op(uop, a) {
        return r;
    }
    if let Some(v) = complex::unary_op(uop, a) {
        return Ok(v);
    }
    if is_instance(a) {
        if let Some(v) = call_dunder(vm, a, name, Vec::new())? {
            return Ok(v);
        }
    }
    Err(Raise::type_error(format!(
        "bad operand type for unary {symbol}: '{}'",
        attr::type_name(vm, a)
    )))
}

/// `is`.
pub fn is(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y && (-5..=256).contains(x),
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Obj(x), Value::Obj(y)) => x.is(y),
        _ => false,
    }
}

/// `a == b` as a bool.
pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let v = compare(vm, CmpOp::Eq, a, b)?;
    truthy(vm, &v)
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

fn cmp_dunder(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "__eq__",
        CmpOp::NotEq => "__ne__",
        CmpOp::Lt => "__lt__",
        CmpOp::LtE => "__le__",
        CmpOp::Gt => "__gt__",
        CmpOp::GtE => "__ge__",
        _ => unreachable!("only rich comparisons"),
    }
}

fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Eq => "==",
        _ => "!=",
    }
}

fn ordering_holds(op: CmpOp, ord: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Eq => ord == Equal,
        CmpOp::NotEq => ord != Equal,
        CmpOp::Lt => ord == Less,
        CmpOp::LtE => ord != Greater,
        CmpOp::Gt => ord == Greater,
        CmpOp::GtE => ord != Less,
        _ => false,
    }
}

/// A rich comparison (COMPARE_OP).
pub fn compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let Some(r) = int::compare(op, a, b) {
        return Ok(Value::Bool(r));
    }
    if let Some(r) = complex::compare(op, a, b) {
        return Ok(Value::Bool(r));
    }
    match (a.as_object(), b.as_object()) {
        (Some(Object::Str(s)), Some(Object::Str(t))) => {
            return Ok(Value::Bool(ordering_holds(
                op,
                s.text.as_bytes().cmp(t.text.as_bytes()),
            )));
        }
        (Some(Object::List(_)), Some(Object::List(_)))
        | (Some(Object::Tuple(_)), Some(Object::Tuple(_))) => {
            return sequence_compare(vm, op, a, b);
        }
        (Some(Object::Bytes(_) | Object::ByteArray(_)), Some(_)) => {
            if let (Some(x), Some(y)) = (bytes::as_bytes(&vm.gil, a), bytes::as_bytes(&vm.gil, b)) {
                return Ok(Value::Bool(ordering_holds(op, bytes::compare(x, y))));
            }
        }
        (Some(Object::Dict(_)), Some(Object::Dict(_)))
            if matches!(op, CmpOp::Eq | CmpOp::NotEq) =>
        {
            let equal = dict_equal(vm, a, b)?;
            return Ok(Value::Bool(equal == (op == CmpOp::Eq)));
        }
        _ => {}
    }
    if let Some(r) = crate::builtins::set::compare(vm, op, a, b)? {
        return Ok(Value::Bool(r));
    }
    if is_instance(a) {
        if let Some(v) = call_dunder(vm, a, cmp_dunder(op), vec![b.clone()])? {
            if !is_not_implemented(vm, &v) {
                return Ok(v);
            }
        }
    }
    if is_instance(b) {
        if let Some(v) = call_dunder(vm, b, cmp_dunder(reflected(op)), vec![a.clone()])? {
            if !is_not_implemented(vm, &v) {
                return Ok(v);
            }
        }
    }
    if payload(a).is_some() || payload(b).is_some() {
        return compare(vm, op, a.builtin_view(), b.builtin_view());
    }
    match op {
        CmpOp::Eq => Ok(Value::Bool(is(a, b))),
        CmpOp::NotEq => {
            // `!=` falls back to the negation of `__eq__`.
            if is_instance(a) {
                if let Some(v) = call_dunder(vm, a, "__eq__", vec![b.clone()])? {
                    if !is_not_implemented(vm, &v) {
                        return Ok(Value::Bool(!truthy(vm, &v)?));
                    }
                }
            }
            Ok(Value::Bool(!is(a, b)))
        }
        _ => Err(Raise::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            cmp_symbol(op),
            attr::type_name(vm, a),
            attr::type_name(vm, b)
        ))),
    }
}

fn items_of(vm: &Vm, v: &Value) -> Vec<Value> {
    match v.as_object() {
        Some(Object::List(l)) => l.get(&vm.gil).clone(),
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

fn sequence_compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (xs, ys) = (items_of(vm, a), items_of(vm, b));
    for (x, y) in xs.iter().zip(&ys) {
        if is(x, y) || eq(vm, x, y)? {
            continue;
        }
        return match op {
            CmpOp::Eq => Ok(Value::Bool(false)),
            CmpOp::NotEq => Ok(Value::Bool(true)),
            _ => compare(vm, op, x, y),
        };
    }
    Ok(Value::Bool(ordering_holds(op, xs.len().cmp(&ys.len()))))
}

fn dict_equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (Some(Object::Dict(x)), Some(Object::Dict(y))) = (a.as_object(), b.as_object()) else {
        return Ok(false);
    };
    if x.get(&vm.gil).len() != y.get(&vm.gil).len() {
        return Ok(false);
    }
    for (hash, k, v) in x.get(&vm.gil).hashed_items() {
        match super::keys::get_hashed(vm, y, hash, &k)? {
            Some(w) => {
                if !is(&v, &w) && !eq(vm, &v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// Truth value.
pub fn truthy(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if let Some(t) = int::truthy(v) {
        return Ok(t);
    }
    Ok(match v {
        Value::None => false,
        Value::Obj(o) => match o.get() {
            Object::Str(s) => !s.text.is_empty(),
            Object::Bytes(b) => !b.is_empty(),
            Object::ByteArray(b) => !b.get(&vm.gil).is_empty(),
            Object::List(l) => !l.get(&vm.gil).is_empty(),
            Object::Tuple(t) => !t.is_empty(),
            Object::Complex(c) => complex::truthy(*c),
            Object::Dict(d) => !d.get(&vm.gil).is_empty(),
            Object::Set(t) => !t.get(&vm.gil).is_empty(),
            Object::FrozenSet(f) => !f.table.is_empty(),
            Object::DictView { dict, .. } => crate::builtins::dict_view::len(vm, dict) > 0,
            Object::Range { start, stop, step } => iter::range_len(*start, *stop, *step) > 0,
            Object::Instance(_) => {
                if let Some(r) = call_dunder(vm, v, "__bool__", Vec::new())? {
                    return match r {
                        Value::Bool(b) => Ok(b),
                        _ => Err(Raise::type_error(format!(
                            "__bool__ should return bool, returned {}",
                            attr::type_name(vm, &r)
                        ))),
                    };
                }
                if let Some(n) = call_dunder(vm, v, "__len__", Vec::new())? {
                    return Ok(!matches!(n, Value::Int(0)));
                }
                if let Some(p) = payload(v) {
                    return truthy(vm, p);
                }
                true
            }
            _ => true,
        },
        _ => true,
    })
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    match container.as_object() {
        Some(Object::Str(s)) => match item.as_object() {
            Some(Object::Str(t)) => Ok(s.text.contains(&*t.text)),
            _ => Err(Raise::type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                attr::type_name(vm, item)
            ))),
        },
        Some(Object::Dict(d)) => super::keys::contains(vm, d, item),
        Some(Object::Set(_) | Object::FrozenSet(_)) => {
            crate::builtins::set::contains(vm, container, item)
        }
        Some(Object::DictView { dict, kind }) => {
            crate::builtins::dict_view::contains(vm, dict, *kind, item)
        }
        Some(Object::Bytes(_) | Object::ByteArray(_)) => {
            let data = bytes::as_bytes(&vm.gil, container).unwrap_or_default();
            bytes::contains(vm, data, item)
        }
        Some(Object::Instance(_)) => {
            if let Some(r) = call_dunder(vm, container, "__contains__", vec![item.clone()])? {
                return truthy(vm, &r);
            }
            if let Some(p) = payload(container) {
                return contains(vm, p, item);
            }
            for x in vm.collect(container)? {
                if is(&x, item) || eq(vm, &x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            for x in vm.collect(container)? {
                if is(&x, item) || eq(vm, &x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// An index into a sequence of `len` items (negative counts from the end).
fn seq_index(vm: &Vm, index: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match index.builtin_view() {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Obj(o) if matches!(o.get(), Object::BigInt(_)) => {
            return Err(Raise::new(
                ExcKind::IndexError,
                "cannot fit 'int' into an index-sized integer".to_string(),
            ));
        }
        _ => {
            return Err(Raise::type_error(format!(
                "{what} indices must be integers or slices, not {}",
                attr::type_name(vm, index)
            )))
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(Raise::new(
            ExcKind::IndexError,
            format!("{what} index out of range"),
        ));
    }
    Ok(j as usize)
}

/// The indices a slice selects from a sequence of `len` items.
pub fn slice_indices(vm: &mut Vm, slice: &Value, len: usize) -> PyResult<Vec<usize>> {
    let Some(Object::Slice { start, stop, step }) = slice.as_object() else {
        unreachable!()
    };
    let as_int = |v: &Value| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            _ => Err(Raise::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    };
    let step = as_int(step)?.unwrap_or(1);
    if step == 0 {
        return Err(Raise::value_error("slice step cannot be zero"));
    }
    let len = len as i64;
    let clamp = |v: Option<i64>, default: i64, lo: i64, hi: i64| match v {
        None => default,
        Some(i) if i < 0 => (i + len).max(lo),
        Some(i) => i.min(hi),
    };
    let (start, stop) = if step > 0 {
        (
            clamp(as_int(start)?, 0, 0, len),
            clamp(as_int(stop)?, len, 0, len),
        )
    } else {
        (
            clamp(as_int(start)?, len - 1, -1, len - 1),
            clamp(as_int(stop)?, -1, -1, len - 1),
        )
    };
    let _ = vm;
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    Ok(out)
}

fn is_slice(v: &Value) -> bool {
    matches!(v.as_object(), Some(Object::Slice { .. }))
}

/// `container[index]`.
pub fn getitem(vm: &mut Vm, container: &Value, index: &Value) -> PyResult<Value> {
    match container.as_object() {
        Some(Object::List(l)) => {
            let len = l.get(&vm.gil).len();
            if is_slice(index) {
                let picked = slice_indices(vm, index, len)?;
                let items = l.get(&vm.gil);
                let picked = picked.into_iter().map(|i| items[i].clone()).collect();
                return Ok(Value::obj(Object::List(GilCell::new(picked))));
            }
            let i = seq_index(vm, index, len, "list")?;
            Ok(l.get(&vm.gil)[i].clone())
        }
        Some(Object::Tuple(t)) => {
            if is_slice(index) {
                let picked: Vec<Value> = slice_indices(vm, index, t.len())?
                    .into_iter()
                    .map(|i| t[i].clone())
                    .collect();
                return Ok(Value::obj(Object::Tuple(picked.into())));
            }
            Ok(t[seq_index(vm, index, t.len(), "tuple")?].clone())
        }
        Some(Object::Str(s)) => {
            if s.is_ascii() && !is_slice(index) {
                let i = seq_index(vm, index, s.text.len(), "string")?;
                return Ok(PyStr::value(&s.text[i..i + 1]));
            }
            let chars: Vec<char> = s.text.chars().collect();
            if is_slice(index) {
                let picked: String = slice_indices(vm, index, chars.len())?
                    .into_iter()
                    .map(|i| chars[i])
                    .collect();
                return Ok(PyStr::value(picked));
            }
            let i = seq_index(vm, index, chars.len(), "string")?;
            Ok(PyStr::value(chars[i].to_string()))
        }
        Some(Object::Bytes(_) | Object::ByteArray(_)) => bytes::getitem(vm, container, index),
        Some(Object::Dict(d)) => {
            let found = super::keys::get(vm, d, index)?;
            found.ok_or_else(|| Raise::WithValue(ExcKind::KeyError, index.clone()))
        }
        Some(Object::Range { start, stop, step }) => {
            let len = iter::range_len(*start, *stop, *step);
            let i = seq_index(vm, index, len as usize, "range object")?;
            Ok(Value::Int(start + step * i as i64))
        }
        Some(Object::Instance(i)) => {
            // The builtin __getitem__ of a subclass's base works on the payload
            // here, where a dict subclass's __missing__ can be consulted.
            let own = attr::lookup(vm, &i.class, "__getitem__")
                .filter(|f| !crate::builtins::object_type::is_slot(f));
            let found = match own {
                Some(_) => call_dunder(vm, container, "__getitem__", vec![index.clone()])?,
                None => None,
            };
            match found {
                Some(v) => Ok(v),
                None => match payload(container) {
                    Some(p @ Value::Obj(d)) if matches!(d.get(), Object::Dict(_)) => {
                        match getitem(vm, p, index) {
                            // A dict subclass's __missing__ supplies absent keys.
                            Err(e) if super::exception::is_kind(vm, &e, ExcKind::KeyError) => {
                                match call_dunder(
                                    vm,
                                    container,
                                    "__missing__",
                                    vec![index.clone()],
                                )? {
                                    Some(v) => Ok(v),
                                    None => Err(e),
                                }
                            }
                            other => other,
                        }
                    }
                    Some(p) => getitem(vm, p, index),
                    None => Err(not_subscriptable(vm, container)),
                },
            }
        }
        Some(Object::Class(c)) => {
            let Value::Obj(class) = container else {
                unreachable!()
            };
            if c.metaclass.is_some() {
                if let Some(v) = call_dunder(vm, container, "__getitem__", vec![index.clone()])? {
                    return Ok(v);
                }
            }
            if let Some(f) = attr::lookup(vm, class, "__class_getitem__") {
                let f = super::descriptor::get(vm, f, "__class_getitem__", None, class)?;
                return call::call(vm, &f, vec![index.clone()], Vec::new());
            }
            Err(Raise::type_error(format!(
                "type '{}' is not subscriptable",
                match container.as_object() {
                    Some(Object::Class(c)) => c.name.to_string(),
                    _ => String::new(),
                }
            )))
        }
        _ => Err(not_subscriptable(vm, container)),
    }
}

fn not_subscriptable(vm: &Vm, v: &Value) -> Raise {
    Raise::type_error(format!(
        "'{}' object is not subscriptable",
        attr::type_name(vm, v)
    ))
}

/// `container[index] = value`.
pub fn setitem(vm: &mut Vm, container: &Value, index: Value, value: Value) -> PyResult<()> {
    match container.as_object() {
        Some(Object::List(l)) => {
            if is_slice(&index) {
                let new = vm.collect(&value)?;
                let len = l.get(&vm.gil).len();
                let picked = slice_indices(vm, &index, len)?;
                let Some(Object::Slice { step, .. }) = index.as_object() else {
                    unreachable!()
                };
                if matches!(step, Value::None | Value::Int(1)) {
                    let start = picked.first().copied().unwrap_or_else(|| {
                        // An empty slice inserts at its (clamped) start.
                        let Some(Object::Slice { start, .. }) = index.as_object() else {
                            unreachable!()
                        };
                        match start {
                            Value::Int(i) if *i < 0 => (*i + len as i64).max(0) as usize,
                            Value::Int(i) => (*i as usize).min(len),
                            _ => 0,
                        }
                    });
                    l.get_mut(&mut vm.gil)
                        .splice(start..start + picked.len(), new);
                    return Ok(());
                }
                if new.len() != picked.len() {
                    return Err(Raise::value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new.len(),
                        picked.len()
                    )));
                }
                let items = l.get_mut(&mut vm.gil);
                for (i, v) in picked.into_iter().zip(new) {
                    items[i] = v;
                }
                return Ok(());
            }
            let len = l.get(&vm.gil).len();
            let i = seq_index(vm, &index, len, "list assignment")?;
            l.get_mut(&mut vm.gil)[i] = value;
            Ok(())
        }
        Some(Object::Dict(d)) => super::keys::set(vm, d, index, value),
        Some(Object::Bytes(_) | Object::ByteArray(_)) => {
            bytes::setitem(vm, container, &index, &value)
        }
        Some(Object::Instance(i)) => {
            if attr::lookup(vm, &i.class, "__setitem__").is_some() {
                call_dunder(vm, container, "__setitem__", vec![index, value])?;
                return Ok(());
            }
            match &i.payload {
                Some(p) => setitem(vm, p, index, value),
                None => Err(no_item_support(vm, container, "assignment")),
            }
        }
        _ => Err(no_item_support(vm, container, "assignment")),
    }
}

fn no_item_support(vm: &Vm, container: &Value, what: &str) -> Raise {
    // CPython words the two differently.
    let verb = if what == "deletion" {
        "doesn't"
    } else {
        "does not"
    };
    Raise::type_error(format!(
        "'{}' object {verb} support item {what}",
        attr::type_name(vm, container)
    ))
}

/// `del container[index]`.
pub fn delitem(vm: &mut Vm, container: &Value, index: &Value) -> PyResult<()> {
    match container.as_object() {
        Some(Object::List(l)) => {
            let len = l.get(&vm.gil).len();
            if is_slice(index) {
                let mut picked = slice_indices(vm, index, len)?;
                picked.sort_unstable();
                let items = l.get_mut(&mut vm.gil);
                for i in picked.into_iter().rev() {
                    items.remove(i);
                }
                return Ok(());
            }
            let i = seq_index(vm, index, len, "list assignment")?;
            l.get_mut(&mut vm.gil).remove(i);
            Ok(())
        }
        Some(Object::Dict(d)) => super::keys::delete(vm, d, index).map(|_| ()),
        Some(Object::Bytes(_) | Object::ByteArray(_)) => bytes::delitem(vm, container, index),
        Some(Object::Instance(i)) => {
            if call_dunder(vm, container, "__delitem__", vec![index.clone()])?.is_some() {
                return Ok(());
            }
            match &i.payload {
                Some(p) => delitem(vm, p, index),
                None => Err(no_item_support(vm, container, "deletion")),
            }
        }
        _ => Err(no_item_support(vm, container, "deletion")),
    }
}

/// BUILD_SLICE.
pub fn make_slice(_vm: &mut Vm, start: Value, stop: Value, step: Value) -> Value {
    Value::obj(Object::Slice { start, stop, step })
}

/// DICT_UPDATE: merge a mapping into a dict.
pub fn dict_update(vm: &mut Vm, dict: &Value, other: &Value) -> PyResult<()> {
    let dict = dict.builtin_view();
    let items = match other.builtin_view().as_object() {
        Some(Object::Dict(d)) => d.get(&vm.gil).hashed_items(),
        _ => {
            return Err(Raise::type_error(format!(
                "'{}' object is not a mapping",
                attr::type_name(vm, other)
            )))
        }
    };
    match dict.as_object() {
        Some(Object::Dict(d)) => super::keys::update(vm, d, items),
        _ => Ok(()),
    }
}

/// `repr(v)`.
/// `object.__repr__`: a subclass of a builtin type shows its value, an
/// exception `Name(args)`, anything else `<module.Class object at 0x...>`.
pub fn default_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Some(Object::Instance(i)) = v.as_object() else {
        return repr(vm, v);
    };
    if let Some(p) = &i.payload {
        return repr(vm, p);
    }
    if super::exception::is_exception_class(vm, &i.class) {
        return super::exception::repr(vm, v);
    }
    let (module, qualname) = match i.class.get() {
        Object::Class(c) => {
            let module = match c
                .dict
                .get(&vm.gil)
                .get_str("__module__")
                .and_then(Value::as_object)
            {
                Some(Object::Str(s)) => s.text.to_string(),
                _ => "__main__".into(),
            };
            (module, c.qualname.to_string())
        }
        _ => (String::new(), String::new()),
    };
    let Value::Obj(o) = v else { unreachable!() };
    // As CPython's object_repr: builtin classes go unqualified.
    if module == "builtins" {
        return Ok(format!("<{qualname} object at {:#x}>", o.addr()));
    }
    Ok(format!("<{module}.{qualname} object at {:#x}>", o.addr()))
}

/// `operator.index(v)`: an int, through `__index__` for other objects.
pub fn index(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.builtin_view() {
        Value::Int(_) => return Ok(v.builtin_view().clone()),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        Value::Obj(o) if matches!(o.get(), Object::BigInt(_)) => {
            return Ok(v.builtin_view().clone())
        }
        _ => {}
    }
    if matches!(v.as_object(), Some(Object::Instance(_))) {
        if let Some(r) = call_dunder(vm, v, "__index__", Vec::new())? {
            return match r {
                Value::Int(_) => Ok(r),
                Value::Obj(ref o) if matches!(o.get(), Object::BigInt(_)) => Ok(r),
                _ => Err(Raise::type_error(format!(
                    "__index__ returned non-int (type {})",
                    attr::type_name(vm, &r)
                ))),
            };
        }
    }
    Err(Raise::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        attr::type_name(vm, v)
    )))
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(s) = int::repr(v) {
        return s;
    }
    Ok(match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Float(f) => object::float::repr(*f),
        Value::Int(_) => unreachable!("ints are handled above"),
        Value::Obj(o) => match o.get() {
            Object::Str(s) => object::str::repr(&s.text),
            Object::Bytes(b) => bytes::repr(b, bytes::Kind::Bytes),
            Object::ByteArray(b) => bytes::repr(b.get(&vm.gil), bytes::Kind::ByteArray),
            Object::List(l) => {
                let items = l.get(&vm.gil).clone();
                let parts = items
                    .iter()
                    .map(|x| repr(vm, x))
                    .collect::<PyResult<Vec<_>>>()?;
                format!("[{}]", parts.join(", "))
            }
            Object::Tuple(t) => {
                let parts = t
                    .iter()
                    .map(|x| repr(vm, x))
                    .collect::<PyResult<Vec<_>>>()?;
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Object::Dict(d) => {
                let items: Vec<(Value, Value)> = d
                    .get(&vm.gil)
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let mut parts = Vec::with_capacity(items.len());
                for (k, v) in &items {
                    parts.push(format!("{}: {}", repr(vm, k)?, repr(vm, v)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Object::Set(_) | Object::FrozenSet(_) => crate::builtins::set::repr(vm, v)?,
            Object::DictView { dict, kind } => {
                crate::builtins::dict_view::repr(vm, o, dict, *kind)?
            }
            Object::Range { start, stop, step } => {
                if *step == 1 {
                    format!("range({start}, {stop})")
                } else {
                    format!("range({start}, {stop}, {step})")
                }
            }
            Object::Slice { start, stop, step } => {
                format!(
                    "slice({}, {}, {})",
                    repr(vm, start)?,
                    repr(vm, stop)?,
                    repr(vm, step)?
                )
            }
            Object::Function(f) => format!("<function {} at {:#x}>", f.qualname, o.addr()),
            Object::Builtin(b) => match &b.receiver {
                Some(r) => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    attr::type_name(vm, r),
                    o.addr()
                ),
                None => format!("<built-in function {}>", b.name),
            },
            Object::HostFn(h) => format!("<built-in function {}>", h.name),
            Object::Method { receiver, func } => {
                let name = match func.as_object() {
                    Some(Object::Function(f)) => f.qualname.to_string(),
                    _ => "?".into(),
                };
                format!("<bound method {name} of {}>", repr(vm, receiver)?)
            }
            Object::Class(c) => {
                let module = match c
                    .dict
                    .get(&vm.gil)
                    .get_str("__module__")
                    .and_then(Value::as_object)
                {
                    Some(Object::Str(s)) if &*s.text != "builtins" => format!("{}.", s.text),
                    _ => String::new(),
                };
                format!("<class '{module}{}'>", c.qualname)
            }
            Object::Module(_) => crate::builtins::import::module::repr(vm, v),
            Object::Instance(_) => {
                if let Some(r) = call_dunder(vm, v, "__repr__", Vec::new())? {
                    return string_result(vm, r, "__repr__");
                }
                return default_repr(vm, v);
            }
            Object::Iter(_) => format!("<iterator object at {:#x}>", o.addr()),
            Object::Cell(_) => format!("<cell at {:#x}>", o.addr()),
            Object::Code(c) => format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.name,
                o.addr(),
                c.filename,
                c.firstlineno
            ),
            Object::Generator(g) => format!(
                "<{} object {} at {:#x}>",
                g.kind.builtin_type_name(),
                g.qualname,
                o.addr()
            ),
            Object::Property { .. } => format!("<property object at {:#x}>", o.addr()),
            Object::ClassMethod(f) => format!("<classmethod({})>", repr(vm, f)?),
            Object::StaticMethod(f) => format!("<staticmethod({})>", repr(vm, f)?),
            Object::Super { class, obj } => {
                let class = match class.get() {
                    Object::Class(c) => c.name.to_string(),
                    _ => String::new(),
                };
                format!(
                    "<super: <class '{class}'>, <{} object>>",
                    attr::type_name(vm, obj)
                )
            }
            Object::BigInt(_) => unreachable!("ints are handled above"),
            Object::Complex(c) => complex::repr(*c),
            Object::Stream(_) | Object::Native(_) => {
                match call_dunder(vm, v, "__repr__", Vec::new())? {
                    Some(r) => return string_result(vm, r, "__repr__"),
                    None => format!("<{} object at {:#x}>", attr::type_name(vm, v), o.addr()),
                }
            }
        },
    })
}

/// The text a `__repr__` or `__str__` returned, which must be a str.
fn string_result(vm: &Vm, r: Value, method: &str) -> PyResult<String> {
    match r.as_object() {
        Some(Object::Str(s)) => Ok(s.text.to_string()),
        _ => Err(Raise::type_error(format!(
            "{method} returned non-string (type {})",
            attr::type_name(vm, &r)
        ))),
    }
}

/// `str(v)`.
pub fn str_of(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v.as_object() {
        Some(Object::Str(s)) => Ok(s.text.to_string()),
        Some(Object::Instance(i)) => {
            if let Some(r) = call_dunder(vm, v, "__str__", Vec::new())? {
                return string_result(vm, r, "__str__");
            }
            if super::exception::is_exception_class(vm, &i.class) {
                return super::exception::str_of(vm, v);
            }
            if attr::lookup(vm, &i.class, "__repr__").is_none() {
                if let Some(p) = &i.payload {
                    return str_of(vm, p);
                }
            }
            repr(vm, v)
        }
        _ => repr(vm, v),
    }
}

/// FORMAT_VALUE: apply a conversion (1 `!s`, 2 `!r`, 3 `!a`) and a spec.
pub fn format_value(
    vm: &mut Vm,
    v: &Value,
    conversion: u32,
    spec: Option<&Value>,
) -> PyResult<Value> {
    let converted = match conversion {
        1 => PyStr::value(str_of(vm, v)?),
        2 => PyStr::value(repr(vm, v)?),
        3 => PyStr::value(ascii(&repr(vm, v)?)),
        _ => v.clone(),
    };
    let spec = match spec.and_then(Value::as_object) {
        Some(Object::Str(s)) => s.text.to_string(),
        _ => String::new(),
    };
    format(vm, &converted, &spec).map(PyStr::value)
}

/// `format(v, spec)`.
pub fn format(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    use object::format::FormatArg;
    let arg = match v {
        Value::Int(i) => FormatArg::Int(*i),
        Value::Bool(b) => FormatArg::Bool(*b),
        Value::Float(f) => FormatArg::Float(*f),
        Value::Obj(o) => match o.get() {
            Object::BigInt(b) => FormatArg::BigInt(b),
            Object::Str(s) => FormatArg::Str(&s.text),
            Object::Complex(c) => FormatArg::Complex(c.re, c.im),
            Object::Instance(i) => {
                if let Some(r) = call_dunder(vm, v, "__format__", vec![PyStr::value(spec)])? {
                    return str_of(vm, &r);
                }
                if let Some(p) = &i.payload {
                    return format(vm, p, spec);
                }
                if spec.is_empty() {
                    return str_of(vm, v);
                }
                return Err(Raise::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    attr::type_name(vm, v)
                )));
            }
            _ => {
                if spec.is_empty() {
                    return str_of(vm, v);
                }
                return Err(Raise::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    attr::type_name(vm, v)
                )));
            }
        },
        Value::None => {
            if spec.is_empty() {
                return Ok("None".into());
            }
            return Err(Raise::type_error(
                "unsupported format string passed to NoneType.__format__",
            ));
        }
    };
    object::format::format(arg, spec).map_err(|e| {
        let kind = match e.kind {
            object::format::FormatErrorKind::TypeError => ExcKind::TypeError,
            object::format::FormatErrorKind::OverflowError => ExcKind::OverflowError,
            object::format::FormatErrorKind::MemoryError => ExcKind::MemoryError,
            object::format::FormatErrorKind::ValueError => ExcKind::ValueError,
        };
        Raise::new(kind, e.msg)
    })
}

/// `ascii()` of a repr: non-ASCII characters escaped.
pub fn ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c as u32 {
            0..=0x7F => out.push(c),
            n @ 0x80..=0xFF => out.push_str(&format!("\\x{n:02x}")),
            n @ 0x100..=0xFFFF => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

/// A new empty dict value.
pub fn new_dict() -> Value {
    Value::obj(Object::Dict(GilCell::new(Dict::new())))
}
