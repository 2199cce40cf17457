//! SyntaxError as an object: raised when an imported module does not
//! compile, with CPython's attributes (`msg`, `filename`, `lineno`, `offset`,
//! `text`, `end_lineno`, `end_offset`), its str `msg (file.py, line N)`, and
//! the report an uncaught one prints (file, line, source, carets, message).

use crate::eval::{attr, call, exception, ops};
use crate::exc::{PyResult, Raise};
use crate::interp::Vm;
use crate::object::{Builtin, Dict, Object, PyStr};
use crate::value::Value;
use gilt_lexer::LineIndex;

const FIELDS: [&str; 6] = [
    "filename",
    "lineno",
    "offset",
    "text",
    "end_lineno",
    "end_offset",
];

/// The SyntaxError (or IndentationError, TabError: `class`) for a parse
/// error at byte offsets `start..end` of `text`, the source of `filename`.
pub fn new(
    vm: &mut Vm,
    class: &str,
    msg: &str,
    filename: &str,
    text: &str,
    start: u32,
    end: u32,
) -> Raise {
    let index = LineIndex::new(text);
    let column = |line: u32, byte_col: u32| -> i64 {
        let line_text = index.line_text(text, line);
        let cut = (byte_col as usize).min(line_text.len());
        let chars = line_text.get(..cut).map_or(cut, |s| s.chars().count());
        chars as i64 + 1
    };
    let (line, col) = index.line_col(start);
    let (end_line, end_col) = index.line_col(end.max(start));
    let source_line = format!("{}\n", index.line_text(text, line));
    let details = vec![
        PyStr::value(filename),
        Value::Int(line as i64),
        Value::Int(column(line, col)),
        PyStr::value(source_line),
        Value::Int(end_line as i64),
        Value::Int(column(end_line, end_col)),
    ];
    let details = Value::obj(Object::Tuple(details.into()));
    let class = Value::Obj(vm.interp.exceptions[class].clone());
    match call::call(vm, &class, vec![PyStr::value(msg), details], Vec::new()) {
        Ok(exc) => Raise::Object(exception::materialize(vm, Raise::Object(exc))),
        Err(e) => e,
    }
}

/// Put SyntaxError's `__init__` and `__str__` into its class namespace.
pub fn install_exception_methods(class: &str, dict: &mut Dict) {
    if class == "SyntaxError" {
        dict.insert_str("__init__", Builtin::method("__init__", init));
        dict.insert_str("__str__", Builtin::method("__str__", str_method));
    }
}

/// `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))`.
fn init(vm: &mut Vm, args: &[Value], _kwargs: &[(Box<str>, Value)]) -> PyResult<Value> {
    let Some((exc, rest)) = args.split_first() else {
        return Ok(Value::None);
    };
    exception::init_args(vm, exc, rest);
    let mut values = vec![Value::None; FIELDS.len()];
    if let [_, info] = rest {
        let items = vm.collect(info)?;
        if items.len() != 4 && items.len() != 6 {
            return Err(Raise::new(
                crate::exc::ExcKind::IndexError,
                "tuple index out of range",
            ));
        }
        for (slot, item) in values.iter_mut().zip(items) {
            *slot = item;
        }
    }
    if let Some(Object::Instance(i)) = exc.as_object() {
        let d = i.attrs().get_mut(&mut vm.gil);
        d.insert_str("msg", rest.first().cloned().unwrap_or(Value::None));
        for (name, v) in FIELDS.iter().zip(values) {
            d.insert_str(name, v);
        }
        d.insert_str("print_file_and_line", Value::None);
    }
    Ok(Value::None)
}

fn field(vm: &mut Vm, exc: &Value, name: &str) -> Value {
    attr::get(vm, exc, name).unwrap_or(Value::None)
}

/// `str(e)`: `msg (file.py, line 3)`, the file by its last component.
fn str_method(vm: &mut Vm, args: &[Value], _kwargs: &[(Box<str>, Value)]) -> PyResult<Value> {
    let Some(exc) = args.first() else {
        return Ok(PyStr::value(""));
    };
    let msg = field(vm, exc, "msg");
    let msg = match msg {
        Value::None => return Ok(PyStr::value(exception::str_of(vm, exc)?)),
        m => ops::str_of(vm, &m)?,
    };
    let file = match field(vm, exc, "filename").as_object() {
        Some(Object::Str(s)) => Some(s.text.rsplit('/').next().unwrap_or("").to_string()),
        _ => None,
    };
    let line = match field(vm, exc, "lineno") {
        Value::Int(n) => Some(n),
        _ => None,
    };
    let text = match (file, line) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    };
    Ok(PyStr::value(text))
}

/// What an uncaught SyntaxError prints after the traceback: where it is,
/// the source line with carets, and `Name: msg`. `None` for an exception
/// that is not a SyntaxError with a message.
pub fn report(vm: &mut Vm, exc: &Value, name: &str) -> Option<String> {
    let class = attr::class_of(vm, exc);
    let syntax = vm.interp.exceptions["SyntaxError"].clone();
    if !attr::is_subclass(vm, &class, &syntax) {
        return None;
    }
    let msg = match field(vm, exc, "msg") {
        Value::None => return None,
        m => ops::str_of(vm, &m).ok()?,
    };
    let mut out = String::new();
    if let (Some(Object::Str(file)), Value::Int(line)) = (
        field(vm, exc, "filename").as_object(),
        field(vm, exc, "lineno"),
    ) {
        out.push_str(&format!("  File \"{}\", line {line}\n", file.text));
    }
    if let Some(Object::Str(text)) = field(vm, exc, "text").as_object() {
        let shown = text.text.trim_end_matches('\n');
        let stripped = shown.trim_start();
        let indent = shown.chars().count() - stripped.chars().count();
        out.push_str(&format!("    {stripped}\n"));
        if let Value::Int(offset) = field(vm, exc, "offset") {
            let start = (offset - 1 - indent as i64).max(0);
            let line = field(vm, exc, "lineno");
            let ends = (field(vm, exc, "end_lineno"), field(vm, exc, "end_offset"));
            let width = match (line, ends) {
                (Value::Int(l), (Value::Int(el), Value::Int(eo))) if l == el => {
                    (eo - offset).max(1)
                }
                _ => 1,
            };
            out.push_str(&format!(
                "    {}{}\n",
                " ".repeat(start as usize),
                "^".repeat(width as usize)
            ));
        }
    }
    out.push_str(&format!("{name}: {msg}\n"));
    Some(out)
}
