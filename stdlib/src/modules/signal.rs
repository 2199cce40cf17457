//! `signal`: set Python handlers for OS signals, send signals, alarms.
//!
//! A handler runs in the main thread between two instructions (see
//! `gilt_vm::eval::breaker`); setting one tells the OS to record the signal
//! for it. The handler table lives in the interpreter, so `getsignal` and the
//! breaker agree.

use crate::args::{self, Kw};
use gilt_vm::builtins::import;
use gilt_vm::builtins::os_error::from_errno;
use gilt_vm::eval::{attr, breaker};
use gilt_vm::exc::{PyResult, Raise};
use gilt_vm::interp::Vm;
use gilt_vm::object::{Builtin, Object, PyStr};
use gilt_vm::signals::{self, Disposition, NSIG};
use gilt_vm::value::Value;

/// The signals a program names, with their numbers on this system.
const NAMES: &[(&str, i32)] = &[
    ("SIGABRT", libc::SIGABRT),
    ("SIGALRM", libc::SIGALRM),
    ("SIGBUS", libc::SIGBUS),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGFPE", libc::SIGFPE),
    ("SIGHUP", libc::SIGHUP),
    ("SIGILL", libc::SIGILL),
    ("SIGINT", libc::SIGINT),
    ("SIGIO", libc::SIGIO),
    ("SIGIOT", libc::SIGABRT),
    ("SIGKILL", libc::SIGKILL),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGPOLL", libc::SIGIO),
    ("SIGPROF", libc::SIGPROF),
    ("SIGPWR", libc::SIGPWR),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGRTMAX", 64),
    ("SIGRTMIN", 34),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGSYS", libc::SIGSYS),
    ("SIGTERM", libc::SIGTERM),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
];

/// `SIG_DFL` and `SIG_IGN`.
const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

/// Fill the `signal` module.
pub fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    import::add_functions(
        vm,
        module,
        &[
            ("signal", signal),
            ("getsignal", getsignal),
            ("alarm", alarm),
            ("raise_signal", raise_signal),
            ("pause", pause),
            ("strsignal", strsignal),
            ("valid_signals", valid_signals),
        ],
    );
    for &(name, number) in NAMES {
        import::set_attr(vm, module, name, Value::Int(number as i64));
    }
    import::set_attr(vm, module, "SIG_DFL", Value::Int(SIG_DFL));
    import::set_attr(vm, module, "SIG_IGN", Value::Int(SIG_IGN));
    import::set_attr(vm, module, "NSIG", Value::Int(NSIG as i64));
    // The very object SIGINT's handler starts as, so `getsignal(SIGINT) is
    // default_int_handler` holds until a program changes it.
    let initial = vm.interp.signal_handlers.get(&vm.gil)[signals::SIGINT as usize].clone();
    let default_int = if attr::is_native(&initial, breaker::default_int_handler) {
        initial
    } else {
        Builtin::function("default_int_handler", breaker::default_int_handler)
    };
    import::set_attr(vm, module, "default_int_handler", default_int);
    Ok(())
}

/// A signal number argument, checked to be in range.
fn signal_number(vm: &Vm, v: &Value) -> PyResult<i32> {
    let n = args::int(vm, v)?;
    if !(1..NSIG as i64).contains(&n) {
        return Err(Raise::value_error("signal number out of range"));
    }
    Ok(n as i32)
}

/// `signal.signal(signalnum, handler)`: the previous handler.
fn signal(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [signum, handler] = args::parse("signal", ["signalnum", "handler"], 2, args, kwargs)?;
    let (signum, handler) = (
        signum.unwrap_or(Value::None),
        handler.unwrap_or(Value::None),
    );
    if !vm.main_thread {
        return Err(Raise::value_error(
            "signal only works in main thread of the main interpreter",
        ));
    }
    let signum = signal_number(vm, &signum)?;
    let disposition = match handler {
        Value::Int(SIG_DFL) => Disposition::Default,
        Value::Int(SIG_IGN) => Disposition::Ignore,
        ref h if !matches!(h, Value::Int(_)) && gilt_vm::builtins::is_callable(vm, h)? => {
            Disposition::Python
        }
        _ => {
            return Err(Raise::type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ))
        }
    };
    if let Err(errno) = signals::set_disposition(signum, disposition) {
        return Err(from_errno(vm, errno, None, None));
    }
    let table = vm.interp.signal_handlers.get_mut(&mut vm.gil);
    Ok(std::mem::replace(&mut table[signum as usize], handler))
}

/// `signal.getsignal(signalnum)`.
fn getsignal(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [signum] = args::parse("getsignal", ["signalnum"], 1, args, kwargs)?;
    let signum = signal_number(vm, &signum.unwrap_or(Value::None))?;
    Ok(vm.interp.signal_handlers.get(&vm.gil)[signum as usize].clone())
}

/// `signal.alarm(seconds)`: SIGALRM after that many seconds (0 cancels);
/// what was left of the previous alarm.
fn alarm(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [seconds] = args::parse("alarm", ["seconds"], 1, args, kwargs)?;
    let seconds = args::int(vm, &seconds.unwrap_or(Value::None))?;
    let seconds = u32::try_from(seconds).map_err(|_| {
        Raise::new(
            gilt_vm::exc::ExcKind::OverflowError,
            "Python int too large to convert to C unsigned long",
        )
    })?;
    Ok(Value::Int(signals::alarm(seconds) as i64))
}

/// `signal.raise_signal(signalnum)`: send a signal to this process; its
/// Python handler runs before this returns, as in CPython.
fn raise_signal(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [signum] = args::parse("raise_signal", ["signalnum"], 1, args, kwargs)?;
    let signum = signal_number(vm, &signum.unwrap_or(Value::None))?;
    if let Err(errno) = signals::raise_signal(signum) {
        return Err(from_errno(vm, errno, None, None));
    }
    if vm.main_thread && signals::pending() {
        breaker::run_signal_handlers(vm)?;
    }
    Ok(Value::None)
}

/// `signal.pause()`: sleep until a signal arrives, then run its handler.
fn pause(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("pause", [], 0, args, kwargs)?;
    vm.gil.release_for("signal.pause", signals::pause);
    if vm.main_thread && signals::pending() {
        breaker::run_signal_handlers(vm)?;
    }
    Ok(Value::None)
}

/// `signal.strsignal(signalnum)`: the system's description.
fn strsignal(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let [signum] = args::parse("strsignal", ["signalnum"], 1, args, kwargs)?;
    let signum = signal_number(vm, &signum.unwrap_or(Value::None))?;
    let text = match signum {
        libc::SIGHUP => "Hangup",
        libc::SIGINT => "Interrupt",
        libc::SIGQUIT => "Quit",
        libc::SIGILL => "Illegal instruction",
        libc::SIGTRAP => "Trace/breakpoint trap",
        libc::SIGABRT => "Aborted",
        libc::SIGBUS => "Bus error",
        libc::SIGFPE => "Floating point exception",
        libc::SIGKILL => "Killed",
        libc::SIGUSR1 => "User defined signal 1",
        libc::SIGSEGV => "Segmentation fault",
        libc::SIGUSR2 => "User defined signal 2",
        libc::SIGPIPE => "Broken pipe",
        libc::SIGALRM => "Alarm clock",
        libc::SIGTERM => "Terminated",
        libc::SIGSTKFLT => "Stack fault",
        libc::SIGCHLD => "Child exited",
        libc::SIGCONT => "Continued",
        libc::SIGSTOP => "Stopped (signal)",
        libc::SIGTSTP => "Stopped",
        libc::SIGTTIN => "Stopped (tty input)",
        libc::SIGTTOU => "Stopped (tty output)",
        libc::SIGURG => "Urgent I/O condition",
        libc::SIGXCPU => "CPU time limit exceeded",
        libc::SIGXFSZ => "File size limit exceeded",
        libc::SIGVTALRM => "Virtual timer expired",
        libc::SIGPROF => "Profiling timer expired",
        libc::SIGWINCH => "Window changed",
        libc::SIGIO => "I/O possible",
        libc::SIGPWR => "Power failure",
        libc::SIGSYS => "Bad system call",
        n if (34..=64).contains(&n) => {
            return Ok(PyStr::value(format!("Real-time signal {}", n - 34)))
        }
        _ => return Ok(Value::None),
    };
    Ok(PyStr::value(text))
}

/// `signal.valid_signals()`: the signal numbers this system has.
fn valid_signals(vm: &mut Vm, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    args::parse("valid_signals", [], 0, args, kwargs)?;
    let numbers: Vec<Value> = (1..NSIG)
        .filter(|n| !(32..34).contains(n))
        .map(|n| Value::Int(n as i64))
        .collect();
    let table = gilt_vm::builtins::set::table_from(
        vm,
        &Value::obj(Object::List(gilt_vm::gil::GilCell::new(numbers))),
    )?;
    Ok(gilt_vm::object::set::new_set(table))
}
