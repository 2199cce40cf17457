//! Generators, coroutines and async generators: a function whose code yields
//! (or awaits) runs in a frame that outlives each call to `send()`.
//!
//! A generator is an explicit state machine. Resuming it moves its frame out of
//! the generator object into a loop of its own (so a suspended frame is on no
//! thread's frame stack), and the loop ends in one of three ways: the frame
//! yielded (it goes back into the object, suspended), returned (finished: the
//! value travels as StopIteration's), or raised (finished: the exception
//! propagates; a StopIteration becomes RuntimeError, PEP 479).
//!
//! A frame suspended inside `yield from` / `await` sits on its YIELD_FROM
//! instruction (its pc points at it, so resuming re-runs it) with the
//! delegate on top of its stack; `throw()` and `close()` go to the delegate
//! first, as CPython's `gen_throw` does.
//!
//! Dropping an unfinished generator must run its `finally` blocks, which is
//! Python code: `Drop` only hands the frame to the interpreter's queue of
//! frames to close (see `eval::finalize`), which the loop drains at a safe point.

use super::{attr, call, exception, iter, ops, run_frames, unwind, Frame, Step};
use crate::bytecode::Op;
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{BuiltinType, Object};
use crate::value::Value;
use std::sync::Arc;

/// Which of the three objects a yielding function makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// The name CPython's messages use ("generator", "coroutine", "async generator").
    pub fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }

    /// The builtin type of objects of this kind.
    pub fn builtin_type(self) -> BuiltinType {
        match self {
            GenKind::Generator => BuiltinType::Generator,
            GenKind::Coroutine => BuiltinType::Coroutine,
            GenKind::AsyncGenerator => BuiltinType::AsyncGenerator,
        }
    }
}

/// A generator, coroutine or async generator object.
#[derive(Debug)]
pub struct Generator {
    /// Which of the three it is.
    pub kind: GenKind,
    /// `__name__`.
    pub name: Box<str>,
    /// `__qualname__`.
    pub qualname: Box<str>,
    /// `gi_code`: the code its frame runs.
    pub code: Arc<crate::bytecode::Code>,
    state: GilCell<GenState>,
    /// Async generators only: an `asend()`/`athrow()` is in progress
    /// (`ag_running`), and `aclose()` was called or it ended (`ag_closed`).
    pub(crate) async_flags: GilCell<AsyncFlags>,
    /// Where `Drop` sends an unfinished frame to be closed.
    finalizer: Arc<super::finalize::Queue>,
}

/// The two flags CPython keeps on an async generator.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct AsyncFlags {
    pub running: bool,
    pub closed: bool,
}

#[derive(Debug)]
enum GenState {
    /// Not started: the frame has its arguments bound.
    Created(Frame),
    /// Stopped at a yield (or inside a `yield from`/`await`).
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
    /// The object a call of a yielding (or `async`) function makes, to run `frame`.
    pub fn new(vm: &Vm, frame: Frame) -> Generator {
        let code = &frame.code;
        let kind = if code.async_generator {
            GenKind::AsyncGenerator
        } else if code.coroutine {
            GenKind::Coroutine
        } else {
            GenKind::Generator
        };
        Generator {
            kind,
            name: code.name.clone(),
            qualname: code.qualname.clone(),
            code: code.clone(),
            state: GilCell::new(GenState::Created(frame)),
            async_flags: GilCell::new(AsyncFlags::default()),
            finalizer: vm.interp.finalizer.clone(),
        }
    }

    /// A suspended generator rebuilt from a frame its `Drop` queued.
    pub(crate) fn revived(vm: &Vm, kind: GenKind, frame: Frame) -> Generator {
        let mut g = Generator::new(vm, frame);
        g.kind = kind;
        let state = g.state.get_exclusive();
        if let GenState::Created(f) = std::mem::replace(state, GenState::Finished) {
            *state = GenState::Suspended(f);
        }
        g
    }

    /// Forget the frame without running it (its values are simply dropped).
    pub(crate) fn abandon(&self, vm: &mut Vm) {
        *self.state.get_mut(&mut vm.gil) = GenState::Finished;
    }

    /// The inspect-style state: `GEN_CREATED`, `GEN_RUNNING`, `GEN_SUSPENDED`
    /// or `GEN_CLOSED` (for `inspect.getgeneratorstate`; coroutines use the
    /// same words with the `CORO_` prefix in `inspect.getcoroutinestate`).
    pub fn state_name(&self, vm: &Vm) -> &'static str {
        match self.state.get(&vm.gil) {
            GenState::Created(_) => "GEN_CREATED",
            GenState::Running => "GEN_RUNNING",
            GenState::Suspended(_) => "GEN_SUSPENDED",
            GenState::Finished => "GEN_CLOSED",
        }
    }

    /// Is it stopped inside a `yield from`/`await`? Then it is that delegate.
    pub fn delegate(&self, vm: &Vm) -> Option<Value> {
        match self.state.get(&vm.gil) {
            GenState::Suspended(f) if at_yield_from(f) => f.stack.last().cloned(),
            _ => None,
        }
    }

    /// Has it returned or raised?
    pub fn is_finished(&self, vm: &Vm) -> bool {
        matches!(self.state.get(&vm.gil), GenState::Finished)
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        let state = std::mem::replace(self.state.get_exclusive(), GenState::Finished);
        if let (Some(pending), _) = finalization(self.kind, state, &self.qualname) {
            self.finalizer.push(pending);
        }
    }
}

/// What a generator freed in `state` leaves for the loop to do (close its
/// frame, or warn that a coroutine never ran), and the frame if nothing is
/// to be done with it.
fn finalization(
    kind: GenKind,
    state: GenState,
    qualname: &str,
) -> (Option<super::finalize::Pending>, Option<Frame>) {
    match state {
        GenState::Created(frame) if kind == GenKind::Coroutine => (
            Some(super::finalize::Pending::NeverAwaited {
                qualname: qualname.into(),
            }),
            Some(frame),
        ),
        GenState::Suspended(frame) if needs_close(&frame) => {
            (Some(super::finalize::Pending::Close { kind, frame }), None)
        }
        GenState::Created(frame) | GenState::Suspended(frame) => (None, Some(frame)),
        GenState::Running | GenState::Finished => (None, None),
    }
}

/// What the cycle collector sees of a generator (see `gc`).
impl Generator {
    /// The frame it holds while not running.
    pub(crate) fn suspended_frame<'g>(&'g self, gil: &'g crate::gil::Gil) -> Option<&'g Frame> {
        match self.state.get(gil) {
            GenState::Created(f) | GenState::Suspended(f) => Some(f),
            _ => None,
        }
    }

    /// Garbage: does freeing it run code (a `finally` to close, a warning)?
    pub(crate) fn has_finalizer(&self, gil: &crate::gil::Gil) -> bool {
        match self.state.get(gil) {
            GenState::Created(_) => self.kind == GenKind::Coroutine,
            GenState::Suspended(f) => needs_close(f),
            _ => false,
        }
    }

    /// Garbage with a finalizer: queue it as `Drop` would, now, while the
    /// objects it refers to are still whole (a queued frame keeps them alive
    /// until it has been closed, as CPython's finalizers run before clearing).
    pub(crate) fn finalize_garbage(&self, gil: &mut crate::gil::Gil) -> Option<Frame> {
        let state = std::mem::replace(self.state.get_mut(gil), GenState::Finished);
        let (pending, frame) = finalization(self.kind, state, &self.qualname);
        if let Some(pending) = pending {
            self.finalizer.push(pending);
        }
        frame
    }

    /// Garbage without a finalizer: give up the frame (to be dropped).
    pub(crate) fn release_frame(&self, gil: &mut crate::gil::Gil) -> Option<Frame> {
        match std::mem::replace(self.state.get_mut(gil), GenState::Finished) {
            GenState::Created(f) | GenState::Suspended(f) => Some(f),
            other => {
                *self.state.get_mut(gil) = other;
                None
            }
        }
    }
}

/// Is the frame stopped on a YIELD_FROM (inside `yield from`/`await`)?
fn at_yield_from(frame: &Frame) -> bool {
    matches!(frame.code.ops.get(frame.pc), Some(Op::YieldFrom))
}

/// Would closing this suspended frame run any code: is its yield inside a
/// `try` or `with`, or inside a `yield from` whose delegate must be closed?
fn needs_close(frame: &Frame) -> bool {
    if at_yield_from(frame) {
        return true;
    }
    let at = frame.pc.saturating_sub(1) as u32;
    frame
        .code
        .handlers
        .iter()
        .any(|h| (h.start..h.end).contains(&at))
}

/// How to resume a generator.
pub enum Resume {
    /// `send(value)` (`next()` sends None).
    Send(Value),
    /// `throw(exc)`: raise at the paused yield.
    Throw(Raise),
}

/// How a resumed frame starts running again.
enum Entry {
    /// Run from its pc (with the sent value pushed, if it was suspended).
    Run,
    /// Raise this exception at the instruction before its pc.
    Raise(Raise),
    /// The delegate of its `yield from` yielded this: it stays suspended.
    Yield(Value),
}

/// Resume `gen` and run it to its next yield, return or exception.
pub fn resume(vm: &mut Vm, gen: &Generator, how: Resume) -> PyResult<Step> {
    let closing =
        matches!(&how, Resume::Throw(e) if exception::is_kind(vm, e, ExcKind::GeneratorExit));
    let state = std::mem::replace(gen.state.get_mut(&mut vm.gil), GenState::Running);
    let (mut frame, started) = match state {
        GenState::Running => {
            *gen.state.get_mut(&mut vm.gil) = GenState::Running;
            let msg = format!("{} already executing", gen.kind.noun());
            return Err(Raise::value_error(msg));
        }
        GenState::Finished => {
            *gen.state.get_mut(&mut vm.gil) = GenState::Finished;
            if gen.kind == GenKind::Coroutine && !closing {
                return Err(Raise::new(
                    ExcKind::RuntimeError,
                    "cannot reuse already awaited coroutine",
                ));
            }
            return match how {
                Resume::Send(_) => Ok(Step::Returned(Value::None)),
                Resume::Throw(e) => Err(e),
            };
        }
        GenState::Created(frame) => {
            if let Resume::Send(v) = &how {
                if !matches!(v, Value::None) {
                    *gen.state.get_mut(&mut vm.gil) = GenState::Created(frame);
                    return Err(Raise::type_error(format!(
                        "can't send non-None value to a just-started {}",
                        gen.kind.noun()
                    )));
                }
            }
            (frame, false)
        }
        GenState::Suspended(frame) => (frame, true),
    };
    if vm.depth >= vm.recursion_limit {
        *gen.state.get_mut(&mut vm.gil) = if started {
            GenState::Suspended(frame)
        } else {
            GenState::Created(frame)
        };
        return Err(Raise::new(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded",
        ));
    }
    let entry = match how {
        Resume::Send(v) => {
            if started {
                frame.stack.push(v);
            }
            Entry::Run
        }
        Resume::Throw(err) if started && at_yield_from(&frame) => {
            throw_to_delegate(vm, &mut frame, err, closing)
        }
        Resume::Throw(err) => Entry::Raise(err),
    };
    let base = vm.depth;
    vm.depth += 1;
    let trail_base = vm.trail.len();
    super::trail::enter(vm, &frame);
    let outer_level = vm.enter_level();
    let mut frames = vec![frame];
    let mut result = match entry {
        Entry::Yield(v) => Ok(Step::Yielded(v)),
        Entry::Raise(err) => {
            // The paused yield is where the exception appears.
            let f = &mut frames[0];
            if at_yield_from(f) && started {
                f.pc += 1;
            }
            f.pc = f.pc.max(1);
            unwind(vm, &mut frames, err).and_then(|()| run_frames(vm, &mut frames))
        }
        Entry::Run => run_frames(vm, &mut frames),
    };
    vm.level = outer_level;
    vm.depth = base;
    vm.trail.truncate(trail_base);
    if let Ok(Step::Yielded(_)) = &result {
        let frame = frames.pop().expect("the generator frame yielded");
        *gen.state.get_mut(&mut vm.gil) = GenState::Suspended(frame);
        return result;
    }
    *gen.state.get_mut(&mut vm.gil) = GenState::Finished;
    if let Err(e) = &result {
        let escaped = if exception::is_stop_iteration(vm, e) {
            Some("StopIteration")
        } else if gen.kind == GenKind::AsyncGenerator
            && exception::is_kind(vm, e, ExcKind::StopAsyncIteration)
        {
            Some("StopAsyncIteration")
        } else {
            None
        };
        if let Some(what) = escaped {
            // PEP 479: StopIteration inside a generator becomes RuntimeError.
            let msg = format!("{} raised {what}", gen.kind.noun());
            result = Err(replace_with(vm, e.clone(), ExcKind::RuntimeError, msg));
        }
    }
    result
}

/// A new `kind(msg)` exception whose `__cause__` is `cause`.
fn replace_with(vm: &mut Vm, cause: Raise, kind: ExcKind, msg: String) -> Raise {
    let cause = exception::materialize(vm, cause);
    let err = exception::materialize(vm, Raise::new(kind, msg));
    if let Some(Object::Instance(i)) = err.as_object() {
        let d = i.attrs().get_mut(&mut vm.gil);
        d.insert_str("__cause__", cause);
        d.insert_str("__suppress_context__", Value::Bool(true));
    }
    Raise::Object(err)
}

/// `throw()` into a frame paused in `yield from`: the delegate gets the
/// exception first (GeneratorExit closes it instead), and only what it does
/// not handle is raised in the frame itself.
fn throw_to_delegate(vm: &mut Vm, frame: &mut Frame, err: Raise, closing: bool) -> Entry {
    let sub = frame
        .stack
        .last()
        .cloned()
        .expect("a delegate under YIELD_FROM");
    if closing {
        return match close_iter(vm, &sub) {
            Ok(()) => Entry::Raise(err),
            Err(e) => Entry::Raise(e),
        };
    }
    let outcome = if let Some(Object::Generator(g)) = sub.as_object() {
        resume(vm, g, Resume::Throw(err))
    } else if let Some(step) = super::coroutine::throw_native(vm, &sub, &err) {
        step
    } else {
        let class = attr::class_of(vm, &sub);
        let Some(throw) = attr::lookup(vm, &class, "throw") else {
            return Entry::Raise(err);
        };
        let exc = exception::materialize(vm, err);
        match call::call(vm, &throw, vec![sub.clone(), exc], Vec::new()) {
            Ok(v) => Ok(Step::Yielded(v)),
            Err(e) if exception::is_stop_iteration(vm, &e) => Ok(Step::Returned(stop_value(vm, e))),
            Err(e) => Err(e),
        }
    };
    match outcome {
        Ok(Step::Yielded(v)) => Entry::Yield(v),
        Ok(Step::Returned(v)) => {
            // The delegate finished: its value is what `yield from` gives.
            frame.stack.pop();
            frame.stack.push(v);
            frame.pc += 1;
            Entry::Run
        }
        Err(e) => Entry::Raise(e),
    }
}

/// Close the delegate of a `yield from` being closed: a generator's
/// `close()`, or any object's `close` method if it has one.
fn close_iter(vm: &mut Vm, sub: &Value) -> PyResult<()> {
    if let Some(Object::Generator(g)) = sub.as_object() {
        return close(vm, g).map(|_| ());
    }
    let class = attr::class_of(vm, sub);
    if let Some(close) = attr::lookup(vm, &class, "close") {
        call::call(vm, &close, vec![sub.clone()], Vec::new())?;
    }
    Ok(())
}

/// The `value` a StopIteration carries.
pub fn stop_value(vm: &mut Vm, err: Raise) -> Value {
    match err {
        Raise::WithValue(ExcKind::StopIteration, v) => v,
        Raise::Object(v) | Raise::Reraised(v) => {
            crate::builtins::exception_attrs::stored(vm, &v, "value").unwrap_or(Value::None)
        }
        _ => Value::None,
    }
}

/// Send `value` into any iterator, as `yield from` does: generators resume,
/// other iterators get `next()` (or their `send` method for a non-None
/// value); a StopIteration's value is what the delegate returned.
pub fn send(vm: &mut Vm, it: &Value, value: Value) -> PyResult<Step> {
    if let Some(Object::Generator(g)) = it.as_object() {
        return resume(vm, g, Resume::Send(value));
    }
    if let Some(step) = super::coroutine::send_native(vm, it, &value) {
        return step;
    }
    let result = if matches!(value, Value::None) {
        if matches!(it.as_object(), Some(Object::Iter(_))) {
            return Ok(match iter::next(vm, it)? {
                Some(v) => Step::Yielded(v),
                None => Step::Returned(Value::None),
            });
        }
        ops::call_dunder(vm, it, "__next__", Vec::new())
    } else {
        ops::call_dunder(vm, it, "send", vec![value])
    };
    match result {
        Ok(Some(v)) => Ok(Step::Yielded(v)),
        Ok(None) => Err(Raise::new(
            ExcKind::AttributeError,
            format!(
                "'{}' object has no attribute 'send'",
                attr::type_name(vm, it)
            ),
        )),
        Err(e) if exception::is_stop_iteration(vm, &e) => Ok(Step::Returned(stop_value(vm, e))),
        Err(e) => Err(e),
    }
}

/// The StopIteration that ends `send()` on a finished generator.
pub fn stop_iteration(value: Value) -> Raise {
    match value {
        Value::None => Raise::Bare(ExcKind::StopIteration),
        v => Raise::WithValue(ExcKind::StopIteration, v),
    }
}

/// The generator (of the kind `kind`) that `v` is, or the TypeError of a
/// method called on something else.
pub fn generator_of<'a>(
    vm: &Vm,
    v: &'a Value,
    kind: GenKind,
    method: &str,
) -> PyResult<&'a Generator> {
    match v.as_object() {
        Some(Object::Generator(g)) if g.kind == kind => Ok(g),
        _ => Err(Raise::type_error(format!(
            "descriptor '{method}' for '{}' objects doesn't apply to a '{}' object",
            kind.builtin_type_name(),
            attr::type_name(vm, v)
        ))),
    }
}

impl GenKind {
    /// The Python name of the type.
    pub fn builtin_type_name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
        }
    }
}

/// Any of the three kinds (methods shared by generators and coroutines).
fn any_generator<'a>(vm: &Vm, v: &'a Value, method: &str) -> PyResult<&'a Generator> {
    match v.as_object() {
        Some(Object::Generator(g)) => Ok(g),
        _ => generator_of(vm, v, GenKind::Generator, method),
    }
}

type Kw = [(Box<str>, Value)];

/// The result of a send as a method returns it: the yielded value, or the
/// StopIteration that carries the return value.
fn step_result(step: Step) -> PyResult<Value> {
    match step {
        Step::Yielded(v) => Ok(v),
        Step::Returned(v) => Err(stop_iteration(v)),
    }
}

/// `gen.send(value)` (and `coroutine.send`).
pub fn gen_send(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(Raise::type_error(format!(
            "{}.send() takes exactly one argument ({} given)",
            attr::type_name(vm, &args[0]),
            args.len().saturating_sub(1)
        )));
    }
    let g = any_generator(vm, &args[0], "send")?;
    step_result(resume(vm, g, Resume::Send(args[1].clone()))?)
}

/// `gen.__next__()`.
pub fn gen_next(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let g = generator_of(vm, &args[0], GenKind::Generator, "__next__")?;
    step_result(resume(vm, g, Resume::Send(Value::None))?)
}

/// The exception `throw(typ[, val[, tb]])` raises, as CPython's `_gen_throw`
/// normalises its arguments.
pub fn thrown(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Raise> {
    if args.is_empty() || args.len() > 3 {
        return Err(Raise::type_error(format!(
            "{name} expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let typ = &args[0];
    let val = args.get(1).cloned().unwrap_or(Value::None);
    let tb = args.get(2).cloned().unwrap_or(Value::None);
    if !matches!(tb, Value::None) && !crate::builtins::traceback::is_traceback(vm, &tb) {
        return Err(Raise::type_error(
            "throw() third argument must be a traceback object",
        ));
    }
    let exc = match typ {
        Value::Obj(c)
            if matches!(c.get(), Object::Class(_)) && exception::is_exception_class(vm, c) =>
        {
            let is_instance =
                !matches!(val, Value::None) && attr::is_subclass(vm, &attr::class_of(vm, &val), c);
            if is_instance {
                val
            } else {
                let call_args = match (&val, val.as_object()) {
                    (Value::None, _) => Vec::new(),
                    (_, Some(Object::Tuple(items))) => items.to_vec(),
                    _ => vec![val.clone()],
                };
                call::call(vm, typ, call_args, Vec::new())?
            }
        }
        _ if exception::is_exception_class(vm, &attr::class_of(vm, typ)) => {
            if !matches!(val, Value::None) {
                return Err(Raise::type_error(
                    "instance exception may not have a separate value",
                ));
            }
            typ.clone()
        }
        _ => {
            return Err(Raise::type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                attr::type_name(vm, typ)
            )))
        }
    };
    if !matches!(tb, Value::None) {
        crate::builtins::exception_attrs::store(vm, &exc, "__traceback__", tb);
    }
    Ok(Raise::Object(exc))
}

/// `gen.throw(typ[, val[, tb]])` (and `coroutine.throw`).
pub fn gen_throw(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let g = any_generator(vm, &args[0], "throw")?;
    let err = thrown(vm, "throw", &args[1..])?;
    step_result(resume(vm, g, Resume::Throw(err))?)
}

/// Close `g`: GeneratorExit at the paused yield; yielding again is an error.
/// What it returned, if it returned.
pub fn close(vm: &mut Vm, g: &Generator) -> PyResult<Value> {
    match g.state.get(&vm.gil) {
        GenState::Created(_) | GenState::Finished => {
            *g.state.get_mut(&mut vm.gil) = GenState::Finished;
            return Ok(Value::None);
        }
        GenState::Suspended(_) | GenState::Running => {}
    }
    match resume(vm, g, Resume::Throw(Raise::Bare(ExcKind::GeneratorExit))) {
        Ok(Step::Yielded(_)) => Err(Raise::new(
            ExcKind::RuntimeError,
            format!("{} ignored GeneratorExit", g.kind.noun()),
        )),
        Ok(Step::Returned(v)) => Ok(v),
        Err(e)
            if exception::is_kind(vm, &e, ExcKind::GeneratorExit)
                || exception::is_stop_iteration(vm, &e) =>
        {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

/// `gen.close()` (and `coroutine.close`).
pub fn gen_close(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let g = any_generator(vm, &args[0], "close")?;
    close(vm, g)?;
    Ok(Value::None)
}

/// `iter(gen)` is the generator itself.
pub fn gen_iter(_vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(args[0].clone())
}

/// The `gi_*` / `cr_*` / `ag_*` attributes and the names of the object `this`.
pub fn attribute(vm: &mut Vm, this: &Value, g: &Generator, name: &str) -> Option<Value> {
    let prefix = match g.kind {
        GenKind::Generator => "gi_",
        GenKind::Coroutine => "cr_",
        GenKind::AsyncGenerator => "ag_",
    };
    if name == "__name__" {
        return Some(crate::object::PyStr::value(&*g.name));
    }
    if name == "__qualname__" {
        return Some(crate::object::PyStr::value(&*g.qualname));
    }
    let field = name.strip_prefix(prefix)?;
    let running = match g.kind {
        GenKind::AsyncGenerator => g.async_flags.get(&vm.gil).running,
        _ => matches!(g.state.get(&vm.gil), GenState::Running),
    };
    Some(match field {
        "code" => Value::obj(Object::Code(g.code.clone())),
        "running" => Value::Bool(running),
        "suspended" if g.kind != GenKind::AsyncGenerator => {
            Value::Bool(matches!(g.state.get(&vm.gil), GenState::Suspended(_)))
        }
        "frame" => frame_object(vm, this, g),
        "yieldfrom" if g.kind == GenKind::Generator => g.delegate(vm).unwrap_or(Value::None),
        "await" if g.kind != GenKind::Generator => g.delegate(vm).unwrap_or(Value::None),
        "origin" if g.kind == GenKind::Coroutine => Value::None,
        _ => return None,
    })
}

/// `gi_frame`: None once finished; otherwise a frame object showing where
/// it is paused (its line, code and globals).
fn frame_object(vm: &mut Vm, _this: &Value, g: &Generator) -> Value {
    let (pc, globals) = match g.state.get(&vm.gil) {
        GenState::Finished => return Value::None,
        GenState::Created(f) => (0, f.globals().clone()),
        GenState::Suspended(f) => {
            let pc = if at_yield_from(f) { f.pc } else { f.pc - 1 };
            (pc, f.globals().clone())
        }
        // The running frame is in the loop, not here: show where it began.
        GenState::Running => (0, vm.interp.builtins.clone()),
    };
    let tb = crate::builtins::traceback::new_entry(vm, &g.code, &globals, pc, Value::None);
    let line = if pc == 0 {
        Value::Int(g.code.firstlineno as i64)
    } else {
        Value::Int(g.code.line_of(pc) as i64)
    };
    let frame = attr::get(vm, &tb, "tb_frame").unwrap_or(Value::None);
    if let Some(Object::Instance(i)) = frame.as_object() {
        i.attrs().get_mut(&mut vm.gil).insert_str("f_lineno", line);
    }
    frame
}

/// The Python-visible state words of `inspect.getgeneratorstate` and
/// `inspect.getcoroutinestate` for `v`, if it is a generator or coroutine
/// (a hook for the future `inspect` module).
pub fn inspect_state(vm: &Vm, v: &Value) -> Option<&'static str> {
    let Some(Object::Generator(g)) = v.as_object() else {
        return None;
    };
    let word = g.state_name(vm);
    Some(match g.kind {
        GenKind::Coroutine => match word {
            "GEN_CREATED" => "CORO_CREATED",
            "GEN_RUNNING" => "CORO_RUNNING",
            "GEN_SUSPENDED" => "CORO_SUSPENDED",
            _ => "CORO_CLOSED",
        },
        _ => word,
    })
}
