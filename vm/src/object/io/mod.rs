//! Streams: the objects `open()`, `io.StringIO`, `io.BytesIO` and
//! `sys.stdin` / `sys.stdout` / `sys.stderr` are, with CPython 3.11's
//! behaviour (its `_io` module).
//!
//! Layers, as in CPython: a text file (`TextIOWrapper`, text.rs) decodes and
//! encodes over a binary stream it holds as an object (`f.buffer`): a buffered
//! file (`BufferedReader` / `BufferedWriter` / `BufferedRandom`, buffered.rs)
//! over an OS handle (raw.rs), or a `BytesIO`. `StringIO` and `BytesIO` keep
//! their contents in memory (string_io.rs, bytes_io.rs). binary.rs is what a
//! text file asks of the binary stream under it.
//!
//! Every stream's state sits in a `GilCell`; a stream never changes kind. A
//! read or write that reaches the OS takes what it needs out of the cell first
//! and releases the GIL around the system call.

pub mod args;
pub mod binary;
pub mod buffered;
pub mod bytes_io;
pub mod classes;
pub mod common;
pub mod console;
pub mod errors;
pub mod newline;
pub mod open;
pub mod raw;
pub mod string_io;
pub mod text;

use crate::gil::{GilCell, GilLock};
use crate::interp::Vm;
use crate::object::Object;
use crate::value::{Obj, Value};
use std::sync::{Arc, OnceLock, Weak};

pub use classes::Classes;

/// A stream object: its class (so Python subclasses work) and its state.
#[derive(Debug)]
pub struct Stream {
    /// `type(f)`.
    pub class: Obj,
    /// The state, by kind.
    pub body: Body,
    /// `__dict__`: attributes set on the object (by a subclass, say).
    pub dict: GilCell<crate::object::Dict>,
}

/// The kinds of stream.
#[derive(Debug)]
pub enum Body {
    /// `TextIOWrapper`.
    Text(GilCell<text::TextFile>),
    /// `BufferedReader`, `BufferedWriter`, `BufferedRandom` or `FileIO`.
    File(GilCell<buffered::BufferedFile>),
    /// `StringIO`.
    Strings(GilCell<string_io::StringBuf>),
    /// `BytesIO`.
    Bytes(GilCell<bytes_io::ByteBuf>),
}

/// What one interpreter keeps for its streams.
pub struct IoState {
    /// The `_io` classes, made on first use.
    classes: OnceLock<Arc<Classes>>,
    /// sys.stdin, sys.stdout and sys.stderr as first made.
    console: OnceLock<[Obj; 3]>,
    /// Files opened for writing, so buffered data still reaches them at exit
    /// when the file object itself is never freed (a reference cycle). A
    /// plain lock: it is taken once per `open`, and when the GIL may be gone.
    writers: parking_lot::Mutex<Vec<Weak<Object>>>,
    /// The interpreter's GIL, to flush `writers` when the interpreter goes.
    lock: GilLock,
}

impl IoState {
    /// The state of a new interpreter whose GIL is `lock`.
    pub fn new(lock: GilLock) -> IoState {
        IoState {
            classes: OnceLock::new(),
            console: OnceLock::new(),
            writers: parking_lot::Mutex::new(Vec::new()),
            lock,
        }
    }
}

impl Drop for IoState {
    /// Flush the files still open. The interpreter is going away, so no
    /// thread holds its GIL (a `Vm` drops its token before its `Arc<Interp>`).
    fn drop(&mut self) {
        let writers = std::mem::take(self.writers.get_mut());
        if writers.iter().all(|w| w.strong_count() == 0) {
            return;
        }
        let mut gil = self.lock.acquire();
        for w in writers {
            if let Some(obj) = w.upgrade() {
                if let Object::Stream(s) = &*obj {
                    if let Body::File(f) = &s.body {
                        let _ = f.get_mut(&mut gil).flush_now();
                    }
                }
            }
        }
    }
}

/// The `_io` classes of this interpreter.
pub fn classes(vm: &mut Vm) -> Arc<Classes> {
    let interp = vm.interp.clone();
    interp
        .io
        .classes
        .get_or_init(|| Arc::new(Classes::new(vm)))
        .clone()
}

/// sys.stdin (0), sys.stdout (1) or sys.stderr (2) as the interpreter made them.
pub fn console(vm: &mut Vm, fd: usize) -> Obj {
    let interp = vm.interp.clone();
    if let Some(streams) = interp.io.console.get() {
        return streams[fd].clone();
    }
    let made = console::streams(vm);
    interp.io.console.get_or_init(|| made)[fd].clone()
}

/// Remember a file open for writing (see `IoState::writers`).
pub fn register_writer(vm: &Vm, file: &Obj) {
    let mut writers = vm.interp.io.writers.lock();
    writers.retain(|w| w.strong_count() > 0);
    writers.push(Arc::downgrade(&file.0));
}

/// A new stream object.
pub fn new_stream(class: Obj, body: Body) -> Obj {
    Obj::new(Object::Stream(Box::new(Stream {
        class,
        body,
        dict: GilCell::new(crate::object::Dict::new()),
    })))
}

/// The stream a value is, if it is one.
pub fn stream_of(v: &Value) -> Option<&Stream> {
    match v.as_object() {
        Some(Object::Stream(s)) => Some(s),
        _ => None,
    }
}

/// `f.name` and the other data attributes of streams (CPython's getsets);
/// `None`: not one of them, so the class is searched next.
pub fn attribute(
    vm: &mut Vm,
    obj: &Value,
    s: &Stream,
    name: &str,
) -> crate::exc::PyResult<Option<Value>> {
    match &s.body {
        Body::Text(t) => text::attribute(vm, obj, t, name),
        Body::File(f) => buffered::attribute(vm, f, name),
        Body::Strings(b) => string_io::attribute(vm, b, name),
        Body::Bytes(b) => Ok(match name {
            "closed" => Some(Value::Bool(b.get(&vm.gil).closed)),
            _ => None,
        }),
    }
}
