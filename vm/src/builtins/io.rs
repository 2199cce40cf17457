//! The `io` module: `open`, the stream classes (`StringIO`, `BytesIO`,
//! `TextIOWrapper`, the buffered files), `UnsupportedOperation` and the
//! seek constants. The classes themselves live in object/io.

use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::io::buffered::DEFAULT_BUFFER_SIZE;
use crate::object::{Dict, Module, Object, PyStr};
use crate::value::{Obj, Value};

/// Make the `io` module for this interpreter.
pub fn module(vm: &mut Vm) -> Value {
    let classes = crate::object::io::classes(vm);
    let mut d = Dict::new();
    d.insert_str("__name__", PyStr::value("io"));
    let open = match vm.interp.builtins.get() {
        Object::Dict(b) => b.get(&vm.gil).get_str("open").cloned(),
        _ => None,
    };
    d.insert_str("open", open.unwrap_or(Value::None));
    let names = [
        ("IOBase", &classes.io_base),
        ("RawIOBase", &classes.raw_base),
        ("BufferedIOBase", &classes.buffered_base),
        ("TextIOBase", &classes.text_base),
        ("FileIO", &classes.file_io),
        ("BufferedReader", &classes.reader),
        ("BufferedWriter", &classes.writer),
        ("BufferedRandom", &classes.random),
        ("TextIOWrapper", &classes.text),
        ("StringIO", &classes.string_io),
        ("BytesIO", &classes.bytes_io),
        ("UnsupportedOperation", &classes.unsupported),
    ];
    for (name, class) in names {
        d.insert_str(name, Value::Obj(class.clone()));
    }
    d.insert_str(
        "DEFAULT_BUFFER_SIZE",
        Value::Int(DEFAULT_BUFFER_SIZE as i64),
    );
    for (name, n) in [("SEEK_SET", 0), ("SEEK_CUR", 1), ("SEEK_END", 2)] {
        d.insert_str(name, Value::Int(n));
    }
    Value::obj(Object::Module(Module {
        name: "io".into(),
        dict: Obj::new(Object::Dict(GilCell::new(d))),
    }))
}
