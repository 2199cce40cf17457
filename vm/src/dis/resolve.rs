//! What `dis` disassembles for a given object: the code behind a method,
//! function or generator, the members of a class or module, or source text
//! compiled on the spot.

use super::listing;
use crate::bytecode::Code;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::Vm;
use crate::object::{Dict, Object};
use crate::value::Value;
use gilt_lexer::LineIndex;
use gilt_parser::ast;
use std::sync::Arc;

/// The object `dis` works on after looking through a method to its function,
/// and through a function or generator to its code.
fn unwrap(x: &Value) -> Value {
    let mut x = x.clone();
    let func = match x.as_object() {
        Some(Object::Method { func, .. }) => Some(func.clone()),
        Some(Object::ClassMethod(f) | Object::StaticMethod(f)) => Some(f.clone()),
        _ => None,
    };
    if let Some(f) = func {
        x = f;
    }
    let code = match x.as_object() {
        Some(Object::Function(f)) => Some(f.code.clone()),
        Some(Object::Generator(g)) => Some(g.code.clone()),
        _ => None,
    };
    match code {
        Some(code) => Value::obj(Object::Code(code)),
        None => x,
    }
}

fn cannot(vm: &Vm, x: &Value) -> Raise {
    let name = crate::eval::attr::type_name(vm, x);
    Raise::type_error(format!("don't know how to disassemble {name} objects"))
}

/// The code object for `x` (a method, function, generator, code object, or
/// source compiled under `filename`), as `dis.get_instructions` and
/// `dis.code_info` take it.
pub fn code_of(vm: &mut Vm, x: &Value, filename: &str) -> PyResult<Arc<Code>> {
    let x = unwrap(x);
    match x.as_object() {
        Some(Object::Code(code)) => Ok(code.clone()),
        Some(Object::Str(s)) => {
            let text = s.text.clone();
            compile(vm, &text, filename)
        }
        _ => Err(cannot(vm, &x)),
    }
}

/// What `dis.dis(x)` prints: a code object and those nested in it, or for a
/// class, module or instance, each member that has code, by name.
pub fn dis_text(vm: &mut Vm, x: &Value, depth: Option<i64>) -> PyResult<String> {
    let x = unwrap(x);
    if let Some(members) = namespace_of(vm, &x) {
        return members_text(vm, members, depth);
    }
    match x.as_object() {
        Some(Object::Code(code)) => listing::disassemble_recursive(vm, code, depth),
        Some(Object::Str(s)) => {
            let text = s.text.clone();
            let code = compile(vm, &text, "<dis>")?;
            listing::disassemble_recursive(vm, &code, depth)
        }
        _ => Err(cannot(vm, &x)),
    }
}

/// The `__dict__` items of a class, module or instance, sorted by name.
fn namespace_of(vm: &Vm, x: &Value) -> Option<Vec<(String, Value)>> {
    let items = |d: &Dict| -> Vec<(String, Value)> {
        d.iter()
            .filter_map(|(k, v)| match k.as_object() {
                Some(Object::Str(s)) => Some((s.text.to_string(), v.clone())),
                _ => None,
            })
            .collect()
    };
    let mut members = match x.as_object()? {
        Object::Class(c) => items(c.dict.get(&vm.gil)),
        Object::Instance(i) => items(i.attrs().get(&vm.gil)),
        Object::Module(m) => match m.dict.get() {
            Object::Dict(d) => items(d.get(&vm.gil)),
            _ => return None,
        },
        _ => return None,
    };
    members.sort_by(|a, b| a.0.cmp(&b.0));
    Some(members)
}

/// CPython's loop over a namespace: a `Disassembly of NAME:` header, the
/// member's listing (or `Sorry: ...` for a TypeError) and a blank line, for
/// each member that is a function, method, code object or class.
fn members_text(
    vm: &mut Vm,
    members: Vec<(String, Value)>,
    depth: Option<i64>,
) -> PyResult<String> {
    let mut out = String::new();
    for (name, value) in members {
        let has_code = matches!(
            value.as_object(),
            Some(
                Object::Function(_)
                    | Object::Method { .. }
                    | Object::Code(_)
                    | Object::ClassMethod(_)
                    | Object::StaticMethod(_)
                    | Object::Class(_)
            )
        );
        if !has_code {
            continue;
        }
        out.push_str(&format!("Disassembly of {name}:\n"));
        match dis_text(vm, &value, depth) {
            Ok(text) => out.push_str(&text),
            Err(Raise::New(ExcKind::TypeError, msg)) => out.push_str(&format!("Sorry: {msg}\n")),
            Err(e) => return Err(e),
        }
        out.push('\n');
    }
    Ok(out)
}

/// Compile source text as CPython's `dis` does: as an expression if it is
/// one (the code returns its value), else as a module.
pub fn compile(vm: &mut Vm, text: &str, filename: &str) -> PyResult<Arc<Code>> {
    let compiled = match gilt_parser::parse_expression(text) {
        Ok(expr) => {
            let range = expr.range;
            let module = ast::Module {
                body: vec![ast::Stmt {
                    node: ast::StmtKind::Expr {
                        value: Box::new(expr),
                    },
                    range,
                }],
            };
            crate::compile::check_module(&module)
                .map_err(|e| syntax_error(vm, text, filename, e))?;
            crate::compile::compile_eval(&module, text, filename)
        }
        Err(_) => {
            let module =
                gilt_parser::parse_module(text).map_err(|e| syntax_error(vm, text, filename, e))?;
            crate::compile::check_module(&module)
                .map_err(|e| syntax_error(vm, text, filename, e))?;
            crate::compile::compile_module(&module, text, filename)
        }
    };
    compiled.map_err(|u| {
        let line = LineIndex::new(text).line_col(u.offset).0;
        Raise::new(
            ExcKind::NotImplementedError,
            format!(
                "{} is not supported by gilt yet ({filename}, line {line})",
                u.what
            ),
        )
    })
}

/// A SyntaxError (or IndentationError, TabError) instance whose str is
/// CPython's: `message (filename, line N)`.
fn syntax_error(vm: &mut Vm, text: &str, filename: &str, e: gilt_parser::ParseError) -> Raise {
    let line = LineIndex::new(text).line_col(e.start).0;
    let message = format!("{} ({filename}, line {line})", e.msg);
    let class = vm
        .interp
        .exceptions
        .get(e.kind.class_name())
        .or_else(|| vm.interp.exceptions.get("SyntaxError"))
        .cloned();
    let Some(class) = class else {
        return Raise::new(ExcKind::Exception, message);
    };
    let arg = crate::object::PyStr::value(message);
    match crate::eval::call::call(vm, &Value::Obj(class), vec![arg], Vec::new()) {
        Ok(exc) => Raise::Object(exc),
        Err(err) => err,
    }
}
