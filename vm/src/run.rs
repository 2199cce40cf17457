//! Running source: a script as `__main__`, or a module file for `import`.

use crate::eval::{exception, Frame};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::{Interp, Vm};
use crate::object::{Dict, Module, Object, PyStr};
use crate::value::{Obj, Value};
use gilt_lexer::LineIndex;
use std::sync::Arc;

/// Compile `bytes` (already known to parse and pass the checks) and run it as
/// module `name`, registered in `sys.modules` first. Returns the module.
pub fn run_module_file(vm: &mut Vm, name: &str, filename: &str, bytes: &[u8]) -> PyResult<Value> {
    let text = gilt_lexer::decode_source(bytes)
        .map_err(|e| Raise::new(ExcKind::Exception, format!("SyntaxError: {}", e.msg)))?;
    let module =
        gilt_parser::parse_module(&text).map_err(|e| syntax_error(vm, filename, &text, e))?;
    crate::compile::check_module(&module).map_err(|e| syntax_error(vm, filename, &text, e))?;
    let code = crate::compile::compile_module(&module, &text, filename)
        .map_err(|u| unsupported(filename, &text, u))?;
    let mut globals = Dict::new();
    globals.insert_str("__name__", PyStr::value(name));
    globals.insert_str("__file__", PyStr::value(filename));
    globals.insert_str("__doc__", Value::None);
    let globals = Obj::new(Object::Dict(GilCell::new(globals)));
    let module_obj = Value::obj(Object::Module(Module {
        name: name.into(),
        dict: globals.clone(),
    }));
    vm.interp
        .modules
        .get_mut(&mut vm.gil)
        .insert_str(name, module_obj.clone());
    let frame = Frame::new(code, globals.clone(), Some(globals));
    crate::eval::run(vm, frame)?;
    Ok(module_obj)
}

/// A SyntaxError raised by importing a module that does not parse.
fn syntax_error(_vm: &mut Vm, filename: &str, text: &str, e: gilt_parser::ParseError) -> Raise {
    let line = LineIndex::new(text).line_col(e.start).0;
    Raise::new(
        ExcKind::Exception,
        format!(
            "{}: {} ({filename}, line {line})",
            e.kind.class_name(),
            e.msg
        ),
    )
}

/// A construct the compiler cannot translate yet, as a NotImplementedError.
fn unsupported(filename: &str, text: &str, u: crate::compile::Unsupported) -> Raise {
    let line = LineIndex::new(text).line_col(u.offset).0;
    Raise::new(
        ExcKind::NotImplementedError,
        format!(
            "{} is not supported by gilt yet ({filename}, line {line})",
            u.what
        ),
    )
}

/// Run a script as `__main__`; print an uncaught exception as CPython does and
/// return the process exit code.
pub fn run_main(interp: &Arc<Interp>, filename: &str, bytes: &[u8]) -> i32 {
    let mut vm = interp.enter();
    let dir = std::path::Path::new(filename)
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    vm.interp
        .search_path
        .get_mut(&mut vm.gil)
        .push(if dir.is_empty() { ".".into() } else { dir });
    match run_module_file(&mut vm, "__main__", filename, bytes) {
        Ok(_) => 0,
        Err(err) => report(&mut vm, err),
    }
}

/// Print an uncaught exception (or honour SystemExit) and return the exit code.
pub fn report(vm: &mut Vm, err: Raise) -> i32 {
    let exc = exception::materialize(vm, err);
    let class = crate::eval::attr::class_of(vm, &exc);
    let system_exit = vm.interp.exceptions["SystemExit"].clone();
    if crate::eval::attr::is_subclass(vm, &class, &system_exit) {
        return exit_code(vm, &exc);
    }
    let source_line = |file: &str, line: u32| -> Option<String> {
        let text = std::fs::read_to_string(file).ok()?;
        let index = LineIndex::new(&text);
        Some(index.line_text(&text, line).to_string())
    };
    let text = exception::format_uncaught(vm, &exc, &source_line);
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().write_all(text.as_bytes());
    1
}

/// `sys.exit(code)`: None is 0, an int is itself, anything else is printed and 1.
fn exit_code(vm: &mut Vm, exc: &Value) -> i32 {
    let args = match exc.as_object() {
        Some(Object::Instance(i)) => match i
            .dict
            .get(&vm.gil)
            .get_str("args")
            .and_then(Value::as_object)
        {
            Some(Object::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    match args.first() {
        None | Some(Value::None) => 0,
        Some(Value::Int(n)) => *n as i32,
        Some(other) => {
            let text = crate::eval::ops::str_of(vm, other).unwrap_or_default();
            eprintln!("{text}");
            1
        }
    }
}
