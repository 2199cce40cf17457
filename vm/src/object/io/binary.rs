//! What a text file asks of the binary stream under it (`f.buffer`): a
//! buffered file or a BytesIO. Each call goes to the kind's own code.

use super::{buffered, bytes_io, errors, Body};
use crate::exc::{PyResult, Raise};
use crate::interp::Vm;
use crate::object::Object;
use crate::value::{Obj, Value};

/// How many bytes a text file decodes at a time (CPython's `_CHUNK_SIZE`).
pub const CHUNK_SIZE: usize = 8192;

/// The body of a binary stream object.
fn body(obj: &Obj) -> Option<&Body> {
    match obj.get() {
        Object::Stream(s) if matches!(s.body, Body::File(_) | Body::Bytes(_)) => Some(&s.body),
        _ => None,
    }
}

/// Whether `v` is a stream a text file can sit on.
pub fn is_binary(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if body(o).is_some())
}

fn not_binary() -> Raise {
    Raise::type_error("the underlying stream is not a binary stream")
}

/// The next chunk: at most `CHUNK_SIZE` bytes from one read (from stdin, one
/// line); empty at the end of the stream.
pub fn read_chunk(vm: &mut Vm, obj: &Obj) -> PyResult<Vec<u8>> {
    match body(obj).ok_or_else(not_binary)? {
        Body::File(f) => buffered::read1(vm, f, Some(CHUNK_SIZE)),
        Body::Bytes(b) => bytes_io::read(vm, b, Some(CHUNK_SIZE)),
        _ => Err(not_binary()),
    }
}

/// All that is left.
pub fn read_all(vm: &mut Vm, obj: &Obj) -> PyResult<Vec<u8>> {
    match body(obj).ok_or_else(not_binary)? {
        Body::File(f) => buffered::read(vm, f, None),
        Body::Bytes(b) => bytes_io::read(vm, b, None),
        _ => Err(not_binary()),
    }
}

/// Write all of `data`.
pub fn write(vm: &mut Vm, obj: &Obj, data: &[u8]) -> PyResult<()> {
    match body(obj).ok_or_else(not_binary)? {
        Body::File(f) => buffered::write(vm, f, data).map(drop),
        Body::Bytes(b) => bytes_io::write(vm, b, data).map(drop),
        _ => Err(not_binary()),
    }
}

/// `flush()`.
pub fn flush(vm: &mut Vm, obj: &Obj) -> PyResult<()> {
    match body(obj).ok_or_else(not_binary)? {
        Body::File(f) => buffered::flush(vm, f),
        Body::Bytes(b) => bytes_io::check_open(vm, b),
        _ => Err(not_binary()),
    }
}

/// `tell()`.
pub fn tell(vm: &mut Vm, obj: &Obj) -> PyResult<u64> {
    match body(obj).ok_or_else(not_binary)? {
        Body::File(f) => buffered::tell(vm, f),
        Body::Bytes(b) => bytes_io::tell(vm, b),
        _ => Err(not_binary()),
    }
}

/// `seek(offset, whence)`.
pub fn seek(vm: &mut Vm, obj: &Obj, offset: i64, whence: u8) -> PyResult<u64> {
    match body(obj).ok_or_else(not_binary)? {
        Body::File(f) => buffered::seek(vm, f, offset, whence),
        Body::Bytes(b) => bytes_io::seek(vm, b, offset, whence),
        _ => Err(not_binary()),
    }
}

/// `truncate(size)`.
pub fn truncate(vm: &mut Vm, obj: &Obj, size: Option<i64>) -> PyResult<u64> {
    match body(obj).ok_or_else(not_binary)? {
        Body::File(f) => buffered::truncate(vm, f, size),
        Body::Bytes(b) => bytes_io::truncate(vm, b, size),
        _ => Err(not_binary()),
    }
}

/// `close()`.
pub fn close(vm: &mut Vm, obj: &Obj) -> PyResult<()> {
    match body(obj).ok_or_else(not_binary)? {
        Body::File(f) => buffered::close(vm, f),
        Body::Bytes(b) => {
            b.get_mut(&mut vm.gil).close();
            Ok(())
        }
        _ => Err(not_binary()),
    }
}

/// `closed`.
pub fn is_closed(vm: &Vm, obj: &Obj) -> bool {
    match body(obj) {
        Some(Body::File(f)) => buffered::is_closed(vm, f),
        Some(Body::Bytes(b)) => b.get(&vm.gil).closed,
        _ => false,
    }
}

/// `name`, when the stream has one (a BytesIO has none).
pub fn name(vm: &Vm, obj: &Obj) -> Option<Value> {
    match body(obj) {
        Some(Body::File(f)) => Some(f.get(&vm.gil).name.clone()),
        _ => None,
    }
}

/// `seekable()` (as known when the stream was made).
pub fn seekable(vm: &Vm, obj: &Obj) -> bool {
    match body(obj) {
        Some(Body::File(f)) => f.get(&vm.gil).seekable,
        _ => true,
    }
}

/// `fileno()`.
pub fn fileno(vm: &mut Vm, obj: &Obj) -> PyResult<i64> {
    match body(obj) {
        Some(Body::File(f)) => match &f.get(&vm.gil).raw {
            Some(raw) => Ok(raw.fileno()),
            None => Err(errors::closed("I/O operation on closed file")),
        },
        _ => Err(errors::unsupported(vm, "fileno")),
    }
}

/// `isatty()`.
pub fn isatty(vm: &mut Vm, obj: &Obj) -> PyResult<bool> {
    match body(obj) {
        Some(Body::File(f)) => match &f.get(&vm.gil).raw {
            Some(raw) => Ok(raw.is_tty()),
            None => Err(errors::closed("I/O operation on closed file")),
        },
        _ => Ok(false),
    }
}
