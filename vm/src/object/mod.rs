//! Heap objects: one variant per builtin kind of object, one file per type for
//! its behaviour. Immutable objects hold their data directly; anything Python
//! code can change sits in a `GilCell`.

pub mod bytes;
pub mod code;
pub mod complex;
pub mod dict;
pub mod dict_view;
pub mod float;
pub mod float_methods;
pub mod format;
pub mod function;
pub mod host_fn;
pub mod int;
pub mod io;
pub mod iter_types;
pub mod percent;
pub mod range;
pub mod set;
pub mod slice;
pub mod str;
pub mod weak;

use crate::bytecode::Code;
use crate::exc::PyResult;
use crate::gil::GilCell;
use crate::value::{Obj, Value};
use num_bigint::BigInt;
use std::sync::Arc;

pub use dict::Dict;
pub use dict_view::ViewKind;
pub use host_fn::{HostCall, HostFn};
pub use set::{FrozenSet, SetTable};

/// A heap object. Large and rare kinds are boxed so that the common ones
/// (str, tuple, list, dict, instance) stay small: every object is as big
/// as the biggest variant.
#[derive(Debug)]
pub enum Object {
    /// `str`.
    Str(PyStr),
    /// `bytes`.
    Bytes(Box<[u8]>),
    /// `bytearray`.
    ByteArray(GilCell<Vec<u8>>),
    /// An `int` too large for an i64.
    BigInt(BigInt),
    /// `complex`.
    Complex(complex::Complex),
    /// `tuple`.
    Tuple(Box<[Value]>),
    /// `list`.
    List(GilCell<Vec<Value>>),
    /// `dict`.
    Dict(GilCell<Dict>),
    /// `set`.
    Set(GilCell<SetTable>),
    /// `frozenset`.
    FrozenSet(FrozenSet),
    /// `d.keys()`, `d.values()` or `d.items()` of the dict `dict`.
    DictView { dict: Obj, kind: ViewKind },
    /// `range(start, stop, step)`.
    Range { start: i64, stop: i64, step: i64 },
    /// `slice(start, stop, step)`.
    Slice {
        start: Value,
        stop: Value,
        step: Value,
    },
    /// An iterator over a builtin sequence.
    Iter(GilCell<SeqIter>),
    /// A function written in Python.
    Function(Box<Function>),
    /// A function written in Rust.
    Builtin(Builtin),
    /// A Rust closure registered by an embedding host.
    HostFn(HostFn),
    /// A function bound to the object it was looked up on.
    Method { receiver: Value, func: Value },
    /// A class: builtin or defined by a `class` statement.
    Class(Box<Class>),
    /// An instance of a class defined in Python (exceptions included).
    Instance(Instance),
    /// A module.
    Module(Module),
    /// A closure cell: a variable shared between a function and the ones nested in it.
    Cell(GilCell<Option<Value>>),
    /// A code object.
    Code(Arc<Code>),
    /// `property(fget, fset, fdel, doc)`.
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
        doc: Value,
    },
    /// `classmethod(f)`.
    ClassMethod(Value),
    /// `staticmethod(f)`.
    StaticMethod(Value),
    /// `super(class, obj)`.
    Super { class: Obj, obj: Value },
    /// A generator: a suspended frame (see eval/generator.rs).
    Generator(Box<crate::eval::generator::Generator>),
    /// A file or memory stream (see object/io).
    Stream(Box<io::Stream>),
    /// An object of a class written in Rust, with state of its own (a lock,
    /// a socket): see [`Native`].
    Native(Native),
    /// `...`, the one `Ellipsis` object (see [`ellipsis`]).
    Ellipsis,
}

/// The state of an object whose class is written in Rust (by a native module)
/// and the class. The state is shared (`Arc`) and `Send + Sync`, so a native
/// method can hold on to it while the GIL is released (a lock waits that way).
pub struct Native {
    /// The object's class.
    pub class: Obj,
    /// The state, downcast by the class's methods.
    pub data: std::sync::Arc<dyn std::any::Any + Send + Sync>,
}

impl Native {
    /// A new object of `class` holding `data`.
    pub fn value<T: std::any::Any + Send + Sync>(class: Obj, data: T) -> Value {
        Value::obj(Object::Native(Native {
            class,
            data: std::sync::Arc::new(data),
        }))
    }

    /// The state, if it is a `T`.
    pub fn data<T: std::any::Any + Send + Sync>(&self) -> Option<&T> {
        self.data.downcast_ref::<T>()
    }
}

impl std::fmt::Debug for Native {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Native { .. }")
    }
}

/// `Ellipsis`: one immutable object shared by every interpreter, so the
/// compiler can put it among a code object's constants.
pub fn ellipsis() -> Value {
    static ELLIPSIS: std::sync::OnceLock<Obj> = std::sync::OnceLock::new();
    Value::Obj(ELLIPSIS.get_or_init(|| Obj::new(Object::Ellipsis)).clone())
}

/// An immutable string.
#[derive(Debug)]
pub struct PyStr {
    /// The text.
    pub text: Box<str>,
    /// Its length in code points: `len()` and indexing need it, and when it
    /// equals the byte length the text is ASCII and indexes by byte.
    chars: usize,
    /// The str hash once computed, else -1 (never a Python hash).
    hash: std::sync::atomic::AtomicI64,
}

/// Iteration state over a builtin sequence.
#[derive(Debug)]
pub enum SeqIter {
    /// Over a list (sees appends made while iterating, as CPython's does).
    List { list: Obj, next: usize },
    /// Over a tuple.
    Tuple { tuple: Obj, next: usize },
    /// Over a range.
    Range { next: i64, stop: i64, step: i64 },
    /// Over the characters of a str, by byte offset.
    Str { text: Obj, next: usize },
    /// Over the bytes of a bytes or bytearray, as ints.
    Bytes { seq: Value, next: usize },
    /// Over a snapshot of keys or items.
    Values { items: Vec<Value>, next: usize },
    /// `map(func, *iterators)`, lazily.
    Map { func: Value, iters: Vec<Value> },
    /// `filter(func, iterator)`, lazily (`func` None keeps true items).
    Filter { func: Value, iter: Value },
    /// `iter(func, sentinel)`: calls `func` until it returns `sentinel`
    /// (`func` is None once that happened, so it stays exhausted).
    Call {
        func: Option<Value>,
        sentinel: Value,
    },
    /// `zip(*iterators)`, lazily.
    Zip { iters: Vec<Value> },
    /// `enumerate(iterator, start)`, lazily.
    Enumerate { iter: Value, count: i64 },
    /// The old sequence protocol: `seq[0]`, `seq[1]`, ... until IndexError
    /// (`seq` is None once exhausted).
    GetItem { seq: Option<Value>, next: i64 },
    /// `reversed(seq)` by index: `seq[next]`, `seq[next - 1]`, ... down to 0
    /// (`next` is -1 once exhausted).
    Reversed { seq: Value, next: i64 },
    /// Over a set or frozenset by table slot (`set` is None once exhausted);
    /// `used` is the length it must still have (`usize::MAX` once it changed:
    /// the error sticks).
    Set {
        set: Option<Obj>,
        pos: usize,
        used: usize,
    },
    /// Over a dict or a view of it by entry position, backwards if `reverse`
    /// (then `pos` counts the entries not yet seen); `used` as for sets, `left`
    /// the entries still expected.
    Dict {
        dict: Option<Obj>,
        kind: ViewKind,
        pos: usize,
        used: usize,
        left: usize,
        reverse: bool,
    },
}

/// A function defined in Python: code plus what `def` evaluated.
#[derive(Debug)]
pub struct Function {
    /// The compiled body.
    pub code: Arc<Code>,
    /// The module globals it runs in.
    pub globals: Obj,
    /// Positional defaults, for the last parameters (`__defaults__`, which
    /// Python code may replace).
    pub defaults: GilCell<Box<[Value]>>,
    /// Keyword-only defaults by name (`__kwdefaults__`, a dict or None).
    pub kw_defaults: GilCell<Option<Obj>>,
    /// Cells of the enclosing function's variables it uses.
    pub closure: Box<[Obj]>,
    /// `__name__` and `__qualname__` (both assignable).
    pub name: GilCell<Box<str>>,
    pub qualname: GilCell<Box<str>>,
    /// `__dict__` (function attributes).
    pub dict: GilCell<Dict>,
    /// Weak references to it.
    pub weak: weak::WeakSlot,
}

/// A native function: its Python name and the Rust code behind it.
pub struct Builtin {
    /// `__name__`.
    pub name: &'static str,
    /// The code; `args` are the positional arguments, `kwargs` the keywords.
    pub call: NativeFn,
    /// The object it is bound to, for methods of builtin types.
    pub receiver: Option<Value>,
    /// A method in a class's dict: looked up on an instance, it binds to it as
    /// a Python function would. Plain functions (`len`) never bind.
    pub binds: bool,
}

impl Builtin {
    /// A function that does not bind (`len`, `sys.exit`).
    pub fn function(name: &'static str, call: NativeFn) -> Value {
        Value::obj(Object::Builtin(Builtin {
            name,
            call,
            receiver: None,
            binds: false,
        }))
    }

    /// A method for a class's dict: `args[0]` is the object it is called on.
    pub fn method(name: &'static str, call: NativeFn) -> Value {
        Value::obj(Object::Builtin(Builtin {
            name,
            call,
            receiver: None,
            binds: true,
        }))
    }
}

/// The signature of a native function.
pub type NativeFn = fn(&mut crate::interp::Vm, &[Value], &[(Box<str>, Value)]) -> PyResult<Value>;

impl std::fmt::Debug for Builtin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<built-in function {}>", self.name)
    }
}

/// A class.
#[derive(Debug)]
pub struct Class {
    /// `__name__`.
    pub name: Box<str>,
    /// `__qualname__`.
    pub qualname: Box<str>,
    /// `__bases__`.
    pub bases: Box<[Obj]>,
    /// `__mro__` after the class itself (which is left out to avoid a cycle).
    pub mro: GilCell<Vec<Obj>>,
    /// The class namespace.
    pub dict: GilCell<Dict>,
    /// Which builtin kind of object its instances are; `None` for Python classes.
    pub builtin: Option<BuiltinType>,
    /// Its metaclass when that is not `type`.
    pub metaclass: Option<Obj>,
    /// With `__slots__` (here and in every base): the only attribute names its
    /// instances may have. `None`: instances have a `__dict__`.
    pub slots: Option<Box<[Box<str>]>>,
    /// Which attribute hooks its MRO overrides (see `attr::hooks`): the type
    /// epoch that answer is good for, shifted left 8, then the hook bits.
    pub hooks: std::sync::atomic::AtomicU64,
    /// How many attributes its instances have had after `__init__` (the
    /// most seen): a new instance's `__dict__` is made that big at once, so
    /// setting them does not regrow it step by step.
    pub attr_hint: std::sync::atomic::AtomicUsize,
    /// Weak references to it.
    pub weak: weak::WeakSlot,
}

/// The builtin types whose instances are not `Object::Instance`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BuiltinType {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    DictKeys,
    DictValues,
    DictItems,
    Range,
    Slice,
    Iterator,
    ListIterator,
    ListReverseIterator,
    TupleIterator,
    RangeIterator,
    StrIterator,
    StrAsciiIterator,
    BytesIterator,
    ByteArrayIterator,
    SetIterator,
    DictKeyIterator,
    DictValueIterator,
    DictItemIterator,
    DictReverseKeyIterator,
    DictReverseValueIterator,
    DictReverseItemIterator,
    CallableIterator,
    Map,
    Filter,
    Zip,
    Enumerate,
    Reversed,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Cell,
    Code,
    Generator,
    Coroutine,
    AsyncGenerator,
    CoroutineWrapper,
    AsyncGenASend,
    AsyncGenAThrow,
    Property,
    ClassMethod,
    StaticMethod,
    Super,
    Ellipsis,
}

/// An instance of a Python class.
#[derive(Debug)]
pub struct Instance {
    /// Its class.
    pub class: Obj,
    /// Its `__dict__` (a dict object, so `obj.__dict__` is the live namespace).
    pub dict: Obj,
    /// For an instance of a subclass of a builtin type (`class L(list)`): the
    /// builtin value it extends, which the builtin methods and operations use.
    pub payload: Option<Value>,
    /// Weak references to it.
    pub weak: weak::WeakSlot,
}

impl Instance {
    /// An instance of `class` with an empty `__dict__`.
    pub fn new(class: Obj, payload: Option<Value>) -> Instance {
        Instance {
            class,
            dict: Obj::new(Object::Dict(GilCell::new(Dict::new()))),
            payload,
            weak: Default::default(),
        }
    }

    /// An instance of `class` whose empty `__dict__` has room for `n`
    /// attributes.
    pub fn with_room(class: Obj, n: usize) -> Instance {
        Instance {
            class,
            dict: Obj::new(Object::Dict(GilCell::new(Dict::with_capacity(n)))),
            payload: None,
            weak: Default::default(),
        }
    }

    /// Its attributes.
    #[inline]
    pub fn attrs(&self) -> &GilCell<Dict> {
        match self.dict.get() {
            Object::Dict(d) => d,
            _ => unreachable!("an instance's __dict__ is a dict"),
        }
    }
}

impl Value {
    /// The builtin value behind `self`: the payload of an instance of a
    /// subclass of a builtin type, else `self`.
    #[inline]
    pub fn builtin_view(&self) -> &Value {
        match self {
            Value::Obj(o) => match o.get() {
                Object::Instance(Instance {
                    payload: Some(p), ..
                }) => p,
                _ => self,
            },
            _ => self,
        }
    }
}

/// A module object.
#[derive(Debug)]
pub struct Module {
    /// `__name__`.
    pub name: Box<str>,
    /// The module namespace (its globals).
    pub dict: Obj,
}

impl PyStr {
    /// A str value.
    pub fn value(text: impl Into<Box<str>>) -> Value {
        Value::obj(Object::Str(PyStr::new(text.into())))
    }

    /// A str.
    pub fn new(text: Box<str>) -> PyStr {
        let chars = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        PyStr {
            text,
            chars,
            hash: std::sync::atomic::AtomicI64::new(-1),
        }
    }

    /// `len(s)`.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Only ASCII characters (so byte offsets are character offsets).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.text.len()
    }

    /// `hash(s)`, computed once.
    #[inline]
    pub fn hash(&self) -> i64 {
        use std::sync::atomic::Ordering;
        let h = self.hash.load(Ordering::Relaxed);
        if h != -1 {
            return h;
        }
        let h = str::hash(&self.text);
        self.hash.store(h, Ordering::Relaxed);
        h
    }
}

#[cfg(test)]
mod tests {
    /// Every object is as big as the largest variant: keep big kinds boxed.
    #[test]
    fn an_object_is_at_most_eighty_bytes() {
        assert!(std::mem::size_of::<super::Object>() <= 80);
    }
}
