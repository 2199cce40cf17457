//! The pickling hooks every object has: `object.__reduce_ex__`,
//! `object.__reduce__`, `object.__getstate__`, and BaseException's
//! `__reduce__` and `__setstate__`. Their logic is written in Python in the
//! `copyreg` module (as CPython's falls back to `copyreg._reduce_ex`); these
//! methods only hand their arguments over to it.

use crate::builtins::import;
use crate::exc::{PyResult, Raise};
use crate::interp::Vm;
use crate::object::{Builtin, NativeFn};
use crate::value::Value;

type Kw = [(Box<str>, Value)];

/// The entries for `object`'s namespace.
pub fn object_methods() -> Vec<(&'static str, Value)> {
    let methods: [(&'static str, NativeFn); 3] = [
        ("__reduce_ex__", object_reduce_ex),
        ("__reduce__", object_reduce),
        ("__getstate__", object_getstate),
    ];
    methods
        .into_iter()
        .map(|(name, f)| (name, Builtin::method(name, f)))
        .collect()
}

/// The entries for BaseException's namespace.
pub fn exception_methods() -> Vec<(&'static str, Value)> {
    vec![
        (
            "__reduce__",
            Builtin::method("__reduce__", exception_reduce),
        ),
        (
            "__setstate__",
            Builtin::method("__setstate__", exception_setstate),
        ),
    ]
}

/// Whether `f` is one of these methods: they see an instance of a subclass
/// of a builtin type whole, not the builtin value it carries.
pub fn keeps_instance(f: NativeFn) -> bool {
    [
        object_reduce_ex as NativeFn,
        object_reduce,
        object_getstate,
        exception_reduce,
        exception_setstate,
    ]
    .iter()
    .any(|g| std::ptr::fn_addr_eq(*g, f))
}

/// Call `copyreg.<helper>(*args)`.
fn copyreg(vm: &mut Vm, helper: &str, args: Vec<Value>) -> PyResult<Value> {
    let module = import::import_module(vm, "copyreg")?;
    let f = crate::eval::attr::get(vm, &module, helper)?;
    crate::eval::call::call(vm, &f, args, Vec::new())
}

/// The receiver and the positional arguments after it, `max` at most.
fn split<'a>(args: &'a [Value], method: &str, max: usize) -> PyResult<(&'a Value, &'a [Value])> {
    let Some((this, rest)) = args.split_first() else {
        return Err(Raise::type_error(format!(
            "descriptor '{method}' of 'object' object needs an argument"
        )));
    };
    if rest.len() > max {
        return Err(Raise::type_error(format!(
            "{method}() takes at most {max} argument{} ({} given)",
            if max == 1 { "" } else { "s" },
            rest.len()
        )));
    }
    Ok((this, rest))
}

fn object_reduce_ex(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let (this, rest) = split(args, "__reduce_ex__", 1)?;
    let Some(protocol) = rest.first() else {
        return Err(Raise::type_error(
            "object.__reduce_ex__() takes exactly one argument (0 given)",
        ));
    };
    copyreg(
        vm,
        "_object_reduce_ex",
        vec![this.clone(), protocol.clone()],
    )
}

fn object_reduce(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let (this, _) = split(args, "__reduce__", 0)?;
    copyreg(vm, "_reduce_ex", vec![this.clone(), Value::Int(0)])
}

fn object_getstate(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let (this, _) = split(args, "__getstate__", 0)?;
    copyreg(vm, "_object_getstate", vec![this.clone()])
}

fn exception_reduce(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let (this, _) = split(args, "__reduce__", 0)?;
    copyreg(vm, "_exception_reduce", vec![this.clone()])
}

fn exception_setstate(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let (this, rest) = split(args, "__setstate__", 1)?;
    let state = rest.first().cloned().unwrap_or(Value::None);
    copyreg(vm, "_exception_setstate", vec![this.clone(), state])
}
