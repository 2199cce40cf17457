//! Coroutines and async generators on top of generators: the `await`,
//! `async for` and `async with` protocols, and the awaitable objects that
//! `asend()`, `athrow()`, `aclose()` and `coroutine.__await__()` return.
//!
//! `await x` compiles to GET_AWAITABLE, then YIELD_FROM over the iterator it
//! gives, so a coroutine suspends exactly as a generator does. An async
//! generator's own `yield` and the yields that pass through one of its awaits
//! are told apart by where its frame stopped: on a YIELD_FROM it is awaiting
//! (the value goes up to the event loop), anywhere else it yielded a value
//! (which ends the `asend()` awaitable with StopIteration(value)).

use super::generator::{self, GenKind, Generator, Resume};
use super::{attr, call, exception, Step};
use crate::exc::{ExcKind, PyResult, Raise};
use crate::gil::GilCell;
use crate::interp::Vm;
use crate::object::{BuiltinType, Native, Object};
use crate::value::Value;

type Kw = [(Box<str>, Value)];

/// Where an awaitable object is in its life (CPython's AWAITABLE_STATE_*).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AwaitState {
    Init,
    Iter,
    Closed,
}

/// `coroutine.__await__()`: an iterator that runs the coroutine.
struct Wrapper {
    coro: Value,
}

/// `agen.asend(value)` and `agen.__anext__()`.
struct ASend {
    agen: Value,
    value: Value,
    state: GilCell<AwaitState>,
}

/// `agen.athrow(...)`, or `agen.aclose()` when `args` is None.
struct AThrow {
    agen: Value,
    args: Option<Vec<Value>>,
    state: GilCell<AwaitState>,
}

fn is_coroutine_like(v: &Value) -> bool {
    match v.as_object() {
        Some(Object::Generator(g)) => {
            g.kind == GenKind::Coroutine
                || (g.kind == GenKind::Generator
                    && g.code
                        .iterable_coroutine
                        .load(std::sync::atomic::Ordering::Relaxed))
        }
        _ => false,
    }
}

/// Has `v` a `__next__` (is it an iterator)?
fn is_iterator(vm: &Vm, v: &Value) -> bool {
    match v.as_object() {
        Some(Object::Iter(_)) => true,
        Some(Object::Generator(g)) => g.kind == GenKind::Generator,
        _ => attr::lookup(vm, &attr::class_of(vm, v), "__next__").is_some(),
    }
}

/// GET_AWAITABLE: the iterator `await v` runs. `how` says where `v` came
/// from for the error message (0 `await`, 1 `__aenter__`, 2 `__aexit__`).
pub fn get_awaitable(vm: &mut Vm, v: &Value, how: u32) -> PyResult<Value> {
    if is_coroutine_like(v) {
        if let Some(Object::Generator(g)) = v.as_object() {
            if g.kind == GenKind::Coroutine && g.delegate(vm).is_some() {
                return Err(Raise::new(
                    ExcKind::RuntimeError,
                    "coroutine is being awaited already",
                ));
            }
        }
        return Ok(v.clone());
    }
    let class = attr::class_of(vm, v);
    let Some(method) = attr::lookup(vm, &class, "__await__") else {
        let name = attr::type_name(vm, v);
        return Err(Raise::type_error(match how {
            1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {name}"),
            2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {name}"),
            _ => format!("object {name} can't be used in 'await' expression"),
        }));
    };
    let it = call::call(vm, &method, vec![v.clone()], Vec::new())?;
    if is_coroutine_like(&it) {
        return Err(Raise::type_error("__await__() returned a coroutine"));
    }
    if !is_iterator(vm, &it) {
        return Err(Raise::type_error(format!(
            "__await__() returned non-iterator of type '{}'",
            attr::type_name(vm, &it)
        )));
    }
    Ok(it)
}

/// GET_AITER: `v.__aiter__()`, which must have `__anext__`.
pub fn get_aiter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let class = attr::class_of(vm, v);
    let Some(method) = attr::lookup(vm, &class, "__aiter__") else {
        return Err(Raise::type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            attr::type_name(vm, v)
        )));
    };
    let it = call::call(vm, &method, vec![v.clone()], Vec::new())?;
    if attr::lookup(vm, &attr::class_of(vm, &it), "__anext__").is_none() {
        return Err(Raise::type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            attr::type_name(vm, &it)
        )));
    }
    Ok(it)
}

/// GET_ANEXT: the awaitable `aiter.__anext__()`.
pub fn get_anext(vm: &mut Vm, aiter: &Value) -> PyResult<Value> {
    if let Some(Object::Generator(g)) = aiter.as_object() {
        if g.kind == GenKind::AsyncGenerator {
            return Ok(asend_object(vm, aiter.clone(), Value::None));
        }
    }
    let class = attr::class_of(vm, aiter);
    let Some(method) = attr::lookup(vm, &class, "__anext__") else {
        return Err(Raise::type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            attr::type_name(vm, aiter)
        )));
    };
    let next = call::call(vm, &method, vec![aiter.clone()], Vec::new())?;
    match get_awaitable(vm, &next, 0) {
        Ok(it) => Ok(it),
        Err(e) if exception::is_kind(vm, &e, ExcKind::TypeError) => {
            Err(Raise::type_error(format!(
                "'async for' received an invalid object from __anext__: {}",
                attr::type_name(vm, &next)
            )))
        }
        Err(e) => Err(e),
    }
}

/// END_ASYNC_FOR: is `exc` the StopAsyncIteration that ends the loop?
pub fn ends_async_for(vm: &mut Vm, exc: &Value) -> bool {
    let class = attr::class_of(vm, exc);
    attr::is_subclass(vm, &class, &vm.exc_class(ExcKind::StopAsyncIteration))
}

/// BEFORE_ASYNC_WITH: the bound `__aexit__` and the awaitable `__aenter__()`.
pub fn enter_async(vm: &mut Vm, manager: &Value) -> PyResult<(Value, Value)> {
    let class = attr::class_of(vm, manager);
    let enter = attr::lookup(vm, &class, "__aenter__");
    let exit = attr::lookup(vm, &class, "__aexit__");
    let (Some(enter), Some(exit)) = (enter.clone(), exit) else {
        let missed = if enter.is_some() {
            " (missed __aexit__ method)"
        } else {
            ""
        };
        return Err(Raise::type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol{missed}",
            attr::type_name(vm, manager)
        )));
    };
    let exit = attr::bind_to(exit, manager);
    let entered = call::call(vm, &enter, vec![manager.clone()], Vec::new())?;
    Ok((exit, entered))
}

fn native(vm: &Vm, t: BuiltinType, data: impl std::any::Any + Send + Sync) -> Value {
    Native::value(vm.type_obj(t), data)
}

fn asend_object(vm: &Vm, agen: Value, value: Value) -> Value {
    native(
        vm,
        BuiltinType::AsyncGenASend,
        ASend {
            agen,
            value,
            state: GilCell::new(AwaitState::Init),
        },
    )
}

fn agen_of(v: &Value) -> &Generator {
    match v.as_object() {
        Some(Object::Generator(g)) => g,
        _ => unreachable!("asend and athrow objects hold async generators"),
    }
}

/// An async generator's result as its awaitable sees it: a value passed up
/// from an await inside goes on up; its own `yield` ends the awaitable with
/// StopIteration(value) (`Step::Returned`); its end is StopAsyncIteration.
fn unwrap(
    vm: &mut Vm,
    g: &Generator,
    state: &GilCell<AwaitState>,
    r: PyResult<Step>,
) -> PyResult<Step> {
    if let Ok(Step::Yielded(v)) = &r {
        if g.delegate(vm).is_some() {
            return Ok(Step::Yielded(v.clone()));
        }
    }
    *state.get_mut(&mut vm.gil) = AwaitState::Closed;
    g.async_flags.get_mut(&mut vm.gil).running = false;
    match r {
        Ok(Step::Yielded(v)) => Ok(Step::Returned(v)),
        Ok(Step::Returned(_)) => {
            g.async_flags.get_mut(&mut vm.gil).closed = true;
            Err(Raise::Bare(ExcKind::StopAsyncIteration))
        }
        Err(e) => {
            if exception::is_kind(vm, &e, ExcKind::StopAsyncIteration)
                || exception::is_kind(vm, &e, ExcKind::GeneratorExit)
            {
                g.async_flags.get_mut(&mut vm.gil).closed = true;
            }
            Err(e)
        }
    }
}

/// What `aclose()` makes of the generator's answer to GeneratorExit.
fn close_result(
    vm: &mut Vm,
    g: &Generator,
    state: &GilCell<AwaitState>,
    r: PyResult<Step>,
) -> PyResult<Step> {
    if let Ok(Step::Yielded(v)) = &r {
        if g.delegate(vm).is_some() {
            return Ok(Step::Yielded(v.clone()));
        }
    }
    *state.get_mut(&mut vm.gil) = AwaitState::Closed;
    g.async_flags.get_mut(&mut vm.gil).running = false;
    match r {
        Ok(Step::Yielded(_)) => Err(Raise::new(
            ExcKind::RuntimeError,
            "async generator ignored GeneratorExit",
        )),
        Ok(Step::Returned(_)) => Ok(Step::Returned(Value::None)),
        Err(e)
            if exception::is_kind(vm, &e, ExcKind::StopAsyncIteration)
                || exception::is_kind(vm, &e, ExcKind::GeneratorExit) =>
        {
            Ok(Step::Returned(Value::None))
        }
        Err(e) => Err(e),
    }
}

fn asend_send(vm: &mut Vm, a: &ASend, mut value: Value) -> PyResult<Step> {
    let g = agen_of(&a.agen);
    match *a.state.get(&vm.gil) {
        AwaitState::Closed => {
            return Err(Raise::new(
                ExcKind::RuntimeError,
                "cannot reuse already awaited __anext__()/asend()",
            ))
        }
        AwaitState::Init => {
            if g.async_flags.get(&vm.gil).running {
                return Err(Raise::new(
                    ExcKind::RuntimeError,
                    "anext(): asynchronous generator is already running",
                ));
            }
            if matches!(value, Value::None) {
                value = a.value.clone();
            }
            *a.state.get_mut(&mut vm.gil) = AwaitState::Iter;
            g.async_flags.get_mut(&mut vm.gil).running = true;
        }
        AwaitState::Iter => {}
    }
    let r = generator::resume(vm, g, Resume::Send(value));
    unwrap(vm, g, &a.state, r)
}

fn asend_throw(vm: &mut Vm, a: &ASend, err: Raise) -> PyResult<Step> {
    if *a.state.get(&vm.gil) == AwaitState::Closed {
        return Err(Raise::new(
            ExcKind::RuntimeError,
            "cannot reuse already awaited __anext__()/asend()",
        ));
    }
    let g = agen_of(&a.agen);
    let r = generator::resume(vm, g, Resume::Throw(err));
    unwrap(vm, g, &a.state, r)
}

fn athrow_send(vm: &mut Vm, t: &AThrow, value: Value) -> PyResult<Step> {
    let g = agen_of(&t.agen);
    let state = *t.state.get(&vm.gil);
    if state == AwaitState::Closed {
        return Err(Raise::new(
            ExcKind::RuntimeError,
            "cannot reuse already awaited aclose()/athrow()",
        ));
    }
    if g.is_finished(vm) {
        *t.state.get_mut(&mut vm.gil) = AwaitState::Closed;
        return Ok(Step::Returned(Value::None));
    }
    let r = if state == AwaitState::Init {
        let flags = *g.async_flags.get(&vm.gil);
        if flags.running {
            *t.state.get_mut(&mut vm.gil) = AwaitState::Closed;
            let which = if t.args.is_none() { "aclose" } else { "athrow" };
            return Err(Raise::new(
                ExcKind::RuntimeError,
                format!("{which}(): asynchronous generator is already running"),
            ));
        }
        if flags.closed {
            *t.state.get_mut(&mut vm.gil) = AwaitState::Closed;
            return Err(Raise::Bare(ExcKind::StopAsyncIteration));
        }
        if !matches!(value, Value::None) {
            return Err(Raise::new(
                ExcKind::RuntimeError,
                "can't send non-None value to a just-started coroutine",
            ));
        }
        *t.state.get_mut(&mut vm.gil) = AwaitState::Iter;
        let flags = g.async_flags.get_mut(&mut vm.gil);
        flags.running = true;
        let err = match &t.args {
            None => {
                flags.closed = true;
                Raise::Bare(ExcKind::GeneratorExit)
            }
            Some(args) => generator::thrown(vm, "athrow", args)?,
        };
        generator::resume(vm, g, Resume::Throw(err))
    } else {
        generator::resume(vm, g, Resume::Send(value))
    };
    match t.args {
        None => close_result(vm, g, &t.state, r),
        Some(_) => unwrap(vm, g, &t.state, r),
    }
}

fn athrow_throw(vm: &mut Vm, t: &AThrow, err: Raise) -> PyResult<Step> {
    if *t.state.get(&vm.gil) == AwaitState::Closed {
        return Err(Raise::new(
            ExcKind::RuntimeError,
            "cannot reuse already awaited aclose()/athrow()",
        ));
    }
    let g = agen_of(&t.agen);
    let r = generator::resume(vm, g, Resume::Throw(err));
    match t.args {
        None => close_result(vm, g, &t.state, r),
        Some(_) => unwrap(vm, g, &t.state, r),
    }
}

fn wrapped_coroutine(w: &Wrapper) -> &Generator {
    match w.coro.as_object() {
        Some(Object::Generator(g)) => g,
        _ => unreachable!("a coroutine wrapper holds a coroutine"),
    }
}

/// `send(value)` into one of this module's awaitables, if `it` is one.
pub fn send_native(vm: &mut Vm, it: &Value, value: &Value) -> Option<PyResult<Step>> {
    let Some(Object::Native(n)) = it.as_object() else {
        return None;
    };
    if let Some(a) = n.data::<ASend>() {
        return Some(asend_send(vm, a, value.clone()));
    }
    if let Some(t) = n.data::<AThrow>() {
        return Some(athrow_send(vm, t, value.clone()));
    }
    if let Some(w) = n.data::<Wrapper>() {
        let g = wrapped_coroutine(w);
        return Some(generator::resume(vm, g, Resume::Send(value.clone())));
    }
    None
}

/// `throw(err)` into one of this module's awaitables, if `it` is one.
pub fn throw_native(vm: &mut Vm, it: &Value, err: &Raise) -> Option<PyResult<Step>> {
    let Some(Object::Native(n)) = it.as_object() else {
        return None;
    };
    if let Some(a) = n.data::<ASend>() {
        return Some(asend_throw(vm, a, err.clone()));
    }
    if let Some(t) = n.data::<AThrow>() {
        return Some(athrow_throw(vm, t, err.clone()));
    }
    if let Some(w) = n.data::<Wrapper>() {
        let g = wrapped_coroutine(w);
        return Some(generator::resume(vm, g, Resume::Throw(err.clone())));
    }
    None
}

fn is_awaitable_native(v: &Value) -> bool {
    matches!(v.as_object(), Some(Object::Native(n))
        if n.data::<ASend>().is_some() || n.data::<AThrow>().is_some() || n.data::<Wrapper>().is_some())
}

fn check_native(vm: &Vm, v: &Value) -> PyResult<()> {
    if is_awaitable_native(v) {
        Ok(())
    } else {
        Err(Raise::type_error(format!(
            "descriptor requires an awaitable object but received '{}'",
            attr::type_name(vm, v)
        )))
    }
}

fn step_result(step: PyResult<Step>) -> PyResult<Value> {
    match step? {
        Step::Yielded(v) => Ok(v),
        Step::Returned(v) => Err(generator::stop_iteration(v)),
    }
}

/// `send(value)` of an asend/athrow/coroutine_wrapper object.
pub fn awaitable_send(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(Raise::type_error(format!(
            "send() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    check_native(vm, &args[0])?;
    step_result(send_native(vm, &args[0], &args[1]).expect("checked"))
}

/// `__next__()` of an asend/athrow/coroutine_wrapper object.
pub fn awaitable_next(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_native(vm, &args[0])?;
    step_result(send_native(vm, &args[0], &Value::None).expect("checked"))
}

/// `throw(typ[, val[, tb]])` of an asend/athrow/coroutine_wrapper object.
pub fn awaitable_throw(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_native(vm, &args[0])?;
    let err = generator::thrown(vm, "throw", &args[1..])?;
    step_result(throw_native(vm, &args[0], &err).expect("checked"))
}

/// `close()` of an asend/athrow/coroutine_wrapper object.
pub fn awaitable_close(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_native(vm, &args[0])?;
    let Some(Object::Native(n)) = args[0].as_object() else {
        unreachable!("checked")
    };
    if let Some(a) = n.data::<ASend>() {
        *a.state.get_mut(&mut vm.gil) = AwaitState::Closed;
    } else if let Some(t) = n.data::<AThrow>() {
        *t.state.get_mut(&mut vm.gil) = AwaitState::Closed;
    } else if let Some(w) = n.data::<Wrapper>() {
        generator::close(vm, wrapped_coroutine(w))?;
    }
    Ok(Value::None)
}

/// `__iter__()` / `__await__()` of an awaitable: itself.
pub fn awaitable_iter(_vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(args[0].clone())
}

/// `coroutine.__await__()`.
pub fn coro_await(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    generator::generator_of(vm, &args[0], GenKind::Coroutine, "__await__")?;
    Ok(native(
        vm,
        BuiltinType::CoroutineWrapper,
        Wrapper {
            coro: args[0].clone(),
        },
    ))
}

/// `agen.__aiter__()`.
pub fn agen_aiter(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    generator::generator_of(vm, &args[0], GenKind::AsyncGenerator, "__aiter__")?;
    Ok(args[0].clone())
}

/// `agen.__anext__()`.
pub fn agen_anext(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    generator::generator_of(vm, &args[0], GenKind::AsyncGenerator, "__anext__")?;
    Ok(asend_object(vm, args[0].clone(), Value::None))
}

/// `agen.asend(value)`.
pub fn agen_asend(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    generator::generator_of(vm, &args[0], GenKind::AsyncGenerator, "asend")?;
    if args.len() != 2 {
        return Err(Raise::type_error(format!(
            "async_generator.asend() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    Ok(asend_object(vm, args[0].clone(), args[1].clone()))
}

/// `agen.athrow(typ[, val[, tb]])`.
pub fn agen_athrow(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    generator::generator_of(vm, &args[0], GenKind::AsyncGenerator, "athrow")?;
    if args.len() < 2 || args.len() > 4 {
        return Err(Raise::type_error(format!(
            "athrow expected at least 1 argument, got {}",
            args.len() - 1
        )));
    }
    Ok(native(
        vm,
        BuiltinType::AsyncGenAThrow,
        AThrow {
            agen: args[0].clone(),
            args: Some(args[1..].to_vec()),
            state: GilCell::new(AwaitState::Init),
        },
    ))
}

/// `agen.aclose()`.
pub fn agen_aclose(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    generator::generator_of(vm, &args[0], GenKind::AsyncGenerator, "aclose")?;
    Ok(native(
        vm,
        BuiltinType::AsyncGenAThrow,
        AThrow {
            agen: args[0].clone(),
            args: None,
            state: GilCell::new(AwaitState::Init),
        },
    ))
}

/// What `types.coroutine(func)` does to a generator function: sets
/// CO_ITERABLE_COROUTINE on its code, so `await` accepts its generators.
/// Other callables are returned unchanged (CPython wraps them; not yet).
/// A hook for the future `types` module: not reachable from Python yet.
pub fn mark_iterable_coroutine(vm: &mut Vm, args: &[Value], _: &Kw) -> PyResult<Value> {
    let [func] = args else {
        return Err(Raise::type_error(format!(
            "coroutine() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    if !crate::builtins::is_callable(vm, func)? {
        return Err(Raise::type_error("types.coroutine() expects a callable"));
    }
    if let Some(Object::Function(f)) = func.as_object() {
        if f.code.generator && !f.code.coroutine && !f.code.async_generator {
            f.code
                .iterable_coroutine
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }
    Ok(func.clone())
}
