//! The interpreter (what all its threads share) and the per-thread state that
//! runs Python code.

use crate::exc::{ExcKind, PyResult};
use crate::gil::{Gil, GilCell, GilLock};
use crate::object::{BuiltinType, Class, Dict, Object};
use crate::value::{Obj, Value};
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// What every thread of one interpreter shares.
pub struct Interp {
    /// The GIL.
    pub lock: GilLock,
    /// `sys.getcheckinterval()`: while other threads wait, the holder looks at
    /// how long it has held the GIL every this many breaker checks (loop
    /// back-edges and calls, each a few instructions apart). A waiter's
    /// explicit request is honoured at the next check regardless.
    pub check_interval: AtomicU64,
    /// The Python-level handler of each signal, by number: a callable, or
    /// `SIG_DFL` (0) / `SIG_IGN` (1) (see `eval::breaker`).
    pub signal_handlers: GilCell<Vec<Value>>,
    /// The builtin classes, by the kind of object they describe.
    pub types: HashMap<BuiltinType, Obj>,
    /// The same classes indexed by `BuiltinType as usize`: `type_obj` runs on
    /// every attribute lookup on a builtin value, too often for a hash map.
    type_table: Vec<Option<Obj>>,
    /// The builtin exception classes, by name.
    pub exceptions: HashMap<&'static str, Obj>,
    /// The classes of traceback and frame objects (`exc.__traceback__`).
    pub traceback_types: crate::builtins::traceback::TracebackTypes,
    /// The class of stacklet objects (see `eval::stacklet`).
    pub stacklet_class: Obj,
    /// The `builtins` namespace (a dict).
    pub builtins: Obj,
    /// `sys.modules`: the dict of loaded modules by name, the import cache.
    pub modules: Obj,
    /// Captured output, when the host asked for it (`None`: the real stdout).
    pub captured: GilCell<Option<String>>,
    /// `sys.path`: the list of folders searched by `import`.
    pub search_path: Obj,
    /// The import system's own state: the table of modules built into the
    /// binary, and the modules whose body is running.
    pub imports: crate::builtins::import::ImportState,
    /// `sys.argv`.
    pub argv: GilCell<Vec<String>>,
    /// Bumped whenever a class's namespace changes after the class was made;
    /// class lookups cached under an older epoch are stale.
    pub type_epoch: AtomicU64,
    /// The stream classes, sys.stdin/stdout/stderr, and files to flush at exit.
    pub io: crate::object::io::IoState,
    /// Frames of generators freed while suspended, waiting to be closed,
    /// and warnings to print (see `eval::finalize`).
    pub finalizer: Arc<crate::eval::finalize::Queue>,
}

/// What a thread needs to run Python code: the GIL token and the interpreter.
/// Native functions receive it as `&mut Vm`.
pub struct Vm {
    /// Proof this thread holds the GIL; opens every `GilCell`.
    pub gil: Gil,
    /// The interpreter.
    pub interp: Arc<Interp>,
    /// Python frames running on this thread (native re-entries included).
    pub depth: usize,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: usize,
    /// The exception being handled (`sys.exc_info()`), or None.
    pub handling: Value,
    /// Emptied locals and stacks of finished frames, reused by new ones so a
    /// call allocates nothing in the steady state.
    pub(crate) frame_pool: Vec<(Vec<Option<Value>>, Vec<Value>)>,
    /// The calling frame's namespaces, set by the loop just before it calls
    /// `globals()`, `eval()` and the like (see builtins/code_eval.rs).
    pub caller: Option<crate::builtins::code_eval::Caller>,
    /// This thread's cache of class attribute lookups (see `attr::lookup`).
    /// Lookups take `&Vm`, so the cache needs its own lock; only this thread
    /// ever takes it, so the lock is never contended.
    pub(crate) lookup_cache: Mutex<Box<[crate::eval::attr::CacheEntry]>>,
    /// Addresses of the containers whose repr is being made on this thread
    /// (CPython's `Py_ReprEnter`), so one inside itself prints as `...`.
    pub reprs_open: Vec<usize>,
    /// Whether this is the main thread (the one Ctrl-C interrupts).
    pub main_thread: bool,
    /// Breaker checks made while another thread waited, since the last
    /// switch decision (see `eval::serve_breaker`).
    pub breaker_checks: u64,
    /// The frames running on this thread, innermost last (see `eval::trail`).
    pub trail: Vec<crate::eval::trail::Stop>,
    /// Which run of the loop is innermost on this thread (see `eval::stacklet`).
    pub level: u64,
    /// Runs of the loop started on this thread so far.
    level_seq: u64,
    /// The thread's current stacklet, once anyone asked (see `eval::stacklet`).
    pub stacklet: Option<Value>,
}

impl Vm {
    /// A new run of the loop starts on this thread; returns the level to
    /// restore when it ends.
    #[inline]
    pub fn enter_level(&mut self) -> u64 {
        self.level_seq += 1;
        std::mem::replace(&mut self.level, self.level_seq)
    }

    /// The items of any iterable, in order (runs Python code for user iterators).
    pub fn collect(&mut self, iterable: &Value) -> PyResult<Vec<Value>> {
        crate::eval::iter::collect(self, iterable)
    }

    /// The class object of a builtin type.
    pub fn type_obj(&self, t: BuiltinType) -> Obj {
        match self.interp.type_table.get(t as usize) {
            Some(Some(class)) => class.clone(),
            _ => self.interp.types[&t].clone(),
        }
    }

    /// The class object of a builtin exception.
    pub fn exc_class(&self, kind: ExcKind) -> Obj {
        self.interp.exceptions[kind.name()].clone()
    }
}

impl Interp {
    /// Create an interpreter with its builtin types, exceptions and functions.
    pub fn new() -> Arc<Interp> {
        let lock = GilLock::new();
        let mut gil = lock.acquire();
        let mut types = HashMap::new();
        let object = new_class("object", &[], Some(BuiltinType::Object), &mut gil)
            .expect("object has no bases");
        types.insert(BuiltinType::Object, object.clone());
        for (t, name) in [
            (BuiltinType::Type, "type"),
            (BuiltinType::NoneType, "NoneType"),
            (BuiltinType::Int, "int"),
            (BuiltinType::Float, "float"),
            (BuiltinType::Complex, "complex"),
            (BuiltinType::Str, "str"),
            (BuiltinType::Bytes, "bytes"),
            (BuiltinType::ByteArray, "bytearray"),
            (BuiltinType::Tuple, "tuple"),
            (BuiltinType::List, "list"),
            (BuiltinType::Dict, "dict"),
            (BuiltinType::Set, "set"),
            (BuiltinType::FrozenSet, "frozenset"),
            (BuiltinType::DictKeys, "dict_keys"),
            (BuiltinType::DictValues, "dict_values"),
            (BuiltinType::DictItems, "dict_items"),
            (BuiltinType::Range, "range"),
            (BuiltinType::Slice, "slice"),
            (BuiltinType::Function, "function"),
            (BuiltinType::BuiltinFunction, "builtin_function_or_method"),
            (BuiltinType::Method, "method"),
            (BuiltinType::Module, "module"),
            (BuiltinType::Cell, "cell"),
            (BuiltinType::Code, "code"),
            (BuiltinType::Generator, "generator"),
            (BuiltinType::Coroutine, "coroutine"),
            (BuiltinType::AsyncGenerator, "async_generator"),
            (BuiltinType::CoroutineWrapper, "coroutine_wrapper"),
            (BuiltinType::AsyncGenASend, "async_generator_asend"),
            (BuiltinType::AsyncGenAThrow, "async_generator_athrow"),
            (BuiltinType::Property, "property"),
            (BuiltinType::ClassMethod, "classmethod"),
            (BuiltinType::StaticMethod, "staticmethod"),
            (BuiltinType::Super, "super"),
            (BuiltinType::Ellipsis, "ellipsis"),
        ] {
            let class = new_class(name, std::slice::from_ref(&object), Some(t), &mut gil);
            types.insert(t, class.expect("one base"));
        }
        for &(t, name) in crate::object::iter_types::CLASSES {
            let class = new_class(name, std::slice::from_ref(&object), Some(t), &mut gil);
            types.insert(t, class.expect("one base"));
        }
        let int = types[&BuiltinType::Int].clone();
        let bool_class = new_class("bool", &[int], Some(BuiltinType::Bool), &mut gil);
        types.insert(BuiltinType::Bool, bool_class.expect("one base"));
        let exceptions = crate::builtins::exceptions::hierarchy(&object, &mut gil);
        let traceback_types = crate::builtins::traceback::TracebackTypes::new(&object, &mut gil);
        let stacklet_class =
            new_class("stacklet", std::slice::from_ref(&object), None, &mut gil).expect("one base");
        if let Object::Class(c) = stacklet_class.get() {
            c.dict
                .get_mut(&mut gil)
                .insert_str("__module__", crate::object::PyStr::value("_greenlet"));
        }
        let builtins = Obj::new(Object::Dict(GilCell::new(Dict::new())));
        drop(gil);
        let mut type_table = Vec::new();
        for (t, class) in &types {
            let i = *t as usize;
            if type_table.len() <= i {
                type_table.resize(i + 1, None);
            }
            type_table[i] = Some(class.clone());
        }
        let io = crate::object::io::IoState::new(lock.clone());
        let interp = Arc::new(Interp {
            lock,
            types,
            type_table,
            exceptions,
            traceback_types,
            stacklet_class,
            builtins,
            modules: Obj::new(Object::Dict(GilCell::new(Dict::new()))),
            captured: GilCell::new(None),
            search_path: Obj::new(Object::List(GilCell::new(Vec::new()))),
            imports: crate::builtins::import::ImportState::new(),
            argv: GilCell::new(Vec::new()),
            type_epoch: AtomicU64::new(1),
            check_interval: AtomicU64::new(100),
            signal_handlers: GilCell::new(crate::eval::breaker::initial_handlers()),
            io,
            finalizer: Default::default(),
        });
        let mut vm = interp.enter();
        crate::builtins::install(&mut vm);
        interp
    }

    /// Take the GIL on this thread and get a `Vm` to run code with.
    pub fn enter(self: &Arc<Interp>) -> Vm {
        Vm {
            gil: self.lock.acquire(),
            interp: self.clone(),
            depth: 0,
            recursion_limit: 1000,
            handling: Value::None,
            frame_pool: Vec::new(),
            caller: None,
            lookup_cache: Mutex::new(crate::eval::attr::new_cache()),
            reprs_open: Vec::new(),
            main_thread: true,
            breaker_checks: 0,
            trail: Vec::new(),
            level: 0,
            level_seq: 0,
            stacklet: None,
        }
    }
}

/// A class object with `bases`, its MRO computed from theirs (C3).
pub fn new_class(
    name: &str,
    bases: &[Obj],
    builtin: Option<BuiltinType>,
    gil: &mut Gil,
) -> PyResult<Obj> {
    let mro = crate::eval::call::linearize(bases, gil)?;
    Ok(Obj::new(Object::Class(Box::new(Class {
        name: name.into(),
        qualname: name.into(),
        bases: bases.into(),
        mro: GilCell::new(mro),
        dict: GilCell::new(Dict::new()),
        builtin,
        metaclass: None,
        slots: None,
        hooks: Default::default(),
        attr_hint: Default::default(),
        weak: Default::default(),
    }))))
}

impl Value {
    /// `None`, as a value to return.
    pub fn none() -> PyResult<Value> {
        Ok(Value::None)
    }
}

/// The identity of the calling OS thread as Python's `threading.get_ident()`
/// reports it: a positive number, the same for every call on one thread and
/// different between threads alive at the same time.
pub fn thread_ident() -> i64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    std::thread::current().id().hash(&mut h);
    (h.finish() >> 1) as i64
}
