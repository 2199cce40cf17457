//! Code objects as Python code sees them: the `co_*` attributes and
//! `co_lines()`. Read-only views built from `bytecode::Code`; nothing here
//! changes a code object.

use super::{Builtin, Object, PyStr, SeqIter};
use crate::bytecode::{Code, CodeKind};
use crate::exc::PyResult;
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::value::Value;

/// `co_flags` bits, as CPython 3.11 numbers them (`dis.COMPILER_FLAG_NAMES`).
pub const CO_OPTIMIZED: u32 = 1;
pub const CO_NEWLOCALS: u32 = 2;
pub const CO_VARARGS: u32 = 4;
pub const CO_VARKEYWORDS: u32 = 8;
pub const CO_NESTED: u32 = 16;
pub const CO_GENERATOR: u32 = 32;
pub const CO_COROUTINE: u32 = 128;
pub const CO_ITERABLE_COROUTINE: u32 = 256;
pub const CO_ASYNC_GENERATOR: u32 = 512;

/// `co_flags`: CPython 3.11 sets OPTIMIZED and NEWLOCALS on every function
/// body and never sets NOFREE (64) any more; module and class bodies have 0.
pub fn flags(code: &Code) -> u32 {
    if code.kind != CodeKind::Function {
        return 0;
    }
    let mut flags = CO_OPTIMIZED | CO_NEWLOCALS;
    for (set, bit) in [
        (code.varargs, CO_VARARGS),
        (code.varkeywords, CO_VARKEYWORDS),
        (code.nested, CO_NESTED),
        (
            code.generator && !code.coroutine && !code.async_generator,
            CO_GENERATOR,
        ),
        (code.coroutine, CO_COROUTINE),
        (code.async_generator, CO_ASYNC_GENERATOR),
        (
            code.iterable_coroutine
                .load(std::sync::atomic::Ordering::Relaxed),
            CO_ITERABLE_COROUTINE,
        ),
    ] {
        if set {
            flags |= bit;
        }
    }
    flags
}

/// The attribute `name` of the code object `this` (which holds `code`), or
/// `None` when a code object has no such attribute.
pub fn attribute(this: &Value, code: &Code, name: &str) -> Option<Value> {
    let int = |n: u32| Value::Int(n as i64);
    Some(match name {
        "co_name" => PyStr::value(&*code.name),
        "co_qualname" => PyStr::value(&*code.qualname),
        "co_filename" => PyStr::value(&*code.filename),
        "co_firstlineno" => int(code.firstlineno),
        "co_argcount" => int(code.argcount),
        "co_posonlyargcount" => int(code.posonlyargcount),
        "co_kwonlyargcount" => int(code.kwonlyargcount),
        "co_nlocals" => int(code.varnames.len() as u32),
        "co_stacksize" => int(code.stacksize),
        "co_flags" => int(flags(code)),
        "co_varnames" => str_tuple(&code.varnames),
        "co_cellvars" => str_tuple(&code.cellvars),
        "co_freevars" => str_tuple(&code.freevars),
        "co_names" => str_tuple(&code.names),
        "co_consts" => Value::obj(Object::Tuple(code.consts.clone().into())),
        "co_lines" => Value::obj(Object::Builtin(Builtin {
            name: "co_lines",
            call: co_lines,
            receiver: Some(this.clone()),
            binds: false,
        })),
        _ => return None,
    })
}

fn str_tuple(names: &[Box<str>]) -> Value {
    let items: Vec<Value> = names.iter().map(|n| PyStr::value(&**n)).collect();
    Value::obj(Object::Tuple(items.into()))
}

/// `code.co_lines()`: an iterator of `(start, end, line)` for each
/// instruction, offsets counted as CPython counts them (two per instruction).
fn co_lines(_vm: &mut Vm, args: &[Value], _: &[(Box<str>, Value)]) -> PyResult<Value> {
    let Some(Object::Code(code)) = args.first().and_then(Value::as_object) else {
        return Err(crate::exc::Raise::type_error(
            "co_lines() needs a code object",
        ));
    };
    if args.len() > 1 {
        return Err(crate::exc::Raise::type_error(format!(
            "code.co_lines() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    let items = (0..code.ops.len())
        .map(|i| {
            let at = 2 * i as i64;
            let entry = [
                Value::Int(at),
                Value::Int(at + 2),
                Value::Int(code.line_of(i) as i64),
            ];
            Value::obj(Object::Tuple(entry.to_vec().into()))
        })
        .collect();
    Ok(Value::obj(Object::Iter(GilCell::new(SeqIter::Values {
        items,
        next: 0,
    }))))
}
