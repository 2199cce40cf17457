//! `_sre`: the regular expression engine under `re` (stdlib/lib/re.py).
//!
//! A pattern is parsed (`parse.rs`, CPython's syntax and error messages),
//! compiled to a program (`compile.rs`) and run by a backtracking matcher
//! with an explicit stack (`engine.rs`). This file makes the module and its
//! `compile` and `escape`; `pattern.rs` holds the Pattern methods,
//! `match_obj.rs` the Match methods and the `finditer` iterator,
//! `template.rs` replacement templates. Its API is Gilt's own, not
//! CPython's `_sre`: `re.py` is the only intended caller.

mod chars;
mod compile;
mod engine;
mod match_obj;
mod node;
mod parse;
mod pattern;
mod subject;
mod template;

use crate::args::{self, Kw};
use crate::class::{new_class, Member};
use gilt_vm::builtins::import;
use gilt_vm::eval::{attr, call};
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::{bytes, Builtin, Native, Object, PyStr};
use gilt_vm::value::{Obj, Value};
use std::sync::Arc;

/// The classes a compiled pattern makes objects of.
pub struct Classes {
    pub pattern: Obj,
    pub matched: Obj,
    pub scanner: Obj,
}

/// A compiled pattern, shared by the Pattern object and its matches.
pub struct Compiled {
    pub prog: engine::Program,
    /// The source pattern (str or bytes).
    pub pattern: Value,
    pub flags: u32,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    pub is_bytes: bool,
    pub classes: Arc<Classes>,
}

impl Compiled {
    /// The name of group `g`, if it has one.
    pub fn name_of(&self, g: usize) -> Option<&str> {
        self.names.iter().find(|e| e.1 == g).map(|e| e.0.as_str())
    }
}

/// Where `compile` finds the classes (module attributes a program could
/// rebind would not do).
const CLASSES: &str = "__gilt_classes__";

/// Fill the `_sre` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    import::add_functions(vm, module, &[("compile", compile), ("escape", escape)]);
    let pattern_class = new_class(vm, "re", "Pattern", pattern::members())?;
    let match_class = new_class(vm, "re", "Match", match_obj::members())?;
    let scanner = new_class(vm, "re", "callable_iterator", match_obj::scanner_members())?;
    import::set_attr(vm, module, "Pattern", Value::Obj(pattern_class.clone()));
    import::set_attr(vm, module, "Match", Value::Obj(match_class.clone()));
    import::set_attr(vm, module, "MAXREPEAT", Value::Int(node::MAXREPEAT as i64));
    import::set_attr(vm, module, "MAXGROUPS", Value::Int(1 << 30));
    let classes = Classes {
        pattern: pattern_class,
        matched: match_class,
        scanner,
    };
    let holder = Native::value(
        vm.type_obj(gilt_vm::object::BuiltinType::Object),
        Arc::new(classes),
    );
    import::set_attr(vm, module, CLASSES, holder);
    Ok(())
}

/// A read-only attribute computed by `get`, for a native class's members.
pub fn property(name: &'static str, get: gilt_vm::object::NativeFn) -> (&'static str, Member) {
    (
        name,
        Member::Value(Value::obj(Object::Property {
            fget: Builtin::method(name, get),
            fset: Value::None,
            fdel: Value::None,
            doc: Value::None,
        })),
    )
}

fn classes(vm: &mut Vm) -> PyResult<Arc<Classes>> {
    let module = import::import_module(vm, "_sre")?;
    let holder =
        import::module::namespace(&module).and_then(|d| d.get(&vm.gil).get_str(CLASSES).cloned());
    match holder.as_ref().and_then(Value::as_object) {
        Some(Object::Native(n)) => match n.data::<Arc<Classes>>() {
            Some(c) => Ok(c.clone()),
            None => Err(Raise::new(ExcKind::RuntimeError, "_sre is not initialised")),
        },
        _ => Err(Raise::new(ExcKind::RuntimeError, "_sre is not initialised")),
    }
}

/// The `re.error` for a parse error in `source` (a pattern or template),
/// or the other exception the error stands for.
pub fn raise(vm: &mut Vm, e: parse::Error, source: &Value) -> Raise {
    let (msg, pos) = match e {
        parse::Error::Re { msg, pos } => (msg, pos),
        parse::Error::Overflow(m) => return Raise::new(ExcKind::OverflowError, m),
        parse::Error::Value(m) => return Raise::value_error(m),
        parse::Error::Recursion => {
            return Raise::new(ExcKind::RecursionError, "maximum recursion depth exceeded")
        }
    };
    let error = import::import_module(vm, "_sre").ok().and_then(|m| {
        import::module::namespace(&m).and_then(|d| d.get(&vm.gil).get_str("error").cloned())
    });
    let Some(error) = error else {
        return Raise::value_error(msg);
    };
    let (source, pos) = match pos {
        Some(p) => (source.clone(), Value::Int(p as i64)),
        None => (Value::None, Value::None),
    };
    match call::call(vm, &error, vec![PyStr::value(msg), source, pos], Vec::new()) {
        Ok(exc) => Raise::Object(exc),
        Err(e) => e,
    }
}

/// A pattern's characters: a str's code points, or a bytes pattern's bytes
/// read as Latin-1. None for other types.
pub fn pattern_chars(vm: &Vm, v: &Value) -> Option<(Vec<char>, bool)> {
    match v.as_object() {
        Some(Object::Str(s)) => Some((s.text.chars().collect(), false)),
        _ => bytes::as_bytes(&vm.gil, v).map(|b| (b.iter().map(|&b| b as char).collect(), true)),
    }
}

/// `compile(pattern, flags)`: a new Pattern (re.py caches them).
fn compile(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [pattern, flags] = args::parse("compile", ["pattern", "flags"], 1, args, kwargs)?;
    let pattern = pattern.unwrap_or(Value::None);
    let flags = match flags {
        Some(f) => args::int(vm, &f)?,
        None => 0,
    };
    let Some((chars, is_bytes)) = pattern_chars(vm, &pattern) else {
        return Err(Raise::type_error(
            "first argument must be string or compiled pattern",
        ));
    };
    let flags = u32::try_from(flags).unwrap_or(0);
    let parsed = match parse::parse(&chars, !is_bytes, flags) {
        Ok(p) => p,
        Err(e) => return Err(raise(vm, e, &pattern)),
    };
    let prog = match compile::compile(&parsed.node, parsed.groups, &parsed.widths) {
        Ok(p) => p,
        Err(e) => return Err(raise(vm, e, &pattern)),
    };
    let classes = classes(vm)?;
    let compiled = Compiled {
        prog,
        pattern,
        flags: parsed.flags,
        groups: parsed.groups,
        names: parsed.names,
        is_bytes,
        classes: classes.clone(),
    };
    Ok(Native::value(
        classes.pattern.clone(),
        pattern::PatternData(Arc::new(compiled)),
    ))
}

/// `escape(pattern)`: backslashes before the characters special in patterns.
fn escape(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [pattern] = args::parse("escape", ["pattern"], 1, args, kwargs)?;
    let pattern = pattern.unwrap_or(Value::None);
    const SPECIAL: &[u8] = b"()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c";
    if let Some(Object::Str(s)) = pattern.as_object() {
        let mut out = String::with_capacity(s.text.len());
        for c in s.text.chars() {
            if c.is_ascii() && SPECIAL.contains(&(c as u8)) {
                out.push('\\');
            }
            out.push(c);
        }
        return Ok(gilt_vm::object::str::new_value(out));
    }
    let Some(data) = bytes::as_bytes(&vm.gil, &pattern) else {
        return Err(Raise::type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            attr::type_name(vm, &pattern)
        )));
    };
    let mut out = Vec::with_capacity(data.len());
    for &b in data {
        if SPECIAL.contains(&b) {
            out.push(b'\\');
        }
        out.push(b);
    }
    Ok(bytes::new_bytes(out))
}

/// The state of `self` (args[0]) as a `T`.
pub fn receiver<'a, T: std::any::Any + Send + Sync>(
    vm: &Vm,
    args: &'a [Value],
    method: &str,
    class: &str,
) -> PyResult<&'a T> {
    match args.first().and_then(Value::as_object) {
        Some(Object::Native(n)) => n.data::<T>(),
        _ => None,
    }
    .ok_or_else(|| attr::wrong_receiver(vm, method, class, args))
}

/// A Python int from a position.
pub fn int(n: usize) -> Value {
    Value::Int(n as i64)
}

/// A tuple value.
pub fn tuple(items: Vec<Value>) -> Value {
    Value::obj(Object::Tuple(items.into()))
}

/// A list value.
pub fn list(items: Vec<Value>) -> Value {
    Value::obj(Object::List(gilt_vm::gil::GilCell::new(items)))
}
