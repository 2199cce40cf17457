//! Builtins that work on code and namespaces: `compile`, `eval`, `exec`,
//! `globals`, `locals`, `vars` and `dir`.
//!
//! The namespace-less forms need the calling frame's globals and locals; the
//! loop hands them over in `Vm::caller` just before it calls one of these
//! (see `needs_caller`), since native functions otherwise see no frame.

use crate::bytecode::Code;
use crate::eval::{attr, Frame};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{Dict, Object, PyStr};
use crate::value::{Obj, Value};
use std::sync::Arc;

type Kw = [(Box<str>, Value)];

/// The calling frame's namespaces, for the builtins below.
#[derive(Clone)]
pub struct Caller {
    pub globals: Obj,
    /// A dict: the namespace of a module or class body, or a snapshot of a
    /// function's local variables.
    pub locals: Obj,
}

/// Does this native need `Vm::caller` set before it runs?
#[inline]
pub fn needs_caller(name: &str) -> bool {
    matches!(
        name,
        "globals" | "locals" | "vars" | "eval" | "exec" | "dir" | "_getframe"
    )
}

/// The namespaces of `frame`.
pub fn caller_of(vm: &Vm, frame: &Frame) -> Caller {
    let globals = frame.globals().clone();
    let locals = match &frame.namespace {
        Some(ns) => ns.clone(),
        None => {
            let mut d = Dict::new();
            for (name, value) in frame.code.varnames.iter().zip(&frame.locals) {
                if let Some(v) = value {
                    d.insert_str(name, v.clone());
                }
            }
            let cell_names = frame.code.cellvars.iter().chain(&frame.code.freevars);
            for (name, cell) in cell_names.zip(&frame.cells) {
                if let Object::Cell(c) = cell.get() {
                    if let Some(v) = c.get(&vm.gil) {
                        d.insert_str(name, v.clone());
                    }
                }
            }
            Obj::new(Object::Dict(GilCell::new(d)))
        }
    };
    Caller { globals, locals }
}

fn caller(vm: &mut Vm, what: &str) -> PyResult<Caller> {
    vm.caller
        .take()
        .ok_or_else(|| Raise::new(ExcKind::RuntimeError, format!("{what}(): no current frame")))
}

/// `globals()`.
pub fn globals(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    no_args("globals", args)?;
    Ok(Value::Obj(caller(vm, "globals")?.globals))
}

/// `locals()`.
pub fn locals(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    no_args("locals", args)?;
    Ok(Value::Obj(caller(vm, "locals")?.locals))
}

fn no_args(name: &str, args: &[Value]) -> PyResult<()> {
    if !args.is_empty() {
        return Err(Raise::type_error(format!(
            "{name}() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(())
}

/// `vars()` / `vars(obj)`.
pub fn vars(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    match args {
        [] => Ok(Value::Obj(caller(vm, "vars")?.locals)),
        [obj] => {
            vm.caller = None;
            attr::get(vm, obj, "__dict__")
                .map_err(|_| Raise::type_error("vars() argument must have __dict__ attribute"))
        }
        _ => Err(Raise::type_error(format!(
            "vars expected at most 1 argument, got {}",
            args.len()
        ))),
    }
}

/// `dir()` / `dir(obj)`: sorted attribute names.
pub fn dir(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let mut names: Vec<String> = Vec::new();
    let mut add_keys = |vm: &Vm, d: &Dict| {
        for k in d.keys() {
            if let Some(Object::Str(s)) = k.as_object() {
                names.push(s.text.to_string());
            }
        }
        let _ = vm;
    };
    match args {
        [] => {
            let c = caller(vm, "dir")?;
            if let Object::Dict(d) = c.locals.get() {
                add_keys(vm, d.get(&vm.gil));
            }
        }
        [obj] => {
            vm.caller = None;
            let class = attr::class_of(vm, obj);
            if let Some(f) = attr::lookup(vm, &class, "__dir__") {
                let listed = crate::eval::call::call(vm, &f, vec![obj.clone()], Vec::new())?;
                let mut items = vm.collect(&listed)?;
                return sorted_list(vm, &mut items);
            }
            match obj.as_object() {
                Some(Object::Instance(i)) => add_keys(vm, i.attrs().get(&vm.gil)),
                Some(Object::Module(m)) => {
                    if let Object::Dict(d) = m.dict.get() {
                        add_keys(vm, d.get(&vm.gil));
                    }
                }
                _ => {}
            }
            // A class lists its own and its bases' attributes; anything else
            // adds its class's.
            let mro_of = match obj {
                Value::Obj(o) if matches!(o.get(), Object::Class(_)) => o.clone(),
                _ if matches!(obj.as_object(), Some(Object::Module(_))) => {
                    names.sort();
                    names.dedup();
                    return Ok(str_list(names));
                }
                _ => class,
            };
            if let Object::Class(c) = mro_of.get() {
                add_keys(vm, c.dict.get(&vm.gil));
                for base in c.mro.get(&vm.gil).iter() {
                    if let Object::Class(b) = base.get() {
                        add_keys(vm, b.dict.get(&vm.gil));
                    }
                }
            }
        }
        _ => {
            return Err(Raise::type_error(format!(
                "dir expected at most 1 argument, got {}",
                args.len()
            )))
        }
    }
    names.sort();
    names.dedup();
    Ok(str_list(names))
}

fn str_list(names: Vec<String>) -> Value {
    let items = names.into_iter().map(PyStr::value).collect();
    Value::obj(Object::List(GilCell::new(items)))
}

fn sorted_list(vm: &mut Vm, items: &mut [Value]) -> PyResult<Value> {
    let mut texts = Vec::new();
    for item in items.iter() {
        match item.as_object() {
            Some(Object::Str(s)) => texts.push(s.text.to_string()),
            _ => {
                return Err(Raise::type_error(format!(
                    "'<' not supported between instances of '{}' and 'str'",
                    attr::type_name(vm, item)
                )))
            }
        }
    }
    texts.sort();
    Ok(str_list(texts))
}

/// Which kind of code `compile` makes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Exec,
    Eval,
}

/// Compile `source` into a code object (SyntaxError when it does not parse).
fn compile_source(vm: &mut Vm, source: &str, filename: &str, mode: Mode) -> PyResult<Arc<Code>> {
    use gilt_parser::ast::{Module, Stmt, StmtKind};
    let compiled = match mode {
        Mode::Exec => {
            let module = gilt_parser::parse_module(source)
                .map_err(|e| crate::run::syntax_error(vm, filename, source, e))?;
            crate::compile::check_module(&module)
                .map_err(|e| crate::run::syntax_error(vm, filename, source, e))?;
            crate::compile::compile_module(&module, source, filename)
        }
        Mode::Eval => {
            // Leading spaces and tabs are allowed in eval input, as in CPython.
            let trimmed = source.trim_start_matches([' ', '\t']);
            let expr = gilt_parser::parse_expression(trimmed)
                .map_err(|e| crate::run::syntax_error(vm, filename, trimmed, e))?;
            let range = expr.range;
            let module = Module {
                body: vec![Stmt {
                    node: StmtKind::Expr {
                        value: Box::new(expr),
                    },
                    range,
                }],
            };
            crate::compile::compile_eval(&module, trimmed, filename)
        }
    };
    compiled.map_err(|u| crate::run::unsupported(filename, source, u))
}

fn text_arg<'a>(vm: &Vm, v: &'a Value, func: &str) -> PyResult<Option<&'a str>> {
    match v.as_object() {
        Some(Object::Str(s)) => Ok(Some(&s.text)),
        Some(Object::Code(_)) => Ok(None),
        _ => {
            let _ = vm;
            let what = if func == "compile" { "AST" } else { "code" };
            Err(Raise::type_error(format!(
                "{func}() arg 1 must be a string, bytes or {what} object"
            )))
        }
    }
}

/// `compile(source, filename, mode)`.
pub fn compile(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let arg = |i: usize, name: &str| {
        args.get(i)
            .or_else(|| kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| v))
    };
    let (Some(source), Some(filename), Some(mode)) =
        (arg(0, "source"), arg(1, "filename"), arg(2, "mode"))
    else {
        return Err(Raise::type_error(
            "compile() missing required argument 'source' (pos 1)",
        ));
    };
    let Some(source) = text_arg(vm, source, "compile")? else {
        return Ok(source.clone());
    };
    let filename = match filename.as_object() {
        Some(Object::Str(s)) => s.text.to_string(),
        _ => {
            return Err(Raise::type_error(
                "compile() argument 'filename' must be str",
            ))
        }
    };
    let mode = match mode.as_object() {
        Some(Object::Str(s)) if &*s.text == "exec" => Mode::Exec,
        Some(Object::Str(s)) if &*s.text == "eval" => Mode::Eval,
        Some(Object::Str(s)) if &*s.text == "single" => {
            return Err(Raise::new(
                ExcKind::NotImplementedError,
                "compile() mode 'single' is not supported by gilt yet",
            ))
        }
        _ => {
            return Err(Raise::value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ))
        }
    };
    let code = compile_source(vm, source, &filename, mode)?;
    Ok(Value::obj(Object::Code(code)))
}

/// `eval(source, globals=None, locals=None)`.
pub fn eval(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    run_code(vm, args, kwargs, Mode::Eval)
}

/// `exec(source, globals=None, locals=None)`.
pub fn exec(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    run_code(vm, args, kwargs, Mode::Exec)?;
    Ok(Value::None)
}

fn run_code(vm: &mut Vm, args: &[Value], kwargs: &Kw, mode: Mode) -> PyResult<Value> {
    let func = if mode == Mode::Eval { "eval" } else { "exec" };
    let caller = vm.caller.take();
    let arg = |i: usize, name: &str| {
        args.get(i)
            .or_else(|| kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| v))
            .filter(|v| !matches!(v, Value::None))
    };
    let Some(source) = args.first() else {
        return Err(Raise::type_error(format!(
            "{func}() missing required argument 'source' (pos 1)"
        )));
    };
    let dict_arg = |v: Option<&Value>, what: &str| -> PyResult<Option<Obj>> {
        match v {
            None => Ok(None),
            Some(Value::Obj(o)) if matches!(o.get(), Object::Dict(_)) => Ok(Some(o.clone())),
            Some(_) => Err(Raise::type_error(format!(
                "{func}() {what} must be a dict, not {}",
                "other"
            ))),
        }
    };
    let globals = dict_arg(arg(1, "globals"), "globals")?;
    let locals = match arg(2, "locals") {
        Some(Value::Obj(o)) => Some(o.clone()),
        Some(_) => return Err(Raise::type_error("locals must be a mapping")),
        None => None,
    };
    let (globals, locals) = match (globals, locals) {
        (Some(g), Some(l)) => (g.clone(), l),
        (Some(g), None) => (g.clone(), g),
        (None, l) => {
            let c = caller.ok_or_else(|| {
                Raise::new(ExcKind::RuntimeError, format!("{func}(): no current frame"))
            })?;
            let locals = l.unwrap_or(c.locals);
            (c.globals, locals)
        }
    };
    if let Object::Dict(d) = globals.get() {
        let d = d.get_mut(&mut vm.gil);
        if d.get_str("__builtins__").is_none() {
            d.insert_str("__builtins__", Value::Obj(vm.interp.builtins.clone()));
        }
    }
    let code = match text_arg(vm, source, func)? {
        Some(text) => compile_source(vm, text, "<string>", mode)?,
        None => match source.as_object() {
            Some(Object::Code(c)) => c.clone(),
            _ => unreachable!("text_arg accepts only str and code"),
        },
    };
    let frame = Frame::new(code, globals, Some(locals));
    crate::eval::run(vm, frame)
}

/// `ascii(obj)`: `repr` with non-ASCII characters escaped.
pub fn ascii(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let [obj] = args else {
        return Err(Raise::type_error(format!(
            "ascii() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let text = crate::eval::ops::repr(vm, obj)?;
    Ok(PyStr::value(escape_non_ascii(&text)))
}

/// Escape every non-ASCII character as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn escape_non_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c as u32 {
            0..=0x7F => out.push(c),
            n @ 0x80..=0xFF => out.push_str(&format!("\\x{n:02x}")),
            n @ 0x100..=0xFFFF => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

/// `bin`, `oct`, `hex`: an integer in base 2, 8 or 16 with its prefix.
fn radix(vm: &mut Vm, args: &[Value], name: &str, spec: &str) -> PyResult<Value> {
    let [obj] = args else {
        return Err(Raise::type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let n = crate::eval::ops::index(vm, obj)?;
    Ok(PyStr::value(crate::eval::ops::format(vm, &n, spec)?))
}

/// `bin(x)`.
pub fn bin(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    radix(vm, args, "bin", "#b")
}

/// `oct(x)`.
pub fn oct(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    radix(vm, args, "oct", "#o")
}

/// `hex(x)`.
pub fn hex(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    radix(vm, args, "hex", "#x")
}

/// `exit(code=None)` and `quit(code=None)`, as the `site` module adds them.
pub fn exit(_vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    Err(match args.first() {
        None => Raise::Bare(ExcKind::SystemExit),
        Some(code) => Raise::WithValue(ExcKind::SystemExit, code.clone()),
    })
}
