//! `Object`: a Python value held by the host.
//!
//! A value that lives in an interpreter is a handle to it plus the
//! interpreter, whose GIL a method takes for as long as it needs. A value
//! made in Rust (`Object::from(3)`, `Object::from(vec!["a"])`) belongs to no
//! interpreter: it is plain data, copied into an interpreter each time it is
//! used there, so a list made in Rust and appended to by Python code stays as
//! it was on the Rust side. Converting None, a bool, an int, a float, a str
//! or a tuple to Rust needs no GIL: they are immutable.

use super::gil::enter;
use super::Error;
use gilt_vm::eval::{attr, call, ops};
use gilt_vm::gil::GilCell;
use gilt_vm::interp::{Interp, Vm};
use gilt_vm::object::{Dict, Object as PyObject, PyStr};
use gilt_vm::value::Value;
use std::sync::Arc;

/// A Python value: a handle into an interpreter, or data made in Rust.
/// `Send + Sync`, cheap to clone; see [`crate::FromObject`] for converting
/// one to a Rust value and the `From` impls for the other way.
///
/// ```
/// let interp = gilt::Interpreter::new();
/// let words = interp.eval("'a b c'.split()").unwrap();
/// assert_eq!(words.repr().unwrap(), "['a', 'b', 'c']");
/// assert_eq!(words.extract::<Vec<String>>().unwrap(), ["a", "b", "c"]);
/// assert_eq!(gilt::Object::from(vec![1.5, 2.0]).repr().unwrap(), "[1.5, 2.0]");
/// ```
#[derive(Clone)]
pub struct Object(pub(crate) Repr);

#[derive(Clone)]
pub(crate) enum Repr {
    /// A value of an interpreter.
    Py(Value, Arc<Interp>),
    /// Data made in Rust.
    Host(Host),
}

/// Python data built on the Rust side.
#[derive(Clone)]
pub(crate) enum Host {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Arc<str>),
    List(Arc<[Object]>),
    Tuple(Arc<[Object]>),
    Dict(Arc<[(Object, Object)]>),
}

impl Object {
    /// `None`.
    ///
    /// ```
    /// assert!(gilt::Object::none().is_none());
    /// ```
    pub fn none() -> Object {
        Object(Repr::Host(Host::None))
    }

    /// Is this `None`?
    ///
    /// ```
    /// let interp = gilt::Interpreter::new();
    /// assert!(interp.eval("None").unwrap().is_none());
    /// assert!(!interp.eval("0").unwrap().is_none());
    /// ```
    pub fn is_none(&self) -> bool {
        matches!(self.0, Repr::Host(Host::None) | Repr::Py(Value::None, _))
    }

    /// A value of `interp`, as the host holds it.
    pub(crate) fn attached(v: Value, interp: &Arc<Interp>) -> Object {
        Object(Repr::Py(v, interp.clone()))
    }

    /// The value as a value of `vm`'s interpreter: data made in Rust is
    /// copied in; a heap object of another interpreter cannot be used.
    pub(crate) fn to_value(&self, vm: &mut Vm) -> Result<Value, Error> {
        let host = match &self.0 {
            Repr::Py(Value::Obj(o), interp) if !Arc::ptr_eq(interp, &vm.interp) => {
                return Err(Error::runtime_error(
                    "an object of one interpreter cannot be used in another",
                ))
            }
            Repr::Py(v, _) => return Ok(v.clone()),
            Repr::Host(h) => h,
        };
        Ok(match host {
            Host::None => Value::None,
            Host::Bool(b) => Value::Bool(*b),
            Host::Int(i) => Value::Int(*i),
            Host::Float(f) => Value::Float(*f),
            Host::Str(s) => PyStr::value(&**s),
            Host::List(items) => {
                let items = values(vm, items)?;
                Value::obj(PyObject::List(GilCell::new(items)))
            }
            Host::Tuple(items) => Value::obj(PyObject::Tuple(values(vm, items)?.into())),
            Host::Dict(items) => {
                let dict = GilCell::new(Dict::new());
                for (k, v) in items.iter() {
                    let (k, v) = (k.to_value(vm)?, v.to_value(vm)?);
                    gilt_vm::eval::keys::set(vm, &dict, k, v)
                        .map_err(|e| Error::from_raise(vm, e))?;
                }
                Value::obj(PyObject::Dict(dict))
            }
        })
    }

    /// The value itself when it is an object of `interp` (not data).
    pub(crate) fn value_in(&self, interp: &Arc<Interp>) -> Option<Value> {
        match &self.0 {
            Repr::Py(v, i) if Arc::ptr_eq(i, interp) => Some(v.clone()),
            _ => None,
        }
    }

    /// Run `f` on this object's interpreter, with the object as a value there.
    /// Data made in Rust has no interpreter: `none` says what to do then.
    fn with_vm<R>(
        &self,
        none: impl FnOnce(&Host) -> Result<R, Error>,
        f: impl FnOnce(&mut Vm, Value) -> Result<R, gilt_vm::exc::Raise>,
    ) -> Result<R, Error> {
        match &self.0 {
            Repr::Host(h) => none(h),
            Repr::Py(v, interp) => {
                let mut entered = enter(interp)?;
                let vm = &mut entered.vm;
                f(vm, v.clone()).map_err(|e| Error::from_raise(vm, e))
            }
        }
    }

    /// `repr(self)`; for an object of an interpreter, its `__repr__` runs.
    ///
    /// ```
    /// let text = gilt::Object::from(vec![Some("it's"), None]).repr().unwrap();
    /// assert_eq!(text, r#"["it's", None]"#);
    /// ```
    pub fn repr(&self) -> Result<String, Error> {
        self.with_vm(|h| h.repr(), |vm, v| ops::repr(vm, &v))
    }

    /// `str(self)`.
    ///
    /// ```
    /// assert_eq!(gilt::Object::from("text").str().unwrap(), "text");
    /// assert_eq!(gilt::Object::from(0.1).str().unwrap(), "0.1");
    /// ```
    pub fn str(&self) -> Result<String, Error> {
        if let Repr::Host(Host::Str(s)) = &self.0 {
            return Ok(s.to_string());
        }
        self.with_vm(|h| h.repr(), |vm, v| ops::str_of(vm, &v))
    }

    /// `self.name`. Data made in Rust must first be moved into an
    /// interpreter ([`crate::Interpreter::object`]) to have attributes.
    ///
    /// ```
    /// let interp = gilt::Interpreter::new();
    /// let s = interp.object("a-b").unwrap();
    /// let parts = s.getattr("split").unwrap().call(&["-".into()]).unwrap();
    /// assert_eq!(parts.extract::<Vec<String>>().unwrap(), ["a", "b"]);
    /// ```
    pub fn getattr(&self, name: &str) -> Result<Object, Error> {
        self.with_vm(
            |_| Err(detached("getattr")),
            |vm, v| Ok(Object::attached(attr::get(vm, &v, name)?, &vm.interp)),
        )
    }

    /// `self(*args)`.
    ///
    /// ```
    /// let interp = gilt::Interpreter::new();
    /// let max = interp.get("max").unwrap();
    /// let m = max.call(&[3.into(), 9.into(), 4.into()]).unwrap();
    /// assert_eq!(m.extract::<i64>().unwrap(), 9);
    /// ```
    pub fn call(&self, args: &[Object]) -> Result<Object, Error> {
        match &self.0 {
            Repr::Py(_, interp) => call_in(interp, self, args),
            Repr::Host(h) => Err(Error::type_error(format!(
                "'{}' object is not callable",
                h.type_name()
            ))),
        }
    }

    /// `self.name(*args)`.
    ///
    /// ```
    /// let interp = gilt::Interpreter::new();
    /// let s = interp.object("gilt").unwrap();
    /// assert_eq!(s.call_method("upper", &[]).unwrap().str().unwrap(), "GILT");
    /// ```
    pub fn call_method(&self, name: &str, args: &[Object]) -> Result<Object, Error> {
        self.getattr(name)?.call(args)
    }
}

/// `callable(*args)` run in `interp`.
pub(crate) fn call_in(
    interp: &Arc<Interp>,
    callable: &Object,
    args: &[Object],
) -> Result<Object, Error> {
    let mut entered = enter(interp)?;
    let vm = &mut entered.vm;
    let callable = callable.to_value(vm)?;
    let args = values(vm, args)?;
    match call::call(vm, &callable, args, Vec::new()) {
        Ok(v) => Ok(Object::attached(v, &vm.interp)),
        Err(e) => Err(Error::from_raise(vm, e)),
    }
}

/// `objects` as values of `vm`'s interpreter.
pub(crate) fn values(vm: &mut Vm, objects: &[Object]) -> Result<Vec<Value>, Error> {
    objects.iter().map(|o| o.to_value(vm)).collect()
}

fn detached(what: &str) -> Error {
    Error::type_error(format!(
        "{what} needs an interpreter: a value made in Rust gets one through Interpreter::object"
    ))
}

impl Host {
    /// The Python type's name.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Host::None => "NoneType",
            Host::Bool(_) => "bool",
            Host::Int(_) => "int",
            Host::Float(_) => "float",
            Host::Str(_) => "str",
            Host::List(_) => "list",
            Host::Tuple(_) => "tuple",
            Host::Dict(_) => "dict",
        }
    }

    /// `repr()` without an interpreter, as CPython writes it.
    fn repr(&self) -> Result<String, Error> {
        let join = |items: &[Object]| -> Result<String, Error> {
            let parts = items
                .iter()
                .map(Object::repr)
                .collect::<Result<Vec<_>, _>>()?;
            Ok(parts.join(", "))
        };
        Ok(match self {
            Host::None => "None".into(),
            Host::Bool(b) => if *b { "True" } else { "False" }.into(),
            Host::Int(i) => i.to_string(),
            Host::Float(f) => gilt_vm::object::float::repr(*f),
            Host::Str(s) => gilt_vm::object::str::repr(s),
            Host::List(items) => format!("[{}]", join(items)?),
            Host::Tuple(items) if items.len() == 1 => format!("({},)", join(items)?),
            Host::Tuple(items) => format!("({})", join(items)?),
            Host::Dict(items) => {
                let parts = items
                    .iter()
                    .map(|(k, v)| Ok(format!("{}: {}", k.repr()?, v.repr()?)))
                    .collect::<Result<Vec<_>, Error>>()?;
                format!("{{{}}}", parts.join(", "))
            }
        })
    }
}

impl std::fmt::Debug for Object {
    /// The repr, or the type's name where the repr fails.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.repr() {
            Ok(text) => write!(f, "Object({text})"),
            Err(e) => write!(f, "Object(<repr failed: {e}>)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_cross_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<Object>();
        send_sync::<Error>();
        send_sync::<crate::Interpreter>();
    }
}
