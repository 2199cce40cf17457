//! Calls: binding arguments to parameters, functions, methods, classes, and
//! building classes from `class` statements.

use super::{attr, Frame};
use crate::bytecode::Code;
use crate::exc::{PyResult, Raise};
use crate::gil::{Gil, GilCell};
use crate::interp::Vm;
use crate::object::{Dict, Function, Object, PyStr};
use crate::value::{Obj, Value};
use std::sync::Arc;

/// Keyword arguments, in call order.
pub type Kwargs = Vec<(Box<str>, Value)>;

/// A call ready to go: a frame for the loop to run, or a finished result.
pub enum Prepared {
    Frame(Frame),
    Done(Value),
}

/// Split CALL's arguments: the last `names.len()` are keywords.
pub fn split_keywords(mut args: Vec<Value>, names: Option<&Value>) -> (Vec<Value>, Kwargs) {
    let Some(Object::Tuple(names)) = names.and_then(Value::as_object) else {
        return (args, Vec::new());
    };
    let values = args.split_off(args.len() - names.len());
    let keywords = names
        .iter()
        .zip(values)
        .map(|(n, v)| match n.as_object() {
            Some(Object::Str(s)) => (s.text.clone(), v),
            _ => unreachable!("keyword names are strs"),
        })
        .collect();
    (args, keywords)
}

/// `f(**mapping)`: the mapping's items as keywords.
pub fn keywords_from_dict(vm: &mut Vm, mapping: &Value) -> PyResult<Kwargs> {
    let Some(Object::Dict(d)) = mapping.as_object() else {
        return Err(Raise::type_error("argument after ** must be a mapping"));
    };
    d.get(&vm.gil)
        .iter()
        .map(|(k, v)| match k.as_object() {
            Some(Object::Str(s)) => Ok((s.text.clone(), v.clone())),
            _ => Err(Raise::type_error("keywords must be strings")),
        })
        .collect()
}

/// Call any callable and wait for its result (runs a nested loop for Python code).
pub fn call(vm: &mut Vm, callable: &Value, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    // A greenlet switch asked for here would come back as this call's result.
    match prepare(vm, callable, args, kwargs).map_err(super::stacklet::refuse)? {
        Prepared::Frame(frame) => super::run(vm, frame),
        Prepared::Done(v) => Ok(v),
    }
}

/// Start a call: Python functions become a frame, everything else runs now.
pub fn prepare(
    vm: &mut Vm,
    callable: &Value,
    mut args: Vec<Value>,
    kwargs: Kwargs,
) -> PyResult<Prepared> {
    let Value::Obj(o) = callable else {
        return Err(not_callable(vm, callable));
    };
    match o.get() {
        Object::Function(f) => {
            let frame = bind(vm, f, args, kwargs)?;
            if f.code.generator {
                let gen = super::generator::Generator::new(vm, frame);
                return Ok(Prepared::Done(Value::obj(Object::Generator(Box::new(gen)))));
            }
            Ok(Prepared::Frame(frame))
        }
        Object::Builtin(b) => {
            if let Some(receiver) = &b.receiver {
                args.insert(0, receiver.clone());
            }
            // A builtin method called on an instance of a subclass of its
            // type works on the builtin value the instance carries.
            if b.binds && !super::class::keeps_instance(b.call) {
                if let Some(first) = args.first_mut() {
                    if let Some(Object::Instance(i)) = first.as_object() {
                        if let Some(p) = i.payload.clone() {
                            *first = p;
                        }
                    }
                }
            }
            Ok(Prepared::Done((b.call)(vm, &args, &kwargs)?))
        }
        Object::HostFn(h) => Ok(Prepared::Done((h.call)(vm, &args, &kwargs)?)),
        Object::Method { receiver, func } => {
            args.insert(0, receiver.clone());
            prepare(vm, func, args, kwargs)
        }
        Object::Class(_) => super::class::call_class(vm, o, args, kwargs),
        Object::StaticMethod(f) => prepare(vm, &f.clone(), args, kwargs),
        Object::Instance(_) => {
            let class = attr::class_of(vm, callable);
            match attr::lookup(vm, &class, "__call__") {
                Some(f) => {
                    args.insert(0, callable.clone());
                    prepare(vm, &f, args, kwargs)
                }
                None => Err(not_callable(vm, callable)),
            }
        }
        _ => Err(not_callable(vm, callable)),
    }
}

fn not_callable(vm: &mut Vm, v: &Value) -> Raise {
    Raise::type_error(format!(
        "'{}' object is not callable",
        attr::type_name(vm, v)
    ))
}

/// Bind `args` and `kwargs` to `f`'s parameters in a new frame.
pub fn bind(vm: &mut Vm, f: &Function, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Frame> {
    let code = &f.code;
    let mut frame = Frame::pooled(vm, code.clone(), f.globals.clone(), None);
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let given = args.len();
    let mut args = args.into_iter();
    for slot in frame.locals.iter_mut().take(argcount.min(given)) {
        *slot = args.next();
    }
    let mut next_slot = argcount + kwonly;
    if code.varargs {
        frame.locals[next_slot] = Some(Value::obj(Object::Tuple(args.collect::<Vec<_>>().into())));
        next_slot += 1;
    } else if given > argcount {
        return Err(too_many_positional(vm, f, given, &kwargs));
    }
    let mut extra = code.varkeywords.then(Dict::new);
    for (name, value) in kwargs {
        let slot = code.varnames[code.posonlyargcount as usize..argcount + kwonly]
            .iter()
            .position(|v| *v == name);
        match slot {
            Some(i) => {
                let i = i + code.posonlyargcount as usize;
                if frame.locals[i].is_some() {
                    return Err(Raise::type_error(format!(
                        "{}() got multiple values for argument '{name}'",
                        f.qualname.get(&vm.gil)
                    )));
                }
                frame.locals[i] = Some(value);
            }
            None => match &mut extra {
                Some(d) => {
                    if d.get_str(&name).is_some() {
                        return Err(Raise::type_error(format!(
                            "{}() got multiple values for keyword argument '{name}'",
                            f.qualname.get(&vm.gil)
                        )));
                    }
                    d.insert_str(&name, value)
                }
                None => {
                    let posonly = code.varnames[..code.posonlyargcount as usize].contains(&name);
                    let msg = if posonly {
                        format!(
                            "{}() got some positional-only arguments passed as keyword arguments: '{name}'",
                            f.qualname.get(&vm.gil)
                        )
                    } else {
                        format!(
                            "{}() got an unexpected keyword argument '{name}'",
                            f.qualname.get(&vm.gil)
                        )
                    };
                    return Err(Raise::type_error(msg));
                }
            },
        }
    }
    if let Some(d) = extra {
        frame.locals[next_slot] = Some(Value::obj(Object::Dict(GilCell::new(d))));
    }
    // Defaults for the last positional parameters, then keyword-only ones.
    let defaults = f.defaults.get(&vm.gil);
    // `__defaults__` may be longer than the parameter list after assignment.
    let first_default = argcount as isize - defaults.len() as isize;
    let mut missing = Vec::new();
    for i in 0..argcount {
        if frame.locals[i].is_none() {
            if i as isize >= first_default {
                frame.locals[i] = Some(defaults[(i as isize - first_default) as usize].clone());
            } else {
                missing.push(code.varnames[i].clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_arguments(vm, f, &missing, "positional"));
    }
    for i in argcount..argcount + kwonly {
        if frame.locals[i].is_none() {
            let default = f
                .kw_defaults
                .get(&vm.gil)
                .as_ref()
                .and_then(|d| match d.get() {
                    Object::Dict(d) => d.get(&vm.gil).get_str(&code.varnames[i]).cloned(),
                    _ => None,
                });
            match default {
                Some(v) => frame.locals[i] = Some(v),
                None => missing.push(code.varnames[i].clone()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_arguments(vm, f, &missing, "keyword-only"));
    }
    // Parameters that nested functions capture move into their cells.
    for &(cell, slot) in &code.cell_params {
        if let Object::Cell(c) = frame.cells[cell as usize].get() {
            *c.get_mut(&mut vm.gil) = frame.locals[slot as usize].take();
        }
    }
    frame.cells.extend(f.closure.iter().cloned());
    Ok(frame)
}

fn too_many_positional(vm: &Vm, f: &Function, given: usize, kwargs: &Kwargs) -> Raise {
    let code = &f.code;
    let max = code.argcount as usize;
    let min = max.saturating_sub(f.defaults.get(&vm.gil).len());
    let qualname = f.qualname.get(&vm.gil);
    let takes = if min == max {
        format!("{max}")
    } else {
        format!("from {min} to {max}")
    };
    let plural = if max == 1 && min == max { "" } else { "s" };
    let kw_given = kwargs
        .iter()
        .filter(|(n, _)| code.varnames[max..].contains(n))
        .count();
    let was = if given == 1 { "was" } else { "were" };
    let msg = if kw_given > 0 {
        let kplural = if kw_given == 1 { "" } else { "s" };
        format!(
            "{}() takes {takes} positional argument{plural} but {given} positional argument{} (and {kw_given} keyword-only argument{kplural}) were given",
            qualname,
            if given == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{}() takes {takes} positional argument{plural} but {given} {was} given",
            qualname
        )
    };
    Raise::type_error(msg)
}

fn missing_arguments(vm: &Vm, f: &Function, missing: &[Box<str>], kind: &str) -> Raise {
    let names: Vec<String> = missing.iter().map(|n| format!("'{n}'")).collect();
    let list = match names.len() {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    };
    let plural = if missing.len() == 1 { "" } else { "s" };
    Raise::type_error(format!(
        "{}() missing {} required {kind} argument{plural}: {list}",
        f.qualname.get(&vm.gil),
        missing.len()
    ))
}

/// MAKE_FUNCTION: a function object from a code object and what was pushed.
pub fn make_function(
    vm: &mut Vm,
    frame: &Frame,
    code: Value,
    defaults: Option<Value>,
    kw_defaults: Option<Value>,
    closure: Option<Value>,
) -> Value {
    let Some(Object::Code(code)) = code.as_object() else {
        unreachable!("MAKE_FUNCTION takes a code object")
    };
    let code: Arc<Code> = code.clone();
    let defaults: Box<[Value]> = match defaults.as_ref().and_then(Value::as_object) {
        Some(Object::Tuple(t)) => t.clone(),
        _ => Box::new([]),
    };
    let closure: Box<[Obj]> = match closure.as_ref().and_then(Value::as_object) {
        Some(Object::Tuple(t)) => t
            .iter()
            .map(|c| match c {
                Value::Obj(o) => o.clone(),
                _ => unreachable!("closures hold cells"),
            })
            .collect(),
        _ => Box::new([]),
    };
    let mut dict = Dict::new();
    let module = super::dict_of(frame.globals())
        .get(&vm.gil)
        .get_str("__name__")
        .cloned();
    dict.insert_str("__module__", module.unwrap_or(Value::None));
    Value::obj(Object::Function(Box::new(Function {
        name: GilCell::new(code.name.clone()),
        qualname: GilCell::new(code.qualname.clone()),
        code,
        globals: frame.globals().clone(),
        defaults: GilCell::new(defaults),
        kw_defaults: GilCell::new(kw_defaults.and_then(|k| match k {
            Value::Obj(o) => Some(o),
            _ => None,
        })),
        closure,
        dict: GilCell::new(dict),
        weak: Default::default(),
    })))
}

/// Give the new function `f` its `__annotations__`: a dict made from the
/// flat tuple `('name', annotation, ...)` MAKE_FUNCTION found.
pub fn set_annotations(vm: &mut Vm, f: &Value, pairs: &Value) -> PyResult<()> {
    let (Some(Object::Function(func)), Some(Object::Tuple(t))) = (f.as_object(), pairs.as_object())
    else {
        return Ok(());
    };
    let annotations = GilCell::new(Dict::new());
    for pair in t.chunks(2) {
        if let [name, value] = pair {
            super::keys::set(vm, &annotations, name.clone(), value.clone())?;
        }
    }
    let annotations = Value::obj(Object::Dict(annotations));
    func.dict
        .get_mut(&mut vm.gil)
        .insert_str("__annotations__", annotations);
    Ok(())
}

/// C3 linearization of a new class's bases: its MRO after the class itself.
pub fn linearize(bases: &[Obj], gil: &Gil) -> PyResult<Vec<Obj>> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| o.is(b)) {
            let name = match b.get() {
                Object::Class(c) => c.name.to_string(),
                _ => String::new(),
            };
            return Err(Raise::type_error(format!("duplicate base class {name}")));
        }
    }
    let mut sequences: Vec<Vec<Obj>> = Vec::new();
    for b in bases {
        if let Object::Class(c) = b.get() {
            let mut seq = vec![b.clone()];
            seq.extend(c.mro.get(gil).iter().cloned());
            sequences.push(seq);
        }
    }
    sequences.push(bases.to_vec());
    let mut result = Vec::new();
    loop {
        sequences.retain(|s| !s.is_empty());
        if sequences.is_empty() {
            return Ok(result);
        }
        let candidate = sequences
            .iter()
            .map(|s| &s[0])
            .find(|head| !sequences.iter().any(|s| s[1..].iter().any(|x| x.is(head))));
        let Some(next) = candidate.cloned() else {
            let names: Vec<String> = bases
                .iter()
                .map(|b| match b.get() {
                    Object::Class(c) => c.name.to_string(),
                    _ => String::new(),
                })
                .collect();
            return Err(Raise::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in &mut sequences {
            if s[0].is(&next) {
                s.remove(0);
            }
        }
        result.push(next);
    }
}

/// `Class(args)`: a builtin type's constructor, or a new instance and `__init__`.
/// A str value for a name.
pub fn name_value(name: &str) -> Value {
    PyStr::value(name)
}
