//! The `dis` module: Gilt's bytecode shown as CPython 3.11's `dis` shows it.
//!
//! The Rust half decodes and lays out instructions (`listing`) and finds the
//! code behind an object (`resolve`); it reaches Python as a few private
//! functions (`_dis`, `_instructions` ...) and the opcode tables. The Python
//! half (`dis.py`, run in the module's namespace when it is imported) holds
//! the public API: where text is written (`file=`), `Instruction` and
//! `Bytecode`.

pub mod listing;
pub mod resolve;

use crate::bytecode::Op;
use crate::eval::Frame;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{Builtin, Dict, Module, NativeFn, Object, PyStr};
use crate::value::{Obj, Value};
use listing::ArgKind;

type Kw = [(Box<str>, Value)];

/// The Python half of the module.
const PYTHON_PART: &str = include_str!("dis.py");

/// Make the `dis` module: the native helpers and tables, then the Python
/// half run in the same namespace.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    let mut d = Dict::new();
    d.insert_str("__name__", PyStr::value("dis"));
    d.insert_str("__doc__", Value::None);
    let functions: &[(&'static str, NativeFn)] = &[
        ("_dis", dis_native),
        ("_code_of", code_of),
        ("_disassemble", disassemble),
        ("_instructions", instructions),
        ("_code_info", code_info),
        ("_linestarts", linestarts),
        ("pretty_flags", pretty_flags),
    ];
    for &(name, f) in functions {
        d.insert_str(name, Builtin::function(name, f));
    }
    install_tables(&mut d);
    let globals = Obj::new(Object::Dict(GilCell::new(d)));
    run_python_part(vm, &globals)?;
    Ok(Value::obj(Object::Module(Module {
        name: "dis".into(),
        dict: globals,
    })))
}

fn run_python_part(vm: &mut Vm, globals: &Obj) -> PyResult<()> {
    let filename = "<frozen dis>";
    let broken = |what: String| Raise::new(ExcKind::RuntimeError, format!("dis: {what}"));
    let module = gilt_parser::parse_module(PYTHON_PART).map_err(|e| broken(e.msg))?;
    let code = crate::compile::compile_module(&module, PYTHON_PART, filename)
        .map_err(|u| broken(u.what))?;
    crate::eval::run(vm, Frame::new(code, globals.clone(), Some(globals.clone())))?;
    Ok(())
}

fn str_list(items: impl IntoIterator<Item = String>) -> Value {
    let items: Vec<Value> = items.into_iter().map(PyStr::value).collect();
    Value::obj(Object::List(GilCell::new(items)))
}

fn int_list(items: impl IntoIterator<Item = u8>) -> Value {
    let items: Vec<Value> = items.into_iter().map(|n| Value::Int(n as i64)).collect();
    Value::obj(Object::List(GilCell::new(items)))
}

/// `opname`, `opmap`, `cmp_op`, the `has*` lists and `COMPILER_FLAG_NAMES`.
fn install_tables(d: &mut Dict) {
    let every = Op::every();
    let mut opname: Vec<String> = (0..256).map(|n| format!("<{n}>")).collect();
    let mut opmap = Dict::new();
    for op in &every {
        opname[op.number() as usize] = op.name().to_string();
        opmap.insert_str(op.name(), Value::Int(op.number() as i64));
    }
    d.insert_str("opname", str_list(opname));
    d.insert_str("opmap", Value::obj(Object::Dict(GilCell::new(opmap))));
    let cmp_op: Vec<Value> = listing::CMP_OP.iter().map(|s| PyStr::value(*s)).collect();
    d.insert_str("cmp_op", Value::obj(Object::Tuple(cmp_op.into())));
    let numbers_of = |kind: ArgKind| {
        let mut numbers: Vec<u8> = every
            .iter()
            .filter(|op| op.arg().is_some() && listing::arg_kind(op) == kind)
            .map(Op::number)
            .collect();
        numbers.sort_unstable();
        int_list(numbers)
    };
    d.insert_str("hasconst", numbers_of(ArgKind::Const));
    d.insert_str("hasname", numbers_of(ArgKind::Name));
    d.insert_str("haslocal", numbers_of(ArgKind::Local));
    d.insert_str("hasfree", numbers_of(ArgKind::Free));
    d.insert_str("hascompare", numbers_of(ArgKind::Compare));
    // Gilt's jump operands are absolute instruction indices.
    d.insert_str("hasjabs", numbers_of(ArgKind::Jump));
    d.insert_str("hasjrel", int_list([]));
    let mut flags = Dict::new();
    for (bit, name) in listing::FLAG_NAMES {
        flags.insert_new(bit as i64, Value::Int(bit as i64), PyStr::value(name));
    }
    d.insert_str(
        "COMPILER_FLAG_NAMES",
        Value::obj(Object::Dict(GilCell::new(flags))),
    );
}

/// Argument `i`, which must be a code object; CPython's `disassemble` and
/// `findlinestarts` fail on anything else when they ask for `co_lines`.
fn code_arg(vm: &Vm, args: &[Value], i: usize) -> PyResult<std::sync::Arc<crate::bytecode::Code>> {
    let arg = args.get(i).cloned().unwrap_or(Value::None);
    match arg.as_object() {
        Some(Object::Code(code)) => Ok(code.clone()),
        _ => {
            let name = crate::eval::attr::type_name(vm, &arg);
            Err(Raise::new(
                ExcKind::AttributeError,
                format!("'{name}' object has no attribute 'co_lines'"),
            ))
        }
    }
}

/// An optional int argument (`None` when absent or None).
fn int_arg(args: &[Value], i: usize, what: &str) -> PyResult<Option<i64>> {
    match args.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(n)) => Ok(Some(*n)),
        Some(Value::Bool(b)) => Ok(Some(*b as i64)),
        Some(_) => Err(Raise::type_error(format!("{what} must be an int or None"))),
    }
}

/// `_dis(x, depth)`: the text `dis.dis(x, depth=depth)` prints.
fn dis_native(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let x = args.first().cloned().unwrap_or(Value::None);
    let depth = int_arg(args, 1, "depth").map_err(|_| {
        // CPython fails where it compares `depth > 0`.
        let name = crate::eval::attr::type_name(vm, &args[1]);
        Raise::type_error(format!(
            "'>' not supported between instances of '{name}' and 'int'"
        ))
    })?;
    Ok(PyStr::value(resolve::dis_text(vm, &x, depth)?))
}

/// `_code_of(x, filename)`: the code object behind `x`.
fn code_of(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let x = args.first().cloned().unwrap_or(Value::None);
    let filename = match args.get(1).and_then(Value::as_object) {
        Some(Object::Str(s)) => s.text.to_string(),
        _ => "<disassembly>".to_string(),
    };
    let code = resolve::code_of(vm, &x, &filename)?;
    Ok(Value::obj(Object::Code(code)))
}

/// The difference between `first_line` (argument `i`) and the code's own first
/// line, which `dis` adds to every line number.
fn line_offset(args: &[Value], i: usize, code: &crate::bytecode::Code) -> PyResult<i64> {
    Ok(match int_arg(args, i, "first_line")? {
        Some(first) => first.saturating_sub(code.firstlineno as i64),
        None => 0,
    })
}

/// `_disassemble(co, lasti, first_line)`: one code object's listing.
fn disassemble(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let code = code_arg(vm, args, 0)?;
    let lasti = int_arg(args, 1, "lasti")?
        .filter(|n| *n >= 0)
        .map(|n| n as u32);
    let offset = line_offset(args, 2, &code)?;
    Ok(PyStr::value(listing::disassemble(
        vm, &code, lasti, offset,
    )?))
}

/// `_instructions(co, first_line)`: a list of the fields of each instruction.
fn instructions(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let code = code_arg(vm, args, 0)?;
    let offset = line_offset(args, 1, &code)?;
    let rows: Vec<Value> = listing::instructions(vm, &code, offset)?
        .into_iter()
        .map(|i| {
            let fields = vec![
                PyStr::value(i.op.name()),
                Value::Int(i.op.number() as i64),
                i.op.arg().map_or(Value::None, |a| Value::Int(a as i64)),
                i.argval,
                PyStr::value(i.argrepr),
                Value::Int(i.offset as i64),
                i.starts_line.map_or(Value::None, Value::Int),
                Value::Bool(i.is_jump_target),
            ];
            Value::obj(Object::Tuple(fields.into()))
        })
        .collect();
    Ok(Value::obj(Object::List(GilCell::new(rows))))
}

/// `_code_info(co)`: the text of `dis.code_info`.
fn code_info(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let code = code_arg(vm, args, 0)?;
    Ok(PyStr::value(listing::code_info(vm, &code)?))
}

/// `_linestarts(co)`: a list of `(offset, line)` pairs.
fn linestarts(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let code = code_arg(vm, args, 0)?;
    let pairs: Vec<Value> = listing::line_starts(&code)
        .into_iter()
        .map(|(at, line)| {
            let pair = vec![Value::Int(at as i64), Value::Int(line as i64)];
            Value::obj(Object::Tuple(pair.into()))
        })
        .collect();
    Ok(Value::obj(Object::List(GilCell::new(pairs))))
}

/// `pretty_flags(flags)`.
fn pretty_flags(_vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    match args {
        [Value::Int(n)] => Ok(PyStr::value(listing::pretty_flags(*n as u32))),
        _ => Err(Raise::type_error("pretty_flags() takes one int")),
    }
}

#[cfg(test)]
mod tests;
