//! `_greenlet`: the stacklet primitives (see `gilt_vm::eval::stacklet`) that
//! the `greenlet` module, written in Python, builds greenlets on.

use crate::args::{self, Kw};
use gilt_vm::builtins::import;
use gilt_vm::eval::stacklet::{self, Transfer};
use gilt_vm::exc::{PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::{NativeFn, PyStr};
use gilt_vm::value::Value;

/// Fill the `_greenlet` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("current", current),
        ("new", new),
        ("transfer", transfer),
        ("state", state),
        ("owner", owner),
        ("set_owner", set_owner),
    ];
    import::add_functions(vm, module, functions);
    import::set_attr(
        vm,
        module,
        "stacklet",
        Value::Obj(vm.interp.stacklet_class.clone()),
    );
    Ok(())
}

fn stacklet_arg(vm: &Vm, func: &str, v: &Value) -> PyResult<()> {
    if stacklet::is_stacklet(v) {
        return Ok(());
    }
    Err(Raise::type_error(format!(
        "{func}() expected a stacklet, got '{}'",
        gilt_vm::eval::attr::type_name(vm, v)
    )))
}

/// `current()`: this thread's running stacklet.
fn current(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("current", [], 0, args, kwargs)?;
    Ok(stacklet::current(vm))
}

/// `new(func, args)`: a stacklet that will run `func(*args)`.
fn new(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [func, call_args] = args::parse("new", ["func", "args"], 2, args, kwargs)?;
    let call_args = vm.collect(&call_args.unwrap_or(Value::None))?;
    stacklet::new(vm, func.unwrap_or(Value::None), call_args)
}

/// `transfer(target, value, throw=False, finish=False)`: run `target`; the
/// call returns what the next transfer back here brings.
fn transfer(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [target, value, throw, finish] = args::parse(
        "transfer",
        ["target", "value", "throw", "finish"],
        2,
        args,
        kwargs,
    )?;
    let target = target.unwrap_or(Value::None);
    stacklet_arg(vm, "transfer", &target)?;
    let flag = |v: Option<Value>| matches!(v, Some(Value::Bool(true)));
    Err(stacklet::request(
        vm,
        Transfer {
            target,
            value: value.unwrap_or(Value::None),
            throw: flag(throw),
            finish: flag(finish),
        },
    ))
}

/// `state(s)`: 'new', 'suspended', 'running' or 'finished'.
fn state(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [s] = args::parse("state", ["stacklet"], 1, args, kwargs)?;
    let s = s.unwrap_or(Value::None);
    stacklet_arg(vm, "state", &s)?;
    Ok(PyStr::value(stacklet::state_name(vm, &s)))
}

/// `owner(s)`: what `set_owner` kept with `s` (None at first).
fn owner(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [s] = args::parse("owner", ["stacklet"], 1, args, kwargs)?;
    let s = s.unwrap_or(Value::None);
    stacklet_arg(vm, "owner", &s)?;
    Ok(stacklet::owner(vm, &s))
}

/// `set_owner(s, owner)`.
fn set_owner(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [s, o] = args::parse("set_owner", ["stacklet", "owner"], 2, args, kwargs)?;
    let s = s.unwrap_or(Value::None);
    stacklet_arg(vm, "set_owner", &s)?;
    stacklet::set_owner(vm, &s, o.unwrap_or(Value::None));
    Ok(Value::None)
}
