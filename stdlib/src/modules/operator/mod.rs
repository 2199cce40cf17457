//! The `operator` module: Python's operators as functions (`add`, `lt`,
//! `getitem`, the in-place `iadd`, ... with their `__add__` aliases), each
//! going through the same paths as the bytecode that spells it, plus
//! `index`, `length_hint`, `call`, `countOf`, `indexOf`, and the callable
//! classes `itemgetter`, `attrgetter`, `methodcaller` (getters.rs).

mod getters;

use crate::args::Kw;
use gilt_parser::ast::CmpOp;
use gilt_vm::builtins::{self, import};
use gilt_vm::bytecode::Op;
use gilt_vm::eval::{attr, call, iter, ops};
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::{NativeFn, Object};
use gilt_vm::value::Value;

/// Fill the `operator` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    // (name, dunder alias or "", function)
    let functions: &[(&'static str, &'static str, NativeFn)] = &[
        ("abs", "__abs__", abs),
        ("add", "__add__", add),
        ("and_", "__and__", and_),
        ("floordiv", "__floordiv__", floordiv),
        ("lshift", "__lshift__", lshift),
        ("matmul", "__matmul__", matmul),
        ("mod", "__mod__", mod_),
        ("mul", "__mul__", mul),
        ("or_", "__or__", or_),
        ("pow", "__pow__", pow),
        ("rshift", "__rshift__", rshift),
        ("sub", "__sub__", sub),
        ("truediv", "__truediv__", truediv),
        ("xor", "__xor__", xor),
        ("iadd", "__iadd__", iadd),
        ("iand", "__iand__", iand),
        ("ifloordiv", "__ifloordiv__", ifloordiv),
        ("ilshift", "__ilshift__", ilshift),
        ("imatmul", "__imatmul__", imatmul),
        ("imod", "__imod__", imod),
        ("imul", "__imul__", imul),
        ("ior", "__ior__", ior),
        ("ipow", "__ipow__", ipow),
        ("irshift", "__irshift__", irshift),
        ("isub", "__isub__", isub),
        ("itruediv", "__itruediv__", itruediv),
        ("ixor", "__ixor__", ixor),
        ("lt", "__lt__", lt),
        ("le", "__le__", le),
        ("eq", "__eq__", eq),
        ("ne", "__ne__", ne),
        ("gt", "__gt__", gt),
        ("ge", "__ge__", ge),
        ("neg", "__neg__", neg),
        ("pos", "__pos__", pos),
        ("inv", "__inv__", inv),
        ("invert", "__invert__", inv),
        ("not_", "__not__", not_),
        ("truth", "", truth),
        ("is_", "", is_),
        ("is_not", "", is_not),
        ("index", "__index__", index),
        ("concat", "__concat__", concat),
        ("iconcat", "__iconcat__", iconcat),
        ("contains", "__contains__", contains),
        ("countOf", "", count_of),
        ("indexOf", "", index_of),
        ("getitem", "__getitem__", getitem),
        ("setitem", "__setitem__", setitem),
        ("delitem", "__delitem__", delitem),
        ("length_hint", "", length_hint),
        ("call", "__call__", call_fn),
    ];
    for &(name, alias, f) in functions {
        let value = gilt_vm::object::Builtin::function(name, f);
        import::set_attr(vm, module, name, value.clone());
        if !alias.is_empty() {
            import::set_attr(vm, module, alias, value);
        }
    }
    getters::install(vm, module)
}

// ---------------------------------------------------------------------------
// Arguments

fn no_keywords(name: &str) -> Raise {
    Raise::type_error(format!("_operator.{name}() takes no keyword arguments"))
}

fn one<'a>(name: &str, args: &'a [Value], kwargs: &Kw) -> PyResult<&'a Value> {
    if !kwargs.is_empty() {
        return Err(no_keywords(name));
    }
    match args {
        [a] => Ok(a),
        _ => Err(Raise::type_error(format!(
            "_operator.{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

fn exactly<'a, const N: usize>(
    name: &str,
    args: &'a [Value],
    kwargs: &Kw,
) -> PyResult<&'a [Value; N]> {
    if !kwargs.is_empty() {
        return Err(no_keywords(name));
    }
    args.try_into().map_err(|_| {
        Raise::type_error(format!("{name} expected {N} arguments, got {}", args.len()))
    })
}

// ---------------------------------------------------------------------------
// Operators

/// One native function per binary operator: name and BINARY_OP argument
/// (in-place forms are the plain one plus 13, as the compiler emits them).
macro_rules! binary_functions {
    ($($name:ident, $py:literal, $arg:expr;)*) => {$(
        fn $name(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
            let [a, b] = exactly::<2>($py, args, kwargs)?;
            ops::binary(vm, $arg, a, b)
        }
    )*};
}

binary_functions! {
    add, "add", 0;
    and_, "and_", 1;
    floordiv, "floordiv", 2;
    lshift, "lshift", 3;
    matmul, "matmul", 4;
    mul, "mul", 5;
    mod_, "mod", 6;
    or_, "or_", 7;
    pow, "pow", 8;
    rshift, "rshift", 9;
    sub, "sub", 10;
    truediv, "truediv", 11;
    xor, "xor", 12;
    iadd, "iadd", 13;
    iand, "iand", 14;
    ifloordiv, "ifloordiv", 15;
    ilshift, "ilshift", 16;
    imatmul, "imatmul", 17;
    imul, "imul", 18;
    imod, "imod", 19;
    ior, "ior", 20;
    ipow, "ipow", 21;
    irshift, "irshift", 22;
    isub, "isub", 23;
    itruediv, "itruediv", 24;
    ixor, "ixor", 25;
}

/// One native function per rich comparison.
macro_rules! compare_functions {
    ($($name:ident, $py:literal, $op:expr;)*) => {$(
        fn $name(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
            let [a, b] = exactly::<2>($py, args, kwargs)?;
            ops::compare(vm, $op, a, b)
        }
    )*};
}

compare_functions! {
    lt, "lt", CmpOp::Lt;
    le, "le", CmpOp::LtE;
    eq, "eq", CmpOp::Eq;
    ne, "ne", CmpOp::NotEq;
    gt, "gt", CmpOp::Gt;
    ge, "ge", CmpOp::GtE;
}

fn neg(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    ops::unary(vm, Op::UnaryNegative, one("neg", args, kwargs)?)
}

fn pos(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    ops::unary(vm, Op::UnaryPositive, one("pos", args, kwargs)?)
}

fn inv(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    ops::unary(vm, Op::UnaryInvert, one("inv", args, kwargs)?)
}

fn abs(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let a = one("abs", args, kwargs)?.clone();
    let f = builtin(vm, "abs")?;
    call::call(vm, &f, vec![a], Vec::new())
}

/// A function of the `builtins` namespace.
fn builtin(vm: &Vm, name: &str) -> PyResult<Value> {
    let found = match vm.interp.builtins.get() {
        Object::Dict(d) => d.get(&vm.gil).get_str(name).cloned(),
        _ => None,
    };
    found.ok_or_else(|| Raise::new(ExcKind::NameError, format!("name '{name}' is not defined")))
}

fn not_(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    Ok(Value::Bool(!ops::truthy(vm, one("not_", args, kwargs)?)?))
}

fn truth(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    Ok(Value::Bool(ops::truthy(vm, one("truth", args, kwargs)?)?))
}

fn is_(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [a, b] = exactly::<2>("is_", args, kwargs)?;
    Ok(Value::Bool(ops::is(a, b)))
}

fn is_not(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [a, b] = exactly::<2>("is_not", args, kwargs)?;
    Ok(Value::Bool(!ops::is(a, b)))
}

fn index(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    ops::index(vm, one("index", args, kwargs)?)
}

/// Whether `a` is a sequence `concat` accepts (it has `__getitem__`).
fn is_sequence(vm: &Vm, a: &Value) -> bool {
    match a.as_object() {
        Some(
            Object::Str(_)
            | Object::Bytes(_)
            | Object::ByteArray(_)
            | Object::List(_)
            | Object::Tuple(_)
            | Object::Range { .. },
        ) => true,
        Some(Object::Instance(_)) => {
            attr::lookup(vm, &attr::class_of(vm, a), "__getitem__").is_some()
        }
        _ => false,
    }
}

fn concat_op(vm: &mut Vm, name: &str, arg: u32, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [a, b] = exactly::<2>(name, args, kwargs)?;
    if !is_sequence(vm, a) {
        return Err(Raise::type_error(format!(
            "'{}' object can't be concatenated",
            attr::type_name(vm, a)
        )));
    }
    ops::binary(vm, arg, a, b)
}

fn concat(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    concat_op(vm, "concat", 0, args, kwargs)
}

fn iconcat(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    concat_op(vm, "iconcat", 13, args, kwargs)
}

fn contains(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [a, b] = exactly::<2>("contains", args, kwargs)?;
    Ok(Value::Bool(ops::contains(vm, a, b)?))
}

/// The positions in `seq` of items that are or equal `item`, stopping at
/// the first when `first`.
fn find(vm: &mut Vm, seq: &Value, item: &Value, first: bool) -> PyResult<Vec<usize>> {
    let it = match iter::get_iter(vm, seq) {
        Ok(it) => it,
        Err(e) if gilt_vm::eval::exception::is_kind(vm, &e, ExcKind::TypeError) => {
            return Err(Raise::type_error(format!(
                "argument of type '{}' is not iterable",
                attr::type_name(vm, seq)
            )))
        }
        Err(e) => return Err(e),
    };
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(x) = iter::next(vm, &it)? {
        if ops::is(&x, item) || ops::eq(vm, &x, item)? {
            found.push(i);
            if first {
                break;
            }
        }
        i += 1;
    }
    Ok(found)
}

fn count_of(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [a, b] = exactly::<2>("countOf", args, kwargs)?;
    Ok(Value::Int(find(vm, a, b, false)?.len() as i64))
}

fn index_of(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [a, b] = exactly::<2>("indexOf", args, kwargs)?;
    match find(vm, a, b, true)?.first() {
        Some(&i) => Ok(Value::Int(i as i64)),
        None => Err(Raise::value_error("sequence.index(x): x not in sequence")),
    }
}

fn getitem(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [a, b] = exactly::<2>("getitem", args, kwargs)?;
    ops::getitem(vm, a, b)
}

fn setitem(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [a, b, c] = exactly::<3>("setitem", args, kwargs)?;
    ops::setitem(vm, a, b.clone(), c.clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [a, b] = exactly::<2>("delitem", args, kwargs)?;
    ops::delitem(vm, a, b)?;
    Ok(Value::None)
}

fn call_fn(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let Some((f, rest)) = args.split_first() else {
        return Err(Raise::type_error(
            "call expected at least 1 argument, got 0",
        ));
    };
    call::call(vm, f, rest.to_vec(), kwargs.to_vec())
}

fn length_hint(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(no_keywords("length_hint"));
    }
    let (obj, default) = match args {
        [o] => (o, Value::Int(0)),
        [o, d] => (o, d.clone()),
        [] => {
            return Err(Raise::type_error(
                "length_hint expected at least 1 argument, got 0",
            ))
        }
        _ => {
            return Err(Raise::type_error(format!(
                "length_hint expected at most 2 arguments, got {}",
                args.len()
            )))
        }
    };
    let default_ok = match &default {
        Value::Int(_) => true,
        Value::Obj(o) => matches!(o.get(), Object::BigInt(_)),
        _ => false,
    };
    if !default_ok {
        return Err(Raise::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            attr::type_name(vm, &default)
        )));
    }
    let is_instance = matches!(obj.as_object(), Some(Object::Instance(_)));
    let class = attr::class_of(vm, obj);
    if !is_instance || attr::lookup(vm, &class, "__len__").is_some() {
        match builtins::length(vm, obj) {
            Ok(n) => return Ok(Value::Int(n as i64)),
            Err(e)
                if is_instance
                    || !gilt_vm::eval::exception::is_kind(vm, &e, ExcKind::TypeError) =>
            {
                return Err(e)
            }
            Err(_) => {}
        }
    }
    let Some(hint) = ops::call_dunder(vm, obj, "__length_hint__", Vec::new())? else {
        return Ok(default);
    };
    if ops::is(&hint, &builtins::not_implemented(vm)) {
        return Ok(default);
    }
    match hint {
        Value::Int(n) if n < 0 => Err(Raise::value_error("__length_hint__() should return >= 0")),
        Value::Int(_) => Ok(hint),
        _ => Err(Raise::type_error(format!(
            "__length_hint__ must be an integer, not {}",
            attr::type_name(vm, &hint)
        ))),
    }
}
