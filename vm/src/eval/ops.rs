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

/// Is `v` the NotImplemented object?
pub fn is_not_implemented(vm: &Vm, v: &Value) -> bool {
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
    if let Some(v) = dunder_pair(vm, a, b, name, rname)? {
        return Ok(v);
    }
    binary_unsupported(vm, arg, a, b)
}

/// BINARY_OP's argument of the first in-place operator (`+=`).
pub const FIRST_INPLACE: u32 = 13;

/// The dunder and reflected dunder of a (not in-place) BINARY_OP argument.
pub fn binary_dunder_names(arg: u32) -> (&'static str, &'static str) {
    let (name, rname, _) = dunder(crate::compile::codegen::binary_operator(arg));
    (name, rname)
}

/// Does `b`'s reflected dunder go before `a`'s own (a proper subclass's)?
pub fn right_operand_first(vm: &Vm, a: &Value, b: &Value, rname: &str) -> bool {
    is_instance(b) && right_goes_first(vm, a, b, rname)
}

/// The rest of a (not in-place) BINARY_OP after `a`'s dunder, run as a frame,
/// returned NotImplemented: `b`'s reflected dunder if `b` is of another class,
/// then the builtin values of subclasses, then TypeError.
pub fn binary_after_left(vm: &mut Vm, arg: u32, a: &Value, b: &Value) -> PyResult<Value> {
    let (_, rname) = binary_dunder_names(arg);
    if is_instance(b) && !attr::class_of(vm, a).is(&attr::class_of(vm, b)) {
        if let Some(v) = call_dunder(vm, b, rname, vec![a.clone()])? {
            if !is_not_implemented(vm, &v) {
                return Ok(v);
            }
        }
    }
    binary_unsupported(vm, arg, a, b)
}

/// BINARY_OP when no dunder answered: subclasses of builtin types fall back
/// on their values; otherwise TypeError.
fn binary_unsupported(vm: &mut Vm, arg: u32, a: &Value, b: &Value) -> PyResult<Value> {
    let op = crate::compile::codegen::binary_operator(arg);
    let inplace = arg >= FIRST_INPLACE;
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

/// `a.name(b)`, then `b.rname(a)`, skipping NotImplemented; `b` goes first
/// when its class is a proper subclass of `a`'s that overrides `rname`
/// (CPython's binary_op1). `None`: neither answered.
pub fn dunder_pair(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    name: &str,
    rname: &str,
) -> PyResult<Option<Value>> {
    let b_first = is_instance(b) && right_goes_first(vm, a, b, rname);
    let tries = [(b_first, b, rname, a), (is_instance(a), a, name, b)];
    for (go, x, method, y) in tries {
        if go {
            if let Some(v) = call_dunder(vm, x, method, vec![y.clone()])? {
                if !is_not_implemented(vm, &v) {
                    return Ok(Some(v));
                }
            }
        }
    }
    // Of two operands of one class only the left one's method is tried.
    let same_class = || attr::class_of(vm, a).is(&attr::class_of(vm, b));
    if is_instance(b) && !b_first && !same_class() {
        if let Some(v) = call_dunder(vm, b, rname, vec![a.clone()])? {
            if !is_not_implemented(vm, &v) {
                return Ok(Some(v));
            }
        }
    }
    Ok(None)
}

/// Is `b`'s class a proper subclass of `a`'s with its own `rname`?
#[cold]
fn right_goes_first(vm: &Vm, a: &Value, b: &Value, rname: &str) -> bool {
    let (ca, cb) = (attr::class_of(vm, a), attr::class_of(vm, b));
    if ca.is(&cb) || !attr::is_subclass(vm, &cb, &ca) {
        return false;
    }
    match (attr::lookup(vm, &cb, rname), attr::lookup(vm, &ca, rname)) {
        (Some(mine), Some(theirs)) => !is(&mine, &theirs),
        (Some(_), None) => true,
        _ => false,
    }
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
                // An immutable sequence times one is itself, as in CPython
                // (`is` and pickle's memo see it).
                Object::Str(_) | Object::Bytes(_) | Object::Tuple(_) if n == 1 => Some(a.clone()),
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
        (Some(Object::Range { .. } | Object::Slice { .. }), Some(_)) => {
            if let Some(r) = range_slice_compare(vm, op, a, b)? {
                return Ok(r);
            }
        }
        (Some(Object::Dict(_)), Some(Object::Dict(_)))
            if matches!(op, CmpOp::Eq | CmpOp::NotEq) =>
        {
            let equal = dict_equal(vm, a, b)?;
            return Ok(Value::Bool(equal == (op == CmpOp::Eq)));
        }
        (Some(Object::Method { .. }), Some(Object::Method { .. }))
            if matches!(op, CmpOp::Eq | CmpOp::NotEq) =>
        {
            let equal = crate::object::dict::builtin_equal(a, b) == Some(true);
            return Ok(Value::Bool(equal == (op == CmpOp::Eq)));
        }
        _ => {}
    }
    if let Some(r) = crate::builtins::set::compare(vm, op, a, b)? {
        return Ok(Value::Bool(r));
    }
    // A right operand of a proper subclass overriding the reflected method
    // goes first (CPython's do_richcompare).
    let b_first = right_compare_first(vm, op, a, b);
    if b_first {
        if let Some(v) = call_dunder(vm, b, cmp_dunder(reflected(op)), vec![a.clone()])? {
            if !is_not_implemented(vm, &v) {
                return Ok(v);
            }
        }
    }
    if is_instance(a) {
        if let Some(v) = call_dunder(vm, a, cmp_dunder(op), vec![b.clone()])? {
            if !is_not_implemented(vm, &v) {
                return Ok(v);
            }
        }
    }
    if b_first {
        return compare_default(vm, op, a, b);
    }
    compare_after_left(vm, op, a, b)
}

/// Does `b`'s reflected comparison go before `a`'s own?
pub fn right_compare_first(vm: &Vm, op: CmpOp, a: &Value, b: &Value) -> bool {
    is_instance(b) && right_goes_first(vm, a, b, cmp_dunder(reflected(op)))
}

/// The dunder of a rich comparison, or None for `in`, `is` and the like.
pub fn compare_dunder(op: CmpOp) -> Option<&'static str> {
    matches!(
        op,
        CmpOp::Eq | CmpOp::NotEq | CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE
    )
    .then(|| cmp_dunder(op))
}

/// A comparison after `a`'s dunder returned NotImplemented (or `a` has none):
/// `b`'s reflected dunder, then the defaults.
pub fn compare_after_left(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    if is_instance(b) {
        if let Some(v) = call_dunder(vm, b, cmp_dunder(reflected(op)), vec![a.clone()])? {
            if !is_not_implemented(vm, &v) {
                return Ok(v);
            }
        }
    }
    compare_default(vm, op, a, b)
}

/// A comparison no dunder answered: the values of builtin subclasses, then
/// identity for `==`/`!=`, else TypeError.
fn compare_default(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
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

/// Ranges compare equal by the sequence they stand for; slices compare as
/// their `(start, stop, step)` tuples. `None`: not two of a kind.
#[cold]
fn range_slice_compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    match (a.as_object(), b.as_object()) {
        (Some(Object::Range { start, stop, step }), Some(Object::Range { .. }))
            if matches!(op, CmpOp::Eq | CmpOp::NotEq) =>
        {
            let Some(Object::Range {
                start: s2,
                stop: e2,
                step: t2,
            }) = b.as_object()
            else {
                unreachable!()
            };
            let same = crate::object::range::equal((*start, *stop, *step), (*s2, *e2, *t2));
            Ok(Some(Value::Bool(same == (op == CmpOp::Eq))))
        }
        (Some(Object::Slice { .. }), Some(Object::Slice { .. })) => {
            let (x, y) = (
                crate::object::slice::as_tuple(a).expect("a slice"),
                crate::object::slice::as_tuple(b).expect("a slice"),
            );
            compare(vm, op, &x, &y).map(Some)
        }
        _ => Ok(None),
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
                if attr::lookup(vm, &attr::class_of(vm, v), "__len__").is_some() {
                    return Ok(crate::builtins::length(vm, v)? > 0);
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
            for x in collect_for_in(vm, container)? {
                if is(&x, item) || eq(vm, &x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Some(Object::Class(c)) if c.metaclass.is_some() => {
            if let Some(r) = call_dunder(vm, container, "__contains__", vec![item.clone()])? {
                return truthy(vm, &r);
            }
            for x in collect_for_in(vm, container)? {
                if is(&x, item) || eq(vm, &x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            for x in collect_for_in(vm, container)? {
                if is(&x, item) || eq(vm, &x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// The items `in` searches; a container that cannot be iterated is
/// TypeError "argument of type 'int' is not iterable", as CPython words it.
fn collect_for_in(vm: &mut Vm, container: &Value) -> PyResult<Vec<Value>> {
    let it = match iter::get_iter(vm, container) {
        Ok(it) => it,
        Err(e) if super::exception::is_kind(vm, &e, ExcKind::TypeError) => {
            return Err(Raise::type_error(format!(
                "argument of type '{}' is not iterable",
                attr::type_name(vm, container)
            )));
        }
        Err(e) => return Err(e),
    };
    let mut items = Vec::new();
    while let Some(x) = iter::next(vm, &it)? {
        items.push(x);
    }
    Ok(items)
}

/// An index into a sequence of `len` items (negative counts from the end).
fn seq_index(vm: &mut Vm, index: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match index {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => index_slow(vm, index, what)?,
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

/// A sequence index that is not a plain int: an int subclass, a big int,
/// or an object with `__index__`.
#[cold]
fn index_slow(vm: &mut Vm, index: &Value, what: &str) -> PyResult<i64> {
    match crate::object::slice::as_index(vm, index)? {
        Some(Value::Int(i)) => Ok(i),
        Some(_) => Err(Raise::new(
            ExcKind::IndexError,
            "cannot fit 'int' into an index-sized integer".to_string(),
        )),
        None => Err(Raise::type_error(format!(
            "{} indices must be integers or slices, not {}",
            // CPython says "range object index out of range" but "range indices".
            what.trim_end_matches(" object"),
            attr::type_name(vm, index)
        ))),
    }
}

/// The indices a slice selects from a sequence of `len` items.
pub fn slice_indices(vm: &mut Vm, slice: &Value, len: usize) -> PyResult<Vec<usize>> {
    let span = crate::object::slice::span(vm, slice, len as i64)?;
    Ok((0..span.len).map(|k| span.at(k) as usize).collect())
}

/// A slice bound that is None or a small int: `Some(None)` / `Some(Some(i))`.
fn int_bound(v: &Value) -> Option<Option<i64>> {
    match v {
        Value::None => Some(None),
        Value::Int(i) => Some(Some(*i)),
        _ => None,
    }
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
            // An ASCII str with plain int bounds slices by byte, without
            // walking the whole text.
            if let (true, Some(Object::Slice { start, stop, step })) =
                (s.is_ascii(), index.as_object())
            {
                if let (Some(a), Some(b), Some(c)) =
                    (int_bound(start), int_bound(stop), int_bound(step))
                {
                    return object::str::slice_ascii(&s.text, a, b, c);
                }
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
            if is_slice(index) {
                return crate::object::range::slice(vm, (*start, *stop, *step), index);
            }
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
            // `list[int]` and friends: a types.GenericAlias.
            if matches!(
                c.builtin,
                Some(
                    object::BuiltinType::List
                        | object::BuiltinType::Dict
                        | object::BuiltinType::Tuple
                        | object::BuiltinType::Set
                        | object::BuiltinType::FrozenSet
                        | object::BuiltinType::Type
                )
            ) {
                let types = crate::builtins::import::import_module(vm, "types")?;
                let alias = attr::generic_get(vm, &types, "GenericAlias")?;
                return call::call(
                    vm,
                    &alias,
                    vec![container.clone(), index.clone()],
                    Vec::new(),
                );
            }
            Err(Raise::type_error(format!(
                "type '{}' is not subscriptable",
                match container.as_object() {
                    Some(Object::Class(c)) => c.name.to_string(),
                    _ => String::new(),
                }
            )))
        }
        // A native class (re.Match) may define __getitem__.
        Some(Object::Native(_)) => {
            match call_dunder(vm, container, "__getitem__", vec![index.clone()])? {
                Some(v) => Ok(v),
                None => Err(not_subscriptable(vm, container)),
            }
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
                    // An empty slice inserts at its (clamped) start.
                    let start = match picked.first() {
                        Some(i) => *i,
                        None => crate::object::slice::span(vm, &index, len as i64)?.start as usize,
                    };
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
    let Some(Object::Dict(target)) = dict.as_object() else {
        return Ok(());
    };
    // A plain dict's keys come with their hashes.
    if let Some(Object::Dict(source)) = other.as_object() {
        let items = source.get(&vm.gil).hashed_items();
        return super::keys::update(vm, target, items);
    }
    let Some(items) = super::unpack_args::mapping_items(vm, other)? else {
        return Err(super::unpack_args::not_a_mapping(vm, other));
    };
    for (k, v) in items {
        super::keys::set(vm, target, k, v)?;
    }
    Ok(())
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
            Object::Function(f) => {
                format!("<function {} at {:#x}>", f.qualname.get(&vm.gil), o.addr())
            }
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
                    Some(Object::Function(f)) => f.qualname.get(&vm.gil).to_string(),
                    _ => "?".into(),
                };
                format!("<bound method {name} of {}>", repr(vm, receiver)?)
            }
            // A metaclass written in Python may define __repr__ (enum classes).
            Object::Class(c)
                if c.metaclass.as_ref().is_some_and(|m| {
                    matches!(
                        attr::lookup(vm, m, "__repr__")
                            .as_ref()
                            .and_then(Value::as_object),
                        Some(Object::Function(_))
                    )
                }) =>
            {
                let r = call_dunder(vm, v, "__repr__", Vec::new())?.unwrap_or(Value::None);
                return string_result(vm, r, "__repr__");
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
            Object::Iter(_) => format!("<{} object at {:#x}>", attr::type_name(vm, v), o.addr()),
            Object::Ellipsis => "Ellipsis".to_string(),
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
            // Builtin types other than str have no `__str__` of their own in
            // CPython: object's applies, which calls the class's `__repr__`.
            let extends_non_str = matches!(&i.payload,
                Some(p) if !matches!(p.as_object(), Some(Object::Str(_))));
            let inherited = extends_non_str
                && matches!(
                    attr::lookup(vm, &i.class, "__str__")
                        .as_ref()
                        .and_then(Value::as_object),
                    Some(Object::Builtin(_))
                );
            if !inherited {
                if let Some(r) = call_dunder(vm, v, "__str__", Vec::new())? {
                    return string_result(vm, r, "__str__");
                }
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
