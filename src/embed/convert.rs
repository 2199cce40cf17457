//! Converting values between Rust and Python.
//!
//! Into Python: `From` impls build data (see `object.rs`) that is copied into
//! an interpreter where it is used. Out of Python: [`FromObject`], used by
//! [`Object::extract`], checks the type as a Rust function taking a typed
//! argument would (`'str' object cannot be interpreted as an integer`) and
//! returns an `Err`, never panics.

use super::gil::{enter, hold};
use super::object::{Host, Repr};
use super::{Error, Object};
use gilt_vm::eval::attr;
use gilt_vm::object::Object as PyObject;
use gilt_vm::value::Value;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

impl From<i64> for Object {
    fn from(i: i64) -> Object {
        Object(Repr::Host(Host::Int(i)))
    }
}

impl From<i32> for Object {
    fn from(i: i32) -> Object {
        Object::from(i as i64)
    }
}

impl From<u32> for Object {
    fn from(i: u32) -> Object {
        Object::from(i as i64)
    }
}

impl From<f64> for Object {
    fn from(f: f64) -> Object {
        Object(Repr::Host(Host::Float(f)))
    }
}

impl From<bool> for Object {
    fn from(b: bool) -> Object {
        Object(Repr::Host(Host::Bool(b)))
    }
}

impl From<&str> for Object {
    fn from(s: &str) -> Object {
        Object(Repr::Host(Host::Str(s.into())))
    }
}

impl From<String> for Object {
    fn from(s: String) -> Object {
        Object(Repr::Host(Host::Str(s.into())))
    }
}

/// `()` is None, as a Rust function returning nothing returns None in Python.
impl From<()> for Object {
    fn from(_: ()) -> Object {
        Object::none()
    }
}

/// `None` is None; `Some(x)` is `x`.
impl<T: Into<Object>> From<Option<T>> for Object {
    fn from(o: Option<T>) -> Object {
        o.map_or_else(Object::none, Into::into)
    }
}

/// A list.
impl<T: Into<Object>> From<Vec<T>> for Object {
    fn from(v: Vec<T>) -> Object {
        Object(Repr::Host(Host::List(
            v.into_iter().map(Into::into).collect(),
        )))
    }
}

/// A dict, its keys sorted so its order does not depend on the hasher.
impl<T: Into<Object>> From<HashMap<String, T>> for Object {
    fn from(m: HashMap<String, T>) -> Object {
        Object::from(m.into_iter().collect::<BTreeMap<_, _>>())
    }
}

/// A dict, in key order.
impl<T: Into<Object>> From<BTreeMap<String, T>> for Object {
    fn from(m: BTreeMap<String, T>) -> Object {
        let items = m.into_iter().map(|(k, v)| (k.into(), v.into())).collect();
        Object(Repr::Host(Host::Dict(items)))
    }
}

/// A tuple.
impl<A: Into<Object>, B: Into<Object>> From<(A, B)> for Object {
    fn from((a, b): (A, B)) -> Object {
        Object(Repr::Host(Host::Tuple(Arc::new([a.into(), b.into()]))))
    }
}

/// A tuple.
impl<A: Into<Object>, B: Into<Object>, C: Into<Object>> From<(A, B, C)> for Object {
    fn from((a, b, c): (A, B, C)) -> Object {
        let items = [a.into(), b.into(), c.into()];
        Object(Repr::Host(Host::Tuple(Arc::new(items))))
    }
}

/// A Rust type that a Python value converts to: what [`Object::extract`]
/// returns. A value of the wrong type gives a TypeError, an int out of range
/// an OverflowError.
///
/// ```
/// use gilt::FromObject;
/// let interp = gilt::Interpreter::new();
/// let pair = interp.eval("[1, 2]").unwrap();
/// assert_eq!(Vec::<i64>::from_object(&pair).unwrap(), [1, 2]);
/// assert_eq!(pair.extract::<String>().unwrap_err().to_string(),
///            "TypeError: 'list' object cannot be converted to 'str'");
/// ```
pub trait FromObject: Sized {
    /// Convert `obj`, or say why it cannot be.
    fn from_object(obj: &Object) -> Result<Self, Error>;
}

impl Object {
    /// This value as a `T`: `i64`, `f64`, `bool`, `String`, `Vec<T>`,
    /// `Option<T>`, `HashMap<String, T>`, `Object`.
    ///
    /// ```
    /// use std::collections::HashMap;
    /// let interp = gilt::Interpreter::new();
    /// let d = interp.eval("{'a': [1.5], 'b': []}").unwrap();
    /// let m: HashMap<String, Vec<f64>> = d.extract().unwrap();
    /// assert_eq!(m["a"], [1.5]);
    /// assert!(interp.eval("'x'").unwrap().extract::<i64>().is_err());
    /// ```
    pub fn extract<T: FromObject>(&self) -> Result<T, Error> {
        T::from_object(self)
    }
}

/// What a value looks like to the conversions, read once (under the GIL for
/// mutable containers).
enum Shape {
    None,
    Bool(bool),
    Int(i64),
    /// An int too large for an i64, and its value as a float (if finite).
    BigInt(Option<f64>),
    Float(f64),
    Str(String),
    Seq(Vec<Object>),
    Map(Vec<(Object, Object)>),
    /// Anything else: its type's name.
    Other(String),
}

impl Shape {
    fn of(obj: &Object) -> Result<Shape, Error> {
        let (o, interp) = match &obj.0 {
            Repr::Host(h) => return Ok(Shape::of_host(h)),
            Repr::Py(Value::None, _) => return Ok(Shape::None),
            Repr::Py(Value::Bool(b), _) => return Ok(Shape::Bool(*b)),
            Repr::Py(Value::Int(i), _) => return Ok(Shape::Int(*i)),
            Repr::Py(Value::Float(f), _) => return Ok(Shape::Float(*f)),
            Repr::Py(Value::Obj(o), interp) => (o, interp),
        };
        let attach = |v: &Value| Object::attached(v.clone(), interp);
        Ok(match o.get() {
            PyObject::Str(s) => Shape::Str(s.text.to_string()),
            PyObject::BigInt(_) => {
                let float = gilt_vm::object::int::to_f64(&Value::Obj(o.clone()));
                Shape::BigInt(float.and_then(Result::ok))
            }
            PyObject::Tuple(items) => Shape::Seq(items.iter().map(attach).collect()),
            PyObject::List(items) => {
                let held = hold(interp)?;
                Shape::Seq(items.get(&held.gil).iter().map(attach).collect())
            }
            PyObject::Dict(d) => {
                let held = hold(interp)?;
                let d = d.get(&held.gil);
                Shape::Map(d.iter().map(|(k, v)| (attach(k), attach(v))).collect())
            }
            _ => {
                let entered = enter(interp)?;
                Shape::Other(attr::type_name(&entered.vm, &Value::Obj(o.clone())))
            }
        })
    }

    fn of_host(h: &Host) -> Shape {
        match h {
            Host::None => Shape::None,
            Host::Bool(b) => Shape::Bool(*b),
            Host::Int(i) => Shape::Int(*i),
            Host::Float(f) => Shape::Float(*f),
            Host::Str(s) => Shape::Str(s.to_string()),
            Host::List(items) | Host::Tuple(items) => Shape::Seq(items.to_vec()),
            Host::Dict(items) => Shape::Map(items.to_vec()),
        }
    }

    /// The Python type's name, for error messages.
    fn type_name(&self, obj: &Object) -> String {
        let name = match (self, &obj.0) {
            (_, Repr::Host(h)) => h.type_name(),
            (Shape::None, _) => "NoneType",
            (Shape::Bool(_), _) => "bool",
            (Shape::Int(_) | Shape::BigInt(_), _) => "int",
            (Shape::Float(_), _) => "float",
            (Shape::Str(_), _) => "str",
            (Shape::Seq(_), Repr::Py(Value::Obj(o), _))
                if matches!(o.get(), PyObject::Tuple(_)) =>
            {
                "tuple"
            }
            (Shape::Seq(_), _) => "list",
            (Shape::Map(_), _) => "dict",
            (Shape::Other(name), _) => name,
        };
        name.to_string()
    }
}

/// `'float' object cannot be converted to 'str'`.
fn wrong_type(shape: &Shape, obj: &Object, target: &str) -> Error {
    Error::type_error(format!(
        "'{}' object cannot be converted to '{target}'",
        shape.type_name(obj)
    ))
}

impl FromObject for Object {
    fn from_object(obj: &Object) -> Result<Object, Error> {
        Ok(obj.clone())
    }
}

/// An int (or bool); CPython's errors for a float, a str ... or a huge int.
impl FromObject for i64 {
    fn from_object(obj: &Object) -> Result<i64, Error> {
        match Shape::of(obj)? {
            Shape::Int(i) => Ok(i),
            Shape::Bool(b) => Ok(b as i64),
            Shape::BigInt(_) => Err(Error::new(
                "OverflowError",
                "Python int too large to convert to C long",
            )),
            shape => Err(Error::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                shape.type_name(obj)
            ))),
        }
    }
}

/// A float, or an int (or bool) as a float.
impl FromObject for f64 {
    fn from_object(obj: &Object) -> Result<f64, Error> {
        match Shape::of(obj)? {
            Shape::Float(f) => Ok(f),
            Shape::Int(i) => Ok(i as f64),
            Shape::Bool(b) => Ok(b as i64 as f64),
            Shape::BigInt(Some(f)) => Ok(f),
            Shape::BigInt(None) => Err(Error::new(
                "OverflowError",
                "int too large to convert to float",
            )),
            shape => Err(Error::type_error(format!(
                "must be real number, not {}",
                shape.type_name(obj)
            ))),
        }
    }
}

/// `True` or `False` only (no truth testing).
impl FromObject for bool {
    fn from_object(obj: &Object) -> Result<bool, Error> {
        match Shape::of(obj)? {
            Shape::Bool(b) => Ok(b),
            shape => Err(wrong_type(&shape, obj, "bool")),
        }
    }
}

/// A str.
impl FromObject for String {
    fn from_object(obj: &Object) -> Result<String, Error> {
        match Shape::of(obj)? {
            Shape::Str(s) => Ok(s),
            shape => Err(wrong_type(&shape, obj, "str")),
        }
    }
}

/// None is `None`; anything else converts to `T`.
impl<T: FromObject> FromObject for Option<T> {
    fn from_object(obj: &Object) -> Result<Option<T>, Error> {
        match obj.is_none() {
            true => Ok(None),
            false => T::from_object(obj).map(Some),
        }
    }
}

/// A list or a tuple, each item converted.
impl<T: FromObject> FromObject for Vec<T> {
    fn from_object(obj: &Object) -> Result<Vec<T>, Error> {
        match Shape::of(obj)? {
            Shape::Seq(items) => items.iter().map(T::from_object).collect(),
            shape => Err(wrong_type(&shape, obj, "list")),
        }
    }
}

/// A dict with str keys, each value converted.
impl<T: FromObject> FromObject for HashMap<String, T> {
    fn from_object(obj: &Object) -> Result<HashMap<String, T>, Error> {
        match Shape::of(obj)? {
            Shape::Map(items) => items
                .iter()
                .map(|(k, v)| Ok((String::from_object(k)?, T::from_object(v)?)))
                .collect(),
            shape => Err(wrong_type(&shape, obj, "dict")),
        }
    }
}

/// `TryFrom<Object>` for the types [`FromObject`] converts to.
macro_rules! try_from_object {
    ($($t:ty),*) => {$(
        impl TryFrom<Object> for $t {
            type Error = Error;
            fn try_from(obj: Object) -> Result<$t, Error> {
                <$t as FromObject>::from_object(&obj)
            }
        }
        impl TryFrom<&Object> for $t {
            type Error = Error;
            fn try_from(obj: &Object) -> Result<$t, Error> {
                <$t as FromObject>::from_object(&obj)
            }
        }
    )*};
}

try_from_object!(i64, f64, bool, String);

impl<T: FromObject> TryFrom<Object> for Vec<T> {
    type Error = Error;
    /// As [`Object::extract`].
    fn try_from(obj: Object) -> Result<Vec<T>, Error> {
        Vec::from_object(&obj)
    }
}

impl<T: FromObject> TryFrom<Object> for HashMap<String, T> {
    type Error = Error;
    /// As [`Object::extract`].
    fn try_from(obj: Object) -> Result<HashMap<String, T>, Error> {
        HashMap::from_object(&obj)
    }
}
