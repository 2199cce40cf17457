//! `_thread`: OS threads that run Python code under the GIL, and the two lock
//! types `threading` builds everything else on.
//!
//! A new thread takes the GIL with `Interp::enter` and runs its function in its
//! own `Vm`. A lock's state lives outside the GIL (a `parking_lot` mutex and
//! condition in a `Native` object), so a thread waits for a lock with the GIL
//! released; it waits in short slices so that Ctrl-C still reaches the main
//! thread while it blocks.

use crate::args::{self, Kw};
use crate::class::{new_class, Member};
use gilt_vm::builtins::import;
use gilt_vm::eval::{attr, call};
use gilt_vm::exc::{ExcKind, PyResult, Raise};
use gilt_vm::interp::{thread_ident, Vm};
use gilt_vm::object::{Native, Object, PyStr};
use gilt_vm::value::{Obj, Value};
use parking_lot::{Condvar, Mutex};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Threads started by `start_new_thread` still running (`_thread._count()`).
static RUNNING: AtomicUsize = AtomicUsize::new(0);

/// The longest wait a timeout may ask for, in seconds (CPython's value).
const TIMEOUT_MAX: f64 = 9_223_372_036.0;

/// How long a blocked thread waits before looking for Ctrl-C again.
const SLICE: Duration = Duration::from_millis(20);

/// Fill the `_thread` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    import::add_functions(
        vm,
        module,
        &[
            ("start_new_thread", start_new_thread),
            ("start_new", start_new_thread),
            ("allocate_lock", allocate_lock),
            ("allocate", allocate_lock),
            ("get_ident", get_ident),
            ("get_native_id", get_native_id),
            ("_count", count),
            ("stack_size", stack_size),
            ("interrupt_main", interrupt_main),
            ("exit", exit),
            ("exit_thread", exit),
        ],
    );
    let lock = new_class(
        vm,
        "_thread",
        "lock",
        vec![
            ("acquire", Member::Method(lock_acquire)),
            ("acquire_lock", Member::Method(lock_acquire)),
            ("__enter__", Member::Method(lock_acquire)),
            ("release", Member::Method(lock_release)),
            ("release_lock", Member::Method(lock_release)),
            ("__exit__", Member::Method(lock_release)),
            ("locked", Member::Method(lock_locked)),
            ("locked_lock", Member::Method(lock_locked)),
            ("__repr__", Member::Method(lock_repr)),
        ],
    )?;
    let rlock = new_class(
        vm,
        "_thread",
        "RLock",
        vec![
            ("__new__", Member::Function(rlock_new)),
            ("acquire", Member::Method(rlock_acquire)),
            ("__enter__", Member::Method(rlock_acquire)),
            ("release", Member::Method(rlock_release)),
            ("__exit__", Member::Method(rlock_release)),
            ("_is_owned", Member::Method(rlock_is_owned)),
            ("_release_save", Member::Method(rlock_release_save)),
            ("_acquire_restore", Member::Method(rlock_acquire_restore)),
            ("__repr__", Member::Method(rlock_repr)),
        ],
    )?;
    import::set_attr(vm, module, "LockType", Value::Obj(lock.clone()));
    import::set_attr(vm, module, "lock", Value::Obj(lock.clone()));
    import::set_attr(vm, module, "RLock", Value::Obj(rlock));
    import::set_attr(vm, module, "TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    let error = Value::Obj(vm.interp.exceptions["RuntimeError"].clone());
    import::set_attr(vm, module, "error", error);
    // Where allocate_lock finds the class (a module attribute a program could
    // rebind would not do).
    import::set_attr(vm, module, LOCK_CLASS, Value::Obj(lock));
    Ok(())
}

/// The hidden module attribute holding the lock class.
const LOCK_CLASS: &str = "__gilt_lock_class__";

/// `start_new_thread(function, args, kwargs=None)`: run `function(*args,
/// **kwargs)` in a new OS thread; its ident.
fn start_new_thread(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(Raise::type_error(
            "start_new_thread() takes no keyword arguments",
        ));
    }
    if !(2..=3).contains(&args.len()) {
        return Err(Raise::type_error(format!(
            "start_new_thread expected at least 2 arguments, got {}",
            args.len()
        )));
    }
    let function = args[0].clone();
    if !gilt_vm::builtins::is_callable(vm, &function)? {
        return Err(Raise::type_error("first arg must be callable"));
    }
    let positional = match args[1].as_object() {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => return Err(Raise::type_error("2nd arg must be a tuple")),
    };
    let keywords = match args.get(2) {
        None => Vec::new(),
        Some(Value::Obj(o)) if matches!(o.get(), Object::Dict(_)) => {
            let Object::Dict(d) = o.get() else {
                unreachable!()
            };
            let mut out = Vec::new();
            for (k, v) in d.get(&vm.gil).iter() {
                match k.as_object() {
                    Some(Object::Str(s)) => out.push((Box::<str>::from(&*s.text), v.clone())),
                    _ => return Err(Raise::type_error("keywords must be strings")),
                }
            }
            out
        }
        Some(_) => return Err(Raise::type_error("optional 3rd arg must be a dictionary")),
    };
    let interp = vm.interp.clone();
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    RUNNING.fetch_add(1, Ordering::SeqCst);
    let spawned = std::thread::Builder::new()
        .stack_size(16 << 20)
        .spawn(move || {
            let _ = ready_tx.send(thread_ident());
            let mut vm = interp.enter();
            vm.main_thread = false;
            if let Err(err) = call::call(&mut vm, &function, positional, keywords) {
                report_unhandled(&mut vm, err, &function);
            }
            RUNNING.fetch_sub(1, Ordering::SeqCst);
        });
    if spawned.is_err() {
        RUNNING.fetch_sub(1, Ordering::SeqCst);
        return Err(Raise::new(ExcKind::RuntimeError, "can't start new thread"));
    }
    // The new thread reports its ident before it waits for the GIL.
    let ident = vm
        .gil
        .release_for("thread start", || ready_rx.recv().unwrap_or(0));
    Ok(Value::Int(ident))
}

/// An exception that ended a thread started directly with `_thread`
/// (`threading` catches its own): SystemExit ends the thread quietly,
/// anything else is reported as CPython reports it.
fn report_unhandled(vm: &mut Vm, err: Raise, function: &Value) {
    let exc = gilt_vm::eval::exception::materialize(vm, err);
    let class = attr::class_of(vm, &exc);
    let system_exit = vm.interp.exceptions["SystemExit"].clone();
    if attr::is_subclass(vm, &class, &system_exit) {
        return;
    }
    let shown = gilt_vm::eval::ops::repr(vm, function).unwrap_or_default();
    eprintln!("Exception ignored in thread started by: {shown}");
    gilt_vm::run::uncaught(vm, Raise::Object(exc), false);
}

fn get_ident(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("get_ident", [], 0, args, kwargs)?;
    Ok(Value::Int(thread_ident()))
}

/// The OS's id of this thread (Linux: the task id under /proc).
fn get_native_id(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("get_native_id", [], 0, args, kwargs)?;
    let tid = std::fs::read_link("/proc/thread-self")
        .ok()
        .and_then(|p| p.file_name()?.to_str()?.parse::<i64>().ok())
        .unwrap_or(std::process::id() as i64);
    Ok(Value::Int(tid))
}

fn count(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("_count", [], 0, args, kwargs)?;
    Ok(Value::Int(RUNNING.load(Ordering::SeqCst) as i64))
}

/// `stack_size([size])`: Gilt's threads run Python frames off the native
/// stack, so the size is fixed; 0 ("the default") is reported and accepted.
fn stack_size(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [size] = args::parse("stack_size", ["size"], 0, args, kwargs)?;
    if let Some(size) = size {
        let n = args::int(vm, &size)?;
        if n != 0 && n < 32_768 {
            return Err(Raise::value_error("size not valid: 32768 bytes"));
        }
    }
    Ok(Value::Int(0))
}

fn interrupt_main(_vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("interrupt_main", ["signum"], 0, args, kwargs)?;
    gilt_vm::signals::raise_sigint();
    Ok(Value::None)
}

fn exit(_vm: &mut Vm, _args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    Err(Raise::Bare(ExcKind::SystemExit))
}

/// A plain lock: held or not.
#[derive(Default)]
struct LockState {
    held: Mutex<bool>,
    freed: Condvar,
}

/// `allocate_lock()`: a new, unlocked lock.
fn allocate_lock(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("allocate_lock", [], 0, args, kwargs)?;
    let class = lock_class(vm)?;
    Ok(Native::value(class, LockState::default()))
}

fn lock_class(vm: &mut Vm) -> PyResult<Obj> {
    let module = import::import_module(vm, "_thread")?;
    let class = import::module::namespace(&module)
        .and_then(|d| d.get(&vm.gil).get_str(LOCK_CLASS).cloned());
    match class {
        Some(Value::Obj(class)) => Ok(class),
        _ => Err(Raise::new(
            ExcKind::RuntimeError,
            "_thread is not initialised",
        )),
    }
}

/// The state of `self` (args[0]) as a `T`.
fn state<'a, T: std::any::Any + Send + Sync>(
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

/// The `blocking` and `timeout` arguments of an acquire: None for "wait
/// forever", else how long.
fn acquire_args(vm: &mut Vm, rest: &[Value], kwargs: &Kw) -> PyResult<(bool, Option<Duration>)> {
    let [blocking, timeout] = args::parse("acquire", ["blocking", "timeout"], 0, rest, kwargs)?;
    let blocking = match blocking {
        Some(b) => gilt_vm::eval::ops::truthy(vm, &b)?,
        None => true,
    };
    let timeout = match timeout {
        None => -1.0,
        Some(Value::Int(i)) => i as f64,
        Some(Value::Bool(b)) => b as i64 as f64,
        Some(Value::Float(f)) => f,
        Some(other) => return Err(args::not_integer(vm, &other)),
    };
    if !blocking && timeout != -1.0 {
        return Err(Raise::value_error(
            "can't specify a timeout for a non-blocking call",
        ));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(Raise::value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(Raise::new(
            ExcKind::OverflowError,
            "timeout value is too large",
        ));
    }
    Ok((
        blocking,
        (timeout >= 0.0).then(|| Duration::from_secs_f64(timeout)),
    ))
}

/// Take a lock whose state is `S` once `try_take` succeeds, waiting with the
/// GIL released (up to `timeout`, None: for ever). Whether it was taken.
fn wait_for<S>(
    vm: &mut Vm,
    mutex: &Mutex<S>,
    freed: &Condvar,
    blocking: bool,
    timeout: Option<Duration>,
    mut try_take: impl FnMut(&mut S) -> bool,
) -> PyResult<bool> {
    if try_take(&mut mutex.lock()) {
        return Ok(true);
    }
    if !blocking || timeout == Some(Duration::ZERO) {
        return Ok(false);
    }
    let deadline = timeout.map(|t| Instant::now() + t);
    loop {
        let slice_end = match deadline {
            Some(d) => d.min(Instant::now() + SLICE),
            None => Instant::now() + SLICE,
        };
        let taken = vm.gil.release_for("lock.acquire", || {
            let mut guard = mutex.lock();
            loop {
                if try_take(&mut guard) {
                    return true;
                }
                if freed.wait_until(&mut guard, slice_end).timed_out() {
                    return try_take(&mut guard);
                }
            }
        });
        if taken {
            return Ok(true);
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(false);
        }
        if vm.main_thread && gilt_vm::signals::pending() {
            gilt_vm::eval::breaker::run_signal_handlers(vm)?;
        }
    }
}

fn lock_acquire(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let lock: &LockState = state(vm, args, "acquire", "lock")?;
    // `with lock:` calls __enter__ with no arguments; __exit__ gets three.
    let (blocking, timeout) = acquire_args(vm, &args[1..], kwargs)?;
    let taken = wait_for(vm, &lock.held, &lock.freed, blocking, timeout, |held| {
        !std::mem::replace(held, true)
    })?;
    Ok(Value::Bool(taken))
}

fn lock_release(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let lock: &LockState = state(vm, args, "release", "lock")?;
    let mut held = lock.held.lock();
    if !*held {
        return Err(Raise::new(ExcKind::RuntimeError, "release unlocked lock"));
    }
    *held = false;
    lock.freed.notify_one();
    Ok(Value::None)
}

fn lock_locked(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let lock: &LockState = state(vm, args, "locked", "lock")?;
    let held = *lock.held.lock();
    Ok(Value::Bool(held))
}

fn lock_repr(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let lock: &LockState = state(vm, args, "__repr__", "lock")?;
    let held = *lock.held.lock();
    Ok(PyStr::value(format!(
        "<{} _thread.lock object at {:#x}>",
        if held { "locked" } else { "unlocked" },
        address(&args[0])
    )))
}

fn address(v: &Value) -> usize {
    match v {
        Value::Obj(o) => o.addr(),
        _ => 0,
    }
}

/// A reentrant lock: which thread holds it, how many times.
#[derive(Default)]
struct RLockState {
    owner: Mutex<(i64, usize)>,
    freed: Condvar,
}

fn rlock_new(_vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let Some(Value::Obj(class)) = args.first() else {
        return Err(Raise::type_error(
            "RLock.__new__(X): X is not a type object",
        ));
    };
    Ok(Native::value(class.clone(), RLockState::default()))
}

fn rlock_acquire(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let lock: &RLockState = state(vm, args, "acquire", "_thread.RLock")?;
    let (blocking, timeout) = acquire_args(vm, &args[1..], kwargs)?;
    let me = thread_ident();
    let taken = wait_for(
        vm,
        &lock.owner,
        &lock.freed,
        blocking,
        timeout,
        |owner| match owner {
            (_, 0) => {
                *owner = (me, 1);
                true
            }
            (who, n) if *who == me => {
                *n += 1;
                true
            }
            _ => false,
        },
    )?;
    Ok(Value::Bool(taken))
}

fn rlock_release(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let lock: &RLockState = state(vm, args, "release", "_thread.RLock")?;
    let mut owner = lock.owner.lock();
    if owner.1 == 0 || owner.0 != thread_ident() {
        return Err(Raise::new(
            ExcKind::RuntimeError,
            "cannot release un-acquired lock",
        ));
    }
    owner.1 -= 1;
    if owner.1 == 0 {
        owner.0 = 0;
        lock.freed.notify_one();
    }
    Ok(Value::None)
}

fn rlock_is_owned(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let lock: &RLockState = state(vm, args, "_is_owned", "_thread.RLock")?;
    let owner = *lock.owner.lock();
    Ok(Value::Bool(owner.1 > 0 && owner.0 == thread_ident()))
}

/// Let go of the lock entirely (a Condition's wait does this); the count and
/// owner, to hand back to `_acquire_restore`.
fn rlock_release_save(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let lock: &RLockState = state(vm, args, "_release_save", "_thread.RLock")?;
    let mut owner = lock.owner.lock();
    if owner.1 == 0 {
        return Err(Raise::new(
            ExcKind::RuntimeError,
            "cannot release un-acquired lock",
        ));
    }
    let saved = *owner;
    *owner = (0, 0);
    lock.freed.notify_one();
    Ok(Value::obj(Object::Tuple(
        vec![Value::Int(saved.1 as i64), Value::Int(saved.0)].into(),
    )))
}

fn rlock_acquire_restore(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let lock: &RLockState = state(vm, args, "_acquire_restore", "_thread.RLock")?;
    let (count, who) = match args.get(1).and_then(Value::as_object) {
        Some(Object::Tuple(t)) if t.len() == 2 => match (&t[0], &t[1]) {
            (Value::Int(c), Value::Int(w)) => (*c as usize, *w),
            _ => return Err(Raise::type_error("_acquire_restore expects (count, owner)")),
        },
        _ => return Err(Raise::type_error("_acquire_restore expects (count, owner)")),
    };
    wait_for(vm, &lock.owner, &lock.freed, true, None, |owner| {
        if owner.1 == 0 {
            *owner = (who, count);
            true
        } else {
            false
        }
    })?;
    Ok(Value::None)
}

fn rlock_repr(vm: &mut Vm, args: &[Value], _kwargs: &Kw) -> PyResult<Value> {
    let lock: &RLockState = state(vm, args, "__repr__", "_thread.RLock")?;
    let (owner, count) = *lock.owner.lock();
    let class = attr::type_name(vm, &args[0]);
    Ok(PyStr::value(format!(
        "<{} _thread.{class} object owner={owner} count={count} at {:#x}>",
        if count > 0 { "locked" } else { "unlocked" },
        address(&args[0])
    )))
}
