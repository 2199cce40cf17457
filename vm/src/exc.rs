//! Errors raised by native code, named by their Python exception class.
//!
//! Native functions (arithmetic, builtin methods) return `Result<_, Raise>`;
//! the evaluation loop turns a `Raise` into an instance of the named class,
//! which a Python `try` can catch like any other exception.

use crate::value::Value;

/// The builtin exception classes native code raises directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExcKind {
    TypeError,
    ValueError,
    ZeroDivisionError,
    OverflowError,
    IndexError,
    KeyError,
    AttributeError,
    NameError,
    UnboundLocalError,
    RuntimeError,
    RecursionError,
    StopIteration,
    StopAsyncIteration,
    GeneratorExit,
    NotImplementedError,
    AssertionError,
    ImportError,
    ModuleNotFoundError,
    LookupError,
    ArithmeticError,
    MemoryError,
    SystemExit,
    KeyboardInterrupt,
    OSError,
    Exception,
}

impl ExcKind {
    /// The class name.
    pub fn name(self) -> &'static str {
        match self {
            ExcKind::TypeError => "TypeError",
            ExcKind::ValueError => "ValueError",
            ExcKind::ZeroDivisionError => "ZeroDivisionError",
            ExcKind::OverflowError => "OverflowError",
            ExcKind::IndexError => "IndexError",
            ExcKind::KeyError => "KeyError",
            ExcKind::AttributeError => "AttributeError",
            ExcKind::NameError => "NameError",
            ExcKind::UnboundLocalError => "UnboundLocalError",
            ExcKind::RuntimeError => "RuntimeError",
            ExcKind::RecursionError => "RecursionError",
            ExcKind::StopIteration => "StopIteration",
            ExcKind::StopAsyncIteration => "StopAsyncIteration",
            ExcKind::GeneratorExit => "GeneratorExit",
            ExcKind::NotImplementedError => "NotImplementedError",
            ExcKind::AssertionError => "AssertionError",
            ExcKind::ImportError => "ImportError",
            ExcKind::ModuleNotFoundError => "ModuleNotFoundError",
            ExcKind::LookupError => "LookupError",
            ExcKind::ArithmeticError => "ArithmeticError",
            ExcKind::MemoryError => "MemoryError",
            ExcKind::SystemExit => "SystemExit",
            ExcKind::KeyboardInterrupt => "KeyboardInterrupt",
            ExcKind::OSError => "OSError",
            ExcKind::Exception => "Exception",
        }
    }
}

/// An exception on its way out of native code.
#[derive(Debug, Clone)]
pub enum Raise {
    /// A builtin exception with one message argument.
    New(ExcKind, String),
    /// A builtin exception whose argument is a value (`KeyError(key)`).
    WithValue(ExcKind, Value),
    /// A builtin exception with no arguments (`StopIteration()`).
    Bare(ExcKind),
    /// An exception object already made (raised by Python code).
    Object(Value),
    /// An exception raised again by RERAISE: its traceback already has this frame.
    Reraised(Value),
    /// Not an exception: a request from `_greenlet.transfer` that the loop
    /// switch stacks (see `eval::stacklet`). Anywhere else it becomes one.
    Transfer(Box<crate::eval::stacklet::Transfer>),
}

impl Raise {
    /// `kind(msg)`.
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> Raise {
        Raise::New(kind, msg.into())
    }

    /// A TypeError.
    pub fn type_error(msg: impl Into<String>) -> Raise {
        Raise::New(ExcKind::TypeError, msg.into())
    }

    /// A ValueError.
    pub fn value_error(msg: impl Into<String>) -> Raise {
        Raise::New(ExcKind::ValueError, msg.into())
    }
}

/// What native code returns.
pub type PyResult<T> = Result<T, Raise>;
