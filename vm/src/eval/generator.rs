//! Generators: a function whose code yields runs in a frame that outlives each
//! call to `next()`/`send()`.
//!
//! A generator is an explicit state machine. Resuming it moves its frame out of
//! the generator object into a loop of its own (so a suspended frame is on no
//! thread's frame stack), and the loop ends in one of three ways: the frame
//! yielded (it goes back into the object, suspended), returned (finished: the
//! value travels as StopIteration's), or raised (finished: the exception
//! propagates; a StopIteration becomes RuntimeError, PEP 479).

use super::{iter, ops, run_frames, unwind, Frame, Step};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::Object;
use crate::value::Value;

/// A generator object.
#[derive(Debug)]
pub struct Generator {
    /// `__name__`.
    pub name: Box<str>,
    /// `__qualname__`.
    pub qualname: Box<str>,
    /// `gi_code`: the code its frame runs.
    pub code: std::sync::Arc<crate::bytecode::Code>,
    state: GilCell<GenState>,
}

#[derive(Debug)]
enum GenState {
    /// Not started: the frame has its arguments bound.
    Created(Frame),
    /// Stopped at a yield.
    Suspended(Frame),
    /// Its frame is running now.
    Running,
    /// Returned or raised.
    Finished,
}

impl std::fmt::Debug for Frame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<frame of {}>", self.code.qualname)
    }
}

impl Generator {
    /// A generator that will run `frame`.
    pub fn new(frame: Frame) -> Generator {
        Generator {
            name: frame.code.name.clone(),
            qualname: frame.code.qualname.clone(),
            code: frame.code.clone(),
            state: GilCell::new(GenState::Created(frame)),
        }
    }
}

/// How to resume a generator.
pub enum Resume {
    /// `send(value)` (`next()` sends None).
    Send(Value),
    /// `throw(exc)`: raise at the paused yield.
    Throw(Raise),
}

/// Resume `gen` and run it to its next yield, return or exception.
pub fn resume(vm: &mut Vm, gen: &Generator, how: Resume) -> PyResult<Step> {
    let state = std::mem::replace(gen.state.get_mut(&mut vm.gil), GenState::Running);
    let mut frame = match state {
        GenState::Running => {
            *gen.state.get_mut(&mut vm.gil) = GenState::Running;
            return Err(Raise::value_error("generator already executing"));
        }
        GenState::Finished => {
            *gen.state.get_mut(&mut vm.gil) = GenState::Finished;
            return match how {
                Resume::Send(_) => Ok(Step::Returned(Value::None)),
                Resume::Throw(e) => Err(e),
            };
        }
        GenState::Created(frame) => {
            if let Resume::Send(v) = &how {
                if !matches!(v, Value::None) {
                    *gen.state.get_mut(&mut vm.gil) = GenState::Created(frame);
                    return Err(Raise::type_error(
                        "can't send non-None value to a just-started generator",
                    ));
                }
            }
            frame
        }
        GenState::Suspended(mut frame) => {
            if let Resume::Send(v) = &how {
                frame.stack.push(v.clone());
            }
            frame
        }
    };
    if vm.depth >= vm.recursion_limit {
        *gen.state.get_mut(&mut vm.gil) = GenState::Suspended(frame);
        return Err(Raise::new(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded",
        ));
    }
    let base = vm.depth;
    vm.depth += 1;
    if let Resume::Throw(_) = &how {
        // The yield being resumed is where the exception appears.
        frame.pc = frame.pc.max(1);
    }
    let mut frames = vec![frame];
    let mut result = match how {
        Resume::Throw(err) => unwind(vm, &mut frames, err),
        Resume::Send(_) => Ok(()),
    }
    .and_then(|()| run_frames(vm, &mut frames));
    vm.depth = base;
    if let Ok(Step::Yielded(_)) = &result {
        let frame = frames.pop().expect("the generator frame yielded");
        *gen.state.get_mut(&mut vm.gil) = GenState::Suspended(frame);
        return result;
    }
    *gen.state.get_mut(&mut vm.gil) = GenState::Finished;
    if let Err(e) = &result {
        if super::exception::is_stop_iteration(vm, e) {
            let cause = super::exception::materialize(vm, e.clone());
            let err = super::exception::materialize(
                vm,
                Raise::new(ExcKind::RuntimeError, "generator raised StopIteration"),
            );
            if let Some(Object::Instance(i)) = err.as_object() {
                let d = i.attrs().get_mut(&mut vm.gil);
                d.insert_str("__cause__", cause);
                d.insert_str("__suppress_context__", Value::Bool(true));
            }
            result = Err(Raise::Object(err));
        }
    }
    result
}

/// Send `value` into any iterator, as `yield from` does: generators resume,
/// other iterators get `next()` (or their `send` method for a non-None value).
pub fn send(vm: &mut Vm, it: &Value, value: Value) -> PyResult<Step> {
    if let Some(Object::Generator(g)) = it.as_object() {
        return resume(vm, g, Resume::Send(value));
    }
    if matches!(value, Value::None) {
        return Ok(match iter::next(vm, it)? {
            Some(v) => Step::Yielded(v),
            None => Step::Returned(Value::None),
        });
    }
    match ops::call_dunder(vm, it, "send", vec![value]) {
        Ok(Some(v)) => Ok(Step::Yielded(v)),
        Ok(None) => Err(Raise::new(
            ExcKind::AttributeError,
            format!(
                "'{}' object has no attribute 'send'",
                super::attr::type_name(vm, it)
            ),
        )),
        Err(e) if super::exception::is_stop_iteration(vm, &e) => Ok(Step::Returned(Value::None)),
        Err(e) => Err(e),
    }
}

/// The value a finished generator returned, as StopIteration carries it.
fn stop_iteration(value: Value) -> Raise {
    match value {
        Value::None => Raise::Bare(ExcKind::StopIteration),
        v => Raise::WithValue(ExcKind::StopIteration, v),
    }
}

fn generator_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Generator> {
    match v.as_object() {
        Some(Object::Generator(g)) => Ok(g),
        _ => Err(Raise::type_error(format!(
            "descriptor requires a 'generator' object but received '{}'",
            super::attr::type_name(vm, v)
        ))),
    }
}

type Kw = [(Box<str>, Value)];

/// `gen.send(value)`.
pub fn gen_send(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(Raise::type_error(format!(
            "generator.send() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let g = generator_of(vm, &args[0])?;
    match resume(vm, g, Resume::Send(args[1].clone()))? {
        Step::Yielded(v) => Ok(v),
        Step::Returned(v) => Err(stop_iteration(v)),
    }
}

/// `gen.__next__()`.
pub fn gen_next(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let g = generator_of(vm, &args[0])?;
    match resume(vm, g, Resume::Send(Value::None))? {
        Step::Yielded(v) => Ok(v),
        Step::Returned(v) => Err(stop_iteration(v)),
    }
}

/// `gen.throw(exc)` (a class or an instance).
pub fn gen_throw(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(Raise::type_error(
            "throw expected at least 1 argument, got 0",
        ));
    }
    let g = generator_of(vm, &args[0])?;
    let value = args.get(2).cloned().unwrap_or(Value::None);
    let exc = match (&args[1], args[1].as_object()) {
        // throw(Type, value): value itself when it is already a Type, else
        // Type(), Type(*value) for a tuple, Type(value).
        (Value::Obj(class), Some(Object::Class(_))) => {
            let value_class = super::attr::class_of(vm, &value);
            if !matches!(value, Value::None) && super::attr::is_subclass(vm, &value_class, class) {
                value
            } else {
                let call_args = match value.as_object() {
                    _ if matches!(value, Value::None) => Vec::new(),
                    Some(Object::Tuple(t)) => t.to_vec(),
                    _ => vec![value],
                };
                super::call::call(vm, &args[1], call_args, Vec::new())?
            }
        }
        _ if !matches!(value, Value::None) => {
            return Err(Raise::type_error(
                "instance exception may not have a separate value",
            ))
        }
        _ => args[1].clone(),
    };
    match resume(vm, g, Resume::Throw(Raise::Object(exc)))? {
        Step::Yielded(v) => Ok(v),
        Step::Returned(v) => Err(stop_iteration(v)),
    }
}

/// `gen.close()`: GeneratorExit at the paused yield; yielding again is an error.
pub fn gen_close(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let g = generator_of(vm, &args[0])?;
    if matches!(
        g.state.get(&vm.gil),
        GenState::Created(_) | GenState::Finished
    ) {
        *g.state.get_mut(&mut vm.gil) = GenState::Finished;
        return Ok(Value::None);
    }
    let class = vm.interp.exceptions["GeneratorExit"].clone();
    let exc = super::call::call(vm, &Value::Obj(class.clone()), Vec::new(), Vec::new())?;
    match resume(vm, g, Resume::Throw(Raise::Object(exc))) {
        Ok(Step::Yielded(_)) => Err(Raise::new(
            ExcKind::RuntimeError,
            "generator ignored GeneratorExit",
        )),
        Ok(Step::Returned(_)) => Ok(Value::None),
        Err(Raise::Object(e) | Raise::Reraised(e))
            if super::attr::is_subclass(vm, &super::attr::class_of(vm, &e), &class) =>
        {
            Ok(Value::None)
        }
        Err(e) if super::exception::is_stop_iteration(vm, &e) => Ok(Value::None),
        Err(e) => Err(e),
    }
}

/// `iter(gen)` is the generator itself.
pub fn gen_iter(_vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(args[0].clone())
}
