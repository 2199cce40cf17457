//! Operators on sets: `| & - ^` and their in-place forms, comparisons as
//! subset tests, `in`, and the repr. Operands that are not sets are left to
//! the dict views (builtins/dict_view.rs) and then to the caller, which
//! reports the unsupported operand as CPython does.

use super::{
    cell, difference, difference_update, has, intersection, is_subset, is_superset, lookup_entry,
    symmetric_difference, symmetric_difference_update, table, union_many, update, Kind,
};
use crate::builtins::{dict_view, reprs};
use crate::eval::ops;
use crate::exc::PyResult;
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::set::is_any_set;
use crate::object::SetTable;
use crate::value::Value;
use gilt_parser::ast::{CmpOp, Operator};

/// `a op b` (`a op= b` if `inplace`) when a set or a set-like dict view is an
/// operand; None when no set operator applies (CPython's NotImplemented).
pub fn binary(
    vm: &mut Vm,
    op: Operator,
    inplace: bool,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    if !matches!(
        op,
        Operator::BitOr | Operator::BitAnd | Operator::Sub | Operator::BitXor
    ) {
        return Ok(None);
    }
    if !(is_any_set(a) && is_any_set(b)) {
        return dict_view::binary(vm, op, a, b);
    }
    // A frozenset has no in-place forms: `f |= s` rebinds `f` to `f | s`.
    if let Some(target) = cell(a).filter(|_| inplace) {
        in_place(vm, op, target, a, b)?;
        return Ok(Some(a.clone()));
    }
    let result = match op {
        Operator::BitOr => union_many(vm, a, std::slice::from_ref(b))?,
        Operator::BitAnd => intersection(vm, a, b)?,
        Operator::Sub => difference(vm, a, b)?,
        _ => symmetric_difference(vm, a, b)?,
    };
    Ok(Some(Kind::of(a).wrap(result)))
}

/// `a |= b`, `a &= b`, `a -= b`, `a ^= b` on the set `a` whose table is `target`.
fn in_place(
    vm: &mut Vm,
    op: Operator,
    target: &GilCell<SetTable>,
    a: &Value,
    b: &Value,
) -> PyResult<()> {
    match op {
        Operator::BitOr => update(vm, target, b),
        Operator::BitAnd => {
            let kept = intersection(vm, a, b)?;
            target.get_mut(&mut vm.gil).replace_with(kept);
            Ok(())
        }
        Operator::Sub => difference_update(vm, target, b),
        _ => symmetric_difference_update(vm, target, b),
    }
}

/// A rich comparison when a set or a set-like dict view is an operand; None
/// when it does not apply. Between sets, `<=` is "subset of" and `==` "same
/// elements".
pub fn compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    if !(is_any_set(a) && is_any_set(b)) {
        return dict_view::compare(vm, op, a, b);
    }
    let (la, lb) = (table(vm, a).len(), table(vm, b).len());
    Ok(Some(match op {
        CmpOp::Eq => la == lb && is_subset(vm, a, b)?,
        CmpOp::NotEq => !(la == lb && is_subset(vm, a, b)?),
        CmpOp::LtE => is_subset(vm, a, b)?,
        CmpOp::GtE => is_superset(vm, a, b)?,
        CmpOp::Lt => la < lb && is_subset(vm, a, b)?,
        CmpOp::Gt => la > lb && is_superset(vm, a, b)?,
        _ => return Ok(None),
    }))
}

/// `item in set`; a set item is looked up as a frozenset.
pub fn contains(vm: &mut Vm, set: &Value, item: &Value) -> PyResult<bool> {
    let e = lookup_entry(vm, item)?;
    has(vm, set, &e)
}

/// `repr(set)`: `{1, 2}`, `set()`, `frozenset({1, 2})`, `frozenset()`.
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Value::Obj(o) = v else {
        return Ok(String::new());
    };
    let kind = Kind::of(v);
    reprs::guarded(
        vm,
        o,
        || format!("{}(...)", kind.name()),
        |vm| {
            let items: Vec<Value> = table(vm, v).iter().map(|e| e.key.clone()).collect();
            if items.is_empty() {
                return Ok(format!("{}()", kind.name()));
            }
            let mut parts = Vec::with_capacity(items.len());
            for x in &items {
                parts.push(ops::repr(vm, x)?);
            }
            Ok(match kind {
                Kind::Set => format!("{{{}}}", parts.join(", ")),
                Kind::Frozen => format!("frozenset({{{}}})", parts.join(", ")),
            })
        },
    )
}
