//! The host's side of an [`Interpreter`]: run code in `__main__`, evaluate,
//! read and bind globals, call, register Rust functions, capture stdout.

use super::gil::{enter, released};
use super::object::call_in;
use super::{Error, Object};
use crate::{check_source, Interpreter};
use gilt_parser::ast;
use gilt_vm::eval::{self, Frame};
use gilt_vm::exc::Raise;
use gilt_vm::interp::Vm;
use gilt_vm::object::{HostFn, Object as PyObject};
use gilt_vm::run::main_globals;
use gilt_vm::value::{Obj, Value};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

/// What tracebacks name source given as a string, as CPython's `exec` does.
const STRING_FILE: &str = "<string>";

impl Interpreter {
    /// Run `source` in the `__main__` module's namespace; its globals stay
    /// for later calls. A syntax error or an uncaught exception is an `Err`.
    ///
    /// ```
    /// let interp = gilt::Interpreter::new();
    /// interp.exec("def double(x):\n    return 2 * x\n").unwrap();
    /// interp.exec("y = double(21)").unwrap();
    /// assert_eq!(interp.get("y").unwrap().extract::<i64>().unwrap(), 42);
    /// assert_eq!(interp.exec("y +").unwrap_err().class(), "SyntaxError");
    /// ```
    pub fn exec(&self, source: &str) -> Result<(), Error> {
        self.exec_named(source.as_bytes(), STRING_FILE)
    }

    /// Run the file at `path` as [`Interpreter::exec`] runs source, named by
    /// its path in tracebacks (which then show its lines).
    ///
    /// ```
    /// let path = std::env::temp_dir().join("gilt_run_file_doc.py");
    /// std::fs::write(&path, "answer = 6 * 7\n").unwrap();
    /// let interp = gilt::Interpreter::new();
    /// interp.run_file(&path).unwrap();
    /// assert_eq!(interp.eval("answer").unwrap().extract::<i64>().unwrap(), 42);
    /// ```
    pub fn run_file(&self, path: impl AsRef<std::path::Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| open_error(path, &e))?;
        self.exec_named(&bytes, &path.display().to_string())
    }

    fn exec_named(&self, bytes: &[u8], filename: &str) -> Result<(), Error> {
        let module = check_source(bytes).map_err(|e| Error::from_source(&e, filename))?;
        let text = gilt_lexer::decode_source(bytes).unwrap_or_default();
        self.run_in_main(&module, &text, filename).map(drop)
    }

    /// Evaluate the expression `expr` in `__main__`'s namespace.
    ///
    /// ```
    /// let interp = gilt::Interpreter::new();
    /// let v = interp.eval("sum(x * x for x in range(4))").unwrap();
    /// assert_eq!(v.extract::<i64>().unwrap(), 14);
    /// assert_eq!(interp.eval("nope").unwrap_err().class(), "NameError");
    /// ```
    pub fn eval(&self, expr: &str) -> Result<Object, Error> {
        // CPython's eval() ignores leading spaces and tabs.
        let text = expr.trim_start_matches([' ', '\t']);
        let syntax = |error, from_compiler| {
            let e = crate::SourceError {
                text: text.to_string(),
                error,
                undecodable: None,
                from_compiler,
            };
            Error::from_source(&e, STRING_FILE)
        };
        let expr = gilt_parser::parse_expression(text).map_err(|e| syntax(e, false))?;
        let stmt = |node| ast::Stmt {
            node,
            range: expr.range,
        };
        let checked = ast::Module {
            body: vec![stmt(ast::StmtKind::Expr {
                value: Box::new(expr.clone()),
            })],
        };
        gilt_vm::compile::check_module(&checked).map_err(|e| syntax(e, true))?;
        // The expression's value is the module code's return value.
        let module = ast::Module {
            body: vec![stmt(ast::StmtKind::Return {
                value: Some(Box::new(expr.clone())),
            })],
        };
        self.run_in_main(&module, text, STRING_FILE)
    }

    /// Compile a checked module and run it in `__main__`'s namespace.
    fn run_in_main(&self, module: &ast::Module, text: &str, file: &str) -> Result<Object, Error> {
        let mut entered = enter(&self.inner)?;
        let vm = &mut entered.vm;
        let code = gilt_vm::compile::compile_module(module, text, file).map_err(|u| {
            let line = gilt_lexer::LineIndex::new(text).line_col(u.offset).0;
            let msg = format!(
                "{} is not supported by gilt yet ({file}, line {line})",
                u.what
            );
            Error::new("NotImplementedError", msg)
        })?;
        let globals = main_globals(vm);
        let frame = Frame::new(code, globals.clone(), Some(globals));
        match eval::run(vm, frame) {
            Ok(v) => Ok(Object::attached(v, &vm.interp)),
            Err(e) => Err(Error::from_raise(vm, e)),
        }
    }

    /// The global `name` of `__main__`, or else the builtin of that name.
    ///
    /// ```
    /// let interp = gilt::Interpreter::new();
    /// interp.exec("greeting = 'hi'").unwrap();
    /// assert_eq!(interp.get("greeting").unwrap().str().unwrap(), "hi");
    /// assert_eq!(interp.get("len").unwrap().repr().unwrap(), "<built-in function len>");
    /// assert_eq!(interp.get("nope").unwrap_err().to_string(),
    ///            "NameError: name 'nope' is not defined");
    /// ```
    pub fn get(&self, name: &str) -> Result<Object, Error> {
        let mut entered = enter(&self.inner)?;
        let vm = &mut entered.vm;
        let globals = main_globals(vm);
        let found = [&globals, &vm.interp.builtins]
            .into_iter()
            .find_map(|namespace| dict(vm, namespace).and_then(|d| d.get_str(name).cloned()));
        match found {
            Some(v) => Ok(Object::attached(v, &vm.interp)),
            None => Err(Error::new(
                "NameError",
                format!("name '{name}' is not defined"),
            )),
        }
    }

    /// Bind the global `name` of `__main__` to `value`.
    ///
    /// ```
    /// let interp = gilt::Interpreter::new();
    /// interp.set("limits", vec![1, 10]).unwrap();
    /// assert_eq!(interp.eval("limits[1]").unwrap().extract::<i64>().unwrap(), 10);
    /// ```
    pub fn set(&self, name: &str, value: impl Into<Object>) -> Result<(), Error> {
        let mut entered = enter(&self.inner)?;
        let vm = &mut entered.vm;
        let value = value.into().to_value(vm)?;
        let globals = main_globals(vm);
        if let PyObject::Dict(d) = globals.get() {
            d.get_mut(&mut vm.gil).insert_str(name, value);
        }
        Ok(())
    }

    /// `callable(*args)`.
    ///
    /// ```
    /// let interp = gilt::Interpreter::new();
    /// interp.exec("def add(a, b):\n    return a + b\n").unwrap();
    /// let add = interp.get("add").unwrap();
    /// let sum = interp.call(&add, &["con".into(), "cat".into()]).unwrap();
    /// assert_eq!(sum.extract::<String>().unwrap(), "concat");
    /// ```
    pub fn call(&self, callable: &Object, args: &[Object]) -> Result<Object, Error> {
        call_in(&self.inner, callable, args)
    }

    /// `value` as an object of this interpreter (data made in Rust is copied
    /// in), which has attributes and methods.
    ///
    /// ```
    /// let interp = gilt::Interpreter::new();
    /// let list = interp.object(vec![3, 1, 2]).unwrap();
    /// list.call_method("sort", &[]).unwrap();
    /// assert_eq!(list.repr().unwrap(), "[1, 2, 3]");
    /// ```
    pub fn object(&self, value: impl Into<Object>) -> Result<Object, Error> {
        let mut entered = enter(&self.inner)?;
        let vm = &mut entered.vm;
        let v = value.into().to_value(vm)?;
        Ok(Object::attached(v, &vm.interp))
    }

    /// Make the Rust function `f` the builtin `name`, callable from all
    /// Python code. It gets the positional arguments (keywords are a
    /// TypeError); its `Err` is raised as that exception in Python, a panic
    /// as a RuntimeError. It runs with the GIL released, so it may call back
    /// into this interpreter: through the objects it is given (`f.call(..)`),
    /// or through a captured interpreter, which the function then keeps alive.
    ///
    /// ```
    /// let interp = gilt::Interpreter::new();
    /// interp.register_function("hypot", |args| {
    ///     let [x, y] = args else {
    ///         return Err(gilt::Error::type_error("hypot() takes 2 arguments"));
    ///     };
    ///     Ok(x.extract::<f64>()?.hypot(y.extract::<f64>()?).into())
    /// }).unwrap();
    /// assert_eq!(interp.eval("hypot(3, 4)").unwrap().extract::<f64>().unwrap(), 5.0);
    /// interp.exec("try:\n    hypot(1)\nexcept TypeError as e:\n    msg = str(e)\n").unwrap();
    /// assert_eq!(interp.get("msg").unwrap().str().unwrap(), "hypot() takes 2 arguments");
    /// ```
    pub fn register_function<F>(&self, name: &str, f: F) -> Result<(), Error>
    where
        F: Fn(&[Object]) -> Result<Object, Error> + Send + Sync + 'static,
    {
        let owned: Box<str> = name.into();
        let call = move |vm: &mut Vm, args: &[Value], kwargs: &[(Box<str>, Value)]| {
            if !kwargs.is_empty() {
                return Err(Raise::type_error(format!(
                    "{owned}() takes no keyword arguments"
                )));
            }
            let args: Vec<Object> = args
                .iter()
                .map(|v| Object::attached(v.clone(), &vm.interp))
                .collect();
            let outcome = released(vm, || catch_unwind(AssertUnwindSafe(|| f(&args))));
            let result = match outcome {
                Ok(result) => result,
                Err(_) => Err(Error::runtime_error(format!("{owned}() panicked"))),
            };
            result
                .and_then(|object| object.to_value(vm))
                .map_err(|e| e.into_raise(vm))
        };
        let function = HostFn::value(name, Arc::new(call));
        let mut entered = enter(&self.inner)?;
        let vm = &mut entered.vm;
        if let PyObject::Dict(d) = vm.interp.builtins.get() {
            d.get_mut(&mut vm.gil).insert_str(name, function);
        }
        Ok(())
    }

    /// Start (`true`) or stop capturing what Python code prints to stdout
    /// (`print`, `sys.stdout.write`). Stopping drops text not yet taken.
    ///
    /// ```
    /// let interp = gilt::Interpreter::new();
    /// interp.capture_stdout(true);
    /// interp.exec("print('hello', 42)").unwrap();
    /// assert_eq!(interp.take_output(), "hello 42\n");
    /// interp.capture_stdout(false);
    /// ```
    pub fn capture_stdout(&self, on: bool) {
        if let Ok(mut entered) = enter(&self.inner) {
            let vm = &mut entered.vm;
            let captured = vm.interp.captured.get_mut(&mut vm.gil);
            match on {
                true => _ = captured.get_or_insert_with(String::new),
                false => *captured = None,
            }
        }
    }

    /// The text captured since capturing started or since the last take
    /// (empty when not capturing).
    ///
    /// ```
    /// let interp = gilt::Interpreter::new();
    /// interp.capture_stdout(true);
    /// interp.exec("import sys\nsys.stdout.write('a')").unwrap();
    /// assert_eq!(interp.take_output(), "a");
    /// assert_eq!(interp.take_output(), "");
    /// ```
    pub fn take_output(&self) -> String {
        let Ok(mut entered) = enter(&self.inner) else {
            return String::new();
        };
        let vm = &mut entered.vm;
        match vm.interp.captured.get_mut(&mut vm.gil) {
            Some(text) => std::mem::take(text),
            None => String::new(),
        }
    }
}

/// The dict behind a namespace object.
fn dict<'a>(vm: &'a Vm, namespace: &'a Obj) -> Option<&'a gilt_vm::object::Dict> {
    match namespace.get() {
        PyObject::Dict(d) => Some(d.get(&vm.gil)),
        _ => None,
    }
}

/// CPython's error for a file it cannot open: `[Errno 2] No such file or
/// directory`, as FileNotFoundError, PermissionError or OSError.
fn open_error(path: &std::path::Path, e: &std::io::Error) -> Error {
    let class = match e.kind() {
        std::io::ErrorKind::NotFound => "FileNotFoundError",
        std::io::ErrorKind::PermissionDenied => "PermissionError",
        _ => "OSError",
    };
    let text = e.to_string();
    let why = match e.raw_os_error() {
        Some(n) => {
            let strerror = text
                .strip_suffix(&format!(" (os error {n})"))
                .unwrap_or(&text);
            format!("[Errno {n}] {strerror}")
        }
        None => text,
    };
    Error::new(class, format!("{why}: '{}'", path.display()))
}
