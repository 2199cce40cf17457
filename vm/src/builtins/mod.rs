//! The `builtins` namespace: functions, types and constants every module sees.

pub mod code_eval;
pub mod console;
pub mod dict_view;
pub mod exception_attrs;
pub mod exception_group;
pub mod exceptions;
pub mod import;
pub mod io;
pub mod methods;
pub mod object_type;
pub mod os_error;
pub mod reduce;
pub mod reprs;
pub mod set;
pub mod syntax_error;
pub mod sys;
pub mod traceback;

use crate::eval::{attr, call, iter, ops};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{self, int, Builtin, BuiltinType, Dict, NativeFn, Object, PyStr, SeqIter};
use crate::value::Value;

type Kw = [(Box<str>, Value)];

/// Fill the builtins namespace.
pub fn install(vm: &mut Vm) {
    let functions: &[(&'static str, NativeFn)] = &[
        ("print", console::print),
        ("input", console::input),
        ("open", crate::object::io::open::open),
        ("len", len),
        ("repr", repr),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("iter", iter_fn),
        ("next", next),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("id", id),
        ("hash", hash),
        ("divmod", divmod),
        ("pow", pow),
        ("round", round),
        ("chr", chr),
        ("ord", ord),
        ("any", any),
        ("all", all),
        ("callable", callable),
        ("format", format),
        ("__build_class__", crate::eval::class::build_class),
        ("globals", code_eval::globals),
        ("locals", code_eval::locals),
        ("vars", code_eval::vars),
        ("dir", code_eval::dir),
        ("compile", code_eval::compile),
        ("eval", code_eval::eval),
        ("exec", code_eval::exec),
        ("ascii", code_eval::ascii),
        ("bin", code_eval::bin),
        ("oct", code_eval::oct),
        ("hex", code_eval::hex),
        ("exit", code_eval::exit),
        ("quit", code_eval::exit),
        ("__import__", import::builtin_import),
    ];
    let mut dict = Dict::new();
    for &(name, f) in functions {
        dict.insert_str(
            name,
            Value::obj(Object::Builtin(Builtin {
                name,
                call: f,
                receiver: None,
                binds: false,
            })),
        );
    }
    for (t, name) in [
        (BuiltinType::Object, "object"),
        (BuiltinType::Type, "type"),
        (BuiltinType::Int, "int"),
        (BuiltinType::Float, "float"),
        (BuiltinType::Complex, "complex"),
        (BuiltinType::Str, "str"),
        (BuiltinType::Bytes, "bytes"),
        (BuiltinType::ByteArray, "bytearray"),
        (BuiltinType::Bool, "bool"),
        (BuiltinType::List, "list"),
        (BuiltinType::Tuple, "tuple"),
        (BuiltinType::Dict, "dict"),
        (BuiltinType::Set, "set"),
        (BuiltinType::FrozenSet, "frozenset"),
        (BuiltinType::Range, "range"),
        (BuiltinType::Slice, "slice"),
        (BuiltinType::Property, "property"),
        (BuiltinType::ClassMethod, "classmethod"),
        (BuiltinType::StaticMethod, "staticmethod"),
        (BuiltinType::Super, "super"),
        (BuiltinType::Map, "map"),
        (BuiltinType::Filter, "filter"),
        (BuiltinType::Zip, "zip"),
        (BuiltinType::Enumerate, "enumerate"),
        (BuiltinType::Reversed, "reversed"),
    ] {
        let class = vm.type_obj(t);
        if let Object::Class(c) = class.get() {
            c.dict
                .get_mut(&mut vm.gil)
                .insert_str("__module__", PyStr::value("builtins"));
        }
        dict.insert_str(name, Value::Obj(class));
    }
    let exceptions: Vec<_> = vm
        .interp
        .exceptions
        .iter()
        .map(|(n, c)| (*n, c.clone()))
        .collect();
    for (name, class) in exceptions {
        dict.insert_str(name, Value::Obj(class));
    }
    // CPython keeps these two old names of OSError.
    let os_error = vm.exc_class(ExcKind::OSError);
    dict.insert_str("IOError", Value::Obj(os_error.clone()));
    dict.insert_str("EnvironmentError", Value::Obj(os_error));
    let ni = singleton(vm, "NotImplementedType", |_, _, _| {
        Ok(PyStr::value("NotImplemented"))
    });
    dict.insert_str("NotImplemented", ni);
    dict.insert_str("Ellipsis", object::ellipsis());
    // Gilt has no -O: assertions always run.
    dict.insert_str("__debug__", Value::Bool(true));
    // Keywords, but also names in builtins (`builtins.True`), as in CPython.
    dict.insert_str("True", Value::Bool(true));
    dict.insert_str("False", Value::Bool(false));
    dict.insert_str("None", Value::None);
    if let Object::Dict(d) = vm.interp.builtins.get() {
        *d.get_mut(&mut vm.gil) = dict;
    }
    object_type::install(vm);
}

/// The one instance of a new builtin class `name` whose repr `repr` makes.
fn singleton(vm: &mut Vm, name: &str, repr: NativeFn) -> Value {
    let object = vm.type_obj(BuiltinType::Object);
    let class = crate::interp::new_class(name, &[object], None, &mut vm.gil).expect("one base");
    if let Object::Class(c) = class.get() {
        let d = c.dict.get_mut(&mut vm.gil);
        d.insert_str("__repr__", Builtin::method("__repr__", repr));
        d.insert_str("__module__", PyStr::value("builtins"));
    }
    Value::obj(Object::Instance(object::Instance::new(class, None)))
}

/// The `NotImplemented` singleton.
pub fn not_implemented(vm: &Vm) -> Value {
    match vm.interp.builtins.get() {
        Object::Dict(d) => d
            .get(&vm.gil)
            .get_str("NotImplemented")
            .cloned()
            .unwrap_or(Value::None),
        _ => Value::None,
    }
}

fn arg_count(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if args.len() < min || args.len() > max {
        // CPython's one-argument builtins (METH_O) and its fixed-arity
        // Argument Clinic ones word this differently.
        let msg = if min == 1 && max == 1 {
            format!("{name}() takes exactly one argument ({} given)", args.len())
        } else if min == max {
            format!("{name} expected {min} arguments, got {}", args.len())
        } else if args.len() < min {
            format!(
                "{name} expected at least {min} argument{}, got {}",
                if min == 1 { "" } else { "s" },
                args.len()
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {}",
                if max == 1 { "" } else { "s" },
                args.len()
            )
        };
        return Err(Raise::type_error(msg));
    }
    Ok(())
}

fn no_keywords(name: &str, kwargs: &Kw) -> PyResult<()> {
    if let Some((k, _)) = kwargs.first() {
        return Err(Raise::type_error(format!(
            "{name}() got an unexpected keyword argument '{k}'"
        )));
    }
    Ok(())
}

fn keyword<'a>(kwargs: &'a Kw, name: &str) -> Option<&'a Value> {
    kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

/// `len(v)` as a Rust number.
pub fn length(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(match v.as_object() {
        Some(Object::Str(s)) => s.char_len(),
        Some(Object::Bytes(b)) => b.len(),
        Some(Object::ByteArray(b)) => b.get(&vm.gil).len(),
        Some(Object::List(l)) => l.get(&vm.gil).len(),
        Some(Object::Tuple(t)) => t.len(),
        Some(Object::Dict(d)) => d.get(&vm.gil).len(),
        Some(Object::Set(t)) => t.get(&vm.gil).len(),
        Some(Object::FrozenSet(f)) => f.table.len(),
        Some(Object::DictView { dict, .. }) => dict_view::len(vm, dict),
        Some(Object::Range { start, stop, step }) => iter::range_len(*start, *stop, *step) as usize,
        Some(Object::Instance(i))
            if i.payload.is_some() && attr::lookup(vm, &i.class, "__len__").is_none() =>
        {
            let p = i.payload.clone().expect("checked");
            return length(vm, &p);
        }
        // Instances, and classes whose metaclass may define __len__.
        Some(Object::Instance(_)) | Some(Object::Class(_)) => {
            match ops::call_dunder(vm, v, "__len__", Vec::new())? {
                Some(Value::Int(n)) if n >= 0 => n as usize,
                Some(Value::Int(_)) => {
                    return Err(Raise::value_error("__len__() should return >= 0"))
                }
                Some(Value::Bool(b)) => b as usize,
                Some(other) => {
                    return Err(Raise::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        attr::type_name(vm, &other)
                    )))
                }
                None => return Err(no_len(vm, v)),
            }
        }
        _ => return Err(no_len(vm, v)),
    })
}

fn no_len(vm: &Vm, v: &Value) -> Raise {
    Raise::type_error(format!(
        "object of type '{}' has no len()",
        attr::type_name(vm, v)
    ))
}

fn len(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    no_keywords("len", kwargs)?;
    arg_count("len", args, 1, 1)?;
    Ok(Value::Int(length(vm, &args[0])? as i64))
}

fn repr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("repr", args, 1, 1)?;
    Ok(PyStr::value(ops::repr(vm, &args[0])?))
}

fn class_list(v: &Value, what: &str) -> PyResult<Vec<crate::value::Obj>> {
    match v {
        Value::Obj(o) if matches!(o.get(), Object::Class(_)) => Ok(vec![o.clone()]),
        Value::Obj(o) => match o.get() {
            Object::Tuple(t) => {
                let mut out = Vec::new();
                for x in t.iter() {
                    out.extend(class_list(x, what)?);
                }
                Ok(out)
            }
            _ => Err(Raise::type_error(format!(
                "{what} arg 2 must be a type, a tuple of types, or a union"
            ))),
        },
        _ => Err(Raise::type_error(format!(
            "{what} arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

fn isinstance(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("isinstance", args, 2, 2)?;
    if let Some(answer) = object_check(vm, &args[1], "__instancecheck__", &args[0])? {
        return Ok(Value::Bool(answer));
    }
    let class = attr::class_of(vm, &args[0]);
    let classes = class_list(&args[1], "isinstance()")?;
    for c in &classes {
        // An exact match never consults the metaclass, as in CPython.
        let found = match class.is(c) {
            true => true,
            false => match meta_check(vm, c, "__instancecheck__", &args[0])? {
                Some(answer) => answer,
                None => attr::is_subclass(vm, &class, c),
            },
        };
        if found {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// An object that is not a class may still answer isinstance/issubclass
/// through `hook` on its own class (typing's `List`, `Union[int, str]`).
fn object_check(vm: &mut Vm, target: &Value, hook: &str, arg: &Value) -> PyResult<Option<bool>> {
    if !matches!(target.as_object(), Some(Object::Instance(_))) {
        return Ok(None);
    }
    match ops::call_dunder(vm, target, hook, vec![arg.clone()])? {
        Some(answer) => Ok(Some(ops::truthy(vm, &answer)?)),
        None => Ok(None),
    }
}

/// Ask the metaclass of `class` (when it is not `type`) through `hook`
/// (`__instancecheck__` or `__subclasscheck__`) about `arg`; `None` when the
/// metaclass has no such hook.
fn meta_check(
    vm: &mut Vm,
    class: &crate::value::Obj,
    hook: &str,
    arg: &Value,
) -> PyResult<Option<bool>> {
    let Object::Class(c) = class.get() else {
        return Ok(None);
    };
    let Some(meta) = c.metaclass.clone() else {
        return Ok(None);
    };
    let Some(f) = attr::lookup(vm, &meta, hook) else {
        return Ok(None);
    };
    let answer = call::call(
        vm,
        &f,
        vec![Value::Obj(class.clone()), arg.clone()],
        Vec::new(),
    )?;
    Ok(Some(ops::truthy(vm, &answer)?))
}

fn issubclass(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("issubclass", args, 2, 2)?;
    if let Some(answer) = object_check(vm, &args[1], "__subclasscheck__", &args[0])? {
        return Ok(Value::Bool(answer));
    }
    let Value::Obj(sub) = &args[0] else {
        return Err(Raise::type_error("issubclass() arg 1 must be a class"));
    };
    if !matches!(sub.get(), Object::Class(_)) {
        return Err(Raise::type_error("issubclass() arg 1 must be a class"));
    }
    let classes = class_list(&args[1], "issubclass()")?;
    for c in &classes {
        let found = match meta_check(vm, c, "__subclasscheck__", &args[0])? {
            Some(answer) => answer,
            None => attr::is_subclass(vm, sub, c),
        };
        if found {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn abs(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("abs", args, 1, 1)?;
    let v = &args[0];
    if let Some(c) = object::complex::of(v) {
        return object::complex::abs(c).map(Value::Float);
    }
    let negative = ops::compare(vm, gilt_parser::ast::CmpOp::Lt, v, &Value::Int(0));
    match (v, negative) {
        (Value::Float(f), _) => Ok(Value::Float(f.abs())),
        (_, Ok(Value::Bool(true))) => ops::unary(vm, crate::bytecode::Op::UnaryNegative, v),
        (_, Ok(_)) if int::truthy(v).is_some() => Ok(match v {
            Value::Bool(b) => Value::Int(*b as i64),
            other => other.clone(),
        }),
        _ => match ops::call_dunder(vm, v, "__abs__", Vec::new())? {
            Some(r) => Ok(r),
            None if !ops::is(v, v.builtin_view()) => abs(vm, &[v.builtin_view().clone()], &[]),
            None => Err(Raise::type_error(format!(
                "bad operand type for abs(): '{}'",
                attr::type_name(vm, v)
            ))),
        },
    }
}

fn extreme(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &Kw,
    want: gilt_parser::ast::CmpOp,
) -> PyResult<Value> {
    let items = match args.len() {
        0 => {
            return Err(Raise::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        1 => vm.collect(&args[0])?,
        _ if keyword(kwargs, "default").is_some() => {
            return Err(Raise::type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )))
        }
        _ => args.to_vec(),
    };
    let key = keyword(kwargs, "key")
        .cloned()
        .filter(|k| !matches!(k, Value::None));
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => call::call(vm, f, vec![item.clone()], Vec::new())?,
            None => item.clone(),
        };
        best = match best {
            None => Some((k, item)),
            Some((bk, bv)) => {
                let better = ops::compare(vm, want, &k, &bk)?;
                if ops::truthy(vm, &better)? {
                    Some((k, item))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match keyword(kwargs, "default") {
            Some(d) => Ok(d.clone()),
            None => Err(Raise::value_error(format!(
                "{name}() arg is an empty sequence"
            ))),
        },
    }
}

fn min(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    extreme(vm, "min", args, kwargs, gilt_parser::ast::CmpOp::Lt)
}

fn max(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    extreme(vm, "max", args, kwargs, gilt_parser::ast::CmpOp::Gt)
}

fn sum(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if args.is_empty() {
        return Err(Raise::type_error(
            "sum() takes at least 1 positional argument (0 given)",
        ));
    }
    arg_count("sum", args, 1, 2)?;
    let mut total = args
        .get(1)
        .or_else(|| keyword(kwargs, "start"))
        .cloned()
        .unwrap_or(Value::Int(0));
    if matches!(total.as_object(), Some(Object::Str(_))) {
        return Err(Raise::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    for item in vm.collect(&args[0])? {
        total = ops::binary(vm, 0, &total, &item)?;
    }
    Ok(total)
}

/// Sort values in place with Python's rules (stable, `key`, `reverse`).
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let mut keyed = Vec::with_capacity(items.len());
    for item in items {
        let k = match key {
            Some(f) if !matches!(f, Value::None) => {
                call::call(vm, f, vec![item.clone()], Vec::new())?
            }
            _ => item.clone(),
        };
        keyed.push((k, item));
    }
    // Merge sort on `<` only, as CPython's sort uses only `__lt__`; stable.
    let mut error = None;
    let mut lt = |vm: &mut Vm, a: &Value, b: &Value| -> bool {
        if error.is_some() {
            return false;
        }
        match ops::compare(vm, gilt_parser::ast::CmpOp::Lt, a, b).and_then(|v| ops::truthy(vm, &v))
        {
            Ok(b) => b,
            Err(e) => {
                error = Some(e);
                false
            }
        }
    };
    let n = keyed.len();
    let mut width = 1;
    let mut buf: Vec<(Value, Value)> = Vec::with_capacity(n);
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            buf.clear();
            while i < mid && j < end {
                let take_right = if reverse {
                    lt(vm, &keyed[i].0, &keyed[j].0)
                } else {
                    lt(vm, &keyed[j].0, &keyed[i].0)
                };
                if take_right {
                    buf.push(keyed[j].clone());
                    j += 1;
                } else {
                    buf.push(keyed[i].clone());
                    i += 1;
                }
            }
            buf.extend_from_slice(&keyed[i..mid]);
            buf.extend_from_slice(&keyed[j..end]);
            keyed[start..end].clone_from_slice(&buf);
            start = end;
        }
        width *= 2;
    }
    if let Some(e) = error {
        return Err(e);
    }
    Ok(keyed.into_iter().map(|(_, v)| v).collect())
}

/// `NAME expected 1 argument, got N` (CPython's `sorted`, `reversed`).
fn exactly_one(name: &str, args: &[Value]) -> PyResult<()> {
    if args.len() != 1 {
        return Err(Raise::type_error(format!(
            "{name} expected 1 argument, got {}",
            args.len()
        )));
    }
    Ok(())
}

fn sorted(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    exactly_one("sorted", args)?;
    let items = vm.collect(&args[0])?;
    let reverse = match keyword(kwargs, "reverse") {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    let sorted = sort_values(vm, items, keyword(kwargs, "key"), reverse)?;
    Ok(Value::obj(Object::List(GilCell::new(sorted))))
}

fn snapshot_iter(items: Vec<Value>) -> Value {
    Value::obj(Object::Iter(GilCell::new(SeqIter::Values {
        items,
        next: 0,
    })))
}

fn reversed(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    no_keywords("reversed", kwargs)?;
    exactly_one("reversed", args)?;
    if let Some(it) = dict_view::reversed(vm, &args[0]) {
        return Ok(it);
    }
    if object::set::is_any_set(&args[0]) {
        return Err(Raise::type_error(format!(
            "'{}' object is not reversible",
            attr::type_name(vm, &args[0])
        )));
    }
    let seq = &args[0];
    match seq.as_object() {
        Some(Object::Range { start, stop, step }) => {
            let n = iter::range_len(*start, *stop, *step);
            let last = start + (n - 1) * step;
            Ok(iter::lazy(SeqIter::Range {
                next: last,
                stop: if n == 0 {
                    *start
                } else {
                    start.saturating_sub(*step)
                },
                step: -step,
            }))
        }
        Some(Object::List(_) | Object::Tuple(_) | Object::Str(_))
        | Some(Object::Bytes(_) | Object::ByteArray(_)) => iter::reversed_by_index(vm, seq),
        Some(Object::Instance(i)) => {
            let class = i.class.clone();
            match attr::lookup(vm, &class, "__reversed__") {
                Some(Value::None) => Err(not_reversible(vm, seq)),
                Some(f) => call::call(vm, &f, vec![seq.clone()], Vec::new()),
                None if attr::lookup(vm, &class, "__getitem__").is_some()
                    && attr::lookup(vm, &class, "__len__").is_some() =>
                {
                    iter::reversed_by_index(vm, seq)
                }
                None => Err(not_reversible(vm, seq)),
            }
        }
        // A class whose metaclass defines __reversed__ (enum classes).
        Some(Object::Class(c)) if c.metaclass.is_some() => {
            match attr::lookup(vm, &attr::class_of(vm, seq), "__reversed__") {
                Some(Value::None) | None => Err(not_reversible(vm, seq)),
                Some(f) => call::call(vm, &f, vec![seq.clone()], Vec::new()),
            }
        }
        _ => Err(not_reversible(vm, seq)),
    }
}

fn not_reversible(vm: &Vm, v: &Value) -> Raise {
    Raise::type_error(format!(
        "'{}' object is not reversible",
        attr::type_name(vm, v)
    ))
}

fn enumerate(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let count = match args.get(1).or_else(|| keyword(kwargs, "start")) {
        Some(Value::Int(n)) => *n,
        Some(v) => {
            return Err(Raise::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                attr::type_name(vm, v)
            )))
        }
        None => 0,
    };
    let Some(iterable) = args.first() else {
        return Err(Raise::type_error(
            "enumerate() missing required argument 'iterable'",
        ));
    };
    let iter = iter::get_iter(vm, iterable)?;
    Ok(iter::lazy(SeqIter::Enumerate { iter, count }))
}

fn zip(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let strict = match keyword(kwargs, "strict") {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    if strict {
        // strict=True checks lengths, so it reads everything first.
        let mut columns = Vec::with_capacity(args.len());
        for a in args {
            columns.push(vm.collect(a)?);
        }
        let n = columns.iter().map(Vec::len).min().unwrap_or(0);
        // CPython reports the first argument to run out (or, when the first
        // does, the first one with items left) against the ones before it.
        let before = |i: usize| {
            if i == 1 {
                "argument 1".to_string()
            } else {
                format!("arguments 1-{i}")
            }
        };
        let first_short = columns.iter().position(|c| c.len() == n).unwrap_or(0);
        if first_short > 0 {
            let msg = format!(
                "zip() argument {} is shorter than {}",
                first_short + 1,
                before(first_short)
            );
            return Err(Raise::value_error(msg));
        }
        if let Some(j) = columns.iter().position(|c| c.len() > n) {
            let msg = format!("zip() argument {} is longer than {}", j + 1, before(j));
            return Err(Raise::value_error(msg));
        }
        let rows = (0..n)
            .map(|i| {
                Value::obj(Object::Tuple(
                    columns
                        .iter()
                        .map(|c| c[i].clone())
                        .collect::<Vec<_>>()
                        .into(),
                ))
            })
            .collect();
        return Ok(snapshot_iter(rows));
    }
    let iters = args
        .iter()
        .map(|a| iter::get_iter(vm, a))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(iter::lazy(SeqIter::Zip { iters }))
}

fn map(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(Raise::type_error("map() must have at least two arguments."));
    }
    let iters = args[1..]
        .iter()
        .map(|a| iter::get_iter(vm, a))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(iter::lazy(SeqIter::Map {
        func: args[0].clone(),
        iters,
    }))
}

fn filter(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("filter", args, 2, 2)?;
    let iter = iter::get_iter(vm, &args[1])?;
    Ok(iter::lazy(SeqIter::Filter {
        func: args[0].clone(),
        iter,
    }))
}

fn iter_fn(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("iter", args, 1, 2)?;
    if let Some(sentinel) = args.get(1) {
        if !is_callable(vm, &args[0])? {
            return Err(Raise::type_error("iter(v, w): v must be callable"));
        }
        return Ok(iter::lazy(SeqIter::Call {
            func: Some(args[0].clone()),
            sentinel: sentinel.clone(),
        }));
    }
    iter::get_iter(vm, &args[0])
}

fn next(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("next", args, 1, 2)?;
    if !matches!(
        args[0].as_object(),
        Some(Object::Iter(_) | Object::Instance(_) | Object::Stream(_) | Object::Native(_))
    ) && !matches!(
        args[0].as_object(),
        Some(Object::Generator(g)) if g.kind == crate::eval::generator::GenKind::Generator
    ) {
        return Err(Raise::type_error(format!(
            "'{}' object is not an iterator",
            attr::type_name(vm, &args[0])
        )));
    }
    if let Some(Object::Native(_)) = args[0].as_object() {
        // An awaitable's StopIteration carries its result: pass it on.
        return match crate::eval::ops::call_dunder(vm, &args[0], "__next__", Vec::new()) {
            Err(e) if args.len() == 2 && crate::eval::exception::is_stop_iteration(vm, &e) => {
                Ok(args[1].clone())
            }
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(Raise::type_error(format!(
                "'{}' object is not an iterator",
                attr::type_name(vm, &args[0])
            ))),
            Err(e) => Err(e),
        };
    }
    if let Some(Object::Generator(_)) = args[0].as_object() {
        // A generator's return value travels in its StopIteration.
        return match crate::eval::generator::gen_next(vm, &args[..1], &[]) {
            Err(e) if args.len() == 2 && crate::eval::exception::is_stop_iteration(vm, &e) => {
                Ok(args[1].clone())
            }
            other => other,
        };
    }
    match iter::next(vm, &args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(Raise::Bare(ExcKind::StopIteration)),
        },
    }
}

fn attr_name(vm: &Vm, v: &Value) -> PyResult<String> {
    match v.as_object() {
        Some(Object::Str(s)) => Ok(s.text.to_string()),
        _ => Err(Raise::type_error(format!(
            "attribute name must be string, not '{}'",
            attr::type_name(vm, v)
        ))),
    }
}

fn hasattr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("hasattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    match attr::get(vm, &args[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if crate::eval::exception::is_attribute_error(vm, &e) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn getattr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("getattr", args, 2, 3)?;
    let name = attr_name(vm, &args[1])?;
    match attr::get(vm, &args[0], &name) {
        Err(e) if args.len() == 3 && crate::eval::exception::is_attribute_error(vm, &e) => {
            Ok(args[2].clone())
        }
        other => other,
    }
}

fn setattr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("setattr", args, 3, 3)?;
    let name = attr_name(vm, &args[1])?;
    attr::set(vm, &args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("delattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    attr::delete(vm, &args[0], &name)?;
    Ok(Value::None)
}

fn id(_vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("id", args, 1, 1)?;
    Ok(Value::Int(match &args[0] {
        Value::Obj(o) => o.addr() as i64,
        Value::None => 1,
        Value::Bool(b) => 2 + *b as i64,
        Value::Int(i) => i.wrapping_mul(2654435761),
        Value::Float(f) => f.to_bits() as i64,
    }))
}

fn hash(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("hash", args, 1, 1)?;
    Ok(Value::Int(crate::eval::keys::hash(vm, &args[0])?))
}

fn divmod(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    no_keywords("divmod", kwargs)?;
    if args.len() != 2 {
        return Err(Raise::type_error(format!(
            "divmod expected 2 arguments, got {}",
            args.len()
        )));
    }
    match int::divmod(&args[0], &args[1]) {
        Some(r) => {
            let (q, m) = r?;
            Ok(Value::obj(Object::Tuple(vec![q, m].into())))
        }
        None => {
            let (a, b) = (&args[0], &args[1]);
            if let Some(v) = ops::dunder_pair(vm, a, b, "__divmod__", "__rdivmod__")? {
                return Ok(v);
            }
            let (x, y) = (a.builtin_view(), b.builtin_view());
            if !ops::is(x, a) || !ops::is(y, b) {
                return divmod(vm, &[x.clone(), y.clone()], kwargs);
            }
            Err(unsupported_divmod(vm, a, b))
        }
    }
}

fn unsupported_divmod(vm: &Vm, a: &Value, b: &Value) -> Raise {
    Raise::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        attr::type_name(vm, a),
        attr::type_name(vm, b)
    ))
}

fn pow(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    if args.len() < 2 {
        let (name, pos) = if args.is_empty() {
            ("base", 1)
        } else {
            ("exp", 2)
        };
        return Err(Raise::type_error(format!(
            "pow() missing required argument '{name}' (pos {pos})"
        )));
    }
    arg_count("pow", args, 2, 3)?;
    if args.len() == 3 && !matches!(args[2], Value::None) {
        // Three-argument pow asks only the base (CPython does not try __rpow__).
        if let Some(Object::Instance(_)) = args[0].as_object() {
            let extra = vec![args[1].clone(), args[2].clone()];
            if let Some(v) = ops::call_dunder(vm, &args[0], "__pow__", extra)? {
                if !ops::is(&v, &not_implemented(vm)) {
                    return Ok(v);
                }
            }
        }
        if args[..2].iter().any(|a| object::complex::of(a).is_some()) {
            return Err(Raise::value_error("complex modulo"));
        }
        return int::pow3(&args[0], &args[1], &args[2]);
    }
    ops::binary(vm, 8, &args[0], &args[1])
}

fn round(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if args.is_empty() {
        return Err(Raise::type_error(
            "round() missing required argument 'number' (pos 1)",
        ));
    }
    arg_count("round", args, 1, 2)?;
    let given = args.get(1).or_else(|| keyword(kwargs, "ndigits"));
    if let Some(Object::Instance(i)) = args[0].as_object() {
        // A class's __round__ gets ndigits as it was passed (none for None).
        if attr::lookup(vm, &i.class, "__round__").is_some() {
            let extra = match given {
                None | Some(Value::None) => Vec::new(),
                Some(n) => vec![n.clone()],
            };
            let r = ops::call_dunder(vm, &args[0], "__round__", extra)?;
            return Ok(r.unwrap_or(Value::None));
        }
    }
    let ndigits = match given {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) => Some(*n),
        Some(v) => {
            return Err(Raise::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                attr::type_name(vm, v)
            )))
        }
    };
    match &args[0] {
        Value::Float(f) => object::float::round(*f, ndigits),
        v if int::truthy(v).is_some() => int::round_int(v, ndigits),
        v => match ops::call_dunder(vm, v, "__round__", Vec::new())? {
            Some(r) => Ok(r),
            None if !ops::is(v, v.builtin_view()) => {
                let mut unwrapped = args.to_vec();
                unwrapped[0] = v.builtin_view().clone();
                round(vm, &unwrapped, kwargs)
            }
            None => Err(Raise::type_error(format!(
                "type {} doesn't define __round__ method",
                attr::type_name(vm, v)
            ))),
        },
    }
}

fn chr(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("chr", args, 1, 1)?;
    match args[0].builtin_view() {
        Value::Int(n) if (0..=0x10FFFF).contains(n) => match char::from_u32(*n as u32) {
            Some(c) => Ok(PyStr::value(c.to_string())),
            None => Err(Raise::new(
                ExcKind::NotImplementedError,
                "lone surrogates are not supported yet",
            )),
        },
        Value::Int(_) => Err(Raise::value_error("chr() arg not in range(0x110000)")),
        v => Err(Raise::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            attr::type_name(vm, v)
        ))),
    }
}

fn ord(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("ord", args, 1, 1)?;
    match args[0].builtin_view().as_object() {
        Some(Object::Str(s)) => {
            let mut chars = s.text.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(Raise::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.text.chars().count()
                ))),
            }
        }
        _ => Err(Raise::type_error(format!(
            "ord() expected string of length 1, but {} found",
            attr::type_name(vm, &args[0])
        ))),
    }
}

fn any(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("any", args, 1, 1)?;
    let it = iter::get_iter(vm, &args[0])?;
    while let Some(v) = iter::next(vm, &it)? {
        if ops::truthy(vm, &v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("all", args, 1, 1)?;
    let it = iter::get_iter(vm, &args[0])?;
    while let Some(v) = iter::next(vm, &it)? {
        if !ops::truthy(vm, &v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn callable(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("callable", args, 1, 1)?;
    Ok(Value::Bool(is_callable(vm, &args[0])?))
}

/// Whether `v` can be called, as `callable()` answers.
pub fn is_callable(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(match v.as_object() {
        Some(
            Object::Function(_) | Object::Builtin(_) | Object::Method { .. } | Object::Class(_),
        ) => true,
        // Since 3.10 a staticmethod object calls its function.
        Some(Object::HostFn(_) | Object::StaticMethod(_)) => true,
        Some(Object::Instance(i)) => attr::lookup(vm, &i.class, "__call__").is_some(),
        _ => false,
    })
}

fn format(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    arg_count("format", args, 1, 2)?;
    let spec = match args.get(1).and_then(Value::as_object) {
        Some(Object::Str(s)) => s.text.to_string(),
        _ => String::new(),
    };
    Ok(PyStr::value(ops::format(vm, &args[0], &spec)?))
}

/// CPython's arity errors of the builtin types' constructors.
fn too_many_for_type(t: BuiltinType, name: &str, args: &[Value]) -> Option<Raise> {
    let at_most = match t {
        BuiltinType::Int => {
            return (args.len() > 2).then(|| {
                Raise::type_error(format!(
                    "int() takes at most 2 arguments ({} given)",
                    args.len()
                ))
            })
        }
        BuiltinType::List
        | BuiltinType::Tuple
        | BuiltinType::Float
        | BuiltinType::Bool
        | BuiltinType::Dict => 1,
        _ => return None,
    };
    (args.len() > at_most).then(|| {
        Raise::type_error(format!(
            "{name} expected at most {at_most} argument, got {}",
            args.len()
        ))
    })
}

/// Call a builtin type: `int(...)`, `str(...)`, `list(...)` and so on.
pub fn construct(
    vm: &mut Vm,
    t: BuiltinType,
    args: Vec<Value>,
    kwargs: Vec<(Box<str>, Value)>,
) -> PyResult<Value> {
    // The lazy iterator classes take any arguments as they are.
    let make: Option<NativeFn> = match t {
        BuiltinType::Map => Some(map),
        BuiltinType::Filter => Some(filter),
        BuiltinType::Zip => Some(zip),
        BuiltinType::Enumerate => Some(enumerate),
        BuiltinType::Reversed => Some(reversed),
        _ => None,
    };
    if let Some(make) = make {
        return make(vm, &args, &kwargs);
    }
    // Converting an instance of a builtin subclass converts the builtin value
    // it carries, unless its class says how (`__int__`, `__float__`, ...).
    let mut args = args;
    if let Some(first) = args.first_mut() {
        let hook = match t {
            BuiltinType::Int => Some("__int__"),
            BuiltinType::Float => Some("__float__"),
            BuiltinType::Complex => Some("__complex__"),
            BuiltinType::Dict
            | BuiltinType::List
            | BuiltinType::Tuple
            | BuiltinType::Set
            | BuiltinType::FrozenSet => None,
            _ => Some(""),
        };
        if let (Some(Object::Instance(i)), Some(hook)) = (first.as_object(), hook) {
            if i.payload.is_some() && !hook.is_empty() && attr::lookup(vm, &i.class, hook).is_none()
            {
                *first = first.builtin_view().clone();
            }
        } else if hook.is_none() {
            *first = first.builtin_view().clone();
        }
    }
    let name = match vm.type_obj(t).get() {
        Object::Class(c) => c.name.to_string(),
        _ => String::new(),
    };
    if let Some(kind) = object::bytes::Kind::of_type(t) {
        return object::bytes::construct(vm, kind, args, kwargs);
    }
    if t == BuiltinType::Str && (args.len() > 1 || !kwargs.is_empty()) {
        return object::bytes::codec::str_construct(vm, &args, &kwargs);
    }
    if !matches!(
        t,
        BuiltinType::Dict
            | BuiltinType::Int
            | BuiltinType::Set
            | BuiltinType::FrozenSet
            | BuiltinType::Complex
            | BuiltinType::Property
    ) && !kwargs.is_empty()
    {
        return Err(Raise::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    if let Some(e) = too_many_for_type(t, &name, &args) {
        return Err(e);
    }
    match t {
        BuiltinType::Int => {
            let base = args.get(1).or_else(|| keyword(&kwargs, "base")).cloned();
            match (args.first(), base) {
                (None, _) => Ok(Value::Int(0)),
                (Some(v), Some(Value::Int(b))) => match v.as_object() {
                    Some(Object::Str(s)) => int::from_str(&s.text, b as u32),
                    _ => Err(Raise::type_error("int() can't convert non-string with explicit base")),
                },
                (Some(v), _) => match v {
                    Value::Int(_) => Ok(v.clone()),
                    Value::Bool(b) => Ok(Value::Int(*b as i64)),
                    Value::Float(f) => int::from_f64(*f),
                    Value::Obj(o) => match o.get() {
                        Object::BigInt(_) => Ok(v.clone()),
                        Object::Str(s) => int::from_str(&s.text, 10),
                        _ => match ops::call_dunder(vm, v, "__int__", Vec::new())? {
                            Some(r) => Ok(r),
                            None => Err(Raise::type_error(format!(
                                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                                attr::type_name(vm, v)
                            ))),
                        },
                    },
                    Value::None => Err(Raise::type_error(
                        "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
                    )),
                },
            }
        }
        BuiltinType::Float => match args.first() {
            None => Ok(Value::Float(0.0)),
            Some(v) => match v {
                Value::Float(_) => Ok(v.clone()),
                Value::Obj(o) if matches!(o.get(), Object::Str(_)) => {
                    let Object::Str(s) = o.get() else {
                        unreachable!()
                    };
                    Ok(Value::Float(object::float::from_str(&s.text)?))
                }
                other => match int::to_f64(other) {
                    Some(f) => Ok(Value::Float(f?)),
                    None => match ops::call_dunder(vm, other, "__float__", Vec::new())? {
                        Some(r) => Ok(r),
                        None => Err(Raise::type_error(format!(
                            "float() argument must be a string or a real number, not '{}'",
                            attr::type_name(vm, other)
                        ))),
                    },
                },
            },
        },
        BuiltinType::Complex => object::complex::construct(vm, args, kwargs),
        BuiltinType::Str => match args.first() {
            None => Ok(PyStr::value("")),
            Some(v) => Ok(PyStr::value(ops::str_of(vm, v)?)),
        },
        BuiltinType::Bool => match args.first() {
            None => Ok(Value::Bool(false)),
            Some(v) => Ok(Value::Bool(ops::truthy(vm, v)?)),
        },
        BuiltinType::List => {
            let items = match args.first() {
                Some(v) => vm.collect(v)?,
                None => Vec::new(),
            };
            Ok(Value::obj(Object::List(GilCell::new(items))))
        }
        BuiltinType::Tuple => match args.first() {
            Some(v) if matches!(v.as_object(), Some(Object::Tuple(_))) => Ok(v.clone()),
            Some(v) => Ok(Value::obj(Object::Tuple(vm.collect(v)?.into()))),
            None => Ok(Value::obj(Object::Tuple(Box::new([])))),
        },
        BuiltinType::Dict => {
            let dict = GilCell::new(Dict::new());
            if let Some(source) = args.first() {
                let is_mapping = matches!(source.as_object(), Some(Object::Instance(_)))
                    && attr::lookup(vm, &attr::class_of(vm, source), "keys").is_some();
                match source.as_object() {
                    Some(Object::Dict(d)) => {
                        let copy = d.get(&vm.gil).clone();
                        *dict.get_mut(&mut vm.gil) = copy;
                    }
                    // Anything with keys() is a mapping (CPython's PyDict_Merge).
                    _ if is_mapping => {
                        let items = crate::eval::unpack_args::mapping_items(vm, source)?;
                        for (k, v) in items.unwrap_or_default() {
                            crate::eval::keys::set(vm, &dict, k, v)?;
                        }
                    }
                    _ => {
                        for (i, pair) in vm.collect(source)?.into_iter().enumerate() {
                            let kv = vm.collect(&pair).map_err(|e| match e {
                                Raise::New(ExcKind::TypeError, m) if m.ends_with("is not iterable") => {
                                    Raise::type_error(format!(
                                        "cannot convert dictionary update sequence element #{i} to a sequence"
                                    ))
                                }
                                other => other,
                            })?;
                            if kv.len() != 2 {
                                return Err(Raise::value_error(format!(
                                    "dictionary update sequence element #{i} has length {}; 2 is required",
                                    kv.len()
                                )));
                            }
                            let mut kv = kv.into_iter();
                            crate::eval::keys::set(
                                vm,
                                &dict,
                                kv.next().unwrap(),
                                kv.next().unwrap(),
                            )?;
                        }
                    }
                }
            }
            for (k, v) in kwargs {
                dict.get_mut(&mut vm.gil).insert_str(&k, v);
            }
            Ok(Value::obj(Object::Dict(dict)))
        }
        BuiltinType::Set => set::construct(vm, set::Kind::Set, &args, &kwargs),
        BuiltinType::FrozenSet => set::construct(vm, set::Kind::Frozen, &args, &kwargs),
        BuiltinType::Range => {
            let ints: Vec<i64> = args
                .iter()
                .map(|a| match a {
                    Value::Int(n) => Ok(*n),
                    Value::Bool(b) => Ok(*b as i64),
                    other => Err(Raise::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        attr::type_name(vm, other)
                    ))),
                })
                .collect::<PyResult<_>>()?;
            let (start, stop, step) = match ints[..] {
                [stop] => (0, stop, 1),
                [start, stop] => (start, stop, 1),
                [start, stop, step] => (start, stop, step),
                [] => {
                    return Err(Raise::type_error(
                        "range expected at least 1 argument, got 0",
                    ))
                }
                _ => {
                    return Err(Raise::type_error(format!(
                        "range expected at most 3 arguments, got {}",
                        ints.len()
                    )))
                }
            };
            if step == 0 {
                return Err(Raise::value_error("range() arg 3 must not be zero"));
            }
            Ok(Value::obj(Object::Range { start, stop, step }))
        }
        BuiltinType::Slice => {
            let (start, stop, step) = match args.len() {
                1 => (Value::None, args[0].clone(), Value::None),
                2 => (args[0].clone(), args[1].clone(), Value::None),
                3 => (args[0].clone(), args[1].clone(), args[2].clone()),
                n => {
                    return Err(Raise::type_error(format!(
                        "slice expected at least 1 argument, got {n}"
                    )))
                }
            };
            Ok(Value::obj(Object::Slice { start, stop, step }))
        }
        BuiltinType::Property => {
            let arg = |i: usize, name: &str| {
                args.get(i)
                    .or_else(|| keyword(&kwargs, name))
                    .cloned()
                    .unwrap_or(Value::None)
            };
            Ok(Value::obj(Object::Property {
                fget: arg(0, "fget"),
                fset: arg(1, "fset"),
                fdel: arg(2, "fdel"),
                doc: arg(3, "doc"),
            }))
        }
        BuiltinType::ClassMethod | BuiltinType::StaticMethod => {
            if args.len() != 1 {
                return Err(Raise::type_error(format!(
                    "{name} expected 1 argument, got {}",
                    args.len()
                )));
            }
            let f = args[0].clone();
            Ok(Value::obj(if t == BuiltinType::ClassMethod {
                Object::ClassMethod(f)
            } else {
                Object::StaticMethod(f)
            }))
        }
        BuiltinType::Method => match &args[..] {
            [_, Value::None] => Err(Raise::type_error("instance must not be None")),
            [func, receiver] => {
                if !is_callable(vm, func)? {
                    return Err(Raise::type_error("first argument must be callable"));
                }
                Ok(Value::obj(Object::Method {
                    receiver: receiver.clone(),
                    func: func.clone(),
                }))
            }
            _ => Err(Raise::type_error(format!(
                "method expected 2 arguments, got {}",
                args.len()
            ))),
        },
        BuiltinType::Super => match &args[..] {
            [Value::Obj(class), obj] if matches!(class.get(), Object::Class(_)) => {
                Ok(Value::obj(Object::Super {
                    class: class.clone(),
                    obj: obj.clone(),
                }))
            }
            [] => Err(Raise::new(ExcKind::RuntimeError, "super(): no arguments")),
            _ => Err(Raise::type_error("super() argument 1 must be a type")),
        },
        BuiltinType::Type => match args.len() {
            1 => Ok(Value::Obj(attr::class_of(vm, &args[0]))),
            _ => Err(Raise::new(
                ExcKind::NotImplementedError,
                "type() with three arguments is not supported yet",
            )),
        },
        _ => Err(Raise::type_error(format!(
            "cannot create '{name}' instances"
        ))),
    }
}
