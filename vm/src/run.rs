//! Running source: a script as `__main__`, or a module file for `import`.

use crate::eval::{exception, Frame};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::interp::{Interp, Vm};
use crate::object::{Dict, Object, PyStr};
use crate::value::{Obj, Value};
use gilt_lexer::LineIndex;
use std::sync::Arc;

/// Compile `bytes` (already known to parse and pass the checks) and run it as
/// module `name`, registered in `sys.modules` first. Returns the module.
pub fn run_module_file(vm: &mut Vm, name: &str, filename: &str, bytes: &[u8]) -> PyResult<Value> {
    let module_obj = crate::builtins::import::new_module(name);
    crate::builtins::import::set_attr(vm, &module_obj, "__file__", PyStr::value(filename));
    crate::builtins::import::set_module(vm, name, module_obj.clone());
    let Some(Object::Module(m)) = module_obj.as_object() else {
        unreachable!("new_module makes a module")
    };
    exec_file(vm, &m.dict.clone(), filename, bytes)?;
    Ok(module_obj)
}

/// Import `package`, then run `bytes` as its module `__main__`.
fn run_in_package(vm: &mut Vm, filename: &str, bytes: &[u8], package: &str) -> PyResult<Value> {
    crate::builtins::import::import_module(vm, package)?;
    let module = crate::builtins::import::new_module("__main__");
    crate::builtins::import::set_attr(vm, &module, "__file__", PyStr::value(filename));
    crate::builtins::import::set_attr(vm, &module, "__package__", PyStr::value(package));
    crate::builtins::import::set_module(vm, "__main__", module.clone());
    let Some(Object::Module(m)) = module.as_object() else {
        unreachable!("new_module makes a module")
    };
    exec_file(vm, &m.dict.clone(), filename, bytes)?;
    Ok(module)
}

/// Compile the source `bytes` of `filename` and run it with `globals` (a
/// dict) as its module namespace.
pub fn exec_file(vm: &mut Vm, globals: &Obj, filename: &str, bytes: &[u8]) -> PyResult<()> {
    let text = gilt_lexer::decode_source(bytes).map_err(|e| {
        let text = String::from_utf8_lossy(bytes);
        crate::builtins::syntax_error::new(vm, "SyntaxError", &e.msg, filename, &text, 0, 0)
    })?;
    let module =
        gilt_parser::parse_module(&text).map_err(|e| syntax_error(vm, filename, &text, e))?;
    crate::compile::check_module(&module).map_err(|e| syntax_error(vm, filename, &text, e))?;
    let code = crate::compile::compile_module(&module, &text, filename)
        .map_err(|u| unsupported(filename, &text, u))?;
    set_builtins(vm, globals);
    let frame = Frame::new(code, globals.clone(), Some(globals.clone()));
    crate::eval::run(vm, frame)?;
    Ok(())
}

/// `__builtins__` in a module's namespace, as CPython sets it: the module in
/// `__main__`, its dict elsewhere.
fn set_builtins(vm: &mut Vm, globals: &Obj) {
    let Object::Dict(d) = globals.get() else {
        return;
    };
    if d.get(&vm.gil).get_str("__builtins__").is_some() {
        return;
    }
    let main = matches!(
        d.get(&vm.gil).get_str("__name__").and_then(Value::as_object),
        Some(Object::Str(s)) if &*s.text == "__main__"
    );
    let value = match crate::builtins::import::get_module(vm, "builtins") {
        Some(m) if main => m,
        _ => Value::Obj(vm.interp.builtins.clone()),
    };
    d.get_mut(&mut vm.gil).insert_str("__builtins__", value);
}

/// A SyntaxError raised by importing a module that does not parse.
pub(crate) fn syntax_error(
    vm: &mut Vm,
    filename: &str,
    text: &str,
    e: gilt_parser::ParseError,
) -> Raise {
    let class = e.kind.class_name();
    crate::builtins::syntax_error::new(vm, class, &e.msg, filename, text, e.start, e.end)
}

/// A construct the compiler cannot translate yet, as a NotImplementedError.
pub(crate) fn unsupported(filename: &str, text: &str, u: crate::compile::Unsupported) -> Raise {
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
    run_main_with(interp, filename, bytes, None, false)
}

/// [`run_main`] with the folder searched first by `import` (`sys.path[0]`;
/// `None`: the script's folder) and, with `inspect` (`python -i`), a SystemExit
/// printed as a traceback instead of obeyed, since a REPL follows.
pub fn run_main_with(
    interp: &Arc<Interp>,
    filename: &str,
    bytes: &[u8],
    path0: Option<&str>,
    inspect: bool,
) -> i32 {
    run_main_in_package(interp, filename, bytes, path0, inspect, "")
}

/// [`run_main_with`] for `python -m`: the module's package (`""` for a
/// top-level module) is imported first and becomes `__main__.__package__`,
/// so the module's relative imports work.
pub fn run_main_in_package(
    interp: &Arc<Interp>,
    filename: &str,
    bytes: &[u8],
    path0: Option<&str>,
    inspect: bool,
    package: &str,
) -> i32 {
    let mut vm = interp.enter();
    if vm.interp.argv.get(&vm.gil).is_empty() {
        vm.interp
            .argv
            .get_mut(&mut vm.gil)
            .push(filename.to_string());
    }
    let dir = match path0 {
        Some(dir) => dir.to_string(),
        None => std::path::Path::new(filename)
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    // CPython puts the script's real folder first (symbolic links resolved).
    let dir = match std::fs::canonicalize(&dir) {
        Ok(real) if path0.is_none() && !dir.is_empty() => real.to_string_lossy().into_owned(),
        _ => dir,
    };
    push_search_path(&mut vm, &dir);
    let result = if package.is_empty() {
        run_module_file(&mut vm, "__main__", filename, bytes)
    } else {
        run_in_package(&mut vm, filename, bytes, package)
    };
    match result {
        Ok(_) => 0,
        Err(err) if inspect => match uncaught(&mut vm, err, false) {
            Uncaught::Exit(code) => code,
            Uncaught::Printed => 1,
        },
        Err(err) => report(&mut vm, err),
    }
}

/// At exit: `threading._shutdown()`, which waits for non-daemon threads, then
/// `atexit._run_exitfuncs()`, for the modules the program imported.
pub fn shutdown(interp: &Arc<Interp>) {
    let mut vm = interp.enter();
    // Threads first: their code may still register exit functions.
    for (module, hook) in [("threading", "_shutdown"), ("atexit", "_run_exitfuncs")] {
        let Some(m) = crate::builtins::import::get_module(&vm, module) else {
            continue;
        };
        let hook = crate::builtins::import::module::namespace(&m)
            .and_then(|d| d.get(&vm.gil).get_str(hook).cloned());
        if let Some(hook) = hook {
            if let Err(err) = crate::eval::call::call(&mut vm, &hook, Vec::new(), Vec::new()) {
                uncaught(&mut vm, err, false);
            }
        }
    }
}

/// What became of an exception nobody caught.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uncaught {
    /// A SystemExit asked the process to exit with this code.
    Exit(i32),
    /// The traceback was printed to stderr.
    Printed,
}

/// Print an uncaught exception (or honour SystemExit) and return the exit code.
pub fn report(vm: &mut Vm, err: Raise) -> i32 {
    let interrupted = crate::eval::exception::is_kind(vm, &err, ExcKind::KeyboardInterrupt);
    match uncaught(vm, err, true) {
        Uncaught::Exit(code) => code,
        // As a shell reports a process that SIGINT ended.
        Uncaught::Printed if interrupted => 130,
        Uncaught::Printed => 1,
    }
}

/// Print an uncaught exception's traceback to stderr as CPython does; a
/// SystemExit is obeyed instead when `obey_exit` (it is printed otherwise).
pub fn uncaught(vm: &mut Vm, err: Raise, obey_exit: bool) -> Uncaught {
    let exc = exception::materialize(vm, err);
    let class = crate::eval::attr::class_of(vm, &exc);
    let system_exit = vm.interp.exceptions["SystemExit"].clone();
    if obey_exit && crate::eval::attr::is_subclass(vm, &class, &system_exit) {
        return Uncaught::Exit(exit_code(vm, &exc));
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
    Uncaught::Printed
}

/// `sys.exit(code)`: None is 0, an int is itself, anything else is printed and 1.
/// The code is SystemExit's `code` attribute, as CPython's handle_system_exit reads it.
fn exit_code(vm: &mut Vm, exc: &Value) -> i32 {
    let code = crate::eval::attr::get(vm, exc, "code").unwrap_or(Value::None);
    match code {
        Value::None => 0,
        Value::Int(n) => n as i32,
        Value::Bool(b) => b as i32,
        other => {
            let text = crate::eval::ops::str_of(vm, &other).unwrap_or_default();
            eprintln!("{text}");
            1
        }
    }
}

/// The name the interactive display hook has in builtins while one REPL input
/// runs; no program can see it otherwise.
const DISPLAY_HOOK: &str = "__gilt_displayhook__";

/// The globals of `__main__`: a script's, after `gilt -i FILE`, or those of a
/// fresh module (and the current folder on the search path, as CPython's
/// `sys.path[0] == ''`) when no script ran.
pub fn main_globals(vm: &mut Vm) -> Obj {
    if let Some(Value::Obj(m)) = crate::builtins::import::get_module(vm, "__main__") {
        if let Object::Module(m) = m.get() {
            return m.dict.clone();
        }
    }
    let module = crate::builtins::import::new_module("__main__");
    crate::builtins::import::set_module(vm, "__main__", module.clone());
    push_search_path(vm, "");
    match module.as_object() {
        Some(Object::Module(m)) => m.dict.clone(),
        _ => unreachable!("new_module makes a module"),
    }
}

/// Append a folder to `sys.path`.
fn push_search_path(vm: &mut Vm, dir: &str) {
    if let Object::List(l) = vm.interp.search_path.get() {
        l.get_mut(&mut vm.gil).push(PyStr::value(dir));
    }
}

/// Run one input of the interactive prompt (already parsed and checked) in
/// `__main__`'s namespace, as CPython runs it in 'single' mode: each
/// expression statement outside a function or class body shows the repr of
/// its value unless it is None, and keeps the value in `builtins._`
/// (`sys.displayhook`). An uncaught exception's traceback is printed (Err
/// `Printed`); a SystemExit is returned to be obeyed (Err `Exit`).
///
/// How the values are shown: each such statement `e` is rewritten to
/// `__gilt_displayhook__(e)` before compiling, and that name is bound in
/// builtins only while the input runs.
pub fn run_interactive(
    interp: &Arc<Interp>,
    module: &gilt_parser::ast::Module,
    text: &str,
    filename: &str,
) -> Result<(), Uncaught> {
    let mut vm = interp.enter();
    let mut body = module.body.clone();
    echo_expressions(&mut body);
    let module = gilt_parser::ast::Module { body };
    let code = match crate::compile::compile_module(&module, text, filename) {
        Ok(code) => code,
        Err(u) => {
            let err = unsupported(filename, text, u);
            return Err(uncaught(&mut vm, err, true));
        }
    };
    let globals = main_globals(&mut vm);
    let hook = Value::obj(Object::Builtin(crate::object::Builtin {
        name: "displayhook",
        call: display_hook,
        receiver: None,
        binds: false,
    }));
    set_builtin(&mut vm, DISPLAY_HOOK, Some(hook));
    let result = crate::eval::run(&mut vm, Frame::new(code, globals.clone(), Some(globals)));
    set_builtin(&mut vm, DISPLAY_HOOK, None);
    match result {
        Ok(_) => Ok(()),
        Err(err) => Err(uncaught(&mut vm, err, true)),
    }
}

/// Wrap every expression statement of a module-level body (not inside a
/// function or class) in a call of the display hook.
fn echo_expressions(body: &mut [gilt_parser::ast::Stmt]) {
    use gilt_parser::ast::{Expr, ExprContext, ExprKind, StmtKind};
    for stmt in body {
        match &mut stmt.node {
            StmtKind::Expr { value } => {
                let range = value.range;
                let func = Expr {
                    node: ExprKind::Name {
                        id: DISPLAY_HOOK.into(),
                        ctx: ExprContext::Load,
                    },
                    range,
                };
                let arg = std::mem::replace(
                    value.as_mut(),
                    Expr {
                        node: ExprKind::Call {
                            func: Box::new(func),
                            args: Vec::new(),
                            keywords: Vec::new(),
                        },
                        range,
                    },
                );
                if let ExprKind::Call { args, .. } = &mut value.node {
                    args.push(arg);
                }
            }
            StmtKind::For { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::If { body, orelse, .. } => {
                echo_expressions(body);
                echo_expressions(orelse);
            }
            StmtKind::With { body, .. } => echo_expressions(body),
            StmtKind::Match { cases, .. } => {
                for case in cases {
                    echo_expressions(&mut case.body);
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                echo_expressions(body);
                for handler in handlers {
                    echo_expressions(&mut handler.body);
                }
                echo_expressions(orelse);
                echo_expressions(finalbody);
            }
            _ => {}
        }
    }
}

/// `sys.displayhook(value)`: print `repr(value)` unless it is None, and keep
/// it in `builtins._` (set to None first, as CPython does, while repr runs).
fn display_hook(vm: &mut Vm, args: &[Value], _kwargs: &[(Box<str>, Value)]) -> PyResult<Value> {
    let value = match args.first() {
        None | Some(Value::None) => return Ok(Value::None),
        Some(v) => v.clone(),
    };
    set_builtin(vm, "_", Some(Value::None));
    let text = crate::eval::ops::repr(vm, &value)?;
    write_stdout(vm, &format!("{text}\n"));
    set_builtin(vm, "_", Some(value));
    Ok(Value::None)
}

/// Bind (or with `None` remove) a name in the builtins namespace.
fn set_builtin(vm: &mut Vm, name: &str, value: Option<Value>) {
    if let Object::Dict(d) = vm.interp.builtins.get() {
        let d = d.get_mut(&mut vm.gil);
        match value {
            Some(v) => d.insert_str(name, v),
            None => {
                d.remove_str(name);
            }
        }
    }
}

/// Text for stdout, or for the host's capture buffer when it asked for one.
fn write_stdout(vm: &mut Vm, text: &str) {
    if let Some(captured) = vm.interp.captured.get_mut(&mut vm.gil) {
        captured.push_str(text);
        return;
    }
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// Python's keywords, for completion (`keyword.kwlist`).
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Completions of `word`, the text before the cursor at the interactive
/// prompt, as CPython's `rlcompleter` gives them: a bare name completes from
/// the keywords, `__main__`'s globals and the builtins; `a.b.c` completes the
/// attributes of the object `a.b` (looking it up may run Python code, as
/// rlcompleter's `eval` does). Each result replaces the whole word; a
/// callable's ends with `(`, a keyword with the space or colon that follows it.
pub fn completions(interp: &Arc<Interp>, word: &str) -> Vec<String> {
    let mut vm = interp.enter();
    let globals = main_globals(&mut vm);
    let mut found = match word.rsplit_once('.') {
        None => name_completions(&mut vm, &globals, word),
        Some((base, prefix)) => attribute_completions(&mut vm, &globals, base, prefix),
    };
    found.sort();
    found.dedup();
    found
}

fn name_completions(vm: &mut Vm, globals: &Obj, prefix: &str) -> Vec<String> {
    let mut found: Vec<String> = KEYWORDS
        .iter()
        .filter(|k| k.starts_with(prefix))
        .map(|&k| match k {
            "finally" | "try" => format!("{k}:"),
            "False" | "None" | "True" | "break" | "continue" | "pass" | "else" => k.to_string(),
            _ => format!("{k} "),
        })
        .collect();
    for namespace in [globals.clone(), vm.interp.builtins.clone()] {
        for (name, value) in dict_items(vm, &namespace) {
            if name.starts_with(prefix) && !KEYWORDS.contains(&name.as_str()) {
                found.push(with_call_paren(vm, name, &value));
            }
        }
    }
    found
}

fn attribute_completions(vm: &mut Vm, globals: &Obj, base: &str, prefix: &str) -> Vec<String> {
    let mut parts = base.split('.');
    let first = parts.next().unwrap_or_default();
    let lookup = |vm: &Vm, namespace: &Obj| match namespace.get() {
        Object::Dict(d) => d.get(&vm.gil).get_str(first).cloned(),
        _ => None,
    };
    let Some(mut value) = lookup(vm, globals).or_else(|| lookup(vm, &vm.interp.builtins)) else {
        return Vec::new();
    };
    for part in parts {
        match crate::eval::attr::get(vm, &value, part) {
            Ok(v) => value = v,
            Err(_) => return Vec::new(),
        }
    }
    let mut found = Vec::new();
    for name in attribute_names(vm, &value) {
        // rlcompleter hides `_x` until `_` is typed, and `__x` until `__` is.
        let hidden = (prefix.is_empty() && name.starts_with('_'))
            || (prefix == "_" && name.starts_with("__"));
        if hidden || !name.starts_with(prefix) {
            continue;
        }
        let shown = match crate::eval::attr::get(vm, &value, &name) {
            Ok(attr) => with_call_paren(vm, name, &attr),
            Err(_) => name,
        };
        found.push(format!("{base}.{shown}"));
    }
    found
}

/// The attribute names `dir(value)` would list, as far as they are kept in
/// dicts: a module's globals, an instance's own and its classes'.
fn attribute_names(vm: &Vm, value: &Value) -> Vec<String> {
    let mut dicts: Vec<Vec<String>> = Vec::new();
    let class_chain = |vm: &Vm, class: &Obj, dicts: &mut Vec<Vec<String>>| {
        if let Object::Class(c) = class.get() {
            dicts.push(dict_keys(c.dict.get(&vm.gil)));
            for base in c.mro.get(&vm.gil).iter() {
                if let Object::Class(b) = base.get() {
                    dicts.push(dict_keys(b.dict.get(&vm.gil)));
                }
            }
        }
    };
    match value.as_object() {
        Some(Object::Module(m)) => {
            if let Object::Dict(d) = m.dict.get() {
                dicts.push(dict_keys(d.get(&vm.gil)));
            }
        }
        Some(Object::Class(_)) => {
            if let Value::Obj(class) = value {
                class_chain(vm, class, &mut dicts);
            }
        }
        Some(Object::Instance(i)) => {
            dicts.push(dict_keys(i.attrs().get(&vm.gil)));
            class_chain(vm, &i.class, &mut dicts);
        }
        _ => {
            let class = crate::eval::attr::class_of(vm, value);
            class_chain(vm, &class, &mut dicts);
        }
    }
    dicts.concat()
}

fn dict_keys(d: &Dict) -> Vec<String> {
    d.keys()
        .filter_map(|k| match k.as_object() {
            Some(Object::Str(s)) => Some(s.text.to_string()),
            _ => None,
        })
        .collect()
}

fn dict_items(vm: &Vm, namespace: &Obj) -> Vec<(String, Value)> {
    match namespace.get() {
        Object::Dict(d) => d
            .get(&vm.gil)
            .iter()
            .filter_map(|(k, v)| match k.as_object() {
                Some(Object::Str(s)) => Some((s.text.to_string(), v.clone())),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// rlcompleter marks a callable with `(`.
fn with_call_paren(vm: &Vm, name: String, value: &Value) -> String {
    let callable = match value.as_object() {
        Some(
            Object::Function(_) | Object::Builtin(_) | Object::Method { .. } | Object::Class(_),
        ) => true,
        Some(Object::Instance(i)) => crate::eval::attr::lookup(vm, &i.class, "__call__").is_some(),
        _ => false,
    };
    if callable {
        name + "("
    } else {
        name
    }
}
