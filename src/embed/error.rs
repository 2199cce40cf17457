//! `Error`: a Python exception as the host sees it, and the way back (an
//! error returned by a registered Rust function is raised in Python).

use super::Object;
use gilt_vm::eval::{attr, call, exception};
use gilt_vm::exc::Raise;
use gilt_vm::interp::Vm;
use gilt_vm::object::{Object as PyObject, PyStr};
use gilt_vm::value::Value;

/// A Python exception that reached the host, or one the host raises.
///
/// It keeps the exception's class name, its message (`str(exc)`), the
/// traceback CPython would print for it, and the exception object itself when
/// it came from Python.
///
/// ```
/// let interp = gilt::Interpreter::new();
/// let err = interp.exec("x = 1 / 0").unwrap_err();
/// assert_eq!(err.class(), "ZeroDivisionError");
/// assert_eq!(err.message(), "division by zero");
/// assert_eq!(err.to_string(), "ZeroDivisionError: division by zero");
/// assert!(err.traceback().starts_with("Traceback (most recent call last):\n"));
/// ```
#[derive(Debug, Clone)]
pub struct Error {
    class: String,
    message: String,
    traceback: String,
    exception: Option<Object>,
}

impl Error {
    /// An exception of the builtin class named `class` (an unknown name
    /// becomes RuntimeError when raised in Python).
    ///
    /// ```
    /// let err = gilt::Error::new("KeyError", "'x'");
    /// assert_eq!(err.to_string(), "KeyError: 'x'");
    /// ```
    pub fn new(class: &str, message: impl Into<String>) -> Error {
        let message = message.into();
        let traceback = last_line(class, &message);
        Error {
            class: class.into(),
            message,
            traceback,
            exception: None,
        }
    }

    /// A TypeError: what a registered function returns for a wrong argument.
    ///
    /// ```
    /// assert_eq!(gilt::Error::type_error("bad").class(), "TypeError");
    /// ```
    pub fn type_error(message: impl Into<String>) -> Error {
        Error::new("TypeError", message)
    }

    /// A ValueError.
    ///
    /// ```
    /// assert_eq!(gilt::Error::value_error("bad").class(), "ValueError");
    /// ```
    pub fn value_error(message: impl Into<String>) -> Error {
        Error::new("ValueError", message)
    }

    /// A RuntimeError: the generic failure of host code.
    ///
    /// ```
    /// assert_eq!(gilt::Error::runtime_error("bad").class(), "RuntimeError");
    /// ```
    pub fn runtime_error(message: impl Into<String>) -> Error {
        Error::new("RuntimeError", message)
    }

    /// The exception's class name (`ValueError`, or a Python class's name).
    ///
    /// ```
    /// let err = gilt::Interpreter::new().eval("undefined").unwrap_err();
    /// assert_eq!(err.class(), "NameError");
    /// ```
    pub fn class(&self) -> &str {
        &self.class
    }

    /// The message, `str(exc)`.
    ///
    /// ```
    /// let err = gilt::Interpreter::new().eval("undefined").unwrap_err();
    /// assert_eq!(err.message(), "name 'undefined' is not defined");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// What CPython would print for this exception uncaught: the traceback
    /// (chained exceptions first) and the `Class: message` line; for a syntax
    /// error, the file, line, source and caret.
    ///
    /// ```
    /// let err = gilt::Interpreter::new().exec("x = (").unwrap_err();
    /// assert_eq!(err.class(), "SyntaxError");
    /// assert_eq!(
    ///     err.traceback(),
    ///     "  File \"<string>\", line 1\n    x = (\n        ^\nSyntaxError: '(' was never closed\n"
    /// );
    /// ```
    pub fn traceback(&self) -> &str {
        &self.traceback
    }

    /// The exception object, when the error came from Python code.
    ///
    /// ```
    /// let err = gilt::Interpreter::new().eval("int('x')").unwrap_err();
    /// let exc = err.exception().unwrap();
    /// assert_eq!(exc.getattr("args").unwrap().repr().unwrap(),
    ///            "(\"invalid literal for int() with base 10: 'x'\",)");
    /// ```
    pub fn exception(&self) -> Option<&Object> {
        self.exception.as_ref()
    }

    /// A syntax error (SyntaxError, IndentationError, TabError) in source
    /// named `filename`.
    pub(crate) fn from_source(e: &crate::SourceError, filename: &str) -> Error {
        Error {
            class: e.error.kind.class_name().to_string(),
            message: e.error.msg.clone(),
            traceback: e.render(filename),
            exception: None,
        }
    }

    /// The exception `raise` stands for, with its traceback formatted.
    pub(crate) fn from_raise(vm: &mut Vm, raise: Raise) -> Error {
        let exc = exception::materialize(vm, raise);
        let class = match attr::class_of(vm, &exc).get() {
            PyObject::Class(c) => c.name.to_string(),
            _ => String::new(),
        };
        let message = exception::str_of(vm, &exc).unwrap_or_default();
        let traceback = exception::format_uncaught(vm, &exc, &source_line);
        Error {
            class,
            message,
            traceback,
            exception: Some(Object::attached(exc, &vm.interp)),
        }
    }

    /// The exception to raise in Python: the original object when it came
    /// from this interpreter, else a new one of the named builtin class.
    pub(crate) fn into_raise(self, vm: &mut Vm) -> Raise {
        if let Some(exc) = &self.exception {
            if let Some(v) = exc.value_in(&vm.interp) {
                return Raise::Object(v);
            }
        }
        let (class, message) = match vm.interp.exceptions.get(self.class.as_str()) {
            Some(class) => (class.clone(), self.message),
            None => (
                vm.interp.exceptions["RuntimeError"].clone(),
                last_line(&self.class, &self.message).trim_end().to_string(),
            ),
        };
        let made = call::call(
            vm,
            &Value::Obj(class),
            vec![PyStr::value(message)],
            Vec::new(),
        );
        match made {
            Ok(exc) => Raise::Object(exc),
            Err(e) => e,
        }
    }
}

/// `Class: message`, or `Class` alone for an empty message, as tracebacks end.
fn last_line(class: &str, message: &str) -> String {
    if message.is_empty() {
        format!("{class}\n")
    } else {
        format!("{class}: {message}\n")
    }
}

/// A line of a source file for a traceback (none for `<string>`).
fn source_line(file: &str, line: u32) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    let index = gilt_lexer::LineIndex::new(&text);
    Some(index.line_text(&text, line).to_string())
}

impl std::fmt::Display for Error {
    /// `Class: message`, the last line of the traceback.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(last_line(&self.class, &self.message).trim_end())
    }
}

impl std::error::Error for Error {}
