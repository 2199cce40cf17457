//! The `_struct` module: packing values into bytes laid out by a format
//! string (`<ih2s`) and unpacking them, with `struct.error` and CPython's
//! messages. lib/struct.py re-exports it.
//!
//! A `Struct` instance keeps its format (str) and size in its `__dict__`;
//! each call parses the format again, which costs little next to packing.

mod codec;
mod format;
mod half;

use crate::args::{self, Kw};
use crate::class::{new_class, Member};
use format::Layout;
use gilt_vm::builtins::import;
use gilt_vm::eval::{attr, iter};
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::gil::GilCell;
use gilt_vm::interp::Vm;
use gilt_vm::object::{Instance, NativeFn, Object, PyStr};
use gilt_vm::value::Value;

/// Fill the `_struct` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    let exception = vm.interp.exceptions["Exception"].clone();
    let error =
        gilt_vm::interp::new_class("error", std::slice::from_ref(&exception), None, &mut vm.gil)?;
    if let Object::Class(c) = error.get() {
        c.dict
            .get_mut(&mut vm.gil)
            .insert_str("__module__", PyStr::value("struct"));
    }
    import::set_attr(vm, module, "error", Value::Obj(error));
    let functions: &[(&str, NativeFn)] = &[
        ("calcsize", calcsize),
        ("pack", pack),
        ("pack_into", pack_into),
        ("unpack", unpack),
        ("unpack_from", unpack_from),
        ("iter_unpack", iter_unpack),
        ("_clearcache", clearcache),
    ];
    import::add_functions(vm, module, functions);
    let methods: [(&'static str, NativeFn); 6] = [
        ("__init__", struct_init),
        ("pack", struct_pack),
        ("pack_into", struct_pack_into),
        ("unpack", struct_unpack),
        ("unpack_from", struct_unpack_from),
        ("iter_unpack", struct_iter_unpack),
    ];
    let mut members: Vec<(&'static str, Member)> = methods
        .into_iter()
        .map(|(name, f)| (name, Member::Method(f)))
        .collect();
    members.push(("__new__", Member::Function(struct_new)));
    let class = new_class(vm, "_struct", "Struct", members)?;
    import::set_attr(vm, module, "Struct", Value::Obj(class));
    Ok(())
}

/// A `struct.error` with `msg`.
pub(crate) fn struct_error(vm: &mut Vm, msg: &str) -> Raise {
    let class = import::import_module(vm, "_struct").ok().and_then(|m| {
        import::module::namespace(&m).and_then(|d| d.get(&vm.gil).get_str("error").cloned())
    });
    let Some(class) = class else {
        return Raise::new(ExcKind::Exception, msg);
    };
    match gilt_vm::eval::call::call(vm, &class, vec![PyStr::value(msg)], Vec::new()) {
        Ok(exc) => Raise::Object(exc),
        Err(e) => e,
    }
}

/// The text of a format argument (str or bytes).
fn format_text(vm: &Vm, fmt: &Value) -> PyResult<Vec<u8>> {
    match fmt.as_object() {
        Some(Object::Str(s)) => Ok(s.text.as_bytes().to_vec()),
        Some(Object::Bytes(b)) => Ok(b.to_vec()),
        _ => Err(Raise::type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            attr::type_name(vm, fmt)
        ))),
    }
}

fn layout_of(vm: &mut Vm, fmt: &Value) -> PyResult<Layout> {
    let text = format_text(vm, fmt)?;
    format::parse(vm, &text)
}

/// A copy of `len` bytes at `offset` of a bytes-like `buffer` (checked by the caller).
fn buffer_bytes(vm: &Vm, buffer: &Value) -> PyResult<Vec<u8>> {
    match buffer.as_object() {
        Some(Object::Bytes(b)) => Ok(b.to_vec()),
        Some(Object::ByteArray(b)) => Ok(b.get(&vm.gil).clone()),
        _ => Err(Raise::type_error(format!(
            "a bytes-like object is required, not '{}'",
            attr::type_name(vm, buffer)
        ))),
    }
}

/// Pack `values` by `layout` into `out` (of `layout.size` bytes).
fn pack_values(
    vm: &mut Vm,
    layout: &Layout,
    values: &[Value],
    out: &mut [u8],
    func: &str,
) -> PyResult<()> {
    if values.len() != layout.len {
        return Err(struct_error(
            vm,
            &format!(
                "{func} expected {} items for packing (got {})",
                layout.len,
                values.len()
            ),
        ));
    }
    let mut next = values.iter();
    for item in &layout.items {
        let at = item.offset;
        match item.code {
            b'x' => {}
            b's' | b'p' => {
                let v = next.next().expect("counted");
                let data = match v.as_object() {
                    Some(Object::Bytes(b)) => b.to_vec(),
                    Some(Object::ByteArray(b)) => b.get(&vm.gil).clone(),
                    _ => {
                        let msg = format!(
                            "argument for '{}' must be a bytes object",
                            item.code as char
                        );
                        return Err(struct_error(vm, &msg));
                    }
                };
                let n = item.count;
                if item.code == b's' {
                    let k = data.len().min(n);
                    out[at..at + k].copy_from_slice(&data[..k]);
                } else if n > 0 {
                    let k = data.len().min(n - 1);
                    out[at + 1..at + 1 + k].copy_from_slice(&data[..k]);
                    out[at] = k.min(255) as u8;
                }
            }
            code => {
                for j in 0..item.count {
                    let v = next.next().expect("counted");
                    let start = at + j * item.size;
                    codec::pack(
                        vm,
                        layout.order,
                        code,
                        v,
                        &mut out[start..start + item.size],
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// Unpack `data` (exactly `layout.size` bytes) into a tuple.
fn unpack_values(layout: &Layout, data: &[u8]) -> Value {
    let mut values = Vec::with_capacity(layout.len);
    for item in &layout.items {
        let at = item.offset;
        match item.code {
            b'x' => {}
            b's' => values.push(bytes_value(data[at..at + item.count].to_vec())),
            b'p' => {
                let n = item.count;
                let k = if n == 0 {
                    0
                } else {
                    (data[at] as usize).min(n - 1)
                };
                values.push(bytes_value(data[at + 1..at + 1 + k].to_vec()));
            }
            code => {
                for j in 0..item.count {
                    let start = at + j * item.size;
                    values.push(codec::unpack(
                        layout.order,
                        code,
                        &data[start..start + item.size],
                    ));
                }
            }
        }
    }
    crate::num::tuple(values)
}

/// An offset argument, through `__index__`.
fn offset_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = gilt_vm::eval::ops::index(vm, v)?;
    args::int(vm, &i)
}

fn bytes_value(b: Vec<u8>) -> Value {
    Value::obj(Object::Bytes(b.into()))
}

/// A zeroed buffer of `n` bytes; MemoryError rather than an abort.
fn zeroed(n: usize) -> PyResult<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n)
        .map_err(|_| Raise::new(ExcKind::MemoryError, ""))?;
    v.resize(n, 0);
    Ok(v)
}

fn do_pack(vm: &mut Vm, layout: &Layout, values: &[Value]) -> PyResult<Value> {
    let mut out = zeroed(layout.size)?;
    pack_values(vm, layout, values, &mut out, "pack")?;
    Ok(bytes_value(out))
}

fn do_unpack(vm: &mut Vm, layout: &Layout, buffer: &Value) -> PyResult<Value> {
    let data = buffer_bytes(vm, buffer)?;
    if data.len() != layout.size {
        let msg = format!("unpack requires a buffer of {} bytes", layout.size);
        return Err(struct_error(vm, &msg));
    }
    Ok(unpack_values(layout, &data))
}

fn do_unpack_from(
    vm: &mut Vm,
    layout: &Layout,
    buffer: &Value,
    offset: Option<Value>,
) -> PyResult<Value> {
    let data = buffer_bytes(vm, buffer)?;
    let offset = match offset {
        Some(v) => offset_arg(vm, &v)?,
        None => 0,
    };
    let (size, len) = (layout.size as i64, data.len() as i64);
    let mut at = offset;
    if at < 0 {
        if at + size > 0 {
            let msg = format!("not enough data to unpack {size} bytes at offset {at}");
            return Err(struct_error(vm, &msg));
        }
        if at + len < 0 {
            let msg = format!("offset {at} out of range for {len}-byte buffer");
            return Err(struct_error(vm, &msg));
        }
        at += len;
    }
    if len - at < size {
        let msg = format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {at} (actual buffer size is {len})",
            size + at
        );
        return Err(struct_error(vm, &msg));
    }
    let at = at as usize;
    Ok(unpack_values(layout, &data[at..at + layout.size]))
}

fn do_pack_into(vm: &mut Vm, layout: &Layout, rest: &[Value]) -> PyResult<Value> {
    let Some(buffer) = rest.first() else {
        return Err(struct_error(vm, "pack_into expected buffer argument"));
    };
    let Some(offset) = rest.get(1) else {
        return Err(struct_error(vm, "pack_into expected offset argument"));
    };
    let Some(Object::ByteArray(target)) = buffer.as_object() else {
        return Err(Raise::type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            attr::type_name(vm, buffer)
        )));
    };
    let offset = offset_arg(vm, offset)?;
    let mut out = zeroed(layout.size)?;
    pack_values(vm, layout, &rest[2..], &mut out, "pack_into")?;
    let (size, len) = (layout.size as i64, target.get(&vm.gil).len() as i64);
    let mut at = offset;
    if at < 0 {
        if at + size > 0 {
            let msg = format!("no space to pack {size} bytes at offset {at}");
            return Err(struct_error(vm, &msg));
        }
        if at + len < 0 {
            let msg = format!("offset {at} out of range for {len}-byte buffer");
            return Err(struct_error(vm, &msg));
        }
        at += len;
    }
    if len - at < size {
        let msg = format!(
            "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {at} (actual buffer size is {len})",
            size + at
        );
        return Err(struct_error(vm, &msg));
    }
    let at = at as usize;
    target.get_mut(&mut vm.gil)[at..at + layout.size].copy_from_slice(&out);
    Ok(Value::None)
}

fn do_iter_unpack(vm: &mut Vm, layout: &Layout, buffer: &Value) -> PyResult<Value> {
    let data = buffer_bytes(vm, buffer)?;
    if layout.size == 0 {
        return Err(struct_error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if data.len() % layout.size != 0 {
        let msg = format!(
            "iterative unpacking requires a buffer of a multiple of {} bytes",
            layout.size
        );
        return Err(struct_error(vm, &msg));
    }
    let items: Vec<Value> = data
        .chunks_exact(layout.size)
        .map(|chunk| unpack_values(layout, chunk))
        .collect();
    let list = Value::obj(Object::List(GilCell::new(items)));
    iter::get_iter(vm, &list)
}

fn no_keywords(func: &str, kwargs: &Kw) -> PyResult<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        Err(Raise::type_error(format!(
            "{func}() takes no keyword arguments"
        )))
    }
}

/// `(format, buffer)` of unpack and iter_unpack.
fn two_args<'a>(func: &str, args: &'a [Value], kwargs: &Kw) -> PyResult<(&'a Value, &'a Value)> {
    no_keywords(&format!("_struct.{func}"), kwargs)?;
    match args {
        [a, b] => Ok((a, b)),
        _ => Err(Raise::type_error(format!(
            "{func} expected 2 arguments, got {}",
            args.len()
        ))),
    }
}

fn calcsize(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [fmt] = args::parse("_struct.calcsize", ["format"], 1, args, kwargs)?;
    let layout = layout_of(vm, &fmt.unwrap_or(Value::None))?;
    Ok(Value::Int(layout.size as i64))
}

fn pack(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    no_keywords("_struct.pack", kwargs)?;
    let Some(fmt) = args.first() else {
        return Err(Raise::type_error("missing format argument"));
    };
    let layout = layout_of(vm, fmt)?;
    do_pack(vm, &layout, &args[1..])
}

fn pack_into(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    no_keywords("_struct.pack_into", kwargs)?;
    let Some(fmt) = args.first() else {
        return Err(Raise::type_error("missing format argument"));
    };
    let layout = layout_of(vm, fmt)?;
    do_pack_into(vm, &layout, &args[1..])
}

fn unpack(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (fmt, buffer) = two_args("unpack", args, kwargs)?;
    let layout = layout_of(vm, fmt)?;
    do_unpack(vm, &layout, buffer)
}

fn unpack_from(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [fmt, buffer, offset] = args::parse(
        "unpack_from",
        ["format", "buffer", "offset"],
        2,
        args,
        kwargs,
    )?;
    let layout = layout_of(vm, &fmt.unwrap_or(Value::None))?;
    do_unpack_from(vm, &layout, &buffer.unwrap_or(Value::None), offset)
}

fn iter_unpack(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let (fmt, buffer) = two_args("iter_unpack", args, kwargs)?;
    let layout = layout_of(vm, fmt)?;
    do_iter_unpack(vm, &layout, buffer)
}

fn clearcache(_vm: &mut Vm, _args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    Ok(Value::None)
}

/// `Struct.__new__(cls, format)`.
fn struct_new(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.first() else {
        return Err(Raise::type_error(
            "Struct.__new__(X): X is not a type object",
        ));
    };
    let [fmt] = args::parse("Struct", ["format"], 0, &args[1..], kwargs)?;
    let Some(fmt) = fmt else {
        return Err(Raise::type_error(
            "Struct() missing required argument 'format' (pos 1)",
        ));
    };
    let layout = layout_of(vm, &fmt)?;
    let text = match fmt.as_object() {
        Some(Object::Bytes(b)) => PyStr::value(&*String::from_utf8_lossy(b)),
        _ => fmt.clone(),
    };
    let instance = Value::obj(Object::Instance(Instance::new(cls.clone(), None)));
    if let Some(Object::Instance(i)) = instance.as_object() {
        let d = i.attrs().get_mut(&mut vm.gil);
        d.insert_str("format", text);
        d.insert_str("size", Value::Int(layout.size as i64));
    }
    Ok(instance)
}

fn struct_init(_vm: &mut Vm, _args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    Ok(Value::None)
}

/// The layout of the Struct `args[0]`.
fn self_layout(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Layout> {
    let fmt = match args.first().and_then(Value::as_object) {
        Some(Object::Instance(i)) => i.attrs().get(&vm.gil).get_str("format").cloned(),
        _ => None,
    };
    match fmt {
        Some(fmt) => layout_of(vm, &fmt),
        None => Err(attr::wrong_receiver(vm, method, "_struct.Struct", args)),
    }
}

fn struct_pack(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    no_keywords("Struct.pack", kwargs)?;
    let layout = self_layout(vm, args, "pack")?;
    do_pack(vm, &layout, &args[1..])
}

fn struct_pack_into(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    no_keywords("Struct.pack_into", kwargs)?;
    let layout = self_layout(vm, args, "pack_into")?;
    do_pack_into(vm, &layout, &args[1..])
}

fn struct_unpack(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [buffer] = args::parse(
        "Struct.unpack",
        ["buffer"],
        1,
        args.get(1..).unwrap_or(&[]),
        kwargs,
    )?;
    let layout = self_layout(vm, args, "unpack")?;
    do_unpack(vm, &layout, &buffer.unwrap_or(Value::None))
}

fn struct_unpack_from(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [buffer, offset] = args::parse(
        "unpack_from",
        ["buffer", "offset"],
        1,
        args.get(1..).unwrap_or(&[]),
        kwargs,
    )?;
    let layout = self_layout(vm, args, "unpack_from")?;
    do_unpack_from(vm, &layout, &buffer.unwrap_or(Value::None), offset)
}

fn struct_iter_unpack(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [buffer] = args::parse(
        "Struct.iter_unpack",
        ["buffer"],
        1,
        args.get(1..).unwrap_or(&[]),
        kwargs,
    )?;
    let layout = self_layout(vm, args, "iter_unpack")?;
    do_iter_unpack(vm, &layout, &buffer.unwrap_or(Value::None))
}
